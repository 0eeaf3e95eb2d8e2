"""Highlighted titles and snippets: the words of the query marked in the original text.

Matching uses the same normalisation as the index (NFKC, lower case), so a query 招生 marks
"招生" and a query qq marks "ＱＱ" in the original. CJK query runs mark wherever any of their
bigrams occur; Latin words and numbers mark whole words only. All text is HTML-escaped;
only our own <mark> tags are emitted.
"""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .tokenizer import is_cjk, normalize, runs

SNIPPET_LENGTH = 160
# Snippets look for matches in the first so many characters of a document's text.
SCAN_LIMIT = 20_000


def _normalized(text: str) -> tuple[str, list[int] | None]:
    """The normalised text and, when lengths differ, each normalised char's source index."""
    if unicodedata.is_normalized("NFKC", text) and len(text.lower()) == len(text):
        return text.lower(), None  # one char for one char: indexes agree
    chars, origin = [], []
    for index, char in enumerate(text):
        for normalized_char in normalize(char):
            chars.append(normalized_char)
            origin.append(index)
    return "".join(chars), origin


def _is_word_char(char: str) -> bool:
    return char.isalnum() and not is_cjk(char)


def _marks(text: str, query: str) -> list[bool]:
    """For each character of ``text``, whether it belongs to a match of the query."""
    marked = [False] * len(text)
    normalized, origin = _normalized(text)
    for run in runs(query):
        if run.cjk:
            needles = [run.text[i : i + 2] for i in range(len(run.text) - 1)] or [run.text]
        else:
            needles = [run.text]
        for needle in needles:
            start = normalized.find(needle)
            while start != -1:
                end = start + len(needle)
                whole_word = run.cjk or (
                    (start == 0 or not _is_word_char(normalized[start - 1]))
                    and (end == len(normalized) or not _is_word_char(normalized[end]))
                )
                if whole_word:
                    for position in range(start, end):
                        marked[origin[position] if origin else position] = True
                start = normalized.find(needle, start + 1)
    return marked


def _render(text: str, marked: list[bool]) -> str:
    parts, open_mark = [], False
    for char, is_marked in zip(text, marked, strict=True):
        if is_marked != open_mark:
            parts.append("<mark>" if is_marked else "</mark>")
            open_mark = is_marked
        parts.append(escape(char))
    if open_mark:
        parts.append("</mark>")
    return "".join(parts)


def highlight(text: str, query: str) -> SafeString:
    """The whole text, escaped, with query matches marked."""
    return mark_safe(_render(text, _marks(text, query)))  # noqa: S308 - escaped above


def snippet(text: str, query: str, length: int = SNIPPET_LENGTH) -> SafeString:
    """A window of about ``length`` characters around the densest cluster of matches."""
    text = " ".join(text[:SCAN_LIMIT].split())
    marked = _marks(text, query)
    if len(text) <= length:
        return mark_safe(_render(text, marked))  # noqa: S308
    starts = [i for i, m in enumerate(marked) if m and (i == 0 or not marked[i - 1])]
    best = 0
    if starts:
        lead = length // 5
        best = max(
            (max(s - lead, 0) for s in starts[:50]),
            key=lambda begin: sum(marked[begin : begin + length]),
        )
    end = min(best + length, len(text))
    begin = max(0, min(best, end - length))
    html = _render(text[begin:end], marked[begin:end])
    return mark_safe(("…" if begin else "") + html + ("…" if end < len(text) else ""))  # noqa: S308
