"""Throughput and latency benchmark of cbcc_standards on a synthetic province roster.

Run after installing the project (``pip install -e .``)::

    python benchmarks/bench.py              # 20,000 officials, text report
    python benchmarks/bench.py --n 5000 --json
    python benchmarks/bench.py --profile    # also cProfile the evaluation phase

Measures, with ``time.perf_counter`` and the best of ``--repeat`` runs:

(a) pydantic validation alone: ``Official.model_validate`` over the roster's dicts;
(b) evaluation alone: one :class:`cbcc_standards.Engine` (built once, with the units) over the validated officials,
    as of 31/12/2021 (TT 13/2019 regime) and 01/01/2024 (ND 33/2023 regime);
(c) one-official ``engine.evaluate`` latency after warm-up (median and 90th percentile over many calls);
(d) ``import cbcc_standards`` against ``import pydantic``, each timed as ``python -c 'import X'`` in fresh
    subprocesses (minimum of several runs).

See benchmarks/README.md for the design targets.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import platform
import pstats
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

try:
    import cbcc_standards
    from cbcc_standards import AdministrativeUnit, Engine, Official, load_registry
    from cbcc_standards.rules.titles import COMMUNE_CADRE_TITLES, COMMUNE_CIVIL_SERVANT_TITLES
except ImportError as exc:  # pragma: no cover - guidance for a missing install
    sys.exit(f"cannot import cbcc_standards ({exc}): install the project first, e.g. `pip install -e .`")

AS_OF = (date(2021, 12, 31), date(2024, 1, 1))
TARGETS = {
    "rule_over_validation_ratio": 1.0,
    "end_to_end_officials_per_s": 30_000.0,
    "latency_us": 50.0,
    "import_ratio": 2.0,
}

_DISTRICTS = 14
_COMMUNES_PER_DISTRICT = 13
_FLAGS = ("mien_nui", "vung_cao", "bien_gioi", "hai_dao", "xa_dao", "vung_sau", "vung_xa", "vung_dtts", "vung_dbkk")
_FIELDS = ("luật", "kế toán", "tài chính", "quản lý đất đai", "xây dựng", "văn hóa", "hành chính", "kinh tế")


# -- synthetic data ------------------------------------------------------------------------------------------------


def make_units(rng: random.Random) -> list[AdministrativeUnit]:
    """A province of ``_DISTRICTS`` districts of ``_COMMUNES_PER_DISTRICT`` communes; about a third in difficult
    areas."""
    units = [AdministrativeUnit(code="BX", name="Tỉnh Bench", tier="province")]
    for d in range(1, _DISTRICTS + 1):
        district = f"BX.D{d:02d}"
        units.append(AdministrativeUnit(code=district, name=f"Huyện {d}", tier="district", parent="BX"))
        for c in range(1, _COMMUNES_PER_DISTRICT + 1):
            flags = frozenset(rng.sample(_FLAGS, rng.randint(1, 2))) if rng.random() < 0.35 else frozenset()
            units.append(
                AdministrativeUnit(
                    code=f"{district}.C{c:02d}",
                    name=f"Xã {d}-{c}",
                    tier="commune",
                    kind=rng.choice(("xa", "xa", "xa", "phuong", "thi_tran")),
                    parent=district,
                    commune_class=rng.choice((1, 2, 3)),
                    area_flags=flags,
                )
            )
    return units


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _date_text(rng: random.Random, day: date) -> str:
    """A date in one of the spellings records use (mostly ISO)."""
    roll = rng.random()
    if roll < 0.7:
        return day.isoformat()
    if roll < 0.9:
        return day.strftime("%d/%m/%Y")
    if roll < 0.97:
        return day.strftime("%m/%Y")
    return str(day.year)


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def make_official(rng: random.Random, number: int, titles: list[str], communes: list[str]) -> dict[str, Any]:
    """One synthetic but valid roster row; about 3% lack a birth date, 2% their qualification record."""
    title = rng.choice(titles)
    cadre = title in COMMUNE_CADRE_TITLES
    born = _day(rng, date(1962, 1, 1), date(2000, 12, 31))
    recruited = _day(rng, max(born + timedelta(days=365 * 19), date(1990, 1, 1)), date(2023, 6, 30))
    quals: list[dict[str, Any]] = [{"kind": "general_education", "level": _pick(rng, (("thpt", 95), ("thcs", 5)))}]
    prof = _pick(
        rng, (("none", 3), ("so_cap", 4), ("trung_cap", 28), ("cao_dang", 10), ("dai_hoc", 50), ("thac_si", 5))
    )
    if prof != "none":
        quals.append({"kind": "professional", "level": prof, "field": rng.choice(_FIELDS)})
    if rng.random() < 0.15:  # a second, lower diploma
        quals.append({"kind": "professional", "level": "trung_cap", "field": rng.choice(_FIELDS)})
    if rng.random() < 0.85:
        quals.append(
            {"kind": "political_theory", "level": _pick(rng, (("so_cap", 40), ("trung_cap", 55), ("cao_cap", 5)))}
        )
    if rng.random() < 0.6:
        quals.append(
            {"kind": "state_management", "level": _pick(rng, (("chuyen_vien", 90), ("chuyen_vien_chinh", 10)))}
        )
    if rng.random() < 0.85:
        quals.append({"kind": "it", "level": _pick(rng, (("co_ban", 90), ("nang_cao", 10)))})
    if rng.random() < 0.6:
        quals.append({"kind": "foreign_language", "level": rng.choice(("bac_1", "bac_2", "bac_3"))})
    row: dict[str, Any] = {
        "id": f"BX-{number:06d}",
        "full_name": f"Nguyễn Văn {number}",
        "gender": rng.choice(("male", "female")),
        "birth_date": _date_text(rng, born) if rng.random() > 0.03 else None,
        "category": "can_bo" if cadre else "cong_chuc",
        "title": title,
        "unit": rng.choice(communes),
        "recruited_on": _date_text(rng, recruited),
        "appointed_on": _day(rng, recruited, date(2023, 12, 31)).isoformat() if cadre else None,
        "qualifications": quals if rng.random() > 0.02 else None,
        "evaluations": [
            {
                "year": year,
                "level": _pick(rng, (("hoan_thanh_tot", 60), ("hoan_thanh", 25), ("hoan_thanh_xuat_sac", 15))),
            }
            for year in range(2019, 2024)
            if rng.random() < 0.8
        ],
        "disciplines": [{"form": "khien_trach", "decided_on": "2021-03-01"}] if rng.random() < 0.03 else [],
    }
    return row


def make_roster(n: int, seed: int) -> tuple[list[dict[str, Any]], list[AdministrativeUnit]]:
    """``n`` roster rows and the units they refer to, deterministic for a seed."""
    rng = random.Random(seed)
    units = make_units(rng)
    communes = [u.code for u in units if u.tier == "commune"]
    titles = sorted(COMMUNE_CIVIL_SERVANT_TITLES | COMMUNE_CADRE_TITLES)
    return [make_official(rng, i, titles, communes) for i in range(1, n + 1)], units


# -- measurements --------------------------------------------------------------------------------------------------


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The best wall time of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def validate_all(rows: list[dict[str, Any]]) -> None:
    """Validate every row (the officials are dropped)."""
    validate = Official.model_validate
    for row in rows:
        validate(row)


def evaluate_all(engine: Engine, officials: list[Official], as_of: date) -> None:
    """Evaluate every official on ``as_of`` (the results are dropped)."""
    for official in officials:
        engine.evaluate(official, as_of=as_of)


def latency(engine: Engine, official: Official, as_of: date, calls: int, warmup: int) -> dict[str, float]:
    """Median and 90th percentile of one ``engine.evaluate`` call, in microseconds."""
    for _ in range(warmup):
        engine.evaluate(official, as_of=as_of)
    samples = []
    clock = time.perf_counter_ns
    for _ in range(calls):
        start = clock()
        engine.evaluate(official, as_of=as_of)
        samples.append(clock() - start)
    samples.sort()
    return {
        "median_us": statistics.median(samples) / 1000,
        "p90_us": samples[int(0.9 * (len(samples) - 1))] / 1000,
    }


def import_time(statement: str, runs: int) -> float:
    """The minimum wall time of ``python -c statement`` in a fresh subprocess, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def profile_evaluation(engine: Engine, officials: list[Official], top: int) -> str:
    """cProfile of the evaluation phase (both dates): the top functions by own time and by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for as_of in AS_OF:
        for official in officials:
            engine.evaluate(official, as_of=as_of)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def run(args: argparse.Namespace) -> dict[str, Any]:
    rows, units = make_roster(args.n, args.seed)
    registry = load_registry(load_entry_points=False, strict=True)
    engine = Engine(registry, units=units)

    officials = [Official.model_validate(row) for row in rows]
    t_validate = best_of(args.repeat, partial(validate_all, rows))

    evaluation: dict[str, Any] = {}
    for as_of in AS_OF:
        statuses = Counter(engine.evaluate(o, as_of=as_of).status.value for o in officials)  # also warms the caches
        seconds = best_of(args.repeat, partial(evaluate_all, engine, officials, as_of))
        evaluation[as_of.isoformat()] = {
            "seconds": seconds,
            "officials_per_s": args.n / seconds,
            "statuses": dict(sorted(statuses.items())),
        }
    t_evaluate = statistics.fmean(e["seconds"] for e in evaluation.values())

    sample = next(
        o
        for o in officials
        if o.title == "commune.tai_chinh_ke_toan" and o.birth_date is not None and o.qualifications is not None
    )
    lat = {as_of.isoformat(): latency(engine, sample, as_of, args.calls, args.warmup) for as_of in AS_OF}
    latency_us = max(v["median_us"] for v in lat.values())

    imports = {
        "python_baseline_s": import_time("pass", args.import_runs),
        "pydantic_s": import_time("import pydantic", args.import_runs),
        "cbcc_standards_s": import_time("import cbcc_standards", args.import_runs),
        "cbcc_standards_first_use_s": import_time(
            "import cbcc_standards; cbcc_standards.Official; cbcc_standards.Engine", args.import_runs
        ),
    }
    base = imports["python_baseline_s"]
    imports["ratio"] = imports["cbcc_standards_s"] / imports["pydantic_s"]
    imports["ratio_net_of_startup"] = (imports["cbcc_standards_s"] - base) / max(imports["pydantic_s"] - base, 1e-9)
    imports["first_use_ratio_net_of_startup"] = (imports["cbcc_standards_first_use_s"] - base) / max(
        imports["pydantic_s"] - base, 1e-9
    )

    result: dict[str, Any] = {
        "n": args.n,
        "seed": args.seed,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cbcc_standards": cbcc_standards.__version__,
        "rules": sum(1 for _ in registry.rules()),
        "validation": {"seconds": t_validate, "officials_per_s": args.n / t_validate},
        "evaluation": evaluation,
        "evaluation_mean_seconds": t_evaluate,
        "end_to_end": {
            "seconds": t_validate + t_evaluate,
            "officials_per_s": args.n / (t_validate + t_evaluate),
        },
        "rule_over_validation_ratio": t_evaluate / t_validate,
        "latency": lat,
        "latency_us": latency_us,
        "imports": imports,
        "targets": TARGETS,
    }
    result["meets_targets"] = {
        "rule_over_validation_ratio": result["rule_over_validation_ratio"] <= TARGETS["rule_over_validation_ratio"],
        "end_to_end_officials_per_s": result["end_to_end"]["officials_per_s"] >= TARGETS["end_to_end_officials_per_s"],
        "latency_us": latency_us <= TARGETS["latency_us"],
        "import_ratio": imports["ratio"] <= TARGETS["import_ratio"],
    }
    if args.profile:
        result["profile"] = profile_evaluation(engine, officials, args.top)
    return result


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSES TARGET"


def report(r: dict[str, Any]) -> str:
    ok = r["meets_targets"]
    lines = [
        f"cbcc_standards {r['cbcc_standards']} — Python {r['python']} — {r['platform']}",
        f"{r['n']:,} synthetic commune officials (seed {r['seed']}), {r['rules']} rules, best of {r['repeat']}",
        "",
        f"(a) validation   {r['validation']['officials_per_s']:>12,.0f} officials/s  "
        f"({r['validation']['seconds']:.3f} s)",
    ]
    for as_of, e in r["evaluation"].items():
        statuses = ", ".join(f"{k} {v}" for k, v in e["statuses"].items())
        lines.append(
            f"(b) evaluation   {e['officials_per_s']:>12,.0f} officials/s  ({e['seconds']:.3f} s) as of {as_of}: "
            f"{statuses}"
        )
    lines += [
        f"    end to end   {r['end_to_end']['officials_per_s']:>12,.0f} officials/s  (a + mean b; target ≥ "
        f"{TARGETS['end_to_end_officials_per_s']:,.0f}: {_mark(ok['end_to_end_officials_per_s'])})",
        f"    (b)/(a)      {r['rule_over_validation_ratio']:>12.2f}               (target ≤ "
        f"{TARGETS['rule_over_validation_ratio']}: {_mark(ok['rule_over_validation_ratio'])})",
    ]
    for as_of, lat in r["latency"].items():
        lines.append(f"(c) latency      {lat['median_us']:>12.1f} µs median, {lat['p90_us']:.1f} µs p90, as of {as_of}")
    lines.append(
        f"    worst median {r['latency_us']:>12.1f} µs   (target ≤ {TARGETS['latency_us']}: {_mark(ok['latency_us'])})"
    )
    i = r["imports"]
    lines += [
        f"(d) import       cbcc_standards {i['cbcc_standards_s'] * 1000:.1f} ms, "
        f"pydantic {i['pydantic_s'] * 1000:.1f} ms, bare python {i['python_baseline_s'] * 1000:.1f} ms",
        f"    ratio        {i['ratio']:>12.2f}               (target ≤ {TARGETS['import_ratio']}: "
        f"{_mark(ok['import_ratio'])}); net of interpreter start-up {i['ratio_net_of_startup']:.2f}",
        f"    first use    {i['cbcc_standards_first_use_s'] * 1000:.1f} ms (import + Official + Engine), net ratio "
        f"{i['first_use_ratio_net_of_startup']:.2f}",
    ]
    if "profile" in r:
        lines += ["", "cProfile of (b), both dates:", r["profile"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="number of synthetic officials (default 20000)")
    parser.add_argument("--seed", type=int, default=20211231, help="random seed (default 20211231)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per throughput measurement; the best counts")
    parser.add_argument("--calls", type=int, default=20_000, help="calls for the latency median (default 20000)")
    parser.add_argument("--warmup", type=int, default=2_000, help="warm-up calls before the latency measurement")
    parser.add_argument("--import-runs", type=int, default=7, help="subprocess runs per import timing (default 7)")
    parser.add_argument("--profile", action="store_true", help="also cProfile the evaluation phase")
    parser.add_argument("--top", type=int, default=20, help="functions listed by --profile (default 20)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
