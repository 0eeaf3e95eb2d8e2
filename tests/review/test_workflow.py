"""先审查、后公开: the workflow, the three Wagtail holes, and every publish path."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupApprovalTask, TaskState, Workflow, WorkflowPage, WorkflowState

from tests.factories import StaffFactory, published_disclosure, review_through
from tests.review.conftest import approve_kwargs
from xxgk.disclosures.models import DisclosurePage
from xxgk.orgs.roles import Role
from xxgk.review.models import (
    ConfidentialityReviewTask,
    DepartmentHead,
    DepartmentHeadTask,
    ReviewRecord,
)
from xxgk.review.selectors import Status, disclosure_status
from xxgk.review.services import PublishRefused, decide_review, submit_for_review

pytestmark = pytest.mark.django_db


def fresh(page):
    return DisclosurePage.objects.get(pk=page.pk)


def test_submit_then_approve_publishes_with_a_record(in_review, draft, reviewer):
    assert isinstance(in_review.task.specific, ConfidentialityReviewTask)
    assert disclosure_status(fresh(draft)) == Status.IN_REVIEW
    record = decide_review(in_review, user=reviewer, **approve_kwargs())
    page = fresh(draft)
    assert page.live and page.index_number
    assert record.revision_id == page.live_revision_id
    assert record.reviewer == reviewer and record.decided_at
    assert [answer for _, answer in record.checklist()] == [False] * 5
    assert record.basis and record.opinion and record.get_decision_display() == "同意公开"


def test_reject_then_resubmit_starts_a_new_review(in_review, draft, editor_a, reviewer):
    decide_review(
        in_review,
        user=reviewer,
        **approve_kwargs(decision="rejected", opinion="附件含学生身份证号"),
    )
    page = fresh(draft)
    assert not page.live
    assert disclosure_status(page) == Status.REJECTED
    page.body = "<p>已删除个人信息。</p>"
    page.save_revision(user=editor_a)
    state = submit_for_review(page, user=editor_a)
    state.refresh_from_db()
    new_task_state = state.current_task_state
    assert new_task_state.pk != in_review.pk
    assert new_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert new_task_state.revision_id == fresh(draft).latest_revision_id
    decide_review(new_task_state, user=reviewer, **approve_kwargs())
    assert fresh(draft).live
    assert ReviewRecord.objects.filter(page=draft).count() == 2


# --- Hole 1: approving one's own submission; the superuser shortcut -----------------------------


def test_reviewer_cannot_approve_own_submission(dept_a, item_a, office):
    both = StaffFactory(username="both", roles=[Role.REVIEWER, Role.OFFICE], department=dept_a)
    page = published_disclosure(item=item_a, department=dept_a, author=office)
    page.title = "自己提交"
    page.save_revision(user=both)
    state = submit_for_review(page, user=both)
    state.refresh_from_db()
    with pytest.raises(PermissionDenied, match="^不能审查自己提交或修改的内容。$"):
        decide_review(state.current_task_state, user=both, **approve_kwargs())
    assert not ReviewRecord.objects.filter(reviewer=both).exists()
    assert fresh(page).title != "自己提交"


def test_superuser_is_not_a_reviewer(in_review, admin_user, draft):
    with pytest.raises(PermissionDenied, match="^只有保密审查员可以进行保密审查。$"):
        decide_review(in_review, user=admin_user, **approve_kwargs())
    assert not fresh(draft).live


def test_wagtail_one_click_approve_is_closed(in_review, reviewer, draft):
    task = in_review.task.specific
    assert task.get_actions(draft, reviewer) == []
    with pytest.raises(PermissionDenied):
        task.on_action(in_review, reviewer, "approve")
    assert not fresh(draft).live


def test_group_approval_workflow_on_an_item_does_not_replace_review(draft, item_a, reviewer):
    moderators = Workflow.objects.create(name="组审批")
    task = GroupApprovalTask.objects.create(name="组审批")
    moderators.workflow_tasks.create(task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=moderators, page=item_a)
    workflow = fresh(draft).get_workflow()
    assert workflow != moderators
    assert isinstance(workflow.tasks.first().specific, ConfidentialityReviewTask)


# --- Hole 2: publishing past the review -----------------------------------------------------------


def test_publishing_by_hand_refused_even_for_office_and_superuser(draft, office, admin_user):
    for user in (office, admin_user):
        with pytest.raises(PermissionDenied):
            draft.get_latest_revision().publish(user=user)
        # Without the permission check (as scripts may call it), the review gate still holds.
        with pytest.raises(PublishRefused):
            draft.get_latest_revision().publish(user=user, skip_permission_checks=True)
    assert not fresh(draft).live


def test_revision_publish_refused_even_for_superuser(draft, admin_user):
    with pytest.raises(PermissionDenied):
        draft.get_latest_revision().publish(user=admin_user)
    with pytest.raises(PermissionDenied):
        draft.get_latest_revision().publish()  # no user: commands, scripts
    assert not fresh(draft).live


def test_publish_during_review_refused(in_review, draft, office):
    with pytest.raises(PermissionDenied):
        draft.get_latest_revision().publish(user=office)
    assert not fresh(draft).live
    assert not draft.permissions_for_user(office).can_publish()


def test_orm_save_live_refused(draft):
    page = fresh(draft)
    page.live = True
    page.live_revision = page.get_latest_revision()
    with pytest.raises(PermissionDenied):
        page.save()
    assert not fresh(draft).live


def test_copy_of_published_disclosure_is_a_draft(office, dept_a, item_a):
    page = published_disclosure(item=item_a, department=dept_a, author=office)
    copy = page.copy(update_attrs={"slug": "copy-live", "title": "副本"}, keep_live=True)
    assert not fresh(copy).live


def test_scheduled_publishing_refuses_unreviewed_revision(draft):
    revision = draft.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    with pytest.raises(PermissionDenied):
        call_command("publish_scheduled")
    assert not fresh(draft).live


def test_head_step_pending_blocks_publish(in_review, draft, reviewer, office, dept_a):
    DepartmentHead.objects.create(department=dept_a, user=office, required=True)
    # The head requirement applies to workflows started from now on.
    state = fresh(draft).current_workflow_state
    state.cancel(user=office)
    page = fresh(draft)
    state = submit_for_review(page, user=page.owner)
    state.refresh_from_db()
    decide_review(state.current_task_state, user=reviewer, **approve_kwargs())
    state.refresh_from_db()
    assert isinstance(state.current_task_state.task.specific, DepartmentHeadTask)
    assert not fresh(draft).live
    with pytest.raises(PermissionDenied):
        draft.get_latest_revision().publish(user=office, skip_permission_checks=True)
    with pytest.raises(PermissionDenied, match="^只有发布部门负责人可以进行部门负责人审核。$"):
        decide_review(state.current_task_state, user=reviewer, decision="approved", opinion="同意")
    decide_review(state.current_task_state, user=office, decision="approved", opinion="同意")
    assert fresh(draft).live


# --- Hole 3: edits during review ---


def test_reapproval_setting_is_on(settings):
    assert settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT is True


def test_edit_during_review_restarts_review(in_review, draft, editor_a, reviewer):
    page = fresh(draft)
    page.body = "<p>审查期间修改的内容。</p>"
    new_revision = page.save_revision(user=editor_a)
    in_review.refresh_from_db()
    assert in_review.status == TaskState.STATUS_CANCELLED
    with pytest.raises(PermissionDenied, match="^该审查已经结束，不能重复作出决定。$"):
        decide_review(in_review, user=reviewer, **approve_kwargs())
    current = fresh(draft).current_workflow_state.current_task_state
    assert current.revision_id == new_revision.pk
    decide_review(current, user=reviewer, **approve_kwargs())
    assert "审查期间修改的内容" in fresh(draft).body


# --- Scheduling, expiry, corrections ---


def test_scheduled_publishing_after_approval(draft, editor_a, reviewer):
    page = fresh(draft)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision(user=editor_a)
    review_through(page, submitter=editor_a, reviewer=reviewer)
    page = fresh(draft)
    assert not page.live
    assert disclosure_status(page) == Status.SCHEDULED
    # The day comes: move the approved revision's time into the past.
    past = timezone.now() - datetime.timedelta(seconds=1)
    revision = page.revisions.get(approved_go_live_at__isnull=False)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    assert fresh(draft).live


def test_expiry_unpublishes(draft, editor_a):
    page = fresh(draft)
    page.expire_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision(user=editor_a)
    review_through(page, submitter=editor_a)
    page = fresh(page)
    assert page.live and page.expire_at
    DisclosurePage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("publish_scheduled")
    page = fresh(page)
    assert not page.live and page.expired


def test_correction_keeps_public_version_until_approved(client, office, dept_a, item_a, editor_a):
    page = published_disclosure(item=item_a, department=dept_a, author=office, title="原标题")
    draft = fresh(page)
    draft.title = "更正后的标题"
    draft.save_revision(user=editor_a)
    state = submit_for_review(draft, user=editor_a)
    assert "原标题" in client.get(page.url).content.decode()
    assert fresh(page).title == "原标题"
    state.refresh_from_db()
    review_record = decide_review(
        state.current_task_state, user=StaffFactory(roles=[Role.REVIEWER]), **approve_kwargs()
    )
    assert review_record.title == "更正后的标题"
    assert "更正后的标题" in client.get(fresh(page).url).content.decode()


# --- Bad input ----------------------------------------------------------------------------------


def test_approve_without_full_checklist_changes_nothing(in_review, draft, reviewer):
    partial = approve_kwargs(checklist={"state_secret": False})
    with pytest.raises(ValidationError) as excinfo:
        decide_review(in_review, user=reviewer, **partial)
    assert "请逐项回答" in str(excinfo.value)
    in_review.refresh_from_db()
    assert in_review.status == TaskState.STATUS_IN_PROGRESS
    assert not ReviewRecord.objects.exists() and not fresh(draft).live


def test_approve_with_a_yes_answer_refused(in_review, reviewer):
    answers = approve_kwargs()
    answers["checklist"]["personal_privacy"] = True
    with pytest.raises(ValidationError, match="不能同意公开"):
        decide_review(in_review, user=reviewer, **answers)


def test_reject_needs_a_reason(in_review, reviewer):
    with pytest.raises(ValidationError, match="退回原因"):
        decide_review(in_review, user=reviewer, **approve_kwargs(decision="rejected", opinion=" "))


def test_submit_without_content_refused(editor_a, dept_a, item_a):
    from xxgk.disclosures.services import create_disclosure

    empty = create_disclosure(user=editor_a, item=item_a, title="空", publishing_department=dept_a)
    with pytest.raises(ValidationError, match="正文或上传附件"):
        submit_for_review(empty, user=editor_a)
    assert not WorkflowState.objects.exists()


def test_submit_twice_refused(in_review, draft, editor_a):
    with pytest.raises(ValidationError, match="已在审查中"):
        submit_for_review(draft, user=editor_a)


def test_other_department_cannot_submit(draft, editor_b, item_b):
    with pytest.raises(PermissionDenied):
        submit_for_review(draft, user=editor_b)
    assert not WorkflowState.objects.exists()


def test_editor_cannot_review(in_review, editor_b, draft):
    with pytest.raises(PermissionDenied):
        decide_review(in_review, user=editor_b, **approve_kwargs())
    assert not fresh(draft).live


def test_a_step_outside_the_confidentiality_review_is_nobodys_to_decide_here(
    draft, editor_a, reviewer, office
):
    """A task another workflow adds (here Wagtail's group approval) is not decided through
    the review desk, whoever asks."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    from xxgk.review.policy import refusal_reason

    task = GroupApprovalTask.objects.create(name="其他审批环节")
    workflow = Workflow.objects.create(name="其他流程")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    state = workflow.start(fresh(draft), editor_a)
    for user in (reviewer, office):
        assert refusal_reason(state.current_task_state, user) == "该环节不属于保密审查流程。"
