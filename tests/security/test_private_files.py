"""Private files: letters' attachments outside MEDIA_ROOT, drafts' documents not public."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents.models import Document

from tests.factories import published_disclosure
from tests.mailbox.helpers import solved_challenge
from xxgk.core.storage import private_storage
from xxgk.disclosures.services import create_disclosure
from xxgk.mailbox.models import LetterAttachment
from xxgk.review.services import withdraw_disclosure

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 private"


def _send_letter(client, mailbox, letter_data):
    upload = SimpleUploadedFile("材料.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("mailbox:write", args=[mailbox.slug]),
        {**letter_data, **solved_challenge(), "attachments": [upload]},
    )
    assert response.status_code == 302
    return LetterAttachment.objects.get()


def test_letter_attachment_is_stored_outside_media_root(client, mailbox, letter_data, settings):
    attachment = _send_letter(client, mailbox, letter_data)
    stored = Path(attachment.file.path).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert stored.read_bytes() == PDF
    assert not stored.is_relative_to(media_root)
    assert stored.is_relative_to(Path(private_storage.location).resolve())
    assert not default_storage.exists(attachment.file.name)
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018 — private files have no public URL


def test_letter_attachment_download_refuses_anonymous_and_other_departments(
    client, mailbox, letter_data, office, editor_b
):
    attachment = _send_letter(client, mailbox, letter_data)  # not yet assigned to anyone
    url = reverse("mailbox_admin:attachment", args=[attachment.pk])
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    client.force_login(editor_b)
    assert client.get(url).status_code == 404
    client.force_login(office)
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db(transaction=True)
def test_migration_moves_existing_attachments_out_of_media_root(
    client, mailbox, letter_data, settings
):
    attachment = _send_letter(client, mailbox, letter_data)
    name = attachment.file.name
    try:
        executor = MigrationExecutor(connection)
        executor.migrate([("mailbox", "0002_encrypt_personal_data")])
        assert default_storage.exists(name) and not private_storage.exists(name)
        executor = MigrationExecutor(connection)
        executor.migrate([("mailbox", "0003_private_attachments")])
        assert private_storage.exists(name) and not default_storage.exists(name)
        assert private_storage.open(name).read() == PDF
    finally:  # back to the latest migrations, as the suite found the database
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


# --- documents of drafts ---------------------------------------------------------------------


def _document(name="plan.pdf", **fields):
    return Document.objects.create(title="附件", file=ContentFile(PDF, name=name), **fields)


def _download(client, document):
    response = client.get(document.url)
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PDF
    return response.status_code


def test_document_of_a_draft_is_not_public(client, editor_a, item_a, dept_a):
    document = _document(collection=dept_a.collection)  # where editor A's uploads land
    create_disclosure(
        user=editor_a,
        item=item_a,
        title="尚未公开",
        publishing_department=dept_a,
        body="<p>草稿。</p>",
        documents=[document],
    )
    assert _download(client, document) == 404
    assert _download(client, _document("loose.pdf")) == 404  # attached to nothing
    client.force_login(editor_a)
    assert _download(client, document) == 200


def test_document_of_a_live_disclosure_is_public_until_withdrawn(client, office, item_a, dept_a):
    document = _document()
    page = published_disclosure(item=item_a, department=dept_a, author=office, documents=[document])
    with CaptureQueriesContext(connection) as queries:
        assert _download(client, document) == 200
    hook_queries = [q for q in queries if "disclosures_disclosureattachment" in q["sql"]]
    assert len(hook_queries) == 1
    withdraw_disclosure(page, user=office, reason="内容有误")
    assert _download(client, document) == 404
    client.force_login(office)
    assert _download(client, document) == 200


def _link(document):
    return f'<p>详见<a linktype="document" id="{document.pk}">附件</a>。</p>'


def test_document_linked_in_a_live_page_text_is_public_until_withdrawn(
    client, office, item_a, dept_a
):
    document = _document()
    page = published_disclosure(item=item_a, department=dept_a, author=office, body=_link(document))
    assert _download(client, document) == 200
    withdraw_disclosure(page, user=office, reason="内容有误")
    assert _download(client, document) == 404


def test_document_linked_only_in_an_unpublished_draft_is_not_public(client, office, item_a, dept_a):
    document = _document()
    page = published_disclosure(item=item_a, department=dept_a, author=office)
    draft = page.get_latest_revision_as_object()
    draft.body = _link(document)
    draft.save_revision(user=office)
    assert _download(client, document) == 404
    client.force_login(office)
    assert _download(client, document) == 200
