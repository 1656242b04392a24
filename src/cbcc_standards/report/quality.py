"""Quality statistics of a roster: the counts of the BM01/BNV and BM02/BNV tables (TT 11/2012/TT-BNV) per unit up
the hierarchy on ``as_of`` and in total.

Every characteristic is a *column group*. A group is a partition of the officials counted: each official falls in
exactly one of its columns, ``none`` (not held) or ``unknown`` (the record does not say), so every group's columns
add up to the total — nothing is dropped. The groups:

- ``gender`` (female / male), ``party`` (member / not), ``ethnicity`` (minority / Kinh), ``religion`` (a religion /
  none): the "of whom" columns of the forms are the first value of each;
- ``category``: cán bộ / công chức / other (viên chức, không chuyên trách); the title's category when the row
  gives none;
- ``rank``: the band of the rank code (:data:`RANK_BANDS`: 01.001 … 01.005 and the "& TĐ" equivalents listed
  there); a code not in the table, or no code, is ``unknown``;
- ``professional``, ``general_education``, ``political_theory`` (cử nhân chính trị apart from cao cấp),
  ``state_management``: the highest level held per kind; a qualification listed with its level unknown and no
  known level makes the group ``unknown``, and so does a level unknown next to known ones (the highest is then
  not known);
- ``it``: ``trung_cap_plus`` (a professional degree of trung cấp or above in information technology), else
  ``certificate`` (any IT certificate, old A/B/C included);
- ``english`` and ``other_language``: ``degree`` (a professional degree of đại học or above in the language), else
  ``certificate`` (a foreign-language certificate, old A/B/C included); a certificate whose language is not written
  makes both groups ``unknown`` unless a degree or a certificate of known language decides;
- ``ethnic_language``: an ethnic-minority language certificate;
- ``age``: the bands of ``age_bands`` (upper bounds, default ≤30, 31–40, 41–50, 51–60), ``above`` the last bound,
  and ``over_retirement`` — past the normal retirement date of the ND 135/2020 roadmap on ``as_of``
  (:func:`cbcc_standards.dates.retirement_date`, never a fixed 55/60); an official past it is counted there only.
  ``women_51_55`` and ``men_56_60`` are "of which" columns of the forms, outside the partition;
- ``rotation``: arrived by rotation (the BM02 "công chức luân chuyển từ cấp huyện").

A qualification record that is unknown (``qualifications`` None) makes every qualification group ``unknown``.
The ids behind each ``unknown`` are kept (:attr:`QualityStatistics.unknown`) for the data-quality listing.
"""

from __future__ import annotations

import copy
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any, Literal, Self

from .._text import slugify
from ..dates import Gender, age_on, retirement_date
from ..i18n import Lang, t
from ..ladders import GENERAL_EDUCATION as _GENERAL
from ..ladders import POLITICAL_THEORY, PROFESSIONAL, Ladder
from ..ladders import STATE_MANAGEMENT as _STATE
from ..officials import (
    EthnicLanguage,
    ForeignLanguage,
    GeneralEducation,
    ITSkill,
    Official,
    PoliticalTheory,
    Professional,
    StateManagement,
)
from ..sanity import plausible
from ..titles import TitleCatalogue
from ..types import Category
from ..units import AdministrativeUnit, Tier, unit_chain

__all__ = [
    "DEFAULT_AGE_BANDS",
    "FORMS",
    "RANK_BANDS",
    "UNKNOWN_IDS_SHOWN",
    "ColumnGroup",
    "Form",
    "QualityCounter",
    "QualityStatistics",
    "Spawning",
    "age_band_keys",
    "checked_age_bands",
    "column_label",
    "group_label",
    "quality_statistics",
    "unit_order",
]

Form = Literal["bm01", "bm02"]
FORMS: tuple[Form, ...] = ("bm01", "bm02")
"""The forms of TT 11/2012/TT-BNV: BM01/BNV (civil servants of district level and above), BM02/BNV (commune cadres
and civil servants)."""

