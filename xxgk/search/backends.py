"""Search engines behind one small interface.

``get_backend()`` picks the engine for the default database (SQLite FTS5 or PostgreSQL
tsvector), unless ``settings.XXGK_SEARCH_BACKEND`` names another class — the hook for an
Elasticsearch/OpenSearch backend with a Chinese analyzer (see docs/search.md).

Both database engines index the same pre-tokenised text (xxgk.search.tokenizer), match a
parsed query (xxgk.search.query: every word, each as any of its synonyms; exact phrases),
and check liveness against wagtailcore_page in the same query, so withdrawn or expired
pages are never returned, whatever the state of the index.
"""

import datetime
import math
from abc import ABC, abstractmethod
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from .documents import Content
from .models import SearchDocument, SearchText
from .query import Alternative, ParsedQuery, parse
from .tokenizer import index_tokens, is_cjk


class Sort:
    RELEVANCE = "relevance"
    DATE = "date"
    CHOICES = [(RELEVANCE, _("按相关度")), (DATE, _("按日期"))]


@dataclass(frozen=True)
class Filters:
    """Restrictions on hits. ``item_ids`` is a category's items or a single item."""

    item_ids: tuple[int, ...] | None = None
    department_id: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


NO_FILTERS = Filters()


@dataclass(frozen=True)
class DraftScope:
    """Which unpublished versions a staff search may return: all of them when ``pages`` is
    None, else those of ``pages`` (a Page queryset). Public search passes no scope and sees
    live pages only."""

    pages: QuerySet | None = None


@dataclass
class SearchHit:
    document: SearchDocument
    score: float


class SearchBackend(ABC):
    """What an engine must do. ``search`` returns a lazy sequence with ``count()`` and
    slicing (one page of hits per slice), as Django's Paginator expects."""

    @abstractmethod
    def index_document(self, page_id: int, version: str, content: Content) -> None: ...

    @abstractmethod
    def remove_document(self, page_id: int, version: str | None = None) -> None: ...

    @abstractmethod
    def search(
        self,
        query: ParsedQuery | str,
        filters: Filters = NO_FILTERS,
        sort: str = Sort.RELEVANCE,
        drafts: DraftScope | None = None,
    ):
        """``query`` as parsed by xxgk.search.query.parse (a string is parsed with the
        synonym list on)."""

    @abstractmethod
    def rebuild(self, entries: Iterable[tuple[int, str, Content]]) -> int:
        """Replace the whole index with ``entries`` (page id, version, content) in one
        transaction, so readers see the old index until it commits; returns the count."""


def _document_fields(content: Content) -> dict:
    return {
        "kind": content.kind,
        "title": content.title[:255],
        "date": content.date,
        "item_id": content.item_id,
        "department_id": content.department_id,
    }


# Hits are a little better the more recent they are: ×1.2 today, ×1.1 after a year.
RECENCY_BOOST = 0.2
# A query ranks at most this many matches: the most recently indexed visible ones. Scoring
# every match of a common word (at 100,000 documents 学生 is in nearly all of them) costs
# ~200 ms; walking the full-text index in descending row order and stopping here costs a few
# ms. Fewer matches than this are all ranked, so ranking is exact for any specific query;
# counts above the cap are shown as "more than". See docs/search.md.
MAX_CANDIDATES = 1000
# A page is publicly visible when its own row says live and not expired and neither it nor
# an ancestor carries a view restriction (login, password, groups); restricted subtrees are
# read per query (there are few) rather than checked per candidate row.
_PUBLIC_SQL = "d.version = 'live' AND p.live = %s AND (p.expire_at IS NULL OR p.expire_at > %s)"


def _public_visibility() -> tuple[str, list]:
    from wagtail.models import PageViewRestriction

    restricted = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    clauses = [_PUBLIC_SQL, *["p.path NOT LIKE %s" for _ in restricted]]
    return f"({' AND '.join(clauses)})", [True, timezone.now(), *[f"{p}%" for p in restricted]]


