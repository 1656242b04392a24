"""The message catalogue: every language has every key with the same placeholders, every key the code uses exists,
and the language is validated once at the edge."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from cbcc_standards.i18n import Lang, Message, Text, UnknownLanguageError, en, t, vi

SRC = Path(__file__).resolve().parents[1] / "src" / "cbcc_standards"


def _fields(template: str) -> set[tuple[str, str]]:
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name}


def test_every_language_has_every_key_with_the_same_placeholders() -> None:
    assert set(vi.MESSAGES) == set(en.MESSAGES)
    for key in vi.MESSAGES:
        assert _fields(vi.MESSAGES[key]) == _fields(en.MESSAGES[key]), key
        # A template is empty in both languages or in neither (normalize.how.synonym says nothing on purpose).
        assert bool(vi.MESSAGES[key].strip()) == bool(en.MESSAGES[key].strip()), key


def test_every_literal_key_the_code_uses_exists() -> None:
    """Keys written as literals in ``Message.of("…")``, ``M("…")``, ``t("…")`` and ``message("…")`` calls."""
    used: set[str] = set()
    pattern = re.compile(r"""\b(?:M|Message\.of|t|message|_msg)\(\s*"([a-z_]+(?:\.[a-z_0-9]+)+)\"""")
    for path in SRC.rglob("*.py"):
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert used, "no key found: the pattern is stale"
    missing = sorted(k for k in used if k not in vi.MESSAGES and not k.startswith(("level.", "ladder.")))
    assert missing == []


@pytest.mark.parametrize(("value", "lang"), [("vi", Lang.VI), ("EN", Lang.EN), ("en-US", Lang.EN), (Lang.VI, Lang.VI)])
def test_language_is_parsed_at_the_edge(value: str, lang: Lang) -> None:
    assert Lang.parse(value) is lang


@pytest.mark.parametrize("value", ["fr", "", "english", None, 3])
def test_an_unknown_language_is_an_error_not_english(value: object) -> None:
    with pytest.raises(UnknownLanguageError, match="unknown language"):
        Lang.parse(value)  # type: ignore[arg-type]


def test_messages_render_in_each_language_and_compare_by_value() -> None:
    message = Message.of("min_age.short", age=17, years=18)
    assert message.vi == "Tuổi: 17 — chưa đạt (yêu cầu từ đủ 18 tuổi)."
    assert message("en") == "Age: 17 — does not meet the standard (at least 18)."
    assert message == Message.of("min_age.short", years=18, age=17)
    assert len({message, Message.of("min_age.short", age=17, years=18)}) == 1


def test_converters_render_levels_dates_and_nested_messages() -> None:
    held = Message.of("held.level_field", ladder="professional", level="trung_cap", field="luat")
    assert held.vi == "Trung cấp luật"
    assert held.en == "Intermediate (trung cấp) in law"
    grace = Message.of("grace.until", shortfall=Text(vi="Thiếu.", en="Short."), due="2024-12-25", doc="TT 13/2019")
    assert grace.vi == "Thiếu. Được hoàn thiện đến 25/12/2024 (TT 13/2019)."
    assert t("report.date", "en", day="2028-08-01") == "01/08/2028"


def test_an_unknown_key_says_so() -> None:
    with pytest.raises(KeyError, match=re.escape("no.such.key")):
        t("no.such.key", "vi")


def test_every_area_flag_has_a_name_in_every_language() -> None:
    from cbcc_standards.units import AreaFlag

    for flag in AreaFlag:
        assert f"flag.{flag.value}" in vi.MESSAGES, flag
        assert f"flag.{flag.value}" in en.MESSAGES, flag


def test_a_difficult_area_relief_names_the_flags_not_their_codes() -> None:
    """The relief message shows the unit's difficult-area flags by their names (catalogue keys flag.*)."""
    import io
    import json

    from cbcc_standards.cli import main

    message = Message.of(
        "relief.area",
        subject=Message.of("ladder.professional"),
        held=Text(vi="Sơ cấp", en="Elementary"),
        flags=("vung_dbkk", "mien_nui", "bien_gioi"),
        accepted=Message.of("relief.lower"),
    )
    assert "(biên giới, miền núi, vùng đặc biệt khó khăn)" in message(Lang.VI)
    assert "(border, mountainous, especially difficult area)" in message(Lang.EN)
    # End to end: QN-0013 (Sơn Hạ, mountainous) meets QĐ 04/2004's professional level with sơ cấp.
    example = SRC.parents[1] / "examples" / "quang-ngai-2021"
    for lang, name in (("vi", "(miền núi)"), ("en", "(mountainous)")):
        out = io.StringIO()
        argv = ["check", str(example / "roster.json"), "--units", str(example / "units.json")]
        argv += ["--as-of", "2021-12-31", "--format", "json", "--plugins", "", "--lang", lang]
        assert main(argv, out=out) == 0
        qn13 = next(a for a in json.loads(out.getvalue())["officials"] if a["id"] == "QN-0013")
        prof = next(f for f in qn13["findings"] if f["rule"] == "CX-BT-2004-PROF")
        assert name in prof["message"]
        assert "mien_nui" not in prof["message"]
