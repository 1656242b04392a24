"""Quality statistics (BM01/BNV, BM02/BNV), the retirement horizon, the forms as spreadsheets, the review's new
sections, and the ``stats`` / ``retirements`` commands.

The counts on the examples are checked against counts computed here by hand from the roster files (per unit and in
total), and against a few totals written out by hand.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from cbcc_standards import Engine, load_registry
from cbcc_standards.cli import main
from cbcc_standards.dates import add_months, age_on, retirement_date
from cbcc_standards.io import RosterFile, read_units
from cbcc_standards.officials import Official
from cbcc_standards.report import review_document
from cbcc_standards.report.quality import (
    RANK_BANDS,
    QualityCounter,
    age_band_keys,
    quality_statistics,
)
from cbcc_standards.report.retirements import parse_months, retirement_horizon

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {
    "2021": (ROOT / "examples" / "quang-ngai-2021", date(2021, 12, 31)),
    "2026": (ROOT / "examples" / "quang-ngai-2026", date(2026, 6, 30)),
}
REGISTRY = load_registry()


def officials_of(example: str) -> tuple[Engine, list[Official]]:
    folder, _ = EXAMPLES[example]
    engine = Engine(REGISTRY, units=read_units(folder / "units.json"))
    rows = engine.validate_roster(RosterFile(folder / "roster.json"))
    return engine, [row for row in rows if isinstance(row, Official)]


# -- counting by hand ------------------------------------------------------------------------------------------

_GENERAL = {"thpt": "thpt", "12/12": "thpt", "thcs": "thcs", "9/12": "thcs"}
_PROFESSIONAL = {"Đại học": "dai_hoc"}


def _birth(text: str | None) -> date | None:
    if text is None:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", text):
        return date(int(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d\d)/(\d{4})", text):
        return date(int(m[2]), int(m[1]), 1)
    return date(int(text), 1, 1)


def _by_hand(row: dict[str, Any], as_of: date) -> dict[str, str]:
    """The column of each group, read from the raw row with nothing but this test's own reading."""
    quals = row.get("qualifications")
    kinds: dict[str, list[str]] = {}
    for q in quals or []:
        kinds.setdefault(q["kind"], []).append(q["level"])
    order = ["so_cap", "trung_cap", "cao_dang", "dai_hoc", "thac_si", "tien_si"]

    def top(kind: str, mapping: dict[str, str], ladder: list[str]) -> str:
        if quals is None:
            return "unknown"
        levels = [mapping.get(level, level) for level in kinds.get(kind, [])]
        return max(levels, key=ladder.index) if levels else "none"

    it_degree = any(
        q["kind"] == "professional" and any(w in (q.get("field") or "") for w in ("công nghệ thông tin", "tin học"))
        for q in quals or []
    )
    birth = _birth(row.get("birth_date"))
    if birth is None:
        age = "unknown"
    elif as_of > retirement_date(row["gender"], birth):
        age = "over_retirement"
    else:
        years = (as_of.year - birth.year) - ((as_of.month, as_of.day) < (birth.month, birth.day))
        age = "to_30" if years <= 30 else "31_40" if years <= 40 else "41_50" if years <= 50 else "51_60"
    category = {"Công chức": "cong_chuc"}.get(row.get("category"), row.get("category"))
    if category is None:
        title = REGISTRY.titles[REGISTRY.titles.resolve(row["title"])]
        category = title.category.value
    ethnicity = row.get("ethnicity")
    return {
        "gender": row["gender"],
        "ethnicity": "unknown" if ethnicity is None else ("kinh" if ethnicity == "Kinh" else "minority"),
        "category": category,
        "professional": top("professional", _PROFESSIONAL, order),
        "general_education": top("general_education", _GENERAL, ["tieu_hoc", "thcs", "thpt"]),
        "political_theory": top("political_theory", {}, ["so_cap", "trung_cap", "cao_cap"]),
        "it": "unknown"
        if quals is None
        else "trung_cap_plus"
        if it_degree
        else "certificate"
        if "it" in kinds
        else "none",
        "age": age,
        "party": "unknown",
        "religion": "unknown",
        "rank": "unknown",
        "rotation": "unknown",
    }


