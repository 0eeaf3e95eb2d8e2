"""Scan on submit, records (PDF/DOCX), withdrawal, notices, audit and figures."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.signals import page_unpublished

from tests.factories import TEST_PASSWORD, published_disclosure, review_through
from tests.review.conftest import approve_kwargs
from xxgk.disclosures.models import DisclosureAttachment, DisclosurePage
from xxgk.disclosures.services import create_disclosure
from xxgk.review.models import Notice, ReviewRecord, Withdrawal
from xxgk.review.selectors import review_figures, review_queue
from xxgk.review.services import decide_review, submit_for_review, withdraw_disclosure

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


@pytest.fixture
def leaky(editor_a, dept_a, item_a, id_list, broken_pdf):
    """A draft whose body has a phone number, with an ID list and an unreadable PDF."""
    return create_disclosure(
        user=editor_a,
        item=item_a,
        title="录取名单",
        publishing_department=dept_a,
        body="<p>说明。</p><p>联系电话 13812345678</p>",
        documents=[id_list, broken_pdf],
    )


def test_scan_on_submit_reports_hits_and_unscannable(leaky, editor_a, reviewer):
    state = submit_for_review(leaky, user=editor_a)
    state.refresh_from_db()
    report = state.current_task_state.revision.scan_report
    locations = {(hit["kind"], hit["location"]) for hit in report.hits}
    assert ("mobile", "正文第2段") in locations
    assert ("resident_id", "附件“录取名单.xlsx”工作表“名单”B2") in locations
    assert [item.name for item in report.unscannable] == ["扫描件.pdf"]
    # The reviewer must acknowledge before approving.
    with pytest.raises(ValidationError, match="核对个人信息扫描结果"):
        decide_review(
            state.current_task_state, user=reviewer, **approve_kwargs(scan_acknowledged=False)
        )
    assert not DisclosurePage.objects.get(pk=leaky.pk).live
    record = decide_review(state.current_task_state, user=reviewer, **approve_kwargs())
    assert record.scan_hit_count == 2 and record.unscannable_count == 1


def test_reviewer_and_editor_see_scan_results(client, leaky, editor_a, reviewer):
    state = submit_for_review(leaky, user=editor_a)
    state.refresh_from_db()
    body = login(client, reviewer).get(reverse("review:decide", args=[state.current_task_state.pk]))
    text = body.content.decode()
    assert "附件“录取名单.xlsx”工作表“名单”B2" in text and "110105********002X" in text
    assert "未能扫描" in text and "11010519491231002X" not in text
    client.logout()
    history = login(client, editor_a).get(reverse("review:page", args=[leaky.pk]))
    assert "正文第2段" in history.content.decode()


def test_review_page_post_flow_and_bad_input(client, in_review, draft, reviewer):
    login(client, reviewer)
    url = reverse("review:decide", args=[in_review.pk])
    assert client.get(reverse("review:queue")).context["rows"][0]["state"] == in_review
    incomplete = client.post(url, {"decision": "approved", "opinion": "同意", "basis": "依据"})
    assert incomplete.status_code == 400
    assert "请逐项回答保密审查清单" in incomplete.content.decode()
    assert not ReviewRecord.objects.exists()
    answers = dict.fromkeys(
        (
            "state_secret",
            "work_secret",
            "commercial_secret",
            "personal_privacy",
            "other_unsuitable",
        ),
        "no",
    )
    done = client.post(url, {"decision": "approved", "opinion": "同意", "basis": "依据", **answers})
    record = ReviewRecord.objects.get()
    assert done.status_code == 302 and done.url == reverse("review:record", args=[record.pk])
    assert DisclosurePage.objects.get(pk=draft.pk).live


def test_editor_cannot_open_review_queue_or_decide(client, in_review, editor_b):
    login(client, editor_b)
    assert client.get(reverse("review:queue")).status_code == 403
    response = client.post(reverse("review:decide", args=[in_review.pk]), {"decision": "approved"})
    assert response.status_code == 403
    assert "保密审查" in response.content.decode() or "无权" in response.content.decode()


def test_submitter_does_not_see_own_item_in_queue(in_review, editor_a):
    assert not review_queue(editor_a).exists()


def test_record_pdf_and_docx(client, in_review, reviewer):
    import docx
    from pypdf import PdfReader

    record = decide_review(in_review, user=reviewer, **approve_kwargs())
    login(client, reviewer)
    pdf = client.get(reverse("review:record_pdf", args=[record.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "保密审查单" in text and "是否涉及国家秘密" in text
    word = client.get(reverse("review:record_docx", args=[record.pk]))
    document = docx.Document(io.BytesIO(word.content))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "是否涉及个人隐私" in cells and "同意公开" in cells and record.number in cells


def test_record_pdf_prints_markup_characters_as_typed(in_review, reviewer):
    """Reviewers type <, > and & (《条例》<第十四条>, R&D): the PDF prints them, not parses them."""
    from pypdf import PdfReader

    from xxgk.review.documents import render_record_pdf

    opinion = "依据<第十四条>，R&D 项目 <b>不涉密</b>，同意公开。"
    record = decide_review(
        in_review, user=reviewer, **approve_kwargs(opinion=opinion, basis="A&B <条例>")
    )
    pdf = render_record_pdf(record)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "<第十四条>" in text and "R&D" in text and "<b>不涉密</b>" in text
    assert "A&B <条例>" in text


def test_record_hidden_from_other_departments(client, in_review, reviewer, editor_b):
    record = decide_review(in_review, user=reviewer, **approve_kwargs())
    login(client, editor_b)
    assert client.get(reverse("review:record_pdf", args=[record.pk])).status_code == 403


def test_notices_on_submission_and_decision(draft, editor_a, reviewer):
    mail.outbox.clear()
    state = submit_for_review(draft, user=editor_a)
    assert reviewer.email in {address for m in mail.outbox for address in m.to}
    assert Notice.objects.filter(recipient=reviewer, message__contains=draft.title).exists()
    state.refresh_from_db()
    decide_review(
        state.current_task_state,
        user=reviewer,
        **approve_kwargs(decision="rejected", opinion="请删除联系人电话"),
    )
    notice = Notice.objects.get(recipient=editor_a)
    assert "退回修改" in notice.message and "请删除联系人电话" in notice.message
    assert any("请删除联系人电话" in m.body and editor_a.email in m.to for m in mail.outbox)


def test_withdrawal(client, office, dept_a, item_a, editor_a):
    page = published_disclosure(item=item_a, department=dept_a, author=office)
    url = page.url
    assert client.get(url).status_code == 200
    received = []

    def listener(sender, instance, **kwargs):
        received.append(instance.pk)

    page_unpublished.connect(listener)
    try:
        with pytest.raises(PermissionDenied):
            withdraw_disclosure(page, user=editor_a, reason="错误")
        with pytest.raises(ValidationError, match="撤回原因"):
            withdraw_disclosure(page, user=office, reason="")
        assert DisclosurePage.objects.get(pk=page.pk).live
        withdrawal = withdraw_disclosure(page, user=office, reason="内容有误，需重新审查")
    finally:
        page_unpublished.disconnect(listener)
    assert received == [page.pk]
    assert client.get(url).status_code == 404
    assert Withdrawal.objects.get() == withdrawal
    entry = PageLogEntry.objects.get(page=page, action="xxgk_review.withdraw")
    assert entry.data["comment"] == "内容有误，需重新审查" and entry.user == office
    login(client, office)
    assert client.get(reverse("review:page", args=[page.pk])).context["status_label"] == "已撤回"


def test_wagtail_unpublish_is_refused_withdrawal_takes_a_reason(client, office, dept_a, item_a):
    page = published_disclosure(item=item_a, department=dept_a, author=office)
    login(client, office)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 403
    assert DisclosurePage.objects.get(pk=page.pk).live
    # The editor's action menu offers the withdrawal instead.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("review:withdraw", args=[page.pk]) in edit
    assert reverse("wagtailadmin_pages:unpublish", args=[page.pk]) not in edit
    response = client.post(reverse("review:withdraw", args=[page.pk]), {"reason": ""})
    assert response.status_code == 400 and "请填写撤回原因" in response.content.decode()
    client.post(reverse("review:withdraw", args=[page.pk]), {"reason": "过期"})
    assert not DisclosurePage.objects.get(pk=page.pk).live


def test_audit_trail_per_page_and_site_wide(client, in_review, draft, reviewer, office):
    decide_review(in_review, user=reviewer, **approve_kwargs(decision="rejected", opinion="需修改"))
    entries = PageLogEntry.objects.filter(page=draft, action__startswith="xxgk_review.")
    submit = entries.get(action="xxgk_review.submit")
    assert submit.data["from"] == "草稿" and submit.data["to"] == "待保密审查"
    reject = entries.get(action="xxgk_review.reject")
    assert (reject.user, reject.data["to"], reject.data["comment"]) == (
        reviewer,
        "被退回",
        "需修改",
    )
    login(client, office)
    site = client.get(reverse("review:audit")).content.decode()
    assert "审查退回" in site and "需修改" in site
    page_view = client.get(reverse("review:page", args=[draft.pk])).content.decode()
    assert "提交保密审查" in page_view and "被退回" in page_view


def test_review_figures(office, dept_a, item_a, editor_a):
    approved = published_disclosure(item=item_a, department=dept_a, author=office, title="甲")
    page = create_disclosure(
        user=editor_a, item=item_a, title="乙", publishing_department=dept_a, body="<p>x</p>"
    )
    review_through(page, submitter=editor_a, decision="rejected", opinion="退回")
    withdraw_disclosure(approved, user=office, reason="撤回")
    today = datetime.date.today()
    figures = review_figures(today - datetime.timedelta(days=1), today + datetime.timedelta(days=1))
    assert figures.as_dict() == {"reviews": 2, "approved": 1, "rejected": 1, "withdrawals": 1}
    assert review_figures(datetime.date(2000, 1, 1), datetime.date(2000, 12, 31)).reviews == 0


def test_editor_status_filters(client, draft, editor_a, office, dept_a, item_a):
    other = create_disclosure(
        user=editor_a, item=item_a, title="被退回的", publishing_department=dept_a, body="<p>x</p>"
    )
    review_through(other, submitter=editor_a, decision="rejected", opinion="退回")
    login(client, editor_a)
    drafts = client.get(reverse("review:mine") + "?status=draft").context["pages"]
    assert [p.pk for p in drafts] == [draft.pk]
    rejected = client.get(reverse("review:mine") + "?status=rejected").context["pages"]
    assert [p.pk for p in rejected] == [other.pk]


def test_attachment_only_disclosure_can_be_submitted(editor_a, dept_a, item_a, id_list):
    page = create_disclosure(
        user=editor_a,
        item=item_a,
        title="仅附件",
        publishing_department=dept_a,
        documents=[id_list],
    )
    assert DisclosureAttachment.objects.filter(page=page).exists()
    submit_for_review(page, user=editor_a)
