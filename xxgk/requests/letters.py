"""Notices to applicants (告知书): wording from the office's templates, output as DOCX and PDF.

The default wording below is installed as LetterTemplate rows (post_migrate) so that the
office edits it in the admin; rendering always reads the row when there is one.
"""

from django.conf import settings
from django.template import Context, Template
from django.utils import timezone
from reportlab.platypus import KeepTogether

from xxgk.core.documents import cn_date, docx, pdf, signature_lines
from xxgk.core.documents.house import house_style
from xxgk.law import citations

from .models import LetterKind, LetterTemplate

# Templates cite through {{ legal_basis }}: the citation comes from xxgk.law.citations when
# the letter is rendered, so a corrected citation reaches every new letter, while letters
# already issued keep the text they were issued with (Letter.text).
_ADDRESS = "{{ name }}：\n\n"
_BASIS = "{% if legal_basis %}\n\n依据：{{ legal_basis }}。{% endif %}"
DEFAULT_TEMPLATES = {
    LetterKind.RECEIPT: (
        "信息公开申请受理回执",
        _ADDRESS + "本校于{{ received_on }}收到您（单位）提交的信息公开申请"
        "（申请编号：{{ number }}），"
        "现已受理。本校将于{{ due_date }}前作出答复。\n\n"
        "您可凭申请编号和查询码在本校信息公开网“依申请公开—办理进度查询”中查看办理情况。",
    ),
    LetterKind.CORRECTION: (
        "信息公开申请补正告知书",
        _ADDRESS + "本校于{{ received_on }}收到您（单位）提交的信息公开申请"
        "（申请编号：{{ number }}）。"
        "经审查，该申请存在以下需要补正的内容：\n\n{{ correction_items }}\n\n"
        "请于{{ correction_due }}前补正。答复期限自本校收到补正材料之日起重新计算；"
        "无正当理由逾期不补正的，视为放弃申请，本校不再处理该申请。" + _BASIS,
    ),
    LetterKind.EXTENSION: (
        "信息公开申请延期答复告知书",
        _ADDRESS + "您（单位）提交的信息公开申请（申请编号：{{ number }}），"
        "因{{ extension_reason }}，"
        "不能在规定期限内作出答复。经本校信息公开工作机构负责人同意，答复期限延长"
        "{{ extension_days }}个工作日，本校将于{{ due_date }}前作出答复。" + _BASIS,
    ),
    LetterKind.CONSULTATION: (
        "第三方意见征询函",
        "{{ third_party }}：\n\n本校收到一份信息公开申请（申请编号：{{ number }}），"
        "申请公开的信息可能涉及贵方的商业秘密或个人隐私，内容如下：\n\n{{ matter }}\n\n"
        "请贵方自收到本函之日起15个工作日内提出书面意见。逾期未提出意见的，本校将依照"
        "有关规定决定是否公开。" + _BASIS,
    ),
    LetterKind.FEE: (
        "信息公开申请收费通知书",
        _ADDRESS + "您（单位）提交的信息公开申请（申请编号：{{ number }}）需缴纳以下费用：\n\n"
        "{{ fee_lines }}\n\n合计应缴{{ fee_total }}元。请自本通知发出之日起"
        "{{ payment_days }}个工作日内、即{{ payment_due }}前缴纳。"
        "自本通知发出之日至缴费之日的期间不计入答复期限；"
        "逾期未缴纳的，本校不再处理该申请。" + _BASIS,
    ),
    LetterKind.REPLY: (
        "信息公开申请答复书",
        _ADDRESS + "本校于{{ received_on }}收到您（单位）提交的信息公开申请"
        "（申请编号：{{ number }}），"
        "申请获取：{{ description }}\n\n经审查，现答复如下：\n\n办理结果：{{ outcome }}。\n\n"
        "{{ reply_text }}{% if reason %}\n\n理由：{{ reason }}{% endif %}" + _BASIS + "\n\n"
        "如对本答复不服，可以依法申请行政复议或者提起行政诉讼。",
    ),
    LetterKind.FEE_LAPSE: (
        "信息公开申请终止处理告知书",
        _ADDRESS + "本校于{{ fee_notice_date }}就您（单位）提交的信息公开申请"
        "（申请编号：{{ number }}）发出收费通知，缴费期限至{{ payment_due }}。"
        "截至该日，本校未收到您（单位）按收费通知要求缴纳的费用，本校不再处理该申请。"
        "\n\n办理结果：{{ outcome }}。" + _BASIS + "\n\n"
        "如对本告知不服，可以依法申请行政复议或者提起行政诉讼。",
    ),
}

