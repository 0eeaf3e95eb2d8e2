"""Every write to an application goes through these functions.

Each step checks the state machine (TRANSITIONS), recomputes the deadline, writes an Event
with the old and new due date, and, where the law asks for a notice, issues a letter
(DOCX + PDF), e-mailed to the applicant after the transaction commits.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from xxgk.cases.selectors import office_emails
from xxgk.cases.services import acknowledge_receipt, format_number, record_event
from xxgk.core.context_processors import school_title
from xxgk.core.numbering import next_serial
from xxgk.law import citations
from xxgk.orgs.policy import Action
from xxgk.orgs.selectors import handler_label
from xxgk.orgs.services import check_assignable
from xxgk.security.fields import blind_index_candidates
from xxgk.security.personal_data import delete_files_on_commit, redact, redact_notes
from xxgk.security.public_forms import hash_query_code, new_query_code
from xxgk.workdays.calendar import add_working_days

from . import conf, deadlines, fees, letters, outcomes
from .models import (
    EVENT_LABELS,
    OPEN_STATUSES,
    Appeal,
    AppealResult,
    Application,
    Attachment,
    AttachmentKind,
    Channel,
    ClockPause,
    Event,
    Fee,
    FeeKind,
    Letter,
    LetterKind,
    PauseKind,
    Status,
)
from .policy import request_policy
from .schedules import yuan
from .selectors import reply_due

NUMBER_PREFIX = "YSQ"
S = Status
# action: (states it may start from, state it leads to; None = unchanged)
TRANSITIONS = {
    "accept": ({S.RECEIVED}, S.ACCEPTED),
    "request_correction": ({S.RECEIVED, S.ACCEPTED}, S.CORRECTION),
    "receive_correction": ({S.CORRECTION}, S.ACCEPTED),
    "lapse_correction": ({S.CORRECTION}, S.WITHDRAWN),
    "withdraw": (set(OPEN_STATUSES), S.WITHDRAWN),
    "assign": ({S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}, None),
    "start_consultation": ({S.ACCEPTED, S.IN_PROGRESS}, S.CONSULTING),
    "end_consultation": ({S.CONSULTING}, S.IN_PROGRESS),
    "extend": ({S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS, S.CONSULTING}, None),
    "answer": ({S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS}, S.ANSWERED),
    # The fee notice pauses the reply clock until the fees are paid (or waived); unpaid after
    # the notice's period, the case closes as row 6.2.
    "fee": ({S.ACCEPTED, S.IN_PROGRESS}, S.AWAITING_FEE),
    "fee_settled": ({S.AWAITING_FEE}, None),
    "lapse_fee": ({S.AWAITING_FEE}, S.WITHDRAWN),
    "archive": ({S.ANSWERED, S.WITHDRAWN}, S.ARCHIVED),
}


class TransitionError(ValidationError):
    pass


# --- events and deadlines ----------------------------------------------------------------


def _log(
    application, kind, *, actor=None, note="", old_status="", old_due=None, new_due=None
) -> Event:
    return record_event(
        Event,
        user=actor,
        note=note,
        application=application,
        kind=kind,
        from_status=old_status,
        to_status=application.status if old_status else "",
        old_due=old_due,
        new_due=new_due,
    )


def _refresh_due(application, today=None) -> None:
    clock = deadlines.compute(application, today)
    if application.status == S.CORRECTION:
        application.due_date, application.due_provisional = None, False
    elif clock.due is not None and application.is_open:
        application.due_date = clock.due.date
        application.due_provisional = clock.due.is_provisional


def _locked(application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _ensure_allowed(application, action) -> None:
    if application.status not in TRANSITIONS[action][0]:
        raise TransitionError(
            _("当前状态为“%(status)s”，不能执行“%(action)s”。")
            % {"status": application.get_status_display(), "action": EVENT_LABELS[action]}
        )


def _move(application, action, *, actor=None, note="", today=None, **changes) -> Application:
    """Apply one state-machine step to a locked row; returns the saved application."""
    app = _locked(application)
    _ensure_allowed(app, action)
    target = TRANSITIONS[action][1]
    old_status, old_due = app.status, app.due_date
    for name, value in changes.items():
        setattr(app, name, value)
    if target is not None:
        app.status = target
    _refresh_due(app, today)
    app.save()
    changed = app.due_date != old_due
    _log(
        app,
        action,
        actor=actor,
        note=note,
        old_status=old_status,
        old_due=old_due if changed else None,
        new_due=app.due_date if changed else None,
    )
    return app


def _step_date(application, on, *, what: str):
    """A date an officer gives for a step: not before receipt, not in the future."""
    day = on or timezone.localdate()
    if not application.received_on <= day <= timezone.localdate():
        raise ValidationError({"on": _("%(what)s应在收到申请之日和今天之间。") % {"what": what}})
    return day


# --- letters -----------------------------------------------------------------------------


def issue_letter(application, kind: LetterKind, *, actor=None, send=True, **extra) -> Letter:
    """Render a notice, store both formats, log it, and e-mail it to the applicant.

    Notices are statutory documents: always in Chinese, whatever the officer's language."""
    with translation.override("zh-hans"):
        title, text = letters.render_text(application, kind, **extra)
        letter = Letter(
            application=application, kind=kind, title=title, text=text, created_by=actor
        )
        stem = f"{application.number}-{kind}-{application.letters.count() + 1}"
        letter.docx.save(f"{stem}.docx", ContentFile(letters.docx_bytes(title, text)), save=False)
        letter.pdf.save(f"{stem}.pdf", ContentFile(letters.pdf_bytes(title, text)), save=False)
    if send and application.email:
        letter.emailed_to = application.email
    letter.save()
    _log(application, "letter", actor=actor, note=title)
    if letter.emailed_to:
        transaction.on_commit(lambda: _email_letter(letter.pk))
    return letter


