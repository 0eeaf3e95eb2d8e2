"""The fonts of generated PDFs: Debian's free TrueType CJK fonts, or the office's licensed ones.

A school's office usually holds licences for the fonts GB/T 9704 names (方正小标宋简体,
仿宋_GB2312, 黑体, 楷体_GB2312) and may upload them under 设置 → 公文版式与字体, one per role;
every PDF then embeds those (as subsets) and falls back, role by role, to Debian's fonts
(AR PL UMing, AR PL UKai, WenQuanYi Zen Hei; `make system-deps`) where none is uploaded.

An upload is checked here (`read_font`) before it is stored, because reportlab embeds only
TrueType outlines, only fonts whose licence (OS/2 fsType) allows subset embedding, and a font
without Chinese glyphs would print empty boxes in a letter. Registered fonts are cached per
process and keyed by the file and the setting's modification stamp, so a new upload is used
by the next document without a restart.
"""

import hashlib
import io
import logging
import struct
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFile, TTFontParser

logger = logging.getLogger(__name__)

# Debian's fonts: name -> (file, index of the face in the TrueType collection).
FONT_FILES = {
    "UMingCN": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "UKaiCN": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "WenQuanYiZenHei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
CJK_FONT = "UMingCN"  # 明体, standing in for 宋/仿宋
KAI_FONT = "UKaiCN"  # 楷
HEI_FONT = "WenQuanYiZenHei"  # 黑

# The roles a document's text takes a font for; the setting has one file field per role
# (`<role>_font`).
ROLES = ("title", "body", "heading", "subheading")

# Characters every uploaded font must draw: a font for a Chinese letter that lacks them would
# print boxes (a Latin font, a symbol font, a Japanese kana-only subset).
REQUIRED_CHARACTERS = "公开信息申请答复告知书年月日，。"

TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")
# OS/2 fsType (OpenType spec): bits 0-3 the embedding licence, 0x0100 no subsetting, 0x0200
# bitmap embedding only. reportlab always subsets and embeds outlines.
FS_TYPE_RESTRICTED = 0x0002
FS_TYPE_NO_SUBSETTING = 0x0100
FS_TYPE_BITMAP_ONLY = 0x0200


@dataclass(frozen=True)
class Typefaces:
    """The registered font name for each role of a document's text."""

    title: str = CJK_FONT
    body: str = CJK_FONT
    heading: str = HEI_FONT
    subheading: str = KAI_FONT


FALLBACK = Typefaces()


@dataclass(frozen=True)
class FontFace:
    """What `read_font` found: the usable face of the file and its PostScript name."""

    index: int
    postscript_name: str


def register_font(name: str = CJK_FONT) -> str:
    """Register Debian's font `name` (a key of FONT_FILES) once per process and return its
    name for styles and canvases; an uploaded font (registered by `typefaces`) is returned as
    it is. reportlab embeds the glyphs a document uses, not the whole file."""
    if name not in pdfmetrics.getRegisteredFontNames():
        path, index = FONT_FILES[name]
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    return name


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def _face_count(data: bytes, tag: bytes) -> int:
    if tag != b"ttcf":
        return 1
    if len(data) < 12:
        raise ValidationError(_("无法读取该字体文件，文件可能已损坏。"), code="corrupt")
    return struct.unpack(">I", data[8:12])[0]


def _check_face(data: bytes, index: int) -> FontFace:
    """The face `index` of the file, or a ValidationError saying why it cannot be embedded."""
    try:
        parser = TTFontParser(io.BytesIO(data), subfontIndex=index)
    except (TTFError, struct.error, IndexError) as error:
        if "postscript outlines" in str(error):
            raise ValidationError(
                _(
                    "该字体是 PostScript（CFF）轮廓的 OpenType 字体（常见扩展名 .otf），"
                    "生成 PDF 时无法嵌入；请上传 TrueType 轮廓的版本（.ttf）。"
                ),
                code="cff",
            ) from error
        raise ValidationError(_("无法读取该字体文件，文件可能已损坏。"), code="corrupt") from error
    fs_type = 0
    if "OS/2" in parser.table:
        try:
            parser.seek_table("OS/2", 8)  # version, xAvgCharWidth, usWeightClass, usWidthClass
            fs_type = parser.read_ushort()
        except (TTFError, struct.error, IndexError) as error:
            raise ValidationError(
                _("无法读取该字体文件，文件可能已损坏。"), code="corrupt"
            ) from error
    if fs_type & 0x000F == FS_TYPE_RESTRICTED:
        raise ValidationError(
            _(
                "该字体的授权（OS/2 fsType）禁止嵌入其他文件，生成的 PDF 不能使用它；"
                "请向字体厂商索取允许嵌入的版本。"
            ),
            code="restricted",
        )
    if fs_type & (FS_TYPE_NO_SUBSETTING | FS_TYPE_BITMAP_ONLY):
        raise ValidationError(
            _(
                "该字体的授权（OS/2 fsType）只允许完整嵌入或位图嵌入，"
                "而生成的 PDF 只嵌入用到的字形，不能使用它。"
            ),
            code="no_subsetting",
        )
    try:
        face = TTFontFile(io.BytesIO(data), subfontIndex=index)
    except (TTFError, struct.error, IndexError) as error:
        raise ValidationError(_("无法读取该字体文件，文件可能已损坏。"), code="corrupt") from error
    missing = [c for c in REQUIRED_CHARACTERS if not face.charToGlyph.get(ord(c))]
    if missing:
        raise ValidationError(
            _("该字体缺少中文字形（如“%(characters)s”），不能用于中文文书。")
            % {"characters": "".join(missing[:6])},
            code="no_cjk",
        )
    name = face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)
    return FontFace(index=index, postscript_name=name)


