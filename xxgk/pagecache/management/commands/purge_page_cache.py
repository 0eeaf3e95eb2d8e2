from django.core.management.base import BaseCommand
from django.utils import timezone

from xxgk.pagecache import edge
from xxgk.pagecache.services import purge_all


class Command(BaseCommand):
    help = "Invalidate every cached page (after a deploy or a settings change); --prune only "
    "drops the edge copies of past days."

    def add_arguments(self, parser):
        parser.add_argument("--prune", action="store_true")

    def handle(self, *args, prune=False, **options):
        if prune:
            edge.prune(timezone.localdate())
            self.stdout.write("Pruned past days' edge copies.")
        else:
            purge_all()
            self.stdout.write("Invalidated every cached page.")
