"""Titles as rosters write them: abbreviations spelled out, the words some records add ("công chức", "xã",
"Việt Nam", "Ban") ignored, a department's name after "Giám đốc Sở" ignored; a wording that could name two titles,
or none, stays unknown."""

from __future__ import annotations

import pytest

from cbcc_standards import load_registry
from cbcc_standards.plugins import Registry
from cbcc_standards.titles import Title, TitleCatalogue, UnknownTitleError


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(load_entry_points=False, strict=True)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Công chức Văn hóa - xã hội", "commune.van_hoa_xa_hoi"),
        ("Công chức Văn hóa – Xã hội", "commune.van_hoa_xa_hoi"),
        ("Công chức Tư pháp - Hộ tịch", "commune.tu_phap_ho_tich"),
        ("Công chức Văn phòng - Thống kê", "commune.van_phong_thong_ke"),
        ("Công chức Tài chính - Kế toán", "commune.tai_chinh_ke_toan"),
        ("Công chức Địa chính - Xây dựng", "commune.dia_chinh"),
        ("Chủ tịch Ủy ban nhân dân xã", "commune.chu_tich_ubnd"),
        ("Phó Chủ tịch Ủy ban nhân dân phường", "commune.pho_chu_tich_ubnd"),
        ("Chủ tịch UBND thị trấn", "commune.chu_tich_ubnd"),
        ("PCT UBND xã", "commune.pho_chu_tich_ubnd"),
        ("CT HĐND xã", "commune.chu_tich_hdnd"),
        ("Chỉ huy trưởng Ban CHQS xã", "commune.chi_huy_truong_quan_su"),
        ("Chủ tịch UBMTTQ Việt Nam xã", "commune.chu_tich_mttq"),
        ("Bí thư Đoàn xã", "commune.bi_thu_doan"),
        ("Bí thư Đoàn TN xã", "commune.bi_thu_doan"),
        ("Chủ tịch Hội LHPN xã", "commune.chu_tich_hoi_phu_nu"),
        ("Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam xã", "commune.chu_tich_hoi_phu_nu"),
        ("Chủ tịch Hội Cựu chiến binh Việt Nam", "commune.chu_tich_hoi_ccb"),
        ("Chủ tịch Hội Nông dân Việt Nam xã", "commune.chu_tich_hoi_nong_dan"),
        ("Giám đốc Sở Nội vụ", "province.giam_doc_so"),
        ("Phó Giám đốc Sở Tài chính", "province.pho_giam_doc_so"),
        ("Chủ tịch UBND huyện", "district.chu_tich_ubnd"),
        ("Chủ tịch UBND tỉnh", "province.chu_tich_ubnd"),
        ("Công chức xã", "commune.cong_chuc"),
        ("Công chức Phòng Kinh tế", "commune.cong_chuc_kinh_te"),
    ],
)
def test_a_roster_wording_reads_as_its_title(registry: Registry, written: str, code: str) -> None:
    assert registry.titles.resolve(written) == code


@pytest.mark.parametrize("written", ["Kế toán", "Phó Bí thư Thường trực Đảng ủy", "Chủ tịch", "Công chức", "xã"])
def test_a_wording_that_names_no_single_title_stays_unknown(registry: Registry, written: str) -> None:
    with pytest.raises(UnknownTitleError):
        registry.titles.resolve(written)


def test_two_titles_that_read_alike_are_never_guessed() -> None:
    """When the loose reading of two titles coincides, neither is chosen from it (the exact names still work)."""
    catalogue = TitleCatalogue(
        [
            Title(code="commune.a", name_vi="Công chức Tư pháp", name_en="a", tier="commune", category="cong_chuc"),
            Title(code="commune.b", name_vi="Tư pháp xã", name_en="b", tier="commune", category="cong_chuc"),
        ]
    )
    assert catalogue.resolve("Công chức Tư pháp") == "commune.a"
    assert catalogue.resolve("Tư pháp xã") == "commune.b"
    with pytest.raises(UnknownTitleError):
        catalogue.resolve("Tư pháp phường")
