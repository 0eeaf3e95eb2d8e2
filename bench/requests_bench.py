"""Benchmark of 依申请公开: submissions, deadline computation, case list and report tables.

Builds a scratch database (SQLite file in a temp directory unless DATABASE_URL is given),
then times: N applications created through the service (number locking, deadline, event),
the reply deadline with its explanation for one case, the office's case list with the
overdue filter, and the annual-report tables (表三/表四/fees) over N cases.

    .venv/bin/python bench/requests_bench.py                # 2,000 applications
    .venv/bin/python bench/requests_bench.py --applications 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xxgk_bench_ysq \\
        .venv/bin/python bench/requests_bench.py            # a scratch PostgreSQL database
    DATABASE_URL=... .venv/bin/python bench/requests_bench.py --applications 100000 \\
        --through-service 2000 --dataset-only
    DATABASE_URL=... .venv/bin/python bench/requests_bench.py --applications 100000  # reuses them
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(scratch: Path | None):
    if scratch is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
        os.environ["XXGK_VAR_DIR"] = str(scratch)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def timed(label, fn, repeat=5):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - started) * 1000)
    print(f"{label:<46} median {statistics.median(samples):8.1f} ms  max {max(samples):8.1f} ms")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument(
        "--through-service",
        type=int,
        metavar="N",
        help="create only the first N applications through the service (timed) and "
        "bulk-insert the rest (default: all through the service)",
    )
    parser.add_argument(
        "--dataset-only",
        action="store_true",
        help="create the applications in DATABASE_URL and stop; a later run there reuses them",
    )
    args = parser.parse_args()
    scratch = None if os.environ.get("DATABASE_URL") else Path(tempfile.mkdtemp())
    try:
        setup_django(scratch)
        run(
            args.applications,
            through_service=args.through_service or args.applications,
            reuse=scratch is None,
            dataset_only=args.dataset_only,
        )
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def run(count, *, through_service, reuse=False, dataset_only=False):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from xxgk.requests import deadlines, selectors, stats
    from xxgk.requests.models import Application

    rng = random.Random(5)
    if reuse and Application.objects.count() == count:
        print(f"{connection.vendor}: {count} applications reused from an earlier run")
    else:
        create(count, rng, through_service)
    if dataset_only:
        return
    case = Application.objects.filter(status="received").first()
    timed("deadline + explanation for one case", lambda: deadlines.compute(case))
    office = get_user_model().objects.filter(username="bench").first()
    office = office or get_user_model().objects.create_superuser("bench", "b@example.com", "x" * 12)

    def first_page():
        return list(selectors.application_list(office, flag="overdue")[:30])

    timed("case list, overdue filter, first page", first_page)
    period = stats.Period.school_year(2025)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        timed("表三 request table (school year)", lambda: stats.request_table(period), repeat=1)
    print(f"{'表三 queries':<46} {len(queries)}")
    timed("表三 request table (school year)", lambda: stats.request_table(period))
    timed("表四 + fees", lambda: (stats.appeal_table(period), stats.fee_summary(period)))
    timed("XLSX export", lambda: stats.export_xlsx(period), repeat=3)


def create(count, rng, through_service):
    """``count`` applications, the first ``through_service`` of them through the service
    (timed), the rest bulk-inserted; then half of them closed."""
    from django.db import connection

    from xxgk.requests import services
    from xxgk.requests.models import Application
    from xxgk.requests.validators import resident_id_check_char

    Application.objects.all().delete()
    first17 = "33080219900307123"
    data = {
        "applicant_type": "citizen",
        "name": "测试",
        "contact_person": "",
        "id_type": "resident",
        "id_number": first17 + resident_id_check_char(first17),
        "phone": "13800138000",
        "email": "",
        "address": "浙江省衢州市",
        "postcode": "",
        "description": "基准测试申请",
        "medium": "paper",
        "delivery": "post",
    }
    types = ["citizen", "enterprise", "research", "welfare", "legal", "other_org"]
    served = min(count, through_service)
    started = time.perf_counter()
    for n in range(served):
        received = datetime.date(2025, 9, 1) + datetime.timedelta(days=rng.randrange(440))
        services.create_application(
            data={**data, "applicant_type": types[n % 6]}, received_on=received
        )
    elapsed = time.perf_counter() - started
    print(
        f"{connection.vendor}: {served} applications created in {elapsed:.1f} s "
        f"({elapsed / served * 1000:.1f} ms each, incl. number lock, deadline, event)"
    )
    if count > served:
        started = time.perf_counter()
        bulk_insert(count - served, rng, data, types)
        print(
            f"{connection.vendor}: {count - served} more bulk-inserted in "
            f"{time.perf_counter() - started:.1f} s (same fields, numbers and due dates)"
        )
    outcomes = ["1", "2", "3.4", "4.1", "5.2", "6.1"]
    closed = list(Application.objects.order_by("?")[: count // 2])
    for application in closed:
        application.status = "answered"
        application.outcome = rng.choice(outcomes)
        application.closed_on = application.received_on + datetime.timedelta(days=rng.randrange(30))
    Application.objects.bulk_update(closed, ["status", "outcome", "closed_on"], batch_size=1000)


def bulk_insert(count, rng, data, types):
    """What create_application stores in the application row, without its event and
    acknowledgement: 100,000 applications through the service would take hours."""
    from django.db.models import Max

    from xxgk.core.models import SerialCounter
    from xxgk.requests import deadlines
    from xxgk.requests.models import Application
    from xxgk.requests.services import NUMBER_PREFIX, format_number

    last = dict(Application.objects.values_list("year").annotate(n=Max("sequence")).order_by())
    rows, due = [], {}
    for n in range(count):
        received = datetime.date(2025, 9, 1) + datetime.timedelta(days=rng.randrange(440))
        sequence = last[received.year] = last.get(received.year, 0) + 1
        number = format_number(NUMBER_PREFIX, received.year, sequence)
        application = Application(
            number=number,
            year=received.year,
            sequence=sequence,
            received_on=received,
            clock_start=received,
            query_code_hash=f"bench-{number}",
            **{**data, "applicant_type": types[n % 6]},
        )
        if received not in due:  # the same for every new application received that day
            due[received] = deadlines.compute(application).due
        if due[received] is not None:
            application.due_date = due[received].date
            application.due_provisional = due[received].is_provisional
        rows.append(application)
    Application.objects.bulk_create(rows, batch_size=2000)
    for year, sequence in last.items():
        SerialCounter.objects.update_or_create(
            prefix=NUMBER_PREFIX, year=year, defaults={"last_serial": sequence}
        )


if __name__ == "__main__":
    main()