class DatabaseBackend(SearchBackend):
    """The shared SQL of the two database engines; subclasses supply the match and rank."""

    batch_size = 1000

    def text_fields(self, content: Content) -> dict:
        return {
            "title_tokens": " ".join(index_tokens(content.title)),
            "body_tokens": " ".join(index_tokens(content.text)),
        }

    def index_document(self, page_id, version, content):
        document, _ = SearchDocument.objects.update_or_create(
            page_id=page_id, version=version, defaults=_document_fields(content)
        )
        SearchText.objects.update_or_create(document=document, defaults=self.text_fields(content))

    def remove_document(self, page_id, version=None):
        documents = SearchDocument.objects.filter(page_id=page_id)
        if version:
            documents = documents.filter(version=version)
        documents.delete()

    def rebuild(self, entries):
        with transaction.atomic():
            with self._bulk_loading():
                self._delete_all()
                count = self._insert_all(entries)
            self.optimize()
        return count

    @contextmanager
    def _bulk_loading(self):
        """Around deleting and loading every row: what the engine suspends and catches up
        on for a whole-index load."""
        yield

    @staticmethod
    def _delete_all() -> None:
        # Plain DELETEs: nothing else refers to these rows, and the ORM's cascade would
        # fetch every id first.
        with connection.cursor() as cursor:
            for model in (SearchText, SearchDocument):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")

    def _insert_all(self, entries) -> int:
        count = 0
        batch = []
        for entry in entries:
            batch.append(entry)
            if len(batch) >= self.batch_size:
                count += self._insert(batch)
                batch = []
        return count + self._insert(batch)

    def _insert(self, batch) -> int:
        documents = SearchDocument.objects.bulk_create(
            SearchDocument(page_id=page_id, version=version, **_document_fields(content))
            for page_id, version, content in batch
        )
        SearchText.objects.bulk_create(
            SearchText(document=document, **self.text_fields(content))
            for document, (_, _, content) in zip(documents, batch, strict=True)
        )
        return len(documents)

    def optimize(self) -> None:
        """Engine housekeeping after a bulk load."""

    def search(self, query, filters=NO_FILTERS, sort=Sort.RELEVANCE, drafts=None):
        parsed = parse(query) if isinstance(query, str) else query
        return DatabaseResults(self, parsed, filters, sort, drafts)

    # --- engine-specific pieces ---------------------------------------------------------
    from_sql = ""
    join = "JOIN"

    def match_sql(self, parsed: ParsedQuery) -> tuple[str, list]:
        raise NotImplementedError

    def rank_sql(self, parsed: ParsedQuery) -> tuple[str, list]:
        raise NotImplementedError

    # The candidates' order: newest index row first, which the engine can read off the
    # full-text index without scoring or sorting every match.
    candidate_order = "d.id DESC"

    def from_sql_for(self, parsed: ParsedQuery) -> str:
        """The tables a query reads (``d`` being the documents)."""
        return self.from_sql

    def candidate_order_for(self, parsed: ParsedQuery) -> str:
        return self.candidate_order

    def age_days_sql(self, column: str) -> str:
        """SQL for the non-negative age in days of ``column`` relative to the %s parameter."""
        raise NotImplementedError

    # --- shared SQL ------------------------------------------------------------------------
    def where_sql(
        self, parsed, filters: Filters, drafts: DraftScope | None, source=None, match=True
    ):
        """FROM … WHERE for the visible matches; ``source`` replaces ``from_sql``, and
        without ``match`` the source has been matched already."""
        clauses, params = [], []
        if match:
            match_sql, params = self.match_sql(parsed)
            clauses.append(match_sql)
        visible, visible_params = _public_visibility()
        params += visible_params
        if drafts is not None:
            draft_clauses = ["d.version = 'draft'"]
            if drafts.pages is not None:
                try:
                    sub_sql, sub_params = drafts.pages.values("pk").query.sql_with_params()
                    draft_clauses.append(f"d.page_id IN ({sub_sql})")
                    params += list(sub_params)
                except EmptyResultSet:  # no page permissions at all
                    draft_clauses.append("1 = 0")
            visible = f"({visible} OR ({' AND '.join(draft_clauses)}))"
        clauses.append(visible)
        if filters.item_ids is not None:
            if filters.item_ids:
                clauses.append(f"d.item_id IN ({', '.join(['%s'] * len(filters.item_ids))})")
                params += list(filters.item_ids)
            else:
                clauses.append("1 = 0")
        if filters.department_id is not None:
            clauses.append("d.department_id = %s")
            params.append(filters.department_id)
        if filters.date_from is not None:
            clauses.append("d.date >= %s")
            params.append(filters.date_from)
        if filters.date_to is not None:
            clauses.append("d.date <= %s")
            params.append(filters.date_to)
        source = source or self.from_sql_for(parsed)
        base = f"FROM {source} {self.join} wagtailcore_page p ON p.id = d.page_id"
        return f"{base} WHERE {' AND '.join(clauses)}", params

    def candidates_sql(self, parsed, filters, drafts, columns: str, params: list):
        """The visible matches to rank: at most MAX_CANDIDATES, newest index rows first."""
        where, where_params = self.where_sql(parsed, filters, drafts)
        order = self.candidate_order_for(parsed)
        sql = f"SELECT {columns} {where} ORDER BY {order} LIMIT {MAX_CANDIDATES}"
        return sql, [*params, *where_params]

    def hits_sql(self, parsed, filters, sort, drafts):
        """Every candidate's (id, score), best first: at most MAX_CANDIDATES rows."""
        columns = "d.id AS id, d.date AS date, d.page_id AS page_id, d.version AS version"
        if sort == Sort.DATE:
            inner, params = self.candidates_sql(parsed, filters, drafts, columns, [])
            select, select_params = "0.0", []
            order = "c.date DESC, c.page_id DESC, c.version"
        else:
            rank, rank_params = self.rank_sql(parsed)
            inner, params = self.candidates_sql(
                parsed, filters, drafts, f"{columns}, {rank} AS rank", rank_params
            )
            recency = f"(1.0 + {RECENCY_BOOST} / (1.0 + {self.age_days_sql('c.date')} / 365.0))"
            select, select_params = f"c.rank * {recency}", [timezone.localdate()]
            order = "score DESC, c.date DESC, c.page_id DESC, c.version"
        sql = f"SELECT c.id, {select} AS score FROM ({inner}) c ORDER BY {order}"
        return sql, [*select_params, *params]

    def ranked(self, cursor, parsed, filters, sort, drafts) -> list[tuple[int, float]]:
        """Every candidate's (id, score), best first."""
        raise NotImplementedError


