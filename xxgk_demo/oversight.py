# ruff: noqa: E501 - the demo's supervision messages are kept one per line.
"""Demo evaluation and supervision records for school year 2021-2022: the public's helpful
votes on published disclosures, and the office's supervision of late departments (reminders,
urgings, an escalation and its handling, inspections, information formed but not published).

Called from `manage.py load_demo` after the disclosures exist; running it again changes
nothing. The late departments are those whose disclosures the loader dates late
(load_demo.LATE_DEPARTMENTS): 科研处 and 国际交流与合作处.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from xxgk.catalogue.models import CatalogueItemPage
from xxgk.disclosures.models import DisclosurePage
from xxgk.evaluation.models import HelpfulVote, Survey, SurveyQuestion, SurveyResponse
from xxgk.evaluation.services import record_vote, submit_survey_response
from xxgk.orgs.models import Department
from xxgk.supervision.models import (
    ActionKind,
    Inspection,
    InspectionResult,
    PendingInformation,
    SupervisionAction,
)

SCHOOL_YEAR_START = datetime.date(2021, 9, 1)
SCHOOL_YEAR_END = datetime.date(2022, 8, 31)
VOTES = 160  # about four in five say 有帮助
# The school year's satisfaction survey of the disclosure work: its questions, and how often
# each answer (非常满意, 满意, 一般, 不满意) is given, as weights.
SURVEY_QUESTIONS = [
    ("您对学校信息公开内容的完整性是否满意？", (50, 35, 12, 3)),
    ("您对信息公开的及时性是否满意？", (42, 38, 15, 5)),
    ("您对信息公开网查找信息的便利程度是否满意？", (35, 40, 18, 7)),
    ("您对依申请公开和领导信箱的答复是否满意？", (40, 36, 17, 7)),
]
SURVEY_RESPONSES = 120
SURVEY_COMMENTS = [
    "希望招生录取信息能按省份分别列出。",
    "财务预决算表格希望提供可下载的原始表格。",
    "手机上查找往年的公开信息不太方便。",
    "建议在首页增加最近更新的栏目。",
    "",
]
LATE = ["KYC", "GJC"]

# (day, kind, department, item number, what) — the office's supervision record of the year.
ACTIONS = [
    (datetime.date(2021, 10, 18), ActionKind.REMINDER, "KYC", "4", "学术委员会2021年度工作报告"),
    (datetime.date(2021, 11, 2), ActionKind.URGING, "KYC", "4", "学术委员会2021年度工作报告"),
    (datetime.date(2021, 11, 22), ActionKind.REMINDER, "GJC", "23", "校级领导因公出国（境）情况"),
    (datetime.date(2021, 12, 8), ActionKind.URGING, "GJC", "23", "校级领导因公出国（境）情况"),
    (datetime.date(2022, 1, 6), ActionKind.ESCALATION, "GJC", "23", "校级领导因公出国（境）情况"),
    (datetime.date(2022, 3, 14), ActionKind.REMINDER, "KYC", "41", "学术道德规范"),
    (datetime.date(2022, 3, 29), ActionKind.URGING, "KYC", "41", "学术道德规范"),
    (datetime.date(2022, 4, 11), ActionKind.REMINDER, "GJC", "47", "中外合作办学项目情况"),
    (datetime.date(2022, 4, 26), ActionKind.URGING, "GJC", "47", "中外合作办学项目情况"),
    (datetime.date(2022, 5, 16), ActionKind.REMINDER, "JCC", "19", "2022年部门预算"),
    (datetime.date(2022, 6, 7), ActionKind.REMINDER, "ZSB", "7", "2022年分省分专业招生计划"),
    (datetime.date(2022, 7, 4), ActionKind.URGING, "KYC", "42", "学术不端行为调查处理办法"),
]
MESSAGES = {
    ActionKind.REMINDER: "【信息公开提醒】{dept}：清单事项“{item}”（{what}）应于 {deadline} 前公开，还剩 3 个工作日。",
    ActionKind.URGING: "【信息公开督促】{dept}：清单事项“{item}”（{what}）公开期限为 {deadline}，已逾期，请尽快公开。",
    ActionKind.ESCALATION: "【逾期上报】{dept}：清单事项“{item}”（{what}）已逾期 10 个工作日，经督促仍未公开，请办公室处理。",
}
HANDLING = (
    datetime.date(2022, 1, 10),
    "GJC",
    "23",
    "信息公开办公室约谈国际交流与合作处信息员，说明出访信息应于回国后20个工作日内公开；该处已于1月12日补充公开，并指定专人负责。",
)
INSPECTIONS = [
    # department, day, findings, deadline, result, note, rectified on
    (
        "KYC",
        datetime.date(2022, 4, 20),
        "学术委员会年度报告、学术规范制度等3条信息公开不及时，平均滞后30个工作日。",
        datetime.date(2022, 5, 20),
        InspectionResult.RECTIFIED,
        "已补充公开，并建立信息形成即登记制度。",
        datetime.date(2022, 5, 16),
    ),
    (
        "GJC",
        datetime.date(2022, 6, 15),
        "因公出国（境）团组信息有2批次未在回国后按时公开；中外合作办学项目收费标准未同步更新。",
        datetime.date(2022, 7, 15),
        InspectionResult.NOT_RECTIFIED,
        "截至整改期限，收费标准仍未更新，已报分管校领导。",
        None,
    ),
    ("JWC", datetime.date(2022, 6, 20), "", None, InspectionResult.NO_ISSUES, "", None),
]
# Information a late department registered as formed but never published (逾期未公开).
PENDING = [
    ("GJC", "47", "2022年中外合作办学项目收费标准调整情况", datetime.date(2022, 6, 30)),
    ("KYC", "41", "衢州学院科研诚信管理办法（修订）", datetime.date(2022, 7, 15)),
]


def _at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _votes(rng) -> int:
    pages = list(
        DisclosurePage.objects.live()
        .filter(publication_date__range=(SCHOOL_YEAR_START, SCHOOL_YEAR_END))
        .order_by("pk")
    )
    created = 0
    for n in range(VOTES):
        page = pages[rng.randrange(len(pages))]
        visitor = f"demo-visitor-{n}"
        if record_vote(
            page=page, helpful=rng.random() < 0.8, visitor=visitor, fingerprint=f"demo-{n}"
        ):
            created += 1
    # A vote is stamped when it is cast: the demo's fall between publication and 31 August.
    for vote in HelpfulVote.objects.select_related("page").filter(fingerprint__startswith="demo-"):
        start = vote.page.publication_date
        span = (SCHOOL_YEAR_END - start).days
        day = start + datetime.timedelta(days=rng.randrange(span + 1))
        HelpfulVote.objects.filter(pk=vote.pk).update(created_at=_at(day, rng.randrange(8, 23)))
    return created


def _survey(rng) -> int:
    """The 2021-2022 satisfaction survey, open in June, and the answers it received."""
    survey = Survey.objects.create(
        title="2021-2022学年信息公开工作满意度调查",
        intro="为改进学校信息公开工作，请您对以下方面作出评价。问卷匿名，约需一分钟。",
        opens_on=datetime.date(2022, 6, 1),
        closes_on=datetime.date(2022, 6, 30),
    )
    questions = [
        SurveyQuestion.objects.create(survey=survey, text=text, sort_order=n)
        for n, (text, _weights) in enumerate(SURVEY_QUESTIONS)
    ]
    weights = [w for _text, w in SURVEY_QUESTIONS]
    for n in range(SURVEY_RESPONSES):
        answers = {
            q.pk: rng.choices(q.choice_list, weights=w)[0]
            for q, w in zip(questions, weights, strict=True)
        }
        submit_survey_response(
            survey=survey,
            answers=answers,
            comment=rng.choice(SURVEY_COMMENTS) if n % 4 == 0 else "",
            visitor=f"demo-respondent-{n}",
            fingerprint=f"demo-survey-{n}",
        )
    # Stamped on days in June, when the survey was open.
    for response in SurveyResponse.objects.filter(survey=survey):
        day = datetime.date(2022, 6, 1) + datetime.timedelta(days=rng.randrange(30))
        SurveyResponse.objects.filter(pk=response.pk).update(
            submitted_at=_at(day, rng.randrange(8, 23))
        )
    return SURVEY_RESPONSES


def _supervision(office) -> int:
    departments = {d.code: d for d in Department.objects.all()}
    items = {i.item_number: i for i in CatalogueItemPage.objects.all()}
    for day, kind, code, number, what in ACTIONS:
        department, item = departments[code], items[number]
        deadline = day + datetime.timedelta(days=3 if kind == ActionKind.REMINDER else -7)
        SupervisionAction.objects.create(
            kind=kind,
            department=department,
            item=item,
            obligation_key=f"demo:{code}:{number}:{what}"[:80],
            obligation_label=f"{item} {what}"[:300],
            deadline=deadline,
            message=MESSAGES[kind].format(
                dept=department.name, item=item, what=what, deadline=f"{deadline:%Y-%m-%d}"
            ),
            created_at=_at(day),
        )
    day, code, number, note = HANDLING
    SupervisionAction.objects.create(
        kind=ActionKind.HANDLING,
        department=departments[code],
        item=items[number],
        obligation_label=str(items[number]),
        message=note,
        created_by=office,
        created_at=_at(day, 15),
    )
    for code, day, findings, deadline, result, note, rectified in INSPECTIONS:
        Inspection.objects.create(
            department=departments[code],
            inspected_on=day,
            findings=findings,
            rectification_deadline=deadline,
            result=result,
            result_note=note,
            rectified_on=rectified,
            recorded_by=office,
        )
    for code, number, title, formed_on in PENDING:
        PendingInformation.objects.create(
            department=departments[code],
            item=items[number],
            title=title,
            formed_on=formed_on,
            recorded_by=office,
        )
    return len(ACTIONS) + 1


def load_demo(stdout) -> None:
    if SupervisionAction.objects.filter(obligation_key__startswith="demo:").exists():
        stdout.write("评议与监督演示数据：已存在，未改动。")
        return
    office = get_user_model().objects.filter(username="office").first()
    rng = random.Random(2021)
    with transaction.atomic():
        votes = _votes(rng)
        responses = _survey(rng)
        actions = _supervision(office)
    stdout.write(
        f"评议与监督演示数据：公众评价 {votes} 次，满意度问卷 {responses} 份，"
        f"提醒督促与处理记录 {actions} 条。"
    )
