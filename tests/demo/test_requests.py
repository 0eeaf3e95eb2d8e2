"""The demo's 依申请公开 cases (xxgk_demo.requests)."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import StaffFactory
from xxgk.orgs.roles import Role
from xxgk.requests import stats
from xxgk.requests.models import Application
from xxgk_demo.requests import load_demo

pytestmark = pytest.mark.django_db
YEAR = stats.Period.school_year(2026)


def test_demo_is_idempotent_and_keeps_2021_2022_empty(dept_a):
    StaffFactory(username="office", roles=[Role.OFFICE])
    StaffFactory(username="editor_zsb", roles=[Role.EDITOR], department=dept_a)
    assert load_demo(StringIO()) == 14
    assert load_demo(StringIO()) == 0
    statuses = dict(Application.objects.values_list("submission_token", "status"))
    assert statuses["demo-ysq-1"] == "archived" and statuses["demo-ysq-3"] == "in_progress"
    old = stats.request_table(stats.Period.school_year(2021))
    assert all(counts["total"] == 0 for _row, counts in old)
    now = {row.code: counts for row, counts in stats.request_table(YEAR)}
    assert now["一"]["total"] == 14 and now["三.2"]["legal"] == 1
    call_command("requests_daily", stdout=StringIO())
