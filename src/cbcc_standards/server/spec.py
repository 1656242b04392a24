"""``GET /spec``: the OpenAPI 3.0.3 document of the API, generated from the routes and the models.

FastAPI writes OpenAPI 3.1 (JSON Schema 2020-12); client generators and explorers of the .NET, PHP and Java world
read 3.0 best, so the document is converted: ``null`` types become ``nullable``, ``const`` an ``enum``, schema
``examples`` an ``example``, numeric exclusive bounds the 3.0 booleans, ``$ref`` with siblings an ``allOf``.
"""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from starlette.responses import Response

from ..officials import Official
from .app import ServerState, json_response
from .models import OFFICIAL_MARK, REQUEST_MODELS, BatchLineOut, ErrorsOut

__all__ = ["add_spec_route", "build_spec", "to_openapi30"]

OPENAPI_VERSION = "3.0.3"
_REF = "#/components/schemas/{model}"


def _component_models() -> tuple[type[BaseModel], ...]:
    from .uploads import NormalizeForm, RetirementsForm, ReviewForm, StatisticsForm

    forms = (ReviewForm, StatisticsForm, RetirementsForm, NormalizeForm)
    return (*REQUEST_MODELS, Official, BatchLineOut, ErrorsOut, *forms)


def build_spec(app: FastAPI, state: ServerState) -> dict[str, Any]:
    """The OpenAPI 3.0.3 document of ``app``."""
    document = get_openapi(
        title="cbcc_standards",
        version=state.version,
        description=(
            "Check cadres and civil servants against the Vietnamese standards in force on a date. Every response "
            'carries X-CBCC-Version and X-CBCC-Ruleset-SHA256; errors are {"errors": [{row, field, code, message}]} '
            "in the language of Accept-Language (vi, the default, or en)."
        ),
        routes=app.routes,
    )
    components = document.setdefault("components", {}).setdefault("schemas", {})
    _, defs = models_json_schema([(m, "validation") for m in _component_models()], ref_template=_REF)
    for name, schema in defs.get("$defs", {}).items():
        if name in components and components[name] != schema:
            raise RuntimeError(f"two schemas named {name} in the OpenAPI document")
        components[name] = schema
    security = {
        "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
        "bearer": {"type": "http", "scheme": "bearer"},
    }
    if state.settings.api_keys:
        document["components"]["securitySchemes"] = security
        document["security"] = [{"apiKey": []}, {"bearer": []}]
        for path, item in document["paths"].items():
            if path == "/health":
                for operation in item.values():
                    operation["security"] = []
    return to_openapi30(_officials(document))


def _officials(node: Any) -> Any:
    """The request models' stand-ins for a person replaced by a reference to the ``Official`` schema."""
    if isinstance(node, dict):
        if node.get(OFFICIAL_MARK):
            return {"$ref": _REF.format(model="Official")}
        return {k: _officials(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_officials(v) for v in node]
    return node


def to_openapi30(document: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI 3.1 document as OpenAPI 3.0.3 (a converted copy)."""
    out = copy.deepcopy(document)
    out["openapi"] = OPENAPI_VERSION
    for key in ("webhooks", "jsonSchemaDialect"):
        out.pop(key, None)
    for item in out.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", ()):
                if "schema" in parameter:
                    parameter["schema"] = _schema(parameter["schema"])
            for media in operation.get("requestBody", {}).get("content", {}).values():
                if "schema" in media:
                    media["schema"] = _schema(media["schema"])
            for response in operation.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    if "schema" in media:
                        media["schema"] = _schema(media["schema"])
    schemas = out.get("components", {}).get("schemas", {})
    for name in list(schemas):
        schemas[name] = _schema(schemas[name])
    return out


def _schema(schema: Any) -> Any:
    """One JSON Schema 2020-12 schema as an OpenAPI 3.0 schema object."""
    if isinstance(schema, list):
        return [_schema(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    s = {k: v for k, v in schema.items() if k not in ("$schema", "$id", "contentMediaType", "contentEncoding")}
    if schema.get("contentMediaType") == "application/octet-stream":
        s.setdefault("type", "string")
        s["format"] = "binary"
    for key in ("properties", "patternProperties"):
        if isinstance(s.get(key), dict):
            s[key] = {name: _schema(sub) for name, sub in s[key].items()}
    for key in ("items", "additionalProperties", "not"):
        if isinstance(s.get(key), dict):
            s[key] = _schema(s[key])
    if "prefixItems" in s:
        items = [_schema(i) for i in s.pop("prefixItems")]
        s["items"] = items[0] if all(i == items[0] for i in items) else {"anyOf": items}
    if "const" in s:
        s["enum"] = [s.pop("const")]
    if "examples" in s:
        examples = s.pop("examples")
        if isinstance(examples, list) and examples:
            s.setdefault("example", examples[0])
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(s.get(bound), int | float) and not isinstance(s.get(bound), bool):
            s[plain] = s.pop(bound)
            s[bound] = True
    if isinstance(s.get("type"), list):
        types = [t for t in s["type"] if t != "null"]
        if len(types) < len(s["type"]):
            s["nullable"] = True
        s["type"] = types[0] if len(types) == 1 else s["type"]
        if isinstance(s["type"], list):
            s["anyOf"] = [{"type": t} for t in s.pop("type")]
    for key in ("anyOf", "oneOf", "allOf"):
        if key not in s:
            continue
        options = [_schema(o) for o in s[key]]
        kept = [o for o in options if o != {"type": "null"}]
        if len(kept) < len(options):
            s["nullable"] = True
        if len(kept) == 1 and key != "allOf":
            del s[key]
            only = kept[0]
            if "$ref" in only:
                s["allOf"] = [only]
            else:
                s = {**only, **s}
        else:
            s[key] = kept
    if "$ref" in s and len(s) > 1:
        s = {"allOf": [{"$ref": s.pop("$ref")}], **s}
    if "default" in s and s["default"] is None and "type" in s:
        s["nullable"] = True
    if s.get("nullable") and isinstance(s.get("enum"), list) and None not in s["enum"]:
        s["enum"] = [*s["enum"], None]  # OpenAPI 3.0.3: an enum lists null for nullable to allow it
    if s.get("nullable") and "type" not in s and not any(k in s for k in ("anyOf", "oneOf", "allOf", "$ref")):
        s.pop("nullable")  # "anything, null included": 3.0 needs no word for it
    return s


def add_spec_route(app: FastAPI, state: ServerState) -> None:
    """Add ``GET /spec`` (the document is built once, on first request)."""
    built: list[dict[str, Any]] = []

    @app.get("/spec", tags=["meta"], summary="This API's OpenAPI 3.0.3 document", include_in_schema=True)
    async def spec() -> Response:
        if not built:
            built.append(build_spec(app, state))
        return json_response(built[0])
