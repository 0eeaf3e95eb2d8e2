"""OCR of attachments without a text layer (issue 22): scanned PDF pages, photos and the
pictures inside a DOCX are read by Tesseract in the task worker; hits carry their page,
line and box and a private crop; bad files end 未能扫描 with a reason at once.

The images are generated here (a few lines rendered with a Debian CJK font) and kept
small so that each OCR run takes about a second; accuracy on a realistic ten-page scan is
measured by bench/ocr_bench.py, not here."""

import io
import struct
import zlib

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

from tests.core.test_textextract import scanned_pdf
from tests.factories import TEST_PASSWORD
from tests.review.conftest import VALID_ID, _document, approve_kwargs
from xxgk.core import ocr
from xxgk.review.models import AttachmentScan, OcrSettings, ReviewRecord, ScanCrop, ScanReport
from xxgk.review.scan import scan_bytes
from xxgk.review.services import decide_review, run_attachment_scans

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not ocr.available(), reason="tesseract-ocr-chi-sim (make system-deps)"),
]
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
# 11010519491231002X is GB 11643's own example; changing its check digit makes it invalid.
INVALID_ID = "110105194912310021"
MOBILE = "13812345678"


def page_image(lines, size=(1200, 400)) -> Image.Image:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 28)
    for number, text in enumerate(lines):
        draw.text((60, 60 + 60 * number), text, font=font, fill=0)
    return image


def png_of(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def scanned_list_pdf(pages) -> bytes:
    """An image-only PDF (no text layer), one picture per page, as a scanner writes it."""
    images = [page_image(lines).convert("RGB") for lines in pages]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=200)
    return buffer.getvalue()


ROWS = [f"张三  {VALID_ID}  {MOBILE}", f"李四  {INVALID_ID}  无"]


