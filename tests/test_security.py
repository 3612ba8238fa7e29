"""Security headers on every page (CSP without inline script, frame-ancestors,
nosniff, referrer policy) and django-axes' lock-out of repeated failed admin logins."""

import base64
import hashlib
import logging
import re
from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.factories import make_article
from tests.test_views import page_urls

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


class Scripts(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.scripts, self.style_attributes, self._open = [], [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes.append((tag, attrs["style"]))
        if any(name.startswith("on") for name in attrs):
            self.style_attributes.append((tag, "event handler attribute"))
        if tag == "script":
            self._open = [attrs, ""]
            self.scripts.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def test_public_pages_carry_a_strict_policy_and_no_inline_script(client):
    """Every page type: scripts only from our own files (no 'unsafe-inline', no nonce,
    so pages cache whole), no style attributes, nothing may frame the page, plus
    nosniff and the referrer policy. JSON-LD is a data block, which CSP does not
    govern (browsers never execute it)."""
    for url in page_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"][0] == "'self'" and "'unsafe-inline'" not in policy["style-src"], url
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'self'"], url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["X-Frame-Options"] == "DENY", url
        page = Scripts(response.content.decode())
        assert page.style_attributes == [], url
        for attrs, body in page.scripts:
            assert attrs.get("src", "").startswith("/static/") and not body.strip() or (
                attrs.get("type") == "application/ld+json"
            ), (url, attrs, body[:80])


def test_article_pages_keep_their_json_ld(client):
    """The data block search engines read is still there under the policy."""
    response = client.get(page_urls()[3])
    assert '<script type="application/ld+json">' in response.content.decode()


@pytest.mark.parametrize("template", ["400.html", "500.html"])
def test_error_pages_inline_style_is_allowed_by_its_hash(client, template):
    """The 400 and 500 pages load nothing else; their one <style> is allowed by
    hash, so the hash in settings must follow the template."""
    text = (settings.BASE_DIR / "templates" / template).read_text(encoding="utf-8")
    styles = re.findall(r"<style>(.*?)</style>", text, re.S)
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    style_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    assert f"'sha256-{digest}'" in style_src


def test_a_bad_request_gets_the_policy_too(client):
    response = client.get("/news/?q=%00")
    assert response.status_code == 400
    assert "'sha256-" in directives(response)["style-src"][1]


def test_admin_scripts_need_the_request_nonce(admin_client):
    """Admin's article form: the prose editor's import map (the one inline script)
    carries the nonce named in that response's header, and scripts stay without
    'unsafe-inline'; styles may be inline there (Tiptap, select2 write them)."""
    article = make_article()
    response = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))
    policy = directives(response)
    nonces = [value for value in policy["script-src"] if value.startswith("'nonce-")]
    assert len(nonces) == 1 and "'unsafe-inline'" not in policy["script-src"]
    nonce = nonces[0][len("'nonce-"):-1]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    scripts = Scripts(response.content.decode()).scripts
    inline = [(attrs, body) for attrs, body in scripts if not attrs.get("src")]
    assert [attrs.get("type") for attrs, body in inline] == ["importmap"]
    assert inline[0][0].get("nonce") == nonce
    # A second request gets another nonce.
    again = directives(admin_client.get(reverse("admin:news_article_change", args=[article.pk])))
    assert again["script-src"] != policy["script-src"]


def test_admin_pages_without_inline_script_get_no_nonce(admin_client):
    for url in (reverse("admin:index"), reverse("admin:news_event_add"), reverse("admin:news_article_changelist")):
        response = admin_client.get(url)
        assert response.status_code == 200
        assert directives(response)["script-src"] == ["'self'"], url
        assert all(attrs.get("src") for attrs, body in Scripts(response.content.decode()).scripts), url


# django-axes ----------------------------------------------------------------------


@pytest.fixture
def editor_login(settings):
    # A fast hasher: each attempt checks a password, and these tests make dozens.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_user("locktest", password="right-password-123", is_staff=True)
    return {"username": "locktest", "password": "right-password-123"}


def attempt(client, password, username="locktest", **extra):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra)


def test_settings_lock_after_five_failures_for_fifteen_minutes(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"


def test_repeated_failures_lock_the_account_and_address(client, editor_login, caplog):
    """Four wrong passwords: still the login form. The fifth locks the pair: a Thai
    page (429) saying for how long, a warning in the log, and then even the right
    password is refused."""
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "wrong")
        assert response.status_code == 200
        assert "id_password" in response.content.decode()
    with caplog.at_level(logging.WARNING):
        response = attempt(client, "wrong")
    assert response.status_code == 429
    text = response.content.decode()
    assert "เข้าสู่ระบบผิดหลายครั้ง" in text and "15 นาที" in text
    assert "id_password" not in text
    lockouts = [record.getMessage() for record in caplog.records if "Locking out" in record.getMessage()]
    assert len(lockouts) == 1 and "locktest" in lockouts[0] and "127.0.0.1" in lockouts[0]
    assert "wrong" not in caplog.text  # the password is never logged
    response = attempt(client, editor_login["password"])
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # The refused attempt counts too: one row in the database, shared by every app server.
    assert AccessAttempt.objects.get(username="locktest").failures_since_start == settings.AXES_FAILURE_LIMIT + 1


def test_a_lock_holds_for_the_pair_only(editor_login):
    """The same account from another address, and another account from the locked
    address, still log in."""
    other = get_user_model().objects.create_user("other", password="right-password-456", is_staff=True)
    locked = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(locked, "wrong")
    assert attempt(locked, editor_login["password"]).status_code == 429
    elsewhere = Client(REMOTE_ADDR="203.0.113.99")
    assert attempt(elsewhere, editor_login["password"]).status_code == 302
    assert attempt(locked, "right-password-456", username=other.username).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, editor_login, settings):
    import datetime

    from django.utils import timezone

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong")
    assert attempt(client, editor_login["password"]).status_code == 429
    # Trying again while locked starts the 15 minutes again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=14))
    assert attempt(client, editor_login["password"]).status_code == 429
    assert timezone.now() - AccessAttempt.objects.get().attempt_time < datetime.timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert attempt(client, editor_login["password"]).status_code == 302


def test_behind_proxies_the_lock_follows_the_readers_address(editor_login, settings):
    """With DJANGO_TRUSTED_PROXY_COUNT=1 the address is the last one in X-Forwarded-For
    (as for the read counter): a client cannot dodge the lock by sending its own
    X-Forwarded-For, and readers behind the same proxy are not locked together."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for n in range(settings.AXES_FAILURE_LIMIT):
        # The client writes a new address each time; the proxy appends the real one.
        attempt(proxy, "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7")
    assert attempt(proxy, editor_login["password"], HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    assert attempt(proxy, editor_login["password"], HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 302


def test_a_successful_login_forgets_earlier_failures(client, editor_login):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong")
    assert attempt(client, editor_login["password"]).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200
