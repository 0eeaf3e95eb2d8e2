"""Adjusting the catalogue (三张清单动态调整). Every adjustment leaves a CatalogueChange."""

import datetime

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission

from xxgk.orgs.models import Department
from xxgk.orgs.roles import DEPARTMENT_GROUP_PREFIX, EDITOR_PAGE_PERMISSIONS
from xxgk.orgs.selectors import is_office

from .models import CatalogueCategoryPage, CatalogueChange, CatalogueItemPage, ChangeKind
from .selectors import item_snapshot

# The recorded summaries are stored content: Chinese, whatever the request's language.
FIELD_LABELS = {
    "item_number": "编号",
    "title": "名称",
    "category": "类别",
    "legal_basis": "公开依据",
    "departments": "责任部门",
    "rule": "公开时限",
    "retired_on": "停用日期",
    "retired_reason": "停用原因",
}

RULE_FIELDS = (
    "rule_kind",
    "working_days",
    "due_month",
    "due_day",
    "season_start_month",
    "season_end_month",
    "freshness_months",
)


def _require_office(user):
    if user is not None and not is_office(user):
        raise PermissionDenied(_("只有信息公开办公室可以调整信息公开事项清单。"))


def _infer_kind(before: dict, after: dict) -> ChangeKind:
    if not before:
        return ChangeKind.CREATED
    if before.get("retired_on") is None and after.get("retired_on"):
        return ChangeKind.RETIRED
    if before.get("retired_on") and after.get("retired_on") is None:
        return ChangeKind.RESTORED
    if before.get("category") != after.get("category"):
        return ChangeKind.MOVED
    changed = {key for key in after if before.get(key) != after.get(key)}
    if changed == {"title"}:
        return ChangeKind.RETITLED
    return ChangeKind.EDITED


def _describe(before: dict, after: dict) -> str:
    if not before:
        return f"新增事项 {after['item_number']}：{after['title']}"
    parts = []
    for key, label in FIELD_LABELS.items():
        old, new = before.get(key), after.get(key)
        if old != new:
            if isinstance(old, list) or isinstance(new, list):
                old, new = "、".join(old or []) or "无", "、".join(new or []) or "无"
            parts.append(f"{label}：{old or '无'} → {new or '无'}")
    return "；".join(parts)[:500]


def record_item_state(item, *, user=None, note: str = "", kind: ChangeKind | None = None):
    """Compare the item with its last recorded state and log the difference, if any."""
    item = CatalogueItemPage.objects.get(pk=item.pk)
    after = item_snapshot(item)
    last = item.changes.order_by("-created_at", "-id").first()
    before = last.after if last else {}
    if before == after and kind is None:
        return None
    return CatalogueChange.objects.create(
        item=item,
        kind=kind or _infer_kind(before, after),
        summary=_describe(before, after) or item.title,
        before=before,
        after=after,
        note=note,
        user=user,
    )


def sync_item_permissions(item: CatalogueItemPage) -> None:
    """Give exactly the responsible departments' editors add/change rights under the item."""
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_PERMISSIONS
        )
    )
    wanted = set(item.responsible_departments.values_list("editor_group_id", flat=True))
    GroupPagePermission.objects.filter(
        page=item, group__name__startswith=DEPARTMENT_GROUP_PREFIX
    ).exclude(group_id__in=wanted).delete()
    for group_id in wanted:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group_id=group_id, page=item, permission=permission
            )


def _publish(page, user):
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    return CatalogueItemPage.objects.get(pk=page.pk)


@transaction.atomic
def add_item(
    *,
    category: CatalogueCategoryPage,
    item_number: str,
    title: str,
    user=None,
    departments=(),
    note: str = "",
    **fields,
) -> CatalogueItemPage:
    """Add a school-specific item (学校自定事项)."""
    _require_office(user)
    item = CatalogueItemPage(
        title=title,
        item_number=item_number,
        slug=f"item-{item_number}".replace(".", "-"),
        owner=user,
        **fields,
    )
    item.full_clean(exclude=["path", "depth", "url_path"])
    category.add_child(instance=item)
    item.responsible_departments.set(departments)
    item = _publish(item, user)
    _annotate_last_change(item, note)
    return item


