import io
import time

import pytest

from bench.bombs import docx_bomb, docx_slow, expanded_size
from xxgk.core.textextract import (
    ExtractionError,
    PackageLimits,
    Reason,
    RunLimits,
    check_package,
    extract,
    extract_chunks,
    extract_limited,
    extract_text,
)
from xxgk_demo.pdf import render_pdf


def docx_bytes(paragraphs, table=None):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows, title="名单"):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_pdf_text_with_page_location():
    chunks = extract_chunks(render_pdf("奖学金名单", ["张三 2022级"]), "a.pdf")
    assert chunks[0].location == "第1页"
    assert "奖学金名单" in chunks[0].text


def test_docx_paragraphs_and_tables():
    data = docx_bytes(["第一段", "", "第三段"], table=[["姓名", "学号"], ["李四", "2022001"]])
    chunks = extract_chunks(data, "x.DOCX")
    assert [c.location for c in chunks[:2]] == ["第1段", "第3段"]
    assert any(c.location == "表格1第2行" and "李四" in c.text for c in chunks)


def test_xlsx_cells_with_sheet_and_coordinate():
    chunks = extract_chunks(
        xlsx_bytes([["姓名", "身份证号"], ["王五", "330802200001011234"]]), "b.xlsx"
    )
    assert any(c.location == "工作表“名单”B2" for c in chunks)
    assert "王五" in extract_text(xlsx_bytes([["王五"]]), "b.xlsx")


@pytest.mark.parametrize("name", ["broken.pdf", "broken.docx", "broken.xlsx"])
def test_broken_files_raise_chinese_error(name):
    with pytest.raises(ExtractionError) as excinfo:
        extract_chunks(b"this is not a real document", name)
    assert "无法" in str(excinfo.value) or "损坏" in str(excinfo.value)


def test_unsupported_format():
    with pytest.raises(ExtractionError, match="不支持"):
        extract_chunks(b"...", "old.doc")


# --- scans without a text layer, packages that expand too far, the time limit -------------


def scanned_pdf(pages_with_text=()) -> bytes:
    """A PDF whose pages are pictures (a rectangle, no text), except the pages listed."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, 4):
        if number in pages_with_text:
            sheet.drawString(64, 700, f"Page {number} 13812345678")
        else:
            sheet.rect(50, 50, 400, 600, fill=1)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def test_pdf_pages_without_a_text_layer_are_reported():
    blank = extract(scanned_pdf(), "scan.pdf")
    assert blank.chunks == [] and blank.pages == 3 and blank.pages_without_text == (1, 2, 3)
    mixed = extract(scanned_pdf(pages_with_text=(1,)), "mixed.pdf")
    assert [c.location for c in mixed.chunks] == ["第1页"] and mixed.pages_without_text == (2, 3)


@pytest.mark.parametrize("name", ["photo.png", "scan.JPG", "id.jpeg"])
def test_images_have_no_text_layer(name):
    with pytest.raises(ExtractionError) as excinfo:
        extract(b"\x89PNG\r\n\x1a\n", name)
    assert excinfo.value.reason == Reason.NO_TEXT_LAYER and str(excinfo.value) == "无文字层"


def test_a_decompression_bomb_is_refused_before_parsing():
    bomb = docx_bomb()
    assert len(bomb) < 30_000 and expanded_size(bomb) > 8_000_000  # the probe's 26 KB → 8.6 MB
    for run in (extract, extract_limited):
        started = time.monotonic()
        with pytest.raises(ExtractionError) as excinfo:
            run(bomb, "名单.docx")
        assert excinfo.value.reason == Reason.TOO_LARGE
        assert "解压后过大或压缩比异常" in str(excinfo.value)
        assert time.monotonic() - started < 1  # the central directory only: no parsing


def test_package_limits_size_ratio_and_entries():
    ordinary = docx_bytes(["第一段", "第二段"])
    check_package(ordinary, PackageLimits())
    slow = docx_slow(20_000)  # random words: an ordinary ratio
    check_package(slow, PackageLimits())
    with pytest.raises(ExtractionError, match="bytes"):
        check_package(slow, PackageLimits(max_bytes=expanded_size(slow) - 1))
    with pytest.raises(ExtractionError, match=":1"):
        check_package(slow, PackageLimits(max_ratio=2))
    with pytest.raises(ExtractionError, match="entries"):
        check_package(ordinary, PackageLimits(max_entries=2))
    with pytest.raises(ExtractionError) as excinfo:
        check_package(b"PK\x03\x04 not really a zip", PackageLimits())
    assert excinfo.value.reason == Reason.UNREADABLE


def test_extraction_in_a_child_process_is_stopped_at_the_time_limit():
    slow = docx_slow(200_000)  # passes every package check, takes seconds to parse
    check_package(slow, PackageLimits())
    started = time.monotonic()
    with pytest.raises(ExtractionError) as excinfo:
        extract_limited(slow, "长文档.docx", RunLimits(seconds=0.5))
    assert excinfo.value.reason == Reason.TIMEOUT and "解析超时" in str(excinfo.value)
    assert time.monotonic() - started < 5
    # The same child process route returns what the parser found.
    assert extract_limited(docx_bytes(["正文"]), "a.docx", RunLimits()).chunks[0].text == "正文"


def test_extraction_in_a_child_process_has_a_memory_limit():
    with pytest.raises(ExtractionError) as excinfo:
        extract_limited(docx_slow(100_000), "大.docx", RunLimits(memory_bytes=64 * 1024 * 1024))
    assert excinfo.value.reason == Reason.TOO_LARGE
