"""OCR of scanned attachments (issue 22): accuracy, speed, and the web process beside it.

1. Generates a 10-page, 200 dpi image-only PDF: a table of 200 rows (name, a valid 18-digit
   resident ID with the GB 11643 check digit, a mobile number), each page slightly rotated
   (±0.4–1.2°) with speckle noise and a little blur, rendered with Debian's Noto Sans CJK.
2. Recognises it with the scan's own engine (xxgk.core.ocr.ocr_pages: pdftoppm + Tesseract
   chi_sim+eng, one thread, nice 10) and finds values with the scan's own rules
   (xxgk.review.scan.find_values): ID recall, mobile recall, false ID hits (an ID hit whose
   digits are not one of the 200), seconds per page.
3. Latency of a portal page (gunicorn, 2 workers, scratch SQLite) for --requests sequential
   GETs, first idle, then while another process runs the worker's scan of the same file
   (xxgk.review.scan.scan_bytes with the office's default OCR limits, crops included).

    .venv/bin/python bench/ocr_bench.py
    .venv/bin/python bench/ocr_bench.py --pages 2 --requests 100   # quicker
"""

import argparse
import io
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from figures import emit  # noqa: E402

BENCH = "ocr"
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
DPI = 200
PAGE = (1654, 2339)  # A4 at 200 dpi
ROWS_PER_PAGE = 20
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力明永健世广志义兴"
    "良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中"
    "茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦"
    "亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛"
    "钧冠策腾楠榕风航弘"
)
AREAS = ["110101", "110105", "310104", "320102", "330106", "420102", "440106", "510104"]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(rng: random.Random) -> str:
    body = (
        rng.choice(AREAS)
        + f"{rng.randint(1985, 2006)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        + f"{rng.randint(0, 999):03d}"
    )
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]
    return body + check


def mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"


def rows(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    return [
        (
            rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2))),
            resident_id(rng),
            mobile(rng),
        )
        for _ in range(count)
    ]


def render_page(number: int, table, rng: random.Random):
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    image = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(image)
    title = ImageFont.truetype(FONT, 44)
    font = ImageFont.truetype(FONT, 30)  # about 10.5 pt at 200 dpi
    draw.text((330, 110), f"2022年国家助学金拟资助学生名单（第{number}页）", font=title, fill=0)
    columns = (140, 260, 520, 1080, 1520)
    top, height = 240, 96
    headers = ("序号", "姓名", "身份证号", "手机号码")
    for row_number, cells in enumerate([headers, *table]):
        y = top + row_number * height
        draw.line((columns[0], y, columns[-1], y), fill=0, width=2)
        first = (number - 1) * ROWS_PER_PAGE + row_number
        values = cells if row_number == 0 else (str(first), *cells)
        for left, value in zip(columns, values, strict=False):
            draw.text((left + 16, y + 28), value, font=font, fill=0)
    bottom = top + (len(table) + 1) * height
    draw.line((columns[0], bottom, columns[-1], bottom), fill=0, width=2)
    for x in columns:
        draw.line((x, top, x, bottom), fill=0, width=2)
    angle = rng.choice((-1, 1)) * rng.uniform(0.4, 1.2)
    image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    pixels = image.load()
    for _ in range(PAGE[0] * PAGE[1] // 250):  # speckle: 0.4% of the pixels
        x, y = rng.randrange(PAGE[0]), rng.randrange(PAGE[1])
        pixels[x, y] = 0 if rng.random() < 0.5 else 255
    return image.filter(ImageFilter.GaussianBlur(0.6))


def scanned_pdf(pages: int, seed: int = 22) -> tuple[bytes, list]:
    rng = random.Random(seed)
    truth = rows(rng, pages * ROWS_PER_PAGE)
    images = [
        render_page(n + 1, truth[n * ROWS_PER_PAGE : (n + 1) * ROWS_PER_PAGE], rng).convert("RGB")
        for n in range(pages)
    ]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=DPI)
    return buffer.getvalue(), truth


