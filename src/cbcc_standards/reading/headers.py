"""Column names: the synonyms of every roster field (Vietnamese with or without diacritics, English), X-mark columns
under a parent header ("Giới tính" › "Nam"; "Trình độ chuyên môn" › "Đại học"), and saved column mappings."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._text import slugify
from .messages import message
from .qualtext import KINDS, read_qualification

__all__ = [
    "FIELDS",
    "LIST_FIELDS",
    "OPTIONAL_PERSON_FIELDS",
    "Target",
    "load_column_mapping",
    "load_mapping_file",
    "match_header",
    "parse_target",
]

SCALARS = (
    "id",
    "full_name",
    "gender",
    "birth_date",
    "category",
    "title",
    "unit",
    "recruited_on",
    "appointed_on",
)
LIST_FIELDS = ("planned_titles", "evaluations", "disciplines")
DATE_FIELDS = frozenset({"birth_date", "recruited_on", "appointed_on", "party_joined_on"})
OPTIONAL_PERSON_FIELDS = ("ethnicity", "religion", "party_joined_on", "job_position", "rank_code")
"""Person fields of architecture.md ("Optional person fields"); read, and passed on when the model has them."""
KEPT_FIELDS = ("unit_name", "party_member", "ethnic_minority")
"""Recognised columns that are not roster fields but are kept in the normalized roster."""
NAME_PARTS = ("family_name", "given_name")
"""A name split over two columns ("Họ" | "Tên"): joined into ``full_name``."""
IGNORED = ("seq", "note")
"""Recognised columns with nothing to read: the row number of the sheet (STT), remarks."""

FIELDS = (
    *SCALARS,
    *LIST_FIELDS,
    *KINDS,
    "professional_field",
    *OPTIONAL_PERSON_FIELDS,
    *KEPT_FIELDS,
    *NAME_PARTS,
    *IGNORED,
)
"""Every column target a header (or a --columns file) may name."""

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": (
        "mã",
        "mã số",
        "mã cbcc",
        "mã cb",
        "mã cán bộ",
        "mã công chức",
        "mã cán bộ công chức",
        "mã nhân viên",
        "mã nhân sự",
        "mã hồ sơ",
        "số hiệu",
        "số hiệu cán bộ",
        "số hiệu công chức",
        "số hiệu cán bộ, công chức",
        "số hiệu cbcc",
        "số hồ sơ",
        "mã định danh",
        "employee id",
        "staff id",
        "code",
    ),
    "full_name": ("họ và tên", "họ tên", "họ và tên khai sinh", "họ, chữ đệm và tên", "name", "full name"),
    "family_name": ("họ", "họ và chữ đệm", "họ, chữ đệm", "họ đệm", "family name", "surname"),
    "given_name": ("tên", "given name", "first name"),
    "gender": ("giới tính", "nam/nữ", "nam, nữ", "nam nữ", "phái", "sex"),
    "birth_date": (
        "ngày sinh",
        "năm sinh",
        "sinh ngày",
        "ngày, tháng, năm sinh",
        "ngày tháng năm sinh",
        "ngày/tháng/năm sinh",
        "date of birth",
        "dob",
        "birth date",
        "born",
    ),
    "category": ("phân loại", "loại", "đối tượng", "loại cán bộ", "cán bộ/công chức", "cán bộ, công chức"),
    "title": (
        "chức danh",
        "chức vụ",
        "chức danh/chức vụ",
        "chức vụ/chức danh",
        "chức vụ, chức danh",
        "chức danh, chức vụ",
        "chức vụ hiện tại",
        "chức danh hiện tại",
        "chức vụ hiện nay",
        "chức danh công việc",
        "chức danh công chức",
        "chức vụ đảng, chính quyền",
        "position",
        "job title",
    ),
    "unit": ("mã đơn vị", "mã xã", "mã đơn vị hành chính", "unit code"),
    "unit_name": (
        "đơn vị",
        "đơn vị công tác",
        "cơ quan, đơn vị",
        "cơ quan đơn vị",
        "cơ quan công tác",
        "nơi công tác",
        "xã, phường, thị trấn",
        "xã/phường/thị trấn",
        "xã, phường",
        "tên đơn vị",
        "unit name",
    ),
    "recruited_on": (
        "ngày tuyển dụng",
        "năm tuyển dụng",
        "ngày được tuyển dụng",
        "ngày vào cơ quan",
        "ngày tuyển dụng lần đầu",
        "recruited",
    ),
    "appointed_on": (
        "ngày bổ nhiệm",
        "ngày bầu",
        "ngày bổ nhiệm/bầu",
        "ngày bổ nhiệm, bầu",
        "ngày bầu, bổ nhiệm",
        "ngày bổ nhiệm, bầu cử",
        "ngày giữ chức vụ",
        "ngày bổ nhiệm chức vụ",
        "appointed",
    ),
    "planned_titles": ("quy hoạch", "chức danh quy hoạch", "planned"),
    "evaluations": ("đánh giá", "xếp loại", "đánh giá, xếp loại", "kết quả đánh giá"),
    "disciplines": ("kỷ luật", "hình thức kỷ luật"),
    "general_education": (
        "trình độ văn hóa",
        "văn hóa",
        "giáo dục phổ thông",
        "trình độ giáo dục phổ thông",
        "trình độ học vấn",
        "học vấn",
        "trình độ gdpt",
        "gdpt",
        "phổ thông",
        "general education",
    ),
    "professional": (
        "trình độ chuyên môn",
        "chuyên môn",
        "trình độ cm",
        "trình độ chuyên môn, nghiệp vụ",
        "chuyên môn, nghiệp vụ",
        "trình độ đào tạo",
        "trình độ chuyên môn được đào tạo",
        "bằng cấp",
        "học vị",
        "education",
    ),
    "professional_field": (
        "chuyên ngành",
        "ngành đào tạo",
        "chuyên ngành đào tạo",
        "ngành học",
        "ngành",
        "field",
        "major",
    ),
    "political_theory": (
        "lý luận chính trị",
        "trình độ lý luận chính trị",
        "trình độ chính trị",
        "chính trị",
        "llct",
        "trình độ llct",
        "political theory",
    ),
    "state_management": (
        "quản lý nhà nước",
        "trình độ quản lý nhà nước",
        "qlnn",
        "trình độ qlnn",
        "bồi dưỡng qlnn",
        "quản lý hành chính nhà nước",
        "state management",
    ),
    "it": ("tin học", "trình độ tin học", "cntt", "công nghệ thông tin", "ứng dụng cntt", "kỹ năng cntt"),
    "foreign_language": ("ngoại ngữ", "trình độ ngoại ngữ", "tiếng anh", "language"),
    "ethnicity": ("dân tộc", "ethnic group"),
    "religion": ("tôn giáo",),
    "party_joined_on": (
        "ngày vào đảng",
        "ngày vào đảng cộng sản việt nam",
        "ngày vào đảng csvn",
        "ngày kết nạp đảng",
        "ngày kết nạp",
        "party joined",
    ),
    "job_position": ("vị trí việc làm", "vtvl", "vị trí công việc"),
    "rank_code": ("mã ngạch", "mã số ngạch", "mã ngạch công chức"),
    "party_member": ("đảng viên", "đảng viên đcsvn", "party member"),
    "ethnic_minority": ("dân tộc thiểu số", "người dân tộc thiểu số", "dtts"),
    "seq": ("stt", "số tt", "số thứ tự", "tt", "no"),
    "note": ("ghi chú", "note", "notes", "remarks"),
}
"""Header spellings of each target, besides its own name (``full_name``). Case, diacritics, punctuation and spacing
do not matter."""

_BY_SLUG: dict[str, str] = {}
for _target in FIELDS:
    _BY_SLUG[_target] = _target
for _target, _spellings in _SYNONYMS.items():
    for _spelling in _spellings:
        _BY_SLUG.setdefault(slugify(_spelling), _target)

_GENDER_LABELS = {"nam": "male", "nu": "female", "male": "male", "female": "female"}
_NOISE = re.compile(r"\([^)]*\)|\[[^]]*\]")
_TRAILING = ("cao_nhat", "hien_nay", "hien_tai", "da_qua_dao_tao", "neu_co", "dd_mm_yyyy")


@dataclass(frozen=True, slots=True)
class Target:
    """What a column holds: a roster field (``field``), or an X mark for one value of it (``value``: ``male`` for
    gender, a level code for a qualification kind, ``true`` for party membership), or a date written in the column
    of the person's gender (``field="birth_date"``, ``value="male"``)."""

    field: str
    value: str | None = None

    @property
    def is_mark(self) -> bool:
        return self.value is not None and self.field != "birth_date"

    def __str__(self) -> str:
        return f"{self.field}:{self.value}" if self.value else self.field


