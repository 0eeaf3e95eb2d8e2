"""The writes every kind of case shares: numbers, the timeline, notices, the flagging of
sensitive words and the erasure of personal data. Each case app calls these from its own
services, inside its own transactions, and keeps only its own rules."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from xxgk.core.numbering import next_serial
from xxgk.security.personal_data import redact_notes
from xxgk.security.public_forms import hash_query_code, new_query_code
from xxgk.security.retention import CaseKind, register_case_kind, start_of_day

logger = logging.getLogger(__name__)


def format_number(prefix: str, year: int, serial: int) -> str:
    return f"{prefix}-{year}-{serial:06d}"


def allocate_number(prefix: str, year: int) -> str:
    """Issue the next public number, e.g. XZ-2026-000123."""
    return format_number(prefix, year, next_serial(prefix, year))


def open_public_case(model, *, prefix: str, received_at, **fields):
    """Create a case written on the public site with its number and one-time query code.

    Call inside the transaction that also records the case's first event, so that a failure
    gives the number back. Returns the case and the query code (shown once, stored hashed).
    """
    code = new_query_code()
    number = allocate_number(prefix, timezone.localtime(received_at).year)
    case = model.objects.create(
        number=number,
        query_code_hash=hash_query_code(number, code),
        received_at=received_at,
        flagged_words=flag_sensitive_words(fields["subject"], fields["message"]),
        **fields,
    )
    return case, code


def record_event(model, *, user=None, note: str = "", at=None, **fields):
    """Add a step to a case's timeline; an anonymous visitor is recorded as nobody."""
    return model.objects.create(
        actor=user if getattr(user, "is_authenticated", False) else None,
        note=note,
        at=at or timezone.now(),
        **fields,
    )


def notify(recipients, subject: str, body: str) -> bool:
    """Send one e-mail; a mail failure is logged and never undoes the recorded work."""
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return False
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:
        logger.exception("Could not send %r to %s", subject, recipients)
        return False
    return True


def notify_answered(case, subject, body, tracker: str, **values) -> bool:
    """E-mail the writer of a public case that it is answered, in the site's language (not
    the officer's). `subject` and `body` are lazy texts with %(number)s, %(subject)s, %(url)s
    (the `tracker` page) and `values`. True when sent."""
    with translation.override(settings.LANGUAGE_CODE):
        url = site_url(reverse(tracker))
        values = {"number": case.number, "subject": case.subject, "url": url, **values}
        subject, body = str(subject) % values, str(body) % values
    return notify([case.email], subject, body)


def acknowledge_receipt(case, code: str, due, title, body, tracker: str, **values) -> bool:
    """Once the transaction commits, e-mail the writer of a new case, if they gave an address,
    its number, its query code and when the answer is due (`due`, a selectors.AnswerDue), in
    the language of the page they wrote on (the request's). `title` (the e-mail's subject)
    and `body` are texts with %(number)s, %(code)s, %(days)s, %(due)s (YYYY-MM-DD), %(url)s
    (the `tracker` page) and `values`; a provisional due date gets the calendar's caveat as
    a last line. True when an e-mail is on its way.

    The query code is in the e-mail although the school keeps only its hash: it goes to the
    address the writer gave, to the writer alone, and carrying it is what the acknowledgement
    is for (issue #20) - the receipt page shows it only once."""
    if not case.email:
        return False
    values = {
        "number": case.number,
        "code": code,
        "days": due.days,
        "due": due.date.isoformat(),
        "url": site_url(reverse(tracker)),
        **values,
    }
    title, text = str(title) % values, str(body) % values
    if due.provisional:
        text += "\n" + due.deadline.explain()
    recipients = [case.email]
    transaction.on_commit(lambda: notify(recipients, title, text))
    return True


def site_url(path: str) -> str:
    """An absolute address for e-mails (sent outside any request)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


_word_finders: list[Callable[..., str]] = []


def register_word_finder(finder: Callable[..., str]) -> None:
    """Called from the AppConfig.ready() of the app that keeps the sensitive-word list."""
    if finder not in _word_finders:
        _word_finders.append(finder)


def flag_sensitive_words(*texts: str) -> str:
    """The sensitive words found in a public submission, for a closer look ('' when none)."""
    return "、".join(filter(None, (finder(*texts) for finder in _word_finders)))[:300]


def erase_contacts(case, fields: list[str], *, today=None):
    """Blank a case's personal fields and their traces in its timeline's notes; the case, its
    outcome and every step stay, so the figures do not change. Call with the case locked."""
    redact_notes(case.events, [getattr(case, name) for name in fields])
    for name in fields:
        setattr(case, name, "")
    case.personal_data_erased_on = today or timezone.localdate()
    case.save(update_fields=[*fields, "personal_data_erased_on"])
    return case


def register_retention(label: str, past_retention, erase, *, order: int, by_date=False) -> None:
    """Have `purge_personal_data` erase a kind of case. `past_retention(cutoff)` takes the
    cutoff day itself for cases that finish on a date (`by_date`), else the datetime at the
    start of that day (cases that finish at a moment)."""
    finder = past_retention if by_date else lambda cutoff: past_retention(start_of_day(cutoff))
    register_case_kind(CaseKind(label, finder, erase, order=order))
