"""Legal cases for commune cadres (cán bộ cấp xã), straight from legal-sources.md §0, §2 and §4.

- QĐ 04/2004/QĐ-BNV Art 5 [M] (to 31/07/2023), Bí thư Đảng ủy only: ≤ 45 at first appointment; THPT; trung cấp LLCT;
  professional trung cấp, lower allowed in mountainous areas. Other titles under QĐ 04/2004 are [L]: no standard is
  encoded, the engine says so (``CBCC-COVERAGE``, undetermined).
- ND 33/2023/NĐ-CP Art 8 [H] (01/08/2023 – 30/06/2025): cl.1 Bí thư, Phó Bí thư — ≥ 60 months to retirement at first
  appointment, THPT, đại học; cl.2 MTTQ and mass-organisation heads — per their charters [L], provisional; cl.3
  HĐND / UBND chairs and vice-chairs — ≥ 60 months, THPT, đại học, trung cấp LLCT; cl.4 trung cấp professional level
  delegated to the province in difficult areas; Art 38(1) grace to 01/08/2028 for cadres in office on 01/08/2023.
- From 01/07/2025 there is no commune-cadre category (Law 80/2025/QH15).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cbcc_standards import (
    Action,
    Assessment,
    Confidence,
    Engine,
    Finding,
    MinLevel,
    Official,
    Outcome,
    Status,
    WorkingTimeAtAppointment,
    load_registry,
)

D = date
GRACE_ND33 = D(2028, 8, 1)

MakeOfficial = Callable[..., Official]
GetFinding = Callable[[Assessment, str], Finding]

PARTY = ("commune.bi_thu", "commune.pho_bi_thu")
COUNCIL = ("commune.chu_tich_hdnd", "commune.pho_chu_tich_hdnd", "commune.chu_tich_ubnd", "commune.pho_chu_tich_ubnd")
CHARTER = (
    "commune.chu_tich_mttq",
    "commune.bi_thu_doan",
    "commune.chu_tich_hoi_phu_nu",
    "commune.chu_tich_hoi_nong_dan",
    "commune.chu_tich_hoi_ccb",
)
CADRES = PARTY + COUNCIL + CHARTER

QD04 = {"CX-BT-2004-AGE", "CX-BT-2004-EDU", "CX-BT-2004-LLCT", "CX-BT-2004-PROF"}
ART8_1 = {"CX-BT-2023-TERM", "CX-BT-2023-EDU", "CX-BT-2023-PROF", "CX-BT-2023-LLCT"}
ART8_3 = {"CX-CT-2023-TERM", "CX-CT-2023-EDU", "CX-CT-2023-PROF", "CX-CT-2023-LLCT"}


def commune(assessment: Assessment) -> list[Finding]:
    """Findings of the commune-official rules (other rule sets, e.g. evaluations, are not this file's subject)."""
    return [f for f in assessment.findings if f.rule.startswith("CX-") or f.rule in ("CBCC-TITLE", "CBCC-COVERAGE")]


def rules(assessment: Assessment) -> set[str]:
    return {f.rule for f in commune(assessment)}


# -- Which rules are in force --------------------------------------------------------------------------------------


def _expected(title: str, as_of: date) -> set[str]:
    if as_of >= D(2025, 7, 1):
        # The posts continue (Law 80/2025); their standards come from Party rules with no national numbers (§9.3).
        return {"CBCC-TITLE", "CX-CB-2025-STD" if title in (*PARTY, *COUNCIL) else "CX-CB-2025-ORG"}
    if as_of >= D(2023, 8, 1):
        standards = ART8_1 if title in PARTY else ART8_3 if title in COUNCIL else {"CX-CB-2023-CHARTER"}
        return {"CBCC-TITLE", *standards}
    return {"CBCC-TITLE", *(QD04 if title == "commune.bi_thu" else {"CBCC-COVERAGE"})}


@pytest.mark.parametrize("title", CADRES)
@pytest.mark.parametrize(
    "as_of",
    [
        pytest.param(D(2015, 6, 1), id="QD04/2004-2015"),
        pytest.param(D(2023, 7, 31), id="QD04/2004-last-day"),
        pytest.param(D(2023, 8, 1), id="ND33/2023-Art8-first-day"),
        pytest.param(D(2025, 6, 30), id="ND33/2023-Art8-last-day"),
        pytest.param(D(2025, 7, 1), id="Law80/2025-posts-continue"),
        pytest.param(D(2026, 12, 4), id="two-tier-today"),
    ],
)
def test_rules_in_force_by_title_and_regime(engine: Engine, make_cadre: MakeOfficial, title: str, as_of: date) -> None:
    cadre = make_cadre(title=title, appointed_on="2010-05-01")
    assert rules(engine.evaluate(cadre, as_of=as_of)) == _expected(title, as_of)


@pytest.mark.parametrize(
    "title", [t for t in CADRES if t != "commune.bi_thu"], ids=lambda t: t.removeprefix("commune.")
)
def test_titles_without_encoded_standards_before_2023_are_undetermined(
    engine: Engine, make_cadre: MakeOfficial, get_finding: GetFinding, title: str
) -> None:
    """QĐ 04/2004's standards for titles other than the Party secretary are [L]: undetermined, never compliant."""
    assessment = engine.evaluate(make_cadre(title=title, appointed_on="2016-06-01"), as_of=D(2020, 1, 1))
    coverage = get_finding(assessment, "CBCC-COVERAGE")
    assert (coverage.outcome, coverage.provisional) == (Outcome.UNDETERMINED, True)
    assert (assessment.status, assessment.action) == (Status.UNDETERMINED, Action.REVIEW)


@pytest.mark.parametrize("title", CADRES, ids=lambda t: t.removeprefix("commune."))
@pytest.mark.parametrize("as_of", [D(2025, 7, 1), D(2026, 12, 4)], ids=["2025-07-01", "2026-12-04"])
def test_commune_cadre_posts_continue_after_2025_with_standards_left_to_party_rules(
    engine: Engine, make_cadre: MakeOfficial, get_finding: GetFinding, title: str, as_of: date
) -> None:
    """§9.3: the posts exist after 01/07/2025 (their holders are cadres under Law 80/2025) — never "does not exist";
    no national numeric standard was found [L]: a provisional finding says so and the status is undetermined; ND 33/2023
    Art 8 and its 2028 grace are not applied."""
    assessment = engine.evaluate(make_cadre(title=title, appointed_on="2024-01-01"), as_of=as_of)
    found = get_finding(assessment, "CBCC-TITLE")
    assert (found.outcome, found.missing) == (Outcome.MET, ())
    rule = "CX-CB-2025-STD" if title in (*PARTY, *COUNCIL) else "CX-CB-2025-ORG"
    standard = get_finding(assessment, rule)
    assert (standard.outcome, standard.provisional, standard.deadline) == (Outcome.UNDETERMINED, True, None)
    assert not any(f.rule.startswith(("CX-BT-2023", "CX-CT-2023")) for f in assessment.findings)
    assert (assessment.status, assessment.action) == (Status.UNDETERMINED, Action.REVIEW)
    assert "does not exist" not in " ".join(f.message.en for f in assessment.findings)


# -- ND 33/2023 Art 8 cl.3: HĐND / UBND chairs and vice-chairs ----------------------------------------------------


@pytest.mark.parametrize("title", COUNCIL, ids=lambda t: t.removeprefix("commune."))
def test_art8_cl3_compliant_chair(engine: Engine, make_cadre: MakeOfficial, title: str) -> None:
    """Born 1980, elected 01/08/2023: THPT, đại học, trung cấp LLCT, decades before retirement."""
    assessment = engine.evaluate(make_cadre(title=title), as_of=D(2024, 1, 1))
    assert {f.rule: f.outcome for f in commune(assessment)} == {
        "CBCC-TITLE": Outcome.MET,
        "CX-CT-2023-TERM": Outcome.MET,
        "CX-CT-2023-EDU": Outcome.MET,
        "CX-CT-2023-PROF": Outcome.MET,
        "CX-CT-2023-LLCT": Outcome.MET,
    }
    assert (assessment.status, assessment.action, assessment.deadline) == (Status.COMPLIANT, Action.NONE, None)


@pytest.mark.parametrize(
    ("fields", "outcome", "actual", "missing"),
    [
        pytest.param(
            {"gender": "male", "birth_date": "09/1964", "appointed_on": "2023-08-01"},
            Outcome.NOT_MET,
            "31/12/2025",
            (),
            id="man-09/1964-retires-31/12/2025-elected-2023",
        ),
        pytest.param(
            {"gender": "female", "birth_date": "04/1969", "appointed_on": "2024-03-01"},
            Outcome.NOT_MET,
            "31/12/2025",
            (),
            id="woman-04/1969-retires-31/12/2025",
        ),
        pytest.param(
            {"gender": "male", "birth_date": "1966-07-20", "appointed_on": "2023-08-01"},
            Outcome.MET,
            "31/07/2028",
            (),
            id="man-07/1966-exactly-60-months",
        ),
        pytest.param(
            {"gender": "male", "birth_date": "1966-07-20", "appointed_on": "2023-08-02"},
            Outcome.NOT_MET,
            "31/07/2028",
            (),
            id="man-07/1966-one-day-short",
        ),
        pytest.param(
            {"gender": "female", "birth_date": "01/1971", "appointed_on": "2023-10-01"},
            Outcome.MET,
            "30/09/2028",
            (),
            id="woman-01/1971-57y8m-exactly-60-months",
        ),
        pytest.param(
            {"gender": "female", "birth_date": "01/1971", "appointed_on": "2023-10-02"},
            Outcome.NOT_MET,
            "30/09/2028",
            (),
            id="woman-01/1971-one-day-short",
        ),
        pytest.param(
            {"gender": "female", "birth_date": "1972-02-10", "appointed_on": "2025-06-30"},
            Outcome.MET,
            "30/06/2030",
            (),
            id="woman-02/1972-58y4m",
        ),
        pytest.param(
            {"gender": "male", "birth_date": "1964", "appointed_on": "2023-08-01"},
            Outcome.NOT_MET,
            "30/04/2025",
            (),
            id="year-only-birth-is-01/01-ND135/2020-Art3",
        ),
        pytest.param(
            {"gender": "male", "birth_date": "09/1964", "appointed_on": "2021-06-01"},
            Outcome.NOT_APPLICABLE,
            None,
            (),
            id="first-appointment-before-01/08/2023",
        ),
        pytest.param(
            {"gender": "male", "birth_date": "09/1964", "appointed_on": "2023-07-31"},
            Outcome.NOT_APPLICABLE,
            None,
            (),
            id="first-appointment-31/07/2023",
        ),
        pytest.param(
            {"gender": None, "appointed_on": "2024-01-01"},
            Outcome.UNDETERMINED,
            None,
            ("gender",),
            id="gender-missing",
        ),
        pytest.param(
            {"birth_date": None, "appointed_on": "2024-01-01"},
            Outcome.UNDETERMINED,
            None,
            ("birth_date",),
            id="birth-date-missing",
        ),
        pytest.param(
            {"birth_date": None, "gender": None, "appointed_on": "2024-01-01"},
            Outcome.UNDETERMINED,
            None,
            ("birth_date", "gender"),
            id="birth-date-and-gender-missing",
        ),
        pytest.param(
            {"appointed_on": None}, Outcome.UNDETERMINED, None, ("appointed_on",), id="appointment-date-missing"
        ),
    ],
)
def test_art8_sixty_months_before_retirement(
    engine: Engine,
    make_cadre: MakeOfficial,
    get_finding: GetFinding,
    fields: dict[str, Any],
    outcome: Outcome,
    actual: str | None,
    missing: tuple[str, ...],
) -> None:
    """ND 33/2023 Art 8 cl.3 with the retirement roadmap (BLLĐ 2019 Art 169, ND 135/2020): appointment + 60 months
    must not pass the retirement moment (the end of the retirement month)."""
    assessment = engine.evaluate(make_cadre(**fields), as_of=D(2025, 6, 30))
    term = get_finding(assessment, "CX-CT-2023-TERM")
    retires = None if actual is None else "-".join(reversed(actual.split("/")))  # the retirement date, ISO
    assert (term.outcome, term.actual, term.missing) == (outcome, retires, missing)
    assert term.deadline is None  # no grace for the age condition
    if outcome is Outcome.NOT_MET:
        assert (assessment.status, assessment.action) == (Status.NON_COMPLIANT, Action.REPLACE)
        assert term.required == WorkingTimeAtAppointment(months=60)


@pytest.mark.parametrize(
    ("fields", "rule", "outcome", "deadline"),
    [
        pytest.param(
            {"prof": "trung_cap", "appointed_on": "2023-08-01"},
            "CX-CT-2023-PROF",
            Outcome.GRACE,
            GRACE_ND33,
            id="Art38(1)-prof-in-office-on-01/08/2023",
        ),
        pytest.param(
            {"prof": "trung_cap", "appointed_on": "2021-06-01"},
            "CX-CT-2023-PROF",
            Outcome.GRACE,
            GRACE_ND33,
            id="Art38(1)-prof-elected-2021",
        ),
        pytest.param(
            {"prof": "trung_cap", "appointed_on": "2023-08-02"},
            "CX-CT-2023-PROF",
            Outcome.NOT_MET,
            None,
            id="Art8(3)-prof-elected-after-01/08/2023",
        ),
        pytest.param(
            {"prof": "cao_dang", "appointed_on": "2024-01-01", "unit": "T.H.MOUNTAIN"},
            "CX-CT-2023-PROF",
            Outcome.NOT_MET,
            None,
            id="Art8(4)-difficult-area-needs-the-province",
        ),
        pytest.param(
            {"prof": "thac_si", "appointed_on": "2024-01-01"},
            "CX-CT-2023-PROF",
            Outcome.MET,
            None,
            id="Art8(3)-thac-si-higher",
        ),
        pytest.param(
            {"llct": "so_cap", "appointed_on": "2023-08-01"},
            "CX-CT-2023-LLCT",
            Outcome.GRACE,
            GRACE_ND33,
            id="Art38(1)-llct-so-cap-in-office",
        ),
        pytest.param(
            {"llct": "so_cap", "appointed_on": "2024-01-01"},
            "CX-CT-2023-LLCT",
            Outcome.NOT_MET,
            None,
            id="Art8(3)-llct-so-cap-elected-after",
        ),
        pytest.param(
            {"llct": None, "appointed_on": "2024-01-01"},
            "CX-CT-2023-LLCT",
            Outcome.NOT_MET,
            None,
            id="Art8(3)-no-llct",
        ),
        pytest.param(
            {"llct": "Trung cấp LLCT", "appointed_on": "2024-01-01"},
            "CX-CT-2023-LLCT",
            Outcome.MET,
            None,
            id="Art8(3)-trung-cap-LLCT-spelling",
        ),
        pytest.param(
            {"llct": "trung cấp LLCT - hành chính", "appointed_on": "2024-01-01"},
            "CX-CT-2023-LLCT",
            Outcome.MET,
            None,
            id="Art8(3)-trung-cap-LLCT-HC",
        ),
        pytest.param(
            {"llct": "Cử nhân chính trị", "appointed_on": "2024-01-01"},
            "CX-CT-2023-LLCT",
            Outcome.MET,
            None,
            id="Art8(3)-cu-nhan-chinh-tri-is-cao-cap",
        ),
        pytest.param(
            {"edu": "9/12", "appointed_on": "2023-08-01"},
            "CX-CT-2023-EDU",
            Outcome.GRACE,
            GRACE_ND33,
            id="Art38(1)-THPT-in-office",
        ),
        pytest.param(
            {"edu": "9/12", "appointed_on": "2024-01-01"},
            "CX-CT-2023-EDU",
            Outcome.NOT_MET,
            None,
            id="Art8(3)-THPT-elected-after",
        ),
        pytest.param(
            {"edu": "12/12", "appointed_on": "2024-01-01"},
            "CX-CT-2023-EDU",
            Outcome.MET,
            None,
            id="Art8(3)-12/12-is-THPT",
        ),
    ],
)
def test_art8_cl3_qualifications_and_art38_grace(
    engine: Engine,
    make_cadre: MakeOfficial,
    get_finding: GetFinding,
    fields: dict[str, Any],
    rule: str,
    outcome: Outcome,
    deadline: date | None,
) -> None:
    assessment = engine.evaluate(make_cadre(**fields), as_of=D(2024, 6, 1))
    found = get_finding(assessment, rule)
    assert (found.outcome, found.deadline) == (outcome, deadline)
    if outcome is Outcome.GRACE:
        assert (assessment.status, assessment.action, assessment.deadline) == (
            Status.WITHIN_GRACE,
            Action.TRAIN,
            GRACE_ND33,
        )
        assert any(b.article == "38" and b.clause == "1" for b in found.basis)
    if outcome is Outcome.NOT_MET:
        assert assessment.action is Action.REPLACE


@pytest.mark.parametrize(
    ("unit", "prof", "outcome"),
    [
        pytest.param("T.H.MOUNTAIN", "trung_cap", Outcome.MET, id="Art8(4)-mountain-trung-cap"),
        pytest.param("T.H.ISLAND", "trung_cap", Outcome.MET, id="Art8(4)-island-trung-cap"),
        pytest.param("T.H.MOUNTAIN", "so_cap", Outcome.NOT_MET, id="Art8(4)-not-below-trung-cap"),
        pytest.param("T.H.PLAIN", "trung_cap", Outcome.NOT_MET, id="Art8(4)-not-outside-difficult-areas"),
        pytest.param("T.H.UNLISTED", "trung_cap", Outcome.NOT_MET, id="Art8(4)-only-listed-communes"),
    ],
)
@pytest.mark.parametrize("title", ["commune.chu_tich_ubnd", "commune.bi_thu"], ids=["cl3", "cl1"])
def test_art8_cl4_provincial_trung_cap(
    province_engine: Engine,
    make_cadre: MakeOfficial,
    get_finding: GetFinding,
    title: str,
    unit: str,
    prof: str,
    outcome: Outcome,
) -> None:
    cadre = make_cadre(title=title, prof=prof, unit=unit, appointed_on="2024-01-01")
    prefix = "CX-CT-2023" if title == "commune.chu_tich_ubnd" else "CX-BT-2023"
    found = get_finding(province_engine.evaluate(cadre, as_of=D(2024, 6, 1)), f"{prefix}-PROF")
    assert found.outcome is outcome
    if outcome is Outcome.MET:
        assert found.required == MinLevel(ladder="professional", level="trung_cap")
        assert found.basis[-1].document.startswith("Quyết định 99/2020/QĐ-UBND")


@pytest.mark.parametrize(
    ("provincial", "outcome", "deadline", "missing"),
    [
        pytest.param(True, Outcome.UNDETERMINED, None, ("unit",), id="Art8(4)-on-unit-unknown-met-or-grace"),
        pytest.param(False, Outcome.GRACE, GRACE_ND33, (), id="Art8(4)-off-Art38(1)-grace-whatever-the-unit"),
    ],
)
def test_incumbent_in_unknown_unit(
    engine: Engine,
    province_engine: Engine,
    make_cadre: MakeOfficial,
    get_finding: GetFinding,
    provincial: bool,
    outcome: Outcome,
    deadline: date | None,
    missing: tuple[str, ...],
) -> None:
    """Trung cấp chair in office since 2021: where the province has switched the Art 8(4) exception on, the unit
    decides between met (difficult-area commune) and the Art 38(1) grace, so an unknown unit is not guessed."""
    cadre = make_cadre(prof="trung_cap", appointed_on="2021-06-01", unit="T.H.UNKNOWN")
    found = get_finding(
        (province_engine if provincial else engine).evaluate(cadre, as_of=D(2024, 6, 1)), "CX-CT-2023-PROF"
    )
    assert (found.outcome, found.deadline, found.missing) == (outcome, deadline, missing)


@pytest.mark.parametrize(
    ("fields", "rule", "missing"),
    [
        pytest.param({"appointed_on": None}, "CX-CT-2023-TERM", ("appointed_on",), id="term-needs-appointment-date"),
        pytest.param(
            {"appointed_on": None, "prof": "trung_cap"},
            "CX-CT-2023-PROF",
            ("appointed_on",),
            id="Art38(1)-grace-needs-election-date",
        ),
        pytest.param(
            {"appointed_on": None, "llct": "so_cap"},
            "CX-CT-2023-LLCT",
            ("appointed_on",),
            id="Art38(1)-llct-grace-needs-election-date",
        ),
        pytest.param({"qualifications": None}, "CX-CT-2023-EDU", ("qualifications",), id="record-unknown-edu"),
        pytest.param({"qualifications": None}, "CX-CT-2023-LLCT", ("qualifications",), id="record-unknown-llct"),
        pytest.param({"gender": None}, "CX-CT-2023-TERM", ("gender",), id="term-needs-gender"),
    ],
)
def test_art8_missing_data_is_named(
    engine: Engine,
    make_cadre: MakeOfficial,
    get_finding: GetFinding,
    fields: dict[str, Any],
    rule: str,
    missing: tuple[str, ...],
) -> None:
    assessment = engine.evaluate(make_cadre(**fields), as_of=D(2024, 6, 1))
    found = get_finding(assessment, rule)
    assert (found.outcome, found.missing) == (Outcome.UNDETERMINED, missing)
    assert (assessment.status, assessment.action) == (Status.UNDETERMINED, Action.PROVIDE_DATA)


# -- ND 33/2023 Art 8 cl.1: Bí thư, Phó Bí thư ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "rule", "outcome", "deadline"),
    [
        pytest.param({}, "CX-BT-2023-PROF", Outcome.MET, None, id="Art8(1)-dai-hoc"),
        pytest.param(
            {"gender": "male", "birth_date": "09/1964", "appointed_on": "2024-01-01"},
            "CX-BT-2023-TERM",
            Outcome.NOT_MET,
            None,
            id="Art8(1)-man-09/1964-under-60-months",
        ),
        pytest.param(
            {"prof": "trung_cap", "appointed_on": "2020-10-01"},
            "CX-BT-2023-PROF",
            Outcome.GRACE,
            GRACE_ND33,
            id="Art38(1)-incumbent-trung-cap",
        ),
        pytest.param(
            {"prof": "trung_cap", "appointed_on": "2024-01-01"},
            "CX-BT-2023-PROF",
            Outcome.NOT_MET,
            None,
            id="Art8(1)-new-secretary-trung-cap",
        ),
        pytest.param(
            {"edu": "9/12", "appointed_on": "2020-10-01"},
            "CX-BT-2023-EDU",
            Outcome.GRACE,
            GRACE_ND33,
            id="Art38(1)-incumbent-THCS",
        ),
    ],
)
@pytest.mark.parametrize("title", PARTY, ids=lambda t: t.removeprefix("commune."))
def test_art8_cl1_party_secretaries(
    engine: Engine,
    make_cadre: MakeOfficial,
    get_finding: GetFinding,
    title: str,
    fields: dict[str, Any],
    rule: str,
    outcome: Outcome,
    deadline: date | None,
) -> None:
    found = get_finding(engine.evaluate(make_cadre(title=title, **fields), as_of=D(2024, 6, 1)), rule)
    assert (found.outcome, found.deadline) == (outcome, deadline)
    assert found.basis[0].article == "8"
    assert found.basis[0].clause == "1"


