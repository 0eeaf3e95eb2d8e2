"""The rights over applications for disclosure (依申请公开).

The office's case workers (``requests.handle_application``) see and handle every case; a
member of staff the office assigned a case to handles that case. Supervisors read every case
and the figures, with the applicant's personal data masked, and change nothing; leaders see
the figures. Personal data in full is for the case's handler and for holders of
``requests.view_personal_data`` (the office), and every time it is shown or exported the
audit log records it (``xxgk.security.personal_data``).
"""

from django.utils.translation import gettext_lazy as _

from xxgk.orgs.policy import Action, Policy
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role


def is_caseworker(user) -> bool:
    return user.has_perm("requests.handle_application")


def _handles(user, application) -> bool:
    return application is not None and application.handler_id == user.pk


def _may_view(user, application=None) -> bool:
    """One case, or (without one) the case list."""
    if is_caseworker(user) or has_role(user, Role.SUPERVISOR):
        return True
    if application is None:
        return user.handled_applications.exists()
    return _handles(user, application)


def _may_handle(user, application=None) -> bool:
    return is_caseworker(user) or _handles(user, application)


def _may_read_personal_data(user, application=None) -> bool:
    return _handles(user, application) or user.has_perm("requests.view_personal_data")


def applications_visible_to(user, queryset):
    """VIEW as a filter on a queryset of applications."""
    if is_caseworker(user) or has_role(user, Role.SUPERVISOR):
        return queryset
    return queryset.filter(handler=user)


request_policy = Policy(
    "requests",
    {
        Action.VIEW: _may_view,
        # The steps of a case (accept, answer, fees …): its handler and the case workers.
        Action.HANDLE: _may_handle,
        # Registering, assigning, withdrawing and archiving cases: the case workers.
        Action.EDIT: lambda user, application=None: is_caseworker(user),
        Action.DECIDE: lambda user, obj=None: user.has_perm("requests.approve_extension"),
        Action.READ_PERSONAL_DATA: _may_read_personal_data,
        Action.EXPORT: lambda user, obj=None: (
            is_caseworker(user) and user.has_perm("requests.view_personal_data")
        ),
        Action.VIEW_STATISTICS: lambda user, obj=None: (
            is_caseworker(user) or has_role(user, Role.SUPERVISOR) or has_role(user, Role.LEADER)
        ),
    },
    {
        Action.VIEW: _("您只能查看分配给您承办的申请。"),
        Action.HANDLE: _("只有信息公开办公室的承办人员和该申请的承办人可以办理。"),
        Action.EDIT: _("只有信息公开办公室的承办人员可以登记、分办、撤回和归档申请。"),
        Action.DECIDE: _("延期答复须经信息公开办公室负责人批准。"),
        Action.READ_PERSONAL_DATA: _("申请人提交的材料可能含有个人信息，您无权查看。"),
        Action.EXPORT: _("只有信息公开办公室可以导出申请人个人信息。"),
        Action.VIEW_STATISTICS: _("只有信息公开办公室、监督人员和校领导可以查看依申请公开统计。"),
    },
)
