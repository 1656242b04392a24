"""Reading real rosters: free-text qualification cells, spreadsheet layouts, CSV dialects and encodings, the
``normalize`` command and the units tree.

:class:`cbcc_standards.io.RosterFile` reads every roster format with these modules; they are public for tools that
want the pieces (a reading of one cell, the tree check of a units list).
"""

from .headers import FIELDS, OPTIONAL_PERSON_FIELDS, Target, load_column_mapping, match_header
from .mappings import load_value_mapping
from .messages import MESSAGES, message
from .normalize import canonical_row
from .qualtext import KINDS, Credential, QualificationReading, ValueMapping, read_qualification
from .summary import ReadingSummary, ValueStats
from .unittree import UnitProblem, check_unit_tree
from .values import clean_date, is_marked

__all__ = [
    "FIELDS",
    "KINDS",
    "MESSAGES",
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
