"""The reply deadline of one application, with a plain-language account of how it was reached.

due = clock start + reply days + working days paused for consultation + approved extension,
all counted by xxgk.workdays (the start day itself is not counted, so an application that
arrives on a holiday starts counting on the next working day).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from xxgk.workdays.calendar import Deadline, add_working_days, working_days_between

from . import conf
from .models import CLOCK_STATUSES, Status


@dataclass
class Clock:
    due: Deadline | None
    days_left: int | None
    paused: bool = False
    lines: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def overdue_days(self) -> int:
        return -self.days_left if self.overdue else 0


def _d(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def signed_working_days(today: datetime.date, due: datetime.date) -> int:
    """Working days from today until due; negative once the due date has passed."""
    if due >= today:
        return working_days_between(today, due)
    return -working_days_between(due, today)


def compute(application, today: datetime.date | None = None) -> Clock:
    today = today or timezone.localdate()
    if application.status == Status.CORRECTION:
        return Clock(
            None,
            None,
            lines=[
                f"已发出补正告知，答复期限暂停；申请人应于{_d(application.correction_due)}前补正，"
                "收到补正材料之日起重新计算。"
            ],
        )
    reply_days = conf.get("XXGK_REQUESTS_REPLY_DAYS")
    restarted = application.clock_start != application.received_on
    lines = [
        f"起算日期：{_d(application.clock_start)}"
        f"（{'收到补正材料' if restarted else '收到申请'}），自次日起按工作日计算，"
        "法定节假日不计，调休上班日计入。",
        f"答复期限：{reply_days}个工作日。",
    ]
    total = reply_days
    paused = False
    for pause in application.pauses.all() if application.pk else ():
        if pause.started_on < application.clock_start:
            continue
        end = pause.ended_on or max(today, pause.started_on)
        days = working_days_between(pause.started_on, end)
        total += days
        if pause.ended_on is None:
            paused = True
            lines.append(
                f"征求第三方（{pause.third_party}）意见：自{_d(pause.started_on)}起暂停，"
                f"至今不计入{days}个工作日，恢复后顺延。"
            )
        else:
            lines.append(
                f"征求第三方（{pause.third_party}）意见：{_d(pause.started_on)}至"
                f"{_d(pause.ended_on)}，不计入{days}个工作日。"
            )
    if application.extension_days:
        total += application.extension_days
        approver = application.extension_approved_by
        who = f"（{approver.get_full_name() or approver}）" if approver else ""
        lines.append(f"经信息公开办公室负责人{who}批准延期{application.extension_days}个工作日。")
    due = add_working_days(application.clock_start, total)
    lines.append(f"合计{total}个工作日，答复截止日期：{_d(due.date)}。")
    if due.is_provisional:
        lines.append(due.explain())
    days_left = (
        signed_working_days(today, due.date) if application.status in CLOCK_STATUSES else None
    )
    return Clock(due, days_left, paused, lines)
