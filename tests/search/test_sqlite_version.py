"""The SQLite the index needs (3.43+, contentless_delete): one sqlite3 module for the whole
process (xxgk/__init__.py swaps in pysqlite3 where the standard library's is older), and a
clear error where it is too old."""

import sqlite3
import types

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.backends.sqlite3 import base

import tests.database_template
import xxgk.backup.services
from xxgk import MIN_SQLITE_VERSION
from xxgk.search.sqlite import _refuse_an_old_sqlite, check_sqlite_version


def test_every_import_of_sqlite3_gets_one_recent_module():
    assert sqlite3.sqlite_version_info >= MIN_SQLITE_VERSION
    assert base.Database is sqlite3.dbapi2
    assert xxgk.backup.services.sqlite3 is sqlite3
    assert tests.database_template.sqlite3 is sqlite3


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_an_old_sqlite_fails_the_check_and_the_first_connection(db, monkeypatch):
    old = types.SimpleNamespace(
        sqlite_version_info=(3, 40, 1), sqlite_version="3.40.1", __name__="sqlite3"
    )
    assert check_sqlite_version(databases=["default"]) == []
    monkeypatch.setattr(connection, "Database", old)
    [error] = check_sqlite_version(databases=["default"])
    assert error.id == "xxgk_search.E001" and "3.40.1" in error.msg and "3.43.0" in error.msg
    with pytest.raises(ImproperlyConfigured, match="pysqlite3-binary"):
        _refuse_an_old_sqlite(sender=None, connection=connection)
