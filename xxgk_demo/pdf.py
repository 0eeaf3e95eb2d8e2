"""Small but real PDF attachments for the demo, with Chinese text, so that the attachment
scan, text extraction and search have something to read."""

import io

from django.core.files.base import ContentFile
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model

from xxgk.core.documents.pdf import register_cjk_font


def render_pdf(title: str, lines: list[str]) -> bytes:
    """One A4 page: the title centred, then one line of text per entry."""
    font = register_cjk_font()
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.setTitle(title)
    width, height = A4
    sheet.setFont(font, 16)
    sheet.drawCentredString(width / 2, height - 72, title)
    sheet.setFont(font, 11)
    y = height - 110
    for line in lines:
        sheet.drawString(64, y, line)
        y -= 20
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def make_document(title: str, department: str, day, *, collection=None):
    """A PDF naming its department, in that department's collection (the root by default)."""
    content = render_pdf(
        title,
        [f"发布部门：{department}", f"发布日期：{day:%Y年%m月%d日}", "", f"{title}（全文）。"],
    )
    Document = get_document_model()
    document = Document(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(
        f"{day:%Y%m%d}-{abs(hash(title)) % 10**8}.pdf", ContentFile(content), save=False
    )
    document.save()
    return document
