"""A list that spills to disk: the officials to act on of a national roster, kept for the text, HTML and Excel
reports (which list them after the summary), without holding them all in memory."""

from __future__ import annotations

import pickle
import tempfile
import weakref
from array import array
from collections.abc import Iterator, Sequence
from typing import IO, TypeVar, overload

__all__ = ["SPILL_AFTER", "Spill"]

T = TypeVar("T")

_WINDOW = 1 << 20

SPILL_AFTER = 10_000
"""Items a :class:`Spill` keeps in memory; the next ones go to a temporary file."""


class Spill(Sequence[T]):
    """An append-only sequence: the first ``limit`` items in memory, the others pickled one by one to an anonymous
    temporary file (deleted when closed or collected). Iterable any number of times, indexable; equal to a list
    with the same items."""

    def __init__(self, limit: int = SPILL_AFTER) -> None:
        self.limit = limit
        self._head: list[T] = []
        self._file: IO[bytes] | None = None
        self._offsets = array("q")
        self._end = 0

    def append(self, item: T) -> None:
        """Add ``item`` at the end."""
        if len(self._head) < self.limit:
            self._head.append(item)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="cbcc-spill-")  # noqa: SIM115 - kept open while in use
            self._closer = weakref.finalize(self, self._file.close)
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._head) + len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if index < len(self._head):
            return self._head[index]
        spilled = index - len(self._head)
        if not 0 <= spilled < len(self._offsets) or self._file is None:
            raise IndexError("Spill index out of range")
        start = self._offsets[spilled]
        stop = self._offsets[spilled + 1] if spilled + 1 < len(self._offsets) else self._end
        self._file.seek(start)
        item: T = pickle.loads(self._file.read(stop - start))
        return item

    def __iter__(self) -> Iterator[T]:
        yield from self._head
        if self._file is None:
            return
        offsets, end, count, i = self._offsets, self._end, len(self._offsets), 0
        while i < count:  # a window of about 1 MiB of records at a time
            first = offsets[i]
            j = i + 1
            while j < count and offsets[j] - first < _WINDOW:
                j += 1
            stop = offsets[j] if j < count else end
            self._file.seek(first)
            window = self._file.read(stop - first)
            for k in range(i, j):
                next_start = offsets[k + 1] if k + 1 < count else end
                yield pickle.loads(window[offsets[k] - first : next_start - first])
            i = j

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

    def __repr__(self) -> str:
        return f"Spill({len(self)} items, {len(self._offsets)} on disk)"
