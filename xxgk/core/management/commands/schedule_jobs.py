"""Plant xxgk's periodic jobs for the task worker (`make run` does), or show the schedule."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from xxgk.core.schedule import JOBS, next_run, plant, waiting


class Command(BaseCommand):
    help = "安排定时任务（定时发布、监督提醒、依申请公开、信箱、年度报告），由任务进程执行。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="若队列中没有待运行的调度任务，则安排一个（立即运行全部任务，之后按时运行）",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = plant(now=True)
            if result is None:
                self.stdout.write("定时任务已在队列中。")
            else:
                self.stdout.write(f"已安排定时任务（{result.id}），由任务进程执行。")
            return
        now = timezone.now()
        for name, job in JOBS.items():
            self.stdout.write(f"{name}：下次 {timezone.localtime(job.next_due(now)):%m-%d %H:%M}")
        planted = waiting()
        if planted is None:
            due = timezone.localtime(next_run(now)[0])
            self.stdout.write(f"队列中没有调度任务（用 --enqueue 安排；下一次应在 {due:%H:%M}）。")
        else:
            due = timezone.localtime(planted.run_after)
            names = "、".join(planted.args_kwargs["args"][0])
            self.stdout.write(f"队列中的调度任务：{due:%Y-%m-%d %H:%M} 运行 {names}")
