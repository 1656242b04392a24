"""Rules, rule sets, delegated exceptions and remediation deadlines: the law as data."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator

from ..law import Confidence, LegalBasis, Period
from ..officials import Official
from ..results import Outcome, Text
from ..titles import Title
from ..units import AdministrativeUnit, Tier

__all__ = [
    "NATIONAL",
    "Appointment",
    "CheckFunction",
    "Context",
    "Deadline",
    "Delegation",
    "Rule",
    "RuleSet",
    "Verdict",
]

NATIONAL = "national"
"""Jurisdiction of the national rule sets."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a check function returns; the engine turns it into a :class:`~cbcc_standards.Finding`."""

    outcome: Outcome
    message: Text
    required: str | None = None
    actual: str | None = None
    missing: tuple[str, ...] = ()
    deadline: date | None = None
    extra_basis: tuple[LegalBasis, ...] = ()
    """Bases of exceptions or grace periods that shaped the outcome, cited after the rule's own."""
    basis: tuple[LegalBasis, ...] | None = None
    """When set, cited instead of the rule's own bases (e.g. the act that created or abolished the very title)."""
    shared: bool = False
    """True when the check keeps this very object and returns it for every official in the same situation: the
    engine then builds its finding once. A shared verdict must live as long as the check (e.g. in a dict it owns)."""


@dataclass(frozen=True, slots=True)
class Appointment:
    """The appointment or election an appraisal is about (present in the context only for appraisals).

    ``process_started`` is when the personnel body received the dossier (Hướng dẫn 06-HD/BTCTW: the age test counts
    from then); ``rotation`` marks a luân chuyển (ND 138/2020 Art 56); ``first`` is false for a re-appointment or a
    lateral or lower move, to which the age condition of ND 138/2020 Art 42 does not apply.
    """

    on: date
    process_started: date
    rotation: bool = False
    first: bool = True


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

    def delegation(self, switch: str) -> tuple[Delegation, ...]:
        """The delegations in force on ``as_of`` for a switch (empty when no provincial rule set turned it on)."""
        return self.delegations.get(switch, ())


CheckFunction = Callable[[Official, Context], Verdict]
"""A pure function of the official and the context; it never reads the clock."""


class Rule(BaseModel):
    """One legal standard: a stable code, its legal basis, when and to whom it applies, and a pure check."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    code: str = Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
    """Stable code, e.g. ``CX-CC-2023-PROF``."""
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    """Kebab-case name, e.g. ``commune-civil-servant-professional-2023``."""
    title: Text
    basis: tuple[LegalBasis, ...] = Field(min_length=1)
    valid: Period
    """The days on which the rule is in force (``as_of`` must fall inside)."""
    titles: frozenset[str] | None = None
    """Title codes it applies to; None for every title."""
    requires: tuple[str, ...] = ()
    """Input fields the check may read (documentation; ``missing`` names a subset)."""
    delegable: tuple[str, ...] = ()
    """Switches of exceptions the law delegates to a province, that this rule honours."""
    standard: bool = True
    """False for bookkeeping rules (e.g. title validity) that are not a standard of the title."""
    appointment_only: bool = False
    """True for conditions of appointment (age for a term, planning, discipline): checked only in appraisals."""
    tightens: str | None = None
    """For a provincial rule: the code of the national rule it makes stricter. Registration rejects the plugin when
    the provincial requirement is not at least as strict as the national one (ND 33/2023 Art 8(5), Art 10(4)(a))."""
    check: CheckFunction = Field(exclude=True, repr=False)

    @model_validator(mode="after")
    def _has_a_start(self) -> Rule:
        if self.valid.start is None:
            raise ValueError(f"rule {self.code}: a rule's validity must have a start date")
        return self

    @property
    def requirement(self) -> Any:
        """The declarative requirement of the check (a ``MinLevel``), when it was built by ``min_level``."""
        return getattr(self.check, "requirement", None)

    @property
    def grace_deadlines(self) -> tuple[date, ...]:
        """Deadlines of the grace periods the check grants (national law), if it was built by ``min_level``."""
        return tuple(g.deadline for g in getattr(self.check, "graces", ()))

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence among the rule's bases."""
        order = [Confidence.SETTLED, Confidence.SECONDARY, Confidence.PROVISIONAL]
        return max((b.confidence for b in self.basis), key=order.index)

    @property
    def provisional(self) -> bool:
        """True when the rule rests on an unconfirmed ([L]) fact."""
        return self.confidence is Confidence.PROVISIONAL

    @field_serializer("titles")
    def _sorted_titles(self, titles: frozenset[str] | None) -> list[str] | None:
        return sorted(titles) if titles is not None else None

    def applies(self, as_of: date, title: str | None) -> bool:
        """True when the rule is in force on ``as_of`` and covers ``title``."""
        return self.valid.contains(as_of) and (self.titles is None or title in self.titles)


class Delegation(BaseModel):
    """An exception the national law delegates to a province, switched on by a provincial rule set.

    Example: trung cấp instead of đại học for commune civil servants in difficult-area communes
    (TT 13/2019 Art 1(1), ND 33/2023 Art 10(3)). ``units`` limits it to listed communes; None means every commune of
    the province that carries a difficult-area flag.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

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


class Deadline(BaseModel):
    """A dated remediation deadline: remedy by ``due``, replace after it.

    It applies to the grace findings of the listed rules (all rules when ``rules`` is None) on days inside ``valid``
    (the regime under which it was issued) and can only shorten a grace period: the engine takes the earliest.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
    jurisdiction: str
    due: date
    valid: Period
    rules: frozenset[str] | None = None
    basis: LegalBasis
    title: Text
    par_deduction: bool = False
    """When the deadline has passed, a district with a non-compliant commune official loses administrative-reform
    (PAR) points (Quảng Ngãi, Công văn 3825/UBND-NC, 2021)."""
    responsible_title: str | None = None
    """The title answerable for the district's compliance after the deadline (e.g. ``district.chu_tich_ubnd``)."""

    @field_serializer("rules")
    def _sorted_rules(self, rules: frozenset[str] | None) -> list[str] | None:
        return sorted(rules) if rules is not None else None


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
        """Rule-set content as plain data (for hashing and listing); check functions are excluded."""
        return self.model_dump(mode="json")