DEFAULT_AGE_BANDS: tuple[int, ...] = (30, 40, 50, 60)
"""Upper bounds of the age bands of the forms: ≤30, 31–40, 41–50, 51–60 (the Party forms use 5-year bands)."""

RANK_BANDS: Mapping[str, str] = {
    # TT 2/2021/TT-BNV Art 3 (administrative ranks) [H]
    "01.001": "cvcc",
    "01.002": "cvc",
    "01.003": "cv",
    "01.004": "can_su",
    "01.005": "nhan_vien",
    # văn thư (TT 2/2021/TT-BNV) [M]: văn thư viên chính ≈ CVC, văn thư viên ≈ CV, trung cấp ≈ cán sự
    "02.006": "cvc",
    "02.007": "cv",
    "02.008": "can_su",
    # thanh tra [M]: thanh tra viên cao cấp / chính / thanh tra viên
    "04.023": "cvcc",
    "04.024": "cvc",
    "04.025": "cv",
    # kế toán (TT 29/2022/TT-BTC) [M]: kế toán viên cao cấp / chính / kế toán viên / trung cấp
    "06.029": "cvcc",
    "06.030": "cvc",
    "06.031": "cv",
    "06.032": "can_su",
    # thuế [M]: kiểm tra viên cao cấp / chính / kiểm tra viên / trung cấp thuế / nhân viên thuế
    "06.036": "cvcc",
    "06.037": "cvc",
    "06.038": "cv",
    "06.039": "can_su",
    "06.040": "nhan_vien",
    # hải quan [M]: kiểm tra viên cao cấp / chính / kiểm tra viên / trung cấp hải quan / nhân viên hải quan
    "08.049": "cvcc",
    "08.050": "cvc",
    "08.051": "cv",
    "08.052": "can_su",
    "08.053": "nhan_vien",
}
"""Rank code (mã ngạch) → band of the BM01 rank columns: ``cvcc`` (Chuyên viên cao cấp & TĐ), ``cvc`` (Chuyên viên
chính & TĐ), ``cv`` (Chuyên viên & TĐ), ``can_su`` (Cán sự & TĐ), ``nhan_vien`` (Nhân viên). The administrative
ranks are settled (TT 2/2021/TT-BNV); the equivalents of specialised ranks [M] are those whose codes and levels were
found in the ministries' circulars — a code missing here is counted as ``unknown`` (pass ``rank_bands`` to add
one), never guessed."""

_RANK_VALUES = ("cvcc", "cvc", "cv", "can_su", "nhan_vien")


@dataclass(frozen=True)
class ColumnGroup:
    """A group of columns: ``columns`` partition the officials counted (they add up to the total); ``of_which`` are
    sub-counts outside the partition (the forms' "of which women 51–55")."""

    key: str
    columns: tuple[str, ...]
    of_which: tuple[str, ...] = ()

    def flat(self) -> tuple[str, ...]:
        """The flat keys of the group's columns (``"professional.dai_hoc"``), partition first."""
        return tuple(f"{self.key}.{c}" for c in (*self.columns, *self.of_which))


def age_band_keys(bands: Sequence[int]) -> tuple[str, ...]:
    """The age columns of ``bands`` (upper bounds): ``to_30``, ``31_40``, …, ``above_60``."""
    keys = []
    low = None
    for high in bands:
        keys.append(f"to_{high}" if low is None else f"{low}_{high}")
        low = high + 1
    keys.append(f"above_{bands[-1]}")
    return tuple(keys)


