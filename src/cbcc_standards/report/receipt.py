"""What produced a report: the receipt every output carries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["Receipt"]


@dataclass(frozen=True)
class Receipt:
    """Library version, plugins (and those that failed), ``as_of``, province, hashes of the rule content and the
    input."""

    version: str
    plugins: tuple[tuple[str, str | None], ...]
    as_of: date
    province: str | None
    ruleset_sha256: str
    input_sha256: str | None
    failed_plugins: tuple[tuple[str, str], ...] = ()
    """Plugins that could not be loaded or registered, with their error: the report is incomplete for them."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        data: dict[str, Any] = {
            "library": "cbcc_standards",
            "version": self.version,
            "plugins": [{"name": n, "version": v} for n, v in self.plugins],
            "as_of": self.as_of.isoformat(),
            "province": self.province,
            "ruleset_sha256": self.ruleset_sha256,
            "input_sha256": self.input_sha256,
        }
        if self.failed_plugins:
            data["failed_plugins"] = [{"name": n, "error": e} for n, e in self.failed_plugins]
        return data
