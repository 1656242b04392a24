"""Reading real exports: layouts, encodings, values, the normalize command, and rosters that must not lose a row."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import realistic
from cbcc_standards.cli import main
from cbcc_standards.io import InputError, RosterFile
from cbcc_standards.reading.headers import Target, match_header
from cbcc_standards.reading.values import clean_date, is_marked
from cbcc_standards.results import Rejected

openpyxl = pytest.importorskip("openpyxl")

AS_OF = "2024-12-04"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main([*argv, "--plugins", ""], out=out)
    return code, out.getvalue()


@pytest.fixture
def units(tmp_path: Path) -> Path:
    path = tmp_path / "units.json"
    path.write_text(json.dumps(realistic.UNITS, ensure_ascii=False), encoding="utf-8")
    return path


def check_json(roster: Path, units: Path, *extra: str) -> dict[str, Any]:
    code, text = run("check", str(roster), "--units", str(units), "--as-of", AS_OF, "--format", "json", *extra)
    assert code == 0
    result: dict[str, Any] = json.loads(text)
    return result


def normalize(roster: Path, tmp_path: Path, *extra: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The normalized roster (stdout) and the JSON report."""
    report = tmp_path / "report.json"
    code, text = run("normalize", str(roster), "--report", str(report), *extra)
    assert code == 0
    return json.loads(text), json.loads(report.read_text(encoding="utf-8"))


# -- the national export: title block, merged two-level header, dates in the Nam/Nữ columns ----------------------


def test_national_export_every_person_assessed_or_rejected(tmp_path: Path, units: Path) -> None:
    path = realistic.national_export(tmp_path / "export.xlsx")
    report = check_json(path, units)
    assessed = [o["id"] for o in report["officials"]]
    rejected = [r["id"] for r in report["rejected"]]
    assert sorted(assessed + rejected) == sorted(p[0] for p in realistic.NATIONAL)
    assert rejected == ["BH-003", "BH-004"]
    assert [e["field"] for r in report["rejected"] for e in r["errors"]] == ["birth_date", "title"]


def test_national_export_layout_and_columns(tmp_path: Path) -> None:
    _, report = normalize(realistic.national_export(tmp_path / "export.xlsx"), tmp_path)
    assert report["source"]["sheet"] == "DS CBCC xã"
    assert report["source"]["skipped_sheets"] == ["Danh mục (hidden)", "Sheet1 (empty)"]
    assert report["layout"] == {"title_rows": [1, 2, 4, 5], "header_rows": [7, 8], "numbering_row": 9, "data_start": 10}
    fields = {c["column"]: c["field"] for c in report["columns"]}
    assert fields == {
        "A": None,
        "B": "id",
        "C": "full_name",
        "D": "birth_date:male",
        "E": "birth_date:female",
        "F": "title",
        "G": "unit",
        "H": "unit_name",
        "I": "recruited_on",
        "J": "general_education",
        "K": "professional",
        "L": "political_theory",
        "M": "state_management",
        "N": "it",
        "O": "foreign_language",
        "P": "party_member",
        "Q": "ethnicity",
        "R": None,
    }
    assert report["skipped_rows"] == {"title": [1, 2, 4, 5], "numbering": [9], "total": [18], "section": [20, 21]}
    assert report["summary"] == {"records": 8, "read": 6, "rejected": 2, "unmapped_values": 2}
    assert [(r["row"], r["record"], r["id"]) for r in report["rejected"]] == [(16, 7, "BH-003"), (17, 8, "BH-004")]


