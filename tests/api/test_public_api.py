import datetime

import pytest

from tests.factories import published_disclosure
from xxgk.disclosures.services import create_disclosure

pytestmark = pytest.mark.django_db


def titles(response):
    return [row["title"] for row in response.json()["results"]]


def test_disclosures_are_listed_newest_first_with_stable_ties(client, published):
    response = client.get("/api/v1/disclosures")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    # Same publication date: the higher id first, every time.
    assert titles(response) == ["招生章程补充说明", "2022年招生章程", "2022年预算"]
    assert (
        client.get("/api/v1/disclosures?order=publication_date").json()["results"][0]["title"]
        == "2022年预算"
    )


def test_filters_by_item_department_category_and_dates(client, published):
    assert titles(client.get("/api/v1/disclosures?item=19")) == ["2022年预算"]
    assert len(titles(client.get("/api/v1/disclosures?department=ZSA"))) == 2
    assert titles(client.get("/api/v1/disclosures?category=3")) == ["2022年预算"]
    assert titles(client.get("/api/v1/disclosures?date_from=2022-03-01&date_to=2022-03-31")) == [
        "2022年预算"
    ]
    assert client.get("/api/v1/disclosures?date_from=2023-01-01").json()["count"] == 0


def test_pagination_links_and_bounds(client, published):
    first = client.get("/api/v1/disclosures?page_size=2").json()
    assert first["num_pages"] == 2 and len(first["results"]) == 2
    assert first["previous"] is None and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert [r["title"] for r in second["results"]] == ["2022年预算"]
    assert second["next"] is None
    beyond = client.get("/api/v1/disclosures?page=9").json()
    assert beyond["results"] == []


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ("page_size=100000", 422, "validation_error"),
        ("page_size=0", 422, "validation_error"),
        ("page=abc", 422, "validation_error"),
        ("page=99999999999999999999999", 422, "validation_error"),
        ("date_from=2022-13-45", 422, "validation_error"),
        ("date_to=0", 422, "validation_error"),  # not read as seconds since 1970
        ("updated_since=1700000000", 422, "validation_error"),
        ("item=7;drop", 422, "validation_error"),
        ("department=zsa", 422, "validation_error"),
        ("order=title", 422, "validation_error"),
        ("departement=ZSA", 422, "unknown_parameter"),
        ("date_from=2022-06-01&date_to=2022-01-01", 400, "invalid_date_range"),
        ("item=99", 404, "not_found"),
        ("department=NOPE", 404, "not_found"),
        ("category=99", 404, "not_found"),
    ],
)
def test_bad_filters_are_clear_json_errors(client, published, query, status, code):
    response = client.get(f"/api/v1/disclosures?{query}")
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert body["message"]  # a Chinese sentence for people
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"])


def test_validation_errors_name_the_field_in_chinese(client, db):
    body = client.get("/api/v1/disclosures?page_size=1000").json()
    assert body["errors"] == [{"field": "query.page_size", "message": "不能大于 100。"}]


def test_unknown_addresses_under_api_answer_json(client, db):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    response = client.get("/api/v1/disclosures/abc")
    assert response.status_code == 422


def test_only_live_content_and_withdrawn_items_vanish_at_once(
    client, published, item_a, dept_a, office
):
    create_disclosure(user=office, item=item_a, title="未公开的草稿", publishing_department=dept_a)
    assert "未公开的草稿" not in titles(client.get("/api/v1/disclosures"))

    withdrawn = published[0]
    assert client.get(f"/api/v1/disclosures/{withdrawn.pk}").status_code == 200
    withdrawn.unpublish()
    assert client.get(f"/api/v1/disclosures/{withdrawn.pk}").status_code == 404
    assert withdrawn.title not in titles(client.get("/api/v1/disclosures"))
    stats = client.get("/api/v1/statistics/disclosures").json()
    assert stats["total"] == 2


def test_detail_has_body_attachments_and_no_personal_data(client, published, office):
    page = published[2]
    body = client.get(f"/api/v1/disclosures/{page.pk}").json()
    assert body["index_number"] == page.index_number
    assert body["department"] == {"code": "CWB", "name": "计划财务处"}
    assert body["url"].startswith("http://testserver/")
    assert body["body"]
    text = str(body)
    for personal in (office.username, office.email, "owner", "user"):
        assert personal not in text


