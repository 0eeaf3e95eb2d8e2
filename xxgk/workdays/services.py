from django.db import transaction

from .models import CalendarDay, ConfirmedYear, DayKind


@transaction.atomic
def record_days(*, days: list[tuple], user=None) -> int:
    """Record (date, kind, name) overrides, replacing any earlier entry for the same date."""
    for day, kind, name in days:
        CalendarDay.objects.update_or_create(
            date=day, defaults={"kind": DayKind(kind), "name": name, "created_by": user}
        )
    return len(days)


@transaction.atomic
def confirm_year(*, year: int, source: str, days: list[tuple] = (), user=None) -> ConfirmedYear:
    """Enter a whole year's arrangement at once and mark the year as complete."""
    record_days(days=list(days), user=user)
    confirmed, _ = ConfirmedYear.objects.update_or_create(
        year=year, defaults={"source": source, "confirmed_by": user}
    )
    return confirmed
