import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import published_disclosure
from tests.mailbox.helpers import solved_challenge
from xxgk.evaluation.models import HelpfulVote, Survey, SurveyQuestion, SurveyResponse
from xxgk.evaluation.selectors import evaluation_figures, helpful_counts, survey_results
from xxgk.evaluation.services import VISITOR_COOKIE

pytestmark = pytest.mark.django_db


@pytest.fixture
def disclosure(item_a, dept_a, office):
    return published_disclosure(item=item_a, department=dept_a, author=office, title="招生章程")


def vote_url(page):
    return reverse("evaluation:vote", args=[page.pk])


def test_widget_on_disclosure_page_works_without_javascript(client, disclosure):
    page = client.get(disclosure.url).content.decode()
    assert "这条信息对您有帮助吗？" in page
    assert f'action="{vote_url(disclosure)}"' in page
    response = client.post(vote_url(disclosure), {"helpful": "yes"})
    # Without JavaScript: a small answer page with a link back, not a redirect to the page
    # (which may be a cached copy that cannot know who voted).
    assert response.status_code == 200
    body = response.content.decode()
    assert "感谢您的反馈" in body and f'href="{disclosure.url}#helpful"' in body
    assert VISITOR_COOKIE in response.cookies
    assert helpful_counts(disclosure) == {"yes": 1, "no": 0}
    again = client.post(vote_url(disclosure), {"helpful": "no"})
    assert again.status_code == 409 and "您已评价过这条信息" in again.content.decode()


def test_disclosure_page_has_nothing_of_the_visitor(client, disclosure):
    """No CSRF token and no "you already voted": the page is the same for every reader."""
    before = client.get(disclosure.url)
    client.post(vote_url(disclosure), {"helpful": "yes"})
    after = client.get(disclosure.url)
    assert b"csrfmiddlewaretoken" not in before.content
    html = after.content.decode()
    assert 'name="helpful"' in html  # the form is still there; helpful.js hides it
    # The message paragraph is empty (its attributes may stand on several lines).
    assert re.search(r'data-testid="helpful-message"\s+aria-live="polite"></p>', html)
    assert not after.cookies


