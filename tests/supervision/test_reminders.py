"""Reminders, urgings and escalations: sent once, to the right people, recorded as data."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from tests.factories import DepartmentFactory
from xxgk.supervision.models import ActionKind, Notice, SupervisionAction
from xxgk.supervision.periods import Period
from xxgk.supervision.selectors import action_figures, unread_notices
from xxgk.supervision.services import mark_notices_read, record_handling, run_supervision

from .conftest import d

pytestmark = pytest.mark.django_db


@pytest.fixture
def annual_report(dept_a, responsible, publish):
    """Item 6 (annual report, due 31 October), with last year's report published on time."""
    item = responsible("6", dept_a)
    publish(item, dept_a, d("2021-10-20"))
    return item


@pytest.fixture
def settings_nm(settings):
    settings.XXGK_SUPERVISION_REMIND_DAYS = 5
    settings.XXGK_SUPERVISION_ESCALATE_DAYS = 3
    return settings


def sent_mail():
    """Our messages only (publishing sends workflow e-mails of its own)."""
    return [
        m for m in mail.outbox if m.subject.startswith(("信息公开提醒", "信息公开督促", "逾期上报"))
    ]


def kinds(department=None):
    actions = SupervisionAction.objects.order_by("pk")
    if department is not None:
        actions = actions.filter(department=department)
    return [(a.kind, a.obligation_key) for a in actions]


def test_reminder_before_due_date_is_sent_once(settings_nm, editor_a, annual_report):
    run_supervision(today=d("2022-10-24"))
    run_supervision(today=d("2022-10-24"))
    run_supervision(today=d("2022-10-25"))
    assert kinds() == [(ActionKind.REMINDER, "periodic:2022")]
    (message,) = sent_mail()
    assert message.to == ["editor_a@example.edu.cn"]
    assert "2022-10-31" in message.body and "信息公开年度报告" in message.body
    action = SupervisionAction.objects.get()
    assert action.emailed_to == ["editor_a@example.edu.cn"]
    assert [n.action for n in unread_notices(editor_a)] == [action]


def test_overdue_is_urged_then_escalated_to_office_after_m_working_days(
    settings_nm, editor_a, office, annual_report
):
    run_supervision(today=d("2022-11-01"))  # Tuesday: overdue since 1 November
    assert kinds() == [(ActionKind.URGING, "periodic:2022")]
    run_supervision(today=d("2022-11-03"))  # 3 working days: 1, 2, 3 November
    assert kinds() == [
        (ActionKind.URGING, "periodic:2022"),
        (ActionKind.ESCALATION, "periodic:2022"),
    ]
    escalation = SupervisionAction.objects.get(kind=ActionKind.ESCALATION)
    assert list(escalation.recipients.all()) == [office]
    assert "逾期 3 个工作日" in escalation.message
    run_supervision(today=d("2022-11-20"))
    assert len(kinds()) == 2
    assert [m.to for m in sent_mail()] == [["editor_a@example.edu.cn"], ["office1@example.edu.cn"]]


def test_escalation_waits_over_a_holiday(settings_nm, dept_a, editor_a, responsible):
    """Overdue from 1 October 2022: the National Day week does not count towards M."""
    item = responsible("6", dept_a)
    item.due_month, item.due_day = 9, 30
    item.save()
    run_supervision(today=d("2022-10-07"))
    assert [k for k, _ in kinds()] == [ActionKind.URGING]
    run_supervision(today=d("2022-10-11"))  # 8, 9 (make-up workdays), 10, 11 October
    assert [k for k, _ in kinds()] == [ActionKind.URGING, ActionKind.ESCALATION]


def test_department_without_editor_goes_straight_to_office(settings_nm, office, responsible):
    lonely = DepartmentFactory(name="无信息员部门")
    responsible("6", lonely)
    run_supervision(today=d("2022-10-24"))
    action = SupervisionAction.objects.get(kind=ActionKind.REMINDER)
    assert list(action.recipients.all()) == [office]
    assert "未配置信息员" in action.message


def test_handling_and_figures_for_the_annual_report(
    settings_nm, dept_a, editor_a, office, annual_report
):
    run_supervision(today=d("2022-10-24"))
    run_supervision(today=d("2022-11-10"))
    record_handling(user=office, department=dept_a, note="约谈部门负责人，责令三日内公开。")
    figures = action_figures(Period(d("2000-01-01"), d("2004-12-31")))
    assert figures["reminders"] == 0
    # Actions are dated by when they were made (now); count them in the current period.
    today = datetime.date.today()
    figures = action_figures(Period(today - datetime.timedelta(days=1), today))
    assert (figures["reminders"], figures["urgings"], figures["escalations"]) == (1, 1, 1)
    assert (figures["handlings"], figures["departments_reminded"]) == (1, 1)


def test_only_the_office_records_handling(dept_a, editor_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        record_handling(user=editor_a, department=dept_a, note="自查")


def test_notices_are_marked_read_only_for_their_owner(
    settings_nm, editor_a, editor_b, annual_report
):
    run_supervision(today=d("2022-10-24"))
    notice = Notice.objects.get()
    assert mark_notices_read(editor_b, [notice.pk]) == 0
    assert mark_notices_read(editor_a, [notice.pk]) == 1
    assert unread_notices(editor_a) == []


def test_command_runs_for_a_date_and_rejects_bad_dates(settings_nm, annual_report):
    out = StringIO()
    call_command("supervise", "--date", "2022-10-24", stdout=out)
    assert "提醒（到期前） 1 条" in out.getvalue()
    with pytest.raises(CommandError, match="日期格式不正确"):
        call_command("supervise", "--date", "2022-13-01")
