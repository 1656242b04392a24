"""The law table (``law_table.py``) against the registry and the engine.

Part one compares every row with the rule the registry holds (window, titles, requirement, grace): a date or a
threshold changed in ``src/`` fails here with the legal source named. Part two generates behavioural cases from each
row and runs them through the engine: both sides of the window, of the threshold, of the age and of the grace period.
A rule added without a row fails ``test_every_rule_has_a_row``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from law_table import BY_CODE, LAW, Age, Law, Level, Other

from cbcc_standards import AdministrativeUnit, Engine, Official, Outcome, load_registry
from cbcc_standards.ladders import LADDERS
from cbcc_standards.plugins import Registry
from cbcc_standards.rules.model import Rule
from cbcc_standards.titles import Category

DAY = timedelta(days=1)

PROVINCE = AdministrativeUnit(code="LT", name="Tỉnh Luật", tier="province")
DISTRICT = AdministrativeUnit(code="LT.H", name="Huyện Luật", tier="district", parent="LT")
OLD_COMMUNE = AdministrativeUnit(code="LT.H.X", name="Xã Đồng Bằng", tier="commune", kind="xa", parent="LT.H")
OLD_DBKK = AdministrativeUnit(
    code="LT.H.K", name="Xã Khó Khăn", tier="commune", kind="xa", parent="LT.H", area_flags=["vung_dbkk"]
)
NEW_COMMUNE = AdministrativeUnit(code="LT.X2", name="Xã Mới", tier="commune", kind="xa", parent="LT")
NEW_DBKK = AdministrativeUnit(
    code="LT.K2", name="Xã Mới Khó Khăn", tier="commune", kind="xa", parent="LT", area_flags=["vung_dbkk"]
)
UNITS = (PROVINCE, DISTRICT, OLD_COMMUNE, OLD_DBKK, NEW_COMMUNE, NEW_DBKK)
TWO_TIER = date(2025, 7, 1)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(load_entry_points=False, strict=True)


@pytest.fixture(scope="module")
def engine(registry: Registry) -> Engine:
    return Engine(registry, units=UNITS)


def _rule(registry: Registry, code: str) -> Rule:
    return registry.rule(code)[0]


def _title(law: Law) -> str:
    if law.titles is None:
        return "commune.van_hoa_xa_hoi" if law.start < TWO_TIER else "commune.cong_chuc_van_hoa_xa_hoi"
    return sorted(law.titles)[0]


def _unit(title: str, on: date, dbkk: bool = False) -> str | None:
    if not title.startswith("commune."):
        return None
    if on < TWO_TIER:
        return (OLD_DBKK if dbkk else OLD_COMMUNE).code
    return (NEW_DBKK if dbkk else NEW_COMMUNE).code


def _official(
    registry: Registry,
    title: str,
    on: date,
    *,
    qualifications: list[dict[str, Any]] | None,
    born: date | None = None,
    in_office: date | None = None,
    ethnicity: str = "Kinh",
    dbkk: bool = False,
) -> Official:
    """An official holding ``title`` on ``on``, 40 years old, in office since ``in_office`` (default: that very day,
    so no incumbent's grace applies), Kinh, in a commune without area flags (unless ``dbkk``)."""
    category: Category = registry.titles[title].category
    start = in_office or on
    row: dict[str, Any] = {
        "id": "LAW-1",
        "gender": "male",
        "birth_date": (born or on.replace(year=on.year - 40)).isoformat(),
        "category": category.value,
        "title": title,
        "unit": _unit(title, on, dbkk),
        "recruited_on": start.isoformat(),
        "appointed_on": start.isoformat(),
        "ethnicity": ethnicity,
        "qualifications": qualifications,
    }
    return Official.model_validate(row)


def _outcome(engine: Engine, law: Law, official: Official, on: date) -> Outcome | None:
    if law.appointment_only:
        found = engine.appraise(official, title=_title(law), on=on).findings
    else:
        found = engine.evaluate(official, as_of=on).findings
    outcomes = [f.outcome for f in found if f.rule == law.code]
    assert len(outcomes) <= 1
    return outcomes[0] if outcomes else None


# -- part one: the table is the registry ------------------------------------------------------------------------------


def test_every_rule_has_a_row(registry: Registry) -> None:
    codes = {rule.code for rule, _, _ in registry.rules()}
    assert codes == set(BY_CODE), (
        f"rules without a row: {sorted(codes - set(BY_CODE))} / rows without a rule: {sorted(set(BY_CODE) - codes)}"
    )


def _params(requirement: Any) -> dict[str, Any]:
    return requirement.model_dump(exclude={"type"})


@pytest.mark.parametrize("law", LAW, ids=lambda law: law.code)
def test_the_rule_is_the_law(registry: Registry, law: Law) -> None:
    rule = _rule(registry, law.code)
    where = f"{law.code} ({law.source})"
    assert (rule.valid.start, rule.valid.end) == (law.start, law.end), where
    assert rule.titles == law.titles, where
    assert rule.appointment_only == law.appointment_only, where
    requirement = rule.requirement
    if isinstance(law.requirement, Level):
        expected = law.requirement
        assert (requirement.type, _params(requirement)) == (
            "min_level",
            {"ladder": expected.kind, "level": expected.level, "field": expected.field},
        ), where
    elif isinstance(law.requirement, Age):
        assert (requirement.type, _params(requirement)) == ("min_age", {"years": law.requirement.years}), where
    else:
        assert requirement.type == law.requirement.type, where
        params = _params(requirement)
        for name, value in law.requirement.params:
            assert params[name] == value, f"{where}: {name}"
    if law.grace is None:
        assert rule.graces == (), where
    else:
        (grace,) = rule.graces
        assert (grace.in_office_by, grace.deadline, grace.start_field) == (
            law.grace.in_office_by,
            law.grace.deadline,
            law.grace.start_field,
        ), where
        eligible = grace.eligible
        if law.grace.ethnic_minority_or_dbkk:
            assert eligible is not None
            assert eligible.ethnic_minority
            assert set(eligible.area_flags) == {"vung_dbkk"}
        else:
            assert eligible is None, where
    relieved = [r.appointed_before for r in rule.reliefs if r.appointed_before is not None]
    assert relieved == ([law.relieved_until] if law.relieved_until else []), where
    national_flags = {str(f) for r in rule.reliefs if r.switch is None and r.flags for f in r.flags}
    assert national_flags == set(law.relieved_in), where
    open_for = [(r.held_title, getattr(r.accept, "level", None)) for r in rule.reliefs if r.held_title is not None]
    assert open_for == ([law.open_for] if law.open_for else []), where
    assert all(r.undecided for r in rule.reliefs if r.held_title is not None), where


# -- part two: behaviour at every boundary --------------------------------------------------------------------------


def _rich(on: date) -> list[dict[str, Any]]:
    """Every qualification at the top of its ladder (every level requirement met)."""
    quals: list[dict[str, Any]] = [
        {"kind": kind, "level": ladder.codes[-1]}
        for kind, ladder in LADDERS.items()
        if kind not in ("evaluation", "discipline")
    ]
    quals[1]["field"] = "luật"
    return quals


WINDOWS = [
    pytest.param(law, day, inside, id=f"{law.code}@{day}")
    for law in LAW
    if law.start.year > 1900
    for day, inside in (
        (law.start - DAY, False),
        (law.start, True),
        *(((law.end, True), (law.end + DAY, False)) if law.end else ()),
    )
]


@pytest.mark.parametrize(("law", "day", "inside"), WINDOWS)
def test_window(registry: Registry, engine: Engine, law: Law, day: date, inside: bool) -> None:
    """The rule speaks on its first and last day, and is silent the day before and the day after."""
    title = _title(law)
    official = _official(registry, title, day, qualifications=_rich(day), in_office=day - timedelta(days=400))
    outcome = _outcome(engine, law, official, day)
    assert (outcome is not None) == inside, f"{law.code} on {day}: {outcome} ({law.source})"


def _probe(law: Law) -> date:
    """A day inside the window, after any relief by date, where no incumbent's grace reaches a new recruit."""
    day = law.start + DAY
    if law.relieved_until is not None:
        day = max(day, law.relieved_until)
    if law.end is not None:
        assert day <= law.end
    return day


def _with(kind: str, level: str | None, field: str | None, on: date) -> list[dict[str, Any]]:
    quals = [q for q in _rich(on) if q["kind"] != kind]
    if level is not None:
        quals.append({"kind": kind, "level": level, **({"field": field} if field else {})})
    return quals


def _rung(kind: str, level: str, step: int) -> str | None:
    codes = LADDERS[kind].codes
    i = codes.index(level) + step
    return codes[i] if 0 <= i < len(codes) else None


LEVELS = [law for law in LAW if isinstance(law.requirement, Level)]


@pytest.mark.parametrize("law", LEVELS, ids=lambda law: law.code)
def test_threshold(registry: Registry, engine: Engine, law: Law) -> None:
    """The rung below falls short; the threshold and the rung above meet it; no such qualification falls short; an
    unknown record is undetermined. With a field of study, the right level in another field falls short."""
    req = law.requirement
    assert isinstance(req, Level)
    day, title = _probe(law), _title(law)
    field = "luật" if req.field else None

    def outcome(level: str | None, quals: list[dict[str, Any]] | None = None, fld: str | None = field) -> Outcome:
        q = _with(req.kind, level, fld, day) if quals is None else quals
        result = _outcome(engine, law, _official(registry, title, day, qualifications=q), day)
        assert result is not None
        return result

    below = _rung(req.kind, req.level, -1)
    above = _rung(req.kind, req.level, +1)
    assert outcome(req.level) is Outcome.MET, law.source
    if above is not None:
        assert outcome(above) is Outcome.MET, law.source
    if below is not None:
        assert outcome(below) is Outcome.NOT_MET, law.source
    assert outcome(None) is Outcome.NOT_MET, law.source
    official = _official(registry, title, day, qualifications=None)
    assert _outcome(engine, law, official, day) is Outcome.UNDETERMINED
    if req.field:
        assert outcome(req.level, fld="kinh tế") is Outcome.NOT_MET, law.source


@pytest.mark.parametrize("law", [law for law in LAW if isinstance(law.requirement, Age)], ids=lambda law: law.code)
def test_age(registry: Registry, engine: Engine, law: Law) -> None:
    """Met on the birthday that reaches the age, short the day before it."""
    req = law.requirement
    assert isinstance(req, Age)
    day, title = _probe(law), _title(law)
    birthday = day.replace(year=day.year - req.years)
    for born, expected in ((birthday, Outcome.MET), (birthday + DAY, Outcome.NOT_MET)):
        official = _official(registry, title, day, qualifications=_rich(day), born=born)
        assert _outcome(engine, law, official, day) is expected, f"born {born} ({law.source})"


GRACES = [law for law in LAW if law.grace is not None]


@pytest.mark.parametrize("law", GRACES, ids=lambda law: law.code)
def test_grace(registry: Registry, engine: Engine, law: Law) -> None:
    """An incumbent in office on the cut-off who falls short is in grace until the deadline (that day included)
    and short the day after; one who took office the day after the cut-off has no grace."""
    req, grace = law.requirement, law.grace
    assert isinstance(req, Level)
    assert grace is not None
    title = _title(law)
    below = _rung(req.kind, req.level, -1) if req.field is None else req.level
    fld = "kinh tế" if req.field else None
    last = grace.deadline if law.end is None or grace.deadline <= law.end else law.end
    eligible: dict[str, Any] = {"ethnicity": "Hrê"} if grace.ethnic_minority_or_dbkk else {}

    def outcome(on: date, in_office: date, **extra: Any) -> tuple[Outcome | None, date | None]:
        quals = _with(req.kind, below, fld, on)
        official = _official(registry, title, on, qualifications=quals, in_office=in_office, **extra)
        if law.appointment_only:
            raise AssertionError("graces are for incumbents")
        findings = [f for f in engine.evaluate(official, as_of=on).findings if f.rule == law.code]
        (finding,) = findings
        return finding.outcome, finding.deadline

    assert outcome(last, grace.in_office_by, **eligible) == (Outcome.GRACE, grace.deadline), law.source
    if law.end is None or grace.deadline < law.end:
        after = grace.deadline + DAY
        assert outcome(after, grace.in_office_by, **eligible)[0] is Outcome.NOT_MET, law.source
    start = max(law.start, grace.in_office_by + DAY)
    assert outcome(start, grace.in_office_by + DAY, **eligible)[0] is Outcome.NOT_MET, law.source
    if grace.ethnic_minority_or_dbkk:
        # Kinh in a plain commune: no grace; Kinh in a ĐBKK commune: grace.
        assert outcome(last, grace.in_office_by)[0] is Outcome.NOT_MET, law.source
        assert outcome(last, grace.in_office_by, dbkk=True) == (Outcome.GRACE, grace.deadline), law.source


def test_every_level_rule_and_grace_is_exercised() -> None:
    """The generated cases reach every threshold and grace in the table (guards against a filter that empties)."""
    assert len(LEVELS) >= 30
    assert len(GRACES) >= 10
    assert all(isinstance(law.requirement, (Level, Age, Other)) for law in LAW)


QLNN = [law for law in LAW if isinstance(law.requirement, Other) and law.requirement.type == "state_management"]


@pytest.mark.parametrize("law", QLNN, ids=lambda law: law.code)
def test_state_management_threshold(registry: Registry, engine: Engine, law: Law) -> None:
    """The certificate one level below falls short, the level itself meets it; cao cấp LLCT – hành chính stands for
    the chuyên viên cao cấp certificate, plain cao cấp LLCT does not (legal-sources.md §3.1, §6)."""
    assert isinstance(law.requirement, Other)
    level = str(dict(law.requirement.params)["level"])
    day, title = _probe(law), _title(law)

    def outcome(quals: list[dict[str, Any]]) -> Outcome | None:
        return _outcome(engine, law, _official(registry, title, day, qualifications=quals), day)

    below = _rung("state_management", level, -1)
    assert outcome(_with("state_management", level, None, day)) is Outcome.MET, law.source
    assert below is not None
    assert outcome(_with("state_management", below, None, day)) is Outcome.NOT_MET, law.source
    without = [q for q in _with("state_management", None, None, day) if q["kind"] != "political_theory"]
    assert outcome([*without, {"kind": "political_theory", "level": "cao_cap"}]) is Outcome.NOT_MET, law.source
    if level == "chuyen_vien_cao_cap":
        hc = {"kind": "political_theory", "level": "cao_cap", "administrative": True}
        assert outcome([*without, hc]) is Outcome.MET, law.source


@pytest.mark.parametrize("law", [law for law in LAW if law.relieved_until], ids=lambda law: law.code)
def test_relief_by_date(registry: Registry, engine: Engine, law: Law) -> None:
    """Appointed the day before the relief's date: met without the certificate; appointed that day: short."""
    assert law.relieved_until is not None
    day, title = _probe(law), _title(law)
    quals = [q for q in _rich(day) if q["kind"] not in ("state_management", "political_theory")]
    for appointed, expected in ((law.relieved_until - DAY, Outcome.MET), (law.relieved_until, Outcome.NOT_MET)):
        official = _official(registry, title, day, qualifications=quals, in_office=appointed)
        assert _outcome(engine, law, official, day) is expected, f"appointed {appointed} ({law.source})"


@pytest.mark.parametrize("law", [law for law in LAW if law.relieved_in], ids=lambda law: law.code)
def test_relief_by_place(registry: Registry, engine: Engine, law: Law) -> None:
    """Where national law lowers the requirement for a flagged commune, the rung below is met there and short in a
    plain commune."""
    req = law.requirement
    assert isinstance(req, Level)
    day, title = _probe(law), _title(law)
    below = _rung(req.kind, req.level, -1)
    quals = _with(req.kind, below, None, day)
    for flag in sorted(law.relieved_in):
        unit = AdministrativeUnit(
            code=f"LT.H.{flag.upper()}", name="Xã Có Cờ", tier="commune", kind="xa", parent="LT.H", area_flags=[flag]
        )
        flagged = Engine(registry, units=(*UNITS, unit))
        official = _official(registry, title, day, qualifications=quals).model_copy(update={"unit": unit.code})
        assert _outcome(flagged, law, official, day) is Outcome.MET, f"{flag} ({law.source})"
    plain = _official(registry, title, day, qualifications=quals)
    assert _outcome(engine, law, plain, day) is Outcome.NOT_MET, law.source


def test_the_documents_carry_their_dates() -> None:
    """Every legal basis of a document in the table carries the date it was signed and the day it took effect."""
    from law_table import DOCUMENTS, LATER_STARTS

    from cbcc_standards.law import LegalBasis, sources

    bases = [b for b in (getattr(sources, n) for n in sources.__all__) if isinstance(b, LegalBasis)]
    seen = set()
    for basis in bases:
        if basis.document not in DOCUMENTS:
            continue
        signed, start = DOCUMENTS[basis.document]
        start = LATER_STARTS.get((basis.document, basis.article or ""), start)
        seen.add(basis.document)
        if signed is not None and basis.signed is not None:
            assert basis.signed == signed, basis.document
        if start is not None and basis.effective.start is not None:
            assert basis.effective.start == start, basis.document
    assert seen == set(DOCUMENTS)


TITLES_WITH_A_START = sorted(
    (t.code, t.valid.start, t.valid.end)
    for t in load_registry(load_entry_points=False).titles
    if t.valid.start is not None and t.valid.start.year > 1900
)


@pytest.mark.parametrize(("code", "start", "end"), TITLES_WITH_A_START, ids=[c for c, _, _ in TITLES_WITH_A_START])
def test_a_title_exists_from_its_first_day_to_its_last(
    registry: Registry, engine: Engine, code: str, start: date, end: date | None
) -> None:
    """The day before a post is created it does not exist yet (undetermined, the title named); from its first day to
    its last it does."""
    law = BY_CODE["CBCC-TITLE"]
    days = [(start - DAY, Outcome.UNDETERMINED), (start, Outcome.MET)] + ([(end, Outcome.MET)] if end else [])
    for day, expected in days:
        official = _official(registry, code, day, qualifications=_rich(day), in_office=day)
        assert _outcome(engine, law, official, day) is expected, f"{code} on {day}"


@pytest.mark.parametrize(
    ("code", "day", "document"),
    [
        # A commune cadre post: listed by ND 92/2009 Art 3, then ND 33/2023 Art 5, then Law 80/2025 (§0, §2, §9.3).
        ("commune.chu_tich_ubnd", date(2023, 7, 31), "Nghị định 92/2009/NĐ-CP"),
        ("commune.chu_tich_ubnd", date(2023, 8, 1), "Nghị định 33/2023/NĐ-CP"),
        ("commune.chu_tich_ubnd", date(2025, 6, 30), "Nghị định 33/2023/NĐ-CP"),
        ("commune.chu_tich_ubnd", date(2025, 7, 1), "Luật Cán bộ, công chức 80/2025/QH15"),
        # A commune civil-servant title to 30/06/2025.
        ("commune.tai_chinh_ke_toan", date(2024, 1, 1), "Nghị định 33/2023/NĐ-CP"),
    ],
)
def test_a_title_is_cited_by_the_act_that_lists_it_that_day(
    registry: Registry, engine: Engine, code: str, day: date, document: str
) -> None:
    official = _official(registry, code, day, qualifications=_rich(day))
    (finding,) = [f for f in engine.evaluate(official, as_of=day).findings if f.rule == "CBCC-TITLE"]
    assert [b.document for b in finding.basis] == [document]
