"""Yearbook tables that reached the text one cell per line (scraper/qa/yearbook.py).  The tables below are
our own numbers in the layout statistical offices publish: a title, the years, then each row's label
(Vietnamese, then English) and one value per year, and the same rows again as an index (previous year = 100).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from scraper import extract_figures
from scraper.qa import check_text
from scraper.qa.yearbook import read_column_tables


def _table(rows: list[tuple[str, list[str]]], years: list[int] | None = None) -> str:
    lines = ["120. Số trường học phổ thông", "Number of schools"]
    lines += [str(y) for y in years or []]
    for label, values in rows:
        lines += label.split("\n") + values
    return "\n".join(lines)


YEARS = [2019, 2020, 2021, 2022]
VALUES = [
    ("Số trường học (Trường)\nNumber of schools (School)", ["640", "652", "655", "661"]),
    ("Tiểu học -\nPrimary", ["300", "305", "306", "310"]),
    ("Công lập -\nPublic", ["290", "294", "295", "298"]),
    ("Ngoài công lập -\nNon-public", ["10", "11", "11", "12"]),
    ("Trung học cơ sở -\nLower secondary", ["240", "244", "245", "246"]),
    ("Công lập -\nPublic", ["240", "244", "245", "246"]),
    ("Ngoài công lập -\nNon-public", ["-", "-", "-", "-"]),
    ("Trung học phổ thông -\nUpper secondary", ["100", "103", "104", "105"]),
    ("Công lập -\nPublic", ["92", "95", "95", "96"]),
    ("Ngoài công lập -\nNon-public", ["8", "8", "9", "9"]),
]
INDEX = [("Số trường học -\nNumber of schools", ["101,43", "101,88", "100,46", "100,92"])]


def _verdicts(text: str, rule: str) -> list[tuple[str, bool]]:
    return [(c.message.split(" = ")[0], c.consistent) for c in check_text(text) if rule in (c.rule or "")]


def test_rows_and_sections_are_read() -> None:
    text = _table(VALUES + INDEX, YEARS)
    [table] = read_column_tables(text, extract_figures(text))
    assert table.years == YEARS and table.columns == 4
    assert [len(s) for s in table.sections] == [10, 1]
    assert table.sections[0][1].label == "tiểu học" and table.sections[0][6].cells == ["zero"] * 4


def test_a_row_is_the_sum_of_the_rows_under_it_in_every_year() -> None:
    text = _table(VALUES, YEARS)
    sums = _verdicts(text, "niên giám: dòng 'số trường học'")
    assert len(sums) == 4 and all(ok for _, ok in sums)  # 300 + 240 + 100 = 640, … in each year
    levels = _verdicts(text, "niên giám: dòng 'tiểu học'")
    levels += _verdicts(text, "niên giám: dòng 'trung học phổ thông'")
    assert len(levels) == 8 and all(ok for _, ok in levels)  # public + non-public per level


def test_one_misprinted_year_is_an_alarm() -> None:
    rows = [(VALUES[0][0], ["640", "652", "657", "661"])] + VALUES[1:]
    sums = _verdicts(_table(rows, YEARS), "niên giám: dòng 'số trường học'")
    assert sorted(ok for _, ok in sums) == [False, True, True, True]


def test_rows_that_only_add_up_in_one_year_are_not_a_structure() -> None:
    rows = [(VALUES[0][0], ["640", "700", "720", "731"])] + VALUES[1:]
    assert _verdicts(_table(rows, YEARS), "niên giám: dòng 'số trường học'") == []


def test_index_rows_are_this_year_over_last_year() -> None:
    text = _table(VALUES + INDEX, YEARS)
    idx = [c for c in check_text(text) if "năm trước = 100" in (c.rule or "")]
    assert len(idx) == 3 and all(c.consistent for c in idx)  # 652/640, 655/652, 661/655
    wrong = _table(VALUES + [(INDEX[0][0], ["101,43", "101,88", "100,64", "100,92"])], YEARS)
    bad = [c for c in check_text(wrong) if "năm trước = 100" in (c.rule or "") and not c.consistent]
    assert len(bad) == 1 and bad[0].stated == __import__("decimal").Decimal("100.64")


def test_without_year_headers_indexes_only_confirm() -> None:
    wrong = _table(VALUES + [(INDEX[0][0], ["101,43", "101,88", "100,64", "100,92"])])
    idx = [c for c in check_text(wrong) if "năm trước = 100" in (c.rule or "")]
    assert idx and all(c.consistent for c in idx)  # a gap between columns is possible: no alarm
    assert len(_verdicts(wrong, "niên giám: dòng 'số trường học'")) == 4


def test_figures_keep_their_exact_characters() -> None:
    text = _table(VALUES + INDEX, YEARS)
    for c in check_text(text):
        assert all(text[f["start"] : f["end"]] == f["raw"] for f in c.figures)


def test_index_block_with_short_names_is_matched_by_position() -> None:
    short = [
        ("Trường học -\nSchools", ["101,43", "101,88", "100,46", "100,92"]),
        ("Tiểu học -\nPrimary", ["101,00", "101,67", "100,33", "101,31"]),
        ("Công lập -\nPublic", ["100,00", "101,38", "100,34", "101,02"]),
    ]
    rows = VALUES[:3] + [("Ngoài công lập -\nNon-public", ["10", "11", "11", "12"])]
    short += [("Ngoài công lập -\nNon-public", ["100,00", "110,00", "100,00", "109,09"])]
    text = _table(rows + short, YEARS)
    idx = [c for c in check_text(text) if "năm trước = 100" in (c.rule or "")]
    assert len(idx) >= 9 and all(c.consistent for c in idx)


def test_numbered_groups_and_columns_that_add_up() -> None:
    rows = [
        ("TỔNG SỐ -\nTOTAL", ["900", "850", "50"]),
        ("I. Khu vực đồng bằng\nPlain districts", ["600", "560", "40"]),
        ("1. Thành phố A", ["400", "370", "30"]),
        ("2. Huyện B", ["200", "190", "10"]),
        ("II. Khu vực miền núi\nMountain districts", ["300", "290", "10"]),
        ("3. Huyện C", ["120", "115", "5"]),
        ("4. Huyện D", ["180", "175", "5"]),
    ]
    text = _table(rows)
    checks = check_text(text)
    groups = [c for c in checks if "là tổng của 2 dòng dưới" in (c.rule or "")]
    columns = [c for c in checks if "cột 1 là tổng của 2 cột" in (c.rule or "")]
    assert len(groups) == 9 and all(c.consistent for c in groups)  # total = I + II; I = 1 + 2; II = 3 + 4
    assert len(columns) == 7 and all(c.consistent for c in columns)  # total = public + non-public per row


def test_a_numbered_district_is_no_sum_of_the_districts_numbered_after_it() -> None:
    """Small cells of "2. Huyện Tân Phú" happen to equal those of "3." plus "4." in two columns; the rows are
    numbered alike, so they are siblings: no breakdown, no alarm for the column that does not add up."""
    rows = [
        ("I. Khu vực đồng bằng\nPlain districts", ["100", "9", "82", "3"]),
        ("1. Thành phố Hòa An", ["40", "5", "31", "1"]),
        ("2. Huyện Tân Phú", ["30", "2", "26", "1"]),
        ("3. Huyện Long Sơn", ["14", "1", "12", "-"]),
        ("4. Huyện Bình Lục", ["16", "1", "13", "1"]),
    ]
    checks = check_text(_table(rows))
    assert not [c.message for c in checks if "dòng 'huyện tân phú'" in (c.rule or "")]
    assert all(c.consistent for c in checks)


def test_a_row_whose_other_part_is_dashes_until_the_last_year() -> None:
    """ "Ngoài công lập: - - - - 10": the years with nothing to add confirm the structure, so the one year
    with two parts is checked."""
    rows = [
        ("Tiểu học -\nPrimary", ["3.400", "3.500", "3.600", "3.810"]),
        ("Công lập -\nPublic", ["3.400", "3.500", "3.600", "3.800"]),
        ("Ngoài công lập -\nNon-public", ["-", "-", "-", "10"]),
        ("Trung học cơ sở -\nLower secondary", ["1.200", "1.210", "1.220", "1.230"]),
    ]
    sums = _verdicts(_table(rows, YEARS), "niên giám: dòng 'tiểu học'")
    assert sums == [("Tổng các phần 3.800 + 10", True)]


def _by_year_table(shares_2021: str) -> str:
    """Population by sex and by residence, years as rows: a people block, an index block, a structure (%)
    block."""
    lines = ["Dân số trung bình phân theo giới tính và phân theo thành thị, nông thôn", "",
             "Tổng số", "Nam", "Nữ", "Thành thị", "Nông thôn", "", "Người - Person", ""]
    people = {"2020": ["200.000", "99.000", "101.000", "50.000", "150.000"],
              "2021": ["204.000", "101.000", "103.000", "51.000", "153.000"],
              "2022": ["208.000", "103.000", "105.000", "53.000", "155.000"]}
    shares = {"2020": ["100,00", "49,50", "50,50", "25,00", "75,00"],
              "2021": ["100,00", "49,51", "50,49", shares_2021, "75,00"],
              "2022": ["100,00", "49,52", "50,48", "25,48", "74,52"]}
    index = {"2020": ["101,50", "101,40", "101,60", "102,00", "101,30"],
             "2021": ["102,00", "102,02", "101,98", "102,00", "102,00"],
             "2022": ["101,96", "101,98", "101,94", "103,92", "101,31"]}
    for year, cells in people.items():
        lines += [year, "", *[c for cell in cells for c in (cell, "")]]
    lines += ["Chỉ số phát triển (Năm trước = 100) - %", ""]
    for year, cells in index.items():
        lines += [year, "", *[c for cell in cells for c in (cell, "")]]
    lines += ["Cơ cấu - Structure (%)", ""]
    for year, cells in shares.items():
        lines += [year, "", *[c for cell in cells for c in (cell, "")]]
    return "\n".join(lines)


def test_a_total_column_broken_down_twice_and_a_structure_block() -> None:
    """ "Tổng số | Nam | Nữ | Thành thị | Nông thôn": the total is men + women and again urban + rural; the
    structure block below gives each cell over its year's total."""
    checks = check_text(_by_year_table("25,00"))
    sums = [c.message.split(" = ")[0] for c in checks if "tổng của 2 cột" in (c.rule or "") and c.consistent]
    assert "Tổng các phần 99.000 + 101.000" in sums and "Tổng các phần 50.000 + 150.000" in sums
    assert "Tổng các phần 53.000 + 155.000" in sums
    shares = [c for c in checks if "tỷ lệ của dòng" in (c.rule or "")]
    assert len(shares) == 12 and all(c.consistent for c in shares)  # 4 shares a year, 3 years
    wrong = [c for c in check_text(_by_year_table("25,10")) if "tỷ lệ của dòng" in (c.rule or "")]
    assert [c.message.split(" = ")[0] for c in wrong if not c.consistent] == ["Tỷ lệ 51.000/204.000"]


