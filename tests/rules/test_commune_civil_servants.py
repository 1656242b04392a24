"""Legal cases for commune civil servants (công chức cấp xã), straight from legal-sources.md §0–§1 and §6.

Regimes (§0): TT 06/2012/TT-BNV 15/12/2012 – 24/12/2019; TT 13/2019/TT-BNV 25/12/2019 – 31/07/2023 (amended by
TT 04/2022/TT-BNV from 01/07/2022); ND 33/2023/NĐ-CP Art 10 01/08/2023 – 30/06/2025; from 01/07/2025 no separate
commune civil-servant category (Law 80/2025/QH15, ND 170/2025). Graces: TT 13/2019 → 25/12/2024 (recruited before
25/12/2019, outside difficult areas); ND 33/2023 Art 38(1) → 01/08/2028 (in office on 01/08/2023). Special law:
Luật Hộ tịch Art 72(2), trung cấp luật for Tư pháp – hộ tịch.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cbcc_standards import Action, Assessment, Confidence, Engine, Finding, MinAge, MinLevel, Official, Outcome, Status

D = date
THPT = MinLevel(ladder="general_education", level="thpt")
GRACE_TT13 = D(2024, 12, 25)
GRACE_ND33 = D(2028, 8, 1)

MakeOfficial = Callable[..., Official]
GetFinding = Callable[[Assessment, str], Finding]

TITLE_RULE = "CBCC-TITLE"
COVERAGE = "CBCC-COVERAGE"
TT06 = {"CX-CC-2012-AGE", "CX-CC-2012-EDU", "CX-CC-2012-PROF"}
TT13 = {"CX-CC-2019-AGE", "CX-CC-2019-EDU", "CX-CC-2019-PROF", "CX-CC-2019-IT"}
TT13_TT04 = {"CX-CC-2019-AGE", "CX-CC-2019-EDU", "CX-CC-2019-PROF-TT04", "CX-CC-2019-IT"}
ND33 = {"CX-CC-2023-AGE", "CX-CC-2023-EDU", "CX-CC-2023-PROF"}
ND33_HOTICH = {"CX-CC-2023-AGE", "CX-CC-2023-EDU", "CX-CC-2023-HOTICH"}

CIVIL_SERVANT_TITLES = (
    "commune.truong_cong_an",
    "commune.chi_huy_truong_quan_su",
    "commune.van_phong_thong_ke",
    "commune.dia_chinh",
    "commune.tai_chinh_ke_toan",
    "commune.tu_phap_ho_tich",
    "commune.van_hoa_xa_hoi",
)


def commune(assessment: Assessment) -> list[Finding]:
    """The findings of the commune-official rules (titles, coverage and ``CX-`` standards); rules of other rule sets
    (evaluations, ranks, …) are not this file's subject."""
    return [f for f in assessment.findings if f.rule.startswith("CX-") or f.rule in ("CBCC-TITLE", "CBCC-COVERAGE")]


def rules(assessment: Assessment) -> set[str]:
    return {f.rule for f in commune(assessment)}


def prof_rule(as_of: date) -> str:
    """The code of the professional-level rule in force for an ordinary title on ``as_of``."""
    if as_of < D(2019, 12, 25):
        return "CX-CC-2012-PROF"
    if as_of < D(2022, 7, 1):
        return "CX-CC-2019-PROF"
    if as_of < D(2023, 8, 1):
        return "CX-CC-2019-PROF-TT04"
    return "CX-CC-2023-PROF"


# -- §0: which rules are in force on each regime boundary ---------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "as_of", "expected"),
    [
        pytest.param("commune.tai_chinh_ke_toan", D(2012, 12, 14), {TITLE_RULE, COVERAGE}, id="before-TT06/2012"),
        pytest.param("commune.tai_chinh_ke_toan", D(2012, 12, 15), {TITLE_RULE, *TT06}, id="TT06/2012-first-day"),
        pytest.param("commune.tai_chinh_ke_toan", D(2019, 12, 24), {TITLE_RULE, *TT06}, id="TT06/2012-last-day"),
        pytest.param("commune.tai_chinh_ke_toan", D(2019, 12, 25), {TITLE_RULE, *TT13}, id="TT13/2019-first-day"),
        pytest.param("commune.tai_chinh_ke_toan", D(2022, 6, 30), {TITLE_RULE, *TT13}, id="TT13/2019-before-TT04/2022"),
        pytest.param("commune.tai_chinh_ke_toan", D(2022, 7, 1), {TITLE_RULE, *TT13_TT04}, id="TT04/2022-first-day"),
        pytest.param("commune.tai_chinh_ke_toan", D(2023, 7, 31), {TITLE_RULE, *TT13_TT04}, id="TT13/2019-last-day"),
        pytest.param("commune.tai_chinh_ke_toan", D(2023, 8, 1), {TITLE_RULE, *ND33}, id="ND33/2023-Art10-first-day"),
        pytest.param("commune.tai_chinh_ke_toan", D(2025, 6, 30), {TITLE_RULE, *ND33}, id="ND33/2023-Art10-last-day"),
        pytest.param(
            "commune.tai_chinh_ke_toan",
            D(2025, 7, 1),
            {TITLE_RULE, "CX-CC-2025-AGE", "CX-CC-2025-PROF"},
            id="Law80/2025-read-as-unplaced-civil-servant",
        ),
        pytest.param(
            "commune.tu_phap_ho_tich", D(2015, 12, 31), {TITLE_RULE, *TT06}, id="hotich-before-LuatHoTich-in-force"
        ),
        pytest.param(
            "commune.tu_phap_ho_tich",
            D(2016, 1, 1),
            {TITLE_RULE, *TT06, "CX-HOTICH-2016"},
            id="hotich-LuatHoTich-Art72(2)-in-force",
        ),
        pytest.param(
            "commune.tu_phap_ho_tich",
            D(2022, 6, 30),
            {TITLE_RULE, *TT13, "CX-HOTICH-2016"},
            id="hotich-TT13/2019-university-and-Luat-Ho-tich",
        ),
        pytest.param(
            "commune.tu_phap_ho_tich",
            D(2022, 7, 1),
            {TITLE_RULE, *(TT13_TT04 - {"CX-CC-2019-PROF-TT04"}), "CX-HOTICH-2016"},
            id="hotich-TT04/2022-law-provides-otherwise",
        ),
        pytest.param(
            "commune.tu_phap_ho_tich", D(2023, 8, 1), {TITLE_RULE, *ND33_HOTICH}, id="hotich-ND33/2023-Art10(2)(c)"
        ),
        pytest.param(
            "commune.chi_huy_truong_quan_su",
            D(2023, 8, 1),
            {TITLE_RULE, "CX-CC-2023-QS"},
            id="military-ND33/2023-Art10(1)-specialised-law",
        ),
        pytest.param("commune.truong_cong_an", D(2023, 7, 31), {TITLE_RULE, *TT13_TT04}, id="police-ND92/2009-title"),
        pytest.param("commune.truong_cong_an", D(2023, 8, 1), {TITLE_RULE}, id="police-not-a-title-ND33/2023-Art5"),
    ],
)
def test_rules_in_force_by_regime(
    engine: Engine, make_official: MakeOfficial, title: str, as_of: date, expected: set[str]
) -> None:
    assert rules(engine.evaluate(make_official(title=title), as_of=as_of)) == expected


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(D(2012, 12, 14), Status.UNDETERMINED, id="before-TT06/2012-no-standard-encoded"),
        pytest.param(D(2012, 12, 15), Status.COMPLIANT, id="TT06/2012"),
        pytest.param(D(2019, 12, 24), Status.COMPLIANT, id="TT06/2012-last-day"),
        pytest.param(D(2019, 12, 25), Status.COMPLIANT, id="TT13/2019"),
        pytest.param(D(2022, 7, 1), Status.COMPLIANT, id="TT13/2019-as-amended-TT04/2022"),
        pytest.param(D(2023, 8, 1), Status.COMPLIANT, id="ND33/2023-Art10"),
        pytest.param(D(2025, 6, 30), Status.COMPLIANT, id="ND33/2023-last-day"),
        pytest.param(D(2025, 7, 1), Status.COMPLIANT, id="Law80/2025-CV11-dai-hoc"),
        pytest.param(D(2026, 12, 4), Status.COMPLIANT, id="two-tier-today"),
    ],
)
def test_university_graduate_with_it_certificate(
    engine: Engine, make_official: MakeOfficial, as_of: date, status: Status
) -> None:
    # Recruited before the first date checked (a recruitment after the evaluation date is implausible data).
    assessment = engine.evaluate(make_official(recruited_on="2010-03-01"), as_of=as_of)
    assert assessment.status is status
    assert assessment.deadline is None


