"""The law, written out by hand from ``legal-sources.md`` — independent of the rule modules it checks.

Every built-in rule has one row here: its window, the titles it covers, what it requires and its grace period. The
tests in ``test_law_table.py`` (1) compare each row with the rule the registry holds, so a changed date, threshold,
title or grace in ``src/`` fails a test that names the legal source, and (2) generate behavioural boundary cases from
each row — the window's first day − 1, first day, last day, last day + 1; the rung below, at and above a threshold,
and the record unknown; the age on the day of the threshold and the day before; the grace period's last day and the
day after, and the cut-off for being in office. A rule added to the registry without a row here fails the suite.

The values come from ``legal-sources.md`` (section in each row's ``source``) and, where that file is silent about a
date the code needed (an effective date derived from a signing date), from the rule module's docstring; those rows
say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

D = date

# -- title groups (legal-sources.md §1.1, §2, §3, §9; architecture.md "Title codes") ----------------------------------

CC_2009 = frozenset(
    {  # ND 92/2009 Art 3: seven commune civil-servant titles
        "commune.truong_cong_an",
        "commune.chi_huy_truong_quan_su",
        "commune.van_phong_thong_ke",
        "commune.dia_chinh",
        "commune.tai_chinh_ke_toan",
        "commune.tu_phap_ho_tich",
        "commune.van_hoa_xa_hoi",
    }
)
CC_2023 = CC_2009 - {"commune.truong_cong_an", "commune.chi_huy_truong_quan_su"}
"""ND 33/2023 Art 5 drops the police chief; Art 10(1) sends the military commander to the military law."""
CC_2023_DEGREE = CC_2023 - {"commune.tu_phap_ho_tich"}
"""Art 10(2) đại học, except where a law provides otherwise (Luật Hộ tịch Art 72(2) for tư pháp – hộ tịch)."""
CC_2025 = frozenset(
    {
        "commune.cong_chuc",
        "commune.cong_chuc_van_phong",
        "commune.cong_chuc_kinh_te",
        "commune.cong_chuc_van_hoa_xa_hoi",
        "commune.cong_chuc_trung_tam",
    }
)
LEADERS_2025 = frozenset(
    {
        "commune.chanh_van_phong",
        "commune.pho_chanh_van_phong",
        "commune.truong_phong",
        "commune.pho_truong_phong",
        "commune.giam_doc_trung_tam",
        "commune.pho_giam_doc_trung_tam",
    }
)
PARTY_SECRETARIES = frozenset({"commune.bi_thu", "commune.pho_bi_thu"})
COUNCIL_AND_COMMITTEE_CHAIRS = frozenset(
    {"commune.chu_tich_hdnd", "commune.pho_chu_tich_hdnd", "commune.chu_tich_ubnd", "commune.pho_chu_tich_ubnd"}
)
MASS_ORGANISATIONS = frozenset(
    {
        "commune.chu_tich_mttq",
        "commune.bi_thu_doan",
        "commune.chu_tich_hoi_phu_nu",
        "commune.chu_tich_hoi_nong_dan",
        "commune.chu_tich_hoi_ccb",
    }
)
APPOINTED = LEADERS_2025 | {
    "district.truong_phong",
    "district.pho_truong_phong",
    "province.giam_doc_so",
    "province.pho_giam_doc_so",
}
"""Leadership civil servants appointed under ND 138/2020, ND 170/2025, ND 300/2026 (§3.3, §9.4)."""
CADRES_AND_LEADERS = (
    APPOINTED
    | PARTY_SECRETARIES
    | COUNCIL_AND_COMMITTEE_CHAIRS
    | MASS_ORGANISATIONS
    | {"district.chu_tich_ubnd", "district.pho_chu_tich_ubnd", "province.chu_tich_ubnd"}
)
"""Everyone QĐ 377-QĐ/TW's waiting periods after discipline reach (§3.4, §9.5)."""


