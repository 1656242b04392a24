"""What keeps a national review's memory flat: the people of the retirement horizon sorted on disk (an external merge
sort), the rows of the records as runs, the duplicate-id index in 16 bytes a slot. Each is checked against the
plain structure it replaces, on every size around its thresholds."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cbcc_standards.dates import Gender
from cbcc_standards.engine import _SeenIds
from cbcc_standards.io import _LineIndex
from cbcc_standards.officials import Official
from cbcc_standards.report import spill as spill_module
from cbcc_standards.report.retirements import RetirementCounter
from cbcc_standards.report.spill import SortingSpill, Spill


@settings(max_examples=60, deadline=None)
@given(
    items=st.lists(st.tuples(st.integers(0, 5), st.integers()), max_size=120),
    limit=st.integers(1, 9),
    runs=st.integers(2, 4),
)
def test_a_sorting_spill_sorts_as_sorted_does_stable_whatever_its_runs(
    items: list[tuple[int, int]], limit: int, runs: int
) -> None:
    # keys repeat (0..5): the order of equal keys must stay the order added, across runs and their merges
    original = spill_module.MAX_RUNS
    spill_module.MAX_RUNS = runs
    try:
        sorter: SortingSpill[tuple[int, int]] = SortingSpill(lambda item: item[0], limit=limit)
        sorter.extend(items)
        expected = sorted(items, key=lambda item: item[0])
        assert len(sorter) == len(items)
        result = sorter.sorted()
        assert list(result) == expected
        assert isinstance(result, list) == (len(items) < limit)  # nothing on disk below the limit
        assert list(sorter.sorted(lambda item: (item[0], -item[1]))) == [(k, -v) for k, v in expected]
        sorter.append((3, 0))  # it goes on taking items after
        assert list(sorter.sorted()) == sorted([*items, (3, 0)], key=lambda item: item[0])
        sorter.close()
        assert list(sorter.sorted()) == []
    finally:
        spill_module.MAX_RUNS = original


def test_a_sorting_spill_writes_runs_and_merges_them_past_the_most_files() -> None:
    sorter: SortingSpill[int] = SortingSpill(lambda n: -n, limit=10)
    sorter.extend(range(9))
    assert sorter._runs == []
    sorter.append(9)
    assert len(sorter._runs) == 1
    sorter.extend(range(10, 10 * spill_module.MAX_RUNS + 5))
    assert len(sorter._runs) == 1  # MAX_RUNS runs were merged into one
    result = sorter.sorted()
    assert isinstance(result, Spill)
    assert list(result) == sorted(range(10 * spill_module.MAX_RUNS + 5), reverse=True)
    with pytest.raises(ValueError, match="at least 1"):
        SortingSpill(lambda n: n, limit=0)


def _official(number: int, birth: date, unit: str) -> Official:
    return Official.model_validate(
        {
            "id": f"P{number:04d}",
            "full_name": f"Người {number}",
            "gender": "nam" if number % 3 else "nu",
            "birth_date": birth.isoformat(),
            "unit": unit,
            "title": "chu_tich_ubnd_xa",
        }
    )


@pytest.mark.parametrize("limit", [1, 3, 10_000])
def test_the_retirement_horizon_is_the_same_when_its_people_go_to_disk(
    limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # births from 1955 to 1968: overdue, within the window and beyond it on 2025-06-30, several a day and unit
    officials = [_official(n, date(1955 + n % 14, 1 + n % 12, 1 + n % 5), f"U{n % 3}") for n in range(400)]
    reference = RetirementCounter(date(2025, 6, 30))
    for official in officials:
        reference.add(official)
    expected = reference.result()
    assert len(expected.people) > 20
    assert len(expected.overdue) > 20

    monkeypatch.setattr(spill_module, "SPILL_AFTER", limit)
    counter = RetirementCounter(date(2025, 6, 30))
    for start in range(0, len(officials), 37):  # as a parallel review: chunks counted apart, absorbed in order
        part = counter.spawn()
        for official in officials[start : start + 37]:
            part.add(official)
        counter.absorb(part.counts())
    got = counter.result()
    assert list(got.people) == list(expected.people)
    assert list(got.overdue) == list(expected.overdue)
    assert got.people == expected.people  # a spill equals the list of the same people
    assert [r.retirement_date for r in got.overdue] == sorted(r.retirement_date for r in got.overdue)
    assert got.as_dict() == expected.as_dict()
    assert {r.gender for r in got.people} == {Gender.MALE, Gender.FEMALE}


@given(st.lists(st.one_of(st.just(0), st.integers(1, 50)), max_size=80), st.booleans())
def test_the_rows_of_records_as_runs_are_the_rows_given(steps: list[int], contiguous: bool) -> None:
    # rows that follow each other (the common case), jumps, unknown rows (0), repeats
    rows: list[int] = []
    line = 1
    for step in steps:
        if step == 0:
            rows.append(0)
            continue
        line += 1 if contiguous else step
        rows.append(line)
    index = _LineIndex()
    for row in rows:
        index.append(row)
    assert len(index) == len(rows)
    assert list(index) == rows
    assert [index[i] for i in range(len(rows))] == rows
    with pytest.raises(IndexError):
        index[len(rows)]


def test_contiguous_rows_cost_one_run() -> None:
    index = _LineIndex()
    for row in range(2, 100_002):
        index.append(row)
    assert len(index._starts) == 1
    assert index[0] == 2
    assert index[99_999] == 100_001


def test_the_duplicate_id_index_keeps_rows_past_four_billion() -> None:
    seen = _SeenIds()
    assert seen.first("A", 7) is None
    assert seen._rows.itemsize == 4
    assert seen.first("B", (1 << 32) + 5) is None
    assert seen._rows.itemsize == 8
    assert seen.first("A", 1) == 7
    assert seen.first("B", 1) == (1 << 32) + 5


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_text_and_html_reports_do_not_build_the_json_of_every_retiring_official(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # they read the people from the horizon itself; building every person's JSON shape only to count the officials
    # took 548 MiB at 2.5 million (the text report's totals)
    from cbcc_standards.cli import main
    from cbcc_standards.report import retirements

    roster = tmp_path / "roster.jsonl"
    rows = [
        {
            "id": f"P{n}",
            "full_name": f"Người {n}",
            "gender": "nam",
            "birth_date": f"{1955 + n}-03-01",
            "title": "chu_tich_ubnd_xa",
        }
        for n in range(8)
    ]
    roster.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")

    def refuse(self: object) -> dict[str, object]:
        raise AssertionError("a retiring official's JSON shape was built")

    monkeypatch.setattr(retirements.Retiring, "as_dict", refuse)
    out = tmp_path / f"report.{fmt}"
    assert main(["check", str(roster), "--as-of", "2024-01-01", "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    assert "«" not in text  # every row assessed: none rejected for a field
    assert "P0" in text
    assert "P7" in text


@pytest.mark.parametrize("fmt", ["html", "xlsx"])
def test_the_report_view_computes_the_horizon_and_the_quality_once(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # past 10,000 people each result() merges the runs into a new temporary file: the view's summary table only needs
    # the counts
    pytest.importorskip("jinja2" if fmt == "html" else "openpyxl")
    from cbcc_standards.cli import main
    from cbcc_standards.report.quality import QualityCounter

    calls: list[str] = []
    for cls in (RetirementCounter, QualityCounter):
        original = cls.result

        def counted(self: object, _original: object = original, _name: str = cls.__name__) -> object:
            calls.append(_name)
            return _original(self)  # type: ignore[operator]

        monkeypatch.setattr(cls, "result", counted)
    roster = tmp_path / "roster.jsonl"
    roster.write_text(
        json.dumps({"id": "P1", "gender": "nu", "birth_date": "1960-03-01", "title": "chu_tich_ubnd_xa"}) + "\n",
        "utf-8",
    )
    assert main(["check", str(roster), "--as-of", "2024-01-01", "--format", fmt, "-o", str(tmp_path / "r")]) == 0
    assert sorted(calls) == ["QualityCounter", "RetirementCounter"]