@pytest.mark.parametrize(
    ("as_of", "status", "deadline", "prof_outcome"),
    [
        pytest.param(D(2012, 12, 15), Status.COMPLIANT, None, Outcome.MET, id="TT06/2012-Art2-trung-cap-suffices"),
        pytest.param(D(2019, 12, 24), Status.COMPLIANT, None, Outcome.MET, id="TT06/2012-last-day"),
        pytest.param(D(2019, 12, 25), Status.WITHIN_GRACE, GRACE_TT13, Outcome.GRACE, id="TT13/2019-grace-2024"),
        pytest.param(D(2022, 6, 30), Status.WITHIN_GRACE, GRACE_TT13, Outcome.GRACE, id="TT13/2019-before-TT04"),
        pytest.param(D(2022, 7, 1), Status.WITHIN_GRACE, GRACE_TT13, Outcome.GRACE, id="TT13/2019-TT04/2022"),
        pytest.param(D(2023, 7, 31), Status.WITHIN_GRACE, GRACE_TT13, Outcome.GRACE, id="TT13/2019-last-day"),
        pytest.param(D(2023, 8, 1), Status.WITHIN_GRACE, GRACE_ND33, Outcome.GRACE, id="ND33/2023-Art38(1)-2028"),
        pytest.param(D(2025, 6, 30), Status.WITHIN_GRACE, GRACE_ND33, Outcome.GRACE, id="ND33/2023-last-day"),
    ],
)
def test_trung_cap_incumbent_across_regimes(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    as_of: date,
    status: Status,
    deadline: date | None,
    prof_outcome: Outcome,
) -> None:
    """Recruited 01/03/2015 in a plain commune with trung cấp: compliant under TT 06/2012, then within the grace."""
    assessment = engine.evaluate(make_official(prof="trung_cap", recruited_on="2010-03-01"), as_of=as_of)
    assert (assessment.status, assessment.deadline) == (status, deadline)
    assert assessment.action is (Action.TRAIN if status is Status.WITHIN_GRACE else Action.NONE)
    prof = get_finding(assessment, prof_rule(as_of))
    assert (prof.outcome, prof.deadline) == (prof_outcome, deadline)


def test_pre_2025_title_is_read_as_an_unplaced_civil_servant(
    engine: Engine, make_official: MakeOfficial, get_finding: GetFinding
) -> None:
    """Law 80/2025/QH15 ended the separate category, not the post: from 01/07/2025 a roster that still names a commune
    civil-servant title describes a commune civil servant not yet placed in a job position (placement by
    01/07/2027); the finding says so, as information that does not change the status, citing Law 80/2025."""
    assessment = engine.evaluate(make_official(prof="dai_hoc"), as_of=D(2025, 7, 1))
    assert (assessment.status, assessment.action) == (Status.COMPLIANT, Action.NONE)
    title = get_finding(assessment, TITLE_RULE)
    assert (title.outcome, title.missing, title.actual) == (Outcome.MET, (), "commune.cong_chuc")
    assert any(b.document == "Luật Cán bộ, công chức 80/2025/QH15" for b in title.basis)
    assert "01/07/2027" in title.message.vi
    assert assessment.title == "commune.tai_chinh_ke_toan"  # the report keeps what the roster says


