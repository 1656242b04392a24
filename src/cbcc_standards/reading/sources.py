"""Where table rows come from: CSV files (encoding and separator found out, physical lines tracked) and Excel sheets
(the sheet chosen, merged ranges read), both as ``(row number, cells)`` with the row numbers Excel shows."""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from .._text import slugify
from .messages import WordedError, message

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_RECORD_CHARS",
    "MAX_ROW_CELLS",
    "CellRange",
    "CsvSource",
    "Decoded",
    "Scan",
    "SourceError",
    "XlsxSource",
    "column_letter",
    "decide_encoding",
    "scan_file",
]

MAX_CELL_CHARS = 32_767
"""The longest cell Excel can hold; a longer cell did not come from a spreadsheet and rejects its row."""
MAX_RECORD_CHARS = 1 << 20
"""The longest record (a CSV record, a JSON Lines line, a JSON list element) read; longer ones reject their row."""
MAX_RECORD_LINES = 5_000
"""Physical lines a CSV record may span before its opening quote is taken as never closed."""
MAX_ROW_CELLS = 16_384
"""Excel's column limit: a row with more cells rejects its row."""

_CHUNK = 1 << 16


class SourceError(WordedError):
    """A file that cannot be read at all; the message is one line (:meth:`~WordedError.message` in the reader's
    language)."""


