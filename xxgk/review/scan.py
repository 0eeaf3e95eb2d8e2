"""The personal-data scan run on every submission.

Finds resident ID numbers (checksum-validated), mobile numbers, bank card numbers (Luhn)
and e-mail addresses in the body and in the text of attachments, each with a location a
person can find again (正文第2段, 附件“名单.xlsx”工作表“Sheet1”B7). Values are masked in
the report so that the scan does not spread what it finds. An attachment whose text cannot
be read — a scanned PDF or a photo without a text layer, a broken or oversized file — is
未能扫描 with its reason, never clean.
"""

import io
import re
import zipfile
from dataclasses import asdict, dataclass, field
from html import unescape

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from xxgk.core import ocr, textextract
from xxgk.core.textextract import ExtractionError, Reason, extension_of

from .models import ScanMethod, ScanState

KIND_LABELS = {
    "resident_id": _("居民身份证号"),
    "mobile": _("手机号码"),
    "bank_card": _("银行卡号"),
    "email": _("电子邮箱"),
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


# What `manage.py scan_file` prints (身份证号 第3页 …).
SHORT_LABELS = {
    "resident_id": _("身份证号"),
    "mobile": _("手机号"),
    "bank_card": _("银行卡号"),
    "email": _("电子邮箱"),
}


@dataclass(frozen=True)
class Hit:
    kind: str
    masked: str
    location: str
    # Hits read by OCR: the page (or image) number, its label, the line on the page, and the
    # box (left, top, width, height in pixels of the page image) around the value.
    page: int | None = None
    page_label: str = ""
    line: int | None = None
    box: tuple[int, int, int, int] | None = None
    ocr: bool = False

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def as_dict(self) -> dict:
        # Stored: the label in Chinese (pages translate it back with {% translate hit.label %}).
        with translation.override("zh-hans"):
            data = {**asdict(self), "label": str(self.label)}
        if not self.ocr:  # text hits keep their old shape
            for key in ("page", "page_label", "line", "box", "ocr"):
                data.pop(key)
        return data


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


def find_values(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """(kind, masked value, span in ``text``) of each personal value found."""
    found, taken = [], []

    def free(span):
        return all(span[1] <= start or span[0] >= end for start, end in taken)

    for match in RESIDENT_ID.finditer(text):
        if resident_id_is_valid(match.group()):
            taken.append(match.span())
            found.append(("resident_id", _mask(match.group().upper(), 6, 4), match.span()))
    for match in BANK_CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 16 <= len(digits) <= 19 and free(match.span()) and luhn_is_valid(digits):
            taken.append(match.span())
            found.append(("bank_card", _mask(digits, 4, 4), match.span()))
    for match in MOBILE.finditer(text):
        if free(match.span()):
            taken.append(match.span())
            found.append(("mobile", _mask("".join(match.groups()), 3, 4), match.span()))
    for match in EMAIL.finditer(text):
        found.append(("email", _mask_email(match.group()), match.span()))
    return found


def scan_text(text: str, location: str) -> list[Hit]:
    return [Hit(kind, masked, location) for kind, masked, _span in find_values(text)]


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
    method: str = ""
    ocr_text: str = ""
    ocr_pages: int = 0
    # One PNG per OCR hit (same order as the OCR hits in ``hits``), for the reviewer.
    crops: list[tuple[int, bytes]] = field(default_factory=list)


def pages_label(pages) -> str:
    shown = "、".join(str(n) for n in pages[:10])
    return f"第{shown}{'等' if len(pages) > 10 else ''}页"


def _has_pictures(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(
                name.startswith("word/media/") and extension_of(name) in ocr.IMAGE_SUFFIXES
                for name in archive.namelist()
            )
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def scan_attachment(document, name: str, limits: "ocr.OcrLimits | None" = None) -> AttachmentResult:
    """One attachment's text, read in a child process with a time and memory limit; pages
    and pictures without a text layer are recognised (OCR) when ``limits`` is given."""
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
    except OSError as exc:
        return AttachmentResult(ScanState.UNSCANNABLE, Reason.MISSING, exc.__class__.__name__)
    return scan_bytes(data, document.file.name, name, limits)


def scan_bytes(data: bytes, filename: str, name: str, limits=None) -> AttachmentResult:
    try:
        extraction = textextract.extract_limited(data, filename)
    except ExtractionError as exc:
        if exc.reason != Reason.NO_TEXT_LAYER or limits is None:
            return AttachmentResult(ScanState.UNSCANNABLE, exc.reason, exc.detail[:255])
        extraction = None  # a photo: OCR the whole of it
    hits, blank = [], ()
    if extraction is not None:
        hits = [
            hit
            for chunk in extraction.chunks
            for hit in scan_text(chunk.text, f"附件“{name}”{chunk.location}")
        ]
        blank = extraction.pages_without_text
    extension = extension_of(filename)
    wants_ocr = limits is not None and (
        extraction is None
        or bool(blank)
        or (extension == "docx" and _has_pictures(data))
        or (extension == "pdf" and not extraction.chunks)
    )
    if not wants_ocr:
        if extraction is None or not extraction.chunks:
            return AttachmentResult(ScanState.UNSCANNABLE, Reason.NO_TEXT_LAYER, "", hits)
        if blank:
            detail = pages_label(blank)
            return AttachmentResult(ScanState.UNSCANNABLE, Reason.NO_TEXT_LAYER, detail, hits)
        return AttachmentResult(ScanState.SCANNED, hits=hits, method=ScanMethod.TEXT)
    pages = tuple(blank) if extension == "pdf" and blank else None
    try:
        total = extraction.pages if extraction is not None else 0
        return _with_ocr(data, filename, name, limits, pages, hits, total)
    except ExtractionError as exc:
        return AttachmentResult(ScanState.UNSCANNABLE, exc.reason, exc.detail[:255], hits)


def _with_ocr(data, filename, name, limits, pages, hits, total=0) -> AttachmentResult:
    texts, crops, count, empty = [], [], 0, []
    for page in ocr.ocr_pages(data, filename, limits, pages):
        count += 1
        place = page.location or "图片"
        texts.append(page.text)
        if not page.text.strip():
            empty.append(page)
        for line in page.lines:
            for kind, masked, (start, end) in find_values(line.text):
                box = line.box_of(start, end)
                hits.append(
                    Hit(
                        kind,
                        masked,
                        f"附件“{name}”{page.location}（OCR，第{line.number}行）",
                        page=page.number,
                        page_label=place,
                        line=line.number,
                        box=box,
                        ocr=True,
                    )
                )
                if box is not None:
                    buffer = io.BytesIO()
                    page.crop(box).save(buffer, format="PNG")
                    crops.append((len(hits) - 1, buffer.getvalue()))
    state, reason, detail = ScanState.SCANNED, "", ""
    if empty:  # recognition found no text there either: a picture, or a blank page
        state, reason = ScanState.UNSCANNABLE, Reason.NO_TEXT_LAYER
        if extension_of(filename) == "pdf" and len(empty) < max(total, count):
            detail = pages_label([page.number for page in empty])
        elif extension_of(filename) == "docx":
            detail = "、".join(page.location for page in empty[:10])
    return AttachmentResult(
        state,
        reason,
        detail,
        hits=hits,
        method=ScanMethod.OCR,
        ocr_text="\n".join(texts),
        ocr_pages=count,
        crops=crops,
    )
