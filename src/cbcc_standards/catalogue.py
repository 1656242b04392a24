"""The rule catalogue as Markdown: every rule set and rule of a registry, with its legal basis and confidence.

``docs/rules.md`` is this module's output for the built-in plugins (``python docs/generate.py``); a test fails when
the two differ, so the documentation cannot drift from the rules the engine runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from .i18n import Lang, t
from .law import Confidence, LegalBasis, Period
from .rules.interpreter import requirement_message
from .rules.model import Deadline, Delegation, Grace, Relief, Rule, RuleSet

if TYPE_CHECKING:
    from .plugins import Registry
    from .titles import TitleCatalogue

__all__ = ["render_rule_catalogue"]


class _Labels:
    """The catalogue's labels in one language (``catalogue.<key>`` in the message catalogue)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return t(f"catalogue.{key}", self.lang)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _codes(codes: Iterable[str]) -> str:
    return ", ".join(f"`{c}`" for c in sorted(codes))


def _period(period: Period) -> str:
    return str(period)


def _confidence(confidence: Confidence, lang: Lang) -> str:
    return f"**[{confidence.mark}]** {t(f'confidence.{confidence.value}', lang)}"


def _basis(basis: LegalBasis, lang: Lang) -> str:
    """One legal basis on one line: citation, issuer, dates, confidence, note, source."""
    labels = _Labels(lang)
    parts = [basis.citation]
    if basis.issuer:
        parts.append(f"{labels['issuer']} {basis.issuer}")
    if basis.signed:
        parts.append(f"{labels['signed']} {basis.signed.strftime('%d/%m/%Y')}")
    parts.append(f"{labels['effective']} {_period(basis.effective)}")
    line = "; ".join(parts) + f"; {_confidence(basis.confidence, lang)}"
    if basis.note:
        line += f" — {basis.note}"
    if basis.url:
        line += f" ({labels['source']}: {basis.url})"
    return line


def _titles(rule: Rule, titles: TitleCatalogue, lang: Lang) -> str:
    if rule.titles is None:
        return _Labels(lang)["all_titles"]
    named = []
    for code in sorted(rule.titles):
        title = titles.get(code)
        named.append(f"`{code}` ({title.name(lang)})" if title is not None else f"`{code}`")
    return ", ".join(named)


def _delegation(delegation: Delegation, lang: Lang) -> str:
    labels = _Labels(lang)
    where = f"{labels['units']} {_codes(delegation.units)}" if delegation.units is not None else labels["any_difficult"]
    return f"`{delegation.switch}` — {where}; {_period(delegation.valid)}; {delegation.basis.citation}"


def _rule(rule: Rule, titles: TitleCatalogue, lang: Lang) -> list[str]:
    labels = _Labels(lang)
    heading = f"### `{rule.code}` — {rule.title(lang)}"
    if rule.provisional:
        heading += " — PROVISIONAL"
    lines = [heading, ""]
    if rule.provisional:
        lines += [f"> {labels['provisional']}", ""]
    lines += [
        f"- {labels['name']}: `{rule.name}`",
        f"- {labels['title_vi']}: {rule.title.vi}",
        f"- {labels['title_en']}: {rule.title.en}",
        f"- {labels['valid']}: {_period(rule.valid)}" + (f" ({_regime(rule.regime, lang)})" if rule.regime else ""),
        f"- {labels['requirement']}: {requirement_message(rule.requirement)(lang)} (`{rule.requirement.type}`"
        + (f", {labels['trainable']}" if rule.trainable else "")
        + ")",
        f"- {labels['confidence']}: {_confidence(rule.confidence, lang)}",
        f"- {labels['applies_to']}: {_titles(rule, titles, lang)}",
        f"- {labels['delegable']}: {_codes(rule.delegable) or labels['none']}",
        f"- {labels['requires']}: {', '.join(f'`{f}`' for f in rule.requires) or labels['none']}",
        f"- {labels['kind']}: {labels['standard'] if rule.standard else labels['bookkeeping']}",
    ]
    for relief in rule.reliefs:
        lines.append(f"- {labels['reliefs']}: {_relief(relief, lang)}")
    for grace in rule.graces:
        lines.append(f"- {labels['graces']}: {_grace(grace)}")
    lines.append(f"- {labels['basis']}:")
    lines += [f"  {n}. {_basis(basis, lang)}" for n, basis in enumerate(rule.basis, start=1)]
    lines.append("")
    return lines


def _regime(code: str, lang: Lang) -> str:
    from .law.regimes import REGIMES

    found = next((r for r in REGIMES if r.code == code), None)
    return found.name(lang) if found is not None else code


def _relief(relief: Relief, lang: Lang) -> str:
    accepted = requirement_message(relief.accept)(lang) if relief.accept is not None else "—"
    if relief.appointed_before is not None:
        where = f"appointed_on < {relief.appointed_before:%d/%m/%Y}"
    else:
        flags = ", ".join(f"`{f}`" for f in sorted(relief.flags)) if relief.flags is not None else "*"
        where = f"area_flags ∈ {{{flags}}}" + (f", switch `{relief.switch}`" if relief.switch else "")
    cite = relief.basis.citation if relief.basis is not None else "—"
    return f"{accepted} ({where}; {cite})"


