"""The engine-specific full-text index over SearchText's token columns.

SQLite: an external-content FTS5 table (rowid = SearchText.document_id = SearchDocument.id),
kept in step by triggers, so that every insert, update and delete of a SearchText row
(including cascades) updates it in the same transaction. The token columns hold only letters and digits separated by spaces, so
unicode61 (without diacritic folding) splits exactly on our spaces.

PostgreSQL: a stored generated tsvector column (title weight A, body weight B) with the
'simple' configuration and a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE xxgk_search_fts USING fts5(
        title_tokens, body_tokens,
        content='xxgk_search_searchtext', content_rowid='document_id',
        tokenize='unicode61 remove_diacritics 0', prefix='1'
    )""",
    """CREATE TRIGGER xxgk_search_fts_insert AFTER INSERT ON xxgk_search_searchtext BEGIN
        INSERT INTO xxgk_search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.document_id, new.title_tokens, new.body_tokens);
    END""",
    """CREATE TRIGGER xxgk_search_fts_delete AFTER DELETE ON xxgk_search_searchtext BEGIN
        INSERT INTO xxgk_search_fts(xxgk_search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.document_id, old.title_tokens, old.body_tokens);
    END""",
    """CREATE TRIGGER xxgk_search_fts_update AFTER UPDATE ON xxgk_search_searchtext BEGIN
        INSERT INTO xxgk_search_fts(xxgk_search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.document_id, old.title_tokens, old.body_tokens);
        INSERT INTO xxgk_search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.document_id, new.title_tokens, new.body_tokens);
    END""",
    "INSERT INTO xxgk_search_fts(xxgk_search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS xxgk_search_fts_update",
    "DROP TRIGGER IF EXISTS xxgk_search_fts_delete",
    "DROP TRIGGER IF EXISTS xxgk_search_fts_insert",
    "DROP TABLE IF EXISTS xxgk_search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE xxgk_search_searchtext ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, title_tokens), 'A')
            || setweight(to_tsvector('simple'::regconfig, body_tokens), 'B')
        ) STORED""",
    """CREATE INDEX xxgk_search_vector_gin ON xxgk_search_searchtext
        USING gin (search_vector)""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS xxgk_search_vector_gin",
    "ALTER TABLE xxgk_search_searchtext DROP COLUMN IF EXISTS search_vector",
]
STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD),
}


def _run(direction):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in STATEMENTS:
            raise RuntimeError(f"xxgk search supports SQLite and PostgreSQL, not {vendor}.")
        for statement in STATEMENTS[vendor][direction]:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("xxgk_search", "0001_initial")]

    operations = [migrations.RunPython(_run(0), _run(1))]
