"""Vietnam's 54 ethnic groups (dân tộc) and the spellings HR records use for them; ethnic-minority status.

The list is the Danh mục các thành phần dân tộc Việt Nam issued with QĐ 121-TCTK/PPCĐ of 02/03/1979 [H]; the other
names are that list's "tên gọi khác" and spellings seen in HR and Party-report software [M]. Kinh is the majority;
the other 53 groups are ethnic minorities (legal-sources.md §6). Names that belong to several groups (Thổ for Tày or
Khơ-me, Mán, Trại, Xá, Hạ…) are deliberately not aliases. Numeric codes are not read: the 1979 and 2008
(QĐ 1019/QĐ-TCTK) lists number the groups differently from 04 on, so a bare number is ambiguous.

Matching keeps diacritics (Co / Cơ…, Mạ / Mảng, Lào / Lao, Mọn / Mon differ only by them): a spelling is compared
after Unicode NFC, case folding and removing apostrophes, dots, hyphens, parentheses and extra spaces; without
diacritics only when that reading names one group alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ._text import slugify

__all__ = ["ETHNIC_GROUPS", "MAJORITY", "EthnicGroup", "UnknownEthnicityError", "is_minority", "parse_ethnicity"]

MAJORITY = "kinh"
"""The majority group; every other group is an ethnic minority."""


class UnknownEthnicityError(ValueError):
    """A spelling that names no ethnic group (or several). ``code`` is stable for tests and tooling."""

    code = "unknown_ethnicity"


@dataclass(frozen=True, slots=True)
class EthnicGroup:
    """One of the 54 groups: an ASCII code, its official name and its other names."""

    code: str
    name: str
    aliases: tuple[str, ...]

    @property
    def minority(self) -> bool:
        """True for every group but Kinh."""
        return self.code != MAJORITY


ETHNIC_GROUPS: tuple[EthnicGroup, ...] = (
    EthnicGroup("kinh", "Kinh", ("Kinh (Việt)", "Việt", "Kinh(Việt)", "Kinh (việt)")),
    EthnicGroup("tay", "Tày", ("Ngạn", "Phén", "Thù Lao", "Pa Dí")),
    EthnicGroup(
        "thai",
        "Thái",
        (
            "Tày Khao",
            "Thái Trắng",
            "Đón",
            "Tày Đăm",
            "Thái Đen",
            "Tày Mười",
            "Tày Thanh",
            "Mán Thanh",
            "Man Thanh",
            "Hàng Tổng",
            "Hàng Bông",
            "Tày Mường",
            "Pa Thay",
            "Pu Thay",
            "Thổ Đà Bắc",
            "Tày Dọ",
        ),
    ),
    EthnicGroup(
        "hoa",
        "Hoa",
        (
            "Hoa (Hán)",
            "Hán",
            "Triều Châu",
            "Phúc Kiến",
            "Quảng Đông",
            "Quảng Tây",
            "Hải Nam",
            "Xạ Phạng",
            "Xạ Phang",
            "Xìa Phống",
            "Thảng Nhằm",
            "Minh Hương",
            "Hẹ",
            "Sang Phang",
        ),
    ),
    EthnicGroup(
        "kho_me",
        "Khơ-me",
        (
            "Khơ me",
            "Khơ Me",
            "Khơ- Me",
            "Khơ-Me",
            "Khmer",
            "Khơ-me Krôm",
            "Khơ me Krôm",
            "Krôm",
            "Cur",
            "Cul",
            "Cu",
            "Việt gốc Miên",
        ),
    ),
    EthnicGroup("muong", "Mường", ("Mol", "Mual", "Mon", "Moan", "Mọi Bi", "Bi", "Ao Tá", "Âu Tá", "Ậu Tá")),
    EthnicGroup(
        "nung",
        "Nùng",
        (
            "Xuồng",
            "Nùng Xuồng",
            "Giàng",
            "Nùng Giang",
            "Nùng An",
            "Nùng Inh",
            "Phàn Sinh",
            "Phàn Sính",
            "Phàn Slinh",
            "Nùng Phàn Slinh",
            "Nùng Cháo",
            "Nùng Lòi",
            "Quý Rim",
            "Quí Rim",
            "Quý Rịn",
            "Quy Rin",
            "Khèn Lài",
            "Nồng",
        ),
    ),
    EthnicGroup(
        "hmong",
        "HMông",
        (
            "HMông (Mèo)",
            "Mông",
            "Mông (Mèo)",
            "H'Mông",
            "H'mông",
            "H’Mông",
            "H’mông",
            "Hmông",
            "H'mông (Mèo)",
            "Mèo",
            "Mẹo",
            "Mèo Hoa",
            "Mèo Xanh",
            "Mèo Đỏ",
            "Mèo Đen",
            "Ná Mẻo",
            "Na Miẻo",
            "Ná Miẻo",
            "Mán Trắng",
        ),
    ),
    EthnicGroup(
        "dao",
        "Dao",
        (
            "Động",
            "Dìu",
            "Kiềm",
            "Miền",
            "Dìu Miền",
            "Kiềm Miền",
            "Kìm Miền",
            "Kìm Mùn",
            "Quần Trắng",
            "Dao Quần Trắng",
            "Dao Đỏ",
            "Quần Chẹt",
            "Dao Quần Chẹt",
            "Lô Giang",
            "Lô Gang",
            "Dao Lô Gang",
            "Dao Tiền",
            "Thanh Y",
            "Dao Thanh Y",
            "Lan Tẻn",
            "Dao Lan Tẻn",
            "Đại Bản",
            "Tiểu Bản",
            "Cóc Ngáng",
            "Cóc Mùn",
            "Sơn Đầu",
        ),
    ),
    EthnicGroup(
        "gia_rai",
        "Gia-rai",
        (
            "Gia Rai",
            "Gia - rai",
            "Giarai",
            "Jrai",
            "J'rai",
            "Jarai",
            "Gia lai",
            "Giơ-rai",
            "Tơ-buăn",
            "Chơ-rai",
            "Hơ-bau",
            "Hđrung",
            "H'đrung",
            "Chor",
            "Arap",
            "Aráp",
        ),
    ),
    EthnicGroup("ngai", "Ngái", ("Xín", "Lê", "Đản", "Đán", "Khách Gia")),
    EthnicGroup(
        "e_de",
        "Ê-đê",
        (
            "Ê Đê",
            "Ê-Đê",
            "Êđê",
            "Ra-đê",
            "Rađê",
            "Đê",
            "Kpạ",
            "Kpa",
            "A-đham",
            "Krung",
            "Ktul",
            "Đliê Ruê",
            "Đliê Hruê",
            "Blô",
            "Epan",
            "E-pan",
            "Ê Pan",
            "Mđhur",
            "Bih",
            "Ê Đê Êgar",
            "Êgar",
            "Kah",
            "Kdrao",
            "Dong Kay",
            "Dong Mak",
            "Ening",
            "Arul",
            "Hwing",
            "Ktlê",
        ),
    ),
    EthnicGroup(
        "ba_na",
        "Ba-na",
        (
            "Ba na",
            "Ba Na",
            "Ba-Na",
            "Bana",
            "Bahnar",
            "Giơ-lar",
            "Gơ-lar",
            "Tơ-lô",
            "Giơ-lâng",
            "Y-lăng",
            "Rơ-ngao",
            "Krem",
            "Roh",
            "Con Kđe",
            "ConKđe",
            "A-la Công",
            "Kpăng Công",
            "Bơ-nâm",
            "Krăng",
        ),
    ),
    EthnicGroup(
        "xo_dang",
        "Xơ-đăng",
        (
            "Xơ Đăng",
            "Xơ-Đăng",
            "Xơđăng",
            "Xê Đăng",
            "Sê Đăng",
            "Sedang",
            "Xơ-teng",
            "Xơ Teng",
            "Hđang",
            "Tơ-đra",
            "Tơ Đrá",
            "Mơ-nâm",
            "Mơ Nâm",
            "Ha-lăng",
            "Ha Lăng",
            "Ca-dong",
            "Ca Dong",
            "Kmrâng",
            "Con Lan",
            "ConLan",
            "Bri-la",
            "Bri La",
            "Tang",
        ),
    ),
    EthnicGroup(
        "san_chay",
        "Sán Chay",
        (
            "Sán chay",
            "Sán Chay (Cao Lan-Sán Chỉ)",
            "Cao Lan-Sán Chỉ",
            "Cao Lan",
            "Sán Chỉ",
            "Mán Cao Lan",
            "Hờn Bạn",
            "Sơn Tử",
        ),
    ),
    EthnicGroup(
        "co_ho",
        "Cơ-ho",
        ("Cơ Ho", "Cơho", "K'Ho", "Xrê", "Nốp", "Tu-lốp", "Tu Lốp", "Cơ-don", "Cơ Don", "Lat", "Lach", "Trinh"),
    ),
    EthnicGroup("cham", "Chăm", ("Chàm", "Chiêm", "Chiêm Thành", "Chăm Pa", "Hroi", "Chăm Hroi")),
    EthnicGroup("san_diu", "Sán Dìu", ("Sán Dẻo", "Trại Đất", "Mán Quần Cộc", "Quần Cộc")),
    EthnicGroup(
        "hre",
        "Hrê",
        (
            "HRê",
            "H'rê",
            "H're",
            "Hre",
            "Chăm Rê",
            "Chom",
            "Mọi Chom",
            "Krẹ",
            "Luỹ",
            "Lũy",
            "Krẹ Luỹ",
            "Thượng Ba Tơ",
            "Mọi Sơn Phòng",
            "Mọi Đá Vách",
            "Chăm Quảng Ngãi",
            "Man Thạch Bích",
        ),
    ),
    EthnicGroup(
        "mnong",
        "Mnông",
        (
            "M'Nông",
            "M.Nông",
            "MNông",
            "M'nông",
            "Pnông",
            "Nông",
            "Pré",
            "Bu-đâng",
            "Bu Đâng",
            "ĐiPri",
            "Biat",
            "Gar",
            "Rơ-lam",
            "Mnông Nông",
            "Mnông Pré",
            "Mnông Bu Đâng",
            "Mnông Gar",
        ),
    ),
    EthnicGroup(
        "ra_glai",
        "Ra-glai",
        ("Ra Glai", "Raglai", "RaGlay", "Ra-clây", "Ra Clây", "Rai", "Noang", "La-oang", "La Oang"),
    ),
    EthnicGroup("xtieng", "Xtiêng", ("XTiêng", "X'Tiêng", "Stiêng", "Stieng", "Xa-điêng")),
    EthnicGroup(
        "bru_van_kieu",
        "Bru-Vân Kiều",
        (
            "Bru - Vân Kiều",
            "Bru Vân Kiều",
            "Bru",
            "Vân Kiều",
            "Măng Coong",
            "Mang Coong",
            "Ma Coong",
            "Tri Khùa",
            "Khùa",
            "Trì",
            "Sộ",
        ),
    ),
    EthnicGroup("tho", "Thổ", ("Kẹo", "Mọn", "Cuối", "Họ", "Đan Lai", "Ly Hà", "Tày Pọng", "Tày Poọng", "Con Kha")),
    EthnicGroup("giay", "Giáy", ("Nhắng", "Dẩng", "Pầu Thìn Nu Nà", "Cùi Chu")),
    EthnicGroup("co_tu", "Cơ-tu", ("Cơ Tu", "Ca-tu", "Ca Tu", "Cao", "Phương")),
    EthnicGroup(
        "gie_trieng",
        "Gié-Triêng",
        (
            "Gié Triêng",
            "Giẻ Triêng",
            "Giẻ-Triêng",
            "Gié",
            "Giẻ",
            "Đgiéh",
            "Tareb",
            "Giang Rẫy",
            "Giang Rẫy Pin",
            "Triêng",
            "Treng",
            "Ta-riêng",
            "Ta Liêng",
            "Ve",
            "Veh",
            "La-ve",
            "Bơ Noong",
            "Pơ Noong",
        ),
    ),
    EthnicGroup("ma", "Mạ", ("Châu Mạ", "Chau Mạ", "Mạ Ngăn", "Mạ Ngắn", "Mạ Xóp", "Mạ Xốp", "Mạ Tô", "Mạ Krung")),
    EthnicGroup("kho_mu", "Khơ-mú", ("Khơ Mú", "Khơmú", "Xá Cẩu", "Mứn Xen", "Pu Thênh", "Tềnh", "Tày Hay", "Tày Hạy")),
    EthnicGroup("co", "Co", ("Cor", "Col", "Cùa", "Trầu")),
    EthnicGroup("ta_oi", "Tà-ôi", ("Tà Ôi", "Ta-ôi", "Ta Ôi", "Tôi-ôi", "Pa-co", "Pa Cô", "Pa-hi", "Ba-hi")),
    EthnicGroup("cho_ro", "Chơ-ro", ("Chơ Ro", "Chơ - Ro", "Dơ-ro", "Đơ Ro", "Châu-ro", "Châu Ro")),
    EthnicGroup("khang", "Kháng", ("Xá Súa", "Xá Dón", "Xá Dẩng", "Xá Hốc", "Xá Ái", "Xá Bung", "Quảng Lâm")),
    EthnicGroup("xinh_mun", "Xinh-mun", ("Xinh Mun", "Puộc", "Pụa")),
    EthnicGroup("ha_nhi", "Hà Nhì", ("U Ni", "Xá U Ni")),
    EthnicGroup("chu_ru", "Chu-ru", ("Chu ru", "Chu Ru", "Churu", "Chơ-ru", "Cho Ru")),
    EthnicGroup("lao", "Lào", ("Là Bốc", "Lào Nọi")),
    EthnicGroup("la_chi", "La Chí", ("La Chi", "Cù Tê", "La Quả")),
    EthnicGroup("la_ha", "La Ha", ("Khlá Phlạo",)),
    EthnicGroup("phu_la", "Phù Lá", ("Bồ Khô Pạ", "Mu Di Pạ Xá", "Phó", "Phổ", "Va Xơ")),
    EthnicGroup("la_hu", "La Hủ", ("Pu Đang", "Khù Xung", "Cò Xung", "Khả Quy")),
    EthnicGroup("lu", "Lự", ("Lừ", "Lữ", "Nhuồn", "Duôn")),
    EthnicGroup("lo_lo", "Lô Lô", ("Lô lô", "LôLô", "Mun Di", "Mùn Di")),
    EthnicGroup(
        "chut",
        "Chứt",
        (
            "Sách",
            "Máy",
            "Mày",
            "Rục",
            "Mã-liêng",
            "Mã Liềng",
            "A-rem",
            "Arem",
            "Tu vang",
            "Tu Vang",
            "Pa-leng",
            "Pa Leng",
            "Xơ-lang",
            "Xe Lang",
            "Tơ-hung",
            "Tơ Hung",
            "Chà-củi",
            "Tắc-củi",
            "U-mo",
            "U Mo",
            "Kri",
        ),
    ),
    EthnicGroup("mang", "Mảng", ("Mảng Ư",)),
    EthnicGroup("pa_then", "Pà Thẻn", ("Pà Hưng", "Tống")),
    EthnicGroup("co_lao", "Co Lao", ("Cơ Lao", "Cờ Lao", "Cờ lao")),
    EthnicGroup("cong", "Cống", ("Xắm Khống", "Mấng Nhé", "Xá Xeng")),
    EthnicGroup("bo_y", "Bố Y", ("Chủng Chá", "Trọng Gia", "Tu Di", "Tu Dí", "Tu Din", "Tu Dìn", "Pu Nà")),
    EthnicGroup("si_la", "Si La", ("Si la", "Cù Dề Xừ", "Khả Pẻ")),
    EthnicGroup("pu_peo", "Pu Péo", ("Ka Pèo", "Pen Ti Lô Lô")),
    EthnicGroup("brau", "Brâu", ("Brao", "Brạo", "B Râu")),
    EthnicGroup("o_du", "Ơ Đu", ("Ơ-đu", "Tày Hạt")),
    EthnicGroup("ro_mam", "Rơ-măm", ("Rơ măm", "Rơ Măm", "Rơ - Măm", "Ro Măm")),
)
"""The 54 groups in the order of the 1979 list."""

_PUNCTUATION = re.compile(r"[\s'’‘`´.\-–—()\[\],/]+")


def _key(text: str) -> str:
    return _PUNCTUATION.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


@cache
def _lookups() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    exact: dict[str, str] = {}
    folded: dict[str, set[str]] = {}
    for group in ETHNIC_GROUPS:
        for spelling in (group.code, group.name, *group.aliases):
            exact.setdefault(_key(spelling), group.code)
            folded.setdefault(slugify(spelling).replace("_", ""), set()).add(group.code)
    return exact, {k: frozenset(v) for k, v in folded.items()}


_PREFIX = re.compile(r"^\s*(dân\s+tộc|dan\s+toc|dt)\b[\s.:]*", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"^(?P<first>[^()]+)\((?P<second>[^()]+)\)\s*$")


def parse_ethnicity(text: str) -> str:
    """The code of the group a spelling names (``"Kinh (Việt)"`` → ``kinh``, ``"H'rê"`` → ``hre``, ``"Ca Dong"`` →
    ``xo_dang``, ``"Dân tộc Tày"`` → ``tay``, ``"Chăm (Chàm)"`` → ``cham``); :class:`UnknownEthnicityError` when it
    names none, or several."""
    stripped = _PREFIX.sub("", text)
    if stripped and stripped != text:
        return parse_ethnicity(stripped)
    try:
        return _parse(text)
    except UnknownEthnicityError:
        # "A (B)": a name and another name of the same group, e.g. "Chăm (Chàm)"; both must agree when both read.
        pair = _ALTERNATIVE.match(text)
        if pair is None:
            raise
        codes = set()
        for part in (pair.group("first"), pair.group("second")):
            try:
                codes.add(_parse(part))
            except UnknownEthnicityError:
                continue
        if len(codes) == 1:
            return codes.pop()
        raise


def _parse(text: str) -> str:
    exact, folded = _lookups()
    found = exact.get(_key(text))
    if found is not None:
        return found
    candidates = folded.get(slugify(text).replace("_", ""), frozenset())
    if len(candidates) == 1:
        return next(iter(candidates))
    if candidates:
        names = ", ".join(sorted(g.name for g in ETHNIC_GROUPS if g.code in candidates))
        raise UnknownEthnicityError(f"ethnicity {text!r} is ambiguous without its diacritics ({names})")
    raise UnknownEthnicityError(
        f"unknown ethnicity {text!r} (expected one of the 54 groups, e.g. Kinh, Hrê, Xơ-đăng, Ba-na, HMông, Khơ-me)"
    )


def is_minority(code: str) -> bool:
    """True when the group of ``code`` is an ethnic minority (every group but Kinh)."""
    return code != MAJORITY
