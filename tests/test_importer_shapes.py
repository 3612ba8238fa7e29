"""Shapes of real releases the importer missed before any round asked for them
(docs/importer.md, "Not done", and the shapes likely in releases never seen): a monk
without a monastic post, a bare name whose given name PyThaiNLP lacks with its position
written after it, groups in a comma list or past a word ending in "ณ", venues running
into "ตั้งแต่เวลา…"/"นำโดย"/"อย่าง…"/"มีนักเรียน…", positions in local government, police
and hospitals written with a space, and a woman's rank typed against the name. Each shape
has look-alike releases written before the rule, and look-alikes that are not people; those of
the shapes rounds 23–24 and 25–26 missed are in importer_later_shapes.py and importer_shapes_25.py; rounds 27–30's in importer_shapes_27.py; rounds 31–32's in importer_shapes_31.py; rounds 33–34's in importer_shapes_33.py; rounds 35–36's in importer_shapes_35.py; rounds 39–40's in importer_shapes_39.py; rounds 41–44's in importer_shapes_41.py (dates) and importer_shapes_41p.py (people and venues); rounds 45–48's in importer_shapes_45.py (dates) and importer_shapes_45p.py (people and venues); rounds 49–56's people in importer_shapes_49p.py; round 56's dates in importer_shapes_56.py; rounds 57–60's in importer_shapes_57.py; rounds 61–64's in importer_shapes_61.py."""

import pytest

from news.importer import parse

from .test_importer_releases import accuracy, assert_parsed_as_expected
from .importer_later_shapes import LATER_SHAPES
from .importer_shapes_25 import ROUND_25_SHAPES
from .importer_shapes_27 import ROUND_27_SHAPES
from .importer_shapes_31 import ROUND_31_SHAPES
from .importer_shapes_33 import ROUND_33_SHAPES
from .importer_shapes_35 import ROUND_35_SHAPES
from .importer_shapes_39 import ROUND_39_SHAPES
from .importer_shapes_41 import ROUND_41_SHAPES
from .importer_shapes_41p import ROUND_41_PEOPLE_SHAPES
from .importer_shapes_45 import ROUND_45_SHAPES
from .importer_shapes_45p import ROUND_45_PEOPLE_SHAPES
from .importer_shapes_49p import ROUND_49_PEOPLE_SHAPES
from .importer_shapes_56 import ROUND_56_SHAPES
from .importer_shapes_57 import ROUND_57_SHAPES
from .importer_shapes_61 import ROUND_61_SHAPES

