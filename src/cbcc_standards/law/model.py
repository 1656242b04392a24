"""Legal bases, their confidence, validity windows and named regimes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..dates import day_after, day_before, fmt_date
from ..i18n import Text

__all__ = ["Confidence", "LegalBasis", "Period", "Regime", "weakest"]


class Confidence(StrEnum):
    """How well a legal fact is established (legal-sources.md): [H] settled, [M] secondary, [L] provisional."""

    SETTLED = "settled"
    SECONDARY = "secondary"
    PROVISIONAL = "provisional"

    @property
    def mark(self) -> str:
        """The mark used in legal-sources.md: ``H``, ``M`` or ``L``."""
        return _MARKS[self]


_MARKS = {Confidence.SETTLED: "H", Confidence.SECONDARY: "M", Confidence.PROVISIONAL: "L"}
_ORDER = (Confidence.SETTLED, Confidence.SECONDARY, Confidence.PROVISIONAL)


def weakest(confidences: Iterable[Confidence]) -> Confidence:
    """The weakest of some confidences (settled when there are none)."""
    return max(confidences, key=_ORDER.index, default=Confidence.SETTLED)


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

    def overlaps(self, other: Period) -> bool:
        """True when the two windows share at least one day."""
        return (self.end is None or other.start is None or other.start <= self.end) and (
            other.end is None or self.start is None or self.start <= other.end
        )

    def until_before(self, other: Period) -> Period:
        """This window, ended the day before ``other`` starts (``other`` must have a start)."""
        if other.start is None:
            raise ValueError("until_before needs a window with a start")
        return Period(start=self.start, end=day_before(other.start))

    def from_(self, start: date) -> Period:
        """This window, starting at ``start`` instead."""
        return Period(start=start, end=self.end)

    @staticmethod
    def covered(window: Period, parts: Iterable[Period]) -> bool:
        """True when every day of ``window`` lies in at least one of ``parts``."""
        return not Period.gaps(window, parts)

    @staticmethod
    def gaps(window: Period, parts: Iterable[Period]) -> list[Period]:
        """The days of ``window`` that lie in none of ``parts``, as windows (empty when it is covered)."""
        ordered = sorted(parts, key=lambda p: (p.start is not None, p.start or date.min))
        holes: list[Period] = []
        cursor = window.start  # the first day not yet covered (None: the open past)
        reached_end = False
        for part in ordered:
            if window.end is not None and part.start is not None and part.start > window.end:
                break
            if part.start is not None and (cursor is None or part.start > cursor):
                holes.append(Period(start=cursor, end=day_before(part.start)))
                cursor = part.start
            if part.end is None:
                reached_end = True
                break
            if cursor is None or part.end >= cursor:
                cursor = day_after(part.end)
            if window.end is not None and cursor > window.end:
                reached_end = True
                break
        if not reached_end:
            holes.append(Period(start=cursor, end=window.end))
        return holes

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

    def __hash__(self) -> int:
        # Equal bases have the same citation and dates; hashing these few fields keeps verdicts cheap to compare.
        return hash((self.document, self.article, self.clause, self.point, self.effective.start, self.confidence))

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


class Regime(BaseModel):
    """A named period of the law, derived from the legal bases that open and close it (``law.regimes``).

    A rule's ``valid`` may be given as a regime: the rule is then in force exactly in the regime's window, and the
    catalogue names the regime.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[a-z0-9_]+$")
    name: Text
    period: Period
    bases: tuple[LegalBasis, ...] = Field(min_length=1)
    """The acts whose dates make the window: the one that opens it first."""

    def contains(self, day: date) -> bool:
        """True when ``day`` lies in the regime's window."""
        return self.period.contains(day)
