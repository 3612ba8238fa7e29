"""Look-alikes of the people and venue misses of rounds 41-44, as sentences (the releases are in
importer_shapes_41p.py, checked with the other shapes): a person whose policy or order the event
follows is cited, not present; the members of a committee listed one a line took part; "อ.ดร."
is one honorific; a venue whose name holds "จังหวัดX" runs on through a bracket or an address to
the province written last. Each positive case was seen failing before the rules; the guards pass
on both."""

import pytest

from news.importer import parse

HEADLINE = "สพป.ศรีสะเกษ เขต 3 จัดประชุมเชิงปฏิบัติการพัฒนาครู ประจำปี 2568"
DAY = "วันที่ 8 กรกฎาคม 2568"
CHAIR = "โดยมี นายสมชาย ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาศรีสะเกษ เขต 3 เป็นประธาน"


def people(text):
    return [(p["honorific"], p["name"], p["role"]) for p in parse(text)["attendees"]]


@pytest.mark.parametrize("cited", [
    "ตามนโยบายของ พลตำรวจเอก วีระ ศักดิ์ดี รัฐมนตรีว่าการกระทรวงศึกษาธิการ",
    "ตามนโยบายของ นาย วีระ ศักดิ์ดี รัฐมนตรีว่าการกระทรวงศึกษาธิการ",
    "ตามนโยบาย พลเรือโท วีระ ศักดิ์ดี รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ",
    "ขับเคลื่อนนโยบายของ ว่าที่ร้อยตรี วีระ ศักดิ์ดี ผู้ว่าราชการจังหวัดศรีสะเกษ",
    "ตามนโยบายของรัฐมนตรีว่าการกระทรวงศึกษาธิการ พลตำรวจเอก วีระ ศักดิ์ดี",
    "ตามนโยบายของเลขาธิการ กพฐ. ดร.วีระ ศักดิ์ดี",
    "ตามข้อสั่งการของ พลตำรวจเอก วีระ ศักดิ์ดี รัฐมนตรีว่าการกระทรวงศึกษาธิการ",
    "ตามดำริของ นายวีระ ศักดิ์ดี ปลัดกระทรวงศึกษาธิการ",
])
def test_a_person_whose_policy_or_order_is_followed_is_cited(cited):
    text = f"{HEADLINE}\n\n{DAY} สำนักงานเขตพื้นที่การศึกษาประถมศึกษาศรีสะเกษ เขต 3 จัดประชุม {cited} ณ หอประชุมโรงเรียนกันทรลักษ์วิทยา {CHAIR}\n"
    assert people(text) == [("นาย", "สมชาย ใจดี", "chair")]


@pytest.mark.parametrize("lead", [
    # Guards: a body's policy, then the person who chairs, is no citing of that person.
    f"{DAY} ตามนโยบายของกระทรวงศึกษาธิการ นายสมชาย ใจดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาศรีสะเกษ เขต 3 เป็นประธาน",
    f"{DAY} ตามนโยบายของ สพฐ. ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาศรีสะเกษ เขต 3 นายสมชาย ใจดี เป็นประธาน",
])
def test_a_bodys_policy_does_not_hide_the_chair(lead):
    assert people(f"{HEADLINE}\n\n{lead}\n") == [("นาย", "สมชาย ใจดี", "chair")]


@pytest.mark.parametrize("intro", [
    "คณะกรรมการประกอบด้วย",
    "คณะกรรมการ ได้แก่",
    "คณะศึกษานิเทศก์ที่ลงพื้นที่ ดังนี้",
    "คณะทำงาน :",
])
@pytest.mark.parametrize("where", ["lead", "line"])
def test_the_members_of_a_committee_listed_one_a_line_took_part(intro, where):
    lead = f"{DAY} คณะกรรมการ สพป.ศรีสะเกษ เขต 3 ลงพื้นที่ประเมินโรงเรียนบ้านโพธิ์ ณ โรงเรียนบ้านโพธิ์ อำเภอกันทรลักษ์ จังหวัดศรีสะเกษ"
    opening = f"{lead} {intro}" if where == "lead" else f"{lead}\n\n{intro}"
    text = (f"{HEADLINE}\n\n{opening}\n1. นางสาววันดี มีสุข ศึกษานิเทศก์ชำนาญการพิเศษ\n"
            "2. นายสมศักดิ์ ทองดี ผู้อำนวยการโรงเรียนบ้านกุดเสลา\n")
    assert people(text) == [("นางสาว", "วันดี มีสุข", "participant"), ("นาย", "สมศักดิ์ ทองดี", "participant")]


