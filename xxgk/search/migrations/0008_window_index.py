"""PostgreSQL: the GIN index also keeps each row's bucket of 1,024 ids (issue 23).

Search reads the newest matches one window of ids at a time
(xxgk.search.backends.PostgresBackend.candidates). With the bucket beside the tsvector in one
GIN index, a window's matches come out of a single index scan — the query's posting lists
intersected with the window's buckets inside the index — and only they are read from the
table: 1–2 ms at 100,000 documents where walking the window tested every row's TOASTed
tsvector (30–40 ms for a word in a third of the documents). ``BUCKET_IDS`` in the backend is
the 1024 written here; tests/search/test_candidate_windows.py checks that they agree.

Built concurrently (no lock on writes; about a minute per 100,000 documents on the bench
machine), the new index before the old one is dropped, so search keeps an index throughout.
A concurrent build that fails leaves an invalid index behind; a second run drops it first
rather than keeping it (``IF NOT EXISTS`` alone would). SQLite: nothing to do.
"""

from django.db import migrations

FORWARD = [
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS xxgk_search_window_gin ON xxgk_search_searchtext"
    " USING gin (search_vector, (ARRAY[document_id / 1024]))",
    "DROP INDEX CONCURRENTLY IF EXISTS xxgk_search_vector_gin",
]
BACKWARD = [
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS xxgk_search_vector_gin ON xxgk_search_searchtext"
    " USING gin (search_vector)",
    "DROP INDEX CONCURRENTLY IF EXISTS xxgk_search_window_gin",
]


def _drop_invalid(schema_editor, name):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT NOT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            " WHERE c.relname = %s",
            [name],
        )
        row = cursor.fetchone()
    if row and row[0]:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY {name}")


def _run(statements, creates):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _drop_invalid(schema_editor, creates)
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [("xxgk_search", "0007_contentless_index")]

    operations = [
        migrations.RunPython(
            _run(FORWARD, "xxgk_search_window_gin"), _run(BACKWARD, "xxgk_search_vector_gin")
        )
    ]
