"""The one document toolkit: what every generated DOCX and PDF shares (letters to applicants,
review sheets, the annual report and its exports, the demo's attachments).

Format-specific pieces live in `pdf` (reportlab) and `docx` (python-docx); the helpers here
are the wording both formats must agree on, so that a letter's PDF and DOCX never differ.
"""

from urllib.parse import quote

from django.conf import settings

# Chinese line-breaking rules (禁则, GB/T 15834 and Word's kinsoku for zh-CN): closing
# punctuation never starts a line, opening punctuation never ends one. The PDF's wrap keeps
# them itself (reportlab hangs only a few closing marks, not "，" or "》"); a DOCX names them
# for Word, which breaks the lines when it lays the document out.
NO_LINE_START = "，。、；：？！）」』》〉】〕〗”’%…"
NO_LINE_END = "（「『《〈【〔〖“‘"

# The two layouts the school chooses between (core.DocumentSettings.layout): the official
# document's of GB/T 9704-2012, or a plain one.
OFFICIAL = "official"
PLAIN = "plain"


def cn_date(day) -> str:
    """2022年1月5日 — official documents write dates without leading zeros; "" for no date."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def signature_lines(day=None) -> list[str]:
    """The issuer's name and, when the document is dated, the date under it (落款)."""
    lines = [settings.XXGK_SCHOOL_NAME]
    if day:
        lines.append(cn_date(day))
    return lines


def attachment_disposition(filename: str, fallback: str) -> str:
    """Content-Disposition of a download whose name may be Chinese (RFC 6266 with RFC 5987's
    ``filename*``): browsers take the UTF-8 name, older clients the ASCII `fallback`."""
    fallback = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in fallback
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
