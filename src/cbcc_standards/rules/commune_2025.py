"""Built-in plugin: commune leadership civil servants of the two-tier local government (from 01/07/2025).

References (legal-sources.md §2):

- Công văn 03/CV-BCĐ (15/04/2025) [H]: commune leadership posts use the standards of the corresponding former
  **district-level** leadership posts — whose own standards are [L]: the rule ``CX-LD-2025-STD`` is provisional and
  answers ``undetermined``.
- Công văn 11/CV-BCĐ (04/06/2025) [M]: commune leadership civil servants need **trung cấp LLCT** or higher
  (``CX-LD-2025-LLCT``).
"""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import TWO_TIER
from ..law.sources import CV_03_BCD_2025, CV_03_BCD_2025_DISTRICT_STANDARDS, CV_11_BCD_2025
from ..units import Tier
from .model import Rule, RuleSet
from .requirements import MinLevel, NotEncoded

__all__ = ["RULESET", "TITLES_2025"]

TITLES_2025 = frozenset({"commune.truong_phong", "commune.pho_truong_phong"})
"""Leadership civil-servant posts of the new communes."""

RULESET = RuleSet(
    code="national.commune_leadership_2025",
    title=Text(
        vi="Tiêu chuẩn công chức lãnh đạo cấp xã từ 01/07/2025", en="Commune leadership civil servants from 01/07/2025"
    ),
    tier=Tier.COMMUNE,
    references=(CV_03_BCD_2025, CV_11_BCD_2025),
    rules=(
        Rule(
            code="CX-LD-2025-LLCT",
            name="commune-leader-political-theory-2025",
            basis=(CV_11_BCD_2025,),
            valid=TWO_TIER,
            titles=TITLES_2025,
            title=Text(
                vi="Công chức lãnh đạo cấp xã: trung cấp lý luận chính trị trở lên",
                en="Commune leadership civil servant: intermediate political theory or higher",
            ),
            requirement=MinLevel(ladder="political_theory", level="trung_cap"),
        ),
        Rule(
            code="CX-LD-2025-STD",
            name="commune-leader-district-standards-2025",
            basis=(CV_03_BCD_2025, CV_03_BCD_2025_DISTRICT_STANDARDS),
            valid=TWO_TIER,
            titles=TITLES_2025,
            title=Text(
                vi="Công chức lãnh đạo cấp xã: tiêu chuẩn của chức danh tương ứng cấp huyện trước đây",
                en="Commune leadership civil servant: standards of the former district post",
            ),
            requirement=NotEncoded(subject="former_district_post"),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the post-2025 commune leadership rule set."""
    register(RULESET)
