"""Hand-made one-point changes to the rules, each followed by the tests that guard the rule
(docs/testing.md). Written by hand, not by the mutation tool: the mistakes a person makes.

    .venv/bin/python scripts/hand_mutations.py          # every change, then the tally
    .venv/bin/python scripts/hand_mutations.py 3 7      # only changes 3 and 7

Each change is applied alone, the tests run, and the file is restored — also on Ctrl-C or
a kill (the original text is written back in a `finally`, and SIGTERM is turned into an
interrupt). A change is caught when the tests fail.
"""

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "var" / "mutation" / "template.sqlite3"

FEES = ("tests/requests/test_fee_rules.py", "tests/requests/test_fees_gov_2020.py")
SCAN = ("tests/review/test_scan_rules.py", "tests/review/test_scan.py")
IDS = (*SCAN, "tests/requests/test_stats_fees_letters.py", "tests/requests/test_public.py")
WORKDAYS = ("tests/workdays", "tests/requests/test_working_days.py")
DEADLINES = (
    "tests/requests/test_deadline_rules.py",
    "tests/requests/test_working_days.py",
    "tests/requests/test_fee_period_and_correction_notice.py",
)
OBLIGATIONS = (
    "tests/supervision/test_obligations.py",
    "tests/supervision/test_obligation_rules.py",
)
ROLES = ("tests/orgs/test_role_permission_sets.py",)
RIGHTS = (
    "tests/disclosures/test_disclosure_rights.py",
    "tests/test_authorization_matrix.py",
    "tests/orgs/test_permissions.py",
)


@dataclass(frozen=True)
class Change:
    what: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


