"""Real-browser tests of the admin (tests/browser_fixtures.py starts the demo site and
Chromium): an editor posting an article with a photo, the Buddhist-era calendar, photos
uploaded in bulk and reordered, the body editor, who else has an article open, the trash
and the versions on a phone. The public pages are in test_browser.py.
"""

import re
from urllib.parse import quote, urljoin

import pytest

from .browser_fixtures import (  # noqa: F401  (fixtures)
    ARTIFACTS, browser, bulk_article, log_in, server, type_body, watch_csp,
)

pytestmark = pytest.mark.browser


def test_an_editor_posts_an_article_with_a_photo_in_admin(server, browser, tmp_path):
    """The whole editor path in a real browser: log in, fill the form, pick the
    office through the autocomplete, upload a photo, publish, read it on the site."""
    from PIL import Image

    photo = tmp_path / "meeting.jpg"
    Image.new("RGB", (800, 600), (20, 90, 160)).save(photo, format="JPEG")
    page = browser.new_page()
    log_in(page, server, "/admin/news/article/add/")
    title = "ข่าวทดสอบจากเบราว์เซอร์ ประชุมเชิงปฏิบัติการ"
    page.fill("#id_title", title)
    type_body(page, "เนื้อข่าวที่บรรณาธิการพิมพ์เอง")
    page.click("#id_office + .select2 .select2-selection")
    # Into select2's own search box once it is open: typed too early, keys land in the body editor.
    page.locator(".select2-container--open .select2-search__field").press_sequentially("สพฐ")
    page.locator(".select2-results__option", has_text="สพฐ.").first.click()
    page.select_option("#id_status", "published")
    page.set_input_files("input[name='photos-0-image']", str(photo))
    page.fill("input[name='photos-0-caption']", "ภาพบรรยากาศจากโทรศัพท์")
    page.fill("input[name='photos-0-alt_text']", "ผู้เข้าร่วมนั่งฟังการบรรยาย")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    assert page.locator(".messagelist .success").count() == 1
    page.goto(server + "/news/?q=" + quote("ทดสอบจากเบราว์เซอร์"))
    page.click(".card-title a")
    assert page.locator("h1").inner_text() == title
    image = page.locator(".gallery-thumb img").first
    # A WebP rendition from srcset, not the upload (naturalWidth is the slot's width
    # for a w-descriptor candidate, so the file's own width is read from its name).
    # The gallery's images load lazily: wait until this one has, rather than racing it.
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    loaded = image.evaluate("img => img.currentSrc")
    assert re.search(r"/media/photos/.+-(480|800)\.webp$", loaded), loaded
    assert page.locator(".gallery-thumb").first.get_attribute("data-alt") == "ผู้เข้าร่วมนั่งฟังการบรรยาย"
    page.close()


def test_admin_calendar_and_clock_write_and_read_buddhist_era_dates(server, browser):
    """The calendar, "วันนี้" and "เวลานี้" write 20/11/2569 and 09.00, as the boxes show
    dates, and the calendar opens at the B.E. date in the box."""
    import datetime

    page = browser.new_page()
    page.goto(server + "/admin/login/?next=/admin/news/event/add/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "admin")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/news/event/add/")
    today = datetime.date.today()
    page.locator(".datetimeshortcuts a", has_text="วันนี้").first.click()
    assert page.input_value("#id_start_date") == f"{today:%d/%m}/{today.year + 543}"
    page.fill("#id_start_date", "20/11/2569")
    page.click("#calendarlink0")
    assert page.locator("#calendarin0 caption").inner_text() == "พฤศจิกายน 2569"
    assert page.locator("#calendarin0 td.selected").inner_text() == "20"
    page.locator("#calendarin0 td a", has_text="25").first.click()
    assert page.input_value("#id_start_date") == "25/11/2569"
    page.locator(".datetimeshortcuts a", has_text="เวลานี้").first.click()
    assert re.fullmatch(r"\d\d\.\d\d", page.input_value("#id_start_time"))
    page.close()


def test_bulk_upload_through_the_drop_zone(bulk_article):
    """Each file's row says what became of it: the text file its Thai reason, the others saved."""
    _context, _url, statuses = bulk_article
    assert statuses[:2] == ["บันทึกแล้ว", "บันทึกแล้ว"] and statuses[3] == "บันทึกแล้ว"
    assert statuses[2] == "ไม่ได้บันทึก: ไฟล์นี้ไม่ใช่ภาพถ่าย กรุณาส่งภาพแบบ JPEG, PNG, WebP, HEIC หรือ AVIF"


