"""The personal-data scan run on every submission.

Finds resident ID numbers (checksum-validated), mobile numbers, bank card numbers (Luhn)
and e-mail addresses in the body and in the text of attachments, each with a location a
person can find again (正文第2段, 附件“名单.xlsx”工作表“Sheet1”B7). Values are masked in
the report so that the scan does not spread what it finds. An attachment whose text cannot
be read — a scanned PDF or a photo without a text layer, a broken or oversized file — is
未能扫描 with its reason, never clean.
"""

import re
from dataclasses import asdict, dataclass, field
from html import unescape

from xxgk.core.textextract import ExtractionError, Reason, extract_document

from .models import ScanState

KIND_LABELS = {
    "resident_id": "居民身份证号",
    "mobile": "手机号码",
    "bank_card": "银行卡号",
    "email": "电子邮箱",
}

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
RESIDENT_ID = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"\d{3}[\dXx](?![0-9A-Za-z])"
)
MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9])")
BANK_CARD = re.compile(r"(?<![0-9])(?:\d[ -]?){15,18}\d(?![0-9])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|div|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Hit:
    kind: str
    masked: str
    location: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def as_dict(self) -> dict:
        return {**asdict(self), "label": self.label}


def resident_id_is_valid(number: str) -> bool:
    number = number.upper()
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17]


def luhn_is_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _mask(value: str, keep_start: int, keep_end: int) -> str:
    hidden = len(value) - keep_start - keep_end
    return value[:keep_start] + "*" * max(hidden, 0) + (value[-keep_end:] if keep_end else "")


def _mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}***@{domain}"


def scan_text(text: str, location: str) -> list[Hit]:
    hits, taken = [], []

    def free(span):
        return all(span[1] <= start or span[0] >= end for start, end in taken)

    for match in RESIDENT_ID.finditer(text):
        if resident_id_is_valid(match.group()):
            taken.append(match.span())
            hits.append(Hit("resident_id", _mask(match.group().upper(), 6, 4), location))
    for match in BANK_CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 16 <= len(digits) <= 19 and free(match.span()) and luhn_is_valid(digits):
            taken.append(match.span())
            hits.append(Hit("bank_card", _mask(digits, 4, 4), location))
    for match in MOBILE.finditer(text):
        if free(match.span()):
            taken.append(match.span())
            hits.append(Hit("mobile", _mask("".join(match.groups()), 3, 4), location))
    for match in EMAIL.finditer(text):
        hits.append(Hit("email", _mask_email(match.group()), location))
    return hits


def html_paragraphs(html: str) -> list[str]:
    """Rich text as plain paragraphs, in order, so that hits can say 第N段."""
    blocks = _BLOCK_END.split(html or "")
    return [text for text in (unescape(_TAG.sub("", block)).strip() for block in blocks) if text]


def scan_content(page) -> list[Hit]:
    """Title, summary and body of a disclosure (typically a revision's content): quick, so
    done at submission."""
    hits = scan_text(page.title or "", "标题") + scan_text(page.summary or "", "摘要")
    for number, paragraph in enumerate(html_paragraphs(page.body), start=1):
        hits += scan_text(paragraph, f"正文第{number}段")
    return hits


@dataclass
class AttachmentResult:
    state: str
    reason: str = ""
    detail: str = ""
    hits: list[Hit] = field(default_factory=list)


def pages_label(pages) -> str:
    shown = "、".join(str(n) for n in pages[:10])
    return f"第{shown}{'等' if len(pages) > 10 else ''}页"


def scan_attachment(document, name: str) -> AttachmentResult:
    """One attachment's text, read in a child process with a time and memory limit."""
    try:
        extraction = extract_document(document)
    except ExtractionError as exc:
        return AttachmentResult(ScanState.UNSCANNABLE, exc.reason, exc.detail[:255])
    hits = [
        hit
        for chunk in extraction.chunks
        for hit in scan_text(chunk.text, f"附件“{name}”{chunk.location}")
    ]
    if not extraction.chunks:
        return AttachmentResult(ScanState.UNSCANNABLE, Reason.NO_TEXT_LAYER, "", hits)
    if extraction.pages_without_text:
        detail = pages_label(extraction.pages_without_text)
        return AttachmentResult(ScanState.UNSCANNABLE, Reason.NO_TEXT_LAYER, detail, hits)
    return AttachmentResult(ScanState.SCANNED, hits=hits)
