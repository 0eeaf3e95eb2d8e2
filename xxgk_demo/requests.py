"""Demo cases for 依申请公开 in the current school year (2026-2027): one at every point of
the lifecycle — received, accepted, awaiting correction, corrected, consulting a third party,
awaiting fees, extended, overdue, withdrawn — and replies of every outcome family (予以公开,
部分公开, 不予公开, 无法提供, 不予处理, 其他处理), one of them appealed.

Idempotent: the cases are keyed by their submission token. No demo applicant has an e-mail
address, so loading sends no mail. They all fall after 1 September
2026, so the 2021-2022 demo report ("本学年，学校未收到依申请公开的申请") stays true.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction

from xxgk.orgs.policy import Action
from xxgk.requests import fees, services
from xxgk.requests.models import Application, Channel, FeePolicy
from xxgk.requests.policy import request_policy
from xxgk.requests.validators import credit_code_check_char, resident_id_check_char

D = datetime.date


def _rid(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def _uscc(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


def _person(name, first17, **extra):
    return {
        "applicant_type": "citizen",
        "name": name,
        "id_type": "resident",
        "id_number": _rid(first17),
        "phone": "13905700000",
        "email": "",
        "address": "浙江省衢州市柯城区",
        "medium": "paper",
        "delivery": "post",
        **extra,
    }


def _organisation(kind, name, contact, first17, **extra):
    return {
        "applicant_type": kind,
        "name": name,
        "contact_person": contact,
        "id_type": "credit_code",
        "id_number": _uscc(first17),
        "phone": "0570-3012345",
        "email": "",
        "address": "浙江省衢州市衢江区",
        "medium": "paper",
        "delivery": "pickup",
        **extra,
    }


CASES = [
    (
        "demo-ysq-1",
        Channel.ONLINE,
        D(2026, 9, 8),
        _person(
            "赵明",
            "33080219880512301",
            description="请提供学校2026年普通本科分专业招生计划（浙江省）。",
        ),
    ),
    (
        "demo-ysq-2",
        Channel.LETTER,
        D(2026, 9, 29),
        _organisation(
            "legal",
            "衢州某律师事务所",
            "钱律师",
            "31330800MD1234567",
            description="请提供学校2025年度食堂经营服务采购项目的中标合同。",
        ),
    ),
    (
        "demo-ysq-3",
        Channel.EMAIL,
        D(2026, 10, 20),
        _organisation(
            "enterprise",
            "浙江某教育科技有限公司",
            "孙经理",
            "91330800MA2ABCDE1",
            description="学校信息化采购的有关情况。",
        ),
    ),
    (
        "demo-ysq-4",
        Channel.ONLINE,
        D(2026, 11, 16),
        _person(
            "李华",
            "33082219950823402",
            medium="disc",
            description="请提供2026年硕士研究生招生复试录取细则及拟录取名单公示情况。",
        ),
    ),
    (
        "demo-ysq-5",
        Channel.IN_PERSON,
        D(2026, 11, 23),
        _person("周强", "33080319700101503", description="学校2025年度部门决算公开表。"),
    ),
    (
        "demo-ysq-6",
        Channel.ONLINE,
        D(2026, 9, 10),
        _person(
            "郑雨桐",
            "33010619920306204",
            description="请提供学校2026年第一次校长办公会会议纪要全文。",
        ),
    ),
    (
        "demo-ysq-7",
        Channel.LETTER,
        D(2026, 9, 15),
        _person(
            "冯志远",
            "36042119850914311",
            description="请提供学校1998年建校初期的土地征用补偿协议。",
        ),
    ),
    (
        "demo-ysq-8",
        Channel.ONLINE,
        D(2026, 10, 8),
        _person(
            "赵明",
            "33080219880512301",
            description="请再次提供学校2026年普通本科分专业招生计划（浙江省）。",
        ),
    ),
    (
        "demo-ysq-9",
        Channel.EMAIL,
        D(2026, 9, 21),
        _organisation(
            "research",
            "某教育政策研究院",
            "韩研究员",
            "52330800MJ9876543",
            description="请提供学校近五年各学院研究生导师名单及指导学生人数统计表。",
        ),
    ),
    (
        "demo-ysq-10",
        Channel.ONLINE,
        D(2026, 10, 12),
        _person(
            "何晓东",
            "33072319900707125",
            description="请提供学校2026年新建学生公寓工程的招标文件和中标通知书。",
        ),
    ),
    (
        "demo-ysq-11",
        Channel.ONLINE,
        D(2026, 12, 1),
        _person("林可馨", "33080219990215226", description="学校的收费情况。"),
    ),
    (
        "demo-ysq-12",
        Channel.LETTER,
        D(2026, 11, 2),
        _organisation(
            "welfare",
            "衢州某公益助学协会",
            "罗会长",
            "51330800MJ5432109",
            description="请提供学校2025-2026学年接受我会捐赠的助学金发放名单及金额。",
        ),
    ),
    (
        "demo-ysq-13",
        Channel.IN_PERSON,
        D(2026, 11, 9),
        _organisation(
            "other_org",
            "某市档案学会",
            "谢秘书长",
            "51330800MJ1122334",
            medium="paper",
            description="请复印提供学校2016年至2025年历年信息公开年度报告纸质版（约260页），邮寄送达。",
        ),
    ),
    (
        "demo-ysq-14",
        Channel.ONLINE,
        D(2026, 10, 19),
        _person(
            "宋佳琪",
            "33082519970921048",
            description="请提供学校2026年教师招聘笔试成绩。",
        ),
    ),
]


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _progress(key, application, office, handler):
    """Take each demo case to a different point of the lifecycle."""
    if key == "demo-ysq-1":
        application = services.accept(application, actor=office, on=D(2026, 9, 8))
        application = services.answer(
            application,
            actor=office,
            outcome="1",
            reply_text="您申请的信息已在本校信息公开网“招生考试信息”栏目公开，现随本答复书提供。",
            on=D(2026, 9, 22),
        )
        services.archive(application, actor=office, on=D(2026, 9, 30))
    elif key == "demo-ysq-2":
        application = services.accept(application, actor=office, on=D(2026, 9, 30))
        application = services.start_consultation(
            application,
            actor=office,
            third_party="衢州某餐饮管理有限公司",
            matter="中标合同中的单价构成及供应商成本信息。",
            on=D(2026, 10, 12),
        )
        application = services.end_consultation(
            application,
            actor=office,
            opinion="不同意公开单价构成，认为属于商业秘密。",
            ended_on=D(2026, 10, 16),
        )
        application = services.answer(
            application,
            actor=office,
            outcome="2",
            reply_text="现提供合同正文；合同附件中的单价构成不予公开。",
            reason="单价构成涉及第三方商业秘密，第三方书面表示不同意公开，公开后可能损害其合法权益。",
            on=D(2026, 10, 30),
        )
        services.record_appeal(
            application, actor=office, kind="reconsideration", filed_on=D(2026, 11, 10)
        )
    elif key == "demo-ysq-3":
        application = services.request_correction(
            application,
            actor=office,
            items="请写明所需信息的具体名称、年度或项目名称，以便检索。",
            on=D(2026, 10, 21),
        )
        application = services.receive_correction(
            application, actor=office, received_on=D(2026, 10, 27)
        )
        application = services.assign(application, actor=office, handler=handler or office)
        head = _user("office")
        if head and request_policy.allows(head, Action.DECIDE):
            services.extend(
                application,
                actor=office,
                approved_by=head,
                days=15,
                reason="所需信息涉及多个年度的采购档案，需要调档检索",
            )
    elif key == "demo-ysq-4":  # accepted, not yet given to a handler
        services.accept(application, actor=office, on=D(2026, 11, 16))
    elif key == "demo-ysq-6":  # 不予公开: internal affairs
        application = services.accept(application, actor=office, on=D(2026, 9, 11))
        application = services.answer(
            application,
            actor=office,
            outcome="3.5",
            reply_text="您申请的校长办公会会议纪要属于学校内部事务信息，不予公开；会议研究决定的"
            "对外事项已在学校信息公开网另行公开。",
            reason="会议纪要属于内部管理信息，依法可不予公开。",
            on=D(2026, 9, 28),
        )
        services.archive(application, actor=office, on=D(2026, 10, 9))
    elif key == "demo-ysq-7":  # 无法提供: not held
        application = services.accept(application, actor=office, on=D(2026, 9, 16))
        services.answer(
            application,
            actor=office,
            outcome="4.1",
            reply_text="经档案馆检索，学校未保存您所申请的土地征用补偿协议。",
            reason="学校建校时的土地征用由当地人民政府组织实施，学校不掌握该信息，建议向衢州市"
            "自然资源和规划局咨询。",
            on=D(2026, 10, 13),
        )
    elif key == "demo-ysq-8":  # 不予处理: repeated application
        services.answer(
            application,
            actor=office,
            outcome="5.2",
            reply_text="您本次申请的信息与您2026年9月8日申请的信息相同，学校已于9月22日答复。",
            reason="申请人重复申请相同政府信息，学校已经答复且该信息未发生变化。",
            on=D(2026, 10, 14),
        )
    elif key == "demo-ysq-9":  # 其他处理: the correction notice lapsed
        application = services.request_correction(
            application,
            actor=office,
            items="请说明“研究生导师名单”所指的学院范围和年度，以及所需统计的具体项目。",
            on=D(2026, 9, 23),
        )
        services.close_lapsed_corrections(today=D(2026, 10, 30))
    elif key == "demo-ysq-10":  # overdue: in progress past its due date
        application = services.accept(application, actor=office, on=D(2026, 10, 12))
        services.assign(application, actor=office, handler=handler or office)
    elif key == "demo-ysq-11":  # awaiting the applicant's correction
        services.request_correction(
            application,
            actor=office,
            items="请写明所需收费信息的具体项目（如学费、住宿费或其他服务性收费）和学年。",
            on=D(2026, 12, 2),
        )
    elif key == "demo-ysq-12":  # consulting the third party
        application = services.accept(application, actor=office, on=D(2026, 11, 3))
        services.start_consultation(
            application,
            actor=office,
            third_party="受助学生（书面征求意见）",
            matter="助学金发放名单涉及受助学生姓名及金额。",
            on=D(2026, 11, 18),
        )
    elif key == "demo-ysq-13":  # awaiting fees for copying and posting 260 pages
        application = services.accept(application, actor=office, on=D(2026, 11, 9))
        services.assess_fees(
            application,
            actor=office,
            quote=fees.quote(policy_name=FeePolicy.COST, pages=260, mailed=True),
            on=D(2026, 11, 20),
        )
    elif key == "demo-ysq-14":  # withdrawn by the applicant
        application = services.accept(application, actor=office, on=D(2026, 10, 20))
        services.withdraw(application, actor=office, note="申请人来电撤回申请，已记录通话时间。")


@transaction.atomic
def load_demo(stdout) -> int:
    """Create the demo cases that do not exist yet; returns how many were created."""
    office = _user("office")
    if office is None:
        stdout.write("依申请公开演示数据：缺少 office 账号，跳过。")
        return 0
    office.user_permissions.add(Permission.objects.get(codename="approve_extension"))
    office = get_user_model().objects.get(pk=office.pk)  # reload permissions
    handler = _user("editor_zsb")
    created = 0
    for key, channel, received_on, data in CASES:
        if Application.objects.filter(submission_token=key).exists():
            continue
        data = {"contact_person": "", "postcode": "", **data}
        application, code = services.create_application(
            data=data,
            channel=channel,
            received_on=received_on,
            actor=None if channel == Channel.ONLINE else office,
            token=key,
        )
        _progress(key, application, office, handler)
        stdout.write(f"  演示申请 {application.number}，查询码 {code}（/apply/track/）")
        created += 1
    stdout.write(f"依申请公开演示数据：新增申请 {created} 件。")
    return created
