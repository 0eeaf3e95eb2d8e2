"""Benchmark of xxgk's Chinese full-text search.

Generates N disclosures (default 10,000; ~800 characters each, from the vocabulary of the
demo titles and the real 2021-2022 annual report) into a scratch database, builds the index,
and times a mix of queries through the same code path the /search/ page uses (count + first
page of hits, then with snippets). As a baseline it runs the same queries as a plain
``icontains`` scan over a subset and scales that linearly to N.

    .venv/bin/python bench/search_bench.py                 # 100,000 docs, temp SQLite file
    .venv/bin/python bench/search_bench.py --docs 10000    # a quicker look
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xxgk_bench \\
        .venv/bin/python bench/search_bench.py             # a scratch PostgreSQL database

With DATABASE_URL the generated pages are deleted again at the end (unless --keep); point
it at a scratch database all the same. Without it, --keep keeps the temporary SQLite file.

--existing times the same queries against the index already in DATABASE_URL (the portal
bench's million-disclosure database, say): nothing is generated, rebuilt or deleted, and the
icontains baseline is not run.
"""

import argparse
import contextlib
import datetime
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from figures import emit  # noqa: E402

# Words people type (issues 4 and 21) plus a few that must find nothing. Many have entries
# in the shipped synonym list (教代会, 专升本, 宿舍, 资助, 双一流, 四六级, 奖学金, 學費 …),
# which every query here is read with, as the public search page does.
KNOWN_QUERIES = [
    "招生章程", "预算", "奖助学金", "专升本", "2022年", "QQ群", "信息公开", "收费标准",
    "学生", "招生 计划", "财务", "决算", "研究生", "申诉", "就业质量", "PDF", "Excel",
    "2021", "12345", "依申请公开", "学术委员会", "国有资产", "教代会", "宿舍",
    "不存在的词语组合", "xyzzy", "资助", "双一流", "四六级", "奖学金", "學費", "职称评审",
    "就业质量报告", "采购 中标", '"信息公开工作"', "招生办 录取分数线",
]  # fmt: skip
# One-character words alone (a prefix term: every token the character starts) and beside
# other words (奖助学金 is read as 奖 · 助学金).
SINGLE_CHARACTERS = ["宿", "学", "的", "校", "奖助学金", "宿 管理", "学 招生"]
EXTRA_PHRASES = [
    "咨询QQ群：{n}", "2022年专升本考试", "附件：名单.xlsx", "详见PDF文件", "联系电话0570-{n}",
    "Excel表格", "第{k}条", "共计{n}元", "奖助学金发放", "收费标准为每学年{n}元",
]  # fmt: skip


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000, help="disclosures to generate")
    parser.add_argument("--chars", type=int, default=800, help="body length in characters")
    parser.add_argument("--queries", type=int, default=200, help="queries to time")
    parser.add_argument(
        "--baseline-docs", type=int, default=10_000, help="subset scanned by icontains"
    )
    parser.add_argument("--seed", type=int, default=20220901)
    parser.add_argument("--keep", action="store_true", help="keep the scratch data")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="time queries on the index already in DATABASE_URL; generate and delete nothing",
    )
    return parser.parse_args()


def setup_django(scratch: Path | None):
    if scratch is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
        os.environ["XXGK_VAR_DIR"] = str(scratch)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


class Corpus:
    """Chinese text with a realistic long tail: clauses of the real annual report (common
    words), runs of words from a Zipf-distributed vocabulary of 30,000 pseudo-words built
    from the same characters (rare words stay rare), and demo titles."""

    VOCABULARY = 30_000

    def __init__(self, rng: random.Random):
        from xxgk_demo.titles import TITLES

        report = (ROOT / "xxgk_demo/data/report_2021_2022.txt").read_text(encoding="utf-8")
        self.clauses = [
            c for c in re.findall(r"[^，。；：、\n]+[，。；：、]?", report) if c.strip()
        ]
        self.titles = [title for titles in TITLES.values() for title in titles]
        self.rng = rng
        chars = sorted(set(re.findall(r"[\u4e00-\u9fff]", report + "".join(self.titles))))
        self.words = [
            "".join(rng.choices(chars, k=rng.choice([2, 2, 2, 3, 4])))
            for _ in range(self.VOCABULARY)
        ]
        weights, total = [], 0.0
        for rank in range(1, self.VOCABULARY + 1):
            total += 1 / rank**1.05
            weights.append(total)
        self.cumulative = weights

    def word_run(self) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=self.rng.randint(3, 8))
        return "".join(words) + self.rng.choice("，。；")

    def title(self) -> str:
        year = self.rng.choice(["2019", "2020", "2021", "2022", "2023"])
        return re.sub(r"20\d\d", year, self.rng.choice(self.titles))

    def body(self, length: int) -> str:
        parts, size = [], 0
        while size < length:
            roll = self.rng.random()
            if roll < 0.05:
                part = self.rng.choice(EXTRA_PHRASES).format(
                    n=self.rng.randrange(1000, 99999), k=self.rng.randrange(1, 40)
                )
            elif roll < 0.5:
                part = self.rng.choice(self.clauses)
            else:
                part = self.word_run()
            parts.append(part)
            size += len(part)
        return "".join(parts)[:length]

    def queries(self, count: int) -> list[str]:
        """Known words; vocabulary words as often as they occur; common words cut from the
        report; pairs; title beginnings."""
        queries = list(KNOWN_QUERIES)
        while len(queries) < count:
            roll = self.rng.random()
            if roll < 0.45:
                queries.append(self.rng.choices(self.words, cum_weights=self.cumulative)[0])
            elif roll < 0.65:
                clause = self.rng.choice(self.clauses)
                size = self.rng.choice([2, 3, 4])
                word = clause[: size + 1][-size:]
                if re.fullmatch(r"[\u4e00-\u9fff]+", word):
                    queries.append(word)
            elif roll < 0.85:
                pair = self.rng.choices(self.words, cum_weights=self.cumulative, k=2)
                queries.append(" ".join(pair))
            else:
                queries.append(self.rng.choice(self.titles)[:6])
        return queries[:count]