@dataclass(frozen=True)
class Level:
    """A qualification at ``level`` or higher on the ladder of ``kind`` (with ``field`` when the law names one)."""

    kind: str
    level: str
    field: str | None = None


@dataclass(frozen=True)
class Age:
    """At least ``years`` old on the date."""

    years: int


@dataclass(frozen=True)
class Other:
    """A requirement of another kind, pinned by its type and parameters (its behaviour is tested elsewhere)."""

    type: str
    params: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Grace:
    """In office (by ``start_field``) on or before ``in_office_by``; remedy by ``deadline`` (in grace that day)."""

    in_office_by: date
    deadline: date
    start_field: str = "recruited_on"
    ethnic_minority_or_dbkk: bool = False
    """Only for officials of an ethnic minority or in a unit flagged ``vung_dbkk`` (CV 11/CV-BCĐ)."""


@dataclass(frozen=True)
class Law:
    """One rule as the law states it."""

    code: str
    start: date
    end: date | None
    titles: frozenset[str] | None
    requirement: Level | Age | Other
    source: str
    grace: Grace | None = None
    appointment_only: bool = False
    relieved_until: date | None = None
    """A relief by date: officials appointed before it meet the rule anyway (the boundary tests probe after it)."""
    relieved_in: frozenset[str] = field(default_factory=frozenset)
    """Area flags where national law itself lowers or lifts the requirement (the tests probe a plain commune)."""
    open_for: tuple[str, str] | None = None
    """(former title, accepted level): for holders of that title a lower level whose sufficiency the sources leave
    open ([L]) — ``undetermined``, never met nor not met."""


TT06_2012 = (D(2012, 12, 15), D(2019, 12, 24))
"""TT 06/2012/TT-BNV (issued 30/10/2012; in force 45 days later, 15/12/2012) until TT 13/2019 took effect (§0)."""
TT13_2019 = (D(2019, 12, 25), D(2023, 7, 31))
ND33_2023 = (D(2023, 8, 1), D(2025, 6, 30))
TWO_TIER = (D(2025, 7, 1), None)
QD04_2004 = (D(2004, 1, 16), D(2023, 7, 31))
TT2_2021 = (D(2021, 8, 1), None)
ND29_2024 = (D(2024, 5, 1), None)

GRACE_TT13 = Grace(D(2019, 12, 24), D(2024, 12, 25))
"""Recruited before 25/12/2019, five years from 25/12/2019 (§0 grace table)."""
GRACE_ND33 = Grace(D(2023, 8, 1), D(2028, 8, 1))
"""In office on 01/08/2023, five years (ND 33/2023 Art 38(1), §0)."""
GRACE_ND33_CADRES = Grace(D(2023, 8, 1), D(2028, 8, 1), start_field="appointed_on")
GRACE_CV11 = Grace(D(2025, 6, 30), D(2030, 7, 1), ethnic_minority_or_dbkk=True)
"""In office before 01/07/2025, ethnic minority or ĐBKK area, to 01/07/2030 (CV 11/CV-BCĐ, §9.1)."""

