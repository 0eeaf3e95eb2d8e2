"""The public portal under admission-season load, against nginx serving a static file.

1. A dataset of 100,000 disclosures, 10,000 applications and 50 departments (--disclosures,
   --applications for other sizes) in a database of its own (var/bench/portal/bench.sqlite3,
   or BENCH_DATABASE_URL), bulk-inserted; kept and reused while the generator is unchanged
   (migrated forward when migrations change).
2. The production configuration on loopback (deploy/local.py: gunicorn, 2 workers, behind
   nginx), and in the same nginx a second server with saved copies of the cached pages.
3. wrk (Debian package) against home, a catalogue item list and the disclosure page (cached),
   each paired with nginx serving a saved copy of its bytes as a static file, and at low
   concurrency against search and the uncached disclosure and list pages; medians of a few
   short runs, interleaved so that each target sees the same machine load. Each cached page
   and its static copy run back to back, in alternating order, and their ratio is the median
   of the rounds' ratios; nginx's CPU time per request is printed too (it hardly depends on
   what else runs on the machine).
4. 200 concurrent reader threads (each view a different reader, from its own loopback
   address and browser: the page, then the count endpoint as the page's script does), with a
   graceful worker reload halfway and a graceful stop at the end; the views counted in the
   database must equal the page views served.

    .venv/bin/python bench/portal_bench.py                # as make bench runs it
    .venv/bin/python bench/portal_bench.py --runs 1 --seconds 3 --readers-seconds 10
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/xxgk_bench_1m \
        .venv/bin/python bench/portal_bench.py --disclosures 1000000 --applications 100000
"""

import argparse
import datetime
import hashlib
import http.client
import inspect
import itertools
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from figures import emit  # noqa: E402

from deploy.local import Stack, free_port  # noqa: E402

BENCH = "portal"
WORK = REPO / "var" / "bench" / "portal"
DISCLOSURES, APPLICATIONS, DEPARTMENTS = 100_000, 10_000, 50
SEARCH_QUERY = "招生"


def scale(disclosures: int, applications: int) -> None:
    """Size the dataset; a size other than the default is kept in a directory of its own."""
    global DISCLOSURES, APPLICATIONS, WORK
    if (disclosures, applications) != (DISCLOSURES, APPLICATIONS):
        WORK = WORK.with_name(f"portal-{disclosures}-{applications}")
    DISCLOSURES, APPLICATIONS = disclosures, applications


def database_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{WORK / 'bench.sqlite3'}"


