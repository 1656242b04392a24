"""Built-in plugin: standards of commune civil servants under TT 13/2019/TT-BNV (25/12/2019 – 31/07/2023).

References:

- Thông tư 13/2019/TT-BNV (issued 06/11/2019, effective 25/12/2019), Art 1 cl.1 [H]: age ≥ 18; THPT; professional
  **đại học** or higher in a field suited to the title; the provincial PC may set **trung cấp** or higher for
  communes in difficult areas (a switch a provincial rule set turns on); a certificate meeting the basic IT-skills
  standard (TT 03/2014/TT-BTTTT). Type of training and public/private school are not distinguished.
- Grace [M]: commune civil servants recruited before 25/12/2019 lacking the university standard have five years,
  until **25/12/2024** — except in the communes where the province accepts trung cấp (there trung cấp is met
  instead): ``rules.shared.TT_13_GRACE``.
- Thông tư 04/2022/TT-BNV [M]: "unless a law provides otherwise" — from its entry into force the Tư pháp – hộ tịch
  officer's professional standard is Luật Hộ tịch Art 72(2) (rule set ``national.civil_status_officer``).

The field of study is not checked except where a law names it: which fields suit a title is the province's to set.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import TT_13_2019, TT_13_2019_BEFORE_TT_04, TT_13_2019_WITH_TT_04
from ..law.sources import TT_04_2022, TT_13_2019_ART1_1, TT_13_2019_GRACE
from ..units import Tier
from .model import Relief, Rule, RuleSet
from .posts import COMMUNE_CIVIL_SERVANT_TITLES
from .requirements import MinAge, MinLevel
from .shared import CIVIL_SERVANT_TRUNG_CAP_SWITCH, TT_13_GRACE

__all__ = ["RULESET"]

_TU_PHAP = "commune.tu_phap_ho_tich"
_rule = partial(Rule, basis=(TT_13_2019_ART1_1,), valid=TT_13_2019, titles=COMMUNE_CIVIL_SERVANT_TITLES)
_prof = partial(
    _rule,
    basis=(TT_13_2019_ART1_1, TT_13_2019_GRACE),
    title=Text(
        vi="Công chức cấp xã có trình độ đại học trở lên", en="Commune civil servant with a university degree or higher"
    ),
    requirement=MinLevel(ladder="professional", level="dai_hoc"),
    reliefs=(Relief(accept=MinLevel(ladder="professional", level="trung_cap"), switch=CIVIL_SERVANT_TRUNG_CAP_SWITCH),),
    graces=(TT_13_GRACE,),
)

RULESET = RuleSet(
    code="national.commune_civil_servants_2019",
    title=Text(
        vi="Tiêu chuẩn công chức cấp xã theo Thông tư 13/2019/TT-BNV",
        en="Commune civil-servant standards under Circular 13/2019/TT-BNV",
    ),
    tier=Tier.COMMUNE,
    references=(TT_13_2019_ART1_1, TT_13_2019_GRACE, TT_04_2022),
    rules=(
        _rule(
            code="CX-CC-2019-AGE",
            name="commune-civil-servant-age-2019",
            title=Text(vi="Công chức cấp xã đủ 18 tuổi trở lên", en="Commune civil servant aged 18 or over"),
            requirement=MinAge(years=18),
        ),
        _rule(
            code="CX-CC-2019-EDU",
            name="commune-civil-servant-education-2019",
            title=Text(vi="Công chức cấp xã tốt nghiệp THPT", en="Commune civil servant completed upper secondary"),
            requirement=MinLevel(ladder="general_education", level="thpt"),
        ),
        _prof(code="CX-CC-2019-PROF", name="commune-civil-servant-professional-2019", valid=TT_13_2019_BEFORE_TT_04),
        _prof(
            code="CX-CC-2019-PROF-TT04",
            name="commune-civil-servant-professional-2019-tt04",
            basis=(TT_13_2019_ART1_1, TT_13_2019_GRACE, TT_04_2022),
            valid=TT_13_2019_WITH_TT_04,
            titles=COMMUNE_CIVIL_SERVANT_TITLES - {_TU_PHAP},
        ),
        _rule(
            code="CX-CC-2019-IT",
            name="commune-civil-servant-it-2019",
            title=Text(
                vi="Công chức cấp xã có chứng chỉ đạt chuẩn kỹ năng sử dụng CNTT cơ bản",
                en="Commune civil servant certified to the basic IT-skills standard",
            ),
            requirement=MinLevel(ladder="it", level="co_ban"),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the TT 13/2019 rule set."""
    register(RULESET)
