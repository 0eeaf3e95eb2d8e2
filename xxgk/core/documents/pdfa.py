"""PDF/A-2b, the archival PDF: what reportlab writes, plus the parts the standard (ISO 19005-2,
level B) asks of a file that must render the same in decades: an sRGB output intent with its
ICC profile, and XMP metadata that declares the conformance and repeats the document
information (title, author = the school, dates, producer). The fonts are already embedded as
subsets by `pdf.build`; the file keeps reportlab's document id.

The ICC profile comes from Debian (`icc-profiles-free` or `colord-data`, installed by `make
system-deps`).
"""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

SRGB_PROFILES = (
    Path("/usr/share/color/icc/sRGB.icc"),
    Path("/usr/share/color/icc/colord/sRGB.icc"),
)
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PRODUCER = "xxgk (reportlab, pypdf)"

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:CreatorTool>{producer}</xmp:CreatorTool>
   <pdf:Producer>{producer}</pdf:Producer>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def srgb_profile() -> bytes:
    for path in SRGB_PROFILES:
        if path.exists():
            return path.read_bytes()
    raise FileNotFoundError("缺少 sRGB 色彩配置文件，请运行 make system-deps。")


def _pdf_date(moment) -> str:
    offset = moment.strftime("%z")  # +0800
    return f"D:{moment:%Y%m%d%H%M%S}{offset[:3]}'{offset[3:]}'"


def archival(data: bytes, *, title: str) -> bytes:
    """Return the PDF `data` as PDF/A-2b."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    now = timezone.localtime().replace(microsecond=0)
    author = settings.XXGK_SCHOOL_NAME
    # The document information must say what the XMP says, no more: reportlab's other
    # entries ("unspecified" subject, keywords) are dropped.
    info = writer._info.get_object()
    info.clear()
    writer.add_metadata(
        {
            "/Title": title,
            "/Author": author,
            "/Creator": PRODUCER,
            "/Producer": PRODUCER,
            "/CreationDate": _pdf_date(now),
            "/ModDate": _pdf_date(now),
        }
    )
    xmp = XMP.format(
        title=escape(title), author=escape(author), date=now.isoformat(), producer=PRODUCER
    )
    metadata = DecodedStreamObject()
    metadata.set_data(xmp.encode("utf-8"))
    metadata[NameObject("/Type")] = NameObject("/Metadata")
    metadata[NameObject("/Subtype")] = NameObject("/XML")
    profile = DecodedStreamObject()
    profile.set_data(srgb_profile())
    profile[NameObject("/N")] = NumberObject(3)
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject(OUTPUT_CONDITION),
            NameObject("/Info"): TextStringObject(OUTPUT_CONDITION),
            NameObject("/DestOutputProfile"): writer._add_object(profile),
        }
    )
    root = writer._root_object
    root[NameObject("/Metadata")] = writer._add_object(metadata)
    root[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
