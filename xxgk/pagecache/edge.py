"""The edge copy: cached leaf pages written as files that nginx serves without Python.

Layout: ``<XXGK_PAGE_CACHE_EDGE_DIR>/<YYYY-MM-DD>/<public path>/index.html``, and
``page-<n>.html`` beside it for ``?page=<n>`` of a list; the day is part of the path because
every page shows today's date (nginx picks the directory from its own clock, in the same
TIME_ZONE, and the file from the query string — see deploy/nginx/xxgk.conf.template).

A page's directory holds its own copies and, below them, its descendants'. A purged page
takes its whole directory with it (its descendants print its title and URL); the lists above
it lose only their own files (``remove_lists``), so publishing under one catalogue item
leaves every other page's copy in place.

Race with a purge: the writer renders under a snapshot of tokens, writes, then checks the
tokens again and deletes its file if they changed; a purge replaces the tokens before it
deletes files. Whichever comes last, no stale file survives.
"""

import os
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

from django.conf import settings

from . import generations

# Rendered into a counted page; the edge copy swaps it so that the browser counts the view
# (nginx serves the copy without telling Django).
SERVER_COUNTED = b'data-view-mode="read"'
CLIENT_COUNTS = b'data-view-mode="count"'

LIST_FILE_PATTERNS = ("index.html", "page-*.html")
# The only query string an edge copy answers; nginx's map admits exactly the same.
PAGINATION = re.compile(r"page=([1-9][0-9]{0,4})")


def root() -> Path | None:
    configured = getattr(settings, "XXGK_PAGE_CACHE_EDGE_DIR", "")
    return Path(configured) if configured else None


def file_name(query_string: str) -> str | None:
    """The copy's file for this query string: none for anything nginx would not serve."""
    if not query_string:
        return "index.html"
    pagination = PAGINATION.fullmatch(query_string)
    return f"page-{pagination[1]}.html" if pagination else None


def _directory(day_dir: Path, path: str) -> Path | None:
    """The path's directory inside ``day_dir``, or None for a path that would leave it."""
    directory = (day_dir / path.strip("/")).resolve()
    if directory != day_dir.resolve() and day_dir.resolve() not in directory.parents:
        return None
    return directory


def write(
    path: str, content: bytes, tokens: dict[str, str], day: date, query_string: str = ""
) -> Path | None:
    base = root()
    name = file_name(query_string)
    if base is None or name is None or not path.endswith("/"):
        return None
    directory = _directory(base / day.isoformat(), path)
    if directory is None:
        return None
    target = directory / name
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(content.replace(SERVER_COUNTED, CLIENT_COUNTS))
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    if not generations.still_current(tokens):
        target.unlink(missing_ok=True)
        return None
    return target


def _day_dirs():
    base = root()
    if base is None or not base.exists():
        return []
    return [day_dir for day_dir in base.iterdir() if day_dir.is_dir()]


def remove(paths) -> None:
    """Remove the copies of these public paths and everything under them, for every day."""
    for day_dir in _day_dirs():
        for path in paths:
            directory = _directory(day_dir, path)
            if directory is not None:
                shutil.rmtree(directory, ignore_errors=True)


def remove_lists(paths) -> None:
    """Remove the copies of these pages themselves (each pagination page), for every day,
    keeping the copies of the pages below them."""
    for day_dir in _day_dirs():
        for path in paths:
            directory = _directory(day_dir, path)
            if directory is None or not directory.is_dir():
                continue
            for pattern in LIST_FILE_PATTERNS:
                for copy in directory.glob(pattern):
                    copy.unlink(missing_ok=True)


def remove_all() -> None:
    remove(["/"])


def prune(today: date) -> None:
    """Drop the directories of past days."""
    for day_dir in _day_dirs():
        if day_dir.name != today.isoformat():
            shutil.rmtree(day_dir, ignore_errors=True)
