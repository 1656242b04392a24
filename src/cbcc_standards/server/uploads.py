"""Endpoints that take files or rosters: the batch of officials (NDJSON back), the roster review, the quality
statistics (BM01/BM02) and the retirements in any format of the registry, the normalized roster. Uploads are
written to a private temporary folder, read by the same readers as the command line, and removed once answered."""

from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import Response, StreamingResponse

from ..engine import Engine
from ..i18n import Lang
from ..io import InputError, RosterFile, read_units
from ..reading.messages import WordedError
from ..reading.normalize import canonical_row, report_dict
from ..report.quality import DEFAULT_AGE_BANDS, FORMS, Form
from ..report.renderers import Document, Renderer
from ..report.retirements import DEFAULT_WITHIN_MONTHS, parse_months
from ..report.review import review_document
from ..report.shapes import assessment_dict
from ..results import Assessment, Rejected
from .api import ERRORS
from .app import ServerState, request_lang
from .errors import ApiError, ErrorItem, error_body, row_error_dicts
from .models import AsOf, NormalizeOut

__all__ = [
    "ReportRequest",
    "RetirementsForm",
    "ReviewForm",
    "StatisticsForm",
    "add_upload_routes",
    "read_report_form",
    "render_report",
]

_BINARY = WithJsonSchema({"type": "string", "format": "binary"})
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_CHUNK_ROWS = 512
"""Rows evaluated per chunk of a batch's answer (one thread hop per chunk, not per row)."""
_SPOOL = 8 << 20
"""Bytes of a rendered report kept in memory before it goes to a temporary file."""


class ReviewForm(BaseModel):
    """The multipart form of a roster review."""

    model_config = ConfigDict(extra="forbid")

    roster: Annotated[Any, _BINARY] = Field(description="roster file: .xlsx, .csv, .json (a list) or .jsonl")
    units: Annotated[Any, _BINARY] = Field(default=None, description="units file: .json, .jsonl or .csv")
    as_of: AsOf
    province: str | None = Field(default=None, description="apply this province's plugin rules and deadlines")
    format: str | None = Field(
        default=None, description="json (the default), html, xlsx, csv, text, jsonl or a plugin's format"
    )
    lang: str | None = Field(default=None, description="vi or en (default: Accept-Language, else vi)")
    sheet: str | None = Field(default=None, description="sheet of an .xlsx roster")
    encoding: str | None = Field(default=None, description="encoding of a CSV roster that is not UTF-8")
    download: bool = Field(default=False, description="answer as an attachment with a file name")


class StatisticsForm(ReviewForm):
    """The multipart form of the quality statistics (the BM01/BNV, BM02/BNV forms of TT 11/2012/TT-BNV)."""

    format: str | None = Field(default=None, description="json (the default), xlsx, csv, text or a plugin's format")
    form: Annotated[str | None, WithJsonSchema({"type": "string", "enum": ["bm01", "bm02"]})] = Field(
        default=None,
        description="bm02 (commune cadres and civil servants) or bm01 (civil servants of district level and above): "
        "only the officials of its tier are counted (default: everyone, every column)",
    )
    age_bands: str = Field(
        default="30,40,50,60",
        description="upper bounds of the age bands, increasing (the Party forms: 30,35,40,45,50,55,60)",
    )


class RetirementsForm(ReviewForm):
    """The multipart form of who reaches the retirement age within a period, by unit and post."""

    format: str | None = Field(default=None, description="json (the default), xlsx, csv, text or a plugin's format")
    within: str = Field(
        default="24m", description="the period after as_of: months (24, 18m) or years (2y); default 24 months"
    )


class NormalizeForm(BaseModel):
    """The multipart form of a roster to normalize."""

    model_config = ConfigDict(extra="forbid")

    roster: Annotated[Any, _BINARY] = Field(description="roster file: .xlsx, .csv, .json (a list) or .jsonl")
    columns: Annotated[Any, _BINARY] = Field(default=None, description="saved column mapping (.json or .toml)")
    mapping: Annotated[Any, _BINARY] = Field(default=None, description="qualification value mapping (.json or .toml)")
    lang: str | None = None
    sheet: str | None = None
    encoding: str | None = None


