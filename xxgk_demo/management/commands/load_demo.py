"""Load a demo school year (2021-09-01 to 2022-08-31). Running it twice changes nothing."""

import datetime
import logging
import random
import secrets
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from xxgk.catalogue.data.moe_2014 import ITEMS
from xxgk.catalogue.models import CatalogueItemPage
from xxgk.catalogue.services import assign_default_departments
from xxgk.disclosures.models import AnnualReportPage, DisclosurePage
from xxgk.disclosures.services import create_disclosure, file_report
from xxgk.orgs.models import Department
from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role
from xxgk.orgs.services import create_department, create_staff_user
from xxgk.reports.models import PeriodKind
from xxgk.reports.publishing import report_publisher
from xxgk.review.models import CHECKLIST, Decision
from xxgk.review.services import (
    DEFAULT_BASIS,
    decide_review,
    quiet_notices,
    run_attachment_scans,
    scan_revision,
    submit_for_review,
)
from xxgk_demo import bodies, complaints, files, mailbox, oversight, reports, requests
from xxgk_demo.departments import ACCOUNTS, DEPARTMENTS
from xxgk_demo.titles import TITLES

SCHOOL_YEAR_START = datetime.date(2021, 9, 1)
REPORT_DAY = datetime.date(2022, 10, 31)
SCHOOL_YEAR_DAYS = 365
ACCOUNTS_FILE = "demo-accounts.txt"
LOG_FILE = "load_demo.log"
ATTACH_EVERY = 4  # one disclosure in so many gets an attachment (PDF, DOCX, XLSX in turn)
ATTACH_KINDS = ("pdf", "docx", "xlsx")
# Departments that publish late: their information formed weeks before it went out, so the
# supervision dashboard shows them 逾期公开 (and the demo's urgings are about them).
LATE_DEPARTMENTS = {"KYC", "GJC"}
# The scanned sign-in sheet (image only: the scan reports it 未能扫描, the reviewer looks at
# it by hand before approving).
SCANNED = ("demo-3-1", "第四次会议代表签到表（扫描件）")
# A list exported with its ID-number column: the scan flags it and it stays in review.
LEAKED = ("demo-37-2", "2021年国家助学金认定名单（含身份证号）")


