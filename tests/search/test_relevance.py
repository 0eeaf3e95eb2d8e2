"""Relevance: what people type finds what they mean, identically on SQLite and PostgreSQL.

Each case names the documents a query must return (all of them, and nothing else from the
corpus) — so the cases that expect nothing double as "must not return" checks.
"""

import pytest

from xxgk.search.selectors import search

pytestmark = pytest.mark.django_db

CASES = [
    # Chinese words, in titles and inside running text
    ("招生章程", {"zhangcheng2022", "zhangcheng2021"}),
    ("章程", {"zhangcheng2022", "zhangcheng2021"}),
    ("招生", {"zhangcheng2022", "zhangcheng2021", "zhuanshengben", "qqgroup"}),
    ("预算", {"budget", "final_accounts"}),
    ("决算", {"final_accounts"}),
    ("奖助学金", {"aid_guide"}),
    ("奖学金", {"scholarship", "aid_guide"}),
    ("助学金", {"grant", "aid_guide"}),
    ("国家奖学金", {"scholarship"}),
    ("专升本", {"zhuanshengben"}),
    ("宿舍", {"dormitory"}),
    ("消防", {"dormitory"}),
    ("检查", {"dormitory"}),
    ("勤工俭学", {"grant"}),
    ("学生", {"scholarship", "grant", "dormitory"}),
    ("通知", {"qqgroup", "dormitory"}),
    ("信息公开", {"report", "guide", "rules"}),
    ("工作报告", {"report"}),
    # single characters: prefix of a bigram, or the last character of a run
    ("宿", {"dormitory"}),
    ("舍", {"dormitory"}),
    # mixed tokens and numbers
    ("2022年", {"zhangcheng2022", "zhuanshengben", "budget"}),
    # a bare year also finds that year's index numbers (索引号 QZXY-2021-…)
    (
        "2021",
        {"zhangcheng2021", "final_accounts", "scholarship", "grant", "dormitory", "fees", "report"},
    ),
    ("2021年", {"zhangcheng2021", "final_accounts"}),
    ("QQ群", {"zhuanshengben", "qqgroup"}),
    ("qq", {"zhuanshengben", "qqgroup"}),
    ("ＱＱ群", {"zhuanshengben", "qqgroup"}),
    ("123456789", {"zhuanshengben"}),
    ("987654321", {"qqgroup"}),
    ("5000", {"fees"}),
    ("12.5亿元", {"budget"}),
    # English words, any case, whole words only
    ("programme", {"exchange"}),
    ("Summer School", {"exchange"}),
    ("SCHOOL", {"exchange"}),
    ("prog", set()),
    # several words: all must occur
    ("本科 招生", {"zhangcheng2022", "zhangcheng2021", "qqgroup"}),
    ("招生 预算", set()),
    # withdrawn, expired and draft content is never public
    ("2020", set()),
    ("讲座", set()),
    ("征求意见稿", set()),
    ("草案", set()),
]


def hits(query, **options):
    return [hit.document.page_id for hit in search(query, **options)[:50]]


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[case[0] for case in CASES])
def test_query_finds_exactly_the_expected_documents(corpus, query, expected):
    found = set(hits(query))
    wanted = {corpus.pages[key].pk for key in expected}
    names = {page.pk: key for key, page in corpus.pages.items()}
    assert {names.get(pk, pk) for pk in found} == {names[pk] for pk in wanted}


def test_index_number_finds_its_disclosure(corpus):
    page = corpus.pages["budget"]
    assert hits(page.index_number) == [page.pk]


def test_each_page_is_returned_once(corpus):
    found = hits("招生")
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("query", "first", "second"),
    [
        # Same text, one year apart: the more recent ranks first (mild recency boost).
        ("招生章程", "zhangcheng2022", "zhangcheng2021"),
        # A title hit outranks a passing mention in the body.
        ("预算", "budget", "final_accounts"),
        ("QQ群", "qqgroup", "zhuanshengben"),
        ("奖学金", "scholarship", "aid_guide"),
    ],
)
def test_ranking(corpus, query, first, second):
    found = hits(query)
    assert found.index(corpus.pages[first].pk) < found.index(corpus.pages[second].pk)


def test_sort_by_date_newest_first(corpus):
    found = hits("招生", sort="date")
    expected = ["qqgroup", "zhangcheng2022", "zhuanshengben", "zhangcheng2021"]
    assert found == [corpus.pages[key].pk for key in expected]


def test_common_words_rank_the_most_recently_indexed_matches_only(corpus, monkeypatch):
    """Above MAX_CANDIDATES matches, the newest index rows are ranked and counted (the cap
    that keeps common words fast); below it every match is."""
    from xxgk.search import backends
    from xxgk.search.models import SearchDocument

    everything = search("招生")
    assert everything.count() == 4 and not everything.capped
    newest = SearchDocument.objects.filter(
        version="live", page_id__in=[hit.document.page_id for hit in everything[:4]]
    ).order_by("-id")[:2]
    monkeypatch.setattr(backends, "MAX_CANDIDATES", 2)
    capped = search("招生")
    assert capped.count() == 2 and capped.capped
    assert {hit.document.pk for hit in capped[:10]} == {document.pk for document in newest}
    dated = search("招生", sort="date")
    assert {hit.document.pk for hit in dated[:10]} == {document.pk for document in newest}
