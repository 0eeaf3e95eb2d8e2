"""Every way a public page can change ends in one of these signals, whichever path (admin,
services, imports, publish_scheduled for expiry) caused it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from xxgk.core.selectors import live_pages_referencing
from xxgk.orgs.models import Department

from .services import purge_all, purge_page


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    purge_page(instance)


@receiver(post_page_move)
def page_moved(sender, instance, parent_page_before=None, url_path_before=None, **kwargs):
    purge_page(
        instance,
        old_url_paths=[url_path_before] if url_path_before else [],
        old_parent=parent_page_before,
    )


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    purge_page(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    purge_page(instance.page)


@receiver(post_save, sender=Department)
def department_changed(sender, instance, created=False, **kwargs):
    # A department's name is printed on each of its disclosures.
    if not created:
        purge_all()


@receiver(post_save, sender=get_document_model())
@receiver(pre_delete, sender=get_document_model())
def document_changed(sender, instance, created=False, **kwargs):
    """A document's title, file name, type and size are printed on the pages that attach or
    link it. The pages are found now (before a deletion drops the references) and purged once
    the change is committed, so that no render between the two can cache the old title."""
    if created:
        return
    pages = list(live_pages_referencing(instance))

    def purge():
        for page in pages:
            purge_page(page)

    if pages:
        transaction.on_commit(purge)
