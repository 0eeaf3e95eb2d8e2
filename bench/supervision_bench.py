"""Benchmark of the supervision dashboard (issue 7's figure: 50 departments × 60 catalogue
items over 100,000 disclosures, under 300 ms, with a bounded number of queries).

Builds a scratch database (SQLite file in a temp directory unless DATABASE_URL is given):
50 departments, the 50 MoE items plus 10 school items (60), one or two responsible
departments per item, and N disclosures spread over five school years (bulk-inserted past
the page-tree API, which would take hours at this size), plus pending-information records.
Then it times the whole back-office request /admin/supervision/?school_year=2021 (the
obligations, matrix, overdue lists, trend charts and template) and the computation alone.

    .venv/bin/python bench/supervision_bench.py                    # 100,000 disclosures
    .venv/bin/python bench/supervision_bench.py --disclosures 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xxgk_bench_sup \\
        .venv/bin/python bench/supervision_bench.py                # a scratch PostgreSQL db
"""

import argparse
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from figures import emit  # noqa: E402

from bench.search_bench import setup_django  # noqa: E402  (same scratch-database set-up)

FIRST_DAY = datetime.date(2017, 9, 1)
LAST_DAY = datetime.date(2022, 8, 31)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--disclosures", type=int, default=100_000)
    parser.add_argument("--departments", type=int, default=50)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=20220901)
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="build the SQLite database in DIR and keep it; reuse it if built",
    )
    return parser.parse_args()


def build(args, rng):
    from django.contrib.auth.models import Group

    from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
    from xxgk.orgs.models import Department
    from xxgk.orgs.roles import Role
    from xxgk.orgs.services import create_department, create_staff_user

    departments = [
        create_department(name=f"基准部门{n:02d}", code=f"BD{n:02d}")
        for n in range(args.departments)
    ]
    create_staff_user(username="bench_office", password=uuid.uuid4().hex, roles=[Role.OFFICE])
    category = CatalogueCategoryPage.objects.get(number=10)
    for number in range(51, 61):
        category.add_child(
            instance=CatalogueItemPage(
                title=f"学校自定事项{number}", item_number=str(number), rule_kind="event"
            )
        )
    items = list(CatalogueItemPage.objects.all())
    through = CatalogueItemPage.responsible_departments.through
    through.objects.all().delete()
    pairs = []
    for item in items:
        for department in rng.sample(departments, rng.choice((1, 1, 2))):
            pairs.append((item, department))
    through.objects.bulk_create(
        [through(catalogueitempage_id=i.pk, department_id=d.pk) for i, d in pairs]
    )
    assert Department.objects.count() == args.departments and Group.objects.exists()
    from django.db import connection

    from xxgk.supervision import db

    # The daily summary's triggers would add to it row by row; counted once at the end.
    db.drop_triggers(connection)
    insert_disclosures(args.disclosures, pairs, rng)
    db.ensure_triggers(connection)
    add_pending(pairs, rng)


def insert_disclosures(count, pairs, rng):
    """Page rows via bulk_create, then the DisclosurePage child rows via plain SQL built from
    the model's own fields (multi-table models cannot be bulk-created by the ORM)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Locale, Page

    from xxgk.disclosures.models import DisclosurePage

    content_type = ContentType.objects.get_for_model(DisclosurePage)
    locale = Locale.get_default()
    span = (LAST_DAY - FIRST_DAY).days
    children = {}
    pages, rows = [], []
    for n in range(count):
        item, department = rng.choice(pairs)
        children[item.pk] = children.get(item.pk, 0) + 1
        step = _base36(children[item.pk]).rjust(Page.steplen, "0")
        published = FIRST_DAY + datetime.timedelta(days=rng.randrange(span))
        formed = published - datetime.timedelta(days=rng.randrange(1, 40))
        pages.append(
            Page(
                title=f"基准公开信息{n}",
                draft_title=f"基准公开信息{n}",
                slug=f"bench-sup-{n}",
                path=item.path + step,
                depth=item.depth + 1,
                numchild=0,
                url_path=f"{item.url_path}bench-sup-{n}/",
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=datetime.datetime.combine(
                    published, datetime.time(9), datetime.UTC
                ),
            )
        )
        rows.append(
            (item.pk, department.pk, published, formed if item.rule_kind == "event" else None)
        )
    fields = list(DisclosurePage._meta.local_concrete_fields)
    table = connection.ops.quote_name(DisclosurePage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    with transaction.atomic():
        created = Page.objects.bulk_create(pages, batch_size=2000)
        if created[0].pk is None:
            created = list(Page.objects.filter(slug__startswith="bench-sup-").order_by("pk"))
        values = []
        for page, (item_id, dept_id, published, formed) in zip(created, rows, strict=True):
            instance = DisclosurePage(
                page_ptr_id=page.pk,
                catalogue_item_id=item_id,
                publishing_department_id=dept_id,
                publication_date=published,
                formed_on=formed,
            )
            values.append(
                [f.get_db_prep_save(getattr(instance, f.attname), connection) for f in fields]
            )
        with connection.cursor() as cursor:
            for start in range(0, len(values), 2000):
                cursor.executemany(sql, values[start : start + 2000])
        for item_id, n in children.items():
            Page.objects.filter(pk=item_id).update(numchild=n)


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def add_pending(pairs, rng, count=500):
    from xxgk.supervision.models import PendingInformation

    event_pairs = [(i, d) for i, d in pairs if i.rule_kind == "event"]
    PendingInformation.objects.bulk_create(
        [
            PendingInformation(
                department=d,
                item=i,
                title=f"待公开信息{n}",
                formed_on=datetime.date(2021, 9, 1) + datetime.timedelta(days=rng.randrange(360)),
            )
            for n, (i, d) in enumerate(rng.choice(event_pairs) for _ in range(count))
        ]
    )


def timed(function, runs):
    """Wall-clock and CPU milliseconds per run. On a shared machine the CPU time (this
    process, SQLite included) is the figure that other processes' load does not inflate."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return times, cpu


