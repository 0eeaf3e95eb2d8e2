"""xxgk: the university information-disclosure platform.

The search index needs SQLite 3.43 or newer (contentless FTS5 tables that delete by rowid,
docs/search.md "Index size"). Debian 12's SQLite is 3.40, so where the standard library's
``sqlite3`` is older, this swaps in ``pysqlite3`` (the ``pysqlite3-binary`` wheel, a
recent SQLite) under the name ``sqlite3``. It runs here, on the first import of the
package — before Django's SQLite backend loads on every entry point (manage.py, the WSGI
application, pytest through the settings module, the bench scripts) — so that Django, the
backup's own connections and every ``import sqlite3`` in the code get one and the same
module. Where neither is new enough, the search app's check says so
(xxgk.search.sqlite).
"""

import sys

MIN_SQLITE_VERSION = (3, 43, 0)


def _use_a_recent_sqlite() -> None:
    import sqlite3

    if sqlite3.sqlite_version_info >= MIN_SQLITE_VERSION:
        return
    try:
        import pysqlite3
        import pysqlite3.dbapi2
    except ImportError:  # no wheel for this platform: the system check reports it
        return
    sys.modules["sqlite3"] = pysqlite3
    sys.modules["sqlite3.dbapi2"] = pysqlite3.dbapi2


_use_a_recent_sqlite()
