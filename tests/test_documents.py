"""Attached documents: each made here (fpdf2, python-docx, openpyxl), read back through the Document
seam, with provenance exact against `Document.text`; hostile files end as `failed`, never a crash."""

from __future__ import annotations

from decimal import Decimal

import pytest
from docmaker import make_docx, make_image_pdf, make_many_entries, make_pdf, make_xlsx, make_zip_bomb
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from scraper.legacy import TCVN3_TO_UNICODE
from scraper.parse.documents import parse_document, read_document, sniff_type
from scraper.parse.documents.builder import TextBuilder
from scraper.parse.documents.worker import DocumentWorker

REPORT_PDF = [
    ["BÁO CÁO Kết quả cải cách hành chính quý II năm 2026",
     "Trong quý, toàn huyện đã tiếp nhận 8.412 hồ sơ thủ tục hành chính, tỷ lệ giải quyết đúng hạn đạt 97,4%."],
    [[["Chỉ tiêu", "Quý I/2026", "Quý II/2026"],
      ["Hồ sơ tiếp nhận (hồ sơ)", "7.935", "8.412"],
      ["Tỷ lệ đúng hạn (%)", "96,1", "97,4"]],
     "Thu ngân sách trên địa bàn quý II đạt 512,3 tỷ đồng."],
]


def _provenance(doc) -> None:
    assert doc.figures, "expected figures"
    for f in doc.figures:
        assert doc.text[f.start:f.end] == f.raw


def by_raw(doc, raw: str):
    found = [f for f in doc.figures if f.raw == raw]
    assert found, f"{raw!r} not among {[f.raw for f in doc.figures]}"
    return found[0]


def by_value(doc, value: str):
    found = [f for f in doc.figures if f.value == Decimal(value)]
    assert found, f"{value} not among {[f.raw for f in doc.figures]}"
    return found[0]


def test_text_pdf_with_table_has_pages_and_cells() -> None:
    doc = parse_document(make_pdf(REPORT_PDF), "pdf", "http://portal.test/bc.pdf", isolate=False)
    assert (doc.status, doc.error, doc.page_count, doc.tables) == ("parsed", None, 2, 1)
    _provenance(doc)
    prose = by_value(doc, "8412")
    assert (prose.page, prose.unit) == (1, "hồ sơ thủ tục hành chính") and prose.page == 1 and prose.table is None and prose.document_url == "http://portal.test/bc.pdf"
    cell = [f for f in doc.figures if f.table == 0 and f.value == Decimal("7935")][0]
    assert (cell.page, cell.row, cell.cell, cell.kind, cell.unit) == (2, "Hồ sơ tiếp nhận (hồ sơ)", "r2c2", "count", "hồ sơ")
    assert cell.period_text == "Quý I/2026" and str(cell.period_end) == "2026-03-31"
    rate = [f for f in doc.figures if f.table == 0 and f.value == Decimal("96.1")][0]
    assert (rate.kind, rate.unit, rate.column) == ("percent", "%", "Quý I/2026")
    money = by_raw(doc, "512,3 tỷ đồng")
    assert money.value == Decimal("512300000000") and money.page == 2 and money.table is None


def test_pdf_table_numbers_are_read_once() -> None:
    """The table's numbers come from the table, not again from the page's text layer."""
    doc = parse_document(make_pdf(REPORT_PDF), "pdf", isolate=False)
    assert doc.text.count("7.935") == 1


def test_pdf_lines_wrapped_mid_sentence_are_joined() -> None:
    long = ("Trong sáu tháng, Bộ phận Một cửa của huyện đã tiếp nhận và giải quyết tổng cộng 12.486 hồ sơ "
            "thủ tục hành chính thuộc thẩm quyền, trong đó có 9.874 hồ sơ được nộp qua cổng dịch vụ công trực tuyến.")
    doc = parse_document(make_pdf([[long]]), "pdf", isolate=False)
    assert "\n" not in doc.text.strip()
    assert by_value(doc, "9874").sentence.startswith("Trong sáu tháng")


def test_docx_table_header_carries_units() -> None:
    data = make_docx(["Báo cáo kết quả thu ngân sách năm 2025",
                      [["Nội dung", "Dự toán (tỷ đồng)", "Thực hiện (tỷ đồng)", "Tỷ lệ (%)"],
                       ["Thu nội địa", "1.820", "1.905,4", "104,7"],
                       ["Thu xuất nhập khẩu", "240", "212,8", "88,7"]]])
    doc = parse_document(data, "docx", isolate=False)
    assert doc.status == "parsed" and doc.page_count is None
    _provenance(doc)
    plan = [f for f in doc.figures if f.cell == "r2c2"][0]
    assert (plan.value, plan.kind, plan.unit, plan.row) == (Decimal("1820000000000"), "money", "đồng", "Thu nội địa")
    done = [f for f in doc.figures if f.cell == "r3c3"][0]
    assert done.value == Decimal("212800000000") and done.column == "Thực hiện (tỷ đồng)"
    share = [f for f in doc.figures if f.cell == "r2c4"][0]
    assert (share.kind, share.value) == ("percent", Decimal("104.7"))


