"""Mutation testing of the law: change one legal date, threshold, level or comparison at a time and see whether the
test suite notices.

Each mutant is applied to a copy of the project in a temporary folder and the fast legal tests run against it
(``PYTHONPATH`` puts the copy's ``src`` first). A mutant is *killed* when a test fails, *survives* when all pass.
Survivors are listed with their file, line and change: each is either a gap in the tests or a change that does not
alter any legal outcome (an equivalent mutant), to be read by a person.

Operators:

- ``date``: a ``date(y, m, d)`` / ``D(y, m, d)`` literal moved one day later (legal dates: effective dates, cut-offs,
  deadlines);
- ``int``: an integer keyword argument of a requirement (``years=``, ``months=``, ``first_year=``…) plus or minus one;
- ``level``: a level slug in a rule declaration (``level="dai_hoc"``) replaced by the rung below;
- ``compare``: ``<`` ↔ ``<=`` and ``>`` ↔ ``>=`` in the interpreter, the calendar and the engine.

Run (from the project root, with the project installed in the active environment)::

    python benchmarks/mutation.py                     # every operator on the default files
    python benchmarks/mutation.py --operators date    # one operator
    python benchmarks/mutation.py --limit 40 --json   # a sample, machine-readable

It takes a few seconds per mutant (one pytest process each).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path("src/cbcc_standards")
TARGETS = {
    "date": ["law/sources.py", "law/regimes.py", "rules/*.py", "dates.py"],
    "int": ["rules/*.py", "law/sources.py"],
    "level": ["rules/*.py"],
    "compare": ["rules/interpreter.py", "dates.py", "engine.py", "ladders.py"],
}
TESTS = [
    "tests/rules",
    "tests/test_dates.py",
    "tests/test_retirement.py",
    "tests/test_ladders.py",
    "tests/test_appraisal.py",
    "tests/test_engine_properties.py",
    "tests/test_example_2026.py",
    "tests/test_catalogue.py",
    "tests/test_record_checks.py",
    "tests/test_plugins.py",
    "tests/test_extension_points.py",
    "examples/quang-ngai-plugin/tests",
]
LADDER_BELOW = {
    "thpt": "thcs",
    "thcs": "tieu_hoc",
    "trung_cap": "so_cap",
    "cao_dang": "trung_cap",
    "dai_hoc": "cao_dang",
    "thac_si": "dai_hoc",
    "cao_cap": "trung_cap",
    "chuyen_vien_chinh": "chuyen_vien",
    "chuyen_vien_cao_cap": "chuyen_vien_chinh",
    "nang_cao": "co_ban",
    "bac_3": "bac_2",
    "hoan_thanh_tot": "hoan_thanh",
}

DATE = re.compile(r"\b(?:date|D)\((\d{4}), (\d{1,2}), (\d{1,2})\)")
INT_KW = re.compile(r"\b(years|months|first_year|since|discipline_counts_from|at_least_years)=(\d+)\b")
LEVEL = re.compile(r'\blevel="([a-z_0-9]+)"')
COMPARE = re.compile(r" (<=|>=|<|>) ")
SWAP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}


@dataclass(frozen=True)
class Mutant:
    """One change to one line."""

    file: str
    line: int
    operator: str
    before: str
    after: str


def _files(patterns: list[str]) -> list[Path]:
    found: list[Path] = []
    for pattern in patterns:
        found.extend(sorted((ROOT / PACKAGE).glob(pattern)))
    return [f for f in found if f.name != "__init__.py"]


def _skip(line: str) -> bool:
    text = line.strip()
    return text.startswith(("#", '"""', "import", "from")) or not text


def mutants(operators: list[str]) -> list[Mutant]:
    """Every mutant of the chosen operators, in a stable order."""
    out: list[Mutant] = []
    for op in operators:
        for path in _files(TARGETS[op]):
            rel = str(path.relative_to(ROOT))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if _skip(line):
                    continue
                for new in _mutate(op, line):
                    out.append(Mutant(rel, n, op, line.strip(), new.strip()))
    return out


