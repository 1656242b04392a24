"""The plugin hooks of cbcc_standards (pluggy project ``cbcc_standards``).

Every hook is a *collector*: it receives a ``register`` callable supplied by the host. What a plugin registers is
validated when its hook returns and recorded with the plugin's name (so every finding can say where its rule came
from). A plugin whose hook raises, or whose contributions are invalid, contributes nothing through that hook and is
reported with its error in ``Registry.plugins`` (``strict=True`` raises instead); the other plugins load.
Built-in rule sets and report formats use the same hooks (:data:`cbcc_standards.plugins.DEFAULT_PLUGINS`). No hook
is ``firstresult``; return values are ignored. Plugins are called in pluggy's order (``tryfirst`` / ``trylast``
honoured; the built-ins are ``tryfirst``): when two plugins register the same code, the one called second fails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .report.policies import ReportPolicy
    from .report.renderers import Renderer
    from .rules.model import Deadline, RuleSet
    from .titles import Title
    from .units import AdministrativeUnit, Jurisdiction

__all__ = ["PROJECT", "hookimpl", "hookspec"]

PROJECT = "cbcc_standards"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marker for hook implementations: ``@cbcc_standards.hookimpl``."""


@hookspec
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Contribute rule sets.

    Called once when a registry is built (:func:`cbcc_standards.load_registry`), after every plugin is registered.
    Call ``register(ruleset)`` once per :class:`~cbcc_standards.RuleSet`. A rule set whose ``jurisdiction`` is not
    ``"national"`` applies only when that jurisdiction is selected (``--province``). A duplicate rule-set or rule code,
    or a delegation switch that no rule honours, makes the plugin fail with a ``RegistrationError``.
    """


@hookspec
def cbcc_register_titles(register: Callable[[Title], None]) -> None:
    """Contribute titles (chức danh, chức vụ) and ranks (ngạch).

    Called once when a registry is built, before rule sets are collected. Call ``register(title)`` once per
    :class:`~cbcc_standards.Title`; a code or Vietnamese name already registered makes the plugin fail.
    """


@hookspec
def cbcc_register_units(register: Callable[[AdministrativeUnit], None]) -> None:
    """Contribute administrative units (optional; a units file the user passes replaces them: it is the whole tree of
    its date).

    Called once when a registry is built. Call ``register(unit)`` once per
    :class:`~cbcc_standards.AdministrativeUnit`; a unit code registered twice makes the plugin fail.
    """


@hookspec
def cbcc_register_deadlines(register: Callable[[Deadline], None]) -> None:
    """Contribute dated remediation deadlines (e.g. a provincial directive: remedy by D, replace after D).

    Called once when a registry is built. Call ``register(deadline)`` once per :class:`~cbcc_standards.Deadline`.
    A deadline applies only when its ``jurisdiction`` is selected and only on days inside its ``valid`` window. A
    ``"shorten"`` deadline can only shorten a national grace period (the earliest deadline wins); a ``"review"``
    deadline sets the remediation schedule of every shortfall of the rules it names (never beyond an earlier
    national deadline). A deadline naming an unknown rule, later than a national grace period it would lengthen, or
    whose window is not inside its basis's effective period makes the plugin fail.
    """


@hookspec
def cbcc_register_report_policies(register: Callable[[ReportPolicy], None]) -> None:
    """Contribute report policies: what a review report says about a unit after a deadline (the administrative-reform
    (PAR) index deduction, the title answerable for the unit's compliance).

    Called once when a registry is built, after the deadlines. Call ``register(policy)`` once per
    :class:`~cbcc_standards.report.ReportPolicy`; a policy applies only when its ``jurisdiction`` is selected and on
    days inside its ``valid`` window. A code registered twice makes the plugin fail.
    """


@hookspec
def cbcc_register_renderers(register: Callable[[Renderer], None]) -> None:
    """Contribute output formats (like datasette's ``register_output_renderer``).

    Called once when a registry is built. Call ``register(renderer)`` once per
    :class:`~cbcc_standards.report.Renderer`: its ``name`` is what ``--format`` takes, ``extension`` what
    ``--output`` files end with, ``documents`` the kinds of document it renders (``review``, ``candidate``,
    ``planning``, ``retirement``, ``rules``, ``rule``). The built-in text, JSON, CSV, HTML and XLSX formats are
    renderers registered through this hook. A name registered twice makes the plugin fail.
    """


@hookspec
def cbcc_register_jurisdictions(register: Callable[[Jurisdiction], None]) -> None:
    """Contribute the provinces a plugin speaks for: the code its rule sets, deadlines and policies name as their
    ``jurisdiction``, the province's name, and its aliases and statistical code, which ``--province`` and
    ``Engine(province=...)`` accept (case-insensitively).

    Called once when a registry is built, first. Call ``register(jurisdiction)`` once per
    :class:`~cbcc_standards.Jurisdiction`; a code, alias or statistical code that already names another jurisdiction
    makes the plugin fail.
    """
