"""The 保密审查单 as printable PDF and DOCX (fonts and layout from xxgk.core.documents)."""

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from xxgk.core.documents import docx, pdf
from xxgk.core.documents.house import house_style

from .models import Step


def _answer(value) -> str:
    return {True: _("是"), False: _("否")}.get(value, "—")


def scan_summary(record) -> str:
    """What the scan found, what could not be scanned, and who confirmed it when."""
    text = _("疑似个人信息 %(hits)s 处；未能扫描的附件 %(unscannable)s 个") % {
        "hits": record.scan_hit_count,
        "unscannable": record.unscannable_count,
    }
    if record.unscannable_summary:
        text += f"（{record.unscannable_summary}）"
    if record.pending_summary:
        text += _("；扫描未完成，审查人已亲自查看：%(files)s") % {"files": record.pending_summary}
    if record.scan_acknowledged_by_id:
        who = record.scan_acknowledged_by
        at = timezone.localtime(record.scan_acknowledged_at)
        text += _("；%(who)s 于 %(at)s 确认已人工核对") % {
            "who": who.get_full_name() or who.get_username(),
            "at": date_format(at, pgettext("review sheet time", "Y年m月d日 H:i")),
        }
    elif record.scan_hit_count or record.unscannable_count:
        text += _("；未确认")
    return text


def record_rows(record) -> list[tuple[str, str]]:
    """The sheet's rows, shared by both formats so that they always say the same."""
    decided = timezone.localtime(record.decided_at)
    submitter = record.submitted_by
    rows = [
        (_("审查单编号"), record.number),
        (_("信息名称"), record.title),
        (_("发布部门"), record.department_name),
        (_("所属事项"), record.item_label),
        (
            _("提交人"),
            (submitter.get_full_name() or submitter.get_username()) if submitter else "—",
        ),
        (_("审查环节"), record.get_step_display()),
    ]
    if record.step == Step.CONFIDENTIALITY:
        rows += [(label, _answer(value)) for label, value in record.checklist()]
        rows += [(_("个人信息扫描"), scan_summary(record)), (_("审查依据"), record.basis or "—")]
    rows += [
        (_("审查意见"), record.opinion),
        (_("审查结论"), record.get_decision_display()),
        (_("审查人"), record.reviewer.get_full_name() or record.reviewer.get_username()),
        (_("审查时间"), date_format(decided, pgettext("review sheet time", "Y年m月d日 H:i"))),
    ]
    return rows


def sheet_title() -> str:
    return _("%(school)s信息公开保密审查单") % {"school": settings.XXGK_SCHOOL_NAME}


def render_record_pdf(record) -> bytes:
    """The sheet as PDF/A: a form, so the same ruled table in either layout, in the school's
    fonts (the title's and the body's of 设置 → 公文版式与字体)."""
    look = pdf.Look.of(house_style())
    body = look.body()
    title_style = look.title(body, fontSize=16, leading=22, wordWrap=None)
    cell_style = look.body("cell", fontSize=10.5, leading=15)
    # Cells hold what people typed (title, opinion, basis): escaped, not read as markup.
    table = Table(
        [
            [pdf.paragraph(label, cell_style), pdf.paragraph(value, cell_style)]
            for label, value in record_rows(record)
        ],
        colWidths=[40 * mm, 130 * mm],
    )
    table.setStyle(
        TableStyle([*look.grid(), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2"))])
    )
    flow = [pdf.paragraph(sheet_title(), title_style), Spacer(1, 8 * mm), table]
    return pdf.build(flow, title=sheet_title(), look=look, leftMargin=20 * mm, rightMargin=20 * mm)


def render_record_docx(record) -> bytes:
    """The sheet as Word file: its title and cells in the Word styles of the school's layout
    (公文标题, 表格文字), no direct formatting, no page numbers (a one-page form)."""
    document = docx.styled_document(plain=house_style().plain, page_numbers=False)
    docx.official_paragraph(document.add_paragraph(), sheet_title(), "title")
    rows = record_rows(record)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for (label, value), row in zip(rows, table.rows, strict=True):
        docx.official_paragraph(row.cells[0].paragraphs[0], label, "cell")
        docx.official_paragraph(row.cells[1].paragraphs[0], value, "cell")
    return docx.to_bytes(document)
