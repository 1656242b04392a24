"""When an evaluation consequence is due (legal-sources.md §5; docs/outcomes.md "Evaluation consequences").

Law 52/2019 (two consecutive years "không hoàn thành nhiệm vụ") and Law 80/2025 (one such year, from 2026) act on
annual ratings, which exist only once a year is rated. ND 48/2023 (from 15/09/2023) says how a year with a discipline
*will* be rated. Each table below puts a case on both sides of the date that matters: the discipline's day against
the evaluation date, the year boundary, ND 48/2023's first year and Law 52/2019's first year.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cbcc_standards import Engine, Finding, Official, Outcome, Status

FAIL, DONE, GOOD = "khong_hoan_thanh", "hoan_thanh", "hoan_thanh_tot"


def ratings(*pairs: tuple[int, str]) -> list[dict[str, Any]]:
    return [{"year": y, "level": level} for y, level in pairs]


def reprimand(day: str) -> list[dict[str, Any]]:
    return [{"form": "khien_trach", "decided_on": day}]


def check(
    make: Callable[..., Official], engine: Engine, on: date, evaluations: Any, disciplines: Any, code: str
) -> Finding:
    official = make(title="rank.01.003", evaluations=evaluations, disciplines=disciplines)
    found = [f for f in engine.evaluate(official, as_of=on).findings if f.rule == code]
    assert len(found) == 1, [f.rule for f in engine.evaluate(official, as_of=on).findings]
    return found[0]


def notice_key(f: Finding) -> str | None:
    notice = f.notice
    return getattr(notice, "key", None) if notice is not None else None


# (on, evaluations, disciplines, outcome, notice key)
TWO_YEARS = [
    # The audit's case: 2023 failed, reprimanded 01/02/2024, checked 01/03/2024 — 2024 is not rated yet.
    pytest.param(
        date(2024, 3, 1),
        ratings((2023, FAIL)),
        reprimand("2024-02-01"),
        Outcome.MET,
        "evaluation.foretold_run",
        id="foretold-before-the-rating",
    ),
    pytest.param(
        date(2024, 12, 31),
        ratings((2023, FAIL)),
        reprimand("2024-02-01"),
        Outcome.MET,
        "evaluation.foretold_run",
        id="foretold-last-day-of-the-year",
    ),
    # The rating of 2024 is on record (whatever it says, ND 48/2023 makes it "không hoàn thành").
    pytest.param(
        date(2024, 12, 31),
        ratings((2023, FAIL), (2024, GOOD)),
        reprimand("2024-02-01"),
        Outcome.NOT_MET,
        None,
        id="rated-this-year",
    ),
    # The next year: 2024 is past, its rating made.
    pytest.param(
        date(2025, 1, 1),
        ratings((2023, FAIL)),
        reprimand("2024-02-01"),
        Outcome.NOT_MET,
        None,
        id="concluded-the-next-year",
    ),
    # The discipline's day against the evaluation date.
    pytest.param(
        date(2024, 3, 1),
        ratings((2023, FAIL)),
        reprimand("2024-03-01"),
        Outcome.MET,
        "evaluation.foretold_run",
        id="decided-on-the-day",
    ),
    pytest.param(
        date(2024, 3, 1),
        ratings((2023, FAIL)),
        reprimand("2024-03-02"),
        Outcome.MET,
        None,
        id="decided-the-day-after",
    ),
    # A discipline this year with no failing year before it completes nothing.
    pytest.param(
        date(2024, 3, 1),
        ratings((2023, GOOD)),
        reprimand("2024-02-01"),
        Outcome.MET,
        None,
        id="disciplined-after-a-good-year",
    ),
    # ND 48/2023 counts disciplines from 2023: one decided in 2022 does not make 2022 "không hoàn thành".
    pytest.param(
        date(2023, 3, 1),
        ratings((2021, FAIL), (2022, GOOD)),
        reprimand("2022-06-01"),
        Outcome.MET,
        None,
        id="discipline-before-nd-48",
    ),
    pytest.param(
        date(2024, 3, 1),
        ratings((2022, FAIL), (2023, GOOD)),
        reprimand("2023-06-01"),
        Outcome.NOT_MET,
        None,
        id="discipline-in-nd-48-first-year",
    ),
    # Older ratings: the latest decide; an earlier run is a notice to verify.
    pytest.param(
        date(2024, 3, 1),
        ratings((2021, FAIL), (2022, FAIL), (2023, GOOD)),
        [],
        Outcome.MET,
        "evaluation.earlier_run",
        id="earlier-run-then-a-good-year",
    ),
    pytest.param(
        date(2022, 3, 1),
        ratings((2019, FAIL), (2020, FAIL), (2021, GOOD)),
        [],
        Outcome.MET,
        "evaluation.earlier_run",
        id="earlier-run-ending-in-law-52-first-year",
    ),
    pytest.param(
        date(2021, 3, 1),
        ratings((2018, FAIL), (2019, FAIL), (2020, GOOD)),
        [],
        Outcome.MET,
        None,
        id="earlier-run-before-law-52",
    ),
    pytest.param(
        date(2024, 3, 1),
        ratings((2021, FAIL), (2022, GOOD), (2023, FAIL)),
        [],
        Outcome.MET,
        None,
        id="failing-years-not-consecutive",
    ),
]


@pytest.mark.parametrize(("on", "evaluations", "disciplines", "expected", "notice"), TWO_YEARS)
def test_two_years_not_completing_duties(
    make_official: Callable[..., Official],
    engine: Engine,
    on: date,
    evaluations: Any,
    disciplines: Any,
    expected: Outcome,
    notice: str | None,
) -> None:
    f = check(make_official, engine, on, evaluations, disciplines, "EVAL-2020-2Y")
    assert (f.outcome, notice_key(f)) == (expected, notice), f.message("en")


def test_a_foretold_consequence_warns_with_its_year_and_does_not_conclude(
    make_official: Callable[..., Official], engine: Engine
) -> None:
    official = make_official(
        title="rank.01.003", evaluations=ratings((2023, FAIL)), disciplines=reprimand("2024-02-01")
    )
    a = engine.evaluate(official, as_of=date(2024, 3, 1))
    assert a.status is Status.COMPLIANT
    (f,) = a.notices
    assert f.notice is not None
    vi, en = f.notice("vi"), f.notice("en")
    assert "01/02/2024" in vi
    assert "năm 2023" in vi
    assert "khi xếp loại năm 2024" in vi
    assert "2024 is rated" in en


# Law 80/2025 from 2026: one year "không hoàn thành" (on, evaluations, disciplines, outcome, notice key)
FROM_2026 = [
    pytest.param(date(2027, 3, 1), ratings((2026, FAIL)), [], Outcome.NOT_MET, None, id="failed-2026"),
    pytest.param(
        date(2028, 3, 1),
        ratings((2026, FAIL), (2027, GOOD)),
        [],
        Outcome.MET,
        "evaluation.earlier_year",
        id="failed-2026-then-good",
    ),
    pytest.param(
        date(2027, 3, 1),
        ratings((2026, GOOD)),
        reprimand("2027-02-01"),
        Outcome.MET,
        "evaluation.foretold_year",
        id="disciplined-this-year",
    ),
    pytest.param(
        date(2027, 3, 1), ratings((2026, GOOD)), reprimand("2027-03-02"), Outcome.MET, None, id="decided-after-the-day"
    ),
    pytest.param(
        date(2027, 3, 1),
        ratings((2026, GOOD)),
        reprimand("2026-11-01"),
        Outcome.NOT_MET,
        None,
        id="disciplined-in-2026",
    ),
    pytest.param(
        date(2026, 3, 1),
        ratings((2025, DONE)),
        reprimand("2026-02-01"),
        Outcome.MET,
        "evaluation.foretold_year",
        id="first-year-foretold",
    ),
    # 2025 failed alone: nothing rated under Law 80/2025 yet, no Law 52/2019 run.
    pytest.param(date(2026, 3, 1), ratings((2025, FAIL)), [], Outcome.MET, None, id="nothing-rated-yet"),
    pytest.param(date(2026, 3, 1), [], [], Outcome.NOT_APPLICABLE, None, id="no-ratings-at-all"),
    # 2024 and 2025 failed: Law 52/2019's consequence arose when 2025 was rated; from 2026 it is a notice to verify,
    # before and after the first Law 80/2025 rating.
    pytest.param(
        date(2026, 1, 1),
        ratings((2024, FAIL), (2025, FAIL)),
        [],
        Outcome.MET,
        "evaluation.earlier_run",
        id="law-52-run",
    ),
    pytest.param(
        date(2027, 3, 1),
        ratings((2024, FAIL), (2025, FAIL), (2026, DONE)),
        [],
        Outcome.MET,
        "evaluation.earlier_run",
        id="law-52-run-then-rated",
    ),
    # A run that ended in 2019 is before Law 52/2019 (in force 01/07/2020); one that ended in 2020 is under it.
    pytest.param(date(2026, 3, 1), ratings((2018, FAIL), (2019, FAIL)), [], Outcome.MET, None, id="run-before-law-52"),
    pytest.param(
        date(2026, 3, 1),
        ratings((2019, FAIL), (2020, FAIL)),
        [],
        Outcome.MET,
        "evaluation.earlier_run",
        id="run-ending-in-law-52-first-year",
    ),
]


@pytest.mark.parametrize(("on", "evaluations", "disciplines", "expected", "notice"), FROM_2026)
def test_one_year_not_completing_duties_from_2026(
    make_official: Callable[..., Official],
    engine: Engine,
    on: date,
    evaluations: Any,
    disciplines: Any,
    expected: Outcome,
    notice: str | None,
) -> None:
    f = check(make_official, engine, on, evaluations, disciplines, "EVAL-2026")
    assert (f.outcome, notice_key(f)) == (expected, notice), f.message("en")


def test_unknown_disciplines_leave_a_rated_year_open(make_official: Callable[..., Official], engine: Engine) -> None:
    # 2023 failed and 2024 rated on record: a discipline in 2024 (unknown) would complete the run.
    f = check(make_official, engine, date(2024, 12, 31), ratings((2023, FAIL), (2024, GOOD)), None, "EVAL-2020-2Y")
    assert (f.outcome, f.missing) == (Outcome.UNDETERMINED, ("disciplines",))
    # 2024 not rated yet: nothing a 2024 discipline could conclude before the rating.
    f = check(make_official, engine, date(2024, 3, 1), ratings((2023, FAIL)), None, "EVAL-2020-2Y")
    assert f.outcome is Outcome.MET


def test_a_year_failed_by_a_discipline_says_why(make_official: Callable[..., Official], engine: Engine) -> None:
    """ND 48/2023: a year with a discipline counts as "không hoàn thành nhiệm vụ" whatever the record rates it. The
    finding says so, with the rating recorded, so that a clerk does not read a contradiction with the record."""
    found = check(
        make_official,
        engine,
        date(2025, 3, 1),
        ratings((2024, GOOD), (2025, GOOD)),
        reprimand("2024-03-01"),
        "EVAL-2020-2Y",
    )
    vi, en = found.message("vi"), found.message("en")
    assert "2024: Không hoàn thành nhiệm vụ (hồ sơ ghi Hoàn thành tốt nhiệm vụ, nhưng bị kỷ luật trong năm 2024" in vi
    assert "Nghị định 48/2023/NĐ-CP" in vi
    assert "the record says Completed duties well, but disciplined in 2024" in en
    plain = check(make_official, engine, date(2025, 3, 1), ratings((2024, FAIL), (2025, GOOD)), [], "EVAL-2020-2Y")
    assert "kỷ luật" not in plain.message("vi")  # a year the record itself rates as failed needs no explanation
