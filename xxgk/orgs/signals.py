from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_migrate, post_save
from django.dispatch import receiver

from .models import Department, StaffProfile
from .services import (
    ensure_role_groups,
    grant_department_collection_permissions,
    sync_department_group,
)


def _last_app_with_models():
    return [config for config in apps.get_app_configs() if config.models_module][-1]


@receiver(post_migrate)
def create_role_groups(sender, **kwargs):
    # Permissions are created app by app in post_migrate, so the role groups can only be
    # granted theirs after the last app has had its turn (not in a data migration).
    if sender is not _last_app_with_models():
        return

    ensure_role_groups()
    if any(backwards for _, backwards in kwargs.get("plan") or ()):
        return  # rolled back: the Department model may be ahead of its table
    for department in Department.objects.all():
        grant_department_collection_permissions(department)


_syncing = set()


def _sync(user):
    # sync_department_group itself changes user.groups; don't recurse into it.
    if user.pk in _syncing:
        return

    _syncing.add(user.pk)
    try:
        sync_department_group(user)
    finally:
        _syncing.discard(user.pk)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def user_groups_changed(sender, instance, action, reverse, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and not reverse:
        _sync(instance)


@receiver(post_save, sender=StaffProfile)
def staff_profile_saved(sender, instance, **kwargs):
    _sync(instance.user)


@receiver(post_save, sender=Department)
def department_saved(sender, instance, **kwargs):
    grant_department_collection_permissions(instance)
