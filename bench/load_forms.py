"""Public forms under load: 50 concurrent applicants submit for 60 s against the production
configuration on loopback (deploy/local.py: gunicorn behind nginx).

Each applicant is a browser (bench/formclient.py): GET the form, answer the arithmetic
question, POST it with the CSRF token; in turn a 依申请公开 application with a PDF attachment
and a letter to the president's mailbox. Every submission carries a marker; afterwards the
database must hold every acknowledged one (302 to the receipt). Prints submissions
acknowledged, stored, lost, errors, and the submit (POST) latency p50/p99.

The public forms' per-client rate limits are off for this server only
(XXGK_PUBLIC_FORM_RATE_LIMITS=0): every simulated applicant is 127.0.0.1.

    .venv/bin/python bench/load_forms.py                      # as make bench runs it
    .venv/bin/python bench/load_forms.py --applicants 10 --seconds 10
"""

import argparse
import os
import re
import statistics
import sys
import threading
import time
import uuid
from http.client import HTTPException
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from figures import emit  # noqa: E402
from formclient import Browser, application_values, attachment, letter_values  # noqa: E402

from deploy.local import Stack  # noqa: E402

BENCH = "forms"
WORK = REPO / "var" / "bench" / "forms"
APPLY, WRITE = "/apply/", "/mailbox/bench/write/"
MARKER = re.compile(r"[0-9a-f]{32}")
RECEIPTS = {APPLY: "/apply/done/", WRITE: "/mailbox/receipt/"}


def database_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{WORK / 'bench.sqlite3'}"


def prepare_database() -> None:
    """Migrate (a no-op once done) and make sure the mailbox the applicants write to exists."""
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = database_url()
    os.environ["XXGK_VAR_DIR"] = str(WORK / "var")
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from xxgk.mailbox.models import Mailbox
    from xxgk.orgs.models import Department
    from xxgk.orgs.services import create_department

    call_command("migrate", verbosity=0, interactive=False)
    department = Department.objects.first() or create_department(name="校长办公室", code="XB")
    Mailbox.objects.get_or_create(
        slug="bench",
        defaults={"name": "校长信箱", "number_prefix": "XZ", "default_department": department},
    )


class Applicants:
    def __init__(self, url: str, count: int, seconds: float):
        self.url, self.seconds = url, seconds
        self.lock = threading.Lock()
        self.acknowledged: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.latencies: list[float] = []
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(count)]

    def run(self, n: int) -> None:
        deadline = time.monotonic() + self.seconds
        done = 0
        while time.monotonic() < deadline:
            path = (APPLY, WRITE)[(n + done) % 2]
            marker = uuid.uuid4().hex
            if path == APPLY:
                values, files = application_values(n * 100_000 + done, marker), attachment()
            else:
                values, files = letter_values(marker), None
            browser = Browser(self.url, timeout=120)
            try:
                form = browser.request("GET", path)
                started = time.monotonic()
                response = browser.post_form(path, form, values, files)
                took = time.monotonic() - started
                answer = f"{response.status} {response.headers.get('location', '')}"
            except (OSError, ValueError, HTTPException) as error:
                took, answer = None, f"{type(error).__name__}: {error}"
            with self.lock:
                if answer == f"302 {RECEIPTS[path]}":
                    self.acknowledged.append((path, marker))
                    self.latencies.append(took)
                else:
                    self.errors.append(f"{path} {answer}")
            done += 1

    def go(self) -> float:
        began = time.monotonic()
        for thread in self.threads:
            thread.start()
        for thread in self.threads:
            thread.join()
        return time.monotonic() - began


def stored(markers: set[str]) -> tuple[int, int, list[str]]:
    """(stored, lost, number problems): what of this run is in the database, what was
    acknowledged but is not, and any gap or duplicate in the year's numbers."""
    from xxgk.mailbox.models import Letter
    from xxgk.requests.models import Application

    found = set()
    texts = list(Application.objects.values_list("description", flat=True))
    texts += Letter.objects.values_list("subject", flat=True)
    for text in texts:
        found.update(m for m in MARKER.findall(text) if m in markers)
    problems = []
    for model, prefix in ((Application, "YSQ"), (Letter, "XZ")):
        by_year: dict[str, list[int]] = {}
        for number in model.objects.values_list("number", flat=True):
            head, year, serial = number.split("-")
            if head == prefix:
                by_year.setdefault(year, []).append(int(serial))
        for year, serials in by_year.items():
            if sorted(serials) != list(range(1, len(serials) + 1)):
                problems.append(f"{prefix}-{year}: {len(serials)} numbers, max {max(serials)}")
    return len(found), len(markers - found), problems


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    args = parser.parse_args()
    prepare_database()
    stack = Stack(
        WORK / "stack",
        database_url(),
        workers=args.workers,
        env={
            "STATIC_ROOT": str(REPO / "var" / "static-prod"),
            "MEDIA_ROOT": str(WORK / "media"),
            "XXGK_PUBLIC_FORM_RATE_LIMITS": "0",
        },
    )
    stack.static_root = Path(stack.env["STATIC_ROOT"])
    load_before = os.getloadavg()[0]
    with stack:
        applicants = Applicants(stack.url, args.applicants, args.seconds)
        elapsed = applicants.go()
        load_after = os.getloadavg()[0]
    markers = {marker for _, marker in applicants.acknowledged}
    kept, lost, problems = stored(markers)
    latencies = [1000 * t for t in applicants.latencies]
    emit(BENCH, "applicants (concurrent)", args.applicants)
    emit(BENCH, "gunicorn workers", args.workers)
    emit(BENCH, "duration", round(elapsed, 1), "s")
    emit(BENCH, "submissions acknowledged", len(markers))
    emit(BENCH, "acknowledged submissions stored", kept)
    emit(BENCH, "acknowledged submissions lost", lost)
    emit(BENCH, "errors (not acknowledged)", len(applicants.errors))
    emit(BENCH, "submissions per second", round(len(markers) / elapsed, 1), "/s")
    emit(BENCH, "submit latency p50", round(statistics.median(latencies), 1), "ms")
    emit(BENCH, "submit latency p99", round(percentile(latencies, 0.99), 1), "ms")
    emit(BENCH, "number gaps or duplicates", len(problems))
    emit(BENCH, "load average (1 min) before / after", f"{load_before:.2f} / {load_after:.2f}")
    for line in (applicants.errors[:5] + problems)[:10]:
        print("  ", line[:300])
    return 1 if lost or problems else 0


if __name__ == "__main__":
    sys.exit(main())
