"""The JSON endpoints with good input: every endpoint answers with the shapes of ``report.shapes``, the version
headers, and messages in the request's language."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_support import EXAMPLES, upload

from cbcc_standards import __version__
from cbcc_standards.plugins import Registry

OFFICIAL: dict[str, Any] = {
    "id": "QN-0002",
    "gender": "female",
    "birth_date": "20/07/1990",
    "category": "cong_chuc",
    "title": "Văn phòng - thống kê",
    "unit": "QN.BINH_SON.BINH_CHAU",
    "recruited_on": "2016-05-01",
    "qualifications": [
        {"kind": "general_education", "level": "12/12"},
        {"kind": "professional", "level": "Trung cấp", "field": "văn thư lưu trữ"},
        {"kind": "it", "level": "co_ban"},
    ],
}
"""The README's official (examples/evaluate_one.py), the title given by its Vietnamese name."""


def test_every_response_carries_the_version_and_the_ruleset_hash(client: TestClient, registry: Registry) -> None:
    for response in (client.get("/health"), client.get("/nope"), client.post("/evaluate", content=b"{")):
        assert response.headers["x-cbcc-version"] == str(__version__)
        assert response.headers["x-cbcc-ruleset-sha256"] == registry.content_hash()
    assert client.get("/health").json() == {
        "status": "ok",
        "version": str(__version__),
        "ruleset_sha256": registry.content_hash(),
    }


def test_evaluate_one_official_in_each_language(client: TestClient) -> None:
    body = {"official": OFFICIAL, "as_of": "2021-12-31"}
    vi = client.post("/evaluate", json=body).json()
    en = client.post("/evaluate", json=body, headers={"Accept-Language": "en-GB,en;q=0.9,vi;q=0.5"}).json()
    assert (vi["id"], vi["title"], vi["status"], vi["action"]) == (
        "QN-0002",
        "commune.van_phong_thong_ke",
        "within_grace",
        "train",
    )
    assert vi["deadline"] == "2024-12-25"
    prof = next(f for f in vi["findings"] if f["rule"] == "CX-CC-2019-PROF")
    assert prof["outcome"] == "grace"
    assert prof["basis"][0]["document"] == "Thông tư 13/2019/TT-BNV"
    prof_en = next(f for f in en["findings"] if f["rule"] == "CX-CC-2019-PROF")
    assert prof["message"] != prof_en["message"]
    assert "25/12/2024" in prof["message"]
    assert "remedied" in prof_en["message"]
    assert client.post("/evaluate?lang=en", json=body).json() == en


def test_evaluate_with_a_unit_and_a_province(client: TestClient) -> None:
    unit = {"code": "T.H.MOUNTAIN", "name": "Xã Miền Núi", "tier": "commune", "kind": "xa", "area_flags": ["mien_nui"]}
    row = OFFICIAL | {"unit": "T.H.MOUNTAIN", "title": "commune.tai_chinh_ke_toan"}
    body = {"official": row, "as_of": "2024-01-01", "unit": unit}
    national = client.post("/evaluate", json=body).json()
    province = client.post("/evaluate", json=body | {"province": "TEST"}).json()
    assert national["status"] != province["status"] or national["findings"] != province["findings"]


def test_reader_remarks_come_back_as_warnings(client: TestClient) -> None:
    row = OFFICIAL | {"birth_date": "0000-00-00"}
    data = client.post("/evaluate", json={"official": row, "as_of": "2021-12-31"}).json()
    assert data["warnings"], data
    assert data["status"] in ("undetermined", "within_grace", "non_compliant")


def test_batch_streams_one_line_per_row_in_order(client: TestClient) -> None:
    rows = [OFFICIAL, {"full_name": "no id"}, OFFICIAL | {"id": "QN-0003"}, OFFICIAL]
    response = client.post("/evaluate/batch?as_of=2021-12-31", json=rows)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["type"] for line in lines] == ["official", "rejected", "official", "rejected"]
    assert lines[1]["row"] == 2
    assert lines[1]["errors"][0]["field"] == "id"
    assert lines[3]["errors"][0]["code"] == "duplicate_id"
    ndjson = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    again = client.post(
        "/evaluate/batch?as_of=2021-12-31",
        content=ndjson.encode(),
        headers={"Content-Type": "application/x-ndjson"},
    )
    assert [json.loads(line) for line in again.text.splitlines()] == [
        line | ({"line": i} if line["type"] == "rejected" else {}) for i, line in enumerate(lines, start=1)
    ]


def test_batch_of_more_rows_than_a_chunk(client: TestClient) -> None:
    rows = [OFFICIAL | {"id": f"QN-{i:05d}"} for i in range(1300)]
    response = client.post("/evaluate/batch?as_of=2024-01-01", json=rows)
    ids = [json.loads(line)["id"] for line in response.text.splitlines()]
    assert ids == [r["id"] for r in rows]


