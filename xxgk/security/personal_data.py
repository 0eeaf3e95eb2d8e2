"""Showing personal data: masks for everywhere it is not needed, and the audit of every reveal.

Lists, search results and staff without a need see masked values (``110101********1234``,
``138****5678``, ``张*``); the staff handling a case see the full value, and each time they do
(or export it) the audit log records who, when, which case and why.
"""

from django.db import transaction
from django.http import HttpResponse
from openpyxl import Workbook

from xxgk.audit.services import record_event
from xxgk.core.spreadsheets import append_header, append_row, xlsx_response

REVEALED = "personal_data.viewed"
EXPORTED = "personal_data.exported"
ERASED = "personal_data.erased"


def _keep(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return "*" * len(value)
    return f"{value[:head]}{'*' * (len(value) - head - tail)}{value[len(value) - tail :]}"


def mask_id(value: str) -> str:
    """Region code and last four of an 18-character ID (110101********1234); less if shorter."""
    value = value or ""
    if len(value) >= 15:
        return _keep(value, 6, 4)
    return _keep(value, len(value) // 5, len(value) // 5)


def mask_phone(value: str) -> str:
    """First three and last four digits of a mobile number (138****5678)."""
    value = value or ""
    if len(value) >= 11:
        return _keep(value, 3, 4)
    return _keep(value, len(value) // 4, len(value) // 4)


def mask_name(value: str) -> str:
    value = value or ""
    return value[:1] + "*" * max(len(value) - 1, 1) if value else ""


def mask_email(value: str) -> str:
    local, at, domain = (value or "").partition("@")
    if not at:
        return mask_name(local)
    return f"{local[:1]}***@{domain}"


def log_reveal(request, target, purpose: str) -> None:
    """A member of staff was shown `target`'s personal data in full (a privileged read)."""
    record_event(REVEALED, request=request, target=target, detail={"purpose": purpose})


def export_response(request, *, what: str, filename: str, headers, rows) -> HttpResponse:
    """An XLSX download of personal data; the audit log records who took how many rows.

    Callers check that the user may export (the office) before building the rows.
    """
    rows = list(rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = what[:31]
    append_header(sheet, headers)
    for row in rows:
        append_row(sheet, ["" if value is None else value for value in row])
    response = xlsx_response(workbook, filename)
    record_event(
        EXPORTED,
        request=request,
        detail={"what": what, "rows": len(rows), "query": request.GET.urlencode()},
    )
    return response


ERASED_MARK = "***"


def redact(text: str, values) -> str:
    """`text` with every given personal value (longer than one character) blotted out."""
    for value in sorted({v for v in values if v and len(v) > 1}, key=len, reverse=True):
        text = text.replace(value, ERASED_MARK)
    return text


def redact_notes(events, values) -> None:
    """Blot the personal values out of the handling notes of a case's events (one UPDATE
    per note that names one); the events themselves stay for the figures."""
    for event in events.exclude(note=""):
        redacted = redact(event.note, values)
        if redacted != event.note:
            type(event).objects.filter(pk=event.pk).update(note=redacted)


def delete_files_on_commit(*files) -> None:
    """Remove stored files once the erasure that dropped them has committed."""
    names = [(f.storage, f.name) for f in files if f]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])
