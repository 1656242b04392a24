"""The reader of qualification cells written as free text: "Cử nhân Luật", "CVC và TĐ", "Anh B", "(chưa có)".

A cell is read as a sequence of words, each folded to ASCII (diacritics, case and the usual typos — ``d`` for ``đ``,
``sỹ`` for ``sĩ`` — do not matter). Phrases of the kind's vocabulary are matched greedily, longest first: level
phrases ("cử nhân", "ĐH", "CVC"), noise ("bằng", "chứng chỉ", "sau đại học", "và TĐ", "hệ tại chức"), language names,
the old A/B/C letters. Separators (``,`` ``;`` ``+`` ``/`` ``&`` "và", a line break) split the cell into parts, and a
level phrase starts a new degree too, so "CN Kinh tế, Cử nhân Triết học" and "Cử nhân Luật, Thạc sĩ Lịch sử" each give
two degrees. For a professional degree the words that are not vocabulary are its field of study ("Cử nhân Luật" →
``dai_hoc``, ``luật``); for the other kinds such words make the part unreadable, because a guess would be worse than
"unknown".

The result is a :class:`QualificationReading` whose ``status`` says what the cell is:

- ``mapped``: one or more credentials with a level on the kind's ladder (legal-sources.md §6);
- ``none``: an explicit "not held" ("(chưa có)", "Chưa qua đào tạo", "(không)"), or an empty cell;
- ``known_unmapped``: a real credential whose place on the ladder the sources do not confirm (the old A/B/C IT and
  language certificates, "bổ túc" general education, a degree written in the IT or language column): kept with its
  raw text and level ``None``, so rules that need the level answer ``undetermined``;
- ``unmapped``: anything else; reported, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .._text import slugify
from ..ladders import (
    FOREIGN_LANGUAGE,
    GENERAL_EDUCATION,
    IT_SKILL,
    POLITICAL_THEORY,
    PROFESSIONAL,
    STATE_MANAGEMENT,
    Ladder,
    UnknownLevelError,
)

__all__ = [
    "KINDS",
    "Credential",
    "QualificationReading",
    "Status",
    "ValueMapping",
    "parse_mapped_value",
    "read_qualification",
]

Status = Literal["mapped", "none", "known_unmapped", "unmapped"]

KINDS: Mapping[str, Ladder] = {
    "general_education": GENERAL_EDUCATION,
    "professional": PROFESSIONAL,
    "political_theory": POLITICAL_THEORY,
    "state_management": STATE_MANAGEMENT,
    "it": IT_SKILL,
    "foreign_language": FOREIGN_LANGUAGE,
}
"""The qualification kinds a cell can be read as, with their ladders."""


@dataclass(frozen=True, slots=True)
class Credential:
    """One diploma or certificate read from a cell.

    ``level`` is a code of the kind's ladder, or None when the credential is known but not placed on the ladder (an
    old A/B/C certificate: ``legacy``) or not recognised at all (``recognised`` False). ``field`` is the field of study
    of a professional degree, ``language`` the language of a foreign-language certificate. ``bachelor`` marks cử nhân
    chính trị
    (political theory, counted as cao cấp); ``administrative`` the "lý luận chính trị – hành chính" programmes.
    """

    level: str | None
    field: str | None = None
    language: str | None = None
    legacy: str | None = None
    bachelor: bool = False
    administrative: bool = False
    recognised: bool = True

    def text(self) -> str:
        """The credential in the canonical cell form that reads back to it: ``dai_hoc:luật``, ``cao_cap cu_nhan``."""
        if self.level is None:
            return " ".join(part for part in (self.language, self.legacy) if part) or "?"
        text = self.level
        if self.bachelor:
            text += " cu_nhan"
        if self.administrative:
            text += " hanh_chinh"
        extra = self.field or self.language
        return f"{text}:{extra}" if extra else text


@dataclass(frozen=True, slots=True)
class QualificationReading:
    """What a qualification cell says: its ``status`` (see the module docstring) and the credentials in it."""

    kind: str
    raw: str
    status: Status
    credentials: tuple[Credential, ...] = ()
    mapped_by: Literal["reader", "mapping"] = "reader"

    @property
    def highest(self) -> str | None:
        """The highest level among the credentials, or None."""
        return KINDS[self.kind].highest(c.level for c in self.credentials if c.level is not None)

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields of study named, in order, without repeats."""
        return tuple(dict.fromkeys(c.field for c in self.credentials if c.field))

    def summary(self) -> str:
        """A short account for reports: ``dai_hoc:luật; thac_si:lịch sử``, ``none``, ``known_unmapped (B)``."""
        if self.status == "mapped":
            return "; ".join(c.text() for c in self.credentials if c.level is not None)
        if self.status == "known_unmapped":
            legacy = sorted({c.legacy for c in self.credentials if c.legacy})
            return f"known_unmapped ({', '.join(legacy)})" if legacy else "known_unmapped"
        return self.status


