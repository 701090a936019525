"""Extract stage: numbers, non-figure families, figures and their meaning (period, entity, relations)."""

from __future__ import annotations

from .figures import extract_figures
from .numbers import parse_number

__all__ = ["extract_figures", "parse_number"]
