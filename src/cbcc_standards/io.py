"""Readers of roster and units files (JSON list, JSON Lines, CSV; rosters also Excel .xlsx), with row-level errors
and streaming reads."""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from ._text import slugify
from .results import Rejected, RowError
from .units import AdministrativeUnit

__all__ = ["InputError", "RosterFile", "check_file", "read_units"]

_CHUNK = 1 << 16


class InputError(Exception):
    """A file that cannot be read at all (missing, empty, not UTF-8, broken JSON, a CSV without an id column)."""


EXCEL_HINT = "pip install 'cbcc_standards[excel]'"
"""How to get the optional Excel support (openpyxl)."""


def _format_of(path: Path, excel: bool = False) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".json", ".csv") or (excel and suffix == ".xlsx"):
        return suffix[1:]
    expected = ".json, .jsonl, .csv or .xlsx" if excel else ".json, .jsonl or .csv"
    raise InputError(f"{path}: unknown file type {suffix!r} (expected {expected})")


def _openpyxl(path: Path) -> Any:
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        raise InputError(f"{path}: reading .xlsx files needs openpyxl: {EXCEL_HINT}") from None
    return openpyxl


def check_file(path: Path, text: bool = True) -> str:
    """SHA-256 of the file, checking on the way that it exists, is not empty and (unless ``text`` is false) is
    UTF-8."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
                if not text:
                    offset += len(chunk)
                    continue
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    raise InputError(f"{path}: not UTF-8 (byte {offset + exc.start})") from None
                offset += len(chunk)
            decoder.decode(b"", final=True)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 (truncated character at the end)") from None
    if offset == 0:
        raise InputError(f"{path}: empty file")
    return digest.hexdigest()


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
        return InputError(f"{path}: invalid JSON at character {consumed + pos}: {what}")

    if not skip_ws() or buffer[pos] != "[":
        raise InputError(f"{path}: a .json roster must be a JSON list of objects")
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
            if end == len(buffer) and not eof and isinstance(value, int | float) and fill():
                continue  # a number may go on in the next chunk
            break
        pos = end
        state = "after"
        yield value


_ALIASES: dict[str, str] = {
    slugify(k): v
    for k, v in {
        "id": "id",
        "mã": "id",
        "mã số": "id",
        "mã cbcc": "id",
        "số hiệu": "id",
        "full_name": "full_name",
        "họ và tên": "full_name",
        "họ tên": "full_name",
        "name": "full_name",
        "gender": "gender",
        "giới tính": "gender",
        "birth_date": "birth_date",
        "ngày sinh": "birth_date",
        "năm sinh": "birth_date",
        "born": "birth_date",
        "category": "category",
        "phân loại": "category",
        "loại": "category",
        "title": "title",
        "chức danh": "title",
        "chức vụ": "title",
        "chức danh/chức vụ": "title",
        "unit": "unit",
        "đơn vị": "unit",
        "mã đơn vị": "unit",
        "recruited_on": "recruited_on",
        "ngày tuyển dụng": "recruited_on",
        "appointed_on": "appointed_on",
        "ngày bổ nhiệm": "appointed_on",
        "ngày bầu": "appointed_on",
        "ngày bổ nhiệm/bầu": "appointed_on",
        "planned_titles": "planned_titles",
        "quy hoạch": "planned_titles",
        "evaluations": "evaluations",
        "đánh giá": "evaluations",
        "xếp loại": "evaluations",
        "disciplines": "disciplines",
        "kỷ luật": "disciplines",
        "general_education": "general_education",
        "trình độ văn hóa": "general_education",
        "giáo dục phổ thông": "general_education",
        "trình độ giáo dục phổ thông": "general_education",
        "professional": "professional",
        "trình độ chuyên môn": "professional",
        "chuyên môn": "professional",
        "professional_field": "professional_field",
        "chuyên ngành": "professional_field",
        "ngành đào tạo": "professional_field",
        "political_theory": "political_theory",
        "lý luận chính trị": "political_theory",
        "llct": "political_theory",
        "state_management": "state_management",
        "quản lý nhà nước": "state_management",
        "qlnn": "state_management",
        "it": "it",
        "tin học": "it",
        "cntt": "it",
        "foreign_language": "foreign_language",
        "ngoại ngữ": "foreign_language",
    }.items()
}
_QUALIFICATION_COLUMNS = (
    "general_education",
    "professional",
    "political_theory",
    "state_management",
    "it",
    "foreign_language",
)
_LIST_SEPARATOR = ";"


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(_LIST_SEPARATOR) if part.strip()]


def _csv_row(cells: Mapping[str, str], has_qualifications: bool) -> dict[str, Any]:
    """A CSV row as a roster mapping; errors in the list cells raise ``ValueError`` naming the field."""
    row: dict[str, Any] = {}
    for name in (
        "id",
        "full_name",
        "gender",
        "birth_date",
        "category",
        "title",
        "unit",
        "recruited_on",
        "appointed_on",
    ):
        value = cells.get(name, "").strip()
        if value:
            row[name] = value
    if planned := cells.get("planned_titles", "").strip():
        row["planned_titles"] = _split(planned)
    if evaluations := cells.get("evaluations", "").strip():
        items = []
        for part in _split(evaluations):
            year, sep, level = part.partition(":")
            if not sep:
                raise ValueError("evaluations", f"expected YEAR:LEVEL items separated by ';', got {part!r}")
            items.append({"year": year.strip(), "level": level.strip()})
        row["evaluations"] = items
    if disciplines := cells.get("disciplines", "").strip():
        row["disciplines"] = [
            {"form": form.strip(), **({"decided_on": on.strip()} if on.strip() else {})}
            for form, _, on in (part.partition("@") for part in _split(disciplines))
        ]
    if has_qualifications:
        qualifications: list[dict[str, Any]] = []
        for kind in _QUALIFICATION_COLUMNS:
            for level in _split(cells.get(kind, "")):
                item: dict[str, Any] = {"kind": kind, "level": level}
                if kind == "professional" and (field := cells.get("professional_field", "").strip()):
                    item["field"] = field
                qualifications.append(item)
        row["qualifications"] = qualifications
    return row


class RosterFile:
    """A roster file read lazily: iterate to get each row as a mapping, or :class:`Rejected` when it cannot be
    read as one. ``warnings`` lists file-level remarks (ignored or absent CSV columns) once iteration has started.

    An ``.xlsx`` workbook (with the optional ``excel`` extra, openpyxl) is read like a CSV file: the first sheet, its
    first row the header.

    Raises :class:`InputError` when the file as a whole is unreadable.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.format = _format_of(self.path, excel=True)
        if self.format == "xlsx":
            _openpyxl(self.path)
        self.sha256 = check_file(self.path, text=self.format != "xlsx")
        self.warnings: list[RowError] = []

    def __iter__(self) -> Iterator[Mapping[str, Any] | Rejected]:
        if self.format == "xlsx":
            yield from self._xlsx()
            return
        with self.path.open(encoding="utf-8-sig", newline="" if self.format == "csv" else None) as fh:
            if self.format == "json":
                for number, value in enumerate(_iter_json_array(fh, self.path), start=1):
                    yield value if isinstance(value, dict) else _not_object(number)
            elif self.format == "jsonl":
                yield from self._jsonl(fh)
            else:
                yield from self._csv(fh)

    def _jsonl(self, fh: TextIO) -> Iterator[Mapping[str, Any] | Rejected]:
        number = 0
        for line in fh:
            if not line.strip():
                continue
            number += 1
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejected(
                    row=number, errors=(RowError(field=None, message=f"invalid JSON: {exc.msg}", code="invalid_json"),)
                )
                continue
            yield value if isinstance(value, dict) else _not_object(number)

    def _csv(self, fh: TextIO) -> Iterator[Mapping[str, Any] | Rejected]:
        return self._table(csv.reader(fh), "CSV")

    def _xlsx(self) -> Iterator[Mapping[str, Any] | Rejected]:
        openpyxl = _openpyxl(self.path)
        try:
            with warnings.catch_warnings():  # e.g. "no default style": nothing the user can act on
                warnings.simplefilter("ignore")
                book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise InputError(f"{self.path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
        try:
            if not book.worksheets:
                raise InputError(f"{self.path}: the workbook has no sheet")
            rows = book.worksheets[0].iter_rows(values_only=True)
            yield from self._table((_xlsx_cells(row) for row in rows), "first sheet")
        finally:
            book.close()

    def _table(self, reader: Iterator[Sequence[str]], what: str) -> Iterator[Mapping[str, Any] | Rejected]:
        """Rows of a table whose first row is the header (CSV, or the first sheet of a workbook)."""
        header = next(reader, None)
        if not header:
            raise InputError(f"{self.path}: the {what} has no header row")
        columns: list[str | None] = []
        for raw in header:
            name = _ALIASES.get(slugify(raw)) if raw.strip() else None
            if name is None and raw.strip():
                self.warnings.append(
                    RowError(
                        field=raw,
                        code="ignored_column",
                        message=f"column {raw!r} is not part of the roster format: ignored",
                    )
                )
            if name is not None and name in columns:
                raise InputError(f"{self.path}: two columns mean {name!r}")
            columns.append(name)
        if "id" not in columns:
            raise InputError(f"{self.path}: the {what} has no 'id' column (header: {', '.join(header)})")
        has_qualifications = any(c in _QUALIFICATION_COLUMNS for c in columns)
        for name in ("gender", "birth_date", "title", "unit", "recruited_on"):
            if name not in columns:
                self.warnings.append(
                    RowError(
                        field=name,
                        code="absent_column",
                        message=f"no {name!r} column: treated as unknown for every row",
                    )
                )
        if not has_qualifications:
            self.warnings.append(
                RowError(
                    field="qualifications",
                    code="absent_column",
                    message="no qualification column: qualifications unknown for every row",
                )
            )
        number = 0  # records, as the engine numbers them: blank rows are not records
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            number += 1
            if len(cells) > len(columns):
                yield Rejected(
                    row=number,
                    errors=(
                        RowError(
                            field=None, code="too_many_cells", message=f"{len(cells)} cells for {len(columns)} columns"
                        ),
                    ),
                )
                continue
            mapping = {name: cell for name, cell in zip(columns, cells, strict=False) if name is not None}
            try:
                yield _csv_row(mapping, has_qualifications)
            except ValueError as exc:
                field, message = exc.args
                yield Rejected(
                    row=number,
                    id=mapping.get("id") or None,
                    errors=(RowError(field=field, message=message, code="invalid_cell"),),
                )


def _xlsx_cell(value: Any) -> str:
    """A worksheet cell as the text a CSV file would hold: dates in ISO form, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_cells(row: Iterable[Any]) -> list[str]:
    """A worksheet row as CSV cells, without the trailing empty cells a sheet pads its rows with."""
    cells = [_xlsx_cell(value) for value in row]
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def _not_object(number: int) -> Rejected:
    return Rejected(
        row=number, errors=(RowError(field=None, message="the row is not a JSON object", code="not_an_object"),)
    )


def read_units(path: str | Path) -> list[AdministrativeUnit]:
    """Read a units file (JSON list, JSON Lines or CSV with ``area_flags`` separated by ';').

    Every problem is fatal and raised as :class:`InputError` naming the row and the field.
    """
    path = Path(path)
    fmt = _format_of(path)
    check_file(path)
    units: dict[str, AdministrativeUnit] = {}
    with path.open(encoding="utf-8-sig", newline="" if fmt == "csv" else None) as fh:
        rows: Iterator[Any]
        if fmt == "json":
            rows = _iter_json_array(fh, path)
        elif fmt == "jsonl":
            rows = (json.loads(line) for line in fh if line.strip())
        else:
            rows = (
                {k: (_split(v) if k == "area_flags" else v) for k, v in r.items() if v not in ("", None)}
                for r in csv.DictReader(fh)
            )
        number = 0
        try:
            for number, row in enumerate(rows, start=1):
                if not isinstance(row, dict):
                    raise InputError(f"{path}: row {number}: not an object")
                unit = AdministrativeUnit.model_validate(row)
                if unit.code in units:
                    raise InputError(f"{path}: row {number}, field code: unit {unit.code!r} appears twice")
                units[unit.code] = unit
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            field = ".".join(str(p) for p in err["loc"])
            raise InputError(f"{path}: row {number}, field {field}: {err['msg']}") from None
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: row {number + 1}: invalid JSON: {exc.msg}") from None
    if not units:
        raise InputError(f"{path}: no units")
    return list(units.values())
