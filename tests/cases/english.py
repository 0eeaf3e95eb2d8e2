"""Helpers for the English-page tests of the case apps (issue 20): the visible text of a
page's <main>, and the check that none of it is Chinese."""

import re

from tests.english import chinese_runs, visible_text

# The arithmetic question of the public forms is written in Chinese numerals by design, and
# the security app (not these apps) owns it.
SKIPPED_CLASSES = {"challenge-question"}


def _skipped(tag: str, attributes: dict) -> bool:
    return bool(set(attributes.get("class", "").split()) & SKIPPED_CLASSES)


# The public forms' protection (security/protection.html: the honeypot and the arithmetic
# question) belongs to the security app and its catalogue, not to the case apps.
PROTECTION = [
    re.compile(r'<div class="hp-field".*?</div>', re.S),
    re.compile(r'<div class="[^"]*">\s*<label for="id_challenge_answer">.*?</div>', re.S),
]


def main_text(html: str) -> str:
    for pattern in PROTECTION:
        html = pattern.sub("", html)
    return visible_text(html, "main", _skipped)


def chinese_in_main(response, *allowed: str) -> list[str]:
    """The Chinese left in the page's <main> once the content the test wrote (`allowed`) is
    taken out."""
    return chinese_runs(main_text(response.content.decode()), *allowed, *core_labels())


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
