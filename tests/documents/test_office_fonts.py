"""The office's licensed fonts (设置 → 公文版式与字体): checked on upload, kept private, embedded
in every generated PDF from the next document on, role by role, with Debian's fonts where
none is uploaded; only the office may change them."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.documents import fonts as test_fonts
from tests.documents.checks import assert_fonts_embedded, assert_pdfa_2b, fonts
from xxgk.core.documents.fonts import read_font
from xxgk.core.models import DocumentSettings
from xxgk.core.storage import private_storage
from xxgk.requests import letters

pytestmark = pytest.mark.django_db

URL = "/admin/settings/core/documentsettings/"
ROLES = ("title", "body", "heading", "subheading")
DEBIAN_FONTS = ("UMingCN", "UKaiCN", "WenQuanYiZenHei")


@pytest.fixture(scope="module")
def office_font():
    return test_fonts.office_font()


def letter() -> bytes:
    return letters.pdf_bytes(
        "政府信息公开申请答复告知书", "张三：\n\n经审查，现答复如下：予以公开。"
    )


def edit_url(client) -> str:
    response = client.get(URL)
    assert response.status_code == 302  # Wagtail opens the row's own page
    return response["Location"]


def stored_fonts() -> list[str]:
    try:
        return private_storage.listdir("fonts")[1]
    except FileNotFoundError:
        return []


def upload(data: bytes, name: str = "仿宋_GB2312.ttf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="font/ttf")


def test_office_uploads_fonts_and_every_pdf_embeds_them(client, office, office_font, settings):
    font, postscript_name = office_font
    before = letter()
    assert {name.split("+")[1].rsplit("-", 1)[0] for name, _ in fonts(before)} <= set(DEBIAN_FONTS)
    client.force_login(office)
    url = edit_url(client)
    page = client.get(url)
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    assert "公文版式与字体" in page.text and "正文字体（如仿宋_GB2312）" in page.text
    response = client.post(
        url, {"layout": "official", **{f"{role}_font": upload(font) for role in ROLES}}
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    # Stored outside MEDIA_ROOT, with no URL: a licensed file is not handed to the public.
    row = DocumentSettings.load()
    path = Path(row.body_font.path).resolve()
    assert path.is_relative_to(Path(private_storage.location).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        row.body_font.url  # noqa: B018

    # The next letter, in this process, without a restart: only the office's font, embedded.
    after = letter()
    assert_fonts_embedded(after)
    assert_pdfa_2b(after)
    names = [name for name, _ in fonts(after)]
    assert names and all(name.split("+")[1] == postscript_name for name in names), names
    assert not any(debian in name for name in names for debian in DEBIAN_FONTS)


def test_each_role_falls_back_alone_and_a_new_upload_is_used_at_once(office_font):
    font, first_name = office_font
    row = DocumentSettings.load()
    row.body_font.save("body.ttf", ContentFile(font))
    data = letter()
    names = {name.split("+")[1] for name, _ in fonts(data)}
    # The body in the office's font, the title still in Debian's (no title font uploaded).
    assert names == {first_name, "UMingCN-0"}

    second, second_name = test_fonts.renamed(font, "XxgkSecond")
    row = DocumentSettings.load()
    row.body_font.save("body2.ttf", ContentFile(second))
    names = {name.split("+")[1] for name, _ in fonts(letter())}
    assert names == {second_name, "UMingCN-0"}

    # A font gone from storage (restored without it) falls back instead of failing.
    private_storage.delete(DocumentSettings.load().body_font.name)
    row = DocumentSettings.load()
    row.save()  # a new stamp: the cache reads the setting again
    assert {name.split("+")[1] for name, _ in fonts(letter())} == {"UMingCN-0"}


def restricted(font):
    return test_fonts.with_fs_type(font, 0x0002)


def no_subsetting(font):
    return test_fonts.with_fs_type(font, 0x0100)


REFUSED = {
    "not_a_font": (lambda font: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 2000, "不是字体文件"),
    "cff": (
        lambda font: b"OTTO" + b"\0" * 2000,
        "PostScript（CFF）轮廓",
    ),
    "restricted": (restricted, "禁止嵌入"),
    "no_subsetting": (no_subsetting, "只允许完整嵌入或位图嵌入"),
    "no_cjk": (lambda font: test_fonts.DEJAVU.read_bytes(), "缺少中文字形（如“公开"),
    "corrupt": (lambda font: font[:5000], "文件可能已损坏"),
    "too_large": (lambda font: font, "字体文件过大"),
}


@pytest.mark.parametrize("kind", REFUSED)
def test_refused_uploads_say_why_in_chinese_and_store_nothing(
    client, office, office_font, settings, kind
):
    if kind == "too_large":
        settings.XXGK_FONT_MAX_BYTES = 1024 * 1024
    make, message = REFUSED[kind]
    client.force_login(office)
    url = edit_url(client)
    stamp = DocumentSettings.load().changed_at
    response = client.post(url, {"layout": "plain", "body_font": upload(make(office_font[0]))})
    assert response.status_code == 200  # the form again, with the reason under the field
    assert message in response.text
    assert stored_fonts() == []
    row = DocumentSettings.load()
    assert (row.layout, row.body_font.name, row.changed_at) == ("official", "", stamp)


def test_a_collection_without_a_truetype_face_is_refused_with_the_reason():
    with pytest.raises(ValidationError) as refused:
        read_font(test_fonts.NOTO_CJK.read_bytes())
    assert refused.value.code == "cff"
    assert refused.value.messages[0].startswith("字体集（.ttc）中没有可用的字体：")
    # A collection with TrueType faces is accepted with its first usable one.
    assert read_font(test_fonts.UKAI.read_bytes()).index == 0


def test_clearing_a_font_falls_back_and_removes_the_file(client, office, office_font):
    row = DocumentSettings.load()
    row.body_font.save("body.ttf", ContentFile(office_font[0]))
    assert stored_fonts() == ["body.ttf"]
    client.force_login(office)
    response = client.post(edit_url(client), {"layout": "official", "body_font-clear": "on"})
    assert response.status_code == 302
    assert DocumentSettings.load().body_font.name == ""
    assert stored_fonts() == []  # a licence that lapsed leaves no copy behind
    assert {name.split("+")[1] for name, _ in fonts(letter())} == {"UMingCN-0"}


@pytest.mark.parametrize("role", ["editor_a", "reviewer", "supervisor", "leader"])
def test_only_the_office_changes_layout_and_fonts(client, office_font, role, request):
    row = DocumentSettings.load()
    url = f"{URL}{row.pk}/"
    client.force_login(request.getfixturevalue(role))
    assert client.get(url).status_code == 403
    response = client.post(url, {"layout": "plain", "body_font": upload(office_font[0])})
    assert response.status_code == 403
    after = DocumentSettings.load()
    assert (after.layout, after.body_font.name, after.changed_at) == (
        "official",
        "",
        row.changed_at,
    )
    assert stored_fonts() == []
