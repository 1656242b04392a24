"""The law as data: legal bases with their confidence, validity windows, named regimes, and the sources cited.

``cbcc_standards.law.sources`` holds every legal basis (and the only legal date literals); ``law.regimes`` names the
periods of the law derived from them.
"""

from __future__ import annotations

from .model import Confidence, LegalBasis, Period, Regime, weakest

__all__ = ["Confidence", "LegalBasis", "Period", "Regime", "weakest"]