class Command(BaseCommand):
    help = "Load demo departments, role accounts, ~200 disclosures and the 2021-2022 report."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-accounts", action="store_true", help="不打印账号密码")
        parser.add_argument(
            "--log-file",
            default=str(Path(settings.VAR_DIR) / "log" / LOG_FILE),
            help="加载过程的日志写入此文件，不输出到终端",
        )
        parser.add_argument(
            "--site-url", default="http://127.0.0.1:8000", help="结束时打印的网站地址"
        )

    def handle(self, *args, quiet_accounts=False, log_file, site_url, **options):
        # Wagtail logs every page created, edited and published (about 1,500 lines for the
        # demo year): they go to the log file, so the terminal keeps progress and accounts.
        with logs_to(Path(log_file)):
            accounts = self._load(Path(log_file))
        site_url = site_url.rstrip("/")
        self.stdout.write(f"\n网站：     {site_url}/")
        self.stdout.write(f"管理后台： {site_url}/admin/")
        if not quiet_accounts:
            self.stdout.write("演示账号（用户名 / 密码 / 角色）：")
            for username, password, label in accounts:
                self.stdout.write(f"  {username:<12} {password:<20} {label}")
            self.stdout.write(f"账号清单保存在 {Path(settings.VAR_DIR) / ACCOUNTS_FILE}")

    def _load(self, log_file):
        self.stdout.write(f"载入演示数据（日志：{log_file}）")
        self.stdout.write("  · 部门与账号")
        with transaction.atomic():
            departments = self._departments()
            assign_default_departments({str(n): codes for n, _, _, _, codes, _ in ITEMS})
            accounts = self._accounts(departments)
        self.stdout.write("  · 公开信息（逐条经保密审查后发布）")
        created = self._disclosures(departments)
        self.stdout.write(f"  演示数据：部门 {len(departments)} 个，新增公开信息 {created} 条。")
        self.stdout.write("  · 依申请公开、信箱、举报、评议、监督与年度报告数据")
        self._domain_demos()
        self.stdout.write("  · 年度报告（由报告生成器按演示数据生成，经保密审查后发布）")
        report_created = self._annual_report()
        self.stdout.write(f"  新增年度报告 {report_created} 份。")
        return accounts

    def _domain_demos(self):
        """Each domain app seeds its own demo records (idempotently) after the basics exist."""
        for demo in (requests, mailbox, complaints, oversight, reports):
            demo.load_demo(self.stdout)

    def _departments(self):
        existing = {d.code: d for d in Department.objects.all()}
        for order, (code, name, contact, phone) in enumerate(DEPARTMENTS):
            if code not in existing:
                existing[code] = create_department(
                    name=name,
                    code=code,
                    contact_person=contact,
                    phone=phone,
                    sort_order=order * 10,
                )
        return existing

    def _accounts(self, departments):
        path = Path(settings.VAR_DIR) / ACCOUNTS_FILE
        saved = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                username, _, password = line.partition(" ")
                saved[username] = password.strip()
        User = get_user_model()
        rows = []
        if not User.objects.filter(username="admin").exists():
            saved["admin"] = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@localhost", saved["admin"])
        rows.append(("admin", saved.get("admin", "（见首次输出）"), "超级管理员"))
        for username, full_name, role, code in ACCOUNTS:
            if not User.objects.filter(username=username).exists():
                saved[username] = secrets.token_urlsafe(12)
                create_staff_user(
                    username=username,
                    password=saved[username],
                    roles=[Role(role)],
                    department=departments.get(code),
                    full_name=full_name,
                    email=f"{username}@example.edu.cn",
                    is_staff=True,
                )
            rows.append((username, saved.get(username, "（见首次输出）"), Role(role).label))
        path.write_text("".join(f"{u} {p}\n" for u, p in saved.items()), encoding="utf-8")
        path.chmod(0o600)
        return rows

    def _disclosures(self, departments):
        rng = random.Random(20210901)
        User = get_user_model()
        office = User.objects.get(username="office")
        reviewer = User.objects.get(username="reviewer")
        # 谁公开、谁负责: a department with an editor account drafts its own disclosures; the
        # office drafts for the others. Every one is published through the review.
        editors = {
            user.staff_profile.department.code: user
            for user in User.objects.filter(
                groups__name=ROLE_GROUP_NAMES[Role.EDITOR], staff_profile__department__isnull=False
            ).select_related("staff_profile__department")
        }
        items = {i.item_number: i for i in CatalogueItemPage.objects.all()}
        existing = set(
            DisclosurePage.objects.filter(slug__startswith="demo-").values_list("slug", flat=True)
        )
        created = serial = 0
        for number, titles in TITLES.items():
            item = items[number]
            item_departments = list(item.responsible_departments.all()) or [departments["DZB"]]
            for position, title in enumerate(titles, start=1):
                serial += 1
                slug = f"demo-{number}-{position}"  # stable while the title lists only grow
                day = SCHOOL_YEAR_START + datetime.timedelta(days=rng.randrange(SCHOOL_YEAR_DAYS))
                department = item_departments[serial % len(item_departments)]
                if slug in existing:
                    continue
                blocks = bodies.blocks(number, title, department.name, day)
                documents = _attachments(slug, serial, title, blocks, day, department)
                late = department.code in LATE_DEPARTMENTS and item.rule_kind == "event"
                formed_on = day - datetime.timedelta(
                    days=rng.randrange(40, 75) if late else rng.randrange(1, 10)
                )
                author = editors.get(department.code, office)
                with transaction.atomic(), quiet_notices():
                    page = create_disclosure(
                        user=author,
                        item=item,
                        title=title,
                        publishing_department=department,
                        body="".join(blocks),
                        publication_date=day,
                        formed_on=formed_on,
                        documents=documents,
                        slug=slug,
                    )
                    if slug == LEAKED[0]:
                        _submit_only(page, author=author)
                    else:
                        _review(page, author=author, reviewer=reviewer, day=day)
                created += 1
        return created

    def _annual_report(self):
        """The 2021-2022 report: the report generator's draft over the demo data (xxgk.reports),
        filed under item 6 by the report desk's publisher and published through the review."""
        kind = PeriodKind.SCHOOL_YEAR
        if AnnualReportPage.objects.filter(period_kind=kind, period_start__year=2021).exists():
            return 0
        User = get_user_model()
        office = User.objects.get(username="office")
        draft = reports.ensure_draft()
        day = REPORT_DAY
        with transaction.atomic(), quiet_notices():
            # Filed first with its publication date (the desk's publisher keeps it), then the
            # generator's text and PDF are filed over it and sent into review.
            file_report(
                user=office,
                period_kind=kind,
                year=draft.year,
                title=draft.title,
                body="",
                publication_date=day,
            )
            page = report_publisher().submit(draft, user=office, today=day)
            _approve(page, reviewer=User.objects.get(username="reviewer"), day=day)
        return 1


