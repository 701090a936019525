"""A Document's text and table cells to figures, through the extraction centre's Document seam
(`scraper.extract.document.figures_in_text`), the same path as article bodies and their tables.

Every figure keeps `doc.text[start:end] == raw`; it learns its page from the page ranges and, in a
table cell, the table number, row label, column header texts (unit and period read from them as
for HTML tables) and the cell's address.  Numbers in an "STT" (row number) column are not figures.
"""

from __future__ import annotations

import bisect
import functools

import regex

from ...extract.document import Cell as SeamCell
from ...extract.document import TableRegion, figures_in_text
from ...extract.figures import unit_from_label
from ...models import Figure
from .model import Cell, Document

__all__ = ["document_figures"]

_YEAR = regex.compile(r"(?:19|20)\d\d")
_ORDINAL_COLUMN = regex.compile(r"(?:S\.?\s?TT|TT|Số\s+(?:TT|thứ\s+tự)|No\.?|#)", regex.I)


def document_figures(doc: Document, *, published: str | None = None) -> list[Figure]:
    if not doc.text:
        return []
    cells = sorted(doc.cells, key=lambda c: c.start)
    figures = figures_in_text(
        doc.text,
        cells=[
            SeamCell(
                c.start,
                c.end,
                table=c.table,
                row=c.row_label or None,
                column=_unit_last(tuple(c.headers)) or None,
            )
            for c in cells
        ],
        tables=_regions(cells),
        page_starts=[p.start for p in doc.pages],
        published=published,
    )
    starts = [c.start for c in cells]
    out: list[Figure] = []
    for f in figures:
        changes: dict = {"document_url": doc.url}
        i = bisect.bisect_right(starts, f.start) - 1
        if i >= 0 and f.end <= cells[i].end:
            cell = cells[i]
            if cell.headers and _ORDINAL_COLUMN.fullmatch(cell.headers[-1].strip()):
                continue  # the row's number in an "STT" column is not a figure
            changes.update(cell=cell.address, column=cell.header or None)
            if f.period_text and f.period_text not in cell.header:  # read from "năm 2025" we made of "2025"
                changes["period_text"] = f.period_text.removeprefix("năm ")
            if cell.page is not None:
                changes["page"] = cell.page
        out.append(f.revised(**changes))
    return out


def _regions(cells: list[Cell]) -> list[TableRegion]:
    spans: dict[int, list[int]] = {}
    for c in cells:
        lo_hi = spans.setdefault(c.table, [c.start, c.end])
        lo_hi[0], lo_hi[1] = min(lo_hi[0], c.start), max(lo_hi[1], c.end)
    return [TableRegion(t, lo, hi) for t, (lo, hi) in sorted(spans.items())]


@functools.lru_cache(maxsize=4096)  # a table's columns repeat the same headers on every row
def _unit_last(headers: tuple[str, ...]) -> str:
    """Header texts joined with the one that names a unit last (where the unit reader looks)."""
    unit = next((h for h in reversed(headers) if unit_from_label(h)), None)
    # A bare year over a column ("2025") is that year, as "năm 2025" says to the period reader.
    rest = [f"năm {h}" if _YEAR.fullmatch(h.strip()) else h for h in headers if h is not unit]
    return " / ".join(rest + ([unit] if unit else []))
