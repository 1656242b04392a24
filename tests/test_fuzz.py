"""Fuzzing the command line with hostile rosters (issue 12): in every input format (JSON list, JSON Lines, CSV with
``,`` or ``;`` and with broken quoting, XLSX) and every output format, every row read is assessed or rejected, no
exception escapes, an unreadable file is one line on standard error with exit code 2, and the report parses.

Bounded and derandomized so that CI is reproducible (60 examples; ``FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py``
searches further); ``benchmarks/fuzz_rosters.py`` is the larger version (10,000 rows a file, the command line as a
subprocess).
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cbcc_standards.cli import main
from cbcc_standards.io import RosterFile
from cbcc_standards.testing.hostile import BAD_DATES, FIELDS, GOOD, HOSTILE_CHARS, nested

openpyxl = pytest.importorskip("openpyxl")

texts = st.text(alphabet=HOSTILE_CHARS, max_size=40)
huge = st.sampled_from(("A" * 40_000, "=" + "Ư" * 35_000, "\u202e" * 5_000, "x\n" * 3_000))
dates = st.one_of(
    st.sampled_from(BAD_DATES),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True), texts)
wrong = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(texts, scalars, max_size=3),
    st.sampled_from((nested(5), nested(40), nested(300))),
)
qualifications = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {
                "kind": st.sampled_from(("general_education", "professional", "it", "political_theory", "nope")),
                "level": st.one_of(st.sampled_from(("thpt", "dai_hoc", "trung_cap", "12/12", "co_ban")), texts),
            }
        ),
        wrong,
    ),
    max_size=3,
)


def _field(name: str) -> st.SearchStrategy[Any]:
    if name == "id":
        return st.one_of(st.sampled_from(("A1", "A2", "A3", "N-4", "Cộng")), texts, st.integers(0, 9), st.none())
    if name in ("birth_date", "recruited_on", "appointed_on"):
        return st.one_of(dates, dates, texts, wrong)
    if name in GOOD:
        return st.one_of(st.sampled_from(GOOD[name]), texts, wrong)
    if name == "qualifications":
        return st.one_of(qualifications, wrong)
    if name in ("evaluations", "disciplines"):
        return st.one_of(st.lists(st.fixed_dictionaries({"year": wrong, "level": texts}), max_size=2), wrong)
    return st.one_of(texts, texts, huge, wrong)


rows = st.lists(
    st.fixed_dictionaries({}, optional={name: _field(name) for name in FIELDS}),
    min_size=0,
    max_size=8,
)


# -- writers: the rows in each input format; each returns the number of rows a reader must account for -------------


def _cell(value: Any) -> str:
    """A value as a table cell: text as is, anything else as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _header(data: list[dict[str, Any]]) -> list[str]:
    present = [f for f in FIELDS if any(f in row for row in data)]
    return present if "id" in present else ["id", *present]


def write_json(path: Path, data: list[Any]) -> int:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return len(data)