LAW: tuple[Law, ...] = (
    # -- commune civil servants, TT 06/2012 (§1.2) --
    Law("CX-CC-2012-AGE", *TT06_2012, CC_2009, Age(18), "§1.2 TT 06/2012 Art 2"),
    Law("CX-CC-2012-EDU", *TT06_2012, CC_2009, Level("general_education", "thpt"), "§1.2 TT 06/2012 Art 2"),
    Law("CX-CC-2012-PROF", *TT06_2012, CC_2009, Level("professional", "trung_cap"), "§1.2 TT 06/2012 Art 2"),
    # -- TT 13/2019 (§1.2), amended by TT 04/2022 from 01/07/2022 --
    Law("CX-CC-2019-AGE", *TT13_2019, CC_2009, Age(18), "§1.2 TT 13/2019 Art 1(1)"),
    Law("CX-CC-2019-EDU", *TT13_2019, CC_2009, Level("general_education", "thpt"), "§1.2 TT 13/2019 Art 1(1)"),
    Law("CX-CC-2019-IT", *TT13_2019, CC_2009, Level("it", "co_ban"), "§1.2 TT 13/2019 Art 1(1): basic IT"),
    Law(
        "CX-CC-2019-PROF",
        D(2019, 12, 25),
        D(2022, 6, 30),
        CC_2009,
        Level("professional", "dai_hoc"),
        "§1.2 TT 13/2019 Art 1(1); grace §0",
        grace=GRACE_TT13,
    ),
    Law(
        "CX-CC-2019-PROF-TT04",
        D(2022, 7, 1),
        D(2023, 7, 31),
        CC_2009 - {"commune.tu_phap_ho_tich"},
        Level("professional", "dai_hoc"),
        "§1.2 TT 04/2022: 'unless a law provides otherwise' (Luật Hộ tịch for tư pháp – hộ tịch)",
        grace=GRACE_TT13,
    ),
    Law(
        "CX-HOTICH-2016",
        D(2016, 1, 1),
        D(2023, 7, 31),
        frozenset({"commune.tu_phap_ho_tich"}),
        Level("professional", "trung_cap", "luat"),
        "§1.2 Luật Hộ tịch 2014 Art 72(2) (in force 01/01/2016)",
    ),
    # -- ND 33/2023 Art 10 (§1.2) --
    Law("CX-CC-2023-AGE", *ND33_2023, CC_2023, Age(18), "§1.2 ND 33/2023 Art 10(2)"),
    Law(
        "CX-CC-2023-EDU",
        *ND33_2023,
        CC_2023,
        Level("general_education", "thpt"),
        "§1.2 ND 33/2023 Art 10(2); Art 38",
        grace=GRACE_ND33,
    ),
    Law(
        "CX-CC-2023-PROF",
        *ND33_2023,
        CC_2023_DEGREE,
        Level("professional", "dai_hoc"),
        "§1.2 ND 33/2023 Art 10(2); Art 38",
        grace=GRACE_ND33,
    ),
    Law(
        "CX-CC-2023-HOTICH",
        *ND33_2023,
        frozenset({"commune.tu_phap_ho_tich"}),
        Level("professional", "trung_cap", "luat"),
        "§1.2 ND 33/2023 Art 10(2)(c) + Luật Hộ tịch Art 72(2); Art 38",
        grace=GRACE_ND33,
    ),
    Law(
        "CX-CC-2023-QS",
        *ND33_2023,
        frozenset({"commune.chi_huy_truong_quan_su"}),
        Other("not_encoded", (("subject", "military_commander"),)),
        "§1.2 ND 33/2023 Art 10(1) [L]",
    ),
    # -- commune cadres, QĐ 04/2004 Art 5 (§2) --
    Law(
        "CX-BT-2004-AGE",
        *QD04_2004,
        frozenset({"commune.bi_thu"}),
        Other("max_age_at_first_appointment", (("years", 45),)),
        "§2 QĐ 04/2004 Art 5",
    ),
    Law("CX-BT-2004-EDU", *QD04_2004, frozenset({"commune.bi_thu"}), Level("general_education", "thpt"), "§2"),
    Law("CX-BT-2004-LLCT", *QD04_2004, frozenset({"commune.bi_thu"}), Level("political_theory", "trung_cap"), "§2"),
    Law(
        "CX-BT-2004-PROF",
        *QD04_2004,
        frozenset({"commune.bi_thu"}),
        Level("professional", "trung_cap"),
        "§2 QĐ 04/2004 Art 5: lower allowed in mountainous areas",
        relieved_in=frozenset({"mien_nui", "vung_cao"}),
    ),
    # -- commune cadres, ND 33/2023 Art 8 (§2) --
    Law(
        "CX-BT-2023-EDU",
        *ND33_2023,
        PARTY_SECRETARIES,
        Level("general_education", "thpt"),
        "§2 ND 33/2023 Art 8(1); Art 38",
        grace=GRACE_ND33_CADRES,
    ),
    Law(
        "CX-BT-2023-LLCT",
        *ND33_2023,
        PARTY_SECRETARIES,
        Other("not_encoded", (("subject", "party_secretary_political_theory"),)),
        "§2 ND 33/2023 Art 8(1): LLCT per Party rules [L]; §8 open question 1 — provisional, undetermined",
    ),
    Law(
        "CX-BT-2023-PROF",
        *ND33_2023,
        PARTY_SECRETARIES,
        Level("professional", "dai_hoc"),
        "§2 ND 33/2023 Art 8(1); Art 38",
        grace=GRACE_ND33_CADRES,
    ),
    Law(
        "CX-BT-2023-TERM",
        *ND33_2023,
        PARTY_SECRETARIES,
        Other("working_time_at_appointment", (("months", 60),)),
        "§2 ND 33/2023 Art 8(1)",
    ),
    Law(
        "CX-CT-2023-EDU",
        *ND33_2023,
        COUNCIL_AND_COMMITTEE_CHAIRS,
        Level("general_education", "thpt"),
        "§2 ND 33/2023 Art 8(3); Art 38",
        grace=GRACE_ND33_CADRES,
    ),
    Law(
        "CX-CT-2023-PROF",
        *ND33_2023,
        COUNCIL_AND_COMMITTEE_CHAIRS,
        Level("professional", "dai_hoc"),
        "§2 ND 33/2023 Art 8(3); Art 38",
        grace=GRACE_ND33_CADRES,
    ),
    Law(
        "CX-CT-2023-LLCT",
        *ND33_2023,
        COUNCIL_AND_COMMITTEE_CHAIRS,
        Level("political_theory", "trung_cap"),
        "§2 ND 33/2023 Art 8(3); Art 38",
        grace=GRACE_ND33_CADRES,
    ),
    Law(
        "CX-CT-2023-TERM",
        *ND33_2023,
        COUNCIL_AND_COMMITTEE_CHAIRS,
        Other("working_time_at_appointment", (("months", 60),)),
        "§2 ND 33/2023 Art 8(3)",
    ),
    Law(
        "CX-CB-2023-CHARTER",
        *ND33_2023,
        MASS_ORGANISATIONS,
        Other("not_encoded", (("subject", "charter"),)),
        "§2 ND 33/2023 Art 8(2) [L]",
    ),
    # -- the two-tier commune (§9) --
    Law("CX-CC-2025-AGE", *TWO_TIER, CC_2025, Age(18), "§9.1 Law 80/2025 Art 19"),
    Law(
        "CX-CC-2025-PROF",
        *TWO_TIER,
        CC_2025,
        Level("professional", "dai_hoc"),
        "§9.1 CV 11/CV-BCĐ; Luật Hộ tịch Art 72(2) after 2025 [L]",
        grace=GRACE_CV11,
        open_for=("commune.tu_phap_ho_tich", "trung_cap"),
    ),
    Law(
        "CX-LD-2025-PROF",
        *TWO_TIER,
        LEADERS_2025,
        Level("professional", "dai_hoc"),
        "§9.2 CV 03/CV-BCĐ, CV 11/CV-BCĐ",
        grace=GRACE_CV11,
    ),
    Law("CX-LD-2025-LLCT", *TWO_TIER, LEADERS_2025, Level("political_theory", "trung_cap"), "§2, §9.2 [M]"),
    Law(
        "CX-CB-2025-STD",
        *TWO_TIER,
        PARTY_SECRETARIES | COUNCIL_AND_COMMITTEE_CHAIRS,
        Other("not_encoded", (("subject", "commune_cadre_2025"),)),
        "§9.3 [L]",
    ),
    Law(
        "CX-CB-2025-ORG",
        *TWO_TIER,
        MASS_ORGANISATIONS,
        Other("not_encoded", (("subject", "commune_organisation_2025"),)),
        "§9.6 [L]",
    ),
    Law(
        "CX-QS-2025",
        *TWO_TIER,
        frozenset({"commune.chi_huy_truong_quan_su"}),
        Other("not_encoded", (("subject", "military_commander_2025"),)),
        "§9.6 [L]",
    ),
    # -- ranks, TT 2/2021 amended by TT 06/2022 (§3.1) --
    Law("RANK-CVCC-PROF", *TT2_2021, frozenset({"rank.01.001"}), Level("professional", "dai_hoc"), "§3.1"),
    Law("RANK-CVCC-LLCT", *TT2_2021, frozenset({"rank.01.001"}), Level("political_theory", "cao_cap"), "§3.1"),
    Law(
        "RANK-CVCC-QLNN",
        *TT2_2021,
        frozenset({"rank.01.001"}),
        Other("state_management", (("level", "chuyen_vien_cao_cap"),)),
        "§3.1; CV 1848/BNV-CCVC (appointed before 01/08/2022)",
        relieved_until=D(2022, 8, 1),
    ),
    Law("RANK-CVC-PROF", *TT2_2021, frozenset({"rank.01.002"}), Level("professional", "dai_hoc"), "§3.1 [M]"),
    Law(
        "RANK-CVC-IT-2021",
        D(2021, 8, 1),
        D(2022, 8, 14),
        frozenset({"rank.01.002"}),
        Level("it", "co_ban"),
        "§3.1: to 14/08/2022 (TT 06/2022 from 15/08/2022)",
    ),
    Law(
        "RANK-CVC-FL-2021",
        D(2021, 8, 1),
        D(2022, 8, 14),
        frozenset({"rank.01.002"}),
        Other("any_of"),
        "§3.1: bậc 3 or an ethnic-language certificate, to 14/08/2022",
    ),
    Law("RANK-CV-PROF", *TT2_2021, frozenset({"rank.01.003"}), Level("professional", "dai_hoc"), "§3.1 [M]"),
    Law(
        "RANK-CS-STD",
        *TT2_2021,
        frozenset({"rank.01.004"}),
        Other("not_encoded", (("subject", "rank_officer"),)),
        "§3.1 [L]",
    ),
    Law(
        "RANK-NV-STD",
        *TT2_2021,
        frozenset({"rank.01.005"}),
        Other("not_encoded", (("subject", "rank_staff"),)),
        "§3.1 [L]",
    ),
    # -- leadership titles, ND 29/2024 (§3.2) --
    Law("GDS-2024-PROF", *ND29_2024, frozenset({"province.giam_doc_so"}), Level("professional", "dai_hoc"), "§3.2"),
    Law("GDS-2024-LLCT", *ND29_2024, frozenset({"province.giam_doc_so"}), Level("political_theory", "cao_cap"), "§3.2"),
    Law(
        "GDS-2024-QLNN",
        *ND29_2024,
        frozenset({"province.giam_doc_so"}),
        Other("state_management", (("level", "chuyen_vien_cao_cap"),)),
        "§3.2",
    ),
    Law(
        "PGDS-2024-PROF", *ND29_2024, frozenset({"province.pho_giam_doc_so"}), Level("professional", "dai_hoc"), "§3.2"
    ),
    Law(
        "PGDS-2024-LLCT",
        *ND29_2024,
        frozenset({"province.pho_giam_doc_so"}),
        Level("political_theory", "trung_cap"),
        "§3.2",
    ),
    Law(
        "DTP-2024-STD",
        D(2024, 5, 1),
        D(2025, 6, 30),
        frozenset({"district.truong_phong", "district.pho_truong_phong"}),
        Other("not_encoded", (("subject", "district_department_head"),)),
        "§3.2 [L]; districts end 30/06/2025",
    ),
    # -- appointment conditions (§3.3, §3.4, §9.4, §9.5) --
    Law(
        "APPT-2020-TERM",
        D(2020, 12, 1),
        D(2025, 6, 30),
        APPOINTED,
        Other("appointment_term", (("months", 60),)),
        "§3.3 ND 138/2020 Art 42",
        appointment_only=True,
    ),
    Law(
        "APPT-2020-ROTATION",
        D(2020, 12, 1),
        D(2025, 6, 30),
        APPOINTED,
        Other("appointment_term", (("months", 120), ("rotation", True))),
        "§3.3 ND 138/2020 Art 56",
        appointment_only=True,
    ),
    Law(
        "APPT-2020-PLAN",
        D(2020, 12, 1),
        D(2025, 6, 30),
        APPOINTED,
        Other("in_planning"),
        "§3.3",
        appointment_only=True,
    ),
    Law(
        "APPT-2020-DISC",
        D(2020, 12, 1),
        D(2025, 6, 30),
        APPOINTED,
        Other("discipline_waiting"),
        "§3.3",
        appointment_only=True,
    ),
    Law(
        "APPT-2025-TERM",
        D(2025, 7, 1),
        D(2026, 7, 31),
        APPOINTED,
        Other("appointment_term", (("months", 60),)),
        "§9.4 ND 170/2025 (to 31/07/2026)",
        appointment_only=True,
    ),
    Law(
        "APPT-2025-PLAN",
        D(2025, 7, 1),
        D(2026, 7, 31),
        APPOINTED,
        Other("not_encoded", (("subject", "planning_2025"),)),
        "§9.4",
        appointment_only=True,
    ),
    Law(
        "APPT-2025-DISC-GAP",
        D(2025, 7, 1),
        D(2025, 10, 7),
        CADRES_AND_LEADERS,
        Other("discipline_waiting"),
        "§9.5: before QĐ 377-QĐ/TW",
        appointment_only=True,
    ),
    Law(
        "APPT-2025-DISC",
        D(2025, 10, 8),
        None,
        CADRES_AND_LEADERS,
        Other("discipline_waiting", (("months", (("khien_trach", 24), ("canh_cao", 36), ("cach_chuc", 60))),)),
        "§3.4 QĐ 377-QĐ/TW: 24/36/60 months",
        appointment_only=True,
    ),
    Law(
        "APPT-2026-TERM",
        D(2026, 8, 1),
        None,
        APPOINTED,
        Other("appointment_term", (("months", 60), ("waivable", True))),
        "§9.4 ND 300/2026",
        appointment_only=True,
    ),
    Law(
        "APPT-2026-PLAN",
        D(2026, 8, 1),
        None,
        APPOINTED,
        Other("in_planning", (("waivable", True),)),
        "§9.4",
        appointment_only=True,
    ),
    Law(
        "APPT-2026-LOWER",
        D(2026, 8, 1),
        None,
        APPOINTED,
        Other("time_in_lower_post", (("months", 12), ("waivable", True))),
        "§9.4",
        appointment_only=True,
    ),
    Law(
        "APPT-2026-RATINGS",
        D(2026, 8, 1),
        None,
        APPOINTED,
        Other("recent_ratings", (("years", 3), ("at_least", "hoan_thanh_tot"))),
        "§9.4: 'trong 03 năm gần nhất'",
        appointment_only=True,
    ),
    # -- every official (§4, §5) --
    Law(
        "EVAL-2020-2Y",
        D(2020, 7, 1),
        D(2025, 12, 31),
        None,
        Other("no_consecutive_failures", (("years", 2),)),
        "§5 Law 52/2019 (01/07/2020) to Law 80/2025",
    ),
    Law(
        "EVAL-2026",
        D(2026, 1, 1),
        None,
        None,
        Other("no_failure_since", (("first_year", 2026), ("previous_run", 2), ("previous_since", 2020))),
        "§5 Law 80/2025; a Law 52/2019 run (2 years, from 2020) before it is a notice",
    ),
    Law(
        "CBCC-RETIREMENT",
        D(2013, 5, 1),
        None,
        None,
        Other("not_past_retirement"),
        "§4; BLLĐ 2012 in force 01/05/2013 [M]",
    ),
    Law("CBCC-TITLE", D(1900, 1, 1), None, None, Other("title_in_force"), "bookkeeping: the title exists that day"),
)
"""One row per built-in rule."""

