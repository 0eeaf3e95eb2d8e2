"""Invariants of disclosures kept whoever writes: the admin, a script, a superuser."""

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from xxgk.orgs.policy import Action

from .policy import disclosure_policy, hides_disclosures


@receiver(pre_save, sender=PageViewRestriction, dispatch_uid="xxgk_no_hidden_disclosures")
def refuse_restrictions_hiding_disclosures(sender, instance, raw=False, **kwargs):
    """A password, login or group restriction above a disclosure would take it off the portal
    without a withdrawal: refused for everyone (disclosure_policy's RESTRICT says so to
    people; this catches every other path)."""
    if not raw and hides_disclosures(instance.page):
        raise PermissionDenied(disclosure_policy.refusal(Action.RESTRICT))
