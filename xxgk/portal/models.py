from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from xxgk.disclosures.policy import SitePagePermissions
from xxgk.disclosures.selectors import catalogue_tree, latest_annual_reports, latest_disclosures


class HomePage(SitePagePermissions, Page):
    """The portal's front page: date, search, the catalogue tree, latest items, reports."""

    intro = RichTextField(_("首页导语"), blank=True)
    guide_page = models.ForeignKey(
        "portal.StandardPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("信息公开指南页面"),
    )
    rules_page = models.ForeignKey(
        "portal.StandardPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("信息公开制度页面"),
    )
    contact = models.TextField(_("联系方式"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "catalogue.CatalogueIndexPage",
        "portal.StandardPage",
        "disclosures.AnnualReportIndexPage",
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
        verbose_name = _("门户首页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = catalogue_tree()
        context["latest"] = latest_disclosures(10)
        context["annual_reports"] = latest_annual_reports(5)
        return context

    def route(self, request, path_components):
        """Wagtail's routing, with the pages along the path fetched in one query: ``Page.route``
        makes two per level (the child, then its specific object), which was about half the CPU
        time of an uncached disclosure page. A page type that routes for itself gets the rest of
        the path, as in Wagtail; the last page decides as usual (404 unless live)."""
        if not path_components:
            return super().route(request, path_components)
        candidates = Page.objects.filter(
            path__startswith=self.path,
            depth__gt=self.depth,
            depth__lte=self.depth + len(path_components),
            slug__in=path_components,
        )
        by_parent_and_slug = {(page.path[: -Page.steplen], page.slug): page for page in candidates}
        parent = self
        for position, slug in enumerate(path_components):
            if parent is not self and has_own_routing(parent):
                return parent.specific.route(request, path_components[position:])
            child = by_parent_and_slug.get((parent.path, slug))
            if child is None:
                raise Http404
            child._cached_parent_obj = parent
            parent = child
        return parent.specific.route(request, [])


def has_own_routing(page) -> bool:
    """Whether the page's type overrides ``route`` (it then resolves the rest of the path)."""
    model = page.specific_class
    return model is not None and model.route is not Page.route


class StandardPage(SitePagePermissions, Page):
    """A text page the office edits: 信息公开指南, 信息公开制度 and the like."""

    body = RichTextField(_("正文"))

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]
    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("普通页面")
