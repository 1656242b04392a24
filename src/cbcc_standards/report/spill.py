"""A list that spills to disk: the officials to act on of a national roster, kept for the text, HTML and Excel
reports (which list them after the summary), without holding them all in memory."""

from __future__ import annotations

import heapq
import pickle
import tempfile
import weakref
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, Generic, TypeVar, overload

__all__ = ["BATCH", "MAX_RUNS", "SPILL_AFTER", "SortingSpill", "Spill"]

T = TypeVar("T")

BATCH = 256
"""Items pickled together past the first ``limit``."""

SPILL_AFTER = 10_000
"""Items a :class:`Spill` keeps in memory; the next ones go to a temporary file."""

MAX_RUNS = 32
"""Sorted runs a :class:`SortingSpill` keeps on disk before it merges them into one (each run is a temporary file)."""


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


class SortingSpill(Generic[T]):
    """Items added in any order and given back sorted by ``key`` (stable: items with equal keys in the order they
    were added), without holding them all in memory: an external merge sort. Each ``limit`` items added
    (:data:`SPILL_AFTER` by default) are sorted and written as a run (a :class:`Spill` with nothing kept in memory);
    :meth:`sorted` merges the runs and the items not yet written. While fewer than ``limit`` items were added,
    nothing touches the disk and :meth:`sorted` is a plain sorted list. Past :data:`MAX_RUNS` runs, they are merged
    into one (so at most that many files are open)."""

    def __init__(self, key: Callable[[T], Any], limit: int | None = None) -> None:
        limit = SPILL_AFTER if limit is None else limit
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        self.key = key
        self.limit = limit
        self._buffer: list[T] = []
        self._runs: list[Spill[T]] = []
        self._count = 0

    def append(self, item: T) -> None:
        """Add ``item``."""
        self._buffer.append(item)
        self._count += 1
        if len(self._buffer) >= self.limit:
            self._buffer.sort(key=self.key)
            self._runs.append(_written(self._buffer))
            self._buffer = []
            if len(self._runs) >= MAX_RUNS:
                merged = _written(heapq.merge(*self._runs, key=self.key))
                for run in self._runs:
                    run.close()
                self._runs = [merged]

    def extend(self, items: Iterable[T]) -> None:
        """Add each of ``items``."""
        for item in items:
            self.append(item)

    def __len__(self) -> int:
        return self._count

    def sorted(self, then: Callable[[T], T] | None = None) -> Sequence[T]:
        """The items added so far, sorted (each passed through ``then`` when given): a list while no run was
        written, else a :class:`Spill`. The spill may go on taking items after."""
        tail = sorted(self._buffer, key=self.key)
        merged: Iterable[T] = heapq.merge(*self._runs, tail, key=self.key) if self._runs else tail
        if then is not None:
            merged = map(then, merged)
        if not self._runs:
            return list(merged)
        out: Spill[T] = Spill()
        for item in merged:
            out.append(item)
        return out

    def close(self) -> None:
        """Delete the runs' temporary files and forget the items."""
        for run in self._runs:
            run.close()
        self._runs, self._buffer, self._count = [], [], 0

    def __repr__(self) -> str:
        return f"SortingSpill({self._count} items, {len(self._runs)} runs on disk)"


def _written(items: Iterable[T]) -> Spill[T]:
    """A spill of ``items`` that keeps none of them in memory (but the last batch, fewer than :data:`BATCH`)."""
    run: Spill[T] = Spill(limit=0)
    for item in items:
        run.append(item)
    return run
