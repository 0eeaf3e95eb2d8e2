"""Mutation testing of the modules that hold the rules (docs/testing.md).

    .venv/bin/python scripts/mutation.py            # every module, then the table
    .venv/bin/python scripts/mutation.py fees       # one module
    .venv/bin/python scripts/mutation.py --report   # the table of the last results only
    .venv/bin/python scripts/mutation.py --survivors fees        # list the survivors
    .venv/bin/python scripts/mutation.py --retest-survivors fees # try them against new tests
    .venv/bin/python scripts/mutation.py --all fees              # re-run every mutant
    .venv/bin/python scripts/mutation.py --save  # keep mutants/'s results in the repository

mutmut (configured under [tool.mutmut] in pyproject.toml) copies the code to mutants/, learns
once which tests run which function, and then runs only those tests against each mutant, two
at a time. Results are kept in mutants/. mutmut re-tests every mutant it is *named*, so this
script names only what needs a run: mutants without a result, every mutant of a source file
changed since its last run, and (with --retest-survivors) the survivors. A second run of the
same module is therefore incremental.

Each pytest session starts from a copy of the test database migrated once for this version of
the code (tests/database_template.py, named to the mutants' runs in XXGK_TEST_DB_TEMPLATE),
instead of migrating afresh for every mutant.

A complete run needs more CPU than one working session on a shared two-core machine has, and
mutants/ does not outlive the machine. So the results are kept in the repository too
(docs/mutation-results.json, written after every run and by --save): for each mutated source
file, its SHA-256 and mutmut's record (result by mutant, hash by function). A new checkout
seeds mutants/ from it for every file whose content is unchanged, and mutmut keeps a seeded
result only while the function it belongs to keeps its hash; a run then goes on where the
last one stopped. A changed file is not seeded: all of its mutants run again.
"""

import fnmatch
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
BUILD_TEST = "tests/test_database_template.py::test_a_test_database_holds_the_migrated_catalogue"
DOCS = ROOT / "docs" / "testing.md"
STORE = ROOT / "docs" / "mutation-results.json"
# mutmut's learning phase (which tests reach which function), about 30 minutes of one core:
# kept too, compressed, so that a new checkout runs only the tests it has not seen.
STATS = ROOT / "mutants" / "mutmut-stats.json"
STORED_STATS = ROOT / "docs" / "mutation-stats.json.gz"
# Every test that reaches each function, as learned, before focus_tests narrows mutmut's copy
# to a module's own tests: a later change of FOCUSED_TESTS can widen it again.
REACH = ROOT / "mutants" / "mutmut-reach.json"
WORKERS = "2"  # the machine has two cores, shared

