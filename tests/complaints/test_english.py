"""Complaints in English (issue 20): the form and its errors, the receipt and the tracker,
and the office's list and case page. Only <main> is checked; the site chrome belongs to the
base templates."""

import pytest
from django.urls import reverse

from tests.cases.english import chinese_in_main, english, solved_challenge
from xxgk.complaints import services
from xxgk.complaints.models import Complaint
from xxgk.orgs.models import Department

pytestmark = pytest.mark.django_db

DATA = {
    "kind": "not_disclosed",
    "subject": "招生章程未按时公开",
    "message": "2022年招生章程在招生开始后仍未在信息公开网公开。",
    "email": "someone@example.com",
}


def content(*more):
    """What the tests wrote (the complaint, the departments), shown as written."""
    departments = list(Department.objects.values_list("name", flat=True))
    return [DATA["subject"], DATA["message"], *departments, *more]


def test_public_pages_in_english(client, dept_a):
    english(client)
    submit = reverse("complaints:submit")
    form = client.get(submit)
    assert "Report a disclosure failure" in form.content.decode()
    left = chinese_in_main(form, *content())
    assert left == [], left
    invalid = client.post(submit, {"subject": "", "message": "short"})
    assert "Please choose the type of complaint." in invalid.content.decode()
    left = chinese_in_main(invalid, *content())
    assert left == [], left

    client.post(submit, {**DATA, "department": dept_a.pk, **solved_challenge()})
    complaint = Complaint.objects.get()
    receipt = client.get(reverse("complaints:receipt"))
    left = chinese_in_main(receipt, *content())
    assert left == [], left
    code = receipt.context["receipt"]["code"]
    track = client.get(reverse("complaints:track"))
    left = chinese_in_main(track)
    assert left == [], left
    tracked = client.post(reverse("complaints:track"), {"number": complaint.number, "code": code})
    assert "Awaiting acceptance" in tracked.content.decode()
    left = chinese_in_main(tracked, *content())
    assert left == [], left


def test_office_pages_in_english(client, office, dept_a):
    complaint = services.submit_complaint(data={**DATA, "department": dept_a})[0]
    services.accept_complaint(complaint, user=office, note="转招生办核实")
    client.force_login(office)
    english(client)
    listing = client.get(reverse("complaints_admin:list"))
    # The annual report's sentence is statutory wording, in Chinese by design.
    sentence = listing.context.get("sentence") or ""
    written = content("转招生办核实", office.get_full_name(), sentence)
    left = chinese_in_main(listing, *written)
    assert left == [], left
    detail = client.get(reverse("complaints_admin:detail", args=[complaint.pk]))
    assert "Under investigation" in detail.content.decode()
    left = chinese_in_main(detail, *written)
    assert left == [], left


def test_pages_still_chinese_by_default(client):
    assert "信息公开工作举报" in client.get(reverse("complaints:submit")).content.decode()
