"""The rights over supervision (督查): the dashboard and its exports for the office,
supervisors and leaders (``supervision.view_dashboard``); a department's own page also for
its editors; reminders are automatic and the office records how it handled a lapse;
departments' editors and the office declare formed-but-unpublished information
(``PendingInformation``) of their own department and withdraw their own declarations.
"""

from django.utils.translation import gettext_lazy as _

from xxgk.orgs.policy import Action, Policy
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office, user_department


def _may_view_dashboard(user, obj=None) -> bool:
    return is_office(user) or user.has_perm("supervision.view_dashboard")


def _may_view_department(user, department) -> bool:
    if _may_view_dashboard(user):
        return True
    own = user_department(user)
    return has_role(user, Role.EDITOR) and own is not None and own.pk == department.pk


def _may_declare(user, record=None) -> bool:
    """Declare pending information (no record yet) or withdraw one's department's record."""
    if is_office(user):
        return True
    if record is None:
        return has_role(user, Role.EDITOR)
    own = user_department(user)
    return own is not None and own.pk == record.department_id


supervision_policy = Policy(
    "supervision",
    {
        Action.VIEW_STATISTICS: _may_view_dashboard,
        Action.EXPORT: _may_view_dashboard,
        Action.VIEW: _may_view_department,
        Action.HANDLE: lambda user, department=None: is_office(user),
        Action.EDIT: _may_declare,
    },
    {
        Action.VIEW_STATISTICS: _("只有信息公开办公室、监督人员和校领导可以查看监督看板。"),
        Action.EXPORT: _("只有信息公开办公室、监督人员和校领导可以导出监督数据。"),
        Action.VIEW: _("只能查看本部门的信息公开义务。"),
        Action.HANDLE: _("只有信息公开办公室可以记录处理情况。"),
        Action.EDIT: _(
            "只有部门信息员和信息公开办公室可以登记待公开信息，且只能撤销本部门的登记。"
        ),
    },
)
