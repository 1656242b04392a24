"""Report policies: what a review report says of a unit after a deadline (PAR-index deduction, who answers for it).

A policy is a province's instrument about *consequences* (administrative-reform points, responsibility), not a
standard: it lives in the report layer and reaches the registry through the ``cbcc_register_report_policies`` hook.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from ..i18n import Text
from ..law import LegalBasis, Period
from ..units import Tier

__all__ = ["ReportPolicy"]


class ReportPolicy(BaseModel):
    """After ``after`` (a review deadline's day), a unit of ``tier`` with a non-compliant commune official loses
    administrative-reform (PAR) points (``par_deduction``) and the holder of ``responsible_title`` in that unit
    answers for it (Quảng Ngãi, Công văn 3825/UBND-NC, 2021). In force when ``jurisdiction`` is selected, on days
    inside ``valid``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
    jurisdiction: str
    after: date
    valid: Period
    basis: LegalBasis
    title: Text
    tier: Tier = Tier.DISTRICT
    """The level of the units the policy judges (the district for commune officials until 30/06/2025)."""
    par_deduction: bool = False
    responsible_title: str | None = None
