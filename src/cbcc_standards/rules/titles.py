"""Built-in plugin: the catalogue of titles and ranks, and the rule that a title must exist on the date.

References: ND 92/2009/NĐ-CP Art 3 (titles to 31/07/2023); ND 33/2023/NĐ-CP Art 5 (from 01/08/2023, without Trưởng
Công an xã); Law 80/2025/QH15 and ND 170/2025/NĐ-CP (from 01/07/2025 no separate commune categories, no districts).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..dates import fmt_date
from ..hookspecs import hookimpl
from ..law import LegalBasis, Period
from ..officials import Official
from ..results import Outcome, Text
from ..titles import Title
from ..types import Category
from ..units import Tier
from ._model import Context, Rule, RuleSet, Verdict
from ._sources import LAW_80_2025, ND_29_2024, ND_33_2023_ART5, ND_92_2009_ART3, TT_2_2021

__all__ = [
    "COMMUNE_CADRE_TITLES",
    "COMMUNE_CIVIL_SERVANT_TITLES",
    "LEADERSHIP_TITLES",
    "RULESET",
    "TITLES",
]

_LAST_DAY_OF_COMMUNE_CATEGORIES = date(2025, 6, 30)
_COMMUNE = Period(end=_LAST_DAY_OF_COMMUNE_CATEGORIES)


def _commune(
    slug: str, vi: str, en: str, category: Category, *aliases: str, leadership: bool = False, valid: Period = _COMMUNE
) -> Title:
    ended_by = ND_33_2023_ART5 if valid.end and valid.end < _LAST_DAY_OF_COMMUNE_CATEGORIES else LAW_80_2025
    return Title(
        code=f"commune.{slug}",
        name_vi=vi,
        name_en=en,
        tier=Tier.COMMUNE,
        category=category,
        leadership=leadership,
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
        valid=Period(end=date(2023, 7, 31)),
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
        valid=Period(start=date(2025, 7, 1)),
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
COMMUNE_CADRE_TITLES = frozenset(t.code for t in _COMMUNE_CADRES)
LEADERSHIP_TITLES = frozenset(t.code for t in TITLES if t.leadership)
"""Every leadership title (cadres elected or appointed to lead, and appointed heads and deputies)."""

_WHAT = Text(vi="Chức danh", en="Title")


_MEMO: dict[tuple[str, date, Category | None], Verdict] = {}
_MEMO_LIMIT = 10_000


def _title_exists(official: Official, ctx: Context) -> Verdict:
    title = ctx.title
    if title is not None:
        key = (title.code, ctx.as_of, official.category)
        verdict = _MEMO.get(key)
        if verdict is None:
            if len(_MEMO) >= _MEMO_LIMIT:
                _MEMO.clear()
            verdict = _MEMO[key] = _known_title(title, ctx.as_of, official.category)
        return verdict
    if official.title is None:
        return Verdict(
            Outcome.UNDETERMINED,
            Text(vi="Chức danh: thiếu dữ liệu (title).", en="Title: data missing (title)."),
            missing=("title",),
        )
    return Verdict(
        Outcome.UNDETERMINED,
        Text(
            vi=f"Chức danh {official.title!r} không có trong danh mục.",
            en=f"Title {official.title!r} is not in the catalogue.",
        ),
        missing=("title",),
    )


def _known_title(title: Title, as_of: date, category: Category | None) -> Verdict:
    """The verdict for a catalogued title: it depends only on the title, the date and the category given."""
    if not title.valid.contains(as_of):
        ended = title.ended_by
        doc = ended.document if ended else "—"
        return Verdict(
            Outcome.UNDETERMINED,
            Text(
                vi=f"Chức danh «{title.name_vi}» không còn tồn tại ngày {fmt_date(as_of)} (hiệu lực "
                f"{title.valid}; {doc}). Cần cập nhật chức danh hoặc vị trí việc làm; tiêu chuẩn mới không được "
                f"suy đoán.",
                en=f"Title “{title.name_en}” does not exist on {fmt_date(as_of)} (valid {title.valid}; {doc}). "
                f"Update the title or job position; the new standards are not guessed.",
            ),
            missing=("title",),
            basis=(ended,) if ended else None,
            shared=True,
        )
    if category is not None and category is not title.category:
        return Verdict(
            Outcome.UNDETERMINED,
            Text(
                vi=f"Phân loại «{category}» không khớp chức danh «{title.name_vi}» ({title.category}).",
                en=f"Category “{category}” does not match title “{title.name_en}” ({title.category}).",
            ),
            missing=("category",),
            shared=True,
        )
    return Verdict(
        Outcome.MET,
        Text(
            vi=f"Chức danh «{title.name_vi}» tồn tại ngày {fmt_date(as_of)}.",
            en=f"Title “{title.name_en}” exists on {fmt_date(as_of)}.",
        ),
        required="exists",
        actual=title.code,
        basis=(title.basis,) if title.basis else None,
        shared=True,
    )


RULESET = RuleSet(
    code="national.titles",
    title=Text(vi="Danh mục chức danh và thời hạn tồn tại", en="Title catalogue and title validity"),
    rules=(
        Rule(
            code="CBCC-TITLE",
            name="title-exists",
            title=Text(vi="Chức danh tồn tại vào ngày đánh giá", en="The title exists on the evaluation date"),
            basis=(ND_92_2009_ART3, ND_33_2023_ART5, LAW_80_2025),
            valid=Period(start=date(1900, 1, 1)),
            requires=("title", "category"),
            standard=False,
            check=_title_exists,
        ),
    ),
)


@hookimpl
def cbcc_register_titles(register: Callable[[Title], None]) -> None:
    """Register the built-in titles and ranks."""
    for title in TITLES:
        register(title)


@hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the title-validity rule set."""
    register(RULESET)
