"""Per-year serial numbers, gapless under concurrency."""

from django.db import transaction
from django.db.models import F

from .models import SerialCounter


def next_serial(prefix: str, year: int) -> int:
    """Take the next serial of (prefix, year): never reused, no gap, safe under concurrency.

    Call inside the transaction that stores what the number is for, so that a failure gives
    the number back."""
    with transaction.atomic():
        # get_or_create survives two first numbers of a year racing to create the row; the
        # UPDATE then holds the row lock until commit, so a concurrent caller's F() increment
        # waits and reads the new value: no number twice, no gap.
        SerialCounter.objects.get_or_create(prefix=prefix, year=year)
        counter = SerialCounter.objects.filter(prefix=prefix, year=year)
        counter.update(last_serial=F("last_serial") + 1)
        return counter.values_list("last_serial", flat=True).get()