def column_letter(index: int) -> str:
    """Excel's letter for a 0-based column index: 0 → ``A``, 26 → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class CellRange:
    """A merged range, 1-based and inclusive, as Excel names it (``B3:D3``)."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int

    @property
    def ref(self) -> str:
        return f"{column_letter(self.min_col - 1)}{self.min_row}:{column_letter(self.max_col - 1)}{self.max_row}"

    @classmethod
    def parse(cls, ref: str) -> CellRange:
        start, _, end = ref.partition(":")
        a, b = _cell_ref(start), _cell_ref(end or start)
        return cls(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def _cell_ref(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref)
    if m is None:
        raise ValueError(ref)
    col = 0
    for ch in m[1]:
        col = col * 26 + ord(ch) - 64
    return int(m[2]), col


# -- encodings ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decoded:
    """How a text file is to be decoded: ``encoding``, the BOM length to skip, and how it was decided."""

    encoding: str
    bom: int
    how: str
    """``bom``, ``utf-8``, ``utf-8 (some rows not)``, ``given``, ``detected``."""


_VIETNAMESE = frozenset(
    unicodedata.normalize("NFC", base + mark)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
) | frozenset("đĐ")
_CP1258_SPECIFIC = frozenset("ăĂơƠưƯđĐ\u0300\u0301\u0309\u0303\u0323")


def _looks_vietnamese(text: str) -> bool:
    """True when a text decoded as Windows-1258 reads as Vietnamese: its non-ASCII letters are (nearly all)
    Vietnamese letters, some of them letters only Windows-1258 has."""
    if not _CP1258_SPECIFIC.intersection(text):
        return False
    composed = unicodedata.normalize("NFC", text)
    foreign = [c for c in composed if ord(c) > 127 and c not in _VIETNAMESE]
    letters = sum(1 for c in composed if ord(c) > 127)
    return letters > 0 and len(foreign) <= letters // 50


@dataclass(frozen=True, slots=True)
class Scan:
    """What one pass over a file's bytes found: its SHA-256, size, first bytes, and where UTF-8 decoding first fails
    (``bad_at``: a byte offset, ``size`` for a character cut off at the end; None for valid UTF-8)."""

    sha256: str
    size: int
    head: bytes
    bad_at: int | None


def scan_file(path: Path) -> Scan:
    """Read a file once: hash it, keep its first bytes, find where it stops being UTF-8. Raises
    :class:`SourceError` for a missing file, a directory or an empty file."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    head = b""
    size = 0
    bad_at: int | None = None
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
                if len(head) < 4:
                    head += chunk[: 4 - len(head)]
                if bad_at is None:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as exc:
                        bad_at = size + exc.start
                size += len(chunk)
        if bad_at is None:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                bad_at = size
    except FileNotFoundError:
        raise SourceError.of("reader.no_such_file", path=str(path)) from None
    except IsADirectoryError:
        raise SourceError.of("reader.is_directory", path=str(path)) from None
    if size == 0:
        raise SourceError.of("reader.empty_file", path=str(path))
    return Scan(digest.hexdigest(), size, head, bad_at)


def decide_encoding(path: Path, given: str | None, lang: str) -> tuple[Decoded, str]:
    """The encoding of a text file and its SHA-256, reading it once (and a second time only when it is not UTF-8).

    A BOM decides (UTF-8, UTF-16); then strict UTF-8; then ``given`` (``--encoding``); then Windows-1258 when the text
    reads as Vietnamese with confidence; a UTF-8 file with a few bad rows is read as UTF-8 and those rows rejected.
    Raises :class:`SourceError` otherwise, saying how to save the file as "CSV UTF-8".
    """
    scan = scan_file(path)
    sha = scan.sha256
    if scan.head.startswith(codecs.BOM_UTF8):
        return Decoded("utf-8", 3, "bom"), sha
    if scan.head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded("utf-16", 0, "bom"), sha  # the utf-16 codec reads and drops its BOM
    if scan.bad_at is None:
        return Decoded("utf-8", 0, "utf-8"), sha
    if given is not None:
        try:
            name = codecs.lookup(given).name
        except LookupError:
            raise SourceError(message("reader.unknown_encoding", lang, path=path, encoding=given)) from None
        return Decoded(name, 0, "given"), sha
    data = path.read_bytes()
    if _mostly_utf8(data):
        return Decoded("utf-8", 0, "utf-8 (some rows not)"), sha
    if _looks_vietnamese(data.decode("cp1258", errors="replace")):
        return Decoded("cp1258", 0, "detected"), sha
    raise SourceError(message("reader.not_utf8", lang, path=path, offset=scan.bad_at))


def _mostly_utf8(data: bytes) -> bool:
    """True for UTF-8 text with a few lines that are not: some lines hold valid multi-byte characters, and the bad
    lines are at most a tenth of the lines that hold non-ASCII bytes."""
    good = bad = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
        else:
            good += 1
    return good > 0 and bad * 10 <= good + bad


# -- CSV ---------------------------------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t", "|")


def _sniff(sample: list[str]) -> str:
    """The separator that splits the sample's lines into the same number (≥ 2) of cells most often."""
    best, best_score = ",", -1.0
    for delimiter in _DELIMITERS:
        widths: dict[int, int] = {}
        try:
            for cells in csv.reader(sample, delimiter=delimiter):
                if any(c.strip() for c in cells):
                    widths[len(cells)] = widths.get(len(cells), 0) + 1
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
        if width < 2:
            continue
        score = count / sum(widths.values()) + width / 1000
        if score > best_score:
            best, best_score = delimiter, score
    return best


class _RunawayError(Exception):
    """A CSV record past :data:`MAX_RECORD_LINES` lines or :data:`MAX_RECORD_CHARS` characters."""


class _Lines:
    """The physical lines of a CSV file, fed to ``csv.reader`` one at a time, remembering those of the record being
    read."""

    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        self.number = 0
        self.pending: list[str] = []
        self.chars = 0
        self.overlong = False
        self.ended = False
        """The file has no more lines: a record read now may have been cut by the end of the file."""

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        text = self.fh.readline(MAX_RECORD_CHARS + 1)
        if not text:
            self.ended = True
            raise StopIteration
        self.number += 1
        if len(text) > MAX_RECORD_CHARS and not text.endswith(("\n", "\r")):
            while (more := self.fh.readline(_CHUNK)) and not more.endswith(("\n", "\r")):
                pass  # the rest of an over-long line is dropped; its start is kept for the message
            self.overlong = True
            text = text[:MAX_RECORD_CHARS]
        self.pending.append(text)
        self.chars += len(text)
        if self.overlong or len(self.pending) > MAX_RECORD_LINES or self.chars > MAX_RECORD_CHARS:
            raise _RunawayError
        return text

    def take(self) -> tuple[int, list[str]]:
        """The first line number and the lines of the record just read; starts the next record."""
        lines, self.pending, self.chars, self.overlong = self.pending, [], 0, False
        return self.number - len(lines) + 1, lines


@dataclass
class CsvRecord:
    """One CSV record: its first physical line, the lines it spans, and its cells (None when unreadable)."""

    line: int
    lines: list[str]
    cells: list[str] | None
    problem: str | None = None
    """``runaway`` (a quote never closed within the limits) or ``too_long``."""


@dataclass
class CsvSource:
    """A CSV file read as records with their line numbers; ``encoding`` and ``delimiter`` found out."""

    path: Path
    decoded: Decoded
    sha256: str
    delimiter: str = ","
    skip_first: bool = False
    """An Excel ``sep=;`` line was found and is not a row."""
    notes: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, path: Path, *, encoding: str | None, lang: str) -> CsvSource:
        decoded, sha = decide_encoding(path, encoding, lang)
        source = cls(path, decoded, sha)
        with source._text() as fh:
            sample = [line for _, line in zip(range(50), fh, strict=False)]
        first = sample[0].strip().lower() if sample else ""
        if m := re.fullmatch(r"sep=(.)", first):
            source.delimiter, source.skip_first = m[1], True
        else:
            source.delimiter = _sniff(sample)
        field_limit = 2 * MAX_RECORD_CHARS
        if csv.field_size_limit() < field_limit:
            csv.field_size_limit(field_limit)  # our own limits apply first (MAX_RECORD_CHARS)
        return source

    def _text(self) -> TextIO:
        fh = self.path.open(encoding=self.decoded.encoding, errors="surrogateescape", newline="")
        if self.decoded.bom:
            fh.read(1)  # the BOM, one character
        return fh

    def records(self) -> Iterator[CsvRecord]:
        """Records with the physical line each starts on; a record whose quote runs away is given with its lines and
        no cells, and reading goes on after it."""
        with self._text() as fh:
            lines = _Lines(fh)
            if self.skip_first:
                next(lines, None)
                lines.take()
            while True:
                reader = csv.reader(lines, delimiter=self.delimiter)
                try:
                    for cells in reader:
                        line, texts = lines.take()
                        if lines.ended and _unclosed(texts, self.delimiter):
                            yield CsvRecord(line, texts, None, "runaway")  # a quote the end of the file closed
                        else:
                            yield CsvRecord(line, texts, cells)
                    return
                except _RunawayError:
                    problem = "too_long" if lines.overlong else "runaway"
                    line, texts = lines.take()
                    yield CsvRecord(line, texts, None, problem)
                except csv.Error:  # pragma: no cover - the field limit is above our own record limit
                    line, texts = lines.take()
                    yield CsvRecord(line, texts, None, "too_long")


