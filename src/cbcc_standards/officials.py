"""Officials and their record: qualifications, evaluations, disciplines."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ._text import slugify
from .dates import fmt_date
from .ethnicity import UnknownEthnicityError, is_minority, parse_ethnicity
from .ladders import (
    DISCIPLINE,
    FOREIGN_LANGUAGE,
    GENERAL_EDUCATION,
    IT_SKILL,
    POLITICAL_THEORY,
    PROFESSIONAL,
    STATE_MANAGEMENT,
    Ladder,
)
from .law.sources import ND_172_2025
from .reading.qualtext import read_qualification
from .titles import TitleCatalogue, UnknownTitleError
from .types import (
    CategoryField,
    Code,
    DisciplineForm,
    EthnicityField,
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
    "LegacyCertificate",
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

LegacyCertificate = Literal["A", "B", "C"]
"""The old A/B/C IT and foreign-language certificates."""


class _Qualification(BaseModel):
    model_config = _MODEL
    obtained_on: LegalDate | None = None
    """When the diploma or certificate was obtained, if known."""
    raw: str | None = None
    """The record's own words for it ("Cử nhân Luật", "Anh B"), kept when the level was read from free text or could
    not be placed on the ladder."""

    @model_validator(mode="before")
    @classmethod
    def _free_text(cls, data: Any) -> Any:
        """A level written as free text ("Cử nhân Luật", "CVC và TĐ", "Anh B") is read with the qualification reader:
        one credential gives the level, its field (or language) and flags; an old A/B/C certificate gives level None,
        ``legacy`` and ``raw``. Anything else is left to the level's own validator, which rejects it. A level None
        needs the raw text (the qualification would say nothing otherwise)."""
        if not isinstance(data, dict) or "level" not in data:
            return data
        text = data["level"]
        if text is None:
            if data.get("raw") is None:
                raise PydanticCustomError(
                    "level_or_raw", "a qualification needs a level, or its raw text when the level is not known"
                )
            return data
        ladder = _LADDER_OF.get(cls)
        if ladder is None or not isinstance(text, str) or text in _CODES[ladder.name]:
            return data
        reading = read_qualification(ladder.name, text)
        if reading.status not in ("mapped", "known_unmapped") or len(reading.credentials) != 1:
            return data
        credential = reading.credentials[0]
        if not credential.recognised:
            return data
        found: dict[str, Any] = {"level": credential.level, "raw": text}
        for name in ("field", "language", "legacy", "bachelor", "administrative"):
            value = getattr(credential, name)
            if value and name in cls.model_fields:
                found[name] = value
        return found | {k: v for k, v in data.items() if k != "level" and v is not None}


class GeneralEducation(_Qualification):
    """General education completed (tiểu học, THCS, THPT)."""

    kind: Literal["general_education"] = "general_education"
    level: GeneralEducationLevel | None
    """None: held, but its level is not known (see ``raw``)."""


class Professional(_Qualification):
    """A professional qualification (sơ cấp … tiến sĩ) in a field of study (``"luật"``, ``"kế toán"``)."""

    kind: Literal["professional"] = "professional"
    level: ProfessionalLevel | None
    """None: held, but its level is not known (see ``raw``)."""
    field: str | None = None


class PoliticalTheory(_Qualification):
    """Political theory (lý luận chính trị): sơ cấp, trung cấp, cao cấp (cử nhân chính trị counts as cao cấp).

    ``administrative`` marks the "lý luận chính trị – hành chính" programmes; it is set when the level is written that
    way ("Cao cấp LLCT - hành chính"). Cao cấp LLCT–HC also satisfies the CVCC state-management standard.
    """

    kind: Literal["political_theory"] = "political_theory"
    level: PoliticalTheoryLevel | None
    """None: held, but its level is not known (see ``raw``)."""
    administrative: bool = False
    bachelor: bool = False
    """Cử nhân chính trị: counted as cao cấp for the standards (QĐ 57-QĐ/TW 2022), kept apart for statistics."""

    @model_validator(mode="before")
    @classmethod
    def _administrative(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("level"), str) and "administrative" not in data:
            slug = slugify(data["level"])
            if "hanh_chinh" in slug or slug.endswith("_hc"):
                return {**data, "administrative": True}
        return data

    @model_validator(mode="after")
    def _bachelor_is_cao_cap(self) -> PoliticalTheory:
        if self.bachelor and self.level != "cao_cap":
            raise PydanticCustomError(
                "bachelor_level", "cử nhân chính trị counts as cao cấp: the level must be cao_cap"
            )
        return self


class StateManagement(_Qualification):
    """State-management (QLNN) training certificate by rank level."""

    kind: Literal["state_management"] = "state_management"
    level: StateManagementLevel | None
    """None: held, but its level is not known (see ``raw``)."""


class ITSkill(_Qualification):
    """IT-skill certificate (TT 03/2014/TT-BTTTT)."""

    kind: Literal["it"] = "it"
    level: ITLevel | None
    """None: held, but its level is not known: an old A/B/C certificate (``legacy``), or see ``raw``."""
    legacy: LegacyCertificate | None = None
    """The letter of an old A/B/C IT certificate; its equivalence on the TT 03/2014 ladder is not confirmed in the
    sources (legal-sources §6), so it is kept, not mapped."""


class ForeignLanguage(_Qualification):
    """Foreign-language certificate on the six-level framework (TT 01/2014/TT-BGDĐT)."""

    kind: Literal["foreign_language"] = "foreign_language"
    level: ForeignLanguageLevel | None
    """None: held, but its level is not known: an old A/B/C certificate (``legacy``), or see ``raw``."""
    language: str | None = None
    legacy: LegacyCertificate | None = None
    """The letter of an old A/B/C certificate; its mapping to the six-level framework is [L] (legal-sources §6), so
    it is kept, not mapped."""


class EthnicLanguage(_Qualification):
    """Ethnic-minority language certificate."""

    kind: Literal["ethnic_language"] = "ethnic_language"
    language: str | None = None


Qualification = Annotated[
    GeneralEducation | Professional | PoliticalTheory | StateManagement | ITSkill | ForeignLanguage | EthnicLanguage,
    Field(discriminator="kind"),
]
"""Any qualification, discriminated by ``kind``."""

_LADDER_OF: dict[type[_Qualification], Ladder] = {
    GeneralEducation: GENERAL_EDUCATION,
    Professional: PROFESSIONAL,
    PoliticalTheory: POLITICAL_THEORY,
    StateManagement: STATE_MANAGEMENT,
    ITSkill: IT_SKILL,
    ForeignLanguage: FOREIGN_LANGUAGE,
}
"""The ladder of each qualification class that has levels (read by the free-text validator)."""

_CODES: dict[str, frozenset[str]] = {ladder.name: frozenset(ladder.codes) for ladder in _LADDER_OF.values()}
"""The level codes of each of those ladders, as a set (a level already a code is not read as free text)."""

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
    """A disciplinary measure and the date it was decided.

    From 01/07/2025 (ND 172/2025/NĐ-CP) hạ bậc lương and giáng chức no longer exist: a record that names them with a
    later decision date is rejected, naming the field.
    """

    model_config = _MODEL
    decided_on: LegalDate | None = None
    form: DisciplineForm

    @field_validator("form")
    @classmethod
    def _form_exists_on_its_date(cls, form: str, info: ValidationInfo) -> str:
        decided = info.data.get("decided_on")
        abolished_from = ND_172_2025.effective.start
        if form in _ABOLISHED_BY_ND_172 and decided is not None and abolished_from and decided >= abolished_from:
            raise PydanticCustomError(
                "abolished_discipline",
                "{form}, {day}; {document}, {start}",
                {  # the form by its legal name, dates as records write them: words for every language
                    "form": DISCIPLINE.label(form, "vi"),
                    "day": fmt_date(decided),
                    "document": ND_172_2025.document,
                    "start": fmt_date(abolished_from),
                },
            )
        return form


_ABOLISHED_BY_ND_172 = frozenset({"ha_bac_luong", "giang_chuc"})
"""Forms of discipline of civil servants that ND 172/2025/NĐ-CP abolished (legal-sources.md §9.5 [H])."""


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
    planned_titles: tuple[str, ...] | None = None
    """Titles the official is in the planning (quy hoạch) for; ``[]`` says none, absent or null is unknown."""
    qualifications: tuple[Qualification, ...] | None = None
    evaluations: tuple[Evaluation, ...] | None = None
    """Annual evaluations; None: not supplied (evaluation rules are then not checked)."""
    disciplines: tuple[Discipline, ...] | None = None
    """Disciplinary measures; ``[]`` means none, None means unknown (appraisals then ask for it)."""
    ethnicity: EthnicityField | None = None
    """Ethnic group (dân tộc), as a code of :data:`cbcc_standards.ethnicity.ETHNIC_GROUPS`; the spellings records use
    ("Kinh (Việt)", "H'rê", "Ca Dong", "Mông (Mèo)"…) are read, an unknown one is rejected."""
    ethnic_minority: bool | None = None
    """Of an ethnic minority (any group but Kinh): derived from ``ethnicity`` when it is known; given alone when a
    roster only marks it (an X under "DTTS")."""
    job_position: str | None = None
    """Vị trí việc làm, as the roster writes it (free text)."""
    party_joined_on: LegalDate | None = None
    """The day the official joined the Party."""
    party_member: bool | None = None
    """A Party member: derived from ``party_joined_on`` when it is known; given alone when a roster only marks it."""
    religion: str | None = None
    """Tôn giáo, as the roster writes it; ``"Không"`` (none) is a value, absence is unknown."""
    rank_code: str | None = None
    """Mã ngạch, e.g. ``01.003``."""
    rotated: bool | None = None
    """Arrived by rotation (luân chuyển), e.g. a civil servant rotated from the district level."""

    @model_validator(mode="before")
    @classmethod
    def _derived_flags(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        ethnicity = data.get("ethnicity")
        if isinstance(ethnicity, str) and ethnicity.strip():
            try:
                minority = is_minority(parse_ethnicity(ethnicity))
            except UnknownEthnicityError:
                return data  # the field's own validator reports it
            given = data.get("ethnic_minority")
            if given is not None and bool(given) is not minority:
                raise PydanticCustomError(
                    "contradicts_ethnicity",
                    "ethnic_minority {given} contradicts ethnicity {ethnicity!r}",
                    {"given": given, "ethnicity": ethnicity},
                )
            data = {**data, "ethnic_minority": minority}
        if data.get("party_joined_on") not in (None, "") and data.get("party_member") is None:
            data = {**data, "party_member": True}
        return data

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
            level: str | None = q.level  # type: ignore[union-attr]
            if level is None:
                continue
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
        """The highest known level held of a qualification kind, or None when none is listed.

        Check :attr:`qualifications` for None first: None there means the record is unknown; and
        :meth:`unknown_level`: a listed qualification whose level is unknown may be higher.
        """
        result: str | None = self._highest.get(kind)
        return result

    def unknown_level(self, kind: str) -> bool:
        """True when a qualification of ``kind`` is listed with its level unknown (an old A/B/C certificate, a cell
        the reader could not place): :meth:`highest` then gives only a lower bound."""
        return any(q.kind == kind and getattr(q, "level", "") is None for q in self.qualifications or ())

    def service_start(self) -> date | None:
        """The earliest known of recruitment and appointment dates, or None."""
        known = [d for d in (self.recruited_on, self.appointed_on) if d is not None]
        return min(known) if known else None
