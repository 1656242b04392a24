"""The JSON endpoints: rules, titles, levels, plugins, health; one official, a batch, a candidate, a retirement date,
a planning pool, a normalized roster, and the roster review (see :mod:`.uploads`)."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ..appraisal import planning_pool
from ..dates import DateParseError, parse_legal_date, retirement
from ..engine import Engine
from ..i18n import Lang
from ..ladders import LADDERS
from ..officials import Official
from ..report.formats.json import document_data
from ..report.renderers import CandidateDocument, PlanningDocument, RetirementDocument
from ..report.shapes import assessment_dict, error_dict, rule_dict
from ..results import Rejected
from ..titles import UnknownTitleError
from ..types import GenderField
from .app import ServerState, json_response, request_lang
from .errors import ApiError, ErrorItem, row_error_dicts, row_error_items, validation_items
from .models import (
    AsOf,
    AssessmentOut,
    CandidateRequest,
    ErrorsOut,
    EvaluateRequest,
    HealthOut,
    LadderOut,
    PlanningOut,
    PlanningRequest,
    PluginOut,
    RetirementOut,
    RetirementRequest,
    RuleDetailOut,
    RuleOut,
    TitleOut,
)
from .rows import JsonRows

__all__ = ["add_api_routes", "json_body", "read_person"]

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorsOut, "description": what}
    for status, what in (
        (400, "unreadable input: bad JSON, unknown province, an unreadable file"),
        (401, "an API key is required"),
        (413, "the body is over the size limit"),
        (415, "wrong content type"),
        (422, "input that does not fit the schema"),
    )
}


def json_request(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` describing a JSON request body of ``model``, with the model's example."""
    extra = model.model_config.get("json_schema_extra")
    example = extra.get("example") if isinstance(extra, dict) else None
    media: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
    if example is not None:
        media["example"] = example
    return {"requestBody": {"required": True, "content": {"application/json": media}}}


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def json_body(request: Request, lang: Lang) -> Any:
    """The request's JSON body: 415 for another content type, 400 for an empty or invalid one."""
    media = _media_type(request)
    if media != "application/json" and not media.endswith("+json"):
        raise ApiError.of(415, "unsupported_media_type", lang, got=media or "-", expected="application/json")
    body = await request.body()
    if not body.strip():
        raise ApiError.of(400, "empty_body", lang)
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        raise ApiError.of(400, "not_utf8", lang) from None
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise ApiError.of(400, "invalid_json", lang, detail=detail) from None
    except RecursionError:
        raise ApiError.of(400, "invalid_json", lang, detail="nested too deeply") from None


