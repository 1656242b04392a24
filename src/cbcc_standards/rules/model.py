"""Rules, rule sets, reliefs, grace periods, delegated exceptions and remediation deadlines: the law as data."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_serializer, model_validator

from ..i18n import Message, Text
from ..law import Confidence, LegalBasis, Period, Regime, weakest
from ..officials import Official
from ..results import Outcome
from ..titles import Title
from ..units import AdministrativeUnit, AreaFlag, Tier
from .requirements import Custom, Requirement

__all__ = [
    "NATIONAL",
    "Appointment",
    "CheckFunction",
    "Context",
    "Deadline",
    "Delegation",
    "Eligibility",
    "Grace",
    "Relief",
    "Rule",
    "RuleSet",
    "Verdict",
]

NATIONAL = "national"
"""Jurisdiction of the national rule sets."""

_MODEL = ConfigDict(frozen=True, extra="forbid")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the interpreter (or a custom check) says of one official on one date; the engine turns it into a
    :class:`~cbcc_standards.Finding`.

    ``message`` is a catalogue :class:`~cbcc_standards.i18n.Message` (a custom check may give a plugin's own
    :class:`~cbcc_standards.Text`); ``actual`` is what the record shows, as data (a level code, an age, a date…);
    ``required`` overrides the rule's requirement in the finding (a relief's accepted level).
    """

    outcome: Outcome
    message: Message | Text
    actual: Any = None
    missing: tuple[str, ...] = ()
    deadline: date | None = None
    extra_basis: tuple[LegalBasis, ...] = ()
    """Bases of exceptions or grace periods that shaped the outcome, cited after the rule's own."""
    basis: tuple[LegalBasis, ...] | None = None
    """When set, cited instead of the rule's own bases (e.g. the act that created or abolished the very title)."""
    required: Any = None
    lapsed: date | None = None
    """For a ``not_met`` after a grace period: the day that period ended (a provincial review deadline cannot
    revive it)."""
    notice: Message | Text | None = None
    """Something the reader must know although the outcome stands: a consequence that is foreseeable but not yet
    in effect (a year not rated yet), or an earlier one the record cannot say was applied."""


@dataclass(frozen=True, slots=True)
class Appointment:
    """The appointment or election an appraisal is about (present in the context only for appraisals).

    ``process_started`` is when the personnel body received the dossier (Hướng dẫn 06-HD/BTCTW: the age test counts
    from then); ``rotation`` marks a luân chuyển (ND 138/2020 Art 56); ``first`` is false for a re-appointment or a
    lateral or lower move, to which the working-time condition does not apply.
    """

    on: date
    process_started: date
    rotation: bool = False
    first: bool = True
    current_title: str | None = None
    """The title the candidate holds before the appointment (None: unknown or none)."""
    current_since: date | None = None
    """When the candidate was appointed to ``current_title``."""
    current_leadership: bool = False
    """True when ``current_title`` is a leadership post (the appointment is then a move up, not a first one)."""


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know besides the official: the date, the resolved unit and title, the active delegations.

    ``unit`` is None when the official's unit is not given or not in the units supplied.
    """

    as_of: date
    unit: AdministrativeUnit | None
    title: Title | None
    delegations: Mapping[str, tuple[Delegation, ...]] = field(default_factory=dict)
    appointment: Appointment | None = None
    """Set when appraising a candidate: incumbents' grace periods do not apply to a new appointment."""
    held_title: Title | None = None
    """The title the record names when it is read as ``title`` (its successor after the title ended), else None."""

    def delegation(self, switch: str) -> tuple[Delegation, ...]:
        """The delegations in force on ``as_of`` for a switch (empty when no provincial rule set turned it on)."""
        return self.delegations.get(switch, ())

    def covered_by(self, switch: str) -> Delegation | None:
        """The delegation in force for ``switch`` that covers the unit (None if none does, or the unit is
        unknown)."""
        if self.unit is None:
            return None
        return next((d for d in self.delegation(switch) if d.covers(self.unit)), None)


CheckFunction = Callable[[Official, Context], Verdict]
"""A pure function of the official and the context; it never reads the clock."""


class Eligibility(BaseModel):
    """Who a grace period is for beyond being in office in time: an official of an ethnic minority, or one working
    in a unit carrying one of ``area_flags`` (either suffices)."""

    model_config = _MODEL

    ethnic_minority: bool = False
    area_flags: frozenset[AreaFlag] = frozenset()

    @field_serializer("area_flags")
    def _sorted(self, flags: frozenset[AreaFlag]) -> list[str]:
        return sorted(flags)


