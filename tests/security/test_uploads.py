"""The shared upload check, and Wagtail's document form wired to it."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from bench.bombs import docx_bomb
from xxgk.security.uploads import safe_filename, validate_upload

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16


def ooxml(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("报告.pdf", PDF),
        ("图.png", PNG),
        ("照片.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 16),
        ("表.xls", OLE),
        ("文.doc", OLE),
        ("文.docx", ooxml("word/document.xml")),
        ("表.xlsx", ooxml("xl/workbook.xml")),
    ],
)
def test_allowed_kinds_pass(name, content):
    file = upload(name, content)
    assert validate_upload(file) is file
    assert file.read() == content  # left at the start for whoever stores it


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script>", "类型不允许"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "类型不允许"),
        ("run.js", b"alert(1)", "类型不允许"),
        ("noext", PDF, "类型不允许"),
        ("fake.pdf", b"<html>not a pdf</html>", "内容与扩展名不符"),
        ("fake.png", PDF, "内容与扩展名不符"),
        ("sheet.docx", ooxml("xl/workbook.xml"), "内容与扩展名不符"),
        ("zip.xlsx", b"PK\x03\x04garbage", "内容与扩展名不符"),
    ],
)
def test_disallowed_or_disguised_files_are_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        validate_upload(upload(name, content))


def test_size_limit_and_narrower_allow_list():
    with pytest.raises(ValidationError, match="大小限制"):
        validate_upload(upload("big.pdf", PDF + b"0" * 2 * 1024 * 1024), max_bytes=1024 * 1024)
    with pytest.raises(ValidationError, match="只接受 PDF 文件"):
        validate_upload(upload("图.png", PNG), extensions=("pdf",))


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\x\\报告 2024.PDF", "报告_2024.pdf"),
        ("a<script>.pdf", "a_script.pdf"),
        ("..pdf", "file.pdf"),
        ("", "file"),
    ],
)
def test_safe_filename(raw, clean):
    assert safe_filename(raw) == clean


@pytest.mark.django_db
def test_wagtail_document_upload_is_checked_and_served_as_download(client, office):
    from django.contrib.auth.models import Permission
    from wagtail.documents.models import Document
    from wagtail.models import Collection, GroupCollectionPermission

    for codename in ("add_document", "change_document", "choose_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=office.groups.first(),
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    client.force_login(office)
    refused = client.post(
        "/admin/documents/add/",
        {"title": "伪装", "file": upload("x.pdf", b"<html><script>alert(1)</script>")},
    )
    assert refused.status_code == 200
    assert "内容与扩展名不符" in refused.content.decode()
    assert not Document.objects.exists()

    accepted = client.post(
        "/admin/documents/add/",
        {"title": "报告", "file": upload("../年度 报告.pdf", PDF), "collection": 1},
    )
    assert accepted.status_code == 302, accepted.content.decode()[:2000]
    document = Document.objects.get()
    assert document.filename == "年度_报告.pdf"
    served = client.get(document.url)
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"


def xlsx_bomb() -> bytes:
    """An XLSX whose sheet inflates far beyond its size (the DOCX bomb's spreadsheet twin)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<row/>" * 2_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"), [("名单.docx", docx_bomb()), ("表.xlsx", xlsx_bomb())]
)
def test_decompression_bombs_are_refused_on_every_upload_path(name, content):
    from xxgk.disclosures.content import check_attachment
    from xxgk.importer.manifest import read_manifest
    from xxgk.registers.imports import read_table

    message = "解压后过大或压缩比异常"
    with pytest.raises(ValidationError, match=message):
        validate_upload(upload(name, content))
    with pytest.raises(ValidationError, match=message):
        check_attachment(name, content)  # integration API and site import attachments
    if name.endswith(".xlsx"):
        for read in (read_manifest, read_table):  # the office's spreadsheet imports
            with pytest.raises(ValidationError, match=message):
                read(name, content)


@pytest.mark.django_db
def test_public_forms_refuse_a_bomb_and_store_nothing(client, mailbox, letter_data):
    from tests.mailbox.helpers import solved_challenge
    from xxgk.mailbox.models import Letter, LetterAttachment

    response = client.post(
        f"/mailbox/{mailbox.slug}/write/",
        {**letter_data, **solved_challenge(), "attachments": [upload("名单.docx", docx_bomb())]},
    )
    assert response.status_code == 400 and "解压后过大或压缩比异常" in response.text
    assert not Letter.objects.exists() and not LetterAttachment.objects.exists()
