"""The engine's caches (engine.py, ``_Cache``) of findings and of assessments: a hit is what a fresh engine gives,
whoever the official is; any change to what is read misses; a cache stays within its size; threads share it safely."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cbcc_standards import AdministrativeUnit, Assessment, Engine, Official, Outcome
from cbcc_standards.engine import facets_of
from cbcc_standards.plugins import Registry
from cbcc_standards.rules.requirements import AnyOf, Custom, MinLevel
from cbcc_standards.testing.strategies import officials

PROPERTY = settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

AS_OF = st.sampled_from(
    (date(2012, 12, 15), date(2019, 12, 25), date(2021, 6, 1), date(2023, 8, 1), date(2024, 1, 1), date(2026, 6, 1))
) | st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 12, 31))

FIELDS = (
    "gender",
    "birth_date",
    "category",
    "title",
    "unit",
    "recruited_on",
    "appointed_on",
    "planned_titles",
    "qualifications",
    "evaluations",
    "disciplines",
    "ethnicity",
    "ethnic_minority",
)
"""Fields a mutation copies from another official (every field but the id and the name, which no rule reads)."""

UNIT_CODES = ("T.H.PLAIN", "T.H.MOUNTAIN", "T.H.HIGHLAND", "T.H.ISLAND", "T.H.UNLISTED", "T.H.UNKNOWN", None)
"""The units of the suite's engines (tests/conftest.py), one they do not know, and none."""

Build = Callable[..., Official]


@pytest.fixture(scope="module")
def units(engine: Engine) -> list[AdministrativeUnit]:
    """The units of the suite's engines."""
    return list(engine.units.values())


def uncached(engine: Engine) -> Engine:
    """An engine like ``engine`` with the cache off."""
    return Engine(engine.registry, province=engine.province, units=list(engine.units.values()), cache_size=0)


def same(cached: Assessment, fresh: Assessment) -> None:
    assert cached == fresh
    assert cached.to_json() == fresh.to_json()


@st.composite
def crowds(draw: st.DrawFn) -> list[Official]:
    """Officials alike in parts: a few drawn ones, their twins under other ids and names, and copies with one field
    (or two) taken from another official."""
    people = draw(st.lists(officials(), min_size=1, max_size=4))
    crowd: list[Official] = []
    for number, person in enumerate(people):
        crowd.append(person)
        crowd.append(person.model_copy(update={"id": f"TWIN-{number}", "full_name": "Trần Thị Bình"}))
        for _ in range(draw(st.integers(0, 4))):
            other = draw(officials())
            names = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=2, unique=True))
            update: dict[str, Any] = {name: getattr(other, name) for name in names}
            if draw(st.booleans()):
                update["unit"] = draw(st.sampled_from(UNIT_CODES))
            crowd.append(person.model_copy(update=update))
    return draw(st.permutations(crowd))


@PROPERTY
@given(crowd=crowds(), as_of=AS_OF, provincial=st.booleans())
def test_cached_evaluation_is_the_uncached_one(
    registry: Registry, units: list[AdministrativeUnit], crowd: list[Official], as_of: date, provincial: bool
) -> None:
    """Officials that share what some rules read, evaluated one after the other on one engine (hits), give the
    assessments of an engine without the cache: ids, names and warnings their own."""
    cached = Engine(registry, province="TEST" if provincial else None, units=units)
    fresh = uncached(cached)
    for official in crowd:
        same(cached.evaluate(official, as_of=as_of), fresh.evaluate(official, as_of=as_of))
    for official in crowd:  # every rule's finding now comes from the cache
        same(cached.evaluate(official, as_of=as_of), fresh.evaluate(official, as_of=as_of))


@PROPERTY
@given(crowd=crowds(), as_of=AS_OF)
def test_roster_with_the_cache_is_the_roster_without(
    registry: Registry, units: list[AdministrativeUnit], crowd: list[Official], as_of: date
) -> None:
    rows = [o.model_dump(mode="json") | {"id": f"R-{i}"} for i, o in enumerate(crowd)]
    cached = Engine(registry, units=units[:2], cache_size=64)  # a units file that lacks some units: warnings
    fresh = uncached(cached)
    assert list(cached.evaluate_roster(rows, as_of=as_of)) == list(fresh.evaluate_roster(rows, as_of=as_of))


