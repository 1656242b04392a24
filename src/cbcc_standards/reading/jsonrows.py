"""JSON and JSON Lines rows read like table rows: free-text levels read (several degrees split, "not held" dropped,
what cannot be read kept as unknown and reported), placeholder and unknown dates, recognised fields the model does
not have yet set aside, and limits on size and nesting."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..results import RowError
from .headers import DATE_FIELDS, KEPT_FIELDS, OPTIONAL_PERSON_FIELDS
from .messages import echo, message
from .qualtext import KINDS, ValueMapping
from .sources import MAX_CELL_CHARS
from .summary import ReadingSummary
from .table import qualification_items
from .values import clean_date

__all__ = ["MAX_JSON_DEPTH", "clean_json_row", "depth_exceeds"]

MAX_JSON_DEPTH = 64
"""Nesting a JSON row may have (a roster row needs 4); a deeper value rejects its row."""


def depth_exceeds(text: str, start: int = 0, end: int | None = None, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text between ``start`` and ``end`` nests arrays and objects deeper than ``limit``.

    Counting brackets is done by ``str.count`` first (a row with fewer brackets than the limit cannot be too deep);
    only then is the text scanned, strings skipped."""
    end = len(text) if end is None else end
    if text.count("[", start, end) + text.count("{", start, end) <= limit:
        return False
    depth = 0
    in_string = escaped = False
    for i in range(start, end):
        ch = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _too_long(name: str, text: str, lang: str) -> RowError:
    reason = message(
        "reader.cell_too_long", lang, length=f"{len(text):,}", limit=f"{MAX_CELL_CHARS:,}", echo=echo(text)
    )
    return RowError(field=name, message=reason, code="cell_too_long")


def clean_json_row(
    row: Mapping[str, Any],
    line: int,
    summary: ReadingSummary,
    *,
    mapping: ValueMapping | None,
    model_fields: frozenset[str],
    size: int | None = None,
) -> tuple[dict[str, Any], dict[str, Any], tuple[RowError, ...]]:
    """(row for the model, fields set aside, errors that reject the row) for one JSON row numbered ``line``;
    ``size``, the length of the row's JSON text, spares the search for over-long strings when it is short."""
    lang = summary.lang
    out = dict(row)
    extras: dict[str, Any] = {}
    errors: list[RowError] = []
    if size is None or size > MAX_CELL_CHARS:
        for key, value in row.items():
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                errors.append(_too_long(key, value, lang))
                del out[key]
    for key in DATE_FIELDS.intersection(out):
        value = out[key]
        if value is None:
            continue
        if value.__class__ is str:
            found = _DATES.get(value)
            if found is None:
                if len(_DATES) >= _DATES_KEPT:
                    _DATES.clear()
                found = _DATES[value] = clean_date(value)
            text, note = found
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            text, note = clean_date(value)
        else:
            continue
        if note is not None:
            summary.note(f"reader.{note}_date", key, str(value), line)
        if text is None:
            del out[key]
        elif text is not value:
            out[key] = text
    value = out.get("qualifications")
    if isinstance(value, list):
        out["qualifications"] = _qualifications(value, line, summary, mapping, errors)
    for key in _SET_ASIDE.intersection(out):
        if key not in model_fields:
            extras[key] = out.pop(key)
            if key in OPTIONAL_PERSON_FIELDS:
                summary.unused[key] += 1
    return out, extras, tuple(errors)


_SET_ASIDE = frozenset((*OPTIONAL_PERSON_FIELDS, *KEPT_FIELDS))

_CODES: dict[str, frozenset[str]] = {kind: frozenset(ladder.codes) for kind, ladder in KINDS.items()}
"""The level codes of each qualification kind with levels (a level already a code is not read as free text)."""

_DATES: dict[str, tuple[str | None, Any]] = {}
""":func:`clean_date` of the date texts met (a roster repeats its dates; the reading of a text is a pure function)."""
_DATES_KEPT = 1 << 15


def _qualifications(
    items: list[Any], line: int, summary: ReadingSummary, mapping: ValueMapping | None, errors: list[RowError]
) -> list[Any]:
    """Qualifications with their free-text levels read: a level code passes, a spelling is read (and counted), one
    cell naming several degrees gives several, "not held" gives none."""
    out: list[Any] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            out.append(item)
            continue
        kind, level = item.get("kind"), item.get("level")
        codes = _CODES.get(kind) if isinstance(kind, str) else None
        if codes is None or not isinstance(kind, str) or not isinstance(level, str) or level in codes:
            out.append(item)
            continue
        if len(level) > MAX_CELL_CHARS:
            errors.append(_too_long(f"qualifications.{index}.level", level, summary.lang))
            continue
        stats = summary.value_stats("", f"qualifications[{kind}]", kind)
        given = {k: v for k, v in item.items() if k not in ("level", "kind") and v is not None}
        for read in qualification_items(kind, level, mapping, stats, line):
            out.append(read | given)
    return out
