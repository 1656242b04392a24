"""Docs that cannot drift: the tutorial's code is the example's code, the testing guide documents every strategy,
fixture and property, and its complete example runs and passes using only the documented API."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from cbcc_standards.testing import RuleSetContract
from cbcc_standards.testing import strategies as cs
from cbcc_standards.testing.contract import BLANKABLE

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TUTORIAL = DOCS / "plugin-tutorial.md"
GUIDE = DOCS / "testing.md"
EXAMPLE = ROOT / "examples" / "tutorial-plugin"
INCLUDE = re.compile(r"^<!-- include: (?P<path>\S+) -->\n```\w+\n(?P<code>.*?)^```$", re.DOTALL | re.MULTILINE)


def _headings(path: Path) -> list[str]:
    return [line[4:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("### ")]


def test_the_tutorial_includes_the_example_files_verbatim() -> None:
    text = TUTORIAL.read_text(encoding="utf-8")
    included = {m["path"]: m["code"] for m in INCLUDE.finditer(text)}
    assert text.count("<!-- include:") == len(included), "an include marker is not followed by a code block"
    files = sorted(
        str(p.relative_to(ROOT))
        for p in EXAMPLE.rglob("*")
        if p.suffix in (".py", ".toml") and "__pycache__" not in p.parts
    )
    assert sorted(included) == files, "docs/plugin-tutorial.md must include every .py and .toml file of the example"
    for path, code in included.items():
        assert code == (ROOT / path).read_text(encoding="utf-8"), (
            f"docs/plugin-tutorial.md: the block of {path} differs from the file; copy the file into the block"
        )


def test_every_strategy_is_documented() -> None:
    headings = _headings(GUIDE)
    text = GUIDE.read_text(encoding="utf-8")
    for name in cs.__all__:
        value = getattr(cs, name)
        if callable(value) and name != "earliest_obtainable":
            assert f"`{name}(...)`" in headings, f"docs/testing.md has no '### `{name}(...)`' section"
        else:
            assert f"`{name}" in text, f"docs/testing.md does not mention {name}"
    documented = {h.strip("`").removesuffix("(...)") for h in headings if h.endswith("(...)`")}
    assert documented <= set(cs.__all__), f"docs/testing.md documents unknown strategies {documented - set(cs.__all__)}"


def test_every_property_of_the_contract_is_documented() -> None:
    properties = {name for name in dir(RuleSetContract) if name.startswith("test_")}
    documented = {h.strip("`") for h in _headings(GUIDE) if h.startswith("`test_")}
    assert documented == properties


def test_every_setting_of_the_contract_is_documented() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    settings = [
        name
        for name, value in vars(RuleSetContract).items()
        if not name.startswith("_") and not callable(value) and not isinstance(value, classmethod)
    ]
    assert settings
    for name in settings:
        assert f"| `{name}` |" in text, f"docs/testing.md: the attribute table has no row for {name}"
    section = text.split("### `test_missing_data_is_never_met`")[1].split("###")[0]
    for fact in BLANKABLE:
        assert f"`{fact}`" in section, f"docs/testing.md: the missing-data property does not list {fact}"


def test_the_fixtures_are_documented() -> None:
    headings = _headings(GUIDE)
    plugin = importlib.import_module("cbcc_standards.testing.pytest_plugin")
    fixtures = [name for name in plugin.__all__ if not name[0].isupper()]
    assert fixtures == ["cbcc_pm", "register_plugin"]
    for name in fixtures:
        assert f"`{name}`" in headings
    assert "-p no:cbcc_standards" in GUIDE.read_text(encoding="utf-8")


def _outsider_test() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(r"<!-- outsider-test -->\n```python\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)
    assert found, "docs/testing.md has no outsider test block"
    return found[1]


def test_the_complete_example_uses_only_the_documented_api() -> None:
    for node in ast.walk(ast.parse(_outsider_test())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cbcc_standards"):
            public = importlib.import_module(node.module).__all__
            for alias in node.names:
                assert alias.name in public, f"{node.module}.{alias.name} is not public"
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            pytest.fail(f"the example uses a private name: {node.attr}")


def test_the_complete_example_passes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_outsider=_outsider_test())
    result = pytester.runpytest("-p", "no:cacheprovider", "-W", "error")
    contract = len([n for n in dir(RuleSetContract) if n.startswith("test_")])
    result.assert_outcomes(passed=4 + contract)


@pytest.mark.parametrize("doc", [GUIDE, TUTORIAL], ids=lambda p: p.name)
def test_links_resolve(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"
    for anchor in re.findall(r"\]\(([^)#:]+\.md)#([^)]+)\)", text):
        headings = (doc.parent / anchor[0]).read_text(encoding="utf-8").splitlines()
        slugs = {
            re.sub(r"[^\w\- ]", "", h.lstrip("#").strip().lower()).replace(" ", "-")
            for h in headings
            if h.startswith("#")
        }
        assert anchor[1] in slugs, f"{doc.name} links to a missing section {anchor[0]}#{anchor[1]}"


def test_the_contract_docstrings_match_the_guide_in_spirit() -> None:
    """Each property's docstring exists (the guide states it in full)."""
    for name in dir(RuleSetContract):
        if name.startswith("test_"):
            assert inspect.getdoc(getattr(RuleSetContract, name)), name
