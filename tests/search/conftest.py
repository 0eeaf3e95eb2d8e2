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
from xxgk.disclosures.services import create_disclosure
from xxgk.orgs.roles import Role
from xxgk.reports.models import AnnualReportPage
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
    numbers = {"7": "zs", "19": "cw", "20": "cw", "21": "cw", "37": "xs"}
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
    from xxgk.reports.models import PeriodKind
    from xxgk.reports.services import file_report

    report = file_report(
        user=office,
        period_kind=PeriodKind.SCHOOL_YEAR,
        year=year,
        title=title,
        body=body,
        publication_date=D(year + 1, 10, 31),
        publishing_department=DepartmentFactory(name="党委办公室", code="SDZ"),
    )
    review_through(report, submitter=office)
    return AnnualReportPage.objects.get(pk=report.pk)


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_corpus()
        transaction.set_rollback(True)
