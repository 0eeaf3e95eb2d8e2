"""Who reads a letter: the office and supervisors every letter; a department the letters that
are, or once were, assigned to it; nobody else. Who drafts the answer: the department the
letter is assigned to, or the office, while the letter waits for an answer (mailbox policy)."""

import pytest

from xxgk.mailbox import services
from xxgk.mailbox.models import Letter
from xxgk.mailbox.policy import letter_policy, letters_visible_to
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


def may_draft(user, letter):
    letter.refresh_from_db()
    return letter_policy.allows(user, Action.EDIT, letter)


def test_the_assigned_department_and_the_office_draft_the_answer_while_it_is_awaited(
    letter, office, supervisor, editor_a, editor_b, dept_a
):
    assert not any(may_draft(user, letter) for user in (office, editor_a))  # not yet assigned
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    assert may_draft(editor_a, letter) and may_draft(office, letter)
    assert not may_draft(editor_b, letter) and not may_draft(supervisor, letter)
    services.draft_answer(letter, user=editor_a, answer="已按来信所述核实。")
    assert may_draft(editor_a, letter) and may_draft(office, letter)  # revising the draft
    assert not may_draft(editor_b, letter)
    services.approve_answer(letter, user=office)
    assert not may_draft(editor_a, letter) and not may_draft(office, letter)


def test_the_letter_list_holds_what_each_may_read(
    mailbox, letter_data, category, office, supervisor, editor_a, editor_b, leader, dept_a, dept_b
):
    def submit():
        data = {**letter_data, "category": category}
        return services.submit_letter(mailbox=mailbox, data=data)[0]

    unassigned, ours, forwarded = submit(), submit(), submit()
    services.assign_letter(ours, user=office, department=dept_a, working_days=10)
    services.assign_letter(forwarded, user=office, department=dept_a, working_days=10)
    services.assign_letter(forwarded, user=office, department=dept_b, working_days=10)

    def visible(user):
        return list(letters_visible_to(user, Letter.objects.order_by("pk")))

    assert visible(office) == visible(supervisor) == [unassigned, ours, forwarded]
    assert visible(editor_a) == [ours, forwarded]  # once, although it handled it twice
    assert visible(editor_b) == [forwarded]
    assert visible(leader) == []


def test_the_letter_list_is_open_to_staff_of_a_department_and_closed_to_staff_without_one(
    office, supervisor, editor_a, leader
):
    for user in (office, supervisor, editor_a):
        assert letter_policy.allows(user, Action.VIEW)
    assert not letter_policy.allows(leader, Action.VIEW)


def test_the_office_drafts_the_answer_of_a_letter_assigned_to_another_department(
    letter, office, dept_b
):
    services.assign_letter(letter, user=office, department=dept_b, working_days=10)
    assert office.staff_profile.department != dept_b
    assert may_draft(office, letter)
