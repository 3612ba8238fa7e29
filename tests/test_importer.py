"""The press-release parser (news/importer): the five seeds field by field, then
releases in the other shapes real offices write, and facts that must stay null."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from news.importer import parse

SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"
SCHEMA_FIELDS = [
    "title", "published_date", "event_start", "event_end", "time", "venue", "province", "online_platform",
    "chair", "attendees", "participant_count", "fiscal_year_be", "tags", "read_count", "office",
]


def seed_pairs():
    if not (SEEDS_DIR / "expected").is_dir():
        pytest.skip(f"the seeds are not beside the project ({SEEDS_DIR})")
    return [
        (path, json.loads((SEEDS_DIR / "expected" / f"{path.name[:3]}.json").read_text(encoding="utf-8")))
        for path in sorted(SEEDS_DIR.glob("*.txt"))
    ]


@pytest.mark.parametrize("index", range(5))
def test_seed_matches_every_expected_field(index):
    """Every schema field of each seed equals the facts written out by hand."""
    path, expected = seed_pairs()[index]
    got = parse(path.read_text(encoding="utf-8"))
    for field in SCHEMA_FIELDS:
        assert got[field] == expected[field], field
    assert got["credits"] == {k: expected["credits"][k] for k in ("writer", "photographer")}
    assert len(got["body"].split("\n\n")) == expected["body_paragraphs"]
    for furniture in expected["boilerplate_removed"]:
        assert furniture.replace("\u00a0", " ").strip() not in got["body"]


def test_seed_categories_and_attending_groups():
    """The category the page files a seed under (its breadcrumb or header line), and
    the groups it names as taking part: every group found is one written out by hand
    (none invented), and all 20 are found (seed 000's list runs past a family name ending
    in "ณ", seed 002's first group is a long comma list)."""
    found = total = 0
    for path, expected in seed_pairs():
        got = parse(path.read_text(encoding="utf-8"))
        assert got["category"] == expected["category"], path.name
        assert set(got["attending_groups"]) <= set(expected["groups"]), path.name
        found, total = found + len(got["attending_groups"]), total + len(expected["groups"])
    assert (found, total) == (20, 20)


def test_a_category_is_read_from_the_page_not_from_the_body():
    release = "ประชุมกลุ่มงาน\n\nวันที่ 1 มี.ค. 2567 ประชุมกลุ่มงานข่าวประชาสัมพันธ์ ณ ห้องประชุม"
    assert parse(release)["category"] is None
    assert parse("หน้าแรก / ภาพกิจกรรม / ประชุม\n\n" + release)["category"] == "ภาพกิจกรรม"
    assert parse("หน้าแรก / ภาพกิจกรรม / ประชุม\n\n" + release, categories=["กิจกรรม"])["category"] is None
    header = parse("ภาพกิจกรรม สำนักงานศึกษาธิการจังหวัดเลย\n" + release)
    assert (header["category"], header["title"]) == ("ภาพกิจกรรม", "ประชุมกลุ่มงาน")
    assert parse(release + "\n\nหมวดหมู่: ข่าวเด่น", categories=["ข่าวเด่น", "ข่าว"])["category"] == "ข่าวเด่น"


def test_parser_imports_no_django():
    """The parser is plain Python: importing and running it loads no Django module."""
    code = "import sys, news.importer as i; i.parse('x'); print(any(m.startswith('django') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def people(text):
    return [(p["honorific"], p["name"], p["position"], p["role"]) for p in parse(text)["attendees"]]


OPS_RELEASE = """ศธ. ประชุมผู้บริหารระดับสูง

(12 ม.ค. 2567) พล.ต.อ.เพิ่มพูน ชิดชอบ รัฐมนตรีว่าการกระทรวงศึกษาธิการ เป็นประธานการประชุมผู้บริหารระดับสูง ครั้งที่ 1/2567 โดยมี ผศ.ดร.สมใจ ศรีสุข ที่ปรึกษารัฐมนตรีว่าการกระทรวงศึกษาธิการ, ว่าที่ ร.ต.สมหมาย ใจงาม ผู้อำนวยการสำนักนโยบายและแผน สป. และนางสาวมาลี ดีงาม นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ เข้าร่วม ณ ห้องประชุมราชวัลลภ กระทรวงศึกษาธิการ กรุงเทพฯ

ข่าว: สมศรี ใจดี ภาพ: สมปอง ชอบถ่าย
"""


def test_ranks_academic_titles_and_a_list_joined_by_commas_and_and():
    assert people(OPS_RELEASE) == [
        ("พล.ต.อ.", "เพิ่มพูน ชิดชอบ", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "chair"),
        ("ผศ.ดร.", "สมใจ ศรีสุข", "ที่ปรึกษารัฐมนตรีว่าการกระทรวงศึกษาธิการ", "participant"),
        ("ว่าที่ ร.ต.", "สมหมาย ใจงาม", "ผู้อำนวยการสำนักนโยบายและแผน สป.", "participant"),
        ("นางสาว", "มาลี ดีงาม", "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ", "participant"),
    ]
    got = parse(OPS_RELEASE)
    assert got["published_date"] == got["event_start"] == got["event_end"] == "2024-01-12"
    assert (got["venue"], got["province"]) == ("ห้องประชุมราชวัลลภ กระทรวงศึกษาธิการ", "กรุงเทพมหานคร")
    assert got["credits"] == {"writer": "สมศรี ใจดี", "photographer": "สมปอง ชอบถ่าย"}
    assert got["office"] == "ศธ." and got["body"].count("\n\n") == 0  # the credit line is not body


AREA_RELEASE = """สพป.ขอนแก่น เขต 2 อบรมครูแกนนำ

วันที่ 3 – 5 ก.ค. 66 เวลา 08.30 – 16.30 น. นายสมพงษ์ ทองดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 2 มอบหมายให้ นางวิไล สุขใจ รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 2 เป็นประธานเปิดการอบรมครูแกนนำ จำนวน 80 คน ณ หอประชุมโรงเรียนชุมแพศึกษา อำเภอชุมแพ จังหวัดขอนแก่น ปีงบประมาณ 2566
"""


def test_assigned_chair_two_digit_year_and_a_range_with_time():
    got = parse(AREA_RELEASE)
    assert got["chair"] == {
        "honorific": "นาง", "name": "วิไล สุขใจ",
        "position": "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 2",
    }
    assert [p["name"] for p in got["attendees"]] == ["วิไล สุขใจ"]  # the one who assigned did not attend
    assert got["attendees"][0]["role"] == "opening_chair"
    assert (got["event_start"], got["event_end"], got["time"]) == ("2023-07-03", "2023-07-05", "08:30")
    assert (got["venue"], got["province"]) == ("หอประชุมโรงเรียนชุมแพศึกษา อำเภอชุมแพ", "ขอนแก่น")
    assert (got["participant_count"], got["fiscal_year_be"], got["office"]) == (80, 2566, "สพป.ขอนแก่น เขต 2")


def test_position_written_before_the_name():
    text = """ข่าวโรงเรียน

วันที่ 9 ก.พ. 2567 ผู้อำนวยการโรงเรียนบ้านหนองบัว นายสมศักดิ์ รักเรียน เป็นประธานในพิธีเปิดงานวันวิชาการ โดยมี ศึกษานิเทศก์ นางสาวอรทัย ใจเย็น เข้าร่วม
"""
    assert people(text) == [
        ("นาย", "สมศักดิ์ รักเรียน", "ผู้อำนวยการโรงเรียนบ้านหนองบัว", "opening_chair"),
        ("นางสาว", "อรทัย ใจเย็น", "ศึกษานิเทศก์", "participant"),
    ]


def test_thai_digits_months_across_a_month_and_an_online_platform():
    got = parse("ประชุมออนไลน์\n\nระหว่างวันที่ ๓๐ มิถุนายน – ๒ กรกฎาคม ๒๕๖๖ เวลา ๑๓.๓๐ น. ประชุมผ่านระบบ Google Meet\n")
    assert (got["event_start"], got["event_end"], got["time"]) == ("2023-06-30", "2023-07-02", "13:30")
    assert got["online_platform"] == "Google Meet"
    assert parse("ประชุม\n\nวันที่ 30 ธ.ค. 2566 – 2 ม.ค. 2567 ณ โรงแรมเอ จ.เลย")["event_end"] == "2024-01-02"


def test_positions_are_not_people_and_groups_are_not_people():
    """นายกรัฐมนตรี, นายอำเภอ and unnamed groups never become invented attendees."""
    text = """ประชุม

วันที่ 1 มีนาคม 2567 นายอำเภอเมืองเลย ศึกษาธิการจังหวัดทุกจังหวัด และผู้บริหารระดับสูง เข้าร่วมประชุม ตามข้อสั่งการของนายกรัฐมนตรี ณ ศาลากลางจังหวัดเลย
"""
    got = parse(text)
    assert got["attendees"] == [] and got["chair"] is None
    assert got["venue"] == "ศาลากลางจังหวัดเลย" and got["province"] == "เลย"


def test_people_only_cited_in_a_later_paragraph_did_not_attend():
    text = """ข่าว

วันที่ 1 มีนาคม 2567 นายเอก สองสาม ผู้อำนวยการโรงเรียนบ้านนา เป็นประธานการประชุม

นายเอก สองสาม กล่าวว่า นโยบายของ นายบี ซีดี รัฐมนตรีว่าการกระทรวงศึกษาธิการ ต้องได้รับการขับเคลื่อน
"""
    assert [p["name"] for p in parse(text)["attendees"]] == ["เอก สองสาม"]


def test_sara_am_written_two_ways_is_one_person():
    text = "ข่าว\n\nวันที่ 1 มี.ค. 2567 นายสมชาย ทําดี ครู เป็นประธาน และนายสมชาย ทำดี ครู เข้าร่วม\n"
    assert len(parse(text)["attendees"]) == 1


def test_facts_not_stated_stay_null():
    got = parse("ประกาศรายชื่อผู้ผ่านการคัดเลือก\n\nรายละเอียดตามเอกสารแนบ ดูรูปภาพได้ที่นี่\n")
    assert got["title"] == "ประกาศรายชื่อผู้ผ่านการคัดเลือก"
    for field in ["published_date", "event_start", "event_end", "time", "venue", "province", "online_platform",
                  "chair", "participant_count", "fiscal_year_be", "tags", "read_count", "office"]:
        assert got[field] is None, field
    assert got["attendees"] == [] and got["credits"] == {"writer": None, "photographer": None}


def test_an_undated_year_and_a_count_of_things_are_not_facts():
    got = parse("ข่าว\n\nเมื่อ 14 กันยายนที่ผ่านมา มีผลสำเร็จ จำนวน 11 เรื่อง และครั้งที่ 2/2565\n")
    assert (got["published_date"], got["participant_count"], got["fiscal_year_be"]) == (None, None, None)


def test_publication_date_label_wins_over_the_event_date():
    got = parse("ข่าว\n\nวันที่ 3 มีนาคม 2567 ประชุมครู\n\nเผยแพร่เมื่อ 5 มีนาคม 2567\n")
    assert (got["published_date"], got["event_start"]) == ("2024-03-05", "2024-03-03")


AREA_LIST_RELEASE = """ข่าว

วันจันทร์ที่ 5 กุมภาพันธ์ 2567 นายสมชาย ใจดีผู้อำนวยการโรงเรียนบ้านนา สังกัด สพป.เลย เขต 1 เป็นประธานในพิธีเปิด ประกอบด้วย ผู้อำนวยการโรงเรียนบ้านโคก นายเอก บุญมา, ครูโรงเรียนบ้านโคก นางดวง ดีเด่น และนายจิต ใจงาม ศึกษานิเทศก์ชำนาญการ เข้าร่วม ณ ห้องประชุมชั้น 3 สำนักงานศึกษาธิการจังหวัดเลย มีผู้เข้าร่วมประชุม 120 คน
"""


def test_positions_before_names_in_a_list_and_a_surname_glued_to_the_position():
    assert people(AREA_LIST_RELEASE) == [
        ("นาย", "สมชาย ใจดี", "ผู้อำนวยการโรงเรียนบ้านนา สังกัด สพป.เลย เขต 1", "opening_chair"),
        ("นาย", "เอก บุญมา", "ผู้อำนวยการโรงเรียนบ้านโคก", "participant"),
        ("นาง", "ดวง ดีเด่น", "ครูโรงเรียนบ้านโคก", "participant"),
        ("นาย", "จิต ใจงาม", "ศึกษานิเทศก์ชำนาญการ", "participant"),
    ]
    got = parse(AREA_LIST_RELEASE)
    assert (got["venue"], got["province"], got["participant_count"]) == (
        "ห้องประชุมชั้น 3 สำนักงานศึกษาธิการจังหวัดเลย", "เลย", 120)


def test_a_name_without_a_surname_is_not_invented_and_a_guest_chairs():
    got = parse("ข่าว\n\nเมื่อวันที่ 5 ก.พ.67 นายสมชาย ผู้อำนวยการโรงเรียน กล่าวรายงาน ได้รับเกียรติจาก "
                "ดร.สมหญิง ใจงาม ผู้ว่าราชการจังหวัดเลย เป็นประธานในพิธี\n")
    assert got["published_date"] == "2024-02-05"
    assert people("ข่าว\n\n" + got["body"]) == [("ดร.", "สมหญิง ใจงาม", "ผู้ว่าราชการจังหวัดเลย", "chair")]


def test_a_speaker_and_a_venue_with_an_abbreviated_province():
    got = parse("ข่าว\n\nวันที่ 5 - 7 กุมภาพันธ์ พ.ศ. 2567 สพม.เลย หนองบัวลำภู จัดอบรม โดยมี รศ.ดร.วิชัย เก่งมาก "
                "อาจารย์มหาวิทยาลัยราชภัฏเลย เป็นวิทยากร ณ โรงเรียนเลยพิทยาคม อ.เมือง จ.เลย\n")
    assert got["attendees"] == [{"honorific": "รศ.ดร.", "name": "วิชัย เก่งมาก",
                                 "position": "อาจารย์มหาวิทยาลัยราชภัฏเลย", "role": "speaker"}]
    assert got["chair"] is None
    assert (got["event_start"], got["event_end"]) == ("2024-02-05", "2024-02-07")
    assert (got["venue"], got["province"]) == ("โรงเรียนเลยพิทยาคม อ.เมือง", "เลย")


@pytest.mark.parametrize("title, office", [
    ("สพม.เลย หนองบัวลำภู จัดอบรมครู", "สพม.เลย หนองบัวลำภู"),
    ("สพม.กรุงเทพมหานคร เขต 1 จัดประชุม", "สพม.กรุงเทพมหานคร เขต 1"),
    ("สพป.เลย เขต 1 ประชุมผู้บริหาร", "สพป.เลย เขต 1"),
    ("ศธจ.เลย ประชุมคณะกรรมการ", "ศธจ.เลย"),
    ("สป. ศธ. จัดประชุม", "สป.ศธ."),
    ("ประชุมคณะกรรมการ", None),
])
def test_office_from_the_abbreviation_opening_the_title(title, office):
    assert parse(f"{title}\n\nเนื้อหา\n")["office"] == office


def test_a_participant_is_not_the_chair_named_later_in_the_sentence():
    got = parse("ข่าว\n\nวันที่ 1 มี.ค. 2567 นายเอก บุญมา ครู เข้าร่วมประชุม ซึ่งผู้ว่าราชการจังหวัดเลย เป็นประธาน\n")
    assert got["chair"] is None
    assert people("ข่าว\n\n" + got["body"]) == [("นาย", "เอก บุญมา", "ครู", "participant")]


def test_a_venue_written_with_ti_implies_its_province_and_a_video_conference():
    got = parse("ข่าว\n\nวันที่ 15 ม.ค. 2567 เวลา 13.30 น. นายเอก บุญมา ผู้อำนวยการ สพป.เลย เขต 1 เป็นประธานการประชุม "
                "ที่ห้องประชุมราชพฤกษ์ สพป.เลย เขต 1 ผ่านระบบ Video Conference\n")
    assert (got["venue"], got["province"]) == ("ห้องประชุมราชพฤกษ์ สพป.เลย เขต 1", "เลย")
    assert (got["online_platform"], got["time"]) == ("Video Conference", "13:30")
    assert got["chair"]["position"] == "ผู้อำนวยการ สพป.เลย เขต 1"


def test_chained_titles_a_name_starting_like_a_title_and_no_venue_inside_a_name():
    """'ณ' opening a name (ณรงค์) is no venue; นายการุณ is a person, นายกรัฐมนตรี is not."""
    got = parse("ประชุมคณะกรรมการ\n\nพลเรือเอก ณัฐพล ทองคำ รัฐมนตรีว่าการกระทรวงศึกษาธิการ เป็นประธานการประชุม "
                "โดยมีรองศาสตราจารย์ นายแพทย์กำธร ดีมาก ปลัดกระทรวงศึกษาธิการ นายการุณ สุขสม เลขาธิการ กศน. "
                "และคุณหญิงกานดา ใจดี ที่ปรึกษา เข้าร่วม ตามนโยบายของนายกรัฐมนตรี\n")
    assert got["venue"] is None
    assert people("ข่าว\n\n" + got["body"]) == [
        ("พลเรือเอก", "ณัฐพล ทองคำ", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "chair"),
        ("รองศาสตราจารย์ นายแพทย์", "กำธร ดีมาก", "ปลัดกระทรวงศึกษาธิการ", "participant"),
        ("นาย", "การุณ สุขสม", "เลขาธิการ กศน.", "participant"),
        ("คุณหญิง", "กานดา ใจดี", "ที่ปรึกษา", "participant"),
    ]


def test_two_people_sharing_one_position_and_a_chair_verb_typed_against_the_position():
    text = ("ข่าว\n\nเมื่อวันที่ ๔ เมษายน ๒๕๖๐ ดร.สมพร ใจงาม เลขาธิการสภาการศึกษาเป็นประธานการประชุม โดยมี "
            "ดร.วิภา สุขดี และ ดร.สมศักดิ์ มั่นคง รองเลขาธิการสภาการศึกษา เข้าร่วมประชุม ณ ห้องประชุม ๑ ชั้น ๒\n")
    assert people(text) == [
        ("ดร.", "สมพร ใจงาม", "เลขาธิการสภาการศึกษา", "chair"),
        ("ดร.", "วิภา สุขดี", "รองเลขาธิการสภาการศึกษา", "participant"),
        ("ดร.", "สมศักดิ์ มั่นคง", "รองเลขาธิการสภาการศึกษา", "participant"),
    ]
    assert (parse(text)["venue"], parse(text)["published_date"]) == ("ห้องประชุม ๑ ชั้น ๒", "2017-04-04")


def test_area_office_shapes_double_spaces_a_deputy_title_with_a_space_and_a_province_for_a_venue():
    text = ("สพป.อุดรธานี เขต 1 จัดงาน\n\nวันเสาร์ที่  14  กันยายน  2562  เวลา 09.00 น. นายภูมิ  ภูริศรี ผอ.สพป.อุดรธานี เขต 1 "
            "ประธานในพิธีเปิดงาน พร้อมด้วย นายสุข ส่างช้าง รอง ผอ.สพป.อุดรธานี เขต 1 ในการนี้ นายชัย ศรีหา "
            "รอง ผอ.สพป.อุดรธานี เขต 1 เป็นผู้กล่าวรายงาน ณ  จังหวัดอุดรธานี\n")
    assert people(text) == [
        ("นาย", "ภูมิ ภูริศรี", "ผอ.สพป.อุดรธานี เขต 1", "opening_chair"),
        ("นาย", "สุข ส่างช้าง", "รอง ผอ.สพป.อุดรธานี เขต 1", "participant"),
        ("นาย", "ชัย ศรีหา", "รอง ผอ.สพป.อุดรธานี เขต 1", "participant"),
    ]
    got = parse(text)
    assert (got["venue"], got["province"], got["published_date"], got["time"]) == (None, "อุดรธานี", "2019-09-14", "09:00")


def test_a_reporter_credit_and_a_provincial_office_pair():
    got = parse("ศธจ.สระแก้ว หารือ\n\nวันที่ 21 ธันวาคม 2566 นายวิชัย อันดี ศึกษาธิการจังหวัดสระแก้ว และนางสุดา สุทธิ "
                "รองศึกษาธิการจังหวัดสระแก้ว พร้อมด้วยคณะศึกษานิเทศก์ ได้เข้าหารือ\nรุ่งนภา โรจนดี รายงาน ***รูปภาพเพิ่มเติม***\n")
    assert got["credits"] == {"writer": "รุ่งนภา โรจนดี", "photographer": None}
    assert "รายงาน" not in got["body"]
    assert people("ข่าว\n\n" + got["body"]) == [
        ("นาย", "วิชัย อันดี", "ศึกษาธิการจังหวัดสระแก้ว", "participant"),
        ("นาง", "สุดา สุทธิ", "รองศึกษาธิการจังหวัดสระแก้ว", "participant"),
    ]
    assert got["office"] == "ศธจ.สระแก้ว"


@pytest.mark.parametrize("lead, venue, province, role", [
    ("นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธานพิธีเปิดการแข่งขันกีฬา ณ สนามกีฬาโรงเรียนบ้านนา",
     "สนามกีฬาโรงเรียนบ้านนา", None, "opening_chair"),
    ("ประธานในพิธี ได้แก่ นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา ณ หอประชุมอำเภอเมืองเลย",
     "หอประชุมอำเภอเมืองเลย", "เลย", "chair"),
    ("นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา ได้รับเกียรติเป็นประธานเปิดงาน ณ โรงแรมเลยพาเลซ จังหวัดเลย",
     "โรงแรมเลยพาเลซ", "เลย", "opening_chair"),
    ("นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา ให้เกียรติมาเป็นประธาน ณ โรงแรมเลยพาเลซ จ.เลย",
     "โรงแรมเลยพาเลซ", "เลย", "chair"),
])
def test_more_ways_of_writing_the_chair_and_the_capital_district(lead, venue, province, role):
    """"ประธานพิธีเปิด", a chair named after "ประธานในพิธี ได้แก่", an honour
    ("ได้รับเกียรติ", "ให้เกียรติมา") before the verb; "อำเภอเมืองX" is in province X."""
    got = parse("ข่าว\n\nวันที่ 2 ก.พ. 2568 " + lead)
    assert (got["venue"], got["province"]) == (venue, province)
    assert [(p["name"], p["position"], p["role"]) for p in got["attendees"]] == [
        ("สมชาย ใจดี", "ผู้อำนวยการโรงเรียนบ้านนา", role)]
    assert got["chair"]["name"] == "สมชาย ใจดี"


@pytest.mark.parametrize("page, published, event", [
    ("โพสต์เมื่อ 10/03/2568\nวันที่ 8 มี.ค. 2568 ประชุมครั้งที่ 1/2568 ณ ห้องประชุม", "2025-03-10", "2025-03-08"),
    ("โพสต์เมื่อ : 10 มี.ค. 2568 อ่าน 12 ครั้ง\n\nวันที่ 8 มี.ค. 2568 ประชุม ณ ห้องประชุม", "2025-03-10", "2025-03-08"),
    ("วันที่ 8 มี.ค. 2568 ประชุม ณ ห้องประชุม\n\nเผยแพร่เมื่อ 9 มีนาคม 2568", "2025-03-09", "2025-03-08"),
])
def test_the_pages_own_date_line_is_the_publication_date_and_not_the_body(page, published, event):
    """A line that is only "โพสต์เมื่อ <date>" (a day/month/year date too, only there) is the
    page's: the publication date, never the event's, and not a paragraph of the body."""
    got = parse("ข่าว\n\n" + page)
    assert (got["published_date"], got["event_start"]) == (published, event)
    assert "โพสต์เมื่อ" not in got["body"] and "เผยแพร่เมื่อ" not in got["body"]
