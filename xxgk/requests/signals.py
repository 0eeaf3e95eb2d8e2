from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate)
def install_letter_templates(sender, **kwargs):
    """Give the office editable default wording for every notice, once."""
    if sender.label != "requests":
        return
    from .letters import ensure_default_templates

    ensure_default_templates()
