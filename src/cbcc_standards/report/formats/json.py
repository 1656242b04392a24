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

__all__ = ["JSON", "JSONL", "document_data"]


_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _dumps(value: Any) -> str:
    """JSON on one line as every reader splits lines: the Unicode line separators U+2028, U+2029 and NEL (valid in
    a JSON string, but a line break to ``str.splitlines`` and to JavaScript before ES2019) are escaped."""
    text = json.dumps(value, ensure_ascii=False)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        for char, escape in _LINE_BREAKS.items():
            text = text.replace(char, escape)
    return text


def _review(doc: ReviewDocument, out: IO[str], lang: Lang) -> None:
    out.write('{"as_of": ' + _dumps(doc.as_of.isoformat()) + ',\n "receipt": ')
    out.write(_dumps(doc.receipt.as_dict()))
    out.write(',\n "officials": [')
    first = True
    for assessment in doc.assessments():
        out.write("\n  " if first else ",\n  ")
        out.write(_dumps(assessment_dict(assessment, lang)))
        first = False
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
    from .statistics import render_extra

    if render_extra("json", doc, out, lang):
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
    for assessment in doc.assessments():
        out.write(_dumps({"type": "official", **assessment_dict(assessment, lang)}) + "\n")
    for rejected in doc.report.rejected:
        out.write(_dumps({"type": "rejected", **rejected_dict(rejected, lang)}) + "\n")
    for warning in doc.file_warnings():
        out.write(_dumps({"type": "warning", **error_dict(warning, lang)}) + "\n")
    out.write(_dumps({"type": "summary", **doc.report.summary()}) + "\n")


JSON = Renderer(
    name="json",
    extension=".json",
    render=_render,
    documents=frozenset(
        {"review", "candidate", "planning", "retirement", "rules", "rule", "statistics", "retirements"}
    ),
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
