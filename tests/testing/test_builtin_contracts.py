"""The built-in national rule sets pass the rule-set contract, one test class per built-in plugin.

Each class also registers a synthetic province, ``contract``, that switches on every delegable exception for every
difficult-area commune from 2000: the national rules' delegated reliefs are then exercised too, and the province
property compares them with the national evaluation.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date

from cbcc_standards import DEFAULT_PLUGINS, Confidence, Delegation, LegalBasis, Period, RuleSet, Text, hookimpl
from cbcc_standards.testing import RuleSetContract

CONTRACT_ACT = LegalBasis(
    document="Quyết định 1/2000/QĐ-UBND tỉnh CONTRACT (synthetic)",
    confidence=Confidence.PROVISIONAL,
    note="A fictitious provincial decision that switches on every delegated exception, for the contract tests.",
)
SWITCHES = ("commune_civil_servant_trung_cap", "commune_cadre_trung_cap")

KNOWN_ISSUES: dict[str, dict[str, frozenset[str]]] = {}
"""Rules excused from a property, by plugin module (none now: see test_found_by_contract.py for what was fixed)."""


class EveryDelegation:
    """Province ``contract``: every delegable exception on, in every difficult-area commune, from 01/01/2000."""

    __name__ = "contract_every_delegation"

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                code="contract.every_delegation",
                title=Text(vi="Tỉnh CONTRACT: mọi ngoại lệ được ủy quyền", en="Province CONTRACT: every delegation"),
                jurisdiction="contract",
                delegations=tuple(
                    Delegation(switch=s, valid=Period(start=date(2000, 1, 1)), basis=CONTRACT_ACT) for s in SWITCHES
                ),
            )
        )


def _contract_class(module_name: str) -> type[RuleSetContract]:
    short = module_name.rsplit(".", 1)[1]
    return type(
        f"TestBuiltin_{short}",
        (RuleSetContract,),
        {
            "__module__": __name__,
            "__doc__": f"The contract for the built-in plugin {module_name}.",
            "plugin": importlib.import_module(module_name),
            "also_register": (EveryDelegation(),),
            "province": "contract",
            "max_examples": 20,
            "known_issues": KNOWN_ISSUES.get(module_name, {}),
        },
    )


RULE_PLUGINS = tuple(name for name in DEFAULT_PLUGINS if name.startswith("cbcc_standards.rules."))
"""The built-in plugins that contribute law (the others contribute output formats)."""

for _name in RULE_PLUGINS:
    _cls = _contract_class(_name)
    globals()[_cls.__name__] = _cls
del _name, _cls


def test_every_builtin_plugin_has_a_contract_class() -> None:
    classes = {name for name, value in globals().items() if isinstance(value, type) and name.startswith("TestBuiltin_")}
    assert classes == {f"TestBuiltin_{name.rsplit('.', 1)[1]}" for name in RULE_PLUGINS}
