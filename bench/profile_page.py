"""Profile one page in-process (Django's test Client, DEBUG off, cached template
loader) with cProfile, against a database filled by bench/generate.py.

    DATABASE_URL=sqlite:////tmp/bench-10k.sqlite3 python bench/profile_page.py /news/ --repeat 50

Prints the mean time per request and the functions with the most cumulative and
own time: where a page's Python goes (docs/performance.md, "Rendering").
"""

import argparse
import cProfile
import pstats
import sys
import time

import run  # noqa: F401  (sets up Django as bench/run.py does: DEBUG off, hashed static files)
from django.conf import settings
from django.core.management import call_command
from django.test import Client


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", help="pstats sort key: cumulative, tottime, …")
    args = parser.parse_args()
    run.placeholder_photos()
    if not (run.STATIC / "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", verbosity=0)
    settings.PAGE_CACHE_SECONDS = 0
    client = Client()
    for _ in range(3):
        assert client.get(args.url, HTTP_USER_AGENT="Mozilla/5.0 bench").status_code == 200
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        client.get(args.url, HTTP_USER_AGENT="Mozilla/5.0 bench")
    plain = (time.perf_counter() - start) * 1000 / args.repeat
    cpu = (time.process_time() - cpu) * 1000 / args.repeat
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.repeat):
        client.get(args.url, HTTP_USER_AGENT="Mozilla/5.0 bench")
    profiler.disable()
    # CPU time is what this process spent: less disturbed by other jobs than wall time.
    print(f"{args.url}: {plain:.1f} ms per request without the profiler ({cpu:.1f} ms of CPU)")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
