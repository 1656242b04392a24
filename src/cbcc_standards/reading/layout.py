"""Spreadsheet layouts as exports and district templates make them: title rows above the header, a header of two or
three levels with merged cells, a numbering row under it ("A, B, 1, 2…", "(1) (2)…"), X-mark columns."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from .._text import slugify
from .headers import Target, header_like, mapped_target, match_header
from .qualtext import KINDS
from .sources import CellRange, column_letter

__all__ = ["HEADER_SCAN", "Column", "Layout", "cell_text", "find_layout", "is_numbering"]

HEADER_SCAN = 30
"""Rows searched for the header."""
MAX_LEVELS = 3
"""Levels a header may have."""

_NUMBER_CELL = re.compile(r"^\(?\s*(\d{1,3}|[A-Za-z]{1,2}|[IVXivx]{1,4})\s*\)?\.?$")
_DATE_TEXT = re.compile(r"^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?")


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ``.0``, dates in ISO form, surrounding space removed."""
    if type(value) is str:
        return value.strip()
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
    return str(value).strip()


def _is_data_value(value: Any) -> bool:
    """A number or a date: header cells are never one."""
    if isinstance(value, int | float | date | time) and not isinstance(value, bool):
        return True
    text = cell_text(value)
    return bool(_DATE_TEXT.match(text)) or text.replace(".", "", 1).isdigit()


def is_numbering(cells: Sequence[Any]) -> bool:
    """True for the row of column numbers forms put under their header: "A | B | 1 | 2 | 3…" or "(1) | (2)…"."""
    texts = [cell_text(c) for c in cells if cell_text(c)]
    if len(texts) < 3:
        return False
    numbered = [t for t in texts if _NUMBER_CELL.match(t)]
    digits = [t for t in numbered if any(ch.isdigit() for ch in t)]
    return len(numbered) * 10 >= len(texts) * 9 and len(digits) >= 2


