"""The rule-set contract itself: a sound provincial plugin passes; plugins that break a property fail it, with the
property named; the loosening and validity checks catch an engine that misbehaves."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

import pytest
from hypothesis import Phase, settings

from cbcc_standards import (
    AdministrativeUnit,
    Confidence,
    Deadline,
    Delegation,
    Engine,
    LegalBasis,
    Official,
    Outcome,
    Period,
    Rule,
    RuleSet,
    Text,
    hookimpl,
    load_registry,
)
from cbcc_standards.rules import Context, Custom, Grace, MinLevel, Requirement, Verdict
from cbcc_standards.rules.titles import COMMUNE_CIVIL_SERVANT_TITLES
from cbcc_standards.testing import ContractError, RuleSetContract
from cbcc_standards.testing.contract import Case, _lawful_delegation, _Subject

ACT = LegalBasis(
    document="Quyết định 7/2024/QĐ-UBND tỉnh THỬ (test)",
    effective=Period(start=date(2024, 1, 1)),
    confidence=Confidence.PROVISIONAL,
    note="Fictitious, for the contract's own tests.",
)
VALID = Period(start=date(2024, 1, 1), end=date(2025, 6, 30))
TEXT = Text(vi="Thử", en="Test")
MOUNTAIN = AdministrativeUnit(code="TH.A.NUI", name="Xã Núi", tier="commune", kind="xa", area_flags=["mien_nui"])


def _rule(
    code: str,
    check: Callable[[Official, Context], Verdict] | Requirement,
    valid: Period = VALID,
    graces: tuple[Grace, ...] = (),
) -> Rule:
    requirement = check if not callable(check) else Custom(name=code.lower(), check=check, can_train=True)
    return Rule(
        code=code,
        name=code.lower(),
        title=TEXT,
        basis=(ACT,),
        valid=valid,
        titles=COMMUNE_CIVIL_SERVANT_TITLES,
        requires=("qualifications",),
        requirement=requirement,
        graces=graces,
    )


class Province:
    """A provincial plugin of jurisdiction ``TH`` with rules given by the test, plus the trung cấp delegation for
    ``MOUNTAIN`` and a deadline for the national rule CX-CC-2023-PROF."""

    def __init__(self, name: str, *rules: Rule, deadline: bool = True) -> None:
        self.__name__ = name
        self.rules = rules
        self.deadline = deadline

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                code=f"th.{self.__name__}",
                title=TEXT,
                jurisdiction="TH",
                rules=self.rules,
                delegations=(
                    Delegation(
                        switch="commune_civil_servant_trung_cap",
                        units=frozenset({MOUNTAIN.code}),
                        valid=VALID,
                        basis=ACT,
                    ),
                ),
            )
        )

    @hookimpl
    def cbcc_register_deadlines(self, register: Callable[[Deadline], None]) -> None:
        if self.deadline:
            register(
                Deadline(
                    code="TH-2024-1",
                    jurisdiction="TH",
                    due=date(2025, 3, 31),
                    valid=VALID,
                    rules=frozenset({"CX-CC-2023-PROF"}),
                    basis=ACT,
                    title=TEXT,
                )
            )


LANGUAGE = MinLevel(ladder="foreign_language", level="bac_2")
LANGUAGE_GRACE = (Grace(in_office_by=date(2023, 12, 31), deadline=date(2025, 6, 30), basis=ACT),)


class TestSoundProvince(RuleSetContract):
    """A sound plugin passes every property (this is how a plugin author uses the contract)."""

    plugin = Province("sound_province", _rule("TH-CC-2024-FL", LANGUAGE, graces=LANGUAGE_GRACE))
    units: ClassVar = (MOUNTAIN,)
    max_examples = 25


# -- plugins that break one property each ------------------------------------------------------------------------

_calls = itertools.count()


def _flip_flop(official: Official, ctx: Context) -> Verdict:
    return Verdict(Outcome.MET if next(_calls) % 2 else Outcome.NOT_MET, TEXT)


def _met_when_unknown(official: Official, ctx: Context) -> Verdict:
    if official.qualifications is None:
        return Verdict(Outcome.MET, TEXT)
    held = official.highest("professional")
    ok = held in ("dai_hoc", "thac_si", "tien_si")
    return Verdict(Outcome.MET if ok else Outcome.NOT_MET, TEXT)


def _grace_without_deadline(official: Official, ctx: Context) -> Verdict:
    return Verdict(Outcome.GRACE, TEXT)


def _punishes_degrees(official: Official, ctx: Context) -> Verdict:
    held = official.highest("professional")
    return Verdict(Outcome.NOT_MET if held in ("dai_hoc", "thac_si", "tien_si") else Outcome.MET, TEXT)


def _raises(official: Official, ctx: Context) -> Verdict:
    raise RuntimeError("boom")


NO_SHRINKING = settings(phases=[Phase.explicit, Phase.generate], database=None, derandomize=True)
"""The failure is what matters here, not its simplest example; derandomized so that a run finds it every time."""


def _contract(name: str, check: Callable[[Official, Context], Verdict]) -> RuleSetContract:
    cls = type(
        f"Contract_{name}",
        (RuleSetContract,),
        {
            "plugin": Province(name, _rule("TH-BAD-1", check), deadline=False),
            "max_examples": 200,
            "hypothesis_settings": NO_SHRINKING,
        },
    )
    return cls()


@pytest.mark.parametrize(
    ("name", "check", "prop", "says"),
    [
        ("flip_flop", _flip_flop, "test_evaluation_is_deterministic", "TH-BAD-1: "),
        ("met_when_unknown", _met_when_unknown, "test_missing_data_is_never_met", "TH-BAD-1: met without"),
        # The engine turns it into an `error` finding, which the contract reports.
        (
            "grace_without_deadline",
            _grace_without_deadline,
            "test_findings_cite_law_and_deadlines",
            "TH-BAD-1: the rule raised: Rule TH-BAD-1 answered 'grace' without a deadline",
        ),
        ("raises", _raises, "test_findings_cite_law_and_deadlines", "TH-BAD-1: the rule raised"),
        ("punishes_degrees", _punishes_degrees, "test_higher_qualifications_never_hurt", "TH-BAD-1: met before"),
    ],
    ids=["flip_flop", "met_when_unknown", "grace_without_deadline", "raises", "punishes_degrees"],
)
def test_a_plugin_breaking_a_property_fails_it(name: str, check: Any, prop: str, says: str) -> None:
    contract = _contract(name, check)
    with pytest.raises(ContractError, match=prop) as failure:
        getattr(contract, prop)()
    assert re.search(says, str(failure.value)), str(failure.value)


def test_known_issues_exclude_a_rule_from_one_property() -> None:
    cls = type(
        "Contract_known",
        (RuleSetContract,),
        {
            "plugin": Province("known", _rule("TH-BAD-1", _met_when_unknown), deadline=False),
            "max_examples": 30,
            "known_issues": {"test_missing_data_is_never_met": ["TH-BAD-1"]},
        },
    )
    cls().test_missing_data_is_never_met()


# -- the checks that guard the engine ------------------------------------------------------------------------------


def _always(outcome: Outcome) -> Callable[[Official, Context], Verdict]:
    def check(official: Official, ctx: Context) -> Verdict:
        return Verdict(outcome, TEXT)

    return check


class _National:
    """A plugin adding the national rule X-NAT-1 with a given outcome."""

    def __init__(self, outcome: Outcome, valid: Period = VALID) -> None:
        self.__name__ = "national_x"
        rule = _rule("X-NAT-1", _always(outcome), valid)
        # Its act is in force for the whole window (registration checks that the law backs every day of a rule).
        self.rule = rule.model_copy(update={"basis": (ACT.model_copy(update={"effective": valid}),)})

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(RuleSet(code="national.x", title=TEXT, rules=(self.rule,)))


def _swapped(subject: _Subject, **engines: Engine) -> type[RuleSetContract]:
    swapped = dataclasses.replace(subject, **engines)
    return type(
        "Contract_swapped",
        (RuleSetContract,),
        {"_cbcc_subject": swapped, "max_examples": 30, "hypothesis_settings": NO_SHRINKING},
    )


def test_the_province_check_catches_a_loosened_national_rule() -> None:
    """If the province's engine answered `met` where the national one answers `not_met`, with no delegation."""
    strict = load_registry(load_entry_points=False, plugins=[_National(Outcome.NOT_MET), Province("p", deadline=False)])
    lenient = _National(Outcome.MET)
    base = type(
        "Contract_base",
        (RuleSetContract,),
        {"plugin": Province("p", deadline=False), "also_register": (lenient,), "rules": ["X-NAT-1"]},
    )
    subject = base._subject()
    contract = _swapped(subject, national=Engine(strict))()
    with pytest.raises(ContractError, match="X-NAT-1: national not_met, provincial met"):
        contract.test_province_never_loosens_national_rules()


