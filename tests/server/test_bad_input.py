"""Bad input is the client's: a 4xx with ``{"errors": [...]}`` in the request's language, never a 500, and the server
keeps serving (each case is followed by a good request)."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_support import upload

from cbcc_standards import hookimpl, load_registry
from cbcc_standards.server import ServerSettings, SettingsError, is_loopback, read_api_keys

GOOD = {
    "official": {"id": "A-1", "title": "commune.tai_chinh_ke_toan", "birth_date": "1985"},
    "as_of": "2024-01-01",
}
CYCLE = (
    b'[{"code": "A", "name": "A", "tier": "district", "parent": "B"},'
    b' {"code": "B", "name": "B", "tier": "district", "parent": "A"}]'
)


def _review(data: dict[str, str] | None = None, **files: tuple[str, bytes]) -> dict[str, Any]:
    return {"files": files or {"roster": upload("roster.json")}, "data": {"as_of": "2021-12-31", **(data or {})}}


CASES: list[tuple[str, str, str, dict[str, Any], int, str]] = [
    (
        "malformed JSON",
        "POST",
        "/evaluate",
        {"content": b'{"official": ', "headers": {"Content-Type": "application/json"}},
        400,
        "invalid_json",
    ),
    (
        "not UTF-8",
        "POST",
        "/evaluate",
        {"content": b'{"a": "\xff"}', "headers": {"Content-Type": "application/json"}},
        400,
        "not_utf8",
    ),
    (
        "empty body",
        "POST",
        "/evaluate",
        {"content": b"", "headers": {"Content-Type": "application/json"}},
        400,
        "empty_body",
    ),
    (
        "text body",
        "POST",
        "/evaluate",
        {"content": b"id=1", "headers": {"Content-Type": "text/plain"}},
        415,
        "unsupported_media_type",
    ),
    ("form to a JSON endpoint", "POST", "/retirement", {"data": {"gender": "male"}}, 415, "unsupported_media_type"),
    (
        "JSON to an upload endpoint",
        "POST",
        "/reports/review",
        {"json": {"as_of": "2021-12-31"}},
        415,
        "unsupported_media_type",
    ),
    (
        "XML to the batch",
        "POST",
        "/evaluate/batch?as_of=2021-12-31",
        {"content": b"<a/>", "headers": {"Content-Type": "application/xml"}},
        415,
        "unsupported_media_type",
    ),
    ("a list, not an object", "POST", "/evaluate", {"json": [GOOD]}, 422, "model_type"),
    ("missing as_of", "POST", "/evaluate", {"json": {"official": GOOD["official"]}}, 422, "missing"),
    ("30 February", "POST", "/evaluate", {"json": GOOD | {"as_of": "2021-02-30"}}, 422, "invalid_date"),
    ("a partial evaluation date", "POST", "/evaluate", {"json": GOOD | {"as_of": "2021"}}, 422, "invalid_date"),
    (
        "30 February in the roster row",
        "POST",
        "/evaluate",
        {"json": GOOD | {"official": GOOD["official"] | {"birth_date": "2021-02-30"}}},
        422,
        "invalid_date",
    ),
    (
        "unknown title",
        "POST",
        "/evaluate",
        {"json": GOOD | {"official": GOOD["official"] | {"title": "Trưởng ban vũ trụ"}}},
        422,
        "unknown_title",
    ),
    (
        "unknown title of a candidate",
        "POST",
        "/candidate",
        {"json": {"person": GOOD["official"], "title": "nope", "on": "2024-01-01"}},
        422,
        "unknown_title",
    ),
    ("unknown province", "POST", "/evaluate", {"json": GOOD | {"province": "ZZ"}}, 400, "unknown_province"),
    ("unknown province of the rules", "GET", "/rules?province=ZZ", {}, 400, "unknown_province"),
    (
        "unknown province of a batch",
        "POST",
        "/evaluate/batch?as_of=2024-01-01&province=ZZ",
        {"json": []},
        400,
        "unknown_province",
    ),
    ("batch without a date", "POST", "/evaluate/batch", {"json": [GOOD["official"]]}, 422, "missing"),
    ("batch that is not a list", "POST", "/evaluate/batch?as_of=2024-01-01", {"json": {"id": 1}}, 400, "invalid_json"),
    (
        "broken batch",
        "POST",
        "/evaluate/batch?as_of=2024-01-01",
        {"content": b"[{", "headers": {"Content-Type": "application/json"}},
        400,
        "invalid_json",
    ),
    ("unknown field", "POST", "/evaluate", {"json": GOOD | {"extra": 1}}, 422, "extra_forbidden"),
    (
        "bad gender and birth date",
        "POST",
        "/retirement",
        {"json": {"gender": "x", "born": "13/13/1969"}},
        422,
        "invalid_gender",
    ),
    (
        "bad minimum rating",
        "POST",
        "/planning",
        {"json": {"officials": [], "title": "commune.chu_tich_ubnd", "as_of": "2024-01-01", "min_rating": "best"}},
        422,
        "invalid_value",
    ),
    ("unknown rule", "GET", "/rules/NO-SUCH", {}, 404, "unknown_rule"),
    ("unknown path", "GET", "/no/such/path", {}, 404, "not_found"),
    ("wrong method", "DELETE", "/evaluate", {}, 405, "method_not_allowed"),
    ("unknown language", "GET", "/rules?lang=fr", {}, 400, "unknown_language"),
    (
        "roster of an unknown format",
        "POST",
        "/reports/review",
        _review(roster=("roster.txt", b"id\n1\n")),
        400,
        "unreadable_file",
    ),
    (
        "roster that is not JSON",
        "POST",
        "/reports/review",
        _review(roster=("roster.json", b'[{"id": ')),
        400,
        "unreadable_file",
    ),
    (
        "an xlsx that is not one",
        "POST",
        "/reports/review",
        _review(roster=("roster.xlsx", b"PK\x03\x04 not a zip")),
        400,
        "unreadable_file",
    ),
    (
        "units with a cycle",
        "POST",
        "/reports/review",
        _review(roster=upload("roster.json"), units=("units.json", CYCLE)),
        400,
        "unreadable_file",
    ),
    ("review without a roster", "POST", "/reports/review", _review(units=upload("units.json")), 422, "missing"),
    ("review with an unknown format", "POST", "/reports/review", _review({"format": "pdf"}), 400, "unknown_format"),
    (
        "review with an unknown province",
        "POST",
        "/reports/review",
        _review({"province": "ZZ"}),
        400,
        "unknown_province",
    ),
    ("review with a bad date", "POST", "/reports/review", _review({"as_of": "2021-02-30"}), 422, "invalid_date"),
    (
        "review with a stray file",
        "POST",
        "/reports/review",
        _review(roster=upload("roster.json"), extra=("x.json", b"[]")),
        422,
        "unexpected_file",
    ),
    ("review with a stray field", "POST", "/reports/review", _review({"colour": "red"}), 422, "extra_forbidden"),
    (
        "normalize without a roster",
        "POST",
        "/normalize",
        {"data": {"sheet": "x"}, "files": {"columns": ("c.json", b"{}")}},
        422,
        "missing",
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_is_a_4xx_and_the_server_goes_on(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    errors = response.json()["errors"]
    assert code in [e["code"] for e in errors], errors
    assert all(set(e) == {"row", "field", "code", "message"} and e["message"] for e in errors)
    assert "x-cbcc-version" in response.headers
    good = client.post("/evaluate", json=GOOD)
    assert good.status_code == 200
    assert good.json()["id"] == "A-1"


def test_errors_are_in_the_request_language(client: TestClient) -> None:
    body = GOOD | {"province": "ZZ"}
    vi = client.post("/evaluate", json=body).json()["errors"][0]["message"]
    en = client.post("/evaluate", json=body, headers={"Accept-Language": "en"}).json()["errors"][0]["message"]
    assert vi.startswith("Không có plugin")
    assert en.startswith("No plugin")
    missing = client.post("/evaluate", json={"as_of": "2024-01-01"}, headers={"Accept-Language": "fr, en;q=0.5"})
    assert missing.json()["errors"] == [
        {"row": None, "field": "official", "code": "missing", "message": "official: required field missing."}
    ]


def test_a_refused_value_is_named_in_vietnamese(client: TestClient) -> None:
    """The request's own fields and the official's are worded as a roster's rejected rows: the value refused, no
    English sentence from the validator in a Vietnamese answer."""
    body = {"as_of": "2024-02-30", "official": {"id": "A", "gender": "?"}}
    errors = client.post("/evaluate", json=body).json()["errors"]
    assert errors == [
        {
            "row": None,
            "field": "as_of",
            "code": "invalid_date",
            "message": "«as_of»: ngày không hợp lệ hoặc không có thật ('2024-02-30').",
        }
    ]
    body = {"as_of": "2024-02-03", "official": {"id": "A", "gender": "?", "title": "Chủ tịch vũ trụ"}}
    messages = [e["message"] for e in client.post("/evaluate", json=body).json()["errors"]]
    assert messages == [
        "«giới tính của official»: giá trị không thuộc danh sách cho phép ('?'; 'male', 'female').",
        "«chức danh của official»: chức danh không có trong danh mục ('Chủ tịch vũ trụ').",
    ]
    english = client.post("/evaluate", json=body, headers={"Accept-Language": "en"}).json()["errors"]
    assert "Input should be 'male' or 'female'" in english[0]["message"]


def test_a_broken_batch_after_the_first_chunk_ends_with_an_error_line(client: TestClient) -> None:
    rows = b",".join(b'{"id": "B-%d", "title": "commune.dia_chinh"}' % i for i in range(1200))
    response = client.post(
        "/evaluate/batch?as_of=2024-01-01",
        content=b"[" + rows + b", {oops",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert len(lines) == 1201
    assert '"type": "error"' in lines[-1]
    assert "invalid_json" in lines[-1]


def _chunks(size: int, block: int = 1 << 16) -> Iterator[bytes]:
    sent = 0
    while sent < size:
        yield b" " * min(block, size - sent)
        sent += block


@pytest.mark.parametrize("announced", [True, False], ids=["content-length", "chunked"])
def test_an_upload_over_the_limit_is_a_413(make_client: Callable[..., TestClient], announced: bool) -> None:
    """A 2 GB upload, scaled down: the limit is set to 1 MiB and 3 MiB are sent."""
    small = make_client(max_upload_bytes=1 << 20, max_body_bytes=4096)
    body = b"--x\r\n" + b" " * (3 << 20) if announced else _chunks(3 << 20)
    headers = {"Content-Type": "multipart/form-data; boundary=x"}
    response = small.post("/reports/review", content=body, headers=headers)
    assert response.status_code == 413, response.text
    assert response.json()["errors"][0]["code"] == "too_large"
    assert "1 MB" in response.json()["errors"][0]["message"]
    batch = small.post(
        "/evaluate/batch?as_of=2024-01-01", content=_chunks(2 << 20), headers={"Content-Type": "application/json"}
    )
    assert batch.status_code == 413
    big_json = small.post("/evaluate", json=GOOD | {"official": GOOD["official"] | {"full_name": "x" * 5000}})
    assert big_json.status_code == 413
    assert small.post("/evaluate", json=GOOD).status_code == 200


def test_a_claimed_2gb_body_is_refused_before_reading(make_client: Callable[..., TestClient]) -> None:
    small = make_client(max_upload_bytes=1 << 20)
    response = small.post(
        "/reports/review",
        content=b"",
        headers={"Content-Type": "multipart/form-data; boundary=x", "Content-Length": str(2 << 30)},
    )
    assert response.status_code == 413
    assert small.get("/health").status_code == 200


KEY = "k3y-for-the-tests-0123456789"


def test_api_key_required_for_everything_but_health(make_client: Callable[..., TestClient]) -> None:
    locked = make_client(api_keys=(KEY, "another-key-of-16+chars"))
    assert locked.get("/health").status_code == 200
    for path in ("/", "/rules", "/spec", "/plugins"):
        refused = locked.get(path)
        assert refused.status_code == 401, path
        assert refused.json()["errors"][0]["code"] == "unauthorised"
    assert locked.get("/").headers["www-authenticate"].startswith("Basic")
    assert locked.get("/rules").headers["www-authenticate"].startswith("Bearer")
    assert locked.get("/rules", headers={"X-API-Key": KEY}).status_code == 200
    assert locked.get("/rules", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    basic = base64.b64encode(f"clerk:{KEY}".encode()).decode()
    assert locked.get("/", headers={"Authorization": f"Basic {basic}"}).status_code == 200
    assert locked.get("/rules", headers={"X-API-Key": KEY[:-1]}).status_code == 401
    assert locked.get("/rules", headers={"Authorization": "Basic !!!"}).status_code == 401
    spec = locked.get("/spec", headers={"X-API-Key": KEY}).json()
    assert spec["components"]["securitySchemes"]["apiKey"]["name"] == "X-API-Key"
    assert spec["paths"]["/health"]["get"]["security"] == []


def test_key_files_and_hosts(tmp_path: Any) -> None:
    keys = tmp_path / "keys"
    keys.write_text("# the clerks' key\nabcdefghijklmnop\n\nqrstuvwxyz0123456789\n", encoding="utf-8")
    assert read_api_keys(keys) == ("abcdefghijklmnop", "qrstuvwxyz0123456789")
    short = tmp_path / "short"
    short.write_text("abc\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="shorter than 16"):
        read_api_keys(short)
    with pytest.raises(SettingsError, match="no key"):
        read_api_keys(_empty(tmp_path))
    with pytest.raises(SettingsError, match="cannot read"):
        read_api_keys(tmp_path / "missing")
    assert [is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3")] == [True] * 5
    assert [is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.10", "example.vn")] == [False] * 4
    assert "abcdefghijklmnop" not in repr(ServerSettings(api_keys=("abcdefghijklmnop",)))


def _empty(folder: Any) -> Any:
    path = folder / "empty"
    path.write_text("# nothing\n", encoding="utf-8")
    return path


class _Failing:
    """A plugin whose rule-set hook raises."""

    __name__ = "failing_plugin"

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[Any], None]) -> None:
        raise RuntimeError("cannot reach the provincial database")


def test_a_failing_plugin_is_reported_in_plugins_and_in_the_receipt(make_client: Callable[..., TestClient]) -> None:
    registry = load_registry(load_entry_points=False, plugins=[_Failing()])
    served = make_client(registry)
    plugins = {p["name"]: p for p in served.get("/plugins").json()}
    assert "cannot reach" in plugins["failing_plugin"]["error"]
    assert served.get("/health").headers["x-cbcc-failed-plugins"] == "failing_plugin"
    review = served.post("/reports/review", **_review()).json()
    assert review["receipt"]["failed_plugins"][0]["name"] == "failing_plugin"
    assert "failing_plugin" in served.get("/").text


def test_the_page_tells_a_plugin_failure_in_its_language(make_client: Callable[..., TestClient]) -> None:
    """The page's warning about a plugin that failed comes from the catalogue in the page's language (Vietnamese by
    default): the kind of failure in words, the technical error as raised in parentheses."""
    from cbcc_standards.plugins import DuplicatePluginError, PluginInfo

    registry = load_registry(load_entry_points=False, plugins=[_Failing()])
    duplicate = DuplicatePluginError("tinh", ["cbcc-tinh-a 1.0", "cbcc-tinh-b 1.0"])
    registry.plugins.append(PluginInfo("tinh", None, builtin=False, error=str(duplicate), message=duplicate.message))
    served = make_client(registry)
    page = served.get("/").text
    assert (
        "Plugin failing_plugin không nạp được, báo cáo thiếu phần của nó: hook cbcc_register_rulesets của plugin gặp "
        "lỗi (RuntimeError: cannot reach the provincial database)"
    ) in page
    assert "gỡ bớt một gói" in page
    assert "none loaded" not in page
    english = served.get("/?lang=en").text
    assert "its hook cbcc_register_rulesets raised an error (RuntimeError: cannot reach" in english
    assert "gỡ bớt" not in english
    # The API keeps the technical error for integrators.
    plugins = {p["name"]: p for p in served.get("/plugins").json()}
    assert plugins["failing_plugin"]["error"] == "RuntimeError: cannot reach the provincial database"


def test_the_page_shows_errors_as_a_page(make_client: Callable[..., TestClient]) -> None:
    small = make_client(max_upload_bytes=1 << 20)
    announced = small.post(
        "/page/review",
        files={"roster": ("roster.json", b"[" + b" " * (2 << 20) + b"]")},
        data={"as_of": "2021-12-31"},
    )
    assert announced.status_code == 413
    assert announced.headers["content-type"].startswith("text/html")
    assert "Dữ liệu gửi lên quá lớn" in announced.text
    streamed = small.post(
        "/page/review",
        content=_chunks(2 << 20),
        headers={"Content-Type": "multipart/form-data; boundary=x", "Accept-Language": "en"},
    )
    assert streamed.status_code == 413
    assert "The body is too large" in streamed.text
    bad_date = small.post(
        "/page/review", files={"roster": upload("roster.json")}, data={"as_of": "2021-02-30", "lang": "en"}
    )
    assert bad_date.status_code == 422
    assert "The report could not be made" in bad_date.text
    assert "as_of: invalid date" in bad_date.text
    assert "default-src 'none'" in bad_date.headers["content-security-policy"]
    assert small.get("/").status_code == 200


@pytest.mark.parametrize(
    ("path", "data", "sheet"),
    [
        ("/page/statistics", {"form": "bm02"}, "Biểu BM02-BNV"),
        ("/page/statistics", {"form": "bm01"}, "Biểu BM01-BNV"),
        ("/page/retirements", {"format": "xlsx"}, None),
    ],
)
def test_the_page_downloads_the_forms_as_workbooks(
    client: TestClient, path: str, data: dict[str, str], sheet: Any
) -> None:
    """The page's second row of buttons posts the same form to the statistics and retirements answers: a workbook to
    download; a bad date is an error page, not JSON."""
    openpyxl = pytest.importorskip("openpyxl")
    import io

    page = client.get("/").text
    assert f'formaction="{path}"' in page
    answer = client.post(path, files={"roster": upload("roster.json")}, data={"as_of": "2021-12-31", **data})
    assert answer.status_code == 200
    assert "attachment" in answer.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    if sheet is not None:
        assert book.worksheets[0].title == sheet
    bad = client.post(path, files={"roster": upload("roster.json")}, data={"as_of": "2021-02-30", **data})
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("text/html")
    assert "2021-02-30" in bad.text
