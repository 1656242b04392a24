"""Building blocks for check functions: minimum levels with reliefs and grace periods, ages, terms.

Each factory returns a pure :data:`~cbcc_standards.rules.CheckFunction`; all date arithmetic goes through
:mod:`cbcc_standards.dates`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from .._text import slugify
from ..dates import age_on, fmt_date, retirement_date, working_months_left
from ..law import LegalBasis
from ..officials import QUALIFICATION_LADDERS, Official
from ..results import Outcome, Text
from ..units import AreaFlag
from ._model import CheckFunction, Context, Verdict

__all__ = [
    "Grace",
    "MinLevel",
    "Relief",
    "fmt_date",
    "max_age_at_appointment",
    "min_age",
    "min_level",
    "term_before_retirement",
]


@dataclass(frozen=True, slots=True)
class MinLevel:
    """What a :func:`min_level` check requires, as data: a level on a qualification ladder, in a field if named.

    Registration compares these to reject a provincial rule that would loosen a national one, and reports read them
    to count training needs.
    """

    kind: str
    level: str
    field_keyword: str | None = None

    def at_least(self, other: MinLevel) -> bool:
        """True when this requirement is as strict as ``other`` or stricter (same ladder, level not lower, and the
        field no broader)."""
        if self.kind != other.kind:
            return False
        ladder = QUALIFICATION_LADDERS[self.kind]
        if ladder.rank(self.level) < ladder.rank(other.level):
            return False
        if other.field_keyword is None:
            return True
        return self.field_keyword is not None and slugify(other.field_keyword) in slugify(self.field_keyword)

    def label(self, lang: str = "vi") -> str:
        """E.g. "Đại học" / "University", with the field when named."""
        text = _label(self.kind, self.level)
        base = text.vi if lang == "vi" else text.en
        if self.kind != "professional":
            ladder = QUALIFICATION_LADDERS[self.kind]
            base = f"{ladder.vi if lang == 'vi' else ladder.en}: {base}"
        if self.field_keyword:
            return f"{base} {self.field_keyword}" if lang == "vi" else f"{base} in {self.field_keyword}"
        return base


@dataclass(frozen=True, slots=True)
class Grace:
    """A period in which an incumbent who falls short may still remedy it.

    Eligible: in office (``service_start``) on or before ``in_office_by``; with ``outside_difficult_areas``, only in
    communes that carry no difficult-area flag. ``start_field`` says when the official took office: ``recruited_on``
    (the default) uses the earliest of the recruitment and appointment dates; ``appointed_on`` (elected or appointed
    cadres) uses the appointment or election to the current title, so a civil servant elected to a cadre post after
    the cut-off does not inherit the cadres' grace.
    """

    in_office_by: date
    deadline: date
    basis: LegalBasis
    outside_difficult_areas: bool = False
    start_field: str = "recruited_on"


@dataclass(frozen=True, slots=True)
class Relief:
    """A lower level accepted in some communes: ``level`` (None: no minimum) where the unit carries one of ``flags``
    (None: any difficult-area flag).

    With ``switch`` the relief is delegated: it applies only where a provincial rule set turned the switch on for the
    unit (the delegation's own basis is cited). Without it, it applies by national law and ``basis`` is cited.
    """

    level: str | None
    flags: frozenset[AreaFlag] | None = None
    switch: str | None = None
    basis: LegalBasis | None = None


_NONE = Text(vi="không có", en="none")
_LOWER = Text(vi="trình độ thấp hơn", en="a lower level")


@lru_cache(maxsize=1024)
def _label(kind: str, level: str | None, field_vi: str | None = None, field_en: str | None = None) -> Text:
    if level is None:
        return _NONE
    ladder = QUALIFICATION_LADDERS[kind]
    vi, en = ladder.label(level, "vi"), ladder.label(level, "en")
    if field_vi:
        vi, en = f"{vi} {field_vi}", f"{en} in {field_en}"
    return Text(vi=vi, en=en)


@lru_cache(maxsize=1024)
def _missing(what: Text, fields: tuple[str, ...]) -> Verdict:
    names = ", ".join(fields)
    return Verdict(
        Outcome.UNDETERMINED,
        Text(vi=f"{what.vi}: thiếu dữ liệu ({names}).", en=f"{what.en}: data missing ({names})."),
        missing=fields,
        shared=True,
    )


def min_level(
    kind: str,
    required: str,
    *,
    what: Text,
    field_keyword: str | None = None,
    field_label: Text | None = None,
    reliefs: tuple[Relief, ...] = (),
    graces: tuple[Grace, ...] = (),
) -> CheckFunction:
    """A check that the official holds ``required`` or higher on the ``kind`` ladder.

    With ``field_keyword`` only qualifications whose field of study contains it (diacritics ignored) count; one with
    no field recorded makes the outcome ``undetermined`` when it alone would meet the standard.
    Falling short, the check tries the reliefs (met), then the grace periods (grace, with the deadline), and
    asks for the unit or the service start date when it needs them to decide. Grace periods are for incumbents: in an
    appraisal for a new appointment (``ctx.appointment``) they do not apply.
    """
    ladder = QUALIFICATION_LADDERS[kind]
    need = ladder.rank(required)
    keyword = slugify(field_keyword) if field_keyword else None
    fvi = field_label.vi if field_label else None
    fen = field_label.en if field_label else None
    req_text = _label(kind, required, fvi, fen)
    req_code = f"{required}:{field_keyword}" if field_keyword else required

    def held(official: Official) -> tuple[str | None, str | None]:
        """Highest level with the field (or any, without keyword), and highest with the field unknown."""
        if keyword is None:
            return official.highest(kind), None
        best: str | None = None
        unknown: str | None = None
        for q in official.qualifications or ():
            if q.kind != kind:
                continue
            level: str | None = q.level  # type: ignore[union-attr]
            if level is None:  # level not known (reading/qualtext.py): left to the engine's unknown-level handling
                continue
            qfield: str | None = q.field  # type: ignore[union-attr]
            if qfield is None:
                if unknown is None or ladder.rank(level) > ladder.rank(unknown):
                    unknown = level
            elif keyword in slugify(qfield) and (best is None or ladder.rank(level) > ladder.rank(best)):
                best = level
        return best, unknown

    memo: dict[tuple[Any, ...], Verdict] = {}
    """Verdicts depend only on the facts in their key: build each once and share it (see Verdict.shared)."""

    def actual_text(official: Official, actual: str | None) -> Text:
        if keyword is not None and actual is None and (other := official.highest(kind)) is not None:
            other_text = _label(kind, other)
            return Text(vi=f"{other_text.vi} (không phải ngành {fvi})", en=f"{other_text.en} (not in {fen})")
        return _label(kind, actual, fvi, fen)

    def met(official: Official, actual: str | None) -> Verdict:
        act = actual_text(official, actual)
        return Verdict(
            Outcome.MET,
            Text(
                vi=f"{what.vi}: {act.vi} — đạt (yêu cầu {req_text.vi} trở lên).",
                en=f"{what.en}: {act.en} — meets the standard ({req_text.en} or higher).",
            ),
            required=req_code,
            actual=actual,
            shared=True,
        )

    def relieved(
        official: Official, actual: str | None, relief: Relief, flags: frozenset[str], bases: tuple[LegalBasis, ...]
    ) -> Verdict:
        act = actual_text(official, actual)
        lower = _label(kind, relief.level, fvi, fen) if relief.level else _LOWER
        area = ", ".join(sorted(flags))
        return Verdict(
            Outcome.MET,
            Text(
                vi=f"{what.vi}: {act.vi} — đạt theo ngoại lệ vùng khó khăn ({area}): chấp nhận {lower.vi} trở lên.",
                en=f"{what.en}: {act.en} — meets the difficult-area exception ({area}): {lower.en} or higher accepted.",
            ),
            required=relief.level or req_code,
            actual=actual,
            extra_basis=bases,
            shared=True,
        )

    def short(official: Official, actual: str | None, grace: Grace | None, expired: bool) -> Verdict:
        act = actual_text(official, actual)
        vi = f"{what.vi}: yêu cầu {req_text.vi} trở lên; hồ sơ: {act.vi}."
        en = f"{what.en}: requires {req_text.en} or higher; record shows {act.en}."
        if grace is None:
            return Verdict(Outcome.NOT_MET, Text(vi=vi, en=en), required=req_code, actual=actual, shared=True)
        doc, due = grace.basis.document, fmt_date(grace.deadline)
        if expired:
            return Verdict(
                Outcome.NOT_MET,
                Text(
                    vi=f"{vi} Thời hạn hoàn thiện đến {due} ({doc}) đã hết.",
                    en=f"{en} The period to remedy it ended on {due} ({doc}).",
                ),
                required=req_code,
                actual=actual,
                extra_basis=(grace.basis,),
                shared=True,
            )
        return Verdict(
            Outcome.GRACE,
            Text(vi=f"{vi} Được hoàn thiện đến {due} ({doc}).", en=f"{en} May be remedied until {due} ({doc})."),
            required=req_code,
            actual=actual,
            deadline=grace.deadline,
            extra_basis=(grace.basis,),
            shared=True,
        )

    def remember(key: tuple[Any, ...], build: Callable[..., Verdict], *args: Any) -> Verdict:
        verdict = memo.get(key)
        if verdict is None:
            verdict = memo[key] = build(*args)
        return verdict

    def check(official: Official, ctx: Context) -> Verdict:
        if official.qualifications is None:
            return _missing(what, ("qualifications",))
        actual, unknown_field = held(official)
        rank = ladder.rank(actual) if actual is not None else -1
        other = official.highest(kind) if keyword is not None and actual is None else None
        if rank >= need:
            return remember(("met", actual), met, official, actual)
        if unknown_field is not None and ladder.rank(unknown_field) >= need:
            return _missing(what, ("qualifications.field",))
        missing: list[str] = []
        for index, relief in enumerate(reliefs):
            if relief.level is not None and rank < ladder.rank(relief.level):
                continue
            delegations = ctx.delegation(relief.switch) if relief.switch else ()
            if relief.switch and not delegations:
                continue
            unit = ctx.unit
            if unit is None:
                missing.append("unit")
                continue
            flags = unit.area_flags if relief.flags is None else unit.area_flags & relief.flags
            if not flags:
                continue
            bases: tuple[LegalBasis, ...]
            if relief.switch:
                covering = next((d for d in delegations if d.covers(unit)), None)
                if covering is None:
                    continue
                bases = (covering.basis,)
            else:
                bases = (relief.basis,) if relief.basis else ()
            return remember(
                ("relief", actual, other, index, flags, bases), relieved, official, actual, relief, flags, bases
            )
        # A relief that may hold in the unknown unit leaves met-or-short open: no grace (nor a fail) is guessed.
        relief_undecided = bool(missing)
        for index, grace in enumerate(graces if ctx.appointment is None else ()):
            start = official.appointed_on if grace.start_field == "appointed_on" else official.service_start()
            if start is None:
                missing.append(grace.start_field)
                continue
            if start > grace.in_office_by:
                continue
            if grace.outside_difficult_areas:
                if ctx.unit is None:
                    missing.append("unit")
                    continue
                if ctx.unit.difficult_area:
                    continue
            if relief_undecided:
                continue
            expired = ctx.as_of > grace.deadline
            return remember(("grace", actual, other, index, expired), short, official, actual, grace, expired)
        if missing:
            return _missing(what, tuple(dict.fromkeys(missing)))
        return remember(("short", actual, other), short, official, actual, None, False)

    check.requirement = MinLevel(kind, required, field_keyword)  # type: ignore[attr-defined]
    check.graces = graces  # type: ignore[attr-defined]
    return check


_AGE = Text(vi="Tuổi", en="Age")


def min_age(years: int) -> CheckFunction:
    """A check that the official is at least ``years`` old on ``as_of``."""
    memo: dict[int, Verdict] = {}

    def build(age: int) -> Verdict:
        ok = age >= years
        return Verdict(
            Outcome.MET if ok else Outcome.NOT_MET,
            Text(
                vi=f"Tuổi: {age} — {'đạt' if ok else 'chưa đạt'} (yêu cầu từ đủ {years} tuổi).",
                en=f"Age: {age} — {'meets' if ok else 'does not meet'} the standard (at least {years}).",
            ),
            required=f">={years}",
            actual=str(age),
            shared=True,
        )

    def check(official: Official, ctx: Context) -> Verdict:
        if official.birth_date is None:
            return _missing(_AGE, ("birth_date",))
        age = age_on(official.birth_date, ctx.as_of)
        verdict = memo.get(age)
        if verdict is None:
            verdict = memo[age] = build(age)
        return verdict

    return check


def _appointment(official: Official, what: Text, appointed_from: date) -> Verdict | date:
    """Common preamble of appointment checks: the appointment date, or the verdict to return."""
    appointed = official.appointed_on
    if appointed is None:
        return _missing(what, ("appointed_on",))
    if appointed < appointed_from:
        return Verdict(
            Outcome.NOT_APPLICABLE,
            Text(
                vi=f"{what.vi}: bổ nhiệm/bầu ngày {fmt_date(appointed)}, trước khi quy định có hiệu "
                f"lực ({fmt_date(appointed_from)}).",
                en=f"{what.en}: appointed or elected on {fmt_date(appointed)}, before the provision "
                f"took effect ({fmt_date(appointed_from)}).",
            ),
        )
    return appointed


def term_before_retirement(months: int, *, appointed_from: date) -> CheckFunction:
    """A check that at (first) appointment the official had ``months`` of working time left before the normal
    retirement date (BLLĐ 2019 Art 169, ND 135/2020). Appointments before ``appointed_from`` are not covered."""
    what = Text(vi="Thời gian công tác còn lại khi bổ nhiệm lần đầu", en="Working time left at first appointment")

    def check(official: Official, ctx: Context) -> Verdict:
        appointed = _appointment(official, what, appointed_from)
        if isinstance(appointed, Verdict):
            return appointed
        birth, gender = official.birth_date, official.gender
        if birth is None or gender is None:
            return _missing(what, tuple(n for n, v in (("birth_date", birth), ("gender", gender)) if v is None))
        retire = retirement_date(gender, birth)
        # Working time runs to the retirement moment, the end of the retirement month (dates.working_months_left).
        left = working_months_left(gender, birth, appointed) >= months
        outcome = Outcome.MET if left else Outcome.NOT_MET
        vi = "đạt" if left else "chưa đạt"
        en = "meets" if left else "does not meet"
        return Verdict(
            outcome,
            Text(
                vi=f"{what.vi}: nghỉ hưu {fmt_date(retire)}, bổ nhiệm {fmt_date(appointed)} — {vi} "
                f"(yêu cầu đủ {months} tháng).",
                en=f"{what.en}: retires {fmt_date(retire)}, appointed {fmt_date(appointed)} — {en} "
                f"the standard (at least {months} months).",
            ),
            required=f">={months}m",
            actual=fmt_date(retire),
        )

    return check


def max_age_at_appointment(years: int, *, appointed_from: date) -> CheckFunction:
    """A check that the official was at most ``years`` old (not past that birthday year of age) at first appointment."""
    what = Text(vi="Tuổi khi bổ nhiệm lần đầu", en="Age at first appointment")

    def check(official: Official, ctx: Context) -> Verdict:
        appointed = _appointment(official, what, appointed_from)
        if isinstance(appointed, Verdict):
            return appointed
        if official.birth_date is None:
            return _missing(what, ("birth_date",))
        age = age_on(official.birth_date, appointed)
        ok = age <= years
        return Verdict(
            Outcome.MET if ok else Outcome.NOT_MET,
            Text(
                vi=f"{what.vi}: {age} — {'đạt' if ok else 'chưa đạt'} (không quá {years} tuổi).",
                en=f"{what.en}: {age} — {'meets' if ok else 'does not meet'} the standard (at most {years}).",
            ),
            required=f"<={years}",
            actual=str(age),
        )

    return check
