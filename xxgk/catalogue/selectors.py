from collections import defaultdict

from django.db.models import Q
from django.utils import translation

from xxgk.orgs.models import Department
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office, user_department

from .models import CatalogueCategoryPage, CatalogueChange, CatalogueItemPage


def item_sort_key(item) -> tuple:
    """Sort "7", "7.1", "10", "51" as numbers, not strings."""
    parts = []
    for part in str(item.item_number).split("."):
        parts.append(int(part) if part.isdigit() else 10**6)
    return tuple(parts)


def catalogue_tree(
    *, include_retired: bool = False, counts: dict[int, int] | None = None
) -> list[dict]:
    """Categories with their items, in three queries. `counts` (item id → number of
    published disclosures) comes from the app that counts what is filed under the items
    (disclosures.selectors.catalogue_tree); the catalogue itself does not know."""
    counts = counts or {}
    categories = list(CatalogueCategoryPage.objects.live().order_by("number"))
    items = CatalogueItemPage.objects.live().prefetch_related("responsible_departments")
    if not include_retired:
        items = items.filter(retired_on__isnull=True)
    by_parent_path = defaultdict(list)
    for item in items:
        item.disclosure_count = counts.get(item.pk, 0)
        by_parent_path[item.path[: -CatalogueItemPage.steplen]].append(item)
    tree = []
    for category in categories:
        children = sorted(by_parent_path.get(category.path, []), key=item_sort_key)
        tree.append(
            {
                "category": category,
                "items": [i for i in children if not i.retired_on],
                "retired_items": [i for i in children if i.retired_on],
                "disclosure_count": sum(i.disclosure_count for i in children),
            }
        )
    return tree


def items_of_category(category) -> list[CatalogueItemPage]:
    items = CatalogueItemPage.objects.child_of(category).live()
    return sorted(items, key=item_sort_key)


def all_items() -> list[CatalogueItemPage]:
    return sorted(CatalogueItemPage.objects.all(), key=item_sort_key)


def item_snapshot(item: CatalogueItemPage) -> dict:
    """The fields whose changes the catalogue history records."""
    parent = item.get_parent()
    with translation.override("zh-hans"):  # stored and compared: the same whatever the language
        rule = item.rule_summary()
    return {
        "item_number": item.item_number,
        "title": item.title,
        "category": parent.title if parent else "",
        "legal_basis": item.legal_basis,
        "departments": sorted(d.code for d in item.responsible_departments.all()),
        "rule": rule,
        "retired_on": item.retired_on.isoformat() if item.retired_on else None,
        "retired_reason": item.retired_reason,
    }


def items_for_department(department: Department):
    return CatalogueItemPage.objects.filter(responsible_departments=department)


def can_author_under(user, item: CatalogueItemPage) -> bool:
    """谁公开、谁负责: may this user create disclosures under this catalogue item?"""
    if not getattr(user, "is_authenticated", False) or item.retired_on:
        return False
    if is_office(user):
        return True

    department = user_department(user)
    return (
        department is not None
        and has_role(user, Role.EDITOR)
        and item.responsible_departments.filter(pk=department.pk).exists()
    )


def authorable_items(user):
    if is_office(user):
        return CatalogueItemPage.objects.filter(retired_on__isnull=True)
    department = user_department(user)
    if department is None:
        return CatalogueItemPage.objects.none()
    return CatalogueItemPage.objects.filter(
        retired_on__isnull=True, responsible_departments=department
    )


def catalogue_history(*, item=None, kind=None):
    changes = CatalogueChange.objects.select_related("item", "user")
    if item is not None:
        changes = changes.filter(Q(item=item))
    if kind:
        changes = changes.filter(kind=kind)
    return changes
