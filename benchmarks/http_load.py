"""Load benchmark of the HTTP API on loopback: ``POST /evaluate`` throughput and latency with N concurrent clients,
and a 100,000-row batch through ``POST /evaluate/batch``, each against the in-process rate in the same run.

Run after installing the project with the server extra (``pip install -e '.[server]'`` and ``httpx``)::

    python benchmarks/http_load.py                    # 8 clients, 5,000 requests, 100,000-row batch
    python benchmarks/http_load.py --clients 16 --requests 20000 --batch-rows 20000 --json

The server is ``cbcc-standards serve`` in a subprocess on a free port of 127.0.0.1 (built-in rules only), one
worker; the clients are asyncio tasks sharing one ``httpx.AsyncClient`` in this process. Every phase is bounded in
requests and in time (``--seconds``). The synthetic officials are those of ``bench.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

try:
    import httpx

    from cbcc_standards import Engine, load_registry
except ImportError as exc:  # pragma: no cover - guidance for a missing install
    sys.exit(f"cannot import {exc.name}: install the project with the server extra and httpx first")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import make_roster

AS_OF = "2024-01-01"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """``cbcc-standards serve`` on a free loopback port, stopped on exit."""

    def __init__(self, max_upload_mb: int) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "cbcc_standards", "serve", "--port", str(self.port), "--plugins", ""]
        command += ["--max-upload-mb", str(max_upload_mb)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=1) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        self.process.kill()
        raise SystemExit("the server did not start")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


async def _evaluate_load(
    base: str, bodies: list[bytes], clients: int, requests: int, seconds: float, path: str = "/evaluate"
) -> dict[str, Any]:
    """``requests`` posts of ``bodies`` (or GETs of ``path`` when ``bodies`` is empty) by ``clients`` tasks."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    stop = time.monotonic() + seconds
    headers = {"Content-Type": "application/json"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def one(number: int) -> httpx.Response:
            if not bodies:
                return await client.get(path)
            return await client.post(path, content=bodies[number % len(bodies)], headers=headers)

        for number in range(50):  # warm-up: connections, rule-selection caches
            await one(number)

        async def worker() -> None:
            nonlocal errors, issued
            while issued < requests and time.monotonic() < stop:
                number = issued
                issued += 1
                started = time.perf_counter()
                answer = await one(number)
                latencies.append(time.perf_counter() - started)
                if answer.status_code != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": errors,
        "seconds": round(elapsed, 3),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 3),
        "p99_ms": round(1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 3),
    }


def _in_process_evaluate(rows: list[dict[str, Any]], seconds: float, count: int) -> float:
    """Officials per second of ``engine.evaluate`` on roster rows (validated from the row each time, as the server
    does)."""
    engine = Engine(load_registry(load_entry_points=False))
    for row in rows[:50]:
        engine.evaluate(row, as_of=AS_OF)
    done = 0
    stop = time.monotonic() + seconds
    started = time.perf_counter()
    while done < count and time.monotonic() < stop:
        engine.evaluate(rows[done % len(rows)], as_of=AS_OF)
        done += 1
    return done / (time.perf_counter() - started)