# -- vocabulary ------------------------------------------------------------------------------------------------------

_Meaning = tuple[str, ...]
"""("level", code) | ("level", code, "bachelor") | ("noise",) | ("admin",) | ("legacy", letter) | ("language", name)
| ("degree",) | ("known",) | ("progress",)."""

_NOISE: _Meaning = ("noise",)
_COMMON_NOISE = (
    "bang",
    "chung chi",
    "chung nhan",
    "trinh do",
    "tot nghiep",
    "van bang",
    "loai",
    "xep loai",
)
_PROFESSIONAL_LEVELS = {
    "so_cap": ("so cap", "sc", "so cap nghe"),
    "trung_cap": (
        "trung cap",
        "tc",
        "tccn",
        "thcn",
        "trung cap chuyen nghiep",
        "tc chuyen nghiep",
        "trung hoc chuyen nghiep",
        "trung cap nghe",
        "tcn",
    ),
    "cao_dang": ("cao dang", "cd", "cao dang nghe", "cdn"),
    "dai_hoc": (
        "dai hoc",
        "dh",
        "cu nhan",
        "cn",
        "ky su",
        "ki su",
        "ks",
        "kien truc su",
        "kts",
        "bac si",
        "bac sy",
        "university",
        "bachelor",
        "engineer",
    ),
    "thac_si": ("thac si", "thac sy", "ths", "th s", "master"),
    "tien_si": (
        "tien si",
        "tien sy",
        "ts",
        "tskh",
        "tien si khoa hoc",
        "tien sy khoa hoc",
        "phd",
        "ph d",
        "doctor",
    ),
}
_TEACHER_TRAINING = [
    (("dhsp",), ("level", "dai_hoc", "sư phạm")),
    (("cdsp",), ("level", "cao_dang", "sư phạm")),
    (("tcsp", "thsp"), ("level", "trung_cap", "sư phạm")),
]
"""Abbreviations that name a field with the level: ĐHSP (đại học sư phạm), CĐSP, TCSP / THSP."""
_PROGRESS = ("dang hoc", "dang theo hoc", "dang dao tao", "chua tot nghiep", "chua hoan thanh")


def _phrases(*groups: tuple[Iterable[str], _Meaning]) -> dict[tuple[str, ...], _Meaning]:
    table: dict[tuple[str, ...], _Meaning] = {}
    for spellings, meaning in groups:
        for spelling in spellings:
            table[tuple(spelling.split())] = meaning
    return table


def _levels(levels: Mapping[str, Iterable[str]]) -> list[tuple[Iterable[str], _Meaning]]:
    return [((*spellings, code.replace("_", " ")), ("level", code)) for code, spellings in levels.items()]


_DEGREES = [(spellings, ("degree",)) for spellings in _PROFESSIONAL_LEVELS.values()]
_LANGUAGES = {
    "Anh": ("anh", "anh van", "tieng anh", "english", "av"),
    "Pháp": ("phap", "phap van", "tieng phap", "french"),
    "Nga": ("nga", "nga van", "tieng nga", "russian"),
    "Trung": ("trung", "trung quoc", "tieng trung", "hoa", "hoa van", "tieng hoa", "chinese"),
    "Nhật": ("nhat", "nhat ban", "tieng nhat", "japanese"),
    "Hàn": ("han", "han quoc", "tieng han", "korean"),
    "Đức": ("duc", "tieng duc", "german"),
    "Lào": ("lao", "tieng lao"),
    "Khmer": ("khmer", "kho me", "khome", "tieng khmer"),
    "Thái": ("thai", "tieng thai"),
}
_LEGACY = [((letter.lower(),), ("legacy", letter)) for letter in "ABC"]