def _email_letter(letter_pk: int) -> None:
    letter = Letter.objects.select_related("application").get(pk=letter_pk)
    application = letter.application
    message = EmailMessage(
        subject=f"【{settings.XXGK_SCHOOL_NAME}】{letter.title}（{application.number}）",
        body=f"{letter.text}\n\n{settings.XXGK_SCHOOL_NAME}",
        to=[letter.emailed_to],
    )
    message.attach(f"{letter.title}.pdf", letter.pdf.read(), "application/pdf")
    if letter.kind == LetterKind.REPLY:
        for attachment in application.attachments.filter(kind=AttachmentKind.RELEASED):
            message.attach(attachment.original_name, attachment.file.read())
    message.send(fail_silently=False)


# --- receiving applications --------------------------------------------------------------


def _store_files(application, files, kind) -> None:
    for upload in files:
        Attachment.objects.create(
            application=application,
            kind=kind,
            file=upload,
            original_name=upload.name[:200],
            size=upload.size,
        )


@transaction.atomic
def create_application(
    *, data: dict, files=(), channel=Channel.ONLINE, received_on=None, actor=None, token=None
) -> tuple[Application, str]:
    """Record a new application; returns it with its query code (shown once, stored hashed)."""
    received_on = received_on or timezone.localdate()
    year = received_on.year
    sequence = next_serial(NUMBER_PREFIX, year)
    number = format_number(NUMBER_PREFIX, year, sequence)
    code = new_query_code()
    application = Application(
        number=number,
        year=year,
        sequence=sequence,
        channel=channel,
        received_on=received_on,
        clock_start=received_on,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        submission_token=token,
        query_code_hash=hash_query_code(number, code),
        **data,
    )
    application.full_clean(exclude=["query_code_hash", "submission_token"])
    _refresh_due(application)
    application.save()
    _store_files(application, files, AttachmentKind.APPLICANT)
    note = "" if channel == Channel.ONLINE else f"{Channel(channel).label}，{received_on}收到"
    kind = "submitted" if channel == Channel.ONLINE else "registered"
    _log(application, kind, actor=actor, note=note, new_due=application.due_date)
    if channel == Channel.ONLINE:
        # Sent online, it is acknowledged at once, in the language of the form. One the
        # office registers (post, in person) reaches the applicant with the office's receipt.
        acknowledge_receipt(
            application,
            code,
            reply_due(application),
            _("【%(school)s】已收到您的信息公开申请 %(number)s"),
            _(
                "您的信息公开申请已收到，申请编号 %(number)s，查询码 %(code)s。\n"
                "答复期限：%(days)s个工作日内，即%(due)s前。\n"
                "请凭申请编号和查询码在 %(url)s 查询办理进度。"
            ),
            "requests:track",
            school=school_title(),
        )
    return application, code


