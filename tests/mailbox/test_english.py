"""The mailbox in English (issue 20): the mailboxes, writing a letter and its errors, the
receipt and the tracker, and the office's list, letter page and statistics. Only <main> is
checked; the site chrome belongs to the base templates."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.cases.english import chinese_in_main, english, solved_challenge
from xxgk.mailbox import services
from xxgk.mailbox.models import Letter

pytestmark = pytest.mark.django_db


def content(mailbox, letter_data, *more):
    """What the tests write: the mailbox, its category and the letter, shown as written."""
    category = mailbox.categories.get().name
    return [
        mailbox.name,
        category,
        letter_data["writer_name"],
        letter_data["subject"],
        letter_data["message"],
        *more,
    ]


def test_public_pages_in_english(client, mailbox, letter_data, django_capture_on_commit_callbacks):
    english(client)
    written = content(mailbox, letter_data)
    for url in (reverse("mailbox:index"), reverse("mailbox:mailbox", args=[mailbox.slug])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert chinese_in_main(response, *written) == [], url

    write = reverse("mailbox:write", args=[mailbox.slug])
    form = client.get(write)
    assert "Write to" in form.content.decode()
    left = chinese_in_main(form, *written)
    assert left == [], left
    invalid = client.post(write, {"subject": "", "message": "short"})
    assert invalid.status_code in (200, 400)
    assert "Enter a title." in invalid.content.decode()
    left = chinese_in_main(invalid, *written)
    assert left == [], left

    with django_capture_on_commit_callbacks(execute=True):
        client.post(write, {**letter_data, **solved_challenge()})
    receipt = client.get(reverse("mailbox:receipt"))
    left = chinese_in_main(receipt, *written)
    assert left == [], left
    letter = Letter.objects.get()
    # The acknowledgement goes out in the writer's language.
    assert "We have received your letter" in mail.outbox[0].subject

    code = receipt.context["receipt"]["code"]
    track = client.get(reverse("mailbox:track"))
    left = chinese_in_main(track)
    assert left == [], left
    tracked = client.post(reverse("mailbox:track"), {"number": letter.number, "code": code})
    assert "Awaiting assignment" in tracked.content.decode()
    left = chinese_in_main(tracked, *written)
    assert left == [], left


def test_public_pages_still_chinese_by_default(client, mailbox):
    assert "我要写信" in client.get(reverse("mailbox:index")).content.decode()


def test_office_pages_in_english(client, office, mailbox, letter_data, category, dept_a):
    data = {**letter_data, "category": category}
    letter = services.submit_letter(mailbox=mailbox, data=data)[0]
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    client.force_login(office)
    english(client)
    notes = [e.note for e in letter.events.all() if e.note]
    written = content(mailbox, letter_data, dept_a.name, office.get_full_name(), *notes)
    for url in (
        reverse("mailbox_admin:list"),
        reverse("mailbox_admin:letter", args=[letter.pk]),
        reverse("mailbox_admin:statistics"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert chinese_in_main(response, *written) == [], url


def test_office_pages_still_chinese_by_default(client, office, mailbox, letter_data, category):
    data = {**letter_data, "category": category}
    letter = services.submit_letter(mailbox=mailbox, data=data)[0]
    client.force_login(office)
    page = client.get(reverse("mailbox_admin:letter", args=[letter.pk])).content.decode()
    assert "办理记录" in page
