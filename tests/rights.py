"""A realistic world for the rights tests, and the checks that a refused request changed nothing.

Two departments with disclosures in every state (public, withdrawn, draft, under review,
scheduled), an item answered for by one department and one answered for by both, an office
member whose own department is not the publisher of most of them, and a reviewer who has
reviewed some disclosures and not others (issue 17).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision, WorkflowState

from tests.factories import catalogue_item, make_responsible, published_disclosure, review_through
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import create_disclosure
from xxgk.review.models import Withdrawal
from xxgk.review.services import submit_for_review, withdraw_disclosure

STAFF_ROLES = ["editor_a", "editor_b", "reviewer", "office", "supervisor", "leader"]


@dataclass
class RightsWorld:
    users: dict
    items: dict
    pages: dict = field(default_factory=dict)

    def page(self, key) -> Page:
        return self.pages[key]

    def revision(self, key, which="latest"):
        revisions = Revision.page_revisions.filter(object_id=str(self.pages[key].pk))
        return (revisions.order_by("pk") if which == "earliest" else revisions.order_by("-pk"))[0]


def _draft(author, item, department, title, **fields):
    return create_disclosure(
        user=author,
        item=item,
        title=title,
        publishing_department=department,
        body=f"<p>{title}正文，联系人电话 13812345678。</p>",
        **fields,
    )


def build_rights_world(*, dept_a, dept_b, item_a, item_b, users) -> RightsWorld:
    office, editor_a, editor_b, reviewer = (
        users["office"],
        users["editor_a"],
        users["editor_b"],
        users["reviewer"],
    )
    shared = make_responsible(catalogue_item("20"), dept_a, dept_b, by=office)
    world = RightsWorld(users=users, items={"a": item_a, "b": item_b, "shared": shared})
    pages = world.pages
    # Reviewed by the factory's reviewer, not by ``reviewer``.
    pages["public_a"] = published_disclosure(
        item=item_a, department=dept_a, author=editor_a, title="2022年普通本科招生章程"
    )
    pages["shared_b"] = published_disclosure(
        item=shared, department=dept_b, author=editor_b, title="2022年收费标准"
    )
    # Reviewed by ``reviewer``: they may read its history.
    public_b = _draft(editor_b, item_b, dept_b, "2022年部门预算")
    review_through(public_b, submitter=editor_b, reviewer=reviewer)
    pages["public_b"] = DisclosurePage.objects.get(pk=public_b.pk)
    withdrawn = published_disclosure(
        item=item_b, department=dept_b, author=editor_b, title="2021年部门决算"
    )
    withdraw_disclosure(withdrawn, user=office, reason="数据有误，更正后重新公开。")
    pages["withdrawn_b"] = DisclosurePage.objects.get(pk=withdrawn.pk)
    pages["draft_a"] = _draft(editor_a, item_a, dept_a, "2023年招生章程（草稿）")
    in_review = _draft(editor_b, shared, dept_b, "2023年收费标准（送审稿）")
    submit_for_review(in_review, user=editor_b)
    pages["review_b"] = DisclosurePage.objects.get(pk=in_review.pk)
    scheduled = _draft(editor_b, item_b, dept_b, "2023年预算（定时公开）")
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=30)
    scheduled.save_revision(user=editor_b)
    review_through(scheduled, submitter=editor_b)
    pages["scheduled_b"] = DisclosurePage.objects.get(pk=scheduled.pk)
    pages["guide"] = Page.objects.get(slug="guide").specific
    pages["home"] = pages["guide"].get_parent().specific
    return world


# --- What a refused request must leave unchanged ----------------------------------------------

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
# Bookkeeping of the request itself, never the state a refusal protects: the session (flash
# messages), sign-in throttling, and the audit log (which records refusals' reads).
BOOKKEEPING = re.compile(r'"?(django_session|axes_\w+|audit_auditevent)"?', re.IGNORECASE)


def writes_during(send, *args, **kwargs):
    """Call ``send(*args, **kwargs)``; return its response and the data-changing SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = send(*args, **kwargs)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if WRITE.match(q["sql"]) and not BOOKKEEPING.search(q["sql"].split("(")[0])
    ]
    return response, writes


def page_state(world: RightsWorld) -> dict:
    """What the probes of issue 17 must never change: live or withdrawn, view restrictions,
    revisions and their schedule, locks, place in the tree, reviews, withdrawals, history."""
    ids = [page.pk for page in world.pages.values()]
    return {
        "pages": list(
            Page.objects.filter(pk__in=ids)
            .order_by("pk")
            .values_list(
                "pk",
                "live",
                "live_revision_id",
                "latest_revision_id",
                "has_unpublished_changes",
                "locked",
                "locked_by_id",
                "path",
                "title",
                "first_published_at",
                "go_live_at",
                "expire_at",
            )
        ),
        "page_count": Page.objects.count(),
        "revisions": list(
            Revision.page_revisions.order_by("pk").values_list("pk", "approved_go_live_at")
        ),
        "restrictions": PageViewRestriction.objects.count(),
        "workflows": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "withdrawals": Withdrawal.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
    }
