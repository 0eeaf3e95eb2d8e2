"""The SQLite the full-text index needs: 3.43 or newer.

The index is two contentless FTS5 tables with ``contentless_delete=1`` (migration 0007): a
row is deleted by its rowid alone, so no copy of the text is kept for FTS5 to be told
again. SQLite added that option in 3.43; Debian 12 ships 3.40, which xxgk/__init__.py
replaces with the pysqlite3 wheel's SQLite where it can. Where the SQLite in use is still
older, the system check fails (``manage.py check``, ``migrate``, ``runserver``) and the
first connection of any other process raises the same explanation instead of an FTS5
syntax error at the first search.
"""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.backends.signals import connection_created

from xxgk import MIN_SQLITE_VERSION


def _too_old(connection) -> str | None:
    if connection.vendor != "sqlite":
        return None
    version = connection.Database.sqlite_version_info
    if tuple(version) >= MIN_SQLITE_VERSION:
        return None
    wanted = ".".join(map(str, MIN_SQLITE_VERSION))
    return (
        f"The search index needs SQLite {wanted} or newer (FTS5 contentless_delete); this "
        f"process uses SQLite {connection.Database.sqlite_version} through "
        f"{connection.Database.__name__}. Install the pysqlite3-binary wheel (uv sync does on "
        "x86_64 Linux) or a Python built with a newer SQLite."
    )


def _refuse_an_old_sqlite(sender, connection, **kwargs):
    problem = _too_old(connection)
    if problem:
        raise ImproperlyConfigured(problem)


@checks.register(checks.Tags.database)
def check_sqlite_version(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in databases or ():
        problem = _too_old(connections[alias])
        if problem:
            errors.append(checks.Error(problem, id="xxgk_search.E001"))
    return errors


connection_created.connect(_refuse_an_old_sqlite, dispatch_uid="xxgk_search_sqlite_version")
