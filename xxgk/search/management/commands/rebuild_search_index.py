from django.core.management.base import BaseCommand

from xxgk.search.services import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the full-text search index from the page tree (published pages and drafts)."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"检索索引已重建：{count} 条。")
