"""The legal bases the built-in rule sets cite, each with its dates and confidence (legal-sources.md)."""

from __future__ import annotations

from datetime import date

from ..law import Confidence, LegalBasis, Period

__all__ = [
    "LAW_80_2025",
    "LUAT_HO_TICH_ART72_2",
    "ND_33_2023_ART5",
    "ND_33_2023_ART8_1",
    "ND_33_2023_ART8_2",
    "ND_33_2023_ART8_3",
    "ND_33_2023_ART8_4",
    "ND_33_2023_ART10_1",
    "ND_33_2023_ART10_2",
    "ND_33_2023_ART10_3",
    "ND_33_2023_ART38_1",
    "ND_92_2009_ART3",
    "ND_170_2025",
    "QD_04_2004_ART5",
    "TT_04_2022",
    "TT_06_2012_ART2",
    "TT_13_2019_ART1_1",
    "TT_13_2019_GRACE",
]

H, M, L = Confidence.SETTLED, Confidence.SECONDARY, Confidence.PROVISIONAL


def _nd33(article: str, clause: str, confidence: Confidence = H, note: str | None = None) -> LegalBasis:
    return LegalBasis(
        document="Nghị định 33/2023/NĐ-CP",
        issuer="Chính phủ",
        article=article,
        clause=clause or None,
        signed=date(2023, 6, 10),
        effective=Period(start=date(2023, 8, 1)),
        confidence=confidence,
        note=note,
        url="https://news.laodong.vn/cong-doan/quy-dinh-nang-luong-cho-can-bo-cong-chuc-cap-huyen-tinh-ve-cap-xa-"
        "1490717.ldo",
    )


def _tt13(confidence: Confidence, **details: str) -> LegalBasis:
    return LegalBasis(
        document="Thông tư 13/2019/TT-BNV",
        issuer="Bộ Nội vụ",
        signed=date(2019, 11, 6),
        effective=Period(start=date(2019, 12, 25), end=date(2023, 7, 31)),
        confidence=confidence,
        **details,
    )


ND_92_2009_ART3 = LegalBasis(
    document="Nghị định 92/2009/NĐ-CP",
    issuer="Chính phủ",
    article="3",
    effective=Period(end=date(2023, 7, 31)),
    confidence=H,
    note="Titles of commune cadres and civil servants until ND 33/2023.",
)
ND_33_2023_ART5 = _nd33("5", "", note="Six commune civil-servant titles: Trưởng Công an xã is no longer one.")
LAW_80_2025 = LegalBasis(
    document="Luật Cán bộ, công chức 80/2025/QH15",
    issuer="Quốc hội",
    effective=Period(start=date(2025, 7, 1)),
    confidence=H,
    note="Two-tier local government: no separate commune cadre / commune civil-servant categories; districts "
    "abolished.",
)
ND_170_2025 = LegalBasis(
    document="Nghị định 170/2025/NĐ-CP",
    issuer="Chính phủ",
    effective=Period(start=date(2025, 7, 1)),
    confidence=H,
    note="Civil servants managed by job position; job-position standards are not encoded in this library.",
)

TT_06_2012_ART2 = LegalBasis(
    document="Thông tư 06/2012/TT-BNV",
    issuer="Bộ Nội vụ",
    article="2",
    signed=date(2012, 10, 30),
    effective=Period(start=date(2012, 12, 15), end=date(2019, 12, 24)),
    confidence=M,
    note="Standards [H]; the effective date 15/12/2012 is not in the project's sources (secondary).",
)
TT_13_2019_ART1_1 = _tt13(H, article="1", clause="1")
TT_13_2019_GRACE = _tt13(
    M,
    url="https://thuvienphapluat.vn (news 18/12/2019: Không bắt buộc tất cả công chức xã đều phải có bằng đại học "
    "từ ngày 25/12/2019)",
    note="Five years from 25/12/2019 for commune civil servants recruited before that date, outside difficult-area "
    "communes (secondary source).",
)
TT_04_2022 = LegalBasis(
    document="Thông tư 04/2022/TT-BNV",
    issuer="Bộ Nội vụ",
    signed=date(2022, 5, 23),
    effective=Period(start=date(2022, 7, 1), end=date(2023, 7, 31)),
    confidence=M,
    note="Adds 'unless a law provides otherwise' to the professional standard of TT 13/2019; the effective date "
    "01/07/2022 is not in the project's sources (secondary).",
)
LUAT_HO_TICH_ART72_2 = LegalBasis(
    document="Luật Hộ tịch 60/2014/QH13",
    issuer="Quốc hội",
    article="72",
    clause="2",
    effective=Period(start=date(2016, 1, 1)),
    confidence=H,
    note="Commune civil-status officer: trung cấp luật or higher [H]. The law's entry into force on 01/01/2016 is "
    "not in the project's sources.",
)

ND_33_2023_ART10_1 = _nd33(
    "10", "1", L, note="Commune military commander: per the specialised military law; no education standard confirmed."
)
ND_33_2023_ART10_2 = _nd33("10", "2", H)
ND_33_2023_ART10_3 = _nd33("10", "3", H)
ND_33_2023_ART8_1 = _nd33(
    "8", "1", H, note="The political-theory level for Party secretaries (per Party rules) is [L] and not encoded."
)
ND_33_2023_ART8_2 = _nd33(
    "8", "2", L, note="Fatherland Front and mass-organisation heads: per their charters; text not seen."
)
ND_33_2023_ART8_3 = _nd33("8", "3", H)
ND_33_2023_ART8_4 = _nd33("8", "4", H)
ND_33_2023_ART38_1 = _nd33("38", "1", H)

QD_04_2004_ART5 = LegalBasis(
    document="Quyết định 04/2004/QĐ-BNV",
    issuer="Bộ Nội vụ",
    article="5",
    effective=Period(start=date(2004, 1, 16), end=date(2023, 7, 31)),
    confidence=M,
    note="Standards of the commune Party secretary from a secondary summary; the start date is the decision's date "
    "of issue (16/01/2004), not confirmed as its effective date.",
)
