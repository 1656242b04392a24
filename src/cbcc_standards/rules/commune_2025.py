"""Built-in plugin: the commune posts of the two-tier local government (from 01/07/2025, legal-sources.md §9).

References:

- Non-leadership civil servants of the commune People's Committee (§9.1): age ≥ 18 (Law 80/2025 Art 19 [H]);
  **đại học** or higher (Công văn 11/CV-BCĐ [M]; CV 03/CV-BCĐ [H]), the field being the commune's to set for each
  job position (not checked). Grace: those in office before 01/07/2025 who are of an ethnic minority or work in an
  especially difficult (ĐBKK) area have until **01/07/2030** (``rules.shared.CV_11_GRACE``). No trung cấp exception
  for difficult areas and no ND 33/2023 Art 38 grace after 30/06/2025. A pre-2025 commune civil-servant title is read
  as ``commune.cong_chuc`` (not yet placed) and held to these standards.
- Leadership civil servants (§9.2): **đại học** (with the same grace) and **trung cấp LLCT** or higher (LLCT–hành
  chính or a certified equivalent counts) (CV 11 [M]); the former district posts' other standards are qualitative,
  and QLNN is trained after appointment (ND 171/2025): no shortfall of the standard.
- Commune cadres (§9.3): the posts continue; their standards come from Party rules with no national numbers found
  [L]: a provisional rule answers ``undetermined`` and a provincial plugin may supply numbers (a provincial rule that
  ``tightens`` ``CX-CB-2025-STD`` supersedes it). The heads of the Fatherland Front and mass organisations, and the
  commune military commander (Law on Militia), are likewise provisional.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import TWO_TIER
from ..law.sources import (
    CV_03_BCD_2025,
    CV_11_BCD_2025,
    CV_11_BCD_2025_CADRES,
    CV_11_BCD_2025_GRACE,
    CV_11_BCD_2025_UNIVERSITY,
    LAW_80_2025_ART19,
    LAW_80_2025_COMMUNE_ORGANISATIONS,
    LAW_MILITIA_COMMANDER,
    LUAT_HO_TICH_ART72_2_AFTER_2025,
    QD_365_2025,
)
from ..units import Tier
from .model import Relief, Rule, RuleSet
from .posts import (
    COMMUNE_LEADERS_2025_TITLES,
    COMMUNE_ORGANISATION_TITLES,
    COMMUNE_PARTY_AND_COUNCIL_TITLES,
    COMMUNE_STAFF_2025_TITLES,
)
from .requirements import MinAge, MinLevel, NotEncoded
from .shared import CV_11_GRACE

__all__ = ["RULESET"]

_UNIVERSITY = (CV_11_BCD_2025_UNIVERSITY, CV_03_BCD_2025, CV_11_BCD_2025_GRACE)
_rule = partial(Rule, valid=TWO_TIER)

RULESET = RuleSet(
    code="national.commune_2025",
    title=Text(
        vi="Tiêu chuẩn cán bộ, công chức cấp xã của chính quyền địa phương hai cấp (từ 01/07/2025)",
        en="Commune cadres and civil servants of the two-tier local government (from 01/07/2025)",
    ),
    tier=Tier.COMMUNE,
    references=(
        LAW_80_2025_ART19,
        CV_03_BCD_2025,
        CV_11_BCD_2025,
        CV_11_BCD_2025_UNIVERSITY,
        CV_11_BCD_2025_GRACE,
        CV_11_BCD_2025_CADRES,
        QD_365_2025,
    ),
    rules=(
        _rule(
            code="CX-CC-2025-AGE",
            name="commune-civil-servant-age-2025",
            title=Text(vi="Công chức cấp xã đủ 18 tuổi trở lên", en="Commune civil servant aged 18 or over"),
            basis=(LAW_80_2025_ART19,),
            titles=COMMUNE_STAFF_2025_TITLES,
            requirement=MinAge(years=18),
        ),
        _rule(
            code="CX-CC-2025-PROF",
            name="commune-civil-servant-university-2025",
            title=Text(
                vi="Công chức cấp xã có trình độ đại học trở lên",
                en="Commune civil servant with a university degree or higher",
            ),
            basis=_UNIVERSITY,
            titles=COMMUNE_STAFF_2025_TITLES,
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
            # A former Tư pháp – hộ tịch civil servant with trung cấp luật: whether Luật Hộ tịch Art 72(2) still
            # suffices against đại học is [L] (§9.1): undetermined, cited, never "replace".
            reliefs=(
                Relief(
                    accept=MinLevel(ladder="professional", level="trung_cap", field="luat"),
                    held_title="commune.tu_phap_ho_tich",
                    undecided=True,
                    basis=LUAT_HO_TICH_ART72_2_AFTER_2025,
                ),
            ),
            graces=(CV_11_GRACE,),
        ),
        _rule(
            code="CX-LD-2025-PROF",
            name="commune-leader-university-2025",
            title=Text(
                vi="Công chức lãnh đạo cấp xã có trình độ đại học trở lên",
                en="Commune leadership civil servant with a university degree or higher",
            ),
            basis=_UNIVERSITY,
            titles=COMMUNE_LEADERS_2025_TITLES,
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
            graces=(CV_11_GRACE,),
        ),
        _rule(
            code="CX-LD-2025-LLCT",
            name="commune-leader-political-theory-2025",
            title=Text(
                vi="Công chức lãnh đạo cấp xã: trung cấp lý luận chính trị trở lên",
                en="Commune leadership civil servant: intermediate political theory or higher",
            ),
            basis=(CV_11_BCD_2025,),
            titles=COMMUNE_LEADERS_2025_TITLES,
            requirement=MinLevel(ladder="political_theory", level="trung_cap"),
        ),
        _rule(
            code="CX-CB-2025-STD",
            name="commune-cadre-standards-2025",
            title=Text(
                vi="Cán bộ cấp xã: tiêu chuẩn theo quy định của Đảng (chưa có tiêu chuẩn số của trung ương)",
                en="Commune cadres: standards per Party rules (no national numeric standard found)",
            ),
            basis=(CV_11_BCD_2025_CADRES, QD_365_2025),
            titles=COMMUNE_PARTY_AND_COUNCIL_TITLES,
            requirement=NotEncoded(subject="commune_cadre_2025"),
        ),
        _rule(
            code="CX-CB-2025-ORG",
            name="commune-organisation-heads-2025",
            title=Text(
                vi="Người đứng đầu MTTQ, tổ chức chính trị – xã hội cấp xã sau 01/07/2025: chưa được nguồn xác định",
                en="Heads of the commune Fatherland Front and mass organisations after 01/07/2025: not settled",
            ),
            basis=(LAW_80_2025_COMMUNE_ORGANISATIONS,),
            titles=COMMUNE_ORGANISATION_TITLES,
            requirement=NotEncoded(subject="commune_organisation_2025"),
        ),
        _rule(
            code="CX-QS-2025",
            name="commune-military-commander-2025",
            title=Text(
                vi="Chỉ huy trưởng Ban Chỉ huy Quân sự cấp xã: tiêu chuẩn theo pháp luật về dân quân tự vệ",
                en="Commune military commander: standards per the Law on Militia",
            ),
            basis=(LAW_MILITIA_COMMANDER,),
            titles=frozenset({"commune.chi_huy_truong_quan_su"}),
            requirement=NotEncoded(subject="military_commander_2025"),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the two-tier commune rule set."""
    register(RULESET)
