"""CPU time of one request through the portal's WSGI application, in process: the
whitenoise static file against cached pages (the page cache's hit path). Process
CPU time, so other jobs on the machine disturb it far less than wrk's req/s; it
leaves out gunicorn's own per-request cost (the same for every URL).

    REDIS_URL=redis://127.0.0.1:6379/6 python bench/hit_cost.py --database sqlite:////tmp/bench-10k.sqlite3

Needs static files collected (it runs collectstatic into a temporary folder) and a
database made by bench/generate.py. Each URL: one request to fill the cache, then
--repeat requests timed; the same reader (address and browser) throughout, and a
second run of the article pages with a new reader per request (each one counted).
"""

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote_to_bytes

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))


def environ(path, reader):
    path, _, query = path.partition("?")
    path = unquote_to_bytes(path).decode("latin-1")  # PEP 3333: PATH_INFO is decoded
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": f"10.{reader // 65536 % 256}.{reader // 256 % 256}.{reader % 256}",
        "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 14) reader", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http", "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True,
        "wsgi.run_once": False, "SERVER_PROTOCOL": "HTTP/1.1",
    }


def request(app, path, reader=1):
    status = []
    body = app(environ(path, reader), lambda s, headers, exc_info=None: status.append((s, dict(headers))))
    for _ in body:
        pass
    if hasattr(body, "close"):
        body.close()
    return status[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-hit-"))
    try:
        os.environ.update(
            DATABASE_URL=args.database, DJANGO_SETTINGS_MODULE="portal.settings", DJANGO_DEBUG="0", DJANGO_HTTPS="0",
            DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_SECRET_KEY="hit-cost-only-" + "x" * 40,
            STATIC_ROOT=str(work / "static"), MEDIA_ROOT=str(work / "media"), DJANGO_PAGE_CACHE_SECONDS="300",
        )
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, check=True)
        import logging

        logging.disable(logging.WARNING)
        from load import placeholder_photos, targets

        placeholder_photos(work / "media")
        pages, _ = targets(dict(os.environ))
        pages = [(name, path) for name, path in pages if "new reader" not in name]  # the rows below do that
        from portal.wsgi import application

        print(f"{args.repeat} requests per URL, process CPU time per request (REDIS_URL={'set' if os.environ.get('REDIS_URL') else 'unset'})\n")
        print("| page | reader | µs CPU per request | X-Page-Cache | × static file's cost | % of static file's rate |")
        print("|---|---|---:|---|---:|---:|")
        reference = None
        rows = [(name, path, False) for name, path in pages]
        rows += [(name, path, True) for name, path in pages if name.startswith("detail")]
        for name, path, new_readers in rows:
            request(app := application, path)
            start = time.process_time()
            for n in range(args.repeat):
                status, headers = request(app, path, reader=100 + n if new_readers else 1)
            cost = (time.process_time() - start) / args.repeat
            assert status.startswith("200"), (path, status)
            reference = reference or cost
            print(f"| {name} | {'new each time' if new_readers else 'the same'} | {cost * 1e6:,.0f} | "
                  f"{headers.get('X-Page-Cache', '–')} | {cost / reference:.2f} | {100 * reference / cost:.1f} % |", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
