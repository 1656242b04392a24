"""A hand-written floor: the commune standards in force on 01/01/2024 (the ND 33/2023 regime) checked in plain
Python over raw roster rows (benchmarks/bench.py's shape), with no validation, no legal basis, no messages — what
a programmer would write for this one date and these 18 titles. It is the speed a library cannot beat; the library's
statuses are compared with it (``agreement``) so the two do the same work.

Rules (outcomes as the library gives them):

- the title known and of the row's category, else undetermined (a title ended in 2023: undetermined);
- the normal retirement age (BLLĐ 2019, NĐ 135/2020) passed while still on the roster → not met;
- commune civil servants: age 18 or more (birth date unknown → undetermined);
- general education THPT; a professional diploma of đại học (tư pháp – hộ tịch: trung cấp in law); political theory
  trung cấp for the council titles (the Party secretaries' "per Party rules" is not encoded → undetermined); a
  qualification record missing → undetermined; short of it: grace to
  01/08/2028 for whoever served before 01/08/2023, else not met (service start unknown → undetermined);
- cadres appointed from 01/08/2023: five years to the retirement age at appointment (BLLĐ 2019, NĐ 135/2020);
- two consecutive latest years rated "not completed" (a year with a discipline from 2023 counts) → not met;
- the military commander and the charter titles: standards not encoded → undetermined.
"""

from __future__ import annotations

from datetime import date
from typing import Any

__all__ = ["floor_status"]

AS_OF = date(2024, 1, 1)
CUTOFF = date(2023, 8, 1)
ADULT = date(AS_OF.year - 18, AS_OF.month, AS_OF.day)
_NOW = AS_OF.year * 12 + AS_OF.month - 1

_GENERAL = {"tieu_hoc": 0, "thcs": 1, "thpt": 2}
_PROFESSIONAL = {"so_cap": 0, "trung_cap": 1, "cao_dang": 2, "dai_hoc": 3, "thac_si": 4, "tien_si": 5}
_THEORY = {"so_cap": 0, "trung_cap": 1, "cao_cap": 2}

CIVIL, JUSTICE, MILITARY, ENDED, PARTY, COUNCIL, CHARTER = range(7)
_KIND = {
    "commune.van_phong_thong_ke": CIVIL,
    "commune.dia_chinh": CIVIL,
    "commune.tai_chinh_ke_toan": CIVIL,
    "commune.van_hoa_xa_hoi": CIVIL,
    "commune.tu_phap_ho_tich": JUSTICE,
    "commune.chi_huy_truong_quan_su": MILITARY,
    "commune.truong_cong_an": ENDED,
    "commune.bi_thu": PARTY,
    "commune.pho_bi_thu": PARTY,
    "commune.chu_tich_hdnd": COUNCIL,
    "commune.pho_chu_tich_hdnd": COUNCIL,
    "commune.chu_tich_ubnd": COUNCIL,
    "commune.pho_chu_tich_ubnd": COUNCIL,
    "commune.chu_tich_mttq": CHARTER,
    "commune.bi_thu_doan": CHARTER,
    "commune.chu_tich_hoi_phu_nu": CHARTER,
    "commune.chu_tich_hoi_nong_dan": CHARTER,
    "commune.chu_tich_hoi_ccb": CHARTER,
}
_CADRES = {PARTY, COUNCIL, CHARTER}

MET, NOT_MET, GRACE, UNKNOWN = 0, 1, 2, 3


def _day(text: str | None) -> date | None:
    """ISO, dd/mm/yyyy, mm/yyyy or yyyy (a partial date: its first day)."""
    if not text:
        return None
    if len(text) == 10:
        if text[4] == "-":
            return date(int(text[:4]), int(text[5:7]), int(text[8:]))
        return date(int(text[6:]), int(text[3:5]), int(text[:2]))
    if len(text) == 7:
        return date(int(text[3:]), int(text[:2]), 1)
    return date(int(text), 1, 1)


