"""View counts: buffered in the request, exact after a flush, nothing lost on exit."""

import shutil
import socket
import subprocess
import threading
import time
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import published_disclosure
from xxgk.viewcounts import buffer
from xxgk.viewcounts.models import PageViewCount
from xxgk.viewcounts.selectors import current_count, stored_count
from xxgk.viewcounts.services import add_view, apply_batch, count_view, flush_view_counts


@pytest.fixture
def disclosure(db, office, dept_a, item_a):
    return published_disclosure(item=item_a, department=dept_a, author=office, title="招生简章")


WRITES = ("INSERT", "UPDATE", "DELETE")


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


@pytest.mark.django_db
def test_a_page_view_writes_nothing_to_the_database(client, disclosure):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(disclosure.url)
    assert response.status_code == 200
    assert writes(queries.captured_queries) == []
    assert stored_count(disclosure.pk) == 0
    assert current_count(disclosure.pk) == 1
    assert flush_view_counts() == 1
    assert stored_count(disclosure.pk) == 1 and current_count(disclosure.pk) == 1


@pytest.mark.django_db
def test_flush_adds_to_existing_rows_with_one_update_per_increment(disclosure, office):
    other = published_disclosure(
        item=disclosure.catalogue_item,
        department=disclosure.publishing_department,
        author=office,
        title="第二条",
    )
    PageViewCount.objects.create(page_id=disclosure.pk, count=10)
    for _ in range(3):
        add_view(disclosure.pk)
        add_view(other.pk)
    add_view(999_999)  # a page deleted since: dropped, not an error
    with CaptureQueriesContext(connection) as queries:
        flush_view_counts()
    updates = [sql for sql in writes(queries.captured_queries) if sql.startswith("UPDATE")]
    assert len(updates) == 1
    assert stored_count(disclosure.pk) == 13 and stored_count(other.pk) == 3
    assert not PageViewCount.objects.filter(page_id=999_999).exists()


def test_failed_flush_keeps_the_batch():
    local = buffer.LocalBuffer()
    local.add(1, 5)

    def broken(batch):
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        local.flush(broken)
    assert local.pending(1) == 5
    applied = {}
    local.flush(applied.update)
    assert applied == {1: 5} and local.pending(1) == 0