def test_national_export_values(tmp_path: Path) -> None:
    rows, report = normalize(realistic.national_export(tmp_path / "export.xlsx"), tmp_path)
    by_id = {r["id"]: r for r in rows}
    first = by_id["BC-001"]
    assert (first["gender"], first["birth_date"], first["recruited_on"]) == ("male", "1980-04-12", "2005-03-01")
    assert first["qualifications"][1] == {
        "kind": "professional",
        "level": "dai_hoc",
        "raw": "Cử nhân Luật",
        "field": "luật",
    }
    assert first["qualifications"][-1] == {
        "kind": "foreign_language",
        "level": None,
        "raw": "Anh B",
        "language": "Anh",
        "legacy": "B",
    }
    assert (first["unit_name"], first["party_member"], first["ethnicity"]) == ("Xã Bình Châu", True, "kinh")
    # the merged unit-name cell is filled down over its officials
    assert [by_id[i]["unit_name"] for i in ("BC-002", "BC-003", "BC-004", "BH-002")] == ["Xã Bình Châu"] * 3 + [
        "Xã Bình Hải"
    ]
    assert by_id["BC-003"]["birth_date"] == "1978-08-15"  # "1978-08-15 00:00:00"
    assert "birth_date" not in by_id["BC-004"]  # 0000-00-00: unknown
    assert "birth_date" not in by_id["BH-001"]  # 01/01/1970: a placeholder
    assert by_id["BC-004"]["gender"] == "female"  # the unknown date was in the Nữ column
    levels = [(q["kind"], q["level"]) for q in by_id["BC-003"]["qualifications"] if q["kind"] == "professional"]
    assert levels == [("professional", "dai_hoc"), ("professional", "dai_hoc")]
    assert [q for q in by_id["BC-004"]["qualifications"] if q["kind"] == "professional"] == [
        {"kind": "professional", "level": None, "raw": "Cao học"}
    ]
    unmapped = {
        (column["header"], v["value"]): v["rows"]
        for column in report["values"]
        for v in column["values"]
        if v["status"] == "unmapped"
    }
    assert unmapped == {("Trình độ / Chuyên môn", "Cao học"): [13], ("Trình độ / Ngoại ngữ", "Toeic 600"): [13]}
    codes = {w["code"] for w in report["warnings"]}
    assert {"unknown_date", "placeholder_date", "merged_fill", "unit_name_kept"} <= codes
    assert "unused_field" not in codes  # ethnicity, religion… are fields of the model now


def test_no_verdict_rests_on_a_placeholder_date(tmp_path: Path, units: Path) -> None:
    report = check_json(realistic.national_export(tmp_path / "export.xlsx"), units)
    official = next(o for o in report["officials"] if o["id"] == "BH-001")
    assert any("birth_date" in f["missing"] for f in official["findings"]) or official["status"] == "undetermined"
    placeholder = [w for w in report["warnings"] if w["code"] == "placeholder_date"]
    assert placeholder
    assert "14" in placeholder[0]["message"]


def test_sheet_option(tmp_path: Path) -> None:
    path = realistic.national_export(tmp_path / "export.xlsx")
    assert RosterFile(path, sheet="ds cbcc XA").reading is not None
    rows = list(RosterFile(path, sheet="3"))
    assert len(rows) == 8
    with pytest.raises(InputError, match="no header row in the first 30 rows of the sheet 'Sheet1'"):
        list(RosterFile(path, sheet="Sheet1", lang="en"))
    with pytest.raises(InputError, match="no sheet 'Khác'"):
        list(RosterFile(path, sheet="Khác", lang="en"))


# -- the district template: X marks, typos, a numbering row -------------------------------------------------------


def test_district_template(tmp_path: Path, units: Path) -> None:
    path = realistic.district_template(tmp_path / "district.xlsx")
    rows, report = normalize(path, tmp_path)
    assert report["layout"]["header_rows"] == [3, 4]
    assert report["layout"]["numbering_row"] == 5
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(realistic.DISTRICT)
    assert [by_id[i].get("gender") for i in ("DS-01", "DS-02", "DS-05")] == ["male", "female", None]
    assert by_id["DS-01"]["birth_date"] == "1985-04-12"
    assert by_id["DS-02"]["birth_date"] == "1992-09-03"
    assert "birth_date" not in by_id["DS-03"]
    qlnn = {i: [q["level"] for q in r["qualifications"] if q["kind"] == "state_management"] for i, r in by_id.items()}
    assert qlnn == {
        "DS-01": ["chuyen_vien_chinh"],
        "DS-02": ["chuyen_vien"],
        "DS-03": [],
        "DS-04": ["chuyen_vien_cao_cap"],
        "DS-05": [],
    }
    professional = {
        i: [q["level"] for q in r["qualifications"] if q["kind"] == "professional"] for i, r in by_id.items()
    }
    assert professional == {
        "DS-01": ["dai_hoc"],
        "DS-02": ["cao_dang"],
        "DS-03": ["trung_cap"],
        "DS-04": ["thac_si"],
        "DS-05": [None],
    }
    assert [q["level"] for q in by_id["DS-02"]["qualifications"] if q["kind"] == "political_theory"] == []
    codes = [w["code"] for w in report["warnings"]]
    assert "conflicting_marks" in codes
    check = check_json(path, units)
    assert len(check["officials"]) + len(check["rejected"]) == len(realistic.DISTRICT)


