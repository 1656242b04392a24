"""Dates no serving official can have, the retirement rule, the fault action, and row errors in Vietnamese
(docs/outcomes.md "Data checks", "Action")."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cbcc_standards import Action, Assessment, Engine, Official, Outcome, Status
from cbcc_standards.cli import main
from cbcc_standards.dates import add_years
from cbcc_standards.plugins import load_registry
from cbcc_standards.results import Rejected, RowError, validation_message
from cbcc_standards.sanity import PLACEHOLDERS, YOUNGEST, _born_between, _implausible, implausible_dates

ON = date(2024, 6, 1)


def data_finding(a: Assessment) -> Any:
    return next((f for f in a.findings if f.rule == "CBCC-DATA"), None)


# (fields, the dates questioned) — each check on both sides of its bound
CASES = [
    pytest.param({"birth_date": "2024-06-01"}, ("birth_date",), id="born-on-the-day-is-under-15"),
    pytest.param({"birth_date": "2024-06-02"}, ("birth_date",), id="born-after-the-day"),
    pytest.param({"birth_date": "2009-06-01", "recruited_on": None}, (), id="exactly-15"),
    pytest.param({"birth_date": "2009-06-02", "recruited_on": None}, ("birth_date",), id="a-day-under-15"),
    pytest.param({"birth_date": "1943-06-02", "recruited_on": None}, (), id="80-years-old"),
    pytest.param({"birth_date": "1943-06-01", "recruited_on": None}, ("birth_date",), id="81-years-old"),
    pytest.param({"birth_date": "1900-01-01", "recruited_on": None}, ("birth_date",), id="placeholder-birth"),
    pytest.param({"recruited_on": "9999-12-31"}, ("recruited_on",), id="placeholder-recruitment"),
    pytest.param({"recruited_on": "2024-06-01"}, (), id="recruited-on-the-day"),
    pytest.param({"recruited_on": "2024-06-02"}, ("recruited_on",), id="recruited-after-the-day"),
    pytest.param({"birth_date": "1985-04-12", "recruited_on": "2000-04-12"}, (), id="recruited-at-15"),
    pytest.param({"birth_date": "1985-04-12", "recruited_on": "2000-04-11"}, ("recruited_on",), id="recruited-at-14"),
    pytest.param({"recruited_on": "2015-03-01", "appointed_on": "2015-03-01"}, (), id="appointed-when-recruited"),
    pytest.param(
        {"recruited_on": "2015-03-01", "appointed_on": "2015-02-28"}, ("appointed_on",), id="appointed-before-recruited"
    ),
]


@pytest.mark.parametrize(("fields", "questioned"), CASES)
def test_implausible_dates_are_questioned_and_never_judged(
    engine: Engine, make_official: Callable[..., Official], fields: dict[str, Any], questioned: tuple[str, ...]
) -> None:
    official = make_official(**fields)
    assert tuple(f for f, _ in implausible_dates(official, ON)) == questioned
    a = engine.evaluate(official, as_of=ON)
    found = data_finding(a)
    if not questioned:
        assert found is None
        return
    assert found.outcome is Outcome.UNDETERMINED
    assert found.missing == questioned
    assert a.status is not Status.COMPLIANT
    # No other finding rests on the questioned date: each rule that reads it has it as unknown.
    for f in a.findings:
        if f.rule != "CBCC-DATA" and f.outcome is not Outcome.NOT_APPLICABLE:
            reads = getattr(f.required, "reads", ())
            assert not set(reads) & set(questioned) or f.outcome is Outcome.UNDETERMINED, f


def test_the_data_finding_says_what_is_wrong_in_both_languages(
    engine: Engine, make_official: Callable[..., Official]
) -> None:
    official = make_official(birth_date="9999-12-31", recruited_on="2030-01-01")
    found = data_finding(engine.evaluate(official, as_of=ON))
    assert "ngày sinh 31/12/9999 là giá trị giữ chỗ" in found.message("vi")
    assert "ngày tuyển dụng 01/01/2030 sau ngày đánh giá 01/06/2024" in found.message("vi")
    assert "placeholder" in found.message("en")


# -- retirement ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gender", "on", "outcome"),
    [
        # A man born 10/09/1964 retires on 31/12/2025 (legal-sources.md §4 check point).
        ("male", date(2025, 12, 31), Outcome.MET),
        ("male", date(2026, 1, 1), Outcome.NOT_MET),
        # A woman born the same day retires on 30/09/2019 (55 before 2021).
        ("female", date(2019, 9, 30), Outcome.MET),
        ("female", date(2019, 10, 1), Outcome.NOT_MET),
        # Gender unknown: decided only when both dates are on the same side.
        (None, date(2019, 9, 30), Outcome.MET),
        (None, date(2019, 10, 1), Outcome.UNDETERMINED),
        (None, date(2025, 12, 31), Outcome.UNDETERMINED),
        (None, date(2026, 1, 1), Outcome.NOT_MET),
        # The day the 2019 Labour Code took effect, and the day before (which code is cited).
        ("male", date(2020, 12, 31), Outcome.MET),
        ("male", date(2021, 1, 1), Outcome.MET),
    ],
)
def test_past_the_retirement_age(
    engine: Engine, make_official: Callable[..., Official], gender: str | None, on: date, outcome: Outcome
) -> None:
    official = make_official(gender=gender, birth_date="1964-09-10", recruited_on="1990-01-01")
    found = next(f for f in engine.evaluate(official, as_of=on).findings if f.rule == "CBCC-RETIREMENT")
    assert found.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        assert found.missing == ("gender",)
    # The Labour Code in force on the day is cited.
    assert found.basis[0].document == (
        "Bộ luật Lao động 45/2019/QH14" if on.year >= 2021 else "Bộ luật Lao động 10/2012/QH13"
    )


def test_the_retirement_rule_starts_with_the_2012_labour_code(
    engine: Engine, make_official: Callable[..., Official]
) -> None:
    official = make_official(birth_date="1950-01-01", recruited_on="1975-01-01")
    rules = lambda on: {f.rule for f in engine.evaluate(official, as_of=on).findings}  # noqa: E731
    assert "CBCC-RETIREMENT" not in rules(date(2013, 4, 30))
    assert "CBCC-RETIREMENT" in rules(date(2013, 5, 1))


# -- a rule that fails: report the fault, do not ask for data ---------------------------------------------------------


def test_a_failing_rule_asks_to_report_the_fault_not_for_data(cbcc_failing_engine: Engine) -> None:
    a = cbcc_failing_engine.evaluate({"id": "X", "title": "commune.dia_chinh"}, as_of=ON)
    assert a.status is Status.UNDETERMINED
    assert a.action is Action.REPORT_FAULT
    error = next(f for f in a.findings if f.outcome is Outcome.ERROR)
    assert "không phải lỗi dữ liệu" in error.message("vi")
    assert "administrator" in error.message("en")


@pytest.fixture
def cbcc_failing_engine() -> Engine:
    from cbcc_standards import Custom, Rule, RuleSet, Text, hookimpl, load_registry
    from cbcc_standards.law import LegalBasis, Period

    def boom(official: Official, ctx: Any) -> Any:
        raise RuntimeError("boom")

    class Plugin:
        __name__ = "failing_rule"

        @hookimpl
        def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
            basis = LegalBasis(document="Quyết định thử nghiệm", effective=Period(start=date(2020, 1, 1)))
            rule = Rule(
                code="TEST-BOOM",
                name="boom",
                title=Text(vi="Thử", en="Test"),
                basis=(basis,),
                valid=Period(start=date(2020, 1, 1)),
                requirement=Custom(name="boom", check=boom),
                standard=False,
            )
            register(RuleSet(code="test.boom", title=Text(vi="Thử", en="Test"), rules=(rule,)))

    return Engine(load_registry(load_entry_points=False, plugins=[Plugin()], strict=True))


# -- row errors in the reader's language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "vi"),
    [
        ("birth_date", "ngày sinh"),
        ("qualifications.1.level", "trình độ của văn bằng, chứng chỉ thứ 2"),
        ("qualifications.0.professional.field", "ngành đào tạo của trình độ chuyên môn của văn bằng, chứng chỉ thứ 1"),
        ("evaluations.2023", "đánh giá, xếp loại năm 2023"),
        ("something_else", "something_else"),
    ],
)
def test_field_names_in_vietnamese(field: str, vi: str) -> None:
    assert validation_message("missing", "Field required", field, "vi") == f"«{vi}»: thiếu trường bắt buộc."
    assert validation_message("missing", "Field required", field, "en") == f"{field}: required field missing."


def test_a_row_error_from_the_validator_is_rendered_a_reader_remark_kept() -> None:
    validator = RowError(field="birth_date", message="invalid date 'x'", code="invalid_date", english=True)
    assert validator.render("vi") == "«ngày sinh»: ngày không hợp lệ hoặc không có thật (invalid date 'x')."
    assert validator.render("en") == "birth_date: invalid date (invalid date 'x')."
    quoted = validator.model_copy(update={"value": "'x'"})  # the value refused, for the Vietnamese words
    assert quoted.render("vi") == "«ngày sinh»: ngày không hợp lệ hoặc không có thật ('x')."
    assert quoted.render("en") == validator.render("en")
    remark = RowError(field="birth_date", message="đã viết bằng tiếng Việt", code="placeholder_date")
    assert remark.render("vi") == remark.render("en") == "đã viết bằng tiếng Việt"
    unknown = RowError(field="x", message="Some pydantic text", code="no_such_code", english=True)
    assert unknown.render("vi") == "«x»: giá trị không hợp lệ (Some pydantic text)."
    assert unknown.render("en") == "Some pydantic text"
    long = RowError(field="x", message="y" * 5000, code="no_such_code", english=True)
    assert len(long.render("vi")) < 400


def test_rejected_rows_are_in_vietnamese_in_every_format(tmp_path: Path) -> None:
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps([{"id": "A", "birth_date": "31/02/1980", "title": "commune.dia_chinh"}]), "utf-8")
    out = io.StringIO()
    assert main(["check", str(roster), "--as-of", "2024-01-01", "--format", "json", "--plugins", ""], out=out) == 0
    (error,) = json.loads(out.getvalue())["rejected"][0]["errors"]
    assert error["message"].startswith("«ngày sinh»: ngày không hợp lệ")
    out = io.StringIO()
    args = ["check", str(roster), "--as-of", "2024-01-01", "--format", "json", "--plugins", "", "--lang", "en"]
    assert main(args, out=out) == 0
    (error,) = json.loads(out.getvalue())["rejected"][0]["errors"]
    assert error["message"].startswith("birth_date: invalid date")
    out = io.StringIO()
    assert main(["check", str(roster), "--as-of", "2024-01-01", "--plugins", ""], out=out) == 0
    assert "«ngày sinh»: ngày không hợp lệ" in out.getvalue()


def test_a_refused_value_is_quoted_in_vietnamese_without_the_validators_english() -> None:
    """Vietnamese for Vietnamese readers: an unknown title, ethnicity or gender, or an impossible date, is named by the
    value refused (and the allowed values), not by pydantic's English sentence; English keeps the validator's text."""
    engine = Engine(load_registry(load_entry_points=False))
    rows = [
        {"id": "A", "gender": "?"},
        {"id": "B", "birth_date": "31/02/1980"},
        {"id": "C", "title": "Chủ tịch vũ trụ"},
        {"id": "D", "ethnicity": "Martian"},
    ]
    rejected = [r for r in engine.validate_roster(rows) if isinstance(r, Rejected)]
    vi = [e.render("vi") for r in rejected for e in r.errors]
    assert vi == [
        "«giới tính»: giá trị không thuộc danh sách cho phép ('?'; 'male', 'female').",
        "«ngày sinh»: ngày không hợp lệ hoặc không có thật ('31/02/1980').",
        "«chức danh»: chức danh không có trong danh mục ('Chủ tịch vũ trụ').",
        "«dân tộc»: không nhận ra dân tộc ('Martian').",
    ]
    en = [e.render("en") for r in rejected for e in r.errors]
    assert "Input should be 'male' or 'female'" in en[0]
    assert "day is out of range for month" in en[1]


_QUICK_ON = (date(2024, 1, 1), date(2010, 6, 1))
_EDGES = (
    st.sampled_from(
        sorted(
            {
                *PLACEHOLDERS,
                *(
                    date.fromordinal(d.toordinal() + k)
                    for on in _QUICK_ON
                    for d in (*_born_between(on), on, add_years(date(1980, 6, 1), YOUNGEST))
                    for k in (-1, 0, 1)
                ),
                date(1980, 6, 1),
            }
        )
    )
    | st.none()
    | st.dates(min_value=date(1940, 1, 1), max_value=date(2030, 12, 31))
)


@settings(max_examples=600, deadline=None, database=None)
@given(birth=_EDGES, recruited=_EDGES, appointed=_EDGES, as_of=st.sampled_from(_QUICK_ON))
def test_the_quick_answer_is_the_full_one(
    birth: date | None, recruited: date | None, appointed: date | None, as_of: date
) -> None:
    """:func:`implausible_dates` decides the common row at once: always what every check in turn finds."""
    official = Official.model_construct(
        id="X", birth_date=birth, recruited_on=recruited, appointed_on=appointed, qualifications=None
    )
    assert implausible_dates(official, as_of) == _implausible(official, as_of)
