"""Running hand-written SQL that differs by database engine (triggers below the ORM: the
audit log's append-only guard, supervision's daily summary)."""

from collections.abc import Iterable, Mapping


def execute_for_vendor(connection, statements: Mapping[str, Iterable[str]]) -> None:
    """Run the statements given for the connection's engine (``connection.vendor``:
    "postgresql", "sqlite"), in order, in one cursor; an engine not named runs nothing."""
    with connection.cursor() as cursor:
        for sql in statements.get(connection.vendor, ()):
            cursor.execute(sql)
