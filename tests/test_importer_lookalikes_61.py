"""Look-alikes of rounds 61–64's misses, as sentences (whole releases are in importer_shapes_61.py,
checked with the other shapes): an organisation, "องค์การ…" or "องค์กร…", written after a space at the end of
a speaker's position; a keynote, "ปาฐกถา…", given in a later paragraph, before or after the name. Guards
keep what must not change: a bracketed abbreviation after the organisation stays out of the position (as
"(สศศ.)" of round 43 and "(L.T.)" of round 41), a group after a position is no part of it, and a later
paragraph citing a policy names no attendee. Written before the rules: on 85dd63b eight of the nine cases
failed (the fourth organisation passed as a unit's fields) and only the last guard passed (the other two
lost the organisation with the cases); all pass after."""

import pytest

from news.importer import parse

LEAD = ("สพป.สระแก้ว เขต 1 อบรมครู\nวันที่ 12 มกราคม 2569 นายชาตรี บุญมา ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระแก้ว เขต 1"
        " เป็นประธานเปิดการอบรม ณ ห้องประชุมสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระแก้ว เขต 1 อำเภอเมืองสระแก้ว จังหวัดสระแก้ว")
CHAIR = ("นาย", "ชาตรี บุญมา", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระแก้ว เขต 1", "opening_chair")


def people(text):
    return [(a["honorific"], a["name"], a["position"], a["role"]) for a in parse(text)["attendees"]]


@pytest.mark.parametrize("position", [
    "ผู้เชี่ยวชาญด้านสุขภาพจิตเด็ก องค์การยูนิเซฟ ประเทศไทย",
    "นักวิชาการอาวุโส องค์การอนามัยโลก",
    "ผู้ประสานงานโครงการ องค์การแพลนประเทศไทย",
    "ผู้จัดการฝ่ายการศึกษา องค์กรเพื่อเด็กและเยาวชน",
])
def test_an_organisation_after_a_space_ends_the_position(position):
    text = f"{LEAD} โดยมี นางสาวดารุณี พึ่งทอง {position} เป็นวิทยากร\n"
    assert people(text) == [CHAIR, ("นางสาว", "ดารุณี พึ่งทอง", position, "speaker")]


def test_an_organisation_in_a_list_of_speakers():
    text = (f"{LEAD}\nวิทยากร ได้แก่ Ms. Anna Berg ผู้เชี่ยวชาญด้านการศึกษาเรียนรวม องค์การยูนิเซฟ ประเทศไทย และ"
            " นายวิชิต คงมั่น นักจิตวิทยาชำนาญการ โรงพยาบาลสระแก้ว\n")
    assert people(text) == [CHAIR, ("Ms.", "Anna Berg", "ผู้เชี่ยวชาญด้านการศึกษาเรียนรวม องค์การยูนิเซฟ ประเทศไทย", "speaker"),
                            ("นาย", "วิชิต คงมั่น", "นักจิตวิทยาชำนาญการ โรงพยาบาลสระแก้ว", "speaker")]


def test_a_bracketed_abbreviation_after_the_organisation_stays_out():
    # Guard: a bracketed abbreviation after a position is an aside (rounds 27, 41 and 43).
    text = f"{LEAD} โดยมี นางสาวดารุณี พึ่งทอง นักวิชาการ องค์การอนามัยโลก (WHO) เป็นวิทยากร\n"
    assert people(text) == [CHAIR, ("นางสาว", "ดารุณี พึ่งทอง", "นักวิชาการ องค์การอนามัยโลก", "speaker")]


@pytest.mark.parametrize("paragraph", [
    "จากนั้นเป็นการปาฐกถาพิเศษ โดย รองศาสตราจารย์ ดร.สุนทร แก้วมณี คณบดีคณะศึกษาศาสตร์ มหาวิทยาลัยบูรพา ในหัวข้อ \"ครูยุคใหม่\"",
    "ช่วงบ่ายมีการปาฐกถา เรื่อง \"ครูยุคใหม่\" โดย รองศาสตราจารย์ ดร.สุนทร แก้วมณี คณบดีคณะศึกษาศาสตร์ มหาวิทยาลัยบูรพา",
    "รองศาสตราจารย์ ดร.สุนทร แก้วมณี คณบดีคณะศึกษาศาสตร์ มหาวิทยาลัยบูรพา แสดงปาฐกถาพิเศษ เรื่อง \"ครูยุคใหม่\"",
    "ต่อด้วย รองศาสตราจารย์ ดร.สุนทร แก้วมณี คณบดีคณะศึกษาศาสตร์ มหาวิทยาลัยบูรพา กล่าวปาฐกถาพิเศษ",
])
def test_a_keynote_in_a_later_paragraph(paragraph):
    assert people(f"{LEAD}\n{paragraph}\n") == [
        CHAIR, ("รองศาสตราจารย์ ดร.", "สุนทร แก้วมณี", "คณบดีคณะศึกษาศาสตร์ มหาวิทยาลัยบูรพา", "speaker")]


def test_a_keynote_cited_elsewhere_names_no_one():
    # Guard: a paragraph recalling another's keynote, with no one acting at this event, adds no one.
    text = f"{LEAD}\nหัวข้อการอบรมสอดคล้องกับนโยบายของ นายธีรพล ศรีอุดม รัฐมนตรีว่าการกระทรวงศึกษาธิการ\n"
    assert people(text) == [CHAIR]


def test_a_group_after_the_organisation_is_no_part_of_it():
    # Guard: the trainees after a position are not the speaker's organisation.
    text = f"{LEAD} โดยมี นางสาวดารุณี พึ่งทอง นักวิชาการ องค์การอนามัยโลก และครูปฐมวัย จำนวน 80 คน เข้าร่วม\n"
    assert people(text)[1][2] == "นักวิชาการ องค์การอนามัยโลก"
