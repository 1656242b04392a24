"""Fixtures of the HTTP server tests: applications built in-process over the test registry, and their clients."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from cbcc_standards.plugins import Registry

if importlib.util.find_spec("fastapi") is None:  # the server extra is not installed: nothing here can run
    collect_ignore_glob = ["test_*.py"]
else:
    from fastapi.testclient import TestClient

    from cbcc_standards.server import ServerSettings, create_app


@pytest.fixture(scope="session")
def app(registry: Registry) -> Any:
    """The application over the built-ins and province ``TEST``, default settings."""
    return create_app(registry)


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    """A client of :func:`app` that raises the server's own exceptions (a 500 fails the test loudly)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def make_client(registry: Registry) -> Iterator[Callable[..., TestClient]]:
    """A client of an application with the settings given (``ServerSettings`` keywords)."""
    clients: list[TestClient] = []

    def make(registry_: Registry | None = None, **settings: Any) -> TestClient:
        test_client = TestClient(create_app(registry_ or registry, settings=ServerSettings(**settings)))
        clients.append(test_client)
        return test_client

    yield make
    for test_client in clients:
        test_client.close()
