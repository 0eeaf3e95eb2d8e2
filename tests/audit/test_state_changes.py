"""State changes and sign-ins reach the audit log whichever path made them."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import TEST_PASSWORD, StaffFactory, published_disclosure
from xxgk.audit.models import AuditEvent
from xxgk.disclosures.models import DisclosurePage
from xxgk.orgs.roles import Role

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def test_sign_in_sign_out_and_failure_are_recorded_with_address(client, editor_a):
    client.post(
        LOGIN, {"username": "editor_a", "password": "wrong-password"}, REMOTE_ADDR="192.0.2.4"
    )
    failed = AuditEvent.objects.get(action="auth.login.failed")
    assert failed.actor is None
    assert failed.detail == {"username": "editor_a"}
    assert failed.ip_address == "192.0.2.4"
    assert "wrong-password" not in str(failed.detail)

    client.post(LOGIN, {"username": "editor_a", "password": TEST_PASSWORD}, REMOTE_ADDR="192.0.2.4")
    login = AuditEvent.objects.get(action="auth.login")
    assert (login.actor, login.ip_address, login.path) == (editor_a, "192.0.2.4", LOGIN)

    client.post("/admin/logout/", REMOTE_ADDR="192.0.2.4")
    assert AuditEvent.objects.filter(action="auth.logout", actor=editor_a).exists()


def test_publication_through_review_is_mirrored_from_wagtail(item_a, dept_a, editor_a):
    page = published_disclosure(item=item_a, department=dept_a, author=editor_a)
    published = AuditEvent.objects.get(action="wagtail.publish", target_pk=str(page.pk))
    assert published.target_repr == page.title
    assert published.target_content_type.model_class() is DisclosurePage
    assert "wagtail_log_id" in published.detail
    events = AuditEvent.objects.filter(target_pk=str(page.pk))
    actions = set(events.values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.workflow.start", "wagtail.publish"} <= actions


def test_role_and_permission_changes_are_recorded(dept_a):
    user = StaffFactory(username="newcomer", roles=[Role.EDITOR], department=dept_a)
    assert AuditEvent.objects.filter(action="auth.user.created", target_pk=str(user.pk)).exists()
    grant = AuditEvent.objects.filter(action="auth.user.groups_changed", target_pk=str(user.pk))
    assert any("部门信息员" in name for event in grant for name in event.detail["added"])

    office_group = Group.objects.get(name="信息公开办公室")
    office_group.user_set.add(user)  # from the other side of the relation
    event = AuditEvent.objects.filter(action="auth.user.groups_changed").latest("id")
    assert (event.target_pk, event.detail) == (str(user.pk), {"added": ["信息公开办公室"]})

    user.groups.remove(office_group)
    event = AuditEvent.objects.filter(action="auth.user.groups_changed").latest("id")
    assert event.detail == {"removed": ["信息公开办公室"]}


def test_catalogue_responsibility_grants_are_recorded(item_a, dept_a):
    granted = AuditEvent.objects.filter(action="auth.group.object_permission_granted")
    assert granted.filter(detail__page_id=item_a.pk).exists()


def test_a_sign_in_does_not_record_a_user_change(client, editor_a):
    before = AuditEvent.objects.filter(action="auth.user.changed").count()
    client.post(LOGIN, {"username": "editor_a", "password": TEST_PASSWORD})
    assert AuditEvent.objects.filter(action="auth.user.changed").count() == before
