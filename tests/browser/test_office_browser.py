"""The back office in a browser (issue 20 points 6 and 7): the office assigns a request by
choosing a department, then one of its handlers (the list narrows to that department), and
a supervisor who opens a page their role may not use gets a 403 page saying what the role
can do."""

import pytest

from tests.factories import TEST_PASSWORD, StaffFactory
from tests.requests.conftest import make_application
from xxgk.orgs.roles import Role
from xxgk.requests import services

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(browser, live_server, user):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return context, page


def test_office_assigns_department_then_handler(
    live_server, browser, screenshot_dir, dept_a, dept_b
):
    office = StaffFactory(
        username="office1", full_name="周主任", roles=[Role.OFFICE], department=dept_a
    )
    StaffFactory(username="zsb_li", full_name="李招生", roles=[Role.EDITOR], department=dept_a)
    StaffFactory(username="cwc_wang", full_name="王财务", roles=[Role.EDITOR], department=dept_b)
    StaffFactory(username="leader1", full_name="赵校长", roles=[Role.LEADER], department=dept_b)
    application, _ = make_application()
    application = services.accept(application, actor=office)

    context, page = log_in(browser, live_server, office)
    page.goto(f"{live_server.url}/admin/requests/{application.pk}/")
    assign = page.locator("details[data-action=assign]")
    assign.locator("summary").click()
    handlers = assign.locator("select[name=handler]")
    # Names and departments, never login names nor the leader.
    everyone = handlers.locator("option").all_inner_texts()
    assert "李招生（招生办公室）" in everyone and "王财务（计划财务处）" in everyone
    assert not any("zsb_li" in text or "赵校长" in text for text in everyone)

    assign.locator("select[name=department]").select_option(label="计划财务处")
    shown = handlers.locator("option:not([hidden])").all_inner_texts()
    assert [text for text in shown if "（" in text] == ["王财务（计划财务处）"]
    handlers.select_option(label="王财务（计划财务处）")
    page.screenshot(path=str(screenshot_dir / "office-assign-handler.png"), full_page=True)
    assign.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("case-status").inner_text() == "办理中"
    assert "王财务（计划财务处）" in page.get_by_test_id("events").inner_text()
    context.close()

    application.refresh_from_db()
    assert application.handler.username == "cwc_wang"


def test_supervisor_sees_what_the_role_can_do(live_server, browser, screenshot_dir, supervisor):
    context, page = log_in(browser, live_server, supervisor)
    response = page.goto(live_server.url + "/admin/requests/new/")
    assert response.status == 403
    scopes = page.get_by_test_id("role-scopes").inner_text()
    assert (
        "您的角色（监督人员）可以查看" in scopes and "不能修改、办理、发布或删除任何内容" in scopes
    )
    page.screenshot(path=str(screenshot_dir / "office-supervisor-403.png"), full_page=True)

    # Wagtail's own pages answer the same way, not with a redirect to the dashboard.
    response = page.goto(live_server.url + "/admin/users/")
    assert response.status == 403
    assert "您的角色（监督人员）" in page.get_by_test_id("role-scopes").inner_text()
    context.close()
