"""The HTTP API and the web page (the ``server`` extra: FastAPI, uvicorn, python-multipart, Jinja2, openpyxl).

``create_app(registry=None, settings=ServerSettings(...))`` builds the ASGI application; ``cbcc-standards serve``
runs it with uvicorn. See docs/http-api.md.
"""

from __future__ import annotations

from .app import create_app
from .settings import ServerSettings, SettingsError, is_loopback, read_api_keys

__all__ = ["ServerSettings", "SettingsError", "create_app", "is_loopback", "read_api_keys"]
