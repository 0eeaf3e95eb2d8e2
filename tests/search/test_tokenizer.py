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


def test_highlight_marks_bigrams_and_whole_words_and_escapes():
    assert highlight("2022年招生章程<b>", "招生章程") == "2022年<mark>招生章程</mark>&lt;b&gt;"
    assert highlight("ＱＱ群 qqq", "qq群") == "<mark>ＱＱ群</mark> qqq"
    assert highlight("Summer School", "school") == "Summer <mark>School</mark>"


def test_snippet_centres_on_the_match():
    text = "无关内容。" * 100 + "奖助学金评定结果公示。" + "其他内容。" * 100
    html = snippet(text, "奖助学金")
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>奖助学金</mark>" in html
    assert len(html) < 250


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

    from xxgk.search.tokenizer import normalize

    assert normalize(text) == unicodedata.normalize("NFKC", text).lower()
