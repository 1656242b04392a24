"""Built-in plugin: the roster review as one self-contained, printable HTML page (Jinja2, the ``html`` extra).

The page holds no external resource: the receipt, the counts by unit, a chart per district (inline SVG), the
training needs, the people to act on by district with the findings and their legal basis, and the rejected rows.
Everything is escaped by the template engine; control characters that HTML cannot hold are replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from importlib.resources import files
from typing import IO, Any

from ...hookspecs import hookimpl
from ...i18n import Lang, Text
from ...results import Status
from ..renderers import Document, Renderer, ReviewDocument
from ._view import ReviewView, clean, total

__all__ = ["HTML", "HTML_HINT", "MissingExtraError", "require_jinja2"]

HTML_HINT = "pip install 'cbcc_standards[html]'"


class MissingExtraError(ImportError):
    """An optional dependency is not installed; the message says how to install it."""


def require_jinja2() -> Any:
    """The ``jinja2`` module, or :class:`MissingExtraError` naming the extra to install."""
    try:
        import jinja2
    except ImportError:
        raise MissingExtraError(f"the HTML report needs Jinja2: {HTML_HINT}") from None
    return jinja2


@cache
def _environment() -> Any:
    jinja2 = require_jinja2()
    from markupsafe import Markup

    def finalize(value: Any) -> Any:
        return value if isinstance(value, Markup) or not isinstance(value, str) else clean(value)

    templates = files("cbcc_standards.report") / "templates"
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: (templates / name).read_text(encoding="utf-8")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
    )


def _render(doc: Document, out: IO[str], lang: Lang) -> None:
    if not isinstance(doc, ReviewDocument):
        raise TypeError("HTML renders roster reviews only")
    env = _environment()
    from markupsafe import Markup, escape

    view = ReviewView(doc, lang)

    def time(value: date | str | None) -> Markup:
        if not value:
            return Markup("")
        day = value if isinstance(value, date) else date.fromisoformat(value)
        return Markup(f'<time datetime="{day.isoformat()}">{escape(view.day(day))}</time>')

    from .statistics import html_extras

    extras = html_extras(view, lang)
    for key in ("pyramid", "mix", "retirements_chart"):
        extras[key] = Markup(extras[key])  # built by report.formats.svg, every text in it escaped
    province = f" — {doc.receipt.province}" if doc.receipt.province else ""
    template = env.get_template("review.html.j2")
    out.write(
        template.render(
            v=view,
            heading=f"{view.t('report.heading')} — {view.day(doc.as_of)}{province}",
            css=Markup(
                (files("cbcc_standards.report") / "templates" / "review.css").read_text(encoding="utf-8").strip()
            ),
            statuses=list(Status),
            charts=view.charts(),
            charted=view.charted(),
            total=total,
            time=time,
            extras=extras,
        )
    )


HTML = Renderer(
    name="html",
    extension=".html",
    render=_render,
    documents=frozenset({"review"}),
    media_type="text/html; charset=utf-8",
    label=Text(vi="Trang HTML để in", en="Printable HTML page"),
    extra="html",
)


@hookimpl(tryfirst=True)
def cbcc_register_renderers(register: Callable[[Renderer], None]) -> None:
    """Register the HTML format."""
    register(HTML)
