"""The real browser for the tests that need one: Debian's Chromium driven by Playwright
against a real server (test_browser.py, test_browser_admin.py, test_photos_browser.py,
test_admin_import.py import these fixtures; each of those modules gets its own server).

The server runs in a subprocess on its own SQLite file loaded with the demo data, so
these tests see exactly what a new user of `scripts/demo.sh` sees.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


def require(condition, reason):
    if condition:
        return
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require(os.path.exists(CHROMIUM), f"{CHROMIUM} is missing (apt-get install chromium)")
    root = tmp_path_factory.mktemp("browser-site")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}",
        "MEDIA_ROOT": str(root / "media"),
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    subprocess.run(manage + ["migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run(manage + ["load_demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    port = _free_port()
    process = subprocess.Popen(
        manage + ["runserver", "--noreload", f"127.0.0.1:{port}"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    # Playwright's sync API runs an event loop in this thread; Django's ORM guard
    # would then refuse every query made by the tests below.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def type_body(page, text):
    """The body is written in the prose editor (a contenteditable), as an editor types."""
    page.locator(".prose-editor [contenteditable=true]").click()
    page.keyboard.type(text)


def log_in(page, server, next_path):
    page.goto(server + "/admin/login/?next=" + next_path)
    page.fill("#id_username", "admin")
    page.fill("#id_password", "admin")
    page.click("input[type=submit]")
    page.wait_for_url("**" + next_path)


def watch_csp(page):
    """Chromium reports every script, style or frame the Content-Security-Policy refused."""
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    return refused


@pytest.fixture(scope="module")
def bulk_article(server, browser, tmp_path_factory):
    """A draft made in admin, then given 3 photos (and one text file named .jpg)
    through the drop zone's file chooser, then saved: (change page URL, the rows' statuses)."""
    from PIL import Image

    folder = tmp_path_factory.mktemp("bulk-photos")
    files = []
    for number, colour in enumerate([(200, 60, 40), (40, 160, 60), (30, 80, 200)], start=1):
        files.append(folder / f"IMG_000{number}.JPG")
        Image.new("RGB", (1200, 900) if number != 2 else (900, 1200), colour).save(files[-1], format="JPEG")
    files.insert(2, folder / "notes.jpg")
    files[2].write_text("not a photo")
    context = browser.new_context()
    page = context.new_page()
    log_in(page, server, "/admin/news/article/add/")
    page.fill("#id_title", "ข่าวร่างทดสอบเพิ่มภาพหลายภาพ")
    type_body(page, "เนื้อข่าว")
    page.click("#id_office + .select2 .select2-selection")
    # Into select2's own search box once it is open: typed too early, keys land in the body editor.
    page.locator(".select2-container--open .select2-search__field").press_sequentially("สพฐ")
    page.locator(".select2-results__option", has_text="สพฐ.").first.click()
    page.click("input[name=_continue]")
    page.wait_for_url("**/change/")
    assert page.locator("#bulk-photos").is_visible()
    page.set_input_files(".bulk-photos-input", [str(f) for f in files])
    page.locator(".bulk-photos-done").wait_for(state="visible", timeout=30_000)
    statuses = page.locator(".bulk-photo-status").all_inner_texts()
    with page.expect_navigation():  # to the same address: wait for the new page
        page.click(".bulk-photos-done button")
    page.close()
    yield context, page.url, statuses
    context.close()
