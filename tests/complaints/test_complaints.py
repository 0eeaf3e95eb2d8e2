import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.mailbox.helpers import solved_challenge
from xxgk.complaints import services
from xxgk.complaints.models import Complaint, ComplaintResult, ComplaintStatus
from xxgk.complaints.selectors import complaint_figures, complaint_sentence

pytestmark = pytest.mark.django_db

DATA = {
    "kind": "not_disclosed",
    "subject": "招生章程未按时公开",
    "message": "2022年招生章程在招生开始后仍未在信息公开网公开。",
    "email": "someone@example.com",
}


@pytest.fixture
def complaint(db):
    return services.submit_complaint(data=dict(DATA))[0]


def test_public_intake_receipt_and_tracking(client, dept_a):
    response = client.post(
        reverse("complaints:submit"), {**DATA, "department": dept_a.pk, **solved_challenge()}
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.number.startswith("JB-") and complaint.department == dept_a
    code = client.get(reverse("complaints:receipt")).context["receipt"]["code"]
    tracked = client.post(reverse("complaints:track"), {"number": complaint.number, "code": code})
    assert tracked.status_code == 200 and "待受理" in tracked.content.decode()
    assert (
        client.post(
            reverse("complaints:track"), {"number": complaint.number, "code": "XXXXXXXX"}
        ).status_code
        == 404
    )


def test_bad_complaints_are_refused(client):
    response = client.post(
        reverse("complaints:submit"),
        {**DATA, "kind": "", "page_url": "not a url", **solved_challenge()},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "请选择举报类型" in errors["kind"][0]
    assert "page_url" in errors
    assert not Complaint.objects.exists()
    # Every attempt counts against the limit of three an hour, the refused one too.
    for _ in range(2):
        client.post(reverse("complaints:submit"), {**DATA, **solved_challenge()})
    blocked = client.post(reverse("complaints:submit"), {**DATA, **solved_challenge()})
    assert blocked.status_code == 429
    assert "提交过于频繁" in blocked.content.decode()
    assert Complaint.objects.count() == 2


def test_handling_record_and_figures(
    complaint, office, editor_a, django_capture_on_commit_callbacks
):
    with pytest.raises(PermissionDenied):
        services.accept_complaint(complaint, user=editor_a)
    services.accept_complaint(complaint, user=office, note="转招生办核实")
    services.add_investigation_note(complaint, user=office, note="招生办称已于次日公开")
    with pytest.raises(ValidationError, match="须填写整改措施"):
        services.conclude_complaint(
            complaint,
            user=office,
            investigation="核实属实",
            result=ComplaintResult.SUBSTANTIATED,
            reply="属实",
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.conclude_complaint(
            complaint,
            user=office,
            investigation="公开延迟3天",
            result=ComplaintResult.SUBSTANTIATED,
            rectification="已公开并建立提醒",
            rectified_on=datetime.date.today(),
            reply="经核实，招生章程公开延迟，已整改。",
        )
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.CONCLUDED and complaint.handler == office
    assert mail.outbox[-1].to == ["someone@example.com"]
    assert list(complaint.events.values_list("action", flat=True)) == [
        "received",
        "accepted",
        "note",
        "concluded",
        "notified",
    ]
    today = datetime.date.today()
    figures = complaint_figures(today - datetime.timedelta(days=1), today)
    assert figures["received"] == figures["accepted"] == figures["substantiated"] == 1
    assert figures["rectified"] == 1 and figures["by_kind"] == {"not_disclosed": 1}
    assert "受理因学校信息公开工作的举报1件" in complaint_sentence(figures)


def test_rejected_complaints_are_not_counted_as_accepted(complaint, office):
    with pytest.raises(ValidationError):
        services.reject_complaint(complaint, user=office, reason="")
    services.reject_complaint(complaint, user=office, reason="属于招生信访，已转有关部门")
    with pytest.raises(ValidationError):
        services.accept_complaint(complaint, user=office)
    today = datetime.date.today()
    figures = complaint_figures(today, today)
    assert figures["received"] == 1 and figures["accepted"] == 0 and figures["rejected"] == 1
    assert complaint_sentence(figures) == "本学年，没有因学校信息公开工作受到举报的情况。"


def test_admin_handling_and_permissions(client, complaint, office, editor_a, supervisor):
    client.force_login(editor_a)
    assert client.get(reverse("complaints_admin:list")).status_code == 403
    client.force_login(supervisor)
    detail = client.get(reverse("complaints_admin:detail", args=[complaint.pk]))
    assert detail.status_code == 200 and detail.context["forms"] == {}
    assert "someone@example.com" not in detail.content.decode()
    url = reverse("complaints_admin:action", args=[complaint.pk, "accept"])
    assert client.post(url, {"accept-note": ""}).status_code == 403
    client.force_login(office)
    assert client.post(url, {"accept-note": "受理"}).status_code == 302
    conclude = reverse("complaints_admin:action", args=[complaint.pk, "conclude"])
    bad = client.post(conclude, {"conclude-result": "partly", "conclude-investigation": "x"})
    assert bad.status_code == 400
    assert "须填写整改措施" in bad.content.decode()
    assert Complaint.objects.get().status == ComplaintStatus.INVESTIGATING
    listing = client.get(reverse("complaints_admin:list"))
    assert listing.status_code == 200 and complaint.number in listing.content.decode()
