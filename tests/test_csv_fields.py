"""The CSV report writes its rows itself (a finding's cells are written once as text): a row must be what
``csv.writer`` writes for the same cells."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from cbcc_standards.report.formats.csv import _line, csv_field

_special = st.sampled_from(['"', ",", "\r", "\n", " ", "'", ";", "a", "đ", "\x00", "\t", "="])
_cells = st.text(alphabet=_special, max_size=6)


@given(st.lists(st.one_of(_cells, st.text(max_size=8)), min_size=2, max_size=20))
def test_a_row_is_what_csv_writer_writes(cells: list[str]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    assert _line(cells) + "\r\n" == out.getvalue()


def test_a_field_is_quoted_only_when_it_must_be() -> None:
    assert csv_field("Nguyễn Văn An") == "Nguyễn Văn An"
    assert csv_field("a,b") == '"a,b"'
    assert csv_field('say "x"') == '"say ""x"""'
    assert csv_field("line\nbreak") == '"line\nbreak"'
    assert csv_field("") == ""
