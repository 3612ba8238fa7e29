"""Look-alikes of round 56's date miss, as sentences (whole releases are in importer_shapes_56.py,
checked with the other shapes): a day or range whose year is written C.E. after "ค.ศ." ("14 – 15
พฤศจิกายน ค.ศ. 2025"), spelled out ("คริสต์ศักราช"), with or without spaces, in a lead, a label or a
title; its B.E. neighbours ("พ.ศ. 2568") and guards where "ค.ศ." is no date's year (a commission's
"อ.ก.ค.ศ.", a target year, a founding year). Written before the rule: the C.E. cases failed on b9eb9d8,
the B.E. neighbours and the guards pass on both."""

import pytest

from news.importer import parse

TITLE = "โรงเรียนโสตศึกษาจังหวัดนครราชสีมา จัดค่ายภาษามือสำหรับครอบครัว"
REST = (" โรงเรียนโสตศึกษาจังหวัดนครราชสีมา จัดค่ายภาษามือสำหรับครอบครัว ณ หอประชุมโรงเรียนโสตศึกษาจังหวัดนครราชสีมา "
        "อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา โดยมี นายสมพงษ์ ดีงาม ผู้อำนวยการโรงเรียนโสตศึกษาจังหวัดนครราชสีมา เป็นประธานเปิดค่าย")
LEAD_BE = "วันที่ 14 พฤศจิกายน 2568" + REST


def dates(text):
    got = parse(text)
    return got["published_date"], got["event_start"], got["event_end"]


@pytest.mark.parametrize("opening, expected", [
    ("วันที่ 14 – 15 พฤศจิกายน ค.ศ. 2025", ("2025-11-14", "2025-11-14", "2025-11-15")),
    ("ระหว่างวันที่ 14-15 พ.ย. ค.ศ. 2025", ("2025-11-14", "2025-11-14", "2025-11-15")),
    ("วันที่ 3 ธันวาคม ค.ศ. 2025", ("2025-12-03", "2025-12-03", "2025-12-03")),
    ("เมื่อวันพุธที่ 3 ธ.ค. ค.ศ.2025", ("2025-12-03", "2025-12-03", "2025-12-03")),
    ("วันที่ 9 ก.พ. ค. ศ. 2026", ("2026-02-09", "2026-02-09", "2026-02-09")),
    ("วันที่ 14 พฤศจิกายน คริสต์ศักราช 2025", ("2025-11-14", "2025-11-14", "2025-11-14")),
    ("วันที่ 14 พฤศจิกายน ค.ศ 2025", ("2025-11-14", "2025-11-14", "2025-11-14")),
    ("ระหว่างวันที่ 28 พฤศจิกายน – 2 ธันวาคม ค.ศ. 2025", ("2025-11-28", "2025-11-28", "2025-12-02")),
    ("ระหว่างวันที่ 30 ธ.ค. ค.ศ. 2025 – 2 ม.ค. ค.ศ. 2026", ("2025-12-30", "2025-12-30", "2026-01-02")),
    ("ระหว่างวันที่ 30 ธันวาคม – 2 มกราคม ค.ศ. 2026", ("2025-12-30", "2025-12-30", "2026-01-02")),
    ("วันที่ 14 พ.ย. ค.ศ. 25", ("2025-11-14", "2025-11-14", "2025-11-14")),
    ("วันที่ ๑๔ – ๑๕ พฤศจิกายน ค.ศ. ๒๐๒๕", ("2025-11-14", "2025-11-14", "2025-11-15")),
    ("วันที่ 14 พฤศจิกายน ค.ศ. 2025 (พ.ศ. 2568)", ("2025-11-14", "2025-11-14", "2025-11-14")),
    # Neighbours: the same days with a B.E. year after "พ.ศ.", or both eras.
    ("วันที่ 14 – 15 พฤศจิกายน พ.ศ. 2568", ("2025-11-14", "2025-11-14", "2025-11-15")),
    ("ระหว่างวันที่ 28 พฤศจิกายน – 2 ธันวาคม พ.ศ. 2568", ("2025-11-28", "2025-11-28", "2025-12-02")),
    ("วันที่ 14 พฤศจิกายน 2568 (ค.ศ. 2025)", ("2025-11-14", "2025-11-14", "2025-11-14")),
])
def test_a_lead_dated_with_an_era_word(opening, expected):
    assert dates(f"{TITLE}\n\n{opening}{REST}\n") == expected


@pytest.mark.parametrize("label, published", [
    ("วันที่เผยแพร่ : 16 พฤศจิกายน ค.ศ. 2025", "2025-11-16"),
    ("โพสต์เมื่อ 16 พ.ย. ค.ศ. 2025 เวลา 10:15 น.", "2025-11-16"),
    ("ผู้เขียน : งานประชาสัมพันธ์ | 16 พฤศจิกายน ค.ศ. 2025 | อ่าน 88 ครั้ง", "2025-11-16"),
    ("วันที่เผยแพร่ : 16 พฤศจิกายน พ.ศ. 2568", "2025-11-16"),
])
def test_a_label_dated_with_an_era_word_is_the_pages(label, published):
    assert dates(f"{TITLE}\n{label}\n{LEAD_BE}\n") == (published, "2025-11-14", "2025-11-14")


@pytest.mark.parametrize("day", ["14 พ.ย. ค.ศ. 2025", "14 พ.ย. พ.ศ. 2568"])
def test_a_labelled_title_opening_with_a_dated_day_keeps_the_rest(day):
    got = parse(f"เรื่อง : {day} {TITLE}\n\n{LEAD_BE}\n")
    assert got["title"] == TITLE and got["event_start"] == "2025-11-14"


@pytest.mark.parametrize("aside", [
    "ตามมติ อ.ก.ค.ศ. เขตพื้นที่การศึกษา ครั้งที่ 11/2568",
    "ตามหลักเกณฑ์ ก.ค.ศ. ว 9/2564",
    "เพื่อให้บรรลุเป้าหมายการพัฒนาที่ยั่งยืน ค.ศ. 2030",
    "ซึ่งก่อตั้งเมื่อวันที่ 1 มิถุนายน ค.ศ. 1925",
    "ตามแผน 20 ปี ค.ศ. 2018 – 2037",
])
def test_guard_era_words_that_are_no_leads_date(aside):
    assert dates(f"{TITLE}\n\n{LEAD_BE} {aside}\n") == ("2025-11-14", "2025-11-14", "2025-11-14")


def test_guard_a_ce_year_alone_is_no_day():
    assert dates(f"{TITLE}\n\nในปี ค.ศ. 2025{REST}\n") == (None, None, None)
