"""The roster review's roll-up: counts by status, action and outcome; by unit up the hierarchy; the units that lose
administrative-reform points and who answers for them; the training plan."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..i18n import Lang, t
from ..results import Action, Assessment, Outcome, Rejected, RowError, Status
from ..rules.interpreter import requirement_message
from ..rules.requirements import Requirement
from ..units import AdministrativeUnit, Tier, unit_chain
from .policies import ReportPolicy
from .quality import QualityCounter
from .retirements import RetirementCounter
from .spill import Spill

if TYPE_CHECKING:
    from ..engine import Engine, RosterObserver

__all__ = ["ReviewSummary", "RosterReport"]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class ReviewSummary:
    """Roll-up of a roster review by administrative unit: counts up the hierarchy, the units answerable under the
    report policies in force (PAR-index deduction, responsible title), and the training plan (how many officials
    need which qualification by when, per answerable unit).

    ``units`` are the known units (a commune's ``parent`` leads to its district and province); ``policies`` the
    report policies of the selected jurisdiction; ``requirements`` maps the codes of rules whose shortfall training
    can remedy to their typed requirement; ``standards`` are the codes of the rules that are standards of a title —
    a PAR-index deduction counts the officials who fall short of one of them (None: every non-compliant official),
    not, say, an official kept past the retirement age.
    """

    def __init__(
        self,
        as_of: date,
        units: Mapping[str, AdministrativeUnit],
        policies: Iterable[ReportPolicy] = (),
        requirements: Mapping[str, Requirement] | None = None,
        standards: Iterable[str] | None = None,
    ) -> None:
        self.as_of = as_of
        self.units = units
        self.policies = [p for p in policies if p.valid.contains(as_of)]
        self.requirements = requirements or {}
        self.standards = frozenset(standards) if standards is not None else None
        self.short: Counter[str | None] = Counter()
        """Officials short of a standard (``not_met``), by unit."""
        self.tally: dict[str | None, Counter[Status]] = {}
        self.holders: dict[tuple[str, str], tuple[str, str | None]] = {}
        """The first holder of a responsible title (of a report policy) by (unit, title)."""
        self._responsible_titles = frozenset(p.responsible_title for p in self.policies if p.responsible_title)
        self.needs: dict[tuple[str | None, str], list[Any]] = {}
        self._chain: dict[str | None, tuple[str, ...]] = {}

    @classmethod
    def for_engine(cls, engine: Engine, as_of: date) -> ReviewSummary:
        """The roll-up for a review with ``engine`` on ``as_of``: its units, the report policies of its
        jurisdictions, and the trainable requirements of its rules."""
        places = {"national", engine.province}
        policies = [p for p, _ in engine.registry.policies if p.jurisdiction in places]
        requirements = {rule.code: rule.requirement for rule, _ in engine.rules if rule.trainable}
        standards = [rule.code for rule, _ in engine.rules if rule.standard]
        return cls(as_of, engine.units, policies, requirements, standards)

    def chain(self, code: str | None) -> tuple[str, ...]:
        """The unit and its ancestors, nearest first (empty for an unknown unit)."""
        found = self._chain.get(code)
        if found is None:
            found = self._chain[code] = unit_chain(code, self.units)
        return found

    def district_of(self, code: str | None) -> str | None:
        """The unit that answers for a unit's officials in the report (training needs, people to act on, PAR
        policies): its district (itself if a district); for a commune directly under a province (the two-tier local
        government from 01/07/2025, where no district exists) the commune itself; else the top of its chain."""
        chain = self.chain(code)
        for link in chain:
            if self.units[link].tier is Tier.DISTRICT:
                return link
        if len(chain) > 1 and self.units[chain[0]].tier is Tier.COMMUNE:
            return chain[0]
        return chain[-1] if chain else None

    @property
    def answering_label(self) -> str:
        """The catalogue key naming the answering level: ``report.district``, or ``report.commune_level`` for a
        two-tier tree (no district in it)."""
        has_district = any(u.tier is Tier.DISTRICT for u in self.units.values())
        return "report.district" if has_district or not self.units else "report.commune_level"

    def add(self, a: Assessment) -> None:
        """Count one assessment."""
        unit = a.unit if a.unit in self.units else None
        self.tally.setdefault(unit, Counter())[a.status] += 1
        if a.status is Status.NON_COMPLIANT and (
            self.standards is None or any(f.outcome is Outcome.NOT_MET and f.rule in self.standards for f in a.findings)
        ):
            self.short[unit] += 1
        if a.title in self._responsible_titles and a.unit is not None:  # only what _responsible looks up
            self.holders.setdefault((a.unit, a.title), (a.id, a.full_name))
        if a.status in (Status.NON_COMPLIANT, Status.WITHIN_GRACE):
            district = self.district_of(a.unit)
            for f in a.findings:
                if f.outcome not in (Outcome.NOT_MET, Outcome.GRACE):
                    continue
                requirement = self.requirements.get(f.rule)
                if requirement is None:
                    continue
                entry = self.needs.setdefault((district, requirement.key), [requirement, 0, None])  # type: ignore[union-attr]
                entry[1] += 1
                if f.outcome is Outcome.GRACE and f.deadline and (entry[2] is None or f.deadline < entry[2]):
                    entry[2] = f.deadline

    def _rollup(self) -> dict[str | None, Counter[Status]]:
        totals: dict[str | None, Counter[Status]] = {}
        for code, counts in self.tally.items():
            for link in self.chain(code) or (None,):
                totals.setdefault(link, Counter()).update(counts)
        return totals

    def units_summary(self, lang: Lang | str = Lang.VI) -> list[dict[str, Any]]:
        """One entry per unit with officials, up the hierarchy (sorted by code; officials whose unit is unknown
        last, with code None)."""
        totals = self._rollup()
        commune_fails: Counter[str | None] = Counter()
        for code, short in self.short.items():
            if code is not None and self.units[code].tier is Tier.COMMUNE:
                commune_fails[self.district_of(code)] += short
        children: dict[str | None, list[str]] = {}
        for code in totals:
            if code is not None:
                parent = self.units[code].parent
                children.setdefault(parent if parent in totals else None, []).append(code)
        ordered: list[str | None] = []

        def visit(code: str) -> None:  # depth first: a unit, then its children, by code
            ordered.append(code)
            for child in sorted(children.get(code, ())):
                visit(child)

        for root in sorted(children.get(None, ())):
            visit(root)
        if None in totals:
            ordered.append(None)
        entries = []
        for code in ordered:
            counts = totals[code]
            unit = self.units.get(code) if code is not None else None
            entry: dict[str, Any] = {
                "code": code,
                "name": unit.name if unit else t("report.unknown_unit", lang),
                "tier": unit.tier.value if unit else None,
                "parent": unit.parent if unit else None,
                **{s.value: counts[s] for s in Status},
            }
            if unit is not None and unit.tier in (Tier.DISTRICT, Tier.COMMUNE) and self.district_of(code) == code:
                # the answering unit: a district, or a commune of a two-tier province
                entry["responsible"] = self._responsible(code)
                entry["par_deduction"] = self._par(commune_fails[code], lang)
            entries.append(entry)
        return entries

    def _responsible(self, district: str | None) -> dict[str, Any] | None:
        for policy in self.policies:
            if policy.responsible_title and district is not None:
                holder = self.holders.get((district, policy.responsible_title))
                return {
                    "title": policy.responsible_title,
                    "person": {"id": holder[0], "full_name": holder[1]} if holder else None,
                    "basis": policy.basis.citation,
                }
        return None

    def _par(self, failing: int, lang: Lang | str) -> dict[str, Any]:
        for policy in self.policies:
            if not policy.par_deduction:
                continue
            basis = policy.basis.citation
            if self.as_of <= policy.after:
                return {"deducted": False, "reason": t("par.not_yet", lang, due=policy.after), "basis": basis}
            if failing:
                reason = t("par.deducted", lang, count=failing, due=policy.after)
                return {"deducted": True, "reason": reason, "basis": basis}
            return {"deducted": False, "reason": t("par.clean", lang, due=policy.after), "basis": basis}
        return {"deducted": False, "reason": t("par.none", lang), "basis": None}

    def training_needs(self, lang: Lang | str = Lang.VI) -> list[dict[str, Any]]:
        """How many officials need which qualification, by when, per district (the province's training plan)."""
        rows = []
        for (district, key), (requirement, count, deadline) in sorted(
            self.needs.items(), key=lambda item: (item[0][0] is None, item[0][0] or "", item[0][1])
        ):
            unit = self.units.get(district) if district else None
            rows.append(
                {
                    "district": district,
                    "district_name": unit.name if unit else None,
                    "qualification": key,
                    "label": requirement_message(requirement)(lang),
                    "officials": count,
                    "deadline": _iso(deadline),
                }
            )
        return rows


@dataclass
class RosterReport:
    """Counts a stream of assessments and rejected rows, keeping only the counts, the roll-up, the rejected rows and
    the file warnings in memory (renderers write officials as they come)."""

    as_of: date
    lang: Lang = Lang.VI
    counts: Counter[Status] = field(default_factory=Counter)
    actions: Counter[Action] = field(default_factory=Counter)
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    provisional_findings: int = 0
    provisional_passes: int = 0
    """Officials compliant or within grace only through provisional law (:attr:`Assessment.provisional_pass`)."""
    notices: int = 0
    """Findings that carry a notice (a foreseeable or unverified consequence)."""
    attention: Spill[Assessment] = field(default_factory=Spill)
    """Compliant officials a reader must still look at: a pass on provisional law, or a notice (the others with
    such a mark are among the officials to act on)."""
    review: ReviewSummary | None = None
    """The roll-up by unit; None for a report without it."""
    quality: QualityCounter | None = None
    """The quality statistics of the officials read (``summary.quality``); None for a report without them."""
    retirements: RetirementCounter | None = None
    """The retirement horizon of the officials read (``summary.retirements``); None for a report without it."""

    def __post_init__(self) -> None:
        self.lang = Lang.parse(self.lang)

    def add(self, item: Assessment | Rejected) -> Assessment | None:
        """Count one item; return it when it is an assessment."""
        if isinstance(item, Rejected):
            self.rejected.append(item)
            return None
        if self.review is not None:
            self.review.add(item)
        self.counts[item.status] += 1
        self.actions[item.action] += 1
        for finding in item.findings:
            self.outcomes[finding.outcome] += 1
            self.provisional_findings += finding.provisional
            self.notices += finding.notice is not None
        passes = item.provisional_pass
        self.provisional_passes += passes
        if item.status is Status.COMPLIANT and (passes or item.notices):
            self.attention.append(item)
        return item

    def observers(self) -> tuple[RosterObserver, ...]:
        """The counters that see every official validated (:attr:`quality`, :attr:`retirements`): the statistics
        are about the person, not the assessment (see :meth:`Engine.evaluate_roster
        <cbcc_standards.engine.Engine.evaluate_roster>`)."""
        return tuple(c for c in (self.quality, self.retirements) if c is not None)

    def consume(self, items: Iterable[Assessment | Rejected]) -> Spill[Assessment]:
        """Count every item and keep only the officials who need an action (status other than compliant), the first
        :data:`~cbcc_standards.report.spill.SPILL_AFTER` in memory, the others in a temporary file."""
        to_act: Spill[Assessment] = Spill()
        for item in items:
            a = self.add(item)
            if a is not None and a.status is not Status.COMPLIANT:
                to_act.append(a)
        return to_act

    def summary(self, *, lazy: bool = False, statistics: bool = True) -> dict[str, Any]:
        """Counts by status, action and finding outcome, plus rejected rows, units and training needs; ``lazy``: the
        long lists of people as iterators (see :meth:`RetirementHorizon.as_dict
        <cbcc_standards.report.retirements.RetirementHorizon.as_dict>`); ``statistics=False``: without ``quality``
        and ``retirements`` (for a reader that takes them from :attr:`quality` and :attr:`retirements` itself)."""
        return {
            "officials": sum(self.counts.values()),
            "rejected": len(self.rejected),
            "by_status": {s.value: self.counts[s] for s in Status},
            "by_action": {a.value: self.actions[a] for a in Action},
            "findings_by_outcome": {o.value: self.outcomes[o] for o in Outcome},
            "provisional_findings": self.provisional_findings,
            "provisional_passes": self.provisional_passes,
            "notices": self.notices,
            "units": self.review.units_summary(self.lang) if self.review else [],
            "training_needs": self.review.training_needs(self.lang) if self.review else [],
            **(
                {"quality": self.quality.result().as_dict(self.lang)} if statistics and self.quality is not None else {}
            ),
            **(
                {"retirements": self.retirements.result().as_dict(self.lang, lazy=lazy)}
                if statistics and self.retirements is not None
                else {}
            ),
        }
