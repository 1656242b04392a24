"""Labels and small helpers shared by the built-in commune rule sets."""

from __future__ import annotations

from ..results import Outcome, Text
from ._model import CheckFunction, Verdict

__all__ = [
    "CADRE_TRUNG_CAP_SWITCH",
    "CIVIL_SERVANT_TRUNG_CAP_SWITCH",
    "EDU",
    "IT",
    "LLCT",
    "PROF",
    "not_encoded",
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
