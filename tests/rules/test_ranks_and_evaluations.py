"""Ranks (TT 2/2021 as amended by TT 06/2022), district and provincial titles over time, post-2025 commune
leadership, and the consequences of the annual evaluation (legal-sources.md §3, §5)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cbcc_standards import Engine, Official, load_registry
from cbcc_standards.results import Assessment, Outcome, Status

ENGINE = Engine(load_registry(load_entry_points=False))


def evaluate(on: date, **data: Any) -> Assessment:
    return ENGINE.evaluate(Official.model_validate({"id": "x", **data}), as_of=on)


def outcome(a: Assessment, code: str) -> Outcome | None:
    return next((f.outcome for f in a.findings if f.rule == code), None)


UNI = {"kind": "professional", "level": "dai_hoc"}


@pytest.mark.parametrize(
    ("appointed", "qualifications", "expected"),
    [
        ("2020-05-01", [UNI], Outcome.MET),  # appointed before 01/08/2022: Công văn 1848/BNV-CCVC
        ("2023-05-01", [UNI], Outcome.NOT_MET),
        ("2023-05-01", [UNI, {"kind": "state_management", "level": "CVCC"}], Outcome.MET),
        ("2023-05-01", [UNI, {"kind": "political_theory", "level": "cao cấp LLCT-HC"}], Outcome.MET),
        (None, [UNI], Outcome.UNDETERMINED),
    ],
    ids=["bnv-1848", "no-certificate", "cvcc-certificate", "cao-cap-llct-hc", "appointment-unknown"],
)
def test_senior_specialist_state_management(
    appointed: str | None, qualifications: list[Any], expected: Outcome
) -> None:
    a = evaluate(date(2024, 1, 1), title="rank.01.001", appointed_on=appointed, qualifications=qualifications)
    assert outcome(a, "RANK-CVCC-QLNN") is expected


@pytest.mark.parametrize(
    ("on", "it", "fl"),
    [
        (date(2021, 7, 31), None, None),  # TT 2/2021 not yet in force (TT 11/2014 not encoded)
        (date(2021, 8, 1), Outcome.NOT_MET, Outcome.MET),
        (date(2022, 8, 14), Outcome.NOT_MET, Outcome.MET),
        (date(2022, 8, 15), None, None),  # TT 06/2022: "as the job requires"
    ],
)
def test_principal_specialist_certificates_until_tt06_2022(on: date, it: Outcome | None, fl: Outcome | None) -> None:
    a = evaluate(on, title="rank.01.002", qualifications=[UNI, {"kind": "ethnic_language", "language": "Hrê"}])
    assert (outcome(a, "RANK-CVC-IT-2021"), outcome(a, "RANK-CVC-FL-2021")) == (it, fl)
    if on < date(2021, 8, 1):
        assert outcome(a, "CBCC-COVERAGE") is Outcome.UNDETERMINED


def test_foreign_language_level_three() -> None:
    on = date(2022, 1, 1)
    b1 = evaluate(on, title="rank.01.002", qualifications=[UNI, {"kind": "foreign_language", "level": "B1"}])
    a2 = evaluate(on, title="rank.01.002", qualifications=[UNI, {"kind": "foreign_language", "level": "A2"}])
    assert (outcome(b1, "RANK-CVC-FL-2021"), outcome(a2, "RANK-CVC-FL-2021")) == (Outcome.MET, Outcome.NOT_MET)


def test_unconfirmed_ranks_are_provisional_not_guessed() -> None:
    a = evaluate(date(2024, 1, 1), title="rank.01.004", qualifications=[UNI])
    f = next(f for f in a.findings if f.rule == "RANK-CS-STD")
    assert (f.outcome, f.provisional, a.status) == (Outcome.UNDETERMINED, True, Status.UNDETERMINED)


def test_district_titles_end_with_the_district_tier() -> None:
    before = evaluate(date(2025, 6, 30), title="district.truong_phong", qualifications=[UNI])
    after = evaluate(date(2025, 7, 1), title="district.truong_phong", qualifications=[UNI])
    assert outcome(before, "DTP-2024-STD") is Outcome.UNDETERMINED  # provisional: standards unconfirmed
    assert outcome(after, "CBCC-TITLE") is Outcome.UNDETERMINED
    assert after.status is not Status.COMPLIANT


def test_commune_leadership_from_july_2025() -> None:
    a = evaluate(
        date(2025, 9, 1),
        title="commune.truong_phong",
        qualifications=[UNI, {"kind": "political_theory", "level": "so_cap"}],
    )
    assert outcome(a, "CX-LD-2025-LLCT") is Outcome.NOT_MET  # Công văn 11/CV-BCĐ [M]
    assert outcome(a, "CX-LD-2025-PROF") is Outcome.MET
    assert "CX-LD-2025-STD" not in {f.rule for f in a.findings}  # the rest of the district standards is qualitative
    old_title = evaluate(date(2025, 9, 1), title="commune.van_phong_thong_ke", qualifications=[UNI])
    assert outcome(old_title, "CBCC-TITLE") is Outcome.MET  # read as an unplaced commune civil servant


def ratings(*pairs: tuple[int, str]) -> list[dict[str, Any]]:
    return [{"year": y, "level": level} for y, level in pairs]


@pytest.mark.parametrize(
    ("on", "evaluations", "disciplines", "code", "expected"),
    [
        (
            date(2022, 3, 1),
            ratings((2020, "khong_hoan_thanh"), (2021, "khong_hoan_thanh")),
            [],
            "EVAL-2020-2Y",
            Outcome.NOT_MET,
        ),
        (
            date(2022, 3, 1),
            ratings((2019, "khong_hoan_thanh"), (2021, "khong_hoan_thanh")),
            [],
            "EVAL-2020-2Y",
            Outcome.MET,
        ),  # not consecutive
        (date(2022, 3, 1), ratings((2020, "hoan_thanh"), (2021, "khong_hoan_thanh")), [], "EVAL-2020-2Y", Outcome.MET),
        # ND 48/2023: disciplined in 2024, so 2024 counts as "không hoàn thành" whatever the record says.
        (
            date(2025, 3, 1),
            ratings((2023, "khong_hoan_thanh"), (2024, "hoan_thanh_tot")),
            [{"form": "khien_trach", "decided_on": "2024-06-01"}],
            "EVAL-2020-2Y",
            Outcome.NOT_MET,
        ),
        (date(2025, 3, 1), [], [], "EVAL-2020-2Y", Outcome.NOT_APPLICABLE),  # no record: not checked
        # Law 80/2025 from 01/01/2026: one year "không hoàn thành" → lower position or dismissal.
        (date(2027, 3, 1), ratings((2026, "khong_hoan_thanh")), [], "EVAL-2026", Outcome.NOT_MET),
        (date(2027, 3, 1), ratings((2025, "khong_hoan_thanh"), (2026, "hoan_thanh")), [], "EVAL-2026", Outcome.MET),
        (
            date(2026, 3, 1),
            ratings((2024, "khong_hoan_thanh"), (2025, "khong_hoan_thanh")),
            [],
            "EVAL-2020-2Y",
            None,
        ),  # the two-year trigger ends on 31/12/2025
    ],
)
def test_evaluation_consequences(
    on: date, evaluations: list[Any], disciplines: list[Any], code: str, expected: Outcome | None
) -> None:
    a = evaluate(on, title="rank.01.003", qualifications=[UNI], evaluations=evaluations, disciplines=disciplines)
    assert outcome(a, code) is expected
