"""Regex building blocks shared by the extract stages (scanner, meaning, periods)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["LETTER", "alt"]

LETTER = r"\p{L}\p{M}"  # inside a character class: a letter or a combining mark


def alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces flexible."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