def test_years_as_rows_index_block_is_each_year_over_the_year_before() -> None:
    checks = [c for c in check_text(_by_year_table("25,00")) if "chỉ số năm" in (c.rule or "")]
    assert len(checks) == 10 and all(c.consistent for c in checks)  # 2021 and 2022, five columns each
    misprint = _by_year_table("25,00").replace("103,92", "103,52")
    index = [c for c in check_text(misprint) if "chỉ số năm" in (c.rule or "")]
    assert [c.message.split(" = ")[0] for c in index if not c.consistent] == ["Tỷ lệ 53.000/51.000"]


# An indicator table exported with dot decimals, one row a line, the last column empty ("0.00"); from the
# fourth year on the total also holds a tax the three sectors leave out.
EXPORTED = (
    "1. Giá trị tăng thêm (giá hiện hành) Tỷ đồng 1250.40 1380.60 1502.25 1700.90 1850.30 0.00\n"
    "Nông nghiệp Tỷ đồng 400.10 420.20 450.05 470.00 480.10\n"
    "Công nghiệp Tỷ đồng 500.20 560.30 602.10 700.40 760.00 0.00\n"
    "Dịch vụ Tỷ đồng 350.10 400.10 450.10 490.50 560.20\n"
)


def test_an_exported_table_with_dot_decimals_confirms_the_years_that_add_up() -> None:
    checks = [c for c in check_text(EXPORTED) if c.check == "sum"]
    assert [(c.stated, c.consistent) for c in checks] == [
        (Decimal("1250.40"), True), (Decimal("1380.60"), True), (Decimal("1502.25"), True)
    ]  # 1.700,90 and 1.850,30 hold the tax as well: no alarm, no confirmation
    assert all(EXPORTED[f["start"] : f["end"]] == f["raw"] for c in checks for f in c.figures)


