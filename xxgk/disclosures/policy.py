"""The rights over disclosures (and over the site's other pages, as far as they can hide a
disclosure). Wagtail's permission tester (``DisclosurePage.permissions_for_user``), the
page views of ``disclosures.admin_views``, the review's views and services, the API and the
authorization matrix all ask ``disclosure_policy``; docs/security.md lists the rules.

- 先审查、后公开: nobody publishes or unpublishes a disclosure by hand, whatever their rank;
  the review workflow publishes, the office withdraws (撤回, with a reason) and restores (a new
  revision that passes review again, started by the office with a reason).
- A view restriction (password, login, groups) that would hide a disclosure is a withdrawal
  by another name: nobody sets one on a disclosure or on a page above disclosures.
- 谁公开、谁负责: the publishing department's editors (within the catalogue items their
  department answers for) and the office edit, copy, revert and discard drafts.
- Revisions, comparisons, history, unscheduling: the department, the reviewers while the
  disclosure is under review or once they have reviewed it, the office; the supervisor reads
  (never unschedules).
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueIndexPage, CatalogueItemPage
from xxgk.orgs.policy import (
    Action,
    Policy,
    PolicyPagePermissionTester,
    page_grants,
    wagtail_grants,
)
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office, is_reviewer, user_department


def of_own_department(user, page) -> bool:
    """The user is an editor of the department that publishes the disclosure."""
    department = user_department(user)
    return (
        department is not None
        and has_role(user, Role.EDITOR)
        and page.publishing_department_id == department.pk
    )


def is_off_the_portal(page) -> bool:
    """Published once and not live now: withdrawn (or expired). It comes back only through a
    new review that the office starts."""
    return not page.live and page.first_published_at is not None


def reviews(user, page) -> bool:
    """A confidentiality reviewer while the disclosure is under review, or who has decided a
    review of it."""
    if not is_reviewer(user):
        return False
    if page.workflow_in_progress:
        return True
    return TaskState.objects.filter(
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id=str(page.pk),
        finished_by=user,
        status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
    ).exists()


def _editor_or_office(user, page) -> bool:
    return is_office(user) or of_own_department(user, page)


def _may_edit(user, page) -> bool:
    return _editor_or_office(user, page) and page_grants(user, page).can_edit()


def _may_submit(user, page) -> bool:
    """The department or the office sends a draft or a correction to review; a withdrawn
    disclosure goes back only through the office's restoration (whose rejected round the
    department may resubmit)."""
    if not (_may_edit(user, page) and page_grants(user, page).can_submit_for_moderation()):
        return False
    state = page.current_workflow_state
    resubmitting = state is not None and state.status == state.STATUS_NEEDS_CHANGES
    return resubmitting or not is_off_the_portal(page)


def _may_read_history(user, page) -> bool:
    return _editor_or_office(user, page) or has_role(user, Role.SUPERVISOR) or reviews(user, page)


def _may_unschedule(user, page) -> bool:
    return _editor_or_office(user, page) or reviews(user, page)


def _may_delete(user, page) -> bool:
    # Published disclosures are withdrawn, never deleted; drafts may be discarded.
    return (
        _editor_or_office(user, page)
        and page.first_published_at is None
        and not page.live
        and page_grants(user, page).can_delete()
    )


def _may_unlock(user, page) -> bool:
    return is_office(user) or page.locked_by_id == user.pk


def _never(user, page) -> bool:
    return False


disclosure_policy = Policy(
    "disclosures",
    {
        Action.VIEW: _may_read_history,
        Action.EDIT: _may_edit,
        Action.SUBMIT: _may_submit,
        Action.PUBLISH: _never,
        Action.UNPUBLISH: _never,
        Action.WITHDRAW: lambda user, page: is_office(user),
        Action.RESTORE: lambda user, page: (
            is_office(user) and is_off_the_portal(page) and not page.workflow_in_progress
        ),
        Action.RESTRICT: _never,
        Action.UNSCHEDULE: _may_unschedule,
        Action.VIEW_REVISIONS: _may_read_history,
        Action.COMPARE: _may_read_history,
        Action.REVERT: _may_edit,
        Action.LOCK: lambda user, page: is_office(user),
        Action.UNLOCK: _may_unlock,
        # Re-filing a published disclosure would change its public address and item outside
        # the review; the office re-files drafts.
        Action.MOVE: lambda user, page: is_office(user) and page.first_published_at is None,
        Action.COPY: lambda user, page: _may_edit(user, page),
        Action.DELETE: _may_delete,
        Action.ADD_CHILD: _never,
        Action.PUBLISH_CHILD: _never,
        Action.REORDER_CHILDREN: _never,
    },
    {
        Action.EDIT: _("只能修改本部门的公开信息（谁公开、谁负责）。"),
        Action.SUBMIT: _("已撤回的信息须由信息公开办公室填写理由后重新送审。"),
        Action.PUBLISH: _("公开信息只能经保密审查同意后由审查流程发布（先审查、后公开）。"),
        Action.UNPUBLISH: _("公开信息只能由信息公开办公室填写理由后撤回。"),
        Action.WITHDRAW: _("只有信息公开办公室可以撤回已公开的信息。"),
        Action.RESTORE: _("只有信息公开办公室可以对已撤回的信息重新送审。"),
        Action.RESTRICT: _("公开信息不能设置访问限制；隐藏已公开的信息须走撤回程序。"),
        Action.VIEW_REVISIONS: _("您无权查看该信息的版本和历史。"),
        Action.COMPARE: _("您无权比较该信息的版本。"),
        Action.UNSCHEDULE: _("您无权取消该信息的定时发布。"),
        Action.DELETE: _(
            "已公开过的信息只能撤回，不能删除；草稿只能由本部门或信息公开办公室删除。"
        ),
        Action.MOVE: _("只有信息公开办公室可以移动尚未公开过的信息。"),
    },
)


def pages_with_readable_revisions(user):
    """VIEW_REVISIONS as a queryset, for listings and the staff search: the pages whose
    drafts and revisions ``user`` may read (None: every page). Disclosures follow the rule
    above; other pages Wagtail's grants (change or publish)."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    # Imported here: the models import this policy at module level.
    from .models import DisclosurePage

    if not getattr(user, "is_active", False):
        return Page.objects.none()
    if is_office(user) or has_role(user, Role.SUPERVISOR):
        return None
    disclosures = DisclosurePage.objects.values("pk")
    granted = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    readable = Q(pk__in=granted.values("pk")) & ~Q(pk__in=disclosures)
    department = user_department(user)
    if department is not None and has_role(user, Role.EDITOR):
        readable |= Q(pk__in=disclosures.filter(publishing_department=department))
    if is_reviewer(user):
        page_type = ContentType.objects.get_for_model(Page)
        states = WorkflowState.objects.filter(base_content_type=page_type)
        under_review = states.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        reviewed = states.filter(
            task_states__finished_by=user,
            task_states__status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        # Workflow states keep object ids as text (PostgreSQL will not compare text to integer).
        as_text = DisclosurePage.objects.annotate(text_id=Cast("pk", CharField()))
        readable |= Q(
            pk__in=as_text.filter(text_id__in=under_review.values("object_id")).values("pk")
        )
        readable |= Q(pk__in=as_text.filter(text_id__in=reviewed.values("object_id")).values("pk"))
    return Page.objects.filter(readable)


def hides_disclosures(page) -> bool:
    """Would a view restriction on this page hide a disclosure (it is one, or it is the
    catalogue or a page above it)?"""

    # Imported here: the models import this policy at module level.
    from .models import DisclosurePage

    return (
        Page.objects.descendant_of(page, inclusive=True)
        .type(DisclosurePage, CatalogueIndexPage, CatalogueCategoryPage, CatalogueItemPage)
        .exists()
    )


site_page_policy = Policy(
    "site pages",
    {
        Action.EDIT: partial(wagtail_grants, "can_edit"),
        Action.SUBMIT: partial(wagtail_grants, "can_submit_for_moderation"),
        Action.PUBLISH: partial(wagtail_grants, "can_publish"),
        Action.UNPUBLISH: partial(wagtail_grants, "can_unpublish"),
        # The office may restrict the site's other pages, never one above disclosures.
        Action.RESTRICT: lambda user, page: (
            is_office(user)
            and page_grants(user, page).can_set_view_restrictions()
            and not hides_disclosures(page)
        ),
        Action.UNSCHEDULE: partial(wagtail_grants, "can_unschedule"),
        Action.VIEW_REVISIONS: partial(wagtail_grants, "can_view_revisions"),
        Action.LOCK: partial(wagtail_grants, "can_lock"),
        Action.UNLOCK: partial(wagtail_grants, "can_unlock"),
        Action.MOVE: partial(wagtail_grants, "can_move"),
        Action.COPY: partial(wagtail_grants, "can_copy"),
        Action.DELETE: partial(wagtail_grants, "can_delete"),
        Action.ADD_CHILD: partial(wagtail_grants, "can_add_subpage"),
        Action.PUBLISH_CHILD: partial(wagtail_grants, "can_publish_subpage"),
        Action.REORDER_CHILDREN: partial(wagtail_grants, "can_reorder_children"),
    },
    {Action.RESTRICT: _("该页面之下有公开信息，不能设置访问限制。")},
)


class SitePagePermissions:
    """Mixin for the site's other page types (home, text pages, the reports index): Wagtail's
    tester answers from ``site_page_policy``."""

    def permissions_for_user(self, user):
        return PolicyPagePermissionTester(user, self, site_page_policy)
