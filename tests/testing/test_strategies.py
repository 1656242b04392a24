"""The hypothesis strategies of cbcc_standards.testing: valid, realistic, constrained as asked, checked eagerly,
shrinking where their docstrings say, and behind ``st.from_type`` for every public model."""

from __future__ import annotations

import inspect
from datetime import date
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from cbcc_standards import (
    AdministrativeUnit,
    Assessment,
    Category,
    Deadline,
    Delegation,
    Discipline,
    EthnicLanguage,
    Evaluation,
    Finding,
    ForeignLanguage,
    GeneralEducation,
    ITSkill,
    LegalBasis,
    Official,
    Outcome,
    Period,
    PoliticalTheory,
    Professional,
    StateManagement,
    Status,
    Text,
    Tier,
    Title,
)
from cbcc_standards.dates import add_years, age_on
from cbcc_standards.officials import Qualification
from cbcc_standards.rules.titles import TITLES
from cbcc_standards.testing import strategies as cs

FAST = settings(max_examples=30, deadline=None)
CATALOGUE = {t.code: t for t in TITLES}


def _unknown(official: Official) -> list[str]:
    return [name for name in cs._OPTIONAL_FIELDS if getattr(official, name) is None]


def _nones(value: Any, path: str = "") -> list[str]:
    """Paths of every None in a dumped model."""
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _nones(v, f"{path}.{k}" if path else k)]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _nones(v, f"{path}[{i}]")]
    return []


def assert_realistic(o: Official, *, as_of: date | None = None) -> None:
    """What every generated official satisfies, whatever the constraints."""
    assert Official.model_validate(o.model_dump()) == o
    assert len(_unknown(o)) <= 4
    born = o.birth_date
    if born is not None:
        assert cs.DEFAULT_BORN_BETWEEN[0] <= born <= cs.DEFAULT_BORN_BETWEEN[1]
        for day in (o.recruited_on, o.appointed_on):
            assert day is None or day >= add_years(born, cs.MIN_WORKING_AGE)
        if as_of is not None:
            assert cs.MIN_WORKING_AGE <= age_on(born, as_of) <= cs.MAX_WORKING_AGE
    if o.recruited_on and o.appointed_on:
        assert o.recruited_on <= o.appointed_on
    if o.title is not None:
        title = CATALOGUE[o.title]
        assert o.category is None or o.category is title.category
        if o.appointed_on is not None:
            assert Period(start=title.valid.start, end=title.valid.end).contains(o.appointed_on)
    for q in o.qualifications or ():
        if q.obtained_on is not None and born is not None:
            level = getattr(q, "level", None)
            assert q.obtained_on >= cs.earliest_obtainable(q.kind, level, born), (q, born)
    start = o.recruited_on
    for e in o.evaluations or ():
        assert start is None or e.year >= start.year
    for d in o.disciplines or ():
        assert d.decided_on is None or start is None or d.decided_on >= start
    if as_of is not None:
        days = [o.birth_date, o.recruited_on, o.appointed_on]
        days += [q.obtained_on for q in o.qualifications or ()] + [d.decided_on for d in o.disciplines or ()]
        assert all(d is None or d <= as_of for d in days)
        assert all(e.year < as_of.year for e in o.evaluations or ())


@FAST
@given(cs.officials())
def test_officials_are_valid_and_realistic(official: Official) -> None:
    assert_realistic(official)


@FAST
@given(st.data())
def test_officials_seen_on_a_date(data: st.DataObject) -> None:
    # Commune cadre titles exist until 30/06/2025.
    as_of = data.draw(cs.legal_dates(min_value=date(2005, 1, 1), max_value=date(2025, 6, 30)), label="as_of")
    official = data.draw(cs.officials(as_of=as_of, tier="commune", category="can_bo"), label="official")
    assert_realistic(official, as_of=as_of)
    if official.title is not None:
        title = CATALOGUE[official.title]
        assert title.tier is Tier.COMMUNE
        assert title.category is Category.CAN_BO
        assert title.valid.contains(as_of)


@FAST
@given(cs.officials(complete=True))
def test_complete_officials_have_no_missing_data(official: Official) -> None:
    assert _nones(official.model_dump()) == []
    assert_realistic(official)


