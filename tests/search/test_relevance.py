"""Relevance: what people type finds what they mean, identically on SQLite and PostgreSQL.

Each case is (query, must return, must not return); ALL as "must not" means every other
document of the corpus (conftest.py), so the case fixes the whole result. Together they are
the yardstick for changing the index or the query reading (issue 23 may index jieba words
instead of all bigrams "where recall holds"): test_recall_and_precision prints the set's
recall and precision, and docs/search.md records them.
"""

import pytest

from xxgk.search.query import parse
from xxgk.search.selectors import search

pytestmark = pytest.mark.django_db

ALL = "all others"
STUDENT_FREE = {"budget", "final_accounts", "fees", "withdrawn", "expired", "draft_zs", "draft_cw"}

CASES = [
    # Chinese words, in titles and inside running text
    ("招生章程", {"zhangcheng2022", "zhangcheng2021"}, ALL),
    ("章程", {"zhangcheng2022", "zhangcheng2021"}, ALL),
    (
        "招生",
        {"zhangcheng2022", "zhangcheng2021", "zhuanshengben", "qqgroup", "mba"}
        | {"master_admissions", "foreign_students"},
        ALL,
    ),
    ("预算", {"budget", "final_accounts", "sangong"}, ALL),
    ("决算", {"final_accounts"}, ALL),
    ("奖助学金", {"aid_guide", "hk_aid"}, ALL),
    ("奖学金", {"scholarship", "aid_guide", "hk_aid"}, ALL),
    ("助学金", {"grant", "aid_guide", "hk_aid"}, ALL),
    ("国家奖学金", {"scholarship"}, ALL),
    ("专升本", {"zhuanshengben"}, ALL),
    ("宿舍", {"dormitory", "apartments"}, ALL),
    ("消防", {"dormitory"}, ALL),
    ("检查", {"dormitory"}, ALL),
    ("安全检查", {"dormitory"}, ALL),
    ("勤工俭学", {"grant", "qingong"}, ALL),
    ("学生", {"scholarship", "grant", "dormitory", "loan", "hk_aid"}, STUDENT_FREE),
    ("通知", {"qqgroup", "dormitory", "jiaodaihui", "zhicheng", "cet", "appointment"}, {"budget"}),
    ("信息公开", {"report", "guide", "rules"}, ALL),
    ("工作报告", {"report", "jiaodaihui"}, ALL),
    ("干部", {"appointment"}, ALL),
    ("处长", {"appointment"}, ALL),
    ("评定办法", {"scholarship"}, ALL),
    ("管理办法", {"grant"}, ALL),
    ("实施办法", {"tuimian", "rules"}, ALL),
    ("专任教师", {"recruitment"}, ALL),
    ("学分", {"gpa"}, ALL),
    ("课程学分", {"gpa"}, ALL),
    ("研究生", {"master_admissions", "tuimian", "retest", "foreign_students"}, ALL),
    ("研究生复试录取", {"retest"}, ALL),
    ("收费标准", {"fees"}, ALL),
    ("学费", {"fees", "hk_fees"}, ALL),
    ("采购", {"tender", "award", "deal"}, ALL),
    ("衢州学院", {"report"}, {"budget", "fees"}),
    ("体育", set(), ALL),
    ("申诉", set(), ALL),
    # single characters: prefix of a bigram, or the last character of a run
    ("宿", {"dormitory", "hk_fees"}, ALL),
    ("舍", {"dormitory"}, ALL),
    # mixed tokens and numbers
    (
        "2022年",
        {"zhangcheng2022", "zhuanshengben", "budget", "zhicheng", "cet", "sangong"}
        | {"transfer", "recruitment", "mba"},
        ALL,
    ),
    # a bare year also finds that year's index numbers (索引号 QZXY-2021-…)
    (
        "2021",
        {"zhangcheng2021", "final_accounts", "report", "employment_report", "donation"},
        {"zhangcheng2022", "budget"},
    ),
    ("2021年", {"zhangcheng2021", "final_accounts", "donation"}, ALL),
    ("２０２１年", {"zhangcheng2021", "final_accounts", "donation"}, ALL),
    ("QQ群", {"zhuanshengben", "qqgroup"}, ALL),
    ("qq", {"zhuanshengben", "qqgroup"}, ALL),
    ("ＱＱ群", {"zhuanshengben", "qqgroup"}, ALL),
    ("123456789", {"zhuanshengben"}, ALL),
    ("987654321", {"qqgroup"}, ALL),
    ("5000", {"fees", "hk_fees"}, ALL),
    ("12000元", {"loan"}, ALL),
    ("12.5亿元", {"budget"}, ALL),
    ("ＭＢＡ招生简章", {"mba"}, ALL),
    ("MBA项目", {"mba"}, ALL),
    ("CET", {"cet"}, ALL),
    ("ＣＥＴ", {"cet"}, ALL),
    # English words, any case, whole words only
    ("programme", {"exchange"}, ALL),
    ("Summer School", {"exchange"}, ALL),
    ("SCHOOL", {"exchange"}, ALL),
    ("prog", set(), ALL),
    # several words: each must occur, in any order, but no bigram spanning two words
    ("本科 招生", {"zhangcheng2022", "zhangcheng2021", "qqgroup", "foreign_students"}, ALL),
    ("招生 预算", set(), ALL),
    ("章程招生", {"zhangcheng2022", "zhangcheng2021"}, ALL),
    ("就业质量报告", {"employment_report"}, ALL),
    ("报告 就业质量", {"employment_report"}, ALL),
    ("年度报告 就业", {"employment_report"}, ALL),
    ("质量报告", {"employment_report", "quality_report"}, ALL),
    ("英语 考试", {"cet"}, ALL),
    ("招聘 教师", {"recruitment"}, ALL),
    ("港澳台学生学费", {"hk_fees"}, ALL),
    # synonyms and abbreviations (the shipped list, xxgk/search/data/synonyms.py)
    ("教代会", {"jiaodaihui"}, ALL),
    ("教职工代表大会", {"jiaodaihui"}, ALL),
    ("双一流", {"shuangyiliu"}, ALL),
    ("职称", {"zhicheng"}, ALL),
    ("专业技术职务", {"zhicheng"}, ALL),
    ("评聘", {"zhicheng"}, ALL),
    ("四六级", {"cet"}, ALL),
    ("三公", {"sangong"}, ALL),
    ("资助", {"loan", "qingong", "aid_guide", "hk_aid"}, {"budget", "fees", "dormitory"}),
    ("推免", {"tuimian"}, ALL),
    ("中标", {"award", "deal"}, ALL),
    ("成交", {"award", "deal"}, ALL),
    ("招投标", {"tender"}, ALL),
    ("巡视", {"inspection"}, ALL),
    ("应急处理预案", {"emergency"}, ALL),
    ("学术失范", {"misconduct"}, ALL),
    ("捐助", {"donation"}, ALL),
    ("师生比", {"quality_report"}, ALL),
    ("国际学生", {"foreign_students"}, ALL),
    ("来华留学", {"foreign_students"}, ALL),
    ("毕业去向落实率", {"employment_report"}, ALL),
    ("升学率", {"employment_report"}, ALL),
    ("任免", {"appointment"}, ALL),
    ("学生公寓", {"apartments", "dormitory"}, ALL),
    ("餐厅", {"canteen", "deal"}, ALL),  # 食堂设备采购 (食堂 ↔ 餐厅)
    # a one-way entry does not run backwards; nothing matches a word by its letters alone
    ("免职", set(), ALL),
    ("招生办", set(), ALL),
    ("困难补助", set(), ALL),
    # traditional script and full-width forms, at query and at index time
    ("學生宿舍", {"dormitory", "apartments"}, ALL),
    ("招生簡章", {"zhuanshengben", "mba", "master_admissions", "foreign_students"}, ALL),
    ("獎助學金", {"aid_guide", "hk_aid"}, ALL),
    ("住宿費", {"hk_fees"}, ALL),
    ("教職工", {"jiaodaihui"}, ALL),
    ("学费标准 港澳台", {"hk_fees"}, ALL),
    # quoted phrases are exact and searched without synonyms
    ('"学生宿舍安全"', {"dormitory"}, ALL),
    ('"本科招生"', {"zhangcheng2022", "zhangcheng2021", "qqgroup"}, ALL),
    ('"招生本科"', set(), ALL),
    ("“教职工代表大会”", {"jiaodaihui"}, ALL),
    ('"教代会"', set(), ALL),
    ('"2022年专升本"', {"zhuanshengben"}, ALL),
    ('"助学金"', {"grant", "aid_guide", "hk_aid"}, ALL),
    ('"學費標準"', {"hk_fees"}, ALL),
    # withdrawn, expired and draft content is never public
    ("2020", set(), ALL),
    ("讲座", set(), ALL),
    ("征求意见稿", set(), ALL),
    ("草案", set(), ALL),
]