def hand_counts(example: str) -> tuple[dict[str | None, Counter[str]], Counter[str]]:
    """Counts per unit (rolled up through the parents of the units file) and in total, by hand."""
    folder, as_of = EXAMPLES[example]
    _, valid = officials_of(example)
    ids = {o.id for o in valid}
    parents = {u["code"]: u.get("parent") for u in json.loads((folder / "units.json").read_text(encoding="utf-8"))}
    per_unit: dict[str | None, Counter[str]] = {}
    total: Counter[str] = Counter()
    for row in json.loads((folder / "roster.json").read_text(encoding="utf-8")):
        if row["id"] not in ids:
            continue  # a row the reader rejects (an impossible date) is counted nowhere
        counts = Counter({"total": 1, **{f"{g}.{c}": 1 for g, c in _by_hand(row, as_of).items()}})
        total.update(counts)
        unit = row["unit"] if row["unit"] in parents else None
        while True:
            per_unit.setdefault(unit, Counter()).update(counts)
            if unit is None or parents.get(unit) is None:
                break
            unit = parents[unit]
    return per_unit, total


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_quality_counts_match_the_counts_by_hand_per_unit_and_in_total(example: str) -> None:
    engine, valid = officials_of(example)
    stats = quality_statistics(valid, EXAMPLES[example][1], engine.units, REGISTRY.titles)
    per_unit, total = hand_counts(example)
    assert set(stats.units) == set(per_unit)
    for code, expected in [*per_unit.items(), ("*total*", total)]:
        got = stats.row(stats.total if code == "*total*" else stats.units[code])
        for key, count in expected.items():
            assert got[key] == count, (example, code, key)


WRITTEN_BY_HAND = [
    # example, column, count
    ("2021", "total", 35),  # 36 rows, QN-0033 rejected (31/02/1980)
    ("2021", "gender.female", 11),
    ("2021", "category.can_bo", 9),
    ("2021", "professional.dai_hoc", 17),
    ("2021", "professional.thac_si", 2),
    ("2021", "professional.unknown", 1),  # QN-0010: qualifications not given
    ("2021", "political_theory.cao_cap", 3),
    ("2021", "general_education.thcs", 1),  # "9/12"
    ("2021", "age.51_60", 4),
    ("2021", "age.men_56_60", 1),  # QN-0013, born 12/1965
    ("2021", "age.over_retirement", 1),  # QN-0031, woman born 06/1966: retired 31/10/2021 (55 years 4 months)
    ("2021", "age.unknown", 1),
    ("2026", "total", 25),
    ("2026", "gender.female", 11),
    ("2026", "ethnicity.minority", 6),  # H'rê ×3, Ca Dong, Xơ Đăng, Gia Rai
    ("2026", "ethnicity.unknown", 1),
    ("2026", "professional.dai_hoc", 13),
    ("2026", "professional.trung_cap", 8),
    ("2026", "professional.cao_dang", 3),
    ("2026", "political_theory.cao_cap", 3),
    ("2026", "age.over_retirement", 1),  # QN26-025, kept past the retirement age
]


@pytest.mark.parametrize(("example", "column", "count"), WRITTEN_BY_HAND)
def test_quality_totals_written_by_hand(example: str, column: str, count: int) -> None:
    engine, valid = officials_of(example)
    stats = quality_statistics(valid, EXAMPLES[example][1], engine.units, REGISTRY.titles)
    assert stats.row(stats.total)[column] == count


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_every_group_reconciles_with_the_total_in_every_unit(example: str) -> None:
    engine, valid = officials_of(example)
    stats = quality_statistics(valid, EXAMPLES[example][1], engine.units, REGISTRY.titles)
    for counts in [*stats.units.values(), stats.total]:
        for group in stats.groups:
            assert sum(counts[f"{group.key}.{c}"] for c in group.columns) == counts["total"], group.key
        assert stats.reconciles(counts)
    # the unknowns are visible, with the ids behind them
    assert stats.row(stats.total)["party.unknown"] == stats.total["total"] == len(stats.unknown["party"])


# -- every column on a small roster ----------------------------------------------------------------------------

AS_OF = date(2026, 6, 30)


def person(id_: str, **fields: Any) -> Official:
    base: dict[str, Any] = {"id": id_, "gender": "male", "birth_date": "1986-01-01", "qualifications": []}
    return Official.model_validate(base | fields, context={"titles": REGISTRY.titles})


def q(kind: str, level: str | None, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "level": level, **extra}


