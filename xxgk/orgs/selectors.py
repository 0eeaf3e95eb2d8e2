from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from .models import Department
from .roles import HANDLER_ROLES, NON_HANDLER_ROLES, ROLE_GROUP_NAMES, ROLE_SCOPES, Role

_GROUP_TO_ROLE = {name: role for role, name in ROLE_GROUP_NAMES.items()}


def user_roles(user) -> frozenset[Role]:
    """The roles a user holds, memoised on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_xxgk_roles", None)
    if cached is None:
        names = user.groups.filter(name__in=_GROUP_TO_ROLE).values_list("name", flat=True)
        cached = frozenset(_GROUP_TO_ROLE[name] for name in names)
        user._xxgk_roles = cached
    return cached


def has_role(user, role: Role) -> bool:
    return Role(role) in user_roles(user)


def is_office(user) -> bool:
    """Office administrators (and superusers, who run the installation) manage everything."""
    return bool(getattr(user, "is_superuser", False)) or has_role(user, Role.OFFICE)


def office_users():
    """The active members of the information-disclosure office (信息公开办公室): who the
    requests' notices and the annual report's reminders go to."""
    return get_user_model().objects.filter(
        is_active=True, groups__name=ROLE_GROUP_NAMES[Role.OFFICE]
    )


def is_reviewer(user) -> bool:
    """Only holders of the reviewer role review — a superuser is not a reviewer by rank."""
    return getattr(user, "is_active", False) and has_role(user, Role.REVIEWER)


def user_department(user) -> Department | None:
    if not getattr(user, "is_authenticated", False):
        return None
    profile = getattr(user, "staff_profile", None)
    return profile.department if profile else None


def active_departments():
    return Department.objects.filter(is_active=True)


def assignable_handlers(department=None):
    """Who a request or a letter may be assigned to (the one query for every case form and
    service): active staff of an active department who hold a handling role (the office's,
    the departments' 信息员), never anyone who also leads, reviews or supervises. With a
    department, that department's handlers only."""
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            staff_profile__department__is_active=True,
            groups__name__in=[ROLE_GROUP_NAMES[role] for role in HANDLER_ROLES],
        )
        .exclude(groups__name__in=[ROLE_GROUP_NAMES[role] for role in NON_HANDLER_ROLES])
        .select_related("staff_profile__department")
        .distinct()
        .order_by(
            "staff_profile__department__sort_order",
            "staff_profile__department__code",
            "first_name",
            "last_name",
            "username",
        )
    )
    if department is not None:
        users = users.filter(staff_profile__department=department)
    return users


def assignable_departments():
    """The active departments with at least one handler to assign a case to."""
    return active_departments().filter(
        pk__in=assignable_handlers().values("staff_profile__department")
    )


def handler_label(user) -> str:
    """A handler as people know them: "姓名（部门）", never the login name unless that is all
    there is."""
    name = user.get_full_name() or user.get_username()
    department = user_department(user)
    if department is None:
        return name
    return _("%(name)s（%(department)s）") % {"name": name, "department": department.name}


def role_scopes(user) -> list[str]:
    """For each role the user holds, what it can and cannot do: the back office says it to
    a person it refuses (in the order of ``Role``)."""
    held = user_roles(user)
    return [
        _("您的角色（%(role)s）可以%(can)s，不能%(cannot)s。")
        % {"role": role.label, "can": ROLE_SCOPES[role][0], "cannot": ROLE_SCOPES[role][1]}
        for role in Role
        if role in held
    ]
