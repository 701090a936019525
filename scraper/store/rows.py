"""An article as the rows the store writes, built where the article was parsed (a worker process).

Workers turn each parsed `Article` into an `ArticleRows` (plain tuples and strings, cheap to pickle);
the parent passes batches of them to `Dataset.store_rows`, one transaction per batch.  The version
number and, on re-extraction, the URL the article is already stored under are the store's to decide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..models import Article, Figure

__all__ = ["ArticleRows", "article_rows", "ARTICLE_COLUMNS", "FIGURE_COLUMNS", "JSON_ARTICLE_COLUMNS"]

ARTICLE_COLUMNS = (
    "url",
    "id",
    "site",
    "platform",
    "title",
    "published",
    "author",
    "category",
    "views",
    "summary",
    "body_text",
    "language",
    "fetched_at",
    "archive_url",
    "captured_at",
    "content_hash",
    "version",
    "tables",
    "attachments",
    "warnings",
)
FIGURE_COLUMNS = (
    "article_url",
    "article_id",
    "index",
    "value",
    "value_num",
    "kind",
    "unit",
    "raw",
    "start",
    "end",
    "qualifier",
    "sentence",
    "indicator",
    "entity",
    "period_start",
    "period_end",
    "period_text",
    "estimate",
    "change",
    "baseline",
    "denominator",
    "range",
    "part_of",
    "computed_from",
    "ambiguous",
    "prior_period",
    "verb",
    "table",
    "row",
    "column",
    "warnings",
    "document_url",
    "page",
    "cell",
)
JSON_ARTICLE_COLUMNS = ("tables", "attachments", "warnings")


@dataclass(frozen=True)
class ArticleRows:
    """One article's `articles` row (column → value, `version` left to the store) and `figures` rows."""

    id: str
    url: str
    content_hash: str
    article: dict[str, Any]
    figures: tuple[tuple[Any, ...], ...]

    def article_values(self, version: int) -> tuple[Any, ...]:
        return tuple(version if c == "version" else self.article.get(c) for c in ARTICLE_COLUMNS)

    def figure_values(self, url: str) -> list[tuple[Any, ...]]:
        """The figure rows under the URL the article is stored at."""
        return [(url, *f[1:]) for f in self.figures]


def article_rows(a: Article) -> ArticleRows:
    url = a.url or a.id
    d = a.model_dump(mode="json", exclude={"figures"})
    d["url"] = url
    row = {
        c: json.dumps(d.get(c), ensure_ascii=False) if c in JSON_ARTICLE_COLUMNS else d.get(c)
        for c in ARTICLE_COLUMNS
        if c != "version"
    }
    return ArticleRows(
        a.id, url, a.content_hash or "", row, tuple(figure_row(f, url, a.id) for f in a.figures)
    )


def figure_row(f: Figure, url: str, article_id: str) -> tuple[Any, ...]:
    d = f.model_dump(mode="json")
    d.update(article_url=url, article_id=article_id, value_num=float(f.value))
    d["computed_from"] = json.dumps(d["computed_from"]) if d["computed_from"] is not None else None
    d["warnings"] = json.dumps(d["warnings"], ensure_ascii=False) if d["warnings"] else None
    return tuple(d.get(c) for c in FIGURE_COLUMNS)
