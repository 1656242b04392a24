"""What a rule requires, as typed data: one frozen model per kind of requirement.

A rule states *what* is required (a requirement from this module, plus its reliefs and grace periods, see
:mod:`cbcc_standards.rules.model`); the interpreter (:mod:`cbcc_standards.rules.interpreter`) states *whether*;
the message catalogue states how it reads. Requirements are compared, kind by kind, to check that a provincial
rule only tightens the national rule it names (:func:`cbcc_standards.rules.interpreter.loosening`), and their
``trainable`` flag tells the training plan and the planning pool which shortfalls training can remedy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .._text import slugify
from ..i18n import Text
from ..ladders import LADDERS

__all__ = [
    "LEVELLED_KINDS",
    "AnyOf",
    "AppointmentTerm",
    "Custom",
    "DisciplineWaiting",
    "Holds",
    "InPlanning",
    "MaxAgeAtFirstAppointment",
    "MinAge",
    "MinLevel",
    "NoConsecutiveFailures",
    "NoFailureSince",
    "NotEncoded",
    "NotPastRetirement",
    "RecentRatings",
    "Requirement",
    "StateManagementCertificate",
    "TimeInLowerPost",
    "TitleInForce",
    "WorkingTimeAtAppointment",
]

LEVELLED_KINDS = ("general_education", "professional", "political_theory", "state_management", "it", "foreign_language")
"""Qualification kinds that have a ladder of levels."""

LevelledKind = Literal[
    "general_education", "professional", "political_theory", "state_management", "it", "foreign_language"
]


class _Requirement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    trainable: ClassVar[bool] = False
    """True when training can remedy a shortfall (a qualification to obtain)."""
    reads: ClassVar[tuple[str, ...]] = ()
    """The official's fields the interpreter reads for this kind of requirement."""


class MinLevel(_Requirement):
    """A qualification at ``level`` or higher on the ladder of ``ladder`` (a qualification kind); with ``field``
    (an ASCII slug such as ``luat``), only qualifications whose field of study contains it count."""

    type: Literal["min_level"] = "min_level"
    ladder: LevelledKind
    level: str
    field: str | None = None

    trainable: ClassVar[bool] = True
    reads: ClassVar[tuple[str, ...]] = ("qualifications",)

    @field_validator("level")
    @classmethod
    def _on_ladder(cls, level: str, info: Any) -> str:
        ladder = LADDERS[info.data["ladder"]] if "ladder" in info.data else None
        if ladder is not None and level not in ladder.codes:
            raise ValueError(f"{level!r} is not a level of {ladder.name} (levels: {', '.join(ladder.codes)})")
        return level

    @field_validator("field")
    @classmethod
    def _slug(cls, field: str | None) -> str | None:
        return slugify(field) if field else None

    @property
    def key(self) -> str:
        """``kind:level[:field]``: how the training plan groups needs."""
        return f"{self.ladder}:{self.level}" + (f":{self.field}" if self.field else "")


class StateManagementCertificate(_Requirement):
    """A state-management (QLNN) certificate at ``level`` or higher; cao cấp LLCT–hành chính stands for the
    chuyên viên cao cấp level (legal-sources.md §6 [H])."""

    type: Literal["state_management"] = "state_management"
    level: Literal["chuyen_vien", "chuyen_vien_chinh", "chuyen_vien_cao_cap"]

    trainable: ClassVar[bool] = True
    reads: ClassVar[tuple[str, ...]] = ("qualifications",)

    @property
    def key(self) -> str:
        """``state_management:level``."""
        return f"state_management:{self.level}"


class Holds(_Requirement):
    """Any qualification of ``kind`` (e.g. an ethnic-minority language certificate)."""

    type: Literal["holds"] = "holds"
    kind: Literal[
        "ethnic_language",
        "general_education",
        "professional",
        "political_theory",
        "state_management",
        "it",
        "foreign_language",
    ]

    trainable: ClassVar[bool] = True
    reads: ClassVar[tuple[str, ...]] = ("qualifications",)

    @property
    def key(self) -> str:
        """``kind``."""
        return self.kind


