"""Annual report generation at scale: figures, draft rendering, DOCX and PDF.

Builds a scratch database (temporary SQLite file unless DATABASE_URL points at a scratch
database) holding a school year (2021-2022) with 100,000 live disclosures and 10,000
applications, bulk-inserted, plus the demo records of the report (channels, admissions,
procurement, cadres). Then times, best of --repeat runs:

- every figure of the registry for that year;
- generating and rendering the 2021-2022 MoE draft (every figure + the text, with links);
- its DOCX and its PDF;
- submitting it for review (PDF built and attached, the report page under catalogue item 6
  created or given a revision, the confidentiality-review workflow started or restarted).

    .venv/bin/python bench/report_bench.py
    .venv/bin/python bench/report_bench.py --disclosures 20000 --repeat 5
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xxgk_bench_report \\
        .venv/bin/python bench/report_bench.py --disclosures 1000000 --dataset-only
    DATABASE_URL=... .venv/bin/python bench/report_bench.py --disclosures 1000000  # reuses it
"""

import argparse
import datetime
import io
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from figures import emit  # noqa: E402

BENCH = "report"


def best_of(repeat: int, fn):
    timings, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        timings.append(time.perf_counter() - began)
    return min(timings), result


def generate(disclosures: int, applications: int) -> None:
    """Bulk rows straight into the tables (the page-tree API would take hours at this size):
    pages under catalogue item 7, their DisclosurePage rows, and applications."""
    import hashlib
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Locale, Page

    from xxgk.catalogue.models import CatalogueItemPage
    from xxgk.disclosures.models import DisclosurePage
    from xxgk.orgs.services import create_department
    from xxgk.requests import models as rq
    from xxgk.requests.services import NUMBER_PREFIX, format_number

    department = create_department(name="基准部门", code="BENCH")
    item = CatalogueItemPage.objects.get(item_number="7")
    content_type = ContentType.objects.get_for_model(DisclosurePage)
    locale = Locale.get_default()
    first = datetime.date(2021, 9, 1)
    with transaction.atomic():
        pages = [
            Page(
                title=f"基准公开信息{n}",
                draft_title=f"基准公开信息{n}",
                slug=f"bench-{n}",
                path=item.path + _base36(n).rjust(Page.steplen, "0"),
                depth=item.depth + 1,
                numchild=0,
                url_path=f"{item.url_path}bench-{n}/",
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                live=True,
            )
            for n in range(1, disclosures + 1)
        ]
        Page.objects.bulk_create(pages, batch_size=2000)
        Page.objects.filter(pk=item.pk).update(numchild=disclosures)
        ids = Page.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)
        children = [
            DisclosurePage(
                page_ptr_id=pk,
                catalogue_item_id=item.pk,
                publishing_department=department,
                index_number=f"BENCH-{pk}",
                publication_date=first + datetime.timedelta(days=pk % 365),
                body="<p>基准正文。</p>",
            )
            for pk in ids
        ]
        fields = DisclosurePage._meta.local_concrete_fields
        for n in range(0, len(children), 2000):
            DisclosurePage._base_manager._insert(children[n : n + 2000], fields=fields)
        rq.Application.objects.bulk_create(
            [
                rq.Application(
                    number=format_number(NUMBER_PREFIX, 2021, seq),
                    year=2021,
                    sequence=seq,
                    channel=rq.Channel.values[0],
                    received_on=first + datetime.timedelta(days=seq % 365),
                    applicant_type=rq.ApplicantType.values[seq % len(rq.ApplicantType.values)],
                    name=f"申请人{seq}",
                    id_type=rq.IdType.RESIDENT,
                    id_number=f"330802{seq:012d}",
                    phone="13800000000",
                    address="浙江省衢州市",
                    description="申请公开基准信息",
                    medium=rq.MediumChoice.values[0],
                    delivery=rq.DeliveryChoice.values[0],
                    query_code_hash=hashlib.sha256(str(seq).encode()).hexdigest(),
                    clock_start=first,
                )
                for seq in range(1, applications + 1)
            ],
            batch_size=2000,
        )


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--disclosures", type=int, default=100_000)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument(
        "--dataset-only",
        action="store_true",
        help="build the dataset in DATABASE_URL and stop; a later run there reuses it",
    )
    args = parser.parse_args()
    scratch = None
    if "DATABASE_URL" not in os.environ:
        scratch = tempfile.mkdtemp(prefix="xxgk-report-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/bench.sqlite3"
        os.environ["XXGK_VAR_DIR"] = scratch
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from xxgk.orgs.models import Department

    if scratch is None and Department.objects.filter(code="BENCH").exists():
        # A scratch PostgreSQL database built by an earlier run (e.g. with --dataset-only).
        print("dataset reused from an earlier run")
    else:
        began = time.perf_counter()
        generate(args.disclosures, args.applications)
        print(f"dataset generated in {time.perf_counter() - began:.0f} s")
    if args.dataset_only:
        return

    from django.contrib.auth import get_user_model

    from xxgk.reports import exports, registry, services
    from xxgk.reports.defaults import MOE_NAME
    from xxgk.reports.models import AnnualReportDraft, ReportTemplate
    from xxgk_demo import reports as demo

    if not get_user_model().objects.filter(username="bench").exists():
        get_user_model().objects.create_superuser("bench", "bench@example.com", "x")
    demo.load_demo(io.StringIO())

    year = registry.Period(datetime.date(2021, 9, 1), datetime.date(2022, 8, 31))
    seconds, values = best_of(args.repeat, lambda: registry.compute_all(year))
    slowest = []
    for code, row in registry.figures().items():
        began = time.perf_counter()
        row.compute(year)
        slowest.append((time.perf_counter() - began, code))
    print("slowest rows:", ", ".join(f"{c} {t:.2f} s" for t, c in sorted(slowest)[-5:]))
    print(
        f"2021-2022: disclosures.total={values['disclosures.total']}, "
        f"requests.received={values['requests.received']}"
    )
    emit(
        BENCH,
        f"{len(values)} figures, {args.disclosures} disclosures in the year",
        round(seconds, 2),
        "s",
    )

    template = ReportTemplate.objects.get(name=MOE_NAME)
    user = get_user_model().objects.get(username="bench")

    def generate_and_render():
        AnnualReportDraft.objects.filter(template=template, year=2021).delete()
        draft = services.generate_draft(template, 2021, user=user)
        return services.render_draft(draft)

    seconds, report = best_of(args.repeat, generate_and_render)
    emit(BENCH, "generate + render 2021-2022 draft", round(seconds, 2), "s")
    plain = services.render_draft(AnnualReportDraft.objects.get(year=2021), linked=False)
    seconds, docx = best_of(args.repeat, lambda: exports.report_docx(plain))
    emit(BENCH, f"DOCX export ({len(docx) // 1024} KB)", round(seconds, 2), "s")
    seconds, pdf = best_of(args.repeat, lambda: exports.report_pdf(plain))
    emit(BENCH, f"PDF export ({len(pdf) // 1024} KB)", round(seconds, 2), "s")

    from xxgk.catalogue.services import update_item
    from xxgk.disclosures.selectors import annual_report_item
    from xxgk.review.services import submit_annual_report

    item = annual_report_item()
    update_item(item, user=user, departments=[Department.objects.get(code="BENCH").pk])
    draft = AnnualReportDraft.objects.select_related("template").get(year=2021)
    seconds, _ = best_of(args.repeat, lambda: submit_annual_report(draft, user=user))
    emit(
        BENCH,
        "submit 2021-2022 report for review (PDF, page revision, workflow)",
        round(seconds, 2),
        "s",
    )
    if scratch:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
