"""Extract stage: numbers, non-figure families, figures and their meaning (period, entity, relations)."""

from __future__ import annotations

from .document import Cell, TableRegion, figures_in_text
from .figures import extract_figures, scan
from .numbers import parse_number

__all__ = ["Cell", "TableRegion", "extract_figures", "figures_in_text", "parse_number", "scan"]