@pytest.mark.parametrize("width", [360, 1280])
def test_photo_inline_shows_thumbnails_and_fits_without_sideways_scrolling(server, browser, bulk_article, width):
    """The article saved after the bulk upload: its 3 photos in the inline, in the order sent."""
    context, url, _statuses = bulk_article
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    thumbs = page.locator("#photos-group .photo-thumb img")
    assert thumbs.count() == 3
    thumbs.last.scroll_into_view_if_needed()  # they load lazily
    page.wait_for_function("""() => [...document.querySelectorAll('#photos-group .photo-thumb img')]
        .every(img => img.complete && img.naturalWidth > 0)""")
    sources = thumbs.evaluate_all("imgs => imgs.map(img => [img.currentSrc, img.naturalWidth, img.naturalHeight])")
    assert all(re.search(r"/media/photos/.+-480\.jpg$", src) for src, _w, _h in sources), sources
    assert [(w, h) for _src, w, h in sources] == [(480, 360), (480, 640), (480, 360)]  # the portrait second
    assert page.locator("#photos-group input[name$='-order']").evaluate_all("els => els.map(e => e.value)")[:3] == ["1", "2", "3"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"admin-article-photos-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    overflow = page.evaluate("""() => [...document.querySelectorAll('#photos-group, #photos-group *, #bulk-photos')]
        .filter(el => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        .map(el => [el.tagName + '.' + el.className, el.scrollWidth, el.clientWidth, getComputedStyle(el).overflowX])""")
    assert overflow == []
    page.close()


def test_dragging_a_photo_reorders_the_gallery(bulk_article):
    """Runs after the layout tests (it changes the order they check)."""
    context, url, _statuses = bulk_article
    page = context.new_page()
    page.goto(url)
    assert page.locator("#photos-group .photo-order-hint").is_visible()
    thumbs = page.locator("#photos-group .photo-thumb img")
    # The thumbnails load lazily: until they have, the rows change height under the drag,
    # which then drops the photo somewhere else (seen once in CI).
    thumbs.last.scroll_into_view_if_needed()
    page.wait_for_function("""() => [...document.querySelectorAll('#photos-group .photo-thumb img')]
        .every(img => img.complete && img.naturalWidth > 0)""")
    before = thumbs.evaluate_all("imgs => imgs.map(img => img.getAttribute('src'))")
    thumbs.nth(2).drag_to(thumbs.nth(0))
    page.wait_for_function("first => document.querySelector('#photos-group .photo-thumb img').getAttribute('src') === first",
                           arg=before[2])
    orders = page.locator("#photos-group tr.has_original td.field-order input")
    assert orders.evaluate_all("els => els.map(e => e.value)") == ["1", "2", "3"]
    # The page saved to has the same address: wait for the navigation itself, not
    # for an address it already has (that returned at once and read the old page).
    with page.expect_navigation():
        page.click("input[name=_continue]")
    after = page.locator("#photos-group .photo-thumb img").evaluate_all("imgs => imgs.map(img => img.getAttribute('src'))")
    assert after == [before[2], before[0], before[1]]
    page.close()


def test_the_body_editor_formats_text_that_survives_saving(server, browser):
    """An editor types a heading, bold text and a list with the editor's keys and
    shortcuts; the published page shows them as such."""
    page = browser.new_page()
    refused = watch_csp(page)
    log_in(page, server, "/admin/news/article/add/")
    # The package names its toolbar buttons in English; our script gives them Thai names.
    page.wait_for_selector(".prose-menubar [title='ตัวหนา'][aria-label='ตัวหนา']")
    titles = page.eval_on_selector_all(".prose-menubar [title]", "items => items.map(item => item.title)")
    assert [title for title in titles if re.search("[A-Za-z]{3}", title)] == []
    choices = page.eval_on_selector_all(".prose-menubar__option", "items => items.map(item => item.textContent)")
    assert choices == ["หัวข้อระดับ 2", "หัวข้อระดับ 3", "หัวข้อระดับ 4", "ย่อหน้าปกติ"]
    page.fill("#id_title", "ข่าวทดสอบตัวแก้ไขข้อความในเบราว์เซอร์")
    page.locator(".prose-editor [contenteditable=true]").click()
    page.keyboard.type("## ผลการประชุม")
    page.keyboard.press("Enter")
    page.keyboard.type("ที่ประชุมมีมติ ")
    page.keyboard.press("Control+b")
    page.keyboard.type("เห็นชอบ")
    page.keyboard.press("Control+b")
    page.keyboard.type(" ดังนี้")
    page.keyboard.press("Enter")
    page.keyboard.type("- ข้อแรก")
    page.keyboard.press("Enter")
    page.keyboard.type("ข้อสอง")
    page.click("#id_office + .select2 .select2-selection")
    # Into select2's own search box once it is open: typed too early, keys land in the body editor.
    page.locator(".select2-container--open .select2-search__field").press_sequentially("สพฐ")
    page.locator(".select2-results__option", has_text="สพฐ.").first.click()
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    page.goto(server + "/news/?q=" + quote("ทดสอบตัวแก้ไขข้อความ"))
    page.click(".card-title a")
    body = page.locator(".article-body")
    assert body.locator("h2").inner_text() == "ผลการประชุม"
    assert body.locator("strong").inner_text() == "เห็นชอบ"
    assert body.locator("ul li").all_inner_texts() == ["ข้อแรก", "ข้อสอง"]
    assert refused == []
    page.close()


def test_an_editor_sees_who_else_has_the_article_open(server, browser):
    """The change page names the editor who opened it first; on that editor's page the
    heartbeat (edit-presence.js, a static script) names the second one a minute later."""

    def open_change_page(username, password):
        context = browser.new_context()
        page = context.new_page()
        page.clock.install()  # the heartbeat's minute passes when the test says so
        page.goto(server + "/admin/login/?next=/admin/news/article/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/news/article/")
        page.goto(server + "/admin/news/article/?q=" + quote("ขับเคลื่อนนโยบาย"))
        change = page.locator("#result_list tbody th a").first.get_attribute("href").split("?")[0]
        page.goto(urljoin(server, change))
        return context, page

    editor_context, editor_page = open_change_page("editor", "editor")  # ศธจ.เพชรบูรณ์'s editor (load_demo)
    assert editor_page.locator(".edit-presence-note").count() == 0
    admin_context, admin_page = open_change_page("admin", "admin")
    assert "editor กำลังเปิดแก้ไขข่าวนี้อยู่เช่นกัน" in admin_page.locator(".edit-presence").inner_text()
    with editor_page.expect_response(lambda response: response.url.endswith("/presence/")):
        editor_page.clock.fast_forward("01:01")
    editor_page.locator(".edit-presence-note").wait_for(timeout=10_000)
    assert "admin กำลังเปิดแก้ไขข่าวนี้อยู่เช่นกัน" in editor_page.locator(".edit-presence").inner_text()
    editor_context.close()
    admin_context.close()


def test_the_trash_and_the_versions_fit_a_phone(server, browser):
    """At 360 px the trash table scrolls inside its box (its visually hidden header
    must not widen the page), and the versions table's caption keeps the width."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(server + "/admin/login/?next=/admin/news/article/")
    page.fill("#id_username", "publisher")  # ศธจ.เพชรบูรณ์'s publisher (load_demo)
    page.fill("#id_password", "publisher")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/news/article/")
    change = urljoin(server, page.locator("#result_list tbody th a").first.get_attribute("href").split("?")[0])
    article = change.removesuffix("change/")
    page.goto(article + "revisions/")
    caption = page.locator("#content-main caption").first
    assert caption.bounding_box()["width"] > 300, caption.bounding_box()
    page.goto(article + "delete/")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/news/article/")
    try:
        page.goto(server + "/admin/news/article/trash/")
        assert page.locator("#trash tbody tr").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        page.click("#trash input[type=submit]")  # restore: the other tests' articles stay as they were
        page.wait_for_url("**/admin/news/article/trash/")
    assert "The trash is empty." in page.content() or "ถังขยะว่าง" in page.content()
    context.close()


def test_the_table_dialog_speaks_thai_and_its_header_row_choice_works(server, browser):
    """The package's "Include header row" choices are "Yes"/"No", compared as such when
    the table is inserted: shown in Thai, they must keep their English values."""
    page = browser.new_page()
    log_in(page, server, "/admin/news/article/add/")
    page.locator(".prose-editor [contenteditable=true]").click()
    page.locator(".prose-menubar [title='แทรกตาราง']").first.click()
    dialog = page.locator("dialog[open]")
    choice = dialog.locator("select")
    assert choice.locator("option").all_inner_texts() == ["ใช่", "ไม่"]
    choice.select_option(label="ใช่")
    dialog.locator("button", has_text="แทรกตาราง").click()
    assert page.locator(".prose-editor [contenteditable=true] table th").count() == 3  # a header row of 3
    page.close()