# Module → mutmut mutant-name patterns. Case numbering and role grants live in services
# modules; only their numbering and granting functions are tested here (the serial counter
# itself is core.numbering).
MODULES = {
    "workdays": ["xxgk.workdays.calendar.*"],
    "deadlines": ["xxgk.requests.deadlines.*"],
    "fees": ["xxgk.requests.fees.*", "xxgk.requests.schedules.*"],
    "scan": ["xxgk.review.scan.*", "xxgk.requests.validators.*"],
    "obligations": ["xxgk.supervision.obligations.*", "xxgk.supervision.periods.*"],
    "rights": [
        "xxgk.*.policy.*",
        "xxgk.orgs.services.x_ensure_role_groups__mutmut_*",
        "xxgk.orgs.services.x__permissions__mutmut_*",
        "xxgk.orgs.services.x__permission_index__mutmut_*",
        "xxgk.orgs.services.x__pick__mutmut_*",
        "xxgk.orgs.services.x_role_groups__mutmut_*",
        "xxgk.orgs.services.x__grant_*",
        "xxgk.orgs.services.x_grant_department_collection_permissions__mutmut_*",
        "xxgk.orgs.services.x_set_roles__mutmut_*",
        "xxgk.orgs.services.x_sync_department_group__mutmut_*",
    ],
    "numbering": [
        "xxgk.core.numbering.*",
        "xxgk.cases.services.x_format_number__mutmut_*",
        "xxgk.cases.services.x_allocate_number__mutmut_*",
    ],
}
# Module → the tests that state its rules. mutmut learns which tests reach each function, and
# for the engines everything reaches (the working-day calendar, the role grants, the counter)
# that is most of the suite: hundreds of tests, two minutes for every surviving mutant. Each
# mutant runs only the reaching tests among these, the module's own; a mutant they miss counts
# as a survivor even if some page test elsewhere would have failed, so this can only lower
# the killed percentage.
FOCUSED_TESTS = {
    "workdays": ["tests/workdays/", "tests/requests/test_working_days.py"],
    "deadlines": [
        "tests/requests/test_deadline_rules.py",
        "tests/requests/test_working_days.py",
        "tests/requests/test_lifecycle.py",
        "tests/requests/test_receipt_due.py",
        "tests/requests/test_fee_period_and_correction_notice.py",
        "tests/cases/",
    ],
    "fees": [
        "tests/requests/test_fee_rules.py",
        "tests/requests/test_fees_gov_2020.py",
        "tests/requests/test_fee_period_and_correction_notice.py",
        "tests/requests/test_stats_fees_letters.py",
    ],
    "scan": [
        "tests/review/test_scan.py",
        "tests/review/test_scan_rules.py",
        "tests/review/test_attachment_scans.py",
        "tests/review/test_ocr.py",
        "tests/requests/test_resident_id_rules.py",
        "tests/requests/test_credit_code_rules.py",
        "tests/requests/test_public.py",
    ],
    "obligations": ["tests/supervision/"],
    # Not the authorization matrix: each of its 24 role walks takes about 10 s, so every
    # surviving mutant would cost four minutes; the rules are stated by the tests below.
    "rights": [
        "tests/test_rights_replay.py",
        "tests/security/test_role_refusals.py",
        "tests/mailbox/test_letter_rights.py",
        "tests/requests/test_request_rights.py",
        "tests/orgs/",
        "tests/review/test_admin_paths.py",
        "tests/review/test_readable_revisions.py",
        "tests/review/test_workflow.py",
        "tests/review/test_restore.py",
        "tests/supervision/test_department_page_rights.py",
        "tests/disclosures/",
        "tests/catalogue/",
    ],
    "numbering": [
        "tests/cases/test_numbering.py",
        "tests/requests/test_concurrency.py",
        "tests/review/test_record_numbers.py",
    ],
}
KILLED = {1, 3}  # mutmut: a failing test (or pytest's internal error) kills the mutant
SURVIVED = {0}
NO_TESTS = {33}  # no test reaches the function: as bad as a survivor, and counted as one
TIMEOUT = {36, -24, 24}  # a mutant that hangs the tests counts as caught
MUTANT_NAME = re.compile(r"`(xxgk\.[\w.ǁ]+__mutmut_\d+)`")


def ensure_template() -> Path:
    """The migrated test database of this version of the code (tests/database_template.py),
    built by a one-test pytest run when missing, so that no mutant's run pays for it."""
    sys.path.insert(0, str(ROOT))
    from tests.database_template import STORE, template_key

    template = STORE / f"sqlite-{template_key()}.sqlite3"
    if not template.exists():
        print("Migrating the test database template …", flush=True)
        subprocess.run(
            [VENV / "pytest", "-q", "-p", "no:cacheprovider", BUILD_TEST],
            cwd=ROOT,
            check=True,
        )
    return template


def equivalent_mutants() -> set[str]:
    """Mutants docs/testing.md lists as equivalent (each with its reason there)."""
    if not DOCS.exists():
        return set()
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Equivalent mutants", 1)[-1].split("\n## ", 1)[0]
    return set(MUTANT_NAME.findall(section)) if "## Equivalent mutants" in text else set()


def _sha256(source: Path) -> str:
    return hashlib.sha256(source.read_bytes()).hexdigest()


def _meta_path(source: Path) -> Path:
    copy = ROOT / "mutants" / source.relative_to(ROOT)
    return copy.with_name(copy.name + ".meta")


