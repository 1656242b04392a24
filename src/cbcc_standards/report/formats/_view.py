"""What the HTML and Excel reports show, computed once the review's stream is consumed: the people to act on by
unit, the summary, the chart geometry, and names of units and titles in the report's language."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ...i18n import Lang, t
from ...results import Assessment, Finding, Outcome, Status
from ..renderers import ReviewDocument

if TYPE_CHECKING:
    from ...titles import TitleCatalogue
    from ...units import AdministrativeUnit

__all__ = [
    "Bar",
    "Chart",
    "ReviewView",
    "RosterLine",
    "cites",
    "clean",
    "labelled",
    "main_finding",
    "shown",
    "title_name",
    "unit_name",
]

SHOWN = frozenset(Outcome) - {Outcome.MET, Outcome.NOT_APPLICABLE}
"""Findings listed for a person to act on (not met, grace, undetermined, error)."""


def shown(f: Finding) -> bool:
    """Whether a report lists the finding under its official: a shortfall (not met, grace, undetermined, error), a
    finding with a notice, or a pass that rests on provisional law."""
    return f.outcome in SHOWN or f.notice is not None or (f.provisional and f.outcome is Outcome.MET)


def title_name(titles: TitleCatalogue | None, code: str | None, lang: Lang) -> str:
    """The name of a title code in ``lang``: the catalogue's name, the code when the catalogue does not know it, ''
    for None."""
    if code is None:
        return ""
    title = titles.get(code) if titles is not None else None
    return title.name(lang) if title is not None else code


def unit_name(units: Mapping[str, AdministrativeUnit] | None, code: str | None) -> str:
    """The name of a unit code ('' when unknown)."""
    unit = units.get(code) if units is not None and code is not None else None
    return unit.name if unit is not None else ""


def labelled(name: str, code: str | None) -> str:
    """A name with its code, as clerks search by code: "Xã Bình Châu (QN.BINH_SON.BINH_CHAU)"; the code alone when
    there is no name (or the name is the code); '' for neither."""
    if not code:
        return name
    return f"{name} ({code})" if name and name != code else code


def main_finding(a: Assessment) -> Finding | None:
    """The finding that makes an official's status: the first standard not met (non-compliant); the shortfall whose
    remediation period ends first (within grace); the first undetermined or failing rule (undetermined); for a
    compliant official, the first finding with a notice or resting on provisional law; None when nothing stands out."""
    wanted = {
        Status.NON_COMPLIANT: (Outcome.NOT_MET,),
        Status.WITHIN_GRACE: (Outcome.GRACE,),
        Status.UNDETERMINED: (Outcome.UNDETERMINED, Outcome.ERROR),
    }.get(a.status)
    if wanted is None:
        return next(
            (f for f in a.findings if f.notice is not None or (f.provisional and f.outcome is Outcome.MET)), None
        )
    found = [f for f in a.findings if f.outcome in wanted]
    if a.status is Status.WITHIN_GRACE:
        found.sort(key=lambda f: f.deadline or date.max)
    return found[0] if found else None


@dataclass(frozen=True)
class RosterLine:
    """One official of the complete roster sheet: who, where, status, action, deadline and the main reason."""

    id: str
    full_name: str | None
    title: str | None
    unit: str | None
    status: Status
    action: str
    deadline: date | None
    rule: str | None
    reason: str

    @classmethod
    def of(cls, a: Assessment, lang: Lang) -> RosterLine:
        """The line of an assessment, its main reason in ``lang``."""
        f = main_finding(a)
        reason = ""
        if f is not None:
            reason = f.message(lang) + (f" ⚠ {f.notice(lang)}" if f.notice is not None else "")
        return cls(
            a.id, a.full_name, a.title, a.unit, a.status, a.action.value, a.deadline, f.rule if f else None, reason
        )


COLOURS: dict[Status, tuple[str, str]] = {  # (fill, text)
    Status.COMPLIANT: ("#2e7d32", "#ffffff"),
    Status.WITHIN_GRACE: ("#f2b705", "#1a1a1a"),
    Status.NON_COMPLIANT: ("#c62828", "#ffffff"),
    Status.UNDETERMINED: ("#757575", "#ffffff"),
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    """Text without the characters neither XML nor a spreadsheet can hold: control characters, the non-characters
    U+FFFE and U+FFFF, lone surrogates (an undecodable byte of a CSV file)."""
    return _CONTROL.sub("\ufffd", "" if text is None else str(text))


def cites(f: Finding) -> str:
    """The finding's legal bases, without repeats nor a bare document already cited with its article."""
    found = [b.citation for b in f.basis]
    kept = [c for i, c in enumerate(found) if c not in found[:i] and not any(o.startswith(c + ",") for o in found)]
    return "; ".join(kept)