@FAST
@given(
    cs.officials(
        title="commune.tu_phap_ho_tich",
        born_between=(date(1970, 1, 1), date(1979, 12, 31)),
        unit=cs.units(tier="commune").map(lambda u: u.code),
    )
)
def test_officials_take_a_title_a_birth_range_and_units(official: Official) -> None:
    assert official.title in (None, "commune.tu_phap_ho_tich")
    assert official.birth_date is None or date(1970, 1, 1) <= official.birth_date <= date(1979, 12, 31)
    assert official.unit is None or official.unit.count(".") == 2


@FAST
@given(st.lists(cs.officials(unit="QN.X.Y", complete=True), max_size=5, unique_by=lambda o: o.id))
def test_rosters_of_officials(roster: list[Official]) -> None:
    assert len({o.id for o in roster}) == len(roster)
    assert all(o.unit == "QN.X.Y" for o in roster)


@FAST
@given(cs.qualifications(kind="professional", at_least="dai_hoc", complete=True))
def test_qualifications_at_least(q: Qualification) -> None:
    assert isinstance(q, Professional)
    assert q.level in ("dai_hoc", "thac_si", "tien_si")
    assert q.field is not None
    assert q.obtained_on is not None


@FAST
@given(cs.units(difficult_area=True), cs.units(tier="district"), cs.units(kind="phuong", difficult_area=False))
def test_units(difficult: AdministrativeUnit, district: AdministrativeUnit, ward: AdministrativeUnit) -> None:
    assert difficult.tier is Tier.COMMUNE
    assert difficult.difficult_area
    assert difficult.parent is not None
    assert difficult.code.startswith(difficult.parent + ".")
    assert district.tier is Tier.DISTRICT
    assert not district.area_flags
    assert district.kind is None
    assert ward.kind == "phuong"
    assert not ward.difficult_area


@FAST
@given(cs.titles(as_of=date(2024, 1, 1), leadership=True, tier="commune"))
def test_titles(title: Title) -> None:
    assert title.valid.contains(date(2024, 1, 1))
    assert title.leadership
    assert title.tier is Tier.COMMUNE


@FAST
@given(cs.findings(as_of=date(2024, 1, 1)))
def test_findings_are_well_formed(finding: Finding) -> None:
    from cbcc_standards.testing.contract import _finding_problems

    problems = _finding_problems(finding, date(2024, 1, 1))
    assert problems == (["the rule raised: " + finding.message.en] if finding.outcome is Outcome.ERROR else [])
    assert Finding.from_json(finding.to_json()) == finding


@FAST
@given(cs.assessments())
def test_assessments_are_consistent_and_round_trip(assessment: Assessment) -> None:
    from cbcc_standards.testing.contract import _assessment_problems

    assert _assessment_problems(assessment) == []
    assert Assessment.from_json(assessment.to_json()) == assessment


@FAST
@given(cs.delegations(unit_codes=["A.B.C"]), cs.deadlines(jurisdiction="tinh_mau", rules=["X-1"]))
def test_delegations_and_deadlines(delegation: Delegation, deadline: Deadline) -> None:
    assert delegation.units == frozenset({"A.B.C"})
    assert deadline.jurisdiction == "tinh_mau"
    assert deadline.rules in (None, frozenset({"X-1"}))


@pytest.mark.parametrize(
    "call",
    [
        lambda: cs.officials(tier="county"),
        lambda: cs.officials(category="soldier"),
        lambda: cs.officials(born_between=(date(2000, 1, 1), date(1990, 1, 1))),
        lambda: cs.officials(as_of=date(1960, 1, 1)),
        lambda: cs.officials(title="commune.no_such_title"),
        lambda: cs.officials(title="commune.truong_phong", as_of=date(2020, 1, 1)),
        lambda: cs.officials(title="commune.bi_thu", tier="province"),
        lambda: cs.officials(category="vien_chuc"),
        lambda: cs.officials(complete="yes"),
        lambda: cs.officials(unit=42),
        lambda: cs.officials(as_of="2024-01-01"),
        lambda: cs.qualifications(at_least="dai_hoc"),
        lambda: cs.qualifications(kind="it", at_least="dai_hoc"),
        lambda: cs.qualifications(kind="diploma"),
        lambda: cs.units(tier="province", kind="xa"),
        lambda: cs.units(tier="district", difficult_area=True),
        lambda: cs.units(code=" X "),
        lambda: cs.titles(category="vien_chuc"),
        lambda: cs.legal_dates(min_value=date(2020, 1, 1), max_value=date(2019, 1, 1)),
        lambda: cs.periods(open_ended=1),
        lambda: cs.levels("nope"),
        lambda: cs.evaluations(years=(2030, 2020)),
        lambda: cs.findings(outcome="passed"),
        lambda: cs.assessments(max_findings=-1),
        lambda: cs.delegations(unit_codes="A.B.C"),
    ],
)
def test_bad_arguments_fail_when_the_strategy_is_made(call: Any) -> None:
    with pytest.raises(InvalidArgument):
        call()


