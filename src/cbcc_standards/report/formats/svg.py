"""Inline SVG charts of the statistics for the HTML report: the age pyramid by gender, the professional-level mix per
unit, the retirements per year. No script, no network; every figure carries a ``<title>`` and a ``<desc>`` that says
its numbers in words (for screen readers and for a printout without colour), and every text is escaped.
"""

from __future__ import annotations

from html import escape

from ...i18n import Lang, t
from ..quality import QualityStatistics, column_label
from ..retirements import RetirementHorizon
from ._view import num

__all__ = ["PYRAMID_BANDS", "age_pyramid", "qualification_mix", "retirements_per_year"]

PYRAMID_BANDS = tuple(range(20, 70, 5))
"""Lower bounds of the pyramid's 5-year bands: 20 holds everyone under 25, 65 everyone 65 or over."""

_MEN, _WOMEN = "#1f5fa8", "#c2185b"
_MIX = {
    "tien_si": "#0b3d2e",
    "thac_si": "#1b5e20",
    "dai_hoc": "#2e7d32",
    "cao_dang": "#7cb342",
    "trung_cap": "#f2b705",
    "so_cap": "#ef6c00",
    "none": "#c62828",
    "unknown": "#9e9e9e",
}


def _x(text: object) -> str:
    return escape(str(text), quote=True)


def _band_label(low: int) -> str:
    """A band as numbers only ("≤ 24", "25–29", "≥ 65"): short enough for the pyramid's middle column."""
    if low == PYRAMID_BANDS[0]:
        return f"≤ {low + 4}"
    if low == PYRAMID_BANDS[-1]:
        return f"≥ {low}"
    return f"{low}–{low + 4}"