def _mutate(op: str, line: str) -> list[str]:
    results: list[str] = []
    if op == "date":
        for m in DATE.finditer(line):
            y, mo, d = (int(g) for g in m.groups())
            if y < 1950 or y > 2100:
                continue
            later = date(y, mo, d) + timedelta(days=1)
            text = m.group(0).split("(")[0] + f"({later.year}, {later.month}, {later.day})"
            results.append(line[: m.start()] + text + line[m.end() :])
    elif op == "int":
        for m in INT_KW.finditer(line):
            value = int(m.group(2))
            for new in (value - 1, value + 1):
                results.append(line[: m.start(2)] + str(new) + line[m.end(2) :])
    elif op == "level":
        for m in LEVEL.finditer(line):
            below = LADDER_BELOW.get(m.group(1))
            if below:
                results.append(line[: m.start(1)] + below + line[m.end(1) :])
    elif op == "compare":
        if "->" in line or "def " in line:
            return results
        for m in COMPARE.finditer(line):
            results.append(line[: m.start(1)] + SWAP[m.group(1)] + line[m.end(1) :])
    return results


def run(mutant: Mutant, workdir: Path, timeout: float) -> bool:
    """Apply ``mutant`` in ``workdir`` (a copy of the project), run the tests, restore; True when killed."""
    path = workdir / mutant.file
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    line = lines[mutant.line - 1]
    indent = line[: len(line) - len(line.lstrip())]
    lines[mutant.line - 1] = indent + mutant.after + ("\n" if line.endswith("\n") else "")
    path.write_text("".join(lines), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(workdir / "src"), PYTHONDONTWRITEBYTECODE="1")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-W", "ignore", *TESTS],
            cwd=workdir,
            env=env,
            capture_output=True,
            timeout=timeout,
        )
        killed = proc.returncode != 0
    except subprocess.TimeoutExpired:
        killed = True
    finally:
        path.write_text(original, encoding="utf-8")
    return killed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--operators", default="date,int,level,compare", help="comma-separated operators")
    parser.add_argument("--limit", type=int, help="run only the first N mutants")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per mutant (a timeout counts as killed)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    operators = [o for o in args.operators.split(",") if o]
    unknown = set(operators) - set(TARGETS)
    if unknown:
        parser.error(f"unknown operators: {', '.join(sorted(unknown))} (known: {', '.join(TARGETS)})")
    todo = mutants(operators)[: args.limit]
    survivors: list[Mutant] = []
    by_op: dict[str, list[int]] = {op: [0, 0] for op in operators}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp) / "project"
        shutil.copytree(
            ROOT, workdir, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".*_cache")
        )
        for i, mutant in enumerate(todo, 1):
            killed = run(mutant, workdir, args.timeout)
            by_op[mutant.operator][0 if killed else 1] += 1
            if not killed:
                survivors.append(mutant)
            verdict = "killed " if killed else "SURVIVED"
            print(f"[{i}/{len(todo)}] {verdict} {mutant.file}:{mutant.line}", file=sys.stderr)
    killed_total = len(todo) - len(survivors)
    if args.json:
        result = {
            "mutants": len(todo),
            "killed": killed_total,
            "by_operator": {op: {"killed": k, "survived": s} for op, (k, s) in by_op.items()},
            "survivors": [asdict(m) for m in survivors],
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        rate = 100.0 * killed_total / len(todo) if todo else 100.0
        print(f"{killed_total}/{len(todo)} mutants killed ({rate:.1f} %)")
        for op, (k, s) in by_op.items():
            print(f"  {op:8} killed {k}, survived {s}")
        for m in survivors:
            print(f"SURVIVED {m.file}:{m.line} [{m.operator}]\n    - {m.before}\n    + {m.after}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
