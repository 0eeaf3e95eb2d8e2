"""Writing to the audit log. Every caller goes through ``record_event``."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from xxgk.core.client import client_ip

from .context import current_request
from .models import AuditEvent


def record_event(
    action: str,
    *,
    actor=None,
    target: models.Model | None = None,
    request=None,
    detail: dict | None = None,
) -> AuditEvent:
    """Append one event to the audit log.

    ``action`` is a dotted name (``requests.application.viewed``, ``auth.login.failed``).
    Without a ``request`` the one being served (if any) is used for IP, browser and path;
    without an ``actor`` that request's authenticated user.
    """
    reference = None
    if target is not None:
        reference = (
            ContentType.objects.get_for_model(target, for_concrete_model=False),
            target.pk,
            str(target),
        )
    return record_reference(action, actor=actor, target=reference, request=request, detail=detail)


def record_reference(action, *, actor=None, target=None, request=None, detail=None):
    """``record_event`` for a target known only as (content type, pk, label), e.g. a Wagtail
    log entry's object, which may no longer exist."""
    request = request if request is not None else current_request()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    if actor is not None and not getattr(actor, "pk", None):
        actor = None
    event = AuditEvent(
        action=action[:100],
        actor=actor,
        actor_repr=actor.get_username()[:150] if actor is not None else "",
        detail=detail or {},
    )
    if target is not None:
        content_type, pk, label = target
        event.target_content_type = content_type
        event.target_pk = "" if pk is None else str(pk)[:64]
        event.target_repr = (label or "")[:255]
    if request is not None:
        event.ip_address = client_ip(request)
        event.user_agent = request.META.get("HTTP_USER_AGENT", "")[:300]
        event.path = request.get_full_path()[:500]
    event.save()
    return event
