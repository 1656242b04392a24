"""The retirement roadmap (BLLĐ 2019 Art 169, ND 135/2020 Art 3–4; legal-sources.md §4), from Python and the CLI.

The table gives, for every roadmap year and both genders, the first and last birth month that retires in that year,
with the retirement date (last day of the month the age is reached) and the age applied.
"""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cbcc_standards.cli import main
from cbcc_standards.dates import Gender, add_years, normal_retirement_age, retirement, retirement_date

M, F = Gender.MALE, Gender.FEMALE

ROADMAP = [
    # (gender, born yyyy-mm, retirement date, years, months)
    (M, "1960-12", "2020-12-31", 60, 0),  # before 2021: Labour Code 2012
    (M, "1961-01", "2021-04-30", 60, 3),
    (M, "1961-09", "2021-12-31", 60, 3),
    (M, "1961-10", "2022-04-30", 60, 6),
    (M, "1962-06", "2022-12-31", 60, 6),
    (M, "1962-07", "2023-04-30", 60, 9),
    (M, "1963-03", "2023-12-31", 60, 9),
    (M, "1963-04", "2024-04-30", 61, 0),
    (M, "1963-12", "2024-12-31", 61, 0),
    (M, "1964-01", "2025-04-30", 61, 3),
    (M, "1964-09", "2025-12-31", 61, 3),  # published check point
    (M, "1964-10", "2026-04-30", 61, 6),
    (M, "1965-06", "2026-12-31", 61, 6),
    (M, "1965-07", "2027-04-30", 61, 9),
    (M, "1966-03", "2027-12-31", 61, 9),
    (M, "1966-04", "2028-04-30", 62, 0),
    (M, "1970-05", "2032-05-31", 62, 0),
    (F, "1965-12", "2020-12-31", 55, 0),
    (F, "1966-01", "2021-05-31", 55, 4),
    (F, "1966-08", "2021-12-31", 55, 4),
    (F, "1966-09", "2022-05-31", 55, 8),
    (F, "1967-04", "2022-12-31", 55, 8),
    (F, "1967-05", "2023-05-31", 56, 0),
    (F, "1967-12", "2023-12-31", 56, 0),
    (F, "1968-01", "2024-05-31", 56, 4),
    (F, "1968-08", "2024-12-31", 56, 4),
    (F, "1968-09", "2025-05-31", 56, 8),
    (F, "1969-04", "2025-12-31", 56, 8),  # published check point
    (F, "1969-05", "2026-05-31", 57, 0),
    (F, "1969-12", "2026-12-31", 57, 0),
    (F, "1970-01", "2027-05-31", 57, 4),
    (F, "1970-08", "2027-12-31", 57, 4),
    (F, "1970-09", "2028-05-31", 57, 8),
    (F, "1971-04", "2028-12-31", 57, 8),
    (F, "1971-05", "2029-05-31", 58, 0),
    (F, "1971-12", "2029-12-31", 58, 0),
    (F, "1972-01", "2030-05-31", 58, 4),
    (F, "1972-08", "2030-12-31", 58, 4),
    (F, "1972-09", "2031-05-31", 58, 8),
    (F, "1973-04", "2031-12-31", 58, 8),
    (F, "1973-05", "2032-05-31", 59, 0),
    (F, "1973-12", "2032-12-31", 59, 0),
    (F, "1974-01", "2033-05-31", 59, 4),
    (F, "1974-08", "2033-12-31", 59, 4),
    (F, "1974-09", "2034-05-31", 59, 8),
    (F, "1975-04", "2034-12-31", 59, 8),
    (F, "1975-05", "2035-05-31", 60, 0),
    (F, "1975-12", "2035-12-31", 60, 0),
    (F, "1976-01", "2036-01-31", 60, 0),
    (F, "1966-02", "2021-06-30", 55, 4),  # end of a 30-day month
]


