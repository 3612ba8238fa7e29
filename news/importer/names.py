"""Thai given names and family names, for people written without an honorific.

The lists are PyThaiNLP's corpus files (person_names_*_th.txt, family_names_th.txt,
and its dictionary words_th.txt), read straight from the installed package: importing
pythainlp itself costs about 0.3 s and nothing else of it is needed.
"""

import importlib.util
from functools import lru_cache
from pathlib import Path

# Given names that are also words releases use around people ("ประชุม", "พร้อม").
NOT_GIVEN_NAMES = {"ประชุม", "พร้อม", "ศึกษา", "พัฒนา", "ร่วม", "สมาน", "ชัย", "บุญ", "มงคล", "ประสาน", "ชาญ"}


def _corpus(name):
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pythainlp is not installed (requirements.txt)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "corpus"
    return frozenset((folder / name).read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def _lists():
    given = _corpus("person_names_male_th.txt") | _corpus("person_names_female_th.txt")
    return given - NOT_GIVEN_NAMES, _corpus("family_names_th.txt"), _corpus("words_th.txt")


def looks_like_name(given, family):
    """A known given name and a family name: a known one, or a word the dictionary
    does not have ("ประชุม ประจำเดือน" is two words, "อัมพร พินะสา" a person)."""
    givens, families, words = _lists()
    return given in givens and (family in families or family not in words)
