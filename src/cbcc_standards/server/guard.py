"""The outermost layer of the server (pure ASGI): version headers on every response, the API key, and the size
limits of request bodies (a clear 413, before the body is read when its length is announced)."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ..i18n import Lang
from .errors import ApiError, ErrorItem, accept_language, error_body

__all__ = ["UPLOAD_PATHS", "BodyTooLargeError", "Guard"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UPLOAD_PATHS = frozenset(
    {
        "/evaluate/batch",
        "/reports/review",
        "/reports/statistics",
        "/reports/retirements",
        "/normalize",
        "/planning",
        "/page/review",
    }
)
"""Paths whose bodies are files or rosters: they get the upload limit; every other body gets the body limit."""
OPEN_PATHS = frozenset({"/health"})
"""Paths answered without an API key."""
PAGE_PATHS = ("/", "/page/")
"""The web page: a missing key asks the browser for it (HTTP Basic: any user name, the key as password)."""


class BodyTooLargeError(ApiError):
    """A request body over the limit of its path (413)."""


def _too_large(limit: int, lang: Lang) -> BodyTooLargeError:
    error = ApiError.of(413, "too_large", lang, limit_mb=f"{limit / (1 << 20):.3g}")
    return BodyTooLargeError(413, error.items)


class Guard:
    """Wraps the application: adds ``headers`` to every response; with ``api_keys``, refuses (401) every request but
    ``/health`` and CORS preflights that does not carry one of them (``X-API-Key``, ``Authorization: Bearer`` or
    HTTP Basic's password), compared in constant time; refuses (413) bodies over ``max_body`` bytes, or
    ``max_upload`` bytes on :data:`UPLOAD_PATHS`."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        headers: dict[str, str],
        api_keys: tuple[str, ...],
        max_body: int,
        max_upload: int,
        cors: bool,
        page_error: Callable[[ApiError, Lang], str] | None = None,
    ) -> None:
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1", "replace")) for k, v in headers.items()]
        self.keys = tuple(k.encode("utf-8") for k in api_keys)
        self.max_body = max_body
        self.max_upload = max_upload
        self.cors = cors
        self.page_error = page_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        lang = accept_language(headers.get("accept-language"))
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *self.headers]
            await send(message)

        preflight = self.cors and scope.get("method") == "OPTIONS" and "access-control-request-method" in headers
        if self.keys and path not in OPEN_PATHS and not preflight and not self._authorised(headers):
            page = path == "/" or path.startswith("/page/")
            challenge = 'Basic realm="cbcc-standards", charset="UTF-8"' if page else 'Bearer realm="cbcc-standards"'
            error = ApiError.of(401, "unauthorised", lang)
            await _respond(send_with_headers, 401, error.items, {"www-authenticate": challenge})
            return
        limit = self.max_upload if path in UPLOAD_PATHS else self.max_body
        length = headers.get("content-length")
        if length is not None:
            try:
                announced = int(length)
            except ValueError:
                announced = -1
            if announced < 0:
                await _respond(send_with_headers, 400, ApiError.of(400, "bad_length", lang).items)
                return
            if announced > limit:
                error = _too_large(limit, lang)
                if self.page_error is not None and path.startswith("/page/"):
                    body = self.page_error(error, accept_language(headers.get("accept-language")))
                    await _respond_html(send_with_headers, 413, body)
                    return
                await _respond(send_with_headers, 413, error.items, {"connection": "close"})
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _too_large(limit, lang)
            return message

        await self.app(scope, counted, send_with_headers)

    def _authorised(self, headers: dict[str, str]) -> bool:
        offered: list[bytes] = []
        if "x-api-key" in headers:
            offered.append(headers["x-api-key"].strip().encode("utf-8", "replace"))
        scheme, _, value = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            offered.append(value.strip().encode("utf-8", "replace"))
        elif scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(value.strip(), validate=True)
            except (binascii.Error, ValueError):
                decoded = b""
            offered.append(decoded.partition(b":")[2])
        # Every offered value against every key, without stopping early: the time taken does not tell which matched.
        found = False
        for candidate in offered:
            for key in self.keys:
                found |= hmac.compare_digest(candidate, key)
        return found


async def _respond(
    send: Send, status: int, items: tuple[ErrorItem, ...], headers: dict[str, str] | None = None
) -> None:
    body = json.dumps(error_body(items), ensure_ascii=False).encode("utf-8")
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


async def _respond_html(send: Send, status: int, html: str) -> None:
    body = html.encode("utf-8")
    raw = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    raw.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
