"""The tokeniser and highlighter, without a database."""

import pytest

from xxgk.search.highlight import highlight, snippet
from xxgk.search.tokenizer import (
    MAX_QUERY_LENGTH,
    QueryTerm,
    clean_query,
    index_tokens,
    query_terms,
    shorter_queries,
)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("学校招生", ["学校", "校招", "招生", "生"]),
        ("章", ["章"]),
        ("专升本", ["专升", "升本", "本"]),
        ("2022年", ["2022", "2022年", "年"]),
        ("QQ群", ["qq", "qq群", "群"]),
        ("第3页", ["第", "第3", "3", "3页", "页"]),
        ("ＡＢＣ１２３ English", ["abc123", "english"]),
        ("招生，章程", ["招生", "生", "章程", "程"]),
        ("😀 ① ² —", ["1", "2"]),
        ("a" * 60, ["a" * 40]),
    ],
)
def test_index_tokens(text, tokens):
    assert index_tokens(text) == tokens


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("招生章程", [QueryTerm("招生"), QueryTerm("生章"), QueryTerm("章程")]),
        ("宿", [QueryTerm("宿", prefix=True)]),
        ("2022年", [QueryTerm("2022"), QueryTerm("2022年"), QueryTerm("年", prefix=True)]),
        ("QQ群123", [QueryTerm(t) for t in ("qq", "qq群", "群", "群123", "123")]),
        ('NEAR("a" OR b*) ^:', [QueryTerm(t) for t in ("near", "a", "or", "b")]),
        ("招生 招生", [QueryTerm("招生")]),
        ("", []),
        ("？！。", []),
    ],
)
def test_query_terms(query, terms):
    assert query_terms(query) == terms


def test_every_token_is_letters_and_digits_only():
    text = "\"'();:*^-+|&!<>~@#$%[]{}\\/ NEAR AND 招生 2022年 ＱＱ群 é ß 😀 \x00\x1b"
    for token in index_tokens(text) + [term.token for term in query_terms(text)]:
        assert token.isalnum(), token


def test_query_terms_are_bounded():
    assert len(query_terms("甲乙丙丁" * 50)) <= 24


def test_clean_query_removes_controls_and_truncates():
    assert clean_query("  招生\x00章程\t 预算 ") == ("招生 章程 预算", False)
    cleaned, truncated = clean_query("很" * 1000)
    assert truncated and len(cleaned) == MAX_QUERY_LENGTH


def test_shorter_queries():
    assert shorter_queries("招生 预算") == ["招生", "预算"]
    candidates = shorter_queries("招生章程汇编")
    assert candidates[:2] == ["招生章程汇", "生章程汇编"]
    assert "招生" in candidates and "汇编" in candidates


def test_traditional_and_variant_characters_fold_to_simplified():
    assert index_tokens("學費") == index_tokens("学费") == ["学费", "费"]
    assert index_tokens("教職工代表大會") == index_tokens("教职工代表大会")
    assert index_tokens("裡") == index_tokens("裏") == ["里"]
    assert index_tokens("什么") == ["什么", "么"]  # a simplified character stays itself


def test_highlight_marks_words_and_whole_latin_words_and_escapes():
    assert highlight("2022年招生章程<b>", "招生章程") == "2022年<mark>招生章程</mark>&lt;b&gt;"
    assert highlight("ＱＱ群 qqq", "qq群") == "<mark>ＱＱ群</mark> qqq"
    assert highlight("Summer School", "school") == "Summer <mark>School</mark>"


def test_snippet_is_the_sentence_of_the_match():
    text = "无关内容。" * 100 + "奖助学金评定结果公示。" + "其他内容。" * 100
    html = snippet(text, "奖助学金")
    assert html.startswith("…<mark>奖助学金</mark>评定结果公示。")
    assert html.endswith("…")
    assert len(html) < 250


def test_snippet_prefers_the_sentence_with_most_words_and_cuts_long_ones_at_a_comma():
    text = (
        "学校招生工作顺利。"
        + "本条与此无关，"
        + "说明" * 100
        + "，今年招生计划比去年增加，按专业分列。"
        + "其余。"
    )
    html = snippet(text, "招生 计划")
    assert html.startswith("…今年<mark>招生计划</mark>比去年增加，按专业分列。")
    assert "说明" not in html


def test_snippet_names_the_attachment_it_quotes():
    from xxgk.search.documents import ATTACHMENT_MARK

    text = f"正文没有这个词。\n{ATTACHMENT_MARK}收费明细.xlsx\n住宿费每年1200元。"
    assert snippet(text, "住宿费") == "附件《收费明细.xlsx》：<mark>住宿费</mark>每年1200元。"


def test_snippet_and_highlight_fold_traditional_and_full_width_text():
    assert highlight("學費標準ＱＱ群", "学费 qq") == "<mark>學費</mark>標準<mark>ＱＱ</mark>群"
    assert snippet("本校學費每年５０００元。", "學費") == "本校<mark>學費</mark>每年５０００元。"


def test_snippet_without_a_match_in_the_text_is_its_beginning():
    assert snippet("第一句。第二句。", "标题里的词") == "第一句。第二句。"


@pytest.mark.parametrize(
    "text",
    [
        "招生，章程：ＱＱ群１２３。",
        "e\u0301中\u0301文Ａ\u0308\u3000ｶﾞ①",  # combining marks beside Han, half-width kana
        "가\u1161각 \u1100\u1161中\u1161",  # Hangul jamo compose around Han
        "Ⅻ ㍿ ﬁ 中" + "，" * 20 + "x" * 30,
    ],
)
def test_piecewise_normalisation_equals_nfkc(text):
    """normalize() skips Han characters for speed; the result must be exactly NFKC."""
    import unicodedata

    from xxgk.search.script import fold
    from xxgk.search.tokenizer import normalize

    assert normalize(text) == fold(unicodedata.normalize("NFKC", text).lower())
