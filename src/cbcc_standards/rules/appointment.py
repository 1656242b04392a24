"""Built-in plugin: conditions of appointment, checked only when appraising a candidate.

References (legal-sources.md §3.3–§3.4):

- Nghị định 138/2020/NĐ-CP (effective 01/12/2020, replaced by ND 170/2025 from 01/07/2025) [H]: Art 42 — in the
  planning (quy hoạch) for the post; at least **5 years** of working time left before the normal retirement date,
  counted from the start of the appointment process, for a first appointment or a move to a higher post (not for a
  lateral or lower move); not under discipline. Art 56 — rotation (luân chuyển) needs at least **10 years**.
- Hướng dẫn 06-HD/BTCTW (26/07/2021) [H]: the age test counts from the day the personnel body receives the dossier,
  on the real retirement age (BLLĐ 2019, ND 135/2020).
- ND 170/2025's original Art 29 (01/07/2025 – 31/07/2026) was not seen [L]: a provisional rule computes the working
  time left and answers ``undetermined``; the planning condition answers ``undetermined``; any discipline on record
  makes the discipline condition ``undetermined`` until QĐ 377-QĐ/TW (08/10/2025). No condition is silent.
- ND 300/2026/NĐ-CP (from 01/08/2026) Art 12, new Art 29 of ND 170/2025 [M, text read in an unofficial copy]:
  cl.2 in the planning for the post (or an equivalent one); cl.3 at least 12 months in the immediately lower or an
  equivalent post for a higher post; cl.5 rated hoàn thành tốt nhiệm vụ or better in the 3 most recent years (read
  as: in each of them — an interpretation); cl.7(a) at a first or higher appointment, age to serve the whole term
  (5 years, ND 170/2025 Art 28 [M]), counted as the competent authority's rules say (HD 06-HD/BTCTW: from the
  dossier); cl.7(b) not for an equal or lower post. Each of cl.2, cl.3 and cl.7(a) allows a special case decided
  by the appointing authority: a shortfall is ``not_met``, and its finding says so.
- Quy định 377-QĐ/TW (08/10/2025) [H content, date M]: a disciplined cadre may be considered again after 24 months
  (khiển trách), 36 months (cảnh cáo), 60 months (cách chức). Before it, the waiting period is not in the sources:
  any discipline on record makes the discipline condition ``undetermined``.

The conditions apply to appointed leadership posts (Art 42) and, for discipline, to every leadership title.
Commune cadre posts (elected) use ND 33/2023 Art 8 (60 months before retirement at first appointment), which is a
standard of the title (rule set ``national.commune_cadres_2023``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import (
    DISCIPLINE_BEFORE_QD_377,
    ND_138_APPOINTMENTS,
    ND_170_APPOINTMENTS,
    ND_300_APPOINTMENTS,
    QD_377_WAITING,
)
from ..law.sources import (
    HD_06_BTCTW_2021,
    ND_48_2023,
    ND_138_2020_ART42,
    ND_138_2020_ART56,
    ND_170_2025_APPOINTMENT,
    ND_170_2025_PLANNING,
    ND_300_2026_ART29,
    QD_377_2025,
    QD_377_2025_WAITING_MONTHS,
)
from .model import Rule, RuleSet
from .posts import APPOINTED_TITLES, LEADERSHIP_TITLES
from .requirements import (
    AppointmentTerm,
    DisciplineWaiting,
    InPlanning,
    NotEncoded,
    RecentRatings,
    TimeInLowerPost,
)

__all__ = ["RULESET"]

_rule = partial(Rule, appointment_only=True)
_nd138 = partial(_rule, valid=ND_138_APPOINTMENTS, titles=APPOINTED_TITLES)
_nd300 = partial(_rule, valid=ND_300_APPOINTMENTS, titles=APPOINTED_TITLES, basis=(ND_300_2026_ART29,))
_ND_48_FIRST_YEAR = ND_48_2023.effective.start.year if ND_48_2023.effective.start else None

RULESET = RuleSet(
    code="national.appointment",
    title=Text(vi="Điều kiện bổ nhiệm, giới thiệu ứng cử", en="Conditions of appointment and nomination"),
    references=(
        ND_138_2020_ART42,
        ND_138_2020_ART56,
        HD_06_BTCTW_2021,
        ND_170_2025_APPOINTMENT,
        ND_300_2026_ART29,
        QD_377_2025,
    ),
    rules=(
        _nd138(
            code="APPT-2020-TERM",
            name="appointment-five-years-left",
            basis=(ND_138_2020_ART42, HD_06_BTCTW_2021),
            title=Text(
                vi="Bổ nhiệm: còn đủ 5 năm công tác tính từ khi bắt đầu quy trình",
                en="Appointment: five years of work left from the start of the process",
            ),
            requirement=AppointmentTerm(months=60),
        ),
        _nd138(
            code="APPT-2020-ROTATION",
            name="rotation-ten-years-left",
            basis=(ND_138_2020_ART56, HD_06_BTCTW_2021),
            title=Text(vi="Luân chuyển: còn đủ 10 năm công tác", en="Rotation: ten years of work left"),
            requirement=AppointmentTerm(months=120, rotation=True),
        ),
        _nd138(
            code="APPT-2020-PLAN",
            name="appointment-in-planning",
            basis=(ND_138_2020_ART42,),
            title=Text(vi="Bổ nhiệm: có trong quy hoạch chức danh", en="Appointment: in the planning for the post"),
            requirement=InPlanning(),
        ),
        _nd138(
            code="APPT-2020-DISC",
            name="appointment-not-disciplined",
            basis=(ND_138_2020_ART42,),
            title=Text(vi="Bổ nhiệm: không trong thời gian bị kỷ luật", en="Appointment: not under discipline"),
            requirement=DisciplineWaiting(),
        ),
        _rule(
            code="APPT-2025-TERM",
            name="appointment-term-2025",
            basis=(ND_170_2025_APPOINTMENT,),
            valid=ND_170_APPOINTMENTS,
            titles=APPOINTED_TITLES,
            title=Text(
                vi="Bổ nhiệm (Nghị định 170/2025): thời gian công tác còn lại — chưa xác nhận",
                en="Appointment (Decree 170/2025): working time left — unconfirmed",
            ),
            requirement=AppointmentTerm(months=60, settled=False),
        ),
        _rule(
            code="APPT-2025-PLAN",
            name="appointment-planning-2025",
            basis=(ND_170_2025_PLANNING,),
            valid=ND_170_APPOINTMENTS,
            titles=APPOINTED_TITLES,
            condition="planning",
            title=Text(
                vi="Bổ nhiệm (Nghị định 170/2025, trước 01/08/2026): điều kiện quy hoạch — chưa xác nhận",
                en="Appointment (Decree 170/2025, before 01/08/2026): planning condition — unconfirmed",
            ),
            requirement=NotEncoded(subject="planning_2025"),
        ),
        _rule(
            code="APPT-2025-DISC-GAP",
            name="appointment-discipline-before-qd-377",
            basis=(ND_170_2025_PLANNING,),
            valid=DISCIPLINE_BEFORE_QD_377,
            titles=LEADERSHIP_TITLES,
            title=Text(
                vi="Bổ nhiệm, giới thiệu ứng cử (01/07/2025 – 07/10/2025): kỷ luật — thời hạn chưa xác nhận",
                en="Appointment or nomination (01/07/2025 – 07/10/2025): discipline — waiting period unconfirmed",
            ),
            requirement=DisciplineWaiting(),
        ),
        _nd300(
            code="APPT-2026-TERM",
            name="appointment-whole-term-2026",
            basis=(ND_300_2026_ART29, HD_06_BTCTW_2021),
            title=Text(
                vi="Bổ nhiệm (Nghị định 300/2026): đủ tuổi để công tác trọn thời hạn bổ nhiệm (5 năm)",
                en="Appointment (Decree 300/2026): age to serve the whole term (5 years)",
            ),
            requirement=AppointmentTerm(months=60, waivable=True),
        ),
        _nd300(
            code="APPT-2026-PLAN",
            name="appointment-in-planning-2026",
            title=Text(
                vi="Bổ nhiệm (Nghị định 300/2026): có trong quy hoạch chức danh",
                en="Appointment (Decree 300/2026): in the planning for the post",
            ),
            requirement=InPlanning(waivable=True),
        ),
        _nd300(
            code="APPT-2026-LOWER",
            name="appointment-twelve-months-below-2026",
            title=Text(
                vi="Bổ nhiệm chức vụ cao hơn (Nghị định 300/2026): giữ chức vụ liền kề ít nhất 12 tháng",
                en="Appointment to a higher post (Decree 300/2026): at least 12 months in the post below",
            ),
            requirement=TimeInLowerPost(months=12, waivable=True),
        ),
        _nd300(
            code="APPT-2026-RATINGS",
            name="appointment-recent-ratings-2026",
            basis=(ND_300_2026_ART29, ND_48_2023),
            title=Text(
                vi="Bổ nhiệm (Nghị định 300/2026): hoàn thành tốt nhiệm vụ trở lên trong 03 năm gần nhất",
                en="Appointment (Decree 300/2026): rated completed duties well or better in the 3 latest years",
            ),
            requirement=RecentRatings(years=3, at_least="hoan_thanh_tot", discipline_counts_from=_ND_48_FIRST_YEAR),
        ),
        _rule(
            code="APPT-2025-DISC",
            name="appointment-discipline-waiting-period",
            basis=(QD_377_2025,),
            valid=QD_377_WAITING,
            titles=LEADERSHIP_TITLES,
            title=Text(
                vi="Bổ nhiệm, giới thiệu ứng cử: đã hết thời hạn sau kỷ luật (24/36/60 tháng)",
                en="Appointment or nomination: discipline waiting period over (24/36/60 months)",
            ),
            requirement=DisciplineWaiting(months=QD_377_2025_WAITING_MONTHS),
        ),
    ),
)


@hookimpl(tryfirst=True)
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the appointment-condition rule set."""
    register(RULESET)
