"""PostgreSQL finds a query's candidates one window of ids at a time (PostgresBackend.ranked),
each window's matches through one scan of the GIN index (which keeps each row's bucket of
ids beside its tsvector), so that no statement tests every row of a large index for a word
its statistics do not know. However the windows fall, the candidates must be exactly those
of the plain one-query form — the newest MAX_CANDIDATES visible matches — and scored as that
form scores them."""

import math

import pytest
from django.db import connection, transaction

from xxgk.search import backends
from xxgk.search.backends import (
    NO_FILTERS,
    DraftScope,
    Filters,
    PostgresBackend,
    Sort,
    near_alternatives,
)
from xxgk.search.query import parse

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's candidate windows"),
]

QUERIES = [
    "招生", "招生章程", "预算", "学生", "2022年", "QQ群", "學費", "宿", "宿舍",
    "教代会 制度", '"学生宿舍安全"', "不存在的词语组合", "信息 公开",
]  # fmt: skip


def newest_matches(backend, parsed, filters, drafts, limit):
    where, params = backend.where_sql(parsed, filters, drafts)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.id {where} ORDER BY d.id DESC LIMIT {limit}", params)
        return sorted(row[0] for row in cursor.fetchall())


def windowed(backend, parsed, filters, drafts, sort=Sort.DATE):
    with connection.cursor() as cursor:
        return backend.ranked(cursor, parsed, filters, sort, drafts)


def spread_ids(factor):
    """Renumber the index rows so that consecutive documents lie ``factor`` ids apart
    (across many buckets of the GIN index), keeping their order; undone with the test's
    transaction. The foreign key from the text table is checked at commit only."""
    if factor == 1:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM xxgk_search_searchdocument")
        offset = cursor.fetchone()[0] + 1
        for table, column in [
            ("xxgk_search_searchtext", "document_id"),
            ("xxgk_search_searchdocument", "id"),
        ]:
            cursor.execute(f"UPDATE {table} SET {column} = {column} * {factor} + {offset}")


@pytest.mark.parametrize("cap", [1, 3, 1000])
@pytest.mark.parametrize("first_window", [1, 4, 2000])
@pytest.mark.parametrize("window_buckets", [0, 64])
@pytest.mark.parametrize("spread", [1, 700])
def test_the_windows_find_exactly_the_newest_matches(
    corpus, monkeypatch, cap, first_window, window_buckets, spread
):
    monkeypatch.setattr(backends, "MAX_CANDIDATES", cap)
    monkeypatch.setattr(backends, "FIRST_WINDOW", first_window)
    # 0: every window asks the index for all of its matches, not the window's buckets.
    monkeypatch.setattr(backends, "MAX_WINDOW_BUCKETS", window_buckets)
    spread_ids(spread)
    backend = PostgresBackend()
    department = corpus.departments["zs"].pk
    scopes = [
        (NO_FILTERS, None),
        (NO_FILTERS, DraftScope()),
        (Filters(department_id=department), None),
    ]
    compared = 0
    for query in QUERIES:
        parsed = parse(query)
        for filters, drafts in scopes:
            expected = newest_matches(backend, parsed, filters, drafts, cap)
            found = sorted(pk for pk, _ in windowed(backend, parsed, filters, drafts))
            assert found == expected, (query, filters)
            compared += bool(expected)
    assert compared >= 20  # most of the queries find something in the corpus


@pytest.mark.parametrize("cap", [3, 1000])
def test_candidates_are_scored_as_the_one_query_form_scores_them(corpus, monkeypatch, cap):
    """Scored where they are found, the candidates get the score hits_sql gives them (the
    rank times the recency factor), times one plus the typed words' cover density where
    the matches are fewer than the cap; best first, the date breaking ties."""
    monkeypatch.setattr(backends, "MAX_CANDIDATES", cap)
    monkeypatch.setattr(backends, "FIRST_WINDOW", 4)
    backend = PostgresBackend()
    compared = boosted = 0
    for query in QUERIES:
        parsed = parse(query)
        found = windowed(backend, parsed, NO_FILTERS, None, Sort.RELEVANCE)
        with connection.cursor() as cursor:
            cursor.execute(*backend.hits_sql(parsed, NO_FILTERS, Sort.RELEVANCE, None))
            expected = dict(cursor.fetchall())
            proximity = dict.fromkeys(expected, 0.0)
            near = near_alternatives(parsed)
            if near and len(expected) < cap:
                words = " & ".join(backend._conjunction(a) for a in near)
                cursor.execute(
                    "SELECT document_id, ts_rank_cd(search_vector, to_tsquery('simple', %s), 1)"
                    " FROM xxgk_search_searchtext WHERE document_id = ANY(%s)",
                    [words, list(expected)],
                )
                proximity.update(cursor.fetchall())
                boosted += any(proximity.values())
        assert {pk for pk, _ in found} == set(expected), query
        for pk, score in found:
            want = expected[pk] * (1.0 + proximity[pk])
            assert math.isclose(score, want, rel_tol=1e-6), (query, pk, score, want)
        scores = [score for _, score in found]
        assert scores == sorted(scores, reverse=True), query
        compared += bool(found)
    assert compared >= 8
    assert boosted or cap < 1000  # the corpus has close words to boost


def test_the_bucket_size_is_the_index_s(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'xxgk_search_window_gin'")
        (definition,) = cursor.fetchone()
    assert f"(document_id / {backends.BUCKET_IDS})" in definition, definition


def test_the_windows_leave_the_planner_as_it_was(corpus, monkeypatch):
    monkeypatch.setattr(backends, "FIRST_WINDOW", 1)
    with transaction.atomic(), connection.cursor() as cursor:
        PostgresBackend().ranked(cursor, parse("招生"), NO_FILTERS, Sort.RELEVANCE, None)
        for setting, value in [
            ("enable_seqscan", "on"),
            ("enable_hashjoin", "on"),
            ("enable_mergejoin", "on"),
            ("max_parallel_workers_per_gather", "2"),
        ]:
            cursor.execute(f"SHOW {setting}")
            assert cursor.fetchone()[0] == value, setting
