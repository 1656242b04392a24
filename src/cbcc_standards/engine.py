"""The point-in-time engine: select the rules in force on ``as_of``, interpret them, compose deadlines, assess."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import count
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

from pydantic import ValidationError

from ._rowcheck import RowValidator
from .dates import age_on, parse_full_date
from .i18n import Message, Text
from .law import Confidence, LegalBasis
from .officials import Official
from .plugins import Registry, load_registry
from .reading.pending import PendingRow
from .results import Assessment, Finding, Outcome, Rejected, RowError, row_errors
from .rules.interpreter import check, remedied
from .rules.interpreter import evaluate as interpret
from .rules.model import NATIONAL, Appointment, Context, Deadline, Delegation, Rule, Verdict
from .rules.requirements import (
    AnyOf,
    AppointmentTerm,
    Custom,
    DisciplineWaiting,
    Holds,
    InPlanning,
    MinAge,
    MinLevel,
    NoConsecutiveFailures,
    NoFailureSince,
    NotEncoded,
    NotPastRetirement,
    RecentRatings,
    Requirement,
    StateManagementCertificate,
    TimeInLowerPost,
    TitleInForce,
)
from .sanity import implausible_dates
from .titles import Title
from .units import AdministrativeUnit

if TYPE_CHECKING:
    from .parallel import EngineSpec

__all__ = [
    "Engine",
    "RosterObserver",
    "as_date",
    "default_registry",
    "evaluate",
    "evaluate_roster",
    "reset_defaults",
    "screen_roster",
]

M = Message.of
V = TypeVar("V")


_SERIALS = count()
"""Numbers of bound rules, unique in the process: a bound rule's findings are cached under its number."""


@dataclass(frozen=True, slots=True)
class _Bound:
    """A rule ready to run on one date: its plugin and the provincial deadlines that apply to it."""

    rule: Rule
    source: str
    deadlines: tuple[Deadline, ...]
    provisional: bool
    basis: tuple[LegalBasis, ...]
    """The rule's bases, one per citation (two notes on one document's article are cited once)."""
    facets: tuple[tuple[str, Facet], ...] | None = None
    """What the rule's requirement reads of the official (see :func:`facets_of`), each facet with how it is read;
    None: its findings are not cached (a custom check)."""
    remedies: bool = False
    """The rule has reliefs or grace periods (they read more than the requirement: a shortfall is remedied under a
    key of its own, see ``accepts`` and ``thresholds``)."""
    interpreted: bool = True
    """No custom check in the rule (its requirement, its reliefs' accepted requirements): the interpreter reads only
    the official's fields and the context, never the id or the name."""
    accepts: tuple[tuple[str, Facet], ...] | None = None
    """What the requirements the rule's reliefs accept read of the official (see :func:`facets_of`), each facet with
    how it is read; None: its remedied shortfalls are not cached (no remedies, or a custom check)."""
    thresholds: tuple[tuple[str, date, bool], ...] = ()
    """The days the rule's reliefs and grace periods compare a date of the official with: (``appointed_on`` or
    ``service_start``, the day, True for on or before / False for before it) — all they read of those dates."""
    serial: int = field(default_factory=lambda: next(_SERIALS))


# What each kind of requirement reads of the official besides the date, the rule and the title the engine resolves
# from ``Official.title`` (rules/interpreter.py, function by function). A facet is a field of the official;
# ``q:<kind>``, the qualifications of one kind; ``age``, the age in whole years on the date (all a minimum age
# reads of the birth date); ``birth_month``, the year and month of birth (all the retirement roadmap reads of it).
# A kind missing here is not cached: those that read whole dates of the official (the age or working time at the
# appointment) would rarely be found again. Appraisals are never cached.
_READS: dict[type, Callable[[Any], frozenset[str]]] = {
    MinLevel: lambda r: frozenset({f"q:{r.ladder}"}),
    StateManagementCertificate: lambda r: frozenset({"q:state_management", "q:political_theory"}),
    Holds: lambda r: frozenset({f"q:{r.kind}"}),
    MinAge: lambda r: frozenset({"age"}),
    AppointmentTerm: lambda r: frozenset(),  # outside an appraisal, always not applicable
    TimeInLowerPost: lambda r: frozenset(),  # idem
    InPlanning: lambda r: frozenset({"title", "planned_titles"}),
    RecentRatings: lambda r: frozenset({"evaluations", "disciplines"}),
    DisciplineWaiting: lambda r: frozenset({"disciplines"}),
    NoConsecutiveFailures: lambda r: frozenset({"evaluations", "disciplines"}),
    NoFailureSince: lambda r: frozenset({"evaluations", "disciplines"}),
    NotPastRetirement: lambda r: frozenset({"birth_month", "gender"}),
    TitleInForce: lambda r: frozenset({"title", "category"}),
    NotEncoded: lambda r: frozenset(),
}


def _custom(requirement: Requirement | None) -> bool:
    """True when ``requirement`` is, or has among its options, a custom check."""
    if isinstance(requirement, AnyOf):
        return any(_custom(option) for option in requirement.options)
    return isinstance(requirement, Custom)


def _accepts(rule: Rule) -> tuple[tuple[str, Facet], ...] | None:
    """The facets the requirements ``rule``'s reliefs accept read, each with how it is read (empty when none accepts
    one); None when the rule has no reliefs nor grace periods, or when what an accepted requirement reads cannot be
    said (a custom check)."""
    if not (rule.reliefs or rule.graces):
        return None
    names: set[str] = set()
    for relief in rule.reliefs:
        if relief.accept is not None:
            reads = facets_of(relief.accept)
            if reads is None:
                return None
            names.update(reads)
    return tuple((n, _facet(n)) for n in sorted(names))


