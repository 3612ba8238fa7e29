"""Look-alikes of round 40's three misses, as sentences (the releases are in importer_shapes_39.py,
checked with the other shapes): a bracket saying which building is part of the venue; a range that
does not hold the lead's own day is another event, in the lead as in a later paragraph; an
"author, then date" posting line is the page's label. Each positive case was seen failing before
the rules; the guards pass on both."""

import pytest

from news.importer import parse

HEADLINE = "โรงเรียนบ้านนา จัดกิจกรรมวันวิทยาศาสตร์ ประจำปี 2568 ให้นักเรียนทุกระดับชั้น"
LEAD = "วันพฤหัสบดีที่ 3 กรกฎาคม 2568 เวลา 09.30 น. นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธานเปิดกิจกรรม"


@pytest.mark.parametrize("place, venue", [
    ("ณ ห้องประชุมศาลากลางจังหวัดสตูล (หลังเดิม) โดยมี", "ห้องประชุมศาลากลางจังหวัดสตูล (หลังเดิม)"),
    ("ณ อาคารอเนกประสงค์ (ใหม่) เทศบาลตำบลนาดี เพื่อ", "อาคารอเนกประสงค์ (ใหม่) เทศบาลตำบลนาดี"),
    ("ณ ห้องประชุมที่ว่าการอำเภอแม่ริม (ฝั่งตะวันออก) โดยมี", "ห้องประชุมที่ว่าการอำเภอแม่ริม (ฝั่งตะวันออก)"),
    # Guard: another bracket after the venue still ends it.
    ("ณ ห้องประชุมเทศบาลตำบลนาดี (ถ่ายทอดสดผ่าน Facebook Live) โดยมี", "ห้องประชุมเทศบาลตำบลนาดี"),
])
def test_a_bracket_saying_which_building_is_part_of_the_venue(place, venue):
    assert parse(f"{HEADLINE}\n\n{LEAD} {place} ครูและนักเรียนเข้าร่วม\n")["venue"] == venue


@pytest.mark.parametrize("later, event", [
    ("ซึ่งจะจัดขึ้นระหว่างวันที่ 20 – 22 กรกฎาคม 2568 ที่ศูนย์ประชุม", ("2025-07-03", "2025-07-03")),
    ("ซึ่งจัดขึ้นระหว่างวันที่ 1 – 2 กรกฎาคม 2568 ในสนามแข่งขัน 4 แห่ง", ("2025-07-03", "2025-07-03")),
    # Guard: a range holding the lead's day is the event's.
    ("ซึ่งจัดขึ้นระหว่างวันที่ 2 – 4 กรกฎาคม 2568 ในสนามแข่งขัน 4 แห่ง", ("2025-07-02", "2025-07-04")),
])
def test_a_range_not_holding_the_leads_day_is_another_event(later, event):
    in_lead = parse(f"{HEADLINE}\n\n{LEAD} {later}\n")
    in_later_paragraph = parse(f"{HEADLINE}\n\n{LEAD}\n\nการแข่งขัน{later}\n")
    for got in (in_lead, in_later_paragraph):
        assert (got["event_start"], got["event_end"]) == event


def test_a_lead_opening_with_a_range_keeps_it():
    got = parse(f"{HEADLINE}\n\nระหว่างวันที่ 3 – 4 กรกฎาคม 2568 นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน\n")
    assert (got["event_start"], got["event_end"]) == ("2025-07-03", "2025-07-04")


@pytest.mark.parametrize("label", [
    "โพสต์โดย งานประชาสัมพันธ์ โรงเรียนบ้านนา สพป.เลย เขต 1 วันที่ 4 กรกฎาคม 2568",
    "เผยแพร่โดย : กลุ่มนิเทศ ติดตามและประเมินผล เมื่อวันที่ 4 ก.ค. 68 เวลา 15.10 น.",
    "ประกาศโดย ฝ่ายบริหารงานทั่วไป โรงเรียนบ้านนา • 04/07/2568 อ่าน 31 ครั้ง",
])
def test_an_author_then_date_posting_line_is_the_page_label(label):
    got = parse(f"{HEADLINE}\n\n{label}\n\n{LEAD}\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == ("2025-07-04", "2025-07-03", "2025-07-03")
    assert label not in got["body"]


def test_a_posting_word_opening_the_news_itself_is_no_label():
    got = parse(f"{HEADLINE}\n\nโพสต์โดย งานประชาสัมพันธ์ วันที่ 3 กรกฎาคม 2568 นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา "
                "เป็นประธานเปิดกิจกรรม ณ หอประชุมโรงเรียนบ้านนา\n")
    assert got["event_start"] == "2025-07-03" and got["chair"]["name"] == "สมชาย ใจดี"
