"""Parse stage: a portal page (bytes or text) to an Article; site profiles live in `parse.sites`."""

from __future__ import annotations

from .article import ParseError, parse_article, parse_published

__all__ = ["ParseError", "parse_article", "parse_published"]
