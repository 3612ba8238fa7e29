"""Look-alikes of rounds 45-48's date misses, as sentences (whole releases are in importer_shapes_45.py,
checked with the other shapes): a bare posted date right above a lead that opens with its own earlier
day is the page's; a label's fields may be set apart by spaces only; a weekday may stand apart from its
"ที่". Each positive case was seen failing before the rules; the guards pass on both."""

import pytest

from news.importer import parse

TITLE = "สพป.พิจิตร เขต 2 จัดอบรมครูผู้สอนคณิตศาสตร์ชั้นประถมศึกษาปีที่ 6 ปีการศึกษา 2568"
LEAD = ("วันพฤหัสบดีที่ 4 ธันวาคม 2568 เวลา 09.00 น. นายสมศักดิ์ ใจงาม ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"
        "ประถมศึกษาพิจิตร เขต 2 เป็นประธานเปิดการอบรม ณ หอประชุมโรงเรียนบ้านวังจิก อำเภอโพธิ์ประทับช้าง จังหวัดพิจิตร")
SAME_DAY = ("2025-12-04", "2025-12-04")


@pytest.mark.parametrize("label, published", [
    ("5 ธ.ค. 2568", "2025-12-05"),
    ("05 ธ.ค. 2568 10:05 น.", "2025-12-05"),
    ("วันที่ ๕ ธ.ค. ๖๘", "2025-12-05"),
    ("6 ธันวาคม 2568 เวลา 08.40 น.", "2025-12-06"),
    ("วันที่ลงข่าว 05/12/2568   ผู้ลงข่าว : สุดา   จำนวนผู้อ่าน : 31", "2025-12-05"),
    ("ผู้เขียน : งานประชาสัมพันธ์  วันที่ 5 ธ.ค. 2568  อ่าน 77 ครั้ง", "2025-12-05"),
    ("หมวดหมู่ : ข่าวกลุ่มนิเทศ  โพสต์ 5 ธ.ค. 68", "2025-12-05"),
    ("ผู้โพสต์ : admin  เผยแพร่ 05/12/2568  ผู้เข้าชม 120", "2025-12-05"),
    ("วันศุกร์ ที่ 5 ธันวาคม พ.ศ. 2568 | ผู้ชม 1,024", "2025-12-05"),
])
def test_a_posted_line_above_a_dated_lead_is_the_pages(label, published):
    got = parse(f"{TITLE}\n{label}\n{LEAD}\nมีครูเข้าร่วม จำนวน 60 คน\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == (published, *SAME_DAY)


def test_a_spaced_label_under_a_category_line_does_not_hide_the_lead():
    got = parse(f"สพป.พิจิตร เขต 2\nหมวดหมู่ : ข่าวกลุ่มนิเทศ\n{TITLE}\nวันที่ลงข่าว 05/12/2568  ผู้ลงข่าว : สุดา  จำนวนผู้อ่าน : 31\n{LEAD}\n")
    assert (got["published_date"], got["event_start"]) == ("2025-12-05", "2025-12-04")


@pytest.mark.parametrize("line", ["4 ธ.ค. 2568", "วันที่ 4 ธันวาคม 2568 เวลา 09.00 น."])
def test_guard_a_bare_date_line_the_same_as_the_leads_day(line):
    got = parse(f"{TITLE}\n{line}\n{LEAD}\n")
    assert (got["published_date"], got["event_start"]) == SAME_DAY


def test_guard_a_bare_date_line_above_an_undated_lead_is_the_events():
    got = parse(f"{TITLE}\n5 ธันวาคม 2568\nนายสมศักดิ์ ใจงาม ผู้อำนวยการโรงเรียนบ้านวังจิก เป็นประธานเปิดการอบรม ณ หอประชุมโรงเรียนบ้านวังจิก\n")
    assert (got["published_date"], got["event_start"]) == ("2025-12-05", "2025-12-05")


def test_guard_a_dated_sentence_with_an_author_word_is_not_a_label():
    got = parse(f"{TITLE}\nวันที่ 4 ธันวาคม 2568 ผู้เขียน หนังสือเรียนคณิตศาสตร์ บรรยายให้ครูผู้สอนฟัง ณ หอประชุมโรงเรียนบ้านวังจิก จังหวัดพิจิตร\n")
    assert (got["published_date"], got["event_start"]) == SAME_DAY


def test_guard_a_dated_line_going_on_with_a_reading_is_not_a_label():
    got = parse(f"{TITLE}\nวันที่ 4 ธันวาคม 2568 อ่านหนังสือร่วมกัน\nนายสมศักดิ์ ใจงาม ผู้อำนวยการโรงเรียนบ้านวังจิก เป็นประธาน\n")
    assert (got["published_date"], got["event_start"]) == SAME_DAY
