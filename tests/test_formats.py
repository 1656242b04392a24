"""The HTML and Excel reports of ``check``, and Excel rosters.

The HTML report is compared with a golden file like tests/test_report.py; regenerate it after an intended change with
``CBCC_UPDATE_GOLDEN=1 pytest tests/test_formats.py`` and review the diff. Workbooks are compared by their cells.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import sys
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import cbcc_standards
from cbcc_standards import Engine, load_registry
from cbcc_standards.cli import main
from cbcc_standards.i18n import Lang
from cbcc_standards.io import InputError, RosterFile
from cbcc_standards.reading.layout import cell_text as _xlsx_cell
from cbcc_standards.report import Receipt, review_document

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "quang-ngai-2021"
GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2021-12-31"

SHEETS_VI = [
    "Theo đơn vị",
    "Cần xử lý",
    "Nhu cầu đào tạo",
    "Danh sách đầy đủ",
    "Nghỉ hưu",
    "Số người nghỉ hưu theo năm",
    "Thống kê chất lượng",
    "Dòng bị loại",
    "Thông tin",
]
SHEETS_EN = [
    "By unit",
    "To act on",
    "Training needs",
    "Full roster",
    "Retirements",
    "Retirements per year",
    "Quality statistics",
    "Rejected rows",
    "Receipt",
]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def check(roster: Path, *extra: str, units: Path | None = EXAMPLE / "units.json") -> str:
    args = ["check", str(roster), "--as-of", AS_OF, "--plugins", "", *extra]
    if units is not None:
        args += ["--units", str(units)]
    code, text = run(*args)
    assert code == 0
    return text


def report_json(roster: Path = EXAMPLE / "roster.json", lang: str = "vi") -> dict[str, Any]:
    return json.loads(check(roster, "--format", "json", "--lang", lang))


def normalise(text: str) -> str:
    """The library version and the rule-content hash vary between releases; the golden file must not."""
    text = re.sub(r'(<span class="version">)[^<]*(</span>)', r"\1X\2", text)
    return re.sub(r'(<code class="ruleset-sha256">)[0-9a-f]{64}(</code>)', r"\1X\2", text)


def write_xlsx_report(tmp_path: Path, *extra: str, roster: Path = EXAMPLE / "roster.json") -> Any:
    path = tmp_path / "report.xlsx"
    assert check(roster, "--output", str(path), *extra) == ""
    return openpyxl.load_workbook(path)


def rows_of(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def records(sheet: Any) -> list[dict[str, Any]]:
    header, *rows = rows_of(sheet)
    return [dict(zip(header, row, strict=True)) for row in rows]


class Structure(HTMLParser):
    """Open elements as a stack: every end tag must close the innermost open element."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr", "col", "source", "area", "base"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.starts if tag == name]


def parse(text: str) -> Structure:
    parser = Structure()
    parser.feed(text)
    parser.close()
    assert parser.problems == []
    assert parser.stack == []
    return parser


# -- HTML -------------------------------------------------------------------------------------------------------


