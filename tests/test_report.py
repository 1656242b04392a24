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