def total(entry: dict[str, Any]) -> int:
    """The number of officials of a units-summary entry."""
    return sum(int(entry[s.value]) for s in Status)


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (deterministic)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Segment:
    """One status's part of a bar."""

    status: str
    name: str
    count: int
    x: str
    width: str
    middle_x: str
    fill: str
    ink: str
    labelled: bool


@dataclass(frozen=True)
class Bar:
    """One unit's 100 % stacked bar."""

    name: str
    short: str
    tier: str
    y: str
    middle: str
    height: str
    total: int
    bold: bool
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Chart:
    """A district's chart: the district's bar, then its communes'."""

    ident: str
    title: str
    desc: str
    width: str
    height: str
    label_x: str
    total_x: str
    empty_x: str
    bars: tuple[Bar, ...]


class _People(Sequence[Assessment]):
    """The people to act on of one group: positions in the review's list of them, read on demand."""

    def __init__(self, source: Sequence[Assessment]) -> None:
        self.source = source
        self.positions = array("q")

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self.source[i] for i in self.positions[index]]
        return self.source[self.positions[index]]

    def __iter__(self) -> Iterator[Assessment]:
        source = self.source
        for i in self.positions:
            yield source[i]


class ReviewView:
    """The review, consumed: people to act on, summary, units, training needs, charts, and naming helpers."""

    def __init__(self, doc: ReviewDocument, lang: Lang) -> None:
        self.doc = doc
        self.report = doc.report
        self.receipt = doc.receipt
        self.lang = lang
        self.titles = doc.titles
        self.roster: list[RosterLine] = []
        """Every official, in input order (the complete roster sheet)."""
        self.to_act = self.report.consume(self._lines(doc.items))
        self.attention = self.report.attention
        self.summary = self.report.summary(statistics=False)  # the counts: the statistics are read below
        self.units: list[dict[str, Any]] = self.summary["units"]
        self.needs: list[dict[str, Any]] = self.summary["training_needs"]
        self.file_warnings = doc.file_warnings()
        self.quality = self.report.quality.result() if self.report.quality is not None else None
        """The quality statistics of the officials read (None for a report without them)."""
        self.horizon = self.report.retirements.result() if self.report.retirements is not None else None
        """The retirement horizon of the officials read (None for a report without it)."""
        review = self.report.review
        self.group_label = self.t(review.answering_label if review is not None else "report.district")
        """The name of the answering level: "Đơn vị cấp huyện", or "Đơn vị cấp xã" in a two-tier province."""

    def _lines(self, items: Any) -> Any:
        for item in items:
            if isinstance(item, Assessment):
                self.roster.append(RosterLine.of(item, self.lang))
            yield item

    def t(self, key: str, **params: Any) -> str:
        """A label of the catalogue in the report's language."""
        return t(key, self.lang, **params)

    def status(self, status: Status | str) -> str:
        """The label of a status."""
        return self.t(f"status.{Status(status).value}")

    def tier(self, tier: str | None) -> str:
        """The label of a tier."""
        return self.t(f"tier.{tier}") if tier in ("province", "district", "commune") else ""

    def day(self, value: Any) -> str:
        """dd/mm/yyyy of a date or ISO string ('' for None)."""
        return self.t("report.date", day=value) if value else ""

    def title_name(self, code: str | None) -> str:
        """The name of a title code in the report's language (the code when unknown)."""
        return title_name(self.titles, code, self.lang)

    def unit_name(self, code: str | None) -> str:
        """The name of a unit code ('' when unknown)."""
        review = self.report.review
        return unit_name(review.units if review is not None else None, code)

    def district_of(self, code: str | None) -> str | None:
        """The district (or, in a two-tier province, the province) of a unit."""
        review = self.report.review
        return review.district_of(code) if review is not None else None

    def findings(self, a: Assessment) -> list[Finding]:
        """The findings shown for a person (see :func:`shown`)."""
        return [f for f in a.findings if shown(f)]

    def finding_text(self, f: Finding) -> str:
        """One finding on one line: rule, outcome, provisional mark, message, legal basis, then its notice."""
        mark = f" ({self.t('report.provisional')})" if f.provisional else ""
        text = f"{f.rule} [{self.t(f'outcome.{f.outcome.value}')}]{mark}: {f.message(self.lang)} — {cites(f)}"
        return text + (f" ⚠ {f.notice(self.lang)}" if f.notice is not None else "")

    def marks(self, a: Assessment) -> str:
        """What sets an official apart beyond the status: a pass on provisional law ('' when nothing)."""
        return self.t("report.provisional_pass") if a.provisional_pass else ""

    def person(self, who: dict[str, Any] | None) -> str:
        """The holder of a responsible title ('—' when nobody holds it)."""
        if not who:
            return ""
        person = who.get("person")
        return f"{person['id']} {person['full_name'] or ''}".strip() if person else "—"

    def charted(self) -> list[dict[str, Any]]:
        """The units that get a chart: districts (in a two-tier province, the province), each with its children."""
        for tier in ("district", "province"):
            found = [u for u in self.units if u["tier"] == tier]
            if found:
                return found
        return []

    def groups(self) -> list[tuple[str | None, Sequence[Assessment]]]:
        """The people to act on by district, in the order of the units summary (unknown district last); each group
        reads its people from :attr:`to_act` as it is iterated (memory holds their positions only)."""
        by: dict[str | None, _People] = {}
        for i, a in enumerate(self.to_act):
            people = by.get(district := self.district_of(a.unit))
            if people is None:
                people = by[district] = _People(self.to_act)
            people.positions.append(i)
        order: list[str | None] = [u["code"] for u in self.units if u["code"] is not None and u["code"] in by]
        order += sorted((c for c in by if c is not None and c not in order), key=str)
        if None in by:
            order.append(None)
        return [(code, by[code]) for code in order]

    def charts(self) -> list[Chart]:
        """A horizontal 100 % stacked bar chart per charted unit: the unit first, then its children."""
        return [
            self._chart(district, [district, *(u for u in self.units if u["parent"] == district["code"])], i)
            for i, district in enumerate(self.charted(), start=1)
        ]

    def _chart(self, district: dict[str, Any], rows: Sequence[dict[str, Any]], index: int) -> Chart:
        label_w, bar_w, total_w, row_h, gap = 200.0, 400.0, 50.0, 20.0, 6.0
        names = [(s, self.status(s)) for s in Status]

        def counts(entry: dict[str, Any]) -> str:
            return ", ".join(f"{name}: {entry[s.value]}" for s, name in names)

        bars = []
        for i, row in enumerate(rows):
            y = gap + i * (row_h + gap)
            count_all = total(row)
            segments = []
            done = 0
            for status, name in names:
                count = int(row[status.value])
                if not count or not count_all:
                    continue
                x0 = label_w + bar_w * done / count_all
                x1 = label_w + bar_w * (done + count) / count_all
                done += count
                fill, ink = COLOURS[status]
                segments.append(
                    Segment(
                        status.value, name, count, num(x0), num(x1 - x0), num((x0 + x1) / 2), fill, ink, x1 - x0 >= 16
                    )
                )
            name = row["name"]
            bars.append(
                Bar(
                    name=name,
                    short=name if len(name) <= 32 else name[:31] + "…",
                    tier=row["tier"] or "unknown",
                    y=num(y),
                    middle=num(y + row_h / 2),
                    height=num(row_h),
                    total=count_all,
                    bold=row is district,
                    segments=tuple(segments),
                )
            )
        return Chart(
            ident=f"chart-{index}",
            title=f"{self.t('report.chart_of')} — {district['name']}",
            desc="; ".join(f"{r['name']} — {counts(r)}" for r in rows),
            width=num(label_w + bar_w + total_w),
            height=num(gap + len(rows) * (row_h + gap)),
            label_x=num(label_w - 6),
            total_x=num(label_w + bar_w + 6),
            empty_x=num(label_w + 6),
            bars=tuple(bars),
        )
