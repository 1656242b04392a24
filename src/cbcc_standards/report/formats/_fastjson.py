"""The JSON text of assessments, fast: the same characters as ``json.dumps(assessment_dict(a, lang),
ensure_ascii=False)``, with each distinct finding (and each legal basis) serialised once and reused.

A national roster repeats a few thousand findings (the same rule, outcome, message and basis) over millions of
officials: the text of a finding is cached by value (a bounded cache, emptied when full), and an official's text is
put together from it.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from hashlib import blake2b
from typing import IO, Any

from ...i18n import Lang
from ...results import Assessment, Finding
from ..shapes import basis_dict, error_dict, finding_dict

__all__ = ["AssessmentWriter", "CompactWriter", "EntrySpool", "finding_key", "write_json"]

_encode = json.JSONEncoder(ensure_ascii=False).encode
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)`` without its per-call set-up, on one line as every reader splits
    lines: the Unicode line separators U+2028, U+2029 and NEL (valid in a JSON string, but a line break to
    ``str.splitlines`` and to JavaScript before ES2019) are escaped."""
    text = _encode(value)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        for char, escape in _LINE_BREAKS.items():
            text = text.replace(char, escape)
    return text


def write_json(out: IO[str], value: Any) -> None:
    """``out.write(_dumps(value))``, the same characters, written piece by piece: a dict with text keys member by
    member, an iterator (a list made as it is written) and a long list item by item, so that a long list of people
    is never one string, nor, from an iterator, one list."""
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        out.write("{")
        for number, (key, item) in enumerate(value.items()):
            out.write((", " if number else "") + _dumps(key) + ": ")
            write_json(out, item)
        out.write("}")
    elif isinstance(value, Iterator) or (isinstance(value, list | tuple) and len(value) > _SHORT):
        out.write("[")
        for number, item in enumerate(value):
            if number:
                out.write(", ")
            write_json(out, item)
        out.write("]")
    else:
        out.write(_dumps(value))


_SHORT = 64
"""A list this long or shorter is written at once."""

MAX_CACHED = 1 << 14
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
        self._objects: dict[int, tuple[Finding, str]] = {}
        """The text of a finding object met before, by its identity (the engine hands the same object to the
        officials it fits; the finding is kept here, so its id is not reused while it is)."""

    def _text(self, finding: Finding) -> str:
        """:meth:`finding`, by the object's identity first."""
        found = self._objects.get(id(finding))
        if found is not None and found[0] is finding:
            return found[1]
        text = self.finding(finding)
        if len(self._objects) >= MAX_CACHED:
            self._objects.clear()
        self._objects[id(finding)] = (finding, text)
        return text

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
        findings = ", ".join([self._text(f) for f in a.findings])
        warnings = _dumps([error_dict(w, self.lang) for w in a.warnings]) if a.warnings else "[]"
        return (
            f'{prefix}"id": {_dumps(a.id)}, "full_name": {_dumps(a.full_name)}, "title": {_dumps(a.title)}, '
            f'"unit": {_dumps(a.unit)}, "status": "{a.status.value}", "action": "{a.action.value}", '
            f'"deadline": {_iso(a.deadline)}, "provisional_pass": {"true" if a.provisional_pass else "false"}, '
            f'"findings": [{findings}], "warnings": {warnings}}}'
        )


def _key(prefix: str, text: str) -> str:
    """A table key: the prefix and 96 bits of the BLAKE2b digest of the entry's JSON text (the same entry has the
    same key in every report; two different entries of a national roster share one with a chance below 10⁻¹⁸)."""
    return prefix + blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class CompactWriter(AssessmentWriter):
    """The compact layout: an official's findings are keys of a table of findings, whose legal bases are keys of a
    table of bases; each distinct finding and basis is written once. New table entries are collected as they are met
    (:meth:`take_new`) and, for a JSON document, kept in a temporary file until the end (:meth:`finding_table`)."""

    def __init__(self, lang: Lang) -> None:
        super().__init__(lang)
        self._refs: dict[tuple[Any, ...], tuple[Finding, str]] = {}
        self._seen: set[str] = set()
        self._bases: dict[str, str] = {}
        self._basis_keys: dict[Any, str] = {}
        self._new: list[tuple[str, str]] = []
        self.written_bases: set[str] = set()
        """The bases a JSON Lines review has written (each before the first finding that cites it)."""

    def basis(self, basis: Any) -> str:
        """The key of a legal basis in the table of bases."""
        found = self._basis_keys.get(basis)
        if found is None:
            text = _dumps(basis_dict(basis))
            found = self._basis_keys[basis] = _key("b:", text)
            self._bases.setdefault(found, text)
        return found

    def finding(self, finding: Finding) -> str:
        """The key of a finding (as a JSON string), its entry recorded as new the first time it is met."""
        try:
            key = finding_key(finding)
            found = self._refs.get(key)
        except TypeError:
            key, found = None, None
        if found is None:
            data = finding_dict(finding, self.lang)
            data["basis"] = [self.basis(b) for b in finding.basis]
            text = _dumps(data)
            ref = _key("f:", text)
            if ref not in self._seen:
                self._seen.add(ref)
                self._new.append((ref, text))
            found = (finding, '"' + ref + '"')
            if key is not None:
                if len(self._refs) >= MAX_CACHED:
                    self._refs.clear()
                self._refs[key] = found
        return found[1]

    def take_new(self) -> list[tuple[str, str]]:
        """The finding entries met since the last call: (key, JSON text)."""
        new, self._new = self._new, []
        return new

    def bases(self) -> dict[str, str]:
        """The table of bases: key → JSON text, in the order met."""
        return self._bases


class EntrySpool:
    """Table entries written to a temporary file as they come, copied into the document at its end."""

    def __init__(self) -> None:
        self.file: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed by copy_to
        self.count = 0

    def add(self, entries: list[tuple[str, str]]) -> None:
        for key, text in entries:
            self.file.write(("\n  " if self.count == 0 else ",\n  ") + '"' + key + '": ' + text)
            self.count += 1

    def copy_to(self, out: IO[str]) -> None:
        self.file.seek(0)
        while chunk := self.file.read(1 << 20):
            out.write(chunk)
        self.file.close()
