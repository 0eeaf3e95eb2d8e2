"""Run xxgk as in production, on loopback: gunicorn (deploy/gunicorn.conf.py) behind nginx
(deploy/nginx/*.template rendered here). Used by `make bench` and by
tests/pagecache/test_serving.py; by hand:

    .venv/bin/python deploy/local.py --port 8090 --database-url sqlite:///var/xxgk.sqlite3
"""

import argparse
import base64
import contextlib
import getpass
import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
PYTHON = REPO / ".venv" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def render(template: Path, values: dict[str, str]) -> str:
    text = template.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    unfilled = re.findall(r"@[A-Z_]+@", text)
    if unfilled:
        raise ValueError(f"unfilled placeholders in {template.name}: {unfilled}")
    return text


@dataclass
class Stack:
    """gunicorn + nginx under ``run_dir``; ``port`` is nginx's, on 127.0.0.1."""

    run_dir: Path
    database_url: str
    port: int = 0
    workers: int = 2
    nginx_workers: int = 2
    extra_nginx: str = ""
    env: dict[str, str] = field(default_factory=dict)
    processes: list = field(default_factory=list)

    def __post_init__(self):
        self.run_dir = Path(self.run_dir).resolve()
        self.port = self.port or free_port()
        self.app_port = free_port()
        self.edge_dir = self.run_dir / "edge"
        self.static_root = self.run_dir / "static"
        self.media_root = Path(self.env.get("MEDIA_ROOT", self.run_dir / "media"))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def app_env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "DJANGO_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            # Stable per run directory, so that a restarted stack still reads its own data.
            "FIELD_ENCRYPTION_KEY": base64.urlsafe_b64encode(
                hashlib.sha256(str(self.run_dir).encode()).digest()
            ).decode(),
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.database_url,
            "XXGK_VAR_DIR": str(self.run_dir / "var"),
            "XXGK_PAGE_CACHE_DIR": str(self.run_dir / "pagecache"),
            "XXGK_PAGE_CACHE_EDGE_DIR": str(self.edge_dir),
            "XXGK_NGINX_ACCEL": "1",
            # nginx appends the client to X-Forwarded-For (xxgk.core.client.client_ip).
            "XXGK_TRUST_X_FORWARDED_FOR": "1",
            "STATIC_ROOT": str(self.static_root),
            "MEDIA_ROOT": str(self.media_root),
            "GUNICORN_BIND": f"127.0.0.1:{self.app_port}",
            "GUNICORN_WORKERS": str(self.workers),
            "LOG_LEVEL": "WARNING",
            "GUNICORN_LOG_LEVEL": "warning",
            "TZ": "Asia/Shanghai",
        }
        env.update(self.env)
        return env

    def write_nginx_conf(self) -> Path:
        site = self.run_dir / "xxgk.conf"
        site.write_text(
            render(
                DEPLOY / "nginx" / "xxgk.conf.template",
                {
                    "UPSTREAM": f"127.0.0.1:{self.app_port}",
                    "LISTEN": f"127.0.0.1:{self.port}",
                    "SERVER_NAME": "127.0.0.1 localhost",
                    "STATIC_ROOT": str(self.static_root),
                    "MEDIA_ROOT": str(self.media_root),
                    "PAGECACHE_ROOT": str(self.edge_dir),
                    "FRAME_OPTIONS": "DENY",
                },
            ),
            encoding="utf-8",
        )
        main = self.run_dir / "nginx.conf"
        main.write_text(
            render(
                DEPLOY / "nginx" / "standalone.conf.template",
                {
                    "WORKERS": str(self.nginx_workers),
                    "USER": f"user {getpass.getuser()};" if os.geteuid() == 0 else "",
                    "RUN_DIR": str(self.run_dir),
                    "SITE_CONF": str(site),
                    "EXTRA": self.extra_nginx,
                },
            ),
            encoding="utf-8",
        )
        return main

    def start(self) -> "Stack":
        self.run_dir.mkdir(parents=True, exist_ok=True)
        # Every run starts cold: copies from an earlier run may show another database.
        for stale in (self.edge_dir, self.run_dir / "pagecache"):
            shutil.rmtree(stale, ignore_errors=True)
        self.edge_dir.mkdir()
        env = self.app_env()
        if self.static_is_stale():
            subprocess.run(
                [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
                cwd=REPO,
                env=env,
                check=True,
            )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        conf = self.write_nginx_conf()
        subprocess.run([nginx, "-t", "-q", "-c", conf], check=True)
        self.processes.append(
            subprocess.Popen(
                [PYTHON, "-m", "gunicorn", "-c", DEPLOY / "gunicorn.conf.py"],
                cwd=REPO,
                env=env,
            )
        )
        self.processes.append(subprocess.Popen([nginx, "-c", conf], env={"TZ": "Asia/Shanghai"}))
        self.wait_ready()
        return self

    def static_is_stale(self) -> bool:
        """No collected files yet, or the project's own static files changed since."""
        manifest = self.static_root / "staticfiles.json"
        if not manifest.exists():
            return True
        collected = manifest.stat().st_mtime
        return any(f.stat().st_mtime > collected for f in REPO.glob("xxgk/*/static/**/*.*"))

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{process.args[:3]} exited with {process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(f"xxgk did not answer on {self.url} within {timeout}s")

    def gunicorn(self):
        return self.processes[0]

    def nginx_cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by nginx's worker processes (Linux /proc)."""
        master = self.processes[1].pid
        ticks = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # exited meanwhile
            fields = stat.rsplit(")", 1)[1].split()  # after "pid (comm)"
            if int(fields[1]) == master:  # ppid
                ticks += int(fields[11]) + int(fields[12])  # utime + stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def reload_app(self) -> None:
        """A normal restart of the workers (gunicorn HUP: new workers, old ones exit)."""
        self.gunicorn().send_signal(signal.SIGHUP)

    def stop(self) -> None:
        """Graceful stop, as systemd does: gunicorn TERM (workers finish and flush), nginx
        QUIT."""
        for process, sig in zip(self.processes, (signal.SIGTERM, signal.SIGQUIT), strict=False):
            if process.poll() is None:
                process.send_signal(sig)
        for process in self.processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--database-url", default=f"sqlite:///{REPO / 'var' / 'xxgk.sqlite3'}")
    parser.add_argument("--run-dir", default=str(REPO / "var" / "local-stack"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    stack = Stack(args.run_dir, args.database_url, port=args.port, workers=args.workers)
    with stack:
        print(f"xxgk behind nginx on {stack.url} (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()


if __name__ == "__main__":
    sys.exit(main())
