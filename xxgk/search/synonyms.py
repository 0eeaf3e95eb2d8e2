"""The office's synonym and abbreviation list: what a query word also searches.

Expansion is one step and never chained: an entry 资助 → 助学贷款, 勤工助学 adds exactly
those two words to a query containing 资助, whatever other entries say about 助学贷款. So
what the preview shows is what the search does, and no chain of entries can grow a query.
The list is still refused when it would loop (A → B → A: the office meant a two-way entry),
when an entry is empty, and when any word would expand to more than MAX_EXPANSIONS words;
a query expands at most MAX_QUERY_EXPANSIONS words in all (query.py).

Words are compared in their search form (tokenizer.normalize, punctuation and spaces
dropped): 教代會, 教代会 and ＣＥＴ-4 / cet4 are each one word here.
"""

import re
import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from .tokenizer import runs

# Words of one entry are separated by these; 、 is not one (大学英语四、六级考试 is one word).
SEPARATORS = re.compile(r"[,，;；\n\r]+")
MAX_WORD_LENGTH = 40
MAX_WORDS_PER_ENTRY = 12
# The most words one query word may expand to, over all entries that name it.
MAX_EXPANSIONS = 16


def split_words(text: str) -> list[str]:
    """The words of a synonyms field, stripped, in order, without repeats."""
    words = [word.strip() for word in SEPARATORS.split(text or "")]
    return list(dict.fromkeys(word for word in words if word))


def key(word: str) -> str:
    """The search form of a word: normalised, only letters and digits."""
    return "".join(run.text for run in runs(word))


@dataclass(frozen=True)
class Entry:
    pk: int | None
    term: str
    words: tuple[str, ...]
    two_way: bool

    def edges(self):
        """(from word, to word) pairs this entry adds, both as typed."""
        if self.two_way:
            group = (self.term, *self.words)
            return [(a, b) for a in group for b in group if key(a) != key(b)]
        return [(self.term, word) for word in self.words]


def _entry(synonym) -> Entry:
    return Entry(
        synonym.pk, synonym.term.strip(), tuple(split_words(synonym.synonyms)), synonym.two_way
    )


def expansion_map(entries) -> dict[str, list[str]]:
    """word key → the words (as typed by the office) a query word with that key also searches."""
    expansions: dict[str, list[str]] = {}
    for entry in entries:
        for source, target in entry.edges():
            targets = expansions.setdefault(key(source), [])
            if key(target) not in {key(t) for t in targets}:
                targets.append(target)
    return expansions


def validate_entry(synonym) -> None:
    """Raise ValidationError (messages in Chinese) if ``synonym`` is empty, malformed, loops
    with the rest of the list, or makes any word expand beyond MAX_EXPANSIONS."""
    # Imported here: the models import this module (validation) at module level.
    from .models import Synonym

    entry = _entry(synonym)
    if not entry.term:
        raise ValidationError({"term": _("请填写搜索词。")})
    if not entry.words:
        raise ValidationError({"synonyms": _("请至少填写一个同时搜索的词。")})
    if len(entry.words) > MAX_WORDS_PER_ENTRY:
        raise ValidationError(
            {
                "synonyms": _("一个条目最多 %(n)d 个词，请拆分为几个条目。")
                % {"n": MAX_WORDS_PER_ENTRY}
            }
        )
    for field, word in [("term", entry.term), *[("synonyms", w) for w in entry.words]]:
        if len(word) > MAX_WORD_LENGTH:
            raise ValidationError(
                {
                    field: _("“%(word)s”过长：每个词最多 %(n)d 个字。")
                    % {"word": word, "n": MAX_WORD_LENGTH}
                }
            )
        if not key(word):
            raise ValidationError(
                {field: _("“%(word)s”中没有可检索的文字（汉字、字母或数字）。") % {"word": word}}
            )
    keys = [key(word) for word in entry.words]
    if key(entry.term) in keys:
        raise ValidationError(
            {"synonyms": _("“%(word)s”不能同时搜索它自己（A→A 是循环）。") % {"word": entry.term}}
        )
    if len(set(keys)) < len(keys):
        raise ValidationError(
            {"synonyms": _("同一个词在条目中出现了两次（繁简、全角半角视为同一个词）。")}
        )
    others = (
        [_entry(s) for s in Synonym.objects.exclude(pk=synonym.pk)]
        if synonym.pk
        else [_entry(s) for s in Synonym.objects.all()]
    )
    _refuse_loops(entry, others)
    _refuse_large_expansions(entry, others)


