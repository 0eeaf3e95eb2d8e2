"""Helpers for the English-page tests of the case apps (issue 20): the visible text of a
page's <main>, and the check that none of it is Chinese."""

import re
from html.parser import HTMLParser

CJK = re.compile(r"[\u4e00-\u9fff]")
VISIBLE_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# The arithmetic question of the public forms is written in Chinese numerals by design, and
# the security app (not these apps) owns it.
SKIPPED_CLASSES = {"challenge-question"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _MainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <main> when > 0
        self.skip = 0  # inside a skipped element when > 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.depth:
            self.depth = 1 if tag == "main" else 0
            return
        if tag in VOID:
            if not self.skip:
                self._attributes(attributes)
            return
        self.depth += 1
        classes = set((attributes.get("class") or "").split())
        if self.skip or classes & SKIPPED_CLASSES or tag in ("script", "style"):
            self.skip += 1
        else:
            self._attributes(attributes)

    def _attributes(self, attributes):
        for name in VISIBLE_ATTRIBUTES:
            if attributes.get(name):
                self.parts.append(attributes[name])

    def handle_endtag(self, tag):
        if not self.depth or tag in VOID:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


# The public forms' protection (security/protection.html: the honeypot and the arithmetic
# question) belongs to the security app and its catalogue, not to the case apps.
PROTECTION = [
    re.compile(r'<div class="hp-field".*?</div>', re.S),
    re.compile(r'<div class="[^"]*">\s*<label for="id_challenge_answer">.*?</div>', re.S),
]


def main_text(html: str) -> str:
    for pattern in PROTECTION:
        html = pattern.sub("", html)
    parser = _MainText()
    parser.feed(html)
    assert parser.parts, "no <main> element"
    return " ".join(" ".join(parser.parts).split())


def chinese_in_main(response, *allowed: str) -> list[str]:
    """The Chinese left in the page's <main> once the content the test wrote (`allowed`) is
    taken out: runs of CJK with some context, for a readable failure."""
    text = main_text(response.content.decode())
    for content in sorted([*allowed, *core_labels()], key=len, reverse=True):
        text = text.replace(content, "")
    return [text[max(0, m.start() - 20) : m.end() + 20] for m in CJK.finditer(text)]


def core_labels() -> list[str]:
    """Labels of the core app's shared forms (the statistics period), which its own
    catalogue translates, not the case apps'."""
    from xxgk.core.forms import StatsForm

    return [str(field.label) for field in StatsForm().fields.values()]


def solved_challenge() -> dict:
    """The public forms' protection fields, solved (the helper reads the Chinese question;
    the test thread keeps the language of the last English request)."""
    from django.utils import translation

    from tests.mailbox.helpers import solved_challenge as solved

    with translation.override("zh-hans"):
        return solved()


def english(client) -> None:
    client.cookies["django_language"] = "en"
