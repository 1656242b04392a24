"""Hostile values for fuzzing readers and reports (issue 12): the fields of a roster row, characters that break
files and terminals, dates that are placeholders or impossible, plausible good values and deeply nested JSON.

Plain data, no test framework: ``tests/test_fuzz.py`` draws from it with hypothesis, ``benchmarks/fuzz_rosters.py``
with :mod:`random`, and a provincial plugin's own fuzz tests can do the same.
"""

from __future__ import annotations

from typing import Any

__all__ = ["BAD_DATES", "FIELDS", "GOOD", "HOSTILE_CHARS", "nested"]

FIELDS = (
    "id",
    "full_name",
    "gender",
    "birth_date",
    "category",
    "title",
    "unit",
    "recruited_on",
    "appointed_on",
    "qualifications",
    "evaluations",
    "disciplines",
)
"""The roster fields a hostile row fills."""

HOSTILE_CHARS = (
    "\x00\x01\x07\x08\x1b\x7f\x85\x9b\u200b\u200e\u200f\u202a\u202e\u2066\u2069\ufeff\ufffe\u2028"
    ";,\t\"'=+-@<>&|\\ aăâđêôơưAZ09ạảãẻệịọủỹ"
)
"""C0/C1 controls, zero-width and bidirectional marks, U+FEFF/U+FFFE/U+2028, CSV and formula starters, and a few
ordinary Vietnamese letters."""

BAD_DATES = (
    "31/12/9999",
    "9999-12-31",
    "0000-00-00",
    "1900-01-01",
    "30/02/2020",
    "2099-01-01",
    "01/01/1899",
    "1970-01-01",
    "12/2019",
    "2019",
    "20191231",
    "yesterday",
    "",
)
"""Placeholder, impossible, partial or unparsable dates."""

GOOD = {
    "gender": ("male", "female", "Nam", "Nữ"),
    "category": ("cong_chuc", "can_bo", "Công chức"),
    "title": ("commune.dia_chinh", "commune.tai_chinh_ke_toan", "commune.chu_tich_ubnd", "Chủ tịch UBND"),
    "unit": ("QN.BINH_SON.BINH_CHAU", "QN.NOWHERE"),
}
"""Values a reader accepts (or, for the unit, one it warns about), by field."""


def nested(depth: int) -> Any:
    """A JSON value nested ``depth`` levels deep (``{"a": [{"a": [...]}]}``)."""
    value: Any = "x"
    for _ in range(depth):
        value = {"a": [value]}
    return value