def test_the_validity_check_catches_a_rule_out_of_its_window() -> None:
    """If the engine ran a rule on a day outside the window the registry records for it."""
    forever = load_registry(
        load_entry_points=False,
        plugins=[_National(Outcome.MET, valid=Period(start=date(2000, 1, 1))), Province("p", deadline=False)],
    )
    base = type(
        "Contract_window",
        (RuleSetContract,),
        {
            "plugin": Province("p", deadline=False),
            "also_register": (_National(Outcome.MET),),
            "rules": ["X-NAT-1"],
            "as_of_between": (date(2020, 1, 1), date(2023, 12, 31)),
        },
    )
    contract = _swapped(base._subject(), engine=Engine(forever, province="TH"))()
    with pytest.raises(ContractError, match=r"X-NAT-1 .* gave a finding"):
        contract.test_nothing_applies_outside_its_validity_window()


def test_a_lawful_delegation_is_in_force_honoured_covering_and_cited() -> None:
    rule = load_registry(load_entry_points=False).rule("CX-CC-2023-PROF")[0]
    delegation = Delegation(
        switch="commune_civil_servant_trung_cap", units=frozenset({MOUNTAIN.code}), valid=VALID, basis=ACT
    )
    plain = AdministrativeUnit(code="TH.A.BANG", name="Xã Bằng", tier="commune")
    cited = dataclasses.replace(_finding(), basis=(*rule.basis, ACT))
    on = date(2024, 6, 1)
    assert _lawful_delegation([delegation], rule, cited, on, MOUNTAIN)
    assert not _lawful_delegation([delegation], rule, _finding(), on, MOUNTAIN)  # not cited
    assert not _lawful_delegation([delegation], rule, cited, date(2026, 1, 1), MOUNTAIN)  # out of its window
    assert not _lawful_delegation([delegation], rule, cited, on, plain)  # not a listed, difficult-area commune
    assert not _lawful_delegation([delegation], rule, cited, on, None)  # unit unknown
    other = load_registry(load_entry_points=False).rule("CX-CC-2023-EDU")[0]
    assert not _lawful_delegation([delegation], other, cited, on, MOUNTAIN)  # the rule does not honour the switch


