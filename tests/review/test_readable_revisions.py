"""Whose drafts and revisions a person may read in listings and the staff search
(`pages_with_readable_revisions`): an editor their department's disclosures, a reviewer what
is under review and what they decided, anyone the site pages Wagtail lets them change —
each right adding to the others, never replacing them."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, TaskState

from tests.factories import catalogue_item
from xxgk.disclosures.policy import pages_with_readable_revisions
from xxgk.review.services import decide_review

from .conftest import approve_kwargs

pytestmark = pytest.mark.django_db


def readable(user, *pages):
    # A fresh user object each time: Wagtail caches a user's page grants on the instance.
    user = type(user).objects.get(pk=user.pk)
    found = set(pages_with_readable_revisions(user).values_list("pk", flat=True))
    return {page.pk for page in pages} & found


def grant_change(user, page):
    """Wagtail's own grant to change (not publish) one site page, through a group."""
    group = Group.objects.create(name=f"可编辑{page.pk}-{user.username}")
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)


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
