"""Candidate appraisal before appointment or election, and the planning pool for a post."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, overload

from .dates import working_months_left
from .engine import Engine, default_registry
from .i18n import Message, Text
from .ladders import EVALUATION
from .law.sources import CV_3825_QN_PLANNING, ND_48_2023, QD_377_2025
from .officials import Official
from .results import Assessment, Outcome
from .rules.interpreter import effective_ratings

if TYPE_CHECKING:
    from .report.spill import Spill

__all__ = [
    "PLANNING_CRITERIA",
    "PlanningPool",
    "PoolEntry",
    "PoolStanding",
    "appraise_candidate",
    "planning_pool",
]


def appraise_candidate(
    person: Official,
    *,
    title: str,
    on: date,
    process_started: date | None = None,
    rotation: bool = False,
    first: bool = True,
    unit: str | None = None,
    province: str | None = None,
    engine: Engine | None = None,
) -> Assessment:
    """Appraise ``person`` for appointment or election to ``title`` on ``on`` (see :meth:`Engine.appraise`).

    The assessment holds the title's standards in force that day (without the grace periods of incumbents) and the
    conditions of appointment (working time left counted from ``process_started``, planning, discipline).
    """
    engine = engine or Engine(default_registry(), province=province)
    return engine.appraise(
        person, title=title, on=on, process_started=process_started, rotation=rotation, first=first, unit=unit
    )


class PoolStanding(StrEnum):
    """Where an official stands for a post in the planning pool."""

    ELIGIBLE = "eligible"
    AFTER_TRAINING = "after_training"
    """Meets everything but qualifications that training can give (named in ``training``)."""
    UNDETERMINED = "undetermined"
    NOT_ELIGIBLE = "not_eligible"


_ORDER = {s: i for i, s in enumerate(PoolStanding)}

PLANNING_CRITERIA = CV_3825_QN_PLANNING
"""What the planning criteria (minimum recent rating, outstanding streak) rest on: parameters, not a legal threshold."""
_POOL_IN_MEMORY = 1000
"""Pool entries (each with its appraisal) kept in memory; the next ones go to a temporary file."""
_ND_48_FIRST_YEAR = ND_48_2023.effective.start.year if ND_48_2023.effective.start else None


@dataclass(frozen=True, slots=True)
class PoolEntry:
    """One official considered for a post: standing, reasons, training needed, and whether outstanding."""

    id: str
    full_name: str | None
    standing: PoolStanding
    outstanding: bool
    months_left: int | None
    """Working time left from ``as_of`` to the normal retirement date."""
    training: tuple[str, ...]
    """Rule codes whose qualification standards are not yet met (what training must give)."""
    reasons: tuple[Message | Text, ...]
    missing: tuple[str, ...]
    assessment: Assessment
    """The appraisal against the post behind the standing."""


def planning_pool(
    officials: Iterable[Official],
    *,
    title: str,
    as_of: date,
    terms: int | None = None,
    min_rating: str = "hoan_thanh_tot",
    rated_years: int = 2,
    outstanding_years: int = 2,
    engine: Engine | None = None,
) -> PlanningPool:
    """Officials who could fill ``title``, ordered: eligible, eligible after named training, undetermined, not
    eligible; outstanding first, then by working time left (more first), then id.

    An official qualifies when the appraisal for the post on ``as_of`` (standards and appointment conditions, the
    planning condition itself excepted) raises nothing but qualification shortfalls; they have working time for
    ``terms`` full 5-year terms (default: one before QĐ 377-QĐ/TW of 08/10/2025, two from it [M]); the ratings of the
    ``rated_years`` years before ``as_of``'s year are at least ``min_rating``. ``outstanding`` marks officials rated
    "hoàn thành xuất sắc" in each of the latest ``outstanding_years`` years.
    """
    engine = engine or Engine(default_registry())
    code = engine.registry.titles.resolve(title)
    if terms is None:
        terms = 2 if as_of >= (QD_377_2025.effective.start or as_of) else 1
    if terms < 1 or rated_years < 0 or outstanding_years < 1:
        raise ValueError("terms and outstanding_years must be at least 1, rated_years at least 0")
    from .report.spill import Spill

    min_rank = EVALUATION.rank(EVALUATION.parse(min_rating))
    entries: Spill[PoolEntry] = Spill(limit=_POOL_IN_MEMORY)
    keys: list[tuple[int, bool, int, str, int]] = []
    for number, official in enumerate(officials):
        e = _entry(engine, official, code, as_of, terms, min_rank, rated_years, outstanding_years)
        entries.append(e)
        keys.append((_ORDER[e.standing], not e.outstanding, -(e.months_left or -1), e.id, number))
    keys.sort()
    return PlanningPool(entries, array("q", (k[-1] for k in keys)))


class PlanningPool(Sequence[PoolEntry]):
    """The entries of a planning pool in their order, read from a :class:`~cbcc_standards.report.spill.Spill`: the
    first 1,000 in memory, the others in a temporary file, so that a national roster's pool stays out of memory
    (the order costs a sort key an official while the pool is built, 8 bytes an official after). Equal to a list of
    the same entries."""

    def __init__(self, entries: Spill[PoolEntry], order: array[int]) -> None:
        self._entries = entries
        self._order = order

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> PoolEntry: ...
    @overload
    def __getitem__(self, index: slice) -> list[PoolEntry]: ...
    def __getitem__(self, index: int | slice) -> PoolEntry | list[PoolEntry]:
        if isinstance(index, slice):
            return [self._entries[i] for i in self._order[index]]
        return self._entries[self._order[index]]

    def __iter__(self) -> Iterator[PoolEntry]:
        for i in self._order:
            yield self._entries[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PlanningPool({len(self)} entries)"


def _entry(
    engine: Engine,
    official: Official,
    code: str,
    as_of: date,
    terms: int,
    min_rank: int,
    rated_years: int,
    outstanding_years: int,
) -> PoolEntry:
    planned = (
        official
        if code in (official.planned_titles or ())
        else official.model_copy(update={"planned_titles": (*(official.planned_titles or ()), code)})
    )
    assessment = engine.appraise(planned, title=code, on=as_of)
    reasons: list[Message | Text] = []
    training: list[str] = []
    missing: list[str] = []
    blocked = undetermined = False
    for f in assessment.findings:
        if f.outcome is Outcome.NOT_MET:
            if _trainable(engine, f.rule):
                training.append(f.rule)
            else:
                blocked = True
            reasons.append(f.message)
        elif f.outcome in (Outcome.UNDETERMINED, Outcome.ERROR):
            undetermined = True
            missing.extend(f.missing)
            reasons.append(f.message)
    months = None
    if official.birth_date is not None and official.gender is not None:
        months = working_months_left(official.gender, official.birth_date, as_of)
        if months < terms * 60:
            blocked = True
            reasons.append(Message.of("planning.short_term", months=months, terms=terms, need=terms * 60))
    else:
        undetermined = True
        missing.extend(n for n in ("birth_date", "gender") if getattr(official, n) is None)
    ratings = effective_ratings(official, as_of.year - 1, _ND_48_FIRST_YEAR)
    for year in range(as_of.year - rated_years, as_of.year):
        rating = ratings.get(year)
        if rating is None:
            undetermined = True
            missing.append(f"evaluations.{year}")
        elif EVALUATION.rank(rating) < min_rank:
            blocked = True
            reasons.append(Message.of("planning.rating", year=year, rating=rating))
    latest = sorted(ratings)[-outstanding_years:]
    outstanding = (
        len(latest) == outstanding_years
        and latest[-1] - latest[0] == outstanding_years - 1
        and all(ratings[y] == "hoan_thanh_xuat_sac" for y in latest)
    )
    if blocked:
        standing = PoolStanding.NOT_ELIGIBLE
    elif undetermined:
        standing = PoolStanding.UNDETERMINED
    elif training:
        standing = PoolStanding.AFTER_TRAINING
    else:
        standing = PoolStanding.ELIGIBLE
    return PoolEntry(
        id=official.id,
        full_name=official.full_name,
        standing=standing,
        outstanding=outstanding,
        months_left=months,
        training=tuple(training),
        reasons=tuple(reasons),
        missing=tuple(dict.fromkeys(missing)),
        assessment=assessment,
    )


def _trainable(engine: Engine, code: str) -> bool:
    """A shortfall training can remedy, as the rule's requirement declares it."""
    try:
        rule = engine.registry.rule(code)[0]
    except KeyError:
        return False
    return rule.trainable