class Grace(BaseModel):
    """A period in which an incumbent who falls short of the rule's requirement may still remedy it.

    Eligible: in office (``start_field``) on or before ``in_office_by``; with ``unless_delegated``, not in a unit
    that a provincial delegation of that switch covers (there the lower level is accepted instead, TT 13/2019
    Art 1(1)); with ``eligible``, only officials who meet it. ``start_field``: ``recruited_on`` uses the earliest of
    the recruitment and appointment dates; ``appointed_on`` (elected or appointed cadres) the appointment or election
    to the current title, so a civil servant elected after the cut-off does not inherit the cadres' grace.
    """

    model_config = _MODEL

    in_office_by: date
    deadline: date
    basis: LegalBasis
    start_field: Literal["recruited_on", "appointed_on"] = "recruited_on"
    unless_delegated: str | None = None
    eligible: Eligibility | None = None

    @model_validator(mode="before")
    @classmethod
    def _legacy(cls, data: Any) -> Any:
        if isinstance(data, dict) and "outside_difficult_areas" in data:
            warnings.warn(
                "Grace(outside_difficult_areas=...) is gone: use unless_delegated=<switch> (the grace is excluded "
                "only where a provincial delegation covers the unit)",
                DeprecationWarning,
                stacklevel=4,
            )
            data = {k: v for k, v in data.items() if k != "outside_difficult_areas"}
        return data

    @property
    def reads(self) -> tuple[str, ...]:
        """The official's fields this grace reads."""
        extra = ("unit",) if self.unless_delegated or (self.eligible and self.eligible.area_flags) else ()
        ethnic = ("ethnicity",) if self.eligible and self.eligible.ethnic_minority else ()
        return (self.start_field, *extra, *ethnic)


class Relief(BaseModel):
    """A lower requirement accepted in some cases: ``accept`` (None: none at all) instead of the rule's own.

    Either by place — where the unit carries one of ``flags`` (None: any difficult-area flag); with ``switch`` only
    where a provincial rule set turned that delegated exception on for the unit (the delegation's basis is cited);
    without it by national law (``basis`` is cited) — or by date: for officials appointed before
    ``appointed_before`` (e.g. Công văn 1848/BNV-CCVC) — or by the post held: for officials whose record names
    ``held_title``, a title that ended and is read as the rule's (a special law on that post may still apply).

    ``undecided``: the sources leave open whether the lower requirement suffices ([L]): an official who meets it is
    ``undetermined`` with the relief's basis cited, never ``met`` nor ``not_met``.
    """

    model_config = _MODEL

    accept: Requirement | None
    flags: frozenset[AreaFlag] | None = None
    switch: str | None = None
    appointed_before: date | None = None
    held_title: str | None = None
    undecided: bool = False
    basis: LegalBasis | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Relief:
        by_place = self.flags is not None or self.switch is not None
        kinds = by_place + (self.appointed_before is not None) + (self.held_title is not None)
        if kinds != 1:
            raise ValueError(
                "a relief is by place (flags or switch), by date (appointed_before) or by post (held_title)"
            )
        if self.switch is None and self.basis is None:
            raise ValueError("a relief by national law needs its basis")
        return self

    @field_serializer("flags")
    def _sorted(self, flags: frozenset[AreaFlag] | None) -> list[str] | None:
        return sorted(flags) if flags is not None else None

    @property
    def reads(self) -> tuple[str, ...]:
        """The official's fields this relief reads."""
        if self.appointed_before is not None:
            return ("appointed_on",)
        return ("title",) if self.held_title is not None else ("unit",)


