"""The office opens the supervision dashboard and a department page in a real browser."""

import datetime

import pytest

from tests.factories import TEST_PASSWORD, catalogue_item, make_responsible, published_disclosure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_office_reads_matrix_and_follows_a_department(
    live_server, page, screenshot_dir, office, dept_a, dept_b, item_a, item_b
):
    budget = make_responsible(catalogue_item("19"), dept_a, dept_b, by=office)
    published_disclosure(
        item=budget,
        department=dept_b,
        author=office,
        title="2022年部门预算",
        publication_date=datetime.date(2022, 4, 20),
    )
    log_in(page, live_server, office)
    page.get_by_role("link", name="公开监督", exact=True).click()
    page.get_by_label("学年").select_option("2021")
    page.get_by_role("button", name="查看").click()
    page.wait_for_url("**school_year=2021**")

    matrix = page.get_by_test_id("compliance-matrix")
    assert matrix.is_visible()
    row_a = matrix.get_by_role("row", name="招生办公室")
    # Colour is backed by text: the worst status is written in each cell.
    assert "从未公开" in row_a.inner_text()
    assert "按时公开" in matrix.get_by_role("row", name="计划财务处").inner_text()
    assert page.get_by_role("list", name="图例").is_visible()
    assert page.locator("svg.sv-trend[role=img]").count() == 2
    page.screenshot(path=str(screenshot_dir / "supervision-dashboard.png"), full_page=True)

    row_a.get_by_role("link", name="招生办公室").click()
    page.wait_for_url(f"**/admin/supervision/departments/{dept_a.code}/**")
    assert page.get_by_role("heading", level=1).inner_text().startswith("招生办公室")
    obligations = page.locator("#sv-obligations-heading + table")
    assert "7. 招生章程" in obligations.inner_text()
    assert "19. 收支预算" in obligations.inner_text()
    page.screenshot(path=str(screenshot_dir / "supervision-department.png"), full_page=True)
