"""The library against its floors, as ratios from one run (issue 14's targets).

``inprocess``: on the same synthetic commune roster (bench.py's generator) in one process, rounds interleaved so that
a noisy machine slows both alike — the library end to end (validation and evaluation of raw rows,
``engine.evaluate_roster``) against the hand-written floor of floor.py (the same rules, plain Python; the statuses
are checked to agree), then the one-official latency and the first use (import, first official, first evaluation)
against ``import pydantic``.

``cli``: the command line on a JSON Lines roster of N officials in fresh processes — ``check`` in JSON (inline and
compact), CSV and text, with ``--jobs 1`` and ``--jobs 2`` — against the parse floor (reading the file and
``json.loads`` of each line, nothing else), rounds interleaved, the best time of each; wall time, peak resident
memory of the largest process of the run (``/usr/bin/time -f %M``), the report's size per official.

    python benchmarks/perf.py inprocess --n 100000 --rounds 3
    python benchmarks/perf.py cli --n 100000 500000 --rounds 2 --cases json:inline:1 json:compact:2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench import make_roster
from floor import floor_status

AS_OF = date(2024, 1, 1)
PARSE_FLOOR = (
    "import json,sys\nwith open(sys.argv[1],encoding='utf-8') as f:\n    for line in f:\n        json.loads(line)\n"
)


def _engine(units: Any) -> Any:
    from cbcc_standards.engine import Engine
    from cbcc_standards.plugins import load_registry

    return Engine(load_registry(load_entry_points=False), units=units)


def inprocess(args: argparse.Namespace) -> dict[str, Any]:
    rows, units = make_roster(args.n, args.seed)
    engine = _engine(units)
    statuses = [getattr(a, "status", None) for a in engine.evaluate_roster(rows, as_of=AS_OF)]  # warm-up
    floor = [floor_status(r) for r in rows]
    agree = sum(1 for s, f in zip(statuses, floor, strict=True) if s is not None and s.value == f)
    times: dict[str, list[float]] = {"library": [], "floor": []}
    for _ in range(args.rounds):  # interleaved
        start = time.perf_counter()
        for _item in engine.evaluate_roster(rows, as_of=AS_OF):
            pass
        times["library"].append(time.perf_counter() - start)
        start = time.perf_counter()
        for row in rows:
            floor_status(row)
        times["floor"].append(time.perf_counter() - start)
    best = {k: min(v) for k, v in times.items()}
    official = engine.official(rows[0])
    for _ in range(2000):
        engine.evaluate(official, as_of=AS_OF)
    samples = []
    for _ in range(args.calls):
        start = time.perf_counter()
        engine.evaluate(official, as_of=AS_OF)
        samples.append(time.perf_counter() - start)
    first_use = (
        "import cbcc_standards\nfrom cbcc_standards import evaluate\n"
        "evaluate({'id': '1', 'title': 'commune.dia_chinh', 'category': 'cong_chuc', 'birth_date': '1990-01-01'},"
        " as_of='2024-01-01')"
    )
    return {
        "n": args.n,
        "agreement": agree / len(rows),
        "library_per_s": args.n / best["library"],
        "floor_per_s": args.n / best["floor"],
        "library_over_floor": best["library"] / best["floor"],
        "latency_median_us": statistics.median(samples) * 1e6,
        "first_use_s": _fresh(first_use, args.import_runs),
        "import_pydantic_s": _fresh("import pydantic", args.import_runs),
        "python_start_s": _fresh("pass", args.import_runs),
    }


def _fresh(code: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def _run(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of a command: through ``/usr/bin/time -f %M`` when there is one (the peak of
    the largest process of the run), else ``wait4``'s ``ru_maxrss`` (which Linux may raise to the size of this
    process when it forked the command)."""
    timer = shutil.which("time", path="/usr/bin:/bin")
    command = [timer, "-f", "%M", *argv] if timer else argv
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    err = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv} failed: {err}")
    peak_kib = int(err.strip().splitlines()[-1]) if timer else usage.ru_maxrss
    return wall, peak_kib / 1024


