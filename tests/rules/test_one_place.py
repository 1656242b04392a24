"""A legal date lives in one place: ``law/sources.py`` (the documents and their dates). Rules, regimes, the
calendar, the engine, the appraisal and the reports name those dates, never restate them."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "cbcc_standards"

NOT_LEGAL = {
    "law/sources.py": "the sources themselves",
    "reading/values.py": "placeholder dates of spreadsheets and databases (1970-01-01, 1900-01-01…)",
    "sanity.py": "placeholder dates questioned as impossible",
    "report/formats/xlsx.py": "the zip timestamp floor of a byte-stable workbook (1980, the zip format's epoch)",
    "testing/strategies.py": "ranges hypothesis draws dates from",
    "testing/contract.py": "the window the contract explores",
}


def _date_literals(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"date", "D"}
            and len(node.args) == 3
            and all(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in node.args)
        ):
            lines.append(node.lineno)
    return lines


def test_no_legal_date_literal_outside_the_sources() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in NOT_LEGAL:
            continue
        found = _date_literals(path)
        if found:
            offenders[rel] = found
    assert offenders == {}, f"date literals outside law/sources.py (name the source's date instead): {offenders}"


def test_the_scan_sees_date_literals() -> None:
    """The scan itself works: the sources hold dozens of dates."""
    assert len(_date_literals(PACKAGE / "law" / "sources.py")) > 30
