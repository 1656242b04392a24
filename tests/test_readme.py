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


def _samples() -> list[tuple[str, list[str]]]:
    """Each README command that prints a sample (a ```bash block of one ``cbcc-standards`` command followed by a
    ```text block), with the sample's lines but the elisions (``…``)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"```bash\n(cbcc-standards [^\n]*)\n```\n\n```text\n(.*?)```", readme, re.S)
    return [
        (command, [line for line in text.splitlines() if line.strip() and line.strip() != "…"])
        for command, text in found
    ]


SAMPLES = _samples()


def test_readme_has_samples() -> None:
    assert len(SAMPLES) >= 2


@pytest.mark.parametrize(("command", "lines"), SAMPLES, ids=[c.split()[1] for c, _ in SAMPLES])
def test_readme_samples_are_what_the_command_prints(
    command: str, lines: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every line the README shows of a command's output is printed by that command, as written (files it writes go
    to a temporary folder)."""
    import io
    import shlex

    from cbcc_standards.cli import main

    argv = shlex.split(command)[1:]
    if "--output" in argv:
        at = argv.index("--output") + 1
        argv[at] = str(tmp_path / Path(argv[at]).name)
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    assert main([*argv, "--plugins", ""], out=out) == 0
    printed = out.getvalue() + capsys.readouterr().err
    missing = [line for line in lines if line.rstrip() not in printed]
    assert not missing, missing
