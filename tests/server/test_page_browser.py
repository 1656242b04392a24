"""The web page in a real browser: headless Chromium (Debian's package, driven by Playwright's Python package
pointed at the system browser), against ``cbcc-standards serve`` run as a subprocess on a free loopback port.

The clerk's path end to end: open the page, choose the example roster and units, the date, the language; see the
HTML review; download the same review as XLSX, CSV and JSON; see an error in Vietnamese for a file the server cannot
read. Skipped, with the reason, only when no Chromium binary is installed."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from server_support import EXAMPLES

CHROMIUM = next(
    (
        p
        for p in (os.environ.get("CBCC_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium")
        if p and Path(p).exists()
    ),
    None,
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``cbcc-standards serve`` on a free loopback port (built-in plugins only), until the module's tests end."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "cbcc_standards",
        "serve",
        "--port",
        str(port),
        "--plugins",
        "",
        "--max-upload-mb",
        "5",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"the server did not start: {output}")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
        if process.stdout:
            process.stdout.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the Python package) is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()


def _choose(page: Any, roster: Path, units: Path | None = None, as_of: str = "2021-12-31") -> None:
    page.set_input_files("#roster", str(roster))
    if units is not None:
        page.set_input_files("#units", str(units))
    page.fill("#as_of", as_of)


def _report(page: Any, button: str = "#view") -> Any:
    """Press ``button`` and wait for the answer in the report frame."""
    frame = page.frame(name="report")
    with page.expect_response(lambda r: r.url.endswith("/page/review")):
        page.click(button)
    frame = page.frame(name="report")
    frame.wait_for_load_state()
    return frame


def test_the_clerk_reviews_the_example_roster(server: str, page: Any) -> None:
    page.goto(server + "/")
    assert page.title() == "Rà soát tiêu chuẩn cán bộ, công chức"
    today = date.today()
    assert page.input_value("#as_of") == today.isoformat()
    assert today.strftime("%d/%m/%Y") in page.inner_text("#today")
    assert page.locator("#province option").first.inner_text() == "Chỉ tiêu chuẩn quốc gia"

    _choose(page, EXAMPLES / "roster.json", EXAMPLES / "units.json")
    frame = _report(page)
    heading = frame.inner_text("h1")
    assert heading.startswith("Rà soát tiêu chuẩn cán bộ, công chức — 31/12/2021")
    text = frame.inner_text("body")
    for expected in ("Tổng hợp", "Cần xử lý", "Huyện Bình Sơn", "QN-0002", "QN-0003", "Thông tư 13/2019/TT-BNV"):
        assert expected in text, expected
    shown = {f"QN-{n:04d}" for n in range(1, 100) if f"QN-{n:04d}" in text}

    # The same review, downloaded: the form keeps its files.
    with page.expect_download() as got:
        page.click("#download-xlsx")
    download = got.value
    assert download.suggested_filename == "ra-soat-2021-12-31.xlsx"
    xlsx = Path(download.path()).read_bytes()
    assert xlsx[:2] == b"PK"
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True)
    cells = {str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c}
    book.close()
    assert shown <= cells

    with page.expect_download() as got:
        page.click("#download-json")
    data = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert data["as_of"] == "2021-12-31"
    acted = {o["id"] for o in data["officials"] if o["action"] != "none"}
    rejected = {r["id"] for r in data["rejected"] if r["id"]}
    assert acted | rejected == shown

    with page.expect_download() as got:
        page.click("#download-csv")
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8-sig"))))
    assert {r["id"] for r in rows if r["status"] != "rejected"} == {o["id"] for o in data["officials"]}

    # The statistics the Department files, from the same form: the BM02/BNV workbook.
    with page.expect_download() as got:
        page.click("#download-bm02")
    assert got.value.suggested_filename == "thong-ke-2021-12-31-bm02.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(got.value.path()).read_bytes()))
    assert book.worksheets[0].title == "Biểu BM02-BNV"
    assert book.worksheets[0]["A1"].value == "Biểu mẫu số BM02/BNV"


def test_an_unreadable_file_is_an_error_in_vietnamese(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/")
    bad = tmp_path / "danh-sach.txt"
    bad.write_text("id;tên\n1;An\n", encoding="utf-8")
    _choose(page, bad)
    frame = _report(page)
    assert frame.inner_text("h2") == "Không lập được báo cáo"
    assert "Không đọc được tệp" in frame.inner_text(".errors")
    assert "danh-sach.txt" in frame.inner_text(".errors")
    assert "/tmp" not in frame.inner_text(".errors")

    _choose(page, EXAMPLES / "roster.json", as_of="2021-12-31")  # the page goes on working
    assert _report(page).inner_text("h1").endswith("31/12/2021")


def test_the_page_and_the_report_in_english(server: str, page: Any) -> None:
    page.goto(server + "/?lang=en")
    assert page.title() == "Review of the standards of cadres and civil servants"
    assert page.input_value("#lang") == "en"
    _choose(page, EXAMPLES / "roster.json", EXAMPLES / "units.json", as_of="2024-01-01")
    frame = _report(page)
    assert "01/01/2024" in frame.inner_text("h1")
    assert "People to act on" in frame.inner_text("body") or "To act on" in frame.inner_text("body")
    page.click("nav a")
    assert page.title() == "Rà soát tiêu chuẩn cán bộ, công chức"
