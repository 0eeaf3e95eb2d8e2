# ruff: noqa: E501 - complaint texts are kept one per line.
"""Demo complaints (举报) about disclosure work, one in each state — 待受理, 调查核实中, 已办结
(属实, 部分属实, 不属实) and 不予受理 — received in the current school year (2026-2027), so
the 2021-2022 report's section 五 stays as the seed has it.

Idempotent (keyed by subject). No demo complainant has an e-mail address: nothing is sent.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from xxgk.complaints import services
from xxgk.complaints.models import Complaint, ComplaintEvent, ComplaintKind, ComplaintResult
from xxgk.orgs.models import Department

D = datetime.date

# subject, kind, department code, message, name, received, steps
# steps: None (待受理), ("investigating", accepted, note), ("concluded", accepted, concluded,
# result, investigation, rectification, reply), ("rejected", day, reason)
COMPLAINTS = [
    (
        "2026年部门预算未在规定时间内公开",
        ComplaintKind.LATE,
        "JCC",
        "省财政厅批复部门预算已经一个多月，学校信息公开网“财务、资产及收费信息”栏目仍未公开2026年部门预算，请学校核查。",
        "钱先生",
        D(2026, 9, 14),
        (
            "concluded",
            D(2026, 9, 15),
            D(2026, 9, 30),
            ComplaintResult.SUBSTANTIATED,
            "经核查，计划财务处于8月12日收到预算批复，因人员调整未在20个工作日内公开，举报属实。",
            "计划财务处已于9月25日公开2026年部门预算，并明确预算批复后由专人在10个工作日内提交公开。",
            "经核查，您反映的情况属实。学校已于2026年9月25日公开部门预算，并对相关部门进行了提醒，感谢您的监督。",
        ),
    ),
    (
        "奖学金公示名单中出现学生身份证号",
        ComplaintKind.PRIVACY,
        "XSC",
        "某学院奖学金公示附件中列出了获奖学生的完整身份证号和手机号，泄露了学生个人信息，请尽快处理。",
        "",
        D(2026, 10, 9),
        (
            "concluded",
            D(2026, 10, 9),
            D(2026, 10, 16),
            ComplaintResult.PARTLY,
            "经核查，公示附件中列出了学生手机号，未列出身份证号；该附件为学院网站自行发布，未经学校保密审查。",
            "学院已撤下该附件并重新发布仅含姓名、班级的名单；学校重申各学院网站发布信息须经保密审查。",
            "经核查，您反映的情况部分属实：附件中含有学生手机号，未含身份证号。该附件已撤下并重新发布，感谢您的监督。",
        ),
    ),
    (
        "招生章程与招生计划内容不一致",
        ComplaintKind.INACCURATE,
        "ZSB",
        "学校招生章程中写明某专业不招色弱考生，但分省招生计划中没有注明，容易误导考生。",
        "孙女士",
        D(2026, 10, 27),
        (
            "concluded",
            D(2026, 10, 28),
            D(2026, 11, 10),
            ComplaintResult.UNFOUNDED,
            "经核查，分省招生计划表的备注栏已注明“对色觉有要求，详见招生章程”，两者内容一致。",
            "",
            "经核查，分省招生计划表备注栏已注明体检要求，与招生章程一致。如有疑问，可拨打招生咨询电话。",
        ),
    ),
    (
        "信息公开申请超过期限未答复",
        ComplaintKind.REQUEST,
        "DZB",
        "我于10月中旬通过网上申请学校食堂采购合同信息，至今未收到答复，已超过法定期限。",
        "周先生",
        D(2026, 11, 24),
        (
            "investigating",
            D(2026, 11, 25),
            "已调取该申请的办理记录，承办部门正在核实延期告知书是否送达。",
        ),
    ),
    (
        "学校机构设置信息多年未更新",
        ComplaintKind.LATE,
        "DZB",
        "信息公开网“学校机构设置”仍是几年前的版本，部分部门已经合并，请及时更新。",
        "吴同学",
        D(2026, 12, 2),
        None,
    ),
    (
        "反映食堂饭菜价格问题",
        ComplaintKind.OTHER,
        None,
        "二食堂部分菜品涨价，希望学校管一管。",
        "",
        D(2026, 11, 3),
        (
            "rejected",
            D(2026, 11, 4),
            "所反映事项不属于信息公开工作范围，已告知可通过校长信箱或后勤服务热线反映。",
        ),
    ),
]


def _at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _backdate(complaint, moments, **stamps):
    """The services stamp each step with the moment it runs; the demo's steps happened on
    their own days: the case's stamps and its events (after the first, in order) re-dated."""
    Complaint.objects.filter(pk=complaint.pk).update(**stamps)
    events = list(ComplaintEvent.objects.filter(complaint=complaint).order_by("pk"))[1:]
    for event, moment in zip(events, moments, strict=False):
        ComplaintEvent.objects.filter(pk=event.pk).update(at=moment)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def load_demo(stdout) -> int:
    office = get_user_model().objects.filter(username="office").first()
    if office is None:
        stdout.write("举报演示数据：缺少 office 账号，跳过。")
        return 0
    departments = {d.code: d for d in Department.objects.all()}
    created = 0
    with transaction.atomic():
        for subject, kind, code, message, name, received, steps in COMPLAINTS:
            if Complaint.objects.filter(subject=subject).exists():
                continue
            complaint, _code = services.submit_complaint(
                data={
                    "kind": kind,
                    "department": departments.get(code),
                    "subject": subject,
                    "message": message,
                    "name": name,
                    "phone": "",
                    "email": "",
                },
                received_at=_at(received, 14),
            )
            if steps is None:
                pass
            elif steps[0] == "rejected":
                _state, day, reason = steps
                services.reject_complaint(complaint, user=office, reason=reason)
                _backdate(complaint, [_at(day)], concluded_at=_at(day))
            elif steps[0] == "investigating":
                _state, accepted, note = steps
                services.accept_complaint(complaint, user=office)
                services.add_investigation_note(complaint, user=office, note=note)
                _backdate(complaint, [_at(accepted), _at(accepted, 16)], accepted_at=_at(accepted))
            else:
                _state, accepted, concluded, result, investigation, rectification, reply = steps
                services.accept_complaint(complaint, user=office)
                services.conclude_complaint(
                    complaint,
                    user=office,
                    investigation=investigation,
                    result=result,
                    reply=reply,
                    rectification=rectification,
                    rectified_on=concluded if rectification else None,
                )
                _backdate(
                    complaint,
                    [_at(accepted), _at(concluded)],
                    accepted_at=_at(accepted),
                    concluded_at=_at(concluded),
                )
            created += 1
    stdout.write(f"举报演示数据：新增举报 {created} 件。")
    return created
