"""Keep the index exact: every publish, draft save, withdrawal, expiry, move and delete.

Handlers run synchronously inside the transaction that changed the page, so the index and
the page tree commit (or roll back) together. Deleting a page deletes its index rows by
the foreign key's cascade.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Revision
from wagtail.signals import page_published, page_unpublished, post_page_move

from xxgk.review.signals import attachment_text_read

from .services import sync_page
from .synonyms import forget


@receiver(page_published)
def _published(sender, instance, **kwargs):
    sync_page(instance.pk)


@receiver(page_unpublished)
def _unpublished(sender, instance, **kwargs):
    # Withdrawal and expiry (publish_scheduled) both unpublish.
    sync_page(instance.pk)


@receiver(attachment_text_read)
def _attachment_text_read(sender, page_id, **kwargs):
    # What OCR read from the attachments joins the index.
    sync_page(page_id)


@receiver(post_page_move)
def _moved(sender, instance, **kwargs):
    # A disclosure re-filed under another item. (Categories are resolved at query time, so
    # moving an item between categories needs nothing.)
    sync_page(instance.pk)


@receiver(post_save, sender=Revision)
def _revision_saved(sender, instance, raw=False, **kwargs):
    """A saved draft or a submission for review: staff search sees the latest revision."""
    if raw or instance.base_content_type_id != _page_content_type_id():
        return
    sync_page(int(instance.object_id), draft_revision=instance)


def _page_content_type_id():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Page).pk


@receiver([post_save, post_delete], sender="xxgk_search.Synonym")
def _synonyms_changed(sender, **kwargs):
    forget()
