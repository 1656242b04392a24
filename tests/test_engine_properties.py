"""Property tests of the engine on the built-in commune rule sets (architecture.md, "Guarantees" §2, §3, §6).

The strategies are local and small on purpose: officials in the roster format, with any mix of known and unknown
facts, on any date from 2011 to 2026 (before TT 06/2012, through every commune regime, past 01/07/2025).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cbcc_standards import Action, Assessment, Engine, Official, Outcome, Status
from cbcc_standards.ladders import GENERAL_EDUCATION, IT_SKILL, POLITICAL_THEORY, PROFESSIONAL
from cbcc_standards.plugins import Registry

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

CIVIL_SERVANT_TITLES = (
    "commune.truong_cong_an",
    "commune.chi_huy_truong_quan_su",
    "commune.van_phong_thong_ke",
    "commune.dia_chinh",
    "commune.tai_chinh_ke_toan",
    "commune.tu_phap_ho_tich",
    "commune.van_hoa_xa_hoi",
)
CADRE_TITLES = (
    "commune.bi_thu",
    "commune.pho_bi_thu",
    "commune.chu_tich_hdnd",
    "commune.pho_chu_tich_hdnd",
    "commune.chu_tich_ubnd",
    "commune.pho_chu_tich_ubnd",
    "commune.chu_tich_mttq",
    "commune.bi_thu_doan",
    "commune.chu_tich_hoi_phu_nu",
    "commune.chu_tich_hoi_nong_dan",
    "commune.chu_tich_hoi_ccb",
)
ALL_TITLES = (*CIVIL_SERVANT_TITLES, *CADRE_TITLES, None)
UNIT_CODES = ("T.H.PLAIN", "T.H.MOUNTAIN", "T.H.HIGHLAND", "T.H.ISLAND", "T.H.UNLISTED", "T.H.UNKNOWN", None)
FIELDS = (None, "luật", "Luật kinh tế", "kế toán", "quản lý đất đai", "văn thư lưu trữ")


def rarely_none(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``strategy``, or None one time in eight: unknown facts are common enough to matter, rare enough that many
    officials are fully known."""
    return st.integers(0, 7).flatmap(lambda n: st.none() if n == 0 else strategy)


def sometimes(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    """A list with the strategy's value three times in four, else empty (the qualification is not held)."""
    return st.integers(0, 3).flatmap(lambda n: st.just([]) if n == 0 else strategy.map(lambda v: [v]))


REGIME_DAYS = (
    date(2021, 6, 1),
    date(2024, 12, 26),
    date(2016, 6, 1),
    date(2012, 12, 14),
    date(2012, 12, 15),
    date(2019, 12, 24),
    date(2019, 12, 25),
    date(2022, 6, 30),
    date(2022, 7, 1),
    date(2023, 7, 31),
    date(2023, 8, 1),
    date(2025, 6, 30),
    date(2025, 7, 1),
)
"""A day inside each regime, then the regime boundaries of legal-sources.md §0 (Hypothesis favours early entries)."""
as_of_dates = st.sampled_from(REGIME_DAYS) | st.dates(min_value=date(2012, 12, 15), max_value=date(2026, 12, 31))
service_dates = rarely_none(st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 12, 31)))
birth_dates = rarely_none(st.dates(min_value=date(1950, 1, 1), max_value=date(2008, 12, 31)))


def _level(kind: str, codes: tuple[str, ...], **extra: Any) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({"kind": st.just(kind), "level": st.sampled_from(codes), **extra})


education = _level("general_education", GENERAL_EDUCATION.codes)
professional = _level("professional", PROFESSIONAL.codes, field=st.sampled_from(FIELDS))
political_theory = _level("political_theory", POLITICAL_THEORY.codes)
it_skill = _level("it", IT_SKILL.codes)
qualification = st.one_of(education, professional, political_theory, it_skill)
record = st.tuples(
    sometimes(education), st.lists(professional, max_size=2), sometimes(political_theory), sometimes(it_skill)
).map(lambda parts: [q for part in parts for q in part])
qualifications = rarely_none(record)


