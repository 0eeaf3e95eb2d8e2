from django.core.management.base import BaseCommand

from xxgk.viewcounts.services import flush_view_counts


class Command(BaseCommand):
    help = "Apply buffered page views to the database (Redis buffer, or this process's)."

    def handle(self, *args, **options):
        applied = flush_view_counts()
        self.stdout.write(f"Applied {applied} buffered views.")