def test_one_year_off_in_an_exported_table_is_an_alarm() -> None:
    text = EXPORTED.replace("1700.90 1850.30", "1660.90 1800.30").replace("1502.25", "1502.35")
    checks = [c for c in check_text(text) if c.check == "sum"]
    assert [(c.stated, c.consistent) for c in checks if not c.consistent] == [(Decimal("1502.35"), False)]


def test_a_total_broken_down_by_sex_then_by_ownership_then_by_level() -> None:
    rows = [
        ("Số giáo viên (Người)\nNumber of teachers (Pers.)", ["420", "436", "451"]),
        ("Nam - Male", ["200", "206", "215"]),
        ("Nữ - Female", ["220", "230", "236"]),
        ("Công lập - Public", ["390", "400", "411"]),
        ("Ngoài công lập - Non-public", ["30", "36", "40"]),
        ("Trung ương - Central", ["50", "52", "55"]),
        ("Địa phương - Local", ["370", "384", "390"]),  # 55 + 390 = 445, not 451: a misprint
    ]
    checks = [c for c in check_text(_table(rows, [2020, 2021, 2022])) if c.check == "sum"]
    held = sorted((c.stated, c.computed) for c in checks if c.consistent)
    assert held == [(Decimal(v), Decimal(v)) for v in ("420", "420", "420", "436", "436", "436", "451", "451")]
    assert [(c.stated, c.computed) for c in checks if not c.consistent] == [(Decimal("451"), Decimal("445"))]


