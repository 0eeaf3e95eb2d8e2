"""The daily summary (DailyPublications, kept by triggers) against the disclosures themselves,
through every way a disclosure enters or leaves the count, and the dashboard figures read
from it against the direct computation over the disclosures they replaced."""

import datetime
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation

from tests.factories import bulk_disclosures, catalogue_item, review_through
from xxgk.disclosures.models import DisclosurePage
from xxgk.orgs.models import Department
from xxgk.review.services import withdraw_disclosure
from xxgk.supervision import db as summary_db
from xxgk.supervision import selectors
from xxgk.supervision.models import DailyPublications
from xxgk.supervision.obligations import Evaluator, PairHistory, Rule
from xxgk.supervision.periods import Period

from .conftest import d

pytestmark = pytest.mark.django_db


def summary() -> dict:
    return {
        (row.item_id, row.department_id, row.day): row.count
        for row in DailyPublications.objects.filter(count__gt=0)
    }


def direct() -> dict:
    """What the summary must hold: the live disclosures with a publication date, counted."""
    return dict(
        Counter(
            (item_id or 0, dept_id, day)
            for item_id, dept_id, day in selectors.published_disclosures().values_list(
                "catalogue_item_id", "publishing_department_id", "publication_date"
            )
        )
    )


def assert_exact():
    assert summary() == direct()
    assert not DailyPublications.objects.filter(count__lt=0).exists()


def direct_trend(period, departments) -> dict:
    """monthly_trend as it was computed before the summary: from the disclosures."""
    months = period.months()
    series = {dep.pk: [0] * len(months) for dep in departments}
    rows = selectors.published_disclosures().filter(
        publication_date__range=(period.start, period.end),
        publishing_department__in=[dep.pk for dep in departments],
    )
    for dept_id, day in rows.values_list("publishing_department_id", "publication_date"):
        index = max(n for n, month in enumerate(months) if month <= day)
        series[dept_id][index] += 1
    return {"months": months, "series": series}


def direct_segments(bounds: dict, histories: dict) -> list[tuple]:
    """_segments as the disclosures give them: per pair, the first and last publication
    between consecutive boundaries of its item."""
    dates = defaultdict(list)
    for dept_id, item_id, day in selectors.published_disclosures().values_list(
        "publishing_department_id", "catalogue_item_id", "publication_date"
    ):
        if (dept_id, item_id) in histories and item_id in bounds:
            start = max(b for b in bounds[item_id] if b <= day)
            dates[(dept_id, item_id, start)].append(day)
    return sorted((*key, min(days), max(days)) for key, days in dates.items())


def assert_figures_unchanged(today):
    departments = list(Department.objects.all())
    for period in (
        Period.school_year(2020),
        Period.school_year(2021),
        Period(d("2021-10-15"), d("2023-02-10")),
    ):
        assert selectors.monthly_trend(period, departments) == direct_trend(period, departments)
        evaluator = Evaluator(
            period=period,
            today=today,
            calendar=selectors.obligation_set(period, today=today).calendar,
            due_soon_days=5,
        )
        _, items, pairs = selectors._load_items()
        bounds = {
            pk: evaluator.date_bounds(Rule.of(item))
            for pk, item in items.items()
            if item.rule_kind != "event"
        }
        histories = {pair: PairHistory(bounds=bounds.get(pair[1], frozenset())) for pair in pairs}
        got = selectors._segments(selectors.published_disclosures(), bounds, histories)
        assert sorted(got) == direct_segments(bounds, histories)


@pytest.fixture
def varied(dept_a, dept_b, office, responsible, publish):
    """Disclosures under items of every rule kind, two departments, several years."""
    items = {number: catalogue_item(number) for number in ("7", "19", "2", "30")}
    for number in items:
        responsible(number, dept_a, dept_b)
    pages = []
    for n, day in enumerate(
        ["2020-10-01", "2021-03-15", "2021-09-01", "2021-10-31", "2022-01-01", "2022-08-31"]
    ):
        for item in items.values():
            department = (dept_a, dept_b)[n % 2]
            formed = d(day) - datetime.timedelta(days=n * 3 + 1)
            pages.append(publish(item, department, d(day), formed_on=formed))
    bulk_disclosures(items["19"], dept_b, 30, publication_date=d("2021-11-11"))
    return items, pages