_REPORT_FORMS: dict[str, type[ReviewForm]] = {
    "review": ReviewForm,
    "statistics": StatisticsForm,
    "retirements": RetirementsForm,
}
"""The form of each report kind."""


def _multipart(model: type[BaseModel], example: dict[str, Any] | None = None) -> dict[str, Any]:
    """``openapi_extra`` of a multipart request body of ``model``; its ``example`` gives the files' contents as
    strings, JSON (the ``encoding`` says so: an upload named ``roster.json``)."""
    media: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
    if example is not None:
        media["example"] = example
        media["encoding"] = {
            name: {"contentType": "application/json"} for name in ("roster", "units", "columns") if name in example
        }
    return {"requestBody": {"required": True, "content": {"multipart/form-data": media}}}


@dataclass
class Upload:
    """The fields and files of a multipart request, the files saved in ``folder``."""

    folder: Path
    fields: dict[str, str]
    files: dict[str, Path]

    def close(self) -> None:
        """Remove the saved files."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def clean(self, text: str) -> str:
        """An error message without the temporary folder's path (the file's own name stays)."""
        return text.replace(f"{self.folder}/", "").replace(str(self.folder), "")


async def read_form(request: Request, lang: Lang, files: tuple[str, ...], fields: tuple[str, ...]) -> Upload:
    """A multipart form with the named files and fields (others are refused: 422), the files saved under their own
    (sanitised) names, which keep their extensions: the readers choose the format by it. 415 if not multipart."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "multipart/form-data":
        raise ApiError.of(415, "unsupported_media_type", lang, got=media or "-", expected="multipart/form-data")
    form = await request.form(max_files=len(files), max_fields=len(fields) + 4, max_part_size=64 * 1024)
    folder = Path(tempfile.mkdtemp(prefix="cbcc-upload-"))
    upload = Upload(folder, {}, {})
    try:
        errors = []
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key not in files or key in upload.files:
                    errors.append(ErrorItem("unexpected_file", _t("unexpected_file", lang, name=key[:50]), key[:50]))
                    continue
                name = _SAFE_NAME.sub("_", Path(value.filename or "").name).strip("._") or key
                target = folder / f"{key}-{name}"[:150]
                with target.open("wb") as out:
                    while chunk := await value.read(1 << 20):
                        out.write(chunk)
                if target.stat().st_size == 0 and not value.filename:
                    target.unlink()  # an empty file input of a browser form: no file chosen
                    continue
                upload.files[key] = target
            elif key in fields:
                if value != "":
                    upload.fields[key] = value
            else:
                errors.append(ErrorItem("extra_forbidden", _t("unexpected_field", lang, name=key[:50]), key[:50]))
        if errors:
            raise ApiError(422, errors)
    except BaseException:
        upload.close()
        raise
    finally:
        await form.close()
    return upload


ReportKind = Literal["review", "statistics", "retirements"]


@dataclass(frozen=True)
class ReportRequest:
    """A report of a roster asked for: the saved upload, the date, the province, the renderer, the language, and the
    report's own options (the statistics' form and age bands, the retirements' window)."""

    upload: Upload
    as_of: date
    province: str | None
    renderer: Renderer
    lang: Lang
    download: bool
    kind: ReportKind = "review"
    form: Form | None = None
    age_bands: tuple[int, ...] = DEFAULT_AGE_BANDS
    within_months: int = DEFAULT_WITHIN_MONTHS


