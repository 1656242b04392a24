"""The HTTP API's request and response models: they validate requests and generate the OpenAPI document (``/spec``).

Responses are built by :mod:`cbcc_standards.report.shapes` (the one JSON shape per concept); the response models
here describe those shapes for the contract, and a test checks every response against them."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..dates import DateParseError, parse_full_date
from ..units import AdministrativeUnit

__all__ = [
    "AsOf",
    "AssessmentOut",
    "CandidateRequest",
    "ErrorsOut",
    "EvaluateRequest",
    "HealthOut",
    "LadderOut",
    "NormalizeOut",
    "PlanningOut",
    "PlanningRequest",
    "PluginOut",
    "RetirementOut",
    "RetirementRequest",
    "RuleOut",
    "TitleOut",
]


def _full_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return parse_full_date(value)
        except DateParseError as exc:
            raise PydanticCustomError(DateParseError.code, str(exc)) from None
    return value


AsOf = Annotated[
    date,
    BeforeValidator(_full_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "YYYY-MM-DD (dd/mm/yyyy is accepted too)"}),
]
"""A full date, as evaluation dates must be."""

OFFICIAL_MARK = "x-cbcc-official"
_OFFICIAL = WithJsonSchema({"type": "object", OFFICIAL_MARK: True})
"""A person in the roster format (docs/input-format.md), read as ``check`` reads a roster row."""

_REQUEST = ConfigDict(extra="forbid")


class EvaluateRequest(BaseModel):
    """One official to assess on a date."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "official": {
                    "id": "QN-0002",
                    "gender": "female",
                    "birth_date": "20/07/1990",
                    "category": "cong_chuc",
                    "title": "commune.van_phong_thong_ke",
                    "unit": "QN.BINH_SON.BINH_CHAU",
                    "recruited_on": "2016-05-01",
                    "qualifications": [
                        {"kind": "general_education", "level": "thpt"},
                        {"kind": "professional", "level": "trung_cap", "field": "văn thư lưu trữ"},
                        {"kind": "it", "level": "co_ban"},
                    ],
                },
                "as_of": "2021-12-31",
            }
        },
    )

    official: Annotated[dict[str, Any], _OFFICIAL]
    as_of: AsOf
    province: str | None = Field(default=None, description="apply this province's plugin rules and deadlines")
    unit: AdministrativeUnit | None = Field(
        default=None, description="the official's unit (commune class, difficult-area flags), if the server lacks it"
    )


class CandidateRequest(BaseModel):
    """A candidate to appraise for a title, before appointment or election."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "person": {
                    "id": "QN-C-001",
                    "gender": "male",
                    "birth_date": "15/03/1970",
                    "category": "cong_chuc",
                    "title": "rank.01.002",
                    "recruited_on": "1995-09-01",
                    "qualifications": [
                        {"kind": "general_education", "level": "thpt"},
                        {"kind": "professional", "level": "thac_si", "field": "quản lý công"},
                        {"kind": "political_theory", "level": "cao_cap", "administrative": True},
                        {"kind": "state_management", "level": "chuyen_vien_chinh"},
                    ],
                    "evaluations": [
                        {"year": 2022, "level": "hoan_thanh_xuat_sac"},
                        {"year": 2023, "level": "hoan_thanh_tot"},
                    ],
                    "disciplines": [],
                },
                "title": "province.pho_giam_doc_so",
                "on": "2024-06-01",
            }
        },
    )

    person: Annotated[dict[str, Any], _OFFICIAL]
    title: str = Field(description="target title: code or Vietnamese name")
    on: AsOf = Field(description="appointment or election date")
    process_started: AsOf | None = Field(default=None, description="day the dossier was received (default: on)")
    rotation: bool = Field(default=False, description="a rotation (luân chuyển): two terms needed")
    first: bool = Field(default=True, description="false for a re-appointment or lateral move")
    unit: str | None = Field(default=None, description="unit code of the post (default: the person's)")
    province: str | None = None


class RetirementRequest(BaseModel):
    """A person's gender and birth date."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"gender": "female", "born": "04/1969"}})

    gender: str = Field(description="male / female (nam / nữ)")
    born: str = Field(description="YYYY-MM-DD, dd/mm/yyyy, mm/yyyy or yyyy")


