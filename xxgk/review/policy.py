"""The rights of the review: who decides a step (一事一审, never one's own submission), who
works the queue, who reads the site-wide review log. What a person may read of one
disclosure's review (its records, scans, history) follows the disclosure's history rule,
``disclosure_policy``'s VIEW_REVISIONS.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState

from xxgk.disclosures.policy import disclosure_policy
from xxgk.orgs.policy import Action, Policy
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office, is_reviewer

from .models import ConfidentialityReviewTask, DepartmentHead, DepartmentHeadTask
from .selectors import is_head_for


def _submitted_by_user(task_state, user) -> bool:
    revision = task_state.revision
    return user.pk in {task_state.workflow_state.requested_by_id, revision.user_id}


def refusal_reason(task_state, user) -> str | None:
    """Why this user may not decide this task state (None: they may)."""
    task_state = task_state.specific
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        return _("该审查已经结束，不能重复作出决定。")
    task = task_state.task.specific
    if _submitted_by_user(task_state, user):
        return _("不能审查自己提交或修改的内容。")
    if isinstance(task, ConfidentialityReviewTask):
        if not is_reviewer(user):
            return _("只有保密审查员可以进行保密审查。")
        return None
    if isinstance(task, DepartmentHeadTask):
        if not is_head_for(user, task_state.workflow_state.content_object):
            return _("只有发布部门负责人可以进行部门负责人审核。")
        return None
    return _("该环节不属于保密审查流程。")


def may_read_review_of(user, page) -> bool:
    """A disclosure's review records, scans and transitions are part of its history."""
    return page is not None and disclosure_policy.allows(user, Action.VIEW_REVISIONS, page)


def may_see_scan_crop(user, crop) -> bool:
    """A crop shows an unmasked personal value: only to those who may read the review of
    the disclosure it was found in (never to the public, never by a plain URL)."""
    return bool(getattr(user, "is_authenticated", False)) and may_read_review_of(
        user, crop.attachment.report.page
    )


def _may_use_queue(user, obj=None) -> bool:
    return (
        is_reviewer(user)
        or has_role(user, Role.OFFICE)
        or DepartmentHead.objects.filter(user=user).exists()
    )


review_policy = Policy(
    "review",
    {
        Action.DECIDE: lambda user, task_state: refusal_reason(task_state, user) is None,
        Action.HANDLE: _may_use_queue,
        # The site-wide log of every disclosure's transitions: the office and supervision.
        Action.VIEW: lambda user, obj=None: is_office(user) or has_role(user, Role.SUPERVISOR),
    },
    {
        Action.HANDLE: _("只有保密审查员、部门负责人和信息公开办公室可以查看审查队列。"),
        Action.VIEW: _("只有信息公开办公室和监督人员可以查看审查日志。"),
    },
)