async def read_report_form(
    request: Request, state: ServerState, kind: ReportKind, default_format: str = "json"
) -> ReportRequest:
    """The form of a report of ``kind``, checked: the upload, a full date, a known province, a renderer of the
    registry that renders the kind (its extra installed), the language (the form's ``lang``, else the request's), the
    report's options (age bands, form, period: 422 naming the field)."""
    lang = request_lang(request)
    model = _REPORT_FORMS[kind]
    upload = await read_form(
        request,
        lang,
        ("roster", "units"),
        tuple(name for name in model.model_fields if name not in ("roster", "units")),
    )
    try:
        if "lang" in upload.fields:
            try:
                lang = Lang.parse(upload.fields["lang"])
            except ValueError:
                raise ApiError.of(
                    400, "unknown_language", lang, field="lang", lang=upload.fields["lang"][:20]
                ) from None
        from .api import validate

        if "roster" not in upload.files:
            raise ApiError(422, [ErrorItem("missing", _t("missing_file", lang, name="roster"), "roster")])
        form = validate(model, {**upload.fields, **upload.files}, lang)
        name = form.format or default_format
        renderers = state.registry.renderers
        usable = sorted(r.name for r, _ in renderers.values() if r.accepts(kind))
        if name not in renderers or not renderers[name][0].accepts(kind):
            raise ApiError.of(400, "unknown_format", lang, field="format", format=name[:40], known=", ".join(usable))
        renderer = renderers[name][0]
        _require_extra(renderer, lang)
        province = state.province(form.province, lang)
        options = _report_options(form, lang)
        return ReportRequest(upload, form.as_of, province, renderer, lang, form.download, kind, **options)
    except ApiError as exc:
        upload.close()
        exc.lang = lang
        raise
    except BaseException:
        upload.close()
        raise


def _report_options(form: ReviewForm, lang: Lang) -> dict[str, Any]:
    """The options of a statistics or retirements form, checked (422 naming the field)."""
    from ..report.tables import MAX_AGE_BANDS, parse_age_bands

    if isinstance(form, StatisticsForm):
        if form.form is not None and form.form not in FORMS:
            known = ", ".join(FORMS)
            raise ApiError.of(422, "unknown_form", lang, field="form", form=form.form[:20], known=known)
        try:
            bands = parse_age_bands(form.age_bands)
        except ValueError:
            raise ApiError.of(
                422, "invalid_age_bands", lang, field="age_bands", value=form.age_bands[:100], most=MAX_AGE_BANDS
            ) from None
        return {"form": form.form, "age_bands": bands}
    if isinstance(form, RetirementsForm):
        try:
            months = parse_months(form.within)
        except ValueError:
            raise ApiError.of(422, "invalid_period", lang, field="within", value=form.within[:40]) from None
        return {"within_months": months}
    return {}


def _require_extra(renderer: Renderer, lang: Lang) -> None:
    from ..report.formats.html import MissingExtraError, require_jinja2
    from ..report.formats.xlsx import require_openpyxl

    try:
        if renderer.extra == "html":
            require_jinja2()
        elif renderer.extra == "excel":
            require_openpyxl()
    except MissingExtraError as exc:
        raise ApiError.of(400, "format_unavailable", lang, field="format", detail=str(exc)) from None


def render_report(state: ServerState, job: ReportRequest, out: IO[bytes]) -> None:
    """Build the report of the uploaded roster (with its units file) and render it to ``out``: the command line's
    ``check``, ``stats`` or ``retirements``, run on the upload. Unreadable input raises a 400 :class:`ApiError`. Runs
    in a worker thread (its own engine)."""
    from ..report.tables import retirements_document, statistics_document

    upload, lang = job.upload, job.lang
    try:
        units = read_units(upload.files["units"], lang=lang.value) if "units" in upload.files else None
        engine = Engine(state.registry, province=job.province, units=units)
        roster = RosterFile(
            upload.files["roster"],
            sheet=upload.fields.get("sheet"),
            encoding=upload.fields.get("encoding"),
            lang=lang.value,
        )
        document: Document
        if job.kind == "review":
            document = review_document(
                engine,
                roster,
                as_of=job.as_of,
                lang=lang,
                input_sha256=roster.sha256,
                file_warnings=lambda: list(roster.warnings),
            )
            document.items = roster.locate(document.items)
        elif job.kind == "statistics":
            rows = roster.locate(engine.validate_roster(roster))
            document = statistics_document(
                engine, rows, as_of=job.as_of, lang=lang, age_bands=job.age_bands, form=job.form
            )
        else:
            rows = roster.locate(engine.validate_roster(roster))
            document = retirements_document(engine, rows, as_of=job.as_of, within_months=job.within_months)
        if job.renderer.binary:
            job.renderer.render(document, out, lang)
        else:
            text = io.TextIOWrapper(out, encoding="utf-8", newline="")
            job.renderer.render(document, text, lang)
            text.flush()
            text.detach()
    except InputError as exc:
        raise ApiError.of(400, "unreadable_file", lang, detail=upload.clean(_said(exc, lang))[:1000]) from None
    except (LookupError, UnicodeError) as exc:  # an unknown --encoding, a CSV not in the encoding given
        raise ApiError.of(400, "unreadable_file", lang, detail=upload.clean(_said(exc, lang))[:1000]) from None


