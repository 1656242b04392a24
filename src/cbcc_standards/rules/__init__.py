"""Rules and rule sets; the built-in national rule sets live in the submodules, one per rule set."""

from __future__ import annotations

from ._checks import Grace, MinLevel, Relief, max_age_at_appointment, min_age, min_level, term_before_retirement
from ._model import NATIONAL, Appointment, CheckFunction, Context, Deadline, Delegation, Rule, RuleSet, Verdict

__all__ = [
    "NATIONAL",
    "Appointment",
    "CheckFunction",
    "Context",
    "Deadline",
    "Delegation",
    "Grace",
    "MinLevel",
    "Relief",
    "Rule",
    "RuleSet",
    "Verdict",
    "max_age_at_appointment",
    "min_age",
    "min_level",
    "term_before_retirement",
]
