"""Reading real rosters: free-text qualification cells, spreadsheet layouts, CSV dialects and encodings, the
``normalize`` command and the units tree.

:class:`cbcc_standards.io.RosterFile` reads every roster format with these modules; they are public for tools that
want the pieces (a reading of one cell, the tree check of a units list). Names are imported on first use, so that
the model (which reads qualification cells) does not load the spreadsheet readers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .headers import FIELDS, OPTIONAL_PERSON_FIELDS, Target, load_column_mapping, match_header
    from .mappings import load_value_mapping
    from .messages import message
    from .normalize import canonical_row
    from .qualtext import KINDS, Credential, QualificationReading, ValueMapping, read_qualification
    from .summary import ReadingSummary, ValueStats
    from .unittree import UnitProblem, check_unit_tree
    from .values import clean_date, is_marked

__all__ = [
    "FIELDS",
    "KINDS",
    "OPTIONAL_PERSON_FIELDS",
    "Credential",
    "QualificationReading",
    "ReadingSummary",
    "Target",
    "UnitProblem",
    "ValueMapping",
    "ValueStats",
    "canonical_row",
    "check_unit_tree",
    "clean_date",
    "is_marked",
    "load_column_mapping",
    "load_value_mapping",
    "match_header",
    "message",
    "read_qualification",
]

_WHERE = {
    "FIELDS": "headers",
    "OPTIONAL_PERSON_FIELDS": "headers",
    "Target": "headers",
    "load_column_mapping": "headers",
    "match_header": "headers",
    "load_value_mapping": "mappings",
    "message": "messages",
    "canonical_row": "normalize",
    "KINDS": "qualtext",
    "Credential": "qualtext",
    "QualificationReading": "qualtext",
    "ValueMapping": "qualtext",
    "read_qualification": "qualtext",
    "ReadingSummary": "summary",
    "ValueStats": "summary",
    "UnitProblem": "unittree",
    "check_unit_tree": "unittree",
    "clean_date": "values",
    "is_marked": "values",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'cbcc_standards.reading' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
