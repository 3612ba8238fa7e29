"""Time the news search (news.search) on a database filled by bench/generate.py:
indexing throughput, index size, and p50/p95 of search pages and of the search
query alone.

    DATABASE_URL=sqlite:////tmp/bench-10k.sqlite3 python bench/search.py --repeat 20

generate.py bulk-inserts its rows, so the index is built here first (timed: that
is the indexing throughput) unless it already holds every article. Each query is
timed as a whole news-list page (test Client, DEBUG off, the list count computed
every time, as for a query nobody sent before) and as the search query alone
(the first page of ids, with the list's filters, as the list asks for it).
"""

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.update(DJANGO_DEBUG="0", DJANGO_HTTPS="0", DJANGO_ALLOWED_HOSTS="testserver")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-key-" + "x" * 40)
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-media-"))
STATIC = Path(os.environ.setdefault("STATIC_ROOT", str(Path(tempfile.gettempdir()) / "bench-static")))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from django.core.cache import cache  # noqa: E402
from django.db import OperationalError, connection  # noqa: E402
from django.test import Client  # noqa: E402

from news import search  # noqa: E402
from news.filters import ArticleFilter  # noqa: E402
from news.models import Article, Office, SearchDocument  # noqa: E402

# Shapes readers type: a person, a place, an office, a policy, a year, a common
# word, a compound part, Thai with English, a phrase, a short word, nonsense,
# and a year that only older articles hold.
QUERIES = [
    "ธนุ วงษ์จินดา",
    "คุ้มภูคำ",
    "สพป.นครพนม เขต 1",
    "เรียนดี มีความสุข",
    "๒๕๖๗",
    "ปีงบประมาณ 2562",  # only in the older articles (events of fiscal year 2562)
    "ประชุม",
    "โรงเรียน",
    "สพป",
    "อำนวยการ",
    "ประชุม Zoom",
    '"ประชุมเชิงปฏิบัติการ"',
    "ครู ปี",
    "ศึกษานิเทศก์ สมศรี",
    "ฟหกดเสวง",
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def index_size():
    """Bytes taken by the index: its rows and the database's search indexes."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('news_searchdocument')")
            return cursor.fetchone()[0]
        try:
            cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'news_search%'")
            return cursor.fetchone()[0]
        except Exception:  # SQLite built without dbstat
            return None


def timed(function, repeat):
    function()  # warm: the database's own caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reindex", action="store_true", help="index again even when the index is complete")
    parser.add_argument("--timeout", type=float, default=30, help="seconds a statement may take (PostgreSQL) before the query is reported as over it")
    parser.add_argument("--only", nargs="*", help="time only these queries")
    args = parser.parse_args()

    articles = Article.objects.count()
    print(f"{connection.vendor}, {articles} articles, load average {os.getloadavg()[0]:.1f} (2 cores shared)")
    if args.reindex or SearchDocument.objects.count() != articles:
        started = time.perf_counter()
        search.rebuild()
        seconds = time.perf_counter() - started
        print(f"indexing: {articles} articles in {seconds:.1f} s = {articles / seconds:.0f} articles/s, load average {os.getloadavg()[0]:.1f}")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE news_searchdocument")
    size = index_size()
    if size:
        print(f"index size: {size / 2**20:.0f} MiB ({size / max(articles, 1) / 1024:.1f} KiB an article)")

    if not (STATIC / "staticfiles.json").exists():  # DEBUG off: the hashed-name manifest
        call_command("collectstatic", "--noinput", verbosity=0)
    logging.disable(logging.WARNING)  # generate.py's photo rows name no files
    client = Client()
    office = Office.objects.filter(kind="primary_area").order_by("pk").first()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [int(args.timeout * 1000)])
    print(f"\n{'query':<34} {'found':>7} {'page p50':>9} {'p95':>7} {'query p50':>10} {'p95':>7}  (ms)", flush=True)
    rows, timed_out = [], []
    for q in args.only or QUERIES + [f"ประชุม&office={office.slug}"]:
        text, _, extra = q.partition("&")
        params = {"q": text, **dict([extra.split("=")] if extra else [])}

        def page():
            cache.clear()  # the list count is computed, as for a new query
            response = client.get("/news/", params)
            assert response.status_code == 200, response.status_code

        def searched():
            # The list's own filters, as the page applies them (the office's tree).
            return ArticleFilter(params, queryset=Article.objects.published()).qs

        def query():
            list(searched().values_list("pk", flat=True)[:12])

        try:
            found = searched().count()
            page_times, query_times = timed(page, args.repeat), timed(query, args.repeat)
        except OperationalError:  # PostgreSQL cancelled it at --timeout
            print(f"{q:<34} over the {args.timeout:.0f} s statement timeout", flush=True)
            timed_out.append(q)
            continue
        rows.append((q, found, page_times, query_times))
        print(
            f"{q:<34} {found:>7} {statistics.median(page_times):>9.1f} {percentile(page_times, .95):>7.1f}"
            f" {statistics.median(query_times):>10.1f} {percentile(query_times, .95):>7.1f}", flush=True
        )
    # A query cancelled at the timeout counts as taking the timeout, each run.
    over = [args.timeout * 1000] * (args.repeat * len(timed_out))
    every_page = [t for row in rows for t in row[2]] + over
    every_query = [t for row in rows for t in row[3]] + over
    if timed_out:
        print(f"\n{len(timed_out)} queries over the timeout, counted as {args.timeout:.0f} s each run: {', '.join(timed_out)}")
    print(f"\nall pages: p50 {statistics.median(every_page):.1f} ms, p95 {percentile(every_page, .95):.1f} ms")
    print(f"all search queries: p50 {statistics.median(every_query):.1f} ms, p95 {percentile(every_query, .95):.1f} ms")
    print(f"load average at the end: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
