"""QA stage: checks inside an article, comparison with official tables, and the HTML reports."""

from __future__ import annotations

from .checks import (
    OfficialTableError,
    check_article_figures,
    check_text,
    checks_report_html,
    compare_dataset,
    compare_figures,
    compare_report_html,
    dataset_conflicts,
    screenshot,
    vn_number,
)

__all__ = [
    "OfficialTableError",
    "check_article_figures",
    "check_text",
    "checks_report_html",
    "compare_dataset",
    "compare_figures",
    "compare_report_html",
    "dataset_conflicts",
    "screenshot",
    "vn_number",
]
