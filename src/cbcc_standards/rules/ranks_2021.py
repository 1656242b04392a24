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
from datetime import date, timedelta
from functools import partial

from ..hookspecs import hookimpl
from ..law import Confidence, LegalBasis, Period
from ..officials import Official
from ..results import Outcome, Text
from ._checks import min_level
from ._common import IT, LLCT, PROF, not_encoded, state_management_check
from ._model import Context, Rule, RuleSet, Verdict
from ._sources import BNV_1848_2024, TT_06_2022, TT_2_2021, TT_2_2021_SECONDARY

__all__ = ["RULESET"]

_START = date(2021, 8, 1)
_CERTIFICATES_END = TT_06_2022.effective.start - timedelta(days=1)  # type: ignore[operator]
_VALID = Period(start=_START)
_CVCC, _CVC, _CV, _CS, _NV = (frozenset({f"rank.01.00{n}"}) for n in range(1, 6))
_FL = Text(vi="Ngoại ngữ (bậc 3) hoặc tiếng dân tộc thiểu số", en="Foreign language (level 3) or ethnic language")
_L_RANKS = LegalBasis(
    document="Thông tư 2/2021/TT-BNV",
    issuer="Bộ Nội vụ",
    effective=Period(start=_START),
    confidence=Confidence.PROVISIONAL,
    note="The standards of the cán sự and nhân viên ranks were not confirmed.",
)


def _language(official: Official, ctx: Context) -> Verdict:
    """Foreign language bậc 3 or higher, or an ethnic-minority language certificate (TT 2/2021, to 14/08/2022)."""
    if official.qualifications is None:
        return Verdict(
            Outcome.UNDETERMINED,
            Text(vi=f"{_FL.vi}: thiếu dữ liệu (qualifications).", en=f"{_FL.en}: data missing (qualifications)."),
            missing=("qualifications",),
        )
    level = official.highest("foreign_language")
    ethnic = any(q.kind == "ethnic_language" for q in official.qualifications)
    ok = ethnic or (level is not None and int(level.removeprefix("bac_")) >= 3)
    held = "tiếng dân tộc" if ethnic else (level or "không có")
    return Verdict(
        Outcome.MET if ok else Outcome.NOT_MET,
        Text(
            vi=f"{_FL.vi}: {held} — {'đạt' if ok else 'chưa đạt'}.",
            en=f"{_FL.en}: {'ethnic language' if ethnic else (level or 'none')} — "
            f"{'meets' if ok else 'does not meet'} the standard.",
        ),
        required="bac_3|ethnic_language",
        actual=level,
    )


_rule = partial(Rule, valid=_VALID)

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
            requires=("qualifications",),
            check=min_level("professional", "dai_hoc", what=PROF),
        ),
        _rule(
            code="RANK-CVCC-LLCT",
            name="rank-senior-specialist-political-theory",
            basis=(TT_2_2021,),
            titles=_CVCC,
            title=Text(
                vi="Chuyên viên cao cấp: cao cấp lý luận chính trị", en="Senior specialist: advanced political theory"
            ),
            requires=("qualifications",),
            check=min_level("political_theory", "cao_cap", what=LLCT),
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
            requires=("qualifications", "appointed_on"),
            check=state_management_check("chuyen_vien_cao_cap", held_before=(date(2022, 8, 1), BNV_1848_2024)),
        ),
        _rule(
            code="RANK-CVC-PROF",
            name="rank-principal-specialist-degree",
            basis=(TT_2_2021_SECONDARY,),
            titles=_CVC,
            title=Text(vi="Chuyên viên chính: đại học trở lên", en="Principal specialist: university or higher"),
            requires=("qualifications",),
            check=min_level("professional", "dai_hoc", what=PROF),
        ),
        _rule(
            code="RANK-CVC-IT-2021",
            name="rank-principal-specialist-it-2021",
            basis=(TT_2_2021, TT_06_2022),
            titles=_CVC,
            valid=Period(start=_START, end=_CERTIFICATES_END),
            title=Text(
                vi="Chuyên viên chính: chứng chỉ CNTT cơ bản (đến 14/08/2022)",
                en="Principal specialist: basic IT certificate (until 14/08/2022)",
            ),
            requires=("qualifications",),
            check=min_level("it", "co_ban", what=IT),
        ),
        _rule(
            code="RANK-CVC-FL-2021",
            name="rank-principal-specialist-language-2021",
            basis=(TT_2_2021, TT_06_2022),
            titles=_CVC,
            valid=Period(start=_START, end=_CERTIFICATES_END),
            title=Text(
                vi="Chuyên viên chính: ngoại ngữ bậc 3 hoặc tiếng dân tộc (đến 14/08/2022)",
                en="Principal specialist: foreign language level 3 or ethnic language (until 14/08/2022)",
            ),
            requires=("qualifications",),
            check=_language,
        ),
        _rule(
            code="RANK-CV-PROF",
            name="rank-specialist-degree",
            basis=(TT_2_2021_SECONDARY,),
            titles=_CV,
            title=Text(vi="Chuyên viên: đại học trở lên", en="Specialist: university or higher"),
            requires=("qualifications",),
            check=min_level("professional", "dai_hoc", what=PROF),
        ),
        _rule(
            code="RANK-CS-STD",
            name="rank-officer-standards",
            basis=(_L_RANKS,),
            titles=_CS,
            title=Text(vi="Cán sự: tiêu chuẩn chưa xác nhận", en="Officer: standards unconfirmed"),
            check=not_encoded(Text(vi="Tiêu chuẩn ngạch cán sự", en="Officer rank standards")),
        ),
        _rule(
            code="RANK-NV-STD",
            name="rank-staff-standards",
            basis=(_L_RANKS,),
            titles=_NV,
            title=Text(vi="Nhân viên: tiêu chuẩn chưa xác nhận", en="Staff: standards unconfirmed"),
            check=not_encoded(Text(vi="Tiêu chuẩn ngạch nhân viên", en="Staff rank standards")),
        ),
    ),
)


@hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the rank rule set."""
    register(RULESET)
