"""The SQL function SQLite's full-text triggers call (migration 0006), registered on every
SQLite connection: the body tokens of a packed text, computed where FTS5 needs them (insert,
delete, rebuild) instead of stored beside the text, which took three times its size.

FTS5 deletes a row by being told its tokens again, so they must come out exactly as they
went in: a change to xxgk.search.tokenizer.index_tokens needs a migration that empties the
index (as 0005 did) before the new code deletes anything.
"""

from django.db.backends.signals import connection_created

from .models import unpack_text
from .tokenizer import index_text

BODY_TOKENS_FUNCTION = "xxgk_search_body_tokens"


def body_tokens(packed) -> str:
    return index_text(unpack_text(packed))


def _register(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            BODY_TOKENS_FUNCTION, 1, body_tokens, deterministic=True
        )


connection_created.connect(_register, dispatch_uid="xxgk_search_sqlite_functions")