def _unclosed(lines: list[str], delimiter: str) -> bool:
    """True when the record's lines end inside a quoted cell (the quote never closed before the end of the file):
    ``csv.reader`` then gives what it read as one cell, swallowing the lines after the quote."""
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


# -- Excel ---------------------------------------------------------------------------------------------------------

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z$]+\d+(?::[A-Z$]+\d+)?)"')


def _merged_ranges(path: Path, member: str) -> list[CellRange]:
    """The merged ranges of a sheet, read from its XML in the workbook (openpyxl's read-only mode does not give
    them): the decompressed stream is scanned in chunks for ``<mergeCell ref="…">``."""
    ranges: list[CellRange] = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as fh:
            tail = b""
            while chunk := fh.read(_CHUNK):
                text = tail + chunk
                last = 0
                for m in _MERGE.finditer(text):
                    ranges.append(CellRange.parse(m[1].decode().replace("$", "")))
                    last = m.end()
                tail = text[max(last, len(text) - 200) :]
    except (KeyError, zipfile.BadZipFile, ValueError):
        return []
    return ranges


@dataclass
class XlsxSource:
    """One sheet of a workbook as rows of values, with its merged ranges."""

    path: Path
    sha256: str
    book: Any
    sheet: Any
    merges: list[CellRange]
    skipped: list[tuple[str, str]]
    """Sheets passed over to reach this one, with why (``hidden``, ``empty``)."""

    @property
    def name(self) -> str:
        return str(self.sheet.title)

    @property
    def epoch(self) -> datetime:
        return self.book.epoch  # type: ignore[no-any-return]

    @classmethod
    def open(cls, path: Path, openpyxl: Any, *, sheet: str | None, sha256: str, lang: str) -> XlsxSource:
        try:
            with warnings.catch_warnings():  # e.g. "no default style": nothing the user can act on
                warnings.simplefilter("ignore")
                book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise SourceError.of("reader.not_xlsx", path=str(path), detail=f"{type(exc).__name__}: {exc}") from None
        try:
            chosen, skipped = _choose_sheet(path, book, sheet, lang)
        except BaseException:
            book.close()
            raise
        chosen.reset_dimensions()  # read every row, whatever the sheet's stated dimension
        merges = _merged_ranges(path, chosen._worksheet_path)
        return cls(path, sha256, book, chosen, merges, skipped)

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        for number, row in enumerate(self.sheet.iter_rows(min_row=1, values_only=True), start=1):
            cells = list(row)
            while cells and (cells[-1] is None or (isinstance(cells[-1], str) and not cells[-1].strip())):
                cells.pop()
            yield number, cells

    def close(self) -> None:
        self.book.close()


def _has_data(sheet: Any) -> bool:
    sheet.reset_dimensions()
    for row in sheet.iter_rows(values_only=True):
        if any(v is not None and (not isinstance(v, str) or v.strip()) for v in row):
            return True
    return False


def _choose_sheet(path: Path, book: Any, name: str | None, lang: str) -> tuple[Any, list[tuple[str, str]]]:
    sheets = list(book.worksheets)
    titles = ", ".join(repr(s.title) for s in sheets) or "-"
    if name is not None:
        for match in (
            lambda s: s.title == name,
            lambda s: slugify(s.title) == slugify(name),
        ):
            found = [s for s in sheets if match(s)]
            if found:
                return found[0], []
        if name.isdigit() and 1 <= int(name) <= len(sheets):
            return sheets[int(name) - 1], []
        raise SourceError(message("reader.no_sheet", lang, path=path, sheet=name, sheets=titles))
    skipped: list[tuple[str, str]] = []
    for sheet in sheets:
        if sheet.sheet_state != "visible":
            skipped.append((sheet.title, "hidden"))
        elif not _has_data(sheet):
            skipped.append((sheet.title, "empty"))
        else:
            return sheet, skipped
    if not sheets:
        raise SourceError.of("reader.no_sheets", path=str(path))
    if all(why == "empty" for _, why in skipped):
        raise SourceError.of("reader.all_sheets_empty", path=str(path))
    raise SourceError(message("reader.empty_workbook", lang, path=path, sheets=titles))
