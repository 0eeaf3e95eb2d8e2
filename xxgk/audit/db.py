"""Database triggers that make the audit table append-only below the ORM.

The model and its queryset already refuse updates and deletes; the triggers also stop raw
SQL, other clients and code that forgets the ORM. On SQLite the trigger asks a function that
only xxgk's own connections define (``xxgk_audit_sealed``), so any other client — the
``sqlite3`` shell included — cannot run UPDATE or DELETE on the table at all, and xxgk's
connections can only while ``unsealed()`` is active, which only ``manage.py flush`` (emptying
the whole database: test teardown, restore onto a fresh install) enters. PostgreSQL's flush
uses TRUNCATE, which the row triggers do not see.
"""

import threading
from contextlib import contextmanager

from django.db.backends.signals import connection_created

from xxgk.core.db import execute_for_vendor

TABLE = "audit_auditevent"
MESSAGE = "audit log is append-only"
_state = threading.local()

_SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
    f"WHEN xxgk_audit_sealed() BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
    f"WHEN xxgk_audit_sealed() BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
_SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
]
_POSTGRES_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION {TABLE}_refuse() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}'; END;
    $$ LANGUAGE plpgsql""",
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_refuse()",
]
_POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_refuse()",
]


def install_triggers(connection) -> None:
    """Create the triggers (idempotent: also run after every migrate, since SQLite drops a
    table's triggers whenever a schema change rebuilds the table)."""
    execute_for_vendor(connection, {"postgresql": _POSTGRES_INSTALL, "sqlite": _SQLITE_INSTALL})


def drop_triggers(connection) -> None:
    execute_for_vendor(connection, {"postgresql": _POSTGRES_DROP, "sqlite": _SQLITE_DROP})


def _sealed() -> int:
    return 0 if getattr(_state, "unsealed", False) else 1


@contextmanager
def unsealed():
    """Let this thread's SQLite connections empty the table (whole-database flush only)."""
    _state.unsealed = True
    try:
        yield
    finally:
        _state.unsealed = False


def _register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("xxgk_audit_sealed", 0, _sealed)


connection_created.connect(_register_sqlite_function, dispatch_uid="xxgk_audit_sqlite_function")
