from __future__ import annotations

from datetime import date

import pytest

from scraper.extract.periods import find_periods, parse_period

REF = date(2021, 6, 25)

CASES = [
    ("từ 01/1 đến 31/5/2021", date(2021, 1, 1), date(2021, 5, 31)),
    ("Từ ngày 01/01 đến ngày 20/5/2021", date(2021, 1, 1), date(2021, 5, 20)),
    ("từ 01/12 đến 31/5/2021", date(2020, 12, 1), date(2021, 5, 31)),
    ("từ 01/01/2020 đến 31/12/2020", date(2020, 1, 1), date(2020, 12, 31)),
    ("6 tháng đầu năm 2021", date(2021, 1, 1), date(2021, 6, 30)),
    ("9 tháng năm 2023", date(2023, 1, 1), date(2023, 9, 30)),
    ("6 tháng cuối năm 2021", date(2021, 7, 1), date(2021, 12, 31)),
    ("9 tháng", date(2021, 1, 1), date(2021, 9, 30)),
    ("quý I/2021", date(2021, 1, 1), date(2021, 3, 31)),
    ("quý II năm 2020", date(2020, 4, 1), date(2020, 6, 30)),
    ("quý 3/2022", date(2022, 7, 1), date(2022, 9, 30)),
    ("quý IV", date(2021, 10, 1), date(2021, 12, 31)),
    ("tháng 5/2021", date(2021, 5, 1), date(2021, 5, 31)),
    ("tháng 2 năm 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ("năm 2020", date(2020, 1, 1), date(2020, 12, 31)),
    ("giai đoạn 2021 – 2030", date(2021, 1, 1), date(2030, 12, 31)),
    ("nhiệm kỳ 2021-2026", date(2021, 1, 1), date(2026, 12, 31)),
    ("hiện nay", None, REF),
    ("Đến nay", None, REF),
    ("đến thời điểm hiện tại", None, REF),
    ("tính đến ngày 30/6/2021", None, date(2021, 6, 30)),
    ("tính đến ngày 15 tháng 3 năm 2022", None, date(2022, 3, 15)),
    ("Từ đầu năm đến nay", date(2021, 1, 1), REF),
    ("năm nay", date(2021, 1, 1), date(2021, 12, 31)),
]


@pytest.mark.parametrize("text,start,end", CASES, ids=[c[0] for c in CASES])
def test_period_table(text: str, start: date | None, end: date | None) -> None:
    p = parse_period(text, REF)
    assert p is not None and (p.start, p.end) == (start, end)


def test_document_dates_are_not_periods() -> None:
    assert find_periods("Quyết định số 3603/QĐ-UBND ngày 30/11/2020 phê duyệt", REF) == []


def test_relative_periods_without_reference_have_no_dates() -> None:
    p = parse_period("hiện nay", None)
    assert p is not None and (p.start, p.end) == (None, None)


def test_periods_in_a_monthly_report() -> None:
    from scraper import extract_figures

    text = ("Trong tháng 10, chỉ số sản xuất công nghiệp tăng 2,5% so với tháng trước. Tính chung 10 tháng, chỉ số này tăng 7,8% so với cùng kỳ.\n"
            "Quý III/2023, thu ngân sách đạt 3.200 tỷ đồng. Lũy kế 9 tháng đạt 9.800 tỷ đồng, bằng 78% dự toán.\n"
            "Đến ngày 31/10/2023, toàn tỉnh có 12.345 doanh nghiệp đang hoạt động.\n"
            "Năm 2022, tỉnh đón 2,5 triệu lượt khách; năm nay dự kiến đạt 3 triệu lượt.")
    got = [(f.raw, str(f.period_start), str(f.period_end), f.estimate) for f in extract_figures(text, published="2023-11-05")]
    assert got == [
        ("2,5%", "2023-10-01", "2023-10-31", False), ("7,8%", "2023-01-01", "2023-10-31", False),
        ("3.200 tỷ đồng", "2023-07-01", "2023-09-30", False), ("9.800 tỷ đồng", "2023-01-01", "2023-09-30", False),
        ("78%", "2023-01-01", "2023-09-30", False), ("12.345", "None", "2023-10-31", False),
        ("2,5 triệu", "2022-01-01", "2022-12-31", False), ("3 triệu", "2023-01-01", "2023-12-31", True),
    ]
