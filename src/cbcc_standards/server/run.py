"""``cbcc-standards serve``: check the settings, build the application and run it with uvicorn.

Several workers are separate processes: each builds its application from the settings passed in the environment
(``CBCC_STANDARDS_SERVER``: the key file's path, never the keys)."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from typing import Any

from ..i18n import Lang, t
from .settings import MIB, ServerSettings, SettingsError, is_loopback, read_api_keys

__all__ = ["ENVIRONMENT", "ServeOptions", "SettingsError", "app_from_environment", "check_options", "serve"]

ENVIRONMENT = "CBCC_STANDARDS_SERVER"


@dataclass(frozen=True)
class ServeOptions:
    """What the ``serve`` command was given."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    province: str | None = None
    plugins: list[str] | None = None
    strict: bool = False
    api_key_file: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_upload_mb: float = 100
    max_body_mb: float = 1
    insecure: bool = False
    lang: str = "vi"

    def settings(self) -> ServerSettings:
        """The server settings (the keys read from the key file)."""
        keys = read_api_keys(self.api_key_file) if self.api_key_file else ()
        return ServerSettings(
            api_keys=keys,
            cors_origins=self.cors_origins,
            max_body_bytes=int(self.max_body_mb * MIB),
            max_upload_bytes=int(self.max_upload_mb * MIB),
            province=self.province,
        )


def check_options(options: ServeOptions) -> ServerSettings:
    """The settings, after the checks made before binding: a host reachable from other machines needs an API key
    (rosters are personal data) unless ``insecure``; ``SettingsError`` says why not."""
    settings = options.settings()
    lang = Lang.parse(options.lang)
    if not is_loopback(options.host) and not settings.api_keys and not options.insecure:
        raise SettingsError(t("server.refuse_public", lang, host=options.host))
    if options.workers < 1 or not 0 < options.port < 65536:
        raise SettingsError("--workers must be at least 1 and --port between 1 and 65535")
    return settings


def app_from_environment() -> Any:
    """The application of a worker process, from :data:`ENVIRONMENT` (uvicorn's factory)."""
    from .app import create_app

    options = ServeOptions(**json.loads(os.environ[ENVIRONMENT]))
    return create_app(settings=options.settings(), plugins=options.plugins, strict=options.strict)


def serve(options: ServeOptions) -> None:
    """Run the server until interrupted."""
    import uvicorn

    from .. import __version__
    from .app import create_app

    settings = check_options(options)
    lang = Lang.parse(options.lang)
    app = create_app(settings=settings, plugins=options.plugins, strict=options.strict)  # fails fast on bad settings
    if not is_loopback(options.host):
        if not settings.api_keys:
            print(t("server.insecure", lang, host=options.host), file=sys.stderr)
        print(t("server.plain_http", lang), file=sys.stderr)
    print(
        t(
            "server.listening",
            lang,
            version=__version__,
            host=options.host,
            port=options.port,
            keys=len(settings.api_keys),
        ),
        file=sys.stderr,
    )
    common: dict[str, Any] = {"host": options.host, "port": options.port, "log_level": "info", "server_header": False}
    if options.workers == 1:
        uvicorn.run(app, **common)
        return
    fields = {k: (list(v) if isinstance(v, tuple) else v) for k, v in options.__dict__.items()}
    os.environ[ENVIRONMENT] = json.dumps(fields)
    uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=options.workers, **common)
