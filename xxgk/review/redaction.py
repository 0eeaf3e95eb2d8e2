"""Blacked-out copies of scanned attachments (涂黑副本): the pages of a scan whose OCR found
personal data, re-rasterised, with the pixels of every hit's box replaced by black. The copy
is an image-only PDF (or a PNG for a photo; for a DOCX the same package with its pictures
blackened): no text layer carries the number, and the original pixels are gone, not covered
by a box that a PDF reader could move away.

Boxes are in the pixels of the page images OCR read (xxgk.core.ocr: PDF pages rasterised at
``OcrLimits.dpi``, photos as they are), so the pages are rasterised again the same way.
"""

import io
import tempfile
import zipfile
from pathlib import Path

from xxgk.core import ocr
from xxgk.core.textextract import ExtractionError, Reason, check_package, extension_of

PADDING = 6  # pixels around each box, for the edges of the glyphs


def blacken(image, boxes):
    from PIL import ImageDraw

    image = image.convert("L")
    draw = ImageDraw.Draw(image)
    for left, top, width, height in boxes:
        draw.rectangle(
            (left - PADDING, top - PADDING, left + width + PADDING, top + height + PADDING),
            fill=0,
        )
    return image


def redacted_copy(data: bytes, filename: str, boxes_by_page: dict[int, list], limits) -> bytes:
    """The file with the boxes blacked out: an image-only PDF for a PDF, a PNG for a photo,
    the same DOCX with its pictures blackened for a DOCX."""
    from PIL import Image

    extension = extension_of(filename)
    if extension == "docx":
        return _redacted_docx(data, boxes_by_page, limits)
    if extension in ocr.IMAGE_SUFFIXES:
        ocr.image_size(data, limits)
        with Image.open(io.BytesIO(data)) as image:
            result = blacken(image, boxes_by_page.get(1, []))
        buffer = io.BytesIO()
        result.save(buffer, format="PNG")
        return buffer.getvalue()
    if extension != "pdf":
        raise ExtractionError(Reason.UNSUPPORTED, extension)
    count = ocr.pdf_page_count(data)
    if count > limits.max_pages:
        raise ExtractionError(ocr.OcrReason.TOO_MANY_PAGES, f"{count} > {limits.max_pages}")
    pages = []
    with tempfile.TemporaryDirectory(prefix="xxgk-redact-") as folder:
        source = Path(folder) / "source.pdf"
        source.write_bytes(data)
        # The same limits as the scan's rasterising: nice, memory, the office's time limit.
        done = ocr.run_limited(
            [ocr.PDFTOPPM, "-r", str(limits.dpi), "-gray", str(source), str(Path(folder) / "p")],
            ocr.Deadline(limits.seconds),
            limits.memory_bytes,
        )
        if done.returncode != 0:
            raise ExtractionError(Reason.UNREADABLE, f"pdftoppm exit {done.returncode}")
        files = sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))
        for number, path in enumerate(files, start=1):
            ocr.image_size(path, limits)
            with Image.open(path) as image:
                pages.append(blacken(image, boxes_by_page.get(number, [])))
    buffer = io.BytesIO()
    pages[0].save(
        buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=limits.dpi
    )
    return buffer.getvalue()


def _redacted_docx(data: bytes, boxes_by_page: dict[int, list], limits) -> bytes:
    """The package entry by entry, each picture with hits blackened in its own format. Pictures
    are numbered as ``ocr.ocr_pages`` numbers them (their order in the package), which is
    the number a hit carries as its page."""
    from PIL import Image

    check_package(data)
    buffer = io.BytesIO()
    number = 0
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            content = source.read(entry)
            extension = extension_of(entry.filename)
            if entry.filename.startswith("word/media/") and extension in ocr.IMAGE_SUFFIXES:
                number += 1
                if boxes_by_page.get(number):
                    ocr.image_size(content, limits)
                    with Image.open(io.BytesIO(content)) as image:
                        blackened = blacken(image, boxes_by_page[number])
                    encoded = io.BytesIO()
                    blackened.save(encoded, format="PNG" if extension == "png" else "JPEG")
                    content = encoded.getvalue()
            target.writestr(entry, content)
    return buffer.getvalue()
