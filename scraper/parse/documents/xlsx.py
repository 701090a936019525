"""XLSX with openpyxl in read-only mode (streams rows; memory stays flat on big sheets).

Read-only worksheets do not expose merged ranges, so they are read from the sheet's own XML (the
`<mergeCell ref="A1:C1"/>` list after the rows) in one streaming pass; a merged header's text is
then spread over the columns it spans.  Each sheet is one table (cells addressed "Sheet!B7");
numbers are written the Vietnamese way ("102.669", "98,2", "98,2%" for a percent-formatted cell)
so the extractor reads them as it reads prose, and dates as dd/mm/yyyy.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from datetime import time as dtime
from decimal import Decimal

import regex

from ... import settings
from ...errors import DocumentError, TooLarge
from ...legacy import detect_legacy
from .builder import TextBuilder
from .guard import one_line

__all__ = ["read_xlsx", "format_value"]

_MERGE = regex.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')


def read_xlsx(data: bytes, b: TextBuilder) -> tuple[str, list[str]]:
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken workbook
        raise DocumentError(f"not a readable XLSX ({one_line(exc)})") from None
    cells = 0
    sheets: list[tuple[str, list[list[str]], list[list[str]], list[int]]] = []
    try:
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows"):
                continue  # chartsheets
            grid: list[list[str]] = []
            row_numbers: list[int] = []
            for row in ws.iter_rows():
                values: dict[int, str] = {}
                for c in row:
                    if getattr(c, "value", None) is not None:
                        values[c.column] = format_value(c.value, getattr(c, "number_format", "General"))
                cells += len(row)
                if cells > settings.DOCUMENT_MAX_CELLS:
                    raise TooLarge(f"over {settings.DOCUMENT_MAX_CELLS:,} cells")
                if values and any(v.strip() for v in values.values()):
                    width = max(values)
                    grid.append([values.get(i, "") for i in range(1, width + 1)])
                    row_numbers.append(row[0].row if row and hasattr(row[0], "row") else len(grid))
            if not grid:
                continue
            width = max(len(r) for r in grid)
            grid = [r + [""] * (width - len(r)) for r in grid]
            sheets.append(
                (ws.title, grid, _spread_merged(grid, row_numbers, _merged_ranges(ws)), row_numbers)
            )
    finally:
        wb.close()
    b.legacy = detect_legacy("\n".join(" ".join(r) for _t, grid, _h, _n in sheets for r in grid[:200]))
    for title, grid, heads, row_numbers in sheets:
        # The sheet's name is kept in each cell's address, not in the text ("Biểu 1" is no figure).
        b.table(
            grid,
            header_grid=heads,
            sheet=title,
            address=lambda r, c, nums=row_numbers, t=title: f"{t}!{get_column_letter(c + 1)}{nums[r]}",
        )
    return "parsed", []


def format_value(v: object, number_format: str = "General") -> str:
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        d = Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
        if "%" in (number_format or ""):
            d *= 100
            return _vn_number(d) + "%"
        return _vn_number(d)
    if isinstance(v, datetime):
        return v.strftime("%d/%m/%Y") if v.time() == dtime() else v.strftime("%d/%m/%Y %H:%M")
    if isinstance(v, date):
        return v.strftime("%d/%m/%Y")
    return str(v)


def _vn_number(d: Decimal) -> str:
    """102669 → "102.669"; 98.2 → "98,2"; 12345.5 → "12.345,5" (at most 6 decimals, no float noise).
    Four-digit whole numbers stay ungrouped ("2017", "1234"): a year in a cell reads as a year."""
    d = round(d, 6).normalize()
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".") if int(whole) >= 10_000 else str(int(whole))
    return sign + groups + ("," + frac if frac else "")


def _merged_ranges(ws) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of each merged range, read from the sheet XML in chunks."""
    from openpyxl.utils import column_index_from_string

    try:
        source = ws._get_source()  # the sheet's XML stream (read-only worksheets keep it private)
    except Exception:  # noqa: BLE001
        return []
    out: list[tuple[int, int, int, int]] = []
    tail = b""
    with source:
        while chunk := source.read(1 << 20):
            buf = tail + chunk
            last = 0
            for m in _MERGE.finditer(buf):
                out.append(
                    (
                        int(m.group(2)),
                        column_index_from_string(m.group(1).decode()),
                        int(m.group(4)),
                        column_index_from_string(m.group(3).decode()),
                    )
                )
                last = m.end()
            tail = buf[max(last, len(buf) - 64) :]
    return out


def _spread_merged(grid: list[list[str]], row_numbers: list[int], merged) -> list[list[str]]:
    """A copy of `grid` where each merged range's top-left text fills the whole range."""
    if not merged:
        return grid
    import bisect

    heads = [list(r) for r in grid]
    for r0, c0, r1, c1 in merged:
        lo, hi = bisect.bisect_left(row_numbers, r0), bisect.bisect_right(row_numbers, r1)
        if lo >= hi or row_numbers[lo] != r0 or c0 - 1 >= len(grid[lo]):
            continue
        text = grid[lo][c0 - 1]
        for i in range(lo, hi):
            for c in range(c0 - 1, min(c1, len(heads[i]))):
                heads[i][c] = heads[i][c] or text
    return heads
