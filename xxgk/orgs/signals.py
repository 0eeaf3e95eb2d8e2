from django.apps import apps
from django.db.models.signals import post_migrate
from django.dispatch import receiver


def _last_app_with_models():
    return [config for config in apps.get_app_configs() if config.models_module][-1]


@receiver(post_migrate)
def create_role_groups(sender, **kwargs):
    # Permissions are created app by app in post_migrate, so the role groups can only be
    # granted theirs after the last app has had its turn (not in a data migration).
    if sender is not _last_app_with_models():
        return
    from .services import ensure_role_groups

    ensure_role_groups()