def test_a_table_with_row_numbers_on_lines_of_their_own_and_english_thousands() -> None:
    """Each row's number on its own line before its label, thousands with commas, shares with a dot."""
    cells = {
        "Tổng số cán bộ": ["1,240,000", "100.0", "310,000", "100.0"],
        "Hoàn thành tốt": ["930,000", "75.0", "248,000", "80.0"],
        "Hoàn thành": ["248,000", "20.0", "52,700", "17.0"],
        "Không hoàn thành": ["62,000", "5.0", "9,300", "3.0"],
    }
    lines = ["Xếp loại", "Tổng số", "Cấp tỉnh"]
    for k, (label, row) in enumerate(cells.items()):
        lines += ([str(k)] if k else []) + [label] + row
    checks = [c for c in check_text("\n".join(lines)) if c.check == "sum"]
    assert sorted(c.stated for c in checks if c.consistent) == [100, 100, 310000, 1240000]
    assert not [c for c in checks if not c.consistent]


def test_share_columns_beside_count_columns() -> None:
    """ "Số lượng | Tỷ trọng (%)" per group: each share is its count over the total row's count beside it."""
    cells = {
        "Tổng số": ["4.800", "100,0", "1.200", "100,0"],
        "Loại tốt": ["3.120", "65,0", "840", "70,0"],
        "Loại khá": ["1.440", "30,0", "300", "25,0"],
        "Loại trung bình": ["240", "5,0", "60", "5,2"],  # 60/1.200 is 5,0%: the misprint
    }
    lines = ["Xếp loại", "Số lượng", "Tỷ trọng (%)", "Số lượng", "Tỷ trọng (%)"]
    for label, row in cells.items():
        lines += [label] + row
    ratios = [c for c in check_text("\n".join(lines)) if c.check == "ratio"]
    assert sorted(c.stated for c in ratios if c.consistent) == [5, 25, 30, 65, 70]
    off = [(c.stated, c.computed) for c in ratios if not c.consistent]
    assert off == [(Decimal("5.2"), Decimal("5.0000"))]


# Product by ownership, the way yearbooks print it: a total, then kinds of economy, one of them broken down
# into sub-kinds right under it, others not (our own numbers).
OWNERSHIP = [
    ("TỔNG SỐ - TOTAL", ["51.230", "55.318", "60.442"]),
    ("Phân theo loại hình kinh tế\nBy types of ownership", []),
    ("Nhà nước - State", ["6.104", "6.350", "6.912"]),
    ("Ngoài Nhà nước - Non-State", ["20.777", "22.641", "24.906"]),
    ("Tập thể - Collective", ["2.412", "2.530", "2.688"]),
    ("Tư nhân - Private", ["10.150", "11.304", "12.519"]),
    ("Cá thể - Household", ["8.215", "8.807", "9.699"]),
    ("Khu vực có vốn đầu tư nước ngoài\nForeign investment sector", ["14.020", "15.566", "17.230"]),
    ("Thuế sản phẩm trừ trợ cấp sản phẩm\nProduct taxes less subsidies on production", ["10.329", "10.761", "11.394"]),
]


def test_a_total_is_the_sum_of_the_kinds_with_their_sub_kinds_passed_over() -> None:
    text = _table(OWNERSHIP, [2020, 2021, 2022])
    assert _verdicts(text, "niên giám: dòng 'tổng số' là tổng của 4 dòng dưới") == [
        ("Tổng các phần 6.104 + 20.777 + 14.020 + 10.329", True),
        ("Tổng các phần 6.350 + 22.641 + 15.566 + 10.761", True),
        ("Tổng các phần 6.912 + 24.906 + 17.230 + 11.394", True),
    ]