# Proximity: the typed words of a query standing within this many index tokens of each
# other per gap (about as many characters) rank higher. Queries of more words than
# NEAR_MAX_WORDS get no proximity boost (it would cost more than it tells).
NEAR_TOKENS_PER_GAP = 6
NEAR_MAX_WORDS = 6
# How much higher such a match ranks (SQLite). bm25 over the match OR-ed with the proximity
# group, as the ranking was first built, counted the close words' hits twice: about double.
PROXIMITY_BOOST = 2.0


def near_alternatives(parsed: ParsedQuery) -> list[Alternative]:
    """What ranks a match higher: the typed form of each word, standing close together
    (two to NEAR_MAX_WORDS words), or of a single word, whole and as typed rather than as
    a synonym or as its bigrams apart. Empty where that tells nothing (one one-token word)."""
    clauses = parsed.clauses
    if len(clauses) == 1:
        only = clauses[0]
        typed = only.alternatives[0]
        if typed.phrase or (len(only.alternatives) == 1 and len(typed.terms) == 1):
            return []
    elif len(clauses) > NEAR_MAX_WORDS:
        return []
    return [clause.alternatives[0] for clause in clauses]


FTS_TABLE = "xxgk_search_fts"
CHARS_TABLE = "xxgk_search_chars"


def _has_prefix(alternative: Alternative) -> bool:
    return any(term.prefix for term in alternative.terms)


def _only_prefixes(alternative: Alternative) -> bool:
    return all(term.prefix for term in alternative.terms)


def document_characters(tokens: Iterable[str]) -> str:
    """What the characters table holds for a document: each CJK character that begins one of
    its tokens, once. A CJK character of the text begins a bigram or is a run's last
    character, so this is every distinct CJK character of the title and text, and a
    document matches ``宿`` here exactly when a token of it starts with 宿 (the prefix term
    ``宿*`` a one-character query is, tokenizer.query_terms)."""
    return " ".join(dict.fromkeys(token[0] for token in tokens if is_cjk(token[0])))


