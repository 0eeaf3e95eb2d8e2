"""Plain text out of the documents people attach: PDF, DOCX and XLSX.

Used by the personal-data scan (which must say *where* a hit is) and by search (which only
needs the text). Each chunk carries a human-readable location: 第3页, 第12段, 表格“名单”B7.
A file that cannot be read raises ExtractionError with a reason (REASONS) so that callers
can tell people, rather than treating it as empty; a PDF page or an image without a text
layer is reported as such (``Extraction.pages_without_text``, reason ``no_text_layer``).

Hostile files. A DOCX/XLSX is a ZIP package, and a small one can expand enormously (a 26 KB
DOCX whose document.xml inflates to 8.6 MB kept the submit request parsing for 29 s). Before
anything parses a package, ``check_package`` reads its central directory: the number of
entries, the total uncompressed size, and the compression ratio of the package and of each
large entry (like Apache POI's ZipSecureFile, more than 100:1 is refused). Python's zipfile
never inflates more than an entry declares (it stops and fails the CRC), so the declared
sizes bound the work. Parsing itself runs in a child process with a time and memory limit
(``extract_limited``), so that a file that passes those checks and is still pathological
cannot hold a worker; the child neither touches the database nor Django's settings.
"""

import io
import multiprocessing
import zipfile
from dataclasses import dataclass, field

SUPPORTED_EXTENSIONS = {"pdf", "docx", "xlsx"}
IMAGE_EXTENSIONS = {"png", "jpg", "jpeg"}
OOXML_EXTENSIONS = {"docx", "xlsx"}
# Guard rails against pathological files.
MAX_PDF_PAGES = 2000
MAX_XLSX_CELLS = 2_000_000
# Entries smaller than this are not ratio-checked (a tiny styles.xml compresses very well).
RATIO_GRACE_BYTES = 256 * 1024


class Reason:
    """Why a file could not be read; the labels are what editors and reviewers see."""

    NO_TEXT_LAYER = "no_text_layer"
    UNSUPPORTED = "unsupported"
    UNREADABLE = "unreadable"
    ENCRYPTED = "encrypted"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    MISSING = "missing"


def reason_label(reason: str) -> str:
    from django.utils.translation import gettext as _

    labels = {
        Reason.NO_TEXT_LAYER: _("无文字层"),
        Reason.UNSUPPORTED: _("格式不支持"),
        Reason.UNREADABLE: _("文件损坏或无法解析"),
        Reason.ENCRYPTED: _("文件已加密"),
        Reason.TOO_LARGE: _("解压后过大或压缩比异常"),
        Reason.TIMEOUT: _("解析超时"),
        Reason.MISSING: _("文件无法打开"),
    }
    # Imported here: ocr imports this module's Reason at module level.
    from .ocr import ocr_reason_labels

    labels.update(ocr_reason_labels())
    return labels.get(reason, labels[Reason.UNREADABLE])