def write_jsonl(path: Path, data: list[Any]) -> int:
    lines = [json.dumps(row, ensure_ascii=True) for row in data]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def _table_rows(data: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    header = _header(data)
    return header, [[_cell(row.get(f)) for f in header] for row in data]


def _filled(body: list[list[str]]) -> int:
    """The rows with some text: a blank row is not a row (a spreadsheet's empty line)."""
    return sum(any(cell.strip() for cell in row) for row in body)


def write_csv(path: Path, data: list[dict[str, Any]], delimiter: str = ",") -> int:
    header, body = _table_rows(data)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(body)
    return _filled(body)


def write_csv_semicolon(path: Path, data: list[dict[str, Any]]) -> int:
    return write_csv(path, data, ";")


def write_csv_bad_quotes(path: Path, data: list[dict[str, Any]]) -> int:
    """Cells joined without any quoting (a hand-made export): stray quotes, separators and no line breaks."""
    header, body = _table_rows(data)
    body = [[re.sub(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", " ", c) for c in r] for r in body]
    lines = [",".join(header)] + [",".join(r) for r in body]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _filled([",".join(r).split(",") for r in body])


_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_xlsx(path: Path, data: list[dict[str, Any]]) -> int:
    header, body = _table_rows(data)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in body:
        sheet.append([_XLSX_ILLEGAL.sub("?", c)[:32_767] for c in row])
    book.save(path)
    return _filled([[_XLSX_ILLEGAL.sub("?", c)[:32_767] for c in row] for row in body])


WRITERS: dict[str, tuple[str, Callable[[Path, Any], int]]] = {
    "json": (".json", write_json),
    "jsonl": (".jsonl", write_jsonl),
    "csv": (".csv", write_csv),
    "csv;": (".csv", write_csv_semicolon),
    "csv-bad-quotes": (".csv", write_csv_bad_quotes),
    "xlsx": (".xlsx", write_xlsx),
}
OUTPUTS = ("text", "json", "jsonl", "csv", "html", "xlsx")


# -- running and reading the report ----------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, out.getvalue(), captured.err


def _skipped(path: Path) -> int:
    """Rows the table reader set aside as not records (blank, a total, a section heading), which its report names,
    and data rows read as a further level of the header (a row of "Nam"/"Nữ" under "Ngày sinh"), which it shows as
    the columns it read. The header written on row 1 is found there."""
    roster = RosterFile(path)
    for _ in roster:
        pass
    layout = roster.reading.layout
    assert layout is not None
    assert layout.header_rows[0] == 1, "the header was looked for below the data"
    skipped = sum(len(rows) for what, rows in roster.reading.skipped.items() if what not in ("title", "numbering"))
    return skipped + layout.header_rows[1] - layout.header_rows[0] + (layout.numbering_row is not None)


class _Html(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def _check_report(fmt: str, text: str, target: Path, expected: dict[str, Any]) -> None:
    """The report parses in its format and accounts for the officials and rejected rows of the JSON report."""
    officials = {str(o["id"]) for o in expected["officials"]}
    rejected = len(expected["rejected"])
    if fmt == "json":
        report = json.loads(text)
        assert len(report["officials"]) + len(report["rejected"]) == len(officials) + rejected
    elif fmt == "jsonl":
        kinds = [json.loads(line)["type"] for line in text.splitlines()]  # splitlines: U+2028 must be escaped
        assert kinds[0] == "receipt"
        assert kinds.count("rejected") == rejected
        assert kinds.count("official") == len(expected["officials"])
    elif fmt == "csv":
        records = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert sum(r["status"] == "rejected" for r in records) == rejected
        assert {r["id"] for r in records if r["status"] not in ("rejected", "plugin_failed")} <= {
            "'" + i if i[:1] in "=+-@\t\r" else i for i in officials
        }
    elif fmt == "html":
        parser = _Html()
        parser.feed(text)
        parser.close()
        assert "html" in parser.tags
    elif fmt == "xlsx":
        book = openpyxl.load_workbook(target, read_only=True)
        assert book.sheetnames
        book.close()
    else:
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)


@settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "60")),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(data=rows, kind=st.sampled_from(sorted(WRITERS)), fmt=st.sampled_from(OUTPUTS))
def test_hostile_rosters_lose_no_row_and_the_report_parses(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    data: list[dict[str, Any]],
    kind: str,
    fmt: str,
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    suffix, writer = WRITERS[kind]
    roster = folder / f"roster{suffix}"
    written = writer(roster, data)
    base = ("check", str(roster), "--as-of", "2024-01-01", "--plugins", "")
    code, text, err = run(capsys, *base, "--format", "json")
    if code == 2:  # unreadable as a whole (an empty table, no id column): one line, and no report
        assert kind not in ("json", "jsonl") or written == 0 or not roster.stat().st_size
        assert len(err.strip().splitlines()) == 1
        assert err.startswith("cbcc-standards: error: ")
        return
    assert code == 0, err
    report = json.loads(text)
    skipped = _skipped(roster) if suffix in (".csv", ".xlsx") else 0
    assert len(report["officials"]) + len(report["rejected"]) + skipped == written
    assert report["summary"]["officials"] == len(report["officials"])
    ids = [str(o["id"]) for o in report["officials"]]
    assert len(ids) == len(set(ids)), "a duplicate id was assessed twice"
    target = folder / f"report{'.txt' if fmt == 'text' else '.' + fmt}"
    code, text, err = run(capsys, *base, "--output", str(target))
    assert code == 0, err
    assert err.count("\n") >= 1
    content = "" if fmt == "xlsx" else target.read_text(encoding="utf-8")
    _check_report(fmt, content, target, report)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe\x00\x00garbage",
        b'[{"id": "A1"}',
        b'{"id": "A1"}',
        b"[" * 100_000,
        b'[{"id": "A1"}, {"id": "A2"}, {"id": ',  # cut short after rows were assessed
        b"\x00" * 100,
    ],
)
@pytest.mark.parametrize("suffix", [".json", ".csv", ".xlsx"])
def test_unreadable_files_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, suffix: str
) -> None:
    roster = tmp_path / f"roster{suffix}"
    roster.write_bytes(content)
    code, text, err = run(capsys, "check", str(roster), "--as-of", "2024-01-01", "--plugins", "", "--format", "json")
    if code == 0:  # readable after all (a JSON list cut short is not): the report parses
        json.loads(text)
        return
    assert code == 2
    assert text == "", "half a report on standard output"
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("cbcc-standards: error: ")


