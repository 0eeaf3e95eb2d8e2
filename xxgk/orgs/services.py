from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Site

from .models import Department, StaffProfile
from .roles import (
    COLLECTION_PERMISSIONS,
    DEPARTMENT_COLLECTION_PERMISSIONS,
    DEPARTMENT_GROUP_PREFIX,
    OFFICE_PAGE_PERMISSIONS,
    ROLE_GROUP_NAMES,
    ROLE_PERMISSIONS,
    Role,
)
from .selectors import assignable_handlers


def ensure_role_groups() -> dict[Role, Group]:
    """Create the role groups and (re)grant their model permissions. Idempotent.

    Runs after every migration (orgs.signals), when the permissions a role needs may be new;
    it asks what is there in a few queries and writes only what is missing (a grant added
    through ``add``/``create`` still reaches the audit log's signals)."""
    existing = _existing_role_groups()
    named = _permission_index([name for names in ROLE_PERMISSIONS.values() for name in names])
    groups = {}
    for role, name in ROLE_GROUP_NAMES.items():
        group = existing.get(name) or Group.objects.get_or_create(name=name)[0]
        group.permissions.add(*_pick(named, ROLE_PERMISSIONS[role]))
        groups[role] = group
    _grant_office_page_permissions(groups[Role.OFFICE])
    _grant_collection_permissions(groups)
    return groups


def _existing_role_groups() -> dict[str, Group]:
    return {g.name: g for g in Group.objects.filter(name__in=ROLE_GROUP_NAMES.values())}


def role_groups() -> dict[Role, Group]:
    """The role groups, as the last migration granted them (created and granted here only
    if one is missing, e.g. on a database restored without them)."""
    existing = _existing_role_groups()
    if len(existing) < len(ROLE_GROUP_NAMES):
        return ensure_role_groups()
    return {role: existing[name] for role, name in ROLE_GROUP_NAMES.items()}


def _permission_index(dotted_names: list[str]) -> dict[str, Permission]:
    """The Permission rows named app_label.codename that exist (yet: see signals), by name,
    in one query."""
    wanted = {tuple(dotted.split(".", 1)) for dotted in dotted_names}
    if not wanted:
        return {}
    query = Q()
    for app_label, codename in wanted:
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = {}
    for permission in Permission.objects.filter(query).select_related("content_type"):
        found.setdefault(f"{permission.content_type.app_label}.{permission.codename}", permission)
    return found


def _pick(named: dict[str, Permission], dotted_names: list[str]) -> list[Permission]:
    return [named[dotted] for dotted in dotted_names if dotted in named]


def _permissions(dotted_names: list[str]) -> list[Permission]:
    return _pick(_permission_index(dotted_names), dotted_names)


def _grant_missing(model, grants: list[dict]) -> None:
    """Create the grant rows (group, object, permission) that are not there yet: one query to
    see what is, and a ``get_or_create`` (which the audit log hears) for each missing row."""
    if not grants:
        return
    fields = list(grants[0])
    query = Q()
    for grant in grants:
        query |= Q(**grant)
    present = set(model.objects.filter(query).values_list(*fields))
    for grant in grants:
        if tuple(grant[field] for field in fields) not in present:
            model.objects.get_or_create(**grant)


def _grant_collection_permissions(groups: dict[Role, Group]) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    _grant_missing(
        GroupCollectionPermission,
        [
            {"group_id": groups[role].pk, "collection_id": root.pk, "permission_id": permission.pk}
            for role, dotted_names in COLLECTION_PERMISSIONS.items()
            for permission in _permissions(dotted_names)
        ],
    )


def grant_department_collection_permissions(department: Department) -> None:
    """Let the department's editors upload and choose files in its own collection only."""
    if department.collection_id is None:
        return
    _grant_missing(
        GroupCollectionPermission,
        [
            {
                "group_id": department.editor_group_id,
                "collection_id": department.collection_id,
                "permission_id": permission.pk,
            }
            for permission in _permissions(DEPARTMENT_COLLECTION_PERMISSIONS)
        ],
    )


def _grant_office_page_permissions(group: Group) -> None:
    """The office manages the whole page tree under every site's home page."""
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=OFFICE_PAGE_PERMISSIONS
    )
    _grant_missing(
        GroupPagePermission,
        [
            {"group_id": group.pk, "page_id": root_page_id, "permission_id": permission.pk}
            for root_page_id in Site.objects.values_list("root_page_id", flat=True)
            for permission in page_permissions
        ],
    )


@transaction.atomic
def create_department(*, name: str, code: str, **fields) -> Department:
    department = Department(name=name, code=code, **fields)
    department.full_clean(exclude=["editor_group"])
    department.save()
    return department


@transaction.atomic
def create_staff_user(
    *,
    username: str,
    password: str,
    roles: list[Role],
    department: Department | None = None,
    email: str = "",
    full_name: str = "",
    **user_fields,
):
    """Create a staff account with its roles and department, in one step."""
    user = get_user_model().objects.create_user(
        username=username, password=password, email=email, first_name=full_name, **user_fields
    )
    StaffProfile.objects.create(user=user, department=department)
    set_roles(user, roles, department=department)
    return user


@transaction.atomic
def set_roles(user, roles: list[Role], *, department: Department | None = None) -> None:
    """Replace a user's roles. An editor is also put in their department's editor group."""
    roles = {Role(r) for r in roles}
    if Role.EDITOR in roles and department is None:
        raise ValueError("部门信息员必须属于一个部门。")
    groups = role_groups()
    user.groups.remove(*[g for r, g in groups.items() if r not in roles])
    user.groups.add(*[groups[r] for r in roles])
    profile, _ = StaffProfile.objects.get_or_create(user=user)
    if department is not None and profile.department_id != department.pk:
        profile.department = department
        profile.save(update_fields=["department"])
    sync_department_group(user)


def sync_department_group(user) -> None:
    """Keep an editor in exactly their department's editors' group, and nobody else in any.

    Called whenever roles or the department change, from the services and from the back
    office (signals), so page rights always follow role + department.
    """
    if hasattr(user, "_xxgk_roles"):
        del user._xxgk_roles
    department_groups = Group.objects.filter(name__startswith=DEPARTMENT_GROUP_PREFIX)
    profile = StaffProfile.objects.filter(user=user).select_related("department").first()
    wanted = None
    is_editor = user.groups.filter(name=ROLE_GROUP_NAMES[Role.EDITOR]).exists()
    if is_editor and profile is not None and profile.department is not None:
        wanted = profile.department.editor_group
    stale = department_groups.filter(user=user)
    if wanted is not None:
        stale = stale.exclude(pk=wanted.pk)
    if stale.exists():
        user.groups.remove(*stale)
    if wanted is not None and not user.groups.filter(pk=wanted.pk).exists():
        user.groups.add(wanted)


def check_assignable(handler, department=None) -> None:
    """Refuse (ValidationError) to make anyone but a handler the handler of a case, or, with a
    department, anyone but a handler of that department. The case services call it, so the
    rule holds whichever form, command or script assigns."""
    if handler is None or not assignable_handlers().filter(pk=handler.pk).exists():
        raise ValidationError(
            _(
                "承办人只能是各部门的信息员或信息公开办公室工作人员，不能是校领导、保密审查员或监督人员。"
            ),
            code="not_a_handler",
        )
    in_department = department is None or assignable_handlers(department).filter(pk=handler.pk)
    if not in_department:
        raise ValidationError(
            _("%(name)s 不是%(department)s的承办人，请选择该部门的工作人员。")
            % {"name": handler.get_full_name() or handler.get_username(), "department": department},
            code="other_department",
        )
