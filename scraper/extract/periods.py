"""Period expressions: the dates a figure covers, as a careful Vietnamese reader resolves them.

"từ 01/1 đến 31/5/2021" → 2021-01-01..2021-05-31 (the first date borrows the second's year);
"6 tháng đầu năm 2021" → 2021-01-01..2021-06-30; "quý I/2021" → Q1; "năm 2020" → the whole year;
"giai đoạn 2021 – 2030"; "hiện nay", "đến nay" → as of the article's date (no start).
Each family is a row of `_RULES`: a pattern and a function from its match to a period.
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import regex

from .. import settings
from .patterns import LEXICON, Suffix, digit_runs, finditer_at, next_non_space

__all__ = ["Period", "find_periods", "parse_period", "shift_year"]


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None
    end: date | None
    text: str
    pos: int = 0
    stop: int = 0

    @property
    def as_of(self) -> bool:
        return self.start is None and self.end is not None


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_D = r"(?P<{n}d>\d{{1,2}})\s*[/.-]\s*(?P<{n}m>\d{{1,2}})(?:\s*[/.-]\s*(?P<{n}y>\d{{4}}|\d{{2}}))?"
_DATE_A = _D.format(n="a")
_DATE_B = _D.format(n="b")
_NGAY = r"(?:ngày\s+)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _year(text: str | None, ref: date | None) -> int | None:
    if text:
        y = int(text)
        return y + 2000 if y < 100 else y
    return ref.year if ref else None


def _safe_date(y: int | None, m: int, d: int) -> date | None:
    if y is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _range(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    yb = _year(m.group("by"), ref)
    ya = _year(m.group("ay"), None) or yb
    start = _safe_date(ya, int(m.group("am")), int(m.group("ad")))
    end = _safe_date(yb, int(m.group("bm")), int(m.group("bd")))
    if start and end and start > end and not m.group("ay"):
        start = _safe_date(ya - 1, int(m.group("am")), int(m.group("ad")))  # "từ 01/12 đến 31/5/2021"
    if start is None or end is None:
        return None
    return start, end


def _as_of_date(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    end = _safe_date(_year(m.group("ay"), ref), int(m.group("am")), int(m.group("ad")))
    return (None, end) if end else None


def _months(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    n = int(m.group("n"))
    y = _year(m.group("y"), ref)
    if y is None or not 1 <= n <= 12:
        return None
    if (m.group("part") or "").lower().startswith("cuối"):
        return date(y, 13 - n, 1), date(y, 12, 31)
    return date(y, 1, 1), _month_end(y, n)


def _quarter(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    q = _ROMAN[m.group("q").lower()]
    y = _year(m.group("y"), ref)
    if y is None:
        return None
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _month(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    mo = int(m.group("mo"))
    y = _year(m.group("y"), ref)
    if y is None or not 1 <= mo <= 12:
        return None
    return date(y, mo, 1), _month_end(y, mo)


def _whole_year(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    y = int(m.group("y"))
    return date(y, 1, 1), date(y, 12, 31)


def _years(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    a = int(m.group("y"))
    b = int(m.group("y2"))
    if b < 100:
        b += a // 100 * 100
    if b < a:
        return None
    return date(a, 1, 1), date(b, 12, 31)


def _now(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    return None, ref


def _since_year_start(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    y = _year(m.groupdict().get("y"), ref)
    if y is None:
        return None
    return date(y, 1, 1), ref


def _full_date(m: regex.Match[str], ref: date | None) -> tuple[date | None, date | None] | None:
    d = _safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return (None, d) if d else None


_Rule = tuple[str, Callable[[regex.Match[str], date | None], tuple[date | None, date | None] | None]]

# Longest, most specific first; a later rule never matches inside an earlier one's span.
_RULES: tuple[_Rule, ...] = (
    (rf"(?:từ\s+)?{_NGAY}{_DATE_A}\s*(?:-|–|đến|tới)\s*{_NGAY}{_DATE_B}", _range),
    (
        rf"(?:từ\s+)?đầu\s+năm(?:\s+{_YEAR})?\s+(?:đến|tới)\s+(?:nay"
        rf"|thời\s+điểm\s+(?:hiện\s+tại|này)|"
        rf"hiện\s+tại)",
        _since_year_start,
    ),
    (
        rf"(?:tính\s+)?(?:đến"
        rf"|tới)\s+{_NGAY}(?P<d>\d{{1,2}})\s+tháng\s+(?P<mo>\d{{1,2}})\s+năm\s+{_YEAR}",
        _full_date,
    ),
    (rf"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?{_NGAY}{_DATE_A}", _as_of_date),
    (
        rf"(?P<n>\d{{1,2}})\s+tháng(?:\s+(?:(?P<part>đầu"
        rf"|cuối)\s+)?(?:năm\s*)?(?:{_YEAR})?)?(?=[\s,.;:)]|$)",
        _months,
    ),
    (rf"quý\s+(?P<q>IV|I{{1,3}}|[1-4])(?:\s*(?:/|-|năm)\s*{_YEAR})?", _quarter),
    (rf"tháng\s+(?P<mo>\d{{1,2}})(?:\s*(?:/|-|năm)\s*{_YEAR})?(?!\s*[/.-]?\s*\d)", _month),
    (
        rf"(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|từ\s+năm|năm\s+học|niên\s+khóa"
        rf"|năm)\s+{_YEAR}\s*(?:-|–|—|"
        rf"đến|tới)\s*(?:năm\s+)?(?P<y2>(?:19|20)?\d{{2}}(?:\d{{2}})?)(?!\d)",
        _years,
    ),
    (rf"năm\s+{_YEAR}(?!\s*[-–]\s*\d)", _whole_year),
    (
        r"(?:hiện\s+nay|hiện\s+tại|đến\s+nay|tới\s+nay|tính\s+đến\s+nay"
        r"|đến\s+thời\s+điểm\s+(?:hiện\s+tại|"
        r"này)|tính\s+đến\s+thời\s+điểm\s+hiện\s+tại|lũy\s+kế\s+đến\s+nay)",
        _now,
    ),
    (r"năm\s+nay", lambda m, ref: (date(ref.year, 1, 1), date(ref.year, 12, 31)) if ref else None),
)
_COMPILED = tuple((regex.compile(rf"(?<![\p{{L}}\d]){p}", regex.I), fn) for p, fn in _RULES)
# The same rules for lower-cased text: case-sensitive matching is several times faster than IGNORECASE.
_LOWER_RULES = tuple(
    (regex.compile(rf"(?<![\p{{L}}\d]){p.replace('IV|I{1,3}', 'iv|i{1,3}')}"), fn) for p, fn in _RULES
)

# Where each rule (of `_LOWER_RULES`) can start in the lower-cased text: at one of its first words, or
# "before tháng": at the number before "tháng"; "d/m": where a day/month can start (a run of one or
# two digits followed by "/", "." or "-").  Each rule is then
# tried only there, which finds exactly what a scan of the whole text finds.
_RULE_STARTS: tuple[tuple[str, ...], ...] = (
    ("từ", "ngày", "d/m"),
    ("từ", "đầu"),
    ("tính", "đến", "tới"),
    ("tính", "đến", "tới"),
    ("before tháng",),
    ("quý",),
    ("tháng",),
    ("giai", "nhiệm", "thời", "từ", "năm", "niên"),
    ("năm",),
    ("hiện", "đến", "tới", "tính", "lũy"),
    ("năm",),
)
LEXICON.register(w for words in _RULE_STARTS for w in words if " " not in w and w != "d/m")


def _separated(text: str, pos: int) -> bool:
    """Whether the next character at or after `pos` that is not white space is "/", "." or "-"."""
    c = next_non_space(text, pos)
    return bool(c) and c in "/.-"


def _rule_starts(lowered: str) -> list[list[int]]:
    """For each rule, the sorted offsets of `lowered` where it may match (lists to read, not to change)."""
    occ = LEXICON.occurrences(lowered)  # shared: read, never changed
    before = []
    for p in occ.get("tháng", ()):
        j = p - 1
        while j > 0 and lowered[j].isspace():
            j -= 1
        before += [j - 1, j]  # "6 tháng", "12 tháng"
    # a day or month starts a date only when a separator follows it: "15/6", "15 - 6"
    day_month = [s for s, e in digit_runs(lowered) if e - s <= 2 and _separated(lowered, e)]
    own = {"d/m": day_month, "before tháng": before}
    merged: dict[tuple[str, ...], list[int]] = {}  # rules that start at the same words share one list
    for words in _RULE_STARTS:
        if words not in merged:
            found = [own[w] if w in own else occ[w] for w in words if w in own or w in occ]
            if len(found) == 1 and words[0] != "before tháng":
                merged[words] = found[0]  # one word's offsets: sorted and distinct already (read only)
            else:
                merged[words] = sorted({p for f in found for p in f})
    return [merged[words] for words in _RULE_STARTS]


# A date inside a reference to a document ("Quyết định số 3603/QĐ-UBND ngày 30/11/2020") dates the
# document, not the figures.
_DOC_REF = regex.compile(
    r"(?:\d+/[\p{Lu}Đ][\p{L}\d-]*|số\s+\d+[\w/-]*)\s*,?\s*(?:ngày|ký\s+ngày)?\s*$", regex.I
)


def _dates_a_document(text: str, pos: int) -> bool:
    """Whether the words before `pos` are a document reference (`_DOC_REF`). Every match holds "/" or "số"
    (as "số", "SỐ" … lower-case, or with "ſ", the one other letter folding to "s"): a window holding
    neither is passed over without reading it backwards."""
    lo = max(0, pos - 40)
    window = text[lo:pos]
    if "/" not in window and "số" not in window.lower() and "ſ" not in window:
        return False
    return _DOC_REF.matches(text, lo, pos)


# "tăng 8,52% so với năm 2022": the year compared against, not the figure's period.
_BASELINE_BEFORE = regex.compile(r"(?:so\s+với|so\s+cùng\s+kỳ|so)\s*(?:cùng\s+kỳ\s*)?$", regex.I)


def find_periods(text: str, ref: date | None = None, *, lowered: str | None = None) -> list[Period]:
    """All period mentions in `text`, in order, resolved against the reference (article) date.

    Rules run in order of precedence; a span taken by an earlier rule blocks later ones.  The taken
    spans never overlap, so they stay a sorted list that a bisect checks: linear in the text.
    `lowered` is `text.lower()` when the caller has it already."""
    taken: list[tuple[int, int]] = []  # sorted, disjoint
    found: list[Period] = []
    lowered = text.lower() if lowered is None else lowered
    same = len(lowered) == len(text)
    rules, scanned = (_LOWER_RULES, lowered) if same else (_COMPILED, text)
    rule_starts = _rule_starts(lowered) if same else None
    for i, (pattern, fn) in enumerate(rules):
        starts = [s for s, _ in taken]
        new: list[tuple[int, int]] = []
        found_by = (
            pattern.finditer(scanned)
            if rule_starts is None
            else finditer_at(pattern, scanned, rule_starts[i], reach=settings.MATCH_REACH_CHARS)
        )
        for m in found_by:
            s, e = m.span()
            k = bisect.bisect_left(starts, e) - 1  # the last taken span starting before e
            if k >= 0 and taken[k][1] > s:
                continue
            new.append((s, e))
            if _dates_a_document(text, s) or _BASELINE_BEFORE.matches(text, max(0, s - 30), s):
                continue
            resolved = fn(m, ref)
            if resolved is None:
                if fn is _now:
                    found.append(Period(None, None, text[s:e], s, e))
                continue
            found.append(Period(resolved[0], resolved[1], " ".join(text[s:e].split()), s, e))
        if new:
            taken = sorted(taken + new)
    found.sort(key=lambda p: p.pos)
    return found


def parse_period(text: str, ref: date | None = None) -> Period | None:
    """The first period stated in `text` ("quý I/2021", "6 tháng đầu năm 2021"), or None."""
    periods = find_periods(text, ref)
    return periods[0] if periods else None


def shift_year(p: Period, years: int = -1) -> Period:
    """The same period a year earlier: what "cùng kỳ" refers to."""

    def sh(d: date | None) -> date | None:
        if d is None:
            return None
        try:
            return d.replace(year=d.year + years)
        except ValueError:  # 29 February
            return d.replace(year=d.year + years, day=28)

    return Period(sh(p.start), sh(p.end), p.text, p.pos, p.stop)


# "… so với", "… so cùng kỳ", "… số 12/QĐ-UBND ngày": read backwards, and only when the words
# before end so (see `patterns.Suffix`).
SUFFIX_PATTERNS = ("_BASELINE_BEFORE", "_DOC_REF")
_BASELINE_BEFORE = Suffix(_BASELINE_BEFORE, endings=("với", "kỳ", "so"))  # type: ignore[assignment]
_DOC_REF = Suffix(_DOC_REF)  # type: ignore[assignment]
