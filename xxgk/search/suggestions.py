"""Help when a search finds nothing: corrections, the nearest catalogue items, and what
others search for. Reads only; each is computed for a no-result page, never for a page
with results.

Corrections come from a dictionary of the words of published titles (the newest
VOCABULARY_TITLES of them, each cut into words and kept whole), the catalogue items' own
phrases and the synonym list, found by one-character edits (symmetric deletion, as
SymSpell does): 招生简张 → 招生简章, 奖学全 → 奖学金. A correction is offered only if the
corrected query finds something.
"""

import datetime
import re
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from xxgk.catalogue.models import CatalogueItemPage

from .models import SearchDocument, SearchQueryDay, Synonym
from .query import parse
from .segment import segmenter
from .synonyms import key, split_words
from .tokenizer import normalize, runs

VOCABULARY_TITLES = 20_000
VOCABULARY_SECONDS = 600
POPULAR_DAYS = 30
POPULAR_CACHE_KEY = "xxgk-search-popular"
_ITEM_PHRASES = re.compile(r"[、，,；;及和与等（）()]+")


@dataclass
class _Vocabulary:
    built: float
    words: set[str]
    deletions: dict[str, set[str]]


_vocabulary: _Vocabulary | None = None


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _catalogue_phrases() -> list[str]:
    phrases = []
    for title in CatalogueItemPage.objects.live().values_list("title", flat=True):
        phrases += [p for p in _ITEM_PHRASES.split(title) if len(p) >= 2]
    return phrases


def vocabulary() -> _Vocabulary:
    """The correction dictionary, rebuilt at most every VOCABULARY_SECONDS."""
    global _vocabulary
    if _vocabulary is None or time.monotonic() - _vocabulary.built > VOCABULARY_SECONDS:
        titles = (
            SearchDocument.objects.filter(version="live")
            .order_by("-id")
            .values_list("title", flat=True)[:VOCABULARY_TITLES]
        )
        words: set[str] = set()
        for text in [*titles, *_catalogue_phrases()]:
            for run in runs(text):
                if run.cjk and len(run.text) >= 2:
                    words.add(run.text)
                    words.update(w for w in segmenter().words(run.text) if len(w) >= 2)
        for synonym in Synonym.objects.all():
            words.update(key(w) for w in [synonym.term, *split_words(synonym.synonyms)])
        words = {w for w in words if 2 <= len(w) <= 12}
        deletions: dict[str, set[str]] = {}
        for word in words:
            for deleted in _deletions(word):
                deletions.setdefault(deleted, set()).add(word)
        _vocabulary = _Vocabulary(time.monotonic(), words, deletions)
    return _vocabulary


def _edits(word: str, known: _Vocabulary) -> list[str]:
    """Dictionary words one insertion, deletion or substitution away from ``word``."""
    found = set(known.deletions.get(word, ()))  # one character more
    for deleted in _deletions(word):
        if deleted in known.words:
            found.add(deleted)  # one character less
        found.update(known.deletions.get(deleted, ()))  # one character different
    found.discard(word)
    return sorted(found, key=lambda w: (len(w) != len(word), w))


def corrections(query: str, search, *, limit: int = 3) -> list[tuple[str, int]]:
    """Corrected queries that find something, with their counts. ``search`` runs a query."""
    known = vocabulary()
    parsed = parse(query, expand=False)
    # Whole runs of Chinese first (a typo often makes jieba cut a word apart: 招生简张 →
    # 招生 · 简张), then the words.
    texts = [run.text for run in runs(query) if run.cjk]
    texts += [normalize(clause.text) for clause in parsed.clauses]
    found = []
    for word in dict.fromkeys(texts):
        if len(word) < 3 or not all(run.cjk for run in runs(word)) or word in known.words:
            continue
        for candidate in _edits(word, known)[:5]:
            corrected = normalize(query).replace(word, candidate, 1)
            count = search(corrected).count()
            if count and corrected not in [text for text, _ in found]:
                found.append((corrected, count))
            if len(found) == limit:
                return found
    return found


def _bigrams(text: str) -> set[str]:
    grams = set()
    for run in runs(text):
        if run.cjk:
            grams.update(run.text[i : i + 2] for i in range(max(1, len(run.text) - 1)))
        else:
            grams.add(run.text)
    return grams


def nearest_items(query: str, *, limit: int = 3):
    """Catalogue items whose titles share the most bigrams with the query or its synonyms."""

    parsed = parse(query)
    wanted = set()
    for text in [query, *parsed.words]:
        wanted |= _bigrams(text)
    scored = []
    for item in CatalogueItemPage.objects.live().specific():
        shared = len(wanted & _bigrams(item.title))
        if shared:
            scored.append((-shared, item.path, item))
    return [item for _, _, item in sorted(scored)[:limit]]


def popular_searches(*, exclude: str = "", limit: int = 8) -> list[str]:
    """The most searched queries of the last POPULAR_DAYS days that found something (so a
    flood of made-up queries cannot put words on the page), cached for ten minutes."""
    popular = cache.get(POPULAR_CACHE_KEY)
    if popular is None:
        since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
        rows = (
            SearchQueryDay.objects.filter(day__gte=since, results__gt=0)
            .values("query")
            .annotate(total=Sum("searches"))
            .order_by("-total", "query")[:20]
        )
        popular = [row["query"] for row in rows]
        cache.set(POPULAR_CACHE_KEY, popular, 600)
    return [text for text in popular if text != exclude][:limit]
