"""``cbcc-standards normalize``: the canonical roster a file reads as, and a report of what the reader understood —
the columns matched, the values read per column with counts, the values left unmapped with their rows, warnings,
rejected rows. ``check`` reads files with the same reader, so what ``normalize`` shows is what ``check`` evaluates."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..results import Rejected
from .headers import KEPT_FIELDS, OPTIONAL_PERSON_FIELDS
from .messages import message
from .qualtext import KINDS, Credential
from .summary import ReadingSummary, rows_text

if TYPE_CHECKING:
    from ..officials import Official

__all__ = ["CANONICAL_COLUMNS", "canonical_row", "normalize", "report_dict", "write_report_text", "write_roster"]

CANONICAL_COLUMNS = (
    "id",
    "full_name",
    "gender",
    "birth_date",
    "category",
    "title",
    "unit",
    "recruited_on",
    "appointed_on",
    *KINDS,
    "planned_titles",
    "evaluations",
    "disciplines",
    *OPTIONAL_PERSON_FIELDS,
    *KEPT_FIELDS,
)
"""Columns of a normalized CSV or Excel roster (the roster format's English names; the reader reads them back)."""

FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}


def canonical_row(official: Official, extras: dict[str, Any] | None = None) -> dict[str, Any]:
    """An official as a canonical roster row: codes for every level, ISO dates, unknowns left out (a qualification
    whose level is unknown keeps ``"level": null`` and its raw text), and the recognised fields the model does not
    have yet."""
    row = official.model_dump(mode="json", exclude_none=True)
    qualifications = []
    for item in row.get("qualifications", ()):
        first = {"kind": item.pop("kind")}
        if first["kind"] in KINDS:
            first["level"] = item.pop("level", None)
        rest = {k: v for k, v in item.items() if v is not False}  # flags left at their default
        qualifications.append(first | rest)
    if "qualifications" in row:
        row["qualifications"] = qualifications
    if row.get("planned_titles") is None:
        row.pop("planned_titles", None)
    return row | (extras or {})


def _credential_text(item: dict[str, Any]) -> str:
    """A qualification as a canonical cell: ``dai_hoc:luật``, ``cao_cap cu_nhan``, or its raw text when its level is
    unknown."""
    if item.get("level") is None:
        return str(item.get("raw") or "").replace(";", ",")
    credential = Credential(
        level=item["level"],
        field=item.get("field"),
        language=item.get("language"),
        bachelor=bool(item.get("bachelor")),
        administrative=bool(item.get("administrative")),
    )
    return credential.text()


def _table_row(row: dict[str, Any]) -> list[Any]:
    cells: dict[str, Any] = {k: v for k, v in row.items() if not isinstance(v, list | dict)}
    for kind in KINDS:
        texts = [_credential_text(q) for q in row.get("qualifications", ()) if q.get("kind") == kind]
        cells[kind] = "; ".join(t for t in texts if t)
    cells["planned_titles"] = "; ".join(row.get("planned_titles") or ())
    cells["evaluations"] = "; ".join(f"{e['year']}:{e['level']}" for e in row.get("evaluations", ()))
    cells["disciplines"] = "; ".join(
        d["form"] + (f"@{d['decided_on']}" if d.get("decided_on") else "") for d in row.get("disciplines", ())
    )
    return [cells.get(column, "") if cells.get(column) is not None else "" for column in CANONICAL_COLUMNS]


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, renamed onto it when the block ends without error, removed otherwise."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_roster(rows: Iterator[dict[str, Any]], path: Path | None, out: TextIO) -> int:
    """Write canonical rows to ``path`` (format by extension, atomically) or as a JSON list to ``out``; returns the
    number of rows written."""
    if path is None:  # "[" comes with the first row: a file found unreadable on reading it leaves nothing behind
        count = 0
        for count, row in enumerate(rows, start=1):
            out.write(("[\n " if count == 1 else ",\n ") + json.dumps(row, ensure_ascii=False))
        out.write("\n]\n" if count else "[]\n")
        return count
    fmt = FORMATS[path.suffix.lower()]
    counted = 0

    def counting() -> Iterator[dict[str, Any]]:
        nonlocal counted
        for counted, row in enumerate(rows, start=1):  # noqa: B007 - the count is read after the loop
            yield row

    with _atomic(path) as temp:
        if fmt == "xlsx":
            from ..report.formats.xlsx import require_openpyxl

            book = require_openpyxl().Workbook(write_only=True)
            sheet = book.create_sheet("roster")
            sheet.append(list(CANONICAL_COLUMNS))
            for row in counting():
                sheet.append([_cell(v) for v in _table_row(row)])
            book.save(temp)
        else:
            with temp.open("w", encoding="utf-8", newline="") as fh:
                if fmt == "json":
                    write_roster(counting(), None, fh)
                elif fmt == "jsonl":
                    fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in counting())
                else:
                    writer = csv.writer(fh)
                    writer.writerow(CANONICAL_COLUMNS)
                    writer.writerows(_table_row(row) for row in counting())
    return counted