class AnyOf(_Requirement):
    """Met when any of ``options`` is met (e.g. foreign language bậc 3 or an ethnic-language certificate)."""

    type: Literal["any_of"] = "any_of"
    options: tuple[Requirement, ...] = Field(min_length=2)

    reads: ClassVar[tuple[str, ...]] = ("qualifications",)

    @property
    def trainable(self) -> bool:  # type: ignore[override]
        """Trainable when every option is."""
        return all(o.trainable for o in self.options)

    @property
    def key(self) -> str:
        """The options' keys joined by ``|``."""
        return "|".join(getattr(o, "key", o.type) for o in self.options)


class MinAge(_Requirement):
    """At least ``years`` old on the evaluation date."""

    type: Literal["min_age"] = "min_age"
    years: int = Field(ge=0, le=100)

    reads: ClassVar[tuple[str, ...]] = ("birth_date",)


class MaxAgeAtFirstAppointment(_Requirement):
    """At most ``years`` old (in whole years) on the day of the first appointment or election to the title.
    Appointments before the rule took effect are not covered (``not_applicable``)."""

    type: Literal["max_age_at_first_appointment"] = "max_age_at_first_appointment"
    years: int = Field(ge=0, le=100)

    reads: ClassVar[tuple[str, ...]] = ("appointed_on", "birth_date")


class WorkingTimeAtAppointment(_Requirement):
    """At the first appointment or election to the title, at least ``months`` of working time before the normal
    retirement moment (the end of the retirement month, ND 135/2020 Art 3). Appointments before the rule took
    effect are not covered."""

    type: Literal["working_time_at_appointment"] = "working_time_at_appointment"
    months: int = Field(ge=1)

    reads: ClassVar[tuple[str, ...]] = ("appointed_on", "birth_date", "gender")


class AppointmentTerm(_Requirement):
    """A condition of appointment (appraisals only): at least ``months`` of working time left, counted as Hướng dẫn
    06-HD/BTCTW says: the retirement age minus the age on the day the personnel body received the dossier (so up to
    the day the age is reached, not the end of the retirement month).

    ``rotation``: the condition of a rotation (luân chuyển) instead of a first appointment or move up; without it,
    it does not apply to a re-appointment or an equal or lower move. ``waivable``: the appointing authority may
    decide a special case (the finding says so). ``settled=False``: the wording is unconfirmed — the working time
    is computed and the outcome is ``undetermined``.
    """

    type: Literal["appointment_term"] = "appointment_term"
    months: int = Field(ge=1)
    rotation: bool = False
    waivable: bool = False
    settled: bool = True

    reads: ClassVar[tuple[str, ...]] = ("birth_date", "gender")


class InPlanning(_Requirement):
    """The target title is among the official's planned titles (quy hoạch). ``waivable``: the appointing authority
    may decide a special case (the finding says so)."""

    type: Literal["in_planning"] = "in_planning"
    waivable: bool = False

    reads: ClassVar[tuple[str, ...]] = ("title", "planned_titles")


class TimeInLowerPost(_Requirement):
    """For a move to a higher post (appraisals only): at least ``months`` in the post held now, counted from its
    appointment (``appointed_on``) to the day the dossier was received. Not for a first appointment to a leadership
    post, nor for an equal or lower post. ``waivable``: a special case may be decided by the appointing authority."""

    type: Literal["time_in_lower_post"] = "time_in_lower_post"
    months: int = Field(ge=1)
    waivable: bool = False

    reads: ClassVar[tuple[str, ...]] = ("title", "appointed_on")


class RecentRatings(_Requirement):
    """Rated ``at_least`` or better in each of the ``years`` years before the evaluation year, a discipline decided
    in a year from ``discipline_counts_from`` counting as "không hoàn thành nhiệm vụ" (ND 48/2023)."""

    type: Literal["recent_ratings"] = "recent_ratings"
    years: int = Field(ge=1)
    at_least: str = "hoan_thanh_tot"
    discipline_counts_from: int | None = None

    reads: ClassVar[tuple[str, ...]] = ("evaluations", "disciplines")

    @field_validator("at_least")
    @classmethod
    def _rating(cls, level: str) -> str:
        return LADDERS["evaluation"].parse(level)


class DisciplineWaiting(_Requirement):
    """No discipline still within its waiting period before appointment: ``months`` per form (QĐ 377-QĐ/TW);
    ``months=None`` when no waiting period is encoded for the period: any discipline on record makes the outcome
    ``undetermined``."""

    type: Literal["discipline_waiting"] = "discipline_waiting"
    months: tuple[tuple[str, int], ...] | None = None

    reads: ClassVar[tuple[str, ...]] = ("disciplines",)

    @property
    def waiting(self) -> dict[str, int] | None:
        """Months per discipline form, or None."""
        return dict(self.months) if self.months is not None else None