@pytest.mark.parametrize("title", PARTY, ids=lambda t: t.removeprefix("commune."))
@pytest.mark.parametrize("llct", [None, "so_cap", "trung_cap", "cao_cap"])
def test_art8_cl1_political_theory_is_provisional(
    engine: Engine, make_cadre: MakeOfficial, get_finding: GetFinding, title: str, llct: str | None
) -> None:
    """The LLCT level "per Party rules" is [L] (legal-sources.md §2, §8 open question 1): whatever the record holds,
    the finding is provisional and undetermined, so a secretary who meets every encoded standard is left to be
    appraised by hand (``review``), never ``compliant`` on a standard nobody checked, nor failed on it."""
    assessment = engine.evaluate(make_cadre(title=title, appointed_on="2010-05-01", llct=llct), as_of=D(2024, 1, 1))
    found = get_finding(assessment, "CX-BT-2023-LLCT")
    assert (found.outcome, found.provisional, found.missing) == (Outcome.UNDETERMINED, True, ())
    assert [(b.citation, b.confidence) for b in found.basis] == [
        ("Nghị định 33/2023/NĐ-CP, Điều 8 khoản 1", Confidence.PROVISIONAL)
    ]
    assert "quy định của Đảng" in found.message("vi")
    open_or_short = (Outcome.NOT_MET, Outcome.GRACE, Outcome.UNDETERMINED)
    assert [f.rule for f in assessment.findings if f.outcome in open_or_short] == ["CX-BT-2023-LLCT"]
    assert (assessment.status, assessment.action) == (Status.UNDETERMINED, Action.REVIEW)


