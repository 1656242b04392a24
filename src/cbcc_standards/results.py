"""Outcomes, statuses and actions; findings and assessments (architecture.md, "Guarantees" §3)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter
from typing_extensions import TypeAliasType

from .i18n import Lang, Message, Text, has, t
from .law import LegalBasis
from .rules.requirements import Requirement

__all__ = [
    "Action",
    "Assessment",
    "Finding",
    "Outcome",
    "Rejected",
    "RowError",
    "Status",
    "Text",
    "Value",
    "action_for",
    "row_errors",
    "status_of",
    "validation_message",
]


class Outcome(StrEnum):
    """What one rule says of one official on one date."""

    MET = "met"
    NOT_MET = "not_met"
    GRACE = "grace"
    """Not met, but a grace or remediation period runs until the finding's deadline."""
    UNDETERMINED = "undetermined"
    """The input lacks what the rule needs (see ``missing``), or the law for the case is not encoded."""
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"
    """The rule raised; the run went on."""


class Status(StrEnum):
    """One official's overall standing on one date."""

    COMPLIANT = "compliant"
    WITHIN_GRACE = "within_grace"
    NON_COMPLIANT = "non_compliant"
    UNDETERMINED = "undetermined"


class Action(StrEnum):
    """What the status calls for."""

    NONE = "none"
    TRAIN = "train"
    REPLACE = "replace"
    PROVIDE_DATA = "provide_data"
    REVIEW = "review"
    """An ``undetermined`` official whose record is complete for the rules: the law for the case is open (a
    standard the sources do not settle, or not encoded) — appraise by hand; no data would decide it."""
    REPORT_FAULT = "report_fault"
    """An ``undetermined`` official with a rule that failed (an ``error`` finding): the data may be fine — report
    the fault to whoever runs the library or the plugin."""


@dataclass(frozen=True, slots=True)
class Finding:
    """What one rule found for one official on one date, with the law behind it.

    A results type: a frozen dataclass (cheap to build, one per rule and official), serialisable with
    :meth:`to_json` / :meth:`from_json` (pydantic ``TypeAdapter``).
    """

    rule: str
    outcome: Outcome
    basis: tuple[LegalBasis, ...]
    """The rule's legal basis, then the basis of any exception, grace period or deadline that shaped the outcome."""
    message: Message | Text
    """What the finding says: a catalogue message (rendered in any language at the edge: ``message("en")``,
    ``message.vi``), or a plugin's own text for a custom check."""
    required: Requirement | None = None
    """The requirement checked, as typed data (None for a custom check)."""
    actual: Value = None
    """What the record shows, as data: a level code, an age, an ISO date, a number of months…"""
    missing: tuple[str, ...] = ()
    """Input fields whose absence made the outcome ``undetermined``."""
    deadline: date | None = None
    provisional: bool = False
    """True when the rule rests on an unconfirmed ([L]) fact."""
    source: str = ""
    """The plugin that contributed the rule."""
    notice: Message | Text | None = None
    """A warning that does not change the outcome: a consequence foreseeable but not yet in effect (the year it
    depends on is not rated yet), or an earlier one the record cannot say was applied. Reports list them."""

    def __reduce__(self) -> tuple[Any, ...]:  # pickled fast (a process pool sends many): the constructor's arguments
        return (
            Finding,
            (
                self.rule,
                self.outcome,
                self.basis,
                self.message,
                self.required,
                self.actual,
                self.missing,
                self.deadline,
                self.provisional,
                self.source,
                self.notice,
            ),
        )

    def to_json(self) -> str:
        """JSON text of the finding (both languages); :meth:`from_json` reads it back."""
        return _adapter(Finding).dump_json(self).decode()

    @classmethod
    def from_json(cls, text: str | bytes) -> Finding:
        """A finding from :meth:`to_json` output."""
        result: Finding = _adapter(Finding).validate_json(text)
        return result


Value = TypeAliasType("Value", "str | int | bool | tuple[Value, ...] | None")
"""A plain value of a finding's ``actual`` (JSON-native; dates as ISO strings)."""


