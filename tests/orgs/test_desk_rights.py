"""Who reads the office's desks, role by role: the report desk (office, supervisors,
leaders), the search list and log (office and supervisors; the list is edited by the office),
the review queue (reviewers, the office, department heads); and which pages a view restriction
may never cover (the catalogue, the pages above it, and every disclosure)."""

import pytest
from wagtail.models import Page

from tests.factories import StaffFactory, catalogue_item, published_disclosure
from xxgk.disclosures.policy import hides_disclosures
from xxgk.orgs.policy import Action
from xxgk.orgs.roles import Role
from xxgk.reports.policy import report_policy
from xxgk.review.models import DepartmentHead
from xxgk.review.policy import review_policy
from xxgk.search.policy import can_edit_synonyms, can_read_search_log, can_read_synonyms

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(office, supervisor, leader, editor_a, reviewer):
    return {
        "office": office,
        "supervisor": supervisor,
        "leader": leader,
        "editor": editor_a,
        "reviewer": reviewer,
    }


def who(people, allowed):
    return {name for name, user in people.items() if allowed(user)}


def test_the_report_desk_is_read_and_exported_by_the_office_supervisors_and_leaders(people):
    for action in (Action.VIEW, Action.EXPORT):
        assert who(people, lambda u, action=action: report_policy.allows(u, action)) == {
            "office",
            "supervisor",
            "leader",
        }
    assert who(people, lambda u: report_policy.allows(u, Action.EDIT)) == {"office"}


def test_the_synonym_list_and_search_log_are_read_by_the_office_and_supervisors(people):
    assert who(people, can_read_synonyms) == {"office", "supervisor"}
    assert who(people, can_read_search_log) == {"office", "supervisor"}
    assert who(people, can_edit_synonyms) == {"office"}


def test_the_review_queue_is_for_reviewers_the_office_and_department_heads(people, dept_a):
    def queue(user):
        return review_policy.allows(user, Action.HANDLE)

    assert who(people, queue) == {"office", "reviewer"}
    head = StaffFactory(username="head_a", roles=[Role.EDITOR], department=dept_a)
    assert not queue(head)
    DepartmentHead.objects.create(department=dept_a, user=head, required=False)
    assert queue(head)


def test_a_view_restriction_may_cover_no_disclosure_nor_the_catalogue_above_them(
    item_a, editor_a, dept_a
):
    disclosure = published_disclosure(item=item_a, department=dept_a, author=editor_a)
    category = item_a.get_parent()
    index = category.get_parent()
    home = index.get_parent()
    for page in (disclosure, item_a, category, index, home):
        assert hides_disclosures(page), page
    beside = home.add_child(instance=Page(title="学校简介", slug="about-the-school"))
    assert not hides_disclosures(beside)
    assert hides_disclosures(catalogue_item("19"))  # nothing filed yet: still the catalogue