def test_columns_a_unit_off_by_rounding_are_each_an_alarm() -> None:
    """Two years in which the kinds make one more than the printed total: rounding slips, each an error."""
    rows = [(label, list(values)) for label, values in OWNERSHIP]
    rows[0][1][:2] = ["51.229", "55.317"]
    verdicts = _verdicts(_table(rows, [2020, 2021, 2022]), "niên giám: dòng 'tổng số'")
    assert [ok for _, ok in verdicts] == [False, False, True]


# Schools meeting the national standard by district, one cell per line, the rate row last (our own numbers).
def _schools(rates: list[str]) -> str:
    rows = [
        ("Trường\nTiểu học", ["150", "20", "40", "30", "60"]),
        ("Trường đạt chuẩn quốc gia", ["90", "12", "30", "18", "30"]),
        ("Tỉ lệ %", rates),
    ]
    return "\n".join(["Toàn tỉnh", "Huyện A", "Huyện B", "Huyện C", "Huyện D"] + [
        line for label, values in rows for line in label.split("\n") + values
    ])


def test_a_rate_row_is_one_row_over_another_and_a_misprinted_district_alarms() -> None:
    rule = "niên giám: dòng 'tỉ lệ %' = dòng trên / dòng trên"
    assert [ok for _, ok in _verdicts(_schools(["60.00", "60.00", "75.00", "60.00", "50.00"]), rule)] == [True] * 5
    assert [ok for _, ok in _verdicts(_schools(["60.00", "60.00", "73.00", "60.00", "50.00"]), rule)] == [
        True, True, False, True, True]


# Pupils by level and ownership, pasted as " | "-joined rows with thousands grouped by spaces (our numbers).
_PUPILS = """| 2019 | 2020 | 2021 | |
Tiểu học - Primary | 150 420 | 152 310 | {primary} | |
Công lập – Public | 149 980 | 151 805 | 153 110 | |
Ngoài công lập - Non-public | 440 | 505 | 590 | |
Trung học cơ sở - Lower secondary | 98 200 | 99 015 | 101 230 | |
Công lập – Public | 97 950 | 98 720 | 100 880 | |
Ngoài công lập - Non-public | 250 | 295 | 350 | |"""


def test_a_spaced_thousands_cell_is_one_number_and_levels_add_up_in_a_pasted_table() -> None:
    verdicts = _verdicts(_PUPILS.format(primary="153 700"), "niên giám: dòng 'tiểu học'")
    assert verdicts == [("Tổng các phần 149.980 + 440", True), ("Tổng các phần 151.805 + 505", True),
                        ("Tổng các phần 153.110 + 590", True)]
    assert [ok for _, ok in _verdicts(_PUPILS.format(primary="153 701"), "niên giám: dòng 'tiểu học'")] == [
        True, True, False]
    refs = [f for c in check_text(_PUPILS.format(primary="153 700")) for f in c.figures]
    assert {"150 420", "153 700"} <= {f["raw"] for f in refs}


def _cell_per_line(rows: list[tuple[str, list[str]]]) -> str:
    """A table saved one cell per line with empty lines between cells; a cell left blank keeps a line
    holding a single space, and each row's unit column follows its name."""
    lines = ["SẢN LƯỢNG HÀNG HÓA VẬN CHUYỂN", " ", " ", "ĐVT", "2000", "2005", "2010", "2015"]
    for label, values in rows:
        lines += [label, "1000 tấn"] + [v or " " for v in values]
    return "\n\n".join(lines)


FREIGHT = [
    ("1.Hàng hóa vận chuyển", ["520", "610", "745", "900"]),
    ("Trđó:Bằng cơ giới", ["300", "350", "420", "600"]),  # of which: a subset, no member
    ("Đường bộ", ["500", "580", "700", "842"]),
    ("Đường sông", ["20", "30", "40", "50"]),
    ("Đường biển", ["", "", "5", "8"]),  # no sea freight before 2010: blank cells
]


def test_blank_cells_unit_lines_and_an_of_which_row_in_a_table_one_cell_per_line() -> None:
    text = _cell_per_line(FREIGHT)
    [table] = read_column_tables(text, extract_figures(text))
    assert [r.label for r in table.sections[0]][:3] == ["hàng hóa vận chuyển", "trđó:bằng cơ giới", "đường bộ"]
    assert table.sections[0][-1].cells[:2] == ["zero", "zero"]
    sums = [(tuple(f["raw"] for f in c.figures), c.consistent) for c in check_text(text)]
    assert sums == [(("520", "500", "20"), True), (("610", "580", "30"), True),
                    (("745", "700", "40", "5"), True), (("900", "842", "50", "8"), True)]


def test_a_misprinted_total_in_a_table_with_blank_cells_is_an_alarm() -> None:
    rows = [("1.Hàng hóa vận chuyển", ["520", "610", "748", "900"])] + FREIGHT[1:]
    assert [c.consistent for c in check_text(_cell_per_line(rows))] == [True, True, False, True]


