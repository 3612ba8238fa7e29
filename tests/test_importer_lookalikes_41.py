"""Look-alikes of rounds 41-44's date misses, as sentences (whole releases are in importer_shapes_41.py,
checked with the other shapes): a page label is known by its shape (a short line of a date and
furniture: separators, "by …", an author, a category, a counter, a globe), whatever its words and
whichever way the date is written (B.E. or C.E., two-digit, numeric, ISO, English months, a Facebook
time with no year or a relative one); site names and menus above the title do not hide the lead; the
lead's own day beats a later date in the title; a day written only with its weekday takes the
posting date's month. Each positive case was seen failing before the rules; the guards pass on both."""

import pytest

from news.importer import parse

HEADER = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 1\nNan Primary Educational Service Area Office 1\nหน้าแรก | เกี่ยวกับเรา | ข่าวสาร | ติดต่อ"
TITLE = "สพป.น่าน เขต 1 จัดอบรมครูผู้สอนภาษาไทยชั้นประถมศึกษาปีที่ 1 ปีการศึกษา 2568"
LEAD = "วันพุธที่ 9 กรกฎาคม 2568 เวลา 09.00 น. นายสมชาย ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 1 เป็นประธานเปิดการอบรม ณ หอประชุมโรงเรียนบ้านดอน อำเภอเมืองน่าน จังหวัดน่าน"


