"""The plugin manager: built-in plugins, entry-point discovery with an allow-list, isolation of failing plugins,
and the :class:`Registry` of everything the plugins contributed."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import entry_points
from typing import Any

import pluggy

from . import hookspecs
from ._text import slugify
from .dates import day_after
from .hookspecs import PROJECT
from .law import Period
from .report.policies import ReportPolicy
from .report.renderers import Renderer
from .rules.interpreter import loosening
from .rules.model import NATIONAL, Deadline, Rule, RuleSet
from .titles import Title, TitleCatalogue
from .units import AdministrativeUnit, Jurisdiction

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PLUGINS_ENV",
    "DuplicatePluginError",
    "PluginInfo",
    "RegistrationError",
    "Registry",
    "UnknownJurisdictionError",
    "get_plugin_manager",
    "load_registry",
]

ENTRY_POINT_GROUP = "cbcc_standards"
PLUGINS_ENV = "CBCC_STANDARDS_PLUGINS"
"""Comma-separated allow-list of entry-point plugin names; empty loads none; unset loads all."""

_HOOK_PREFIX = "cbcc_register_"


def _builtin_plugins() -> tuple[str, ...]:
    """Every module of ``cbcc_standards.rules`` and ``cbcc_standards.report.formats`` that implements a hook, by name:
    adding a rule set is adding a module, nothing to list."""
    names: list[str] = []
    for package in ("cbcc_standards.rules", "cbcc_standards.report.formats"):
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__, f"{package}."):
            if info.name.rsplit(".", 1)[-1].startswith("_"):
                continue
            plugin = importlib.import_module(info.name)
            if any(name.startswith(_HOOK_PREFIX) for name in vars(plugin)):
                names.append(info.name)
    return tuple(sorted(names))


DEFAULT_PLUGINS: tuple[str, ...] = _builtin_plugins()
"""Built-in plugins, registered through the same hooks as third-party ones: the rule-set modules of
``cbcc_standards.rules`` and the output formats of ``cbcc_standards.report.formats``."""


class RegistrationError(ValueError):
    """A plugin contributed something invalid (duplicate code, unknown switch, …)."""


class UnknownJurisdictionError(ValueError):
    """A province no plugin speaks for; the message lists the known ones with their aliases (``province`` and
    ``known`` for a message in another language)."""

    def __init__(self, province: str, known: str) -> None:
        super().__init__(f"unknown province {province!r} (known: {known})")
        self.province = province
        self.known = known


@dataclass(frozen=True)
class PluginInfo:
    """A plugin as loaded: its name, distribution version, whether it is built in, and its error if it failed."""

    name: str
    version: str | None
    builtin: bool
    error: str | None = None
    message: Any = None
    """The error as a catalogue :class:`~cbcc_standards.i18n.Message` (reports and the web page render it in their
    language, :meth:`error_text`); ``error`` is the English text for logs and the API: the technical error as raised,
    or the message in English when the failure has no technical error of its own."""

    def error_text(self, lang: Any = "en") -> str | None:
        """The error in ``lang`` (a catalogue message's language, else the error as raised)."""
        if self.message is None:
            return self.error
        return str(self.message(getattr(lang, "value", lang)))


def _library_version() -> str:
    from . import __version__

    return str(__version__)


def get_plugin_manager(
    *,
    allow: Iterable[str] | None = None,
    load_entry_points: bool = True,
    plugins: Iterable[object] = (),
    strict: bool = False,
) -> tuple[pluggy.PluginManager, list[PluginInfo]]:
    """A fresh plugin manager with the built-ins, the allowed entry-point plugins and ``plugins``.

    ``allow`` names the entry-point plugins to load (None: the ``CBCC_STANDARDS_PLUGINS`` environment variable if
    set, else all). A plugin that fails to import is reported in the returned list and skipped, unless ``strict``.
    """
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    infos: list[PluginInfo] = []
    version = _library_version()
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
        infos.append(PluginInfo(name, version, builtin=True))
    if allow is None:
        env = os.environ.get(PLUGINS_ENV)
        allow = None if env is None else [n.strip() for n in env.split(",") if n.strip()]
    allowed = None if allow is None else set(allow)
    if load_entry_points:
        by_name: dict[str, list[Any]] = {}
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if allowed is None or ep.name in allowed:
                by_name.setdefault(ep.name, []).append(ep)
        for name, eps in by_name.items():
            info = _load_entry_points(pm, name, eps, strict)
            infos.append(info)
    for plugin in plugins:
        if pm.is_registered(plugin):
            continue  # installed too, and loaded through its entry point
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        pm.register(plugin, name=name)
        infos.append(PluginInfo(name, None, builtin=False))
    pm.check_pending()
    return pm, infos


def _distribution(ep: Any) -> str:
    """``name version`` of an entry point's distribution, for messages."""
    dist = getattr(ep, "dist", None)
    if dist is None:
        return f"? ({ep.value})"
    return f"{dist.metadata['Name'] or '?'} {dist.version}"


def _load_entry_points(pm: pluggy.PluginManager, name: str, eps: list[Any], strict: bool) -> PluginInfo:
    """Load the entry points of one name. Several distributions declaring the name for different objects is a
    conflict: none of them is loaded (which one the user meant is unknown), and the plugin's error names them all."""
    version = eps[0].dist.version if eps[0].dist else None
    loaded: list[object] = []
    try:
        for ep in eps:
            plugin = ep.load()
            if not any(plugin is other for other in loaded):
                loaded.append(plugin)
    except Exception as exc:
        if strict:
            raise
        raised = f"{type(exc).__name__}: {exc}"
        return PluginInfo(name, version, builtin=False, error=raised, message=_failure("plugin.import_failed", raised))
    if len(loaded) > 1:
        dists = sorted({_distribution(ep) for ep in eps})
        error = DuplicatePluginError(name, dists)
        if strict:
            raise error
        return PluginInfo(name, None, builtin=False, error=str(error), message=error.message)
    try:
        pm.register(loaded[0], name=name)
    except ValueError as exc:  # the object is registered already, under another name
        if strict:
            raise RegistrationError(f"plugin {name}: {' '.join(str(exc).split())[:300]}") from None
        raised = f"RegistrationError: {' '.join(str(exc).split())[:300]}"
        return PluginInfo(name, version, builtin=False, error=raised, message=_failure("plugin.invalid", raised))
    return PluginInfo(name, version, builtin=False)


def _failure(key: str, error: str, **params: str) -> Any:
    """The catalogue message of a plugin's failure (``plugin.import_failed``, ``plugin.hook_failed``,
    ``plugin.invalid``): what failed in the reader's language, the technical error as raised in parentheses."""
    from .i18n import Message

    return Message.of(key, error=error, **params)


class DuplicatePluginError(RegistrationError):
    """Two or more installed distributions declare the same entry-point name for different plugins."""

    def __init__(self, name: str, distributions: list[str]) -> None:
        from .i18n import Message

        self.name = name
        self.distributions = distributions
        self.message = Message("plugin.duplicate", (("name", name), ("distributions", ", ".join(distributions))))
        super().__init__(self.message("en"))


@dataclass(frozen=True)
class SourcedRuleSet:
    """A rule set with the plugin that registered it."""

    ruleset: RuleSet
    source: str


@dataclass
class Registry:
    """Everything the plugins contributed: titles, rule sets, deadlines, units, and the plugins themselves."""

    titles: TitleCatalogue = field(default_factory=TitleCatalogue)
    rulesets: list[SourcedRuleSet] = field(default_factory=list)
    deadlines: list[tuple[Deadline, str]] = field(default_factory=list)
    units: dict[str, AdministrativeUnit] = field(default_factory=dict)
    policies: list[tuple[ReportPolicy, str]] = field(default_factory=list)
    renderers: dict[str, tuple[Renderer, str]] = field(default_factory=dict)
    provinces: dict[str, tuple[Jurisdiction, str]] = field(default_factory=dict)
    """The jurisdictions plugins declared (name, aliases, statistical code), by code."""
    plugins: list[PluginInfo] = field(default_factory=list)
    _rules: dict[str, tuple[Rule, RuleSet, str]] = field(default_factory=dict)

    def rules(
        self, *, as_of: date | None = None, jurisdiction: str | None = None
    ) -> Iterator[tuple[Rule, RuleSet, str]]:
        """Rules (with their rule set and plugin), by code; only those in force on ``as_of`` if given, only those of
        ``jurisdiction`` (and the national ones) if given."""
        for code in sorted(self._rules):
            rule, ruleset, source = self._rules[code]
            if as_of is not None and not rule.valid.contains(as_of):
                continue
            if jurisdiction is not None and ruleset.jurisdiction not in (NATIONAL, jurisdiction):
                continue
            yield rule, ruleset, source

    def rule(self, code: str) -> tuple[Rule, RuleSet, str]:
        """A rule by code, with its rule set and plugin; ``KeyError`` if unknown."""
        return self._rules[code]

    @property
    def jurisdictions(self) -> list[str]:
        """The non-national jurisdictions some plugin contributes to."""
        found = {s.ruleset.jurisdiction for s in self.rulesets} | {d.jurisdiction for d, _ in self.deadlines}
        found |= {p.jurisdiction for p, _ in self.policies}
        return sorted(found - {NATIONAL})

    def appointment_coverage(
        self, titles: Iterable[str], conditions: Iterable[str], window: Period
    ) -> list[tuple[str, str, Period]]:
        """The holes in the conditions of appointment: each (title, condition kind, days of ``window``) that no
        national appointment rule of that kind covers — not even one answering "not encoded for this period"."""
        holes: list[tuple[str, str, Period]] = []
        rules = [r for r, rs, _ in self.rules() if r.appointment_only and rs.jurisdiction == NATIONAL]
        for title in sorted(titles):
            for kind in conditions:
                parts = [r.valid for r in rules if r.condition == kind and (r.titles is None or title in r.titles)]
                holes.extend((title, kind, gap) for gap in Period.gaps(window, parts))
        return holes

    def resolve_jurisdiction(self, text: str) -> str:
        """The jurisdiction code ``text`` names — a code, or an alias or statistical code a plugin declared, in any
        case; :class:`UnknownJurisdictionError` (listing the known ones) otherwise."""
        wanted = slugify(text)
        for code in self.jurisdictions:
            declared = self.provinces.get(code)
            spellings = declared[0].spellings if declared else (code,)
            if any(slugify(s) == wanted for s in spellings):
                return code
        raise UnknownJurisdictionError(text, self.describe_jurisdictions())

    def describe_jurisdictions(self) -> str:
        """The known jurisdictions with their aliases, for messages: ``QN (quang_ngai, quang-ngai, 51)``."""
        parts = []
        for code in self.jurisdictions:
            declared = self.provinces.get(code)
            others = declared[0].spellings[1:] if declared else ()
            parts.append(f"{code} ({', '.join(others)})" if others else code)
        return "; ".join(parts) or "—"

    def renderer(self, name: str) -> Renderer:
        """The renderer registered under ``name``; ``KeyError`` if none."""
        return self.renderers[name][0]

    def renderer_for(self, extension: str) -> Renderer | None:
        """The renderer whose files end with ``extension`` (``.json``), if any (built-ins first)."""
        ext = extension.lower()
        found = [(r, src) for r, src in self.renderers.values() if r.extension == ext]
        found.sort(key=lambda item: (not item[1].startswith("cbcc_standards."), item[0].name))
        return found[0][0] if found else None

    def content_hash(self) -> str:
        """SHA-256 of the rule sets, titles and deadlines as data: changes whenever the law encoded changes."""
        payload = {
            "rulesets": sorted((s.ruleset.metadata() for s in self.rulesets), key=lambda r: r["code"]),
            "titles": [t.model_dump(mode="json") for t in self.titles],
            "deadlines": sorted((d.model_dump(mode="json") for d, _ in self.deadlines), key=lambda d: d["code"]),
            "policies": sorted((p.model_dump(mode="json") for p, _ in self.policies), key=lambda p: p["code"]),
        }
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode()).hexdigest()

    # -- registration ------------------------------------------------------------------------------------------

    def _snapshot(self) -> tuple[Any, ...]:
        return (
            self.titles.copy(),
            list(self.rulesets),
            list(self.deadlines),
            dict(self.units),
            dict(self._rules),
            list(self.policies),
            dict(self.renderers),
            dict(self.provinces),
        )

    def _restore(self, snapshot: tuple[Any, ...]) -> None:
        (
            self.titles,
            self.rulesets,
            self.deadlines,
            self.units,
            self._rules,
            self.policies,
            self.renderers,
            self.provinces,
        ) = snapshot

    def _add_title(self, title: Title, source: str) -> None:
        if not isinstance(title, Title):
            raise RegistrationError(f"plugin {source}: register() expects a Title, got {type(title).__name__}")
        try:
            self.titles.add(title)
        except ValueError as exc:
            raise RegistrationError(f"plugin {source}: {exc}") from None

    def _add_ruleset(self, ruleset: RuleSet, source: str) -> None:
        if not isinstance(ruleset, RuleSet):
            raise RegistrationError(f"plugin {source}: register() expects a RuleSet, got {type(ruleset).__name__}")
        if any(s.ruleset.code == ruleset.code for s in self.rulesets):
            raise RegistrationError(f"plugin {source}: rule set {ruleset.code} is registered twice")
        for rule in ruleset.rules:
            if rule.code in self._rules:
                other = self._rules[rule.code][2]
                raise RegistrationError(f"plugin {source}: rule {rule.code} is already registered by {other}")
            if problem := _window_problem(rule.code, rule.valid, rule.basis):
                raise RegistrationError(f"plugin {source}: {problem}")
        for delegation in ruleset.delegations:
            if problem := _window_problem(f"delegation {delegation.switch}", delegation.valid, (delegation.basis,)):
                raise RegistrationError(f"plugin {source}: rule set {ruleset.code}: {problem}")
        for rule in ruleset.rules:
            self._rules[rule.code] = (rule, ruleset, source)
        self.rulesets.append(SourcedRuleSet(ruleset, source))

    def _add_deadline(self, deadline: Deadline, source: str) -> None:
        if not isinstance(deadline, Deadline):
            raise RegistrationError(f"plugin {source}: register() expects a Deadline, got {type(deadline).__name__}")
        if any(d.code == deadline.code for d, _ in self.deadlines):
            raise RegistrationError(f"plugin {source}: deadline {deadline.code} is registered twice")
        if problem := _window_problem(f"deadline {deadline.code}", deadline.valid, (deadline.basis,)):
            raise RegistrationError(f"plugin {source}: {problem}")
        self.deadlines.append((deadline, source))
        legacy = deadline._legacy_policy
        if legacy and (legacy.get("par_deduction") or legacy.get("responsible_title")):
            self._add_policy(
                ReportPolicy(
                    code=deadline.code,
                    jurisdiction=deadline.jurisdiction,
                    after=deadline.due,
                    valid=deadline.valid,
                    basis=deadline.basis,
                    title=deadline.title,
                    par_deduction=bool(legacy.get("par_deduction")),
                    responsible_title=legacy.get("responsible_title"),
                ),
                source,
            )

    def _add_policy(self, policy: ReportPolicy, source: str) -> None:
        if not isinstance(policy, ReportPolicy):
            raise RegistrationError(f"plugin {source}: register() expects a ReportPolicy, got {type(policy).__name__}")
        if any(p.code == policy.code for p, _ in self.policies):
            raise RegistrationError(f"plugin {source}: report policy {policy.code} is registered twice")
        self.policies.append((policy, source))

    def _add_renderer(self, renderer: Renderer, source: str) -> None:
        if not isinstance(renderer, Renderer):
            raise RegistrationError(f"plugin {source}: register() expects a Renderer, got {type(renderer).__name__}")
        if renderer.name in self.renderers:
            other = self.renderers[renderer.name][1]
            raise RegistrationError(
                f"plugin {source}: output format {renderer.name!r} is already registered by {other}"
            )
        if not renderer.extension.startswith(".") or not renderer.documents:
            raise RegistrationError(
                f"plugin {source}: output format {renderer.name!r} needs an extension like '.json' and at least one "
                "document kind"
            )
        self.renderers[renderer.name] = (renderer, source)

    def _add_jurisdiction(self, jurisdiction: Jurisdiction, source: str) -> None:
        if not isinstance(jurisdiction, Jurisdiction):
            raise RegistrationError(
                f"plugin {source}: register() expects a Jurisdiction, got {type(jurisdiction).__name__}"
            )
        taken = {
            slugify(spelling): code
            for code, (known, _) in self.provinces.items()
            for spelling in known.spellings
            if code != jurisdiction.code
        }
        for spelling in jurisdiction.spellings:
            if slugify(spelling) in taken:
                raise RegistrationError(
                    f"plugin {source}: province name {spelling!r} already names {taken[slugify(spelling)]!r}"
                )
        if jurisdiction.code in self.provinces:
            raise RegistrationError(f"plugin {source}: province {jurisdiction.code} is registered twice")
        self.provinces[jurisdiction.code] = (jurisdiction, source)

    def _add_unit(self, unit: AdministrativeUnit, source: str) -> None:
        if not isinstance(unit, AdministrativeUnit):
            raise RegistrationError(f"plugin {source}: register() expects an AdministrativeUnit")
        if unit.code in self.units:
            raise RegistrationError(f"plugin {source}: unit {unit.code} is registered twice")
        self.units[unit.code] = unit

    def _problems(self) -> dict[str, str]:
        """Cross-plugin checks, once everything is collected: the first problem of each offending plugin."""
        honoured = {s for rule, _, _ in self.rules() for s in rule.delegable}
        problems: dict[str, str] = {}
        for sourced in self.rulesets:
            for delegation in sourced.ruleset.delegations:
                if delegation.switch not in honoured:
                    problems.setdefault(
                        sourced.source,
                        f"rule set {sourced.ruleset.code} switches on {delegation.switch!r}, which no rule honours "
                        f"(known: {', '.join(sorted(honoured))})",
                    )
        for deadline, source in self.deadlines:
            for code in deadline.rules or ():
                if code not in self._rules:
                    problems.setdefault(source, f"deadline {deadline.code} names unknown rule {code}")
            if problem := self._lengthens(deadline):
                problems.setdefault(source, problem)
        for code, (rule, ruleset, source) in self._rules.items():
            if problem := self._loosens(code, rule, ruleset):
                problems.setdefault(source, problem)
        return problems

    def _loosens(self, code: str, rule: Rule, ruleset: RuleSet) -> str | None:
        """Why a provincial rule that says it tightens a national rule would in fact loosen it (None if it does not):
        its requirement, compared kind by kind; its reliefs (only those of the national rule); its grace periods
        (none later than the national ones)."""
        if rule.tightens is None:
            return None
        target = self._rules.get(rule.tightens)
        if target is None or target[1].jurisdiction != NATIONAL:
            return f"rule {code} tightens {rule.tightens}, which is not a national rule"
        if ruleset.jurisdiction == NATIONAL:
            return f"rule {code} is national: only a provincial rule set may tighten a national rule"
        national = target[0]
        law = "ND 33/2023 Art 8(5), Art 10(4)(a): provincial standards may not be lower"
        if why := loosening(rule.requirement, national.requirement):
            return f"rule {code} would loosen national rule {rule.tightens}: {why} ({law})"
        extra = [r for r in rule.reliefs if r not in national.reliefs]
        if extra:
            return f"rule {code} would loosen national rule {rule.tightens}: it adds a relief the national rule lacks"
        latest = max(national.grace_deadlines, default=None)
        for grace in rule.graces:
            if latest is None or grace.deadline > latest:
                return (
                    f"rule {code} would loosen national rule {rule.tightens}: its grace period runs to "
                    f"{grace.deadline:%d/%m/%Y}, later than the national one"
                )
        return None

    def _lengthens(self, deadline: Deadline) -> str | None:
        """Why a provincial deadline would lengthen a national grace period (None if it does not)."""
        if deadline.jurisdiction == NATIONAL or deadline.kind != "shorten":
            return None
        codes = deadline.rules if deadline.rules is not None else self._rules.keys()
        for code in sorted(codes):
            entry = self._rules.get(code)
            if entry is None or entry[1].jurisdiction != NATIONAL:
                continue
            rule = entry[0]
            overlaps = rule.valid.overlaps(deadline.valid)
            national = rule.grace_deadlines
            if overlaps and national and deadline.due > max(national):
                return (
                    f"deadline {deadline.code} ({deadline.due:%d/%m/%Y}) would lengthen the national grace period "
                    f"of {code} (to {max(national):%d/%m/%Y}); a province may only shorten it"
                )
        return None

    def _drop(self, source: str) -> None:
        """Withdraw the rule sets, deadlines and report policies a plugin contributed."""
        self.rulesets = [s for s in self.rulesets if s.source != source]
        self.deadlines = [(d, src) for d, src in self.deadlines if src != source]
        self.policies = [(p, src) for p, src in self.policies if src != source]
        self._rules = {code: entry for code, entry in self._rules.items() if entry[2] != source}