CHANGES = [
    Change(
        "fee band 101–200 starts a page early",
        "xxgk/requests/schedules.py",
        'Band(101, Decimal("20"))',
        'Band(100, Decimal("20"))',
        FEES,
    ),
    Change(
        "by count: the 10th application is charged",
        "xxgk/requests/schedules.py",
        'count=(Band(11, Decimal("100"))',
        'count=(Band(10, Decimal("100"))',
        FEES,
    ),
    Change(
        "by count: the rate rises every 5 applications instead of 10",
        "xxgk/requests/schedules.py",
        "count_step_size=10,",
        "count_step_size=5,",
        FEES,
    ),
    Change(
        "by volume: the first page of a band is left out",
        "xxgk/requests/schedules.py",
        "if pages < band.start:",
        "if pages <= band.start:",
        FEES,
    ),
    Change(
        "page limit: the largest allowed page count refused",
        "xxgk/requests/schedules.py",
        "if not 1 <= number <= limit:",
        "if not 1 <= number < limit:",
        FEES,
    ),
    Change(
        "ID checksum (scan): weights 5 and 8 swapped",
        "xxgk/review/scan.py",
        "_ID_WEIGHTS = (7, 9, 10, 5, 8, 4,",
        "_ID_WEIGHTS = (7, 9, 10, 8, 5, 4,",
        SCAN,
    ),
    Change(
        "ID checksum (form): the last two weights swapped",
        "xxgk/requests/validators.py",
        "_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]",
        "_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 2, 4]",
        IDS,
    ),
    Change(
        "ID check codes 9 and 8 swapped",
        "xxgk/review/scan.py",
        '_ID_CHECK = "10X98765432"',
        '_ID_CHECK = "10X89765432"',
        SCAN,
    ),
    Change(
        "lower-case x no longer accepted in an ID",
        "xxgk/review/scan.py",
        "    number = number.upper()\n",
        "",
        SCAN,
    ),
    Change(
        "16-digit bank cards missed",
        "xxgk/review/scan.py",
        "if 16 <= len(digits) <= 19",
        "if 17 <= len(digits) <= 19",
        SCAN,
    ),
    Change(
        "19x mobile numbers missed",
        "xxgk/review/scan.py",
        r"(1[3-9]\d)",
        r"(1[3-8]\d)",
        SCAN,
    ),
    Change(
        "two-letter e-mail domains missed",
        "xxgk/review/scan.py",
        "[A-Za-z]{2,}",
        "[A-Za-z]{3,}",
        SCAN,
    ),
    Change(
        "text split by <br> read as one paragraph",
        "xxgk/review/scan.py",
        r'|<br\s*/?>"',
        '"',
        SCAN,
    ),
    Change(
        "one number reported twice, as ID and card",
        "xxgk/review/scan.py",
        "and free(match.span()) and luhn_is_valid(digits)",
        "and luhn_is_valid(digits)",
        SCAN,
    ),
    Change(
        "Saturdays count as working days beyond the known years",
        "xxgk/workdays/calendar.py",
        "return day.weekday() < 5",
        "return day.weekday() <= 5",
        WORKDAYS,
    ),
    Change(
        "the office's confirmation of a year ignored",
        "xxgk/workdays/calendar.py",
        "if day.year not in self.confirmed_years:",
        "if True:",
        WORKDAYS,
    ),
    Change(
        "a case due today treated as overdue",
        "xxgk/requests/deadlines.py",
        "return self.days_left is not None and self.days_left < 0",
        "return self.days_left is not None and self.days_left <= 0",
        DEADLINES,
    ),
    Change(
        "a pause that starts on the day the clock starts is ignored",
        "xxgk/requests/deadlines.py",
        "if pause.started_on < application.clock_start:",
        "if pause.started_on <= application.clock_start:",
        DEADLINES,
    ),
    Change(
        "a pause still open adds nothing",
        "xxgk/requests/deadlines.py",
        "end = pause.ended_on or max(today, pause.started_on)",
        "end = pause.ended_on or pause.started_on",
        DEADLINES,
    ),
    Change(
        "a correction notice sent on its last day counted late",
        "xxgk/requests/deadlines.py",
        "return (self.sent_on or self.today) > self.due.date",
        "return (self.sent_on or self.today) >= self.due.date",
        DEADLINES,
    ),
    Change(
        "a retired item still binds on its retirement day",
        "xxgk/supervision/obligations.py",
        "return self.retired_on is None or day < self.retired_on",
        "return self.retired_on is None or day <= self.retired_on",
        OBLIGATIONS,
    ),
    Change(
        "a disclosure published exactly on its deadline counted late",
        "xxgk/supervision/obligations.py",
        "obligation.status = ON_TIME if on <= obligation.deadline else LATE",
        "obligation.status = ON_TIME if on < obligation.deadline else LATE",
        OBLIGATIONS,
    ),
    Change(
        "a continuous item exactly at its freshness limit counted stale",
        "xxgk/supervision/obligations.py",
        "if deadline < as_of:",
        "if deadline <= as_of:",
        OBLIGATIONS,
    ),
    Change(
        "editors given publish_page on their items",
        "xxgk/orgs/roles.py",
        'EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]',
        'EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]',
        ROLES,
    ),
    Change(
        "the supervisor given applicants' personal data",
        "xxgk/orgs/roles.py",
        '        "supervision.view_pendinginformation",\n        "supervision.view_inspection",\n'
        '        "xxgk_api.view_apicalllog",',
        '        "supervision.view_pendinginformation",\n        "supervision.view_inspection",\n'
        '        "requests.view_personal_data",\n        "xxgk_api.view_apicalllog",',
        ROLES,
    ),
    Change(
        "reviewers given change_document on every collection",
        "xxgk/orgs/roles.py",
        '    Role.REVIEWER: [\n        "wagtaildocs.choose_document",\n    ],',
        '    Role.REVIEWER: [\n        "wagtaildocs.choose_document",\n'
        '        "wagtaildocs.change_document",\n    ],',
        ROLES,
    ),
    Change(
        "an editor may edit any department's disclosure",
        "xxgk/disclosures/policy.py",
        "        and page.publishing_department_id == department.pk\n",
        "",
        RIGHTS,
    ),
    Change(
        "the office no longer edits other departments' disclosures",
        "xxgk/disclosures/policy.py",
        "    return is_office(user) or of_own_department(user, page)",
        "    return of_own_department(user, page)",
        RIGHTS,
    ),
    Change(
        "an inactive account keeps its rights",
        "xxgk/orgs/policy.py",
        'if user is None or not getattr(user, "is_active", False):',
        "if user is None:",
        RIGHTS,
    ),
    Change(
        "application numbers lose a digit",
        "xxgk/cases/services.py",
        'return f"{prefix}-{year}-{serial:06d}"',
        'return f"{prefix}-{year}-{serial:05d}"',
        ("tests/requests/test_lifecycle.py", "tests/requests/test_public.py"),
    ),
]


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def run(change: Change) -> bool:
    """Apply one change, run its tests, restore the file. True when the tests caught it."""
    path = ROOT / change.path
    original = path.read_text(encoding="utf-8")
    if original.count(change.old) != 1:
        raise SystemExit(
            f"{change.path}: the text to change is not there exactly once: {change.old!r}"
        )
    try:
        path.write_text(original.replace(change.old, change.new), encoding="utf-8")
        env = {**os.environ, "XXGK_TEST_DB_TEMPLATE": str(TEMPLATE)}
        tests = [t for t in change.tests if (ROOT / t.split("::")[0]).exists()]
        result = subprocess.run(
            [ROOT / ".venv/bin/pytest", "-x", "-q", "-p", "no:xdist", "-m", "not browser", *tests],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return result.returncode != 0
    finally:
        path.write_text(original, encoding="utf-8")


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, _interrupt)
    from mutation import ensure_template  # the same migrated database as `make mutation`

    ensure_template()
    chosen = [int(a) for a in argv] or range(1, len(CHANGES) + 1)
    caught = 0
    started = time.monotonic()
    for number in chosen:
        change = CHANGES[number - 1]
        hit = run(change)
        caught += hit
        print(f"{number:>3}  {'caught ' if hit else 'MISSED '}  {change.what}", flush=True)
    total = len(list(chosen))
    took = time.monotonic() - started
    print(f"\ncaught {caught} of {total} ({100 * caught / total:.0f}%) in {took:.0f} s")
    return 0 if caught == total else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