def test_docx_unit_note_above_table_and_merged_header() -> None:
    data = make_docx(["Đơn vị tính: hồ sơ",
                      [["Lĩnh vực", "Năm 2025", "Năm 2025"], ["", "Tiếp nhận", "Đã giải quyết"], ["Đất đai", "1.350", "1.298"]]],
                     merge_header=(1, 2))
    doc = parse_document(data, "docx", isolate=False)
    f = [f for f in doc.figures if f.value == Decimal("1298")][0]
    assert f.column is not None and "Năm 2025" in f.column and "Đã giải quyết" in f.column
    assert f.unit == "hồ sơ" and f.period_text == "Năm 2025"
    assert doc.text.count("Năm 2025") == 1  # a merged header is shown once


def test_xlsx_merged_header_cells_spread_over_their_columns() -> None:
    data = make_xlsx(
        {"Biểu 1": [["TỔNG HỢP THU CHI NGÂN SÁCH"], ["STT", "Chỉ tiêu", "Năm 2025", None],
                    [None, None, "Dự toán (tỷ đồng)", "Thực hiện (tỷ đồng)"],
                    [1, "Tổng thu ngân sách", 2100, 2245.75], [2, "Chi thường xuyên", 1500, 0.963]]},
        merges={"Biểu 1": ["A1:D1", "C2:D2", "A2:A3", "B2:B3"]}, percent_cells={"Biểu 1": ["D5"]})
    doc = parse_document(data, "xlsx", isolate=False)
    assert doc.status == "parsed" and doc.tables == 1
    _provenance(doc)
    f = [f for f in doc.figures if f.cell == "Biểu 1!D4"][0]
    assert f.raw == "2245,75" and f.value == Decimal("2245750000000") and f.kind == "money"
    assert "Năm 2025" in f.column and f.column.endswith("Thực hiện (tỷ đồng)") and f.row == "Tổng thu ngân sách"
    assert f.period_text == "Năm 2025"
    pct = [f for f in doc.figures if f.cell == "Biểu 1!D5"][0]
    assert (pct.raw, pct.kind, pct.value) == ("96,3%", "percent", Decimal("96.3"))
    assert not any(f.cell in ("Biểu 1!A4", "Biểu 1!A5") for f in doc.figures), "STT numbers are not figures"


def test_image_only_pdf_needs_ocr() -> None:
    doc = parse_document(make_image_pdf(), "pdf", isolate=False)
    assert doc.status == "needs_ocr" and doc.page_count == 1 and doc.figures == [] and "OCR" in doc.error


def _to_tcvn3(text: str) -> str:
    back = {v: k for k, v in TCVN3_TO_UNICODE.items()}
    return "".join(back.get(c, c) for c in text)


def test_tcvn3_docx_is_converted_to_unicode() -> None:
    line = "Tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt 2.345 tỷ đồng, bằng 105% dự toán năm."
    data = make_docx([_to_tcvn3(line), _to_tcvn3("Số doanh nghiệp thành lập mới là 412 doanh nghiệp.")], font=".VnTime")
    doc = parse_document(data, "docx", isolate=False)
    assert line in doc.text
    assert by_raw(doc, "2.345 tỷ đồng").value == Decimal("2345000000000")
    _provenance(doc)


@pytest.mark.parametrize("make,expect", [
    (lambda: make_zip_bomb(), "zip bomb"),
    (lambda: make_many_entries(10_050), "entries"),
    (lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "not a readable PDF"),
    (lambda: make_docx(["Một đoạn văn."])[:900], "zip"),
    (lambda: b"\x00\x01 random bytes", "not a PDF, DOCX or XLSX"),
])
def test_hostile_and_broken_files_fail_with_one_line(make, expect) -> None:
    data = make()
    doc = parse_document(data, "docx" if data.startswith(b"PK") else None, isolate=False)
    assert doc.status in ("failed", "unsupported")
    assert expect in doc.error and "\n" not in doc.error


def test_zip_bomb_fails_in_the_worker_without_exhausting_memory() -> None:
    doc = parse_document(make_zip_bomb(), "docx")  # isolated: the default
    assert doc.status == "failed" and "zip bomb" in doc.error


def test_old_office_formats_are_unsupported_with_a_reason() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    doc = read_document(ole, name="bao-cao.doc")
    assert (doc.type, doc.status) == ("doc", "unsupported") and "convert" in doc.error
    assert read_document(ole, name="phu-luc.xls").type == "xls"


def test_type_is_sniffed_from_bytes_not_trusted_from_the_link() -> None:
    pdf = make_pdf([["Tổng số hồ sơ tiếp nhận trong năm là 1.024 hồ sơ."]])
    assert sniff_type(pdf, "tai-lieu.doc") == "pdf"
    assert parse_document(pdf, "doc", isolate=False).status == "parsed"
    assert sniff_type(make_xlsx({"a": [["x", 1]]}), "file") == "xlsx"