@cache
def _adapter(kind: type[Any]) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


_STATUS_ORDER = (
    (Outcome.NOT_MET, Status.NON_COMPLIANT),
    (Outcome.GRACE, Status.WITHIN_GRACE),
    (Outcome.UNDETERMINED, Status.UNDETERMINED),
    (Outcome.ERROR, Status.UNDETERMINED),
)


def status_of(outcomes: Iterable[Outcome]) -> Status:
    """``non_compliant`` if any outcome is ``not_met``; else ``within_grace`` if any is ``grace``; else
    ``undetermined`` if any is ``undetermined`` or ``error``; else ``compliant``."""
    present = set(outcomes)
    for outcome, status in _STATUS_ORDER:
        if outcome in present:
            return status
    return Status.COMPLIANT


_ACTIONS = {
    Status.COMPLIANT: Action.NONE,
    Status.WITHIN_GRACE: Action.TRAIN,
    Status.NON_COMPLIANT: Action.REPLACE,
    Status.UNDETERMINED: Action.PROVIDE_DATA,
}


def action_for(status: Status, *, faulty: bool = False, open_law: bool = False) -> Action:
    """``replace`` for non-compliant, ``train`` within grace, ``provide_data`` undetermined, ``none`` compliant;
    for undetermined, ``report_fault`` when ``faulty`` (a finding is an ``error``: a rule failed) and ``review`` when
    ``open_law`` (no undetermined finding lacks data: the law for the case is open)."""
    if status is Status.UNDETERMINED:
        if faulty:
            return Action.REPORT_FAULT
        if open_law:
            return Action.REVIEW
    return _ACTIONS[status]


MAX_DETAIL = 300
"""The longest validator message quoted inside a translated one (a hostile input cannot blow it up)."""


def validation_message(code: str, detail: str, field: str | None, lang: Lang | str = Lang.VI) -> str:
    """A validation error in ``lang``: the catalogue's words for pydantic's or the library's error ``code``
    (``validation.<code>``, the field named in words, ``detail`` — the validator's English text, shortened — quoted
    where the words need it); in English without words of its own, ``detail`` itself."""
    lang = Lang.parse(lang)
    short = " ".join(str(detail).split())
    if len(short) > MAX_DETAIL:
        short = short[: MAX_DETAIL - 1] + "…"
    key = f"validation.{code}"
    if has(key, lang):
        return t(key, lang, field=field or "-", detail=short)
    if lang is Lang.EN:
        return short
    return t("validation.other", lang, field=field or "-", detail=short)


class RowError(BaseModel):
    """One problem with one input row: the field (dotted path) and the reason, with a stable code.

    ``message`` is in the language the reader was asked for; ``english`` marks a validator's English text (pydantic's
    or the model's), which :meth:`render` puts in the report's language."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    field: str | None
    message: str
    code: str
    english: bool = False
    value: str | None = None
    """The value refused (quoted, with the allowed values where there is a short list), for a language other than
    English: the catalogue's words with the value instead of the validator's English explanation."""

    def render(self, lang: Lang | str = Lang.VI) -> str:
        """The message in ``lang`` (a reader's message as it was written; a validator's through the catalogue)."""
        if not self.english:
            return self.message
        lang = Lang.parse(lang)
        detail = self.value if self.value is not None and lang is not Lang.EN else self.message
        return validation_message(self.code, detail, self.field, lang)


class Rejected(BaseModel):
    """An input row that could not be assessed, with its 1-based row number and every error found."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    row: int
    """The record number: the row's position among the rows read, from 1."""
    id: str | None = None
    errors: tuple[RowError, ...]
    line: int | None = None
    """The row in the file as a spreadsheet shows it (Excel's row number; a CSV record's first line; the line of a
    JSON Lines file), when the reader knows it."""


