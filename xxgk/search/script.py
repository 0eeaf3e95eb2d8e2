"""Traditional and variant Chinese characters folded to simplified ones, for search only.

The table comes from OpenCC's own dictionaries, shipped inside the
``opencc-python-reimplemented`` wheel (nothing is downloaded at run time): TSCharacters
(traditional → simplified), and the Hong Kong and Taiwan variant tables (台灣/香港 variant →
OpenCC traditional) chained in front of it. Folding is character by character on purpose:
OpenCC's phrase tables would pick 乾燥 → 干燥 but 乾隆 → 乾隆, whereas search needs the
query and the index folded *identically* whatever the context, so that 學費, 学费 and a
mixed 學费 are one word to the engines. One character always becomes exactly one
character, so positions in the folded text are positions in the original (highlighting
relies on it). Where a traditional character has several simplified forms, OpenCC's
first (most common) one is used, on both sides alike.
"""

import functools
from importlib import resources

_DICTIONARIES = "opencc.dictionary"


def _read(name: str) -> dict[str, str]:
    table = {}
    text = resources.files(_DICTIONARIES).joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1:
            table[source] = target
    return table


@functools.cache
def fold_table() -> dict[int, str]:
    """str.translate table: every character that folds, to its simplified form."""
    simplified = _read("TSCharacters.txt")
    table = {}
    for variants in ("HKVariantsRev.txt", "TWVariantsRev.txt"):
        for variant, traditional in _read(variants).items():
            table[variant] = simplified.get(traditional, traditional)
    table.update(simplified)
    # A character that is itself some character's simplified form stays as it is (OpenCC
    # lists 么 → 幺 for the rare traditional reading; 什么 must stay 什么).
    targets = set(table.values())
    return {
        ord(source): target
        for source, target in table.items()
        if source != target and source not in targets
    }


def fold(text: str) -> str:
    """``text`` with traditional and variant characters in their simplified form."""
    return text.translate(fold_table())
