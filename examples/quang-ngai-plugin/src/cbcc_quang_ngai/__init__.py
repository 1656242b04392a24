"""Quảng Ngãi's 2021 review of commune officials, as a cbcc_standards plugin (jurisdiction ``QN``).

Sources (legal-sources.md §0, §7): Báo Quảng Ngãi, 11/08/2021, reporting Công văn 3825/UBND-NC of the provincial
chairman — remedy before 31/12/2021, replace after; districts with non-compliant commune officials lose PAR points and
the district chairman is responsible (tied to Chỉ thị 09/CT-UBND, 26/04/2021). The letter itself was not found, so its
basis is marked secondary. The district list of 2021 is general knowledge [M]; difficult-area flags and the list of
communes given the trung cấp exception are illustrative, and marked provisional.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from importlib.resources import files

import cbcc_standards
from cbcc_standards import (
    AdministrativeUnit,
    Confidence,
    Deadline,
    Delegation,
    Jurisdiction,
    LegalBasis,
    Period,
    ReportPolicy,
    RuleSet,
    Text,
)

__all__ = ["CV_3825", "DEADLINE", "ILLUSTRATIVE_LIST", "JURISDICTION", "POLICY", "PROVINCE", "RULESET", "UNITS"]

JURISDICTION = "QN"
PROVINCE = Jurisdiction(
    code=JURISDICTION,
    name=Text(vi="Tỉnh Quảng Ngãi", en="Quảng Ngãi province"),
    aliases=("quang_ngai", "quang-ngai", "Quảng Ngãi"),
    statistical_code="51",
)
"""How users may name the province on the command line: QN, quang_ngai, quang-ngai, Quảng Ngãi, or its statistical
code 51."""

CV_3825 = LegalBasis(
    document="Công văn 3825/UBND-NC",
    issuer="Chủ tịch UBND tỉnh Quảng Ngãi",
    signed=date(2021, 8, 11),
    effective=Period(start=date(2021, 8, 11)),
    url="https://baoquangngai.vn (11/08/2021)",
    confidence=Confidence.SECONDARY,
    note="As reported by Báo Quảng Ngãi on 11/08/2021; the letter itself was not found.",
)

ILLUSTRATIVE_LIST = LegalBasis(
    document="Danh sách xã áp dụng trình độ trung cấp (minh họa)",
    issuer="UBND tỉnh Quảng Ngãi",
    effective=Period(start=date(2019, 12, 25)),
    confidence=Confidence.PROVISIONAL,
    note="Illustrative: Quảng Ngãi's list of communes allowed the trung cấp exception (TT 13/2019 Art 1(1), "
    "ND 33/2023 Art 10(3)) was not found. Do not use it as the province's decision.",
)

_ISSUED = date(2021, 8, 11)
_DUE = date(2021, 12, 31)
# Issued under TT 13/2019: it ends with that regime and does not carry over into ND 33/2023.
_VALID = Period(start=_ISSUED, end=date(2023, 7, 31))

DEADLINE = Deadline(
    code="QN-3825-2021",
    jurisdiction=JURISDICTION,
    due=_DUE,
    valid=_VALID,
    basis=CV_3825,
    title=Text(
        vi="Hoàn thiện tiêu chuẩn trước 31/12/2021; sau ngày này thay thế",
        en="Meet the standards by 31/12/2021; replace after that date",
    ),
    kind="review",
)
"""A review deadline: every shortfall of a commune official may be remedied until 31/12/2021 (never beyond an
earlier national deadline), and is to be replaced after it."""

POLICY = ReportPolicy(
    code="QN-3825-2021-PAR",
    jurisdiction=JURISDICTION,
    after=_DUE,
    valid=_VALID,
    basis=CV_3825,
    title=Text(
        vi="Trừ điểm CCHC huyện có CBCC cấp xã không đạt chuẩn; Chủ tịch UBND huyện chịu trách nhiệm",
        en="PAR points deducted from districts with non-compliant commune officials; the district chair answers",
    ),
    par_deduction=True,
    responsible_title="district.chu_tich_ubnd",
)


def _load_units() -> tuple[AdministrativeUnit, ...]:
    data = json.loads(files(__name__).joinpath("units.json").read_text(encoding="utf-8"))
    return tuple(AdministrativeUnit.model_validate(row) for row in data)


UNITS = _load_units()
"""The province, its district-level units of 2021 and the sample communes (difficult-area flags illustrative)."""

_DIFFICULT = frozenset(u.code for u in UNITS if u.tier == "commune" and u.difficult_area)

RULESET = RuleSet(
    code="qn.commune_review_2021",
    title=Text(vi="Quảng Ngãi: rà soát CBCC cấp xã 2021", en="Quảng Ngãi: 2021 review of commune officials"),
    jurisdiction=JURISDICTION,
    references=(CV_3825, ILLUSTRATIVE_LIST),
    delegations=(
        Delegation(
            switch="commune_civil_servant_trung_cap",
            units=_DIFFICULT,
            valid=Period(start=date(2019, 12, 25)),
            basis=ILLUSTRATIVE_LIST,
        ),
    ),
)


@cbcc_standards.hookimpl
def cbcc_register_jurisdictions(register: Callable[[Jurisdiction], None]) -> None:
    """Quảng Ngãi, with its aliases and statistical code."""
    register(PROVINCE)


@cbcc_standards.hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Switch on the (illustrative) trung cấp exception for the listed difficult-area communes."""
    register(RULESET)


@cbcc_standards.hookimpl
def cbcc_register_deadlines(register: Callable[[Deadline], None]) -> None:
    """The 31/12/2021 review deadline of Công văn 3825/UBND-NC."""
    register(DEADLINE)


@cbcc_standards.hookimpl
def cbcc_register_report_policies(register: Callable[[ReportPolicy], None]) -> None:
    """The PAR-index deduction and the district chair's responsibility after 31/12/2021."""
    register(POLICY)


@cbcc_standards.hookimpl
def cbcc_register_units(register: Callable[[AdministrativeUnit], None]) -> None:
    """Quảng Ngãi's units of 2021."""
    for unit in UNITS:
        register(unit)
