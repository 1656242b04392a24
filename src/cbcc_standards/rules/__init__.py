"""Rules as data: the model (rules, rule sets, reliefs, grace periods, delegations, deadlines), typed requirements,
the interpreter, and the built-in national rule sets (one plugin module each)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import (
        NATIONAL,
        Appointment,
        CheckFunction,
        Context,
        Deadline,
        Delegation,
        Eligibility,
        Grace,
        Relief,
        Rule,
        RuleSet,
        Verdict,
    )
    from .requirements import (
        AnyOf,
        AppointmentTerm,
        Custom,
        DisciplineWaiting,
        Holds,
        InPlanning,
        MaxAgeAtFirstAppointment,
        MinAge,
        MinLevel,
        NoConsecutiveFailures,
        NoFailureSince,
        NotEncoded,
        NotPastRetirement,
        Requirement,
        StateManagementCertificate,
        TitleInForce,
        WorkingTimeAtAppointment,
    )

__all__ = [
    "NATIONAL",
    "AnyOf",
    "Appointment",
    "AppointmentTerm",
    "CheckFunction",
    "Context",
    "Custom",
    "Deadline",
    "Delegation",
    "DisciplineWaiting",
    "Eligibility",
    "Grace",
    "Holds",
    "InPlanning",
    "MaxAgeAtFirstAppointment",
    "MinAge",
    "MinLevel",
    "NoConsecutiveFailures",
    "NoFailureSince",
    "NotEncoded",
    "NotPastRetirement",
    "Relief",
    "Requirement",
    "Rule",
    "RuleSet",
    "StateManagementCertificate",
    "TitleInForce",
    "Verdict",
    "WorkingTimeAtAppointment",
]

_MODEL = frozenset(
    [
        "Appointment",
        "CheckFunction",
        "Context",
        "Deadline",
        "Delegation",
        "Eligibility",
        "Grace",
        "NATIONAL",
        "Relief",
        "Rule",
        "RuleSet",
        "Verdict",
    ]
)


def __getattr__(name: str) -> Any:
    # Lazy, so that importing one submodule (e.g. ``rules.requirements``) does not import the others.
    if name in _MODEL:
        return getattr(import_module(".model", __name__), name)
    if name in __all__:
        return getattr(import_module(".requirements", __name__), name)
    if name in ("min_level", "min_age"):
        return getattr(import_module(".legacy", __name__), name)
    raise AttributeError(f"module 'cbcc_standards.rules' has no attribute {name!r}")
