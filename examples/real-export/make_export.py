"""Build export.xlsx: the people of danh-sach-cbcc.csv laid out as an HR system's Excel export lays them out.

A title block, a two-level header with merged cells ("Giới tính" over "Nam" | "Nữ" marked with X, "Trình độ" over
the six qualification columns), a numbering row, the unit's name merged over its officials, dates as Excel dates,
a total row and a signature line. Needs openpyxl (``pip install 'cbcc_standards[excel]'``)::

    python examples/real-export/make_export.py [OUTPUT]      # default: export.xlsx beside this script

``cbcc-standards normalize`` reads it to the same roster as the CSV.
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]

HERE = Path(__file__).resolve().parent
QUALIFICATIONS = ["Học vấn", "Chuyên môn", "Lý luận chính trị", "Quản lý nhà nước", "Tin học", "Ngoại ngữ"]


def _date(text: str) -> datetime | str:
    """A dd/mm/yyyy text as an Excel date; anything else (a year, 0000-00-00) as typed."""
    try:
        return datetime.strptime(text, "%d/%m/%Y")
    except ValueError:
        return text


def build(output: Path) -> Path:
    with (HERE / "danh-sach-cbcc.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    people = [r for r in rows[6:] if r[1] and not r[1].startswith("Tổng")]
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Danh sách"
    ws["A1"], ws["J1"] = "UBND HUYỆN BÌNH SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["A2"], ws["J2"] = "PHÒNG NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"
    ws["A4"] = "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"
    for ref in ("A1:F1", "J1:Q1", "A2:F2", "J2:Q2", "A4:Q4"):
        ws.merge_cells(ref)
    single = {"A": "STT", "B": "Số hiệu cán bộ, công chức", "C": "Họ và tên", "F": "Ngày sinh", "G": "Chức vụ",
              "H": "Đơn vị", "I": "Mã đơn vị", "J": "Ngày tuyển dụng", "Q": "Dân tộc"}  # fmt: skip
    for col, text in single.items():
        ws[f"{col}6"] = text
        ws.merge_cells(f"{col}6:{col}7")
    ws["D6"], ws["D7"], ws["E7"] = "Giới tính", "Nam", "Nữ"
    ws.merge_cells("D6:E6")
    ws["K6"] = "Trình độ"
    ws.merge_cells("K6:P6")
    for col, text in zip("KLMNOP", QUALIFICATIONS, strict=True):
        ws[f"{col}7"] = text
    ws.append(["A", "B", *[str(n) for n in range(1, 16)]])  # row 8
    first_of_unit: dict[str, int] = {}
    for number, p in enumerate(people, start=1):
        row = 8 + number
        male, female = ("X", None) if p[3] == "Nam" else (None, "X")
        unit_name = p[6] if p[7] not in first_of_unit else None
        first_of_unit.setdefault(p[7], row)
        ws.append([number, p[1], p[2], male, female, _date(p[4]), p[5], unit_name, p[7], _date(p[8]), *p[9:15], p[15]])
    for unit, top in first_of_unit.items():
        last = 8 + max(n for n, p in enumerate(people, start=1) if p[7] == unit)
        if last > top:
            ws.merge_cells(f"H{top}:H{last}")
    total = 9 + len(people)
    ws.cell(row=total, column=1).value = "Cộng"
    ws.cell(row=total, column=3).value = f"{len(people)} người"
    ws.cell(row=total + 2, column=13).value = "TRƯỞNG PHÒNG NỘI VỤ"
    book.save(output)
    return output


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "export.xlsx"))
