"""Attached documents: PDF pages/s and DOCX/XLSX documents/s through `parse_document`, side by side
with the bare library call each reader is built on (pypdfium2 text per page, python-docx paragraphs and
table cells, openpyxl read-only rows), on documents made here (ours: a report page with prose and a
ruled table), plus any PDF/DOCX/XLSX files given on the command line (real ones stay out of git).

Rows: `bare` = the library call alone; `read` = our reader (text, pages, cells, legacy fonts; no
figures); `+figures` = read + the extractor; `isolated` = the whole thing in the limited worker process.

    pip install '.[test]' && python benchmarks/bench_documents.py [--pages 40] [--min-seconds 1] [FILE...]
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from _common import ROOT, peak_rss_mb, table, timed

sys.path.insert(0, str(ROOT / "tests"))
from docmaker import make_docx, make_pdf, make_xlsx  # noqa: E402

from scraper.parse.documents import parse_document, read_document  # noqa: E402

PROSE = ("Trong kỳ, toàn huyện đã tiếp nhận {a} hồ sơ thủ tục hành chính, giải quyết đúng hạn {b} hồ sơ, "
         "đạt tỷ lệ {c}%. Tổng thu ngân sách nhà nước trên địa bàn ước đạt {d} tỷ đồng, bằng {e}% dự toán năm.")


def page_blocks(i: int) -> list:
    rows = [["Lĩnh vực", "Tiếp nhận (hồ sơ)", "Đúng hạn (hồ sơ)", "Tỷ lệ (%)"]]
    rows += [[f"Lĩnh vực {k}", f"{1000 + 37 * k + i}", f"{980 + 31 * k}", f"{95 + k % 5},{k % 10}"] for k in range(8)]
    return [f"Mục {i + 1}. " + PROSE.format(a=f"{12 + i}.486", b=f"{11 + i}.902", c="96,8", d="1.245,6", e="54,2"),
            rows, PROSE.format(a="8.412", b="8.106", c="97,4", d="512,3", e="23,1")]


def bare_pdf(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    n = len(pdf)
    for i in range(n):
        page = pdf[i]
        page.get_textpage().get_text_range()
    pdf.close()
    return n


def bare_plumber(data: bytes) -> None:
    """pdfplumber's table finder on every page: the library our PDF tables come from."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            [t.extract() for t in page.find_tables()]


def text_only(data: bytes) -> object:
    """Our PDF reader with table reading off (DOCUMENT_MAX_TABLE_PAGES = 0): the text path alone."""
    from scraper import settings

    saved, settings.DOCUMENT_MAX_TABLE_PAGES = settings.DOCUMENT_MAX_TABLE_PAGES, 0
    try:
        return read_document(data, "pdf")
    finally:
        settings.DOCUMENT_MAX_TABLE_PAGES = saved


def bare_docx(data: bytes) -> None:
    import docx

    d = docx.Document(io.BytesIO(data))
    for block in d.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                [c.text for c in row.cells]
        else:
            block.text


def bare_xlsx(data: bytes) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()


def rows_for(name: str, kind: str, data: bytes, bare, units: int, unit: str, secs: float) -> list[dict[str, object]]:
    out = []
    variants = [("bare library", lambda: bare(data))]
    if kind == "pdf":
        variants += [("bare pdfplumber tables", lambda: bare_plumber(data)), ("read, tables off", lambda: text_only(data))]
    variants += [
        ("read", lambda: read_document(data, kind)),
        ("+figures", lambda: parse_document(data, kind, isolate=False)),
        ("isolated", lambda: parse_document(data, kind)),
    ]
    base = None
    for label, fn in variants:
        per_call, _ = timed(fn, min_seconds=secs)
        rate = units / per_call
        base = base or rate
        out.append({"document": name, "run": label, "rate": f"{rate:,.1f} {unit}/s",
                    "× slower than bare": base / rate if rate else 0.0})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--min-seconds", type=float, default=1.0)
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args()

    pdf = make_pdf([page_blocks(i) for i in range(args.pages)])
    docx_blocks: list = []
    for i in range(args.pages):
        docx_blocks += page_blocks(i)
    docx = make_docx(docx_blocks)
    xlsx = make_xlsx({f"Biểu {s}": [["Chỉ tiêu", "Kế hoạch (tỷ đồng)", "Thực hiện (tỷ đồng)", "Tỷ lệ"]]
                      + [[f"Chỉ tiêu {k}", 100 + k, 97.5 + k, 0.975] for k in range(200)] for s in range(5)},
                     percent_cells={f"Biểu {s}": [f"D{r}" for r in range(2, 202)] for s in range(5)})
    doc = read_document(pdf, "pdf")
    print(f"made: PDF {args.pages} pages ({len(pdf):,} bytes, {doc.tables} tables read), DOCX {len(docx):,} bytes, "
          f"XLSX 5 sheets × 200 rows ({len(xlsx):,} bytes)\n")
    rows = rows_for("ours.pdf", "pdf", pdf, bare_pdf, args.pages, "pages", args.min_seconds)
    rows += rows_for("ours.docx", "docx", docx, bare_docx, 1, "docs", args.min_seconds)
    rows += rows_for("ours.xlsx", "xlsx", xlsx, bare_xlsx, 1, "docs", args.min_seconds)
    bare = {"pdf": bare_pdf, "docx": bare_docx, "xlsx": bare_xlsx}
    for path in args.files:
        data = path.read_bytes()
        d = read_document(data, name=path.name)
        if d.type not in bare or d.status != "parsed":
            print(f"{path.name}: {d.type} {d.status} {d.error or ''}")
            continue
        units = len(d.pages) if d.type == "pdf" else 1
        figs = parse_document(data, d.type, isolate=False).figures
        print(f"{path.name}: {d.type}, {units} pages, {d.tables} tables, {len(d.cells)} cells, {len(figs)} figures")
        rows += rows_for(path.name, d.type, data, bare[d.type], units, "pages" if d.type == "pdf" else "docs",
                         args.min_seconds)
    print(table(rows))
    print(f"\npeak RSS of this process {peak_rss_mb():.0f} MB (the isolated worker is a separate process)")


if __name__ == "__main__":
    main()
