"""Text normalisation for the spellings found in real Vietnamese records."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["slugify"]

_NON_WORD = re.compile(r"[^a-z0-9/]+")


@lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """Fold a Vietnamese label to an ASCII slug: ``"Đại học"`` → ``"dai_hoc"``.

    NFC and NFD input give the same slug; ``đ``/``Đ`` become ``d``; runs of spaces and punctuation
    (``-``, ``–``, ``.``, ``,``) become one ``_``. The slash is kept so that ``"12/12"`` survives.
    """
    decomposed = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub("_", ascii_only).strip("_")
