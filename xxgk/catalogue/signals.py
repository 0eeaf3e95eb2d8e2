from django.dispatch import receiver
from wagtail.signals import page_published, post_page_move

from .models import CatalogueItemPage
from .services import record_item_state, sync_item_permissions


@receiver(page_published, sender=CatalogueItemPage)
def item_published(sender, instance, revision=None, **kwargs):
    # Admin edits and service calls both end in a publish, so history and permissions
    # are kept here, once, whatever path the office took.
    record_item_state(instance, user=getattr(revision, "user", None))
    sync_item_permissions(instance)


@receiver(post_page_move)
def item_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    if isinstance(instance.specific, CatalogueItemPage) and parent_page_before != parent_page_after:
        record_item_state(instance)
