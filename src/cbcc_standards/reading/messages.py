"""The reader's user-facing messages: keys of the library's one message catalogue (``cbcc_standards.i18n``,
``reader.*``, ``normalize.*``, ``units.*``), and how a value from the input is quoted in them."""

from __future__ import annotations

from typing import Any

from ..i18n import Lang, t

__all__ = ["echo", "message"]

ECHO_LIMIT = 100
"""Characters of an input value echoed back in a message; longer values are cut and their length given."""


def message(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The message ``key`` of the catalogue in ``lang`` (Vietnamese unless ``"en"``), with its parameters filled in."""
    return t(key, Lang.EN if lang == "en" else Lang.VI, **params)


def echo(value: str, limit: int = ECHO_LIMIT) -> str:
    """A value as messages quote it: whole when short, else its first ``limit`` characters and its length."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"