def _window_problem(what: str, window: Period, bases: Iterable[Any]) -> str | None:
    """Why ``window`` is not backed by its legal bases (None when it is): the first basis must be in force on the
    window's first day, every day of the window must lie in some basis's effective period, and no basis may lie
    wholly outside the window (citing law that was not in force), but the act that ends it the next day."""
    listed = tuple(bases)
    periods = [b.effective for b in listed]
    first = periods[0]
    if window.start is not None and not first.contains(window.start):
        return (
            f"{what} starts on {window.start:%d/%m/%Y}, when its first basis ({listed[0].citation}, {first}) is not in "
            "force"
        )
    if not Period.covered(window, periods):
        spans = "; ".join(f"{b.citation} {b.effective}" for b in listed)
        return f"{what} is in force {window}, beyond the effective periods of its bases ({spans})"
    closing = day_after(window.end) if window.end is not None else None
    for basis in listed:
        if not basis.effective.overlaps(window) and basis.effective.start != closing:
            return (
                f"{what} cites {basis.citation} ({basis.effective}), which is not in force at any time in {window} "
                "(nor the act that ends it)"
            )
    return None


def _collect(
    pm: pluggy.PluginManager,
    hook_name: str,
    registry: Registry,
    add: Callable[[Any, str], None],
    infos: dict[str, PluginInfo],
    strict: bool,
) -> None:
    """Call one hook plugin by plugin; a plugin's contributions land only if its hook ran without error."""
    hook = getattr(pm.hook, hook_name)
    for impl in reversed(hook.get_hookimpls()):  # pluggy's own call order (tryfirst/trylast, then last registered)
        source = impl.plugin_name
        if infos.get(source) and infos[source].error:
            continue
        buffer: list[Any] = []
        snapshot = registry._snapshot()
        try:
            impl.function(register=buffer.append)
            for item in buffer:
                add(item, source)
        except Exception as exc:
            registry._restore(snapshot)
            if strict:
                raise
            old = infos.get(source) or PluginInfo(source, None, builtin=False)
            error = f"{type(exc).__name__}: {exc}"
            message = _failure("plugin.hook_failed", error, hook=hook_name)
            infos[source] = PluginInfo(old.name, old.version, old.builtin, error, message)


