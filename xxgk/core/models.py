"""Models every app may use. Only what has no domain of its own lives here."""

from django.db import models


class SerialCounter(models.Model):
    """The last serial issued per (prefix, year): public case numbers (YSQ, a mailbox's prefix,
    JB) and the review sheets' 保审〔year〕N号. One row per prefix and year, so a year starts at
    1 and no number is issued twice or skipped (`numbering.next_serial`)."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="unique_serial_counter")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_serial}"
