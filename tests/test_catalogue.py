"""The Markdown rule catalogue: content, languages, determinism, provincial contributions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import cbcc_standards
from cbcc_standards import Confidence, Deadline, Delegation, LegalBasis, Period, RuleSet, Text, load_registry
from cbcc_standards.catalogue import render_rule_catalogue
from cbcc_standards.plugins import Registry

_BASIS = LegalBasis(
    document="Công văn 1/UBND (test)", effective=Period(start=date(2021, 1, 1)), confidence=Confidence.SECONDARY
)


class _Province:
    """A provincial plugin with a delegation and a deadline."""

    __name__ = "test_province"

    @cbcc_standards.hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                code="tinh_x.communes",
                title=Text(vi="Tỉnh X | xã", en="Province X | communes"),
                jurisdiction="tinh_x",
                delegations=(
                    Delegation(
                        switch="commune_civil_servant_trung_cap",
                        units=frozenset({"X.B", "X.A"}),
                        valid=Period(start=date(2021, 1, 1)),
                        basis=_BASIS,
                    ),
                ),
            )
        )

    @cbcc_standards.hookimpl
    def cbcc_register_deadlines(self, register: Callable[[Deadline], None]) -> None:
        register(
            Deadline(
                code="X-2021",
                jurisdiction="tinh_x",
                due=date(2021, 12, 31),
                valid=Period(start=date(2021, 1, 1)),
                rules=frozenset({"CX-CC-2019-PROF"}),
                basis=_BASIS,
                title=Text(vi="Hạn 2021", en="2021 deadline"),
            )
        )


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(load_entry_points=False, strict=True)


def test_every_rule_set_and_rule_has_a_section(registry: Registry) -> None:
    text = render_rule_catalogue(registry)
    for sourced in registry.rulesets:
        assert f"## Rule set `{sourced.ruleset.code}`" in text
    for rule, _, _ in registry.rules():
        assert f"### `{rule.code}` — {rule.title.en}" in text
        assert rule.title.vi in text
        assert f"Valid: {rule.valid}" in text


def test_provisional_rules_are_marked(registry: Registry) -> None:
    text = render_rule_catalogue(registry)
    provisional = [rule for rule, _, _ in registry.rules() if rule.provisional]
    assert provisional
    for rule in provisional:
        assert f"### `{rule.code}` — {rule.title.en} — PROVISIONAL" in text
    settled = [rule for rule, _, _ in registry.rules() if not rule.provisional]
    for rule in settled:
        assert f"### `{rule.code}` — {rule.title.en}\n" in text


def test_citations_and_confidence_marks(registry: Registry) -> None:
    text = render_rule_catalogue(registry)
    assert "Nghị định 33/2023/NĐ-CP, Điều 10 khoản 2" in text
    assert "effective 25/12/2019 – 31/07/2023" in text
    assert "**[M]** secondary" in text
    assert "**[L]** provisional" in text
    assert "Delegable switches: `commune_civil_servant_trung_cap`" in text


def test_deterministic_and_ends_with_newline(registry: Registry) -> None:
    again = load_registry(load_entry_points=False, strict=True)
    first = render_rule_catalogue(registry)
    assert first == render_rule_catalogue(again)
    assert first.endswith("\n")
    assert not first.endswith("\n\n")


def test_vietnamese_labels(registry: Registry) -> None:
    text = render_rule_catalogue(registry, lang="vi")
    assert text.startswith("# Danh mục quy tắc\n")
    assert "Căn cứ pháp lý" in text
    assert "Tiêu chuẩn công chức cấp xã theo Nghị định 33/2023/NĐ-CP" in text


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        render_rule_catalogue(Registry(), lang="fr")


def test_empty_registry() -> None:
    assert "No rule is registered." in render_rule_catalogue(Registry())


def test_provincial_delegations_and_deadlines() -> None:
    registry = load_registry(load_entry_points=False, plugins=[_Province()], strict=True)
    text = render_rule_catalogue(registry)
    assert "| `tinh_x.communes` | Province X \\| communes | `tinh_x` | any | 0 |" in text
    assert "`commune_civil_servant_trung_cap` — communes `X.A`, `X.B`; 01/01/2021 – …" in text
    assert "## Deadlines" in text
    assert "### `X-2021` — 2021 deadline" in text
    assert "- Due: 31/12/2021" in text
    assert "- Plugin: `test_province`" in text
