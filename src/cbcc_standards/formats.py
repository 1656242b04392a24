"""The roster review as a self-contained HTML page and as an Excel workbook (.xlsx, with the optional ``excel`` extra).

Both renderers consume the stream of assessments like :meth:`RosterReport.write_text`: officials who need an action
are kept until the end (the report is about them), compliant officials are only counted. Both are deterministic: the
same input gives the same page, and a workbook with the same cells (its timestamps are derived from ``as_of``, so the
bytes are stable too).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, TextIO

from .dates import fmt_date
from .io import EXCEL_HINT
from .report import (
    ACTION_LABELS,
    OUTCOME_LABELS,
    STATUS_LABELS,
    Receipt,
    RosterReport,
    neutralise_cell,
    pick,
)
from .results import Assessment, Finding, Outcome, Rejected, Status
from .titles import TitleCatalogue

__all__ = ["MissingExtraError", "require_openpyxl", "write_html", "write_xlsx"]


class MissingExtraError(ImportError):
    """An optional dependency is not installed; the message says how to install it."""


def require_openpyxl() -> Any:
    """The ``openpyxl`` module, or :class:`MissingExtraError` naming the extra to install."""
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtraError(f"writing .xlsx files needs openpyxl: {EXCEL_HINT}") from None
    return openpyxl


# -- labels -----------------------------------------------------------------------------------------------------

_TEXT: dict[str, tuple[str, str]] = {
    "heading": ("Rà soát tiêu chuẩn cán bộ, công chức", "Review of the standards of cadres and civil servants"),
    "as_of": ("Ngày đánh giá", "As of"),
    "province": ("Tỉnh", "Province"),
    "province_none": ("— (chỉ quy định trung ương)", "— (national rules only)"),
    "library": ("Thư viện", "Library"),
    "version": ("Phiên bản", "Version"),
    "ruleset": ("Bộ quy tắc (SHA-256)", "Rule set (SHA-256)"),
    "input": ("Dữ liệu đầu vào (SHA-256)", "Input (SHA-256)"),
    "plugins": ("Plugin đã nạp", "Plugins loaded"),
    "overview": ("Tổng hợp", "Summary"),
    "assessed": ("Người được đánh giá", "Officials assessed"),
    "by_unit": ("Theo đơn vị", "By unit"),
    "charts": ("Biểu đồ theo đơn vị cấp huyện", "Charts by district"),
    "training": ("Nhu cầu đào tạo", "Training needs"),
    "to_act": ("Cần xử lý", "To act on"),
    "rejected": ("Dòng bị loại", "Rejected rows"),
    "file_warnings": ("Cảnh báo về tệp dữ liệu", "Input file warnings"),
    "about": ("Thông tin", "Receipt"),
    "unit": ("Đơn vị", "Unit"),
    "unit_code": ("Mã đơn vị", "Unit code"),
    "tier": ("Cấp", "Tier"),
    "total": ("Tổng số", "Total"),
    "par": ("Trừ điểm CCHC", "PAR deduction"),
    "par_reason": ("Lý do", "Reason"),
    "par_basis": ("Căn cứ trừ điểm", "PAR basis"),
    "responsible_title": ("Chức danh chịu trách nhiệm", "Responsible title"),
    "responsible_person": ("Người chịu trách nhiệm", "Responsible person"),
    "responsible": ("Chịu trách nhiệm", "Responsible"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "id": ("Mã CBCC", "ID"),
    "full_name": ("Họ và tên", "Full name"),
    "title": ("Chức danh", "Title"),
    "district": ("Đơn vị cấp huyện", "District"),
    "status": ("Tình trạng", "Status"),
    "action": ("Xử lý", "Action"),
    "deadline": ("Thời hạn", "Deadline"),
    "findings": ("Nội dung chưa đạt (căn cứ)", "Findings (legal basis)"),
    "row_warnings": ("Cảnh báo", "Warnings"),
    "qualification": ("Trình độ cần đạt", "Qualification needed"),
    "qualification_code": ("Mã trình độ", "Qualification code"),
    "officials": ("Số người", "Officials"),
    "row": ("Dòng", "Row"),
    "field": ("Trường", "Field"),
    "message": ("Lỗi", "Error"),
    "provisional": ("tạm thời", "provisional"),
    "unknown_unit": ("(không rõ đơn vị)", "(unknown unit)"),
    "nobody": ("Không có ai cần xử lý.", "Nobody to act on."),
    "no_needs": ("Không có nhu cầu đào tạo.", "No training needs."),
    "no_units": ("Không có dữ liệu đơn vị.", "No unit data."),
    "item": ("Mục", "Item"),
    "value": ("Giá trị", "Value"),
    "chart_of": ("Tình trạng đạt chuẩn", "Compliance"),
}
_TIERS: dict[str, tuple[str, str]] = {
    "province": ("cấp tỉnh", "province"),
    "district": ("cấp huyện", "district"),
    "commune": ("cấp xã", "commune"),
}
_COLOURS: dict[Status, tuple[str, str]] = {  # (fill, text)
    Status.COMPLIANT: ("#2e7d32", "#ffffff"),
    Status.WITHIN_GRACE: ("#f2b705", "#1a1a1a"),
    Status.NON_COMPLIANT: ("#c62828", "#ffffff"),
    Status.UNDETERMINED: ("#757575", "#ffffff"),
}
_SHOWN = frozenset(Outcome) - {Outcome.MET, Outcome.NOT_APPLICABLE}
"""Findings listed for a person to act on (not met, grace, undetermined, error)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    """Text without the control characters neither XML nor a spreadsheet can hold."""
    return _CONTROL.sub("\ufffd", text)