# -- a CSV from Excel in a Vietnamese locale --------------------------------------------------------------------------


def test_windows_1258_csv_is_detected(tmp_path: Path, units: Path) -> None:
    path = realistic.vietnamese_excel_csv(tmp_path / "roster.csv")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    rows, report = normalize(path, tmp_path)
    assert report["source"] == {"encoding": "cp1258", "encoding_found_by": "detected", "delimiter": ";"}
    assert [r["full_name"] for r in rows] == ["Huỳnh Văn Quang", "Nguyễn Thị Sương", "Trương Văn Thắng"]
    assert rows[2]["qualifications"][-1] == {
        "kind": "political_theory",
        "level": "cao_cap",
        "raw": "Cử nhân",
        "bachelor": True,
    }
    assert "encoding_detected" in {w["code"] for w in report["warnings"]}
    given, report = normalize(path, tmp_path, "--encoding", "cp1258")
    assert given == rows
    assert report["source"]["encoding_found_by"] == "given"
    check = check_json(path, units)
    assert len(check["officials"]) == 3


def test_undecidable_encoding_is_one_line_saying_how_to_resave(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("id,name\n1,Zoë Ærøskøbing ©®\n".encode("latin-1"))
    for lang, words in (("vi", "CSV UTF-8"), ("en", "Save As")):
        code, _ = run("check", str(path), "--as-of", AS_OF, "--lang", lang)
        err = capsys.readouterr().err
        assert code == 2
        assert err.count("\n") == 1
        assert words in err
        assert "--encoding" in err
    code, text = run("normalize", str(path), "--encoding", "latin-1")
    assert code == 0
    assert json.loads(text)[0]["id"] == "1"


@pytest.mark.parametrize(
    ("data", "sep"),
    [
        ("\ufeffid;full_name;birth_date\nA;Nguyễn Văn An;15/08/1985\n".encode(), ";"),
        ("id\tfull_name\tbirth_date\r\nA\tNguyễn Văn An\t15/08/1985\r\n".encode("utf-16"), "\t"),
        ("sep=;\nid;full_name;birth_date\nA;Nguyễn Văn An;15/08/1985\n".encode(), ";"),
        ("id,full_name,birth_date\nA,Nguyễn Văn An,15/08/1985\n".encode(), ","),
    ],
    ids=["utf8-bom-semicolon", "utf16-tab", "excel-sep-line", "plain"],
)
def test_csv_encodings_and_separators(tmp_path: Path, data: bytes, sep: str) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    roster = RosterFile(path)
    assert list(roster) == [{"id": "A", "full_name": "Nguyễn Văn An", "birth_date": "15/08/1985"}]
    assert roster.reading.source["delimiter"] == sep


def test_one_bad_line_in_a_utf8_csv_rejects_that_row_only(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    good = "".join(f"N{i},Nguyễn Văn {i}\n" for i in range(20))
    path.write_bytes(b"id,full_name\n" + good.encode() + "B1,Tr\u1ea7n\n".encode("utf-8")[:-4] + b"\xe0n\n")
    items = list(RosterFile(path, lang="en"))
    assert len(items) == 21
    bad = items[-1]
    assert isinstance(bad, Rejected)
    assert (bad.line, bad.errors[0].code) == (22, "bad_bytes")


# -- rows that must not be lost ----------------------------------------------------------------------------------------


def test_an_unclosed_quote_rejects_the_rows_it_swallows(tmp_path: Path) -> None:
    lines = ["id,full_name,gender,birth_date"]
    lines += [f"R{i},Người {i},Nam,1980" for i in range(1, 4)]
    lines.append('R4,"Lê Văn Bốn,Nam,1980')  # the quote is never closed where it should be
    lines += [f"R{i},Người {i},Nam,1980" for i in range(5, 22)]
    lines.append('R22,Người 22",Nam,1980')  # … until this stray one
    lines += [f"R{i},Người {i},Nam,1980" for i in range(23, 26)]
    path = tmp_path / "roster.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(RosterFile(path, lang="en"))
    rejected = [i for i in items if isinstance(i, Rejected)]
    read = [i["id"] for i in items if not isinstance(i, Rejected)]
    assert read == ["R1", "R2", "R3", "R23", "R24", "R25"]
    assert [r.line for r in rejected] == list(range(5, 24))
    assert [r.id for r in rejected] == [f"R{i}" for i in range(4, 23)]
    assert {r.errors[0].code for r in rejected} == {"swallowed_rows"}
    assert "line 5" in rejected[0].errors[0].message


def test_a_quote_open_to_the_end_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text('id,full_name,gender\nA,An,Nam\nB,"Bình,Nữ\nC,Cường,Nam\nD,Dũng,Nam\n', encoding="utf-8")
    items = list(RosterFile(path, lang="en"))
    assert items[0] == {"id": "A", "full_name": "An", "gender": "Nam"}
    assert [(i.line, i.id) for i in items[1:] if isinstance(i, Rejected)] == [(3, "B"), (4, "C"), (5, "D")]


def test_a_quoted_cell_swallowing_separators(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text('id,full_name,gender,birth_date\nA,"An,Nam",1980\nB,"Trần, Bình",Nữ,1990\n', encoding="utf-8")
    first, second = RosterFile(path, lang="en")
    assert isinstance(first, Rejected)
    assert first.errors[0].code == "swallowed_separators"
    assert second == {"id": "B", "full_name": "Trần, Bình", "gender": "Nữ", "birth_date": "1990"}


def test_multi_line_cells_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text('id,professional\nA,"Cử nhân Luật\nThạc sĩ Kinh tế"\nB,Đại học\n', encoding="utf-8")
    roster = RosterFile(path)
    first, _ = roster
    assert isinstance(first, dict)
    assert [q["level"] for q in first["qualifications"]] == ["dai_hoc", "thac_si"]
    assert list(roster.lines) == [2, 4]
    assert (roster.line_of(2), roster.line_of(3)) == (4, None)


def test_a_huge_cell_is_a_row_rejection_with_a_short_echo(tmp_path: Path, units: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("id,full_name\nA," + "x" * 200_000 + "\nB,Bình\n", encoding="utf-8")
    report = check_json(path, units, "--lang", "en")
    assert [o["id"] for o in report["officials"]] == ["B"]
    (rejected,) = report["rejected"]
    error = rejected["errors"][0]
    assert (rejected["id"], error["field"], error["code"]) == ("A", "full_name", "cell_too_long")
    assert "200,000" in error["message"]
    assert len(error["message"]) < 300


def test_a_huge_record_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("id,full_name\nA," + "x," * 700_000 + "\nB,Bình\n", encoding="utf-8")
    first, second = RosterFile(path, lang="en")
    assert isinstance(first, Rejected)
    assert first.errors[0].code == "row_too_long"
    assert second == {"id": "B", "full_name": "Bình"}


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_deeply_nested_json_is_a_row_rejection(tmp_path: Path, suffix: str) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    rows = ['{"id": "a"}', '{"id": "b", "full_name": ' + deep + "}", '{"id": "c"}']
    path = tmp_path / f"roster{suffix}"
    text = "[" + ", ".join(rows) + "]" if suffix == ".json" else "\n".join(rows)
    path.write_text(text, encoding="utf-8")
    items = list(RosterFile(path, lang="en"))
    assert items[0] == {"id": "a"}
    assert items[2] == {"id": "c"}
    assert isinstance(items[1], Rejected)
    assert items[1].errors[0].code == "too_deep"


def test_json_rows_read_free_text_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "roster.jsonl"
    rows = [
        {
            "id": "a",
            "birth_date": "0000-00-00",
            "recruited_on": "1997-08-15 00:00:00",
            "qualifications": [
                {"kind": "professional", "level": "Cử nhân Luật, Thạc sĩ Lịch sử"},
                {"kind": "political_theory", "level": "(chưa có)"},
                {"kind": "foreign_language", "level": "Toeic 600"},
            ],
        },
        {"id": "b", "birth_date": "1970-01-01", "ethnicity": "Hrê"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    roster = RosterFile(path, lang="en", keep_extras=True)
    first, second = roster
    assert first == {
        "id": "a",
        "recruited_on": "1997-08-15",
        "qualifications": [
            {"kind": "professional", "level": "dai_hoc", "raw": "Cử nhân Luật, Thạc sĩ Lịch sử", "field": "luật"},
            {"kind": "professional", "level": "thac_si", "raw": "Cử nhân Luật, Thạc sĩ Lịch sử", "field": "lịch sử"},
            {"kind": "foreign_language", "level": None, "raw": "Toeic 600"},
        ],
    }
    assert second == {"id": "b", "ethnicity": "Hrê"}  # a person field of the model: passed on, read by the model
    assert roster.extras == {}
    codes = [w.code for w in roster.warnings]
    assert codes == ["unknown_date", "placeholder_date", "unmapped_value"]


# -- headers and values ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "target"),
    [
        (["STT"], "seq"),
        (["Số hiệu cán bộ, công chức"], "id"),
        (["Mã Cán Bộ"], "id"),
        (["Ngày, tháng, năm sinh"], "birth_date"),
        (["Ngay thang nam sinh"], "birth_date"),
        (["Ngày sinh (dd/mm/yyyy)"], "birth_date"),
        (["Trình Độ Học Vấn"], "general_education"),
        (["Trình độ chuyên môn cao nhất"], "professional"),
        (["Trình Độ Chính Trị"], "political_theory"),
        (["Trình độ lý luận chính trị"], "political_theory"),
        (["Trình Độ Tin Học"], "it"),
        (["Trình Độ Ngoại Ngữ"], "foreign_language"),
        (["Đơn vị"], "unit_name"),
        (["Mã đơn vị"], "unit"),
        (["Dân tộc"], "ethnicity"),
        (["Tôn giáo"], "religion"),
        (["Ngày vào Đảng"], "party_joined_on"),
        (["Vị trí việc làm"], "job_position"),
        (["Mã ngạch"], "rank_code"),
        (["Trình độ", "Chuyên môn"], "professional"),
        (["Giới tính", "Nữ"], "gender:female"),
        (["Nam"], "gender:male"),
        (["Năm sinh", "Nữ"], "birth_date:female"),
        (["Trình độ chuyên môn", "Đại học"], "professional:dai_hoc"),
        (["Lý luận chính trị", "Cử nhân"], "political_theory:cao_cap cu_nhan"),
        (["QLNN", "CVCC"], "state_management:chuyen_vien_cao_cap"),
        (["Trình độ chuyên môn", "Chuyên ngành"], "professional_field"),
        (["Họ và tên", "Tên"], "given_name"),
        (["Quê quán"], None),
        (["Trình độ chuyên môn", "Bác sĩ CK II"], None),
    ],
)
def test_header_synonyms(path: list[str], target: str | None) -> None:
    found = match_header(path)
    assert (str(found) if found is not None else None) == target


def test_unit_name_beside_unit_code_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("Mã,Đơn vị,Mã đơn vị\nA,Xã Bình Châu,QN.BINH_SON.BINH_CHAU\n", encoding="utf-8")
    roster = RosterFile(path, keep_extras=True)
    assert list(roster) == [{"id": "A", "unit": "QN.BINH_SON.BINH_CHAU"}]
    assert roster.extras == {1: {"unit_name": "Xã Bình Châu"}}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(1985, 4, 12), ("1985-04-12", None)),
        (date(1985, 4, 12), ("1985-04-12", None)),
        ("1997-08-15 00:00:00", ("1997-08-15", None)),
        ("15/08/1997", ("15/08/1997", None)),
        ("15.08.1997", ("15.08.1997", None)),
        ("ngày 15 tháng 8 năm 1997", ("15/08/1997", None)),
        (1985, ("1985", None)),
        (1985.0, ("1985", None)),
        (31_000, ("1984-11-14", None)),
        ("31000", ("1984-11-14", None)),
        ("1970", ("1970", None)),
        ("0000-00-00", (None, "unknown")),
        ("00/00/0000", (None, "unknown")),
        ("0", (None, "unknown")),
        ("1970-01-01", (None, "placeholder")),
        ("01/01/1970", (None, "placeholder")),
        ("01/01/1900", (None, "placeholder")),
        (datetime(1900, 1, 1), (None, "placeholder")),
        (1, (None, "placeholder")),
        ("1900", (None, "placeholder")),
        ("31/02/1980", ("31/02/1980", None)),
        (None, (None, None)),
    ],
)
def test_dates(value: Any, expected: tuple[str | None, str | None]) -> None:
    assert clean_date(value) == expected


@pytest.mark.parametrize(
    ("value", "marked"),
    [
        ("x", True),
        ("X", True),
        ("✓", True),
        (1, True),
        ("có", True),
        ("", False),
        (None, False),
        (0, False),
        ("Luật", None),
        ("2015", None),
    ],
)
def test_marks(value: Any, marked: bool | None) -> None:
    assert is_marked(value) is marked


def test_target_text() -> None:
    assert str(Target("gender", "male")) == "gender:male"
    assert Target("gender", "male").is_mark
    assert not Target("birth_date", "male").is_mark


# -- normalize: outputs that read back to the same roster, mapping files, atomic writes ---------------------------


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".csv", ".xlsx"])
def test_normalized_roster_reads_back_the_same(tmp_path: Path, units: Path, suffix: str) -> None:
    source = realistic.national_export(tmp_path / "export.xlsx")
    output = tmp_path / f"normalized{suffix}"
    code, text = run("normalize", str(source), "--output", str(output), "--report", str(tmp_path / "r.txt"))
    assert (code, text) == (0, "")
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("Đọc tệp")
    original, again = check_json(source, units), check_json(output, units)
    assert again["officials"] == original["officials"]
    assert [r["id"] for r in again["rejected"]] == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failed_normalize_leaves_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "roster.csv"
    source.write_text("Họ và tên,Ngày sinh\nAn,1980\n", encoding="utf-8")
    output = tmp_path / "out.json"
    code, text = run("normalize", str(source), "--output", str(output))
    assert (code, text) == (2, "")
    assert "id" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [source]


