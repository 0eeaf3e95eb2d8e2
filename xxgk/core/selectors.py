"""Reads shared by several apps."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from wagtail.models import Page, ReferenceIndex

from .models import DocumentSettings


def live_pages_referencing(obj) -> QuerySet[Page]:
    """Live pages that use ``obj`` (a document attached or linked in rich text), from
    Wagtail's reference index. The index is rewritten from the page row whenever a page is
    saved, and the row holds the live content (drafts live in revisions), so a link that
    exists only in an unpublished draft does not count."""
    ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in set(ids)])


def not_live_pages():
    """The pages that are not live (drafts, unpublished), as a subquery: the few rows of a
    partial index (supervision's migration 0002), where a condition on the live column of
    every row would read the whole page table."""
    return Page.objects.filter(live=False).values("pk")


def document_settings():
    """The school's layout and fonts for generated documents (设置 → 公文版式与字体); Wagtail
    creates the row with the defaults the first time it is asked for."""
    return DocumentSettings.load()
