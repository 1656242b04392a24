"""Built-in plugin: standards of commune cadres under ND 33/2023/NĐ-CP Art 8 (01/08/2023 – 30/06/2025).

References (Nghị định 33/2023/NĐ-CP, effective 01/08/2023):

- Art 8 cl.1 [H] Bí thư, Phó Bí thư Đảng ủy: at first appointment ≥ 60 months of working time before retirement;
  THPT; đại học or higher. Their political-theory level "per Party rules" is [L] (legal-sources.md §8, open question
  1): the rule ``CX-BT-2023-LLCT`` is provisional and answers ``undetermined`` (action ``review``), as the other
  standards the sources leave open do — a secretary is never ``compliant`` on a standard nobody checked, and a
  settled shortfall (đại học, THPT) still decides the status.
- Art 8 cl.2 [L] Chủ tịch Ủy ban MTTQ and heads of socio-political organisations: per their charters, text not seen:
  the rule ``CX-CB-2023-CHARTER`` is provisional and answers ``undetermined``.
- Art 8 cl.3 [H] Chủ tịch, Phó Chủ tịch HĐND and UBND: ≥ 60 months before retirement at first appointment; THPT;
  đại học or higher; trung cấp political theory or higher.
- Art 8 cl.4 [H] the provincial PC may set trung cấp professional level in difficult areas (switch
  ``commune_cadre_trung_cap``).
- Art 38(1) [H]: cadres in office on 01/08/2023 who do not meet Art 8 have until 01/08/2028. The age condition is
  checked only for appointments from 01/08/2023 and has no grace.

Whether Art 8 and the 2028 deadline still bind after 01/07/2025 is [L]: the rule set ends on 30/06/2025.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law import LegalBasis
from ..law.regimes import ND_33_COMMUNE_CADRES
from ..law.sources import (
    ND_33_2023_ART8_1,
    ND_33_2023_ART8_1_LLCT,
    ND_33_2023_ART8_2,
    ND_33_2023_ART8_3,
    ND_33_2023_ART8_4,
    ND_33_2023_ART38_1,
)
from ..units import Tier
from .model import Relief, Rule, RuleSet
from .requirements import MinLevel, NotEncoded, WorkingTimeAtAppointment
from .shared import CADRE_TRUNG_CAP_SWITCH, ND_33_GRACE_FOR_CADRES

__all__ = ["RULESET"]

_PARTY = frozenset({"commune.bi_thu", "commune.pho_bi_thu"})
_COUNCIL = frozenset(
    {"commune.chu_tich_hdnd", "commune.pho_chu_tich_hdnd", "commune.chu_tich_ubnd", "commune.pho_chu_tich_ubnd"}
)
_CHARTER = frozenset(
    {
        "commune.chu_tich_mttq",
        "commune.bi_thu_doan",
        "commune.chu_tich_hoi_phu_nu",
        "commune.chu_tich_hoi_nong_dan",
        "commune.chu_tich_hoi_ccb",
    }
)
_GRACES = (ND_33_GRACE_FOR_CADRES,)
_RELIEF = (Relief(accept=MinLevel(ladder="professional", level="trung_cap"), switch=CADRE_TRUNG_CAP_SWITCH),)


def _clause(prefix: str, clause: LegalBasis, titles: frozenset[str], who_vi: str, who_en: str) -> tuple[Rule, ...]:
    rule = partial(Rule, valid=ND_33_COMMUNE_CADRES, titles=titles, basis=(clause,))
    return (
        rule(
            code=f"{prefix}-TERM",
            name=f"{prefix.lower()}-term-before-retirement",
            title=Text(
                vi=f"{who_vi}: đủ 60 tháng công tác trở lên đến tuổi nghỉ hưu khi bổ nhiệm lần đầu",
                en=f"{who_en}: at least 60 months of work before retirement at first appointment",
            ),
            requirement=WorkingTimeAtAppointment(months=60),
        ),
        rule(
            code=f"{prefix}-EDU",
            name=f"{prefix.lower()}-education",
            title=Text(vi=f"{who_vi}: tốt nghiệp THPT", en=f"{who_en}: completed upper secondary"),
            basis=(clause, ND_33_2023_ART38_1),
            requirement=MinLevel(ladder="general_education", level="thpt"),
            graces=_GRACES,
        ),
        rule(
            code=f"{prefix}-PROF",
            name=f"{prefix.lower()}-professional",
            title=Text(vi=f"{who_vi}: trình độ đại học trở lên", en=f"{who_en}: university degree or higher"),
            basis=(clause, ND_33_2023_ART8_4, ND_33_2023_ART38_1),
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
            reliefs=_RELIEF,
            graces=_GRACES,
        ),
    )


RULESET = RuleSet(
    code="national.commune_cadres_2023",
    title=Text(
        vi="Tiêu chuẩn cán bộ cấp xã theo Nghị định 33/2023/NĐ-CP",
        en="Commune cadre standards under Decree 33/2023/ND-CP",
    ),
    tier=Tier.COMMUNE,
    references=(ND_33_2023_ART8_1, ND_33_2023_ART8_2, ND_33_2023_ART8_3, ND_33_2023_ART8_4, ND_33_2023_ART38_1),
    rules=(
        *_clause("CX-BT-2023", ND_33_2023_ART8_1, _PARTY, "Bí thư, Phó Bí thư Đảng ủy", "Party secretary or deputy"),
        Rule(
            code="CX-BT-2023-LLCT",
            name="cx-bt-2023-political-theory-not-encoded",
            title=Text(
                vi="Bí thư, Phó Bí thư Đảng ủy: lý luận chính trị theo quy định của Đảng (chưa xác nhận)",
                en="Party secretary or deputy: political theory per Party rules (unconfirmed)",
            ),
            basis=(ND_33_2023_ART8_1_LLCT,),
            valid=ND_33_COMMUNE_CADRES,
            titles=_PARTY,
            requirement=NotEncoded(subject="party_secretary_political_theory"),
        ),
        *_clause(
            "CX-CT-2023",
            ND_33_2023_ART8_3,
            _COUNCIL,
            "Chủ tịch, Phó Chủ tịch HĐND, UBND",
            "People's Council or Committee chair or vice-chair",
        ),
        Rule(
            code="CX-CT-2023-LLCT",
            name="cx-ct-2023-political-theory",
            title=Text(
                vi="Chủ tịch, Phó Chủ tịch HĐND, UBND: trung cấp lý luận chính trị trở lên",
                en="People's Council or Committee chair or vice-chair: intermediate political theory or higher",
            ),
            basis=(ND_33_2023_ART8_3, ND_33_2023_ART38_1),
            valid=ND_33_COMMUNE_CADRES,
            titles=_COUNCIL,
            requirement=MinLevel(ladder="political_theory", level="trung_cap"),
            graces=_GRACES,
        ),
        Rule(
            code="CX-CB-2023-CHARTER",
            name="commune-organisation-heads-charter",
            title=Text(
                vi="Người đứng đầu MTTQ và tổ chức chính trị – xã hội cấp xã: tiêu chuẩn theo điều lệ",
                en="Heads of the Fatherland Front and mass organisations: standards per their charters",
            ),
            basis=(ND_33_2023_ART8_2,),
            valid=ND_33_COMMUNE_CADRES,
            titles=_CHARTER,
            requirement=NotEncoded(subject="charter"),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the ND 33/2023 Art 8 commune cadre rule set."""
    register(RULESET)
