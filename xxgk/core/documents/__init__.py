"""The one document toolkit: what every generated DOCX and PDF shares (letters to applicants,
review sheets, the annual report and its exports, the demo's attachments).

Format-specific pieces live in `pdf` (reportlab) and `docx` (python-docx); the helpers here
are the wording both formats must agree on, so that a letter's PDF and DOCX never differ.
"""

from django.conf import settings


def cn_date(day) -> str:
    """2022年1月5日 — official documents write dates without leading zeros; "" for no date."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def signature_lines(day=None) -> list[str]:
    """The issuer's name and, when the document is dated, the date under it (落款)."""
    lines = [settings.XXGK_SCHOOL_NAME]
    if day:
        lines.append(cn_date(day))
    return lines
