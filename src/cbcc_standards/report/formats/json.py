"""Built-in plugin: the JSON format for every document, and JSON Lines for roster reviews.

The review is streamed: ``{"as_of", "receipt", "officials": [...], "rejected", "warnings", "summary"}``, one official
serialised as it comes; the same input gives byte-identical output.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
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
from ._fastjson import AssessmentWriter, CompactWriter, EntrySpool, _dumps, write_json

__all__ = ["COMPACT_VERSION", "JSON", "JSONL", "document_data", "expand_compact", "read_compact_lines"]


_BATCH = 64
"""Officials written to the output at once."""


COMPACT_VERSION = 1
"""The ``format_version`` of the compact layout."""


def _officials(
    doc: ReviewDocument, out: IO[str], writer: AssessmentWriter | CompactWriter, flushed: Callable[[], None]
) -> None:
    """The ``officials`` list, written in batches; ``flushed()`` runs after each batch written."""
    out.write(',\n "officials": [')
    first = True
    batch: list[str] = []
    for assessment in doc.assessments():
        batch.append(("\n  " if first else ",\n  ") + writer.assessment(assessment))
        first = False
        if len(batch) >= _BATCH:
            out.write("".join(batch))
            batch.clear()
            flushed()
    out.write("".join(batch))
    flushed()
    out.write("\n ],\n" if not first else "],\n")


def _tail(doc: ReviewDocument, out: IO[str], lang: Lang) -> None:
    """The rejected rows, the file's warnings and the summary, closing the report."""
    report = doc.report
    out.write(' "rejected": ' + _dumps([rejected_dict(r, lang) for r in report.rejected]))
    out.write(',\n "warnings": ' + _dumps([error_dict(w, lang) for w in doc.file_warnings()]))
    out.write(',\n "summary": ')
    write_json(out, report.summary(lazy=True))
    out.write("}\n")


def _review(doc: ReviewDocument, out: IO[str], lang: Lang) -> None:
    if doc.json_layout == "compact":
        _review_compact(doc, out, lang)
        return
    out.write('{"as_of": ' + _dumps(doc.as_of.isoformat()) + ',\n "receipt": ')
    out.write(_dumps(doc.receipt.as_dict()))
    _officials(doc, out, AssessmentWriter(lang), lambda: None)
    _tail(doc, out, lang)


def _review_compact(doc: ReviewDocument, out: IO[str], lang: Lang) -> None:
    """The compact layout: ``officials[].findings`` are keys of the ``findings`` table, whose ``basis`` are keys of
    the ``bases`` table (written after the officials, as they are met)."""
    out.write('{"format_version": ' + str(COMPACT_VERSION) + ', "layout": "compact", "as_of": ')
    out.write(_dumps(doc.as_of.isoformat()) + ',\n "receipt": ' + _dumps(doc.receipt.as_dict()))
    writer = CompactWriter(lang)
    spool = EntrySpool()
    _officials(doc, out, writer, lambda: spool.add(writer.take_new()))
    out.write(' "findings": {')
    spool.copy_to(out)
    out.write("\n },\n" if spool.count else "},\n")
    bases = writer.bases()
    out.write(' "bases": {' + ",".join(f'\n  "{k}": {v}' for k, v in bases.items()) + ("\n },\n" if bases else "},\n"))
    _tail(doc, out, lang)


def expand_compact(data: Mapping[str, Any]) -> dict[str, Any]:
    """The inline review (the ``--json-layout inline`` document, parsed) from a compact one (parsed, JSON or the
    records of JSON Lines gathered by :func:`read_compact_lines`): every finding key replaced by its entry, every
    basis key by its basis."""
    version = data.get("format_version")
    if version != COMPACT_VERSION:
        raise ValueError(f"not a compact review of format_version {COMPACT_VERSION} (got {version!r})")
    bases = data["bases"]
    findings = {key: {**entry, "basis": [bases[b] for b in entry["basis"]]} for key, entry in data["findings"].items()}
    officials = [{**o, "findings": [findings[k] for k in o["findings"]]} for o in data["officials"]]
    inline = {k: v for k, v in data.items() if k not in ("format_version", "layout", "findings", "bases")}
    inline["officials"] = officials
    return inline


def read_compact_lines(lines: Iterable[str]) -> dict[str, Any]:
    """The records of a compact JSON Lines review gathered as a compact JSON document (for :func:`expand_compact`)."""
    data: dict[str, Any] = {"officials": [], "findings": {}, "bases": {}, "rejected": [], "warnings": []}
    for line in lines:
        record = json.loads(line)
        kind = record.pop("type")
        if kind == "receipt":
            data["format_version"] = record.pop("format_version", None)
            record.pop("layout", None)
            data["as_of"] = record["as_of"]
            data["receipt"] = record
        elif kind in ("finding", "basis"):
            data[kind + "s" if kind == "finding" else "bases"][record.pop("key")] = record
        elif kind == "official":
            data["officials"].append(record)
        elif kind in ("rejected", "warning"):
            data["rejected" if kind == "rejected" else "warnings"].append(record)
        else:
            data["summary"] = record
    return data


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
    if isinstance(doc, PlanningDocument):  # streamed: a national pool is never one list in memory
        out.write(f'{{"title": {_dumps(doc.title.code)}, "as_of": {_dumps(doc.as_of.isoformat())}, "candidates": [')
        for number, entry in enumerate(doc.pool):
            out.write((", " if number else "") + _dumps(pool_entry_dict(entry, lang)))
        out.write(f'], "rejected": {_dumps([rejected_dict(r, lang) for r in doc.rejected])}}}\n')
        return
    indent = 2 if isinstance(doc, CandidateDocument | RulesDocument | RuleDocument) else None
    json.dump(document_data(doc, lang), out, ensure_ascii=False, indent=indent)
    out.write("\n")


def _render_lines(doc: Document, out: IO[str], lang: Lang) -> None:
    """One JSON object per line: the receipt, each official, each rejected row, then the summary (``type`` says
    which), so a consumer can stream the review."""
    if not isinstance(doc, ReviewDocument):
        raise TypeError("JSON Lines renders roster reviews only")
    compact = doc.json_layout == "compact"
    head = {"type": "receipt", "as_of": doc.as_of.isoformat(), **doc.receipt.as_dict()}
    if compact:
        head = {"type": "receipt", "format_version": COMPACT_VERSION, "layout": "compact", **head}
    out.write(_dumps(head) + "\n")
    writer = CompactWriter(lang) if compact else AssessmentWriter(lang)
    batch: list[str] = []
    for assessment in doc.assessments():
        text = writer.assessment(assessment, '{"type": "official", ') + "\n"
        if isinstance(writer, CompactWriter):  # the entries an official refers to come before it
            for key, value in writer.take_new():
                for basis in json.loads(value)["basis"]:
                    if basis not in writer.written_bases:
                        writer.written_bases.add(basis)
                        batch.append('{"type": "basis", "key": "' + basis + '", ' + writer.bases()[basis][1:] + "\n")
                batch.append('{"type": "finding", "key": "' + key + '", ' + value[1:] + "\n")
        batch.append(text)
        if len(batch) >= _BATCH:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch))
    for rejected in doc.report.rejected:
        out.write(_dumps({"type": "rejected", **rejected_dict(rejected, lang)}) + "\n")
    for warning in doc.file_warnings():
        out.write(_dumps({"type": "warning", **error_dict(warning, lang)}) + "\n")
    write_json(out, {"type": "summary", **doc.report.summary(lazy=True)})
    out.write("\n")


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