def _cell(value: Any) -> Any:
    """A text cell for a workbook; a leading ``=`` is kept as text, never a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and len(value) > 1:
        return "'" + value
    return value


# -- the report ------------------------------------------------------------------------------------------------


def report_dict(summary: ReadingSummary, rejected: list[Rejected], kept: int) -> dict[str, Any]:
    """What the reader understood, as JSON-ready data."""
    layout = summary.layout
    return {
        "file": summary.path,
        "format": summary.format,
        "source": summary.source,
        "layout": None
        if layout is None
        else {
            "title_rows": [r for r, _ in layout.title_rows],
            "header_rows": list(layout.header_rows),
            "numbering_row": layout.numbering_row,
            "data_start": layout.data_start,
        },
        "columns": [
            {
                "column": c.letter,
                "header": c.header,
                "field": str(c.target) if c.target is not None else None,
                "how": c.how,
            }
            for c in summary.columns
        ],
        "values": [s.as_dict() for s in summary.stats.values()],
        "skipped_rows": summary.skipped,
        "warnings": [w.model_dump() for w in summary.remarks],
        "rejected": [
            {"row": r.line, "record": r.row, "id": r.id, "errors": [e.model_dump() for e in r.errors]} for r in rejected
        ],
        "summary": {
            "records": summary.records,
            "read": kept,
            "rejected": len(rejected),
            "unmapped_values": summary.unmapped_count,
        },
    }


_FIELD_PREFIXED = frozenset({"birth_date", "recruited_on", "appointed_on", "party_joined_on", "gender"})
"""Fields of remarks whose message does not name the field itself."""


def write_report_text(summary: ReadingSummary, rejected: list[Rejected], kept: int, out: TextIO) -> None:
    """The report as text, in the summary's language."""
    lang = summary.lang
    out.write(message("normalize.title", lang, path=summary.path) + "\n")
    source = ", ".join(f"{k}: {v}" for k, v in summary.source.items() if v not in (None, [], ""))
    out.write(message("normalize.source", lang, source=f"{summary.format}" + (f" ({source})" if source else "")) + "\n")
    layout = summary.layout
    if layout is not None:
        titles = rows_text([r for r, _ in layout.title_rows], len(layout.title_rows)) or "-"
        top, bottom = layout.header_rows
        header = f"{top}" if top == bottom else f"{top}–{bottom}"
        numbering = layout.numbering_row or "-"
        out.write(
            message("normalize.layout", lang, titles=titles, header=header, numbering=numbering, data=layout.data_start)
            + "\n"
        )
        out.write(message("normalize.columns", lang) + "\n")
        for c in summary.columns:
            how = message(f"normalize.how.{c.how}", lang)
            target = str(c.target) if c.target is not None and c.how not in ("duplicate", "ignored") else ""
            out.write(
                message("normalize.column", lang, column=c.letter, header=c.header, target=target, how=how) + "\n"
            )
    if summary.stats:
        out.write(message("normalize.values", lang) + "\n")
        for stats in summary.stats.values():
            label = f"{stats.column} {stats.header!r}" if stats.column else stats.header
            out.write(f"  {label} ({stats.kind})\n")
            for raw, n in sorted(stats.counts.items(), key=lambda item: (-item[1], item[0])):
                reading = stats.readings[raw]
                text = reading.summary() + (" [--mapping]" if reading.mapped_by == "mapping" else "")
                out.write(message("normalize.value", lang, value=raw, reading=text, count=n) + "\n")
    for status in ("unmapped", "known_unmapped"):
        out.write(message(f"normalize.{status}", lang) + "\n")
        lines = 0
        for stats in summary.stats.values():
            for raw, n in stats.with_status(status):
                label = f"{stats.column} {stats.header!r}" if stats.column else stats.header
                rows = rows_text(stats.rows.get(raw, []), n)
                out.write(message("normalize.unmapped_value", lang, where=label, value=raw, count=n, rows=rows) + "\n")
                lines += 1
        if not lines:
            out.write(message("normalize.nothing", lang) + "\n")
    shown = {"unmapped_value", "known_unmapped_value"}  # listed above, value by value
    remarks = [w for w in summary.remarks if w.code not in shown]
    if remarks:
        out.write(message("normalize.warnings", lang) + "\n")
        for w in remarks:
            field = f"{w.field}: " if w.field in _FIELD_PREFIXED else ""
            out.write(f"  - {field}{w.message}\n")
    if rejected:
        out.write(message("normalize.rejected", lang) + "\n")
        for r in rejected:
            for e in r.errors:
                out.write(
                    message(
                        "normalize.rejected_row",
                        lang,
                        line=r.line if r.line is not None else "-",
                        record=r.row,
                        id=f" ({r.id})" if r.id else "",
                        field=e.field or "-",
                        message=e.render(lang),
                    )
                    + "\n"
                )
    out.write(
        message(
            "normalize.summary",
            lang,
            records=summary.records,
            kept=kept,
            rejected=len(rejected),
            unmapped=summary.unmapped_count,
        )
        + "\n"
    )


def normalize(args: Any, out: TextIO, *, registry: Any, roster: Any) -> None:
    """Run ``normalize``: validate the roster as ``check`` does (titles resolved, duplicate ids rejected), write the
    canonical roster, then the report (stderr, or ``--report``; JSON when its name ends in ``.json``)."""
    from ..engine import Engine
    from ..io import InputError

    output: Path | None = args.output
    if output is not None and output.suffix.lower() not in FORMATS:
        raise InputError(message("normalize.unknown_output", args.lang, path=output, suffix=output.suffix))
    roster.keep_extras = True
    engine = Engine(registry)
    rejected: list[Rejected] = []

    def rows() -> Iterator[dict[str, Any]]:
        for number, item in enumerate(roster.locate(engine.validate_roster(roster)), start=1):
            if isinstance(item, Rejected):
                rejected.append(item)
            else:
                yield canonical_row(item, roster.extras.get(number))

    kept = write_roster(rows(), output, out)
    summary: ReadingSummary = roster.reading
    report: Path | None = args.report
    if report is not None and report.suffix.lower() == ".json":
        with _atomic(report) as temp:
            temp.write_text(
                json.dumps(report_dict(summary, rejected, kept), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
    elif report is not None:
        with _atomic(report) as temp, temp.open("w", encoding="utf-8") as fh:
            write_report_text(summary, rejected, kept, fh)
    else:
        write_report_text(summary, rejected, kept, sys.stderr)
