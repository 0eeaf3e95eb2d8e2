"""Wagtail document downloads handed to nginx (X-Accel-Redirect) once Django has checked
the collection's privacy; enabled by XXGK_NGINX_ACCEL (see docs/deploy.md)."""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = HttpResponse()
    response["X-Accel-Redirect"] = quote(settings.SENDFILE_URL + relative.as_posix())
    return response
