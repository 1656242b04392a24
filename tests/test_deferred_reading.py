"""A parallel review of a JSON Lines roster leaves decoding and cleaning the rows to the workers
(:class:`cbcc_standards.io.DeferredRows`): the reading process reads only each row's id (``legible_id``) for the
duplicate check. The report, the rejections, the warnings and the reading summary must be those of one process,
whatever the rows hold: ids written anywhere or escaped, lines that are not JSON but name an id, duplicates of
those, over-long values, free-text levels, placeholder dates, fields the model does not have."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cbcc_standards import parallel
from cbcc_standards.cli import main
from cbcc_standards.engine import Engine, _raw_id
from cbcc_standards.io import RosterFile, read_units
from cbcc_standards.plugins import load_registry
from cbcc_standards.reading.jsonrows import legible_id
from cbcc_standards.reading.sources import MAX_CELL_CHARS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "quang-ngai-2021"
UNITS = EXAMPLE / "units.json"


# -- legible_id -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"id": "QN-1", "full_name": "A"}', "QN-1"),
        ('{"full_name": "A", "id": "QN-1"}', "QN-1"),  # anywhere at the top level
        ('  {"id":"QN-1"}\n', "QN-1"),
        ('{"full_name": "Nguy\\u1ec5n", "id": "QN-1"}', "QN-1"),  # other escapes do not matter
        ('{"id": "QN-1", "id": "QN-2"}', None),  # written twice: decoding keeps the last
        ('{"id": "QN-1", "\\u0069d": "QN-2"}', None),  # the key escaped
        ('{"id": "QN-1", "i\\u0064": "QN-2"}', None),
        ('{"unit": {"code": "X"}, "id": "QN-1"}', None),  # another object opened before it
        ('{"qualifications": [], "id": "QN-1"}', None),  # a list opened before it
        ('{"qualifications": [{"id": "Q"}]}', None),  # nested: not the row's id
        ('{"note": "id", "x": 1}', None),  # a value, not a key
        ('{"id": " QN-1"}', None),  # blanks the reader strips
        ('{"id": ""}', None),
        ('{"id": "QN\\"1"}', None),  # an escape in the value
        ('{"id": "QN\t1"}', None),  # a control character: not JSON
        ('{"id": 123}', None),  # not a string
        ('[{"id": "QN-1"}]', None),
        ('{"id": "QN-1", "full_name": ', "QN-1"),  # not JSON, but the id is plain: the rejection is known by it
        ('{"id": "QN-1"', None),
    ],
)
def test_legible_id_table(text: str, expected: str | None) -> None:
    assert legible_id(text) == expected


_keys = st.sampled_from(["id", "ID", "Id", "full_name", "i d", "idx", "qualifications", "unit", "note", "\u0111"])
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=6), st.sampled_from(["id", " x ", '"id"', "\\u0069"])
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_keys, inner, max_size=3)),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None)
@given(
    row=st.dictionaries(_keys, _values, max_size=5),
    ensure_ascii=st.booleans(),
    separators=st.sampled_from([(", ", ": "), (",", ":"), (" ,  ", " :\t")]),
)
def test_a_legible_id_is_the_id_decoding_finds(
    row: dict[str, Any], ensure_ascii: bool, separators: tuple[str, str]
) -> None:
    text = json.dumps(row, ensure_ascii=ensure_ascii, separators=separators)
    found = legible_id(text)
    if found is not None:
        assert found == _raw_id(json.loads(text))


def test_a_legible_id_survives_key_spellings_json_accepts() -> None:
    text = '{"\\u0069d": "A", "id": "B"}'
    assert json.loads(text)["id"] == "B"
    assert legible_id(text) is None


# -- the review of a hostile roster -------------------------------------------------------------------------------


def _hostile(tmp_path: Path) -> Path:
    rows = json.loads((EXAMPLE / "roster.json").read_text(encoding="utf-8"))
    base = dict(rows[1])
    lines: list[str] = []

    def add(row: dict[str, Any], **options: Any) -> None:
        lines.append(json.dumps(row, **({"ensure_ascii": False} | options)))

    for i in range(40):
        row = dict(rows[i % len(rows)])
        if isinstance(row.get("id"), str):
            row["id"] = f"{row['id']}-{i}"
        if i % 3 == 0:  # id last, Vietnamese escaped
            row = {k: v for k, v in row.items() if k != "id"} | {"id": row.get("id")}
            add(row, ensure_ascii=True)
        elif i % 5 == 0:  # free-text levels, placeholder dates, fields the model does not have
            quals = [{"kind": "professional", "level": "Cử nhân Luật"}, {"kind": "it", "level": "chứng chỉ A?"}]
            add(row | {"qualifications": quals, "birth_date": "01/01/1970", "religion": "không", "unit_name": "X"})
        else:
            add(row)
    lines.insert(5, '{"id": "BROKEN-1", "full_name": ')  # not JSON, the id legible
    lines.insert(8, json.dumps(base | {"id": "BROKEN-1"}, ensure_ascii=False))  # same id as the broken line
    lines.insert(12, json.dumps(base | {"id": "TWICE"}, ensure_ascii=False))
    lines.insert(20, '{"id": "TWICE", "oops"}')  # a duplicate that is not JSON: rejected as such
    lines.insert(22, json.dumps(base | {"id": "TWICE", "birth_date": "1970-01-01"}, ensure_ascii=False))
    lines.insert(25, json.dumps({"qualifications": [{"id": "nested"}], **base, "id": "NESTED"}, ensure_ascii=False))
    lines.insert(26, json.dumps(base | {"id": "NESTED"}, ensure_ascii=False))  # duplicate of a row read whole
    long_row = base | {"id": "LONG", "note": "x" * (MAX_CELL_CHARS + 1), "birth_date": "01/01/1900"}
    lines.insert(30, json.dumps(long_row, ensure_ascii=False))  # rejected for its value, its date still noted
    lines.insert(31, json.dumps(base | {"id": "LONG"}, ensure_ascii=False))
    lines.insert(33, json.dumps(base | {"id": 77}, ensure_ascii=False))
    lines.insert(34, json.dumps(base | {"id": "77"}, ensure_ascii=False))
    lines.insert(35, json.dumps(base | {"id": "  SPACED "}, ensure_ascii=False))
    lines.insert(36, json.dumps(base | {"id": "SPACED"}, ensure_ascii=False))
    lines.insert(37, "[1, 2]")
    lines.insert(38, "")
    lines.insert(39, json.dumps(base | {"id": "ESC\\APED"}, ensure_ascii=False))
    lines.insert(40, '{"id": "ESC\\\\APED", "full_name": "x"}')
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _check(roster: Path, out: Path, jobs: int) -> int:
    argv = ["check", str(roster), "--units", str(UNITS), "--as-of", "2024-01-01", "--plugins", "", "--lang", "en"]
    return main([*argv, "--jobs", str(jobs), "-o", str(out)], out=io.StringIO())


@pytest.mark.parametrize("chunk", [1, 3, 1000])
def test_a_hostile_roster_gives_the_same_report_whatever_the_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(parallel, "DEFAULT_CHUNK", chunk)
    roster = _hostile(tmp_path)
    reports = []
    for jobs in (1, 2):
        out = tmp_path / f"report-{jobs}.json"
        assert _check(roster, out, jobs) == 0
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]
    report = json.loads(reports[0])
    rejected = {r["line"]: [e["code"] for e in r["errors"]] for r in report["rejected"]}
    by_line = {r["line"]: r for r in report["rejected"]}
    assert rejected[6] == ["invalid_json"]
    assert by_line[6]["id"] == "BROKEN-1"
    assert rejected[9] == ["duplicate_id"]  # its id was named by the broken line before it
    assert rejected[21] == ["invalid_json"]  # a duplicate that is not JSON is rejected as not JSON
    assert rejected[23] == ["duplicate_id"]
    assert rejected[27] == ["duplicate_id"]
    assert rejected[31] == ["cell_too_long"]
    assert rejected[32] == ["duplicate_id"]
    assert rejected[35] == ["duplicate_id"]  # "77" after 77
    assert rejected[37] == ["duplicate_id"]  # "SPACED" after "  SPACED "
    assert rejected[38] == ["not_an_object"]
    codes = {w["code"] for w in report["warnings"]}
    assert {"placeholder_date", "known_unmapped_value"} <= codes


def test_the_reading_summary_is_the_same_with_workers(tmp_path: Path) -> None:
    engine = Engine(load_registry(load_entry_points=False), units=read_units(UNITS))
    path = _hostile(tmp_path)
    plain, deferred = RosterFile(path), RosterFile(path)
    assert deferred.deferred() is not None
    one = list(plain.locate(engine.evaluate_roster(plain, as_of=date(2024, 1, 1))))
    two = list(deferred.locate(engine.evaluate_roster(deferred, as_of=date(2024, 1, 1), workers=2, chunk_size=2)))
    assert one == two
    assert plain.warnings == deferred.warnings
    assert plain.reading == deferred.reading
    assert list(plain.lines) == list(deferred.lines)
    assert plain.reading.stats  # the free-text levels were read, and counted by the workers
    assert any(key[0] == "reader.placeholder_date" for key in plain.reading.notes)


def test_rows_are_not_deferred_when_extras_are_kept_or_the_file_is_not_json_lines(tmp_path: Path) -> None:
    path = _hostile(tmp_path)
    assert RosterFile(path, keep_extras=True).deferred() is None
    assert RosterFile(EXAMPLE / "roster.json").deferred() is None
