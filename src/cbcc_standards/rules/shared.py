"""Law shared by several rule sets: the switches of delegated exceptions, the grace periods, the fields of study.

Rule-set modules import from here, from :mod:`cbcc_standards.law.sources` and :mod:`cbcc_standards.law.regimes`;
never from each other. Every date is derived from a legal basis.
"""

from __future__ import annotations

from datetime import date

from ..dates import add_years, day_before
from ..law import LegalBasis
from ..law.sources import CV_11_BCD_2025_GRACE, LAW_80_2025, ND_33_2023_ART38_1, TT_13_2019_ART1_1, TT_13_2019_GRACE
from ..units import AreaFlag
from .model import Eligibility, Grace

__all__ = [
    "CADRE_TRUNG_CAP_SWITCH",
    "CIVIL_SERVANT_TRUNG_CAP_SWITCH",
    "CV_11_GRACE",
    "LAW",
    "ND_33_GRACE",
    "ND_33_GRACE_FOR_CADRES",
    "TT_13_GRACE",
    "start_of",
]

CIVIL_SERVANT_TRUNG_CAP_SWITCH = "commune_civil_servant_trung_cap"
"""Delegated to the provincial PC: trung cấp for commune civil servants in difficult-area communes
(TT 13/2019 Art 1(1); ND 33/2023 Art 10(3))."""
CADRE_TRUNG_CAP_SWITCH = "commune_cadre_trung_cap"
"""Delegated to the provincial PC: trung cấp professional level for commune cadres in difficult-area communes
(ND 33/2023 Art 8(4))."""

LAW = "luat"
"""The field of study the Civil Status Law names (Luật Hộ tịch Art 72(2)): a qualification counts when its field
contains "luật"."""


def start_of(basis: LegalBasis) -> date:
    """The day a legal basis takes effect (a basis a grace period counts from must have one)."""
    if basis.effective.start is None:
        raise ValueError(f"{basis.citation} has no effective date to count from")
    return basis.effective.start


_TT13_START = start_of(TT_13_2019_ART1_1)
_ND33_START = start_of(ND_33_2023_ART38_1)

TT_13_GRACE = Grace(
    in_office_by=day_before(_TT13_START),
    deadline=add_years(_TT13_START, 5),
    basis=TT_13_2019_GRACE,
    unless_delegated=CIVIL_SERVANT_TRUNG_CAP_SWITCH,
)
"""TT 13/2019 [M]: five years from 25/12/2019 (to 25/12/2024) for commune civil servants recruited before it, except
in the communes where the province accepts trung cấp (the list of TT 13/2019 Art 1(1)(c): there the lower level is
met instead, and a lower one has no grace)."""

ND_33_GRACE = Grace(in_office_by=_ND33_START, deadline=add_years(_ND33_START, 5), basis=ND_33_2023_ART38_1)
"""ND 33/2023 Art 38(1) [H]: five years from 01/08/2023 (to 01/08/2028) for those in office that day."""

ND_33_GRACE_FOR_CADRES = ND_33_GRACE.model_copy(update={"start_field": "appointed_on"})
"""The same for cadres, whose service start is the election or appointment to the post (``appointed_on``)."""

_TWO_TIER_START = start_of(LAW_80_2025)

CV_11_GRACE = Grace(
    in_office_by=day_before(_TWO_TIER_START),
    deadline=add_years(_TWO_TIER_START, 5),
    basis=CV_11_BCD_2025_GRACE,
    eligible=Eligibility(ethnic_minority=True, area_flags=frozenset({AreaFlag.VUNG_DBKK})),
)
"""CV 11/CV-BCĐ [M]: commune civil servants in office before 01/07/2025 who are of an ethnic minority or work in an
especially difficult (ĐBKK) area have five years from the new commune units (01/07/2025 → 01/07/2030) to reach
đại học. No other area flag gives relief after 30/06/2025."""
