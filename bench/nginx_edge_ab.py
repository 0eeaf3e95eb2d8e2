"""nginx's edge path with `pcre_jit` on and off, each beside the same bytes as a static file.

Two nginx instances from the shipped templates (one worker each, no gunicorn behind them):
the portal bench's saved home page is the edge copy of `/` and, on a second server block, a
static file. wrk runs on both paths of both instances in alternating order, round by round,
so that each round's ratio (edge ÷ static, same nginx) compares the two under the same load
(docs/performance.md, section 4). Needs `bench/portal_bench.py` to have run once (it saves
the pages under var/bench/portal/static-copy).

    .venv/bin/python bench/nginx_edge_ab.py --rounds 10
"""

import argparse
import datetime
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from deploy.local import DEPLOY, free_port, render  # noqa: E402

WORK = REPO / "var" / "bench" / "nginx-edge-ab"
SAVED_PAGE = REPO / "var" / "bench" / "portal" / "static-copy" / "home.html"
JIT_ON = "pcre_jit on;"


def start_nginx(name: str, jit: bool, page: bytes) -> tuple[subprocess.Popen, int, int]:
    """An nginx serving ``page`` as the edge copy of / on one port and as a file on another."""
    run_dir = WORK / name
    shutil.rmtree(run_dir, ignore_errors=True)
    today = datetime.date.today().isoformat()  # TZ is Django's, as nginx requires
    (run_dir / "edge" / today).mkdir(parents=True)
    (run_dir / "edge" / today / "index.html").write_bytes(page)
    (run_dir / "static").mkdir()
    (run_dir / "static" / "home.html").write_bytes(page)
    edge_port, static_port = free_port(), free_port()
    site = run_dir / "xxgk.conf"
    site.write_text(
        render(
            DEPLOY / "nginx" / "xxgk.conf.template",
            {
                "UPSTREAM": "127.0.0.1:9",  # never reached: every request has its copy
                "LISTEN": f"127.0.0.1:{edge_port}",
                "SERVER_NAME": "localhost",
                "STATIC_ROOT": str(run_dir),
                "MEDIA_ROOT": str(run_dir),
                "PAGECACHE_ROOT": str(run_dir / "edge"),
                "FRAME_OPTIONS": "DENY",
            },
        )
    )
    main = render(
        DEPLOY / "nginx" / "standalone.conf.template",
        {
            "WORKERS": "1",
            "USER": "",
            "RUN_DIR": str(run_dir),
            "SITE_CONF": str(site),
            "EXTRA": f"server {{ listen 127.0.0.1:{static_port}; root {run_dir / 'static'};"
            " charset utf-8; }",
        },
    )
    if JIT_ON not in main:
        raise SystemExit(f"standalone.conf.template no longer says {JIT_ON!r}")
    if not jit:
        main = main.replace(JIT_ON, "pcre_jit off;")
    (run_dir / "nginx.conf").write_text(main)
    process = subprocess.Popen(["nginx", "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir)])
    time.sleep(1)
    return process, edge_port, static_port


def worker_cpu_seconds(master_pid: int) -> float:
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def wrk(url: str, seconds: int) -> tuple[int, float]:
    output = subprocess.run(
        ["wrk", "-t1", "-c32", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return requests, float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=4)
    args = parser.parse_args()
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    page = SAVED_PAGE.read_bytes()
    servers = {"pcre_jit off": start_nginx("off", False, page)}
    servers["pcre_jit on"] = start_nginx("on", True, page)
    throughput = {(name, path): [] for name in servers for path in ("edge", "static")}
    cpu = {key: [] for key in throughput}
    try:
        for round_number in range(args.rounds):
            order = list(throughput)
            for name, path in order if round_number % 2 == 0 else order[::-1]:
                process, edge_port, static_port = servers[name]
                url = (
                    f"http://127.0.0.1:{edge_port}/"
                    if path == "edge"
                    else f"http://127.0.0.1:{static_port}/home.html"
                )
                began = worker_cpu_seconds(process.pid)
                requests, rps = wrk(url, args.seconds)
                cpu[name, path].append((worker_cpu_seconds(process.pid) - began) / requests * 1e6)
                throughput[name, path].append(rps)
    finally:
        for process, _, _ in servers.values():
            process.send_signal(signal.SIGQUIT)
    for (name, path), values in throughput.items():
        print(
            f"{name:13} {path:6} req/s median {statistics.median(values):8.0f}"
            f"   CPU/request median {statistics.median(cpu[name, path]):6.2f} µs"
        )
    for name in servers:
        ratios = [
            e / s for e, s in zip(throughput[name, "edge"], throughput[name, "static"], strict=True)
        ]
        rounded = " ".join(f"{r:.2f}" for r in ratios)
        print(f"{name:13} edge ÷ static: median {statistics.median(ratios):.3f}  rounds {rounded}")


if __name__ == "__main__":
    main()
