"""The built-in titles and ranks (chức danh, chức vụ, ngạch) as data, and the groups of titles rules select.

Not a plugin: the plugin ``cbcc_standards.rules.titles`` registers these titles. References: ND 92/2009/NĐ-CP Art 3
(titles to 31/07/2023); ND 33/2023/NĐ-CP Art 5 (from 01/08/2023, without Trưởng Công an xã); Law 80/2025/QH15 and
ND 170/2025/NĐ-CP (from 01/07/2025 no separate commune categories, no districts).
"""

from __future__ import annotations

from ..law import LegalBasis, Period
from ..law.regimes import COMMUNE_CATEGORIES, TWO_TIER
from ..law.sources import LAW_80_2025, ND_29_2024, ND_33_2023_ART5, ND_92_2009_ART3, TT_2_2021
from ..titles import Filling, Title
from ..types import Category
from ..units import Tier

__all__ = [
    "APPOINTED_TITLES",
    "COMMUNE_CADRE_TITLES",
    "COMMUNE_CIVIL_SERVANT_TITLES",
    "LEADERSHIP_TITLES",
    "TITLES",
]

_COMMUNE = COMMUNE_CATEGORIES.period
_UNTIL_ND_33 = Period().until_before(ND_33_2023_ART5.effective)


def _commune(
    slug: str,
    vi: str,
    en: str,
    category: Category,
    *aliases: str,
    leadership: bool = False,
    valid: Period = _COMMUNE,
    filled_by: Filling | None = None,
) -> Title:
    ended_by = ND_33_2023_ART5 if valid.end and _COMMUNE.end and valid.end < _COMMUNE.end else LAW_80_2025
    return Title(
        code=f"commune.{slug}",
        name_vi=vi,
        name_en=en,
        tier=Tier.COMMUNE,
        category=category,
        leadership=leadership,
        filled_by=filled_by or ("recruited" if category is Category.CONG_CHUC else "elected"),
        valid=valid,
        basis=ND_92_2009_ART3,
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
    ),
    _commune("van_phong_thong_ke", "Văn phòng – thống kê", "Office and statistics", CC, "Văn phòng thống kê"),
    _commune(
        "dia_chinh",
        "Địa chính – xây dựng – đô thị và môi trường",
        "Land administration, construction and environment",
        CC,
        "Địa chính – nông nghiệp – xây dựng và môi trường",
        "Địa chính – xây dựng",
        "Địa chính",
    ),
    _commune("tai_chinh_ke_toan", "Tài chính – kế toán", "Finance and accounting", CC, "Tài chính kế toán"),
    _commune("tu_phap_ho_tich", "Tư pháp – hộ tịch", "Justice and civil status", CC, "Tư pháp hộ tịch"),
    _commune("van_hoa_xa_hoi", "Văn hóa – xã hội", "Culture and society", CC, "Văn hoá xã hội"),
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
    ),
    _commune(
        "pho_bi_thu",
        "Phó Bí thư Đảng ủy",
        "Party Committee deputy secretary",
        CB,
        "Phó Bí thư Đảng ủy xã",
        "Phó Bí thư Đảng uỷ",
        leadership=True,
    ),
    _commune(
        "chu_tich_hdnd",
        "Chủ tịch HĐND",
        "Chair of the People's Council",
        CB,
        "Chủ tịch Hội đồng nhân dân",
        "Chủ tịch HĐND xã",
        leadership=True,
    ),
    _commune(
        "pho_chu_tich_hdnd",
        "Phó Chủ tịch HĐND",
        "Vice-chair of the People's Council",
        CB,
        "Phó Chủ tịch Hội đồng nhân dân",
        "Phó Chủ tịch HĐND xã",
        leadership=True,
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
    ),
    _commune(
        "bi_thu_doan",
        "Bí thư Đoàn TNCS Hồ Chí Minh",
        "Secretary of the Youth Union",
        CB,
        "Bí thư Đoàn",
        "Bí thư Đoàn Thanh niên",
        leadership=True,
    ),
    _commune(
        "chu_tich_hoi_phu_nu",
        "Chủ tịch Hội Liên hiệp Phụ nữ",
        "Chair of the Women's Union",
        CB,
        "Chủ tịch Hội Phụ nữ",
        "Chủ tịch Hội LHPN",
        leadership=True,
    ),
    _commune("chu_tich_hoi_nong_dan", "Chủ tịch Hội Nông dân", "Chair of the Farmers' Union", CB, leadership=True),
    _commune(
        "chu_tich_hoi_ccb",
        "Chủ tịch Hội Cựu chiến binh",
        "Chair of the Veterans' Association",
        CB,
        "Chủ tịch Hội CCB",
        leadership=True,
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

_COMMUNE_2025 = tuple(
    Title(
        code=f"commune.{slug}",
        name_vi=vi,
        name_en=en,
        tier=Tier.COMMUNE,
        category=CC,
        leadership=True,
        filled_by="appointed",
        valid=TWO_TIER.period,
        basis=LAW_80_2025,
        aliases=aliases,
    )
    for slug, vi, en, aliases in (
        ("truong_phong", "Trưởng phòng thuộc UBND cấp xã", "Head of a commune department", ("Trưởng phòng cấp xã",)),
        (
            "pho_truong_phong",
            "Phó Trưởng phòng thuộc UBND cấp xã",
            "Deputy head of a commune department",
            ("Phó Trưởng phòng cấp xã",),
        ),
    )
)
"""Leadership posts of the new communes (two-tier local government, from 01/07/2025)."""

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
LEADERSHIP_TITLES = frozenset(t.code for t in TITLES if t.leadership)
"""Every leadership title (cadres elected or appointed to lead, and appointed heads and deputies)."""
APPOINTED_TITLES = frozenset(t.code for t in TITLES if t.leadership and t.filled_by == "appointed")
"""Leadership posts filled by appointment (bổ nhiệm), to which the conditions of appointment apply."""
