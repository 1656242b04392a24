"""Readers of roster and units files (JSON list, JSON Lines, CSV; rosters also Excel .xlsx), with row-level errors
and streaming reads."""

from __future__ import annotations

import json
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO, cast

from pydantic import ValidationError

from ._text import slugify
from .officials import Official
from .reading.headers import FIELDS, Target, load_column_mapping, parse_target
from .reading.jsonrows import (
    MAX_JSON_DEPTH,
    RowSettings,
    clean_or_reject,
    depth_exceeds,
    legible_id,
    rejected_row,
)
from .reading.mappings import load_value_mapping
from .reading.messages import WordedError, message
from .reading.pending import PendingRow
from .reading.qualtext import ValueMapping
from .reading.sources import MAX_CELL_CHARS, MAX_RECORD_CHARS, CsvSource, SourceError, XlsxSource, scan_file
from .reading.summary import ReadingSummary
from .reading.table import RawRow, Record, TableError, read_table
from .reading.unittree import check_unit_tree, coerce_unit_row
from .results import Rejected, RowError
from .units import AdministrativeUnit

__all__ = ["DeferredRows", "InputError", "RosterFile", "check_file", "read_units"]

_CHUNK = 1 << 16


class InputError(WordedError):
    """A file that cannot be read at all (missing, empty, not UTF-8, broken JSON, a CSV without an id column);
    :meth:`~cbcc_standards.reading.messages.WordedError.message` says it in the reader's language."""


EXCEL_HINT = "pip install 'cbcc_standards[excel]'"
"""How to get the optional Excel support (openpyxl)."""


def _format_of(path: Path, excel: bool = False) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".json", ".csv") or (excel and suffix == ".xlsx"):
        return suffix[1:]
    expected = ".json, .jsonl, .csv, .xlsx" if excel else ".json, .jsonl, .csv"
    raise InputError.of("reader.unknown_type", path=str(path), suffix=suffix, expected=expected)


def _openpyxl(path: Path) -> Any:
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        raise InputError.of("reader.needs_openpyxl", path=str(path), hint=EXCEL_HINT) from None
    return openpyxl


def check_file(path: Path, text: bool = True) -> str:
    """SHA-256 of the file, checking on the way that it exists, is not empty and (unless ``text`` is false) is
    UTF-8."""
    try:
        scan = scan_file(path)
    except SourceError as exc:
        raise InputError.wrap(exc) from None
    if text and scan.bad_at is not None:
        if scan.bad_at == scan.size:
            raise InputError.of("reader.truncated_utf8", path=str(path))
        raise InputError.of("reader.not_utf8", path=str(path), offset=scan.bad_at)
    return scan.sha256


def _iter_json_array(fh: TextIO, path: Path) -> Iterator[Any]:
    """The elements of a top-level JSON array, decoded one at a time."""
    decoder = json.JSONDecoder()
    buffer = ""
    pos = 0
    consumed = 0  # characters dropped from the front of the buffer, for error positions
    eof = False
    state = "start"

    def fill() -> bool:
        nonlocal buffer, pos, consumed, eof
        chunk = fh.read(_CHUNK)
        if not chunk:
            eof = True
            return False
        consumed += pos
        buffer = buffer[pos:] + chunk
        pos = 0
        return True

    def skip_ws() -> bool:
        nonlocal pos
        while True:
            while pos < len(buffer) and buffer[pos] in " \t\r\n":
                pos += 1
            if pos < len(buffer):
                return True
            if eof or not fill():
                return False

    def fail(what: str) -> InputError:
        return InputError.of("reader.invalid_json_file", path=str(path), at=consumed + pos, what=what)

    def skip_value() -> int:
        """The end of a value too deep for the decoder, found by counting brackets outside strings."""
        nonlocal pos
        depth, i, in_string, escaped = 0, pos, False, False
        while True:
            if i >= len(buffer):
                start = pos
                if eof or not fill():
                    raise fail("unexpected end of file")
                i -= start - pos
            ch = buffer[i]
            i += 1
            if in_string:
                escaped, in_string = (False, True) if escaped else (ch == "\\", ch != '"')
            elif ch == '"':
                in_string = True
            elif ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return i

    if not skip_ws() or buffer[pos] != "[":
        raise InputError.of("reader.not_a_list", path=str(path))
    pos += 1
    state = "first"
    while True:
        if not skip_ws():
            raise fail("unexpected end of file")
        if buffer[pos] == "]" and state in ("first", "after"):
            pos += 1
            if skip_ws():
                raise fail("data after the closing ]")
            return
        if state == "after":
            if buffer[pos] != ",":
                raise fail("expected , or ]")
            pos += 1
            if not skip_ws():
                raise fail("unexpected end of file")
        while True:
            try:
                value, end = decoder.raw_decode(buffer, pos)
            except json.JSONDecodeError as exc:
                if not eof and fill():
                    continue
                raise fail(exc.msg) from None
            except RecursionError:
                value, end = TOO_DEEP, skip_value()
                break
            if end == len(buffer) and not eof and isinstance(value, int | float) and fill():
                continue  # a number may go on in the next chunk
            if value is not TOO_DEEP and depth_exceeds(buffer, pos, end):
                value = TOO_DEEP
            break
        pos = end
        state = "after"
        yield value


