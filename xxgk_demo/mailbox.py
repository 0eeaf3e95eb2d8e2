# ruff: noqa: E501 - letters and answers are kept one per line.
"""Demo data for the leaders' mailboxes: the 58 letters the 2021-2022 report counts, all
answered, and a handful in the current school year at every other point of handling
(待分办, 办理中 — one overdue, one whose draft was returned —, 待审核, 已答复, 已关闭 as
invalid or as a duplicate).

Called from `manage.py load_demo`; running it again changes nothing.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from xxgk.mailbox import services
from xxgk.mailbox.models import Letter, Mailbox, MailboxCategory
from xxgk.orgs.models import Department
from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role
from xxgk.workdays.calendar import add_working_days

SCHOOL_YEAR_START = datetime.date(2021, 9, 1)
LAST_LETTER_DAY = datetime.date(2022, 8, 10)
LETTER_COUNT = 58

MAILBOXES = [
    {
        "slug": "president",
        "name": "校长信箱",
        "number_prefix": "XZ",
        "intro": "校长信箱是师生员工和社会各界向校长反映情况、提出意见建议的渠道。"
        "来信由信息公开办公室统一登记，转有关部门办理，一般在10个工作日内答复。",
        "allow_anonymous": False,
        "default": "DZB",
        "sort_order": 10,
    },
    {
        "slug": "secretary",
        "name": "书记信箱",
        "number_prefix": "SJ",
        "intro": "书记信箱受理师生员工对学校党建、思想政治、干部作风等方面的意见建议。",
        "allow_anonymous": True,
        "default": "DZB",
        "sort_order": 20,
    },
]
CATEGORIES = [
    "教学管理",
    "学生事务",
    "后勤服务",
    "校园建设",
    "人事与待遇",
    "招生就业",
    "科研与交流",
    "意见建议",
]
WRITERS = [
    "王同学",
    "李同学",
    "张老师",
    "刘同学",
    "陈老师",
    "杨同学",
    "赵老师",
    "黄同学",
    "周同学",
    "吴老师",
]

# (category, department code, subjects, message, answer)
TOPICS = [
    (
        "后勤服务",
        "ZCC",
        ("关于学生宿舍热水供应时间的建议", "宿舍热水经常中断的问题"),
        "目前宿舍热水只在晚上供应，晚上九点以后经常水温不够，冬季洗澡很不方便。建议延长热水供应时间，并检修部分楼栋的热水管道。",
        "感谢您的来信。经与后勤服务公司核实，部分楼栋热水管道老化导致水温不稳定，已于本月完成检修；冬季起热水供应时间延长至23:30。如仍有问题，可拨打后勤服务热线反映。",
    ),
    (
        "教学管理",
        "JWC",
        ("选课系统高峰期卡顿的问题", "关于优化选课系统的建议"),
        "每学期选课开放时系统非常卡，很多同学抢不到需要的课程。建议分年级分时段开放选课，并扩充服务器。",
        "来信收悉。教务处已会同信息中心对选课系统扩容，本学期起按年级分三个时段开放选课，并增设预选环节，选课期间安排专人值守处理问题。",
    ),
    (
        "学生事务",
        "XSC",
        ("奖学金评定细则公开的建议", "关于综合测评加分标准的咨询"),
        "学院综合测评加分标准每年都有调整，但公布得比较晚，同学们不清楚哪些活动可以加分。希望提前公开评定细则。",
        "感谢您的关注。学生工作部已要求各学院在每学年开学后一个月内公开综合测评细则，并在学校信息公开网“学生管理服务信息”栏目集中公开奖助学金评定办法。",
    ),
    (
        "校园建设",
        "ZCC",
        ("图书馆自习座位不足的问题", "关于延长图书馆开放时间的建议"),
        "考试周图书馆座位非常紧张，很多同学早上六点就排队。建议增加自习座位，考试周延长开放时间。",
        "来信收悉。学校已在图书馆三楼新增自习座位200个，并开放两栋教学楼的通宵自习教室；考试周期间图书馆开放时间延长至23:00。",
    ),
    (
        "人事与待遇",
        "RSC",
        ("青年教师住房补贴发放时间的咨询", "关于人才引进安家费的问题"),
        "去年入职的青年教师住房补贴至今没有发放，想了解具体的发放时间和申请流程。",
        "感谢您的来信。经核实，青年教师住房补贴按年度集中审核发放，本年度审核已完成，将于下月随工资发放。申请流程和标准已在人事处网站公布。",
    ),
    (
        "后勤服务",
        "ZCC",
        ("食堂饭菜价格上涨的问题", "关于食堂增加清真窗口的建议"),
        "近期食堂部分菜品价格上涨较多，希望学校关注食堂价格，保障学生基本伙食。",
        "感谢您的关注。学校已要求各食堂严格执行基本伙食价格备案制度，保留平价菜窗口，并每月公示主要菜品价格。对个别超出备案价格的窗口已责令整改。",
    ),
    (
        "教学管理",
        "JWC",
        ("关于增加第二课堂学分认定途径的建议", "第二课堂学分认定标准不清楚"),
        "第二课堂学分认定途径比较少，部分学院的同学难以修满学分。建议增加认定项目并公布标准。",
        "来信收悉。教务处与团委已修订第二课堂学分认定办法，新增志愿服务、学科竞赛等认定项目，办法已在教务处网站公布。",
    ),
    (
        "学生事务",
        "XSC",
        ("关于宿舍空调安装的建议", "宿舍夏季过热的问题"),
        "部分老宿舍楼没有空调，夏季室内温度很高，影响休息。建议分批安装空调。",
        "感谢您的建议。学校已将老宿舍楼空调安装列入年度民生实事项目，暑期完成第一批6栋宿舍楼的安装，其余楼栋明年完成。",
    ),
    (
        "意见建议",
        "DZB",
        ("关于校园快递点设置的建议", "快递点排队时间长的问题"),
        "校内快递点集中在一处，取件高峰排队很长。建议在生活区增设快递柜。",
        "来信收悉。学校已协调快递企业在南北两个生活区各增设智能快递柜一组，并延长快递点营业时间至21:00。",
    ),
    (
        "招生就业",
        "ZSB",
        ("关于增加校园招聘会场次的建议", "毕业生就业信息发布渠道的咨询"),
        "今年校园招聘会场次较少，希望学校多邀请用人单位，并及时发布招聘信息。",
        "感谢您的关注。招生与就业指导处本学年已举办大中型招聘会6场、专场宣讲会120余场，招聘信息统一在就业信息网和官方微信发布。",
    ),
    (
        "校园建设",
        "ZCC",
        ("校园道路照明不足的问题", "关于夜间校园安全的建议"),
        "校园东侧道路晚上路灯较少，比较昏暗，存在安全隐患。",
        "感谢您的来信。经现场查看，已在东侧道路新增路灯24盏，并对损坏路灯进行了更换，保卫处加强了夜间巡逻。",
    ),
    (
        "教学管理",
        "JWC",
        ("期末考试安排过于集中的问题", "关于考试周安排的建议"),
        "本学期期末考试集中在三天内，部分同学一天考三门，复习时间不足。",
        "来信收悉。教务处将优化考试排考规则，原则上同一班级每天安排不超过两门考试，并提前四周公布考试安排。",
    ),
    (
        "人事与待遇",
        "RSC",
        ("职称评审条件公开的建议", "关于职称评审结果公示的咨询"),
        "希望学校提前公布本年度职称评审的条件、名额和程序，评审结果也能及时公示。",
        "感谢您的来信。本年度职称评审工作方案、各系列评审条件和名额已在学校信息公开网公开，评审结果将按规定公示不少于5个工作日。",
    ),
    (
        "后勤服务",
        "ZCC",
        ("关于校园班车线路调整的建议", "校区间班车班次不足"),
        "两个校区之间的班车班次少，早上第一、二节课经常赶不上。建议增加早高峰班次。",
        "感谢您的建议。学校已在工作日早高峰增加校区间班车4班，调整后的时刻表已在后勤服务网站公布。",
    ),
    (
        "学生事务",
        "XSC",
        ("困难学生认定程序的咨询", "关于家庭经济困难认定的建议"),
        "家庭经济困难学生认定需要提交的材料较多，希望简化程序并保护学生隐私。",
        "来信收悉。学校已简化认定材料，取消开具贫困证明的要求，认定结果公示时不公开学生家庭具体情况，切实保护学生隐私。",
    ),
    (
        "意见建议",
        "JCC",
        ("学费缴纳方式的咨询", "关于开通线上缴费渠道的建议"),
        "希望学校开通更多线上缴费方式，方便家长缴纳学费和住宿费。",
        "感谢您的建议。计划财务处已开通微信、支付宝等线上缴费渠道，收费标准和缴费方式已在信息公开网收费信息栏目公开。",
    ),
    (
        "教学管理",
        "JWC",
        ("关于转专业政策的咨询", "转专业名额限制的问题"),
        "想了解学校转专业的条件、名额和时间安排。",
        "来信收悉。学校转专业实施办法已在教务处网站和信息公开网公开，每年春季学期开学后第三周受理申请，具体名额由各专业公布。",
    ),
    (
        "校园建设",
        "ZCC",
        ("体育场馆对学生开放时间的建议", "关于体育馆收费的问题"),
        "体育馆晚上开放时间短，且部分场地收费，希望增加免费开放时段。",
        "感谢您的来信。体育馆已调整为工作日晚间免费向学生开放至21:30，周末全天开放，羽毛球等场地实行网上预约。",
    ),
    (
        "科研",
        "KYC",
        ("科研经费报销流程繁琐的问题", "关于简化科研报销手续的建议"),
        "科研经费报销需要多个部门签字，流程较长，影响科研进度。",
        "来信收悉。科研处会同计划财务处已推行科研经费网上报销，精简审批环节，小额报销实行线上审批，平均办理时间缩短至5个工作日。",
    ),
    (
        "学生事务",
        "XSC",
        ("关于心理咨询预约的建议", "心理咨询中心预约难的问题"),
        "心理咨询中心预约时间较长，希望增加咨询师和咨询时段。",
        "感谢您的关注。心理健康教育中心已增加兼职咨询师4名，开放晚间咨询时段，并开通线上预约。",
    ),
    (
        "国际交流",
        "GJC",
        ("出国交流项目信息发布的建议", "关于海外交换生选拔的咨询"),
        "希望学校及时公布出国交流项目和选拔标准，让更多同学了解。",
        "来信收悉。国际交流与合作处已在网站设立交流项目专栏，每学期初集中发布项目信息和选拔办法，并举办项目说明会。",
    ),
    (
        "研究生",
        "YJS",
        ("研究生助学金发放标准的咨询", "关于研究生助研津贴的问题"),
        "想了解研究生国家助学金和学业奖学金的发放标准和时间。",
        "感谢您的来信。研究生奖助政策和标准已在研究生处网站及信息公开网公开，国家助学金按月发放，学业奖学金于每年11月评定。",
    ),
    (
        "意见建议",
        "FGC",
        ("关于学校“十四五”规划公开的建议", "学校发展规划征求意见的建议"),
        "希望学校公开“十四五”发展规划，并在制定重大规划时广泛征求师生意见。",
        "感谢您的关注。学校“十四五”事业发展规划已在信息公开网“规划信息”栏目公开，今后制定重要规划将通过教代会和网上征求意见等方式听取师生意见。",
    ),
    (
        "后勤服务",
        "ZCC",
        ("教学楼饮水机卫生问题", "关于教学楼增设直饮水的建议"),
        "部分教学楼饮水机滤芯长期未更换，希望定期检测水质。",
        "来信收悉。后勤管理部门已全面更换饮水机滤芯，建立每月检测、每季度更换滤芯制度，检测结果在饮水点张贴公示。",
    ),
    (
        "人事与待遇",
        "GH",
        ("关于教职工体检项目的建议", "教职工年度体检安排的咨询"),
        "希望教职工年度体检增加部分检查项目，并提前公布体检安排。",
        "感谢您的建议。校工会已与体检机构协商，本年度体检增加甲状腺彩超等项目，体检安排已提前一个月通知。",
    ),
    (
        "教学管理",
        "JWC",
        ("关于实验课开放时间的建议", "实验室开放预约的问题"),
        "专业实验室课后不开放，希望能预约开放，方便完成课程设计。",
        "来信收悉。学校已推行实验室开放预约制度，学生可通过实验室管理系统预约课外时间使用，部分实验室周末开放。",
    ),
    (
        "校园建设",
        "DZB",
        ("校园网网速慢的问题", "关于宿舍区无线网络覆盖的建议"),
        "宿舍区晚上校园网速度很慢，部分区域没有无线信号。",
        "感谢您的来信。信息中心已完成宿舍区出口带宽扩容，并在信号薄弱区域新增无线接入点，晚高峰网速明显改善。",
    ),
    (
        "学生事务",
        "XSC",
        ("关于学生社团活动场地的建议", "社团活动场地申请难"),
        "学生社团活动场地紧张，申请流程复杂，希望学校提供更多活动空间。",
        "来信收悉。学校已将大学生活动中心二楼改造为社团活动室，并开通场地线上申请，审批时间缩短至2个工作日。",
    ),
    (
        "意见建议",
        "DZB",
        ("关于校领导接待日的建议", "希望增加与校领导面对面交流的机会"),
        "希望学校定期举办校领导接待日，让师生有更多机会直接反映问题。",
        "感谢您的建议。学校每月举办一次“校领导接待日”，安排表在学校主页提前公布，师生可现场或预约反映问题。",
    ),
]
# Openings that vary who writes, without naming anyone.
OPENINGS = [
    "尊敬的校领导：您好！",
    "校长您好！",
    "领导好：",
    "您好！我是一名在校学生。",
    "您好！我是学校的一名教师。",
]


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _drafter(department, fallback):
    staff = (
        get_user_model()
        .objects.filter(
            is_active=True,
            staff_profile__department=department,
            groups__name=ROLE_GROUP_NAMES[Role.EDITOR],
        )
        .first()
    )
    return staff or fallback


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def ensure_mailboxes() -> list[Mailbox]:
    departments = {d.code: d for d in Department.objects.all()}
    boxes = []
    for spec in MAILBOXES:
        box, created = Mailbox.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "number_prefix": spec["number_prefix"],
                "intro": spec["intro"],
                "allow_anonymous": spec["allow_anonymous"],
                "default_department": departments.get(spec["default"]),
                "sort_order": spec["sort_order"],
            },
        )
        if created:
            for order, name in enumerate(CATEGORIES):
                MailboxCategory.objects.create(mailbox=box, name=name, sort_order=order)
        boxes.append(box)
    return boxes


def _letters(boxes, office) -> int:
    rng = random.Random(20212022)
    departments = {d.code: d for d in Department.objects.all()}
    span = (LAST_LETTER_DAY - SCHOOL_YEAR_START).days
    days = sorted(
        SCHOOL_YEAR_START + datetime.timedelta(days=rng.randrange(span))
        for _ in range(LETTER_COUNT)
    )
    created = 0
    for index, day in enumerate(days):
        category_name, code, subjects, message, answer = TOPICS[index % len(TOPICS)]
        box = boxes[0] if index % 3 else boxes[1]
        department = departments.get(code) or departments.get("DZB")
        category = box.categories.filter(name=category_name).first()
        consent = rng.random() < 0.45
        data = {
            "category": category,
            "writer_name": ""
            if box.allow_anonymous and rng.random() < 0.3
            else rng.choice(WRITERS),
            "phone": f"139{rng.randrange(10**7, 10**8)}",
            "subject": subjects[index // len(TOPICS) % 2],
            "message": f"{rng.choice(OPENINGS)}\n{message}",
            "consent_to_publish": consent,
        }
        letter, _ = services.submit_letter(
            mailbox=box, data=data, received_at=_at(day, rng.randrange(8, 22), rng.randrange(60))
        )
        assigned_on = add_working_days(day, 1).date
        services.assign_letter(
            letter,
            user=office,
            department=department,
            working_days=box.answer_working_days,
            at=_at(assigned_on, 9, 30),
        )
        drafted_on = add_working_days(assigned_on, rng.randrange(2, 10)).date
        services.draft_answer(
            letter, user=_drafter(department, office), answer=answer, at=_at(drafted_on, 15)
        )
        approved_on = add_working_days(drafted_on, 1).date
        services.approve_answer(letter, user=office, at=_at(approved_on, 10))
        if consent:
            services.publish_letter(
                letter,
                user=office,
                public_subject=data["subject"],
                public_message=message,
                public_answer=answer,
                at=_at(approved_on, 16),
            )
        created += 1
    return created


# (key, subject, category, department, received, steps, message); steps in order:
# "assign", "draft", "return", "approve", "spam", "merge" (into the previous letter).
CURRENT = [
    (
        "宿舍楼门禁系统故障频繁",
        "后勤服务",
        "ZCC",
        datetime.datetime(2026, 12, 3, 21, 40),
        (),
        "南区5号楼门禁近一周多次失灵，晚上经常无法刷卡进门，请尽快维修。",
    ),
    (
        "关于增设夜间自习教室的建议",
        "教学管理",
        "JWC",
        datetime.datetime(2026, 12, 4, 10, 5),
        (),
        "期末临近，建议开放更多夜间自习教室，并延长开放时间至23:00。",
    ),
    (
        "实验楼电梯长期停用的问题",
        "校园建设",
        "ZCC",
        datetime.datetime(2026, 11, 2, 9, 30),
        ("assign",),
        "实验楼电梯停用已一个多月，搬运实验器材很不方便，希望尽快修复。",
    ),
    (
        "研究生学业奖学金评定时间的咨询",
        "学生事务",
        "YJS",
        datetime.datetime(2026, 11, 26, 15, 12),
        ("assign",),
        "想了解本学年研究生学业奖学金的评定时间和申请材料。",
    ),
    (
        "食堂晚餐供应时间过短",
        "后勤服务",
        "ZCC",
        datetime.datetime(2026, 11, 18, 18, 20),
        ("assign", "draft", "return"),
        "晚上有课的同学下课后食堂基本没有饭菜了，建议延长晚餐供应时间。",
    ),
    (
        "关于公开教室空闲情况的建议",
        "教学管理",
        "JWC",
        datetime.datetime(2026, 11, 20, 11, 0),
        ("assign", "draft"),
        "建议在教务系统中公开每天各教室的空闲情况，方便同学自习。",
    ),
    (
        "图书馆新书采购的建议",
        "意见建议",
        "DZB",
        datetime.datetime(2026, 10, 15, 16, 45),
        ("assign", "draft", "approve"),
        "希望图书馆增加专业外文原版书的采购，并开通荐购渠道。",
    ),
    (
        "广告推广",
        "意见建议",
        "DZB",
        datetime.datetime(2026, 11, 11, 3, 12),
        ("spam",),
        "低价代写论文、代办各类证书，详情加微信咨询。",
    ),
    (
        "南区门禁刷卡进不去",
        "后勤服务",
        "ZCC",
        datetime.datetime(2026, 12, 4, 22, 15),
        ("merge",),
        "5号楼门禁今晚又坏了，很多同学在门外等。",
    ),
]
CURRENT_ANSWERS = {
    "食堂晚餐供应时间过短": "已转后勤服务公司研究。",
    "关于公开教室空闲情况的建议": "感谢您的建议。教务处已在教务系统“空闲教室查询”模块公开每日教室使用情况，下周起在微信公众号同步提供查询入口。",
    "图书馆新书采购的建议": "感谢您的建议。图书馆已开通线上荐购渠道，本年度外文原版书采购经费较上年增加20%，将优先采购师生荐购的图书。",
}


def _current_letters(boxes, office) -> int:
    """The current school year's letters, one at each point of handling."""
    departments = {d.code: d for d in Department.objects.all()}
    box = boxes[0]
    created = 0
    for subject, category_name, code, received, steps, message in CURRENT:
        if Letter.objects.filter(mailbox=box, subject=subject).exists():
            continue
        department = departments.get(code) or departments.get("DZB")
        letter, _ = services.submit_letter(
            mailbox=box,
            data={
                "category": box.categories.filter(name=category_name).first(),
                "writer_name": "匿名来信人" if "spam" in steps else "在校学生",
                "phone": "",
                "subject": subject,
                "message": message,
                "consent_to_publish": False,
            },
            received_at=timezone.make_aware(received),
        )
        day = received.date()
        for step in steps:
            if step == "assign":
                day = add_working_days(day, 1).date
                services.assign_letter(
                    letter,
                    user=office,
                    department=department,
                    working_days=box.answer_working_days,
                    at=_at(day, 9, 30),
                )
            elif step == "draft":
                day = add_working_days(day, 3).date
                services.draft_answer(
                    letter,
                    user=_drafter(department, office),
                    answer=CURRENT_ANSWERS[subject],
                    at=_at(day, 15),
                )
            elif step == "return":
                services.return_draft(
                    letter,
                    user=office,
                    note="答复过于简单，请写明研究结果和具体措施后重新提交。",
                )
            elif step == "approve":
                day = add_working_days(day, 1).date
                services.approve_answer(letter, user=office, at=_at(day, 10))
            elif step == "spam":
                services.close_as_spam(letter, user=office, reason="广告信息，与学校工作无关。")
            elif step == "merge":  # the same broken door as the first letter
                target = Letter.objects.get(mailbox=box, subject=CURRENT[0][0])
                services.merge_letter(letter, user=office, target=target)
        created += 1
    return created


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def load_demo(stdout) -> None:
    """Two mailboxes, the 2021-2022 school year's 58 answered letters and the current year's
    letters in every other state (none e-mailed to anyone)."""
    office = _user("office") or get_user_model().objects.filter(is_superuser=True).first()
    with transaction.atomic():
        boxes = ensure_mailboxes()
        exists = Letter.objects.filter(
            mailbox__in=boxes, received_at__date__lt=datetime.date(2022, 9, 1)
        ).exists()
        created = 0 if exists else _letters(boxes, office)
        created += _current_letters(boxes, office)
    published = Letter.objects.filter(mailbox__in=boxes, is_published=True).count()
    stdout.write(
        f"领导信箱：信箱 {len(boxes)} 个，新增来信 {created} 件（网上公开 {published} 件）。"
    )