def test_a_hit_carries_the_official_own_id_name_and_warnings(
    registry: Registry, units: list[AdministrativeUnit], make_official: Build
) -> None:
    engine = Engine(registry, units=units[:1])
    first = make_official(id="A-1", full_name="Nguyễn Văn An", unit="NOWHERE")
    second = first.model_copy(update={"id": "B-2", "full_name": "Lê Thị Cúc", "unit": units[0].code})
    on = date(2024, 1, 1)
    [a] = engine.evaluate_roster([first], as_of=on)
    entries = len(engine._findings.entries)
    [b] = engine.evaluate_roster([second], as_of=on)
    assert len(engine._findings.entries) == entries  # every finding of the second official was a hit
    fresh = uncached(engine)
    [expected] = fresh.evaluate_roster([second], as_of=on)
    assert isinstance(a, Assessment)
    assert isinstance(b, Assessment)
    assert isinstance(expected, Assessment)
    same(b, expected)
    assert (b.id, b.full_name, b.unit, b.warnings) == ("B-2", "Lê Thị Cúc", units[0].code, ())
    assert (a.id, a.full_name) == ("A-1", "Nguyễn Văn An")
    assert [w.code for w in a.warnings] == ["unknown_unit"]


CHANGES: dict[str, dict[str, Any]] = {
    "professional level": {"prof": "trung_cap"},
    "professional field": {"field": "kế toán"},
    "general education": {"edu": "thcs"},
    "political theory": {"llct": "so_cap", "_cadre": True},
    "qualifications unknown": {"prof": None, "edu": None, "it": None, "qualifications": None},
    "birth date (age)": {"birth_date": "2007-06-01"},
    "birth month (retirement)": {"birth_date": "1963-02-01"},
    "birth date unknown": {"birth_date": None},
    "gender": {"gender": "female", "birth_date": "1966-02-01"},
    "gender unknown": {"gender": None},
    "title": {"title": "commune.dia_chinh"},
    "category": {"category": "can_bo"},
    "evaluations": {
        "evaluations": [{"year": 2022, "level": "khong_hoan_thanh"}, {"year": 2023, "level": "khong_hoan_thanh"}]
    },
    "disciplines": {"disciplines": [{"form": "khien_trach", "decided_on": "2023-05-01"}]},
    "disciplines unknown": {"disciplines": None, "evaluations": [{"year": 2023, "level": "hoan_thanh"}]},
    "disciplines unknown (Law 80/2025)": {"disciplines": None, "_on": date(2026, 6, 1)},
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_changing_what_a_rule_reads_misses(
    registry: Registry, units: list[AdministrativeUnit], make_official: Build, change: str
) -> None:
    change_ = dict(CHANGES[change])
    on = change_.pop("_on", date(2024, 1, 1))
    base = {"evaluations": [{"year": y, "level": "hoan_thanh"} for y in range(2022, on.year + 1)], "disciplines": []}
    if change_.pop("_cadre", False):  # a cadre's title has the political-theory standard
        base |= {"title": "commune.chu_tich_ubnd", "category": "can_bo", "appointed_on": "2021-06-01"}
        base |= {"llct": "trung_cap"}
    engine = Engine(registry, units=units)
    engine.evaluate(make_official(**base), as_of=on)
    entries = len(engine._findings.entries)
    changed = make_official(**(base | change_))
    assessment = engine.evaluate(changed, as_of=on)
    assert len(engine._findings.entries) > entries
    same(assessment, uncached(engine).evaluate(changed, as_of=on))


def test_the_date_is_part_of_the_key(registry: Registry, units: list[AdministrativeUnit], make_official: Build) -> None:
    engine = Engine(registry, units=units)
    official = make_official()
    engine.evaluate(official, as_of=date(2024, 1, 1))
    entries = len(engine._findings.entries)
    later = engine.evaluate(official, as_of=date(2024, 1, 2))
    assert len(engine._findings.entries) > entries
    same(later, uncached(engine).evaluate(official, as_of=date(2024, 1, 2)))


@PROPERTY
@given(people=st.lists(officials(), min_size=20, max_size=40), as_of=AS_OF)
def test_the_cache_stays_within_its_size(
    registry: Registry, units: list[AdministrativeUnit], people: list[Official], as_of: date
) -> None:
    engine = Engine(registry, units=units, cache_size=8)
    fresh = uncached(engine)
    for official in people:
        same(engine.evaluate(official, as_of=as_of), fresh.evaluate(official, as_of=as_of))
        assert len(engine._findings.entries) <= 8


def test_size_zero_turns_the_cache_off(registry: Registry, make_official: Build) -> None:
    engine = Engine(registry, cache_size=0)
    engine.evaluate(make_official(), as_of=date(2024, 1, 1))
    assert engine._findings.entries == {}


def test_appraisals_are_not_cached(registry: Registry, make_official: Build) -> None:
    engine = Engine(registry)
    engine.appraise(make_official(), title="commune.chu_tich_ubnd", on=date(2024, 1, 1))
    assert engine._findings.entries == {}


def test_custom_checks_are_not_cached() -> None:
    custom = Custom(name="x", check=lambda official, ctx: None)
    level = MinLevel(ladder="professional", level="dai_hoc")
    assert facets_of(custom) is None
    assert facets_of(AnyOf(options=(level, custom))) is None
    assert facets_of(AnyOf(options=(level, MinLevel(ladder="it", level="co_ban")))) == ("q:it", "q:professional")


def test_threads_share_the_cache(registry: Registry, units: list[AdministrativeUnit], make_official: Build) -> None:
    """Evaluated from several threads at once on one small cache (emptied again and again), every assessment is
    the one of a sequential run without the cache."""
    levels = ("trung_cap", "cao_dang", "dai_hoc", None)
    people = [
        make_official(id=f"P-{i}", birth_date=f"{1962 + i % 40}-{1 + i % 12:02d}-15", prof=levels[i % 4], field=field)
        for i in range(60)
        for field in ("luật", None)
    ]
    on = date(2024, 1, 1)
    engine = Engine(registry, units=units, cache_size=16)
    expected = [uncached(engine).evaluate(o, as_of=on) for o in people]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(5):
            assert list(pool.map(lambda o: engine.evaluate(o, as_of=on), people)) == expected


# -- the assessments of Engine.evaluate ---------------------------------------------------------------------------


@PROPERTY
@given(crowd=crowds(), as_of=AS_OF, provincial=st.booleans())
def test_a_cached_assessment_is_the_uncached_one(
    registry: Registry, units: list[AdministrativeUnit], crowd: list[Official], as_of: date, provincial: bool
) -> None:
    """Twins under other ids and names, and look-alikes, evaluated twice over on one engine."""
    cached = Engine(registry, province="TEST" if provincial else None, units=units)
    fresh = uncached(cached)
    for official in [*crowd, *crowd]:
        same(cached.evaluate(official, as_of=as_of), fresh.evaluate(official, as_of=as_of))


def test_twins_share_an_assessment_under_their_own_id_and_name(
    registry: Registry, units: list[AdministrativeUnit], make_official: Build
) -> None:
    engine = Engine(registry, units=units)
    on = date(2024, 1, 1)
    engine.evaluate(make_official(id="A-1", full_name="Nguyễn Văn An"), as_of=on)
    assert engine._assessments.entries == {}  # kept from the second time on
    first = engine.evaluate(make_official(id="A-1", full_name="Nguyễn Văn An"), as_of=on)
    assert len(engine._assessments.entries) == 1
    twin = make_official(id="B-2", full_name="Lê Thị Cúc")
    second = engine.evaluate(twin, as_of=on)
    assert second.findings is first.findings  # from the cache
    assert (first.id, first.full_name, second.id, second.full_name) == ("A-1", "Nguyễn Văn An", "B-2", "Lê Thị Cúc")
    same(second, uncached(engine).evaluate(twin, as_of=on))


def test_any_field_but_the_id_and_the_name_misses(
    registry: Registry, units: list[AdministrativeUnit], make_official: Build
) -> None:
    engine = Engine(registry, units=units)
    on = date(2024, 1, 1)
    base = make_official(evaluations=[], disciplines=[], planned_titles=[])
    other = make_official(
        gender="female",
        birth_date="1990-05-06",
        category="can_bo",
        title="commune.chu_tich_ubnd",
        unit="T.H.MOUNTAIN",
        recruited_on="2016-01-01",
        appointed_on="2021-06-01",
        planned_titles=["commune.bi_thu"],
        edu="thcs",
        evaluations=[{"year": 2023, "level": "hoan_thanh"}],
        disciplines=[{"form": "khien_trach", "decided_on": "2023-05-01"}],
        ethnicity="Tày",
        job_position="Kế toán",
        party_joined_on="2010-01-01",
        religion="Không",
        rank_code="01.003",
        rotated=True,
    )
    engine.evaluate(base, as_of=on)
    engine.evaluate(base, as_of=on)
    fresh = uncached(engine)
    for name in Official.model_fields:
        if name in ("id", "full_name"):
            continue
        assert getattr(other, name) != getattr(base, name), name
        changed = base.model_copy(update={name: getattr(other, name)})
        entries = len(engine._assessments.entries)
        for _ in range(2):  # a miss, then kept
            same(engine.evaluate(changed, as_of=on), fresh.evaluate(changed, as_of=on))
        assert len(engine._assessments.entries) == entries + 1, name


def test_a_unit_replaced_in_the_engine_misses(registry: Registry, make_official: Build) -> None:
    from cbcc_standards import AdministrativeUnit as Unit

    engine = Engine(registry, units=[Unit(code="X.1", name="Xã", tier="commune", kind="xa")])
    official = make_official(unit="X.1", prof="trung_cap")
    on = date(2024, 1, 1)
    engine.evaluate(official, as_of=on)
    engine.evaluate(official, as_of=on)
    engine.units["X.1"] = Unit(code="X.1", name="Xã", tier="commune", kind="xa", area_flags=["mien_nui"])
    engine.evaluate(official, as_of=on)
    after = engine.evaluate(official, as_of=on)
    same(after, uncached(engine).evaluate(official, as_of=on))
    assert len(engine._assessments.entries) == 2


def test_custom_checks_and_given_units_are_not_cached_whole(
    registry: Registry, units: list[AdministrativeUnit], make_official: Build
) -> None:
    from collections.abc import Callable as Fn

    from cbcc_standards import Custom, Outcome, Rule, RuleSet, Text, hookimpl, load_registry
    from cbcc_standards.law import LegalBasis, Period
    from cbcc_standards.rules.model import Verdict

    def by_id(official: Official, ctx: Any) -> Verdict:
        return Verdict(Outcome.MET if official.id == "OK" else Outcome.NOT_MET, Text(vi=official.id, en=official.id))

    class Plugin:
        __name__ = "reads_the_id"

        @hookimpl
        def cbcc_register_rulesets(self, register: Fn[[RuleSet], None]) -> None:
            rule = Rule(
                code="TEST-ID",
                name="id",
                title=Text(vi="Thử", en="Test"),
                basis=(LegalBasis(document="Quyết định thử nghiệm", effective=Period(start=date(2020, 1, 1))),),
                valid=Period(start=date(2020, 1, 1)),
                requirement=Custom(name="id", check=by_id),
            )
            register(RuleSet(code="test.id", title=Text(vi="Thử", en="Test"), rules=(rule,)))

    engine = Engine(load_registry(load_entry_points=False, plugins=[Plugin()]), units=units)
    on = date(2024, 1, 1)
    ok = engine.evaluate(make_official(id="OK"), as_of=on)
    ok = engine.evaluate(make_official(id="OK"), as_of=on)
    ko = engine.evaluate(make_official(id="KO"), as_of=on)
    assert engine._assessments.entries == {}
    outcomes = {a.id: next(f.outcome for f in a.findings if f.rule == "TEST-ID") for a in (ok, ko)}
    assert outcomes == {"OK": Outcome.MET, "KO": Outcome.NOT_MET}
    plain = Engine(registry, units=units)
    for _ in range(2):
        plain.evaluate(make_official(), as_of=on, unit=units[1])
    assert plain._assessments.entries == {}


@PROPERTY
@given(people=st.lists(officials(), min_size=5, max_size=30), as_of=AS_OF)
def test_assessments_stay_within_their_size(
    registry: Registry, units: list[AdministrativeUnit], people: list[Official], as_of: date
) -> None:
    """Kept from a record's second time on, at most ``cache_size`` of them (a stream of different officials keeps
    none)."""
    engine = Engine(registry, units=units, cache_size=4)
    fresh = uncached(engine)
    for official in people:
        same(engine.evaluate(official, as_of=as_of), fresh.evaluate(official, as_of=as_of))
    assert len(engine._assessments.entries) <= len(people) - len(
        {o.model_dump_json(exclude={"id", "full_name"}) for o in people}
    )
    for official in [*people, *people]:
        same(engine.evaluate(official, as_of=as_of), fresh.evaluate(official, as_of=as_of))
        assert len(engine._assessments.entries) <= 4


# -- remedied shortfalls (reliefs and grace periods) --------------------------------------------------------------

REMEDY_DAYS = (
    None,
    *(
        date.fromordinal(d.toordinal() + k)
        for d in (date(2019, 12, 24), date(2022, 8, 1), date(2023, 8, 1))
        for k in (-1, 0, 1)
    ),
    date(2025, 6, 29),
    date(2025, 6, 30),
    date(2025, 7, 1),
    date(2015, 3, 1),
)
"""Dates on either side of, and on, the days the built-in reliefs and grace periods compare dates with."""

REMEDY_PROPERTY = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

REMEDY_TITLES = (
    ("commune.tai_chinh_ke_toan", "cong_chuc"),
    ("commune.tu_phap_ho_tich", "cong_chuc"),
    ("commune.van_hoa_xa_hoi", "cong_chuc"),
    ("commune.chu_tich_ubnd", "can_bo"),
)


@st.composite
def shortfalls(draw: st.DrawFn, build: Build) -> list[Official]:
    """Officials who fall short alike (the same qualifications) but differ in what the remedies read: the
    appointment and recruitment dates around the remedies' days, the unit, the ethnicity, the title."""
    quals = {
        "prof": draw(st.sampled_from((None, "so_cap", "trung_cap", "cao_dang"))),
        "edu": draw(st.sampled_from(("thpt", "thcs"))),
        "llct": draw(st.sampled_from((None, "so_cap", "trung_cap"))),
    }
    crowd = []
    for number in range(draw(st.integers(2, 8))):
        title, category = draw(st.sampled_from(REMEDY_TITLES))
        crowd.append(
            build(
                id=f"S-{number}",
                title=title,
                category=category,
                unit=draw(st.sampled_from(UNIT_CODES)),
                recruited_on=draw(st.sampled_from(REMEDY_DAYS)),
                appointed_on=draw(st.sampled_from(REMEDY_DAYS)),
                ethnicity=draw(st.sampled_from((None, "Kinh", "Tày"))),
                birth_date=draw(st.sampled_from(("1970-01-01", "1985-04-12", "1990-09-30"))),
                **quals,
            )
        )
    return crowd


@REMEDY_PROPERTY
@given(
    data=st.data(),
    as_of=st.sampled_from(
        (date(2019, 12, 25), date(2021, 6, 1), date(2023, 8, 2), date(2024, 1, 1), date(2025, 7, 1), date(2026, 6, 1))
    ),
    provincial=st.booleans(),
)
def test_a_remedied_shortfall_from_the_cache_is_the_fresh_one(
    registry: Registry,
    units: list[AdministrativeUnit],
    make_official: Build,
    data: st.DataObject,
    as_of: date,
    provincial: bool,
) -> None:
    """Shortfalls alike, remedied (or not) by reliefs and grace periods that read other facts: on one engine, twice
    over, each official's assessment is a fresh engine's."""
    crowd = data.draw(shortfalls(make_official))
    cached = Engine(registry, province="TEST" if provincial else None, units=units)
    fresh = uncached(cached)
    for official in [*crowd, *crowd]:
        same(cached.evaluate(official, as_of=as_of), fresh.evaluate(official, as_of=as_of))


def test_a_remedied_shortfall_is_shared(
    registry: Registry, units: list[AdministrativeUnit], make_official: Build
) -> None:
    """Two officials short alike, in office alike before the grace period's day: the second's remedied finding is
    the first's."""
    engine = Engine(registry, units=units)
    on = date(2024, 1, 1)
    engine.evaluate(make_official(prof="trung_cap", recruited_on="2015-03-01"), as_of=on)
    entries = len(engine._remedied.entries)
    assert entries >= 1
    second = make_official(id="T-2", prof="trung_cap", recruited_on="2016-05-01", birth_date="1980-01-01")
    assessment = engine.evaluate(second, as_of=on)
    assert len(engine._remedied.entries) == entries  # a hit
    same(assessment, uncached(engine).evaluate(second, as_of=on))
    assert any(f.outcome is Outcome.GRACE for f in assessment.findings)


REMEDY_CHANGES: dict[str, tuple[date, dict[str, Any], dict[str, Any]]] = {
    "recruited after the grace's day": (
        date(2024, 1, 1),
        {"recruited_on": "2023-08-01"},
        {"recruited_on": "2023-08-02"},
    ),
    "recruitment unknown": (date(2024, 1, 1), {"recruited_on": "2023-08-01"}, {"recruited_on": None}),
    "appointed after the grace's day": (
        date(2024, 1, 1),
        {"title": "commune.chu_tich_ubnd", "category": "can_bo", "llct": "trung_cap", "appointed_on": "2023-08-01"},
        {"appointed_on": "2023-08-02"},
    ),
    "appointment unknown": (
        date(2024, 1, 1),
        {"title": "commune.chu_tich_ubnd", "category": "can_bo", "llct": "trung_cap", "appointed_on": "2023-08-01"},
        {"appointed_on": None},
    ),
    "start of service from the appointment": (
        date(2024, 1, 1),
        {"recruited_on": None, "appointed_on": "2023-08-02"},
        {"appointed_on": "2023-08-01"},
    ),
    "ethnicity": (date(2026, 6, 1), {"recruited_on": "2025-06-01", "ethnicity": "Kinh"}, {"ethnicity": "Tày"}),
    "ethnicity unknown": (date(2026, 6, 1), {"recruited_on": "2025-06-01", "ethnicity": "Kinh"}, {"ethnicity": None}),
    "unit (delegation)": (date(2021, 6, 1), {"unit": "T.H.PLAIN"}, {"unit": "T.H.MOUNTAIN"}),
    "unit unknown": (date(2021, 6, 1), {"unit": "T.H.PLAIN"}, {"unit": "T.H.UNKNOWN"}),
    "held title (read as its successor)": (
        date(2026, 6, 1),
        {"prof": "cao_dang", "field": "luật", "recruited_on": "2025-06-01", "ethnicity": "Kinh"},
        {"title": "commune.tu_phap_ho_tich"},
    ),
    "unit flags": (date(2026, 6, 1), {"recruited_on": "2025-06-01", "ethnicity": "Kinh"}, {"unit": "T.H.ISLAND"}),
}


@pytest.mark.parametrize("change", sorted(REMEDY_CHANGES))
def test_changing_what_a_remedy_reads_misses(
    registry: Registry, units: list[AdministrativeUnit], make_official: Build, change: str
) -> None:
    """The same shortfall, with one fact a relief or grace period reads changed: a miss, the fresh engine's
    assessment (the province ``TEST`` delegates the trung cấp exception to its listed difficult-area communes)."""
    on, base, changed_fields = REMEDY_CHANGES[change]
    engine = Engine(registry, province="TEST", units=units)
    first = make_official(**({"prof": "trung_cap"} | base))
    engine.evaluate(first, as_of=on)
    entries = len(engine._remedied.entries)
    assert entries >= 1
    changed = make_official(**({"id": "T-2", "prof": "trung_cap"} | base | changed_fields))
    assessment = engine.evaluate(changed, as_of=on)
    assert len(engine._remedied.entries) > entries
    same(assessment, uncached(engine).evaluate(changed, as_of=on))


@REMEDY_PROPERTY
@given(data=st.data(), as_of=st.sampled_from((date(2021, 6, 1), date(2024, 1, 1), date(2026, 6, 1))))
def test_remedied_shortfalls_stay_within_their_size(
    registry: Registry, units: list[AdministrativeUnit], make_official: Build, data: st.DataObject, as_of: date
) -> None:
    crowd = [*data.draw(shortfalls(make_official)), *data.draw(shortfalls(make_official))]
    engine = Engine(registry, units=units, cache_size=2)
    fresh = uncached(engine)
    for official in crowd:
        same(engine.evaluate(official, as_of=as_of), fresh.evaluate(official, as_of=as_of))
        assert len(engine._remedied.entries) <= 2
    assert fresh._remedied.entries == {}


def test_the_no_standards_finding_is_built_once_per_title_and_day(registry: Registry) -> None:
    """The finding that a title has no standard encoded is a pure function of the title and the day: kept, equal to
    a fresh one, other for another day, within its bound."""
    from cbcc_standards.engine import _UNCOVERED_LIMIT
    from cbcc_standards.engine import _no_standards as fresh

    engine = Engine(registry)
    title = registry.titles["commune.chu_tich_ubnd"]
    on = date(2024, 1, 1)
    first = engine._no_standards(title, on)
    assert engine._no_standards(title, on) is first
    assert first == fresh(title, on)
    later = engine._no_standards(title, date(2024, 1, 2))
    assert later == fresh(title, date(2024, 1, 2)) != first
    for day in range(_UNCOVERED_LIMIT + 5):
        engine._no_standards(title, date.fromordinal(on.toordinal() + day))
        assert len(engine._uncovered) <= _UNCOVERED_LIMIT


def test_contexts_are_kept_by_identity_and_bounded(registry: Registry, make_official: Build) -> None:
    """An assessment's context is kept per day, unit, title and held title (by identity): a unit replaced in the
    engine gets a context of its own, and the assessment a fresh engine gives; at most the bound kept."""
    from cbcc_standards import AdministrativeUnit as Unit
    from cbcc_standards.engine import _CONTEXTS_LIMIT

    engine = Engine(registry, units=[Unit(code="X.1", name="Xã", tier="commune", kind="xa")])
    on = date(2024, 1, 1)
    official = make_official(unit="X.1", prof="trung_cap", recruited_on="2024-01-01")
    engine.evaluate(official, as_of=on)
    assert len(engine._contexts) == 1
    engine.units["X.1"] = Unit(code="X.1", name="Xã", tier="commune", kind="xa", area_flags=["vung_dbkk"])
    after = engine.evaluate(official, as_of=date(2026, 6, 1))
    same(after, uncached(engine).evaluate(official, as_of=date(2026, 6, 1)))
    [context] = [c for c in engine._contexts.values() if c.as_of == date(2026, 6, 1)]
    assert context.unit is engine.units["X.1"]
    for day in range(_CONTEXTS_LIMIT + 5):
        engine.evaluate(official, as_of=date.fromordinal(on.toordinal() + day))
        assert len(engine._contexts) <= _CONTEXTS_LIMIT


@pytest.mark.parametrize("unit", ["T.H.MOUNTAIN", "T.H.UNLISTED", "T.H.PLAIN"])
def test_remedies_read_the_code_of_a_unit_a_delegation_lists(
    registry: Registry, make_official: Build, unit: str
) -> None:
    """Two communes with the same flags, one listed by the province's delegation and one not, and one with none:
    whichever comes second, its remedied shortfall is its own (the one a fresh engine gives)."""
    from cbcc_standards import AdministrativeUnit as Unit

    units = [
        Unit(code=code, name="Xã", tier="commune", kind="xa", area_flags=flags)
        for code, flags in (("T.H.MOUNTAIN", ["mien_nui"]), ("T.H.UNLISTED", ["mien_nui"]), ("T.H.PLAIN", []))
    ]
    engine = Engine(registry, province="TEST", units=units)
    on = date(2021, 6, 1)
    first = make_official(prof="trung_cap", unit="T.H.MOUNTAIN")
    listed = engine.evaluate(first, as_of=on)
    second = make_official(id="T-2", prof="trung_cap", unit=unit)
    assessment = engine.evaluate(second, as_of=on)
    same(assessment, uncached(engine).evaluate(second, as_of=on))
    if second.unit != "T.H.MOUNTAIN":
        assert assessment.status != listed.status


_APPRAISAL_ONLY = {"AppointmentTerm", "TimeInLowerPost"}  # outside an appraisal, a constant: nothing read


def _requirements_in_use() -> dict[type, Any]:
    """One requirement of each kind the built-in rules use (the options of an AnyOf and relief requirements too)."""
    from cbcc_standards.plugins import load_registry

    found: dict[type, Any] = {}
    pending = []
    for sourced in load_registry(load_entry_points=False).rulesets:
        for rule in sourced.ruleset.rules:
            pending.append(rule.requirement)
            pending.extend(r.accept for r in rule.reliefs if r.accept is not None)
    while pending:
        requirement = pending.pop()
        if isinstance(requirement, AnyOf):
            pending.extend(requirement.options)
        else:
            found.setdefault(type(requirement), requirement)
    return found


IN_USE = _requirements_in_use()


@pytest.mark.parametrize("kind", sorted(IN_USE, key=lambda k: k.__name__), ids=lambda k: k.__name__)
def test_the_cache_key_reads_what_the_requirement_declares(kind: type) -> None:
    """The engine's key table (``_READS``) and each requirement's own ``reads`` (what the rule catalogue shows) name
    the same fields of the official: a field read by one and not the other is a stale table. A kind the table does
    not know is never cached."""
    requirement = IN_USE[kind]
    facets = facets_of(requirement)
    if facets is None:
        return
    covered = {
        "qualifications" if f.startswith("q:") else "birth_date" if f in ("age", "birth_month") else f for f in facets
    }
    assert covered == (set() if kind.__name__ in _APPRAISAL_ONLY else set(requirement.reads))