class PlanningRequest(BaseModel):
    """Officials to consider for a post on a date."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "officials": [
                    {
                        "id": "QN-0101",
                        "gender": "male",
                        "birth_date": "1982-02-01",
                        "category": "can_bo",
                        "title": "commune.pho_chu_tich_ubnd",
                        "appointed_on": "2021-06-01",
                        "qualifications": [
                            {"kind": "general_education", "level": "thpt"},
                            {"kind": "professional", "level": "dai_hoc", "field": "luật"},
                            {"kind": "political_theory", "level": "trung_cap"},
                        ],
                        "evaluations": [
                            {"year": 2022, "level": "hoan_thanh_tot"},
                            {"year": 2023, "level": "hoan_thanh_xuat_sac"},
                        ],
                        "disciplines": [],
                    }
                ],
                "title": "commune.chu_tich_ubnd",
                "as_of": "2024-01-01",
            }
        },
    )

    officials: list[Annotated[dict[str, Any], _OFFICIAL]] = Field(max_length=200_000)
    title: str = Field(description="target title: code or Vietnamese name")
    as_of: AsOf
    terms: int | None = Field(default=None, ge=1, le=4, description="full 5-year terms of working time needed")
    min_rating: str = Field(default="hoan_thanh_tot", description="minimum rating of the recent years")
    province: str | None = None


# -- responses ---------------------------------------------------------------------------------------------------

_OPEN = ConfigDict(extra="allow")


class BasisOut(BaseModel):
    """A legal basis (``report.shapes.basis_dict``)."""

    citation: str
    document: str
    article: str | None
    clause: str | None
    point: str | None
    effective_from: str | None
    effective_to: str | None
    confidence: Literal["settled", "secondary", "provisional"]


class FullBasisOut(BasisOut):
    """A legal basis with its issuer, signature date, note and URL."""

    issuer: str | None
    signed: str | None
    note: str | None
    url: str | None


class FindingOut(BaseModel):
    """A finding (``report.shapes.finding_dict``)."""

    rule: str
    outcome: Literal["met", "not_met", "grace", "undetermined", "not_applicable", "error"]
    required: dict[str, Any] | None
    actual: Any = Field(description="what the record shows: a level code, an age, an ISO date, a list of these")
    deadline: date | None
    missing: list[str]
    basis: list[BasisOut]
    message: str
    provisional: bool
    source: str
    notice: str | None = Field(
        description="a warning that does not change the outcome: a consequence foreseeable but not yet in effect, "
        "or one the record cannot say was applied"
    )


class RowErrorOut(BaseModel):
    """A problem with an input row."""

    field: str | None
    message: str
    code: str


class AssessmentOut(BaseModel):
    """One official's findings on one date (``report.shapes.assessment_dict``)."""

    id: str
    full_name: str | None
    title: str | None
    unit: str | None
    status: Literal["compliant", "within_grace", "non_compliant", "undetermined"]
    action: Literal["none", "train", "replace", "provide_data", "review", "report_fault"]
    deadline: date | None
    provisional_pass: bool = Field(description="compliant or within grace only through provisional law")
    findings: list[FindingOut]
    warnings: list[RowErrorOut]


class RejectedOut(BaseModel):
    """A roster row that could not be assessed."""

    row: int
    line: int | None
    id: str | None
    errors: list[RowErrorOut]


class BatchLineOut(BaseModel):
    """One line of ``/evaluate/batch``'s NDJSON answer: ``type`` says whether the row was assessed (the fields of an
    assessment follow) or rejected (``row``, ``line``, ``id``, ``errors``); a last line of type ``error`` reports a
    body found unreadable part-way (``errors`` as in an error response)."""

    model_config = _OPEN
    type: Literal["official", "rejected", "error"]


