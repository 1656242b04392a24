"""cbcc_standards: the Vietnamese law on the standards of cadres and civil servants, as typed, dated, cited rules.

The public façade. Heavy modules are imported on first use, so ``import cbcc_standards`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .hookspecs import hookimpl

if TYPE_CHECKING:
    from .appraisal import PoolEntry, PoolStanding, appraise_candidate, planning_pool
    from .dates import Gender, Retirement, RetirementAge, parse_legal_date, retirement, retirement_date
    from .engine import Engine, default_registry, evaluate, evaluate_roster
    from .i18n import Lang, Message
    from .io import RosterFile, read_units
    from .law import Confidence, LegalBasis, Period, Regime
    from .officials import (
        Discipline,
        EthnicLanguage,
        Evaluation,
        ForeignLanguage,
        GeneralEducation,
        ITSkill,
        Official,
        PoliticalTheory,
        Professional,
        Qualification,
        StateManagement,
    )
    from .plugins import DEFAULT_PLUGINS, PluginInfo, RegistrationError, Registry, get_plugin_manager, load_registry
    from .report import Renderer, ReportPolicy, review_document
    from .results import Action, Assessment, Finding, Outcome, Rejected, RowError, Status, Text
    from .rules import (
        AnyOf,
        AppointmentTerm,
        Context,
        Custom,
        Deadline,
        Delegation,
        DisciplineWaiting,
        Eligibility,
        Grace,
        Holds,
        InPlanning,
        MaxAgeAtFirstAppointment,
        MinAge,
        MinLevel,
        NotEncoded,
        Relief,
        Requirement,
        Rule,
        RuleSet,
        StateManagementCertificate,
        Verdict,
        WorkingTimeAtAppointment,
    )
    from .titles import Title, TitleCatalogue
    from .types import Category
    from .units import AdministrativeUnit, AreaFlag, Jurisdiction, Tier, UnitKind

__all__ = [
    "DEFAULT_PLUGINS",
    "Action",
    "AdministrativeUnit",
    "AnyOf",
    "AppointmentTerm",
    "AreaFlag",
    "Assessment",
    "Category",
    "Confidence",
    "Context",
    "Custom",
    "Deadline",
    "Delegation",
    "Discipline",
    "DisciplineWaiting",
    "Eligibility",
    "Engine",
    "EthnicLanguage",
    "Evaluation",
    "Finding",
    "ForeignLanguage",
    "Gender",
    "GeneralEducation",
    "Grace",
    "Holds",
    "ITSkill",
    "InPlanning",
    "Jurisdiction",
    "Lang",
    "LegalBasis",
    "MaxAgeAtFirstAppointment",
    "Message",
    "MinAge",
    "MinLevel",
    "NotEncoded",
    "Official",
    "Outcome",
    "Period",
    "PluginInfo",
    "PoliticalTheory",
    "PoolEntry",
    "PoolStanding",
    "Professional",
    "Qualification",
    "Regime",
    "RegistrationError",
    "Registry",
    "Rejected",
    "Relief",
    "Renderer",
    "ReportPolicy",
    "Requirement",
    "Retirement",
    "RetirementAge",
    "RosterFile",
    "RowError",
    "Rule",
    "RuleSet",
    "StateManagement",
    "StateManagementCertificate",
    "Status",
    "Text",
    "Tier",
    "Title",
    "TitleCatalogue",
    "UnitKind",
    "Verdict",
    "WorkingTimeAtAppointment",
    "__version__",
    "appraise_candidate",
    "default_registry",
    "evaluate",
    "evaluate_roster",
    "get_plugin_manager",
    "hookimpl",
    "load_registry",
    "parse_legal_date",
    "planning_pool",
    "read_units",
    "retirement",
    "retirement_date",
    "review_document",
]

_LAZY = {
    "Lang": "i18n",
    "Message": "i18n",
    "Regime": "law",
    "Renderer": "report",
    "ReportPolicy": "report",
    "review_document": "report",
    "RosterFile": "io",
    "read_units": "io",
    "AnyOf": "rules",
    "AppointmentTerm": "rules",
    "Custom": "rules",
    "DisciplineWaiting": "rules",
    "Eligibility": "rules",
    "Grace": "rules",
    "Holds": "rules",
    "InPlanning": "rules",
    "MaxAgeAtFirstAppointment": "rules",
    "MinAge": "rules",
    "MinLevel": "rules",
    "NotEncoded": "rules",
    "Relief": "rules",
    "Requirement": "rules",
    "StateManagementCertificate": "rules",
    "WorkingTimeAtAppointment": "rules",
    "PoolEntry": "appraisal",
    "PoolStanding": "appraisal",
    "appraise_candidate": "appraisal",
    "planning_pool": "appraisal",
    "Gender": "dates",
    "Retirement": "dates",
    "retirement": "dates",
    "RetirementAge": "dates",
    "parse_legal_date": "dates",
    "retirement_date": "dates",
    "Engine": "engine",
    "default_registry": "engine",
    "evaluate": "engine",
    "evaluate_roster": "engine",
    "Confidence": "law",
    "LegalBasis": "law",
    "Period": "law",
    "Discipline": "officials",
    "EthnicLanguage": "officials",
    "Evaluation": "officials",
    "ForeignLanguage": "officials",
    "GeneralEducation": "officials",
    "ITSkill": "officials",
    "Official": "officials",
    "PoliticalTheory": "officials",
    "Professional": "officials",
    "Qualification": "officials",
    "StateManagement": "officials",
    "DEFAULT_PLUGINS": "plugins",
    "PluginInfo": "plugins",
    "RegistrationError": "plugins",
    "Registry": "plugins",
    "get_plugin_manager": "plugins",
    "load_registry": "plugins",
    "Action": "results",
    "Assessment": "results",
    "Finding": "results",
    "Outcome": "results",
    "Rejected": "results",
    "RowError": "results",
    "Status": "results",
    "Text": "i18n",
    "Context": "rules",
    "Deadline": "rules",
    "Delegation": "rules",
    "Rule": "rules",
    "RuleSet": "rules",
    "Verdict": "rules",
    "Title": "titles",
    "TitleCatalogue": "titles",
    "Category": "types",
    "AdministrativeUnit": "units",
    "AreaFlag": "units",
    "Tier": "units",
    "UnitKind": "units",
    "Jurisdiction": "units",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("cbcc_standards")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
            return "0+unknown"
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cbcc_standards' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
