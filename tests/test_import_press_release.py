"""python manage.py import_press_release: a dry run prints the schema and creates
nothing; a real run creates a draft with its event, matched people and attendances."""

import io
import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from news.models import Article, Attendance, Event, Person, Tag

from .test_importer import SCHEMA_FIELDS, seed_pairs

pytestmark = pytest.mark.django_db
MODELS = [Article, Event, Person, Attendance, Tag]

RELEASE = """สพป.นครพนม เขต 1 ประชุมผู้บริหารสถานศึกษา

วันที่ 3 – 4 กรกฎาคม 2567 เวลา 09.00 น. นายอภิชัย ทํามาน ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษานครพนม เขต 1 เป็นประธานการประชุมผู้บริหารสถานศึกษา โดยมี นางสาวทดลอง นำเข้าใหม่ ศึกษานิเทศก์ชำนาญการพิเศษ เข้าร่วม ณ หอประชุมโรงเรียนอนุบาลนครพนม จังหวัดนครพนม ผ่านระบบ Zoom Meeting จำนวน 150 คน

ข่าว: ทดสอบ เขียนข่าว ภาพ: ทดสอบ ถ่ายภาพ #ประชุมผู้บริหาร
"""


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def run(*args):
    out = io.StringIO()
    call_command("import_press_release", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_dry_run_prints_one_json_line_per_file_and_creates_nothing():
    paths = [str(path) for path, _ in seed_pairs()]
    before = counts()
    lines = run(*paths, "--dry-run", "--format", "json").splitlines()
    assert counts() == before
    assert len(lines) == len(paths)
    for line, (path, expected) in zip(lines, seed_pairs()):
        row = json.loads(line)
        assert row["file"] == str(path)
        assert list(row) == [
            "file", "title", "published_date", "event_start", "event_end", "time", "venue", "province",
            "online_platform", "chair", "attendees", "participant_count", "fiscal_year_be", "tags", "credits",
            "read_count", "office", "body",
        ]
        assert {field: row[field] for field in SCHEMA_FIELDS} == {field: expected[field] for field in SCHEMA_FIELDS}


def test_the_command_runs_from_a_shell(tmp_path):
    """A real subprocess: the command is registered and prints JSON on stdout."""
    release = tmp_path / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_press_release", str(release), "--dry-run", "--format", "json"],
        cwd=settings.BASE_DIR, capture_output=True, text=True, check=True,
    )
    row = json.loads(result.stdout)
    assert row["chair"]["name"] == "อภิชัย ทํามาน" and row["event_start"] == "2024-07-03"


def test_import_creates_a_draft_event_and_attendances_matching_known_people(tmp_path):
    release = tmp_path / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    known = Person.objects.get(name_key="อภิชัย ทำมาน")  # from the demo data, spelled with ำ
    before = counts()
    run(str(release))
    article = Article.objects.latest("pk")
    assert article.status == Article.Status.DRAFT
    assert article.office.short_name == "สพป.นครพนม เขต 1"
    assert (article.writer, article.photographer) == ("ทดสอบ เขียนข่าว", "ทดสอบ ถ่ายภาพ")
    assert [tag.name for tag in article.tags.all()] == ["ประชุมผู้บริหาร"]
    event = article.event
    assert (str(event.start_date), str(event.end_date), str(event.start_time)) == ("2024-07-03", "2024-07-04", "09:00:00")
    assert (event.venue, event.province.name_th, event.online_platform) == (
        "หอประชุมโรงเรียนอนุบาลนครพนม", "นครพนม", "Zoom Meeting")
    assert event.mode == Event.Mode.HYBRID and event.participant_count == 150
    attendances = list(event.attendances.select_related("person").order_by("order"))
    assert [(a.person, a.role, a.position) for a in attendances] == [
        (known, "chair", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษานครพนม เขต 1"),
        (Person.objects.get(name="ทดลอง นำเข้าใหม่"), "participant", "ศึกษานิเทศก์ชำนาญการพิเศษ"),
    ]
    assert Person.objects.get(name="ทดลอง นำเข้าใหม่").honorific == "นางสาว"
    after = counts()
    assert after["Person"] == before["Person"] + 1  # only the new person was added
    assert (after["Article"], after["Event"], after["Attendance"]) == (
        before["Article"] + 1, before["Event"] + 1, before["Attendance"] + 2)


def test_a_person_found_despite_spacing_and_an_honorific_typed_into_the_name():
    from news.importer.drafts import find_person

    typed = Person.objects.create(name="นายทดสอบ  ช่องว่างเกิน")
    assert find_person("ทดสอบ ช่องว่างเกิน") == typed


def test_a_release_naming_no_known_office_is_refused_unless_one_is_given(tmp_path):
    release = tmp_path / "release.txt"
    release.write_text(RELEASE.replace("สพป.นครพนม เขต 1 ประชุม", "ประชุม"), encoding="utf-8")
    before = counts()
    with pytest.raises(CommandError, match="1 of 1"):
        run(str(release))
    assert counts() == before
    run(str(release), "--office", "obec")
    assert Article.objects.latest("pk").office.slug == "obec"


def test_a_failure_part_way_leaves_nothing_behind(tmp_path, monkeypatch):
    """One transaction per file: an error after the event was saved undoes the event too."""
    release = tmp_path / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Attendance.objects, "get_or_create", broken)
    before = counts()
    with pytest.raises(RuntimeError):
        run(str(release))
    assert counts() == before


