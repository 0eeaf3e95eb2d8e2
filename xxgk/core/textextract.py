"""Plain text out of the documents people attach: PDF, DOCX and XLSX.

Used by the personal-data scan (which must say *where* a hit is) and by search (which only
needs the text). Each chunk carries a human-readable location: 第3页, 第12段, 表格“名单”B7.
A file that cannot be parsed raises ExtractionError so that callers can tell people, rather
than treating it as empty.
"""

import io
import zipfile
from dataclasses import dataclass

SUPPORTED_EXTENSIONS = {"pdf", "docx", "xlsx"}
# Guard rails against decompression bombs and pathological files.
MAX_PDF_PAGES = 2000
MAX_XLSX_CELLS = 2_000_000


class ExtractionError(Exception):
    """The document could not be read; the message is for people (Chinese)."""


@dataclass(frozen=True)
class TextChunk:
    location: str
    text: str


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def extract_chunks(data: bytes, filename: str) -> list[TextChunk]:
    extension = extension_of(filename)
    if extension not in SUPPORTED_EXTENSIONS:
        raise ExtractionError(f"不支持解析 {extension or '无扩展名'} 格式的文件。")
    try:
        return {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx}[extension](data)
    except ExtractionError:
        raise
    except Exception as exc:  # parsers raise many unrelated types on broken input
        raise ExtractionError(f"文件“{filename}”无法解析（{exc.__class__.__name__}）。") from exc


def extract_text(data: bytes, filename: str) -> str:
    return "\n".join(chunk.text for chunk in extract_chunks(data, filename))


def extract_document_chunks(document) -> list[TextChunk]:
    """Chunks of a Wagtail Document's file."""
    with document.file.open("rb") as handle:
        data = handle.read()
    return extract_chunks(data, document.file.name)


def _pdf(data: bytes) -> list[TextChunk]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception as exc:
            raise ExtractionError("PDF 文件已加密，无法读取内容。") from exc
    chunks = []
    for number, page in enumerate(reader.pages[:MAX_PDF_PAGES], start=1):
        text = (page.extract_text() or "").strip()
        if text:
            chunks.append(TextChunk(f"第{number}页", text))
    return chunks


def _docx(data: bytes) -> list[TextChunk]:
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ExtractionError("DOCX 文件已损坏或不是 Word 文档。")
    document = docx.Document(io.BytesIO(data))
    chunks = [
        TextChunk(f"第{number}段", paragraph.text)
        for number, paragraph in enumerate(document.paragraphs, start=1)
        if paragraph.text.strip()
    ]
    for table_number, table in enumerate(document.tables, start=1):
        for row_number, row in enumerate(table.rows, start=1):
            text = "\t".join(cell.text for cell in row.cells).strip()
            if text:
                chunks.append(TextChunk(f"表格{table_number}第{row_number}行", text))
    return chunks


def _xlsx(data: bytes) -> list[TextChunk]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    chunks, seen = [], 0
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    seen += 1
                    if seen > MAX_XLSX_CELLS:
                        raise ExtractionError("表格过大，无法完整读取。")
                    if cell.value is not None and str(cell.value).strip():
                        chunks.append(
                            TextChunk(f"工作表“{sheet.title}”{cell.coordinate}", str(cell.value))
                        )
    finally:
        workbook.close()
    return chunks