def _groups(bands: Sequence[int]) -> tuple[ColumnGroup, ...]:
    return (
        ColumnGroup("gender", ("female", "male", "unknown")),
        ColumnGroup("party", ("member", "not_member", "unknown")),
        ColumnGroup("ethnicity", ("minority", "kinh", "unknown")),
        ColumnGroup("religion", ("religious", "none", "unknown")),
        ColumnGroup("category", ("can_bo", "cong_chuc", "other", "unknown")),
        ColumnGroup("rank", (*_RANK_VALUES, "unknown")),
        ColumnGroup("professional", (*reversed(PROFESSIONAL.codes), "none", "unknown")),
        ColumnGroup("general_education", ("thpt", "thcs", "tieu_hoc", "none", "unknown")),
        ColumnGroup("political_theory", ("cu_nhan", "cao_cap", "trung_cap", "so_cap", "none", "unknown")),
        ColumnGroup("it", ("trung_cap_plus", "certificate", "none", "unknown")),
        ColumnGroup("english", ("degree", "certificate", "none", "unknown")),
        ColumnGroup("other_language", ("degree", "certificate", "none", "unknown")),
        ColumnGroup("ethnic_language", ("certificate", "none", "unknown")),
        ColumnGroup("state_management", ("cvcc", "cvc", "cv", "none", "unknown")),
        ColumnGroup("age", (*age_band_keys(bands), "over_retirement", "unknown"), ("women_51_55", "men_56_60")),
        ColumnGroup("rotation", ("rotated", "not_rotated", "unknown")),
    )


def group_label(key: str, lang: Lang | str = Lang.VI) -> str:
    """The name of a column group in the catalogue's language."""
    return t(f"stats.group.{key}", lang)


_BAND = re.compile(r"^(?:to_(\d+)|(\d+)_(\d+)|above_(\d+))$")


def column_label(group: str, column: str, lang: Lang | str = Lang.VI) -> str:
    """The name of a column (``group_label("professional")`` / ``column_label("professional", "dai_hoc")``)."""
    if group == "age" and (m := _BAND.match(column)):
        if m[1]:
            return t("stats.age.to", lang, high=int(m[1]))
        if m[2]:
            return t("stats.age.range", lang, low=int(m[2]), high=int(m[3]))
        return t("stats.age.above", lang, low=int(m[4]))
    if column in ("unknown", "none"):
        return t(f"stats.col.{column}", lang)
    return t(f"stats.col.{group}.{column}", lang)


# -- reading one official --------------------------------------------------------------------------------------

_IT_FIELD = re.compile(r"(cong_nghe_thong_tin|tin_hoc|khoa_hoc_may_tinh|ky_thuat_phan_mem|he_thong_thong_tin|cntt)")
_ENGLISH = re.compile(r"(^|_)(tieng_anh|ngon_ngu_anh|anh_van|english|anh)($|_)")
_LANGUAGE_FIELD = re.compile(r"(^|_)(tieng|ngon_ngu)_[a-z]|(^|_)(anh|phap|nga|trung|han|nhat|duc)_van($|_)|english")
_ENGLISH_NAMES = frozenset({"anh", "tieng_anh", "english", "en", "ngon_ngu_anh", "anh_van"})


def _is_english(language: str) -> bool:
    return slugify(language) in _ENGLISH_NAMES


def _language_degree(q: Professional) -> str | None:
    """``english`` / ``other`` for a degree of đại học or above in a foreign language, else None."""
    if q.level is None or q.field is None or PROFESSIONAL.rank(q.level) < PROFESSIONAL.rank("dai_hoc"):
        return None
    slug = slugify(q.field)
    if _ENGLISH.search(slug):
        return "english"
    if _LANGUAGE_FIELD.search(slug) and "dan_toc" not in slug:
        return "other"
    return None


Record = tuple[Any, ...] | None
"""An official's qualifications: the items, or None when the record is unknown."""


def _highest(record: tuple[Any, ...], cls: type[Any], ladder: Ladder) -> tuple[str | None, bool]:
    """The highest known level of a kind and whether a level of that kind is unknown."""
    levels = [q.level for q in record if isinstance(q, cls) and q.level is not None]
    unknown = any(isinstance(q, cls) and q.level is None for q in record)
    return ladder.highest(levels), unknown


