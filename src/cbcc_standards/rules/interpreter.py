"""The interpreter: one function per kind of requirement says whether an official meets it, then the rule's reliefs
and grace periods apply to a shortfall. Also: how requirements compare (a provincial rule may only tighten).

Every function is pure: the official, the context (date, unit, title, delegations, appraisal) and the rule; all date
arithmetic goes through :mod:`cbcc_standards.dates`; all words are catalogue messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from .._text import slugify
from ..dates import (
    Gender,
    add_months,
    age_on,
    months_between,
    months_to_retirement_age,
    retirement_date,
    working_months_left,
)
from ..i18n import Message, Text
from ..ladders import LADDERS
from ..law import LegalBasis
from ..law.sources import ND_170_2025_PLACEMENT_DEADLINE
from ..officials import Official
from ..results import Outcome
from ..titles import Title
from .model import Context, Grace, Relief, Rule, Verdict
from .requirements import (
    AnyOf,
    AppointmentTerm,
    Custom,
    DisciplineWaiting,
    Holds,
    InPlanning,
    MaxAgeAtFirstAppointment,
    MinAge,
    MinLevel,
    NoConsecutiveFailures,
    NoFailureSince,
    NotEncoded,
    NotPastRetirement,
    RecentRatings,
    Requirement,
    StateManagementCertificate,
    TimeInLowerPost,
    TitleInForce,
    WorkingTimeAtAppointment,
)

__all__ = [
    "check",
    "effective_ratings",
    "evaluate",
    "loosening",
    "made_ratings",
    "remedied",
    "requirement_message",
    "subject",
]

M = Message.of


def evaluate(rule: Rule, official: Official, ctx: Context) -> Verdict:
    """What ``rule`` says of ``official`` in ``ctx``: the requirement's verdict, then — for a shortfall — the rule's
    reliefs (a lower level accepted) and grace periods (time to remedy it; not in appraisals)."""
    requirement = rule.requirement
    if isinstance(requirement, Custom):
        verdict: Verdict = requirement.check(official, ctx)
        return verdict
    verdict = check(requirement, official, ctx, rule)
    if verdict.outcome is Outcome.NOT_MET and (rule.reliefs or rule.graces):
        return _remedies(rule, requirement, official, ctx, verdict)
    return verdict


def remedied(rule: Rule, official: Official, ctx: Context, short: Verdict) -> Verdict:
    """A ``not_met`` verdict of ``rule``'s requirement (:func:`check`) after the rule's reliefs and grace periods:
    what :func:`evaluate` says when the requirement is not met."""
    return _remedies(rule, rule.requirement, official, ctx, short)


def check(requirement: Requirement, official: Official, ctx: Context, rule: Rule | None = None) -> Verdict:
    """The verdict of one requirement alone (no reliefs, no grace)."""
    if isinstance(requirement, Custom):
        verdict: Verdict = requirement.check(official, ctx)
        return verdict
    return _CHECKS[type(requirement)](requirement, official, ctx, rule)


# -- words ------------------------------------------------------------------------------------------------------


def subject(requirement: Requirement) -> Message | Text:
    """What a requirement is about, as the first words of its findings ("Trình độ chuyên môn", "Tuổi"…)."""
    match requirement:
        case MinLevel() | StateManagementCertificate():
            ladder = requirement.ladder if isinstance(requirement, MinLevel) else "state_management"
            return M(f"ladder.{ladder}")
        case Holds():
            return M(f"kind.{requirement.kind}")
        case AnyOf():
            return M("subject.any_of", options=tuple(subject(o) for o in requirement.options))
        case NotEncoded():
            return requirement.subject if isinstance(requirement.subject, Text) else M(f"subject.{requirement.subject}")
        case Custom():
            return Text(vi=requirement.name, en=requirement.name)
        case _:
            return M(f"subject.{requirement.type}")


def requirement_message(requirement: Requirement) -> Message | Text:
    """The requirement in words ("Đại học trở lên ngành luật", "từ đủ 18 tuổi"…), for listings and the training
    plan."""
    match requirement:
        case MinLevel():
            key = "req.professional" if requirement.ladder == "professional" else "req.min_level"
            return M(key, subject=subject(requirement), level=_held(requirement, requirement.level))
        case StateManagementCertificate():
            return M(
                "req.min_level",
                subject=subject(requirement),
                level=M("held.level", ladder="state_management", level=requirement.level),
            )
        case AnyOf():
            return M("req.any_of", options=tuple(requirement_message(o) for o in requirement.options))
        case Holds():
            return M("req.holds", subject=subject(requirement))
        case MinAge() | MaxAgeAtFirstAppointment():
            return M(f"req.{requirement.type}", years=requirement.years)
        case WorkingTimeAtAppointment() | AppointmentTerm():
            return M(f"req.{requirement.type}", months=requirement.months)
        case _:
            return subject(requirement)


def _held(requirement: MinLevel, level: str | None, *, other: str | None = None) -> Message:
    """A level held (or required) on the requirement's ladder, in its field when it names one."""
    if level is None and other is not None and requirement.field is not None:
        return M("held.other_field", ladder=requirement.ladder, level=other, field=requirement.field)
    if level is None:
        return M("held.none")
    if requirement.field is not None:
        return M("held.level_field", ladder=requirement.ladder, level=level, field=requirement.field)
    return M("held.level", ladder=requirement.ladder, level=level)


