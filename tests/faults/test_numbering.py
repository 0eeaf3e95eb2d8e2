"""Numbers are taken in the same transaction as the row they number: a submission that fails
half-way gives its number back, so the year's sequence has no gaps (both databases)."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.requests.conftest import applicant
from xxgk.mailbox.models import Letter, Mailbox
from xxgk.mailbox.services import submit_letter
from xxgk.requests.models import Application
from xxgk.requests.services import create_application

pytestmark = pytest.mark.django_db


def test_a_failed_application_leaves_no_gap():
    with (
        mock.patch("xxgk.requests.services._store_files", side_effect=OSError("disk full")),
        pytest.raises(OSError),
    ):
        create_application(data=applicant(), files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4")])
    assert not Application.objects.exists()
    application, _ = create_application(data=applicant())
    assert application.number.endswith("-000001")


def test_a_failed_letter_leaves_no_gap(dept_a):
    mailbox = Mailbox.objects.create(
        name="校长信箱", slug="president", number_prefix="XZ", default_department=dept_a
    )
    data = {"writer_name": "李四", "subject": "建议", "message": "建议延长图书馆开放时间。"}
    with (
        mock.patch("xxgk.mailbox.services._record", side_effect=RuntimeError("crash")),
        pytest.raises(RuntimeError),
    ):
        submit_letter(mailbox=mailbox, data=data)
    assert not Letter.objects.exists()
    letter, _ = submit_letter(mailbox=mailbox, data=data)
    assert letter.number.endswith("-000001")
