from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from xxgk.api import urls as api_urls
from xxgk.catalogue import urls as catalogue_urls
from xxgk.core import views as core_views
from xxgk.feeds import urls as feeds_urls

handler400 = "xxgk.core.views.bad_request"
handler403 = "xxgk.core.views.permission_denied"
handler404 = "xxgk.core.views.page_not_found"
handler500 = "xxgk.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("lang/<str:code>/", core_views.switch_language, name="switch_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("catalogue-history/", include(catalogue_urls)),
    path("search/", include("xxgk.search.urls")),
    path("mailbox/", include("xxgk.mailbox.urls")),
    path("complaints/", include("xxgk.complaints.urls")),
    path("evaluation/", include("xxgk.evaluation.urls")),
    path("apply/", include("xxgk.requests.urls")),
    path("views/", include("xxgk.viewcounts.urls")),  # view counts of cached pages
    path("", include(api_urls)),  # /api/v1/…
    path("", include(feeds_urls)),  # /feeds/…, /sitemap.xml, /robots.txt
]

urlpatterns += core_views.media_patterns()  # development only; documents never

# Wagtail's page tree serves everything else, so it must come last.
urlpatterns += [path("", include(wagtail_urls))]