@pytest.mark.parametrize("title", CIVIL_SERVANT_TITLES)
@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(D(2025, 6, 30), None, id="2025-06-30"),
        pytest.param(D(2025, 7, 1), Status.COMPLIANT, id="2025-07-01-Law80/2025"),
        pytest.param(D(2026, 1, 1), Status.COMPLIANT, id="2026-01-01-Law80/2025"),
    ],
)
def test_every_title_after_the_category_ends(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    title: str,
    as_of: date,
    status: Status | None,
) -> None:
    assessment = engine.evaluate(make_official(title=title), as_of=as_of)
    found = get_finding(assessment, TITLE_RULE)
    if title == "commune.truong_cong_an":  # gone since 01/08/2023 (ND 33/2023 Art 5; commune police are regular police)
        assert (found.outcome, found.missing) == (Outcome.UNDETERMINED, ("title",))
    elif status is None:  # 30/06/2025: every other title still exists
        assert found.outcome is Outcome.MET
    elif title == "commune.chi_huy_truong_quan_su":  # continues; its standard is the Law on Militia's [L]
        assert found.outcome is Outcome.MET
        assert rules(assessment) == {TITLE_RULE, "CX-QS-2025"}
        assert get_finding(assessment, "CX-QS-2025").provisional
    else:  # read as an unplaced commune civil servant, held to §9.1
        assert (found.outcome, found.actual) == (Outcome.MET, "commune.cong_chuc")
        assert rules(assessment) == {TITLE_RULE, "CX-CC-2025-AGE", "CX-CC-2025-PROF"}
        assert assessment.status is status


# -- TT 13/2019 grace: recruited before 25/12/2019, outside difficult-area communes → 25/12/2024 ------------------


@pytest.mark.parametrize(
    ("fields", "as_of", "outcome", "deadline", "missing"),
    [
        pytest.param(
            {"recruited_on": "2019-12-24"}, D(2019, 12, 25), Outcome.GRACE, GRACE_TT13, (), id="recruited-24/12/2019"
        ),
        pytest.param(
            {"recruited_on": "24/12/2019"}, D(2023, 7, 31), Outcome.GRACE, GRACE_TT13, (), id="recruited-dd/mm/yyyy"
        ),
        pytest.param(
            {"recruited_on": "2019-12-25"}, D(2020, 6, 1), Outcome.NOT_MET, None, (), id="recruited-25/12/2019-no-grace"
        ),
        pytest.param(
            {"recruited_on": "2021-03-01"}, D(2021, 6, 1), Outcome.NOT_MET, None, (), id="recruited-2021-no-grace"
        ),
        # The grace excludes only the communes where the province accepts trung cấp (TT 13/2019 Art 1(1)(c), issue of
        # the audit): with no provincial delegation, a difficult-area flag alone does not take the grace away.
        pytest.param(
            {"unit": "T.H.MOUNTAIN"}, D(2021, 6, 1), Outcome.GRACE, GRACE_TT13, (), id="mountain-commune-grace"
        ),
        pytest.param({"unit": "T.H.ISLAND"}, D(2021, 6, 1), Outcome.GRACE, GRACE_TT13, (), id="island-commune-grace"),
        pytest.param({"unit": "T.H.UNLISTED"}, D(2021, 6, 1), Outcome.GRACE, GRACE_TT13, (), id="border-commune-grace"),
        pytest.param(
            {"unit": "T.H.UNKNOWN"}, D(2021, 6, 1), Outcome.GRACE, GRACE_TT13, (), id="unit-unknown-no-delegation-grace"
        ),
        pytest.param(
            {"unit": None}, D(2021, 6, 1), Outcome.GRACE, GRACE_TT13, (), id="unit-missing-no-delegation-grace"
        ),
        pytest.param(
            {"unit": "T.H.UNKNOWN", "recruited_on": "2020-02-01"},
            D(2021, 6, 1),
            Outcome.NOT_MET,
            None,
            (),
            id="unit-unknown-but-recruited-after-no-grace-anyway",
        ),
        pytest.param(
            {"recruited_on": None},
            D(2021, 6, 1),
            Outcome.UNDETERMINED,
            None,
            ("recruited_on",),
            id="recruitment-date-missing",
        ),
        pytest.param(
            {"prof": "cao_dang"}, D(2021, 6, 1), Outcome.GRACE, GRACE_TT13, (), id="cao-dang-lacks-university"
        ),
        pytest.param({"prof": "so_cap"}, D(2021, 6, 1), Outcome.GRACE, GRACE_TT13, (), id="so-cap-lacks-university"),
        pytest.param({"prof": None}, D(2021, 6, 1), Outcome.GRACE, GRACE_TT13, (), id="no-degree-lacks-university"),
        pytest.param({"prof": "dai_hoc"}, D(2021, 6, 1), Outcome.MET, None, (), id="dai-hoc-meets"),
        pytest.param({"prof": "Thạc sĩ"}, D(2021, 6, 1), Outcome.MET, None, (), id="thac-si-higher-meets"),
        pytest.param(
            {"prof": "ĐH", "unit": "T.H.MOUNTAIN", "recruited_on": "2021-01-01"},
            D(2021, 6, 1),
            Outcome.MET,
            None,
            (),
            id="dai-hoc-meets-anywhere",
        ),
    ],
)
def test_tt13_2019_university_standard_and_grace(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    fields: dict[str, Any],
    as_of: date,
    outcome: Outcome,
    deadline: date | None,
    missing: tuple[str, ...],
) -> None:
    official = make_official(**({"prof": "trung_cap"} | fields))
    prof = get_finding(engine.evaluate(official, as_of=as_of), prof_rule(as_of))
    assert (prof.outcome, prof.deadline, prof.missing) == (outcome, deadline, missing)
    if outcome in (Outcome.GRACE, Outcome.NOT_MET):
        assert prof.required == MinLevel(ladder="professional", level="dai_hoc")
    if outcome is Outcome.GRACE:  # the grace rests on a secondary source, and the finding says so
        assert any(b.document == "Thông tư 13/2019/TT-BNV" and b.confidence is Confidence.SECONDARY for b in prof.basis)


def test_tt13_2019_grace_gives_train_action_with_deadline(engine: Engine, make_official: MakeOfficial) -> None:
    assessment = engine.evaluate(make_official(prof="trung_cap", recruited_on="15/06/2010"), as_of=D(2021, 12, 31))
    assert (assessment.status, assessment.action, assessment.deadline) == (
        Status.WITHIN_GRACE,
        Action.TRAIN,
        GRACE_TT13,
    )