def save_results() -> int:
    """Write every mutated file's record from mutants/ into STORE; the number of files."""
    store = {}
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        source = ROOT / meta.relative_to(ROOT / "mutants").with_suffix("")
        if not source.exists():
            continue
        data = json.loads(meta.read_text())
        store[str(source.relative_to(ROOT))] = {
            "sha256": _sha256(source),
            "hash_by_function_name": data["hash_by_function_name"],
            "exit_code_by_key": dict(sorted(data["exit_code_by_key"].items())),
        }
    STORE.write_text(json.dumps(store, indent=0, sort_keys=True) + "\n")
    if STATS.exists():
        stats = json.loads(STATS.read_text())
        stats["tests_by_mangled_function_name"] = _reach(stats)
        STORED_STATS.write_bytes(gzip.compress(json.dumps(stats).encode(), mtime=0))
    return len(store)


def _reach(stats: dict) -> dict[str, list[str]]:
    """REACH merged with what mutmut has learned since (tests it had not seen), kept."""
    reach = json.loads(REACH.read_text()) if REACH.exists() else {}
    for function, tests in stats["tests_by_mangled_function_name"].items():
        reach[function] = sorted(set(reach.get(function, ())) | set(tests))
    REACH.parent.mkdir(parents=True, exist_ok=True)
    REACH.write_text(json.dumps(reach))
    return reach


def seed_results() -> list[str]:
    """Give mutants/ the stored record of each unchanged file it has no record of yet."""
    if not STORE.exists():
        return []
    seeded = []
    if STORED_STATS.exists() and not STATS.exists():
        # Tests added since are learned on the next run (mutmut runs the ones it has not
        # seen); a changed test keeps what it reached before, which can only make a mutant
        # look like a survivor, never like a kill.
        STATS.parent.mkdir(parents=True, exist_ok=True)
        STATS.write_bytes(gzip.decompress(STORED_STATS.read_bytes()))
        seeded.append(str(STORED_STATS.relative_to(ROOT)))
    for path, record in json.loads(STORE.read_text()).items():
        source = ROOT / path
        meta = _meta_path(source)
        if meta.exists() or not source.exists() or _sha256(source) != record["sha256"]:
            continue
        meta.parent.mkdir(parents=True, exist_ok=True)
        meta.write_text(
            json.dumps(
                {
                    "exit_code_by_key": record["exit_code_by_key"],
                    "hash_by_function_name": record["hash_by_function_name"],
                    "type_check_error_by_key": {},
                    "durations_by_key": {},
                    "estimated_durations_by_key": {},
                }
            )
        )
        seeded.append(path)
    return seeded


def focus_tests(modules: list[str]) -> None:
    """Narrow mutmut's record of which tests reach each function of these modules to the
    modules' own tests (FOCUSED_TESTS); a function none of them reaches keeps its record."""
    if not STATS.exists():
        return
    stats = json.loads(STATS.read_text())
    reach = _reach(stats)
    reached = stats["tests_by_mangled_function_name"]
    for module in modules:
        prefixes = tuple(FOCUSED_TESTS[module])
        for function, tests in reach.items():
            if not matches(function + "__mutmut_1", MODULES[module]):
                continue
            reached[function] = [test for test in tests if test.startswith(prefixes)] or tests
    STATS.write_text(json.dumps(stats))


def results() -> dict[str, int | None]:
    codes = {}
    for meta in (ROOT / "mutants").rglob("*.py.meta"):
        codes.update(json.loads(meta.read_text())["exit_code_by_key"])
    return codes


def matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def report(modules: list[str]) -> list[tuple]:
    codes, equivalent = results(), equivalent_mutants()
    rows = []
    header = ("module", "total", "killed", "survived", "no tests", "equivalent", "not run")
    header += ("killed %",)
    print("\n" + "  ".join(f"{h:>10}" for h in header))
    for module in modules:
        names = [n for n in codes if matches(n, MODULES[module])]
        killed = sum(codes[n] in KILLED or codes[n] in TIMEOUT for n in names)
        survivors = [n for n in names if codes[n] in SURVIVED]
        untested = sum(codes[n] in NO_TESTS for n in names)
        equivalents = [n for n in survivors if n in equivalent]
        survived = len(survivors) - len(equivalents)
        not_run = len(names) - killed - len(survivors) - untested
        decided = killed + survived + untested
        percent = f"{100 * killed / decided:.1f}" if decided else "-"
        row = (module, len(names), killed, survived, untested, len(equivalents), not_run, percent)
        rows.append(row)
        print("  ".join(f"{str(v):>10}" for v in row))
    print(
        "\nkilled % = killed / (killed + survived + no tests); equivalent mutants left out "
        "(docs/testing.md)"
    )
    return rows


