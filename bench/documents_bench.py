"""Exporting the 2021-2022 annual report (the demo's seed year) as DOCX and as PDF with
embedded subset fonts: medians of --rounds runs of `export_report` (render the draft, build
the file, write it), and the PDF's size. Issue 25 asks for ≤ 3 s each and a PDF under 2 MB.

Builds a scratch SQLite database (unless DATABASE_URL points at a scratch database) with the
demo records, as tests/reports' seed-year fixture does.

    .venv/bin/python bench/documents_bench.py
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from figures import emit  # noqa: E402

BENCH = "documents"


def median_of(rounds: int, fn) -> float:
    timings = []
    for _ in range(rounds):
        began = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="xxgk-documents-bench-")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/bench.sqlite3"
        os.environ["XXGK_VAR_DIR"] = scratch
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from xxgk_demo import reports as demo

    call_command("migrate", verbosity=0, interactive=False)
    get_user_model().objects.create_superuser("bench", "bench@example.com", "x")
    demo.load_demo(io.StringIO())

    for fmt in ("docx", "pdf"):
        out = Path(scratch) / f"report-2021.{fmt}"
        seconds = median_of(
            args.rounds,
            lambda fmt=fmt, out=out: call_command(
                "export_report", year=2021, format=fmt, out=out, stdout=io.StringIO()
            ),
        )
        size = out.stat().st_size
        emit(BENCH, f"2021-2022 report {fmt.upper()} export, median", round(seconds, 2), "s")
        emit(BENCH, f"2021-2022 report {fmt.upper()} size", round(size / 1024), "KB")


if __name__ == "__main__":
    main()