@pytest.mark.parametrize(
    ("province", "prof", "unit", "outcome", "deadline", "missing"),
    [
        # No province: a difficult-area flag alone leaves the grace (the audit's case: mountain commune, 2015 recruit).
        pytest.param(False, "trung_cap", "T.H.MOUNTAIN", Outcome.GRACE, GRACE_TT13, (), id="national-mountain"),
        pytest.param(False, "so_cap", "T.H.MOUNTAIN", Outcome.GRACE, GRACE_TT13, (), id="national-mountain-so-cap"),
        # Province TEST lists MOUNTAIN: there trung cấp is met, and a lower level has no grace.
        pytest.param(True, "trung_cap", "T.H.MOUNTAIN", Outcome.MET, None, (), id="listed-trung-cap-met"),
        pytest.param(True, "so_cap", "T.H.MOUNTAIN", Outcome.NOT_MET, None, (), id="listed-so-cap-no-grace"),
        # A flagged commune missing from the province's list keeps the grace.
        pytest.param(True, "trung_cap", "T.H.UNLISTED", Outcome.GRACE, GRACE_TT13, (), id="unlisted-flagged-grace"),
        # Listed but carrying no difficult-area flag: not covered, the grace applies.
        pytest.param(True, "trung_cap", "T.H.PLAIN", Outcome.GRACE, GRACE_TT13, (), id="listed-plain-grace"),
        # With a delegation in force, an unknown unit could be a listed one: undecidable.
        pytest.param(True, "trung_cap", "T.H.UNKNOWN", Outcome.UNDETERMINED, None, ("unit",), id="unit-unknown"),
    ],
)
def test_tt13_2019_grace_is_excluded_only_where_the_province_accepts_trung_cap(
    engine: Engine,
    province_engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    province: bool,
    prof: str,
    unit: str,
    outcome: Outcome,
    deadline: date | None,
    missing: tuple[str, ...],
) -> None:
    """TT 13/2019 grace [M]: recruited before 25/12/2019, "outside the difficult-area list" — the province's list of
    communes where trung cấp is allowed (legal-sources.md §0, §1.2, §8.7), not any area flag."""
    official = make_official(prof=prof, unit=unit, recruited_on="2015-03-01")
    found = get_finding(
        (province_engine if province else engine).evaluate(official, as_of=D(2021, 6, 1)), "CX-CC-2019-PROF"
    )
    assert (found.outcome, found.deadline, found.missing) == (outcome, deadline, missing)


# -- ND 33/2023 Art 38(1): in office on 01/08/2023 → 01/08/2028 --------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "rule", "outcome", "deadline", "missing"),
    [
        pytest.param(
            {"recruited_on": "2023-08-01"},
            "CX-CC-2023-PROF",
            Outcome.GRACE,
            GRACE_ND33,
            (),
            id="Art38(1)-in-office-on-01/08/2023",
        ),
        pytest.param(
            {"recruited_on": "2023-08-02"},
            "CX-CC-2023-PROF",
            Outcome.NOT_MET,
            None,
            (),
            id="Art38(1)-recruited-02/08/2023-no-grace",
        ),
        pytest.param(
            {"recruited_on": "2024-03-01"},
            "CX-CC-2023-PROF",
            Outcome.NOT_MET,
            None,
            (),
            id="Art38(1)-recruited-2024-no-grace",
        ),
        pytest.param(
            {"recruited_on": "2020-06-01"},
            "CX-CC-2023-PROF",
            Outcome.GRACE,
            GRACE_ND33,
            (),
            id="Art38(1)-recruited-after-25/12/2019-still-in-office",
        ),
        pytest.param(
            {"unit": "T.H.MOUNTAIN"},
            "CX-CC-2023-PROF",
            Outcome.GRACE,
            GRACE_ND33,
            (),
            id="Art38(1)-applies-in-difficult-areas-too",
        ),
        pytest.param(
            {"unit": "T.H.UNKNOWN"},
            "CX-CC-2023-PROF",
            Outcome.GRACE,
            GRACE_ND33,
            (),
            id="Art38(1)-does-not-depend-on-the-unit",
        ),
        pytest.param(
            {"recruited_on": None},
            "CX-CC-2023-PROF",
            Outcome.UNDETERMINED,
            None,
            ("recruited_on",),
            id="Art38(1)-recruitment-date-missing",
        ),
        pytest.param(
            {"edu": "9/12", "prof": "dai_hoc"},
            "CX-CC-2023-EDU",
            Outcome.GRACE,
            GRACE_ND33,
            (),
            id="Art10(2)-THPT-Art38(1)-grace",
        ),
        pytest.param(
            {"edu": "9/12", "prof": "dai_hoc", "recruited_on": "2024-01-02"},
            "CX-CC-2023-EDU",
            Outcome.NOT_MET,
            None,
            (),
            id="Art10(2)-THPT-recruited-after",
        ),
        pytest.param(
            {"prof": "dai_hoc", "recruited_on": "2024-01-02"},
            "CX-CC-2023-PROF",
            Outcome.MET,
            None,
            (),
            id="Art10(2)-dai-hoc-meets",
        ),
    ],
)
def test_nd33_2023_art10_and_art38_grace(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    fields: dict[str, Any],
    rule: str,
    outcome: Outcome,
    deadline: date | None,
    missing: tuple[str, ...],
) -> None:
    official = make_official(**({"prof": "trung_cap"} | fields))
    found = get_finding(engine.evaluate(official, as_of=D(2024, 6, 1)), rule)
    assert (found.outcome, found.deadline, found.missing) == (outcome, deadline, missing)
    if outcome is Outcome.GRACE:
        assert any(b.document == "Nghị định 33/2023/NĐ-CP" and b.article == "38" for b in found.basis)


def test_tt13_2019_has_no_grace_for_thpt(engine: Engine, make_official: MakeOfficial, get_finding: GetFinding) -> None:
    """TT 13/2019's grace is for the university standard only: a THCS incumbent is not_met (replace)."""
    assessment = engine.evaluate(make_official(edu="9/12"), as_of=D(2021, 6, 1))
    assert get_finding(assessment, "CX-CC-2019-EDU").outcome is Outcome.NOT_MET
    assert assessment.action is Action.REPLACE


# -- Delegated trung cấp exception (TT 13/2019 Art 1(1); ND 33/2023 Art 10(3)) -------------------------------------


