"""The ``cbcc-standards`` command line (also ``python -m cbcc_standards``).

Every command builds a document and hands it to a renderer of the registry (``--format``, or ``--output``'s
extension); every error is one line on standard error and exit code 2 (``--debug`` shows the traceback). Heavy
modules are imported only once a command runs, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import itertools
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .i18n import Lang
    from .plugins import Registry
    from .report.renderers import Document, Renderer

__all__ = ["main"]

PROG = "cbcc-standards"


class UsageError(Exception):
    """Bad usage: reported on one line, exit code 2."""


_ARGV_LANG = "vi"
"""The ``--lang`` of the command line being parsed (for messages argparse's type checks give before it is known)."""


def _cli_text(key: str, lang: str | None = None, **params: object) -> str:
    from .i18n import t

    return t(f"cli.{key}", lang or _ARGV_LANG, **params)


def _date(text: str) -> date:
    from .dates import DateParseError, parse_full_date

    try:
        return parse_full_date(text)
    except DateParseError:
        raise argparse.ArgumentTypeError(_cli_text("invalid_full_date", value=text)) from None


def _jobs(text: str) -> int | str:
    if text == "auto":
        return text
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"invalid job count {text!r} (expected a number from 1, or auto)")
    return value


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
    common.add_argument("--debug", action="store_true", help="show the traceback of an error")

    def output(parser: argparse.ArgumentParser, default: str = "text") -> None:
        parser.add_argument(
            "--format",
            metavar="NAME",
            help=f"output format: text, json, jsonl, csv, html, xlsx or a plugin's (default: {default}, or the "
            "format of --output's extension)",
        )
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="write to a file instead of standard output; its extension chooses the format (.json, .jsonl, .csv, "
            ".html, .txt, .xlsx) unless --format says otherwise; the file is replaced only when the run succeeds",
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
        "--jobs",
        "-j",
        type=_jobs,
        default="auto",
        metavar="N",
        help="processes that assess the roster: a number, or 'auto' (default): every core for a roster of 8 MiB or "
        "more, else 1; the report is the same whatever the number",
    )
    check.add_argument(
        "--json-layout",
        choices=("inline", "compact"),
        default="inline",
        help="json and jsonl: 'inline' (default) writes each official's findings in full; 'compact' writes each "
        "distinct finding and legal basis once, in tables, and officials refer to them by key (format_version 1)",
    )
    check.add_argument(
        "--within",
        default="24m",
        metavar="PERIOD",
        help="the report's retirement horizon after --as-of: 24m, 18m, 2y (default: 24m)",
    )
    output(check)

    rules = sub.add_parser("rules", parents=[common], help="list the rules (in force on a date)")
    rules.add_argument("--as-of", type=_date, metavar="DATE", help="only rules in force on this date")
    rules.add_argument("--province", metavar="CODE", help="include this province's rules")
    output(rules)

    rule = sub.add_parser("rule", parents=[common], help="explain one rule")
    rule.add_argument("code", help="rule code, e.g. CX-CC-2023-PROF")
    output(rule)

    schema = sub.add_parser("schema", parents=[common], help="print the JSON Schema of an input format")
    schema.add_argument("which", choices=("roster", "units"))

    retire = sub.add_parser("retirement", parents=[common], help="normal retirement date on the 2021–2035 roadmap")
    retire.add_argument("--gender", required=True, help="male / female (nam / nữ)")
    retire.add_argument(
        "--born", required=True, metavar="DATE", help="birth date: YYYY-MM-DD, dd/mm/yyyy, mm/yyyy, yyyy"
    )
    output(retire)

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
        help="a re-appointment or lateral/lower move (no working-time condition)",
    )
    cand.add_argument("--unit", metavar="CODE", help="unit of the post (default: the person's)")
    cand.add_argument("--units", type=Path, help="units file")
    cand.add_argument("--province", metavar="CODE", help="apply this province's plugin rules")
    output(cand)

    plan = sub.add_parser("planning", parents=[common, reader], help="who could fill a post (planning pool)")
    plan.add_argument("roster", type=Path, help="roster file: .json (list), .jsonl, .csv or .xlsx")
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
    output(plan)

    plugins = sub.add_parser("plugins", parents=[common], help="list the plugins loaded, with versions")
    plugins.add_argument("--format", choices=("text", "json"), default="text")

    serve = sub.add_parser("serve", parents=[common], help="the HTTP API and the web page (needs the 'server' extra)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    serve.add_argument("--province", metavar="CODE", help="province applied when a request names none")
    serve.add_argument("--api-key-file", metavar="FILE", help="file of API keys, one a line: a key is then required")
    serve.add_argument(
        "--cors-origin", action="append", default=[], metavar="ORIGIN", help="allow this origin (CORS; repeatable)"
    )
    serve.add_argument("--max-upload-mb", type=float, default=100, help="largest upload or batch (default: 100 MB)")
    serve.add_argument("--max-body-mb", type=float, default=1, help="largest JSON body of one request (default: 1 MB)")
    serve.add_argument(
        "--insecure", action="store_true", help="serve a non-loopback host without an API key (not recommended)"
    )

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
    _statistics_parsers(sub, [common, reader], output)
    return parser


def _statistics_parsers(sub: Any, parents: list[argparse.ArgumentParser], output: Any) -> None:
    """The ``stats`` and ``retirements`` commands (issue 13)."""
    stats = sub.add_parser(
        "stats", parents=parents, help="quality statistics by unit: the BM01/BNV and BM02/BNV tables (TT 11/2012)"
    )
    retire = sub.add_parser(
        "retirements", parents=parents, help="who reaches the retirement age within a period, by unit and post"
    )
    for command in (stats, retire):
        command.add_argument("roster", type=Path, help="roster file: .json (list), .jsonl, .csv or .xlsx")
        command.add_argument("--units", type=Path, help="units file: .json (list), .jsonl or .csv")
        command.add_argument("--as-of", type=_date, required=True, metavar="DATE", help="reporting date (YYYY-MM-DD)")
        command.add_argument("--province", metavar="CODE", help="the province reporting (its name heads the form)")
    stats.add_argument(
        "--form",
        choices=("bm01", "bm02"),
        help="the form: bm02 (commune cadres and civil servants) or bm01 (civil servants of district level and "
        "above); only the officials of its tier are counted (default: everyone, every column)",
    )
    stats.add_argument(
        "--age-bands",
        metavar="N,N,...",
        default="30,40,50,60",
        help="upper bounds of the age bands (default: 30,40,50,60; the Party forms: 30,35,40,45,50,55,60)",
    )
    retire.add_argument(
        "--within", default="24m", metavar="PERIOD", help="the period after --as-of: 24m, 18m, 2y (default: 24m)"
    )
    output(stats, "xlsx for --output FILE.xlsx, else text")
    output(retire)


# -- shared steps ---------------------------------------------------------------------------------------------


def _lang(args: argparse.Namespace) -> Lang:
    from .i18n import Lang

    return Lang.parse(args.lang)


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


def _registry(args: argparse.Namespace) -> Registry:
    from .plugins import DuplicatePluginError, load_registry

    allow = None if args.plugins is None else [n.strip() for n in args.plugins.split(",") if n.strip()]
    try:
        registry = load_registry(allow=allow, strict=args.strict)
    except DuplicatePluginError as exc:
        raise UsageError(exc.message(args.lang)) from None
    if allow:
        known = {p.name for p in registry.plugins}
        unknown = sorted(set(allow) - known)
        if unknown:
            installed = sorted(p.name for p in registry.plugins if not p.builtin) or ["—"]
            raise UsageError(
                _cli_text("unknown_plugins", args.lang, names=", ".join(unknown), known=", ".join(installed))
            )
    for plugin in registry.plugins:
        if plugin.error:
            error = " ".join(str(plugin.error_text(args.lang)).split())
            print(f"{PROG}: warning: plugin {plugin.name} not loaded: {error}", file=sys.stderr)
    return registry


def _renderer(args: argparse.Namespace, registry: Registry, kind: str) -> Renderer:
    """The renderer ``--format`` names, or the one of ``--output``'s extension, or text; it must render ``kind``."""
    named = args.format
    by_extension = None
    if args.output is not None and args.output.suffix:
        by_extension = registry.renderer_for(args.output.suffix)
    if named is not None:
        if named not in registry.renderers:
            known = ", ".join(sorted(registry.renderers))
            raise UsageError(_cli_text("unknown_format", args.lang, name=named, known=known))
        renderer = registry.renderer(named)
        if by_extension is not None and by_extension.extension != renderer.extension:
            raise UsageError(
                _cli_text("format_contradicts", args.lang, name=named, target=str(args.output), other=by_extension.name)
            )
    elif by_extension is not None:
        renderer = by_extension
    elif args.output is not None:
        known = ", ".join(sorted(registry.renderers))
        raise UsageError(_cli_text("format_unknown_extension", args.lang, target=str(args.output), known=known))
    else:
        renderer = registry.renderer("text")
    if not renderer.accepts(kind):  # type: ignore[arg-type]
        usable = sorted(r.name for r, _ in registry.renderers.values() if r.accepts(kind))  # type: ignore[arg-type]
        raise UsageError(_cli_text("format_cannot_render", args.lang, name=renderer.name, known=", ".join(usable)))
    if renderer.binary and args.output is None:
        raise UsageError(_cli_text("format_binary", args.lang, name=renderer.name, extension=renderer.extension))
    return renderer


def _emit(args: argparse.Namespace, renderer: Renderer, document: Document, out: TextIO) -> None:
    """Render to standard output, or to ``--output`` through a temporary file renamed on success (a failed run
    leaves any earlier file untouched)."""
    lang = _lang(args)
    if args.output is None:
        # Spooled (in memory, on disk past 32 MB) and written out once complete: a file found broken half-way
        # through (a JSON list cut short) leaves the one-line error, not half a report, on standard output.
        with tempfile.SpooledTemporaryFile(max_size=32 << 20, mode="w+", encoding="utf-8", newline="") as spool:
            renderer.render(document, spool, lang)
            spool.seek(0)
            while chunk := spool.read(1 << 16):
                out.write(chunk)
        return
    target: Path = args.output
    if target.is_dir():
        raise UsageError(_cli_text("output_folder", args.lang, target=str(target)))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(_cli_text("output_no_folder", args.lang, target=str(target), folder=str(folder)))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UsageError(
            _cli_text("output_unwritable", args.lang, target=str(target), reason=exc.strerror or "")
        ) from None
    try:
        if renderer.binary:
            with os.fdopen(handle, "wb") as binary:
                renderer.render(document, binary, lang)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as text:
                renderer.render(document, text, lang)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    from .i18n import t

    print(f"{PROG}: " + t("cli.written", lang, format=renderer.name, path=str(target)), file=sys.stderr)


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


def _engine(args: argparse.Namespace, registry: Registry) -> Any:
    from .engine import Engine
    from .io import read_units

    units = read_units(args.units) if getattr(args, "units", None) else None
    from .plugins import UnknownJurisdictionError

    try:
        return Engine(registry, province=args.province, units=units, strict=args.strict)
    except UnknownJurisdictionError:
        raise  # worded in the reader's language by main
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _resolve_title(registry: Registry, title: str) -> str:
    from .titles import UnknownTitleError

    try:
        code: str = registry.titles.resolve(title)
    except UnknownTitleError:
        raise UsageError(_cli_text("unknown_title", _ARGV_LANG, title=title)) from None
    return code


def _within(args: argparse.Namespace) -> int:
    """``--within`` in months (a usage error in the reader's language otherwise)."""
    from .report.retirements import parse_months

    try:
        return parse_months(args.within)
    except ValueError:
        raise UsageError(_cli_text("invalid_within", args.lang, value=args.within)) from None


def _roster_command(args: argparse.Namespace, kind: str) -> tuple[Renderer, Any, list[Any]]:
    """What every command over a roster starts with: the renderer of ``kind`` (its extra installed), the engine,
    and the warnings about the units file on ``--as-of`` (said on standard error)."""
    registry = _registry(args)
    renderer = _renderer(args, registry, kind)
    _require_extra(renderer)
    engine = _engine(args, registry)
    if _PROGRAM:  # the registry, the rules and the engine live as long as the run: the collector need not scan them
        gc.freeze()
    return renderer, engine, _unit_warnings(engine, args.as_of, _lang(args))


# -- commands -------------------------------------------------------------------------------------------------


def _cmd_check(args: argparse.Namespace, out: TextIO) -> None:
    from .report import review_document

    within = _within(args)
    renderer, engine, units = _roster_command(args, "review")
    roster = _roster(args)
    document = review_document(
        engine,
        roster,
        as_of=args.as_of,
        lang=_lang(args),
        input_sha256=roster.sha256,
        file_warnings=lambda: units + list(roster.warnings),
        retire_within=within,
        **_workers(args, engine),
    )
    document.json_layout = args.json_layout
    document.items = _progress(roster.locate(document.items), sys.stderr)
    _emit(args, renderer, document, out)


def _workers(args: argparse.Namespace, engine: Any) -> dict[str, Any]:
    """The processes of ``check --jobs`` and, where workers cannot inherit the engine, how they build theirs."""
    from .parallel import EngineSpec, auto_jobs

    jobs = args.jobs
    if jobs == "auto":
        try:
            jobs = auto_jobs(args.roster.stat().st_size)
        except OSError:
            jobs = 1
    if jobs == 1:
        return {}
    allow = None if args.plugins is None else tuple(n.strip() for n in args.plugins.split(",") if n.strip())
    units = tuple(engine.units.values()) if engine.user_units else None
    spec = EngineSpec(plugins=allow, strict=args.strict, province=engine.province, units=units)
    return {"workers": jobs, "spec": spec}


def _unit_warnings(engine: Any, as_of: date, lang: Lang) -> list[Any]:
    """What is wrong with the user's units file on ``as_of`` (a district on a two-tier date, a missing parent…), as
    warnings for the report and on standard error. Plugins' units (used without a units file) are their own data of
    their own date, and not checked against ``as_of``."""
    from .reading.unittree import check_unit_tree
    from .results import RowError

    if not engine.user_units:
        return []
    warnings = [
        RowError(field="units", code=p.code, message=p.message(lang))
        for p in check_unit_tree(engine.units.values(), as_of=as_of)
    ]
    for warning in warnings[:5]:
        print(f"{PROG}: warning: {warning.message}", file=sys.stderr)
    if len(warnings) > 5:
        print(f"{PROG}: warning: … {len(warnings) - 5} more unit warnings in the report", file=sys.stderr)
    return warnings


def _require_extra(renderer: Renderer) -> None:
    from .report.formats.html import MissingExtraError, require_jinja2
    from .report.formats.xlsx import require_openpyxl

    try:
        if renderer.extra == "html":
            require_jinja2()
        elif renderer.extra == "excel":
            require_openpyxl()
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from None


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> None:
    from .report import RulesDocument

    registry = _registry(args)
    province = registry.resolve_jurisdiction(args.province) if args.province is not None else None
    rows = tuple(
        (r, rs, src)
        for r, rs, src in registry.rules(as_of=args.as_of, jurisdiction=province)
        if province is not None or rs.jurisdiction == "national"
    )
    _emit(args, _renderer(args, registry, "rules"), RulesDocument(rules=rows, as_of=args.as_of), out)


def _cmd_rule(args: argparse.Namespace, out: TextIO) -> None:
    from .report import RuleDocument

    registry = _registry(args)
    try:
        rule, ruleset, source = registry.rule(args.code.upper())
    except KeyError:
        raise UsageError(_cli_text("unknown_rule", args.lang, code=args.code, prog=PROG)) from None
    module = sys.modules.get(source)
    document = RuleDocument(rule=rule, ruleset=ruleset, source=source, doc=module.__doc__ if module else None)
    _emit(args, _renderer(args, registry, "rule"), document, out)


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
    rows = [
        {"name": p.name, "version": p.version, "builtin": p.builtin, "error": p.error_text(args.lang)}
        for p in registry.plugins
    ]
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
    from .report import RetirementDocument
    from .types import GenderField

    try:
        gender: Gender = TypeAdapter(GenderField).validate_python(args.gender)
        born = parse_legal_date(args.born)
    except ValidationError:
        raise UsageError(_cli_text("invalid_gender", args.lang, value=args.gender)) from None
    except DateParseError:
        raise UsageError(_cli_text("invalid_date", args.lang, value=args.born)) from None
    registry = _registry(args)
    document = RetirementDocument(gender=gender, born=born, retirement=retirement(gender, born))
    _emit(args, _renderer(args, registry, "retirement"), document, out)


def _read_person(path: Path, registry: Registry, lang: str = "vi") -> Any:
    from pydantic import ValidationError

    from .io import InputError, check_file
    from .officials import Official

    check_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(_cli_text("invalid_json", lang, path=str(path), detail=exc.msg, line=exc.lineno)) from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        raise InputError(_cli_text("not_a_person", lang, path=str(path)))
    try:
        return Official.model_validate(data, context={"titles": registry.titles})
    except ValidationError as exc:
        from .results import validation_message

        err = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"])
        detail = validation_message(err["type"], err["msg"].removeprefix("Value error, "), field, lang)
        raise InputError(f"{path}: {detail}") from None


def _cmd_candidate(args: argparse.Namespace, out: TextIO) -> None:
    from .report import CandidateDocument

    registry = _registry(args)
    renderer = _renderer(args, registry, "candidate")
    engine = _engine(args, registry)
    person = _read_person(args.person, registry, args.lang)
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
    document = CandidateDocument(
        assessment=assessment, title=registry.titles[title], on=args.on, full_name=person.full_name
    )
    _emit(args, renderer, document, out)


def _cmd_planning(args: argparse.Namespace, out: TextIO) -> None:
    from .appraisal import planning_pool
    from .report import PlanningDocument
    from .results import Rejected

    registry = _registry(args)
    renderer = _renderer(args, registry, "planning")
    engine = _engine(args, registry)
    title = _resolve_title(registry, args.title)
    rejected: list[Rejected] = []
    try:
        pool = planning_pool(
            _read_officials(args, engine, rejected),
            title=title,
            as_of=args.as_of,
            terms=args.terms,
            min_rating=args.min_rating,
            engine=engine,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    document = PlanningDocument(title=registry.titles[title], as_of=args.as_of, pool=pool, rejected=tuple(rejected))
    _emit(args, renderer, document, out)


def _rows(args: argparse.Namespace, engine: Any) -> Iterator[Any]:
    """The rows of the roster validated: officials and rejected rows (located in the file)."""
    roster = _roster(args)
    yield from roster.locate(engine.validate_roster(roster))


def _read_officials(args: argparse.Namespace, engine: Any, rejected: list[Any]) -> Iterator[Any]:
    """The officials of the roster (validated), keeping the rejected rows."""
    from .results import Rejected

    for item in _rows(args, engine):
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            yield item


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> None:
    from .report.tables import parse_age_bands, statistics_document

    try:
        bands = parse_age_bands(args.age_bands)
    except ValueError:
        raise UsageError(_cli_text("invalid_age_bands", args.lang, value=args.age_bands)) from None
    renderer, engine, _ = _roster_command(args, "statistics")
    document = statistics_document(
        engine, _rows(args, engine), as_of=args.as_of, lang=_lang(args), age_bands=bands, form=args.form
    )
    _emit(args, renderer, document, out)


def _cmd_retirements(args: argparse.Namespace, out: TextIO) -> None:
    from .report.tables import retirements_document

    months = _within(args)
    renderer, engine, _ = _roster_command(args, "retirements")
    document = retirements_document(engine, _rows(args, engine), as_of=args.as_of, within_months=months)
    _emit(args, renderer, document, out)


def _cmd_serve(args: argparse.Namespace, out: TextIO) -> None:
    from .i18n import t

    try:
        from .server.run import ServeOptions, SettingsError, serve
    except ImportError as exc:
        raise UsageError(t("server.missing_extra", args.lang, detail=exc.name or exc)) from None
    allow = None if args.plugins is None else [n.strip() for n in args.plugins.split(",") if n.strip()]
    options = ServeOptions(
        host=args.host,
        port=args.port,
        workers=args.workers,
        province=args.province,
        plugins=allow,
        strict=args.strict,
        api_key_file=args.api_key_file,
        cors_origins=tuple(args.cors_origin),
        max_upload_mb=args.max_upload_mb,
        max_body_mb=args.max_body_mb,
        insecure=args.insecure,
        lang=args.lang,
    )
    try:
        serve(options)
    except (SettingsError, ValueError) as exc:
        raise UsageError(str(exc)) from None


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
    "serve": _cmd_serve,
    "stats": _cmd_stats,
    "retirements": _cmd_retirements,
}


_PROGRAM = False
"""Whether :func:`main` runs as the program (its arguments from ``sys.argv``), not called from Python (tests, a
caller's own process), whose objects are not ours to freeze out of the collector's sight."""


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (0 when it ran, 2 for bad usage or unreadable input)."""
    global _ARGV_LANG, _PROGRAM
    _PROGRAM = argv is None
    words = list(sys.argv[1:] if argv is None else argv)
    pairs = itertools.pairwise(words)
    _ARGV_LANG = "en" if "--lang=en" in words or ("--lang", "en") in pairs else "vi"
    args = _parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        _COMMANDS[args.command](args, stream)
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except KeyboardInterrupt:  # pragma: no cover - interactive
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    return 0


def _one_line(exc: BaseException) -> str:
    """An error on one line: the message of a usage or input error, else its type and message."""
    from .io import InputError
    from .parallel import WorkerError
    from .plugins import RegistrationError, UnknownJurisdictionError

    plain = UsageError | InputError | RegistrationError | UnknownJurisdictionError | WorkerError
    if isinstance(exc, UnknownJurisdictionError):
        exc = UsageError(_cli_text("unknown_province", province=exc.province, known=exc.known or "—"))
    elif isinstance(exc, InputError):
        exc = UsageError(exc.message(_ARGV_LANG))
    text = str(exc) if isinstance(exc, plain) else f"{type(exc).__name__}: {exc}"
    text = " ".join(text.split())
    if not isinstance(exc, plain):
        text += " (run again with --debug for the details)"
    return text if len(text) <= 2000 else text[:2000] + "…"
