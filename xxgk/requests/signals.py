from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .letters import ensure_default_templates


@receiver(post_migrate)
def install_letter_templates(sender, **kwargs):
    """Give the office editable default wording for every notice, once."""
    if sender.label != "requests":
        return

    ensure_default_templates()
