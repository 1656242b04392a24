"""Legal cases of the two-tier local government (legal-sources.md §9), on both sides of every date involved.

- 30/06/2025 → 01/07/2025: the commune categories end (Law 80/2025/QH15); commune civil servants are held to
  đại học (CV 11/CV-BCĐ [M]); no trung cấp exception for difficult areas and no ND 33/2023 Art 38 grace after it.
- 01/07/2030: the end of the CV 11 grace for civil servants in office before 01/07/2025 who are of an ethnic minority
  or work in an especially difficult (ĐBKK) area.
- 31/07/2026 → 01/08/2026: ND 300/2026 replaces the appointment conditions of ND 170/2025 (Art 29).
- 07/10/2025 → 08/10/2025: QĐ 377-QĐ/TW's waiting periods after discipline; before it, a discipline makes the
  appraisal undetermined, never silent.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from cbcc_standards import (
    Action,
    AdministrativeUnit,
    Assessment,
    Engine,
    Finding,
    Official,
    Outcome,
    Period,
    Status,
    load_registry,
)
from cbcc_standards.plugins import Registry
from cbcc_standards.rules.posts import APPOINTED_TITLES

D = date
CV11 = D(2030, 7, 1)
ND33 = D(2028, 8, 1)
DBKK = AdministrativeUnit(
    code="T.H.DBKK", name="Xã Đặc Biệt Khó Khăn", tier="commune", kind="xa", area_flags=["vung_dbkk", "mien_nui"]
)


PLAIN = AdministrativeUnit(code="T2.PLAIN", name="Xã Đồng Bằng", tier="commune", kind="xa")
MOUNTAIN = AdministrativeUnit(
    code="T2.MOUNTAIN", name="Xã Miền Núi", tier="commune", kind="xa", area_flags=["mien_nui"]
)


@pytest.fixture(scope="module")
def national() -> Registry:
    return load_registry(load_entry_points=False, strict=True)


@pytest.fixture(scope="module")
def engine(national: Registry) -> Engine:
    return Engine(national, units=(PLAIN, MOUNTAIN, DBKK))


def official(
    *, prof: str | None = "trung_cap", llct: str | None = None, ethnicity: str | None = "Kinh", **fields: Any
) -> Official:
    """A commune civil servant recruited in 2015, Kinh, in a plain commune, THPT and trung cấp (no đại học);
    ``prof`` / ``llct`` set the professional and political-theory levels (None: not held)."""
    quals: list[dict[str, Any]] = [{"kind": "general_education", "level": "thpt"}]
    if prof is not None:
        quals.append({"kind": "professional", "level": prof})
    if llct is not None:
        quals.append({"kind": "political_theory", "level": llct})
    row: dict[str, Any] = {
        "id": "T2-0001",
        "gender": "male",
        "birth_date": "1985-04-12",
        "category": "cong_chuc",
        "title": "commune.cong_chuc_van_phong",
        "unit": PLAIN.code,
        "recruited_on": "2015-03-01",
        "ethnicity": ethnicity,
        "qualifications": quals,
    }
    return Official.model_validate(row | fields)


def finding(assessment: Assessment, rule: str) -> Finding:
    found = [f for f in assessment.findings if f.rule == rule]
    assert len(found) == 1, f"{rule} not in {[f.rule for f in assessment.findings]}"
    return found[0]


# -- the day the categories end ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "rule", "outcome", "deadline"),
    [
        pytest.param(D(2025, 6, 30), "CX-CC-2023-PROF", Outcome.GRACE, ND33, id="30/06/2025-ND33-Art38-grace"),
        pytest.param(D(2025, 7, 1), "CX-CC-2025-PROF", Outcome.NOT_MET, None, id="01/07/2025-no-Art38-after-2025"),
    ],
)
def test_nd33_grace_does_not_carry_into_the_two_tier_government(
    engine: Engine, as_of: date, rule: str, outcome: Outcome, deadline: date | None
) -> None:
    assessment = engine.evaluate(official(title="commune.tai_chinh_ke_toan"), as_of=as_of)
    found = finding(assessment, rule)
    assert (found.outcome, found.deadline) == (outcome, deadline)


@pytest.mark.parametrize(
    ("as_of", "outcome"),
    [
        pytest.param(D(2025, 6, 30), Outcome.MET, id="30/06/2025-province-accepts-trung-cap"),
        pytest.param(D(2025, 7, 1), Outcome.NOT_MET, id="01/07/2025-no-trung-cap-exception"),
    ],
)
def test_difficult_area_trung_cap_exception_ends_on_30_06_2025(
    province_engine: Engine, as_of: date, outcome: Outcome
) -> None:
    """TT 13/2019 Art 1(1)(c), ND 33/2023 Art 10(3): the province's trung cấp exception ends 30/06/2025 [M];
    a mountainous commune alone gives no relief afterwards (a Kinh civil servant recruited after 01/08/2023; province
    TEST of tests/conftest.py lists its mountain commune T.H.MOUNTAIN)."""
    subject = official(title="commune.tai_chinh_ke_toan", unit="T.H.MOUNTAIN", recruited_on="2023-09-01")
    rule = "CX-CC-2023-PROF" if as_of < D(2025, 7, 1) else "CX-CC-2025-PROF"
    assert finding(province_engine.evaluate(subject, as_of=as_of), rule).outcome is outcome


# -- CV 11/CV-BCĐ: đại học, and the grace to 01/07/2030 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "as_of", "outcome", "deadline", "missing"),
    [
        pytest.param({"ethnicity": "Hrê"}, D(2026, 12, 4), Outcome.GRACE, CV11, (), id="ethnic-minority"),
        pytest.param({"ethnicity": "H'rê"}, D(2030, 7, 1), Outcome.GRACE, CV11, (), id="minority-last-day"),
        pytest.param({"ethnicity": "Hrê"}, D(2030, 7, 2), Outcome.NOT_MET, None, (), id="minority-day-after"),
        pytest.param({"unit": DBKK.code}, D(2026, 12, 4), Outcome.GRACE, CV11, (), id="Kinh-in-DBKK-commune"),
        pytest.param({"unit": MOUNTAIN.code}, D(2026, 12, 4), Outcome.NOT_MET, None, (), id="Kinh-mountain-not-DBKK"),
        pytest.param({}, D(2026, 12, 4), Outcome.NOT_MET, None, (), id="Kinh-plain-commune"),
        pytest.param(
            {"ethnicity": "Ca Dong", "recruited_on": "2025-06-30"},
            D(2026, 12, 4),
            Outcome.GRACE,
            CV11,
            (),
            id="in-office-30/06/2025",
        ),
        pytest.param(
            {"ethnicity": "Ca Dong", "recruited_on": "2025-07-01"},
            D(2026, 12, 4),
            Outcome.NOT_MET,
            None,
            (),
            id="recruited-01/07/2025-meets-dai-hoc-when-recruited",
        ),
        pytest.param(
            {"ethnicity": None}, D(2026, 12, 4), Outcome.UNDETERMINED, None, ("ethnicity",), id="ethnicity-unknown"
        ),
        pytest.param(
            {"ethnicity": None, "unit": DBKK.code}, D(2026, 12, 4), Outcome.GRACE, CV11, (), id="unknown-but-DBKK"
        ),
        pytest.param(
            {"unit": "T2.UNKNOWN"}, D(2026, 12, 4), Outcome.UNDETERMINED, None, ("unit",), id="Kinh-unit-unknown"
        ),
        pytest.param(
            {"unit": "T2.UNKNOWN", "ethnicity": "Ba-na"},
            D(2026, 12, 4),
            Outcome.GRACE,
            CV11,
            (),
            id="minority-unit-unknown",
        ),
        pytest.param({"prof": "dai_hoc"}, D(2026, 12, 4), Outcome.MET, None, (), id="dai-hoc-meets"),
        pytest.param({"prof": "thac_si", "ethnicity": None}, D(2026, 12, 4), Outcome.MET, None, (), id="thac-si"),
    ],
)
def test_cv11_university_standard_and_grace(
    engine: Engine,
    fields: dict[str, Any],
    as_of: date,
    outcome: Outcome,
    deadline: date | None,
    missing: tuple[str, ...],
) -> None:
    for title in ("commune.cong_chuc_van_phong", "commune.tai_chinh_ke_toan"):  # a new post, and a pre-2025 title
        found = finding(engine.evaluate(official(title=title, **fields), as_of=as_of), "CX-CC-2025-PROF")
        assert (found.outcome, found.deadline, found.missing) == (outcome, deadline, missing), title


def test_an_unplaced_civil_servant_with_dai_hoc_is_compliant(engine: Engine) -> None:
    assessment = engine.evaluate(official(title="commune.cong_chuc", prof="dai_hoc"), as_of=D(2026, 12, 4))
    assert (assessment.status, assessment.action) == (Status.COMPLIANT, Action.NONE)


@pytest.mark.parametrize(
    ("born", "outcome"),
    [pytest.param("2008-12-04", Outcome.MET, id="18th-birthday"), pytest.param("2008-12-05", Outcome.NOT_MET, id="17")],
)
def test_age_at_least_18(engine: Engine, born: str, outcome: Outcome) -> None:
    subject = official(title="commune.cong_chuc_kinh_te", birth_date=born, recruited_on="2026-12-01")
    assert finding(engine.evaluate(subject, as_of=D(2026, 12, 4)), "CX-CC-2025-AGE").outcome is outcome


# -- leadership civil servants (§9.2) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prof", "llct", "status"),
    [
        pytest.param("dai_hoc", "trung_cap", Status.COMPLIANT, id="dai-hoc-trung-cap-LLCT"),
        pytest.param("dai_hoc", "Trung cấp LLCT - hành chính", Status.COMPLIANT, id="LLCT-HC-counts"),
        pytest.param("dai_hoc", "cao_cap", Status.COMPLIANT, id="cao-cap-LLCT"),
        pytest.param("dai_hoc", "so_cap", Status.NON_COMPLIANT, id="so-cap-LLCT"),
        pytest.param("dai_hoc", None, Status.NON_COMPLIANT, id="no-LLCT"),
        pytest.param("trung_cap", "trung_cap", Status.NON_COMPLIANT, id="no-dai-hoc-Kinh"),
    ],
)
@pytest.mark.parametrize(
    "title",
    ["commune.chanh_van_phong", "commune.pho_truong_phong", "commune.giam_doc_trung_tam"],
    ids=lambda t: t.removeprefix("commune."),
)
def test_leadership_civil_servants(engine: Engine, title: str, prof: str, llct: str | None, status: Status) -> None:
    """đại học and trung cấp LLCT (CV 11 [M]); no QLNN certificate is needed (trained after appointment), and the
    rest of the former district posts' standards is qualitative: nothing else is checked."""
    subject = official(title=title, prof=prof, llct=llct, appointed_on="2025-07-01")
    assessment = engine.evaluate(subject, as_of=D(2026, 12, 4))
    assert assessment.status is status
    assert {f.rule for f in assessment.findings if f.rule.startswith("CX-")} == {"CX-LD-2025-PROF", "CX-LD-2025-LLCT"}


