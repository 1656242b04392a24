"""Built-in plugin: standards of commune civil servants under TT 13/2019/TT-BNV (25/12/2019 – 31/07/2023).

References:

- Thông tư 13/2019/TT-BNV (issued 06/11/2019, effective 25/12/2019), Art 1 cl.1 [H]: age ≥ 18; THPT; professional
  **đại học** or higher in a field suited to the title; the provincial PC may set **trung cấp** or higher for
  communes in difficult areas (a switch a provincial rule set turns on); a certificate meeting the basic IT-skills
  standard (TT 03/2014/TT-BTTTT). Type of training and public/private school are not distinguished.
- Grace [M]: commune civil servants recruited before 25/12/2019, in communes outside the difficult-area list, lacking
  the university standard, have five years: until **25/12/2024**.
- Thông tư 04/2022/TT-BNV [M]: "unless a law provides otherwise" — from its entry into force the Tư pháp – hộ tịch
  officer's professional standard is Luật Hộ tịch Art 72(2) (rule set ``national.civil_status_officer``).

The field of study is not checked except where a law names it: which fields suit a title is the province's to set.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from ..hookspecs import hookimpl
from ..law import Period
from ..results import Text
from ..units import Tier
from ._checks import Grace, Relief, min_age, min_level
from ._common import CIVIL_SERVANT_TRUNG_CAP_SWITCH, EDU, IT, PROF
from ._model import Rule, RuleSet
from ._sources import TT_04_2022, TT_13_2019_ART1_1, TT_13_2019_GRACE
from .titles import COMMUNE_CIVIL_SERVANT_TITLES

__all__ = ["GRACE", "RULESET"]

_EFFECTIVE = date(2019, 12, 25)
_VALID = TT_13_2019_ART1_1.effective
_BASIS = (TT_13_2019_ART1_1,)
_PROF_BASIS = (TT_13_2019_ART1_1, TT_13_2019_GRACE)
_TU_PHAP = "commune.tu_phap_ho_tich"

GRACE = Grace(
    in_office_by=_EFFECTIVE - timedelta(days=1),
    deadline=date(2024, 12, 25),
    basis=TT_13_2019_GRACE,
    outside_difficult_areas=True,
)
"""Five years from 25/12/2019 for those recruited before it, outside difficult-area communes [M]."""

_PROF_CHECK = min_level(
    "professional",
    "dai_hoc",
    what=PROF,
    reliefs=(Relief(level="trung_cap", switch=CIVIL_SERVANT_TRUNG_CAP_SWITCH),),
    graces=(GRACE,),
)
_rule = partial(Rule, basis=_BASIS, valid=_VALID, titles=COMMUNE_CIVIL_SERVANT_TITLES)
_prof = partial(
    _rule,
    basis=_PROF_BASIS,
    title=Text(
        vi="Công chức cấp xã có trình độ đại học trở lên", en="Commune civil servant with a university degree or higher"
    ),
    requires=("qualifications", "recruited_on", "unit"),
    delegable=(CIVIL_SERVANT_TRUNG_CAP_SWITCH,),
    check=_PROF_CHECK,
)
_TT04_START = TT_04_2022.effective.start
assert _TT04_START is not None

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
            requires=("birth_date",),
            check=min_age(18),
        ),
        _rule(
            code="CX-CC-2019-EDU",
            name="commune-civil-servant-education-2019",
            title=Text(vi="Công chức cấp xã tốt nghiệp THPT", en="Commune civil servant completed upper secondary"),
            requires=("qualifications",),
            check=min_level("general_education", "thpt", what=EDU),
        ),
        _prof(
            code="CX-CC-2019-PROF",
            name="commune-civil-servant-professional-2019",
            valid=Period(start=_VALID.start, end=_TT04_START - timedelta(days=1)),
        ),
        _prof(
            code="CX-CC-2019-PROF-TT04",
            name="commune-civil-servant-professional-2019-tt04",
            basis=(*_PROF_BASIS, TT_04_2022),
            valid=Period(start=_TT04_START, end=_VALID.end),
            titles=COMMUNE_CIVIL_SERVANT_TITLES - {_TU_PHAP},
        ),
        _rule(
            code="CX-CC-2019-IT",
            name="commune-civil-servant-it-2019",
            title=Text(
                vi="Công chức cấp xã có chứng chỉ đạt chuẩn kỹ năng sử dụng CNTT cơ bản",
                en="Commune civil servant certified to the basic IT-skills standard",
            ),
            requires=("qualifications",),
            check=min_level("it", "co_ban", what=IT),
        ),
    ),
)


@hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the TT 13/2019 rule set."""
    register(RULESET)
