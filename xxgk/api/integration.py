"""The integration write API: a department's system files and amends draft disclosures.

Every call, including refused ones, is written to ApiCallLog by the router-wide ``audited``
decorator. Drafts are never published here: they wait for the confidentiality review.
"""

import functools
import json

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Path, Router, Status
from ninja.security import HttpBearer

from xxgk.catalogue.models import CatalogueItemPage
from xxgk.disclosures.models import DisclosurePage

from . import services
from .errors import ApiError, Error
from .public import MAX_ID, attachment_data, department_data
from .schemas import DraftCreateIn, DraftOut, DraftUpdateIn, WhoAmIOut


class DepartmentToken(HttpBearer):
    """``Authorization: Bearer xxgk_…`` → the department's IntegrationToken."""

    def authenticate(self, request, token):
        return services.authenticate_token(token.strip())


def audited(run):
    """Wrap an operation so that its outcome, whatever it is, is recorded once."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        operation = run.__self__
        try:
            response = run(request, *args, **kwargs)
        except Exception:
            services.record_call(
                request=request,
                token=_token(request),
                endpoint=operation.operation_id or operation.view_func.__name__,
                status_code=500,
                result="server_error",
            )
            raise
        services.record_call(
            request=request,
            token=_token(request),
            endpoint=operation.operation_id or operation.view_func.__name__,
            status_code=response.status_code,
            result=getattr(request, "_xxgk_result", None) or _result_code(response),
            object_id=getattr(request, "_xxgk_object_id", None),
        )
        return response

    return wrapper


def _token(request):
    token = getattr(request, "auth", None)
    return token if isinstance(token, services.IntegrationToken) else None


def _result_code(response) -> str:
    if response.status_code < 400:
        return "ok"
    try:
        return json.loads(response.content).get("code", "error")
    except (ValueError, AttributeError):
        return "error"


router = Router(tags=["部门系统对接（需令牌）"], auth=DepartmentToken())
router.add_decorator(audited, mode="view")
ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error, 413: Error, 422: Error}


def _status(page) -> str:
    if page.live:
        return "live"
    if page.workflow_in_progress:
        return "in_review"
    return "draft"


def draft_data(request, page) -> dict:
    page = DisclosurePage.objects.select_related("catalogue_item", "publishing_department").get(
        pk=page.pk
    )
    latest = page.get_latest_revision_as_object()
    return {
        "id": page.pk,
        "title": latest.title,
        "item_number": page.catalogue_item.item_number,
        "department": department_data(page.publishing_department),
        "summary": latest.summary,
        "body": latest.body,
        "formed_on": latest.formed_on,
        "status": _status(page),
        "attachments": [
            attachment_data(request, a.document, a.title)
            for a in page.attachments.select_related("document")
        ],
        "admin_url": request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=[page.pk])),
    }


def _attachments(payload) -> list[tuple[str, bytes, str]]:
    return [
        (a.filename, services.decode_base64(a.content_base64, filename=a.filename), a.title)
        for a in payload.attachments
    ]


def _item(item_number: str) -> CatalogueItemPage:
    item = CatalogueItemPage.objects.filter(item_number=item_number).first()
    if item is None:
        raise ApiError(404, "not_found", _("未找到编号为 %(n)s 的清单事项。") % {"n": item_number})
    return item


@router.get("/whoami", response={200: WhoAmIOut, **ERRORS}, summary="令牌所属部门")
def whoami(request):
    token = request.auth
    items = token.department.catalogue_items.filter(retired_on__isnull=True)
    return {
        "department": department_data(token.department),
        "token_name": token.name,
        "token_prefix": token.prefix,
        "items": sorted(items.values_list("item_number", flat=True)),
    }


@router.post("/disclosures", response={201: DraftOut, **ERRORS}, summary="新建草稿")
def create(request, payload: DraftCreateIn):
    """File a draft under a catalogue item the department answers for; it waits for review."""
    fields = payload.dict(exclude={"item", "attachments"})
    page = services.create_draft(
        token=request.auth,
        item=_item(payload.item),
        fields=fields,
        attachments=_attachments(payload),
    )
    request._xxgk_object_id = page.pk
    return Status(201, draft_data(request, page))


@router.get(
    "/disclosures/{disclosure_id}", response={200: DraftOut, **ERRORS}, summary="查看本部门信息"
)
def read(request, disclosure_id: int = Path(..., ge=1, le=MAX_ID)):
    page = DisclosurePage.objects.filter(
        pk=disclosure_id, publishing_department=request.auth.department
    ).first()
    if page is None:
        raise ApiError(404, "not_found", _("未找到本部门的该条信息。"))
    request._xxgk_object_id = page.pk
    return draft_data(request, page)


@router.patch(
    "/disclosures/{disclosure_id}", response={200: DraftOut, **ERRORS}, summary="修改草稿"
)
def update(request, payload: DraftUpdateIn, disclosure_id: int = Path(..., ge=1, le=MAX_ID)):
    """Change an unpublished draft; fields left out stay as they are, attachments are added."""
    request._xxgk_object_id = disclosure_id
    fields = payload.dict(exclude={"attachments"}, exclude_unset=True)
    try:
        page = services.update_draft(
            token=request.auth,
            pk=disclosure_id,
            fields=fields,
            attachments=_attachments(payload),
        )
    except DisclosurePage.DoesNotExist:
        raise ApiError(404, "not_found", _("未找到本部门的该条信息。")) from None
    except services.DraftNotEditable as exc:
        raise ApiError(409, "not_editable", str(exc)) from None
    return draft_data(request, page)
