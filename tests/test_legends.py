"""Legends (issue 12): the marks of ``rules`` ([H]/[M]/[L]) and of ``planning`` (★) are explained in the output's
language, and ``rule CODE`` gives its confidence words from the catalogue."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cbcc_standards.cli import main
from cbcc_standards.i18n import t

ROSTER = Path(__file__).resolve().parents[1] / "examples" / "quang-ngai-2021" / "roster.json"


def run(*argv: str) -> str:
    out = io.StringIO()
    assert main([*argv, "--plugins", ""], out=out) == 0
    return out.getvalue()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rules_text_explains_its_confidence_marks(lang: str) -> None:
    text = run("rules", "--as-of", "2024-01-01", "--lang", lang)
    assert text.splitlines()[0] == t("legend.confidence", lang)
    assert "[H]" in text
    for mark in ("[H]", "[M]", "[L]"):
        assert mark in text.splitlines()[0]


def test_rules_json_has_no_legend_line() -> None:
    assert isinstance(json.loads(run("rules", "--as-of", "2024-01-01", "--format", "json")), list | dict)


def test_rule_confidence_words_are_vietnamese_in_a_vietnamese_output() -> None:
    text = run("rule", "CX-CC-2023-PROF")
    assert "settled" not in text
    assert "secondary" not in text
    assert f"[{t('confidence.settled', 'vi')}]" in text
    english = run("rule", "CX-CC-2023-PROF", "--lang", "en")
    assert "[settled]" in english


def test_rule_provisional_flag_in_the_output_language() -> None:
    text = run("rule", "CX-CC-2023-QS")
    assert "PROVISIONAL" not in text
    assert t("confidence.provisional", "vi").upper() in text
    assert "PROVISIONAL" in run("rule", "CX-CC-2023-QS", "--lang", "en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_planning_star_has_its_legend(lang: str) -> None:
    text = run("planning", str(ROSTER), "--title", "commune.chu_tich_ubnd", "--as-of", "2024-01-01", "--lang", lang)
    assert "★" in text
    assert t("planning.legend", lang) in text
