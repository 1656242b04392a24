"""A JSON Lines row read but not yet decoded: what the reading process of a parallel review hands to a worker
(kept apart from the reading modules, which the engine does not import)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..results import Rejected

__all__ = ["PendingRow"]


@dataclass(slots=True)
class PendingRow:
    """A JSON Lines row read but left to decode and clean where it is assessed (a worker of a parallel review): its
    record number, its line, its text (or its value, where the reader had to decode it to know its id) and the length
    of the text, the id the duplicate check reads (:func:`~cbcc_standards.reading.jsonrows.legible_id`; None for a
    value, whose id is read from it) and, when the row is rejected whatever it holds (a duplicate id, an over-long
    value), its rejection."""

    number: int
    line: int
    data: str | dict[str, Any]
    size: int
    id: str | None = None
    verdict: Rejected | None = None
