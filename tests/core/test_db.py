"""core.db.execute_for_vendor: the engine's own statements, in order; none for another."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from xxgk.core.db import execute_for_vendor

pytestmark = pytest.mark.django_db


def test_runs_the_statements_of_the_connections_engine_in_order():
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    with CaptureQueriesContext(connection) as ctx:
        execute_for_vendor(
            connection,
            {
                connection.vendor: [
                    "CREATE TABLE core_db_probe (n integer)",
                    "INSERT INTO core_db_probe (n) VALUES (7)",
                ],
                other: ["SELECT no_such_function()"],
            },
        )
    assert [q["sql"] for q in ctx.captured_queries] == [
        "CREATE TABLE core_db_probe (n integer)",
        "INSERT INTO core_db_probe (n) VALUES (7)",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM core_db_probe")
        assert cursor.fetchall() == [(7,)]


def test_an_engine_not_named_runs_nothing():
    with CaptureQueriesContext(connection) as ctx:
        execute_for_vendor(connection, {"oracle": ["SELECT 1 FROM dual"]})
    assert ctx.captured_queries == []
