"""Rosters that look like the real thing (synthetic people, real layouts), built by the tests that use them:

- :func:`national_export`: an .xlsx export of an HR system with a title block, a two-level merged header, birth
  dates written in the "Nam" / "Nữ" column, a unit cell merged over its officials, X marks, text dates, free-text
  qualifications, a total row and a signature block, behind a hidden sheet and an empty one;
- :func:`district_template`: a template a district filled in, with typos, gender and QLNN as X-mark columns under
  a parent header, a numbering row, dates typed as text;
- :func:`vietnamese_excel_csv`: a CSV saved by Excel in a Vietnamese locale: Windows-1258, ``;``, title rows.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

UNITS = [
    {"code": "QN", "name": "Tỉnh Quảng Ngãi", "tier": "province"},
    {"code": "QN.BINH_SON", "name": "Huyện Bình Sơn", "tier": "district", "parent": "QN"},
    {
        "code": "QN.BINH_SON.BINH_CHAU",
        "name": "Xã Bình Châu",
        "tier": "commune",
        "kind": "xa",
        "parent": "QN.BINH_SON",
        "commune_class": 1,
    },
    {
        "code": "QN.BINH_SON.BINH_HAI",
        "name": "Xã Bình Hải",
        "tier": "commune",
        "kind": "xa",
        "parent": "QN.BINH_SON",
        "commune_class": 2,
    },
]


def _openpyxl() -> Any:
    import openpyxl  # type: ignore[import-untyped]

    return openpyxl


# Each person: (id, name, gender, birth, title, unit code, unit name, recruited, education, professional, LLCT,
# QLNN, IT, language, party member, ethnicity)
NATIONAL = [
    (
        "BC-001",
        "Nguyễn Văn An",
        "male",
        datetime(1980, 4, 12),
        "Chủ tịch UBND",
        "QN.BINH_SON.BINH_CHAU",
        "Xã Bình Châu",
        "01/03/2005",
        "12/12",
        "Cử nhân Luật",
        "Trung cấp",
        "CVC và TĐ",
        "Tin học A",
        "Anh B",
        "x",
        "Kinh",
    ),
    (
        "BC-002",
        "Trần Thị Bích",
        "female",
        "20/07/1990",
        "Văn phòng - Thống kê",
        "QN.BINH_SON.BINH_CHAU",
        None,
        datetime(2016, 5, 1),
        "12/12",
        "ĐH Kế toán",
        "(chưa có)",
        "Chuyên viên",
        "UDCNTT cơ bản",
        "Anh B1 Châu Âu",
        None,
        "Kinh",
    ),
    (
        "BC-003",
        "Lê Văn Cường",
        "male",
        "1978-08-15 00:00:00",
        "Tư pháp - Hộ tịch",
        "QN.BINH_SON.BINH_CHAU",
        None,
        "2010",
        "THPT (lớp 10 - lớp 12)",
        "CN Kinh tế, Cử nhân Triết học",
        "TC LLCT",
        "Chưa qua đào tạo",
        "B",
        "Chứng chỉ B (Anh văn)",
        "x",
        "Hrê",
    ),
    (
        "BC-004",
        "Phạm Thị Dung",
        "female",
        "0000-00-00",
        "Địa chính - Xây dựng",
        "QN.BINH_SON.BINH_CHAU",
        None,
        "2020-09-01",
        "12/12",
        "Cao học",
        "Sơ cấp",
        "",
        "",
        "Toeic 600",
        None,
        "Kinh",
    ),
    (
        "BH-001",
        "Đặng Văn Em",
        "male",
        "01/01/1970",
        "Chủ tịch UBND",
        "QN.BINH_SON.BINH_HAI",
        "Xã Bình Hải",
        "1999",
        "10/10",
        "Thạc sỹ Quản lý công",
        "Cao cấp lý luận chính trị - hành chính",
        "QLNN ngạch chuyên viên CC",
        "",
        "",
        "x",
        "Ca Dong",
    ),
    (
        "BH-002",
        "Võ Thị Giang",
        "female",
        datetime(1995, 2, 14),
        "Văn hóa - Xã hội",
        "QN.BINH_SON.BINH_HAI",
        None,
        "15/10/2019",
        "Trung học phổ thông",
        "Cao dẳng Văn hóa",
        "(chưa có)",
        "",
        "Văn phòng B",
        "B Anh văn",
        None,
        "Kinh",
    ),
    (
        "BH-003",
        "Hồ Văn Hải",
        "male",
        "31/02/1982",
        "Tài chính - Kế toán",
        "QN.BINH_SON.BINH_HAI",
        None,
        "2012-01-01",
        "12/12",
        "Trung cấp Kế toán",
        "Sơ cấp",
        "",
        "",
        "",
        "x",
        "Kinh",
    ),
    (
        "BH-004",
        "Mai Thị Hoa",
        "female",
        "15.08.1988",
        "Trưởng thôn",
        "QN.BINH_SON.BINH_HAI",
        None,
        "2014-01-01",
        "12/12",
        "Kỹ sư nông nghiệp",
        "",
        "",
        "",
        "",
        None,
        "Kinh",
    ),
]
"""Eight officials; BH-003 (31/02) and BH-004 (a title not in the catalogue) are rejected, the rest assessed."""


def national_export(path: Path) -> Path:
    """The export of a provincial HR system (see the module docstring); 8 officials from sheet row 10."""
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "Danh mục"
    hidden.append(["Mã", "Tên"])
    hidden.append(["01", "Cán bộ"])
    hidden.sheet_state = "hidden"
    book.create_sheet("Sheet1")  # visible and empty
    ws = book.create_sheet("DS CBCC xã")
    ws["A1"] = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    ws.merge_cells("A1:F1")
    ws["H1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells("H1:R1")
    ws["A2"] = "SỞ NỘI VỤ"
    ws.merge_cells("A2:F2")
    ws["H2"] = "Độc lập - Tự do - Hạnh phúc"
    ws.merge_cells("H2:R2")
    ws["A4"] = "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"
    ws.merge_cells("A4:R4")
    ws["A5"] = "(Kèm theo Công văn số 123/SNV-CCVC ngày 01/12/2026 của Sở Nội vụ)"
    ws.merge_cells("A5:R5")
    single = {
        "A": "STT",
        "B": "Số hiệu cán bộ, công chức",
        "C": "Họ và tên",
        "F": "Chức vụ",
        "G": "Mã đơn vị",
        "H": "Đơn vị",
        "I": "Ngày tuyển dụng",
        "P": "Đảng viên",
        "Q": "Dân tộc",
        "R": "Ghi chú",
    }
    for col, text in single.items():
        ws[f"{col}7"] = text
        ws.merge_cells(f"{col}7:{col}8")
    ws["D7"] = "Ngày, tháng, năm sinh"
    ws.merge_cells("D7:E7")
    ws["D8"], ws["E8"] = "Nam", "Nữ"
    ws["J7"] = "Trình độ"
    ws.merge_cells("J7:O7")
    for col, text in zip(
        "JKLMNO",
        ["Học vấn", "Chuyên môn", "Lý luận chính trị", "Quản lý nhà nước", "Tin học", "Ngoại ngữ"],
        strict=True,
    ):
        ws[f"{col}8"] = text
    ws.append([f"({n})" for n in range(1, 19)])  # row 9
    unit_top: dict[str, int] = {}
    for number, p in enumerate(NATIONAL, start=1):
        (pid, name, gender, born, title, unit, unit_name, recruited, ge, prof, llct, qlnn, it, fl, party, eth) = p
        row = 9 + number
        male = born if gender == "male" else None
        female = born if gender == "female" else None
        ws.append(
            [
                number,
                pid,
                name,
                male,
                female,
                title,
                unit,
                unit_name,
                recruited,
                ge,
                prof,
                llct,
                qlnn,
                it,
                fl,
                party,
                eth,
                None,
            ]
        )
        unit_top.setdefault(unit, row)
        if unit_name is None:
            ws.cell(row=row, column=8).value = None
    for unit, top in unit_top.items():
        last = max(9 + n for n, p in enumerate(NATIONAL, start=1) if p[5] == unit)
        ws.merge_cells(f"H{top}:H{last}")
    total = 10 + len(NATIONAL)
    ws.cell(row=total, column=1).value = "Tổng cộng"
    ws.cell(row=total, column=3).value = f"{len(NATIONAL)} người"
    ws.cell(row=total + 2, column=3).value = "Người lập biểu"
    ws.cell(row=total + 2, column=12).value = "GIÁM ĐỐC"
    ws.cell(row=total + 3, column=3).value = "(Ký, ghi rõ họ tên)"
    book.save(path)
    return path


# (id, name, male X, female X, birth text, title, unit, education, professional, LLCT, CV, CVC, CVCC, IT, language)
DISTRICT = [
    (
        "DS-01",
        "Nguyen Van Tai",
        "x",
        "",
        "12.04.1985",
        "Chu tich UBND",
        "QN.BINH_SON.BINH_CHAU",
        "12/12",
        "Dai hoc Luat",
        "Cao cap",
        "",
        "X",
        "",
        "Tin học A",
        "Anh B",
    ),
    (
        "DS-02",
        "Lê Thị Lan",
        "",
        "x",
        "3/9/1992",
        "Van phong - Thong ke",
        "QN.BINH_SON.BINH_CHAU",
        "12/12",
        "Cao dẳng",
        "(không)",
        "x",
        "",
        "",
        "",
        "",
    ),
    (
        "DS-03",
        "Trần Văn Minh",
        "X",
        "",
        "00/00/0000",
        "Tư pháp - hộ tịch",
        "QN.BINH_SON.BINH_HAI",
        "9/12",
        "TC Chuyên Nghiệp",
        "SC",
        "",
        "",
        "",
        "",
        "",
    ),
    (
        "DS-04",
        "Phan Thị Ngọc",
        "",
        "X",
        "1990",
        "Địa chính",
        "QN.BINH_SON.BINH_HAI",
        "12/12",
        "Thac sy Kinh te",
        "TC",
        "",
        "",
        "x",
        "",
        "Pháp A2",
    ),
    (
        "DS-05",
        "Đỗ Văn Phúc",
        "x",
        "x",
        "21/11/1979",
        "Chỉ huy trưởng Quân sự",
        "QN.BINH_SON.BINH_HAI",
        "12/12",
        "Bằng nghề",
        "Sơ cấp",
        "",
        "",
        "",
        "",
        "",
    ),
]
"""Five officials in the district template; DS-05 is marked both Nam and Nữ (gender unknown), DS-03's birth date is
unknown (``00/00/0000``); every row is assessed."""


def district_template(path: Path) -> Path:
    """A district's filled-in template (see the module docstring); data from sheet row 6."""
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Huyện Bình Sơn"
    ws["A1"] = "BIỂU THỐNG KÊ CÁN BỘ, CÔNG CHỨC XÃ - HUYỆN BÌNH SƠN"
    ws.merge_cells("A1:P1")
    ws["A3"], ws["B3"], ws["C3"] = "TT", "Mã Cán Bộ", "Họ và tên"
    ws["D3"] = "Giới tính"
    ws.merge_cells("D3:E3")
    ws["F3"], ws["G3"], ws["H3"] = "Ngày sinh", "Chức danh", "Mã đơn vị"
    ws["I3"], ws["J3"], ws["K3"] = "Trình Độ Học Vấn", "Trình độ chuyên môn cao nhất", "Trình Độ Chính Trị"
    ws["L3"] = "QLNN"
    ws.merge_cells("L3:N3")
    ws["O3"], ws["P3"] = "Trình Độ Tin Học", "Trình Độ Ngoại Ngữ"
    for col in "ABCFGHIJKOP":
        ws.merge_cells(f"{col}3:{col}4")
    ws["D4"], ws["E4"] = "Nam", "Nữ"
    ws["L4"], ws["M4"], ws["N4"] = "CV", "CVC", "CVCC"
    ws.append(["A", "B", *[str(n) for n in range(1, 15)]])  # row 5
    for number, p in enumerate(DISTRICT, start=1):
        ws.append([number, *p])
    book.save(path)
    return path