@pytest.mark.parametrize(
    ("province", "fields", "as_of", "outcome", "missing"),
    [
        pytest.param(
            True, {"unit": "T.H.MOUNTAIN"}, D(2021, 6, 1), Outcome.MET, (), id="TT13-province-exception-mountain"
        ),
        pytest.param(True, {"unit": "T.H.ISLAND"}, D(2021, 6, 1), Outcome.MET, (), id="TT13-province-exception-island"),
        pytest.param(
            True, {"unit": "T.H.HIGHLAND"}, D(2022, 7, 1), Outcome.MET, (), id="TT13+TT04-province-exception-highland"
        ),
        pytest.param(
            True, {"unit": "T.H.MOUNTAIN"}, D(2024, 1, 1), Outcome.MET, (), id="ND33-Art10(3)-province-exception"
        ),
        pytest.param(
            False,
            {"unit": "T.H.MOUNTAIN"},
            D(2021, 6, 1),
            Outcome.NOT_MET,
            (),
            id="TT13-exception-needs-the-province",
        ),
        pytest.param(
            False,
            {"unit": "T.H.MOUNTAIN"},
            D(2024, 1, 1),
            Outcome.NOT_MET,
            (),
            id="ND33-exception-needs-the-province",
        ),
        pytest.param(
            True, {"unit": "T.H.PLAIN"}, D(2021, 6, 1), Outcome.NOT_MET, (), id="exception-only-in-difficult-areas"
        ),
        pytest.param(
            True,
            {"unit": "T.H.UNLISTED"},
            D(2021, 6, 1),
            Outcome.NOT_MET,
            (),
            id="exception-only-in-communes-the-province-lists",
        ),
        pytest.param(
            True,
            {"unit": "T.H.MOUNTAIN", "prof": "so_cap"},
            D(2021, 6, 1),
            Outcome.NOT_MET,
            (),
            id="exception-is-trung-cap-not-lower",
        ),
        pytest.param(
            True,
            {"unit": "T.H.MOUNTAIN", "recruited_on": "2019-12-26"},
            D(2019, 12, 31),
            Outcome.NOT_MET,
            (),
            id="exception-not-before-the-provincial-decision",
        ),
        pytest.param(
            True,
            {"unit": "T.H.UNKNOWN"},
            D(2021, 6, 1),
            Outcome.UNDETERMINED,
            ("unit",),
            id="exception-unit-unknown",
        ),
        pytest.param(
            True,
            {"unit": "T.H.UNKNOWN", "recruited_on": "2015-03-01"},
            D(2024, 1, 1),
            Outcome.UNDETERMINED,
            ("unit",),
            id="ND33-unit-unknown-met-or-grace-undecidable",
        ),
        pytest.param(
            True,
            {"unit": "T.H.UNKNOWN", "recruited_on": None},
            D(2024, 1, 1),
            Outcome.UNDETERMINED,
            ("unit", "recruited_on"),
            id="ND33-unit-and-recruitment-date-unknown",
        ),
        pytest.param(
            False,
            {"unit": "T.H.UNKNOWN", "recruited_on": "2015-03-01"},
            D(2024, 1, 1),
            Outcome.GRACE,
            (),
            id="ND33-no-exception-unit-irrelevant-Art38-grace",
        ),
    ],
)
def test_delegated_trung_cap_exception(
    engine: Engine,
    province_engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    province: bool,
    fields: dict[str, Any],
    as_of: date,
    outcome: Outcome,
    missing: tuple[str, ...],
) -> None:
    """A trung cấp holder recruited after the grace cut-offs (TT 13/2019: 25/12/2019; ND 33/2023 Art 38: 01/08/2023),
    so that only the provincial exception can make the standard met."""
    recruited = "2023-08-02" if as_of >= D(2023, 8, 1) else "2020-06-01"
    official = make_official(**({"prof": "trung_cap", "recruited_on": recruited} | fields))
    assessment = (province_engine if province else engine).evaluate(official, as_of=as_of)
    prof = get_finding(assessment, prof_rule(as_of))
    assert (prof.outcome, prof.missing) == (outcome, missing)
    if outcome is Outcome.MET:
        assert prof.required == MinLevel(ladder="professional", level="trung_cap")
        assert prof.basis[-1].document == "Quyết định 99/2020/QĐ-UBND tỉnh TEST (test)"
        assert assessment.status is Status.COMPLIANT


def test_delegation_does_not_reach_other_standards(province_engine: Engine, make_official: MakeOfficial) -> None:
    """The province may lower only the professional level: THPT and (TT 13/2019) the IT certificate still bind."""
    official = make_official(prof="trung_cap", it=None, unit="T.H.MOUNTAIN", recruited_on="2020-06-01")
    assessment = province_engine.evaluate(official, as_of=D(2021, 6, 1))
    outcomes = {f.rule: f.outcome for f in assessment.findings}
    assert outcomes["CX-CC-2019-PROF"] is Outcome.MET
    assert outcomes["CX-CC-2019-IT"] is Outcome.NOT_MET
    assert assessment.status is Status.NON_COMPLIANT


