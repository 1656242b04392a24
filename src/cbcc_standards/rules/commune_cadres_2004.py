"""Built-in plugin: standards of the commune Party secretary under QĐ 04/2004/QĐ-BNV (to 31/07/2023).

Reference: Quyết định 04/2004/QĐ-BNV, Art 5 [M, secondary summary]: at most 45 years old at first appointment; THPT;
trung cấp political theory; professional trung cấp in lowland and urban areas, a lower level allowed in mountainous
areas (``mien_nui``, ``vung_cao``). The decision's standards for the other commune cadre titles are [L] and not
encoded: those officials get an ``undetermined`` finding saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import QD_04_PARTY_SECRETARY
from ..law.sources import QD_04_2004_ART5
from ..units import AreaFlag, Tier
from .model import Relief, Rule, RuleSet
from .requirements import MaxAgeAtFirstAppointment, MinLevel

__all__ = ["RULESET"]

_rule = partial(Rule, basis=(QD_04_2004_ART5,), valid=QD_04_PARTY_SECRETARY, titles=frozenset({"commune.bi_thu"}))
_MOUNTAIN = Relief(accept=None, flags=frozenset({AreaFlag.MIEN_NUI, AreaFlag.VUNG_CAO}), basis=QD_04_2004_ART5)

RULESET = RuleSet(
    code="national.commune_party_secretary_2004",
    title=Text(
        vi="Tiêu chuẩn Bí thư Đảng ủy cấp xã theo Quyết định 04/2004/QĐ-BNV",
        en="Commune Party secretary standards under Decision 04/2004/QD-BNV",
    ),
    tier=Tier.COMMUNE,
    references=(QD_04_2004_ART5,),
    rules=(
        _rule(
            code="CX-BT-2004-AGE",
            name="commune-party-secretary-age-2004",
            title=Text(
                vi="Bí thư Đảng ủy xã không quá 45 tuổi khi bổ nhiệm lần đầu",
                en="Commune Party secretary at most 45 at first appointment",
            ),
            requirement=MaxAgeAtFirstAppointment(years=45),
        ),
        _rule(
            code="CX-BT-2004-EDU",
            name="commune-party-secretary-education-2004",
            title=Text(vi="Bí thư Đảng ủy xã tốt nghiệp THPT", en="Commune Party secretary completed upper secondary"),
            requirement=MinLevel(ladder="general_education", level="thpt"),
        ),
        _rule(
            code="CX-BT-2004-LLCT",
            name="commune-party-secretary-political-theory-2004",
            title=Text(
                vi="Bí thư Đảng ủy xã có trung cấp lý luận chính trị trở lên",
                en="Commune Party secretary with intermediate political theory or higher",
            ),
            requirement=MinLevel(ladder="political_theory", level="trung_cap"),
        ),
        _rule(
            code="CX-BT-2004-PROF",
            name="commune-party-secretary-professional-2004",
            title=Text(
                vi="Bí thư Đảng ủy xã có trình độ chuyên môn trung cấp (miền núi: có thể thấp hơn)",
                en="Commune Party secretary with trung cấp (lower allowed in mountainous areas)",
            ),
            requirement=MinLevel(ladder="professional", level="trung_cap"),
            reliefs=(_MOUNTAIN,),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the QĐ 04/2004 rule set."""
    register(RULESET)
