"""Built-in plugin: the JSON format for every document, and JSON Lines for roster reviews.

The review is streamed: ``{"as_of", "receipt", "officials": [...], "rejected", "warnings", "summary"}``, one official
serialised as it comes; the same input gives byte-identical output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from ...hookspecs import hookimpl
from ...i18n import Lang, Text
from ..renderers import (
    CandidateDocument,
    Document,
    PlanningDocument,
    Renderer,
    RetirementDocument,
    ReviewDocument,
    RuleDocument,
    RulesDocument,
)
from ..shapes import (
    assessment_dict,
    error_dict,
    pool_entry_dict,
    rejected_dict,
    retirement_dict,
    rule_dict,
)
from ._fastjson import AssessmentWriter

__all__ = ["JSON", "JSONL", "document_data"]


_BATCH = 64
"""Officials written to the output at once."""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _review(doc: ReviewDocument, out: IO[str], lang: Lang) -> None:
    out.write('{"as_of": ' + _dumps(doc.as_of.isoformat()) + ',\n "receipt": ')
    out.write(_dumps(doc.receipt.as_dict()))
    out.write(',\n "officials": [')
    writer = AssessmentWriter(lang)
    first = True
    batch: list[str] = []
    for assessment in doc.assessments():
        batch.append(("\n  " if first else ",\n  ") + writer.assessment(assessment))
        first = False
        if len(batch) >= _BATCH:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch))
    out.write("\n ],\n" if not first else "],\n")
    report = doc.report
    out.write(' "rejected": ' + _dumps([rejected_dict(r, lang) for r in report.rejected]))
    out.write(',\n "warnings": ' + _dumps([error_dict(w, lang) for w in doc.file_warnings()]))
    out.write(',\n "summary": ' + _dumps(report.summary()) + "}\n")


def document_data(doc: Document, lang: Lang) -> Any:
    """A document other than a review as JSON-ready data (the shape ``--format json`` prints)."""
    if isinstance(doc, CandidateDocument):
        return assessment_dict(doc.assessment, lang)
    if isinstance(doc, PlanningDocument):
        return {
            "title": doc.title.code,
            "as_of": doc.as_of.isoformat(),
            "candidates": [pool_entry_dict(e, lang) for e in doc.pool],
            "rejected": [rejected_dict(r, lang) for r in doc.rejected],
        }
    if isinstance(doc, RetirementDocument):
        return retirement_dict(doc.gender, doc.born, doc.retirement)
    if isinstance(doc, RulesDocument):
        return [rule_dict(r, rs, src) for r, rs, src in doc.rules]
    if isinstance(doc, RuleDocument):
        return rule_dict(doc.rule, doc.ruleset, doc.source)
    raise TypeError(f"no JSON shape for {type(doc).__name__}")


def _render(doc: Document, out: IO[str], lang: Lang) -> None:
    if isinstance(doc, ReviewDocument):
        _review(doc, out, lang)
        return
    indent = 2 if isinstance(doc, CandidateDocument | RulesDocument | RuleDocument) else None
    json.dump(document_data(doc, lang), out, ensure_ascii=False, indent=indent)
    out.write("\n")


def _render_lines(doc: Document, out: IO[str], lang: Lang) -> None:
    """One JSON object per line: the receipt, each official, each rejected row, then the summary (``type`` says
    which), so a consumer can stream the review."""
    if not isinstance(doc, ReviewDocument):
        raise TypeError("JSON Lines renders roster reviews only")
    out.write(_dumps({"type": "receipt", "as_of": doc.as_of.isoformat(), **doc.receipt.as_dict()}) + "\n")
    writer = AssessmentWriter(lang)
    batch: list[str] = []
    for assessment in doc.assessments():
        batch.append(writer.assessment(assessment, '{"type": "official", ') + "\n")
        if len(batch) >= _BATCH:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch))
    for rejected in doc.report.rejected:
        out.write(_dumps({"type": "rejected", **rejected_dict(rejected, lang)}) + "\n")
    for warning in doc.file_warnings():
        out.write(_dumps({"type": "warning", **error_dict(warning, lang)}) + "\n")
    out.write(_dumps({"type": "summary", **doc.report.summary()}) + "\n")


JSON = Renderer(
    name="json",
    extension=".json",
    render=_render,
    documents=frozenset({"review", "candidate", "planning", "retirement", "rules", "rule"}),
    media_type="application/json",
    label=Text(vi="JSON", en="JSON"),
)
JSONL = Renderer(
    name="jsonl",
    extension=".jsonl",
    render=_render_lines,
    documents=frozenset({"review"}),
    media_type="application/x-ndjson",
    label=Text(vi="JSON Lines (mỗi dòng một người)", en="JSON Lines (one official per line)"),
)


@hookimpl(tryfirst=True)
def cbcc_register_renderers(register: Callable[[Renderer], None]) -> None:
    """Register the JSON and JSON Lines formats."""
    register(JSON)
    register(JSONL)