def _grace(grace: Grace) -> str:
    parts = [f"{grace.start_field} ≤ {grace.in_office_by:%d/%m/%Y} → {grace.deadline:%d/%m/%Y}"]
    if grace.unless_delegated:
        parts.append(f"unless switch `{grace.unless_delegated}` covers the unit")
    if grace.eligible is not None:
        who = ["ethnic minority"] if grace.eligible.ethnic_minority else []
        who += [f"`{f}`" for f in sorted(grace.eligible.area_flags)]
        parts.append("only for " + " or ".join(who))
    return "; ".join(parts) + f" ({grace.basis.citation})"


def _tier(ruleset: RuleSet, lang: Lang) -> str:
    return ruleset.tier.value if ruleset.tier is not None else _Labels(lang)["any_tier"]


def _ruleset(ruleset: RuleSet, source: str, titles: TitleCatalogue, lang: Lang) -> list[str]:
    labels = _Labels(lang)
    lines = [
        f"## {labels['ruleset']} `{ruleset.code}`",
        "",
        f"- {labels['title']}: {ruleset.title(lang)}",
        f"- {labels['jurisdiction']}: `{ruleset.jurisdiction}`",
        f"- {labels['tier']}: {_tier(ruleset, lang)}",
        f"- {labels['plugin']}: `{source}`",
    ]
    delegations = sorted(ruleset.delegations, key=lambda d: (d.switch, str(d.valid), sorted(d.units or ())))
    if delegations:
        lines.append(f"- {labels['delegations']}:")
        lines += [f"  - {_delegation(d, lang)}" for d in delegations]
    else:
        lines.append(f"- {labels['delegations']}: {labels['none']}")
    if ruleset.references:
        lines.append(f"- {labels['references']}:")
        lines += [f"  - {b.citation}; {_period(b.effective)}; **[{b.confidence.mark}]**" for b in ruleset.references]
    lines.append("")
    for rule in sorted(ruleset.rules, key=lambda r: r.code):
        lines += _rule(rule, titles, lang)
    return lines


def _deadline(deadline: Deadline, source: str, lang: Lang) -> list[str]:
    labels = _Labels(lang)
    rules = _codes(deadline.rules) if deadline.rules is not None else labels["all_rules"]
    return [
        f"### `{deadline.code}` — {deadline.title(lang)}",
        "",
        f"- {labels['jurisdiction']}: `{deadline.jurisdiction}`",
        f"- {labels['due']}: {deadline.due.strftime('%d/%m/%Y')}",
        f"- {labels['valid']}: {_period(deadline.valid)}",
        f"- {labels['applies_rules']}: {rules}",
        f"- {labels['plugin']}: `{source}`",
        f"- {labels['basis']}: {_basis(deadline.basis, lang)}",
        "",
    ]


def _regimes(labels: _Labels, lang: Lang) -> list[str]:
    """The named periods of the law, oldest first, each with the acts that open and close it."""
    from .law.regimes import REGIMES

    lines = [f"## {labels['regimes']}", "", labels["regimes_intro"], ""]
    lines += [f"| {labels['regime']} | {labels['valid']} | {labels['bases']} |", "|---|---|---|"]
    for regime in sorted(REGIMES, key=lambda r: (r.period.start or date.min, r.code)):
        bases = "; ".join(f"{b.citation} [{b.confidence.mark}]" for b in regime.bases)
        lines.append(f"| `{regime.code}` — {_cell(regime.name(lang))} | {_period(regime.period)} | {_cell(bases)} |")
    return [*lines, ""]


def render_rule_catalogue(registry: Registry, *, lang: Lang | str = "en") -> str:
    """The rule catalogue of ``registry`` as Markdown, in ``lang`` (``"en"`` or ``"vi"``) for labels and headings.

    One section per rule set (sorted by code: code, title, jurisdiction, tier, plugin, delegations, references), then
    one per rule (sorted by code: code, Vietnamese and English titles, validity window ``dd/mm/yyyy – …``, the titles it
    applies to, each legal basis with article, clause, effective dates and confidence mark ``[H]``/``[M]``/``[L]`` with
    its note, a ``PROVISIONAL`` marker for provisional rules, delegable switches), then the registry's deadlines. The
    output depends only on the registry's content: the same registry always gives the same text, ending in a newline.

    Raises ``ValueError`` for a language other than ``en`` or ``vi``.
    """
    try:
        language = Lang.parse(lang)
    except ValueError:
        raise ValueError(f"unknown language {lang!r}: use 'en' or 'vi'") from None
    labels = _Labels(language)
    sourced = sorted(registry.rulesets, key=lambda s: s.ruleset.code)
    lines = [f"# {labels['heading']}", "", labels["generated"], "", labels["marks"], ""]
    if not sourced:
        lines += [labels["no_rules"], ""]
    else:
        lines += [
            f"## {labels['summary']}",
            "",
            f"| {labels['ruleset']} | {labels['title']} | {labels['jurisdiction']} | {labels['tier']} | "
            f"{labels['rules']} |",
            "|---|---|---|---|---:|",
        ]
        lines += [
            f"| `{s.ruleset.code}` | {_cell(s.ruleset.title(language))} | `{s.ruleset.jurisdiction}` | "
            f"{_tier(s.ruleset, language)} | {len(s.ruleset.rules)} |"
            for s in sourced
        ]
        lines.append("")
    lines += _regimes(labels, language)
    for s in sourced:
        lines += _ruleset(s.ruleset, s.source, registry.titles, language)
    if registry.deadlines:
        lines += [f"## {labels['deadlines']}", ""]
        for deadline, source in sorted(registry.deadlines, key=lambda d: d[0].code):
            lines += _deadline(deadline, source, language)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