# -- Tư pháp – hộ tịch: Luật Hộ tịch 2014 Art 72(2), trung cấp luật ------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "as_of", "rule", "outcome", "deadline", "missing"),
    [
        pytest.param(
            {"prof": "trung_cap", "field": "luật"},
            D(2024, 1, 1),
            "CX-CC-2023-HOTICH",
            Outcome.MET,
            None,
            (),
            id="ND33-Art10(2)(c)-trung-cap-luat",
        ),
        pytest.param(
            {"prof": "Trung cấp", "field": "Luật"},
            D(2024, 1, 1),
            "CX-CC-2023-HOTICH",
            Outcome.MET,
            None,
            (),
            id="trung-cap-Luat-capitalised",
        ),
        pytest.param(
            {"prof": "trung_cap", "field": "luat"},
            D(2024, 1, 1),
            "CX-CC-2023-HOTICH",
            Outcome.MET,
            None,
            (),
            id="field-without-diacritics",
        ),
        pytest.param(
            {"prof": "dai_hoc", "field": "Luật kinh tế"},
            D(2024, 1, 1),
            "CX-CC-2023-HOTICH",
            Outcome.MET,
            None,
            (),
            id="dai-hoc-luat-kinh-te",
        ),
        pytest.param(
            {"prof": "dai_hoc", "field": "kế toán", "recruited_on": "2024-01-01"},
            D(2024, 6, 1),
            "CX-CC-2023-HOTICH",
            Outcome.NOT_MET,
            None,
            (),
            id="dai-hoc-not-in-law-recruited-after-01/08/2023",
        ),
        pytest.param(
            {"prof": "dai_hoc", "field": "kế toán"},
            D(2024, 6, 1),
            "CX-CC-2023-HOTICH",
            Outcome.GRACE,
            GRACE_ND33,
            (),
            id="dai-hoc-not-in-law-Art38(1)-grace",
        ),
        pytest.param(
            {"prof": "so_cap", "field": "luật", "recruited_on": "2024-01-01"},
            D(2024, 6, 1),
            "CX-CC-2023-HOTICH",
            Outcome.NOT_MET,
            None,
            (),
            id="so-cap-luat-below-trung-cap",
        ),
        pytest.param(
            {"prof": "trung_cap", "field": None},
            D(2024, 1, 1),
            "CX-CC-2023-HOTICH",
            Outcome.UNDETERMINED,
            None,
            ("qualifications.field",),
            id="field-unknown-undetermined",
        ),
        pytest.param(
            {"prof": "trung_cap", "field": None},
            D(2021, 1, 1),
            "CX-HOTICH-2016",
            Outcome.UNDETERMINED,
            None,
            ("qualifications.field",),
            id="field-unknown-undetermined-2021",
        ),
        pytest.param(
            {"prof": "dai_hoc", "field": "kế toán"},
            D(2016, 1, 1),
            "CX-HOTICH-2016",
            Outcome.NOT_MET,
            None,
            (),
            id="LuatHoTich-Art72(2)-from-01/01/2016",
        ),
        pytest.param(
            {"prof": "trung_cap", "field": "luật"},
            D(2022, 6, 30),
            "CX-CC-2019-PROF",
            Outcome.GRACE,
            GRACE_TT13,
            (),
            id="TT13-before-TT04-university-still-required",
        ),
        pytest.param(
            {"prof": "trung_cap", "field": "luật"},
            D(2022, 7, 1),
            "CX-HOTICH-2016",
            Outcome.MET,
            None,
            (),
            id="TT04/2022-law-provides-otherwise",
        ),
        pytest.param(
            {"prof": "dai_hoc", "field": "quản trị kinh doanh"},
            D(2022, 7, 1),
            "CX-HOTICH-2016",
            Outcome.NOT_MET,
            None,
            (),
            id="TT04/2022-university-in-another-field-not-met",
        ),
    ],
)
def test_civil_status_officer(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    fields: dict[str, Any],
    as_of: date,
    rule: str,
    outcome: Outcome,
    deadline: date | None,
    missing: tuple[str, ...],
) -> None:
    official = make_official(**({"title": "commune.tu_phap_ho_tich"} | fields))
    found = get_finding(engine.evaluate(official, as_of=as_of), rule)
    assert (found.outcome, found.deadline, found.missing) == (outcome, deadline, missing)
    if outcome in (Outcome.MET, Outcome.NOT_MET, Outcome.GRACE) and rule != "CX-CC-2019-PROF":
        assert found.required == MinLevel(ladder="professional", level="trung_cap", field="luat")
        assert any(b.document == "Luật Hộ tịch 60/2014/QH13" and b.article == "72" for b in found.basis)


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(D(2022, 6, 30), Status.WITHIN_GRACE, id="TT13/2019-university-grace"),
        pytest.param(D(2022, 7, 1), Status.COMPLIANT, id="TT04/2022-trung-cap-luat-suffices"),
        pytest.param(D(2023, 8, 1), Status.COMPLIANT, id="ND33/2023-Art10(2)(c)"),
    ],
)
def test_civil_status_officer_with_trung_cap_luat(
    engine: Engine, make_official: MakeOfficial, as_of: date, status: Status
) -> None:
    official = make_official(title="commune.tu_phap_ho_tich", prof="trung_cap", field="luật")
    assert engine.evaluate(official, as_of=as_of).status is status


def test_civil_status_officer_title_by_vietnamese_name(engine: Engine) -> None:
    """Roster rows may name the title in Vietnamese; the engine resolves it through the catalogue."""
    row = {
        "id": "HT-1",
        "gender": "Nữ",
        "birth_date": "03/1990",
        "category": "Công chức",
        "title": "Tư pháp - hộ tịch",
        "unit": "T.H.PLAIN",
        "recruited_on": "2016",
        "qualifications": [
            {"kind": "general_education", "level": "12/12"},
            {"kind": "professional", "level": "Trung cấp", "field": "Luật"},
        ],
    }
    (assessment,) = engine.evaluate_roster([row], as_of=D(2024, 1, 1))
    assert isinstance(assessment, Assessment)
    assert assessment.title == "commune.tu_phap_ho_tich"
    assert assessment.status is Status.COMPLIANT
    assert "CX-CC-2023-HOTICH" in rules(assessment)


# -- Trưởng Công an xã: not a title from 01/08/2023 (ND 33/2023 Art 5) ---------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        pytest.param(D(2023, 7, 31), Status.COMPLIANT, id="ND92/2009-Art3-still-a-title"),
        pytest.param(D(2023, 8, 1), Status.UNDETERMINED, id="ND33/2023-Art5-no-longer-a-title"),
        pytest.param(D(2024, 12, 31), Status.UNDETERMINED, id="ND33/2023-Art5-2024"),
    ],
)
def test_commune_police_chief(
    engine: Engine, make_official: MakeOfficial, get_finding: GetFinding, as_of: date, status: Status
) -> None:
    assessment = engine.evaluate(make_official(title="commune.truong_cong_an"), as_of=as_of)
    assert assessment.status is status
    title = get_finding(assessment, TITLE_RULE)
    if status is Status.UNDETERMINED:
        assert assessment.action is Action.PROVIDE_DATA
        assert (title.outcome, title.missing) == (Outcome.UNDETERMINED, ("title",))
        assert any(b.document == "Nghị định 33/2023/NĐ-CP" and b.article == "5" for b in title.basis)
        assert rules(assessment) == {TITLE_RULE}  # no standard is guessed for a post that no longer exists
    else:
        assert title.outcome is Outcome.MET


def test_police_chief_lacking_degree_is_not_replaced_after_2023(engine: Engine, make_official: MakeOfficial) -> None:
    """Without a title there is no standard to fail: undetermined, never non-compliant nor compliant."""
    official = make_official(title="commune.truong_cong_an", prof="so_cap", edu="9/12", it=None)
    assert engine.evaluate(official, as_of=D(2023, 7, 31)).status is Status.NON_COMPLIANT
    assert engine.evaluate(official, as_of=D(2023, 8, 1)).status is Status.UNDETERMINED