def test_catalogue_lists_items_with_rules_and_departments(
    client, item_a, published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):  # not one query per item
        catalogue = client.get("/api/v1/catalogue").json()
    assert len(catalogue) == 10
    items = {item["item_number"]: item for c in catalogue for item in c["items"]}
    assert len(items) >= 50
    seven = items["7"]
    assert seven["responsible_departments"] == [{"code": "ZSA", "name": "招生办公室"}]
    assert seven["rule"]["kind"] and seven["rule"]["summary"]
    assert seven["disclosure_count"] == 2
    assert "internal_note" not in seven

    detail = client.get("/api/v1/catalogue/items/7").json()
    assert detail["item_number"] == "7" and detail["category_number"] == 2
    assert client.get("/api/v1/catalogue/items/999").json()["code"] == "not_found"


def test_departments_list_has_no_contact_person(client, dept_a):
    rows = client.get("/api/v1/departments").json()
    assert {"code": "ZSA", "name": "招生办公室"} in rows
    assert all(set(row) == {"code", "name"} for row in rows)


def test_annual_reports_only_live(client, db, office, dept_a):
    from tests.factories import review_through
    from xxgk.disclosures.services import file_report
    from xxgk.reports.models import PeriodKind
    from xxgk_demo.pdf import make_document

    def report(year, title):
        return file_report(
            user=office,
            period_kind=PeriodKind.SCHOOL_YEAR,
            year=year,
            title=title,
            body="<p>报告正文</p>",
            document=make_document(title, dept_a.name, datetime.date(year + 1, 10, 30)),
            publication_date=datetime.date(year + 1, 10, 30),
            publishing_department=dept_a,
        )

    review_through(report(2021, "2021-2022学年信息公开工作年度报告"), submitter=office)
    report(2022, "草稿报告")  # filed, not yet reviewed: not public
    reports = client.get("/api/v1/reports").json()
    assert [r["school_year_start"] for r in reports] == [2021]
    assert reports[0]["school_year"] == "2021-2022学年"
    assert reports[0]["document"] is not None
    assert client.get("/api/v1/reports/2021").json()["title"].startswith("2021-2022")
    assert client.get("/api/v1/reports/2022").status_code == 404
    assert client.get("/api/v1/reports/1").status_code == 422


def test_statistics_count_by_category_department_and_month(client, published):
    stats = client.get("/api/v1/statistics/disclosures?date_from=2022-01-01").json()
    assert stats["total"] == 3
    by_department = {row["key"]: row["count"] for row in stats["by_department"]}
    assert by_department == {"CWB": 1, "ZSA": 2}
    assert {row["key"]: row["count"] for row in stats["by_month"]} == {
        "2022-03": 1,
        "2022-05": 2,
    }
    by_category = {row["key"]: row["count"] for row in stats["by_category"]}
    assert by_category["2"] == 2 and by_category["3"] == 1


def test_openapi_document_and_docs(client, db):
    document = client.get("/api/v1/openapi.json").json()
    paths = document["paths"]
    for expected in (
        "/api/v1/catalogue",
        "/api/v1/disclosures",
        "/api/v1/disclosures/{disclosure_id}",
        "/api/v1/reports",
        "/api/v1/statistics/disclosures",
        "/api/v1/integration/disclosures",
    ):
        assert expected in paths
    assert (
        "BearerAuth" in str(document["components"]["securitySchemes"])
        or document["components"]["securitySchemes"]
    )
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"/static/ninja/swagger-ui" in docs.content  # served locally, not from a CDN


def test_many_disclosures_page_in_constant_queries(
    client, item_a, dept_a, office, django_assert_max_num_queries
):
    for n in range(3):
        published_disclosure(item=item_a, department=dept_a, author=office, title=f"信息{n}")
    with django_assert_max_num_queries(12):
        response = client.get("/api/v1/disclosures?page_size=100")
    assert response.json()["count"] == 3
