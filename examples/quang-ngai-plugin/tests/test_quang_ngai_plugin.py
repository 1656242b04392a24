"""The Quảng Ngãi 2021 review (Công văn 3825/UBND-NC, as reported on 11/08/2021) on the sample roster."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import cbcc_quang_ngai
import pytest

from cbcc_standards import Engine, load_registry
from cbcc_standards.cli import main
from cbcc_standards.io import RosterFile
from cbcc_standards.report import ReviewSummary, RosterReport
from cbcc_standards.results import Assessment, Outcome, Status

ROSTER = Path(__file__).resolve().parents[2] / "quang-ngai-2021" / "roster.json"
REGISTRY = load_registry(load_entry_points=False, plugins=[cbcc_quang_ngai], strict=True)


def review(as_of: date, province: str | None = "QN") -> tuple[dict[str, Assessment], dict[str, Any]]:
    engine = Engine(REGISTRY, province=province)
    report = RosterReport(as_of=as_of, review=ReviewSummary.for_engine(engine, as_of))
    by_id: dict[str, Assessment] = {}
    for item in engine.evaluate_roster(RosterFile(ROSTER), as_of=as_of):
        a = report.add(item)
        if a is not None:
            by_id[a.id] = a
    units = {u["code"]: u for u in report.summary()["units"]}
    return by_id, units


def test_registers_cleanly() -> None:
    assert "QN" in REGISTRY.jurisdictions
    assert next(p for p in REGISTRY.plugins if p.name == "cbcc_quang_ngai").error is None
    assert len([u for u in REGISTRY.units.values() if u.tier == "district"]) == 13


def test_before_the_deadline_the_shortfalls_are_to_train_by_31_12_2021() -> None:
    by_id, units = review(date(2021, 12, 31))
    # Recruited in 2016, outside difficult areas: TT 13/2019 gives until 25/12/2024, the province until 31/12/2021.
    a = by_id["QN-0002"]
    assert (a.status, a.action.value, a.deadline) == (Status.WITHIN_GRACE, "train", date(2021, 12, 31))
    prof = next(f for f in a.findings if f.rule == "CX-CC-2019-PROF")
    assert [b.document for b in prof.basis][-1] == "Công văn 3825/UBND-NC"
    district = units["QN.BINH_SON"]
    assert district["par_deduction"]["deducted"] is False
    assert district["responsible"]["title"] == "district.chu_tich_ubnd"
    assert district["responsible"]["person"] == {"id": "QN-0035", "full_name": "Nguyễn Văn Hùng"}


def test_after_the_deadline_they_are_to_be_replaced_and_districts_flagged() -> None:
    by_id, units = review(date(2022, 1, 1))
    a = by_id["QN-0002"]
    assert (a.status, a.action.value) == (Status.NON_COMPLIANT, "replace")
    assert units["QN.BINH_SON"]["par_deduction"]["deducted"] is True
    assert "31/12/2021" in units["QN.BINH_SON"]["par_deduction"]["reason"]
    # Tư Nghĩa has no non-compliant commune official: no deduction.
    assert units["QN.TU_NGHIA"]["par_deduction"]["deducted"] is False


def test_without_the_province_only_national_law_applies() -> None:
    by_id, units = review(date(2022, 1, 1), province=None)
    assert (by_id["QN-0002"].status, by_id["QN-0002"].deadline) == (Status.WITHIN_GRACE, date(2024, 12, 25))
    assert units["QN.BINH_SON"]["par_deduction"]["deducted"] is False
    assert units["QN.BINH_SON"]["responsible"] is None


def test_the_deadline_does_not_carry_over_into_nd_33_2023() -> None:
    by_id, _ = review(date(2023, 8, 1))
    a = by_id["QN-0002"]
    assert (a.status, a.deadline) == (Status.WITHIN_GRACE, date(2028, 8, 1))


def test_the_review_deadline_gives_every_shortfall_until_31_12_2021() -> None:
    """Công văn 3825/UBND-NC is a review deadline: "remedy the cases that fall short by 31/12/2021, replace after".
    QN-0004 was recruited on 2020-09-01, after 25/12/2019: no national grace, yet the province's own instrument gives
    the shortfall until 31/12/2021 — and the finding says the period rests on it, not on national law."""
    by_id, _ = review(date(2021, 11, 1))
    a = by_id["QN-0004"]
    assert (a.status, a.action.value, a.deadline) == (Status.WITHIN_GRACE, "train", date(2021, 12, 31))
    prof = next(f for f in a.findings if f.rule == "CX-CC-2019-PROF")
    assert prof.basis[-1] == cbcc_quang_ngai.CV_3825
    assert "not by national law" in prof.message.en
    assert "không phải của pháp luật trung ương" in prof.message.vi
    after, _ = review(date(2022, 1, 1))
    assert (after["QN-0004"].status, after["QN-0004"].action.value) == (Status.NON_COMPLIANT, "replace")
    national, _ = review(date(2021, 11, 1), province=None)
    assert national["QN-0004"].status is Status.NON_COMPLIANT


def test_illustrative_exception_is_visible_as_provisional() -> None:
    # Sơn Hạ is flagged mountainous in the (illustrative) units: with the province's delegation, trung cấp is met,
    # but the finding rests on an unconfirmed list and says so.
    by_id, _ = review(date(2021, 12, 31))
    prof = next(f for f in by_id["QN-0011"].findings if f.rule == "CX-CC-2019-PROF")
    assert (prof.outcome, prof.provisional) == (Outcome.MET, True)
    assert cbcc_quang_ngai.ILLUSTRATIVE_LIST in prof.basis


def test_cli_with_the_installed_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import EntryPoint

    from cbcc_standards import plugins

    ep = EntryPoint(name="quang_ngai", value="cbcc_quang_ngai", group="cbcc_standards")
    monkeypatch.setattr(plugins, "entry_points", lambda group: [ep] if group == "cbcc_standards" else [])
    out = io.StringIO()
    assert main(["check", str(ROSTER), "--province", "QN", "--as-of", "2022-01-01", "--format", "json"], out=out) == 0
    report = json.loads(out.getvalue())
    assert {"name": "quang_ngai", "version": None} in report["receipt"]["plugins"]
    flagged = {u["code"] for u in report["summary"]["units"] if (u.get("par_deduction") or {}).get("deducted")}
    assert "QN.BINH_SON" in flagged


@pytest.mark.parametrize("name", ["QN", "qn", "quang_ngai", "Quang-Ngai", "quảng ngãi", "51"])
def test_the_province_is_named_by_its_code_aliases_or_statistical_code(name: str) -> None:
    assert Engine(REGISTRY, province=name).province == "QN"


def test_an_unknown_province_lists_the_known_ones(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from importlib.metadata import EntryPoint

    from cbcc_standards import plugins
    from cbcc_standards.plugins import UnknownJurisdictionError

    with pytest.raises(UnknownJurisdictionError, match=r"known: QN \(quang_ngai, quang-ngai, Quảng Ngãi, 51\)"):
        Engine(REGISTRY, province="52")
    ep = EntryPoint(name="quang_ngai", value="cbcc_quang_ngai", group="cbcc_standards")
    monkeypatch.setattr(plugins, "entry_points", lambda group: [ep] if group == "cbcc_standards" else [])
    assert main(["check", str(ROSTER), "--province", "Ha Noi", "--as-of", "2022-01-01"], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "tỉnh «Ha Noi»" in err  # in the reader's language, Vietnamese by default
    assert "QN (quang_ngai, quang-ngai, Quảng Ngãi, 51)" in err
    assert main(["check", str(ROSTER), "--province", "Ha Noi", "--as-of", "2022-01-01", "--lang", "en"]) == 2
    assert "unknown province 'Ha Noi'" in capsys.readouterr().err


def _passing_on_the_illustrative_list(on: date) -> set[str]:
    """Computed from the findings: compliant officials whose pass needs a finding resting on the illustrative list."""
    by_id, _ = review(on)
    return {
        i
        for i, a in by_id.items()
        if a.status is Status.COMPLIANT
        and any(f.outcome is Outcome.MET and cbcc_quang_ngai.ILLUSTRATIVE_LIST in f.basis for f in a.findings)
    }


def test_passes_on_provisional_law_are_marked_counted_and_listed_in_every_format(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from importlib.metadata import EntryPoint

    import openpyxl  # type: ignore[import-untyped]

    from cbcc_standards import plugins

    expected = _passing_on_the_illustrative_list(date(2022, 1, 1))
    assert len(expected) == 5  # the five sample officials in illustrative difficult-area communes
    by_id, _ = review(date(2022, 1, 1))
    assert {i for i, a in by_id.items() if a.provisional_pass} == expected

    ep = EntryPoint(name="quang_ngai", value="cbcc_quang_ngai", group="cbcc_standards")
    monkeypatch.setattr(plugins, "entry_points", lambda group: [ep] if group == "cbcc_standards" else [])
    args = ["check", str(ROSTER), "--province", "QN", "--as-of", "2022-01-01"]

    out = io.StringIO()
    assert main([*args, "--format", "json"], out=out) == 0
    report = json.loads(out.getvalue())
    assert report["summary"]["provisional_passes"] == 5
    assert {o["id"] for o in report["officials"] if o["provisional_pass"]} == expected

    out = io.StringIO()
    assert main([*args, "--format", "csv"], out=out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert {r["id"] for r in rows if r["provisional_pass"] == "yes"} == expected

    out = io.StringIO()
    assert main([*args, "--format", "text"], out=out) == 0
    text = out.getvalue()
    section = text.split("Đạt chuẩn nhưng cần lưu ý")[1].split("\n\n")[0]
    assert {i for i in by_id if f" {i} " in section} == expected
    assert "Đạt nhờ quy định chưa được xác nhận (tạm thời): 5" in text

    html = tmp_path / "review.html"
    assert main([*args, "--output", str(html)], out=io.StringIO()) == 0
    page = html.read_text(encoding="utf-8")
    attention = page.split('<section id="attention">')[1].split("</section>")[0]
    assert {i for i in by_id if f"<code>{i}</code>" in attention} == expected

    book = tmp_path / "review.xlsx"
    assert main([*args, "--output", str(book), "--lang", "en"], out=io.StringIO()) == 0
    sheet = openpyxl.load_workbook(book)["Compliant but to look at"]
    assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == expected


def test_without_the_province_nothing_passes_on_provisional_law() -> None:
    by_id, _ = review(date(2022, 1, 1), province=None)
    assert not any(a.provisional_pass for a in by_id.values())


def test_the_readme_describes_the_deadline_as_the_code_applies_it() -> None:
    """The README says what the deadline does: a review deadline, which also gives a shortfall with no national grace
    until 31/12/2021 (test_the_review_deadline_gives_every_shortfall_until_31_12_2021), not only a shortening."""
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert cbcc_quang_ngai.DEADLINE.kind == "review"
    assert "review deadline" in readme
    assert "cannot create" not in readme
    assert "gives no grace" in readme
    assert "`train` until 31/12/2021 and `replace` after" in readme
