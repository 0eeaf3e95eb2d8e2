"""The rights over the public's evaluation (helpful votes, satisfaction surveys): the office,
supervisors and leaders read the figures and the survey results; the office sets surveys up
(Wagtail snippet permissions, ``orgs.roles``)."""

from django.utils.translation import gettext_lazy as _

from xxgk.orgs.policy import Action, Policy
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office

evaluation_policy = Policy(
    "evaluation",
    {
        Action.VIEW_STATISTICS: lambda user, obj=None: (
            is_office(user) or has_role(user, Role.SUPERVISOR) or has_role(user, Role.LEADER)
        ),
    },
    {Action.VIEW_STATISTICS: _("只有信息公开办公室、监督人员和校领导可以查看评议结果。")},
)
