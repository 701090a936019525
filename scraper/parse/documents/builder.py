"""Document text built piece by piece, remembering where every page and table cell lands.

All readers (PDF, DOCX, XLSX) feed paragraphs and tables here, so the text layout and the offsets
are the same for every format: paragraphs are lines; a table is one line per row with cells joined
by " | " (as HTML tables in articles).  Legacy-font text (TCVN3/VNI) is converted and every piece is
NFC-cleaned before it is placed, so offsets index the final text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from ... import settings
from ...errors import TooLarge
from ...legacy import convert_legacy
from ...text import clean_text
from .model import Cell, Page

__all__ = ["TextBuilder", "header_row_count", "row_label"]

SEP = " | "
_NUMERIC = regex.compile(r"[-+(]?\d[\d.,\s]*%?\)?")
_ORDINAL = regex.compile(r"(?:[IVXLC]+|[a-zđ]|\d+)[.)]?", regex.I)
_UNIT_NOTE = regex.compile(r"\bĐơn vị(?: tính)?\s*[:：]\s*([^;()\n]{1,40})", regex.I)


_YEAR = regex.compile(r"(?:19|20)\d\d")


def _numeric(cell: str) -> bool:
    """A number cell (not a year: "2017" over a column is a header)."""
    c = cell.strip()
    return bool(c) and _NUMERIC.fullmatch(c) is not None and _YEAR.fullmatch(c) is None


def header_row_count(rows: Sequence[Sequence[str]], flagged: int = 0, max_rows: int = 4) -> int:
    """Leading rows that hold no number: the table's header (at least the rows the file flags)."""
    n = 0
    for row in rows[:max_rows]:
        texts = [c for c in row if c]
        if not texts or any(_numeric(c) for c in texts):
            break
        n += 1
    n = max(n, flagged)
    return n if n < len(rows) else max(0, flagged if flagged < len(rows) else 0)


def row_label(row: Sequence[str]) -> str:
    """The row's name: its first text cell that is not an ordinal ("1", "II", "a)") or a number."""
    for c in row:
        c = c.strip()
        if c and not _ORDINAL.fullmatch(c) and not _numeric(c):
            return c
    return ""


class TextBuilder:
    def __init__(self, legacy: str | None = None, max_chars: int = settings.DOCUMENT_MAX_CHARS) -> None:
        self.legacy = legacy  # 'tcvn3' | 'vni' | None: convert pieces from this font encoding
        self.max_chars = max_chars
        self.parts: list[str] = []
        self.pos = 0
        self.pages: list[Page] = []
        self.cells: list[Cell] = []
        self.tables = 0
        self._page_start: int | None = None
        self._recent: list[str] = []  # the last lines, for a table's "Đơn vị tính: …" note

    def clean(self, text: str) -> str:
        if self.legacy and not text.isascii():
            text = convert_legacy(text, self.legacy)
        return clean_text(text)

    def cell(self, text: str | None) -> str:
        """A cell's text on one line (its paragraphs joined by a space)."""
        return self.clean(" ".join(text.split("\n"))) if text else ""

    def _put(self, line: str) -> None:
        if self.pos + len(line) + 1 > self.max_chars:
            raise TooLarge(f"document text over {self.max_chars:,} characters")
        self.parts.append(line)
        self.parts.append("\n")
        self.pos += len(line) + 1

    def paragraph(self, text: str, *, reflow: bool = False) -> None:
        """Lines of text; with `reflow` (PDF) a line wrapped mid-sentence is joined to the next."""
        lines = text.splitlines()
        if reflow:
            lines = _reflow(lines)
        for raw in lines:
            line = self.clean(raw)
            if line:
                self._put(line)
                self._recent = (self._recent + [line])[-2:]

    def begin_page(self) -> None:
        self._page_start = self.pos

    def end_page(self) -> None:
        start = self._page_start if self._page_start is not None else self.pos
        self.pages.append(Page(number=len(self.pages) + 1, start=start, end=max(start, self.pos - 1)))
        self._page_start = None

    def table(
        self,
        grid: Sequence[Sequence[str]],
        *,
        header_grid: Sequence[Sequence[str]] | None = None,
        flagged_headers: int = 0,
        address: Callable[[int, int], str] | None = None,
        page: int | None = None,
        sheet: str | None = None,
    ) -> None:
        """One table: `grid` holds each cell's text where it is shown (merged cells once),
        `header_grid` (default `grid`) the texts a header spreads over the columns it spans."""
        rows = [[self.cell(c) for c in r] for r in grid]
        heads = [[self.cell(c) for c in r] for r in header_grid] if header_grid is not None else rows
        if not any(any(r) for r in rows):
            return
        n_head = header_row_count(rows, flagged_headers)
        note = next((m.group(0) for line in self._recent if (m := _UNIT_NOTE.search(line))), None)
        index = self.tables
        self.tables += 1
        address = address or (lambda r, c: f"r{r + 1}c{c + 1}")
        for r_i, row in enumerate(rows):
            if not any(row):
                continue
            label = row_label(row) if r_i >= n_head else ""
            col_pos = self.pos
            for c_i, text in enumerate(row):
                if r_i >= n_head and text:
                    headers = _column_headers(heads, n_head, c_i)
                    if note:
                        headers.insert(0, note)
                    self.cells.append(
                        Cell(
                            table=index,
                            row=r_i,
                            column=c_i,
                            start=col_pos,
                            end=col_pos + len(text),
                            address=address(r_i, c_i),
                            row_label=label,
                            headers=headers,
                            page=page,
                            sheet=sheet,
                        )
                    )
                col_pos += len(text) + len(SEP)
            self._put(SEP.join(row))
        self._recent = []

    def text(self) -> str:
        return "".join(self.parts)


_ENDS_SENTENCE = regex.compile(r"[.!?:;…]\s*$")
_CONTINUES = regex.compile(r"^\s*[\p{Ll}\d(%,]")


def _reflow(lines: list[str]) -> list[str]:
    """Join layout line breaks: a line that does not end a sentence, followed by one that starts in
    lower case, a digit or a bracket, is the same paragraph (PDF text keeps every visual line)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and not _ENDS_SENTENCE.search(out[-1]) and _CONTINUES.match(line):
            out[-1] = out[-1].rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    return out


def _column_headers(heads: Sequence[Sequence[str]], n_head: int, column: int) -> list[str]:
    out: list[str] = []
    for r in heads[:n_head]:
        h = r[column] if column < len(r) else ""
        if h and (not out or out[-1] != h):
            out.append(h)
    return out