COLUMNS = [
    # person fields, group, expected column
    ({"party_joined_on": "2010-05-19"}, "party", "member"),
    ({"party_member": False}, "party", "not_member"),
    ({}, "party", "unknown"),
    ({"religion": "Phật giáo"}, "religion", "religious"),
    ({"religion": "Không"}, "religion", "none"),
    ({"ethnicity": "Hrê"}, "ethnicity", "minority"),
    ({"ethnicity": "Kinh (Việt)"}, "ethnicity", "kinh"),
    ({"category": "cong_chuc"}, "category", "cong_chuc"),
    ({"title": "commune.bi_thu"}, "category", "can_bo"),  # from the title
    ({"category": "vien_chuc"}, "category", "other"),
    ({}, "category", "unknown"),
    ({"rank_code": "01.001"}, "rank", "cvcc"),
    ({"rank_code": "01.002"}, "rank", "cvc"),
    ({"rank_code": "06.031"}, "rank", "cv"),  # kế toán viên ≈ chuyên viên
    ({"rank_code": "01.004"}, "rank", "can_su"),
    ({"rank_code": "01.005"}, "rank", "nhan_vien"),
    ({"rank_code": "99.999"}, "rank", "unknown"),  # not in the table: never guessed
    ({"qualifications": [q("professional", "thac_si"), q("professional", "dai_hoc")]}, "professional", "thac_si"),
    ({"qualifications": [q("professional", "Tiến sĩ Luật")]}, "professional", "tien_si"),
    ({"qualifications": []}, "professional", "none"),
    ({"qualifications": None}, "professional", "unknown"),
    ({"qualifications": [q("professional", None, raw="bằng gì đó")]}, "professional", "unknown"),
    ({"qualifications": [q("general_education", "7/10")]}, "general_education", "thcs"),
    ({"qualifications": [q("general_education", "tieu_hoc")]}, "general_education", "tieu_hoc"),
    ({"qualifications": [q("political_theory", "Cử nhân chính trị")]}, "political_theory", "cu_nhan"),
    ({"qualifications": [q("political_theory", "Cao cấp LLCT")]}, "political_theory", "cao_cap"),
    ({"qualifications": [q("political_theory", "so_cap")]}, "political_theory", "so_cap"),
    ({"qualifications": [q("professional", "Kỹ sư công nghệ thông tin")]}, "it", "trung_cap_plus"),
    ({"qualifications": [q("it", "Chứng chỉ B tin học")]}, "it", "certificate"),  # old A/B/C
    ({"qualifications": [q("it", "co_ban")]}, "it", "certificate"),
    ({"qualifications": [q("professional", "Cử nhân tiếng Anh")]}, "english", "degree"),
    ({"qualifications": [q("foreign_language", "Anh B")]}, "english", "certificate"),
    ({"qualifications": [q("foreign_language", "Anh B")]}, "other_language", "none"),
    ({"qualifications": [q("foreign_language", "Tiếng Pháp B1")]}, "other_language", "certificate"),
    ({"qualifications": [q("foreign_language", "Tiếng Pháp B1")]}, "english", "none"),
    ({"qualifications": [q("foreign_language", "bac_3")]}, "english", "unknown"),  # the language is not written
    ({"qualifications": [q("foreign_language", "bac_3")]}, "other_language", "unknown"),
    ({"qualifications": [{"kind": "ethnic_language", "raw": "Hrê"}]}, "ethnic_language", "certificate"),
    ({"qualifications": [q("state_management", "CVC")]}, "state_management", "cvc"),
    ({"qualifications": [q("state_management", "chuyen_vien_cao_cap")]}, "state_management", "cvcc"),
    ({"rotated": True}, "rotation", "rotated"),
    ({"rotated": False}, "rotation", "not_rotated"),
    ({"birth_date": "2000-06-30"}, "age", "to_30"),  # 26
    ({"birth_date": "1995-07-01"}, "age", "to_30"),  # 30 the day before the 31st birthday
    ({"birth_date": "1995-06-30"}, "age", "31_40"),
    ({"birth_date": "1976-01-01"}, "age", "41_50"),
    ({"birth_date": "1972-01-01", "gender": "female"}, "age", "51_60"),  # 54: retires in 2028
    ({"birth_date": "1969-01-01", "gender": "female"}, "age", "over_retirement"),  # retired 31/08/2025
    ({"birth_date": "1964-10-01"}, "age", "over_retirement"),  # man, retired 30/04/2026 (61 years 6 months)
    ({"birth_date": "1965-02-01"}, "age", "above_60"),  # man of 61 who retires 31/08/2026
    ({"birth_date": None}, "age", "unknown"),
    ({"birth_date": "1976-01-01", "gender": None}, "age", "41_50"),  # far from either retirement age
    ({"birth_date": "1968-01-01", "gender": None}, "age", "unknown"),  # retired if a woman, not if a man
]


@pytest.mark.parametrize(("fields", "group", "column"), COLUMNS)
def test_each_column_of_the_forms(fields: dict[str, Any], group: str, column: str) -> None:
    counter = QualityCounter(AS_OF, titles=REGISTRY.titles)
    official = person("X", **fields)
    assert counter.columns(official)[group] == column
    counter.add(official)
    stats = counter.result()
    assert stats.row(stats.total)[f"{group}.{column}"] == 1
    assert stats.reconciles(stats.total)
    if column == "unknown":
        assert stats.unknown[group] == ["X"]


