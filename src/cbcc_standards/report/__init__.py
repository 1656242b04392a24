"""Reports: the review's roll-up, report policies, the renderer protocol and the built-in output formats.

``ReviewSummary`` / ``RosterReport`` count a review; ``ReportPolicy`` says what a report concludes about a unit after
a deadline; ``Renderer`` is the one interface of every output format (``report.formats`` holds the built-ins);
``report.shapes`` gives the one JSON shape of each concept.
"""

from __future__ import annotations

from .policies import ReportPolicy
from .receipt import Receipt
from .renderers import (
    DOCUMENT_KINDS,
    CandidateDocument,
    Document,
    DocumentKind,
    PlanningDocument,
    Renderer,
    RetirementDocument,
    ReviewDocument,
    RuleDocument,
    RulesDocument,
)
from .review import receipt_for, review_document
from .shapes import assessment_dict, basis_dict, finding_dict, rejected_dict, rule_dict
from .summary import ReviewSummary, RosterReport

__all__ = [
    "DOCUMENT_KINDS",
    "CandidateDocument",
    "Document",
    "DocumentKind",
    "PlanningDocument",
    "Receipt",
    "Renderer",
    "ReportPolicy",
    "RetirementDocument",
    "ReviewDocument",
    "ReviewSummary",
    "RosterReport",
    "RuleDocument",
    "RulesDocument",
    "assessment_dict",
    "basis_dict",
    "finding_dict",
    "receipt_for",
    "rejected_dict",
    "review_document",
    "rule_dict",
]
