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
from functools import partial

from ..hookspecs import hookimpl
from ..i18n import Text
from ..law.regimes import ND_138_APPOINTMENTS, ND_170_APPOINTMENTS, QD_377_WAITING
from ..law.sources import (
    HD_06_BTCTW_2021,
    ND_138_2020_ART42,
    ND_138_2020_ART56,
    ND_170_2025_APPOINTMENT,
    QD_377_2025,
    QD_377_2025_WAITING_MONTHS,
)
from .model import Rule, RuleSet
from .posts import APPOINTED_TITLES, LEADERSHIP_TITLES
from .requirements import AppointmentTerm, DisciplineWaiting, InPlanning

__all__ = ["RULESET"]

_rule = partial(Rule, appointment_only=True)
_nd138 = partial(_rule, valid=ND_138_APPOINTMENTS, titles=APPOINTED_TITLES)

RULESET = RuleSet(
    code="national.appointment",
    title=Text(vi="Điều kiện bổ nhiệm, giới thiệu ứng cử", en="Conditions of appointment and nomination"),
    references=(ND_138_2020_ART42, ND_138_2020_ART56, HD_06_BTCTW_2021, ND_170_2025_APPOINTMENT, QD_377_2025),
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