def test_votes_from_another_site_are_refused(client, disclosure):
    cross_site = client.post(
        vote_url(disclosure), {"helpful": "no"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert cross_site.status_code == 403 and "本站" in cross_site.content.decode()
    other_origin = client.post(
        vote_url(disclosure),
        {"helpful": "no"},
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCEPT="application/json",
    )
    assert other_origin.status_code == 403 and other_origin.json()["counted"] is False
    assert not HelpfulVote.objects.exists()
    same_origin = client.post(
        vote_url(disclosure),
        {"helpful": "yes"},
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_ORIGIN="http://testserver",
    )
    assert same_origin.status_code == 200
    assert helpful_counts(disclosure) == {"yes": 1, "no": 0}


def test_one_vote_per_visitor_and_per_client_per_day(client, disclosure):
    headers = {"HTTP_ACCEPT": "application/json", "HTTP_USER_AGENT": "Browser A"}
    first = client.post(vote_url(disclosure), {"helpful": "yes"}, **headers)
    assert first.status_code == 200 and first.json()["counted"] is True
    assert first.json()["yes"] == 1
    same_cookie = client.post(vote_url(disclosure), {"helpful": "no"}, **headers)
    assert same_cookie.status_code == 409
    assert "已评价过" in same_cookie.json()["message"]
    client.cookies.clear()  # cleared cookies: same IP and browser today still one vote
    assert client.post(vote_url(disclosure), {"helpful": "no"}, **headers).status_code == 409
    other = client.post(
        vote_url(disclosure),
        {"helpful": "no"},
        HTTP_ACCEPT="application/json",
        HTTP_USER_AGENT="Browser B",
        REMOTE_ADDR="10.0.0.2",
    )
    assert other.status_code == 200
    assert helpful_counts(disclosure) == {"yes": 1, "no": 1}
    assert not HelpfulVote.objects.filter(fingerprint__contains="10.0.0.2").exists()


def test_a_forged_visitor_cookie_counts_as_none(client, disclosure):
    client.cookies[VISITOR_COOKIE] = "abc:forged"
    response = client.post(vote_url(disclosure), {"helpful": "yes"})
    assert response.status_code == 200
    assert response.cookies[VISITOR_COOKIE].value != "abc:forged"


def test_bad_votes(client, disclosure, office, item_a, dept_a):
    assert client.post(vote_url(disclosure), {"helpful": "maybe"}).status_code == 400
    bad_json = client.post(vote_url(disclosure), {}, HTTP_ACCEPT="application/json")
    assert bad_json.status_code == 400 and "请选择" in bad_json.json()["message"]
    assert client.get(vote_url(disclosure)).status_code == 405
    assert (
        client.post(reverse("evaluation:vote", args=[999999]), {"helpful": "yes"}).status_code
        == 404
    )
    assert not HelpfulVote.objects.exists()


def test_votes_are_rate_limited(client, disclosure):
    for n in range(60):
        client.post(
            vote_url(disclosure), {"helpful": "yes"}, REMOTE_ADDR="10.1.1.1", HTTP_USER_AGENT=str(n)
        )
    blocked = client.post(vote_url(disclosure), {"helpful": "yes"}, REMOTE_ADDR="10.1.1.1")
    assert blocked.status_code == 429


def test_aggregates_per_department(client, disclosure, dept_a):
    for n, value in enumerate(["yes", "yes", "no"]):
        client.cookies.clear()
        client.post(vote_url(disclosure), {"helpful": value}, HTTP_USER_AGENT=f"UA{n}")
    today = timezone.localdate()
    figures = evaluation_figures(today, today)
    assert figures["votes"] == {"yes": 2, "no": 1, "total": 3, "rate": 66.7}
    assert figures["by_department"] == [
        {"name": dept_a.name, "yes": 2, "no": 1, "total": 3, "rate": 66.7}
    ]


@pytest.fixture
def survey(db):
    today = timezone.localdate()
    survey = Survey.objects.create(
        title="2022年信息公开工作满意度调查",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=30),
    )
    SurveyQuestion.objects.create(survey=survey, text="您对信息公开网的总体评价", sort_order=1)
    SurveyQuestion.objects.create(
        survey=survey, text="您是否容易找到所需信息", choices="容易\n一般\n困难", sort_order=2
    )
    return survey


def answers(survey, first="满意", second="容易"):
    q1, q2 = survey.questions.all()
    return {
        f"q{q1.pk}": first,
        f"q{q2.pk}": second,
        "comment": "希望增加搜索功能",
        **solved_challenge(),
    }


def test_survey_response_once_per_visitor_and_results(client, survey, office):
    url = reverse("evaluation:survey", args=[survey.pk])
    page = client.get(url)
    assert page.status_code == 200 and "您对信息公开网的总体评价" in page.content.decode()
    response = client.post(url, answers(survey))
    assert response.status_code == 302
    assert response["Location"] == reverse("evaluation:survey_thanks", args=[survey.pk])
    again = client.post(url, answers(survey, "不满意"))
    assert again.status_code == 409 and "已参与过本次调查" in again.content.decode()
    client.cookies.clear()
    other = client.post(url, answers(survey, "非常满意", "困难"), HTTP_USER_AGENT="other")
    assert other.status_code == 302
    results = survey_results(survey)
    assert results["responses"] == 2
    first = results["questions"][0]
    assert {r["choice"]: r["count"] for r in first["rows"]}["满意"] == 1
    assert results["satisfaction"] == 75.0  # 非常满意, 满意, 容易 of four answers
    client.force_login(office)
    admin = client.get(reverse("evaluation_survey", args=[survey.pk]))
    assert admin.status_code == 200 and "希望增加搜索功能" in admin.content.decode()
    assert client.get(reverse("evaluation_overview")).status_code == 200


def test_incomplete_or_invalid_survey_answers_save_nothing(client, survey):
    url = reverse("evaluation:survey", args=[survey.pk])
    q1, q2 = survey.questions.all()
    missing = client.post(url, {f"q{q1.pk}": "满意", **solved_challenge()})
    assert missing.status_code == 400 and "请回答第 2 题" in missing.content.decode()
    invented = client.post(url, answers(survey, "超级满意"))
    assert invented.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_closed_survey_refuses(client, survey):
    survey.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    survey.opens_on = survey.closes_on - datetime.timedelta(days=10)
    survey.save()
    url = reverse("evaluation:survey", args=[survey.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, answers(survey)).status_code == 403
    assert survey not in client.get(reverse("evaluation:surveys")).context["surveys"]


def test_evaluation_admin_is_for_office_and_supervision(client, editor_a, supervisor, survey):
    client.force_login(editor_a)
    assert client.get(reverse("evaluation_overview")).status_code == 403
    client.force_login(supervisor)
    assert client.get(reverse("evaluation_overview")).status_code == 200
