"""Words of a query: jieba's dictionary plus the school's and the catalogue's own terms.

Only queries are segmented; documents are indexed as overlapping bigrams (tokenizer.py), so
a word the dictionary does not know is still found inside running text. A query word of
two or more characters is then required as its own bigrams, and no bigram that spans two
words is: 就业质量报告 → 就业 · 质量 · 报告 finds 就业质量年度报告. (jieba's precise mode
with each word's bigrams is what its search mode gives for a bigram index: search mode adds
a long word's dictionary sub-words, whose bigrams are the long word's own.)

Precise mode without jieba's HMM guesser: characters the dictionary cannot place come out
one by one, and a run of such single characters is put back together as one unknown word
(教代会 before the office adds it, a person's name), which keeps the old bigram behaviour for
words nobody listed. The office's synonym terms, the department names and the shipped
terms (data/terms.txt) are added to the dictionary, so that 双一流 stays one word instead
of 双 · 一流.
"""

import logging
import threading
from importlib import resources

# Single characters that join words in a query and carry no meaning of their own there.
STOP_CHARACTERS = frozenset("的了和与及或之其等各个于在是对为被把从向由以并而且也都就还吗呢啊吧")


def shipped_terms() -> list[str]:
    text = resources.files("xxgk.search").joinpath("data/terms.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


class Segmenter:
    """One jieba dictionary per process, loaded once (about 0.7 s; the WSGI module loads it
    before a worker serves, see warm_up) and brought up to date with our own words."""

    def __init__(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self._lock = threading.Lock()
        self._own: set[str] = set()
        self._original: dict[str, int] = {}  # jieba's own frequency of a word we re-weighted
        self._stamp = None

    def use_words(self, words, stamp) -> None:
        """Make ``words`` (our own terms, normalised) dictionary words; ``stamp`` names the
        set so that an unchanged set costs nothing."""
        if stamp == self._stamp:
            return
        with self._lock:
            words = {word for word in words if len(word) > 1}
            for word in sorted(words - self._own):
                self._original[word] = self._jieba.FREQ.get(word, 0)
                self._jieba.add_word(word)
            for word in self._own - words:
                original = self._original.pop(word, 0)
                if original:
                    self._jieba.add_word(word, freq=original)
                else:
                    self._jieba.del_word(word)
            self._own = words
            self._stamp = stamp

    def words(self, run: str) -> list[str]:
        """A run of CJK characters cut into words: unknown single characters regrouped,
        joining characters (的, 和 …) dropped, and a character left alone inside a longer
        run taken with its neighbour (息公开 → 息公 · 公开: a one-character prefix term would
        scan every word the character starts, and the bigram is what was typed)."""
        pieces, position = [], 0  # (text, start in run) without the joining characters
        pending, pending_start = "", 0
        for piece in self._jieba.cut(run, HMM=False):
            start, position = position, position + len(piece)
            if len(piece) == 1 and piece not in STOP_CHARACTERS:
                pending, pending_start = pending + piece, pending_start if pending else start
                continue
            if pending:
                pieces.append((pending, pending_start))
                pending = ""
            if len(piece) > 1:
                pieces.append((piece, start))
        if pending:
            pieces.append((pending, pending_start))
        if len(run) == 1:
            return [run]
        words = []
        for word, start in pieces:
            if len(word) == 1:
                word = (
                    run[start : start + 2] if start + 1 < len(run) else run[start - 1 : start + 1]
                )
            words.append(word)
        return words or [run]

    def sub_words(self, word: str) -> list[str]:
        """The dictionary words inside ``word`` (jieba's search mode), longest first."""
        found = {w for w in self._jieba.cut_for_search(word, HMM=False) if 1 < len(w) < len(word)}
        return sorted(found, key=lambda w: (-len(w), word.index(w)))


_segmenter: Segmenter | None = None
_segmenter_lock = threading.Lock()


def segmenter() -> Segmenter:
    global _segmenter
    if _segmenter is None:
        with _segmenter_lock:
            if _segmenter is None:
                _segmenter = Segmenter()
    return _segmenter


def warm_up() -> None:
    """Load the dictionary now rather than in a reader's first search."""
    segmenter()
