"""Hostile rosters through the command line (issue 12): never lose a row, never crash on one.

Writes a hostile roster of N rows (default 10,000) in JSON, JSON Lines, CSV (``,`` and ``;``, and one with broken
quoting) and XLSX, runs ``python -m cbcc_standards check`` on each as a subprocess in every output format chosen, and
a few unreadable files; prints the counts of tracebacks, rows lost (rows written that are neither assessed, rejected
nor named as a skipped blank/section/total row) and wrong exit codes. Every count must be zero; the exit status is 1
when one is not.

    python benchmarks/fuzz_rosters.py                       # 10,000 rows, outputs json, csv, text
    python benchmarks/fuzz_rosters.py --rows 2000 --outputs json,jsonl,csv,html,text,xlsx --seed 7
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cbcc_standards.testing.hostile import BAD_DATES, FIELDS, GOOD, HOSTILE_CHARS, nested

DATES = (*BAD_DATES, "1985-04-12", "20/07/1990", "2015-03-01")


class Hostile:
    """Random hostile values, deterministic for a seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.hostility = 0.5
        self.serial = 100_000
        """The chance that a field holds a hostile value; drawn for each row (half the rows are nearly clean)."""

    def text(self) -> str:
        r = self.rng.random()
        if r < 0.01:
            return self.rng.choice(("A" * 200_000, "=" + "Ư" * 40_000, "\u202e" * 5_000, "x\n" * 3_000))
        return "".join(self.rng.choice(HOSTILE_CHARS) for _ in range(self.rng.randint(0, 30)))

    def wrong(self) -> Any:
        return self.rng.choice(
            (None, True, 10**20, -1, 3.5, float("nan"), [1, "a"], {"k": "v"}, nested(5), nested(40), nested(300))
        )

    def value(self, name: str) -> Any:
        r = self.rng.random()
        if self.rng.random() > self.hostility:
            r = 0.0  # a plausible value
        if name == "id":
            if r == 0.0:
                self.serial += 1
                return f"ID-{self.serial}"
            if r < 0.3:
                return f"ID-{self.rng.randint(1, 2_000)}"  # duplicates on the way
            return self.text() if r < 0.8 else self.wrong()
        if name in ("birth_date", "recruited_on", "appointed_on") and r == 0.0:
            return {"birth_date": "1985-04-12", "recruited_on": "2015-03-01", "appointed_on": "2016-01-01"}[name]
        if name in ("birth_date", "recruited_on", "appointed_on"):
            return self.rng.choice(DATES) if r < 0.7 else (self.text() if r < 0.85 else self.wrong())
        if name in GOOD:
            return self.rng.choice(GOOD[name]) if r < 0.6 else (self.text() if r < 0.85 else self.wrong())
        if name == "qualifications":
            if r < 0.6:
                kinds = ("general_education", "professional", "it", "political_theory", "nope")
                levels = ("thpt", "dai_hoc", "trung_cap", "12/12", "co_ban")
                return [
                    {"kind": self.rng.choice(kinds), "level": self.rng.choice(levels)}
                    for _ in range(self.rng.randint(0, 3))
                ]
            return self.wrong()
        if name in ("evaluations", "disciplines") and r == 0.0:
            return [{"year": 2021, "level": "hoan_thanh_tot"}] if name == "evaluations" else []
        if name in ("evaluations", "disciplines"):
            return [{"year": self.rng.choice((2020, "2021", None)), "level": self.text()}] if r < 0.5 else self.wrong()
        if r == 0.0:
            return "Nguyễn Văn An"
        return self.text() if r < 0.8 else self.wrong()

    def row(self) -> Any:
        if self.rng.random() < 0.01:
            return self.wrong()  # not an object at all
        self.hostility = self.rng.choice((0.0, 0.02, 0.4))
        return {name: self.value(name) for name in FIELDS if self.rng.random() < 0.9}


# -- writers: each returns the number of rows a reader must account for ---------------------------------------------


def cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


LISTS = ("qualifications", "evaluations", "disciplines")


def table(rows: list[Any]) -> tuple[list[str], list[list[str]]]:
    """The rows as table cells; a list of qualifications, evaluations or disciplines (JSON in a cell, which no table
    export writes) is left blank, other values of those columns are kept as hostile text."""
    dicts = [r if isinstance(r, dict) else {"full_name": r} for r in rows]
    body = [["" if f in LISTS and isinstance(r.get(f), list) else cell(r.get(f)) for f in FIELDS] for r in dicts]
    return list(FIELDS), body


def filled(body: list[list[str]]) -> int:
    return sum(any(c.strip() for c in row) for row in body)


def write_json(path: Path, rows: list[Any]) -> int:
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return len(rows)


