"""Plugin trouble made visible (issue 12): two distributions declaring one entry-point name, a plugin that fails to
load, an unknown name in ``--plugins`` — in the receipt, at the top of every report format, and under ``--strict``
a one-line error with exit code 2."""

from __future__ import annotations

import csv
import importlib
import io
import json
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import cbcc_standards
from cbcc_standards import plugins as plugins_module
from cbcc_standards.cli import main
from cbcc_standards.plugins import DuplicatePluginError, load_registry

ROOT = Path(__file__).resolve().parents[1]
ROSTER = ROOT / "examples" / "quang-ngai-2021" / "roster.json"


class _Dist:
    def __init__(self, name: str, version: str) -> None:
        self.metadata = {"Name": name}
        self.version = version


class _EntryPoint:
    """An entry point of a named distribution (``importlib.metadata.EntryPoint`` cannot be given its ``dist``)."""

    def __init__(self, name: str, value: str, dist: _Dist) -> None:
        self.name, self.value, self.dist, self.group = name, value, dist, "cbcc_standards"

    def load(self) -> Any:
        return importlib.import_module(self.value)


def _module(name: str, title: str) -> types.ModuleType:
    module = types.ModuleType(name)

    @cbcc_standards.hookimpl
    def cbcc_register_titles(register: Callable[..., None]) -> None:
        register(
            cbcc_standards.Title(
                code=title, name_vi="Chức danh thử", name_en="Test title", tier="province", category="cong_chuc"
            )
        )

    module.cbcc_register_titles = cbcc_register_titles  # type: ignore[attr-defined]
    return module


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Publish fake entry points: ``entry_points((name, module, distribution), ...)``."""

    def publish(*declared: tuple[str, str, str]) -> None:
        eps = []
        for number, (name, module, dist) in enumerate(declared):
            if module not in sys.modules and not module.startswith("no_such"):
                monkeypatch.setitem(sys.modules, module, _module(module, f"province.test_{module}_{number}"))
            eps.append(_EntryPoint(name, module, _Dist(dist, "1.0")))
        monkeypatch.setattr(plugins_module, "entry_points", lambda group: eps if group == "cbcc_standards" else [])

    monkeypatch.delenv("CBCC_STANDARDS_PLUGINS", raising=False)
    return publish


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_two_distributions_declaring_one_name_are_both_named_and_neither_loaded(
    entry_points: Callable[..., None],
) -> None:
    entry_points(("tinh", "fake_plugin_a", "cbcc-tinh-a"), ("tinh", "fake_plugin_b", "cbcc-tinh-b"))
    registry = load_registry()
    info = {p.name: p for p in registry.plugins}["tinh"]
    assert info.error is not None
    assert "\n" not in info.error
    assert "cbcc-tinh-a 1.0" in info.error
    assert "cbcc-tinh-b 1.0" in info.error
    assert "pluggy" not in info.error
    assert "already registered" not in info.error
    assert "gỡ bớt một gói" in str(info.error_text("vi"))
    assert not any(t.code.startswith("province.test_") for t in registry.titles)
    with pytest.raises(DuplicatePluginError, match=r"cbcc-tinh-a 1\.0, cbcc-tinh-b 1\.0"):
        load_registry(strict=True)


def test_one_plugin_found_twice_is_loaded_once(entry_points: Callable[..., None]) -> None:
    entry_points(("tinh", "fake_plugin_c", "cbcc-tinh"), ("tinh", "fake_plugin_c", "cbcc-tinh-copy"))
    registry = load_registry(strict=True)
    assert {p.name: p for p in registry.plugins}["tinh"].error is None
    assert "province.test_fake_plugin_c_0" in registry.titles


def test_an_installed_plugin_also_given_as_an_object_is_loaded_once(entry_points: Callable[..., None]) -> None:
    entry_points(("tinh", "fake_plugin_d", "cbcc-tinh"))
    registry = load_registry(plugins=[sys.modules["fake_plugin_d"]], strict=True)
    assert [p.name for p in registry.plugins if not p.builtin] == ["tinh"]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "html", "xlsx"])
def test_plugin_trouble_heads_every_format_and_the_receipt(
    entry_points: Callable[..., None], tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    entry_points(
        ("tinh", "fake_plugin_e", "cbcc-tinh-a"),
        ("tinh", "fake_plugin_f", "cbcc-tinh-b"),
        ("hong", "no_such_module_for_cbcc", "cbcc-hong"),
    )
    target = tmp_path / f"report.{'txt' if fmt == 'text' else fmt}"
    code, _ = run("check", str(ROSTER), "--as-of", "2024-01-01", "-o", str(target))
    assert code == 0
    err = capsys.readouterr().err
    assert "plugin tinh not loaded" in err
    assert "plugin hong not loaded" in err
    assert "Traceback" not in err
    if fmt == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.load_workbook(target)
        text = "\n".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None)
    else:
        text = target.read_text(encoding="utf-8")
    for name in ("tinh", "hong"):
        assert f"Plugin {name} không được nạp" in text or fmt in ("json", "jsonl")
    assert "cbcc-tinh-a 1.0, cbcc-tinh-b 1.0" in text
    if fmt == "json":
        failed = {p["name"]: p["error"] for p in json.loads(text)["receipt"]["failed_plugins"]}
        assert set(failed) == {"tinh", "hong"}
        assert "gỡ bớt một gói" in failed["tinh"]
    elif fmt == "jsonl":
        receipt = json.loads(text.splitlines()[0])
        assert {p["name"] for p in receipt["failed_plugins"]} == {"tinh", "hong"}
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert [r["status"] for r in rows[:2]] == ["plugin_failed", "plugin_failed"]
    elif fmt == "text":
        assert text.index("Plugin tinh") < text.index("QN-0002")


def test_strict_makes_a_duplicate_name_an_error_on_one_line(
    entry_points: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points(("tinh", "fake_plugin_g", "cbcc-tinh-a"), ("tinh", "fake_plugin_h", "cbcc-tinh-b"))
    code, out = run("check", str(ROSTER), "--as-of", "2024-01-01", "--strict")
    err = capsys.readouterr().err
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "cbcc-tinh-a 1.0, cbcc-tinh-b 1.0" in err
    assert "gỡ bớt một gói" in err
    assert "Traceback" not in err


def test_an_unknown_name_in_plugins_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("check", str(ROSTER), "--as-of", "2024-01-01", "--plugins", "does_not_exist")
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "does_not_exist" in err


def test_the_plugins_command_shows_the_conflict_in_the_chosen_language(entry_points: Callable[..., None]) -> None:
    entry_points(("tinh", "fake_plugin_i", "cbcc-tinh-a"), ("tinh", "fake_plugin_j", "cbcc-tinh-b"))
    rows = {r["name"]: r for r in json.loads(run("plugins", "--format", "json")[1])}
    assert "gỡ bớt một gói" in rows["tinh"]["error"]
    english = {r["name"]: r for r in json.loads(run("plugins", "--format", "json", "--lang", "en")[1])}
    assert "uninstall one of them" in english["tinh"]["error"]
