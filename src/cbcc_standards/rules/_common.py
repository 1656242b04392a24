"""Labels and small helpers shared by the built-in commune rule sets."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..ladders import STATE_MANAGEMENT
from ..law import LegalBasis
from ..officials import Official, PoliticalTheory
from ..results import Outcome, Text
from ._model import CheckFunction, Context, Verdict

__all__ = [
    "CADRE_TRUNG_CAP_SWITCH",
    "CIVIL_SERVANT_TRUNG_CAP_SWITCH",
    "EDU",
    "IT",
    "LLCT",
    "PROF",
    "QLNN",
    "not_encoded",
    "state_management_check",
]

PROF = Text(vi="Trình độ chuyên môn", en="Professional level")
EDU = Text(vi="Trình độ giáo dục phổ thông", en="General education")
IT = Text(vi="Kỹ năng công nghệ thông tin", en="IT skill")
LLCT = Text(vi="Trình độ lý luận chính trị", en="Political theory")

CIVIL_SERVANT_TRUNG_CAP_SWITCH = "commune_civil_servant_trung_cap"
"""Delegated to the provincial PC: trung cấp for commune civil servants in difficult-area communes
(TT 13/2019 Art 1(1); ND 33/2023 Art 10(3))."""
CADRE_TRUNG_CAP_SWITCH = "commune_cadre_trung_cap"
"""Delegated to the provincial PC: trung cấp professional level for commune cadres in difficult-area communes
(ND 33/2023 Art 8(4))."""


def not_encoded(what: Text) -> CheckFunction:
    """A check for a standard whose text is unconfirmed: always ``undetermined``, saying why."""
    verdict = Verdict(
        Outcome.UNDETERMINED,
        Text(
            vi=f"{what.vi}: tiêu chuẩn chưa được xác nhận từ văn bản gốc nên không được mã hóa; cần thẩm định "
            f"thủ công.",
            en=f"{what.en}: the standard is unconfirmed in the sources and is not encoded; appraise by hand.",
        ),
    )

    def check(official: object, ctx: object) -> Verdict:
        return verdict

    return check


QLNN = Text(vi="Bồi dưỡng quản lý nhà nước", en="State-management certificate")


def state_management_check(required: str, *, held_before: tuple[date, LegalBasis] | None = None) -> CheckFunction:
    """A check of the QLNN certificate level ``required``; cao cấp LLCT–hành chính satisfies the CVCC level
    (legal-sources §6 [H]). With ``held_before=(day, basis)``, holders appointed before ``day`` are treated as meeting
    it (Công văn 1848/BNV-CCVC for the CVCC rank), and ``basis`` is cited."""
    ladder = STATE_MANAGEMENT
    need = ladder.rank(required)
    label, label_en = ladder.label(required), ladder.label(required, "en")

    def verdict(outcome: Outcome, vi: str, en: str, actual: str | None = None, **extra: Any) -> Verdict:
        return Verdict(
            outcome, Text(vi=f"{QLNN.vi}: {vi}", en=f"{QLNN.en}: {en}"), required=required, actual=actual, **extra
        )

    def check(official: Official, ctx: Context) -> Verdict:
        if official.qualifications is None:
            return verdict(
                Outcome.UNDETERMINED,
                "thiếu dữ liệu (qualifications).",
                "data missing (qualifications).",
                missing=("qualifications",),
            )
        held = official.highest("state_management")
        if held is not None and ladder.rank(held) >= need:
            return verdict(
                Outcome.MET,
                f"{ladder.label(held)} — đạt (yêu cầu {label}).",
                f"{ladder.label(held, 'en')} — meets the standard ({label_en}).",
                held,
            )
        if required == "chuyen_vien_cao_cap" and any(
            isinstance(q, PoliticalTheory) and q.level == "cao_cap" and q.administrative
            for q in official.qualifications
        ):
            return verdict(
                Outcome.MET,
                "cao cấp LLCT – hành chính thay cho chứng chỉ ngạch chuyên viên cao cấp.",
                "advanced political theory–administration stands for the senior-specialist certificate.",
                "cao_cap_llct_hc",
            )
        if held_before is not None:
            day, relief = held_before
            if official.appointed_on is None:
                return verdict(
                    Outcome.UNDETERMINED,
                    "thiếu dữ liệu (appointed_on).",
                    "data missing (appointed_on).",
                    missing=("appointed_on",),
                )
            if official.appointed_on < day:
                return verdict(
                    Outcome.MET,
                    f"bổ nhiệm trước {day:%d/%m/%Y}: được coi là đạt.",
                    f"appointed before {day:%d/%m/%Y}: treated as meeting it.",
                    held,
                    extra_basis=(relief,),
                )
        return verdict(
            Outcome.NOT_MET,
            f"yêu cầu {label}; hồ sơ: {ladder.label(held) if held else 'không có'}.",
            f"requires {label_en}; record shows {ladder.label(held, 'en') if held else 'none'}.",
            held,
        )

    return check