class SQLiteBackend(DatabaseBackend):
    """Two contentless FTS5 tables with deletes by rowid (migration 0007; SQLite ≥ 3.43),
    whose rowid is the document's id: ``xxgk_search_fts`` holds the title and body tokens
    (bigrams, detail=full: exact phrases, NEAR, bm25), ``xxgk_search_chars`` each
    document's distinct CJK characters (detail=none) for one-character queries, which a
    one-character prefix index on the first table answered at 1.1 times the text's size.
    Neither keeps the text. Both are written here, in the transaction that writes the
    document row; a trigger on the documents table deletes a row from both, whatever
    deletes it (a page's deletion cascading included)."""

    # CROSS JOIN fixes the join order: SQLite would otherwise sometimes walk the documents
    # and probe the full-text index once per row.
    from_sql = f"{FTS_TABLE} CROSS JOIN xxgk_search_searchdocument d ON d.id = {FTS_TABLE}.rowid"
    join = "CROSS JOIN"
    # FTS5 walks its doclists backwards for this, without computing a rank per match.
    candidate_order = f"{FTS_TABLE}.rowid DESC"

    # --- writing ----------------------------------------------------------------------------
    def index_document(self, page_id, version, content):
        with transaction.atomic():
            document, created = SearchDocument.objects.update_or_create(
                page_id=page_id, version=version, defaults=_document_fields(content)
            )
            with connection.cursor() as cursor:
                if not created:
                    for table in (FTS_TABLE, CHARS_TABLE):
                        cursor.execute(f"DELETE FROM {table} WHERE rowid = %s", [document.pk])
                self._write(cursor, [(document.pk, content)])

    @staticmethod
    def _write(cursor, rows) -> None:
        fts, chars = [], []
        for pk, content in rows:
            title, body = index_tokens(content.title), index_tokens(content.text)
            fts.append((pk, " ".join(title), " ".join(body)))
            chars.append((pk, document_characters(title + body)))
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, title_tokens, body_tokens) VALUES (%s, %s, %s)", fts
        )
        cursor.executemany(f"INSERT INTO {CHARS_TABLE}(rowid, chars) VALUES (%s, %s)", chars)

    def _insert(self, batch) -> int:
        documents = SearchDocument.objects.bulk_create(
            SearchDocument(page_id=page_id, version=version, **_document_fields(content))
            for page_id, version, content in batch
        )
        with connection.cursor() as cursor:
            self._write(
                cursor,
                [(d.pk, content) for d, (_, _, content) in zip(documents, batch, strict=True)],
            )
        return len(documents)

    @contextmanager
    def _bulk_loading(self):
        # The delete trigger would tell FTS5 about each of the old rows one by one; emptying
        # both tables at once ('delete-all') does the same. The trigger's own SQL is read back
        # from the schema, so the migration stays its only definition.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [SearchDocument._meta.db_table],
            )
            triggers = cursor.fetchall()
            for name, _ in triggers:
                cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
            for table in (FTS_TABLE, CHARS_TABLE):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
            yield
            for _, sql in triggers:
                cursor.execute(sql)

    def optimize(self):
        with connection.cursor() as cursor:
            for table in (FTS_TABLE, CHARS_TABLE):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    # --- reading ----------------------------------------------------------------------------
    @staticmethod
    def _phrase(alternative: Alternative) -> str:
        """An FTS5 phrase: the tokens next to each other."""
        return '"' + " ".join(t.token for t in alternative.terms) + '"'

    @classmethod
    def _alternative(cls, alternative: Alternative) -> str:
        if alternative.phrase or len(alternative.terms) == 1:
            return cls._phrase(alternative)
        return "(" + " AND ".join(cls._phrase(Alternative((t,))) for t in alternative.terms) + ")"

    @classmethod
    def _disjunction(cls, alternatives: list[str]) -> str:
        return alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"

    @classmethod
    def expression(cls, parsed: ParsedQuery) -> str:
        """The FTS5 query of the words without a one-character prefix term. Tokens are
        letters and digits only and always quoted, so even "NEAR" or "and" stay plain
        words."""
        return " AND ".join(
            cls._disjunction([cls._alternative(a) for a in clause.alternatives])
            for clause in cls._split(parsed)[0]
        )

    @staticmethod
    def _characters(alternative: Alternative) -> str:
        """The prefix terms of an alternative, as the characters table's query."""
        return " AND ".join(f'"{t.token}"' for t in alternative.terms if t.prefix)

    @classmethod
    def characters_expression(cls, parsed: ParsedQuery) -> str:
        """The characters table's query for the words that are one-character prefix terms
        only (宿: every document with a token that starts with 宿)."""
        return " AND ".join(
            cls._disjunction([f"({cls._characters(a)})" for a in clause.alternatives])
            for clause in cls._split(parsed)[1]
        )

    @staticmethod
    def _split(parsed: ParsedQuery):
        """The query's words as (those without a one-character prefix term, those of such
        terms only, the rest: a word with alternatives of both kinds, or a prefix term and
        other tokens in one alternative)."""
        plain, characters, mixed = [], [], []
        for clause in parsed.clauses:
            if not any(_has_prefix(a) for a in clause.alternatives):
                plain.append(clause)
            elif all(_only_prefixes(a) for a in clause.alternatives):
                characters.append(clause)
            else:
                mixed.append(clause)
        return plain, characters, mixed

    def _driver(self, parsed: ParsedQuery) -> str:
        """The table the candidates are read from, in descending rowid order."""
        plain, characters, _mixed = self._split(parsed)
        if plain:
            return FTS_TABLE
        return CHARS_TABLE if characters else ""

    def from_sql_for(self, parsed):
        driver = self._driver(parsed)
        if not driver:
            return "xxgk_search_searchdocument d"
        return f"{driver} CROSS JOIN xxgk_search_searchdocument d ON d.id = {driver}.rowid"

    def candidate_order_for(self, parsed):
        driver = self._driver(parsed)
        return f"{driver}.rowid DESC" if driver else "d.id DESC"

    def match_sql(self, parsed):
        in_fts = f"d.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
        in_chars = f"d.id IN (SELECT rowid FROM {CHARS_TABLE} WHERE {CHARS_TABLE} MATCH %s)"
        plain, characters, mixed = self._split(parsed)
        sql, params = [], []
        if plain:
            sql.append(f"{FTS_TABLE} MATCH %s")
            params.append(self.expression(parsed))
        if characters:
            sql.append(in_chars if plain else f"{CHARS_TABLE} MATCH %s")
            params.append(self.characters_expression(parsed))
        for clause in mixed:
            alternatives = []
            for alternative in clause.alternatives:
                parts = []
                rest = tuple(t for t in alternative.terms if not t.prefix)
                if rest:
                    parts.append(in_fts)
                    params.append(self._alternative(Alternative(rest)))
                if _has_prefix(alternative):
                    parts.append(in_chars)
                    params.append(self._characters(alternative))
                alternatives.append("(" + " AND ".join(parts) + ")")
            sql.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(sql), params

    def rank_sql(self, parsed):
        # bm25() is lower-is-better; a title hit weighs four times a body hit. A query of
        # one-character words only is ranked by presence (the characters table keeps no
        # counts): by date, as the recency factor and the tie order have it.
        if self._driver(parsed) == FTS_TABLE:
            return f"-bm25({FTS_TABLE}, 4.0, 1.0)", []
        return "1.0", []

    @classmethod
    def proximity_expression(cls, parsed: ParsedQuery) -> str:
        """The FTS5 query for documents where the typed words stand close together (or a
        single word stands whole); empty where that tells nothing (near_alternatives).
        One-character words are left out: the bigram table has no prefix index, and a
        prefix scan of every bigram a character starts costs 200–300 ms at 100,000
        documents."""
        near = near_alternatives(parsed)
        close = [a for a in near if not _has_prefix(a)]
        if len(near) == 1 and close:
            return cls._phrase(close[0])
        if len(close) > 1:
            phrases = " ".join(cls._phrase(a) for a in close)
            return f"NEAR({phrases}, {NEAR_TOKENS_PER_GAP * (len(close) - 1)})"
        return ""

    def ranked(self, cursor, parsed, filters, sort, drafts):
        """bm25 ranks the candidates; then, where they are fewer than MAX_CANDIDATES, those
        in which the typed words stand close (or whole) are looked up by one NEAR or phrase
        query and their score multiplied by PROXIMITY_BOOST. Asking FTS5 for that inside
        the match instead (OR-ing the group in, which bm25 then counts) made it check word
        positions in every match, and needed a count first to keep common words from
        paying for it: about a third of the time of a specific query (docs/search.md)."""
        cursor.execute(*self.hits_sql(parsed, filters, sort, drafts))
        rows = cursor.fetchall()
        proximity = self.proximity_expression(parsed)
        if sort == Sort.DATE or not proximity or not rows or len(rows) >= MAX_CANDIDATES:
            return rows
        cursor.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid BETWEEN %s AND %s",
            [proximity, min(row[0] for row in rows), max(row[0] for row in rows)],
        )
        close = {row[0] for row in cursor.fetchall()}
        if not close:
            return rows
        boosted = [(pk, score * PROXIMITY_BOOST if pk in close else score) for pk, score in rows]
        # A stable sort keeps the SQL's order (date, page) among equal scores.
        return sorted(boosted, key=lambda row: -row[1])

    def age_days_sql(self, column):
        return f"max(julianday(%s) - julianday({column}), 0)"