def _cp1258(text: str) -> bytes:
    """Text as Windows-1258 holds it: letters it lacks written as a base letter and a combining tone mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (letter + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


CSV_ROWS = [
    ["ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN", "", "", "", "", "", "", "", "", ""],
    ["DANH SÁCH CÔNG CHỨC XÃ NĂM 2026", "", "", "", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "", "", "", ""],
    [
        "STT",
        "Mã CBCC",
        "Họ và tên",
        "Giới tính",
        "Ngày sinh",
        "Chức danh",
        "Đơn vị",
        "Trình độ chuyên môn",
        "Trình độ lý luận chính trị",
        "Ngoại ngữ",
    ],
    [
        "1",
        "CS-01",
        "Huỳnh Văn Quang",
        "Nam",
        "15/08/1985",
        "Tài chính - Kế toán",
        "QN.BINH_SON.BINH_CHAU",
        "Cử nhân Kế toán",
        "Trung cấp",
        "Anh B",
    ],
    [
        "2",
        "CS-02",
        "Nguyễn Thị Sương",
        "Nữ",
        "02/01/1993",
        "Văn hóa - Xã hội",
        "QN.BINH_SON.BINH_HAI",
        "Đại học Văn hóa, Thạc sĩ Quản lý văn hóa",
        "Sơ cấp",
        "Tiếng Anh bậc 3",
    ],
    [
        "3",
        "CS-03",
        "Trương Văn Thắng",
        "Nam",
        "1975",
        "Chỉ huy trưởng Quân sự",
        "QN.BINH_SON.BINH_HAI",
        "Trung cấp Quân sự cơ sở",
        "Cử nhân",
        "",
    ],
    ["Tổng cộng", "", "3", "", "", "", "", "", "", ""],
]
"""Three officials; every row is assessed."""


def vietnamese_excel_csv(path: Path) -> Path:
    """A CSV as Excel saves it in a Vietnamese locale: Windows-1258, ``;``, CRLF, title rows padded with ``;``."""
    lines = [";".join(f'"{c}"' if ";" in c or "," in c else c for c in row) for row in CSV_ROWS]
    path.write_bytes(b"\r\n".join(_cp1258(line) for line in lines) + b"\r\n")
    return path