# The legal basis of a notice that does not carry an outcome; replies and the lapse notice
# cite their outcome's basis, the fee notice the fee policy's (services.assess_fees).
KIND_BASIS = {
    LetterKind.CORRECTION: citations.CORRECTION_NOTICE,
    LetterKind.EXTENSION: citations.EXTENSION_NOTICE,
    LetterKind.CONSULTATION: citations.CONSULTATION_NOTICE,
}


def ensure_default_templates() -> None:
    for kind, (title, body) in DEFAULT_TEMPLATES.items():
        LetterTemplate.objects.get_or_create(kind=kind, defaults={"title": title, "body": body})


def letter_context(application, kind=None, **extra) -> dict:
    info = application.outcome_info
    basis = KIND_BASIS.get(kind) or (info.legal_basis if info else "")
    context = {
        "school": settings.XXGK_SCHOOL_NAME,
        "number": application.number,
        "name": application.name,
        "received_on": cn_date(application.received_on),
        "description": application.description,
        "due_date": cn_date(application.due_date),
        "correction_items": application.correction_items,
        "correction_due": cn_date(application.correction_due),
        "extension_days": application.extension_days,
        "extension_reason": application.extension_reason,
        "outcome": info.letter_label if info else "",
        "legal_basis": basis,
        "reason": application.outcome_reason,
        "reply_text": application.reply_text,
        "today": cn_date(timezone.localdate()),
    }
    context.update(extra)
    return context


def render_text(application, kind: LetterKind, **extra) -> tuple[str, str]:
    row = LetterTemplate.objects.filter(kind=kind).first()
    title, body = (row.title, row.body) if row else DEFAULT_TEMPLATES[kind]
    context = Context(letter_context(application, kind, **extra), autoescape=False)
    return title, Template(body).render(context).strip()


def _closing() -> tuple[str, str]:
    """The 发文机关署名 (the school) and the 成文日期 (today) under the letter."""
    organ, date = signature_lines(timezone.localdate())
    return organ, date


def _parts(text: str) -> list[tuple[str, str]]:
    """The letter's paragraphs with their kind: the first, "张三：", is the 主送机关 (set
    flush left), the others body text (indented two characters)."""
    paragraphs = [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]
    return [
        ("addressee" if n == 0 and _addresses(paragraph) else "body", paragraph)
        for n, paragraph in enumerate(paragraphs)
    ]


def _addresses(paragraph: str) -> bool:
    return paragraph.endswith("：") and "\n" not in paragraph and len(paragraph) <= 40


def docx_bytes(title: str, text: str) -> bytes:
    """The letter as Word file in the school's layout (设置 → 公文版式与字体), every paragraph
    in its Word style (公文标题, 主送机关, 公文正文, 发文机关署名, 成文日期 in the official
    layout), so the office edits a style, not each letter."""
    document = docx.styled_document(plain=house_style().plain)
    docx.official_paragraph(document.add_paragraph(), title, "title")
    for kind, paragraph in _parts(text):
        docx.official_paragraph(document.add_paragraph(), paragraph, kind)
    docx.add_closing(document, *_closing())
    return docx.to_bytes(document)


def pdf_bytes(title: str, text: str) -> bytes:
    """The letter as PDF/A in the school's layout and fonts: in the official layout the
    GB/T 9704 page, and the organ and date placed for the seal; the closing never stands on
    a page of its own (it keeps the last paragraph with it)."""
    look = pdf.Look.of(house_style())
    body = look.body(firstLineIndent=2 * look.page.body_size)
    addressee = look.body("addressee")
    flow = [pdf.paragraph(title, look.title(body, firstLineIndent=0, spaceAfter=body.leading))]
    for kind, paragraph in _parts(text):
        style = addressee if kind == "addressee" else body
        flow.append(pdf.paragraph(paragraph, style, line_breaks=True))
    last = flow.pop()
    flow.append(KeepTogether([last, *look.closing(*_closing())]))
    return look.build(flow, title=title, page_numbers=True)
