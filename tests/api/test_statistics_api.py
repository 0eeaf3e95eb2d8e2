import datetime

import pytest
from django.utils import timezone

from tests.requests.conftest import make_application
from xxgk.mailbox.models import Mailbox, MailboxCategory
from xxgk.mailbox.services import submit_letter

pytestmark = pytest.mark.django_db


def school_year_start(day=None) -> int:
    day = day or timezone.localdate()
    return day.year if day.month >= 9 else day.year - 1


def test_request_statistics_are_counts_only(client, db):
    year = school_year_start()
    start = datetime.date(year, 9, 1)
    make_application(received_on=start)
    make_application(received_on=start + datetime.timedelta(days=10))
    make_application(received_on=start - datetime.timedelta(days=10))  # the year before
    response = client.get(f"/api/v1/statistics/requests?school_year={year}")
    assert response.status_code == 200
    body = response.json()
    assert body["period"]["start"] == f"{year}-09-01"
    assert body["period"]["end"] == f"{year + 1}-08-31"
    received = next(row for row in body["rows"] if row["key"] == "一")
    assert received["counts"]["citizen"] == 2 and received["counts"]["total"] == 2
    # 表三's official wording (regulations.md §5.4, 更正与补充): the total row is （七）总计.
    labels = {row["key"]: row["label"] for row in body["rows"]}
    assert received["label"] == "一、本年新收政府信息公开申请数量"
    assert labels["三.总计"] == "（七）总计"
    assert labels["三.2"] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert labels["三.4.1"] == "1．本机关不掌握相关政府信息"
    assert {c["key"] for c in body["columns"]} >= {"citizen", "total"}
    assert [a["key"] for a in body["appeals"]] == [
        "reconsideration",
        "litigation_direct",
        "litigation_after",
    ]
    text = response.content.decode()
    for personal in ("张三", "13800138000", "zhangsan", "324000"):
        assert personal not in text


def test_mailbox_statistics_are_counts_only(client, dept_a):
    box = Mailbox.objects.create(
        name="校长信箱", slug="president", number_prefix="XZ", default_department=dept_a
    )
    category = MailboxCategory.objects.create(mailbox=box, name="教学管理")
    submit_letter(
        mailbox=box,
        data={
            "category": category,
            "writer_name": "李四",
            "phone": "13900001111",
            "email": "lisi@example.com",
            "subject": "图书馆开放时间",
            "message": "建议延长。",
        },
        received_at=timezone.make_aware(datetime.datetime(2021, 11, 2, 9, 0)),
    )
    response = client.get("/api/v1/statistics/mailbox?school_year=2021")
    assert (
        client.get("/api/v1/statistics/mailbox?school_year=2020").json()["total"]["received"] == 0
    )
    assert response.status_code == 200
    body = response.json()
    assert body["total"]["received"] == 1
    assert [row["name"] for row in body["by_mailbox"]] == ["校长信箱"]
    text = response.content.decode()
    for personal in ("李四", "13900001111", "lisi", "图书馆开放时间", "建议延长"):
        assert personal not in text


@pytest.mark.parametrize("path", ["/api/v1/statistics/requests", "/api/v1/statistics/mailbox"])
def test_statistics_default_to_the_current_school_year_and_reject_bad_years(client, db, path):
    assert client.get(path).status_code == 200
    assert client.get(f"{path}?school_year=1999").json()["code"] == "validation_error"
    assert client.get(f"{path}?year=2021").json()["code"] == "unknown_parameter"
