"""Built-in plugin: consequences of the annual evaluation and classification.

References (legal-sources.md §5):

- Law 52/2019/QH14 amending the Law on CBCC [H] (to 31/12/2025): two consecutive years rated "không hoàn thành nhiệm
  vụ" → a cadre is removed from post (miễn nhiệm), a civil servant dismissed (thôi việc). Rule ``EVAL-2020-2Y``
  looks at the two latest years rated.
- ND 48/2023/NĐ-CP [H] (from 15/09/2023): anyone disciplined in the assessment year is rated "không hoàn thành
  nhiệm vụ"; for years from 2023 a discipline decided in the year makes that year count as such, whatever rating the
  record shows (one violation counts in one year only).
- Law 80/2025/QH15 Art 26–27 and ND 335/2025/NĐ-CP [H] (from 01/01/2026): "không hoàn thành nhiệm vụ" leads to a
  move to a lower job position or dismissal; the two-year trigger is gone. Rule ``EVAL-2026`` looks at ratings of
  years from 2026; a run of two failing years under Law 52/2019 that ended before 2026 (2024 and 2025, say) is a
  notice to verify on later dates too — its consequence arose when 2025 was rated, under the old law.

When the consequence is due (docs/outcomes.md, "Evaluation consequences"):

- Only ratings already made count: every year before the evaluation date's, and its own year when the record holds
  that rating (records carry no date of rating; a year is rated in its last weeks). A discipline decided this year
  (on or before the date), with no rating of the year on record, foretells a "không hoàn thành" rating: when it
  completes the run of failing years, the finding stays ``met`` and carries a notice of the consequence to come
  when the year is rated — it does not conclude before the rating exists.
- The latest ratings made decide. An earlier run of two failing years (its second year 2020 or later) followed by
  a better rating is a notice: the consequence arose when that year was rated and the record cannot say whether it
  was applied (a cadre removed from post may hold another post now).
- A discipline is attributed to the year it was decided in (the data cannot say which year's violation it
  punished); in a year already rated it makes the year count as "không hoàn thành" whatever the record shows.

The ND 56/2015 names (before 20/08/2020) are accepted as spellings of the same four levels. These rules are not
standards of a title: with no evaluation record supplied they are ``not_applicable`` (not checked) rather than
``undetermined``. With evaluations but no discipline record (``disciplines`` absent, not ``[]``), a result that a
discipline could change under ND 48/2023 is ``undetermined`` with ``disciplines`` missing.
"""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import EVALUATION_LAW_52, EVALUATION_LAW_80
from ..law.sources import LAW_80_2025_ART26, LAW_CBCC_2019, ND_48_2023
from .model import Rule, RuleSet
from .requirements import NoConsecutiveFailures, NoFailureSince

__all__ = ["RULESET"]

_ND_48_FIRST_YEAR = ND_48_2023.effective.start.year if ND_48_2023.effective.start else None
_LAW_52_FIRST_YEAR = EVALUATION_LAW_52.period.start.year if EVALUATION_LAW_52.period.start else None
_LAW_80_FIRST_YEAR = EVALUATION_LAW_80.period.start.year if EVALUATION_LAW_80.period.start else 0

RULESET = RuleSet(
    code="national.evaluations",
    title=Text(vi="Hệ quả của đánh giá, xếp loại chất lượng", en="Consequences of the annual evaluation"),
    references=(LAW_CBCC_2019, ND_48_2023, LAW_80_2025_ART26),
    rules=(
        Rule(
            code="EVAL-2020-2Y",
            name="two-years-not-completing-duties",
            basis=(LAW_CBCC_2019, ND_48_2023),
            valid=EVALUATION_LAW_52,
            standard=False,
            title=Text(
                vi="Hai năm liên tiếp không hoàn thành nhiệm vụ", en="Two consecutive years without completing duties"
            ),
            requirement=NoConsecutiveFailures(
                years=2, discipline_counts_from=_ND_48_FIRST_YEAR, since=_LAW_52_FIRST_YEAR
            ),
        ),
        Rule(
            code="EVAL-2026",
            name="not-completing-duties-2026",
            basis=(LAW_80_2025_ART26, ND_48_2023),
            valid=EVALUATION_LAW_80,
            standard=False,
            title=Text(vi="Không hoàn thành nhiệm vụ (Luật 80/2025)", en="Not completing duties (Law 80/2025)"),
            requirement=NoFailureSince(
                first_year=_LAW_80_FIRST_YEAR, previous_run=2, previous_since=_LAW_52_FIRST_YEAR
            ),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the evaluation-consequence rule set."""
    register(RULESET)
