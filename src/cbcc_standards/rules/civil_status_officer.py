"""Built-in plugin: the commune civil-status officer's professional standard under Luật Hộ tịch 2014
(01/01/2016 – 31/07/2023; from 01/08/2023 it is part of ND 33/2023 Art 10(2), rule ``CX-CC-2023-HOTICH``).

Reference: Luật Hộ tịch 60/2014/QH13, Art 72(2) [H]: the Tư pháp – hộ tịch civil servant has **trung cấp luật** or
higher (plus civil-status training, legible handwriting and IT skills suited to the job, which records do not show
and are not checked). Under TT 13/2019 before TT 04/2022 both this law and the circular's university standard apply.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..hookspecs import hookimpl
from ..law import Period
from ..results import Text
from ..units import Tier
from ._checks import min_level
from ._common import PROF
from ._model import Rule, RuleSet
from ._sources import LUAT_HO_TICH_ART72_2

__all__ = ["LAW_FIELD", "RULESET"]

LAW_FIELD = Text(vi="luật", en="law")
"""The field of study the Civil Status Law names; a qualification counts when its field contains "luật"."""

RULESET = RuleSet(
    code="national.civil_status_officer",
    title=Text(
        vi="Tiêu chuẩn công chức Tư pháp – hộ tịch theo Luật Hộ tịch",
        en="Civil-status officer standard under the Civil Status Law",
    ),
    tier=Tier.COMMUNE,
    references=(LUAT_HO_TICH_ART72_2,),
    rules=(
        Rule(
            code="CX-HOTICH-2016",
            name="civil-status-officer-law-degree",
            title=Text(
                vi="Công chức Tư pháp – hộ tịch có trình độ trung cấp luật trở lên",
                en="Civil-status officer with trung cấp in law or higher",
            ),
            basis=(LUAT_HO_TICH_ART72_2,),
            valid=Period(start=date(2016, 1, 1), end=date(2023, 7, 31)),
            titles=frozenset({"commune.tu_phap_ho_tich"}),
            requires=("qualifications",),
            check=min_level("professional", "trung_cap", what=PROF, field_keyword="luật", field_label=LAW_FIELD),
        ),
    ),
)


@hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the Civil Status Law rule set."""
    register(RULESET)