_VOCABULARY: dict[str, dict[tuple[str, ...], _Meaning]] = {
    "professional": _phrases(
        *_levels(_PROFESSIONAL_LEVELS),
        *_TEACHER_TRAINING,
        (_COMMON_NOISE, _NOISE),
        (
            (
                "sau dai hoc",
                "pgs",
                "gs",
                "he",
                "tai chuc",
                "chinh quy",
                "tu xa",
                "lien thong",
                "van bang 2",
                "vb2",
                "vb 2",
                "vua lam vua hoc",
                "vlvh",
                "chuyen tu",
                "chuyen nganh",
                "nganh",
                "dao tao",
                "chuyen mon",
                "xuat sac",
                "gioi",
                "kha",
                "trung binh",
            ),
            _NOISE,
        ),
        (_PROGRESS, ("progress",)),
    ),
    "general_education": _phrases(
        *_levels(
            {
                "tieu_hoc": ("tieu hoc", "cap 1", "cap i"),
                "thcs": ("thcs", "trung hoc co so", "cap 2", "cap ii", "ptcs", "pho thong co so"),
                "thpt": ("thpt", "trung hoc pho thong", "cap 3", "cap iii", "ptth", "pho thong trung hoc"),
            }
        ),
        (_COMMON_NOISE, _NOISE),
        (("lop", "het lop", "he", "van hoa", "giao duc pho thong", "pho thong"), _NOISE),
        (("bo tuc", "bo tuc van hoa", "btvh", "bt thpt", "bt"), ("known",)),  # "12/12 BT": bổ túc
        (_PROGRESS, ("progress",)),
    ),
    "political_theory": _phrases(
        *_levels(
            {
                "so_cap": ("so cap", "sc", "scct", "scllct"),
                "trung_cap": ("trung cap", "tc", "tcct", "tcllct"),
                "cao_cap": ("cao cap", "cc", "ccct", "ccllct"),
            }
        ),
        (("cu nhan", "cn", "cnct", "cu nhan chinh tri"), ("level", "cao_cap", "bachelor")),
        (_COMMON_NOISE, _NOISE),
        (("ly luan chinh tri", "llct", "chinh tri", "ct", "ly luan", "ll", "he"), _NOISE),
        (("hanh chinh", "hc"), ("admin",)),
        (_PROGRESS, ("progress",)),
    ),
    "state_management": _phrases(
        *_levels(
            {
                "chuyen_vien": ("chuyen vien", "cv"),
                "chuyen_vien_chinh": ("chuyen vien chinh", "cvc", "cv chinh"),
                "chuyen_vien_cao_cap": ("chuyen vien cao cap", "cvcc", "chuyen vien cc", "cv cao cap", "cv cc"),
            }
        ),
        (_COMMON_NOISE, _NOISE),
        (
            (
                "qlnn",
                "quan ly nha nuoc",
                "quan ly hanh chinh nha nuoc",
                "ngach",
                "chuong trinh",
                "boi duong",
                "kien thuc",
                "va td",
                "& td",
                "va tuong duong",
                "& tuong duong",
                "td",
                "tuong duong",
            ),
            _NOISE,
        ),
        (_PROGRESS, ("progress",)),
    ),
    "it": _phrases(
        *_DEGREES,
        *_levels({"co_ban": ("co ban", "ung dung cntt co ban"), "nang_cao": ("nang cao",)}),
        *_LEGACY,
        (_COMMON_NOISE, _NOISE),
        (
            (
                "tin hoc",
                "tin",
                "th",
                "van phong",
                "tin hoc van phong",
                "ung dung",
                "cntt",
                "udcntt",
                "ud",
                "cong nghe thong tin",
                "ky nang",
                "su dung",
                "chuan",
                "may tinh",
                "vi tinh",
            ),
            _NOISE,
        ),
        (_PROGRESS, ("progress",)),
    ),
    "foreign_language": _phrases(
        *_DEGREES,
        *_levels(
            {
                f"bac_{n}": (f"bac {n}", f"bac {n}/6", cefr.lower())
                for n, cefr in enumerate(("A1", "A2", "B1", "B2", "C1", "C2"), start=1)
            }
        ),
        *_LEGACY,
        *[(spellings, ("language", name)) for name, spellings in _LANGUAGES.items()],
        (_COMMON_NOISE, _NOISE),
        (
            (
                "khung",
                "chau au",
                "6 bac",
                "nang luc",
                "ngoai ngu",
                "viet nam",
                "dung cho",
                "vstep",
                "cefr",
                "chuan",
                "tieng",
                "theo",
            ),
            _NOISE,
        ),
        (_PROGRESS, ("progress",)),
    ),
}
_LONGEST = {kind: max(len(phrase) for phrase in table) for kind, table in _VOCABULARY.items()}

