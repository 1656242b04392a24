"""The reader's user-facing messages: keys of the library's one message catalogue (``cbcc_standards.i18n``,
``reader.*``, ``normalize.*``, ``units.*``), and how a value from the input is quoted in them."""

from __future__ import annotations

from typing import Any, Self

from ..i18n import Lang, t

__all__ = ["WordedError", "echo", "message"]

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


class WordedError(Exception):
    """An error whose words come from the catalogue: ``str()`` is English (logs, tracebacks), :meth:`message` the
    reader's language. Built with :meth:`of`; a plain message (already in its language) keeps no key."""

    def __init__(self, text: str, key: str | None = None, params: dict[str, Any] | None = None) -> None:
        super().__init__(text)
        self.key = key
        self.params = params or {}

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Self:
        """The error of catalogue message ``key`` with its parameters."""
        return cls(t(key, Lang.EN, **params), key, params)

    @classmethod
    def wrap(cls, error: BaseException) -> Self:
        """The same error as this class (its words kept)."""
        if isinstance(error, WordedError):
            return cls(str(error), error.key, error.params)
        return cls(str(error))

    def message(self, lang: str = "vi") -> str:
        """The error in ``lang`` (``vi`` or ``en``)."""
        return message(self.key, lang, **self.params) if self.key else str(self)
