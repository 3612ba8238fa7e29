"""Several app servers behind one balancer share everything a reader or editor sees.

Two gunicorn instances on their own ports behind Debian's nginx (round robin), one
PostgreSQL database, one Redis and one shared media folder, as docs/deploy.md
describes for several servers. The second server uses the connection pool
(DJANGO_DB_POOL=1). The suite's own PostgreSQL server and Redis are used, with a
throwaway database and a cache key prefix of this test's own; it runs in the
PostgreSQL + Redis part of .ci/run (REQUIRE_TWO_SERVERS=1 there turns a missing
piece into a failure) and is skipped, saying which piece is missing, elsewhere.
"""

import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from .admin_forms import form_fields
from .factories import jpeg_bytes

pytestmark = pytest.mark.two_servers

MANAGE = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
ADMIN_PASSWORD = secrets.token_urlsafe(12)
# A reader's browser; Python's own user agent is not counted as a reader (news.reads),
# so the checks below that are not reads use it and leave the count alone.
READER_AGENT = "Mozilla/5.0 (Linux; Android 14) two-servers reader"


def _require(condition, reason):
    if condition:
        return
    if os.environ.get("REQUIRE_TWO_SERVERS"):
        pytest.fail(reason)
    pytest.skip(reason)


def _answers(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres(db, dbname="postgres"):
    import psycopg

    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}
    return psycopg.connect(dbname=dbname, autocommit=True, **{k: v for k, v in params.items() if v})


def _wait_until_up(url, process, what):
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{what} did not start:\n{process.stderr.read().decode(errors='replace')}")
            time.sleep(0.2)