def test_a_minority_leader_lacking_dai_hoc_has_the_grace_but_not_for_llct(engine: Engine) -> None:
    subject = official(title="commune.truong_phong", ethnicity="Gia Rai", llct=None, appointed_on="2025-07-01")
    assessment = engine.evaluate(subject, as_of=D(2026, 12, 4))
    assert finding(assessment, "CX-LD-2025-PROF").outcome is Outcome.GRACE
    assert finding(assessment, "CX-LD-2025-LLCT").outcome is Outcome.NOT_MET
    assert assessment.status is Status.NON_COMPLIANT


# -- titles across the boundary -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["commune.cong_chuc_van_phong", "commune.cong_chuc", "commune.chanh_van_phong", "commune.giam_doc_trung_tam"],
)
def test_a_post_of_the_two_tier_commune_before_it_exists(engine: Engine, title: str) -> None:
    assessment = engine.evaluate(official(title=title), as_of=D(2025, 6, 30))
    found = finding(assessment, "CBCC-TITLE")
    assert (found.outcome, found.missing) == (Outcome.UNDETERMINED, ("title",))
    assert "01/07/2025" in found.message.vi
    assert "does not exist" not in found.message.en


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Công chức Văn phòng HĐND và UBND", "commune.cong_chuc_van_phong"),
        ("Công chức Phòng Kinh tế, Hạ tầng và Đô thị", "commune.cong_chuc_kinh_te"),
        ("Chánh Văn phòng HĐND và UBND xã", "commune.chanh_van_phong"),
        ("Phó Giám đốc Trung tâm Phục vụ hành chính công", "commune.pho_giam_doc_trung_tam"),
        ("Công chức cấp xã", "commune.cong_chuc"),
    ],
)
def test_vietnamese_names_of_the_new_posts_are_accepted(national: Registry, name: str, code: str) -> None:
    assert national.titles.resolve(name) == code