def test_summary_follows_every_change(varied, office, dept_a, dept_b):
    items, pages = varied
    assert_exact()
    assert sum(summary().values()) == 24 + 30
    today = d("2022-06-30")
    assert_figures_unchanged(today)

    withdraw_disclosure(pages[0], user=office, reason="内容有误")
    assert_exact()
    pages[1].refresh_from_db()
    pages[1].unpublish()
    assert_exact()

    expiring = pages[2]
    DisclosurePage.objects.filter(pk=expiring.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", verbosity=0)
    assert not DisclosurePage.objects.get(pk=expiring.pk).live
    assert_exact()

    moved = DisclosurePage.objects.get(pk=pages[3].pk)
    moved.move(items["30"], pos="last-child")  # as the office would, no rights asked
    moved = DisclosurePage.objects.get(pk=moved.pk)
    moved.save()  # the item is taken from the parent on save
    assert moved.catalogue_item_id == items["30"].pk
    assert_exact()

    edited = DisclosurePage.objects.get(pk=pages[4].pk)
    edited.publishing_department = dept_b if edited.publishing_department == dept_a else dept_a
    edited.publication_date = d("2022-02-02")
    edited.save_revision(user=office)
    review_through(edited, submitter=office)  # published again, through the review
    assert DisclosurePage.objects.get(pk=edited.pk).publication_date == d("2022-02-02")
    assert_exact()

    DisclosurePage.objects.filter(catalogue_item=items["19"]).update(
        publication_date=F("publication_date") + datetime.timedelta(days=3)
    )
    assert_exact()
    DisclosurePage.objects.filter(pk=pages[5].pk).update(publication_date=None)
    assert_exact()
    DisclosurePage.objects.filter(pk=pages[6].pk).update(catalogue_item=None)
    assert_exact()

    DisclosurePage.objects.get(pk=pages[7].pk).delete()
    DisclosurePage.objects.filter(catalogue_item=items["19"], live=True).first().delete()
    assert_exact()
    assert_figures_unchanged(today)


def test_lost_triggers_are_restored_and_the_summary_counted_again(varied):
    """SQLite drops a table's triggers when a migration rebuilds it (supervision/db.py)."""
    summary_db.drop_triggers(connection)
    DisclosurePage.objects.filter(pk=varied[1][0].pk).update(publication_date=d("2019-01-01"))
    assert summary() != direct()
    assert summary_db.ensure_triggers(connection)
    assert_exact()
    assert not summary_db.ensure_triggers(connection)
    DisclosurePage.objects.filter(pk=varied[1][1].pk).delete()
    assert_exact()


def test_item_zero_counts_disclosures_without_an_item(varied):
    DisclosurePage.objects.filter(pk=varied[1][2].pk).update(catalogue_item=None)
    assert any(item_id == 0 for item_id, _, _ in summary())
    assert_exact()


def test_emptying_the_tables_in_any_order_leaves_no_count_behind(varied):
    """Django's flush (transactional tests) deletes the tables in no fixed order: pages and
    disclosures deleted after the summary was emptied must not leave counts of -1."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {summary_db.SUMMARY}")
        cursor.execute(
            f"DELETE FROM {summary_db.PAGE} WHERE id IN "
            f"(SELECT page_ptr_id FROM {summary_db.DISCLOSURE})"
        )
        cursor.execute(f"DELETE FROM {summary_db.DISCLOSURE}")
        assert not DailyPublications.objects.exists()
        transaction.set_rollback(True)  # the rows other tables refer to come back


def test_the_cached_dashboard_speaks_the_language_of_each_reader(varied):
    """The figures are cached per state of the data; their texts are per language."""
    period, today = Period.school_year(2021), d("2022-06-30")
    with translation.override("zh-hans"):
        chinese = selectors.dashboard_data(period, today=today)["matrix"]
    with translation.override("en"):
        english = selectors.dashboard_data(period, today=today)["matrix"]
    labels = [(c["label"], c["summary"]) for row in chinese for c in row["cells"]]
    english_labels = [(c["label"], c["summary"]) for row in english for c in row["cells"]]
    assert len(labels) == len(english_labels) > 0
    assert all(a != b for a, b in zip(labels, english_labels, strict=True))
    assert not any(
        "\u4e00" <= char <= "\u9fff" for label in english_labels for text in label for char in text
    )
