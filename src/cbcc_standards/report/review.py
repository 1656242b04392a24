"""Build a roster review document: the one way the command line, the HTTP API and Python callers start a review."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from ..i18n import Lang
from ..results import Rejected, RowError
from .quality import UNKNOWN_IDS_SHOWN, QualityCounter
from .receipt import Receipt
from .renderers import ReviewDocument
from .retirements import DEFAULT_WITHIN_MONTHS, RetirementCounter
from .summary import ReviewSummary, RosterReport

if TYPE_CHECKING:
    from ..engine import Engine
    from ..officials import Official
    from ..parallel import EngineSpec
    from ..plugins import Registry

__all__ = ["receipt_for", "review_document"]


def receipt_for(
    registry: Registry, as_of: date, province: str | None, input_sha256: str | None = None, lang: Lang | str = "en"
) -> Receipt:
    """The receipt of a run: library version, the plugins loaded (and those that failed, their error in ``lang``
    when the catalogue has it), the rule-content hash."""
    from .. import __version__

    return Receipt(
        version=str(__version__),
        plugins=tuple((p.name, p.version) for p in registry.plugins if p.error is None),
        as_of=as_of,
        province=province,
        ruleset_sha256=registry.content_hash(),
        input_sha256=input_sha256,
        failed_plugins=tuple((p.name, p.error_text(lang) or p.error) for p in registry.plugins if p.error is not None),
    )


def review_document(
    engine: Engine,
    rows: Iterable[Official | Mapping[str, Any] | Rejected],
    *,
    as_of: date,
    lang: Lang | str = Lang.VI,
    receipt: Receipt | None = None,
    input_sha256: str | None = None,
    file_warnings: Callable[[], list[RowError]] = list,
    retire_within: int = DEFAULT_WITHIN_MONTHS,
    workers: int = 1,
    spec: EngineSpec | None = None,
) -> ReviewDocument:
    """A review of ``rows`` with ``engine`` on ``as_of``, ready for any renderer: the rows are evaluated lazily as the
    renderer reads them (``registry.renderer("json").render(document, out, Lang.VI)``). The report also counts the
    quality statistics and the retirement horizon (the next ``retire_within`` months) of the officials read.
    ``workers`` processes assess them (see :meth:`Engine.evaluate_roster
    <cbcc_standards.engine.Engine.evaluate_roster>`): the report is the same, byte for byte."""
    report = RosterReport(
        as_of=as_of,
        lang=Lang.parse(lang),
        review=ReviewSummary.for_engine(engine, as_of),
        quality=QualityCounter(as_of, engine.units, engine.registry.titles, id_limit=UNKNOWN_IDS_SHOWN + 1),
        retirements=RetirementCounter(as_of, retire_within, engine.units),
    )
    return ReviewDocument(
        report=report,
        items=engine.evaluate_roster(rows, as_of=as_of, workers=workers, spec=spec, observers=report.observers()),
        receipt=receipt or receipt_for(engine.registry, as_of, engine.province, input_sha256, lang),
        titles=engine.registry.titles,
        file_warnings=file_warnings,
    )
