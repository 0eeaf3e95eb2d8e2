from axes.signals import user_locked_out
from django.contrib.auth import user_logged_in
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from xxgk.audit.services import record_event

from .models import TwoFactorPolicy, default_required_group_names
from .sessions import is_staff, touch


@receiver(user_logged_in, dispatch_uid="xxgk_accounts_staff_session")
def _start_staff_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and is_staff(user):
        touch(request)


@receiver(user_locked_out, dispatch_uid="xxgk_accounts_locked_out")
def _locked_out(sender, request, username, ip_address, **kwargs):
    record_event("auth.login.locked_out", request=request, detail={"username": username or ""})


@receiver(post_save, sender=TwoFactorPolicy, dispatch_uid="xxgk_accounts_policy_defaults")
def _apply_default_roles(sender, instance, created, raw=False, **kwargs):
    """A new policy row starts with the deployment's default roles."""
    if raw:
        return
    if created:
        from django.contrib.auth.models import Group

        instance.required_groups.set(Group.objects.filter(name__in=default_required_group_names()))
    else:
        record_event(
            "accounts.two_factor_policy.changed",
            target=instance,
            detail={"require_superusers": instance.require_superusers},
        )


@receiver(
    m2m_changed,
    sender=TwoFactorPolicy.required_groups.through,
    dispatch_uid="xxgk_accounts_policy_roles",
)
def _policy_roles_changed(sender, instance, action, pk_set, model, **kwargs):
    if action in {"post_add", "post_remove"} and pk_set:
        names = sorted(model.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        change = "added" if action == "post_add" else "removed"
        record_event("accounts.two_factor_policy.changed", target=instance, detail={change: names})
