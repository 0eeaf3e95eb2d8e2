"""Erase personal data of cases closed longer ago than XXGK_PERSONAL_DATA_RETENTION_DAYS.

Applications (依申请公开), mailbox letters and complaints keep everything the reports count;
names, ID numbers, phone numbers, addresses, e-mail addresses and uploaded files go. Run it
from cron (daily is fine: it only touches cases that have just passed the period).
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from xxgk.audit.services import record_event
from xxgk.complaints import selectors as complaint_selectors
from xxgk.complaints import services as complaint_services
from xxgk.mailbox import selectors as mailbox_selectors
from xxgk.mailbox import services as mailbox_services
from xxgk.requests import selectors as request_selectors
from xxgk.requests import services as request_services
from xxgk.security.personal_data import ERASED


class Command(BaseCommand):
    help = "删除超过保存期限的已办结案件中的个人信息（保留统计数据）。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="只列出将被处理的案件")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="保存期限（天），默认取 XXGK_PERSONAL_DATA_RETENTION_DAYS",
        )

    def handle(self, *args, dry_run=False, days=None, **options):
        days = settings.XXGK_PERSONAL_DATA_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("保存期限不能为负数。")
        today = timezone.localdate()
        cutoff = today - datetime.timedelta(days=days)
        tz = timezone.get_current_timezone()
        since = datetime.datetime.combine(cutoff, datetime.time.min, tz)
        kinds = [
            ("applications", request_selectors.past_retention(cutoff), request_services),
            ("letters", mailbox_selectors.past_retention(since), mailbox_services),
            ("complaints", complaint_selectors.past_retention(since), complaint_services),
        ]
        erased = {}
        for label, cases, services in kinds:
            numbers = []
            for case in cases.order_by("pk"):
                if not dry_run:
                    services.erase_personal_data(case, today=today)
                numbers.append(case.number)
            erased[label] = numbers
            verb = "将删除" if dry_run else "已删除"
            self.stdout.write(f"{label}: {verb} {len(numbers)} 件的个人信息 {' '.join(numbers)}")
        if not dry_run and any(erased.values()):
            record_event(ERASED, detail={"closed_before": str(cutoff), **erased})