def test_a_docx_is_read_like_a_txt_and_a_bad_file_does_not_stop_the_others(tmp_path):
    """.docx through the admin's reader; an unreadable, missing or foreign file is
    named on stderr, the others are still printed, and the exit is non-zero."""
    import docx

    document = docx.Document()
    for paragraph in RELEASE.split("\n"):
        document.add_paragraph(paragraph)
    word = tmp_path / "release.docx"
    document.save(word)
    text = tmp_path / "release.txt"
    text.write_text(RELEASE, encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    out, err = io.StringIO(), io.StringIO()
    before = counts()
    with pytest.raises(CommandError, match="3 of 5"):
        call_command("import_press_release", str(broken), str(word), str(pdf), str(tmp_path / "missing.txt"), str(text),
                     "--dry-run", "--format", "json", stdout=out, stderr=err)
    assert counts() == before
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [row["file"] for row in rows] == [str(word), str(text)]
    assert {k: v for k, v in rows[0].items() if k != "file"} == {k: v for k, v in rows[1].items() if k != "file"}
    assert rows[0]["venue"] == "หอประชุมโรงเรียนอนุบาลนครพนม" and rows[0]["chair"]["name"] == "อภิชัย ทํามาน"
    errors = err.getvalue().splitlines()
    assert errors[0].startswith(f"{broken}: ไม่สามารถอ่านไฟล์นี้เป็นเอกสาร Word (.docx)")
    assert errors[1].startswith(f"{pdf}: ") and ".txt หรือ .docx" in errors[1]
    assert errors[2].startswith(f"{tmp_path / 'missing.txt'}: ")


def test_the_json_has_exactly_the_schema_keys_with_their_shapes(tmp_path):
    """Every key of the issue's schema, in its order, nothing more (the parser's
    category and groups are for the admin), and the nested objects' keys too."""
    release = tmp_path / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    row = json.loads(run(str(release), "--dry-run", "--format", "json"))
    assert list(row) == [
        "file", "title", "published_date", "event_start", "event_end", "time", "venue", "province",
        "online_platform", "chair", "attendees", "participant_count", "fiscal_year_be", "tags", "credits",
        "read_count", "office", "body",
    ]
    assert list(row["chair"]) == ["honorific", "name", "position"]
    assert all(list(person) == ["honorific", "name", "position", "role"] for person in row["attendees"])
    assert list(row["credits"]) == ["writer", "photographer"]
    assert row["chair"] == {"honorific": "นาย", "name": "อภิชัย ทํามาน",
                            "position": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษานครพนม เขต 1"}
    assert row["attendees"][0] == {**row["chair"], "role": "chair"}
    assert (row["time"], row["fiscal_year_be"], row["read_count"]) == ("09:00", None, None)


def test_the_command_saves_the_category_and_attending_groups(tmp_path):
    from news.models import Category

    category = Category.objects.get_or_create(name="ข่าวประชาสัมพันธ์")[0]
    release = tmp_path / "release.txt"
    release.write_text("หน้าแรก / ข่าวประชาสัมพันธ์ / ประชุม\n\n" + RELEASE.replace(
        "เข้าร่วม ณ", "พร้อมด้วยผู้อำนวยการสถานศึกษา และคณะครู เข้าร่วม ณ"), encoding="utf-8")
    row = json.loads(run(str(release), "--dry-run", "--format", "json"))
    assert "category" not in row and "attending_groups" not in row  # not in the schema
    run(str(release))
    article = Article.objects.latest("pk")
    assert article.category == category
    assert article.event.group_list() == ["ผู้อำนวยการสถานศึกษา", "คณะครู"]
