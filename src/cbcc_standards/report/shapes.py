"""One JSON shape per concept: a legal basis, a requirement, a finding, an assessment, a rejected row, a rule, a
retirement, a planning-pool entry. Every JSON output (reports, commands, the HTTP API) is built from these."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..i18n import Lang
from ..law import LegalBasis
from ..results import Assessment, Finding, Rejected, RowError

if TYPE_CHECKING:
    from ..appraisal import PoolEntry
    from ..dates import Gender, Retirement
    from ..rules.model import Rule, RuleSet
    from ..rules.requirements import Requirement

__all__ = [
    "assessment_dict",
    "basis_dict",
    "error_dict",
    "finding_dict",
    "pool_entry_dict",
    "rejected_dict",
    "requirement_dict",
    "retirement_dict",
    "rule_dict",
]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def basis_dict(basis: LegalBasis, *, full: bool = False) -> dict[str, Any]:
    """A legal basis as JSON-ready data; ``full`` adds the issuer, signature date, note and URL."""
    data: dict[str, Any] = {
        "citation": basis.citation,
        "document": basis.document,
        "article": basis.article,
        "clause": basis.clause,
        "point": basis.point,
        "effective_from": _iso(basis.effective.start),
        "effective_to": _iso(basis.effective.end),
        "confidence": basis.confidence.value,
    }
    if full:
        data.update(issuer=basis.issuer, signed=_iso(basis.signed), note=basis.note, url=basis.url)
    return data


def requirement_dict(requirement: Requirement | None) -> dict[str, Any] | None:
    """A typed requirement as data (its ``type`` and parameters); None stays None."""
    return None if requirement is None else requirement.model_dump(mode="json")


def finding_dict(finding: Finding, lang: Lang | str = Lang.VI) -> dict[str, Any]:
    """A finding as JSON-ready data, its message in ``lang``."""
    return {
        "rule": finding.rule,
        "outcome": finding.outcome.value,
        "required": requirement_dict(finding.required),
        "actual": finding.actual,
        "deadline": _iso(finding.deadline),
        "missing": list(finding.missing),
        "basis": [basis_dict(b) for b in finding.basis],
        "message": finding.message(lang),
        "provisional": finding.provisional,
        "source": finding.source,
        "notice": finding.notice(lang) if finding.notice is not None else None,
    }


def error_dict(error: RowError, lang: Lang | str = Lang.VI) -> dict[str, Any]:
    """A row error as JSON-ready data, its message in ``lang``."""
    return {"field": error.field, "message": error.render(lang), "code": error.code}


def assessment_dict(assessment: Assessment, lang: Lang | str = Lang.VI) -> dict[str, Any]:
    """An assessment as JSON-ready data (the ``officials`` items of ``check --format json``)."""
    return {
        "id": assessment.id,
        "full_name": assessment.full_name,
        "title": assessment.title,
        "unit": assessment.unit,
        "status": assessment.status.value,
        "action": assessment.action.value,
        "deadline": _iso(assessment.deadline),
        "provisional_pass": assessment.provisional_pass,
        "findings": [finding_dict(f, lang) for f in assessment.findings],
        "warnings": [error_dict(w, lang) for w in assessment.warnings],
    }


def rejected_dict(rejected: Rejected, lang: Lang | str = Lang.VI) -> dict[str, Any]:
    """A rejected row as JSON-ready data, its messages in ``lang``."""
    return {
        "row": rejected.row,
        "line": rejected.line,
        "id": rejected.id,
        "errors": [error_dict(e, lang) for e in rejected.errors],
    }


def rule_dict(rule: Rule, ruleset: RuleSet, source: str) -> dict[str, Any]:
    """A rule as JSON-ready data, both languages of its title."""
    return {
        "code": rule.code,
        "name": rule.name,
        "title": {"vi": rule.title.vi, "en": rule.title.en},
        "ruleset": ruleset.code,
        "jurisdiction": ruleset.jurisdiction,
        "valid_from": _iso(rule.valid.start),
        "valid_to": _iso(rule.valid.end),
        "regime": rule.regime,
        "titles": sorted(rule.titles) if rule.titles is not None else None,
        "requirement": requirement_dict(rule.requirement),
        "graces": [g.model_dump(mode="json") for g in rule.graces],
        "reliefs": [r.model_dump(mode="json") for r in rule.reliefs],
        "confidence": rule.confidence.value,
        "provisional": rule.provisional,
        "basis": [basis_dict(b, full=True) for b in rule.basis],
        "delegable": list(rule.delegable),
        "requires": list(rule.requires),
        "standard": rule.standard,
        "appointment_only": rule.appointment_only,
        "tightens": rule.tightens,
        "source": source,
    }


def _retirement_bases(day: date) -> tuple[LegalBasis, ...]:
    from ..rules.retirement import retirement_bases

    return retirement_bases(day)


def retirement_dict(gender: Gender, born: date, retirement: Retirement) -> dict[str, Any]:
    """A normal retirement (the ``retirement --format json`` output)."""
    return {
        "gender": gender.value,
        "born": born.isoformat(),
        "retirement_date": retirement.retirement_date.isoformat(),
        "pension_from": retirement.pension_from.isoformat(),
        "age_applied": {"years": retirement.age_applied.years, "months": retirement.age_applied.months},
        "basis": [b.citation for b in _retirement_bases(retirement.retirement_date)],
    }


def pool_entry_dict(entry: PoolEntry, lang: Lang | str = Lang.VI) -> dict[str, Any]:
    """An official in a planning pool."""
    return {
        "id": entry.id,
        "full_name": entry.full_name,
        "standing": entry.standing.value,
        "outstanding": entry.outstanding,
        "months_left": entry.months_left,
        "training": list(entry.training),
        "missing": list(entry.missing),
        "reasons": [reason(lang) for reason in entry.reasons],
        "findings": [finding_dict(f, lang) for f in entry.assessment.findings],
    }