def read_font(data: bytes) -> FontFace:
    """Check that `data` is a font every generated PDF can embed and return its usable face:
    TrueType outlines (a TrueType collection needs one such face), a licence that allows
    subset embedding, the Chinese characters of a letter, and no more than
    XXGK_FONT_MAX_BYTES. Raises ValidationError with the reason, in Chinese."""
    limit = settings.XXGK_FONT_MAX_BYTES
    if len(data) > limit:
        raise ValidationError(
            _("字体文件过大（%(size)s MB），上限为 %(limit)s MB。")
            % {"size": _megabytes(len(data)), "limit": _megabytes(limit)},
            code="too_large",
        )
    tag = data[:4]
    if tag == b"OTTO":
        return _check_face(data, 0)  # says why a CFF font cannot be used
    if tag not in (*TRUETYPE_TAGS, b"ttcf"):
        raise ValidationError(
            _("所选文件不是字体文件；请上传 TrueType 字体（.ttf 或 .ttc）。"), code="not_a_font"
        )
    faces = _face_count(data, tag)
    first_error = None
    for index in range(min(faces, 64)):
        try:
            return _check_face(data, index)
        except ValidationError as error:
            first_error = first_error or error
    if tag != b"ttcf" or first_error is None:
        raise first_error or ValidationError(
            _("无法读取该字体文件，文件可能已损坏。"), code="corrupt"
        )
    raise ValidationError(
        _("字体集（.ttc）中没有可用的字体：%(reason)s") % {"reason": first_error.messages[0]},
        code=first_error.code,
    )


def validate_font_file(value) -> None:
    """Model-field validator of an uploaded font (a new upload only: a stored font was checked
    when it came and is not read again on every save of the setting)."""
    if getattr(value, "_committed", True):
        return
    limit = settings.XXGK_FONT_MAX_BYTES
    if value.size > limit:
        raise ValidationError(
            _("字体文件过大（%(size)s MB），上限为 %(limit)s MB。")
            % {"size": _megabytes(value.size), "limit": _megabytes(limit)},
            code="too_large",
        )
    value.seek(0)
    data = value.read()
    value.seek(0)
    read_font(data)


# "<stored file name>@<stamp>" -> the registered font name, or None when the file could not
# be used (missing from storage, damaged since): per process, for the process's life. A font
# superseded by a new upload stays registered in reportlab (it cannot unregister one); uploads
# are rare, so the memory is bounded in practice.
_registered: dict[str, str | None] = {}


def _register_uploaded(field, stamp: str) -> str | None:
    key = f"{field.name}@{stamp}"
    if key in _registered:
        return _registered[key]
    name = None
    try:
        with field.storage.open(field.name, "rb") as file:
            data = file.read()
        face = read_font(data)
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()[:8]
        name = f"{face.postscript_name}-{digest}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(data), subfontIndex=face.index))
    except (OSError, ValidationError, TTFError) as error:
        logger.warning("Uploaded font %s not used, falling back: %s", field.name, error)
        name = None
    _registered[key] = name
    return name


def typefaces(row) -> Typefaces:
    """The fonts of the setting `row` (core.DocumentSettings), registered with reportlab: an
    uploaded font where the office gave one for the role, Debian's otherwise."""
    stamp = row.changed_at.isoformat() if row.changed_at else ""
    names = {}
    for role in ROLES:
        field = getattr(row, f"{role}_font")
        uploaded = _register_uploaded(field, stamp) if field else None
        names[role] = uploaded or register_font(getattr(FALLBACK, role))
    return Typefaces(**names)