def hits(query, **options):
    return [hit.document.page_id for hit in search(query, **options)[:100]]


def judged(corpus, must, must_not):
    """Page ids that must and must not be returned."""
    wanted = {corpus.pages[key].pk for key in must}
    if must_not == ALL:
        unwanted = {page.pk for page in corpus.pages.values()} - wanted
    else:
        unwanted = {corpus.pages[key].pk for key in must_not}
    return wanted, unwanted


def test_there_are_at_least_a_hundred_cases():
    assert len(CASES) >= 100
    assert len({query for query, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("query", "must", "must_not"), CASES, ids=[c[0] for c in CASES])
def test_query_finds_what_it_must_and_not_what_it_must_not(corpus, query, must, must_not):
    found = set(hits(query))
    wanted, unwanted = judged(corpus, must, must_not)
    names = {page.pk: key for key, page in corpus.pages.items()}
    assert {names[pk] for pk in wanted - found} == set(), "missing"
    assert {names[pk] for pk in found & unwanted} == set(), "must not be returned"


def test_recall_and_precision(corpus, capsys):
    """The figures of the whole set (micro-averaged over the judged documents)."""
    relevant = retrieved_relevant = retrieved_judged = 0
    for query, must, must_not in CASES:
        found = set(hits(query))
        wanted, unwanted = judged(corpus, must, must_not)
        relevant += len(wanted)
        retrieved_relevant += len(found & wanted)
        retrieved_judged += len(found & (wanted | unwanted))
    recall = retrieved_relevant / relevant
    precision = retrieved_relevant / retrieved_judged
    with capsys.disabled():
        print(
            f"\nsearch relevance: {len(CASES)} queries, {relevant} expected hits, "
            f"recall {recall:.3f}, precision {precision:.3f}"
        )
    assert recall == 1.0 and precision == 1.0


def test_index_number_finds_its_disclosure(corpus):
    page = corpus.pages["budget"]
    assert hits(page.index_number) == [page.pk]


def test_each_page_is_returned_once(corpus):
    found = hits("招生")
    assert len(found) == len(set(found))


def test_synonyms_can_be_turned_off(corpus):
    on = set(hits("教代会"))
    off = set(hits(parse("教代会", expand=False)))
    assert on == {corpus.pages["jiaodaihui"].pk} and off == set()


@pytest.mark.parametrize(
    ("query", "first", "second"),
    [
        # Same text, one year apart: the more recent ranks first (mild recency boost).
        ("招生章程", "zhangcheng2022", "zhangcheng2021"),
        # A title hit outranks a passing mention in the body.
        ("预算", "budget", "final_accounts"),
        ("QQ群", "qqgroup", "zhuanshengben"),
    ],
)
def test_ranking(corpus, query, first, second):
    found = hits(query)
    assert found.index(corpus.pages[first].pk) < found.index(corpus.pages[second].pk)


def test_the_typed_word_in_the_title_outranks_a_synonym_without_synonyms(corpus):
    found = hits(parse("奖学金", expand=False))
    assert found.index(corpus.pages["scholarship"].pk) < found.index(corpus.pages["aid_guide"].pk)


def test_words_standing_together_rank_higher(db, office, dept_a, item_a):
    from tests.factories import published_disclosure

    filler = "学校各部门按计划推进各项工作，" * 8
    apart = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="工作简报第一期",
        body=f"<p>就业{filler}质量{filler}报告。</p>",
    )
    together = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="工作简报第二期",
        body=f"<p>{filler}就业质量年度报告{filler}。</p>",
    )
    found = hits("就业质量报告")
    assert found.index(together.pk) < found.index(apart.pk)