# PostgreSQL's search (PostgresBackend.candidates): the GIN index keeps each row's bucket of
# BUCKET_IDS ids (migration 0008 writes the same number into the index expression); the first
# window covers the newest FIRST_WINDOW ids; a window of more buckets than MAX_WINDOW_BUCKETS
# asks the index for all matches instead (a window that wide is chosen when matches are few).
BUCKET_IDS = 1024
FIRST_WINDOW = 2 * BUCKET_IDS
MAX_WINDOW_BUCKETS = 64
# Each statement has one way to go, whatever the planner estimates: bitmap scans of the GIN
# index and, per candidate, of the primary keys (with any of these off-switches on, it walked
# or scanned every row instead). JIT and parallel workers cost more than these plans.
INDEX_ONLY = {
    "enable_seqscan": "off",
    "enable_hashjoin": "off",
    "enable_mergejoin": "off",
    "jit": "off",
    "max_parallel_workers_per_gather": "0",
}


@contextmanager
def _planner_settings(cursor, **settings: str):
    """Planner settings for the statements inside, put back afterwards even inside an outer
    transaction (set_config(..., true) would otherwise last until that one ends). Use it
    inside a savepoint: on an error, rolling that back restores them."""
    names = list(settings)
    calls = ", ".join("current_setting(%s), set_config(%s, %s, true)" for _ in names)
    cursor.execute(f"SELECT {calls}", [v for n in names for v in (n, n, settings[n])])
    row = cursor.fetchone()
    previous = {name: row[2 * i] for i, name in enumerate(names)}
    yield
    restore = ", ".join("set_config(%s, %s, true)" for _ in names)
    cursor.execute(f"SELECT {restore}", [v for n in names for v in (n, previous[n])])