class NoConsecutiveFailures(_Requirement):
    """No ``years`` consecutive annual ratings "không hoàn thành nhiệm vụ" (Law 52/2019), a discipline decided in a
    year from ``discipline_counts_from`` counting as such a rating (ND 48/2023).

    Only ratings already made count: the years before the evaluation date's, and its own year when the record holds
    its rating. The latest ratings made decide; an earlier run of failing years whose last year is ``since`` or
    later is a notice (the consequence arose then; the record cannot say whether it was applied), and a discipline
    decided this year that completes a run is a notice of the consequence to come when the year is rated."""

    type: Literal["no_consecutive_failures"] = "no_consecutive_failures"
    years: int = Field(default=2, ge=2)
    discipline_counts_from: int | None = None
    since: int | None = None

    reads: ClassVar[tuple[str, ...]] = ("evaluations", "disciplines")


class NoFailureSince(_Requirement):
    """No annual rating "không hoàn thành nhiệm vụ" for a year from ``first_year`` (Law 80/2025), a discipline decided
    in a year counting as such a rating (ND 48/2023).

    As for :class:`NoConsecutiveFailures`, only ratings already made count and the latest decides; an earlier
    failing year since ``first_year`` and a discipline decided in the year not rated yet are notices."""

    type: Literal["no_failure_since"] = "no_failure_since"
    first_year: int
    previous_run: int | None = Field(default=None, ge=2)
    """The previous law's trigger: a run of this many failing years (Law 52/2019: two) ending before ``first_year``
    is a notice to verify — its consequence arose when its last year was rated."""
    previous_since: int | None = None
    """The first year such a run may end in (the previous law's first year)."""

    reads: ClassVar[tuple[str, ...]] = ("evaluations", "disciplines")


class NotPastRetirement(_Requirement):
    """The official has not passed the normal retirement moment (the end of the month the retirement age is reached,
    BLLĐ 2019 Art 169, ND 135/2020 Art 3–4; before 2021, 60 / 55). With the gender unknown it is decided when both
    genders' dates fall on the same side of the evaluation date."""

    type: Literal["not_past_retirement"] = "not_past_retirement"

    reads: ClassVar[tuple[str, ...]] = ("birth_date", "gender")


class TitleInForce(_Requirement):
    """The official's title exists on the date and matches the official's category (bookkeeping)."""

    type: Literal["title_in_force"] = "title_in_force"

    reads: ClassVar[tuple[str, ...]] = ("title", "category")


class NotEncoded(_Requirement):
    """A standard whose text is unconfirmed in the sources: always ``undetermined``, saying why. ``subject`` names
    it: a catalogue key (``subject.<key>``) or a plugin's own :class:`~cbcc_standards.Text`."""

    type: Literal["not_encoded"] = "not_encoded"
    subject: str | Text

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


class Custom(_Requirement):
    """The escape hatch: a pure function ``check(official, context) -> Verdict`` (it never reads the clock).

    ``name`` identifies it in listings; ``trainable`` declares whether training can remedy a shortfall. A custom
    requirement cannot be compared, so no provincial rule may claim to tighten one.
    """

    type: Literal["custom"] = "custom"
    name: str
    check: Callable[..., Any] = Field(exclude=True, repr=False)
    can_train: bool = False

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    @property
    def trainable(self) -> bool:  # type: ignore[override]
        """As declared by ``can_train``."""
        return self.can_train


Requirement = Annotated[
    MinLevel
    | StateManagementCertificate
    | Holds
    | AnyOf
    | MinAge
    | MaxAgeAtFirstAppointment
    | WorkingTimeAtAppointment
    | AppointmentTerm
    | InPlanning
    | TimeInLowerPost
    | RecentRatings
    | DisciplineWaiting
    | NoConsecutiveFailures
    | NoFailureSince
    | NotPastRetirement
    | TitleInForce
    | NotEncoded
    | Custom,
    Field(discriminator="type"),
]
"""Any requirement, discriminated by ``type``."""

AnyOf.model_rebuild()
