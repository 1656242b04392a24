"""Rows of a table (a CSV file, an Excel sheet) as roster rows: the layout found, title, numbering, total and section
rows skipped, merged cells filled down where the layout means it, every cell read by its column's field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .._text import slugify
from ..results import RowError
from .headers import DATE_FIELDS, OPTIONAL_PERSON_FIELDS, Target
from .layout import HEADER_SCAN, Layout, cell_text, find_layout
from .messages import echo, message
from .qualtext import KINDS, Credential, ValueMapping, read_qualification
from .sources import MAX_CELL_CHARS, MAX_RECORD_CHARS, MAX_ROW_CELLS, CellRange
from .summary import ReadingSummary, ValueStats
from .values import clean_date, clean_text, is_marked, one_line

__all__ = ["RawRow", "Record", "TableError", "read_table"]

LIST_SEPARATOR = ";"
_SEEN_LIMIT = 50_000
"""Distinct qualification cells remembered per table."""
FILL_DOWN = frozenset({"unit", "unit_name", "category"})
"""Fields whose merged cell spans the officials it applies to (a unit cell beside its officials)."""
_TEXT_FIELDS = ("full_name", "category", "title", "unit", "unit_name", "ethnicity", "religion", "job_position")
_TOTAL = re.compile(r"^(tong_cong|tong_so|total|cong_toan_\w+)(_|$)|^(tong|cong)(_\d.*)?$")
"""A total row: "Tổng cộng", "Tổng số: 12", "Cộng", "Cộng toàn huyện" (not "Công chức")."""


class TableError(Exception):
    """A table the reader cannot make sense of (no header, no id column): one line, in the reader's language."""


@dataclass(frozen=True, slots=True)
class RawRow:
    """A row as a source gives it: the row number Excel shows (a CSV record's first line), its cells, and for CSV
    records that could not be split (``runaway``, ``too_long``) the physical lines instead."""

    line: int
    cells: Sequence[Any]
    problem: str | None = None
    lines: Sequence[str] = ()


@dataclass
class Record:
    """One record read: a roster row, or the errors that reject it; ``extras`` holds the recognised fields the model
    does not have yet."""

    line: int
    row: dict[str, Any] | None
    errors: tuple[RowError, ...] = ()
    id: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def _item(kind: str, credential: Credential, raw: str | None) -> dict[str, Any]:
    """A credential as a roster qualification."""
    item: dict[str, Any] = {"kind": kind, "level": credential.level}
    if raw is not None and (credential.level is None or slugify(raw) != credential.level):
        item["raw"] = raw
    if credential.field and kind == "professional":
        item["field"] = credential.field
    if credential.language and kind == "foreign_language":
        item["language"] = credential.language
    if credential.legacy and kind in ("it", "foreign_language"):
        item["legacy"] = credential.legacy
    if credential.bachelor:
        item["bachelor"] = True
    if credential.administrative:
        item["administrative"] = True
    return item


def qualification_items(
    kind: str, raw: str, mapping: ValueMapping | None, stats: ValueStats, row: int
) -> list[dict[str, Any]]:
    """The qualifications a free-text cell gives (none for "not held"), counted in ``stats``."""
    reading = read_qualification(kind, raw, mapping=mapping)
    stats.add(raw, reading, row)
    if reading.status == "none":
        return []
    items = [_item(kind, c, raw) for c in reading.credentials]
    return items or [{"kind": kind, "level": None, "raw": raw}]


def _role(target: Target) -> str:
    """How a column's cells are read: ``mark``, ``id``, ``date``, ``name_part``, ``kind``, ``field``, ``list``,
    ``flag`` or ``text``."""
    name = target.field
    if target.value is not None:
        return "mark"
    if name in DATE_FIELDS:
        return "date"
    if name in KINDS:
        return "kind"
    return _ROLES.get(name, "text")


_ROLES = {
    "id": "id",
    "family_name": "name_part",
    "given_name": "name_part",
    "professional_field": "field",
    "planned_titles": "list",
    "evaluations": "list",
    "disciplines": "list",
    "party_member": "flag",
    "ethnic_minority": "flag",
}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