def _annotate_last_change(item, note):
    if note:
        change = item.changes.order_by("-created_at", "-id").first()
        if change is not None:
            change.note = note
            change.save(update_fields=["note"])


@transaction.atomic
def update_item(item: CatalogueItemPage, *, user=None, note: str = "", departments=None, **fields):
    """Retitle, re-rule or re-assign an item; the change is logged by the publish signal."""
    _require_office(user)
    item = CatalogueItemPage.objects.get(pk=item.pk)
    for name, value in fields.items():
        setattr(item, name, value)
    if departments is not None:
        item.responsible_departments.set(departments)
    item.full_clean(exclude=["path", "depth", "url_path"])
    item = _publish(item, user)
    _annotate_last_change(item, note)
    return item


def retire_item(item, *, reason: str, user=None, on: datetime.date | None = None, note=""):
    if not reason.strip():
        raise ValidationError({"retired_reason": _("停用事项须说明原因。")})
    return update_item(
        item, user=user, note=note, retired_on=on or timezone.localdate(), retired_reason=reason
    )


def restore_item(item, *, user=None, note=""):
    return update_item(item, user=user, note=note, retired_on=None, retired_reason="")


@transaction.atomic
def move_item(item, *, category: CatalogueCategoryPage, user=None, note="") -> CatalogueItemPage:
    _require_office(user)
    item = CatalogueItemPage.objects.get(pk=item.pk)
    if item.get_parent().pk == category.pk:
        return item
    item.move(category, pos="last-child", user=user)  # post_page_move records the change
    change = item.changes.order_by("-created_at", "-id").first()
    change.user, change.note = user, note
    change.save(update_fields=["user", "note"])
    return CatalogueItemPage.objects.get(pk=item.pk)


@transaction.atomic
def split_item(item, *, parts: list[dict], user=None, note: str = "") -> list[CatalogueItemPage]:
    """Split one item into several; the original is retired, its disclosures stay put."""
    _require_office(user)
    if len(parts) < 2:
        raise ValidationError(_("拆分至少需要两个新事项。"))
    item = CatalogueItemPage.objects.get(pk=item.pk)
    category = item.get_parent().specific
    departments = list(item.responsible_departments.all())
    rule = {name: getattr(item, name) for name in RULE_FIELDS}
    new_items = [
        add_item(
            category=category,
            item_number=part["item_number"],
            title=part["title"],
            user=user,
            departments=part.get("departments", departments),
            legal_basis=part.get("legal_basis", item.legal_basis),
            source=item.source,
            note=f"由事项 {item.item_number} 拆分而来。{note}".strip(),
            **rule,
        )
        for part in parts
    ]
    numbers = "、".join(new.item_number for new in new_items)
    item.successors.set(new_items)
    item.retired_on = timezone.localdate()
    item.retired_reason = f"拆分为事项 {numbers}"
    item.full_clean(exclude=["path", "depth", "url_path"])
    _publish(item, user)
    change = item.changes.order_by("-created_at", "-id").first()
    change.kind = ChangeKind.SPLIT
    change.note = note
    change.save(update_fields=["kind", "note"])
    return new_items


@transaction.atomic
def assign_default_departments(mapping: dict[str, list[str]], *, user=None) -> int:
    """Link items to departments by code (e.g. the MoE defaults); returns items changed."""
    changed = 0
    departments = {d.code: d for d in Department.objects.all()}
    for item in CatalogueItemPage.objects.all():
        codes = mapping.get(item.item_number)
        if not codes:
            continue
        wanted = {departments[c].pk for c in codes if c in departments}
        current = set(item.responsible_departments.values_list("pk", flat=True))
        if wanted and wanted != current:
            update_item(item, user=user, departments=sorted(wanted), note="按默认分工设置责任部门")
            changed += 1
    return changed
