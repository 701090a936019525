"""PDF: text per page with pypdfium2 (fast, faithful reading order); ruled tables with pdfplumber.

Tables are looked for only on pages that draw lines (a cheap pdfium object count) and on at most
`DOCUMENT_MAX_TABLE_PAGES` pages, because pdfplumber reads a page far slower than pdfium.  On a page
with tables, the text above, between and below them comes from pdfium and each table is placed once,
as rows of cells, so its numbers are neither lost nor read twice.
"""

from __future__ import annotations

import io
import time

from ... import settings
from ...errors import DocumentError
from .builder import TextBuilder
from .guard import one_line

__all__ = ["read_pdf"]

_MIN_LINES_FOR_TABLE = 2  # horizontal and vertical strokes on a page before we ask pdfplumber for tables
_LEGACY_SAMPLE_PAGES = 3  # pages whose text decides whether the PDF is typed in TCVN3/VNI fonts
_MIN_STROKE = 5.0  # points: a path this long in one direction draws a line that way
_ERR_PASSWORD = 4  # pdfium FPDF_ERR_PASSWORD


def read_pdf(data: bytes, b: TextBuilder) -> tuple[str, list[str]]:
    """Fill `b` from a PDF; ('parsed' | 'needs_ocr', warnings)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _ERR_PASSWORD:
            raise DocumentError("encrypted PDF (a password is needed to open it)") from None
        raise DocumentError(f"not a readable PDF ({one_line(exc)})") from None
    warnings: list[str] = []
    deadline = time.monotonic() + settings.DOCUMENT_TIMEOUT * 0.8
    plumber = None
    table_pages = 0
    try:
        total = len(pdf)
        n = min(total, settings.DOCUMENT_MAX_PAGES)
        if total > n:
            warnings.append(f"read the first {n} of {total} pages (DOCUMENT_MAX_PAGES)")
        b.legacy = _legacy_font(pdf, n)
        for i in range(n):
            if time.monotonic() > deadline:
                warnings.append(f"stopped after {i} of {total} pages (time limit)")
                break
            page = pdf[i]
            textpage = page.get_textpage()
            tables = []
            if table_pages < settings.DOCUMENT_MAX_TABLE_PAGES and _draws_lines(page, pdfium_c):
                plumber = plumber or _open_plumber(data)
                tables = _tables(plumber, i) if plumber is not None else []
                table_pages += 1
            b.begin_page()
            if tables:
                _page_with_tables(page, textpage, tables, b, i + 1)
            else:
                b.paragraph(textpage.get_text_range(), reflow=True)
            b.end_page()
            textpage.close()
            page.close()
    finally:
        if plumber is not None:
            plumber.close()
        pdf.close()
    letters = sum(1 for c in b.text() if c.isalpha())
    return ("needs_ocr" if letters < settings.DOCUMENT_MIN_TEXT_CHARS else "parsed"), warnings


def _legacy_font(pdf, n: int) -> str | None:
    """'tcvn3' | 'vni' when the first pages' text is typed in a pre-Unicode Vietnamese font."""
    from ...legacy import detect_legacy

    sample = []
    for i in range(min(n, _LEGACY_SAMPLE_PAGES)):
        page = pdf[i]
        textpage = page.get_textpage()
        sample.append(textpage.get_text_range())
        textpage.close()
        page.close()
    return detect_legacy("\n".join(sample))


def _draws_lines(page, pdfium_c) -> bool:
    """The page draws what a ruled table is made of: at least two horizontal and two vertical
    strokes (a rectangle counts as both).  Pages with only rules under headings, or none, skip the
    slow table finder."""
    across = down = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        wide, tall = width > _MIN_STROKE, height > _MIN_STROKE
        across += wide
        down += tall
        if across >= _MIN_LINES_FOR_TABLE and down >= _MIN_LINES_FOR_TABLE:
            return True
    return False


def _open_plumber(data: bytes):
    try:
        import pdfplumber
    except ImportError:  # tables are a bonus: text still comes from pdfium
        return None
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - pdfminer rejects some files pdfium reads; keep the text
        return None


def _tables(plumber, index: int) -> list[tuple[tuple[float, float, float, float], list[list[str | None]]]]:
    try:
        page = plumber.pages[index]
        found = page.find_tables()
        out = [(t.bbox, t.extract()) for t in found]
        page.close()
    except Exception:  # noqa: BLE001 - a table we cannot read leaves the page's plain text
        return []
    return sorted(((bbox, rows) for bbox, rows in out if rows and len(rows) > 1), key=lambda t: t[0][1])


def _page_with_tables(page, textpage, tables, b: TextBuilder, number: int) -> None:
    """Bands of pdfium text above/between/below the tables (pdfplumber's y grows downwards)."""
    width, height = page.get_size()
    top = 0.0
    for (_x0, t_top, _x1, t_bottom), rows in tables:
        if t_top < top:  # overlapping tables: keep the first
            continue
        b.paragraph(
            textpage.get_text_bounded(left=0, bottom=height - t_top, right=width, top=height - top),
            reflow=True,
        )
        b.table(rows, page=number)
        top = t_bottom
    b.paragraph(textpage.get_text_bounded(left=0, bottom=0, right=width, top=height - top), reflow=True)
