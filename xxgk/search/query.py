"""What a query asks for: words that must all occur, each with the alternatives it may
occur as (its synonyms), and exact phrases.

    就业质量报告          → 就业 AND 质量 AND 报告               (words, not cross-word bigrams)
    教代会 制度           → (教代会 OR 教职工代表大会) AND 制度   (the office's synonym list)
    "学生宿舍安全"        → the exact phrase, no synonyms
    學費                  → 学费                                 (folded in tokenizer.normalize)

Each alternative is a conjunction of index tokens (tokenizer.py): a word's own bigrams,
never a bigram spanning two words. The engines (backends.py) turn a ParsedQuery into their
own expression; a search-server backend would turn it into a bool query. Work is bounded:
at most MAX_QUERY_TERMS tokens in the typed words and MAX_QUERY_EXPANSIONS synonym
alternatives in all, each of at most MAX_ALTERNATIVE_TERMS tokens.
"""

import re
from dataclasses import dataclass, field

from xxgk.orgs.models import Department

from .segment import segmenter, shipped_terms
from .synonyms import current, key
from .tokenizer import (
    MAX_QUERY_TERMS,
    MAX_WORD_LENGTH,
    QueryTerm,
    Run,
    index_tokens,
    normalize,
    query_terms,
    runs,
)

MAX_QUERY_EXPANSIONS = 32
MAX_ALTERNATIVE_TERMS = 16
# Quotation marks people use for an exact phrase: ASCII, full-width, Chinese and corner ones.
_QUOTED = re.compile(r'["＂“”「『]([^"＂“”」』]*)["＂“”」』]')


@dataclass(frozen=True)
class Alternative:
    """Tokens that must all occur; with ``phrase``, next to each other in this order."""

    terms: tuple[QueryTerm, ...]
    phrase: bool = False
    text: str = ""


@dataclass
class Clause:
    """One word (or phrase) of the query: any one of its alternatives must occur. The first
    alternative is the word as typed; the others come from the synonym list."""

    text: str
    alternatives: list[Alternative]

    @property
    def synonyms(self) -> list[str]:
        return [alternative.text for alternative in self.alternatives[1:]]


@dataclass
class ParsedQuery:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    expanded: bool = True  # synonyms were asked for (the reader may turn them off)
    truncated_expansions: bool = False

    def __bool__(self):
        return bool(self.clauses)

    @property
    def expansions(self) -> list[tuple[str, list[str]]]:
        """(word, its synonyms searched too) for the words that have any."""
        return [(clause.text, clause.synonyms) for clause in self.clauses if clause.synonyms]

    @property
    def words(self) -> list[str]:
        """Every text to highlight: words, phrases and synonyms, longest first."""
        texts = {alt.text for clause in self.clauses for alt in clause.alternatives}
        return sorted((t for t in texts if t), key=len, reverse=True)

    def terms(self) -> list[QueryTerm]:
        """Every distinct token of the query (for engines that need a flat list)."""
        seen: dict[QueryTerm, None] = {}
        for clause in self.clauses:
            for alternative in clause.alternatives:
                seen.update(dict.fromkeys(alternative.terms))
        return list(seen)


def _word_alternative(word: str) -> Alternative:
    """A word as typed: its bigrams (or one prefix term for a single character)."""
    return Alternative(tuple(query_terms(word)[:MAX_ALTERNATIVE_TERMS]), text=word)


def phrase_alternative(text: str) -> Alternative | None:
    """An exact phrase: the index tokens of the text in order, less the final character
    token that the index adds only where a run of CJK text ends (tokenizer.index_tokens)."""
    parts = runs(text)
    tokens = index_tokens(text)
    if parts and parts[-1].cjk and len(tokens) > 1:
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None  # a single token: an ordinary word does the same
    return Alternative(tuple(QueryTerm(t) for t in tokens[:MAX_QUERY_TERMS]), True, text)


