"""Backups of a running site and their restore.

An archive is one tar.gz: a consistent database snapshot (SQLite's online backup API, or
``pg_dump --format=custom`` on PostgreSQL), every stored upload, and ``manifest.json`` (format,
time, database vendor, applied migrations, row counts of the snapshot, SHA-256 of every member).

The database is copied first and the files second: an upload is written to disk before the
row that names it commits, so every file the snapshot refers to is already there when the
files are copied. Files uploaded after the snapshot are copied too; no row names them.
"""

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import connection, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from xxgk.pagecache.services import purge_all

FORMAT = "xxgk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024
# A database holding any of these is not a fresh install: restoring over it needs --force.
CONTENT_MODELS = (
    "auth.User",
    "wagtaildocs.Document",
    "wagtailimages.Image",
    "disclosures.DisclosurePage",
    "requests.Application",
    "mailbox.Letter",
    "complaints.Complaint",
)


class BackupError(Exception):
    """A refused or failed backup or restore; the message is for the operator."""


# --- where the data lives --------------------------------------------------------------------


def storage_roots() -> dict[str, Path]:
    """Every directory uploads are stored under, by a stable name: MEDIA_ROOT ("media") and
    each other file-system storage a model's file field uses (applicants' private files)."""
    locations = [Path(settings.MEDIA_ROOT).resolve()]
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField) and isinstance(field.storage, FileSystemStorage):
                locations.append(Path(field.storage.location).resolve())
    locations = list(dict.fromkeys(locations))
    roots: dict[str, Path] = {}
    for location in locations:
        if any(location != other and location.is_relative_to(other) for other in locations):
            continue  # archived with the directory that holds it
        name = "media" if not roots else location.name
        while name in roots:
            name += "_"
        roots[name] = location
    return roots


def default_archive_path(now: datetime.datetime) -> Path:
    stamp = timezone.localtime(now).strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"xxgk-{stamp}.tar.gz"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _row_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _sqlite_tables(cursor) -> list[str]:
    """The tables that hold rows. Virtual tables are left out: their rows live in their shadow
    tables (counted), and reading one may need a function only the application registers
    (the search index's FTS5 table computes its tokens with one)."""
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
    )
    return [row[0] for row in cursor.fetchall()]


def _applied_migrations(cursor) -> list[list[str]]:
    cursor.execute("SELECT app, name FROM django_migrations")
    return sorted([app, name] for app, name in cursor.fetchall())