def test_a_stray_blank_line_inside_a_row_is_no_cell() -> None:
    """"TỔNG SỐ ¶ 100,00 ¶ ␠ ¶ 100,00 …": the row is as wide as the others without its blank line."""
    text = "\n\n".join(["%", " ", "2005", "2008", "2010", "TỔNG SỐ - TOTAL", "100,00", " ", "100,00", "100,00",
                        "Nhà nước - State", "22,23", "18,42", "21,75",
                        "Ngoài Nhà nước - Non-State", "77,77", "81,58", "78,25"])
    assert [c.consistent for c in check_text(text)] == [True, True, True]


@pytest.mark.parametrize("total,verdicts", [("75", [True]), ("76", [])])
def test_a_lone_row_whose_last_cell_is_the_total_of_the_others(total: str, verdicts: list) -> None:
    """A quality self-assessment's criteria by grade, one cell per line: the last cell is the total
    column. Too small a table to vouch for its layout, so an exact sum confirms and a miss says nothing."""
    text = "\n\n".join(["KẾT QUẢ CHUNG CHIA THEO MỨC", "Mức 1", "Mức 2", "Mức 3", "Mức 4", "Mức 5",
                        "Tổng số tiêu chí", "5. SỐ LƯỢNG TIÊU CHÍ ĐẠT:", "2", "20", "38", "13", "2", total])
    checks = [c for c in check_text(text) if c.check == "sum"]
    assert [c.consistent for c in checks] == verdicts
    assert all([f["raw"] for f in c.figures] == [total, "2", "20", "38", "13", "2"] for c in checks)


def _bottom_total_table(seed_households: str) -> str:
    """District rows one cell a line (numbered), the total last: seed teams, households, area, supply."""
    rows = [("Huyện Đông Sơn", ["12", seed_households, "810,50", "5.268,25"]),
            ("Huyện Tây Sơn", ["8", "310", "402,00", "2.613,00"]),
            ("Thị xã Bắc Hà", ["5", "95", "61,25", "398,13"])]
    lines = ["STT", "Huyện, thị xã", "Số tổ", "Số hộ", "Diện tích (ha)", "Khả năng cung cấp (tấn)"]
    for k, (label, cells) in enumerate(rows, 1):
        lines += [str(k), label, *cells]
    lines += ["Tổng cộng :", "25", "1.045", "1.273,75", "8.279,38"]
    return "\n\n".join(lines)


@pytest.mark.parametrize("households,verdicts", [("640", [True] * 4), ("604", [True, False, True, True])])
def test_a_total_row_printed_after_its_rows_is_their_sum(households: str, verdicts: list) -> None:
    checks = [c for c in check_text(_bottom_total_table(households)) if c.check == "sum"]
    assert [c.consistent for c in checks] == verdicts


def test_a_total_broken_down_twice_beside_index_columns_and_one_unit_off_in_each_count_column() -> None:
    """Counts of two periods, then three index columns (a part above its total: no sum); the total is
    broken down by mode of arrival (it holds) and by purpose, which misses it by one in both count
    columns: a misprint in each, not a structure of another kind."""
    rows = [
        ("Tổng số", ["540.210", "5.012.340", "101,8", "112,0", "109,5"]),
        ("Đường hàng không", ["421.100", "3.950.120", "102,4", "110,1", "108,2"]),
        ("Đường biển", ["9.010", "150.220", "61,2", "40,5", "85,0"]),
        ("Đường bộ", ["110.100", "912.000", "100,9", "160,2", "120,4"]),
        ("Du lịch, nghỉ dưỡng", ["320.400", "3.001.200", "101,1", "111,3", "110,0"]),
        ("Công việc", ["100.210", "990.100", "102,0", "114,2", "107,7"]),
        ("Thăm thân", ["90.100", "800.040", "103,0", "119,9", "106,1"]),
        ("Mục đích khác", ["29.501", "221.001", "100,2", "124,0", "99,0"]),
    ]
    sums = [(c.message.split(" = ")[1].split(" ")[0], c.consistent) for c in check_text(_table(rows))
            if "dòng 'tổng số'" in (c.rule or "")]
    assert sorted(sums) == [("5.012.340", True), ("5.012.341", False), ("540.210", True), ("540.211", False)]


