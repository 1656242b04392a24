"""The message catalogue: languages, messages, converters and rendering."""

from __future__ import annotations

import importlib
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from typing_extensions import TypeAliasType

__all__ = ["Lang", "Message", "Param", "Text", "UnknownLanguageError", "has", "render", "t"]


class UnknownLanguageError(ValueError):
    """A language the catalogue does not have. ``code`` is stable for tests and tooling."""

    code = "unknown_language"


class Lang(StrEnum):
    """A language of the catalogue."""

    VI = "vi"
    EN = "en"

    @classmethod
    def parse(cls, value: Lang | str) -> Lang:
        """The language named ``value`` (``"vi"``, ``"EN"``, ``"en-US"``…); :class:`UnknownLanguageError` otherwise."""
        if isinstance(value, Lang):
            return value
        if isinstance(value, str):
            code = value.strip().lower().replace("_", "-").split("-")[0]
            for lang in cls:
                if lang.value == code:
                    return lang
        raise UnknownLanguageError(f"unknown language {value!r} (use: {', '.join(lang.value for lang in cls)})")


@dataclass(frozen=True, slots=True)
class Text:
    """A name or title given by the law's data (a rule's title, a title's name), in Vietnamese and English.

    Prose the library writes is a :class:`Message`; a plugin's own texts are ``Text``.
    """

    vi: str
    en: str

    def __reduce__(self) -> tuple[Any, ...]:  # pickled fast (a process pool sends many): the constructor's arguments
        return (Text, (self.vi, self.en))

    def __call__(self, lang: Lang | str = Lang.VI) -> str:
        """The text in ``lang``; a language without its own text falls back to Vietnamese."""
        return self.en if Lang.parse(lang) is Lang.EN else self.vi


@dataclass(frozen=True, slots=True)
class Message:
    """A message of the catalogue: a stable ``key`` and language-neutral parameters, rendered at the edge.

    ``message("en")``, ``message.vi`` and ``message.en`` render it (cached); equal messages compare and hash equal,
    so reports can count and group them.
    """

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Message:
        """A message with keyword parameters: plain values, dates (kept as ISO strings), texts, nested messages, and
        sequences of these (kept as tuples)."""
        if not params:
            return cls(key, ())
        kept = _KEPT
        for value in params.values():
            if value.__class__ not in kept:
                items = [(name, v if v.__class__ in kept else _plain(v)) for name, v in params.items()]
                items.sort()  # by name: names are unique, so values are never compared
                return cls(key, tuple(items))
        # Every value kept as it is (most messages): sorted by name, the values are never compared.
        return cls(key, tuple(sorted(params.items())))

    def __reduce__(self) -> tuple[Any, ...]:  # pickled fast (a process pool sends many): the constructor's arguments
        return (Message, (self.key, self.params))

    @property
    def args(self) -> dict[str, Any]:
        """The parameters as a dict."""
        return dict(self.params)

    def __call__(self, lang: Lang | str = Lang.VI) -> str:
        """The message in ``lang``."""
        return render(self, Lang.parse(lang))

    @property
    def vi(self) -> str:
        """The message in Vietnamese."""
        return render(self, Lang.VI)

    @property
    def en(self) -> str:
        """The message in English."""
        return render(self, Lang.EN)


_KEPT = frozenset({str, int, bool, type(None), Text, Message})
"""Parameter types :func:`_plain` keeps as they are (checked first: most parameters are)."""


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | frozenset | set):
        items = sorted(value) if isinstance(value, frozenset | set) else value
        return tuple(_plain(v) for v in items)
    return value


Param = TypeAliasType("Param", "str | int | bool | Text | Message | tuple[Param, ...] | None")
"""A message parameter: a plain value (dates as ISO strings), a bilingual text, a nested message, or a tuple."""


@cache
def _templates(lang: Lang) -> Mapping[str, str]:
    module = importlib.import_module(f"{__package__}.{lang.value}")
    messages: dict[str, str] = dict(module.MESSAGES)
    messages.update(_vocabulary(lang))
    return messages


def _vocabulary(lang: Lang) -> dict[str, str]:
    """Labels of the ladders' levels (``level.<ladder>.<code>``, ``ladder.<name>``), from the ladders' data."""
    from ..ladders import LADDERS

    words: dict[str, str] = {}
    for ladder in LADDERS.values():
        words[f"ladder.{ladder.name}"] = ladder.vi if lang is Lang.VI else ladder.en
        for level in ladder.levels:
            words[f"level.{ladder.name}.{level.code}"] = level.vi if lang is Lang.VI else level.en
    return words