def _day(value: date | None) -> str:
    return fmt_date(value) if value else ""


class _View:
    """What both renderers show, computed once the stream is consumed: the people to act on, the summary, and the
    names of units and titles in the report's language."""

    def __init__(
        self,
        report: RosterReport,
        items: Iterable[Assessment | Rejected],
        receipt: Receipt,
        titles: TitleCatalogue | None,
    ) -> None:
        self.report = report
        self.receipt = receipt
        self.lang = report.lang
        self.titles = titles
        self.to_act = report.consume(items)
        self.summary = report.summary()
        self.units: list[dict[str, Any]] = self.summary["units"]
        self.needs: list[dict[str, Any]] = self.summary["training_needs"]

    def t(self, key: str) -> str:
        return pick(_TEXT[key], self.lang)

    def tier(self, tier: str | None) -> str:
        return pick(_TIERS[tier], self.lang) if tier in _TIERS else ""

    def title_name(self, code: str | None) -> str:
        if code is None:
            return ""
        title = self.titles.get(code) if self.titles is not None else None
        return title.name(self.lang) if title is not None else code

    def unit_name(self, code: str | None) -> str:
        review = self.report.review
        unit = review.units.get(code) if review is not None and code is not None else None
        return unit.name if unit is not None else ""

    def district_of(self, code: str | None) -> str | None:
        review = self.report.review
        return review.district_of(code) if review is not None else None

    def findings(self, a: Assessment) -> list[Finding]:
        return [f for f in a.findings if f.outcome in _SHOWN]

    def finding_text(self, f: Finding) -> str:
        mark = f" ({self.t('provisional')})" if f.provisional else ""
        return f"{f.rule} [{pick(OUTCOME_LABELS[f.outcome], self.lang)}]{mark}: {f.message(self.lang)} — {_cites(f)}"

    def person(self, who: dict[str, Any] | None) -> str:
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

    def groups(self) -> list[tuple[str | None, list[Assessment]]]:
        """The people to act on by district, in the order of the units summary (unknown district last)."""
        by: dict[str | None, list[Assessment]] = {}
        for a in self.to_act:
            by.setdefault(self.district_of(a.unit), []).append(a)
        order: list[str | None] = [u["code"] for u in self.units if u["code"] is not None and u["code"] in by]
        order += sorted((c for c in by if c is not None and c not in order), key=str)
        if None in by:
            order.append(None)
        return [(code, by[code]) for code in order]


def _cites(f: Finding) -> str:
    """The finding's legal bases, without repeats nor a bare document already cited with its article."""
    cites = [b.citation for b in f.basis]
    kept = [c for i, c in enumerate(cites) if c not in cites[:i] and not any(o.startswith(c + ",") for o in cites)]
    return "; ".join(kept)


def _total(entry: dict[str, Any]) -> int:
    return sum(int(entry[s.value]) for s in Status)


