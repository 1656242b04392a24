"""Built-in plugin: conditions of appointment, checked only when appraising a candidate.

References (legal-sources.md §3.3–§3.4):

- Nghị định 138/2020/NĐ-CP (effective 01/12/2020, replaced by ND 170/2025 from 01/07/2025) [H]: Art 42 — in the
  planning (quy hoạch) for the post; at least **5 years** of working time left before the normal retirement date,
  counted from the start of the appointment process, for a first appointment or a move to a higher post (not for a
  lateral or lower move); not under discipline. Art 56 — rotation (luân chuyển) needs at least **10 years**.
- Hướng dẫn 06-HD/BTCTW (26/07/2021) [H]: the age test counts from the day the personnel body receives the dossier,
  on the real retirement age (BLLĐ 2019, ND 135/2020).
- ND 170/2025's own appointment-age wording is [L]: from 01/07/2025 a provisional rule computes the working time left
  and answers ``undetermined``.
- Quy định 377-QĐ/TW (08/10/2025) [H content, date M]: a disciplined cadre may be considered again after 24 months
  (khiển trách), 36 months (cảnh cáo), 60 months (cách chức). Before it, the waiting period is not in the sources:
  any discipline on record makes the discipline condition ``undetermined``.

The conditions apply to appointed leadership posts (Art 42) and, for discipline, to every leadership title.
Commune cadre posts (elected) use ND 33/2023 Art 8 (60 months before retirement at first appointment), which is a
standard of the title (rule set ``national.commune_cadres_2023``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from ..dates import add_months, fmt_date, working_months_left
from ..hookspecs import hookimpl
from ..ladders import DISCIPLINE
from ..law import Period
from ..officials import Official
from ..results import Outcome, Text
from ._checks import _missing
from ._model import Context, Rule, RuleSet, Verdict
from ._sources import (
    HD_06_BTCTW_2021,
    ND_138_2020_ART42,
    ND_138_2020_ART56,
    ND_170_2025_APPOINTMENT,
    QD_377_2025,
)
from .titles import LEADERSHIP_TITLES

__all__ = ["APPOINTED_TITLES", "RULESET", "WAITING_MONTHS"]

APPOINTED_TITLES = frozenset(
    {
        "district.truong_phong",
        "district.pho_truong_phong",
        "province.giam_doc_so",
        "province.pho_giam_doc_so",
        "commune.truong_phong",
        "commune.pho_truong_phong",
    }
)
"""Leadership posts filled by appointment (bổ nhiệm) under ND 138/2020 and ND 170/2025."""

WAITING_MONTHS = {"khien_trach": 24, "canh_cao": 36, "cach_chuc": 60}
"""QĐ 377-QĐ/TW: months after a discipline before a cadre may be considered for appointment again."""

_QD377_START = date(2025, 10, 8)
_TERM = Text(vi="Thời gian công tác còn lại", en="Working time left")
_PLAN = Text(vi="Quy hoạch", en="Planning")
_DISC = Text(vi="Kỷ luật", en="Discipline")


def _by_hand(missing: tuple[str, ...], vi: str, en: str) -> Verdict:
    """``undetermined`` with its own explanation: the law for the case is not encoded (or a date is missing)."""
    return Verdict(Outcome.UNDETERMINED, Text(vi=vi, en=en), missing=missing)


def _months_left(official: Official, ctx: Context) -> int | Verdict:
    if official.birth_date is None or official.gender is None:
        return _missing(_TERM, tuple(n for n in ("birth_date", "gender") if getattr(official, n) is None))
    assert ctx.appointment is not None  # appointment_only rules run in appraisals
    return working_months_left(official.gender, official.birth_date, ctx.appointment.process_started)


def _term(years: int, *, rotation: bool) -> Callable[[Official, Context], Verdict]:
    need = years * 12

    def check(official: Official, ctx: Context) -> Verdict:
        appointment = ctx.appointment
        assert appointment is not None
        if rotation != appointment.rotation or (not rotation and not appointment.first):
            what = "luân chuyển" if rotation else "bổ nhiệm lần đầu hoặc giữ chức vụ cao hơn"
            en = "rotation" if rotation else "a first appointment or a higher post"
            return Verdict(
                Outcome.NOT_APPLICABLE,
                Text(vi=f"{_TERM.vi}: chỉ áp dụng cho {what}.", en=f"{_TERM.en}: applies to {en} only."),
            )
        left = _months_left(official, ctx)
        if isinstance(left, Verdict):
            return left
        ok = left >= need
        start = fmt_date(appointment.process_started)
        return Verdict(
            Outcome.MET if ok else Outcome.NOT_MET,
            Text(
                vi=f"{_TERM.vi} tính từ {start}: {left} tháng — {'đạt' if ok else 'chưa đạt'} "
                f"(yêu cầu từ đủ {years} năm).",
                en=f"{_TERM.en} counted from {start}: {left} months — {'meets' if ok else 'does not meet'} the "
                f"condition (at least {years} years).",
            ),
            required=f">={need}m",
            actual=f"{left}m",
        )

    return check


def _term_provisional(official: Official, ctx: Context) -> Verdict:
    left = _months_left(official, ctx)
    if isinstance(left, Verdict):
        return left
    return Verdict(
        Outcome.UNDETERMINED,
        Text(
            vi=f"{_TERM.vi}: {left} tháng. Quy định về tuổi bổ nhiệm của Nghị định 170/2025/NĐ-CP chưa được xác "
            "nhận (dự kiến đủ một nhiệm kỳ 5 năm); cần thẩm định thủ công.",
            en=f"{_TERM.en}: {left} months. The appointment-age wording of Decree 170/2025 is unconfirmed "
            "(expected: one full 5-year term); appraise by hand.",
        ),
        actual=f"{left}m",
    )


def _planning(official: Official, ctx: Context) -> Verdict:
    title = official.title or ""
    ok = title in official.planned_titles
    return Verdict(
        Outcome.MET if ok else Outcome.NOT_MET,
        Text(
            vi=f"{_PLAN.vi}: {'có' if ok else 'không có'} trong quy hoạch chức danh {title}.",
            en=f"{_PLAN.en}: {'in' if ok else 'not in'} the planning for {title}.",
        ),
        required=title,
        actual=";".join(official.planned_titles) or None,
    )


def _discipline_377(official: Official, ctx: Context) -> Verdict:
    if official.disciplines is None:
        return _missing(_DISC, ("disciplines",))
    on = ctx.as_of
    blocking: list[str] = []
    unknown: list[str] = []
    for d in official.disciplines:
        months = WAITING_MONTHS.get(d.form)
        if d.decided_on is None or months is None:
            unknown.append(DISCIPLINE.label(d.form))
            continue
        if d.decided_on > on:
            continue
        again = add_months(d.decided_on, months)
        if on < again:
            blocking.append(f"{DISCIPLINE.label(d.form)} {fmt_date(d.decided_on)} → {fmt_date(again)}")
    if blocking:
        return Verdict(
            Outcome.NOT_MET,
            Text(
                vi=f"{_DISC.vi}: chưa hết thời hạn được xem xét bổ nhiệm ({'; '.join(blocking)}).",
                en=f"{_DISC.en}: the waiting period before appointment has not run out ({'; '.join(blocking)}).",
            ),
            actual="; ".join(blocking),
        )
    if unknown:
        return _by_hand(
            ("disciplines.decided_on",),
            vi=f"{_DISC.vi}: không xác định được thời hạn cho {', '.join(unknown)} (thiếu ngày quyết định, hoặc "
            "hình thức không có trong Quy định 377-QĐ/TW); cần thẩm định thủ công.",
            en=f"{_DISC.en}: no waiting period can be determined for {', '.join(unknown)} (no decision date, or a "
            "form Regulation 377-QD/TW does not list); appraise by hand.",
        )
    return Verdict(
        Outcome.MET,
        Text(
            vi=f"{_DISC.vi}: không có kỷ luật còn trong thời hạn.",
            en=f"{_DISC.en}: no discipline within its waiting period.",
        ),
    )


def _discipline_138(official: Official, ctx: Context) -> Verdict:
    if official.disciplines is None:
        return _missing(_DISC, ("disciplines",))
    earlier = [d for d in official.disciplines if d.decided_on is None or d.decided_on <= ctx.as_of]
    if not earlier:
        return Verdict(Outcome.MET, Text(vi=f"{_DISC.vi}: không có kỷ luật.", en=f"{_DISC.en}: none on record."))
    return _by_hand(
        (),
        vi=f"{_DISC.vi}: hồ sơ có {len(earlier)} quyết định kỷ luật; thời hạn không được bổ nhiệm trước Quy định "
        "377-QĐ/TW không có trong nguồn đã xác nhận; cần thẩm định thủ công.",
        en=f"{_DISC.en}: {len(earlier)} disciplinary decision(s) on record; the period barring appointment before "
        "Regulation 377-QD/TW is not in the confirmed sources; appraise by hand.",
    )


_rule = partial(Rule, appointment_only=True)
_V138 = Period(start=date(2020, 12, 1), end=date(2025, 6, 30))

RULESET = RuleSet(
    code="national.appointment",
    title=Text(vi="Điều kiện bổ nhiệm, giới thiệu ứng cử", en="Conditions of appointment and nomination"),
    references=(ND_138_2020_ART42, ND_138_2020_ART56, HD_06_BTCTW_2021, ND_170_2025_APPOINTMENT, QD_377_2025),
    rules=(
        _rule(
            code="APPT-2020-TERM",
            name="appointment-five-years-left",
            basis=(ND_138_2020_ART42, HD_06_BTCTW_2021),
            valid=_V138,
            titles=APPOINTED_TITLES,
            requires=("birth_date", "gender"),
            title=Text(
                vi="Bổ nhiệm: còn đủ 5 năm công tác tính từ khi bắt đầu quy trình",
                en="Appointment: five years of work left from the start of the process",
            ),
            check=_term(5, rotation=False),
        ),
        _rule(
            code="APPT-2020-ROTATION",
            name="rotation-ten-years-left",
            basis=(ND_138_2020_ART56, HD_06_BTCTW_2021),
            valid=_V138,
            titles=APPOINTED_TITLES,
            requires=("birth_date", "gender"),
            title=Text(vi="Luân chuyển: còn đủ 10 năm công tác", en="Rotation: ten years of work left"),
            check=_term(10, rotation=True),
        ),
        _rule(
            code="APPT-2020-PLAN",
            name="appointment-in-planning",
            basis=(ND_138_2020_ART42,),
            valid=_V138,
            titles=APPOINTED_TITLES,
            requires=("planned_titles",),
            title=Text(vi="Bổ nhiệm: có trong quy hoạch chức danh", en="Appointment: in the planning for the post"),
            check=_planning,
        ),
        _rule(
            code="APPT-2020-DISC",
            name="appointment-not-disciplined",
            basis=(ND_138_2020_ART42,),
            valid=_V138,
            titles=APPOINTED_TITLES,
            requires=("disciplines",),
            title=Text(vi="Bổ nhiệm: không trong thời gian bị kỷ luật", en="Appointment: not under discipline"),
            check=_discipline_138,
        ),
        _rule(
            code="APPT-2025-TERM",
            name="appointment-term-2025",
            basis=(ND_170_2025_APPOINTMENT,),
            valid=Period(start=date(2025, 7, 1)),
            titles=APPOINTED_TITLES,
            requires=("birth_date", "gender"),
            title=Text(
                vi="Bổ nhiệm (Nghị định 170/2025): thời gian công tác còn lại — chưa xác nhận",
                en="Appointment (Decree 170/2025): working time left — unconfirmed",
            ),
            check=_term_provisional,
        ),
        _rule(
            code="APPT-2025-DISC",
            name="appointment-discipline-waiting-period",
            basis=(QD_377_2025,),
            valid=Period(start=_QD377_START),
            titles=LEADERSHIP_TITLES,
            requires=("disciplines",),
            title=Text(
                vi="Bổ nhiệm, giới thiệu ứng cử: đã hết thời hạn sau kỷ luật (24/36/60 tháng)",
                en="Appointment or nomination: discipline waiting period over (24/36/60 months)",
            ),
            check=_discipline_377,
        ),
    ),
)


@hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the appointment-condition rule set."""
    register(RULESET)
