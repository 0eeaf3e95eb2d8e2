from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_noop

# The default site name, so that the catalogue carries its English; a site name set through
# XXGK_SITE_NAME that the catalogue does not know is shown as written.
DEFAULT_SITE_NAME = gettext_noop("信息公开网")


def is_english(language=None):
    return (language or get_language() or "").split("-")[0] == "en"


def school_title():
    """The school's name in the active language (XXGK_SCHOOL_NAME_EN on English pages)."""
    if is_english():
        return settings.XXGK_SCHOOL_NAME_EN or settings.XXGK_SCHOOL_NAME
    return settings.XXGK_SCHOOL_NAME


def site_full_title():
    """School and site name as one title, in the active language (衢州学院信息公开网)."""
    site_name = gettext(settings.WAGTAIL_SITE_NAME)
    if is_english():
        return f"{school_title()} {site_name}"
    return f"{school_title()}{site_name}"


def portal(request):
    """Values every public page shows: the school, the site name and today's date.

    ``school_name`` is the name as configured (Chinese); ``site_title`` is the school's name in
    the active language and ``site_full_title`` the school and site name together, for titles.
    """
    return {
        "school_name": settings.XXGK_SCHOOL_NAME,
        "site_name": gettext(settings.WAGTAIL_SITE_NAME),
        "site_title": school_title(),
        "site_full_title": site_full_title(),
        "today": timezone.localdate(),
    }