# -- ethnicity ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "code", "minority"),
    [
        ("Kinh", "kinh", False),
        ("Kinh (Việt)", "kinh", False),
        ("Hrê", "hre", True),
        ("H'rê", "hre", True),
        ("HRê", "hre", True),
        ("Ca Dong", "xo_dang", True),
        ("Mông (Mèo)", "hmong", True),
        ("Khơ-me", "kho_me", True),
        ("Khmer", "kho_me", True),
        ("Ê Đê", "e_de", True),
        ("Gia Rai", "gia_rai", True),
        ("M.Nông", "mnong", True),
        ("Jrai", "gia_rai", True),
        ("Sê Đăng", "xo_dang", True),
        ("Chăm (Chàm)", "cham", True),
        ("Dao (Mán)", "dao", True),
        ("Dân tộc Kinh", "kinh", False),
        ("DT Tày", "tay", True),
        ("Dân tộc: Hrê", "hre", True),
    ],
)
def test_ethnicity_spellings(spelling: str, code: str, minority: bool) -> None:
    person = Official.model_validate({"id": "x", "ethnicity": spelling})
    assert (person.ethnicity, person.ethnic_minority) == (code, minority)


@pytest.mark.parametrize("spelling", ["Martian", "05", "Thổ dân", "Kinh (Hoa)", "Dân tộc", "Việt Nam"])
def test_an_unknown_ethnicity_is_rejected_naming_the_field(spelling: str) -> None:
    with pytest.raises(ValidationError) as failure:
        Official.model_validate({"id": "x", "ethnicity": spelling})
    error = failure.value.errors()[0]
    assert (error["loc"], error["type"]) == (("ethnicity",), "unknown_ethnicity")


