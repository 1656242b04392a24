"""The catalogue of titles (chức danh, chức vụ) and ranks (ngạch), with the period each exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ._text import slugify
from .law import LegalBasis, Period
from .types import Category
from .units import Tier

__all__ = ["Filling", "Title", "TitleCatalogue", "UnknownTitleError"]

Filling = Literal["elected", "appointed", "recruited"]
"""How a post is filled."""


class UnknownTitleError(ValueError):
    """A title code or name the catalogue does not know. ``code`` is stable for tests and tooling."""

    code = "unknown_title"


class Title(BaseModel):
    """A title or rank: ``code`` is ``<tier>.<slug>`` (``commune.tai_chinh_ke_toan``, ``rank.01.003``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[a-z]+\.[a-z0-9_.]+$")
    name_vi: str
    name_en: str
    tier: Tier | None
    """Tier of government; None for ranks, which exist at every tier."""
    category: Category
    leadership: bool = False
    filled_by: Filling | None = None
    """How the post is filled: by election (bầu cử), appointment (bổ nhiệm) or recruitment (tuyển dụng); None for
    ranks. Appointment conditions apply to appointed posts."""
    valid: Period = Period()
    """When the title exists in law."""
    basis: LegalBasis | None = None
    """The act that lists the title."""
    ended_by: LegalBasis | None = None
    """The act that ended the title as such, when ``valid`` has an end."""
    successor: str | None = None
    """From the day after ``valid`` ends, an official still holding this title is read as holding ``successor`` (a
    pre-2025 commune civil-servant title is read as a commune civil servant not yet placed in a job position)."""
    aliases: tuple[str, ...] = ()
    """Other Vietnamese wordings that records use for the title."""

    def name(self, lang: str = "vi") -> str:
        """The title's name in Vietnamese (``vi``) or English (``en``)."""
        return self.name_vi if lang == "vi" else self.name_en


class TitleCatalogue:
    """Titles by code, resolvable from their code, Vietnamese name or an alias in any spelling."""

    def __init__(self, titles: Iterable[Title] = ()) -> None:
        self._by_code: dict[str, Title] = {}
        self._lookup: dict[str, str] = {}
        for title in titles:
            self.add(title)

    def add(self, title: Title) -> None:
        """Add a title; a second title with the same code or name is an error."""
        if title.code in self._by_code:
            raise ValueError(f"title {title.code!r} is registered twice")
        self._by_code[title.code] = title
        for spelling in (title.code, title.name_vi, *title.aliases):
            key = slugify(spelling)
            other = self._lookup.get(key)
            if other is not None and other != title.code:
                raise ValueError(f"title name {spelling!r} of {title.code!r} already names {other!r}")
            self._lookup[key] = title.code

    def resolve(self, text: Any) -> str:
        """The code of the title named by ``text`` (code, Vietnamese name or alias); else :class:`UnknownTitleError`."""
        if isinstance(text, str):
            if text in self._by_code:
                return text
            code = self._lookup.get(slugify(text))
            if code is not None:
                return code
        raise UnknownTitleError(f"unknown title {text!r}")

    def copy(self) -> TitleCatalogue:
        """A shallow copy."""
        other = TitleCatalogue()
        other._by_code = dict(self._by_code)
        other._lookup = dict(self._lookup)
        return other

    def get(self, code: str) -> Title | None:
        """The title with this code, or None."""
        return self._by_code.get(code)

    def __getitem__(self, code: str) -> Title:
        return self._by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Title]:
        return iter(sorted(self._by_code.values(), key=lambda t: t.code))

    def __len__(self) -> int:
        return len(self._by_code)
