"""Citations: only article numbers verified against the text in force (regulations.md,
更正与补充): the 办法's 第二十五、二十六、二十七、三十四条 are the 2022 draft's numbers; the
31 January report date is 《政府信息公开条例》第四十九条; 补正 is 第三十条. Letters already
issued keep their text; new letters use the corrected citations."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps

from xxgk.law import citations
from xxgk.requests import letters, outcomes, services
from xxgk.requests.models import Letter, LetterKind, LetterTemplate

from .conftest import make_application

ROOT = Path(__file__).resolve().parents[2]
DRAFT_NUMBERS = re.compile(
    r"高等学校信息公开办法》[^。；\n]{0,16}第(二十五|二十六|二十七|三十四|七)条"
)
WRONG_REPORT_DATE = re.compile(
    r"(第五十条.{0,40}(1月31日|31 January))|((1月31日|31 January).{0,40}第五十条)"
)


def _project_files():
    for folder in ("xxgk", "docs"):
        for path in (ROOT / folder).rglob("*"):
            wanted = path.suffix in {".py", ".html", ".md", ".txt"}
            # citations.py names the draft's numbers to forbid them; migrations quote old text.
            if wanted and "migrations" not in path.parts and path.name != "citations.py":
                yield path


def test_no_unverified_article_of_the_measures_is_cited_anywhere():
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in _project_files()
        for match in DRAFT_NUMBERS.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_31_january_date_is_never_attributed_to_article_50():
    offenders = [
        str(path.relative_to(ROOT))
        for path in _project_files()
        if WRONG_REPORT_DATE.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_every_citation_says_where_it_was_verified():
    assert citations.ALL, "the module holds the citations"
    for name, citation in citations.ALL.items():
        assert citation.verified, name
        if citation.instrument is citations.MEASURES:
            assert not citation.article, f"{name}: the 办法's article numbers are not verified"
    assert str(citations.REGULATION_REPORT_DUE) == "《中华人民共和国政府信息公开条例》第四十九条"
    assert str(citations.REGULATION_CORRECTION) == "《中华人民共和国政府信息公开条例》第三十条"


def test_outcome_labels_are_the_official_rows():
    # regulations.md §5.4 (表三, 2021 format) and 更正与补充.
    assert outcomes.get("2").label == "部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert outcomes.get("4.1").label == "本机关不掌握相关政府信息"
    assert outcomes.get("6.1").label == (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    )
    assert outcomes.get("6.2").label == (
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )
    assert outcomes.get("2").letter_label == "部分公开"  # the counting note is not for letters
    for outcome in outcomes.OUTCOMES:
        assert not DRAFT_NUMBERS.search(outcome.legal_basis), outcome.code


@pytest.mark.django_db
def test_new_letters_cite_verified_rules(office, head):
    application, _ = make_application()
    application = services.request_correction(application, actor=office, items="请写明年份")
    text = application.letters.get(kind=LetterKind.CORRECTION).text
    assert (
        "依据：《高等学校信息公开办法》（教育部令第29号）关于申请内容不明确时告知申请人补正的规定；"
        in text
    )
    assert "《中华人民共和国政府信息公开条例》第三十条" in text
    application = services.receive_correction(application, actor=office)
    application = services.extend(
        application, actor=office, approved_by=head, days=5, reason="需要检索档案"
    )
    text = application.letters.get(kind=LetterKind.EXTENSION).text
    assert "关于依申请公开答复期限及延长答复期限的规定" in text
    for letter in application.letters.all():
        assert not DRAFT_NUMBERS.search(letter.text), letter.title


@pytest.mark.django_db
def test_migration_rewrites_templates_but_not_issued_letters(office):
    migration = importlib.import_module(
        "xxgk.requests.migrations.0004_letter_templates_cite_verified_rules"
    )
    old_bodies = {
        "correction": "前文。" + migration.OLD_CITATIONS["correction"],
        "extension": "前文。" + migration.OLD_CITATIONS["extension"],
        "consultation": "前文。" + migration.OLD_CITATIONS["consultation"],
        "fee": migration.OLD_FEE_BODY,
    }
    for kind, body in old_bodies.items():
        LetterTemplate.objects.filter(kind=kind).update(body=body)
    application, _ = make_application()
    issued = Letter.objects.create(
        application=application,
        kind=LetterKind.CORRECTION,
        title="信息公开申请补正告知书",
        text="依据：《高等学校信息公开办法》第二十五条第（六）项。",
    )
    migration.cite_verified_rules(apps, None)
    bodies = dict(LetterTemplate.objects.values_list("kind", "body"))
    for kind in ("correction", "extension", "consultation"):
        assert bodies[kind] == "前文。" + migration.BASIS
    assert bodies["fee"] == letters.DEFAULT_TEMPLATES[LetterKind.FEE][1]
    issued.refresh_from_db()
    assert issued.text == "依据：《高等学校信息公开办法》第二十五条第（六）项。"
    # The shipped defaults end the way the migration writes them.
    for kind in ("correction", "extension", "consultation"):
        assert letters.DEFAULT_TEMPLATES[kind][1].endswith(migration.BASIS)
