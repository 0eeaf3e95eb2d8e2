"""gunicorn for xxgk: `gunicorn -c deploy/gunicorn.conf.py`. Values come from the environment
(GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS) so the same file serves production,
`make bench` and the serving test."""

import gc
import logging
import multiprocessing
import os
from pathlib import Path

chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "xxgk.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8009")
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
# nginx buffers slow clients, so sync workers never wait on the network.
timeout = 30
graceful_timeout = 30
keepalive = 2
# Recycle workers now and then; each exit flushes its buffered view counts.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "xxgk"


def post_worker_init(worker):
    """Set aside what the app allocated at start (gc.freeze): a full garbage collection then
    scans only what requests allocated since, ~10 ms instead of the 70–100 ms pauses that made
    the p99 of uncached pages (docs/performance.md)."""
    gc.collect()
    gc.freeze()


def worker_exit(server, worker):
    """A worker that stops normally (restart, reload, max_requests) applies its buffered
    view counts first; atexit does the same for any other normal exit."""
    try:
        from xxgk.viewcounts.services import flush_view_counts

        flush_view_counts()
    except Exception:
        logging.getLogger("xxgk.viewcounts").exception("Flushing view counts at exit failed")
