"""The command line: contracts of architecture.md (check, rules, rule, schema, plugins), exit codes, bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cbcc_standards.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "quang-ngai-2021"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def check_json(*extra: str, roster: Path = EXAMPLE / "roster.json") -> dict:
    code, text = run(
        "check", str(roster), "--units", str(EXAMPLE / "units.json"), "--format", "json", "--plugins", "", *extra
    )
    assert code == 0
    return json.loads(text)


def test_check_json_has_the_contract_keys() -> None:
    report = check_json("--as-of", "2021-12-31")
    assert report["as_of"] == "2021-12-31"
    assert {"officials", "rejected", "summary", "receipt"} <= report.keys()
    official = report["officials"][0]
    assert {"id", "status", "action", "deadline", "findings"} <= official.keys()
    finding = official["findings"][0]
    assert {"rule", "outcome", "deadline", "missing", "basis", "message"} <= finding.keys()
    rejected = report["rejected"][0]
    assert {"row", "errors"} <= rejected.keys()


def test_check_json_every_row_is_assessed_or_rejected() -> None:
    rows = json.loads((EXAMPLE / "roster.json").read_text(encoding="utf-8"))
    report = check_json("--as-of", "2021-12-31")
    assert len(report["officials"]) + len(report["rejected"]) == len(rows)
    assert report["summary"]["officials"] == len(report["officials"])
    assert sum(report["summary"]["by_status"].values()) == len(report["officials"])


def test_check_json_sample_review_2021() -> None:
    by_id = {o["id"]: o for o in check_json("--as-of", "2021-12-31")["officials"]}
    # TT 13/2019: recruited before 25/12/2019 outside difficult areas → grace to 25/12/2024.
    assert (by_id["QN-0002"]["status"], by_id["QN-0002"]["deadline"]) == ("within_grace", "2024-12-25")
    # Recruited after 25/12/2019 with trung cấp → replace.
    assert (by_id["QN-0004"]["status"], by_id["QN-0004"]["action"]) == ("non_compliant", "replace")
    # Missing data → provide_data, never compliant.
    assert by_id["QN-0010"]["action"] == "provide_data"
    # Unit not in the units file → a warning; with no provincial exception in force, the TT 13/2019 grace does not
    # depend on the unit (only a province's trung cấp list excludes it).
    assert by_id["QN-0019"]["warnings"][0]["field"] == "unit"
    assert (by_id["QN-0019"]["status"], by_id["QN-0019"]["deadline"]) == ("within_grace", "2024-12-25")


def test_check_is_byte_identical_across_runs() -> None:
    args = (
        "check",
        str(EXAMPLE / "roster.json"),
        "--units",
        str(EXAMPLE / "units.json"),
        "--as-of",
        "2024-01-01",
        "--format",
        "json",
        "--plugins",
        "",
    )
    assert run(*args) == run(*args)


def test_check_is_byte_identical_across_processes() -> None:
    """Hash seeds differ between processes: nothing in the output may depend on set or dict order."""
    args = [
        sys.executable,
        "-m",
        "cbcc_standards",
        "check",
        str(EXAMPLE / "roster.json"),
        "--units",
        str(EXAMPLE / "units.json"),
        "--as-of",
        "2024-01-01",
        "--format",
        "json",
        "--plugins",
        "",
    ]
    outputs = {
        subprocess.run(args, capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_check_csv_roster_with_vietnamese_headers() -> None:
    report = check_json("--as-of", "2021-12-31", roster=EXAMPLE / "roster.csv")
    by_id = {o["id"]: o for o in report["officials"]}
    assert by_id["QN-0002"]["status"] == "within_grace"
    assert report["rejected"] == []


def test_check_text_and_english(tmp_path: Path) -> None:
    code, text = run(
        "check",
        str(EXAMPLE / "roster.json"),
        "--units",
        str(EXAMPLE / "units.json"),
        "--as-of",
        "2021-12-31",
        "--lang",
        "en",
        "--plugins",
        "",
    )
    assert code == 0
    assert "CBCC standards review as of 31/12/2021" in text
    assert "[Within grace] QN-0002" in text


def test_check_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    code, text = run(
        "check",
        str(EXAMPLE / "roster.json"),
        "--as-of",
        "2021-12-31",
        "--format",
        "csv",
        "--output",
        str(target),
        "--plugins",
        "",
    )
    assert code == 0
    assert text == ""
    assert target.read_text(encoding="utf-8").startswith("\ufeffid,full_name")


@pytest.mark.parametrize(
    ("content", "suffix", "reason"),
    [
        (b"", ".json", "empty file"),
        (b"\xff\xfe[]", ".json", "not UTF-8"),
        (b'{"id": 1}', ".json", "must be a JSON list"),
        (b'[{"id": "a"}, ', ".json", "invalid JSON"),
        (b"name,title\nA,B\n", ".csv", "no 'id' column"),
        (b"id\n", ".xls", "unknown file type"),
    ],
    ids=["empty", "not-utf8", "json-not-a-list", "json-truncated", "csv-without-id", "unknown-suffix"],
)
def test_unreadable_roster_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, suffix: str, reason: str
) -> None:
    path = tmp_path / f"roster{suffix}"
    path.write_bytes(content)
    code, _ = run("check", str(path), "--as-of", "2021-12-31", "--lang", "en")
    err = capsys.readouterr().err
    assert code == 2
    assert reason in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_missing_roster_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("check", "/nonexistent/roster.json", "--as-of", "2021-12-31")[0] == 2
    assert "/nonexistent/roster.json: không có tệp này" in capsys.readouterr().err
    assert run("check", "/nonexistent/roster.json", "--as-of", "2021-12-31", "--lang", "en")[0] == 2
    assert "/nonexistent/roster.json: no such file" in capsys.readouterr().err


def test_bad_units_file_names_row_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = tmp_path / "units.json"
    units.write_text('[{"code": "A", "name": "A", "tier": "commune"}, {"code": "B", "name": "B", "tier": "x"}]')
    code, _ = run("check", str(EXAMPLE / "roster.json"), "--units", str(units), "--as-of", "2021-12-31")
    assert code == 2
    assert "row 2, field tier" in capsys.readouterr().err


def test_bad_as_of_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(EXAMPLE / "roster.json"), "--as-of", "2021-13-45"])
    assert exc.value.code == 2
    assert "ngày không hợp lệ «2021-13-45»" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["check", str(EXAMPLE / "roster.json"), "--as-of", "2021-13-45", "--lang", "en"])
    assert exc.value.code == 2
    assert "invalid date '2021-13-45'" in capsys.readouterr().err


def test_unknown_province_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("check", str(EXAMPLE / "roster.json"), "--as-of", "2021-12-31", "--province", "ZZ", "--plugins", "")
    assert code == 2
    assert "ZZ" in capsys.readouterr().err


def test_bad_rows_are_rejected_with_row_and_field(tmp_path: Path) -> None:
    path = tmp_path / "roster.jsonl"
    path.write_text(
        "\n".join(
            [
                '{"id": "a", "title": "commune.tai_chinh_ke_toan", "birth_date": "1980-02-30"}',
                '{"id": "b", "title": "commune.khong_co"}',
                '{"id": "c", "qualifications": [{"kind": "professional", "level": 7}]}',
                '{"id": "a"}',
                "not json",
                '{"id": "d", "title": "Văn phòng - thống kê"}',
            ]
        ),
        encoding="utf-8",
    )
    code, text = run("check", str(path), "--as-of", "2021-12-31", "--format", "json", "--plugins", "")
    assert code == 0
    report = json.loads(text)
    rejected = {r["row"]: r for r in report["rejected"]}
    assert rejected[1]["errors"][0] | {"message": ""} == {"field": "birth_date", "code": "invalid_date", "message": ""}
    assert rejected[2]["errors"][0]["code"] == "unknown_title"
    assert rejected[3]["errors"][0]["code"] == "unknown_level"
    assert rejected[3]["errors"][0]["field"].startswith("qualifications.0")
    assert rejected[5]["errors"][0]["code"] == "invalid_json"
    # Row 4 repeats id "a": duplicates are decided over every row read, so it is rejected although row 1 was too.
    assert rejected[4]["errors"][0] | {"message": ""} == {"field": "id", "code": "duplicate_id", "message": ""}
    assert [o["id"] for o in report["officials"]] == ["d"]
    assert report["officials"][0]["title"] == "commune.van_phong_thong_ke"


def test_duplicate_id_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    path.write_text('[{"id": "a"}, {"id": "a"}]')
    report = json.loads(run("check", str(path), "--as-of", "2021-12-31", "--format", "json", "--plugins", "")[1])
    assert report["rejected"][0]["errors"][0]["code"] == "duplicate_id"
    assert report["rejected"][0]["row"] == 2


def test_rules_as_of_lists_only_rules_in_force() -> None:
    code, text = run("rules", "--as-of", "2024-01-01", "--format", "json", "--plugins", "")
    assert code == 0
    codes = {r["code"] for r in json.loads(text)}
    assert {"CX-CC-2023-PROF", "CX-CT-2023-LLCT", "CBCC-TITLE"} <= codes
    assert not {"CX-CC-2019-PROF", "CX-CC-2012-PROF", "CX-BT-2004-AGE"} & codes
    rule = next(r for r in json.loads(text) if r["code"] == "CX-CB-2023-CHARTER")
    assert rule["provisional"] is True
    assert rule["basis"][0]["confidence"] == "provisional"


def test_rules_text_marks_confidence() -> None:
    code, text = run("rules", "--as-of", "2021-01-01", "--plugins", "")
    assert code == 0
    assert "CX-CC-2019-PROF" in text
    assert "[M]" in text  # the TT 13/2019 grace rests on a secondary source


def test_rule_explains_one_rule() -> None:
    code, text = run("rule", "CX-CC-2023-HOTICH", "--lang", "en", "--plugins", "")
    assert code == 0
    assert "Luật Hộ tịch 60/2014/QH13, Điều 72 khoản 2" in text
    code, text = run("rule", "cx-cc-2023-hotich", "--format", "json", "--plugins", "")
    assert json.loads(text)["valid_from"] == "2023-08-01"
    code, text = run("rule", "APPT-2026-TERM", "--plugins", "")  # Vietnamese: dates as records write them
    assert "Hiệu lực: 01/08/2026 – …" in text
    assert "Ghi chú (tiếng Anh): " in text  # the sources' notes are English, and said to be
    assert "2026-08-01" not in text


def test_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("rule", "NOPE-1", "--plugins", "")[0] == 2
    assert "không có quy tắc «NOPE-1»" in capsys.readouterr().err
    assert run("rule", "NOPE-1", "--plugins", "", "--lang", "en")[0] == 2
    assert "unknown rule 'NOPE-1'" in capsys.readouterr().err


def test_schema_roster_and_units() -> None:
    schema = json.loads(run("schema", "roster")[1])
    assert schema["type"] == "array"
    assert "qualifications" in schema["items"]["properties"]
    units = json.loads(run("schema", "units")[1])
    assert "area_flags" in units["items"]["properties"]


def test_plugins_lists_builtins_with_versions() -> None:
    rows = json.loads(run("plugins", "--format", "json", "--plugins", "")[1])
    assert {r["name"] for r in rows} >= {"cbcc_standards.rules.titles", "cbcc_standards.rules.commune_cadres_2023"}
    assert all(r["builtin"] and r["version"] for r in rows)


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cbcc_standards", "rules", "--as-of", "2013-01-01", "--plugins", ""],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "CX-CC-2012-PROF" in result.stdout


def test_row_numbers_agree_between_reader_and_validation(tmp_path: Path) -> None:
    """Blank lines are not records: a reader-level and a validation-level rejection number rows alike."""
    path = tmp_path / "roster.csv"
    path.write_text("id,birth_date,evaluations\na,1980,\n\nb,31/02/1980,\nc,1980,2020-bad\n", encoding="utf-8")
    report = json.loads(run("check", str(path), "--as-of", "2021-12-31", "--format", "json", "--plugins", "")[1])
    assert {r["id"]: r["row"] for r in report["rejected"]} == {"b": 2, "c": 3}
