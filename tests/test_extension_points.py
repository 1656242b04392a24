"""What a plugin author relies on: an output format registered through the renderer hook is what ``--format``
uses; a provincial rule that says it tightens a national rule is rejected at registration when it loosens it, for
every kind of requirement; a rule whose window exceeds its legal basis is rejected; hooks run in pluggy's order."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, Any

import pytest

from cbcc_standards import Lang, LegalBasis, Period, Rule, RuleSet, Text, hookimpl, load_registry
from cbcc_standards import cli as cli_module
from cbcc_standards import plugins as plugins_module
from cbcc_standards.law import Confidence
from cbcc_standards.plugins import RegistrationError
from cbcc_standards.report.renderers import Renderer, ReviewDocument
from cbcc_standards.rules.requirements import (
    AppointmentTerm,
    DisciplineWaiting,
    MaxAgeAtFirstAppointment,
    MinAge,
    MinLevel,
    NoConsecutiveFailures,
    NoFailureSince,
    Requirement,
    StateManagementCertificate,
    TimeInLowerPost,
)

PROVINCIAL_ACT = LegalBasis(
    document="Quyết định 1/2020/QĐ-UBND tỉnh Thử",
    signed=date(2020, 1, 1),
    effective=Period(start=date(2020, 1, 1)),
    confidence=Confidence.SETTLED,
)


def _markdown(document: ReviewDocument, out: IO[str], lang: Lang) -> None:
    out.write(f"# {document.as_of.isoformat()}\n")
    for assessment in document.assessments():
        out.write(f"- {assessment.id}: {assessment.status.value}\n")
    out.write(f"\n{sum(document.report.counts.values())} officials\n")


class Markdown:
    """A province's own report format."""

    __name__ = "markdown_plugin"

    @hookimpl
    def cbcc_register_renderers(self, register: Callable[[Renderer], None]) -> None:
        register(
            Renderer(
                name="markdown",
                extension=".md",
                render=_markdown,
                documents=frozenset({"review"}),
                media_type="text/markdown",
                label=Text(vi="Markdown", en="Markdown"),
            )
        )


