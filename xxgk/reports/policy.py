"""The rights over the annual report desk: the office generates, edits, imports the records
the report counts and submits the report to the review (which publishes it); supervisors
and leaders read the desk, the drafts, their history and every figure, and download them."""

from django.utils.translation import gettext_lazy as _

from xxgk.orgs.policy import Action, Policy
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office


def _reads_the_desk(user, obj=None) -> bool:
    return is_office(user) or has_role(user, Role.SUPERVISOR) or has_role(user, Role.LEADER)


report_policy = Policy(
    "reports",
    {
        Action.VIEW: _reads_the_desk,
        Action.EXPORT: _reads_the_desk,
        Action.EDIT: lambda user, obj=None: is_office(user),
        Action.SUBMIT: lambda user, obj=None: is_office(user),
    },
    {
        Action.VIEW: _("只有信息公开办公室、监督人员和校领导可以查看年度报告工作台。"),
        Action.EXPORT: _("只有信息公开办公室、监督人员和校领导可以下载年度报告草稿。"),
        Action.EDIT: _("只有信息公开办公室可以管理年度报告。"),
        Action.SUBMIT: _("只有信息公开办公室可以提交年度报告。"),
    },
)
