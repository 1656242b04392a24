"""Qualification ladders (legal-sources.md §6): order, and the spellings found in real records."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from pydantic import ValidationError

from cbcc_standards import Official
from cbcc_standards.ladders import (
    DISCIPLINE,
    EVALUATION,
    FOREIGN_LANGUAGE,
    GENERAL_EDUCATION,
    IT_SKILL,
    LADDERS,
    POLITICAL_THEORY,
    PROFESSIONAL,
    STATE_MANAGEMENT,
    Ladder,
    UnknownLevelError,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("ladder", "order"),
    [
        pytest.param(GENERAL_EDUCATION, ("tieu_hoc", "thcs", "thpt"), id="general-education"),
        pytest.param(
            PROFESSIONAL, ("so_cap", "trung_cap", "cao_dang", "dai_hoc", "thac_si", "tien_si"), id="professional"
        ),
        pytest.param(POLITICAL_THEORY, ("so_cap", "trung_cap", "cao_cap"), id="political-theory-QD57/2022"),
        pytest.param(STATE_MANAGEMENT, ("chuyen_vien", "chuyen_vien_chinh", "chuyen_vien_cao_cap"), id="QLNN"),
        pytest.param(FOREIGN_LANGUAGE, tuple(f"bac_{n}" for n in range(1, 7)), id="foreign-language-TT01/2014"),
        pytest.param(IT_SKILL, ("co_ban", "nang_cao"), id="IT-TT03/2014"),
        pytest.param(
            EVALUATION, ("khong_hoan_thanh", "hoan_thanh", "hoan_thanh_tot", "hoan_thanh_xuat_sac"), id="evaluation"
        ),
        pytest.param(
            DISCIPLINE,
            ("khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "bai_nhiem", "buoc_thoi_viec"),
            id="discipline",
        ),
    ],
)
def test_ladder_order(ladder: Ladder, order: tuple[str, ...]) -> None:
    assert ladder.codes == order
    assert [ladder.rank(code) for code in order] == list(range(len(order)))
    assert LADDERS[ladder.name] is ladder
    for low, high in itertools.pairwise(order):
        assert ladder.at_least(high, low)
        assert not ladder.at_least(low, high)


@pytest.mark.parametrize(
    ("ladder", "text", "code"),
    [
        # general education
        pytest.param(GENERAL_EDUCATION, "12/12", "thpt", id="12/12"),
        pytest.param(GENERAL_EDUCATION, "9/12", "thcs", id="9/12"),
        pytest.param(GENERAL_EDUCATION, "10/10", "thpt", id="old-10/10"),
        pytest.param(GENERAL_EDUCATION, "7/10", "thcs", id="old-7/10"),
        pytest.param(GENERAL_EDUCATION, "THPT", "thpt", id="THPT"),
        pytest.param(GENERAL_EDUCATION, "thpt", "thpt", id="code"),
        pytest.param(GENERAL_EDUCATION, "Trung học phổ thông", "thpt", id="Trung-hoc-pho-thong"),
        pytest.param(GENERAL_EDUCATION, "TRUNG HỌC PHỔ THÔNG", "thpt", id="upper-case"),
        pytest.param(GENERAL_EDUCATION, nfd("Trung học phổ thông"), "thpt", id="THPT-NFD"),
        pytest.param(GENERAL_EDUCATION, "trung hoc co so", "thcs", id="THCS-no-diacritics"),
        pytest.param(GENERAL_EDUCATION, "Cấp 3", "thpt", id="cap-3"),
        pytest.param(GENERAL_EDUCATION, "Tiểu học", "tieu_hoc", id="tieu-hoc"),
        # professional
        pytest.param(PROFESSIONAL, "Đại học", "dai_hoc", id="Dai-hoc"),
        pytest.param(PROFESSIONAL, "ĐH", "dai_hoc", id="DH"),
        pytest.param(PROFESSIONAL, "đh", "dai_hoc", id="dh-lower"),
        pytest.param(PROFESSIONAL, "dai hoc", "dai_hoc", id="dai-hoc-ascii"),
        pytest.param(PROFESSIONAL, "ĐẠI HỌC", "dai_hoc", id="DAI-HOC-upper"),
        pytest.param(PROFESSIONAL, nfd("Đại học"), "dai_hoc", id="Dai-hoc-NFD"),
        pytest.param(PROFESSIONAL, "  Đại  học ", "dai_hoc", id="extra-spaces"),
        pytest.param(PROFESSIONAL, "Cử nhân", "dai_hoc", id="cu-nhan"),
        pytest.param(PROFESSIONAL, "Kỹ sư", "dai_hoc", id="ky-su"),
        pytest.param(PROFESSIONAL, "Kĩ sư", "dai_hoc", id="ki-su"),
        pytest.param(PROFESSIONAL, "Trung cấp", "trung_cap", id="Trung-cap"),
        pytest.param(PROFESSIONAL, "TC", "trung_cap", id="TC"),
        pytest.param(PROFESSIONAL, "Trung học chuyên nghiệp", "trung_cap", id="THCN"),
        pytest.param(PROFESSIONAL, "Cao đẳng", "cao_dang", id="Cao-dang"),
        pytest.param(PROFESSIONAL, "CĐ", "cao_dang", id="CD"),
        pytest.param(PROFESSIONAL, "Sơ cấp", "so_cap", id="So-cap"),
        pytest.param(PROFESSIONAL, "Thạc sĩ", "thac_si", id="Thac-si"),
        pytest.param(PROFESSIONAL, "Thạc sỹ", "thac_si", id="Thac-sy"),
        pytest.param(PROFESSIONAL, "ThS", "thac_si", id="ThS"),
        pytest.param(PROFESSIONAL, "Tiến sĩ", "tien_si", id="Tien-si"),
        pytest.param(PROFESSIONAL, "TS", "tien_si", id="TS"),
        # political theory
        pytest.param(POLITICAL_THEORY, "Trung cấp LLCT", "trung_cap", id="Trung-cap-LLCT"),
        pytest.param(POLITICAL_THEORY, "trung cấp lý luận chính trị", "trung_cap", id="trung-cap-ly-luan"),
        pytest.param(POLITICAL_THEORY, "Trung cấp LLCT - Hành chính", "trung_cap", id="trung-cap-LLCT-HC"),
        pytest.param(POLITICAL_THEORY, "Trung cấp LLCT–HC", "trung_cap", id="trung-cap-LLCT-HC-en-dash"),
        pytest.param(POLITICAL_THEORY, "Sơ cấp LLCT", "so_cap", id="So-cap-LLCT"),
        pytest.param(POLITICAL_THEORY, "Cao cấp LLCT", "cao_cap", id="Cao-cap-LLCT"),
        pytest.param(POLITICAL_THEORY, "Cao cấp lý luận chính trị – hành chính", "cao_cap", id="cao-cap-LLCT-HC"),
        pytest.param(POLITICAL_THEORY, "cử nhân chính trị", "cao_cap", id="cu-nhan-chinh-tri-is-cao-cap"),
        pytest.param(POLITICAL_THEORY, "Cử nhân chính trị", "cao_cap", id="Cu-nhan-chinh-tri"),
        pytest.param(POLITICAL_THEORY, nfd("Cử nhân chính trị"), "cao_cap", id="cu-nhan-chinh-tri-NFD"),
        # state management, IT, foreign language, evaluation
        pytest.param(STATE_MANAGEMENT, "CVCC", "chuyen_vien_cao_cap", id="CVCC"),
        pytest.param(STATE_MANAGEMENT, "Chuyên viên chính", "chuyen_vien_chinh", id="chuyen-vien-chinh"),
        pytest.param(STATE_MANAGEMENT, "QLNN ngạch chuyên viên", "chuyen_vien", id="QLNN-chuyen-vien"),
        pytest.param(IT_SKILL, "Ứng dụng CNTT cơ bản", "co_ban", id="CNTT-co-ban"),
        pytest.param(IT_SKILL, "Tin học nâng cao", "nang_cao", id="tin-hoc-nang-cao"),
        pytest.param(FOREIGN_LANGUAGE, "B1", "bac_3", id="B1-is-bac-3"),
        pytest.param(FOREIGN_LANGUAGE, "Bậc 3", "bac_3", id="Bac-3"),
        pytest.param(FOREIGN_LANGUAGE, "C2", "bac_6", id="C2-is-bac-6"),
        pytest.param(EVALUATION, "Hoàn thành tốt nhiệm vụ", "hoan_thanh_tot", id="hoan-thanh-tot"),
        pytest.param(
            EVALUATION,
            "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực",
            "hoan_thanh",
            id="ND56/2015-name",
        ),
    ],
)
def test_parse_real_spellings(ladder: Ladder, text: str, code: str) -> None:
    assert ladder.parse(text) == code


@pytest.mark.parametrize(
    ("ladder", "text"),
    [
        pytest.param(GENERAL_EDUCATION, "bổ túc THPT", id="bo-tuc-THPT-equivalence-is-[L]"),
        pytest.param(GENERAL_EDUCATION, "8/12", id="8/12"),
        pytest.param(PROFESSIONAL, "cử nhân chính trị", id="political-degree-is-not-a-professional-level"),
        pytest.param(PROFESSIONAL, "Trung cấp LLCT", id="LLCT-is-not-a-professional-level"),
        pytest.param(FOREIGN_LANGUAGE, "B", id="old-B-certificate-mapping-is-[L]"),
        pytest.param(PROFESSIONAL, "", id="empty"),
        pytest.param(PROFESSIONAL, "xyz", id="nonsense"),
        pytest.param(PROFESSIONAL, None, id="None"),
        pytest.param(PROFESSIONAL, 3, id="number"),
    ],
)
def test_unknown_spellings_raise(ladder: Ladder, text: object) -> None:
    with pytest.raises(UnknownLevelError) as info:
        ladder.parse(text)
    assert info.value.code == "unknown_level"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        pytest.param("dai_hoc", "Đại học", "University", id="dai-hoc"),
        pytest.param("trung_cap", "Trung cấp", "Intermediate (trung cấp)", id="trung-cap"),
    ],
)
def test_labels(code: str, vi: str, en: str) -> None:
    assert PROFESSIONAL.label(code) == vi
    assert PROFESSIONAL.label(code, "en") == en


def test_roster_rows_accept_real_spellings() -> None:
    official = Official.model_validate(
        {
            "id": "x",
            "qualifications": [
                {"kind": "general_education", "level": "12/12"},
                {"kind": "professional", "level": "Trung cấp", "field": "kế toán"},
                {"kind": "professional", "level": nfd("Đại học"), "field": "luật"},
                {"kind": "political_theory", "level": "Trung cấp LLCT"},
                {"kind": "political_theory", "level": "cử nhân chính trị"},
                {"kind": "it", "level": "tin học cơ bản"},
            ],
        }
    )
    assert [getattr(q, "level", None) for q in official.qualifications or ()] == [
        "thpt",
        "trung_cap",
        "dai_hoc",
        "trung_cap",
        "cao_cap",
        "co_ban",
    ]
    assert official.highest("professional") == "dai_hoc"
    assert official.highest("political_theory") == "cao_cap"
    assert official.highest("foreign_language") is None


def test_roster_row_with_unknown_level_is_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Official.model_validate({"id": "x", "qualifications": [{"kind": "professional", "level": "bằng nghề"}]})
    (error,) = info.value.errors()
    assert error["type"] == "unknown_level"
    assert error["loc"][:2] == ("qualifications", 0)
