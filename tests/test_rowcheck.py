"""The engine's row validator gives what ``Official.model_validate`` gives: the same official, or the same errors."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from cbcc_standards import Engine
from cbcc_standards._rowcheck import RowValidator
from cbcc_standards.engine import default_registry
from cbcc_standards.officials import Official
from cbcc_standards.testing.strategies import officials

CONTEXT = {"titles": default_registry().titles}

SHARED = RowValidator(CONTEXT, limit=64)
"""One validator over every example (and a small table, emptied often): what it learnt from a row must not change
what it says of another."""

_ITEM_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 2030),
    st.sampled_from([2020.0, 2020.5, 1.0, 0.0, float("nan")]),
    st.sampled_from(["2020", "dai_hoc", "Đại học", "Cử nhân Luật", "hoan_thanh_tot", "Anh B", "", " ", "khien_trach"]),
    st.sampled_from([[], {}, ["dai_hoc"], {"level": "thpt"}]),
)


def _outcome(validate: Any, row: Any) -> tuple[str, Any]:
    try:
        official = validate(row)
    except ValidationError as exc:
        return "invalid", exc.errors(include_url=False, include_context=False)
    return "valid", (official, official.model_fields_set, official.model_dump_json())


def _same(row: dict[str, Any]) -> None:
    expected = _outcome(lambda r: Official.model_validate(r, context=CONTEXT), row)
    assert _outcome(SHARED, row) == expected
    assert _outcome(RowValidator(CONTEXT), row) == expected


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(officials(complete=False))
def test_a_valid_row_gives_the_same_official(official: Official) -> None:
    _same(official.model_dump(mode="json", exclude_none=True))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    officials(complete=False),
    st.sampled_from(["qualifications", "evaluations", "disciplines"]),
    st.integers(0, 3),
    st.sampled_from(
        ["level", "year", "kind", "form", "decided_on", "obtained_on", "field", "legacy", "bachelor", "extra", "raw"]
    ),
    _ITEM_VALUES,
)
def test_an_item_changed_gives_the_same_official_or_the_same_errors(
    official: Official, name: str, index: int, key: str, value: Any
) -> None:
    row = official.model_dump(mode="json", exclude_none=True)
    items = list(row.get(name) or [{"kind": "professional", "level": "dai_hoc"}, {"year": 2021, "level": "hoan_thanh"}])
    item = dict(items[min(index, len(items) - 1)])
    item[key] = value
    items[min(index, len(items) - 1)] = item
    _same({**row, name: items})


@pytest.mark.parametrize(
    "items",
    [
        [{"year": 2021, "level": "hoan_thanh"}, {"year": 2021.0, "level": "hoan_thanh"}],
        [{"year": 2021, "level": "hoan_thanh"}, {"year": "2021", "level": "hoan_thanh"}],
        [{"year": 1, "level": "hoan_thanh"}, {"year": True, "level": "hoan_thanh"}],
        [{"year": 2021, "level": "hoan_thanh"}, "hoan_thanh"],
        [{"kind": "it", "level": "co_ban", "obtained_on": 0}, {"kind": "it", "level": "co_ban", "obtained_on": False}],
        [{"decided_on": 0, "form": "khien_trach"}, {"decided_on": False, "form": "khien_trach"}],
        [{"year": 2021, "level": "hoan_thanh", "note": ["x"]}],
    ],
)
def test_values_equal_in_python_but_of_other_types_are_not_confused(items: list[Any]) -> None:
    validator = RowValidator(CONTEXT)
    for item in items:  # each alone, through one validator: the first one's reading must not answer for the next
        name = "qualifications" if "kind" in item else "disciplines" if "form" in item else "evaluations"
        row = {"id": "A", name: [item]}
        expected = _outcome(lambda r: Official.model_validate(r, context=CONTEXT), row)
        assert _outcome(validator, row) == expected


def test_the_items_are_shared_and_the_official_is_frozen() -> None:
    validator = RowValidator(CONTEXT)
    row = {"id": "A", "qualifications": [{"kind": "professional", "level": "Cử nhân Luật"}]}
    first, second = validator(row), validator({**row, "id": "B"})
    assert first.qualifications is not None
    assert second.qualifications is not None
    assert first.qualifications[0] is second.qualifications[0]
    assert first.highest("professional") == "dai_hoc"
    with pytest.raises(ValidationError):
        first.id = "C"


def test_the_engine_validates_through_it() -> None:
    engine = Engine()
    row = {"id": "A", "title": "Công chức Tư pháp - hộ tịch", "qualifications": [{"kind": "it", "level": "co_ban"}]}
    assert engine.official(row) == Official.model_validate(row, context=CONTEXT)


@pytest.mark.parametrize(
    "item", [{"year": 2021, "level": "hoan_thanh_tot"}, {"decided_on": "2020-01-01", "form": "khien_trach"}]
)
def test_an_item_valid_in_one_list_is_not_taken_for_an_item_of_another(item: dict[str, Any]) -> None:
    validator = RowValidator(CONTEXT)
    for name in ("evaluations", "disciplines", "qualifications", "evaluations"):
        row = {"id": "A", name: [dict(item)]}
        expected = _outcome(lambda r: Official.model_validate(r, context=CONTEXT), row)
        assert _outcome(validator, row) == expected
