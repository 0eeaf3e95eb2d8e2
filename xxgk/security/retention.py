"""The kinds of case whose personal data `purge_personal_data` erases after the retention period.

security sits below the case apps, so it cannot import them; each case app (requests, mailbox,
complaints) registers its kind here from its AppConfig.ready(), and the command walks the
registry. A new kind of case is erased on time by registering, without touching security.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone


@dataclass(frozen=True)
class CaseKind:
    """`past_retention(cutoff)` returns the cases finished before the date `cutoff` whose
    personal data is still there; `erase(case, today=...)` erases one case's. `order` keeps the
    command's report in the same order whatever the order of INSTALLED_APPS."""

    label: str
    past_retention: Callable[[datetime.date], QuerySet]
    erase: Callable[..., object]
    order: int = 0


_KINDS: dict[str, CaseKind] = {}


def register_case_kind(kind: CaseKind) -> None:
    """Called from a case app's AppConfig.ready()."""
    _KINDS[kind.label] = kind


def case_kinds() -> list[CaseKind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.order)


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in the school's time zone, for cases that finish at a
    moment rather than on a date."""
    return datetime.datetime.combine(day, datetime.time.min, timezone.get_current_timezone())
