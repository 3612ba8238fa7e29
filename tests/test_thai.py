import datetime

import pytest
from django.utils import translation
from django.utils.text import slugify as django_slugify

from news import thai


def test_buddhist_era_date():
    with translation.override("th"):
        assert thai.format_date(datetime.date(2023, 5, 26)) == "26 พฤษภาคม 2566"


def test_aware_datetime_is_shown_in_bangkok_time():
    late_utc = datetime.datetime(2023, 5, 25, 20, 0, tzinfo=datetime.timezone.utc)  # 03:00 on the 26th in Bangkok
    with translation.override("th"):
        assert thai.format_date(late_utc) == "26 พฤษภาคม 2566"


@pytest.mark.parametrize(
    "start, end, expected",
    [
        ((2023, 5, 25), (2023, 5, 28), "25–28 พฤษภาคม 2566"),
        ((2021, 12, 8), (2021, 12, 8), "8 ธันวาคม 2564"),
        ((2024, 1, 30), (2024, 2, 2), "30 มกราคม – 2 กุมภาพันธ์ 2567"),
        ((2023, 12, 30), (2024, 1, 2), "30 ธันวาคม 2566 – 2 มกราคม 2567"),
    ],
)
def test_date_ranges(start, end, expected):
    with translation.override("th"):
        assert thai.format_date_range(datetime.date(*start), datetime.date(*end)) == expected


def test_english_dates_keep_the_buddhist_era():
    with translation.override("en"):
        assert thai.format_date(datetime.date(2023, 5, 26)) == "26 May 2566 B.E."


@pytest.mark.parametrize(
    "day, year_be",
    [
        ((2023, 9, 30), 2566),
        ((2023, 10, 1), 2567),
        ((2024, 9, 30), 2567),
        ((2024, 10, 1), 2568),
        ((2021, 12, 8), 2565),
    ],
)
def test_fiscal_year_boundaries(day, year_be):
    assert thai.fiscal_year(datetime.date(*day)) == year_be


def test_fiscal_year_bounds():
    assert thai.fiscal_year_bounds(2567) == (datetime.date(2023, 10, 1), datetime.date(2024, 9, 30))


def test_normaliser_treats_both_spellings_of_sara_am_as_equal():
    precomposed = "อำนวยการ"
    decomposed = "อ\u0e4d\u0e32นวยการ"
    assert precomposed != decomposed
    assert thai.normalize(precomposed) == thai.normalize(decomposed) == "อำนวยการ"


def test_normaliser_drops_zero_width_characters_and_thai_digits():
    assert thai.normalize("สพป.นครพนม\u200b เขต ๑") == "สพป.นครพนม เขต 1"
    assert thai.normalize("ปี\u00a0๒๕๖๖") == "ปี 2566"


def test_spelling_variants_cover_both_forms():
    assert set(thai.spelling_variants("อํานวยการ")) == {"อำนวยการ", "อ\u0e4d\u0e32นวยการ"}


def test_slugify_keeps_thai_vowels_and_tone_marks():
    word = "ประชุมเชิงปฏิบัติการ"
    assert django_slugify(word, allow_unicode=True) == "ประชมเชงปฏบตการ"  # the trap
    assert thai.slugify(word) == word
    assert thai.slugify("สพฐ. ประชุม “การขับเคลื่อน” 2/2565") == "สพฐ-ประชุม-การขับเคลื่อน-2-2565"


def test_slugify_cuts_long_titles_at_a_word_boundary():
    slug = thai.slugify("ประชุม " * 40, max_length=30)
    assert len(slug) <= 30
    assert not slug.endswith("-")
    assert all(part == "ประชุม" for part in slug.split("-"))


def test_slugify_never_splits_a_letter_from_its_marks():
    slug = thai.slugify("ที่ปรึกษา" * 20, max_length=10)
    assert slug and not thai.normalize(slug[-1:]) in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
    assert "ที่ปรึกษา".startswith(slug[:9])


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("2023-05-26", datetime.date(2023, 5, 26)),
        ("26/5/2566", datetime.date(2023, 5, 26)),
        ("26-05-2023", datetime.date(2023, 5, 26)),
        ("29/02/2567", datetime.date(2024, 2, 29)),  # leap day of a B.E. year: real
    ],
)
def test_parse_date_accepts_what_people_type(typed, expected):
    assert thai.parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["29/02/2568", "0001-01-01", "01/01/0001", "2566-13-45", "26 พ.ค. 66", "", "1e9"])
def test_parse_date_refuses_days_that_do_not_exist(typed):
    with pytest.raises(ValueError):
        thai.parse_date(typed)


def test_buddhist_era_datetimes_become_ce():
    assert thai.from_buddhist_era(datetime.date(2566, 5, 26)) == datetime.date(2023, 5, 26)
    assert thai.from_buddhist_era(datetime.date(2023, 5, 26)) == datetime.date(2023, 5, 26)
    assert thai.from_buddhist_era(None) is None


def test_compose_sara_am_for_display():
    assert thai.compose_sara_am("ผู้อ\u0e4d\u0e32นวยการ") == "ผู้อำนวยการ"


def test_slugify_does_not_end_on_a_leading_vowel():
    assert thai.slugify("ก" * 79 + "เก", max_length=80) == "ก" * 79


def test_slugify_falls_back_when_nothing_is_left():
    assert thai.slugify("🎉 !!!") == ""
    assert thai.slugify("🎉 !!!", fallback="news") == "news"