_LETTERS = tuple(column_letter(i) for i in range(702))  # A … ZZ


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the table: its 0-based index, its header path (top level first), and what it holds."""

    index: int
    path: tuple[str, ...]
    target: Target | None
    how: str
    """``synonym``, ``mapping`` (a --columns file), ``unit name as unit``, ``ignored``, ``unknown``, ``duplicate``."""

    @property
    def letter(self) -> str:
        return _LETTERS[self.index] if self.index < len(_LETTERS) else column_letter(self.index)

    @property
    def header(self) -> str:
        return " / ".join(self.path)


@dataclass
class Layout:
    """Where the table is in the sheet: the header band, the columns, the rows before the data."""

    header_rows: tuple[int, int]
    columns: list[Column]
    data_start: int
    title_rows: list[tuple[int, str]] = field(default_factory=list)
    numbering_row: int | None = None

    def by_field(self, name: str) -> list[Column]:
        return [c for c in self.columns if c.target is not None and c.target.field == name]


class _Merged:
    """Values of merged ranges as they appear in every cell they cover."""

    def __init__(self, rows: Mapping[int, Sequence[Any]], merges: Sequence[CellRange]) -> None:
        self.at: dict[tuple[int, int], Any] = {}
        self.ranges: dict[tuple[int, int], CellRange] = {}
        for merge in merges:
            if merge.min_row not in rows:
                continue
            top = rows[merge.min_row]
            value = top[merge.min_col - 1] if merge.min_col - 1 < len(top) else None
            for r in range(merge.min_row, merge.max_row + 1):
                for c in range(merge.min_col, merge.max_col + 1):
                    self.at[(r, c - 1)] = value
                    self.ranges[(r, c - 1)] = merge

    def value(self, rows: Mapping[int, Sequence[Any]], r: int, c: int) -> Any:
        if (r, c) in self.at:
            return self.at[(r, c)]
        row = rows.get(r, ())
        return row[c] if c < len(row) else None


def _row_cells(rows: Mapping[int, Sequence[Any]], merged: _Merged, r: int, width: int) -> list[Any]:
    return [merged.value(rows, r, c) for c in range(width)]


def _score(cells: Sequence[Any], mapping: Mapping[str, Target | None] | None) -> int:
    seen: set[str] = set()
    score = 0
    for value in cells:
        text = cell_text(value)
        if not text or text in seen or _is_data_value(value):
            continue
        seen.add(text)
        if header_like(text) or (mapping is not None and slugify(text) in mapping):
            score += 1
    return score


def _continues(
    cells: Sequence[Any],
    band: range,
    r: int,
    merged: _Merged,
    mapping: Mapping[str, Target | None] | None,
    upward: bool,
) -> bool:
    """True when row ``r`` is another level of the header band."""
    texts = [cell_text(v) for v in cells if cell_text(v)]
    if not texts or is_numbering(cells) or any(_is_data_value(v) for v in cells if cell_text(v)):
        return False
    for (row, col), merge in merged.ranges.items():
        spans = merge.min_row != merge.max_row and merge.min_row <= band.stop - 1 and merge.max_row >= band.start
        if row == r and merge.min_col - 1 == col and spans:
            return True  # a merged cell spans this row and the band
    if upward and len(set(texts)) < 2:
        return False  # a title row ("ỦY BAN NHÂN DÂN TỈNH …") is one cell
    distinct = set(texts)
    liked = sum(1 for t in distinct if header_like(t) or (mapping is not None and slugify(t) in mapping))
    return liked * 4 >= len(distinct) * 3


def find_layout(
    rows: Sequence[tuple[int, Sequence[Any]]],
    merges: Sequence[CellRange],
    mapping: Mapping[str, Target | None] | None,
) -> Layout | None:
    """The header band and columns of a table from its first rows (at most :data:`HEADER_SCAN`); None when no row
    reads as a header."""
    by_number = dict(rows)
    merged = _Merged(by_number, merges)
    width = max((len(cells) for _, cells in rows), default=0)
    for merge in merges:
        if merge.min_row in by_number:
            width = max(width, merge.max_col)
    numbers = [r for r, cells in rows if any(cell_text(v) for v in cells)]
    if not numbers:
        return None
    scores = {r: _score(_row_cells(by_number, merged, r, width), mapping) for r in numbers}
    best = max(numbers, key=lambda r: (scores[r], -r))
    if scores[best] < (1 if best == numbers[0] else 2):
        return None
    top = bottom = best
    while bottom - top + 1 < MAX_LEVELS and top - 1 in by_number:
        cells = _row_cells(by_number, merged, top - 1, width)
        if not _continues(cells, range(top, bottom + 1), top - 1, merged, mapping, upward=True):
            break
        top -= 1
    while bottom - top + 1 < MAX_LEVELS and bottom + 1 in by_number:
        cells = _row_cells(by_number, merged, bottom + 1, width)
        if not _continues(cells, range(top, bottom + 1), bottom + 1, merged, mapping, upward=False):
            break
        bottom += 1
    grid = [[cell_text(v) for v in _row_cells(by_number, merged, r, width)] for r in range(top, bottom + 1)]
    _fill_right(grid, merged, range(top, bottom + 1))
    columns = _columns(grid, width, mapping)
    after = bottom + 1
    numbering = None
    if after in by_number and is_numbering(by_number[after]):
        numbering, after = after, after + 1
    titles = [(r, " ".join(cell_text(v) for v in by_number[r] if cell_text(v))) for r in numbers if r < top]
    return Layout((top, bottom), columns, after, titles, numbering)


def _fill_right(grid: list[list[str]], merged: _Merged, band: range) -> None:
    """An upper-level header written once over its sub-columns without merging (as CSV keeps it) covers the blank
    cells to its right that have sub-headers of their own."""
    bottom = grid[-1]
    for level, row in enumerate(grid[:-1]):
        for c in range(1, len(row)):
            r = band.start + level
            if row[c] or (r, c) in merged.ranges or not bottom[c] or bottom[c] == row[c - 1]:
                continue
            left = c - 1
            if row[left] and bottom[left] and bottom[left] != row[left]:
                row[c] = row[left]


def _columns(grid: list[list[str]], width: int, mapping: Mapping[str, Target | None] | None) -> list[Column]:
    columns: list[Column] = []
    for c in range(width):
        path: list[str] = []
        for row in grid:
            text = row[c] if c < len(row) else ""
            if text and (not path or path[-1] != text):
                path.append(text)
        if not path:
            continue
        found, target = mapped_target(mapping, path) if mapping else (False, None)
        if found:
            columns.append(Column(c, tuple(path), target, "mapping" if target else "ignored"))
            continue
        target = match_header(path)
        if target is None:
            columns.append(Column(c, tuple(path), None, "unknown"))
        elif target.field in ("seq", "note"):
            columns.append(Column(c, tuple(path), None, target.field))
        else:
            columns.append(Column(c, tuple(path), target, "synonym"))
    return _settle(columns)


def _settle(columns: list[Column]) -> list[Column]:
    """One column per single-valued field (the first; the others are marked ``duplicate``); a unit name column
    stands for the unit when there is no unit code column."""
    has_code = any(c.target is not None and c.target.field == "unit" for c in columns)
    settled: list[Column] = []
    seen: set[str] = set()
    for column in columns:
        target = column.target
        if target is not None and target.field == "unit_name" and not has_code:
            column = Column(column.index, column.path, Target("unit"), "unit name as unit")
            target = column.target
            has_code = True
        if target is not None:
            key = str(target)
            repeatable = target.field in KINDS and target.value is None  # several free-text columns of one kind
            if key in seen and not repeatable:
                column = Column(column.index, column.path, target, "duplicate")
            seen.add(key)
        settled.append(column)
    return settled
