"""The office's sensitive-word list: flags a letter or complaint for a closer look."""

import unicodedata

from django.core.cache import cache

from .models import SensitiveWord

SENSITIVE_WORDS_CACHE_KEY = "xxgk:sensitive-words"


def sensitive_words() -> list[str]:
    words = cache.get(SENSITIVE_WORDS_CACHE_KEY)
    if words is None:
        words = list(SensitiveWord.objects.values_list("word", flat=True))
        cache.set(SENSITIVE_WORDS_CACHE_KEY, words, 300)
    return words


def forget_sensitive_words(**kwargs) -> None:
    cache.delete(SENSITIVE_WORDS_CACHE_KEY)


def find_sensitive_words(*texts: str) -> str:
    """The configured words found in the texts, joined for storage ('' when none)."""
    haystack = unicodedata.normalize("NFKC", " ".join(texts)).lower()
    found = [w for w in sensitive_words() if unicodedata.normalize("NFKC", w).lower() in haystack]
    return "、".join(found)[:300]
