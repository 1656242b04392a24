"""Cell values as real exports write them: dates (Excel dates and serial numbers, text, ``0000-00-00`` for unknown,
placeholders such as ``1970-01-01``), X marks, numbers stored as text, text with stray spaces."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from .._text import slugify
from ..dates import DateParseError, parse_legal_date
from .layout import cell_text

__all__ = ["DateNote", "clean_date", "clean_text", "is_marked", "one_line", "placeholder"]

DateNote = Literal["unknown", "placeholder"]

_UNKNOWN = re.compile(r"^(0{1,4}[-/.]0{1,2}[-/.]0{1,4}|0{1,2}[-/.]0{4}|0+|-+|\?+|n/?a|kxd|khong ro|chua ro)$")
"""Cells that say "unknown": ``0000-00-00``, ``00/00/0000``, ``00/0000``, ``0``, ``-``, ``?``, "không rõ"."""
_VIETNAMESE_DATE = re.compile(r"^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$")
_MIDNIGHT = re.compile(r"\s*(00:00(:00(\.0+)?)?|0:00:00)$")
_SERIAL = (1, 2_958_465)
"""Excel's serial day numbers (1900 system): 1 = 01/01/1900 … 31/12/9999."""
_PLACEHOLDER_DAYS = frozenset({date(1970, 1, 1), date(1900, 1, 1), date(1899, 12, 30), date(1899, 12, 31)})
"""Days software writes for "no date": the Unix epoch, Excel's day 0 and 1."""

_PLACEHOLDER_TUPLES = frozenset((d.year, d.month, d.day) for d in _PLACEHOLDER_DAYS)
_FAST = re.compile(r"^(?:(\d{4})-(\d\d)-(\d\d)|(\d\d)/(\d\d)/(\d{4}))$")

_MARKED = frozenset({"x", "v", "1", "co", "yes", "true", "dung"})
_MARK_SIGNS = frozenset("xX✓✔√+•●*vV")
_UNMARKED = frozenset({"", "0", "khong", "no", "false"})


def one_line(text: str) -> str:
    """A stripped text as one line: NFC, runs of white space (line breaks included) as one space."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split()) if "  " in text or "\n" in text or "\t" in text or "\r" in text else text


def clean_text(value: Any) -> str:
    """A cell as one line of text: NFC, runs of white space (line breaks included) as one space."""
    return one_line(cell_text(value))


def placeholder(day: date, *, full: bool = True) -> bool:
    """True for a day software writes for "no date"; 1970 counts only as a full date (a year of birth 1970 is
    real)."""
    return day in _PLACEHOLDER_DAYS and (full or day.year < 1970)


def clean_date(value: Any, epoch: datetime | None = None) -> tuple[str | None, DateNote | None]:
    """A date cell as the text the roster format reads (ISO for full dates), or None with a note: ``unknown`` for a
    cell that says so (``0000-00-00``), ``placeholder`` for a day that is not a real date (``1970-01-01``). A cell
    that reads as no date at all is passed on as written, for validation to reject with the field named."""
    if value is None:
        return None, None
    if isinstance(value, datetime | date) and not isinstance(value, time):
        day = value.date() if isinstance(value, datetime) else value
        return (None, "placeholder") if placeholder(day) else (day.isoformat(), None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value == 0:
            return None, "unknown"
        if float(value).is_integer() and 1000 <= value <= 2200:
            year = int(value)
            return (None, "placeholder") if placeholder(date(year, 1, 1), full=False) else (str(year), None)
        if _SERIAL[0] <= value <= _SERIAL[1]:
            return clean_date(_from_serial(float(value), epoch), epoch)
        return cell_text(value), None
    if isinstance(value, str) and (m := _FAST.match(value)):  # the common case: a plain ISO or dd/mm/yyyy date
        ymd = (int(m[1]), int(m[2]), int(m[3])) if m[1] else (int(m[6]), int(m[5]), int(m[4]))
        if all(ymd):
            return (None, "placeholder") if ymd in _PLACEHOLDER_TUPLES else (value, None)
    text = clean_text(value)
    if not text:
        return None, None
    folded = slugify(text).replace("_", " ") if not text[0].isdigit() else text.lower()
    if _UNKNOWN.match(folded) or _UNKNOWN.match(text):
        return None, "unknown"
    if m := _VIETNAMESE_DATE.match(folded):
        text = f"{int(m[1]):02d}/{int(m[2]):02d}/{m[3]}"
    text = _MIDNIGHT.sub("", text)
    if text.isdigit() and len(text) == 5:
        return clean_date(int(text), epoch)  # a serial day number stored as text
    try:
        day = parse_legal_date(text)
    except DateParseError:
        return text, None
    full = text.count("/") + text.count("-") + text.count(".") >= 2
    return (None, "placeholder") if placeholder(day, full=full) else (text, None)


def _from_serial(serial: float, epoch: datetime | None) -> date:
    base = epoch or datetime(1899, 12, 30)
    if base.year == 1899 and serial < 61:
        serial += 1  # Excel's 1900 leap-year bug: days before 01/03/1900 are one off
    return (base + timedelta(days=int(serial))).date()


def is_marked(value: Any) -> bool | None:
    """True for an X mark (``x``, ``✓``, ``1``, ``có``), False for an empty or ``0`` cell, None for other text (a
    date or a field of study written in a mark column)."""
    text = clean_text(value)
    if text in _MARK_SIGNS:
        return True
    folded = slugify(text)
    if folded in _MARKED:
        return True
    if folded in _UNMARKED:
        return False
    return None
