"""Writes shared by several apps."""

from .documents.fonts import ROLES
from .storage import private_storage

FONT_FOLDER = "fonts"


def remove_unused_fonts(row) -> list[str]:
    """Delete the font files the setting `row` (DocumentSettings) no longer names, replaced or
    cleared by the office: a licensed font is not kept on the server once the school stops
    using it (a lapsed licence). Returns the names removed."""
    in_use = {getattr(row, f"{role}_font").name for role in ROLES} - {""}
    try:
        _folders, files = private_storage.listdir(FONT_FOLDER)
    except FileNotFoundError:
        return []
    removed = []
    for file in files:
        name = f"{FONT_FOLDER}/{file}"
        if name not in in_use:
            private_storage.delete(name)
            removed.append(name)
    return removed