NGINX_CONF = """
{user}
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {root}/access.log;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    client_max_body_size 25m;
    upstream portal {{
        server 127.0.0.1:{port_a};
        server 127.0.0.1:{port_b};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://portal;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


class Cluster:
    """Two app servers, the balancer in front of them, and the shared pieces."""

    def __init__(self, root, env, database):
        self.root, self.env, self.database = root, env, database
        self.media = Path(env["MEDIA_ROOT"])
        self.processes = []
        self.servers = {}  # name -> base URL

    def manage(self, *args):
        result = subprocess.run(
            MANAGE + list(args), env=self.env, cwd=settings.BASE_DIR, stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=180,
        )
        assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def start(self, name, command, env, ready_path="/robots.txt"):
        port = _free_port()
        process = subprocess.Popen(
            [part.format(port=port) for part in command], cwd=settings.BASE_DIR, env=env,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        self.processes.append(process)
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url + ready_path, process, name)
        self.servers[name] = url
        return port

    def start_gunicorn(self, name, **env):
        return self.start(
            name, [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", "2", "--bind", "127.0.0.1:{port}"],
            {**self.env, **env},
        )

    def start_nginx(self, port_a, port_b):
        port = _free_port()
        conf = self.root / "nginx" / "nginx.conf"
        conf.parent.mkdir()
        # Run as root (CI), nginx's workers would become "nobody", who may not enter
        # pytest's private temporary folders for the paths above.
        user = "user root;" if os.geteuid() == 0 else ""
        conf.write_text(NGINX_CONF.format(user=user, root=conf.parent, port=port, port_a=port_a, port_b=port_b))
        process = subprocess.Popen(
            [NGINX, "-p", str(conf.parent), "-c", str(conf), "-e", str(conf.parent / "error.log")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        self.processes.append(process)
        _wait_until_up(f"http://127.0.0.1:{port}/robots.txt", process, "nginx")
        self.servers["balancer"] = f"http://127.0.0.1:{port}"

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()

    def sql(self, query, *params):
        with _postgres(settings.DATABASES["default"], self.database) as db:
            return db.execute(query, params).fetchall()


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is returned as the answer, as the admin's tests read it


class Visitor:
    """A browser: cookies (kept across servers, as a browser keeps them per host
    name whatever the port), headers of its own, no automatic redirects."""

    def __init__(self, **headers):
        self.headers = headers
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _KeepRedirects,
        )

    def request(self, url, data=None, content_type=None):
        headers = dict(self.headers)
        if content_type:
            headers["Content-Type"] = content_type
        try:
            response = self.opener.open(urllib.request.Request(url, data=data, headers=headers), timeout=30)
        except urllib.error.HTTPError as error:  # 3xx/4xx/5xx come back as answers
            response = error
        with response:
            return response.status, response.headers, response.read()

    def get(self, url):
        return self.request(url)

    def page(self, url):
        status, _, body = self.get(url)
        assert status == 200, f"{url} answered {status}"
        return body.decode()

    def post(self, url, fields, files=None):
        """A form POST, multipart when there are files, with the page's CSRF token."""
        boundary = uuid.uuid4().hex
        if not files:
            data = urllib.parse.urlencode(fields, doseq=True).encode()
            return self.request(url, data, "application/x-www-form-urlencoded")
        parts = []
        for name, values in fields.items():
            for value in values if isinstance(values, list) else [values]:
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content, kind) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {kind}\r\n\r\n".encode() + content + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(url, b"".join(parts), f"multipart/form-data; boundary={boundary}")


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    db = settings.DATABASES["default"]
    _require(
        db["ENGINE"] == "django.db.backends.postgresql",
        "the two-server test runs with the suite on PostgreSQL (DATABASE_URL=postgres://…, as in .ci/run)",
    )
    _require(settings.REDIS_URL, "the two-server test needs Redis: set REDIS_URL (as .ci/run does)")
    redis = urllib.parse.urlsplit(settings.REDIS_URL)
    _require(_answers(redis.hostname, redis.port or 6379), f"Redis does not answer at {settings.REDIS_URL}")
    _require(NGINX, "nginx is not installed (Debian: apt-get install nginx; scripts/test.sh does it as root)")

    root = tmp_path_factory.mktemp("two-servers")
    database = f"portal_two_servers_{uuid.uuid4().hex[:8]}"
    with _postgres(db) as server:
        server.execute(f'CREATE DATABASE "{database}"')
    login = urllib.parse.quote(db["USER"] or "") + (f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    host = f"{db['HOST']}:{db['PORT']}" if db["PORT"] else db["HOST"]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in {"DATABASE_URL", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": f"postgres://{login}@{host}/{database}",
        "REDIS_URL": settings.REDIS_URL,
        "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex}",
        "MEDIA_ROOT": str(root / "media"),  # the "shared storage" both servers mount
        "STATIC_ROOT": str(root / "static"),
        # As readers get it: DEBUG off (hashed static files, Thai error pages), over
        # plain HTTP here since nginx does not terminate TLS in this test.
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_TRUSTED_PROXY_COUNT": "1",  # nginx
        # Pages come from the shared cache where the portal caches them: the pages
        # warmed below then prove that publishing invalidates every cached copy.
        "DJANGO_PAGE_CACHE_SECONDS": "300",
    }
    cluster = Cluster(root, env, database)
    try:
        cluster.manage("migrate", "--noinput", "-v0")
        cluster.manage("collectstatic", "--noinput", "-v0")
        # One argument: a password may begin with "-", which argparse would take for an option.
        cluster.manage("load_demo", "--no-photos", f"--admin-password={ADMIN_PASSWORD}")
        port_a = cluster.start_gunicorn("a")
        port_b = cluster.start_gunicorn("b", DJANGO_DB_POOL="1")
        cluster.start_nginx(port_a, port_b)
        yield cluster
    finally:
        cluster.stop()
        with _postgres(db) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_news_published_on_one_server_shows_everywhere_at_once_and_reads_count_once(cluster):
    """Publishing through server A (admin, logged in, with a photo) shows the news at
    once on server B and through the balancer, on pages each of them served before
    (so a cached copy would have to be invalidated); the photo stored by A is served
    by B; a reader whose requests land on both servers is counted once."""
    a, b, balancer = (cluster.servers[name] for name in ("a", "b", "balancer"))
    anonymous = Visitor()  # Python's user agent: never counted as a reader

    # The balancer spreads requests over both app servers.
    upstreams = {anonymous.get(balancer + "/robots.txt")[1]["X-Upstream"] for _ in range(4)}
    assert len(upstreams) == 2, upstreams

    # Every server (the balancer twice, so both upstreams) serves the home page and
    # the news list before the article exists.
    title = f"ข่าวสองเครื่อง {uuid.uuid4().hex[:8]}"
    warmed = [a, b, balancer, balancer]
    for base in warmed:
        for path in ("/", "/news/"):
            assert title not in anonymous.page(base + path)

    # An editor logs in on server A; the session is valid on server B too.
    editor = Visitor()
    login_page = editor.page(a + "/admin/login/")
    status, headers, _ = editor.post(a + "/admin/login/?next=/admin/", {
        "csrfmiddlewaretoken": csrf_token(login_page), "username": "admin", "password": ADMIN_PASSWORD, "next": "/admin/",
    })
    assert status == 302 and headers["Location"] == "/admin/", status
    assert editor.get(b + "/admin/")[0] == 200

    # ... and publishes through A, with a photo.
    ((office,),) = cluster.sql("SELECT id FROM news_office WHERE slug = %s", "peo-phetchabun")
    add_page = editor.page(a + "/admin/news/article/add/")
    fields = {
        **form_fields(add_page),
        "csrfmiddlewaretoken": csrf_token(add_page),
        "title": title, "body": "<p>ประชุมผู้บริหารสถานศึกษา</p>", "office": str(office), "status": "published",
        "photos-0-alt_text": "ผู้บริหารร่วมประชุม",
    }
    status, headers, body = editor.post(
        a + "/admin/news/article/add/", fields, files={"photos-0-image": ("meeting.jpg", jpeg_bytes((640, 480)), "image/jpeg")},
    )
    assert status == 302, body.decode()[:2000]
    ((article_id,),) = cluster.sql("SELECT id FROM news_article WHERE title = %s AND status = 'published'", title)

    # At once, on every server that served the pages before.
    for base in warmed:
        for path in ("/", "/news/"):
            assert title in anonymous.page(base + path), f"{base}{path} does not show the new article"
    status, headers, _ = anonymous.get(f"{b}/news/{article_id}/")
    assert status == 301
    detail = urllib.parse.urlsplit(headers["Location"]).path
    for base in (b, balancer, balancer):
        html = anonymous.page(base + detail)
        assert title in html

    # The photo A stored is served by B and through the balancer, byte for byte.
    photo = re.search(r'src="(/media/[^"]+)"', html).group(1)
    stored = (cluster.media / urllib.parse.unquote(photo).removeprefix("/media/")).read_bytes()
    for base in (b, balancer, balancer):
        status, _, content = anonymous.get(base + photo)
        assert (status, content) == (200, stored)

    # One reader (address given by "the balancer" in X-Forwarded-For) opens the article
    # on A, then B, then again on each: counted once. A second reader comes through
    # the balancer four times, landing on both servers: counted once.
    reader = Visitor(**{"User-Agent": READER_AGENT, "X-Forwarded-For": "198.51.100.23"})
    for base in (a, b, a, b):
        assert reader.get(base + detail)[0] == 200
    through_balancer = Visitor(**{"User-Agent": READER_AGENT + " 2"})
    seen = {through_balancer.get(balancer + detail)[1]["X-Upstream"] for _ in range(4)}
    assert len(seen) == 2, seen
    cluster.manage("flush_read_counts")
    assert cluster.sql("SELECT read_count FROM news_article WHERE id = %s", article_id) == [(2,)]
    assert cluster.sql("SELECT COUNT(*) FROM news_pendingread") == [(0,)]


def test_an_office_renamed_on_one_server_is_in_every_servers_news_filter_at_once(cluster):
    """The news list's office drop-down is kept in each process (news.choices) under
    a version in the shared cache: renaming an office through server A shows the new
    name in the drop-down of server B and through the balancer at once."""
    a, b, balancer = (cluster.servers[name] for name in ("a", "b", "balancer"))
    anonymous = Visitor()
    for base in (a, b, balancer, balancer):  # every process has built its drop-down
        assert '<option value="obec">' in anonymous.page(base + "/news/")

    editor = Visitor()
    login_page = editor.page(a + "/admin/login/")
    status, _, _ = editor.post(a + "/admin/login/?next=/admin/", {
        "csrfmiddlewaretoken": csrf_token(login_page), "username": "admin", "password": ADMIN_PASSWORD, "next": "/admin/",
    })
    assert status == 302
    ((office,),) = cluster.sql("SELECT id FROM news_office WHERE slug = %s", "obec")
    change = f"{a}/admin/news/office/{office}/change/"
    page = editor.page(change)
    new_name = f"สพฐ.{uuid.uuid4().hex[:6]}"
    status, _, body = editor.post(change, {**form_fields(page), "csrfmiddlewaretoken": csrf_token(page), "short_name": new_name})
    assert status == 302, body.decode()[:2000]

    for base in (b, balancer, balancer, a):
        assert f'<option value="obec">{new_name}</option>' in anonymous.page(base + "/news/"), base

def test_the_pool_setting_gives_each_process_a_pool_of_the_chosen_size(cluster):
    """DJANGO_DB_POOL=1 gives each process a psycopg pool (server B above runs with it)."""
    env = {**cluster.env, "DJANGO_DB_POOL": "1", "DJANGO_DB_POOL_MAX_SIZE": "3"}
    result = subprocess.run(
        MANAGE + ["shell", "-c", "from django.db import connection; connection.ensure_connection();"
                  "print(type(connection.pool).__name__, connection.pool.max_size)"],
        env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.stdout.split()[-2:] == ["ConnectionPool", "3"], result.stderr


def test_the_several_servers_settings_pass_the_deploy_check(cluster):
    """PostgreSQL, Redis, the pool and a balancer's proxy count, over HTTPS as in
    docs/deploy.md: `check --deploy` finds nothing to warn about."""
    env = {**cluster.env, "DJANGO_HTTPS": "1", "DJANGO_DB_POOL": "1", "DJANGO_SERVE_MEDIA": "0",
           "DJANGO_ALLOWED_HOSTS": "news.example.go.th"}
    result = subprocess.run(
        MANAGE + ["check", "--deploy", "--fail-level", "WARNING"], env=env, cwd=settings.BASE_DIR,
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pool_setting_refuses_sqlite_with_a_clear_message(tmp_path):
    """DJANGO_DB_POOL=1 without PostgreSQL stops at start-up, saying why."""
    env = {**os.environ, "DJANGO_DB_POOL": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = subprocess.run(
        MANAGE + ["check"], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode != 0 and "DJANGO_DB_POOL=1 needs PostgreSQL" in result.stderr
