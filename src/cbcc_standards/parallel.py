"""Roster reviews over a pool of processes: ``check --jobs N`` and ``Engine.evaluate_roster(..., workers=N)``.

The calling process reads the rows and screens them (row numbers, the duplicate-id check over the whole roster:
:func:`~cbcc_standards.engine.screen_roster`); the pool validates and assesses them in chunks, each worker with its own
engine; the results come back in the order of the rows, so a report is the same, byte for byte, whatever the number
of processes. At most ``2 × workers`` chunks are in flight: memory stays flat in the size of the roster.

A worker gets its engine by inheritance where the platform forks (Linux: the engine the caller built, with every
plugin it registered, handed to the forked worker without pickling, copied on write; several reviews may run at
once in threads), else it rebuilds it from an :class:`EngineSpec` (the plugins allow-list,
strictness, province and units). A worker that dies fails the run with :class:`WorkerError`; an error raised by a
rule under ``strict`` reaches the caller as with one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from .reading.jsonrows import RowSettings, open_pending
from .reading.pending import PendingRow
from .reading.summary import ReadingSummary
from .results import Assessment, Finding, Rejected

if TYPE_CHECKING:
    from .engine import Engine, RosterObserver
    from .io import DeferredRows
    from .officials import Official
    from .units import AdministrativeUnit

__all__ = ["AUTO_JOBS_BYTES", "DEFAULT_CHUNK", "EngineSpec", "WorkerError", "auto_jobs", "available_cores"]

DEFAULT_CHUNK = 1000
"""Rows per chunk sent to a worker."""

AUTO_JOBS_BYTES = 8 * 1024 * 1024
"""Inputs at least this large (8 MiB, about 10,000 officials in JSON Lines, 30,000 in CSV) are reviewed with every
core by default (``check --jobs auto``); smaller ones in one process, where starting a pool costs more than it
saves."""


class WorkerError(RuntimeError):
    """A worker process of the pool died (killed, out of memory): the run fails, no report is written."""


@dataclass(frozen=True)
class EngineSpec:
    """How a worker that cannot inherit the caller's engine (no ``fork``) builds its own: the registry's plugins
    allow-list (None: all installed) and strictness, the province and the user's units."""

    plugins: tuple[str, ...] | None = None
    strict: bool = False
    province: str | None = None
    units: tuple[AdministrativeUnit, ...] | None = None
    load_entry_points: bool = True

    def build(self) -> Engine:
        """The engine these settings describe."""
        from .engine import Engine
        from .plugins import load_registry

        registry = load_registry(allow=self.plugins, strict=self.strict, load_entry_points=self.load_entry_points)
        return Engine(registry, province=self.province, units=self.units or None, strict=self.strict)


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def auto_jobs(size: int | None) -> int:
    """The default number of processes for an input of ``size`` bytes (see :data:`AUTO_JOBS_BYTES`)."""
    return available_cores() if size is not None and size >= AUTO_JOBS_BYTES else 1


def _set_findings(item: Assessment, findings: tuple[Finding, ...]) -> None:
    """Give an assessment just built (or just received) equal findings shared with others: it is frozen for its
    users, not yet for its maker (``dataclasses.replace`` would cost more than the review of the row)."""
    object.__setattr__(item, "findings", findings)


# -- the worker side ------------------------------------------------------------------------------------------

_engine: Engine | None = None
"""The engine of this worker."""

_observers: tuple[RosterObserver, ...] = ()
"""The caller's observers, empty: each chunk is counted by spawns of them."""


def _init_worker(source: Engine | EngineSpec, observers: tuple[RosterObserver, ...] = ()) -> None:
    """A worker's start: the caller's engine itself where the pool forks (a forked process gets its initializer's
    arguments without pickling: nothing is copied but on write), else the settings to build one."""
    global _engine, _observers
    _engine = source.build() if isinstance(source, EngineSpec) else source
    _observers = observers
    gc.freeze()  # what the worker inherited or built lives as long as it: not scanned by the collector again


_sent: dict[tuple[Any, ...], int] = {}
"""The findings this worker has sent, by value, with their number in its table (see :func:`_work`)."""

TABLE_LIMIT = 1 << 13
"""The most findings a worker's table holds: when it is full, the worker starts a new one (and says so)."""