def test_an_outline_of_numbered_rows_with_ditto_units_adds_up_level_by_level() -> None:
    """"1." rows are the sum of their "1.x." rows, "1.x." rows of their "- " rows; a unit column printed as a
    scale and a noun ("Nghìn ¶ Lượt khách") or as a ditto mark is no part of a row's name.  One cell of the
    first total is a tenth off."""
    rows = [
        ("1. Tổng lượt khách phục vụ\nNghìn\nLượt khách", ["80,5", "900,3", "40,2"]),
        ("1.1. Lượt khách lưu trú qua đêm\n\"", ["60,2", "760,1", "30,1"]),
        ("- Khách quốc tế\n\"", ["3,1", "250,4", "1,1"]),
        ("- Khách trong nước\n\"", ["57,1", "509,7", "29,0"]),
        ("1.2. Lượt khách trong ngày\n\"", ["20,3", "140,1", "10,1"]),
        ("2. Tổng ngày khách phục vụ\nNghìn\nNgày khách", ["110,6", "1500,2", "55,0"]),
        ("- Khách quốc tế\n\"", ["6,1", "520,1", "5,0"]),
        ("- Khách trong nước\n\"", ["104,5", "980,1", "50,0"]),
    ]
    got = {(c.stated, c.consistent) for c in check_text(_table(rows)) if "dòng" in (c.rule or "")}
    holds = {Decimal(v) for v in ("80.5", "40.2", "60.2", "760.1", "30.1", "110.6", "1500.2", "55.0")}
    assert got == {(v, True) for v in holds} | {(Decimal("900.3"), False)}


@pytest.mark.parametrize("headed", [True, False])
def test_rows_under_a_heading_that_names_a_breakdown_are_all_of_the_total(headed: bool) -> None:
    """"Chia theo phương tiện đến", "Chia theo mục đích chuyến đi": each heading says the rows under it
    break the total down, so one count column that holds confirms the second breakdown and its other
    columns, two and three off, are misprints.  Without the headings such rows say nothing."""
    by_mode = "Chia theo phương tiện đến\n" if headed else ""
    by_purpose = "Chia theo mục đích chuyến đi\n" if headed else ""
    rows = [
        ("Tổng số", ["210.000", "250.300", "1.900.400", "119,2", "101,0"]),
        (f"{by_mode}Đường hàng không", ["160.000", "200.300", "1.500.000", "125,2", "99,0"]),
        ("Đường biển", ["10.000", "8.000", "100.400", "80,0", "90,0"]),
        ("Đường bộ", ["40.000", "42.000", "300.000", "105,0", "110,0"]),
        (f"{by_purpose}Du lịch, nghỉ dưỡng", ["120.000", "150.102", "1.100.203", "125,1", "98,0"]),
        ("Công việc", ["50.000", "60.100", "500.100", "120,2", "104,0"]),
        ("Thăm thân", ["30.000", "30.000", "200.000", "100,0", "105,0"]),
        ("Mục đích khác", ["10.000", "10.100", "100.100", "101,0", "101,5"]),
    ]
    wrong = sorted(c.stated for c in check_text(_table(rows)) if c.check == "sum" and not c.consistent)
    assert wrong == ([Decimal(250300), Decimal(1900400)] if headed else [])


@pytest.mark.parametrize("day_guests", ["1.450.300", "1.450.310"])
def test_a_running_total_column_is_the_months_so_far_plus_this_months(day_guests: str) -> None:
    """"Thực hiện 8 tháng | Ước tính tháng 9 | Cộng dồn 9 tháng | index": the third column is the first
    two added, row by row; a row whose running total is ten off is a misprint."""
    rows = [
        ("1. Lượt khách phục vụ", ["2.100.400", "250.100", "2.350.500", "110,2"]),
        ("- Khách quốc tế", ["300.200", "40.050", "340.250", "115,0"]),
        ("- Khách trong nước", ["1.800.200", "210.050", "2.010.250", "109,4"]),
        ("2. Ngày khách phục vụ", ["1.300.100", "150.200", day_guests, "108,8"]),
    ]
    running = [c.consistent for c in check_text(_table(rows)) if "(lũy kế)" in (c.rule or "")]
    assert running == [True, True, True, day_guests == "1.450.300"]


@pytest.mark.parametrize("taxes,consistent", [("4,10", True), ("4,20", False)])
def test_a_two_year_table_of_one_line_rows_under_a_heading(taxes: str, consistent: bool) -> None:
    """Two year columns at the end of each row's line, a "Phân theo …" heading over the rows and an English
    name on a line of its own above one of them: the rows add up to the total in both years."""
    text = "\n".join([
        "TỔNG SỐ - TOTAL                        100,00        100,00",
        "          Phân theo loại hình kinh tế - By types of ownership",
        "          Kinh tế Nhà nước - State                   30,40         29,95",
        "          Kinh tế ngoài Nhà nước - Non-State         64,20         64,65",
        "          Khu vực có vốn đầu tư nước ngoài",
        "          Foreign investment sector                   1,30          1,30",
        f"          Thuế sản phẩm - Product taxes               4,10          {taxes}",
    ])
    sums = [(c.stated, c.consistent) for c in check_text(text) if c.check == "sum"]
    assert sums == [(100, True), (100, consistent)]