def test_ethnic_minority_contradicting_ethnicity_is_rejected() -> None:
    with pytest.raises(ValidationError, match="contradicts"):
        Official.model_validate({"id": "x", "ethnicity": "Kinh", "ethnic_minority": True})


# -- discipline forms (ND 172/2025) ------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["giang_chuc", "Hạ bậc lương"])
@pytest.mark.parametrize(
    ("decided", "valid"),
    [pytest.param("2025-06-30", True, id="30/06/2025"), pytest.param("2025-07-01", False, id="01/07/2025-abolished")],
)
def test_abolished_discipline_forms(form: str, decided: str, valid: bool) -> None:
    row = {"id": "x", "disciplines": [{"form": form, "decided_on": decided}]}
    if valid:
        Official.model_validate(row)
        return
    with pytest.raises(ValidationError) as failure:
        Official.model_validate(row)
    error = failure.value.errors()[0]
    assert error["loc"] == ("disciplines", 0, "form")
    assert error["type"] == "abolished_discipline"
    name = "Giáng chức" if form == "giang_chuc" else "Hạ bậc lương"  # the legal name and dates as records write them
    assert error["msg"] == f"{name}, 01/07/2025; Nghị định 172/2025/NĐ-CP, 01/07/2025"


# -- appointment conditions (§9.4, §9.5) --------------------------------------------------------------------------

TARGET = "commune.truong_phong"


def candidate(**fields: Any) -> Official:
    """A deputy head of a commune department since 01/07/2025, man born 1980, đại học, trung cấp LLCT, in the planning
    for head, rated hoàn thành tốt in 2023–2025, no discipline."""
    base: dict[str, Any] = {
        "title": "commune.pho_truong_phong",
        "appointed_on": "2025-07-01",
        "llct": "trung_cap",
        "prof": "dai_hoc",
        "category": "cong_chuc",
        "planned_titles": [TARGET],
        "evaluations": [{"year": y, "level": "hoan_thanh_tot"} for y in (2023, 2024, 2025)],
        "disciplines": [],
    }
    return official(**(base | fields))


