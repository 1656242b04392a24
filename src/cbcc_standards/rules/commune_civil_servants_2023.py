"""Built-in plugin: standards of commune civil servants under ND 33/2023/NĐ-CP (01/08/2023 – 30/06/2025).

References:

- Nghị định 33/2023/NĐ-CP (signed 10/06/2023, effective 01/08/2023), Art 10 [H]:
  cl.1 Chỉ huy trưởng Ban Chỉ huy Quân sự: per the specialised military law (no education standard confirmed [L]:
  the rule ``CX-CC-2023-QS`` is provisional and says so); cl.2 the other five titles: age ≥ 18, THPT, **đại học** or
  higher in a field suited to the title, and where a law provides otherwise that law applies (Tư pháp – hộ tịch:
  Luật Hộ tịch Art 72(2), trung cấp luật); cl.3 the provincial PC may set **trung cấp** in difficult areas (switch
  ``commune_civil_servant_trung_cap``). No IT or foreign-language certificate is required.
- Art 38(1) [H]: civil servants in office on 01/08/2023 who do not meet Art 10 have five years, until **01/08/2028**.
- From 01/07/2025 the commune civil-servant category no longer exists (Law 80/2025/QH15, ND 170/2025/NĐ-CP): the rule
  set ends on 30/06/2025 and the title rule says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from ..hookspecs import hookimpl
from ..law import Period
from ..results import Text
from ..units import Tier
from ._checks import Grace, Relief, min_age, min_level
from ._common import CIVIL_SERVANT_TRUNG_CAP_SWITCH, EDU, PROF, not_encoded
from ._model import Rule, RuleSet
from ._sources import (
    LUAT_HO_TICH_ART72_2,
    ND_33_2023_ART10_1,
    ND_33_2023_ART10_2,
    ND_33_2023_ART10_3,
    ND_33_2023_ART38_1,
)
from .civil_status_officer import LAW_FIELD
from .titles import COMMUNE_CIVIL_SERVANT_TITLES

__all__ = ["GRACE", "RULESET"]

GRACE = Grace(in_office_by=date(2023, 8, 1), deadline=date(2028, 8, 1), basis=ND_33_2023_ART38_1)
"""ND 33/2023 Art 38(1): five years from 01/08/2023 for those in office that day."""

_VALID = Period(start=date(2023, 8, 1), end=date(2025, 6, 30))
_QS = "commune.chi_huy_truong_quan_su"
_TU_PHAP = "commune.tu_phap_ho_tich"
_CL2_TITLES = COMMUNE_CIVIL_SERVANT_TITLES - {_QS, "commune.truong_cong_an"}
_rule = partial(Rule, basis=(ND_33_2023_ART10_2,), valid=_VALID, titles=_CL2_TITLES)

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
            requires=("birth_date",),
            check=min_age(18),
        ),
        _rule(
            code="CX-CC-2023-EDU",
            name="commune-civil-servant-education-2023",
            title=Text(vi="Công chức cấp xã tốt nghiệp THPT", en="Commune civil servant completed upper secondary"),
            basis=(ND_33_2023_ART10_2, ND_33_2023_ART38_1),
            requires=("qualifications", "recruited_on"),
            check=min_level("general_education", "thpt", what=EDU, graces=(GRACE,)),
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
            delegable=(CIVIL_SERVANT_TRUNG_CAP_SWITCH,),
            requires=("qualifications", "recruited_on", "unit"),
            check=min_level(
                "professional",
                "dai_hoc",
                what=PROF,
                graces=(GRACE,),
                reliefs=(Relief(level="trung_cap", switch=CIVIL_SERVANT_TRUNG_CAP_SWITCH),),
            ),
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
            requires=("qualifications", "recruited_on"),
            check=min_level(
                "professional", "trung_cap", what=PROF, field_keyword="luật", field_label=LAW_FIELD, graces=(GRACE,)
            ),
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
            check=not_encoded(Text(vi="Tiêu chuẩn Chỉ huy trưởng Quân sự", en="Military commander standards")),
        ),
    ),
)


@hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the ND 33/2023 commune civil-servant rule set."""
    register(RULESET)
