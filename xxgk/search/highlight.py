"""Highlighted titles and snippets: the query's words marked in the document's own text.

Snippets are whole sentences of the stored text (the summary, body and index number, then
each attachment's title and text, xxgk.search.documents), chosen where the most words of
the query occur, and labelled with the attachment's title when that is where the match
is. Never index tokens. Every word, phrase and synonym of the parsed query is marked where
it occurs whole; a word that occurs only in pieces (its bigrams apart, which the engines
also accept) has its bigrams marked. Matching folds case, full-width forms and
traditional characters one character for one, so a query 学费 marks 學費 and qq marks ＱＱ
in the original. All text is HTML-escaped; only our own <mark> tags are emitted.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .documents import ATTACHMENT_MARK, OCR_MARK
from .query import NO_LEXICON, ParsedQuery, parse
from .script import fold_table
from .tokenizer import is_cjk, normalize

SNIPPET_LENGTH = 160
# A sentence ends after these; a long one is cut at a comma or, failing that, anywhere.
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_CLAUSE_END = re.compile(r"(?<=[，、,：:])")
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _comparable(text: str) -> str:
    """``text`` folded one character for one: traditional → simplified, full-width →
    half-width, lower case. (Whole-text NFKC would move positions.)"""
    folded = text.translate(fold_table()).translate(_WIDTH)
    lowered = folded.lower()
    return lowered if len(lowered) == len(text) else folded


@dataclass(frozen=True)
class _Needle:
    text: str
    group: int  # which clause of the query it belongs to
    whole_word: bool  # Latin words and numbers match whole words only


def _needles(query: ParsedQuery) -> list[_Needle]:
    needles = []
    for group, clause in enumerate(query.clauses):
        for alternative in clause.alternatives:
            text = normalize(alternative.text).strip()
            if text:
                needles.append(_Needle(text, group, not any(is_cjk(c) for c in text)))
    return needles


def _is_word_char(char: str) -> bool:
    return char.isalnum() and not is_cjk(char)


def _find_all(haystack: str, needle: _Needle):
    start = haystack.find(needle.text)
    while start != -1:
        end = start + len(needle.text)
        if not needle.whole_word or (
            (start == 0 or not _is_word_char(haystack[start - 1]))
            and (end == len(haystack) or not _is_word_char(haystack[end]))
        ):
            yield start, end
        start = haystack.find(needle.text, start + 1)


def _spans(text: str, query: ParsedQuery) -> list[tuple[int, int, int]]:
    """(start, end, clause) of every match in ``text``. Plain lower case first (most text
    needs nothing more); folded text when some word is not found that way."""
    needles = _needles(query)
    if not needles:
        return []
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = _comparable(text)
    spans = [(s, e, n.group) for n in needles for s, e in _find_all(lowered, n)]
    if {n.group for n in needles} - {group for _, _, group in spans}:
        folded = _comparable(text)
        spans = [(s, e, n.group) for n in needles for s, e in _find_all(folded, n)]
        found = {group for _, _, group in spans}
        for needle in needles:
            if needle.group not in found and not needle.whole_word and len(needle.text) > 2:
                pieces = {needle.text[i : i + 2] for i in range(len(needle.text) - 1)}
                for piece in pieces:
                    spans += [
                        (s, e, needle.group)
                        for s, e in _find_all(folded, _Needle(piece, needle.group, False))
                    ]
    return spans


def _marks(text: str, query: ParsedQuery) -> list[bool]:
    marked = [False] * len(text)
    for start, end, _group in _spans(text, query):
        for position in range(start, end):
            marked[position] = True
    return marked


def _render(text: str, marked: list[bool]) -> str:
    """``text`` escaped, its marked stretches in <mark> (escaped stretch by stretch)."""
    parts, start = [], 0
    for end in range(1, len(text) + 1):
        if end == len(text) or marked[end] != marked[start]:
            piece = escape(text[start:end])
            parts.append(f"<mark>{piece}</mark>" if marked[start] else piece)
            start = end
    return "".join(parts)


def _parsed(query: ParsedQuery | str) -> ParsedQuery:
    """A string is read without the synonym list (for callers outside a search)."""
    return parse(query, expand=False, lexicon=NO_LEXICON) if isinstance(query, str) else query


def highlight(text: str, query: ParsedQuery | str) -> SafeString:
    """The whole text, escaped, with the query's words marked."""
    return mark_safe(_render(text, _marks(text, _parsed(query))))  # noqa: S308 - escaped above


