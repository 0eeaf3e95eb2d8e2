"""Benchmark of the leaders' mailbox: concurrent submissions, the handling chain, statistics.

Builds a scratch database (SQLite file in a temp directory unless DATABASE_URL is given),
then: T threads submit N letters at once through the service (numbers must come out unique
and gap-free), every letter is assigned/drafted/approved, and the statistics (median and 90th
percentile working days per mailbox/category/department) and the XLSX export are timed.

    .venv/bin/python bench/mailbox_bench.py                       # 1,000 letters, 8 threads
    .venv/bin/python bench/mailbox_bench.py --letters 5000 --threads 16
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xxgk_bench_mb \\
        .venv/bin/python bench/mailbox_bench.py
"""

import argparse
import datetime
import io
import os
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from requests_bench import setup_django, timed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    scratch = None if os.environ.get("DATABASE_URL") else Path(tempfile.mkdtemp())
    try:
        setup_django(scratch)
        run(args.letters, args.threads)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def run(count, threads):
    from django.db import connection
    from django.utils import timezone

    from xxgk.core.models import SerialCounter
    from xxgk.mailbox import services
    from xxgk.mailbox.export import statistics_workbook
    from xxgk.mailbox.models import Letter, Mailbox
    from xxgk.mailbox.selectors import letter_statistics
    from xxgk.orgs.roles import Role
    from xxgk.orgs.services import create_department, create_staff_user

    Letter.objects.all().delete()
    SerialCounter.objects.filter(prefix="BN").delete()
    box, _ = Mailbox.objects.get_or_create(
        slug="bench", defaults={"name": "基准信箱", "number_prefix": "BN"}
    )
    department = create_department(
        name=f"基准部门{time.time_ns()}", code=f"B{time.time_ns() % 10**9}"
    )
    office = create_staff_user(
        username=f"bench{time.time_ns()}", password="bench-password-1", roles=[Role.OFFICE]
    )
    data = {
        "subject": "基准测试来信",
        "message": "这是一封用于基准测试的来信内容。",
        "writer_name": "测",
    }

    def submit(_):
        started = time.perf_counter()
        try:
            services.submit_letter(mailbox=box, data=data)
        finally:
            connection.close()
        return (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        latencies = list(pool.map(submit, range(count)))
    wall = time.perf_counter() - started
    numbers = list(Letter.objects.values_list("number", flat=True))
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    print(f"database: {connection.vendor}; {count} letters from {threads} threads in {wall:.1f} s")
    print(
        f"  {count / wall:.0f} letters/s; per letter median {statistics.median(latencies):.1f} ms,"
        f" p95 {sorted(latencies)[int(0.95 * len(latencies)) - 1]:.1f} ms"
    )
    gap_free = serials == list(range(1, count + 1))
    print(f"  numbers unique: {len(set(numbers)) == count}; gap-free: {gap_free}")

    started = time.perf_counter()
    for letter in Letter.objects.all():
        services.assign_letter(letter, user=office, department=department, working_days=10)
        services.draft_answer(letter, user=office, answer="答复")
        services.approve_answer(letter, user=office)
    per_letter = (time.perf_counter() - started) * 1000 / count
    print(f"assign + draft + approve: {per_letter:.1f} ms per letter")

    today = timezone.localdate()
    period = (today - datetime.timedelta(days=365), today)
    stats = timed(f"letter_statistics over {count} letters", lambda: letter_statistics(*period))
    timed("XLSX export", lambda: statistics_workbook(stats).save(io.BytesIO()))
    timed("remind_overdue_letters (none overdue)", services.remind_overdue_letters)


if __name__ == "__main__":
    main()