class ExtractionError(Exception):
    """The document could not be read. ``reason`` is one of Reason; ``detail`` says more
    (plain data, no translation: it may be raised in the child process)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason, detail)
        self.reason, self.detail = reason, detail

    def __str__(self) -> str:
        label = reason_label(self.reason)
        return f"{label}（{self.detail}）" if self.detail else label


@dataclass(frozen=True)
class TextChunk:
    location: str
    text: str


@dataclass(frozen=True)
class Extraction:
    chunks: list[TextChunk]
    pages: int = 0  # a PDF's page count (0 for other kinds)
    pages_without_text: tuple[int, ...] = ()  # PDF pages with no text layer (scans, photos)


@dataclass(frozen=True)
class PackageLimits:
    max_bytes: int = 100 * 1024 * 1024
    max_ratio: int = 100
    max_entries: int = 10_000

    @classmethod
    def from_settings(cls) -> "PackageLimits":
        from django.conf import settings

        return cls(
            max_bytes=settings.XXGK_PACKAGE_MAX_BYTES,
            max_ratio=settings.XXGK_PACKAGE_MAX_RATIO,
            max_entries=settings.XXGK_PACKAGE_MAX_ENTRIES,
        )


@dataclass(frozen=True)
class RunLimits:
    seconds: float = 60
    memory_bytes: int = 1024 * 1024 * 1024
    package: PackageLimits = field(default_factory=PackageLimits)

    @classmethod
    def from_settings(cls) -> "RunLimits":
        from django.conf import settings

        return cls(
            seconds=settings.XXGK_EXTRACTION_SECONDS,
            memory_bytes=settings.XXGK_EXTRACTION_MEMORY_BYTES,
            package=PackageLimits.from_settings(),
        )


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_package(source, limits: PackageLimits | None = None) -> None:
    """Refuse a ZIP package (DOCX, XLSX) that would expand too far, before it is parsed.

    `source` is bytes or a seekable binary file (left at position 0)."""
    limits = limits or PackageLimits.from_settings()
    handle = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    try:
        handle.seek(0)
        with zipfile.ZipFile(handle) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ExtractionError(Reason.UNREADABLE, exc.__class__.__name__) from exc
    finally:
        handle.seek(0)
    if len(entries) > limits.max_entries:
        raise ExtractionError(Reason.TOO_LARGE, f"{len(entries)} entries")
    expanded = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if expanded > limits.max_bytes:
        raise ExtractionError(Reason.TOO_LARGE, f"{expanded} bytes")
    for entry in entries:
        if entry.file_size > RATIO_GRACE_BYTES and (
            entry.file_size > limits.max_ratio * max(entry.compress_size, 1)
        ):
            raise ExtractionError(Reason.TOO_LARGE, f"{entry.filename} {_ratio(entry)}:1")
    if expanded > RATIO_GRACE_BYTES and expanded > limits.max_ratio * max(packed, 1):
        raise ExtractionError(Reason.TOO_LARGE, f"{expanded // max(packed, 1)}:1")


def validate_package(source, name: str) -> None:
    """Refuse an uploaded package that would expand too far, with the ValidationError
    (Chinese) a form shows. A package that is merely broken is left to the caller's own
    check (the upload sniffing, the importer's parser), which says so in its words."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    try:
        check_package(source)
    except ExtractionError as exc:
        if exc.reason != Reason.TOO_LARGE:
            return
        message = _(
            "“%(name)s”解压后过大或压缩比异常（疑似压缩炸弹），已拒绝。"
            "请用办公软件重新另存后再上传。"
        )
        raise ValidationError(message % {"name": name}, code="package") from None


def _ratio(entry) -> int:
    return entry.file_size // max(entry.compress_size, 1)


def extract(data: bytes, filename: str, package: PackageLimits | None = None) -> Extraction:
    """The text of a file, in this process (see extract_limited for untrusted files)."""
    extension = extension_of(filename)
    if extension in IMAGE_EXTENSIONS:
        raise ExtractionError(Reason.NO_TEXT_LAYER)
    if extension not in SUPPORTED_EXTENSIONS:
        raise ExtractionError(Reason.UNSUPPORTED, extension or "—")
    if extension in OOXML_EXTENSIONS:
        check_package(data, package)
    try:
        return {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx}[extension](data)
    except ExtractionError:
        raise
    except MemoryError as exc:
        raise ExtractionError(Reason.TOO_LARGE, "memory") from exc
    except Exception as exc:  # parsers raise many unrelated types on broken input
        raise ExtractionError(Reason.UNREADABLE, exc.__class__.__name__) from exc


def extract_chunks(data: bytes, filename: str) -> list[TextChunk]:
    return extract(data, filename).chunks


def extract_text(data: bytes, filename: str) -> str:
    return "\n".join(chunk.text for chunk in extract_chunks(data, filename))


# --- in a child process, with limits -----------------------------------------------------------


def _context():
    """Children are forked from a small server process that has only the parsers loaded (not
    from the web or worker process, whose threads and connections a fork would copy)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, "docx", "openpyxl", "pypdf"])
    return context


def _child(connection, data: bytes, filename: str, limits: RunLimits) -> None:
    import resource

    cpu = int(limits.seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    if limits.memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    try:
        connection.send(("ok", extract(data, filename, limits.package)))
    except ExtractionError as exc:
        connection.send(("error", (exc.reason, exc.detail)))
    except MemoryError:
        connection.send(("error", (Reason.TOO_LARGE, "memory")))
    finally:
        connection.close()


def extract_limited(data: bytes, filename: str, limits: RunLimits | None = None) -> Extraction:
    """extract() in a child process that is killed after ``limits.seconds`` (reason
    ``timeout``) and may use at most ``limits.memory_bytes``."""
    limits = limits or RunLimits.from_settings()
    extension = extension_of(filename)
    if extension in IMAGE_EXTENSIONS or extension not in SUPPORTED_EXTENSIONS:
        return extract(data, filename, limits.package)  # refused without parsing
    if extension in OOXML_EXTENSIONS:
        check_package(data, limits.package)  # refused here, without starting a child
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, data, filename, limits), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise ExtractionError(Reason.TIMEOUT, f"{limits.seconds:g} s")
        try:
            outcome, value = receiver.recv()
        except (EOFError, OSError):  # the child died: a resource limit, or a parser crash
            child.join()
            raise ExtractionError(*_died(child.exitcode)) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "error":
        raise ExtractionError(*value)
    return value


def _died(exitcode) -> tuple[str, str]:
    import signal

    if exitcode == -signal.SIGXCPU:
        return Reason.TIMEOUT, "CPU"
    if exitcode in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT):
        return Reason.TOO_LARGE, f"exit {exitcode}"
    return Reason.UNREADABLE, f"exit {exitcode}"


def extract_document(document, limits: RunLimits | None = None) -> Extraction:
    """The text of a Wagtail Document's file, extracted with limits."""
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ExtractionError(Reason.MISSING, exc.__class__.__name__) from exc
    return extract_limited(data, document.file.name, limits)


def extract_document_chunks(document) -> list[TextChunk]:
    return extract_document(document).chunks


# --- the parsers --------------------------------------------------------------------------------


def _pdf(data: bytes) -> Extraction:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:
            raise ExtractionError(Reason.ENCRYPTED) from exc
        if not opened:  # a user password is set: nobody can read it without one
            raise ExtractionError(Reason.ENCRYPTED)
    chunks, blank = [], []
    pages = reader.pages[:MAX_PDF_PAGES]
    for number, page in enumerate(pages, start=1):
        text = (page.extract_text() or "").strip()
        if text:
            chunks.append(TextChunk(f"第{number}页", text))
        else:
            blank.append(number)
    return Extraction(chunks, pages=len(pages), pages_without_text=tuple(blank))


def _docx(data: bytes) -> Extraction:
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ExtractionError(Reason.UNREADABLE, "not a ZIP package")
    document = docx.Document(io.BytesIO(data))
    chunks = [
        TextChunk(f"第{number}段", paragraph.text)
        for number, paragraph in enumerate(document.paragraphs, start=1)
        if paragraph.text.strip()
    ]
    for table_number, table in enumerate(document.tables, start=1):
        for row_number, row in enumerate(table.rows, start=1):
            text = "\t".join(cell.text for cell in row.cells).strip()
            if text:
                chunks.append(TextChunk(f"表格{table_number}第{row_number}行", text))
    return Extraction(chunks)


def _xlsx(data: bytes) -> Extraction:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    chunks, seen = [], 0
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    seen += 1
                    if seen > MAX_XLSX_CELLS:
                        raise ExtractionError(Reason.TOO_LARGE, f"> {MAX_XLSX_CELLS} cells")
                    if cell.value is not None and str(cell.value).strip():
                        chunks.append(
                            TextChunk(f"工作表“{sheet.title}”{cell.coordinate}", str(cell.value))
                        )
    finally:
        workbook.close()
    return Extraction(chunks)