_SEPARATORS = frozenset({",", ";", "+", "/", "&", "\n", "va", "hoac"})
_TOKEN = re.compile(r"\d+/\d+|[^\W_]+|\n|[^\w\s]")
_YEAR = re.compile(r"^(19|20)\d\d$")
_GRADE = re.compile(r"^(\d{1,2})/(10|12)$")

# The last grade of each school level, in the 12-year system and the old northern 10-year one (legal-sources.md §6:
# "9/12" THCS, "12/12" THPT, "7/10", "10/10"): a record's "N/12" (or "lớp N") is the highest grade reached, so the
# level held is the last one whose final grade it reached ("11/12": THCS finished, THPT not).
_GRADE_LEVELS = {12: ((12, "thpt"), (9, "thcs"), (5, "tieu_hoc")), 10: ((10, "thpt"), (7, "thcs"), (4, "tieu_hoc"))}


def _grade_level(grade: int, system: int) -> str | None:
    """The general-education level of a grade reached in a ``system``-year school system; None below primary."""
    if not 1 <= grade <= system:
        return None
    return next((level for last, level in _GRADE_LEVELS[system] if grade >= last), None)


@dataclass(frozen=True, slots=True)
class _Event:
    meaning: _Meaning | None
    """None for a word that is not vocabulary; ("sep",) for a separator."""
    text: str


def _tokens(text: str) -> list[tuple[str, str]]:
    """(original, folded) pairs; punctuation folds to itself."""
    pairs = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        folded = slugify(token) if (token[0].isalnum()) else token
        pairs.append((token, folded or token))
    return pairs


def _events(kind: str, text: str) -> list[_Event]:
    table, longest = _VOCABULARY[kind], _LONGEST[kind]
    # Punctuation other than separators carries nothing and must not break a phrase ("Th.S", "LLCT-HC").
    tokens = [(t, f) for t, f in _tokens(text) if t[0].isalnum() or f in _SEPARATORS]
    folded = [f for _, f in tokens]
    events: list[_Event] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            meaning = table.get(tuple(folded[i : i + size]))
            if meaning is not None:
                events.append(_Event(meaning, " ".join(t for t, _ in tokens[i : i + size])))
                i += size
                break
        else:
            token, fold = tokens[i]
            grade = _GRADE.match(fold) if kind == "general_education" else None
            after_lop = kind == "general_education" and fold.isdigit() and i > 0 and folded[i - 1] == "lop"
            if grade or after_lop:
                level = _grade_level(int(grade.group(1)), int(grade.group(2))) if grade else _grade_level(int(fold), 12)
                events.append(_Event(("level", level) if level else None, token))
            elif fold in _SEPARATORS:
                events.append(_Event(("sep",), token))
            elif _YEAR.match(fold) or (kind == "general_education" and fold.isdigit()):
                pass  # a year, a grade number: carries nothing
            elif fold == "nam" and i + 1 < len(tokens) and _YEAR.match(folded[i + 1]):
                pass  # "năm 2015"
            else:
                events.append(_Event(None, token))
            i += 1
    return events


def _segments(events: list[_Event]) -> Iterator[tuple[str, list[_Event]]]:
    """Parts of a cell between separators, each with the separator that preceded it."""
    sep, part = "", list[_Event]()
    for event in events:
        if event.meaning == ("sep",):
            if part:
                yield sep, part
            sep, part = event.text, []
        else:
            part.append(event)
    if part:
        yield sep, part


