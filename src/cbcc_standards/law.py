"""Legal bases, their confidence, and validity windows."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator

from .dates import fmt_date

__all__ = ["Confidence", "LegalBasis", "Period"]


class Confidence(StrEnum):
    """How well a legal fact is established (legal-sources.md): [H] settled, [M] secondary, [L] provisional."""

    SETTLED = "settled"
    SECONDARY = "secondary"
    PROVISIONAL = "provisional"

    @property
    def mark(self) -> str:
        """The mark used in legal-sources.md: ``H``, ``M`` or ``L``."""
        return {"settled": "H", "secondary": "M", "provisional": "L"}[self.value]


class Period(BaseModel):
    """A validity window, both ends inclusive; ``None`` means open on that side."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: date | None = None
    end: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self

    def contains(self, day: date) -> bool:
        """True when ``day`` lies in the window."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def within(self, other: Period) -> bool:
        """True when this window lies entirely inside ``other``."""
        starts_ok = other.start is None or (self.start is not None and self.start >= other.start)
        ends_ok = other.end is None or (self.end is not None and self.end <= other.end)
        return starts_ok and ends_ok

    def __str__(self) -> str:
        start = fmt_date(self.start) if self.start else "…"
        end = fmt_date(self.end) if self.end else "…"
        return f"{start} – {end}"


class LegalBasis(BaseModel):
    """Where a rule comes from: document, article / clause / point, dates, and how sure we are of it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    """Document number and type, e.g. ``"Nghị định 33/2023/NĐ-CP"``."""
    issuer: str | None = None
    article: str | None = None
    clause: str | None = None
    point: str | None = None
    signed: date | None = None
    effective: Period = Period()
    url: str | None = None
    confidence: Confidence = Confidence.SETTLED
    note: str | None = None
    """Why the confidence is what it is, or what is still to be checked."""

    @property
    def citation(self) -> str:
        """A short citation: ``"Nghị định 33/2023/NĐ-CP, Điều 10 khoản 2"``."""
        parts = [self.document]
        where = " ".join(
            p
            for p in (
                f"Điều {self.article}" if self.article else "",
                f"khoản {self.clause}" if self.clause else "",
                f"điểm {self.point}" if self.point else "",
            )
            if p
        )
        if where:
            parts.append(where)
        return ", ".join(parts)

    @property
    def provisional(self) -> bool:
        """True when the fact is unconfirmed ([L])."""
        return self.confidence is Confidence.PROVISIONAL
