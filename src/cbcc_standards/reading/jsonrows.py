"""JSON and JSON Lines rows read like table rows: free-text levels read (several degrees split, "not held" dropped,
what cannot be read kept as unknown and reported), placeholder and unknown dates, recognised fields the model does
not have yet set aside, and limits on size and nesting."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..results import Rejected, RowError
from .headers import DATE_FIELDS, KEPT_FIELDS, OPTIONAL_PERSON_FIELDS
from .messages import echo, message
from .pending import PendingRow
from .qualtext import KINDS, ValueMapping
from .sources import MAX_CELL_CHARS
from .summary import ReadingSummary
from .table import qualification_items
from .values import clean_date

__all__ = [
    "MAX_JSON_DEPTH",
    "RowSettings",
    "clean_json_row",
    "clean_or_reject",
    "depth_exceeds",
    "legible_id",
    "open_pending",
    "rejected_row",
]

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


_ID_VALUE = re.compile(r'[ \t\r\n]*:[ \t\r\n]*"([^"\\\x00-\x1f]*)"[ \t\r\n]*[,}]')


def legible_id(text: str) -> str | None:
    """The id a JSON row's text declares, read without decoding the text; None where the text does not say it
    plainly: the key ``"id"`` written once in the whole text (never with an escape), at the top level of an object
    (no other bracket opened before it), its value a string without escapes or control characters, not blank, with
    no blanks around it.

    For a text that is valid JSON, a legible id is the id decoding finds (the key cannot be written another way, nor
    twice). For a text that is not, it is the id its rejected row is known by (and counted under by the duplicate
    check): the same whether the text is decoded by the reader or, in a parallel review, by a worker."""
    at = text.find('"id"')
    if at < 0 or text.find('"id"', at + 4) >= 0 or ("\\u00" in text and ("\\u0069" in text or "\\u0064" in text)):
        return None
    if text.count("{", 0, at) != 1 or text.count("[", 0, at):
        return None
    found = _ID_VALUE.match(text, at + 4)
    if found is None:
        return None
    value = found.group(1)
    return value if value and value == value.strip() else None


def rejected_row(
    number: int, line: int | None, key: str, lang: str, field: str | None = None, id: str | None = None, **params: Any
) -> Rejected:
    """A row the reader rejects as a whole (message ``key`` of the reader's catalogue)."""
    text = message(key, lang, **params)
    error = RowError(field=field, message=text, code=key.removeprefix("reader."))
    return Rejected(row=number, line=line, id=id, errors=(error,))


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


def clean_or_reject(
    value: dict[str, Any],
    number: int,
    line: int | None,
    summary: ReadingSummary,
    *,
    mapping: ValueMapping | None,
    model_fields: frozenset[str],
    size: int | None = None,
) -> tuple[dict[str, Any], dict[str, Any]] | Rejected:
    """:func:`clean_json_row` of record ``number``: (row, fields set aside), or the row rejected with the cleaning's
    errors under its raw id."""
    row, extras, errors = clean_json_row(
        value, line or number, summary, mapping=mapping, model_fields=model_fields, size=size
    )
    if errors:
        raw_id = value.get("id")
        return Rejected(row=number, line=line, id=str(raw_id) if raw_id is not None else None, errors=errors)
    return row, extras


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


@dataclass(frozen=True)
class RowSettings:
    """What cleaning a JSON row needs, for a process that did not read the file: where the rows come from, the
    language of messages, the user's table of qualification values and the fields of the model."""

    path: str
    format: str
    lang: str
    mapping: ValueMapping | None
    model_fields: frozenset[str]

    def summary(self) -> ReadingSummary:
        """An empty account of the reading, to be added to the reader's in the order of the rows."""
        return ReadingSummary(path=self.path, format=self.format, lang=self.lang)


def open_pending(row: PendingRow, settings: RowSettings, summary: ReadingSummary) -> dict[str, Any] | Rejected:
    """A pending row decoded and cleaned as the reader would have (the remarks counted in ``summary``): the row for
    the model, or its rejection (not JSON; a value too long)."""
    value = row.data
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            return rejected_row(row.number, row.line, "reader.invalid_json", settings.lang, id=row.id, reason=exc.msg)
        except RecursionError:  # pragma: no cover - the reader sends no row deeper than MAX_JSON_DEPTH
            return rejected_row(row.number, row.line, "reader.too_deep", settings.lang, limit=MAX_JSON_DEPTH)
        if not isinstance(value, dict):  # pragma: no cover - a legible id is read in an object
            return rejected_row(row.number, row.line, "reader.not_an_object", settings.lang)
    cleaned = clean_or_reject(
        value,
        row.number,
        row.line,
        summary,
        mapping=settings.mapping,
        model_fields=settings.model_fields,
        size=row.size,
    )
    return cleaned if isinstance(cleaned, Rejected) else cleaned[0]