def _ladder_value(record: Record, cls: type[Any], ladder: Ladder) -> str:
    if record is None:
        return "unknown"
    best, unknown = _highest(record, cls, ladder)
    if unknown:
        return "unknown"
    return best if best is not None else "none"


def _political(record: Record) -> str:
    value = _ladder_value(record, PoliticalTheory, POLITICAL_THEORY)
    if value == "cao_cap" and any(isinstance(q, PoliticalTheory) and q.bachelor for q in record or ()):
        return "cu_nhan"
    return value


def _it(record: Record) -> str:
    if record is None:
        return "unknown"
    for q in record:
        if (
            isinstance(q, Professional)
            and q.level is not None
            and q.field is not None
            and PROFESSIONAL.rank(q.level) >= PROFESSIONAL.rank("trung_cap")
            and _IT_FIELD.search(slugify(q.field))
        ):
            return "trung_cap_plus"
    return "certificate" if any(isinstance(q, ITSkill) for q in record) else "none"


def _languages(record: Record) -> tuple[str, str]:
    """(english, other_language) columns."""
    if record is None:
        return "unknown", "unknown"
    found = {"english": "none", "other": "none"}
    unnamed = False
    for q in record:
        if isinstance(q, Professional) and (which := _language_degree(q)) is not None:
            found[which] = "degree"
    for q in record:
        if isinstance(q, ForeignLanguage):
            if q.language is None or not q.language.strip():
                unnamed = True
                continue
            which = "english" if _is_english(q.language) else "other"
            if found[which] == "none":
                found[which] = "certificate"
    if unnamed:  # a certificate of an unwritten language: it could be either
        found = {k: ("unknown" if v == "none" else v) for k, v in found.items()}
    return found["english"], found["other"]


def _state_management(record: Record) -> str:
    value = _ladder_value(record, StateManagement, _STATE)
    return {"chuyen_vien_cao_cap": "cvcc", "chuyen_vien_chinh": "cvc", "chuyen_vien": "cv"}.get(value, value)


@lru_cache(maxsize=4096)
def _qualification_columns(record: Record) -> tuple[tuple[str, str, str], ...]:
    """(group, column, counter key) of the groups read from the qualifications, cached: a roster repeats its records
    (the items are frozen: equal records give equal columns)."""
    english, other = _languages(record)
    columns = {
        "professional": _ladder_value(record, Professional, PROFESSIONAL),
        "general_education": _ladder_value(record, GeneralEducation, _GENERAL),
        "political_theory": _political(record),
        "it": _it(record),
        "english": english,
        "other_language": other,
        "ethnic_language": (
            "unknown"
            if record is None
            else "certificate"
            if any(isinstance(q, EthnicLanguage) for q in record)
            else "none"
        ),
        "state_management": _state_management(record),
    }
    return tuple(_column(group, column) for group, column in columns.items())


@lru_cache(maxsize=1024)
def _column(group: str, column: str) -> tuple[str, str, str]:
    """(group, column, counter key), one object for each pair (the records' columns share them)."""
    return (group, column, f"{group}.{column}")


def _flag(value: bool | None, yes: str, no: str) -> str:
    return "unknown" if value is None else (yes if value else no)


def _religion(text: str | None) -> str:
    if text is None or not text.strip():
        return "unknown"
    return "none" if slugify(text) in _NO_RELIGION else "religious"


_NO_RELIGION = frozenset({"khong", "khong_co", "none", "no", "k", "0", "khong_ton_giao", "luong", "-"})
"""Ways rosters write "no religion" ("Không", "Không tôn giáo", "Lương")."""