# -- HTML -------------------------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  margin: 1.5rem auto; max-width: 75rem; padding: 0 1rem; color: #1a1a1a; background: #fff; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .15rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
dl.receipt { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; font-size: .9rem; }
dl.receipt dt { font-weight: 600; }
dl.receipt dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .25rem 0 1rem; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; vertical-align: top; text-align: left; }
th { background: #eee; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.tier-province td { font-weight: 700; }
tr.tier-district td { font-weight: 600; }
tr.tier-district td:first-child { padding-left: 1.2rem; }
tr.tier-commune td:first-child { padding-left: 2.4rem; }
tr.par-deducted td { background: #fdecea; }
ul.findings { margin: 0; padding-left: 1.1rem; }
ul.findings li.warning { color: #8a4b00; }
.badge { display: inline-block; padding: 0 .35rem; border-radius: .25rem; white-space: nowrap; }
.badge.compliant { background: #2e7d32; color: #fff; }
.badge.within_grace { background: #f2b705; color: #1a1a1a; }
.badge.non_compliant { background: #c62828; color: #fff; }
.badge.undetermined { background: #757575; color: #fff; }
ul.legend { list-style: none; padding: 0; margin: .25rem 0 .75rem; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
ul.legend .badge { width: 1rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(34rem, 1fr)); gap: .5rem 1.5rem; }
figure { margin: 0 0 .75rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; font-size: .9rem; }
figcaption small { font-weight: 400; display: block; }
svg.chart { width: 100%; height: auto; max-width: 40rem; font-size: 11px; }
svg.chart text { font-family: inherit; }
p.empty { font-style: italic; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  section#to-act { break-before: page; page-break-before: always; }
}
""".strip()


def _e(value: object) -> str:
    """Escaped text for HTML and inline SVG (element content and quoted attributes)."""
    return html.escape(_clean(str(value)), quote=True)


def _time(value: date | None) -> str:
    return f'<time datetime="{value.isoformat()}">{_day(value)}</time>' if value else ""


def _num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (deterministic)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _chart(view: _View, district: dict[str, Any], rows: Sequence[dict[str, Any]], index: int) -> str:
    """A horizontal 100% stacked bar per unit (the district first, then its communes), counts in the segments."""
    label_w, bar_w, total_w, row_h, gap = 200.0, 400.0, 50.0, 20.0, 6.0
    width = label_w + bar_w + total_w
    height = gap + len(rows) * (row_h + gap)
    status_names = [(s, pick(STATUS_LABELS[s], view.lang)) for s in Status]

    def counts(entry: dict[str, Any]) -> str:
        return ", ".join(f"{name}: {entry[s.value]}" for s, name in status_names)

    ident = f"chart-{index}"
    title = f"{view.t('chart_of')} — {district['name']}"
    desc = "; ".join(f"{r['name']} — {counts(r)}" for r in rows)
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" width="{_num(width)}" height="{_num(height)}">',
        f'<title id="{ident}-title">{_e(title)}</title>',
        f'<desc id="{ident}-desc">{_e(desc)}</desc>',
    ]
    for i, row in enumerate(rows):
        y = gap + i * (row_h + gap)
        middle = _num(y + row_h / 2)
        total = _total(row)
        weight = ' font-weight="700"' if row is district else ""
        parts.append(f'<g class="row tier-{_e(row["tier"] or "unknown")}">')
        parts.append(
            f'<text x="{_num(label_w - 6)}" y="{middle}" dy="0.35em" text-anchor="end"{weight}>'
            f"<title>{_e(row['name'])}</title>{_e(_short(row['name'], 32))}</text>"
        )
        done = 0
        for status, name in status_names:
            count = int(row[status.value])
            if not count or not total:
                continue
            x0 = label_w + bar_w * done / total
            x1 = label_w + bar_w * (done + count) / total
            done += count
            fill, ink = _COLOURS[status]
            parts.append(
                f'<rect class="seg {status.value}" x="{_num(x0)}" y="{_num(y)}" width="{_num(x1 - x0)}" '
                f'height="{_num(row_h)}" fill="{fill}"><title>{_e(row["name"])} — {_e(name)}: {count}</title></rect>'
            )
            if x1 - x0 >= 16:
                parts.append(
                    f'<text x="{_num((x0 + x1) / 2)}" y="{middle}" dy="0.35em" text-anchor="middle" '
                    f'fill="{ink}" aria-hidden="true">{count}</text>'
                )
        parts.append(
            f'<text x="{_num(label_w + bar_w + 6)}" y="{middle}" dy="0.35em"{weight}>{total}</text>'
            if total
            else f'<text x="{_num(label_w + 6)}" y="{middle}" dy="0.35em">0</text>'
        )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def write_html(
    report: RosterReport,
    out: TextIO,
    items: Iterable[Assessment | Rejected],
    receipt: Receipt,
    titles: TitleCatalogue | None = None,
) -> None:
    """One self-contained, printable HTML page (no external resource): the receipt, the counts by unit, a chart per
    district, the training needs, the people to act on by district with the findings and their legal basis, and the
    rejected rows. ``titles`` names the title codes (codes are shown without it). Every piece of input is escaped."""
    view = _View(report, items, receipt, titles)
    w = out.write
    lang = view.lang
    heading = f"{view.t('heading')} — {_day(report.as_of)}" + (f" — {receipt.province}" if receipt.province else "")
    w(f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w('<meta name="generator" content="cbcc_standards">\n')
    w(f"<title>{_e(heading)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n")

    # header and receipt
    w(f'<header>\n<h1>{_e(heading)}</h1>\n<dl class="receipt">\n')
    w(f"<dt>{_e(view.t('as_of'))}</dt><dd>{_time(report.as_of)}</dd>\n")
    province = _e(receipt.province) if receipt.province else _e(view.t("province_none"))
    w(f"<dt>{_e(view.t('province'))}</dt><dd>{province}</dd>\n")
    w(f'<dt>{_e(view.t("library"))}</dt><dd>cbcc_standards <span class="version">{_e(receipt.version)}</span></dd>\n')
    w(f'<dt>{_e(view.t("ruleset"))}</dt><dd><code class="ruleset-sha256">{_e(receipt.ruleset_sha256)}</code></dd>\n')
    if receipt.input_sha256:
        w(f'<dt>{_e(view.t("input"))}</dt><dd><code class="input-sha256">{_e(receipt.input_sha256)}</code></dd>\n')
    w("</dl>\n</header>\n<main>\n")

    # totals
    s = view.summary
    w(f'<section id="summary">\n<h2>{_e(view.t("overview"))}</h2>\n<table class="totals">\n<tbody>\n')
    w(f'<tr><th scope="row">{_e(view.t("assessed"))}</th><td class="n">{s["officials"]}</td></tr>\n')
    for status in Status:
        w(
            f'<tr><th scope="row"><span class="badge {status.value}">{_e(pick(STATUS_LABELS[status], lang))}</span>'
            f'</th><td class="n">{s["by_status"][status.value]}</td></tr>\n'
        )
    w(f'<tr><th scope="row">{_e(view.t("rejected"))}</th><td class="n">{s["rejected"]}</td></tr>\n')
    w("</tbody>\n</table>\n</section>\n")

    # by unit
    w(f'<section id="units">\n<h2>{_e(view.t("by_unit"))}</h2>\n')
    if view.units:
        heads = [view.t("unit"), view.t("unit_code"), view.t("tier")]
        w("<table>\n<thead>\n<tr>")
        w("".join(f'<th scope="col">{_e(h)}</th>' for h in heads))
        w("".join(f'<th scope="col" class="n">{_e(pick(STATUS_LABELS[st], lang))}</th>' for st in Status))
        w(f'<th scope="col" class="n">{_e(view.t("total"))}</th><th scope="col">{_e(view.t("par"))}</th>')
        w(f'<th scope="col">{_e(view.t("responsible"))}</th></tr>\n</thead>\n<tbody>\n')
        for u in view.units:
            par = u.get("par_deduction")
            classes = f"tier-{u['tier'] or 'unknown'}" + (" par-deducted" if par and par["deducted"] else "")
            code = f"<code>{_e(u['code'])}</code>" if u["code"] else ""
            w(f'<tr class="{_e(classes)}"><td>{_e(u["name"])}</td><td>{code}</td>')
            w(f"<td>{_e(view.tier(u['tier']))}</td>")
            w("".join(f'<td class="n">{u[st.value]}</td>' for st in Status))
            w(f'<td class="n">{_total(u)}</td>')
            if par:
                basis = f" ({_e(par['basis'])})" if par["basis"] else ""
                w(f"<td><strong>{_e(view.t('yes' if par['deducted'] else 'no'))}</strong>: {_e(par['reason'])}")
                w(f"{basis}</td>")
            else:
                w("<td></td>")
            who = u.get("responsible")
            if who:
                w(f"<td>{_e(view.title_name(who['title']))}: {_e(view.person(who))}</td>")
            else:
                w("<td></td>")
            w("</tr>\n")
        w("</tbody>\n</table>\n")
    else:
        w(f'<p class="empty">{_e(view.t("no_units"))}</p>\n')
    w("</section>\n")

    # charts
    charted = view.charted()
    if charted:
        w(f'<section id="charts">\n<h2>{_e(view.t("charts"))}</h2>\n<ul class="legend">')
        for status in Status:
            w(
                f'<li><span class="badge {status.value}" aria-hidden="true">&nbsp;</span> '
                f"{_e(pick(STATUS_LABELS[status], lang))}</li>"
            )
        w('</ul>\n<div class="charts">\n')
        for index, district in enumerate(charted, start=1):
            rows = [district, *(u for u in view.units if u["parent"] == district["code"])]
            w(f'<figure id="district-{index}">\n<figcaption>{_e(district["name"])}')
            par = district.get("par_deduction")
            if par and par["deducted"]:
                w(f"<small>{_e(view.t('par'))}: {_e(par['reason'])}</small>")
            who = district.get("responsible")
            if who:
                w(f"<small>{_e(view.t('responsible'))}: {_e(view.title_name(who['title']))} ({_e(view.person(who))})")
                w("</small>")
            w(f"</figcaption>\n{_chart(view, district, rows, index)}\n</figure>\n")
        w("</div>\n</section>\n")

    # training needs
    w(f'<section id="training">\n<h2>{_e(view.t("training"))}</h2>\n')
    if view.needs:
        w("<table>\n<thead>\n<tr>")
        for h in ("district", "qualification", "officials", "deadline"):
            numeric = ' class="n"' if h == "officials" else ""
            w(f'<th scope="col"{numeric}>{_e(view.t(h))}</th>')
        w("</tr>\n</thead>\n<tbody>\n")
        for n in view.needs:
            deadline = date.fromisoformat(n["deadline"]) if n["deadline"] else None
            w(
                f"<tr><td>{_e(n['district_name'] or n['district'] or view.t('unknown_unit'))}</td>"
                f"<td>{_e(n['label'])} <code>{_e(n['qualification'])}</code></td>"
                f'<td class="n">{n["officials"]}</td><td>{_time(deadline)}</td></tr>\n'
            )
        w("</tbody>\n</table>\n")
    else:
        w(f'<p class="empty">{_e(view.t("no_needs"))}</p>\n')
    w("</section>\n")

    # people to act on
    w(f'<section id="to-act">\n<h2>{_e(view.t("to_act"))}</h2>\n')
    if not view.to_act:
        w(f'<p class="empty">{_e(view.t("nobody"))}</p>\n')
    for group, people in view.groups():
        name = view.unit_name(group) or group or view.t("unknown_unit")
        w(f"<h3>{_e(name)} <small>({len(people)})</small></h3>\n<table>\n<thead>\n<tr>")
        for h in ("id", "full_name", "title", "unit", "status", "action", "deadline", "findings"):
            w(f'<th scope="col">{_e(view.t(h))}</th>')
        w("</tr>\n</thead>\n<tbody>\n")
        for a in people:
            unit = view.unit_name(a.unit)
            unit_cell = f"{_e(unit)}<br><code>{_e(a.unit)}</code>" if unit else f"<code>{_e(a.unit or '')}</code>"
            w(
                f"<tr><td><code>{_e(a.id)}</code></td><td>{_e(a.full_name or '')}</td>"
                f"<td>{_e(view.title_name(a.title))}</td><td>{unit_cell}</td>"
                f'<td><span class="badge {a.status.value}">{_e(pick(STATUS_LABELS[a.status], lang))}</span></td>'
                f"<td>{_e(pick(ACTION_LABELS[a.action], lang))}</td><td>{_time(a.deadline)}</td>"
                '<td><ul class="findings">'
            )
            for f in view.findings(a):
                w(f"<li>{_e(view.finding_text(f))}</li>")
            for warning in a.warnings:
                w(f'<li class="warning">{_e(warning.field or "-")}: {_e(warning.message)}</li>')
            w("</ul></td></tr>\n")
        w("</tbody>\n</table>\n")
    w("</section>\n")

    # rejected rows and file warnings
    if report.rejected:
        w(f'<section id="rejected">\n<h2>{_e(view.t("rejected"))}</h2>\n<table>\n<thead>\n<tr>')
        for h in ("row", "id", "field", "message"):
            w(f'<th scope="col">{_e(view.t(h))}</th>')
        w("</tr>\n</thead>\n<tbody>\n")
        for r in report.rejected:
            for error in r.errors:
                w(
                    f'<tr><td class="n">{r.row}</td><td><code>{_e(r.id or "")}</code></td>'
                    f"<td><code>{_e(error.field or '-')}</code></td><td>{_e(error.message)}</td></tr>\n"
                )
        w("</tbody>\n</table>\n</section>\n")
    if report.warnings:
        w(f'<section id="file-warnings">\n<h2>{_e(view.t("file_warnings"))}</h2>\n<ul>\n')
        for warning in report.warnings:
            w(f"<li><code>{_e(warning.field or '-')}</code>: {_e(warning.message)}</li>\n")
        w("</ul>\n</section>\n")
    w("</main>\n<footer>\n<details open>\n")
    w(f"<summary>{_e(view.t('plugins'))} ({len(receipt.plugins)})</summary>\n<ul>\n")
    for name, version in receipt.plugins:
        w(f'<li><code>{_e(name)}</code> <span class="version">{_e(version or "")}</span></li>\n')
    w("</ul>\n</details>\n</footer>\n</body>\n</html>\n")


# -- XLSX -------------------------------------------------------------------------------------------------------


class _StableZip(zipfile.ZipFile):
    """A zip archive whose entries all carry one timestamp, so the same workbook gives the same bytes."""

    stamp: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = self.compression
        info.external_attr = 0o600 << 16
        return info

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: str | os.PathLike[str],
        arcname: str | os.PathLike[str] | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        info = self._info(os.fspath(arcname if arcname is not None else filename))
        info.file_size = os.path.getsize(filename)
        with open(filename, "rb") as src, self.open(info, "w") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


class _Sheets:
    """Write-only sheets with a bold, frozen header row and column widths; every text cell cleaned and neutralised
    (a cell a spreadsheet would read as a formula gets an apostrophe)."""

    def __init__(self, openpyxl: Any, book: Any, date_format: str) -> None:
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

    def sheet(self, title: str, headers: Sequence[str], widths: Sequence[float]) -> Any:
        ws = self.book.create_sheet(title=title[:31])
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[self.letter(column)].width = width
        ws.freeze_panes = "A2"
        ws.append([self._cell(ws, h, bold=True) for h in headers])
        return ws

    def row(self, ws: Any, values: Sequence[Any], wrap: Sequence[int] = ()) -> None:
        ws.append([self._cell(ws, v, wrap=i in wrap) for i, v in enumerate(values)])

    def finish(self, ws: Any, columns: int, rows: int) -> None:
        if rows > 1:
            ws.auto_filter.ref = f"A1:{self.letter(columns)}{rows}"

    def _cell(self, ws: Any, value: Any, bold: bool = False, wrap: bool = False) -> Any:
        if isinstance(value, str):
            value = neutralise_cell(_clean(value)) or None
        cell = self.cell_type(ws, value=value)
        if bold:
            cell.font = self.bold
        if isinstance(value, date):
            cell.number_format = self.date_format
        cell.alignment = self.wrap if wrap else self.top
        return cell


def write_xlsx(
    report: RosterReport,
    target: str | Path | IO[bytes],
    items: Iterable[Assessment | Rejected],
    receipt: Receipt,
    titles: TitleCatalogue | None = None,
) -> None:
    """An Excel workbook (openpyxl, write-only): sheets by unit, people to act on, training needs, rejected rows and
    the receipt, with headers in the report's language. Raises :class:`MissingExtraError` without openpyxl."""
    openpyxl = require_openpyxl()
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

    view = _View(report, items, receipt, titles)
    lang = view.lang
    t = view.t
    book = openpyxl.Workbook(write_only=True)
    stamp = datetime.combine(max(report.as_of, date(1980, 1, 1)), datetime.min.time())
    props = book.properties
    props.creator = "cbcc_standards"
    props.title = f"{t('heading')} — {_day(report.as_of)}"
    props.created = props.modified = stamp
    props.language = lang
    sheets = _Sheets(openpyxl, book, "DD/MM/YYYY")
    statuses = [pick(STATUS_LABELS[s], lang) for s in Status]

    headers = [t("unit"), t("unit_code"), t("tier"), *statuses, t("total"), t("par"), t("par_reason")]
    headers += [t("par_basis"), t("responsible_title"), t("responsible_person")]
    ws = sheets.sheet(t("by_unit"), headers, [34, 26, 10, 12, 14, 14, 12, 9, 13, 44, 30, 28, 28])
    for u in view.units:
        par = u.get("par_deduction")
        who = u.get("responsible")
        sheets.row(
            ws,
            [
                u["name"],
                u["code"],
                view.tier(u["tier"]),
                *(u[s.value] for s in Status),
                _total(u),
                t("yes" if par["deducted"] else "no") if par else None,
                par["reason"] if par else None,
                par["basis"] if par else None,
                view.title_name(who["title"]) if who else None,
                view.person(who) if who else None,
            ],
            wrap=(9,),
        )
    sheets.finish(ws, len(headers), len(view.units) + 1)

    headers = [t("id"), t("full_name"), t("title"), t("unit_code"), t("unit"), t("district"), t("status")]
    headers += [t("action"), t("deadline"), t("findings"), t("row_warnings")]
    ws = sheets.sheet(t("to_act"), headers, [12, 24, 26, 26, 22, 22, 18, 16, 12, 90, 40])
    for a in view.to_act:
        district = view.district_of(a.unit)
        sheets.row(
            ws,
            [
                a.id,
                a.full_name,
                view.title_name(a.title),
                a.unit,
                view.unit_name(a.unit),
                view.unit_name(district) or district,
                pick(STATUS_LABELS[a.status], lang),
                pick(ACTION_LABELS[a.action], lang),
                a.deadline,
                "\n".join(view.finding_text(f) for f in view.findings(a)),
                "\n".join(f"{w.field or '-'}: {w.message}" for w in a.warnings),
            ],
            wrap=(9, 10),
        )
    sheets.finish(ws, len(headers), len(view.to_act) + 1)

    headers = [t("unit_code"), t("district"), t("qualification"), t("qualification_code"), t("officials")]
    headers += [t("deadline")]
    ws = sheets.sheet(t("training"), headers, [24, 26, 44, 30, 10, 12])
    for n in view.needs:
        deadline = date.fromisoformat(n["deadline"]) if n["deadline"] else None
        sheets.row(ws, [n["district"], n["district_name"], n["label"], n["qualification"], n["officials"], deadline])
    sheets.finish(ws, len(headers), len(view.needs) + 1)

    headers = [t("row"), t("id"), t("field"), t("message")]
    ws = sheets.sheet(t("rejected"), headers, [8, 14, 22, 80])
    rows = 1
    for r in report.rejected:
        for error in r.errors:
            sheets.row(ws, [r.row, r.id, error.field, error.message], wrap=(3,))
            rows += 1
    sheets.finish(ws, len(headers), rows)

    ws = sheets.sheet(t("about"), [t("item"), t("value")], [30, 70])
    about: list[tuple[str, Any]] = [
        (t("library"), "cbcc_standards"),
        (t("version"), receipt.version),
        (t("as_of"), receipt.as_of),
        (t("province"), receipt.province or t("province_none")),
        (t("ruleset"), receipt.ruleset_sha256),
        (t("input"), receipt.input_sha256),
        (t("assessed"), view.summary["officials"]),
        *((pick(STATUS_LABELS[s], lang), view.summary["by_status"][s.value]) for s in Status),
        (t("rejected"), view.summary["rejected"]),
        *((f"{t('plugins')}: {name}", version) for name, version in receipt.plugins),
        *((f"{t('file_warnings')}: {w.field or '-'}", w.message) for w in report.warnings),
    ]
    for key, value in about:
        sheets.row(ws, [key, value], wrap=(1,))

    archive = _StableZip(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    archive.stamp = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    try:
        ExcelWriter(book, archive).save()  # not book.save(): that stamps the file with the current time
    finally:
        archive.close()
