"""The renderer protocol: one interface for every output format, and the documents renderers receive.

A :class:`Renderer` turns a document (a roster review, a candidate appraisal, a planning pool, a retirement date, the
rules) into bytes or text in one language. The built-in formats (text, JSON, JSON Lines, CSV, HTML, XLSX) are
renderers registered through the ``cbcc_register_renderers`` hook, like a province's own report format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import IO, TYPE_CHECKING, Any, Literal

from ..i18n import Lang, Text
from ..results import Assessment, Rejected, RowError

if TYPE_CHECKING:
    from ..appraisal import PoolEntry
    from ..dates import Gender, Retirement
    from ..rules.model import Rule, RuleSet
    from ..titles import Title, TitleCatalogue
    from .quality import QualityStatistics
    from .receipt import Receipt
    from .retirements import RetirementHorizon
    from .summary import RosterReport

__all__ = [
    "DOCUMENT_KINDS",
    "CandidateDocument",
    "Document",
    "DocumentKind",
    "PlanningDocument",
    "Renderer",
    "RetirementDocument",
    "RetirementsDocument",
    "ReviewDocument",
    "RuleDocument",
    "RulesDocument",
    "StatisticsDocument",
]

DocumentKind = Literal["review", "candidate", "planning", "retirement", "rules", "rule", "statistics", "retirements"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    "review",
    "candidate",
    "planning",
    "retirement",
    "rules",
    "rule",
    "statistics",
    "retirements",
)


@dataclass
class ReviewDocument:
    """A roster review as it is rendered: ``items`` stream through ``report`` (the counts, the roll-up by unit and
    the rejected rows), so a renderer that writes officials as they come keeps memory flat; the summary is complete
    once :meth:`assessments` is exhausted."""

    kind: Literal["review"] = field(default="review", init=False)
    report: RosterReport
    items: Iterable[Assessment | Rejected]
    receipt: Receipt
    titles: TitleCatalogue | None = None
    file_warnings: Callable[[], list[RowError]] = list
    """The input file's warnings (known once reading has started)."""
    json_layout: Literal["inline", "compact"] = "inline"
    """How the JSON and JSON Lines formats write findings: ``inline`` (each official's findings in full, the
    contract's shape) or ``compact`` (tables of findings and legal bases, officials referring to them by key; see
    docs/performance.md)."""

    def assessments(self) -> Iterator[Assessment]:
        """The assessments, each counted in :attr:`report` as it passes; rejected rows are kept by the report."""
        for item in self.items:
            assessment = self.report.add(item)
            if assessment is not None:
                yield assessment

    @property
    def as_of(self) -> date:
        """The evaluation date."""
        return self.report.as_of


@dataclass(frozen=True)
class CandidateDocument:
    """A candidate's appraisal for a title."""

    kind: Literal["candidate"] = field(default="candidate", init=False)
    assessment: Assessment
    title: Title
    on: date
    full_name: str | None = None


@dataclass(frozen=True)
class PlanningDocument:
    """The planning pool for a title on a date, and the roster rows that could not be read."""

    kind: Literal["planning"] = field(default="planning", init=False)
    title: Title
    as_of: date
    pool: Sequence[PoolEntry]
    """The pool in its order (a :class:`~cbcc_standards.appraisal.PlanningPool` keeps most of it on disk)."""
    rejected: tuple[Rejected, ...] = ()


@dataclass(frozen=True)
class RetirementDocument:
    """A normal retirement date on the 2021–2035 roadmap."""

    kind: Literal["retirement"] = field(default="retirement", init=False)
    gender: Gender
    born: date
    retirement: Retirement


@dataclass(frozen=True)
class RulesDocument:
    """The rules (in force on ``as_of`` if given), each with its rule set and plugin."""

    kind: Literal["rules"] = field(default="rules", init=False)
    rules: tuple[tuple[Rule, RuleSet, str], ...]
    as_of: date | None = None


@dataclass(frozen=True)
class RuleDocument:
    """One rule explained: its rule set, plugin, and the plugin module's documentation."""

    kind: Literal["rule"] = field(default="rule", init=False)
    rule: Rule
    ruleset: RuleSet
    source: str
    doc: str | None = None


@dataclass(frozen=True)
class StatisticsDocument:
    """The quality statistics of a roster (the BM01/BNV, BM02/BNV tables), the reporting unit's name for the form's
    header, and the roster rows that could not be read."""

    kind: Literal["statistics"] = field(default="statistics", init=False)
    statistics: QualityStatistics
    reporting_unit: str | None = None
    rejected: tuple[Rejected, ...] = ()


@dataclass(frozen=True)
class RetirementsDocument:
    """The retirement horizon of a roster, the title catalogue to name posts, and the rows that could not be read."""

    kind: Literal["retirements"] = field(default="retirements", init=False)
    horizon: RetirementHorizon
    titles: TitleCatalogue | None = None
    rejected: tuple[Rejected, ...] = ()


Document = (
    ReviewDocument
    | CandidateDocument
    | PlanningDocument
    | RetirementDocument
    | RulesDocument
    | RuleDocument
    | StatisticsDocument
    | RetirementsDocument
)


@dataclass(frozen=True)
class Renderer:
    """An output format: ``render(document, out, lang)`` writes one document in one language to ``out`` (a binary
    stream when ``binary``, else a text stream).

    ``name`` is what ``--format`` takes; ``extension`` is how ``--output`` files end (``.json``); ``documents`` are
    the kinds of document it renders; ``media_type`` is its MIME type (the HTTP API uses it); ``extra`` names the
    optional dependency it needs, if any (``excel``, ``html``).
    """

    name: str
    extension: str
    render: Callable[[Any, IO[Any], Lang], None]
    documents: frozenset[DocumentKind]
    media_type: str
    label: Text
    binary: bool = False
    extra: str | None = None

    def accepts(self, document: Document | DocumentKind) -> bool:
        """True when the renderer renders this kind of document."""
        kind = document if isinstance(document, str) else document.kind
        return kind in self.documents
