"""The units file as a tree (reading/unittree.py), and units CSV files with typed values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cbcc_standards import AdministrativeUnit
from cbcc_standards.io import InputError, read_units
from cbcc_standards.reading.unittree import check_unit_tree


def unit(code: str, tier: str, parent: str | None = None, kind: str | None = None) -> AdministrativeUnit:
    return AdministrativeUnit(code=code, name=code, tier=tier, parent=parent, kind=kind)


TREE = [
    unit("QN", "province"),
    unit("QN.BS", "district", "QN"),
    unit("QN.BS.BC", "commune", "QN.BS", "xa"),
    unit("QN.BS.CO", "commune", "QN.BS", "thi_tran"),
]


def problems(units: list[AdministrativeUnit], as_of: date | None = None) -> list[tuple[str, tuple[str, ...], str]]:
    return [(p.code, p.units, p.severity) for p in check_unit_tree(units, as_of=as_of)]


def test_a_good_tree_has_no_problem() -> None:
    assert problems(TREE) == []
    assert problems(TREE, date(2025, 6, 30)) == []


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        ([unit("A", "province"), unit("A", "province")], [("duplicate_code", ("A",), "error")]),
        ([unit("A", "commune", "A")], [("self_parent", ("A",), "error")]),
        (
            [unit("A", "district", "B"), unit("B", "district", "C"), unit("C", "district", "A")],
            [
                ("tier_order", ("A", "B"), "error"),
                ("cycle", ("A", "B", "C"), "error"),
                ("tier_order", ("B", "C"), "error"),
                ("tier_order", ("C", "A"), "error"),
            ],
        ),
        ([unit("A", "commune", "B"), unit("B", "commune")], [("tier_order", ("A", "B"), "error")]),
        ([unit("A", "province", "B"), unit("B", "district")], [("tier_order", ("A", "B"), "error")]),
        ([unit("A", "commune", "ZZ")], [("missing_parent", ("A", "ZZ"), "warning")]),
    ],
    ids=["duplicate", "self-parent", "cycle", "commune-under-commune", "province-under-district", "missing-parent"],
)
def test_tree_problems(units: list[AdministrativeUnit], expected: list[tuple[str, tuple[str, ...], str]]) -> None:
    assert problems(units) == expected


def test_tiers_and_kinds_by_date() -> None:
    assert problems(TREE, date(2025, 7, 1)) == [
        ("tier_not_in_force", ("QN.BS", "QN.BS.BC", "QN.BS.CO"), "warning"),
        ("kind_not_in_force", ("QN.BS.CO",), "warning"),
    ]
    two_tier = [unit("QN", "province"), unit("QN.LS", "commune", "QN", "dac_khu"), unit("QN.P", "commune", "QN")]
    assert problems(two_tier, date(2025, 7, 1)) == []
    assert problems(two_tier, date(2025, 6, 30)) == [
        ("kind_not_in_force", ("QN.LS",), "warning"),
        ("commune_under_province", ("QN.LS", "QN"), "warning"),
        ("commune_under_province", ("QN.P", "QN"), "warning"),
    ]


def test_messages_name_the_units_in_both_languages() -> None:
    (cycle,) = [p for p in check_unit_tree([unit("A", "commune", "B"), unit("B", "commune", "A")]) if p.code == "cycle"]
    assert cycle.message("en") == "units are each other's parents in a cycle: A → B → A"
    assert cycle.message("vi").startswith("các đơn vị là cấp trên của nhau")
    assert str(cycle) == cycle.message("en")


def test_units_csv_values_are_coerced(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "code;name;tier;kind;parent;commune_class;area_flags\n"
        "QN;Tỉnh Quảng Ngãi;Tỉnh;;;;\n"
        "QN.BS;Huyện Bình Sơn;district;;QN;;\n"
        "QN.BS.BC;Xã Bình Châu;commune;Xã;QN.BS;2;hai_dao, Miền núi\n"
        "QN.BS.BH;Xã Bình Hải;commune;xa;QN.BS;Loại III;\n",
        encoding="utf-8",
    )
    units = {u.code: u for u in read_units(path)}
    assert units["QN"].tier == "province"
    assert (units["QN.BS.BC"].commune_class, units["QN.BS.BC"].kind) == (2, "xa")
    assert units["QN.BS.BC"].area_flags == {"hai_dao", "mien_nui"}
    assert units["QN.BS.BH"].commune_class == 3


def test_a_units_file_that_is_not_a_tree_stops_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "units.json"
    path.write_text(
        '[{"code": "A", "name": "A", "tier": "commune", "parent": "B"},'
        ' {"code": "B", "name": "B", "tier": "commune", "parent": "A"}]',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_units(path, lang="en")
    message = str(info.value)
    assert "\n" not in message
    assert "cycle: A → B → A" in message
    duplicate = tmp_path / "dup.jsonl"
    duplicate.write_text('{"code": "A", "name": "A", "tier": "province"}\n' * 2, encoding="utf-8")
    with pytest.raises(InputError, match="unit code 'A' appears 2 times"):
        read_units(duplicate, lang="en")
