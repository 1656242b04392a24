"""The ``hypothesis`` entry point: ``st.from_type`` for the public models, with no set-up.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (entry-point group ``hypothesis``). The hook
imports only the model classes; each registered strategy is built on first use by
:mod:`cbcc_standards.testing.strategies`. It never imports pytest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__: list[str] = []


def _lazy(name: str) -> Callable[[type[Any]], Any]:
    """A resolver that builds ``strategies.<name>()`` when hypothesis first needs it."""

    def resolve(_: type[Any]) -> Any:
        from . import strategies

        return getattr(strategies, name)()

    return resolve


def _qualification(kind: str) -> Callable[[type[Any]], Any]:
    def resolve(_: type[Any]) -> Any:
        from . import strategies

        return strategies.qualifications(kind=kind)

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public model of cbcc_standards with :func:`hypothesis.strategies.
    register_type_strategy` (idempotent)."""
    from hypothesis import strategies as st

    from ..i18n import Text
    from ..law import LegalBasis, Period
    from ..officials import (
        Discipline,
        EthnicLanguage,
        Evaluation,
        ForeignLanguage,
        GeneralEducation,
        ITSkill,
        Official,
        PoliticalTheory,
        Professional,
        StateManagement,
    )
    from ..results import Assessment, Finding
    from ..rules.model import Deadline, Delegation
    from ..titles import Title
    from ..units import AdministrativeUnit

    models: dict[type[Any], Callable[[type[Any]], Any]] = {
        Official: _lazy("officials"),
        Evaluation: _lazy("evaluations"),
        Discipline: _lazy("disciplines"),
        AdministrativeUnit: _lazy("units"),
        Title: _lazy("titles"),
        LegalBasis: _lazy("legal_bases"),
        Period: _lazy("periods"),
        Text: _lazy("texts"),
        Finding: _lazy("findings"),
        Assessment: _lazy("assessments"),
        Delegation: _lazy("delegations"),
        Deadline: _lazy("deadlines"),
        GeneralEducation: _qualification("general_education"),
        Professional: _qualification("professional"),
        PoliticalTheory: _qualification("political_theory"),
        StateManagement: _qualification("state_management"),
        ITSkill: _qualification("it"),
        ForeignLanguage: _qualification("foreign_language"),
        EthnicLanguage: _qualification("ethnic_language"),
    }
    for model, resolve in models.items():
        st.register_type_strategy(model, resolve)
