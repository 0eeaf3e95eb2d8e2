from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from .selectors import feed_catalogue

ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /api/v1/integration/
Allow: /

Sitemap: {sitemap}
"""


@require_GET
def robots_txt(request):
    """Crawlers may read everything public; the back office and write API are off limits."""
    sitemap = request.build_absolute_uri(reverse("sitemap_index"))
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8")


@require_GET
def feed_index(request):
    """/feeds/: what a reader can subscribe to (site, category, item), instead of a 404."""
    return render(request, "feeds/index.html", {"categories": feed_catalogue()})
