"""Built-in plugin: the commune civil-status officer's professional standard under Luật Hộ tịch 2014
(01/01/2016 – 31/07/2023; from 01/08/2023 it is part of ND 33/2023 Art 10(2), rule ``CX-CC-2023-HOTICH``).

Reference: Luật Hộ tịch 60/2014/QH13, Art 72(2) [H]: the Tư pháp – hộ tịch civil servant has **trung cấp luật** or
higher (plus civil-status training, legible handwriting and IT skills suited to the job, which records do not show
and are not checked). Under TT 13/2019 before TT 04/2022 both this law and the circular's university standard apply.
"""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import CIVIL_STATUS_LAW_BEFORE_ND_33
from ..law.sources import LUAT_HO_TICH_ART72_2
from ..units import Tier
from .model import Rule, RuleSet
from .requirements import MinLevel
from .shared import LAW

__all__ = ["RULESET"]

RULESET = RuleSet(
    code="national.civil_status_officer",
    title=Text(
        vi="Tiêu chuẩn công chức Tư pháp – hộ tịch theo Luật Hộ tịch",
        en="Civil-status officer standard under the Civil Status Law",
    ),
    tier=Tier.COMMUNE,
    references=(LUAT_HO_TICH_ART72_2,),
    rules=(
        Rule(
            code="CX-HOTICH-2016",
            name="civil-status-officer-law-degree",
            title=Text(
                vi="Công chức Tư pháp – hộ tịch có trình độ trung cấp luật trở lên",
                en="Civil-status officer with trung cấp in law or higher",
            ),
            basis=(LUAT_HO_TICH_ART72_2,),
            valid=CIVIL_STATUS_LAW_BEFORE_ND_33,
            titles=frozenset({"commune.tu_phap_ho_tich"}),
            requirement=MinLevel(ladder="professional", level="trung_cap", field=LAW),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the Civil Status Law rule set."""
    register(RULESET)