class ErrorOut(BaseModel):
    """One problem with a request."""

    row: int | None = Field(description="the row of a batch or roster (from 1), null for a single object")
    field: str | None = Field(description="the field, as a dotted path (official.birth_date)")
    code: str = Field(description="a stable code (invalid_json, missing, unknown_province, too_large...)")
    message: str = Field(description="what is wrong, in the request's language")


class ErrorsOut(BaseModel):
    """The body of every 4xx and 5xx response."""

    errors: list[ErrorOut]


class AgeOut(BaseModel):
    """An age in years and months."""

    years: int
    months: int


class RetirementOut(BaseModel):
    """A normal retirement on the 2021–2035 roadmap (``report.shapes.retirement_dict``)."""

    gender: Literal["male", "female"]
    born: date
    retirement_date: date
    pension_from: date
    age_applied: AgeOut
    basis: list[str]


class PoolEntryOut(BaseModel):
    """An official considered for a post."""

    id: str
    full_name: str | None
    standing: Literal["eligible", "after_training", "undetermined", "not_eligible"]
    outstanding: bool
    months_left: int | None
    training: list[str]
    missing: list[str]
    reasons: list[str]
    findings: list[FindingOut]


class PlanningOut(BaseModel):
    """The planning pool for a post."""

    title: str
    as_of: date
    candidates: list[PoolEntryOut]
    rejected: list[RejectedOut]


class TextOut(BaseModel):
    """A text in Vietnamese and English."""

    vi: str
    en: str


class RuleOut(BaseModel):
    """A rule (``report.shapes.rule_dict``)."""

    code: str
    name: str
    title: TextOut
    ruleset: str
    jurisdiction: str
    valid_from: date | None
    valid_to: date | None
    regime: str | None
    titles: list[str] | None
    requirement: dict[str, Any] | None
    graces: list[dict[str, Any]]
    reliefs: list[dict[str, Any]]
    confidence: Literal["settled", "secondary", "provisional"]
    provisional: bool
    basis: list[FullBasisOut]
    delegable: list[str]
    requires: list[str]
    standard: bool
    appointment_only: bool
    tightens: str | None
    source: str


class RuleDetailOut(RuleOut):
    """A rule with the documentation of the plugin module that contributed it."""

    doc: str | None


class TitleOut(BaseModel):
    """A title or rank of the catalogue."""

    code: str
    name_vi: str
    name_en: str
    tier: Literal["province", "district", "commune"] | None
    category: str
    leadership: bool
    filled_by: Literal["elected", "appointed", "recruited"] | None
    valid_from: date | None
    valid_to: date | None
    aliases: list[str]


class LevelOut(BaseModel):
    """One rung of a ladder and the spellings the readers accept for it."""

    code: str
    rank: int
    vi: str
    en: str
    spellings: list[str]


class LadderOut(BaseModel):
    """An ordered ladder of levels."""

    name: str
    vi: str
    en: str
    levels: list[LevelOut]


class PluginOut(BaseModel):
    """A plugin as loaded; ``error`` says why a plugin contributes nothing."""

    name: str
    version: str | None
    builtin: bool
    error: str | None


class HealthOut(BaseModel):
    """The server is up."""

    status: Literal["ok"]
    version: str
    ruleset_sha256: str


class NormalizeOut(BaseModel):
    """The canonical roster a file reads as, and the reader's report (``reading.normalize.report_dict``)."""

    roster: list[dict[str, Any]]
    report: dict[str, Any]


REQUEST_MODELS: tuple[type[BaseModel], ...] = (EvaluateRequest, CandidateRequest, RetirementRequest, PlanningRequest)
"""Models of JSON request bodies, put in the document's components by the spec builder."""