def load_registry(
    *,
    allow: Iterable[str] | None = None,
    load_entry_points: bool = True,
    plugins: Iterable[object] = (),
    strict: bool = False,
) -> Registry:
    """Build a :class:`Registry` from the built-in plugins, entry-point plugins and ``plugins``.

    A plugin that fails (on import, or raising or registering something invalid in a hook) is reported in
    ``registry.plugins`` with its error and contributes nothing; with ``strict`` the error is raised instead.
    """
    pm, info_list = get_plugin_manager(allow=allow, load_entry_points=load_entry_points, plugins=plugins, strict=strict)
    infos = {info.name: info for info in info_list}
    registry = Registry()
    _collect(pm, "cbcc_register_jurisdictions", registry, registry._add_jurisdiction, infos, strict)
    _collect(pm, "cbcc_register_titles", registry, registry._add_title, infos, strict)
    _collect(pm, "cbcc_register_rulesets", registry, registry._add_ruleset, infos, strict)
    _collect(pm, "cbcc_register_deadlines", registry, registry._add_deadline, infos, strict)
    _collect(pm, "cbcc_register_units", registry, registry._add_unit, infos, strict)
    _collect(pm, "cbcc_register_report_policies", registry, registry._add_policy, infos, strict)
    _collect(pm, "cbcc_register_renderers", registry, registry._add_renderer, infos, strict)
    while problems := registry._problems():
        for source, problem in problems.items():
            if strict:
                raise RegistrationError(f"plugin {source}: {problem}")
            registry._drop(source)
            old = infos.get(source) or PluginInfo(source, None, builtin=False)
            error = f"RegistrationError: {problem}"
            infos[source] = PluginInfo(old.name, old.version, old.builtin, error, _failure("plugin.invalid", error))
    registry.plugins = list(infos.values())
    return registry