def test_the_forms_of_which_columns_and_configurable_bands() -> None:
    people = [
        person("W53", gender="female", birth_date="1973-01-01"),
        person("M57", gender="male", birth_date="1969-01-01"),
        person("M52", gender="male", birth_date="1974-01-01"),
    ]
    stats = quality_statistics(people, AS_OF)
    total = stats.row(stats.total)
    assert (total["age.51_60"], total["age.women_51_55"], total["age.men_56_60"]) == (3, 1, 1)
    party = quality_statistics(people, AS_OF, age_bands=(30, 35, 40, 45, 50, 55, 60))
    assert next(g for g in party.groups if g.key == "age").columns[:3] == ("to_30", "31_35", "36_40")
    assert party.row(party.total)["age.51_55"] == 2
    assert age_band_keys((30, 40)) == ("to_30", "31_40", "above_40")
    with pytest.raises(ValueError, match="increasing"):
        QualityCounter(AS_OF, age_bands=(40, 30))


def test_the_rank_table_keeps_the_administrative_ranks() -> None:
    assert [RANK_BANDS[f"01.00{n}"] for n in range(1, 6)] == ["cvcc", "cvc", "cv", "can_su", "nhan_vien"]


def test_a_form_counts_its_tier_and_lists_the_others() -> None:
    engine, valid = officials_of("2021")
    bm02 = quality_statistics(valid, EXAMPLES["2021"][1], engine.units, REGISTRY.titles, form="bm02")
    bm01 = quality_statistics(valid, EXAMPLES["2021"][1], engine.units, REGISTRY.titles, form="bm01")
    assert bm02.total["total"] + bm01.total["total"] == len(valid)
    assert sorted(bm01.excluded) == sorted(o.id for o in valid if not o.title or not o.title.startswith("district."))
    assert sorted(bm02.excluded) == ["QN-0035", "QN-0036"]  # the district chairs


# -- the retirement horizon ------------------------------------------------------------------------------------


def born_for(gender: str, retiring_on: date) -> date:
    """A birth date whose normal retirement date on the roadmap is ``retiring_on`` (searched month by month)."""
    for months in range(0, 12 * 20):
        birth = add_months(date(1955, 1, 1), months)
        if retirement_date(gender, birth) == retiring_on:
            return birth
    raise AssertionError(f"no {gender} birth retires on {retiring_on}")


BOUNDARIES = [
    # as_of, window, gender, retirement date, in the window? (On the roadmap nobody retires in January to March
    # (men) or April (women) of 2026–2028: the age rises by 3 or 4 months a year, so those months are skipped.)
    (date(2026, 5, 31), 24, "male", date(2028, 5, 31), True),  # exactly the window's last day
    (date(2026, 5, 31), 24, "male", date(2028, 6, 30), False),  # a month later
    (date(2026, 5, 31), 24, "female", date(2028, 5, 31), True),
    (date(2026, 5, 31), 24, "female", date(2028, 6, 30), False),
    (date(2026, 5, 15), 24, "female", date(2028, 5, 31), False),  # the window ends 15/05/2028
    (date(2026, 5, 31), 24, "male", date(2026, 5, 31), True),  # retiring on the review date itself
    (date(2026, 6, 30), 12, "male", date(2027, 6, 30), True),
    (date(2026, 6, 30), 12, "male", date(2027, 7, 31), False),
]


