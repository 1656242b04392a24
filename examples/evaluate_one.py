"""Evaluate one official from Python (the README example). Run: python examples/evaluate_one.py"""

from datetime import date

from cbcc_standards import AdministrativeUnit, Official, evaluate

official = Official.model_validate(
    {
        "id": "QN-0002",
        "gender": "female",
        "birth_date": "20/07/1990",
        "category": "cong_chuc",
        "title": "commune.van_phong_thong_ke",
        "unit": "QN.BINH_SON.BINH_CHAU",
        "recruited_on": "2016-05-01",
        "qualifications": [
            {"kind": "general_education", "level": "12/12"},
            {"kind": "professional", "level": "Trung cấp", "field": "văn thư lưu trữ"},
            {"kind": "it", "level": "co_ban"},
        ],
    }
)
unit = AdministrativeUnit(code="QN.BINH_SON.BINH_CHAU", name="Xã Bình Châu", tier="commune", kind="xa")
assessment = evaluate(official, as_of=date(2021, 12, 31), unit=unit)
print(assessment.status, assessment.action, assessment.deadline)  # within_grace train 2024-12-25
for finding in assessment.findings:
    print(finding.rule, finding.outcome, finding.basis[0].citation, finding.message.en)
