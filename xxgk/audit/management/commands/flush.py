"""Django's ``flush``, allowed to empty the audit table too.

Flushing wipes the whole database (test teardown, a restore onto a fresh install); that is
not an edit of the log, so the SQLite trigger is lifted for the duration. See ``audit.db``.
"""

from django.core.management.commands.flush import Command as FlushCommand

from xxgk.audit.db import unsealed


class Command(FlushCommand):
    def handle(self, **options):
        with unsealed():
            return super().handle(**options)
