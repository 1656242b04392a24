"""Reports against golden files, and the CSV cell neutralisation.

Regenerate the golden files after an intended change with ``CBCC_UPDATE_GOLDEN=1 pytest tests/test_report.py``
and review the diff.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from cbcc_standards.cli import main
from cbcc_standards.report.formats.csv import neutralise_cell

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "quang-ngai-2021"
GOLDEN = Path(__file__).parent / "golden"


def render(fmt: str, as_of: str, lang: str) -> str:
    out = io.StringIO()
    code = main(
        [
            "check",
            str(EXAMPLE / "roster.json"),
            "--units",
            str(EXAMPLE / "units.json"),
            "--as-of",
            as_of,
            "--format",
            fmt,
            "--lang",
            lang,
            "--plugins",
            "",
        ],
        out=out,
    )
    assert code == 0
    text = out.getvalue()
    # The receipt names the library version; keep the golden files stable across releases.
    import cbcc_standards

    text = text.replace(f'"version": "{cbcc_standards.__version__}"', '"version": "X"')
    # The rule-content hash changes with every change to the law encoded; its stability is tested separately.
    return re.sub(r'"ruleset_sha256": "[0-9a-f]{64}"', '"ruleset_sha256": "X"', text)


@pytest.mark.parametrize(
    ("fmt", "as_of", "lang"),
    [
        ("text", "2021-12-31", "vi"),
        ("text", "2024-01-01", "en"),
        ("json", "2021-12-31", "vi"),
        ("json", "2025-07-01", "en"),
        ("csv", "2024-01-01", "vi"),
    ],
)
def test_report_matches_golden(fmt: str, as_of: str, lang: str) -> None:
    path = GOLDEN / f"quang-ngai-{as_of}-{lang}.{'txt' if fmt == 'text' else fmt}"
    text = render(fmt, as_of, lang)
    if os.environ.get("CBCC_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as fh:
        assert text == fh.read(), f"{path.name} differs; see the module docstring"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+84", "'+84"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Nguyễn", "Nguyễn"),
        ("", ""),
    ],
)
def test_neutralise_cell(cell: str, expected: str) -> None:
    assert neutralise_cell(cell) == expected


def test_text_names_each_officials_title_and_unit_with_their_codes() -> None:
    """A clerk reads the title and the unit by name, and still finds the codes they search by."""
    vi = render("text", "2021-12-31", "vi")
    assert (
        "QN-0004 Phạm Thị Dung — Địa chính – xây dựng – đô thị và môi trường (commune.dia_chinh), "
        "Xã Bình Châu (QN.BINH_SON.BINH_CHAU): Thay thế\n"
    ) in vi
    # A unit the units file does not know is shown by its code alone.
    assert "QN-0019 Phan Văn Sang — Địa chính – xây dựng – đô thị và môi trường (commune.dia_chinh), " in vi
    assert "(commune.dia_chinh), QN.TU_NGHIA.NGHIA_HA: " in vi
    assert " @ " not in vi
    en = render("text", "2024-01-01", "en")
    assert (
        "QN-0004 Phạm Thị Dung — Land administration, construction and environment (commune.dia_chinh), "
        "Xã Bình Châu (QN.BINH_SON.BINH_CHAU): "
    ) in en


def test_text_falls_back_to_the_codes_of_unknown_titles_and_units() -> None:
    """An official whose title the catalogue does not know (a library caller's own document) or whose unit no units
    file names is shown by the codes, never a crash; a missing title or unit is a question mark."""
    from dataclasses import replace
    from datetime import date

    from cbcc_standards import Engine, load_registry
    from cbcc_standards.i18n import Lang
    from cbcc_standards.io import RosterFile
    from cbcc_standards.report import ReviewDocument, RosterReport
    from cbcc_standards.report.review import receipt_for
    from cbcc_standards.results import Assessment, Status

    registry = load_registry(load_entry_points=False)
    day = date(2021, 12, 31)
    found = list(Engine(registry).evaluate_roster(RosterFile(EXAMPLE / "roster.json"), as_of=day))
    base = next(a for a in found if isinstance(a, Assessment) and a.status is Status.NON_COMPLIANT)
    odd = replace(base, id="ODD-1", title="province.no_such_title", unit="NOWHERE.1")
    bare = replace(base, id="ODD-2", title=None, unit=None)
    for titles in (registry.titles, None):
        doc = ReviewDocument(
            report=RosterReport(as_of=day),
            items=[odd, bare],
            receipt=receipt_for(registry, day, None),
            titles=titles,
        )
        out = io.StringIO()
        registry.renderer("text").render(doc, out, Lang.VI)
        text = out.getvalue()
        assert "ODD-1 " in text
        assert " — province.no_such_title, NOWHERE.1: " in text
        assert " — ?, (không rõ đơn vị): " in text  # no title, no unit given
    # Without the catalogue, a known title is shown by its code.
    doc = ReviewDocument(
        report=RosterReport(as_of=day), items=[base], receipt=receipt_for(registry, day, None), titles=None
    )
    out = io.StringIO()
    registry.renderer("text").render(doc, out, Lang.VI)
    assert f" — {base.title}, {base.unit}: " in out.getvalue()