def _svg(ident: str, title: str, desc: str, width: float, height: float, body: list[str]) -> str:
    return (
        f'<svg class="stats-chart" id="{ident}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}">'
        f'<title id="{ident}-title">{_x(title)}</title><desc id="{ident}-desc">{_x(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def age_pyramid(stats: QualityStatistics, lang: Lang) -> str:
    """Men to the left, women to the right, one row per 5-year band, the youngest at the bottom."""
    men = {b: stats.pyramid.get(("male", b), 0) for b in PYRAMID_BANDS}
    women = {b: stats.pyramid.get(("female", b), 0) for b in PYRAMID_BANDS}
    most = max([*men.values(), *women.values(), 1])
    half, label_w, row_h, gap, top = 220.0, 56.0, 16.0, 4.0, 22.0
    width = 2 * half + label_w
    centre_l, centre_r = half, half + label_w
    body = [
        f'<text x="{num(centre_l - 4)}" y="14" text-anchor="end" font-weight="700">'
        f"{_x(t('stats.col.gender.male', lang))}</text>",
        f'<text x="{num(centre_r + 4)}" y="14" font-weight="700">{_x(t("stats.col.gender.female", lang))}</text>',
    ]
    parts = []
    for i, band in enumerate(reversed(PYRAMID_BANDS)):
        y = top + i * (row_h + gap)
        middle = y + row_h / 2
        label = _band_label(band)
        m, w = men[band], women[band]
        parts.append(f"{label}: {t('stats.col.gender.male', lang)} {m}, {t('stats.col.gender.female', lang)} {w}")
        mw, ww = (half - 30) * m / most, (half - 30) * w / most
        body.append(f'<g class="band"><text x="{num(half + label_w / 2)}" y="{num(middle)}" dy="0.35em" ')
        body.append(f'text-anchor="middle">{_x(label)}</text>')
        body.append(
            f'<rect class="men" x="{num(centre_l - mw)}" y="{num(y)}" width="{num(mw)}" height="{num(row_h)}" '
            f'fill="{_MEN}"><title>{_x(label)} — {_x(t("stats.col.gender.male", lang))}: {m}</title></rect>'
        )
        body.append(
            f'<rect class="women" x="{num(centre_r)}" y="{num(y)}" width="{num(ww)}" height="{num(row_h)}" '
            f'fill="{_WOMEN}"><title>{_x(label)} — {_x(t("stats.col.gender.female", lang))}: {w}</title></rect>'
        )
        body.append(f'<text x="{num(centre_l - mw - 4)}" y="{num(middle)}" dy="0.35em" text-anchor="end">{m}</text>')
        body.append(f'<text x="{num(centre_r + ww + 4)}" y="{num(middle)}" dy="0.35em">{w}</text></g>')
    height = top + len(PYRAMID_BANDS) * (row_h + gap) + 4
    desc = t("stats.chart.pyramid_desc", lang, counts="; ".join(parts))
    return _svg("chart-pyramid", t("stats.chart.pyramid", lang), desc, width, height, body)


def qualification_mix(stats: QualityStatistics, lang: Lang) -> str:
    """A 100 % stacked bar per unit of the answering level (districts; communes in a two-tier province) and the
    total: the highest professional level, none and unknown."""
    rows = stats.unit_rows(lang)
    tiers = {r["tier"] for r in rows}
    level = "district" if "district" in tiers else "commune"
    shown = [(r["name"], r["counts"]) for r in rows if r["tier"] == level]
    shown.append((t("stats.form.total_row", lang), stats.row(stats.total)))
    columns = list(_MIX)
    label_w, bar_w, total_w, row_h, gap, legend_h = 190.0, 400.0, 40.0, 18.0, 5.0, 24.0
    body = []
    step = (label_w + bar_w + total_w) / len(columns)
    for i, column in enumerate(columns):  # the legend
        x = i * step
        body.append(f'<rect x="{num(x)}" y="4" width="10" height="10" fill="{_MIX[column]}"/>')
        body.append(
            f'<text x="{num(x + 13)}" y="13" font-size="9">{_x(column_label("professional", column, lang))}</text>'
        )
    parts = []
    for i, (name, counts) in enumerate(shown):
        y = legend_h + i * (row_h + gap)
        middle = y + row_h / 2
        count_all = counts["total"]
        short = name if len(name) <= 30 else name[:29] + "…"
        bold = ' font-weight="700"' if i == len(shown) - 1 else ""
        body.append(
            f'<g class="unit"><text x="{num(label_w - 6)}" y="{num(middle)}" dy="0.35em" text-anchor="end"{bold}>'
        )
        body.append(f"<title>{_x(name)}</title>{_x(short)}</text>")
        done = 0
        said = []
        for column in columns:
            n = counts[f"professional.{column}"]
            if not n or not count_all:
                continue
            x0 = label_w + bar_w * done / count_all
            w = bar_w * n / count_all
            done += n
            label = column_label("professional", column, lang)
            said.append(f"{label} {n}")
            body.append(
                f'<rect class="seg {column}" x="{num(x0)}" y="{num(y)}" width="{num(w)}" height="{num(row_h)}" '
                f'fill="{_MIX[column]}"><title>{_x(name)} — {_x(label)}: {n}</title></rect>'
            )
            if w >= 16:
                ink = "#1a1a1a" if column in ("trung_cap", "cao_dang", "unknown") else "#ffffff"
                body.append(
                    f'<text x="{num(x0 + w / 2)}" y="{num(middle)}" dy="0.35em" text-anchor="middle" fill="{ink}" '
                    f'aria-hidden="true">{n}</text>'
                )
        body.append(f'<text x="{num(label_w + bar_w + 6)}" y="{num(middle)}" dy="0.35em"{bold}>{count_all}</text></g>')
        parts.append(f"{name}: {', '.join(said) or 0}")
    height = legend_h + len(shown) * (row_h + gap) + 4
    width = label_w + bar_w + total_w
    return _svg("chart-mix", t("stats.chart.mix", lang), "; ".join(parts), width, height, body)


def retirements_per_year(horizon: RetirementHorizon, lang: Lang) -> str:
    """A column per calendar year: how many officials reach the retirement date in it."""
    years = list(horizon.per_year.items())
    most = max([n for _, n in years] + [1])
    col_w, gap, plot_h, top, bottom = 50.0, 20.0, 120.0, 18.0, 22.0
    width = gap + len(years) * (col_w + gap)
    body = [f'<line x1="0" y1="{num(top + plot_h)}" x2="{num(width)}" y2="{num(top + plot_h)}" stroke="#1a1a1a"/>']
    for i, (year, n) in enumerate(years):
        x = gap + i * (col_w + gap)
        h = plot_h * n / most
        y = top + plot_h - h
        body.append(
            f'<g class="year"><rect x="{num(x)}" y="{num(y)}" width="{num(col_w)}" height="{num(h)}" fill="#455a64">'
            f"<title>{year}: {n}</title></rect>"
            f'<text x="{num(x + col_w / 2)}" y="{num(y - 4)}" text-anchor="middle">{n}</text>'
            f'<text x="{num(x + col_w / 2)}" y="{num(top + plot_h + 15)}" text-anchor="middle">{year}</text></g>'
        )
    desc = t("retire.chart_desc", lang, counts=", ".join(f"{y}: {n}" for y, n in years))
    return _svg("chart-retirements", t("retire.per_year", lang), desc, width, top + plot_h + bottom, body)