@pytest.mark.parametrize(
    ("on", "present", "absent"),
    [
        pytest.param(D(2026, 7, 31), {"APPT-2025-TERM", "APPT-2025-PLAN", "APPT-2025-DISC"}, {"APPT-2026-TERM"}),
        pytest.param(
            D(2026, 8, 1),
            {"APPT-2026-TERM", "APPT-2026-PLAN", "APPT-2026-LOWER", "APPT-2026-RATINGS", "APPT-2025-DISC"},
            {"APPT-2025-TERM", "APPT-2025-PLAN"},
        ),
    ],
    ids=["31/07/2026-ND170", "01/08/2026-ND300"],
)
def test_appointment_conditions_switch_to_nd_300_on_01_08_2026(
    engine: Engine, on: date, present: set[str], absent: set[str]
) -> None:
    rules = {f.rule for f in engine.appraise(candidate(), title=TARGET, on=on).findings}
    assert present <= rules
    assert not absent & rules


def test_nd_170_period_is_undetermined_not_silent(engine: Engine) -> None:
    assessment = engine.appraise(candidate(), title=TARGET, on=D(2026, 7, 31))
    assert finding(assessment, "APPT-2025-TERM").outcome is Outcome.UNDETERMINED
    assert finding(assessment, "APPT-2025-PLAN").outcome is Outcome.UNDETERMINED
    assert assessment.status is Status.UNDETERMINED


@pytest.mark.parametrize(
    ("birth", "outcome"),
    [
        # Men born 04/1966 on retire at 62y0m. HD 06-HD/BTCTW counts to the day the age is reached: born
        # 01/08/1969 → 01/08/2031, exactly 60 months from 01/08/2026; born 31/07/1969 → a day short, though the
        # end of the retirement month (31/07/2031) would still leave 60 months.
        pytest.param("1969-08-01", Outcome.MET, id="exactly-five-years"),
        pytest.param("1969-07-31", Outcome.NOT_MET, id="a-day-short-of-the-age"),
        pytest.param("1969-06-15", Outcome.NOT_MET, id="one-month-short"),
    ],
)
def test_nd_300_whole_term_with_special_case(engine: Engine, birth: str, outcome: Outcome) -> None:
    found = finding(engine.appraise(candidate(birth_date=birth), title=TARGET, on=D(2026, 8, 1)), "APPT-2026-TERM")
    assert found.outcome is outcome
    if outcome is Outcome.NOT_MET:
        assert "special case" in found.message.en
        assert "trường hợp đặc biệt" in found.message.vi


@pytest.mark.parametrize(
    ("fields", "first", "outcome", "months"),
    [
        pytest.param({"appointed_on": "2025-08-01"}, True, Outcome.MET, 12, id="12-months-in-the-lower-post"),
        pytest.param({"appointed_on": "2025-08-02"}, True, Outcome.NOT_MET, 11, id="a-day-short"),
        pytest.param({"title": "commune.cong_chuc"}, True, Outcome.NOT_APPLICABLE, None, id="first-leadership-post"),
        pytest.param({"appointed_on": "2026-06-01"}, False, Outcome.NOT_APPLICABLE, None, id="equal-or-lower-post"),
        pytest.param({"appointed_on": None}, True, Outcome.UNDETERMINED, None, id="appointment-date-unknown"),
    ],
)
def test_nd_300_twelve_months_in_the_post_below(
    engine: Engine, fields: dict[str, Any], first: bool, outcome: Outcome, months: int | None
) -> None:
    assessment = engine.appraise(candidate(**fields), title=TARGET, on=D(2026, 8, 1), first=first)
    found = finding(assessment, "APPT-2026-LOWER")
    assert (found.outcome, found.actual if months is not None else None) == (outcome, months)


@pytest.mark.parametrize(
    ("evaluations", "disciplines", "outcome"),
    [
        pytest.param(
            [(2023, "hoan_thanh_tot"), (2024, "hoan_thanh_xuat_sac"), (2025, "hoan_thanh_tot")], [], Outcome.MET
        ),
        pytest.param([(2023, "hoan_thanh"), (2024, "hoan_thanh_tot"), (2025, "hoan_thanh_tot")], [], Outcome.NOT_MET),
        pytest.param([(2024, "hoan_thanh_tot"), (2025, "hoan_thanh_tot")], [], Outcome.UNDETERMINED),
        pytest.param(
            [(2023, "hoan_thanh_tot"), (2024, "hoan_thanh_tot"), (2025, "hoan_thanh_tot")],
            [{"form": "khien_trach", "decided_on": "2024-05-01"}],
            Outcome.NOT_MET,
        ),
        pytest.param(
            [(2023, "hoan_thanh_tot"), (2024, "hoan_thanh_tot"), (2025, "hoan_thanh_tot")], None, Outcome.UNDETERMINED
        ),
    ],
    ids=["all-good", "one-only-hoan-thanh", "2023-unrated", "disciplined-2024-ND48", "discipline-record-unknown"],
)
def test_nd_300_ratings_of_the_three_latest_years(
    engine: Engine, evaluations: list[tuple[int, str]], disciplines: list[dict[str, str]] | None, outcome: Outcome
) -> None:
    person = candidate(evaluations=[{"year": y, "level": level} for y, level in evaluations], disciplines=disciplines)
    found = finding(engine.appraise(person, title=TARGET, on=D(2026, 8, 1)), "APPT-2026-RATINGS")
    assert found.outcome is outcome


