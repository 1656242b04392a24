"""Built-in plugin: the plain-text format, for the terminal, of every document.

Everything that came from the input (names, codes, messages quoting it) passes through :func:`safe`: control
characters and bidirectional overrides are shown as visible escapes, so a roster cannot clear, recolour or spoof the
clerk's screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import IO

from ...dates import fmt_date
from ...hookspecs import hookimpl
from ...i18n import Lang, Text, t
from ...results import Assessment, Finding, Rejected, Status
from ..renderers import (
    CandidateDocument,
    Document,
    PlanningDocument,
    Renderer,
    RetirementDocument,
    ReviewDocument,
    RuleDocument,
    RulesDocument,
)
from ..shapes import rule_dict
from ._view import labelled, shown, title_name, unit_name

__all__ = ["TEXT", "safe"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    """Text fit for a terminal: C0/C1 control characters (but tab and newline) and bidirectional controls become
    visible ``\\xNN`` / ``\\uNNNN`` escapes."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", str(text))


def _line(text: str) -> str:
    """One line: a newline inside input text is shown as an escape too."""
    return safe(text).replace("\n", "\\n").replace("\r", "\\r")


def _where(r: Rejected, lang: Lang) -> str:
    """Where a rejected row is: the file's own row (as a spreadsheet shows it) with the record number beside it."""
    if r.line is not None and r.line != r.row:
        return t("report.row_at", lang, line=r.line, row=r.row)
    return f"{t('report.row_word', lang)} {r.row}"


def _finding_line(f: Finding, lang: Lang) -> str:
    mark = t("report.provisional_mark", lang) if f.provisional else ""
    outcome = t(f"outcome.{f.outcome.value}", lang)
    line = f"    - {f.rule} [{outcome}]{mark}: {_line(f.message(lang))} — {_line(f.basis[0].citation)}\n"
    if f.notice is not None:
        line += f"      ⚠ {_line(f.notice(lang))}\n"
    return line


def _review(doc: ReviewDocument, out: IO[str], lang: Lang) -> None:
    report = doc.report
    to_act = report.consume(doc.items)
    province = f" — {_line(doc.receipt.province)}" if doc.receipt.province else ""
    out.write(t("report.text_heading", lang, as_of=doc.as_of) + province + "\n")
    for name, error in doc.receipt.failed_plugins:
        out.write("! " + t("report.plugin_failed", lang, name=_line(name), error=_line(error)) + "\n")
    if report.review is not None:
        _units(doc, out, lang)
    out.write("\n" + t("report.to_act_heading", lang) + "\n")
    for a in to_act:
        _person(a, doc, out, lang)
    if report.attention:
        out.write("\n" + t("report.attention_heading", lang) + "\n")
        for a in report.attention:
            _person(a, doc, out, lang)
    if report.rejected:
        out.write("\n" + t("report.rejected_heading", lang) + "\n")
        for r in report.rejected:
            ident = f" ({_line(r.id)})" if r.id else ""
            where = _where(r, lang)
            for e in r.errors:
                out.write(f"    {where}{ident}, {_line(e.field or '-')}: {_line(e.render(lang))}\n")
    for w in doc.file_warnings():
        out.write(f"! {_line(w.field or '-')}: {_line(w.render(lang))}\n")
    officials = sum(report.counts.values())
    out.write("\n" + t("report.totals", lang, officials=officials, rejected=len(report.rejected)) + "\n")
    for status in Status:
        out.write(f"    {t(f'status.{status.value}', lang)}: {report.counts[status]}\n")
    if report.provisional_passes:
        out.write(f"    {t('report.provisional_passes', lang)}: {report.provisional_passes}\n")
    if report.notices:
        out.write(f"    {t('report.notices', lang)}: {report.notices}\n")


def _post(a: Assessment, doc: ReviewDocument, lang: Lang) -> str:
    """Where an official serves, named for a clerk with the codes kept: "Địa chính – … (commune.dia_chinh), Xã Bình
    Châu (QN.BINH_SON.BINH_CHAU)"; a code the catalogue or the units do not know is shown alone; a missing title
    as ?, a missing unit in words."""
    review = doc.report.review
    title = labelled(title_name(doc.titles, a.title, lang), a.title) or "?"
    unit = labelled(unit_name(review.units if review is not None else None, a.unit), a.unit) or t(
        "report.unknown_unit", lang
    )
    return f"{_line(title)}, {_line(unit)}"