TOO_DEEP = object()
"""Stands for a JSON value nested deeper than the reader accepts (a row rejection, never a RecursionError)."""


class _LineIndex:
    """The row in the file of each record, as runs: a record whose row is the previous record's plus one (the rule in
    JSON Lines and CSV without blank or multi-line rows) costs nothing, a change of step starts a run (16 bytes).
    A national roster's 2.5 million rows took 20 MB as one number each."""

    def __init__(self) -> None:
        self._starts = array("q")
        """The record number (0-based) where each run starts."""
        self._offsets = array("q")
        """Each run's row minus its record number (for a run of unknown rows: a row of 0, the offset ``_UNKNOWN``)."""
        self._count = 0

    def append(self, line: int) -> None:
        """The row of the next record (0: not known)."""
        offset = line - self._count if line else _UNKNOWN
        if not self._offsets or self._offsets[-1] != offset:
            self._starts.append(self._count)
            self._offsets.append(offset)
        self._count += 1

    def __getitem__(self, index: int) -> int:
        if not 0 <= index < self._count:
            raise IndexError("record out of range")
        run = bisect_right(self._starts, index) - 1
        offset = self._offsets[run]
        return 0 if offset == _UNKNOWN else index + offset

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[int]:
        return (self[i] for i in range(self._count))


_UNKNOWN = -(1 << 62)


