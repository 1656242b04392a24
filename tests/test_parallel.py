"""Parallel review (``check --jobs N``, ``Engine.evaluate_roster(workers=N)``): the same report, byte for byte, in
every format, whatever the number of processes; rejected rows and duplicate ids across chunks; a worker that dies."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cbcc_standards import parallel
from cbcc_standards.cli import main
from cbcc_standards.engine import Engine
from cbcc_standards.io import RosterFile, read_units
from cbcc_standards.plugins import load_registry

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "quang-ngai-2021"
UNITS = EXAMPLE / "units.json"


def _roster(tmp_path: Path) -> Path:
    """A JSON Lines roster of 80 rows: the example's officials under new ids, an id repeated far apart (across
    chunks), a line that is not JSON, a row that does not validate, a unit not in the units file."""
    rows = json.loads((EXAMPLE / "roster.json").read_text(encoding="utf-8"))
    lines = []
    for i in range(74):
        row = dict(rows[i % len(rows)])
        if isinstance(row.get("id"), str):
            row["id"] = f"{row['id']}-{i}"
        lines.append(json.dumps(row, ensure_ascii=False))
    first = json.loads(lines[1])
    lines.insert(60, json.dumps(first, ensure_ascii=False))  # duplicate of row 2, chunks away
    lines.insert(30, json.dumps({**first, "id": "X-DUP"}, ensure_ascii=False))
    lines.insert(31, "{not json")
    lines.insert(45, json.dumps({**first, "id": "X-DUP", "birth_date": "not a date"}, ensure_ascii=False))
    lines.insert(50, json.dumps({**first, "id": "X-BAD", "gender": "?"}, ensure_ascii=False))
    lines.insert(52, json.dumps({**first, "id": "X-UNIT", "unit": "NOWHERE"}, ensure_ascii=False))
    path = tmp_path / "roster.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _check(roster: Path, out: Path, jobs: int, *extra: str) -> int:
    argv = ["check", str(roster), "--units", str(UNITS), "--as-of", "2024-01-01", "--plugins", ""]
    return main([*argv, "--jobs", str(jobs), "-o", str(out), *extra], out=io.StringIO())


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "DEFAULT_CHUNK", 4)


def _cells(path: Path) -> list[Any]:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(path)
    return [(ws.title, [[c.value for c in row] for row in ws.iter_rows()]) for ws in book.worksheets]


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "txt", "html", "xlsx"])
def test_the_report_is_the_same_whatever_the_jobs(tmp_path: Path, fmt: str) -> None:
    if fmt == "html":
        pytest.importorskip("jinja2")
    roster = _roster(tmp_path)
    outputs = []
    for jobs in (1, 2, 3):
        out = tmp_path / f"report-{jobs}.{fmt}"
        assert _check(roster, out, jobs) == 0
        outputs.append(_cells(out) if fmt == "xlsx" else out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.usefixtures("small_chunks")
def test_rejected_rows_and_duplicates_across_chunks(tmp_path: Path) -> None:
    roster = _roster(tmp_path)
    out = tmp_path / "report.json"
    assert _check(roster, out, 2, "--lang", "en") == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    rejected = {r["row"]: r for r in report["rejected"]}
    assert len(report["officials"]) + len(rejected) == 80  # every line assessed or rejected
    codes = {row: [e["code"] for e in r["errors"]] for row, r in rejected.items()}
    assert codes[32] == ["invalid_json"]
    assert rejected[32]["line"] == 32
    assert codes[46] == ["duplicate_id"]  # X-DUP first seen at row 31, in another chunk
    assert "row 31" in rejected[46]["errors"][0]["message"]
    again = [r for r in rejected.values() if r["id"] == "QN-0002-1"]
    assert [e["code"] for e in again[0]["errors"]] == ["duplicate_id"]
    assert again[0]["row"] > 60
    assert "row 2)" in again[0]["errors"][0]["message"]
    assert any(e["field"] == "gender" for e in rejected[51]["errors"])
    unit = next(o for o in report["officials"] if o["id"] == "X-UNIT")
    assert [w["code"] for w in unit["warnings"]] == ["unknown_unit"]
    assert [o["id"] for o in report["officials"]][:3] == ["QN-0001-0", "QN-0002-1", "QN-0003-2"]


def test_evaluate_roster_with_workers_gives_the_same_items(tmp_path: Path) -> None:
    engine = Engine(load_registry(load_entry_points=False), units=read_units(UNITS))
    rows = list(RosterFile(_roster(tmp_path)))
    one = list(engine.evaluate_roster(rows, as_of=date(2024, 1, 1)))
    two = list(engine.evaluate_roster(rows, as_of=date(2024, 1, 1), workers=2, chunk_size=5))
    assert one == two


def test_a_bad_worker_count_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", str(EXAMPLE / "roster.json"), "--as-of", "2024-01-01", "--jobs", "0"])
    assert "--jobs" in capsys.readouterr().err
    engine = Engine(load_registry(load_entry_points=False))
    with pytest.raises(ValueError, match="workers"):
        list(parallel.evaluate_parallel(engine, [], as_of=date(2024, 1, 1), workers=0))


def _die(rows: Any, day: date, settings: Any = None) -> Any:
    os._exit(3)


def test_a_worker_that_dies_fails_the_run_without_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(parallel, "_work", _die)
    out = tmp_path / "report.json"
    out.write_text("earlier report", encoding="utf-8")
    assert _check(_roster(tmp_path), out, 2) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "worker process died" in err[0]
    assert out.read_text(encoding="utf-8") == "earlier report"  # the earlier file untouched, no partial report
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_auto_jobs_by_input_size() -> None:
    assert parallel.auto_jobs(1000) == 1
    assert parallel.auto_jobs(None) == 1
    assert parallel.auto_jobs(parallel.AUTO_JOBS_BYTES) == parallel.available_cores()


def test_the_duplicate_id_index_grows_and_finds_first_rows() -> None:
    from cbcc_standards.engine import _SeenIds

    seen = _SeenIds()
    ids = [f"ID-{i}" for i in range(5000)] + ["", "é", "ID-1 "]
    for number, key in enumerate(ids, start=1):
        assert seen.first(key, number) is None
    assert seen.first("ID-0", 9999) == 1
    assert seen.first("ID-4999", 9999) == 5000
    assert seen.first("é", 9999) == 5002
    assert seen.first("ID-1 ", 9999) == 5003
    assert seen.first("ID-5000", 9999) is None


@pytest.mark.parametrize("batch", [1, 4, 7, 256])
def test_a_spill_keeps_order_and_positions_past_its_memory(
    tmp_path: Path, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cbcc_standards.report import spill as module
    from cbcc_standards.report.spill import Spill

    monkeypatch.setattr(module, "BATCH", batch)
    engine = Engine(load_registry(load_entry_points=False), units=read_units(UNITS))
    items = list(engine.evaluate_roster(RosterFile(_roster(tmp_path)), as_of=date(2024, 1, 1)))
    spill: Spill[Any] = Spill(limit=5)
    for item in items:
        spill.append(item)
    assert len(spill) == len(items)
    assert list(spill) == items
    assert list(spill) == items  # read again
    assert spill == items
    assert spill[0] == items[0]
    assert spill[40] == items[40]
    assert spill[-1] == items[-1]
    assert spill[3:8] == items[3:8]
    assert [spill[i] for i in reversed(range(len(items)))] == items[::-1]  # every batch, the unwritten tail too
    assert spill[-len(items)] == items[0]
    with pytest.raises(IndexError):
        spill[len(items)]
    with pytest.raises(IndexError):
        spill[-len(items) - 1]
    spill.close()
    assert len(spill) == 5


@pytest.mark.parametrize("fmt", ["txt", "html", "xlsx"])
def test_reports_that_spill_the_people_to_act_on_are_unchanged(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cbcc_standards.report import spill

    if fmt == "html":
        pytest.importorskip("jinja2")
    roster = _roster(tmp_path)
    whole = tmp_path / f"whole.{fmt}"
    assert _check(roster, whole, 1) == 0
    monkeypatch.setattr(spill.Spill.__init__, "__defaults__", (3,))
    monkeypatch.setattr(spill, "BATCH", 4)
    spilled = tmp_path / f"spilled.{fmt}"
    assert _check(roster, spilled, 1) == 0
    if fmt == "xlsx":
        assert _cells(whole) == _cells(spilled)
    else:
        assert whole.read_bytes() == spilled.read_bytes()


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_compact_layout_rebuilds_the_inline_report(tmp_path: Path, lang: str) -> None:
    from cbcc_standards.report.formats.json import COMPACT_VERSION, expand_compact, read_compact_lines

    roster = _roster(tmp_path)
    inline = tmp_path / "inline.json"
    assert _check(roster, inline, 1, "--lang", lang) == 0
    full = json.loads(inline.read_text(encoding="utf-8"))
    sizes = {}
    for jobs in (1, 2):
        compact = tmp_path / f"compact-{jobs}.json"
        lines = tmp_path / f"compact-{jobs}.jsonl"
        assert _check(roster, compact, jobs, "--lang", lang, "--json-layout", "compact") == 0
        assert _check(roster, lines, jobs, "--lang", lang, "--json-layout", "compact") == 0
        data = json.loads(compact.read_text(encoding="utf-8"))
        assert data["format_version"] == COMPACT_VERSION
        assert all(isinstance(k, str) for o in data["officials"] for k in o["findings"])
        assert expand_compact(data) == full
        with lines.open(encoding="utf-8") as records:
            assert expand_compact(read_compact_lines(records)) == full
        sizes[jobs] = (compact.read_bytes(), lines.read_bytes())
    assert sizes[1] == sizes[2]
    known: set[str] = set()
    for line in sizes[1][1].decode("utf-8").splitlines():  # a stream: every key is defined before it is used
        record = json.loads(line)
        if record["type"] in ("finding", "basis"):
            assert all(b in known for b in record.get("basis", ()))
            known.add(record["key"])
        elif record["type"] == "official":
            assert all(k in known for k in record["findings"])
    texts = [json.dumps(f, sort_keys=True) for f in data["findings"].values()]
    assert len(texts) == len(set(texts))  # each distinct finding once
    assert len(sizes[1][0]) < len(inline.read_bytes()) / 3


def test_expand_compact_refuses_another_document() -> None:
    from cbcc_standards.report.formats.json import expand_compact

    with pytest.raises(ValueError, match="format_version"):
        expand_compact({"officials": []})


@pytest.mark.usefixtures("small_chunks")
def test_the_statistics_are_counted_in_the_workers(tmp_path: Path) -> None:
    """The quality counts and the retirement horizon see every official that validates, whichever process
    validated it: the same as one process, in the same order of ids."""
    roster = _roster(tmp_path)
    summaries = []
    for jobs in (1, 2):
        out = tmp_path / f"report-{jobs}.json"
        assert _check(roster, out, jobs) == 0
        summaries.append(json.loads(out.read_text(encoding="utf-8"))["summary"])
    one, two = summaries
    assert one["quality"]["total"]["total"] == one["officials"] > 70
    assert one["quality"] == two["quality"]
    assert one["retirements"] == two["retirements"]
    assert one["retirements"]["unknown_ids"] or one["retirements"]["officials"]  # people listed, across chunks


def test_the_tables_of_findings_start_afresh_and_unhashable_findings_travel_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers send each finding once, by number, and start a new table when theirs is full (here after 3); a plugin
    finding whose ``actual`` is a list (no number: it cannot be hashed) goes whole. The items are those of one
    process."""
    from collections.abc import Callable as Fn

    from cbcc_standards import Custom, Outcome, Rule, RuleSet, Text, hookimpl
    from cbcc_standards.law import LegalBasis, Period
    from cbcc_standards.rules.model import Verdict

    def listed(official: Any, ctx: Any) -> Verdict:
        return Verdict(Outcome.MET, Text(vi="Danh sách", en="List"), actual=[official.id])

    class Plugin:
        __name__ = "lists"

        @hookimpl
        def cbcc_register_rulesets(self, register: Fn[[RuleSet], None]) -> None:
            rule = Rule(
                code="TEST-LIST",
                name="list",
                title=Text(vi="Thử", en="Test"),
                basis=(LegalBasis(document="Quyết định thử nghiệm", effective=Period(start=date(2020, 1, 1))),),
                valid=Period(start=date(2020, 1, 1)),
                requirement=Custom(name="list", check=listed),
            )
            register(RuleSet(code="test.list", title=Text(vi="Thử", en="Test"), rules=(rule,)))

    monkeypatch.setattr(parallel, "TABLE_LIMIT", 3)
    engine = Engine(load_registry(load_entry_points=False, plugins=[Plugin()]), units=read_units(UNITS))
    rows = list(RosterFile(_roster(tmp_path)))
    one = list(engine.evaluate_roster(rows, as_of=date(2024, 1, 1)))
    two = list(engine.evaluate_roster(rows, as_of=date(2024, 1, 1), workers=2, chunk_size=3))
    assert one == two
    lists = [f.actual for a in two if hasattr(a, "findings") for f in a.findings if f.rule == "TEST-LIST"]
    assert len(lists) > 60
    assert all(isinstance(v, list) for v in lists)