@pytest.fixture
def with_plugins(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make the command line load these plugin objects as if installed (besides the built-ins)."""

    def install(*plugins: object) -> None:
        real = plugins_module.load_registry

        def load(**kwargs: Any) -> Any:
            kwargs.setdefault("plugins", [])
            kwargs["plugins"] = [*kwargs["plugins"], *plugins]
            kwargs["load_entry_points"] = False
            return real(**kwargs)

        monkeypatch.setattr(plugins_module, "load_registry", load)

    return install


ROSTER = Path(__file__).resolve().parent.parent / "examples" / "quang-ngai-2026" / "roster.json"


def test_a_plugin_format_is_what_format_uses(with_plugins: Callable[..., None], tmp_path: Path) -> None:
    with_plugins(Markdown())
    out = io.StringIO()
    code = cli_module.main(["check", str(ROSTER), "--as-of", "2026-12-05", "--format", "markdown"], out=out)
    assert code == 0
    text = out.getvalue()
    rows = json.loads(ROSTER.read_text(encoding="utf-8"))
    assert text.startswith("# 2026-12-05\n")
    assert text.count("\n- ") == len(rows)
    assert f"\n{len(rows)} officials\n" in text
    # --output's extension chooses it too, and the file is written.
    target = tmp_path / "review.md"
    assert cli_module.main(["check", str(ROSTER), "--as-of", "2026-12-05", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == text


def test_an_unknown_format_lists_the_plugin_formats(
    with_plugins: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    with_plugins(Markdown())
    assert cli_module.main(["check", str(ROSTER), "--as-of", "2026-12-05", "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "markdown" in err
    assert "pdf" in err
    assert err.count("\n") == 1


class Tightens:
    """A provincial rule declaring that it tightens the national rule ``national``."""

    __name__ = "tightening_plugin"

    def __init__(
        self, national: str, requirement: Requirement, titles: frozenset[str] | None, start: date = date(2024, 5, 1)
    ) -> None:
        self.national, self.requirement, self.titles, self.start = national, requirement, titles, start

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                code="thu.tighten",
                title=Text(vi="Tỉnh Thử", en="Test province"),
                jurisdiction="THU",
                rules=(
                    Rule(
                        code="THU-TIGHT",
                        name="thu-tight",
                        title=Text(vi="Thử", en="Test"),
                        basis=(PROVINCIAL_ACT,),
                        valid=Period(start=self.start),
                        titles=self.titles,
                        tightens=self.national,
                        requirement=self.requirement,
                    ),
                ),
            )
        )


CX_CC_2023 = frozenset({"commune.tai_chinh_ke_toan"})
GDS = frozenset({"province.giam_doc_so"})
LEADER = frozenset({"commune.truong_phong"})
QD377 = (("khien_trach", 24), ("canh_cao", 36), ("cach_chuc", 60))


def _waiting(**changes: int) -> DisciplineWaiting:
    return DisciplineWaiting(months=tuple((form, changes.get(form, months)) for form, months in QD377))


@pytest.mark.parametrize(
    ("national", "requirement", "accepted"),
    [
        # ND 300/2026 cl.7(a): the whole 5-year term; a province may ask more, never less.
        ("APPT-2026-TERM", AppointmentTerm(months=60, waivable=True), True),
        ("APPT-2026-TERM", AppointmentTerm(months=72, waivable=True), True),
        ("APPT-2026-TERM", AppointmentTerm(months=59, waivable=True), False),
        # cl.3: 12 months in the lower post.
        ("APPT-2026-LOWER", TimeInLowerPost(months=12, waivable=True), True),
        ("APPT-2026-LOWER", TimeInLowerPost(months=11, waivable=True), False),
        # QĐ 377-QĐ/TW: 24 / 36 / 60 months after a discipline; equal or longer only.
        ("APPT-2025-DISC", _waiting(), True),
        ("APPT-2025-DISC", _waiting(canh_cao=48), True),
        ("APPT-2025-DISC", _waiting(khien_trach=23), False),
        # Law 80/2025: one year "không hoàn thành" from 2026; a province cannot wait for two.
        ("EVAL-2026", NoFailureSince(first_year=2026, previous_run=2, previous_since=2020), True),
    ],
    ids=["term-60", "term-72", "term-59", "lower-12", "lower-11", "wait-same", "wait-longer", "wait-shorter", "eval"],
)
def test_tightening_the_conditions_of_appointment(national: str, requirement: Requirement, accepted: bool) -> None:
    titles = None if national.startswith("EVAL") else LEADER
    plugin = Tightens(national, requirement, titles, start=date(2026, 8, 1))
    registry = load_registry(load_entry_points=False, plugins=[plugin])
    error = next(p.error for p in registry.plugins if p.name == "tightening_plugin")
    assert (error is None) == accepted, error


@pytest.mark.parametrize(("years", "accepted"), [(45, True), (40, True), (46, False)], ids=["same", "younger", "older"])
def test_tightening_a_maximum_age(years: int, accepted: bool) -> None:
    """QĐ 04/2004 Art 5: at most 45 at first appointment as Party secretary; a province may lower it, never raise it."""
    plugin = Tightens(
        "CX-BT-2004-AGE", MaxAgeAtFirstAppointment(years=years), frozenset({"commune.bi_thu"}), start=date(2023, 1, 1)
    )
    registry = load_registry(load_entry_points=False, plugins=[plugin])
    error = next(p.error for p in registry.plugins if p.name == "tightening_plugin")
    assert (error is None) == accepted, error


@pytest.mark.parametrize(("years", "accepted"), [(2, True), (3, False)], ids=["same", "looser"])
def test_tightening_the_two_year_rule(years: int, accepted: bool) -> None:
    """Law 52/2019: two consecutive years "không hoàn thành"; a province may not wait for three."""
    requirement = NoConsecutiveFailures(years=years, discipline_counts_from=2023, since=2020)
    plugin = Tightens("EVAL-2020-2Y", requirement, None, start=date(2024, 5, 1))
    registry = load_registry(load_entry_points=False, plugins=[plugin])
    error = next(p.error for p in registry.plugins if p.name == "tightening_plugin")
    assert (error is None) == accepted, error


@pytest.mark.parametrize(
    ("national", "requirement", "titles", "accepted"),
    [
        ("CX-CC-2023-AGE", MinAge(years=16), CX_CC_2023, False),
        ("CX-CC-2023-AGE", MinAge(years=18), CX_CC_2023, True),
        ("CX-CC-2023-AGE", MinAge(years=20), CX_CC_2023, True),
        ("GDS-2024-QLNN", StateManagementCertificate(level="chuyen_vien"), GDS, False),
        ("GDS-2024-QLNN", StateManagementCertificate(level="chuyen_vien_chinh"), GDS, False),
        ("GDS-2024-QLNN", StateManagementCertificate(level="chuyen_vien_cao_cap"), GDS, True),
        ("GDS-2024-PROF", MinLevel(ladder="professional", level="cao_dang"), GDS, False),
        ("GDS-2024-PROF", MinLevel(ladder="professional", level="thac_si"), GDS, True),
        # A different kind of requirement cannot be compared: it does not tighten that rule.
        ("CX-CC-2023-AGE", MinLevel(ladder="professional", level="tien_si"), CX_CC_2023, False),
    ],
    ids=["age-16", "age-18", "age-20", "qlnn-cv", "qlnn-cvc", "qlnn-cvcc", "prof-cao-dang", "prof-thac-si", "kind"],
)
def test_tightening_is_checked_for_every_requirement_kind(
    national: str, requirement: Requirement, titles: frozenset[str], accepted: bool
) -> None:
    plugin = Tightens(national, requirement, titles)
    registry = load_registry(load_entry_points=False, plugins=[plugin])
    error = next(p.error for p in registry.plugins if p.name == "tightening_plugin")
    if accepted:
        assert error is None
        assert registry.rule("THU-TIGHT")[2] == "tightening_plugin"
        return
    assert error is not None
    assert "THU-TIGHT" in error
    assert national in error
    assert "THU-TIGHT" not in {rule.code for rule, _, _ in registry.rules()}
    with pytest.raises(RegistrationError) as raised:
        load_registry(load_entry_points=False, plugins=[Tightens(national, requirement, titles)], strict=True)
    assert "tightening_plugin" in str(raised.value)


class OutOfWindow:
    """A rule in force before its only legal basis took effect."""

    __name__ = "early_plugin"

    @hookimpl
    def cbcc_register_rulesets(self, register: Callable[[RuleSet], None]) -> None:
        register(
            RuleSet(
                code="thu.early",
                title=Text(vi="Thử", en="Test"),
                jurisdiction="THU",
                rules=(
                    Rule(
                        code="THU-EARLY",
                        name="thu-early",
                        title=Text(vi="Thử", en="Test"),
                        basis=(PROVINCIAL_ACT,),
                        valid=Period(start=date(2019, 12, 31)),
                        requirement=MinAge(years=18),
                    ),
                ),
            )
        )


def test_a_rule_outside_its_basis_is_rejected() -> None:
    registry = load_registry(load_entry_points=False, plugins=[OutOfWindow()])
    error = next(p.error for p in registry.plugins if p.name == "early_plugin")
    assert error is not None
    assert "THU-EARLY" in error
    with pytest.raises(RegistrationError, match="THU-EARLY"):
        load_registry(load_entry_points=False, plugins=[OutOfWindow()], strict=True)


def _format_plugin(name: str, **marks: bool) -> object:
    class Plugin:
        __name__ = name

        @hookimpl(**marks)
        def cbcc_register_renderers(self, register: Callable[[Renderer], None]) -> None:
            register(
                Renderer(
                    name="shared-name",
                    extension=".txt",
                    render=lambda document, out, lang: out.write(name),
                    documents=frozenset({"review"}),
                    media_type="text/plain",
                    label=Text(vi=name, en=name),
                )
            )

    return Plugin()


@pytest.mark.parametrize(
    ("first", "second", "winner"),
    [
        # pluggy calls the last registered first...
        (_format_plugin("a"), _format_plugin("b"), "b"),
        # ...unless a hook implementation asks to run first or last.
        (_format_plugin("a", tryfirst=True), _format_plugin("b"), "a"),
        (_format_plugin("a"), _format_plugin("b", trylast=True), "a"),
    ],
    ids=["last-registered", "tryfirst", "trylast"],
)
def test_hooks_run_in_pluggys_order(first: object, second: object, winner: str) -> None:
    """The plugin pluggy calls first registers the name; the one called second fails (and is reported)."""
    registry = load_registry(load_entry_points=False, plugins=[first, second])
    assert registry.renderers["shared-name"][1] == winner
    loser = "a" if winner == "b" else "b"
    error = next(p.error for p in registry.plugins if p.name == loser)
    assert error is not None
    assert "shared-name" in error
