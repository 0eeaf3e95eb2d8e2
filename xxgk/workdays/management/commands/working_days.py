import datetime

from django.core.management.base import BaseCommand, CommandError

from xxgk.workdays.calendar import add_working_days, working_days_between


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{value}") from None


class Command(BaseCommand):
    help = "工作日计算：add 起算日 天数 → 截止日期；between 日期1 日期2 → 其间工作日数。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="起算日之后第 N 个工作日（起算日本身不计）")
        add.add_argument("start")
        add.add_argument("days", type=int)
        between = sub.add_parser("between", help="(日期1, 日期2] 之间的工作日数")
        between.add_argument("start")
        between.add_argument("end")

    def handle(self, *args, action, start, **options):
        try:
            if action == "add":
                deadline = add_working_days(_date(start), options["days"])
                self.stdout.write(deadline.date.isoformat())
                if deadline.is_provisional:
                    self.stderr.write(deadline.explain())
            else:
                self.stdout.write(str(working_days_between(_date(start), _date(options["end"]))))
        except ValueError as error:
            raise CommandError(str(error)) from None
