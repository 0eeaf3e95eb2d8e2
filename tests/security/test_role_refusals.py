"""Right refusals (issue 20 point 7): a leader or a supervisor (read-only roles) who opens a
back-office page they may not use gets a 403 page that gives the reason, if the domain's
policy has one, and says what their role can and cannot do (from ``xxgk.orgs.roles``), on
our own admin views and on Wagtail's own, in the language of their admin."""

import html

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.requests.conftest import make_application
from xxgk.orgs.selectors import role_scopes

pytestmark = pytest.mark.django_db
SUPERVISOR_SCOPE = "您的角色（监督人员）可以查看信息公开目录"
LEADER_SCOPE = "您的角色（校领导）可以查看监督工作台"
# What the page said to everyone before, whatever their role.
OLD_MESSAGE = "只能在本部门负责的信息公开事项下发布和修改信息"


def page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    "url",
    [
        "/admin/requests/new/",  # registering a request: our view, the requests policy
        "/admin/users/",  # Wagtail's own: managing accounts
        "/admin/documents/",  # Wagtail's own: the files
    ],
)
def test_supervisor_is_told_what_the_role_can_do(client, supervisor, url):
    client.force_login(supervisor)
    response = client.get(url)
    text = page(response)
    assert response.status_code == 403, url
    assert "无权操作" in text and SUPERVISOR_SCOPE in text
    assert "不能修改、办理、发布或删除任何内容" in text
    assert OLD_MESSAGE not in text


def test_the_policy_reason_comes_first(client, supervisor):
    application, _ = make_application()
    client.force_login(supervisor)
    response = client.post(
        reverse("requests_admin:action", args=[application.pk, "accept"]), {"note": ""}
    )
    text = page(response)
    assert response.status_code == 403
    assert "只有信息公开办公室的承办人员和该申请的承办人可以办理。" in text
    assert text.index("可以办理。") < text.index(SUPERVISOR_SCOPE)
    application.refresh_from_db()
    assert application.status == "received"


@pytest.mark.parametrize(
    "url",
    ["/admin/requests/", "/admin/letters/", "/admin/users/", "/admin/pages/"],
)
def test_leader_is_told_what_the_role_can_do(client, leader, url):
    client.force_login(leader)
    response = client.get(url)
    text = page(response)
    assert response.status_code == 403, url
    assert LEADER_SCOPE in text and "不能修改、办理、发布或删除任何内容，或查看个案详情" in text
    assert OLD_MESSAGE not in text and "您不是该申请的承办人" not in text


def test_refusal_follows_the_admin_language(client, supervisor):
    profile = UserProfile.get_for_user(supervisor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(supervisor)
    response = client.get("/admin/users/")
    with translation.override("en"):
        expected = role_scopes(supervisor)
    text = page(response)
    assert response.status_code == 403
    assert '<html lang="en"' in text or 'lang="en"' in text
    assert expected and all(line in text for line in expected)
