"""What every generated PDF must pass, read back with poppler's tools as an archive would."""

import subprocess
import tempfile

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