def survivors(modules: list[str]) -> list[str]:
    codes, equivalent = results(), equivalent_mutants()
    return sorted(
        n
        for n, code in codes.items()
        if code in SURVIVED | NO_TESTS
        and n not in equivalent
        and any(matches(n, MODULES[m]) for m in modules)
    )


def _dotted(source: Path) -> str:
    return ".".join(source.relative_to(ROOT).with_suffix("").parts)


def changed_sources(patterns: list[str]) -> list[Path]:
    """Source files the patterns reach whose mutated copy is missing or older: mutmut will
    regenerate them and forget the results of their changed functions, which this script
    cannot tell apart before the run, so all of the file's matching mutants are named."""
    changed = []
    for source in sorted((ROOT / "xxgk").rglob("*.py")):
        dotted = _dotted(source)
        reached = any(
            p.startswith(dotted + ".") or fnmatch.fnmatchcase(dotted + ".x_f__mutmut_1", p)
            for p in patterns
        )
        copy = ROOT / "mutants" / source.relative_to(ROOT)
        meta = _meta_path(source)
        # A seeded record without its mutated copy yet is the unchanged file's: not changed.
        stale = copy.exists() and source.stat().st_mtime > copy.stat().st_mtime
        if reached and (not meta.exists() or stale):
            changed.append(source)
    return changed


def names_to_run(patterns: list[str], *, retest_survivors: bool) -> list[str]:
    """What mutmut must be told to run (see the module docstring); empty if nothing."""
    wanted = []
    for source in changed_sources(patterns):
        # Narrow "xxgk.*.policy.*" to this file; keep function-level patterns as they are.
        dotted = _dotted(source)
        wanted += [p if p.startswith(dotted + ".") else f"{dotted}.*" for p in patterns]
    retest = SURVIVED | NO_TESTS if retest_survivors else set()
    for name, code in results().items():
        if matches(name, patterns) and (code is None or code in retest):
            wanted.append(name)
    return sorted(set(wanted))


def main(argv: list[str]) -> int:
    only_report = "--report" in argv
    list_survivors = "--survivors" in argv
    if "--save" in argv:
        print(f"Kept the records of {save_results()} files in {STORE.relative_to(ROOT)}")
        return 0
    for path in seed_results():
        print(f"Seeded the results of {path} from {STORE.relative_to(ROOT)}")
    wanted = [a for a in argv if not a.startswith("--")] or list(MODULES)
    unknown = [m for m in wanted if m not in MODULES]
    if unknown:
        print(f"Unknown module(s) {unknown}; choose from {', '.join(MODULES)}", file=sys.stderr)
        return 2
    patterns = [p for m in wanted for p in MODULES[m]]
    if "--all" in argv:
        names = patterns
    else:
        names = names_to_run(patterns, retest_survivors="--retest-survivors" in argv)
    if not (only_report or list_survivors) and not names:
        print("Every mutant of these modules has a result; nothing to run (--all re-runs them).")
    elif not (only_report or list_survivors):
        template = ensure_template()
        focus_tests(wanted)
        env = {**os.environ, "XXGK_TEST_DB_TEMPLATE": str(template)}
        print(f"Running {len(names)} mutant names or patterns", flush=True)
        started = time.monotonic()
        run = subprocess.run(
            [VENV / "mutmut", "run", "--max-children", WORKERS, *names], cwd=ROOT, env=env
        )
        print(f"\nmutmut ran {time.monotonic() - started:.0f} s (exit {run.returncode})")
        print(f"Kept the records of {save_results()} files in {STORE.relative_to(ROOT)}")
    if list_survivors:
        print("\n".join(survivors(wanted)))
        return 0
    report(wanted)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
