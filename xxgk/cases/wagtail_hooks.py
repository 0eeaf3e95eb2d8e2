"""The dashboard's 逾期事项 and 本周到期: the open cases of every kind with a due date (those
the case apps register in ``wagtail.DEADLINE_SOURCES``) that the user may see, right after the
confidentiality review's 待我审查."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .wagtail import DeadlinePanel, cases_falling_due

OVERDUE_ORDER, THIS_WEEK_ORDER = 20, 30


@hooks.register("construct_homepage_panels")
def add_deadline_panels(request, panels):
    today = timezone.localdate()
    sunday = today + datetime.timedelta(days=6 - today.weekday())
    cases = cases_falling_due(request.user, sunday)
    if cases is None:
        return
    panels.append(
        DeadlinePanel(
            "case_overdue",
            _("逾期事项"),
            OVERDUE_ORDER,
            [case for case in cases if case.due_date < today],
            _("没有逾期事项。"),
        )
    )
    panels.append(
        DeadlinePanel(
            "case_due_this_week",
            _("本周到期"),
            THIS_WEEK_ORDER,
            [case for case in cases if case.due_date >= today],
            _("本周没有到期事项。"),
        )
    )
