import io

import pytest

from xxgk.core.textextract import ExtractionError, extract_chunks, extract_text
from xxgk.portal.demo.pdf import render_pdf


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
