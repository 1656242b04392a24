"""The units file as a tree: duplicate codes, self-parents, cycles, missing parents, tier order, and tiers or kinds
that do not exist on a date (the district tier ends on 30/06/2025; from 01/07/2025 the tree is province → commune,
and commune-level units are xã, phường and đặc khu: legal-sources.md §0 and §9.0 [H])."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from .._text import slugify
from ..dates import fmt_date
from ..law.sources import LAW_80_2025
from ..results import Text
from ..units import AdministrativeUnit, Tier, UnitKind
from .messages import message

__all__ = ["TWO_TIER_FROM", "UnitProblem", "check_unit_tree", "coerce_unit_row"]

TWO_TIER_FROM: date = LAW_80_2025.effective.start or date.max
"""First day of the two-tier local government: no district tier; communes, wards and special zones under the
province (legal-sources.md §0 and §9.0 [H]; architecture.md: the district tier ends on 30/06/2025)."""

_RANK = {Tier.PROVINCE: 0, Tier.DISTRICT: 1, Tier.COMMUNE: 2}
_KINDS_TWO_TIER = frozenset({UnitKind.XA, UnitKind.PHUONG, UnitKind.DAC_KHU})


@dataclass(frozen=True, slots=True)
class UnitProblem:
    """One problem with the units tree: a stable ``code``, the units it names, whether the run can honestly go on
    (``warning``) or not (``error``), and the message in both languages."""

    code: str
    units: tuple[str, ...]
    severity: Literal["error", "warning"]
    message: Text

    def __str__(self) -> str:
        return self.message("en")


def _problem(key: str, units: tuple[str, ...], severity: Literal["error", "warning"], **params: Any) -> UnitProblem:
    text = Text(vi=message(key, "vi", **params), en=message(key, "en", **params))
    return UnitProblem(key.removeprefix("units."), units, severity, text)


def check_unit_tree(units: Iterable[AdministrativeUnit], *, as_of: date | None = None) -> list[UnitProblem]:
    """The problems of a units tree, errors first: duplicate codes, self-parents, cycles and tier order are
    errors; a missing parent is a warning (the unit's chain is unknown, the run can go on). With ``as_of``, units of
    a tier or kind that does not exist that day are warnings too: a district unit (or a commune under one) from
    01/07/2025, a ``thi_tran`` from that day, a ``dac_khu`` before it, a commune directly under a province before it.
    """
    listed = list(units)
    problems: list[UnitProblem] = []
    counts: dict[str, int] = {}
    for unit in listed:
        counts[unit.code] = counts.get(unit.code, 0) + 1
    for code, count in counts.items():
        if count > 1:
            problems.append(_problem("units.duplicate_code", (code,), "error", code=code, count=count))
    by_code: dict[str, AdministrativeUnit] = {}
    for unit in listed:
        by_code.setdefault(unit.code, unit)
    problems += _links(by_code)
    if as_of is not None:
        problems += _in_force(by_code, as_of)
    problems.sort(key=lambda p: p.severity != "error")
    return problems


def _links(by_code: Mapping[str, AdministrativeUnit]) -> list[UnitProblem]:
    problems: list[UnitProblem] = []
    reported: set[str] = set()
    for code, unit in by_code.items():
        parent = unit.parent
        if parent is None:
            continue
        if parent == code:
            problems.append(_problem("units.self_parent", (code,), "error", code=code))
            continue
        above = by_code.get(parent)
        if above is None:
            problems.append(_problem("units.missing_parent", (code, parent), "warning", code=code, parent=parent))
            continue
        if _RANK[above.tier] >= _RANK[unit.tier]:
            problems.append(
                _problem(
                    "units.tier_order",
                    (code, parent),
                    "error",
                    code=code,
                    tier=unit.tier.value,
                    parent=parent,
                    parent_tier=above.tier.value,
                )
            )
        chain = [code]
        seen = {code}
        current: AdministrativeUnit | None = unit
        while current is not None and current.parent is not None and current.parent != current.code:
            nxt = current.parent
            if nxt in seen:
                cycle = [*chain[chain.index(nxt) :], nxt]
                key = min(cycle[:-1])
                if key not in reported:
                    reported.update(cycle)
                    text = " → ".join(cycle)
                    problems.append(_problem("units.cycle", tuple(cycle[:-1]), "error", chain=text))
                break
            seen.add(nxt)
            chain.append(nxt)
            current = by_code.get(nxt)
    return problems


def _in_force(by_code: Mapping[str, AdministrativeUnit], as_of: date) -> list[UnitProblem]:
    problems: list[UnitProblem] = []
    day, when = fmt_date(TWO_TIER_FROM), fmt_date(as_of)
    two_tier = as_of >= TWO_TIER_FROM
    for code, unit in by_code.items():
        if two_tier and unit.tier is Tier.DISTRICT:
            children = sorted(c for c, u in by_code.items() if u.parent == code)
            shown = f": {', '.join(children[:5])}{' …' if len(children) > 5 else ''}" if children else ""
            problems.append(
                _problem("units.tier_not_in_force", (code, *children), "warning", code=code, as_of=when, children=shown)
            )
        if unit.kind is not None and unit.tier is Tier.COMMUNE:
            allowed = _KINDS_TWO_TIER if two_tier else frozenset(UnitKind) - {UnitKind.DAC_KHU}
            if unit.kind not in allowed:
                problems.append(
                    _problem(
                        "units.kind_not_in_force",
                        (code,),
                        "warning",
                        code=code,
                        kind=unit.kind.value,
                        as_of=when,
                        day=day,
                    )
                )
        parent = by_code.get(unit.parent) if unit.parent else None
        if not two_tier and unit.tier is Tier.COMMUNE and parent is not None and parent.tier is Tier.PROVINCE:
            problems.append(
                _problem(
                    "units.commune_under_province",
                    (code, parent.code),
                    "warning",
                    code=code,
                    parent=parent.code,
                    day=day,
                )
            )
    return problems


# -- coercion of units rows read from CSV (every value a string) ----------------------------------------------

_TIERS = {
    slugify(k): v
    for k, v in {
        "tỉnh": "province",
        "thành phố trực thuộc trung ương": "province",
        "cấp tỉnh": "province",
        "huyện": "district",
        "quận": "district",
        "thị xã": "district",
        "thành phố thuộc tỉnh": "district",
        "cấp huyện": "district",
        "xã": "commune",
        "cấp xã": "commune",
    }.items()
}
_UNIT_KINDS = {
    slugify(k): v for k, v in {"xã": "xa", "phường": "phuong", "thị trấn": "thi_tran", "đặc khu": "dac_khu"}.items()
}
_FLAGS = {
    slugify(k): v
    for k, v in {
        "miền núi": "mien_nui",
        "vùng cao": "vung_cao",
        "biên giới": "bien_gioi",
        "hải đảo": "hai_dao",
        "xã đảo": "xa_dao",
        "vùng sâu": "vung_sau",
        "vùng xa": "vung_xa",
        "vùng dân tộc thiểu số": "vung_dtts",
        "vùng đặc biệt khó khăn": "vung_dbkk",
        "đặc biệt khó khăn": "vung_dbkk",
    }.items()
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3}


def coerce_unit_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A units row whose values came as text (CSV) with the model's types: empty cells dropped, ``commune_class``
    ``"2"`` / ``"2.0"`` / ``"Loại II"`` as 2, ``area_flags`` split on ``;`` or ``,``, Vietnamese names of tiers,
    kinds and flags as their codes. A value it cannot coerce is passed on for validation to reject."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key is None:
            continue
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        if key == "commune_class" and isinstance(value, str):
            slug = slugify(value).removeprefix("loai_")
            if slug.replace(".0", "", 1).isdigit():
                value = int(float(slug))
            elif slug in _ROMAN:
                value = _ROMAN[slug]
        elif key == "area_flags" and isinstance(value, str):
            parts = [p.strip() for p in value.replace(",", ";").split(";") if p.strip()]
            value = [_FLAGS.get(slugify(p), p) for p in parts]
        elif key == "tier" and isinstance(value, str):
            value = _TIERS.get(slugify(value), value)
        elif key == "kind" and isinstance(value, str):
            value = _UNIT_KINDS.get(slugify(value), value)
        out[key] = value
    return out