def _thresholds(rule: Rule) -> tuple[tuple[str, date, bool], ...]:
    """The comparisons of the official's dates ``rule``'s remedies make (rules/interpreter.py): a relief for those
    appointed before a day (``appointed_on < day``), a grace period for those in office by a day (``start <= day``,
    the start the appointment or the earliest of recruitment and appointment)."""
    days: list[tuple[str, date, bool]] = []
    for relief in rule.reliefs:
        if relief.appointed_before is not None:
            days.append(("appointed_on", relief.appointed_before, False))
    for grace in rule.graces:
        start = "appointed_on" if grace.start_field == "appointed_on" else "service_start"
        days.append((start, grace.in_office_by, True))
    return tuple(days)


def facets_of(requirement: Requirement) -> tuple[str, ...] | None:
    """The facets of the official a requirement's verdict depends on (sorted), or None when it cannot be said (a
    custom check, a kind of requirement the table does not know)."""
    if isinstance(requirement, AnyOf):
        parts = [facets_of(option) for option in requirement.options]
        if any(p is None for p in parts):
            return None
        return tuple(sorted({f for p in parts if p is not None for f in p}))
    reads = _READS.get(type(requirement))
    return tuple(sorted(reads(requirement))) if reads is not None else None


Facet = Callable[[Official, date], Any]
"""How one facet of an official is read on a date, as a hashable key."""


def _age(official: Official, as_of: date) -> Any:
    return age_on(official.birth_date, as_of) if official.birth_date is not None else None


def _birth_month(official: Official, as_of: date) -> Any:
    birth = official.birth_date
    return (birth.year, birth.month) if birth is not None else None


def _items(name: str) -> Facet:
    def read(official: Official, as_of: date) -> Any:
        items = getattr(official, name)
        return None if items is None else tuple(tuple(item.__dict__.values()) for item in items)

    return read


def _qualifications(kind: str) -> Facet:
    def read(official: Official, as_of: date) -> Any:
        qualifications = official.qualifications
        if qualifications is None:
            return None
        return tuple(tuple(q.__dict__.values()) for q in qualifications if q.kind == kind)

    return read


def _field(name: str) -> Facet:
    def read(official: Official, as_of: date) -> Any:
        return getattr(official, name)

    return read


@lru_cache(maxsize=64)
def _facet(name: str) -> Facet:
    """How a facet is read: a field, or the content of the qualifications of a kind (every field of each, in record
    order; None when the record is unknown); evaluations and disciplines by every field of each; the age on the date
    or the year and month of birth (None when the birth date is unknown)."""
    if name == "age":
        return _age
    if name == "birth_month":
        return _birth_month
    if name.startswith("q:"):
        return _qualifications(name[2:])
    if name in ("evaluations", "disciplines"):
        return _items(name)
    return _field(name)


_BOUND_LIMIT = 65536
"""The most rules kept bound (rules × dates) before they are bound afresh."""


