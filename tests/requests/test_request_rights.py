"""Who sees and handles an application (requests policy): the office's case workers every
case; a member of staff the office assigned a case to, that case only; supervisors every case,
read only and with the applicant's personal data masked; the personal data in full for the
case's handler and the office."""

import pytest

from xxgk.orgs.policy import Action
from xxgk.requests import services
from xxgk.requests.models import Application
from xxgk.requests.policy import applications_visible_to, request_policy

from .conftest import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(office, editor_b):
    """A case the office accepted and assigned to an editor of department B."""
    application = services.accept(make_application()[0], actor=office)
    return services.assign(application, actor=office, handler=editor_b)


@pytest.fixture
def unassigned(office):
    return services.accept(make_application()[0], actor=office)


def allows(user, action, application=None):
    return request_policy.allows(user, action, application)


def test_the_handler_and_the_office_read_the_applicants_personal_data_and_nobody_else(
    assigned, unassigned, office, editor_a, editor_b, supervisor, leader
):
    read = Action.READ_PERSONAL_DATA
    assert allows(office, read, assigned) and allows(office, read, unassigned)
    assert allows(editor_b, read, assigned)
    assert not allows(editor_b, read, unassigned)
    for user in (editor_a, supervisor, leader):
        assert not allows(user, read, assigned)
    # Without a case (the list, an export): only the office holds the right as such.
    assert allows(office, read) and not allows(editor_b, read)


def test_a_handler_sees_and_handles_the_case_assigned_to_them_and_no_other(
    assigned, unassigned, office, editor_a, editor_b, supervisor
):
    assert allows(editor_b, Action.VIEW, assigned) and allows(editor_b, Action.HANDLE, assigned)
    assert not allows(editor_b, Action.VIEW, unassigned)
    assert not allows(editor_b, Action.HANDLE, unassigned)
    assert allows(office, Action.HANDLE, unassigned)
    # A supervisor reads every case and handles none.
    assert allows(supervisor, Action.VIEW, unassigned)
    assert not allows(supervisor, Action.HANDLE, assigned)
    # The case list: open to whoever handles a case, closed to staff who handle none.
    assert allows(editor_b, Action.VIEW) and not allows(editor_a, Action.VIEW)
    assert not allows(editor_a, Action.HANDLE)


def test_the_case_list_holds_every_case_for_the_office_and_supervisors_and_their_own_for_others(
    assigned, unassigned, office, editor_a, editor_b, supervisor, leader
):
    def visible(user):
        return set(applications_visible_to(user, Application.objects.all()))

    assert visible(office) == visible(supervisor) == {assigned, unassigned}
    assert visible(editor_b) == {assigned}
    assert visible(editor_a) == visible(leader) == set()
