"""The JSON text of assessments, fast: the same characters as ``json.dumps(assessment_dict(a, lang),
ensure_ascii=False)``, with each distinct finding (and each legal basis) serialised once and reused.

A national roster repeats a few thousand findings (the same rule, outcome, message and basis) over millions of
officials: the text of a finding is cached by value (a bounded cache, emptied when full), and an official's text is
put together from it.
"""

from __future__ import annotations

import json
from typing import Any

from ...i18n import Lang
from ...results import Assessment, Finding
from ..shapes import error_dict, finding_dict

__all__ = ["AssessmentWriter", "finding_key"]

_dumps = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)`` without its per-call set-up."""

MAX_CACHED = 1 << 16
"""The most finding texts kept at once."""


def finding_key(f: Finding) -> tuple[Any, ...]:
    """A key equal for findings that read the same, cheap to hash: the typed requirement and the legal bases (pydantic
    models, slow to hash and compare) by identity — whoever keys by it keeps the finding, so they stay alive."""
    return (
        f.rule,
        f.outcome,
        f.message,
        f.notice,
        f.actual,
        f.missing,
        f.deadline,
        f.provisional,
        f.source,
        id(f.required),
        *map(id, f.basis),
    )


def _iso(value: Any) -> str:
    return "null" if value is None else '"' + value.isoformat() + '"'


class AssessmentWriter:
    """The JSON text of assessments in one language, finding texts cached."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._findings: dict[tuple[Any, ...], tuple[Finding, str]] = {}

    def finding(self, finding: Finding) -> str:
        """``json.dumps(finding_dict(finding, lang), ensure_ascii=False)``, cached by value."""
        try:
            key = finding_key(finding)
            found = self._findings.get(key)
        except TypeError:  # a plugin's finding that cannot be hashed
            return _dumps(finding_dict(finding, self.lang))
        if found is None:
            if len(self._findings) >= MAX_CACHED:
                self._findings.clear()
            found = self._findings[key] = (finding, _dumps(finding_dict(finding, self.lang)))
        return found[1]

    def assessment(self, a: Assessment, prefix: str = "{") -> str:
        """``json.dumps(assessment_dict(a, lang), ensure_ascii=False)``; ``prefix`` opens the object (JSON Lines
        puts its ``"type"`` member there)."""
        findings = ", ".join([self.finding(f) for f in a.findings])
        warnings = _dumps([error_dict(w, self.lang) for w in a.warnings]) if a.warnings else "[]"
        return (
            f'{prefix}"id": {_dumps(a.id)}, "full_name": {_dumps(a.full_name)}, "title": {_dumps(a.title)}, '
            f'"unit": {_dumps(a.unit)}, "status": "{a.status.value}", "action": "{a.action.value}", '
            f'"deadline": {_iso(a.deadline)}, "provisional_pass": {"true" if a.provisional_pass else "false"}, '
            f'"findings": [{findings}], "warnings": {warnings}}}'
        )
