"""Roster reports: a streaming accumulator and the JSON, CSV and text renderers."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from .dates import fmt_date
from .law import LegalBasis
from .results import Action, Assessment, Finding, Outcome, Rejected, RowError, Status
from .rules._model import Deadline
from .units import AdministrativeUnit, Tier

__all__ = [
    "Receipt",
    "ReviewSummary",
    "RosterReport",
    "assessment_dict",
    "basis_dict",
    "finding_dict",
    "neutralise_cell",
    "pick",
    "rejected_dict",
]

STATUS_LABELS = {
    Status.COMPLIANT: ("Đạt chuẩn", "Compliant"),
    Status.WITHIN_GRACE: ("Trong thời hạn hoàn thiện", "Within grace"),
    Status.NON_COMPLIANT: ("Không đạt chuẩn", "Non-compliant"),
    Status.UNDETERMINED: ("Chưa xác định", "Undetermined"),
}
ACTION_LABELS = {
    Action.NONE: ("Không cần xử lý", "No action"),
    Action.TRAIN: ("Đào tạo, bồi dưỡng", "Train"),
    Action.REPLACE: ("Thay thế", "Replace"),
    Action.PROVIDE_DATA: ("Bổ sung dữ liệu", "Provide data"),
}
OUTCOME_LABELS = {
    Outcome.MET: ("đạt", "met"),
    Outcome.NOT_MET: ("không đạt", "not met"),
    Outcome.GRACE: ("trong thời hạn", "grace"),
    Outcome.UNDETERMINED: ("chưa xác định", "undetermined"),
    Outcome.NOT_APPLICABLE: ("không áp dụng", "not applicable"),
    Outcome.ERROR: ("lỗi", "error"),
}


def pick(labels: tuple[str, str], lang: str) -> str:
    """The Vietnamese or English label of a pair."""
    return labels[0] if lang == "vi" else labels[1]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def basis_dict(basis: LegalBasis) -> dict[str, Any]:
    """A legal basis as JSON-ready data."""
    return {
        "citation": basis.citation,
        "document": basis.document,
        "article": basis.article,
        "clause": basis.clause,
        "point": basis.point,
        "effective_from": _iso(basis.effective.start),
        "effective_to": _iso(basis.effective.end),
        "confidence": basis.confidence.value,
    }


def finding_dict(finding: Finding, lang: str = "vi") -> dict[str, Any]:
    """A finding as JSON-ready data, its message in ``lang``."""
    return {
        "rule": finding.rule,
        "outcome": finding.outcome.value,
        "required": finding.required,
        "actual": finding.actual,
        "deadline": _iso(finding.deadline),
        "missing": list(finding.missing),
        "basis": [basis_dict(b) for b in finding.basis],
        "message": finding.message(lang),
        "provisional": finding.provisional,
        "source": finding.source,
    }


def _error_dict(error: RowError) -> dict[str, Any]:
    return {"field": error.field, "message": error.message, "code": error.code}


def assessment_dict(assessment: Assessment, lang: str = "vi") -> dict[str, Any]:
    """An assessment as JSON-ready data (the ``officials`` items of ``check --format json``)."""
    return {
        "id": assessment.id,
        "full_name": assessment.full_name,
        "title": assessment.title,
        "unit": assessment.unit,
        "status": assessment.status.value,
        "action": assessment.action.value,
        "deadline": _iso(assessment.deadline),
        "findings": [finding_dict(f, lang) for f in assessment.findings],
        "warnings": [_error_dict(w) for w in assessment.warnings],
    }


def rejected_dict(rejected: Rejected) -> dict[str, Any]:
    """A rejected row as JSON-ready data."""
    return {"row": rejected.row, "id": rejected.id, "errors": [_error_dict(e) for e in rejected.errors]}


@dataclass(frozen=True)
class Receipt:
    """What produced a report: library version, plugins, ``as_of``, hashes of the rule content and the input."""

    version: str
    plugins: tuple[tuple[str, str | None], ...]
    as_of: date
    province: str | None
    ruleset_sha256: str
    input_sha256: str | None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "library": "cbcc_standards",
            "version": self.version,
            "plugins": [{"name": n, "version": v} for n, v in self.plugins],
            "as_of": self.as_of.isoformat(),
            "province": self.province,
            "ruleset_sha256": self.ruleset_sha256,
            "input_sha256": self.input_sha256,
        }


class ReviewSummary:
    """Roll-up of a roster review by administrative unit: counts up the hierarchy, the district chairs answerable, the
    PAR-index flag, and the training plan (how many officials need which qualification by when, per district).

    ``units`` are the known units (a commune's ``parent`` leads to its district and province); ``policies`` are the
    deadlines of the selected jurisdiction that carry a PAR deduction or a responsible title; ``requirements`` maps
    rule codes to their declarative requirement (``MinLevel``), for the training plan.
    """

    def __init__(
        self,
        as_of: date,
        units: Mapping[str, AdministrativeUnit],
        policies: Iterable[Deadline] = (),
        requirements: Mapping[str, Any] | None = None,
    ) -> None:
        self.as_of = as_of
        self.units = units
        self.policies = [p for p in policies if p.valid.contains(as_of) and (p.par_deduction or p.responsible_title)]
        self.requirements = requirements or {}
        self.tally: dict[str | None, Counter[Status]] = {}
        self.holders: dict[tuple[str, str], tuple[str, str | None]] = {}
        self.needs: dict[tuple[str | None, str], list[Any]] = {}
        self._chain: dict[str | None, tuple[str, ...]] = {}

    def chain(self, code: str | None) -> tuple[str, ...]:
        """The unit and its ancestors, nearest first (empty for an unknown unit)."""
        found = self._chain.get(code)
        if found is None:
            links: list[str] = []
            link = code
            while link is not None and link in self.units and link not in links:
                links.append(link)
                link = self.units[link].parent
            found = self._chain[code] = tuple(links)
        return found

    def district_of(self, code: str | None) -> str | None:
        """The district a unit belongs to (itself if a district); for a commune directly under a province (two-tier
        government from 01/07/2025), the province."""
        chain = self.chain(code)
        for link in chain:
            if self.units[link].tier is Tier.DISTRICT:
                return link
        return chain[-1] if chain else None

    def add(self, a: Assessment) -> None:
        """Count one assessment."""
        self.tally.setdefault(a.unit if a.unit in self.units else None, Counter())[a.status] += 1
        if a.title is not None and a.unit is not None:
            self.holders.setdefault((a.unit, a.title), (a.id, a.full_name))
        if a.status in (Status.NON_COMPLIANT, Status.WITHIN_GRACE):
            district = self.district_of(a.unit)
            for f in a.findings:
                requirement = self.requirements.get(f.rule) if f.outcome in (Outcome.NOT_MET, Outcome.GRACE) else None
                if requirement is None:
                    continue
                key = (
                    district,
                    f"{requirement.kind}:{requirement.level}"
                    + (f":{requirement.field_keyword}" if requirement.field_keyword else ""),
                )
                entry = self.needs.setdefault(key, [requirement, 0, None])
                entry[1] += 1
                if f.outcome is Outcome.GRACE and f.deadline and (entry[2] is None or f.deadline < entry[2]):
                    entry[2] = f.deadline

    def _rollup(self) -> dict[str | None, Counter[Status]]:
        totals: dict[str | None, Counter[Status]] = {}
        for code, counts in self.tally.items():
            for link in self.chain(code) or (None,):
                totals.setdefault(link, Counter()).update(counts)
        return totals

    def units_summary(self, lang: str = "vi") -> list[dict[str, Any]]:
        """One entry per unit with officials, up the hierarchy (sorted by code; officials whose unit is unknown
        last, with code None)."""
        totals = self._rollup()
        commune_fails: Counter[str | None] = Counter()
        for code, counts in self.tally.items():
            if code is not None and self.units[code].tier is Tier.COMMUNE:
                commune_fails[self.district_of(code)] += counts[Status.NON_COMPLIANT]
        children: dict[str | None, list[str]] = {}
        for code in totals:
            if code is not None:
                parent = self.units[code].parent
                children.setdefault(parent if parent in totals else None, []).append(code)
        ordered: list[str | None] = []

        def visit(code: str) -> None:  # depth first: a unit, then its children, by code
            ordered.append(code)
            for child in sorted(children.get(code, ())):
                visit(child)

        for root in sorted(children.get(None, ())):
            visit(root)
        if None in totals:
            ordered.append(None)
        entries = []
        for code in ordered:
            counts = totals[code]
            unit = self.units.get(code) if code is not None else None
            entry: dict[str, Any] = {
                "code": code,
                "name": unit.name if unit else ("(không rõ đơn vị)" if lang == "vi" else "(unknown unit)"),
                "tier": unit.tier.value if unit else None,
                "parent": unit.parent if unit else None,
                **{s.value: counts[s] for s in Status},
            }
            if unit is not None and unit.tier is Tier.DISTRICT:
                entry["responsible"] = self._responsible(code)
                entry["par_deduction"] = self._par(commune_fails[code], lang)
            entries.append(entry)
        return entries

    def _responsible(self, district: str | None) -> dict[str, Any] | None:
        for policy in self.policies:
            if policy.responsible_title and district is not None:
                holder = self.holders.get((district, policy.responsible_title))
                return {
                    "title": policy.responsible_title,
                    "person": {"id": holder[0], "full_name": holder[1]} if holder else None,
                    "basis": policy.basis.citation,
                }
        return None

    def _par(self, failing: int, lang: str) -> dict[str, Any]:
        vi = lang == "vi"
        for policy in self.policies:
            if not policy.par_deduction:
                continue
            due = fmt_date(policy.due)
            if self.as_of <= policy.due:
                reason = f"chưa đến hạn {due}" if vi else f"the deadline {due} has not passed"
                return {"deducted": False, "reason": reason, "basis": policy.basis.citation}
            if failing:
                reason = (
                    f"{failing} CBCC cấp xã không đạt chuẩn sau ngày {due}"
                    if vi
                    else f"{failing} non-compliant commune official(s) after {due}"
                )
                return {"deducted": True, "reason": reason, "basis": policy.basis.citation}
            reason = (
                f"không có CBCC cấp xã không đạt chuẩn sau ngày {due}"
                if vi
                else (f"no non-compliant commune official after {due}")
            )
            return {"deducted": False, "reason": reason, "basis": policy.basis.citation}
        reason = "không có quy định trừ điểm CCHC được áp dụng" if vi else "no PAR-deduction policy applies"
        return {"deducted": False, "reason": reason, "basis": None}

    def training_needs(self, lang: str = "vi") -> list[dict[str, Any]]:
        """How many officials need which qualification, by when, per district (the province's training plan)."""
        rows = []
        for (district, key), (requirement, count, deadline) in sorted(
            self.needs.items(), key=lambda item: (item[0][0] is None, item[0][0] or "", item[0][1])
        ):
            unit = self.units.get(district) if district else None
            rows.append(
                {
                    "district": district,
                    "district_name": unit.name if unit else None,
                    "qualification": key,
                    "label": requirement.label(lang),
                    "officials": count,
                    "deadline": _iso(deadline),
                }
            )
        return rows


@dataclass
class RosterReport:
    """Consumes a stream of assessments and rejected rows, writing officials as they come and keeping only the
    counts, the rejected rows and the file warnings in memory."""

    as_of: date
    lang: str = "vi"
    counts: Counter[Status] = field(default_factory=Counter)
    actions: Counter[Action] = field(default_factory=Counter)
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    provisional_findings: int = 0
    review: ReviewSummary | None = None
    """The roll-up by unit; None for a report without it."""

    def add(self, item: Assessment | Rejected) -> Assessment | None:
        """Count one item; return it when it is an assessment."""
        if isinstance(item, Rejected):
            self.rejected.append(item)
            return None
        if self.review is not None:
            self.review.add(item)
        self.counts[item.status] += 1
        self.actions[item.action] += 1
        for finding in item.findings:
            self.outcomes[finding.outcome] += 1
            self.provisional_findings += finding.provisional
        return item

    def consume(self, items: Iterable[Assessment | Rejected]) -> list[Assessment]:
        """Count every item and keep only the officials who need an action (status other than compliant)."""
        to_act: list[Assessment] = []
        for item in items:
            a = self.add(item)
            if a is not None and a.status is not Status.COMPLIANT:
                to_act.append(a)
        return to_act

    def summary(self) -> dict[str, Any]:
        """Counts by status, action and finding outcome, plus rejected rows."""
        return {
            "officials": sum(self.counts.values()),
            "rejected": len(self.rejected),
            "by_status": {s.value: self.counts[s] for s in Status},
            "by_action": {a.value: self.actions[a] for a in Action},
            "findings_by_outcome": {o.value: self.outcomes[o] for o in Outcome},
            "provisional_findings": self.provisional_findings,
            "units": self.review.units_summary(self.lang) if self.review else [],
            "training_needs": self.review.training_needs(self.lang) if self.review else [],
        }

    # -- renderers ---------------------------------------------------------------------------------------------

    def write_json(self, out: TextIO, items: Iterable[Assessment | Rejected], receipt: Receipt) -> None:
        """Stream ``{"as_of", "receipt", "officials", "rejected", "warnings", "summary"}``; byte-identical for the
        same input."""
        out.write('{"as_of": ' + json.dumps(self.as_of.isoformat()) + ',\n "receipt": ')
        out.write(json.dumps(receipt.as_dict(), ensure_ascii=False))
        out.write(',\n "officials": [')
        first = True
        for item in items:
            assessment = self.add(item)
            if assessment is None:
                continue
            out.write("\n  " if first else ",\n  ")
            out.write(json.dumps(assessment_dict(assessment, self.lang), ensure_ascii=False))
            first = False
        out.write("\n ],\n" if not first else "],\n")
        out.write(' "rejected": ' + json.dumps([rejected_dict(r) for r in self.rejected], ensure_ascii=False))
        out.write(',\n "warnings": ' + json.dumps([_error_dict(w) for w in self.warnings], ensure_ascii=False))
        out.write(',\n "summary": ' + json.dumps(self.summary(), ensure_ascii=False) + "}\n")

    CSV_COLUMNS = (
        "id",
        "full_name",
        "title",
        "unit",
        "status",
        "action",
        "official_deadline",
        "rule",
        "outcome",
        "required",
        "actual",
        "deadline",
        "missing",
        "basis",
        "provisional",
        "message",
    )

    def write_csv(self, out: TextIO, items: Iterable[Assessment | Rejected]) -> None:
        """One row per finding (and one per rejected row, with outcome ``rejected``); UTF-8 with BOM for Excel;
        cells that a spreadsheet would read as a formula are neutralised."""
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.CSV_COLUMNS)
        for item in items:
            assessment = self.add(item)
            if assessment is None:
                continue
            for f in assessment.findings:
                writer.writerow(
                    [
                        neutralise_cell(c)
                        for c in (
                            assessment.id,
                            assessment.full_name or "",
                            assessment.title or "",
                            assessment.unit or "",
                            assessment.status.value,
                            assessment.action.value,
                            _iso(assessment.deadline) or "",
                            f.rule,
                            f.outcome.value,
                            f.required or "",
                            f.actual or "",
                            _iso(f.deadline) or "",
                            ";".join(f.missing),
                            " | ".join(b.citation for b in f.basis),
                            "yes" if f.provisional else "",
                            f.message(self.lang),
                        )
                    ]
                )
        for r in self.rejected:
            message = "; ".join(f"{e.field or '-'}: {e.message}" for e in r.errors)
            writer.writerow(
                [
                    neutralise_cell(c)
                    for c in (
                        r.id or "",
                        "",
                        "",
                        "",
                        "rejected",
                        "",
                        "",
                        "",
                        "rejected",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        f"row {r.row}: {message}",
                    )
                ]
            )

    def write_text(self, out: TextIO, items: Iterable[Assessment | Rejected], receipt: Receipt) -> None:
        """A readable report: units first (districts with their counts, PAR flag and who answers for them), the
        training plan, then the people to act on with the findings behind each, then rejected rows and totals.

        Only officials who need an action are kept in memory until the end; compliant ones are counted.
        """
        vi = self.lang == "vi"
        to_act = self.consume(items)
        out.write(
            ("Rà soát tiêu chuẩn CBCC ngày " if vi else "CBCC standards review as of ")
            + fmt_date(self.as_of)
            + (f" — {receipt.province}" if receipt.province else "")
            + "\n"
        )
        if self.review is not None:
            self._write_units(out, vi)
        out.write("\n" + ("Cần xử lý:" if vi else "To act on:") + "\n")
        for a in to_act:
            deadline = f" → {fmt_date(a.deadline)}" if a.deadline else ""
            name = f" {a.full_name}" if a.full_name else ""
            out.write(
                f"[{pick(STATUS_LABELS[a.status], self.lang)}] {a.id}{name} — {a.title or '?'} @ "
                f"{a.unit or '?'}: {pick(ACTION_LABELS[a.action], self.lang)}{deadline}\n"
            )
            for f in a.findings:
                if f.outcome in (Outcome.MET, Outcome.NOT_APPLICABLE):
                    continue
                mark = (" (tạm thời)" if vi else " (provisional)") if f.provisional else ""
                out.write(
                    f"    - {f.rule} [{pick(OUTCOME_LABELS[f.outcome], self.lang)}]{mark}: "
                    f"{f.message(self.lang)} — {f.basis[0].citation}\n"
                )
            for w in a.warnings:
                out.write(f"    ! {w.field}: {w.message}\n")
        if self.rejected:
            out.write("\n" + ("Dòng bị loại:" if vi else "Rejected rows:") + "\n")
            for r in self.rejected:
                for e in r.errors:
                    out.write(
                        f"    {'dòng' if vi else 'row'} {r.row}{f' ({r.id})' if r.id else ''}, {e.field or '-'}: "
                        f"{e.message}\n"
                    )
        for w in self.warnings:
            out.write(f"! {w.field}: {w.message}\n")
        s = self.summary()
        out.write(
            "\n"
            + ("Tổng hợp: " if vi else "Summary: ")
            + f"{s['officials']} "
            + ("người được đánh giá" if vi else "assessed")
            + f", {s['rejected']} "
            + ("dòng bị loại" if vi else "rejected")
            + "\n"
        )
        for status in Status:
            out.write(f"    {pick(STATUS_LABELS[status], self.lang)}: {self.counts[status]}\n")

    def _write_units(self, out: TextIO, vi: bool) -> None:
        assert self.review is not None
        heads = ("Đạt", "Hạn", "Không", "Chưa rõ") if vi else ("OK", "Grace", "Fail", "Unknown")
        out.write("\n" + ("Theo đơn vị:" if vi else "By unit:") + "\n")
        out.write(f"    {'':<44} {heads[0]:>6} {heads[1]:>6} {heads[2]:>6} {heads[3]:>7}\n")
        for u in self.review.units_summary(self.lang):
            indent = {"province": 0, "district": 2, "commune": 4}.get(u["tier"] or "", 0)
            label = (" " * indent + u["name"])[:44]
            out.write(
                f"    {label:<44} {u['compliant']:>6} {u['within_grace']:>6} {u['non_compliant']:>6} "
                f"{u['undetermined']:>7}\n"
            )
            par = u.get("par_deduction")
            if par and par["deducted"]:
                out.write(
                    " " * (6 + indent)
                    + ("TRỪ ĐIỂM CCHC: " if vi else "PAR DEDUCTION: ")
                    + par["reason"]
                    + f" ({par['basis']})\n"
                )
            who = u.get("responsible")
            if who:
                person = who["person"]
                holder = f"{person['id']} {person['full_name'] or ''}".strip() if person else "—"
                out.write(
                    " " * (6 + indent)
                    + ("Chịu trách nhiệm: " if vi else "Responsible: ")
                    + f"{who['title']} ({holder})\n"
                )
        needs = self.review.training_needs(self.lang)
        if needs:
            out.write("\n" + ("Nhu cầu đào tạo:" if vi else "Training needs:") + "\n")
            for n in needs:
                by = (
                    f" — {'trước' if vi else 'by'} {date.fromisoformat(n['deadline']):%d/%m/%Y}"
                    if n["deadline"]
                    else ""
                )
                out.write(f"    {n['district_name'] or n['district'] or '?'}: {n['label']} × {n['officials']}{by}\n")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a cell that a spreadsheet would evaluate as a formula with an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value
