"""Look-alikes of rounds 57–60's misses, as sentences (whole releases are in importer_shapes_57.py,
checked with the other shapes): a lead line opening with an emoji before its day; an English "Posted on"
label naming the Thai weekday; a surname "ณ <province>" before the venue's "ณ"; a public company's
"จำกัด (มหาชน)"; a count clause "มีครู… เข้าร่วม" after a speaker's university; a graded post written
before the second of two names. Guards keep what must not change: "ณ" before a room after a given name
is still the venue, a post with no grade before a name is no position, a bracket after "จำกัด" that is
not "(มหาชน)" stays out. Written before the rules: the cases failed on e4a91a8, the guards pass on both."""

import pytest

from news.importer import parse

TITLE = "สพป.อุทัยธานี เขต 1 ประชุมผู้บริหารสถานศึกษา"
VENUE = " ณ ห้องประชุมสะแกกรัง สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1 อำเภอเมืองอุทัยธานี จังหวัดอุทัยธานี"


def people(text):
    return [(a["honorific"], a["name"], a["position"]) for a in parse(text)["attendees"]]


@pytest.mark.parametrize("mark", ["🗓", "📅", "🗓️", "📆", "•"])
def test_a_lead_line_marked_before_its_day(mark):
    text = (f"สพป.อุทัยธานี เขต 1\n📌 ผอ.สพป.อุทัยธานี เขต 1 ลงพื้นที่ติดตามการจัดการเรียนการสอนและนิเทศโรงเรียนขนาดเล็กในสังกัด ภาคเรียนที่ 2 ปีการศึกษา 2568\n"
            f"{mark} วันศุกร์ที่ 16 มกราคม 2569 นายสุทธิพงษ์ เจริญผล ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1 ลงพื้นที่ติดตาม"
            f" ณ โรงเรียนบ้านหนองแก อำเภอเมืองอุทัยธานี จังหวัดอุทัยธานี\n")
    got = parse(text)
    assert (got["published_date"], got["event_start"]) == ("2026-01-16", "2026-01-16")
    assert people(text) == [("นาย", "สุทธิพงษ์ เจริญผล", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1")]


@pytest.mark.parametrize("label", [
    "Posted on วันพฤหัสบดี 15 มกราคม 2569 by admin",
    "Posted on วันพฤหัส 15 ม.ค. 2569 by ประชาสัมพันธ์",
    "Posted on วันพฤหัสบดีที่ 15 มกราคม 2569 by admin",
    "Published on วันพฤหัสบดี 15 มกราคม 2569",
])
def test_an_english_label_with_the_thai_weekday(label):
    got = parse(f"{TITLE}\n{label}\nวันที่ 14 มกราคม 2569 นายสมบัติ ใจงาม ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1"
                f" เป็นประธานการประชุม{VENUE}\n")
    assert (got["published_date"], got["event_start"], got["event_end"]) == ("2026-01-15", "2026-01-14", "2026-01-14")


@pytest.mark.parametrize("name", ["นายวิชัย ณ สงขลา", "นางสาวอัมพร ณ นคร", "นางจันทร์เพ็ญ ณ ลำปาง", "ดร.ปรีดา ณ เชียงใหม่"])
def test_a_surname_opening_with_na_before_the_venue(name):
    got = parse(f"{TITLE}\nวันที่ 14 มกราคม 2569 {name} ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1"
                f" เป็นประธานการประชุม{VENUE}\n")
    assert got["venue"] == "ห้องประชุมสะแกกรัง สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1 อำเภอเมืองอุทัยธานี"
    assert got["province"] == "อุทัยธานี"


def test_na_after_a_given_name_before_a_room_is_still_the_venue():
    # Guard: "ณ ห้อง…" is the place, whoever is named before it.
    got = parse(f"{TITLE}\nวันที่ 14 มกราคม 2569 นายสมบัติ ใจงาม เป็นประธาน{VENUE}\n")
    assert got["venue"].startswith("ห้องประชุมสะแกกรัง")


@pytest.mark.parametrize("company, expected", [
    ("บริษัท ปตท. จำกัด (มหาชน)", "บริษัท ปตท. จำกัด (มหาชน)"),
    ("บริษัท ซีพี ออลล์ จำกัด(มหาชน)", "บริษัท ซีพี ออลล์ จำกัด (มหาชน)"),
    ("บริษัท ไทยเบฟเวอเรจ จำกัด (มหาชน)", "บริษัท ไทยเบฟเวอเรจ จำกัด (มหาชน)"),
    # Guard: another bracket after "จำกัด" is an aside, left out as before.
    ("บริษัท สยามคูโบต้า จำกัด (สาขาขอนแก่น)", "บริษัท สยามคูโบต้า จำกัด"),
])
def test_a_public_company_in_a_position(company, expected):
    got = people(f"{TITLE}\nวันที่ 14 มกราคม 2569 โรงเรียนบ้านหนองแก จัดอบรม{VENUE} ได้รับเกียรติจาก นายอนันต์ ศรีสุข"
                 f" ผู้จัดการฝ่ายบุคคล {company} เป็นวิทยากร\n")
    assert got == [("นาย", "อนันต์ ศรีสุข", f"ผู้จัดการฝ่ายบุคคล {expected}")]


@pytest.mark.parametrize("clause", ["มีครูวิทยาศาสตร์จากโรงเรียนในสังกัดเข้าร่วม", "มีนักศึกษาครูเข้าร่วม",
                                    "มีผู้บริหารสถานศึกษาเข้าร่วม", "มีบุคลากรทางการศึกษาเข้าร่วม"])
def test_a_count_clause_after_a_university(clause):
    got = people(f"{TITLE}\nวันที่ 14 มกราคม 2569 สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1 จัดอบรม{VENUE}\n"
                 f"วิทยากรประกอบด้วย ดร.สุนันทา แก้วใส อาจารย์ประจำคณะครุศาสตร์ มหาวิทยาลัยราชภัฏนครสวรรค์ {clause} จำนวน 60 คน\n")
    assert got == [("ดร.", "สุนันทา แก้วใส", "อาจารย์ประจำคณะครุศาสตร์ มหาวิทยาลัยราชภัฏนครสวรรค์")]


@pytest.mark.parametrize("post", ["นิติกรชำนาญการพิเศษ", "นิติกรปฏิบัติการ", "วิศวกรโยธาชำนาญการ", "บรรณารักษ์ชำนาญการ"])
def test_a_graded_post_before_the_second_name(post):
    got = people(f"{TITLE}\nวันที่ 14 มกราคม 2569 นายสมบัติ ใจงาม รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1"
                 f" เป็นประธานการประชุม{VENUE} โดยมี ผู้อำนวยการกลุ่มบริหารงานบุคคล นางสาวอรวรรณ ทองคำ และ{post} นายชาตรี พึ่งบุญ ร่วมประชุม\n")
    assert got[-1] == ("นาย", "ชาตรี พึ่งบุญ", post)


def test_an_ungraded_word_before_the_second_name_is_no_position():
    # Guard: without a grade, a word before the name is not taken for a post.
    got = people(f"{TITLE}\nวันที่ 14 มกราคม 2569 นายสมบัติ ใจงาม รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุทัยธานี เขต 1"
                 f" เป็นประธานการประชุม{VENUE} โดยมี ผู้อำนวยการกลุ่มบริหารงานบุคคล นางสาวอรวรรณ ทองคำ และร่วมกับ นายชาตรี พึ่งบุญ ร่วมประชุม\n")
    assert got[-1][:2] == ("นาย", "ชาตรี พึ่งบุญ") and got[-1][2] in (None, "")
