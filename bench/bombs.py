"""Hostile Office files for the upload bench and the tests (no Django needed).

``docx_bomb`` is what the issue-17 probe uploaded: a small DOCX whose document.xml inflates to
megabytes of tiny paragraphs (python-docx builds an object per paragraph and run, which is
what took 29 s). ``docx_slow`` is the legal kind of slow: ordinary compression (about 4:1,
random words), just very many paragraphs, so only the time limit stops it.
"""

import io
import random
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>"
)
DOCUMENT_TAIL = "</w:body></w:document>"


def _package(paragraphs) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
        archive.writestr("word/document.xml", DOCUMENT_HEAD + body + DOCUMENT_TAIL)
    return buffer.getvalue()


def docx_bomb(expanded_bytes: int = 8_600_000) -> bytes:
    """A DOCX whose document.xml inflates to about `expanded_bytes` of one-letter paragraphs."""
    paragraph = len("<w:p><w:r><w:t>x</w:t></w:r></w:p>")
    return _package(["x"] * (expanded_bytes // paragraph))


def docx_slow(paragraphs: int = 200_000, seed: int = 17) -> bytes:
    """Many paragraphs of random words: an ordinary compression ratio, a long parse."""
    rng = random.Random(seed)
    words = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(5000)
    ]
    return _package(" ".join(rng.choice(words) for _ in range(4)) for _ in range(paragraphs))


def expanded_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(entry.file_size for entry in archive.infolist())