@pytest.mark.django_db
def test_no_increment_is_lost_under_concurrency(disclosure):
    """Eight threads count 2,000 views each while another thread flushes all along."""
    threads, per_thread = 8, 2000
    local = buffer.LocalBuffer()
    applied: Counter = Counter()
    done = threading.Event()

    def reader():
        for _ in range(per_thread):
            local.add(disclosure.pk)

    def flusher():
        while not done.is_set():
            local.flush(applied.update)

    background = threading.Thread(target=flusher)
    background.start()
    workers = [threading.Thread(target=reader) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    done.set()
    background.join()
    local.flush(applied.update)
    assert applied[disclosure.pk] == threads * per_thread
    # and the same batch, applied to the database, lands exactly.
    apply_batch(applied)
    assert stored_count(disclosure.pk) == threads * per_thread


@pytest.mark.django_db
def test_exit_flush_is_registered_and_applies_pending_views(disclosure, monkeypatch):
    """A normal restart (SIGTERM → sys.exit → atexit; gunicorn's worker_exit hook) flushes."""
    registered = []
    monkeypatch.setattr(buffer, "_flusher_pid", None)
    monkeypatch.setattr(buffer.atexit, "register", lambda fn, *a: registered.append((fn, a)))
    count_view(disclosure.pk)
    count_view(disclosure.pk)
    assert len(registered) == 1
    fn, args = registered[0]
    fn(*args)
    assert stored_count(disclosure.pk) == 2 and buffer.get_buffer().pending(disclosure.pk) == 0


@pytest.mark.django_db
def test_count_endpoint_reads_and_counts(client, disclosure):
    url = f"/views/{disclosure.pk}/"
    assert client.get(url).json() == {"page": disclosure.pk, "views": 0}
    response = client.post(url)
    assert response.json()["views"] == 1
    assert "no-cache" in response.headers["Cache-Control"]
    assert not response.cookies
    assert client.get(url).json()["views"] == 1
    assert client.get("/views/999999/").status_code == 404
    assert client.put(url).status_code == 405


@pytest.mark.django_db
def test_count_endpoint_refuses_pages_without_counts(client, item_a):
    assert client.post(f"/views/{item_a.pk}/").status_code == 404


@pytest.mark.django_db
def test_page_shows_the_number_and_the_progressive_script(client, disclosure):
    body = client.get(disclosure.url).content.decode()
    assert f'data-view-url="/views/{disclosure.pk}/"' in body
    assert 'data-view-mode="read"' in body
    assert "viewcounts/viewcount.js" in body


@pytest.fixture
def redis_url(tmp_path):
    """A Redis server of this test's own on a free loopback port."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is required (Debian package redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.django_db
def test_redis_buffer_is_shared_and_exact(disclosure, redis_url, settings):
    settings.XXGK_VIEWCOUNT_REDIS_URL = redis_url
    buffer.reset_buffer()
    assert isinstance(buffer.get_buffer(), buffer.RedisBuffer)
    # A second process would have its own RedisBuffer object on the same hash.
    other_process = buffer.RedisBuffer(redis_url)

    def reader(target):
        for _ in range(500):
            target.add(disclosure.pk)

    workers = [threading.Thread(target=reader, args=(b,)) for b in [other_process] * 4]
    workers += [threading.Thread(target=reader, args=(buffer.get_buffer(),)) for _ in range(4)]
    for worker in workers:
        worker.start()
    flush_view_counts()  # concurrently with the readers
    for worker in workers:
        worker.join()
    assert current_count(disclosure.pk) == 4000
    flush_view_counts()
    assert stored_count(disclosure.pk) == 4000
    assert other_process.pending(disclosure.pk) == 0


@pytest.mark.django_db
def test_a_reader_counts_once_per_window_through_every_path(client, disclosure, settings):
    """Reloading, or hammering the count endpoint, adds nothing; another reader does."""
    url = f"/views/{disclosure.pk}/"
    assert client.get(disclosure.url).status_code == 200  # rendered: counted by the server
    for _ in range(5):
        client.get(disclosure.url)
        client.post(url)
    assert current_count(disclosure.pk) == 1
    for reader in ("浏览器甲", "浏览器乙"):
        client.post(url, HTTP_USER_AGENT=reader)
        client.post(url, HTTP_USER_AGENT=reader)
    assert current_count(disclosure.pk) == 3
    # Another address with the same browser is another reader.
    client.post(url, REMOTE_ADDR="203.0.113.9")
    assert current_count(disclosure.pk) == 4
    # After the window the same reader counts again.
    settings.XXGK_VIEWCOUNT_WINDOW_SECONDS = 0
    client.post(url)
    assert current_count(disclosure.pk) == 5


@pytest.mark.django_db
def test_readers_are_remembered_only_as_keyed_hashes(client, disclosure):
    from django.core.cache import cache

    client.post(f"/views/{disclosure.pk}/", REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="UA-77")
    keys = list(cache._cache)  # local memory cache in tests
    assert keys and not any("203.0.113.77" in key or "UA-77" in key for key in keys)


@pytest.mark.django_db
def test_one_address_cannot_inflate_by_rotating_user_agents(client, disclosure, settings):
    settings.XXGK_VIEWCOUNT_ADDRESS_LIMIT = 5
    for n in range(20):
        client.post(f"/views/{disclosure.pk}/", HTTP_USER_AGENT=f"bot-{n}")
    assert current_count(disclosure.pk) == 5
    client.post(f"/views/{disclosure.pk}/", REMOTE_ADDR="198.51.100.4")
    assert current_count(disclosure.pk) == 6


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page.html"},
    ],
)
def test_cross_site_requests_are_refused(client, disclosure, headers):
    url = f"/views/{disclosure.pk}/"
    for method in (client.post, client.get):
        response = method(url, **headers)
        assert response.status_code == 403
        assert "本站" in response.json()["message"]
    assert current_count(disclosure.pk) == 0
    same_site = {
        "HTTP_SEC_FETCH_SITE": "same-origin",
        "HTTP_ORIGIN": "http://testserver",
        "HTTP_REFERER": f"http://testserver{disclosure.url}",
    }
    assert client.post(url, **same_site).json()["views"] == 1
