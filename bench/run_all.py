"""Run every bench/*_bench.py and bench/load_forms.py, and print one table (`make bench`).

Each script runs in its own process with BENCH_JSON=1 and its default (bounded) options; its
JSON lines (README.md) become rows. A script that prints no JSON line still gets a row saying
where its full output is (var/bench/logs/<name>.log), so nothing is silently dropped.

    .venv/bin/python bench/run_all.py                 # everything
    .venv/bin/python bench/run_all.py portal search   # only these
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
LOG_DIR = REPO / "var" / "bench" / "logs"
PYTHON = REPO / ".venv" / "bin" / "python"


def discover(only: list[str]) -> list[Path]:
    scripts = sorted([*BENCH_DIR.glob("*_bench.py"), BENCH_DIR / "load_forms.py"])
    if only:
        scripts = [s for s in scripts if s.stem.removesuffix("_bench") in only]
    return scripts


def run(script: Path) -> tuple[list[dict], int, float]:
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log = LOG_DIR / f"{script.stem}.log"
    started = time.monotonic()
    env = {**os.environ, "BENCH_JSON": "1", "PYTHONUNBUFFERED": "1"}
    rows = []
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [PYTHON, str(script)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for line in process.stdout:
            out.write(line)
            if line.startswith("{"):
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                if {"bench", "metric", "value"} <= row.keys():
                    rows.append(row)
                    print(
                        f"  {row['bench']}: {row['metric']} = {row['value']} {row.get('unit', '')}",
                        flush=True,
                    )
        code = process.wait()
    return rows, code, time.monotonic() - started


def format_value(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def main(argv: list[str]) -> int:
    table, failures = [], []
    for script in discover(argv):
        print(f"== {script.name}", flush=True)
        rows, code, seconds = run(script)
        log = (LOG_DIR / f"{script.stem}.log").relative_to(REPO)
        if code != 0:
            failures.append(script.name)
            rows.append(
                {
                    "bench": script.stem,
                    "metric": f"FAILED (exit {code}), see",
                    "value": str(log),
                    "unit": "",
                }
            )
        elif not rows:
            rows.append(
                {
                    "bench": script.stem,
                    "metric": "no JSON lines; full output in",
                    "value": str(log),
                    "unit": "",
                }
            )
        rows.append(
            {"bench": script.stem, "metric": "wall time", "value": round(seconds, 1), "unit": "s"}
        )
        table.extend(rows)
    widths = [max(len(str(r[k])) for r in table) if table else 0 for k in ("bench", "metric")]
    print()
    print(f"{'bench':<{widths[0]}}  {'metric':<{widths[1]}}  {'value':>14}  unit")
    print("-" * (widths[0] + widths[1] + 26))
    for r in table:
        bench, metric, unit = r["bench"], r["metric"], r.get("unit", "")
        value = format_value(r["value"])
        print(f"{bench:<{widths[0]}}  {metric:<{widths[1]}}  {value:>14}  {unit}")
    if failures:
        print(f"\nFailed: {', '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