def generate_pages(count: int, corpus: Corpus, chars: int):
    """Bulk-insert live disclosures under a catalogue item (bypassing the page tree API, which
    would take hours at this size) and return their (page id, Content) pairs. They are
    real DisclosurePage rows, the text in their body, because snippets are cut from the
    pages' own text (xxgk.search.documents.texts_of)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils.html import escape
    from wagtail.models import Locale, Page

    from xxgk.catalogue.models import CatalogueItemPage
    from xxgk.disclosures.models import DisclosurePage
    from xxgk.orgs.models import Department
    from xxgk.orgs.services import create_department
    from xxgk.search.documents import Content

    parent = CatalogueItemPage.objects.get(item_number="7")
    department = Department.objects.order_by("pk").first() or create_department(
        name="基准测试部门", code="BS01"
    )
    content_type = ContentType.objects.get_for_model(DisclosurePage)
    locale = Locale.get_default()
    start = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    today = datetime.date(2022, 8, 31)
    pages, contents = [], []
    for n in range(start, start + count):
        title = corpus.title()
        step = _base36(n + 1).rjust(Page.steplen, "0")
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=f"bench-{n}",
                path=parent.path + step,
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}bench-{n}/",
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                live=True,
            )
        )
        day = today - datetime.timedelta(days=corpus.rng.randrange(0, 5 * 365))
        contents.append(Content(kind="公开信息", title=title, text=corpus.body(chars), date=day))
    created = Page.objects.bulk_create(pages, batch_size=1000)
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    if created[0].pk is None:  # backends that do not return ids
        ids = Page.objects.filter(slug__startswith="bench-").order_by("path")
        created = list(ids.only("pk"))[start:]
    # The child rows by plain SQL from the model's own fields (the ORM cannot bulk-create
    # multi-table models).
    fields = list(DisclosurePage._meta.local_concrete_fields)
    table = connection.ops.quote_name(DisclosurePage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    values = []
    for page, content in zip(created, contents, strict=True):
        instance = DisclosurePage(
            page_ptr_id=page.pk,
            catalogue_item_id=parent.pk,
            publishing_department_id=department.pk,
            publication_date=content.date,
            body=f"<p>{escape(content.text)}</p>",
        )
        values.append(
            [f.get_db_prep_save(getattr(instance, f.attname), connection) for f in fields]
        )
    with connection.cursor() as cursor:
        for batch in range(0, len(values), 1000):
            cursor.executemany(sql, values[batch : batch + 1000])
    return [(page.pk, content) for page, content in zip(created, contents, strict=True)]


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


SCAN_TABLE = "bench_scan_text"


def index_size() -> tuple[int, str]:
    """Every byte the index holds: documents, text, their indexes and the full-text index."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_total_relation_size('xxgk_search_searchdocument')"
                " + pg_total_relation_size('xxgk_search_searchtext')"
            )
            return cursor.fetchone()[0], "tables + their indexes + GIN index + TOAST"
        sql = (
            "SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master"
            " WHERE tbl_name IN ('xxgk_search_searchdocument', 'xxgk_search_searchtext'))"
            " OR name LIKE 'xxgk_search_fts%' OR name LIKE 'xxgk_search_chars%'"
        )
        note = "tables + their indexes + FTS5 shadow tables (dbstat)"
        try:
            cursor.execute(sql)
            return cursor.fetchone()[0], note
        except Exception:
            pass
        try:
            # The pysqlite3 wheel is built without dbstat; the standard library's SQLite
            # (xxgk/__init__.py keeps it out of sqlite3's name) reads the committed file.
            import _sqlite3

            path = connection.settings_dict["NAME"]
            with contextlib.closing(_sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                return db.execute(sql).fetchone()[0], f"{note}, standard library's SQLite"
        except Exception:
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            return pages * cursor.fetchone()[0], "whole database file"


def existing_index() -> tuple[int, int]:
    """The live documents of an index built elsewhere, and the UTF-8 size of their text."""
    from xxgk.search.documents import texts_of
    from xxgk.search.models import SearchDocument, Version

    live = SearchDocument.objects.filter(version=Version.LIVE)
    text_bytes = sum(len(title.encode()) for title in live.values_list("title", flat=True))
    # The index keeps no text: recompute it from the pages, as snippets do.
    chunk = []
    for document in live.only("pk", "page_id", "version").iterator(chunk_size=2000):
        chunk.append(document)
        if len(chunk) == 2000:
            text_bytes += sum(len(text.encode()) for text in texts_of(chunk).values())
            chunk = []
    text_bytes += sum(len(text.encode()) for text in texts_of(chunk).values())
    return live.count(), text_bytes


def time_queries(queries, run) -> list[float]:
    timings = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    args = parse_args()
    if args.existing and not os.environ.get("DATABASE_URL"):
        raise SystemExit("--existing needs DATABASE_URL: the database whose index to time")
    scratch = None if os.environ.get("DATABASE_URL") else Path(tempfile.mkdtemp(prefix="xxgkb"))
    started = time.perf_counter()
    setup_django(scratch)
    from django.db import connection, transaction

    from xxgk.search.backends import get_backend
    from xxgk.search.documents import texts_of
    from xxgk.search.highlight import highlight, snippet
    from xxgk.search.models import Synonym, Version
    from xxgk.search.query import parse
    from xxgk.search.selectors import search

    migrate_seconds = time.perf_counter() - started
    rng = random.Random(args.seed)
    corpus = Corpus(rng)
    entries = []
    try:
        if args.existing:
            generate_seconds = build_seconds = build_cpu_seconds = 0.0
            args.docs, text_bytes = existing_index()
        else:
            started = time.perf_counter()
            with transaction.atomic():
                entries = generate_pages(args.docs, corpus, args.chars)
            generate_seconds = time.perf_counter() - started

            backend = get_backend()
            started, started_cpu = time.perf_counter(), time.process_time()
            backend.rebuild((pk, Version.LIVE, content) for pk, content in entries)
            build_seconds = time.perf_counter() - started
            build_cpu_seconds = time.process_time() - started_cpu
            text_bytes = sum(len(c.title.encode()) + len(c.text.encode()) for _, c in entries)
        size, size_note = index_size()

        queries = corpus.queries(args.queries)

        def engine(query, expand=True):
            """What the page does before rendering: read the query (segmentation, the
            synonym list), count, fetch the first 20 hits."""
            parsed = parse(query, expand=expand)
            results = search(parsed)
            results.count()
            return parsed, results[:20]

        def literal(query):
            return engine(query, expand=False)

        def page(query):
            parsed, hits = engine(query)
            texts = texts_of(hit.document for hit in hits)
            for hit in hits:
                highlight(hit.document.title, parsed)
                snippet(texts[hit.document.pk], parsed)

        time_queries(queries[:20], engine)  # warm caches
        # Interleaved so that both see the same machine load.
        engine_ms, literal_ms = [], []
        for query in queries:
            engine_ms += time_queries([query], engine)
            literal_ms += time_queries([query], literal)
        page_ms = time_queries(queries, page)
        hit_counts = [search(query).count() for query in queries]
        # One-character words, median of 5 each.
        single_ms = {
            query: statistics.median(time_queries([query] * 5, engine))
            for query in SINGLE_CHARACTERS
        }
        expanded = sum(1 for query in queries if parse(query).expansions)
        synonym_entries = Synonym.objects.count()

        subset = min(args.baseline_docs, len(entries))
        scale = args.docs / max(subset, 1)
        # The baseline, a site without a search index: every query an icontains scan of the
        # plain text (the index keeps its text packed, so the subset gets a table of its own).
        if entries:
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE TABLE {SCAN_TABLE} (title text, body text, day date)")
                cursor.executemany(
                    f"INSERT INTO {SCAN_TABLE} VALUES (%s, %s, %s)",
                    [(c.title, c.text, c.date) for _, c in entries[:subset]],
                )

        def scan(query):
            words = query.split()
            where = " AND ".join(
                ["(UPPER(title) LIKE UPPER(%s) OR UPPER(body) LIKE UPPER(%s))"] * len(words)
            )
            params = [f"%{word}%" for word in words for _ in range(2)]
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM {SCAN_TABLE} WHERE {where}", params)
                cursor.execute(
                    f"SELECT title FROM {SCAN_TABLE} WHERE {where} ORDER BY day DESC LIMIT 20",
                    params,
                )
                cursor.fetchall()

        scan_ms = [ms * scale for ms in time_queries(queries, scan)] if entries else []
    finally:
        if scratch is not None:
            connection.close()
            if args.keep:
                print(f"kept {scratch / 'bench.sqlite3'}")
            else:
                shutil.rmtree(scratch, ignore_errors=True)
        else:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {SCAN_TABLE}")
            if not args.keep and not args.existing:
                from wagtail.models import Page

                Page.objects.filter(slug__startswith="bench-").delete()

    p50, p95, p99 = (percentile(engine_ms, f) for f in (0.5, 0.95, 0.99))
    literal_p95 = percentile(literal_ms, 0.95)
    rows = [
        ("database", f"{connection.vendor} ({'temporary file' if scratch else 'DATABASE_URL'})"
                     f"{', existing index' if args.existing else ''}"),
        ("documents", f"{args.docs:,}" + ("" if args.existing else f" × ~{args.chars} characters")),
        ("schema migrate", f"{migrate_seconds:.1f} s"),
        ("generate pages", f"{generate_seconds:.1f} s"),
        ("index build (tokenise + insert + optimize)",
         f"{build_seconds:.1f} s wall, {build_cpu_seconds:.1f} s CPU"),
        ("index size", f"{size / 2**20:.1f} MiB ({size_note})"),
        ("indexed text (title + body, UTF-8)", f"{text_bytes / 2**20:.1f} MiB"),
        ("index size / indexed text", f"{size / text_bytes:.2f}"),
        ("queries", f"{len(queries)} ({sum(1 for c in hit_counts if c)} with hits, "
                    f"median {statistics.median(hit_counts):.0f} hits)"),
        ("synonym list", f"{synonym_entries} entries; {expanded} of {len(queries)} "
                         "queries expand"),
        ("search p50 / p95 / p99 (parse + count + top 20), synonyms on",
         f"{p50:.1f} / {p95:.1f} / {p99:.1f} ms"),
        ("same, synonyms off: p50 / p95",
         f"{percentile(literal_ms, 0.5):.1f} / {literal_p95:.1f} ms"),
        ("with snippets p50 / p95",
         f"{percentile(page_ms, 0.5):.1f} / {percentile(page_ms, 0.95):.1f} ms"),
        ("one-character words (alone, beside others), count + top 20, median of 5",
         ", ".join(f"{q} {ms:.1f}" for q, ms in single_ms.items()) + " ms"),
    ]  # fmt: skip
    if scan_ms:
        rows += [
            (f"icontains scan p50 / p95 (×{scale:g} from {subset:,})",
             f"{percentile(scan_ms, 0.5):.1f} / {percentile(scan_ms, 0.95):.1f} ms"),
            ("speed-up at p95 (scan / search)", f"{percentile(scan_ms, 0.95) / p95:.0f}×"),
        ]  # fmt: skip
    emit("search", f"documents ({connection.vendor})", args.docs)
    emit("search", "index build (tokenise + insert + optimize)", round(build_seconds, 1), "s")
    emit("search", "index size", round(size / 2**20, 1), "MiB")
    emit("search", "indexed text (title + body, UTF-8)", round(text_bytes / 2**20, 1), "MiB")
    emit("search", "index size / indexed text", round(size / text_bytes, 2), "ratio")
    emit("search", "query p50 (parse + count + top 20), synonyms on", round(p50, 1), "ms")
    emit("search", "query p95 (parse + count + top 20), synonyms on", round(p95, 1), "ms")
    emit("search", "query p95, synonyms off (same run)", round(literal_p95, 1), "ms")
    emit("search", "queries that expand", f"{expanded} of {len(queries)}")
    emit("search", "query p95 with snippets", round(percentile(page_ms, 0.95), 1), "ms")
    emit(
        "search",
        "slowest query with a one-character word (median of 5)",
        round(max(single_ms.values()), 1),
        "ms",
    )
    if scan_ms:
        emit("search", f"icontains scan p95 (x{scale:g} from {subset:,})",
             round(percentile(scan_ms, 0.95), 1), "ms")  # fmt: skip
        emit(
            "search", "speed-up at p95 (scan / search)", round(percentile(scan_ms, 0.95) / p95), "x"
        )
    emit("search", "load average at end", os.getloadavg()[0])
    width = max(len(label) for label, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|-{'-' * 40}")
    for label, value in rows:
        print(f"{label.ljust(width)} | {value}")


if __name__ == "__main__":
    main()
