"""Databases and processes outside the test's own connection: the backup round trip and the
fault tests run xxgk in separate processes, as cron and gunicorn would."""

import hashlib
import json
import os
import subprocess
import uuid
from pathlib import Path

import psycopg
from django.db import connection

from deploy.local import PYTHON, REPO


def fresh_database_url(tmp_path: Path, name: str) -> str:
    """An empty database of the current vendor: a new SQLite file, or a new PostgreSQL
    database next to the test database (dropped by ``drop_database``)."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
    s = connection.settings_dict
    database = f"{s['NAME']}_{name}_{uuid.uuid4().hex[:6]}"
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{database}"


def drop_database(url: str) -> None:
    if url.startswith("postgres://"):
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def _admin_connection():
    s = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        user=s["USER"],
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
        password=s.get("PASSWORD") or None,
        autocommit=True,
    )


def install_env(database_url: str, root: Path) -> dict[str, str]:
    """The environment of an installation whose database and files are its own: uploads in
    ``root/media``, applicants' private files in ``root/private``."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(root / "media"),
        "XXGK_VAR_DIR": str(root / "var"),
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, check=check
    )


def run_python(env: dict[str, str], code: str):
    """Run ``code`` in the installation (Django set up); it prints one JSON value."""
    result = manage(env, "shell", "--no-imports", "-c", code)
    return json.loads(result.stdout.strip().splitlines()[-1])


def file_hashes(*roots: Path) -> dict[str, str]:
    """SHA-256 of every file under the roots, by path relative to the root's parent."""
    hashes = {}
    for root in roots:
        for path in sorted(root.rglob("*")) if root.is_dir() else []:
            if path.is_file():
                name = path.relative_to(root.parent).as_posix()
                hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes
