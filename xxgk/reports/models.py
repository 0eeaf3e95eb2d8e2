from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class AnnualReportIndexPage(Page):
    intro = RichTextField("说明", blank=True)

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["reports.AnnualReportPage"]
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "年度报告栏目"

    def get_context(self, request, *args, **kwargs):
        from xxgk.core.pagination import paginate_or_404

        from .selectors import published_annual_reports

        context = super().get_context(request, *args, **kwargs)
        context["reports"] = paginate_or_404(
            request, published_annual_reports(), settings.XXGK_DISCLOSURES_PER_PAGE
        )
        return context


class AnnualReportPage(Page):
    """信息公开工作年度报告 for one school year (1 September – 31 August)."""

    school_year_start = models.PositiveSmallIntegerField(
        "学年起始年份", unique=True, help_text="如 2021 表示 2021-2022 学年。"
    )
    publication_date = models.DateField("发布日期", null=True, blank=True)
    body = RichTextField("正文")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="报告文件",
    )

    parent_page_types = ["reports.AnnualReportIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("school_year_start"), FieldPanel("publication_date")]),
        FieldPanel("body"),
        FieldPanel("document"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"

    @property
    def school_year_label(self):
        return f"{self.school_year_start}-{self.school_year_start + 1}学年"

    def clean(self):
        super().clean()
        if self.school_year_start and not 2000 <= self.school_year_start <= 2100:
            raise ValidationError({"school_year_start": "请填写正确的学年起始年份。"})