def test_art8_cl1_a_settled_shortfall_still_decides(engine: Engine, make_cadre: MakeOfficial) -> None:
    """The open LLCT point does not hide what is settled: a secretary without đại học in office since 2010 is within
    the grace to 01/08/2028 (train), one appointed after 01/08/2023 is not compliant (replace)."""
    before = engine.evaluate(
        make_cadre(title="commune.bi_thu", appointed_on="2010-05-01", prof="trung_cap"), as_of=D(2024, 1, 1)
    )
    assert (before.status, before.action, before.deadline) == (Status.WITHIN_GRACE, Action.TRAIN, GRACE_ND33)
    after = engine.evaluate(
        make_cadre(title="commune.bi_thu", appointed_on="2023-09-01", prof="trung_cap"), as_of=D(2024, 1, 1)
    )
    assert (after.status, after.action) == (Status.NON_COMPLIANT, Action.REPLACE)


# -- ND 33/2023 Art 8 cl.2: MTTQ and mass-organisation heads, provisional ------------------------------------------


@pytest.mark.parametrize("title", CHARTER, ids=lambda t: t.removeprefix("commune."))
def test_art8_cl2_charter_standards_are_provisional(
    engine: Engine, make_cadre: MakeOfficial, get_finding: GetFinding, title: str
) -> None:
    # Even an official lacking everything is not failed on an unconfirmed standard, nor passed.
    cadre = make_cadre(title=title, edu="9/12", prof=None, llct=None)
    assessment = engine.evaluate(cadre, as_of=D(2024, 1, 1))
    charter = get_finding(assessment, "CX-CB-2023-CHARTER")
    assert (charter.outcome, charter.provisional) == (Outcome.UNDETERMINED, True)
    assert (charter.basis[0].article, charter.basis[0].clause) == ("8", "2")
    assert charter.basis[0].confidence is Confidence.PROVISIONAL
    assert (assessment.status, assessment.action) == (Status.UNDETERMINED, Action.REVIEW)


