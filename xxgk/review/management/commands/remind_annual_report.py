"""Cron entry for the annual report's deadline reminder (see xxgk.review.tasks)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from xxgk.review.services import REMIND_WORKING_DAYS, remind_annual_report


class Command(BaseCommand):
    help = (
        f"年度报告截止日（学年报告10月31日）前 {REMIND_WORKING_DAYS} 个工作日起，"
        "报告未公开则每日提醒信息公开办公室（站内通知+邮件，每天至多一次）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按指定日期（YYYY-MM-DD）计算，默认今天")
        parser.add_argument(
            "--days",
            type=int,
            default=REMIND_WORKING_DAYS,
            help=f"截止日前多少个工作日开始提醒（默认 {REMIND_WORKING_DAYS}）",
        )

    def handle(self, *args, date=None, days=REMIND_WORKING_DAYS, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"日期格式不正确：{date}（应为 YYYY-MM-DD）") from exc
        if days < 0:
            raise CommandError("提前的工作日数不能为负数。")
        reminders = remind_annual_report(today, working_days=days)
        for reminder in reminders:
            self.stdout.write(reminder.message)
        if not reminders:
            self.stdout.write(f"{today:%Y-%m-%d} 没有需要提醒的年度报告。")