def _finding() -> Any:
    from cbcc_standards import Finding

    rule = load_registry(load_entry_points=False).rule("CX-CC-2023-PROF")[0]
    return Finding(rule=rule.code, outcome=Outcome.MET, basis=rule.basis, message=TEXT)


# -- set-up errors -------------------------------------------------------------------------------------------------


def test_a_contract_without_a_plugin_says_so() -> None:
    cls = type("Contract_empty", (RuleSetContract,), {})
    with pytest.raises(TypeError, match="set `plugin"):
        cls().test_plugin_loads_strictly()


def test_the_province_is_found_or_asked_for() -> None:
    sound = type("Contract_found", (RuleSetContract,), {"plugin": TestSoundProvince.plugin})
    assert sound._subject().province == "TH"

    class TwoPlaces:
        __name__ = "two_places"

        @hookimpl
        def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
            register(RuleSet(code="a.x", title=TEXT, jurisdiction="A"))
            register(RuleSet(code="b.x", title=TEXT, jurisdiction="B"))

    with pytest.raises(TypeError, match="set `province`"):
        type("Contract_two", (RuleSetContract,), {"plugin": TwoPlaces()})._subject()


def test_cases_are_available_to_plugin_authors() -> None:
    from hypothesis import find

    case = find(TestSoundProvince.cases(complete=True), lambda c: True, settings=NO_SHRINKING)
    assert isinstance(case, Case)
    assert case.unit is not None
    assert case.official.qualifications is not None
