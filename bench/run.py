"""Time the portal's pages in-process (Django's test Client, DEBUG off) against a
database filled by bench/generate.py, and print p50/p95/max and queries per page.

    DATABASE_URL=sqlite:////tmp/bench-10k.sqlite3 python bench/run.py --repeat 30

Each page is requested a few times first (warm caches, e.g. the list counts in
the shared cache), then `--repeat` times timed. One client, one process: these
are latencies, not throughput (throughput needs gunicorn and a load tool).

`--cache off` (the default) times pages with the page cache (news.caching) off;
`--cache on` times them as an anonymous reader gets them once cached (the warm-up
requests fill it); `--cache both` prints the two side by side.
"""

import argparse
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
MEDIA = Path(os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-media-")))
STATIC = Path(os.environ.setdefault("STATIC_ROOT", str(Path(tempfile.gettempdir()) / "bench-static")))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from PIL import Image  # noqa: E402

from news.models import Article, Category, Event, Office, Person, Province, Tag  # noqa: E402
from news.pagination import CachedCountPaginator  # noqa: E402


def placeholder_photos():
    """The files generate.py's photo rows name, so pages show (and stat) them."""
    (MEDIA / "bench").mkdir(parents=True, exist_ok=True)
    for order in range(6):
        path = MEDIA / "bench" / f"placeholder-{order}.jpg"
        if not path.exists():
            Image.new("RGB", (1200, 800), (40 * order, 90, 140)).save(path, quality=60)


def pages():
    published = Article.objects.published()
    total = published.count()
    plain = published.filter(event__isnull=True).order_by("-published_at").first()
    busy_event = (
        Event.objects.public().annotate(n=Count("attendances")).filter(n__gte=50).order_by("-start_date").first()
    )
    with_event = published.filter(event=busy_event).first()
    person = Person.objects.annotate(n=Count("attendances")).order_by("-n").first()
    area = Office.objects.filter(kind="primary_area").order_by("pk").first()
    category = Category.objects.order_by("pk").first()
    tag = Tag.objects.order_by("pk")[5]
    # The tag with the most news (generate.py's tags are alike; one added by hand is
    # not): a tag's page and feed should cost the same whatever its size.
    biggest = Tag.objects.annotate(n=Count("articles")).order_by("-n", "pk").first()
    province = Province.objects.get(code="TH-10")
    last_page = (total + 11) // 12
    # The middle page as a reader paging down reaches it: through the "Older" link of
    # the page before, which carries that page's last row as a cursor (news.pagination).
    before_middle = published.order_by("-published_at", "-pk")[(last_page // 2 - 1) * 12 - 1]
    cursor = CachedCountPaginator.encode_cursor(before_middle.published_at, before_middle.pk)
    return [
        ("home", "/"),
        ("list", "/news/"),
        ("list, 3 filters", f"/news/?office=obec&category={category.slug}&tag={tag.slug}"),
        ("list, tag", f"/news/?tag={tag.slug}"),
        ("list, page 50", "/news/?page=50"),
        (f"list, middle page ({last_page // 2})", f"/news/?page={last_page // 2}"),
        (f"list, middle page ({last_page // 2}) by Older link", f"/news/?page={last_page // 2}&older_than={cursor}"),
        (f"list, last page ({last_page})", f"/news/?page={last_page}"),
        ("search", "/news/?q=ประชุม"),
        ("detail, no event", plain.get_absolute_url()),
        (f"detail, event ({busy_event.n} attendees)", with_event.get_absolute_url()),
        (f"event ({busy_event.n} attendees)", busy_event.get_absolute_url()),
        (f"person ({person.n} events)", person.get_absolute_url()),
        ("office (OBEC, 246 offices)", "/offices/obec/"),
        ("office (one area office)", area.get_absolute_url()),
        ("tag", tag.get_absolute_url()),
        (f"tag, largest ({biggest.n} articles)", biggest.get_absolute_url()),
        ("events list", "/events/"),
        ("feed: news RSS", "/feeds/news.rss"),
        ("feed: news Atom", "/feeds/news.atom"),
        ("feed: office RSS (OBEC)", "/feeds/offices/obec.rss"),
        ("feed: category RSS", f"/feeds/categories/{category.slug}.rss"),
        ("feed: tag RSS", f"/feeds/tags/{tag.slug}.rss"),
        (f"feed: tag RSS, largest ({biggest.n} articles)", f"/feeds/tags/{biggest.slug}.rss"),
        ("feed: province RSS", f"/feeds/provinces/{province.code}.rss"),
        ("feed: events RSS", "/feeds/events.rss"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap: news page 1", "/sitemap-news.xml"),
        ("sitemap: events", "/sitemap-events.xml"),
    ]


def measure(client, url, repeat, warm):
    for _ in range(warm):
        response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0 bench")
        assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0 bench")
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, times[-1], len(ctx.captured_queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--only", default="", help="only pages whose name contains this")
    parser.add_argument("--skip", default="", help="leave out pages whose name contains this, e.g. sitemap")
    parser.add_argument("--cache", choices=["off", "on", "both"], default="off", help="the page cache (news.caching)")
    args = parser.parse_args()
    placeholder_photos()
    if not (STATIC / "staticfiles.json").exists():  # DEBUG off: the hashed-name manifest
        call_command("collectstatic", "--noinput", verbosity=0)
    client = Client()
    cache_seconds = settings.PAGE_CACHE_SECONDS or 300
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"{Article.objects.count()} articles, {connection.vendor}, {cache}; {args.repeat} timed requests per page\n")
    if args.cache == "both":
        print("| page | uncached p50 ms | p95 ms | queries | cached p50 ms | p95 ms | max ms | queries | p50 ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    else:
        print("| page | p50 ms | p95 ms | max ms | queries |")
        print("|---|---:|---:|---:|---:|")
    for name, url in pages():
        if args.only not in name or (args.skip and args.skip in name):
            continue
        settings.PAGE_CACHE_SECONDS = 0 if args.cache in ("off", "both") else cache_seconds
        p50, p95, worst, queries = measure(client, url, args.repeat, args.warm)
        if args.cache != "both":
            print(f"| {name} | {p50:.1f} | {p95:.1f} | {worst:.1f} | {queries} |", flush=True)
            continue
        settings.PAGE_CACHE_SECONDS = cache_seconds
        c50, c95, cworst, cqueries = measure(client, url, args.repeat, max(1, args.warm))
        print(
            f"| {name} | {p50:.1f} | {p95:.1f} | {queries} | {c50:.2f} | {c95:.2f} | {cworst:.2f} | {cqueries} "
            f"| {p50 / c50:.0f}× |",
            flush=True,
        )


if __name__ == "__main__":
    main()
