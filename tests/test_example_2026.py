"""The present-day example (examples/quang-ngai-2026): today's Quảng Ngãi, two-tier, reviewed on 04/12/2026.

Each official's expected status is worked out by hand from legal-sources.md §9 (CV 11/CV-BCĐ: đại học; the grace to
01/07/2030 for those in office before 01/07/2025 who are of an ethnic minority or work in an ĐBKK commune; leaders:
đại học and trung cấp LLCT; cadres: standards from Party rules, not encoded) and §4 (retirement).
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from cbcc_standards.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "quang-ngai-2026"
G = "2030-07-01"

EXPECTED = {
    "QN26-001": ("compliant", None, None),  # đại học
    "QN26-002": ("compliant", None, None),
    "QN26-003": ("non_compliant", None, "CX-CC-2025-PROF"),  # trung cấp, Kinh, not ĐBKK: no grace
    "QN26-004": ("non_compliant", None, "CX-CC-2025-PROF"),  # recruited 01/09/2025: after the two-tier start
    "QN26-005": ("within_grace", G, "CX-CC-2025-PROF"),  # H'rê in an ĐBKK commune
    "QN26-006": ("within_grace", G, "CX-CC-2025-PROF"),  # Ca Dong
    "QN26-007": ("non_compliant", None, "CX-CC-2025-PROF"),  # Kinh, mountain commune but no ĐBKK flag
    "QN26-008": ("within_grace", G, "CX-CC-2025-PROF"),  # Xơ Đăng, commune not ĐBKK: the ethnicity suffices
    "QN26-009": ("within_grace", G, "CX-CC-2025-PROF"),  # not yet placed (commune.cong_chuc), Gia Rai
    "QN26-010": ("compliant", None, None),
    "QN26-011": ("compliant", None, None),
    "QN26-012": ("compliant", None, None),
    "QN26-013": ("undetermined", None, "CX-CC-2025-PROF"),  # trung cấp, ethnicity unknown, commune not ĐBKK
    "QN26-014": ("within_grace", G, "CX-CC-2025-PROF"),  # Kinh in an ĐBKK commune: the commune suffices
    "QN26-015": ("compliant", None, None),  # pre-2025 title (địa chính) read as an unplaced civil servant
    # pre-2025 tư pháp – hộ tịch with trung cấp luật: whether Luật Hộ tịch Art 72(2) still suffices is [L] (§9.1)
    "QN26-016": ("undetermined", None, "CX-CC-2025-PROF"),
    "QN26-017": ("compliant", None, None),  # leader: đại học and trung cấp LLCT
    "QN26-018": ("non_compliant", None, "CX-LD-2025-LLCT"),  # leader without LLCT
    "QN26-019": ("within_grace", G, "CX-LD-2025-PROF"),  # leader, trung cấp, H'rê in an ĐBKK commune
    "QN26-020": ("compliant", None, None),
    "QN26-021": ("undetermined", None, "CX-CB-2025-STD"),  # cadre: Party standards, not encoded
    "QN26-022": ("undetermined", None, "CX-CB-2025-STD"),
    "QN26-023": ("undetermined", None, "CX-CB-2025-ORG"),  # head of the Fatherland Front: status unsettled
    "QN26-024": ("undetermined", None, "CX-CC-2025-PROF"),  # no qualification record
    "QN26-025": ("non_compliant", None, "CBCC-RETIREMENT"),  # woman born 03/1966: retired 31/07/2021
}


@pytest.fixture(scope="module")
def review() -> dict[str, dict[str, object]]:
    out = io.StringIO()
    args = ["check", str(EXAMPLE / "roster.json"), "--units", str(EXAMPLE / "units.json"), "--as-of", "2026-12-04"]
    assert main([*args, "--format", "json", "--plugins", ""], out=out) == 0
    report = json.loads(out.getvalue())
    assert report["rejected"] == []
    assert report["warnings"] == []  # a two-tier tree: province → xã, phường, đặc khu
    return {o["id"]: o for o in report["officials"]}


@pytest.mark.parametrize("ident", sorted(EXPECTED))
def test_each_official_on_04_12_2026(review: dict[str, dict[str, object]], ident: str) -> None:
    status, deadline, rule = EXPECTED[ident]
    official = review[ident]
    assert (official["status"], official["deadline"]) == (status, deadline)
    failing = [f["rule"] for f in official["findings"] if f["outcome"] not in ("met", "not_applicable")]  # type: ignore[attr-defined]
    assert failing == ([rule] if rule else [])


def test_no_continuing_post_is_said_not_to_exist(review: dict[str, dict[str, object]]) -> None:
    for official in review.values():
        title = next(f for f in official["findings"] if f["rule"] == "CBCC-TITLE")  # type: ignore[attr-defined]
        assert title["outcome"] == "met", official["id"]


@pytest.mark.parametrize(("on", "status"), [(date(2030, 7, 1), "within_grace"), (date(2030, 7, 2), "non_compliant")])
def test_the_grace_runs_to_01_07_2030(on: date, status: str) -> None:
    out = io.StringIO()
    args = ["check", str(EXAMPLE / "roster.json"), "--units", str(EXAMPLE / "units.json"), "--plugins", ""]
    assert main([*args, "--as-of", on.isoformat(), "--format", "json"], out=out) == 0
    found = {o["id"]: o["status"] for o in json.loads(out.getvalue())["officials"]}
    graced = [i for i, (expected, _, _) in EXPECTED.items() if expected == "within_grace"]
    assert {found[i] for i in graced} == {status}
