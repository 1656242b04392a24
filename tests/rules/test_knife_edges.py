"""Knife edges the mutation run found unpinned: a discipline decided on the appraisal day, the first year a
discipline makes the year "không hoàn thành" (ND 48/2023, from 2023), the last of the 3 recent years (ND 300/2026
cl.5), a level compared with itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from cbcc_standards import Engine, Official, Outcome
from cbcc_standards.ladders import LADDERS


def _outcome(engine: Engine, official: Official, rule: str, *, on: date, appraise: str | None = None) -> Outcome:
    if appraise is not None:
        found = engine.appraise(official, title=appraise, on=on).findings
    else:
        found = engine.evaluate(official, as_of=on).findings
    (finding,) = [f for f in found if f.rule == rule]
    return finding.outcome


@pytest.mark.parametrize(
    ("decided", "outcome"),
    [
        # Reprimanded on the day of the appraisal: the 24 months of QĐ 377-QĐ/TW have not run (legal-sources §3.4).
        (date(2026, 3, 2), Outcome.NOT_MET),
        # Reprimanded the day after: not on the record that day.
        (date(2026, 3, 3), Outcome.MET),
        # 24 months before, to the day: the waiting period is over.
        (date(2024, 3, 2), Outcome.MET),
    ],
)
def test_a_discipline_decided_on_the_appraisal_day_counts(
    engine: Engine, make_official: Callable[..., Official], decided: date, outcome: Outcome
) -> None:
    person = make_official(
        disciplines=[{"form": "khien_trach", "decided_on": decided.isoformat()}],
        evaluations=[{"year": y, "level": "hoan_thanh_tot"} for y in (2023, 2024, 2025)],
    )
    on = date(2026, 3, 2)
    assert _outcome(engine, person, "APPT-2025-DISC", on=on, appraise="commune.truong_phong") is outcome


@pytest.mark.parametrize(
    ("decided", "outcome"),
    [
        # ND 48/2023 (from 15/09/2023) counts a year with a discipline as "không hoàn thành" from 2023 (the rule's
        # discipline_counts_from): 2022 failed, 2023 disciplined → two consecutive years.
        (date(2023, 3, 1), Outcome.NOT_MET),
        # A discipline in 2022 was not counted that way: 2022 failed anyway, 2023 rated hoàn thành → no run of two.
        (date(2022, 3, 1), Outcome.MET),
    ],
)
def test_the_first_year_a_discipline_makes_the_rating(
    engine: Engine, make_official: Callable[..., Official], decided: date, outcome: Outcome
) -> None:
    person = make_official(
        evaluations=[{"year": 2022, "level": "khong_hoan_thanh"}, {"year": 2023, "level": "hoan_thanh"}],
        disciplines=[{"form": "khien_trach", "decided_on": decided.isoformat()}],
    )
    assert _outcome(engine, person, "EVAL-2020-2Y", on=date(2024, 6, 1)) is outcome


@pytest.mark.parametrize(
    ("decided", "outcome"),
    [
        # ND 300/2026 cl.5: hoàn thành tốt or better in each of the 3 most recent years (2023–2025 on 01/09/2026);
        # a discipline in 2025, the last of them, makes 2025 "không hoàn thành" (ND 48/2023).
        (date(2025, 3, 1), Outcome.NOT_MET),
        (date(2023, 3, 1), Outcome.NOT_MET),
        # A discipline in 2022 is outside the three years.
        (date(2022, 3, 1), Outcome.MET),
    ],
)
def test_the_three_recent_ratings_count_a_discipline_in_each_year(
    engine: Engine, make_official: Callable[..., Official], decided: date, outcome: Outcome
) -> None:
    person = make_official(
        evaluations=[{"year": y, "level": "hoan_thanh_tot"} for y in (2022, 2023, 2024, 2025)],
        disciplines=[{"form": "khien_trach", "decided_on": decided.isoformat()}],
    )
    on = date(2026, 9, 1)
    assert _outcome(engine, person, "APPT-2026-RATINGS", on=on, appraise="commune.truong_phong") is outcome


@pytest.mark.parametrize("kind", sorted(LADDERS))
def test_a_level_meets_itself(kind: str) -> None:
    ladder = LADDERS[kind]
    for code in ladder.codes:
        assert ladder.at_least(code, code)


@pytest.mark.parametrize(
    ("planned", "outcome", "missing"),
    [
        (None, Outcome.UNDETERMINED, ("planned_titles",)),  # not on the record: unknown, never "not planned"
        ([], Outcome.NOT_MET, ()),
        (["commune.truong_phong"], Outcome.MET, ()),
    ],
    ids=["unknown", "none", "planned"],
)
def test_planning_unknown_is_not_a_no(
    engine: Engine, make_official: Callable[..., Official], planned: list[str] | None, outcome: Outcome, missing: tuple
) -> None:
    person = make_official(
        planned_titles=planned,
        disciplines=[],
        evaluations=[{"year": y, "level": "hoan_thanh_tot"} for y in (2023, 2024, 2025)],
    )
    found = engine.appraise(person, title="commune.truong_phong", on=date(2026, 9, 1)).findings
    (finding,) = [f for f in found if f.rule == "APPT-2026-PLAN"]
    assert (finding.outcome, finding.missing) == (outcome, missing)


@pytest.mark.parametrize(
    ("on", "read_as"),
    [
        # ND 33/2023 Art 5 lists the commune civil-servant titles to 30/06/2025: on that day the title is itself.
        (date(2025, 6, 30), "commune.dia_chinh"),
        # From 01/07/2025 it is read as a not-yet-placed commune civil servant (legal-sources §9.1, ND 361/2025).
        (date(2025, 7, 1), "commune.cong_chuc"),
    ],
)
def test_an_old_title_is_read_as_its_successor_from_the_day_after_it_ends(
    engine: Engine, make_official: Callable[..., Official], on: date, read_as: str
) -> None:
    person = make_official(title="commune.dia_chinh", category="cong_chuc")
    (title,) = [f for f in engine.evaluate(person, as_of=on).findings if f.rule == "CBCC-TITLE"]
    assert title.actual == read_as


@pytest.mark.parametrize(
    ("on", "outcome"),
    [
        # The ratings of 2021–2023 on 01/06/2024: a discipline decided in 2023 (ND 48/2023's first year) would make
        # 2023 "không hoàn thành", so with the disciplines unknown the condition is open.
        (date(2024, 6, 1), Outcome.UNDETERMINED),
        # The ratings of 2020–2022 on 01/06/2023: no year from 2023 is among them; the record decides.
        (date(2023, 6, 1), Outcome.MET),
    ],
)
def test_recent_ratings_with_unknown_disciplines_from_the_first_counted_year(
    engine: Engine, make_official: Callable[..., Official], on: date, outcome: Outcome
) -> None:
    from cbcc_standards.rules.interpreter import check
    from cbcc_standards.rules.model import Context
    from cbcc_standards.rules.requirements import RecentRatings

    person = make_official(evaluations=[{"year": y, "level": "hoan_thanh_tot"} for y in range(2019, 2024)])
    person = person.model_copy(update={"disciplines": None})
    requirement = RecentRatings(years=3, at_least="hoan_thanh_tot", discipline_counts_from=2023)
    assert check(requirement, person, Context(as_of=on, unit=None, title=None)).outcome is outcome
