"""Figures out of Vietnamese government news and reports, as validated, traceable rows.

    >>> import scraper
    >>> [f.value for f in scraper.extract_figures("Tỷ lệ giải quyết đúng hạn là 98,2%")]
    [Decimal('98.2')]

The pipeline flows one way: fetch → parse → extract → validate → store → QA.
"""

from __future__ import annotations

from .extract import extract_figures, parse_number
from .models import Article, Attachment, Check, Figure, Table

__all__ = [
    "Article",
    "Attachment",
    "Check",
    "Figure",
    "Table",
    "extract_figures",
    "open_dataset",
    "parse_article",
    "parse_number",
]
__version__ = "0.1.0"


def parse_article(html: str | bytes, url: str | None = None, **kwargs) -> Article:
    """A portal page (HTML text or bytes) to an Article with its figures. See `scraper.parse`."""
    from .parse import parse_article as _parse

    return _parse(html, url, **kwargs)


def open_dataset(out_dir: str = "output"):  # noqa: ANN201 - pandas is optional
    """`articles, figures = scraper.open_dataset("output")`: the dataset as pandas DataFrames
    (figures joined with their article's title/published/site/category).  Needs pandas."""
    from .store.frames import open_dataset as _open

    return _open(out_dir)
