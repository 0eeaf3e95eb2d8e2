"""Each department's files sit in its own collection: other departments' editors cannot see
a draft's attachments before the confidentiality review has let them out (先审查、后公开)."""

import importlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.documents.models import Document
from wagtail.models import Collection, GroupCollectionPermission

from tests.factories import review_through
from xxgk.api.services import create_draft, create_token
from xxgk.disclosures.services import create_disclosure
from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 department file"
CHOOSER_RESULTS = "/admin/documents/chooser/results/"
migration = importlib.import_module("xxgk.orgs.migrations.0003_file_documents_by_department")


def _document(title, collection):
    return Document.objects.create(
        title=title, file=ContentFile(PDF, name="file.pdf"), collection=collection
    )


def _draft_with_attachment(editor, item, department, title):
    document = _document(title, department.collection)
    page = create_disclosure(
        user=editor,
        item=item,
        title=title,
        publishing_department=department,
        body="<p>草稿。</p>",
        documents=[document],
    )
    return page, document


def _download(client, document):
    response = client.get(document.url)
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PDF
    return response.status_code


@pytest.fixture
def drafts(editor_a, editor_b, item_a, item_b, dept_a, dept_b):
    """One draft per department, each with an attachment in its department's collection."""
    return {
        "a": _draft_with_attachment(editor_a, item_a, dept_a, "招生附件甲"),
        "b": _draft_with_attachment(editor_b, item_b, dept_b, "预算附件乙"),
    }


def test_department_has_its_own_collection_which_follows_its_name(dept_a, dept_b):
    root = Collection.get_first_root_node()
    assert dept_a.collection.name == "招生办公室"
    assert dept_a.collection.get_parent() == root
    assert dept_a.collection != dept_b.collection
    dept_a.name = "招生就业处"
    dept_a.save()
    dept_a.collection.refresh_from_db()
    assert dept_a.collection.name == "招生就业处"


def test_editors_hold_file_rights_on_their_own_collection_only(dept_a):
    editors = Group.objects.get(name=ROLE_GROUP_NAMES[Role.EDITOR])
    assert not GroupCollectionPermission.objects.filter(group=editors).exists()
    granted = GroupCollectionPermission.objects.filter(group=dept_a.editor_group)
    assert {(g.collection_id, g.permission.codename) for g in granted} == {
        (dept_a.collection_id, codename)
        for codename in ("add_document", "choose_document", "add_image", "choose_image")
    }


def test_editor_cannot_see_another_departments_draft_attachment(client, editor_a, drafts):
    (_, own), (_, other) = drafts["a"], drafts["b"]
    client.force_login(editor_a)
    assert _download(client, own) == 200
    assert _download(client, other) == 404
    listed = client.get(CHOOSER_RESULTS).content.decode()
    assert own.title in listed and other.title not in listed
    assert other.title not in client.get("/admin/documents/").content.decode()


def test_reviewer_and_office_open_every_departments_draft_attachment(
    client, reviewer, office, drafts
):
    for user in (reviewer, office):
        client.force_login(user)
        for _, document in drafts.values():
            assert _download(client, document) == 200
        listed = client.get(CHOOSER_RESULTS).content.decode()
        assert all(document.title in listed for _, document in drafts.values())


def test_published_attachment_is_public(client, editor_a, drafts):
    page, document = drafts["b"]
    assert _download(client, document) == 404
    review_through(page, submitter=page.owner)
    assert _download(client, document) == 200
    client.force_login(editor_a)
    assert _download(client, document) == 200


def test_editor_upload_lands_in_their_departments_collection(client, editor_a, dept_a):
    client.force_login(editor_a)
    upload = SimpleUploadedFile("upload.pdf", PDF, content_type="application/pdf")
    response = client.post(
        "/admin/documents/chooser/create/",
        {"document-chooser-upload-title": "上传件", "document-chooser-upload-file": upload},
    )
    assert response.status_code == 200
    assert Document.objects.get(title="上传件").collection == dept_a.collection


def test_integration_api_files_attachments_in_the_department_collection(office, dept_a, item_a):
    token, _ = create_token(department=dept_a, name="招生系统", by=office)
    page = create_draft(
        token=token, item=item_a, fields={"title": "接口草稿"}, attachments=[("a.pdf", PDF, "")]
    )
    assert page.attachments.get().document.collection == dept_a.collection


def _migration_apps():
    """The models as the migration sees them (historical, no custom methods)."""
    loader = MigrationExecutor(connection).loader
    return loader.project_state(("orgs", "0003_file_documents_by_department")).apps


def _as_before_the_migration(department):
    """A department without a collection, its files in the root, editors granted the root."""
    collection = department.collection
    type(department).objects.filter(pk=department.pk).update(collection=None)
    collection.delete()
    root = Collection.get_first_root_node()
    editors = Group.objects.get(name=ROLE_GROUP_NAMES[Role.EDITOR])
    for app_label, codename in migration.MOVED_GRANTS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.create(
            group=editors, collection=root, permission=permission
        )
    GroupCollectionPermission.objects.filter(group=department.editor_group).delete()
    return root, editors


def test_migration_files_existing_attachments_by_department(editor_a, item_a, dept_a):
    attached = _document("旧附件", Collection.get_first_root_node())
    create_disclosure(
        user=editor_a, item=item_a, title="旧草稿", body="<p>正文</p>", documents=[attached]
    )
    loose = _document("未挂接", Collection.get_first_root_node())
    root, editors = _as_before_the_migration(dept_a)
    apps = _migration_apps()

    migration.file_documents_by_department(apps, None)

    dept_a.refresh_from_db()
    assert dept_a.collection.name == dept_a.name
    assert dept_a.collection.get_parent() == root
    attached.refresh_from_db()
    loose.refresh_from_db()
    assert attached.collection == dept_a.collection
    assert loose.collection == root
    assert not GroupCollectionPermission.objects.filter(group=editors).exists()
    assert GroupCollectionPermission.objects.filter(
        group=dept_a.editor_group, collection=dept_a.collection
    ).count() == len(migration.MOVED_GRANTS)

    migration.return_documents_to_root(apps, None)

    attached.refresh_from_db()
    assert attached.collection == root
    assert not Collection.objects.filter(depth=2).exists()
    assert GroupCollectionPermission.objects.filter(group=editors, collection=root).count() == len(
        migration.MOVED_GRANTS
    )
    root.refresh_from_db()
    assert root.numchild == 0
