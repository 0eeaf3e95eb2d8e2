"""The registers' and the report desk's English catalogues are complete; the import page
speaks English to an English admin while reading Chinese spreadsheets."""

import json
import re
from pathlib import Path

import pytest
from django.utils import translation

from xxgk.registers.imports import run_import

CATALOGUES = [
    Path("xxgk/registers/locale/en/LC_MESSAGES/django.po"),
    Path("xxgk/reports/locale/en/LC_MESSAGES/django.po"),
]


@pytest.mark.parametrize("path", CATALOGUES, ids=str)
def test_every_message_is_translated_and_none_is_fuzzy(path):
    text = path.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    entries = re.findall(r'\nmsgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', text)
    assert entries
    for msgid, msgstr in entries:
        source = "".join(json.loads(line) for line in msgid.strip().split("\n"))
        target = "".join(json.loads(line) for line in msgstr.strip().split("\n"))
        assert not source or target, source


@pytest.mark.django_db
def test_chinese_spreadsheets_import_under_an_english_admin():
    data = "招生年份,省份,层次,录取人数\n2022,浙江,本科,5\n2022,浙江,研究生,1\n".encode()
    with translation.override("en"):
        result = run_import("admissions", "a.csv", data, dry_run=True)
    [(row, message)] = result.errors
    assert row == 3
    assert "“层次”: “研究生” is not one of the choices (本科、高职" in message