def test_military_commander_is_provisional_under_nd33(
    engine: Engine, make_official: MakeOfficial, get_finding: GetFinding
) -> None:
    """ND 33/2023 Art 10(1): per the specialised military law, no education standard confirmed [L]."""
    assessment = engine.evaluate(make_official(title="commune.chi_huy_truong_quan_su"), as_of=D(2024, 1, 1))
    qs = get_finding(assessment, "CX-CC-2023-QS")
    assert (qs.outcome, qs.provisional) == (Outcome.UNDETERMINED, True)
    assert assessment.status is Status.UNDETERMINED


# -- IT certificate: TT 13/2019 only ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("it", "as_of", "it_outcome", "status"),
    [
        pytest.param(None, D(2019, 12, 24), None, Status.COMPLIANT, id="TT06/2012-IT-not-encoded-[L]"),
        pytest.param(None, D(2019, 12, 25), Outcome.NOT_MET, Status.NON_COMPLIANT, id="TT13/2019-IT-required"),
        pytest.param(None, D(2023, 7, 31), Outcome.NOT_MET, Status.NON_COMPLIANT, id="TT13/2019-IT-last-day"),
        pytest.param(None, D(2023, 8, 1), None, Status.COMPLIANT, id="ND33/2023-no-IT-certificate"),
        pytest.param("co_ban", D(2021, 1, 1), Outcome.MET, Status.COMPLIANT, id="TT13/2019-basic-IT"),
        pytest.param("tin học cơ bản", D(2021, 1, 1), Outcome.MET, Status.COMPLIANT, id="TT13/2019-tin-hoc-co-ban"),
        pytest.param("Nâng cao", D(2021, 1, 1), Outcome.MET, Status.COMPLIANT, id="TT13/2019-advanced-IT"),
    ],
)
def test_it_certificate_under_tt13_2019_only(
    engine: Engine,
    make_official: MakeOfficial,
    it: str | None,
    as_of: date,
    it_outcome: Outcome | None,
    status: Status,
) -> None:
    assessment = engine.evaluate(make_official(it=it), as_of=as_of)
    by_rule = {f.rule: f for f in assessment.findings}
    if it_outcome is None:
        assert not any(code.endswith("-IT") for code in by_rule)
    else:
        assert by_rule["CX-CC-2019-IT"].outcome is it_outcome
        assert by_rule["CX-CC-2019-IT"].deadline is None  # the TT 13/2019 grace covers the university standard only
    assert assessment.status is status


# -- Age ≥ 18 --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth_date", "as_of", "rule", "outcome", "actual"),
    [
        pytest.param("2001-12-25", D(2019, 12, 24), "CX-CC-2012-AGE", Outcome.NOT_MET, "17", id="TT06-17-years"),
        pytest.param("2001-12-24", D(2019, 12, 24), "CX-CC-2012-AGE", Outcome.MET, "18", id="TT06-18th-birthday"),
        pytest.param("2001-12-25", D(2019, 12, 25), "CX-CC-2019-AGE", Outcome.MET, "18", id="TT13-18th-birthday"),
        pytest.param("2002-01-01", D(2019, 12, 25), "CX-CC-2019-AGE", Outcome.NOT_MET, "17", id="TT13-17-years"),
        pytest.param("29/02/2004", D(2022, 2, 28), "CX-CC-2019-AGE", Outcome.MET, "18", id="born-29-Feb-turns-18"),
        pytest.param("29/02/2004", D(2022, 2, 27), "CX-CC-2019-AGE", Outcome.NOT_MET, "17", id="born-29-Feb-17"),
        pytest.param("2005-08-01", D(2023, 8, 1), "CX-CC-2023-AGE", Outcome.MET, "18", id="ND33-18th-birthday"),
        pytest.param("2005-08-02", D(2023, 8, 1), "CX-CC-2023-AGE", Outcome.NOT_MET, "17", id="ND33-17-years"),
        pytest.param("2007", D(2025, 1, 1), "CX-CC-2023-AGE", Outcome.MET, "18", id="year-only-means-01/01"),
        pytest.param("12/2006", D(2024, 11, 30), "CX-CC-2023-AGE", Outcome.NOT_MET, "17", id="month-year-means-1st"),
        pytest.param("12/2006", D(2024, 12, 1), "CX-CC-2023-AGE", Outcome.MET, "18", id="month-year-18-on-the-1st"),
        pytest.param("1962-01-01", D(2024, 1, 1), "CX-CC-2023-AGE", Outcome.MET, "62", id="no-upper-age-limit"),
    ],
)
def test_age_at_least_18(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    birth_date: str,
    as_of: date,
    rule: str,
    outcome: Outcome,
    actual: str,
) -> None:
    age = get_finding(engine.evaluate(make_official(birth_date=birth_date), as_of=as_of), rule)
    assert (age.outcome, age.required, age.actual) == (outcome, MinAge(years=18), int(actual))


# -- THPT ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edu", "outcome", "actual"),
    [
        pytest.param("12/12", Outcome.MET, "thpt", id="12/12"),
        pytest.param("10/10", Outcome.MET, "thpt", id="old-northern-10/10"),
        pytest.param("THPT", Outcome.MET, "thpt", id="THPT"),
        pytest.param("Trung học phổ thông", Outcome.MET, "thpt", id="Trung-hoc-pho-thong"),
        pytest.param("cấp 3", Outcome.MET, "thpt", id="cap-3"),
        pytest.param("9/12", Outcome.NOT_MET, "thcs", id="9/12-is-THCS"),
        pytest.param("7/10", Outcome.NOT_MET, "thcs", id="old-northern-7/10-is-THCS"),
        pytest.param("THCS", Outcome.NOT_MET, "thcs", id="THCS"),
        pytest.param(None, Outcome.NOT_MET, None, id="none-listed-is-not-held"),
    ],
)
@pytest.mark.parametrize(
    ("as_of", "rule"),
    [
        pytest.param(D(2015, 1, 1), "CX-CC-2012-EDU", id="TT06/2012-Art2"),
        pytest.param(D(2021, 1, 1), "CX-CC-2019-EDU", id="TT13/2019-Art1(1)"),
        pytest.param(D(2024, 1, 1), "CX-CC-2023-EDU", id="ND33/2023-Art10(2)"),
    ],
)
def test_upper_secondary(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    edu: str | None,
    outcome: Outcome,
    actual: str | None,
    as_of: date,
    rule: str,
) -> None:
    official = make_official(edu=edu, recruited_on="2023-09-01" if as_of.year == 2024 else "2012-01-01")
    found = get_finding(engine.evaluate(official, as_of=as_of), rule)
    assert (found.outcome, found.required, found.actual) == (outcome, THPT, actual)