def _field(words: list[str]) -> str | None:
    text = " ".join(words).strip(" -–:.,").lower()
    return text or None


_NONE_START = ("chua", "khong")


def _says_none(part: list[_Event]) -> bool:
    first = slugify(part[0].text) if part else ""
    return first in _NONE_START and not any(e.meaning and e.meaning[0] in ("level", "legacy") for e in part)


def _credentials(kind: str, text: str) -> tuple[list[Credential], bool, bool]:
    """The credentials of a cell, whether some part says "not held", and whether some part is unreadable."""
    credentials: list[Credential] = []
    said_none = unreadable = False
    for sep, part in _segments(_events(kind, text)):
        if _says_none(part):
            said_none = True
            continue
        if any(e.meaning == ("progress",) for e in part):
            unreadable = True  # a course under way is not a credential held
            credentials.append(Credential(level=None, recognised=False))
            continue
        if kind == "professional":
            found = _professional(part)
            if found:
                credentials.extend(found)
            elif credentials and credentials[-1].level is not None:
                # No level: more of the previous degree's field ("Cử nhân Kinh tế, chuyên ngành Kế toán").
                words = _field([e.text for e in part if e.meaning is None])
                if words:
                    last = credentials[-1]
                    joined = f"{last.field} {sep} {words}" if sep not in (",", ";") else f"{last.field}, {words}"
                    credentials[-1] = Credential(last.level, joined if last.field else words)
            elif any(e.meaning is None for e in part):
                unreadable = True
                credentials.append(Credential(level=None, recognised=False))
            continue
        found, ok = _fieldless(kind, part)
        if not ok:
            unreadable = True
            credentials.append(Credential(level=None, recognised=False))
        credentials.extend(found)
    return credentials, said_none, unreadable


def _professional(part: list[_Event]) -> list[Credential]:
    """Degrees of one part: a level phrase starts a degree; the words after it (or before the first) are its field."""
    degrees: list[tuple[list[str], list[str]]] = []  # (levels, words)
    leading: list[str] = []
    spoken = 0  # words of the first degree that come from its abbreviation ("ĐHSP": sư phạm)
    for event in part:
        meaning = event.meaning
        if meaning is not None and meaning[0] == "level":
            inherent = [meaning[2]] if len(meaning) > 2 else []
            if degrees and not degrees[-1][1] and not inherent:
                degrees[-1][0].append(meaning[1])  # adjacent level phrases describe one degree: "CN ĐH"
            else:
                degrees.append(([meaning[1]], inherent))
                spoken = len(inherent) if len(degrees) == 1 else spoken
        elif meaning is None:
            (degrees[-1][1] if degrees else leading).append(event.text)
    if not degrees:
        return []
    if leading and len(degrees[0][1]) == spoken:
        degrees[0][1].extend(leading)  # "Kế toán trung cấp"
    return [Credential(level=PROFESSIONAL.highest(levels), field=_field(words)) for levels, words in degrees]


def _fieldless(kind: str, part: list[_Event]) -> tuple[list[Credential], bool]:
    """Credentials of one part of a kind without a field of study; False when a word is not vocabulary."""
    if any(e.meaning is None for e in part):
        return [], False
    language = next((e.meaning[1] for e in part if e.meaning and e.meaning[0] == "language"), None)
    if any(e.meaning == ("known",) for e in part):
        # "bổ túc THPT": a real credential whose equivalence is [L]; its level is not taken at face value
        return [Credential(level=None)], True
    admin = any(e.meaning == ("admin",) for e in part)
    found: list[Credential] = []
    for event in part:
        meaning = event.meaning
        assert meaning is not None
        if meaning[0] == "level":
            credential = Credential(
                level=meaning[1],
                language=language,
                bachelor="bachelor" in meaning,
                administrative=admin,
            )
            previous = found[-1].level if found else None
            if previous is not None and not found[-1].legacy:
                # adjacent level phrases describe one credential: "Bậc 3 (B1)"
                best = KINDS[kind].highest((previous, meaning[1]))
                bachelor = found[-1].bachelor or credential.bachelor
                found[-1] = Credential(level=best, language=language, bachelor=bachelor, administrative=admin)
            else:
                found.append(credential)
        elif meaning[0] == "legacy":
            found.append(Credential(level=None, language=language, legacy=meaning[1]))
        elif meaning[0] == "degree":
            found.append(Credential(level=None, language=language))
    if not found:
        return [], False  # only noise ("Tin học", "Sau đại học"): says nothing about a level
    return found, True