def test_column_mapping_file(tmp_path: Path) -> None:
    source = tmp_path / "roster.csv"
    source.write_text("STT,Họ và tên,Năm sinh,Bằng cấp khác,Ghi chú\n17,An,1980,Cử nhân Luật,x\n", encoding="utf-8")
    columns = tmp_path / "columns.toml"
    columns.write_text('[columns]\n"STT" = "id"\n"Bằng cấp khác" = "professional"\n"Ghi chú" = "ignore"\n')
    roster = RosterFile(source, columns=columns, lang="en")
    (row,) = roster
    assert row["id"] == "17"
    assert row["qualifications"][0]["level"] == "dai_hoc"
    assert "ignored_column" not in {w.code for w in roster.warnings}
    assert [c.how for c in roster.reading.columns] == ["mapping", "synonym", "synonym", "mapping", "ignored"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"STT": "số thứ tự"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a roster field"):
        RosterFile(source, columns=bad, lang="en")


def test_value_mapping_file(tmp_path: Path) -> None:
    source = realistic.national_export(tmp_path / "export.xlsx")
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[professional]\n"Cao học" = "thac_si"\n\n[foreign_language]\n"Toeic 600" = "bac_3:Anh"\n')
    rows, report = normalize(source, tmp_path, "--mapping", str(mapping))
    assert report["summary"]["unmapped_values"] == 0
    by_id = {r["id"]: r for r in rows}
    professional = [q for q in by_id["BC-004"]["qualifications"] if q["kind"] == "professional"]
    assert professional == [{"kind": "professional", "level": "thac_si", "raw": "Cao học"}]
    mapped = [v for c in report["values"] for v in c["values"] if v["by"] == "mapping"]
    assert [v["value"] for v in mapped] == ["Cao học", "Toeic 600"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"professional": {"Cao học": "cao_hoc"}}', encoding="utf-8")
    with pytest.raises(InputError, match=r"\[professional\] 'Cao học' = 'cao_hoc'"):
        RosterFile(source, mapping=bad, lang="en")


def test_normalize_report_text_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = realistic.district_template(tmp_path / "district.xlsx")
    code, text = run("normalize", str(source), "--lang", "en")
    assert code == 0
    assert len(json.loads(text)) == len(realistic.DISTRICT)
    err = capsys.readouterr().err
    assert "Columns matched:" in err
    assert "L 'QLNN / CV' → state_management:chuyen_vien" in err
    assert "'Bằng nghề' ×1 — rows 10" in err
    assert "gender: marked in both columns" in err
    assert err.rstrip().endswith("5 records: 5 read, 0 rejected; 1 values left unmapped.")


# -- the example export (examples/real-export) --------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "real-export"


def test_example_export_csv_and_xlsx_read_to_the_same_roster(tmp_path: Path) -> None:
    import runpy

    make = runpy.run_path(str(EXAMPLE / "make_export.py"))
    xlsx = make["build"](tmp_path / "export.xlsx")
    mapping = ("--mapping", str(EXAMPLE / "mapping.toml"))
    from_csv, csv_report = normalize(EXAMPLE / "danh-sach-cbcc.csv", tmp_path, *mapping)
    from_xlsx, xlsx_report = normalize(xlsx, tmp_path, *mapping)
    assert from_csv == from_xlsx
    assert len(from_csv) == 6
    assert (
        csv_report["summary"]
        == xlsx_report["summary"]
        == {
            "records": 6,
            "read": 6,
            "rejected": 0,
            "unmapped_values": 1,
        }
    )
    assert csv_report["source"] == {"encoding": "utf-8", "encoding_found_by": "bom", "delimiter": ";"}
    assert xlsx_report["layout"]["header_rows"] == [6, 7]
    assert csv_report["skipped_rows"]["total"] == [13]
    with_columns, _ = normalize(
        EXAMPLE / "danh-sach-cbcc.csv", tmp_path, *mapping, "--columns", str(EXAMPLE / "columns.toml")
    )
    assert with_columns == from_csv


def test_example_export_check(tmp_path: Path) -> None:
    units = Path(__file__).resolve().parents[1] / "examples" / "quang-ngai-2021" / "units.json"
    code, text = run(
        "check", str(EXAMPLE / "danh-sach-cbcc.csv"), "--units", str(units), "--as-of", "2021-12-31", "--format", "json"
    )
    assert code == 0
    report = json.loads(text)
    assert [o["id"] for o in report["officials"]] == [f"BS-000{n}" for n in range(1, 7)]
    assert report["rejected"] == []


def test_readme_normalize_example(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    """The README's normalize command runs, and every line it shows of the report is in the report."""
    import re
    import shlex

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Real exports", 1)[1]
    command = re.search(r"```bash\n(cbcc-standards normalize .*?)\n```", section)
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    assert command is not None
    assert shown is not None
    monkeypatch.chdir(root)
    argv = shlex.split(command.group(1))[1:]
    argv[argv.index("--output") + 1] = str(tmp_path / "roster.json")
    assert main(argv) == 0
    report = capsys.readouterr().err.splitlines()
    for line in shown.group(1).splitlines():
        if "…" not in line:
            assert line in report
    assert len(json.loads((tmp_path / "roster.json").read_text(encoding="utf-8"))) == 6
