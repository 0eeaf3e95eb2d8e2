"""The Wagtail admin's own paths: submit from the editor, publish button, bulk publish."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.factories import TEST_PASSWORD
from xxgk.disclosures.models import DisclosurePage
from xxgk.review.selectors import Status, disclosure_status

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def edit_post(page, *, body="<p>正文。</p>", **actions):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "publishing_department": page.publishing_department_id,
            "formed_on": "",
            "publication_date": "",
            "summary": "",
            "body": rich_text(body),
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            "go_live_at": "",
            "expire_at": "",
            **actions,
        }
    )


def test_editor_submits_from_the_editor(client, draft, editor_a):
    login(client, editor_a)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.post(
        url, edit_post(draft, body="<p>电话13812345678</p>", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    page = DisclosurePage.objects.get(pk=draft.pk)
    assert disclosure_status(page) == Status.IN_REVIEW
    report = page.current_workflow_state.current_task_state.revision.scan_report
    assert report.hits[0]["location"] == "正文第1段"
    # The editor is told straight away, with the location.
    shown = [str(m) for m in response.wsgi_request._messages]
    assert any("疑似手机号码" in m and "正文第1段" in m for m in shown)


def test_submit_from_the_editor_without_content_refused(client, draft, editor_a):
    login(client, editor_a)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.post(url, edit_post(draft, body="", **{"action-submit": "1"}))
    assert response.status_code == 200
    assert "提交审查前须填写正文或上传附件" in response.content.decode()
    assert disclosure_status(DisclosurePage.objects.get(pk=draft.pk)) == Status.DRAFT


def test_admin_publish_button_refused(client, draft, office, admin_user):
    for user in (office, admin_user):
        login(client, user)
        url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
        client.post(url, edit_post(draft, **{"action-publish": "1"}))
        assert not DisclosurePage.objects.get(pk=draft.pk).live
        client.logout()


def test_admin_publish_during_review_refused(client, in_review, draft, admin_user):
    login(client, admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    client.post(url, edit_post(draft, **{"action-publish": "1"}))
    assert not DisclosurePage.objects.get(pk=draft.pk).live


def test_bulk_publish_refused(client, draft, admin_user):
    login(client, admin_user)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={draft.pk}")
    assert not DisclosurePage.objects.get(pk=draft.pk).live


def test_dashboard_and_menu_show_the_queue(client, in_review, reviewer):
    login(client, reviewer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "待我审查" in home and "保密审查" in home
    queue = client.get(reverse("review:queue"))
    assert queue.status_code == 200 and len(queue.context["rows"]) == 1


def test_page_header_links_to_review_record(client, draft, editor_a):
    login(client, editor_a)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert reverse("review:page", args=[draft.pk]) in response.content.decode()