def test_candidate_retirement_and_planning(client: TestClient) -> None:
    person = json.loads((EXAMPLES.parent / "candidate" / "person.json").read_text(encoding="utf-8"))
    candidate = client.post(
        "/candidate", json={"person": person, "title": "Phó Giám đốc Sở", "on": "2024-06-01"}
    ).json()
    assert candidate["title"] == "province.pho_giam_doc_so"
    assert {f["rule"] for f in candidate["findings"]} >= {"APPT-2020-DISC"}
    retirement = client.post("/retirement", json={"gender": "nữ", "born": "04/1969"}).json()
    assert (retirement["retirement_date"], retirement["pension_from"]) == ("2025-12-31", "2026-01-01")
    roster = json.loads((EXAMPLES / "roster.json").read_text(encoding="utf-8"))
    pool = client.post(
        "/planning", json={"officials": [*roster, {"id": ""}], "title": "commune.chu_tich_ubnd", "as_of": "2024-01-01"}
    ).json()
    assert pool["title"] == "commune.chu_tich_ubnd"
    assert len(pool["candidates"]) + len(pool["rejected"]) == len(roster) + 1
    assert pool["rejected"][-1]["row"] == len(roster) + 1


def test_rules_titles_levels_plugins(client: TestClient) -> None:
    rules = client.get("/rules", params={"as_of": "2024-01-01"}).json()
    assert rules
    assert all(r["jurisdiction"] == "national" for r in rules)
    assert "CX-CC-2023-PROF" in {r["code"] for r in rules}
    provincial = client.get("/rules", params={"province": "TEST"}).json()
    assert len(provincial) >= len(rules)
    rule = client.get("/rules/cx-cc-2023-prof").json()
    assert rule["code"] == "CX-CC-2023-PROF"
    assert rule["basis"][0]["confidence"] in ("settled", "secondary")
    titles = client.get("/titles", params={"as_of": "2024-01-01"}).json()
    codes = {t["code"] for t in titles}
    assert "commune.tai_chinh_ke_toan" in codes
    assert "commune.truong_cong_an" not in codes
    levels = {ladder["name"]: ladder for ladder in client.get("/levels").json()}
    general = {level["code"]: level["spellings"] for level in levels["general_education"]["levels"]}
    assert "12/12" in general["thpt"]
    plugins = client.get("/plugins").json()
    assert {"name": "test_province", "version": None, "builtin": False, "error": None} in plugins


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx", "csv", "text", "jsonl"])
def test_review_upload_is_the_report_the_cli_writes(client: TestClient, fmt: str) -> None:
    from cbcc_standards.cli import main

    files = {"roster": upload("roster.json"), "units": upload("units.json")}
    response = client.post("/reports/review", files=files, data={"as_of": "2021-12-31", "format": fmt})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"].endswith(
        f'filename="ra-soat-2021-12-31.{fmt if fmt != "text" else "txt"}"'
    )
    if fmt == "json":
        data = response.json()
        assert {o["id"] for o in data["officials"]} >= {"QN-0001"}
        assert data["receipt"]["input_sha256"] is not None
    if fmt in ("json", "csv", "jsonl", "text"):
        import io

        out = io.StringIO()
        code = main(
            [
                "check",
                str(EXAMPLES / "roster.json"),
                "--units",
                str(EXAMPLES / "units.json"),
                "--as-of",
                "2021-12-31",
                "--format",
                fmt,
                "--plugins",
                "",
            ],
            out=out,
        )
        assert code == 0
        cli = out.getvalue()
        if fmt == "json":  # the CLI's registry has no TEST province: compare all but the receipt
            mine, theirs = response.json(), json.loads(cli)
            mine.pop("receipt"), theirs.pop("receipt")
            assert mine == theirs
        elif fmt == "csv":
            assert response.content.decode("utf-8") == cli
    if fmt == "xlsx":
        assert response.content[:2] == b"PK"


def test_normalize_upload(client: TestClient) -> None:
    path = EXAMPLES.parent / "real-export" / "danh-sach-cbcc.csv"
    mapping = EXAMPLES.parent / "real-export" / "mapping.toml"
    response = client.post(
        "/normalize", files={"roster": upload("danh-sach-cbcc.csv", path), "mapping": upload("mapping.toml", mapping)}
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["roster"][0]["id"] == "BS-0001"
    assert data["report"]["file"].endswith("danh-sach-cbcc.csv")
    assert "/tmp" not in data["report"]["file"]
    assert data["report"]["summary"]["records"] >= len(data["roster"])


def test_cors_is_off_by_default_and_configurable(client: TestClient, make_client: Any) -> None:
    preflight = {"Origin": "https://hr.example.vn", "Access-Control-Request-Method": "POST"}
    assert "access-control-allow-origin" not in client.options("/evaluate", headers=preflight).headers
    cors = make_client(cors_origins=("https://hr.example.vn",))
    answer = cors.options("/evaluate", headers=preflight)
    assert answer.headers["access-control-allow-origin"] == "https://hr.example.vn"
    assert "x-cbcc-version" in answer.headers
    got = cors.get("/health", headers={"Origin": "https://hr.example.vn"})
    assert "X-CBCC-Version" in got.headers["access-control-expose-headers"]
