"""Roster rows given in a JSON request body, read as ``check`` reads the rows of a JSON roster file (free-text
levels, placeholder dates, fields set aside, size and depth limits): the same reader, without a file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..officials import Official
from ..reading.jsonrows import clean_json_row
from ..reading.messages import message
from ..reading.summary import ReadingSummary
from ..results import Rejected, RowError

__all__ = ["JsonRows"]

_FIELDS = frozenset(Official.model_fields)


class JsonRows:
    """Rows already decoded from JSON: iterate to get each as a mapping for the engine, or :class:`Rejected`;
    :meth:`warnings` are the reader's remarks once iteration has ended."""

    def __init__(self, items: Iterable[Any], *, lang: str = "vi") -> None:
        self.items = items
        self.reading = ReadingSummary(path="request", format="json", lang=lang)

    def __iter__(self) -> Iterator[Mapping[str, Any] | Rejected]:
        for number, value in enumerate(self.items, start=1):
            if not isinstance(value, dict):
                text = message("reader.not_an_object", self.reading.lang)
                yield Rejected(row=number, errors=(RowError(field=None, message=text, code="not_an_object"),))
                continue
            row, _extras, errors = clean_json_row(value, number, self.reading, mapping=None, model_fields=_FIELDS)
            if errors:
                raw_id = value.get("id")
                yield Rejected(row=number, id=str(raw_id) if raw_id is not None else None, errors=errors)
                continue
            yield row

    def warnings(self) -> list[RowError]:
        """The reader's remarks on the rows read (placeholder dates, values it could not place...)."""
        return [*self.reading.remarks, *self.reading.warnings()]