def validate(model: type[Any], data: Any, lang: Lang) -> Any:
    """``data`` validated by a request model; 422 with every problem otherwise."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ApiError(422, validation_items(exc.errors(include_url=False, include_input=True), lang)) from None


def read_person(engine: Engine, data: dict[str, Any], lang: Lang, field: str) -> tuple[Official, list[dict[str, Any]]]:
    """A person of a request body, read as a roster row (``check``'s reader), and the reader's remarks; 422 with the
    row's problems otherwise."""
    rows = JsonRows([data], lang=lang.value)
    item = next(iter(engine.validate_roster(rows)))
    if isinstance(item, Rejected):
        raise ApiError(422, row_error_items(item.errors, lang, prefix=field))
    return item, [error_dict(w, lang) for w in rows.warnings()]


def _assessment(assessment: Any, lang: Lang, remarks: list[dict[str, Any]]) -> dict[str, Any]:
    data = assessment_dict(assessment, lang)
    data["warnings"] = [*row_error_dicts(assessment.warnings, lang), *remarks]
    return data


def _rejected(rejected: Rejected, lang: Lang) -> dict[str, Any]:
    return {
        "row": rejected.row,
        "line": rejected.line,
        "id": rejected.id,
        "errors": row_error_dicts(rejected.errors, lang),
    }


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def add_api_routes(app: FastAPI, state: ServerState) -> None:
    """Add the JSON endpoints to ``app``."""
    registry = state.registry

    @app.get("/health", response_model=HealthOut, tags=["meta"], summary="The server is up")
    async def health() -> Response:
        return json_response({"status": "ok", "version": state.version, "ruleset_sha256": state.ruleset_sha256})

    @app.get("/plugins", response_model=list[PluginOut], responses=ERRORS, tags=["meta"], summary="Plugins loaded")
    async def plugins() -> Response:
        return json_response(
            [{"name": p.name, "version": p.version, "builtin": p.builtin, "error": p.error} for p in registry.plugins]
        )

    @app.get(
        "/rules", response_model=list[RuleOut], responses=ERRORS, tags=["law"], summary="Rules (in force on a date)"
    )
    async def rules(
        request: Request,
        as_of: Annotated[
            AsOf | None,
            Query(description="only rules in force on this date", openapi_examples={"2024": {"value": "2024-01-01"}}),
        ] = None,
        province: Annotated[str | None, Query(description="include this province's rules")] = None,
    ) -> Response:
        lang = request_lang(request)
        chosen = state.province(province, lang) if province else None
        rows = [
            rule_dict(r, rs, src)
            for r, rs, src in registry.rules(as_of=as_of, jurisdiction=chosen)
            if chosen is not None or rs.jurisdiction == "national"
        ]
        return json_response(rows)

    @app.get(
        "/rules/{code}",
        response_model=RuleDetailOut,
        responses=ERRORS | {404: {"model": ErrorsOut}},
        tags=["law"],
        summary="One rule explained",
    )
    async def rule(request: Request, code: str) -> Response:
        lang = request_lang(request)
        try:
            found, ruleset, source = registry.rule(code.upper())
        except KeyError:
            raise ApiError.of(404, "unknown_rule", lang, field="code", code=code[:100]) from None
        module = sys.modules.get(source)
        return json_response(rule_dict(found, ruleset, source) | {"doc": module.__doc__ if module else None})

    @app.get("/titles", response_model=list[TitleOut], responses=ERRORS, tags=["law"], summary="Titles and ranks")
    async def titles(
        as_of: Annotated[AsOf | None, Query(description="only titles that exist on this date")] = None,
    ) -> Response:
        rows = [
            {
                "code": title.code,
                "name_vi": title.name_vi,
                "name_en": title.name_en,
                "tier": title.tier,
                "category": str(title.category),
                "leadership": title.leadership,
                "filled_by": title.filled_by,
                "valid_from": _date(title.valid.start),
                "valid_to": _date(title.valid.end),
                "aliases": list(title.aliases),
            }
            for title in sorted(registry.titles, key=lambda t: t.code)
            if as_of is None or title.valid.contains(as_of)
        ]
        return json_response(rows)

    @app.get("/levels", response_model=list[LadderOut], tags=["law"], summary="Qualification ladders and spellings")
    async def levels() -> Response:
        rows = []
        for ladder in LADDERS.values():
            spellings: dict[str, list[str]] = {level.code: [level.vi] for level in ladder.levels}
            for spelling, code in ladder.aliases.items():
                spellings[code].append(spelling)
            rows.append(
                {
                    "name": ladder.name,
                    "vi": ladder.vi,
                    "en": ladder.en,
                    "levels": [
                        {"code": lv.code, "rank": lv.rank, "vi": lv.vi, "en": lv.en, "spellings": spellings[lv.code]}
                        for lv in ladder.levels
                    ],
                }
            )
        return json_response(rows)

    @app.post(
        "/evaluate",
        response_model=AssessmentOut,
        responses=ERRORS,
        tags=["assess"],
        summary="Assess one official on a date",
        openapi_extra=json_request(EvaluateRequest),
    )
    async def evaluate(request: Request) -> Response:
        lang = request_lang(request)
        body = validate(EvaluateRequest, await json_body(request, lang), lang)
        engine = state.loop_engine(state.province(body.province, lang))
        official, remarks = read_person(engine, body.official, lang, "official")
        assessment = engine.evaluate(official, as_of=body.as_of, unit=body.unit)
        return json_response(_assessment(assessment, lang, remarks))

    @app.post(
        "/candidate",
        response_model=AssessmentOut,
        responses=ERRORS,
        tags=["assess"],
        summary="Appraise a candidate for a title",
        openapi_extra=json_request(CandidateRequest),
    )
    async def candidate(request: Request) -> Response:
        lang = request_lang(request)
        body = validate(CandidateRequest, await json_body(request, lang), lang)
        engine = state.loop_engine(state.province(body.province, lang))
        person, remarks = read_person(engine, body.person, lang, "person")
        code = _title(body.title, lang)
        assessment = engine.appraise(
            person,
            title=code,
            on=body.on,
            process_started=body.process_started,
            rotation=body.rotation,
            first=body.first,
            unit=body.unit,
        )
        document = CandidateDocument(
            assessment=assessment, title=registry.titles[code], on=body.on, full_name=person.full_name
        )
        data = document_data(document, lang)
        data["warnings"] = [*row_error_dicts(assessment.warnings, lang), *remarks]
        return json_response(data)

    @app.post(
        "/retirement",
        response_model=RetirementOut,
        responses=ERRORS,
        tags=["assess"],
        summary="Normal retirement date on the 2021–2035 roadmap",
        openapi_extra=json_request(RetirementRequest),
    )
    async def retirement_date(request: Request) -> Response:
        lang = request_lang(request)
        body = validate(RetirementRequest, await json_body(request, lang), lang)
        errors: list[ErrorItem] = []
        try:
            gender = TypeAdapter(GenderField).validate_python(body.gender)
        except ValidationError:
            errors.append(ErrorItem("invalid_gender", _msg("invalid_gender", lang, value=body.gender[:40]), "gender"))
        try:
            born = parse_legal_date(body.born)
        except DateParseError as exc:
            errors.append(ErrorItem(DateParseError.code, _msg("invalid_date", lang, detail=str(exc)[:200]), "born"))
        if errors:
            raise ApiError(422, errors)
        document = RetirementDocument(gender=gender, born=born, retirement=retirement(gender, born))
        return json_response(document_data(document, lang))

    @app.post(
        "/planning",
        response_model=PlanningOut,
        responses=ERRORS,
        tags=["assess"],
        summary="Who could fill a post (planning pool)",
        openapi_extra=json_request(PlanningRequest),
    )
    async def planning(request: Request) -> Response:
        lang = request_lang(request)
        body = validate(PlanningRequest, await json_body(request, lang), lang)
        province = state.province(body.province, lang)
        code = _title(body.title, lang)

        def run() -> dict[str, Any]:
            engine = Engine(registry, province=province)
            rejected: list[Rejected] = []
            officials = []
            for item in engine.validate_roster(JsonRows(body.officials, lang=lang.value)):
                if isinstance(item, Rejected):
                    rejected.append(item)
                else:
                    officials.append(item)
            try:
                pool = planning_pool(
                    officials, title=code, as_of=body.as_of, terms=body.terms, min_rating=body.min_rating, engine=engine
                )
            except ValueError as exc:
                raise ApiError(
                    422, [ErrorItem("invalid_value", _msg("invalid_value", lang, detail=str(exc)[:200]), "min_rating")]
                ) from None
            document = PlanningDocument(title=registry.titles[code], as_of=body.as_of, pool=tuple(pool))
            data: dict[str, Any] = document_data(document, lang)
            data["rejected"] = [_rejected(r, lang) for r in rejected]
            return data

        return json_response(await run_in_threadpool(run))

    def _title(text: str, lang: Lang) -> str:
        try:
            code: str = registry.titles.resolve(text)
        except UnknownTitleError:
            raise ApiError.of(422, "unknown_title", lang, field="title", title=text[:100]) from None
        return code

    from .uploads import add_upload_routes

    add_upload_routes(app, state)


def _msg(code: str, lang: Lang, **params: Any) -> str:
    from ..i18n import t

    return t(f"server.error.{code}", lang, **params)
