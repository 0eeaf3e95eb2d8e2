"""Who reads a letter: the office and supervisors every letter; a department the letters that
are, or once were, assigned to it; nobody else (mailbox policy)."""

import pytest

from xxgk.mailbox import services
from xxgk.mailbox.policy import letter_policy
from xxgk.orgs.policy import Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(mailbox, letter_data, category):
    return services.submit_letter(mailbox=mailbox, data={**letter_data, "category": category})[0]


def may_view(user, letter):
    letter.refresh_from_db()
    return letter_policy.allows(user, Action.VIEW, letter)


def test_an_unassigned_letter_is_the_offices_and_supervisors_only(
    letter, office, supervisor, editor_a, editor_b, leader
):
    assert may_view(office, letter) and may_view(supervisor, letter)
    assert not may_view(editor_a, letter) and not may_view(editor_b, letter)
    assert not may_view(leader, letter)  # a leader sees the statistics, not the letters


def test_a_department_reads_the_letter_assigned_to_it_and_no_other(
    letter, office, editor_a, editor_b, dept_a
):
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    assert may_view(editor_a, letter)
    assert not may_view(editor_b, letter)


def test_a_department_keeps_reading_a_letter_forwarded_away_from_it(
    letter, office, editor_a, editor_b, dept_a, dept_b
):
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    services.assign_letter(letter, user=office, department=dept_b, working_days=10)
    assert may_view(editor_a, letter)  # it handled the letter once: its history stays readable
    assert may_view(editor_b, letter)


def test_staff_without_a_department_read_no_assigned_letter(letter, office, dept_a, leader):
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    assert not may_view(leader, letter)
