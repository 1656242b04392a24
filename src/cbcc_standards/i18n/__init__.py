"""Words at the edges: one message catalogue for findings, reports, the command line and the rule catalogue.

Code produces a :class:`Message` (a stable key and language-neutral parameters: level codes, dates, numbers); the
catalogue renders it in a :class:`Lang`. Languages are data (``i18n/vi.py``, ``i18n/en.py``: one template per key);
a test keeps their keys and placeholders identical. The language is validated once, at the edge
(:meth:`Lang.parse`).

Templates use ``str.format`` fields with an optional converter after the colon, applied to the parameter:
``{actual:level}`` (a level code on the ladder named by the ``ladder`` parameter), ``{day:date}`` (dd/mm/yyyy),
``{ladder:ladder}``, ``{flags:flags}``, ``{field:field}``, ``{name:text}`` (a bilingual :class:`Text`),
``{rating:rating}``, ``{form:discipline}``, ``{items:list}``, ``{inner:msg}`` (a nested message).
"""

from __future__ import annotations

from ._catalogue import Lang, Message, Text, UnknownLanguageError, has, render, t

__all__ = ["Lang", "Message", "Text", "UnknownLanguageError", "has", "render", "t"]
