"""Problems the rule-set contract and the strategies found in the library, as minimal examples: regression tests
now that they are fixed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cbcc_standards import (
    Custom,
    Engine,
    LegalBasis,
    Official,
    Outcome,
    Period,
    Rule,
    RuleSet,
    Text,
    Verdict,
    hookimpl,
    load_registry,
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_registry(load_entry_points=False, strict=True))


def _outcome(engine: Engine, row: dict[str, Any], rule: str, as_of: date) -> Outcome:
    assessment = engine.evaluate(Official.model_validate(row), as_of=as_of)
    return next(f.outcome for f in assessment.findings if f.rule == rule)


# Shrunk by hypothesis (test_missing_data_is_never_met on cbcc_standards.rules.evaluations).
EVAL_2Y = {
    "id": "CB-00001",
    "gender": "male",
    "birth_date": "2005-01-01",
    "category": "can_bo",
    "title": "commune.bi_thu",
    "recruited_on": "2023-01-01",
    "appointed_on": "2023-01-01",
    "qualifications": [],
    "evaluations": [{"year": 2024, "level": "khong_hoan_thanh"}],
}
EVAL_2026 = {
    "id": "CB-00002",
    "gender": "female",
    "birth_date": "1990-01-01",
    "category": "cong_chuc",
    "title": "commune.truong_phong",
    "recruited_on": "2020-01-01",
    "appointed_on": "2025-07-01",
    "qualifications": [],
    "evaluations": [{"year": 2026, "level": "hoan_thanh_tot"}],
}


@pytest.mark.parametrize(
    ("row", "rule", "as_of", "discipline"),
    [
        (EVAL_2Y, "EVAL-2020-2Y", date(2025, 12, 31), {"form": "khien_trach", "decided_on": "2023-01-01"}),
        (EVAL_2026, "EVAL-2026", date(2027, 3, 1), {"form": "khien_trach", "decided_on": "2026-05-01"}),
    ],
    ids=["EVAL-2020-2Y", "EVAL-2026"],
)
def test_evaluation_rules_are_not_met_on_an_unknown_discipline_record(
    engine: Engine, row: dict[str, Any], rule: str, as_of: date, discipline: dict[str, str]
) -> None:
    # With the discipline on record, ND 48/2023 turns the year into "không hoàn thành nhiệm vụ": not met.
    assert _outcome(engine, {**row, "disciplines": [discipline]}, rule, as_of) is Outcome.NOT_MET
    # With the record unknown the rule cannot know that, so it must not answer met.
    assert _outcome(engine, {**row, "disciplines": None}, rule, as_of) is not Outcome.MET


def test_model_copy_with_new_qualifications_updates_highest() -> None:
    official = Official.model_validate({"id": "A", "qualifications": [{"kind": "professional", "level": "trung_cap"}]})
    assert official.highest("professional") == "trung_cap"
    copied = official.model_copy(update={"qualifications": ()})
    assert copied.highest("professional") is None


class _GraceWithoutDeadline:
    """A plugin whose rule answers ``grace`` but gives no deadline (a plugin bug the engine should contain)."""

    __name__ = "grace_without_deadline"

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                code="gw.rules",
                title=Text(vi="GW", en="GW"),
                jurisdiction="GW",
                rules=(
                    Rule(
                        code="GW-1",
                        name="gw-1",
                        title=Text(vi="GW", en="GW"),
                        basis=(LegalBasis(document="Quyết định 1/2024/QĐ-UBND (test)"),),
                        valid=Period(start=date(2024, 1, 1)),
                        requirement=Custom(
                            name="grace-without-deadline",
                            check=lambda official, ctx: Verdict(Outcome.GRACE, Text(vi="GW", en="GW")),
                        ),
                    ),
                ),
            )
        )


def test_a_grace_verdict_without_deadline_does_not_stop_the_evaluation() -> None:
    registry = load_registry(load_entry_points=False, plugins=[_GraceWithoutDeadline()], strict=True)
    assessment = Engine(registry, province="GW").evaluate(Official(id="A"), as_of=date(2024, 6, 1))
    assert next(f for f in assessment.findings if f.rule == "GW-1").outcome in (Outcome.ERROR, Outcome.GRACE)
