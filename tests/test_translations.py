"""Every English catalogue is complete and compiled (issue 20 point 1).

One test per catalogue (xxgk/locale and every xxgk/<app>/locale), so that an unfinished app
shows up by name: no untranslated and no fuzzy entry, and a .mo that holds exactly what the
.po says (`make messages` or `compilemessages -l en` after editing the .po).
"""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted((ROOT / "xxgk").glob("**/locale/en/LC_MESSAGES/django.po"))

pytestmark = pytest.mark.skipif(
    shutil.which("msgattrib") is None or shutil.which("msgfmt") is None,
    reason="GNU gettext (msgattrib, msgfmt) is not installed: make system-deps",
)


def catalogue_id(po: Path) -> str:
    return str(po.relative_to(ROOT).parent.parent.parent.parent)


def entries(po: Path, *flags: str) -> list[str]:
    """The msgids msgattrib selects with `flags` (without the header entry)."""
    out = subprocess.run(
        ["msgattrib", *flags, "--no-wrap", "--no-location", str(po)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    msgids = []
    for block in out.split("\n\n"):
        lines = [line for line in block.splitlines() if line.startswith("msgid ")]
        if lines and lines[0] != 'msgid ""':
            msgids.append(lines[0][len("msgid ") :])
        elif lines and 'msgid ""\n"' in block:
            msgids.append(block.split('msgid ""\n', 1)[1].split("\n", 1)[0])
    return msgids


def test_catalogues_are_found():
    assert ROOT / "xxgk" / "locale" / "en" / "LC_MESSAGES" / "django.po" in CATALOGUES
    assert len(CATALOGUES) > 10


@pytest.mark.parametrize("po", CATALOGUES, ids=catalogue_id)
def test_catalogue_is_fully_translated(po):
    assert entries(po, "--untranslated") == []
    assert entries(po, "--only-fuzzy") == []


@pytest.mark.parametrize("po", CATALOGUES, ids=catalogue_id)
def test_catalogue_is_compiled(po, tmp_path):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run compilemessages -l en"
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(po)], check=True)
    with mo.open("rb") as shipped, fresh.open("rb") as compiled:
        assert gettext.GNUTranslations(shipped)._catalog == (
            gettext.GNUTranslations(compiled)._catalog
        ), f"{mo} is out of date with its .po: run compilemessages -l en"


def test_a_msgid_means_the_same_in_every_catalogue():
    """Django merges the apps' catalogues into one, and the first app in INSTALLED_APPS wins:
    the same Chinese text translated two ways in two apps would show one app's English in
    the other. Where a word really has two meanings, the templates give it a context
    (`{% translate "查询" context "tracker" %}`, `pgettext`)."""
    meanings = {}
    for po in CATALOGUES:
        with po.with_suffix(".mo").open("rb") as compiled:
            for msgid, msgstr in gettext.GNUTranslations(compiled)._catalog.items():
                if msgid:
                    meanings.setdefault(msgid, {}).setdefault(msgstr, []).append(catalogue_id(po))
    clashes = {msgid: found for msgid, found in meanings.items() if len(found) > 1}
    assert clashes == {}
