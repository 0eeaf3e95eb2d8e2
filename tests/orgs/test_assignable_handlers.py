"""Who a request or a letter may be assigned to (issue 20 point 6).

One query (``xxgk.orgs.selectors.assignable_handlers``) serves both assignment forms and
both services: the handlers of the chosen department (its 信息员, the office's staff), never
a leader, a reviewer or a supervisor, shown as "姓名（部门）" and never by login name. A
handler of another department is refused by the form with a Chinese error and by the
service, and nothing is saved.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import StaffFactory
from tests.mailbox.conftest import _fresh_cache, category, letter_data, mailbox  # noqa: F401
from tests.requests.conftest import make_application
from xxgk.mailbox import services as mailbox_services
from xxgk.mailbox.forms import AssignForm as LetterAssignForm
from xxgk.mailbox.models import Letter, LetterEvent, LetterStatus
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import assignable_departments, assignable_handlers, handler_label
from xxgk.requests import services as request_services
from xxgk.requests.forms import AssignForm as RequestAssignForm
from xxgk.requests.models import Application, Event, Status

pytestmark = pytest.mark.django_db
NOT_IN_DEPARTMENT = "不是招生办公室的承办人"


@pytest.fixture
def people(dept_a, dept_b):
    """Two departments with a handler each, the office, and the people never assigned."""
    return {
        "office": StaffFactory(
            username="office1", full_name="周主任", roles=[Role.OFFICE], department=dept_a
        ),
        "handler_a": StaffFactory(
            username="zsb_li", full_name="李招生", roles=[Role.EDITOR], department=dept_a
        ),
        "handler_b": StaffFactory(
            username="cwc_wang", full_name="王财务", roles=[Role.EDITOR], department=dept_b
        ),
        # In a department, yet never a handler: they judge the work.
        "leader": StaffFactory(
            username="leader1", full_name="赵校长", roles=[Role.LEADER], department=dept_a
        ),
        "reviewer": StaffFactory(
            username="reviewer1", full_name="钱审查", roles=[Role.REVIEWER], department=dept_a
        ),
        "supervisor": StaffFactory(
            username="supervisor1",
            full_name="孙监督",
            roles=[Role.SUPERVISOR],
            department=dept_a,
        ),
        # An editor who also reviews is a reviewer first.
        "editor_reviewer": StaffFactory(
            username="both1",
            full_name="吴兼任",
            roles=[Role.EDITOR, Role.REVIEWER],
            department=dept_a,
        ),
    }


@pytest.fixture
def letter(mailbox, letter_data, category):  # noqa: F811 (the mailbox tests' fixtures)
    data = {**letter_data, "category": category}
    return mailbox_services.submit_letter(mailbox=mailbox, data=data)[0]


def test_only_handlers_of_the_department_are_assignable(people, dept_a, dept_b):
    assert set(assignable_handlers()) == {
        people["office"],
        people["handler_a"],
        people["handler_b"],
    }
    assert set(assignable_handlers(dept_a)) == {people["office"], people["handler_a"]}
    assert list(assignable_handlers(dept_b)) == [people["handler_b"]]
    assert set(assignable_departments()) == {dept_a, dept_b}


def test_labels_are_names_and_departments_not_usernames(people):
    form = RequestAssignForm()
    labels = [label for value, label in form.fields["handler"].choices if value]
    assert labels == [handler_label(user) for user in assignable_handlers()]
    assert "李招生（招生办公室）" in labels and "王财务（计划财务处）" in labels
    assert not any(people[key].username in " ".join(labels) for key in people)
    for name in ("赵校长", "钱审查", "孙监督", "吴兼任"):
        assert name not in " ".join(labels)


def test_options_name_their_department_for_the_script(people, dept_a):
    html = str(RequestAssignForm()["handler"])
    assert f'data-department="{dept_a.pk}"' in html
    assert 'data-handler-of="department"' in html
    letter_form = LetterAssignForm(letter=None, prefix="assign")
    assert 'data-handler-of="assign-department"' in str(letter_form["handler"])


def test_request_form_refuses_a_handler_of_another_department(people, dept_a):
    form = RequestAssignForm({"department": dept_a.pk, "handler": people["handler_b"].pk})
    assert not form.is_valid()
    assert NOT_IN_DEPARTMENT in " ".join(form.errors["handler"])
    leader = RequestAssignForm({"department": dept_a.pk, "handler": people["leader"].pk})
    assert not leader.is_valid()
    assert "请从所选部门的承办人中选择" in " ".join(leader.errors["handler"])
    good = RequestAssignForm({"department": dept_a.pk, "handler": people["handler_a"].pk})
    assert good.is_valid(), good.errors


@pytest.mark.parametrize("who", ["leader", "reviewer", "supervisor", "editor_reviewer"])
def test_request_service_refuses_a_non_handler(people, who):
    application, _ = make_application()
    with pytest.raises(ValidationError, match="不能是校领导、保密审查员或监督人员"):
        request_services.assign(application, actor=people["office"], handler=people[who])
    application.refresh_from_db()
    assert application.handler is None
    assert not application.events.filter(kind="assign").exists()


def test_request_service_refuses_a_handler_of_another_department(people, dept_a):
    application, _ = make_application()
    with pytest.raises(ValidationError, match=NOT_IN_DEPARTMENT):
        request_services.assign(
            application, actor=people["office"], handler=people["handler_b"], department=dept_a
        )
    assigned = request_services.assign(
        application, actor=people["office"], handler=people["handler_a"], department=dept_a
    )
    assert assigned.handler == people["handler_a"]
    assert assigned.events.get(kind="assign").note == "李招生（招生办公室）"


def test_request_post_with_a_wrong_handler_changes_nothing(client, people, dept_a):
    application, _ = make_application()
    application = request_services.accept(application, actor=people["office"])
    client.force_login(people["office"])
    detail = client.get(f"/admin/requests/{application.pk}/").content.decode()
    assert "李招生（招生办公室）" in detail and "zsb_li" not in detail
    assert "cases/assign-handler.js" in detail
    events = Event.objects.count()
    url = reverse("requests_admin:action", args=[application.pk, "assign"])
    response = client.post(
        url, {"department": dept_a.pk, "handler": people["handler_b"].pk}, follow=True
    )
    assert NOT_IN_DEPARTMENT in response.content.decode()
    application.refresh_from_db()
    assert application.handler is None and application.status == Status.ACCEPTED
    assert Event.objects.count() == events

    response = client.post(url, {"department": dept_a.pk, "handler": people["handler_a"].pk})
    assert response.status_code == 302
    application = Application.objects.get(pk=application.pk)
    assert application.handler == people["handler_a"]
    assert application.status == Status.IN_PROGRESS


def test_letter_form_offers_departments_and_their_handlers(people, dept_a, letter):
    form = LetterAssignForm(letter=letter, prefix="assign")
    assert list(form.fields) == ["department", "handler", "working_days", "note"]
    assert not form.fields["handler"].required
    labels = [label for value, label in form.fields["handler"].choices if value]
    assert "周主任（招生办公室）" in labels and "赵校长（招生办公室）" not in labels
    assert not any(people[key].username in " ".join(labels) for key in people)


def test_letter_service_refuses_non_handlers_and_other_departments(people, dept_a, letter):
    for who in ("leader", "reviewer", "supervisor", "handler_b"):
        with pytest.raises(ValidationError):
            mailbox_services.assign_letter(
                letter,
                user=people["office"],
                department=dept_a,
                working_days=10,
                handler=people[who],
            )
    letter.refresh_from_db()
    assert letter.status == LetterStatus.RECEIVED and letter.department is None
    assigned = mailbox_services.assign_letter(
        letter,
        user=people["office"],
        department=dept_a,
        working_days=10,
        handler=people["handler_a"],
    )
    assert assigned.department == dept_a
    assert "承办人：李招生（招生办公室）" in assigned.events.latest("at").note


def test_letter_post_with_a_wrong_handler_changes_nothing(client, people, dept_a, letter):
    client.force_login(people["office"])
    events = LetterEvent.objects.count()
    response = client.post(
        reverse("mailbox_admin:action", args=[letter.pk, "assign"]),
        {
            "assign-department": dept_a.pk,
            "assign-handler": people["handler_b"].pk,
            "assign-working_days": 10,
            "assign-note": "",
        },
    )
    assert response.status_code == 400
    assert NOT_IN_DEPARTMENT in response.content.decode()
    letter = Letter.objects.get(pk=letter.pk)
    assert letter.status == LetterStatus.RECEIVED and letter.department is None
    assert LetterEvent.objects.count() == events

    # Without a handler the letter goes to the department, as before.
    response = client.post(
        reverse("mailbox_admin:action", args=[letter.pk, "assign"]),
        {"assign-department": dept_a.pk, "assign-working_days": 10, "assign-note": ""},
    )
    assert response.status_code == 302
    assert Letter.objects.get(pk=letter.pk).department == dept_a