def _retired_by(gender: Gender | None, birth: date, as_of: date) -> bool | None:
    """Past the normal retirement date on ``as_of``; None when the gender is unknown and it matters."""
    if gender is not None:
        return as_of > retirement_date(gender, birth)
    verdicts = {as_of > retirement_date(g, birth) for g in Gender}
    return verdicts.pop() if len(verdicts) == 1 else None


def _age(official: Official, as_of: date, bands: Sequence[int], keys: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    if official.birth_date is None:
        return "unknown", ()
    retired = _retired_by(official.gender, official.birth_date, as_of)
    if retired is None:
        return "unknown", ()
    if retired:
        return "over_retirement", ()
    age = age_on(official.birth_date, as_of)
    column = keys[-1]
    for high, key in zip(bands, keys, strict=False):
        if age <= high:
            column = key
            break
    extra: tuple[str, ...] = ()
    if official.gender is Gender.FEMALE and 51 <= age <= 55:
        extra = ("women_51_55",)
    elif official.gender is Gender.MALE and 56 <= age <= 60:
        extra = ("men_56_60",)
    return column, extra


UNKNOWN_IDS_SHOWN = 200
"""The ids behind an unknown that a roster review's HTML report shows for each group (the count is complete)."""


@dataclass(frozen=True)
class _Born:
    """What :func:`_age` reads of an official."""

    birth_date: date | None
    gender: Gender | None


_KEPT = 1 << 14
"""The most readings a quality counter keeps of people's details and of birth dates."""


# -- counting --------------------------------------------------------------------------------------------------


def unit_order(units: Mapping[str, AdministrativeUnit], codes: Iterable[str | None]) -> list[str | None]:
    """Units depth first (a unit, then its children by code), the unknown unit (None) last."""
    present = set(codes)
    children: dict[str | None, list[str]] = {}
    for code in present:
        if code is not None:
            parent = units[code].parent if code in units else None
            children.setdefault(parent if parent in present else None, []).append(code)
    ordered: list[str | None] = []

    def visit(code: str) -> None:
        ordered.append(code)
        for child in sorted(children.get(code, ())):
            visit(child)

    for root in sorted(children.get(None, ())):
        visit(root)
    if None in present:
        ordered.append(None)
    return ordered


@dataclass
class QualityStatistics:
    """The counts of a roster: per unit up the hierarchy (``units``: code → counts, None for officials whose unit is
    unknown) and in ``total``; counts are flat (``"total"``, ``"professional.dai_hoc"``…); ``unknown`` lists the ids
    counted as unknown per group; ``excluded`` the officials outside the form's scope (by tier)."""

    as_of: date
    groups: tuple[ColumnGroup, ...]
    age_bands: tuple[int, ...]
    form: Form | None
    units: dict[str | None, Counter[str]]
    total: Counter[str]
    unit_info: Mapping[str, AdministrativeUnit]
    unknown: dict[str, list[str]] = field(default_factory=dict)
    excluded: list[str] = field(default_factory=list)
    pyramid: Mapping[tuple[str, int], int] = field(default_factory=dict)
    """Officials by (gender, 5-year band lower bound; 20 holds the younger, 65 the older)."""

    def keys(self) -> tuple[str, ...]:
        """Every column, ``total`` first."""
        return ("total", *(k for g in self.groups for k in g.flat()))

    def row(self, counts: Mapping[str, int]) -> dict[str, int]:
        """Counts with every column present (zeros included)."""
        return {k: int(counts.get(k, 0)) for k in self.keys()}

    def unit_rows(self, lang: Lang | str = Lang.VI) -> list[dict[str, Any]]:
        """One entry per unit with officials, up the hierarchy, depth first; the unknown unit last."""
        rows = []
        for code in unit_order(self.unit_info, self.units):
            unit = self.unit_info.get(code) if code is not None else None
            rows.append(
                {
                    "code": code,
                    "name": unit.name if unit else t("report.unknown_unit", lang),
                    "tier": unit.tier.value if unit else None,
                    "parent": unit.parent if unit else None,
                    "counts": self.row(self.units[code]),
                }
            )
        return rows

    def reconciles(self, counts: Mapping[str, int]) -> bool:
        """Whether every group's partition adds up to the total of ``counts``."""
        return all(sum(counts.get(f"{g.key}.{c}", 0) for c in g.columns) == counts.get("total", 0) for g in self.groups)

    def as_dict(self, lang: Lang | str = Lang.VI, ids: bool = False) -> dict[str, Any]:
        """The JSON shape (``summary.quality``); with ``ids``, the ids behind each unknown and the excluded ones."""
        data: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "form": self.form,
            "age_bands": list(self.age_bands),
            "groups": [{"key": g.key, "columns": list(g.columns), "of_which": list(g.of_which)} for g in self.groups],
            "units": self.unit_rows(lang),
            "total": self.row(self.total),
            "excluded": len(self.excluded),
        }
        if ids:
            data["unknown_ids"] = {k: v for k, v in self.unknown.items() if v}
            data["excluded_ids"] = list(self.excluded)
        return data


