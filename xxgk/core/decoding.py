"""Reading what offices type into spreadsheets: CSV bytes in either encoding, dates in the
forms people write them. The old-site importer and the report's register imports both read
such files, and neither may import the other, so the rules live here once."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM) or GB18030, as offices save CSVs from Excel."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("无法识别清单文件的编码，请另存为 UTF-8 编码的 CSV 或 XLSX。"))


def parse_date(text: str) -> datetime.date:
    """A date in any of DATE_PATTERNS; a time after it (a spreadsheet's datetime) is dropped.
    Anything else raises ValueError with the text."""
    text = text.strip()
    if " " in text or "T" in text:  # "2022-05-10 00:00:00" from a spreadsheet
        text = re.split(r"[ T]", text, maxsplit=1)[0]
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
    raise ValueError(text)
