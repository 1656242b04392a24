"""The rule catalogue as Markdown: every rule set and rule of a registry, with its legal basis and confidence.

``docs/rules.md`` is this module's output for the built-in plugins (``python docs/generate.py``); a test fails when
the two differ, so the documentation cannot drift from the rules the engine runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .law import Confidence, LegalBasis, Period
from .rules._model import Deadline, Delegation, Rule, RuleSet

if TYPE_CHECKING:
    from .plugins import Registry
    from .titles import TitleCatalogue

__all__ = ["render_rule_catalogue"]

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "heading": "Rule catalogue",
        "generated": "Generated from the rules registered by the plugins. Do not edit by hand: run "
        "`python docs/generate.py` after changing a rule.",
        "marks": "Confidence marks: **[H]** settled (the text was seen), **[M]** secondary (a secondary summary, or "
        "an inferred article or date), **[L]** provisional (unconfirmed). A rule's confidence is the weakest of its "
        "bases; rules marked **PROVISIONAL** rest on an unconfirmed fact and their findings say so.",
        "summary": "Rule sets",
        "ruleset": "Rule set",
        "title": "Title",
        "jurisdiction": "Jurisdiction",
        "tier": "Tier",
        "any_tier": "any",
        "rules": "Rules",
        "plugin": "Plugin",
        "delegations": "Delegations switched on",
        "none": "none",
        "references": "References",
        "title_vi": "Title (vi)",
        "title_en": "Title (en)",
        "name": "Name",
        "valid": "Valid",
        "confidence": "Confidence",
        "applies_to": "Applies to",
        "all_titles": "every title",
        "delegable": "Delegable switches",
        "requires": "Reads",
        "kind": "Kind",
        "standard": "standard of the title",
        "bookkeeping": "bookkeeping (not a standard of the title)",
        "basis": "Legal basis",
        "issuer": "issued by",
        "signed": "signed",
        "effective": "effective",
        "source": "source",
        "provisional": "**PROVISIONAL**: this rule rests on an unconfirmed ([L]) legal fact; its findings say so and "
        "should be appraised by hand.",
        "units": "communes",
        "any_difficult": "every difficult-area commune",
        "deadlines": "Deadlines",
        "due": "Due",
        "applies_rules": "Rules",
        "all_rules": "every rule",
        "no_rules": "No rule is registered.",
    },
    "vi": {
        "heading": "Danh mục quy tắc",
        "generated": "Sinh tự động từ các quy tắc do plugin đăng ký. Không sửa tay: chạy `python docs/generate.py` "
        "sau khi sửa một quy tắc.",
        "marks": "Mức tin cậy: **[H]** đã xác nhận (đã thấy văn bản), **[M]** nguồn thứ cấp (bản tóm tắt, hoặc điều "
        "khoản, ngày suy ra), **[L]** tạm thời (chưa xác nhận). Mức tin cậy của quy tắc là mức thấp nhất trong các "
        "căn cứ; quy tắc ghi **PROVISIONAL** dựa trên một sự kiện chưa xác nhận và kết quả của nó nói rõ điều đó.",
        "summary": "Bộ quy tắc",
        "ruleset": "Bộ quy tắc",
        "title": "Tên",
        "jurisdiction": "Phạm vi",
        "tier": "Cấp",
        "any_tier": "mọi cấp",
        "rules": "Số quy tắc",
        "plugin": "Plugin",
        "delegations": "Ngoại lệ được bật",
        "none": "không có",
        "references": "Văn bản tham chiếu",
        "title_vi": "Tên (vi)",
        "title_en": "Tên (en)",
        "name": "Tên mã",
        "valid": "Hiệu lực",
        "confidence": "Mức tin cậy",
        "applies_to": "Áp dụng cho",
        "all_titles": "mọi chức danh",
        "delegable": "Ngoại lệ có thể phân cấp",
        "requires": "Dữ liệu sử dụng",
        "kind": "Loại",
        "standard": "tiêu chuẩn của chức danh",
        "bookkeeping": "kiểm tra phụ trợ (không phải tiêu chuẩn của chức danh)",
        "basis": "Căn cứ pháp lý",
        "issuer": "cơ quan ban hành",
        "signed": "ký ngày",
        "effective": "hiệu lực",
        "source": "nguồn",
        "provisional": "**PROVISIONAL**: quy tắc dựa trên một quy định chưa được xác nhận ([L]); kết quả của nó nói rõ "
        "điều đó và cần được thẩm định thủ công.",
        "units": "các xã",
        "any_difficult": "mọi xã thuộc vùng khó khăn",
        "deadlines": "Thời hạn hoàn thiện",
        "due": "Hạn",
        "applies_rules": "Quy tắc",
        "all_rules": "mọi quy tắc",
        "no_rules": "Chưa có quy tắc nào được đăng ký.",
    },
}

_CONFIDENCE: dict[str, dict[Confidence, str]] = {
    "en": {
        Confidence.SETTLED: "settled",
        Confidence.SECONDARY: "secondary",
        Confidence.PROVISIONAL: "provisional",
    },
    "vi": {
        Confidence.SETTLED: "đã xác nhận",
        Confidence.SECONDARY: "nguồn thứ cấp",
        Confidence.PROVISIONAL: "tạm thời, chưa xác nhận",
    },
}


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _codes(codes: Iterable[str]) -> str:
    return ", ".join(f"`{c}`" for c in sorted(codes))


def _period(period: Period) -> str:
    return str(period)


def _confidence(confidence: Confidence, lang: str) -> str:
    return f"**[{confidence.mark}]** {_CONFIDENCE[lang][confidence]}"


def _basis(basis: LegalBasis, lang: str) -> str:
    """One legal basis on one line: citation, issuer, dates, confidence, note, source."""
    labels = _LABELS[lang]
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


def _titles(rule: Rule, titles: TitleCatalogue, lang: str) -> str:
    if rule.titles is None:
        return _LABELS[lang]["all_titles"]
    named = []
    for code in sorted(rule.titles):
        title = titles.get(code)
        named.append(f"`{code}` ({title.name(lang)})" if title is not None else f"`{code}`")
    return ", ".join(named)


def _delegation(delegation: Delegation, lang: str) -> str:
    labels = _LABELS[lang]
    where = f"{labels['units']} {_codes(delegation.units)}" if delegation.units is not None else labels["any_difficult"]
    return f"`{delegation.switch}` — {where}; {_period(delegation.valid)}; {delegation.basis.citation}"


def _rule(rule: Rule, titles: TitleCatalogue, lang: str) -> list[str]:
    labels = _LABELS[lang]
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
        f"- {labels['valid']}: {_period(rule.valid)}",
        f"- {labels['confidence']}: {_confidence(rule.confidence, lang)}",
        f"- {labels['applies_to']}: {_titles(rule, titles, lang)}",
        f"- {labels['delegable']}: {_codes(rule.delegable) or labels['none']}",
        f"- {labels['requires']}: {', '.join(f'`{f}`' for f in rule.requires) or labels['none']}",
        f"- {labels['kind']}: {labels['standard'] if rule.standard else labels['bookkeeping']}",
        f"- {labels['basis']}:",
    ]
    lines += [f"  {n}. {_basis(basis, lang)}" for n, basis in enumerate(rule.basis, start=1)]
    lines.append("")
    return lines


def _tier(ruleset: RuleSet, lang: str) -> str:
    return ruleset.tier.value if ruleset.tier is not None else _LABELS[lang]["any_tier"]


def _ruleset(ruleset: RuleSet, source: str, titles: TitleCatalogue, lang: str) -> list[str]:
    labels = _LABELS[lang]
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


def _deadline(deadline: Deadline, source: str, lang: str) -> list[str]:
    labels = _LABELS[lang]
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


def render_rule_catalogue(registry: Registry, *, lang: str = "en") -> str:
    """The rule catalogue of ``registry`` as Markdown, in ``lang`` (``"en"`` or ``"vi"``) for labels and headings.

    One section per rule set (sorted by code: code, title, jurisdiction, tier, plugin, delegations, references), then
    one per rule (sorted by code: code, Vietnamese and English titles, validity window ``dd/mm/yyyy – …``, the titles it
    applies to, each legal basis with article, clause, effective dates and confidence mark ``[H]``/``[M]``/``[L]`` with
    its note, a ``PROVISIONAL`` marker for provisional rules, delegable switches), then the registry's deadlines. The
    output depends only on the registry's content: the same registry always gives the same text, ending in a newline.

    Raises ``ValueError`` for a language other than ``en`` or ``vi``.
    """
    if lang not in _LABELS:
        raise ValueError(f"unknown language {lang!r}: use 'en' or 'vi'")
    labels = _LABELS[lang]
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
            f"| `{s.ruleset.code}` | {_cell(s.ruleset.title(lang))} | `{s.ruleset.jurisdiction}` | "
            f"{_tier(s.ruleset, lang)} | {len(s.ruleset.rules)} |"
            for s in sourced
        ]
        lines.append("")
    for s in sourced:
        lines += _ruleset(s.ruleset, s.source, registry.titles, lang)
    if registry.deadlines:
        lines += [f"## {labels['deadlines']}", ""]
        for deadline, source in sorted(registry.deadlines, key=lambda d: d[0].code):
            lines += _deadline(deadline, source, lang)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