def checked_age_bands(age_bands: Sequence[int]) -> tuple[int, ...]:
    """``age_bands`` as a tuple; ``ValueError`` unless they are positive and increasing (upper bounds of bands)."""
    bands = tuple(age_bands)
    if not bands or any(b <= a for a, b in pairwise(bands)) or bands[0] < 1:
        raise ValueError(f"age bands must be increasing positive upper bounds, got {list(bands)}")
    return bands


class Spawning:
    """A counter of a roster review that a pool of processes can share (see
    :class:`~cbcc_standards.engine.RosterObserver`): :meth:`spawn` copies its settings, ``_reset`` empties it."""

    def _reset(self) -> None:
        raise NotImplementedError

    def spawn(self) -> Self:
        """An empty counter with the same settings (a worker's, for one chunk of a parallel review)."""
        fresh = copy.copy(self)
        fresh._reset()
        return fresh


class QualityCounter(Spawning):
    """Counts officials one at a time (memory: one counter per unit); :meth:`result` gives the statistics.

    ``units`` give the hierarchy (a commune counts in its district and province too); ``titles`` the category and
    tier of a title when the row does not give them; ``form`` limits the officials counted to the form's scope
    (``bm02``: commune tier; ``bm01``: district and province tiers — by the title's tier, else the unit's); the
    others are listed as excluded. ``rank_bands`` replaces :data:`RANK_BANDS`. ``id_limit`` keeps only the first ids
    behind each unknown (a roster review shows a few, counts them all: its memory stays flat), None keeps them all.
    """

    def __init__(
        self,
        as_of: date,
        units: Mapping[str, AdministrativeUnit] | None = None,
        titles: TitleCatalogue | None = None,
        *,
        age_bands: Sequence[int] = DEFAULT_AGE_BANDS,
        form: Form | None = None,
        rank_bands: Mapping[str, str] = RANK_BANDS,
        id_limit: int | None = None,
    ) -> None:
        bands = checked_age_bands(age_bands)
        if form is not None and form not in FORMS:
            raise ValueError(f"unknown form {form!r} (use: {', '.join(FORMS)})")
        self.as_of = as_of
        self.units = units or {}
        self.titles = titles
        self.bands = bands
        self.band_keys = age_band_keys(bands)
        self.form = form
        self.rank_bands = rank_bands
        self.id_limit = id_limit
        self.groups = _groups(bands)
        self._people: dict[tuple[Any, ...], tuple[tuple[str, str, str], ...]] = {}
        self._by_birth: dict[tuple[Any, ...], tuple[str, tuple[str, ...], tuple[str, int] | None]] = {}
        self._records: dict[tuple[int, ...], tuple[tuple[Any, ...], tuple[tuple[str, str, str], ...]]] = {}
        """Readings kept by value (pure functions of the settings): shared with the counter's spawns."""
        self._reset()

    def _reset(self) -> None:
        self.leaf: dict[str | None, Counter[str]] = {}
        self.unknown: dict[str, list[str]] = {g.key: [] for g in self.groups}
        self.excluded: list[str] = []
        self.pyramid: Counter[tuple[str, int]] = Counter()
        """Officials counted by (gender, lower bound of a 5-year age band from 20 to 65+), for the age pyramid."""

    def counts(self) -> tuple[Any, ...]:
        """What this counter has counted, as plain data a worker sends back (see :meth:`absorb`)."""
        return (self.leaf, self.unknown, self.excluded, self.pyramid)

    def absorb(self, counts: tuple[Any, ...]) -> None:
        """Add the :meth:`counts` of another counter with the same settings, read after the officials read here."""
        leaf, unknown, excluded, pyramid = counts
        for unit, numbers in leaf.items():
            self.leaf.setdefault(unit, Counter()).update(numbers)
        for group, ids in unknown.items():
            kept = self.unknown.setdefault(group, [])
            kept.extend(ids)
            if self.id_limit is not None:
                del kept[self.id_limit :]
        self.excluded.extend(excluded)
        self.pyramid.update(pyramid)

    def _tier(self, official: Official) -> Tier | None:
        title = self.titles.get(official.title) if self.titles is not None and official.title else None
        if title is not None and title.tier is not None:
            return title.tier
        unit = self.units.get(official.unit) if official.unit else None
        return unit.tier if unit is not None else None

    def _category(self, official: Official) -> str:
        category = official.category
        if category is None and self.titles is not None and official.title:
            title = self.titles.get(official.title)
            category = title.category if title is not None else None
        if category is None:
            return "unknown"
        if category in (Category.CAN_BO, Category.CONG_CHUC):
            return str(category.value)
        return "other"

    def in_scope(self, official: Official) -> bool:
        """Whether the official is counted by the form (always, without a form)."""
        if self.form is None:
            return True
        tier = self._tier(official)
        if self.form == "bm02":
            return tier is Tier.COMMUNE
        return tier in (Tier.DISTRICT, Tier.PROVINCE)

    def columns(self, official: Official) -> dict[str, str]:
        """The column of each group the official falls in (``{"professional": "dai_hoc", …}``)."""
        age = _age(official, self.as_of, self.bands, self.band_keys)[0]
        return {group: column for group, column, _ in self._columns(official, age)}

    def _columns(self, official: Official, age: str) -> list[tuple[str, str, str]]:
        """(group, column, counter key) of each group, in the order of :meth:`columns`."""
        return [*self._person(official), *self._record(official.qualifications), *self._rest(official, age)]

    def _record(self, record: Record) -> tuple[tuple[str, str, str], ...]:
        """:func:`_qualification_columns` of a record, found first by the identity of its items: the roster reader
        gives equal items as one object (:class:`~cbcc_standards._rowcheck.RowValidator`), and hashing the items by
        value costs more than reading their columns (kept with the items, so their ids stay theirs; at most
        :data:`_KEPT`)."""
        if record is None:
            return _qualification_columns(None)
        key = tuple(map(id, record))
        found = self._records.get(key)
        if found is not None and all(map(operator.is_, found[0], record)):
            return found[1]
        columns = _qualification_columns(record)
        if len(self._records) >= _KEPT:
            self._records.clear()
        self._records[key] = (record, columns)
        return columns

    def _person(self, official: Official) -> tuple[tuple[str, str, str], ...]:
        """The groups read from the person, by what they read (a roster repeats them: kept, at most
        :data:`_KEPT`)."""
        key = (
            official.gender,
            official.party_member,
            official.ethnic_minority,
            official.religion,
            official.category,
            official.title,
            official.rank_code,
        )
        found = self._people.get(key)
        if found is None:
            code = (official.rank_code or "").strip().removeprefix("rank.")
            person = (
                ("gender", official.gender.value if official.gender is not None else "unknown"),
                ("party", _flag(official.party_member, "member", "not_member")),
                ("ethnicity", _flag(official.ethnic_minority, "minority", "kinh")),
                ("religion", _religion(official.religion)),
                ("category", self._category(official)),
                ("rank", self.rank_bands.get(code, "unknown")),
            )
            found = tuple(_column(group, column) for group, column in person)
            if len(self._people) >= _KEPT:
                self._people.clear()
            self._people[key] = found
        return found

    @staticmethod
    def _rest(official: Official, age: str) -> tuple[tuple[str, str, str], ...]:
        return (_column("age", age), _column("rotation", _flag(official.rotated, "rotated", "not_rotated")))

    def _ages(self, birth: date | None, gender: Gender | None) -> tuple[str, tuple[str, ...], tuple[str, int] | None]:
        """The age column, its extra columns and the pyramid's cell of a birth date and gender (kept, at most
        :data:`_KEPT`)."""
        key = (birth, gender)
        found = self._by_birth.get(key)
        if found is None:
            probe: Any = _Born(birth, gender)
            column, extras = _age(probe, self.as_of, self.bands, self.band_keys)
            cell = None
            if birth is not None and gender is not None:
                years = age_on(birth, self.as_of)
                cell = (gender.value, min(max(years // 5 * 5, 20), 65))
            found = (column, tuple(f"age.{extra}" for extra in extras), cell)
            if len(self._by_birth) >= _KEPT:
                self._by_birth.clear()
            self._by_birth[key] = found
        return found

    def add(self, official: Official) -> None:
        """Count one official (an impossible date counts as unknown, as for the rules)."""
        official = plausible(official, self.as_of)
        if self.form is not None and not self.in_scope(official):
            self.excluded.append(official.id)
            return
        unit = official.unit if official.unit in self.units else None
        counts = self.leaf.get(unit)
        if counts is None:
            counts = self.leaf[unit] = Counter()
        counts["total"] += 1
        age, extras, cell = self._ages(official.birth_date, official.gender)
        limit = self.id_limit
        for groups in (
            self._person(official),
            self._record(official.qualifications),
            self._rest(official, age),
        ):
            for group, column, key in groups:
                counts[key] += 1
                if column == "unknown":
                    ids = self.unknown[group]
                    if limit is None or len(ids) < limit:
                        ids.append(official.id)
        for key in extras:
            counts[key] += 1
        if cell is not None:
            self.pyramid[cell] += 1

    def result(self) -> QualityStatistics:
        """The statistics of the officials counted so far."""
        rolled: dict[str | None, Counter[str]] = {}
        total: Counter[str] = Counter()
        for code, counts in self.leaf.items():
            total.update(counts)
            for link in unit_chain(code, self.units) or (None,):
                rolled.setdefault(link, Counter()).update(counts)
        return QualityStatistics(
            as_of=self.as_of,
            groups=self.groups,
            age_bands=self.bands,
            form=self.form,
            units=rolled,
            total=total,
            unit_info=self.units,
            unknown={k: list(v) for k, v in self.unknown.items()},
            excluded=list(self.excluded),
            pyramid=dict(self.pyramid),
        )


def quality_statistics(
    officials: Iterable[Official],
    as_of: date,
    units: Mapping[str, AdministrativeUnit] | None = None,
    titles: TitleCatalogue | None = None,
    *,
    age_bands: Sequence[int] = DEFAULT_AGE_BANDS,
    form: Form | None = None,
    rank_bands: Mapping[str, str] = RANK_BANDS,
) -> QualityStatistics:
    """The quality statistics of ``officials`` on ``as_of`` (see the module's documentation)."""
    counter = QualityCounter(as_of, units, titles, age_bands=age_bands, form=form, rank_bands=rank_bands)
    for official in officials:
        counter.add(official)
    return counter.result()
