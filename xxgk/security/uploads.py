"""The one check every upload passes: allowed extension, size, and content that matches it.

The extension alone proves nothing, so the first bytes are sniffed: PDF, PNG and JPEG by
their signatures, DOCX/XLSX as ZIP archives holding the Office Open XML part that names
them (and that do not expand too far: xxgk.core.textextract.check_package), DOC/XLS as OLE
compound files. HTML, SVG and scripts are never on the list.
"""

import re
import unicodedata
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from xxgk.core.textextract import validate_package

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURES = {
    "pdf": b"%PDF",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "doc": OLE_SIGNATURE,
    "xls": OLE_SIGNATURE,
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
}
# The part an Office Open XML package must hold to be what its extension says.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
DEFAULT_EXTENSIONS = tuple(SIGNATURES)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def sniff_matches(upload, extension: str) -> bool:
    """Whether the file's content is of the kind its extension claims."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(SIGNATURES[extension]):
        return False
    part = OOXML_PARTS.get(extension)
    if part is None:
        return True
    try:
        with zipfile.ZipFile(upload) as archive:
            return part in archive.namelist() and "[Content_Types].xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def validate_upload(upload, *, extensions=DEFAULT_EXTENSIONS, max_bytes=DEFAULT_MAX_BYTES):
    """Raises ValidationError (in the active language) unless the upload is allowed; returns it."""
    extension = extension_of(upload.name)
    if extension not in extensions or extension not in SIGNATURES:
        allowed = pgettext("list separator", "、").join(e.upper() for e in extensions)
        raise ValidationError(
            _("“%(name)s”的文件类型不允许，只接受 %(allowed)s 文件。")
            % {"name": upload.name, "allowed": allowed}
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s”超过 %(mb)d MB 的大小限制。")
            % {"name": upload.name, "mb": max_bytes // (1024 * 1024)}
        )
    if not sniff_matches(upload, extension):
        raise ValidationError(_("“%(name)s”的内容与扩展名不符。") % {"name": upload.name})
    if extension in OOXML_PARTS:
        validate_package(upload, upload.name)  # before anything parses it
    return upload


UNSAFE_NAME_CHARACTERS = re.compile(r"[^\w.\-()（）]+")
# Anything longer after the last dot is part of the name, not a file type.
MAX_EXTENSION_LENGTH = 10


def safe_filename(name: str, *, max_length: int = 100) -> str:
    """A stored name without paths, control characters or shell-unfriendly characters."""
    base = PurePath(unicodedata.normalize("NFKC", name or "").replace("\\", "/")).name
    stem, dot, extension = base.rpartition(".")
    if not dot or len(extension) > MAX_EXTENSION_LENGTH:
        # No usable extension: no dot may remain either, or sanitising the name a second time
        # would find a (shorter) extension in it and change the name again.
        stem, extension = base.replace(".", "_"), ""
    extension = UNSAFE_NAME_CHARACTERS.sub("", extension.lower())
    room = max_length - len(extension) - 1 if extension else max_length
    stem = UNSAFE_NAME_CHARACTERS.sub("_", stem).strip("._")[:room].rstrip("._") or "file"
    return f"{stem}.{extension}" if extension else stem
