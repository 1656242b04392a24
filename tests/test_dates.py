"""Dates as records write them, and the retirement roadmap (legal-sources.md §4: BLLĐ 2019 Art 169, ND 135/2020)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from cbcc_standards import Official, RetirementAge, parse_legal_date, retirement, retirement_date
from cbcc_standards.dates import DateParseError, Gender, age_on, end_of_month, normal_retirement_age

D = date
MALE, FEMALE = Gender.MALE, Gender.FEMALE

# -- Parsing ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1985-04-12", D(1985, 4, 12), id="ISO"),
        pytest.param("1985-4-2", D(1985, 4, 2), id="ISO-unpadded"),
        pytest.param("12/04/1985", D(1985, 4, 12), id="dd/mm/yyyy-day-first"),
        pytest.param("2/4/1985", D(1985, 4, 2), id="d/m/yyyy"),
        pytest.param("12.04.1985", D(1985, 4, 12), id="dd.mm.yyyy"),
        pytest.param("12-04-1985", D(1985, 4, 12), id="dd-mm-yyyy"),
        pytest.param("29/02/2020", D(2020, 2, 29), id="leap-day"),
        pytest.param("04/1969", D(1969, 4, 1), id="mm/yyyy-is-the-1st-ND135/2020-Art3"),
        pytest.param("4/1969", D(1969, 4, 1), id="m/yyyy"),
        pytest.param("1969", D(1969, 1, 1), id="yyyy-is-01/01-ND135/2020-Art3"),
        pytest.param("  1969 ", D(1969, 1, 1), id="surrounding-spaces"),
    ],
)
def test_parse_legal_date(text: str, expected: date) -> None:
    assert parse_legal_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("31/02/2020", id="31-February"),
        pytest.param("29/02/2021", id="29-February-non-leap"),
        pytest.param("2020-02-30", id="ISO-30-February"),
        pytest.param("2020-13-01", id="ISO-month-13"),
        pytest.param("13/1985", id="month-13"),
        pytest.param("0/1985", id="month-0"),
        pytest.param("00/01/1985", id="day-0"),
        pytest.param("12/04/85", id="two-digit-year"),
        pytest.param("1985/04/12", id="year-first-with-slashes"),
        pytest.param("1985-04", id="ISO-month-only"),
        pytest.param("19850412", id="compact"),
        pytest.param("", id="empty"),
        pytest.param("năm 1985", id="words"),
        pytest.param("12 tháng 4 1985", id="spelled-out"),
    ],
)
def test_bad_dates_raise(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_legal_date(text)
    assert isinstance(info.value, ValueError)
    assert info.value.code == "invalid_date"


def test_bad_birth_date_in_a_roster_row_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        Official.model_validate({"id": "x", "birth_date": "31/02/1990"})
    (error,) = info.value.errors()
    assert (error["loc"], error["type"]) == (("birth_date",), "invalid_date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1990", D(1990, 1, 1), id="year-only"),
        pytest.param("07/1990", D(1990, 7, 1), id="month-year"),
        pytest.param("20/07/1990", D(1990, 7, 20), id="full"),
    ],
)
def test_partial_birth_dates_in_roster_rows(text: str, expected: date) -> None:
    assert Official.model_validate({"id": "x", "birth_date": text}).birth_date == expected


# -- Ages ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        pytest.param(D(2001, 12, 25), D(2019, 12, 24), 17, id="eve-of-18th-birthday"),
        pytest.param(D(2001, 12, 25), D(2019, 12, 25), 18, id="18th-birthday"),
        pytest.param(D(2004, 2, 29), D(2022, 2, 28), 18, id="29-February-on-28-February"),
        pytest.param(D(2004, 2, 29), D(2022, 2, 27), 17, id="29-February-day-before"),
        pytest.param(D(2004, 2, 29), D(2024, 2, 29), 20, id="29-February-leap-year"),
    ],
)
def test_age_on(birth: date, day: date, age: int) -> None:
    assert age_on(birth, day) == age


_leap_days = st.sampled_from([D(y, 2, 29) for y in range(1952, 2040, 4)])
_month_ends = st.sampled_from([D(y, m, d) for y in range(1950, 2080) for m, d in ((2, 28), (3, 1), (12, 31))])
_days = st.one_of(st.dates(D(1940, 1, 1), D(2080, 12, 31)), _leap_days, _month_ends)


@given(birth=_days, day=_days)
def test_age_on_is_the_calendar_difference_in_years(birth: date, day: date) -> None:
    assert age_on(birth, day) == relativedelta(day, birth).years


# -- Retirement roadmap (legal-sources.md §4) ------------------------------------------------------------------------

ROADMAP = {
    # year: (men, women) — the table of §4
    2020: ((60, 0), (55, 0)),
    2021: ((60, 3), (55, 4)),
    2022: ((60, 6), (55, 8)),
    2023: ((60, 9), (56, 0)),
    2024: ((61, 0), (56, 4)),
    2025: ((61, 3), (56, 8)),
    2026: ((61, 6), (57, 0)),
    2027: ((61, 9), (57, 4)),
    2028: ((62, 0), (57, 8)),
    2029: ((62, 0), (58, 0)),
    2030: ((62, 0), (58, 4)),
    2031: ((62, 0), (58, 8)),
    2032: ((62, 0), (59, 0)),
    2033: ((62, 0), (59, 4)),
    2034: ((62, 0), (59, 8)),
    2035: ((62, 0), (60, 0)),
    2040: ((62, 0), (60, 0)),
}


@pytest.mark.parametrize("year", sorted(ROADMAP))
def test_normal_retirement_age_table(year: int) -> None:
    men, women = ROADMAP[year]
    assert normal_retirement_age(MALE, year) == RetirementAge(*men)
    assert normal_retirement_age(FEMALE, year) == RetirementAge(*women)


@pytest.mark.parametrize(
    ("gender", "birth", "retires", "age"),
    [
        # the published check points [H]
        pytest.param(MALE, D(1964, 9, 1), D(2025, 12, 31), (61, 3), id="check-point-man-09/1964"),
        pytest.param(FEMALE, D(1969, 4, 1), D(2025, 12, 31), (56, 8), id="check-point-woman-04/1969"),
        # the derived birth-month → retirement-month ranges of §4, at both ends of each range
        pytest.param(MALE, D(1961, 1, 1), D(2021, 4, 30), (60, 3), id="man-01/1961"),
        pytest.param(MALE, D(1961, 9, 1), D(2021, 12, 31), (60, 3), id="man-09/1961"),
        pytest.param(MALE, D(1961, 10, 1), D(2022, 4, 30), (60, 6), id="man-10/1961"),
        pytest.param(MALE, D(1962, 6, 1), D(2022, 12, 31), (60, 6), id="man-06/1962"),
        pytest.param(MALE, D(1962, 7, 1), D(2023, 4, 30), (60, 9), id="man-07/1962"),
        pytest.param(MALE, D(1963, 3, 1), D(2023, 12, 31), (60, 9), id="man-03/1963"),
        pytest.param(MALE, D(1963, 4, 1), D(2024, 4, 30), (61, 0), id="man-04/1963"),
        pytest.param(MALE, D(1963, 12, 1), D(2024, 12, 31), (61, 0), id="man-12/1963"),
        pytest.param(MALE, D(1964, 1, 1), D(2025, 4, 30), (61, 3), id="man-01/1964"),
        pytest.param(MALE, D(1964, 10, 1), D(2026, 4, 30), (61, 6), id="man-10/1964"),
        pytest.param(MALE, D(1965, 6, 1), D(2026, 12, 31), (61, 6), id="man-06/1965"),
        pytest.param(MALE, D(1965, 7, 1), D(2027, 4, 30), (61, 9), id="man-07/1965"),
        pytest.param(MALE, D(1966, 3, 1), D(2027, 12, 31), (61, 9), id="man-03/1966"),
        pytest.param(MALE, D(1966, 4, 1), D(2028, 4, 30), (62, 0), id="man-04/1966-62y"),
        pytest.param(MALE, D(1980, 5, 20), D(2042, 5, 31), (62, 0), id="man-1980-62y"),
        pytest.param(FEMALE, D(1966, 1, 1), D(2021, 5, 31), (55, 4), id="woman-01/1966"),
        pytest.param(FEMALE, D(1966, 8, 1), D(2021, 12, 31), (55, 4), id="woman-08/1966"),
        pytest.param(FEMALE, D(1966, 9, 1), D(2022, 5, 31), (55, 8), id="woman-09/1966"),
        pytest.param(FEMALE, D(1967, 4, 1), D(2022, 12, 31), (55, 8), id="woman-04/1967"),
        pytest.param(FEMALE, D(1975, 5, 1), D(2035, 5, 31), (60, 0), id="woman-05/1975"),
        pytest.param(FEMALE, D(1975, 12, 1), D(2035, 12, 31), (60, 0), id="woman-12/1975"),
        pytest.param(FEMALE, D(1976, 1, 1), D(2036, 1, 31), (60, 0), id="woman-1976-60y"),
        # before 2021: the Labour Code 2012, 60 / 55
        pytest.param(MALE, D(1959, 5, 1), D(2019, 5, 31), (60, 0), id="man-1959-BLLD2012"),
        pytest.param(MALE, D(1960, 12, 1), D(2020, 12, 31), (60, 0), id="man-12/1960-BLLD2012"),
        pytest.param(FEMALE, D(1965, 3, 1), D(2020, 3, 31), (55, 0), id="woman-03/1965-BLLD2012"),
    ],
)
def test_retirement_date(gender: Gender, birth: date, retires: date, age: tuple[int, int]) -> None:
    assert tuple(retirement(gender, birth))[::2] == (retires, RetirementAge(*age))


@pytest.mark.parametrize("day", [1, 15, 30])
def test_retirement_depends_on_the_birth_month_only(day: int) -> None:
    assert retirement_date(MALE, D(1964, 9, day)) == D(2025, 12, 31)


def test_pension_starts_the_next_month() -> None:
    retires = retirement_date(FEMALE, D(1969, 4, 1))
    assert retires + timedelta(days=1) == D(2026, 1, 1)


def test_year_only_birth_retires_from_01_01() -> None:
    """ND 135/2020 Art 3: only the year known → born 01/01: a man of 1964 retires at 61y3m, end of April 2025."""
    assert tuple(retirement(MALE, parse_legal_date("1964")))[::2] == (D(2025, 4, 30), RetirementAge(61, 3))


def _birth_months(first: date, last: date) -> list[date]:
    months, day = [], first
    while day <= last:
        months.append(day)
        day = D(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


@pytest.mark.parametrize(
    ("gender", "first", "last", "quiet_months"),
    [
        pytest.param(MALE, D(1961, 1, 1), D(1966, 3, 1), range(1, 4), id="men-2021-2027-never-Jan-Mar"),
        pytest.param(FEMALE, D(1966, 1, 1), D(1975, 4, 1), range(1, 5), id="women-2021-2034-never-Jan-Apr"),
    ],
)
def test_roadmap_consequences(gender: Gender, first: date, last: date, quiet_months: range) -> None:
    """§4 consequences over every birth month of the roadmap: nobody retires in the first months of a roadmap year;
    the retirement date is the last day of a month; the age applied is the one of the retirement year; a later
    birth never retires earlier."""
    previous = None
    for birth in _birth_months(first, last):
        retires, _, age = retirement(gender, birth)
        assert retires.month not in quiet_months, birth
        assert retires == end_of_month(retires)
        assert age == normal_retirement_age(gender, retires.year)
        assert (retires.year - birth.year) * 12 + retires.month - birth.month == age.total_months
        assert previous is None or retires >= previous
        previous = retires
