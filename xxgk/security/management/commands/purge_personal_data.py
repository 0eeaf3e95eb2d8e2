"""Erase personal data of cases closed longer ago than XXGK_PERSONAL_DATA_RETENTION_DAYS.

The kinds of case come from `xxgk.security.retention`, filled by the case apps.

Applications (依申请公开), mailbox letters and complaints keep everything the reports count;
names, ID numbers, phone numbers, addresses, e-mail addresses and uploaded files go. Run it
from cron (daily is fine: it only touches cases that have just passed the period).
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from xxgk.audit.services import record_event
from xxgk.security.personal_data import ERASED
from xxgk.security.retention import case_kinds


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
        erased = {}
        for kind in case_kinds():
            numbers = []
            for case in kind.past_retention(cutoff).order_by("pk"):
                if not dry_run:
                    kind.erase(case, today=today)
                numbers.append(case.number)
            erased[kind.label] = numbers
            verb = "将删除" if dry_run else "已删除"
            self.stdout.write(
                f"{kind.label}: {verb} {len(numbers)} 件的个人信息 {' '.join(numbers)}"
            )
        if not dry_run and any(erased.values()):
            record_event(ERASED, detail={"closed_before": str(cutoff), **erased})
