from django.db import models
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The portal's front page: date, search, the catalogue tree, latest items, reports."""

    intro = RichTextField("首页导语", blank=True)
    guide_page = models.ForeignKey(
        "portal.StandardPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="信息公开指南页面",
    )
    rules_page = models.ForeignKey(
        "portal.StandardPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="信息公开制度页面",
    )
    contact = models.TextField("联系方式", blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "catalogue.CatalogueIndexPage",
        "portal.StandardPage",
        "reports.AnnualReportIndexPage",
    ]
    max_count = 1
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("guide_page", "portal.StandardPage"),
        PageChooserPanel("rules_page", "portal.StandardPage"),
        FieldPanel("contact"),
    ]

    class Meta:
        verbose_name = "门户首页"

    def get_context(self, request, *args, **kwargs):
        from xxgk.catalogue.selectors import catalogue_tree
        from xxgk.disclosures.selectors import latest_disclosures
        from xxgk.reports.selectors import latest_annual_reports

        context = super().get_context(request, *args, **kwargs)
        context["tree"] = catalogue_tree()
        context["latest"] = latest_disclosures(10)
        context["annual_reports"] = latest_annual_reports(5)
        return context


class StandardPage(Page):
    """A text page the office edits: 信息公开指南, 信息公开制度 and the like."""

    body = RichTextField("正文")

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]
    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = "普通页面"
