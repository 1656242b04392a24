"""Administrative units: tiers, kinds, commune classes and difficult-area flags."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from .i18n import Text
from .types import Code

__all__ = ["AdministrativeUnit", "AreaFlag", "Jurisdiction", "Tier", "UnitKind", "unit_chain"]


class Tier(StrEnum):
    """Level of government."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


class UnitKind(StrEnum):
    """Kind of commune-level unit."""

    XA = "xa"
    PHUONG = "phuong"
    THI_TRAN = "thi_tran"
    DAC_KHU = "dac_khu"


class AreaFlag(StrEnum):
    """Difficult-area flags of TT 13/2019 Art 1(1) and ND 33/2023 Art 8(4), Art 10(3) [H]."""

    MIEN_NUI = "mien_nui"
    VUNG_CAO = "vung_cao"
    BIEN_GIOI = "bien_gioi"
    HAI_DAO = "hai_dao"
    XA_DAO = "xa_dao"
    VUNG_SAU = "vung_sau"
    VUNG_XA = "vung_xa"
    VUNG_DTTS = "vung_dtts"
    VUNG_DBKK = "vung_dbkk"


class AdministrativeUnit(BaseModel):
    """A province, district or commune-level unit, as a units file or a plugin describes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: Code
    name: str
    tier: Tier
    kind: UnitKind | None = None
    parent: Code | None = None
    commune_class: Literal[1, 2, 3] | None = None
    area_flags: frozenset[AreaFlag] = frozenset()
    note: str | None = None
    """What the data rests on when it is not settled (e.g. "ĐBKK flag illustrative: the list was not found")."""

    @field_serializer("area_flags")
    def _sorted_flags(self, flags: frozenset[AreaFlag]) -> list[str]:
        return sorted(flags)

    @property
    def difficult_area(self) -> bool:
        """True when the unit carries any difficult-area flag."""
        return bool(self.area_flags)


class Jurisdiction(BaseModel):
    """A province whose plugin contributes rules, deadlines or report policies: its code (what rule sets name as
    ``jurisdiction``), its name, and the other ways users name it on the command line (``--province``): aliases and
    the province's statistical code, matched case-insensitively."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: Code
    name: Text
    aliases: tuple[str, ...] = ()
    statistical_code: str | None = Field(default=None, pattern=r"^[0-9]{2}$")

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way of naming it: the code, the aliases, the statistical code."""
        return (self.code, *self.aliases, *((self.statistical_code,) if self.statistical_code else ()))


def unit_chain(code: str | None, units: Mapping[str, AdministrativeUnit]) -> tuple[str, ...]:
    """The unit ``code`` and its ancestors in ``units``, nearest first; empty for a unit not in ``units``. A parent
    missing from ``units`` ends the chain, and a cycle is walked once."""
    links: list[str] = []
    link = code
    while link is not None and link in units and link not in links:
        links.append(link)
        link = units[link].parent
    return tuple(links)
