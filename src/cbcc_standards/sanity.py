"""Dates a record cannot hold for a serving official on the evaluation date, found before any rule runs.

A verdict never rests on an impossible date: the engine treats each date found here as unknown for every rule (a
rule that needs it answers ``undetermined`` naming it in ``missing``) and adds one finding, ``CBCC-DATA``, saying what
is wrong with each (docs/outcomes.md, "Data checks"). The bounds are plausibility bounds, not legal thresholds:

- a birth date after the evaluation date, or giving an age over :data:`OLDEST` or under :data:`YOUNGEST` on it — the
  latest retirement the law allows (ND 83/2022: 65 for men) is far below the first, and nobody is recruited before
  the second;
- a recruitment date after the evaluation date (not yet in service), or before the official was :data:`YOUNGEST`;
- an appointment date before the recruitment date;
- a placeholder date that systems write for "unknown" (:data:`PLACEHOLDERS`).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from .dates import add_years
from .i18n import Message
from .officials import Official

__all__ = ["OLDEST", "PLACEHOLDERS", "YOUNGEST", "implausible_dates", "plausible"]

OLDEST = 80
"""No serving official is older (plausibility bound)."""
YOUNGEST = 15
"""No serving official is younger, nor recruited younger (plausibility bound)."""
PLACEHOLDERS = frozenset(
    {date(1, 1, 1), date(1753, 1, 1), date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1), date(9999, 12, 31)}
)
"""Dates systems write for "unknown" (zero dates, spreadsheet and database epochs, the end of time)."""

_M = Message.of


@lru_cache(maxsize=64)
def _born_between(as_of: date) -> tuple[date, date]:
    """The earliest and latest birth dates of a serving official on ``as_of`` (the calendar's first day when they
    would fall before it: an ``as_of`` in year 1 is a date to refuse nowhere, and must not overflow)."""
    return _years_before(as_of, OLDEST + 1), _years_before(as_of, YOUNGEST)


def _years_before(day: date, years: int) -> date:
    return add_years(day, -years) if day.year > years else date.min


def implausible_dates(official: Official, as_of: date) -> tuple[tuple[str, Message], ...]:
    """Each date of ``official`` that cannot be right on ``as_of``: (field, what is wrong) — empty for most rows."""
    birth, recruited, appointed = official.birth_date, official.recruited_on, official.appointed_on
    # The common row, decided at once: every date known (the appointment optional), none a placeholder, the birth
    # date within a serving official's years, recruitment between the youngest age and ``as_of``, appointment not
    # before recruitment — what the checks below find nothing wrong with.
    if (
        birth is not None
        and recruited is not None
        and birth not in PLACEHOLDERS
        and recruited not in PLACEHOLDERS
        and recruited <= as_of
        and (appointed is None or (appointed not in PLACEHOLDERS and appointed >= recruited))
    ):
        earliest, latest = _born_between(as_of)
        if earliest < birth <= latest and birth <= as_of and recruited >= add_years(birth, YOUNGEST):
            return ()
    return _implausible(official, as_of)


def _implausible(official: Official, as_of: date) -> tuple[tuple[str, Message], ...]:
    """:func:`implausible_dates` in full, every check in turn (whatever the row)."""
    birth, recruited, appointed = official.birth_date, official.recruited_on, official.appointed_on
    found: list[tuple[str, Message]] = []
    for field, day in (("birth_date", birth), ("recruited_on", recruited), ("appointed_on", appointed)):
        if day is not None and day in PLACEHOLDERS:
            found.append((field, _M("data.placeholder", field=field, day=day)))
    placeholder = {f for f, _ in found}
    questioned_birth = "birth_date" in placeholder
    if birth is not None and not questioned_birth:
        earliest, latest = _born_between(as_of)
        questioned_birth = True
        if birth > as_of:
            found.append(("birth_date", _M("data.born_after", day=birth, on=as_of)))
        elif birth <= earliest:
            found.append(("birth_date", _M("data.too_old", day=birth, on=as_of, years=OLDEST)))
        elif birth > latest:
            found.append(("birth_date", _M("data.too_young", day=birth, on=as_of, years=YOUNGEST)))
        else:
            questioned_birth = False
    if recruited is not None and "recruited_on" not in placeholder:
        if recruited > as_of:
            found.append(("recruited_on", _M("data.recruited_after", day=recruited, on=as_of)))
        elif birth is not None and not questioned_birth and recruited < add_years(birth, YOUNGEST):
            found.append(("recruited_on", _M("data.recruited_young", day=recruited, born=birth, years=YOUNGEST)))
    if (
        appointed is not None
        and recruited is not None
        and "appointed_on" not in placeholder
        and "recruited_on" not in placeholder
        and appointed < recruited
    ):
        found.append(("appointed_on", _M("data.appointed_before_recruited", day=appointed, recruited=recruited)))
    return tuple(found)


def plausible(official: Official, as_of: date) -> Official:
    """``official`` with each date of :func:`implausible_dates` unknown (None): what the rules and the statistics
    read. The same object when every date is plausible."""
    problems = implausible_dates(official, as_of)
    if not problems:
        return official
    return official.model_copy(update=dict.fromkeys((f for f, _ in problems), None))
