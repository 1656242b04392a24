"""The point-in-time engine: select the rules in force on ``as_of``, run them, compose deadlines, assess."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .dates import fmt_date, parse_full_date
from .law import Confidence, LegalBasis
from .officials import Official
from .plugins import Registry, load_registry
from .results import Assessment, Finding, Outcome, Rejected, RowError, Text
from .rules._model import NATIONAL, Appointment, Context, Deadline, Delegation, Rule, Verdict
from .titles import Title

if TYPE_CHECKING:
    from .report import ReviewSummary
from .units import AdministrativeUnit

__all__ = ["Engine", "default_registry", "evaluate", "evaluate_roster", "reset_defaults"]


@dataclass(frozen=True, slots=True)
class _Bound:
    """A rule ready to run on one date: its plugin and the provincial deadlines that apply to it."""

    rule: Rule
    source: str
    deadlines: tuple[Deadline, ...]
    provisional: bool


def _validation_errors(exc: ValidationError) -> tuple[RowError, ...]:
    errors = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = ".".join(str(p) for p in err["loc"] if p not in ("function-before", "function-after"))
        message = err["msg"].removeprefix("Value error, ")
        errors.append(RowError(field=loc or None, message=message, code=err["type"]))
    return tuple(errors)


class Engine:
    """Evaluates officials against the rules of a registry, for a jurisdiction, with known units.

    Build one per job and reuse it: rule selection is cached per (date, title). ``province`` selects the provincial
    rule sets, delegations and deadlines of that jurisdiction on top of the national ones. ``units`` (the user's)
    take precedence over units contributed by plugins. With ``strict`` a rule that raises stops the run.
    """

    def __init__(
        self,
        registry: Registry | None = None,
        *,
        province: str | None = None,
        units: Mapping[str, AdministrativeUnit] | Iterable[AdministrativeUnit] | None = None,
        strict: bool = False,
    ) -> None:
        self.registry = registry if registry is not None else default_registry()
        if province is not None and province not in self.registry.jurisdictions:
            known = ", ".join(self.registry.jurisdictions) or "none"
            raise ValueError(f"no plugin contributes rules for province {province!r} (known: {known})")
        self.province = province
        self.strict = strict
        supplied = list(units.values() if isinstance(units, Mapping) else (units or ()))
        self.units: dict[str, AdministrativeUnit] = dict(self.registry.units)
        self.user_units = bool(supplied)
        self.units.update((u.code, u) for u in supplied)
        jurisdictions = {NATIONAL} | ({province} if province else set())
        self._rules = tuple(
            (rule, source) for rule, ruleset, source in self.registry.rules() if ruleset.jurisdiction in jurisdictions
        )
        self._deadlines = tuple(d for d, _ in self.registry.deadlines if d.jurisdiction in jurisdictions)
        self._delegations = tuple(
            d for s in self.registry.rulesets if s.ruleset.jurisdiction in jurisdictions for d in s.ruleset.delegations
        )
        self._selected: dict[tuple[date, str | None, bool], tuple[_Bound, ...]] = {}
        self._has_standard: dict[tuple[date, str | None, bool], bool] = {}
        self._findings: dict[tuple[int, int], tuple[Verdict, Finding]] = {}
        self._coverage: dict[tuple[date, str], Finding] = {}
        self._delegations_on: dict[date, dict[str, tuple[Delegation, ...]]] = {}

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """The deadlines of the selected jurisdictions (national and ``province``)."""
        return self._deadlines

    def review_summary(self, as_of: date) -> ReviewSummary:
        """A fresh roll-up by unit for a roster review on ``as_of`` (:class:`~cbcc_standards.report.ReviewSummary`)."""
        from .report import ReviewSummary

        requirements = {rule.code: rule.requirement for rule, _ in self._rules if rule.requirement is not None}
        return ReviewSummary(as_of, self.units, self._deadlines, requirements)

    # -- selection -------------------------------------------------------------------------------------------

    def rules_for(self, as_of: date, title: str | None, appraisal: bool = False) -> tuple[_Bound, ...]:
        """The rules in force on ``as_of`` for a title code (cached); with ``appraisal``, the conditions of
        appointment too."""
        key = (as_of, title, appraisal)
        bound = self._selected.get(key)
        if bound is None:
            bound = tuple(
                _Bound(
                    rule,
                    source,
                    tuple(
                        d
                        for d in self._deadlines
                        if d.valid.contains(as_of) and (d.rules is None or rule.code in d.rules)
                    ),
                    rule.provisional,
                )
                for rule, source in self._rules
                if rule.applies(as_of, title) and (appraisal or not rule.appointment_only)
            )
            self._selected[key] = bound
            self._has_standard[key] = any(b.rule.standard and not b.rule.appointment_only for b in bound)
        return bound

    def _delegations_for(self, as_of: date) -> dict[str, tuple[Delegation, ...]]:
        found = self._delegations_on.get(as_of)
        if found is None:
            by_switch: dict[str, list[Delegation]] = {}
            for d in self._delegations:
                if d.valid.contains(as_of):
                    by_switch.setdefault(d.switch, []).append(d)
            found = {k: tuple(v) for k, v in by_switch.items()}
            self._delegations_on[as_of] = found
        return found

    # -- evaluation ------------------------------------------------------------------------------------------

    def evaluate(self, official: Official, *, as_of: date, unit: AdministrativeUnit | None = None) -> Assessment:
        """Assess one official on ``as_of``. ``unit`` overrides the lookup of ``official.unit`` in the known units."""
        return self._assess(official, as_of, unit, ())

    def appraise(
        self,
        person: Official,
        *,
        title: str,
        on: date,
        process_started: date | None = None,
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
        code = self.registry.titles.resolve(title)
        target = self.registry.titles[code]
        unit_code = unit.code if isinstance(unit, AdministrativeUnit) else unit or person.unit
        candidate = person.model_copy(
            update={"title": code, "appointed_on": on, "category": target.category, "unit": unit_code}
        )
        appointment = Appointment(on=on, process_started=process_started or on, rotation=rotation, first=first)
        return self._assess(candidate, on, unit if isinstance(unit, AdministrativeUnit) else None, (), appointment)

    def _assess(
        self,
        official: Official,
        as_of: date,
        unit: AdministrativeUnit | None,
        warnings: tuple[RowError, ...],
        appointment: Appointment | None = None,
    ) -> Assessment:
        if unit is None and official.unit is not None:
            unit = self.units.get(official.unit)
        title: Title | None = self._title(official.title) if official.title else None
        ctx = Context(
            as_of=as_of, unit=unit, title=title, delegations=self._delegations_for(as_of), appointment=appointment
        )
        appraisal = appointment is not None
        bound = self.rules_for(as_of, title.code if title is not None else None, appraisal)
        findings = [self._run(b, official, ctx) for b in bound]
        if title is not None and not self._has_standard[(as_of, title.code, appraisal)] and title.valid.contains(as_of):
            coverage = self._coverage.get((as_of, title.code))
            if coverage is None:
                coverage = self._coverage[(as_of, title.code)] = _no_standards(title, as_of)
            findings.append(coverage)
        return Assessment.of(
            id=official.id,
            as_of=as_of,
            full_name=official.full_name,
            title=title.code if title is not None else official.title,
            unit=official.unit,
            findings=tuple(findings),
            warnings=warnings,
        )

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

    def _run(self, bound: _Bound, official: Official, ctx: Context) -> Finding:
        try:
            verdict = bound.rule.check(official, ctx)
        except Exception as exc:
            if self.strict:
                raise
            verdict = Verdict(
                Outcome.ERROR,
                Text(
                    vi=f"Lỗi khi áp dụng quy tắc {bound.rule.code}: {type(exc).__name__}: {exc}",
                    en=f"Rule {bound.rule.code} failed: {type(exc).__name__}: {exc}",
                ),
            )
        if verdict.outcome is Outcome.GRACE and verdict.deadline is None:
            if self.strict:
                raise ValueError(f"rule {bound.rule.code} answered 'grace' without a deadline")
            verdict = Verdict(
                Outcome.ERROR,
                Text(
                    vi=f"Lỗi quy tắc {bound.rule.code}: trả về 'grace' mà không có thời hạn.",
                    en=f"Rule {bound.rule.code} answered 'grace' without a deadline.",
                ),
            )
        if not verdict.shared:
            return self._finding(bound, verdict, ctx.as_of)
        # The cache keeps the verdict alive, so its id cannot be reused by another object while the entry exists.
        key = (id(bound), id(verdict))
        cached = self._findings.get(key)
        if cached is None:
            cached = self._findings[key] = (verdict, self._finding(bound, verdict, ctx.as_of))
        return cached[1]

    def _finding(self, bound: _Bound, verdict: Verdict, as_of: date) -> Finding:
        rule = bound.rule
        basis = verdict.basis or rule.basis
        provisional = bound.provisional
        if verdict.extra_basis:
            extra = tuple(b for b in verdict.extra_basis if b not in rule.basis)
            basis += extra
            # An outcome that rests on an unconfirmed exception or deadline is itself provisional.
            provisional = provisional or any(b.provisional for b in extra)
        if verdict.outcome is Outcome.GRACE and bound.deadlines:
            return self._compose_deadline(bound, verdict, basis, provisional, as_of)
        return Finding(
            rule=rule.code,
            outcome=verdict.outcome,
            required=verdict.required,
            actual=verdict.actual,
            missing=verdict.missing,
            deadline=verdict.deadline,
            basis=basis,
            message=verdict.message,
            provisional=provisional,
            source=bound.source,
        )

    @staticmethod
    def _compose_deadline(
        bound: _Bound, verdict: Verdict, basis: tuple[LegalBasis, ...], provisional: bool, as_of: date
    ) -> Finding:
        """The earliest of the grace deadline and the provincial deadlines; past it, the finding is ``not_met``."""
        assert verdict.deadline is not None
        earliest = min(bound.deadlines, key=lambda d: d.due)
        outcome, deadline, message = verdict.outcome, verdict.deadline, verdict.message
        if earliest.due < verdict.deadline:
            basis = (*basis, earliest.basis)
            provisional = provisional or earliest.basis.provisional
            deadline = earliest.due
            doc = earliest.basis.document
            if as_of > earliest.due:
                outcome = Outcome.NOT_MET
                message = Text(
                    vi=f"{message.vi} Tuy nhiên hạn hoàn thiện theo {doc} là {fmt_date(earliest.due)} và đã hết.",
                    en=f"{message.en} But the deadline set by {doc}, {fmt_date(earliest.due)}, has passed.",
                )
            else:
                message = Text(
                    vi=f"{message.vi} Hạn hoàn thiện theo {doc}: {fmt_date(earliest.due)}.",
                    en=f"{message.en} Deadline set by {doc}: {fmt_date(earliest.due)}.",
                )
        return Finding(
            rule=bound.rule.code,
            outcome=outcome,
            required=verdict.required,
            actual=verdict.actual,
            missing=verdict.missing,
            deadline=deadline,
            basis=basis,
            message=message,
            provisional=provisional,
            source=bound.source,
        )

    def validate_roster(self, rows: Iterable[Official | Mapping[str, Any] | Rejected]) -> Iterator[Official | Rejected]:
        """Validate roster rows lazily (title names resolved, duplicate ids rejected) without evaluating them."""
        seen: dict[str, int] = {}
        context = {"titles": self.registry.titles}
        for number, row in enumerate(rows, start=1):
            if isinstance(row, Rejected):
                yield row
                continue
            if not isinstance(row, Official):
                try:
                    row = Official.model_validate(row, context=context)
                except ValidationError as exc:
                    raw_id = row.get("id") if isinstance(row, Mapping) else None
                    yield Rejected(
                        row=number, id=str(raw_id) if raw_id is not None else None, errors=_validation_errors(exc)
                    )
                    continue
            first = seen.get(row.id)
            if first is not None:
                yield Rejected(
                    row=number,
                    id=row.id,
                    errors=(
                        RowError(
                            field="id",
                            message=f"duplicate id {row.id!r} (first seen at row {first})",
                            code="duplicate_id",
                        ),
                    ),
                )
                continue
            seen[row.id] = number
            yield row

    def evaluate_roster(
        self, rows: Iterable[Official | Mapping[str, Any] | Rejected], *, as_of: date
    ) -> Iterator[Assessment | Rejected]:
        """Assess a roster lazily, one row at a time: every row gives an :class:`Assessment` or a :class:`Rejected`.

        Rows may be officials, mappings (validated here, with title names resolved through the catalogue) or rows a
        reader already rejected. Row numbers are 1-based positions in ``rows``. A second row with an id already
        seen is rejected.
        """
        for row in self.validate_roster(rows):
            if isinstance(row, Rejected):
                yield row
                continue
            warnings: tuple[RowError, ...] = ()
            if self.user_units and row.unit is not None and row.unit not in self.units:
                warnings = (
                    RowError(
                        field="unit",
                        code="unknown_unit",
                        message=f"unit {row.unit!r} is not in the units supplied: evaluated with the unit unknown",
                    ),
                )
            yield self._assess(row, as_of, None, warnings)


_UNRECORDED = LegalBasis(
    document="(không ghi nhận văn bản)",
    confidence=Confidence.PROVISIONAL,
    note="The catalogue records no act for this title; nothing about its standards is asserted.",
)


def _no_standards(title: Title, as_of: date) -> Finding:
    basis = (title.basis,) if title.basis else (_UNRECORDED,)
    return Finding(
        rule="CBCC-COVERAGE",
        outcome=Outcome.UNDETERMINED,
        required=None,
        actual=None,
        missing=(),
        deadline=None,
        basis=basis,
        message=Text(
            vi=f"Chưa có tiêu chuẩn nào được mã hóa cho chức danh «{title.name_vi}» vào ngày {fmt_date(as_of)} (quy "
            f"định chưa được xác nhận từ nguồn); cần thẩm định thủ công.",
            en=f"No standard is encoded for the title “{title.name_en}” on {fmt_date(as_of)} (the provisions are "
            f"unconfirmed in the sources); appraise by hand.",
        ),
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
    plugin rules; ``engine`` reuses a configured :class:`Engine` (for instance one built with a units file).
    Invalid input raises pydantic's ``ValidationError`` or :class:`~cbcc_standards.dates.DateParseError`.
    """
    engine = engine or _default_engine(province)
    if not isinstance(official, Official):
        official = Official.model_validate(official, context={"titles": engine.registry.titles})
    if isinstance(as_of, str):
        as_of = parse_full_date(as_of)
    return engine.evaluate(official, as_of=as_of, unit=unit)


def evaluate_roster(
    rows: Iterable[Official | Mapping[str, Any] | Rejected],
    *,
    as_of: date,
    units: Mapping[str, AdministrativeUnit] | Iterable[AdministrativeUnit] | None = None,
    province: str | None = None,
) -> Iterator[Assessment | Rejected]:
    """Assess a roster lazily (see :meth:`Engine.evaluate_roster`)."""
    engine = (
        Engine(default_registry(), province=province, units=units) if units is not None else _default_engine(province)
    )
    return engine.evaluate_roster(rows, as_of=as_of)
