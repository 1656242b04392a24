"""Testing toolkit for rule authors: hypothesis strategies, a pytest plugin and a rule-set contract.

- :mod:`cbcc_standards.testing.strategies`: strategies for every public model (``officials()``, ``units()`` …);
  ``st.from_type(Official)`` works too, through the ``hypothesis`` entry point.
- :class:`RuleSetContract`: subclass it in a test module, set ``plugin``, and get property tests for free.
- The pytest plugin (fixtures ``cbcc_pm`` and ``register_plugin``) loads by itself; ``-p no:cbcc_standards`` turns it
  off.

Needs the ``testing`` extra (``pip install 'cbcc_standards[testing]'``: hypothesis and pytest). Nothing here is
imported until used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import strategies
    from .contract import ContractError, RuleSetContract

__all__ = ["ContractError", "RuleSetContract", "strategies"]

_LAZY = {"ContractError": ".contract", "RuleSetContract": ".contract", "strategies": ".strategies"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cbcc_standards.testing' has no attribute {name!r}")
    loaded = importlib.import_module(module, __name__)
    value = loaded if name == "strategies" else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
