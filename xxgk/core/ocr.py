"""Text recognition (OCR) of pages that have no text layer: image-only PDF pages, JPG/PNG
photos and the images inside a DOCX, in Chinese and English.

The engine is Debian's Tesseract (``tesseract-ocr`` with ``chi_sim`` and ``eng``) and PDF
pages are rasterised by poppler's ``pdftoppm``; both run as subprocesses of the task worker,
each with a wall-clock deadline (what is left of the file's time limit), an address-space
limit, one thread (``OMP_THREAD_LIMIT=1``) and a lower priority (``nice``), so that a scan
never takes the web process's core. Nothing is downloaded at run time: the models are the
Debian packages' files.

Hostile files. An image's dimensions are read from its header (Pillow decodes nothing on
open) and refused beyond ``OcrLimits.max_pixels`` before anything decodes it (an image bomb
is a few KB of PNG declaring 50,000 × 50,000 pixels); a PDF's pages are counted before any
is rasterised and refused beyond ``OcrLimits.max_pages``. Failures raise
``textextract.ExtractionError`` with a reason editors can read.

Each recognised line keeps its words' boxes, so a hit found in the line's text can say on
which page and where it is, and the page image can be cropped to show the spot.
"""

import io
import os
import re
import resource
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .textextract import ExtractionError, Reason, extension_of

LANGUAGES = "chi_sim+eng"
TESSERACT = "tesseract"
PDFTOPPM = "pdftoppm"
IMAGE_SUFFIXES = {"png", "jpg", "jpeg"}
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


class OcrReason:
    """Reasons beyond textextract.Reason that only OCR gives."""

    TOO_MANY_PAGES = "too_many_pages"
    IMAGE_TOO_LARGE = "image_too_large"
    OCR_TIMEOUT = "ocr_timeout"
    OCR_FAILED = "ocr_failed"


def ocr_reason_labels() -> dict[str, str]:
    from django.utils.translation import gettext as _

    return {
        OcrReason.TOO_MANY_PAGES: _("页数超过文字识别上限"),
        OcrReason.IMAGE_TOO_LARGE: _("图片尺寸过大（疑似图片炸弹）"),
        OcrReason.OCR_TIMEOUT: _("文字识别超时"),
        OcrReason.OCR_FAILED: _("文字识别失败"),
    }


@dataclass(frozen=True)
class OcrLimits:
    seconds: float = 300  # per file, all its pages together
    max_pages: int = 50  # pages (or images) recognised per file
    max_pixels: int = 40_000_000  # per image, checked before decoding
    dpi: int = 200
    memory_bytes: int = 1024 * 1024 * 1024


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[int, int, int, int]  # left, top, width, height in page pixels


