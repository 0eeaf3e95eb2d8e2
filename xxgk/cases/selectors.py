"""Reads every kind of case needs: who is told about a case, when its answer is due, and its
timeline as the public tracker shows it."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role
from xxgk.orgs.selectors import office_users
from xxgk.workdays.calendar import Deadline


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


@dataclass(frozen=True)
class AnswerDue:
    """When the writer of a case may expect the answer: `days` working days, which run to
    the deadline's date. The case app counts them with its own rule (xxgk.workdays)."""

    days: int
    deadline: Deadline

    @property
    def date(self) -> datetime.date:
        return self.deadline.date

    @property
    def provisional(self) -> bool:
        """The count crosses a year whose holidays are not yet known: the date may move."""
        return self.deadline.is_provisional

    def for_receipt(self) -> dict:
        """What the receipt page shows, in a form the session can hold."""
        return {"days": self.days, "due": self.date.isoformat(), "provisional": self.provisional}


@dataclass(frozen=True)
class PublicStep:
    """One step of a case's timeline as its writer sees it on the tracker: when, what, and
    any due date the step set. Never who took it or the office's note: those stay inside."""

    at: datetime.datetime
    label: str
    due: datetime.date | None = None
