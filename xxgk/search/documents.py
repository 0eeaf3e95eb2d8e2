"""What each searchable page type contributes to the index.

A page type is searchable when it has an entry in CONTENT_BUILDERS. Attachment text comes
from xxgk.core.textextract and is cached per file; a file that cannot be read is logged and
left out, never breaking the indexing of its page.
"""

import datetime
import logging
from dataclasses import dataclass, replace

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from xxgk.core.textextract import ExtractionError, extract_document_chunks
from xxgk.disclosures.models import AnnualReportPage, DisclosurePage
from xxgk.portal.models import StandardPage
from xxgk.review.selectors import ocr_text_for

from .models import AttachmentText

logger = logging.getLogger(__name__)

# Long attachments are indexed up to this many characters: enough for any notice or
# table, and well inside PostgreSQL's 1 MB tsvector limit.
MAX_TEXT_LENGTH = 60_000
# Starts each attachment in the stored text (its title on the first line, then its text),
# so that a snippet can say which attachment it quotes. A control character that no
# document text keeps (they are removed from every part).
ATTACHMENT_MARK = "\x1e"
# Ends an attachment's title line when its text (or part of it) was read by OCR from a scan,
# so that the snippet can say so.
OCR_MARK = "\x1f"


@dataclass(frozen=True)
class Content:
    kind: str
    title: str
    text: str
    date: datetime.date
    item_id: int | None = None
    department_id: int | None = None


def attachment_text(document) -> str:
    """The text of a Wagtail document, extracted once per stored file."""
    source = f"{document.file.name}:{document.file_hash}"[:300]
    cached = AttachmentText.objects.filter(document=document, source=source).first()
    if cached is not None:
        return cached.text
    text = error = ""
    try:
        text = "\n".join(chunk.text for chunk in extract_document_chunks(document))
    except ExtractionError as exc:
        error = str(exc)
    except OSError as exc:  # the file is missing from storage
        error = f"文件无法读取（{exc.__class__.__name__}）。"
    if error:
        logger.warning("search: attachment %s not indexed: %s", document.pk, error)
    AttachmentText.objects.update_or_create(
        document=document,
        defaults={"source": source, "text": text[:MAX_TEXT_LENGTH], "error": error[:255]},
    )
    return text


def _page_date(page) -> datetime.date:
    moment = page.last_published_at or page.latest_revision_created_at or timezone.now()
    return timezone.localdate(moment)


def _join(*parts: str) -> str:
    return "\n".join(
        part.replace(ATTACHMENT_MARK, " ").replace(OCR_MARK, " ") for part in parts if part
    )[:MAX_TEXT_LENGTH]


def _attachment_part(attachment) -> str:
    """Title line, then the text layer and what OCR read of the scanned pages (read by the
    review's scan in the task worker, never here in the publishing request)."""

    document = attachment.document
    ocr_text = ocr_text_for(document)
    title = _join(attachment.display_title or " ") + (OCR_MARK if ocr_text else "")
    return ATTACHMENT_MARK + title + "\n" + _join(attachment_text(document), ocr_text)


def disclosure_content(page) -> Content:
    main = _join(page.summary, get_text_for_indexing(page.body), page.index_number or "")
    attachments = [_attachment_part(attachment) for attachment in page.attachments.all()]
    return Content(
        kind=gettext_noop("公开信息"),
        title=page.title,
        text="\n".join([main, *attachments])[:MAX_TEXT_LENGTH],
        date=page.publication_date or _page_date(page),
        # The parent, not catalogue_item_id, which moves do not update; a rebuild reads it
        # with the page (indexing_queryset).
        item_id=getattr(page, "indexed_parent_pk", None) or page.get_parent().pk,
        department_id=page.publishing_department_id,
    )


def annual_report_content(page) -> Content:
    """An annual report is a disclosure of item 6 (xxgk.reports) shown as its own kind."""
    return replace(disclosure_content(page), kind=gettext_noop("年度报告"))


def standard_page_content(page) -> Content:
    return Content(
        kind=gettext_noop("栏目页面"),
        title=page.title,
        text=_join(get_text_for_indexing(page.body)),
        date=_page_date(page),
    )


def _builders():
    return {
        DisclosurePage: disclosure_content,
        AnnualReportPage: annual_report_content,
        StandardPage: standard_page_content,
    }


def searchable_models() -> list[type]:
    return list(_builders())


def indexing_queryset(model):
    """The pages of one searchable type with what content_of reads of them, loaded a chunk at
    a time: a rebuild that asked for each disclosure's attachments and parent separately
    indexed about 200 pages a second on PostgreSQL (85 minutes for a million)."""
    queryset = model.objects.exact_type(model).order_by("pk")
    if issubclass(model, DisclosurePage):
        parent = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        ).values("pk")[:1]
        queryset = queryset.prefetch_related("attachments__document").annotate(
            indexed_parent_pk=Subquery(parent)
        )
    return queryset


def content_of(page) -> Content | None:
    """The searchable content of a specific page object, or None if its type is not searched."""
    builder = _builders().get(type(page))
    return builder(page) if builder else None
