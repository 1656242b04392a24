"""``/spec`` is a valid OpenAPI 3.0 document (not 3.1), generated from the models; every example in it is executed
and every answer is checked against the schema the document gives for it."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

openapi_spec_validator = pytest.importorskip("openapi_spec_validator")
openapi_schema_validator = pytest.importorskip("openapi_schema_validator")

ONLY_31 = {"const", "prefixItems", "$defs", "contentMediaType", "contentEncoding", "examples", "unevaluatedProperties"}


@pytest.fixture(scope="module")
def spec(app: Any) -> dict[str, Any]:
    with TestClient(app) as client:
        response = client.get("/spec")
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


def _walk(node: Any, path: str = "") -> Any:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


def test_spec_is_valid_openapi_30(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.0.3"
    openapi_spec_validator.validate(spec, cls=openapi_spec_validator.OpenAPIV30SpecValidator)


def test_spec_has_no_31_only_keywords(spec: dict[str, Any]) -> None:
    for path, node in _walk(spec["components"]["schemas"]):
        if "/properties/" in path and path.rsplit("/", 2)[-2] == "properties":
            continue  # a property may be named like a keyword
        found = ONLY_31.intersection(node)
        assert not found, f"{path}: {found}"
        assert node.get("type") != "null", path
        assert not isinstance(node.get("type"), list), path


def test_spec_lists_every_endpoint(spec: dict[str, Any]) -> None:
    expected = {
        ("get", "/"), ("get", "/spec"), ("get", "/health"), ("get", "/rules"), ("get", "/rules/{code}"),
        ("get", "/titles"), ("get", "/levels"), ("get", "/plugins"), ("post", "/evaluate"), ("post", "/evaluate/batch"),
        ("post", "/candidate"), ("post", "/retirement"), ("post", "/planning"), ("post", "/normalize"),
        ("post", "/reports/review"), ("post", "/reports/statistics"), ("post", "/reports/retirements"),
    }  # fmt: skip
    found = {(method, path) for path, item in spec["paths"].items() for method in item}
    assert found == expected
    assert "Official" in spec["components"]["schemas"]
    assert spec["paths"]["/evaluate"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/EvaluateRequest"
    }


def _strict(spec: dict[str, Any]) -> dict[str, Any]:
    """The components with every object closed (``additionalProperties: false`` where nothing is said), so an answer
    with a field the document lacks fails too."""
    components = copy.deepcopy(spec["components"])
    for _, node in _walk(components):
        if "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
    return components


def _check(spec: dict[str, Any], schema: dict[str, Any], instance: Any) -> None:
    root = {**schema, "components": _strict(spec)}
    validator = openapi_schema_validator.OAS30Validator(
        root, format_checker=openapi_schema_validator.oas30_format_checker
    )
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message[:300]}" for e in errors[:5])


def _response_schema(operation: dict[str, Any], status: int, media: str) -> dict[str, Any] | None:
    answer = operation["responses"].get(str(status), {})
    return answer.get("content", {}).get(media, {}).get("schema")


def _examples(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], Any, dict[str, Any]]]:
    """(method, path, operation, body example, query examples) of every operation with an example."""
    found = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            query = {}
            for p in operation.get("parameters", ()):
                if p["in"] == "query" and "example" in p.get("schema", {}):
                    query[p["name"]] = p["schema"]["example"]
                for example in p.get("examples", {}).values():
                    query[p["name"]] = example["value"]
            for media, body in operation.get("requestBody", {}).get("content", {}).items():
                if "example" in body:
                    found.append((method, path, operation, (media, body["example"]), query))
            if "requestBody" not in operation and query:
                found.append((method, path, operation, None, query))
    return found


def _multipart(operation: dict[str, Any], example: dict[str, Any]) -> dict[str, Any]:
    """The files and fields of a multipart example: the parts its ``encoding`` gives a content type are files (JSON:
    ``roster.json``), the others fields."""
    encoding = operation["requestBody"]["content"]["multipart/form-data"].get("encoding", {})
    suffix = {"application/json": ".json"}
    files = {
        name: (name + suffix[encoding[name]["contentType"]], str(value).encode())
        for name, value in example.items()
        if name in encoding
    }
    return {"files": files, "data": {name: value for name, value in example.items() if name not in encoding}}


def test_every_example_runs_and_answers_as_documented(spec: dict[str, Any], client: TestClient) -> None:
    examples = _examples(spec)
    assert {path for _, path, *_ in examples} >= {
        "/evaluate",
        "/evaluate/batch",
        "/candidate",
        "/retirement",
        "/planning",
        "/rules",
        "/reports/review",
        "/reports/statistics",
        "/reports/retirements",
    }
    for method, path, operation, body, query in examples:
        kwargs: dict[str, Any] = {"params": query}
        if body is not None and body[0] == "multipart/form-data":
            kwargs.update(_multipart(operation, body[1]))
        elif body is not None:
            kwargs["content"] = json.dumps(body[1]).encode()
            kwargs["headers"] = {"Content-Type": body[0]}
        response = client.request(method.upper(), path, **kwargs)
        assert response.status_code == 200, (path, response.text)
        media = response.headers["content-type"].split(";")[0]
        schema = _response_schema(operation, 200, media)
        assert schema is not None, (path, media)
        if media == "application/x-ndjson":
            lines = [json.loads(line) for line in response.text.splitlines()]
            assert lines
            for line in lines:
                _check(spec, schema, line)
                kind = {"official": "AssessmentOut", "rejected": "RejectedOut"}[line.pop("type")]
                _check(spec, {"$ref": f"#/components/schemas/{kind}"}, line)
        else:
            _check(spec, schema, response.json())


def test_every_schema_example_fits_its_schema(spec: dict[str, Any]) -> None:
    checked = 0
    for name, schema in spec["components"]["schemas"].items():
        if "example" in schema:
            _check(spec, {"$ref": f"#/components/schemas/{name}"}, schema["example"])
            checked += 1
    assert checked >= 4


def test_answers_of_the_other_endpoints_fit_the_document(spec: dict[str, Any], client: TestClient) -> None:
    for path in ("/health", "/plugins", "/titles", "/levels", "/rules", "/rules/CX-CC-2023-PROF"):
        operation = spec["paths"][path if "CX" not in path else "/rules/{code}"]["get"]
        schema = _response_schema(operation, 200, "application/json")
        assert schema is not None
        _check(spec, schema, client.get(path).json())
    errors = client.post("/evaluate", json={"as_of": "2021-02-30"})
    _check(spec, _response_schema(spec["paths"]["/evaluate"]["post"], 422, "application/json") or {}, errors.json())
    from server_support import EXAMPLES, upload

    normalize = client.post("/normalize", files={"roster": upload("roster.csv", EXAMPLES / "roster.csv")})
    _check(spec, _response_schema(spec["paths"]["/normalize"]["post"], 200, "application/json") or {}, normalize.json())


def test_docs_describe_every_endpoint(spec: dict[str, Any]) -> None:
    from server_support import ROOT

    text = (ROOT / "docs" / "http-api.md").read_text(encoding="utf-8")
    for path, item in spec["paths"].items():
        for method in item:
            assert f"`{method.upper()} {path}" in text, f"docs/http-api.md does not describe {method.upper()} {path}"
