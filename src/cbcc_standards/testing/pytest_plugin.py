"""The pytest plugin of cbcc_standards (entry point ``pytest11``): fixtures for plugin authors.

- ``cbcc_pm``: a fresh plugin manager with only the built-in plugins;
- ``register_plugin``: registers a plugin object for one test, as if it were installed, and unregisters it after.

It loads with pytest in any environment where cbcc_standards is installed and imports nothing of the library until a
fixture is used. Opt out with ``pytest -p no:cbcc_standards``.
"""

from __future__ import annotations

import importlib.metadata
import itertools
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pytest

if TYPE_CHECKING:
    import pluggy

__all__ = ["RegisterPlugin", "cbcc_pm", "register_plugin"]

_GROUP = "cbcc_standards"
_counter = itertools.count(1)


class RegisterPlugin(Protocol):
    """The ``register_plugin`` fixture: ``register_plugin(plugin, name=None, version="0+test") -> name``."""

    def __call__(self, plugin: object, *, name: str | None = None, version: str = "0+test") -> str:
        """Register ``plugin`` for the current test; returns its entry-point name."""


class _TestDistribution(importlib.metadata.Distribution):
    """An in-memory distribution publishing one plugin under the ``cbcc_standards`` entry-point group."""

    def __init__(self, dist_name: str, version: str, entry_name: str, target: str) -> None:
        self._files = {
            "METADATA": f"Metadata-Version: 2.1\nName: {dist_name}\nVersion: {version}\n",
            "entry_points.txt": f"[{_GROUP}]\n{entry_name} = {target}\n",
        }

    def read_text(self, filename: str) -> str | None:
        return self._files.get(filename)

    def locate_file(self, path: str | Any) -> Path:
        return Path(str(path))


class _TestFinder(importlib.metadata.DistributionFinder):
    """A ``sys.meta_path`` finder that lists the distributions of the plugins registered by the current test."""

    def __init__(self) -> None:
        self.distributions: list[_TestDistribution] = []

    def find_spec(self, *args: Any, **kwargs: Any) -> None:
        return None  # finds no module: distribution metadata only

    def find_distributions(
        self, context: importlib.metadata.DistributionFinder.Context | None = None
    ) -> Iterable[importlib.metadata.Distribution]:
        wanted = getattr(context, "name", None)
        for dist in self.distributions:
            if wanted is None or _normalise(wanted) == _normalise(dist.metadata["Name"]):
                yield dist


def _normalise(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def _reset_default_registry() -> None:
    """Forget the library's cached default registry (and engines), so that ``evaluate()`` sees the change."""
    engine = sys.modules.get("cbcc_standards.engine")
    if engine is not None:  # not imported yet: nothing cached
        engine.reset_defaults()


@pytest.fixture
def cbcc_pm() -> pluggy.PluginManager:
    """A fresh ``pluggy.PluginManager`` with only the built-in plugins (no entry point, no allow-list), plus what
    ``register_plugin`` registers in the same test."""
    from cbcc_standards.plugins import get_plugin_manager

    pm, _ = get_plugin_manager(load_entry_points=False)
    return pm


@pytest.fixture
def register_plugin(cbcc_pm: pluggy.PluginManager) -> Iterator[RegisterPlugin]:
    """Register a plugin object for one test: ``name = register_plugin(plugin, name=None, version="0+test")``.

    During the test the plugin is published under the entry-point group ``cbcc_standards`` as if its distribution
    were installed (so ``load_registry()``, ``get_plugin_manager()``, ``evaluate()`` and the command line run
    in-process find it, subject to the allow-list), and it is registered on ``cbcc_pm`` (whose ``check_pending()``
    fails at once on a misspelled hook). ``name`` defaults to the plugin's ``__name__`` (or class name). After the
    test it is unregistered and the default registry is rebuilt on next use.
    """
    finder = _TestFinder()
    modules: list[str] = []
    names: list[str] = []

    def register(plugin: object, *, name: str | None = None, version: str = "0+test") -> str:
        entry_name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        if not isinstance(entry_name, str) or not entry_name.strip() or "=" in entry_name or "[" in entry_name:
            raise ValueError(f"invalid plugin name {entry_name!r}")
        if entry_name in names:
            raise ValueError(f"a plugin named {entry_name!r} is already registered in this test")
        number = next(_counter)
        module_name = f"_cbcc_standards_registered_plugin_{number}"
        module = types.ModuleType(module_name, f"Holds the plugin {entry_name!r} registered by register_plugin.")
        module.plugin = plugin  # type: ignore[attr-defined]
        sys.modules[module_name] = module
        modules.append(module_name)
        cbcc_pm.register(plugin, name=entry_name)
        names.append(entry_name)
        cbcc_pm.check_pending()
        dist_name = f"cbcc-test-plugin-{number}-{entry_name.replace('_', '-').replace('.', '-')}"
        finder.distributions.append(_TestDistribution(dist_name, version, entry_name, f"{module_name}:plugin"))
        if finder not in sys.meta_path:
            sys.meta_path.append(finder)
        _reset_default_registry()
        return entry_name

    try:
        yield register
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        for entry_name in names:
            if cbcc_pm.has_plugin(entry_name):
                cbcc_pm.unregister(name=entry_name)
        for module_name in modules:
            sys.modules.pop(module_name, None)
        if names:
            _reset_default_registry()
