"""Regex building blocks shared by the extract stages (scanner, meaning, periods)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["LETTER", "Suffix", "alt"]

LETTER = r"\p{L}\p{M}"  # inside a character class: a letter or a combining mark


def alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces flexible."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


class Suffix:
    """An end-anchored pattern ("…\\s*$": the words right before a number) read fast.

    Searching forwards tries every start position; searching backwards (regex.REVERSE) starts at the
    end, the only place such a match can end, so a text with no match is rejected at once.  When there
    is a match it is read forwards, so spans and groups are exactly the forward ones."""

    __slots__ = ("forward", "backward", "pattern")

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.forward = pattern
        self.backward = regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)
        self.pattern = pattern.pattern

    def search(self, text: str, *span: int) -> regex.Match[str] | None:
        if self.backward.search(text, *span) is None:
            return None
        return self.forward.search(text, *span)
