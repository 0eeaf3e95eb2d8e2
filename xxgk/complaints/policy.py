"""The rights over complaints about disclosure work (举报).

The office handles them; supervisors read every complaint with the complainant's details
masked and change nothing. The complainant's name and contacts are for the office, and
every time they are shown the audit log records it (``xxgk.security.personal_data``).
"""

from django.utils.translation import gettext_lazy as _

from xxgk.orgs.policy import Action, Policy
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office

complaint_policy = Policy(
    "complaints",
    {
        Action.VIEW: lambda user, complaint=None: (
            is_office(user) or has_role(user, Role.SUPERVISOR)
        ),
        Action.HANDLE: lambda user, complaint=None: is_office(user),
        Action.READ_PERSONAL_DATA: lambda user, complaint=None: is_office(user),
    },
    {
        Action.VIEW: _("只有信息公开办公室和监督人员可以查看举报。"),
        Action.HANDLE: _("只有信息公开办公室可以办理举报。"),
    },
)
