"""The built-in titles and ranks (chức danh, chức vụ, ngạch) as data, and the groups of titles rules select.

Not a plugin: the plugin ``cbcc_standards.rules.titles`` registers these titles. References: ND 92/2009/NĐ-CP Art 3
(titles to 31/07/2023); ND 33/2023/NĐ-CP Art 5 (from 01/08/2023, without Trưởng Công an xã); Law 80/2025/QH15 and
ND 170/2025/NĐ-CP (from 01/07/2025 no separate commune categories, no districts).
"""

from __future__ import annotations

from ..law import LegalBasis, Period
from ..law.regimes import COMMUNE_CATEGORIES, TWO_TIER
from ..law.sources import (
    LAW_80_2025,
    ND_29_2024,
    ND_33_2023_ART5,
    ND_92_2009_ART3,
    ND_150_2025,
    ND_361_2025,
    TT_2_2021,
)
from ..titles import Filling, Title
from ..types import Category
from ..units import Tier

__all__ = [
    "APPOINTED_TITLES",
    "COMMUNE_CADRE_TITLES",
    "COMMUNE_CIVIL_SERVANT_TITLES",
    "COMMUNE_LEADERS_2025_TITLES",
    "COMMUNE_ORGANISATION_TITLES",
    "COMMUNE_PARTY_AND_COUNCIL_TITLES",
    "COMMUNE_STAFF_2025_TITLES",
    "LEADERSHIP_TITLES",
    "TITLES",
]

_COMMUNE = COMMUNE_CATEGORIES.period
_UNTIL_ND_33 = Period().until_before(ND_33_2023_ART5.effective)
_CONTINUES = Period()
"""The commune cadre posts continue after 01/07/2025 (Law 80/2025 [H]); for the heads of the mass organisations the
sources do not settle it, and nothing says they were abolished."""


_UNPLACED = "commune.cong_chuc"
"""A commune civil servant not yet placed in a job position (placement by 01/07/2027, ND 361/2025)."""


def _commune(
    slug: str,
    vi: str,
    en: str,
    category: Category,
    *aliases: str,
    leadership: bool = False,
    valid: Period = _COMMUNE,
    filled_by: Filling | None = None,
    successor: str | None = None,
) -> Title:
    if valid.end is None:
        ended_by = None
    elif _COMMUNE.end and valid.end < _COMMUNE.end:
        ended_by = ND_33_2023_ART5
    else:
        ended_by = LAW_80_2025
    return Title(
        code=f"commune.{slug}",
        name_vi=vi,
        name_en=en,
        tier=Tier.COMMUNE,
        category=category,
        successor=successor,
        leadership=leadership,
        filled_by=filled_by or ("recruited" if category is Category.CONG_CHUC else "elected"),
        valid=valid,
        basis=ND_92_2009_ART3,
        listed_by=tuple(
            act
            for act in (ND_33_2023_ART5, LAW_80_2025)
            if act.effective.start is not None and (valid.end is None or valid.end >= act.effective.start)
        ),
        ended_by=ended_by,
        aliases=aliases,
    )


CC, CB = Category.CONG_CHUC, Category.CAN_BO