def test_html_matches_golden() -> None:
    path = GOLDEN / f"quang-ngai-{AS_OF}-vi.html"
    text = normalise(check(EXAMPLE / "roster.json", "--format", "html"))
    if os.environ.get("CBCC_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as fh:
        assert text == fh.read(), f"{path.name} differs; see the module docstring"


def test_html_is_one_well_formed_page_with_a_chart_per_district() -> None:
    text = check(EXAMPLE / "roster.json", "--format", "html")
    page = parse(text)
    assert page.doctype.lower() == "doctype html"
    assert page.tags("html") == [{"lang": "vi"}]
    assert {"charset": "utf-8"} in page.tags("meta")
    assert "@media print" in text
    districts = [u for u in report_json()["summary"]["units"] if u["tier"] == "district"]
    svgs = [svg for svg in page.tags("svg") if svg["class"] == "chart"]  # the statistics' charts are stats-chart
    assert len(svgs) == len(districts) > 0
    for district, svg in zip(districts, svgs, strict=True):
        assert svg["role"] == "img"
        labels = (svg["aria-labelledby"] or "").split()
        assert labels
        assert re.search(rf'<title id="{labels[0]}">[^<]*{re.escape(district["name"])}</title>', text)
    # One section per part of the report, in order.
    sections = [attrs["id"] for attrs in page.tags("section")]
    assert sections == ["summary", "units", "charts", "training", "quality", "retirements", "to-act", "rejected"]


def test_html_loads_nothing_from_the_network() -> None:
    text = check(EXAMPLE / "roster.json", "--format", "html")
    page = parse(text)
    assert not re.search(r"https?://", text)
    assert not re.search(r"@import|url\(", text)
    assert page.tags("script") == page.tags("link") == page.tags("img") == page.tags("iframe") == []
    assert not [attrs for _, attrs in page.starts if "src" in attrs or "href" in attrs]


def test_html_shows_the_receipt_people_and_rejected_rows() -> None:
    text = check(EXAMPLE / "roster.json", "--format", "html")
    assert f'<span class="version">{cbcc_standards.__version__}</span>' in text
    assert re.search(r'<code class="ruleset-sha256">[0-9a-f]{64}</code>', text)
    assert '<time datetime="2021-12-31">31/12/2021</time>' in text
    # A person within grace: the deadline, the finding and its legal basis.
    row = re.search(r"<tr><td><code>QN-0002</code></td>.*?</tr>", text)
    assert row
    assert '<time datetime="2024-12-25">25/12/2024</time>' in row[0]
    assert "CX-CC-2019-PROF" in row[0]
    assert "Thông tư 13/2019/TT-BNV, Điều 1 khoản 1" in row[0]
    # Everyone to act on is listed once, under their district; compliant officials are counted, not listed.
    for official in report_json()["officials"]:
        listed = text.count(f"<tr><td><code>{official['id']}</code></td>")
        assert listed == (official["status"] != "compliant"), official["id"]
    headings = re.findall(r"<h3>([^<]*) <small>", text)
    assert headings[-1] == "(không rõ đơn vị)"
    assert len(headings) == len(set(headings))
    assert re.search(r'<td class="n">33</td><td><code>QN-0033</code></td><td><code>birth_date</code></td>', text)


def test_html_people_tables_name_the_title_and_keep_its_code() -> None:
    """Like the text report, the tables of people show the title's name with its code (as the unit's)."""
    text = check(EXAMPLE / "roster.json", "--format", "html")
    row = re.search(r"<tr><td><code>QN-0004</code></td>.*?</tr>", text)
    assert row
    assert (
        "<td>Địa chính – xây dựng – đô thị và môi trường<br><code>commune.dia_chinh</code></td>"
        "<td>Xã Bình Châu<br><code>QN.BINH_SON.BINH_CHAU</code></td>"
    ) in row[0]


def test_html_in_english() -> None:
    text = check(EXAMPLE / "roster.json", "--format", "html", "--lang", "en")
    page = parse(text)
    assert page.tags("html") == [{"lang": "en"}]
    assert "<h2>To act on</h2>" in text
    assert "Within grace" in text


def test_html_escapes_every_piece_of_input(tmp_path: Path) -> None:
    evil_name = '<script>alert("x")</script> & co'
    roster = tmp_path / "roster.json"
    roster.write_text(
        json.dumps(
            [
                {
                    "id": '"><img src=x onerror=alert(1)>',
                    "full_name": evil_name,
                    "title": "commune.tai_chinh_ke_toan",
                    "unit": "EVIL.D.C",
                },
                {"id": "<b>bad</b>", "birth_date": "not a date"},
            ]
        ),
        encoding="utf-8",
    )
    units = tmp_path / "units.json"
    units.write_text(
        json.dumps(
            [
                {"code": "EVIL", "name": "<i>Tỉnh</i>", "tier": "province"},
                {"code": "EVIL.D", "name": '<svg onload="alert(1)">', "tier": "district", "parent": "EVIL"},
                {
                    "code": "EVIL.D.C",
                    "name": "Xã </title><script>",
                    "tier": "commune",
                    "kind": "xa",
                    "parent": "EVIL.D",
                },
            ]
        ),
        encoding="utf-8",
    )
    text = check(roster, "--format", "html", units=units)
    page = parse(text)
    assert page.tags("script") == page.tags("img") == page.tags("b") == page.tags("i") == []
    assert len([s for s in page.tags("svg") if s["class"] == "chart"]) == 1  # the district's chart, not its name
    assert not [attrs for _, attrs in page.starts if "onload" in attrs or "onerror" in attrs]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in text
    assert evil_name in "".join(page.text)


# -- XLSX -------------------------------------------------------------------------------------------------------


def test_xlsx_sheets_and_headers(tmp_path: Path) -> None:
    book = write_xlsx_report(tmp_path)
    assert book.sheetnames == SHEETS_VI
    assert rows_of(book["Theo đơn vị"])[0][:8] == (
        "Đơn vị",
        "Mã đơn vị",
        "Cấp",
        "Đạt chuẩn",
        "Trong thời hạn hoàn thiện",
        "Không đạt chuẩn",
        "Chưa xác định",
        "Tổng số",
    )
    assert rows_of(book["Dòng bị loại"])[0] == ("Dòng", "Bản ghi", "Mã CBCC", "Trường", "Lỗi")
    english = write_xlsx_report(tmp_path, "--lang", "en")
    assert english.sheetnames == SHEETS_EN
    assert rows_of(english["To act on"])[0][:3] == ("ID", "Full name", "Title")


def test_xlsx_units_match_the_json_summary(tmp_path: Path) -> None:
    book = write_xlsx_report(tmp_path)
    units = report_json()["summary"]["units"]
    rows = records(book["Theo đơn vị"])
    assert [r["Mã đơn vị"] for r in rows] == [u["code"] for u in units]
    for row, unit in zip(rows, units, strict=True):
        assert row["Đơn vị"] == unit["name"]
        counts = (row["Đạt chuẩn"], row["Trong thời hạn hoàn thiện"], row["Không đạt chuẩn"], row["Chưa xác định"])
        assert counts == (unit["compliant"], unit["within_grace"], unit["non_compliant"], unit["undetermined"])
        assert row["Tổng số"] == sum(counts)
        par = unit.get("par_deduction")
        assert row["Trừ điểm CCHC"] == (("Có" if par["deducted"] else "Không") if par else None)
        assert row["Lý do"] == (par["reason"] if par else None)
    district = next(r for r in rows if r["Mã đơn vị"] == "QN.BINH_SON")
    assert (district["Đơn vị"], district["Cấp"]) == ("Huyện Bình Sơn", "cấp huyện")


def test_xlsx_people_to_act_on(tmp_path: Path) -> None:
    book = write_xlsx_report(tmp_path)
    officials = report_json()["officials"]
    rows = {r["Mã CBCC"]: r for r in records(book["Cần xử lý"])}
    assert sorted(rows) == sorted(o["id"] for o in officials if o["status"] != "compliant")
    row = rows["QN-0002"]
    assert row["Họ và tên"] == "Trần Thị Bích"
    assert (row["Tình trạng"], row["Xử lý"]) == ("Trong thời hạn hoàn thiện", "Đào tạo, bồi dưỡng")
    assert row["Thời hạn"] == datetime(2024, 12, 25)
    assert (row["Mã đơn vị"], row["Đơn vị"], row["Đơn vị cấp huyện"]) == (
        "QN.BINH_SON.BINH_CHAU",
        "Xã Bình Châu",
        "Huyện Bình Sơn",
    )
    assert row["Nội dung chưa đạt (căn cứ)"].startswith("CX-CC-2019-PROF [trong thời hạn]: ")
    assert "Thông tư 13/2019/TT-BNV, Điều 1 khoản 1" in row["Nội dung chưa đạt (căn cứ)"]
    assert rows["QN-0004"]["Thời hạn"] is None
    # five undetermined findings: no birth date for the retirement rule, four standards
    assert rows["QN-0010"]["Nội dung chưa đạt (căn cứ)"].count("\n") == 4
    assert rows["QN-0019"]["Cảnh báo"].startswith("unit: ")


def test_xlsx_training_needs_and_rejected_rows(tmp_path: Path) -> None:
    book = write_xlsx_report(tmp_path)
    summary = report_json()["summary"]
    needs = records(book["Nhu cầu đào tạo"])
    assert [(n["Mã đơn vị"], n["Trình độ cần đạt"], n["Số người"]) for n in needs] == [
        (n["district"], n["label"], n["officials"]) for n in summary["training_needs"]
    ]
    assert [n["Thời hạn"] for n in needs] == [
        datetime.fromisoformat(n["deadline"]) if n["deadline"] else None for n in summary["training_needs"]
    ]
    assert records(book["Dòng bị loại"]) == [
        {
            "Dòng": 33,
            "Bản ghi": 33,
            "Mã CBCC": "QN-0033",
            "Trường": "birth_date",
            "Lỗi": "«ngày sinh»: ngày không hợp lệ hoặc không có thật ('31/02/1980').",
        }
    ]
    about = dict(rows_of(book["Thông tin"])[1:])
    assert about["Ngày đánh giá"] == datetime(2021, 12, 31)
    assert about["Phiên bản"] == cbcc_standards.__version__
    assert about["Người được đánh giá"] == summary["officials"]


def test_xlsx_is_stable_and_stamped_with_as_of(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path in (first, second):
        check(EXAMPLE / "roster.json", "-o", str(path))  # the suffix chooses the format
    assert first.read_bytes() == second.read_bytes()
    book = openpyxl.load_workbook(first)
    assert book.properties.created == book.properties.modified == datetime(2021, 12, 31)
    assert book.properties.creator == "cbcc_standards"


def test_format_contradicting_the_output_extension_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.xlsx"
    code, _ = run("check", str(EXAMPLE / "roster.json"), "--as-of", AS_OF, "-o", str(target), "--format", "json")
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "mâu thuẫn với --output" in err  # in the reader's language (Vietnamese by default)
    assert not target.exists()


def test_xlsx_neutralises_formulas(tmp_path: Path) -> None:
    roster = tmp_path / "roster.json"
    roster.write_text(
        json.dumps(
            [
                {"id": "=1+1", "full_name": '=HYPERLINK("x","y")', "unit": "+84", "title": "commune.dia_chinh"},
                {"id": "@SUM(A1)", "birth_date": "-1"},
            ]
        ),
        encoding="utf-8",
    )
    book = write_xlsx_report(tmp_path, roster=roster)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    person = records(book["Cần xử lý"])[0]
    assert (person["Mã CBCC"], person["Họ và tên"], person["Mã đơn vị"]) == ("'=1+1", '\'=HYPERLINK("x","y")', "'+84")
    assert records(book["Dòng bị loại"])[0]["Mã CBCC"] == "'@SUM(A1)"


def test_xlsx_without_openpyxl_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl → ImportError
    target = tmp_path / "report.xlsx"
    code, _ = run("check", str(EXAMPLE / "roster.json"), "--as-of", AS_OF, "--plugins", "", "-o", str(target))
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "pip install 'cbcc_standards[excel]'" in err
    assert not target.exists()


def test_par_deduction_and_responsibility_with_a_provincial_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "examples" / "quang-ngai-plugin" / "src"))
    plugin = importlib.import_module("cbcc_quang_ngai")
    registry = load_registry(load_entry_points=False, plugins=[plugin], strict=True)
    engine = Engine(registry, province="QN")
    as_of = date(2022, 1, 1)
    receipt = Receipt("X", (), as_of, "QN", "0" * 64, None)

    def review() -> Any:
        return review_document(engine, RosterFile(EXAMPLE / "roster.json"), as_of=as_of, receipt=receipt)

    buffer = io.BytesIO()
    registry.renderer("xlsx").render(review(), buffer, Lang.VI)
    rows = {r["Mã đơn vị"]: r for r in records(openpyxl.load_workbook(buffer)["Theo đơn vị"])}
    binh_son = rows["QN.BINH_SON"]
    assert binh_son["Trừ điểm CCHC"] == "Có"
    assert "31/12/2021" in binh_son["Lý do"]
    assert binh_son["Căn cứ trừ điểm"].startswith("Công văn 3825/UBND-NC")
    assert binh_son["Chức danh chịu trách nhiệm"] == registry.titles["district.chu_tich_ubnd"].name("vi")
    assert rows["QN.TU_NGHIA"]["Trừ điểm CCHC"] == "Không"

    out = io.StringIO()
    registry.renderer("html").render(review(), out, Lang.VI)
    text = out.getvalue()
    parse(text)
    assert re.search(r'<tr class="tier-district par-deducted"><td>Huyện Bình Sơn</td>', text)
    assert re.search(r"<figcaption>Huyện Bình Sơn<small>Trừ điểm CCHC: [^<]*31/12/2021", text)


