"""The pytest plugin (entry point ``pytest11``): fixtures ``cbcc_pm`` and ``register_plugin``, the opt-out, and lazy
imports; the hypothesis entry point does not import pytest."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]

PLUGIN_TESTS = """
import pluggy
import pytest

from cbcc_standards import DEFAULT_PLUGINS, RuleSet, Text, default_registry, hookimpl, load_registry


class Province:
    __name__ = "pytester_province"

    @hookimpl
    def cbcc_register_rulesets(self, register):
        register(RuleSet(code="pt.rules", title=Text(vi="PT", en="PT"), jurisdiction="PT"))


def test_cbcc_pm_has_only_the_builtins(cbcc_pm):
    assert isinstance(cbcc_pm, pluggy.PluginManager)
    assert sorted(name for name, _ in cbcc_pm.list_name_plugin()) == sorted(DEFAULT_PLUGINS)


def test_register_plugin_publishes_it_for_one_test(register_plugin, cbcc_pm):
    default_registry()  # cached before the registration: must be rebuilt
    name = register_plugin(Province(), version="1.2")
    assert name == "pytester_province"
    assert cbcc_pm.has_plugin(name)
    registry = load_registry(allow=[name], strict=True)
    assert "PT" in registry.jurisdictions
    assert next(p for p in registry.plugins if p.name == name).version == "1.2"
    assert "PT" in default_registry().jurisdictions


def test_and_unregisters_it_after():
    assert "PT" not in load_registry(allow=["pytester_province"]).jurisdictions
    assert "PT" not in default_registry().jurisdictions


def test_a_misspelled_hook_fails_at_once(register_plugin):
    class Misspelled:
        __name__ = "misspelled"

        @hookimpl
        def cbcc_register_rulesetz(self, register):
            pass

    with pytest.raises(pluggy.PluginValidationError):
        register_plugin(Misspelled())


def test_names_are_unique_in_a_test(register_plugin):
    register_plugin(Province(), name="twice")
    with pytest.raises(ValueError, match="already registered"):
        register_plugin(Province(), name="twice")
"""


def test_the_plugin_is_published_under_pytest11() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert found.get("cbcc_standards") == "cbcc_standards.testing.pytest_plugin"


def test_fixtures_work_without_any_set_up(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_fixtures=PLUGIN_TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=5)


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_fixtures=PLUGIN_TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:cbcc_standards", "-k", "cbcc_pm")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'cbcc_pm' not found*"])


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60)


def test_the_pytest_plugin_imports_lazily() -> None:
    _python(
        "import sys, cbcc_standards.testing.pytest_plugin\n"
        "heavy = [m for m in ('hypothesis', 'cbcc_standards.plugins', 'cbcc_standards.engine', 'pydantic') "
        "if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )


def test_the_hypothesis_hook_registers_models_without_pytest() -> None:
    _python(
        "import sys, hypothesis\n"
        "assert 'pytest' not in sys.modules\n"
        "assert 'cbcc_standards.testing.strategies' not in sys.modules\n"
        "from hypothesis import find, strategies as st\n"
        "from cbcc_standards import Official\n"
        "assert isinstance(find(st.from_type(Official), lambda o: True), Official)\n"
        "assert 'pytest' not in sys.modules\n"
    )
