"""The reply deadline of one application, with a plain-language account of how it was reached.

due = clock start + reply days + working days paused (third-party consultation, the fee
period from notice to payment) + approved extension, all counted by xxgk.workdays (the start
day itself is not counted, so an application that arrives on a holiday starts counting on the
next working day). A pause counts the working days in (start, end]: notice and payment on the
same day pause nothing, and a payment on a holiday adds no day for the holiday.

Also the correction-notice deadline (条例第三十条): 补正 must be asked for within 7 working
days of receipt.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from xxgk.workdays.calendar import Deadline, add_working_days, working_days_between

from . import conf
from .models import CLOCK_STATUSES, PauseKind, Status


@dataclass
class Clock:
    due: Deadline | None
    days_left: int | None
    paused: bool = False
    lines: list[str] = field(default_factory=list)
    # The working days `due` counts: reply days + pauses so far + extension.
    working_days: int | None = None

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def overdue_days(self) -> int:
        return -self.days_left if self.overdue else 0


def _d(day: datetime.date) -> str:
    # zh-hans: 2024年3月5日; en: March 5, 2024.
    return date_format(day)


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
                _(
                    "已发出补正告知，答复期限暂停；申请人应于%(due)s前补正，"
                    "收到补正材料之日起重新计算。"
                )
                % {"due": _d(application.correction_due)}
            ],
        )
    reply_days = conf.get("XXGK_REQUESTS_REPLY_DAYS")
    restarted = application.clock_start != application.received_on
    start_line = (
        _(
            "起算日期：%(start)s（收到补正材料），自次日起按工作日计算，"
            "法定节假日不计，调休上班日计入。"
        )
        if restarted
        else _(
            "起算日期：%(start)s（收到申请），自次日起按工作日计算，"
            "法定节假日不计，调休上班日计入。"
        )
    )
    lines = [
        start_line % {"start": _d(application.clock_start)},
        _("答复期限：%(days)s个工作日。") % {"days": reply_days},
    ]
    total = reply_days
    paused = False
    for pause in application.pauses.all() if application.pk else ():
        if pause.started_on < application.clock_start:
            continue
        end = pause.ended_on or max(today, pause.started_on)
        days = working_days_between(pause.started_on, end)
        total += days
        paused = paused or pause.ended_on is None
        lines.append(_pause_line(pause, days))
    if application.extension_days:
        total += application.extension_days
        approver = application.extension_approved_by
        values = {"days": application.extension_days}
        if approver:
            values["who"] = approver.get_full_name() or str(approver)
            line = _("经信息公开办公室负责人（%(who)s）批准延期%(days)s个工作日。")
        else:
            line = _("经信息公开办公室负责人批准延期%(days)s个工作日。")
        lines.append(line % values)
    due = add_working_days(application.clock_start, total)
    lines.append(
        _("合计%(days)s个工作日，答复截止日期：%(due)s。") % {"days": total, "due": _d(due.date)}
    )
    if due.is_provisional:
        lines.append(due.explain())
    days_left = (
        signed_working_days(today, due.date) if application.status in CLOCK_STATUSES else None
    )
    return Clock(due, days_left, paused, lines, working_days=total)


def _pause_line(pause, days: int) -> str:
    if pause.kind == PauseKind.FEE:
        what = _("缴费期间（缴费期限%(due)s）") % {"due": _d(pause.payment_due)}
    else:
        what = _("征求第三方（%(party)s）意见") % {"party": pause.third_party}
    if pause.ended_on is None:
        return _("%(what)s：自%(start)s起暂停，至今不计入%(days)s个工作日，恢复后顺延。") % {
            "what": what,
            "start": _d(pause.started_on),
            "days": days,
        }
    return _("%(what)s：%(start)s至%(end)s，不计入%(days)s个工作日。") % {
        "what": what,
        "start": _d(pause.started_on),
        "end": _d(pause.ended_on),
        "days": days,
    }


@dataclass(frozen=True)
class CorrectionNotice:
    """Where a case stands against the limit for asking for 补正 (条例第三十条: within 7
    working days of receipt): the due date, and the notice's date if one went out."""

    due: Deadline
    sent_on: datetime.date | None
    today: datetime.date

    @property
    def is_late(self) -> bool:
        """Sent after the due date, or none sent and the due date has passed."""
        return (self.sent_on or self.today) > self.due.date

    @property
    def late_days(self) -> int:
        """Working days past the due date (0 when late only by a weekend or holiday)."""
        return working_days_between(self.due.date, self.sent_on or self.today)

    @property
    def days_left(self) -> int:
        return signed_working_days(self.today, self.due.date)

    def summary(self) -> str:
        """The case page's line: the due date and where the case stands against it."""
        due = self.due.date.isoformat()
        if self.sent_on:
            if not self.is_late:
                state = _("%(sent)s 发出补正告知，未超过期限") % {"sent": self.sent_on}
            elif self.late_days:
                state = _("%(sent)s 发出补正告知，晚于期限 %(days)s 个工作日") % {
                    "sent": self.sent_on,
                    "days": self.late_days,
                }
            else:
                state = _("%(sent)s 发出补正告知，晚于期限") % {"sent": self.sent_on}
        elif self.is_late:
            state = _("已过期限；此后发出的补正告知计为超期")
        else:
            state = _("如需补正，剩余 %(days)s 个工作日") % {"days": self.days_left}
        return _("%(due)s（%(state)s）") % {"due": due, "state": state}


def correction_notice(application, today: datetime.date | None = None) -> CorrectionNotice:
    limit = conf.get("XXGK_REQUESTS_CORRECTION_NOTICE_DAYS")
    due = add_working_days(application.received_on, limit)
    return CorrectionNotice(due, application.correction_requested_on, today or timezone.localdate())
