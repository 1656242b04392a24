"""The ``cbcc-standards`` command line (also ``python -m cbcc_standards``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

__all__ = ["main"]

PROG = "cbcc-standards"


class UsageError(Exception):
    """Bad usage: reported on one line, exit code 2."""


def _date(text: str) -> date:
    from .dates import DateParseError, parse_full_date

    try:
        return parse_full_date(text)
    except DateParseError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r} (expected YYYY-MM-DD or dd/mm/yyyy)") from None


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of messages (default: vi)")
    common.add_argument(
        "--plugins",
        metavar="NAMES",
        help="comma-separated allow-list of entry-point plugins (default: $CBCC_STANDARDS_PLUGINS, else all installed)",
    )
    common.add_argument(
        "--strict",
        action="store_true",
        help="fail on a plugin that cannot load or a rule that raises, instead of reporting it",
    )

    reader = argparse.ArgumentParser(add_help=False)
    reader.add_argument(
        "--sheet", metavar="NAME", help="sheet of an .xlsx roster (default: the first visible one with data)"
    )
    reader.add_argument(
        "--columns", type=Path, metavar="FILE", help="saved column mapping, JSON or TOML: {header: field}"
    )
    reader.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help="qualification values the reader leaves unmapped, JSON or TOML: {kind: {value: level}}",
    )
    reader.add_argument("--encoding", metavar="NAME", help="encoding of a CSV roster that is not UTF-8 (e.g. cp1258)")

    parser = argparse.ArgumentParser(
        prog=PROG, description="Check cadres and civil servants against the Vietnamese standards in force on a date."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", parents=[common, reader], help="review a roster as of a date")
    check.add_argument(
        "roster", type=Path, help="roster file: .json (list), .jsonl, .csv or .xlsx (needs the 'excel' extra)"
    )
    check.add_argument("--units", type=Path, help="units file: .json (list), .jsonl or .csv")
    check.add_argument("--as-of", type=_date, required=True, metavar="DATE", help="evaluation date (YYYY-MM-DD)")
    check.add_argument("--province", metavar="CODE", help="apply this province's plugin rules and deadlines")
    check.add_argument(
        "--format",
        choices=("text", "json", "csv", "html"),
        default="text",
        help="report format (default: text); html is one self-contained, printable page",
    )
    check.add_argument(
        "--output",
        "-o",
        type=Path,
        help="write the report to a file instead of standard output; a .xlsx file gets an Excel workbook whatever "
        "--format says (needs the 'excel' extra)",
    )

    rules = sub.add_parser("rules", parents=[common], help="list the rules (in force on a date)")
    rules.add_argument("--as-of", type=_date, metavar="DATE", help="only rules in force on this date")
    rules.add_argument("--province", metavar="CODE", help="include this province's rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    rule = sub.add_parser("rule", parents=[common], help="explain one rule")
    rule.add_argument("code", help="rule code, e.g. CX-CC-2023-PROF")
    rule.add_argument("--format", choices=("text", "json"), default="text")

    schema = sub.add_parser("schema", parents=[common], help="print the JSON Schema of an input format")
    schema.add_argument("which", choices=("roster", "units"))

    retire = sub.add_parser("retirement", parents=[common], help="normal retirement date on the 2021–2035 roadmap")
    retire.add_argument("--gender", required=True, help="male / female (nam / nữ)")
    retire.add_argument(
        "--born", required=True, metavar="DATE", help="birth date: YYYY-MM-DD, dd/mm/yyyy, mm/yyyy, yyyy"
    )
    retire.add_argument("--format", choices=("text", "json"), default="text")

    cand = sub.add_parser("candidate", parents=[common], help="appraise a candidate for a title")
    cand.add_argument("person", type=Path, help="a JSON file with one person (roster format)")
    cand.add_argument("--title", required=True, help="target title code or Vietnamese name")
    cand.add_argument("--on", type=_date, required=True, metavar="DATE", help="appointment or election date")
    cand.add_argument(
        "--process-started",
        type=_date,
        metavar="DATE",
        help="day the personnel body received the dossier (default: --on)",
    )
    cand.add_argument("--rotation", action="store_true", help="a rotation (luân chuyển): two terms needed")
    cand.add_argument(
        "--not-first",
        action="store_true",
        help="a re-appointment or lateral/lower move (no age condition under ND 138/2020 Art 42)",
    )
    cand.add_argument("--unit", metavar="CODE", help="unit of the post (default: the person's)")
    cand.add_argument("--units", type=Path, help="units file")
    cand.add_argument("--province", metavar="CODE", help="apply this province's plugin rules")
    cand.add_argument("--format", choices=("text", "json"), default="text")

    plan = sub.add_parser("planning", parents=[common, reader], help="who could fill a post (planning pool)")
    plan.add_argument("roster", type=Path, help="roster file: .json (list), .jsonl or .csv")
    plan.add_argument("--title", required=True, help="target title code or Vietnamese name")
    plan.add_argument("--as-of", type=_date, required=True, metavar="DATE")
    plan.add_argument(
        "--terms",
        type=int,
        help="full 5-year terms of working time needed (default: 1, or 2 from QĐ 377-QĐ/TW of 08/10/2025)",
    )
    plan.add_argument("--min-rating", default="hoan_thanh_tot", help="minimum rating of the recent years")
    plan.add_argument("--units", type=Path, help="units file")
    plan.add_argument("--province", metavar="CODE", help="apply this province's plugin rules")
    plan.add_argument("--format", choices=("text", "json"), default="text")

    plugins = sub.add_parser("plugins", parents=[common], help="list the plugins loaded, with versions")
    plugins.add_argument("--format", choices=("text", "json"), default="text")

    norm = sub.add_parser(
        "normalize",
        parents=[common, reader],
        help="the canonical roster the reader understood, and a report of what it mapped and could not",
    )
    norm.add_argument("roster", type=Path, help="roster file: .json (list), .jsonl, .csv or .xlsx")
    norm.add_argument(
        "--output",
        "-o",
        type=Path,
        help="write the roster to a file: .json, .jsonl, .csv or .xlsx by its extension (default: JSON on stdout)",
    )
    norm.add_argument(
        "--report", type=Path, metavar="FILE", help="write the report to a file (.json or text) instead of stderr"
    )
    return parser


def _roster(args: argparse.Namespace) -> Any:
    """The roster file named on the command line, read with the reader options given."""
    from .io import RosterFile

    return RosterFile(
        args.roster,
        sheet=args.sheet,
        columns=args.columns,
        mapping=args.mapping,
        encoding=args.encoding,
        lang=args.lang,
    )


def _registry(args: argparse.Namespace) -> Any:
    from .plugins import load_registry

    allow = None if args.plugins is None else [n.strip() for n in args.plugins.split(",") if n.strip()]
    return load_registry(allow=allow, strict=args.strict)


def _progress(items: Iterable[Any], stream: TextIO) -> Iterator[Any]:
    """Pass items through, showing a row count on a terminal every 1,000 rows."""
    if not stream.isatty():
        yield from items
        return
    count = 0
    for count, item in enumerate(items, start=1):
        if count % 1000 == 0:
            stream.write(f"\r{PROG}: {count:,} rows…")
            stream.flush()
        yield item
    if count >= 1000:
        stream.write(f"\r{PROG}: {count:,} rows.   \n")


def _cmd_check(args: argparse.Namespace, out: TextIO) -> None:
    from . import __version__
    from .engine import Engine
    from .formats import MissingExtraError, require_openpyxl, write_html, write_xlsx
    from .io import read_units
    from .report import Receipt, RosterReport

    xlsx = args.output is not None and args.output.suffix.lower() == ".xlsx"
    if xlsx:
        try:
            require_openpyxl()
        except MissingExtraError as exc:
            raise UsageError(str(exc)) from None
    registry = _registry(args)
    units = read_units(args.units) if args.units else None
    roster = _roster(args)
    try:
        engine = Engine(registry, province=args.province, units=units, strict=args.strict)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    receipt = Receipt(
        version=__version__,
        plugins=tuple((p.name, p.version) for p in registry.plugins if p.error is None),
        as_of=args.as_of,
        province=args.province,
        ruleset_sha256=registry.content_hash(),
        input_sha256=roster.sha256,
    )
    report = RosterReport(as_of=args.as_of, lang=args.lang, review=engine.review_summary(args.as_of))
    for plugin in registry.plugins:
        if plugin.error:
            print(f"{PROG}: warning: plugin {plugin.name} not loaded: {plugin.error}", file=sys.stderr)
    items = _progress(roster.locate(engine.evaluate_roster(roster, as_of=args.as_of)), sys.stderr)

    def run(stream: TextIO) -> None:
        # File warnings are known once the header is read, i.e. after the first item: attach them lazily.
        report.warnings = roster.warnings
        if args.format == "json":
            report.write_json(stream, items, receipt)
        elif args.format == "csv":
            report.write_csv(stream, items)
        elif args.format == "html":
            write_html(report, stream, items, receipt, registry.titles)
        else:
            report.write_text(stream, items, receipt)

    if xlsx:
        report.warnings = roster.warnings
        write_xlsx(report, args.output, items, receipt, registry.titles)
    elif args.output:
        with args.output.open("w", encoding="utf-8", newline="") as fh:
            run(fh)
    else:
        run(out)


def _rule_dict(rule: Any, ruleset: Any, source: str) -> dict[str, Any]:
    from .report import basis_dict

    return {
        "code": rule.code,
        "name": rule.name,
        "title": {"vi": rule.title.vi, "en": rule.title.en},
        "ruleset": ruleset.code,
        "jurisdiction": ruleset.jurisdiction,
        "valid_from": rule.valid.start.isoformat() if rule.valid.start else None,
        "valid_to": rule.valid.end.isoformat() if rule.valid.end else None,
        "titles": sorted(rule.titles) if rule.titles is not None else None,
        "confidence": rule.confidence.value,
        "provisional": rule.provisional,
        "basis": [basis_dict(b) | {"note": b.note, "url": b.url} for b in rule.basis],
        "delegable": list(rule.delegable),
        "requires": list(rule.requires),
        "source": source,
    }


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> None:
    registry = _registry(args)
    rows = [
        _rule_dict(r, rs, src)
        for r, rs, src in registry.rules(as_of=args.as_of, jurisdiction=args.province)
        if args.province is not None or rs.jurisdiction == "national"
    ]
    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for row in rows:
        valid = f"{row['valid_from']} – {row['valid_to'] or '…'}"
        cite = "; ".join(b["citation"] for b in row["basis"])
        mark = {"settled": "H", "secondary": "M", "provisional": "L"}[row["confidence"]]
        flag = " PROVISIONAL" if row["provisional"] else ""
        out.write(f"{row['code']:<22} [{mark}]{flag} {row['title'][args.lang]}\n{'':<22} {valid} · {cite}\n")


def _cmd_rule(args: argparse.Namespace, out: TextIO) -> None:
    registry = _registry(args)
    try:
        rule, ruleset, source = registry.rule(args.code.upper())
    except KeyError:
        raise UsageError(f"unknown rule {args.code!r} (see '{PROG} rules')") from None
    row = _rule_dict(rule, ruleset, source)
    if args.format == "json":
        json.dump(row, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    vi = args.lang == "vi"
    out.write(f"{row['code']} — {row['title'][args.lang]}\n")
    out.write(f"  {'Bộ quy tắc' if vi else 'Rule set'}: {row['ruleset']} ({row['jurisdiction']}, {source})\n")
    out.write(f"  {'Hiệu lực' if vi else 'In force'}: {row['valid_from']} – {row['valid_to'] or '…'}\n")
    titles = ", ".join(row["titles"]) if row["titles"] else ("mọi chức danh" if vi else "every title")
    out.write(f"  {'Chức danh' if vi else 'Titles'}: {titles}\n")
    out.write(
        f"  {'Độ tin cậy' if vi else 'Confidence'}: {row['confidence']}"
        f"{' — PROVISIONAL' if row['provisional'] else ''}\n"
    )
    for b in row["basis"]:
        out.write(
            f"  {'Căn cứ' if vi else 'Basis'}: {b['citation']} ({b['effective_from'] or '…'} – "
            f"{b['effective_to'] or '…'}) [{b['confidence']}]\n"
        )
        if b["note"]:
            out.write(f"      {b['note']}\n")
    if row["delegable"]:
        out.write(
            f"  {'Ngoại lệ do tỉnh quyết định' if vi else 'Delegated exceptions'}: {', '.join(row['delegable'])}\n"
        )
    module = sys.modules.get(source)
    doc = module.__doc__ if module is not None else None
    if doc:
        out.write("\n" + doc.strip() + "\n")


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> None:
    from .officials import Official
    from .units import AdministrativeUnit

    model = Official if args.which == "roster" else AdministrativeUnit
    item = model.model_json_schema()
    defs = item.pop("$defs", {})
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"cbcc_standards {args.which} file",
        "description": f"A JSON list of {args.which} rows; JSON Lines and CSV carry the same fields.",
        "type": "array",
        "items": item,
    }
    if defs:
        schema["$defs"] = defs
    json.dump(schema, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _cmd_normalize(args: argparse.Namespace, out: TextIO) -> None:
    from .reading.normalize import normalize

    normalize(args, out, registry=_registry(args), roster=_roster(args))


def _cmd_plugins(args: argparse.Namespace, out: TextIO) -> None:
    registry = _registry(args)
    rows = [{"name": p.name, "version": p.version, "builtin": p.builtin, "error": p.error} for p in registry.plugins]
    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for row in rows:
        kind = "built-in" if row["builtin"] else "entry point"
        error = f"  ERROR: {row['error']}" if row["error"] else ""
        out.write(f"{row['name']} {row['version'] or ''} ({kind}){error}\n")


def _cmd_retirement(args: argparse.Namespace, out: TextIO) -> None:
    from pydantic import TypeAdapter, ValidationError

    from .dates import DateParseError, Gender, parse_legal_date, retirement
    from .types import GenderField

    try:
        gender: Gender = TypeAdapter(GenderField).validate_python(args.gender)
        born = parse_legal_date(args.born)
    except ValidationError:
        raise UsageError(f"invalid gender {args.gender!r} (expected male or female)") from None
    except DateParseError as exc:
        raise UsageError(str(exc)) from None
    result = retirement(gender, born)
    if args.format == "json":
        json.dump(
            {
                "gender": gender.value,
                "born": born.isoformat(),
                "retirement_date": result.retirement_date.isoformat(),
                "pension_from": result.pension_from.isoformat(),
                "age_applied": {"years": result.age_applied.years, "months": result.age_applied.months},
                "basis": ["Bộ luật Lao động 45/2019/QH14, Điều 169", "Nghị định 135/2020/NĐ-CP, Điều 3, 4"],
            },
            out,
            ensure_ascii=False,
        )
        out.write("\n")
        return
    age = result.age_applied
    if args.lang == "vi":
        out.write(
            f"Nghỉ hưu: {result.retirement_date:%d/%m/%Y} (tuổi {age.years} năm {age.months} tháng); hưởng lương hưu "
            f"từ {result.pension_from:%d/%m/%Y}. Căn cứ: BLLĐ 2019 Điều 169, Nghị định 135/2020/NĐ-CP.\n"
        )
    else:
        out.write(
            f"Retirement: {result.retirement_date:%d/%m/%Y} (age {age.years}y{age.months}m); pension from "
            f"{result.pension_from:%d/%m/%Y}. Basis: Labour Code 2019 Art 169, Decree 135/2020.\n"
        )


def _read_person(path: Path, registry: Any) -> Any:
    from pydantic import ValidationError

    from .io import InputError, check_file
    from .officials import Official

    check_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON: {exc.msg} (line {exc.lineno})") from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected one JSON object (a person in the roster format)")
    try:
        return Official.model_validate(data, context={"titles": registry.titles})
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"])
        raise InputError(f"{path}: field {field}: {err['msg'].removeprefix('Value error, ')}") from None


def _engine(args: argparse.Namespace, registry: Any) -> Any:
    from .engine import Engine
    from .io import read_units

    units = read_units(args.units) if args.units else None
    try:
        return Engine(registry, province=args.province, units=units, strict=args.strict)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _resolve_title(registry: Any, title: str) -> str:
    from .titles import UnknownTitleError

    try:
        code: str = registry.titles.resolve(title)
    except UnknownTitleError as exc:
        raise UsageError(str(exc)) from None
    return code


def _cmd_candidate(args: argparse.Namespace, out: TextIO) -> None:
    from .report import ACTION_LABELS, OUTCOME_LABELS, STATUS_LABELS, assessment_dict, pick

    registry = _registry(args)
    engine = _engine(args, registry)
    person = _read_person(args.person, registry)
    title = _resolve_title(registry, args.title)
    assessment = engine.appraise(
        person,
        title=title,
        on=args.on,
        process_started=args.process_started,
        rotation=args.rotation,
        first=not args.not_first,
        unit=args.unit,
    )
    if args.format == "json":
        json.dump(assessment_dict(assessment, args.lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    vi = args.lang == "vi"
    name = registry.titles[title].name(args.lang)
    who = f"{person.id}{f' {person.full_name}' if person.full_name else ''}"
    out.write(
        ("Thẩm định " if vi else "Appraisal of ")
        + who
        + (" cho chức danh " if vi else " for ")
        + f"{name} ({title}), {args.on:%d/%m/%Y}\n"
    )
    out.write(
        f"  {pick(STATUS_LABELS[assessment.status], args.lang)} — {pick(ACTION_LABELS[assessment.action], args.lang)}\n"
    )
    for f in assessment.findings:
        mark = (" (tạm thời)" if vi else " (provisional)") if f.provisional else ""
        out.write(
            f"  - {f.rule} [{pick(OUTCOME_LABELS[f.outcome], args.lang)}]{mark}: {f.message(args.lang)} — "
            f"{f.basis[0].citation}\n"
        )


def _cmd_planning(args: argparse.Namespace, out: TextIO) -> None:
    from .appraisal import planning_pool
    from .report import assessment_dict, rejected_dict
    from .results import Rejected

    registry = _registry(args)
    engine = _engine(args, registry)
    title = _resolve_title(registry, args.title)
    rejected: list[Rejected] = []
    officials = []
    roster = _roster(args)
    for item in roster.locate(engine.validate_roster(roster)):
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            officials.append(item)
    try:
        pool = planning_pool(
            officials, title=title, as_of=args.as_of, terms=args.terms, min_rating=args.min_rating, engine=engine
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        candidates = [
            {
                "id": e.id,
                "full_name": e.full_name,
                "standing": e.standing.value,
                "outstanding": e.outstanding,
                "months_left": e.months_left,
                "training": list(e.training),
                "missing": list(e.missing),
                "reasons": [reason(args.lang) for reason in e.reasons],
                "findings": assessment_dict(e.assessment, args.lang)["findings"],
            }
            for e in pool
        ]
        payload = {
            "title": title,
            "as_of": args.as_of.isoformat(),
            "candidates": candidates,
            "rejected": [rejected_dict(r) for r in rejected],
        }
        json.dump(payload, out, ensure_ascii=False)
        out.write("\n")
        return
    vi = args.lang == "vi"
    out.write(
        ("Nguồn quy hoạch cho " if vi else "Planning pool for ")
        + f"{registry.titles[title].name(args.lang)} ({title}), {args.as_of:%d/%m/%Y}\n"
    )
    for e in pool:
        star = " ★" if e.outstanding else ""
        left = f", {e.months_left} {'tháng' if vi else 'months'}" if e.months_left is not None else ""
        out.write(f"[{e.standing.value}]{star} {e.id}{f' {e.full_name}' if e.full_name else ''}{left}\n")
        if e.training:
            out.write(f"    {'cần đào tạo' if vi else 'training'}: {', '.join(e.training)}\n")
        if e.missing:
            out.write(f"    {'thiếu dữ liệu' if vi else 'missing'}: {', '.join(e.missing)}\n")
        for reason in e.reasons:
            out.write(f"    - {reason(args.lang)}\n")
    for r in rejected:
        for err in r.errors:
            out.write(f"! {'dòng' if vi else 'row'} {r.row}, {err.field or '-'}: {err.message}\n")


_COMMANDS = {
    "retirement": _cmd_retirement,
    "candidate": _cmd_candidate,
    "planning": _cmd_planning,
    "check": _cmd_check,
    "rules": _cmd_rules,
    "rule": _cmd_rule,
    "schema": _cmd_schema,
    "plugins": _cmd_plugins,
    "normalize": _cmd_normalize,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (0 when it ran, 2 for bad usage or unreadable input)."""
    from .io import InputError
    from .plugins import RegistrationError

    args = _parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        _COMMANDS[args.command](args, stream)
    except (UsageError, InputError, RegistrationError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
