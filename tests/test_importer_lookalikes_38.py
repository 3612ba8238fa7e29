"""Look-alikes of round 38's two date misses, written before the fix: a page label opening with an
emoji or a bullet is still the page's label (its date the page's, not the event's), and a lead
opening with "วันนี้ (…)", "เมื่อวันนี้ (…)" or a dateline opens with its date, so a category
line above the headline is a header, not the title."""

import pytest

from news.importer import parse

HEADLINE = "โรงเรียนบ้านนา จัดกิจกรรมวันวิทยาศาสตร์ ประจำปี 2568 ให้นักเรียนทุกระดับชั้น"
LEAD = "วันพฤหัสบดีที่ 3 กรกฎาคม 2568 เวลา 09.30 น. นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธานเปิดกิจกรรม"


@pytest.mark.parametrize("label", [
    "📌 วันที่เผยแพร่ 4 ก.ค. 2568",
    "🗓️ โพสต์เมื่อ 4 กรกฎาคม 2568",
    "• วันที่ลงข่าว : 04/07/2568",
    "► เผยแพร่เมื่อ 4 ก.ค. 68 | อ่าน 52 ครั้ง",
])
def test_a_label_under_an_emoji_or_bullet_is_the_page_date(label):
    got = parse(f"{HEADLINE}\n\n{label}\n\n{LEAD}\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == ("2025-07-04", "2025-07-03", "2025-07-03")


@pytest.mark.parametrize("lead, day", [
    ("วันนี้ (18 ส.ค. 68) โรงเรียนบ้านนา จัดกิจกรรมวันวิทยาศาสตร์", "2025-08-18"),
    ("เมื่อวันนี้ (5 กันยายน 2568) โรงเรียนบ้านนา จัดกิจกรรมวันวิทยาศาสตร์", "2025-09-05"),
    ("อุดรธานี – วันที่ 12 มิถุนายน 2568 โรงเรียนบ้านนา จัดกิจกรรมวันวิทยาศาสตร์", "2025-06-12"),
])
def test_a_category_line_above_a_today_or_dateline_lead_is_a_header(lead, day):
    got = parse(f"ข่าวโรงเรียน | กิจกรรม\n\n{HEADLINE}\n\n{lead}\n")
    assert (got["title"], got["event_start"]) == (HEADLINE, day)


def test_an_emoji_line_that_is_not_a_label_stays_the_lead():
    got = parse(f"{HEADLINE}\n\n📌 วันที่ 3 กรกฎาคม 2568 นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธานเปิดกิจกรรม\n")
    assert got["event_start"] == "2025-07-03"
