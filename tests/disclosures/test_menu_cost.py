"""The 新建公开信息 menu item asks ``may_write_disclosures`` on every admin page: its answer
comes from the catalogue's policy, and its cost must not grow with the site.

At 100,000 disclosures on SQLite the old check cost 30-40 ms per admin page for the office
(161 ms under load, docs/performance.md): ordered by path (Page's default ordering), the
office's candidate items were found by walking the whole page table along its path index.
The number of queries never grew; what grew was how much of the database SQLite read, which
``sqlite_steps`` counts (SQLite's virtual machine instructions, deterministic).
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    DepartmentFactory,
    StaffFactory,
    bulk_disclosures,
    make_responsible,
    superuser,
)
from xxgk.catalogue.models import CatalogueItemPage
from xxgk.catalogue.policy import catalogue_policy
from xxgk.catalogue.selectors import item_sort_key
from xxgk.catalogue.services import retire_item
from xxgk.disclosures.selectors import items_to_write_under, may_write_disclosures
from xxgk.orgs.policy import Action
from xxgk.orgs.roles import Role

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as a new request loads it (no roles or permissions cached on the object)."""
    return get_user_model().objects.get(pk=user.pk)


def items_in_catalogue_order():
    return sorted(CatalogueItemPage.objects.live(), key=item_sort_key)


@pytest.fixture
def people(office, dept_a, dept_b):
    """Department A answers for 30 items, B for one; one of A's items is retired."""
    items = items_in_catalogue_order()
    for item in items[:30]:
        make_responsible(item, dept_a, by=office)
    make_responsible(items[40], dept_b, by=office)
    retire_item(items[29], reason="并入其他事项", user=office)
    no_department = DepartmentFactory(name="无事项部门", code="WSX")
    return {
        "office": office,
        "superuser": superuser(),
        "editor_a": StaffFactory(username="menu_ed_a", roles=[Role.EDITOR], department=dept_a),
        "editor_b": StaffFactory(username="menu_ed_b", roles=[Role.EDITOR], department=dept_b),
        "editor_of_nothing": StaffFactory(
            username="menu_ed_none", roles=[Role.EDITOR], department=no_department
        ),
        # A department's staff without the editor's role: every candidate refused.
        "reviewer_of_a": StaffFactory(
            username="menu_rev_a", roles=[Role.REVIEWER], department=dept_a
        ),
        "supervisor": StaffFactory(username="menu_sup", roles=[Role.SUPERVISOR]),
        "leader": StaffFactory(username="menu_lead", roles=[Role.LEADER]),
        "inactive_editor": StaffFactory(
            username="menu_ed_off", roles=[Role.EDITOR], department=dept_a, is_active=False
        ),
    }


def test_the_menu_and_the_item_list_answer_as_the_catalogue_policy_over_every_item(people):
    """Whoever the policy lets add a child under some live item sees the menu, and the
    新建公开信息 page offers exactly those items, in catalogue order."""
    every_item = items_in_catalogue_order()
    shown = {}
    for who, user in people.items():
        allowed = [
            item
            for item in every_item
            if catalogue_policy.allows(fresh(user), Action.ADD_CHILD, item)
        ]
        assert items_to_write_under(fresh(user)) == allowed, who
        shown[who] = may_write_disclosures(fresh(user))
        assert shown[who] == bool(allowed), who
    assert {who for who, yes in shown.items() if yes} == {
        "office",
        "superuser",
        "editor_a",
        "editor_b",
    }
    assert len(items_to_write_under(fresh(people["editor_a"]))) == 29  # one retired


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as ctx:
        may_write_disclosures(user)
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", [Role.EDITOR, Role.REVIEWER])
def test_the_menu_check_takes_the_same_queries_for_one_item_or_thirty(office, role):
    """An editor (allowed at the first item) and a department's reviewer (refused at every
    item): the number of queries does not depend on how many items the department has."""
    items = items_in_catalogue_order()
    few = DepartmentFactory(name="一项部门", code="YXB")
    many = DepartmentFactory(name="多项部门", code="DXB")
    make_responsible(items[0], few, by=office)
    for item in items[1:31]:
        make_responsible(item, many, by=office)
    of_few = StaffFactory(username="of_few", roles=[role], department=few)
    of_many = StaffFactory(username="of_many", roles=[role], department=many)
    _queries(fresh(of_few))  # content types and the like, cached per process

    counted = _queries(fresh(of_few))
    assert _queries(fresh(of_many)) == counted
    # roles, staff profile, department, the candidate items, Wagtail's page permissions
    assert counted <= 5


def sqlite_steps(user) -> int:
    """How many SQLite virtual-machine instructions may_write_disclosures(user) executes."""
    steps = 0

    def count():
        nonlocal steps
        steps += 1
        return 0

    connection.ensure_connection()
    raw = connection.connection
    raw.set_progress_handler(count, 1)
    try:
        may_write_disclosures(user)
    finally:
        raw.set_progress_handler(None, 1)
    return steps


@pytest.mark.skipif(connection.vendor != "sqlite", reason="counts SQLite's VM instructions")
@pytest.mark.parametrize("who", ["office", "superuser", "editor_a"])
def test_the_menu_check_reads_no_more_of_the_database_as_disclosures_grow(people, dept_a, who):
    """Fails on the path-ordered query: 400 more disclosures were 400 more page rows walked."""
    user = people[who]
    items = items_to_write_under(fresh(user))
    bulk_disclosures(items[0], dept_a, 20)
    sqlite_steps(fresh(user))  # warm: content types and the like, cached per process
    before = sqlite_steps(fresh(user))

    bulk_disclosures(items[1], dept_a, 400)
    after = sqlite_steps(fresh(user))

    assert may_write_disclosures(fresh(user))
    assert after <= before * 1.05, (before, after)