P = "participant"
FIRST_SHAPES = [
    # A monk without a monastic post: known by the monks' own verbs after the name.
    ("monk-without-post-chairs-the-monks-side", """โรงเรียนบ้านโนนสูง ทำบุญเปิดอาคารเรียนหลังใหม่

วันที่ 14 มกราคม 2568 โรงเรียนบ้านโนนสูง จัดพิธีทำบุญเปิดอาคารเรียนหลังใหม่ โดยมี พระครูสุนทรธรรมโกศล เป็นประธานฝ่ายสงฆ์ และนายวิทยา คำสอน ผู้อำนวยการโรงเรียนบ้านโนนสูง กล่าวรายงาน ณ อาคารเรียน ๓ โรงเรียนบ้านโนนสูง อำเภอน้ำพอง จังหวัดขอนแก่น
""", {
        "published_date": "2025-01-14", "event_start": "2025-01-14", "event_end": "2025-01-14",
        "venue": "อาคารเรียน ๓ โรงเรียนบ้านโนนสูง อำเภอน้ำพอง", "province": "ขอนแก่น",
        "attendees": [
            ("พระครู", "สุนทรธรรมโกศล", None, "chair"),
            ("นาย", "วิทยา คำสอน", "ผู้อำนวยการโรงเรียนบ้านโนนสูง", P),
        ],
    }),
    ("monk-with-pali-name-gives-a-sermon", """วิทยาลัยเทคนิคแพร่ จัดโครงการปฐมนิเทศนักศึกษาใหม่

เมื่อวันที่ 3 มิถุนายน 2567 นางสาวพรทิพย์ วงศ์ไชย ผู้อำนวยการวิทยาลัยเทคนิคแพร่ เป็นประธานเปิดโครงการปฐมนิเทศนักศึกษาใหม่ ณ หอประชุมวิทยาลัยเทคนิคแพร่ จังหวัดแพร่ โดยมี พระมหาอนันต์ อนนฺตปญฺโญ ให้โอวาทแก่นักศึกษา และพระอธิการสมบัติ ฐิตวํโส นำสวดมนต์
""", {
        "published_date": "2024-06-03", "event_start": "2024-06-03", "event_end": "2024-06-03",
        "venue": "หอประชุมวิทยาลัยเทคนิคแพร่", "province": "แพร่",
        "attendees": [
            ("นางสาว", "พรทิพย์ วงศ์ไชย", "ผู้อำนวยการวิทยาลัยเทคนิคแพร่", "opening_chair"),
            ("พระมหา", "อนันต์ อนนฺตปญฺโญ", None, P),
            ("พระอธิการ", "สมบัติ ฐิตวํโส", None, P),
        ],
    }),
    ("monk-blesses-then-lay-chair", """สพป.สุรินทร์ เขต 1 จัดพิธีบวงสรวงเปิดงานศิลปหัตถกรรมนักเรียน

วันที่ 10 ธันวาคม 2567 พระครูสิริปัญญาวิมล ร่วมเจริญพุทธมนต์ ในพิธีบวงสรวงเปิดงานศิลปหัตถกรรมนักเรียน ณ สนามโรงเรียนสุรวิทยาคาร อำเภอเมืองสุรินทร์ จังหวัดสุรินทร์ โดยมี นายธนพล แสงทอง ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุรินทร์ เขต 1 เป็นประธาน
""", {
        "published_date": "2024-12-10", "event_start": "2024-12-10", "event_end": "2024-12-10",
        "venue": "สนามโรงเรียนสุรวิทยาคาร อำเภอเมืองสุรินทร์", "province": "สุรินทร์",
        "attendees": [
            ("พระครู", "สิริปัญญาวิมล", None, P),
            ("นาย", "ธนพล แสงทอง", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุรินทร์ เขต 1", "chair"),
        ],
    }),
    # A bare name whose given name PyThaiNLP lacks, its position written after it.
    ("unlisted-bare-name-opens-the-lead", """สพป.ลำปาง เขต 2 ประชุมผู้บริหารสถานศึกษา ครั้งที่ 3/2568

วันที่ 6 มีนาคม 2568 ณัฏฐ์ชวัล อินต๊ะวงศ์ ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 2 เป็นประธานการประชุมผู้บริหารสถานศึกษา ครั้งที่ 3/2568 ณ หอประชุมโรงเรียนเถินวิทยา อำเภอเถิน จังหวัดลำปาง
""", {
        "published_date": "2025-03-06", "event_start": "2025-03-06", "event_end": "2025-03-06",
        "venue": "หอประชุมโรงเรียนเถินวิทยา อำเภอเถิน", "province": "ลำปาง",
        "attendees": [
            (None, "ณัฏฐ์ชวัล อินต๊ะวงศ์", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 2", "chair"),
        ],
    }),
    ("unlisted-bare-names-after-with", """ศธจ.พะเยา ประชุมคณะอนุกรรมการลูกเสือจังหวัด

เมื่อวันที่ 19 สิงหาคม 2567 นายประเสริฐ บุญเรือง ศึกษาธิการจังหวัดพะเยา เป็นประธานการประชุมคณะอนุกรรมการลูกเสือจังหวัดพะเยา ณ ห้องประชุมสำนักงานศึกษาธิการจังหวัดพะเยา โดยมี ธีร์วรา ปัญญาวงศ์ รองศึกษาธิการจังหวัดพะเยา และ กฤตภาส ใจหาญ ผู้อำนวยการกลุ่มส่งเสริมการศึกษาเอกชน เข้าร่วมประชุม
""", {
        "published_date": "2024-08-19", "event_start": "2024-08-19", "event_end": "2024-08-19",
        "venue": "ห้องประชุมสำนักงานศึกษาธิการจังหวัดพะเยา", "province": "พะเยา",
        "attendees": [
            ("นาย", "ประเสริฐ บุญเรือง", "ศึกษาธิการจังหวัดพะเยา", "chair"),
            (None, "ธีร์วรา ปัญญาวงศ์", "รองศึกษาธิการจังหวัดพะเยา", P),
            (None, "กฤตภาส ใจหาญ", "ผู้อำนวยการกลุ่มส่งเสริมการศึกษาเอกชน", P),
        ],
    }),
    ("unlisted-bare-name-speaker-in-a-later-paragraph", """สพม.ชลบุรี ระยอง อบรมการใช้ปัญญาประดิษฐ์ในการจัดการเรียนรู้

ระหว่างวันที่ 22 – 23 กรกฎาคม 2567 นายสมหมาย ทองดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาชลบุรี ระยอง เป็นประธานเปิดการอบรม ณ ห้องประชุมโรงเรียนชลกันยานุกูล อำเภอเมืองชลบุรี จังหวัดชลบุรี

ในการนี้ ภัทรวดี ศรีพิพัฒน์ ศึกษานิเทศก์ชำนาญการพิเศษ เป็นวิทยากรบรรยายเรื่องการใช้ปัญญาประดิษฐ์ในห้องเรียน
""", {
        "published_date": "2024-07-22", "event_start": "2024-07-22", "event_end": "2024-07-23",
        "venue": "ห้องประชุมโรงเรียนชลกันยานุกูล อำเภอเมืองชลบุรี", "province": "ชลบุรี",
        "attendees": [
            ("นาย", "สมหมาย ทองดี", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาชลบุรี ระยอง", "opening_chair"),
            (None, "ภัทรวดี ศรีพิพัฒน์", "ศึกษานิเทศก์ชำนาญการพิเศษ", "speaker"),
        ],
    }),
    # Venues that ran on into the sentence after them.
    ("venue-then-from-time", """โรงเรียนบ้านหนองหิน จัดกิจกรรมวันวิทยาศาสตร์

วันที่ 18 สิงหาคม 2567 นายอุดม ศรีสุข ผู้อำนวยการโรงเรียนบ้านหนองหิน เป็นประธานเปิดกิจกรรมสัปดาห์วิทยาศาสตร์ ณ หอประชุมโรงเรียนบ้านหนองหิน ตั้งแต่เวลา 08.30 น. เป็นต้นไป มีนักเรียนเข้าร่วม 250 คน
""", {
        "published_date": "2024-08-18", "event_start": "2024-08-18", "event_end": "2024-08-18",
        "venue": "หอประชุมโรงเรียนบ้านหนองหิน", "province": None,
        "attendees": [("นาย", "อุดม ศรีสุข", "ผู้อำนวยการโรงเรียนบ้านหนองหิน", "opening_chair")],
    }),
    ("venue-then-led-by", """โรงเรียนอนุบาลสตูล จัดกิจกรรมวันไหว้ครู

วันที่ 13 มิถุนายน 2567 ณ หอประชุมโรงเรียนอนุบาลสตูล นำโดย นางสุนีย์ หมัดหลี ผู้อำนวยการโรงเรียนอนุบาลสตูล จัดพิธีไหว้ครู ประจำปีการศึกษา 2567 โดยมีคณะครูและนักเรียนเข้าร่วม
""", {
        "published_date": "2024-06-13", "event_start": "2024-06-13", "event_end": "2024-06-13",
        "venue": "หอประชุมโรงเรียนอนุบาลสตูล", "province": "สตูล",
        "attendees": [("นาง", "สุนีย์ หมัดหลี", "ผู้อำนวยการโรงเรียนอนุบาลสตูล", P)],
    }),
    ("venue-then-adverb-and-students", """โรงเรียนท่าบ่อ จัดงานวันคริสต์มาส

วันที่ 25 ธันวาคม 2567 นายวีระพงษ์ มีสุข ผู้อำนวยการโรงเรียนท่าบ่อ เป็นประธานในพิธีเปิดงาน ณ ลานอเนกประสงค์โรงเรียนท่าบ่อ อย่างยิ่งใหญ่ มีนักเรียนและผู้ปกครองร่วมงานกว่า 1,000 คน
""", {
        "published_date": "2024-12-25", "event_start": "2024-12-25", "event_end": "2024-12-25",
        "venue": "ลานอเนกประสงค์โรงเรียนท่าบ่อ", "province": None,
        "attendees": [("นาย", "วีระพงษ์ มีสุข", "ผู้อำนวยการโรงเรียนท่าบ่อ", "opening_chair")],
    }),
    ("venue-then-under-a-project", """ศธจ.ยโสธร จัดค่ายภาษาอังกฤษ

วันที่ 9 – 11 ตุลาคม 2567 นางอรพิน ศรีวงศ์ รองศึกษาธิการจังหวัดยโสธร เป็นประธานเปิดค่าย ณ ค่ายลูกเสือจังหวัดยโสธร ภายใต้โครงการพัฒนาทักษะภาษาอังกฤษ ประจำปีงบประมาณ 2568
""", {
        "published_date": "2024-10-09", "event_start": "2024-10-09", "event_end": "2024-10-11",
        "venue": "ค่ายลูกเสือจังหวัดยโสธร", "province": "ยโสธร",
        "attendees": [("นาง", "อรพิน ศรีวงศ์", "รองศึกษาธิการจังหวัดยโสธร", "opening_chair")],
    }),
    # Positions in local government, police and hospitals written with a space.
    ("positions-of-a-municipality-and-a-police-station", """โรงเรียนเทศบาลวัดกลาง จัดกิจกรรมรณรงค์ป้องกันยาเสพติด

วันที่ 26 มิถุนายน 2567 นายชาญชัย พรหมมา ผู้อำนวยการกองการศึกษา เทศบาลนครนครราชสีมา เป็นประธานเปิดกิจกรรม ณ โรงเรียนเทศบาลวัดกลาง อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา โดยมี พ.ต.อ.สุรศักดิ์ แก้วมณี ผู้กำกับการ สถานีตำรวจภูธรเมืองนครราชสีมา และนางจันทร์เพ็ญ ทองมา ผู้อำนวยการโรงเรียนเทศบาลวัดกลาง เข้าร่วม
""", {
        "published_date": "2024-06-26", "event_start": "2024-06-26", "event_end": "2024-06-26",
        "venue": "โรงเรียนเทศบาลวัดกลาง อำเภอเมืองนครราชสีมา", "province": "นครราชสีมา",
        "attendees": [
            ("นาย", "ชาญชัย พรหมมา", "ผู้อำนวยการกองการศึกษา เทศบาลนครนครราชสีมา", "opening_chair"),
            ("พ.ต.อ.", "สุรศักดิ์ แก้วมณี", "ผู้กำกับการ สถานีตำรวจภูธรเมืองนครราชสีมา", P),
            ("นาง", "จันทร์เพ็ญ ทองมา", "ผู้อำนวยการโรงเรียนเทศบาลวัดกลาง", P),
        ],
    }),
    ("positions-of-a-hospital-and-a-subdistrict", """โรงเรียนบ้านดงบัง ตรวจสุขภาพนักเรียน

วันที่ 4 พฤศจิกายน 2567 นายสมัย ดวงดี ผู้อำนวยการโรงเรียนบ้านดงบัง เป็นประธาน ณ ห้องประชุมโรงเรียนบ้านดงบัง อำเภอนาดูน จังหวัดมหาสารคาม โดยมี นางสาวกัลยา พิมพ์ดี พยาบาลวิชาชีพชำนาญการ โรงพยาบาลนาดูน และนายบุญมี สีดา ปลัด องค์การบริหารส่วนตำบลดงบัง ร่วมตรวจสุขภาพนักเรียน
""", {
        "published_date": "2024-11-04", "event_start": "2024-11-04", "event_end": "2024-11-04",
        "venue": "ห้องประชุมโรงเรียนบ้านดงบัง อำเภอนาดูน", "province": "มหาสารคาม",
        "attendees": [
            ("นาย", "สมัย ดวงดี", "ผู้อำนวยการโรงเรียนบ้านดงบัง", "chair"),
            ("นางสาว", "กัลยา พิมพ์ดี", "พยาบาลวิชาชีพชำนาญการ โรงพยาบาลนาดูน", P),
            ("นาย", "บุญมี สีดา", "ปลัด องค์การบริหารส่วนตำบลดงบัง", P),
        ],
    }),
    # A woman's rank typed against her given name.
    ("acting-sub-lieutenant-woman-glued", """สพป.อุบลราชธานี เขต 4 ประชุมครูแนะแนว

วันที่ 8 กรกฎาคม 2567 ว่าที่ร้อยตรีหญิงนภาพร ศรีวิเศษ รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุบลราชธานี เขต 4 เป็นประธานการประชุมครูแนะแนว ณ ห้องประชุมสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุบลราชธานี เขต 4 โดยมี ว่าที่ ร.ต.หญิงกมลชนก ดีงาม ศึกษานิเทศก์ชำนาญการ เข้าร่วม
""", {
        "published_date": "2024-07-08", "event_start": "2024-07-08", "event_end": "2024-07-08",
        "venue": "ห้องประชุมสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุบลราชธานี เขต 4", "province": "อุบลราชธานี",
        "attendees": [
            ("ว่าที่ร้อยตรีหญิง", "นภาพร ศรีวิเศษ", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุบลราชธานี เขต 4", "chair"),
            ("ว่าที่ ร.ต.หญิง", "กมลชนก ดีงาม", "ศึกษานิเทศก์ชำนาญการ", P),
        ],
    }),
    ("police-woman-glued", """โรงเรียนบ้านห้วยยาง อบรมความปลอดภัยทางถนน

วันที่ 15 พฤษภาคม 2568 นายเกียรติศักดิ์ ทองแท้ ผู้อำนวยการโรงเรียนบ้านห้วยยาง เป็นประธาน ณ หอประชุมโรงเรียนบ้านห้วยยาง อำเภอเมืองกระบี่ จังหวัดกระบี่ โดยมี ร.ต.อ.หญิงศิริพร คงสม รองสารวัตรจราจร สถานีตำรวจภูธรเมืองกระบี่ เป็นวิทยากร
""", {
        "published_date": "2025-05-15", "event_start": "2025-05-15", "event_end": "2025-05-15",
        "venue": "หอประชุมโรงเรียนบ้านห้วยยาง อำเภอเมืองกระบี่", "province": "กระบี่",
        "attendees": [
            ("นาย", "เกียรติศักดิ์ ทองแท้", "ผู้อำนวยการโรงเรียนบ้านห้วยยาง", "chair"),
            ("ร.ต.อ.หญิง", "ศิริพร คงสม", "รองสารวัตรจราจร สถานีตำรวจภูธรเมืองกระบี่", "speaker"),
        ],
    }),
]
SHAPES = (FIRST_SHAPES + LATER_SHAPES + ROUND_25_SHAPES + ROUND_27_SHAPES + ROUND_31_SHAPES + ROUND_33_SHAPES + ROUND_35_SHAPES
          + ROUND_39_SHAPES + ROUND_41_SHAPES + ROUND_41_PEOPLE_SHAPES + ROUND_45_SHAPES + ROUND_45_PEOPLE_SHAPES
          + ROUND_49_PEOPLE_SHAPES + ROUND_56_SHAPES + ROUND_57_SHAPES + ROUND_61_SHAPES)


@pytest.mark.parametrize("name, text, expected", SHAPES, ids=[r[0] for r in SHAPES])
def test_shape(name, text, expected):
    assert_parsed_as_expected(text, expected)


def test_accuracy_on_the_shapes():
    score = accuracy(SHAPES)
    assert all(right == total for right, total in score.values()), score


def lead_people(lead):
    got = parse("ข่าว\n\nวันที่ 2 ก.พ. 2568 " + lead + "\n")
    return [p["name"] for p in got["attendees"]]


@pytest.mark.parametrize("lead", [
    # A Buddha image "เป็นพระประธาน", royal words and monks as a group are not monks named.
    "นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน อัญเชิญพระพุทธชินราชจำลอง เป็นพระประธานในหอประชุม",
    "นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน รับพระราชทานเกียรติบัตร ให้โอวาทแก่นักเรียน",
    "นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน นิมนต์พระสงฆ์ 9 รูป เจริญพระพุทธมนต์",
    "นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน นำนักเรียนกราบพระรัตนตรัย ให้โอวาท",
    "นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน ถวายพระพรชัยมงคล นำสวดมนต์",
])
def test_words_like_a_monk_without_a_post_are_no_person(lead):
    assert lead_people(lead) == ["สมชาย ใจดี"]


@pytest.mark.parametrize("lead", [
    # Two words the dictionary lacks before a position are not a person by themselves.
    "ประชุมเชิงปฏิบัติการขับเคลื่อน หลักสูตรฐานสมรรถนะ ผู้บริหารสถานศึกษา เข้าร่วม นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน",
    "นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน กิจกรรมเสริมหลักสูตร สะเต็มศึกษา ครูวิทยาศาสตร์ เข้าร่วม",
    "นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน มอบทุนการศึกษา ลาดกระบัง ผู้ปกครอง เข้าร่วม",
    "นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน ลงนามบันทึกข้อตกลง เทศบาลตำบลนาดี ผู้อำนวยการกองการศึกษา เข้าร่วม",
])
def test_unknown_words_before_a_position_are_no_person(lead):
    assert lead_people(lead) == ["สมชาย ใจดี"]


def test_groups_past_a_family_name_ending_in_na_and_a_long_comma_list():
    got = parse("ข่าว\n\nวันที่ 2 ก.พ. 2568 นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน โดยมี "
                "นายปรีชา สารบรรณ รองผู้อำนวยการโรงเรียนบ้านนา คณะครู และผู้ปกครอง เข้าร่วม ณ โรงเรียนบ้านนา\n")
    assert got["attending_groups"] == ["คณะครู", "ผู้ปกครอง"]
    got = parse("ข่าว\n\nวันที่ 2 ก.พ. 2568 นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านนา เป็นประธาน โดยมีผู้เข้าร่วมประชุม"
                "ประกอบด้วย ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา ประจำกลุ่มเขตตรวจราชการที่ 1 – 18 ,"
                "กลุ่มเขตตรวจราชการส่วนกลาง,กลุ่มเขตตรวจราชการพิเศษ และศึกษานิเทศก์ ณ โรงเรียนบ้านนา\n")
    assert got["attending_groups"] == [
        "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา ประจำกลุ่มเขตตรวจราชการที่ 1 – 18 ,กลุ่มเขตตรวจราชการส่วนกลาง,"
        "กลุ่มเขตตรวจราชการพิเศษ", "ศึกษานิเทศก์"]
