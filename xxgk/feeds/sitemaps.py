"""sitemap.xml: every live, public page, disclosures in their own section."""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from xxgk.disclosures.models import DisclosurePage

from .feeds import feed_disclosures


class PagesSitemap(Sitemap):
    """Home, catalogue, reports, guides: everything live except disclosures."""

    limit = 5000

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .not_type(DisclosurePage)
            .order_by("path")
        )

    def location(self, page):
        return page.url

    def lastmod(self, page):
        return page.last_published_at


class DisclosuresSitemap(Sitemap):
    limit = 5000
    changefreq = "yearly"

    def items(self):
        return feed_disclosures().order_by("pk")

    def location(self, page):
        return page.url

    def lastmod(self, page):
        return page.last_published_at


SITEMAPS = {"pages": PagesSitemap, "disclosures": DisclosuresSitemap}
