"""Review sheets are numbered like an office's paper forms: 保审〔2022〕12号, counting each
year's sheets from 1 with no gap (issue 20, point 11)."""

import datetime
import zoneinfo
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from tests.factories import TEST_PASSWORD
from tests.review.conftest import approve_kwargs
from xxgk.core.models import SerialCounter
from xxgk.disclosures.services import create_disclosure
from xxgk.review.models import ReviewRecord
from xxgk.review.services import decide_review, submit_for_review

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def decide_at(page, editor, reviewer, when):
    state = submit_for_review(page, user=editor)
    state.refresh_from_db()
    return decide_review(state.current_task_state, user=reviewer, at=when, **approve_kwargs())


def draft_titled(title, editor, dept, item):
    return create_disclosure(
        user=editor, item=item, title=title, publishing_department=dept, body="<p>正文。</p>"
    )


@pytest.mark.django_db
def test_each_years_sheets_count_from_one_in_the_schools_time_zone(
    client, editor_a, reviewer, dept_a, item_a
):
    pages = [draft_titled(f"通知{n}", editor_a, dept_a, item_a) for n in range(4)]
    moments = [
        datetime.datetime(2022, 3, 1, 9, 0, tzinfo=SHANGHAI),
        datetime.datetime(2022, 12, 31, 23, 30, tzinfo=SHANGHAI),
        # 16:30 UTC on 31 December is already 2023 at the school.
        datetime.datetime(2022, 12, 31, 16, 30, tzinfo=datetime.UTC),
        datetime.datetime(2023, 1, 5, 10, 0, tzinfo=SHANGHAI),
    ]
    records = [
        decide_at(page, editor_a, reviewer, when) for page, when in zip(pages, moments, strict=True)
    ]
    assert [r.number for r in records] == [
        "保审〔2022〕1号",
        "保审〔2022〕2号",
        "保审〔2023〕1号",
        "保审〔2023〕2号",
    ]
    assert client.login(username=reviewer.username, password=TEST_PASSWORD)
    sheet = client.get(reverse("review:record", args=[records[2].pk]))
    assert "保审〔2023〕1号" in sheet.content.decode()


@pytest.mark.django_db
def test_sheets_decided_before_the_change_are_numbered_in_the_order_they_were_decided(
    editor_a, reviewer, dept_a, item_a
):
    """review 0004's data step, run on sheets that still carry placeholder numbers."""
    numbering = import_module("xxgk.review.migrations.0004_record_numbers_per_year")
    pages = [draft_titled(f"旧通知{n}", editor_a, dept_a, item_a) for n in range(3)]
    decided = [
        datetime.datetime(2022, 5, 1, 10, tzinfo=SHANGHAI),
        datetime.datetime(2021, 11, 2, 10, tzinfo=SHANGHAI),
        datetime.datetime(2022, 1, 3, 10, tzinfo=SHANGHAI),
    ]
    records = [
        decide_at(page, editor_a, reviewer, when) for page, when in zip(pages, decided, strict=True)
    ]
    for placeholder, record in enumerate(records, start=900):
        ReviewRecord.objects.filter(pk=record.pk).update(number_year=1900, serial=placeholder)
    SerialCounter.objects.filter(prefix="保审").delete()

    numbering.number_existing(django_apps, None)

    numbers = [ReviewRecord.objects.get(pk=r.pk).number for r in records]
    assert numbers == ["保审〔2022〕2号", "保审〔2021〕1号", "保审〔2022〕1号"]
    assert SerialCounter.objects.get(prefix="保审", year=2022).last_serial == 2
    assert SerialCounter.objects.get(prefix="保审", year=2021).last_serial == 1
