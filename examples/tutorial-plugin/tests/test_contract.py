"""Tests of the Tỉnh Mẫu plugin: the library's contract for rule plugins, then what the plugin itself says."""

from __future__ import annotations

from datetime import date
from typing import Any

import cbcc_tinh_mau
import pytest
from hypothesis import given

from cbcc_standards import Engine, Finding, Official, Outcome, load_registry
from cbcc_standards.testing import RuleSetContract
from cbcc_standards.testing.strategies import officials

JUNE_2024 = date(2024, 6, 1)


class TestTinhMau(RuleSetContract):
    """The contract's properties, for free: deterministic, never met on missing data, nothing outside its window,
    findings that cite the law, monotonic in qualifications, no national rule loosened, JSON round trip."""

    plugin = cbcc_tinh_mau


@pytest.fixture(scope="module")
def engine() -> Engine:
    registry = load_registry(load_entry_points=False, plugins=[cbcc_tinh_mau], strict=True)
    return Engine(registry, province="tinh_mau")


def finding(engine: Engine, rule: str, **row: Any) -> Finding:
    official = Official.model_validate({"id": "TM-1", "title": "commune.van_hoa_xa_hoi", **row})
    assessment = engine.evaluate(official, as_of=JUNE_2024)
    return next(f for f in assessment.findings if f.rule == rule)


def test_incumbents_without_the_certificate_have_until_30_06_2025(engine: Engine) -> None:
    found = finding(engine, "TM-CC-2024-FL", recruited_on="2015-03-01", qualifications=[])
    assert (found.outcome, found.deadline) == (Outcome.GRACE, date(2025, 6, 30))
    assert found.provisional  # it rests on an illustrative decision


def test_newcomers_must_hold_it(engine: Engine) -> None:
    found = finding(engine, "TM-CC-2024-FL", recruited_on="2024-03-01", qualifications=[])
    assert found.outcome is Outcome.NOT_MET
    held = [{"kind": "foreign_language", "level": "bac_2"}]
    assert finding(engine, "TM-CC-2024-FL", recruited_on="2024-03-01", qualifications=held).outcome is Outcome.MET


@pytest.mark.parametrize(("unit", "outcome"), [("TM.NUI_CAO.DEO_MAY", Outcome.MET), ("TM.DONG_BANG.BEN_SONG", None)])
def test_trung_cap_is_enough_in_deo_may_only(engine: Engine, unit: str, outcome: Outcome | None) -> None:
    trung_cap = [{"kind": "professional", "level": "trung_cap", "field": "văn hóa"}]
    found = finding(engine, "CX-CC-2023-PROF", recruited_on="2024-03-01", unit=unit, qualifications=trung_cap)
    if outcome is Outcome.MET:
        assert found.outcome is Outcome.MET
        assert found.basis[-1] == cbcc_tinh_mau.DELEGATION_BASIS
    else:
        assert found.outcome is Outcome.NOT_MET


@given(officials(title="commune.tai_chinh_ke_toan", as_of=JUNE_2024, unit="TM.DONG_BANG.BEN_SONG", complete=True))
def test_a_level_2_certificate_always_meets_the_rule(engine: Engine, official: Official) -> None:
    found = finding(engine, "TM-CC-2024-FL", **dict(official))
    level = official.highest("foreign_language")
    assert (found.outcome is Outcome.MET) == (level is not None and level != "bac_1")


def test_it_loads_like_an_installed_plugin(register_plugin: Any) -> None:
    name = register_plugin(cbcc_tinh_mau, name="tinh_mau")
    registry = load_registry(allow=[name], strict=True)
    assert "tinh_mau" in registry.jurisdictions
    assert "TM.NUI_CAO.DEO_MAY" in registry.units
