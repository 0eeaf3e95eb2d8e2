"""RSS 2.0 and Atom feeds of published disclosures: whole site, per category, per item.

Built per request from live, public pages only, so a withdrawn disclosure drops out of
every feed the moment it is unpublished.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
from xxgk.core.context_processors import site_full_title
from xxgk.disclosures.models import DisclosurePage

FEED_SIZE = 50


def feed_disclosures():
    return (
        DisclosurePage.objects.live()
        .public()
        .select_related("publishing_department", "catalogue_item")
        .order_by("-publication_date", "-pk")
    )


class SiteDisclosuresFeed(Feed):
    """The newest disclosures of the whole site."""

    description_template = None

    def site_title(self) -> str:
        return site_full_title()

    def title(self, obj=None):
        return _("%(site)s：最新公开信息") % {"site": self.site_title()}

    def link(self, obj=None):
        return "/"

    def description(self, obj=None):
        return _("%(site)s最新发布的公开信息。") % {"site": self.site_title()}

    def items(self, obj=None):
        return feed_disclosures()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        text = item.summary or strip_tags(item.body)
        return Truncator(text).chars(300)

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.index_number or f"disclosure-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        if item.publication_date:
            return timezone.make_aware(
                datetime.datetime.combine(item.publication_date, datetime.time.min)
            )
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        # The publishing department, never the person who typed it in.
        return item.publishing_department.name

    def item_categories(self, item):
        return [f"{item.catalogue_item.item_number}. {item.catalogue_item.title}"]


class CategoryDisclosuresFeed(SiteDisclosuresFeed):
    def get_object(self, request, number):
        category = CatalogueCategoryPage.objects.live().filter(number=number).first()
        if category is None:
            raise Http404(_("未找到该清单类别。"))
        return category

    def title(self, obj=None):
        return _("%(site)s：%(title)s") % {"site": self.site_title(), "title": obj.title}

    def link(self, obj=None):
        return obj.url

    def description(self, obj=None):
        return _("清单类别“%(title)s”下最新发布的公开信息。") % {"title": obj.title}

    def items(self, obj=None):
        return feed_disclosures().descendant_of(obj)[:FEED_SIZE]


class ItemDisclosuresFeed(SiteDisclosuresFeed):
    def get_object(self, request, item_number):
        item = CatalogueItemPage.objects.live().filter(item_number=item_number).first()
        if item is None:
            raise Http404(_("未找到该清单事项。"))
        return item

    def title(self, obj=None):
        return _("%(site)s：%(title)s") % {
            "site": self.site_title(),
            "title": f"{obj.item_number}. {obj.title}",
        }

    def link(self, obj=None):
        return obj.url

    def description(self, obj=None):
        return _("清单事项“%(title)s”下最新发布的公开信息。") % {"title": obj.title}

    def items(self, obj=None):
        return feed_disclosures().filter(catalogue_item=obj)[:FEED_SIZE]


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj)


class SiteAtomFeed(AtomMixin, SiteDisclosuresFeed):
    pass


class CategoryAtomFeed(AtomMixin, CategoryDisclosuresFeed):
    pass


class ItemAtomFeed(AtomMixin, ItemDisclosuresFeed):
    pass