def setup_django() -> None:
    os.environ["DATABASE_URL"] = database_url()
    os.environ["XXGK_VAR_DIR"] = str(WORK / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()


# --- Dataset ----------------------------------------------------------------------------------

PHRASES = [
    "普通本科招生章程",
    "招生计划",
    "录取结果",
    "研究生招生简章",
    "学费标准",
    "收费项目",
    "财务预算",
    "决算报告",
    "采购公告",
    "人事招聘",
    "教职工招聘公告",
    "学科建设",
    "学生奖助",
    "毕业生就业质量报告",
    "校园安全",
    "实验室安全",
    "科研项目",
    "规章制度",
]


def base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def generate() -> dict:
    """Bulk-insert the dataset (the page-tree API would take hours at this size)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Locale, Page

    from xxgk.catalogue.models import CatalogueItemPage
    from xxgk.disclosures.models import DisclosurePage
    from xxgk.orgs.models import Department
    from xxgk.orgs.services import create_department

    rng = random.Random(9)
    for n in range(Department.objects.count(), DEPARTMENTS):
        create_department(name=f"测试部门{n + 1:02d}", code=f"BD{n + 1:02d}")
    departments = list(Department.objects.values_list("pk", flat=True))
    items = list(CatalogueItemPage.objects.order_by("path"))
    content_type = ContentType.objects.get_for_model(DisclosurePage)
    locale = Locale.get_default()
    per_item = DISCLOSURES // len(items)
    fields = list(DisclosurePage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    insert = f"INSERT INTO {DisclosurePage._meta.db_table} ({columns}) VALUES ({placeholders})"
    start = datetime.date(2017, 1, 1)
    for item in items:
        pages, values = [], []
        for k in range(1, per_item + 1):
            phrase = rng.choice(PHRASES)
            day = start + datetime.timedelta(days=rng.randrange(0, 6 * 365))
            title = f"{day.year}年{phrase}（第{k}号）"
            slug = f"d{item.pk}-{k}"
            published = datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=item.path + base36(k).rjust(Page.steplen, "0"),
                    depth=item.depth + 1,
                    numchild=0,
                    url_path=f"{item.url_path}{slug}/",
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            values.append(
                {
                    "catalogue_item": item.pk,
                    "publishing_department": rng.choice(departments),
                    "index_number": f"QZXY-{day.year}-{item.item_number}-{k:05d}",
                    "publication_date": day,
                    "summary": f"{phrase}相关信息。",
                    "body": "<p>" + "，".join(rng.choice(PHRASES) for _ in range(40)) + "。</p>",
                }
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=1000)
            ids = list(
                Page.objects.filter(path__startswith=item.path, depth=item.depth + 1)
                .order_by("path")
                .values_list("pk", flat=True)
            )
            rows = []
            for pk, value in zip(ids, values, strict=True):
                value["page_ptr"] = pk
                rows.append(
                    [
                        f.get_db_prep_save(
                            value[f.name] if f.name in value else f.get_default(), connection
                        )
                        for f in fields
                    ]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            Page.objects.filter(pk=item.pk).update(numchild=per_item)
    applications = generate_applications(rng)
    searchable = build_search_index()
    sample_item = items[len(items) // 2]
    disclosure_ids = list(
        DisclosurePage.objects.filter(catalogue_item=sample_item)
        .order_by("path")
        .values_list("pk", flat=True)[:2]
    )
    return {
        "disclosures": DisclosurePage.objects.count(),
        "departments": Department.objects.count(),
        "applications": applications,
        "search_index": searchable,
        "item": sample_item.pk,
        "disclosure": disclosure_ids[0],
        "reader_disclosure": disclosure_ids[1],
    }


def generate_applications(rng) -> int | str:
    try:
        from xxgk.requests import models as request_models
        from xxgk.requests.services import NUMBER_PREFIX, format_number
    except ImportError as error:
        return f"requests app missing ({error})"
    Application = request_models.Application
    today = datetime.date(2022, 8, 31)
    rows = []
    for seq in range(1, APPLICATIONS + 1):
        received = today - datetime.timedelta(days=rng.randrange(0, 3 * 365))
        rows.append(
            Application(
                number=format_number(NUMBER_PREFIX, received.year, seq),
                year=received.year,
                sequence=seq,
                channel=rng.choice(request_models.Channel.values),
                received_on=received,
                applicant_type=rng.choice(request_models.ApplicantType.values),
                name=f"申请人{seq}",
                id_type=request_models.IdType.RESIDENT,
                id_number=f"330802{seq:012d}",
                phone="13800000000",
                address="浙江省衢州市",
                description=f"申请公开{rng.choice(PHRASES)}",
                medium=rng.choice(request_models.MediumChoice.values),
                delivery=rng.choice(request_models.DeliveryChoice.values),
                query_code_hash=hashlib.sha256(str(seq).encode()).hexdigest(),
                status=rng.choice(request_models.Status.values),
                clock_start=received,
                due_date=received + datetime.timedelta(days=28),
            )
        )
    Application.objects.bulk_create(rows, batch_size=2000)
    return Application.objects.count()


def build_search_index() -> int | str:
    try:
        from xxgk.search.services import rebuild_index
    except ImportError as error:
        return f"search app missing ({error})"
    try:
        return rebuild_index()
    except Exception as error:  # another app's failure is reported, not fatal to the run
        return f"search index failed: {error!r}"[:120]


def fingerprint() -> str:
    """Changes when the generator or the database changes (not with migrations: a kept
    dataset is migrated forward, see ensure_dataset)."""
    parts = [generate, generate_applications, build_search_index, base36]
    digest = hashlib.sha256("".join(inspect.getsource(part) for part in parts).encode())
    digest.update(repr((PHRASES, DISCLOSURES, APPLICATIONS, DEPARTMENTS)).encode())
    digest.update(database_url().encode())
    return digest.hexdigest()


def ensure_dataset() -> dict:
    """The kept dataset, brought up to the current migrations (other apps add migrations all
    the time; regenerating 100,000 pages for each would take half an hour), or a new one."""
    from django.core.management import call_command
    from django.db import connection

    WORK.mkdir(parents=True, exist_ok=True)
    state_file = WORK / "dataset.json"
    current = fingerprint()
    if state_file.exists():
        state = json.loads(state_file.read_text())
        if state.get("fingerprint") == current:
            began = time.monotonic()
            call_command("migrate", verbosity=0, interactive=False)
            state.update(reused=True, migrate_seconds=round(time.monotonic() - began, 1))
            return state
    connection.close()
    if database_url().startswith("sqlite:"):
        for suffix in ("", "-wal", "-shm"):
            Path(str(WORK / "bench.sqlite3") + suffix).unlink(missing_ok=True)
    began = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.monotonic()
    state = generate()
    generated = time.monotonic()
    if connection.vendor == "postgresql":
        # What autovacuum does some minutes after a bulk load; until then the planner takes
        # the tables for nearly empty (Wagtail's route lookup then scans 700,000 paths).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    state.update(
        fingerprint=current,
        migrate_seconds=round(migrated - began, 1),
        generate_seconds=round(generated - migrated, 1),
        vacuum_seconds=round(time.monotonic() - generated, 1),
    )
    state_file.write_text(json.dumps(state))
    return {**state, "reused": False}


# --- Load -------------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output: str) -> dict:
    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"(\d+) requests in", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": int(requests.group(1)) if requests else 0,
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def wrk(url: str, connections: int, seconds: int) -> dict:
    threads = max(1, min(2, connections))
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    return parse_wrk(result.stdout)


def fetch(port: int, path: str, method: str = "GET", headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    return response, response.read()


def drain(stack: Stack, limit: float = 120) -> None:
    """Wait until requests queued by a finished wrk run are done (gunicorn still works through
    what nginx passed on), so that the next target starts on idle workers."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        began = time.monotonic()
        fetch(stack.port, "/healthz")
        if time.monotonic() - began < 0.05:
            return
        time.sleep(0.5)


def reader_address(number: int) -> str:
    """A loopback address of its own for the n-th simulated reader (127.1.0.0 onwards; Linux
    answers the whole 127/8 on lo), which nginx passes on as the client address."""
    number += 1 << 16
    return f"127.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"


def readers_run(stack: Stack, path: str, page_id: int, count: int, seconds: float) -> dict:
    """``count`` browsers read the page for ``seconds``; returns how many views were served.

    Each page view is a different reader (its own address and browser), as on the real site:
    the count endpoint counts a reader once per page per window (xxgk.viewcounts.services),
    so one simulated browser reloading the page would rightly be counted once."""
    stop = threading.Event()
    served, errors, lock = [0], [0], threading.Lock()
    readers = itertools.count()

    def reader(number: int):
        language = "zh-CN,zh;q=0.9" if number % 2 == 0 else "en-US,en;q=0.9"
        mine = failed = 0
        while not stop.is_set():
            visitor = next(readers)
            conn = http.client.HTTPConnection(
                "127.0.0.1", stack.port, timeout=60, source_address=(reader_address(visitor), 0)
            )
            headers = {"Accept-Language": language, "User-Agent": f"bench-reader/{visitor}"}
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                body = response.read()
                if response.status != 200:
                    failed += 1
                    continue
                # What viewcount.js does: count (edge copy) or read (counted by the server).
                mine += 1
                method = "POST" if b'data-view-mode="count"' in body else "GET"
                conn.request(
                    method, f"/views/{page_id}/", headers={**headers, "Content-Length": "0"}
                )
                counted = conn.getresponse()
                counted.read()
                if counted.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
            finally:
                conn.close()
        with lock:
            served[0] += mine
            errors[0] += failed

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(count)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(seconds / 2)
    stack.reload_app()  # a normal restart of every worker, halfway through
    time.sleep(seconds / 2)
    stop.set()
    for thread in threads:
        thread.join()
    return {"served": served[0], "errors": errors[0], "seconds": time.monotonic() - began}


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "load_1min": os.getloadavg()[0],
        "python": platform.python_version(),
        "nginx": subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--readers-seconds", type=float, default=60)
    parser.add_argument(
        "--disclosures",
        type=int,
        default=DISCLOSURES,
        help="dataset size; other sizes than the default keep their dataset in var/bench/portal-N",
    )
    parser.add_argument("--applications", type=int, default=APPLICATIONS)
    parser.add_argument(
        "--dataset-only",
        action="store_true",
        help="build (or migrate) the dataset and stop, e.g. to build it under nice",
    )
    args = parser.parse_args()
    scale(args.disclosures, args.applications)
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(
                f"{tool} is missing: `make bench` installs it (apt-get install nginx-light wrk)"
            )

    for key, value in machine().items():
        emit(BENCH, f"machine: {key}", value)
    setup_django()
    dataset = ensure_dataset()
    emit(BENCH, "dataset: disclosures", dataset["disclosures"])
    emit(BENCH, "dataset: applications", dataset["applications"])
    emit(BENCH, "dataset: departments", dataset["departments"])
    emit(BENCH, "dataset: search documents", dataset["search_index"])
    emit(BENCH, "dataset: reused from an earlier run", dataset["reused"])
    emit(BENCH, "dataset: migrate", dataset["migrate_seconds"], "s")
    if not dataset["reused"]:
        emit(
            BENCH,
            "dataset: generate (bulk insert + search index)",
            dataset["generate_seconds"],
            "s",
        )
        if dataset.get("vacuum_seconds"):
            emit(BENCH, "dataset: VACUUM ANALYZE (PostgreSQL)", dataset["vacuum_seconds"], "s")
    if args.dataset_only:
        return

    from wagtail.models import Page

    from xxgk.viewcounts.selectors import stored_count

    item_url = Page.objects.get(pk=dataset["item"]).specific.url
    disclosure_url = Page.objects.get(pk=dataset["disclosure"]).specific.url
    reader_page = Page.objects.get(pk=dataset["reader_disclosure"]).specific

    static_dir = WORK / "static-copy"
    static_port = free_port()
    static_server = (
        f"    server {{\n        listen 127.0.0.1:{static_port};\n"
        f"        root {static_dir};\n        charset utf-8;\n    }}"
    )
    stack = Stack(
        WORK / "stack",
        database_url(),
        workers=2,
        extra_nginx=static_server,
        env={"STATIC_ROOT": str(REPO / "var" / "static-prod"), "MEDIA_ROOT": str(WORK / "media")},
    )
    stack.static_root = REPO / "var" / "static-prod"
    with stack:
        # Warm the caches; save a static copy of exactly what readers get of each cached page.
        for path in ("/", item_url, disclosure_url, disclosure_url):
            fetch(stack.port, path)
        cached_pages = {
            "home /": ("/", "home.html"),
            "catalogue item list": (item_url, "list.html"),
            "disclosure page (cached)": (disclosure_url, "disclosure.html"),
        }
        static_dir.mkdir(exist_ok=True)
        for name, (path, copy) in cached_pages.items():
            response, body = fetch(stack.port, path)
            emit(BENCH, f"{name} served by", response.getheader("X-Page-Cache") or "nginx")
            (static_dir / copy).write_bytes(body)
        search_path = f"/search/?q={quote(SEARCH_QUERY)}"
        search_status = fetch(stack.port, search_path)[0].status

        base = stack.url
        # Each cached page and nginx serving its saved bytes as a static file run back to
        # back, in alternating order from round to round, so that each round's ratio compares
        # the two under the same machine load.
        pairs = {
            name: (f"{base}{path}", f"http://127.0.0.1:{static_port}/{copy}")
            for name, (path, copy) in cached_pages.items()
        }
        # Rendered on every request: measured at the concurrency of the two workers, so that
        # the latency is the service time, not the queue.
        light = {
            "disclosure page (uncached)": f"{base}{disclosure_url}?nocache=1",
            "catalogue item list (uncached)": f"{base}{item_url}?nocache=1",
        }
        if isinstance(dataset["search_index"], str):  # the search app's failure, reported
            emit(BENCH, f"search ?q={SEARCH_QUERY}", "not measured: no search index")
        elif search_status == 200:
            light[f"search ?q={SEARCH_QUERY}"] = f"{base}{search_path}"
        else:
            emit(BENCH, f"search ?q={SEARCH_QUERY}", f"unavailable (HTTP {search_status})")
        statics = {name: f"{name}: nginx static copy" for name in pairs}
        results = {name: [] for name in [*pairs, *statics.values(), *light]}
        nginx_cpu = {name: [] for name in [*pairs, *statics.values()]}
        for run in range(args.runs):
            for name, urls in pairs.items():
                order = [(name, urls[0]), (statics[name], urls[1])]
                for label, url in order[:: 1 if run % 2 == 0 else -1]:
                    began = stack.nginx_cpu_seconds()
                    result = wrk(url, args.connections, args.seconds)
                    spent = stack.nginx_cpu_seconds() - began
                    results[label].append(result)
                    nginx_cpu[label].append(spent / max(result["requests"], 1) * 1e6)
            for name, url in light.items():
                results[name].append(wrk(url, 2, args.seconds))
                drain(stack)
        for name, runs in results.items():
            connections = 2 if name in light else args.connections
            label = f"{name} [c={connections}]"
            emit(
                BENCH,
                f"{label} throughput",
                round(statistics.median(r["rps"] for r in runs)),
                "req/s",
            )
            emit(BENCH, f"{label} p50", round(statistics.median(r["p50"] for r in runs), 2), "ms")
            emit(BENCH, f"{label} p99", round(statistics.median(r["p99"] for r in runs), 2), "ms")
            failed = sum(r["errors"] for r in runs)
            if failed:
                emit(BENCH, f"{label} non-2xx responses", failed)
        for name in pairs:
            ours, static = results[name], results[statics[name]]
            ratios = [o["rps"] / s["rps"] for o, s in zip(ours, static, strict=True) if s["rps"]]
            emit(
                BENCH,
                f"{name} / nginx static throughput (median of the rounds' ratios)",
                round(statistics.median(ratios), 3) if ratios else "n/a",
                "ratio",
            )
            emit(BENCH, "  each round", " ".join(f"{ratio:.2f}" for ratio in ratios))
        # What the load of other processes hardly changes: nginx's own CPU time per request.
        for name, spent in nginx_cpu.items():
            emit(BENCH, f"{name}: nginx CPU per request", round(statistics.median(spent), 2), "µs")

        before = stored_count(reader_page.pk)
        readers = readers_run(
            stack, reader_page.url, reader_page.pk, args.readers, args.readers_seconds
        )
    # The stack has stopped gracefully: every worker flushed its buffered views.
    counted = stored_count(reader_page.pk) - before
    emit(
        BENCH,
        f"readers: {args.readers} for {args.readers_seconds:.0f}s, page views served",
        readers["served"],
    )
    emit(BENCH, "readers: views counted in the database", counted)
    emit(BENCH, "readers: counted − served (must be 0)", counted - readers["served"])
    emit(BENCH, "readers: failed requests", readers["errors"])
    emit(
        BENCH,
        "readers: page views per second",
        round(readers["served"] / readers["seconds"]),
        "views/s",
    )


if __name__ == "__main__":
    main()