class PostgresBackend(DatabaseBackend):
    """A generated tsvector column over the token columns with a GIN index (migration 0002)."""

    from_sql = "xxgk_search_searchtext t JOIN xxgk_search_searchdocument d ON d.id = t.document_id"

    @staticmethod
    def _conjunction(alternative: Alternative) -> str:
        return (
            "("
            + " & ".join(f"'{t.token}'" + (":*" if t.prefix else "") for t in alternative.terms)
            + ")"
        )

    @classmethod
    def tsquery(cls, parsed: ParsedQuery) -> str:
        return " & ".join(
            "(" + " | ".join(cls._conjunction(a) for a in clause.alternatives) + ")"
            for clause in parsed.clauses
        )

    def match_sql(self, parsed):
        # A phrase is matched as its tokens (the GIN index) and then checked in the token
        # text itself: tsvector positions stop at 16,383 and 256 per word, so a `<->` phrase
        # query would miss phrases deep in long attachments that SQLite finds.
        sql = ["t.search_vector @@ to_tsquery('simple', %s)"]
        params = [self.tsquery(parsed)]
        for clause in parsed.clauses:
            phrase = clause.alternatives[0]
            if phrase.phrase:
                pattern = "% " + " ".join(t.token for t in phrase.terms) + " %"
                sql.append(
                    "((' ' || t.title_tokens || ' ') LIKE %s"
                    " OR (' ' || t.body_tokens || ' ') LIKE %s)"
                )
                params += [pattern, pattern]
        return " AND ".join(sql), params

    def rank_sql(self, parsed):
        # Normalisation 1 divides by 1 + log(length), as BM25 damps long documents.
        return "ts_rank(t.search_vector, to_tsquery('simple', %s), 1)", [self.tsquery(parsed)]

    def proximity(self, cursor, parsed, ids: list[int]) -> dict[int, float]:
        """Cover density of the typed words (near_alternatives) in each of ``ids``: a
        candidate's rank is multiplied by one plus this where the matches are fewer than
        MAX_CANDIDATES. Asked only then (the tsvectors were just read, so they are in
        the buffer cache): reading every candidate's twice cost a third more at the cap."""
        near = near_alternatives(parsed)
        if not near:
            return {}
        cursor.execute(
            "SELECT document_id, ts_rank_cd(search_vector, to_tsquery('simple', %s), 1)"
            " FROM xxgk_search_searchtext WHERE document_id = ANY(%s)",
            [" & ".join(self._conjunction(a) for a in near), ids],
        )
        return dict(cursor.fetchall())

    def age_days_sql(self, column):
        return f"greatest(%s::date - {column}, 0)"

    def ranked(self, cursor, parsed, filters, sort, drafts):
        """The newest MAX_CANDIDATES visible matches, ranked.

        Asked for them in one query, PostgreSQL walks the primary key backwards and tests
        each row when it believes the matches are many, and for a word missing from its
        statistics (or two common words that seldom meet) it believes 1 % of the rows match:
        at a million documents it then tested every row, 4–5 s, to find nothing
        (docs/search.md, "The planner trap"). Here the GIN index answers every question,
        for one window of ids at a time (``candidates``), and the planner has no other way
        to go. Each candidate is scored where it is found (reading a thousand tsvectors
        again by their ids cost 10–15 ms at 100,000 documents); close and whole typed words
        rank higher (cover density) only where the matches are fewer than MAX_CANDIDATES,
        as on SQLite: for a common word, for an order among the newest ones only."""
        scored = sort == Sort.RELEVANCE
        with transaction.atomic():
            # Off the primary key's end (the planner may not take another way here).
            cursor.execute("SELECT max(id) FROM xxgk_search_searchdocument")
            newest = (cursor.fetchone()[0] or 0) + 1
            with _planner_settings(cursor, **INDEX_ONLY):
                found = self.candidates(cursor, parsed, filters, drafts, scored, newest)
                close = {}
                if scored and found and len(found) < MAX_CANDIDATES:
                    close = self.proximity(cursor, parsed, [c.id for c in found])
        return _in_order(found, scored, close)

    def candidates(self, cursor, parsed, filters, drafts, scored, newest) -> list["Candidate"]:
        """The newest MAX_CANDIDATES visible matches with ids below ``newest``, window by
        window of ids: the newest FIRST_WINDOW, then each next window sized to find the rest
        at the share of matches seen so far (every older row once that share is nil).

        Each window's matches come out of one scan of the GIN index: the index holds each
        row's bucket of ids beside its tsvector (migration 0008), so the posting lists of
        the window's buckets are intersected with the query's inside the index, and only
        the window's matches are read from the table. (Left to itself, the planner would
        AND the primary key's range in, or test every row of the range instead — cheap in
        its eyes, as it does not price reading a tsvector out of TOAST.) The range itself is
        checked on the rows (+ 0: not through the primary key). The visible ones are then
        taken newest first and ranked."""
        match, match_params = self.match_sql(parsed)
        source = (
            "(SELECT document_id FROM m ORDER BY document_id DESC) m"
            " JOIN xxgk_search_searchdocument d ON d.id = m.document_id"
        )
        where, where_params = self.where_sql(parsed, filters, drafts, source, match=False)
        columns, column_params = self.candidate_columns(parsed, scored)
        found: list[Candidate] = []
        low, window = newest, FIRST_WINDOW
        while True:
            high, low = low, max(low - window, 0)
            first, last = low // BUCKET_IDS, (high - 1) // BUCKET_IDS
            buckets, bucket_params = "", []
            if last - first < MAX_WINDOW_BUCKETS:
                buckets = f" AND ARRAY[t.document_id / {BUCKET_IDS}] && %s::bigint[]"
                bucket_params = [list(range(first, last + 1))]
            cursor.execute(
                "WITH m AS MATERIALIZED (SELECT t.document_id FROM xxgk_search_searchtext t"
                f" WHERE {match}{buckets} AND t.document_id + 0 >= %s"
                f" AND t.document_id + 0 < %s),"
                f" c AS (SELECT d.* {where} ORDER BY d.id DESC"
                f" LIMIT {MAX_CANDIDATES - len(found)})"
                f" SELECT {columns} FROM c d JOIN LATERAL (SELECT search_vector"
                " FROM xxgk_search_searchtext WHERE document_id = d.id OFFSET 0) t ON TRUE"
                " ORDER BY d.id DESC",
                [*match_params, *bucket_params, low, high, *where_params, *column_params],
            )
            found += [Candidate(*row) for row in cursor.fetchall()]
            need = MAX_CANDIDATES - len(found)
            if not need or not low:
                return found
            share = len(found) / (newest - low)
            window = math.ceil(2 * need / share) if share else low

    def candidate_columns(self, parsed, scored: bool) -> tuple[str, list]:
        """What a candidate is ranked by: its rank (read off its tsvector, ``t``), and its
        date and page, for the recency factor and for ties."""
        rank, params = self.rank_sql(parsed) if scored else ("0::real", [])
        return f"d.id, d.date, d.page_id, d.version, {rank}", params

    def optimize(self):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE xxgk_search_searchdocument")
            cursor.execute("ANALYZE xxgk_search_searchtext")


