"""Documentation that cannot drift: the generated rule catalogue, one section per hook, runnable plugin examples."""

from __future__ import annotations

import difflib
import importlib.util
import inspect
import re
import types
from datetime import date
from pathlib import Path

import pytest

from cbcc_standards import AdministrativeUnit, Engine, Official, Outcome, hookspecs, load_registry

DOCS = Path(__file__).resolve().parent.parent / "docs"

HOOKSPECS = sorted(
    (name, fn) for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("cbcc_")
)


def _generate_module() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("_docs_generate", DOCS / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sections(path: Path) -> dict[str, str]:
    """``## `` headings of a Markdown file, each with the text up to the next ``## `` heading."""
    sections: dict[str, str] = {}
    heading: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            sections[heading] = ""
        elif heading is not None:
            sections[heading] += line + "\n"
    return sections


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", path.read_text(encoding="utf-8"), flags=re.DOTALL | re.MULTILINE)


def test_rules_md_is_up_to_date() -> None:
    expected = _generate_module().render()
    path = DOCS / "rules.md"
    actual = path.read_text(encoding="utf-8") if path.exists() else ""
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                actual.splitlines(keepends=True), expected.splitlines(keepends=True), "docs/rules.md", "rendered", n=1
            )
        )
        pytest.fail(f"docs/rules.md is stale: run `python docs/generate.py`\n{diff[:4000]}", pytrace=False)


def test_hookspecs_found() -> None:
    assert {name for name, _ in HOOKSPECS} >= {
        "cbcc_register_rulesets",
        "cbcc_register_titles",
        "cbcc_register_units",
        "cbcc_register_deadlines",
    }


@pytest.mark.parametrize(("name", "spec"), HOOKSPECS, ids=[name for name, _ in HOOKSPECS])
def test_hook_is_documented(name: str, spec: types.FunctionType) -> None:
    sections = _sections(DOCS / "plugins.md")
    matching = [heading for heading in sections if re.search(rf"\b{re.escape(name)}\b", heading)]
    assert matching, f"docs/plugins.md has no '## {name}(...)' section"
    assert len(matching) == 1, f"docs/plugins.md has several sections for {name}: {matching}"
    text = matching[0] + "\n" + sections[matching[0]]
    for argument in inspect.signature(spec).parameters:
        assert re.search(rf"\b{re.escape(argument)}\b", text), (
            f"docs/plugins.md: section {name} does not mention the argument {argument!r}"
        )


def test_plugin_examples_register_and_run() -> None:
    """The example hook implementations in docs/plugins.md load strictly and do what the text says."""
    plugins = []
    for number, code in enumerate(_python_blocks(DOCS / "plugins.md")):
        if "@cbcc_standards.hookimpl" not in code or not code.lstrip().startswith(("from ", "import ")):
            continue  # signatures and snippets that need an installed plugin
        module = types.ModuleType(f"docs_plugins_example_{number}")
        exec(compile(code, f"docs/plugins.md (block {number})", "exec"), module.__dict__)
        plugins.append(module)
    assert len(plugins) == 7
    registry = load_registry(load_entry_points=False, plugins=plugins, strict=True)
    assert [p.error for p in registry.plugins] == [None] * len(registry.plugins)
    assert "quang_ngai" in registry.jurisdictions
    assert "district.truong_phong_noi_vu" in registry.titles
    assert "QN.BA_TO.BA_DIEN" in registry.units

    engine = Engine(registry, province="quang_ngai", units=[AdministrativeUnit(code="U", name="U", tier="commune")])
    official = Official.model_validate(
        {
            "id": "QN-1",
            "title": "commune.tai_chinh_ke_toan",
            "unit": "U",
            "birth_date": "1985",
            "recruited_on": "2015-03-01",
            "qualifications": [
                {"kind": "general_education", "level": "thpt"},
                {"kind": "professional", "level": "trung_cap"},
                {"kind": "it", "level": "co_ban"},
            ],
        }
    )
    before = engine.evaluate(official, as_of=date(2021, 9, 1))
    assert (before.status, before.action, before.deadline) == ("within_grace", "train", date(2021, 12, 31))
    after = engine.evaluate(official, as_of=date(2022, 1, 1))
    prof = next(f for f in after.findings if f.rule == "CX-CC-2019-PROF")
    assert (after.status, prof.outcome) == ("non_compliant", Outcome.NOT_MET)
    assert prof.basis[-1].document == "Công văn 3825/UBND-NC"


@pytest.mark.parametrize("doc", ["rules.md", "plugins.md", "outcomes.md"])
def test_doc_links_resolve(doc: str) -> None:
    text = (DOCS / doc).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", text):
        assert (DOCS / target).exists(), f"docs/{doc} links to missing docs/{target}"


def test_reports_python_example_writes_every_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python example of docs/reports.md runs as written (from a folder holding the example files)."""
    import json
    import shutil

    import openpyxl  # type: ignore[import-untyped]

    (code,) = _python_blocks(DOCS / "reports.md")
    shutil.copytree(DOCS.parent / "examples" / "quang-ngai-2021", tmp_path / "examples" / "quang-ngai-2021")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "docs/reports.md", "exec"), {})
    assert '<section id="to-act">' in (tmp_path / "review.html").read_text(encoding="utf-8")
    assert "Cần xử lý" in openpyxl.load_workbook(tmp_path / "review.xlsx").sheetnames
    assert json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))["summary"]["officials"] == 35
