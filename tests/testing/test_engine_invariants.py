"""Property tests of the engine, with the toolkit's strategies: the status is the documented function of the
outcomes; the earliest deadline wins; the same roster in any order gives the same report."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cbcc_standards import (
    Action,
    AdministrativeUnit,
    Assessment,
    Deadline,
    Engine,
    Official,
    Outcome,
    RuleSet,
    Status,
    Text,
    hookimpl,
    load_registry,
)
from cbcc_standards.plugins import Registry
from cbcc_standards.report import ReviewSummary, RosterReport
from cbcc_standards.results import status_of
from cbcc_standards.testing import strategies as cs

ROOT = Path(__file__).resolve().parents[2]
_QN_SRC = str(ROOT / "examples" / "quang-ngai-plugin" / "src")
if _QN_SRC not in sys.path:
    sys.path.insert(0, _QN_SRC)  # the example is not installed in the development environment

import cbcc_quang_ngai  # noqa: E402

PROPERTIES = settings(max_examples=40, deadline=None)


def documented_status(outcomes: Sequence[Outcome]) -> Status:
    """docs/outcomes.md, "Status (per official)": the first match wins."""
    if Outcome.NOT_MET in outcomes:
        return Status.NON_COMPLIANT
    if Outcome.GRACE in outcomes:
        return Status.WITHIN_GRACE
    if Outcome.UNDETERMINED in outcomes or Outcome.ERROR in outcomes:
        return Status.UNDETERMINED
    return Status.COMPLIANT


DOCUMENTED_ACTION = {
    Status.NON_COMPLIANT: Action.REPLACE,
    Status.WITHIN_GRACE: Action.TRAIN,
    Status.UNDETERMINED: Action.PROVIDE_DATA,
    Status.COMPLIANT: Action.NONE,
}


@pytest.fixture(scope="module")
def national() -> Engine:
    return Engine(load_registry(load_entry_points=False, strict=True))


@PROPERTIES
@given(st.lists(st.sampled_from(list(Outcome))))
def test_status_of_is_the_documented_function(outcomes: list[Outcome]) -> None:
    assert status_of(outcomes) is documented_status(outcomes)


def assert_documented(assessment: Assessment) -> None:
    outcomes = [f.outcome for f in assessment.findings]
    assert assessment.status is documented_status(outcomes)
    open_law = not any(f.missing for f in assessment.findings if f.outcome is Outcome.UNDETERMINED)
    if assessment.status is Status.UNDETERMINED and open_law:
        assert assessment.action is Action.REVIEW
    else:
        assert assessment.action is DOCUMENTED_ACTION[assessment.status]
    graces = [f.deadline for f in assessment.findings if f.outcome is Outcome.GRACE and f.deadline]
    assert assessment.deadline == (min(graces) if assessment.status is Status.WITHIN_GRACE else None)


@PROPERTIES
@given(st.data())
def test_every_assessment_follows_the_documented_status_action_and_deadline(
    national: Engine, data: st.DataObject
) -> None:
    as_of = data.draw(cs.legal_dates(min_value=date(2012, 1, 1), max_value=date(2027, 12, 31)), label="as_of")
    official = data.draw(cs.officials(as_of=as_of), label="official")
    unit = data.draw(st.none() | cs.units(tier="commune"), label="unit")
    assert_documented(national.evaluate(official, as_of=as_of, unit=unit))
    assert_documented(national.appraise(official, title=official.title or "rank.01.003", on=as_of, unit=unit))


# -- the earliest deadline wins ----------------------------------------------------------------------------------

GRACE_RULES = ("CX-CC-2019-PROF", "CX-CC-2019-PROF-TT04", "CX-CC-2023-PROF", "CX-CC-2023-EDU")
PLAIN = AdministrativeUnit(code="EW.A.PLAIN", name="Xã Đồng Bằng", tier="commune", kind="xa")


class Directives:
    """Province ``EW``: the deadlines drawn by the test."""

    __name__ = "earliest_wins"

    def __init__(self, deadlines: Sequence[Deadline]) -> None:
        self.deadlines = deadlines

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(RuleSet(code="ew.directives", title=Text(vi="EW", en="EW"), jurisdiction="EW"))

    @hookimpl
    def cbcc_register_deadlines(self, register: Callable[[Deadline], None]) -> None:
        for deadline in self.deadlines:
            register(deadline)


@PROPERTIES
@given(
    # A province may only shorten a national grace period (the earliest here ends on 25/12/2024).
    directives=st.lists(
        cs.deadlines(jurisdiction="EW", rules=GRACE_RULES, due_between=(date(2019, 1, 1), date(2024, 12, 25))),
        max_size=3,
        unique_by=lambda d: d.code,
    ),
    as_of=cs.legal_dates(min_value=date(2019, 12, 25), max_value=date(2025, 6, 30)),
    official=cs.officials(
        title="commune.tai_chinh_ke_toan",
        as_of=date(2019, 12, 24),  # in office before both regimes' grace cut-offs
        unit=PLAIN,
        complete=True,
    ),
)
def test_the_earliest_deadline_wins(directives: list[Deadline], as_of: date, official: Official) -> None:
    # A secondary-school leaver with trung cấp: short of đại học (and of THPT for some), within the national grace.
    official = Official.model_validate(
        {**dict(official), "qualifications": [{"kind": "professional", "level": "trung_cap", "field": "kế toán"}]}
    )
    registry = load_registry(load_entry_points=False, plugins=[Directives(directives)], strict=True)
    before = {f.rule: f for f in Engine(registry, units=[PLAIN]).evaluate(official, as_of=as_of).findings}
    after = {f.rule: f for f in Engine(registry, province="EW", units=[PLAIN]).evaluate(official, as_of=as_of).findings}
    graces = [code for code in GRACE_RULES if code in before and before[code].outcome is Outcome.GRACE]
    assert graces, f"no national grace on {as_of}: {[(f.rule, f.outcome) for f in before.values()]}"
    for code in graces:
        national = before[code]
        assert national.deadline is not None
        applicable = [d for d in directives if d.valid.contains(as_of) and (d.rules is None or code in d.rules)]
        earliest = min([national.deadline, *(d.due for d in applicable)])
        provincial = after[code]
        assert provincial.deadline == earliest
        assert provincial.outcome is (Outcome.NOT_MET if as_of > earliest else Outcome.GRACE)
        if earliest < national.deadline:
            assert provincial.basis[-1] in {d.basis for d in applicable if d.due == earliest}
        else:
            assert provincial == national


# -- the same roster in any order gives the same report ----------------------------------------------------------


@pytest.fixture(scope="module")
def quang_ngai() -> Registry:
    return load_registry(load_entry_points=False, plugins=[cbcc_quang_ngai], strict=True)


def _report(engine: Engine, roster: Sequence[Official], as_of: date) -> tuple[dict[str, str], dict[str, object]]:
    report = RosterReport(as_of=as_of, review=ReviewSummary.for_engine(engine, as_of))
    by_id = {}
    for item in engine.evaluate_roster(roster, as_of=as_of):
        assessment = report.add(item)
        assert assessment is not None
        by_id[assessment.id] = assessment.to_json()
    return by_id, report.summary()


@PROPERTIES
@given(st.data())
def test_the_same_roster_in_any_order_gives_the_same_report(quang_ngai: Registry, data: st.DataObject) -> None:
    as_of = data.draw(cs.legal_dates(min_value=date(2020, 1, 1), max_value=date(2025, 6, 30)), label="as_of")
    communes = sorted(code for code, unit in quang_ngai.units.items() if unit.tier == "commune")
    roster = data.draw(
        st.lists(
            cs.officials(as_of=as_of, tier="commune", unit=st.sampled_from(communes)),
            max_size=8,
            unique_by=lambda o: o.id,
        ),
        label="roster",
    )
    shuffled = data.draw(st.permutations(roster), label="shuffled")
    engine = Engine(quang_ngai, province="QN")
    first = _report(engine, roster, as_of)
    again = _report(Engine(quang_ngai, province="QN"), shuffled, as_of)
    assert first == again