# --- the lifecycle -----------------------------------------------------------------------


@transaction.atomic
def accept(application, *, actor, note="", on=None) -> Application:
    """Accept the application. `on` records a step taken earlier on paper (default today)."""
    app = _move(application, "accept", actor=actor, note=note, today=on)
    issue_letter(app, LetterKind.RECEIPT, actor=actor)
    return app


@transaction.atomic
def request_correction(application, *, actor, items: str, due=None, on=None) -> Application:
    if not items.strip():
        raise ValidationError({"items": _("请写明需要补正的内容。")})
    today = _step_date(application, on, what=_("补正告知日期"))
    due = due or add_working_days(today, conf.get("XXGK_REQUESTS_CORRECTION_DAYS")).date
    if due <= today:
        raise ValidationError({"due": _("补正期限必须晚于今天。")})
    app = _move(
        application,
        "request_correction",
        actor=actor,
        note=items,
        correction_items=items.strip(),
        correction_due=due,
        # 条例第三十条 asks for one notice: the first one's date is what the limit judges.
        correction_requested_on=application.correction_requested_on or today,
    )
    issue_letter(app, LetterKind.CORRECTION, actor=actor)
    return app


@transaction.atomic
def receive_correction(application, *, actor, received_on=None, note="") -> Application:
    received_on = received_on or timezone.localdate()
    if received_on > timezone.localdate() or received_on < application.received_on:
        raise ValidationError({"received_on": _("补正材料的收到日期不正确。")})
    return _move(application, "receive_correction", actor=actor, note=note, clock_start=received_on)


def close_lapsed_corrections(today=None) -> list[str]:
    """Close applications whose correction period passed with no answer (视为放弃)."""
    today = today or timezone.localdate()
    closed = []
    lapsed = Application.objects.filter(status=S.CORRECTION, correction_due__lt=today)
    for application in lapsed:
        with transaction.atomic():
            _move(
                application,
                "lapse_correction",
                note=f"补正期限{application.correction_due}已过，申请人未补正。",
                outcome=outcomes.LAPSED_CORRECTION,
                outcome_reason="申请人无正当理由逾期未补正，视为放弃申请。",
                closed_on=today,
            )
        closed.append(application.number)
    return closed


@transaction.atomic
def withdraw(application, *, actor, note) -> Application:
    if not note.strip():
        raise ValidationError({"note": _("请说明撤回方式（如申请人来电、来函撤回）。")})
    return _move(
        application,
        "withdraw",
        actor=actor,
        note=note,
        outcome="6.3",
        outcome_reason=f"申请人撤回申请：{note.strip()}",
        closed_on=timezone.localdate(),
    )


@transaction.atomic
def assign(application, *, actor, handler, department=None) -> Application:
    """Make `handler` the case's handler: one of the people cases may be assigned to (of
    `department`, when the office chose one), never a leader, a reviewer or a supervisor."""
    check_assignable(handler, department)
    changes = {"handler": handler}
    if application.status == S.ACCEPTED:
        changes["status"] = S.IN_PROGRESS
    note = handler_label(handler)
    return _move(application, "assign", actor=actor, note=note, **changes)