class RosterFile:
    """A roster file read lazily: iterate to get each row as a mapping, or :class:`Rejected` when it cannot be
    read as one. ``warnings`` lists remarks on the file (columns ignored or absent, values left unmapped, placeholder
    dates…, each naming its rows); they are complete once iteration has ended. ``reading`` is the full account of
    what was understood (see :class:`~cbcc_standards.reading.ReadingSummary`), as ``normalize`` reports it.

    CSV files and Excel workbooks (``.xlsx``, with the optional ``excel`` extra) are read by
    :mod:`cbcc_standards.reading`: the header is found below title rows and may span two or three levels; CSV
    encodings and separators are found out. ``sheet`` chooses a sheet (default: the first visible one with data),
    ``columns`` is a saved column mapping (a path, or ``{header: field}``), ``mapping`` a province's table of
    qualification values (a path, or a :class:`~cbcc_standards.reading.ValueMapping`), ``encoding`` the encoding of
    a CSV file that is not UTF-8. ``lang`` is the language of messages. With ``keep_extras`` the recognised fields
    the model does not have yet are kept in :attr:`extras` by record number.

    Record numbers count the rows given, from 1 (the engine's row numbers); :meth:`line_of` gives a record's row in
    the file as a spreadsheet shows it (the line of a JSON Lines file; None for a JSON list), and :meth:`locate`
    adds it to rejected rows. Iterate once per job: a second iteration starts the account afresh.

    Raises :class:`InputError` when the file as a whole is unreadable.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        sheet: str | None = None,
        columns: str | Path | Mapping[str, str | None] | None = None,
        mapping: str | Path | ValueMapping | None = None,
        encoding: str | None = None,
        lang: str = "vi",
        keep_extras: bool = False,
    ) -> None:
        self.path = Path(path)
        self.format = _format_of(self.path, excel=True)
        self.lang = lang
        self.sheet = sheet
        self.keep_extras = keep_extras
        try:
            self.columns = _column_mapping(columns, lang)
            self.mapping = _value_mapping(mapping, lang)
        except ValueError as exc:
            raise InputError.wrap(exc) from None
        self._csv: CsvSource | None = None
        if self.format == "xlsx":
            _openpyxl(self.path)
            self.sha256 = check_file(self.path, text=False)
        elif self.format == "csv":
            try:
                self._csv = CsvSource.open(self.path, encoding=encoding, lang=lang)
            except SourceError as exc:
                raise InputError.wrap(exc) from None
            self.sha256 = self._csv.sha256
        else:
            self.sha256 = check_file(self.path)
        self.warnings: list[RowError] = []
        self.reading = self._summary()
        self.lines = _LineIndex()
        """Each record's row in the file (0 when not known), by record number - 1: see :meth:`line_of`."""
        self.extras: dict[int, dict[str, Any]] = {}
        self._model_fields = frozenset(Official.model_fields)

    def _summary(self) -> ReadingSummary:
        summary = ReadingSummary(path=str(self.path), format=self.format, lang=self.lang, remarks=self.warnings)
        if self._csv is not None:
            decoded = self._csv.decoded
            summary.source = {
                "encoding": decoded.encoding,
                "encoding_found_by": decoded.how,
                "delimiter": self._csv.delimiter,
            }
            if decoded.how == "detected":
                summary.remark("reader.encoding_detected", None, encoding=decoded.encoding)
        return summary

    def line_of(self, record: int) -> int | None:
        """The row in the file (as a spreadsheet shows it) of a record number, when known."""
        line = self.lines[record - 1] if 0 < record <= len(self.lines) else 0
        return line or None

    def __iter__(self) -> Iterator[Mapping[str, Any] | Rejected]:
        yield from cast("Iterator[Mapping[str, Any] | Rejected]", self._iterate(defer=False))
        self.finish()

    def finish(self) -> None:
        """Add the remarks on rows and values to :attr:`warnings` (once the rows are read and, for
        :meth:`deferred` rows, cleaned)."""
        self.warnings.extend(self.reading.warnings())

    def deferred(self) -> DeferredRows | None:
        """The rows of a JSON Lines roster for a parallel review, each left to decode and clean where it is assessed
        (see :class:`DeferredRows`); None for other formats, or when :attr:`extras` are kept."""
        if self.format != "jsonl" or self.keep_extras:
            return None
        return DeferredRows(self)

    def _iterate(self, defer: bool) -> Iterator[Mapping[str, Any] | Rejected | PendingRow]:
        if self.lines:  # read again: start afresh
            self.warnings.clear()
            self.reading = self._summary()
            self.lines = _LineIndex()
            self.extras.clear()
        if self.format in ("csv", "xlsx"):
            yield from self._records()
        else:
            with self.path.open(encoding="utf-8-sig") as fh:
                if self.format == "json":
                    yield from self._json(fh)
                else:
                    yield from self._jsonl(fh, defer)

    def locate(self, items: Iterable[Any]) -> Iterator[Any]:
        """Pass items through, giving each :class:`Rejected` its row in the file (``line``) from its record
        number."""
        for item in items:
            if isinstance(item, Rejected) and item.line is None and (line := self.line_of(item.row)) is not None:
                item = item.model_copy(update={"line": line})
            yield item

    def _count(self, line: int | None) -> int:
        """Count a record read at ``line``; its record number."""
        self.lines.append(line or 0)
        self.reading.records += 1
        return len(self.lines)

    def _emit(self, line: int | None, row: dict[str, Any], extras: dict[str, Any]) -> Mapping[str, Any]:
        number = self._count(line)
        if extras and self.keep_extras:
            self.extras[number] = extras
        return row

    def _reject(
        self, line: int | None, key: str, field: str | None = None, id: str | None = None, **params: Any
    ) -> Rejected:
        return rejected_row(self._count(line), line, key, self.lang, field, id, **params)

    def settings(self) -> RowSettings:
        """What cleaning a row of this file needs, for a process that does not read it."""
        return RowSettings(str(self.path), self.format, self.lang, self.mapping, self._model_fields)

    def _pending(self, line: int, value: dict[str, Any], size: int) -> PendingRow:
        """A decoded row left to clean where it is assessed; one with a value too long is rejected here already
        (cleaning it elsewhere still counts its remarks, in the order of the rows)."""
        row = PendingRow(self._count(line), line, value, size)
        if size > MAX_CELL_CHARS:
            cleaned = clean_or_reject(
                value,
                row.number,
                line,
                self.settings().summary(),
                mapping=self.mapping,
                model_fields=self._model_fields,
                size=size,
            )
            if isinstance(cleaned, Rejected):
                row.verdict = cleaned
        return row

    def _clean(self, line: int | None, value: Any, size: int | None = None) -> Mapping[str, Any] | Rejected:
        if value is TOO_DEEP:
            return self._reject(line, "reader.too_deep", limit=MAX_JSON_DEPTH)
        if not isinstance(value, dict):
            return self._reject(line, "reader.not_an_object")
        number = len(self.lines) + 1  # counted below, once the row is read
        cleaned = clean_or_reject(
            value, number, line, self.reading, mapping=self.mapping, model_fields=self._model_fields, size=size
        )
        if isinstance(cleaned, Rejected):
            self._count(line)
            return cleaned
        return self._emit(line, *cleaned)

    def _json(self, fh: TextIO) -> Iterator[Mapping[str, Any] | Rejected]:
        self.reading.source = {"encoding": "utf-8"}
        for value in _iter_json_array(fh, self.path):
            yield self._clean(None, value)

    def _jsonl(self, fh: TextIO, defer: bool = False) -> Iterator[Mapping[str, Any] | Rejected | PendingRow]:
        self.reading.source = {"encoding": "utf-8"}
        line = 0
        while text := fh.readline(MAX_RECORD_CHARS + 1):
            line += 1
            if len(text) > MAX_RECORD_CHARS and not text.endswith("\n"):
                while (more := fh.readline(_CHUNK)) and not more.endswith("\n"):
                    pass
                yield self._reject(
                    line,
                    "reader.row_too_long",
                    length=f"{MAX_RECORD_CHARS:,}+",
                    cells="-",
                    limit=f"{MAX_RECORD_CHARS:,}",
                    max_cells="-",
                )
                continue
            if not text.strip():
                continue
            if depth_exceeds(text):
                yield self._reject(line, "reader.too_deep", limit=MAX_JSON_DEPTH)
                continue
            if defer and len(text) <= MAX_CELL_CHARS and (found := legible_id(text)) is not None:
                yield PendingRow(self._count(line), line, text, len(text), found)
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                yield self._reject(line, "reader.invalid_json", id=legible_id(text), reason=exc.msg)
                continue
            except RecursionError:  # pragma: no cover - depth_exceeds stops these first
                yield self._reject(line, "reader.too_deep", limit=MAX_JSON_DEPTH)
                continue
            if defer and isinstance(value, dict):
                yield self._pending(line, value, len(text))
                continue
            yield self._clean(line, value, len(text))

    def _records(self) -> Iterator[Mapping[str, Any] | Rejected]:
        try:
            if self._csv is not None:
                source = self._csv
                rows: Iterator[RawRow] = (RawRow(r.line, r.cells or (), r.problem, r.lines) for r in source.records())
                records = read_table(
                    rows,
                    self.reading,
                    what="CSV",
                    columns=self.columns,
                    mapping=self.mapping,
                    model_fields=self._model_fields,
                    delimiter=source.delimiter,
                )
                yield from self._table(records)
                return
            try:
                book = XlsxSource.open(
                    self.path, _openpyxl(self.path), sheet=self.sheet, sha256=self.sha256, lang=self.lang
                )
            except SourceError as exc:
                raise InputError.wrap(exc) from None
            try:
                skipped = [f"{name} ({why})" for name, why in book.skipped]
                self.reading.source = {"sheet": book.name, "skipped_sheets": skipped}
                what = message("reader.sheet", self.lang, sheet=book.name)
                records = read_table(
                    (RawRow(n, c) for n, c in book.rows()),
                    self.reading,
                    what=what,
                    merges=book.merges,
                    epoch=book.epoch,
                    columns=self.columns,
                    mapping=self.mapping,
                    model_fields=self._model_fields,
                )
                yield from self._table(records)
            finally:
                book.close()
        except TableError as exc:
            raise InputError.wrap(exc) from None

    def _table(self, records: Iterator[Record]) -> Iterator[Mapping[str, Any] | Rejected]:
        for record in records:
            if record.row is None:
                number = self._count(record.line)
                yield Rejected(row=number, line=record.line, id=record.id, errors=record.errors)
            else:
                yield self._emit(record.line, record.row, record.extras)


