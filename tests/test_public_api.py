"""The façade: every public name resolves, is documented, and importing the package stays light."""

from __future__ import annotations

import subprocess
import sys

import cbcc_standards


def test_every_public_name_resolves_and_has_a_docstring() -> None:
    for name in cbcc_standards.__all__:
        value = getattr(cbcc_standards, name)
        if name in ("__version__", "DEFAULT_PLUGINS", "Qualification"):
            continue
        assert getattr(value, "__doc__", None), f"{name} has no docstring"


def test_import_does_not_load_the_engine_or_the_rules() -> None:
    code = "import sys, cbcc_standards; print(sorted(m for m in sys.modules if m.startswith('cbcc_standards.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "cbcc_standards.engine" not in loaded
    assert "cbcc_standards.rules" not in loaded
