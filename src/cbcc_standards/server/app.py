"""The application factory: :func:`create_app` builds the HTTP API and the web page over one plugin registry."""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response

from ..engine import Engine
from ..i18n import Lang
from ..plugins import Registry, UnknownJurisdictionError, load_registry
from .errors import ApiError, ErrorItem, accept_language, error_body, validation_items
from .guard import Guard
from .settings import ServerSettings

__all__ = ["ServerState", "create_app", "json_response", "request_lang"]

log = logging.getLogger("cbcc_standards.server")

VERSION_HEADER = "X-CBCC-Version"
RULESET_HEADER = "X-CBCC-Ruleset-SHA256"
FAILED_PLUGINS_HEADER = "X-CBCC-Failed-Plugins"


@dataclass
class ServerState:
    """What every request reads: the registry, the settings, the receipt's version and rule-set hash, and the
    engines used on the event loop's thread (one per province; engines are not shared across threads)."""

    registry: Registry
    settings: ServerSettings
    version: str
    ruleset_sha256: str
    engines: dict[str | None, Engine] = field(default_factory=dict)

    def province(self, requested: str | None, lang: Lang) -> str | None:
        """The province a request asks for (or the server's default), checked against the registry: 400 when no
        plugin contributes it."""
        province = requested if requested not in (None, "") else self.settings.province
        if province is None:
            return None
        try:
            return self.registry.resolve_jurisdiction(province)
        except UnknownJurisdictionError:
            known = self.registry.describe_jurisdictions()
            raise ApiError.of(400, "unknown_province", lang, field="province", province=province, known=known) from None

    def loop_engine(self, province: str | None) -> Engine:
        """The event loop's engine for a (checked) province."""
        engine = self.engines.get(province)
        if engine is None:
            engine = self.engines[province] = Engine(self.registry, province=province)
        return engine


def request_lang(request: Request) -> Lang:
    """The language of a request: ``?lang=`` if given, else the preferred of ``Accept-Language``, else Vietnamese."""
    given = request.query_params.get("lang")
    if given:
        try:
            return Lang.parse(given)
        except ValueError:
            raise ApiError.of(400, "unknown_language", Lang.VI, field="lang", lang=given[:20]) from None
    return accept_language(request.headers.get("accept-language"))


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A JSON response, UTF-8, non-ASCII characters kept as they are."""
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _error_response(
    status: int, items: tuple[ErrorItem, ...] | list[ErrorItem], headers: dict[str, str] | None = None
) -> Response:
    return json_response(error_body(items), status, headers)


def create_app(
    registry: Registry | None = None,
    *,
    settings: ServerSettings | None = None,
    plugins: list[str] | None = None,
    strict: bool = False,
) -> FastAPI:
    """The HTTP API and the web page over ``registry`` (default: the built-in and installed plugins, ``plugins``
    naming an allow-list of entry points), answering as ``settings`` say (default: no key, no CORS, 1 MiB bodies,
    100 MiB uploads)."""
    from .. import __version__

    registry = registry if registry is not None else load_registry(allow=plugins, strict=strict)
    settings = settings or ServerSettings()
    if settings.province is not None:
        settings = dataclasses.replace(settings, province=registry.resolve_jurisdiction(settings.province))
    state = ServerState(
        registry=registry, settings=settings, version=str(__version__), ruleset_sha256=registry.content_hash()
    )
    app = FastAPI(
        title="cbcc_standards",
        version=state.version,
        description="The Vietnamese law on the standards of cadres and civil servants, as an HTTP API.",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.cbcc = state

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _error_response(exc.status, exc.items, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        lang = accept_language(request.headers.get("accept-language"))
        errors = list(exc.errors())
        if any(e.get("type") == "json_invalid" for e in errors):
            return _error_response(400, [ErrorItem(code="invalid_json", message=_t("invalid_json", lang, detail="-"))])
        return _error_response(422, validation_items(errors, lang))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        lang = accept_language(request.headers.get("accept-language"))
        code = {404: "not_found", 405: "method_not_allowed", 400: "bad_request"}.get(exc.status_code, "http_error")
        detail = str(exc.detail)[:300] if exc.detail else ""
        item = ErrorItem(code=code, message=_t(code, lang, status=exc.status_code, detail=detail))
        return _error_response(exc.status_code, [item], dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> Response:  # pragma: no cover - a bug of ours
        log.exception("internal error on %s %s", request.method, request.url.path)
        lang = accept_language(request.headers.get("accept-language"))
        headers = {VERSION_HEADER: state.version, RULESET_HEADER: state.ruleset_sha256}
        return _error_response(500, [ErrorItem(code="internal_error", message=_t("internal_error", lang))], headers)

    from .api import add_api_routes
    from .page import add_page_routes, render_error
    from .spec import add_spec_route

    add_api_routes(app, state)
    add_page_routes(app, state)
    add_spec_route(app, state)

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "Accept-Language"],
            expose_headers=[VERSION_HEADER, RULESET_HEADER, FAILED_PLUGINS_HEADER, "Content-Disposition"],
            max_age=600,
        )
    headers = {VERSION_HEADER: state.version, RULESET_HEADER: state.ruleset_sha256}
    failed = [p.name for p in registry.plugins if p.error is not None]
    if failed:
        headers[FAILED_PLUGINS_HEADER] = ",".join(failed)
    app.add_middleware(
        Guard,
        headers=headers,
        api_keys=settings.api_keys,
        max_body=settings.max_body_bytes,
        max_upload=settings.max_upload_bytes,
        cors=bool(settings.cors_origins),
        page_error=render_error,
    )
    return app


def _t(code: str, lang: Lang, **params: Any) -> str:
    from ..i18n import t

    return t(f"server.error.{code}", lang, **params)
