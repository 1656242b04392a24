"""Reusable annotated types: dates in the forms records use, ladder levels, codes."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ._text import slugify
from .dates import DateParseError, Gender, parse_legal_date
from .ethnicity import UnknownEthnicityError, parse_ethnicity
from .ladders import (
    DISCIPLINE,
    EVALUATION,
    FOREIGN_LANGUAGE,
    GENERAL_EDUCATION,
    IT_SKILL,
    POLITICAL_THEORY,
    PROFESSIONAL,
    STATE_MANAGEMENT,
    Ladder,
    UnknownLevelError,
)

__all__ = [
    "Category",
    "CategoryField",
    "Code",
    "DisciplineForm",
    "EthnicityField",
    "EvaluationLevel",
    "ForeignLanguageLevel",
    "GenderField",
    "GeneralEducationLevel",
    "ITLevel",
    "LegalDate",
    "PoliticalTheoryLevel",
    "ProfessionalLevel",
    "StateManagementLevel",
]


def _to_date(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return _parse_date(value)
    except DateParseError as exc:
        raise PydanticCustomError(DateParseError.code, str(exc)) from None


_parse_date = lru_cache(maxsize=1 << 15)(parse_legal_date)
""":func:`parse_legal_date`, cached (pure; a roster repeats its dates): the texts of invalid dates are not kept."""


LegalDate = Annotated[
    date,
    BeforeValidator(_to_date),
    WithJsonSchema(
        {
            "type": "string",
            "description": "YYYY-MM-DD, dd/mm/yyyy, mm/yyyy or yyyy (partial dates: the 1st of the month / 01/01)",
            "examples": ["1985-04-12", "12/04/1985", "04/1985", "1985"],
        }
    ),
]
"""A date given as ISO ``YYYY-MM-DD``, ``dd/mm/yyyy``, ``mm/yyyy`` or ``yyyy`` (ND 135/2020 Art 3 for partial dates)."""

Code = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")]
"""A non-empty identifier without surrounding white space."""


def _level(ladder: Ladder) -> Any:
    codes = frozenset(ladder.codes)

    def parse(value: Any) -> Any:
        if value.__class__ is str and value in codes:  # a code already (most rows)
            return value
        try:
            return ladder.parse(value)
        except UnknownLevelError as exc:
            raise PydanticCustomError(UnknownLevelError.code, str(exc)) from None

    return Annotated[
        str,
        BeforeValidator(parse),
        WithJsonSchema(
            {
                "type": "string",
                "enum": list(ladder.codes),
                "description": f"{ladder.en} ({ladder.vi}); Vietnamese spellings such as "
                f"{ladder.levels[-1].vi!r} are accepted too",
            }
        ),
    ]


GeneralEducationLevel = _level(GENERAL_EDUCATION)
ProfessionalLevel = _level(PROFESSIONAL)
PoliticalTheoryLevel = _level(POLITICAL_THEORY)
StateManagementLevel = _level(STATE_MANAGEMENT)
ITLevel = _level(IT_SKILL)
ForeignLanguageLevel = _level(FOREIGN_LANGUAGE)
EvaluationLevel = _level(EVALUATION)
DisciplineForm = _level(DISCIPLINE)


def _ethnicity(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if not value.strip():
        return None
    try:
        return parse_ethnicity(value)
    except UnknownEthnicityError as exc:
        raise PydanticCustomError(UnknownEthnicityError.code, str(exc)) from None


EthnicityField = Annotated[
    str,
    BeforeValidator(_ethnicity),
    WithJsonSchema(
        {
            "type": "string",
            "description": "Ethnic group (dân tộc): its name in any common spelling (Kinh, Hrê, Xơ-đăng, Ca Dong, "
            "Mông (Mèo), Khơ-me…) or its code",
            "examples": ["Kinh", "Hrê", "Ca Dong"],
        }
    ),
]
"""An ethnic group code (``kinh``, ``hre``, ``xo_dang``…) read from any common spelling."""


class Category(StrEnum):
    """Category of a public servant."""

    CAN_BO = "can_bo"
    CONG_CHUC = "cong_chuc"
    VIEN_CHUC = "vien_chuc"
    KHONG_CHUYEN_TRACH = "khong_chuyen_trach"


_GENDERS = {
    "male": Gender.MALE,
    "nam": Gender.MALE,
    "m": Gender.MALE,
    "female": Gender.FEMALE,
    "nu": Gender.FEMALE,
    "f": Gender.FEMALE,
}
_CATEGORIES = {
    slugify(k): v
    for k, v in {
        "cán bộ": "can_bo",
        "công chức": "cong_chuc",
        "viên chức": "vien_chuc",
        "không chuyên trách": "khong_chuyen_trach",
        "người hoạt động không chuyên trách": "khong_chuyen_trach",
    }.items()
}


def _gender(value: Any) -> Any:
    return _GENDERS.get(slugify(value), value) if isinstance(value, str) else value


def _category(value: Any) -> Any:
    return _CATEGORIES.get(slugify(value), value) if isinstance(value, str) else value


GenderField = Annotated[Gender, BeforeValidator(_gender)]
"""``male`` / ``female``; ``Nam`` / ``Nữ`` accepted."""
CategoryField = Annotated[Category, BeforeValidator(_category)]
"""A :class:`Category` code; the Vietnamese names (``Cán bộ``, ``Công chức``…) accepted."""
