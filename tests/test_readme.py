"""The README's Python example is the file examples/evaluate_one.py, and it runs."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_readme_example_is_the_example_file() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S)
    assert block is not None
    example = (ROOT / "examples" / "evaluate_one.py").read_text(encoding="utf-8")
    body = example.split('"""', 2)[2].lstrip("\n")
    assert block.group(1) == body


def test_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(ROOT / "examples" / "evaluate_one.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "within_grace train 2024-12-25"
    assert "CX-CC-2019-PROF grace Thông tư 13/2019/TT-BNV" in out


def test_readme_commands_are_the_ci_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[dev]' && pytest" in readme
    assert "pip install -q -e '.[dev]' && pytest" in ci