@pytest.mark.parametrize(
    ("on", "rule", "outcome"),
    [
        pytest.param(D(2025, 7, 1), "APPT-2025-DISC-GAP", Outcome.UNDETERMINED, id="01/07/2025-unconfirmed"),
        pytest.param(D(2025, 10, 7), "APPT-2025-DISC-GAP", Outcome.UNDETERMINED, id="07/10/2025-unconfirmed"),
        pytest.param(D(2025, 10, 8), "APPT-2025-DISC", Outcome.NOT_MET, id="08/10/2025-QD377-24-months"),
    ],
)
def test_discipline_between_nd_170_and_qd_377_is_never_silent(
    engine: Engine, on: date, rule: str, outcome: Outcome
) -> None:
    person = candidate(disciplines=[{"form": "khien_trach", "decided_on": "2025-03-01"}])
    assert finding(engine.appraise(person, title=TARGET, on=on), rule).outcome is outcome


def test_every_appointment_condition_is_covered_on_every_date(national: Registry) -> None:
    """No (title, condition, date range) without a rule: each is decided, or explicitly undetermined."""
    since_nd_138 = Period(start=D(2020, 12, 1))
    assert national.appointment_coverage(APPOINTED_TITLES, ("term", "planning", "discipline"), since_nd_138) == []
    since_nd_300 = Period(start=D(2026, 8, 1))
    assert national.appointment_coverage(APPOINTED_TITLES, ("ratings", "lower_post"), since_nd_300) == []


# -- Tư pháp – hộ tịch after 2025 ([L], §9.1) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "prof", "field", "status", "outcome"),
    [
        # Trung cấp luật (Luật Hộ tịch Art 72(2)) against CV 11's đại học: unsettled → undetermined, appraise by hand.
        ("commune.tu_phap_ho_tich", "trung_cap", "luật", Status.UNDETERMINED, Outcome.UNDETERMINED),
        ("commune.tu_phap_ho_tich", "cao_dang", "luật", Status.UNDETERMINED, Outcome.UNDETERMINED),
        # Neither: short of both standards.
        ("commune.tu_phap_ho_tich", "trung_cap", "kế toán", Status.NON_COMPLIANT, Outcome.NOT_MET),
        ("commune.tu_phap_ho_tich", "dai_hoc", "luật", Status.COMPLIANT, Outcome.MET),
        # Another former post: the special law does not reach it.
        ("commune.van_hoa_xa_hoi", "trung_cap", "luật", Status.NON_COMPLIANT, Outcome.NOT_MET),
    ],
)
def test_the_civil_status_officer_after_2025_is_left_open(
    engine: Engine, title: str, prof: str, field: str, status: Status, outcome: Outcome
) -> None:
    person = official(title=title, prof=None).model_copy(
        update={
            "qualifications": (
                *official(prof=None).qualifications,
                *Official.model_validate(
                    {"id": "q", "qualifications": [{"kind": "professional", "level": prof, "field": field}]}
                ).qualifications,
            )
        }
    )
    a = engine.evaluate(person, as_of=date(2026, 12, 4))
    f = next(x for x in a.findings if x.rule == "CX-CC-2025-PROF")
    assert (a.status, f.outcome) == (status, outcome)
    if outcome is Outcome.UNDETERMINED:
        assert a.action is Action.REVIEW
        assert f.provisional
        assert f.missing == ()
        assert any(b.document == "Luật Hộ tịch 60/2014/QH13" for b in f.basis)
