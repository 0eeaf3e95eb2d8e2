from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import feeds, views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("feeds/", views.feed_index, name="feed_index"),
    path("feeds/rss/", feeds.SiteDisclosuresFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.SiteAtomFeed(), name="feed_atom"),
    path(
        "feeds/category/<int:number>/rss/",
        feeds.CategoryDisclosuresFeed(),
        name="feed_category_rss",
    ),
    path("feeds/category/<int:number>/atom/", feeds.CategoryAtomFeed(), name="feed_category_atom"),
    path("feeds/item/<str:item_number>/rss/", feeds.ItemDisclosuresFeed(), name="feed_item_rss"),
    path("feeds/item/<str:item_number>/atom/", feeds.ItemAtomFeed(), name="feed_item_atom"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
