"""Built-in plugin: standards of commune civil servants under TT 06/2012/TT-BNV (15/12/2012 – 24/12/2019).

Reference: Thông tư 06/2012/TT-BNV (issued 30/10/2012), Art 2 [H]: age ≥ 18; THPT; professional trung cấp or
higher in a field suited to the title. The other items (office IT level A; QLNN / LLCT training after recruitment)
are [L] and not encoded. The field of study is not checked: which fields suit a title is the province's to set.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import TT_06_2012
from ..law.sources import TT_06_2012_ART2
from ..units import Tier
from .model import Rule, RuleSet
from .posts import COMMUNE_CIVIL_SERVANT_TITLES
from .requirements import MinAge, MinLevel

__all__ = ["RULESET"]

_rule = partial(Rule, basis=(TT_06_2012_ART2,), valid=TT_06_2012, titles=COMMUNE_CIVIL_SERVANT_TITLES)

RULESET = RuleSet(
    code="national.commune_civil_servants_2012",
    title=Text(
        vi="Tiêu chuẩn công chức cấp xã theo Thông tư 06/2012/TT-BNV",
        en="Commune civil-servant standards under Circular 06/2012/TT-BNV",
    ),
    tier=Tier.COMMUNE,
    references=(TT_06_2012_ART2,),
    rules=(
        _rule(
            code="CX-CC-2012-AGE",
            name="commune-civil-servant-age-2012",
            title=Text(vi="Công chức cấp xã đủ 18 tuổi trở lên", en="Commune civil servant aged 18 or over"),
            requirement=MinAge(years=18),
        ),
        _rule(
            code="CX-CC-2012-EDU",
            name="commune-civil-servant-education-2012",
            title=Text(vi="Công chức cấp xã tốt nghiệp THPT", en="Commune civil servant completed upper secondary"),
            requirement=MinLevel(ladder="general_education", level="thpt"),
        ),
        _rule(
            code="CX-CC-2012-PROF",
            name="commune-civil-servant-professional-2012",
            title=Text(
                vi="Công chức cấp xã có trình độ chuyên môn trung cấp trở lên",
                en="Commune civil servant with trung cấp or higher",
            ),
            requirement=MinLevel(ladder="professional", level="trung_cap"),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the TT 06/2012 rule set."""
    register(RULESET)