@st.composite
def rows(draw: st.DrawFn, titles: tuple[str | None, ...] = ALL_TITLES) -> dict[str, Any]:
    """A roster row for a commune official; any scalar may be unknown."""
    title = draw(st.sampled_from(titles))
    category = "can_bo" if title in CADRE_TITLES else "cong_chuc" if title in CIVIL_SERVANT_TITLES else None
    return {
        "id": "P-1",
        "gender": draw(rarely_none(st.sampled_from(["male", "female"]))),
        "birth_date": draw(birth_dates),
        "category": draw(st.sampled_from([category, category, None])),
        "title": title,
        "unit": draw(st.sampled_from(UNIT_CODES)),
        "recruited_on": draw(service_dates),
        "appointed_on": draw(service_dates),
        "qualifications": draw(qualifications),
    }


def officials(**kwargs: Any) -> st.SearchStrategy[Official]:
    return rows(**kwargs).map(Official.model_validate)


def pick(engine: Engine, province_engine: Engine, provincial: bool) -> Engine:
    return province_engine if provincial else engine


def documented_status(outcomes: list[Outcome]) -> Status:
    """architecture.md "Guarantees" §3, written out independently of the library."""
    if Outcome.NOT_MET in outcomes:
        return Status.NON_COMPLIANT
    if Outcome.GRACE in outcomes:
        return Status.WITHIN_GRACE
    if Outcome.UNDETERMINED in outcomes or Outcome.ERROR in outcomes:
        return Status.UNDETERMINED
    return Status.COMPLIANT


ACTIONS = {
    Status.NON_COMPLIANT: Action.REPLACE,
    Status.WITHIN_GRACE: Action.TRAIN,
    Status.UNDETERMINED: Action.PROVIDE_DATA,
    Status.COMPLIANT: Action.NONE,
}


# -- Determinism ------------------------------------------------------------------------------------------------------


@PROPERTY
@given(official=officials(), as_of=as_of_dates, provincial=st.booleans())
def test_evaluation_is_deterministic(
    registry: Registry, engine: Engine, province_engine: Engine, official: Official, as_of: date, provincial: bool
) -> None:
    """Same input → byte-identical JSON: twice on one engine (caches warm), on a fresh engine (caches cold), and for
    the official read back from its own JSON."""
    chosen = pick(engine, province_engine, provincial)
    first = chosen.evaluate(official, as_of=as_of).to_json()
    assert chosen.evaluate(official, as_of=as_of).to_json() == first
    fresh = Engine(registry, province=chosen.province, units=list(chosen.units.values()))
    assert fresh.evaluate(official, as_of=as_of).to_json() == first
    again = Official.model_validate_json(official.model_dump_json())
    assert chosen.evaluate(again, as_of=as_of).to_json() == first
    assert Assessment.from_json(first).to_json() == first


# -- No silent defaults -----------------------------------------------------------------------------------------------


@PROPERTY
@given(row=rows(), as_of=as_of_dates, provincial=st.booleans())
def test_unknown_qualification_record_is_never_compliant(
    engine: Engine, province_engine: Engine, row: dict[str, Any], as_of: date, provincial: bool
) -> None:
    official = Official.model_validate(row | {"qualifications": None})
    assessment = pick(engine, province_engine, provincial).evaluate(official, as_of=as_of)
    assert assessment.status is not Status.COMPLIANT
    assert assessment.action is not Action.NONE


@PROPERTY
@given(row=rows(titles=CIVIL_SERVANT_TITLES), as_of=as_of_dates, provincial=st.booleans())
def test_civil_servant_without_birth_date_is_never_compliant(
    engine: Engine, province_engine: Engine, row: dict[str, Any], as_of: date, provincial: bool
) -> None:
    """Every commune civil-servant regime has the age ≥ 18 standard (or no encoded standard at all)."""
    official = Official.model_validate(row | {"birth_date": None})
    assert pick(engine, province_engine, provincial).evaluate(official, as_of=as_of).status is not Status.COMPLIANT


@PROPERTY
@given(row=rows(titles=CADRE_TITLES), as_of=as_of_dates, provincial=st.booleans())
def test_cadre_without_appointment_date_is_never_compliant(
    engine: Engine, province_engine: Engine, row: dict[str, Any], as_of: date, provincial: bool
) -> None:
    """QĐ 04/2004 Art 5 and ND 33/2023 Art 8 judge the first appointment: without its date, no verdict."""
    official = Official.model_validate(row | {"appointed_on": None, "recruited_on": None})
    assert pick(engine, province_engine, provincial).evaluate(official, as_of=as_of).status is not Status.COMPLIANT


