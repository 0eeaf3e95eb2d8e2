"""The index at most twice the size of the text it indexes (issue 23).

SQLite: an external-content FTS5 table must be told a row's tokens again to delete it, so
the text was kept (packed) beside it — with the one-character prefix index, 3.6 times the
text. SQLite 3.43's contentless tables with ``contentless_delete=1`` delete by rowid alone:

* ``xxgk_search_fts``: the title and body tokens (bigrams, detail=full for exact phrases,
  NEAR and bm25), no prefix index;
* ``xxgk_search_chars``: each document's distinct CJK characters, detail=none — what a
  one-character query (宿) matches, instead of the prefix index;
* one trigger on the documents table deletes a row from both, whatever deletes it.

The backend writes both in the transaction that writes the document row
(xxgk.search.backends.SQLiteBackend). No text is stored on either engine any more:
snippets are cut from the pages' own text (xxgk.search.documents.texts_of), so PostgreSQL
drops ``packed_text`` too and keeps its token columns.

On SQLite the index is emptied and the post-migrate hook (apps._index_if_empty) rebuilds it
inside ``migrate``; docs/search.md says what that costs. PostgreSQL's index is untouched.
Not reversible: the previous structure needs the text this migration drops.
"""

from django.db import migrations

SQLITE_DROP_OLD = [
    "DROP TRIGGER IF EXISTS xxgk_search_fts_update",
    "DROP TRIGGER IF EXISTS xxgk_search_fts_delete",
    "DROP TRIGGER IF EXISTS xxgk_search_fts_insert",
    "DROP TABLE IF EXISTS xxgk_search_fts",
    "DROP VIEW IF EXISTS xxgk_search_fts_source",
    "DELETE FROM xxgk_search_searchtext",
    "DELETE FROM xxgk_search_searchdocument",
]
SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE xxgk_search_fts USING fts5(
        title_tokens, body_tokens,
        content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE VIRTUAL TABLE xxgk_search_chars USING fts5(
        chars,
        content='', contentless_delete=1, detail=none,
        tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TRIGGER xxgk_search_document_delete AFTER DELETE ON xxgk_search_searchdocument
    BEGIN
        DELETE FROM xxgk_search_fts WHERE rowid = old.id;
        DELETE FROM xxgk_search_chars WHERE rowid = old.id;
    END""",
]


def drop_old(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP_OLD:
            schema_editor.execute(statement)


def create_new(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("xxgk_search", "0006_lean_index")]

    operations = [
        migrations.RunPython(drop_old),
        migrations.RemoveField(model_name="searchtext", name="packed_text"),
        migrations.RunPython(create_new),
    ]