_STEMS = {
    "review": ("ra-soat", "review"),
    "statistics": ("thong-ke", "statistics"),
    "retirements": ("nghi-huu", "retirements"),
}


def report_name(job: ReportRequest) -> str:
    """The file name of a rendered report: ``ra-soat-2021-12-31.xlsx``, ``thong-ke-2021-12-31-bm02.xlsx``,
    ``nghi-huu-2021-12-31.json`` (``review-…``, ``statistics-…``, ``retirements-…`` in English)."""
    vi, en = _STEMS[job.kind]
    stem = vi if job.lang is Lang.VI else en
    form = f"-{job.form}" if job.form else ""
    province = f"-{_SAFE_NAME.sub('_', job.province)}" if job.province else ""
    return f"{stem}-{job.as_of.isoformat()}{form}{province}{job.renderer.extension}"


async def report_response(state: ServerState, job: ReportRequest, *, attachment: bool) -> Response:
    """The rendered report as a response (rendered completely first, in a worker thread: a roster found unreadable
    part-way is a 400, never a cut report)."""
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 - closed by the response's task
    try:
        await run_in_threadpool(render_report, state, job, spool)
    except BaseException:
        spool.close()
        raise
    finally:
        job.upload.close()
    size = spool.tell()
    spool.seek(0)
    disposition = "attachment" if attachment or job.download else "inline"
    headers = {
        "Content-Disposition": f'{disposition}; filename="{report_name(job)}"',
        "Content-Length": str(size),
        "Cache-Control": "no-store",
    }

    def chunks() -> Iterator[bytes]:
        while block := spool.read(1 << 16):
            yield block

    return StreamingResponse(
        chunks(), media_type=job.renderer.media_type, headers=headers, background=BackgroundTask(spool.close)
    )


def _t(code: str, lang: Lang, **params: Any) -> str:
    from ..i18n import t

    return t(f"server.error.{code}", lang, **params)


_BATCH_MEDIA = {
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/jsonlines": ".jsonl",
    "application/x-jsonlines": ".jsonl",
}


def _line(item: Assessment | Rejected, lang: Lang) -> str:
    if isinstance(item, Rejected):
        data = {
            "type": "rejected",
            "row": item.row,
            "line": item.line,
            "id": item.id,
            "errors": row_error_dicts(item.errors, lang),
        }
    else:
        data = {"type": "official", **assessment_dict(item, lang)}
        data["warnings"] = row_error_dicts(item.warnings, lang)
    return json.dumps(data, ensure_ascii=False) + "\n"


def _said(error: BaseException, lang: Lang) -> str:
    """An input error in ``lang`` (a reader's error in the catalogue's words, any other as it is)."""
    return error.message(lang.value) if isinstance(error, WordedError) else str(error)