@dataclass
class Line:
    text: str
    spans: list[tuple[int, int, Word]]  # (start, end) of each word in ``text``
    number: int  # 1-based line number on the page

    def box_of(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """The box around the words that hold text[start:end]."""
        boxes = [w.box for s, e, w in self.spans if s < end and e > start]
        if not boxes:
            return None
        left = min(b[0] for b in boxes)
        top = min(b[1] for b in boxes)
        right = max(b[0] + b[2] for b in boxes)
        bottom = max(b[1] + b[3] for b in boxes)
        return left, top, right - left, bottom - top


@dataclass
class OcrPage:
    number: int  # PDF page number, or the image's number inside a DOCX (1 for a photo)
    location: str  # 第3页, 图片2
    image_path: Path  # the image recognised (valid while the iteration runs)
    size: tuple[int, int]
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def crop(self, box, margin: int = 24):
        """A PIL image of the box with a margin (the page image was checked or made by us)."""
        from PIL import Image

        left, top, width, height = box
        with Image.open(self.image_path) as image:
            area = (
                max(0, left - margin),
                max(0, top - margin),
                min(image.width, left + width + margin),
                min(image.height, top + height + margin),
            )
            return image.crop(area).convert("L")


def available() -> bool:
    """Tesseract with the Chinese model is installed (``make system-deps``)."""
    try:
        found = subprocess.run(
            [TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "chi_sim" in found.stdout.split()


# --- subprocesses with limits ------------------------------------------------------------------


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.ends - time.monotonic()
        if remaining <= 0:
            raise ExtractionError(OcrReason.OCR_TIMEOUT, f"{self.seconds:g} s")
        return remaining


def run_limited(
    command: list[str], deadline: Deadline, memory_bytes: int
) -> subprocess.CompletedProcess:
    def limit():  # in the child, before exec
        os.nice(10)
        if memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        return subprocess.run(
            command,
            capture_output=True,
            timeout=deadline.left(),
            preexec_fn=limit,  # noqa: PLW1509 - no threads are started in between
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError(OcrReason.OCR_TIMEOUT, f"{deadline.seconds:g} s") from exc
    except OSError as exc:
        raise ExtractionError(OcrReason.OCR_FAILED, exc.__class__.__name__) from exc


# --- images -----------------------------------------------------------------------------------


def image_size(data_or_path, limits: OcrLimits) -> tuple[int, int]:
    """An image's dimensions from its header, refused beyond the pixel limit (no decoding)."""
    import warnings

    from PIL import Image

    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                width, height = image.size
    except Image.DecompressionBombError as exc:
        raise ExtractionError(OcrReason.IMAGE_TOO_LARGE, str(exc)[:80]) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise ExtractionError(Reason.UNREADABLE, exc.__class__.__name__) from exc
    if width * height > limits.max_pixels:
        raise ExtractionError(OcrReason.IMAGE_TOO_LARGE, f"{width}×{height}")
    return width, height


def _joined(previous: str, following: str) -> str:
    """No space between two CJK words (Tesseract splits Chinese text into characters)."""
    if previous and _CJK.match(previous[-1]) and _CJK.match(following[:1] or " "):
        return ""
    return " "


def parse_tsv(tsv: str) -> list[Line]:
    """Tesseract's TSV output as lines of words with their boxes."""
    grouped: dict[tuple, list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        key = (int(cells[1]), int(cells[2]), int(cells[3]), int(cells[4]))
        box = tuple(int(value) for value in cells[6:10])
        grouped.setdefault(key, []).append(Word(cells[11].strip(), box))
    lines = []
    for number, key in enumerate(sorted(grouped), start=1):
        text, spans = "", []
        for word in grouped[key]:
            if text:
                text += _joined(text, word.text)
            spans.append((len(text), len(text) + len(word.text), word))
            text += word.text
        lines.append(Line(text, spans, number))
    return lines


def recognise(
    image_path: Path, deadline: Deadline, limits: OcrLimits, dpi: int | None = None
) -> list[Line]:
    """``dpi``: the resolution of a page we rasterised (a PGM says none; Tesseract would
    guess 70 and lose a fifth of the numbers on a 200 dpi table)."""
    resolution = ["--dpi", str(dpi)] if dpi else []
    done = run_limited(
        [TESSERACT, str(image_path), "stdout", "-l", LANGUAGES, "--psm", "3", *resolution]
        + ["tsv"],
        deadline,
        limits.memory_bytes,
    )
    if done.returncode != 0:
        raise ExtractionError(OcrReason.OCR_FAILED, f"tesseract exit {done.returncode}")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


# --- files ------------------------------------------------------------------------------------


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF, refusing an encrypted or broken one with its reason."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(Reason.ENCRYPTED)
        return len(reader.pages)
    except ExtractionError:
        raise
    except Exception as exc:  # pypdf raises many types on broken input
        if "crypt" in exc.__class__.__name__.lower() or "password" in str(exc).lower():
            raise ExtractionError(Reason.ENCRYPTED) from exc
        raise ExtractionError(Reason.UNREADABLE, exc.__class__.__name__) from exc


def _check_pages(count: int, limits: OcrLimits) -> None:
    if count > limits.max_pages:
        raise ExtractionError(OcrReason.TOO_MANY_PAGES, f"{count} > {limits.max_pages}")


def ocr_pages(
    data: bytes, filename: str, limits: OcrLimits, pages: tuple[int, ...] | None = None
) -> Iterator[OcrPage]:
    """Recognise the file's pages without a text layer (``pages``: which PDF pages; all when
    None), one at a time; each page's image exists until the next is asked for."""
    deadline = Deadline(limits.seconds)
    extension = extension_of(filename)
    with tempfile.TemporaryDirectory(prefix="xxgk-ocr-") as folder:
        folder = Path(folder)
        if extension == "pdf":
            yield from _pdf_pages(data, folder, limits, deadline, pages)
        elif extension in IMAGE_SUFFIXES:
            path = folder / f"image.{extension}"
            path.write_bytes(data)
            size = image_size(path, limits)
            yield OcrPage(1, "", path, size, recognise(path, deadline, limits))
        elif extension == "docx":
            yield from _docx_images(data, folder, limits, deadline)
        else:
            raise ExtractionError(Reason.UNSUPPORTED, extension or "—")


def _pdf_pages(data, folder, limits, deadline, pages) -> Iterator[OcrPage]:
    count = pdf_page_count(data)
    wanted = list(pages) if pages is not None else list(range(1, count + 1))
    _check_pages(len(wanted), limits)
    source = folder / "source.pdf"
    source.write_bytes(data)
    for number in wanted:
        stem = folder / f"page-{number}"
        done = run_limited(
            # An uncompressed greyscale PGM: writing PNG costs poppler longer than the
            # rasterising itself (2 s against 0.2 s for an A4 page at 200 dpi).
            [PDFTOPPM, "-r", str(limits.dpi), "-gray", "-f", str(number), "-l", str(number)]
            + ["-singlefile", str(source), str(stem)],
            deadline,
            limits.memory_bytes,
        )
        path = stem.with_suffix(".pgm")
        if done.returncode != 0 or not path.exists():
            stderr = done.stderr.decode("utf-8", "replace")
            if "password" in stderr.lower() or "encrypt" in stderr.lower():
                raise ExtractionError(Reason.ENCRYPTED)
            raise ExtractionError(Reason.UNREADABLE, f"pdftoppm exit {done.returncode}")
        size = image_size(path, limits)
        lines = recognise(path, deadline, limits, dpi=limits.dpi)
        yield OcrPage(number, f"第{number}页", path, size, lines)
        path.unlink()


def _docx_images(data, folder, limits, deadline) -> Iterator[OcrPage]:
    """The pictures of a DOCX (word/media/), in their order in the package. The package has
    passed textextract.check_package before this is called."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [
            entry
            for entry in archive.infolist()
            if entry.filename.startswith("word/media/")
            and extension_of(entry.filename) in IMAGE_SUFFIXES
        ]
        _check_pages(len(entries), limits)
        for number, entry in enumerate(entries, start=1):
            path = folder / f"image-{number}.{extension_of(entry.filename)}"
            path.write_bytes(archive.read(entry))
            size = image_size(path, limits)
            yield OcrPage(number, f"图片{number}", path, size, recognise(path, deadline, limits))
            path.unlink()
