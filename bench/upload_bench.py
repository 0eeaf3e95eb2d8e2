"""Hostile uploads: the issue-17 DOCX bomb (26 KB → 8.6 MB) before and after the guards.

Side by side in one run (scratch SQLite database unless DATABASE_URL is given):

- before: what the submit request did with such an attachment until issue 17 — python-docx
  parses the whole package and the personal-data scan reads every paragraph (the unguarded
  path, run here directly);
- after: the upload check refusing it (validate_upload), the package check alone, the
  child-process extraction refusing it, the submit request with the bomb already stored
  (it only queues the scan), and the worker's scan of it (refused from the central
  directory, recorded as 未能扫描);
- the time limit: an ordinary-ratio DOCX that takes long to parse, stopped at ``--limit`` s.

    .venv/bin/python bench/upload_bench.py
    .venv/bin/python bench/upload_bench.py --runs 5 --unguarded-runs 3
"""

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from bombs import docx_bomb, docx_slow, expanded_size  # noqa: E402
from figures import emit  # noqa: E402
from requests_bench import setup_django  # noqa: E402

BENCH = "upload"


def median_ms(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 1)


def refused(fn, *args, **kwargs):
    def run():
        try:
            fn(*args, **kwargs)
        except Exception as error:  # the refusal being measured
            return error
        raise AssertionError(f"{fn.__name__} accepted the bomb")

    return run


def unguarded_parse_and_scan(data: bytes) -> int:
    """The pre-issue-17 path: parse the package whole, scan each paragraph."""
    import docx

    from xxgk.review.scan import scan_text

    document = docx.Document(io.BytesIO(data))
    hits = 0
    for number, paragraph in enumerate(document.paragraphs, start=1):
        if paragraph.text.strip():
            hits += len(scan_text(paragraph.text, f"附件第{number}段"))
    return hits


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--unguarded-runs", type=int, default=1)
    parser.add_argument("--limit", type=float, default=2.0, help="time limit for the slow DOCX")
    args = parser.parse_args()
    scratch = None if os.environ.get("DATABASE_URL") else Path(tempfile.mkdtemp())
    try:
        setup_django(scratch)
        run(args)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def run(args):
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model

    from xxgk.core.textextract import RunLimits, check_package, extract_limited
    from xxgk.review.services import run_attachment_scans, scan_report_for, submit_for_review
    from xxgk.security.uploads import validate_upload

    emit(BENCH, "load average (1 min) at start", round(os.getloadavg()[0], 2))
    bomb = docx_bomb()
    emit(BENCH, "bomb DOCX size", len(bomb), "bytes")
    emit(BENCH, "bomb DOCX expanded size", expanded_size(bomb), "bytes")
    emit(BENCH, "bomb DOCX compression ratio", expanded_size(bomb) // len(bomb), ":1")

    emit(
        BENCH,
        f"before: unguarded parse + scan (median of {args.unguarded_runs})",
        median_ms(lambda: unguarded_parse_and_scan(bomb), args.unguarded_runs),
        "ms",
    )
    upload = SimpleUploadedFile("名单.docx", bomb)
    emit(
        BENCH,
        "after: upload check refuses it",
        median_ms(refused(validate_upload, upload), args.runs),
        "ms",
    )
    emit(
        BENCH,
        "after: package check alone",
        median_ms(refused(check_package, bomb), args.runs),
        "ms",
    )
    emit(
        BENCH,
        "after: child-process extraction refuses it",
        median_ms(refused(extract_limited, bomb, "名单.docx"), args.runs),
        "ms",
    )

    # The submit request and the worker, with the bomb stored before the upload check existed.
    settings.XXGK_SCAN_TASK_BACKEND = "database"
    editor, department, item = fixtures()
    submit_ms, worker_ms, labels = [], [], set()
    for n in range(args.runs):
        document = get_document_model()(title=f"名单{n}")
        document.file.save(f"bomb-{n}.docx", ContentFile(bomb), save=False)
        document.save()
        page = draft(editor, department, item, document, n)
        started = time.perf_counter()
        state = submit_for_review(page, user=editor)
        submit_ms.append((time.perf_counter() - started) * 1000)
        state.refresh_from_db()
        report = scan_report_for(state.current_task_state.revision)
        started = time.perf_counter()
        report = run_attachment_scans(report)
        worker_ms.append((time.perf_counter() - started) * 1000)
        labels.update(item.label for item in report.attachments.all())
    emit(
        BENCH,
        "after: submit request with the bomb attached",
        round(statistics.median(submit_ms), 1),
        "ms",
    )
    emit(BENCH, "after: worker scan of the bomb", round(statistics.median(worker_ms), 1), "ms")
    emit(BENCH, "after: recorded as", " / ".join(sorted(labels)))

    slow = docx_slow(300_000)
    emit(BENCH, "slow DOCX size", len(slow), "bytes")
    emit(BENCH, "slow DOCX compression ratio", expanded_size(slow) // len(slow), ":1")
    started = time.perf_counter()
    try:
        extract_limited(slow, "长文档.docx", RunLimits(seconds=args.limit))
        outcome = "finished within the limit"
    except Exception as error:  # the timeout being measured
        outcome = str(error)
    emit(
        BENCH,
        f"slow DOCX with a {args.limit:g} s limit: stopped after",
        round(time.perf_counter() - started, 2),
        "s",
    )
    emit(BENCH, "slow DOCX outcome", outcome)


def fixtures():
    from xxgk.catalogue.models import CatalogueItemPage
    from xxgk.catalogue.services import update_item
    from xxgk.orgs.roles import Role
    from xxgk.orgs.services import create_department, create_staff_user

    stamp = time.time_ns()
    department = create_department(name=f"基准部门{stamp}", code=f"U{stamp % 10**9}")
    editor = create_staff_user(
        username=f"upload{stamp}",
        password="bench-password-1",
        roles=[Role.OFFICE],
        department=department,
    )
    item = CatalogueItemPage.objects.get(item_number="7")
    update_item(item, user=editor, departments=[department.pk])
    return editor, department, item


def draft(editor, department, item, document, n):
    from xxgk.disclosures.services import create_disclosure

    return create_disclosure(
        user=editor,
        item=item,
        title=f"录取名单{n}",
        publishing_department=department,
        body="<p>名单见附件。</p>",
        documents=[document],
    )


if __name__ == "__main__":
    main()