def image_bomb(width=50_000, height=50_000) -> bytes:
    """A valid PNG header declaring 2.5 billion pixels, in a few hundred bytes."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1024))
        + chunk(b"IEND", b"")
    )


def limits(**overrides):
    return OcrSettings(**overrides).limits()


def test_a_scanned_page_is_read_and_hits_carry_page_line_box_and_crop(
    client, editor_a, editor_b, dept_a, item_a, reviewer
):
    from tests.review.test_attachment_scans import draft_with, submitted

    page = draft_with(
        editor_a,
        dept_a,
        item_a,
        _document("名单扫描件.pdf", scanned_list_pdf([["公示名单"], ROWS])),
    )
    task_state = submitted(page, editor_a)
    report = ScanReport.objects.get(revision=task_state.revision)
    (item,) = report.attachments.all()
    assert item.label == "已扫描（OCR）" and item.ocr_pages == 2
    assert VALID_ID[:6] in item.ocr_text and "公示" in item.ocr_text
    kinds = sorted((hit["kind"], hit["page"]) for hit in report.hits)
    assert kinds == [("mobile", 2), ("resident_id", 2)]  # the invalid ID is not a hit
    id_hit = next(hit for hit in report.hits if hit["kind"] == "resident_id")
    assert id_hit["masked"] == "110105********002X"
    assert id_hit["location"] == "附件“名单扫描件.pdf”第2页（OCR，第1行）"
    left, top, width, height = id_hit["box"]
    # Drawn at x=60 after "张三" and two spaces; the box is on the first line, and about as
    # wide as 18 digits of a 28-pixel font.
    assert 60 < left < 400 and 30 < top < 120 and 150 < width < 450 and height < 60

    crop = ScanCrop.objects.get(pk=id_hit["crop"])
    with crop.image.open("rb") as handle:
        shown = Image.open(handle)
        assert shown.width >= width and shown.height >= height
    assert "media" not in crop.image.path.split("/")[-5:-3]  # outside MEDIA_ROOT

    url = reverse("review:scan_crop", args=[crop.pk])
    assert client.get(url).status_code in (302, 403)  # the public: never
    assert client.login(username=reviewer.username, password=TEST_PASSWORD)
    page_view = client.get(reverse("review:decide", args=[task_state.pk]))
    assert url in page_view.text and "已扫描（OCR）" in page_view.text
    answer = client.get(url)
    assert answer.status_code == 200 and answer["Content-Type"] == "image/png"
    assert "no-store" in answer["Cache-Control"]
    client.logout()
    assert client.login(username=editor_b.username, password=TEST_PASSWORD)
    assert client.get(url).status_code == 403  # another department's editor


@pytest.mark.parametrize(
    ("name", "make", "label"),
    [
        ("扫描件500页.pdf", lambda: blank_pdf(500), "未能扫描（页数超过文字识别上限：500 > 50）"),
        ("照片.png", image_bomb, "未能扫描（图片尺寸过大（疑似图片炸弹）"),
        ("损坏.pdf", lambda: b"%PDF-1.4 broken", "未能扫描（文件损坏或无法解析"),
        ("加密.pdf", lambda: encrypted_pdf(), "未能扫描（文件已加密）"),
    ],
)
def test_bad_files_are_unscannable_with_a_reason_at_once(name, make, label):
    result = scan_bytes(make(), name, name, limits())
    shown = AttachmentScan(
        name=name, state=result.state, reason=result.reason, detail=result.detail
    ).label
    assert shown.startswith(label)


def blank_pdf(pages) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_the_worker_goes_on_after_a_bad_file_and_the_office_limits_apply(editor_a, dept_a, item_a):
    from tests.review.test_attachment_scans import draft_with, submitted

    settings = OcrSettings.load()
    settings.max_pages = 2
    settings.save()
    page = draft_with(
        editor_a,
        dept_a,
        item_a,
        _document("炸弹.png", image_bomb()),
        _document("三页.pdf", scanned_list_pdf([["一"], ["二"], ["三"]])),
        _document("名单.png", png_of(page_image(ROWS))),
    )
    task_state = submitted(page, editor_a)
    report = run_attachment_scans(ScanReport.objects.get(revision=task_state.revision))
    labels = [item.label for item in report.attachments.all()]
    assert labels[0].startswith("未能扫描（图片尺寸过大")
    assert labels[1] == "未能扫描（页数超过文字识别上限：3 > 2）"
    assert labels[2] == "已扫描（OCR）" and report.is_complete
    assert {hit["kind"] for hit in report.hits} == {"resident_id", "mobile"}


def test_scan_file_prints_state_and_hits_and_fails_on_an_unreadable_file(tmp_path):
    scan = tmp_path / "名单.png"
    scan.write_bytes(png_of(page_image(ROWS)))
    out = io.StringIO()
    call_command("scan_file", str(scan), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "名单.png：已扫描（OCR）"
    assert "身份证号 图片 第1行 110105********002X （OCR）" in lines
    assert "手机号 图片 第1行 138****5678 （OCR）" in lines
    broken = tmp_path / "损坏.pdf"
    broken.write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(CommandError, match="未能扫描（文件损坏或无法解析"):
        call_command("scan_file", str(broken), stdout=io.StringIO())


def test_approving_while_a_scan_is_pending_needs_the_reviewers_own_check(
    settings, editor_a, dept_a, item_a, reviewer
):
    from tests.review.test_attachment_scans import draft_with, submitted

    settings.XXGK_SCAN_TASK_BACKEND = "database"  # queued, no worker runs it
    page = draft_with(editor_a, dept_a, item_a, _document("名单.png", png_of(page_image(ROWS))))
    task_state = submitted(page, editor_a)
    with pytest.raises(Exception, match="我已亲自查看仍在扫描的附件"):
        decide_review(task_state, user=reviewer, **approve_kwargs())
    record = decide_review(task_state, user=reviewer, pending_checked=True, **approve_kwargs())
    assert record.pending_summary == "名单.png：待扫描"
    assert ReviewRecord.objects.get(pk=record.pk).decision == "approved"


def test_a_redacted_copy_removes_the_pixels_and_goes_through_review(
    office, editor_a, editor_b, dept_a, item_a
):
    from django.core.exceptions import PermissionDenied
    from pypdf import PdfReader

    from tests.review.test_attachment_scans import draft_with, submitted
    from xxgk.disclosures.models import DisclosurePage
    from xxgk.review.services import redact_attachment

    page = draft_with(
        editor_a, dept_a, item_a, _document("名单.pdf", scanned_list_pdf([["公示名单"], ROWS]))
    )
    task_state = submitted(page, editor_a)
    (item,) = ScanReport.objects.get(revision=task_state.revision).attachments.all()
    assert item.hit_count == 2

    # Someone from another department may not; the office may.
    with pytest.raises(PermissionDenied):
        redact_attachment(item, user=editor_b)
    copy = redact_attachment(item, user=office)
    assert copy.title == "名单.pdf（涂黑）" and copy.filename.endswith("-redacted.pdf")
    with copy.file.open("rb") as handle:
        data = handle.read()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2
    assert all(not (p.extract_text() or "").strip() for p in reader.pages)  # no text layer

    page = DisclosurePage.objects.get(pk=page.pk)
    assert not page.live  # never published directly
    latest = page.get_latest_revision()
    assert [a.document_id for a in latest.as_object().attachments.all()] == [copy.pk]
    # The new revision is under review, and its scan finds the values no more.
    state = page.current_workflow_state
    assert state.current_task_state.revision_id == latest.pk
    new_report = ScanReport.objects.get(revision=latest)
    (new_item,) = new_report.attachments.all()
    assert new_item.method == "ocr" and "公示" in new_item.ocr_text
    assert {hit["kind"] for hit in new_report.hits} == set()
    assert VALID_ID not in new_item.ocr_text and MOBILE not in new_item.ocr_text
    assert "110105194912310021" in new_item.ocr_text  # not a hit, so left as it was


def docx_with_picture(lines) -> bytes:
    """A DOCX whose only list of names is a picture (a pasted scan), plus a line of text."""
    import docx

    document = docx.Document()
    document.add_paragraph("附件：公示名单（扫描件）")
    document.add_picture(io.BytesIO(png_of(page_image(lines))))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_picture_inside_a_docx_is_read_and_its_redacted_copy_keeps_the_document(
    office, editor_a, dept_a, item_a
):
    import docx

    from tests.review.test_attachment_scans import draft_with, submitted
    from xxgk.review.services import redact_attachment

    page = draft_with(
        editor_a, dept_a, item_a, _document("名单.docx", docx_with_picture(["公示名单", *ROWS]))
    )
    task_state = submitted(page, editor_a)
    report = ScanReport.objects.get(revision=task_state.revision)
    (item,) = report.attachments.all()
    assert (item.state, item.method, item.hit_count) == ("scanned", "ocr", 2)
    assert {(hit["kind"], hit["page_label"]) for hit in report.hits} == {
        ("resident_id", "图片1"),
        ("mobile", "图片1"),
    }

    copy = redact_attachment(item, user=office)
    assert copy.filename.endswith("-redacted.docx")
    with copy.file.open("rb") as handle:
        redacted = docx.Document(handle)
    # Still the same Word document: its text stays, its picture lost the two values.
    assert [p.text for p in redacted.paragraphs if p.text] == ["附件：公示名单（扫描件）"]
    with copy.file.open("rb") as handle:
        again = scan_bytes(handle.read(), "名单.docx", "名单.docx", limits())
    assert again.method == "ocr" and "公示名单" in again.ocr_text
    assert again.hits == [] and VALID_ID not in again.ocr_text


def test_a_word_files_thumbnail_is_not_a_picture_in_the_document():
    """Word keeps a preview of the first page as docProps/thumbnail.*; only pictures in the
    document's body (word/media/) can hide text, so a text-only file is read as text."""
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph("2022年招生章程全文见学校招生网。")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("docProps/thumbnail.png", png_of(page_image(["招生章程"])))
    result = scan_bytes(buffer.getvalue(), "章程.docx", "章程.docx", limits())
    assert (result.state, result.method, result.hits) == ("scanned", "text", [])