def _retires(male: bool, born: date) -> int:
    """The month (year × 12 + month − 1) of the normal retirement age: 60 / 55 until 2020, then 3 / 4 months more
    each year to 62 / 60 (BLLĐ 2019, Điều 169)."""
    base, step, cap = (720, 3, 744) if male else (660, 4, 720)
    birth = born.year * 12 + born.month - 1
    age = base
    for _ in range(30):
        year = (birth + age) // 12
        wanted = base if year <= 2020 else min(base + step * (year - 2020), cap)
        if wanted == age:
            break
        age = wanted
    return birth + age


def _levels(quals: list[dict[str, Any]], kind: str, scale: dict[str, int], law: bool = False) -> int:
    best = -1
    for q in quals:
        if q.get("kind") == kind and (not law or "luật" in (q.get("field") or "")):
            best = max(best, scale.get(q.get("level") or "", -1))
    return best


def floor_status(row: dict[str, Any]) -> str:
    """The status of one raw row on 01/01/2024."""
    kind = _KIND.get(row.get("title") or "")
    if kind is None or (row.get("category") == "can_bo") != (kind in _CADRES):
        return "undetermined"
    outcomes: list[int] = []
    born = _day(row.get("birth_date"))
    male = row.get("gender") == "male"
    retires = _retires(male, born) if born is not None else None
    outcomes.append(UNKNOWN if retires is None else NOT_MET if retires < _NOW else MET)
    if kind == ENDED:
        outcomes.append(UNKNOWN)
    elif kind in (CIVIL, JUSTICE):
        outcomes.append(UNKNOWN if born is None else MET if born <= ADULT else NOT_MET)
    if kind in (MILITARY, CHARTER):
        outcomes.append(UNKNOWN)
    elif kind != ENDED:
        quals = row.get("qualifications")
        recruited, appointed = _day(row.get("recruited_on")), _day(row.get("appointed_on"))
        started = appointed if kind in _CADRES else min(d for d in (recruited, appointed, AS_OF) if d)
        needs = [(_levels(quals or [], "general_education", _GENERAL), 2)]
        if kind == JUSTICE:
            needs.append((max(_levels(quals or [], "professional", _PROFESSIONAL, law=True), -1), 1))
        else:
            needs.append((_levels(quals or [], "professional", _PROFESSIONAL), 3))
        if kind == COUNCIL:
            needs.append((_levels(quals or [], "political_theory", _THEORY), 1))
        if kind == PARTY:
            outcomes.append(UNKNOWN)
        for have, need in needs:
            if quals is None:
                outcomes.append(UNKNOWN)
            elif have >= need:
                outcomes.append(MET)
            elif started is None:
                outcomes.append(UNKNOWN)
            else:
                outcomes.append(GRACE if started < CUTOFF else NOT_MET)
    if kind in (PARTY, COUNCIL):
        appointed = _day(row.get("appointed_on"))
        if appointed is None:
            outcomes.append(UNKNOWN)
        elif appointed >= CUTOFF:
            if retires is None:
                outcomes.append(UNKNOWN)
            else:
                left = retires - (appointed.year * 12 + appointed.month - 1)
                outcomes.append(MET if left >= 60 else NOT_MET)
    years = {e["year"]: e["level"] for e in row.get("evaluations") or ()}
    for d in row.get("disciplines") or ():
        decided = _day(d.get("decided_on"))
        if decided is not None and decided.year >= 2023:
            years[decided.year] = "khong_hoan_thanh"
    if years:
        last = max(years)
        if years.get(last) == "khong_hoan_thanh" and years.get(last - 1) == "khong_hoan_thanh":
            outcomes.append(NOT_MET)
    if NOT_MET in outcomes:
        return "non_compliant"
    if GRACE in outcomes:
        return "within_grace"
    if UNKNOWN in outcomes:
        return "undetermined"
    return "compliant"