def recognise(data: bytes) -> tuple[dict, float, int]:
    import resource

    from xxgk.core import ocr
    from xxgk.review.scan import find_values

    found = {"resident_id": [], "mobile": []}
    started, pages = time.perf_counter(), 0
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    limits = ocr.OcrLimits(seconds=3600, max_pages=1000)
    for page in ocr.ocr_pages(data, "scan.pdf", limits):
        pages += 1
        for line in page.lines:
            for kind, _masked, (start, end) in find_values(line.text):
                if kind in found:
                    digits = "".join(c for c in line.text[start:end] if c.isalnum())
                    found[kind].append(digits[-11:] if kind == "mobile" else digits.upper())
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    return found, time.perf_counter() - started, pages, cpu


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def latencies(url: str, count: int, while_running=None, pause: float = 0.05) -> list[float]:
    """``count`` GETs, one visitor at a time with a short pause (a reader, not a load test);
    with ``while_running``, only while that process runs."""
    samples = []
    while len(samples) < count:
        if while_running is not None and while_running.poll() is not None:
            break
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as answer:
            answer.read()
        samples.append((time.perf_counter() - started) * 1000)
        time.sleep(pause)
    return samples


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def web_latency(scan_path: Path, requests: int) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="xxgk-ocr-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{scratch / 'bench.sqlite3'}",
        "XXGK_VAR_DIR": str(scratch),
        "DJANGO_SETTINGS_MODULE": "xxgk.settings",
        "LOG_LEVEL": "WARNING",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("BENCH_JSON", None)
    python = str(REPO / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=REPO, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [
            str(REPO / ".venv" / "bin" / "gunicorn"),
            "xxgk.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/catalogue/"
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                time.sleep(0.3)
        latencies(url, 20)  # warm up
        idle = latencies(url, requests)
        code = (
            "import django;django.setup();"
            "from xxgk.review.models import OcrSettings;from xxgk.review.scan import scan_bytes;"
            f"r=scan_bytes(open({str(scan_path)!r},'rb').read(),'scan.pdf','scan.pdf',"
            "OcrSettings().limits());print(r.state,len(r.hits),len(r.crops))"
        )
        worker = subprocess.Popen(
            [python, "-c", code], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
        )
        time.sleep(3)  # let the scan start recognising
        busy = latencies(url, requests, while_running=worker)
        scanned = worker.communicate()[0].strip()
        print(f"worker's scan of the same file: {scanned}")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(scratch, ignore_errors=True)
    emit(BENCH, "portal page p50, idle", round(statistics.median(idle), 1), "ms")
    emit(BENCH, "portal page p99, idle", round(percentile(idle, 0.99), 1), "ms")
    emit(BENCH, "portal page p50, scan running", round(statistics.median(busy), 1), "ms")
    emit(BENCH, "portal page p99, scan running", round(percentile(busy, 0.99), 1), "ms")
    emit(BENCH, "requests measured while scanning", len(busy), "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--no-web", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.settings")
    import django

    django.setup()
    data, truth = scanned_pdf(args.pages)
    found, seconds, pages, cpu = recognise(data)
    ids = {row[1] for row in truth}
    mobiles = {row[2] for row in truth}
    emit(BENCH, "rows in the scan", len(truth), "")
    emit(BENCH, "ID recall", round(100 * len(ids & set(found["resident_id"])) / len(ids), 1), "%")
    emit(
        BENCH,
        "mobile recall",
        round(100 * len(mobiles & set(found["mobile"])) / len(mobiles), 1),
        "%",
    )
    emit(BENCH, "false ID hits", len([v for v in found["resident_id"] if v not in ids]), "")
    emit(BENCH, "seconds per page (wall clock)", round(seconds / pages, 2), "s")
    emit(BENCH, "CPU seconds per page (pdftoppm + tesseract)", round(cpu / pages, 2), "s")
    emit(BENCH, "load average (1 min) after OCR", os.getloadavg()[0], "")
    if not args.no_web:
        with tempfile.NamedTemporaryFile(suffix=".pdf") as scan:
            scan.write(data)
            scan.flush()
            web_latency(Path(scan.name), args.requests)


if __name__ == "__main__":
    main()
