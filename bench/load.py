"""Load-test the portal over HTTP: gunicorn serving a database made by bench/generate.py,
driven by wrk, against a whitenoise static file served by the same server.

    python bench/load.py --database sqlite:////tmp/bench-10k.sqlite3
    python bench/load.py --database postgres://postgres@127.0.0.1:5432/bench_1m --modes cached

For each mode ("uncached" runs gunicorn with DJANGO_PAGE_CACHE_SECONDS=0, "cached" with
DJANGO_PAGE_CACHE_SECONDS=300) one gunicorn is started (DEBUG off, --workers sync workers) on
a free port; each URL gets a --warmup run of wrk (which also fills the page cache)
and then a --duration run (the article page twice: the same reader throughout, then a
new reader, i.e. a counted read, on every request), and the script prints requests per second, latency
(p50/p99/max), responses that were not 2xx, and each page's req/s as a share of the
static file's in the same mode: the machine is noisy, ratios within one run are
what compare. wrk is Debian's `wrk` (installed with apt-get when run as root).
"""

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

# wrk's Lua hooks: count answers that are not 2xx in every thread (wrk's own
# "Non-2xx or 3xx" line lets redirects pass), then print one JSON line.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread); thread:set("id", #threads) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "p50": %f, "p99": %f, "max": %f, "non2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, bad, e.connect + e.read + e.write + e.timeout))
end
"""
# The same, but every request comes from another browser (User-Agent), so the
# read counter counts each one: what a burst of readers of a shared link costs.
NEW_READER_SCRIPT = WRK_SCRIPT + """
local n = 0
function request()
  n = n + 1
  return wrk.format(nil, nil, {["User-Agent"] = "Mozilla/5.0 (Linux; Android 14) reader " .. id .. "-" .. n})
end
"""
MODES = {"uncached": "0", "cached": "300"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def need_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return shutil.which("wrk")
    sys.exit("wrk is not installed: apt-get install wrk (Debian), then run this again.")


def portal_env(args, static_root, media_root):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=args.database, DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_DEBUG="0", DJANGO_HTTPS="0", DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECRET_KEY="load-test-only-" + "x" * 40,
        STATIC_ROOT=str(static_root), MEDIA_ROOT=str(media_root),
    )
    return env


def targets(env):
    """(name, path) of the pages to load, found in the database; the static file first."""
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connection
    from django.db.models import Count

    from news.models import Article, Event

    from django.db import DatabaseError

    published = Article.objects.published()
    try:
        found = published.exists()
    except DatabaseError as error:
        sys.exit(f"{env['DATABASE_URL']} is not a portal database ({error}): make it with bench/generate.py.")
    if not found:
        sys.exit(f"No published articles in {env['DATABASE_URL']}: fill it with bench/generate.py first.")
    plain = published.filter(event__isnull=True).order_by("-published_at").first()
    busy_event = Event.objects.public().annotate(n=Count("attendances")).order_by("-n", "-start_date").first()
    with_event = published.filter(event=busy_event).first()
    pages = [
        ("static file (css/portal.css)", staticfiles_storage.url("css/portal.css")),
        ("home", "/"),
        ("list, page 1", "/news/"),
        ("list, page 50", "/news/?page=50"),
        ("detail, no event", plain.get_absolute_url()),
        ("detail, no event, a new reader each request", plain.get_absolute_url()),
        (f"detail, event ({busy_event.n} attendees)", with_event.get_absolute_url()),
        ("feed: news RSS", "/feeds/news.rss"),
    ]
    facts = {"articles": published.count(), "vendor": connection.vendor, "version": connection.Database.sqlite_version
             if connection.vendor == "sqlite" else ".".join(map(str, divmod(connection.pg_version, 10000)))}
    connection.close()
    return pages, facts


def placeholder_photos(media_root):
    """The files generate.py's photo rows name, so pages show (and stat) them, as bench/run.py does."""
    from PIL import Image

    (media_root / "bench").mkdir(parents=True, exist_ok=True)
    for order in range(6):
        Image.new("RGB", (1200, 800), (40 * order, 90, 140)).save(media_root / "bench" / f"placeholder-{order}.jpg", quality=60)


