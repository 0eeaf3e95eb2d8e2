"""Reading the audit log: the supervisors' and office's search."""

from datetime import datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import AuditEvent


def search_events(
    *, actor="", action="", date_from=None, date_to=None, target="", ip_address=""
) -> QuerySet[AuditEvent]:
    """Events matching every given filter, newest first. Dates are local calendar days,
    both ends included."""
    events = AuditEvent.objects.select_related("target_content_type")
    if actor:
        events = events.filter(actor_repr__icontains=actor)
    if action:
        events = events.filter(action__startswith=action)
    if date_from:
        events = events.filter(created_at__gte=_local_midnight(date_from))
    if date_to:
        events = events.filter(created_at__lt=_local_midnight(date_to + timedelta(days=1)))
    if target:
        events = events.filter(Q(target_repr__icontains=target) | Q(target_pk=target))
    if ip_address:
        events = events.filter(ip_address=ip_address)
    return events


def _local_midnight(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
