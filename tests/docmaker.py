"""Documents made in the tests themselves (never real files): PDF with fpdf2 and a Vietnamese-capable
TrueType font, DOCX with python-docx, XLSX with openpyxl, and hostile files (zip bomb, broken)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def vietnamese_font() -> Path:
    """A TTF with Vietnamese glyphs, or skip (CI installs fonts-dejavu-core)."""
    for p in _FONT_CANDIDATES:
        if Path(p).exists():
            return Path(p)
    if shutil.which("fc-match"):
        out = subprocess.run(["fc-match", "-f", "%{file}", "sans:lang=vi"], capture_output=True, text=True).stdout
        if out.endswith(".ttf") and Path(out).exists():
            return Path(out)
    pytest.skip("no Vietnamese-capable TrueType font (apt-get install fonts-dejavu-core)")


def make_pdf(pages: Sequence[Sequence[str | list[list[str]]]]) -> bytes:
    """Each page: paragraphs (str) and tables (list of rows, the first row the header)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("VN", "", str(vietnamese_font()))
    pdf.add_font("VN", "B", str(vietnamese_font()))
    pdf.set_font("VN", size=11)
    for blocks in pages:
        pdf.add_page()
        for block in blocks:
            if isinstance(block, str):
                pdf.multi_cell(0, 7, block, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            else:
                with pdf.table(text_align="LEFT") as table:
                    for row in block:
                        r = table.row()
                        for cell in row:
                            r.cell(cell)
                pdf.ln(4)
    return bytes(pdf.output())


def make_image_pdf() -> bytes:
    """A page with a picture and no text layer, as a scanned report."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 380, 180), outline="black")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buf.getvalue()), x=10, y=10, w=180)
    return bytes(pdf.output())


def make_docx(blocks: Sequence[str | list[list[str]]], *, font: str | None = None,
              merge_header: tuple[int, int] | None = None) -> bytes:
    """Paragraphs (str) and tables (rows; the first the header). `font` sets every run's font
    (".VnTime" for a TCVN3 document); `merge_header=(a, b)` merges header cells a..b."""
    import docx

    d = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            p = d.add_paragraph()
            run = p.add_run(block)
            if font:
                run.font.name = font
        else:
            t = d.add_table(rows=len(block), cols=max(len(r) for r in block))
            for i, row in enumerate(block):
                for j, text in enumerate(row):
                    cell = t.cell(i, j)
                    cell.text = text
                    if font:
                        for run in cell.paragraphs[0].runs:
                            run.font.name = font
            if merge_header:
                a, b = merge_header
                t.cell(0, a).merge(t.cell(0, b)).text = block[0][a]
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_xlsx(sheets: dict[str, list[list[object]]], merges: dict[str, list[str]] | None = None,
              percent_cells: dict[str, list[str]] | None = None) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
        for ref in (percent_cells or {}).get(name, []):
            ws[ref].number_format = "0.0%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_zip_bomb(member_bytes: int = 400 * 1024 * 1024) -> bytes:
    """A 'DOCX' whose document.xml inflates to `member_bytes` of zeros (compressed ~1000:1)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(member_bytes >> 20):
                fh.write(chunk)
    return buf.getvalue()


def make_many_entries(n: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(n):
            z.writestr(f"x/{i}", b"")
    return buf.getvalue()