def text_and_scanned_pdf(text_line: str, scanned_pages) -> bytes:
    """Page 1 typed (a text layer holding ``text_line``), then one picture per scanned page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.drawString(64, 700, text_line)
    sheet.showPage()
    for lines in scanned_pages:
        sheet.drawImage(ImageReader(page_image(lines)), 0, 300, width=A4[0], height=A4[0] / 3)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def test_only_the_pages_without_a_text_layer_are_recognised():
    """A typed page is read from its text (once); OCR reads the scanned page only."""
    data = text_and_scanned_pdf(f"Tel {MOBILE}", [ROWS])
    result = scan_bytes(data, "名单.pdf", "名单.pdf", limits())
    assert (result.state, result.reason, result.method) == ("scanned", "", "ocr")
    assert result.ocr_pages == 1
    assert sorted((hit.kind, hit.ocr, hit.page or 0) for hit in result.hits) == [
        ("mobile", False, 0),  # text hits carry no page number: their location names it
        ("mobile", True, 2),
        ("resident_id", True, 2),
    ]


def test_a_pdf_with_text_on_every_page_is_read_from_its_text_only_even_with_ocr_on():
    result = scan_bytes(scanned_pdf(pages_with_text=(1, 2, 3)), "名单.pdf", "名单.pdf", limits())
    assert (result.state, result.method, result.ocr_pages) == ("scanned", "text", 0)
    assert len(result.hits) == 3 and not any(hit.ocr for hit in result.hits)


def test_a_word_file_with_neither_text_nor_pictures_is_not_reported_as_scanned():
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    result = scan_bytes(buffer.getvalue(), "空白.docx", "空白.docx", limits())
    assert (result.state, result.reason) == ("unscannable", "no_text_layer")


def test_blank_pictures_in_a_word_file_are_named_up_to_ten():
    """Pictures in which OCR finds no text either are listed for the reviewer (图片1 …
    图片10), so that they are checked by eye."""
    import docx

    document = docx.Document()
    document.add_paragraph("附件：照片")
    for number in range(11):  # sizes differ, so that Word keeps eleven pictures
        blank = png_of(Image.new("L", (400 + number, 300), 255))
        document.add_picture(io.BytesIO(blank))
    buffer = io.BytesIO()
    document.save(buffer)
    result = scan_bytes(buffer.getvalue(), "照片.docx", "照片.docx", limits())
    assert (result.state, result.reason) == ("unscannable", "no_text_layer")
    assert result.detail == "、".join(f"图片{number}" for number in range(1, 11))


def test_when_ocr_is_refused_the_hits_of_the_text_layer_are_kept():
    data = text_and_scanned_pdf(f"Tel {MOBILE}", [["空白"], ["空白"]])
    result = scan_bytes(data, "名单.pdf", "名单.pdf", limits(max_pages=1))
    assert (result.state, result.reason, result.detail) == (
        "unscannable",
        "too_many_pages",
        "2 > 1",
    )
    assert [(hit.kind, hit.ocr) for hit in result.hits] == [("mobile", False)]


def test_the_recognised_text_is_kept_page_after_page():
    """What OCR read is stored for search and for the reviewer, one page after another."""
    data = scanned_list_pdf([["公示名单"], ["录取名单"]])
    result = scan_bytes(data, "名单.pdf", "名单.pdf", limits())
    assert [line for line in result.ocr_text.splitlines() if line.strip()] == [
        "公示名单",
        "录取名单",
    ]
