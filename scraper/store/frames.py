"""The dataset as pandas DataFrames, for notebooks: `articles, figures = scraper.open_dataset("output")`.

pandas is optional (`pip install 'vn-gov-figures[pandas]'`); without it `open_dataset` raises a
`MissingDependency` that says so.  `figures` carries its article's title, published date, site and
category next to each figure; `value` stays the exact decimal string, `value_num` is the float.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from ..errors import MissingDependency
from .dataset import Dataset

__all__ = ["DatasetFrames", "open_dataset"]

ARTICLE_FIELDS_ON_FIGURES = ("title", "published", "site", "category")


class DatasetFrames(NamedTuple):
    articles: Any  # pandas.DataFrame, one row per article
    figures: Any  # pandas.DataFrame, one row per figure, with its article's fields joined


def open_dataset(out_dir: str | os.PathLike[str] = "output") -> DatasetFrames:
    """Read DIR/dataset.sqlite into DataFrames (DatasetError if DIR holds no dataset)."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependency("open_dataset needs pandas: pip install 'vn-gov-figures[pandas]'") from None
    with Dataset(out_dir, create=False) as ds:
        articles = pd.DataFrame(list(ds.articles()))
        figures = pd.DataFrame(list(ds.figures()))
    if articles.empty:
        from .dataset import ARTICLE_COLUMNS, FIGURE_COLUMNS

        articles = pd.DataFrame(columns=list(ARTICLE_COLUMNS))
        figures = pd.DataFrame(columns=[*FIGURE_COLUMNS, *ARTICLE_FIELDS_ON_FIGURES])
        return DatasetFrames(articles, figures)
    if figures.empty:
        from .dataset import FIGURE_COLUMNS

        figures = pd.DataFrame(columns=list(FIGURE_COLUMNS))
    joined = articles[["url", *ARTICLE_FIELDS_ON_FIGURES]].rename(columns={"url": "article_url"})
    figures = figures.merge(joined, on="article_url", how="left")
    figures["value_num"] = pd.to_numeric(figures["value_num"], errors="coerce")
    return DatasetFrames(articles, figures)