@dataclass(frozen=True, slots=True)
class Assessment:
    """One official's findings on one date, with the overall status, action and earliest deadline.

    Build it with :meth:`of`, which derives ``status``, ``action`` and ``deadline`` from the findings.
    """

    id: str
    as_of: date
    status: Status
    action: Action
    deadline: date | None
    """For ``within_grace``: the earliest deadline of the grace findings; else None."""
    findings: tuple[Finding, ...]
    full_name: str | None = None
    title: str | None = None
    unit: str | None = None
    warnings: tuple[RowError, ...] = field(default=())
    """Problems with the input row that did not prevent the assessment (e.g. a unit not in the units file)."""

    @classmethod
    def of(
        cls,
        *,
        id: str,
        as_of: date,
        findings: tuple[Finding, ...],
        full_name: str | None = None,
        title: str | None = None,
        unit: str | None = None,
        warnings: tuple[RowError, ...] = (),
    ) -> Assessment:
        """Build an assessment, deriving status, action and deadline from the findings."""
        outcomes = {f.outcome for f in findings}
        status = status_of(outcomes)
        if status is Status.UNDETERMINED:
            action = action_for(
                status,
                faulty=Outcome.ERROR in outcomes,
                open_law=not any(f.missing for f in findings if f.outcome is Outcome.UNDETERMINED),
            )
        else:
            action = _ACTIONS[status]
        deadline = None
        if status is Status.WITHIN_GRACE:
            deadline = min(f.deadline for f in findings if f.outcome is Outcome.GRACE and f.deadline is not None)
        return cls(id, as_of, status, action, deadline, findings, full_name, title, unit, warnings)

    @property
    def provisional_pass(self) -> bool:
        """True when the official passes (``compliant`` or ``within_grace``) through a finding that rests on
        provisional law — an unconfirmed ([L]) rule, exception, grace period or deadline. Reports list these
        officials apart and the summary counts them: the pass stands only as far as that law is confirmed."""
        return self.status in (Status.COMPLIANT, Status.WITHIN_GRACE) and any(
            f.provisional and f.outcome in (Outcome.MET, Outcome.GRACE) for f in self.findings
        )

    @property
    def notices(self) -> tuple[Finding, ...]:
        """The findings that carry a :attr:`Finding.notice` (a foreseeable or unverified consequence)."""
        return tuple(f for f in self.findings if f.notice is not None)

    def __reduce__(self) -> tuple[Any, ...]:  # pickled fast (a process pool sends many): the constructor's arguments
        return (
            Assessment,
            (
                self.id,
                self.as_of,
                self.status,
                self.action,
                self.deadline,
                self.findings,
                self.full_name,
                self.title,
                self.unit,
                self.warnings,
            ),
        )

    def to_json(self) -> str:
        """JSON text of the assessment (messages in both languages); :meth:`from_json` reads it back."""
        return _adapter(Assessment).dump_json(self).decode()

    @classmethod
    def from_json(cls, text: str | bytes) -> Assessment:
        """An assessment from :meth:`to_json` output."""
        result: Assessment = _adapter(Assessment).validate_json(text)
        return result


_QUOTE_VALUE = frozenset(
    {
        "unknown_title",
        "unknown_ethnicity",
        "unknown_level",
        "invalid_date",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_type",
        "enum",
        "literal_error",
    }
)
"""Errors about one refused value, which the catalogue's words explain: a language other than English quotes the
value (and the allowed values) instead of the validator's English explanation."""


def row_errors(errors: Iterable[Mapping[str, Any]]) -> tuple[RowError, ...]:
    """Pydantic's ``errors()`` (with ``input``) as row errors: the location as a dotted field, pydantic's code, its
    English message, and the refused value where the catalogue's words explain the error."""
    found = []
    for err in errors:
        loc = ".".join(str(p) for p in err["loc"] if p not in ("function-before", "function-after"))
        message = err["msg"].removeprefix("Value error, ")
        value = None
        if err["type"] in _QUOTE_VALUE and isinstance(err.get("input"), str | int | float):
            value = repr(err["input"])[:MAX_DETAIL]
            expected = (err.get("ctx") or {}).get("expected")
            if isinstance(expected, str):
                value += "; " + expected.replace(" or ", ", ")
        found.append(RowError(field=loc or None, message=message, code=err["type"], english=True, value=value))
    return tuple(found)