@pytest.mark.parametrize(("as_of", "within", "gender", "retiring", "inside"), BOUNDARIES)
def test_the_retirement_window_at_its_boundary_months(
    as_of: date, within: int, gender: str, retiring: date, inside: bool
) -> None:
    birth = born_for(gender, retiring)
    official = person("R", gender=gender, birth_date=birth.isoformat(), title="commune.bi_thu", unit="U")
    horizon = retirement_horizon([official], as_of, within)
    assert horizon.until == add_months(as_of, within)
    assert [r.id for r in horizon.people] == (["R"] if inside else [])
    if inside:
        assert horizon.people[0].retirement_date == retiring
        assert horizon.people[0].pension_from == date(retiring.year + retiring.month // 12, retiring.month % 12 + 1, 1)
    assert horizon.per_year.get(retiring.year, 0) == (1 if retiring.year < as_of.year + 5 else 0)


def test_the_horizon_follows_the_roadmap_not_55_60() -> None:
    # A woman born 04/1969: 31/12/2025 on the roadmap (56 years 8 months), not 30/04/2024 at a fixed 55.
    official = person("F", gender="female", birth_date="1969-04-01")
    horizon = retirement_horizon([official], date(2024, 6, 30), 24)
    assert [(r.retirement_date, r.age_applied) for r in horizon.people] == [(date(2025, 12, 31), (56, 8))]
    assert horizon.per_year == {2024: 0, 2025: 1, 2026: 0, 2027: 0, 2028: 0}


def test_a_retirement_before_the_review_date_is_overdue_not_in_the_window() -> None:
    official = person("O", birth_date=born_for("male", date(2026, 4, 30)).isoformat())
    horizon = retirement_horizon([official], date(2026, 5, 31), 24)
    assert ([r.id for r in horizon.people], [r.id for r in horizon.overdue]) == ([], ["O"])
    assert sum(horizon.per_year.values()) == 0


def test_the_horizon_lists_overdue_unknown_and_planning_candidates() -> None:
    people = [
        person("OLD", gender="female", birth_date="1960-01-01"),
        person("NOBIRTH", birth_date=None),
        person("CHAIR", birth_date="1966-01-01", title="commune.chu_tich_ubnd", unit="QN.X"),
        person("NEXT", planned_titles=["commune.chu_tich_ubnd"], unit="QN.X"),
        person("ELSEWHERE", planned_titles=["commune.chu_tich_ubnd"], unit="QN.Y"),
    ]
    horizon = retirement_horizon(people, date(2026, 6, 30), 24)
    assert [r.id for r in horizon.overdue] == ["OLD"]
    assert horizon.unknown == ["NOBIRTH"]
    assert [(r.id, r.candidates) for r in horizon.people] == [("CHAIR", (("NEXT", None),))]


@pytest.mark.parametrize(
    ("text", "months"), [("24m", 24), ("24", 24), ("2y", 24), ("18 tháng", 18), ("3 năm", 36), ("1Y", 12)]
)
def test_periods(text: str, months: int) -> None:
    assert parse_months(text) == months


@pytest.mark.parametrize("text", ["", "0m", "abc", "-3m", "2w"])
def test_bad_periods(text: str) -> None:
    with pytest.raises(ValueError, match="invalid period"):
        parse_months(text)


# -- the forms as spreadsheets ---------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def stats_args(example: str, *extra: str) -> list[str]:
    folder, as_of = EXAMPLES[example]
    return ["stats", str(folder / "roster.json"), "--units", str(folder / "units.json"), "--as-of", str(as_of), *extra]


def cells(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


@pytest.mark.parametrize(("example", "form"), [("2021", "bm02"), ("2021", "bm01"), ("2026", "bm02")])
def test_the_form_spreadsheet_layout(tmp_path: Path, example: str, form: str) -> None:
    target = tmp_path / f"{form}.xlsx"
    # No --province: the layout needs only the units file (CI runs this before the example plugin is installed).
    code, _ = run(*stats_args(example, "--plugins", "", "--form", form, "--output", str(target)))
    assert code == 0
    book = openpyxl.load_workbook(target)
    ws = book.worksheets[0]
    assert ws.title == f"Biểu {form.upper()}-BNV"
    rows = cells(ws)
    # header block
    assert rows[0][0] == f"Biểu mẫu số {form.upper()}/BNV"
    assert "Ban hành kèm theo Thông tư số 11/2012/TT-BNV" in rows[0]
    assert rows[1][0] == "Đơn vị báo cáo: Tỉnh Quảng Ngãi"
    assert "Đơn vị nhận báo cáo: Bộ Nội vụ" in rows[1]
    assert rows[2][0].startswith("BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG")
    day = EXAMPLES[example][1]
    assert rows[3][0] == f"Tính đến ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    assert rows[4][0] == "Đơn vị tính: người"
    # the merged two-level column tree
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A6:A7", "B6:B7", "C6:C7"} <= merged  # STT, unit, total: two rows high
    assert rows[5][:4] == ("STT", "Tên đơn vị", "Tổng số", "Trong đó")
    assert rows[6][3:7] == ("Nữ", "Đảng viên", "Dân tộc thiểu số", "Tôn giáo")
    groups = [r for r in merged if re.fullmatch(r"[A-Z]+6:[A-Z]+6", r)]
    assert len(groups) >= 8
    assert "Trình độ chuyên môn" in rows[5]
    assert "Lý luận chính trị" in rows[5]
    assert "Độ tuổi" in rows[5]
    if form == "bm02":
        assert "Phân loại" in rows[5]
        assert "Công chức luân chuyển từ cấp huyện" in rows[6]
        assert "Chưa qua đào tạo" in rows[6]
    else:
        assert "Ngạch công chức" in rows[5]
        assert "Chuyên viên cao cấp & TĐ" in rows[6]
    # numbering row
    width = len([v for v in rows[6] if v is not None]) + 3  # STT, unit, total have no second-row label
    assert rows[7][:3] == ("A", "B", 1)
    assert list(rows[7][2:width]) == list(range(1, width - 1))
    # one row per unit, then the total
    _folder, as_of = EXAMPLES[example]
    engine, valid = officials_of(example)
    stats = quality_statistics(valid, as_of, engine.units, REGISTRY.titles, form=form)  # type: ignore[arg-type]
    units = stats.unit_rows()
    body = rows[8 : 8 + len(units)]
    assert [r[1] for r in body] == [u["name"] if u["code"] else "Đơn vị chưa rõ" for u in units]
    assert [r[2] for r in body] == [u["counts"]["total"] for u in units]
    assert [r[0] for r in body] == list(range(1, len(units) + 1))
    total_row = rows[8 + len(units)]
    assert total_row[1] == "Tổng cộng"
    assert total_row[2] == stats.total["total"]
    assert total_row[3] == stats.total["gender.female"]
    # the note and the signature block
    text = [v for row in rows[9 + len(units) :] for v in row if isinstance(v, str)]
    assert any("phần mềm" in v and "11/2012/TT-BNV" in v for v in text)
    assert "NGƯỜI LẬP BẢNG" in text
    assert "THỦ TRƯỞNG ĐƠN VỊ" in text
    assert book.sheetnames == [ws.title, "Số liệu đầy đủ", "Dữ liệu chưa rõ"]
    unknown = {row[0]: row[1] for row in cells(book["Dữ liệu chưa rõ"])[1:]}
    assert unknown["Đảng viên"] == stats.total["total"]


def test_the_full_counts_sheet_reconciles(tmp_path: Path) -> None:
    target = tmp_path / "all.xlsx"
    assert run(*stats_args("2026", "--output", str(target)))[0] == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Số liệu đầy đủ", "Dữ liệu chưa rõ"]
    rows = cells(book.worksheets[0])
    assert rows[7][:3] == ("A", "B", 1)
    total = next(r for r in rows if r[1] == "Tổng cộng")
    assert total[2] == 25


def test_stats_json_csv_and_text(tmp_path: Path) -> None:
    code, text = run(*stats_args("2026", "--format", "json"))
    assert code == 0
    data = json.loads(text)
    assert data["total"]["total"] == 25
    assert data["rejected"] == []
    assert data["unknown_ids"]["professional"] == ["QN26-024"]
    assert data["reporting_unit"] == "Tỉnh Quảng Ngãi"
    code, text = run(*stats_args("2021", "--format", "csv", "--age-bands", "30,35,40,45,50,55,60"))
    assert code == 0
    table = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[-1]["code"] == "total"
    assert table[-1]["total"] == "35"
    assert "age.56_60" in table[0]
    partition = [k for k in table[0] if k.startswith("age.") and k not in ("age.women_51_55", "age.men_56_60")]
    assert sum(int(table[-1][k]) for k in partition) == 35
    code, text = run(*stats_args("2021", "--lang", "en"))
    assert code == 0
    assert text.startswith("Quantity and quality — as of 31/12/2021")
    assert "Professional level: Doctorate 0, Master 2, University 17" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--age-bands", "30,x"], ("--age-bands «30,x» không hợp lệ", "--age-bands '30,x' is not valid")),
        (["--age-bands", "40,30"], ("cần các số nguyên tăng dần", "increasing")),
        (["--format", "xlsx"], ("tệp nhị phân", "binary")),
        (["--output", "report.pdf"], ("không biết định dạng", "cannot tell the format")),
        (["--format", "html"], ("không xuất được loại báo cáo này", "cannot render this report")),
    ],
)
def test_stats_errors_are_one_line_and_exit_2(
    extra: list[str], message: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, expected in zip(("vi", "en"), message, strict=True):
        code, _ = run(*stats_args("2021", *extra, "--lang", lang))
        err = capsys.readouterr().err
        assert code == 2
        assert expected in err
        assert err.count("\n") == 1


def test_stats_of_a_missing_roster_leaves_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.xlsx"
    code, _ = run("stats", str(tmp_path / "nope.json"), "--as-of", "2021-12-31", "--output", str(target))
    assert code == 2
    assert "nope.json" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_retirements_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "roster.json"
    chair = {"id": "A", "gender": "male", "birth_date": "1966-01-01", "title": "commune.chu_tich_ubnd", "unit": "U"}
    later = {"id": "B", "gender": "female", "birth_date": "1975-01-01", "unit": "U"}
    roster.write_text(json.dumps([chair, later]), encoding="utf-8")
    code, text = run("retirements", str(roster), "--as-of", "2026-06-30", "--within", "24m", "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert [p["id"] for p in data["officials"]] == ["A"]
    assert data["officials"][0]["retirement_date"] == "2027-10-31"  # 61 years 9 months in 2027
    assert data["per_year"] == {"2026": 0, "2027": 1, "2028": 0, "2029": 0, "2030": 0}
    target = tmp_path / "r.xlsx"
    assert run("retirements", str(roster), "--as-of", "2026-06-30", "--within", "5y", "-o", str(target))[0] == 0
    rows = cells(openpyxl.load_workbook(target)["Nghỉ hưu"])
    assert rows[2][0] == "A"
    assert rows[2][7].date() == date(2027, 10, 31)
    code, text = run("retirements", str(roster), "--as-of", "2026-06-30", "--format", "csv")
    assert code == 0
    assert "A,,male,1966-01-01" in text
    code, _ = run("retirements", str(roster), "--as-of", "2026-06-30", "--within", "soon")
    assert code == 2
    assert "--within" in capsys.readouterr().err


@pytest.mark.parametrize("as_of", ["0001-01-01", "0081-06-30", "2108-01-01", "9999-12-31"])
@pytest.mark.parametrize("command", ["stats", "retirements", "check"])
def test_the_calendars_first_and_last_years_are_reports_not_overflows(
    command: str, as_of: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ``as_of`` in year 1 (the plausible birth dates would start before it), past 2107 (a zip entry cannot carry
    the day) or in 9999 (the retirement window would end after the calendar) gives a report, not an error."""
    roster = str(EXAMPLES["2021"][0] / "roster.json")
    assert run(command, roster, "--as-of", as_of, "--format", "json")[0] == 0
    assert run(command, roster, "--as-of", as_of, "-o", str(tmp_path / "r.xlsx"))[0] == 0, capsys.readouterr().err
    openpyxl.load_workbook(tmp_path / "r.xlsx")


def test_age_bands_are_parsed_in_one_place() -> None:
    from cbcc_standards.report.tables import MAX_AGE_BANDS, parse_age_bands

    assert parse_age_bands("30, 40,,50 ,60") == (30, 40, 50, 60)
    for bad in ("", ",", "30,x", "40,30", "0,30", "30,30", ",".join(str(20 + i) for i in range(MAX_AGE_BANDS + 1))):
        with pytest.raises(ValueError, match=r"age bands|whole numbers"):
            parse_age_bands(bad)


# -- the review report -----------------------------------------------------------------------------------------


def review(example: str, fmt: str, tmp_path: Path | None = None) -> Any:
    folder, as_of = EXAMPLES[example]
    args = ["check", str(folder / "roster.json"), "--units", str(folder / "units.json"), "--as-of", str(as_of)]
    if tmp_path is not None:
        target = tmp_path / f"review.{fmt}"
        assert run(*args, "--output", str(target))[0] == 0
        return target
    code, text = run(*args, "--format", fmt)
    assert code == 0
    return text


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_the_review_json_carries_quality_and_retirements(example: str) -> None:
    data = json.loads(review(example, "json"))
    summary = data["summary"]
    assert {"officials", "by_status", "units", "training_needs"} <= set(summary)  # the old keys stay
    _, total = hand_counts(example)
    assert summary["quality"]["total"]["total"] == total["total"] == summary["officials"]
    assert summary["quality"]["total"]["professional.dai_hoc"] == total["professional.dai_hoc"]
    assert set(summary["retirements"]) >= {"officials", "overdue", "per_year", "units", "within_months"}


def test_the_review_csv_gives_each_official_a_main_reason() -> None:
    rows = list(csv.DictReader(io.StringIO(review("2021", "csv").lstrip("\ufeff"))))
    by_id: dict[str, dict[str, str]] = {}
    for row in rows:
        by_id.setdefault(row["id"], row)
    assert by_id["QN-0002"]["main_rule"] == "CX-CC-2019-PROF"
    assert by_id["QN-0002"]["main_reason"]
    assert by_id["QN-0001"]["main_rule"] == ""
    assert by_id["QN-0001"]["status"] == "compliant"
    officials = json.loads(review("2021", "json"))["officials"]
    assert {o["id"] for o in officials} <= set(by_id)


def test_the_review_workbook_has_the_complete_roster(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(review("2021", "xlsx", tmp_path))
    rows = cells(book["Danh sách đầy đủ"])
    assert rows[0][-2:] == ("Quy định", "Lý do chính")
    assert len(rows) - 1 == 35  # every official, compliant ones too
    statuses = Counter(r[6] for r in rows[1:])
    data = json.loads(review("2021", "json"))["summary"]["by_status"]
    assert statuses["Đạt chuẩn"] == data["compliant"]
    assert "Nghỉ hưu" in book.sheetnames
    assert "Thống kê chất lượng" in book.sheetnames


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_the_review_html_shows_the_statistics_and_charts(example: str) -> None:
    text = review(example, "html")
    page = Page()
    page.feed(text)
    sections = [a["id"] for t, a in page.tags if t == "section"]
    assert sections.index("quality") < sections.index("retirements") < sections.index("to-act")
    charts = {a["id"]: a for t, a in page.tags if t == "svg" and a.get("class") == "stats-chart"}
    assert set(charts) == {"chart-pyramid", "chart-mix", "chart-retirements"}
    assert all(c["role"] == "img" for c in charts.values())
    assert not [t for t, _ in page.tags if t in ("script", "img", "link")]
    assert not re.search(r"https?://(?!www\.w3\.org)", text)
    words = " ".join(page.text)
    assert "Tháp tuổi theo giới tính" in words
    assert "Số người nghỉ hưu theo năm" in words
    # the pyramid's description says its numbers: every official of known age and gender is in it
    desc = re.search(r'<desc id="chart-pyramid-desc">([^<]*)</desc>', text)
    assert desc
    counted = sum(int(n) for n in re.findall(r"(?:Nam|Nữ) (\d+)", desc[1]))
    _, total = hand_counts(example)
    assert counted == total["total"] - total["age.unknown"]
    # the data-quality listing: the ids behind the unknowns, under their group
    party = re.search(r'<tr class="group-party">.*?</tr>', text, re.S)
    assert party
    assert '<details class="unknown-ids">' in party[0]
    assert all(o.id in party[0] for o in officials_of(example)[1])
    bars = [a for t, a in page.tags if t == "rect" and a.get("class") in ("men", "women")]
    assert len(bars) == 2 * 10
    assert "khớp tổng số" in words
    assert "không khớp tổng số" not in words


def test_review_document_counts_the_statistics_from_python() -> None:
    engine, valid = officials_of("2026")
    document = review_document(engine, valid, as_of=date(2026, 6, 30), retire_within=12)
    list(document.assessments())
    summary = document.report.summary()
    assert summary["quality"]["total"]["total"] == 25
    assert summary["retirements"]["within_months"] == 12
    assert age_on(date(1966, 3, 30), date(2026, 6, 30)) == 60


def test_the_form_spreadsheet_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for target in (first, second):
        assert run(*stats_args("2021", "--form", "bm02", "--lang", "en", "--output", str(target)))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    rows = cells(openpyxl.load_workbook(first).worksheets[0])
    assert rows[0][0] == "Form BM02/BNV"
    assert "PREPARED BY" in [v for row in rows for v in row]


def test_stats_reads_every_roster_format(tmp_path: Path) -> None:
    folder = EXAMPLES["2021"][0]
    jsonl = tmp_path / "roster.jsonl"
    rows = json.loads((folder / "roster.json").read_text(encoding="utf-8"))
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    book = openpyxl.Workbook()
    with (folder / "roster.csv").open(encoding="utf-8-sig", newline="") as fh:
        for record in csv.reader(fh):
            book.active.append(record)
    xlsx = tmp_path / "roster.xlsx"
    book.save(xlsx)

    def total(roster: Path) -> Any:
        code, text = run(
            "stats", str(roster), "--units", str(folder / "units.json"), "--as-of", "2021-12-31", "--format", "json"
        )
        assert code == 0
        return json.loads(text)["total"]

    assert total(jsonl) == total(folder / "roster.json")
    assert total(xlsx) == total(folder / "roster.csv")
    assert total(xlsx)["total"] > 0


@pytest.mark.parametrize("born", ["9999-12-31", "2030-01-01", "1900-01-01", "0000-00-00"])
@pytest.mark.parametrize("command", ["check", "stats", "retirements"])
def test_an_impossible_birth_date_is_counted_as_unknown(tmp_path: Path, command: str, born: str) -> None:
    """The statistics read dates as the rules do: a birth date that cannot be right on the day is unknown, never a
    crash of the whole run (9999 overflowed the retirement date) nor a negative or 124-year-old age."""
    roster = tmp_path / "roster.json"
    rows = [
        {"id": "A", "full_name": "A", "gender": "male", "birth_date": born, "title": "commune.dia_chinh"},
        {"id": "B", "full_name": "B", "gender": "male", "birth_date": "1990-05-01", "title": "commune.dia_chinh"},
    ]
    roster.write_text(json.dumps(rows), encoding="utf-8")
    code, text = run(command, str(roster), "--as-of", "2024-01-01", "--plugins", "", "--format", "json")
    assert code == 0
    data = json.loads(text)
    if command == "check":
        data = data["summary"]
        assert data["retirements"]["unknown_ids"] == ["A"]
        quality = data["quality"]
    elif command == "retirements":
        assert data["unknown_ids"] == ["A"]
        return
    else:
        quality = data
    assert quality["total"]["total"] == 2
    assert quality["total"]["age.unknown"] == 1


@pytest.mark.parametrize(
    ("within", "retiring"), [(None, ["QN-0031"]), ("6y", ["QN-0031"]), ("7y", ["QN-0031", "QN-0013"])]
)
def test_check_within_sets_the_reviews_retirement_horizon(within: str | None, retiring: list[str]) -> None:
    """``check --within`` as ``retirements --within``: QN-0031 retires 31/10/2021, QN-0013 30/09/2027 (6 years and
    3 months after 30/06/2021)."""
    folder, _ = EXAMPLES["2021"]
    extra = ["--within", within] if within else []
    code, text = run(
        "check", str(folder / "roster.json"), "--as-of", "2021-06-30", "--format", "json", "--plugins", "", *extra
    )
    assert code == 0
    horizon = json.loads(text)["summary"]["retirements"]
    assert [o["id"] for o in horizon["officials"]] == retiring
    assert horizon["within_months"] == {None: 24, "6y": 72, "7y": 84}[within]
