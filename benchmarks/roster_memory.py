"""Peak memory of ``cbcc-standards check`` on rosters of growing size.

The review streams: rows are read one at a time (JSON lists element by element), officials are written to the report
as they are assessed, and only counts per unit, the ids seen (to reject duplicates) and the rejected rows stay in
memory. This script writes synthetic rosters of N officials (the generator of ``bench.py``), runs the command line on
each in a fresh process and prints the peak resident memory it reached.

    python benchmarks/roster_memory.py                  # 10,000 and 100,000 officials, --format json
    python benchmarks/roster_memory.py --n 20000 200000 --format csv

The peak is read with ``resource.getrusage(RUSAGE_CHILDREN)`` (Linux: kilobytes), one child at a time.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import make_official, make_units


def write_roster(path: Path, units_path: Path, n: int, seed: int) -> None:
    """Write N officials as JSON Lines and the units as a JSON list, without holding the roster in memory."""
    rng = random.Random(seed)
    units = make_units(rng)
    communes = [u.code for u in units if u.tier == "commune"]
    from cbcc_standards.rules.titles import COMMUNE_CADRE_TITLES, COMMUNE_CIVIL_SERVANT_TITLES

    titles = sorted(COMMUNE_CIVIL_SERVANT_TITLES | COMMUNE_CADRE_TITLES)
    units_path.write_text(json.dumps([u.model_dump(mode="json") for u in units], ensure_ascii=False), "utf-8")
    with path.open("w", encoding="utf-8") as fh:
        for number in range(n):
            fh.write(json.dumps(make_official(rng, number, titles, communes), ensure_ascii=False) + "\n")


def peak_kib(argv: list[str]) -> int:
    """Run a command to completion and return the peak resident memory of that child, in KiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--format", default="json", choices=("json", "csv", "text"))
    parser.add_argument("--seed", type=int, default=20211231)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.n):
            roster, units = Path(tmp) / f"roster-{n}.jsonl", Path(tmp) / "units.json"
            write_roster(roster, units, n, args.seed)
            argv = [
                sys.executable,
                "-m",
                "cbcc_standards",
                "check",
                str(roster),
                "--units",
                str(units),
                "--as-of",
                "2021-12-31",
                "--format",
                args.format,
                "--plugins",
                "",
            ]
            rows.append((n, roster.stat().st_size, peak_kib(argv)))
    for n, size, kib in rows:
        print(f"{n:>9,} officials  roster {size / 2**20:7.1f} MiB  peak RSS {kib / 1024:7.1f} MiB")
    if len(rows) > 1:
        (n0, _, k0), (n1, _, k1) = rows[0], rows[-1]
        print(f"roster ×{n1 / n0:.0f} → peak memory ×{k1 / k0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
