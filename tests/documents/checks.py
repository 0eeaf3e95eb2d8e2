"""What every generated PDF must pass, read back with poppler's tools as an archive would."""

import io
import re
import subprocess
import tempfile

from django.conf import settings
from pypdf import PdfReader

from xxgk.core.documents.pdf import NO_LINE_END, NO_LINE_START


def _poppler(tool: str, data: bytes, *args: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        return subprocess.run(
            [tool, *args, file.name, *(["-"] if tool == "pdftotext" else [])],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def fonts(data: bytes) -> list[tuple[str, str]]:
    """(font name, "yes"/"no" embedded) for every font `pdffonts` lists."""
    rows = _poppler("pdffonts", data).splitlines()[2:]
    # Columns: name type encoding emb sub uni object-id generation; the type may hold spaces.
    return [(row.split()[0], row.split()[-5]) for row in rows]


def assert_fonts_embedded(data: bytes) -> None:
    listed = fonts(data)
    assert listed and all(embedded == "yes" for _, embedded in listed), listed


def page_lines(data: bytes, page: int) -> list[str]:
    """The non-blank lines of one page as `pdftotext -layout` places them."""
    text = _poppler("pdftotext", data, "-layout", "-f", str(page), "-l", str(page))
    return [line for line in text.splitlines() if line.strip()]


def broken_lines(data: bytes) -> list[str]:
    """Lines of the laid-out text that start with closing or end with opening punctuation."""
    lines = [line.strip() for line in _poppler("pdftotext", data, "-layout").splitlines()]
    return [
        line for line in lines if line and (line[0] in NO_LINE_START or line[-1] in NO_LINE_END)
    ]


def assert_pdfa_2b(data: bytes) -> None:
    """What ISO 19005-2 level B asks that a reader can check without a validator: the header,
    an sRGB output intent with an ICC profile, XMP declaring PDF/A-2b and agreeing with the
    document information, a document id, and (above) every font embedded."""
    assert re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", data), data[:20]
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    (intent,) = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data()[36:40] == b"acsp"  # an ICC profile
    metadata = root["/Metadata"].get_object()
    assert "/Filter" not in metadata and metadata["/Subtype"] == "/XML"
    xmp = metadata.get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    info = reader.metadata
    assert f'<rdf:li xml:lang="x-default">{escape_xml(info.title)}</rdf:li>' in xmp
    assert info.author == settings.XXGK_SCHOOL_NAME
    assert f"<rdf:li>{escape_xml(info.author)}</rdf:li>" in xmp
    assert len(reader.trailer["/ID"]) == 2


def escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def words(data: bytes, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(text, x min, y min, x max, y max) in points from the page's top left, for every
    "word" `pdftotext -bbox` finds on one page (a run of Chinese without spaces is one)."""
    html = _poppler("pdftotext", data, "-bbox", "-f", str(page), "-l", str(page))
    return [
        (text, float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, text in WORD.findall(html)
    ]


def word(data: bytes, text: str, page: int = 1) -> tuple[str, float, float, float, float]:
    """The first word on the page that is `text` or starts with it."""
    return next(w for w in words(data, page) if w[0].startswith(text))