# -- Missing data → undetermined, naming the field -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "as_of", "rule", "missing"),
    [
        pytest.param({"birth_date": None}, D(2015, 1, 1), "CX-CC-2012-AGE", ("birth_date",), id="TT06-birth-date"),
        pytest.param({"birth_date": None}, D(2021, 1, 1), "CX-CC-2019-AGE", ("birth_date",), id="TT13-birth-date"),
        pytest.param({"birth_date": None}, D(2024, 1, 1), "CX-CC-2023-AGE", ("birth_date",), id="ND33-birth-date"),
        pytest.param(
            {"qualifications": None}, D(2015, 1, 1), "CX-CC-2012-PROF", ("qualifications",), id="TT06-record-unknown"
        ),
        pytest.param(
            {"qualifications": None}, D(2021, 1, 1), "CX-CC-2019-EDU", ("qualifications",), id="TT13-edu-unknown"
        ),
        pytest.param(
            {"qualifications": None}, D(2021, 1, 1), "CX-CC-2019-IT", ("qualifications",), id="TT13-it-unknown"
        ),
        pytest.param(
            {"qualifications": None}, D(2024, 1, 1), "CX-CC-2023-PROF", ("qualifications",), id="ND33-prof-unknown"
        ),
        pytest.param(
            {"prof": "trung_cap", "recruited_on": None},
            D(2021, 1, 1),
            "CX-CC-2019-PROF",
            ("recruited_on",),
            id="TT13-grace-needs-recruitment-date",
        ),
        pytest.param({"title": None}, D(2024, 1, 1), TITLE_RULE, ("title",), id="title-missing"),
        pytest.param({"title": "commune.khong_co"}, D(2024, 1, 1), TITLE_RULE, ("title",), id="title-unknown"),
        pytest.param({"category": "can_bo"}, D(2024, 1, 1), TITLE_RULE, ("category",), id="category-contradicts-title"),
    ],
)
def test_missing_data_is_undetermined_and_named(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    fields: dict[str, Any],
    as_of: date,
    rule: str,
    missing: tuple[str, ...],
) -> None:
    assessment = engine.evaluate(make_official(**fields), as_of=as_of)
    found = get_finding(assessment, rule)
    assert (found.outcome, found.missing) == (Outcome.UNDETERMINED, missing)
    for name in missing:
        assert name in found.message.en.lower()
    assert (assessment.status, assessment.action) == (Status.UNDETERMINED, Action.PROVIDE_DATA)


def test_unknown_record_is_never_a_pass(engine: Engine, make_official: MakeOfficial) -> None:
    """qualifications=None is an unknown record: every qualification rule says so, none passes or fails."""
    assessment = engine.evaluate(make_official(qualifications=None), as_of=D(2021, 1, 1))
    outcomes = {f.rule: (f.outcome, f.missing) for f in commune(assessment)}
    assert outcomes == {
        TITLE_RULE: (Outcome.MET, ()),
        "CX-CC-2019-AGE": (Outcome.MET, ()),
        "CX-CC-2019-EDU": (Outcome.UNDETERMINED, ("qualifications",)),
        "CX-CC-2019-PROF": (Outcome.UNDETERMINED, ("qualifications",)),
        "CX-CC-2019-IT": (Outcome.UNDETERMINED, ("qualifications",)),
    }


def test_empty_record_is_a_record(engine: Engine, make_official: MakeOfficial) -> None:
    """An empty qualification list is the record: nothing held, so the standards are not met (no grace for THPT)."""
    assessment = engine.evaluate(make_official(qualifications=[], recruited_on="2021-01-01"), as_of=D(2021, 6, 1))
    assert {f.outcome for f in commune(assessment) if f.rule != TITLE_RULE and not f.rule.endswith("AGE")} == {
        Outcome.NOT_MET
    }
    assert assessment.status is Status.NON_COMPLIANT


def test_a_failed_standard_outranks_missing_data(engine: Engine, make_official: MakeOfficial) -> None:
    """Status precedence: a not_met finding makes the official non_compliant even when other data are missing."""
    assessment = engine.evaluate(make_official(birth_date=None, edu="9/12"), as_of=D(2024, 1, 1))
    outcomes = {f.rule: f.outcome for f in assessment.findings}
    assert outcomes["CX-CC-2023-AGE"] is Outcome.UNDETERMINED
    assert outcomes["CX-CC-2023-EDU"] is Outcome.GRACE
    assert assessment.status is Status.WITHIN_GRACE
    later = engine.evaluate(make_official(birth_date=None, edu="9/12", recruited_on="2024-01-01"), as_of=D(2024, 6, 1))
    assert later.status is Status.NON_COMPLIANT


# -- Every finding cites its law -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "rule", "document", "article", "clause"),
    [
        pytest.param(D(2015, 1, 1), "CX-CC-2012-PROF", "Thông tư 06/2012/TT-BNV", "2", None, id="TT06/2012-Art2"),
        pytest.param(D(2021, 1, 1), "CX-CC-2019-PROF", "Thông tư 13/2019/TT-BNV", "1", "1", id="TT13/2019-Art1(1)"),
        pytest.param(D(2021, 1, 1), "CX-CC-2019-IT", "Thông tư 13/2019/TT-BNV", "1", "1", id="TT13/2019-IT"),
        pytest.param(D(2024, 1, 1), "CX-CC-2023-PROF", "Nghị định 33/2023/NĐ-CP", "10", "2", id="ND33/2023-Art10(2)"),
        pytest.param(D(2024, 1, 1), "CX-CC-2023-AGE", "Nghị định 33/2023/NĐ-CP", "10", "2", id="ND33/2023-age"),
    ],
)
def test_findings_cite_the_provision(
    engine: Engine,
    make_official: MakeOfficial,
    get_finding: GetFinding,
    as_of: date,
    rule: str,
    document: str,
    article: str,
    clause: str | None,
) -> None:
    basis = get_finding(engine.evaluate(make_official(), as_of=as_of), rule).basis[0]
    assert (basis.document, basis.article, basis.clause) == (document, article, clause)
    assert basis.effective.contains(as_of)