@dataclass
class _Section:
    label: str  # "" for the document itself, else the attachment's title
    text: str
    ocr: bool = False  # the attachment is a scan whose text was read by OCR


def _sections(text: str) -> list[_Section]:
    parts = text.split(ATTACHMENT_MARK)
    sections = [_Section("", parts[0])]
    for part in parts[1:]:
        title, _newline, body = part.partition("\n")
        sections.append(_Section(title.replace(OCR_MARK, "").strip(), body, OCR_MARK in title))
    return sections


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` that is not blank."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.start()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def _window(sentence: str, first: int, length: int) -> tuple[int, int]:
    """Where to cut a sentence longer than ``length`` whose first match is at ``first``:
    from the start of the clause (after a comma) that holds it, else a little before it."""
    begin = max(0, first - length // 5)
    for match in _CLAUSE_END.finditer(sentence[:first]):
        if first - match.end() <= length // 2:
            begin = match.end()
            break
    return begin, min(len(sentence), begin + length)


def _best_sentence(sections, query):
    """(section, sentence bounds, index) where the most distinct words of the query occur
    (then the most matches, the body before attachments, the earlier sentence)."""
    best, best_score = None, None
    for number, section in enumerate(sections):
        spans = _spans(section.text, query)
        if not spans:
            continue
        sentences = _sentences(section.text)
        for index, (start, end) in enumerate(sentences):
            inside = [group for s, e, group in spans if start <= s and e <= end]
            if inside:
                score = (len(set(inside)), -number, len(inside), -index)
                if best_score is None or score > best_score:
                    best, best_score = (section, sentences, index), score
    return best


def snippet(text: str, query: ParsedQuery | str, length: int = SNIPPET_LENGTH) -> SafeString:
    """The sentence (and those after it, up to about ``length`` characters) of the document
    where most of the query's words occur, marked; from an attachment, named as such.
    Matched only in the title: the document's first sentences, unmarked."""
    query = _parsed(query)
    sections = _sections(text)
    best = _best_sentence(sections, query)
    if best is None:
        best = (sections[0], _sentences(sections[0].text), 0)
    section, sentences, index = best
    pieces, size, cut = [], 0, False
    for start, end in sentences[index:]:
        sentence = " ".join(section.text[start:end].split())
        if size + len(sentence) > length:
            if pieces:
                break
            marked = _marks(sentence, query)
            first = marked.index(True) if True in marked else 0
            begin, finish = _window(sentence, first, length)
            pieces.append(
                ("…" if begin else "")
                + _render(sentence[begin:finish], marked[begin:finish])
                + ("…" if finish < len(sentence) else "")
            )
            cut = finish < len(sentence)
            break
        pieces.append(_render(sentence, _marks(sentence, query)))
        size += len(sentence)
    more = "…" if not cut and len(pieces) < len(sentences) - index else ""
    before = "…" if index and not pieces[0].startswith("…") else ""
    prefix = ""
    if section.label and section.ocr:
        prefix = escape(_("附件《%(title)s》（扫描件 OCR）：") % {"title": section.label})
    elif section.label:
        prefix = escape(_("附件《%(title)s》：") % {"title": section.label})
    return mark_safe(prefix + before + "".join(pieces) + more)  # noqa: S308 - escaped above
