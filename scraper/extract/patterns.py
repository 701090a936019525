"""Regex building blocks shared by the extract stages (scanner, meaning, periods): the scanning front end.

Instead of one scan of the whole text per pattern, a text is read once for the words the stages anchor
on (`LEXICON`, one Aho–Corasick pass) and once for its runs of digits (`digit_runs`); a pattern is then
tried only at the offsets where it can start (`finditer_at`: exactly the matches a scan finds).  The
words before a number are read backwards from it (`Suffix`), the words after it only when the next
character can begin one of them (`Lead`).  tests/test_extract_centre.py checks each shortcut against
the plain scan it replaces."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import ahocorasick
import regex

from .. import settings
from ..text import HOLD

__all__ = [
    "LEXICON",
    "LETTER",
    "Lead",
    "LeadSet",
    "Lexicon",
    "Suffix",
    "Words",
    "alt",
    "digit_runs",
    "finditer_at",
    "lead_char",
    "match_near",
    "next_non_space",
    "reach_of",
    "starts_of",
]

LETTER = r"\p{L}\p{M}"  # inside a character class: a letter or a combining mark
REGEX_PATTERN = regex.Pattern  # `regex`'s patterns, which take `concurrent` (`HOLD`)


def alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces flexible."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_DIGITS = regex.compile(r"\d+")


@lru_cache(maxsize=2)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every run of digits in `text`: where number-led patterns can start (one scan,
    shared by the stages that read the same text)."""
    return tuple(m.span() for m in _DIGITS.finditer(text, 0, None, False, HOLD))