@transaction.atomic
def start_consultation(
    application, *, actor, third_party: str, matter: str, on=None
) -> Application:
    app = _locked(application)
    _ensure_allowed(app, "start_consultation")
    ClockPause.objects.create(
        application=app,
        third_party=third_party.strip(),
        matter=matter.strip(),
        started_on=on or timezone.localdate(),
    )
    app = _move(app, "start_consultation", actor=actor, note=f"征询对象：{third_party}")
    extra = {"third_party": third_party, "matter": matter}
    issue_letter(app, LetterKind.CONSULTATION, actor=actor, send=False, **extra)
    return app


@transaction.atomic
def end_consultation(application, *, actor, opinion: str, ended_on=None) -> Application:
    _ensure_allowed(_locked(application), "end_consultation")
    ended_on = ended_on or timezone.localdate()
    pause = application.pauses.filter(ended_on__isnull=True).last()
    if pause is None or ended_on < pause.started_on or ended_on > timezone.localdate():
        raise ValidationError({"ended_on": _("结束日期不正确。")})
    pause.ended_on, pause.opinion = ended_on, opinion.strip()
    pause.save(update_fields=["ended_on", "opinion"])
    return _move(application, "end_consultation", actor=actor, note=opinion)


@transaction.atomic
def extend(application, *, actor, approved_by, days: int, reason: str) -> Application:
    limit = conf.get("XXGK_REQUESTS_EXTENSION_DAYS")
    request_policy.require(approved_by, Action.DECIDE)
    if not reason.strip():
        raise ValidationError({"reason": _("请写明延期理由。")})
    if days < 1 or application.extension_days + days > limit:
        raise ValidationError({"days": _("延期合计不得超过%(limit)s个工作日。") % {"limit": limit}})
    app = _move(
        application,
        "extend",
        actor=actor,
        note=f"延期{days}个工作日，批准人：{approved_by.get_full_name() or approved_by}。{reason}",
        extension_days=application.extension_days + days,
        extension_reason=reason.strip(),
        extension_approved_by=approved_by,
    )
    issue_letter(app, LetterKind.EXTENSION, actor=actor)
    return app


@transaction.atomic
def answer(
    application, *, actor, outcome: str, reply_text: str, reason="", released=(), on=None
) -> Application:
    if outcome not in outcomes.BY_CODE:
        raise ValidationError({"outcome": _("请选择办理结果。")})
    if outcomes.get(outcome).needs_reason and not reason.strip():
        raise ValidationError({"reason": _("该办理结果须写明理由。")})
    if not reply_text.strip():
        raise ValidationError({"reply_text": _("请填写答复内容。")})
    if on and not application.received_on <= on <= timezone.localdate():
        raise ValidationError({"on": _("答复日期应在收到日期和今天之间。")})
    app = _move(
        application,
        "answer",
        actor=actor,
        note=outcomes.get(outcome).full_label,
        outcome=outcome,
        outcome_reason=reason.strip(),
        reply_text=reply_text.strip(),
        closed_on=on or timezone.localdate(),
    )
    _store_files(app, released, AttachmentKind.RELEASED)
    issue_letter(app, LetterKind.REPLY, actor=actor)
    return app


@transaction.atomic
def archive(application, *, actor, note="", on=None) -> Application:
    archived_on = on or timezone.localdate()
    return _move(application, "archive", actor=actor, note=note, archived_on=archived_on)


# --- fees --------------------------------------------------------------------------------


def applications_in_month(application) -> int:
    """How many applications this applicant has made in the month, this one included."""
    received = application.received_on
    return Application.objects.filter(
        id_number_index__in=blind_index_candidates(application.id_type, application.id_number),
        received_on__year=received.year,
        received_on__month=received.month,
        sequence__lte=application.sequence,
    ).count()