class DeferredRows:
    """The rows of a JSON Lines roster read for a parallel review (:meth:`RosterFile.deferred`): the reading process
    numbers the rows and reads each one's id, without decoding it where the text says it plainly
    (:func:`~cbcc_standards.reading.jsonrows.legible_id`), so that the duplicate check stays whole; the workers
    decode and clean the rows (:func:`~cbcc_standards.reading.jsonrows.open_pending`) with the file's
    :attr:`settings`, and what they counted of the reading comes back, chunk by chunk in the order of the rows, to
    :meth:`absorb`; :meth:`finish` completes the file's warnings. The rows, the rejections, the warnings and the
    reading summary are those a plain read gives."""

    def __init__(self, roster: RosterFile) -> None:
        self.roster = roster
        self.settings = roster.settings()

    def __iter__(self) -> Iterator[Mapping[str, Any] | Rejected | PendingRow]:
        return self.roster._iterate(defer=True)

    def absorb(self, reading: ReadingSummary) -> None:
        """Add a worker's account of the rows it cleaned (those after the rows already absorbed)."""
        self.roster.reading.absorb(reading)

    def finish(self) -> None:
        """Every row cleaned: complete the file's warnings."""
        self.roster.finish()


def _column_mapping(
    columns: str | Path | Mapping[str, str | None] | None, lang: str
) -> dict[str, Target | None] | None:
    if columns is None:
        return None
    if isinstance(columns, str | Path):
        return load_column_mapping(Path(columns), lang)
    out: dict[str, Target | None] = {}
    for key, value in columns.items():
        try:
            out[slugify(key)] = parse_target(value or "")
        except ValueError:
            choices = ", ".join(FIELDS)
            raise ValueError(
                message("reader.unknown_target", lang, path="columns", key=key, target=value, choices=choices)
            ) from None
    return out