# What a results page shows of a hit: its page's URL, the catalogue item and department by
# name (the snippet's text comes from the pages, documents.texts_of). Building whole page
# objects for the items (and loading the token columns) tripled the time to load a page of
# hits at 100,000 documents.
DISPLAYED_FIELDS = (
    *("id", "page_id", "version", "kind", "title", "date", "item_id", "department_id"),
    *(f"page__{f}" for f in ("id", "title", "url_path", "path", "depth", "live", "locale_id")),
    *("page__content_type_id", "page__expire_at"),
    *("item__title", "item__item_number", "department__name"),
)


class Candidate(NamedTuple):
    """A match as PostgreSQL's windows find it, with what ranks it."""

    id: int
    date: datetime.date
    page_id: int
    version: str
    rank: float


def _in_order(
    candidates: list[Candidate], scored: bool, close: dict[int, float]
) -> list[tuple[int, float]]:
    """(id, score), best first, as hits_sql orders them: the rank (times one plus the
    typed words' proximity in ``close``) times the recency factor, then the date, the page
    and the version."""
    today = timezone.localdate()

    def score(candidate: Candidate) -> float:
        if not scored:
            return 0.0
        age = max((today - candidate.date).days, 0)
        rank = candidate.rank * (1.0 + close.get(candidate.id, 0.0))
        return rank * (1.0 + RECENCY_BOOST / (1.0 + age / 365.0))

    rows = [(score(c), c) for c in candidates]
    rows.sort(key=lambda row: (-row[0], -row[1].date.toordinal(), -row[1].page_id, row[1].version))
    return [(candidate.id, value) for value, candidate in rows]


