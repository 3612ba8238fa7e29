"""Photos in Debian's Chromium: the placeholder painted under a strict Content-Security-
Policy while images load, and reordering the admin's photos by touch (pointer events)."""

import re

import pytest

from .browser_fixtures import browser, bulk_article, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

# No 'unsafe-inline' anywhere: style attributes and inline scripts would be refused.
STRICT_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
              "font-src 'self'; object-src 'none'; base-uri 'none'")


def test_placeholders_show_while_photos_load_under_a_strict_csp(server, browser):  # noqa: F811
    """Held photo requests: each card's <img> shows its tiny WebP as background, set by
    placeholders.js without any CSP violation; once a photo arrives it is removed."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    held = []

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    page.route(lambda url: not re.search(r"/(media|static)/", url), with_csp)
    page.route("**/media/**", lambda route: held.append(route))
    page.goto(server + "/", wait_until="domcontentloaded")
    images = page.locator("img[data-placeholder]")
    assert images.count() >= 3
    page.wait_for_function("() => document.querySelector('img[data-placeholder]').style.backgroundImage !== ''")
    painted = images.evaluate_all("""imgs => imgs.map(img => [img.complete, getComputedStyle(img).backgroundImage.slice(0, 28),
        getComputedStyle(img).backgroundSize, img.getAttribute('style') !== null])""")
    assert all(bg == 'url("data:image/webp;base64,' and size == "cover" for _c, bg, size, _s in painted), painted
    assert violations == []
    for route in held:
        route.continue_()
    page.unroute("**/media/**")
    first = images.first
    first.scroll_into_view_if_needed()
    page.wait_for_function("() => { const img = document.querySelector('img[data-placeholder]'); return img.complete && img.naturalWidth > 0; }")
    page.wait_for_function("() => document.querySelector('img[data-placeholder]').style.backgroundImage === ''")
    assert violations == []
    context.close()


def touch_drag(page, source, target, steps=8):
    """A finger pressed on source, slid to target and lifted (Chromium's touch input:
    the page gets pointer events of pointerType "touch")."""
    cdp = page.context.new_cdp_session(page)
    start, end = source.bounding_box(), target.bounding_box()
    x0, y0 = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    x1, y1 = end["x"] + end["width"] / 2, end["y"] + end["height"] / 2
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]})
    for step in range(1, steps + 1):
        x, y = x0 + (x1 - x0) * step / steps, y0 + (y1 - y0) * step / steps
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_photos_are_reordered_by_touch_on_a_phone(server, browser, bulk_article):  # noqa: F811
    """At 360 px with touch (no mouse), sliding the third photo's thumbnail onto the
    first row moves it there, renumbers the order boxes, and the order is saved; the
    slide opens no link and does not scroll the page."""
    _context, url, _statuses = bulk_article
    context = browser.new_context(viewport={"width": 360, "height": 1600}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + "/admin/login/?next=" + url.split(server, 1)[-1])
    page.fill("#id_username", "admin")
    page.fill("#id_password", "admin")
    page.click("input[type=submit]")
    page.wait_for_url("**/change/")
    thumbs = page.locator("#photos-group tr.has_original .photo-thumb img")
    assert thumbs.count() == 3
    before = thumbs.evaluate_all("imgs => imgs.map(img => img.getAttribute('src'))")
    page.evaluate("document.querySelector('#photos-group tr.has_original').scrollIntoView()")
    scroll = page.evaluate("window.scrollY")
    assert 0 <= thumbs.nth(0).bounding_box()["y"] < thumbs.nth(2).bounding_box()["y"] < 1500  # both on screen
    touch_drag(page, thumbs.nth(2), thumbs.nth(0))
    assert page.url == url  # the thumbnail's link was not followed
    assert page.evaluate("window.scrollY") == scroll
    moved = thumbs.evaluate_all("imgs => imgs.map(img => img.getAttribute('src'))")
    assert moved == [before[2], before[0], before[1]]
    orders = page.locator("#photos-group tr.has_original td.field-order input")
    assert orders.evaluate_all("els => els.map(e => e.value)") == ["1", "2", "3"]
    with page.expect_navigation():  # to the same address: wait for the new page
        page.click("input[name=_continue]")
    after = page.locator("#photos-group tr.has_original .photo-thumb img").evaluate_all(
        "imgs => imgs.map(img => img.getAttribute('src'))")
    assert after == moved
    context.close()


def test_a_photo_just_uploaded_in_bulk_is_made_the_cover(bulk_article, tmp_path):  # noqa: F811
    """Runs last (it adds a fourth photo): the saved row's "ใช้เป็นภาพปก" button makes
    that photo the cover; after saving the page its row's cover box is the one ticked."""
    from PIL import Image

    context, url, _statuses = bulk_article
    page = context.new_page()
    page.goto(url)
    photo = tmp_path / "IMG_0100.JPG"
    Image.new("RGB", (800, 600), (240, 200, 40)).save(photo, format="JPEG")
    page.set_input_files(".bulk-photos-input", [str(photo)])
    button = page.locator(".bulk-photo-cover")
    button.wait_for(timeout=30_000)
    assert button.inner_text() == "ใช้เป็นภาพปก" and button.get_attribute("aria-pressed") == "false"
    button.click()
    page.wait_for_function("() => document.querySelector('.bulk-photo-cover').getAttribute('aria-pressed') === 'true'")
    assert button.inner_text() == "ภาพปก"
    with page.expect_navigation():  # to the same address: wait for the new page
        page.click(".bulk-photos-done button")
    ticked = page.locator("#photos-group tr.has_original td.field-is_cover input").evaluate_all(
        "boxes => boxes.map(box => box.checked)")
    assert ticked == [False, False, False, True]
    page.close()
