"""The back office's dashboard (issue 20 point 8): headed by the school's name, our panels
first (待我审查, 逾期事项, 本周到期), each listing only what the user may see, and Wagtail's
own panels and menu entries that would confuse left out."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Site

from tests.requests.conftest import make_application
from xxgk.mailbox import services as mailbox_services
from xxgk.mailbox.models import Letter
from xxgk.requests.models import Application

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SUNDAY = TODAY + datetime.timedelta(days=6 - TODAY.weekday())
YESTERDAY = TODAY - datetime.timedelta(days=1)
NEXT_WEEK = SUNDAY + datetime.timedelta(days=3)


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def panel(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start : html.index("</table>", start)]


def application_due(on, **fields):
    application, _code = make_application()
    Application.objects.filter(pk=application.pk).update(due_date=on, **fields)
    return Application.objects.get(pk=application.pk)


def letter_due(mailbox, department, on, subject, office):
    data = {
        "category": mailbox.categories.get(),
        "writer_name": "张三",
        "subject": subject,
        "message": "请答复。",
    }
    letter = mailbox_services.submit_letter(mailbox=mailbox, data=data)[0]
    mailbox_services.assign_letter(letter, user=office, department=department, working_days=10)
    Letter.objects.filter(pk=letter.pk).update(due_date=on)
    return Letter.objects.get(pk=letter.pk)


# --- Branding ------------------------------------------------------------------------------------


def test_dashboard_is_headed_by_the_schools_name(client, editor_a, settings):
    html = dashboard(client, editor_a)
    full_title = f"{settings.XXGK_SCHOOL_NAME}{settings.WAGTAIL_SITE_NAME}"
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()
    assert heading == full_title
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert full_title in title and "Wagtail" not in title
    assert "localhost" not in heading


def test_the_site_record_carries_the_schools_name(settings):
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == f"{settings.XXGK_SCHOOL_NAME}{settings.WAGTAIL_SITE_NAME}"


def test_login_page_names_the_school(client, settings):
    html = client.get("/admin/login/").content.decode()
    assert settings.XXGK_SCHOOL_NAME in html
    assert "Sign in to Wagtail" not in html


# --- Order and contents ----------------------------------------------------------------------

OUR_PANELS = [
    'id="review-panel-heading"',
    'data-testid="case-overdue"',
    'data-testid="case-due-this-week"',
]


def test_our_panels_come_first_in_order(client, office, item_a):
    html = dashboard(client, office)
    positions = [html.index(marker) for marker in OUR_PANELS]
    assert positions == sorted(positions)
    assert "待我审查" in html and "逾期事项" in html and "本周到期" in html
    # The supervision overview follows, then Wagtail's own panels (recent edits).
    assert positions[-1] < html.index('id="supervision-overview-section"')
    assert html.index('id="supervision-overview-section"') < html.index('id="recent-edits-section"')


def test_wagtails_workflow_panels_are_left_out(client, office, editor_a):
    for user in (office, editor_a):
        html = dashboard(client, user)
        assert "workflow-objects-to-moderate" not in html
        assert "user-objects-in-workflow-moderation" not in html


def test_office_sees_every_overdue_and_due_case(client, office, editor_a, dept_a, dept_b, mailbox):
    late = application_due(YESTERDAY)
    soon = application_due(SUNDAY)
    later = application_due(NEXT_WEEK)
    letter_a = letter_due(mailbox, dept_a, YESTERDAY, "甲部门来信", office)
    letter_b = letter_due(mailbox, dept_b, TODAY, "乙部门来信", office)
    html = dashboard(client, office)
    overdue, this_week = panel(html, "case-overdue"), panel(html, "case-due-this-week")
    assert late.number in overdue and letter_a.number in overdue
    assert soon.number not in overdue and letter_b.number not in overdue
    assert soon.number in this_week and letter_b.number in this_week
    assert late.number not in this_week
    assert later.number not in overdue + this_week


def test_editor_sees_only_own_departments_letters_and_own_cases(
    client, office, editor_a, dept_a, dept_b, mailbox
):
    others = application_due(YESTERDAY)
    handled = application_due(YESTERDAY, handler=editor_a)
    own_letter = letter_due(mailbox, dept_a, TODAY, "甲部门来信", office)
    other_letter = letter_due(mailbox, dept_b, YESTERDAY, "乙部门来信", office)
    html = dashboard(client, editor_a)
    overdue, this_week = panel(html, "case-overdue"), panel(html, "case-due-this-week")
    assert handled.number in overdue
    assert others.number not in overdue + this_week
    assert own_letter.number in this_week
    assert other_letter.number not in overdue + this_week


def test_editor_sees_what_is_due_for_the_department(client, editor_a, item_a):
    html = dashboard(client, editor_a)
    assert 'data-testid="editor-obligations"' in html
    assert "/admin/disclosures/new/" in html


def test_leader_without_cases_gets_no_case_panels(client, leader):
    html = dashboard(client, leader)
    assert 'data-testid="case-overdue"' not in html


# --- Menu ---------------------------------------------------------------------------------------


def menu_names(html: str) -> set[str]:
    return set(re.findall(r'"name": "([^"]+)", "label"', html))


def test_wagtails_confusing_menu_entries_are_hidden(client, office, editor_a, item_a):
    for user in (office, editor_a):
        names = menu_names(dashboard(client, user))
        assert not names & {"help", "snippets", "workflows", "workflow-tasks", "aging-pages"}
        assert not names & {"page-types-usage"}
    assert "disclosures-new" in menu_names(dashboard(client, editor_a))


def test_non_writers_have_no_new_disclosure_entry(client, reviewer, item_a):
    assert "disclosures-new" not in menu_names(dashboard(client, reviewer))
