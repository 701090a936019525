"""The Document seam: any text a source yields — an article body from HTML, the text of a PDF, DOCX
or XLSX — plus where its table cells and pages lie, to figures.

    from scraper.extract.document import Cell, TableRegion, figures_in_text

    figures = figures_in_text(
        text,                                    # the document's text; figure offsets index it
        tables=[TableRegion(0, 120, 480)],       # table 0 covers text[120:480]
        cells=[Cell(131, 136, table=0, row="Sở Y tế", column="Tỷ lệ (%)")],
        page_starts=[0, 2900, 6100],             # page 1 starts at 0, page 2 at 2900, … (PDF)
        published="2023-07-15",
    )

A figure inside a cell reads its meaning from the headers: the unit from "(tỷ đồng)" or "(%)"
(the value scaled accordingly and validated again, so "130" under "Tỷ lệ (%)" carries the same
warning as "130%" in prose), the indicator from the row label, the period from the column header.
A figure in a table but outside any cell (a header row) gets only `table`.  Everything is one pass
over the figures in order, so a document with a large table stays linear.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import regex

from ..models import Figure
from .context import to_date
from .figures import extract_figures, unit_from_label
from .numbers import Convention, exact_decimal
from .periods import find_periods

__all__ = ["Cell", "TableRegion", "figures_in_text"]


@dataclass(frozen=True, slots=True)
class TableRegion:
    """Table number `index` occupies text[start:end]."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cell:
    """One data cell: its text is text[start:end]; `row` is the row's label (its first cell), `column`
    the column's header text."""

    start: int
    end: int
    table: int
    row: str | None = None
    column: str | None = None


def figures_in_text(
    text: str,
    *,
    cells: Sequence[Cell] = (),
    tables: Sequence[TableRegion] = (),
    page_starts: Sequence[int] = (),
    published: date | str | None = None,
    headline: str | None = None,
    convention: Convention | None = None,
) -> list[Figure]:
    """Figures of `text` (see `extract_figures`), with table, row, column and page filled in.

    `page_starts` are the offsets where pages begin (sorted); `Figure.page` is 1-based.  Raises
    `TooLarge` like `extract_figures`."""
    figures = extract_figures(text, published=published, headline=headline, convention=convention)
    if not (cells or tables or page_starts):
        return figures
    ref = to_date(published)
    regions = sorted(tables, key=lambda r: r.start)
    region_starts = [r.start for r in regions]
    ordered = sorted(cells, key=lambda c: c.start)
    cell_starts = [c.start for c in ordered]
    pages = sorted(page_starts)
    for i, f in enumerate(figures):
        changes: dict = {}
        if pages:
            changes["page"] = max(1, bisect.bisect_right(pages, f.start))
        k = bisect.bisect_right(region_starts, f.start) - 1
        if k >= 0 and f.start < regions[k].end:
            changes["table"] = regions[k].index
        k = bisect.bisect_right(cell_starts, f.start) - 1
        if k >= 0 and f.end <= ordered[k].end + 1:
            cell = ordered[k]
            changes["table"] = cell.table
            changes.update(_cell_meaning(f, cell.row, cell.column, ref))
        if changes:
            figures[i] = f.revised(**changes)
    return figures


_TRAILING_PAREN = regex.compile(r"\s*\([^()]*\)\s*$")
_CHANGE_WORD = regex.compile(r"(?:tăng|giảm)", regex.I)


def _cell_meaning(f: Figure, row: str | None, column: str | None, ref: date | None) -> dict:
    """What a cell's headers say about its figure: unit from "(tỷ đồng)"/"(%)", measure from the row
    label, period from the column header ("Quý I/2022")."""
    changes: dict = {"row": row or None, "column": column}
    kind = f.kind
    if f.kind == "number":
        found = unit_from_label(column) or unit_from_label(row)
        if found:
            kind, unit, mult = found
            changes.update(kind=kind, unit=unit, value=exact_decimal(f.value * mult))
    if row:
        changes["indicator"] = _TRAILING_PAREN.sub("", row) or row
    if column and kind == "percent" and _CHANGE_WORD.search(column):
        lowered = column.lower()
        changes["change"] = "giảm" if "giảm" in lowered and "tăng" not in lowered else "tăng"
    periods = find_periods(column or "", ref)
    if periods and (periods[0].start or periods[0].end):
        changes.update(period_start=periods[0].start, period_end=periods[0].end, period_text=periods[0].text)
    if f.entity and f.entity in (row or ""):
        changes["entity"] = None
    return changes
