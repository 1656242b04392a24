"""The retirement horizon of a roster: who reaches the normal retirement age within a period after ``as_of``, by unit
and post, with the dates of the ND 135/2020 roadmap (:func:`cbcc_standards.dates.retirement`), and how many retire
in each of the next years.

The window runs from ``as_of`` to ``as_of`` plus ``within_months`` (:func:`cbcc_standards.dates.add_months`), both
days included: an official whose retirement date (the last day of the month the age is reached) is on the window's
last day is in it; one a month later is not. Officials already past their retirement date on ``as_of`` are listed
apart (``overdue``); those whose birth date or gender is unknown are counted as unknown, never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..dates import Gender, RetirementAge, add_months, retirement
from ..i18n import Lang
from ..officials import Official
from ..sanity import plausible
from ..units import AdministrativeUnit, unit_chain
from .quality import Spawning, unit_order
from .spill import SortingSpill

__all__ = [
    "DEFAULT_WITHIN_MONTHS",
    "HORIZON_YEARS",
    "RetirementCounter",
    "RetirementHorizon",
    "Retiring",
    "parse_months",
    "retirement_horizon",
]

DEFAULT_WITHIN_MONTHS = 24
"""The default window: the next 24 months."""
HORIZON_YEARS = 5
"""Calendar years counted ahead, ``as_of``'s year first."""

_PERIOD = re.compile(r"^\s*(\d{1,3})\s*(m|months?|th|thang|tháng|y|years?|n|nam|năm)?\s*$", re.IGNORECASE)


def parse_months(text: str) -> int:
    """A period as months: ``"24m"``, ``"24"``, ``"2y"``, ``"18 tháng"``, ``"2 năm"``; ``ValueError`` otherwise."""
    m = _PERIOD.match(text)
    if m is None or int(m[1]) == 0:
        raise ValueError(f"invalid period {text!r} (expected months or years, e.g. 24m or 2y)")
    unit = (m[2] or "m").lower()
    return int(m[1]) * (12 if unit[0] in "yn" else 1)


