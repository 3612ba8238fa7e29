"""Real-browser tests of the public pages (tests/browser_fixtures.py starts the demo site
and Chromium): screenshots without sideways scrolling at a phone's and a desktop's width,
our Thai font, the lightbox, print, accessibility, and the Content-Security-Policy over
the whole site. The admin's screens are in test_browser_admin.py.
"""

import json
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from django.conf import settings

from .browser_fixtures import (  # noqa: F401  (fixtures)
    ARTIFACTS, browser, log_in, require, server, watch_csp,
)

pytestmark = pytest.mark.browser

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def _paths():
    """Public pages of the demo site: found by following links, as a reader would."""
    return {
        "home": "/",
        "list": "/news/?" + "&".join(f"{k}={quote(v)}" for k, v in {"q": "ประชุม", "office": "obec", "fiscal_year": "2566"}.items()),
        "tag": "/tags/" + quote("เรียนดีมีความสุข") + "/",
        "office": "/offices/obec/",
        "events": "/events/",
    }


def _first_link(page, selector):
    return page.locator(selector).first.get_attribute("href")


@pytest.fixture(scope="module")
def pages(server, browser):
    """Every page the issue names, with detail pages reached through links."""
    page = browser.new_page()
    paths = _paths()
    page.goto(server + paths["tag"])
    paths["detail"] = _first_link(page, ".card-title a")
    page.goto(server + paths["detail"])
    paths["event"] = _first_link(page, ".event-box dd a")
    paths["person"] = _first_link(page, ".attendees a")
    page.close()
    return paths


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_and_no_sideways_scrolling(server, browser, pages, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 800})
    for name, path in pages.items():
        response = page.goto(server + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} overflows at {width}px ({scroll_width}px)"
        assert page.locator("h1").count() == 1, name
    page.close()


def test_thai_font_is_ours_and_no_third_party_requests(server, browser, pages):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.goto(server + pages["detail"])
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "th"
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ประชุม')")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Sarabun') && f.status === 'loaded')")
    assert hosts == {"127.0.0.1"}
    page.close()


def test_lightbox_opens_and_works_by_keyboard(server, browser, pages):
    page = browser.new_page()
    page.goto(server + pages["detail"])
    first = page.locator(".gallery-thumb").first
    first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    assert dialog.evaluate("d => d.open")
    image = page.locator(".lightbox-image")
    assert image.get_attribute("src") == first.get_attribute("data-src")
    assert image.get_attribute("alt")  # alt text is carried into the viewer
    total = page.locator(".gallery-thumb").count()
    page.keyboard.press("ArrowRight")
    assert page.locator(".lightbox-count").inner_text() == f"2 / {total}"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.locator(".lightbox-count").inner_text() == f"{total} / {total}"
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('gallery-thumb')")
    page.close()


def test_print_shows_the_article_without_the_site_around_it(server, browser, pages):
    page = browser.new_page()
    page.goto(server + pages["detail"])
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".share").is_visible()
    assert page.locator(".article-body").is_visible()
    page.close()


def test_pages_have_no_accessibility_violations(server, browser, pages):
    require(AXE.exists(), f"{AXE} is missing (npm ci)")
    # axe is injected as an inline script, which the pages' CSP rightly refuses.
    page = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    failures = {}
    for name, path in pages.items():
        page.goto(server + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        if result["violations"]:
            failures[name] = [
                {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
                for v in result["violations"]
            ]
    page.close()
    assert failures == {}, json.dumps(failures, ensure_ascii=False, indent=1)


def test_no_page_breaks_the_content_security_policy(server, browser, pages):
    """Every public page, and the admin screens with the most script (the body editor,
    autocomplete, the B.E. calendar, bulk photos), run with nothing refused."""
    page = browser.new_page()
    refused = watch_csp(page)
    for path in pages.values():
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    # JSON-LD is a data block: there under the policy, and refused by nothing.
    page.goto(server + pages["detail"])
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    log_in(page, server, "/admin/news/article/add/")
    assert page.locator(".prose-editor [contenteditable=true]").is_visible()
    page.click("#id_office + .select2 .select2-selection")
    # Into select2's own search box once it is open: typed too early, keys land in the body editor.
    page.locator(".select2-container--open .select2-search__field").press_sequentially("สพฐ")
    page.locator(".select2-results__option", has_text="สพฐ.").first.wait_for()
    page.goto(server + "/admin/news/event/add/")
    page.click("#calendarlink0")
    assert page.locator("#calendarin0 caption").is_visible()
    page.goto(server + "/admin/news/article/")
    page.locator("#result_list tbody a").first.click()
    page.wait_for_url("**/change/")
    page.wait_for_load_state("networkidle")
    assert refused == []
    page.close()
