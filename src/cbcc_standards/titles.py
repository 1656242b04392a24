"""The catalogue of titles (chức danh, chức vụ) and ranks (ngạch), with the period each exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
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
    listed_by: tuple[LegalBasis, ...] = ()
    """Later acts that list the title again (e.g. ND 33/2023 Art 5, then Law 80/2025 for a commune cadre post), each
    over its own effective period; :meth:`basis_on` cites the one in force on a date."""
    ended_by: LegalBasis | None = None
    """The act that ended the title as such, when ``valid`` has an end."""
    successor: str | None = None
    """From the day after ``valid`` ends, an official still holding this title is read as holding ``successor`` (a
    pre-2025 commune civil-servant title is read as a commune civil servant not yet placed in a job position)."""
    aliases: tuple[str, ...] = ()
    """Other Vietnamese wordings that records use for the title."""

    def basis_on(self, day: date) -> LegalBasis | None:
        """The act listing the title on ``day``: of :attr:`basis` and :attr:`listed_by`, the latest to take effect
        among those in force that day; None when none is (nothing is cited rather than an act not in force)."""
        in_force = [b for b in (self.basis, *self.listed_by) if b is not None and b.effective.contains(day)]
        if not in_force:
            return None
        return max(in_force, key=lambda b: b.effective.start or date.min)

    def name(self, lang: str = "vi") -> str:
        """The title's name in Vietnamese (``vi``) or English (``en``)."""
        return self.name_vi if lang == "vi" else self.name_en


_ABBREVIATIONS = {
    "ubnd": "uy_ban_nhan_dan",
    "hdnd": "hoi_dong_nhan_dan",
    "ubmttq": "uy_ban_mat_tran_to_quoc",
    "mttq": "mat_tran_to_quoc",
    "bchqs": "ban_chi_huy_quan_su",
    "chqs": "chi_huy_quan_su",
    "hlhpn": "hoi_lien_hiep_phu_nu",
    "lhpn": "lien_hiep_phu_nu",
    "ccb": "cuu_chien_binh",
    "tncs": "thanh_nien_cong_san",
    "tn": "thanh_nien",
    "pvhcc": "phuc_vu_hanh_chinh_cong",
    "vp": "van_phong",
    "ct": "chu_tich",
    "pct": "pho_chu_tich",
    "pbt": "pho_bi_thu",
    "gd": "giam_doc",
    "pgd": "pho_giam_doc",
    "cv": "chuyen_vien",
    "cvc": "chuyen_vien_chinh",
    "cvcc": "chuyen_vien_cao_cap",
}
"""Abbreviations records use in titles, spelled out before comparing."""

_FILLERS = (
    "_viet_nam",
    "_thanh_nien_cong_san_ho_chi_minh",
    "_ho_chi_minh",
    "_thanh_nien",
    "_ban_chi_huy",
    "_ban",
    "_uy_ban_mat_tran",
    "_lien_hiep",
)
"""Words that some records write and others leave out, none of which tells two titles apart."""

_LOCALITY = ("_cap_xa", "_xa", "_phuong", "_thi_tran", "_dac_khu")
_LEADING = ("cong_chuc_", "can_bo_", "chuc_danh_", "chuc_vu_")
_SOURCE_DEPARTMENT = ("giam_doc_so", "pho_giam_doc_so")


def _canonical(slug: str) -> str:
    """A title's slug with its abbreviations spelled out and the words records add or drop removed: "Chủ tịch Ủy
    ban nhân dân xã", "Chủ tịch UBND" and "CT UBND xã" compare equal where they name one title; "Giám đốc Sở Nội vụ"
    reads as "Giám đốc Sở"."""
    words = "_".join(_ABBREVIATIONS.get(w, w) for w in slug.split("_"))
    words = f"_{words}_"
    for filler in _FILLERS:
        words = words.replace(filler + "_", "_")
    words = words.strip("_")
    for lead in _LEADING:
        if words.startswith(lead) and "_" + words[len(lead) :] not in _LOCALITY:
            words = words[len(lead) :]
    for tail in _LOCALITY:
        if words.endswith(tail):
            words = words[: -len(tail)]
            break
    if words in ("cong_chuc", "can_bo"):
        return slug  # a category alone names no title
    for head in _SOURCE_DEPARTMENT:
        if words.startswith(head + "_"):
            return head
    return words


class TitleCatalogue:
    """Titles by code, resolvable from their code, Vietnamese name or an alias in any spelling; failing that, from
    the same wording with abbreviations spelled out and the words records add or drop ("công chức", "xã", "Việt
    Nam") removed, when that names one title only."""

    def __init__(self, titles: Iterable[Title] = ()) -> None:
        self._by_code: dict[str, Title] = {}
        self._lookup: dict[str, str] = {}
        self._loose: dict[str, str | None] = {}
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
            loose = _canonical(key)
            if loose and self._loose.get(loose, title.code) != title.code:
                self._loose[loose] = None  # two titles read alike: neither is guessed
            else:
                self._loose[loose] = title.code

    def resolve(self, text: Any) -> str:
        """The code of the title named by ``text`` (code, Vietnamese name or alias); else :class:`UnknownTitleError`."""
        if isinstance(text, str):
            if text in self._by_code:
                return text
            key = slugify(text)
            code = self._lookup.get(key) or self._loose.get(_canonical(key))
            if code is not None:
                return code
        raise UnknownTitleError(f"unknown title {text!r}")

    def copy(self) -> TitleCatalogue:
        """A shallow copy."""
        other = TitleCatalogue()
        other._by_code = dict(self._by_code)
        other._lookup = dict(self._lookup)
        other._loose = dict(self._loose)
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
