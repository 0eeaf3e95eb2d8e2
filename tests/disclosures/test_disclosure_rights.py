"""Rights over disclosures in real shapes: two departments publishing, item 7 answered for by
one department, item 19 by both, and an office administrator who belongs to neither — so
that "the office may edit any department's disclosure" and "an editor only their own" are
told apart."""

import pytest

from tests.factories import (
    DepartmentFactory,
    StaffFactory,
    catalogue_item,
    make_responsible,
    published_disclosure,
)
from xxgk.disclosures.policy import disclosure_policy
from xxgk.disclosures.services import create_disclosure
from xxgk.orgs.policy import Action
from xxgk.orgs.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def shapes(dept_a, dept_b):
    office_dept = DepartmentFactory(name="党委办公室", code="DBB")
    office = StaffFactory(username="office_x", roles=[Role.OFFICE], department=office_dept)
    editor_a = StaffFactory(username="ed_a", roles=[Role.EDITOR], department=dept_a)
    editor_b = StaffFactory(username="ed_b", roles=[Role.EDITOR], department=dept_b)
    item_7 = make_responsible(catalogue_item("7"), dept_a, by=office)
    item_19 = make_responsible(catalogue_item("19"), dept_a, dept_b, by=office)

    def draft(item, department, author, title):
        return create_disclosure(
            user=author, item=item, title=title, publishing_department=department
        )

    pages = {
        "a_on_7": draft(item_7, dept_a, editor_a, "招生章程"),
        "a_on_19": draft(item_19, dept_a, editor_a, "招生经费预算"),
        "b_on_19": draft(item_19, dept_b, editor_b, "学校预算"),
    }
    return {"office": office, "editor_a": editor_a, "editor_b": editor_b, **pages}


EDIT_RIGHTS = {
    # who: the drafts they may edit
    "office": {"a_on_7", "a_on_19", "b_on_19"},
    "editor_a": {"a_on_7", "a_on_19"},
    "editor_b": {"b_on_19"},
}


@pytest.mark.parametrize("who", sorted(EDIT_RIGHTS))
def test_the_office_edits_every_departments_disclosure_and_an_editor_only_their_own(shapes, who):
    user = shapes[who]
    for action in (Action.EDIT, Action.REVERT, Action.COPY):
        allowed = {
            key
            for key in ("a_on_7", "a_on_19", "b_on_19")
            if disclosure_policy.allows(user, action, shapes[key])
        }
        assert allowed == EDIT_RIGHTS[who], action


@pytest.mark.parametrize("who", sorted(EDIT_RIGHTS))
def test_wagtails_editor_gives_the_same_answer_as_the_policy(shapes, who):
    user = shapes[who]
    editable = {
        key
        for key in ("a_on_7", "a_on_19", "b_on_19")
        if shapes[key].permissions_for_user(user).can_edit()
    }
    assert editable == EDIT_RIGHTS[who]


def test_sharing_an_item_gives_no_right_over_the_other_departments_disclosure(shapes):
    assert not disclosure_policy.allows(shapes["editor_a"], Action.SUBMIT, shapes["b_on_19"])
    assert not disclosure_policy.allows(shapes["editor_b"], Action.DELETE, shapes["a_on_19"])
    assert disclosure_policy.allows(shapes["editor_b"], Action.DELETE, shapes["b_on_19"])
    assert disclosure_policy.allows(shapes["office"], Action.DELETE, shapes["a_on_19"])


def test_only_the_office_withdraws_and_nobody_publishes_by_hand(shapes, dept_b):
    page = published_disclosure(
        item=catalogue_item("19"), department=dept_b, author=shapes["editor_b"]
    )
    assert disclosure_policy.allows(shapes["office"], Action.WITHDRAW, page)
    for who in ("office", "editor_a", "editor_b"):
        assert not disclosure_policy.allows(shapes[who], Action.PUBLISH, page)
        assert not disclosure_policy.allows(shapes[who], Action.UNPUBLISH, page)
    for who in ("editor_a", "editor_b"):
        assert not disclosure_policy.allows(shapes[who], Action.WITHDRAW, page)


def test_an_inactive_office_account_may_do_nothing(shapes):
    office = shapes["office"]
    office.is_active = False
    office.save(update_fields=["is_active"])
    assert not disclosure_policy.allows(office, Action.EDIT, shapes["a_on_7"])
    assert not disclosure_policy.allows(office, Action.VIEW, shapes["a_on_7"])


def test_a_locked_disclosure_is_unlocked_by_whoever_locked_it_or_the_office(
    office, editor_a, editor_b, item_a, dept_a
):
    page = published_disclosure(item=item_a, department=dept_a, author=office)
    page.locked, page.locked_by = True, editor_a
    page.save()
    assert disclosure_policy.allows(editor_a, Action.UNLOCK, page)
    assert disclosure_policy.allows(office, Action.UNLOCK, page)
    assert not disclosure_policy.allows(editor_b, Action.UNLOCK, page)
