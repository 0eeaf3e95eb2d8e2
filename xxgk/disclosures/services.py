from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from xxgk.catalogue.selectors import can_author_under
from xxgk.orgs.selectors import is_office, user_department
from xxgk.viewcounts.services import count_view

from .models import DisclosureAttachment, DisclosurePage, IndexNumberCounter


def format_item_key(item_number: str) -> str:
    head, _, tail = str(item_number).partition(".")
    head = head.zfill(2) if head.isdigit() else head
    return f"{head}.{tail}" if tail else head


def allocate_index_number(*, year: int, item_number: str) -> str:
    """Issue the next 索引号, e.g. QZXY-2022-07-0012. Never reused, safe under concurrency."""
    item_key = format_item_key(item_number)
    with transaction.atomic():
        counter = (
            IndexNumberCounter.objects.select_for_update()
            .filter(year=year, item_key=item_key)
            .first()
        )
        if counter is None:
            try:
                with transaction.atomic():
                    counter = IndexNumberCounter.objects.create(year=year, item_key=item_key)
            except IntegrityError:
                counter = IndexNumberCounter.objects.select_for_update().get(
                    year=year, item_key=item_key
                )
        IndexNumberCounter.objects.filter(pk=counter.pk).update(last_serial=F("last_serial") + 1)
        counter.refresh_from_db(fields=["last_serial"])
    return f"{settings.XXGK_ORG_CODE}-{year}-{item_key}-{counter.last_serial:04d}"


@transaction.atomic
def create_disclosure(
    *,
    user,
    item,
    title: str,
    publishing_department=None,
    body: str = "",
    summary: str = "",
    publication_date=None,
    formed_on=None,
    documents=(),
    source_url: str = "",
    slug: str = "",
) -> DisclosurePage:
    """Create a draft disclosure under a catalogue item, enforcing 谁公开、谁负责.

    Drafts are not public: making one live is the review workflow's business
    (xxgk.review.services.submit_for_review).
    """
    if not can_author_under(user, item):
        raise PermissionDenied("您所在部门不负责该信息公开事项，不能在此发布信息。")

    department = publishing_department or user_department(user)
    if department is None:
        raise ValidationError({"publishing_department": "请选择发布部门。"})
    if not is_office(user) and department != user_department(user):
        raise PermissionDenied("只能以本部门名义发布信息。")
    page = DisclosurePage(
        title=title,
        publishing_department=department,
        body=body,
        summary=summary,
        publication_date=publication_date,
        formed_on=formed_on,
        owner=user,
        live=False,
        source_url=source_url,
        slug=slug,
    )
    page.full_clean(exclude=["path", "depth", "url_path"])
    item.add_child(instance=page)
    for order, document in enumerate(documents):
        DisclosureAttachment.objects.create(page=page, document=document, sort_order=order)
    page.save_revision(user=user, log_action=True)
    return page


def record_view(page, request=None) -> int:
    """Count one view and return the total shown. The view is buffered, not written: the
    request path never writes to the database (see xxgk.viewcounts)."""
    return count_view(page.pk, request=request)