@pytest.mark.parametrize(
    ("gender", "born", "expected", "years", "months"), ROADMAP, ids=[f"{g.value}-{b}" for g, b, *_ in ROADMAP]
)
def test_roadmap(gender: Gender, born: str, expected: str, years: int, months: int) -> None:
    day = date.fromisoformat(born + "-15")
    result = retirement(gender, day)
    assert result.retirement_date == date.fromisoformat(expected)
    assert result.pension_from == date.fromisoformat(expected) + timedelta(days=1)
    assert (result.age_applied.years, result.age_applied.months) == (years, months)


@pytest.mark.parametrize(
    ("born", "expected"),
    [("1969", "2025-09-30"), ("04/1969", "2025-12-31"), ("30/04/1969", "2025-12-31"), ("1969-04-01", "2025-12-31")],
    ids=["year-only-is-01-01", "month-year", "dd/mm/yyyy", "iso"],
)
def test_cli_partial_birth_dates(born: str, expected: str) -> None:
    out = io.StringIO()
    assert main(["retirement", "--gender", "female", "--born", born, "--format", "json"], out=out) == 0
    data = json.loads(out.getvalue())
    assert data["retirement_date"] == expected


def test_cli_contract_keys() -> None:
    out = io.StringIO()
    assert main(["retirement", "--gender", "female", "--born", "04/1969", "--format", "json"], out=out) == 0
    data = json.loads(out.getvalue())
    assert data["retirement_date"] == "2025-12-31"
    assert data["pension_from"] == "2026-01-01"
    assert data["age_applied"] == {"years": 56, "months": 8}


def test_cli_text_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["retirement", "--gender", "nam", "--born", "09/1964", "--lang", "en"], out=out) == 0
    assert "Retirement: 31/12/2025" in out.getvalue()
    assert main(["retirement", "--gender", "x", "--born", "1964"], out=io.StringIO()) == 2
    assert main(["retirement", "--gender", "male", "--born", "13/1964"], out=io.StringIO()) == 2
    assert capsys.readouterr().err.count("error:") == 2


births = st.dates(min_value=date(1940, 1, 1), max_value=date(2005, 12, 31))


@given(gender=st.sampled_from(list(Gender)), born=births)
def test_retirement_is_never_before_the_minimum_age(gender: Gender, born: date) -> None:
    day, _, age = retirement(gender, born)
    minimum = normal_retirement_age(gender, 2000)  # 60 / 55, the lowest age of any period
    assert day >= add_years(born, minimum.years)
    assert day.month != (day + timedelta(days=1)).month  # the last day of a month
    assert (day.year - born.year) * 12 + day.month - born.month == age.total_months


@given(gender=st.sampled_from(list(Gender)), a=births, b=births)
def test_retirement_is_monotone_in_the_birth_date(gender: Gender, a: date, b: date) -> None:
    early, late = sorted((a, b))
    assert retirement_date(gender, early) <= retirement_date(gender, late)


@pytest.mark.parametrize(
    ("gender", "born", "basis"),
    [
        # Retiring 31/01/2005: the Labour Code of the time is not in the sources; nothing is cited rather than a
        # code that was not in force.
        ("female", "1950", []),
        # Retiring in 2020: the 2012 Labour Code (in force 01/05/2013 – 31/12/2020).
        ("male", "05/1960", ["Bộ luật Lao động 10/2012/QH13, Điều 187"]),
        # From 01/01/2021: the 2019 code and the roadmap decree.
        ("female", "04/1969", ["Bộ luật Lao động 45/2019/QH14, Điều 169", "Nghị định 135/2020/NĐ-CP, Điều 3, 4"]),
    ],
)
def test_the_retirement_command_cites_the_code_in_force_on_the_day(
    capsys: pytest.CaptureFixture[str], gender: str, born: str, basis: list[str]
) -> None:
    from cbcc_standards.cli import main

    assert main(["retirement", "--gender", gender, "--born", born, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["basis"] == basis