def _lookup(text: str) -> str | None:
    slug = slugify(text)
    if not slug:
        return None
    found = _BY_SLUG.get(slug)
    if found is None:
        slug = slugify(_NOISE.sub(" ", text))
        for tail in _TRAILING:
            slug = slug.removesuffix("_" + tail)
        found = _BY_SLUG.get(slug)
    return found


def _mark(parent: str | None, label: str) -> Target | None:
    """A column whose header is a value under a parent ("Giới tính" › "Nữ", "QLNN" › "CVC")."""
    gender = _GENDER_LABELS.get(slugify(label))
    if gender is not None and parent in (None, "gender"):
        return Target("gender", gender)
    if gender is not None and parent == "birth_date":
        return Target("birth_date", gender)
    if parent is not None and parent in KINDS:
        reading = read_qualification(parent, label)
        if reading.status == "mapped" and len(reading.credentials) == 1 and not reading.credentials[0].field:
            credential = reading.credentials[0]
            assert credential.level is not None
            return Target(parent, credential.level + (" cu_nhan" if credential.bachelor else ""))
    return None


def match_header(path: Sequence[str]) -> Target | None:
    """The target of a column from its header path, top level first (empty levels left out): the whole path, the
    lowest level, a mark under a parent, the parent alone."""
    levels = [text for text in path if text and slugify(text)]
    if not levels:
        return None
    whole = _lookup(" ".join(levels))
    if whole is not None:
        return Target(whole)
    lowest = _lookup(levels[-1])
    parents = [found for text in levels[:-1] if (found := _lookup(text)) is not None]
    parent = parents[-1] if parents else None
    if lowest is not None and not (lowest in ("seq", "note") and parent is not None):
        if parent == "birth_date" and lowest == "gender":
            return Target("birth_date")
        return Target(lowest)
    mark = _mark(parent, levels[-1])
    if mark is not None:
        return mark
    if parent is not None and len(levels) > 1 and parent in (*KINDS, "birth_date", "gender"):
        return None  # an unknown value under a known parent ("Trình độ chuyên môn" › "Bác sĩ CK II"): say so
    return Target(parent) if parent is not None else None