@pytest.mark.parametrize("name", [n for n in cs.__all__ if callable(getattr(cs, n))])
def test_strategies_are_keyword_only_and_say_what_they_shrink_towards(name: str) -> None:
    function = getattr(cs, name)
    assert function.__doc__, name
    if name == "earliest_obtainable":
        return
    assert "shrink" in function.__doc__, f"{name}'s docstring does not say what examples shrink towards"
    positional = [
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.kind is not inspect.Parameter.KEYWORD_ONLY and not (name == "levels" and p.name == "ladder")
    ]
    assert positional == [], f"{name} takes positional arguments {positional}"


def _simplest(strategy: st.SearchStrategy[Any]) -> Any:
    return find(strategy, lambda _: True, settings=settings(database=None, max_examples=1, phases=[Phase.generate]))


def test_officials_shrink_towards_the_documented_example() -> None:
    o = _simplest(cs.officials())
    assert _unknown(o) == []
    assert o.title == min(t.code for t in TITLES)
    assert (o.qualifications, o.evaluations, o.disciplines, o.planned_titles) == ((), (), (), ())
    assert o.birth_date is not None
    # Born as close to 01/01/2000 as allowed (seen on 01/01/2000, at 18), recruited and appointed at once.
    assert o.birth_date == date(1982, 1, 1)
    assert o.recruited_on == o.appointed_on == add_years(o.birth_date, 18)


def test_other_strategies_shrink_towards_the_documented_example() -> None:
    assert _simplest(cs.qualifications()) == GeneralEducation(level="tieu_hoc")
    unit = _simplest(cs.units())
    assert (unit.tier, unit.kind, unit.commune_class, unit.area_flags) == (Tier.COMMUNE, "xa", 1, frozenset())
    assert _simplest(cs.titles()).code == min(t.code for t in TITLES)
    assert _simplest(cs.levels("professional")) == "so_cap"
    assert _simplest(cs.legal_dates()) == date(2000, 1, 1)
    assert _simplest(cs.periods()) == Period()
    assert _simplest(cs.periods(open_ended=False)) == Period(start=cs._DATE_MIN, end=cs._DATE_MIN)
    assert _simplest(cs.findings()).outcome is Outcome.MET
    simplest = _simplest(cs.assessments())
    assert (simplest.status, simplest.findings, simplest.as_of) == (Status.COMPLIANT, (), date(2010, 1, 1))
    assert _simplest(cs.evaluations()) == Evaluation(year=2010, level="khong_hoan_thanh")
    assert _simplest(cs.disciplines()) == Discipline(form="khien_trach")
    basis = _simplest(cs.legal_bases())
    assert (basis.document, basis.article, basis.effective) == ("Nghị định 1/2000/NĐ-CP", None, Period())
    assert _simplest(cs.delegations()).units is None
    assert _simplest(cs.deadlines()).rules is None


PUBLIC_MODELS = [
    Official,
    GeneralEducation,
    Professional,
    PoliticalTheory,
    StateManagement,
    ITSkill,
    ForeignLanguage,
    EthnicLanguage,
    Evaluation,
    Discipline,
    AdministrativeUnit,
    Title,
    LegalBasis,
    Period,
    Text,
    Finding,
    Assessment,
    Delegation,
    Deadline,
]


@pytest.mark.parametrize("model", PUBLIC_MODELS, ids=lambda m: m.__name__)
def test_from_type_works_for_every_public_model(model: type[Any]) -> None:
    @settings(max_examples=10, deadline=None, database=None)
    @given(st.from_type(model))
    def check(value: Any) -> None:
        assert isinstance(value, model)

    check()


@FAST
@given(st.from_type(Qualification), st.from_type(Official))
def test_from_type_works_for_the_qualification_union_and_officials(q: Qualification, official: Official) -> None:
    assert q.kind in cs.QUALIFICATION_KINDS
    assert_realistic(official)
