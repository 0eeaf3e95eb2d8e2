"""Receivers that put state changes and sign-ins into the audit log.

Page and snippet changes (publish, unpublish, workflow approve/reject, edits, moves,
deletions) are whatever Wagtail itself logs: each new ``PageLogEntry``/``ModelLogEntry`` is
mirrored under its own action name (``wagtail.publish``, ``wagtail.workflow.approve`` …).
Accounts, groups and permissions are recorded here from Django's signals, so that changes
made by services and commands are caught as well as those made in the admin.
"""

from django.contrib.auth import get_user_model, user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    ModelLogEntry,
    PageLogEntry,
)

from .services import record_event, record_reference

User = get_user_model()


@receiver(user_logged_in, dispatch_uid="xxgk_audit_login")
def _logged_in(sender, request, user, **kwargs):
    record_event("auth.login", actor=user, request=request)


@receiver(user_logged_out, dispatch_uid="xxgk_audit_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record_event("auth.logout", actor=user, request=request)


@receiver(user_login_failed, dispatch_uid="xxgk_audit_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in ``credentials``; only the name is kept.
    username = str(credentials.get("username", ""))[:150]
    record_event("auth.login.failed", request=request, detail={"username": username})


@receiver(post_save, sender=PageLogEntry, dispatch_uid="xxgk_audit_page_log")
@receiver(post_save, sender=ModelLogEntry, dispatch_uid="xxgk_audit_model_log")
def _mirror_wagtail_log(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    object_id = instance.page_id if sender is PageLogEntry else instance.object_id
    detail = {"wagtail_log_id": instance.pk}
    if instance.revision_id:
        detail["revision_id"] = instance.revision_id
    if instance.data:
        detail["data"] = instance.data
    record_reference(
        instance.action or "wagtail.unknown",
        actor=instance.user,
        target=(instance.content_type, object_id, instance.label),
        detail=detail,
    )


def _label(obj) -> str:
    if isinstance(obj, Permission):
        return f"{obj.content_type.app_label}.{obj.codename}"
    return str(obj)


def _membership_changed(action_name):
    """An m2m receiver: one event per account or group whose memberships changed, naming
    what was added or removed, whichever side of the relation the change was made from."""

    def handler(sender, instance, action, reverse, model, pk_set, **kwargs):
        if action == "post_clear":
            record_event(action_name, target=instance, detail={"cleared": True})
            return
        if action not in {"post_add", "post_remove"} or not pk_set:
            return
        change = "added" if action == "post_add" else "removed"
        others = model.objects.filter(pk__in=pk_set)
        if model is Permission:
            others = others.select_related("content_type")
        if reverse:
            for owner in others:
                record_event(action_name, target=owner, detail={change: [_label(instance)]})
        else:
            labels = sorted(_label(other) for other in others)
            record_event(action_name, target=instance, detail={change: labels})

    return handler


_user_groups = _membership_changed("auth.user.groups_changed")
_user_permissions = _membership_changed("auth.user.permissions_changed")
_group_permissions = _membership_changed("auth.group.permissions_changed")
m2m_changed.connect(_user_groups, sender=User.groups.through, dispatch_uid="xxgk_audit_ug")
m2m_changed.connect(
    _user_permissions, sender=User.user_permissions.through, dispatch_uid="xxgk_audit_up"
)
m2m_changed.connect(
    _group_permissions, sender=Group.permissions.through, dispatch_uid="xxgk_audit_gp"
)


@receiver(post_save, sender=User, dispatch_uid="xxgk_audit_user_saved")
@receiver(post_save, sender=Group, dispatch_uid="xxgk_audit_group_saved")
def _account_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # A sign-in only stamps last_login; that is already recorded as auth.login.
    if raw or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    kind = "user" if sender is User else "group"
    detail = {"fields": sorted(update_fields)} if update_fields else {}
    record_event(
        f"auth.{kind}.{'created' if created else 'changed'}", target=instance, detail=detail
    )


@receiver(post_delete, sender=User, dispatch_uid="xxgk_audit_user_deleted")
@receiver(post_delete, sender=Group, dispatch_uid="xxgk_audit_group_deleted")
def _account_deleted(sender, instance, **kwargs):
    kind = "user" if sender is User else "group"
    record_event(f"auth.{kind}.deleted", target=instance)


@receiver(post_save, sender=GroupPagePermission, dispatch_uid="xxgk_audit_gpp_saved")
@receiver(post_save, sender=GroupCollectionPermission, dispatch_uid="xxgk_audit_gcp_saved")
def _object_permission_granted(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record_event(
            "auth.group.object_permission_granted",
            target=instance.group,
            detail=_object_permission_detail(instance),
        )


@receiver(post_delete, sender=GroupPagePermission, dispatch_uid="xxgk_audit_gpp_deleted")
@receiver(post_delete, sender=GroupCollectionPermission, dispatch_uid="xxgk_audit_gcp_deleted")
def _object_permission_revoked(sender, instance, **kwargs):
    record_event(
        "auth.group.object_permission_revoked",
        target=instance.group,
        detail=_object_permission_detail(instance),
    )


def _object_permission_detail(grant) -> dict:
    scope = (
        {"page_id": grant.page_id}
        if isinstance(grant, GroupPagePermission)
        else {"collection_id": grant.collection_id}
    )
    return {"permission": _label(grant.permission), **scope}
