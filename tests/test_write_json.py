"""The streaming JSON writer of the review's closing part writes what ``json.dumps`` writes."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cbcc_standards.report.formats._fastjson import _dumps, write_json

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(alphabet=st.characters(codec="utf-8")),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=80),
        st.dictionaries(st.one_of(st.text(max_size=5), st.integers(0, 9)), inner, max_size=5),
    ),
    max_leaves=200,
)


def _written(value: Any) -> str:
    out = io.StringIO()
    write_json(out, value)
    return out.getvalue()


@given(_VALUES)
def test_the_same_characters_as_json_dumps(value: Any) -> None:
    assert _written(value) == _dumps(value)
    assert json.loads(_written(value)) == json.loads(json.dumps(value))


@given(st.lists(_VALUES, max_size=100))
def test_an_iterator_is_written_as_the_list_it_yields(items: list[Any]) -> None:
    assert _written({"people": iter(items), "n": len(items)}) == _dumps({"people": items, "n": len(items)})


def test_a_long_list_of_people_is_never_one_string() -> None:
    class Counting(io.StringIO):
        longest = 0

        def write(self, text: str) -> int:
            self.longest = max(self.longest, len(text))
            return super().write(text)

    out = Counting()
    people = ({"id": f"QN-{n:06d}", "full_name": "Nguyễn Văn A"} for n in range(10_000))
    write_json(out, {"retirements": {"officials": people}})
    assert len(json.loads(out.getvalue())["retirements"]["officials"]) == 10_000
    assert out.longest < 100