class Rule(BaseModel):
    """One legal standard: a stable code, its legal basis, when and to whom it applies, and what it requires.

    ``requirement`` is typed data (:mod:`cbcc_standards.rules.requirements`); ``reliefs`` and ``graces`` say when
    less is accepted and how long an incumbent has to remedy a shortfall. ``valid`` is a
    :class:`~cbcc_standards.Period` or a named :class:`~cbcc_standards.law.Regime`; registration rejects a rule whose
    window is not covered by its bases' effective periods.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
    """Stable code, e.g. ``CX-CC-2023-PROF``."""
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    """Kebab-case name, e.g. ``commune-civil-servant-professional-2023``."""
    title: Text
    basis: tuple[LegalBasis, ...] = Field(min_length=1)
    valid: Period
    """The days on which the rule is in force (``as_of`` must fall inside)."""
    regime: str | None = None
    """The code of the named regime ``valid`` was given as, if any."""
    titles: frozenset[str] | None = None
    """Title codes it applies to; None for every title."""
    requirement: Requirement
    reliefs: tuple[Relief, ...] = ()
    graces: tuple[Grace, ...] = ()
    requires: tuple[str, ...] = ()
    """Input fields the rule may read (documentation; derived from the requirement, reliefs and graces when not
    given; ``missing`` names a subset)."""
    standard: bool = True
    """False for bookkeeping rules (e.g. title validity) that are not a standard of the title."""
    appointment_only: bool = False
    """True for conditions of appointment (age for a term, planning, discipline): checked only in appraisals."""
    condition: str | None = None
    """For a condition of appointment: its kind (``term``, ``rotation``, ``planning``, ``discipline``, ``ratings``,
    ``lower_post``), derived from the requirement when not given; the registry checks every kind is covered on every
    date (:meth:`~cbcc_standards.Registry.appointment_coverage`)."""
    tightens: str | None = None
    """For a provincial rule: the code of the national rule it makes stricter. Registration rejects the plugin when
    the provincial requirement is not at least as strict as the national one (ND 33/2023 Art 8(5), Art 10(4)(a))."""

    @model_validator(mode="before")
    @classmethod
    def _derive(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if isinstance(data.get("valid"), Regime):
            regime: Regime = data["valid"]
            data["valid"] = regime.period
            data.setdefault("regime", regime.code)
        legacy = data.pop("check", None)
        if legacy is not None:
            _from_legacy_check(data, legacy)
        data.pop("delegable", None)  # derived from the reliefs and graces
        if not data.get("requires") and data.get("requirement") is not None:
            data["requires"] = _reads(data)
        if data.get("appointment_only") and data.get("condition") is None and data.get("requirement") is not None:
            data["condition"] = _CONDITIONS.get(getattr(data["requirement"], "type", ""))
            if data["condition"] == "term" and getattr(data["requirement"], "rotation", False):
                data["condition"] = "rotation"
        return data

    @model_validator(mode="after")
    def _has_a_start(self) -> Rule:
        if self.valid.start is None:
            raise ValueError(f"rule {self.code}: a rule's validity must have a start date")
        return self

    @field_serializer("titles")
    def _sorted_titles(self, titles: frozenset[str] | None) -> list[str] | None:
        return sorted(titles) if titles is not None else None

    @property
    def delegable(self) -> tuple[str, ...]:
        """Switches of exceptions the law delegates to a province that this rule honours (its reliefs' switches,
        and the switches that exclude its graces)."""
        switches = [r.switch for r in self.reliefs if r.switch] + [g.unless_delegated for g in self.graces]
        return tuple(sorted({s for s in switches if s}))

    @property
    def grace_deadlines(self) -> tuple[date, ...]:
        """Deadlines of the grace periods the rule grants (national law)."""
        return tuple(g.deadline for g in self.graces)

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence among the rule's bases."""
        return weakest(b.confidence for b in self.basis)

    @property
    def provisional(self) -> bool:
        """True when the rule rests on an unconfirmed ([L]) fact."""
        return self.confidence is Confidence.PROVISIONAL

    @property
    def trainable(self) -> bool:
        """True when training can remedy a shortfall of this rule (declared by the requirement's kind)."""
        return bool(self.requirement.trainable)

    def applies(self, as_of: date, title: str | None) -> bool:
        """True when the rule is in force on ``as_of`` and covers ``title``."""
        return self.valid.contains(as_of) and (self.titles is None or title in self.titles)


_CONDITIONS = {
    "appointment_term": "term",
    "in_planning": "planning",
    "discipline_waiting": "discipline",
    "recent_ratings": "ratings",
    "time_in_lower_post": "lower_post",
}


def _reads(data: Mapping[str, Any]) -> tuple[str, ...]:
    requirement = data["requirement"]
    fields: list[str] = list(getattr(requirement, "reads", ()))
    for item in (*data.get("reliefs", ()), *data.get("graces", ())):
        fields.extend(getattr(item, "reads", ()))
    return tuple(dict.fromkeys(fields))


