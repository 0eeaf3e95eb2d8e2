"""A lean index (issue 23): no token text stored on SQLite, the document text packed.

SQLite: the body tokens were stored beside the text only for FTS5 to read, and the text as
it was: together three times the text. Now SearchText keeps the text zlib-packed and the
title tokens (short); FTS5's external content is a view that computes the body tokens from
the packed text with xxgk_search_body_tokens() (xxgk.search.sqlite), which the triggers call
too. FTS5's own index is unchanged (detail=full for exact phrases and NEAR, the one-character
prefix index for one-character queries): docs/search.md "Index size" has the measurements.

PostgreSQL keeps its token columns (the generated tsvector and the phrase check read them);
only the text is packed there too.

The index is emptied first and rebuilt by the post-migrate hook (apps._index_if_empty).
"""

import importlib

from django.db import migrations, models

VIEW = "xxgk_search_fts_source"
SQLITE_CREATE = [
    f"""CREATE VIEW {VIEW} AS
        SELECT document_id, title_tokens, xxgk_search_body_tokens(packed_text) AS body_tokens
        FROM xxgk_search_searchtext""",
    f"""CREATE VIRTUAL TABLE xxgk_search_fts USING fts5(
        title_tokens, body_tokens,
        content='{VIEW}', content_rowid='document_id',
        tokenize='unicode61 remove_diacritics 0', prefix='1'
    )""",
    """CREATE TRIGGER xxgk_search_fts_insert AFTER INSERT ON xxgk_search_searchtext BEGIN
        INSERT INTO xxgk_search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.document_id, new.title_tokens, xxgk_search_body_tokens(new.packed_text));
    END""",
    """CREATE TRIGGER xxgk_search_fts_delete AFTER DELETE ON xxgk_search_searchtext BEGIN
        INSERT INTO xxgk_search_fts(xxgk_search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.document_id, old.title_tokens,
                xxgk_search_body_tokens(old.packed_text));
    END""",
    """CREATE TRIGGER xxgk_search_fts_update AFTER UPDATE ON xxgk_search_searchtext BEGIN
        INSERT INTO xxgk_search_fts(xxgk_search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.document_id, old.title_tokens,
                xxgk_search_body_tokens(old.packed_text));
        INSERT INTO xxgk_search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.document_id, new.title_tokens, xxgk_search_body_tokens(new.packed_text));
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS xxgk_search_fts_update",
    "DROP TRIGGER IF EXISTS xxgk_search_fts_delete",
    "DROP TRIGGER IF EXISTS xxgk_search_fts_insert",
    "DROP TABLE IF EXISTS xxgk_search_fts",
    f"DROP VIEW IF EXISTS {VIEW}",
]
TABLES = ("xxgk_search_searchtext", "xxgk_search_searchdocument")


def _first_fulltext():
    return importlib.import_module("xxgk.search.migrations.0002_fulltext")


def _empty(schema_editor):
    for table in TABLES:
        schema_editor.execute(f"DELETE FROM {schema_editor.quote_name(table)}")


def drop_old(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in _first_fulltext().SQLITE_BACKWARD:
            schema_editor.execute(statement)
    _empty(schema_editor)


def create_old(apps, schema_editor):
    _empty(schema_editor)
    if schema_editor.connection.vendor == "sqlite":
        for statement in _first_fulltext().SQLITE_FORWARD:
            schema_editor.execute(statement)


def create_new(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)


def drop_new(apps, schema_editor):
    _empty(schema_editor)
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("xxgk_search", "0005_reindex_folded_text")]

    operations = [
        migrations.RunPython(drop_old, create_old),
        migrations.RemoveField(model_name="searchtext", name="text"),
        migrations.AddField(
            model_name="searchtext", name="packed_text", field=models.BinaryField(default=b"")
        ),
        migrations.RunPython(create_new, drop_new),
    ]
