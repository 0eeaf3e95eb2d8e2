"""A withdrawn disclosure comes back only as a new revision that passes review again, started
by the office with a reason; withdrawal and restoration both appear in the disclosure's
history (Wagtail's log) and in the audit log (issue 17, rule 2)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from tests.factories import published_disclosure
from tests.review.conftest import approve_kwargs
from xxgk.audit.models import AuditEvent
from xxgk.disclosures.models import DisclosurePage
from xxgk.review.selectors import Status, disclosure_status
from xxgk.review.services import (
    PublishRefused,
    decide_review,
    restore_disclosure,
    submit_for_review,
    withdraw_disclosure,
)

pytestmark = pytest.mark.django_db


def fresh(page):
    return DisclosurePage.objects.get(pk=page.pk)


@pytest.fixture
def withdrawn(office, editor_b, dept_b, item_b):
    """Department B's disclosure, withdrawn by the office (whose department is A)."""
    page = published_disclosure(item=item_b, department=dept_b, author=editor_b)
    withdraw_disclosure(page, user=office, reason="含有未脱敏的个人信息。")
    return fresh(page)


def test_the_reviewed_revision_cannot_simply_go_live_again(withdrawn, office, admin_user):
    revision = withdrawn.get_latest_revision()
    for user in (office, admin_user):
        with pytest.raises(PermissionDenied):
            revision.publish(user=user)
        with pytest.raises(PublishRefused):
            revision.publish(user=user, skip_permission_checks=True)
    assert not fresh(withdrawn).live


def test_only_the_office_restores_and_only_with_a_reason(withdrawn, editor_b, reviewer, office):
    for user in (editor_b, reviewer):
        with pytest.raises(PermissionDenied):
            restore_disclosure(withdrawn, user=user, reason="请恢复")
    with pytest.raises(ValidationError):
        restore_disclosure(withdrawn, user=office, reason="  ")
    # The department cannot send it back to review on its own either.
    with pytest.raises(PermissionDenied):
        submit_for_review(withdrawn, user=editor_b)
    assert fresh(withdrawn).current_workflow_state is None
    assert disclosure_status(fresh(withdrawn)) == Status.WITHDRAWN


def test_restoration_is_a_new_revision_through_review(withdrawn, office, reviewer):
    before = withdrawn.latest_revision_id
    state = restore_disclosure(withdrawn, user=office, reason="个人信息已删除，重新公开。")
    page = fresh(withdrawn)
    assert page.latest_revision_id != before and page.latest_revision.user == office
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not page.live
    assert disclosure_status(page) == Status.IN_REVIEW
    state.refresh_from_db()
    decide_review(state.current_task_state, user=reviewer, **approve_kwargs())
    page = fresh(withdrawn)
    assert page.live and page.live_revision_id == page.latest_revision_id
    # Both events, in the disclosure's history and in the audit log, with who and why.
    for action, user, reason in (
        ("xxgk_review.withdraw", office, "含有未脱敏的个人信息。"),
        ("xxgk_review.restore", office, "个人信息已删除，重新公开。"),
    ):
        entry = PageLogEntry.objects.get(page=page, action=action)
        assert entry.user == user and entry.data["comment"] == reason
        mirrored = AuditEvent.objects.get(action=action, target_pk=str(page.pk))
        assert mirrored.actor == user and mirrored.detail["data"]["comment"] == reason


def test_a_rejected_restoration_goes_back_to_the_department(withdrawn, office, editor_b, reviewer):
    state = restore_disclosure(withdrawn, user=office, reason="更正后重新公开。")
    state.refresh_from_db()
    decide_review(
        state.current_task_state,
        user=reviewer,
        **approve_kwargs(decision="rejected", opinion="仍有手机号"),
    )
    assert disclosure_status(fresh(withdrawn)) == Status.REJECTED
    # The department corrects and resubmits within the office's restoration.
    page = fresh(withdrawn)
    page.body = "<p>已删除手机号。</p>"
    page.save_revision(user=editor_b)
    submit_for_review(fresh(withdrawn), user=editor_b)
    assert disclosure_status(fresh(withdrawn)) == Status.IN_REVIEW


def test_restore_view(client, withdrawn, office, editor_b):
    url = reverse("review:restore", args=[withdrawn.pk])
    client.force_login(editor_b)
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "恢复"}).status_code == 403
    assert fresh(withdrawn).current_workflow_state is None
    client.force_login(office)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[withdrawn.pk])).content.decode()
    assert url in edit  # offered in the editor's action menu
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "更正后重新公开。"})
    assert response.status_code == 302
    assert disclosure_status(fresh(withdrawn)) == Status.IN_REVIEW
