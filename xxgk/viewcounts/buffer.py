"""Where page views wait between the request and the database.

Counting a view must not write to the database in the request path: under admission-season
load, one UPDATE per view on a hot row serialises every worker. A view is added to a buffer
and `flush()` applies the buffer in batches:

* with ``REDIS_URL``, a Redis hash shared by every process (HINCRBY); any process may flush
  it, one at a time (a Redis lock);
* without it, a counter in this process, flushed by a background thread every
  ``XXGK_VIEWCOUNT_FLUSH_SECONDS``, at normal exit (atexit, and gunicorn's ``worker_exit``
  hook in deploy/gunicorn.conf.py) and by ``manage.py flush_view_counts``.

A failed flush puts its batch back, so an increment is applied once or is still pending.
"""

import atexit
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping

from django.conf import settings
from django.db import close_old_connections

logger = logging.getLogger(__name__)

Apply = Callable[[Mapping[int, int]], None]


class LocalBuffer:
    """Views seen by this process and not yet in the database."""

    def __init__(self):
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._pending: Counter[int] = Counter()
        self._in_flight: Counter[int] = Counter()

    def add(self, page_id: int, n: int = 1) -> None:
        with self._lock:
            self._pending[page_id] += n

    def pending(self, page_id: int) -> int:
        with self._lock:
            return self._pending[page_id] + self._in_flight[page_id]

    def pending_total(self) -> int:
        with self._lock:
            return sum(self._pending.values()) + sum(self._in_flight.values())

    def flush(self, apply: Apply) -> int:
        with self._flush_lock:
            with self._lock:
                batch, self._pending = self._pending, Counter()
                self._in_flight = batch
            if not batch:
                return 0
            try:
                apply(batch)
            except BaseException:
                with self._lock:
                    self._pending.update(batch)
                raise
            finally:
                with self._lock:
                    self._in_flight = Counter()
            return sum(batch.values())

    def discard(self) -> None:
        with self._lock:
            self._pending.clear()


class RedisBuffer:
    """Views seen by every process, in one Redis hash; the flusher renames it away atomically,
    so increments that arrive during a flush land in a fresh hash."""

    def __init__(self, url: str, prefix: str = "xxgk:views"):
        import redis

        self._redis = redis.Redis.from_url(url)
        self.pending_key = f"{prefix}:pending"
        self.flushing_key = f"{prefix}:flushing"
        self.lock_key = f"{prefix}:flush-lock"

    def add(self, page_id: int, n: int = 1) -> None:
        self._redis.hincrby(self.pending_key, str(page_id), n)

    def pending(self, page_id: int) -> int:
        pipe = self._redis.pipeline(transaction=False)
        pipe.hget(self.pending_key, str(page_id))
        pipe.hget(self.flushing_key, str(page_id))
        return sum(int(value or 0) for value in pipe.execute())

    def pending_total(self) -> int:
        return sum(
            int(v) for key in (self.pending_key, self.flushing_key) for v in self._redis.hvals(key)
        )

    def flush(self, apply: Apply) -> int:
        import redis

        with self._redis.lock(self.lock_key, timeout=120, blocking_timeout=30):
            # A batch left by a flush that failed is applied before a new one is taken.
            if not self._redis.exists(self.flushing_key):
                try:
                    self._redis.rename(self.pending_key, self.flushing_key)
                except redis.ResponseError:  # nothing pending
                    return 0
            batch = {int(k): int(v) for k, v in self._redis.hgetall(self.flushing_key).items()}
            apply(batch)
            self._redis.delete(self.flushing_key)
            return sum(batch.values())


_buffer: LocalBuffer | RedisBuffer | None = None
_flusher_pid: int | None = None
_state_lock = threading.Lock()


def get_buffer() -> LocalBuffer | RedisBuffer:
    global _buffer
    if _buffer is None:
        with _state_lock:
            if _buffer is None:
                url = getattr(settings, "XXGK_VIEWCOUNT_REDIS_URL", "")
                _buffer = RedisBuffer(url) if url else LocalBuffer()
    return _buffer


def reset_buffer() -> None:
    """Forget the buffer object (settings changed, e.g. in tests): this process's pending
    views are dropped; views in Redis stay there for the next flush."""
    global _buffer
    with _state_lock:
        if isinstance(_buffer, LocalBuffer):
            _buffer.discard()
        _buffer = None


def start_flusher(flush: Callable[[], int]) -> None:
    """Start the periodic flush thread and the exit flush, once per process (again after a
    fork: threads do not survive it, and gunicorn forks its workers)."""
    global _flusher_pid
    if _flusher_pid == os.getpid():
        return
    with _state_lock:
        if _flusher_pid == os.getpid():
            return
        _flusher_pid = os.getpid()
        atexit.register(_flush_quietly, flush)
        interval = float(getattr(settings, "XXGK_VIEWCOUNT_FLUSH_SECONDS", 5))
        if interval > 0:
            thread = threading.Thread(
                target=_flush_forever, args=(flush, interval), name="viewcount-flusher", daemon=True
            )
            thread.start()


def _flush_forever(flush: Callable[[], int], interval: float) -> None:
    while True:
        time.sleep(interval)
        _flush_quietly(flush)
        close_old_connections()


def _flush_quietly(flush: Callable[[], int]) -> None:
    try:
        flush()
    except Exception:  # the batch went back into the buffer; the next flush retries it
        logger.exception("Flushing view counts failed")
