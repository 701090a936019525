"""A Document's text (and table cells) to figures, through the same extractor as article bodies.

Every figure keeps `doc.text[start:end] == raw`; it learns its page from the page ranges and, when it
sits in a table cell, the table number, row label, column header texts (unit and period read from
them as for HTML tables) and the cell's address.
"""

from __future__ import annotations

import bisect
from types import SimpleNamespace

import regex

from ...extract.figures import extract_figures, unit_from_label
from ...models import Figure
from .model import Cell, Document

__all__ = ["document_figures"]

_ORDINAL_COLUMN = regex.compile(r"(?:S\.?\s?TT|TT|Số\s+(?:TT|thứ\s+tự)|No\.?|#)", regex.I)


def document_figures(doc: Document, *, published: str | None = None) -> list[Figure]:
    if not doc.text:
        return []
    figures = extract_figures(doc.text, published=published)
    page_starts = [p.start for p in doc.pages]
    cells = sorted(doc.cells, key=lambda c: c.start)
    cell_starts = [c.start for c in cells]
    context = SimpleNamespace(published=published)
    kept: list[Figure] = []
    for f in figures:
        f.document_url = doc.url
        if page_starts:
            f.page = doc.pages[max(0, bisect.bisect_right(page_starts, f.start) - 1)].number
        i = bisect.bisect_right(cell_starts, f.start) - 1
        if i >= 0 and cells[i].start <= f.start and f.end <= cells[i].end:
            if cells[i].headers and _ORDINAL_COLUMN.fullmatch(cells[i].headers[-1].strip()):
                continue  # the row's number in an "STT" column is not a figure
            _in_cell(f, cells[i], context)
        kept.append(f)
    return kept


def _in_cell(f: Figure, cell: Cell, context: SimpleNamespace) -> None:
    from ..article import _cell_context  # the HTML-table reading: unit/period from headers, row = indicator

    f.table, f.cell = cell.table, cell.address
    f.row, f.column = cell.row_label or None, cell.header or None
    if cell.page is not None:
        f.page = cell.page
    _cell_context(f, cell.row_label, _unit_last(cell.headers), context)  # type: ignore[arg-type]


def _unit_last(headers: list[str]) -> str:
    """Header texts joined with the one that names a unit last (where the unit reader looks)."""
    unit = next((h for h in reversed(headers) if unit_from_label(h)), None)
    rest = [h for h in headers if h is not unit]
    return " / ".join(rest + ([unit] if unit else []))
