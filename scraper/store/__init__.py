"""Store stage: the embedded dataset (SQLite + JSONL/CSV/Parquet exports). All SQL lives here."""

from __future__ import annotations

from .dataset import Dataset

__all__ = ["Dataset"]
