"""Each row's selector on small fixture data: period boundaries, sums, gaps, drill-downs."""

import datetime

import pytest

from tests.factories import published_disclosure
from xxgk.registers import figures
from xxgk.registers.models import (
    AdmissionResult,
    CadreChange,
    Channel,
    ChannelMonth,
    FeeSchedule,
    OutreachEvent,
    OutreachMember,
    ProbationAssessment,
    ProcurementNotice,
)
from xxgk.reports import registry
from xxgk.supervision.periods import Period

pytestmark = pytest.mark.django_db
YEAR = Period.school_year(2021)


def value(code, period=YEAR):
    return registry.figures()[code].compute(period)


def _school_year_months():
    return [datetime.date(2021 + (8 + i) // 12, (8 + i) % 12 + 1, 1) for i in range(12)]


def test_channel_sums_only_months_inside_the_school_year():
    weibo = Channel.objects.create(name="微博", kind="weibo")
    ChannelMonth.objects.create(channel=weibo, month=datetime.date(2021, 8, 1), posts=100)
    ChannelMonth.objects.create(channel=weibo, month=datetime.date(2022, 9, 1), posts=100)
    for month in _school_year_months():
        ChannelMonth.objects.create(channel=weibo, month=month, posts=2, reads=100, likes=1)
    assert value("channel.weibo.posts") == 24
    assert value("channel.weibo.reads") == 1200
    assert value("channel.weibo.likes") == 12
    months = registry.figures()["channel.weibo.likes"].records(YEAR)
    assert [m.month for m in months] == _school_year_months()


def test_missing_months_make_a_channel_figure_a_gap_not_a_partial_sum(office):
    """A year with missing data generates, the gap named for the office; never a short sum."""
    from xxgk.reports import services

    weibo = Channel.objects.create(name="微博", kind="weibo")
    for month in _school_year_months():
        if month != datetime.date(2022, 3, 1):
            ChannelMonth.objects.create(channel=weibo, month=month, posts=2, reads=100)
    assert value("channel.weibo.posts") is None
    row = registry.figures()["channel.weibo.posts"]
    assert row.gap_label(YEAR) == "官方微博发布篇数（缺微博2022年3月）"
    likes = registry.figures()["channel.weibo.likes"]
    assert value("channel.weibo.likes") is None  # the platform gave no likes at all
    assert likes.gap_label(YEAR) == (
        "官方微博总获赞数（缺微博2021年9月、微博2021年10月、微博2021年11月等12个月）"
    )
    # A running school year is not short of the months still to come.
    current = Period.school_year_of(datetime.date.today())
    for month in figures.months_begun(current):
        ChannelMonth.objects.create(channel=weibo, month=month, posts=5)
    assert value("channel.weibo.posts", current) == 5 * len(figures.months_begun(current))

    services.ensure_default_templates()
    from xxgk.reports.models import ReportTemplate

    template = ReportTemplate.objects.get(period_kind="school_year")
    draft = services.generate_draft(template, 2021, user=office)
    report = services.render_draft(draft)
    assert "官方微博发布篇数（缺微博2022年3月）" in report.gaps
    html = "".join(p.html for s in report.sections for p in s.paragraphs)
    assert "【待补：官方微博发布篇数（缺微博2022年3月）】" in html


def test_missing_channel_data_is_a_gap_not_zero():
    assert value("channel.wechat.posts") is None
    assert value("procurement.intention") is None
    assert value("admissions.total") is None


def test_admissions_by_province_and_level(settings):
    settings.XXGK_HOME_PROVINCE = "浙江"
    for province, level, n in [
        ("浙江", "本科", 10),
        ("浙江", "高职", 3),
        ("安徽", "本科", 4),
        ("江西", "本科", 5),
    ]:
        AdmissionResult.objects.create(year=2022, province=province, level=level, admitted=n)
    AdmissionResult.objects.create(year=2021, province="浙江", level="本科", admitted=99)
    assert value("admissions.total") == 22
    assert value("admissions.provinces") == 3
    assert value("admissions.home.total") == 13
    assert value("admissions.home.vocational") == 3
    assert value("admissions.home.upgrade") == 0
    assert value("admissions.outside.total") == 9


def test_outreach_counts_distinct_places_and_sums_reads():
    day = datetime.date(2022, 5, 1)
    for city, school in [("衢州", "一中"), ("衢州", "二中"), ("杭州", "一中")]:
        OutreachEvent.objects.create(
            kind="visit", held_on=day, title="咨询", province="浙江", city=city, school=school
        )
    OutreachEvent.objects.create(
        kind="visit", held_on=day, title="咨询", province="安徽", city="合肥", school="一中"
    )
    OutreachEvent.objects.create(kind="video", held_on=day, title="视频1", reads=100)
    OutreachEvent.objects.create(kind="video", held_on=day, title="视频2", reads=250)
    OutreachEvent.objects.create(kind="livestream", held_on=day, title="直播")
    OutreachMember.objects.create(school_year_start=2021, name="张三", unit="招生办")
    OutreachMember.objects.create(school_year_start=2020, name="李四", unit="招生办")
    assert value("outreach.provinces") == 2
    assert value("outreach.cities") == 3
    assert value("outreach.schools") == 4
    assert value("outreach.video_reads") == 350
    assert value("outreach.livestreams") == 1
    assert value("outreach.members") == 1


def test_procurement_and_fees():
    ProcurementNotice.objects.create(
        kind="decentralised", title="A", published_on=datetime.date(2021, 9, 1), platform="X"
    )
    ProcurementNotice.objects.create(
        kind="decentralised", title="B", published_on=datetime.date(2022, 9, 1), platform="X"
    )
    ProcurementNotice.objects.create(
        kind="intention", title="C", published_on=datetime.date(2022, 8, 31), platform="X"
    )
    FeeSchedule.objects.create(
        item="学费", standard="5300元", basis="文", effective_from=datetime.date(2016, 9, 1)
    )
    FeeSchedule.objects.create(
        item="旧费",
        standard="1元",
        basis="文",
        effective_from=datetime.date(2010, 9, 1),
        effective_until=datetime.date(2020, 8, 31),
    )
    assert value("procurement.decentralised") == 1
    assert value("procurement.intention") == 1
    assert value("procurement.tender_result") is None
    assert value("fees.items") == 1


def test_cadre_rows_by_action_and_level():
    day = datetime.date(2022, 3, 1)
    for action, level, person in [
        ("promotion", "middle_chief", "甲"),
        ("promotion", "middle_deputy", "乙"),
        ("promotion", "middle_deputy", "丙"),
        ("transfer", "section_chief", "丁"),
        ("removal", "section_deputy", "戊"),
    ]:
        CadreChange.objects.create(
            action=action, level=level, person=person, position="职务", effective_on=day
        )
    ProbationAssessment.objects.create(person="甲", position="职务", assessed_on=day)
    assert value("cadre.promotion.middle") == 3
    assert value("cadre.promotion.middle_deputy") == 2
    assert value("cadre.transfer.section") == 1
    assert value("cadre.transfer.middle") == 0
    assert value("cadre.removal.section_deputy") == 1
    assert value("cadre.probation") == 1


def test_disclosure_rows_count_published_disclosures_of_the_period(item_a, dept_a, editor_a):
    published_disclosure(
        item=item_a, department=dept_a, author=editor_a, publication_date=datetime.date(2022, 1, 5)
    )
    published_disclosure(
        item=item_a, department=dept_a, author=editor_a, publication_date=datetime.date(2020, 1, 5)
    )
    assert value("disclosures.total") == 1
    category = item_a.get_parent().specific
    assert value(f"disclosures.category{category.number}") == 1
    rows = registry.figures()["disclosures.total"]
    [record] = rows.records(YEAR)
    assert "测试公开信息" in rows.describe(record)


def test_interaction_rows_are_zero_without_records_not_gaps():
    for code in [
        "mailbox.answered",
        "requests.received",
        "requests.closed",
        "requests.fees",
        "appeals.reconsideration",
        "complaints.received",
        "evaluation.helpful",
        "supervision.reminders",
        "review.reviews",
    ]:
        assert value(code) == 0, code


def test_every_row_has_label_meaning_and_a_drilldown():
    for code, row in registry.figures().items():
        assert row.label and row.meaning, code
        assert row.records(YEAR).model is not None


def test_item_pages_can_show_fees_and_procurement():
    from django.template import Context, Template

    FeeSchedule.objects.create(
        item="住宿费", standard="1200元", basis="浙发改", effective_from=datetime.date(2020, 9, 1)
    )
    ProcurementNotice.objects.create(
        kind="intention", title="意向X", published_on=datetime.date(2022, 1, 1), platform="省网"
    )
    render = Template("{% load report_records %}{% report_records page %}").render

    class Item:
        def __init__(self, number):
            self.item_number = number

    assert "1200元" in render(Context({"page": Item("21")}))
    assert "意向X" in render(Context({"page": Item("18")}))
    assert render(Context({"page": Item("7")})).strip() == ""