BY_CODE = {law.code: law for law in LAW}

DOCUMENTS: dict[str, tuple[date | None, date | None]] = {
    # document: (signed, first day in force), as legal-sources.md states them (section); None where it is silent.
    "Thông tư 06/2012/TT-BNV": (D(2012, 10, 30), D(2012, 12, 15)),  # §1.2 (in force: 45 days after signing)
    "Thông tư 13/2019/TT-BNV": (D(2019, 11, 6), D(2019, 12, 25)),  # §1.2
    "Thông tư 04/2022/TT-BNV": (D(2022, 5, 23), D(2022, 7, 1)),  # §1.2
    "Nghị định 33/2023/NĐ-CP": (D(2023, 6, 10), D(2023, 8, 1)),  # §1.2
    "Nghị định 29/2024/NĐ-CP": (D(2024, 3, 6), D(2024, 5, 1)),  # §3.2
    "Nghị định 135/2020/NĐ-CP": (D(2020, 11, 18), D(2021, 1, 1)),  # §4
    "Nghị định 138/2020/NĐ-CP": (D(2020, 11, 27), D(2020, 12, 1)),  # §3.3
    "Hướng dẫn 06-HD/BTCTW": (D(2021, 7, 26), D(2021, 7, 26)),  # §3.3
    "Quy định 50-QĐ/TW": (D(2021, 12, 27), D(2021, 12, 27)),  # §3.4
    "Quy định 377-QĐ/TW": (D(2025, 10, 8), D(2025, 10, 8)),  # §3.4
    "Công văn 03/CV-BCĐ": (D(2025, 4, 15), None),  # §2
    "Công văn 11/CV-BCĐ": (D(2025, 6, 4), D(2025, 7, 1)),  # §0, §9.1
    "Công văn 1848/BNV-CCVC": (D(2024, 4, 5), None),  # §3.1
    "Nghị định 300/2026/NĐ-CP": (D(2026, 7, 29), D(2026, 8, 1)),  # §9.4
    "Thông tư 2/2021/TT-BNV": (None, D(2021, 8, 1)),  # §3.1
    "Thông tư 06/2022/TT-BNV": (None, D(2022, 8, 15)),  # §3.1
    "Luật Hộ tịch 60/2014/QH13": (None, D(2016, 1, 1)),  # §1.2
    "Luật Cán bộ, công chức 80/2025/QH15": (None, D(2025, 7, 1)),  # §9.0
    "Quy định 365-QĐ/TW": (D(2025, 8, 30), D(2025, 8, 30)),  # §9.3
    "Nghị định 150/2025/NĐ-CP": (D(2025, 6, 12), D(2025, 7, 1)),  # §9.0
    "Nghị định 361/2025/NĐ-CP": (None, D(2025, 12, 31)),  # §9.0
    "Nghị định 172/2025/NĐ-CP": (D(2025, 6, 30), D(2025, 7, 1)),  # §9.5 (signing date: the decree's own header)
    "Nghị định 48/2023/NĐ-CP": (None, D(2023, 9, 15)),  # §5
    "Công văn 3825/UBND-NC (Quảng Ngãi)": (D(2021, 8, 11), None),  # §0
    "Bộ luật Lao động 10/2012/QH13": (None, D(2013, 5, 1)),  # §4 [M]: in force until BLLĐ 2019
    "Bộ luật Lao động 45/2019/QH14": (None, D(2021, 1, 1)),  # §4
}
LATER_STARTS: dict[tuple[str, str], date] = {
    ("Luật Cán bộ, công chức 80/2025/QH15", "26, 27"): D(2026, 1, 1),  # §5: evaluation from 01/01/2026
}
"""Articles that apply from a later day than their document."""
"""The dates of the documents the rules cite (a citation shows them)."""
