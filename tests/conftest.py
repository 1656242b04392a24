"""Shared helpers for the legal-case tests: officials in the roster format, commune units, engines.

``make_official`` builds an :class:`~cbcc_standards.Official` from roster fields; by default a commune civil servant
who meets every standard of every regime (THPT, đại học, basic IT, adult, recruited 2015, plain commune). Shorthand
keywords set the qualification list: ``edu``, ``prof`` (with ``field``), ``it``, ``llct`` (None: not held); passing
``qualifications=...`` uses that list as is (None: the record is unknown).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cbcc_standards import (
    AdministrativeUnit,
    Assessment,
    Delegation,
    Engine,
    Finding,
    LegalBasis,
    Official,
    Period,
    RuleSet,
    Text,
    hookimpl,
    load_registry,
)
from cbcc_standards.plugins import Registry

PLAIN = AdministrativeUnit(code="T.H.PLAIN", name="Xã Đồng Bằng", tier="commune", kind="xa", commune_class=1)
MOUNTAIN = AdministrativeUnit(
    code="T.H.MOUNTAIN", name="Xã Miền Núi", tier="commune", kind="xa", commune_class=3, area_flags=["mien_nui"]
)
HIGHLAND = AdministrativeUnit(
    code="T.H.HIGHLAND", name="Xã Vùng Cao", tier="commune", kind="xa", area_flags=["vung_cao"]
)
ISLAND = AdministrativeUnit(code="T.H.ISLAND", name="Xã Đảo", tier="commune", kind="xa", area_flags=["hai_dao"])
UNLISTED = AdministrativeUnit(
    code="T.H.UNLISTED", name="Xã Biên Giới", tier="commune", kind="xa", area_flags=["bien_gioi"]
)
UNITS = (PLAIN, MOUNTAIN, HIGHLAND, ISLAND, UNLISTED)
"""Units the engines know. ``T.H.UNKNOWN`` is deliberately not among them."""

PROVINCIAL_ACT = LegalBasis(document="Quyết định 99/2020/QĐ-UBND tỉnh TEST (test)", confidence="settled")
"""The (fictitious) provincial decision that switches on the delegated trung cấp exceptions."""
DELEGATION_FROM = date(2020, 1, 1)


class TestProvince:
    """Province ``TEST``: switches on the trung cấp exception for commune civil servants (TT 13/2019 Art 1(1),
    ND 33/2023 Art 10(3)) and commune cadres (ND 33/2023 Art 8(4)) in its difficult-area communes, except
    ``T.H.UNLISTED``, from 01/01/2020."""

    __test__ = False
    __name__ = "test_province"

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        listed = frozenset({MOUNTAIN.code, HIGHLAND.code, ISLAND.code, PLAIN.code})
        register(
            RuleSet(
                code="test.communes",
                title=Text(vi="Tỉnh TEST: ngoại lệ trung cấp", en="Province TEST: trung cấp exceptions"),
                jurisdiction="TEST",
                delegations=tuple(
                    Delegation(switch=switch, units=listed, valid=Period(start=DELEGATION_FROM), basis=PROVINCIAL_ACT)
                    for switch in ("commune_civil_servant_trung_cap", "commune_cadre_trung_cap")
                ),
            )
        )


@pytest.fixture(scope="session")
def registry() -> Registry:
    """Built-ins plus the ``TEST`` province; registration must succeed."""
    return load_registry(load_entry_points=False, plugins=[TestProvince()], strict=True)


@pytest.fixture(scope="session")
def engine(registry: Registry) -> Engine:
    """National rules only (the ``TEST`` delegations are not selected)."""
    return Engine(registry, units=UNITS)


@pytest.fixture(scope="session")
def province_engine(registry: Registry) -> Engine:
    """National rules plus province ``TEST``."""
    return Engine(registry, province="TEST", units=UNITS)


def _qualifications(
    edu: str | None, prof: str | None, field: str | None, it: str | None, llct: str | None
) -> list[Any]:
    quals: list[dict[str, Any]] = []
    if edu is not None:
        quals.append({"kind": "general_education", "level": edu})
    if prof is not None:
        quals.append({"kind": "professional", "level": prof, "field": field})
    if it is not None:
        quals.append({"kind": "it", "level": it})
    if llct is not None:
        quals.append({"kind": "political_theory", "level": llct})
    return quals


def build_official(
    *,
    edu: str | None = "thpt",
    prof: str | None = "dai_hoc",
    field: str | None = None,
    it: str | None = "co_ban",
    llct: str | None = None,
    **fields: Any,
) -> Official:
    """A commune civil servant meeting every standard of every regime, with ``fields`` overriding roster fields."""
    row: dict[str, Any] = {
        "id": "T-0001",
        "full_name": "Nguyễn Văn An",
        "gender": "male",
        "birth_date": "1985-04-12",
        "category": "cong_chuc",
        "title": "commune.tai_chinh_ke_toan",
        "unit": PLAIN.code,
        "recruited_on": "2015-03-01",
        "qualifications": _qualifications(edu, prof, field, it, llct),
    }
    row.update(fields)
    return Official.model_validate(row)


@pytest.fixture
def make_official() -> Callable[..., Official]:
    """:func:`build_official` as a fixture."""
    return build_official


@pytest.fixture
def make_cadre() -> Callable[..., Official]:
    """A commune People's Committee chair elected 01/08/2023, man born 1980, THPT, đại học, trung cấp LLCT."""

    def make(**fields: Any) -> Official:
        base: dict[str, Any] = {
            "id": "T-CB-01",
            "category": "can_bo",
            "title": "commune.chu_tich_ubnd",
            "birth_date": "1980-05-20",
            "recruited_on": None,
            "appointed_on": "2023-08-01",
            "it": None,
            "llct": "trung_cap",
        }
        return build_official(**(base | fields))

    return make


def finding(assessment: Assessment, rule: str) -> Finding:
    """The finding of one rule (fails the test when the rule did not run)."""
    found = [f for f in assessment.findings if f.rule == rule]
    assert len(found) == 1, f"{rule} not in {[f.rule for f in assessment.findings]}"
    return found[0]


@pytest.fixture
def get_finding() -> Callable[[Assessment, str], Finding]:
    """:func:`finding` as a fixture."""
    return finding
