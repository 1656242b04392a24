"""Plugin loading: built-ins through the hooks, entry points with an allow-list, isolation of failing plugins,
registration checks, provincial delegations and deadlines."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from datetime import date
from importlib.metadata import EntryPoint
from typing import Any

import pytest

import cbcc_standards
from cbcc_standards import (
    AdministrativeUnit,
    Deadline,
    Delegation,
    Engine,
    LegalBasis,
    Official,
    Period,
    RegistrationError,
    Rule,
    RuleSet,
    Text,
    hookimpl,
    load_registry,
)
from cbcc_standards import plugins as plugins_module
from cbcc_standards.results import Outcome, Status
from cbcc_standards.rules import Custom, MinLevel, Verdict

PROVINCIAL_ACT = LegalBasis(document="Quyết định 1/2020/QĐ-UBND (test)", confidence="settled")


class Province:
    """A provincial plugin: delegation of the trung cấp exception and a shorter deadline."""

    __name__ = "test_province"

    def __init__(self, *, units: frozenset[str] | None = None, due: date = date(2021, 12, 31)) -> None:
        self.units = units
        self.due = due

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                code="tp.commune",
                title=Text(vi="Tỉnh thử", en="Test province"),
                jurisdiction="TP",
                delegations=(
                    Delegation(
                        switch="commune_civil_servant_trung_cap",
                        units=self.units,
                        valid=Period(start=date(2020, 1, 1)),
                        basis=PROVINCIAL_ACT,
                    ),
                ),
            )
        )

    @hookimpl
    def cbcc_register_deadlines(self, register: Callable[[Deadline], None]) -> None:
        register(
            Deadline(
                code="TP-DEADLINE-2021",
                jurisdiction="TP",
                due=self.due,
                valid=Period(start=date(2021, 1, 1), end=date(2023, 7, 31)),
                basis=PROVINCIAL_ACT,
                title=Text(vi="Hạn", en="Deadline"),
            )
        )


def official(**extra: Any) -> Official:
    data: dict[str, Any] = {
        "id": "x",
        "gender": "female",
        "birth_date": "1990-01-01",
        "title": "commune.van_phong_thong_ke",
        "unit": "TP.A.B",
        "recruited_on": "2015-01-01",
        "qualifications": [
            {"kind": "general_education", "level": "thpt"},
            {"kind": "professional", "level": "trung_cap"},
            {"kind": "it", "level": "co_ban"},
        ],
    }
    return Official.model_validate(data | extra)


PLAIN = AdministrativeUnit(code="TP.A.B", name="Xã B", tier="commune", kind="xa")
MOUNTAIN = AdministrativeUnit(code="TP.A.B", name="Xã B", tier="commune", kind="xa", area_flags=["mien_nui"])


def prof(assessment: cbcc_standards.Assessment) -> cbcc_standards.Finding:
    return next(f for f in assessment.findings if f.rule.endswith("-PROF"))


def test_builtins_register_through_the_hooks() -> None:
    registry = load_registry(load_entry_points=False)
    assert {p.name for p in registry.plugins} == set(plugins_module.DEFAULT_PLUGINS)
    sources = {source for _, _, source in registry.rules()}
    assert sources <= set(plugins_module.DEFAULT_PLUGINS)
    assert "commune.tai_chinh_ke_toan" in registry.titles


def test_delegation_applies_only_with_the_province_and_in_listed_difficult_areas() -> None:
    registry = load_registry(load_entry_points=False, plugins=[Province()])
    on = date(2021, 6, 1)
    national = Engine(registry).evaluate(official(), as_of=on, unit=MOUNTAIN)
    # No province: no trung cấp exception, and the flag alone does not take away the TT 13/2019 grace.
    assert (prof(national).outcome, prof(national).deadline) == (Outcome.GRACE, date(2024, 12, 25))
    provincial = Engine(registry, province="TP").evaluate(official(), as_of=on, unit=MOUNTAIN)
    assert prof(provincial).outcome is Outcome.MET
    assert PROVINCIAL_ACT in prof(provincial).basis
    plain = Engine(registry, province="TP").evaluate(official(), as_of=on, unit=PLAIN)
    assert prof(plain).outcome is Outcome.GRACE  # not a difficult area: the exception does not reach it
    unknown = Engine(registry, province="TP").evaluate(official(unit="TP.X.Y"), as_of=on)
    assert prof(unknown).missing == ("unit",)


def test_delegation_limited_to_listed_units() -> None:
    registry = load_registry(load_entry_points=False, plugins=[Province(units=frozenset({"TP.OTHER"}))])
    result = Engine(registry, province="TP").evaluate(official(), as_of=date(2021, 6, 1), unit=MOUNTAIN)
    # Not on the province's list: no exception, and the TT 13/2019 grace stays (shortened by the deadline).
    assert (prof(result).outcome, prof(result).deadline) == (Outcome.GRACE, date(2021, 12, 31))


@pytest.mark.parametrize(
    ("as_of", "outcome", "deadline"),
    [
        (date(2021, 12, 31), Outcome.GRACE, date(2021, 12, 31)),  # remedy by the provincial deadline
        (date(2022, 1, 1), Outcome.NOT_MET, date(2021, 12, 31)),  # after it: replace
        (date(2023, 8, 1), Outcome.GRACE, date(2028, 8, 1)),  # the deadline does not carry into ND 33/2023
    ],
)
def test_provincial_deadline_shortens_grace_within_its_regime(as_of: date, outcome: Outcome, deadline: date) -> None:
    registry = load_registry(load_entry_points=False, plugins=[Province()])
    finding = prof(Engine(registry, province="TP").evaluate(official(), as_of=as_of, unit=PLAIN))
    assert (finding.outcome, finding.deadline) == (outcome, deadline)


def test_provincial_deadline_that_lengthens_a_national_grace_is_rejected() -> None:
    registry = load_registry(load_entry_points=False, plugins=[Province(due=date(2030, 1, 1))])
    error = next(p.error for p in registry.plugins if p.name == "test_province")
    assert error is not None
    assert "TP-DEADLINE-2021" in error
    assert "lengthen" in error
    assert "TP" not in registry.jurisdictions or not registry.deadlines
    with pytest.raises(RegistrationError, match="lengthen"):
        load_registry(load_entry_points=False, plugins=[Province(due=date(2030, 1, 1))], strict=True)


class Tightening:
    """A provincial rule that says it tightens the national ND 33/2023 professional standard."""

    __name__ = "tightening"

    def __init__(self, level: str, field: str | None = None) -> None:
        self.level, self.field = level, field

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                code="tt.commune",
                title=Text(vi="x", en="x"),
                jurisdiction="TT",
                rules=(
                    Rule(
                        code="TT-PROF",
                        name="tt-prof",
                        title=Text(vi="x", en="x"),
                        basis=(PROVINCIAL_ACT,),
                        valid=Period(start=date(2023, 8, 1)),
                        titles=frozenset({"commune.tai_chinh_ke_toan"}),
                        tightens="CX-CC-2023-PROF",
                        requirement=MinLevel(ladder="professional", level=self.level, field=self.field),
                    ),
                ),
            )
        )


@pytest.mark.parametrize(
    ("level", "field", "accepted"),
    [
        ("thac_si", None, True),
        ("dai_hoc", "kế toán", True),
        ("dai_hoc", None, True),
        ("trung_cap", None, False),
    ],
    ids=["higher-level", "narrower-field", "same", "lower-level"],
)
def test_provincial_rule_may_tighten_but_not_loosen(level: str, field: str | None, accepted: bool) -> None:
    registry = load_registry(load_entry_points=False, plugins=[Tightening(level, field)])
    error = next(p.error for p in registry.plugins if p.name == "tightening")
    if accepted:
        assert error is None
        assert registry.rule("TT-PROF")[2] == "tightening"
    else:
        assert error is not None
        assert all(word in error for word in ("TT-PROF", "CX-CC-2023-PROF", "loosen"))
        with pytest.raises(RegistrationError, match="loosen"):
            load_registry(load_entry_points=False, plugins=[Tightening(level, field)], strict=True)


def test_delegation_of_unknown_switch_is_rejected() -> None:
    class Bad:
        @hookimpl
        def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
            register(
                RuleSet(
                    code="bad.set",
                    title=Text(vi="x", en="x"),
                    jurisdiction="BAD",
                    delegations=(
                        Delegation(switch="no_such_switch", valid=Period(start=date(2020, 1, 1)), basis=PROVINCIAL_ACT),
                    ),
                )
            )

    registry = load_registry(load_entry_points=False, plugins=[Bad()])
    error = next(p.error for p in registry.plugins if p.name == "Bad")
    assert error is not None
    assert "no_such_switch" in error
    assert "bad.set" not in {s.ruleset.code for s in registry.rulesets}
    with pytest.raises(RegistrationError, match="no_such_switch"):
        load_registry(load_entry_points=False, plugins=[Bad()], strict=True)


def _rule(code: str, check: Callable[..., Verdict]) -> Rule:
    return Rule(
        code=code,
        name="test-rule",
        title=Text(vi="x", en="x"),
        basis=(PROVINCIAL_ACT,),
        valid=Period(start=date(2000, 1, 1)),
        requirement=Custom(name="test", check=check),
    )


def test_duplicate_rule_code_fails_only_that_plugin() -> None:
    class Dup:
        __name__ = "dup_plugin"

        @hookimpl
        def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
            register(
                RuleSet(
                    code="dup.set",
                    title=Text(vi="x", en="x"),
                    rules=(_rule("CX-CC-2023-PROF", lambda o, c: Verdict(Outcome.MET, Text(vi="", en=""))),),
                )
            )

    registry = load_registry(load_entry_points=False, plugins=[Dup()])
    info = next(p for p in registry.plugins if p.name == "dup_plugin")
    assert info.error is not None
    assert "already registered" in info.error
    assert registry.rule("CX-CC-2023-PROF")[2] == "cbcc_standards.rules.commune_civil_servants_2023"
    with pytest.raises(RegistrationError):
        load_registry(load_entry_points=False, plugins=[Dup()], strict=True)


def test_raising_hook_is_isolated() -> None:
    class Broken:
        __name__ = "broken_plugin"

        @hookimpl
        def cbcc_register_titles(self, register: Callable[..., None]) -> None:
            raise RuntimeError("boom")

    registry = load_registry(load_entry_points=False, plugins=[Broken()])
    assert next(p for p in registry.plugins if p.name == "broken_plugin").error == "RuntimeError: boom"
    assert len(registry.titles) > 20


def test_raising_rule_gives_error_outcome_and_strict_raises() -> None:
    def explode(official: Official, ctx: object) -> Verdict:
        raise ZeroDivisionError("bad rule")

    class Exploding:
        @hookimpl
        def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
            register(
                RuleSet(
                    code="ex.set", title=Text(vi="x", en="x"), jurisdiction="EX", rules=(_rule("EX-BOOM", explode),)
                )
            )

    registry = load_registry(load_entry_points=False, plugins=[Exploding()])
    result = Engine(registry, province="EX").evaluate(official(), as_of=date(2021, 6, 1), unit=PLAIN)
    boom = next(f for f in result.findings if f.rule == "EX-BOOM")
    assert boom.outcome is Outcome.ERROR
    assert "bad rule" in boom.message.en
    assert result.status is not Status.COMPLIANT
    with pytest.raises(ZeroDivisionError):
        Engine(registry, province="EX", strict=True).evaluate(official(), as_of=date(2021, 6, 1), unit=PLAIN)


def test_misspelled_hook_fails_loudly() -> None:
    class Typo:
        @hookimpl
        def cbcc_register_rulesetz(self, register: Callable[..., None]) -> None:  # pragma: no cover
            pass

    with pytest.raises(Exception, match="unknown hook"):
        load_registry(load_entry_points=False, plugins=[Typo()])


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("fake_cbcc_plugin")

    @hookimpl
    def cbcc_register_titles(register: Callable[..., None]) -> None:
        register(
            cbcc_standards.Title(
                code="province.test_title",
                name_vi="Chức danh thử",
                name_en="Test title",
                tier="province",
                category="cong_chuc",
            )
        )

    module.cbcc_register_titles = cbcc_register_titles  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_cbcc_plugin", module)
    eps = [
        EntryPoint(name="good", value="fake_cbcc_plugin", group="cbcc_standards"),
        EntryPoint(name="missing", value="no_such_module_for_cbcc", group="cbcc_standards"),
    ]
    monkeypatch.setattr(plugins_module, "entry_points", lambda group: eps if group == "cbcc_standards" else [])


@pytest.mark.usefixtures("fake_entry_points")
def test_entry_points_load_and_failures_are_reported() -> None:
    registry = load_registry()
    infos = {p.name: p for p in registry.plugins}
    assert infos["good"].error is None
    assert "province.test_title" in registry.titles
    assert infos["missing"].error is not None
    assert "ModuleNotFoundError" in infos["missing"].error


@pytest.mark.usefixtures("fake_entry_points")
def test_allow_list_argument_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "missing" not in {p.name for p in load_registry(allow=["good"]).plugins}
    monkeypatch.setenv("CBCC_STANDARDS_PLUGINS", "")
    assert {p.name for p in load_registry().plugins} == set(plugins_module.DEFAULT_PLUGINS)
    monkeypatch.setenv("CBCC_STANDARDS_PLUGINS", "missing")
    with pytest.raises(ModuleNotFoundError):
        load_registry(strict=True)


def test_content_hash_changes_with_the_law() -> None:
    base = load_registry(load_entry_points=False)
    other = load_registry(load_entry_points=False, plugins=[Province()])
    assert base.content_hash() == load_registry(load_entry_points=False).content_hash()
    assert base.content_hash() != other.content_hash()


def test_units_may_be_any_iterable() -> None:
    """A generator of units is read once; an empty one supplies no units (and asks for no unknown-unit warnings)."""
    assert Engine(units=(u for u in ())).user_units is False
    engine = Engine(units=(u for u in (PLAIN,)))
    assert (engine.user_units, PLAIN.code in engine.units) == (True, True)