@PROPERTY
@given(row=rows(), as_of=as_of_dates)
def test_official_without_title_is_never_compliant(engine: Engine, row: dict[str, Any], as_of: date) -> None:
    official = Official.model_validate(row | {"title": None})
    assessment = engine.evaluate(official, as_of=as_of)
    assert assessment.status is not Status.COMPLIANT  # undetermined, or non-compliant when past retirement
    assert any("title" in f.missing for f in assessment.findings)


# -- Status, action and deadline are functions of the outcomes -------------------------------------------------------


@PROPERTY
@given(official=officials(), as_of=as_of_dates, provincial=st.booleans())
def test_status_action_and_deadline_follow_the_outcomes(
    engine: Engine, province_engine: Engine, official: Official, as_of: date, provincial: bool
) -> None:
    assessment = pick(engine, province_engine, provincial).evaluate(official, as_of=as_of)
    outcomes = [f.outcome for f in assessment.findings]
    assert assessment.status is documented_status(outcomes)
    faulty = assessment.status is Status.UNDETERMINED and Outcome.ERROR in outcomes
    open_law = not any(f.missing for f in assessment.findings if f.outcome is Outcome.UNDETERMINED)
    if assessment.status is Status.UNDETERMINED and faulty:
        assert assessment.action is Action.REPORT_FAULT
    elif assessment.status is Status.UNDETERMINED and open_law:
        assert assessment.action is Action.REVIEW  # the law is open: no data would decide it
    else:
        assert assessment.action is ACTIONS[assessment.status]
    graces = [f.deadline for f in assessment.findings if f.outcome is Outcome.GRACE]
    if assessment.status is Status.WITHIN_GRACE:
        assert assessment.deadline == min(d for d in graces if d is not None)
    else:
        assert assessment.deadline is None
    for f in assessment.findings:
        assert f.basis, f"{f.rule} cites no law"
        assert f.message.vi
        assert f.message.en
        if f.missing:
            assert f.outcome is Outcome.UNDETERMINED, f"{f.rule}: missing {f.missing} but {f.outcome}"
        if f.outcome is Outcome.GRACE:  # a grace period is running on as_of
            assert f.deadline is not None
            assert as_of <= f.deadline


# -- Monotonicity in the qualification record -------------------------------------------------------------------------


@st.composite
def with_higher_professional(draw: st.DrawFn) -> tuple[Official, Official]:
    """An official with a known record, and the same official with one more professional qualification at or above
    the highest professional level already held (in any field, or with none recorded)."""
    row = draw(rows())
    quals = row["qualifications"] if row["qualifications"] is not None else draw(record)
    held = [q["level"] for q in quals if q["kind"] == "professional"]
    floor = max((PROFESSIONAL.rank(level) for level in held), default=0)
    level = draw(st.sampled_from(PROFESSIONAL.codes[floor:]))
    extra = {"kind": "professional", "level": level, "field": draw(st.sampled_from(FIELDS))}
    before = Official.model_validate(row | {"qualifications": quals})
    after = Official.model_validate(row | {"qualifications": [*quals, extra]})
    return before, after


@PROPERTY
@given(pair=with_higher_professional(), as_of=as_of_dates, provincial=st.booleans())
def test_a_higher_professional_qualification_never_fails_a_met_standard(
    engine: Engine, province_engine: Engine, pair: tuple[Official, Official], as_of: date, provincial: bool
) -> None:
    before, after = pair
    chosen = pick(engine, province_engine, provincial)
    old = {f.rule: f.outcome for f in chosen.evaluate(before, as_of=as_of).findings}
    new = {f.rule: f.outcome for f in chosen.evaluate(after, as_of=as_of).findings}
    assert old.keys() == new.keys()
    for rule, outcome in old.items():
        if outcome is Outcome.MET:
            assert new[rule] is not Outcome.NOT_MET, rule
            assert new[rule] is Outcome.MET, rule


@PROPERTY
@given(pair=with_higher_professional(), as_of=as_of_dates)
def test_a_higher_professional_qualification_never_worsens_a_compliant_official(
    engine: Engine, pair: tuple[Official, Official], as_of: date
) -> None:
    before, after = pair
    if engine.evaluate(before, as_of=as_of).status is Status.COMPLIANT:
        assert engine.evaluate(after, as_of=as_of).status is Status.COMPLIANT
