from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

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
