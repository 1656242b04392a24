"""``POST /reports/statistics`` and ``POST /reports/retirements``: the same bytes as ``stats`` and ``retirements`` on
the command line for the same files and options, the forms as workbooks, bad options refused with the field named,
messages in the request's language."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_support import EXAMPLES, upload

from cbcc_standards import __version__
from cbcc_standards.cli import main
from cbcc_standards.plugins import Registry

openpyxl = pytest.importorskip("openpyxl")

AS_OF = "2021-12-31"


def files() -> dict[str, tuple[str, bytes]]:
    return {"roster": upload("roster.json"), "units": upload("units.json")}


def cli(command: str, *options: str, output: Path | None = None) -> str:
    """What the command line writes for the example roster and units (no entry-point plugins)."""
    out = io.StringIO()
    target = ["--output", str(output)] if output is not None else []
    roster, units = str(EXAMPLES / "roster.json"), str(EXAMPLES / "units.json")
    code = main([command, roster, "--units", units, "--as-of", AS_OF, *options, *target, "--plugins", ""], out=out)
    assert code == 0
    return out.getvalue()


@pytest.mark.parametrize(
    ("path", "command", "fields", "options"),
    [
        ("/reports/statistics", "stats", {}, []),
        ("/reports/statistics", "stats", {"form": "bm02"}, ["--form", "bm02"]),
        ("/reports/statistics", "stats", {"form": "bm01", "lang": "en"}, ["--form", "bm01", "--lang", "en"]),
        (
            "/reports/statistics",
            "stats",
            {"age_bands": "30,35,40,45,50,55,60"},
            ["--age-bands", "30,35,40,45,50,55,60"],
        ),
        ("/reports/retirements", "retirements", {}, []),
        ("/reports/retirements", "retirements", {"within": "5y"}, ["--within", "5y"]),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
def test_the_answer_is_the_command_lines_report(
    client: TestClient, path: str, command: str, fields: dict[str, str], options: list[str], fmt: str
) -> None:
    response = client.post(path, files=files(), data={"as_of": AS_OF, "format": fmt, **fields})
    assert response.status_code == 200, response.text
    assert response.content.decode("utf-8") == cli(command, *options, "--format", fmt)


def test_statistics_json_equals_the_clis_and_lists_the_rejected_rows(client: TestClient, registry: Registry) -> None:
    response = client.post("/reports/statistics", files=files(), data={"as_of": AS_OF})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["content-disposition"] == 'inline; filename="thong-ke-2021-12-31.json"'
    assert response.headers["x-cbcc-version"] == str(__version__)
    assert response.headers["x-cbcc-ruleset-sha256"] == registry.content_hash()
    data = response.json()
    assert data == json.loads(cli("stats", "--format", "json"))
    assert data["reporting_unit"] == "Tỉnh Quảng Ngãi"
    assert [r["id"] for r in data["rejected"]] == ["QN-0033"]
    assert data["rejected"][0]["errors"][0]["field"] == "birth_date"


def test_retirements_json_equals_the_clis_and_lists_the_rejected_rows(client: TestClient) -> None:
    response = client.post("/reports/retirements", files=files(), data={"as_of": AS_OF, "within": "24"})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == 'inline; filename="nghi-huu-2021-12-31.json"'
    data = response.json()
    assert data == json.loads(cli("retirements", "--format", "json"))
    assert (data["within_months"], data["until"]) == (24, "2023-12-31")
    assert [p["id"] for p in data["overdue"]] == ["QN-0031"]
    assert [r["id"] for r in data["rejected"]] == ["QN-0033"]


def test_the_bm02_form_as_a_workbook(client: TestClient, tmp_path: Path) -> None:
    response = client.post(
        "/reports/statistics", files=files(), data={"as_of": AS_OF, "form": "bm02", "format": "xlsx"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.headers["content-disposition"] == 'attachment; filename="thong-ke-2021-12-31-bm02.xlsx"'
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Biểu BM02-BNV"
    target = tmp_path / "bm02.xlsx"
    cli("stats", "--form", "bm02", output=target)
    assert response.content == target.read_bytes()


def test_the_retirements_as_a_workbook_and_in_english(client: TestClient, tmp_path: Path) -> None:
    data = {"as_of": AS_OF, "format": "xlsx", "lang": "en", "download": "true"}
    response = client.post("/reports/retirements", files=files(), data=data)
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == 'attachment; filename="retirements-2021-12-31.xlsx"'
    target = tmp_path / "r.xlsx"
    cli("retirements", "--lang", "en", output=target)
    assert response.content == target.read_bytes()


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("path", ["/reports/statistics", "/reports/retirements"])
def test_the_calendars_first_and_last_years_are_reports(client: TestClient, path: str, as_of: str) -> None:
    extra = {"within": "999y"} if path.endswith("retirements") else {}
    for fmt in ("json", "xlsx"):
        response = client.post(path, files=files(), data={"as_of": as_of, "format": fmt, **extra})
        assert response.status_code == 200, response.text


def _errors(response: Any, status: int) -> list[dict[str, Any]]:
    assert response.status_code == status, response.text
    assert response.headers["x-cbcc-version"] == str(__version__)
    body = response.json()
    assert set(body) == {"errors"}
    for item in body["errors"]:
        assert set(item) == {"row", "field", "code", "message"}
    errors: list[dict[str, Any]] = body["errors"]
    return errors


@pytest.mark.parametrize(
    ("path", "fields", "status", "field", "code"),
    [
        ("/reports/statistics", {"age_bands": "40,30"}, 422, "age_bands", "invalid_age_bands"),
        ("/reports/statistics", {"age_bands": "30,x"}, 422, "age_bands", "invalid_age_bands"),
        ("/reports/statistics", {"age_bands": "0"}, 422, "age_bands", "invalid_age_bands"),
        (
            "/reports/statistics",
            {"age_bands": ",".join(map(str, range(20, 60)))},
            422,
            "age_bands",
            "invalid_age_bands",
        ),
        ("/reports/statistics", {"form": "bm03"}, 422, "form", "unknown_form"),
        ("/reports/statistics", {"within": "24"}, 422, "within", "extra_forbidden"),
        ("/reports/retirements", {"within": "0"}, 422, "within", "invalid_period"),
        ("/reports/retirements", {"within": "soon"}, 422, "within", "invalid_period"),
        ("/reports/retirements", {"within": "-3"}, 422, "within", "invalid_period"),
        ("/reports/retirements", {"form": "bm02"}, 422, "form", "extra_forbidden"),
        ("/reports/retirements", {"as_of": "2021-02-30"}, 422, "as_of", "invalid_date"),
        ("/reports/retirements", {"as_of": "2021"}, 422, "as_of", "invalid_date"),
        ("/reports/statistics", {"format": "html"}, 400, "format", "unknown_format"),
        ("/reports/retirements", {"format": "pdf"}, 400, "format", "unknown_format"),
        ("/reports/statistics", {"province": "ATLANTIS"}, 400, "province", "unknown_province"),
        ("/reports/retirements", {"lang": "fr"}, 400, "lang", "unknown_language"),
    ],
)
def test_bad_options_are_refused_naming_the_field(
    client: TestClient, path: str, fields: dict[str, str], status: int, field: str, code: str
) -> None:
    errors = _errors(client.post(path, files=files(), data={"as_of": AS_OF, **fields}), status)
    assert [(e["field"], e["code"]) for e in errors] == [(field, code)]


def test_an_unknown_format_lists_those_that_render_the_report(client: TestClient) -> None:
    for path in ("/reports/statistics", "/reports/retirements"):
        (error,) = _errors(client.post(path, files=files(), data={"as_of": AS_OF, "format": "html"}), 400)
        assert "csv, json, text, xlsx" in error["message"]


def test_bad_uploads(client: TestClient, make_client: Any) -> None:
    path = "/reports/statistics"
    (missing,) = _errors(client.post(path, files={"units": upload("units.json")}, data={"as_of": AS_OF}), 422)
    assert (missing["field"], missing["code"]) == ("roster", "missing")
    no_date = _errors(client.post(path, files=files()), 422)
    assert [(e["field"], e["code"]) for e in no_date] == [("as_of", "missing")]
    (media,) = _errors(client.post(path, json={"as_of": AS_OF}), 415)
    assert media["code"] == "unsupported_media_type"
    broken = {"roster": upload("roster.json", data=b"[{"), "units": upload("units.json")}
    (unreadable,) = _errors(client.post(path, files=broken, data={"as_of": AS_OF}), 400)
    assert unreadable["code"] == "unreadable_file"
    assert "/tmp" not in unreadable["message"]
    units = {"roster": upload("roster.json"), "units": upload("units.json", data=b'[{"code": 1}]')}
    assert _errors(client.post("/reports/retirements", files=units, data={"as_of": AS_OF}), 400)[0]["code"] == (
        "unreadable_file"
    )
    (extra,) = _errors(
        client.post(
            path,
            files={"roster": upload("roster.json"), "columns": upload("c.json", data=b"{}")},
            data={"as_of": AS_OF},
        ),
        422,
    )
    assert (extra["field"], extra["code"]) == ("columns", "unexpected_file")
    small = make_client(max_upload_bytes=1000)
    (large,) = _errors(small.post("/reports/retirements", files=files(), data={"as_of": AS_OF}), 413)
    assert large["code"] == "too_large"


def test_errors_in_the_requests_language(client: TestClient) -> None:
    english = {"Accept-Language": "en-GB,en;q=0.9"}
    for path, fields, status, words_en, words_vi in (
        ("/reports/statistics", {"age_bands": "40,30"}, 422, "Invalid age bands '40,30'", "Nhóm tuổi '40,30'"),
        ("/reports/statistics", {"form": "bm03"}, 422, "Unknown form 'bm03'", "Không có biểu 'bm03'"),
        ("/reports/retirements", {"within": "0"}, 422, "Invalid period '0'", "Khoảng thời gian '0'"),
        ("/reports/retirements", {"format": "html"}, 400, "Unknown report format 'html'", "Định dạng báo cáo 'html'"),
    ):
        data = {"as_of": AS_OF, **fields}
        (en,) = _errors(client.post(path, files=files(), data=data, headers=english), status)
        (vi,) = _errors(client.post(path, files=files(), data=data), status)
        (form_en,) = _errors(client.post(path, files=files(), data={**data, "lang": "en"}), status)
        assert en["message"].startswith(words_en), en["message"]
        assert vi["message"].startswith(words_vi), vi["message"]
        assert form_en == en
