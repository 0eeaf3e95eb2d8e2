"""One migrated test database per code version, copied into every pytest process.

Migrating a fresh test database takes about 55 s of one core (279 migrations, most of the
time Django rebuilding model states), and every pytest process paid it: each xdist worker,
the browser run, both databases in CI, every targeted run during development. The first
process to need a database for a given version of the code migrates it once and keeps it as
a template; every other process copies it in about a second:

- SQLite: the migrated in-memory database is written to ``var/test-db/sqlite-<key>.sqlite3``
  and copied back into each process's in-memory database with SQLite's backup API, so tests
  still run in memory.
- PostgreSQL: the template is a database of its own, ``test_<name>_tpl_<key>``, and each
  worker's database is made with ``CREATE DATABASE … TEMPLATE``.

The key hashes what can change the migrated data: every file under ``xxgk/`` but templates,
static files and translations (migrations, the models and the post-migrate handlers that
grant role permissions), the lock file, the Python version and the XXGK_* and DATABASE_URL
settings. Any change makes a new template, and older ones are removed. What
``serialized_rollback`` restores is kept beside the template, as Django would have computed
it after migrating.
"""

import fcntl
import hashlib
import os
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE = Path(os.environ.get("XXGK_VAR_DIR", ROOT / "var")) / "test-db"
SKIPPED_PARTS = {"templates", "static", "locale", "__pycache__"}


def template_key() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "xxgk").rglob("*")):
        relative = path.relative_to(ROOT)
        if path.is_file() and not SKIPPED_PARTS & set(relative.parts):
            digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    lock_file = ROOT / "uv.lock"  # mutmut's copy of the tree has none
    digest.update(lock_file.read_bytes() if lock_file.exists() else b"")
    digest.update(sys.version.encode())
    for name in sorted(os.environ):
        if name.startswith("XXGK_") or name == "DATABASE_URL":
            digest.update(f"{name}={os.environ[name]}\0".encode())
    return digest.hexdigest()[:16]


@contextmanager
def _file_lock(path: Path):
    """Only one process builds a template; the others wait for it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _point_at_test_database(connection, name: str) -> None:
    """What Django's create_test_db does once the database exists."""
    from django.conf import settings

    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _migrate(connection, verbosity: int) -> str:
    """Create and migrate this connection's test database; the serialized contents."""
    connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=True)
    return connection._test_serialized_contents


def _remove_older(prefix: str, keep: str) -> None:
    """Templates (and their contents) of other versions of the code."""
    for path in STORE.glob(f"{prefix}*"):
        if keep not in path.name and path.suffix != ".lock":
            path.unlink(missing_ok=True)


def setup_sqlite(connection, key: str, verbosity: int, template: Path | None = None) -> None:
    """Fill this process's in-memory test database from the template (built first if
    missing). A ``template`` given is used as it is (scripts/mutation.py migrates its own)."""
    given = template is not None
    template = template or STORE / f"sqlite-{key}.sqlite3"
    contents = template.with_suffix(".json")
    with _file_lock(STORE / "sqlite.lock"):
        if not given and not (template.exists() and contents.exists()):
            serialized = _migrate(connection, verbosity)
            partial = template.with_suffix(".partial")
            target = sqlite3.connect(partial)
            connection.ensure_connection()
            connection.connection.backup(target)
            target.close()
            contents.write_text(serialized, encoding="utf-8")
            partial.replace(template)
            _remove_older("sqlite-", keep=key)
            return
    _point_at_test_database(connection, connection.creation._get_test_db_name())
    connection.ensure_connection()
    source = sqlite3.connect(template)
    source.backup(connection.connection)
    source.close()
    connection._test_serialized_contents = (
        contents.read_text(encoding="utf-8")
        if contents.exists()
        else connection.creation.serialize_db_to_string()
    )


def _maintenance_cursor(connection):
    return connection.creation._nodb_cursor()


def setup_postgresql(connection, key: str, verbosity: int) -> str:
    """The worker's database, cloned from the template (built first if missing)."""
    test_name = connection.creation._get_test_db_name()
    prefix = f"test_{connection.settings_dict['NAME']}_tpl_"[:46]
    template = f"{prefix}{key}"
    contents = STORE / f"postgresql-{template}.json"
    quote = connection.ops.quote_name
    with _maintenance_cursor(connection) as cursor:
        # One builder at a time, across processes and checkouts on this server.
        cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [prefix])
        try:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if cursor.fetchone() is None:
                building = f"{template}_build"
                connection.settings_dict["TEST"]["NAME"] = building
                contents.parent.mkdir(parents=True, exist_ok=True)
                contents.write_text(_migrate(connection, verbosity), encoding="utf-8")
                connection.close()
                cursor.execute(f"ALTER DATABASE {quote(building)} RENAME TO {quote(template)}")
                cursor.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                    [prefix.replace("_", r"\_") + "%", template],
                )
                for (older,) in cursor.fetchall():
                    cursor.execute(f"DROP DATABASE IF EXISTS {quote(older)}")
                _remove_older("postgresql-", keep=template)
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
            cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        finally:
            cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [prefix])
    connection.settings_dict["TEST"]["NAME"] = test_name
    _point_at_test_database(connection, test_name)
    if contents.exists():
        connection._test_serialized_contents = contents.read_text(encoding="utf-8")
    else:  # the template came from another checkout: compute what it would have kept
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return test_name


def drop_postgresql(connection, name: str) -> None:
    connection.close()
    with _maintenance_cursor(connection) as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


def flush_postgresql_by_delete(connection) -> None:
    """Make this connection's flush (the end of every transactional test) DELETE the rows.

    PostgreSQL's flush is one TRUNCATE of all ~140 tables, which gives every table and index
    new files: 3 to 5 s per transactional test on a two-core machine, against 0.05 s for
    deleting the few rows a test leaves (the foreign keys are deferrable, so the order does
    not matter). Tables whose row triggers refuse deletes (the append-only audit log: BEFORE
    DELETE) are still truncated; AFTER triggers (supervision's daily summary) see the deletes
    as any other. A flush that resets sequences is left to Django.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            # Row triggers BEFORE DELETE (tgtype bits 2 and 8): those that may refuse one.
            "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger "
            "WHERE NOT tgisinternal AND tgtype & 10 = 10"
        )
        guarded = {name.strip('"') for (name,) in cursor.fetchall()}
    django_sql_flush = connection.ops.sql_flush
    quote = connection.ops.quote_name

    def sql_flush(style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences:
            return django_sql_flush(
                style, tables, reset_sequences=True, allow_cascade=allow_cascade
            )
        truncated = [table for table in tables if table in guarded]
        statements = ["SET CONSTRAINTS ALL DEFERRED"]
        if truncated:
            statements += django_sql_flush(style, truncated, allow_cascade=allow_cascade)
        statements += [f"DELETE FROM {quote(table)}" for table in tables if table not in guarded]
        return statements

    connection.ops.sql_flush = sql_flush
