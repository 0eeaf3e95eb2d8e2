"""Mutation testing of the modules that hold the rules (docs/testing.md).

    .venv/bin/python scripts/mutation.py            # every module, then the table
    .venv/bin/python scripts/mutation.py fees       # one module
    .venv/bin/python scripts/mutation.py --report   # the table of the last results only
    .venv/bin/python scripts/mutation.py --survivors fees        # list the survivors
    .venv/bin/python scripts/mutation.py --retest-survivors fees # try them against new tests

mutmut (configured under [tool.mutmut] in pyproject.toml) copies the code to mutants/, learns
once which tests run which function, and then runs only those tests against each mutant, two
at a time. Results are kept in mutants/: a second run re-tests only mutants of functions that
changed (or whose tests changed), so it is incremental.

Each pytest session starts from a copy of a database migrated once (var/mutation/), instead
of migrating afresh for every mutant (conftest.py, XXGK_TEST_DB_TEMPLATE).
"""

import fnmatch
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
TEMPLATE = ROOT / "var" / "mutation" / "template.sqlite3"
DOCS = ROOT / "docs" / "testing.md"
WORKERS = "2"  # the machine has two cores, shared

# Module → mutmut mutant-name patterns. Case numbering and role grants live in services
# modules; only their numbering and granting functions are tested here.
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
        "xxgk.orgs.services.x__grant_*",
        "xxgk.orgs.services.x_grant_department_collection_permissions__mutmut_*",
        "xxgk.orgs.services.x_set_roles__mutmut_*",
        "xxgk.orgs.services.x_sync_department_group__mutmut_*",
    ],
    "numbering": [
        "xxgk.requests.services.x_format_number__mutmut_*",
        "xxgk.requests.services.x__next_sequence__mutmut_*",
        "xxgk.mailbox.services.x_allocate_number__mutmut_*",
    ],
}
KILLED = {1, 3}  # mutmut: a failing test (or pytest's internal error) kills the mutant
SURVIVED = {0}
TIMEOUT = {36, -24, 24}  # a mutant that hangs the tests counts as caught
MUTANT_NAME = re.compile(r"`(xxgk\.[\w.ǁ]+__mutmut_\d+)`")


def ensure_template() -> None:
    """Migrate the template database when it is missing or older than a migration."""
    migrations = list((ROOT / "xxgk").glob("*/migrations/*.py"))
    newest = max(path.stat().st_mtime for path in migrations)
    if TEMPLATE.exists() and TEMPLATE.stat().st_mtime > newest:
        return
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.unlink(missing_ok=True)
    print(f"Migrating the template database {TEMPLATE.relative_to(ROOT)} …", flush=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{TEMPLATE}"}
    subprocess.run(
        [VENV / "python", "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def equivalent_mutants() -> set[str]:
    """Mutants docs/testing.md lists as equivalent (each with its reason there)."""
    if not DOCS.exists():
        return set()
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Equivalent mutants", 1)[-1].split("\n## ", 1)[0]
    return set(MUTANT_NAME.findall(section)) if "## Equivalent mutants" in text else set()


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
    header = ("module", "total", "killed", "survived", "equivalent", "not run", "killed %")
    print("\n" + "  ".join(f"{h:>10}" for h in header))
    for module in modules:
        names = [n for n in codes if matches(n, MODULES[module])]
        killed = sum(codes[n] in KILLED or codes[n] in TIMEOUT for n in names)
        survivors = [n for n in names if codes[n] in SURVIVED]
        equivalents = [n for n in survivors if n in equivalent]
        survived = len(survivors) - len(equivalents)
        not_run = len(names) - killed - len(survivors)
        decided = killed + survived
        percent = f"{100 * killed / decided:.1f}" if decided else "-"
        row = (module, len(names), killed, survived, len(equivalents), not_run, percent)
        rows.append(row)
        print("  ".join(f"{str(v):>10}" for v in row))
    print(
        "\nkilled % = killed / (killed + survived), equivalent mutants left out (docs/testing.md)"
    )
    return rows


def survivors(modules: list[str]) -> list[str]:
    codes, equivalent = results(), equivalent_mutants()
    return sorted(
        n
        for n, code in codes.items()
        if code in SURVIVED and n not in equivalent and any(matches(n, MODULES[m]) for m in modules)
    )


def forget_survivors(modules: list[str]) -> int:
    """Clear the survivors' results, so that the next run tries them against new tests
    (mutmut re-tests a mutant on its own only when its function changes)."""
    forgotten = 0
    for meta in (ROOT / "mutants").rglob("*.py.meta"):
        data = json.loads(meta.read_text())
        codes = data["exit_code_by_key"]
        for name, code in codes.items():
            if code in SURVIVED and any(matches(name, MODULES[m]) for m in modules):
                codes[name] = None
                forgotten += 1
        meta.write_text(json.dumps(data))
    return forgotten


def main(argv: list[str]) -> int:
    only_report = "--report" in argv
    list_survivors = "--survivors" in argv
    wanted = [a for a in argv if not a.startswith("--")] or list(MODULES)
    unknown = [m for m in wanted if m not in MODULES]
    if unknown:
        print(f"Unknown module(s) {unknown}; choose from {', '.join(MODULES)}", file=sys.stderr)
        return 2
    if "--retest-survivors" in argv:
        print(f"Re-testing {forget_survivors(wanted)} survivors")
    if not (only_report or list_survivors):
        ensure_template()
        env = {**os.environ, "XXGK_TEST_DB_TEMPLATE": str(TEMPLATE)}
        patterns = [p for m in wanted for p in MODULES[m]]
        started = time.monotonic()
        run = subprocess.run(
            [VENV / "mutmut", "run", "--max-children", WORKERS, *patterns], cwd=ROOT, env=env
        )
        print(f"\nmutmut ran {time.monotonic() - started:.0f} s (exit {run.returncode})")
    if list_survivors:
        print("\n".join(survivors(wanted)))
        return 0
    report(wanted)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
