"""Issue 17's three probes, replayed as each staff role on data shaped like the demo's.

The demo (``manage.py load_demo``) has departments with their own editors (招生办, 计财处,
人事处 among them), one reviewer, a supervisor, a leader and the office; here the same shapes
are built with the factories. Each probe is sent as each role, over HTTP, and must be refused
and change nothing:

1. ``POST /admin/bulk/wagtailcore/page/publish/?id=<withdrawn disclosure>``
2. ``POST /admin/pages/<id>/privacy/`` with a password, on a public disclosure
3. ``GET /admin/pages/<id>/revisions/<rev>/view/`` of another department's disclosure

Rule 2 of the issue lets the office and the supervisor read every disclosure's revisions
(the supervisor read-only, each read logged) and a reviewer read those they reviewed; the
third probe is refused for every other role, and checked to be allowed (and logged) for them.
The office, not among the issue's probing roles, is probed too.
"""

import pytest
from django.test import Client
from wagtail.models import PageLogEntry

from tests.factories import (
    DepartmentFactory,
    StaffFactory,
    catalogue_item,
    factory_reviewer,
    make_responsible,
    published_disclosure,
    review_through,
)
from tests.rights import page_state, writes_during
from xxgk.audit.models import AuditEvent
from xxgk.disclosures.admin_views import READ_ACTION
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import create_disclosure
from xxgk.orgs.roles import Role
from xxgk.review.services import withdraw_disclosure

pytestmark = pytest.mark.django_db

EDITORS = {"editor_zsb": ("ZSB", "7"), "editor_jcc": ("JCC", "19"), "editor_rsc": ("RSC", "21")}


@pytest.fixture
def demo_like():
    from tests.rights import RightsWorld

    office_department = DepartmentFactory(name="党政办公室", code="DZB")
    users = {
        "office": StaffFactory(username="office", roles=[Role.OFFICE], department=office_department)
    }
    departments, pages = {}, {}
    names = {"ZSB": "招生与就业指导处", "JCC": "计划财务处", "RSC": "人事处"}
    for username, (code, number) in EDITORS.items():
        department = DepartmentFactory(name=names[code], code=code)
        departments[code] = department
        users[username] = StaffFactory(
            username=username, roles=[Role.EDITOR], department=department
        )
        item = make_responsible(catalogue_item(number), department, by=users["office"])
        pages[f"public_{code}"] = published_disclosure(
            item=item, department=department, author=users[username], title=f"{names[code]}公开信息"
        )
    users["reviewer"] = StaffFactory(username="reviewer", roles=[Role.REVIEWER])
    users["supervisor"] = StaffFactory(username="supervisor", roles=[Role.SUPERVISOR])
    users["leader"] = StaffFactory(username="leader", roles=[Role.LEADER])
    # A withdrawn disclosure of 招生办 (reviewed by another reviewer, then taken down).
    zsb_item = catalogue_item("7")
    withdrawn = published_disclosure(
        item=zsb_item, department=departments["ZSB"], author=users["editor_zsb"], title="已撤回信息"
    )
    withdraw_disclosure(withdrawn, user=users["office"], reason="演示撤回")
    pages["withdrawn_ZSB"] = DisclosurePage.objects.get(pk=withdrawn.pk)
    # 计财处's disclosure reviewed by the demo's reviewer: theirs to read.
    reviewed = create_disclosure(
        user=users["editor_jcc"],
        item=catalogue_item("19"),
        title="计划财务处预算说明",
        publishing_department=departments["JCC"],
        body="<p>预算说明。</p>",
    )
    review_through(reviewed, submitter=users["editor_jcc"], reviewer=users["reviewer"])
    pages["reviewed_JCC"] = DisclosurePage.objects.get(pk=reviewed.pk)
    assert factory_reviewer() != users["reviewer"]
    return RightsWorld(users=users, items={}, pages=pages)


def _login(world, role):
    """Signed in, on the dashboard, as a person starts (its first visit stores the site's
    default settings, which is no part of what the probes may change)."""
    client = Client()
    client.force_login(world.users[role])
    assert client.get("/admin/").status_code == 200
    return client


def _other_department(role):
    """A disclosure of a department that is not the role's own (人事处 for all but its editor)."""
    return "public_ZSB" if role == "editor_rsc" else "public_RSC"


@pytest.mark.parametrize(
    "role", ["leader", "supervisor", "reviewer", "editor_zsb", "editor_jcc", "editor_rsc", "office"]
)
def test_the_three_probes_are_refused_and_change_nothing(demo_like, role):
    world = demo_like
    client = _login(world, role)
    withdrawn = world.page("withdrawn_ZSB")

    before = page_state(world)
    response, writes = writes_during(
        client.post, f"/admin/bulk/wagtailcore/page/publish/?id={withdrawn.pk}", {}
    )
    assert response.status_code == 403 and not writes
    assert page_state(world) == before
    assert not DisclosurePage.objects.get(pk=withdrawn.pk).live

    for target in ("public_ZSB", "public_JCC", "public_RSC"):
        page = world.page(target)
        response, writes = writes_during(
            client.post,
            f"/admin/pages/{page.pk}/privacy/",
            {"restriction_type": "password", "password": "secret-123"},
        )
        assert response.status_code == 403 and not writes
        assert page_state(world) == before

    other = world.page(_other_department(role))
    revision = other.latest_revision
    response = client.get(f"/admin/pages/{other.pk}/revisions/{revision.pk}/view/")
    after = page_state(world)
    if role == "supervisor":
        # Rule 2: the supervisor reads every disclosure's revisions, and the read is logged
        # (in Wagtail's log, mirrored into the audit log) — the only thing that changes.
        assert response.status_code == 200
        entry = PageLogEntry.objects.get(page=other, action=READ_ACTION)
        assert entry.user == world.users["supervisor"] and entry.revision == revision
        assert AuditEvent.objects.filter(action=READ_ACTION, actor=entry.user).exists()
        after["log_entries"] -= 1
    elif role == "office":
        assert response.status_code == 200  # the office reads every disclosure's history
    else:
        assert response.status_code == 403
    assert after == before


def test_a_reviewer_reads_what_they_reviewed_and_nothing_else(demo_like):
    client = _login(demo_like, "reviewer")
    reviewed = demo_like.page("reviewed_JCC")
    other = demo_like.page("public_JCC")  # same department, reviewed by someone else
    url = "/admin/pages/{}/revisions/{}/view/"
    assert client.get(url.format(reviewed.pk, reviewed.latest_revision_id)).status_code == 200
    assert client.get(url.format(other.pk, other.latest_revision_id)).status_code == 403
