from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from xxgk.requests.tasks import close_lapsed_corrections, close_lapsed_fees, send_deadline_reminders


class Command(BaseCommand):
    help = (
        "依申请公开每日任务：终止逾期未补正、逾期未缴费的申请，发送到期与超期提醒"
        "（建议每日由 cron 运行）。"
    )

    def handle(self, *args, **options):
        closed = close_lapsed_corrections.enqueue()
        unpaid = close_lapsed_fees.enqueue()
        reminded = send_deadline_reminders.enqueue()
        for result, label in (
            (closed, "终止逾期未补正的申请"),
            (unpaid, _("终止逾期未缴费的申请")),
            (reminded, "发送期限提醒"),
        ):
            if result.is_finished:
                self.stdout.write(f"{label}：{result.return_value}")
            else:
                self.stdout.write(f"{label}：已加入任务队列（{result.id}）")
