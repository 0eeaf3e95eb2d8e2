"""export_report and export_letter: files for scripted archives, Chinese errors otherwise."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.documents.checks import assert_fonts_embedded
from tests.requests.conftest import make_application
from xxgk.requests import services
from xxgk.requests.models import LetterKind
from xxgk_demo import reports as demo


def test_export_report_writes_both_formats(db, admin_user, tmp_path):
    demo.load_demo(io.StringIO())
    for fmt in ("pdf", "docx"):
        out = tmp_path / f"report.{fmt}"
        call_command("export_report", year=2021, format=fmt, out=out, stdout=io.StringIO())
        assert out.stat().st_size > 0
    assert_fonts_embedded((tmp_path / "report.pdf").read_bytes())
    assert (tmp_path / "report.docx").read_bytes()[:2] == b"PK"


def test_export_report_errors(db, tmp_path):
    with pytest.raises(CommandError, match="没有 1999 年度"):
        call_command("export_report", year=1999, format="pdf", out=tmp_path / "x")
    with pytest.raises(CommandError, match="不支持的格式：odt"):
        call_command("export_report", year=2021, format="odt", out=tmp_path / "x")


def test_export_letter_writes_the_latest_letter(db, tmp_path):
    application, _code = make_application()
    services.issue_letter(application, LetterKind.choices[0][0], send=False)
    out = tmp_path / "letter.pdf"
    call_command("export_letter", application.number, format="pdf", out=out, stdout=io.StringIO())
    assert_fonts_embedded(out.read_bytes())
    with pytest.raises(CommandError, match="不存在或尚无告知书"):
        call_command("export_letter", "2099-9999", format="pdf", out=out)
    with pytest.raises(CommandError, match="不支持的格式"):
        call_command("export_letter", application.number, format="txt", out=out)
