"""``cbcc-standards serve``: lazy imports, the refusal to serve a public address without a key, the settings handed
to worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cbcc_standards.cli import main
from cbcc_standards.server.run import ENVIRONMENT, ServeOptions, app_from_environment, check_options
from cbcc_standards.server.settings import SettingsError


def test_help_does_not_import_the_server() -> None:
    code = (
        "import sys\n"
        "from cbcc_standards.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "try:\n    main(['serve', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'cbcc_standards.server.app') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert "--api-key-file" in result.stdout


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10"])
def test_a_public_host_needs_a_key(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", host, "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert f"not serving on {host}" in error
    assert "personal data" in error
    assert "--insecure" in error
    with pytest.raises(SettingsError, match="chưa có khóa API"):
        check_options(ServeOptions(host=host))
    assert check_options(ServeOptions(host=host, insecure=True)).api_keys == ()


def test_a_key_file_opens_a_public_host(tmp_path: Path) -> None:
    keys = tmp_path / "keys.txt"
    keys.write_text("0123456789abcdef-key\n", encoding="utf-8")
    settings = check_options(ServeOptions(host="0.0.0.0", api_key_file=str(keys), max_upload_mb=2, max_body_mb=0.5))
    assert settings.api_keys == ("0123456789abcdef-key",)
    assert (settings.max_upload_bytes, settings.max_body_bytes) == (2 << 20, 1 << 19)


def test_bad_options_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--api-key-file", str(tmp_path / "none")]) == 2
    assert "cannot read the API key file" in capsys.readouterr().err
    assert main(["serve", "--province", "ZZ", "--plugins", ""]) == 2
    assert "province 'ZZ'" in capsys.readouterr().err
    assert main(["serve", "--workers", "0"]) == 2


def test_workers_build_their_app_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    keys = tmp_path / "keys.txt"
    keys.write_text("0123456789abcdef-key\n", encoding="utf-8")
    options = {"plugins": [], "api_key_file": str(keys), "cors_origins": ["https://hr.example.vn"]}
    monkeypatch.setenv(ENVIRONMENT, json.dumps(options))
    with TestClient(app_from_environment()) as client:
        assert client.get("/rules").status_code == 401
        assert client.get("/rules", headers={"X-API-Key": "0123456789abcdef-key"}).status_code == 200