@transaction.atomic
def assess_fees(application, *, actor, quote: fees.Quote, on=None) -> list[Fee]:
    """Record the charges, pause the reply clock for the fee period and issue one fee notice.

    The period runs from the notice (`on`, default today) for FeeStandard.payment_days working
    days; it ends on payment or full waiver (_settle_fee_period) or lapses (close_lapsed_fees).
    """
    charges = [c for c in quote.charges if c.amount > 0]
    if not charges:
        raise ValidationError(_("按收费标准计算，本申请无需缴费，不发出收费通知。"))
    app = _locked(application)
    _ensure_allowed(app, "fee")
    kinds = {c.kind for c in charges} | set(app.fees.values_list("kind", flat=True))
    if {FeeKind.BY_COUNT, FeeKind.BY_VOLUME} <= kinds:
        raise ValidationError(
            _("同一申请不得同时按件和按量计收信息处理费（国办函〔2020〕109号第三条）。")
        )
    notice_on = _step_date(app, on, what=_("收费通知日期"))
    payment_days = fees.standard().payment_days
    payment_due = add_working_days(notice_on, payment_days).date
    total = sum((c.amount for c in charges), Decimal("0"))
    pause = ClockPause.objects.create(
        application=app,
        kind=PauseKind.FEE,
        started_on=notice_on,
        payment_due=payment_due,
        matter=_("应缴%(total)s元") % {"total": yuan(total)},
    )
    created = [
        Fee.objects.create(
            application=app,
            kind=c.kind,
            amount=c.amount,
            basis=c.basis,
            assessed_on=notice_on,
            pause=pause,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        for c in charges
    ]
    note = _("应收%(total)s元，缴费期限%(due)s") % {"total": yuan(total), "due": payment_due}
    app = _move(app, "fee", actor=actor, note=note)
    with translation.override("zh-hans"):  # the notice's lines, in the notice's language
        fee_lines = "\n".join(
            f"{f.get_kind_display()}：{yuan(f.amount)}元（{f.basis}）" for f in created
        )
    issue_letter(
        app,
        LetterKind.FEE,
        actor=actor,
        fee_lines=fee_lines,
        fee_total=yuan(total),
        payment_days=payment_days,
        payment_due=letters.cn_date(payment_due),
        legal_basis=quote.basis,
    )
    return created


def _settle_fee_period(application, pause, *, actor, on) -> Application:
    """End the fee pause once every fee of the notice is paid or waived in full; the clock
    resumes from the day after (the last payment's date, or `on` for a waiver)."""
    if pause is None or pause.ended_on is not None:
        return application
    pending = [f for f in pause.fees.all() if f.paid_on is None and f.payable > 0]
    if pending:
        return application
    paid = [f.paid_on for f in pause.fees.all() if f.paid_on]
    pause.ended_on = max([*paid, on])
    pause.save(update_fields=["ended_on"])
    status = S.IN_PROGRESS if application.handler_id else S.ACCEPTED
    return _move(application, "fee_settled", actor=actor, status=status)


@transaction.atomic
def waive_fee(fee, *, actor, amount: Decimal, reason: str) -> Fee:
    app = _locked(fee.application)
    fee = Fee.objects.select_for_update().get(pk=fee.pk)
    if not reason.strip():
        raise ValidationError({"reason": _("请写明减免理由。")})
    if fee.paid_on:
        raise ValidationError(_("该费用已缴纳，不能减免。"))
    if amount <= 0 or amount > fee.amount:
        raise ValidationError({"amount": _("减免金额应大于0且不超过应收金额。")})
    fee.waived_amount, fee.waiver_reason = amount, reason.strip()
    fee.save(update_fields=["waived_amount", "waiver_reason"])
    _log(app, "fee_waived", actor=actor, note=f"减免{yuan(amount)}元：{reason}")
    _settle_fee_period(app, fee.pause, actor=actor, on=timezone.localdate())
    return fee


@transaction.atomic
def record_payment(fee, *, actor, paid_on=None) -> Fee:
    app = _locked(fee.application)
    fee = Fee.objects.select_for_update(of=("self",)).select_related("pause").get(pk=fee.pk)
    if fee.paid_on:
        raise ValidationError(_("该费用已登记缴费。"))
    paid_on = paid_on or timezone.localdate()
    if not fee.assessed_on <= paid_on <= timezone.localdate():
        raise ValidationError({"paid_on": _("缴费日期应在收费通知日期和今天之间。")})
    if fee.pause and fee.pause.payment_due and paid_on > fee.pause.payment_due:
        raise ValidationError(
            {
                "paid_on": _("缴费日期晚于缴费期限（%(due)s）：逾期未缴费的申请不再处理。")
                % {"due": fee.pause.payment_due}
            }
        )
    fee.paid_on = paid_on
    fee.save(update_fields=["paid_on"])
    _log(app, "fee_paid", actor=actor, note=f"{fee.get_kind_display()} {yuan(fee.payable)}元")
    _settle_fee_period(app, fee.pause, actor=actor, on=paid_on)
    return fee


def close_lapsed_fees(today=None) -> list[str]:
    """Close cases whose fee period ended unpaid (row 6.2), with the notice that says so.

    A period ending on day D may be paid on D; the case closes from D + 1 on.
    """
    today = today or timezone.localdate()
    closed = []
    lapsed = ClockPause.objects.filter(
        kind=PauseKind.FEE,
        ended_on__isnull=True,
        payment_due__lt=today,
        application__status=S.AWAITING_FEE,
    ).select_related("application")
    for found in lapsed:
        with transaction.atomic():
            # Re-read under lock: a payment recorded meanwhile has ended the period.
            app = _locked(found.application)
            pause = ClockPause.objects.select_for_update().get(pk=found.pk)
            if app.status != S.AWAITING_FEE or pause.ended_on is not None:
                continue
            pause.ended_on = pause.payment_due
            pause.save(update_fields=["ended_on"])
            app = _move(
                app,
                "lapse_fee",
                note=_("缴费期限%(due)s已过，申请人未缴费。") % {"due": pause.payment_due},
                outcome=outcomes.LAPSED_FEE,
                outcome_reason=_("申请人逾期未按收费通知要求缴纳费用，本校不再处理该申请。"),
                closed_on=today,
            )
            issue_letter(
                app,
                LetterKind.FEE_LAPSE,
                fee_notice_date=letters.cn_date(pause.started_on),
                payment_due=letters.cn_date(pause.payment_due),
            )
        closed.append(app.number)
    return closed


# --- appeals -----------------------------------------------------------------------------


@transaction.atomic
def record_appeal(application, *, actor, kind, filed_on, note="") -> Appeal:
    if application.closed_on is None or filed_on < application.closed_on:
        raise ValidationError({"filed_on": _("复议、诉讼只能在答复之后登记。")})
    appeal = Appeal.objects.create(application=application, kind=kind, filed_on=filed_on, note=note)
    _log(application, "appeal", actor=actor, note=f"{appeal.get_kind_display()}，{filed_on}")
    return appeal


@transaction.atomic
def decide_appeal(appeal, *, actor, result, decided_on) -> Appeal:
    if result == AppealResult.PENDING or decided_on < appeal.filed_on:
        raise ValidationError({"result": _("请填写审结结果和不早于申请日期的审结日期。")})
    appeal.result, appeal.decided_on = result, decided_on
    appeal.save(update_fields=["result", "decided_on"])
    _log(
        appeal.application,
        "appeal_result",
        actor=actor,
        note=f"{appeal.get_kind_display()}：{appeal.get_result_display()}",
    )
    return appeal


# --- reminders ---------------------------------------------------------------------------


def send_reminders(today: datetime.date | None = None) -> int:
    """E-mail the handler and the office about cases due soon or overdue, once per stage, and
    about applications not yet examined whose correction-notice limit is near or past."""

    today = today or timezone.localdate()
    soon = conf.get("XXGK_REQUESTS_REMIND_DAYS")
    sent = 0
    running = Application.objects.filter(
        status__in=[S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS], due_date__isnull=False
    ).select_related("handler")
    for application in running:
        left = deadlines.signed_working_days(today, application.due_date)
        stage = "overdue" if left < 0 else "soon" if left <= soon else ""
        key = f"{stage}:{application.due_date}"
        if not stage or application.reminder_key == key:
            continue
        if left < 0:
            text = _("已超过答复期限%(days)s个工作日") % {"days": -left}
        else:
            text = _("距答复期限还有%(days)s个工作日") % {"days": left}
        _remind(
            application,
            office_emails(),
            subject=_("【依申请公开】%(number)s %(text)s")
            % {"number": application.number, "text": text},
            body=_("申请 %(number)s 的答复期限为 %(due)s，%(text)s。")
            % {"number": application.number, "due": application.due_date, "text": text},
        )
        with transaction.atomic():
            Application.objects.filter(pk=application.pk).update(reminder_key=key)
            _log(application, "reminder", note=text)
        sent += 1
    return sent + _remind_correction_notices(today, office_emails)


def _remind(application, office, *, subject: str, body: str) -> None:
    recipients = set(office)
    if application.handler and application.handler.email:
        recipients.add(application.handler.email)
    EmailMessage(subject=subject, body=body, to=sorted(recipients)).send(fail_silently=True)


def _remind_correction_notices(today, office_emails) -> int:
    """条例第三十条: a correction notice goes out within N working days of receipt. Cases still
    unexamined (已收到) are flagged when the limit is near, and once when it has passed."""
    soon = min(
        conf.get("XXGK_REQUESTS_REMIND_DAYS"), conf.get("XXGK_REQUESTS_CORRECTION_NOTICE_DAYS")
    )
    sent = 0
    waiting = Application.objects.filter(
        status=S.RECEIVED, correction_requested_on__isnull=True
    ).select_related("handler")
    for application in waiting:
        notice = deadlines.correction_notice(application, today)
        left = notice.days_left
        stage = "late" if notice.is_late else "soon" if left <= soon else ""
        key = f"{stage}:{notice.due.date}"
        if not stage or application.correction_reminder_key == key:
            continue
        if stage == "late":
            text = _("已过补正告知期限（%(due)s）") % {"due": notice.due.date}
        else:
            text = _("补正告知期限为%(due)s，还有%(days)s个工作日") % {
                "due": notice.due.date,
                "days": left,
            }
        _remind(
            application,
            office_emails(),
            subject=_("【依申请公开】%(number)s %(text)s")
            % {"number": application.number, "text": text},
            body=_(
                "申请 %(number)s 于 %(received)s 收到，尚未受理。申请内容不明确需要补正的，"
                "应当自收到申请之日起%(days)s个工作日内一次性告知申请人（%(basis)s）：%(text)s。"
            )
            % {
                "number": application.number,
                "received": application.received_on,
                "days": conf.get("XXGK_REQUESTS_CORRECTION_NOTICE_DAYS"),
                "basis": citations.REGULATION_CORRECTION,
                "text": text,
            },
        )
        with transaction.atomic():
            Application.objects.filter(pk=application.pk).update(correction_reminder_key=key)
            _log(application, "correction_reminder", note=text)
        sent += 1
    return sent


# --- retention ---------------------------------------------------------------------------

PERSONAL_FIELDS = ["name", "contact_person", "id_number", "phone", "email", "address", "postcode"]


@transaction.atomic
def erase_personal_data(application, *, today=None) -> Application:
    """Blank the applicant's details, their uploads and their name in letters; keep the case.

    Everything the report tables count (type, channel, dates, outcome, fees, appeals) stays.
    """
    application = _locked(application)
    values = [getattr(application, name) for name in PERSONAL_FIELDS]
    uploads = list(application.attachments.filter(kind=AttachmentKind.APPLICANT))
    delete_files_on_commit(*(upload.file for upload in uploads))
    application.attachments.filter(pk__in=[u.pk for u in uploads]).delete()
    for letter in application.letters.all():
        delete_files_on_commit(letter.docx, letter.pdf)
        letter.text = redact(letter.text, values)
        letter.docx = letter.pdf = ""
        letter.emailed_to = ""
        letter.save(update_fields=["text", "docx", "pdf", "emailed_to"])
    redact_notes(application.events, values)
    for name in PERSONAL_FIELDS:
        setattr(application, name, "")
    application.personal_data_erased_on = today or timezone.localdate()
    application.save(update_fields=[*PERSONAL_FIELDS, "id_number_index", "personal_data_erased_on"])
    return application