# -- what the fuzzing found -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "lines"),
    [
        ('id\n"\n', [2]),  # a lone quote swallowed the end of the file: the row was lost
        ('id,full_name\nA1,"x\nA2,y\n', [2, 3]),  # a narrow table: the quote took the next row, with no warning
        ('id,full_name\nA1,"x\n,\n\nA2,y\n', [2, 5]),  # swallowed blank lines are no rows: none counted twice
    ],
)
def test_a_quote_left_open_at_the_end_of_the_file_rejects_its_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, lines: list[int]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(content, encoding="utf-8")
    code, text, _ = run(capsys, "check", str(roster), "--as-of", "2024-01-01", "--plugins", "", "--format", "json")
    report = json.loads(text)
    assert code == 0
    assert report["officials"] == []
    assert [r["line"] for r in report["rejected"]] == lines
    assert {e["code"] for r in report["rejected"] for e in r["errors"]} == {"swallowed_rows"}


def test_a_closed_multi_line_cell_at_the_end_of_the_file_is_a_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text('id,full_name\nA1,"Nguyễn\nVăn"\n', encoding="utf-8")
    report = json.loads(
        run(capsys, "check", str(roster), "--as-of", "2024-01-01", "--plugins", "", "--format", "json")[1]
    )
    assert [o["id"] for o in report["officials"]] == ["A1"]
    assert report["rejected"] == []


@pytest.mark.parametrize("value", ["\ufffe", "\uffff", "a\ufffeb"])
def test_xml_non_characters_do_not_break_the_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps([{"id": value, "full_name": value}]), encoding="utf-8")
    target = tmp_path / "report.xlsx"
    code, _, err = run(capsys, "check", str(roster), "--as-of", "2024-01-01", "--plugins", "", "-o", str(target))
    assert code == 0, err
    openpyxl.load_workbook(target).close()


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_json_lines_reports_escape_unicode_line_separators(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], separator: str
) -> None:
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps([{"id": f"A{separator}1", "full_name": f"x{separator}y"}]), encoding="utf-8")
    code, text, _ = run(capsys, "check", str(roster), "--as-of", "2024-01-01", "--plugins", "", "--format", "jsonl")
    assert code == 0
    assert separator not in text
    assert {json.loads(line)["type"] for line in text.splitlines()} == {"receipt", "official", "summary"}
    assert json.loads(text.splitlines()[1])["full_name"] == f"x{separator}y"
