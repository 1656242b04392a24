"""Hypothesis strategies for the public models of cbcc_standards, named after what they generate.

Every strategy takes keyword-only constraints, checks them when it is called (a bad argument raises
:class:`hypothesis.errors.InvalidArgument` at once, not when the first example is drawn), and generates valid,
realistic objects: an official is at least 18 when recruited, appointed after being recruited and while the title
exists, holds qualifications obtained at an age one can obtain them, and is evaluated only for years in service.

The same strategies answer ``st.from_type(...)`` for the public models, through the ``hypothesis`` entry point of the
distribution (no set-up needed).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any, Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from .._text import slugify
from ..dates import Gender, add_years
from ..ethnicity import ETHNIC_GROUPS, MAJORITY
from ..i18n import Message, Text
from ..ladders import (
    DISCIPLINE,
    EVALUATION,
    FOREIGN_LANGUAGE,
    GENERAL_EDUCATION,
    IT_SKILL,
    POLITICAL_THEORY,
    PROFESSIONAL,
    STATE_MANAGEMENT,
)
from ..law import Confidence, LegalBasis, Period
from ..law.sources import ND_172_2025
from ..officials import (
    Discipline,
    EthnicLanguage,
    Evaluation,
    ForeignLanguage,
    GeneralEducation,
    ITSkill,
    Official,
    PoliticalTheory,
    Professional,
    Qualification,
    StateManagement,
)
from ..results import Assessment, Finding, Outcome
from ..rules.model import Deadline, Delegation
from ..rules.requirements import MinLevel
from ..rules.shared import CADRE_TRUNG_CAP_SWITCH, CIVIL_SERVANT_TRUNG_CAP_SWITCH
from ..titles import Title, TitleCatalogue
from ..types import Category
from ..units import AdministrativeUnit, AreaFlag, Tier, UnitKind

__all__ = [
    "DEFAULT_BORN_BETWEEN",
    "MAX_WORKING_AGE",
    "MIN_WORKING_AGE",
    "QUALIFICATION_KINDS",
    "assessments",
    "deadlines",
    "delegations",
    "disciplines",
    "earliest_obtainable",
    "evaluations",
    "findings",
    "legal_bases",
    "legal_dates",
    "levels",
    "officials",
    "periods",
    "qualifications",
    "texts",
    "titles",
    "units",
]

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

MIN_WORKING_AGE: Final = 18
"""The youngest age at which a generated official is recruited or appointed."""
MAX_WORKING_AGE: Final = 62
"""The oldest age a generated official has on the date they are seen (the highest normal retirement age)."""
DEFAULT_BORN_BETWEEN: Final = (date(1955, 1, 1), date(2005, 12, 31))
"""Birth dates of generated officials unless ``born_between`` says otherwise."""
_DATE_MIN: Final = date(1945, 1, 1)
_DATE_MAX: Final = date(2049, 12, 31)
_SEEN_MIN: Final = date(1990, 1, 1)
_SEEN_MAX: Final = date(2035, 12, 31)

QUALIFICATION_KINDS: Final = (
    "general_education",
    "professional",
    "political_theory",
    "state_management",
    "it",
    "foreign_language",
    "ethnic_language",
)
"""Qualification kinds, in the order examples shrink through them (general education first)."""

_LADDERS = {
    "general_education": GENERAL_EDUCATION,
    "professional": PROFESSIONAL,
    "political_theory": POLITICAL_THEORY,
    "state_management": STATE_MANAGEMENT,
    "it": IT_SKILL,
    "foreign_language": FOREIGN_LANGUAGE,
    "evaluation": EVALUATION,
    "discipline": DISCIPLINE,
}

_MIN_AGE: Final[dict[str, dict[str | None, int]]] = {
    "general_education": {"tieu_hoc": 10, "thcs": 14, "thpt": 17},
    "professional": {"so_cap": 16, "trung_cap": 18, "cao_dang": 20, "dai_hoc": 21, "thac_si": 23, "tien_si": 26},
    "political_theory": {"so_cap": 18, "trung_cap": 21, "cao_cap": 25},
    "state_management": {"chuyen_vien": 21, "chuyen_vien_chinh": 27, "chuyen_vien_cao_cap": 32},
    "it": {"co_ban": 14, "nang_cao": 16},
    "foreign_language": {"bac_1": 10, "bac_2": 12, "bac_3": 15, "bac_4": 17, "bac_5": 19, "bac_6": 21},
    "ethnic_language": {None: 15},
}
"""The youngest age at which each level can be obtained (the end of the schooling or training it needs)."""

_FIELDS = (
    "luật",
    "kế toán",
    "hành chính",
    "quản lý đất đai",
    "kinh tế",
    "tài chính – ngân hàng",
    "xây dựng",
    "văn hóa",
    "công nghệ thông tin",
    "nông nghiệp",
    "quân sự",
    "luật kinh tế",
)
_LANGUAGES = ("tiếng Anh", "tiếng Pháp", "tiếng Trung", "tiếng Nga", "tiếng Nhật", "tiếng Hàn")
_ETHNIC_LANGUAGES = ("tiếng Ê Đê", "tiếng H'Mông", "tiếng Khmer", "tiếng Tày", "tiếng Thái", "tiếng Chăm")
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
_MIDDLE = {Gender.MALE: ("Văn", "Hữu", "Đức", "Minh", "Quang"), Gender.FEMALE: ("Thị", "Ngọc", "Thu", "Thanh", "Mai")}
_GIVEN = {
    Gender.MALE: ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Quân", "Sơn", "Tuấn", "Việt"),
    Gender.FEMALE: ("An", "Châu", "Hà", "Hoa", "Hương", "Lan", "Linh", "Mai", "Phương", "Thảo", "Trang", "Yến"),
}
_PROVINCES = ("QN", "QT", "LC", "HG", "CM", "DL", "KT", "ST")
_DISTRICTS = ("Bình Sơn", "Ba Tơ", "Sơn Hà", "Trà Bồng", "Minh Long", "Đức Phổ", "Lý Sơn", "Tư Nghĩa")
_COMMUNES = ("Bình Châu", "Ba Điền", "Ba Vinh", "Tịnh Khê", "Nghĩa Hành", "Sơn Kỳ", "An Vĩnh", "Phổ Thạnh", "Đức Lân")
_UNIT_PREFIX = {
    UnitKind.XA: "Xã",
    UnitKind.PHUONG: "Phường",
    UnitKind.THI_TRAN: "Thị trấn",
    UnitKind.DAC_KHU: "Đặc khu",
}
_DOCUMENTS = (
    ("Nghị định", "NĐ-CP", "Chính phủ"),
    ("Thông tư", "TT-BNV", "Bộ Nội vụ"),
    ("Quyết định", "QĐ-UBND", "UBND tỉnh"),
    ("Công văn", "BNV-CCVC", "Bộ Nội vụ"),
    ("Luật", "QH15", "Quốc hội"),
)
_PHRASES = (
    Text(vi="Trình độ chuyên môn: đạt.", en="Professional level: meets the standard."),
    Text(vi="Thiếu dữ liệu (qualifications).", en="Data missing (qualifications)."),
    Text(vi="Được hoàn thiện đến 01/08/2028.", en="May be remedied until 01/08/2028."),
)
_SWITCHES = (CIVIL_SERVANT_TRUNG_CAP_SWITCH, CADRE_TRUNG_CAP_SWITCH)
_BOOLEANS: Final = st.booleans()
_SHARE_MAX: Final = 1 << 20
_SHARE: Final = st.integers(0, _SHARE_MAX)
_LEVEL_CODES: Final = {name: st.sampled_from(ladder.codes) for name, ladder in _LADDERS.items()}
_PICK: Final[dict[tuple[Any, ...], SearchStrategy[Any]]] = {}


def _pick(draw: st.DrawFn, options: tuple[T, ...]) -> T:
    """One of ``options`` (shrinking towards the first), through a strategy built once per tuple."""
    strategy = _PICK.get(options)
    if strategy is None:
        strategy = _PICK[options] = st.sampled_from(options)
    value: T = draw(strategy)
    return value


_OPTIONAL_FIELDS: Final = (
    "full_name",
    "gender",
    "birth_date",
    "category",
    "title",
    "unit",
    "recruited_on",
    "appointed_on",
    "qualifications",
    "evaluations",
    "disciplines",
)
_UNKNOWN_FIELDS: Final = st.sets(st.sampled_from(_OPTIONAL_FIELDS), max_size=4)


def _official_id(number: int) -> str:
    return f"CB-{number:05d}"


_IDS: Final = st.builds(_official_id, st.integers(1, 99_999))
_PLACES: Final = st.tuples(st.sampled_from(_PROVINCES), st.sampled_from(_DISTRICTS), st.sampled_from(_COMMUNES))


# -- argument checks -----------------------------------------------------------------------------------------------


def _check_date(value: object, name: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise InvalidArgument(f"{name}={value!r} must be a datetime.date (not a datetime)")
    return value


def _check_range(value: object, name: str) -> tuple[date, date] | None:
    if value is None:
        return None
    if not (isinstance(value, tuple | list) and len(value) == 2):
        raise InvalidArgument(f"{name}={value!r} must be a pair of dates (first, last)")
    first, last = (_check_date(v, name) for v in value)
    if first is None or last is None:
        raise InvalidArgument(f"{name}={value!r} must be a pair of dates, not None")
    if last < first:
        raise InvalidArgument(f"{name}={value!r}: the last date is before the first")
    return first, last


def _check_bool(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True or False")
    return value


def _check_enum(value: object, enum: type[E], name: str) -> E | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidArgument(f"{name}={value!r} must be a string code")
    try:
        return enum(str(value))
    except ValueError:
        choices = ", ".join(str(e) for e in enum)
        raise InvalidArgument(f"{name}={value!r} is not one of: {choices}") from None


def _check_kind(kind: object) -> str | None:
    if kind is None:
        return None
    if kind not in QUALIFICATION_KINDS:
        raise InvalidArgument(f"kind={kind!r} is not one of: {', '.join(QUALIFICATION_KINDS)}")
    return str(kind)


def _catalogue(catalogue: Iterable[Title] | None) -> tuple[Title, ...]:
    if catalogue is None:
        from ..rules.posts import TITLES

        catalogue = TITLES
    if isinstance(catalogue, Title | str) or not isinstance(catalogue, Iterable):
        raise InvalidArgument(f"catalogue={catalogue!r} must be an iterable of Title (or a TitleCatalogue)")
    found = tuple(catalogue)
    if not all(isinstance(t, Title) for t in found):
        raise InvalidArgument("catalogue must hold only Title objects")
    return tuple(sorted(found, key=lambda t: t.code))


def _days(first: date, last: date) -> SearchStrategy[date]:
    """Dates from ``first`` to ``last``, shrinking towards ``first``."""
    if last <= first:
        return st.just(first)
    return st.builds(_add_days, st.just(first), st.integers(0, (last - first).days))


def _add_days(first: date, days: int) -> date:
    return first + timedelta(days=days)


def _day(draw: st.DrawFn, first: date, last: date) -> date:
    """A date from ``first`` to ``last``, shrinking towards ``first``.

    It draws from one shared strategy rather than building ``integers(0, span)`` for every date (this runs dozens of
    times per official)."""
    span = (last - first).days
    if span <= 0:
        return first
    return first + timedelta(days=draw(_SHARE) * span // _SHARE_MAX)


def _known(draw: st.DrawFn, complete: bool) -> bool:
    """Whether an optional fact is known: always when ``complete``, else drawn (shrinking towards unknown)."""
    return complete or draw(_BOOLEANS)


def _years_before(day: date, years: int) -> date:
    return add_years(day, -years)


# -- dates, periods, texts, legal bases ------------------------------------------------------------------------------


def legal_dates(*, min_value: date = _DATE_MIN, max_value: date = _DATE_MAX) -> SearchStrategy[date]:
    """Dates between ``min_value`` and ``max_value`` (both included; by default 1945 to 2049).

    Examples shrink towards 1 January 2000, or the allowed date nearest to it.
    """
    first = _check_date(min_value, "min_value")
    last = _check_date(max_value, "max_value")
    assert first is not None
    assert last is not None
    if last < first:
        raise InvalidArgument(f"max_value={last} is before min_value={first}")
    return st.dates(first, last)


def periods(
    *, min_value: date = _DATE_MIN, max_value: date = _DATE_MAX, open_ended: bool = True
) -> SearchStrategy[Period]:
    """Validity windows (:class:`~cbcc_standards.Period`) inside ``min_value`` … ``max_value``.

    With ``open_ended`` either end may be None (open); without it both ends are dates. Examples shrink towards a
    window open on both sides (or, without ``open_ended``, towards the single day ``min_value``).
    """
    first = _check_date(min_value, "min_value")
    last = _check_date(max_value, "max_value")
    assert first is not None
    assert last is not None
    if last < first:
        raise InvalidArgument(f"max_value={last} is before min_value={first}")
    return _period(first, last, _check_bool(open_ended, "open_ended"))


@st.composite
def _period(draw: st.DrawFn, first: date, last: date, open_ended: bool) -> Period:
    start = None if open_ended and not draw(_BOOLEANS) else _day(draw, first, last)
    end = None if open_ended and not draw(_BOOLEANS) else _day(draw, start or first, last)
    return Period(start=start, end=end)


def texts() -> SearchStrategy[Text]:
    """Bilingual messages (:class:`~cbcc_standards.Text`): sample messages of the built-in rules, or any Unicode text
    that is not blank. Examples shrink towards the first sample message."""
    any_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).filter(str.strip)
    return st.sampled_from(_PHRASES) | st.builds(Text, vi=any_text, en=any_text)


def legal_bases(
    *, confidence: Confidence | str | None = None, effective_between: tuple[date, date] | None = None
) -> SearchStrategy[LegalBasis]:
    """Legal bases (:class:`~cbcc_standards.LegalBasis`) in the shape of Vietnamese legal documents
    (``"Thông tư 13/2019/TT-BNV"``, with issuer, article, clause, dates and confidence).

    ``confidence`` fixes the confidence; ``effective_between`` bounds the effective window. Examples shrink towards
    ``"Nghị định 1/2000/NĐ-CP"``, settled, with no article and an open effective window.
    """
    fixed = _check_enum(confidence, Confidence, "confidence")
    window = _check_range(effective_between, "effective_between") or (date(1990, 1, 1), date(2035, 12, 31))
    return _legal_basis(fixed, window)


@st.composite
def _legal_basis(draw: st.DrawFn, fixed: Confidence | None, window: tuple[date, date]) -> LegalBasis:
    kind, suffix, issuer = _pick(draw, _DOCUMENTS)
    year = draw(st.integers(2000, 2025))
    number = draw(st.integers(1, 200))
    article = str(draw(st.integers(1, 60))) if draw(_BOOLEANS) else None
    clause = str(draw(st.integers(1, 9))) if article and draw(_BOOLEANS) else None
    level = fixed if fixed is not None else _pick(draw, tuple(Confidence))
    effective = draw(_period(window[0], window[1], True))
    signed = _day(draw, date(year, 1, 1), date(year, 12, 31)) if draw(_BOOLEANS) else None
    return LegalBasis(
        document=f"{kind} {number}/{year}/{suffix}",
        issuer=issuer,
        article=article,
        clause=clause,
        signed=signed,
        effective=effective,
        confidence=level,
        note=None if level is Confidence.SETTLED else "Generated for a test.",
    )


# -- qualifications, evaluations, disciplines -----------------------------------------------------------------------


def levels(ladder: str, *, at_least: str | None = None) -> SearchStrategy[str]:
    """Level codes of a ladder (``"professional"``, ``"it"``, ``"evaluation"``, ``"discipline"``…), from
    ``at_least`` (a code of that ladder) upwards. Examples shrink towards the lowest level allowed."""
    found = _LADDERS.get(ladder)
    if found is None:
        raise InvalidArgument(f"ladder={ladder!r} is not one of: {', '.join(_LADDERS)}")
    codes = found.codes
    if at_least is not None:
        if at_least not in codes:
            raise InvalidArgument(f"at_least={at_least!r} is not a level of {ladder}: {', '.join(codes)}")
        codes = codes[codes.index(at_least) :]
    return st.sampled_from(codes)


def earliest_obtainable(kind: str, level: str | None, birth: date) -> date:
    """The first day someone born on ``birth`` can hold a qualification of ``kind`` at ``level``."""
    ages = _MIN_AGE[_check_kind(kind) or ""]
    return add_years(birth, ages.get(level, max(ages.values())))


def _qualification(
    draw: st.DrawFn, kind: str, level: str | None, obtained_on: date | None, complete: bool
) -> Qualification:
    def maybe(values: tuple[str, ...]) -> str | None:
        return _pick(draw, values) if _known(draw, complete) else None

    if kind == "general_education":
        return GeneralEducation(level=level or "thpt", obtained_on=obtained_on)
    if kind == "professional":
        return Professional(level=level or "dai_hoc", field=maybe(_FIELDS), obtained_on=obtained_on)
    if kind == "political_theory":
        lvl = level or "so_cap"
        administrative = lvl != "so_cap" and draw(_BOOLEANS)
        return PoliticalTheory(level=lvl, administrative=administrative, obtained_on=obtained_on)
    if kind == "state_management":
        return StateManagement(level=level or "chuyen_vien", obtained_on=obtained_on)
    if kind == "it":
        return ITSkill(level=level or "co_ban", obtained_on=obtained_on)
    if kind == "foreign_language":
        return ForeignLanguage(level=level or "bac_1", language=maybe(_LANGUAGES), obtained_on=obtained_on)
    return EthnicLanguage(language=maybe(_ETHNIC_LANGUAGES), obtained_on=obtained_on)


def qualifications(
    *,
    kind: str | None = None,
    at_least: str | None = None,
    obtained_between: tuple[date, date] | None = None,
    complete: bool = False,
) -> SearchStrategy[Qualification]:
    """Qualifications of any kind, or of ``kind`` (``"professional"``, ``"it"``… see :data:`QUALIFICATION_KINDS`).

    ``at_least`` (with ``kind``) draws levels from that rung of the kind's ladder upwards; ``obtained_between``
    bounds ``obtained_on`` (by default 1960–2035). With ``complete`` every optional field is set (``obtained_on``,
    the professional ``field``, the ``language``); otherwise each may be None (unknown).

    Examples shrink towards general education at the lowest rung (tiểu học), with unknown optional fields.
    """
    kind_ = _check_kind(kind)
    if at_least is not None:
        if kind_ is None or kind_ == "ethnic_language":
            raise InvalidArgument("at_least= needs kind= set to a qualification kind with levels")
        levels(kind_, at_least=at_least)  # checks the code
    window = _check_range(obtained_between, "obtained_between") or (date(1960, 1, 1), date(2035, 12, 31))
    return _any_qualification(kind_, at_least, window, _check_bool(complete, "complete"))


@st.composite
def _any_qualification(
    draw: st.DrawFn, kind: str | None, at_least: str | None, window: tuple[date, date], complete: bool
) -> Qualification:
    chosen = kind or _pick(draw, QUALIFICATION_KINDS)
    level = None
    if chosen != "ethnic_language":
        codes = _LADDERS[chosen].codes
        level = _pick(draw, codes[codes.index(at_least) :] if at_least else codes)
    obtained_on = _day(draw, *window) if _known(draw, complete) else None
    return _qualification(draw, chosen, level, obtained_on, complete)


def evaluations(*, years: tuple[int, int] = (2010, 2030)) -> SearchStrategy[Evaluation]:
    """Annual evaluations (:class:`~cbcc_standards.Evaluation`) of a year in ``years`` (both included).

    Examples shrink towards the first year, rated at the lowest rung ("không hoàn thành nhiệm vụ")."""
    if not (isinstance(years, tuple | list) and len(years) == 2 and all(isinstance(y, int) for y in years)):
        raise InvalidArgument(f"years={years!r} must be a pair of integers (first, last)")
    first, last = years
    if not 1945 <= first <= last <= 2200:
        raise InvalidArgument(f"years={years!r} must satisfy 1945 <= first <= last <= 2200")
    return st.builds(Evaluation, year=st.integers(first, last), level=levels("evaluation"))


def disciplines(
    *, decided_between: tuple[date, date] | None = None, complete: bool = False
) -> SearchStrategy[Discipline]:
    """Disciplinary measures (:class:`~cbcc_standards.Discipline`) decided within ``decided_between`` (by default
    2000–2030); with ``complete`` the decision date is always known.

    Examples shrink towards a reprimand (khiển trách) on an unknown date (or the first allowed date)."""
    window = _check_range(decided_between, "decided_between") or (date(2000, 1, 1), date(2030, 12, 31))
    decided: SearchStrategy[date | None] = _days(*window)
    if not _check_bool(complete, "complete"):
        decided = st.none() | decided
    # A form ND 172/2025 abolished is drawn only on dates before 01/07/2025 (the model refuses it after).
    return st.builds(_discipline, form=levels("discipline"), decided_on=decided)


# -- units and titles ------------------------------------------------------------------------------------------------


def _place(draw: st.DrawFn, tier: Tier) -> tuple[str, str]:
    """(code, place name) of a unit of ``tier``: ``("QN.BINH_SON.BINH_CHAU", "Bình Châu")``.

    Every tier draws the same three names, so that no tier has a shorter (simpler) example than another."""
    province, district, commune = draw(_PLACES)
    if tier is Tier.PROVINCE:
        return province, province
    if tier is Tier.DISTRICT:
        return f"{province}.{slugify(district).upper()}", district
    return f"{province}.{slugify(district).upper()}.{slugify(commune).upper()}", commune


@st.composite
def _unit_code(draw: st.DrawFn, tier: Tier) -> str:
    return _place(draw, tier)[0]


def units(
    *,
    tier: Tier | str | None = None,
    kind: UnitKind | str | None = None,
    difficult_area: bool | None = None,
    code: str | None = None,
) -> SearchStrategy[AdministrativeUnit]:
    """Administrative units: provinces, districts, and commune-level units with kind, class and area flags.

    ``tier`` fixes the tier; ``kind`` (commune-level only) the kind; ``difficult_area`` True gives communes with at
    least one difficult-area flag, False communes with none (None: either); ``code`` fixes the code. Codes look like
    the units file's (``QN.BINH_SON.BINH_CHAU``), with the parent's code as prefix.

    Examples shrink towards a commune (xã) of class 1 with no area flag.
    """
    tier_ = _check_enum(tier, Tier, "tier")
    kind_ = _check_enum(kind, UnitKind, "kind")
    if difficult_area is not None:
        _check_bool(difficult_area, "difficult_area")
    if code is not None and (not isinstance(code, str) or not code.strip() or code != code.strip()):
        raise InvalidArgument(f"code={code!r} must be a non-empty string without surrounding spaces")
    if tier_ not in (None, Tier.COMMUNE) and (kind_ is not None or difficult_area):
        raise InvalidArgument("kind= and difficult_area=True apply to commune-level units only")
    tiers = (tier_,) if tier_ else (Tier.COMMUNE, Tier.DISTRICT, Tier.PROVINCE)
    if kind_ is not None or difficult_area:
        tiers = (Tier.COMMUNE,)
    flags = st.frozensets(st.sampled_from(list(AreaFlag)), min_size=1 if difficult_area else 0, max_size=3)

    return _unit(tiers, kind_, difficult_area, code, flags)


@st.composite
def _unit(
    draw: st.DrawFn,
    tiers: tuple[Tier, ...],
    kind: UnitKind | None,
    difficult_area: bool | None,
    code: str | None,
    flags: SearchStrategy[frozenset[AreaFlag]],
) -> AdministrativeUnit:
    chosen = _pick(draw, tiers)
    unit_code, place = _place(draw, chosen)
    if code is not None:
        unit_code = code
    parent = unit_code.rpartition(".")[0] or None
    # Kind, class and flags are drawn for every tier, so that no tier has a shorter (simpler) example.
    unit_kind = kind or _pick(draw, tuple(UnitKind))
    commune_class = _pick(draw, (1, 2, 3))
    area_flags = frozenset() if difficult_area is False else draw(flags)
    if chosen is not Tier.COMMUNE:
        prefix = "Tỉnh" if chosen is Tier.PROVINCE else "Huyện"
        return AdministrativeUnit(code=unit_code, name=f"{prefix} {place}", tier=chosen, parent=parent)
    return AdministrativeUnit(
        code=unit_code,
        name=f"{_UNIT_PREFIX[unit_kind]} {place}",
        tier=Tier.COMMUNE,
        kind=unit_kind,
        parent=parent,
        commune_class=commune_class,
        area_flags=area_flags,
    )


def _matching_titles(
    catalogue: tuple[Title, ...],
    tier: Tier | None,
    category: Category | None,
    as_of: date | None,
    leadership: bool | None,
) -> tuple[Title, ...]:
    return tuple(
        t
        for t in catalogue
        if (tier is None or t.tier is tier)
        and (category is None or t.category is category)
        and (as_of is None or t.valid.contains(as_of))
        and (leadership is None or t.leadership is leadership)
    )


def _describe(**constraints: object) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in constraints.items() if v is not None) or "no constraint"


def titles(
    *,
    tier: Tier | str | None = None,
    category: Category | str | None = None,
    as_of: date | None = None,
    leadership: bool | None = None,
    catalogue: Iterable[Title] | TitleCatalogue | None = None,
) -> SearchStrategy[Title]:
    """Titles and ranks of the catalogue (by default the built-in one,
    :data:`cbcc_standards.rules.titles.TITLES`; pass ``catalogue=registry.titles`` to include plugins' titles).

    ``tier`` (ranks have none, so a tier excludes them), ``category``, ``as_of`` (titles that exist on that date) and
    ``leadership`` filter them; no title matching is an error. Examples shrink towards the first matching title in
    code order.
    """
    found = _matching_titles(
        _catalogue(catalogue),
        _check_enum(tier, Tier, "tier"),
        _check_enum(category, Category, "category"),
        _check_date(as_of, "as_of"),
        None if leadership is None else _check_bool(leadership, "leadership"),
    )
    if not found:
        raise InvalidArgument(
            f"no title matches {_describe(tier=tier, category=category, as_of=as_of, leadership=leadership)}"
        )
    return st.sampled_from(found)


# -- officials --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _OfficialSpec:
    titles: tuple[Title, ...]
    catalogue: tuple[Title, ...]
    as_of: date | None
    born: tuple[date, date]
    unit: SearchStrategy[str] | None
    complete: bool


def _birth_range(title: Title, seen: date, born: tuple[date, date]) -> tuple[date, date] | None:
    """Births that make someone 18–62 on ``seen`` and at least 18 while ``title`` exists."""
    first = max(born[0], _years_before(seen, MAX_WORKING_AGE))
    last = min(born[1], _years_before(seen, MIN_WORKING_AGE))
    if title.valid.end is not None:
        last = min(last, _years_before(title.valid.end, MIN_WORKING_AGE))
    return (first, last) if first <= last else None


def _seen_range(title: Title, born: tuple[date, date]) -> tuple[date, date] | None:
    """When an official holding ``title`` may be seen (no ``as_of``): while the title exists and they are 18–62."""
    first = max(add_years(born[0], MIN_WORKING_AGE), title.valid.start or _SEEN_MIN, _SEEN_MIN)
    last = min(add_years(born[1], MAX_WORKING_AGE), title.valid.end or _SEEN_MAX, _SEEN_MAX)
    return (first, last) if first <= last else None


@lru_cache(maxsize=16384)
def _feasible(title: Title, as_of: date | None, born: tuple[date, date]) -> bool:
    if as_of is None:
        return _seen_range(title, born) is not None
    if title.valid.start is not None and title.valid.start > as_of:
        return False
    return _birth_range(title, as_of, born) is not None


def _record(draw: st.DrawFn, birth: date, seen: date, complete: bool) -> tuple[Qualification, ...]:
    """A qualification record: mostly general education and a professional level, the rest now and then."""
    held: list[Qualification] = []
    professional = draw(st.integers(0, 5))
    counts = {
        "general_education": draw(st.integers(0, 9)) > 0,
        "professional": 0 if professional == 0 else 2 if professional == 5 else 1,
        "political_theory": draw(st.integers(0, 2)) > 0,
        "state_management": draw(st.integers(0, 2)) > 0,
        "it": draw(st.integers(0, 2)) > 0,
        "foreign_language": draw(st.integers(0, 2)) > 0,
        "ethnic_language": draw(st.integers(0, 9)) > 8,
    }
    for kind in QUALIFICATION_KINDS:
        for _ in range(int(counts[kind])):
            level = None if kind == "ethnic_language" else draw(_LEVEL_CODES[kind])
            first = earliest_obtainable(kind, level, birth)
            if first > seen:
                continue  # too young on the date seen to hold that level
            obtained_on = _day(draw, first, seen) if _known(draw, complete) else None
            held.append(_qualification(draw, kind, level, obtained_on, complete))
    return tuple(held)


def _years_in_service(draw: st.DrawFn, recruited: date, seen: date) -> tuple[int, ...]:
    """Up to five consecutive years, the latest before the year seen, none before recruitment."""
    first = recruited.year
    last = seen.year - 1
    if last < first:
        return ()
    count = draw(st.integers(0, min(5, last - first + 1)))
    return tuple(range(last - count + 1, last + 1))


@st.composite
def _official(draw: st.DrawFn, spec: _OfficialSpec, ids: SearchStrategy[str]) -> Official:
    title = _pick(draw, spec.titles)
    if spec.as_of is not None:
        seen = spec.as_of
    else:
        seen_range = _seen_range(title, spec.born)
        assert seen_range is not None
        seen = draw(st.dates(*seen_range))
    birth_range = _birth_range(title, seen, spec.born)
    assert birth_range is not None
    birth = draw(st.dates(*birth_range))
    adult = add_years(birth, MIN_WORKING_AGE)
    appointed = _day(draw, max(adult, title.valid.start or adult), min(seen, title.valid.end or seen))
    recruited = _day(draw, adult, appointed)
    gender = _pick(draw, (Gender.MALE, Gender.FEMALE))
    name = f"{_pick(draw, _FAMILY)} {_pick(draw, _MIDDLE[gender])} {_pick(draw, _GIVEN[gender])}"
    unit = draw(spec.unit) if spec.unit is not None else draw(_unit_code(title.tier or Tier.COMMUNE))
    evaluations_ = tuple(
        Evaluation(year=y, level=draw(_LEVEL_CODES["evaluation"])) for y in _years_in_service(draw, recruited, seen)
    )
    # Disciplines fall in the last three years as often as earlier, so that they meet the evaluations.
    recent = max(recruited, date(seen.year - 3, 1, 1))
    disciplines_ = tuple(
        _discipline(
            draw(_LEVEL_CODES["discipline"]),
            _day(draw, *((recent, seen) if draw(_BOOLEANS) else (recruited, seen)))
            if _known(draw, spec.complete)
            else None,
        )
        for _ in range(max(0, draw(st.integers(0, 4)) - 2))
    )
    leaders = tuple(t.code for t in spec.catalogue if t.leadership and t.code != title.code)
    planned = tuple(dict.fromkeys(_pick(draw, leaders) for _ in range(draw(st.integers(0, 2))))) if leaders else ()
    if draw(_BOOLEANS):
        planned = (title.code, *planned)
    values: dict[str, Any] = {
        "id": draw(ids),
        "full_name": name,
        "gender": gender,
        "birth_date": birth,
        "category": title.category,
        "title": title.code,
        "unit": unit,
        "recruited_on": recruited,
        "appointed_on": appointed,
        "planned_titles": planned,
        "qualifications": _record(draw, birth, seen, spec.complete),
        "evaluations": evaluations_,
        "disciplines": disciplines_,
        **_person_fields(draw, title, adult, seen, spec.complete),
    }
    if not spec.complete:
        for field in draw(_UNKNOWN_FIELDS):
            values[field] = None
    return Official(**values)


_ABOLISHED: Final = frozenset({"ha_bac_luong", "giang_chuc"})


def _discipline(form: str, decided_on: date | None) -> Discipline:
    """A discipline of a form that exists on its date (ND 172/2025 abolished two forms from 01/07/2025)."""
    start = ND_172_2025.effective.start
    if form in _ABOLISHED and (decided_on is None or (start is not None and decided_on >= start)):
        form = "canh_cao"
    return Discipline(form=form, decided_on=decided_on)


_MINORITIES: Final = tuple(g.code for g in ETHNIC_GROUPS if g.minority)
_RELIGIONS: Final = ("Không", "Phật giáo", "Công giáo", "Tin lành", "Cao Đài")


def _person_fields(draw: st.DrawFn, title: Title, adult: date, seen: date, complete: bool) -> dict[str, Any]:
    """Ethnicity (mostly Kinh), Party membership, religion, rank and job position; unknown now and then unless
    ``complete``."""
    ethnicity = MAJORITY if draw(st.integers(0, 9)) < 7 else _pick(draw, _MINORITIES)
    member = complete or draw(st.integers(0, 9)) < 7
    values: dict[str, Any] = {
        "ethnicity": ethnicity,
        "party_joined_on": _day(draw, adult, seen) if member else None,
        "party_member": member,
        "religion": _pick(draw, _RELIGIONS),
        "rank_code": _pick(draw, ("01.002", "01.003", "01.004")),
        "job_position": title.name_vi,
        "rotated": draw(st.integers(0, 19)) == 0,
    }
    if not complete:
        for name in ("ethnicity", "religion", "rank_code", "job_position", "rotated"):
            if draw(st.integers(0, 9)) == 0:
                values[name] = None
    return values


def officials(
    *,
    tier: Tier | str | None = None,
    category: Category | str | None = None,
    title: str | Title | None = None,
    as_of: date | None = None,
    born_between: tuple[date, date] | None = None,
    unit: str | AdministrativeUnit | SearchStrategy[str] | None = None,
    complete: bool = False,
    catalogue: Iterable[Title] | TitleCatalogue | None = None,
    ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Official]:
    """Valid, realistic officials (:class:`~cbcc_standards.Official`).

    Constraints (all keyword-only, checked at once):

    - ``title`` (a code or a :class:`~cbcc_standards.Title`) fixes the title; otherwise it is drawn from the
      ``catalogue`` (default: the built-in one) among the titles of ``tier`` and ``category`` that exist on the date
      the official is seen. The official's ``category`` is their title's.
    - ``as_of``: the official as seen on that date: aged 18–62, every date in the record on or before it.
    - ``born_between`` (default 1955–2005): bounds of the birth date.
    - ``unit``: a unit code, a unit, or a strategy for codes (default: a code of the title's tier).
    - ``complete``: no missing data: every scalar set, the qualification, evaluation and discipline records known,
      every qualification's field or language and date known. Otherwise up to four facts are unknown (None).
    - ``ids``: a strategy for ``id`` (default ``CB-00001`` …).

    The record is realistic: recruited at 18 or later, appointed after recruitment while the title exists,
    qualifications obtained at an age one can obtain them (no doctorate at 20), evaluations only for years in
    service, disciplines decided while in service.

    Examples shrink towards an official with no unknown fact, the first title in code order, seen on 1 January 2000
    (or on ``as_of``) and born as close to that day as allowed, recruited and appointed on their 18th birthday (or as
    soon as the title exists), with empty qualification, evaluation and discipline records.
    """
    tier_ = _check_enum(tier, Tier, "tier")
    category_ = _check_enum(category, Category, "category")
    as_of_ = _check_date(as_of, "as_of")
    born = _check_range(born_between, "born_between") or DEFAULT_BORN_BETWEEN
    complete_ = _check_bool(complete, "complete")
    known = _catalogue(catalogue)
    if isinstance(title, str):
        found = next((t for t in known if t.code == title), None)
        if found is None:
            raise InvalidArgument(f"title={title!r} is not in the catalogue")
        title = found
    if title is not None:
        if not isinstance(title, Title):
            raise InvalidArgument(f"title={title!r} must be a title code or a Title")
        if (tier_ and title.tier is not tier_) or (category_ and title.category is not category_):
            raise InvalidArgument(f"title={title.code!r} does not match tier={tier!r}, category={category!r}")
        candidates: tuple[Title, ...] = (title,)
    else:
        candidates = _matching_titles(known, tier_, category_, as_of_, None)
    feasible = tuple(t for t in candidates if _feasible(t, as_of_, born))
    if not feasible:
        raise InvalidArgument(
            "no official can be drawn for "
            + _describe(tier=tier, category=category, title=getattr(title, "code", None), as_of=as_of)
            + f" born between {born[0]} and {born[1]}: no such title exists then, or nobody born then is "
            f"{MIN_WORKING_AGE}–{MAX_WORKING_AGE} while it exists"
        )
    unit_strategy: SearchStrategy[str] | None
    if unit is None:
        unit_strategy = None
    elif isinstance(unit, AdministrativeUnit):
        unit_strategy = st.just(unit.code)
    elif isinstance(unit, str):
        if not unit.strip():
            raise InvalidArgument("unit= must not be empty")
        unit_strategy = st.just(unit)
    elif isinstance(unit, SearchStrategy):
        unit_strategy = unit
    else:
        raise InvalidArgument(f"unit={unit!r} must be a unit code, an AdministrativeUnit or a strategy")
    if ids is not None and not isinstance(ids, SearchStrategy):
        raise InvalidArgument(f"ids={ids!r} must be a strategy for strings")
    spec = _OfficialSpec(feasible, known, as_of_, born, unit_strategy, complete_)
    return _official(spec, ids if ids is not None else _IDS)


# -- results, delegations, deadlines -----------------------------------------------------------------------------------


_RULE_CODES = ("CX-CC-2023-PROF", "CX-CC-2019-IT", "CX-CT-2023-LLCT", "RANK-CV-PROF", "EVAL-2020-2Y")
_MISSING = ("qualifications", "birth_date", "unit", "recruited_on", "appointed_on", "qualifications.field")


def findings(
    *, outcome: Outcome | str | None = None, rule: str | None = None, as_of: date | None = None
) -> SearchStrategy[Finding]:
    """Findings as the engine builds them: ``missing`` only when ``undetermined``, a deadline on ``grace`` findings
    (on or after ``as_of`` when given) and possibly on ``not_met`` ones (before ``as_of``), at least one legal basis,
    ``provisional`` when a basis is.

    ``outcome`` and ``rule`` fix those fields. Examples shrink towards a ``met`` finding of the first sample rule
    citing one basis.
    """
    fixed = _check_enum(outcome, Outcome, "outcome")
    day = _check_date(as_of, "as_of")
    if rule is not None and (not isinstance(rule, str) or not rule):
        raise InvalidArgument(f"rule={rule!r} must be a rule code")
    return _finding(fixed, rule, day)


_BASES: Final = st.lists(_legal_basis(None, (date(1990, 1, 1), date(2035, 12, 31))), min_size=1, max_size=3)
_SOURCES: Final = ("", "cbcc_standards.rules.commune_civil_servants_2023", "quang_ngai")
_TEXTS: Final = texts()
_MESSAGES: Final = (
    st.sampled_from(
        (
            Message.of("min_age.met", age=30, years=18),
            Message.of(
                "min_level.short",
                subject=Message.of("ladder.professional"),
                required=Message.of("held.level", ladder="professional", level="dai_hoc"),
                held=Message.of("held.level", ladder="professional", level="trung_cap"),
            ),
            Message.of("common.missing", subject=Message.of("subject.min_age"), fields=("birth_date",)),
        )
    )
    | _TEXTS
)


@st.composite
def _finding(draw: st.DrawFn, fixed: Outcome | None, rule: str | None, day: date | None) -> Finding:
    result = fixed or _pick(draw, tuple(Outcome))
    basis = tuple(draw(_BASES))
    deadline: date | None = None
    if result is Outcome.GRACE:
        first = day or date(2019, 1, 1)
        deadline = _day(draw, first, add_years(first, 6))
    elif result is Outcome.NOT_MET and day is not None and draw(_BOOLEANS):
        deadline = _day(draw, add_years(day, -5), day - timedelta(days=1))
    missing: tuple[str, ...] = ()
    if result is Outcome.UNDETERMINED:
        missing = tuple(dict.fromkeys(_pick(draw, _MISSING) for _ in range(draw(st.integers(0, 2)))))
    codes = _LADDERS["professional"].codes
    return Finding(
        rule=rule or _pick(draw, _RULE_CODES),
        outcome=result,
        basis=basis,
        message=draw(_MESSAGES),
        required=MinLevel(ladder="professional", level=_pick(draw, codes)) if draw(_BOOLEANS) else None,
        actual=_pick(draw, codes) if draw(_BOOLEANS) else None,
        missing=missing,
        deadline=deadline,
        provisional=any(b.provisional for b in basis),
        source=_pick(draw, _SOURCES),
    )


def assessments(*, as_of: date | None = None, max_findings: int = 6) -> SearchStrategy[Assessment]:
    """Assessments built like the engine's (:meth:`Assessment.of`: status, action and deadline derived from the
    findings), with up to ``max_findings`` findings of distinct rules.

    Examples shrink towards a compliant assessment with no finding, on 1 January 2010 (or ``as_of``).
    """
    day = _check_date(as_of, "as_of")
    if not isinstance(max_findings, int) or isinstance(max_findings, bool) or max_findings < 0:
        raise InvalidArgument(f"max_findings={max_findings!r} must be a non-negative integer")
    return _assessment(day, max_findings)


@st.composite
def _assessment(draw: st.DrawFn, day: date | None, max_findings: int) -> Assessment:
    on = day or _day(draw, date(2010, 1, 1), date(2030, 12, 31))
    codes = tuple(dict.fromkeys(_pick(draw, _RULE_CODES) for _ in range(draw(st.integers(0, max_findings)))))
    found = tuple(draw(_finding(None, code, on)) for code in codes)
    return Assessment.of(
        id=draw(_IDS),
        as_of=on,
        findings=found,
        full_name=f"{_pick(draw, _FAMILY)} Văn An" if draw(_BOOLEANS) else None,
        title=_pick(draw, ("commune.tai_chinh_ke_toan", "commune.chu_tich_ubnd")) if draw(_BOOLEANS) else None,
        unit=_place(draw, Tier.COMMUNE)[0] if draw(_BOOLEANS) else None,
    )


def delegations(*, switch: str | None = None, unit_codes: Collection[str] | None = None) -> SearchStrategy[Delegation]:
    """Delegated exceptions (:class:`~cbcc_standards.Delegation`) of a switch the built-in rules honour (or
    ``switch``), for the listed ``unit_codes`` (None: drawn; a delegation may also name no unit, meaning every
    difficult-area commune). Examples shrink towards the civil-servant trung cấp switch for every difficult-area
    commune, open-ended."""
    if switch is not None and (not isinstance(switch, str) or not switch):
        raise InvalidArgument(f"switch={switch!r} must be a non-empty string")
    if unit_codes is not None and (isinstance(unit_codes, str) or not all(isinstance(c, str) for c in unit_codes)):
        raise InvalidArgument(f"unit_codes={unit_codes!r} must be a collection of unit codes")
    return _delegation(switch, None if unit_codes is None else frozenset(unit_codes))


@st.composite
def _delegation(draw: st.DrawFn, switch: str | None, unit_codes: frozenset[str] | None) -> Delegation:
    codes = unit_codes
    if codes is None and draw(_BOOLEANS):
        codes = frozenset(_place(draw, Tier.COMMUNE)[0] for _ in range(draw(st.integers(1, 3))))
    valid = draw(_period(date(2015, 1, 1), date(2030, 12, 31), True))
    # The act that switches the exception on is in force while the delegation is (registration checks it).
    basis = draw(_legal_basis(None, (date(1990, 1, 1), date(2035, 12, 31)))).model_copy(update={"effective": valid})
    return Delegation(switch=switch or _pick(draw, _SWITCHES), units=codes, valid=valid, basis=basis)


def deadlines(
    *,
    jurisdiction: str | None = None,
    rules: Sequence[str] | None = None,
    due_between: tuple[date, date] | None = None,
) -> SearchStrategy[Deadline]:
    """Dated remediation deadlines (:class:`~cbcc_standards.Deadline`) of ``jurisdiction`` (default: drawn), for all
    rules or a subset of ``rules`` (rule codes; None: sample codes), due within ``due_between`` (default 2015–2030).
    Examples shrink towards a deadline for every rule, valid for an open-ended window, due on the first allowed
    date."""
    if jurisdiction is not None and (not isinstance(jurisdiction, str) or not jurisdiction):
        raise InvalidArgument(f"jurisdiction={jurisdiction!r} must be a non-empty string")
    if rules is not None and (isinstance(rules, str) or not all(isinstance(r, str) for r in rules)):
        raise InvalidArgument(f"rules={rules!r} must be a sequence of rule codes")
    window = _check_range(due_between, "due_between") or (date(2015, 1, 1), date(2030, 12, 31))
    return _deadline(jurisdiction, tuple(rules) if rules is not None else _RULE_CODES, window)


@st.composite
def _deadline(
    draw: st.DrawFn, jurisdiction: str | None, pool: tuple[str, ...], due_between: tuple[date, date]
) -> Deadline:
    place = jurisdiction or _pick(draw, ("quang_ngai", "tinh_mau", "test"))
    due = _day(draw, *due_between)
    prefix = slugify(place).upper().replace("_", "")[:6] or "P"
    rules: frozenset[str] | None = None
    if draw(_BOOLEANS) and pool:
        rules = frozenset(_pick(draw, pool) for _ in range(draw(st.integers(1, 3))))
    valid = draw(_period(date(2015, 1, 1), date(2030, 12, 31), True))
    # The directive is in force while its deadline is (registration checks it).
    basis = draw(_legal_basis(None, (date(1990, 1, 1), date(2035, 12, 31)))).model_copy(update={"effective": valid})
    return Deadline(
        code=f"{prefix}-{due.year}-{draw(st.integers(1, 9999))}",
        jurisdiction=place,
        due=due,
        valid=valid,
        rules=rules,
        basis=basis,
        title=draw(_TEXTS),
    )
