"""The confidentiality review's back office in English (issue 20): with English chosen, every
page and form of the review shows no Chinese in <main> but content (titles, names, opinions,
stored notices and record numbers), and the Chinese version still reads Chinese."""

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page, Task, Workflow

from tests.english import chinese_runs, visible_text
from xxgk.orgs.models import Department
from xxgk.review.models import Notice, ReviewRecord
from xxgk.review.services import decide_review, withdraw_disclosure

from .conftest import approve_kwargs


def _typed(tag: str, attributes: dict) -> bool:
    """What a form field holds is what the test typed, not the page's words."""
    return tag == "textarea"


def main_text(response) -> str:
    assert response.status_code in (200, 400)  # 400: a form returned with its errors
    return visible_text(response.content.decode(), "main", _typed)


def content_strings() -> list[str]:
    strings = [settings.XXGK_SCHOOL_NAME]
    strings += Page.objects.values_list("title", flat=True)
    strings += Department.objects.values_list("name", flat=True)
    # Workflow and task names are configuration stored in the database (Wagtail's own log
    # messages quote them).
    strings += Workflow.objects.values_list("name", flat=True)
    strings += Task.objects.values_list("name", flat=True)
    for record in ReviewRecord.objects.all():
        strings += [record.number, record.opinion, record.basis, record.item_label]
    strings += Notice.objects.values_list("message", flat=True)
    return sorted({s for s in strings if s}, key=len, reverse=True)


def chinese_left(response, *extra) -> list[str]:
    return chinese_runs(main_text(response), *extra, *content_strings())


CONTENT = ("不涉密，同意公开。", "《保守国家秘密法》", "招生章程正文。", "信息有误", "已更正")


def english(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.django_db
def test_reviewer_pages_in_english(client, in_review, draft, reviewer):
    c = english(client, reviewer)
    queue = c.get(reverse("review:queue"))
    assert chinese_left(queue) == []
    assert "Awaiting my review" in main_text(queue)
    decide = c.get(reverse("review:decide", args=[in_review.pk]))
    assert chinese_left(decide, *CONTENT) == []
    text = main_text(decide)
    for label in (
        "Confidentiality review form",
        "Does it involve state secrets?",
        "Approve for disclosure",
    ):
        assert label in text
    # A refused decision: the form's errors in English too.
    refused = c.post(reverse("review:decide", args=[in_review.pk]), {"decision": "approved"})
    assert refused.status_code == 400
    assert chinese_left(refused, *CONTENT) == []
    assert "Enter the basis for the review." in main_text(refused)
    record = decide_review(in_review, user=reviewer, **approve_kwargs())
    for url in (
        reverse("review:page", args=[draft.pk]),
        reverse("review:record", args=[record.pk]),
        reverse("review:notices"),
    ):
        assert chinese_left(c.get(url), *CONTENT) == [], url


@pytest.mark.django_db
def test_editor_and_office_pages_in_english(client, in_review, draft, reviewer, editor_a, office):
    decide_review(in_review, user=reviewer, **approve_kwargs())
    c = english(client, editor_a)
    assert chinese_left(c.get(reverse("review:mine")), *CONTENT) == []
    c = english(client, office)
    for url in (
        reverse("review:audit"),
        reverse("review:withdraw", args=[draft.pk]),
    ):
        assert chinese_left(c.get(url), *CONTENT) == [], url
    withdraw_disclosure(draft, user=office, reason="信息有误")
    assert chinese_left(c.get(reverse("review:restore", args=[draft.pk])), *CONTENT) == []
    assert chinese_left(c.get(reverse("review:page", args=[draft.pk])), *CONTENT) == []


@pytest.mark.django_db
def test_review_pages_in_chinese(client, in_review, reviewer):
    client.force_login(reviewer)
    assert "待我审查" in main_text(client.get(reverse("review:queue")))
    text = main_text(client.get(reverse("review:decide", args=[in_review.pk])))
    assert "保密审查单" in text and "同意公开" in text