class _RowBuilder:
    """Reads the cells of one row by the columns of a layout."""

    def __init__(
        self,
        layout: Layout,
        summary: ReadingSummary,
        *,
        mapping: ValueMapping | None,
        epoch: datetime | None,
        model_fields: frozenset[str],
    ) -> None:
        self.summary = summary
        self.mapping = mapping
        self.epoch = epoch
        self.model_fields = model_fields
        self.lang = summary.lang
        self.columns = [c for c in layout.columns if c.target is not None and c.how not in ("duplicate", "ignored")]
        self.width = max((c.index for c in layout.columns), default=-1) + 1
        self.ids = [c.index for c in self.columns if c.target and c.target.field == "id"]
        self.person = [c.index for c in self.columns if c.target and c.target.field in (*DATE_FIELDS, "gender")]
        self.has_qualifications = any(c.target and c.target.field in KINDS for c in self.columns)
        genders = {c.target.value for c in self.columns if c.target and c.target.field == "gender" and c.target.value}
        self.single_gender = None
        text_gender = any(c.target and c.target.field == "gender" and not c.target.value for c in self.columns)
        if len(genders) == 1 and not text_gender:
            (only,) = genders
            self.single_gender = "female" if only == "male" else "male"

        self.plan = [(c.index, c, _role(c.target)) for c in self.columns if c.target is not None]
        self.seen: dict[tuple[int, str], tuple[ValueStats, str, list[dict[str, Any]]]] = {}
        """Qualification cells already read, by column and text: a roster repeats a few hundred spellings."""
        """Each column with what reading it means, worked out once."""

    def build(self, line: int, cells: Sequence[Any], texts: Sequence[str]) -> Record:
        row: dict[str, Any] = {}
        extras: dict[str, Any] = {}
        errors: list[RowError] = []
        marks: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        qualifications: list[dict[str, Any]] = []
        professional_field: str | None = None
        width = len(texts)
        for index, column, role in self.plan:
            text = texts[index] if index < width else ""
            if not text:
                continue  # an empty cell says nothing (a qualification not listed is not held)
            target = column.target
            assert target is not None
            name = target.field
            if len(text) > MAX_CELL_CHARS:
                errors.append(self._too_long(name, text))
            elif role == "text":
                self._put(name, one_line(text), row, extras)
            elif role == "kind":
                seen = self.seen.get((index, text))
                if seen is None:  # a value not met before in this column: read it, remember the items it gives
                    raw = text if text.isascii() else unicodedata.normalize("NFC", text)
                    stats = self.summary.value_stats(column.letter, column.header, name)
                    items = qualification_items(name, raw, self.mapping, stats, line)
                    if len(self.seen) < _SEEN_LIMIT:
                        self.seen[(index, text)] = (stats, raw, [dict(item) for item in items])
                    qualifications += items
                else:
                    stats, raw, items = seen
                    stats.add(raw, stats.readings[raw], line)
                    qualifications += [dict(item) for item in items]
            elif role == "date":
                self._date(name, cells[index], line, row, extras)
            elif role == "mark":
                self._mark(target, cells[index], line, marks, row, qualifications)
            elif role == "id":
                row["id"] = one_line(text)
            elif role == "name_part":
                names[name] = one_line(text)
            elif role == "field":
                professional_field = one_line(text).lower()
            elif role == "list":
                try:
                    self._list(name, one_line(text), row)
                except ValueError as exc:
                    errors.append(RowError(field=name, message=str(exc), code="invalid_cell"))
            elif (marked := is_marked(cells[index])) is not None:  # role "flag"
                if name in self.model_fields:
                    row[name] = marked
                else:
                    extras[name] = marked
        if "full_name" not in row and names:
            row["full_name"] = " ".join(names[k] for k in ("family_name", "given_name") if k in names)
        self._gender(marks, row, line)
        if self.has_qualifications:
            if professional_field:
                for item in qualifications:
                    if item["kind"] == "professional" and "field" not in item:
                        item["field"] = professional_field
            row["qualifications"] = qualifications
        raw_id = row.get("id")
        return Record(line, None if errors else row, tuple(errors), raw_id, extras)

    def _too_long(self, name: str, text: str) -> RowError:
        reason = message(
            "reader.cell_too_long", self.lang, length=f"{len(text):,}", limit=f"{MAX_CELL_CHARS:,}", echo=echo(text)
        )
        return RowError(field=name, message=reason, code="cell_too_long")

    def _put(self, name: str, text: str, row: dict[str, Any], extras: dict[str, Any]) -> None:
        if name in self.model_fields:
            row[name] = text
        else:
            extras[name] = text
            if name in OPTIONAL_PERSON_FIELDS:
                self.summary.unused[name] += 1

    def _date(self, name: str, value: Any, line: int, row: dict[str, Any], extras: dict[str, Any]) -> None:
        text, note = clean_date(value, self.epoch)
        if note is not None:
            self.summary.note(f"reader.{note}_date", name, cell_text(value), line)
        if text is not None:
            self._put(name, text, row, extras)

    def _list(self, name: str, text: str, row: dict[str, Any]) -> None:
        if not text:
            return
        if name == "planned_titles":
            row[name] = _split(text)
        elif name == "evaluations":
            items = []
            for part in _split(text):
                year, sep, level = part.partition(":")
                if not sep:
                    raise ValueError(message("reader.bad_list_item", self.lang, item=part))
                items.append({"year": year.strip(), "level": level.strip()})
            row[name] = items
        else:
            row[name] = [
                {"form": form.strip(), **({"decided_on": on.strip()} if on.strip() else {})}
                for form, _, on in (part.partition("@") for part in _split(text))
            ]

    def _mark(
        self,
        target: Target,
        value: Any,
        line: int,
        marks: dict[str, list[str]],
        row: dict[str, Any],
        qualifications: list[dict[str, Any]],
    ) -> None:
        assert target.value is not None
        if target.field == "birth_date":  # a date written in the column of the person's gender
            text, note = clean_date(value, self.epoch)
            if note is not None:
                self.summary.note(f"reader.{note}_date", "birth_date", cell_text(value), line)
            if text is not None or note is not None:
                marks.setdefault("gender", []).append(target.value)
            if text is not None:
                row["birth_date"] = text
            return
        marked = is_marked(value)
        if marked is False:
            return
        if target.field == "gender":
            marks.setdefault("gender", []).append(target.value)
            return
        if target.field in KINDS:
            level, _, flag = target.value.partition(" ")
            item: dict[str, Any] = {"kind": target.field, "level": level}
            if flag == "cu_nhan":
                item["bachelor"] = True
            if marked is None:  # something else than an X: a field of study, or the year it was obtained
                text, _ = clean_date(value, self.epoch)
                if text is not None and text[:1].isdigit():
                    item["obtained_on"] = text
                elif target.field == "professional":
                    item["field"] = clean_text(value).lower()
            qualifications.append(item)

    def _gender(self, marks: dict[str, list[str]], row: dict[str, Any], line: int) -> None:
        found = set(marks.get("gender", ()))
        if "gender" in row:
            return
        if len(found) == 1:
            row["gender"] = found.pop()
        elif len(found) > 1:
            self.summary.note("reader.conflicting_marks", "gender", "Nam/Nữ", line)
        elif self.single_gender is not None:
            row["gender"] = self.single_gender