def test_sort_by_date_newest_first(corpus):
    found = hits("招生章程", sort="date")
    assert found == [corpus.pages["zhangcheng2022"].pk, corpus.pages["zhangcheng2021"].pk]


def test_common_words_rank_the_most_recently_indexed_matches_only(corpus, monkeypatch):
    """Above MAX_CANDIDATES matches, the newest index rows are ranked and counted (the cap
    that keeps common words fast); below it every match is."""
    from xxgk.search import backends
    from xxgk.search.models import SearchDocument

    everything = search("招生章程")
    assert everything.count() == 2 and not everything.capped
    newest = SearchDocument.objects.filter(
        version="live", page_id__in=[hit.document.page_id for hit in everything[:4]]
    ).order_by("-id")[:1]
    monkeypatch.setattr(backends, "MAX_CANDIDATES", 1)
    capped = search("招生章程")
    assert capped.count() == 1 and capped.capped
    assert {hit.document.pk for hit in capped[:10]} == {document.pk for document in newest}
    dated = search("招生章程", sort="date")
    assert {hit.document.pk for hit in dated[:10]} == {document.pk for document in newest}


@pytest.mark.parametrize(
    "query, expected",
    [
        # one-character words beside words: on SQLite the characters table beside the bigrams
        ("宿 安全", {"dormitory"}),
        ("宿 舍", {"dormitory"}),
        ("宿 學費", {"hk_fees"}),
        ("宿 学生 检查", {"dormitory"}),
    ],
)
def test_one_character_words_beside_others(corpus, query, expected):
    assert set(hits(query)) == {corpus.pages[key].pk for key in expected}


def test_a_word_that_is_one_character_or_a_word(corpus):
    """A word whose alternatives are a one-character prefix term and a bigram conjunction
    (a one-character entry of a synonym list, say): either may match."""
    from xxgk.search.query import Alternative, Clause, ParsedQuery
    from xxgk.search.tokenizer import QueryTerm

    one = Alternative((QueryTerm("舍", prefix=True),), text="舍")
    fees = Alternative((QueryTerm("学费"),), text="学费")
    both = Alternative((QueryTerm("宿", prefix=True), QueryTerm("学费")), text="宿学费")
    check = Alternative((QueryTerm("检查"),), text="检查")
    parsed = ParsedQuery("舍", [Clause("舍", [one, fees])])
    assert set(hits(parsed)) == {corpus.pages[k].pk for k in ("dormitory", "fees", "hk_fees")}
    parsed = ParsedQuery("宿学费", [Clause("宿学费", [both])])
    assert set(hits(parsed)) == {corpus.pages["hk_fees"].pk}
    parsed = ParsedQuery("宿学费 检查", [Clause("宿学费", [both, check]), Clause("检查", [check])])
    assert set(hits(parsed)) == {corpus.pages["dormitory"].pk}
