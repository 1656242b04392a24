"""All date arithmetic of the library, on python-dateutil: parsing, months, ages, the retirement roadmap.

Stated rules:

- a month added to the 29th–31st lands on the last day of the target month when that day does not exist
  (``relativedelta``): 31/01 + 1 month = 28/02 (29/02 in leap years);
- a person born on 29 February reaches an age in whole years on 28 February of non-leap years;
- a partial date follows ND 135/2020 Art 3: year only → 01/01 of that year, month and year → the 1st of the month.
"""

from __future__ import annotations

import re
from calendar import isleap
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

__all__ = [
    "DateParseError",
    "Gender",
    "Retirement",
    "RetirementAge",
    "add_months",
    "add_years",
    "age_on",
    "day_after",
    "day_before",
    "end_of_month",
    "fmt_date",
    "months_between",
    "months_to_retirement_age",
    "normal_retirement_age",
    "parse_full_date",
    "parse_legal_date",
    "retirement",
    "retirement_date",
    "working_months_left",
]


class Gender(StrEnum):
    """Gender as the Labour Code distinguishes it for the retirement age."""

    MALE = "male"
    FEMALE = "female"


class DateParseError(ValueError):
    """A date string in none of the accepted forms. ``code`` is stable for tests and tooling."""

    code = "invalid_date"


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
"""ISO dates, also as spreadsheets export them with a midnight time (``1997-08-15 00:00:00``)."""
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_Y = re.compile(r"^(\d{4})$")


def parse_legal_date(value: str) -> date:
    """Parse ``YYYY-MM-DD`` (also with a midnight time, ``YYYY-MM-DD 00:00:00``), ``dd/mm/yyyy``, ``mm/yyyy`` or
    ``yyyy``.

    Partial dates follow ND 135/2020 Art 3: ``"1969"`` → 1969-01-01, ``"04/1969"`` → 1969-04-01.
    Raises :class:`DateParseError` with the reason.
    """
    text = value.strip()
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _MY.match(text):
            return date(int(m[2]), int(m[1]), 1)
        if m := _Y.match(text):
            return date(int(m[1]), 1, 1)
    except ValueError as exc:
        raise DateParseError(f"invalid date {value!r}: {exc}") from None
    raise DateParseError(f"invalid date {value!r} (expected YYYY-MM-DD, dd/mm/yyyy, mm/yyyy or yyyy)")


@lru_cache(maxsize=4096)
def fmt_date(day: date) -> str:
    """dd/mm/yyyy, as Vietnamese documents write dates (cached: reports format the same few dates many times)."""
    return day.strftime("%d/%m/%Y")


def parse_full_date(value: str) -> date:
    """Parse a full date (``YYYY-MM-DD`` or ``dd/mm/yyyy``), as evaluation dates must be: a partial date raises
    :class:`DateParseError`."""
    if not (_ISO.match(value.strip()) or _DMY.match(value.strip())):
        raise DateParseError(f"invalid date {value!r} (expected a full date: YYYY-MM-DD or dd/mm/yyyy)")
    return parse_legal_date(value)


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(day: date, months: int) -> date:
    """``day`` plus a number of months (negative to go back), clamped to the month's last day (as ``relativedelta``
    does, computed directly: rosters add months and years to many dates)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    last = 29 if month == 2 and isleap(year) else _MONTH_DAYS[month]
    return date(year, month, day.day if day.day <= last else last)


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years; 29 February becomes 28 February in a non-leap year."""
    return add_months(day, 12 * years)


def day_before(day: date) -> date:
    """The day before ``day`` (the last day of a window that ends when another starts)."""
    return day - timedelta(days=1)


def day_after(day: date) -> date:
    """The day after ``day``."""
    return day + timedelta(days=1)


def end_of_month(day: date) -> date:
    """The last day of ``day``'s month."""
    result: date = day + relativedelta(day=31)
    return result


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months


