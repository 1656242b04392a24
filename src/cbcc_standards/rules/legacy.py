"""Deprecated builders of check functions, kept so plugins written before typed requirements still load.

``Rule(check=min_level(...))`` becomes ``Rule(requirement=MinLevel(...), reliefs=..., graces=...)``; each builder warns
with a :class:`DeprecationWarning` and returns a :class:`LegacyCheck` that :class:`~cbcc_standards.Rule` unpacks.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

from ..i18n import Text
from .model import Grace, Relief
from .requirements import MinAge, MinLevel, Requirement

__all__ = ["LegacyCheck", "min_age", "min_level"]


@dataclass(frozen=True)
class LegacyCheck:
    """What a deprecated builder declared: a requirement with its reliefs and grace periods."""

    requirement: Requirement
    reliefs: tuple[Relief, ...] = ()
    graces: tuple[Grace, ...] = ()

    def __call__(self, official: Any, ctx: Any) -> Any:
        """Evaluate like a check function (through the interpreter), for code that called checks directly."""
        from .interpreter import check

        return check(self.requirement, official, ctx)


def _warn(name: str, instead: str) -> None:
    warnings.warn(f"{name}() is deprecated: use {instead}", DeprecationWarning, stacklevel=3)


def min_level(
    kind: str,
    required: str,
    *,
    what: Text | None = None,
    field_keyword: str | None = None,
    field_label: Text | None = None,
    reliefs: tuple[Any, ...] = (),
    graces: tuple[Grace, ...] = (),
) -> LegacyCheck:
    """Deprecated: ``requirement=MinLevel(ladder=kind, level=required, field=...)`` with ``graces=`` on the rule."""
    _warn("min_level", "Rule(requirement=MinLevel(...), reliefs=..., graces=...)")
    return LegacyCheck(MinLevel(ladder=kind, level=required, field=field_keyword), tuple(reliefs), tuple(graces))


def min_age(years: int) -> LegacyCheck:
    """Deprecated: ``requirement=MinAge(years=...)``."""
    _warn("min_age", "Rule(requirement=MinAge(years=...))")
    return LegacyCheck(MinAge(years=years))
