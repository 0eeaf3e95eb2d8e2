"""Test fonts made from Debian's: an "office" TrueType font (one face of AR PL UKai's
collection written out as a .ttf, its PostScript name changed so that it is told apart from
the fallbacks in `pdffonts`), and variants an office might wrongly upload."""

import struct
from pathlib import Path

UKAI = Path("/usr/share/fonts/truetype/arphic/ukai.ttc")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
OFFICE_NAME_PREFIX = "XxgkOffice"


def face_of_collection(data: bytes, index: int = 0) -> bytes:
    """Face `index` of a TrueType collection as a standalone font file (the same tables,
    offsets made relative to the new file)."""
    assert data[:4] == b"ttcf"
    offset = struct.unpack(">I", data[12 + 4 * index : 16 + 4 * index])[0]
    version, count = struct.unpack(">IH", data[offset : offset + 6])
    records = [
        struct.unpack(">4sIII", data[offset + 12 + 16 * n : offset + 28 + 16 * n])
        for n in range(count)
    ]
    header = struct.pack(">IHHHH", version, count, 0, 0, 0)
    position = 12 + 16 * count
    directory, tables = b"", b""
    for tag, checksum, start, length in records:
        directory += struct.pack(">4sIII", tag, checksum, position + len(tables), length)
        table = data[start : start + length]
        tables += table + b"\0" * (-len(table) % 4)
    return header + directory + tables


def _tables(font: bytes) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack(">H", font[4:6])[0]
    found = {}
    for n in range(count):
        tag, _checksum, start, length = struct.unpack(">4sIII", font[12 + 16 * n : 28 + 16 * n])
        found[tag] = (start, length)
    return found


def with_fs_type(font: bytes, fs_type: int) -> bytes:
    """`font` with its OS/2 embedding licence bits set to `fs_type`."""
    start, _length = _tables(font)[b"OS/2"]
    patched = bytearray(font)
    patched[start + 8 : start + 10] = struct.pack(">H", fs_type)
    return bytes(patched)


def renamed(font: bytes, prefix: str = OFFICE_NAME_PREFIX) -> tuple[bytes, str]:
    """`font` with every PostScript name (name ID 6) overwritten in place by `prefix` padded to
    the same length; returns the font and the new name."""
    start, _length = _tables(font)[b"name"]
    patched = bytearray(font)
    _format, count, strings = struct.unpack(">HHH", font[start : start + 6])
    new_name = None
    for n in range(count):
        record = start + 6 + 12 * n
        platform, _enc, _lang, name_id, length, offset = struct.unpack(
            ">HHHHHH", font[record : record + 12]
        )
        if name_id != 6:
            continue
        where = start + strings + offset
        wide = platform in (0, 3)
        characters = length // 2 if wide else length
        new_name = (prefix + "X" * characters)[:characters]
        encoded = new_name.encode("utf-16-be" if wide else "latin-1")
        patched[where : where + length] = encoded
    assert new_name
    return bytes(patched), new_name


def office_font() -> tuple[bytes, str]:
    """A TrueType CJK font whose licence allows embedding, and its PostScript name."""
    return renamed(face_of_collection(UKAI.read_bytes()))
