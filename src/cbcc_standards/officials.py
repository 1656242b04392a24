"""Officials and their record: qualifications, evaluations, disciplines."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ._text import slugify
from .ladders import (
    FOREIGN_LANGUAGE,
    GENERAL_EDUCATION,
    IT_SKILL,
    POLITICAL_THEORY,
    PROFESSIONAL,
    STATE_MANAGEMENT,
    Ladder,
)
from .titles import TitleCatalogue, UnknownTitleError
from .types import (
    CategoryField,
    Code,
    DisciplineForm,
    EvaluationLevel,
    ForeignLanguageLevel,
    GenderField,
    GeneralEducationLevel,
    ITLevel,
    LegalDate,
    PoliticalTheoryLevel,
    ProfessionalLevel,
    StateManagementLevel,
)

__all__ = [
    "QUALIFICATION_LADDERS",
    "Discipline",
    "EthnicLanguage",
    "Evaluation",
    "ForeignLanguage",
    "GeneralEducation",
    "ITSkill",
    "Official",
    "PoliticalTheory",
    "Professional",
    "Qualification",
    "QualificationKind",
    "StateManagement",
]

QualificationKind = Literal[
    "general_education",
    "professional",
    "political_theory",
    "state_management",
    "it",
    "foreign_language",
    "ethnic_language",
]

_MODEL = ConfigDict(frozen=True, extra="forbid")


class _Qualification(BaseModel):
    model_config = _MODEL
    obtained_on: LegalDate | None = None
    """When the diploma or certificate was obtained, if known."""


class GeneralEducation(_Qualification):
    """General education completed (tiểu học, THCS, THPT)."""

    kind: Literal["general_education"] = "general_education"
    level: GeneralEducationLevel


class Professional(_Qualification):
    """A professional qualification (sơ cấp … tiến sĩ) in a field of study (``"luật"``, ``"kế toán"``)."""

    kind: Literal["professional"] = "professional"
    level: ProfessionalLevel
    field: str | None = None


class PoliticalTheory(_Qualification):
    """Political theory (lý luận chính trị): sơ cấp, trung cấp, cao cấp (cử nhân chính trị counts as cao cấp).

    ``administrative`` marks the "lý luận chính trị – hành chính" programmes; it is set when the level is written that
    way ("Cao cấp LLCT - hành chính"). Cao cấp LLCT–HC also satisfies the CVCC state-management standard.
    """

    kind: Literal["political_theory"] = "political_theory"
    level: PoliticalTheoryLevel
    administrative: bool = False

    @model_validator(mode="before")
    @classmethod
    def _administrative(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("level"), str) and "administrative" not in data:
            slug = slugify(data["level"])
            if "hanh_chinh" in slug or slug.endswith("_hc"):
                return {**data, "administrative": True}
        return data


class StateManagement(_Qualification):
    """State-management (QLNN) training certificate by rank level."""

    kind: Literal["state_management"] = "state_management"
    level: StateManagementLevel


class ITSkill(_Qualification):
    """IT-skill certificate (TT 03/2014/TT-BTTTT)."""

    kind: Literal["it"] = "it"
    level: ITLevel


class ForeignLanguage(_Qualification):
    """Foreign-language certificate on the six-level framework (TT 01/2014/TT-BGDĐT)."""

    kind: Literal["foreign_language"] = "foreign_language"
    level: ForeignLanguageLevel
    language: str | None = None


class EthnicLanguage(_Qualification):
    """Ethnic-minority language certificate."""

    kind: Literal["ethnic_language"] = "ethnic_language"
    language: str | None = None


Qualification = Annotated[
    GeneralEducation | Professional | PoliticalTheory | StateManagement | ITSkill | ForeignLanguage | EthnicLanguage,
    Field(discriminator="kind"),
]
"""Any qualification, discriminated by ``kind``."""

QUALIFICATION_LADDERS: dict[str, Ladder] = {
    "general_education": GENERAL_EDUCATION,
    "professional": PROFESSIONAL,
    "political_theory": POLITICAL_THEORY,
    "state_management": STATE_MANAGEMENT,
    "it": IT_SKILL,
    "foreign_language": FOREIGN_LANGUAGE,
}
"""The ladder of each qualification kind that has levels."""


class Evaluation(BaseModel):
    """The annual evaluation and classification of one year."""

    model_config = _MODEL
    year: int = Field(ge=1945, le=2200)
    level: EvaluationLevel


class Discipline(BaseModel):
    """A disciplinary measure and the date it was decided."""

    model_config = _MODEL
    form: DisciplineForm
    decided_on: LegalDate | None = None


def _resolve(catalogue: TitleCatalogue, value: Any) -> str:
    try:
        return catalogue.resolve(value)
    except UnknownTitleError as exc:
        raise PydanticCustomError(UnknownTitleError.code, str(exc)) from None


class Official(BaseModel):
    """A cadre or civil servant as a roster row describes them.

    A scalar that is None is *unknown*, never defaulted: rules that need it give ``undetermined``. The qualification
    list is the record: a qualification not listed is not held; ``qualifications=None`` means the record is unknown.
    The same holds for ``disciplines`` and ``evaluations``.
    """

    model_config = _MODEL

    id: Code
    full_name: str | None = None
    gender: GenderField | None = None
    birth_date: LegalDate | None = None
    category: CategoryField | None = None
    title: str | None = None
    """Title code (``commune.tai_chinh_ke_toan``); with a catalogue in the validation context, names are accepted."""
    unit: str | None = None
    """Code of the administrative unit the official works in."""
    recruited_on: LegalDate | None = None
    appointed_on: LegalDate | None = None
    """Date of the (first) appointment or election to the current title."""
    planned_titles: tuple[str, ...] = ()
    qualifications: tuple[Qualification, ...] | None = None
    evaluations: tuple[Evaluation, ...] | None = None
    """Annual evaluations; None: not supplied (evaluation rules are then not checked)."""
    disciplines: tuple[Discipline, ...] | None = None
    """Disciplinary measures; ``[]`` means none, None means unknown (appraisals then ask for it)."""

    @field_validator("title", mode="before")
    @classmethod
    def _resolve_title(cls, value: Any, info: ValidationInfo) -> Any:
        catalogue = info.context.get("titles") if isinstance(info.context, dict) else None
        if isinstance(catalogue, TitleCatalogue) and value is not None and value != "":
            return _resolve(catalogue, value)
        return value or None

    @field_validator("planned_titles", mode="before")
    @classmethod
    def _resolve_planned(cls, value: Any, info: ValidationInfo) -> Any:
        catalogue = info.context.get("titles") if isinstance(info.context, dict) else None
        if isinstance(catalogue, TitleCatalogue) and isinstance(value, list | tuple):
            return tuple(_resolve(catalogue, v) for v in value)
        return value

    @cached_property
    def _highest(self) -> dict[str, Any]:
        best: dict[str, Any] = {}
        for q in self.qualifications or ():
            ladder = QUALIFICATION_LADDERS.get(q.kind)
            if ladder is None:
                continue
            level: str = q.level  # type: ignore[union-attr]
            current = best.get(q.kind)
            if current is None or ladder.rank(level) > ladder.rank(current):
                best[q.kind] = level
        return best

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Official:
        """A copy (see pydantic); the cached highest levels are dropped so an updated record is read afresh."""
        copy = super().model_copy(update=update, deep=deep)
        copy.__dict__.pop("_highest", None)
        return copy

    def highest(self, kind: str) -> str | None:
        """The highest level held of a qualification kind, or None when none is listed.

        Check :attr:`qualifications` for None first: None there means the record is unknown.
        """
        result: str | None = self._highest.get(kind)
        return result

    def service_start(self) -> date | None:
        """The earliest known of recruitment and appointment dates, or None."""
        known = [d for d in (self.recruited_on, self.appointed_on) if d is not None]
        return min(known) if known else None