class _Cache(Generic[V]):
    """A cache by value, bounded: when full it is emptied. Safe across threads: a value is stored whole, and a race
    at worst computes one twice.

    The engine has three: the findings of bound rules by what their requirement read of the official (see
    :func:`facets_of`) — a value is the rule's :class:`Finding`, or, for a shortfall of a rule with reliefs or grace
    periods (which read more than the key), the requirement's verdict; the remedied findings of those shortfalls, by
    that key and what the remedies read (the unit's flags, and its code where a delegation lists units; the held
    title, the ethnic minority flag, how the appointment date and the start of service compare with the remedies'
    days, what an accepted lower requirement reads); and the assessments of :meth:`Engine.evaluate` by the
    official's whole record but the id and the name.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: dict[tuple[Any, ...], V] = {}

    def get(self, key: tuple[Any, ...]) -> V | None:
        return self.entries.get(key)

    def put(self, key: tuple[Any, ...], value: V) -> None:
        if self.size <= 0:
            return
        if len(self.entries) >= self.size:
            self.entries.clear()
        self.entries[key] = value


_LISTS = ("qualifications", "evaluations", "disciplines")
"""The fields of an official that are lists of records (each keyed by its class and every field)."""
_RECORD = tuple(name for name in Official.model_fields if name not in ("id", "full_name", *_LISTS))
"""The other fields of an official that key a whole assessment: every one but the id and the name (no rule the
interpreter runs reads them; the assessment carries the official's own)."""


def _record(official: Official) -> tuple[Any, ...]:
    """The official's record but the id and the name, as a hashable key: scalars as they are, the qualifications,
    evaluations and disciplines as the class and every field of each, in record order."""
    fields = official.__dict__
    values = [fields[name] for name in _RECORD]
    for name in _LISTS:
        items = fields[name]
        values.append(None if items is None else tuple([(i.__class__, *i.__dict__.values()) for i in items]))
    return tuple(values)


class _Seen:
    """Hashes of keys seen once, bounded (emptied when full): an assessment is kept from its record's second time on,
    so that a stream of different officials does not fill the cache with objects (which the garbage collector would
    then scan again and again) that are never asked for again."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.hashes: set[int] = set()

    def again(self, digest: int) -> bool:
        """True when ``digest`` was seen before (and it is forgotten); otherwise it is recorded."""
        hashes = self.hashes
        if digest in hashes:
            hashes.discard(digest)
            return True
        if len(hashes) >= self.size:
            hashes.clear()
        hashes.add(digest)
        return False


_CONTEXTS_LIMIT = 4096
"""The most contexts of assessments kept (days × units × titles) before they are built afresh."""

_UNCOVERED_LIMIT = 4096
"""The most findings "no standard encoded for the title" kept (titles × dates) before they are built afresh."""

_ASSESSMENTS_LIMIT = 4096
"""The most assessments :meth:`Engine.evaluate` keeps (fewer when ``cache_size`` is smaller)."""


def cited_once(bases: Iterable[LegalBasis]) -> tuple[LegalBasis, ...]:
    """``bases`` in order, the first of each citation (document, article, clause, point) only."""
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    kept = []
    for b in bases:
        key = (b.document, b.article, b.clause, b.point)
        if key not in seen:
            seen.add(key)
            kept.append(b)
    return tuple(kept)


def as_date(value: date | str) -> date:
    """An evaluation date from a ``date`` or a full ISO / ``dd/mm/yyyy`` string (a partial date is refused)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_full_date(value)
    raise TypeError(f"expected a date or a date string, got {type(value).__name__}")


def _validation_errors(exc: ValidationError) -> tuple[RowError, ...]:
    return row_errors(exc.errors(include_url=False, include_input=True))


class _Selection:
    """The one cache of the engine: the rules bound for a (date, title, appraisal), by value, bounded (LRU)."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[date, str | None, bool], tuple[tuple[_Bound, ...], bool]] = OrderedDict()

    def get(self, key: tuple[date, str | None, bool]) -> tuple[tuple[_Bound, ...], bool] | None:
        found = self.entries.get(key)
        if found is not None:
            with suppress(KeyError):  # evicted meanwhile by another thread
                self.entries.move_to_end(key)
        return found

    def put(self, key: tuple[date, str | None, bool], value: tuple[tuple[_Bound, ...], bool]) -> None:
        self.entries[key] = value
        if len(self.entries) > self.size:
            self.entries.popitem(last=False)


class Engine:
    """Evaluates officials against the rules of a registry, for a jurisdiction, with known units.

    Build one per job and reuse it: rule selection is cached per (date, title). ``province`` selects the provincial
    rule sets, delegations and deadlines of that jurisdiction on top of the national ones. ``units`` (the user's,
    the whole tree of the review's date) replace the units contributed by plugins, which are used when none are
    given. With ``strict`` a rule that raises stops the run.

    Findings are cached by value (``cache_size`` entries at most; 0 turns the caches off): a rule's finding is kept
    under the date and exactly what its requirement reads of the official (the qualifications of one kind, the age,
    the birth month…), so officials alike in that share it; a shortfall remedied by reliefs or grace periods is kept
    under that and what the remedies read. Custom checks and appraisals are not cached. :meth:`evaluate` also keeps
    whole assessments (see there).
    docs/performance.md, "The engine's caches".
    """

    def __init__(
        self,
        registry: Registry | None = None,
        *,
        province: str | None = None,
        units: Mapping[str, AdministrativeUnit] | Iterable[AdministrativeUnit] | None = None,
        strict: bool = False,
        cache_size: int = 8192,
    ) -> None:
        self.registry = registry if registry is not None else default_registry()
        if province is not None:
            province = self.registry.resolve_jurisdiction(province)
        self.province = province
        self.strict = strict
        supplied = list(units.values() if isinstance(units, Mapping) else (units or ()))
        self.user_units = bool(supplied)
        # A units file is the whole tree of its date: plugins' units (a province's of 2021, say) are not mixed in.
        self.units: dict[str, AdministrativeUnit] = (
            {u.code: u for u in supplied} if supplied else dict(self.registry.units)
        )
        jurisdictions = {NATIONAL} | ({province} if province else set())
        self._rules = tuple(
            (rule, source) for rule, ruleset, source in self.registry.rules() if ruleset.jurisdiction in jurisdictions
        )
        self._deadlines = tuple(d for d, _ in self.registry.deadlines if d.jurisdiction in jurisdictions)
        self._delegations = tuple(
            d for s in self.registry.rulesets if s.ruleset.jurisdiction in jurisdictions for d in s.ruleset.delegations
        )
        self._selection = _Selection()
        self._findings: _Cache[Finding | Verdict] = _Cache(cache_size)
        self._assessments: _Cache[tuple[AdministrativeUnit | None, Assessment]] = _Cache(
            min(cache_size, _ASSESSMENTS_LIMIT)
        )
        self._remedied: _Cache[Finding] = _Cache(cache_size)
        # A delegation of the engine lists its units: a remedy may read a unit's code.
        self._listing = any(d.units is not None for d in self._delegations)
        self._seen = _Seen(max(cache_size, 1))
        self._validate = RowValidator({"titles": self.registry.titles})
        self._uncovered: dict[tuple[date, str], tuple[Title, Finding]] = {}
        self._contexts: dict[tuple[date, int, int, int], Context] = {}
        self._bound: dict[tuple[int, date], _Bound] = {}

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """The deadlines of the selected jurisdictions (national and ``province``)."""
        return self._deadlines

    @property
    def rules(self) -> tuple[tuple[Rule, str], ...]:
        """The rules of the selected jurisdictions, with the plugin of each."""
        return self._rules

    # -- selection -------------------------------------------------------------------------------------------

    def rules_for(self, as_of: date, title: str | None, appraisal: bool = False) -> tuple[_Bound, ...]:
        """The rules in force on ``as_of`` for a title code; with ``appraisal``, the conditions of appointment too."""
        return self._select(as_of, title, appraisal)[0]

    def _select(self, as_of: date, title: str | None, appraisal: bool) -> tuple[tuple[_Bound, ...], bool]:
        key = (as_of, title, appraisal)
        found = self._selection.get(key)
        if found is None:
            chosen = [
                (number, rule)
                for number, (rule, _) in enumerate(self._rules)
                if rule.applies(as_of, title) and (appraisal or not rule.appointment_only)
            ]
            # A provincial rule that gives content to a national standard the sources leave unencoded supersedes it.
            supplied = {r.tightens for _, r in chosen if r.tightens is not None}
            bound = tuple(
                self._bind(number, as_of)
                for number, r in chosen
                if not (r.code in supplied and isinstance(r.requirement, NotEncoded))
            )
            has_standard = any(b.rule.standard and not b.rule.appointment_only for b in bound)
            found = (bound, has_standard)
            self._selection.put(key, found)
        return found

    def _bind(self, number: int, as_of: date) -> _Bound:
        """The rule ``number`` of :attr:`rules` bound on ``as_of``: one object for every title it applies to, so that
        its cached findings are shared."""
        key = (number, as_of)
        found = self._bound.get(key)
        if found is None:
            rule, source = self._rules[number]
            found = _Bound(
                rule,
                source,
                tuple(d for d in self._deadlines if d.covers(rule.code, as_of)),
                rule.provisional,
                cited_once(rule.basis),
                None if (names := facets_of(rule.requirement)) is None else tuple((n, _facet(n)) for n in names),
                bool(rule.reliefs or rule.graces),
                not (_custom(rule.requirement) or any(_custom(r.accept) for r in rule.reliefs)),
                _accepts(rule),
                _thresholds(rule),
            )
            if len(self._bound) >= _BOUND_LIMIT:
                self._bound.clear()
            found = self._bound.setdefault(key, found)
        return found

    def _delegations_for(self, as_of: date) -> dict[str, tuple[Delegation, ...]]:
        return _delegations_on(self._delegations, as_of)

    # -- evaluation ------------------------------------------------------------------------------------------

    def evaluate(
        self,
        official: Official | Mapping[str, Any],
        *,
        as_of: date | str,
        unit: AdministrativeUnit | None = None,
    ) -> Assessment:
        """Assess one official on ``as_of`` (a date or an ISO / ``dd/mm/yyyy`` string). ``official`` is an
        :class:`Official` or a roster row (validated here, title names resolved). ``unit`` overrides the lookup of
        ``official.unit`` in the known units.

        An official whose record (all but the id and the name) was assessed on the same day gets the same assessment,
        under their own id and name, from a cache (not with ``unit``, nor where a custom check ran)."""
        person = self.official(official)
        day = as_date(as_of)
        if unit is not None or self._assessments.size <= 0 or person.__class__ is not Official:
            return self._assess(person, day, unit, ())
        known = self.units.get(person.unit) if person.unit is not None else None
        key = (day, id(known), *_record(person))
        try:
            found = self._assessments.get(key)
        except TypeError:  # a value that cannot be hashed (a subclass's field): not cached
            return self._assess(person, day, known, ())
        if found is not None and found[0] is known:
            cached = found[1]
            if cached.id == person.id and cached.full_name == person.full_name:
                return cached
            return replace(cached, id=person.id, full_name=person.full_name)
        pure: list[bool] = []
        assessment = self._assess(person, day, known, (), pure=pure)
        if pure and pure[0] and self._seen.again(hash(key)):
            self._assessments.put(key, (known, assessment))
        return assessment

    def official(self, row: Official | Mapping[str, Any]) -> Official:
        """An :class:`Official` from a roster row (title names resolved through the catalogue); pydantic's
        ``ValidationError`` when the row is invalid."""
        if isinstance(row, Official):
            return row
        return self._validate(row)

    def appraise(
        self,
        person: Official | Mapping[str, Any],
        *,
        title: str,
        on: date | str,
        process_started: date | str | None = None,
        rotation: bool = False,
        first: bool = True,
        unit: str | AdministrativeUnit | None = None,
    ) -> Assessment:
        """Appraise a candidate for appointment or election to ``title`` on ``on``.

        The person is assessed as if holding the title from ``on`` (in ``unit``, default their own): the title's
        standards with no incumbents' grace period, plus the conditions of appointment in force that day (remaining
        working time counted from ``process_started``, planning, discipline; ``rotation`` asks for two terms).
        ``title`` is a code or a Vietnamese name; an unknown one raises ``ValueError``.
        """
        person = self.official(person)
        day = as_date(on)
        started = as_date(process_started) if process_started is not None else day
        code = self.registry.titles.resolve(title)
        target = self.registry.titles[code]
        unit_code = unit.code if isinstance(unit, AdministrativeUnit) else unit or person.unit
        candidate = person.model_copy(
            update={"title": code, "appointed_on": day, "category": target.category, "unit": unit_code}
        )
        current = self._title(person.title) if person.title else None
        appointment = Appointment(
            on=day,
            process_started=started,
            rotation=rotation,
            first=first,
            current_title=current.code if current is not None else person.title,
            current_since=person.appointed_on,
            current_leadership=current is not None and current.leadership,
        )
        return self._assess(candidate, day, unit if isinstance(unit, AdministrativeUnit) else None, (), appointment)

    def _assess(
        self,
        official: Official,
        as_of: date,
        unit: AdministrativeUnit | None,
        warnings: tuple[RowError, ...],
        appointment: Appointment | None = None,
        *,
        pure: list[bool] | None = None,
    ) -> Assessment:
        """The assessment of one official (``pure``, when given, is told whether only the interpreter ran: no custom
        check)."""
        problems = implausible_dates(official, as_of)
        if problems:  # no verdict rests on an impossible date: the rules see it as unknown
            official = official.model_copy(update=dict.fromkeys((f for f, _ in problems), None))
        if unit is None and official.unit is not None:
            unit = self.units.get(official.unit)
        title: Title | None = self._title(official.title) if official.title else None
        held: Title | None = None
        if title is not None and (successor := self._successor(title, as_of)) is not None:
            held, title = title, successor
        ctx = self._context(as_of, unit, title, held) if appointment is None else None
        if ctx is None:
            ctx = Context(
                as_of=as_of,
                unit=unit,
                title=title,
                delegations=self._delegations_for(as_of),
                appointment=appointment,
                held_title=held,
            )
        bound, has_standard = self._select(as_of, title.code if title is not None else None, appointment is not None)
        if pure is not None:
            pure.append(all(b.interpreted for b in bound))
        if appointment is None and self._findings.size > 0:
            facets: dict[str, Any] = {}
            findings = [self._cached(b, official, ctx, facets) for b in bound]
        else:
            findings = [self._run(b, official, ctx) for b in bound]
        if title is not None and not has_standard and title.valid.contains(as_of):
            findings.append(self._no_standards(title, as_of))
        if problems:
            findings.append(_implausible(problems))
        return Assessment.of(
            id=official.id,
            as_of=as_of,
            full_name=official.full_name,
            title=(held or title).code if title is not None else official.title,
            unit=official.unit,
            findings=tuple(findings),
            warnings=warnings,
        )

    def _context(
        self, as_of: date, unit: AdministrativeUnit | None, title: Title | None, held: Title | None
    ) -> Context:
        """The context of an assessment (not an appraisal): one object per day, unit, title and held title, kept by
        their identity (checked on a hit; at most :data:`_CONTEXTS_LIMIT`)."""
        key = (as_of, id(unit), id(title), id(held))
        found = self._contexts.get(key)
        if found is None or found.unit is not unit or found.title is not title or found.held_title is not held:
            found = Context(
                as_of=as_of, unit=unit, title=title, delegations=self._delegations_for(as_of), held_title=held
            )
            if len(self._contexts) >= _CONTEXTS_LIMIT:
                self._contexts.clear()
            self._contexts[key] = found
        return found

    def _no_standards(self, title: Title, as_of: date) -> Finding:
        """The finding that no standard of ``title`` is encoded on ``as_of``: one object per catalogue title and day
        (a pure function of the two; at most :data:`_UNCOVERED_LIMIT` kept)."""
        key = (as_of, title.code)
        found = self._uncovered.get(key)
        if found is None or found[0] is not title:
            found = (title, _no_standards(title, as_of))
            if len(self._uncovered) >= _UNCOVERED_LIMIT:
                self._uncovered.clear()
            self._uncovered[key] = found
        return found[1]

    def _successor(self, title: Title, as_of: date) -> Title | None:
        """The title an official holding ``title`` is read as holding on ``as_of``, after ``title`` ended."""
        end = title.valid.end
        if title.successor is None or end is None or as_of <= end:
            return None
        successor = self.registry.titles.get(title.successor)
        return successor if successor is not None and successor.valid.contains(as_of) else None

    def _title(self, text: str) -> Title | None:
        """The catalogue title of a code or of a Vietnamese name (so Python callers may pass names too)."""
        titles = self.registry.titles
        found = titles.get(text)
        if found is None:
            try:
                found = titles[titles.resolve(text)]
            except ValueError:
                return None
        return found

    def _cached(self, bound: _Bound, official: Official, ctx: Context, facets: dict[str, Any]) -> Finding:
        """:meth:`_run` through the cache of findings (``facets``: the facets of this official computed so far)."""
        reads = bound.facets
        if reads is None:
            return self._run(bound, official, ctx)
        as_of = ctx.as_of
        values: list[Any] = [bound.serial, as_of]
        for name, read in reads:
            value = facets.get(name, facets)
            if value is facets:
                value = facets[name] = read(official, as_of)
            values.append(value)
        key = tuple(values)
        found = self._findings.entries.get(key)
        if found is None:
            rule = bound.rule
            try:
                verdict = check(rule.requirement, official, ctx, rule)
            except Exception:
                return self._run(bound, official, ctx)
            if verdict.outcome is Outcome.NOT_MET and bound.remedies:
                found = verdict
            else:
                found = self._conclude(bound, verdict, ctx)
            self._findings.put(key, found)
        if isinstance(found, Finding):
            return found
        accepts = bound.accepts
        if accepts is None or official.__class__ is not Official:
            return self._run(bound, official, ctx, short=found)
        # What the reliefs and grace periods read (rules/interpreter.py, ``_remedies``, ``_relief``, ``_grace``):
        # the shortfall (``key``), the date (in ``key``), the unit (whether known, its flags and whether it is in a
        # difficult area; its code when a delegation lists units), the held title (a successor's predecessor), the
        # ethnic minority flag, the delegations (of the date), how the appointment date or the start of service
        # compares with the days of the rule's reliefs and grace periods (``thresholds``; None when unknown), and
        # what the accepted requirements read (``accepts``). Appraisals (``ctx.appointment``) never come here.
        unit = ctx.unit
        held = ctx.held_title
        values = [
            key,
            None if unit is None else (unit.area_flags, unit.difficult_area, unit.code if self._listing else None),
            None if held is None else held.code,
            official.ethnic_minority,
        ]
        for field_name, day, inclusive in bound.thresholds:
            start = official.appointed_on if field_name == "appointed_on" else official.service_start()
            values.append(None if start is None else (start <= day if inclusive else start < day))
        for name, read in accepts:
            value = facets.get(name, facets)
            if value is facets:
                value = facets[name] = read(official, as_of)
            values.append(value)
        remedy_key = tuple(values)
        kept = self._remedied.entries.get(remedy_key)
        if kept is not None:
            return kept
        finding = self._run(bound, official, ctx, short=found)
        if finding.outcome is not Outcome.ERROR:
            self._remedied.put(remedy_key, finding)
        return finding

    def _run(self, bound: _Bound, official: Official, ctx: Context, short: Verdict | None = None) -> Finding:
        """The finding of one bound rule (``short``: the requirement's shortfall, already checked)."""
        rule = bound.rule
        try:
            verdict = interpret(rule, official, ctx) if short is None else remedied(rule, official, ctx, short)
        except Exception as exc:
            if self.strict:
                raise
            return self._finding(bound, _fault(rule.code, f"{type(exc).__name__}: {exc}"))
        return self._conclude(bound, verdict, ctx)

    def _conclude(self, bound: _Bound, verdict: Verdict, ctx: Context) -> Finding:
        """A rule's verdict as its finding: a grace needs a deadline; the provincial deadlines apply to a
        shortfall."""
        rule = bound.rule
        if verdict.outcome is Outcome.GRACE and verdict.deadline is None:
            if self.strict:
                raise ValueError(f"rule {rule.code} answered 'grace' without a deadline")
            return self._finding(bound, Verdict(Outcome.ERROR, M("rule.grace_without_deadline", rule=rule.code)))
        if bound.deadlines and verdict.outcome in (Outcome.GRACE, Outcome.NOT_MET):
            return self._with_deadlines(bound, verdict, ctx.as_of)
        return self._finding(bound, verdict)

    def _finding(
        self,
        bound: _Bound,
        verdict: Verdict,
        *,
        extra: tuple[LegalBasis, ...] = (),
        outcome: Outcome | None = None,
        deadline: date | None = None,
        message: Message | Text | None = None,
    ) -> Finding:
        rule = bound.rule
        basis = cited_once(verdict.basis) if verdict.basis else bound.basis
        added = tuple(b for b in (*verdict.extra_basis, *extra) if b not in basis)
        if added:
            basis = cited_once((*basis, *added))
        # An outcome that rests on an unconfirmed exception, grace period or deadline is itself provisional.
        provisional = bound.provisional or any(b.provisional for b in added)
        required = verdict.required
        if required is None and not isinstance(rule.requirement, Custom):
            required = rule.requirement
        return Finding(
            rule=rule.code,
            outcome=outcome or verdict.outcome,
            required=required,
            actual=verdict.actual,
            missing=verdict.missing,
            deadline=deadline if deadline is not None else verdict.deadline,
            basis=basis,
            message=message or verdict.message,
            provisional=provisional,
            source=bound.source,
            notice=verdict.notice,
        )

    def _with_deadlines(self, bound: _Bound, verdict: Verdict, as_of: date) -> Finding:
        """A shortfall under the provincial deadlines of the rule.

        A ``shorten`` deadline earlier than a national grace deadline ends the grace on its own day. A ``review``
        deadline gives every shortfall the remediation period it sets (to its ``due`` day), but never beyond a
        national grace period that ends earlier — a period that already lapsed stays lapsed. Past the effective
        deadline the finding is ``not_met``.
        """
        national = verdict.deadline if verdict.outcome is Outcome.GRACE else None
        lapsed = verdict.lapsed is not None
        effective = national
        chosen: Deadline | None = None
        for deadline in sorted(bound.deadlines, key=lambda d: (d.due, d.code)):
            if deadline.kind == "review" and verdict.outcome is Outcome.NOT_MET and not lapsed:
                if effective is None or deadline.due < effective:
                    effective, chosen = deadline.due, deadline
            elif effective is not None and deadline.due < effective:
                effective, chosen = deadline.due, deadline
        if chosen is None or effective is None:
            return self._finding(bound, verdict)
        doc = chosen.basis.document
        if as_of > effective:
            key = "deadline.review_passed" if chosen.kind == "review" else "deadline.passed"
            message = M(key, inner=verdict.message, doc=doc, due=effective)
            return self._finding(
                bound, verdict, extra=(chosen.basis,), outcome=Outcome.NOT_MET, deadline=effective, message=message
            )
        key = "deadline.review" if chosen.kind == "review" and national is None else "deadline.set"
        message = M(key, inner=verdict.message, doc=doc, due=effective)
        return self._finding(
            bound, verdict, extra=(chosen.basis,), outcome=Outcome.GRACE, deadline=effective, message=message
        )

    # -- rosters ---------------------------------------------------------------------------------------------

    def validate_roster(self, rows: Iterable[Official | Mapping[str, Any] | Rejected]) -> Iterator[Official | Rejected]:
        """Validate roster rows lazily (title names resolved, duplicate ids rejected) without evaluating them.

        Duplicate ids are decided over every row read, valid or not: a second row with an id already seen is
        rejected even when the first was.
        """
        for number, row in screen_roster(rows):
            yield row if isinstance(row, Rejected) else self._validated(number, row)

    def _validated(self, number: int, row: Official | Mapping[str, Any]) -> Official | Rejected:
        """A screened row (see :func:`screen_roster`) as an official, or rejected with pydantic's errors."""
        if isinstance(row, Official):
            return row
        try:
            return self._validate(row)
        except ValidationError as exc:
            return Rejected(row=number, id=_raw_id(row), errors=_validation_errors(exc))

    def evaluate_roster(
        self,
        rows: Iterable[Official | Mapping[str, Any] | Rejected],
        *,
        as_of: date | str,
        workers: int = 1,
        chunk_size: int | None = None,
        spec: EngineSpec | None = None,
        observers: Sequence[RosterObserver] = (),
    ) -> Iterator[Assessment | Rejected]:
        """Assess a roster lazily, one row at a time: every row gives an :class:`Assessment` or a :class:`Rejected`.

        Rows may be officials, mappings (validated here, with title names resolved through the catalogue) or rows a
        reader already rejected. Row numbers are 1-based positions in ``rows``. A second row with an id already
        seen is rejected.

        With ``workers`` above 1 the rows are validated and assessed in chunks (``chunk_size`` rows) by a pool of
        processes (see :mod:`cbcc_standards.parallel`); the items come out the same and in the same order. Where
        processes cannot fork, ``spec`` tells the workers how to build their engine.

        ``observers`` see every official that validates (statistics about the person, not the assessment); with
        workers, each chunk is counted by a :meth:`~RosterObserver.spawn` of them in its worker and absorbed here in
        the order of the rows, so the counts are the same as with one process.
        """
        day = as_date(as_of)
        if workers > 1:
            from .parallel import evaluate_parallel

            return evaluate_parallel(
                self, rows, as_of=day, workers=workers, chunk_size=chunk_size, spec=spec, observers=observers
            )
        return self._evaluate_screened(screen_roster(rows), day, observers)

    def _evaluate_screened(
        self,
        screened: Iterable[tuple[int, Official | Mapping[str, Any] | Rejected]],
        day: date,
        observers: Sequence[RosterObserver] = (),
    ) -> Iterator[Assessment | Rejected]:
        for number, row in screened:
            yield row if isinstance(row, Rejected) else self._evaluate_row(number, row, day, observers)

    def _evaluate_row(
        self, number: int, row: Official | Mapping[str, Any], day: date, observers: Sequence[RosterObserver] = ()
    ) -> Assessment | Rejected:
        """One screened row validated, shown to the observers and assessed (a :class:`Rejected` when it does not
        validate)."""
        official = self._validated(number, row)
        if isinstance(official, Rejected):
            return official
        for observer in observers:
            observer.add(official)
        warnings: tuple[RowError, ...] = ()
        if self.user_units and official.unit is not None and official.unit not in self.units:
            warnings = (
                RowError(
                    field="unit",
                    code="unknown_unit",
                    message=repr(official.unit),
                    english=True,
                ),
            )
        return self._assess(official, day, None, warnings)


_Screened = Official | Mapping[str, Any] | Rejected


@overload
def screen_roster(rows: Iterable[_Screened]) -> Iterator[tuple[int, _Screened]]: ...
@overload
def screen_roster(rows: Iterable[_Screened | PendingRow]) -> Iterator[tuple[int, _Screened | PendingRow]]: ...
def screen_roster(rows: Iterable[_Screened | PendingRow]) -> Iterator[tuple[int, _Screened | PendingRow]]:
    """Number the rows from 1 and reject a row whose id was already seen (over every row read, valid or not, a
    reader's rejected rows included): ``(number, row)``, ``row`` a :class:`Rejected` that is final, or a row still to
    validate (an official, a mapping, or a :class:`~cbcc_standards.reading.pending.PendingRow` that carries its
    rejection, if any, to the worker that decodes it). The one sequential step of a roster review: the process pool
    validates and assesses the rest."""
    seen = _SeenIds()
    for number, row in enumerate(rows, start=1):
        if isinstance(row, PendingRow):  # a row a worker decodes (see cbcc_standards.io.DeferredRows)
            if row.verdict is not None:  # rejected whatever it holds: its id counts, as a reader's rejection's
                if row.verdict.id is not None:
                    seen.first(row.verdict.id, number)
            else:
                raw_id = row.id if isinstance(row.data, str) else _raw_id(row.data)
                if raw_id is not None and (first := seen.first(raw_id, number)) is not None:
                    row.verdict = _duplicate(number, raw_id, first)
            yield number, row
            continue
        if isinstance(row, Rejected):
            if row.id is not None:
                seen.first(row.id, row.row)
            yield number, row
            continue
        raw_id = row.id if isinstance(row, Official) else _raw_id(row)
        if raw_id is not None and (first := seen.first(raw_id, number)) is not None:
            yield number, _duplicate(number, raw_id, first)
            continue
        yield number, row


def _duplicate(number: int, raw_id: str, first: int) -> Rejected:
    error = RowError(field="id", message=f"duplicate id {raw_id!r} (first seen at row {first})", code="duplicate_id")
    return Rejected(row=number, id=raw_id, errors=(error,))


_U64 = (1 << 64) - 1


class RosterObserver(Protocol):
    """Something that counts the officials of a roster review as they validate (the quality statistics and the
    retirement horizon of a report). To run in a pool of processes it makes empty copies of itself and merges what
    they counted."""

    def add(self, official: Official) -> None:
        """Count one official."""

    def spawn(self) -> RosterObserver:
        """An empty observer with the same settings."""

    def counts(self) -> Any:
        """What was counted, as plain data that can be pickled."""

    def absorb(self, counts: Any) -> None:
        """Add the counts of a spawned observer, whose officials come after those already counted."""


class _SeenIds:
    """The ids seen so far, with the row each was first seen at, in 24 to 48 bytes an id (16 a slot, the table one to
    two thirds full): an open-addressing table of 96-bit digests of the ids (64 bits of the process's keyed SipHash
    of the id, 32 of the id reversed) and their rows, in arrays (a dict of the ids themselves took 116 bytes an id,
    the ids' text kept alive). Two ids are the same when both digests are: for different ids to share them, a
    national roster of 2.5 million would meet it with a chance of about one in 10^16."""

    def __init__(self) -> None:
        self._size = 0
        self._allocate(1 << 10, "I")

    def _allocate(self, capacity: int, rows: str) -> None:
        self._mask = capacity - 1
        self._high = array("Q", bytes(8 * capacity))  # 0: an empty slot (a digest of 0 is stored as 1)
        self._low = array(_U32, bytes(4 * capacity))
        self._rows = array(rows, bytes(array(rows).itemsize * capacity))

    def first(self, key: str, row: int) -> int | None:
        """The row ``key`` was first seen at, or None (and ``key`` is recorded at ``row``)."""
        high = (hash(key) & _U64) or 1
        low = hash(key[::-1]) & _LOW
        mask, highs = self._mask, self._high
        slot = high & mask
        while True:
            found = highs[slot]
            if found == 0:
                break
            if found == high and self._low[slot] == low:
                return int(self._rows[slot])
            slot = (slot + 1) & mask
        if row > _LOW and self._rows.typecode != "q":  # past 4 billion rows: rows of 8 bytes
            self._rows = array("q", self._rows)
        highs[slot] = high
        self._low[slot] = low
        self._rows[slot] = row
        self._size += 1
        if 3 * self._size > 2 * (mask + 1):  # over two thirds full: double
            self._grow()
        return None

    def _grow(self) -> None:
        highs, lows, rows = self._high, self._low, self._rows
        self._allocate(2 * len(highs), rows.typecode)
        mask, new = self._mask, self._high
        for high, low, row in zip(highs, lows, rows, strict=True):
            if high:
                slot = high & mask
                while new[slot]:
                    slot = (slot + 1) & mask
                new[slot] = high
                self._low[slot] = low
                self._rows[slot] = row


_LOW = (1 << 32) - 1
_U32 = next(code for code in ("I", "L") if array(code).itemsize == 4)
"""The array type code of 32-bit unsigned numbers (``I`` on every common platform)."""


def _raw_id(row: Mapping[str, Any]) -> str | None:
    value = row.get("id") if isinstance(row, Mapping) else None
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


@lru_cache(maxsize=256)
def _delegations_on(delegations: tuple[Delegation, ...], as_of: date) -> dict[str, tuple[Delegation, ...]]:
    by_switch: dict[str, list[Delegation]] = {}
    for d in delegations:
        if d.valid.contains(as_of):
            by_switch.setdefault(d.switch, []).append(d)
    return {k: tuple(v) for k, v in by_switch.items()}


def _fault(rule: str, error: str) -> Verdict:
    return Verdict(Outcome.ERROR, M("rule.error", rule=rule, error=error))


_UNRECORDED = LegalBasis(
    document="(không ghi nhận văn bản)",
    confidence=Confidence.PROVISIONAL,
    note="The catalogue records no act for this title; nothing about its standards is asserted.",
)


_DATA_CHECK = LegalBasis(
    document="Kiểm tra dữ liệu của cbcc_standards (không phải quy định pháp luật)",
    confidence=Confidence.SETTLED,
    note="The library's plausibility checks of dates (cbcc_standards.sanity): no law is asserted; an impossible date "
    "is treated as unknown so that no verdict rests on it.",
)


def _implausible(problems: tuple[tuple[str, Message], ...]) -> Finding:
    fields = tuple(dict.fromkeys(f for f, _ in problems))
    return Finding(
        rule="CBCC-DATA",
        outcome=Outcome.UNDETERMINED,
        basis=(_DATA_CHECK,),
        message=M("data.implausible", items=tuple(m for _, m in problems)),
        missing=fields,
        actual=fields,
        source="cbcc_standards",
    )


def _no_standards(title: Title, as_of: date) -> Finding:
    return Finding(
        rule="CBCC-COVERAGE",
        outcome=Outcome.UNDETERMINED,
        basis=(listed,) if (listed := title.basis_on(as_of)) is not None else (_UNRECORDED,),
        message=M("coverage.none", title=Text(vi=title.name_vi, en=title.name_en), on=as_of),
        provisional=True,
        source="cbcc_standards",
    )


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry of the built-in and installed plugins, built once per process."""
    return load_registry()


def reset_defaults() -> None:
    """Forget the cached default registry and engines, so that :func:`evaluate` sees plugins installed or registered
    since (the pytest plugin calls it around ``register_plugin``)."""
    default_registry.cache_clear()
    _default_engine.cache_clear()


@lru_cache(maxsize=16)
def _default_engine(province: str | None) -> Engine:
    return Engine(default_registry(), province=province)


def evaluate(
    official: Official | Mapping[str, Any],
    *,
    as_of: date | str,
    unit: AdministrativeUnit | None = None,
    province: str | None = None,
    engine: Engine | None = None,
) -> Assessment:
    """Assess one official against the standards in force on ``as_of``.

    ``official`` is an :class:`Official` or a roster row (validated here; title names are resolved); ``as_of`` a date
    or an ISO / ``dd/mm/yyyy`` string. ``unit`` is the official's administrative unit (needed by rules with
    difficult-area exceptions or grace periods limited to some communes); ``province`` adds that jurisdiction's
    plugin rules; ``engine`` reuses a configured :class:`Engine` (for instance one built with a units file) — then
    ``province`` must be the engine's own, or omitted. Invalid input raises pydantic's ``ValidationError`` or
    :class:`~cbcc_standards.dates.DateParseError`.
    """
    if engine is not None and province is not None and province != engine.province:
        raise ValueError(f"province={province!r} conflicts with the engine's province {engine.province!r}")
    engine = engine or _default_engine(province)
    return engine.evaluate(official, as_of=as_of, unit=unit)


def evaluate_roster(
    rows: Iterable[Official | Mapping[str, Any] | Rejected],
    *,
    as_of: date | str,
    units: Mapping[str, AdministrativeUnit] | Iterable[AdministrativeUnit] | None = None,
    province: str | None = None,
    workers: int = 1,
) -> Iterator[Assessment | Rejected]:
    """Assess a roster lazily (see :meth:`Engine.evaluate_roster`; ``workers`` processes)."""
    engine = (
        Engine(default_registry(), province=province, units=units) if units is not None else _default_engine(province)
    )
    return engine.evaluate_roster(rows, as_of=as_of, workers=workers)
