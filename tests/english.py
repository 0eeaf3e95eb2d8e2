"""Finding the Chinese left on a page shown in English (issue 20): the text a reader sees or
hears in one part of the page — its words and its readable attributes — with the content
the database holds (which stays as written) taken out."""

import re
from collections.abc import Callable
from html.parser import HTMLParser

CJK = re.compile(r"[\u4e00-\u9fff]+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}
# Attributes a reader sees or hears (placeholders, tooltips, labels for screen readers).
READ_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


def _never(tag: str, attributes: dict) -> bool:
    return False


class VisibleText(HTMLParser):
    """The text inside the first `root` element, leaving out scripts, styles and every
    element `skip(tag, attributes)` marks (with all it holds)."""

    def __init__(self, root: str, skip: Callable[[str, dict], bool]):
        super().__init__(convert_charrefs=True)
        self.root, self.skip = root, skip
        self.stack: list[tuple[str, bool]] = []  # open elements inside the root: (tag, skipped)
        self.inside = self.done = False
        self.parts: list[str] = []

    @property
    def reading(self) -> bool:
        return self.inside and not any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        attributes = {name: value or "" for name, value in attrs}
        if not self.inside:
            self.inside = tag == self.root
            return
        skipped = tag in ("script", "style") or self.skip(tag, attributes)
        if self.reading and not skipped:
            self.parts.extend(attributes[name] for name in READ_ATTRIBUTES if name in attributes)
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.inside or self.done:
            return
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                return
        if tag == self.root:  # not among the open elements inside it: the root closes
            self.done = True

    def handle_data(self, data):
        if self.reading and not self.done:
            self.parts.append(data)


def visible_text(html: str, root: str = "main", skip=_never) -> str:
    parser = VisibleText(root, skip)
    parser.feed(html)
    assert parser.inside, f"no <{root}> element"
    return " ".join(" ".join(parser.parts).split())


def chinese_runs(text: str, *content: str, context: int = 20) -> list[str]:
    """The Chinese left in `text` once the `content` strings are taken out: each run of CJK
    with some context around it, for a readable failure."""
    for written in sorted({" ".join(c.split()) for c in content if c}, key=len, reverse=True):
        text = text.replace(written, " ")
    return [text[max(0, m.start() - context) : m.end() + context] for m in CJK.finditer(text)]
