"""A list that spills to disk: the officials to act on of a national roster, kept for the text, HTML and Excel
reports (which list them after the summary), without holding them all in memory."""

from __future__ import annotations

import pickle
import tempfile
import weakref
from array import array
from collections.abc import Iterator, Sequence
from typing import IO, TypeVar, overload

__all__ = ["BATCH", "SPILL_AFTER", "Spill"]

T = TypeVar("T")

BATCH = 256
"""Items pickled together past the first ``limit``."""

SPILL_AFTER = 10_000
"""Items a :class:`Spill` keeps in memory; the next ones go to a temporary file."""


class Spill(Sequence[T]):
    """An append-only sequence: the first ``limit`` items in memory, the others pickled to an anonymous temporary file
    (deleted when closed or collected) in batches of :data:`BATCH` (what a batch's items share, the same findings and
    legal bases, is written once). Iterable any number of times, indexable; equal to a list with the same items."""

    def __init__(self, limit: int = SPILL_AFTER) -> None:
        self.limit = limit
        self._head: list[T] = []
        self._file: IO[bytes] | None = None
        self._offsets = array("q")
        """Where each batch written starts in the file."""
        self._end = 0
        self._pending: list[T] = []
        """Items past the head not yet written (fewer than a batch)."""
        self._loaded: tuple[int, list[T]] = (-1, [])
        """The batch last read back (its number and items)."""

    def append(self, item: T) -> None:
        """Add ``item`` at the end."""
        if len(self._head) < self.limit:
            self._head.append(item)
            return
        self._pending.append(item)
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="cbcc-spill-")  # noqa: SIM115 - kept open while in use
            self._closer = weakref.finalize(self, self._file.close)
        data = pickle.dumps(self._pending, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)
        self._pending = []

    def _batch(self, number: int) -> list[T]:
        if self._loaded[0] == number:
            return self._loaded[1]
        if self._file is None:  # pragma: no cover - a batch number comes from the offsets
            raise IndexError("Spill index out of range")
        start = self._offsets[number]
        stop = self._offsets[number + 1] if number + 1 < len(self._offsets) else self._end
        self._file.seek(start)
        items: list[T] = pickle.loads(self._file.read(stop - start))
        self._loaded = (number, items)
        return items

    def __len__(self) -> int:
        return len(self._head) + BATCH * len(self._offsets) + len(self._pending)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if 0 <= index < len(self._head):
            return self._head[index]
        spilled = index - len(self._head)
        if not 0 <= spilled < len(self) - len(self._head):
            raise IndexError("Spill index out of range")
        number, at = divmod(spilled, BATCH)
        if number == len(self._offsets):
            return self._pending[at]
        return self._batch(number)[at]

    def __iter__(self) -> Iterator[T]:
        yield from self._head
        for number in range(len(self._offsets)):
            yield from self._batch(number)
        yield from self._pending

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spill | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def close(self) -> None:
        """Delete the temporary file (the spilled items are gone)."""
        if self._file is not None:
            self._closer()
            self._file = None
        self._offsets = array("q")
        self._end = 0
        self._pending = []
        self._loaded = (-1, [])

    def __repr__(self) -> str:
        return f"Spill({len(self)} items, {len(self) - len(self._head)} past the first {self.limit})"