def test_a_preliminary_year_row_is_that_year() -> None:
    """"Sơ bộ - Prel. 2022" is the row of 2022 (its figures preliminary): its index is 2022 over 2021."""
    text = _by_year_table("25,00").replace("\n2022\n", "\nSơ bộ - Prel. 2022\n")
    assert text.count("Sơ bộ - Prel. 2022") == 3
    checks = [c for c in check_text(text) if "chỉ số năm 2022" in (c.rule or "")]
    assert len(checks) == 5 and all(c.consistent for c in checks)


GRADES = (
    "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ CẤP XÃ\n"
    "TT Xếp loại Số lượng Tỷ lệ % Ghi chú\n"
    "1 Xuất sắc 12 8,00  \n2 Tốt 75 50,00  \n3 Khá 45 {khá}  \n4 Trung bình 18 12,00  \n"
    "  Tổng cộng 150 100\n"
)


@pytest.mark.parametrize("share,alarms", [("30,00", []), ("31,00", ["45/150"])])
def test_a_share_column_over_a_total_row_printed_last(share: str, alarms: list[str]) -> None:
    """"Số lượng | Tỷ lệ %" with the total row last ("Tổng cộng | 150 | 100"): each share is its count
    over that total; a misprinted share alarms."""
    checks = [c for c in check_text(GRADES.format(khá=share)) if "cột tỷ trọng" in (c.rule or "")]
    assert len(checks) == 4
    assert [c.message.split(" = ")[0].removeprefix("Tỷ lệ ") for c in checks if not c.consistent] == alarms


PASTED_BLANK_HEADERS = (
    "Số học sinh phổ thông\n"
    "Đơn vị | | | Sơ bộ 2024 |\n"
    "Tiểu học | 1 200 | 1 300 | 1 400 |\n"
    "Công lập | 1 000 | 1 100 | 1 150 |\n"
    "Ngoài công lập | 200 | 200 | 250 |\n"
)


def test_a_pasted_table_with_blank_headers_and_closing_bars_keeps_every_column() -> None:
    """Blank header cells name their columns by place (they stay apart), and the last cell before a closing
    bar ("| 1 400 |") is one number grouped with a space, like the others."""
    from scraper.qa.tables import read_text_tables

    text = PASTED_BLANK_HEADERS
    read = read_text_tables(text, extract_figures(text))
    cells = [f for f in read if f.row and f.row.startswith("Tiểu học")]
    assert [(f.raw, f.value) for f in cells] == [("1 200", 1200), ("1 300", 1300), ("1 400", 1400)]
    assert len({f.column for f in cells}) == 3
    sums = [c for c in check_text(text) if c.check == "sum"]
    assert sorted(c.stated for c in sums) == [1200, 1300, 1400] and all(c.consistent for c in sums)


PASTED_WITH_INDEX = (
    "Số học sinh phổ thông\n"
    "| 2021 | 2022 | 2023 |\n"
    "Tiểu học | 1 000 | 1 050 | {y2023} |\n"
    "Công lập | 900 | 940 | 980 |\n"
    "Ngoài công lập | 100 | 110 | 120 |\n"
    "| Chỉ số phát triển (Năm trước = 100) - % | |\n"
    "Tiểu học | - | 105,00 | 104,76 |\n"
    "Công lập | - | 104,44 | 104,26 |\n"
    "Ngoài công lập | - | 110,00 | 109,09 |\n"
)


@pytest.mark.parametrize("y2023,held,alarms", [("1 100", 6, 0), ("1 150", 5, 1)])
def test_a_pasted_table_with_an_index_block_is_this_year_over_last(y2023: str, held: int, alarms: int):
    """" | "-joined rows, then the same rows as an index (previous year = 100): each index is its row's
    value over the year before's (confirmed only: the columns' years are not read); a misprinted value
    breaks its sum, which alarms, and its index, which confirms nothing."""
    checks = check_text(PASTED_WITH_INDEX.format(y2023=y2023))
    index = [c for c in checks if "năm trước = 100" in (c.rule or "")]
    assert len(index) == held and all(c.consistent for c in index)
    assert len([c for c in checks if not c.consistent]) == alarms
