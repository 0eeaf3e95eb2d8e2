"""The triggers that keep DailyPublications (live disclosures per day, department and item)
exact below the ORM.

Every way a disclosure enters or leaves the count changes a row of one of two tables:
publishing, unpublishing, withdrawal and expiry flip `wagtailcore_page.live`; a new or
deleted page inserts or deletes rows in both; a move to another item, a change of department
or of publication date updates `disclosures_disclosurepage`. Triggers on both tables see all
of them, whatever the path (Wagtail's actions, services, bulk updates, raw SQL). A disclosure
counts while its page row exists and is live and it has a publication date; each trigger
asks for the other table's row, so the order in which a deletion removes the two rows does
not matter. PostgreSQL adds with an upsert (concurrent publications of one day add up);
SQLite has one writer at a time. Only an increase creates a summary row; a decrease updates
the row it finds, or nothing: Django's flush (tests) deletes the tables in no fixed order,
and a page deleted after the summary was emptied must not leave a count of -1 behind.

SQLite drops a table's triggers when a schema change rebuilds the table, so the app's
post_migrate receiver calls ensure_triggers(), which re-creates missing triggers and then
counts the table again (fill()).
"""

from xxgk.core.db import execute_for_vendor

PAGE = "wagtailcore_page"
DISCLOSURE = "disclosures_disclosurepage"
SUMMARY = "supervision_dailypublications"
KEY_COLUMNS = "item_id, department_id, day"
# What a disclosure row counts under: a disclosure not filed under an item counts as item 0.
KEY = "COALESCE({r}.catalogue_item_id, 0), {r}.publishing_department_id, {r}.publication_date"
LIVE = f"EXISTS (SELECT 1 FROM {PAGE} p WHERE p.id = {{r}}.page_ptr_id AND p.live)"


def _changed(distinct: str) -> str:
    """SQL: the row moved to another key or page (`distinct`: the engine's null-safe <>)."""
    return " OR ".join(
        f"OLD.{column} {distinct} NEW.{column}"
        for column in (
            "catalogue_item_id",
            "publishing_department_id",
            "publication_date",
            "page_ptr_id",
        )
    )


TABLES = [DISCLOSURE] * 3 + [PAGE] * 3
TRIGGERS = [
    f"{SUMMARY}_{name}"
    for name in ("d_insert", "d_update", "d_delete", "p_insert", "p_update", "p_delete")
]

_POSTGRES_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION {SUMMARY}_add(
        p_item integer, p_dept bigint, p_day date, p_delta integer
    ) RETURNS void AS $$
    BEGIN
        IF p_day IS NULL THEN
            RETURN;
        END IF;
        IF p_delta > 0 THEN
            INSERT INTO {SUMMARY} ({KEY_COLUMNS}, count) VALUES (p_item, p_dept, p_day, p_delta)
            ON CONFLICT ({KEY_COLUMNS}) DO UPDATE SET count = {SUMMARY}.count + p_delta;
        ELSE
            UPDATE {SUMMARY} SET count = count + p_delta
            WHERE ({KEY_COLUMNS}) = (p_item, p_dept, p_day);
        END IF;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION {SUMMARY}_disclosure() RETURNS trigger AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            IF {LIVE.format(r="OLD")} THEN
                PERFORM {SUMMARY}_add({KEY.format(r="OLD")}, -1);
            END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            IF {LIVE.format(r="NEW")} THEN
                PERFORM {SUMMARY}_add({KEY.format(r="NEW")}, 1);
            END IF;
        END IF;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION {SUMMARY}_page() RETURNS trigger AS $$
    DECLARE
        page_id integer;
        delta integer := -1;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            page_id := OLD.id;
        ELSE
            page_id := NEW.id;
            IF NEW.live THEN
                delta := 1;
            END IF;
        END IF;
        PERFORM {SUMMARY}_add({KEY.format(r="d")}, delta)
        FROM {DISCLOSURE} d WHERE d.page_ptr_id = page_id;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    *(
        f"DROP TRIGGER IF EXISTS {name} ON {table}"
        for name, table in zip(TRIGGERS, TABLES, strict=True)
    ),
    f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {DISCLOSURE} "
    f"FOR EACH ROW EXECUTE FUNCTION {SUMMARY}_disclosure()",
    f"CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE ON {DISCLOSURE} "
    f"FOR EACH ROW WHEN ({_changed('IS DISTINCT FROM')}) "
    f"EXECUTE FUNCTION {SUMMARY}_disclosure()",
    f"CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {DISCLOSURE} "
    f"FOR EACH ROW EXECUTE FUNCTION {SUMMARY}_disclosure()",
    f"CREATE TRIGGER {TRIGGERS[3]} AFTER INSERT ON {PAGE} "
    f"FOR EACH ROW WHEN (NEW.live) EXECUTE FUNCTION {SUMMARY}_page()",
    f"CREATE TRIGGER {TRIGGERS[4]} AFTER UPDATE OF live ON {PAGE} "
    f"FOR EACH ROW WHEN (OLD.live IS DISTINCT FROM NEW.live) EXECUTE FUNCTION {SUMMARY}_page()",
    f"CREATE TRIGGER {TRIGGERS[5]} AFTER DELETE ON {PAGE} "
    f"FOR EACH ROW WHEN (OLD.live) EXECUTE FUNCTION {SUMMARY}_page()",
]
_POSTGRES_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS {name} ON {table}"
        for name, table in zip(TRIGGERS, TABLES, strict=True)
    ),
    f"DROP FUNCTION IF EXISTS {SUMMARY}_page()",
    f"DROP FUNCTION IF EXISTS {SUMMARY}_disclosure()",
    f"DROP FUNCTION IF EXISTS {SUMMARY}_add(integer, bigint, date, integer)",
]