@lru_cache(maxsize=8192)
def _read(kind: str, raw: str) -> QualificationReading:
    text = unicodedata.normalize("NFC", raw).strip()
    if not slugify(text):
        return QualificationReading(kind, raw, "none")  # empty, "-", "…": nothing held
    credentials, said_none, unreadable = _credentials(kind, text)
    status: Status
    if any(c.level is not None for c in credentials):
        status = "mapped"
    elif credentials and not unreadable:
        status = "known_unmapped"
    elif said_none and not credentials:
        status = "none"
    else:
        status = "unmapped"
    return QualificationReading(kind, raw, status, tuple(credentials))


def read_qualification(kind: str, raw: str, *, mapping: ValueMapping | None = None) -> QualificationReading:
    """Read a qualification cell of ``kind`` (``"professional"``, ``"political_theory"``…, see :data:`KINDS`).

    ``mapping`` (a province's table, see :class:`ValueMapping`) is consulted first, on the whole cell; the reader's own
    grammar reads the rest. Never raises for a cell's content: what it cannot read has status ``unmapped``.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown qualification kind {kind!r} (expected one of: {', '.join(KINDS)})")
    if mapping is not None and (mapped := mapping.get(kind, raw)) is not None:
        return mapped
    return _read(kind, raw)


def parse_mapped_value(kind: str, value: str) -> tuple[Status, tuple[Credential, ...]]:
    """Read the right-hand side of a mapping-table entry: ``none``, or ``LEVEL`` / ``LEVEL:field`` items separated
    by ``;`` (a level in any spelling the ladder accepts). Raises ``ValueError`` with the reason."""
    ladder = KINDS[kind]
    if slugify(value) in ("none", "khong", "chua_co"):
        return "none", ()
    credentials = []
    for item in value.split(";"):
        if not item.strip():
            continue
        level, _, field = item.partition(":")
        try:
            code = ladder.parse(level.strip())
        except UnknownLevelError as exc:
            raise ValueError(str(exc)) from None
        credentials.append(Credential(code, field.strip().lower() or None))
    if not credentials:
        raise ValueError("empty value (write a level code, LEVEL:field, or none)")
    return "mapped", tuple(credentials)


class ValueMapping:
    """A province's table of cell values the reader leaves unmapped (or that the province reads its own way):
    ``{kind: {raw cell: "LEVEL[:field][; …]" | "none"}}``; kind ``"*"`` applies to every kind.

    Cells are matched whole, ignoring case, diacritics, spacing and punctuation. Build one with
    :func:`cbcc_standards.reading.load_value_mapping` from a JSON or TOML file.
    """

    def __init__(self, table: Mapping[str, Mapping[str, str]]) -> None:
        self._table: dict[tuple[str, str], QualificationReading] = {}
        for kind, entries in table.items():
            kinds = tuple(KINDS) if kind == "*" else (kind,)
            if kind != "*" and kind not in KINDS:
                raise ValueError(f"unknown qualification kind {kind!r} (expected one of: *, {', '.join(KINDS)})")
            for raw, value in entries.items():
                for each in kinds:
                    try:
                        status, credentials = parse_mapped_value(each, value)
                    except ValueError:
                        if kind == "*":
                            continue  # a wildcard entry applies to the kinds whose ladder it fits
                        raise
                    reading = QualificationReading(each, raw, status, credentials, mapped_by="mapping")
                    self._table[(each, slugify(raw))] = reading

    def __len__(self) -> int:
        return len(self._table)

    def get(self, kind: str, raw: str) -> QualificationReading | None:
        """The reading the table gives a cell, or None when the table does not name it."""
        found = self._table.get((kind, slugify(raw)))
        if found is None:
            return None
        return QualificationReading(kind, raw, found.status, found.credentials, mapped_by="mapping")