def current_row_counts() -> dict[str, int]:
    """Rows per table of the live database (after a restore: to compare with the manifest)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            tables = _sqlite_tables(cursor)
        else:
            tables = connection.introspection.table_names(cursor)
        return _row_counts(cursor, tables)


def database_holds_data() -> bool:
    tables = set(connection.introspection.table_names())
    if "django_migrations" not in tables:
        return False
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        if model._meta.db_table in tables and model._base_manager.exists():
            return True
    return False


# --- PostgreSQL client tools -----------------------------------------------------------------


def _pg_connection_args() -> tuple[list[str], dict[str, str]]:
    s = connection.settings_dict
    args = []
    if s.get("HOST"):
        args += ["--host", str(s["HOST"])]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    if s.get("USER"):
        args += ["--username", str(s["USER"])]
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    return args + ["--dbname", str(s["NAME"])], env


def _tool_major(tool: str) -> int:
    if not shutil.which(tool):
        raise BackupError(f"找不到 {tool}，请安装 PostgreSQL 客户端（postgresql-client）。")
    output = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", output)
    if not match:
        raise BackupError(f"无法识别 {tool} 的版本：{output.strip()}")
    return int(match.group(1))


def _run(command: list, env=None) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} 失败：{result.stderr.strip()[-2000:]}")


# --- snapshots ---------------------------------------------------------------------------------


def _snapshot_sqlite(target: Path) -> dict:
    """Copy the live database with SQLite's online backup API in one step: a single read
    transaction, so the copy is one consistent state while writers carry on (WAL)."""
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        check = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"数据库快照完整性检查未通过：{check}")
        cursor = copy.cursor()
        return {
            "migrations": _applied_migrations(cursor),
            "row_counts": _row_counts(cursor, _sqlite_tables(cursor)),
            "sqlite_version": sqlite3.sqlite_version,
        }


def _snapshot_postgresql(target: Path) -> dict:
    """pg_dump of a snapshot exported from our own REPEATABLE READ transaction, so that the
    row counts and migrations in the manifest describe exactly what was dumped."""
    connection.ensure_connection()
    server = connection.pg_version // 10000
    client = _tool_major("pg_dump")
    if client < server:
        raise BackupError(
            f"pg_dump 版本为 {client}，低于数据库服务器版本 {server}，"
            f"请安装 {server} 或更高版本的 PostgreSQL 客户端。"
        )
    args, env = _pg_connection_args()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        facts = {
            "migrations": _applied_migrations(cursor),
            "row_counts": _row_counts(cursor, connection.introspection.table_names(cursor)),
            "server_major": server,
            "pg_dump_major": client,
        }
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target}",
                *args,
            ],
            env=env,
        )
    return facts


SNAPSHOTS = {
    "sqlite": (_snapshot_sqlite, "db.sqlite3"),
    "postgresql": (_snapshot_postgresql, "db.dump"),
}


# --- writing the archive ---------------------------------------------------------------------


class _HashingReader:
    """Feeds exactly ``size`` bytes of a file to tarfile while hashing them."""

    def __init__(self, handle, size: int):
        self.handle, self.remaining, self.digest = handle, size, hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        n = self.remaining if n < 0 else min(n, self.remaining)
        data = self.handle.read(n)
        self.remaining -= len(data)
        self.digest.update(data)
        return data


def _add_file(tar: tarfile.TarFile, path: Path, arcname: str) -> dict:
    with path.open("rb") as handle:
        info = tar.gettarinfo(arcname=arcname, fileobj=handle)
        reader = _HashingReader(handle, info.size)
        tar.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.size}


def create_backup(output: Path | None = None) -> tuple[Path, dict]:
    """Write an archive of the running site; returns its path and manifest."""
    vendor = connection.vendor
    if vendor not in SNAPSHOTS:
        raise BackupError(f"不支持备份 {vendor} 数据库。")
    created = timezone.now()
    output = Path(output) if output else default_archive_path(created)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    snapshot, dump_name = SNAPSHOTS[vendor]
    roots = storage_roots()
    try:
        with tempfile.TemporaryDirectory(dir=output.parent, prefix=".backup-") as work:
            dump = Path(work) / dump_name
            database = {"vendor": vendor, "file": f"database/{dump_name}", **snapshot(dump)}
            migrations = database.pop("migrations")
            row_counts = database.pop("row_counts")
            files = {}
            with tarfile.open(partial, "w:gz") as tar:
                files[database["file"]] = _add_file(tar, dump, database["file"])
                for name, root in roots.items():
                    for path in sorted(root.rglob("*")) if root.is_dir() else []:
                        if not path.is_file() or path.is_symlink():
                            continue
                        arcname = f"files/{name}/{path.relative_to(root).as_posix()}"
                        try:
                            files[arcname] = _add_file(tar, path, arcname)
                        except FileNotFoundError:
                            continue  # deleted after the listing
                manifest = {
                    "format": FORMAT,
                    "version": FORMAT_VERSION,
                    "created_at": created.isoformat(),
                    "database": database,
                    "migrations": migrations,
                    "row_counts": row_counts,
                    "roots": {name: str(root) for name, root in roots.items()},
                    "files": files,
                }
                data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(created.timestamp()), 0o644
                tar.addfile(info, io.BytesIO(data))
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return output, manifest


# --- reading and restoring -------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def unpack(archive: Path, into: Path) -> dict:
    """Extract the archive into ``into`` and check it against its manifest."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(into, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"无法读取备份文件 {archive}：{error}") from None
    try:
        manifest = json.loads((into / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError("备份文件中没有可读的 manifest.json，不是 xxgk 备份。") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError("备份格式或版本不受支持。")
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(manifest["files"]):
        raise BackupError("备份内容与清单不符（文件缺失或多出），备份可能已损坏。")
    for name, expected in manifest["files"].items():
        if _sha256(into / name) != expected["sha256"]:
            raise BackupError(f"校验和不符：{name}，备份已损坏。")
    return manifest


def _check_migrations(manifest: dict) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted({tuple(m) for m in manifest["migrations"]} - known)
    if unknown:
        listed = "、".join(f"{app}.{name}" for app, name in unknown[:5])
        raise BackupError(f"备份来自较新版本的程序（本程序没有迁移 {listed}），请先升级程序。")


def _restore_sqlite(snapshot: Path) -> None:
    connection.close()
    connection.ensure_connection()
    with closing(sqlite3.connect(snapshot)) as source:
        source.backup(connection.connection)


def _restore_postgresql(dump: Path, manifest: dict, work: Path) -> None:
    """Drop and recreate the public schema and load the dump, in one transaction: either the
    database is the archive's or it is left as it was."""
    made_by = manifest["database"]["pg_dump_major"]
    client = _tool_major("pg_restore")
    if client < made_by:
        raise BackupError(f"pg_restore 版本为 {client}，低于制作备份的 pg_dump {made_by}。")
    args, env = _pg_connection_args()
    script = work / "restore.sql"
    _run(["pg_restore", "--no-owner", "--no-privileges", f"--file={script}", str(dump)])
    connection.close()
    _run(
        [
            "psql",
            "--no-psqlrc",
            "--quiet",
            "--single-transaction",
            "--set=ON_ERROR_STOP=1",
            "--command=DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
            f"--file={script}",
            *args,
        ],
        env=env,
    )


def restore_backup(archive: Path, *, force: bool = False, work_dir: Path | None = None) -> dict:
    """Put the archive's database and files in place of this installation's.

    Refuses, before changing anything, a damaged archive, one from another database vendor or
    from newer code, and a database that already holds data unless ``force``.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"备份文件不存在：{archive}")
    work_dir = Path(work_dir or Path(settings.VAR_DIR) / "backups")
    work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work_dir, prefix=".restore-") as work:
        work = Path(work)
        unpacked = work / "archive"
        manifest = unpack(archive, unpacked)
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise BackupError(
                f"备份的数据库为 {vendor}，当前为 {connection.vendor}，不能跨数据库恢复。"
            )
        _check_migrations(manifest)
        roots = storage_roots()
        missing = sorted(set(manifest["roots"]) - set(roots))
        if missing:
            raise BackupError(f"当前配置没有备份中的文件目录：{'、'.join(missing)}")
        if not force and database_holds_data():
            raise BackupError("目标数据库已有数据。确认要覆盖时请加 --force。")

        for name in manifest["roots"]:
            source = unpacked / "files" / name
            for path in sorted(source.rglob("*")) if source.is_dir() else []:
                if path.is_file():
                    target = roots[name] / path.relative_to(source)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, target)
        dump = unpacked / manifest["database"]["file"]
        if vendor == "sqlite":
            _restore_sqlite(dump)
        else:
            _restore_postgresql(dump, manifest, work)
    connection.close()
    counts = current_row_counts()
    differing = sorted(t for t, n in manifest["row_counts"].items() if counts.get(t) != n)
    if differing:
        raise BackupError(f"恢复后行数与备份不符：{'、'.join(differing[:10])}")
    call_command("migrate", interactive=False, verbosity=0)  # archives from older code
    purge_all()
    return manifest
