"""The free-text qualification reader: the shared table of real spellings, and the grammar beyond it."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from pydantic import ValidationError

from cbcc_standards import Official
from cbcc_standards.reading.qualtext import KINDS, ValueMapping, read_qualification

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "real-spellings.tsv"
REAL_SPELLINGS = next(
    (p for p in (SHARED, Path("/work/shared/data/real-spellings.tsv")) if p.exists()),
    SHARED,
)


def expectation(kind: str, raw: str) -> str:
    """The reading in the grammar of real-spellings.tsv's ``expect`` column."""
    reading = read_qualification(kind, raw)
    if reading.status != "mapped":
        return reading.status
    assert reading.highest is not None
    return reading.highest + (":" + ";".join(reading.fields) if reading.fields else "")


def _rows() -> list[tuple[str, str, str]]:
    if not REAL_SPELLINGS.exists():  # pragma: no cover - the shared folder sits beside the project
        return []
    with REAL_SPELLINGS.open(encoding="utf-8", newline="") as fh:
        return [(r["kind"], r["raw"], r["expect"]) for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


REAL = _rows()


@pytest.mark.skipif(not REAL, reason="shared/data/real-spellings.tsv not found")
@pytest.mark.parametrize(("kind", "raw", "expect"), REAL, ids=[f"{k}:{r}" for k, r, _ in REAL])
def test_real_spellings(kind: str, raw: str, expect: str) -> None:
    assert expectation(kind, raw) == expect


# Spellings beyond the shared table, written the way HR records write them: the grammar, not a list of cells.
MORE = [
    # level and field in one cell; abbreviations; typos; prefixes
    ("professional", "KS Xây dựng", "dai_hoc:xây dựng"),
    ("professional", "Thạc sỹ Quản lý công", "thac_si:quản lý công"),
    ("professional", "Th.S Luật", "thac_si:luật"),
    ("professional", "CN.Luật", "dai_hoc:luật"),
    ("professional", "Cu nhan Luat", "dai_hoc:luat"),
    ("professional", "PGS.TS Kinh tế", "tien_si:kinh tế"),
    ("professional", "TSKH Vật lý", "tien_si:vật lý"),
    ("professional", "Kế toán trung cấp", "trung_cap:kế toán"),
    ("professional", "Trung cấp nghề Điện", "trung_cap:điện"),
    ("professional", "Đại học (tại chức) - Luật", "dai_hoc:luật"),
    ("professional", "Cử nhân loại giỏi ngành Luật", "dai_hoc:luật"),
    ("professional", "CĐ Sư phạm", "cao_dang:sư phạm"),
    ("professional", "TCCN Y sĩ", "trung_cap:y sĩ"),
    ("professional", "Kiến trúc sư", "dai_hoc"),
    ("professional", "ĐHSP Toán", "dai_hoc:sư phạm toán"),
    ("professional", "CĐSP Ngữ văn", "cao_dang:sư phạm ngữ văn"),
    ("professional", "Ths. Luật", "thac_si:luật"),
    ("professional", "ĐH Luật (VB2)", "dai_hoc:luật"),
    ("professional", "Trung cấp Y sĩ; Đại học Y đa khoa", "dai_hoc:y sĩ;y đa khoa"),
    ("professional", "dai_hoc:luật", "dai_hoc:luật"),
    # several degrees: separators , ; + / và and a level phrase starting a new degree
    ("professional", "ĐH Luật + ThS QLKT", "thac_si:luật;qlkt"),
    ("professional", "Đại học; Thạc sĩ", "thac_si"),
    ("professional", "Cử nhân Kinh tế và Thạc sĩ Luật", "thac_si:kinh tế;luật"),
    ("professional", "Cử nhân Luật Thạc sĩ Lịch sử", "thac_si:luật;lịch sử"),
    ("professional", "Cử nhân Kinh tế, chuyên ngành Kế toán", "dai_hoc:kinh tế, kế toán"),
    ("professional", "Cu nhan Luat\nThac sy Kinh te", "thac_si:luat;kinh te"),
    # not held; not a credential yet; not readable
    ("professional", "Không", "none"),
    ("professional", "(không)", "none"),
    ("professional", "-", "none"),
    ("professional", "Chưa có", "none"),
    ("professional", "Đang học Thạc sĩ", "unmapped"),
    ("professional", "Đại học (chưa tốt nghiệp)", "unmapped"),
    ("professional", "Cao học", "unmapped"),
    ("professional", "Sau đại học", "unmapped"),
    ("professional", "Bằng nghề", "unmapped"),
    ("general_education", "10/10", "thpt"),
    ("general_education", "7/10", "thcs"),
    ("general_education", "Tốt nghiệp THPT năm 2003", "thpt"),
    ("general_education", "Bổ túc THPT", "known_unmapped"),
    ("general_education", "12/12 BTVH", "known_unmapped"),
    ("general_education", "12/12 BT", "known_unmapped"),  # bổ túc, abbreviated
    ("general_education", "12/12 (BT)", "known_unmapped"),
    ("general_education", "Cấp II", "thcs"),  # Roman numerals
    ("general_education", "Cấp III", "thpt"),
    ("general_education", "Cấp I", "tieu_hoc"),
    # "N/12" (or "lớp N") is the highest grade reached: the level whose last grade it reached (legal-sources.md §6).
    ("general_education", "10/12", "thcs"),
    ("general_education", "11/12", "thcs"),
    ("general_education", "8/12", "tieu_hoc"),
    ("general_education", "6/10", "tieu_hoc"),
    ("general_education", "3/12", "unmapped"),
    ("general_education", "13/12", "unmapped"),
    ("general_education", "Hết lớp 9", "thcs"),
    ("general_education", "PTTH", "thpt"),
    ("general_education", "Lớp 9/12", "thcs"),
    ("general_education", "Lớp 12", "thpt"),
    ("political_theory", "Cao cấp LLCT-HC", "cao_cap"),
    ("political_theory", "TC LLCT", "trung_cap"),
    ("political_theory", "CCLLCT", "cao_cap"),
    ("political_theory", "Cử nhân chính trị", "cao_cap"),
    ("political_theory", "Cao cấp lý luận chính trị năm 2015", "cao_cap"),
    ("political_theory", "Sơ cấp LLCT; Trung cấp LLCT", "trung_cap"),
    ("political_theory", "Trung cấp Kế toán", "unmapped"),
    ("political_theory", "TCCT-HC", "trung_cap"),
    ("political_theory", "Cao cấp (đang học)", "unmapped"),
    ("political_theory", "Không", "none"),
    ("state_management", "CV & TĐ", "chuyen_vien"),
    ("state_management", "Chuyên viên và tương đương", "chuyen_vien"),
    ("state_management", "QLNN ngạch CVC", "chuyen_vien_chinh"),
    ("state_management", "CVCC", "chuyen_vien_cao_cap"),
    ("state_management", "Bồi dưỡng kiến thức QLNN chương trình chuyên viên", "chuyen_vien"),
    ("state_management", "Cán sự", "unmapped"),
    ("state_management", "CV chính", "chuyen_vien_chinh"),
    ("state_management", "Lãnh đạo quản lý cấp phòng", "unmapped"),
    ("it", "Tin học A", "known_unmapped"),
    ("it", "Tin học văn phòng B", "known_unmapped"),
    ("it", "B, C", "known_unmapped"),
    ("it", "Đại học CNTT", "known_unmapped"),
    ("it", "Chuẩn kỹ năng sử dụng CNTT cơ bản", "co_ban"),
    ("it", "Ứng dụng CNTT nâng cao", "nang_cao"),
    ("it", "Tin học", "unmapped"),
    ("it", "MOS", "unmapped"),
    ("foreign_language", "Tiếng Anh B1", "bac_3"),
    ("foreign_language", "Bậc 3/6", "bac_3"),
    ("foreign_language", "Bậc 4 (B2)", "bac_4"),
    ("foreign_language", "B1 khung năng lực ngoại ngữ 6 bậc dùng cho Việt Nam", "bac_3"),
    ("foreign_language", "Pháp A2", "bac_2"),
    ("foreign_language", "Anh văn trình độ C", "known_unmapped"),
    ("foreign_language", "Cử nhân Anh văn", "known_unmapped"),
    ("foreign_language", "IELTS 6.5", "unmapped"),
    ("foreign_language", "English B1", "bac_3"),
    ("foreign_language", "Anh văn bằng B", "known_unmapped"),
    ("foreign_language", "Tiếng Hàn", "unmapped"),
]


@pytest.mark.parametrize(("kind", "raw", "expect"), MORE, ids=[f"{k}:{r}" for k, r, _ in MORE])
def test_grammar(kind: str, raw: str, expect: str) -> None:
    assert expectation(kind, raw) == expect


@pytest.mark.parametrize(("kind", "raw", "expect"), MORE[:20], ids=[f"nfd-{k}:{r}" for k, r, _ in MORE[:20]])
def test_decomposed_diacritics_and_case_do_not_matter(kind: str, raw: str, expect: str) -> None:
    nfd = unicodedata.normalize("NFD", raw)
    assert expectation(kind, nfd) == expect
    assert expectation(kind, raw.upper()).lower() == expect.lower()


def test_credentials_keep_what_the_cell_says() -> None:
    reading = read_qualification("foreign_language", "Tiếng Anh B1, tiếng Pháp B")
    assert reading.status == "mapped"
    assert [(c.level, c.language, c.legacy) for c in reading.credentials] == [
        ("bac_3", "Anh", None),
        (None, "Pháp", "B"),
    ]
    political = read_qualification("political_theory", "Cử nhân")
    assert [(c.level, c.bachelor) for c in political.credentials] == [("cao_cap", True)]
    admin = read_qualification("political_theory", "Bằng Cao cấp lý luận chính trị - Hành chính")
    assert admin.credentials[0].administrative
    assert read_qualification("professional", "CCNA").credentials[0].recognised is False


def test_canonical_text_reads_back() -> None:
    for kind, raw, _ in MORE:
        reading = read_qualification(kind, raw)
        if reading.status != "mapped":
            continue
        again = read_qualification(kind, "; ".join(c.text() for c in reading.credentials if c.level))
        assert [(c.level, c.field, c.language, c.bachelor) for c in again.credentials] == [
            (c.level, c.field, c.language, c.bachelor) for c in reading.credentials if c.level
        ], raw


def test_value_mapping_is_consulted_first_and_ignores_spelling() -> None:
    mapping = ValueMapping({"professional": {"Cao học": "thac_si", "Bác sĩ CK1": "dai_hoc:y"}, "*": {"N/A": "none"}})
    assert expectation("professional", "Cao học") == "unmapped"
    reading = read_qualification("professional", "cao hoc", mapping=mapping)
    assert (reading.status, reading.highest, reading.mapped_by) == ("mapped", "thac_si", "mapping")
    assert read_qualification("professional", "BÁC SĨ CK1", mapping=mapping).fields == ("y",)
    assert read_qualification("it", "n/a", mapping=mapping).status == "none"
    assert read_qualification("professional", "Đại học", mapping=mapping).mapped_by == "reader"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"professional": {"x": "cao_cap_nhat"}}, "unknown professional level"),
        ({"nghe": {"x": "dai_hoc"}}, "unknown qualification kind"),
        ({"it": {"x": ""}}, "empty value"),
    ],
)
def test_value_mapping_errors(table: dict[str, dict[str, str]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ValueMapping(table)


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown qualification kind"):
        read_qualification("ethnic_language", "Hrê")
    assert set(KINDS) == {
        "general_education",
        "professional",
        "political_theory",
        "state_management",
        "it",
        "foreign_language",
    }


def test_model_reads_free_text_levels() -> None:
    official = Official.model_validate(
        {
            "id": "x",
            "qualifications": [
                {"kind": "professional", "level": "Cử nhân Luật"},
                {"kind": "professional", "level": "KS", "field": "xây dựng"},
                {"kind": "political_theory", "level": "Cử nhân"},
                {"kind": "state_management", "level": "CVC và TĐ"},
                {"kind": "foreign_language", "level": "Anh B"},
                {"kind": "it", "level": None, "raw": "CCNA"},
            ],
        }
    )
    q = official.qualifications or ()
    assert [(getattr(x, "level", None), x.raw) for x in q] == [
        ("dai_hoc", "Cử nhân Luật"),
        ("dai_hoc", "KS"),
        ("cao_cap", "Cử nhân"),
        ("chuyen_vien_chinh", "CVC và TĐ"),
        (None, "Anh B"),
        (None, "CCNA"),
    ]
    assert [getattr(x, "field", None) for x in q[:2]] == ["luật", "xây dựng"]
    assert getattr(q[2], "bachelor", None) is True
    assert (getattr(q[4], "legacy", None), getattr(q[4], "language", None)) == ("B", "Anh")
    assert official.highest("foreign_language") is None
    assert official.unknown_level("foreign_language")
    assert not official.unknown_level("professional")
    assert official.highest("political_theory") == "cao_cap"


@pytest.mark.parametrize(
    ("item", "code"),
    [
        ({"kind": "it", "level": None}, "level_or_raw"),
        ({"kind": "professional", "level": "Cử nhân Luật, Thạc sĩ Lịch sử"}, "unknown_level"),
        ({"kind": "professional", "level": "(chưa có)"}, "unknown_level"),
        ({"kind": "political_theory", "level": "trung_cap", "bachelor": True}, "bachelor_level"),
    ],
)
def test_model_refuses_what_one_qualification_cannot_say(item: dict[str, object], code: str) -> None:
    """The model takes one credential; the file readers split, drop and report (tests/test_reading.py)."""
    with pytest.raises(ValidationError) as info:
        Official.model_validate({"id": "x", "qualifications": [item]})
    assert info.value.errors()[0]["type"] == code
