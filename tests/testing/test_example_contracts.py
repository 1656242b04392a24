"""The example plugins pass the rule-set contract: the Quảng Ngãi plugin in examples/quang-ngai-plugin and the hook
examples of docs/plugins.md. (The tutorial plugin runs the contract in its own tests, examples/tutorial-plugin.)"""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

from cbcc_standards.testing import RuleSetContract

ROOT = Path(__file__).resolve().parents[2]
_QN_SRC = str(ROOT / "examples" / "quang-ngai-plugin" / "src")
if _QN_SRC not in sys.path:
    sys.path.insert(0, _QN_SRC)  # the example is not installed in the development environment

import cbcc_quang_ngai  # noqa: E402


def _docs_plugin() -> types.ModuleType:
    """The four hook examples of docs/plugins.md as one plugin module (jurisdiction ``quang_ngai``)."""
    text = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    module = types.ModuleType("docs_plugins_examples")
    for block in re.findall(r"^```python\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE):
        if "@cbcc_standards.hookimpl" in block and block.lstrip().startswith(("from ", "import ")):
            exec(compile(block, "docs/plugins.md", "exec"), module.__dict__)
    return module


class TestQuangNgaiExamplePlugin(RuleSetContract):
    """examples/quang-ngai-plugin: an illustrative delegation, the 31/12/2021 deadline, the 2021 units.

    Its deadline names no rule, so every rule is under test, the evaluation rules too."""

    plugin = cbcc_quang_ngai
    max_examples = 30


class TestDocsPluginExamples(RuleSetContract):
    """The hook examples of docs/plugins.md, registered together."""

    plugin = _docs_plugin()
    max_examples = 30