def _from_legacy_check(data: dict[str, Any], check: Any) -> None:
    """``Rule(check=...)`` from before typed requirements: a ``min_level(...)`` builder or a plain function."""
    from .legacy import LegacyCheck

    warnings.warn(
        f"Rule(check=...) is deprecated (rule {data.get('code')}): give requirement=MinLevel(...) (or another typed "
        "requirement, or Custom(check=...)) with reliefs=... and graces=...",
        DeprecationWarning,
        stacklevel=5,
    )
    if isinstance(check, LegacyCheck):
        data.setdefault("requirement", check.requirement)
        data.setdefault("reliefs", check.reliefs)
        data.setdefault("graces", check.graces)
    else:
        data.setdefault("requirement", Custom(name=getattr(check, "__name__", "check"), check=check))


class Delegation(BaseModel):
    """An exception the national law delegates to a province, switched on by a provincial rule set.

    Example: trung cấp instead of đại học for commune civil servants in difficult-area communes
    (TT 13/2019 Art 1(1), ND 33/2023 Art 10(3)). ``units`` limits it to listed communes; None means every commune of
    the province that carries a difficult-area flag.
    """

    model_config = _MODEL

    switch: str
    units: frozenset[str] | None = None
    valid: Period
    basis: LegalBasis

    @field_serializer("units")
    def _sorted_units(self, units: frozenset[str] | None) -> list[str] | None:
        return sorted(units) if units is not None else None

    def covers(self, unit: AdministrativeUnit) -> bool:
        """True when the unit is a difficult-area commune this delegation names (or any, if it names none)."""
        return unit.difficult_area and (self.units is None or unit.code in self.units)


DeadlineKind = Literal["shorten", "review"]


class Deadline(BaseModel):
    """A dated remediation deadline of a jurisdiction (a provincial directive), in force on days inside ``valid``
    (the regime under which it was issued) for the listed rules (all when ``rules`` is None).

    ``kind="shorten"`` (default): it can only shorten a national grace period — the earliest deadline wins.
    ``kind="review"``: a review deadline ("remedy the cases that fall short by ``due``; replace after") — it sets the
    remediation schedule for every shortfall of the listed rules: a ``not_met`` becomes ``grace`` until ``due``
    (never beyond a national deadline that ends earlier, never touching a ``met``), and ``not_met`` after; the
    finding says the period rests on the provincial instrument, not on national law (architecture.md guarantee 5).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
    jurisdiction: str
    due: date
    valid: Period
    rules: frozenset[str] | None = None
    basis: LegalBasis
    title: Text
    kind: DeadlineKind = "shorten"
    _legacy_policy: dict[str, Any] | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _legacy(cls, data: Any, handler: Any) -> Any:
        legacy: dict[str, Any] = {}
        if isinstance(data, dict) and ({"par_deduction", "responsible_title"} & data.keys()):
            data = dict(data)
            legacy = {k: data.pop(k) for k in ("par_deduction", "responsible_title") if k in data}
            warnings.warn(
                "Deadline(par_deduction=..., responsible_title=...) is deprecated: register a ReportPolicy through "
                "the cbcc_register_report_policies hook (the registry converts this deadline's fields for now)",
                DeprecationWarning,
                stacklevel=4,
            )
        deadline = handler(data)
        if legacy:
            deadline._legacy_policy = legacy
        return deadline

    @field_serializer("rules")
    def _sorted_rules(self, rules: frozenset[str] | None) -> list[str] | None:
        return sorted(rules) if rules is not None else None

    def covers(self, rule: str, as_of: date) -> bool:
        """True when the deadline is in force on ``as_of`` and names ``rule`` (or every rule)."""
        return self.valid.contains(as_of) and (self.rules is None or rule in self.rules)


class RuleSet(BaseModel):
    """A named group of rules for a jurisdiction and tier, with the delegations it switches on."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    """e.g. ``national.commune_civil_servants``; a provincial rule set starts with its jurisdiction code."""
    title: Text
    jurisdiction: str = NATIONAL
    tier: Tier | None = None
    rules: tuple[Rule, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    references: tuple[LegalBasis, ...] = ()

    @model_validator(mode="after")
    def _unique_codes(self) -> RuleSet:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.code in seen:
                raise ValueError(f"rule set {self.code}: rule {rule.code} appears twice")
            seen.add(rule.code)
        return self

    def metadata(self) -> dict[str, Any]:
        """Rule-set content as plain data (for hashing and listing); custom check functions are excluded."""
        return self.model_dump(mode="json")