def _asgi_rate(bodies: list[bytes], count: int, seconds: float) -> float:
    """Requests per second of ``POST /evaluate`` called on the ASGI application directly: the server's own work per
    request (routing, reading, validation, evaluation, JSON), without sockets, HTTP parsing or a client."""
    from cbcc_standards.server import create_app

    app = create_app(load_registry(load_entry_points=False))

    async def call(body: bytes) -> None:
        messages = [{"type": "http.request", "body": body, "more_body": False}]

        async def receive() -> dict[str, Any]:
            return messages.pop() if messages else {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and message["status"] != 200:
                raise RuntimeError(f"status {message['status']}")

        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        scope = {"type": "http", "method": "POST", "path": "/evaluate", "raw_path": b"/evaluate", "query_string": b""}
        scope |= {"headers": headers, "http_version": "1.1", "scheme": "http", "root_path": ""}
        scope |= {"server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1)}
        await app(scope, receive, send)

    async def loop() -> float:
        for body in bodies[:50]:
            await call(body)
        done, stop = 0, time.monotonic() + seconds
        started = time.perf_counter()
        while done < count and time.monotonic() < stop:
            await call(bodies[done % len(bodies)])
            done += 1
        return done / (time.perf_counter() - started)

    return asyncio.run(loop())


def _batch(base: str, rows: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    body = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    lines = 0
    kinds: dict[str, int] = {}
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=seconds) as client:

        def chunks() -> Iterator[bytes]:
            for start in range(0, len(body), 1 << 20):
                yield body[start : start + (1 << 20)]

        with client.stream(
            "POST",
            f"/evaluate/batch?as_of={AS_OF}",
            content=chunks(),
            headers={"Content-Type": "application/x-ndjson"},
        ) as answer:
            answer.raise_for_status()
            for line in answer.iter_lines():
                if line:
                    lines += 1
                    kind = line[10 : line.index('"', 10)]
                    kinds[kind] = kinds.get(kind, 0) + 1
    elapsed = time.perf_counter() - started
    return {
        "rows": len(rows),
        "body_mb": round(len(body) / (1 << 20), 1),
        "lines": lines,
        "by_type": kinds,
        "seconds": round(elapsed, 3),
        "rows_per_s": round(len(rows) / elapsed, 1),
    }


def _in_process_roster(rows: list[dict[str, Any]]) -> float:
    """Rows per second of ``engine.evaluate_roster`` over the same rows (no reading, no JSON)."""
    engine = Engine(load_registry(load_entry_points=False))
    started = time.perf_counter()
    for _ in engine.evaluate_roster(rows, as_of=AS_OF):
        pass
    return len(rows) / (time.perf_counter() - started)


def run(args: argparse.Namespace) -> dict[str, Any]:
    rows, _units = make_roster(max(args.batch_rows, 2000), args.seed)
    single = rows[:2000]
    bodies = [json.dumps({"official": row, "as_of": AS_OF}, ensure_ascii=False).encode() for row in single]
    result: dict[str, Any] = {
        "date": date.today().isoformat(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(),
        },
    }
    in_process = _in_process_evaluate(single, args.seconds, args.requests * 4)
    asgi = _asgi_rate(bodies, args.requests, args.seconds)
    with Server(max_upload_mb=max(100, args.batch_rows // 1000 + 50)) as server:
        load = asyncio.run(_evaluate_load(server.base, bodies, args.clients, args.requests, args.seconds))
        floor = asyncio.run(_evaluate_load(server.base, [], args.clients, args.requests, args.seconds, "/health"))
        batch = _batch(server.base, rows[: args.batch_rows], args.seconds * 10) if args.batch_rows else None
    result["evaluate"] = load | {
        "in_process_per_s": round(in_process, 1),
        "overhead_ratio": round(in_process / load["requests_per_s"], 2),
        "asgi_per_s": round(asgi, 1),
        "asgi_ratio": round(in_process / asgi, 2),
        "health_requests_per_s": floor["requests_per_s"],
        "health_p50_ms": floor["p50_ms"],
    }
    if batch is not None:
        roster_rate = _in_process_roster(rows[: args.batch_rows])
        result["batch"] = batch | {
            "in_process_rows_per_s": round(roster_rate, 1),
            "overhead_ratio": round(roster_rate / batch["rows_per_s"], 2),
        }
    return result


def report(r: dict[str, Any]) -> str:
    m, e = r["machine"], r["evaluate"]
    lines = [
        f"cbcc_standards HTTP load, {r['date']} — Python {m['python']}, {m['cpus']} CPUs, {m['platform']}",
        f"POST /evaluate, {e['clients']} clients: {e['requests']} requests in {e['seconds']} s "
        f"({e['errors']} errors) → {e['requests_per_s']}/s; p50 {e['p50_ms']} ms, p99 {e['p99_ms']} ms",
        f"  in process: {e['in_process_per_s']} evaluations/s → HTTP overhead ×{e['overhead_ratio']}",
        f"  the ASGI app called directly (no socket, no client): {e['asgi_per_s']}/s → ×{e['asgi_ratio']}",
        f"  GET /health, same clients (the transport's floor): {e['health_requests_per_s']}/s, "
        f"p50 {e['health_p50_ms']} ms",
    ]
    if "batch" in r:
        b = r["batch"]
        lines += [
            f"POST /evaluate/batch, {b['rows']:,} rows ({b['body_mb']} MB NDJSON): {b['lines']:,} lines in "
            f"{b['seconds']} s → {b['rows_per_s']} rows/s {b['by_type']}",
            f"  in process (evaluate_roster): {b['in_process_rows_per_s']} rows/s → HTTP overhead "
            f"×{b['overhead_ratio']}",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--requests", type=int, default=5000, help="POST /evaluate requests at most (default 5000)")
    parser.add_argument("--seconds", type=float, default=30, help="time bound of each phase (default 30 s)")
    parser.add_argument("--batch-rows", type=int, default=100_000, help="rows of the batch (default 100000; 0: none)")
    parser.add_argument("--seed", type=int, default=20211231, help="random seed of the synthetic roster")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.requests < 1 or args.batch_rows < 0:
        parser.error("--clients and --requests must be at least 1, --batch-rows at least 0")
    result = run(args)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