def _missing(what: Message | Text, fields: Iterable[str]) -> Verdict:
    names = tuple(dict.fromkeys(fields))
    return Verdict(Outcome.UNDETERMINED, M("common.missing", subject=what, fields=names), missing=names)


# -- qualifications ---------------------------------------------------------------------------------------------


def _scan(
    official: Official, kind: str, field: str | None
) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    """The highest level held in the field (any field without one), the highest with the field unknown, the highest
    of the kind in any field, and the raw texts of credentials of the kind whose level is not mapped."""
    ladder = LADDERS[kind]
    best = unknown_field = other = None
    unmapped: list[str] = []
    for q in official.qualifications or ():
        if q.kind != kind:
            continue
        level: str | None = getattr(q, "level", None)
        if level is None:
            unmapped.append(getattr(q, "raw", None) or "?")
            continue
        if other is None or ladder.rank(level) > ladder.rank(other):
            other = level
        if field is None:
            continue
        qfield: str | None = getattr(q, "field", None)
        if qfield is None:
            if unknown_field is None or ladder.rank(level) > ladder.rank(unknown_field):
                unknown_field = level
        elif field in slugify(qfield) and (best is None or ladder.rank(level) > ladder.rank(best)):
            best = level
    if field is None:
        best = other
    return best, unknown_field, other, tuple(unmapped)


