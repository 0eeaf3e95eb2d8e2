"""Whose drafts and revisions a person may read in listings and the staff search
(`pages_with_readable_revisions`): an editor their department's disclosures, a reviewer what
is under review and what they decided, anyone the site pages Wagtail lets them change —
each right adding to the others, never replacing them."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, TaskState

from tests.factories import catalogue_item
from xxgk.disclosures.policy import disclosure_policy, pages_with_readable_revisions
from xxgk.orgs.policy import Action
from xxgk.review.policy import may_read_review_of
from xxgk.review.services import decide_review

from .conftest import approve_kwargs

pytestmark = pytest.mark.django_db


def readable(user, *pages):
    # A fresh user object each time: Wagtail caches a user's page grants on the instance.
    user = type(user).objects.get(pk=user.pk)
    found = set(pages_with_readable_revisions(user).values_list("pk", flat=True))
    return {page.pk for page in pages} & found


def grant_change(user, page, codename="change_page"):
    """Wagtail's own grant to change (not publish) one site page, through a group."""
    group = Group.objects.create(name=f"{codename}{page.pk}-{user.username}")
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename=codename)
    )
    user.groups.add(group)


def may_read_history(user, page):
    user = type(user).objects.get(pk=user.pk)
    page.refresh_from_db()
    return disclosure_policy.allows(user, Action.VIEW_REVISIONS, page)


@pytest.fixture
def site_page(db):
    """A page that is not a disclosure: catalogue item 19's page."""
    return catalogue_item("19")


def test_a_wagtail_grant_to_change_a_site_page_lets_one_read_its_revisions(editor_a, site_page):
    assert readable(editor_a, site_page) == set()
    grant_change(editor_a, site_page)
    assert readable(editor_a, site_page) == {site_page.pk}


def test_an_editor_reads_their_departments_drafts_and_their_granted_pages(
    editor_a, draft, site_page
):
    grant_change(editor_a, site_page)
    assert readable(editor_a, draft, site_page) == {draft.pk, site_page.pk}


def test_a_reviewer_reads_what_is_under_review_and_their_granted_pages(
    reviewer, in_review, draft, site_page
):
    grant_change(reviewer, site_page)
    assert readable(reviewer, draft, site_page) == {draft.pk, site_page.pk}


def test_a_reviewer_keeps_reading_what_they_decided(reviewer, in_review, draft, site_page):
    grant_change(reviewer, site_page)
    decide_review(
        in_review, user=reviewer, **approve_kwargs(decision="rejected", opinion="涉及个人信息。")
    )
    assert readable(reviewer, draft, site_page) == {draft.pk, site_page.pk}


def test_a_review_the_reviewer_did_not_decide_gives_no_lasting_right(reviewer, in_review, draft):
    """A step that ended otherwise than by the reviewer's approval or rejection (here: the
    submission was withdrawn while the reviewer held it) leaves nothing readable."""
    in_review.workflow_state.cancel(user=reviewer)
    assert TaskState.objects.get(pk=in_review.pk).finished_by == reviewer
    assert readable(reviewer, draft) == set()


def test_the_office_and_supervisors_read_every_pages_revisions(office, supervisor, editor_a):
    assert pages_with_readable_revisions(office) is None
    assert pages_with_readable_revisions(supervisor) is None
    assert pages_with_readable_revisions(editor_a) is not None


def test_a_wagtail_grant_to_publish_a_site_page_lets_one_read_its_revisions(editor_a, site_page):
    grant_change(editor_a, site_page, codename="publish_page")
    assert readable(editor_a, site_page) == {site_page.pk}


def test_a_review_decided_by_another_reviewer_gives_this_one_no_lasting_right(
    reviewer, reviewer2, in_review, draft
):
    decide_review(in_review, user=reviewer2, **approve_kwargs())
    assert readable(reviewer2, draft) == {draft.pk}
    assert readable(reviewer, draft) == set()


def test_a_reviewer_reads_a_disclosures_history_while_it_is_under_review_and_not_after_a_withdrawal(
    reviewer, in_review, draft, editor_b
):
    assert may_read_history(reviewer, draft)
    assert not may_read_history(editor_b, draft)
    in_review.workflow_state.cancel(user=reviewer)
    assert not may_read_history(reviewer, draft)


def test_the_review_of_a_page_that_is_gone_is_nobodys_to_read(office, supervisor):
    assert not may_read_review_of(office, None)
    assert not may_read_review_of(supervisor, None)
