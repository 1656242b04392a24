"""The legal bases the library cites, each with its dates and confidence (legal-sources.md).

This is the one module that holds legal dates: every other date of the law (a regime's window, a grace deadline, a
cut-off) is derived from these bases (``law.regimes``, ``rules.shared``) — a test keeps date literals out of the
rule modules.
"""

from __future__ import annotations

from datetime import date, timedelta

from .model import Confidence, LegalBasis, Period

__all__ = [
    "BLLD_2012_ART187",
    "BLLD_2019_ART169",
    "BNV_1848_2024",
    "BNV_1848_2024_CUTOFF",
    "CV_03_BCD_2025",
    "CV_03_BCD_2025_DISTRICT_STANDARDS",
    "CV_11_BCD_2025",
    "CV_11_BCD_2025_CADRES",
    "CV_11_BCD_2025_GRACE",
    "CV_11_BCD_2025_UNIVERSITY",
    "CV_3825_QN_PLANNING",
    "EARLIEST",
    "HD_06_BTCTW_2021",
    "LAW_80_2025",
    "LAW_80_2025_ART19",
    "LAW_80_2025_ART26",
    "LAW_80_2025_COMMUNE_ORGANISATIONS",
    "LAW_CBCC_2019",
    "LAW_MILITIA_COMMANDER",
    "LUAT_HO_TICH_ART72_2",
    "LUAT_HO_TICH_ART72_2_AFTER_2025",
    "ND_29_2024",
    "ND_29_2024_DATE",
    "ND_29_2024_DISTRICT_HEADS",
    "ND_33_2023_ART5",
    "ND_33_2023_ART8_1",
    "ND_33_2023_ART8_1_LLCT",
    "ND_33_2023_ART8_2",
    "ND_33_2023_ART8_3",
    "ND_33_2023_ART8_4",
    "ND_33_2023_ART10_1",
    "ND_33_2023_ART10_2",
    "ND_33_2023_ART10_3",
    "ND_33_2023_ART38_1",
    "ND_48_2023",
    "ND_92_2009_ART3",
    "ND_135_2020",
    "ND_138_2020_ART42",
    "ND_138_2020_ART56",
    "ND_150_2025",
    "ND_170_2025",
    "ND_170_2025_APPOINTMENT",
    "ND_170_2025_PLACEMENT_DEADLINE",
    "ND_170_2025_PLANNING",
    "ND_172_2025",
    "ND_300_2026_ART29",
    "ND_361_2025",
    "QD_04_2004_ART5",
    "QD_50_2021",
    "QD_365_2025",
    "QD_377_2025",
    "QD_377_2025_WAITING_MONTHS",
    "TT_04_2022",
    "TT_06_2012_ART2",
    "TT_06_2022",
    "TT_2_2021",
    "TT_2_2021_CS_NV",
    "TT_2_2021_SECONDARY",
    "TT_13_2019_ART1_1",
    "TT_13_2019_GRACE",
]

H, M, L = Confidence.SETTLED, Confidence.SECONDARY, Confidence.PROVISIONAL

EARLIEST = date(1900, 1, 1)
"""The start of windows that are open towards the past in the law (a rule's window must have a start)."""


_DAY = timedelta(days=1)

# Dates shared by several bases, each stated once (the others derive from them).
_ND_33_START = date(2023, 8, 1)
_LAST_DAY_BEFORE_ND_33 = _ND_33_START - _DAY
_TWO_TIER_START = date(2025, 7, 1)
_LAST_DAY_OF_COMMUNE_CATEGORIES = _TWO_TIER_START - _DAY
_ND_300_START = date(2026, 8, 1)
_LAST_DAY_BEFORE_ND_300 = _ND_300_START - _DAY
_ND_138_2020_IN_FORCE = Period(start=date(2020, 12, 1), end=_LAST_DAY_OF_COMMUNE_CATEGORIES)
_TT_2_2021_START = date(2021, 8, 1)
_ND_29_2024_APPLIES = date(2024, 5, 1)
_QD_377_START = date(2025, 10, 8)


