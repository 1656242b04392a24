"""Named regimes: the periods of the law, each derived from the legal bases that open and close it.

A rule's ``valid`` is one of these, or a basis's own effective window; registration checks that every rule's window
is covered by its bases. No date is written here: every window comes from :mod:`cbcc_standards.law.sources`.
"""

from __future__ import annotations

from ..i18n import Text
from .model import Period, Regime
from .sources import (
    LAW_80_2025,
    LAW_80_2025_ART26,
    LAW_CBCC_2019,
    LUAT_HO_TICH_ART72_2,
    ND_29_2024,
    ND_33_2023_ART8_1,
    ND_33_2023_ART10_2,
    ND_138_2020_ART42,
    ND_170_2025,
    ND_300_2026_ART29,
    QD_04_2004_ART5,
    QD_377_2025,
    TT_04_2022,
    TT_06_2012_ART2,
    TT_2_2021,
    TT_13_2019_ART1_1,
)

__all__ = [
    "CIVIL_STATUS_LAW_BEFORE_ND_33",
    "COMMUNE_CATEGORIES",
    "DISCIPLINE_BEFORE_QD_377",
    "EVALUATION_LAW_52",
    "EVALUATION_LAW_80",
    "LEADERSHIP_ND_29",
    "ND_33_COMMUNE_CADRES",
    "ND_33_COMMUNE_CIVIL_SERVANTS",
    "ND_138_APPOINTMENTS",
    "ND_170_APPOINTMENTS",
    "ND_300_APPOINTMENTS",
    "QD_04_PARTY_SECRETARY",
    "QD_377_WAITING",
    "RANKS_TT_2",
    "REGIMES",
    "TT_06_2012",
    "TT_13_2019",
    "TT_13_2019_BEFORE_TT_04",
    "TT_13_2019_WITH_TT_04",
    "TWO_TIER",
]


def _regime(code: str, vi: str, en: str, period: Period, *bases: object) -> Regime:
    return Regime.model_validate({"code": code, "name": Text(vi=vi, en=en), "period": period, "bases": bases})


