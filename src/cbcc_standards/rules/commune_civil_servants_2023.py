"""Built-in plugin: standards of commune civil servants under ND 33/2023/NĐ-CP (01/08/2023 – 30/06/2025).

References:

- Nghị định 33/2023/NĐ-CP (signed 10/06/2023, effective 01/08/2023), Art 10 [H]:
  cl.1 Chỉ huy trưởng Ban Chỉ huy Quân sự: per the specialised military law (no education standard confirmed [L]:
  the rule ``CX-CC-2023-QS`` is provisional and says so); cl.2 the other five titles: age ≥ 18, THPT, **đại học** or
  higher in a field suited to the title, and where a law provides otherwise that law applies (Tư pháp – hộ tịch:
  Luật Hộ tịch Art 72(2), trung cấp luật); cl.3 the provincial PC may set **trung cấp** in difficult areas (switch
  ``commune_civil_servant_trung_cap``). No IT or foreign-language certificate is required.
- Art 38(1) [H]: civil servants in office on 01/08/2023 who do not meet Art 10 have five years, until **01/08/2028**.
- From 01/07/2025 the commune civil-servant category no longer exists and ND 170/2025/NĐ-CP abolishes these
  provisions (Law 80/2025/QH15): the rule set ends on 30/06/2025.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import ND_33_COMMUNE_CIVIL_SERVANTS
from ..law.sources import (
    LUAT_HO_TICH_ART72_2,
    ND_33_2023_ART10_1,
    ND_33_2023_ART10_2,
    ND_33_2023_ART10_3,
    ND_33_2023_ART38_1,
)
from ..units import Tier
from .model import Relief, Rule, RuleSet
from .posts import COMMUNE_CIVIL_SERVANT_TITLES
from .requirements import MinAge, MinLevel, NotEncoded
from .shared import CIVIL_SERVANT_TRUNG_CAP_SWITCH, LAW, ND_33_GRACE

__all__ = ["RULESET"]

_QS = "commune.chi_huy_truong_quan_su"
_TU_PHAP = "commune.tu_phap_ho_tich"
_CL2_TITLES = COMMUNE_CIVIL_SERVANT_TITLES - {_QS, "commune.truong_cong_an"}
_rule = partial(Rule, basis=(ND_33_2023_ART10_2,), valid=ND_33_COMMUNE_CIVIL_SERVANTS, titles=_CL2_TITLES)

RULESET = RuleSet(
    code="national.commune_civil_servants_2023",
    title=Text(
        vi="Tiêu chuẩn công chức cấp xã theo Nghị định 33/2023/NĐ-CP",
        en="Commune civil-servant standards under Decree 33/2023/ND-CP",
    ),
    tier=Tier.COMMUNE,
    references=(ND_33_2023_ART10_1, ND_33_2023_ART10_2, ND_33_2023_ART10_3, ND_33_2023_ART38_1, LUAT_HO_TICH_ART72_2),
    rules=(
        _rule(
            code="CX-CC-2023-AGE",
            name="commune-civil-servant-age-2023",
            title=Text(vi="Công chức cấp xã đủ 18 tuổi trở lên", en="Commune civil servant aged 18 or over"),
            requirement=MinAge(years=18),
        ),
        _rule(
            code="CX-CC-2023-EDU",
            name="commune-civil-servant-education-2023",
            title=Text(vi="Công chức cấp xã tốt nghiệp THPT", en="Commune civil servant completed upper secondary"),
            basis=(ND_33_2023_ART10_2, ND_33_2023_ART38_1),
            requirement=MinLevel(ladder="general_education", level="thpt"),
            graces=(ND_33_GRACE,),
        ),
        _rule(
            code="CX-CC-2023-PROF",
            name="commune-civil-servant-professional-2023",
            title=Text(
                vi="Công chức cấp xã có trình độ đại học trở lên",
                en="Commune civil servant with a university degree or higher",
            ),
            basis=(ND_33_2023_ART10_2, ND_33_2023_ART10_3, ND_33_2023_ART38_1),
            titles=_CL2_TITLES - {_TU_PHAP},
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
            reliefs=(
                Relief(
                    accept=MinLevel(ladder="professional", level="trung_cap"), switch=CIVIL_SERVANT_TRUNG_CAP_SWITCH
                ),
            ),
            graces=(ND_33_GRACE,),
        ),
        _rule(
            code="CX-CC-2023-HOTICH",
            name="commune-civil-status-officer-professional-2023",
            title=Text(
                vi="Công chức Tư pháp – hộ tịch có trình độ trung cấp luật trở lên",
                en="Civil-status officer with trung cấp in law or higher",
            ),
            basis=(ND_33_2023_ART10_2, LUAT_HO_TICH_ART72_2, ND_33_2023_ART38_1),
            titles=frozenset({_TU_PHAP}),
            requirement=MinLevel(ladder="professional", level="trung_cap", field=LAW),
            graces=(ND_33_GRACE,),
        ),
        _rule(
            code="CX-CC-2023-QS",
            name="commune-military-commander-2023",
            title=Text(
                vi="Chỉ huy trưởng Quân sự cấp xã: tiêu chuẩn theo pháp luật chuyên ngành quân sự",
                en="Commune military commander: standards per the military law",
            ),
            basis=(ND_33_2023_ART10_1,),
            titles=frozenset({_QS}),
            requirement=NotEncoded(subject="military_commander"),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the ND 33/2023 commune civil-servant rule set."""
    register(RULESET)
