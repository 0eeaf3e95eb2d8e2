"""Indexes for 1,000,000 disclosures (issue 23, docs/performance.md): an item's public list
and its count from one index; supervision's event disclosures formed in a period from an
index range instead of the whole table."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0003_correct_moe_wording_and_citations"),
        ("disclosures", "0005_annual_report_pages_from_reports"),
        ("orgs", "0003_file_documents_by_department"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="disclosurepage",
            index=models.Index(
                fields=["catalogue_item", "publication_date", "page_ptr"],
                name="disclosure_item_pubdate",
            ),
        ),
        migrations.AddIndex(
            model_name="disclosurepage",
            index=models.Index(
                fields=[
                    "formed_on",
                    "catalogue_item",
                    "publishing_department",
                    "publication_date",
                    "page_ptr",
                ],
                name="disclosure_formed_item_dept",
            ),
        ),
    ]