def _nd33(
    article: str, clause: str, confidence: Confidence = H, note: str | None = None, *, civil_servants: bool = False
) -> LegalBasis:
    """An article of ND 33/2023. ``civil_servants``: a provision on commune civil servants, abolished by
    ND 170/2025 from 01/07/2025 (legal-sources.md §9.0 [H]; which articles exactly is [L], Art 10 being the
    standards of commune civil servants)."""
    if civil_servants:
        abolished = "Abolished for commune civil servants by ND 170/2025 from 01/07/2025."
        note = f"{note} {abolished}" if note else abolished
    return LegalBasis(
        document="Nghị định 33/2023/NĐ-CP",
        issuer="Chính phủ",
        article=article,
        clause=clause or None,
        signed=date(2023, 6, 10),
        effective=Period(start=_ND_33_START, end=_LAST_DAY_OF_COMMUNE_CATEGORIES if civil_servants else None),
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
        effective=Period(start=date(2019, 12, 25), end=_LAST_DAY_BEFORE_ND_33),
        confidence=confidence,
        **details,
    )


ND_92_2009_ART3 = LegalBasis(
    document="Nghị định 92/2009/NĐ-CP",
    issuer="Chính phủ",
    article="3",
    effective=Period(end=_LAST_DAY_BEFORE_ND_33),
    confidence=H,
    note="Titles of commune cadres and civil servants until ND 33/2023.",
)
ND_33_2023_ART5 = _nd33("5", "", note="Six commune civil-servant titles: Trưởng Công an xã is no longer one.")
LAW_80_2025 = LegalBasis(
    document="Luật Cán bộ, công chức 80/2025/QH15",
    issuer="Quốc hội",
    effective=Period(start=_TWO_TIER_START),
    confidence=H,
    note="Two-tier local government: no separate commune cadre / commune civil-servant categories; districts "
    "abolished.",
)
ND_170_2025 = LegalBasis(
    document="Nghị định 170/2025/NĐ-CP",
    issuer="Chính phủ",
    effective=Period(start=_TWO_TIER_START),
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
    effective=Period(start=date(2022, 7, 1), end=_LAST_DAY_BEFORE_ND_33),
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

LUAT_HO_TICH_ART72_2_AFTER_2025 = LUAT_HO_TICH_ART72_2.model_copy(
    update={
        "confidence": L,
        "note": "Whether Art 72(2)'s trung cấp luật still suffices for the civil servant doing civil-status work "
        "after 01/07/2025, against CV 11/CV-BCĐ's đại học, is unsettled (legal-sources.md §9.1, §9.6 [L]); the post "
        "is now a justice position in the Văn phòng HĐND và UBND.",
    }
)

ND_33_2023_ART10_1 = _nd33(
    "10",
    "1",
    L,
    note="Commune military commander: per the specialised military law; no education standard confirmed.",
    civil_servants=True,
)
ND_33_2023_ART10_2 = _nd33("10", "2", H, civil_servants=True)
ND_33_2023_ART10_3 = _nd33("10", "3", H, civil_servants=True)
ND_33_2023_ART8_1 = _nd33(
    "8", "1", H, note="The political-theory level for Party secretaries (per Party rules) is [L] and not encoded."
)
ND_33_2023_ART8_1_LLCT = _nd33(
    "8", "1", L, note="Party secretaries' political-theory level: per Party rules; the level is not confirmed."
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
    effective=Period(start=date(2004, 1, 16), end=_LAST_DAY_BEFORE_ND_33),
    confidence=M,
    note="Standards of the commune Party secretary from a secondary summary; the start date is the decision's date "
    "of issue (16/01/2004), not confirmed as its effective date.",
)

# -- District and provincial levels, ranks, appointments (legal-sources.md §3) -----------------------------------

TT_2_2021 = LegalBasis(
    document="Thông tư 2/2021/TT-BNV",
    issuer="Bộ Nội vụ",
    effective=Period(start=_TT_2_2021_START),
    confidence=H,
    note="Standards of administrative civil-servant ranks; amended by TT 06/2022/TT-BNV from 15/08/2022.",
)
TT_2_2021_SECONDARY = LegalBasis(
    document="Thông tư 2/2021/TT-BNV",
    issuer="Bộ Nội vụ",
    effective=Period(start=_TT_2_2021_START),
    confidence=M,
    note="The degree standard of the chuyên viên chính and chuyên viên ranks is from a secondary summary.",
)
TT_06_2022 = LegalBasis(
    document="Thông tư 06/2022/TT-BNV",
    issuer="Bộ Nội vụ",
    effective=Period(start=date(2022, 8, 15)),
    confidence=H,
    note="From 15/08/2022 IT and foreign-language skills are 'as the job requires' instead of certificates.",
)
BNV_1848_2024_CUTOFF = date(2022, 8, 1)
"""Công văn 1848/BNV-CCVC: holders appointed to the CVCC rank before this day meet the QLNN standard."""
BNV_1848_2024 = LegalBasis(
    document="Công văn 1848/BNV-CCVC",
    issuer="Bộ Nội vụ",
    signed=date(2024, 4, 5),
    confidence=H,
    note="Holders appointed to the chuyên viên cao cấp rank before 01/08/2022 are treated as meeting the QLNN "
    "standard.",
)
ND_29_2024 = LegalBasis(
    document="Nghị định 29/2024/NĐ-CP",
    issuer="Chính phủ",
    signed=date(2024, 3, 6),
    effective=Period(start=_ND_29_2024_APPLIES),
    confidence=H,
    note="Standards of heads and deputy heads of provincial departments [H]; the application date 01/05/2024 is "
    "from a secondary source [M].",
)
ND_29_2024_DATE = LegalBasis(
    document="Nghị định 29/2024/NĐ-CP",
    issuer="Chính phủ",
    signed=date(2024, 3, 6),
    effective=Period(start=_ND_29_2024_APPLIES),
    confidence=M,
    note="Applies from 01/05/2024 (secondary source).",
)
ND_29_2024_DISTRICT_HEADS = LegalBasis(
    document="Nghị định 29/2024/NĐ-CP",
    issuer="Chính phủ",
    effective=Period(start=_ND_29_2024_APPLIES),
    confidence=L,
    note="Standards of heads and deputy heads of district departments not confirmed (believed trung cấp LLCT+).",
)
TT_2_2021_CS_NV = LegalBasis(
    document="Thông tư 2/2021/TT-BNV",
    issuer="Bộ Nội vụ",
    effective=Period(start=_TT_2_2021_START),
    confidence=L,
    note="The standards of the cán sự and nhân viên ranks were not confirmed.",
)
CV_03_BCD_2025 = LegalBasis(
    document="Công văn 03/CV-BCĐ",
    issuer="Ban Chỉ đạo",
    signed=date(2025, 4, 15),
    confidence=H,
    note="Commune leadership posts from 01/07/2025 take the standards of the corresponding former district posts.",
)
CV_03_BCD_2025_DISTRICT_STANDARDS = LegalBasis(
    document="Công văn 03/CV-BCĐ",
    issuer="Ban Chỉ đạo",
    signed=date(2025, 4, 15),
    confidence=L,
    note="Refers to the standards of the former district posts, which are not confirmed in the sources.",
)
CV_11_BCD_2025 = LegalBasis(
    document="Công văn 11/CV-BCĐ",
    issuer="Ban Chỉ đạo",
    signed=date(2025, 6, 4),
    effective=Period(start=_TWO_TIER_START),
    confidence=M,
    url="https://news.laodong.vn (…-1520174.ldo)",
    note="Commune leadership civil servants need trung cấp LLCT or higher (news.laodong.vn …-1518625, headline only).",
)
CV_11_BCD_2025_UNIVERSITY = LegalBasis(
    document="Công văn 11/CV-BCĐ",
    issuer="Ban Chỉ đạo",
    signed=date(2025, 6, 4),
    effective=Period(start=_TWO_TIER_START),
    confidence=M,
    url="https://news.laodong.vn (…-1520174.ldo, …-1521252.ldo)",
    note="Commune civil servants need đại học or higher in a field suited to the job position; the commune People's "
    "Committee decides the field of each position (BNV CV 7415/BNV-CCVC), so the field is not checked. The letter "
    "exists [H]; its wording is known from news summaries and an English translation [M].",
)
CV_11_BCD_2025_GRACE = LegalBasis(
    document="Công văn 11/CV-BCĐ",
    issuer="Ban Chỉ đạo",
    signed=date(2025, 6, 4),
    effective=Period(start=_TWO_TIER_START),
    confidence=M,
    url="https://news.laodong.vn (…-1520174.ldo)",
    note="Commune civil servants in office before 01/07/2025 who are of an ethnic minority or work in an area with "
    "especially difficult socio-economic conditions (ĐBKK) and lack đại học must reach it within 5 years of the new "
    "commune unit's establishment (01/07/2025 → 01/07/2030, date derived). Whether the clock also starts on "
    "01/07/2025 for communes that were not rearranged is [L]. Known from an English translation [M].",
)
CV_11_BCD_2025_CADRES = LegalBasis(
    document="Công văn 11/CV-BCĐ",
    issuer="Ban Chỉ đạo",
    signed=date(2025, 6, 4),
    effective=Period(start=_TWO_TIER_START),
    confidence=L,
    url="https://dantocphattrien.vietnamnet.vn (06/06/2025)",
    note="Commune cadres (Bí thư, Phó Bí thư Đảng ủy; Chủ tịch, Phó Chủ tịch HĐND and UBND) follow the Politburo's, "
    "Secretariat's and Central Organisation Commission's guidance [H]; no national numeric standard was found [L]: "
    "a provincial plugin may supply one.",
)
QD_365_2025 = LegalBasis(
    document="Quy định 365-QĐ/TW",
    issuer="Bộ Chính trị",
    signed=date(2025, 8, 30),
    effective=Period(start=date(2025, 8, 30)),
    confidence=L,
    note="Framework of cadre standards (replaces QĐ 89/2017 and QĐ 214/2020) [H that it exists]; its numbers for "
    "commune titles were not seen [L].",
)
LAW_80_2025_COMMUNE_ORGANISATIONS = LegalBasis(
    document="Luật Cán bộ, công chức 80/2025/QH15",
    issuer="Quốc hội",
    effective=Period(start=_TWO_TIER_START),
    confidence=L,
    note="Whether the heads of the commune Fatherland Front and mass organisations remain commune cadres after "
    "01/07/2025, and their standards, are not settled by the sources consulted.",
)
LAW_MILITIA_COMMANDER = LegalBasis(
    document="Luật Dân quân tự vệ 48/2019/QH14",
    issuer="Quốc hội",
    confidence=L,
    note="The commune military commander (Chỉ huy trưởng Ban Chỉ huy Quân sự xã) is a leadership position of the new "
    "commune under the Law on Militia (BNV CV 7415/BNV-CCVC [M]); its education standard was not found [L].",
)
LAW_80_2025_ART19 = LegalBasis(
    document="Luật Cán bộ, công chức 80/2025/QH15",
    issuer="Quốc hội",
    article="19",
    clause="1",
    effective=Period(start=_TWO_TIER_START),
    confidence=H,
    url="https://news.laodong.vn (…-1534768.ldo)",
    note="Registration for recruitment: at least 18 years old, and meets the conditions of the job position.",
)
ND_150_2025 = LegalBasis(
    document="Nghị định 150/2025/NĐ-CP",
    issuer="Chính phủ",
    signed=date(2025, 6, 12),
    effective=Period(start=_TWO_TIER_START),
    confidence=H,
    url="https://news.laodong.vn (…-1592917.ldo)",
    note="The commune People's Committee's bodies: Văn phòng HĐND và UBND, Phòng Kinh tế (Kinh tế, Hạ tầng và Đô "
    "thị in wards), Phòng Văn hóa – Xã hội, Trung tâm Phục vụ hành chính công. The bodies' start date is taken as "
    "the two-tier government's, 01/07/2025.",
)
ND_170_2025_PLACEMENT_DEADLINE = date(2027, 7, 1)
"""ND 170/2025 Art 70(2) [H]: by this day civil servants recruited before 01/07/2025 are placed into job positions."""
ND_361_2025 = LegalBasis(
    document="Nghị định 361/2025/NĐ-CP",
    issuer="Chính phủ",
    effective=Period(start=date(2025, 12, 31)),
    confidence=H,
    url="https://news.laodong.vn (…-1638142.ldo)",
    note="Civil servants recruited before 01/07/2025 are placed into job positions and ranks by 01/07/2027 "
    "(ND 170/2025 Art 70(2)); job positions approved by 01/07/2026.",
)
ND_172_2025 = LegalBasis(
    document="Nghị định 172/2025/NĐ-CP",
    issuer="Chính phủ",
    signed=date(2025, 6, 30),
    effective=Period(start=_TWO_TIER_START),
    confidence=H,
    url="https://news.laodong.vn (…-1533915.ldo)",
    note="Disciplinary measures from 01/07/2025: civil servants — khiển trách, cảnh cáo, cách chức (leaders), buộc "
    "thôi việc; cadres — khiển trách, cảnh cáo, cách chức, bãi nhiệm; hạ bậc lương and giáng chức abolished.",
)
ND_300_2026_ART29 = LegalBasis(
    document="Nghị định 300/2026/NĐ-CP",
    issuer="Chính phủ",
    article="12",
    point=None,
    signed=date(2026, 7, 29),
    effective=Period(start=_ND_300_START),
    confidence=M,
    url="https://github.com/diepxuan/diepxuan.github.io (van-ban/can-bo/300-2026-nd-cp.md, from luatvietnam.vn)",
    note="Replaces ND 170/2025 Art 29 (appointment conditions): cl.2 in the planning for the post; cl.3 12 months in "
    "the immediately lower or an equivalent post for a higher post; cl.5 rated hoàn thành tốt nhiệm vụ or better in "
    "the 3 most recent years; cl.7(a) at a first or higher appointment, age to serve the whole term, a special case "
    "decided by the appointing authority; cl.7(b) not for equal or lower posts; cl.9 not while a discipline is in "
    "force. Text read verbatim in an unofficial copy; number and dates corroborated by VBHN 10/2026/VBHN-NĐ-BNV.",
)
ND_170_2025_PLANNING = LegalBasis(
    document="Nghị định 170/2025/NĐ-CP",
    issuer="Chính phủ",
    article="29",
    effective=Period(start=_TWO_TIER_START, end=_LAST_DAY_BEFORE_ND_300),
    confidence=L,
    note="The original Art 29 of ND 170/2025 (01/07/2025 – 31/07/2026), its planning and discipline clauses, was not "
    "seen.",
)
ND_138_2020_ART42 = LegalBasis(
    document="Nghị định 138/2020/NĐ-CP",
    issuer="Chính phủ",
    article="42",
    signed=date(2020, 11, 27),
    effective=_ND_138_2020_IN_FORCE,
    confidence=H,
    note="Appointment conditions: title standards, in the planning, ≥ 5 years of working time left counted from the "
    "start of the process (first appointment or higher post), not under discipline.",
)
ND_138_2020_ART56 = LegalBasis(
    document="Nghị định 138/2020/NĐ-CP",
    issuer="Chính phủ",
    article="56",
    signed=date(2020, 11, 27),
    effective=_ND_138_2020_IN_FORCE,
    confidence=H,
    note="Rotation (luân chuyển): at least 10 years (two terms) of working time left.",
)
HD_06_BTCTW_2021 = LegalBasis(
    document="Hướng dẫn 06-HD/BTCTW",
    issuer="Ban Tổ chức Trung ương",
    signed=date(2021, 7, 26),
    effective=Period(start=date(2021, 7, 26)),
    confidence=H,
    note="The age test counts from the day the personnel body receives the dossier, on the real retirement age.",
)
ND_170_2025_APPOINTMENT = LegalBasis(
    document="Nghị định 170/2025/NĐ-CP",
    issuer="Chính phủ",
    article="29",
    effective=Period(start=_TWO_TIER_START, end=_LAST_DAY_BEFORE_ND_300),
    confidence=L,
    note="The appointment-age wording of ND 170/2025 was not seen; it is expected to keep one full term.",
)
QD_377_2025 = LegalBasis(
    document="Quy định 377-QĐ/TW",
    issuer="Bộ Chính trị",
    signed=date(2025, 10, 8),
    effective=Period(start=_QD_377_START),
    confidence=M,
    url="https://hatinh24h.com.vn/quy-dinh-ve-gioi-thieu-nhan-su-de-trung-uong-xem-xet-bau-tong-bi-thu-bo-chinh-tri-"
    "ban-bi-thu-a192003.html",
    note="Disciplined cadres may be considered again after 24 months (khiển trách), 36 (cảnh cáo), 60 (cách chức) "
    "[H]; signed and effective 08/10/2025 per a press report (the date is not in the project's legal sources).",
)

QD_377_2025_WAITING_MONTHS = (("khien_trach", 24), ("canh_cao", 36), ("cach_chuc", 60))
"""QĐ 377-QĐ/TW: months after a discipline before a cadre may be considered for appointment again."""
QD_50_2021 = LegalBasis(
    document="Quy định 50-QĐ/TW",
    issuer="Bộ Chính trị",
    signed=date(2021, 12, 27),
    effective=Period(start=date(2021, 12, 27), end=_QD_377_START - _DAY),
    confidence=M,
    note="Planned cadres must have age for at least one full term; removed from planning when over age or "
    "disciplined with reprimand or more. Replaced by QĐ 377-QĐ/TW.",
)
CV_3825_QN_PLANNING = LegalBasis(
    document="Công văn 3825/UBND-NC (Quảng Ngãi)",
    issuer="UBND tỉnh Quảng Ngãi",
    signed=date(2021, 8, 11),
    confidence=M,
    note="As reported by Báo Quảng Ngãi (11/08/2021): planning tied to title standards and a way to spot officials "
    "of outstanding ability. The minimum recent rating and the outstanding streak are the library's planning "
    "criteria (parameters), not a cited legal threshold.",
)

# -- Retirement, evaluation (legal-sources.md §4–§5) --------------------------------------------------------------

BLLD_2012_ART187 = LegalBasis(
    document="Bộ luật Lao động 10/2012/QH13",
    issuer="Quốc hội",
    article="187",
    effective=Period(start=date(2013, 5, 1), end=date(2020, 12, 31)),
    confidence=M,
    note="Retirement at 60 (men) and 55 (women) before 01/01/2021 (legal-sources.md §4 [H]); the code's number, "
    "article and entry into force are cited from general knowledge, hence secondary.",
)
BLLD_2019_ART169 = LegalBasis(
    document="Bộ luật Lao động 45/2019/QH14",
    issuer="Quốc hội",
    article="169",
    effective=Period(start=date(2021, 1, 1)),
    confidence=H,
)
ND_135_2020 = LegalBasis(
    document="Nghị định 135/2020/NĐ-CP",
    issuer="Chính phủ",
    article="3, 4",
    signed=date(2020, 11, 18),
    effective=Period(start=date(2021, 1, 1)),
    confidence=H,
    note="Retirement at the end of the month the age is reached; year-only births count from 01/01.",
)
LAW_CBCC_2019 = LegalBasis(
    document="Luật sửa đổi, bổ sung Luật Cán bộ, công chức và Luật Viên chức 52/2019/QH14",
    issuer="Quốc hội",
    effective=Period(start=date(2020, 7, 1), end=date(2025, 12, 31)),
    confidence=H,
    note="Two consecutive years 'không hoàn thành nhiệm vụ': a cadre is removed from post, a civil servant "
    "dismissed. The effective date 01/07/2020 is not in the project's sources.",
)
ND_48_2023 = LegalBasis(
    document="Nghị định 48/2023/NĐ-CP",
    issuer="Chính phủ",
    effective=Period(start=date(2023, 9, 15)),
    confidence=H,
    note="Anyone disciplined in the assessment year is rated 'không hoàn thành nhiệm vụ'.",
)
LAW_80_2025_ART26 = LegalBasis(
    document="Luật Cán bộ, công chức 80/2025/QH15",
    issuer="Quốc hội",
    article="26, 27",
    effective=Period(start=date(2026, 1, 1)),
    confidence=H,
    note="With ND 335/2025/NĐ-CP: 'không hoàn thành nhiệm vụ' leads to a lower job position or dismissal.",
)
