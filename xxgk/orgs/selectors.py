from django.contrib.auth import get_user_model

from .models import Department
from .roles import ROLE_GROUP_NAMES, Role

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
