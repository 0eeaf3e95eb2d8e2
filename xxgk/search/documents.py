"""What each searchable page type contributes to the index.

A page type is searchable when it has an entry in CONTENT_BUILDERS. Attachment text comes
from xxgk.core.textextract and is cached per file; a file that cannot be read is logged and
left out, never breaking the indexing of its page.
"""

import datetime
import logging
from dataclasses import dataclass, replace

from django.db import connection
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from xxgk.core.textextract import ExtractionError, extract_document_chunks
from xxgk.disclosures.models import AnnualReportPage, DisclosureAttachment, DisclosurePage
from xxgk.portal.models import StandardPage
from xxgk.review.selectors import ocr_text_for

from .models import AttachmentText, Version

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


def attachment_text(document, *, extract: bool = True) -> str:
    """The text of a Wagtail document, extracted once per stored file. With ``extract``
    false (cutting a snippet), only the text extracted when the page was indexed: a file is
    never parsed while a results page is served."""
    source = f"{document.file.name}:{document.file_hash}"[:300]
    cached = AttachmentText.objects.filter(document=document, source=source).first()
    if cached is not None:
        return cached.text
    if not extract:
        return ""
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


def _attachment_part(attachment, extract: bool = True) -> str:
    """Title line, then the text layer and what OCR read of the scanned pages (read by the
    review's scan in the task worker, never here in the publishing request)."""

    document = attachment.document
    ocr_text = ocr_text_for(document)
    title = _join(attachment.display_title or " ") + (OCR_MARK if ocr_text else "")
    text = attachment_text(document, extract=extract)
    return ATTACHMENT_MARK + title + "\n" + _join(text, ocr_text)


def _disclosure_text(summary, body, index_number, attachment_parts) -> str:
    main = _join(summary, get_text_for_indexing(body), index_number or "")
    return "\n".join([main, *attachment_parts])[:MAX_TEXT_LENGTH]


def _standard_page_text(body) -> str:
    return _join(get_text_for_indexing(body))


def disclosure_text(page, extract: bool = True) -> str:
    """Summary, body, index number, then each attachment (marked, titled)."""
    attachments = [_attachment_part(attachment, extract) for attachment in page.attachments.all()]
    return _disclosure_text(page.summary, page.body, page.index_number, attachments)


def standard_page_text(page, extract: bool = True) -> str:
    return _standard_page_text(page.body)


def disclosure_content(page) -> Content:
    return Content(
        kind=gettext_noop("公开信息"),
        title=page.title,
        text=disclosure_text(page),
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
        text=standard_page_text(page),
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


def _text_builders():
    return {
        DisclosurePage: disclosure_text,
        AnnualReportPage: disclosure_text,
        StandardPage: standard_page_text,
    }


def content_of(page) -> Content | None:
    """The searchable content of a specific page object, or None if its type is not searched."""
    builder = _builders().get(type(page))
    return builder(page) if builder else None


def _disclosure_rows(page_ids: list[int]) -> dict[int, tuple]:
    """(summary, body, index number, has attachments) of the disclosures (and annual
    reports) among ``page_ids``: one plain query, as the ORM's took about 1 ms a page of
    hits for what a tuple holds."""
    table = connection.ops.quote_name(DisclosurePage._meta.db_table)
    attachments = connection.ops.quote_name(DisclosureAttachment._meta.db_table)
    marks = ", ".join(["%s"] * len(page_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.page_ptr_id, d.summary, d.body, d.index_number,"
            f" EXISTS (SELECT 1 FROM {attachments} a WHERE a.page_id = d.page_ptr_id)"
            f" FROM {table} d WHERE d.page_ptr_id IN ({marks})",
            page_ids,
        )
        return {pk: fields for pk, *fields in cursor.fetchall()}


def texts_of(documents) -> dict[int, str]:
    """The indexed text of each of ``documents`` (SearchDocument rows; a page of hits), by
    document id, for snippets. The index keeps no copy of the text (issue 23): it is
    recomputed by the builders that indexed it — a live row from the page's own columns, a
    draft row from its latest revision — with attachments read from AttachmentText, never
    parsed. It is the indexed text because every change of a page rewrites its rows in the
    same transaction (test_index_sync checks both against content_of)."""

    documents = list(documents)
    texts = dict.fromkeys((d.pk for d in documents), "")
    live = {d.page_id: d.pk for d in documents if d.version == Version.LIVE}
    if live:
        # The columns the builders read, not page objects: building twenty whole pages cost
        # more than cutting the snippets (about 7 ms a page of hits).
        rows = _disclosure_rows(list(live))
        attachments = {pk: [] for pk in rows}
        if any(row[3] for row in rows.values()):
            with_files = [pk for pk, row in rows.items() if row[3]]
            for attachment in DisclosureAttachment.objects.filter(
                page_id__in=with_files
            ).select_related("document"):
                attachments[attachment.page_id].append(_attachment_part(attachment, False))
        for pk, (summary, body, index_number, _files) in rows.items():
            texts[live[pk]] = _disclosure_text(summary, body, index_number, attachments[pk])
        others = set(live) - set(rows)
        if others:
            for pk, body in StandardPage.objects.filter(pk__in=others).values_list("pk", "body"):
                texts[live[pk]] = _standard_page_text(body)
    drafts = [d for d in documents if d.version != Version.LIVE]
    if drafts:
        pages = Page.objects.filter(pk__in={d.page_id for d in drafts}).specific()
        pages = {page.pk: page for page in pages}
        for document in drafts:
            page = pages.get(document.page_id)
            if page is None:
                continue
            revision = page.get_latest_revision_as_object()
            builder = _text_builders().get(type(revision))
            texts[document.pk] = builder(revision, extract=False) if builder else ""
    return texts