class DatabaseResults:
    """Lazy hits. One query ranks the candidates (ids and scores only, at most
    MAX_CANDIDATES rows) and answers both ``count()`` and the slices; each slice then loads
    just its own documents."""

    def __init__(self, backend, parsed, filters, sort, drafts):
        self.backend = backend
        self.parsed = parsed
        self.filters = filters
        self.sort = sort
        self.drafts = drafts
        self._ranked = None

    def ranked(self) -> list[tuple[int, float]]:
        if self._ranked is None:
            self._ranked = []
            if self.parsed:
                with connection.cursor() as cursor:
                    self._ranked = self.backend.ranked(
                        cursor, self.parsed, self.filters, self.sort, self.drafts
                    )
        return self._ranked

    def count(self) -> int:
        """Visible matches, at most MAX_CANDIDATES (see ``capped``)."""
        return len(self.ranked())

    @property
    def capped(self) -> bool:
        """True when there are more matches than are ranked and counted."""
        return self.count() >= MAX_CANDIDATES

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        rows = self.ranked()[key]
        if not rows:
            return []
        documents = (
            SearchDocument.objects.select_related("page", "item", "department")
            .only(*DISPLAYED_FIELDS)
            .in_bulk([row[0] for row in rows])
        )
        return [SearchHit(documents[pk], score) for pk, score in rows if pk in documents]


_VENDOR_BACKENDS = {"sqlite": SQLiteBackend, "postgresql": PostgresBackend}


def get_backend() -> SearchBackend:
    dotted = getattr(settings, "XXGK_SEARCH_BACKEND", "")
    if dotted:
        return import_string(dotted)()
    try:
        return _VENDOR_BACKENDS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(f"xxgk search does not support {connection.vendor}") from None
