"""Roster rows validated as :meth:`Official.model_validate` validates them, at half the cost.

A roster repeats its qualifications, evaluations and disciplines: thousands of officials hold ``{"kind":
"professional", "level": "dai_hoc", "field": "luật"}`` or were rated ``{"year": 2023, "level": "hoan_thanh_tot"}``.
:class:`RowValidator` validates each distinct item once (keyed by its list, its fields, their types and values) and
the rest of the row with the lists left empty, then puts the validated items in place. The result is the official plain
validation gives, equal field by field and with the same fields set; a row whose lists are not plain lists of
plain dicts, or with an item that does not validate, goes through plain validation, so its errors are pydantic's own,
with their locations (``tests/test_rowcheck.py`` checks both on generated rows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .officials import Discipline, Evaluation, Official, Qualification

__all__ = ["RowValidator"]

_LISTS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("qualifications", TypeAdapter(Qualification).validate_python),
    ("evaluations", Evaluation.model_validate),
    ("disciplines", Discipline.model_validate),
)
"""The list fields of a row whose items are validated once each, and how one item is."""

_PLAIN = frozenset({str, int, float, bool, type(None)})
"""The types of an item's values that make a key (a nested value goes through plain validation)."""

_EMPTY: list[Any] = []


class RowValidator:
    """``validator(row)`` is ``Official.model_validate(row, context=context)``, faster on roster rows (see the
    module). ``limit`` bounds the distinct items kept (the table is emptied when it is reached)."""

    __slots__ = ("_context", "_items", "_limit")

    def __init__(self, context: dict[str, Any] | None = None, *, limit: int = 1 << 14) -> None:
        self._context = context
        self._items: dict[tuple[Any, ...], Any] = {}
        self._limit = limit

    def __call__(self, row: Official | Mapping[str, Any]) -> Official:
        """The official of ``row``; pydantic's ``ValidationError`` when it is invalid."""
        if row.__class__ is not dict:
            return Official.model_validate(row, context=self._context)
        found: dict[str, tuple[Any, ...]] = {}
        for name, validate in _LISTS:
            value = row.get(name)
            if value is None:
                continue
            items = self._items_of(name, value, validate) if value.__class__ is list else None
            if items is None:  # not a list of plain items, or one is invalid: pydantic says what is wrong
                return Official.model_validate(row, context=self._context)
            found[name] = items
        if not found:
            return Official.model_validate(row, context=self._context)
        official = Official.model_validate({**row, **dict.fromkeys(found, _EMPTY)}, context=self._context)
        official.__dict__.update(found)  # frozen for its users; the fields were validated (empty) and are set
        return official

    def _items_of(self, name: str, value: list[Any], validate: Callable[[Any], Any]) -> tuple[Any, ...] | None:
        """The validated items of the list ``name``, each found by the list, its fields, their types and values."""
        items = self._items
        out = []
        for item in value:
            if item.__class__ is not dict:
                return None
            values = tuple(item.values())
            kinds = tuple(map(type, values))  # 1, 1.0 and True are equal, and hash alike: their types tell them apart
            key = (name, tuple(item), values, kinds)
            try:
                found = items.get(key)
            except TypeError:  # a nested value
                return None
            if found is None:
                if not _PLAIN.issuperset(kinds):
                    return None
                try:
                    found = validate(item)
                except ValidationError:
                    return None
                if len(items) >= self._limit:
                    items.clear()
                items[key] = found
            out.append(found)
        return tuple(out)
