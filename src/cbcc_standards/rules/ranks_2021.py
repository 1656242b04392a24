"""Built-in plugin: standards of administrative civil-servant ranks (ngạch) under TT 2/2021/TT-BNV (from 01/08/2021),
as amended by TT 06/2022/TT-BNV (from 15/08/2022).

References (legal-sources.md §3.1):

- Chuyên viên cao cấp (01.001) [H]: đại học or higher; political theory **cao cấp** (cử nhân chính trị and cao cấp
  LLCT–hành chính count); QLNN certificate of the CVCC level, or cao cấp LLCT–hành chính. Holders appointed to the
  rank before 01/08/2022 are treated as meeting the QLNN standard (Công văn 1848/BNV-CCVC, 05/04/2024) [H].
- Chuyên viên chính (01.002): đại học or higher [M]; until 14/08/2022 a basic IT certificate and foreign language
  bậc 3 (B1) or an ethnic-minority language certificate [H]; from 15/08/2022 "as the job requires" (not checkable).
  Its political-theory and QLNN standards are [L]: not encoded.
- Chuyên viên (01.003): đại học or higher [M]; QLNN [L]: not encoded.
- Cán sự (01.004), nhân viên (01.005): [L]; provisional rules that answer ``undetermined``.

Before 01/08/2021 TT 11/2014/TT-BNV applied; its certificate levels are not in the sources, so no rule covers ranks
before that date (the engine reports that no standard is encoded).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import RANKS_TT_2
from ..law.sources import (
    BNV_1848_2024,
    BNV_1848_2024_CUTOFF,
    TT_06_2022,
    TT_2_2021,
    TT_2_2021_CS_NV,
    TT_2_2021_SECONDARY,
)
from .model import Relief, Rule, RuleSet
from .requirements import AnyOf, Holds, MinLevel, NotEncoded, StateManagementCertificate

__all__ = ["RULESET"]

_CVCC, _CVC, _CV, _CS, _NV = (frozenset({f"rank.01.00{n}"}) for n in range(1, 6))
_CERTIFICATES = RANKS_TT_2.period.until_before(TT_06_2022.effective)
"""TT 2/2021's IT and foreign-language certificates, until TT 06/2022 replaced them with "as the job requires"."""
_rule = partial(Rule, valid=RANKS_TT_2)

RULESET = RuleSet(
    code="national.ranks_2021",
    title=Text(
        vi="Tiêu chuẩn ngạch công chức hành chính theo Thông tư 2/2021/TT-BNV",
        en="Administrative civil-servant rank standards under Circular 2/2021/TT-BNV",
    ),
    references=(TT_2_2021, TT_06_2022, BNV_1848_2024),
    rules=(
        _rule(
            code="RANK-CVCC-PROF",
            name="rank-senior-specialist-degree",
            basis=(TT_2_2021,),
            titles=_CVCC,
            title=Text(vi="Chuyên viên cao cấp: đại học trở lên", en="Senior specialist: university or higher"),
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
        ),
        _rule(
            code="RANK-CVCC-LLCT",
            name="rank-senior-specialist-political-theory",
            basis=(TT_2_2021,),
            titles=_CVCC,
            title=Text(
                vi="Chuyên viên cao cấp: cao cấp lý luận chính trị", en="Senior specialist: advanced political theory"
            ),
            requirement=MinLevel(ladder="political_theory", level="cao_cap"),
        ),
        _rule(
            code="RANK-CVCC-QLNN",
            name="rank-senior-specialist-state-management",
            basis=(TT_2_2021, BNV_1848_2024),
            titles=_CVCC,
            title=Text(
                vi="Chuyên viên cao cấp: chứng chỉ bồi dưỡng QLNN ngạch chuyên viên cao cấp",
                en="Senior specialist: state-management certificate of the senior-specialist level",
            ),
            requirement=StateManagementCertificate(level="chuyen_vien_cao_cap"),
            reliefs=(Relief(accept=None, appointed_before=BNV_1848_2024_CUTOFF, basis=BNV_1848_2024),),
        ),
        _rule(
            code="RANK-CVC-PROF",
            name="rank-principal-specialist-degree",
            basis=(TT_2_2021_SECONDARY,),
            titles=_CVC,
            title=Text(vi="Chuyên viên chính: đại học trở lên", en="Principal specialist: university or higher"),
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
        ),
        _rule(
            code="RANK-CVC-IT-2021",
            name="rank-principal-specialist-it-2021",
            basis=(TT_2_2021, TT_06_2022),
            titles=_CVC,
            valid=_CERTIFICATES,
            title=Text(
                vi="Chuyên viên chính: chứng chỉ CNTT cơ bản (đến 14/08/2022)",
                en="Principal specialist: basic IT certificate (until 14/08/2022)",
            ),
            requirement=MinLevel(ladder="it", level="co_ban"),
        ),
        _rule(
            code="RANK-CVC-FL-2021",
            name="rank-principal-specialist-language-2021",
            basis=(TT_2_2021, TT_06_2022),
            titles=_CVC,
            valid=_CERTIFICATES,
            title=Text(
                vi="Chuyên viên chính: ngoại ngữ bậc 3 hoặc tiếng dân tộc (đến 14/08/2022)",
                en="Principal specialist: foreign language level 3 or ethnic language (until 14/08/2022)",
            ),
            requirement=AnyOf(
                options=(MinLevel(ladder="foreign_language", level="bac_3"), Holds(kind="ethnic_language"))
            ),
        ),
        _rule(
            code="RANK-CV-PROF",
            name="rank-specialist-degree",
            basis=(TT_2_2021_SECONDARY,),
            titles=_CV,
            title=Text(vi="Chuyên viên: đại học trở lên", en="Specialist: university or higher"),
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
        ),
        _rule(
            code="RANK-CS-STD",
            name="rank-officer-standards",
            basis=(TT_2_2021_CS_NV,),
            titles=_CS,
            title=Text(vi="Cán sự: tiêu chuẩn chưa xác nhận", en="Officer: standards unconfirmed"),
            requirement=NotEncoded(subject="rank_officer"),
        ),
        _rule(
            code="RANK-NV-STD",
            name="rank-staff-standards",
            basis=(TT_2_2021_CS_NV,),
            titles=_NV,
            title=Text(vi="Nhân viên: tiêu chuẩn chưa xác nhận", en="Staff: standards unconfirmed"),
            requirement=NotEncoded(subject="rank_staff"),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the rank rule set."""
    register(RULESET)
