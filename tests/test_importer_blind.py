"""Blind rounds 4–22 (the first three are in test_importer_unseen.py; rounds 23 and later, as data, in importer_blind_later.py): 136 releases
written by reading, each round after the previous one was fixed, and measured once
before any change for it (docs/importer.md gives the first-run figures per round). The
shapes are ones the earlier releases do not have: OVEC (สอศ., colleges), OHEC, regional
(ศธภ.), สกร., สช., schools' own pages (emoji lines, "วันที่:"/"สถานที่:" and labelled
lines, bullets), a chair given by position only (then the person named elsewhere with
that position, or no chair: no person is invented), "ให้เกียรติเป็นประธาน", "ประธานกล่าวเปิด",
"กล่าวเปิด", "ทำหน้าที่ประธาน", "เป็นผู้แทนในการเปิด", "ประธาน… คือ", co-chairs, venues with
"ชั้น n อาคาร…", "จากห้องประชุม…", a school name in quotes or parentheses, ranges written
"และ"/"ถึง วันที่"/with weekdays, "เดือน…", "วันนี้ (24 ก.ค. 67)", positions in
parentheses, ranks of every service, foreign names, monks, a day without its year; from round 20
OBEC bureaus, OPS, ศธจ., สพป./สพม., schools, colleges and universities again with `คุณ`, monks
of high rank with their ฉายา, "และ" typed without a space, names PyThaiNLP lacks, labelled
lines, `ตำแหน่ง`, `, และ` and `ในฐานะ…`. Only the fields of the issue's bar
are checked (dates, venue, province, people with positions and roles, the chair).

The releases of rounds 4–22 are kept as data in modules of their own, at most four rounds
each to keep them under 500 lines: importer_blind_rounds_04.py (rounds 4–7), _08 (8–11),
_12 (12–15), _16 (16–19) and _20 (20–22); this module assembles them with the later rounds."""

import pytest

from .importer_blind_later import LATER_ROUNDS
from .importer_blind_rounds_04 import FIFTH_ROUND, FOURTH_ROUND, SEVENTH_ROUND, SIXTH_ROUND
from .importer_blind_rounds_08 import EIGHTH_ROUND, ELEVENTH_ROUND, NINTH_ROUND, TENTH_ROUND
from .importer_blind_rounds_12 import FIFTEENTH_ROUND, FOURTEENTH_ROUND, THIRTEENTH_ROUND, TWELFTH_ROUND
from .importer_blind_rounds_16 import EIGHTEENTH_ROUND, NINETEENTH_ROUND, SEVENTEENTH_ROUND, SIXTEENTH_ROUND
from .importer_blind_rounds_20 import TWENTIETH_ROUND, TWENTY_FIRST_ROUND, TWENTY_SECOND_ROUND
from .test_importer_releases import assert_meets_the_bar, assert_parsed_as_expected

ROUNDS = {"fourth": FOURTH_ROUND, "fifth": FIFTH_ROUND, "sixth": SIXTH_ROUND, "seventh": SEVENTH_ROUND,
          "eighth": EIGHTH_ROUND, "ninth": NINTH_ROUND, "tenth": TENTH_ROUND, "eleventh": ELEVENTH_ROUND,
          "twelfth": TWELFTH_ROUND, "thirteenth": THIRTEENTH_ROUND, "fourteenth": FOURTEENTH_ROUND,
          "fifteenth": FIFTEENTH_ROUND, "sixteenth": SIXTEENTH_ROUND, "seventeenth": SEVENTEENTH_ROUND,
          "eighteenth": EIGHTEENTH_ROUND, "nineteenth": NINETEENTH_ROUND,
          "twentieth": TWENTIETH_ROUND,
          "twenty-first": TWENTY_FIRST_ROUND,
          "twenty-second": TWENTY_SECOND_ROUND}
ROUNDS |= LATER_ROUNDS  # rounds 23 and later
EVERY = [release for releases in ROUNDS.values() for release in releases]


@pytest.mark.parametrize("name, text, expected", EVERY, ids=[r[0] for r in EVERY])
def test_blind_release(name, text, expected):
    assert_parsed_as_expected(text, expected)


@pytest.mark.parametrize("releases", list(ROUNDS.values()), ids=list(ROUNDS))
def test_accuracy_on_the_blind_rounds_meets_the_issue_bar(releases):
    assert_meets_the_bar(releases)