def _refuse_loops(entry: Entry, others: list[Entry]) -> None:
    """A one-way edge whose target already leads back to its source closes a loop."""
    graph: dict[str, set[str]] = {}
    for other in [*others, entry]:
        for source, target in other.edges():
            graph.setdefault(key(source), set()).add(key(target))
    for other in [entry, *others]:  # the new entry's own loop first: its message reads best
        if other.two_way:
            continue
        for target in other.words:
            path = _path(graph, key(target), key(other.term))
            if path:
                words = " → ".join([other.term, *path])
                raise ValidationError(
                    {
                        "synonyms": _(
                            "会形成循环：%(path)s。若这些词互为同义，请改用一个双向条目。"
                        )
                        % {"path": words}
                    }
                )


def _path(graph, start: str, goal: str) -> list[str] | None:
    """Word keys from start to goal (both included), breadth first, or None."""
    previous = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = previous[node]
            return path[::-1]
        for following in sorted(graph.get(node, ())):
            if following not in previous:
                previous[following] = node
                queue.append(following)
    return None


def _refuse_large_expansions(entry: Entry, others: list[Entry]) -> None:
    for word_key, targets in expansion_map([*others, entry]).items():
        if len(targets) > MAX_EXPANSIONS:
            raise ValidationError(
                {
                    "synonyms": _(
                        "“%(word)s”将同时搜索 %(count)d 个词，超过上限 %(n)d 个，"
                        "搜索会变慢且结果失去针对性；请删减或拆分条目。"
                    )
                    % {"word": word_key, "count": len(targets), "n": MAX_EXPANSIONS}
                }
            )


# --- the list as queries use it ----------------------------------------------------------

# Each process reads the list's stamp at most this often (an edit reaches the other
# processes within that time; the process that saved it forgets the stamp at once).
STAMP_SECONDS = 2.0
_cache: dict = {"stamp": None, "map": {}, "words": frozenset(), "checked": None}


def forget() -> None:
    """Read the list again at the next search (called when an entry is saved or deleted)."""
    _cache["checked"] = None


def list_stamp() -> tuple:
    """Changes whenever an entry is added, edited or deleted."""
    # Imported here: the models import this module (validation) at module level.
    from .models import Synonym

    found = Synonym.objects.aggregate(n=Count("pk"), at=Max("updated_at"), top=Max("pk"))
    return found["n"], found["at"], found["top"]


def current() -> tuple[tuple, dict[str, list[str]], frozenset[str]]:
    """(stamp, expansion map, dictionary words) of the list as it is now; re-read only
    when the stamp changes (one small aggregate query per search)."""
    # Imported here: the models import this module (validation) at module level.
    from .models import Synonym

    now = time.monotonic()
    if _cache["checked"] is not None and now - _cache["checked"] < STAMP_SECONDS:
        return _cache["stamp"], _cache["map"], _cache["words"]
    stamp = list_stamp()
    _cache["checked"] = now
    if stamp != _cache["stamp"]:
        entries = [_entry(s) for s in Synonym.objects.all()]
        words = {key(e.term) for e in entries} | {key(w) for e in entries for w in e.words}
        _cache.update(stamp=stamp, map=expansion_map(entries), words=frozenset(words))
    return _cache["stamp"], _cache["map"], _cache["words"]


def lexicon_with(synonym):
    """The current list as it would read queries with ``synonym`` saved (for the preview
    of an entry being edited)."""
    # Imported here: the models import this module (validation) and query imports it, both
    # at module level.
    from .models import Synonym
    from .query import Lexicon

    entries = [_entry(s) for s in Synonym.objects.exclude(pk=synonym.pk)] + [_entry(synonym)]
    words = {key(e.term) for e in entries} | {key(w) for e in entries for w in e.words}
    return Lexicon(expansion_map(entries), frozenset(words))
