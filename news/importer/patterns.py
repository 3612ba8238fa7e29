"""Small regex helpers shared by the importer's modules."""

import re

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
