"""Built-in plugin: the roster review as an Excel workbook (.xlsx, openpyxl, the ``excel`` extra).

Sheets by unit, people to act on, training needs, rejected rows and the receipt, with headers in the report's
language. Written with openpyxl's public API (write-only workbook, ``save``); then the archive is rewritten with
every entry stamped with ``as_of`` and the document's "modified" time set to it, so the same input gives the same
bytes. A sheet that would pass Excel's row limit continues on a new sheet.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import IO, Any

from ...hookspecs import hookimpl
from ...i18n import Lang, Text
from ...results import Status
from ..renderers import Document, Renderer, ReviewDocument
from ._view import ReviewView, clean, total
from .csv import neutralise_cell

__all__ = ["EXCEL_HINT", "EXCEL_ROW_LIMIT", "XLSX", "require_openpyxl", "stable_zip"]

EXCEL_HINT = "pip install 'cbcc_standards[excel]'"
EXCEL_ROW_LIMIT = 1_048_576
"""Rows of an Excel sheet; a longer table continues on a new sheet."""


def require_openpyxl() -> Any:
    """The ``openpyxl`` module, or :class:`~cbcc_standards.report.formats.html.MissingExtraError` naming the extra."""
    from .html import MissingExtraError

    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtraError(f"writing .xlsx files needs openpyxl: {EXCEL_HINT}") from None
    return openpyxl


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def stable_zip(source: IO[bytes], target: IO[bytes], stamp: datetime) -> None:
    """Copy a zip archive entry by entry with one timestamp and fixed permissions, and an Office document's
    "modified" property set to ``stamp``: the same content gives the same bytes."""
    stamp_tuple = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    modified = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as new:
        for item in old.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp_tuple)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            if item.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + modified + rb"\g<2>", old.read(item))
                new.writestr(info, data)
                continue
            with old.open(item) as src, new.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


class _Sheets:
    """Write-only sheets with a bold, frozen header row and column widths; every text cell cleaned and neutralised
    (a cell a spreadsheet would read as a formula gets an apostrophe). A table longer than Excel's row limit
    continues on a sheet named "<title> (2)"."""

    def __init__(self, book: Any, date_format: str, row_limit: int = EXCEL_ROW_LIMIT) -> None:
        from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
        from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

        self.book = book
        self.cell_type = WriteOnlyCell
        self.bold = Font(bold=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.letter: Callable[[int], str] = get_column_letter
        self.date_format = date_format
        self.row_limit = row_limit

    def table(
        self,
        title: str,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Iterable[Sequence[Any]],
        wrap: Sequence[int] = (),
    ) -> None:
        """A sheet (or several) holding ``rows`` under ``headers``."""
        part = 1
        ws = self._sheet(title, headers, widths)
        count = 1
        for values in rows:
            if count >= self.row_limit:
                self._finish(ws, len(headers), count)
                part += 1
                ws = self._sheet(f"{title[:26]} ({part})", headers, widths)
                count = 1
            ws.append([self._cell(ws, v, wrap=i in wrap) for i, v in enumerate(values)])
            count += 1
        self._finish(ws, len(headers), count)

    def _sheet(self, title: str, headers: Sequence[str], widths: Sequence[float]) -> Any:
        ws = self.book.create_sheet(title=title[:31])
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[self.letter(column)].width = width
        ws.freeze_panes = "A2"
        ws.append([self._cell(ws, h, bold=True) for h in headers])
        return ws

    def _finish(self, ws: Any, columns: int, rows: int) -> None:
        if rows > 1:
            ws.auto_filter.ref = f"A1:{self.letter(columns)}{rows}"

    def _cell(self, ws: Any, value: Any, bold: bool = False, wrap: bool = False) -> Any:
        if isinstance(value, str):
            value = neutralise_cell(clean(value)) or None
        cell = self.cell_type(ws, value=value)
        if bold:
            cell.font = self.bold
        if isinstance(value, date):
            cell.number_format = self.date_format
        cell.alignment = self.wrap if wrap else self.top
        return cell


_ZIP_EPOCH = date(1980, 1, 1)
"""The earliest time a zip entry can carry."""
_ZIP_END = date(2107, 12, 31)
"""The latest day a zip entry can carry (its year is 7 bits from 1980)."""


def workbook_stamp(day: date) -> datetime:
    """The creation time written into a workbook for a report as of ``day`` (midnight; within the days a zip entry
    can carry), so the same report gives the same bytes."""
    return datetime.combine(min(max(day, _ZIP_EPOCH), _ZIP_END), datetime.min.time())


def _render(doc: Document, out: IO[bytes], lang: Lang) -> None:
    from .statistics import render_extra

    if render_extra("xlsx", doc, out, lang):
        return
    if not isinstance(doc, ReviewDocument):
        raise TypeError("XLSX renders roster reviews only")
    openpyxl = require_openpyxl()
    view = ReviewView(doc, lang)
    t = view.t
    book = openpyxl.Workbook(write_only=True)
    stamp = workbook_stamp(doc.as_of)
    props = book.properties
    props.creator = "cbcc_standards"
    props.title = f"{t('report.heading')} — {view.day(doc.as_of)}"
    props.created = props.modified = stamp
    props.language = lang.value
    sheets = _Sheets(book, "DD/MM/YYYY")
    statuses = [view.status(s) for s in Status]

    headers = [t("report.unit"), t("report.unit_code"), t("report.tier"), *statuses, t("report.total")]
    headers += [t("report.par"), t("report.par_reason"), t("report.par_basis"), t("report.responsible_title")]
    headers += [t("report.responsible_person")]

    def unit_rows() -> Iterable[list[Any]]:
        for u in view.units:
            par = u.get("par_deduction")
            who = u.get("responsible")
            yield [
                u["name"],
                u["code"],
                view.tier(u["tier"]),
                *(u[s.value] for s in Status),
                total(u),
                t("report.yes" if par["deducted"] else "report.no") if par else None,
                par["reason"] if par else None,
                par["basis"] if par else None,
                view.title_name(who["title"]) if who else None,
                view.person(who) if who else None,
            ]

    sheets.table(
        t("report.by_unit"), headers, [34, 26, 10, 12, 14, 14, 12, 9, 13, 44, 30, 28, 28], unit_rows(), wrap=(9,)
    )

    headers = [t("report.id"), t("report.full_name"), t("report.title"), t("report.unit_code"), t("report.unit")]
    headers += [view.group_label, t("report.status"), t("report.action"), t("report.deadline")]
    headers += [t("report.findings"), t("report.row_warnings")]

    def act_rows() -> Iterable[list[Any]]:
        for a in view.to_act:
            district = view.district_of(a.unit)
            yield [
                a.id,
                a.full_name,
                view.title_name(a.title),
                a.unit,
                view.unit_name(a.unit),
                view.unit_name(district) or district,
                " — ".join(filter(None, (view.status(a.status), view.marks(a)))),
                t(f"action.{a.action.value}"),
                a.deadline,
                "\n".join(view.finding_text(f) for f in view.findings(a)),
                "\n".join(f"{w.field or '-'}: {w.render(lang)}" for w in a.warnings),
            ]

    sheets.table(t("report.to_act"), headers, [12, 24, 26, 26, 22, 22, 18, 16, 12, 90, 40], act_rows(), wrap=(9, 10))

    if view.attention:
        headers = [t("report.id"), t("report.full_name"), t("report.title"), t("report.unit_code"), t("report.unit")]
        headers += [t("report.status"), t("report.findings")]
        attention_rows = (
            [
                a.id,
                a.full_name,
                view.title_name(a.title),
                a.unit,
                view.unit_name(a.unit),
                " — ".join(filter(None, (view.status(a.status), view.marks(a)))),
                "\n".join(view.finding_text(f) for f in view.findings(a)),
            ]
            for a in view.attention
        )
        sheets.table(t("report.attention"), headers, [12, 24, 26, 26, 22, 30, 90], attention_rows, wrap=(6,))

    headers = [t("report.unit_code"), view.group_label, t("report.qualification")]
    headers += [t("report.qualification_code"), t("report.officials"), t("report.deadline")]
    need_rows = (
        [
            n["district"],
            n["district_name"],
            n["label"],
            n["qualification"],
            n["officials"],
            date.fromisoformat(n["deadline"]) if n["deadline"] else None,
        ]
        for n in view.needs
    )
    sheets.table(t("report.training"), headers, [24, 26, 44, 30, 10, 12], need_rows)

    from .statistics import review_sheets

    review_sheets(sheets, view, lang)  # the complete roster, retirements, quality statistics

    rejected_rows = (
        [r.line or r.row, r.row, r.id, error.field, error.render(lang)]
        for r in view.report.rejected
        for error in r.errors
    )
    headers = [t("report.row"), t("report.record_column"), t("report.id"), t("report.field"), t("report.message")]
    sheets.table(t("report.rejected"), headers, [8, 8, 14, 22, 80], rejected_rows, wrap=(4,))

    receipt = view.receipt
    about: list[tuple[str, Any]] = [
        (t("report.library"), "cbcc_standards"),
        (t("report.version"), receipt.version),
        (t("report.as_of"), receipt.as_of),
        (t("report.province"), receipt.province or t("report.province_none")),
        (t("report.ruleset"), receipt.ruleset_sha256),
        (t("report.input"), receipt.input_sha256),
        (t("report.assessed"), view.summary["officials"]),
        *((view.status(s), view.summary["by_status"][s.value]) for s in Status),
        (t("report.rejected"), view.summary["rejected"]),
        (t("report.provisional_passes"), view.summary["provisional_passes"]),
        (t("report.notices"), view.summary["notices"]),
        *((f"{t('report.plugins')}: {name}", version) for name, version in receipt.plugins),
        *((t("report.plugin_failed", name=name, error=error), None) for name, error in receipt.failed_plugins),
        *((f"{t('report.file_warnings')}: {w.field or '-'}", w.render(lang)) for w in view.file_warnings),
    ]
    sheets.table(t("report.about"), [t("report.item"), t("report.value")], [30, 70], about, wrap=(1,))

    with tempfile.SpooledTemporaryFile(max_size=32 << 20) as raw:
        book.save(raw)
        raw.seek(0)
        stable_zip(raw, out, stamp)


XLSX = Renderer(
    name="xlsx",
    extension=".xlsx",
    render=_render,
    documents=frozenset({"review", "statistics", "retirements"}),
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label=Text(vi="Bảng tính Excel", en="Excel workbook"),
    binary=True,
    extra="excel",
)


@hookimpl(tryfirst=True)
def cbcc_register_renderers(register: Callable[[Renderer], None]) -> None:
    """Register the Excel format."""
    register(XLSX)
