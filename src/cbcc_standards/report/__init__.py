"""Reports: the review's roll-up, report policies, the renderer protocol and the built-in output formats.

``ReviewSummary`` / ``RosterReport`` count a review; ``ReportPolicy`` says what a report concludes about a unit after
a deadline; ``Renderer`` is the one interface of every output format (``report.formats`` holds the built-ins);
``report.shapes`` gives the one JSON shape of each concept; ``QualityCounter`` / ``quality_statistics`` count the
BM01/BM02 quality tables and ``RetirementCounter`` / ``retirement_horizon`` who retires when (docs/statistics.md).
"""

from __future__ import annotations

from .policies import ReportPolicy
from .quality import QualityCounter, QualityStatistics, quality_statistics
from .receipt import Receipt
from .renderers import (
    DOCUMENT_KINDS,
    CandidateDocument,
    Document,
    DocumentKind,
    PlanningDocument,
    Renderer,
    RetirementDocument,
    RetirementsDocument,
    ReviewDocument,
    RuleDocument,
    RulesDocument,
    StatisticsDocument,
)
from .retirements import RetirementCounter, RetirementHorizon, retirement_horizon
from .review import receipt_for, review_document
from .shapes import assessment_dict, basis_dict, finding_dict, rejected_dict, rule_dict
from .summary import ReviewSummary, RosterReport

__all__ = [
    "DOCUMENT_KINDS",
    "CandidateDocument",
    "Document",
    "DocumentKind",
    "PlanningDocument",
    "QualityCounter",
    "QualityStatistics",
    "Receipt",
    "Renderer",
    "ReportPolicy",
    "RetirementCounter",
    "RetirementDocument",
    "RetirementHorizon",
    "RetirementsDocument",
    "ReviewDocument",
    "ReviewSummary",
    "RosterReport",
    "RuleDocument",
    "RulesDocument",
    "StatisticsDocument",
    "assessment_dict",
    "basis_dict",
    "finding_dict",
    "quality_statistics",
    "receipt_for",
    "rejected_dict",
    "retirement_horizon",
    "review_document",
    "rule_dict",
]
