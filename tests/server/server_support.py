"""Helpers of the HTTP server tests: the example files and multipart parts."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "quang-ngai-2021"


def upload(name: str, path: Path | None = None, data: bytes | None = None) -> tuple[str, bytes]:
    """A file part of a multipart form: its name and bytes (from ``path`` or ``data``)."""
    return (name, data if data is not None else (path or EXAMPLES / name).read_bytes())
