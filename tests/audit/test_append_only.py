"""The audit log only grows: the model, its queryset and the database itself refuse changes."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from xxgk.audit.models import AuditEvent, AuditLogImmutable
from xxgk.audit.services import record_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(editor_a, dept_a):
    request = RequestFactory().get(
        "/admin/requests/5/", REMOTE_ADDR="10.0.0.7", HTTP_USER_AGENT="Firefox/140"
    )
    request.user = editor_a
    return record_event(
        "requests.application.viewed", target=dept_a, request=request, detail={"tab": "letters"}
    )


def test_record_event_keeps_who_what_where(event, editor_a, dept_a):
    event.refresh_from_db()
    assert event.actor == editor_a
    assert event.actor_repr == "editor_a"
    assert event.target_content_type.model_class() is type(dept_a)
    assert event.target_pk == str(dept_a.pk)
    assert event.target_repr == str(dept_a)
    assert (event.ip_address, event.user_agent, event.path) == (
        "10.0.0.7",
        "Firefox/140",
        "/admin/requests/5/",
    )
    assert event.detail == {"tab": "letters"}


def test_forwarded_for_is_believed_only_behind_a_trusted_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    settings.XXGK_TRUST_X_FORWARDED_FOR = False
    assert record_event("test.event", request=request).ip_address == "127.0.0.1"
    settings.XXGK_TRUST_X_FORWARDED_FOR = True
    # The last hop is the one our proxy appended; the first is the client's own claim.
    assert record_event("test.event", request=request).ip_address == "203.0.113.9"


def test_model_refuses_save_and_delete(event):
    event.action = "forged"
    with pytest.raises(AuditLogImmutable):
        event.save()
    with pytest.raises(AuditLogImmutable):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "requests.application.viewed"


def test_queryset_refuses_update_and_delete(event):
    count = AuditEvent.objects.count()
    with pytest.raises(AuditLogImmutable):
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    with pytest.raises(AuditLogImmutable):
        AuditEvent.objects.all().delete()
    with pytest.raises(AuditLogImmutable):
        AuditEvent.objects.bulk_update([event], ["action"])
    assert AuditEvent.objects.count() == count


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET action = 'forged'",
        "DELETE FROM audit_auditevent",
    ],
)
def test_database_trigger_refuses_raw_sql(event, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEvent.objects.get(pk=event.pk).action == "requests.application.viewed"


def test_deleting_the_actor_leaves_the_record(event, editor_a):
    editor_a.delete()
    event = AuditEvent.objects.get(pk=event.pk)
    assert event.actor_repr == "editor_a"


@pytest.mark.django_db(transaction=True)
def test_whole_database_flush_still_works(editor_a):
    """Test teardown and restores flush every table; the SQLite trigger lets only that through."""
    from django.core.management import call_command

    record_event("auth.login", actor=editor_a)
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert AuditEvent.objects.count() == 0
    assert connection.vendor != "sqlite" or _sqlite_trigger_names() == {
        "audit_auditevent_no_update",
        "audit_auditevent_no_delete",
    }


def _sqlite_trigger_names():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            ["audit_auditevent"],
        )
        return {row[0] for row in cursor.fetchall()}