def write_roster(folder: Path, n: int, seed: int) -> tuple[Path, Path]:
    rows, units = make_roster(n, seed)
    roster, units_file = folder / f"roster-{n}.jsonl", folder / "units.json"
    with roster.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    units_file.write_text(json.dumps([u.model_dump(mode="json") for u in units], ensure_ascii=False), "utf-8")
    return roster, units_file


def cli(args: argparse.Namespace) -> list[dict[str, Any]]:
    results = []
    with tempfile.TemporaryDirectory(prefix="cbcc-perf-") as tmp:
        folder = Path(tmp)
        for n in args.n:
            code = "import sys; sys.path.insert(0, sys.argv[1]); import perf; from pathlib import Path; "
            code += "perf.write_roster(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))"
            here = os.path.dirname(os.path.abspath(__file__))
            subprocess.run([sys.executable, "-c", code, here, str(folder), str(n), str(args.seed)], check=True)
            roster, units = folder / f"roster-{n}.jsonl", folder / "units.json"
            size = roster.stat().st_size
            best: dict[str, tuple[float, float, int]] = {}
            for _ in range(args.rounds):  # interleaved: each round runs the floor and every case once
                wall, mem = _run([sys.executable, "-c", PARSE_FLOOR, str(roster)])
                old = best.get("floor")
                best["floor"] = (min(wall, old[0]) if old else wall, max(mem, old[1]) if old else mem, 0)
                for case in args.cases:
                    fmt, layout, jobs = case.split(":")
                    out = folder / f"report.{fmt}"
                    argv = [sys.executable, "-m", "cbcc_standards", "check", str(roster), "--units", str(units)]
                    argv += ["--as-of", AS_OF.isoformat(), "--plugins", "", "--jobs", jobs, "-o", str(out)]
                    if layout:
                        argv += ["--json-layout", layout]
                    wall, mem = _run(argv)
                    old = best.get(case)
                    best[case] = (
                        min(wall, old[0]) if old else wall,
                        max(mem, old[1]) if old else mem,
                        out.stat().st_size,
                    )
                    out.unlink()
                    print(case, round(wall, 2), round(mem, 1), file=sys.stderr)
            floor_wall = best["floor"][0]
            results.append(
                {"n": n, "run": "parse floor (json.loads)", "wall_s": floor_wall, "peak_mib": best["floor"][1]}
            )
            for case in args.cases:
                fmt, layout, jobs = case.split(":")
                wall, mem, out_size = best[case]
                results.append(
                    {
                        "n": n,
                        "run": f"check {fmt}{' ' + layout if layout else ''} --jobs {jobs}",
                        "wall_s": wall,
                        "peak_mib": mem,
                        "over_floor": wall / floor_wall,
                        "per_s": n / wall,
                        "bytes_per_official": out_size / n,
                        "input_bytes_per_official": size / n,
                    }
                )
            roster.unlink()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    one = sub.add_parser("inprocess")
    one.add_argument("--n", type=int, default=100_000)
    one.add_argument("--rounds", type=int, default=3)
    one.add_argument("--calls", type=int, default=20_000)
    one.add_argument("--import-runs", type=int, default=5)
    two = sub.add_parser("cli")
    two.add_argument("--n", type=int, nargs="+", default=[100_000])
    two.add_argument(
        "--cases",
        nargs="+",
        default=["json:inline:1", "json:inline:2", "json:compact:1", "json:compact:2", "csv::2", "txt::2"],
        help="FORMAT:LAYOUT:JOBS (LAYOUT empty but for json)",
    )
    two.add_argument("--rounds", type=int, default=2, help="interleaved rounds; the best time of each counts")
    for p in (one, two):
        p.add_argument("--seed", type=int, default=20211231)
    args = parser.parse_args(argv)
    result = inprocess(args) if args.what == "inprocess" else cli(args)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
