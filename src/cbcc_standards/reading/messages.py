"""The reader's user-facing messages, in Vietnamese (default) and English, keyed by a stable message id.

One dict, one render function: the project's message catalogue will take these over as they are.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MESSAGES", "echo", "message"]

MESSAGES: dict[str, dict[str, str]] = {
    # -- files that cannot be read --------------------------------------------------------------------------------
    "reader.not_utf8": {
        "vi": "{path}: không phải UTF-8 (byte {offset}) và không nhận ra bảng mã; nếu tệp lưu bằng Excel, mở lại và "
        'chọn Lưu thành (Save As) → "CSV UTF-8 (Comma delimited)", hoặc chạy lại với --encoding cp1258',
        "en": "{path}: not UTF-8 (byte {offset}) and the encoding cannot be told; if Excel saved it, open it and use "
        'Save As → "CSV UTF-8 (Comma delimited)", or run again with --encoding cp1258',
    },
    "reader.bad_encoding": {
        "vi": '{path}: không đọc được bằng bảng mã {encoding} (byte {offset}); lưu lại tệp thành "CSV UTF-8"',
        "en": '{path}: cannot be read as {encoding} (byte {offset}); save the file again as "CSV UTF-8"',
    },
    "reader.unknown_encoding": {
        "vi": "{path}: bảng mã không hợp lệ {encoding!r} (ví dụ: utf-8, cp1258, utf-16)",
        "en": "{path}: unknown encoding {encoding!r} (e.g. utf-8, cp1258, utf-16)",
    },
    "reader.no_header": {
        "vi": "{path}: không tìm thấy dòng tiêu đề cột trong {rows} dòng đầu của {what} (thấy: {found}); đặt tên cột "
        "như docs/input-format.md hoặc khai báo bằng --columns",
        "en": "{path}: no header row in the first {rows} rows of the {what} (found: {found}); name the columns as in "
        "docs/input-format.md or map them with --columns",
    },
    "reader.no_id_column": {
        "vi": '{path}: {what} không có cột mã cán bộ (id) (các cột: {header}); thêm cột "Mã" hoặc khai báo cột '
        'nào là mã bằng --columns (ví dụ {{"{example}": "id"}})',
        "en": "{path}: the {what} has no 'id' column (header: {header}); add a column \"Mã\" or say which column is "
        'the id with --columns (e.g. {{"{example}": "id"}})',
    },
    "reader.no_sheet": {
        "vi": "{path}: không có trang tính {sheet!r} (có: {sheets})",
        "en": "{path}: no sheet {sheet!r} (sheets: {sheets})",
    },
    "reader.empty_workbook": {
        "vi": "{path}: không có trang tính nào hiện và có dữ liệu (các trang: {sheets})",
        "en": "{path}: no visible sheet holds data (sheets: {sheets})",
    },
    "reader.encoding_detected": {
        "vi": "tệp không phải UTF-8: đọc bằng bảng mã {encoding} (nhận ra từ nội dung); nếu chữ hiển thị sai, chạy "
        "lại với --encoding",
        "en": "the file is not UTF-8: read as {encoding} (recognised from its text); if letters come out wrong, run "
        "again with --encoding",
    },
    "reader.sheet": {"vi": "trang tính {sheet!r}", "en": "sheet {sheet!r}"},
    "reader.bad_mapping_file": {
        "vi": "{path}: tệp khai báo không đọc được: {reason}",
        "en": "{path}: mapping file cannot be read: {reason}",
    },
    "reader.unknown_target": {
        "vi": "{path}: {key!r} được khai báo thành {target!r}, không phải một trường của hồ sơ (có: {choices})",
        "en": "{path}: {key!r} is mapped to {target!r}, which is not a roster field (choices: {choices})",
    },
    "reader.bad_mapping_value": {
        "vi": "{path}: [{kind}] {key!r} = {value!r}: {reason}",
        "en": "{path}: [{kind}] {key!r} = {value!r}: {reason}",
    },
    # -- columns --------------------------------------------------------------------------------------------------
    "reader.ignored_column": {
        "vi": "cột {column} {header!r} không thuộc định dạng hồ sơ: bỏ qua",
        "en": "column {column} {header!r} is not part of the roster format: ignored",
    },
    "reader.absent_column": {
        "vi": "không có cột {field!r}: coi là chưa biết với mọi dòng",
        "en": "no {field!r} column: treated as unknown for every row",
    },
    "reader.absent_qualifications": {
        "vi": "không có cột trình độ nào: trình độ chưa biết với mọi dòng",
        "en": "no qualification column: qualifications unknown for every row",
    },
    "reader.duplicate_column": {
        "vi": "cột {column} {header!r} cũng có nghĩa là {field!r} (đã đọc ở cột {first}): bỏ qua",
        "en": "column {column} {header!r} also means {field!r} (read from column {first}): ignored",
    },
    "reader.unit_name_kept": {
        "vi": "cột {column} {header!r} là tên đơn vị; mã đơn vị lấy ở cột {code_column}, tên được giữ lại",
        "en": "column {column} {header!r} is the unit name; the unit code comes from column {code_column}, the name "
        "is kept",
    },
    "reader.single_gender_column": {
        "vi": "giới tính đọc từ một cột đánh dấu {column} {header!r}: dòng không đánh dấu được đọc là {other}",
        "en": "gender read from the single mark column {column} {header!r}: unmarked rows read as {other}",
    },
    # -- layout ---------------------------------------------------------------------------------------------------
    "reader.skipped_rows": {
        "vi": "{what} ở dòng {rows}: không phải hồ sơ, bỏ qua",
        "en": "{what} at row {rows}: not a record, skipped",
    },
    "reader.merged_fill": {
        "vi": "ô gộp {ref} (cột {header!r}) được áp dụng cho mọi dòng mà ô phủ",
        "en": "merged cells {ref} (column {header!r}) applied to every row they span",
    },
    "reader.merged_cell": {
        "vi": "ô gộp {ref} (cột {header!r}) chỉ có giá trị ở dòng {first}; dòng {rows} được đọc là trống",
        "en": "merged cell {ref} (column {header!r}) holds a value in row {first} only; rows {rows} read as empty",
    },
    # -- values ---------------------------------------------------------------------------------------------------
    "reader.unknown_date": {
        "vi": "{value!r} nghĩa là chưa biết (dòng {rows}): coi là chưa biết",
        "en": "{value!r} means unknown (rows {rows}): treated as unknown",
    },
    "reader.placeholder_date": {
        "vi": "{value!r} là ngày giữ chỗ, không phải ngày thật (dòng {rows}): coi là chưa biết, không kết "
        "luận nào dựa trên ngày này",
        "en": "{value!r} is a placeholder, not a real date (rows {rows}): treated as unknown; no verdict rests on it",
    },
    "reader.conflicting_marks": {
        "vi": "đánh dấu ở cả hai cột {value} (dòng {rows}): coi là chưa biết",
        "en": "marked in both columns {value} (rows {rows}): treated as unknown",
    },
    "reader.where_column": {"vi": "cột {column} {header!r}", "en": "column {column} {header!r}"},
    "reader.unmapped_value": {
        "vi": "{where}: {value!r} không đọc được thành trình độ (dòng {rows}): trình độ này coi là chưa biết; khai báo "
        "trong tệp --mapping nếu biết tương đương",
        "en": "{where}: {value!r} is not a level this reader knows (rows {rows}): this qualification is treated as "
        "unknown; map it in a --mapping file if its equivalent is known",
    },
    "reader.known_unmapped_value": {
        "vi": "{where}: {value!r} là văn bằng, chứng chỉ chưa có quy định tương đương (dòng {rows}): giữ nguyên văn, "
        "trình độ coi là chưa xác định",
        "en": "{where}: {value!r} is a credential whose equivalence is not confirmed (rows {rows}): kept as written, "
        "its level is undetermined",
    },
    "reader.unused_field": {
        "vi": "trường {field!r} được nhận ra nhưng chưa dùng để đánh giá ({count} dòng): giữ trong bản chuẩn hóa",
        "en": "field {field!r} is recognised but not yet used by the rules ({count} rows): kept in the normalized "
        "roster",
    },
    # -- rows rejected by the reader ------------------------------------------------------------------------------
    "reader.cell_too_long": {
        "vi": "ô dài {length} ký tự, quá giới hạn {limit}: {echo}",
        "en": "the cell holds {length} characters, over the limit of {limit}: {echo}",
    },
    "reader.row_too_long": {
        "vi": "dòng dài {length} ký tự hoặc {cells} ô, quá giới hạn ({limit} ký tự, {max_cells} ô)",
        "en": "the row holds {length} characters or {cells} cells, over the limit ({limit} characters, "
        "{max_cells} cells)",
    },
    "reader.too_many_cells": {
        "vi": "{cells} ô cho {columns} cột",
        "en": "{cells} cells for {columns} columns",
    },
    "reader.swallowed_rows": {
        "vi": "dấu ngoặc kép mở ở dòng {start} không đóng đúng chỗ và nuốt các dòng {start}–{end} vào một ô: kiểm "
        'tra dấu " ở dòng {start}',
        "en": "a quote opened on line {start} is not closed where it should be and swallows lines {start}–{end} into "
        'one cell: check the " on line {start}',
    },
    "reader.swallowed_separators": {
        "vi": "một ô trong ngoặc kép chứa dấu phân cách {delimiter!r} và dòng chỉ có {cells} ô cho {columns} cột: kiểm "
        'tra dấu " ở dòng {line}',
        "en": "a quoted cell holds the separator {delimiter!r} and the row has {cells} cells for {columns} columns: "
        "check the quotes on line {line}",
    },
    "reader.bad_bytes": {
        "vi": "dòng có byte không hợp lệ với bảng mã {encoding}: {echo}",
        "en": "the row holds bytes that are not valid {encoding}: {echo}",
    },
    "reader.too_deep": {
        "vi": "giá trị JSON lồng nhau quá {limit} mức",
        "en": "a JSON value nested deeper than {limit} levels",
    },
    "reader.invalid_json": {
        "vi": "JSON không hợp lệ: {reason}",
        "en": "invalid JSON: {reason}",
    },
    "reader.not_an_object": {
        "vi": "dòng không phải một đối tượng JSON",
        "en": "the row is not a JSON object",
    },
    "reader.bad_list_item": {
        "vi": "cần các mục NĂM:MỨC cách nhau bởi ';', gặp {item!r}",
        "en": "expected YEAR:LEVEL items separated by ';', got {item!r}",
    },
    # -- the normalize report ---------------------------------------------------------------------------------------
    "normalize.title": {"vi": "Đọc tệp {path}", "en": "Reading {path}"},
    "normalize.source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "normalize.layout": {
        "vi": "Dòng tiêu đề: {titles}; tiêu đề cột: dòng {header}; dòng đánh số cột: {numbering}; dữ liệu từ dòng "
        "{data}",
        "en": "Title rows: {titles}; header: rows {header}; numbering row: {numbering}; data from row {data}",
    },
    "normalize.columns": {"vi": "Cột nhận ra:", "en": "Columns matched:"},
    "normalize.column": {"vi": "  {column} {header!r} → {target}{how}", "en": "  {column} {header!r} → {target}{how}"},
    "normalize.values": {"vi": "Giá trị đã đọc theo cột:", "en": "Values read, by column:"},
    "normalize.value": {"vi": "    {value!r} → {reading} ×{count}", "en": "    {value!r} → {reading} ×{count}"},
    "normalize.unmapped": {
        "vi": "Giá trị chưa đọc được (trình độ coi là chưa biết):",
        "en": "Values left unmapped (the qualification is unknown):",
    },
    "normalize.known_unmapped": {
        "vi": "Văn bằng, chứng chỉ chưa có quy định tương đương (giữ nguyên văn):",
        "en": "Credentials whose equivalence is not confirmed (kept as written):",
    },
    "normalize.unmapped_value": {
        "vi": "  {where}: {value!r} ×{count} — dòng {rows}",
        "en": "  {where}: {value!r} ×{count} — rows {rows}",
    },
    "normalize.warnings": {"vi": "Cảnh báo:", "en": "Warnings:"},
    "normalize.rejected": {"vi": "Dòng bị loại:", "en": "Rejected rows:"},
    "normalize.rejected_row": {
        "vi": "  dòng {line} (bản ghi {record}){id}, {field}: {message}",
        "en": "  row {line} (record {record}){id}, {field}: {message}",
    },
    "normalize.summary": {
        "vi": "{records} bản ghi: {kept} đọc được, {rejected} bị loại; {unmapped} giá trị chưa đọc được.",
        "en": "{records} records: {kept} read, {rejected} rejected; {unmapped} values left unmapped.",
    },
    "normalize.nothing": {"vi": "  (không có)", "en": "  (none)"},
    # -- labels ---------------------------------------------------------------------------------------------------
    "reader.label.male": {"vi": "nam", "en": "male"},
    "reader.label.female": {"vi": "nữ", "en": "female"},
    "reader.skipped.total": {"vi": "Dòng tổng cộng", "en": "Total rows"},
    "reader.skipped.section": {"vi": "Dòng tiêu đề nhóm hoặc chữ ký", "en": "Section headings or signature lines"},
    "reader.skipped.header": {"vi": "Dòng tiêu đề cột lặp lại", "en": "Repeated header rows"},
    "reader.unclosed_quote": {
        "vi": "{path}: dòng {line}: dấu ngoặc kép không đóng",
        "en": "{path}: line {line}: a quoted cell is not closed",
    },
    "normalize.unknown_output": {
        "vi": "{path}: không rõ định dạng đầu ra {suffix!r} (dùng .json, .jsonl, .csv hoặc .xlsx)",
        "en": "{path}: unknown output type {suffix!r} (expected .json, .jsonl, .csv or .xlsx)",
    },
    "normalize.how.seq": {"vi": "(số thứ tự: bỏ qua)", "en": "(row number: ignored)"},
    "normalize.how.note": {"vi": "(ghi chú: bỏ qua)", "en": "(remarks: ignored)"},
    "normalize.how.unknown": {"vi": "(không nhận ra: bỏ qua)", "en": "(not recognised: ignored)"},
    "normalize.how.ignored": {"vi": "(bỏ qua theo tệp --columns)", "en": "(ignored by the --columns file)"},
    "normalize.how.duplicate": {"vi": "(trùng: bỏ qua)", "en": "(duplicate: ignored)"},
    "normalize.how.unit name as unit": {"vi": " [tên đơn vị dùng làm mã]", "en": " [unit name used as the unit]"},
    "normalize.how.mapping": {"vi": " [theo tệp --columns]", "en": " [from the --columns file]"},
    "normalize.how.synonym": {"vi": "", "en": ""},
    # -- the units tree ---------------------------------------------------------------------------------------------
    "units.duplicate_code": {
        "vi": "mã đơn vị {code!r} xuất hiện {count} lần",
        "en": "unit code {code!r} appears {count} times",
    },
    "units.self_parent": {
        "vi": "đơn vị {code!r} là cấp trên của chính nó",
        "en": "unit {code!r} is its own parent",
    },
    "units.cycle": {
        "vi": "các đơn vị là cấp trên của nhau thành vòng: {chain}",
        "en": "units are each other's parents in a cycle: {chain}",
    },
    "units.missing_parent": {
        "vi": "đơn vị {code!r} có cấp trên {parent!r} không có trong tệp: chuỗi đơn vị của nó không xác định",
        "en": "unit {code!r} has a parent {parent!r} that is not in the file: its chain of units is unknown",
    },
    "units.tier_order": {
        "vi": "đơn vị {code!r} ({tier}) có cấp trên {parent!r} ({parent_tier}): cấp trên phải ở cấp cao hơn "
        "(tỉnh > huyện > xã)",
        "en": "unit {code!r} ({tier}) has the parent {parent!r} ({parent_tier}): a parent must be of a higher tier "
        "(province > district > commune)",
    },
    "units.commune_under_province": {
        "vi": "xã {code!r} trực thuộc tỉnh {parent!r}: trước {day} xã thuộc một huyện",
        "en": "commune {code!r} sits directly under the province {parent!r}: before {day} a commune belongs to a "
        "district",
    },
    "units.tier_not_in_force": {
        "vi": "đơn vị cấp huyện {code!r} không còn tồn tại ngày {as_of} (cấp huyện kết thúc 30/06/2025){children}",
        "en": "district unit {code!r} does not exist on {as_of} (the district tier ended on 30/06/2025){children}",
    },
    "units.kind_not_in_force": {
        "vi": "đơn vị {code!r} loại {kind!r} không tồn tại ngày {as_of} (từ {day}: xã, phường, đặc khu; trước đó: "
        "xã, phường, thị trấn)",
        "en": "unit {code!r} of kind {kind!r} does not exist on {as_of} (from {day}: xa, phuong, dac_khu; before: "
        "xa, phuong, thi_tran)",
    },
}
"""Message templates by id, then language (``vi``, ``en``); placeholders in ``str.format`` syntax."""

ECHO_LIMIT = 100
"""Characters of an input value echoed back in a message; longer values are cut and their length given."""


def message(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (Vietnamese unless ``"en"``), with its parameters filled in."""
    return MESSAGES[key]["en" if lang == "en" else "vi"].format(**params)


def echo(value: str, limit: int = ECHO_LIMIT) -> str:
    """A value as messages quote it: whole when short, else its first ``limit`` characters and its length."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"