@lru_cache(maxsize=65536)
def age_on(birth: date, day: date) -> int:
    """Age in whole years on ``day``: ``relativedelta(day, birth).years`` (a birthday on 29 February is reached on
    28 February in a common year), in integer arithmetic where ``day`` is not before ``birth``."""
    if day < birth:
        years: int = relativedelta(day, birth).years
        return years
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day) and not (
        birth.month == 2 and birth.day == 29 and day.month == 2 and day.day == 28 and not isleap(day.year)
    ):
        years -= 1
    return years


class RetirementAge(NamedTuple):
    """A normal retirement age: years and months."""

    years: int
    months: int

    @property
    def total_months(self) -> int:
        """The age in months."""
        return self.years * 12 + self.months


# BLLĐ 2019 Art 169(2), ND 135/2020 Art 4 [H]: the age for a calendar year, from 2021.
_ROADMAP_START = 2021
_BASE = {Gender.MALE: RetirementAge(60, 0), Gender.FEMALE: RetirementAge(55, 0)}
_STEP_MONTHS = {Gender.MALE: 3, Gender.FEMALE: 4}
_CEILING = {Gender.MALE: RetirementAge(62, 0), Gender.FEMALE: RetirementAge(60, 0)}


def normal_retirement_age(gender: Gender, year: int) -> RetirementAge:
    """The normal retirement age for a calendar year (BLLĐ 2019 Art 169; before 2021, BLLĐ 2012: 60 / 55)."""
    base = _BASE[gender]
    if year < _ROADMAP_START:
        return base
    months = min(base.total_months + _STEP_MONTHS[gender] * (year - _ROADMAP_START + 1), _CEILING[gender].total_months)
    return RetirementAge(*divmod(months, 12))


@lru_cache(maxsize=8192)
def _retirement(gender: Gender, birth_year: int, birth_month: int) -> tuple[date, RetirementAge]:
    # The smallest calendar year Y whose age, added to the birth month, lands in Y or earlier (legal-sources §4).
    birth = date(birth_year, birth_month, 1)
    year = birth_year + _BASE[gender].years
    while True:
        age = normal_retirement_age(gender, year)
        month = add_months(birth, age.total_months)
        if month.year <= year:
            return end_of_month(month), age
        year += 1


def retirement_date(gender: Gender | str, birth: date) -> date:
    """The normal retirement date: the last day of the month in which the age is reached (BLLĐ 2019 Art 169,
    ND 135/2020 Art 3–4); ``retirement_date("female", date(1969, 4, 1))`` is 31/12/2025.

    The pension starts the day after; :func:`retirement` gives both and the age applied. Early or late retirement
    (ND 135/2020 Art 5, ND 83/2022) is not applied.
    """
    return _retirement(Gender(gender), birth.year, birth.month)[0]


class Retirement(NamedTuple):
    """The normal retirement of a person: the date (last day of the month the age is reached), the day the pension
    starts (the next day), and the age applied."""

    retirement_date: date
    pension_from: date
    age_applied: RetirementAge


def retirement(gender: Gender | str, birth: date) -> Retirement:
    """The normal retirement under BLLĐ 2019 Art 169 and ND 135/2020 Art 3–4: date, pension start and age applied."""
    day, age = _retirement(Gender(gender), birth.year, birth.month)
    return Retirement(day, day_after(day), age)


def working_months_left(gender: Gender, birth: date, on: date) -> int:
    """Whole months of working time from ``on`` to the normal retirement moment (the end of the retirement month,
    ND 135/2020 Art 3)."""
    day = retirement_date(gender, birth)
    return months_between(on, day_after(day))


def months_to_retirement_age(gender: Gender, birth: date, on: date) -> int:
    """Whole months from ``on`` to the day the normal retirement age is reached — "the retirement age minus the age
    on that day", as Hướng dẫn 06-HD/BTCTW counts the age for an appointment. Up to a month less than
    :func:`working_months_left`, which runs on to the end of the retirement month."""
    age = _retirement(Gender(gender), birth.year, birth.month)[1]
    return months_between(on, add_months(birth, age.total_months))