TWO_TIER = _regime(
    "two_tier",
    "Chính quyền địa phương hai cấp (từ 01/07/2025)",
    "Two-tier local government (from 01/07/2025)",
    LAW_80_2025.effective,
    LAW_80_2025,
)
COMMUNE_CATEGORIES = _regime(
    "commune_categories",
    "Cán bộ, công chức cấp xã là ngạch riêng (đến 30/06/2025)",
    "Commune cadres and civil servants as separate categories (to 30/06/2025)",
    Period().until_before(LAW_80_2025.effective),
    LAW_80_2025,
)
TT_06_2012 = _regime(
    "tt_06_2012",
    "Thông tư 06/2012/TT-BNV",
    "Circular 06/2012/TT-BNV",
    TT_06_2012_ART2.effective,
    TT_06_2012_ART2,
)
TT_13_2019 = _regime(
    "tt_13_2019", "Thông tư 13/2019/TT-BNV", "Circular 13/2019/TT-BNV", TT_13_2019_ART1_1.effective, TT_13_2019_ART1_1
)
TT_13_2019_BEFORE_TT_04 = _regime(
    "tt_13_2019_before_tt_04",
    "Thông tư 13/2019/TT-BNV, trước Thông tư 04/2022/TT-BNV",
    "Circular 13/2019/TT-BNV, before Circular 04/2022/TT-BNV",
    TT_13_2019_ART1_1.effective.until_before(TT_04_2022.effective),
    TT_13_2019_ART1_1,
    TT_04_2022,
)
TT_13_2019_WITH_TT_04 = _regime(
    "tt_13_2019_with_tt_04",
    "Thông tư 13/2019/TT-BNV sửa đổi bởi Thông tư 04/2022/TT-BNV",
    "Circular 13/2019/TT-BNV as amended by Circular 04/2022/TT-BNV",
    TT_04_2022.effective,
    TT_04_2022,
)
CIVIL_STATUS_LAW_BEFORE_ND_33 = _regime(
    "civil_status_law_before_nd_33",
    "Luật Hộ tịch 2014, trước Nghị định 33/2023/NĐ-CP",
    "Civil Status Law 2014, before Decree 33/2023/ND-CP",
    LUAT_HO_TICH_ART72_2.effective.until_before(ND_33_2023_ART10_2.effective),
    LUAT_HO_TICH_ART72_2,
)
ND_33_COMMUNE_CIVIL_SERVANTS = _regime(
    "nd_33_commune_civil_servants",
    "Nghị định 33/2023/NĐ-CP, công chức cấp xã",
    "Decree 33/2023/ND-CP, commune civil servants",
    ND_33_2023_ART10_2.effective,
    ND_33_2023_ART10_2,
)
ND_33_COMMUNE_CADRES = _regime(
    "nd_33_commune_cadres",
    "Nghị định 33/2023/NĐ-CP, cán bộ cấp xã (đến hết ngạch cán bộ cấp xã)",
    "Decree 33/2023/ND-CP, commune cadres (to the end of the commune categories)",
    ND_33_2023_ART8_1.effective.until_before(LAW_80_2025.effective),
    ND_33_2023_ART8_1,
    LAW_80_2025,
)
QD_04_PARTY_SECRETARY = _regime(
    "qd_04_party_secretary",
    "Quyết định 04/2004/QĐ-BNV",
    "Decision 04/2004/QD-BNV",
    QD_04_2004_ART5.effective,
    QD_04_2004_ART5,
)
RANKS_TT_2 = _regime("ranks_tt_2", "Thông tư 2/2021/TT-BNV", "Circular 2/2021/TT-BNV", TT_2_2021.effective, TT_2_2021)
LEADERSHIP_ND_29 = _regime(
    "leadership_nd_29", "Nghị định 29/2024/NĐ-CP", "Decree 29/2024/ND-CP", ND_29_2024.effective, ND_29_2024
)
ND_138_APPOINTMENTS = _regime(
    "nd_138_appointments",
    "Nghị định 138/2020/NĐ-CP (bổ nhiệm)",
    "Decree 138/2020/ND-CP (appointments)",
    ND_138_2020_ART42.effective,
    ND_138_2020_ART42,
)
ND_170_APPOINTMENTS = _regime(
    "nd_170_appointments",
    "Nghị định 170/2025/NĐ-CP (bổ nhiệm, trước Nghị định 300/2026/NĐ-CP)",
    "Decree 170/2025/ND-CP (appointments, before Decree 300/2026/ND-CP)",
    ND_170_2025.effective.until_before(ND_300_2026_ART29.effective),
    ND_170_2025,
    ND_300_2026_ART29,
)
ND_300_APPOINTMENTS = _regime(
    "nd_300_appointments",
    "Nghị định 170/2025/NĐ-CP sửa đổi bởi Nghị định 300/2026/NĐ-CP (bổ nhiệm)",
    "Decree 170/2025/ND-CP as amended by Decree 300/2026/ND-CP (appointments)",
    ND_300_2026_ART29.effective,
    ND_300_2026_ART29,
)
DISCIPLINE_BEFORE_QD_377 = _regime(
    "discipline_before_qd_377",
    "Từ 01/07/2025 đến trước Quy định 377-QĐ/TW (thời hạn sau kỷ luật chưa xác nhận)",
    "From 01/07/2025 to Regulation 377-QD/TW (waiting periods after discipline unconfirmed)",
    ND_170_2025.effective.until_before(QD_377_2025.effective),
    ND_170_2025,
    QD_377_2025,
)
QD_377_WAITING = _regime(
    "qd_377_waiting",
    "Quy định 377-QĐ/TW (thời hạn sau kỷ luật)",
    "Regulation 377-QD/TW (waiting periods after discipline)",
    QD_377_2025.effective,
    QD_377_2025,
)
EVALUATION_LAW_52 = _regime(
    "evaluation_law_52",
    "Luật 52/2019/QH14 (hệ quả đánh giá)",
    "Law 52/2019/QH14 (evaluation consequences)",
    LAW_CBCC_2019.effective,
    LAW_CBCC_2019,
)
EVALUATION_LAW_80 = _regime(
    "evaluation_law_80",
    "Luật 80/2025/QH15 (hệ quả đánh giá)",
    "Law 80/2025/QH15 (evaluation consequences)",
    LAW_80_2025_ART26.effective,
    LAW_80_2025_ART26,
)

REGIMES: tuple[Regime, ...] = (
    TT_06_2012,
    TT_13_2019,
    TT_13_2019_BEFORE_TT_04,
    TT_13_2019_WITH_TT_04,
    CIVIL_STATUS_LAW_BEFORE_ND_33,
    ND_33_COMMUNE_CIVIL_SERVANTS,
    ND_33_COMMUNE_CADRES,
    QD_04_PARTY_SECRETARY,
    COMMUNE_CATEGORIES,
    TWO_TIER,
    RANKS_TT_2,
    LEADERSHIP_ND_29,
    ND_138_APPOINTMENTS,
    ND_170_APPOINTMENTS,
    ND_300_APPOINTMENTS,
    DISCIPLINE_BEFORE_QD_377,
    QD_377_WAITING,
    EVALUATION_LAW_52,
    EVALUATION_LAW_80,
)
"""Every named regime, oldest first."""
