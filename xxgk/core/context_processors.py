from django.conf import settings
from django.utils import timezone


def portal(request):
    """Values every public page shows: the school, the site name and today's date."""
    return {
        "school_name": settings.XXGK_SCHOOL_NAME,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "today": timezone.localdate(),
    }