_COMMUNE_CIVIL_SERVANTS = (
    _commune(
        "truong_cong_an",
        "Trưởng Công an xã",
        "Commune police chief",
        CC,
        "Trưởng Công an",
        valid=_UNTIL_ND_33,
    ),
    _commune(
        "chi_huy_truong_quan_su",
        "Chỉ huy trưởng Quân sự",
        "Commune military commander",
        CC,
        "Chỉ huy trưởng Ban Chỉ huy Quân sự",
        "Chỉ huy trưởng Ban CHQS",
        "Chỉ huy trưởng quân sự xã",
        valid=_CONTINUES,
    ),
    _commune(
        "van_phong_thong_ke",
        "Văn phòng – thống kê",
        "Office and statistics",
        CC,
        "Văn phòng thống kê",
        successor=_UNPLACED,
    ),
    _commune(
        "dia_chinh",
        "Địa chính – xây dựng – đô thị và môi trường",
        "Land administration, construction and environment",
        CC,
        "Địa chính – nông nghiệp – xây dựng và môi trường",
        "Địa chính – xây dựng",
        "Địa chính",
        successor=_UNPLACED,
    ),
    _commune(
        "tai_chinh_ke_toan",
        "Tài chính – kế toán",
        "Finance and accounting",
        CC,
        "Tài chính kế toán",
        successor=_UNPLACED,
    ),
    _commune(
        "tu_phap_ho_tich", "Tư pháp – hộ tịch", "Justice and civil status", CC, "Tư pháp hộ tịch", successor=_UNPLACED
    ),
    _commune("van_hoa_xa_hoi", "Văn hóa – xã hội", "Culture and society", CC, "Văn hoá xã hội", successor=_UNPLACED),
)
_COMMUNE_CADRES = (
    _commune(
        "bi_thu",
        "Bí thư Đảng ủy",
        "Party Committee secretary",
        CB,
        "Bí thư Đảng ủy xã",
        "Bí thư Đảng uỷ",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "pho_bi_thu",
        "Phó Bí thư Đảng ủy",
        "Party Committee deputy secretary",
        CB,
        "Phó Bí thư Đảng ủy xã",
        "Phó Bí thư Đảng uỷ",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "chu_tich_hdnd",
        "Chủ tịch HĐND",
        "Chair of the People's Council",
        CB,
        "Chủ tịch Hội đồng nhân dân",
        "Chủ tịch HĐND xã",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "pho_chu_tich_hdnd",
        "Phó Chủ tịch HĐND",
        "Vice-chair of the People's Council",
        CB,
        "Phó Chủ tịch Hội đồng nhân dân",
        "Phó Chủ tịch HĐND xã",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "chu_tich_ubnd",
        "Chủ tịch UBND",
        "Chair of the People's Committee",
        CB,
        "Chủ tịch Ủy ban nhân dân",
        "Chủ tịch Uỷ ban nhân dân",
        "Chủ tịch UBND xã",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "pho_chu_tich_ubnd",
        "Phó Chủ tịch UBND",
        "Vice-chair of the People's Committee",
        CB,
        "Phó Chủ tịch Ủy ban nhân dân",
        "Phó Chủ tịch Uỷ ban nhân dân",
        "Phó Chủ tịch UBND xã",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "chu_tich_mttq",
        "Chủ tịch Ủy ban MTTQ Việt Nam",
        "Chair of the Fatherland Front Committee",
        CB,
        "Chủ tịch UBMTTQ",
        "Chủ tịch MTTQ",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "bi_thu_doan",
        "Bí thư Đoàn TNCS Hồ Chí Minh",
        "Secretary of the Youth Union",
        CB,
        "Bí thư Đoàn",
        "Bí thư Đoàn Thanh niên",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "chu_tich_hoi_phu_nu",
        "Chủ tịch Hội Liên hiệp Phụ nữ",
        "Chair of the Women's Union",
        CB,
        "Chủ tịch Hội Phụ nữ",
        "Chủ tịch Hội LHPN",
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "chu_tich_hoi_nong_dan",
        "Chủ tịch Hội Nông dân",
        "Chair of the Farmers' Union",
        CB,
        leadership=True,
        valid=_CONTINUES,
    ),
    _commune(
        "chu_tich_hoi_ccb",
        "Chủ tịch Hội Cựu chiến binh",
        "Chair of the Veterans' Association",
        CB,
        "Chủ tịch Hội CCB",
        leadership=True,
        valid=_CONTINUES,
    ),
)


def _upper(
    code: str,
    vi: str,
    en: str,
    tier: Tier,
    category: Category,
    *aliases: str,
    leadership: bool = True,
    basis: LegalBasis | None = None,
) -> Title:
    ends = tier is Tier.DISTRICT
    return Title(
        code=code,
        name_vi=vi,
        name_en=en,
        tier=tier,
        category=category,
        leadership=leadership,
        filled_by="appointed" if category is Category.CONG_CHUC else "elected",
        valid=_COMMUNE if ends else Period(),
        ended_by=LAW_80_2025 if ends else None,
        basis=basis,
        aliases=aliases,
    )


