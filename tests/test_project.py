import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_pending_migrations():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "th"
    assert settings.TIME_ZONE == "Asia/Bangkok" and settings.USE_TZ


def test_whitenoise_directly_after_security_middleware(settings):
    middleware = settings.MIDDLEWARE
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == (
        middleware.index("django.middleware.security.SecurityMiddleware") + 1
    )


def _run_settings(env, code):
    import os
    import subprocess
    import sys

    from django.conf import settings

    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], env=full_env, cwd=settings.BASE_DIR, capture_output=True, text=True
    )


def test_secret_key_required_when_debug_is_off():
    result = _run_settings({"DJANGO_DEBUG": "0"}, "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='portal.settings'; django.setup()")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_deploy_check():
    result = _run_settings(
        {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 60 + "-Prod-Key-123", "DJANGO_ALLOWED_HOSTS": "news.example.go.th"},
        "import sys; sys.argv=['manage.py','check','--deploy','--fail-level','WARNING']; "
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE','portal.settings'); "
        "from django.core.management import execute_from_command_line; execute_from_command_line(sys.argv)",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_sqlite_runs_in_wal_mode(settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]


def test_every_message_has_a_thai_translation(settings):
    """No English left on Thai pages: every msgid in locale/th is translated, none
    fuzzy, and the committed .mo holds them all."""
    import gettext
    import re

    folder = settings.BASE_DIR / "locale" / "th" / "LC_MESSAGES"
    po = (folder / "django.po").read_text(encoding="utf-8")
    entries = [e for e in po.split("\n\n")[1:] if "msgid" in e]
    untranslated = [e for e in entries if re.search(r'^msgstr(\[0\])? ""\Z', e.strip(), re.M)]
    assert "#, fuzzy" not in po
    assert untranslated == []
    with open(folder / "django.mo", "rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    compiled = {key if isinstance(key, str) else key[0] for key in catalog} - {""}
    assert len(compiled) == len(entries)


def test_plain_http_install_keeps_debug_off_without_https_only_cookies():
    """The demo's settings (DJANGO_DEBUG=0 DJANGO_HTTPS=0): readers' error pages and
    hashed static files, but a session cookie an admin login can use over http."""
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE']='portal.settings'; django.setup(); "
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.SERVE_MEDIA, 'Manifest' in s.STORAGES['staticfiles']['BACKEND'])"
    )
    base = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 60 + "-Demo-Key-123", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    demo = _run_settings({**base, "DJANGO_HTTPS": "0"}, code)
    assert demo.stdout.split() == ["False", "False", "False", "False", "0", "True", "True"], demo.stderr
    production = _run_settings(base, code)
    assert production.stdout.split() == ["False", "True", "True", "True", "31536000", "True", "True"], production.stderr


@pytest.mark.django_db
def test_photos_are_served_with_debug_off_and_never_a_file_outside_media(client, settings, tmp_path):
    """One server, DEBUG off: /media/ serves photos; an address climbing out of
    MEDIA_ROOT gets the Thai 404 page, never the file."""
    from tests.factories import make_article, make_photo

    assert not settings.DEBUG and settings.SERVE_MEDIA
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "db.sqlite3").write_text("SECRET ROWS")
    photo = make_photo(make_article())
    response = client.get(photo.image.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == (settings.MEDIA_ROOT / photo.image.name).read_bytes()
    for url in ["/media/..%2Fdb.sqlite3", "/media/..%2F..%2Fdb.sqlite3", "/media/photos/..%2F..%2Fdb.sqlite3",
                "/media/%2E%2E/db.sqlite3", "/media//etc/passwd", "/media/photos/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        html = response.content.decode()
        assert "ไม่พบหน้า" in html and "SECRET ROWS" not in html and "Traceback" not in html, url


def test_favicon_ico_leads_to_the_portal_icon(client):
    """Admin pages name no icon, so browsers ask /favicon.ico: a redirect, not a 404 per page."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon-32.png")
