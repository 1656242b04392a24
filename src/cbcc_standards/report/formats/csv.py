"""Built-in plugin: the CSV format of a roster review — one row per finding, one per rejected row.

A plugin that failed to load is a row of its own right after the header (``status`` ``plugin_failed``, its error in
``message``): the report is incomplete for it. ``provisional_pass`` marks every row of an official who passes only
through provisional law; ``notice`` holds a
finding's warning (a consequence foreseeable but not yet in effect, or one the record cannot say was applied).
``main_rule`` and ``main_reason`` repeat, on every row of an official, the finding that makes their status
(:func:`~cbcc_standards.report.formats._view.main_finding`), so one row per official (filter ``rule`` equal to
``main_rule``, or take the first row of each id) is the complete roster; an official to whom no rule applies has one
row with ``rule`` empty.

UTF-8 with a byte-order mark so Excel opens it in Vietnamese; a cell a spreadsheet would read as a formula is
neutralised; a value echoed from the input is cut at :data:`MAX_CELL` characters (with its length), so a hostile
roster cannot blow the report up.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from typing import IO, Any

from ...hookspecs import hookimpl
from ...i18n import Lang, Text, t
from ...results import Finding
from ...rules.requirements import Requirement
from ..renderers import Document, Renderer, ReviewDocument
from ..shapes import requirement_dict
from ._fastjson import MAX_CACHED, finding_key
from ._view import RosterLine

__all__ = ["COLUMNS", "CSV", "MAX_CELL", "csv_field", "neutralise_cell"]

COLUMNS = (
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
    "provisional_pass",
    "notice",
    "main_rule",
    "main_reason",
)
MAX_CELL = 2000
"""The longest cell written; a longer value is cut, ending with ``… (N ký tự)`` / ``… (N characters)``."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a cell that a spreadsheet would evaluate as a formula with an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if len(text) > MAX_CELL:
        text = f"{text[: MAX_CELL - 40]}… ({len(text)})"
    return neutralise_cell(text)


def csv_field(text: str) -> str:
    """A cell as ``csv.writer`` (``,``, ``"``, minimal quoting) writes it in a row of several cells: quoted, its
    quotes doubled, when it holds a comma, a quote or a line break; as it is otherwise."""
    if '"' in text or "," in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _line(cells: list[str]) -> str:
    """The cells of one row (several) as ``csv.writer`` writes them, without the line end."""
    return ",".join(map(csv_field, cells))


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _required(value: Requirement | None) -> str:
    """A requirement on one line: ``min_level(ladder=professional, level=dai_hoc)``."""
    data = requirement_dict(value)
    if not data:
        return ""
    kind = str(data.pop("type"))
    return kind + "(" + ", ".join(f"{k}={v}" for k, v in data.items() if v is not None) + ")"


def _actual(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ";".join(_actual(v) for v in value)
    return str(value)


def _finding_cells(f: Finding, lang: Lang) -> tuple[list[str], str]:
    """The cells of a finding (rule to message) and its notice's."""
    cells = [
        _cell(c)
        for c in (
            f.rule,
            f.outcome.value,
            _required(f.required),
            _actual(f.actual),
            _iso(f.deadline),
            ";".join(f.missing),
            " | ".join(b.citation for b in f.basis),
            "yes" if f.provisional else "",
            f.message(lang),
        )
    ]
    return cells, _cell(f.notice(lang) if f.notice is not None else "")


def _render(doc: Document, out: IO[str], lang: Lang) -> None:
    from .statistics import render_extra

    if render_extra("csv", doc, out, lang):
        return
    if not isinstance(doc, ReviewDocument):
        raise TypeError("CSV renders roster reviews only")
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for name, error in doc.receipt.failed_plugins:  # the report is incomplete for these: said first
        trouble = dict.fromkeys(COLUMNS, "")
        trouble.update(status="plugin_failed", message=t("report.plugin_failed", lang, name=name, error=error))
        writer.writerow([_cell(trouble[c]) for c in COLUMNS])
    # A finding's cells, written once as CSV text (bounded); an official's rows are its cells joined with them.
    cache: dict[tuple[Any, ...], tuple[Finding, str, str]] = {}
    no_finding = "," * 9
    for a in doc.assessments():
        person = [_cell(c) for c in (a.id, a.full_name, a.title, a.unit, a.status.value, a.action.value)]
        person.append(_cell(_iso(a.deadline)))
        line = RosterLine.of(a, lang)
        head = _line(person) + ","
        passing = "," + csv_field(_cell("yes" if a.provisional_pass else "")) + ","
        tail = "," + _line([_cell(line.rule), _cell(line.reason)]) + "\r\n"
        if not a.findings:
            out.write(head + no_finding + passing + tail)
            continue
        rows = []
        for f in a.findings:
            try:
                key: tuple[Any, ...] | None = finding_key(f)
                found = cache.get(key)  # type: ignore[arg-type]
            except TypeError:
                key, found = None, None
            if found is None:
                cells, notice = _finding_cells(f, lang)
                found = (f, _line(cells), csv_field(notice))
                if key is not None:
                    if len(cache) >= MAX_CACHED:
                        cache.clear()
                    cache[key] = found
            rows.append(head + found[1] + passing + found[2] + tail)
        out.write("".join(rows))
    for r in doc.report.rejected:
        message = "; ".join(f"{e.field or '-'}: {e.render(lang)}" for e in r.errors)
        where = f"row {r.line} (record {r.row})" if r.line is not None and r.line != r.row else f"row {r.row}"
        row = [
            r.id,
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
            f"{where}: {message}",
            "",
            "",
            "",
            "",
        ]
        writer.writerow([_cell(c) for c in row])


CSV = Renderer(
    name="csv",
    extension=".csv",
    render=_render,
    documents=frozenset({"review", "statistics", "retirements"}),
    media_type="text/csv; charset=utf-8",
    label=Text(vi="CSV (mỗi dòng một kết luận)", en="CSV (one row per finding)"),
)


@hookimpl(tryfirst=True)
def cbcc_register_renderers(register: Callable[[Renderer], None]) -> None:
    """Register the CSV format."""
    register(CSV)