def _person(a: Assessment, doc: ReviewDocument, out: IO[str], lang: Lang) -> None:
    deadline = f" → {t('report.date', lang, day=a.deadline)}" if a.deadline else ""
    name = f" {_line(a.full_name)}" if a.full_name else ""
    passes = f" ({t('report.provisional_pass', lang)})" if a.provisional_pass else ""
    out.write(
        f"[{t(f'status.{a.status.value}', lang)}]{passes} {_line(a.id)}{name} — {_post(a, doc, lang)}: "
        f"{t(f'action.{a.action.value}', lang)}{deadline}\n"
    )
    for f in a.findings:
        if shown(f):
            out.write(_finding_line(f, lang))
    for w in a.warnings:
        out.write(f"    ! {_line(w.field or '-')}: {_line(w.render(lang))}\n")


def _units(doc: ReviewDocument, out: IO[str], lang: Lang) -> None:
    review = doc.report.review
    assert review is not None
    heads = [t(f"report.col.{s.value}", lang) for s in Status]
    out.write("\n" + t("report.by_unit_heading", lang) + "\n")
    out.write(f"    {'':<44} {heads[0]:>6} {heads[1]:>6} {heads[2]:>6} {heads[3]:>7}\n")
    for u in review.units_summary(lang):
        indent = {"province": 0, "district": 2, "commune": 4}.get(u["tier"] or "", 0)
        label = (" " * indent + _line(u["name"]))[:44]
        out.write(
            f"    {label:<44} {u['compliant']:>6} {u['within_grace']:>6} {u['non_compliant']:>6} "
            f"{u['undetermined']:>7}\n"
        )
        par = u.get("par_deduction")
        if par and par["deducted"]:
            out.write(" " * (6 + indent) + t("report.par_line", lang, reason=par["reason"], basis=par["basis"]) + "\n")
        who = u.get("responsible")
        if who:
            person = who["person"]
            holder = f"{person['id']} {person['full_name'] or ''}".strip() if person else "—"
            out.write(
                " " * (6 + indent)
                + t(
                    "report.responsible_line",
                    lang,
                    title=_line(title_name(doc.titles, who["title"], lang)),
                    holder=_line(holder),
                )
                + "\n"
            )
    needs = review.training_needs(lang)
    if needs:
        out.write("\n" + t("report.training_heading", lang) + "\n")
        for n in needs:
            by = f" — {t('report.by', lang)} {t('report.date', lang, day=n['deadline'])}" if n["deadline"] else ""
            where = _line(n["district_name"] or n["district"] or t("report.unknown_unit", lang))
            out.write(f"    {where}: {n['label']} × {n['officials']}{by}\n")


def _candidate(doc: CandidateDocument, out: IO[str], lang: Lang) -> None:
    a = doc.assessment
    who = _line(a.id + (f" {doc.full_name}" if doc.full_name else ""))
    out.write(t("candidate.heading", lang, who=who, title=doc.title.name(lang), code=doc.title.code, on=doc.on) + "\n")
    out.write(f"  {t(f'status.{a.status.value}', lang)} — {t(f'action.{a.action.value}', lang)}\n")
    for f in a.findings:
        mark = t("report.provisional_mark", lang) if f.provisional else ""
        out.write(
            f"  - {f.rule} [{t(f'outcome.{f.outcome.value}', lang)}]{mark}: {_line(f.message(lang))} — "
            f"{f.basis[0].citation}\n"
        )


def _planning(doc: PlanningDocument, out: IO[str], lang: Lang) -> None:
    out.write(t("planning.heading", lang, title=doc.title.name(lang), code=doc.title.code, as_of=doc.as_of) + "\n")
    for e in doc.pool:
        star = " ★" if e.outstanding else ""
        left = ", " + t("planning.months_left", lang, months=e.months_left) if e.months_left is not None else ""
        name = f" {_line(e.full_name)}" if e.full_name else ""
        out.write(f"[{t(f'planning.standing.{e.standing.value}', lang)}]{star} {_line(e.id)}{name}{left}\n")
        if e.training:
            out.write(f"    {t('planning.training', lang)}: {', '.join(e.training)}\n")
        if e.missing:
            out.write(f"    {t('planning.missing', lang)}: {', '.join(e.missing)}\n")
        for reason in e.reasons:
            out.write(f"    - {_line(reason(lang))}\n")
    for r in doc.rejected:
        for err in r.errors:
            out.write(f"! {_where(r, lang)}, {_line(err.field or '-')}: {_line(err.render(lang))}\n")
    if any(e.outstanding for e in doc.pool):
        out.write("\n" + t("planning.legend", lang) + "\n")