def header_like(text: str) -> bool:
    """True when a cell reads as a column name or an X-mark label (for finding the header band)."""
    if _lookup(text) is not None or slugify(text) in _GENDER_LABELS:
        return True
    return any(_mark(kind, text) is not None for kind in ("professional", "political_theory", "state_management"))


def parse_target(text: str) -> Target | None:
    """A target as a --columns file writes it: ``id``, ``professional``, ``gender:female``,
    ``professional:dai_hoc``; None for ``ignore`` / empty."""
    text = text.strip()
    if not text or text.lower() in ("ignore", "none", "-", "skip"):
        return None
    name, _, value = text.partition(":")
    name = name.strip()
    if name not in FIELDS:
        raise ValueError(name)
    if not value:
        return Target(name)
    value = value.strip()
    if name == "gender" or name == "birth_date":
        gender = _GENDER_LABELS.get(slugify(value))
        if gender is None:
            raise ValueError(text)
        return Target(name, gender)
    if name in KINDS:
        reading = read_qualification(name, value)
        if reading.status != "mapped" or len(reading.credentials) != 1:
            raise ValueError(text)
        credential = reading.credentials[0]
        assert credential.level is not None
        return Target(name, credential.level + (" cu_nhan" if credential.bachelor else ""))
    if name in ("party_member", "ethnic_minority"):
        return Target(name, "true")
    raise ValueError(text)


def load_mapping_file(path: Path, lang: str) -> Any:
    """A JSON or TOML file (by its extension; JSON otherwise) as data; raises ``ValueError`` with a one-line
    message."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValueError(message("reader.bad_mapping_file", lang, path=path, reason=exc.strerror)) from None
    except UnicodeDecodeError:
        raise ValueError(message("reader.bad_mapping_file", lang, path=path, reason="not UTF-8")) from None
    try:
        if path.suffix.lower() == ".toml":
            return tomllib.loads(text)
        return json.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(message("reader.bad_mapping_file", lang, path=path, reason=str(exc))) from None


def load_column_mapping(path: Path, lang: str = "vi") -> dict[str, Target | None]:
    """A saved column mapping: ``{header text: target}`` (JSON or TOML; the entries may sit under ``columns``).
    Header texts are matched at any level of a multi-level header, or as the levels joined with ``/``; a target
    ``ignore`` (or null, or empty) drops the column."""
    data = load_mapping_file(path, lang)
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict):
        reason = "expected an object {header: field}"
        raise ValueError(message("reader.bad_mapping_file", lang, path=path, reason=reason))
    mapping: dict[str, Target | None] = {}
    for key, value in data.items():
        if value is not None and not isinstance(value, str):
            reason = f"{key!r}: expected a field name"
            raise ValueError(message("reader.bad_mapping_file", lang, path=path, reason=reason))
        try:
            mapping[slugify(key)] = parse_target(value or "")
        except ValueError:
            choices = ", ".join(FIELDS)
            raise ValueError(
                message("reader.unknown_target", lang, path=path, key=key, target=value, choices=choices)
            ) from None
    return mapping


def mapped_target(mapping: Mapping[str, Target | None], path: Sequence[str]) -> tuple[bool, Target | None]:
    """(found, target) for a column in a saved mapping: the levels joined with ``/``, then each level, lowest
    first."""
    levels = [text for text in path if text and slugify(text)]
    for key in (" / ".join(levels), *reversed(levels)):
        slug = slugify(key)
        if slug in mapping:
            return True, mapping[slug]
    return False, None