def _sqlite_add(key: str, where: str, delta: int) -> str:
    """Statements adding `delta` to the summary row of `key` (SELECT list) when `where`."""
    match = f"({KEY_COLUMNS}) = (SELECT {key} WHERE {where})"
    update = f"UPDATE {SUMMARY} SET count = count + ({delta}) WHERE {match};"
    if delta < 0:
        return update
    insert = (
        f"INSERT OR IGNORE INTO {SUMMARY} ({KEY_COLUMNS}, count) SELECT {key}, 0 WHERE {where};"
    )
    return insert + " " + update


def _sqlite_page(ref: str, delta: str, counted: str | None) -> str:
    """The page's disclosure row, if any, moved in (when `counted`, SQL) or out of the count.
    Only a move in creates the summary row (see _sqlite_add)."""
    key = KEY.format(r="d")
    where = f"d.page_ptr_id = {ref}.id AND d.publication_date IS NOT NULL"
    match = f"({KEY_COLUMNS}) = (SELECT {key} FROM {DISCLOSURE} d WHERE {where})"
    insert = (
        f"INSERT OR IGNORE INTO {SUMMARY} ({KEY_COLUMNS}, count) "
        f"SELECT {key}, 0 FROM {DISCLOSURE} d WHERE {where} AND {counted};"
    )
    update = f"UPDATE {SUMMARY} SET count = count + ({delta}) WHERE {match};"
    return update if counted is None else insert + " " + update


def _sqlite_install() -> list[str]:
    old, new = (
        (KEY.format(r=r), f"{r}.publication_date IS NOT NULL AND {LIVE.format(r=r)}")
        for r in ("OLD", "NEW")
    )
    events = [
        (f"AFTER INSERT ON {DISCLOSURE}", _sqlite_add(*new, 1)),
        (
            f"AFTER UPDATE ON {DISCLOSURE} WHEN {_changed('IS NOT')}",
            _sqlite_add(*old, -1) + " " + _sqlite_add(*new, 1),
        ),
        (f"AFTER DELETE ON {DISCLOSURE}", _sqlite_add(*old, -1)),
        (f"AFTER INSERT ON {PAGE} WHEN NEW.live", _sqlite_page("NEW", "1", "1")),
        (
            f"AFTER UPDATE OF live ON {PAGE} WHEN OLD.live IS NOT NEW.live",
            _sqlite_page("NEW", "CASE WHEN NEW.live THEN 1 ELSE -1 END", "NEW.live"),
        ),
        (f"AFTER DELETE ON {PAGE} WHEN OLD.live", _sqlite_page("OLD", "-1", None)),
    ]
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name} {event} BEGIN {body} END"
        for name, (event, body) in zip(TRIGGERS, events, strict=True)
    ]


_SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS]


def install_triggers(connection) -> None:
    execute_for_vendor(connection, {"postgresql": _POSTGRES_INSTALL, "sqlite": _sqlite_install()})


def drop_triggers(connection) -> None:
    execute_for_vendor(connection, {"postgresql": _POSTGRES_DROP, "sqlite": _SQLITE_DROP})


def fill(connection) -> None:
    """Count the summary again from the disclosures (one grouped query)."""
    key = KEY.format(r="d")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SUMMARY}")
        cursor.execute(
            f"INSERT INTO {SUMMARY} ({KEY_COLUMNS}, count) SELECT {key}, COUNT(*) "
            f"FROM {DISCLOSURE} d JOIN {PAGE} p ON p.id = d.page_ptr_id "
            f"WHERE p.live AND d.publication_date IS NOT NULL GROUP BY {key}"
        )
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {SUMMARY}")  # a plan for its new size at once


def _installed(connection) -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", [f"{SUMMARY}%"])
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            return set(TRIGGERS)
        return {name for (name,) in cursor.fetchall()}


def ensure_triggers(connection) -> bool:
    """Re-create missing triggers and count the summary again (changes made while they were
    missing went uncounted). Returns whether anything was missing."""
    if SUMMARY not in connection.introspection.table_names():
        return False  # not migrated yet, or migrated back
    if set(TRIGGERS) <= _installed(connection):
        return False
    install_triggers(connection)
    fill(connection)
    return True
