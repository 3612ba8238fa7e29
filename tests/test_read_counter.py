"""A reader is counted once per 30 minutes however many app processes serve them.

These tests run the portal as it runs in production, under gunicorn with two worker
processes, on a database of its own, and send 100 readers who each open the article
twice (at the same time, so the two requests usually land on different workers);
every counted read also tries to flush pending reads, so flushes race each other.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings

READERS = 100
# The suite's own Redis when it has one (REDIS_URL), else db 14; keys under a prefix of their own.
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/14"


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, check=True,
        stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
    )


def open_twice_at_once(url, reader):
    # A documentation address (RFC 5737) in the header only: every request goes to 127.0.0.1.
    headers = {"User-Agent": "Mozilla/5.0 (Linux; Android 14) reader", "X-Forwarded-For": f"198.51.100.{reader}"}

    def get(_):
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30).status

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(get, range(2)))


@pytest.fixture
def portal_env(tmp_path):
    """Environment for a portal of its own: a fresh SQLite file, one published article."""
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_DEBUG="1",
        DJANGO_TRUSTED_PROXY_COUNT="1",  # readers' addresses come from X-Forwarded-For
        CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
        # Every counted read tries to flush: flushes race each other and the reads.
        DJANGO_READ_FLUSH_SECONDS="0",
    )
    manage(env, "migrate", "--noinput")
    manage(
        env, "shell", "-c",
        "from django.utils import timezone; from news.models import Article, Office;"
        "office = Office.objects.create(name='สำนักงานทดสอบ', short_name='สนง.ทดสอบ', slug='t', kind='other');"
        "Article.objects.create(title='ข่าวทดสอบตัวนับ', body='<p>x</p>', office=office,"
        " status='published', published_at=timezone.now())",
    )
    return env


@pytest.mark.parametrize("cache", ["database", "redis"])
def test_each_reader_is_counted_once_across_two_gunicorn_workers(portal_env, tmp_path, cache):
    if cache == "redis":
        if not redis_answers():
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        portal_env["REDIS_URL"] = REDIS_URL
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR, env=portal_env, stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/news/1/"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "gunicorn did not start"
                time.sleep(0.2)
        with ThreadPoolExecutor(8) as pool:
            statuses = [s for pair in pool.map(lambda n: open_twice_at_once(url, n), range(READERS)) for s in pair]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses == [200] * (2 * READERS)
    manage(portal_env, "flush_read_counts")  # what the requests' own flushes left pending
    with sqlite3.connect(tmp_path / "portal.sqlite3") as db:
        (count,) = db.execute("SELECT read_count FROM news_article").fetchone()
        (pending,) = db.execute("SELECT COUNT(*) FROM news_pendingread").fetchone()
    assert (count, pending) == (READERS, 0)
