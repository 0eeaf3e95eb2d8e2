"""The rights over letters to the leaders' mailboxes.

The office triages, assigns, approves and publishes; the department a letter is assigned to
drafts the answer and reads the letters that are or were its own; supervisors read every
letter with the writer's details masked and change nothing; leaders see the statistics.
Writers' names and contacts are for the office that answers them, and every time they are
shown or exported the audit log records it (``xxgk.security.personal_data``).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from xxgk.orgs.policy import Action, Policy
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office, user_department

from .models import LetterStatus


def reads_every_letter(user) -> bool:
    return is_office(user) or has_role(user, Role.SUPERVISOR)


def _in_department(user, letter) -> bool:
    department = user_department(user)
    if department is None:
        return False
    return (
        letter.department_id == department.pk
        or letter.events.filter(department=department).exists()
    )


def _may_view(user, letter=None) -> bool:
    """One letter, or (without one) the letter list."""
    if reads_every_letter(user):
        return True
    if letter is None:
        return user_department(user) is not None
    return _in_department(user, letter)


def _may_draft(user, letter) -> bool:
    if letter.status not in (LetterStatus.ASSIGNED, LetterStatus.DRAFTED):
        return False
    department = user_department(user)
    return is_office(user) or (department is not None and department.pk == letter.department_id)


def letters_visible_to(user, letters):
    """VIEW as a filter on a queryset of letters."""
    if reads_every_letter(user):
        return letters
    department = user_department(user)
    if department is None:
        return letters.none()
    return letters.filter(Q(department=department) | Q(events__department=department)).distinct()


letter_policy = Policy(
    "mailbox",
    {
        Action.VIEW: _may_view,
        # Triage, assignment, merging, closing, approval, returns and publication.
        Action.HANDLE: lambda user, letter=None: is_office(user),
        # Drafting (or revising) the answer.
        Action.EDIT: _may_draft,
        Action.READ_PERSONAL_DATA: lambda user, letter=None: is_office(user),
        Action.EXPORT: lambda user, obj=None: is_office(user),
        Action.VIEW_STATISTICS: lambda user, obj=None: (
            reads_every_letter(user) or has_role(user, Role.LEADER)
        ),
    },
    {
        Action.VIEW: _("您没有处理来信的权限。"),
        Action.HANDLE: _("您不能对该来信执行此操作，或来信状态已变化。"),
        Action.EDIT: _("只有来信所分办的部门和信息公开办公室可以起草答复。"),
        Action.READ_PERSONAL_DATA: _("来信人个人信息只有信息公开办公室可以查看。"),
        Action.EXPORT: _("只有信息公开办公室可以导出来信人个人信息。"),
        Action.VIEW_STATISTICS: _("只有信息公开办公室、监督人员和校领导可以查看来信统计。"),
    },
)