# -- QĐ 04/2004/QĐ-BNV Art 5: Bí thư Đảng ủy (to 31/07/2023) --------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "rule", "outcome", "actual", "missing"),
    [
        pytest.param({}, "CX-BT-2004-AGE", Outcome.MET, "40", (), id="Art5-40-at-first-appointment"),
        pytest.param(
            {"birth_date": "1965-03-10", "appointed_on": "2011-03-09"},
            "CX-BT-2004-AGE",
            Outcome.MET,
            "45",
            (),
            id="Art5-45-on-the-eve-of-46th-birthday",
        ),
        pytest.param(
            {"birth_date": "1965-03-10", "appointed_on": "2011-03-10"},
            "CX-BT-2004-AGE",
            Outcome.NOT_MET,
            "46",
            (),
            id="Art5-46-too-old",
        ),
        pytest.param(
            {"birth_date": "1950-01-01", "appointed_on": "2003-06-01"},
            "CX-BT-2004-AGE",
            Outcome.NOT_APPLICABLE,
            None,
            (),
            id="Art5-appointed-before-QD04/2004",
        ),
        pytest.param(
            {"appointed_on": None}, "CX-BT-2004-AGE", Outcome.UNDETERMINED, None, ("appointed_on",), id="Art5-no-date"
        ),
        pytest.param(
            {"birth_date": None}, "CX-BT-2004-AGE", Outcome.UNDETERMINED, None, ("birth_date",), id="Art5-no-birth"
        ),
        pytest.param({"edu": "12/12"}, "CX-BT-2004-EDU", Outcome.MET, "thpt", (), id="Art5-THPT-12/12"),
        pytest.param({"edu": "9/12"}, "CX-BT-2004-EDU", Outcome.NOT_MET, "thcs", (), id="Art5-THCS-no-grace"),
        pytest.param(
            {"llct": "Trung cấp LLCT"}, "CX-BT-2004-LLCT", Outcome.MET, "trung_cap", (), id="Art5-trung-cap-LLCT"
        ),
        pytest.param(
            {"llct": "cao cấp lý luận chính trị"}, "CX-BT-2004-LLCT", Outcome.MET, "cao_cap", (), id="Art5-cao-cap"
        ),
        pytest.param({"llct": "so_cap"}, "CX-BT-2004-LLCT", Outcome.NOT_MET, "so_cap", (), id="Art5-so-cap-LLCT"),
        pytest.param({"llct": None}, "CX-BT-2004-LLCT", Outcome.NOT_MET, None, (), id="Art5-no-LLCT"),
        pytest.param({"prof": "trung_cap"}, "CX-BT-2004-PROF", Outcome.MET, "trung_cap", (), id="Art5-prof-trung-cap"),
        pytest.param({"prof": "so_cap"}, "CX-BT-2004-PROF", Outcome.NOT_MET, "so_cap", (), id="Art5-lowland-so-cap"),
        pytest.param(
            {"prof": "so_cap", "unit": "T.H.MOUNTAIN"},
            "CX-BT-2004-PROF",
            Outcome.MET,
            "so_cap",
            (),
            id="Art5-mountain-lower-allowed",
        ),
        pytest.param(
            {"prof": None, "unit": "T.H.HIGHLAND"},
            "CX-BT-2004-PROF",
            Outcome.MET,
            None,
            (),
            id="Art5-highland-lower-allowed",
        ),
        pytest.param(
            {"prof": "so_cap", "unit": "T.H.ISLAND"},
            "CX-BT-2004-PROF",
            Outcome.NOT_MET,
            "so_cap",
            (),
            id="Art5-island-is-not-mountainous",
        ),
        pytest.param(
            {"prof": "so_cap", "unit": "T.H.UNKNOWN"},
            "CX-BT-2004-PROF",
            Outcome.UNDETERMINED,
            None,
            ("unit",),
            id="Art5-unit-unknown",
        ),
        pytest.param(
            {"prof": "trung_cap", "unit": "T.H.UNKNOWN"},
            "CX-BT-2004-PROF",
            Outcome.MET,
            "trung_cap",
            (),
            id="Art5-trung-cap-needs-no-unit",
        ),
        pytest.param(
            {"qualifications": None},
            "CX-BT-2004-PROF",
            Outcome.UNDETERMINED,
            None,
            ("qualifications",),
            id="Art5-record-unknown",
        ),
    ],
)
def test_qd04_2004_party_secretary(
    engine: Engine,
    make_cadre: MakeOfficial,
    get_finding: GetFinding,
    fields: dict[str, Any],
    rule: str,
    outcome: Outcome,
    actual: str | None,
    missing: tuple[str, ...],
) -> None:
    """Born 20/05/1970, first appointed 01/06/2010 (aged 40)."""
    base = {"title": "commune.bi_thu", "birth_date": "1970-05-20", "appointed_on": "2010-06-01", "prof": "dai_hoc"}
    assessment = engine.evaluate(make_cadre(**(base | fields)), as_of=D(2020, 1, 1))
    found = get_finding(assessment, rule)
    shown = None if found.actual is None else str(found.actual)
    assert (found.outcome, shown, found.missing) == (outcome, actual, missing)
    assert found.deadline is None  # QĐ 04/2004 has no grace period
    assert found.basis[0].document == "Quyết định 04/2004/QĐ-BNV"
    assert found.basis[0].article == "5"
    assert found.basis[0].confidence is Confidence.SECONDARY


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(D(2010, 6, 1), Status.COMPLIANT, id="QD04/2004"),
        pytest.param(D(2023, 7, 31), Status.COMPLIANT, id="QD04/2004-last-day"),
        pytest.param(D(2023, 8, 1), Status.WITHIN_GRACE, id="ND33/2023-Art8(1)-university-Art38-grace"),
        pytest.param(D(2025, 7, 1), Status.UNDETERMINED, id="Law80/2025"),
    ],
)
def test_trung_cap_party_secretary_across_regimes(
    engine: Engine, make_cadre: MakeOfficial, as_of: date, status: Status
) -> None:
    """Trung cấp professional and trung cấp LLCT, first appointed at 40 in 2010: fine under QĐ 04/2004; under
    ND 33/2023 Art 8(1) (đại học) the incumbent has until 01/08/2028."""
    cadre = make_cadre(title="commune.bi_thu", birth_date="1970-05-20", appointed_on="2010-06-01", prof="trung_cap")
    assessment = engine.evaluate(cadre, as_of=as_of)
    assert assessment.status is status
    assert assessment.deadline == (GRACE_ND33 if status is Status.WITHIN_GRACE else None)