def _value_mapping(mapping: str | Path | ValueMapping | None, lang: str) -> ValueMapping | None:
    if mapping is None or isinstance(mapping, ValueMapping):
        return mapping
    return load_value_mapping(Path(mapping), lang)


def read_units(path: str | Path, *, lang: str = "vi") -> list[AdministrativeUnit]:
    """Read a units file (JSON list, JSON Lines or CSV with ``area_flags`` separated by ';') and check it as a tree.

    CSV values are coerced to the model's types (``commune_class`` ``"2"``, Vietnamese names of tiers, kinds and
    flags). A row that does not validate, and a tree that is not one (duplicate codes, self-parents, cycles, tier
    order: :func:`~cbcc_standards.reading.check_unit_tree`), stop with :class:`InputError` on one line naming the
    row and field, or the units. Problems a run can go on with (a parent not in the file) are left to the caller,
    who can ask :func:`~cbcc_standards.reading.check_unit_tree` for them with its date.
    """
    path = Path(path)
    fmt = _format_of(path)
    units: list[AdministrativeUnit] = []
    rows: Iterator[Any]
    number = 0
    try:
        if fmt == "csv":
            rows = _units_csv(path, lang)
        else:
            check_file(path)
            rows = _units_json(path, fmt)
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise InputError.of("units.not_an_object", path=str(path), row=number)
            units.append(AdministrativeUnit.model_validate(coerce_unit_row(row)))
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"])
        raise InputError(f"{path}: row {number}, field {field}: {err['msg']}") from None
    except json.JSONDecodeError as exc:
        raise InputError.of("units.invalid_json", path=str(path), row=number + 1, what=exc.msg) from None
    except RecursionError:
        reason = message("reader.too_deep", "en", limit=MAX_JSON_DEPTH)
        raise InputError(f"{path}: row {number + 1}: {reason}") from None
    if not units:
        raise InputError.of("units.none", path=str(path))
    errors = [p for p in check_unit_tree(units) if p.severity == "error"]
    if errors:
        shown = "; ".join(p.message(lang) for p in errors[:5])
        more = f" (+{len(errors) - 5})" if len(errors) > 5 else ""
        raise InputError(f"{path}: {shown}{more}")
    return units


def _units_json(path: Path, fmt: str) -> Iterator[Any]:
    with path.open(encoding="utf-8-sig") as fh:
        if fmt == "json":
            yield from _iter_json_array(fh, path)
        else:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def _units_csv(path: Path, lang: str) -> Iterator[dict[str, str]]:
    try:
        source = CsvSource.open(path, encoding=None, lang=lang)
    except SourceError as exc:
        raise InputError.wrap(exc) from None
    header: list[str] | None = None
    for record in source.records():
        cells = record.cells
        if cells is None:
            raise InputError(message("reader.unclosed_quote", lang, path=path, line=record.line))
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            continue
        yield dict(zip(header, cells, strict=False))