@dataclass
class _Chunk:
    """What a worker sends back for a chunk: its items (an assessment's findings are numbers in the worker's table
    of findings, or a finding itself when it cannot be hashed), the findings new to the table, in order, whether the
    table was emptied first, the worker (whose table it is) and the counts of each observer."""

    items: list[Assessment | Rejected]
    new: list[Finding]
    fresh: bool
    worker: int
    counts: list[Any]
    reading: ReadingSummary | None = None
    """What cleaning the chunk's pending rows counted (None when nothing)."""


def _work(
    rows: list[tuple[int, Official | Mapping[str, Any] | PendingRow]], day: date, settings: RowSettings | None = None
) -> _Chunk:
    """Validate, count and assess one chunk. A finding goes to the caller once per worker (a roster repeats a few
    thousand findings over millions of officials): the worker numbers the findings it sends, the caller keeps a
    table of each worker's, and an assessment carries the numbers. A worker handles its chunks in the order they
    were submitted, and the caller reads them in that order: both tables grow alike."""
    engine = _engine
    if engine is None:  # pragma: no cover - a pool always has its engine
        raise RuntimeError("worker without an engine")
    from .report.formats._fastjson import finding_key

    fresh = len(_sent) >= TABLE_LIMIT
    if fresh:
        _sent.clear()
    observers = tuple(o.spawn() for o in _observers)
    reading = settings.summary() if settings is not None else None
    new: list[Finding] = []
    out: list[Assessment | Rejected] = []
    for number, row in rows:
        item: Assessment | Rejected
        if isinstance(row, PendingRow):  # decoded and cleaned here (see cbcc_standards.io.DeferredRows)
            if settings is None or reading is None:  # pragma: no cover - pending rows come with their settings
                raise RuntimeError("pending rows without their reading settings")
            opened = open_pending(row, settings, reading)
            if isinstance(opened, Rejected):
                out.append(opened)
                continue
            if row.verdict is not None:  # decoded and cleaned for the reading's account only
                out.append(row.verdict)
                continue
            item = engine._evaluate_row(number, opened, day, observers)
        else:
            item = engine._evaluate_row(number, row, day, observers)
        if isinstance(item, Assessment) and item.findings:
            refs: list[Any] = []
            for f in item.findings:
                try:
                    key = finding_key(f)
                    ref = _sent.get(key)
                except TypeError:  # a plugin's finding that cannot be hashed goes as it is
                    refs.append(f)
                    continue
                if ref is None:
                    ref = _sent[key] = len(_sent)
                    new.append(f)
                refs.append(ref)
            _set_findings(item, tuple(refs))
        out.append(item)
    counted = reading if reading is not None and reading.counted else None
    return _Chunk(out, new, fresh, os.getpid(), [o.counts() for o in observers], counted)


# -- the calling side -----------------------------------------------------------------------------------------


def _context(engine: Engine, spec: EngineSpec | None) -> tuple[Any, Engine | EngineSpec]:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork"), engine
    if spec is None:  # pragma: no cover - platforms without fork
        raise ValueError("workers > 1 needs an EngineSpec where processes cannot fork")
    return multiprocessing.get_context("spawn"), spec  # pragma: no cover


def evaluate_parallel(
    engine: Engine,
    rows: Iterable[Official | Mapping[str, Any] | Rejected],
    *,
    as_of: date,
    workers: int,
    chunk_size: int | None = None,
    spec: EngineSpec | None = None,
    observers: Sequence[RosterObserver] = (),
) -> Iterator[Assessment | Rejected]:
    """What ``engine.evaluate_roster(rows, as_of=as_of, observers=observers)`` gives, computed by ``workers``
    processes (see the module). ``spec`` rebuilds the engine in workers that cannot inherit it."""
    from .engine import screen_roster
    from .io import RosterFile

    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    size = chunk_size or DEFAULT_CHUNK
    if size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {size}")
    deferred = rows.deferred() if isinstance(rows, RosterFile) else None
    if deferred is not None:  # a JSON Lines file: the workers decode and clean its rows
        return _run(engine, screen_roster(deferred), as_of, workers, size, spec, tuple(observers), deferred)
    return _run(engine, screen_roster(rows), as_of, workers, size, spec, tuple(observers))