def write_jsonl(path: Path, rows: list[Any]) -> int:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def write_csv(path: Path, rows: list[Any], delimiter: str = ",") -> int:
    header, body = table(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(body)
    return filled(body)


def write_csv_semicolon(path: Path, rows: list[Any]) -> int:
    return write_csv(path, rows, ";")


def write_csv_bad_quotes(path: Path, rows: list[Any]) -> int:
    """Cells joined without quoting, as a hand-made export writes them: line breaks and most separators gone, a stray
    quote or separator in one row of fifty."""
    header, body = table(rows)
    rng = random.Random(len(rows))

    def plain(text: str) -> str:
        text = re.sub(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", " ", text)
        return text if rng.random() < 0.02 else re.sub(r'[",;\t|]', " ", text)

    body = [[plain(c) for c in r] for r in body]
    path.write_text("\n".join([",".join(header)] + [",".join(r) for r in body]) + "\n", encoding="utf-8")
    return filled([",".join(r).split(",") for r in body])


ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_xlsx(path: Path, rows: list[Any]) -> int:
    import openpyxl  # type: ignore[import-untyped]

    header, body = table(rows)
    body = [[ILLEGAL_XML.sub("?", c)[:32_767] for c in r] for r in body]
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for r in body:
        sheet.append(r)
    book.save(path)
    return filled(body)


WRITERS = {
    "json": (".json", write_json),
    "jsonl": (".jsonl", write_jsonl),
    "csv": (".csv", write_csv),
    "csv-semicolon": (".csv", write_csv_semicolon),
    "csv-bad-quotes": (".csv", write_csv_bad_quotes),
    "xlsx": (".xlsx", write_xlsx),
}
UNREADABLE = {
    "empty.json": b"",
    "cut.json": b'[{"id": "A1"}',
    "deep.json": b"[" * 100_000,
    "binary.csv": b"\x00\xff\xfe" * 1000,
    "not-a-zip.xlsx": b"PK\x03\x04 not really",
}


def skipped(path: Path) -> int:
    """Rows a table reader names as not records (blank, section, total rows; further header levels)."""
    from cbcc_standards.io import RosterFile

    roster = RosterFile(path)
    for _ in roster:
        pass
    layout = roster.reading.layout
    if layout is None:
        return 0
    named = sum(len(r) for what, r in roster.reading.skipped.items() if what not in ("title", "numbering"))
    return named + layout.header_rows[1] - layout.header_rows[0] + (layout.numbering_row is not None)


def check(roster: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "cbcc_standards", "check", str(roster), "--as-of", "2024-01-01", "--plugins", ""]
    return subprocess.run([*command, *extra], capture_output=True, check=False)


def parses(fmt: str, target: Path) -> bool:
    try:
        if fmt == "json":
            json.loads(target.read_text(encoding="utf-8"))
        elif fmt == "jsonl":
            for line in target.read_text(encoding="utf-8").splitlines():
                json.loads(line)
        elif fmt == "csv":
            list(csv.reader(target.open(encoding="utf-8-sig", newline="")))
        elif fmt == "xlsx":
            import openpyxl

            openpyxl.load_workbook(target, read_only=True).close()
        elif fmt == "html":
            import html.parser

            html.parser.HTMLParser().feed(target.read_text(encoding="utf-8"))
        else:
            target.read_text(encoding="utf-8")
    except Exception as exc:  # any failure to parse is the finding
        print(f"    {target.name} does not parse: {type(exc).__name__}: {exc}")
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20241231)
    parser.add_argument("--outputs", default="json,csv,text", help="report formats (json,jsonl,csv,html,text,xlsx)")
    parser.add_argument("--inputs", default=",".join(WRITERS), help=f"input formats ({', '.join(WRITERS)})")
    parser.add_argument(
        "--jobs", default="1", help="processes of each check, comma-separated (1,2: each report made both ways)"
    )
    args = parser.parse_args()
    jobs = [j.strip() for j in args.jobs.split(",") if j.strip()]
    counts = {
        "runs": 0,
        "tracebacks": 0,
        "lost_rows": 0,
        "wrong_exit_codes": 0,
        "unparsable_reports": 0,
        "reports_differing_by_jobs": 0,
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind in args.inputs.split(","):
            suffix, writer = WRITERS[kind]
            generator = Hostile(args.seed)
            rows = [generator.row() for _ in range(args.rows)]
            roster = folder / f"{kind}{suffix}"
            written = writer(roster, rows)
            for fmt, job in ((f, j) for f in args.outputs.split(",") for j in jobs):
                target = folder / f"report-{kind}-{job}.{'txt' if fmt == 'text' else fmt}"
                started = time.perf_counter()
                done = check(roster, "--output", str(target), "--jobs", job)
                counts["runs"] += 1
                err = done.stderr.decode("utf-8", "replace")
                counts["tracebacks"] += "Traceback" in err
                counts["wrong_exit_codes"] += done.returncode != 0
                line = f"{kind:>15} → {fmt:<5} --jobs {job} exit {done.returncode} in "
                line += f"{time.perf_counter() - started:6.1f} s"
                if done.returncode == 0 and not parses(fmt, target):
                    counts["unparsable_reports"] += 1
                first = folder / f"report-{kind}-{jobs[0]}.{'txt' if fmt == 'text' else fmt}"
                if job != jobs[0] and fmt != "xlsx" and first.exists() and target.exists():
                    counts["reports_differing_by_jobs"] += first.read_bytes() != target.read_bytes()
                if fmt == "json" and done.returncode == 0:
                    report = json.loads(target.read_text(encoding="utf-8"))
                    accounted = len(report["officials"]) + len(report["rejected"])
                    accounted += skipped(roster) if suffix in (".csv", ".xlsx") else 0
                    counts["lost_rows"] += abs(written - accounted)
                    line += f", {written:,} rows: {len(report['officials']):,} assessed, "
                    line += f"{len(report['rejected']):,} rejected, {accounted - written:+,} unaccounted"
                elif done.returncode != 0:
                    line += f": {err.strip()[:200]}"
                print(line, flush=True)
        for name, content in UNREADABLE.items():
            path = folder / name
            path.write_bytes(content)
            done = check(path, "--format", "json")
            err = done.stderr.decode("utf-8", "replace")
            counts["runs"] += 1
            counts["tracebacks"] += "Traceback" in err
            one_line = len(err.strip().splitlines()) == 1
            counts["wrong_exit_codes"] += done.returncode != 2 or not one_line or bool(done.stdout)
            print(f"{name:>15} → exit {done.returncode}: {err.strip()[:160]}", flush=True)
    print(json.dumps(counts))
    bad = {k: v for k, v in counts.items() if k != "runs" and v}
    print("OK: zero tracebacks, zero rows lost, zero wrong exit codes" if not bad else f"FAILED: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
