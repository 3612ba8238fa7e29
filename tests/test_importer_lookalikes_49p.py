"""Look-alikes of the people misses of rounds 49-56, as sentences (releases are in
importer_shapes_49p.py, checked with the other shapes): one who only sent a video message is no
attendee (one who joined by video conference is); a royal-patronage school's name, a faculty named by
its fields, a hotel's name with spaces and a faculty of a university named after it are part of the
position; a taught subject after a speaker's position is not. Written before the rules: on b9eb9d8
fifteen cases failed; the video-conference guard passed there and passes now."""

import pytest

from news.importer import parse

HEADLINE = "สพม.ลำปาง จัดสัมมนาวิชาการ ประจำปี 2568"
LEAD = ("วันที่ 12 สิงหาคม 2568 สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน จัดสัมมนาวิชาการ ณ ห้องประชุมเขลางค์ "
        "โรงแรมลำปางริเวอร์ อำเภอเมืองลำปาง จังหวัดลำปาง โดยมี นายวีระ ศักดิ์ดี ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน "
        "เป็นประธานเปิดการสัมมนา")


def people(text):
    return [(p["name"], p["position"], p["role"]) for p in parse(text)["attendees"]]


@pytest.mark.parametrize("video", ["ได้ส่งวีดิทัศน์กล่าวให้กำลังใจแก่ผู้เข้าร่วมสัมมนา",
                                   "กล่าวแสดงความยินดีแก่ผู้เข้าร่วมผ่านวิดีทัศน์",
                                   "ซึ่งติดภารกิจ ได้ส่งวิดีโอแสดงความยินดี"])
def test_one_who_only_sent_a_video_message_is_no_attendee(video):
    text = f"{HEADLINE}\n\n{LEAD}\n\nในการนี้ ดร.สมใจ รักเรียน เลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน {video}\n"
    assert [p[0] for p in people(text)] == ["วีระ ศักดิ์ดี"]


def test_one_who_joined_by_video_conference_stays():
    text = (f"{HEADLINE}\n\n{LEAD} พร้อมด้วย ดร.สมใจ รักเรียน รองเลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน "
            "ร่วมประชุมผ่านระบบวีดิทัศน์ทางไกล\n")
    assert [p[0] for p in people(text)] == ["วีระ ศักดิ์ดี", "สมใจ รักเรียน"]


@pytest.mark.parametrize("position", [
    "ผู้อำนวยการโรงเรียนราชินีบูรณะ ในพระบรมราชินูปถัมภ์",
    "ครูชำนาญการพิเศษ โรงเรียนวัดนวลนรดิศ ในพระบรมราชูปถัมภ์",
    "ผู้อำนวยการโรงเรียนศรีสะเกษวิทยาลัย ในพระราชูปถัมภ์",
    "อาจารย์ประจำคณะวิทยาศาสตร์ เทคโนโลยีและการเกษตร มหาวิทยาลัยราชภัฏยะลา",
    "อาจารย์ประจำคณะมนุษยศาสตร์ ศิลปศาสตร์และสังคมศาสตร์ มหาวิทยาลัยราชภัฏลำปาง",
    "รองคณบดีฝ่ายวิชาการ คณะผลิตกรรมการเกษตร มหาวิทยาลัยแม่โจ้",
    "ผู้จัดการทั่วไป โรงแรมลำปาง ริเวอร์ รีสอร์ท",
    "ผู้จัดการฝ่ายบุคคล โรงแรมภูเก็ต บีช โฮเทล",
])
def test_a_long_body_name_with_spaces_is_the_whole_position(position):
    text = f"{HEADLINE}\n\n{LEAD}\n\nวิทยากร ได้แก่ นางวันดี มีสุข {position} เป็นวิทยากรบรรยาย\n"
    assert people(text)[1] == ("วันดี มีสุข", position, "speaker")


@pytest.mark.parametrize("subject", ["สอนการทำขนมไทย ข้าวต้มมัด และขนมชั้น",
                                     "สาธิตการทำน้ำยาล้างจาน สบู่เหลว และแชมพู"])
def test_a_taught_subject_is_not_part_of_the_position(subject):
    text = (f"{HEADLINE}\n\n{LEAD}\n\nวิทยากรโดย นางวันดี มีสุข ประธานกลุ่มแม่บ้านเกษตรกรบ้านทุ่งฝาย {subject} "
            "แก่ผู้เข้ารับการอบรม\n")
    assert people(text)[1][1] == "ประธานกลุ่มแม่บ้านเกษตรกรบ้านทุ่งฝาย"


@pytest.mark.parametrize("university", ["มหาวิทยาลัยเกษตรศาสตร์", "มหาวิทยาลัยศิลปากร"])
def test_a_university_then_the_next_event_ends_the_position(university):
    text = (f"{HEADLINE}\n\n{LEAD}\n\nภายในงานมีการบรรยายพิเศษ โดย ดร.สมใจ รักเรียน ผู้อำนวยการศูนย์วิจัยเพื่อการศึกษา {university} "
            "และการเสวนา \"ครูยุคใหม่\" โดย นายสมชาย ใจดี ครูเชี่ยวชาญ โรงเรียนบุญวาทย์วิทยาลัย\n")
    assert people(text)[1][1] == f"ผู้อำนวยการศูนย์วิจัยเพื่อการศึกษา {university}"