_UPPER = (
    _upper(
        "district.chu_tich_ubnd",
        "Chủ tịch UBND cấp huyện",
        "District People's Committee chair",
        Tier.DISTRICT,
        CB,
        "Chủ tịch UBND huyện",
    ),
    _upper(
        "district.pho_chu_tich_ubnd",
        "Phó Chủ tịch UBND cấp huyện",
        "District People's Committee vice-chair",
        Tier.DISTRICT,
        CB,
        "Phó Chủ tịch UBND huyện",
    ),
    _upper(
        "district.truong_phong",
        "Trưởng phòng thuộc UBND cấp huyện",
        "Head of a district department",
        Tier.DISTRICT,
        CC,
        "Trưởng phòng cấp huyện",
    ),
    _upper(
        "district.pho_truong_phong",
        "Phó Trưởng phòng thuộc UBND cấp huyện",
        "Deputy head of a district department",
        Tier.DISTRICT,
        CC,
        "Phó Trưởng phòng cấp huyện",
    ),
    _upper("province.chu_tich_ubnd", "Chủ tịch UBND tỉnh", "Provincial People's Committee chair", Tier.PROVINCE, CB),
    _upper(
        "province.giam_doc_so",
        "Giám đốc Sở",
        "Director of a provincial department",
        Tier.PROVINCE,
        CC,
        basis=ND_29_2024,
    ),
    _upper(
        "province.pho_giam_doc_so",
        "Phó Giám đốc Sở",
        "Deputy director of a provincial department",
        Tier.PROVINCE,
        CC,
        basis=ND_29_2024,
    ),
)


def _commune_2025(
    slug: str, vi: str, en: str, *aliases: str, leadership: bool = False, basis: LegalBasis = ND_150_2025
) -> Title:
    return Title(
        code=f"commune.{slug}",
        name_vi=vi,
        name_en=en,
        tier=Tier.COMMUNE,
        category=CC,
        leadership=leadership,
        filled_by="appointed" if leadership else "recruited",
        valid=TWO_TIER.period,
        basis=basis,
        aliases=aliases,
    )


