"""The edge copy: cached leaf pages written as files that nginx serves without Python.

Layout: ``<XXGK_PAGE_CACHE_EDGE_DIR>/<YYYY-MM-DD>/<public path>/index.html``; the day is part
of the path because every page shows today's date (nginx picks the directory from its own
clock, in the same TIME_ZONE — see deploy/nginx/xxgk.conf.template). Only leaf pages (a
disclosure, an annual report) are written: their content depends on them and their ancestors
alone, so removing the directory of a purged page removes every copy that showed it.

Race with a purge: the writer renders under a snapshot of tokens, writes, then checks the
tokens again and deletes its file if they changed; a purge replaces the tokens before it
deletes files. Whichever comes last, no stale file survives.
"""

import os
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


def root() -> Path | None:
    configured = getattr(settings, "XXGK_PAGE_CACHE_EDGE_DIR", "")
    return Path(configured) if configured else None


def _target(base: Path, day: date, path: str) -> Path | None:
    directory = (base / day.isoformat() / path.strip("/")).resolve()
    day_dir = (base / day.isoformat()).resolve()
    if directory != day_dir and day_dir not in directory.parents:
        return None
    return directory / "index.html"


def write(path: str, content: bytes, tokens: dict[str, str], day: date) -> Path | None:
    base = root()
    if base is None or not path.endswith("/"):
        return None
    target = _target(base, day, path)
    if target is None:
        return None
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


def remove(paths) -> None:
    """Remove the copies of these public paths and everything under them, for every day."""
    base = root()
    if base is None or not base.exists():
        return
    for day_dir in base.iterdir():
        if not day_dir.is_dir():
            continue
        for path in paths:
            relative = path.strip("/")
            target = (day_dir / relative).resolve()
            if target == day_dir.resolve() or day_dir.resolve() in target.parents:
                shutil.rmtree(target, ignore_errors=True)


def remove_all() -> None:
    remove(["/"])


def prune(today: date) -> None:
    """Drop the directories of past days."""
    base = root()
    if base is None or not base.exists():
        return
    for day_dir in base.iterdir():
        if day_dir.is_dir() and day_dir.name != today.isoformat():
            shutil.rmtree(day_dir, ignore_errors=True)
