"""A province's mapping table for qualification values the reader leaves unmapped (JSON or TOML)."""

from __future__ import annotations

from pathlib import Path

from .headers import load_mapping_file
from .messages import message
from .qualtext import KINDS, ValueMapping, parse_mapped_value

__all__ = ["load_value_mapping"]


def load_value_mapping(path: Path, lang: str = "vi") -> ValueMapping:
    """Read a mapping table: ``{kind: {raw cell: "LEVEL[:field][; …]" | "none"}}`` with ``kind`` one of the
    qualification kinds or ``"*"`` (every kind), as JSON or TOML (tables ``[professional]`` …). Raises
    ``ValueError`` with a one-line message naming the entry at fault."""
    data = load_mapping_file(path, lang)
    if isinstance(data, dict) and isinstance(data.get("values"), dict):
        data = data["values"]
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        reason = "expected {kind: {value: level}} (kinds: *, " + ", ".join(KINDS) + ")"
        raise ValueError(message("reader.bad_mapping_file", lang, path=path, reason=reason))
    for kind, entries in data.items():
        if kind != "*" and kind not in KINDS:
            reason = f"unknown qualification kind {kind!r} (kinds: *, {', '.join(KINDS)})"
            raise ValueError(message("reader.bad_mapping_file", lang, path=path, reason=reason))
        for raw, value in entries.items():
            if not isinstance(value, str):
                reason = "expected a level code, LEVEL:field, or none"
                raise ValueError(
                    message("reader.bad_mapping_value", lang, path=path, kind=kind, key=raw, value=value, reason=reason)
                )
            for each in KINDS if kind == "*" else (kind,):
                try:
                    parse_mapped_value(each, value)
                except ValueError as exc:
                    if kind == "*":
                        continue
                    raise ValueError(
                        message(
                            "reader.bad_mapping_value",
                            lang,
                            path=path,
                            kind=kind,
                            key=raw,
                            value=value,
                            reason=str(exc),
                        )
                    ) from None
    return ValueMapping(data)