_COMMUNE_2025_STAFF = (
    _commune_2025(
        "cong_chuc_van_phong",
        "Công chức Văn phòng HĐND và UBND",
        "Civil servant of the Office of the People's Council and Committee",
        "Công chức Văn phòng HĐND và UBND xã",
        "Công chức Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    ),
    _commune_2025(
        "cong_chuc_kinh_te",
        "Công chức Phòng Kinh tế",
        "Civil servant of the Economic Department",
        "Công chức Phòng Kinh tế, Hạ tầng và Đô thị",
        "Công chức Phòng Kinh tế - Hạ tầng - Đô thị",
    ),
    _commune_2025(
        "cong_chuc_van_hoa_xa_hoi",
        "Công chức Phòng Văn hóa – Xã hội",
        "Civil servant of the Culture and Society Department",
        "Công chức Phòng Văn hoá - Xã hội",
    ),
    _commune_2025(
        "cong_chuc_trung_tam",
        "Công chức Trung tâm Phục vụ hành chính công",
        "Civil servant of the Public Administration Service Centre",
    ),
    _commune_2025(
        "cong_chuc",
        "Công chức cấp xã (chưa bố trí vị trí việc làm)",
        "Commune civil servant (not yet placed in a job position)",
        "Công chức cấp xã",
        "Công chức xã",
        "Công chức UBND cấp xã",
        basis=ND_361_2025,
    ),
)
"""Non-leadership civil servants of the commune People's Committee (two-tier local government, from 01/07/2025)."""

_COMMUNE_2025_LEADERS = (
    _commune_2025(
        "chanh_van_phong",
        "Chánh Văn phòng HĐND và UBND",
        "Chief of the Office of the People's Council and Committee",
        "Chánh Văn phòng HĐND và UBND xã",
        "Chánh Văn phòng",
        leadership=True,
    ),
    _commune_2025(
        "pho_chanh_van_phong",
        "Phó Chánh Văn phòng HĐND và UBND",
        "Deputy chief of the Office of the People's Council and Committee",
        "Phó Chánh Văn phòng HĐND và UBND xã",
        "Phó Chánh Văn phòng",
        leadership=True,
    ),
    _commune_2025(
        "truong_phong",
        "Trưởng phòng thuộc UBND cấp xã",
        "Head of a commune department",
        "Trưởng phòng cấp xã",
        "Trưởng phòng Kinh tế",
        "Trưởng phòng Văn hóa – Xã hội",
        leadership=True,
    ),
    _commune_2025(
        "pho_truong_phong",
        "Phó Trưởng phòng thuộc UBND cấp xã",
        "Deputy head of a commune department",
        "Phó Trưởng phòng cấp xã",
        "Phó Trưởng phòng Kinh tế",
        "Phó Trưởng phòng Văn hóa – Xã hội",
        leadership=True,
    ),
    _commune_2025(
        "giam_doc_trung_tam",
        "Giám đốc Trung tâm Phục vụ hành chính công",
        "Director of the Public Administration Service Centre",
        "Giám đốc Trung tâm PVHCC",
        leadership=True,
    ),
    _commune_2025(
        "pho_giam_doc_trung_tam",
        "Phó Giám đốc Trung tâm Phục vụ hành chính công",
        "Deputy director of the Public Administration Service Centre",
        "Phó Giám đốc Trung tâm PVHCC",
        leadership=True,
    ),
)
"""Leadership civil servants of the commune People's Committee (from 01/07/2025)."""

_COMMUNE_2025 = _COMMUNE_2025_STAFF + _COMMUNE_2025_LEADERS

_RANKS = tuple(
    Title(
        code=f"rank.{code}",
        name_vi=vi,
        name_en=en,
        tier=None,
        category=CC,
        basis=TT_2_2021,
        aliases=(f"ngạch {vi}", code),
    )
    for code, vi, en in (
        ("01.001", "Chuyên viên cao cấp", "Senior specialist"),
        ("01.002", "Chuyên viên chính", "Principal specialist"),
        ("01.003", "Chuyên viên", "Specialist"),
        ("01.004", "Cán sự", "Officer"),
        ("01.005", "Nhân viên", "Staff"),
    )
)

TITLES: tuple[Title, ...] = _COMMUNE_CIVIL_SERVANTS + _COMMUNE_CADRES + _COMMUNE_2025 + _UPPER + _RANKS
"""Every built-in title and rank."""
COMMUNE_CIVIL_SERVANT_TITLES = frozenset(t.code for t in _COMMUNE_CIVIL_SERVANTS)
"""The commune civil-servant titles of ND 92/2009 and ND 33/2023 (to 30/06/2025)."""
COMMUNE_CADRE_TITLES = frozenset(t.code for t in _COMMUNE_CADRES)
"""The commune cadre titles."""
COMMUNE_PARTY_AND_COUNCIL_TITLES = frozenset(
    {
        "commune.bi_thu",
        "commune.pho_bi_thu",
        "commune.chu_tich_hdnd",
        "commune.pho_chu_tich_hdnd",
        "commune.chu_tich_ubnd",
        "commune.pho_chu_tich_ubnd",
    }
)
"""The commune cadre posts that continue after 01/07/2025 as cadres under Law 80/2025 (legal-sources.md §9.3 [H])."""
COMMUNE_ORGANISATION_TITLES = COMMUNE_CADRE_TITLES - COMMUNE_PARTY_AND_COUNCIL_TITLES
"""Heads of the commune Fatherland Front and mass organisations."""
COMMUNE_STAFF_2025_TITLES = frozenset(t.code for t in _COMMUNE_2025_STAFF)
"""Non-leadership civil servants of the commune People's Committee from 01/07/2025 (with the unplaced one)."""
COMMUNE_LEADERS_2025_TITLES = frozenset(t.code for t in _COMMUNE_2025_LEADERS)
"""Leadership civil servants of the commune People's Committee from 01/07/2025."""
LEADERSHIP_TITLES = frozenset(t.code for t in TITLES if t.leadership)
"""Every leadership title (cadres elected or appointed to lead, and appointed heads and deputies)."""
APPOINTED_TITLES = frozenset(t.code for t in TITLES if t.leadership and t.filled_by == "appointed")
"""Leadership posts filled by appointment (bổ nhiệm), to which the conditions of appointment apply."""
