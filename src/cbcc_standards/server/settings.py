"""The server's settings: access keys, CORS origins, size limits, and the checks made before binding a socket."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MIB", "ServerSettings", "SettingsError", "is_loopback", "read_api_keys"]

MIB = 1 << 20


class SettingsError(ValueError):
    """A setting that cannot be used (an unreadable or empty key file, a public host without a key...)."""


@dataclass(frozen=True)
class ServerSettings:
    """How the server answers: ``api_keys`` (empty: no key asked), ``cors_origins`` (empty: CORS off),
    ``max_body_bytes`` for JSON bodies of one request, ``max_upload_bytes`` for uploads and batch bodies,
    ``province`` applied when a request names none."""

    api_keys: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 1 * MIB
    max_upload_bytes: int = 100 * MIB
    province: str | None = None

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1 or self.max_upload_bytes < 1:
            raise SettingsError("size limits must be positive")
        if any(not key for key in self.api_keys):
            raise SettingsError("an API key cannot be empty")

    def __repr__(self) -> str:  # never print the keys
        keys = f"<{len(self.api_keys)} keys>"
        return (
            f"ServerSettings(api_keys={keys}, cors_origins={self.cors_origins!r}, max_body_bytes={self.max_body_bytes},"
            f" max_upload_bytes={self.max_upload_bytes}, province={self.province!r})"
        )


def read_api_keys(path: str | Path) -> tuple[str, ...]:
    """The keys of a key file: one a line; blank lines and lines starting with ``#`` are skipped. A key shorter than
    16 characters is refused (it could be guessed)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read the API key file {path}: {exc}") from None
    keys = tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    if not keys:
        raise SettingsError(f"the API key file {path} holds no key")
    if any(len(key) < 16 for key in keys):
        raise SettingsError(f"the API key file {path} holds a key shorter than 16 characters")
    return keys


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1); False for anything reachable from outside,
    ``0.0.0.0`` and ``::`` included."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