def test_category_must_match_the_title(engine: Engine, make_cadre: MakeOfficial, get_finding: GetFinding) -> None:
    """A Party secretary recorded as a civil servant: the contradiction is reported, not resolved by guessing."""
    assessment = engine.evaluate(make_cadre(title="commune.bi_thu", category="cong_chuc"), as_of=D(2024, 1, 1))
    found = get_finding(assessment, "CBCC-TITLE")
    assert (found.outcome, found.missing) == (Outcome.UNDETERMINED, ("category",))
    assert assessment.status is Status.UNDETERMINED


def test_art38_grace_follows_the_cadre_post_not_earlier_service() -> None:
    """ND 33/2023 Art 38(1): cadres in office on 01/08/2023. A commune civil servant since 2010 elected chair in 2024
    is a new cadre: the Art 8 standards apply from the election, without the incumbents' grace."""
    engine = Engine(load_registry(load_entry_points=False))
    base = {
        "id": "x",
        "gender": "male",
        "birth_date": "1980-01-01",
        "title": "commune.chu_tich_ubnd",
        "recruited_on": "2010-01-01",
        "qualifications": [
            {"kind": "general_education", "level": "thpt"},
            {"kind": "professional", "level": "trung_cap"},
            {"kind": "political_theory", "level": "trung_cap"},
        ],
    }

    def prof(appointed_on: str) -> Finding:
        a = engine.evaluate(Official.model_validate({**base, "appointed_on": appointed_on}), as_of=date(2024, 6, 1))
        return next(f for f in a.findings if f.rule == "CX-CT-2023-PROF")

    assert prof("2024-03-01").outcome is Outcome.NOT_MET
    assert (prof("2021-06-01").outcome, prof("2021-06-01").deadline) == (Outcome.GRACE, date(2028, 8, 1))


def test_council_chairs_political_theory_is_checked_without_that_notice(
    engine: Engine, make_cadre: MakeOfficial, get_finding: GetFinding
) -> None:
    assessment = engine.evaluate(make_cadre(), as_of=D(2024, 1, 1))
    assert get_finding(assessment, "CX-CT-2023-LLCT").outcome is Outcome.MET
    assert all(f.notice is None for f in assessment.findings)