def _chunks(screened: Iterable[tuple[int, Any]], size: int) -> Iterator[tuple[list[Any], list[tuple[int, Any]]]]:
    """Chunks of screened rows: every row (a final :class:`Rejected`, or None where a worker's result goes) and
    the rows to send."""
    slots: list[Any] = []
    todo: list[tuple[int, Any]] = []
    for number, row in screened:
        if isinstance(row, Rejected):
            slots.append(row)
        else:
            slots.append(None)
            todo.append((number, row))
            if len(todo) >= size:
                yield slots, todo
                slots, todo = [], []
    if slots:
        yield slots, todo


def _run(
    engine: Engine,
    screened: Iterable[tuple[int, Any]],
    day: date,
    workers: int,
    size: int,
    spec: EngineSpec | None,
    observers: tuple[RosterObserver, ...],
    deferred: DeferredRows | None = None,
) -> Iterator[Assessment | Rejected]:
    context, initial = _context(engine, spec)
    canon = _Canon(observers, deferred)
    settings = deferred.settings if deferred is not None else None
    pending: deque[tuple[list[Any], Future[_Chunk] | None]] = deque()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(initial, observers)
        ) as pool:
            try:
                for slots, todo in _chunks(screened, size):
                    pending.append((slots, pool.submit(_work, todo, day, settings) if todo else None))
                    if len(pending) >= 2 * workers:
                        yield from _merge(*pending.popleft(), canon)
                while pending:
                    yield from _merge(*pending.popleft(), canon)
                if deferred is not None:
                    deferred.finish()
            except BaseException:
                for _, future in pending:
                    if future is not None:
                        future.cancel()
                raise
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process died ({exc}): no report was written") from None


class _Canon:
    """The calling side's copies of what workers send: each worker's table of findings (see :func:`_work`), each
    finding replaced by an equal one kept from an earlier chunk or another worker (its legal bases and requirement
    too), so that the renderers' caches hit and memory holds one copy of each."""

    LIMIT = 1 << 14

    def __init__(self, observers: tuple[RosterObserver, ...] = (), deferred: DeferredRows | None = None) -> None:
        self.observers = observers
        self.deferred = deferred
        self.parts: dict[Any, Any] = {}
        self.findings: dict[tuple[Any, ...], Finding] = {}
        self.tables: dict[int, list[Finding]] = {}

    def part(self, value: Any) -> Any:
        if value is None:
            return None
        try:
            found = self.parts.get(value)
        except TypeError:
            return value
        if found is None:
            if len(self.parts) >= self.LIMIT:
                self.parts.clear()
            found = self.parts[value] = value
        return found

    def finding(self, f: Finding) -> Finding:
        """The canonical copy of a finding received."""
        from .report.formats._fastjson import finding_key

        try:
            copy = replace(f, basis=tuple(map(self.part, f.basis)), required=self.part(f.required))
            key = finding_key(copy)
            canonical = self.findings.get(key)
        except TypeError:  # pragma: no cover - a worker sends those inline
            return f
        if canonical is None:
            if len(self.findings) >= self.LIMIT:
                self.findings.clear()
            canonical = self.findings[key] = copy
        return canonical

    def chunk(self, chunk: _Chunk) -> list[Assessment | Rejected]:
        """The items of a chunk, their findings numbers replaced by the findings of the worker's table."""
        table = self.tables.setdefault(chunk.worker, [])
        if chunk.fresh:
            table.clear()
        table.extend(map(self.finding, chunk.new))
        for item in chunk.items:
            if isinstance(item, Assessment) and item.findings:
                refs: tuple[Any, ...] = item.findings
                _set_findings(item, tuple(table[r] if r.__class__ is int else r for r in refs))
        return chunk.items


def _merge(slots: list[Any], future: Future[_Chunk] | None, canon: _Canon) -> Iterator[Assessment | Rejected]:
    items: list[Assessment | Rejected] = []
    if future is not None:
        chunk = future.result()
        for observer, counted in zip(canon.observers, chunk.counts, strict=True):
            observer.absorb(counted)
        if chunk.reading is not None and canon.deferred is not None:
            canon.deferred.absorb(chunk.reading)
        items = canon.chunk(chunk)
    results = iter(items)
    for slot in slots:
        yield next(results) if slot is None else slot
