"""Counting rules docs/outcomes.md states: Tư pháp – hộ tịch under TT 13/2019 before TT 04/2022 needs both the
circular's đại học and Luật Hộ tịch Art 72(2)'s trung cấp luật; from 01/07/2022 the law's standard alone applies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from cbcc_standards import Engine, Official, Outcome

MET, NOT_MET = Outcome.MET, Outcome.NOT_MET
LAW_TRUNG_CAP = {"kind": "professional", "level": "trung_cap", "field": "luật"}
ECONOMICS_DEGREE = {"kind": "professional", "level": "dai_hoc", "field": "kinh tế"}


@pytest.mark.parametrize(
    ("qualification", "on", "expected"),
    [
        # Both standards from 25/12/2019 to 30/06/2022: trung cấp luật fails the circular, đại học kinh tế the law.
        (LAW_TRUNG_CAP, date(2019, 12, 25), {"CX-CC-2019-PROF": NOT_MET, "CX-HOTICH-2016": MET}),
        (LAW_TRUNG_CAP, date(2022, 6, 30), {"CX-CC-2019-PROF": NOT_MET, "CX-HOTICH-2016": MET}),
        (ECONOMICS_DEGREE, date(2022, 6, 30), {"CX-CC-2019-PROF": MET, "CX-HOTICH-2016": NOT_MET}),
        # From TT 04/2022: "unless a law provides otherwise" — the law's standard alone.
        (LAW_TRUNG_CAP, date(2022, 7, 1), {"CX-HOTICH-2016": MET}),
        (ECONOMICS_DEGREE, date(2022, 7, 1), {"CX-HOTICH-2016": NOT_MET}),
        # Before TT 13/2019: TT 06/2012 (trung cấp) and the law.
        (LAW_TRUNG_CAP, date(2019, 12, 24), {"CX-CC-2012-PROF": MET, "CX-HOTICH-2016": MET}),
    ],
)
def test_civil_status_officer_standards(
    make_official: Callable[..., Official],
    engine: Engine,
    qualification: dict[str, str],
    on: date,
    expected: dict[str, Outcome],
) -> None:
    # Recruited on TT 13/2019's first day: no grace period for the university standard.
    recruited = "2019-12-25" if on >= date(2019, 12, 25) else "2015-03-01"
    official = make_official(
        title="commune.tu_phap_ho_tich",
        recruited_on=recruited,
        qualifications=[
            {"kind": "general_education", "level": "thpt"},
            {"kind": "it", "level": "co_ban"},
            qualification,
        ],
    )
    found = {
        f.rule: f.outcome
        for f in engine.evaluate(official, as_of=on).findings
        if f.rule.endswith("-PROF") or "HOTICH" in f.rule
    }
    assert found == expected
