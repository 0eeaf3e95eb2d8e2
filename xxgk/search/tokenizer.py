"""Chinese-aware tokenisation shared by indexing, querying and highlighting.

Database full-text engines index a run of Han characters as one token, so a two-character
word inside a sentence is never found. We therefore hand them pre-tokenised text, as Plone's
CJK splitter does: NFKC-normalise and lower-case; split into runs of CJK characters and runs
of other letters/digits; index CJK runs as overlapping bigrams plus the run's last character
(学校招生 → 学校 校招 招生 生), keep Latin words and numbers whole, and where a word and a
CJK run touch, add a joint token of the word and the neighbouring character (2022年专升本 →
2022, 2022年, 年专, 专升, 升本, 本; QQ群 → qq, qq群, 群). Queries use the same splitter, but a
CJK run of two or more characters contributes only its bigrams and a lone CJK character at
the end becomes a prefix term, which matches both the bigrams it starts and the trailing
characters indexed above. Joint tokens make "2022年" require 2022 right before 年 without
relying on token positions (PostgreSQL caps them at 16,383, so phrase queries would miss
matches deep in long attachments there but not on SQLite).

Every token consists of letters and digits only, so the engines' own tokenizers (FTS5
unicode61, PostgreSQL's 'simple' parser) see exactly our tokens, and no user input can
reach either engine's query syntax.

A change to what index_tokens returns needs a migration that empties the index (as 0005
did), so that the post-migrate hook rebuilds it with the new tokens; SQLite deletes a row by
its rowid alone (migration 0007), so old rows are removed correctly until then.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from operator import add

from .script import fold

# Han (incl. extensions and compatibility ideographs), kana and Hangul: scripts written
# without spaces between words.
CJK_CLASS = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
_RUNS = re.compile(rf"(?P<cjk>[{CJK_CLASS}]+)|(?P<word>(?:(?![{CJK_CLASS}])[^\W_])+)")
_CJK_CHAR = re.compile(rf"[{CJK_CLASS}]")

# A Latin word or number longer than this is cut (no real word is; hashes and junk are).
MAX_WORD_LENGTH = 40
# Queries are cut to this many characters and terms so that no query can be expensive.
MAX_QUERY_LENGTH = 100
MAX_QUERY_TERMS = 24


# Characters NFKC leaves alone and never composes with a neighbour (CJK Unified Ideographs
# are starters without decompositions), so text may be normalised piecewise between them.
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


@functools.lru_cache(maxsize=4096)
def _nfkc_cached(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _nfkc(match: re.Match) -> str:
    # Short pieces (punctuation between Chinese words) repeat endlessly; long ones do not.
    piece = match.group()
    return _nfkc_cached(piece) if len(piece) <= 8 else unicodedata.normalize("NFKC", piece)


def normalize(text: str) -> str:
    """NFKC (full-width ＡＢＣ１２３ → ABC123, ① → 1), lower case, and traditional or variant
    characters folded to simplified (學費 → 学费, xxgk.search.script). Chinese text is rarely
    NFKC-stable (full-width ，：；), and NFKC over a whole document is slow, so only the
    pieces between Han characters are normalised (the same result, several times faster)."""
    text = text or ""
    if not unicodedata.is_normalized("NFKC", text):
        text = _NOT_HAN.sub(_nfkc, text)
    return fold(text.lower())


def is_cjk(char: str) -> bool:
    return bool(_CJK_CHAR.match(char))


@dataclass(frozen=True)
class Run:
    """A maximal run of CJK characters, or of other letters and digits."""

    text: str
    cjk: bool
    start: int
    end: int


def runs(text: str) -> list[Run]:
    """Normalised text split into runs; punctuation, symbols, emoji and controls drop out."""
    return [
        Run(match.group(), match.lastgroup == "cjk", match.start(), match.end())
        for match in _RUNS.finditer(normalize(text))
        if _is_token_text(match.group())
    ]


def _is_token_text(text: str) -> bool:
    # The CJK ranges hold a few marks, symbols and unassigned code points that the engines
    # treat as separators; str.isalnum() is exactly "every character is a letter or digit"
    # (Unicode categories L* and N*), at C speed.
    return text.isalnum()


def _bigrams(run: str) -> list[str]:
    return list(map(add, run, run[1:]))


def _joint(left: Run, right: Run | None) -> str | None:
    """The token joining a word and a CJK run that touch (2022年 → "2022年")."""
    if right is None or left.end != right.start:
        return None
    if left.cjk:
        return left.text[-1] + right.text[:MAX_WORD_LENGTH]
    return left.text[:MAX_WORD_LENGTH] + right.text[0]


def index_tokens(text: str) -> list[str]:
    """Tokens to index, in text order. (The hot loop of indexing: it walks the matches
    itself instead of building Run objects; query_terms shows the same rules plainly.)"""
    tokens: list[str] = []
    previous_end, previous_text = -1, ""
    for match in _RUNS.finditer(normalize(text)):
        run = match.group()
        if not _is_token_text(run):
            previous_end = -1
            continue
        touching = match.start() == previous_end
        if match.lastgroup == "cjk":
            if touching:
                tokens.append(previous_text[:MAX_WORD_LENGTH] + run[0])
            tokens.extend(map(add, run, run[1:]))
            tokens.append(run[-1])
        else:
            if touching:
                tokens.append(previous_text[-1] + run[:MAX_WORD_LENGTH])
            tokens.append(run[:MAX_WORD_LENGTH])
        previous_end, previous_text = match.end(), run
    return tokens


def index_text(text: str) -> str:
    """The whitespace-joined token string stored in the index."""
    return " ".join(index_tokens(text))


@dataclass(frozen=True)
class QueryTerm:
    token: str
    prefix: bool = False


def clean_query(raw: str) -> tuple[str, bool]:
    """The query as shown back to people: controls removed, whitespace collapsed, cut to
    MAX_QUERY_LENGTH. Returns (query, was_truncated)."""
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in raw or "")
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        return text[:MAX_QUERY_LENGTH].rstrip(), True
    return text, False


def query_terms(query: str) -> list[QueryTerm]:
    """The terms every hit must contain (AND), deduplicated, at most MAX_QUERY_TERMS."""
    terms: list[QueryTerm] = []
    parts = runs(query)
    for run, following in zip(parts, [*parts[1:], None], strict=False):
        joint = _joint(run, following)
        if run.cjk and len(run.text) == 1:
            # A lone character that ends the word may begin a longer word in the text.
            candidates = [QueryTerm(run.text, prefix=joint is None)]
        elif run.cjk:
            candidates = [QueryTerm(bigram) for bigram in _bigrams(run.text)]
        else:
            candidates = [QueryTerm(run.text[:MAX_WORD_LENGTH])]
        if joint:
            candidates.append(QueryTerm(joint))
        terms.extend(term for term in candidates if term not in terms)
    return terms[:MAX_QUERY_TERMS]


def shorter_queries(query: str) -> list[str]:
    """Candidate shorter queries for a search that found nothing, best first: the query's
    separate words, then each Chinese phrase shortened from either end (招生章程汇编 →
    招生章程汇, 生章程汇编, … 招生, 汇编), then its numbers and Latin words."""
    parts = runs(query)
    candidates = query.split() if len(query.split()) > 1 else []
    for run in parts:
        if run.cjk:
            for length in range(len(run.text) - 1, 1, -1):
                candidates += [run.text[:length], run.text[-length:]]
    candidates += [run.text for run in parts if not run.cjk and len(parts) > 1]
    return [c for c in dict.fromkeys(candidates) if normalize(c) != normalize(query)]
