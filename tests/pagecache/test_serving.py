"""The production configuration, running: gunicorn (deploy/gunicorn.conf.py) behind nginx
(deploy/nginx/) on loopback, fetched over HTTP. Needs Debian's nginx (`make system-deps`)."""

import gzip
import http.client
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.documents.models import Document

from deploy.local import PYTHON, REPO, Stack
from tests.factories import published_disclosure

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_for_subprocesses(tmp_path) -> str:
    """The test database as the server processes can open it."""
    if connection.vendor == "sqlite":
        target = tmp_path / "served.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{target}"
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def fetch(stack, path, method="GET", headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=30)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def post_body_of(stack, path, size) -> int:
    """POST `size` bytes to `path`; the status (nginx answers 413 on the headers alone)."""
    conn = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=30)
    conn.putrequest("POST", path)
    conn.putheader("Content-Type", "application/octet-stream")
    conn.putheader("Content-Length", str(size))
    conn.endheaders()
    try:
        chunk = bytes(1024 * 1024)
        for _ in range(size // len(chunk)):
            conn.send(chunk)
    except OSError:  # nginx refused the body and closed the connection
        pass
    status = conn.getresponse().status
    conn.close()
    return status


def manage(stack, code: str) -> str:
    """Run Python in a separate process of the deployment (as cron would run a command)."""
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=REPO,
        env=stack.app_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.fixture
def nginx_binary():
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        pytest.fail("Debian's nginx is required: run `make system-deps`.")


def test_gunicorn_behind_nginx_serves_caches_counts_and_purges(
    nginx_binary, tmp_path, settings, office, dept_a, item_a
):
    document = Document.objects.create(
        title="招生计划表", file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf")
    )
    disclosure = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年招生章程",
        documents=[document],
    )
    stack = Stack(
        tmp_path / "stack",
        database_for_subprocesses(tmp_path),
        env={
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "STATIC_ROOT": str(REPO / "var" / "static-prod"),
        },
    )
    stack.static_root = Path(stack.env["STATIC_ROOT"])
    with stack:
        first, body = fetch(stack, disclosure.url)
        assert first.status == 200 and "2022年招生章程" in body.decode()
        assert first.getheader("X-Page-Cache") == "miss"  # rendered by Django via nginx
        second, body = fetch(stack, disclosure.url)
        assert second.getheader("X-Page-Cache") == "edge"  # a file, served by nginx alone
        assert b'data-view-mode="count"' in body and b"csrfmiddlewaretoken" not in body
        # A static file: no cookie, and the same security headers Django sends.
        assert second.getheader("Set-Cookie") is None
        for header in (
            "Content-Security-Policy",
            "Permissions-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
        ):
            assert second.getheader(header) == first.getheader(header), header
        # Readers who voted or switched language still get the file (their cookies do not
        # change a public page); a session cookie does not.
        voter, _ = fetch(
            stack,
            disclosure.url,
            headers={"Cookie": "xxgk_visitor=0f3a:AbC-_9; django_language=zh-hans"},
        )
        assert voter.getheader("X-Page-Cache") == "edge"
        staff, _ = fetch(
            stack, disclosure.url, headers={"Cookie": "sessionid=abc", "User-Agent": "staff"}
        )
        assert staff.getheader("X-Page-Cache") != "edge"
        # English readers get Django's own copy, not the Chinese file.
        english, _ = fetch(
            stack, disclosure.url, headers={"Accept-Language": "en", "User-Agent": "english"}
        )
        assert english.getheader("X-Page-Cache") in ("miss", "hit")

        # The browser counts views of edge copies; the server counted the first (rendered) one.
        # Three more readers (their own browsers). (A reader counted twice within the window is
        # tested in tests/viewcounts: without REDIS_URL each worker remembers its own readers.)
        for reader in ("one", "two", "three"):
            counted, payload = fetch(
                stack,
                f"/views/{disclosure.pk}/",
                method="POST",
                headers={"User-Agent": f"reader-{reader}"},
            )
            assert counted.status == 200
        assert json.loads(payload)["views"] >= 1

        # Lists are copied too: the catalogue item's list, then nginx serves it alone; a
        # query string other than page=N always goes to Django.
        listed, body = fetch(stack, item_a.url)
        assert listed.status == 200 and "2022年招生章程" in body.decode()
        again, _ = fetch(stack, item_a.url)
        assert again.getheader("X-Page-Cache") == "edge"
        filtered, _ = fetch(stack, f"{item_a.url}?year=2022", headers={"User-Agent": "filter"})
        assert filtered.getheader("X-Page-Cache") != "edge"

        # The home page, the one most readers open first, is a file too (its path is "/"
        # alone, which the edge map once missed).
        home, _ = fetch(stack, "/")
        assert home.status == 200 and home.getheader("X-Page-Cache") == "miss"
        home_again, _ = fetch(stack, "/")
        assert home_again.getheader("X-Page-Cache") == "edge"

        css, plain = fetch(stack, "/static/xxgk/css/site.css")
        assert css.status == 200 and css.getheader("X-Content-Type-Options") == "nosniff"
        # Text goes out gzipped to clients that take it (issue 20): static files, edge copies
        # and what gunicorn renders; the favicon has an address of its own.
        packed, data = fetch(
            stack, "/static/xxgk/css/site.css", headers={"Accept-Encoding": "gzip"}
        )
        assert packed.getheader("Content-Encoding") == "gzip" and gzip.decompress(data) == plain
        assert "Accept-Encoding" in packed.getheader("Vary")
        edge, data = fetch(stack, disclosure.url, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert edge.getheader("X-Page-Cache") == "edge"
        assert edge.getheader("Content-Encoding") == "gzip"
        assert "2022年招生章程" in gzip.decompress(data).decode()
        rendered, data = fetch(
            stack, "/search/?q=%E6%8B%9B%E7%94%9F", headers={"Accept-Encoding": "gzip"}
        )
        assert rendered.getheader("Content-Encoding") == "gzip"
        assert rendered.status == 200 and b"</html>" in gzip.decompress(data)
        icon, data = fetch(stack, "/favicon.ico")
        assert icon.status == 200 and data[:4] == b"\x00\x00\x01\x00"  # an ICO file
        download, data = fetch(stack, document.url)
        assert download.status == 200 and data == b"%PDF-1.4 plan"
        assert download.getheader("Content-Disposition").startswith("attachment")
        assert download.getheader("X-Content-Type-Options") == "nosniff"
        direct, _ = fetch(stack, f"/media/{document.file.name}")
        assert direct.status == 404  # documents only through Django's privacy check

        # Body limits: a document of 40 MB reaches the back office (Django refuses this one
        # for its CSRF token, not nginx for its size); the public forms stop at 30 MB.
        assert post_body_of(stack, "/admin/documents/multiple/add/", 40 * 1024 * 1024) != 413
        assert post_body_of(stack, "/apply/", 40 * 1024 * 1024) == 413

        # Expiry from another process (the publish_scheduled cron job) purges both caches.
        manage(
            stack,
            "from django.utils import timezone; from wagtail.models import Page; "
            f"Page.objects.filter(pk={disclosure.pk}).update(expire_at=timezone.now())",
        )
        manage(
            stack,
            "from django.core.management import call_command; call_command('publish_scheduled')",
        )
        gone, _ = fetch(stack, disclosure.url)
        assert gone.status == 404
    # A graceful stop flushed every buffered view: 1 rendered + 1 English + 1 with a session
    # cookie (all counted by Django) + 3 counted by the script (the voter's edge copy by none).
    stored = manage(
        stack,
        f"from xxgk.viewcounts.selectors import stored_count; print(stored_count({disclosure.pk}))",
    )
    assert int(stored) == 6
