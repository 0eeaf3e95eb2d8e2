from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class PageViewCount(models.Model):
    """Kept apart from the page row so that counting never touches revisions or locks pages.

    The table keeps the name it had when the model lived in disclosures (moved by state-only
    migrations: viewcounts 0001, disclosures 0004), so no data moved.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="view_count_row"
    )
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        db_table = "disclosures_pageviewcount"
        verbose_name = verbose_name_plural = _("浏览次数")

    def __str__(self):
        return f"{self.page_id}: {self.count}"
