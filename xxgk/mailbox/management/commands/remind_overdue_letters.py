"""For a scheduler (cron, systemd timer): remind departments and escalate overdue letters."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from xxgk.mailbox.services import remind_overdue_letters


class Command(BaseCommand):
    help = "提醒承办部门办理逾期来信，并将长期逾期的来信上报信息公开办公室。可重复运行。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按该日期（YYYY-MM-DD）计算，默认今天")

    def handle(self, *args, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError:
            raise CommandError("日期格式应为 YYYY-MM-DD。") from None
        counts = remind_overdue_letters(today=today)
        self.stdout.write(
            f"逾期提醒 {counts['reminded']} 件，上报办公室 {counts['escalated']} 件。"
        )