def _swallowed(cells: Sequence[str], delimiter: str, width: int) -> str | None:
    """``rows`` when a quoted cell holds what looks like further rows (a quote opened and closed in the wrong
    places), ``separators`` when a cell holds the separator while the record falls short of the header's cells."""
    threshold = max(2, width // 2)
    for cell in cells:
        if ("\n" in cell or "\r" in cell) and any(part.count(delimiter) >= threshold for part in cell.splitlines()):
            return "rows"
    if len(cells) < width and any(delimiter in cell for cell in cells):
        return "separators"
    return None


class _Classifier:
    """Which rows are records: not blank, not a total, a repeated header, a section heading or a signature line."""

    def __init__(self, builder: _RowBuilder, header_texts: list[str]) -> None:
        self.builder = builder
        self.header = {t for t in header_texts if t}

    def kind(self, texts: Sequence[str]) -> str | None:
        filled = [t for t in texts if t]
        if not filled:
            return "blank"
        if self.header and len(set(filled) & self.header) * 2 >= len(filled) >= 2:
            return "header"
        if _TOTAL.match(slugify(filled[0])):
            return "total"
        if any(i < len(texts) and texts[i] for i in self.builder.ids):
            return None  # a row with an id is a record, whatever else it holds
        person = [i for i in self.builder.person if i < len(texts) and texts[i]]
        if len(filled) <= 2 or not person:
            return "section"  # a group heading ("I. Xã Bình Châu"), a signature line: no id, no date, no gender
        return None


def _fills(layout: Layout, merges: Sequence[CellRange], summary: ReadingSummary) -> dict[tuple[int, int], CellRange]:
    """Cells covered by a vertical merge below the header, for the columns whose merged cell spans its rows (unit,
    category); other vertical merges are remarked on and read as written (the value in their first row only)."""
    by_index = {c.index: c for c in layout.columns}
    fills: dict[tuple[int, int], CellRange] = {}
    filled: dict[int, list[str]] = {}
    for merge in merges:
        if merge.min_row < layout.data_start or merge.max_row == merge.min_row:
            continue
        column = by_index.get(merge.min_col - 1)
        if column is None or column.target is None:
            continue
        rows = f"{merge.min_row + 1}–{merge.max_row}"
        if column.target.field in FILL_DOWN:
            for r in range(merge.min_row + 1, merge.max_row + 1):
                fills[(r, merge.min_col - 1)] = merge
            filled.setdefault(column.index, []).append(merge.ref)
        else:
            summary.remark(
                "reader.merged_cell",
                column.target.field,
                ref=merge.ref,
                header=column.header,
                first=merge.min_row,
                rows=rows,
            )
    for index, refs in filled.items():
        column = by_index[index]
        shown = ", ".join(refs[:5]) + (f" … (+{len(refs) - 5})" if len(refs) > 5 else "")
        summary.remark(
            "reader.merged_fill",
            column.target.field if column.target else None,
            ref=shown,
            header=column.header,
            rows=f"{len(refs)}",
        )
    return fills


def read_table(
    rows: Iterator[RawRow],
    summary: ReadingSummary,
    *,
    what: str,
    merges: Sequence[CellRange] = (),
    epoch: datetime | None = None,
    columns: Mapping[str, Target | None] | None = None,
    mapping: ValueMapping | None = None,
    model_fields: frozenset[str],
    delimiter: str | None = None,
) -> Iterator[Record]:
    """The records of a table. Raises :class:`TableError` when no header or no id column is found."""
    lang = summary.lang
    head: list[RawRow] = []
    for raw in rows:
        head.append(raw)
        if len(head) >= HEADER_SCAN:
            break
    layout = find_layout([(r.line, r.cells) for r in head if r.problem is None], merges, columns)
    if layout is None:
        found = "; ".join(echo(" ".join(cell_text(v) for v in r.cells if cell_text(v)), 60) for r in head[:3])
        raise TableError(
            message("reader.no_header", lang, path=summary.path, rows=HEADER_SCAN, what=what, found=found or "-")
        )
    summary.layout = layout
    if not layout.by_field("id"):
        header = ", ".join(c.header for c in layout.columns) or "-"
        example = next((c.header for c in layout.columns if c.how == "seq"), "STT")
        raise TableError(
            message("reader.no_id_column", lang, path=summary.path, what=what, header=header, example=example)
        )
    _column_remarks(layout, summary)
    for r, _ in layout.title_rows:
        summary.skip("title", r)
    if layout.numbering_row is not None:
        summary.skip("numbering", layout.numbering_row)
    builder = _RowBuilder(layout, summary, mapping=mapping, epoch=epoch, model_fields=model_fields)
    bottom = [cell_text(v) for v in next((r.cells for r in head if r.line == layout.header_rows[1]), ())]
    classifier = _Classifier(builder, bottom)
    fills = _fills(layout, merges, summary)
    carried: dict[CellRange, Any] = {}
    fill_tops = {(m.min_row, m.min_col - 1): m for m in set(fills.values())}
    width = builder.width

    def records(source: Iterator[RawRow]) -> Iterator[Record]:
        for raw in source:
            if raw.line < layout.data_start:
                continue
            if raw.problem is not None:
                yield from _broken(raw, layout, summary, delimiter)
                continue
            cells = list(raw.cells)
            if fills or fill_tops:
                for c in range(width):
                    top = fill_tops.get((raw.line, c))
                    if top is not None:
                        carried[top] = cells[c] if c < len(cells) else None
                    merge = fills.get((raw.line, c))
                    if merge is not None and (c >= len(cells) or cells[c] in (None, "")):
                        while len(cells) <= c:
                            cells.append(None)
                        cells[c] = carried.get(merge)
            texts = [cell_text(v) for v in cells]
            kind = classifier.kind(texts)
            if kind == "blank":
                continue
            if kind is not None:
                summary.skip(kind, raw.line)
                continue
            if delimiter is not None:
                swallowed = _swallowed(texts, delimiter, width)
                if swallowed == "rows":
                    yield from _broken(RawRow(raw.line, (), "runaway", raw.lines), layout, summary, delimiter)
                    continue
                if swallowed == "separators":
                    text = message(
                        "reader.swallowed_separators",
                        lang,
                        delimiter=delimiter,
                        cells=len(cells),
                        columns=width,
                        line=raw.line,
                    )
                    error = RowError(field=None, message=text, code="swallowed_separators")
                    yield Record(raw.line, None, (error,), _id_of(cells, layout))
                    continue
            problem = _oversize(texts, width, lang)
            if problem is not None:
                yield Record(raw.line, None, (problem,), _id_of(cells, layout))
                continue
            yield builder.build(raw.line, cells, texts)

    yield from records(iter(head))
    yield from records(rows)


def _id_of(cells: Sequence[Any], layout: Layout) -> str | None:
    for column in layout.by_field("id"):
        if column.index < len(cells) and (text := clean_text(cells[column.index])):
            return text[:200]
    return None


def _oversize(texts: Sequence[str], width: int, lang: str) -> RowError | None:
    """A row the reader rejects as a whole: too many cells, too long, bytes not in the file's encoding."""
    total = sum(map(len, texts))
    if len(texts) > MAX_ROW_CELLS or total > MAX_RECORD_CHARS:
        text = message(
            "reader.row_too_long",
            lang,
            length=f"{total:,}",
            cells=f"{len(texts):,}",
            limit=f"{MAX_RECORD_CHARS:,}",
            max_cells=f"{MAX_ROW_CELLS:,}",
        )
        return RowError(field=None, message=text, code="row_too_long")
    extra = [t for t in texts[width:] if t.strip()]
    if extra:
        text = message("reader.too_many_cells", lang, cells=len(texts), columns=width)
        return RowError(field=None, message=text, code="too_many_cells")
    joined = "\x1f".join(texts)
    if _UNDECODED.search(joined):
        bad = next(t for t in texts if _UNDECODED.search(t)).encode("utf-8", "surrogateescape")
        text = message("reader.bad_bytes", lang, encoding="utf-8", echo=echo(bad.decode("utf-8", "replace")))
        return RowError(field=None, message=text, code="bad_bytes")
    return None


_UNDECODED = re.compile("[\udc80-\udcff]")
"""Bytes the decoder could not read, kept as lone surrogates (``errors="surrogateescape"``)."""


def _broken(raw: RawRow, layout: Layout, summary: ReadingSummary, delimiter: str | None) -> Iterator[Record]:
    """The records of a CSV record that could not be split, one per physical line."""
    lang = summary.lang
    if raw.problem == "too_long":
        total = sum(len(t) for t in raw.lines)
        text = message(
            "reader.row_too_long",
            lang,
            length=f"{total:,}+",
            cells="?",
            limit=f"{MAX_RECORD_CHARS:,}",
            max_cells=f"{MAX_ROW_CELLS:,}",
        )
        yield Record(raw.line, None, (RowError(field=None, message=text, code="row_too_long"),))
        return
    end = raw.line + len(raw.lines) - 1
    text = message("reader.swallowed_rows", lang, start=raw.line, end=end)
    for offset, physical in enumerate(raw.lines):
        cells = physical.rstrip("\r\n").split(delimiter or ",")
        if offset and not any(c.strip().strip('"').strip() for c in cells):
            continue  # a blank line swallowed with the others is no row, as anywhere else in the file
        error = RowError(field=None, message=text, code="swallowed_rows")
        yield Record(raw.line + offset, None, (error,), _id_of([c.strip('"') for c in cells], layout))


def _column_remarks(layout: Layout, summary: ReadingSummary) -> None:
    """Remarks on the columns: ignored, duplicated, recognised but not used, absent."""
    for column in layout.columns:
        target = column.target
        if column.how == "unknown" or column.how == "note":
            summary.remark("reader.ignored_column", column.header, column=column.letter, header=column.header)
        elif column.how == "duplicate" and target is not None:
            first = next(c for c in layout.columns if c.target == target and c.how != "duplicate")
            summary.remark(
                "reader.duplicate_column",
                column.header,
                column=column.letter,
                header=column.header,
                field=str(target),
                first=first.letter,
            )
    codes = layout.by_field("unit")
    for column in layout.by_field("unit_name"):
        if codes:
            summary.remark(
                "reader.unit_name_kept",
                column.header,
                column=column.letter,
                header=column.header,
                code_column=codes[0].letter,
            )
    fields = {c.target.field for c in layout.columns if c.target is not None}
    if "full_name" not in fields and fields & {"family_name", "given_name"}:
        fields.add("full_name")
    if any(c.target and c.target.field == "birth_date" and c.target.value for c in layout.columns):
        fields.add("gender")  # the birth date is written in the column of the person's gender
    for name in ("gender", "birth_date", "title", "unit", "recruited_on"):
        if name not in fields:
            summary.remark("reader.absent_column", name, field=name)
    if not fields & set(KINDS):
        summary.remark("reader.absent_qualifications", "qualifications")
    genders = [c for c in layout.columns if c.target and c.target.field == "gender" and c.target.value]
    if len(genders) == 1 and "gender" not in {
        c.target.field for c in layout.columns if c.target and not c.target.value
    }:
        value = genders[0].target.value if genders[0].target else "male"
        other = message("reader.label.female" if value == "male" else "reader.label.male", summary.lang)
        summary.remark(
            "reader.single_gender_column",
            "gender",
            column=genders[0].letter,
            header=genders[0].header,
            other=other,
        )