def start_gunicorn(env, workers, log, port=None):
    port = port or free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5)
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                server.wait()
                log.flush()
                sys.exit("gunicorn did not start:\n" + Path(log.name).read_text()[-3000:])
            time.sleep(0.2)


def wrk(binary, script, url, args, seconds):
    command = [binary, f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script, url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} CPU ({cpu}), Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL", ""),
                        help="DATABASE_URL of a database filled by bench/generate.py (default: $DATABASE_URL)")
    parser.add_argument("--modes", default="uncached,cached", help="comma-separated: uncached, cached")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of load before each measured run")
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per page")
    parser.add_argument("--port", type=int, default=0, help="gunicorn's port (default: any free one)")
    parser.add_argument("--only", default="", help="only pages whose name contains this (the static file always runs)")
    parser.add_argument("--paired", type=int, default=0, metavar="ROUNDS",
                        help="on a busy machine: run the static file right before each page, ROUNDS times, and give "
                             "the median req/s and the median of the page/static ratios of each pair")
    args = parser.parse_args()
    if not args.database:
        sys.exit("Name the database: --database sqlite:////tmp/bench-10k.sqlite3 (made by bench/generate.py)")
    if args.database.startswith("sqlite:///") and not Path(args.database.removeprefix("sqlite:///")).exists():
        sys.exit(f"No such database file: {args.database.removeprefix('sqlite:///')} (make it with bench/generate.py)")
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    if unknown := set(modes) - set(MODES):
        sys.exit(f"Unknown mode(s) {', '.join(sorted(unknown))}: choose from {', '.join(MODES)}")
    binary = need_wrk()
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        run(args, modes, binary, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args, modes, binary, work):
    env = portal_env(args, work / "static", work / "media")
    placeholder_photos(work / "media")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
    pages, facts = targets(env)
    script = work / "count.lua"
    script.write_text(WRK_SCRIPT)
    new_readers = work / "new-readers.lua"
    new_readers.write_text(NEW_READER_SCRIPT)
    wrk_version = subprocess.run([binary, "-v"], capture_output=True, text=True).stdout.split(" [")[0]
    print(f"{machine()}; {facts['articles']} published articles, {facts['vendor']} {facts['version']}; {wrk_version}")
    print(f"gunicorn {args.workers} sync workers, DEBUG off; wrk -t{args.threads} -c{args.connections}, "
          f"{args.warmup} s warm-up + {args.duration} s per page\n")
    print("| page | mode | req/s | p50 ms | p99 ms | max ms | non-2xx | socket errors | % of static file | load avg |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mode in modes:
        print(f"<!-- {mode}: load average {os.getloadavg()[0]:.1f} at the start -->", flush=True)
        log = open(work / f"gunicorn-{mode}.log", "w")
        server, base = start_gunicorn({**env, "DJANGO_PAGE_CACHE_SECONDS": MODES[mode]}, args.workers, log, args.port)
        try:
            reference = None
            static = pages[0][1]

            def measure(path, lua):
                if args.warmup:
                    wrk(binary, lua, base + path, args, args.warmup)
                result = wrk(binary, lua, base + path, args, args.duration)
                return result, result["requests"] / result["seconds"]

            for name, path in pages:
                if reference is not None and args.only not in name:
                    continue
                lua = new_readers if "new reader" in name else script
                load = os.getloadavg()[0]  # the machine is shared: how busy it was before this page
                if args.paired and reference is not None:
                    pairs = [(measure(static, script)[1], measure(path, lua)) for _ in range(args.paired)]
                    result, rate = sorted(pairs, key=lambda pair: pair[1][1])[len(pairs) // 2][1]
                    share = statistics.median(100 * page_rate / static_rate for static_rate, (_, page_rate) in pairs)
                else:
                    result, rate = measure(path, lua)
                    reference = reference or rate
                    share = 100 * rate / reference
                print(f"| {name} | {mode} | {rate:,.0f} | {result['p50']:.1f} | {result['p99']:.1f} | {result['max']:.1f} "
                      f"| {result['non2xx']} | {result['socket_errors']} | {share:.1f} % | {load:.1f} |", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        print(f"<!-- {mode}: load average {os.getloadavg()[0]:.1f} at the end -->", flush=True)


if __name__ == "__main__":
    main()
