"""Reads: who sees which letters, the public list, tracking, and the figures for reports."""

import datetime
import math
import statistics
from collections import defaultdict

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from xxgk.cases.selectors import AnswerDue, PublicStep
from xxgk.security.public_forms import find_by_query_code
from xxgk.workdays.calendar import WorkCalendar, add_working_days

from .models import OPEN_STATUSES, Letter, LetterAction, LetterStatus, Mailbox
from .policy import letters_visible_to


def active_mailboxes():
    return Mailbox.objects.filter(is_active=True).prefetch_related("categories")


def published_letters(mailbox=None):
    letters = Letter.objects.filter(is_published=True).select_related("mailbox", "category")
    if mailbox is not None:
        letters = letters.filter(mailbox=mailbox)
    return letters.order_by("-published_at", "-pk")


def letter_for_tracking(number: str, code: str) -> Letter | None:
    """The letter only for whoever holds both its number and its query code."""
    letters = Letter.objects.select_related("mailbox", "department", "merged_into")
    return find_by_query_code(letters, number, code)


# The steps the writer sees on the tracker; drafts, returns, reminders and escalations are
# the office's own business, and the e-mail notice's note is an address.
PUBLIC_ACTIONS = [
    LetterAction.RECEIVED,
    LetterAction.ASSIGNED,
    LetterAction.FORWARDED,
    LetterAction.MERGED,
    LetterAction.CLOSED_SPAM,
    LetterAction.APPROVED,
    LetterAction.PUBLISHED,
    LetterAction.UNPUBLISHED,
]


def receipt_due(letter) -> AnswerDue:
    """When the writer may expect the answer, as the receipt and the acknowledgement say it:
    the mailbox's time allowed (`answer_working_days`) counted from the day the letter came
    in, as if it were assigned that day. The count itself runs from the assignment
    (services.assign_letter), which sets the letter's own due date."""
    days = letter.mailbox.answer_working_days
    received_on = timezone.localtime(letter.received_at).date()
    return AnswerDue(days, add_working_days(received_on, days))


def expected_answer(letter) -> datetime.date | None:
    """The tracker's due date of an open letter: the one set on assignment, or until then
    the receipt's."""
    if not letter.is_open:
        return None
    return letter.due_date or receipt_due(letter).date


def public_timeline(letter) -> list[PublicStep]:
    events = letter.events.filter(action__in=PUBLIC_ACTIONS)
    return [PublicStep(event.at, event.get_action_display()) for event in events]


def tracker_details(letter) -> dict:
    """What the tracker shows of a letter besides the letter itself."""
    return {"due": expected_answer(letter), "steps": public_timeline(letter)}


def letters_for_user(user):
    """The letters a staff member may open (the mailbox policy's VIEW)."""
    letters = Letter.objects.select_related("mailbox", "department", "category")
    return letters_visible_to(user, letters)


def open_letters(user):
    """The letters this user may open that still await an answer."""
    return letters_for_user(user).filter(status__in=OPEN_STATUSES)


def is_overdue(letter, today=None) -> bool:
    today = today or timezone.localdate()
    if letter.due_date is None:
        return False
    if letter.status in OPEN_STATUSES:
        return letter.due_date < today
    if letter.answered_at is not None:
        return timezone.localtime(letter.answered_at).date() > letter.due_date
    return False


def percentile(values, fraction: float):
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _summary(letters, calendar, today) -> dict:
    days = [
        calendar.working_days_between(
            timezone.localtime(x.received_at).date(), timezone.localtime(x.answered_at).date()
        )
        for x in letters
        if x.status == LetterStatus.ANSWERED
    ]
    return {
        "received": len(letters),
        "answered": len(days),
        "open": sum(1 for x in letters if x.status in OPEN_STATUSES),
        "closed": sum(1 for x in letters if x.status == LetterStatus.CLOSED),
        "published": sum(1 for x in letters if x.is_published),
        "overdue": sum(1 for x in letters if is_overdue(x, today)),
        "median_days": statistics.median(days) if days else None,
        "p90_days": percentile(days, 0.9),
        "mean_days": round(statistics.fmean(days), 1) if days else None,
    }


def letter_statistics(start: datetime.date, end: datetime.date, *, today=None) -> dict:
    """Letters received in [start, end] and how they were handled, overall and by group."""
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    letters = list(
        Letter.objects.filter(
            received_at__gte=datetime.datetime.combine(start, datetime.time.min, tz),
            received_at__lt=datetime.datetime.combine(
                end + datetime.timedelta(days=1), datetime.time.min, tz
            ),
        ).select_related("mailbox", "category", "department")
    )
    # Answer times need the calendar only up to the last answer, not up to today.
    last = max([end, *(timezone.localtime(x.answered_at).date() for x in letters if x.answered_at)])
    calendar = WorkCalendar.load(start, last)
    groups = {
        "mailbox": defaultdict(list),
        "category": defaultdict(list),
        "department": defaultdict(list),
    }
    for letter in letters:
        groups["mailbox"][letter.mailbox.name].append(letter)
        category = letter.category.name if letter.category else _("未分类")
        groups["category"][f"{letter.mailbox.name} · {category}"].append(letter)
        groups["department"][letter.department.name if letter.department else _("未分办")].append(
            letter
        )
    for mailbox in Mailbox.objects.all():
        groups["mailbox"].setdefault(mailbox.name, [])
    return {
        "start": start,
        "end": end,
        "total": _summary(letters, calendar, today),
        **{
            key: [(name, _summary(rows, calendar, today)) for name, rows in sorted(group.items())]
            for key, group in groups.items()
        },
    }


def report_figures(start: datetime.date, end: datetime.date) -> dict:
    """The annual report's mailbox sentence, e.g. 处理答复校长信箱、书记信箱相关问题58件."""
    stats = letter_statistics(start, end)
    return {
        "mailboxes": [name for name, _ in stats["mailbox"]],
        "received": stats["total"]["received"],
        "answered": stats["total"]["answered"],
        "published": stats["total"]["published"],
        "mean_days": stats["total"]["mean_days"],
        "by_mailbox": dict(stats["mailbox"]),
    }


def past_retention(cutoff):
    """Finished letters whose last handling step is older than `cutoff` (a datetime)."""
    return (
        Letter.objects.filter(
            status__in=[LetterStatus.ANSWERED, LetterStatus.CLOSED],
            personal_data_erased_on__isnull=True,
        )
        .annotate(last_step=Max("events__at"))
        .filter(last_step__lt=cutoff)
    )
