"""The statistics documents in every built-in format: the quality tables (BM01/BNV, BM02/BNV) and the retirement
horizon, as JSON, CSV, text and Excel workbooks; the review's extra sheets (the complete roster, retirements).

The Excel form follows the layout of the forms as HR software implements them (TT 11/2012/TT-BNV; the circular's
appendix could not be checked, and the sheet says so): the header block (form code, circular, reporting and receiving
units, "Tính đến ngày …", "Đơn vị tính: người"), a two-level column tree with merged cells, a numbering row, one row
per unit up the hierarchy, the "Tổng cộng" row and the signature block. Each column group of the form has its
"Chưa rõ" column, so the unknowns stay visible; the sheet "Số liệu đầy đủ" holds every column of every group.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import IO, Any

from ...i18n import Lang, t
from ..quality import UNKNOWN_IDS_SHOWN, Form, QualityStatistics, column_label, group_label
from ..renderers import RetirementsDocument, StatisticsDocument
from ..shapes import rejected_dict
from ._view import ReviewView, clean, title_name, unit_name
from .csv import neutralise_cell

__all__ = [
    "FormColumn",
    "form_layout",
    "html_extras",
    "render_extra",
    "render_retirements",
    "render_statistics",
    "review_sheets",
]

FormColumn = tuple[str, tuple[str, ...]]
"""A column of a form: its label and the count keys it adds up."""


def _sub(stats: QualityStatistics, group: str, columns: Sequence[str], lang: Lang) -> list[FormColumn]:
    found = [(column_label(group, c, lang), (f"{group}.{c}",)) for c in columns]
    return [*found, (column_label(group, "unknown", lang), (f"{group}.unknown",))]


def form_layout(form: Form | None, stats: QualityStatistics, lang: Lang) -> list[tuple[str, list[FormColumn]]]:
    """The column tree of a form: (group label, its columns); the total first, alone. Without a form, every
    group with all its columns."""
    total: tuple[str, list[FormColumn]] = (t("stats.group.total", lang), [])
    if form is None:
        return [total] + [
            (
                group_label(g.key, lang),
                [(column_label(g.key, c, lang), (f"{g.key}.{c}",)) for c in (*g.columns, *g.of_which)],
            )
            for g in stats.groups
        ]
    age = next(g for g in stats.groups if g.key == "age")
    bands = [c for c in age.columns if c not in ("over_retirement", "unknown")]
    of_whom: list[FormColumn] = [
        (t("stats.col.gender.female", lang), ("gender.female",)),
        (t("stats.col.party.member", lang), ("party.member",)),
        (t("stats.col.ethnicity.minority", lang), ("ethnicity.minority",)),
        (t("stats.col.religion.religious", lang), ("religion.religious",)),
    ]
    age_columns: list[FormColumn] = [(column_label("age", c, lang), (f"age.{c}",)) for c in bands]
    last = len(bands) - 2  # the last closed band (51–60 by default) carries the forms' "of which" columns
    age_columns[last + 1 : last + 1] = [
        (t("stats.col.age.women_51_55", lang), ("age.women_51_55",)),
        (t("stats.col.age.men_56_60", lang), ("age.men_56_60",)),
    ]
    age_columns += _sub(stats, "age", ["over_retirement"], lang)
    languages: list[FormColumn] = [
        (f"{t('stats.group.english', lang)}: {t('stats.col.english.degree', lang)}", ("english.degree",)),
        (f"{t('stats.group.english', lang)}: {t('stats.col.english.certificate', lang)}", ("english.certificate",)),
        (f"{t('stats.group.english', lang)}: {t('stats.col.unknown', lang)}", ("english.unknown",)),
        (
            f"{t('stats.group.other_language', lang)}: {t('stats.col.other_language.degree', lang)}",
            ("other_language.degree",),
        ),
        (
            f"{t('stats.group.other_language', lang)}: {t('stats.col.other_language.certificate', lang)}",
            ("other_language.certificate",),
        ),
        (f"{t('stats.group.other_language', lang)}: {t('stats.col.unknown', lang)}", ("other_language.unknown",)),
    ]
    professional = _sub(
        stats, "professional", ["tien_si", "thac_si", "dai_hoc", "cao_dang", "trung_cap", "so_cap"], lang
    )
    political = _sub(stats, "political_theory", ["cu_nhan", "cao_cap", "trung_cap", "so_cap"], lang)
    it = _sub(stats, "it", ["trung_cap_plus", "certificate"], lang)
    ethnic = _sub(stats, "ethnic_language", ["certificate"], lang)
    if form == "bm01":
        return [
            total,
            (t("stats.group.of_whom", lang), of_whom),
            (group_label("rank", lang), _sub(stats, "rank", ["cvcc", "cvc", "cv", "can_su", "nhan_vien"], lang)),
            (group_label("professional", lang), professional),
            (group_label("political_theory", lang), political),
            (group_label("it", lang), it),
            (t("stats.group.foreign_language", lang), languages),
            (group_label("ethnic_language", lang), ethnic),
            (group_label("state_management", lang), _sub(stats, "state_management", ["cvcc", "cvc", "cv"], lang)),
            (group_label("age", lang), age_columns),
        ]
    management: list[FormColumn] = [
        # BM02 has no CVCC column: a commune official holding the CVCC certificate is counted under CVC & TĐ.
        (t("stats.col.state_management.cvc", lang), ("state_management.cvcc", "state_management.cvc")),
        (t("stats.col.state_management.cv", lang), ("state_management.cv",)),
        (t("stats.col.state_management.untrained", lang), ("state_management.none",)),
        (t("stats.col.unknown", lang), ("state_management.unknown",)),
    ]
    category: list[FormColumn] = [
        (t("stats.col.category.can_bo_commune", lang), ("category.can_bo",)),
        (t("stats.col.category.cong_chuc_commune", lang), ("category.cong_chuc",)),
        (t("stats.col.unknown", lang), ("category.unknown",)),
    ]
    return [
        total,
        (t("stats.group.of_whom", lang), of_whom),
        (group_label("category", lang), category),
        (group_label("professional", lang), professional),
        (group_label("general_education", lang), _sub(stats, "general_education", ["thpt", "thcs", "tieu_hoc"], lang)),
        (group_label("political_theory", lang), political),
        (group_label("it", lang), it),
        (t("stats.group.foreign_language", lang), languages),
        (group_label("ethnic_language", lang), ethnic),
        (group_label("state_management", lang), management),
        (group_label("age", lang), age_columns),
        (group_label("rotation", lang), _sub(stats, "rotation", ["rotated"], lang)),
    ]


def _value(counts: dict[str, int], keys: Sequence[str]) -> int:
    return sum(counts.get(k, 0) for k in keys)


def _flat_columns(stats: QualityStatistics, lang: Lang) -> list[tuple[str, str, str]]:
    """(key, group label, column label) of every column, the total first."""
    columns = [("total", t("stats.group.total", lang), t("stats.group.total", lang))]
    for g in stats.groups:
        columns += [
            (f"{g.key}.{c}", group_label(g.key, lang), column_label(g.key, c, lang)) for c in (*g.columns, *g.of_which)
        ]
    return columns


# -- JSON, CSV, text -------------------------------------------------------------------------------------------


def _statistics_json(doc: StatisticsDocument, out: IO[str], lang: Lang) -> None:
    data = {
        **doc.statistics.as_dict(lang, ids=True),
        "reporting_unit": doc.reporting_unit,
        "rejected": [rejected_dict(r, lang) for r in doc.rejected],
    }
    json.dump(data, out, ensure_ascii=False)
    out.write("\n")


def _csv_cell(value: object) -> str:
    return neutralise_cell("" if value is None else str(value))


def _statistics_csv(doc: StatisticsDocument, out: IO[str], lang: Lang) -> None:
    """One row per unit (up the hierarchy), then the total (``code`` ``total``); a column per count key."""
    stats = doc.statistics
    keys = stats.keys()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["code", "name", "tier", "parent", *keys])
    for row in stats.unit_rows(lang):
        counts = row["counts"]
        writer.writerow([_csv_cell(row[k]) for k in ("code", "name", "tier", "parent")] + [counts[k] for k in keys])
    total = stats.row(stats.total)
    writer.writerow(["total", _csv_cell(t("stats.form.total_row", lang)), "", ""] + [total[k] for k in keys])


def _statistics_text(doc: StatisticsDocument, out: IO[str], lang: Lang) -> None:
    from .text import safe

    stats = doc.statistics
    total = stats.row(stats.total)
    out.write(t("stats.text.heading", lang, day=stats.as_of) + "\n")
    if stats.form is not None:
        out.write(t("stats.form.code", lang, code=stats.form.upper()[:2] + stats.form[2:] + "/BNV") + "\n")
    out.write(f"{t('stats.group.total', lang)}: {total['total']}\n")
    for g in stats.groups:
        parts = ", ".join(f"{column_label(g.key, c, lang)} {total[f'{g.key}.{c}']}" for c in (*g.columns, *g.of_which))
        out.write(f"  {group_label(g.key, lang)}: {parts}\n")
    out.write("\n")
    for row in stats.unit_rows(lang):
        depth = {"province": 0, "district": 1, "commune": 2}.get(row["tier"] or "", 0)
        out.write(f"{'  ' * depth}{safe(row['name'])} ({safe(row['code'] or '-')}): {row['counts']['total']}\n")
    if stats.excluded:
        out.write(t("stats.excluded", lang) + f": {len(stats.excluded)}\n")
    for r in doc.rejected:
        out.write(f"{t('report.rejected', lang)}: {r.line or r.row} {safe(r.id or '')}\n")


def _age(doc_age: Any, lang: Lang) -> str:
    return t("retire.age_value", lang, years=doc_age.years, months=doc_age.months)


def _retirements_json(doc: RetirementsDocument, out: IO[str], lang: Lang) -> None:
    data = {**doc.horizon.as_dict(lang), "rejected": [rejected_dict(r, lang) for r in doc.rejected]}
    json.dump(data, out, ensure_ascii=False)
    out.write("\n")


RETIREMENT_COLUMNS = (
    "id",
    "full_name",
    "gender",
    "birth_date",
    "unit",
    "unit_name",
    "title",
    "title_name",
    "retirement_date",
    "pension_from",
    "age_years",
    "age_months",
    "overdue",
    "candidates",
)


def _title_name(doc: RetirementsDocument, code: str | None, lang: Lang) -> str:
    return title_name(doc.titles, code or None, lang)


def _unit_name(doc: RetirementsDocument, code: str | None) -> str:
    return unit_name(doc.horizon.unit_info, code or None)


def _retirement_rows(doc: RetirementsDocument, lang: Lang) -> Iterable[list[Any]]:
    for overdue, people in ((True, doc.horizon.overdue), (False, doc.horizon.people)):
        for r in people:
            yield [
                r.id,
                r.full_name,
                r.gender.value,
                r.birth_date,
                r.unit,
                _unit_name(doc, r.unit),
                r.title,
                _title_name(doc, r.title, lang),
                r.retirement_date,
                r.pension_from,
                r.age_applied.years,
                r.age_applied.months,
                "yes" if overdue else "",
                "; ".join(f"{i} {n or ''}".strip() for i, n in r.candidates),
            ]


def _retirements_csv(doc: RetirementsDocument, out: IO[str], lang: Lang) -> None:
    """One row per official retiring within the window (the overdue first, ``overdue`` yes)."""
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(RETIREMENT_COLUMNS)
    for row in _retirement_rows(doc, lang):
        writer.writerow([_csv_cell(v.isoformat() if isinstance(v, date) else v) for v in row])


def _retirements_text(doc: RetirementsDocument, out: IO[str], lang: Lang) -> None:
    from .text import safe

    h = doc.horizon
    out.write(t("retire.text.heading", lang, day=h.as_of) + "\n")
    out.write(t("retire.heading", lang, months=h.within_months, start=h.as_of, end=h.until) + "\n")
    if not h.people:
        out.write("  " + t("retire.nobody", lang) + "\n")
    for r in h.people:
        name = safe(f"{r.id} {r.full_name or ''}".strip())
        where = safe(", ".join(filter(None, (_title_name(doc, r.title, lang), _unit_name(doc, r.unit) or r.unit))))
        out.write(
            f"  {t('report.date', lang, day=r.retirement_date)}  {name} — {where} ({_age(r.age_applied, lang)})\n"
        )
        if r.candidates:
            people = safe(", ".join(f"{i} {n or ''}".strip() for i, n in r.candidates))
            out.write(f"      {t('retire.candidates', lang)}: {people}\n")
    if h.overdue:
        out.write(t("retire.overdue", lang) + ":\n")
        for r in h.overdue:
            out.write(f"  {t('report.date', lang, day=r.retirement_date)}  {safe(r.id)} {safe(r.full_name or '')}\n")
    out.write(t("retire.per_year", lang) + ": " + ", ".join(f"{y}: {n}" for y, n in h.per_year.items()) + "\n")
    if h.unknown:
        out.write(t("retire.unknown", lang, count=len(h.unknown)) + "\n")
    out.write(t("retire.basis", lang) + "\n")


# -- Excel -----------------------------------------------------------------------------------------------------


def _stamp(day: date) -> datetime:
    from .xlsx import workbook_stamp

    return workbook_stamp(day)


def _save(book: Any, out: IO[bytes], day: date) -> None:
    from .xlsx import stable_zip

    with tempfile.SpooledTemporaryFile(max_size=32 << 20) as raw:
        book.save(raw)
        raw.seek(0)
        stable_zip(raw, out, _stamp(day))


def _book(title: str, day: date, lang: Lang) -> Any:
    from .xlsx import require_openpyxl

    openpyxl = require_openpyxl()
    book = openpyxl.Workbook()
    props = book.properties
    props.creator = "cbcc_standards"
    props.title = title
    props.created = props.modified = _stamp(day)
    props.language = lang.value
    return book


def _text(value: Any) -> Any:
    return neutralise_cell(clean(value)) if isinstance(value, str) else value


def write_form(ws: Any, stats: QualityStatistics, reporting_unit: str | None, lang: Lang) -> None:
    """Write a form (``stats.form``; all groups without one) on a worksheet in its layout."""
    from openpyxl.styles import Alignment, Border, Font, Side  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    layout = form_layout(stats.form, stats, lang)
    columns: list[FormColumn] = []
    spans: list[tuple[str, int, int]] = []  # group label, first column, last column (1-based)
    col = 3
    for label, subs in layout:
        width = len(subs) or 1
        spans.append((label, col, col + width - 1))
        columns += subs or [(label, ("total",))]
        col += width
    last = 2 + len(columns)
    bold = Font(bold=True)
    italic = Font(italic=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=False)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def put(row: int, column: int, value: Any, font: Any = None, align: Any = None, border: bool = False) -> Any:
        cell = ws.cell(row=row, column=column, value=_text(value))
        if font is not None:
            cell.font = font
        if align is not None:
            cell.alignment = align
        if border:
            cell.border = box
        return cell

    def merge(r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    code = f"{stats.form.upper()[:2]}{stats.form[2:]}/BNV" if stats.form else None
    half = max(3, last // 2)
    # header block
    put(1, 1, t("stats.form.code", lang, code=code) if code else "", bold, left)
    merge(1, 1, 1, half)
    put(1, half + 1, t("stats.form.circular", lang), italic, Alignment(horizontal="right"))
    merge(1, half + 1, 1, last)
    put(2, 1, t("stats.form.reporting", lang, name=reporting_unit or "……"), None, left)
    merge(2, 1, 2, half)
    put(2, half + 1, t("stats.form.receiving", lang), None, Alignment(horizontal="right"))
    merge(2, half + 1, 2, last)
    title_key = f"stats.form.title.{stats.form}" if stats.form else "stats.form.title.all"
    put(3, 1, t(title_key, lang), Font(bold=True, size=13), centre)
    merge(3, 1, 3, last)
    day = stats.as_of
    put(
        4, 1, t("stats.form.as_of", lang, day=f"{day.day:02d}", month=f"{day.month:02d}", year=day.year), italic, centre
    )
    merge(4, 1, 4, last)
    put(5, 1, t("stats.form.unit_of_count", lang), italic, Alignment(horizontal="right"))
    merge(5, 1, 5, last)
    # the column tree: rows 6-7, the numbering row 8
    head, sub, numbers = 6, 7, 8
    for column, label in ((1, t("stats.form.number", lang)), (2, t("stats.form.unit", lang))):
        put(head, column, label, bold, centre, True)
        put(sub, column, None, None, None, True)
        merge(head, column, sub, column)
    for label, first, end in spans:
        put(head, first, label, bold, centre, True)
        for column in range(first + 1, end + 1):
            put(head, column, None, None, None, True)
        if first == end and columns[first - 3][0] == label:
            put(sub, first, None, None, None, True)
            merge(head, first, sub, first)
        else:
            merge(head, first, head, end)
            for column in range(first, end + 1):
                put(sub, column, columns[column - 3][0], bold, centre, True)
    put(numbers, 1, "A", italic, centre, True)
    put(numbers, 2, "B", italic, centre, True)
    for i in range(len(columns)):
        put(numbers, 3 + i, i + 1, italic, centre, True)
    # one row per unit, then the total
    row = numbers + 1
    indent = {"province": 0, "district": 1, "commune": 2}
    for number, unit in enumerate(stats.unit_rows(lang), start=1):
        counts = unit["counts"]
        font = bold if unit["tier"] in ("province", "district") else None
        put(row, 1, number, None, centre, True)
        name = unit["name"] if unit["code"] is not None else t("stats.form.unknown_unit", lang)
        put(row, 2, name, font, Alignment(indent=indent.get(unit["tier"] or "", 0)), True)
        for i, (_, keys) in enumerate(columns):
            put(row, 3 + i, _value(counts, keys), font, None, True)
        row += 1
    total = stats.row(stats.total)
    put(row, 1, None, None, None, True)
    put(row, 2, t("stats.form.total_row", lang), bold, centre, True)
    for i, (_, keys) in enumerate(columns):
        put(row, 3 + i, _value(total, keys), bold, None, True)
    row += 2
    if stats.excluded:
        put(row, 1, t("stats.form.excluded", lang, count=len(stats.excluded), sheet=t("stats.sheet.unknown", lang)))
        merge(row, 1, row, last)
        row += 1
    put(row, 1, t("stats.form.note", lang), italic, Alignment(wrap_text=True, vertical="top"))
    merge(row, 1, row, last)
    ws.row_dimensions[row].height = 45
    row += 2
    # signature block
    put(row, half + 1, t("stats.form.place_date", lang), italic, centre)
    merge(row, half + 1, row, last)
    row += 1
    put(row, 1, t("stats.form.preparer", lang), bold, centre)
    merge(row, 1, row, half)
    put(row, half + 1, t("stats.form.head", lang), bold, centre)
    merge(row, half + 1, row, last)
    row += 1
    put(row, 1, t("stats.form.sign", lang), italic, centre)
    merge(row, 1, row, half)
    put(row, half + 1, t("stats.form.sign_seal", lang), italic, centre)
    merge(row, half + 1, row, last)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 34
    for i in range(len(columns)):
        ws.column_dimensions[get_column_letter(3 + i)].width = 10
    ws.row_dimensions[sub].height = 60
    ws.freeze_panes = ws.cell(row=numbers + 1, column=3)
    ws.print_title_rows = f"{head}:{numbers}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:{get_column_letter(last)}{row}"


def write_counts(ws: Any, stats: QualityStatistics, lang: Lang) -> None:
    """Every column of every group, one row per unit and the total, under a two-row header (group, column)."""
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    columns = _flat_columns(stats, lang)
    ws.append(
        [t("report.unit_code", lang), t("report.unit", lang), t("report.tier", lang), *(g for _, g, _ in columns)]
    )
    ws.append([None, None, None, *(c for _, _, c in columns)])
    for row in ws.iter_rows(min_row=1, max_row=2):
        for cell in row:
            cell.font = bold
            cell.alignment = wrap
    for unit in stats.unit_rows(lang):
        ws.append([_text(unit["code"]), _text(unit["name"]), unit["tier"], *(unit["counts"][k] for k, _, _ in columns)])
    total = stats.row(stats.total)
    ws.append([None, t("stats.form.total_row", lang), None, *(total[k] for k, _, _ in columns)])
    for cell in ws[ws.max_row]:
        cell.font = bold
    ws.freeze_panes = "D3"
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 30


def _statistics_xlsx(doc: StatisticsDocument, out: IO[bytes], lang: Lang) -> None:
    stats = doc.statistics
    code = f"{stats.form.upper()[:2]}{stats.form[2:]}/BNV" if stats.form else None
    book = _book(t(f"stats.form.title.{stats.form}" if stats.form else "stats.form.title.all", lang), stats.as_of, lang)
    ws = book.active
    ws.title = (t("stats.sheet.form", lang, code=code.replace("/", "-")) if code else t("stats.sheet.all", lang))[:31]
    write_form(ws, stats, doc.reporting_unit, lang)
    if stats.form is not None:
        write_counts(book.create_sheet(t("stats.sheet.all", lang)[:31]), stats, lang)
    unknown = book.create_sheet(t("stats.sheet.unknown", lang)[:31])
    unknown.append([t("stats.unknown.group", lang), t("stats.unknown.count", lang), t("stats.unknown.ids", lang)])
    for g in stats.groups:
        ids = stats.unknown.get(g.key, [])
        unknown.append([group_label(g.key, lang), len(ids), _text(", ".join(ids))])
    if stats.excluded:
        unknown.append([t("stats.excluded", lang), len(stats.excluded), _text(", ".join(stats.excluded))])
    for r in doc.rejected:
        message = "; ".join(f"{e.field or '-'}: {e.render(lang)}" for e in r.errors)
        unknown.append([t("report.rejected", lang), r.line or r.row, _text(f"{r.id or ''} {message}".strip())])
    unknown.column_dimensions["A"].width = 30
    unknown.column_dimensions["C"].width = 100
    _save(book, out, stats.as_of)


def retirement_sheet(ws: Any, doc: RetirementsDocument, lang: Lang) -> None:
    """The officials retiring within the window (and those already past the date), then the counts per year."""
    from openpyxl.styles import Font

    h = doc.horizon
    bold = Font(bold=True)
    ws.append([t("retire.heading", lang, months=h.within_months, start=h.as_of, end=h.until)])
    ws["A1"].font = Font(bold=True, size=12)
    headers = [
        t("report.id", lang),
        t("report.full_name", lang),
        t("retire.gender", lang),
        t("retire.birth", lang),
        t("report.unit_code", lang),
        t("report.unit", lang),
        t("report.title", lang),
        t("retire.date", lang),
        t("retire.pension_from", lang),
        t("retire.age", lang),
        t("retire.overdue", lang),
        t("retire.candidates", lang),
    ]
    ws.append(headers)
    for cell in ws[ws.max_row]:
        cell.font = bold
    for row in _retirement_rows(doc, lang):
        (id_, name, gender, birth, unit, unit_name, _code, title, day, pension, years, months, overdue, cands) = row
        values = [id_, name, t(f"stats.col.gender.{gender}", lang), birth, unit, unit_name, title, day, pension]
        values += [t("retire.age_value", lang, years=years, months=months), t("report.yes", lang) if overdue else None]
        values += [cands or None]
        ws.append([_text(v) for v in values])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, date | datetime):
                cell.number_format = "DD/MM/YYYY"
    if not h.people and not h.overdue:
        ws.append([t("retire.nobody", lang)])
    ws.append([])
    ws.append([t("retire.per_year", lang)])
    ws[ws.max_row][0].font = bold
    ws.append([t("retire.year", lang), *h.per_year])
    ws.append([t("report.total", lang), *h.per_year.values()])
    for unit in h.unit_rows():
        ws.append([_text(unit["name"] or unit["code"] or t("report.unknown_unit", lang)), *unit["per_year"].values()])
    if h.unknown:
        ws.append([t("retire.unknown", lang, count=len(h.unknown)), _text(", ".join(h.unknown))])
    ws.append([t("retire.basis", lang)])
    for letter, width in zip("ABCDEFGHIJKL", (14, 26, 8, 12, 26, 24, 30, 14, 14, 16, 10, 40), strict=True):
        ws.column_dimensions[letter].width = width


def _retirements_xlsx(doc: RetirementsDocument, out: IO[bytes], lang: Lang) -> None:
    book = _book(t("retire.text.heading", lang, day=doc.horizon.as_of), doc.horizon.as_of, lang)
    ws = book.active
    ws.title = t("retire.sheet", lang)[:31]
    retirement_sheet(ws, doc, lang)
    _save(book, out, doc.horizon.as_of)


# -- dispatch --------------------------------------------------------------------------------------------------

_STATISTICS = {"json": _statistics_json, "csv": _statistics_csv, "text": _statistics_text, "xlsx": _statistics_xlsx}
_RETIREMENTS = {
    "json": _retirements_json,
    "csv": _retirements_csv,
    "text": _retirements_text,
    "xlsx": _retirements_xlsx,
}


def render_statistics(fmt: str, doc: StatisticsDocument, out: IO[Any], lang: Lang) -> None:
    """Render the quality statistics in a built-in format (``json``, ``csv``, ``text``, ``xlsx``)."""
    _STATISTICS[fmt](doc, out, lang)  # type: ignore[operator]


def render_retirements(fmt: str, doc: RetirementsDocument, out: IO[Any], lang: Lang) -> None:
    """Render the retirement horizon in a built-in format (``json``, ``csv``, ``text``, ``xlsx``)."""
    _RETIREMENTS[fmt](doc, out, lang)  # type: ignore[operator]


def render_extra(fmt: str, doc: object, out: IO[Any], lang: Lang) -> bool:
    """Render ``doc`` when it is a statistics or retirements document (True), else leave it (False): the one line
    each built-in format adds for these documents."""
    if isinstance(doc, StatisticsDocument):
        render_statistics(fmt, doc, out, lang)
        return True
    if isinstance(doc, RetirementsDocument):
        render_retirements(fmt, doc, out, lang)
        return True
    return False


# -- the review's extra sheets ---------------------------------------------------------------------------------


def review_sheets(sheets: Any, view: ReviewView, lang: Lang) -> None:
    """Add to a review workbook (the write-only ``_Sheets`` of the XLSX format): the complete roster (every official
    with status, action, deadline and main reason, filterable by unit), the retirement horizon, the retirements per
    year by unit, and the quality statistics."""
    tt = view.t
    headers = [tt("report.id"), tt("report.full_name"), tt("report.title"), tt("report.unit_code"), tt("report.unit")]
    headers += [view.group_label, tt("report.status"), tt("report.action"), tt("report.deadline")]
    headers += [tt("stats.roster.rule"), tt("stats.roster.reason")]
    roster_rows = (
        [
            line.id,
            line.full_name,
            view.title_name(line.title),
            line.unit,
            view.unit_name(line.unit),
            view.unit_name(view.district_of(line.unit)) or view.district_of(line.unit),
            view.status(line.status),
            tt(f"action.{line.action}"),
            line.deadline,
            line.rule,
            line.reason,
        ]
        for line in view.roster
    )
    widths = [12, 24, 26, 26, 22, 22, 18, 16, 12, 18, 80]
    sheets.table(tt("stats.roster.sheet"), headers, widths, roster_rows, wrap=(10,))
    if view.horizon is not None:
        doc = RetirementsDocument(horizon=view.horizon, titles=view.titles)
        h = view.horizon
        headers = [tt("report.id"), tt("report.full_name"), tt("retire.gender"), tt("retire.birth")]
        headers += [tt("report.unit_code"), tt("report.unit"), tt("report.title"), tt("retire.date")]
        headers += [tt("retire.pension_from"), tt("retire.age"), tt("retire.overdue"), tt("retire.candidates")]
        rows = (
            [
                r[0],
                r[1],
                tt(f"stats.col.gender.{r[2]}"),
                r[3],
                r[4],
                r[5],
                r[7],
                r[8],
                r[9],
                tt("retire.age_value", years=r[10], months=r[11]),
                tt("report.yes") if r[12] else None,
                r[13] or None,
            ]
            for r in _retirement_rows(doc, lang)
        )
        widths = [12, 24, 8, 12, 26, 22, 30, 14, 14, 16, 10, 40]
        sheets.table(tt("retire.sheet"), headers, widths, rows)
        years = [str(y) for y in h.per_year]
        per_year = [[tt("report.total"), None, *h.per_year.values()]]
        per_year += [
            [u["name"] or tt("report.unknown_unit"), u["code"], *u["per_year"].values()] for u in h.unit_rows()
        ]
        headers = [tt("report.unit"), tt("report.unit_code"), *years]
        sheets.table(tt("retire.per_year"), headers, [30, 26, *([8] * len(years))], per_year)
    if view.quality is not None:
        stats = view.quality
        columns = _flat_columns(stats, lang)
        headers = [tt("report.unit"), tt("report.unit_code"), tt("report.tier")]
        headers += [g if k == "total" else f"{g}: {c}" for k, g, c in columns]
        quality_rows = [
            [u["name"], u["code"], view.tier(u["tier"]), *(u["counts"][k] for k, _, _ in columns)]
            for u in stats.unit_rows(lang)
        ]
        total = stats.row(stats.total)
        quality_rows.append([tt("stats.form.total_row"), None, None, *(total[k] for k, _, _ in columns)])
        sheets.table(tt("stats.sheet.quality"), headers, [30, 26, 10, *([12] * len(columns))], quality_rows)


def html_extras(view: ReviewView, lang: Lang) -> dict[str, Any]:
    """What the HTML review shows of the statistics: the quality table (each group's columns with their counts and
    whether they add up to the total) and the SVG charts (age pyramid, professional mix, retirements per year)."""
    from .svg import age_pyramid, qualification_mix, retirements_per_year

    extras: dict[str, Any] = {"quality_rows": [], "pyramid": "", "mix": "", "retirements_chart": ""}
    if view.quality is not None:
        stats = view.quality
        total = stats.row(stats.total)
        extras["quality_total"] = total["total"]
        for g in stats.groups:
            cells = [(column_label(g.key, c, lang), total[f"{g.key}.{c}"]) for c in (*g.columns, *g.of_which)]
            adds_up = sum(total[f"{g.key}.{c}"] for c in g.columns) == total["total"]
            ids = stats.unknown.get(g.key, [])
            shown = ", ".join(ids[:UNKNOWN_IDS_SHOWN]) + (" …" if len(ids) > UNKNOWN_IDS_SHOWN else "")
            extras["quality_rows"].append((g.key, group_label(g.key, lang), cells, adds_up, shown))
        extras["pyramid"] = age_pyramid(stats, lang)
        extras["mix"] = qualification_mix(stats, lang)
        unknown_age = total["age.unknown"]
        extras["age_unknown"] = t("stats.chart.age_unknown", lang, count=unknown_age) if unknown_age else ""
    if view.horizon is not None:
        extras["retirements_chart"] = retirements_per_year(view.horizon, lang)
    return extras