@dataclass(frozen=True)
class Retiring:
    """An official and their normal retirement: date, pension start, age applied; the candidates of the planning
    pool for their post (officials of the same unit who have the title among their ``planned_titles``)."""

    id: str
    full_name: str | None
    gender: Gender
    birth_date: date
    unit: str | None
    title: str | None
    retirement_date: date
    pension_from: date
    age_applied: RetirementAge
    candidates: tuple[tuple[str, str | None], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape."""
        return {
            "id": self.id,
            "full_name": self.full_name,
            "gender": self.gender.value,
            "birth_date": self.birth_date.isoformat(),
            "unit": self.unit,
            "title": self.title,
            "retirement_date": self.retirement_date.isoformat(),
            "pension_from": self.pension_from.isoformat(),
            "age_applied": {"years": self.age_applied.years, "months": self.age_applied.months},
            "candidates": [{"id": i, "full_name": n} for i, n in self.candidates],
        }


@dataclass
class RetirementHorizon:
    """Who retires within the window (``people``, by date), who is already past the date (``overdue``), counts per
    calendar year (``per_year``, the next :data:`HORIZON_YEARS` years from ``as_of``) in total and per unit up the
    hierarchy (``per_unit``), and the ids whose retirement cannot be computed (``unknown``). ``people`` and
    ``overdue`` are lists, or for a national roster sequences read back from a temporary file
    (:class:`~cbcc_standards.report.spill.Spill`, equal to a list of the same people)."""

    as_of: date
    within_months: int
    until: date
    people: Sequence[Retiring]
    overdue: Sequence[Retiring]
    per_year: dict[int, int]
    per_unit: dict[str | None, dict[int, int]]
    unit_info: Mapping[str, AdministrativeUnit]
    unknown: list[str] = field(default_factory=list)

    def unit_rows(self) -> list[dict[str, Any]]:
        """Per unit, up the hierarchy, depth first: the counts per year."""
        rows = []
        for code in unit_order(self.unit_info, self.per_unit):
            unit = self.unit_info.get(code) if code is not None else None
            rows.append(
                {
                    "code": code,
                    "name": unit.name if unit else None,
                    "tier": unit.tier.value if unit else None,
                    "per_year": {str(y): n for y, n in self.per_unit[code].items()},
                }
            )
        return rows

    def as_dict(self, lang: Lang | str = Lang.VI, *, lazy: bool = False) -> dict[str, Any]:
        """The JSON shape (``summary.retirements``); ``lazy``: the lists of people as iterators, each person's shape
        made as it is written (a streaming writer's choice: a national roster names many)."""
        officials = (r.as_dict() for r in self.people)
        overdue = (r.as_dict() for r in self.overdue)
        return {
            "as_of": self.as_of.isoformat(),
            "within_months": self.within_months,
            "until": self.until.isoformat(),
            "officials": officials if lazy else list(officials),
            "overdue": overdue if lazy else list(overdue),
            "per_year": {str(y): n for y, n in self.per_year.items()},
            "units": self.unit_rows(),
            "unknown": len(self.unknown),
            "unknown_ids": list(self.unknown),
        }


class RetirementCounter(Spawning):
    """Reads officials one at a time, keeping only those who retire within the window (``within_months``), the
    overdue and the planning candidates, and counting by unit those who retire in each of the next
    :data:`HORIZON_YEARS` years; :meth:`result` gives the horizon."""

    def __init__(
        self,
        as_of: date,
        within_months: int = DEFAULT_WITHIN_MONTHS,
        units: Mapping[str, AdministrativeUnit] | None = None,
    ) -> None:
        if within_months < 1:
            raise ValueError(f"the window must be at least one month, got {within_months}")
        self.as_of = as_of
        self.within_months = within_months
        try:
            self.until = add_months(as_of, within_months)
        except ValueError:  # past the year 9999: the window ends with the calendar
            self.until = date.max
        self.units = units or {}
        self.years = tuple(range(as_of.year, as_of.year + HORIZON_YEARS))
        self._reset()

    def _reset(self) -> None:
        self._soon: SortingSpill[Retiring] = SortingSpill(_order)
        """Those who retire within the window (listed by name; past the first 10,000, sorted in runs on disk)."""
        self._overdue: SortingSpill[Retiring] = SortingSpill(_order)
        self._unknown: list[str] = []
        self._planned: dict[tuple[str | None, str], list[tuple[str, str | None]]] = {}
        self._leaf: dict[str | None, Counter[int]] = {}
        """Those who retire in each year of the horizon, by unit (counted, not kept: the window is what is listed)."""

    def counts(self) -> tuple[Any, ...]:
        """What this counter has read, as plain data a worker sends back (see :meth:`absorb`); the people as lists
        already sorted."""
        return (list(self._soon.sorted()), list(self._overdue.sorted()), self._unknown, self._planned, self._leaf)

    def absorb(self, counts: tuple[Any, ...]) -> None:
        """Add the :meth:`counts` of another counter with the same settings, read after the officials read here."""
        soon, overdue, unknown, planned, leaf = counts
        for unit, years in leaf.items():
            self._leaf.setdefault(unit, Counter()).update(years)
        self._soon.extend(soon)
        self._overdue.extend(overdue)
        self._unknown.extend(unknown)
        for key, people in planned.items():
            self._planned.setdefault(key, []).extend(people)

    def add(self, official: Official) -> None:
        """Read one official (an impossible date counts as unknown, as for the rules)."""
        official = plausible(official, self.as_of)
        for title in official.planned_titles or ():
            self._planned.setdefault((official.unit, title), []).append((official.id, official.full_name))
        if official.birth_date is None or official.gender is None:
            self._unknown.append(official.id)
            return
        found = retirement(official.gender, official.birth_date)
        day = found.retirement_date
        overdue = day < self.as_of
        if not overdue and day.year <= self.years[-1]:
            unit = official.unit if official.unit in self.units else None
            counted = self._leaf.get(unit)
            if counted is None:
                counted = self._leaf[unit] = Counter()
            counted[day.year] += 1
        if not overdue and day > self.until:
            return
        entry = Retiring(
            id=official.id,
            full_name=official.full_name,
            gender=official.gender,
            birth_date=official.birth_date,
            unit=official.unit,
            title=official.title,
            retirement_date=day,
            pension_from=found.pension_from,
            age_applied=found.age_applied,
        )
        (self._overdue if overdue else self._soon).append(entry)

    def _with_candidates(self, entry: Retiring) -> Retiring:
        if entry.title is None:
            return entry
        found = tuple(c for c in self._planned.get((entry.unit, entry.title), ()) if c[0] != entry.id)
        if not found:
            return entry
        return Retiring(**{**entry.__dict__, "candidates": found})

    def result(self) -> RetirementHorizon:
        """The horizon of the officials read so far."""
        people = self._soon.sorted(self._with_candidates)
        per_year = dict.fromkeys(self.years, 0)
        for counted in self._leaf.values():
            for year, n in counted.items():
                per_year[year] += n
        per_unit: dict[str | None, dict[int, int]] = {}
        for code, counts in self._leaf.items():
            for link in unit_chain(code, self.units) or (None,):
                row = per_unit.setdefault(link, dict.fromkeys(self.years, 0))
                for year, n in counts.items():
                    row[year] += n
        return RetirementHorizon(
            as_of=self.as_of,
            within_months=self.within_months,
            until=self.until,
            people=people,
            overdue=self._overdue.sorted(),
            per_year=per_year,
            per_unit=per_unit,
            unit_info=self.units,
            unknown=list(self._unknown),
        )


def _order(r: Retiring) -> tuple[date, str, str]:
    """The order of the people listed: by retirement date, unit, id."""
    return (r.retirement_date, r.unit or "", r.id)


def retirement_horizon(
    officials: Iterable[Official],
    as_of: date,
    within_months: int = DEFAULT_WITHIN_MONTHS,
    units: Mapping[str, AdministrativeUnit] | None = None,
) -> RetirementHorizon:
    """The retirement horizon of ``officials`` on ``as_of`` (see the module's documentation)."""
    counter = RetirementCounter(as_of, within_months, units)
    for official in officials:
        counter.add(official)
    return counter.result()