def add_upload_routes(app: FastAPI, state: ServerState) -> None:
    """Add the batch, review and normalize endpoints to ``app``."""

    example = json_example()

    @app.post(
        "/evaluate/batch",
        responses=ERRORS
        | {
            200: {
                "description": "one line per row, in order: an assessment (type official) or a rejection (type "
                "rejected)",
                "content": {"application/x-ndjson": {"schema": {"$ref": "#/components/schemas/BatchLineOut"}}},
            }
        },
        response_class=StreamingResponse,
        tags=["assess"],
        summary="Assess many officials on a date (a JSON array or NDJSON body; NDJSON back)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Official"}},
                        "example": example,
                    },
                    "application/x-ndjson": {
                        "schema": {"type": "string", "description": "one roster row (a JSON object) per line"}
                    },
                },
            }
        },
    )
    async def batch(
        request: Request,
        as_of: Annotated[
            AsOf, Query(description="evaluation date", openapi_examples={"2021": {"value": "2021-12-31"}})
        ],
        province: Annotated[str | None, Query(description="apply this province's plugin rules and deadlines")] = None,
    ) -> Response:
        lang = request_lang(request)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        suffix = _BATCH_MEDIA.get(media)
        if suffix is None:
            raise ApiError.of(415, "unsupported_media_type", lang, got=media or "-", expected=", ".join(_BATCH_MEDIA))
        chosen = state.province(province, lang)
        folder = Path(tempfile.mkdtemp(prefix="cbcc-batch-"))
        upload = Upload(folder, {}, {})
        path = folder / f"batch{suffix}"
        try:
            size = 0
            with path.open("wb") as out:
                async for block in request.stream():
                    size += len(block)
                    out.write(block)
            if not size:
                raise ApiError.of(400, "empty_body", lang)
            engine = Engine(state.registry, province=chosen)
            try:
                roster = RosterFile(path, lang=lang.value)
            except InputError as exc:
                raise ApiError.of(400, "invalid_json", lang, detail=upload.clean(_said(exc, lang))[:500]) from None
            items = roster.locate(engine.evaluate_roster(roster, as_of=as_of))

            def chunk() -> tuple[str, InputError | None]:
                """The next lines, and the error that ended the body part-way (the lines before it are kept)."""
                out: list[str] = []
                try:
                    for _, item in zip(range(_CHUNK_ROWS), items, strict=False):
                        out.append(_line(item, lang))
                except InputError as exc:
                    return "".join(out), exc
                return "".join(out), None

            first, error = await run_in_threadpool(chunk)
            if error is not None and not first:
                raise ApiError.of(400, "invalid_json", lang, detail=upload.clean(_said(error, lang))[:500])
        except BaseException:
            upload.close()
            raise

        def lines() -> Iterator[str]:
            try:
                text, failed = first, error
                while True:
                    if text:
                        yield text
                    if failed is not None:
                        detail = upload.clean(_said(failed, lang))[:500]
                        items = [ErrorItem("invalid_json", _t("invalid_json", lang, detail=detail))]
                        yield json.dumps({"type": "error", **error_body(items)}, ensure_ascii=False) + "\n"
                        return
                    if not text:
                        return
                    text, failed = chunk()
            finally:
                upload.close()

        return StreamingResponse(lines(), media_type="application/x-ndjson", background=BackgroundTask(upload.close))

    def report_responses(kind: ReportKind, command: str) -> dict[int | str, dict[str, Any]]:
        return ERRORS | {
            200: {
                "description": f"the {kind} in the format asked for (as `{command} --format` writes it)",
                "content": {
                    r.media_type.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                    for r, _ in state.registry.renderers.values()
                    if r.accepts(kind) and r.media_type.split(";")[0] != "application/json"
                }
                | {"application/json": {"schema": {"type": "object"}}},
            }
        }

    roster = json.dumps(example, ensure_ascii=False)

    @app.post(
        "/reports/review",
        responses=report_responses("review", "check"),
        response_class=Response,
        tags=["reports"],
        summary="Review a roster file as of a date (multipart upload), in any report format",
        openapi_extra=_multipart(ReviewForm, {"roster": roster, "as_of": "2021-12-31"}),
    )
    async def review(request: Request) -> Response:
        job = await read_report_form(request, state, "review")
        return await report_response(state, job, attachment=job.renderer.binary)

    @app.post(
        "/reports/statistics",
        responses=report_responses("statistics", "stats"),
        response_class=Response,
        tags=["reports"],
        summary="Quantity and quality statistics of a roster file (the BM01/BNV, BM02/BNV forms of TT 11/2012)",
        openapi_extra=_multipart(StatisticsForm, {"roster": roster, "as_of": "2021-12-31", "form": "bm02"}),
    )
    async def statistics(request: Request) -> Response:
        job = await read_report_form(request, state, "statistics")
        return await report_response(state, job, attachment=job.renderer.binary)

    @app.post(
        "/reports/retirements",
        responses=report_responses("retirements", "retirements"),
        response_class=Response,
        tags=["reports"],
        summary="Who of a roster file reaches the retirement age within a period, by unit and post",
        openapi_extra=_multipart(RetirementsForm, {"roster": roster, "as_of": "2021-12-31", "within": "24m"}),
    )
    async def retirements(request: Request) -> Response:
        job = await read_report_form(request, state, "retirements")
        return await report_response(state, job, attachment=job.renderer.binary)

    @app.post(
        "/normalize",
        response_model=NormalizeOut,
        responses=ERRORS,
        tags=["reports"],
        summary="The canonical roster a file reads as, and what the reader understood",
        openapi_extra=_multipart(NormalizeForm),
    )
    async def normalize(request: Request) -> Response:
        lang = request_lang(request)
        upload = await read_form(request, lang, ("roster", "columns", "mapping"), ("lang", "sheet", "encoding"))
        try:
            if "lang" in upload.fields:
                try:
                    lang = Lang.parse(upload.fields["lang"])
                except ValueError:
                    raise ApiError.of(
                        400, "unknown_language", lang, field="lang", lang=upload.fields["lang"][:20]
                    ) from None
            if "roster" not in upload.files:
                raise ApiError(422, [ErrorItem("missing", _t("missing_file", lang, name="roster"), "roster")])
            return await run_in_threadpool(_normalize, state, upload, lang)
        finally:
            upload.close()


