"""Ordered qualification ladders (legal-sources.md §6) and tolerant parsing of their spellings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._text import slugify

__all__ = [
    "DISCIPLINE",
    "EVALUATION",
    "FOREIGN_LANGUAGE",
    "GENERAL_EDUCATION",
    "IT_SKILL",
    "LADDERS",
    "POLITICAL_THEORY",
    "PROFESSIONAL",
    "STATE_MANAGEMENT",
    "Ladder",
    "Level",
    "UnknownLevelError",
]


class UnknownLevelError(ValueError):
    """A spelling that no level of a ladder accepts. ``code`` is stable for tests and tooling."""

    code = "unknown_level"

    def __init__(self, ladder: Ladder, text: str) -> None:
        self.ladder = ladder
        self.text = text
        choices = ", ".join(level.code for level in ladder.levels)
        super().__init__(f"unknown {ladder.name} level {text!r} (expected one of: {choices})")


@dataclass(frozen=True, slots=True)
class Level:
    """One rung of a ladder: an ASCII code, its rank (0 = lowest) and Vietnamese / English labels."""

    code: str
    rank: int
    vi: str
    en: str


@dataclass(frozen=True)
class Ladder:
    """An ordered ladder of levels with the spellings records use for each.

    ``parse`` accepts the code itself, the Vietnamese label with or without diacritics, any alias, in any case and
    in NFC or NFD form. Comparison is by rank: ``ladder.at_least(actual, required)``.
    """

    name: str
    vi: str
    en: str
    levels: tuple[Level, ...]
    aliases: Mapping[str, str] = field(default_factory=dict)
    _lookup: dict[str, str] = field(init=False, repr=False, compare=False)
    _by_code: dict[str, Level] = field(init=False, repr=False, compare=False)
    _codes: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code = {level.code: level for level in self.levels}
        lookup: dict[str, str] = {}
        for level in self.levels:
            lookup[level.code] = level.code
            lookup[slugify(level.vi)] = level.code
            lookup[slugify(level.en)] = level.code
        for spelling, code in self.aliases.items():
            if code not in by_code:
                raise ValueError(f"alias {spelling!r} of ladder {self.name} points to unknown level {code!r}")
            lookup[slugify(spelling)] = code
        object.__setattr__(self, "_lookup", lookup)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_codes", tuple(by_code))

    @property
    def codes(self) -> tuple[str, ...]:
        """Level codes from lowest to highest."""
        return self._codes

    def parse(self, text: Any) -> str:
        """Return the level code for a spelling, or raise :class:`UnknownLevelError`."""
        if isinstance(text, str):
            code = self._lookup.get(text) or self._lookup.get(slugify(text))
            if code is not None:
                return code
        raise UnknownLevelError(self, str(text))

    def level(self, code: str) -> Level:
        """The :class:`Level` of a code (``KeyError`` if the code is not on this ladder)."""
        return self._by_code[code]

    def rank(self, code: str) -> int:
        """Rank of a level code, 0 for the lowest."""
        return self._by_code[code].rank

    def at_least(self, actual: str, required: str) -> bool:
        """True when ``actual`` is ``required`` or higher."""
        return self._by_code[actual].rank >= self._by_code[required].rank

    def highest(self, codes: Iterable[str]) -> str | None:
        """The highest of some level codes, or None when there are none."""
        best: Level | None = None
        for code in codes:
            level = self._by_code[code]
            if best is None or level.rank > best.rank:
                best = level
        return best.code if best else None

    def label(self, code: str, lang: str = "vi") -> str:
        """Vietnamese (``vi``) or English (``en``) label of a level."""
        level = self._by_code[code]
        return level.vi if lang == "vi" else level.en


def _ladder(name: str, vi: str, en: str, rungs: list[tuple[str, str, str]], aliases: dict[str, str]) -> Ladder:
    return Ladder(
        name=name,
        vi=vi,
        en=en,
        levels=tuple(Level(code, rank, lvi, len_) for rank, (code, lvi, len_) in enumerate(rungs)),
        aliases=aliases,
    )


GENERAL_EDUCATION = _ladder(
    "general_education",
    "Trình độ giáo dục phổ thông",
    "General education",
    [
        ("tieu_hoc", "Tiểu học", "Primary"),
        ("thcs", "Trung học cơ sở", "Lower secondary"),
        ("thpt", "Trung học phổ thông", "Upper secondary"),
    ],
    {
        "THCS": "thcs",
        "cấp 2": "thcs",
        "9/12": "thcs",
        "7/10": "thcs",
        "THPT": "thpt",
        "cấp 3": "thpt",
        "12/12": "thpt",
        "10/10": "thpt",
        "tốt nghiệp THPT": "thpt",
        "cấp 1": "tieu_hoc",
        "5/12": "tieu_hoc",
        "4/10": "tieu_hoc",
    },
)
"""General education (legal-sources §6). "bổ túc THPT" is deliberately not an alias: its equivalence is [L]."""

PROFESSIONAL = _ladder(
    "professional",
    "Trình độ chuyên môn",
    "Professional level",
    [
        ("so_cap", "Sơ cấp", "Elementary vocational"),
        ("trung_cap", "Trung cấp", "Intermediate (trung cấp)"),
        ("cao_dang", "Cao đẳng", "College"),
        ("dai_hoc", "Đại học", "University"),
        ("thac_si", "Thạc sĩ", "Master"),
        ("tien_si", "Tiến sĩ", "Doctorate"),
    ],
    {
        "SC": "so_cap",
        "TC": "trung_cap",
        "trung học chuyên nghiệp": "trung_cap",
        "THCN": "trung_cap",
        "CĐ": "cao_dang",
        "ĐH": "dai_hoc",
        "cử nhân": "dai_hoc",
        "kỹ sư": "dai_hoc",
        "kĩ sư": "dai_hoc",
        "university": "dai_hoc",
        "bachelor": "dai_hoc",
        "ThS": "thac_si",
        "Th.S": "thac_si",
        "thạc sỹ": "thac_si",
        "master": "thac_si",
        "TS": "tien_si",
        "tiến sỹ": "tien_si",
        "PhD": "tien_si",
        "doctor": "tien_si",
    },
)

POLITICAL_THEORY = _ladder(
    "political_theory",
    "Trình độ lý luận chính trị",
    "Political theory",
    [
        ("so_cap", "Sơ cấp", "Elementary"),
        ("trung_cap", "Trung cấp", "Intermediate"),
        ("cao_cap", "Cao cấp", "Advanced"),
    ],
    {
        "sơ cấp LLCT": "so_cap",
        "sơ cấp lý luận chính trị": "so_cap",
        "trung cấp LLCT": "trung_cap",
        "trung cấp lý luận chính trị": "trung_cap",
        "trung cấp LLCT - hành chính": "trung_cap",
        "trung cấp LLCT-HC": "trung_cap",
        "trung cấp lý luận chính trị - hành chính": "trung_cap",
        "cao cấp LLCT": "cao_cap",
        "cao cấp lý luận chính trị": "cao_cap",
        "cao cấp LLCT - hành chính": "cao_cap",
        "cao cấp LLCT-HC": "cao_cap",
        "cao cấp lý luận chính trị - hành chính": "cao_cap",
        "cử nhân chính trị": "cao_cap",
        "cử nhân LLCT": "cao_cap",
    },
)
"""Political theory (QĐ 57-QĐ/TW 2022): cử nhân chính trị and cao cấp LLCT–HC count as cao cấp [H]."""

STATE_MANAGEMENT = _ladder(
    "state_management",
    "Bồi dưỡng quản lý nhà nước",
    "State-management (QLNN) certificate",
    [
        ("chuyen_vien", "Chuyên viên", "Specialist"),
        ("chuyen_vien_chinh", "Chuyên viên chính", "Principal specialist"),
        ("chuyen_vien_cao_cap", "Chuyên viên cao cấp", "Senior specialist"),
    ],
    {
        "CV": "chuyen_vien",
        "CVC": "chuyen_vien_chinh",
        "CVCC": "chuyen_vien_cao_cap",
        "QLNN ngạch chuyên viên": "chuyen_vien",
        "QLNN ngạch chuyên viên chính": "chuyen_vien_chinh",
        "QLNN ngạch chuyên viên cao cấp": "chuyen_vien_cao_cap",
    },
)

IT_SKILL = _ladder(
    "it",
    "Kỹ năng công nghệ thông tin",
    "IT skill",
    [
        ("co_ban", "Cơ bản", "Basic"),
        ("nang_cao", "Nâng cao", "Advanced"),
    ],
    {
        "CNTT cơ bản": "co_ban",
        "ứng dụng CNTT cơ bản": "co_ban",
        "tin học cơ bản": "co_ban",
        "CNTT nâng cao": "nang_cao",
        "ứng dụng CNTT nâng cao": "nang_cao",
        "tin học nâng cao": "nang_cao",
    },
)
"""IT skill (TT 03/2014/TT-BTTTT); not holding one is the absence of the qualification, not a rung."""

FOREIGN_LANGUAGE = _ladder(
    "foreign_language",
    "Ngoại ngữ",
    "Foreign language",
    [
        (
            f"bac_{n}",
            f"Bậc {n}",
            f"Level {n} ({cefr})",
        )
        for n, cefr in enumerate(["A1", "A2", "B1", "B2", "C1", "C2"], start=1)
    ],
    {cefr: f"bac_{n}" for n, cefr in enumerate(["A1", "A2", "B1", "B2", "C1", "C2"], start=1)},
)
"""Foreign language (TT 01/2014/TT-BGDĐT). Old A/B/C certificates are not mapped: the mapping is [L]."""

EVALUATION = _ladder(
    "evaluation",
    "Mức xếp loại chất lượng",
    "Annual evaluation",
    [
        ("khong_hoan_thanh", "Không hoàn thành nhiệm vụ", "Did not complete duties"),
        ("hoan_thanh", "Hoàn thành nhiệm vụ", "Completed duties"),
        ("hoan_thanh_tot", "Hoàn thành tốt nhiệm vụ", "Completed duties well"),
        ("hoan_thanh_xuat_sac", "Hoàn thành xuất sắc nhiệm vụ", "Completed duties excellently"),
    ],
    {
        "không hoàn thành": "khong_hoan_thanh",
        "hoàn thành": "hoan_thanh",
        "hoàn thành tốt": "hoan_thanh_tot",
        "hoàn thành xuất sắc": "hoan_thanh_xuat_sac",
        "xuất sắc": "hoan_thanh_xuat_sac",
        "hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực": "hoan_thanh",
    },
)
"""Annual evaluation (ND 90/2020; ND 56/2015 names accepted as aliases)."""

DISCIPLINE = _ladder(
    "discipline",
    "Hình thức kỷ luật",
    "Disciplinary measure",
    [
        ("khien_trach", "Khiển trách", "Reprimand"),
        ("canh_cao", "Cảnh cáo", "Warning"),
        ("ha_bac_luong", "Hạ bậc lương", "Salary step reduction"),
        ("giang_chuc", "Giáng chức", "Demotion"),
        ("cach_chuc", "Cách chức", "Removal from post"),
        ("bai_nhiem", "Bãi nhiệm", "Recall from elected office"),
        ("buoc_thoi_viec", "Buộc thôi việc", "Dismissal"),
    ],
    {},
)

LADDERS: Mapping[str, Ladder] = {
    ladder.name: ladder
    for ladder in (
        GENERAL_EDUCATION,
        PROFESSIONAL,
        POLITICAL_THEORY,
        STATE_MANAGEMENT,
        IT_SKILL,
        FOREIGN_LANGUAGE,
        EVALUATION,
        DISCIPLINE,
    )
}
"""Every ladder by name."""
