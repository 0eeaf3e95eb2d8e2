"""Who may open a department's supervision page (its obligations and lapses): the office,
supervisors and leaders every department's; an editor only their own; nobody else."""

import pytest

from xxgk.orgs.policy import Action
from xxgk.supervision.policy import supervision_policy

from .conftest import d

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "departments"),
    [
        ("office", {"a", "b"}),
        ("supervisor", {"a", "b"}),
        ("leader", {"a", "b"}),
        ("editor_a", {"a"}),
        ("editor_b", {"b"}),
        ("reviewer", set()),  # has a department, but is not its editor
    ],
)
def test_a_departments_supervision_page_is_open_to_oversight_and_its_own_editors(
    request, dept_a, dept_b, who, departments
):
    user = request.getfixturevalue(who)
    allowed = {
        name
        for name, department in (("a", dept_a), ("b", dept_b))
        if supervision_policy.allows(user, Action.VIEW, department)
    }
    assert allowed == departments


def test_a_department_withdraws_its_own_records_of_pending_information_only(
    office, editor_a, editor_b, supervisor, leader, dept_a, dept_b, responsible
):
    from django.core.exceptions import PermissionDenied

    from xxgk.supervision.services import cancel_pending, record_pending

    item = responsible("2", dept_a, dept_b)
    record = record_pending(
        user=editor_a, item=item, title="新修订的学校章程", formed_on=d("2022-03-01")
    )
    # Declaring: editors and the office; withdrawing: the record's department and the office.
    assert [supervision_policy.allows(u, Action.EDIT) for u in (office, editor_a, supervisor)] == [
        True,
        True,
        False,
    ]
    for user in (editor_b, supervisor, leader):
        assert not supervision_policy.allows(user, Action.EDIT, record)
    with pytest.raises(PermissionDenied, match="^只能撤销本部门的登记。$"):
        cancel_pending(record, user=editor_b, reason="登记有误")
    assert supervision_policy.allows(office, Action.EDIT, record)
    cancel_pending(record, user=editor_a, reason="登记有误")
    record.refresh_from_db()
    assert record.cancelled_reason == "登记有误"
