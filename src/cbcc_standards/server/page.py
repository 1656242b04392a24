"""The web page for clerks: choose the roster (and units) file, the date, the province and the language; see the
HTML review; download the same review as XLSX, CSV or JSON, or the statistics the Department files (the BM02/BNV and
BM01/BNV forms, the officials who reach retirement age) as workbooks. Server-rendered (Jinja2), no script, no external
resource; errors are shown as a page in the chosen language."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Request
from starlette.responses import HTMLResponse, Response

from ..i18n import Lang, t
from ..report.retirements import DEFAULT_WITHIN_MONTHS
from .app import ServerState, request_lang
from .errors import ApiError
from .uploads import ReportKind, read_report_form, report_response

__all__ = ["PAGE_HEADERS", "add_page_routes"]

PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-src 'self'; "
        "frame-ancestors 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
"""Headers of the page, its reports and errors: nothing from elsewhere, framed only by the page itself."""

DOWNLOADS = ("xlsx", "csv", "json")
"""Formats offered for download beside the HTML view (those the registry has)."""


@cache
def _environment() -> Any:
    from ..report.formats.html import require_jinja2

    jinja2 = require_jinja2()
    templates = files("cbcc_standards.server") / "templates"
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: (templates / name).read_text(encoding="utf-8")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _css() -> Any:
    from markupsafe import Markup

    return Markup((files("cbcc_standards.server") / "templates" / "page.css").read_text(encoding="utf-8").strip())


def render_page(state: ServerState, lang: Lang, today: date) -> str:
    """The form page in ``lang``."""
    registry = state.registry
    formats = [(name, registry.renderer(name).label(lang)) for name in DOWNLOADS if name in registry.renderers]
    return str(
        _environment()
        .get_template("page.html.j2")
        .render(
            t=lambda key, **params: t(key, lang, **params),
            lang=lang.value,
            other=Lang.EN if lang is Lang.VI else Lang.VI,
            today=today,
            jurisdictions=registry.jurisdictions,
            province=state.settings.province,
            formats=formats,
            html="html" in registry.renderers,
            tables="xlsx" in registry.renderers,
            within=DEFAULT_WITHIN_MONTHS,
            version=state.version,
            ruleset=state.ruleset_sha256,
            max_upload_mb=f"{state.settings.max_upload_bytes / (1 << 20):.3g}",
            failed=[(p.name, p.error_text(lang) or p.error) for p in registry.plugins if p.error],
            css=_css(),
        )
    )


def render_error(error: ApiError, lang: Lang) -> str:
    """An error of the page's form as a page in ``lang``."""
    return str(
        _environment()
        .get_template("error.html.j2")
        .render(t=lambda key, **params: t(key, lang, **params), lang=lang.value, errors=error.items, css=_css())
    )


def add_page_routes(app: FastAPI, state: ServerState) -> None:
    """Add ``GET /`` (the form) and its answers: ``POST /page/review`` (the review, viewed or downloaded),
    ``/page/statistics`` (the BM01/BM02 form as a workbook) and ``/page/retirements`` (the retirement horizon)."""

    @app.get("/", response_class=HTMLResponse, tags=["page"], summary="The web page (a form to review a roster)")
    async def page(request: Request) -> Response:
        lang = request_lang(request)
        return HTMLResponse(render_page(state, lang, date.today()), headers=PAGE_HEADERS)

    async def answer(request: Request, kind: ReportKind, default_format: str) -> Response:
        """The form's report of ``kind``: the HTML view in the frame, a download otherwise, an error as a page."""
        lang = request_lang(request)
        try:
            job = await read_report_form(request, state, kind, default_format=default_format)
            lang = job.lang
            response = await report_response(state, job, attachment=job.renderer.name != "html")
        except ApiError as exc:
            return HTMLResponse(render_error(exc, exc.lang or lang), status_code=exc.status, headers=PAGE_HEADERS)
        response.headers.update(PAGE_HEADERS)
        return response

    @app.post("/page/review", include_in_schema=False)
    async def page_review(request: Request) -> Response:
        return await answer(request, "review", "html")

    @app.post("/page/statistics", include_in_schema=False)
    async def page_statistics(request: Request) -> Response:
        return await answer(request, "statistics", "xlsx")

    @app.post("/page/retirements", include_in_schema=False)
    async def page_retirements(request: Request) -> Response:
        return await answer(request, "retirements", "xlsx")