def _normalize(state: ServerState, upload: Upload, lang: Lang) -> Response:
    from .app import json_response

    engine = Engine(state.registry)
    try:
        roster = RosterFile(
            upload.files["roster"],
            sheet=upload.fields.get("sheet"),
            columns=upload.files.get("columns"),
            mapping=upload.files.get("mapping"),
            encoding=upload.fields.get("encoding"),
            lang=lang.value,
            keep_extras=True,
        )
        rejected: list[Rejected] = []
        rows = []
        for number, item in enumerate(roster.locate(engine.validate_roster(roster)), start=1):
            if isinstance(item, Rejected):
                rejected.append(item)
            else:
                rows.append(canonical_row(item, roster.extras.get(number)))
    except InputError as exc:
        raise ApiError.of(400, "unreadable_file", lang, detail=upload.clean(_said(exc, lang))[:1000]) from None
    except (LookupError, UnicodeError) as exc:
        raise ApiError.of(400, "unreadable_file", lang, detail=upload.clean(_said(exc, lang))[:1000]) from None
    report = report_dict(roster.reading, rejected, len(rows))
    report["file"] = upload.clean(str(report["file"]))
    return json_response({"roster": rows, "report": report})


def json_example() -> list[dict[str, Any]]:
    """The batch example: two officials, one of whom is rejected (no id)."""
    return [
        {
            "id": "QN-0001",
            "gender": "male",
            "birth_date": "1985-04-12",
            "category": "cong_chuc",
            "title": "commune.tai_chinh_ke_toan",
            "unit": "QN.BINH_SON.BINH_CHAU",
            "recruited_on": "2015-03-01",
            "qualifications": [
                {"kind": "general_education", "level": "thpt"},
                {"kind": "professional", "level": "trung_cap", "field": "kế toán"},
            ],
        },
        {"full_name": "Không có mã", "title": "commune.dia_chinh"},
    ]