def main():
    args = parse_args()
    if os.environ.get("DATABASE_URL"):
        scratch = None
    elif args.keep:
        scratch = Path(args.keep)
        scratch.mkdir(parents=True, exist_ok=True)
    else:
        scratch = Path(tempfile.mkdtemp(prefix="xxgk-sup-"))
    try:
        setup_django(scratch)
        from django.contrib.auth import get_user_model
        from django.core.cache import cache
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone

        from xxgk.catalogue.models import CatalogueItemPage
        from xxgk.disclosures.models import DisclosurePage
        from xxgk.orgs.models import Department
        from xxgk.supervision.periods import Period
        from xxgk.supervision.selectors import compliance_matrix, obligation_set

        through = CatalogueItemPage.responsible_departments.through
        rng = random.Random(args.seed)
        started = time.perf_counter()
        if not Department.objects.filter(code="BD00").exists():
            build(args, rng)
        if connection.vendor == "postgresql":
            # Statistics as autovacuum keeps them: right after the bulk insert the planner
            # takes the tables for nearly empty. (Django never analyzes SQLite databases, so
            # those are measured without statistics, as they run.)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"data: {Department.objects.count()} departments, "
            f"{CatalogueItemPage.objects.count()} items, "
            f"{through.objects.count()} responsibilities, "
            f"{DisclosurePage.objects.count()} disclosures "
            f"({connection.vendor}, ready in {time.perf_counter() - started:.0f} s)"
        )
        client = Client()
        client.force_login(get_user_model().objects.get(username="bench_office"))
        url = "/admin/supervision/?school_year=2021"
        assert client.get(url).status_code == 200  # warm-up (templates, calendar data)
        cache.clear()
        # Counted at once: the captured slice is re-read from the connection's query log,
        # which later queries rotate when DEBUG logs every query.
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        cold_queries = len(captured)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        warm_queries = len(captured)
        period, today = Period.school_year(2021), timezone.localdate()

        def compute():
            compliance_matrix(obligation_set(period, today=today))

        def cold_request():
            cache.clear()
            client.get(url)

        result = obligation_set(period, today=today)
        print(f"load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
        for label, (times, cpu) in (
            ("dashboard, cold cache", timed(cold_request, args.runs)),
            ("dashboard, warm cache", timed(lambda: client.get(url), args.runs)),
            ("obligations + matrix", timed(compute, args.runs)),
        ):
            print(
                f"{label:<22} median {statistics.median(times):7.1f} ms   "
                f"min {min(times):7.1f} ms   max {max(times):7.1f} ms   "
                f"CPU median {statistics.median(cpu):7.1f} ms   ({args.runs} runs)"
            )
            emit("supervision", f"{label}, wall median", round(statistics.median(times), 1), "ms")
            emit("supervision", f"{label}, CPU median", round(statistics.median(cpu), 1), "ms")
        print(f"load average after: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
        print(f"queries per dashboard request: {cold_queries} cold, {warm_queries} warm")
        emit("supervision", f"disclosures ({connection.vendor})", DisclosurePage.objects.count())
        emit("supervision", "queries per request, cold", cold_queries)
        emit("supervision", "queries per request, warm", warm_queries)
        emit("supervision", "load average at end", round(os.getloadavg()[0], 2))
        print(
            f"obligations in 2021-2022: {len(result.obligations)}, failing: {len(result.failing())}"
        )
    finally:
        if scratch is not None and not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
