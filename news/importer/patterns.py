"""Small regex helpers and reference data shared by the importer's modules."""

import json
import re
from functools import lru_cache
from pathlib import Path

PROVINCES_FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "provinces.json"


@lru_cache(maxsize=1)
def provinces():
    """The 77 province names, from the same fixture the database is loaded from."""
    rows = json.loads(PROVINCES_FIXTURE.read_text(encoding="utf-8"))
    return tuple(row["fields"]["name_th"] for row in rows)

# ำ is typed either as one character or as ํ + า (PDFs, old keyboards); a pattern
# written with ำ must match both spellings, and values keep the text's own form.
_AM = "(?:\u0e33|\u0e4d\u0e32)"


def thai_re(pattern, flags=0):
    """Compile a pattern written with ำ so that it also matches ํา."""
    return re.compile(pattern.replace("\u0e33", _AM), flags)


def alternatives(words):
    """A regex alternation of literal words, longest first (so นางสาว beats นาง)."""
    return "|".join(re.escape(w).replace("\u0e33", _AM) for w in sorted(set(words), key=len, reverse=True))


def parse_int(text):
    return int(text.replace(",", ""))