def _segments(text: str) -> list[tuple[str, bool]]:
    """(text, quoted) pieces of the query in order."""
    pieces, position = [], 0
    for match in _QUOTED.finditer(text):
        pieces.append((text[position : match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    pieces.append((text[position:], False))
    return [(piece, quoted) for piece, quoted in pieces if piece.strip()]


def _joints(parts: list[Run]) -> list[str]:
    """Tokens joining a word and a CJK run that touch (2022年: 2022 right before 年)."""
    joints = []
    for left, right in zip(parts, parts[1:], strict=False):
        if left.end == right.start and left.cjk != right.cjk:
            if left.cjk:
                joints.append(left.text[-1] + right.text[:MAX_WORD_LENGTH])
            else:
                joints.append(left.text[:MAX_WORD_LENGTH] + right.text[0])
    return joints


def _words(piece: str, dictionary_keys) -> list[tuple[str, str]]:
    """(word, kind) for an unquoted piece, kind being "word", "joint" (a token joining a
    number or Latin word and the CJK character it touches: 2022年) or "carried" (a single
    character beside a number or Latin word, which its joint token already requires).
    Latin words and numbers are kept whole, CJK runs cut into words."""
    words = []
    for chunk in piece.split():
        parts = runs(chunk)
        if len(parts) > 1 and "".join(run.text for run in parts) in dictionary_keys:
            words.append((chunk, "word"))  # CET-4, 大学英语四、六级考试: one listed word
            continue
        for index, run in enumerate(parts):
            if not run.cjk:
                words.append((run.text, "word"))
                continue
            touching = (index > 0 and parts[index - 1].end == run.start) or (
                index + 1 < len(parts) and parts[index + 1].start == run.end
            )
            for word in segmenter().words(run.text):
                words.append((word, "carried" if len(word) == 1 and touching else "word"))
        words += [(joint, "joint") for joint in _joints(parts)]
    return words


def _split_for_synonyms(word: str, kind: str, expansions) -> list[tuple[str, str]]:
    """A dictionary word that has no synonyms of its own but contains one that has, cut
    around it (jieba's search mode finds it): 学生宿舍 → 学生 · 宿舍, so that 宿舍's
    synonyms (寝室, 学生公寓) are searched too."""

    if (
        kind != "word"
        or len(word) < 3
        or key(word) in expansions
        or not all(run.cjk for run in runs(word))
    ):
        return [(word, kind)]
    for inner in segmenter().sub_words(word):
        if key(inner) in expansions:
            start = word.index(inner)
            before, after = word[:start], word[start + len(inner) :]
            return [
                *(_split_for_synonyms(before, kind, expansions) if before else []),
                (inner, kind),
                *(_split_for_synonyms(after, kind, expansions) if after else []),
            ]
    return [(word, kind)]


@dataclass(frozen=True)
class Lexicon:
    """What a query is read with: the synonym list (word key → words) and the keys of the
    listed words. ``current_lexicon()`` is the office's list as it is now."""

    expansions: dict
    listed: frozenset


NO_LEXICON = Lexicon({}, frozenset())


def current_lexicon() -> Lexicon:
    _, expansions, listed = current()
    return Lexicon(expansions, listed)


def parse(text: str, *, expand: bool = True, lexicon: Lexicon | None = None) -> ParsedQuery:
    """The clauses of ``text`` (already cleaned by tokenizer.clean_query), read with
    ``lexicon`` (default: the current synonym list and dictionary words)."""

    lexicon = current_lexicon() if lexicon is None else lexicon
    expansions, listed = lexicon.expansions, lexicon.listed
    if lexicon is not NO_LEXICON:
        words, version = _dictionary_words(listed)
        segmenter().use_words(words, version)
    parsed = ParsedQuery(text=text, expanded=expand)
    budget_terms, budget_expansions = MAX_QUERY_TERMS, MAX_QUERY_EXPANSIONS
    seen: set[str] = set()
    for piece, quoted in _segments(text):
        if quoted:
            alternative = phrase_alternative(piece)
            if alternative is not None and normalize(piece) not in seen:
                seen.add(normalize(piece))
                parsed.clauses.append(Clause(piece, [alternative]))
                continue
        words = _words(piece, listed)
        if expand:
            words = [
                (w, k)
                for word, kind in words
                for w, k in _split_for_synonyms(word, kind, expansions)
            ]
        for word, kind in words:
            word_key = key(word)
            if not word_key or word_key in seen or kind == "carried":
                continue
            if kind == "joint":
                primary = Alternative((QueryTerm(word),), text=word)
            else:
                primary = _word_alternative(word)
            if not primary.terms or budget_terms <= 0:
                continue
            seen.add(word_key)
            budget_terms -= len(primary.terms)
            clause = Clause(word, [primary])
            for synonym in expansions.get(word_key, []) if expand and kind == "word" else []:
                if budget_expansions <= 0:
                    parsed.truncated_expansions = True
                    break
                alternative = _word_alternative(synonym)
                if alternative.terms and alternative.terms != primary.terms:
                    clause.alternatives.append(alternative)
                    budget_expansions -= 1
            parsed.clauses.append(clause)
    return parsed


_dictionary: dict = {"listed": None, "words": frozenset(), "version": 0}


def _dictionary_words(listed: frozenset[str]) -> tuple[frozenset[str], int]:
    """Our own dictionary words (shipped terms, the synonym list, department names) and a
    number that changes with them. Department names are read again whenever the synonym
    list changes (and at start)."""
    if _dictionary["listed"] is not listed:
        names = Department.objects.values_list("name", flat=True)
        own = {normalize(term) for term in shipped_terms()} | set(listed)
        own |= {"".join(run.text for run in runs(name)) for name in names}
        _dictionary.update(
            listed=listed,
            words=frozenset(word for word in own if word),
            version=_dictionary["version"] + 1,
        )
    return _dictionary["words"], _dictionary["version"]
