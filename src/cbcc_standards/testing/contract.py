"""The rule-set contract: property tests that every rule plugin gets by subclassing :class:`RuleSetContract`.

.. code-block:: python

    from cbcc_standards.testing import RuleSetContract
    import cbcc_tinh_mau


    class TestTinhMau(RuleSetContract):
        plugin = cbcc_tinh_mau

Each ``test_*`` method is a hypothesis property over generated cases (an official, a date, a unit, and sometimes an
appraisal for a title), evaluated by an :class:`~cbcc_standards.Engine` on a registry of the built-in plugins plus
the plugin under test, loaded strictly. docs/testing.md states each property precisely.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ..dates import add_years
from ..engine import Engine
from ..law import Period
from ..officials import Official, Professional, Qualification
from ..plugins import DEFAULT_PLUGINS, Registry, load_registry
from ..results import Assessment, Finding, Outcome, Status, action_for, status_of
from ..rules.model import NATIONAL, Deadline, Delegation, Rule, RuleSet
from ..titles import Title
from ..units import AdministrativeUnit, Tier
from . import strategies as cs

__all__ = ["BLANKABLE", "Appraisal", "Case", "ContractError", "RuleSetContract"]

BLANKABLE = (
    "full_name",
    "gender",
    "birth_date",
    "category",
    "title",
    "unit",
    "recruited_on",
    "appointed_on",
    "qualifications",
    "qualifications.field",
    "evaluations",
    "disciplines",
)
"""The facts the missing-data property removes, one at a time, from a complete official (``unit``: the unit becomes
unknown; ``qualifications.field``: every professional qualification's field of study becomes unknown)."""

_PASSING = {Outcome.MET: {Outcome.MET}, Outcome.GRACE: {Outcome.MET, Outcome.GRACE}}
"""For an outcome reached with less data, the outcomes the complete record may have."""
_FIRST_DAY = date(2000, 1, 1)
_LAST_DAY = date(2035, 12, 31)


class ContractError(AssertionError):
    """A property of the rule-set contract does not hold; the message names the property, the rules and the case."""


@dataclass(frozen=True)
class Appraisal:
    """An appraisal of a candidate for ``title`` (see :meth:`Engine.appraise`) on the case's date."""

    title: str
    process_started: date
    rotation: bool = False
    first: bool = True


@dataclass(frozen=True)
class Case:
    """One generated case: an official evaluated on ``as_of`` in ``unit`` (None: the engine looks the official's
    unit code up, and may not know it), or appraised for a title when ``appraisal`` is set."""

    official: Official
    as_of: date
    unit: AdministrativeUnit | None
    appraisal: Appraisal | None = None

    def run(self, engine: Engine) -> Assessment:
        """Evaluate (or appraise) the case with ``engine``."""
        if self.appraisal is None:
            return engine.evaluate(self.official, as_of=self.as_of, unit=self.unit)
        a = self.appraisal
        return engine.appraise(
            self.official,
            title=a.title,
            on=self.as_of,
            process_started=a.process_started,
            rotation=a.rotation,
            first=a.first,
            unit=self.unit,
        )

    def with_official(self, **changes: Any) -> Case:
        """The same case with some fields of the official changed (validated again)."""
        official = Official.model_validate({**dict(self.official), **changes})
        return Case(official, self.as_of, self.unit, self.appraisal)

    def without_unit(self) -> Case:
        """The same case with the unit unknown: no unit given and none named in the record."""
        return Case(self.with_official(unit=None).official, self.as_of, None, self.appraisal)

    def title(self) -> str | None:
        """The title the assessment is about: the appraisal's, else the official's."""
        return self.appraisal.title if self.appraisal else self.official.title


@dataclass
class _Subject:
    """What the contract tests, built once per test class."""

    registry: Registry
    twin: Registry
    source: str
    codes: frozenset[str]
    own: frozenset[str]
    province: str | None
    engine: Engine
    twin_engine: Engine
    national: Engine | None
    delegations: tuple[Delegation, ...]
    deadlines: tuple[Deadline, ...]
    titles: tuple[Title, ...]
    units: tuple[AdministrativeUnit, ...]
    delegated_codes: tuple[str, ...]
    boundaries: tuple[date, ...]
    window: tuple[date, date]
    ignore: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def rule(self, code: str) -> Rule | None:
        try:
            return self.registry.rule(code)[0]
        except KeyError:
            return None

    def under_test(self, assessment: Assessment, prop: str) -> dict[str, Finding]:
        skip = self.ignore.get(prop, frozenset())
        return {f.rule: f for f in assessment.findings if f.rule in self.codes and f.rule not in skip}


def _plugin_name(plugin: object) -> str:
    name = getattr(plugin, "__name__", None) or type(plugin).__name__
    return str(name)


def _is_builtin(plugin: object) -> bool:
    return isinstance(getattr(plugin, "__name__", None), str) and getattr(plugin, "__name__", "") in DEFAULT_PLUGINS


def _window(rules: Sequence[Rule]) -> tuple[date, date]:
    """From a year before the earliest rule starts (not before 2000) to a year after the last ends (at most 2035)."""
    starts = [r.valid.start for r in rules if r.valid.start is not None]
    ends = [add_years(r.valid.end, 1) if r.valid.end else _LAST_DAY for r in rules]
    first = max(_FIRST_DAY, add_years(min(starts), -1)) if starts else _FIRST_DAY
    last = min(_LAST_DAY, max(ends, default=_LAST_DAY))
    return first, max(first, last)


def _around(period: Period) -> list[date]:
    days: list[date] = []
    if period.start is not None:
        days += [period.start - timedelta(days=1), period.start]
    if period.end is not None:
        days += [period.end, period.end + timedelta(days=1)]
    return days


def _describe(case: Case) -> str:
    o = case.official
    where = case.unit.code if case.unit else f"{o.unit!r} (looked up)"
    what = f"appraisal for {case.appraisal.title}" if case.appraisal else f"title {o.title!r}"
    return f"official {o.id!r}, {what}, as_of {case.as_of}, unit {where}"


def _violation(prop: str, case: Case, problems: Sequence[str]) -> ContractError:
    listed = "\n".join(f"  - {p}" for p in problems)
    return ContractError(f"{prop}: {len(problems)} problem(s) for {_describe(case)}\n{listed}")


def _json(f: Finding | None) -> str | None:
    return None if f is None else f.to_json()


def _outcome(f: Finding | None) -> str:
    if f is None:
        return "absent"
    return f"{f.outcome.value}" + (f" (deadline {f.deadline})" if f.deadline else "")


class RuleSetContract:
    """Property tests of a rule plugin: subclass it in a test module (the subclass's name must start with ``Test``)
    and set :attr:`plugin`.

    The rules under test are those the plugin contributes, those that honour a switch its delegations turn on, and
    those its deadlines name (all rules, for a deadline naming none); :attr:`rules` overrides that choice.
    """

    plugin: ClassVar[object | None] = None
    """The plugin under test: a module or an object with ``@cbcc_standards.hookimpl`` functions. A built-in plugin
    module (one of ``DEFAULT_PLUGINS``) is tested as registered by the library."""
    also_register: ClassVar[Sequence[object]] = ()
    """Other plugins the plugin needs (e.g. one that contributes units), registered before it."""
    province: ClassVar[str | None] = None
    """The jurisdiction to select; default: the one non-national jurisdiction the plugin contributes, if any."""
    rules: ClassVar[Collection[str] | None] = None
    """Codes of the rules under test, when the default choice does not suit."""
    units: ClassVar[Sequence[AdministrativeUnit]] = ()
    """Units given to the engine (as a user's units file) and drawn for the officials, besides generated ones."""
    as_of_between: ClassVar[tuple[date, date] | None] = None
    """Dates to evaluate on; default: the validity windows of the rules under test, a year either side."""
    max_examples: ClassVar[int] = 50
    """Examples per property."""
    hypothesis_settings: ClassVar[settings | None] = None
    """Settings the properties start from (default: the current hypothesis profile); ``max_examples`` and
    ``deadline=None`` are applied on top."""
    known_issues: ClassVar[Mapping[str, Collection[str]]] = {}
    """Property (method name) → rule codes it does not check: a reported problem, recorded, not a way to silence
    the contract."""

    # -- set-up ----------------------------------------------------------------------------------------------------

    @classmethod
    def _subject(cls) -> _Subject:
        cached = cls.__dict__.get("_cbcc_subject")
        if isinstance(cached, _Subject):
            return cached
        subject = cls._build_subject()
        cls._cbcc_subject = subject  # type: ignore[attr-defined]
        return subject

    @classmethod
    def _registry(cls) -> Registry:
        if cls.plugin is None:
            raise TypeError(f"{cls.__name__}: set `plugin = <your plugin module or object>`")
        plugins = list(cls.also_register)
        if not _is_builtin(cls.plugin):
            plugins.append(cls.plugin)
        return load_registry(load_entry_points=False, plugins=plugins, strict=True)

    @classmethod
    def _build_subject(cls) -> _Subject:
        registry = cls._registry()
        source = _plugin_name(cls.plugin)
        loaded = {p.name: p for p in registry.plugins}
        if source not in loaded:
            raise TypeError(f"{cls.__name__}: plugin {source!r} is not among the loaded plugins {sorted(loaded)}")
        own_sets = [s.ruleset for s in registry.rulesets if s.source == source]
        own_deadlines = [d for d, src in registry.deadlines if src == source]
        codes = cls._rules_under_test(registry, source, own_sets, own_deadlines)
        province = cls.province
        if province is None:
            places = {rs.jurisdiction for rs in own_sets} | {d.jurisdiction for d in own_deadlines}
            places.discard(NATIONAL)
            if len(places) > 1:
                raise TypeError(f"{cls.__name__}: the plugin contributes to {sorted(places)}: set `province`")
            province = next(iter(places), None)
        units = list(cls.units)
        engine = Engine(registry, province=province, units=units or None)
        twin = cls._registry()
        twin_engine = Engine(twin, province=province, units=units or None)
        national = Engine(registry, units=units or None) if province else None
        delegations = tuple(
            d
            for s in registry.rulesets
            if province and s.ruleset.jurisdiction == province
            for d in s.ruleset.delegations
        )
        deadlines = tuple(d for d, _ in registry.deadlines if province and d.jurisdiction == province)
        rules = [r for r, _, _ in registry.rules() if r.code in codes]
        if any(r.titles is None for r in rules):
            titles = tuple(registry.titles)
        else:
            covered = {code for r in rules for code in r.titles or ()}
            titles = tuple(t for t in registry.titles if t.code in covered) or tuple(registry.titles)
        window = cls.as_of_between or _window(rules)
        days: set[date] = set()
        for r in rules:
            days.update(_around(r.valid))
        for delegation in delegations:
            days.update(_around(delegation.valid))
        for dl in deadlines:
            days.update([*_around(dl.valid), dl.due, dl.due + timedelta(days=1)])
        boundaries = tuple(sorted(d for d in days if window[0] <= d <= window[1]))
        pool = {u.code: u for u in (*registry.units.values(), *units)}
        delegated = sorted({c for d in delegations for c in d.units or () if c not in pool})
        return _Subject(
            registry=registry,
            twin=twin,
            source=source,
            codes=codes,
            own=frozenset(r.code for r, _, src in registry.rules() if src == source),
            province=province,
            engine=engine,
            twin_engine=twin_engine,
            national=national,
            delegations=delegations,
            deadlines=deadlines,
            titles=titles,
            units=tuple(pool.values()),
            delegated_codes=tuple(delegated),
            boundaries=boundaries,
            window=window,
            ignore={prop: frozenset(issues) for prop, issues in cls.known_issues.items()},
        )

    @classmethod
    def _rules_under_test(
        cls, registry: Registry, source: str, own_sets: Sequence[RuleSet], own_deadlines: Sequence[Deadline]
    ) -> frozenset[str]:
        """:attr:`rules`, or the plugin's rules, the rules its delegations relax and the rules its deadlines name."""
        known = {r.code for r, _, _ in registry.rules()}
        if cls.rules is not None:
            unknown = sorted(set(cls.rules) - known)
            if unknown:
                raise TypeError(f"{cls.__name__}: unknown rules {unknown}")
            return frozenset(cls.rules)
        switches = {d.switch for rs in own_sets for d in rs.delegations}
        named: set[str] = set()
        for d in own_deadlines:
            named |= set(d.rules) if d.rules is not None else known
        return frozenset(
            r.code for r, _, src in registry.rules() if src == source or switches & set(r.delegable) or r.code in named
        )

    # -- generation ------------------------------------------------------------------------------------------------

    @classmethod
    def cases(cls, *, complete: bool | None = None) -> SearchStrategy[Case]:
        """Cases for this plugin: a date (often a boundary of a validity window), a title the rules under test
        cover, a unit (one the engine knows, one a delegation names, a generated one, or none) and an official;
        sometimes an appraisal. ``complete`` True gives complete officials in a known unit."""
        subject = cls._subject()
        catalogue = tuple(subject.registry.titles)
        born = cs.DEFAULT_BORN_BETWEEN
        generated_units = {tier: cs.units(tier=tier) for tier in Tier}
        delegated_units = st.one_of(*(cs.units(tier=Tier.COMMUNE, code=c) for c in subject.delegated_codes))
        first, last = subject.window

        def spans(codes: Collection[str]) -> tuple[tuple[date, date], ...]:
            found = (subject.rule(code) for code in sorted(codes))
            clipped = ((max(first, r.valid.start or first), min(last, r.valid.end or last)) for r in found if r)
            return tuple(span for span in clipped if span[0] <= span[1])

        every = spans(subject.codes) or ((first, last),)
        own = spans(subject.own) or every

        @st.composite
        def build(draw: st.DrawFn) -> Case:
            # Dates on a boundary of a window, inside the window of one of the plugin's own rules (twice as often),
            # of any rule under test, or anywhere: most cases have rules to apply, and edges are tried often.
            where = draw(st.integers(0, 4))
            if where == 0 and subject.boundaries:
                as_of = cs._pick(draw, subject.boundaries)
            elif where in (1, 2):
                as_of = cs._day(draw, *cs._pick(draw, own))
            elif where == 3:
                as_of = cs._day(draw, *cs._pick(draw, every))
            else:
                as_of = cs._day(draw, first, last)
            feasible = [t for t in subject.titles if cs._feasible(t, as_of, born)]
            if not feasible:
                feasible = [t for t in catalogue if cs._feasible(t, as_of, born)]
            title = draw(st.sampled_from(feasible))
            tier = title.tier or Tier.COMMUNE
            known = [u for u in subject.units if u.tier is tier]
            options: list[SearchStrategy[AdministrativeUnit | None]] = []
            if known:
                options.append(st.sampled_from(known))
            if tier is Tier.COMMUNE and subject.delegated_codes:
                options.append(delegated_units)
            options.append(generated_units[tier])
            if not complete:
                options.append(st.none())
            unit = draw(st.one_of(options))
            whole = complete if complete is not None else draw(st.booleans())
            official = draw(
                cs.officials(
                    title=title,
                    as_of=as_of,
                    unit=unit.code if unit is not None else None,
                    complete=whole,
                    catalogue=catalogue,
                )
            )
            appraisal = None
            if draw(st.booleans()):
                target = draw(st.sampled_from([t for t in feasible if t.valid.contains(as_of)] or feasible))
                appraisal = Appraisal(
                    title=target.code,
                    process_started=as_of - timedelta(days=draw(st.integers(0, 400))),
                    rotation=draw(st.booleans()),
                    first=not draw(st.booleans()),
                )
            return Case(official, as_of, unit, appraisal)

        return build()

    def _check(self, name: str, strategy: SearchStrategy[Any], check: Callable[[Any], None]) -> None:
        """Run ``check`` as a hypothesis property over ``strategy`` with this class's settings."""

        def prop(value: Any) -> None:
            try:
                check(value)
            except ContractError:
                raise
            except Exception as exc:
                raise ContractError(f"{name}: the evaluation raised {type(exc).__name__}: {exc}") from exc

        prop._hypothesis_internal_add_digest = f"{type(self).__qualname__}.{name}".encode()  # type: ignore[attr-defined]
        run = settings(
            self.hypothesis_settings,
            max_examples=self.max_examples,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )(given(strategy)(prop))
        run()

    # -- the properties --------------------------------------------------------------------------------------------

    def test_plugin_loads_strictly(self) -> None:
        """The plugin registers without error with ``strict=True``, and there are rules to test."""
        subject = self._subject()
        info = next(p for p in subject.registry.plugins if p.name == subject.source)
        assert info.error is None, info.error
        assert subject.codes, f"plugin {subject.source!r} contributes no rule and affects none"

    def test_evaluation_is_deterministic(self) -> None:
        """The same case gives the same findings: again, after another case, and with an engine on an independently
        loaded registry."""
        subject = self._subject()
        prop = "test_evaluation_is_deterministic"

        def check(pair: tuple[Case, Case]) -> None:
            case, other = pair

            def findings(engine: Engine) -> dict[str, Finding]:
                return subject.under_test(case.run(engine), prop)

            first = findings(subject.engine)
            other.run(subject.engine)
            runs = {"run again": findings(subject.engine), "on an independent engine": findings(subject.twin_engine)}
            problems = [
                f"{code}: {_outcome(first.get(code))} first, {_outcome(found.get(code))} {label}"
                for label, found in runs.items()
                for code in sorted(set(first) | set(found))
                if _json(first.get(code)) != _json(found.get(code))
            ]
            if problems:
                raise _violation(prop, case, problems)

        self._check(prop, st.tuples(self.cases(), self.cases()), check)

    def test_missing_data_is_never_met(self) -> None:
        """Removing one fact from a complete official never turns a finding into ``met`` unless the complete record
        is ``met``, nor into ``grace`` unless it is ``met`` or ``grace`` (see :data:`BLANKABLE`)."""
        subject = self._subject()
        prop = "test_missing_data_is_never_met"

        def check(case: Case) -> None:
            complete = subject.under_test(case.run(subject.engine), prop)
            problems = []
            for blank in BLANKABLE:
                variant = _blanked(case, blank)
                for code, finding in subject.under_test(variant.run(subject.engine), prop).items():
                    allowed = _PASSING.get(finding.outcome)
                    full = complete.get(code)
                    if allowed is not None and full is not None and full.outcome not in allowed:
                        problems.append(
                            f"{code}: {finding.outcome.value} without {blank}, but {_outcome(full)} with it"
                        )
            if problems:
                raise _violation(prop, case, problems)

        self._check(prop, self.cases(complete=True), check)

    def test_nothing_applies_outside_its_validity_window(self) -> None:
        """Exactly the rules under test that are in force on ``as_of`` and cover the title (the successor of a title
        that ended, when it has one) give a finding (conditions of appointment only in appraisals); a delegation or
        deadline cited (beyond the rule's own bases) is in force on ``as_of``."""
        subject = self._subject()
        prop = "test_nothing_applies_outside_its_validity_window"

        def check(case: Case) -> None:
            found = subject.under_test(case.run(subject.engine), prop)
            problems = []
            title = case.title()
            known_title = title if title in subject.registry.titles else None
            if known_title is not None:
                # A title that ended is read as its successor (a pre-2025 commune title → an unplaced civil servant).
                held = subject.registry.titles[known_title]
                if held.successor and held.valid.end and case.as_of > held.valid.end:
                    successor = subject.registry.titles.get(held.successor)
                    if successor is not None and successor.valid.contains(case.as_of):
                        known_title = successor.code
            for code in sorted(subject.codes - subject.ignore.get(prop, frozenset())):
                rule = subject.rule(code)
                assert rule is not None
                applies = rule.applies(case.as_of, known_title) and (
                    case.appraisal is not None or not rule.appointment_only
                )
                if applies and code not in found:
                    problems.append(f"{code} is in force on {case.as_of} for {known_title} but gave no finding")
                if not applies and code in found:
                    problems.append(f"{code} (valid {rule.valid}) gave a finding on {case.as_of} for {known_title}")
            for code, finding in found.items():
                rule = subject.rule(code)
                assert rule is not None
                cited = [b for b in finding.basis if b not in rule.basis]
                for d in subject.delegations:
                    if d.basis in cited and not any(
                        x.valid.contains(case.as_of) for x in subject.delegations if x.basis == d.basis
                    ):
                        problems.append(f"{code} cites delegation {d.switch} (valid {d.valid}) out of its window")
                for dl in subject.deadlines:
                    if dl.basis in cited and not any(
                        x.valid.contains(case.as_of) for x in subject.deadlines if x.basis == dl.basis
                    ):
                        problems.append(f"{code} cites deadline {dl.code} (valid {dl.valid}) out of its window")
            if problems:
                raise _violation(prop, case, problems)

        self._check(prop, self.cases(), check)

    def test_findings_cite_law_and_deadlines(self) -> None:
        """Every finding under test cites at least one legal basis and is well formed: no ``error``; ``grace`` has a
        deadline on or after ``as_of``; a ``not_met`` deadline has passed; only ``grace`` and ``not_met`` carry one;
        only ``undetermined`` lists ``missing`` fields, each a field of the official; both messages are written; the
        status, action and deadline of the assessment follow from its findings."""
        subject = self._subject()
        prop = "test_findings_cite_law_and_deadlines"

        def check(case: Case) -> None:
            assessment = case.run(subject.engine)
            problems = _assessment_problems(assessment)
            for code, f in subject.under_test(assessment, prop).items():
                rule = subject.rule(code)
                assert rule is not None
                problems += [f"{code}: {p}" for p in _finding_problems(f, case.as_of)]
                resting = rule.provisional or any(b.provisional for b in f.basis)
                if f.provisional != resting:
                    problems.append(f"{code}: provisional={f.provisional}, but the law it cites says {resting}")
            if problems:
                raise _violation(prop, case, problems)

        self._check(prop, self.cases(), check)

    def test_higher_qualifications_never_hurt(self) -> None:
        """Adding qualifications, each at or above the highest level held of its kind, never turns ``met`` into
        anything else, nor ``grace`` into ``not_met`` (monotonicity)."""
        subject = self._subject()
        prop = "test_higher_qualifications_never_hurt"

        cases = self.cases()

        # One kind at a time, or every kind at once (a rule that looks at one kind then always gets one).
        kinds = st.sampled_from([(kind,) for kind in cs.QUALIFICATION_KINDS]) | st.just(cs.QUALIFICATION_KINDS)

        @st.composite
        def with_more(draw: st.DrawFn) -> tuple[Case, tuple[Qualification, ...]]:
            case = draw(cases)
            if case.official.qualifications is None:
                case = case.with_official(qualifications=())
            first = add_years(case.official.birth_date, 18) if case.official.birth_date else case.as_of
            window = (min(first, case.as_of), case.as_of)
            extra = tuple(
                draw(cs.qualifications(kind=kind, at_least=case.official.highest(kind), obtained_between=window))
                for kind in draw(kinds)
            )
            return case, extra

        def check(pair: tuple[Case, tuple[Qualification, ...]]) -> None:
            case, extra = pair
            before = subject.under_test(case.run(subject.engine), prop)
            richer = case.with_official(qualifications=(*(case.official.qualifications or ()), *extra))
            after = subject.under_test(richer.run(subject.engine), prop)
            problems = []
            for code, old in before.items():
                new = after.get(code)
                worse = (old.outcome is Outcome.MET and (new is None or new.outcome is not Outcome.MET)) or (
                    old.outcome is Outcome.GRACE and (new is None or new.outcome is Outcome.NOT_MET)
                )
                if worse:
                    problems.append(f"{code}: {_outcome(old)} before adding {extra!r}, {_outcome(new)} after")
            if problems:
                raise _violation(prop, case, problems)

        self._check(prop, with_more(), check)

    def test_province_never_loosens_national_rules(self) -> None:
        """With the province selected, every national rule still gives a finding, and compared with the national
        evaluation of the same case: a ``met`` comes from a national ``met`` or a lawful delegation; a ``grace`` from
        a national ``grace`` or ``met`` or a lawful delegation, or from a national ``not_met`` under a lawful review
        deadline; no deadline is later than the national one. A lawful delegation is one of the province's
        delegations whose switch the rule honours, in force on ``as_of``, covering the unit, and cited in the finding.
        A lawful review deadline is one of the province's deadlines of kind ``review``, in force on ``as_of``, naming
        the rule (or every rule), cited in the finding, whose day is the finding's deadline."""
        subject = self._subject()
        national = subject.national
        if national is None:
            pytest.skip("no provincial jurisdiction: nothing to compare with the national rules")
        prop = "test_province_never_loosens_national_rules"

        def check(case: Case) -> None:
            before = {f.rule: f for f in case.run(national).findings}
            after = {f.rule: f for f in case.run(subject.engine).findings}
            unit = case.unit or (subject.engine.units.get(case.official.unit) if case.official.unit else None)
            skip = subject.ignore.get(prop, frozenset())
            problems = []
            for code, old in sorted(before.items()):
                try:
                    rule, ruleset, _ = subject.registry.rule(code)
                except KeyError:
                    continue  # not a registered rule (e.g. the engine's coverage finding)
                if ruleset.jurisdiction != NATIONAL or code in skip:
                    continue
                new = after.get(code)
                if new is None:
                    problems.append(f"{code}: dropped with the province selected")
                    continue
                delegated = _lawful_delegation(subject.delegations, rule, new, case.as_of, unit) or (
                    old.outcome is Outcome.NOT_MET
                    and new.outcome is Outcome.GRACE
                    and _lawful_review(subject.deadlines, rule, new, case.as_of)
                )
                allowed = {Outcome.MET: {Outcome.MET}, Outcome.GRACE: {Outcome.MET, Outcome.GRACE}}.get(new.outcome)
                if allowed is not None and old.outcome not in allowed and not delegated:
                    problems.append(f"{code}: national {_outcome(old)}, provincial {_outcome(new)} (no delegation)")
                if old.deadline and new.deadline and new.deadline > old.deadline:
                    problems.append(f"{code}: deadline {old.deadline} nationally, {new.deadline} in the province")
                if old.outcome is new.outcome is Outcome.GRACE and new.deadline is None:
                    problems.append(f"{code}: the province dropped the national deadline {old.deadline}")
            if problems:
                raise _violation(prop, case, problems)

        self._check(prop, self.cases(), check)

    def test_findings_survive_json_round_trip(self) -> None:
        """``Assessment.from_json(a.to_json()) == a`` (and for each finding), and the JSON is plain JSON."""
        subject = self._subject()
        prop = "test_findings_survive_json_round_trip"

        def check(case: Case) -> None:
            assessment = case.run(subject.engine)
            text = assessment.to_json()
            json.loads(text)
            problems = []
            if Assessment.from_json(text) != assessment:
                problems.append("the assessment changed in a JSON round trip")
            for code, f in subject.under_test(assessment, prop).items():
                if Finding.from_json(f.to_json()) != f:
                    problems.append(f"{code}: the finding changed in a JSON round trip")
            if problems:
                raise _violation(prop, case, problems)

        self._check(prop, self.cases(), check)


# -- checks shared with the library's own tests ---------------------------------------------------------------------


def _blanked(case: Case, blank: str) -> Case:
    """The case with one fact of :data:`BLANKABLE` removed."""
    if blank == "unit":
        return case.without_unit()
    if blank == "qualifications.field":
        quals = tuple(
            Professional(level=q.level, field=None, obtained_on=q.obtained_on) if isinstance(q, Professional) else q
            for q in case.official.qualifications or ()
        )
        return case.with_official(qualifications=quals)
    return case.with_official(**{blank: None})


def _lawful_delegation(
    delegations: Sequence[Delegation], rule: Rule, finding: Finding, as_of: date, unit: AdministrativeUnit | None
) -> bool:
    """True when ``finding`` cites a delegation that lawfully relaxes ``rule`` for this unit on ``as_of``."""
    return unit is not None and any(
        d.switch in rule.delegable and d.valid.contains(as_of) and d.basis in finding.basis and d.covers(unit)
        for d in delegations
    )


def _lawful_review(deadlines: Sequence[Deadline], rule: Rule, finding: Finding, as_of: date) -> bool:
    """True when ``finding`` rests on a provincial review deadline that lawfully sets its remediation period."""
    return any(
        d.kind == "review" and d.covers(rule.code, as_of) and d.basis in finding.basis and finding.deadline == d.due
        for d in deadlines
    )


def _finding_problems(f: Finding, as_of: date) -> list[str]:
    """What is wrong with one finding, as sentences (empty when it is well formed)."""
    problems = []
    if f.outcome is Outcome.ERROR:
        problems.append(f"the rule raised: {f.message.en}")
    if not f.basis or any(not b.document.strip() for b in f.basis):
        problems.append("no legal basis cited")
    if f.outcome is Outcome.GRACE and (f.deadline is None or f.deadline < as_of):
        problems.append(f"grace with deadline {f.deadline} (must be on or after {as_of})")
    if f.deadline is not None and f.outcome not in (Outcome.GRACE, Outcome.NOT_MET):
        problems.append(f"{f.outcome.value} with a deadline ({f.deadline})")
    if f.outcome is Outcome.NOT_MET and f.deadline is not None and f.deadline >= as_of:
        problems.append(f"not_met with a deadline still to come ({f.deadline})")
    if f.missing and f.outcome is not Outcome.UNDETERMINED:
        problems.append(f"{f.outcome.value} but missing={list(f.missing)}")
    unknown = [m for m in f.missing if m.split(".")[0] not in Official.model_fields]
    if unknown:
        problems.append(f"missing names no field of the official: {unknown}")
    if not f.message.vi.strip() or not f.message.en.strip():
        problems.append("a message is empty")
    return problems


def _assessment_problems(a: Assessment) -> list[str]:
    """What is wrong with an assessment's status, action and deadline, given its findings."""
    problems = []
    status = status_of(f.outcome for f in a.findings)
    if a.status is not status:
        problems.append(f"status {a.status.value}, but the findings give {status.value}")
    action = action_for(
        a.status,
        faulty=any(f.outcome is Outcome.ERROR for f in a.findings),
        open_law=not any(f.missing for f in a.findings if f.outcome is Outcome.UNDETERMINED),
    )
    if a.action is not action:
        problems.append(f"action {a.action.value} for status {a.status.value}")
    graces = [f.deadline for f in a.findings if f.outcome is Outcome.GRACE and f.deadline is not None]
    expected = min(graces) if a.status is Status.WITHIN_GRACE and graces else None
    if a.deadline != expected:
        problems.append(f"deadline {a.deadline}, but the earliest grace deadline is {expected}")
    return problems
