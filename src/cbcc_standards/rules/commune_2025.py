"""Built-in plugin: commune leadership civil servants of the two-tier local government (from 01/07/2025).

References (legal-sources.md §2):

- Công văn 03/CV-BCĐ (15/04/2025) [H]: commune leadership posts use the standards of the corresponding former
  **district-level** leadership posts — whose own standards are [L]: the rule ``CX-LD-2025-STD`` is provisional and
  answers ``undetermined``.
- Công văn 11/CV-BCĐ (04/06/2025) [M]: commune leadership civil servants need **trung cấp LLCT** or higher
  (``CX-LD-2025-LLCT``). Its five-year grace for ethnic-minority staff and especially difficult areas lacking a
  university degree concerns a degree standard that is not encoded, so it is not encoded either.
- Whether ND 33/2023 Art 8 and its 01/08/2028 deadline still bind commune cadres after 01/07/2025 is [L]: not encoded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..hookspecs import hookimpl
from ..law import Confidence, LegalBasis, Period
from ..results import Text
from ..units import Tier
from ._checks import min_level
from ._common import LLCT, not_encoded
from ._model import Rule, RuleSet
from ._sources import CV_03_BCD_2025, CV_11_BCD_2025

__all__ = ["RULESET", "TITLES_2025"]

TITLES_2025 = frozenset({"commune.truong_phong", "commune.pho_truong_phong"})
"""Leadership civil-servant posts of the new communes."""
_VALID = Period(start=date(2025, 7, 1))
_DISTRICT_STANDARDS = LegalBasis(
    document="Công văn 03/CV-BCĐ",
    issuer="Ban Chỉ đạo",
    signed=date(2025, 4, 15),
    confidence=Confidence.PROVISIONAL,
    note="Refers to the standards of the former district posts, which are not confirmed in the sources.",
)

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
            valid=_VALID,
            titles=TITLES_2025,
            requires=("qualifications",),
            title=Text(
                vi="Công chức lãnh đạo cấp xã: trung cấp lý luận chính trị trở lên",
                en="Commune leadership civil servant: intermediate political theory or higher",
            ),
            check=min_level("political_theory", "trung_cap", what=LLCT),
        ),
        Rule(
            code="CX-LD-2025-STD",
            name="commune-leader-district-standards-2025",
            basis=(CV_03_BCD_2025, _DISTRICT_STANDARDS),
            valid=_VALID,
            titles=TITLES_2025,
            title=Text(
                vi="Công chức lãnh đạo cấp xã: tiêu chuẩn của chức danh tương ứng cấp huyện trước đây",
                en="Commune leadership civil servant: standards of the former district post",
            ),
            check=not_encoded(
                Text(vi="Tiêu chuẩn chức danh tương ứng cấp huyện", en="Standards of the former district post")
            ),
        ),
    ),
)


@hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the post-2025 commune leadership rule set."""
    register(RULESET)
