"""Roster reports: a streaming accumulator and the JSON, CSV and text renderers."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from .law import LegalBasis
from .results import Action, Assessment, Finding, Outcome, Rejected, RowError, Status

__all__ = [
    "Receipt",
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

    def add(self, item: Assessment | Rejected) -> Assessment | None:
        """Count one item; return it when it is an assessment."""
        if isinstance(item, Rejected):
            self.rejected.append(item)
            return None
        self.counts[item.status] += 1
        self.actions[item.action] += 1
        for finding in item.findings:
            self.outcomes[finding.outcome] += 1
            self.provisional_findings += finding.provisional
        return item

    def summary(self) -> dict[str, Any]:
        """Counts by status, action and finding outcome, plus rejected rows."""
        return {
            "officials": sum(self.counts.values()),
            "rejected": len(self.rejected),
            "by_status": {s.value: self.counts[s] for s in Status},
            "by_action": {a.value: self.actions[a] for a in Action},
            "findings_by_outcome": {o.value: self.outcomes[o] for o in Outcome},
            "provisional_findings": self.provisional_findings,
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
        """A readable report: one line per official, the findings that call for action under it, then the summary."""
        vi = self.lang == "vi"
        out.write(
            ("Rà soát tiêu chuẩn CBCC ngày " if vi else "CBCC standards review as of ")
            + self.as_of.strftime("%d/%m/%Y")
            + (f" — {receipt.province}" if receipt.province else "")
            + "\n\n"
        )
        for item in items:
            a = self.add(item)
            if a is None:
                continue
            deadline = f" → {a.deadline.strftime('%d/%m/%Y')}" if a.deadline else ""
            name = f" {a.full_name}" if a.full_name else ""
            out.write(
                f"[{pick(STATUS_LABELS[a.status], self.lang)}] {a.id}{name} — {a.title or '?'} @ "
                f"{a.unit or '?'}: {pick(ACTION_LABELS[a.action], self.lang)}{deadline}\n"
            )
            for f in a.findings:
                if f.outcome in (Outcome.MET, Outcome.NOT_APPLICABLE):
                    continue
                mark = " (tạm thời)" if vi and f.provisional else " (provisional)" if f.provisional else ""
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
                        f"    {'dòng' if vi else 'row'} {r.row}"
                        f"{f' ({r.id})' if r.id else ''}, {e.field or '-'}: {e.message}\n"
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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a cell that a spreadsheet would evaluate as a formula with an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value
