"""Built-in plugin: the catalogue of titles and ranks, and the rule that a title must exist on the date.

The titles themselves are data in :mod:`cbcc_standards.rules.posts` (ND 92/2009 Art 3, ND 33/2023 Art 5,
Law 80/2025 and ND 170/2025); the rule ``CBCC-TITLE`` cites, for each official, the act that lists or abolished the
title.
"""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law import Period
from ..law.sources import EARLIEST, LAW_80_2025, ND_33_2023_ART5, ND_92_2009_ART3
from ..titles import Title
from .model import Rule, RuleSet
from .posts import APPOINTED_TITLES, COMMUNE_CADRE_TITLES, COMMUNE_CIVIL_SERVANT_TITLES, LEADERSHIP_TITLES, TITLES
from .requirements import TitleInForce

__all__ = [
    "APPOINTED_TITLES",
    "COMMUNE_CADRE_TITLES",
    "COMMUNE_CIVIL_SERVANT_TITLES",
    "LEADERSHIP_TITLES",
    "RULESET",
    "TITLES",
]

RULESET = RuleSet(
    code="national.titles",
    title=Text(vi="Danh mục chức danh và thời hạn tồn tại", en="Title catalogue and title validity"),
    rules=(
        Rule(
            code="CBCC-TITLE",
            name="title-exists",
            title=Text(vi="Chức danh tồn tại vào ngày đánh giá", en="The title exists on the evaluation date"),
            basis=(ND_92_2009_ART3, ND_33_2023_ART5, LAW_80_2025),
            valid=Period(start=EARLIEST),
            requirement=TitleInForce(),
            standard=False,
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_titles(register: Callable[[Title], None]) -> None:
    """Register the built-in titles and ranks."""
    for title in TITLES:
        register(title)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the title-validity rule set."""
    register(RULESET)