@contextmanager
def logs_to(path):
    """Send the root logger's records to a file instead of the terminal while loading."""
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    consoles = [h for h in root.handlers if type(h) is logging.StreamHandler]
    file_handler = logging.FileHandler(path, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    for handler in consoles:
        root.removeHandler(handler)
    root.addHandler(file_handler)
    try:
        yield
    finally:
        root.removeHandler(file_handler)
        file_handler.close()
        for handler in consoles:
            root.addHandler(handler)


def _review(page, *, author, reviewer, day):
    """Submit and approve with a full 保密审查单, dated the morning of publication."""
    submit_for_review(page, user=author)
    _approve(page, reviewer=reviewer, day=day)


def _approve(page, *, reviewer, day):
    state = type(page).objects.get(pk=page.pk).current_workflow_state
    # The demo does not wait for the task worker: its attachments are scanned here.
    run_attachment_scans(scan_revision(state.current_task_state.revision))
    state.refresh_from_db()
    decide_review(
        state.current_task_state,
        user=reviewer,
        decision=Decision.APPROVED,
        basis=DEFAULT_BASIS,
        opinion="经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。",
        checklist={field: False for field, _ in CHECKLIST},
        scan_acknowledged=True,
        at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0))),
    )


def _submit_only(page, *, author):
    """Submitted and scanned, awaiting the reviewer: the scan's hits are for them to see."""
    state = submit_for_review(page, user=author)
    state.refresh_from_db()
    run_attachment_scans(scan_revision(state.current_task_state.revision))


def _attachments(slug, serial, title, blocks, day, department):
    """The real files a disclosure carries (none for most)."""
    stem = f"{day:%Y%m%d}-{slug}"
    collection = department.collection
    if slug == SCANNED[0]:
        return [
            files.save_document(
                SCANNED[1],
                f"{stem}-scan.pdf",
                files.scanned_pdf_bytes(SCANNED[1]),
                collection=collection,
            )
        ]
    if slug == LEAKED[0]:
        rng = random.Random(slug)
        header = ["序号", "姓名", "学院", "身份证号", "认定档次"]
        rows = [header] + [
            [
                n,
                name,
                rng.choice(bodies.COLLEGES),
                files.fake_resident_id(
                    f"3308{rng.randrange(2, 26):02d}{rng.randrange(2001, 2004)}"
                    f"{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{rng.randrange(100, 999)}"
                ),
                rng.choice(["一般困难", "困难", "特别困难"]),
            ]
            for n, name in enumerate(bodies.names(rng, 12), start=1)
        ]
        content = files.xlsx_bytes(LEAKED[1], [], extra_rows=rows)
        return [files.save_document(LEAKED[1], f"{stem}.xlsx", content, collection=collection)]
    if serial % ATTACH_EVERY:
        return []
    kind = ATTACH_KINDS[serial // ATTACH_EVERY % len(ATTACH_KINDS)]
    content = files.BUILDERS[kind](title, blocks)
    return [files.save_document(title, f"{stem}.{kind}", content, collection=collection)]