def has(key: str, lang: Lang | str = Lang.VI) -> bool:
    """True when the catalogue has a template for ``key`` in ``lang``."""
    return key in _templates(Lang.parse(lang))


def t(key: str, lang: Lang | str = Lang.VI, /, **params: Any) -> str:
    """The template ``key`` in ``lang`` with ``params`` (for labels and one-off texts)."""
    return _format(Lang.parse(lang), key, params)


@lru_cache(maxsize=8192)  # bounded low: a national roster renders millions of distinct messages
def render(message: Message, lang: Lang) -> str:
    """A message in a language (cached: reports render the same few messages many times)."""
    return _format(lang, message.key, dict(message.params))


def _format(lang: Lang, key: str, params: Mapping[str, Any]) -> str:
    template = _templates(lang).get(key)
    if template is None:
        raise KeyError(f"message {key!r} is not in the {lang.value} catalogue")
    return _Formatter(lang, params).format(template, **params)


# -- converters -------------------------------------------------------------------------------------------------

Converter = Callable[[Any, Mapping[str, Any], Lang], str]


def _level(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    if value is None:
        return _format(lang, "word.none", {})
    return _format(lang, f"level.{params['ladder']}.{value}", {})


def _ladder(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return _format(lang, f"ladder.{value}", {})


def _field(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    key = f"field.{value}"
    return _format(lang, key, {}) if key in _templates(lang) else str(value)


def _column(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    """An input field's dotted path in words: ``qualifications.1.level`` → "trình độ của văn bằng, chứng chỉ thứ 2"
    in Vietnamese; the path itself in English (the format's own names)."""
    text = str(value)
    if lang is Lang.EN or text in ("", "-"):
        return text
    named: list[str] = []
    for part in text.split("."):
        key = f"column.{part}"
        if part.isdigit() and named:
            number = int(part)
            if named[-1] == _format(lang, "column.evaluations", {}) and number > 1900:
                named[-1] = _format(lang, "column.year_of", {"name": named[-1], "year": number})
            else:
                named[-1] = _format(lang, "column.item", {"name": named[-1], "number": number + 1})
        elif key in _templates(lang):
            named.append(_format(lang, key, {}))
        elif f"ladder.{part}" in _templates(lang):
            name = _format(lang, f"ladder.{part}", {})
            named.append(name[:1].lower() + name[1:])
        else:
            named.append(part)
    return _format(lang, "column.of", {}).join(reversed(named))


def _columns(value: Iterable[Any], params: Mapping[str, Any], lang: Lang) -> str:
    return "; ".join(_column(item, params, lang) for item in value)


def _flags(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return ", ".join(_format(lang, f"flag.{flag}", {}) for flag in sorted(value))


def _text(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return value(lang) if isinstance(value, Text | Message) else str(value)


def _date(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    from ..dates import fmt_date

    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return str(value)
    return fmt_date(value) if isinstance(value, date) else str(value)


def _rating(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return _format(lang, f"level.evaluation.{value}", {})


def _discipline(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return _format(lang, f"level.discipline.{value}", {})


def _list(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return ", ".join(_text(item, params, lang) for item in value)


def _or(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return _format(lang, "word.or", {}).join(_text(item, params, lang) for item in value)


def _disciplines(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return ", ".join(_discipline(item, params, lang) for item in value)


def _msg(value: Any, params: Mapping[str, Any], lang: Lang) -> str:
    return render(value, lang) if isinstance(value, Message) else _text(value, params, lang)


def _msgs(value: Iterable[Any], params: Mapping[str, Any], lang: Lang) -> str:
    return "; ".join(_msg(item, params, lang) for item in value)


CONVERTERS: dict[str, Converter] = {
    "level": _level,
    "ladder": _ladder,
    "field": _field,
    "column": _column,
    "columns": _columns,
    "flags": _flags,
    "text": _text,
    "date": _date,
    "rating": _rating,
    "discipline": _discipline,
    "list": _list,
    "or": _or,
    "disciplines": _disciplines,
    "msg": _msg,
    "msgs": _msgs,
}


class _Formatter(string.Formatter):
    def __init__(self, lang: Lang, params: Mapping[str, Any]) -> None:
        self.lang = lang
        self.params = params

    def format_field(self, value: Any, format_spec: str) -> str:
        converter = CONVERTERS.get(format_spec)
        if converter is not None:
            return converter(value, self.params, self.lang)
        if isinstance(value, Text | Message):
            return value(self.lang)
        if isinstance(value, date) and not format_spec:
            return _date(value, self.params, self.lang)
        text: str = super().format_field(value, format_spec)
        return text