def test_a_crashing_parser_costs_one_document_not_the_worker() -> None:
    import os
    import signal

    worker = DocumentWorker(timeout=30)
    try:
        assert worker.run(make_docx(["Có 12 hồ sơ."]), "docx", None, None)[0] == "ok"
        os.kill(worker._proc.pid, signal.SIGKILL)  # as a native crash would
        outcome, message = worker.run(make_docx(["Có 12 hồ sơ."]), "docx", None, None)
        assert outcome in ("ok", "error")  # a dead worker is noticed and replaced
        assert worker.run(make_docx(["Có 13 hồ sơ."]), "docx", None, None)[0] == "ok"
    finally:
        worker.close()


def test_a_document_over_time_is_stopped() -> None:
    worker = DocumentWorker(timeout=0.01)
    try:
        outcome, message = worker.run(make_pdf(REPORT_PDF * 3), "pdf", None, None)
        assert outcome == "error" and "longer than" in message
    finally:
        worker.close()


_cell_text = st.text(alphabet=st.sampled_from("0123456789.,% abcđêơưáàảãạ()|\n"), max_size=12)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paras=st.lists(st.text(max_size=40), max_size=4),
       grid=st.lists(st.lists(_cell_text, min_size=1, max_size=4), min_size=1, max_size=5))
def test_builder_offsets_are_exact(paras, grid) -> None:
    b = TextBuilder()
    for p in paras:
        b.paragraph(p)
    b.table(grid)
    text = b.text()
    for c in b.cells:
        assert text[c.start:c.end] == b.cell(grid[c.row][c.column])
        assert "\n" not in text[c.start:c.end]


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(st.sampled_from(["Đất đai", "Tư pháp", "Y tế", "Giáo dục"]),
                               st.integers(0, 10**7), st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2))),
                     min_size=1, max_size=6))
def test_xlsx_figures_are_exact_against_document_text(rows) -> None:
    data = make_xlsx({"S": [["Lĩnh vực", "Số hồ sơ (hồ sơ)", "Tỷ lệ (%)"], *[list(r) for r in rows]]})
    doc = parse_document(data, "xlsx", isolate=False)
    for f in doc.figures:
        assert doc.text[f.start:f.end] == f.raw and f.table == 0 and f.cell


def test_tcvn3_pdf_and_xlsx_are_converted_to_unicode() -> None:
    lines = ["Báo cáo tình hình thực hiện kế hoạch năm 2004 của huyện.",
             "Tổng số hộ nghèo giảm còn 1.204 hộ, tỷ lệ hộ nghèo còn 6,5%."]
    doc = parse_document(make_pdf([[_to_tcvn3(x) for x in lines]]), "pdf", isolate=False)
    assert all(x in doc.text for x in lines), doc.text
    assert by_value(doc, "1204").unit == "hộ"
    sheet = [[_to_tcvn3("Chỉ tiêu"), _to_tcvn3("Thực hiện (tỷ đồng)")], [_to_tcvn3("Tổng thu ngân sách"), 412.5],
             [_to_tcvn3("Chi đầu tư phát triển"), 120]]
    doc = parse_document(make_xlsx({"B1": sheet}), "xlsx", isolate=False)
    f = [f for f in doc.figures if f.cell == "B1!B2"][0]
    assert (f.row, f.column, f.value) == ("Tổng thu ngân sách", "Thực hiện (tỷ đồng)", Decimal("412500000000"))


def test_a_document_with_too_many_numbers_keeps_its_text(monkeypatch) -> None:
    from scraper import settings

    monkeypatch.setattr(settings, "MAX_NUMBERS_PER_TEXT", 100)
    doc = parse_document(make_xlsx({"S": [["Mã", "Số lượng"]] + [[f"X{i}", i * 2] for i in range(1, 300)]}), "xlsx",
                         isolate=False)
    assert doc.status == "parsed" and "598" in doc.text and doc.figures == []
    assert any("figures not read" in w for w in doc.warnings)


def test_xlsx_year_columns_are_headers_not_figures() -> None:
    data = make_xlsx({"S": [["Chỉ tiêu", 2024, 2025], ["Số doanh nghiệp thành lập mới (doanh nghiệp)", 1350, 1502],
                            ["Vốn đăng ký (tỷ đồng)", 12840.5, 15210]]})
    doc = parse_document(data, "xlsx", isolate=False)
    assert not any(f.value in (Decimal(2024), Decimal(2025)) for f in doc.figures)
    f = [f for f in doc.figures if f.cell == "S!C3"][0]
    assert (f.raw, f.value, f.column, f.period_text) == ("15.210", Decimal("15210000000000"), "2025", "2025")
    assert [f.raw for f in doc.figures if f.cell == "S!B2"] == ["1350"]
