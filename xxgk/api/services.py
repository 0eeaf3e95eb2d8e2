"""Integration tokens (issued, rotated and revoked by the office), the call audit, and the
draft disclosures that departments' systems file through the API."""

import base64
import binascii
import re
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xxgk.disclosures.content import clean_html, make_document
from xxgk.disclosures.models import DisclosureAttachment, DisclosurePage
from xxgk.disclosures.policy import disclosure_policy
from xxgk.disclosures.services import create_disclosure
from xxgk.orgs.policy import Action
from xxgk.orgs.roles import Role
from xxgk.orgs.services import create_staff_user, set_roles

from .models import ApiCallLog, IntegrationToken

TOKEN_PREFIX = "xxgk_"
TOKEN_PATTERN = re.compile(r"^xxgk_[A-Za-z0-9_-]{43}$")
LAST_USED_INTERVAL_SECONDS = 60


def _require_token_manager(user):
    if not user.has_perm("xxgk_api.add_integrationtoken"):
        raise PermissionDenied(_("只有信息公开办公室可以管理接口令牌。"))


def _service_user(department):
    """The password-less editor account that a department's tokens act as."""
    username = f"api_{department.code.lower()}"
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        return create_staff_user(
            username=username,
            password=None,
            roles=[Role.EDITOR],
            department=department,
            full_name=f"{department.name}（系统接口）",
        )
    set_roles(user, [Role.EDITOR], department=department)
    return user


def _issue(*, department, name, by, replaces=None) -> tuple[IntegrationToken, str]:
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = IntegrationToken(
        department=department,
        name=name,
        prefix=plaintext[: len(TOKEN_PREFIX) + 6],
        key_hash=IntegrationToken.digest(plaintext),
        service_user=_service_user(department),
        created_by=by,
    )
    token.full_clean()
    token.save()
    if replaces is not None:
        replaces.replaced_by = token
        replaces.save(update_fields=["replaced_by"])
    return token, plaintext


@transaction.atomic
def create_token(*, department, name: str, by) -> tuple[IntegrationToken, str]:
    """Issue a token for a department. The plaintext is returned once and never stored."""
    _require_token_manager(by)
    if not department.is_active:
        raise ValidationError({"department": _("该部门已停用，不能签发接口令牌。")})
    return _issue(department=department, name=name, by=by)


@transaction.atomic
def revoke_token(token: IntegrationToken, *, by) -> IntegrationToken:
    _require_token_manager(by)
    token = IntegrationToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


@transaction.atomic
def rotate_token(token: IntegrationToken, *, by) -> tuple[IntegrationToken, str]:
    """Replace a token with a new one for the same department and purpose; the old one dies."""
    _require_token_manager(by)
    token = IntegrationToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ValidationError(_("已吊销的令牌不能轮换，请重新签发。"))
    new, plaintext = _issue(department=token.department, name=token.name, by=by, replaces=token)
    revoke_token(token, by=by)
    return new, plaintext


def authenticate_token(plaintext: str) -> IntegrationToken | None:
    """The live token matching a plaintext, or None. Malformed input never reaches the DB."""
    if not TOKEN_PATTERN.match(plaintext or ""):
        return None
    token = (
        IntegrationToken.objects.select_related("department", "service_user")
        .filter(key_hash=IntegrationToken.digest(plaintext), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.department.is_active or not token.service_user.is_active:
        return None
    now = timezone.now()
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() >= LAST_USED_INTERVAL_SECONDS
    ):
        IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def record_call(
    *, request, token, endpoint: str, status_code: int, result: str, object_id=None
) -> ApiCallLog:
    """Append one row to the integration audit trail."""
    return ApiCallLog.objects.create(
        token=token,
        token_prefix=getattr(token, "prefix", "") or _presented_prefix(request),
        department=getattr(token, "department", None),
        method=request.method[:10],
        path=request.get_full_path()[:500],
        endpoint=endpoint[:100],
        remote_addr=request.META.get("REMOTE_ADDR") or None,
        user_agent=request.headers.get("User-Agent", "")[:300],
        status_code=status_code,
        result=result[:64],
        object_id=object_id,
    )


def _presented_prefix(request) -> str:
    """The first characters of a rejected token, so the office can tell whose key it was."""
    value = request.headers.get("Authorization", "")
    _, _, presented = value.partition(" ")
    presented = presented.strip()
    if TOKEN_PATTERN.match(presented):
        return presented[: len(TOKEN_PREFIX) + 6]
    return ""


def decode_base64(content: str, *, filename: str) -> bytes:
    try:
        return base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(
            _("附件“%(name)s”的内容不是有效的 Base64 编码。") % {"name": filename},
            code="attachment_encoding",
        ) from None


def _cleaned(fields: dict) -> dict:
    if "body" in fields:
        return {**fields, "body": clean_html(fields["body"])}
    return fields


def _attach(page, attachments, *, user) -> None:
    start = page.attachments.count()
    for order, (filename, data, title) in enumerate(attachments, start=start):
        document = make_document(
            filename, data, collection=page.publishing_department.collection, title=title, user=user
        )
        DisclosureAttachment.objects.create(
            page=page, document=document, title=title, sort_order=order
        )


@transaction.atomic
def create_draft(*, token: IntegrationToken, item, fields: dict, attachments=()):
    """File a draft under a catalogue item for the token's department. Never publishes."""
    user = token.service_user
    page = create_disclosure(
        user=user, item=item, publishing_department=token.department, **_cleaned(fields)
    )
    if attachments:
        _attach(page, attachments, user=user)
        page.save_revision(user=user, log_action=True)
    return page


class DraftNotEditable(Exception):
    """The disclosure exists but is past the point where its department's system may edit it."""


def editable_draft(token: IntegrationToken, pk: int) -> DisclosurePage:
    """A draft of the token's department that may still be changed, or an exception."""
    page = DisclosurePage.objects.filter(pk=pk, publishing_department=token.department).first()
    if page is None:
        raise DisclosurePage.DoesNotExist
    if page.live or page.first_published_at:
        raise DraftNotEditable(_("该信息已经公开，接口只能修改未公开的草稿。"))
    if page.workflow_in_progress:
        raise DraftNotEditable(_("该草稿正在审查中，不能修改；请待审查退回后再修改。"))
    if not disclosure_policy.allows(token.service_user, Action.EDIT, page):
        raise PermissionDenied(_("您所在部门不能修改该信息。"))
    return page


@transaction.atomic
def update_draft(*, token: IntegrationToken, pk: int, fields: dict, attachments=()):
    """Change an unpublished draft's fields and append attachments, as a new revision."""
    page = editable_draft(token, pk)
    page = DisclosurePage.objects.select_for_update().get(pk=page.pk)
    for name, value in _cleaned(fields).items():
        setattr(page, name, value)
    page.full_clean(exclude=["path", "depth", "url_path"])
    page.save()
    if attachments:
        _attach(page, attachments, user=token.service_user)
    page.save_revision(user=token.service_user, log_action=True)
    return page
