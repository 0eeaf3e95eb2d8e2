"""PostgreSQL finds a query's candidates one window of index rows at a time
(PostgresBackend.ranked), so that no walk tests every row of a large index for a word
its statistics do not know. However the windows fall and whichever way each is read (walking
on, or the GIN index for all older rows), the candidates must be exactly those of the plain
one-query form: the newest MAX_CANDIDATES visible matches."""

import pytest
from django.db import connection, transaction

from xxgk.search import backends
from xxgk.search.backends import NO_FILTERS, DraftScope, Filters, PostgresBackend, Sort
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


def windowed(backend, parsed, filters, drafts):
    with connection.cursor() as cursor:
        return sorted(pk for pk, _ in backend.ranked(cursor, parsed, filters, Sort.DATE, drafts))


@pytest.mark.parametrize("cap", [1, 3, 1000])
@pytest.mark.parametrize("first_window", [1, 4, 2000])
@pytest.mark.parametrize("older_rows", ["walked", "from the GIN index"])
def test_the_windows_find_exactly_the_newest_matches(
    corpus, monkeypatch, cap, first_window, older_rows
):
    monkeypatch.setattr(backends, "MAX_CANDIDATES", cap)
    monkeypatch.setattr(backends, "FIRST_WINDOW", first_window)
    # A free walk keeps walking; a free index answers for everything after the first window.
    monkeypatch.setattr(backends, "WALK_ROW" if older_rows == "walked" else "INDEX_ROW", 0.0)
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
            assert windowed(backend, parsed, filters, drafts) == expected, (query, filters)
            compared += bool(expected)
    assert compared >= 20  # most of the queries find something in the corpus


def test_the_gin_index_read_leaves_the_planner_as_it_was(corpus, monkeypatch):
    monkeypatch.setattr(backends, "FIRST_WINDOW", 1)
    monkeypatch.setattr(backends, "WALK_ROW", 1e9)  # the index after the first window
    with transaction.atomic(), connection.cursor() as cursor:
        PostgresBackend().ranked(cursor, parse("招生"), NO_FILTERS, Sort.RELEVANCE, None)
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_hashjoin"):
            cursor.execute(f"SHOW {setting}")
            assert cursor.fetchone()[0] == "on", setting
