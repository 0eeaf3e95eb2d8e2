"""Run the supervision job now (for cron), or plant the scheduled job for the task worker."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from xxgk.supervision.services import run_supervision
from xxgk.supervision.tasks import schedule_next


class Command(BaseCommand):
    help = "发送信息公开到期提醒、逾期督促和上报（同一提醒只发一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按指定日期（YYYY-MM-DD）计算，默认今天")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="不立即运行，而是为任务进程（db_worker）安排下一次运行",
        )

    def handle(self, *args, date=None, enqueue=False, **options):
        if enqueue:
            result = schedule_next(immediately=True)
            if result is None:
                self.stdout.write("监督任务已在队列中。")
            else:
                self.stdout.write(f"已安排监督任务（{result.id}），由任务进程执行。")
            return
        try:
            today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"日期格式不正确：{date}（应为 YYYY-MM-DD）") from exc
        figures = run_supervision(today=today)
        summary = "，".join(f"{label} {n} 条" for label, n in figures.items())
        self.stdout.write(f"{today:%Y-%m-%d} 监督检查完成：{summary}。")
