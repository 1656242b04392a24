"""Built-in plugin: an official still on the roster after the normal retirement moment.

References (legal-sources.md §4): Bộ luật Lao động 2012 (60 / 55, to 31/12/2020), Bộ luật Lao động 2019 Art 169 and
ND 135/2020/NĐ-CP Art 3–4 [H] (the 2021–2035 roadmap; retirement at the end of the month the age is reached). Later
retirement of some leaders (ND 83/2022) needs a decision the roster does not hold: the finding says so.

The rule ``CBCC-RETIREMENT`` is not a standard of a title; it applies to every official (and candidate) from
01/05/2013, when the 2012 Labour Code took effect.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law import LegalBasis, Period
from ..law.sources import BLLD_2012_ART187, BLLD_2019_ART169, ND_135_2020
from .model import Rule, RuleSet
from .requirements import NotPastRetirement

__all__ = ["RETIREMENT_BASES", "RULESET", "retirement_bases"]

RETIREMENT_BASES = (BLLD_2012_ART187, BLLD_2019_ART169, ND_135_2020)
"""The Labour Codes and the roadmap decree, each over its own period."""


def retirement_bases(day: date) -> tuple[LegalBasis, ...]:
    """The acts that set the retirement age of someone retiring on ``day`` (empty before 01/05/2013, when the earlier
    Labour Code — not in the project's sources — applied)."""
    return tuple(b for b in RETIREMENT_BASES if b.effective.contains(day))


RULESET = RuleSet(
    code="national.retirement",
    title=Text(vi="Tuổi nghỉ hưu", en="Retirement age"),
    references=RETIREMENT_BASES,
    rules=(
        Rule(
            code="CBCC-RETIREMENT",
            name="not-past-retirement",
            title=Text(vi="Chưa quá tuổi nghỉ hưu", en="Not past the retirement age"),
            basis=RETIREMENT_BASES,
            valid=Period(start=BLLD_2012_ART187.effective.start),
            requirement=NotPastRetirement(),
            standard=False,
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the retirement rule set."""
    register(RULESET)
