"""The rights over the audit log: read and exported by holders of ``audit.view_auditevent``
(the office and supervisors); nobody writes to it but ``services.record_event``, and nobody
holds add, change or delete on it (database triggers refuse them too)."""

from django.utils.translation import gettext_lazy as _

from xxgk.orgs.policy import Action, Policy

PERMISSION = "audit.view_auditevent"

audit_policy = Policy(
    "audit",
    {
        Action.VIEW: lambda user, obj=None: user.has_perm(PERMISSION),
        Action.EXPORT: lambda user, obj=None: user.has_perm(PERMISSION),
    },
    {
        Action.VIEW: _("只有信息公开办公室和监督人员可以查看审计日志。"),
        Action.EXPORT: _("只有信息公开办公室和监督人员可以导出审计日志。"),
    },
)