def test_a_list_of_works_is_no_committee():
    text = (f"{HEADLINE}\n\n{DAY} {CHAIR} ณ โรงเรียนบ้านโพธิ์ อำเภอกันทรลักษ์ จังหวัดศรีสะเกษ\n\n"
            "ผลงานวิจัยที่ได้รับการคัดเลือก ดังนี้\n1. นางสาววันดี มีสุข เรื่องการอ่านจับใจความ\n")
    assert people(text) == [("นาย", "สมชาย ใจดี", "chair")]


@pytest.mark.parametrize("written, honorific", [
    ("อ.ดร.วันดี มีสุข", "อ.ดร."),
    ("อ. ดร.วันดี มีสุข", "อ. ดร."),
    ("อ.นพ.วันดี มีสุข", "อ.นพ."),
    ("อ.พญ.วันดี มีสุข", "อ.พญ."),
    ("อาจารย์ ดร.วันดี มีสุข", "อาจารย์ ดร."),
    ("ดร.วันดี มีสุข", "ดร."),  # guard
])
def test_a_lecturers_title_before_another_is_one_honorific(written, honorific):
    text = f"{HEADLINE}\n\n{DAY} {CHAIR} และ {written} อาจารย์ประจำคณะครุศาสตร์ เป็นวิทยากร\n"
    assert people(text)[1] == (honorific, "วันดี มีสุข", "speaker")


def test_a_district_abbreviated_is_no_lecturer():
    got = parse(f"{HEADLINE}\n\n{DAY} {CHAIR} ณ โรงเรียนบ้านโพธิ์ อ.กันทรลักษ์ จ.ศรีสะเกษ\n")
    assert [p["name"] for p in got["attendees"]] == ["สมชาย ใจดี"]


@pytest.mark.parametrize("place, venue", [
    ("ณ ค่ายลูกเสือจังหวัดศรีสะเกษ (ห้วยสำราญ) ตำบลหญ้าปล้อง อำเภอเมืองศรีสะเกษ จังหวัดศรีสะเกษ",
     "ค่ายลูกเสือจังหวัดศรีสะเกษ (ห้วยสำราญ) ตำบลหญ้าปล้อง อำเภอเมืองศรีสะเกษ"),
    ("ณ สนามกีฬากลางจังหวัดศรีสะเกษ (สนามใหม่) อ.เมืองศรีสะเกษ จ.ศรีสะเกษ",
     "สนามกีฬากลางจังหวัดศรีสะเกษ (สนามใหม่) อ.เมืองศรีสะเกษ"),
    ("ณ ค่ายลูกเสือ จังหวัดศรีสะเกษ ตำบลหญ้าปล้อง อำเภอเมืองศรีสะเกษ จังหวัดศรีสะเกษ",
     "ค่ายลูกเสือ จังหวัดศรีสะเกษ ตำบลหญ้าปล้อง อำเภอเมืองศรีสะเกษ"),
    ("ณ ศูนย์ฝึกอบรมลูกเสือ จังหวัดศรีสะเกษ (ห้วยสำราญ) อำเภอเมืองศรีสะเกษ จังหวัดศรีสะเกษ",
     "ศูนย์ฝึกอบรมลูกเสือ จังหวัดศรีสะเกษ (ห้วยสำราญ) อำเภอเมืองศรีสะเกษ"),
    # Guards: the province is the end when no address follows it; another bracket ends the venue.
    ("ณ ค่ายลูกเสือ จังหวัดศรีสะเกษ", "ค่ายลูกเสือ"),
    ("ณ ศาลากลางจังหวัดศรีสะเกษ (ถ่ายทอดสดผ่าน Facebook Live)", "ศาลากลางจังหวัดศรีสะเกษ"),
    ("ณ โรงเรียนบ้านโพธิ์ จังหวัดศรีสะเกษ อ.ดร.วันดี มีสุข เป็นวิทยากร", "โรงเรียนบ้านโพธิ์"),
])
def test_a_venue_holding_its_province_runs_on_through_its_address(place, venue):
    got = parse(f"{HEADLINE}\n\n{DAY} นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านโพธิ์ เป็นประธาน {place} มีครูเข้าร่วม 80 คน\n")
    assert (got["venue"], got["province"]) == (venue, "ศรีสะเกษ")