# -- XLSX rosters -----------------------------------------------------------------------------------------------


def _cell(text: str) -> Any:
    """A CSV cell as a spreadsheet would hold it: ISO dates as dates."""
    return datetime.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else (text or None)


def test_xlsx_roster_reads_like_the_csv(tmp_path: Path) -> None:
    with (EXAMPLE / "roster.csv").open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(c) for c in row])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    assert isinstance(openpyxl.load_workbook(path).active["D2"].value, datetime)
    from_csv, from_xlsx = report_json(EXAMPLE / "roster.csv"), report_json(path)
    assert from_xlsx["officials"] == from_csv["officials"]
    assert from_xlsx["rejected"] == from_csv["rejected"]
    assert from_xlsx["warnings"] == from_csv["warnings"]
    assert from_xlsx["summary"] == from_csv["summary"]
    assert len(from_xlsx["officials"]) == len(rows)


def test_xlsx_roster_cells_and_row_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã", "Họ và tên", "Giới tính", "Ngày sinh", "Chức danh", "Ngày tuyển dụng", "Xếp loại", "Ghi chú"])
    sheet.append([1001.0, "Nguyễn Văn An", "Nam", datetime(1985, 4, 12), "Địa chính", 2015, None, None])
    sheet.append([None] * 8)  # a blank row is not a record (as in a CSV file)
    sheet.append(["X-2", "Lê Thị Bình", "Nữ", 1990, "commune.dia_chinh", None, "2020", "ignored"])
    sheet.cell(row=6, column=12).value = None  # a cell touched beyond the header: not a cell too many
    path = tmp_path / "roster.xlsx"
    book.save(path)
    roster = RosterFile(path)
    items = list(roster)
    assert items[0] == {
        "id": "1001",
        "full_name": "Nguyễn Văn An",
        "gender": "Nam",
        "birth_date": "1985-04-12",
        "title": "Địa chính",
        "recruited_on": "2015",
    }
    rejected = items[1]
    assert (rejected.row, rejected.id, rejected.errors[0].field) == (2, "X-2", "evaluations")
    assert [w.field for w in roster.warnings][:1] == ["Ghi chú"]
    assert len(roster.sha256) == 64


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (datetime(1985, 4, 12), "1985-04-12"),
        (datetime(1985, 4, 12, 13, 30), "1985-04-12"),
        (date(2015, 3, 1), "2015-03-01"),
        (1980.0, "1980"),
        (1980, "1980"),
        (2.5, "2.5"),
        (True, "true"),
        ("12/12", "12/12"),
    ],
)
def test_xlsx_cell_as_text(value: Any, text: str) -> None:
    assert _xlsx_cell(value) == text


def test_xlsx_roster_without_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "roster.xlsx"
    openpyxl.Workbook().save(path)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(InputError, match=re.escape("pip install 'cbcc_standards[excel]'")):
        RosterFile(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a zip file", "không đọc được như một sổ tính Excel .xlsx"), (None, "không có dòng tiêu đề")],
)
def test_unreadable_xlsx_roster_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "roster.xlsx"
    if content is None:
        openpyxl.Workbook().save(path)  # one empty sheet
    else:
        path.write_bytes(content)
    code, _ = run("check", str(path), "--as-of", AS_OF, "--plugins", "")
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