def _retirement(doc: RetirementDocument, out: IO[str], lang: Lang) -> None:
    from ...rules.retirement import retirement_bases

    r = doc.retirement
    bases = retirement_bases(r.retirement_date)
    out.write(
        t(
            "retirement.text",
            lang,
            day=r.retirement_date,
            years=r.age_applied.years,
            months=r.age_applied.months,
            pension=r.pension_from,
            basis="; ".join(b.citation for b in bases) if bases else t("retirement.before_2013", lang),
        )
        + "\n"
    )


def _span(start: str | None, end: str | None) -> str:
    """An ISO period of the JSON shape as records write dates: ``01/08/2026 – …``."""
    return " – ".join(fmt_date(date.fromisoformat(d)) if d else "…" for d in (start, end))


def _rules(doc: RulesDocument, out: IO[str], lang: Lang) -> None:
    out.write(t("legend.confidence", lang) + "\n\n")
    for rule, ruleset, source in doc.rules:
        row = rule_dict(rule, ruleset, source)
        valid = _span(row["valid_from"], row["valid_to"])
        cite = "; ".join(dict.fromkeys(b["citation"] for b in row["basis"]))
        flag = " " + t("confidence.provisional", lang).upper() if row["provisional"] else ""
        out.write(f"{row['code']:<22} [{rule.confidence.mark}]{flag} {rule.title(lang)}\n{'':<22} {valid} · {cite}\n")


def _rule(doc: RuleDocument, out: IO[str], lang: Lang) -> None:
    rule, ruleset = doc.rule, doc.ruleset
    row = rule_dict(rule, ruleset, doc.source)
    out.write(f"{row['code']} — {rule.title(lang)}\n")
    out.write(f"  {t('rule.ruleset', lang)}: {row['ruleset']} ({row['jurisdiction']}, {doc.source})\n")
    out.write(f"  {t('rule.in_force', lang)}: {_span(row['valid_from'], row['valid_to'])}\n")
    titles = ", ".join(row["titles"]) if row["titles"] else t("rule.every_title", lang)
    out.write(f"  {t('rule.titles', lang)}: {titles}\n")
    flag = " — " + t("confidence.provisional", lang).upper() if row["provisional"] else ""
    out.write(f"  {t('rule.confidence', lang)}: {t('confidence.' + row['confidence'], lang)}{flag}\n")
    for b in row["basis"]:
        out.write(
            f"  {t('rule.basis', lang)}: {b['citation']} ({_span(b['effective_from'], b['effective_to'])}) "
            f"[{t('confidence.' + b['confidence'], lang)}]\n"
        )
        if b["note"]:  # the sources' notes are written in English: said so to a Vietnamese reader
            out.write(f"      {t('rule.note', lang)}: {b['note']}\n")
    if row["delegable"]:
        out.write(f"  {t('rule.delegated', lang)}: {', '.join(row['delegable'])}\n")
    if doc.doc:
        out.write("\n" + t("rule.ruleset_doc", lang) + "\n\n" + doc.doc.strip() + "\n")


def _render(doc: Document, out: IO[str], lang: Lang) -> None:
    from .statistics import render_extra

    if render_extra("text", doc, out, lang):
        return
    if isinstance(doc, ReviewDocument):
        _review(doc, out, lang)
    elif isinstance(doc, CandidateDocument):
        _candidate(doc, out, lang)
    elif isinstance(doc, PlanningDocument):
        _planning(doc, out, lang)
    elif isinstance(doc, RetirementDocument):
        _retirement(doc, out, lang)
    elif isinstance(doc, RulesDocument):
        _rules(doc, out, lang)
    elif isinstance(doc, RuleDocument):
        _rule(doc, out, lang)
    else:  # pragma: no cover - every document kind is handled
        raise TypeError(f"no text form for {type(doc).__name__}")


TEXT = Renderer(
    name="text",
    extension=".txt",
    render=_render,
    documents=frozenset(
        {"review", "candidate", "planning", "retirement", "rules", "rule", "statistics", "retirements"}
    ),
    media_type="text/plain; charset=utf-8",
    label=Text(vi="Văn bản", en="Text"),
)


@hookimpl(tryfirst=True)
def cbcc_register_renderers(register: Callable[[Renderer], None]) -> None:
    """Register the text format."""
    register(TEXT)
