"""The school's house style for the documents it issues: the layout (公文 or plain) and the
fonts the office chose under 设置 → 公文版式与字体 (core.DocumentSettings).

Letters, review sheets and the annual report ask `house_style()` once per document and hand
the answer to `pdf.Look` / `docx.styled_document`; the toolkit's functions without a house
style keep the official layout in Debian's fonts (demo files, the toolkit's own tests).
"""

from dataclasses import dataclass

from . import OFFICIAL, PLAIN
from .fonts import FALLBACK, Typefaces, typefaces


@dataclass(frozen=True)
class HouseStyle:
    layout: str = OFFICIAL
    fonts: Typefaces = FALLBACK

    @property
    def plain(self) -> bool:
        return self.layout == PLAIN


def house_style() -> HouseStyle:
    """The setting's layout and its fonts, registered (a new upload is picked up at once)."""
    from xxgk.core.selectors import document_settings  # reads models: not at import time

    row = document_settings()
    return HouseStyle(layout=row.layout, fonts=typefaces(row))
