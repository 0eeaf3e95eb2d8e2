"""Who may open a department's supervision page (its obligations and lapses): the office,
supervisors and leaders every department's; an editor only their own; nobody else."""

import pytest

from xxgk.orgs.policy import Action
from xxgk.supervision.policy import supervision_policy

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
