"""The Document record: what an attached report (PDF, DOCX, XLSX…) becomes before its figures are read.

`text` is one string; `pages` and `cells` are offset ranges into it, so a figure read from the text
knows its page and its table cell, and `text[start:end] == raw` holds for figures as for articles.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ...models import Figure

__all__ = ["Cell", "Document", "DocStatus", "Page"]

DocStatus = Literal["parsed", "needs_ocr", "unsupported", "failed"]


class Page(BaseModel):
    """Page `number` (1-based) covers `text[start:end]`."""

    number: int
    start: int
    end: int


class Cell(BaseModel):
    """One table cell whose text is `text[start:end]`.

    `table` counts tables from 0 in document order (every sheet of a workbook is one table); `row` and
    `column` are 0-based grid positions; `address` is what a reader looks up ("B7" in a sheet,
    "r3c2" in a Word or PDF table); `row_label` is the row's first text cell and `headers` the
    column's header texts from top to bottom (merged header cells repeat over the columns they span).
    """

    table: int
    row: int
    column: int
    start: int
    end: int
    address: str
    row_label: str = ""
    headers: list[str] = Field(default_factory=list)
    page: int | None = None
    sheet: str | None = None

    @property
    def header(self) -> str:
        return " / ".join(self.headers)


class Document(BaseModel):
    url: str | None = None
    article_url: str | None = None
    type: str
    status: DocStatus = "parsed"
    error: str | None = None  # one line, for failed / unsupported / needs_ocr
    sha256: str = ""
    size: int = 0
    text: str = ""
    pages: list[Page] = Field(default_factory=list)
    cells: list[Cell] = Field(default_factory=list)
    tables: int = 0
    warnings: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)

    @property
    def page_count(self) -> int | None:
        return len(self.pages) or None

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding character `offset` (binary search; pages are in order)."""
        import bisect

        i = bisect.bisect_right([p.start for p in self.pages], offset) - 1
        return self.pages[i].number if i >= 0 and offset < self.pages[i].end + 1 else None
