"""Candidate appraisal (ND 138/2020 Art 42 and 56, Hướng dẫn 06-HD/BTCTW, QĐ 377-QĐ/TW, ND 33/2023 Art 8,
ND 29/2024) and the planning pool."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cbcc_standards import Engine, Official, appraisal, load_registry
from cbcc_standards.appraisal import PoolStanding, appraise_candidate, planning_pool
from cbcc_standards.cli import main
from cbcc_standards.dates import Gender, add_months, day_after, retirement_date
from cbcc_standards.results import Assessment, Finding, Outcome, Status

ENGINE = Engine(load_registry(load_entry_points=False))
PGDS = "province.pho_giam_doc_so"


def person(**extra: Any) -> Official:
    data: dict[str, Any] = {
        "id": "C",
        "gender": "male",
        "birth_date": "1964-09-10",
        "planned_titles": [PGDS],
        "disciplines": [],
        "qualifications": [
            {"kind": "general_education", "level": "thpt"},
            {"kind": "professional", "level": "dai_hoc"},
            {"kind": "political_theory", "level": "trung_cap"},
        ],
    }
    return Official.model_validate(data | extra)


def finding(a: Assessment, code: str) -> Finding:
    return next(f for f in a.findings if f.rule == code)


@pytest.mark.parametrize(
    ("on", "started", "outcome"),
    [
        # A man born 10/09/1964 reaches his retirement age (61y3m) on 10/12/2025 and retires on 31/12/2025.
        # Hướng dẫn 06-HD/BTCTW: the retirement age minus the age on the day, i.e. up to 10/12/2025.
        (date(2020, 12, 10), None, Outcome.MET),
        (date(2020, 12, 11), None, Outcome.NOT_MET),  # 60 months to the end of the retirement month, not to the age
        (date(2021, 1, 15), None, Outcome.NOT_MET),
        # Counted from the day the dossier was received.
        (date(2021, 3, 1), date(2020, 12, 10), Outcome.MET),
        (date(2021, 3, 1), date(2020, 12, 20), Outcome.NOT_MET),
    ],
    ids=["60-months-to-the-age", "a-day-past", "59-months-left", "counted-from-dossier", "dossier-a-day-late"],
)
def test_nd138_five_years_left(on: date, started: date | None, outcome: Outcome) -> None:
    a = ENGINE.appraise(person(), title=PGDS, on=on, process_started=started)
    assert finding(a, "APPT-2020-TERM").outcome is outcome


def test_nd138_term_not_for_lateral_moves_and_rotation_needs_ten_years() -> None:
    on = date(2021, 6, 1)
    lateral = ENGINE.appraise(person(), title=PGDS, on=on, first=False)
    assert finding(lateral, "APPT-2020-TERM").outcome is Outcome.NOT_APPLICABLE
    young = person(birth_date="1975-01-01")  # retires 31/01/2037: 187 months left
    rotation = ENGINE.appraise(young, title=PGDS, on=on, rotation=True)
    assert finding(rotation, "APPT-2020-ROTATION").outcome is Outcome.MET
    older = person(birth_date="1968-01-01")  # retires 31/01/2030: 103 months left, < 120
    assert finding(ENGINE.appraise(older, title=PGDS, on=on, rotation=True), "APPT-2020-ROTATION").outcome is (
        Outcome.NOT_MET
    )
    assert finding(ENGINE.appraise(older, title=PGDS, on=on), "APPT-2020-ROTATION").outcome is Outcome.NOT_APPLICABLE


def test_nd138_planning_and_missing_data() -> None:
    on = date(2024, 6, 1)
    assert finding(ENGINE.appraise(person(planned_titles=[]), title=PGDS, on=on), "APPT-2020-PLAN").outcome is (
        Outcome.NOT_MET
    )
    unknown = ENGINE.appraise(person(gender=None, disciplines=None), title=PGDS, on=on)
    assert finding(unknown, "APPT-2020-TERM").missing == ("gender",)
    assert finding(unknown, "APPT-2020-DISC").missing == ("disciplines",)
    assert unknown.status is not Status.COMPLIANT


def test_nd29_2024_deputy_director_and_before_it() -> None:
    young = person(birth_date="1980-01-01")
    ok = ENGINE.appraise(young, title=PGDS, on=date(2024, 6, 1))
    assert ok.status is Status.COMPLIANT
    assert {f.rule for f in ok.findings} >= {"PGDS-2024-PROF", "PGDS-2024-LLCT", "APPT-2020-TERM"}
    low = person(
        birth_date="1980-01-01",
        qualifications=[{"kind": "professional", "level": "dai_hoc"}, {"kind": "political_theory", "level": "so_cap"}],
    )
    assert finding(ENGINE.appraise(low, title=PGDS, on=date(2024, 6, 1)), "PGDS-2024-LLCT").outcome is Outcome.NOT_MET
    before = ENGINE.appraise(young, title=PGDS, on=date(2024, 4, 30))
    assert "CBCC-COVERAGE" in {f.rule for f in before.findings}  # ND 29/2024 not yet applied: nothing encoded


@pytest.mark.parametrize(
    ("qualifications", "llct", "qlnn"),
    [
        (
            [{"kind": "political_theory", "level": "cử nhân chính trị"}, {"kind": "state_management", "level": "CVCC"}],
            Outcome.MET,
            Outcome.MET,
        ),
        ([{"kind": "political_theory", "level": "Cao cấp LLCT - hành chính"}], Outcome.MET, Outcome.MET),
        ([{"kind": "political_theory", "level": "cao cấp LLCT"}], Outcome.MET, Outcome.NOT_MET),
        (
            [
                {"kind": "political_theory", "level": "trung_cap"},
                {"kind": "state_management", "level": "chuyen_vien_chinh"},
            ],
            Outcome.NOT_MET,
            Outcome.NOT_MET,
        ),
    ],
    ids=["cu-nhan-chinh-tri+cvcc", "cao-cap-llct-hc-counts-for-both", "cao-cap-llct-alone", "too-low"],
)
def test_nd29_2024_director(qualifications: list[dict[str, str]], llct: Outcome, qlnn: Outcome) -> None:
    p = person(
        birth_date="1975-01-01",
        planned_titles=["province.giam_doc_so"],
        qualifications=[{"kind": "professional", "level": "dai_hoc"}, *qualifications],
    )
    a = ENGINE.appraise(p, title="Giám đốc Sở", on=date(2024, 6, 1))
    assert (finding(a, "GDS-2024-LLCT").outcome, finding(a, "GDS-2024-QLNN").outcome) == (llct, qlnn)


@pytest.mark.parametrize(
    ("form", "decided", "on", "outcome"),
    [
        ("khien_trach", date(2024, 1, 10), date(2026, 1, 9), Outcome.NOT_MET),  # 24 months not over
        ("khien_trach", date(2024, 1, 10), date(2026, 1, 10), Outcome.MET),
        ("canh_cao", date(2023, 1, 10), date(2026, 1, 9), Outcome.NOT_MET),  # 36 months
        ("canh_cao", date(2023, 1, 10), date(2026, 1, 10), Outcome.MET),
        ("cach_chuc", date(2021, 1, 10), date(2026, 1, 9), Outcome.NOT_MET),  # 60 months
        ("cach_chuc", date(2021, 1, 10), date(2026, 1, 10), Outcome.MET),
        ("giang_chuc", date(2021, 1, 10), date(2026, 1, 10), Outcome.UNDETERMINED),  # not listed by QĐ 377
    ],
)
def test_qd377_waiting_periods(form: str, decided: date, on: date, outcome: Outcome) -> None:
    p = person(birth_date="1980-01-01", disciplines=[{"form": form, "decided_on": decided.isoformat()}])
    assert finding(ENGINE.appraise(p, title=PGDS, on=on), "APPT-2025-DISC").outcome is outcome


def test_discipline_before_qd377_is_left_to_a_person() -> None:
    p = person(birth_date="1980-01-01", disciplines=[{"form": "khien_trach", "decided_on": "2023-01-10"}])
    f = finding(ENGINE.appraise(p, title=PGDS, on=date(2024, 6, 1)), "APPT-2020-DISC")
    assert f.outcome is Outcome.UNDETERMINED


def test_nd170_term_is_provisional() -> None:
    a = ENGINE.appraise(person(birth_date="1980-01-01"), title=PGDS, on=date(2025, 8, 1))
    f = finding(a, "APPT-2025-TERM")
    assert (f.outcome, f.provisional) == (Outcome.UNDETERMINED, True)


def test_commune_cadre_candidate_needs_60_months_and_gets_no_grace() -> None:
    # ND 33/2023 Art 8(3): at first appointment, at least 60 months before retirement; Art 38 is for incumbents.
    p = person(
        recruited_on="2010-01-01",
        qualifications=[
            {"kind": "general_education", "level": "thpt"},
            {"kind": "professional", "level": "trung_cap"},
            {"kind": "political_theory", "level": "trung_cap"},
        ],
    )
    a = ENGINE.appraise(p, title="commune.chu_tich_ubnd", on=date(2024, 1, 1), unit="X")
    assert finding(a, "CX-CT-2023-TERM").outcome is Outcome.NOT_MET  # retires 31/12/2025
    assert finding(a, "CX-CT-2023-PROF").outcome is Outcome.NOT_MET  # not grace: not in office on 01/08/2023
    assert a.action.value == "replace"


def test_unknown_title_raises() -> None:
    with pytest.raises(ValueError, match="unknown title"):
        ENGINE.appraise(person(), title="province.khong_co", on=date(2024, 1, 1))


@settings(max_examples=60, deadline=None)
@given(
    gender=st.sampled_from(list(Gender)),
    born=st.dates(min_value=date(1955, 1, 1), max_value=date(2000, 12, 31)),
    on=st.dates(min_value=date(2020, 12, 1), max_value=date(2025, 6, 30)),
)
def test_appraisal_never_passes_someone_retiring_within_the_term(gender: Gender, born: date, on: date) -> None:
    p = person(gender=gender.value, birth_date=born.isoformat())
    a = ENGINE.appraise(p, title=PGDS, on=on)
    retire = retirement_date(gender, born)
    # Working time runs to the retirement moment, the end of the retirement month (ND 135/2020 Art 3): the term fits
    # when 60 months from `on` do not pass the day after the retirement date.
    within_term = add_months(on, 60) > day_after(retire)
    term = finding(a, "APPT-2020-TERM")
    if within_term:
        assert term.outcome is Outcome.NOT_MET
        assert a.status is not Status.COMPLIANT


@pytest.mark.parametrize("in_memory", [1000, 2])
def test_planning_pool_orders_and_explains(monkeypatch: pytest.MonkeyPatch, in_memory: int) -> None:
    """The same pool whether its entries stay in memory or most are read back from the temporary file."""
    monkeypatch.setattr(appraisal, "_POOL_IN_MEMORY", in_memory)
    base = {
        "gender": "female",
        "planned_titles": [],
        "disciplines": [],
        "qualifications": [
            {"kind": "general_education", "level": "thpt"},
            {"kind": "professional", "level": "dai_hoc"},
            {"kind": "political_theory", "level": "trung_cap"},
        ],
        "evaluations": [{"year": 2022, "level": "hoan_thanh_tot"}, {"year": 2023, "level": "hoan_thanh_tot"}],
    }
    star = {
        **base,
        "id": "star",
        "birth_date": "1985-01-01",
        "evaluations": [{"year": 2022, "level": "hoan_thanh_xuat_sac"}, {"year": 2023, "level": "xuất sắc"}],
    }
    plain = {**base, "id": "plain", "birth_date": "1980-01-01"}
    train = {
        **base,
        "id": "train",
        "birth_date": "1982-01-01",
        "qualifications": [
            {"kind": "general_education", "level": "thpt"},
            {"kind": "professional", "level": "dai_hoc"},
        ],
    }
    old = {**base, "id": "old", "birth_date": "1968-01-01"}  # a woman born 01/1968 retires 31/05/2024
    weak = {
        **base,
        "id": "weak",
        "birth_date": "1983-01-01",
        "evaluations": [{"year": 2022, "level": "hoan_thanh"}, {"year": 2023, "level": "hoan_thanh_tot"}],
    }
    unknown = {**base, "id": "unknown", "birth_date": "1984-01-01", "evaluations": None}
    pool = planning_pool(
        [Official.model_validate(r) for r in (old, weak, unknown, train, plain, star)],
        title="commune.chu_tich_ubnd",
        as_of=date(2024, 1, 1),
        engine=ENGINE,
    )
    assert [(e.id, e.standing) for e in pool] == [
        ("star", PoolStanding.ELIGIBLE),
        ("plain", PoolStanding.ELIGIBLE),
        ("train", PoolStanding.AFTER_TRAINING),
        ("unknown", PoolStanding.UNDETERMINED),
        ("weak", PoolStanding.NOT_ELIGIBLE),
        ("old", PoolStanding.NOT_ELIGIBLE),
    ]  # within a standing: outstanding first, then more working time left
    assert (pool[0].outstanding, pool[1].outstanding) == (True, False)
    assert pool[2].training == ("CX-CT-2023-LLCT",)
    assert pool[3].missing == ("evaluations.2022", "evaluations.2023")
    assert len(pool) == 6
    assert pool == list(pool)
    assert [e.id for e in pool[1:3]] == ["plain", "train"]


def test_planning_needs_two_terms_from_qd377() -> None:
    p = Official.model_validate(
        {
            "id": "p",
            "gender": "male",
            "birth_date": "1975-01-01",
            "disciplines": [],
            "evaluations": [{"year": 2024, "level": "hoan_thanh_tot"}, {"year": 2025, "level": "hoan_thanh_tot"}],
            "qualifications": [
                {"kind": "professional", "level": "dai_hoc"},
                {"kind": "political_theory", "level": "trung_cap"},
            ],
        }
    )
    # Retires 31/01/2037: 134 months from 01/12/2025 — two terms (120) fit, three would not.
    pool = planning_pool([p], title=PGDS, as_of=date(2025, 12, 1), engine=ENGINE)
    assert pool[0].months_left == 134
    assert pool[0].standing is not PoolStanding.NOT_ELIGIBLE
    assert planning_pool([p], title=PGDS, as_of=date(2025, 12, 1), terms=3, engine=ENGINE)[0].standing is (
        PoolStanding.NOT_ELIGIBLE
    )


def test_candidate_and_planning_cli(tmp_path: Path) -> None:
    path = tmp_path / "person.json"
    path.write_text(
        json.dumps(
            {
                "id": "C-01",
                "gender": "male",
                "birth_date": "1970-03-15",
                "planned_titles": [PGDS],
                "disciplines": [],
                "qualifications": [
                    {"kind": "professional", "level": "dai_hoc"},
                    {"kind": "political_theory", "level": "Trung cấp LLCT"},
                ],
            }
        )
    )
    out = io.StringIO()
    assert (
        main(
            ["candidate", str(path), "--title", PGDS, "--on", "2024-06-01", "--format", "json", "--plugins", ""],
            out=out,
        )
        == 0
    )
    data = json.loads(out.getvalue())
    assert {"status", "action", "deadline", "findings"} <= data.keys()
    assert data["status"] == "compliant"
    roster = Path(__file__).resolve().parents[1] / "examples" / "quang-ngai-2021" / "roster.json"
    out = io.StringIO()
    assert (
        main(
            [
                "planning",
                str(roster),
                "--title",
                "commune.chu_tich_ubnd",
                "--as-of",
                "2024-01-01",
                "--format",
                "json",
                "--plugins",
                "",
            ],
            out=out,
        )
        == 0
    )
    report = json.loads(out.getvalue())
    assert report["candidates"][0]["standing"] == "eligible"
    assert len(report["candidates"]) + len(report["rejected"]) == len(json.loads(roster.read_text()))


def test_appraise_candidate_function() -> None:
    a = appraise_candidate(person(birth_date="1980-01-01"), title=PGDS, on=date(2024, 6, 1), engine=ENGINE)
    assert a.status is Status.COMPLIANT


@pytest.mark.parametrize(
    ("received", "outcome"),
    [
        # The audit's knife edge: a man born 15/05/1967 reaches 62 on 15/05/2029 and retires on 31/05/2029.
        # Dossier on 01/06/2024: 4 years 11 months 14 days to the age (HD 06-HD/BTCTW), although exactly 60 months
        # remain to the end of the retirement month.
        (date(2024, 6, 1), Outcome.NOT_MET),
        (date(2024, 5, 15), Outcome.MET),
        (date(2024, 5, 16), Outcome.NOT_MET),
    ],
    ids=["dossier-01-06-2024", "dossier-on-the-birthday", "dossier-a-day-after"],
)
def test_the_appointment_age_counts_to_the_day_the_age_is_reached(received: date, outcome: Outcome) -> None:
    from cbcc_standards.dates import Gender, retirement_date, working_months_left

    born = date(1967, 5, 15)
    assert retirement_date(Gender.MALE, born) == date(2029, 5, 31)
    assert working_months_left(Gender.MALE, born, date(2024, 6, 1)) == 60  # the other reading would pass
    a = ENGINE.appraise(person(birth_date=born.isoformat()), title=PGDS, on=date(2024, 7, 1), process_started=received)
    assert finding(a, "APPT-2020-TERM").outcome is outcome