@pytest.mark.parametrize("label, published", [
    ("Posted on July 10, 2025 by admin_nan1", "2025-07-10"),
    ("Posted on 10 ก.ค. 2568 by งานประชาสัมพันธ์", "2025-07-10"),
    ("Published 10 Jul 2025 · News", "2025-07-10"),
    ("วันที่ 10/07/2025 | ผู้ดูแลระบบ | อ่าน 41 ครั้ง", "2025-07-10"),
    ("วันที่ประกาศ 10/07/2568 | เข้าชม 2,310 ครั้ง", "2025-07-10"),
    ("10/07/68 | ข่าวกิจกรรม | กลุ่มนิเทศ", "2025-07-10"),
    ("ลงวันที่ 10 ก.ค. 2025 | ผู้เขียน กลุ่มอำนวยการ | 👁 87", "2025-07-10"),
    ("ผู้เขียน: สพป.น่าน 1 | 10 กรกฎาคม 2025 | ข่าวประชาสัมพันธ์", "2025-07-10"),
    ("10 ก.ค. 2025 · อ่าน 120", "2025-07-10"),
    ("เผยแพร่: 2025-07-10 08:15", "2025-07-10"),
    ("เผยแพร่เมื่อ: 10 กรกฎาคม 2568 10:12 น. | หมวด: ข่าวเขต", "2025-07-10"),
    ("10 กรกฎาคม 2568 เวลา 16:20 น. · 🌏", "2025-07-10"),
    ("By admin | July 10, 2025 | News", "2025-07-10"),
    ("Jul 10, 2025 at 10:15 AM · 🌏", "2025-07-10"),
    ("โพสต์เมื่อ 10 ก.ค. 2568 • ข่าวกิจกรรม", "2025-07-10"),
    ("Thursday, July 10, 2025 | News", "2025-07-10"),
    ("วันพฤหัสบดีที่ 10 กรกฎาคม 2568 | ข่าวกิจกรรม | admin", "2025-07-10"),
    # A relative Facebook time says no day: the lead's is the page's.
    ("2 วัน · 🌏", "2025-07-09"),
])
def test_a_label_line_of_any_wording_under_a_site_header(label, published):
    got = parse(f"{HEADER}\n{TITLE}\n{label}\n{LEAD}\nมีครูเข้าร่วม จำนวน 80 คน\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == (published, "2025-07-09", "2025-07-09")


def test_published_then_updated_lines_under_a_category_title():
    got = parse(f"สพป.น่าน เขต 1 | ข่าวกลุ่มนิเทศ\n{TITLE}\nเผยแพร่: 10 ก.ค. 2568\nอัปเดตล่าสุด: 11 ก.ค. 2568 09:12 น.\n{LEAD}\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == ("2025-07-10", "2025-07-09", "2025-07-09")


def test_a_facebook_time_without_its_year_takes_the_events():
    got = parse("โรงเรียนบ้านดอน\n๒ มกราคม เวลา ๐๘:๓๐ น. ·\nค่ายลูกเสือ ปีการศึกษา ๒๕๖๘\n"
                "ระหว่างวันที่ ๓๐ ธันวาคม – ๑ มกราคม ๒๕๖๙ โรงเรียนบ้านดอน จัดค่ายลูกเสือ ณ ค่ายลูกเสือจังหวัดน่าน\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == ("2026-01-02", "2025-12-30", "2026-01-01")


@pytest.mark.parametrize("title", [
    "สพป.น่าน เขต 1 ประชุมเตรียมการสอบ NT ชั้น ป.3 (สอบวันที่ 4 มี.ค. 69)",
    "สพป.น่าน เขต 1 แถลงข่าวงานมหกรรมวิชาการ วันศุกร์ที่ 21 พฤศจิกายน 2568",
])
def test_a_later_date_in_the_title_is_not_the_leads(title):
    got = parse(f"{title}\n{LEAD}\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == ("2025-07-09", "2025-07-09", "2025-07-09")


def test_a_range_in_the_title_holding_the_leads_day_stays():
    got = parse(f"ค่ายภาษาอังกฤษ 9 – 11 กรกฎาคม 2568\n{LEAD}\n")
    assert (got["event_start"], got["event_end"]) == ("2025-07-09", "2025-07-11")


@pytest.mark.parametrize("opening, day", [
    ("เมื่อวันพุธที่ 9 ที่ผ่านมา", "2025-07-09"),
    ("วันจันทร์ที่ 30 ที่ผ่านมา", "2025-06-30"),  # the month before the posting day
])
def test_a_day_written_with_its_weekday_only_takes_the_posting_month(opening, day):
    got = parse(f"{TITLE}\n10 กรกฎาคม 2568 เวลา 16:20 น. · 🌏\n{opening} เวลา 09.30 น. นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านดอน เป็นประธาน\n")
    assert (got["published_date"], got["event_start"]) == ("2025-07-10", day)


def test_a_range_with_a_weekday_on_both_ends_under_a_site_header():
    got = parse(f"{HEADER}\n{TITLE}\nเผยแพร่: 14 ก.ค. 2568 · โดย ฝ่ายเลขานุการ\n"
                "ระหว่างวันเสาร์ที่ 12 – วันอาทิตย์ที่ 13 กรกฎาคม 2568 สพป.น่าน เขต 1 จัดค่ายวิชาการ ณ โรงเรียนบ้านดอน\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == ("2025-07-14", "2025-07-12", "2025-07-13")


def test_guard_a_dated_lead_line_is_not_a_label():
    got = parse(f"{TITLE}\nวันที่ 9 กรกฎาคม 2568 | สพป.น่าน เขต 1 จัดอบรมครูผู้สอนภาษาไทยทุกโรงเรียนในสังกัด ณ หอประชุมโรงเรียนบ้านดอน จังหวัดน่าน มีครูเข้าร่วม 80 คน\n")
    assert (got["published_date"], got["event_start"]) == ("2025-07-09", "2025-07-09")


@pytest.mark.parametrize("line", ["วันที่ 9 กรกฎาคม 2568", "วันที่ 9 กรกฎาคม 2568 เวลา 09.00 น.", "9 กรกฎาคม 2568",
                                  "วันพุธที่ 9 กรกฎาคม 2568 เวลา 09.00 น."])
def test_guard_a_bare_date_line_above_the_lead_sentence_is_the_events(line):
    got = parse(f"{TITLE}\n\n{line}\n\nนายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านดอน เป็นประธานเปิดการอบรม ณ หอประชุมโรงเรียนบ้านดอน จังหวัดน่าน\n")
    assert (got["published_date"], got["event_start"]) == ("2025-07-09", "2025-07-09")
