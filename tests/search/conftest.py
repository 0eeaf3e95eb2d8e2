"""A fixed corpus of Chinese disclosures for the relevance and view tests.

Built once per module inside a transaction that is rolled back afterwards, so the thirty-odd
relevance queries do not each rebuild it.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from tests.factories import (
    DepartmentFactory,
    StaffFactory,
    catalogue_item,
    make_responsible,
    published_disclosure,
)
from xxgk.disclosures.models import AnnualReportPage
from xxgk.disclosures.services import create_disclosure
from xxgk.orgs.roles import Role
from xxgk.review.services import submit_for_review, withdraw_disclosure

D = datetime.date

# key: (title, body, item number, department key, publication date)
DISCLOSURES = {
    "zhangcheng2022": (
        "2022年普通本科招生章程",
        "第一条 为保证学校2022年普通本科招生工作顺利进行，根据有关规定制定本章程。",
        "7",
        "zs",
        D(2022, 5, 20),
    ),
    "zhangcheng2021": (
        "2021年普通本科招生章程",
        "第一条 为保证学校2021年普通本科招生工作顺利进行，根据有关规定制定本章程。",
        "7",
        "zs",
        D(2021, 5, 18),
    ),
    "zhuanshengben": (
        "2022年专升本招生简章",
        "专升本考试报名时间为3月，欢迎加入咨询QQ群：123456789。",
        "7",
        "zs",
        D(2022, 3, 1),
    ),
    "qqgroup": (
        "关于招生咨询QQ群的通知",
        "各位考生：本科招生咨询QQ群号为 987654321，请实名加入。",
        "7",
        "zs",
        D(2022, 6, 1),
    ),
    "budget": (
        "2022年部门预算公开",
        "学校2022年收支预算总额为12.5亿元，其中财政拨款预算7.1亿元。",
        "19",
        "cw",
        D(2022, 4, 10),
    ),
    "final_accounts": (
        "2021年部门决算公开",
        "2021年决算收入总计11.8亿元，与年初预算相比略有增加。",
        "20",
        "cw",
        D(2022, 7, 15),
    ),
    "scholarship": (
        "学生奖学金评定办法",
        "为规范国家奖学金、国家励志奖学金评定工作，制定本办法。奖学金每学年评定一次。",
        "37",
        "xs",
        D(2021, 10, 10),
    ),
    "grant": (
        "家庭经济困难学生助学金管理办法",
        "国家助学金分为三档，勤工俭学岗位另行公布。",
        "37",
        "xs",
        D(2021, 11, 2),
    ),
    "aid_guide": (
        "奖助学金申请指南",
        "奖助学金包括奖学金和助学金，申请材料请交学院。",
        "37",
        "xs",
        D(2022, 8, 30),
    ),
    "exchange": (
        "国际交流项目 International Exchange Programme",
        "The University offers a Summer School for students every July.",
        "37",
        "xs",
        D(2022, 1, 12),
    ),
    "dormitory": (
        "关于开展学生宿舍安全检查的通知",
        "近日学校将对全体学生宿舍开展消防安全大检查，请同学们配合。",
        "37",
        "xs",
        D(2021, 12, 6),
    ),
    "fees": (
        "学费收费标准",
        "本科专业收费标准为每学年５０００元，艺术类专业另行规定。",
        "21",
        "cw",
        D(2021, 9, 1),
    ),
}
# Added for word, synonym and script search (issue 21): everyday notices of the kinds a
# university discloses, some in traditional characters or full-width forms, written as
# such notices are (the queries in test_relevance.py and heldout.py were written after
# them, without changing them).
DISCLOSURES.update(
    {
        "jiaodaihui": (
            "关于召开第五届教职工代表大会第三次会议的通知",
            "学校定于6月召开教职工代表大会，审议学校工作报告和财务工作报告。",
            "3",
            "db",
            D(2022, 5, 30),
        ),
        "shuangyiliu": (
            "学校一流学科建设方案",
            "根据世界一流大学和一流学科建设的要求，学校制定学科建设方案。",
            "1",
            "db",
            D(2021, 3, 8),
        ),
        "zhicheng": (
            "2022年专业技术职务评聘工作通知",
            "各单位：现将2022年教师专业技术职务评聘工作安排通知如下。",
            "24",
            "rs",
            D(2022, 9, 5),
        ),
        "cet": (
            "关于2022年上半年大学英语四、六级考试报名的通知",
            "全国大学英语四、六级考试（CET）报名时间为3月。",
            "36",
            "jw",
            D(2022, 2, 20),
        ),
        "loan": (
            "生源地信用助学贷款办理指南",
            "家庭经济困难学生可申请生源地信用助学贷款，每人每年不超过12000元。",
            "37",
            "xs",
            D(2022, 7, 1),
        ),
        "qingong": (
            "勤工助学岗位招聘公告",
            "学生资助管理中心面向家庭经济困难学生招聘勤工助学岗位。",
            "37",
            "xs",
            D(2022, 3, 15),
        ),
        "employment_report": (
            "2021届毕业生就业质量年度报告",
            "2021届本科毕业生毕业去向落实率为92.5%，升学率为18.3%。",
            "33",
            "xs",
            D(2021, 12, 28),
        ),
        "employment_policy": (
            "促进毕业生就业的若干措施",
            "学校从岗位拓展、就业指导等方面促进毕业生就业。",
            "31",
            "xs",
            D(2022, 4, 2),
        ),
        "hk_fees": (
            "港澳台學生學費標準",
            "本校港澳台學生學費標準為每學年5000元，住宿費每學年1200元。",
            "21",
            "cw",
            D(2022, 6, 20),
        ),
        "mba": (
            "２０２２年ＭＢＡ招生简章",
            "ＭＢＡ项目招收在职人员，学制２年。",
            "11",
            "yjs",
            D(2021, 10, 1),
        ),
        "master_admissions": (
            "2023年硕士研究生招生简章",
            "我校2023年计划招收全日制和非全日制硕士研究生。",
            "11",
            "yjs",
            D(2022, 9, 20),
        ),
        "tuimian": (
            "2023年推荐优秀应届本科毕业生免试攻读研究生工作实施办法",
            "推免生遴选坚持公开、公平、公正。",
            "11",
            "yjs",
            D(2022, 9, 1),
        ),
        "retest": (
            "2023年硕士研究生复试录取办法",
            "考生初试成绩须达到复试分数线。",
            "11",
            "yjs",
            D(2023, 3, 10),
        ),
        "tender": (
            "实验室仪器设备采购项目招标公告",
            "本项目采用公开招标方式，欢迎合格供应商投标。",
            "18",
            "cw",
            D(2022, 5, 5),
        ),
        "award": (
            "图书采购项目中标结果公告",
            "经评审，确定以下供应商为中标人。",
            "18",
            "cw",
            D(2022, 6, 8),
        ),
        "deal": (
            "食堂设备采购项目成交公告",
            "本项目采用竞争性磋商方式，成交供应商如下。",
            "18",
            "cw",
            D(2022, 8, 8),
        ),
        "sangong": (
            "2022年“三公”经费预算情况说明",
            "2022年因公出国（境）费预算20万元，公务接待费预算15万元，"
            "公务用车购置及运行费预算30万元。",
            "19",
            "cw",
            D(2022, 4, 12),
        ),
        "donation": (
            "2021年度接受社会捐赠情况",
            "学校全年接受校友及社会各界捐款共计560万元。",
            "16",
            "cw",
            D(2022, 2, 28),
        ),
        "misconduct": (
            "学术不端行为查处办法",
            "对抄袭、剽窃、伪造数据等学术不端行为，一经查实严肃处理。",
            "42",
            "jw",
            D(2021, 6, 1),
        ),
        "degree_points": (
            "新增硕士学位授权点申报材料公示",
            "学校拟申报新增硕士学位授权点3个。",
            "46",
            "yjs",
            D(2022, 10, 10),
        ),
        "transfer": (
            "2022年转专业工作实施细则",
            "学生在校期间可申请转入其他专业学习一次。",
            "36",
            "jw",
            D(2022, 3, 2),
        ),
        "discipline": (
            "学生违纪处分规定",
            "对违反校纪校规的学生给予纪律处分。",
            "38",
            "xs",
            D(2021, 9, 15),
        ),
        "inspection": (
            "关于巡察反馈意见整改落实情况的通报",
            "根据校党委巡察组反馈意见，各单位认真整改。",
            "49",
            "db",
            D(2022, 11, 1),
        ),
        "emergency": (
            "突发公共事件应急处置预案",
            "为有效应对校园突发公共事件，制定本预案。",
            "50",
            "db",
            D(2021, 4, 20),
        ),
        "canteen": (
            "学生餐厅价格公示",
            "各餐厅饭菜价格保持稳定，接受师生监督。",
            "21",
            "cw",
            D(2022, 9, 9),
        ),
        "apartments": (
            "学生公寓管理规定",
            "学生公寓实行统一管理，禁止使用违章电器。",
            "37",
            "xs",
            D(2021, 8, 25),
        ),
        "quality_report": (
            "本科教学质量报告（2021-2022学年）",
            "学校生师比为17.5:1，开设本科课程1200门。",
            "34",
            "jw",
            D(2022, 12, 1),
        ),
        "gpa": (
            "本科生学分绩点计算办法",
            "平均学分绩点（GPA）按课程学分加权计算。",
            "36",
            "jw",
            D(2021, 7, 7),
        ),
        "mailbox": (
            "校长信箱使用说明",
            "师生可通过校长信箱反映意见建议，学校将在10个工作日内答复。",
            "50",
            "db",
            D(2021, 1, 10),
        ),
        "foreign_students": (
            "来华留学生招生简章",
            "欢迎国际学生申请本科和研究生项目。",
            "48",
            "yjs",
            D(2022, 11, 20),
        ),
        "recruitment": (
            "2022年公开招聘教师公告",
            "学校面向海内外公开招聘专任教师和辅导员。",
            "25",
            "rs",
            D(2022, 4, 18),
        ),
        "appointment": (
            "关于干部任免的通知",
            "经研究决定，任命张三为教务处处长，免去李四教务处处长职务。",
            "25",
            "rs",
            D(2022, 7, 20),
        ),
        "hk_aid": (
            "學生獎助學金評審辦法（繁體版）",
            "獎學金、助學金每學年評審一次，家庭經濟困難學生優先。",
            "37",
            "xs",
            D(2022, 10, 20),
        ),
    }
)

# Published, then withdrawn / expired: never to be found by the public.
WITHDRAWN = ("2020年招生章程", "2020年普通本科招生工作按本章程执行。", "7", "zs", D(2020, 5, 1))
EXPIRED = ("学术讲座预告", "本周五举办学术讲座，欢迎参加。", "37", "xs", D(2022, 2, 1))
# Drafts, one per department: only staff with rights may find them.
DRAFTS = {
    "draft_zs": ("2023年招生章程征求意见稿", "草稿：2023年招生计划待定。", "7", "zs"),
    "draft_cw": ("2023年预算草案", "草稿：2023年预算编制说明。", "19", "cw"),
}


@dataclass
class Corpus:
    pages: dict = field(default_factory=dict)
    departments: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)

    def titles(self, keys):
        return {self.pages[key].title for key in keys}


def _build_corpus() -> Corpus:
    corpus = Corpus()
    corpus.departments = {
        "zs": DepartmentFactory(name="招生处", code="SZS"),
        "cw": DepartmentFactory(name="财务处", code="SCW"),
        "xs": DepartmentFactory(name="学生处", code="SXS"),
        "rs": DepartmentFactory(name="人事处", code="SRS"),
        "yjs": DepartmentFactory(name="研究生院", code="SYJ"),
        "jw": DepartmentFactory(name="教务处", code="SJW"),
        "db": DepartmentFactory(name="党委办公室", code="SDB"),
    }
    office = StaffFactory(username="s_office", roles=[Role.OFFICE])
    corpus.users = {
        "office": office,
        "editor_zs": StaffFactory(
            username="s_editor_zs", roles=[Role.EDITOR], department=corpus.departments["zs"]
        ),
        "editor_cw": StaffFactory(
            username="s_editor_cw", roles=[Role.EDITOR], department=corpus.departments["cw"]
        ),
        "reviewer": StaffFactory(username="s_reviewer", roles=[Role.REVIEWER]),
        "supervisor": StaffFactory(username="s_supervisor", roles=[Role.SUPERVISOR]),
        "leader": StaffFactory(username="s_leader", roles=[Role.LEADER]),
    }
    numbers = {
        number: department
        for (_title, _body, number, department, _day) in [*DISCLOSURES.values(), EXPIRED]
    }
    for number, department in numbers.items():
        corpus.items[number] = make_responsible(
            catalogue_item(number), corpus.departments[department], by=office
        )

    def publish(title, body, number, department, day):
        return published_disclosure(
            item=corpus.items[number],
            department=corpus.departments[department],
            author=office,
            title=title,
            body=f"<p>{body}</p>",
            publication_date=day,
        )

    for key, spec in DISCLOSURES.items():
        corpus.pages[key] = publish(*spec)
    corpus.pages["withdrawn"] = publish(*WITHDRAWN)
    withdraw_disclosure(corpus.pages["withdrawn"], user=office, reason="已过时")
    corpus.pages["expired"] = publish(*EXPIRED)
    Page.objects.filter(pk=corpus.pages["expired"].pk).update(
        expire_at=timezone.now() - datetime.timedelta(hours=1)
    )
    for key, (title, body, number, department) in DRAFTS.items():
        corpus.pages[key] = create_disclosure(
            user=office,
            item=corpus.items[number],
            title=title,
            body=f"<p>{body}</p>",
            publishing_department=corpus.departments[department],
        )
    # Under review: the reviewers may now read this draft (and only this one).
    submit_for_review(corpus.pages["draft_cw"], user=office)
    corpus.pages["report"] = publish_annual_report(
        "衢州学院2021-2022学年信息公开工作报告",
        "<p>本报告根据《高等学校信息公开办法》编制，主动公开信息1200条。</p>",
        year=2021,
        office=office,
    )
    corpus.pages["guide"] = Page.objects.get(slug="guide").specific
    corpus.pages["rules"] = Page.objects.get(slug="rules").specific
    return corpus


def publish_annual_report(title, body, *, year, office):
    """Filed under catalogue item 6 and published through the review, as the report desk does."""
    from tests.factories import review_through
    from xxgk.disclosures.services import file_report
    from xxgk.reports.models import PeriodKind

    report = file_report(
        user=office,
        period_kind=PeriodKind.SCHOOL_YEAR,
        year=year,
        title=title,
        body=body,
        publication_date=D(year + 1, 10, 31),
        publishing_department=DepartmentFactory(name="党委办公室（年报）", code="SDZ"),
    )
    review_through(report, submitter=office)
    return AnnualReportPage.objects.get(pk=report.pk)


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_corpus()
        transaction.set_rollback(True)
