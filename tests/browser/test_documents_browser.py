"""Page one of each generated document kind (letter, review sheet, annual report), downloaded
by the office from the live server as a reader would, rendered with poppler's pdftoppm,
shown in the browser and saved as a screenshot: the text the page carries and that it is not
blank are checked, the picture is for a person to look at."""

import base64
import io
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from tests.factories import TEST_PASSWORD, review_through
from tests.requests.conftest import make_application
from xxgk.disclosures.services import create_disclosure
from xxgk.reports.models import AnnualReportDraft
from xxgk.requests import services as request_services
from xxgk.requests.models import LetterKind
from xxgk_demo import reports as demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, base, user):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def first_page(data: bytes, folder: Path, stem: str) -> tuple[str, Path]:
    """The first page's text (pdftotext) and a PNG of it (pdftoppm, 100 dpi)."""
    pdf = folder / f"{stem}.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, folder / stem],
        check=True,
    )
    return text, folder / f"{stem}.png"


def ink(png: Path) -> float:
    """The share of the page's pixels that are not white."""
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[200:]) / sum(histogram)


def test_page_one_of_each_document_kind(
    live_server, page, screenshot_dir, office, editor_a, dept_a, item_a, admin_user
):
    base = live_server.url
    page.set_default_timeout(90_000)
    school = settings.XXGK_SCHOOL_NAME
    application, _code = make_application()
    letter = request_services.issue_letter(application, LetterKind.RECEIPT, send=False)
    disclosure = create_disclosure(
        user=editor_a,
        item=item_a,
        title="2022年招生章程",
        publishing_department=dept_a,
        body="<p>招生章程正文。</p>",
    )
    record = review_through(disclosure, submitter=editor_a, opinion="不涉密，同意公开。")
    demo.load_demo(io.StringIO())  # the 2021-2022 report's draft (made by a superuser)
    draft = AnnualReportDraft.objects.get(year=2021)

    kinds = {
        "letter": (f"/admin/requests/letters/{letter.pk}.pdf", letter.title),
        "review-sheet": (f"/admin/review/record/{record.pk}/pdf/", "信息公开保密审查单"),
        "annual-report": (
            f"/admin/annual-report/drafts/{draft.pk}/export.pdf",
            "2021-2022学年信息公开工作报告",
        ),
    }
    log_in(page, base, office)
    with tempfile.TemporaryDirectory() as folder:
        for kind, (url, title) in kinds.items():
            response = page.request.get(base + url)
            assert response.status == 200, (kind, response.status)
            assert response.headers["content-type"] == "application/pdf"
            text, png = first_page(response.body(), Path(folder), kind)
            flat = "".join(text.split())
            assert title in flat and school in flat, (kind, text[:400])
            if kind == "letter":
                assert application.name in flat  # the addressee, 主送
            assert 0.002 < ink(png) < 0.5, kind  # text on a white page
            encoded = base64.b64encode(png.read_bytes()).decode()
            page.set_content(
                f'<body style="margin:0;background:#888"><img alt="{kind}" '
                f'style="display:block;margin:16px auto;box-shadow:0 0 8px #000" '
                f'src="data:image/png;base64,{encoded}"></body>'
            )
            image = page.locator("img")
            assert image.evaluate("img => img.complete && img.naturalWidth") == 827  # A4, 100 dpi
            page.screenshot(path=str(screenshot_dir / f"document-{kind}.png"), full_page=True)
