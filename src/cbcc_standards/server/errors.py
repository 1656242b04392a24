"""Errors a client gets: one JSON shape, ``{"errors": [{"row", "field", "code", "message"}]}``, in the request's
language, with the HTTP status that says whose fault it is (4xx: the request's; 500: ours)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..i18n import Lang, t
from ..results import RowError, row_errors

__all__ = [
    "ApiError",
    "ErrorItem",
    "accept_language",
    "error_body",
    "row_error_items",
    "validation_items",
]


@dataclass(frozen=True)
class ErrorItem:
    """One problem: the row (of a batch or roster, None for a single object), the field (dotted path), a stable code
    and a message in the request's language."""

    code: str
    message: str
    field: str | None = None
    row: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {"row": self.row, "field": self.field, "code": self.code, "message": self.message}


class ApiError(Exception):
    """A request the server refuses: the status and the error items (see :func:`error_body`)."""

    def __init__(self, status: int, items: Sequence[ErrorItem], headers: Mapping[str, str] | None = None) -> None:
        super().__init__("; ".join(f"{i.code}: {i.message}" for i in items))
        self.status = status
        self.items = tuple(items)
        self.headers = dict(headers or {})
        self.lang: Lang | None = None
        """The language the messages are in, when it is not the request's (a form's own ``lang`` field)."""

    @classmethod
    def of(
        cls,
        status: int,
        code: str,
        lang: Lang,
        /,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
        **params: Any,
    ) -> ApiError:
        """An error of one item, its message the catalogue's ``server.error.<code>`` in ``lang``."""
        item = ErrorItem(code=code, message=t(f"server.error.{code}", lang, **params), field=field)
        return cls(status, [item], headers)


def error_body(items: Iterable[ErrorItem]) -> dict[str, Any]:
    """The JSON body of an error response."""
    return {"errors": [item.as_dict() for item in items]}


def validation_items(errors: Iterable[Mapping[str, Any]], lang: Lang, *, prefix: str | None = None) -> list[ErrorItem]:
    """Error items from pydantic's ``errors()`` (``loc``, ``type``, ``msg``, ``input``), the location as a dotted
    field, worded as a roster's rejected rows are (:func:`cbcc_standards.results.row_errors`).

    FastAPI's locations start with where the value was (``body``, ``query``, ``path``): that part is dropped."""
    located = []
    for err in errors:
        loc = [p for p in err.get("loc", ()) if p not in ("function-before", "function-after")]
        if loc and loc[0] in ("body", "query", "path", "header"):
            loc = loc[1:]
        if prefix:
            loc = [prefix, *loc]
        located.append(
            {**err, "loc": tuple(loc), "type": str(err.get("type", "invalid")), "msg": str(err.get("msg", ""))}
        )
    return row_error_items(row_errors(located), lang)


def row_error_items(
    errors: Iterable[RowError], lang: Lang, *, row: int | None = None, prefix: str | None = None
) -> list[ErrorItem]:
    """Error items from a rejected row's errors; the engine's English validation messages are put in ``lang``."""
    items = []
    for e in errors:
        field = f"{prefix}.{e.field}" if prefix and e.field else (prefix or e.field)
        message = e.model_copy(update={"field": field}).render(lang) if e.english else e.message
        items.append(ErrorItem(code=e.code, message=message, field=field, row=row))
    return items


def row_error_dicts(errors: Iterable[RowError], lang: Lang) -> list[dict[str, Any]]:
    """A rejected row's errors as the report shapes give them (``field``, ``message``, ``code``), in ``lang``."""
    return [{"field": e.field, "message": e.render(lang), "code": e.code} for e in errors]


def accept_language(header: str | None, default: Lang = Lang.VI) -> Lang:
    """The language an ``Accept-Language`` header prefers among the catalogue's (highest quality first, then order);
    ``default`` when it names none of them."""
    if not header:
        return default
    best: tuple[float, int, Lang] | None = None
    for index, part in enumerate(header.split(",")[:32]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0 or not tag.strip():
            continue
        try:
            lang = default if tag.strip() == "*" else Lang.parse(tag)
        except ValueError:
            continue
        if best is None or (quality, -index) > (best[0], -best[1]):
            best = (quality, index, lang)
    return best[2] if best is not None else default
