from django.core.management.base import BaseCommand

from xxgk.reports.services import deadline_reminders


class Command(BaseCommand):
    help = "提醒信息公开办公室：年度报告截止前 30 天起，未发布则每日提醒（供定时任务每日运行）。"

    def handle(self, *args, **options):
        messages = deadline_reminders()
        for message in messages:
            self.stdout.write(message)
        if not messages:
            self.stdout.write("没有需要提醒的年度报告。")
