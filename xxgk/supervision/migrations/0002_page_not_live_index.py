"""A partial index of the pages that are not live, for not_live_pages() (core.selectors):
read once per dashboard request, it otherwise scans the whole page table (≈7 ms at 100,000
disclosures on SQLite) to find the few drafts. Kept in this app (Wagtail owns the table);
partial indexes work on SQLite and PostgreSQL alike. Django's state does not know it: on
SQLite a later Wagtail migration that rebuilds wagtailcore_page drops it (the dashboard stays
correct, only slower); re-create it with the statement below if `sqlite_master` lacks it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            'CREATE INDEX supervision_page_not_live ON wagtailcore_page ("id") WHERE NOT "live"',
            reverse_sql="DROP INDEX supervision_page_not_live",
        )
    ]
