"""Built-in plugin: consequences of the annual evaluation and classification.

References (legal-sources.md §5):

- Law 52/2019/QH14 amending the Law on CBCC [H] (to 31/12/2025): two consecutive years rated "không hoàn thành nhiệm
  vụ" → a cadre is removed from post (miễn nhiệm), a civil servant dismissed (thôi việc). Rule ``EVAL-2020-2Y``
  looks at the two latest years on record.
- ND 48/2023/NĐ-CP [H] (from 15/09/2023): anyone disciplined in the assessment year is rated "không hoàn thành
  nhiệm vụ"; for years from 2023 a discipline decided in the year makes that year count as such, whatever rating the
  record shows (one violation counts in one year only).
- Law 80/2025/QH15 Art 26–27 and ND 335/2025/NĐ-CP [H] (from 01/01/2026): "không hoàn thành nhiệm vụ" leads to a
  move to a lower job position or dismissal; the two-year trigger is gone. Rule ``EVAL-2026`` looks at ratings of
  years from 2026.

The ND 56/2015 names (before 20/08/2020) are accepted as spellings of the same four levels. These rules are not
standards of a title: with no evaluation record supplied they are ``not_applicable`` (not checked) rather than
``undetermined``. With evaluations but no discipline record (``disciplines`` absent, not ``[]``), a result that a
discipline could change under ND 48/2023 is ``undetermined`` with ``disciplines`` missing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..hookspecs import hookimpl
from ..law import Period
from ..officials import Official
from ..results import Outcome, Text
from ._model import Context, Rule, RuleSet, Verdict
from ._sources import LAW_80_2025_ART26, LAW_CBCC_2019, ND_48_2023

__all__ = ["RULESET", "effective_ratings"]

_FAIL = "khong_hoan_thanh"
_ND48_FIRST_YEAR = 2023
_LAW_80_FIRST_YEAR = 2026
_WHAT = Text(vi="Đánh giá, xếp loại", en="Annual evaluation")
_NOT_SUPPLIED = Verdict(
    Outcome.NOT_APPLICABLE,
    Text(
        vi="Đánh giá, xếp loại: không có dữ liệu đánh giá; quy tắc không được kiểm tra.",
        en="Annual evaluation: no evaluation record supplied; the rule was not checked.",
    ),
    shared=True,
)


def effective_ratings(official: Official, up_to: int) -> dict[int, str]:
    """Ratings by year up to ``up_to``, with ND 48/2023 applied: a year from 2023 in which a discipline was decided
    counts as "không hoàn thành nhiệm vụ"."""
    ratings = {e.year: e.level for e in official.evaluations or () if e.year <= up_to}
    for d in official.disciplines or ():
        if d.decided_on is not None and _ND48_FIRST_YEAR <= d.decided_on.year <= up_to:
            ratings[d.decided_on.year] = _FAIL
    return ratings


_MEMO: dict[tuple[Any, ...], Verdict] = {}
_MEMO_LIMIT = 10_000


def _shared(key: tuple[Any, ...], build: Callable[[], Verdict]) -> Verdict:
    """One verdict per situation (the latest ratings), shared by every official in it."""
    verdict = _MEMO.get(key)
    if verdict is None:
        if len(_MEMO) >= _MEMO_LIMIT:
            _MEMO.clear()
        verdict = _MEMO[key] = build()
    return verdict


_DISCIPLINES_UNKNOWN = Verdict(
    Outcome.UNDETERMINED,
    Text(
        vi="Đánh giá, xếp loại: thiếu dữ liệu kỷ luật (disciplines); theo Nghị định 48/2023/NĐ-CP, năm bị kỷ luật được "
        "xếp loại không hoàn thành nhiệm vụ, nên kết quả phụ thuộc vào dữ liệu này.",
        en="Annual evaluation: the discipline record is missing (disciplines); under Decree 48/2023 a year with a "
        "discipline counts as not completing duties, so the outcome depends on it.",
    ),
    missing=("disciplines",),
    shared=True,
)


def _worst_case(ratings: dict[int, str], first: int, last: int) -> dict[int, str]:
    """The ratings if a discipline had been decided in every year from ``first`` to ``last`` (ND 48/2023)."""
    return {**ratings, **dict.fromkeys(range(first, last + 1), _FAIL)}


def _latest_two(ratings: dict[int, str]) -> tuple[tuple[int, str], ...]:
    return tuple((y, ratings[y]) for y in sorted(ratings)[-2:])


def _two_years(official: Official, ctx: Context) -> Verdict:
    if not official.evaluations:
        return _NOT_SUPPLIED
    ratings = effective_ratings(official, ctx.as_of.year)
    latest = _latest_two(ratings)
    verdict = _shared(("2y", latest), lambda: _two_years_verdict(latest))
    if official.disciplines is None and verdict.outcome is Outcome.MET:
        worst = _latest_two(_worst_case(ratings, _ND48_FIRST_YEAR, ctx.as_of.year))
        if _shared(("2y", worst), lambda: _two_years_verdict(worst)).outcome is Outcome.NOT_MET:
            return _DISCIPLINES_UNKNOWN
    return verdict


def _two_years_verdict(latest: tuple[tuple[int, str], ...]) -> Verdict:
    years = [y for y, _ in latest]
    if len(latest) == 2 and years[1] - years[0] == 1 and all(r == _FAIL for _, r in latest):
        return Verdict(
            Outcome.NOT_MET,
            Text(
                vi=f"{_WHAT.vi}: không hoàn thành nhiệm vụ 2 năm liên tiếp ({years[0]}, {years[1]}): cán bộ bị miễn "
                "nhiệm, công chức bị cho thôi việc.",
                en=f"{_WHAT.en}: did not complete duties two years running ({years[0]}, {years[1]}): a cadre is "
                "removed from post, a civil servant dismissed.",
            ),
            required="no two consecutive khong_hoan_thanh",
            actual=f"{years[0]},{years[1]}",
            shared=True,
        )
    text = ", ".join(f"{y}: {r}" for y, r in latest)
    return Verdict(
        Outcome.MET,
        Text(
            vi=f"{_WHAT.vi}: không có 2 năm liên tiếp không hoàn thành nhiệm vụ ({text}).",
            en=f"{_WHAT.en}: no two consecutive years without completing duties ({text}).",
        ),
        actual=text,
        shared=True,
    )


def _from_2026(official: Official, ctx: Context) -> Verdict:
    ratings = {y: r for y, r in effective_ratings(official, ctx.as_of.year).items() if y >= _LAW_80_FIRST_YEAR}
    if not ratings:
        return _NOT_SUPPLIED
    year = max(ratings)
    verdict = _shared(("2026", year, ratings[year]), lambda: _from_2026_verdict(year, ratings[year]))
    if official.disciplines is None and verdict.outcome is Outcome.MET and ctx.as_of.year >= _LAW_80_FIRST_YEAR:
        return _DISCIPLINES_UNKNOWN  # a discipline in any year since 2026 would make the latest year "không hoàn thành"
    return verdict


def _from_2026_verdict(year: int, rating: str) -> Verdict:
    if rating == _FAIL:
        return Verdict(
            Outcome.NOT_MET,
            Text(
                vi=f"{_WHAT.vi}: năm {year} không hoàn thành nhiệm vụ: bố trí vị trí việc làm thấp hơn hoặc cho thôi "
                "việc.",
                en=f"{_WHAT.en}: did not complete duties in {year}: a lower job position or dismissal.",
            ),
            required="not khong_hoan_thanh",
            actual=f"{year}:{rating}",
            shared=True,
        )
    return Verdict(
        Outcome.MET,
        Text(vi=f"{_WHAT.vi}: năm {year}: {rating}.", en=f"{_WHAT.en}: {year}: {rating}."),
        actual=f"{year}:{rating}",
        shared=True,
    )


RULESET = RuleSet(
    code="national.evaluations",
    title=Text(vi="Hệ quả của đánh giá, xếp loại chất lượng", en="Consequences of the annual evaluation"),
    references=(LAW_CBCC_2019, ND_48_2023, LAW_80_2025_ART26),
    rules=(
        Rule(
            code="EVAL-2020-2Y",
            name="two-years-not-completing-duties",
            basis=(LAW_CBCC_2019, ND_48_2023),
            valid=Period(start=date(2020, 7, 1), end=date(2025, 12, 31)),
            requires=("evaluations", "disciplines"),
            standard=False,
            title=Text(
                vi="Hai năm liên tiếp không hoàn thành nhiệm vụ", en="Two consecutive years without completing duties"
            ),
            check=_two_years,
        ),
        Rule(
            code="EVAL-2026",
            name="not-completing-duties-2026",
            basis=(LAW_80_2025_ART26, ND_48_2023),
            valid=Period(start=date(2026, 1, 1)),
            requires=("evaluations", "disciplines"),
            standard=False,
            title=Text(vi="Không hoàn thành nhiệm vụ (Luật 80/2025)", en="Not completing duties (Law 80/2025)"),
            check=_from_2026,
        ),
    ),
)


@hookimpl
def cbcc_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register the evaluation-consequence rule set."""
    register(RULESET)
