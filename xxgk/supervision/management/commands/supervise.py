"""Run the supervision job now, for cron; the task worker runs it via xxgk.core.schedule."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from xxgk.supervision.services import run_supervision


class Command(BaseCommand):
    help = "发送信息公开到期提醒、逾期督促和上报（同一提醒只发一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按指定日期（YYYY-MM-DD）计算，默认今天")

    def handle(self, *args, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"日期格式不正确：{date}（应为 YYYY-MM-DD）") from exc
        figures = run_supervision(today=today)
        summary = "，".join(f"{label} {n} 条" for label, n in figures.items())
        self.stdout.write(f"{today:%Y-%m-%d} 监督检查完成：{summary}。")
