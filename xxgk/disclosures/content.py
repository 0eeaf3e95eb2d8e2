"""Making outside content safe to store: files become Wagtail documents, HTML is cleaned.

Shared by the integration API and the site importer. Files: only the extensions the
document library accepts, within a size limit, and only if the bytes really are that kind
of file (an .exe renamed to .pdf is refused). HTML: reduced to what the rich-text editor
itself can hold, so nothing a reviewer cannot see in the editor reaches the public page.
"""

import io
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.documents import get_document_model
from wagtail.rich_text import features

from xxgk.core.textextract import OOXML_EXTENSIONS, validate_package

MAX_ATTACHMENT_BYTES = getattr(settings, "XXGK_MAX_ATTACHMENT_BYTES", 20 * 1024 * 1024)

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": _ZIP,
    "xlsx": _ZIP,
    "doc": _OLE,
    "xls": _OLE,
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}


def allowed_extensions() -> list[str]:
    return [ext for ext in settings.WAGTAILDOCS_EXTENSIONS if ext in SIGNATURES]


def check_attachment(filename: str, data: bytes, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> str:
    """Return the file's extension, or raise ValidationError with a Chinese message."""
    name = os.path.basename(filename or "").strip()
    ext = os.path.splitext(name)[1].lower().lstrip(".")
    if not name or ext not in allowed_extensions():
        raise ValidationError(
            _("附件“%(name)s”的类型不允许，只接受：%(allowed)s。")
            % {"name": name or filename, "allowed": "、".join(allowed_extensions())},
            code="attachment_type",
        )
    if not data:
        raise ValidationError(
            _("附件“%(name)s”是空文件。") % {"name": name}, code="attachment_empty"
        )
    if len(data) > max_bytes:
        raise ValidationError(
            _("附件“%(name)s”超过 %(limit)s MB 的大小限制。")
            % {"name": name, "limit": max_bytes // (1024 * 1024)},
            code="attachment_too_large",
        )
    if not data.startswith(SIGNATURES[ext]):
        raise ValidationError(
            _("附件“%(name)s”的内容与扩展名 .%(ext)s 不符。") % {"name": name, "ext": ext},
            code="attachment_content",
        )
    if ext in OOXML_EXTENSIONS:
        validate_package(io.BytesIO(data), name)
    return ext


def make_document(filename: str, data: bytes, *, collection, title: str = "", user=None):
    """Store checked bytes as a document in a collection (the publishing department's, so
    other departments cannot see it before it is published) and return it."""
    check_attachment(filename, data)
    name = os.path.basename(filename)
    Document = get_document_model()
    document = Document(
        title=(title or os.path.splitext(name)[0])[:255],
        uploaded_by_user=user,
        collection=collection,
    )
    document.file.save(name, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def clean_html(html: str) -> str:
    """Whitelist HTML to the default rich-text features (scripts, styles, handlers dropped)."""
    if not (html or "").strip():
        return ""
    converter = EditorHTMLConverter(features=features.get_default_features())
    return converter.to_database_format(html)
