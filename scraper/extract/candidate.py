"""The seam between the scanner and the meaning stage.

The scanner (`figures.scan`) reads a normalised text once and returns a `Scan`: the text, its
sentences and a `Candidate` for every number expression that is a figure (non-figure numbers —
dates, codes, phones — are already masked out).  The meaning stage (`context.annotate`) turns a
`Scan` into `Figure` records.  Neither stage reads the other's private helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..text import Normalized

__all__ = ["Candidate", "Scan"]


@dataclass(slots=True)
class Candidate:
    """What the scanner found: one number expression, what follows it and what precedes it.

    Offsets index the normalised text (`Scan.text`).  `start:end` is the figure's raw span (number,
    scale words and a unit that is part of the amount); `unit_end` is the end of the unit words,
    which for a counted noun lies past `end`.  `id` is the figure's id in its text (its position in
    reading order); relations between figures refer to it.
    """

    start: int
    end: int
    base: Decimal
    scale: Decimal
    number: str = ""  # the number as written: "102.669", "1.304/1.650", "hai mươi"
    kind: str = "number"  # kind hint from what follows: percent, money, count, …
    unit: str | None = None
    unit_end: int = 0
    denominator: Decimal | None = None
    # The prefix reading: what the words before the number say.
    qualifier: str | None = None
    change: str | None = None
    baseline: str | None = None
    prior_period: bool = False
    ambiguous: bool = False  # the reading depended on a number convention the text did not make clear
    range: str | None = None  # "low"/"high" end of a range
    id: int = -1
    warnings: list[str] = field(default_factory=list)  # what a reader should check ("15..320": a typo)

    @property
    def value(self) -> Decimal:
        return self.base * self.scale

    @property
    def reach(self) -> int:
        """End of everything the scanner read for this figure (raw plus a counted noun)."""
        return max(self.end, self.unit_end)


@dataclass(slots=True)
class Scan:
    """One text as the scanner left it: normalised text with its offset map, sentences, candidates."""

    original: str
    norm: Normalized
    sentences: list[tuple[int, int]]
    candidates: list[Candidate] = field(default_factory=list)
    lowered: str | None = None  # `text.lower()` when that keeps the offsets (the same length), else None

    @property
    def text(self) -> str:
        return self.norm.text
