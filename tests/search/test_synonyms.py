"""The synonym list: what it refuses, how it expands queries, and who may edit it."""

import pytest
from django.core.exceptions import ValidationError

from xxgk.search.data.synonyms import SYNONYMS
from xxgk.search.models import Synonym
from xxgk.search.query import MAX_QUERY_EXPANSIONS, parse
from xxgk.search.synonyms import MAX_EXPANSIONS, expansion_map, split_words

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/xxgk-search/synonyms/"
ADD_URL = "/admin/xxgk-search/synonyms/add/"


def refused(message_part, **fields):
    entry = Synonym(**{"two_way": False, **fields})
    with pytest.raises(ValidationError) as raised:
        entry.full_clean()
    text = " ".join(str(m) for messages in raised.value.message_dict.values() for m in messages)
    assert message_part in text, text


def test_the_shipped_list_has_at_least_80_entries_and_passes_its_own_checks():
    assert len(SYNONYMS) >= 80
    assert Synonym.objects.count() == len(SYNONYMS)  # loaded by migration 0004
    assert any(not entry.two_way for entry in Synonym.objects.all())
    for entry in Synonym.objects.all():
        entry.full_clean()


def test_examples_of_the_issue_are_in_the_list():
    parsed = parse("双一流 职称 四六级 资助")
    searched = dict(parsed.expansions)
    assert "一流大学和一流学科建设" in searched["双一流"]
    assert "专业技术职务" in searched["职称"]
    assert "大学英语四、六级考试" in searched["四六级"]
    assert {"助学贷款", "勤工助学"} <= set(searched["资助"])
    # two-way entries run backwards, one-way ones do not
    assert parse("专业技术职务").expansions == [("专业技术职务", ["职称"])]
    assert parse("勤工助学").expansions == [("勤工助学", ["勤工俭学"])]


def test_empty_entries_are_refused():
    refused("请填写搜索词", term="  ", synonyms="学费")
    refused("请至少填写一个", term="学费", synonyms=" ，, ；\n")
    refused("没有可检索的文字", term="学费", synonyms="？！")


def test_an_entry_that_loops_is_refused():
    Synonym.objects.create(term="甲词", synonyms="乙词", two_way=False)
    refused("会形成循环：乙词 → 甲词 → 乙词", term="乙词", synonyms="甲词")
    Synonym.objects.create(term="乙词", synonyms="丙词", two_way=False)
    refused("会形成循环", term="丙词", synonyms="丁词，甲词")
    refused("A→A", term="戊词", synonyms="戊詞")  # the same word in traditional script
    # a one-way edge whose target reaches back through a two-way entry
    Synonym.objects.create(term="己词", synonyms="庚词", two_way=True)
    Synonym.objects.create(term="庚词", synonyms="辛词", two_way=False)
    refused("会形成循环：辛词 → 己词 → 庚词 → 辛词", term="辛词", synonyms="己词")
    Synonym(term="壬词", synonyms="己词", two_way=False).full_clean()  # no way back: fine


def test_the_expansion_map_is_one_step():
    entries = [
        type("Entry", (), {"edges": lambda self, e=e: e})()
        for e in ([("资助", "助学贷款")], [("助学贷款", "生源地贷款")])
    ]
    assert expansion_map(entries) == {"资助": ["助学贷款"], "助学贷款": ["生源地贷款"]}
    Synonym.objects.create(term="补贴", synonyms="资助", two_way=False)
    assert parse("补贴").expansions == [("补贴", ["资助"])]  # not 资助's own synonyms


def test_an_entry_that_expands_a_word_too_far_is_refused():
    words = "，".join(f"词{n:02d}" for n in range(12))
    refused("最多 12 个词", term="大词", synonyms=words + "，词99")
    Synonym.objects.create(term="大词", synonyms=words, two_way=False)
    more = "，".join(f"语{n:02d}" for n in range(MAX_EXPANSIONS - 12 + 1))
    refused(f"超过上限 {MAX_EXPANSIONS} 个", term="大词", synonyms=more)


def test_a_query_expands_a_bounded_number_of_words():
    for n in range(8):
        Synonym.objects.create(
            term=f"主{n}", synonyms="，".join(f"主{n}同{k:02d}" for k in range(12)), two_way=False
        )
    parsed = parse(" ".join(f"主{n}" for n in range(8)))
    added = sum(len(clause.alternatives) - 1 for clause in parsed.clauses)
    assert added == MAX_QUERY_EXPANSIONS and parsed.truncated_expansions


def test_words_are_split_on_commas_and_lines_but_not_on_the_enumeration_comma():
    assert split_words("大学英语四、六级考试，CET；四六级\n四六级") == [
        "大学英语四、六级考试",
        "CET",
        "四六级",
    ]


def test_an_edit_is_used_by_the_next_search(corpus):
    from xxgk.search.selectors import search

    assert search("春季评比").count() == 0
    entry = Synonym.objects.create(term="春季评比", synonyms="评优", two_way=False)
    assert search("春季评比").count() == 0  # 评优 ↔ 评先 … still nothing in the corpus
    entry.synonyms = "奖学金"
    entry.save()
    assert search("春季评比").count() == 3
    entry.delete()
    assert search("春季评比").count() == 0


# --- back office ----------------------------------------------------------------------------


def test_the_office_adds_previews_and_deletes_entries(client, office):
    client.force_login(office)
    preview = client.post(
        ADD_URL, {"term": "教代會", "synonyms": "教职工大会", "two_way": "on", "preview": "1"}
    )
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "保存后将这样扩展" in html and "教职工大会" in html
    assert not Synonym.objects.filter(term="教代會").exists()  # a preview saves nothing

    saved = client.post(ADD_URL, {"term": "职代会", "synonyms": "教职工代表大会", "two_way": "on"})
    assert saved.status_code == 302
    entry = Synonym.objects.get(term="职代会")
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(
        action="wagtail.create", object_id=str(entry.pk), user=office
    ).exists()
    listing = client.get(LIST_URL, {"q": "职代会 制度"}).content.decode()
    assert "教职工代表大会" in listing and "教代会" in listing

    delete_url = f"/admin/xxgk-search/synonyms/{entry.pk}/delete/"
    assert client.post(delete_url).status_code == 302
    assert not Synonym.objects.filter(pk=entry.pk).exists()


def test_a_looping_entry_is_refused_with_a_message_and_not_saved(client, office):
    client.force_login(office)
    count = Synonym.objects.count()
    response = client.post(ADD_URL, {"term": "勤工助学", "synonyms": "资助"})
    assert response.status_code == 200
    assert "会形成循环" in response.content.decode()
    assert Synonym.objects.count() == count


@pytest.mark.parametrize("role", ["supervisor", "editor_a", "reviewer", "leader"])
def test_only_the_office_changes_the_list_and_a_refused_post_changes_nothing(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    entry = Synonym.objects.order_by("pk").first()
    before = list(Synonym.objects.order_by("pk").values_list("pk", "term", "synonyms", "two_way"))
    edit_url = f"/admin/xxgk-search/synonyms/{entry.pk}/edit/"
    delete_url = f"/admin/xxgk-search/synonyms/{entry.pk}/delete/"
    for url, data in [
        (ADD_URL, {"term": "新词", "synonyms": "旧词"}),
        (edit_url, {"term": entry.term, "synonyms": "改了"}),
        (delete_url, {}),
    ]:
        assert client.post(url, data).status_code == 403
    after = list(Synonym.objects.order_by("pk").values_list("pk", "term", "synonyms", "two_way"))
    assert after == before
    expected = 200 if role == "supervisor" else 403
    assert client.get(LIST_URL).status_code == expected
