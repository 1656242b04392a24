"""Built-in plugin: standards of provincial department heads under ND 29/2024/NĐ-CP (from 01/05/2024), and the
unconfirmed standards of district department heads.

References (legal-sources.md §3.2):

- Giám đốc Sở and equivalents [H]: đại học or higher in a relevant field; cử nhân chính trị, cao cấp LLCT or cao cấp
  LLCT–hành chính (or a certified equivalent); QLNN certificate at the CVCC level (cao cấp LLCT–HC satisfies it).
- Phó Giám đốc Sở and equivalents [H]: đại học or higher; trung cấp LLCT or higher.
- The decree applies from 01/05/2024 [M]: every rule here therefore cites that date as a secondary fact.
- Trưởng phòng / Phó trưởng phòng under a district PC: [L] (believed trung cấp LLCT+); a provisional rule answers
  ``undetermined`` until the district tier ends (30/06/2025).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law import Period
from ..law.regimes import COMMUNE_CATEGORIES, LEADERSHIP_ND_29
from ..law.sources import ND_29_2024, ND_29_2024_DATE, ND_29_2024_DISTRICT_HEADS
from .model import Rule, RuleSet
from .requirements import MinLevel, NotEncoded, StateManagementCertificate

__all__ = ["RULESET"]

_BASIS = (ND_29_2024, ND_29_2024_DATE)
_GDS = frozenset({"province.giam_doc_so"})
_PGDS = frozenset({"province.pho_giam_doc_so"})
_DISTRICT = frozenset({"district.truong_phong", "district.pho_truong_phong"})
_rule = partial(Rule, basis=_BASIS, valid=LEADERSHIP_ND_29)

RULESET = RuleSet(
    code="national.leadership_2024",
    title=Text(
        vi="Tiêu chuẩn chức danh lãnh đạo theo Nghị định 29/2024/NĐ-CP",
        en="Leadership standards under Decree 29/2024/ND-CP",
    ),
    references=_BASIS,
    rules=(
        _rule(
            code="GDS-2024-PROF",
            name="department-director-degree",
            titles=_GDS,
            title=Text(vi="Giám đốc Sở: đại học trở lên", en="Department director: university or higher"),
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
        ),
        _rule(
            code="GDS-2024-LLCT",
            name="department-director-political-theory",
            titles=_GDS,
            title=Text(
                vi="Giám đốc Sở: cao cấp lý luận chính trị hoặc cử nhân chính trị",
                en="Department director: advanced political theory or bachelor of politics",
            ),
            requirement=MinLevel(ladder="political_theory", level="cao_cap"),
        ),
        _rule(
            code="GDS-2024-QLNN",
            name="department-director-state-management",
            titles=_GDS,
            title=Text(
                vi="Giám đốc Sở: chứng chỉ QLNN ngạch chuyên viên cao cấp",
                en="Department director: senior-specialist state-management certificate",
            ),
            requirement=StateManagementCertificate(level="chuyen_vien_cao_cap"),
        ),
        _rule(
            code="PGDS-2024-PROF",
            name="deputy-department-director-degree",
            titles=_PGDS,
            title=Text(vi="Phó Giám đốc Sở: đại học trở lên", en="Deputy department director: university or higher"),
            requirement=MinLevel(ladder="professional", level="dai_hoc"),
        ),
        _rule(
            code="PGDS-2024-LLCT",
            name="deputy-department-director-political-theory",
            titles=_PGDS,
            title=Text(
                vi="Phó Giám đốc Sở: trung cấp lý luận chính trị trở lên",
                en="Deputy department director: intermediate political theory or higher",
            ),
            requirement=MinLevel(ladder="political_theory", level="trung_cap"),
        ),
        _rule(
            code="DTP-2024-STD",
            name="district-department-head-standards",
            basis=(ND_29_2024_DISTRICT_HEADS,),
            titles=_DISTRICT,
            valid=Period(start=LEADERSHIP_ND_29.period.start, end=COMMUNE_CATEGORIES.period.end),
            title=Text(
                vi="Trưởng, Phó phòng cấp huyện: tiêu chuẩn chưa xác nhận",
                en="District department head or deputy: standards unconfirmed",
            ),
            requirement=NotEncoded(subject="district_department_head"),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the ND 29/2024 leadership rule set."""
    register(RULESET)
