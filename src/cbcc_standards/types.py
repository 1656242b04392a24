"""Reusable annotated types: dates in the forms records use, ladder levels, codes."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from .dates import parse_legal_date
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
)

__all__ = [
    "Category",
    "Code",
    "DisciplineForm",
    "EvaluationLevel",
    "ForeignLanguageLevel",
    "GeneralEducationLevel",
    "ITLevel",
    "LegalDate",
    "PoliticalTheoryLevel",
    "ProfessionalLevel",
    "StateManagementLevel",
]


def _to_date(value: Any) -> Any:
    return parse_legal_date(value) if isinstance(value, str) else value


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
    def parse(value: Any) -> Any:
        return ladder.parse(value)

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


class Category(StrEnum):
    """Category of a public servant."""

    CAN_BO = "can_bo"
    CONG_CHUC = "cong_chuc"
    VIEN_CHUC = "vien_chuc"
    KHONG_CHUYEN_TRACH = "khong_chuyen_trach"