def next_non_space(text: str, pos: int) -> str:
    """The first character at or after `pos` that is not white space ("" at the end).  `str.isspace` holds
    for every character `\\s` matches, so a pattern reading "\\s*X" at `pos` can only read X as this one."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos] if pos < n else ""


class Words:
    """Where the words of a vocabulary occur in a text: one Aho–Corasick pass, every occurrence
    (overlapping ones too), so a pattern that must start with one of them is tried only there."""

    __slots__ = ("_automaton",)

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for w in set(words):
            self._automaton.add_word(w, (w, len(w) - 1))  # a word and how far its start lies before its end
        self._automaton.make_automaton()

    def occurrences(self, text: str) -> dict[str, list[int]]:
        """{word: sorted start offsets} for every word that occurs in `text`."""
        out: dict[str, list[int]] = {}
        for end, (w, back) in self._automaton.iter(text):
            found = out.get(w)
            if found is None:
                out[w] = [end - back]
            else:
                found.append(end - back)
        return out

    def starts(self, text: str, lo: int = 0, hi: int | None = None) -> list[int]:
        """Sorted start offsets of every occurrence in text[lo:hi] (offsets index `text`)."""
        hi = len(text) if hi is None else hi
        # pyahocorasick reads the whole string it is given: pass the slice, so a page stays linear
        chunk = text if lo == 0 and hi == len(text) else text[lo:hi]
        return sorted({lo + end - back for end, (_w, back) in self._automaton.iter(chunk)})


class Lexicon:
    """The words every stage anchors its patterns on (spelled numbers, period words, non-figure
    triggers, indicator heads …), found in one Aho–Corasick pass over a lower-cased text.

    Stages `register` their words when their module is imported; `occurrences(lowered)` is then one
    pass per text, shared by the stages that read it (the last two texts are kept)."""

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._reader: Words | None = None

    def register(self, words: Iterable[str]) -> tuple[str, ...]:
        new = set(words)
        if not new <= self._words:
            self._words |= new
            self._reader = None
            self._occurrences.cache_clear()
        return tuple(sorted(new))

    def occurrences(self, lowered: str) -> dict[str, list[int]]:
        """{word: sorted start offsets} of every registered word in `lowered` (do not modify it)."""
        return self._occurrences(lowered)

    @lru_cache(maxsize=2)  # noqa: B019 - one lexicon for the process
    def _occurrences(self, lowered: str) -> dict[str, list[int]]:
        if self._reader is None:
            self._reader = Words(self._words)
        return self._reader.occurrences(lowered)


LEXICON = Lexicon()


def starts_of(occ: dict[str, list[int]], words: Iterable[str]) -> list[int]:
    """Sorted offsets where any of `words` occurs, from a `Lexicon.occurrences` answer."""
    return sorted({p for w in words for p in occ.get(w, ())})


def finditer_at(
    pattern: regex.Pattern[str],
    text: str,
    starts: Sequence[int],
    pos: int = 0,
    endpos: int | None = None,
    reach: int | None = None,
) -> list[regex.Match[str]]:
    """The matches `pattern.finditer(text, pos, endpos)` finds, tried only at `starts` (sorted offsets
    that include every position where a match can begin), for a pattern that never matches empty.

    A failed try costs one anchored match instead of a scan of the whole text; lookbehinds still see
    the text before each start, as in a search.  (A list, not a generator: cheaper to read in full.)

    `reach`: no match (with what its lookaheads read) runs further than this from its start.  A try then
    sees that much text only: `regex` looks for a character every match must hold ("tháng" in a date)
    through all the text a try is given, so a try given the rest of a long text costs its length."""
    out = []
    last = pos
    match = pattern.match
    end = len(text) if endpos is None else endpos
    if type(pattern) is not REGEX_PATTERN:  # the standard library's engine: no `concurrent` to pass
        for s in starts:
            if s >= last and (m := match(text, s, end if reach is None else min(end, s + reach))) is not None:
                out.append(m)
                last = m.end()
        return out
    for s in starts:
        stop = end if reach is None else min(end, s + reach)
        if s >= last and (m := match(text, s, stop, HOLD)) is not None:
            out.append(m)
            last = m.end()
    return out


def match_near(pattern: regex.Pattern[str], text: str, pos: int) -> regex.Match[str] | None:
    """`pattern.match(text, pos)` for a pattern whose matches (with what their lookaheads read) stay
    within settings.MATCH_REACH_CHARS of `pos`: the try reads no further (see `finditer_at`'s `reach`)."""
    return pattern.match(text, pos, min(len(text), pos + settings.MATCH_REACH_CHARS), HOLD)


class Lead:
    """A pattern matched at the start of a text ("\\s*" then one of a few words) read fast: a text whose
    first two non-space characters cannot begin any of the words is rejected without running the pattern
    (a word of one character, or spaced after its first, by its first character alone).

    `str.isspace` covers every character `\\s` matches, so the characters checked are the ones the
    pattern would have to match first; `casefold` keeps it a superset of what IGNORECASE matches."""

    __slots__ = ("pattern", "pairs", "firsts")

    def __init__(self, pattern: regex.Pattern[str], words: Iterable[str]) -> None:
        self.pattern = pattern
        words = tuple(words)
        self.pairs = frozenset(lead_char(w) for w in words if len(w) >= 2 and not w[1].isspace())
        self.firsts = frozenset(w[:1].casefold()[:1] for w in words if len(w) < 2 or w[1].isspace())

    def match(self, text: str, first: str | None = None) -> regex.Match[str] | None:
        """`pattern.match(text)`; `first` is `lead_char(text)` when the caller tries several leads."""
        if first is None:
            first = lead_char(text)
        if first in self.pairs or first[:1] in self.firsts:
            return self.pattern.match(text, 0, None, HOLD)
        return None


class LeadSet:
    """Several `Lead`s tried on the same text: which of them can match it, as one bitmask read with two
    dict lookups (`may`) instead of one call per lead.  A lead's bit is set exactly when its own `match`
    would run its pattern; the caller then runs `lead.pattern.match(text)` for the set bits it needs."""

    __slots__ = ("bits", "_by_pair", "_by_first")

    def __init__(self, leads: dict[str, Lead]) -> None:
        self.bits = {name: 1 << i for i, name in enumerate(leads)}
        self._by_pair: dict[str, int] = {}
        self._by_first: dict[str, int] = {}
        for name, lead in leads.items():
            for pair in lead.pairs:
                self._by_pair[pair] = self._by_pair.get(pair, 0) | self.bits[name]
            for first in lead.firsts:
                self._by_first[first] = self._by_first.get(first, 0) | self.bits[name]

    def may(self, first: str) -> int:
        """The bits of the leads whose `match(text, first)` would try their pattern (`first`: `lead_char`)."""
        return self._by_pair.get(first, 0) | self._by_first.get(first[:1], 0)


def lead_char(text: str) -> str:
    """What a `Lead` checks: the first two non-space characters, case-folded (computed once per text)."""
    return text.lstrip()[:2].casefold()[:2]


class Suffix:
    """An end-anchored pattern ("…\\s*$": the words right before a number) read fast.

    Searching forwards tries every start position; a backwards (regex.REVERSE) match is anchored at the
    end, the only place such a match can end, so a text with no match is rejected at once.  (`$` also
    matches before a final newline: a text ending in one is searched backwards from every position.)
    When there is a match it is read forwards, so spans and groups are exactly the forward ones; with
    `reach` (the most non-space characters a match can hold) the forward search starts where a match
    can start at the earliest instead of at the start of the text; with `words` (the most runs of
    non-space characters a match can touch) likewise, where those runs begin.  With `endings` (lower-cased:
    the last words of the phrases the pattern ends with) a text that ends otherwise is rejected at once."""

    __slots__ = ("forward", "backward", "pattern", "reach", "words", "endings", "longest", "punctuation")

    def __init__(
        self,
        pattern: regex.Pattern[str],
        reach: int | None = None,
        endings: Iterable[str] = (),
        punctuation: str = "",
        words: int | None = None,
    ) -> None:
        self.forward = pattern
        self.backward = regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)
        self.pattern = pattern.pattern
        self.reach = reach
        self.words = words
        self.endings = tuple(sorted({w.split()[-1].lower() for w in endings}))
        self.longest = max(map(len, self.endings), default=0)
        self.punctuation = punctuation  # may follow the last phrase ("Mã số:"), with spaces around

    def matches(self, text: str, *span: int) -> bool:
        """Whether the pattern matches anywhere in `text` (or in its `span`)."""
        lo = span[0] if span else 0
        end = span[1] if len(span) > 1 else len(text)
        if self.endings and not self._may_end(text, lo, end):
            return False
        if text.endswith("\n", 0, end):
            return self.backward.search(text, lo, end, HOLD) is not None
        return self.backward.match(text, lo, end, HOLD) is not None

    def _may_end(self, text: str, lo: int, end: int) -> bool:
        # Trailing `\\s` characters are all `str.isspace`: a match leaves the ending last after rstrip.
        last = _LAST_TAIL
        if last[0] is not text or last[1] != lo or last[2] != end:
            tail = text[max(lo, end - 64) : end].rstrip()
            last[:] = text, lo, end, tail, tail.lower()
        tail, lowered = last[3], last[4]
        if self.punctuation:  # lower-casing neither makes nor changes punctuation and spaces
            tail = tail.rstrip(self.punctuation).rstrip()
            lowered = lowered.rstrip(self.punctuation).rstrip()
        if len(tail) < self.longest and end - 64 > lo:
            return True  # the last word may begin before the window (a long run of spaces)
        return lowered.endswith(self.endings)

    def search(self, text: str, *span: int) -> regex.Match[str] | None:
        if not self.matches(text, *span):
            return None
        lo = span[0] if span else 0
        end = span[1] if len(span) > 1 else len(text)
        if self.reach is None and self.words is None:
            return self.forward.search(text, lo, end, HOLD)
        if self.reach is None:
            return self.forward.search(text, _earliest_word(text, lo, end, self.words), end, HOLD)
        return self.forward.search(text, _earliest_start(text, lo, end, self.reach), end, HOLD)

    def sub(self, repl: str, text: str) -> str:
        """`pattern.sub(repl, text)`: an end-anchored match is the only one, found by `search`."""
        if not self.matches(text):
            return text
        if self.reach is None:
            return self.forward.sub(repl, text)
        m = self.forward.search(text, _earliest_start(text, 0, len(text), self.reach))
        return text[: m.start()] + m.expand(repl) + text[m.end() :] if m else text


# (text, lo, end, its stripped end, the same lower-cased) of the last text a `Suffix` read: the patterns
# tried on the words before one number read the same text, so it is cut and lower-cased once.  The text
# is held, so an `is` test cannot mistake another string for it.
_LAST_TAIL: list = [None, -1, -1, "", ""]


def _earliest_word(text: str, lo: int, end: int, words: int) -> int:
    """The first offset from which text[x:end] touches at most `words` runs of non-space characters:
    just after the end of the run before them (`str.isspace` covers every character `\\s` matches)."""
    head = text[lo:end].rsplit(None, words)
    return lo + len(head[0]) if len(head) > words else lo


def _earliest_start(text: str, lo: int, end: int, reach: int) -> int:
    """The first offset from which text[x:end] holds at most `reach` non-space characters.

    `str.isspace` is true of every character `\\s` matches, so no match ending at `end` starts before."""
    seen = 0
    for i in range(end - 1, lo - 1, -1):
        if not text[i].isspace():
            seen += 1
            if seen > reach:
                return i + 1
    return lo


def reach_of(words: Iterable[str], boundary: int = 1) -> int:
    """The most non-space characters a match of `boundary` characters and one of `words` can hold."""
    return boundary + max(len("".join(w.split())) for w in words)
