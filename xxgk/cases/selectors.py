"""Reads every kind of case needs: who is told about a case."""

from django.contrib.auth import get_user_model

from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role
from xxgk.orgs.selectors import office_users


def office_emails() -> list[str]:
    """The disclosure office: told of every new case and every escalation."""
    return [email for email in office_users().values_list("email", flat=True) if email]


def department_emails(department) -> list[str]:
    """A department's shared address and its editors': told of the cases assigned to it."""
    staff = (
        get_user_model()
        .objects.filter(
            is_active=True,
            staff_profile__department=department,
            groups__name=ROLE_GROUP_NAMES[Role.EDITOR],
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return [department.email, *staff]
