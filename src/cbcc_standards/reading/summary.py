"""What a reader understood of a file: the source (encoding, separator, sheet), the layout, the columns matched,
the values read per column with counts, the values left unmapped with their rows, the warnings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..results import RowError
from .layout import Column, Layout
from .messages import message
from .qualtext import QualificationReading

__all__ = ["ReadingSummary", "ValueStats", "rows_text"]

ROWS_SHOWN = 10
"""Row numbers listed per value or warning; the rest are counted."""


def rows_text(rows: list[int], count: int) -> str:
    """``14, 19, 22`` or ``14, 19, 22 … (+120)``."""
    shown = ", ".join(str(r) for r in rows[:ROWS_SHOWN])
    more = count - min(len(rows), ROWS_SHOWN)
    return f"{shown} … (+{more})" if more > 0 else shown


@dataclass
class ValueStats:
    """The values of one qualification column (or of one kind in a JSON roster) and how each was read."""

    column: str
    """The column letter (``F``), or empty for a JSON roster."""
    header: str
    """The column's header, or ``qualifications[professional]`` for a JSON roster."""
    kind: str
    counts: Counter[str] = field(default_factory=Counter)
    readings: dict[str, QualificationReading] = field(default_factory=dict)
    rows: dict[str, list[int]] = field(default_factory=dict)

    def add(self, raw: str, reading: QualificationReading, row: int) -> None:
        self.counts[raw] += 1
        if raw not in self.readings:
            self.readings[raw] = reading
        if reading.status in ("unmapped", "known_unmapped"):
            rows = self.rows.setdefault(raw, [])
            if len(rows) < ROWS_SHOWN:
                rows.append(row)

    def with_status(self, *statuses: str) -> list[tuple[str, int]]:
        """(value, count) of the values read with one of ``statuses``, most frequent first."""
        return sorted(
            ((raw, n) for raw, n in self.counts.items() if self.readings[raw].status in statuses),
            key=lambda item: (-item[1], item[0]),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "column": self.column or None,
            "header": self.header,
            "kind": self.kind,
            "values": [
                {
                    "value": raw,
                    "count": n,
                    "status": self.readings[raw].status,
                    "reading": self.readings[raw].summary(),
                    "by": self.readings[raw].mapped_by,
                    **({"rows": self.rows[raw]} if raw in self.rows else {}),
                }
                for raw, n in sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
            ],
        }


@dataclass
class _Note:
    rows: list[int] = field(default_factory=list)
    count: int = 0


@dataclass
class ReadingSummary:
    """Filled in while a roster file is read; :meth:`warnings` gives the row-level remarks, aggregated."""

    path: str
    format: str
    lang: str = "vi"
    source: dict[str, Any] = field(default_factory=dict)
    layout: Layout | None = None
    records: int = 0
    stats: dict[str, ValueStats] = field(default_factory=dict)
    notes: dict[tuple[str, str, str], _Note] = field(default_factory=dict)
    unused: Counter[str] = field(default_factory=Counter)
    skipped: dict[str, list[int]] = field(default_factory=dict)
    remarks: list[RowError] = field(default_factory=list)
    """File-level remarks as they are found (columns ignored or absent, merged cells); :meth:`warnings` adds the
    aggregated row-level ones."""

    @property
    def columns(self) -> list[Column]:
        return self.layout.columns if self.layout else []

    def note(self, key: str, field_: str, value: str, row: int) -> None:
        """Count a row-level remark (``reader.placeholder_date`` for ``birth_date`` = ``1970-01-01``, row 14)."""
        note = self.notes.setdefault((key, field_, value), _Note())
        note.count += 1
        if len(note.rows) < ROWS_SHOWN:
            note.rows.append(row)

    def skip(self, what: str, row: int) -> None:
        self.skipped.setdefault(what, []).append(row)

    def value_stats(self, column: str, header: str, kind: str) -> ValueStats:
        """The value counts of a column (by letter), or of a kind in a JSON roster (``column`` empty)."""
        key = column or header
        stats = self.stats.get(key)
        if stats is None:
            stats = self.stats[key] = ValueStats(column, header, kind)
        return stats

    def absorb(self, other: ReadingSummary) -> None:
        """Add what ``other`` counted of the rows that follow those counted here (a worker's part of a parallel
        review): the same account as if this summary had read them, remarks in the order first met, the first rows of
        each kept."""
        for part in other.stats.values():
            stats = self.value_stats(part.column, part.header, part.kind)
            for raw, n in part.counts.items():
                stats.counts[raw] += n
                stats.readings.setdefault(raw, part.readings[raw])
            for raw, rows in part.rows.items():
                kept = stats.rows.setdefault(raw, [])
                kept.extend(rows[: ROWS_SHOWN - len(kept)])
        for key, note in other.notes.items():
            mine = self.notes.setdefault(key, _Note())
            mine.count += note.count
            mine.rows.extend(note.rows[: ROWS_SHOWN - len(mine.rows)])
        self.unused.update(other.unused)
        for what, numbers in other.skipped.items():
            self.skipped.setdefault(what, []).extend(numbers)
        self.remarks.extend(other.remarks)

    @property
    def counted(self) -> bool:
        """Whether anything was counted of the rows (values, remarks, fields unused, rows skipped)."""
        return bool(self.stats or self.notes or self.unused or self.skipped or self.remarks)

    @property
    def unmapped_count(self) -> int:
        return sum(n for s in self.stats.values() for _, n in s.with_status("unmapped"))

    def remark(self, key: str, field_: str | None, **params: Any) -> None:
        """Add a file-level remark (message ``key`` of messages.py; its code is the key without ``reader.``)."""
        text = message(key, self.lang, **params)
        self.remarks.append(RowError(field=field_, code=key.removeprefix("reader."), message=text))

    def warnings(self) -> list[RowError]:
        """The remarks on rows and values, one per kind of remark and value, naming the rows (file-level remarks
        not included: see :attr:`remarks`)."""
        out: list[RowError] = []
        for (key, field_, value), note in self.notes.items():
            rows = rows_text(note.rows, note.count)
            text = message(key, self.lang, field=field_, value=value, rows=rows)
            out.append(RowError(field=field_, code=key.removeprefix("reader."), message=text))
        for stats in self.stats.values():
            where = stats.header
            if stats.column:
                where = message("reader.where_column", self.lang, column=stats.column, header=stats.header)
            for status in ("unmapped", "known_unmapped"):
                for raw, n in stats.with_status(status):
                    rows = rows_text(stats.rows.get(raw, []), n)
                    text = message(f"reader.{status}_value", self.lang, where=where, value=raw, rows=rows)
                    out.append(RowError(field=stats.kind, code=f"{status}_value", message=text))
        for name, n in sorted(self.unused.items()):
            text = message("reader.unused_field", self.lang, field=name, count=n)
            out.append(RowError(field=name, code="unused_field", message=text))
        for what, numbers in self.skipped.items():
            if what in ("title", "numbering"):
                continue  # the layout, not a remark: see the normalize report
            label = message(f"reader.skipped.{what}", self.lang)
            text = message("reader.skipped_rows", self.lang, what=label, rows=rows_text(numbers, len(numbers)))
            out.append(RowError(field="row", code="skipped_rows", message=text))
        return out
