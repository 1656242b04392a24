"""Tỉnh Mẫu, a fictitious province, as a cbcc_standards plugin (jurisdiction ``tinh_mau``).

Tỉnh Mẫu does not exist, and neither does its decision: every legal basis here is marked provisional and says so.
The plugin does what a province may do: add a standard of its own (commune civil servants hold a foreign-language
certificate at level 2 or higher), switch on an exception the national law delegates to provinces (trung cấp instead
of đại học in a difficult-area commune, ND 33/2023 Art 10(3)), and describe its communes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import cbcc_standards
from cbcc_standards import (
    AdministrativeUnit,
    AreaFlag,
    Confidence,
    Delegation,
    Grace,
    LegalBasis,
    MinLevel,
    Period,
    Rule,
    RuleSet,
    Text,
    Tier,
    UnitKind,
)
from cbcc_standards.rules.titles import COMMUNE_CIVIL_SERVANT_TITLES

__all__ = ["DELEGATION_BASIS", "JURISDICTION", "LANGUAGE_BASIS", "LANGUAGE_RULE", "RULESET", "UNITS", "VALID"]

JURISDICTION = "tinh_mau"


def _decision(article: str) -> LegalBasis:
    return LegalBasis(
        document="Quyết định 01/2024/QĐ-UBND tỉnh Mẫu (minh họa)",
        issuer="UBND tỉnh Mẫu",
        article=article,
        signed=date(2023, 12, 15),
        effective=Period(start=date(2024, 1, 1)),
        confidence=Confidence.PROVISIONAL,
        note="Illustrative: Tỉnh Mẫu is a fictitious province and this decision does not exist.",
    )


LANGUAGE_BASIS = _decision("1")
"""Art 1: the foreign-language standard, and until when incumbents may meet it."""
DELEGATION_BASIS = _decision("2")
"""Art 2: the communes where trung cấp is accepted (ND 33/2023 Art 10(3) delegates that choice to the province)."""

VALID = Period(start=date(2024, 1, 1), end=date(2025, 6, 30))
"""From the decision's entry into force to the last day of the commune civil-servant category (Law 80/2025)."""

LANGUAGE_RULE = Rule(
    code="TM-CC-2024-FL",
    name="tinh-mau-commune-civil-servant-foreign-language",
    title=Text(
        vi="Công chức cấp xã tỉnh Mẫu có chứng chỉ ngoại ngữ bậc 2 trở lên",
        en="Tỉnh Mẫu commune civil servants hold a foreign-language certificate at level 2 or higher",
    ),
    basis=(LANGUAGE_BASIS,),
    valid=VALID,
    titles=COMMUNE_CIVIL_SERVANT_TITLES,
    requirement=MinLevel(ladder="foreign_language", level="bac_2"),
    # Those in office before the decision have until 30/06/2025.
    graces=(Grace(in_office_by=date(2023, 12, 31), deadline=date(2025, 6, 30), basis=LANGUAGE_BASIS),),
)

UNITS = (
    AdministrativeUnit(code="TM", name="Tỉnh Mẫu", tier=Tier.PROVINCE),
    AdministrativeUnit(code="TM.NUI_CAO", name="Huyện Núi Cao", tier=Tier.DISTRICT, parent="TM"),
    AdministrativeUnit(code="TM.DONG_BANG", name="Huyện Đồng Bằng", tier=Tier.DISTRICT, parent="TM"),
    AdministrativeUnit(
        code="TM.NUI_CAO.DEO_MAY",
        name="Xã Đèo Mây",
        tier=Tier.COMMUNE,
        kind=UnitKind.XA,
        parent="TM.NUI_CAO",
        commune_class=3,
        area_flags=frozenset({AreaFlag.MIEN_NUI, AreaFlag.VUNG_DTTS}),
    ),
    AdministrativeUnit(
        code="TM.DONG_BANG.BEN_SONG",
        name="Xã Bến Sông",
        tier=Tier.COMMUNE,
        kind=UnitKind.XA,
        parent="TM.DONG_BANG",
        commune_class=1,
    ),
)

RULESET = RuleSet(
    code="tinh_mau.commune_civil_servants",
    title=Text(vi="Tỉnh Mẫu: công chức cấp xã", en="Tỉnh Mẫu: commune civil servants"),
    jurisdiction=JURISDICTION,
    tier=Tier.COMMUNE,
    rules=(LANGUAGE_RULE,),
    delegations=(
        Delegation(
            switch="commune_civil_servant_trung_cap",
            units=frozenset({"TM.NUI_CAO.DEO_MAY"}),
            valid=VALID,
            basis=DELEGATION_BASIS,
        ),
    ),
    references=(LANGUAGE_BASIS, DELEGATION_BASIS),
)


@cbcc_standards.hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """The foreign-language rule and the trung cấp exception for Xã Đèo Mây."""
    register(RULESET)


@cbcc_standards.hookimpl
def cbcc_register_units(register: Callable[[AdministrativeUnit], None]) -> None:
    """The province, its two districts and two communes."""
    for unit in UNITS:
        register(unit)
