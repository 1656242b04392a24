"""Build the statistics and the retirements documents of a roster: the one way the command line (``stats``,
``retirements``) and the HTTP API (``POST /reports/statistics``, ``POST /reports/retirements``) build them, so both
give the same report for the same input."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..i18n import Lang
from ..officials import Official
from ..results import Rejected
from .quality import DEFAULT_AGE_BANDS, Form, QualityCounter, checked_age_bands
from .renderers import RetirementsDocument, StatisticsDocument
from .retirements import DEFAULT_WITHIN_MONTHS, RetirementCounter

if TYPE_CHECKING:
    from ..engine import Engine

__all__ = ["MAX_AGE_BANDS", "parse_age_bands", "reporting_unit", "retirements_document", "statistics_document"]

MAX_AGE_BANDS = 20
"""Most upper bounds an age-band list may give (the Party forms use 7)."""


def parse_age_bands(text: str) -> tuple[int, ...]:
    """``"30,40,50,60"`` as the age bands' upper bounds; ``ValueError`` unless they are whole numbers, positive and
    increasing (at most :data:`MAX_AGE_BANDS` of them). Empty parts are skipped; nothing at all is an error."""
    try:
        bands = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise ValueError("expected whole numbers separated by commas") from None
    checked_age_bands(bands)
    if len(bands) > MAX_AGE_BANDS:
        raise ValueError(f"at most {MAX_AGE_BANDS} age bands, got {len(bands)}")
    return bands


def reporting_unit(engine: Engine, lang: Lang) -> str | None:
    """The name of the reporting province (it heads the forms): the engine's province, else the units' only one."""
    provinces = engine.registry.provinces
    if engine.province is not None and engine.province in provinces:
        return str(provinces[engine.province][0].name(lang))
    tops = [u for u in engine.units.values() if u.tier.value == "province"]
    return tops[0].name if len(tops) == 1 else None


def _count(counter: QualityCounter | RetirementCounter, items: Iterable[Official | Rejected]) -> tuple[Rejected, ...]:
    rejected: list[Rejected] = []
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            counter.add(item)
    return tuple(rejected)


def statistics_document(
    engine: Engine,
    items: Iterable[Official | Rejected],
    *,
    as_of: date,
    lang: Lang,
    age_bands: Sequence[int] = DEFAULT_AGE_BANDS,
    form: Form | None = None,
) -> StatisticsDocument:
    """The quality statistics (BM01/BNV, BM02/BNV) of the validated roster rows ``items`` (``engine.validate_roster``:
    officials, and the rejected rows, which the document lists) on ``as_of``; ``ValueError`` for bad age bands or an
    unknown form, before any row is read."""
    counter = QualityCounter(as_of, engine.units, engine.registry.titles, age_bands=age_bands, form=form)
    rejected = _count(counter, items)
    return StatisticsDocument(
        statistics=counter.result(), reporting_unit=reporting_unit(engine, lang), rejected=rejected
    )


def retirements_document(
    engine: Engine,
    items: Iterable[Official | Rejected],
    *,
    as_of: date,
    within_months: int = DEFAULT_WITHIN_MONTHS,
) -> RetirementsDocument:
    """Who of the validated roster rows ``items`` reaches the retirement age within ``within_months`` after
    ``as_of``; ``ValueError`` for a window under a month (or past the calendar's end), before any row is read."""
    counter = RetirementCounter(as_of, within_months, engine.units)
    rejected = _count(counter, items)
    return RetirementsDocument(horizon=counter.result(), titles=engine.registry.titles, rejected=rejected)