def _min_level(req: MinLevel, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    what = subject(req)
    if official.qualifications is None:
        return _missing(what, ("qualifications",))
    ladder = LADDERS[req.ladder]
    need = ladder.rank(req.level)
    best, unknown_field, other, unmapped = _scan(official, req.ladder, req.field)
    required = _held(req, req.level)
    if best is not None and ladder.rank(best) >= need:
        return Verdict(Outcome.MET, M("min_level.met", subject=what, held=_held(req, best), required=required), best)
    if unknown_field is not None and ladder.rank(unknown_field) >= need:
        return _missing(what, ("qualifications.field",))
    if unmapped:
        return Verdict(
            Outcome.UNDETERMINED,
            M("min_level.unmapped", subject=what, raw=unmapped, required=required),
            best,
            missing=("qualifications.level",),
        )
    held = _held(req, best, other=other)
    return Verdict(Outcome.NOT_MET, M("min_level.short", subject=what, held=held, required=required), best)


def _state_management(req: StateManagementCertificate, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    as_level = MinLevel(ladder="state_management", level=req.level)
    verdict = _min_level(as_level, official, ctx, rule)
    # Cao cấp LLCT – hành chính stands for the CVCC certificate (legal-sources.md §6 [H]).
    if (
        verdict.outcome is Outcome.NOT_MET
        and req.level == "chuyen_vien_cao_cap"
        and any(
            q.kind == "political_theory" and q.level == "cao_cap" and getattr(q, "administrative", False)
            for q in official.qualifications or ()
        )
    ):
        return Verdict(Outcome.MET, M("state_management.llct_hc", subject=subject(req)), "cao_cap_llct_hc")
    return verdict


def _holds(req: Holds, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    what = subject(req)
    if official.qualifications is None:
        return _missing(what, ("qualifications",))
    held = any(q.kind == req.kind for q in official.qualifications)
    return Verdict(Outcome.MET if held else Outcome.NOT_MET, M(f"holds.{'met' if held else 'short'}", subject=what))


def _any_of(req: AnyOf, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    verdicts = [check(option, official, ctx, rule) for option in req.options]
    for verdict in verdicts:
        if verdict.outcome is Outcome.MET:
            return verdict
    undetermined = [v for v in verdicts if v.outcome is Outcome.UNDETERMINED]
    if undetermined:
        return _missing(subject(req), (f for v in undetermined for f in v.missing))
    return Verdict(
        Outcome.NOT_MET,
        M("any_of.short", options=tuple(v.message for v in verdicts)),
        tuple(v.actual for v in verdicts),
    )


# -- ages and working time --------------------------------------------------------------------------------------


def _min_age(req: MinAge, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    if official.birth_date is None:
        return _missing(subject(req), ("birth_date",))
    age = age_on(official.birth_date, ctx.as_of)
    ok = age >= req.years
    return Verdict(Outcome.MET if ok else Outcome.NOT_MET, M(f"min_age.{_met(ok)}", age=age, years=req.years), age)


def _met(ok: bool) -> str:
    return "met" if ok else "short"


def _appointed(req: Requirement, official: Official, rule: Rule | None) -> Verdict | date:
    """The first appointment or election to the title, or the verdict to return when it is unknown or earlier than
    the rule (appointments before the provision took effect are not covered)."""
    appointed = official.appointed_on
    if appointed is None:
        return _missing(subject(req), ("appointed_on",))
    start = rule.valid.start if rule is not None else None
    if start is not None and appointed < start:
        return Verdict(
            Outcome.NOT_APPLICABLE, M("appointment.before_rule", subject=subject(req), appointed=appointed, start=start)
        )
    return appointed


def _max_age_at_first_appointment(
    req: MaxAgeAtFirstAppointment, official: Official, ctx: Context, rule: Rule | None
) -> Verdict:
    appointed = _appointed(req, official, rule)
    if isinstance(appointed, Verdict):
        return appointed
    if official.birth_date is None:
        return _missing(subject(req), ("birth_date",))
    age = age_on(official.birth_date, appointed)
    ok = age <= req.years
    return Verdict(
        Outcome.MET if ok else Outcome.NOT_MET,
        M(f"max_age_at_first_appointment.{_met(ok)}", age=age, years=req.years),
        age,
    )


def _birth_and_gender(req: Requirement, official: Official) -> Verdict | tuple[Gender, date]:
    """The gender and birth date the retirement roadmap needs, or the verdict naming what is missing."""
    if official.birth_date is None or official.gender is None:
        absent = [n for n in ("birth_date", "gender") if getattr(official, n) is None]
        return _missing(subject(req), absent)
    return official.gender, official.birth_date


def _working_time_at_appointment(
    req: WorkingTimeAtAppointment, official: Official, ctx: Context, rule: Rule | None
) -> Verdict:
    appointed = _appointed(req, official, rule)
    if isinstance(appointed, Verdict):
        return appointed
    known = _birth_and_gender(req, official)
    if isinstance(known, Verdict):
        return known
    gender, birth = known
    retire = retirement_date(gender, birth)
    # Working time runs to the retirement moment, the end of the retirement month (dates.working_months_left).
    ok = working_months_left(gender, birth, appointed) >= req.months
    return Verdict(
        Outcome.MET if ok else Outcome.NOT_MET,
        M(
            f"working_time_at_appointment.{_met(ok)}",
            retire=retire,
            appointed=appointed,
            months=req.months,
        ),
        retire.isoformat(),
    )


def _appointment_term(req: AppointmentTerm, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    appointment = ctx.appointment
    if appointment is None:  # appointment conditions run in appraisals only
        return Verdict(Outcome.NOT_APPLICABLE, M("appointment_term.not_appraisal"))
    if req.rotation != appointment.rotation or (not req.rotation and not appointment.first):
        return Verdict(
            Outcome.NOT_APPLICABLE,
            M("appointment_term.rotation_only" if req.rotation else "appointment_term.first_only"),
        )
    known = _birth_and_gender(req, official)
    if isinstance(known, Verdict):
        return known
    # HD 06-HD/BTCTW: the retirement age minus the age on the day the dossier was received (not to the end of the
    # retirement month, up to a month more: docs/outcomes.md "Counting rules").
    left = months_to_retirement_age(*known, appointment.process_started)
    if not req.settled:
        doc = rule.basis[0].document if rule is not None else "—"
        return Verdict(Outcome.UNDETERMINED, M("appointment_term.unconfirmed", left=left, doc=doc), left)
    ok = left >= req.months
    key = "short_waivable" if not ok and req.waivable else _met(ok)
    return Verdict(
        Outcome.MET if ok else Outcome.NOT_MET,
        M(
            f"appointment_term.{key}",
            start=appointment.process_started,
            left=left,
            years=req.months // 12,
            months=req.months,
        ),
        left,
    )


# -- planning and discipline ------------------------------------------------------------------------------------


def _in_planning(req: InPlanning, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    code = official.title or ""
    if official.planned_titles is None:
        return _missing(subject(req), ("planned_titles",))
    ok = code in official.planned_titles
    title: Text | str = _title_name(ctx.title) if ctx.title is not None else code
    key = "short_waivable" if not ok and req.waivable else _met(ok)
    return Verdict(
        Outcome.MET if ok else Outcome.NOT_MET,
        M(f"in_planning.{key}", title=title),
        ";".join(official.planned_titles) or None,
    )


def _time_in_lower_post(req: TimeInLowerPost, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    appointment = ctx.appointment
    if appointment is None:
        return Verdict(Outcome.NOT_APPLICABLE, M("appointment_term.not_appraisal"))
    if not appointment.first:
        return Verdict(Outcome.NOT_APPLICABLE, M("lower_post.equal_or_lower"))
    if appointment.current_title is None:
        return _missing(subject(req), ("title",))
    if not appointment.current_leadership:
        return Verdict(Outcome.NOT_APPLICABLE, M("lower_post.first_leadership"))
    if appointment.current_since is None:
        return _missing(subject(req), ("appointed_on",))
    held = months_between(appointment.current_since, appointment.process_started)
    ok = held >= req.months
    key = "short_waivable" if not ok and req.waivable else _met(ok)
    return Verdict(
        Outcome.MET if ok else Outcome.NOT_MET,
        M(
            f"lower_post.{key}",
            since=appointment.current_since,
            start=appointment.process_started,
            held=held,
            months=req.months,
        ),
        held,
    )


def _recent_ratings(req: RecentRatings, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    what = subject(req)
    if official.evaluations is None:
        return _missing(what, ("evaluations",))
    last = ctx.as_of.year - 1
    years = range(last - req.years + 1, last + 1)
    ratings = effective_ratings(official, last, req.discipline_counts_from)
    ladder = LADDERS["evaluation"]
    need = ladder.rank(req.at_least)
    absent = [y for y in years if y not in ratings]
    below = [y for y in years if y in ratings and ladder.rank(ratings[y]) < need]
    rated = tuple(_rated(official, y, ratings[y]) for y in years if y in ratings)
    if below:
        return Verdict(
            Outcome.NOT_MET,
            M("ratings.short", years=req.years, at_least=req.at_least, ratings=rated),
            tuple(f"{y}:{ratings[y]}" for y in years if y in ratings),
        )
    if absent:
        return _missing(what, tuple(f"evaluations.{y}" for y in absent))
    if official.disciplines is None and req.discipline_counts_from is not None and last >= req.discipline_counts_from:
        # A discipline decided in one of these years would make it "không hoàn thành" (ND 48/2023).
        return Verdict(Outcome.UNDETERMINED, M("evaluation.disciplines_unknown"), missing=("disciplines",))
    return Verdict(
        Outcome.MET,
        M("ratings.met", years=req.years, at_least=req.at_least, ratings=rated),
        tuple(f"{y}:{ratings[y]}" for y in years),
    )


def _title_name(title: Title) -> Text:
    return Text(vi=title.name_vi, en=title.name_en)


def _discipline_waiting(req: DisciplineWaiting, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    what = subject(req)
    if official.disciplines is None:
        return _missing(what, ("disciplines",))
    on = ctx.as_of
    waiting = req.waiting
    earlier = [d for d in official.disciplines if d.decided_on is None or d.decided_on <= on]
    if waiting is None:
        if not earlier:
            return Verdict(Outcome.MET, M("discipline.none"))
        return Verdict(Outcome.UNDETERMINED, M("discipline.not_encoded", count=len(earlier)), len(earlier))
    blocking: list[Message] = []
    unknown: list[str] = []
    for d in earlier:
        months = waiting.get(d.form)
        if d.decided_on is None or months is None:
            unknown.append(d.form)
            continue
        again = add_months(d.decided_on, months)
        if on < again:
            blocking.append(M("discipline.blocking", form=d.form, decided=d.decided_on, again=again))
    if blocking:
        return Verdict(Outcome.NOT_MET, M("discipline.waiting", items=tuple(blocking)), len(blocking))
    if unknown:
        return Verdict(
            Outcome.UNDETERMINED,
            M("discipline.unknown_period", forms=tuple(unknown)),
            missing=("disciplines.decided_on",),
        )
    return Verdict(Outcome.MET, M("discipline.clear"))


# -- evaluation consequences ------------------------------------------------------------------------------------

_FAIL = "khong_hoan_thanh"


def effective_ratings(official: Official, up_to: int, discipline_counts_from: int | None) -> dict[int, str]:
    """Ratings by year up to ``up_to``, a year from ``discipline_counts_from`` in which a discipline was decided
    counting as "không hoàn thành nhiệm vụ" (ND 48/2023)."""
    ratings = {e.year: e.level for e in official.evaluations or () if e.year <= up_to}
    if discipline_counts_from is not None:
        for d in official.disciplines or ():
            if d.decided_on is not None and discipline_counts_from <= d.decided_on.year <= up_to:
                ratings[d.decided_on.year] = _FAIL
    return ratings


def _rated(official: Official, year: int, rating: str) -> Message:
    """``year: rating`` for a message; a year whose "không hoàn thành nhiệm vụ" comes from a discipline decided in it
    (ND 48/2023) and not from the record's own rating says so, with the rating recorded (a clerk would otherwise read
    a contradiction with the record)."""
    if rating == _FAIL:
        recorded = next((e.level for e in official.evaluations or () if e.year == year), None)
        if recorded != _FAIL and any(
            d.decided_on is not None and d.decided_on.year == year for d in official.disciplines or ()
        ):
            if recorded is None:
                return M("evaluation.rated_disciplined", year=year, rating=rating)
            return M("evaluation.rated_overridden", year=year, rating=rating, recorded=recorded)
    return M("evaluation.rated", year=year, rating=rating)


def made_ratings(
    official: Official, as_of: date, discipline_counts_from: int | None
) -> tuple[dict[int, str], date | None]:
    """The ratings made by ``as_of`` and the day of a discipline that foretells the rating not made yet.

    Made: every year before ``as_of``'s, and ``as_of``'s own year when the record holds its rating (records carry no
    date of rating). A discipline decided by ``as_of`` in a year from ``discipline_counts_from`` makes a rated year
    "không hoàn thành nhiệm vụ" (ND 48/2023, attributed to the year of the decision); decided in ``as_of``'s year
    with no rating of it on record, it only foretells that rating — its (earliest) day is returned."""
    year = as_of.year
    made = {e.year: e.level for e in official.evaluations or () if e.year <= year}
    foretold: date | None = None
    if discipline_counts_from is not None:
        for d in official.disciplines or ():
            on = d.decided_on
            if on is None or on > as_of or on.year < discipline_counts_from:
                continue
            if on.year < year or year in made:
                made[on.year] = _FAIL
            elif foretold is None or on < foretold:
                foretold = on
    return made, foretold


def _latest(ratings: dict[int, str], count: int) -> tuple[tuple[int, str], ...]:
    return tuple((y, ratings[y]) for y in sorted(ratings)[-count:])


def _failing_run(ratings: dict[int, str], last: int, years: int) -> bool:
    return all(ratings.get(y) == _FAIL for y in range(last - years + 1, last + 1))


def _consecutive_failures(official: Official, latest: tuple[tuple[int, str], ...], years: int) -> Verdict:
    numbers = [y for y, _ in latest]
    ratings = tuple(_rated(official, y, r) for y, r in latest)
    if len(latest) == years and numbers[-1] - numbers[0] == years - 1 and all(r == _FAIL for _, r in latest):
        # the years alone, but those failed by a discipline rather than by the record's rating say why
        named = tuple(m if m.key != "evaluation.rated" else y for y, m in zip(numbers, ratings, strict=True))
        return Verdict(Outcome.NOT_MET, M("evaluation.consecutive", count=years, years=named), tuple(numbers))
    return Verdict(
        Outcome.MET,
        M("evaluation.no_consecutive", count=years, ratings=ratings),
        tuple(f"{y}:{r}" for y, r in latest),
    )


def _no_consecutive_failures(
    req: NoConsecutiveFailures, official: Official, ctx: Context, rule: Rule | None
) -> Verdict:
    if not official.evaluations:
        return Verdict(Outcome.NOT_APPLICABLE, M("evaluation.not_supplied"))
    first, n, year = req.discipline_counts_from, req.years, ctx.as_of.year
    ratings, foretold = made_ratings(official, ctx.as_of, first)
    verdict = _consecutive_failures(official, _latest(ratings, n), n)
    if verdict.outcome is not Outcome.MET:
        return verdict
    if official.disciplines is None and first is not None:
        # A discipline in any year rated since ND 48/2023 would make it "không hoàn thành".
        rated = {y for y in ratings if y < year} | ({year} if year in ratings else set())
        worst = {**ratings, **{y: _FAIL for y in range(first, year + 1) if y < year or y in rated}}
        if _consecutive_failures(official, _latest(worst, n), n).outcome is Outcome.NOT_MET:
            return Verdict(Outcome.UNDETERMINED, M("evaluation.disciplines_unknown"), missing=("disciplines",))
    if foretold is not None and _failing_run(ratings, year - 1, n - 1):
        notice = M(
            "evaluation.foretold_run", count=n, year=year, decided=foretold, years=tuple(range(year - n + 1, year))
        )
        return replace(verdict, notice=notice)
    earlier = [y for y in sorted(ratings) if (req.since is None or y >= req.since) and _failing_run(ratings, y, n)]
    if earlier:
        last = earlier[-1]
        notice = M("evaluation.earlier_run", count=n, years=tuple(range(last - n + 1, last + 1)), rated=last)
        return replace(verdict, notice=notice)
    return verdict


def _no_failure_since(req: NoFailureSince, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    made, foretold = made_ratings(official, ctx.as_of, req.first_year)
    ratings = {y: r for y, r in made.items() if y >= req.first_year}
    if foretold is not None and foretold.year < req.first_year:
        foretold = None
    if not ratings and foretold is None:
        if not made:
            return Verdict(Outcome.NOT_APPLICABLE, M("evaluation.not_supplied"))
        # Ratings of earlier years only: nothing rated under this law yet; the previous law's run is a notice.
        return _previous_run(req, made, Verdict(Outcome.MET, M("evaluation.not_rated_yet", year=ctx.as_of.year)))
    if ratings and ratings[max(ratings)] == _FAIL:
        year = max(ratings)
        return Verdict(
            Outcome.NOT_MET, M("evaluation.failed_year", rated=_rated(official, year, _FAIL)), f"{year}:{_FAIL}"
        )
    if official.disciplines is None:
        # A discipline decided in the latest year rated would make it "không hoàn thành" (ND 48/2023).
        return Verdict(Outcome.UNDETERMINED, M("evaluation.disciplines_unknown"), missing=("disciplines",))
    if ratings:
        year = max(ratings)
        verdict = Verdict(Outcome.MET, M("evaluation.year", year=year, rating=ratings[year]), f"{year}:{ratings[year]}")
    else:
        verdict = Verdict(Outcome.MET, M("evaluation.not_rated_yet", year=ctx.as_of.year))
    if foretold is not None:
        return replace(verdict, notice=M("evaluation.foretold_year", year=ctx.as_of.year, decided=foretold))
    failed = [y for y, r in ratings.items() if r == _FAIL]
    if failed:
        return replace(verdict, notice=M("evaluation.earlier_year", year=max(failed)))
    return _previous_run(req, made, verdict)


def _previous_run(req: NoFailureSince, made: dict[int, str], verdict: Verdict) -> Verdict:
    """``verdict`` with a notice when the previous law's run of failing years ended before ``first_year``."""
    n = req.previous_run
    if n is None:
        return verdict
    ends = [
        y
        for y in sorted(made)
        if y < req.first_year and (req.previous_since is None or y >= req.previous_since) and _failing_run(made, y, n)
    ]
    if not ends:
        return verdict
    last = ends[-1]
    return replace(
        verdict, notice=M("evaluation.earlier_run", count=n, years=tuple(range(last - n + 1, last + 1)), rated=last)
    )


# -- titles and unencoded standards -----------------------------------------------------------------------------


def _not_past_retirement(req: NotPastRetirement, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    what = subject(req)
    birth = official.birth_date
    if birth is None:
        return _missing(what, ("birth_date",))
    genders = (official.gender,) if official.gender is not None else tuple(Gender)
    days = sorted(retirement_date(g, birth) for g in genders)
    on = ctx.as_of
    # The Labour Code in force on the day is cited (the 2012 code's 60 / 55 are the 2019 code's before 2021).
    cited = tuple(b for b in rule.basis if b.effective.contains(on)) or None if rule is not None else None
    if on <= days[0]:
        key = "retirement.before" if len(days) == 1 or days[0] == days[-1] else "retirement.not_before"
        return Verdict(Outcome.MET, M(key, retire=days[0]), days[0].isoformat(), basis=cited)
    if on > days[-1]:
        return Verdict(Outcome.NOT_MET, M("retirement.past", retire=days[-1], on=on), days[-1].isoformat(), basis=cited)
    return replace(_missing(what, ("gender",)), basis=cited)


def _title_in_force(req: TitleInForce, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    title = ctx.title
    if title is None:
        if official.title is None:
            return _missing(subject(req), ("title",))
        return Verdict(Outcome.UNDETERMINED, M("title.unknown", code=official.title), missing=("title",))
    name = _title_name(title)
    held = ctx.held_title
    if held is not None:
        # A title that ended and is read as its successor: information, the standards are the successor's.
        return Verdict(
            Outcome.MET,
            M(
                "title.read_as",
                held=_title_name(held),
                title=name,
                ended=held.valid.end,
                placed_by=ND_170_2025_PLACEMENT_DEADLINE,
            ),
            title.code,
            basis=tuple(b for b in (held.ended_by, title.basis) if b is not None) or None,
        )
    if title.valid.start is not None and ctx.as_of < title.valid.start:
        return Verdict(
            Outcome.UNDETERMINED,
            M("title.not_yet", title=name, on=ctx.as_of, start=title.valid.start),
            missing=("title",),
            basis=(title.basis,) if title.basis else None,
        )
    if not title.valid.contains(ctx.as_of):
        ended = title.ended_by
        return Verdict(
            Outcome.UNDETERMINED,
            M("title.ended", title=name, on=ctx.as_of, valid=str(title.valid), doc=ended.document if ended else "—"),
            missing=("title",),
            basis=(ended,) if ended else None,
        )
    if official.category is not None and official.category is not title.category:
        return Verdict(
            Outcome.UNDETERMINED,
            M("title.category", category=official.category.value, title=name, expected=title.category.value),
            missing=("category",),
        )
    return Verdict(
        Outcome.MET,
        M("title.exists", title=name, on=ctx.as_of),
        title.code,
        basis=(listed,) if (listed := title.basis_on(ctx.as_of) or title.basis) is not None else None,
    )


def _not_encoded(req: NotEncoded, official: Official, ctx: Context, rule: Rule | None) -> Verdict:
    return Verdict(Outcome.UNDETERMINED, M("not_encoded", subject=subject(req)))


_CHECKS: dict[type, Callable[[Any, Official, Context, Rule | None], Verdict]] = {
    MinLevel: _min_level,
    StateManagementCertificate: _state_management,
    Holds: _holds,
    AnyOf: _any_of,
    MinAge: _min_age,
    MaxAgeAtFirstAppointment: _max_age_at_first_appointment,
    WorkingTimeAtAppointment: _working_time_at_appointment,
    AppointmentTerm: _appointment_term,
    InPlanning: _in_planning,
    TimeInLowerPost: _time_in_lower_post,
    RecentRatings: _recent_ratings,
    DisciplineWaiting: _discipline_waiting,
    NoConsecutiveFailures: _no_consecutive_failures,
    NoFailureSince: _no_failure_since,
    NotPastRetirement: _not_past_retirement,
    TitleInForce: _title_in_force,
    NotEncoded: _not_encoded,
}


# -- reliefs and grace periods ----------------------------------------------------------------------------------


def _remedies(rule: Rule, requirement: Requirement, official: Official, ctx: Context, short: Verdict) -> Verdict:
    """A shortfall, with the rule's reliefs tried first (met), then its grace periods (grace, with the deadline);
    when a relief or grace needs a fact the record lacks to decide, ``undetermined`` with it."""
    what = subject(requirement)
    missing: list[str] = []
    for relief in rule.reliefs:
        result = _relief(relief, official, ctx, short, what, rule)
        if isinstance(result, Verdict):
            return result
        missing.extend(result)
    # A relief that may hold in the unknown unit leaves met-or-short open: no grace (nor a fail) is guessed.
    relief_undecided = bool(missing)
    for grace in rule.graces if ctx.appointment is None else ():
        eligible = _grace(grace, official, ctx)
        if isinstance(eligible, tuple):
            missing.extend(eligible)
            continue
        if not eligible or relief_undecided:
            continue
        doc = grace.basis.document
        if ctx.as_of > grace.deadline:
            return Verdict(
                Outcome.NOT_MET,
                M("grace.expired", shortfall=short.message, due=grace.deadline, doc=doc),
                short.actual,
                extra_basis=(grace.basis,),
                lapsed=grace.deadline,
            )
        return Verdict(
            Outcome.GRACE,
            M("grace.until", shortfall=short.message, due=grace.deadline, doc=doc),
            short.actual,
            deadline=grace.deadline,
            extra_basis=(grace.basis,),
        )
    if missing:
        return _missing(what, missing)
    return short


def _relief(
    relief: Relief, official: Official, ctx: Context, short: Verdict, what: Message | Text, rule: Rule
) -> Verdict | tuple[str, ...]:
    """The relieved verdict, or the facts missing to decide (empty: the relief does not apply)."""
    if relief.accept is not None and check(relief.accept, official, ctx, rule).outcome is not Outcome.MET:
        return ()
    accepted = _accepted(relief.accept)
    if relief.held_title is not None:
        held = ctx.held_title
        if held is None or held.code != relief.held_title:
            return ()
        return Verdict(
            Outcome.UNDETERMINED if relief.undecided else Outcome.MET,
            M(
                "relief.held_undecided" if relief.undecided else "relief.held",
                subject=what,
                held=_held_message(short),
                title=_title_name(held),
                accepted=accepted,
                doc=relief.basis.document if relief.basis else "—",
            ),
            short.actual,
            extra_basis=(relief.basis,) if relief.basis else (),
            required=relief.accept,
        )
    if relief.appointed_before is not None:
        if official.appointed_on is None:
            return ("appointed_on",)
        if official.appointed_on >= relief.appointed_before:
            return ()
        return Verdict(
            Outcome.MET,
            M("relief.appointed_before", subject=what, day=relief.appointed_before),
            short.actual,
            extra_basis=(relief.basis,) if relief.basis else (),
            required=relief.accept,
        )
    delegations = ctx.delegation(relief.switch) if relief.switch else ()
    if relief.switch and not delegations:
        return ()
    unit = ctx.unit
    if unit is None:
        return ("unit",)
    flags = unit.area_flags if relief.flags is None else unit.area_flags & relief.flags
    if not flags:
        return ()
    bases: tuple[LegalBasis, ...]
    if relief.switch:
        covering = next((d for d in delegations if d.covers(unit)), None)
        if covering is None:
            return ()
        bases = (covering.basis,)
    else:
        bases = (relief.basis,) if relief.basis else ()
    return Verdict(
        Outcome.MET,
        M("relief.area", subject=what, held=_held_message(short), flags=tuple(sorted(flags)), accepted=accepted),
        short.actual,
        extra_basis=bases,
        required=relief.accept,
    )


def _accepted(requirement: Requirement | None) -> Message | Text:
    """The lower requirement a relief accepts, as the relief's message names it."""
    if requirement is None:
        return M("relief.lower")
    if isinstance(requirement, MinLevel):
        return _held(requirement, requirement.level)
    return requirement_message(requirement)


def _held_message(short: Verdict) -> Message | Text | None:
    """The "held" part of a shortfall message (what the record shows), for a relieved finding."""
    if isinstance(short.message, Message):
        held = short.message.args.get("held")
        return held if isinstance(held, Message | Text) else None
    return None


def _grace(grace: Grace, official: Official, ctx: Context) -> bool | tuple[str, ...]:
    """Whether the official is eligible for ``grace`` (True / False), or the facts missing to decide."""
    start = official.appointed_on if grace.start_field == "appointed_on" else official.service_start()
    if start is None:
        return (grace.start_field,)
    if start > grace.in_office_by:
        return False
    if grace.unless_delegated is not None and ctx.delegation(grace.unless_delegated):
        if ctx.unit is None:
            return ("unit",)
        if ctx.covered_by(grace.unless_delegated) is not None:
            return False
    if grace.eligible is not None:
        unknown: list[str] = []
        if grace.eligible.area_flags:
            if ctx.unit is None:
                unknown.append("unit")
            elif ctx.unit.area_flags & grace.eligible.area_flags:
                return True
        if grace.eligible.ethnic_minority:
            minority = getattr(official, "ethnic_minority", None)
            if minority is None:
                unknown.append("ethnicity")
            elif minority:
                return True
        return tuple(unknown) if unknown else False
    return True


# -- comparison (a provincial rule may only tighten) ------------------------------------------------------------


def loosening(mine: Requirement, theirs: Requirement) -> str | None:
    """Why ``mine`` would be looser than ``theirs`` (None when it is at least as strict). A national requirement that
    is not encoded can be given any content (a province supplies the numbers the national sources lack)."""
    if isinstance(theirs, NotEncoded):
        return None
    if isinstance(mine, Custom) or isinstance(theirs, Custom):
        return "a custom check cannot be shown to be at least as strict"
    if isinstance(mine, AnyOf):
        loose = [why for option in mine.options if (why := loosening(option, theirs)) is not None]
        return loose[0] if loose else None
    if isinstance(theirs, AnyOf):
        return (
            None
            if any(loosening(mine, option) is None for option in theirs.options)
            else "it meets none of the options"
        )
    if type(mine) is not type(theirs):
        return f"a {mine.type} requirement cannot replace a {theirs.type} requirement"
    compare = _COMPARE.get(type(mine))
    return compare(mine, theirs) if compare is not None else (None if mine == theirs else "it differs")


def _compare_min_level(mine: MinLevel, theirs: MinLevel) -> str | None:
    if mine.ladder != theirs.ladder:
        return f"it is on the {mine.ladder} ladder, the national one on {theirs.ladder}"
    ladder = LADDERS[mine.ladder]
    if ladder.rank(mine.level) < ladder.rank(theirs.level):
        return f"it requires {mine.level}, the national floor is {theirs.level}"
    if theirs.field is not None and (mine.field is None or theirs.field not in mine.field):
        return f"its field ({mine.field or 'any'}) is broader than the national one ({theirs.field})"
    return None


def _compare_state_management(mine: StateManagementCertificate, theirs: StateManagementCertificate) -> str | None:
    ladder = LADDERS["state_management"]
    if ladder.rank(mine.level) < ladder.rank(theirs.level):
        return f"it requires {mine.level}, the national floor is {theirs.level}"
    return None


def _compare_years(mine: Any, theirs: Any, *, at_most: bool = False) -> str | None:
    if (mine.years > theirs.years) if at_most else (mine.years < theirs.years):
        bound = "at most" if at_most else "at least"
        return f"it requires {bound} {mine.years} years, the national rule {theirs.years}"
    return None


def _compare_months(mine: Any, theirs: Any) -> str | None:
    if mine.months < theirs.months:
        return f"it requires {mine.months} months, the national rule {theirs.months}"
    return None


def _compare_waiting(mine: DisciplineWaiting, theirs: DisciplineWaiting) -> str | None:
    if theirs.waiting is None:
        return None if mine.waiting is None else "the national rule leaves every discipline to be appraised by hand"
    if mine.waiting is None:
        return None
    for form, months in theirs.waiting.items():
        if mine.waiting.get(form, 0) < months:
            return f"it waits {mine.waiting.get(form, 0)} months after {form}, the national rule {months}"
    return None


def _compare_evaluations(mine: NoConsecutiveFailures, theirs: NoConsecutiveFailures) -> str | None:
    return f"it needs {mine.years} years, the national rule {theirs.years}" if mine.years > theirs.years else None


_COMPARE: dict[type, Callable[[Any, Any], str | None]] = {
    MinLevel: _compare_min_level,
    StateManagementCertificate: _compare_state_management,
    MinAge: _compare_years,
    MaxAgeAtFirstAppointment: lambda m, t: _compare_years(m, t, at_most=True),
    WorkingTimeAtAppointment: _compare_months,
    AppointmentTerm: _compare_months,
    DisciplineWaiting: _compare_waiting,
    NoConsecutiveFailures: _compare_evaluations,
}
