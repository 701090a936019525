"""Figures out of Vietnamese prose: "102.669 hồ sơ", "98,2%", "ước đạt 1.330 nghìn tỷ đồng".

`extract_figures(text)` is a pure function: text in, `Figure` records out, every one carrying the
exact span it was read from (`text[start:end] == raw`).  The stages inside are small and named:

1. normalise (NFC, NBSP, zero-width) keeping a map back to the caller's offsets;
2. mask the numbers that are not figures (`nonfigures.py`: codes, dates, phones, …);
3. find number expressions (digits with scale words, spelled numbers, a/b);
4. read what follows (unit → kind) and what precedes (labels, ranks, qualifiers, changes);
5. link figures to each other (ranges, units carried along an enumeration);
6. give each its meaning (`context.py`: indicator, entity, period, parts and rates).

`raw` covers the number, its scale words and a unit that is part of the amount ("98,2%",
"3.500 tỷ đồng", "12 ha"); a counted noun is reported in `unit` but not included in `raw`
("102.669" with unit "hồ sơ"), so `raw` is always the "how much", never the "of what".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

import regex

from . import vocab
from .. import settings
from ..errors import TooLarge
from ..models import Figure
from .candidate import Candidate, Scan
from .context import annotate
from .nonfigures import Mask, in_place_count_list, per_unit_denominators
from .numbers import (
    SCALES,
    Convention,
    detect_convention,
    exact_decimal,
    parse_digits,
    parse_spelled,
    read_digits,
)
from .patterns import (
    HOLD,
    LEXICON,
    LETTER as _L,
    Lead,
    LeadSet,
    Suffix,
    Words,
    alt as _alt,
    finditer_at,
    lead_char,
    match_near,
    reach_of,
    starts_of,
)
from ..text import normalize_with_map

__all__ = ["extract_figures", "scan", "sentence_spans", "unit_from_label"]

_NUM = r"\d+(?:[.,]{1,2}\d+)*"  # "15..320": a doubled separator is a typo, read and flagged
_SCALE = rf"(?:{_alt(vocab.SCALE_WORDS)})(?![{_L}])"
_SP = r"[^\S\n]"  # a space within a line: a number never takes its scale or unit from the next line
_CANDIDATE = regex.compile(
    rf"(?<![\d])(?P<num>{_NUM})(?:/ ?(?P<den>{_NUM})(?![/\d]))?"
    rf"(?P<scale>{_SP}*{_SCALE}(?:{_SP}+{_SCALE})*(?:{_SP}+{_NUM}{_SP}*{_SCALE}(?:{_SP}+{_SCALE})*)*)?",
    regex.I,
)
# Spelled numbers are matched on the lower-cased text (case-sensitive matching is much faster).
_SPELLED = regex.compile(
    rf"(?<![{_L}])(?:{_alt(w.lower() for w in vocab.SPELLED_WORDS | set(vocab.SCALE_WORDS))})"
    rf"(?:\s+(?:{_alt(w.lower() for w in vocab.SPELLED_WORDS | set(vocab.SCALE_WORDS))}))*(?![{_L}])"
)
_SPELLED_ANY_CASE = regex.compile(_SPELLED.pattern, regex.I)
# Every spelled number starts with one of its words (`_SPELLED_STARTS`); a match's leading words that cannot
# start a number are trimmed, so it is tried only where one that can occurs: a match from there ends where
# the match from the trimmed words ends (tests/test_extract_centre.py compares the two).
_SPELLED_STARTS = LEXICON.register(w.lower() for w in vocab.SPELLED_WORDS | set(vocab.SCALE_WORDS))
_SPELLED_STARTERS = tuple(sorted(w.lower() for w in vocab.SPELLED_STARTERS))

# What may follow the number, tried in this order.
_PERCENT = regex.compile(rf"\s?%|\s*(?:{_alt(vocab.PERCENT_WORDS)})(?![{_L}])", regex.I)
_PP = regex.compile(r"\s*điểm\s+phần\s+trăm(?![\p{L}])|\s*điểm\s*%", regex.I)
# (per a round base, "đồng/1 kg", "đồng/100 kg"; not "65.600 m²/11 vị trí": an area at 11 sites)
_PER = r"(?:\s*/\s*(?:{NOUNS}|[{L}]+|(?:0?1|10+|1\.000)\s*[{L}]+))*".replace("{L}", _L).replace(
    "{NOUNS}", _alt(vocab.COUNT_NOUNS)
)
_CURRENCY = regex.compile(rf"\s*(?P<u>{_alt(vocab.CURRENCIES)}){_PER}(?![{_L}\d])", regex.I)
# "5 đồng chí"
_NOT_CURRENCY = regex.compile(rf"\s+(?:{_alt(vocab.NOT_CURRENCY_AFTER)})(?![{_L}])", regex.I)
_MEASURE = regex.compile(rf"\s*(?P<u>{_alt(vocab.MEASURES)}){_PER}(?![{_L}\d])", regex.I)
_DURATION = regex.compile(rf"\s*(?P<u>{_alt(vocab.DURATIONS)})(?![{_L}])", regex.I)
_SCORE = regex.compile(
    r"\s*(?P<u>điểm)(?=\s*(?:[.,;:)\]/]|$|\s(?:"
    + _alt(vocab.STOP_WORDS)
    + r"|xếp|đứng|so|trong)(?![\p{L}])))",
    regex.I,
)
_SCORE_CONTEXT = regex.compile(
    r"(?:đạt|được|với|chấm|điểm\s+số|tổng\s+điểm|số\s+điểm|chỉ\s+số[^,;]*"
    r"|index[^,;]*|là)\s*(?:\S+\s*)?$",
    regex.I,
)
_PER_SPACES = regex.compile(r"\s*/\s*(?:0?1\s+(?=\D))?")  # "đồng / 1 ha" → "đồng/ha"
# A clause that so far is only a capitalised name ("Tổ công tác", "Đề án", "Trạm"): a number here
# names it.
_NAMED_BEFORE = regex.compile(
    rf"(?:(?:^|[,;:(]\s*|\s(?:và|theo)\s+)\p{{Lu}}[{_L}]*(?:\s+[\p{{Ll}}\p{{Lu}}][{_L}]*){{0,3}}"
    # a body named after "của", "tại" may be longer: "của Ban Quản lý Dự án 661"
    rf"|\s(?:của|tại)\s+\p{{Lu}}[{_L}]*(?:\s+[\p{{Ll}}\p{{Lu}}][{_L}]*){{0,5}})\s+$"
)
# "lớp 12 và 465 TS tự do": a count abbreviation after the number makes it a count, not a label's number
_COUNT_ABBREV_AFTER = regex.compile(rf"{_SP}+(?:{'|'.join(vocab.COUNT_ABBREVIATIONS)})(?![{_L}])")
_COUNT_ABBREV_BEFORE = regex.compile(rf"(?<![{_L}])(?:{'|'.join(vocab.COUNT_ABBREVIATIONS)})\s+$")  # "(KN 76"
# "THPT có 12": a name has no verb
_OBJECT_OF = regex.compile(r"\s(?:có|là|đạt|gồm|chiếm)\s+$", regex.I)
_COUNT_PER = regex.compile(rf"\s*/\s*(?:{_alt(vocab.MEASURES)}|[{_L}]+)(?![{_L}\d])", regex.I)
_OUT_OF = regex.compile(r"\s*/\s*(?P<max>\d+(?:[.,]\d+)?)\s*điểm(?![\p{L}])", regex.I)
_MULTIPLE = regex.compile(r"\s*(?P<u>lần)(?![\p{L}])", regex.I)
_ADMIN = _alt(vocab.ADMIN_UNITS)
_ADMIN_LIST = regex.compile(
    rf"\s*(?P<u>(?:(?:UBND|Ủy ban nhân dân|ủy ban nhân dân|"
    rf"các)\s+)?(?:{_ADMIN})(?:\s*,\s*(?:{_ADMIN}))+)(?![{_L}])",
    regex.I,
)
_COUNT = regex.compile(rf"\s*(?P<u>{_alt(vocab.COUNT_NOUNS)})(?![{_L}])", regex.I)
_WORD = regex.compile(rf"{_SP}+(?P<w>[{_L}][{_L}\-]*)")
_GLUED_WORD = regex.compile(rf"(?P<w>[{_L}][{_L}\-]*)")

_QUALIFIER = regex.compile(rf"(?:^|[^{_L}])(?P<q>{_alt(vocab.QUALIFIERS)})\s*$", regex.I)
_CHANGE = regex.compile(
    rf"(?:^|[^{_L}])(?P<c>{_alt(vocab.CHANGE_WORDS)})(?:\s+(?:thêm|được|khoảng|hơn|gần|trên"
    rf"|xấp\s+xỉ|đến|"
    # ("là": "tỷ lệ tăng là 124,31%" is a change)
    rf"tới|lần\s+lượt(?:\s+là)?|tương\s+ứng|là))*\s*$",
    regex.I,
)
_LEVEL_AFTER = regex.compile(
    rf"(?:^|[^{_L}])(?:{_alt(vocab.CHANGE_WORDS)})\s+(?:{_alt(vocab.LEVEL_AFTER_CHANGE)})(?:\s+(?:"
    rf"{_alt(vocab.QUALIFIERS)}))?\s*$",
    regex.I,
)
_GAP_WORDS = regex.compile(rf"(?:\s+(?:{_alt(vocab.QUALIFIERS)}))+\s*$", regex.I)
_BASELINE = regex.compile(rf"^\s*,?\s*(?P<b>{_alt(vocab.BASELINES)})(?:\s+(?:năm\s+)?\d{{4}})?", regex.I)
_RANK = regex.compile(rf"(?:^|[^{_L}])(?:{_alt(vocab.RANK_LEADS)})\s*$", regex.I)
_LABEL = regex.compile(
    rf"(?:^|[^{_L}])(?P<pre>[{_L}]+\s+)?(?P<l>{_alt(vocab.LABEL_WORDS)})\s*(?:số\s*)?[:.]?\s*$", regex.I
)
# a whole gap (`_continues_label`)
_LABEL_CONT = regex.compile(r"\s*(?:,|và|hoặc|-|–|đến|tới)\s*$", regex.I)
# "10 đến 15 tỷ", "2,5 - dưới 3,5 triệu đồng"
_RANGE_GAP = regex.compile(r"^\s*(?:%\s*)?(?:-|–|—|~|đến|tới|và)\s*(?:dưới\s+)?$", regex.I)
_DASH_GAP = regex.compile(r"^\s*(?:%\s*)?[-–—]\s*$")
_DATE_LEAD = regex.compile(
    rf"(?:^|[^{_L}])(?:ngày|từ|đến|tới|hôm|sáng|chiều|tối|trưa|đêm|trước|sau|hạn|vào"
    rf"|khoảng\s+từ)\s*$",
    regex.I,
)
_RATIO_LEAD = regex.compile(
    rf"(?:^|[^{_L}])(?:đạt|hoàn\s+thành|có|được|chiếm|gồm|trong|là|duy\s+trì)\s*$", regex.I
)

_GAP_BEFORE_MULTIPLE = regex.compile(r"(?:gấp|tăng|giảm|hơn)(?:\s+\S+){0,2}\s*$", regex.I)
_LETTERS_END = regex.compile(rf"[{_L}]+$")
_FROM_UP = regex.compile(rf"(?:^|[^{_L}])từ\s*$", regex.I)
_AND_ABOVE = regex.compile(r"\s*trở\s+lên", regex.I)
_SLASH_PAIR = regex.compile(rf"[{_L})²³]\s*/$")  # (also "m²/11 vị trí")
# "đánh giá, phân hạng 101 sản phẩm": how many were graded, no rank
_GRADED = (" phân hạng", "\nphân hạng")
_PHONE_LABEL = regex.compile(
    r"(?i:điện thoại|đường dây nóng|hotline|tổng đài|đầu số|số\s+nhà|nhà\s+số)\s*$"
)
_NOT_A_CHANGE = regex.compile(r"(?i:giá\s+trị|thuế)\s*$")
# "(cùng kỳ tăng 6,2%)": last period's change; not "so với cùng kỳ tăng 37 vụ", this period's
_PRIOR_BEFORE = regex.compile(
    r"(?<!(?<![\p{L}])so(?:\s+với)?\s+)cùng\s+kỳ\s+(?:năm\s+(?:trước|ngoái)\s+)?$", regex.I
)
_SPELLED_BLOCK = regex.compile(
    rf"(?:^|[^{_L}])(?:tháng|ngày|thứ|quý|lần|đầu|khóa|số|mùng|mồng|tuổi|năm)\s*$"
)
_RANGE_LEAD = regex.compile(r"(?i:từ|trong\s+khoảng|khoảng)\s*$")
_SENTENCE_END = regex.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]*[\p{Lu}\d])|\n+")
# `_SENTENCE_END` starts right after . ! ? … or at a line break: only there is it tried.
_SENTENCE_MARKS = Words(".!?…\n")
_ABBREV = regex.compile(r"(?:^|\s)(?:TP|Tp|TS|ThS|Ths|PGS|GS|BS|KS|St|Q|P|TT|v\.v)\.$")


def _sentence_end_starts(text: str) -> list[int]:
    marks = _SENTENCE_MARKS.occurrences(text)
    return sorted([p + 1 for mark in ".!?…" for p in marks.get(mark, ())] + marks.get("\n", []))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at . ! ? before a capital or digit, and at line breaks.

    A sentence longer than `settings.MAX_SENTENCE_CHARS` is cut at its last clause break (";", ",",
    else a space) before the limit, so the meaning stage never reads an unbounded window."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in finditer_at(_SENTENCE_END, text, _sentence_end_starts(text)):
        if (
            m.group(0).strip() == ""
            and "\n" not in m.group(0)
            and _ABBREV.search(text, max(0, m.start() - 6), m.start(), HOLD)
        ):
            continue
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    cap = settings.MAX_SENTENCE_CHARS
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > cap:
            cut = max(text.rfind("; ", s + cap // 2, s + cap), text.rfind(", ", s + cap // 2, s + cap))
            cut = cut + 1 if cut >= 0 else text.rfind(" ", s + cap // 2, s + cap)
            cut = cut if cut > s else s + cap
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _scale_of(scale_text: str | None, convention: Convention) -> tuple[Decimal, Decimal | None]:
    """Multiplier of a scale tail; for compounds ("tỷ 200 triệu") also the added remainder."""
    if not scale_text:
        return Decimal(1), None
    from .numbers import parse_number

    tokens = scale_text.lower().split()
    # "triệu", "nghìn tỷ": a pure multiplier.  "tỷ 200 triệu": multiplier plus a remainder.
    mult = Decimal(1)
    i = 0
    while i < len(tokens) and tokens[i] in SCALES:
        mult *= SCALES[tokens[i]] if mult == 1 or SCALES[tokens[i]] > mult else 1
        i += 1
    if i == len(tokens):
        return _stacked(tokens), None
    remainder = parse_number(" ".join(tokens[i:]), convention)
    return _stacked(tokens[:i]), remainder


def _stacked(scales: list[str]) -> Decimal:
    mult = Decimal(1)
    for s in scales:
        mult *= SCALES[s]
    return mult


def _follow(text: str, pos: int, prefix: str) -> tuple[str, str | None, int, bool]:
    """Read what follows a number at `pos`: (kind, unit, end of unit, unit is part of raw)."""
    rest = _line_rest(text, pos, 80)
    may = _FOLLOWING.may(lead_char(rest))  # every pattern below is a `Lead`: run only where it can match
    if may & _B_PP and (m := _PP.pattern.match(rest, 0, None, HOLD)):
        return "quantity", "điểm phần trăm", pos + m.end(), True
    if may & _B_PERCENT and (m := _PERCENT.pattern.match(rest, 0, None, HOLD)):
        return "percent", "%", pos + m.end(), True
    if (
        may & _B_CURRENCY
        and (m := _CURRENCY.pattern.match(rest, 0, None, HOLD))
        and not _NOT_CURRENCY.match(rest, m.end("u"), None, HOLD)
        and (_key(m.group("u")) != "tiền mặt" or _SCALED.search(text, max(0, pos - 12), pos))
    ):
        per = _PER_SPACES.sub("/", rest[m.end("u") : m.end()])
        return "money", vocab.CURRENCIES[_key(m.group("u"))] + per, pos + m.end(), True
    if may & _B_MEASURE and (m := _MEASURE.pattern.match(rest, 0, None, HOLD)):
        unit = vocab.MEASURES[_key(m.group("u"))]
        per = _PER_SPACES.sub("/", rest[m.end("u") : m.end()])
        return "quantity", unit + per if per.strip() else unit, pos + m.end(), True
    if may & _B_MULTIPLE and (m := _MULTIPLE.pattern.match(rest, 0, None, HOLD)):
        if _GAP_BEFORE_MULTIPLE.search(prefix):
            return "multiple", "lần", pos + m.end(), True
    if may & _B_SCORE and (m := _SCORE.pattern.match(rest, 0, None, HOLD)) and _SCORE_CONTEXT.search(prefix):
        return "score", "điểm", pos + m.end(), True
    if may & _B_DURATION and (m := _DURATION.pattern.match(rest, 0, None, HOLD)):
        return "duration", vocab.DURATIONS[_key(m.group("u"))], pos + m.end(), True
    if may & _B_ADMIN_LIST and (m := _ADMIN_LIST.pattern.match(rest, 0, None, HOLD)):
        return "count", m.group("u"), pos + m.end(), False
    if may & _B_COUNT and (m := _COUNT.pattern.match(rest, 0, None, HOLD)):
        unit, end = m.group("u"), m.end()
        if per := _COUNT_PER.match(rest, end, None, HOLD):
            # "1.200 người/km2": a density, not a count of people
            return (
                "quantity",
                " ".join(unit.split()) + _PER_SPACES.sub("/", per.group(0)),
                pos + per.end(),
                False,
            )
        # Known noun plus one more modifier when it is an acronym: "hồ sơ TTHC".
        return "count", " ".join(unit.split()), pos + end, False
    return _fallback_noun(text, pos)


def _line_rest(text: str, pos: int, width: int) -> str:
    """Up to `width` characters after `pos`, stopping at a line break (a table row, a list item)
    unless the line is prose wrapped right after the number ("… cây dược liệu là 22\nha")."""
    rest = text[pos : pos + width]
    nl = rest.find("\n")
    if nl < 0 or (not rest[:nl].strip() and _wrapped_prose(text, pos, pos + nl)):
        return rest
    return rest[:nl]


_LINE_WORD = regex.compile(r"\p{L}+")


def _wrapped_prose(text: str, pos: int, nl: int) -> bool:
    """A line of prose that breaks right after a number, the next one going on in lower case: the
    sentence was wrapped (text taken from a PDF), not a table whose cells stand a line each."""
    start = text.rfind("\n", 0, pos) + 1
    line = text[start:pos]
    number = _NUMBER_AT_END.search(line)
    words = _LINE_WORD.finditer(line, 0, number.start()) if number is not None else ()
    least = settings.WRAPPED_LINE_MIN_WORDS
    if number is None or sum(1 for _ in itertools.islice(words, least)) < least:
        return False  # a line of a table, a heading: its cells stand a line each
    after = text[nl + 1 : nl + 40].lstrip(" \t")
    return bool(after) and after[0].islower()


_NUMBER_AT_END = regex.compile(r"\d[\d.,]*(?:\s+\p{L}+)?$")


_VERB_PAIR = regex.compile(
    rf"(?:{_alt(w for w in vocab.NOT_NOUNS_AFTER if ' ' in w)})(?![{_L}])", regex.I
)


def _fallback_noun(text: str, pos: int) -> tuple[str, str | None, int, bool]:
    """An unknown counted noun: up to two words that are neither function words nor names."""
    words: list[str] = []
    end = pos
    matcher = _WORD if pos < len(text) and text[pos].isspace() else _GLUED_WORD
    cur = pos
    for _ in range(2):
        m = match_near(matcher, text, cur)
        if not m:
            break
        w = m.group("w")
        lw = w.lower()
        if lw in vocab.STOP_WORDS or lw in vocab.SPELLED_WORDS or lw in vocab.NOT_NOUNS_AFTER:
            break
        if not words and _VERB_PAIR.match(text, m.start("w")):
            break  # "40 giải thể": what happened to them, not what they are
        if w[0].isupper() and not (w.isupper() and len(w) >= 2):
            break  # a proper name starts here ("tại Hà Nội"), not a noun of the number
        words.append(w)
        end = m.end()
        cur = m.end()
        matcher = _WORD
        if w.isupper():
            break
    if not words:
        return "number", None, pos, False
    return "count", " ".join(words), end, False


def unit_from_label(label: str | None) -> tuple[str, str | None, Decimal] | None:
    """A table header's unit: "Thu ngân sách (tỷ đồng)" → ("money", "đồng", 10⁹); "(%)" →
    percent."""
    if not label:
        return None
    m = regex.search(r"\(([^()]{1,30})\)\s*$", label) or regex.search(r"[-–:,]\s*([^-–:,]{1,20})$", label)
    if not m:
        return None
    inner = m.group(1).strip()
    mult = Decimal(1)
    words = inner.split()
    while words and words[0].lower() in SCALES:
        mult *= SCALES[words.pop(0).lower()]
    kind, unit, _end, _in_raw = _follow(" " + " ".join(words), 0, "")
    if kind in ("number", "count") and mult == 1 and kind != "count":
        return None
    if kind == "count" and not _COUNT.match(" " + " ".join(words)):
        return None
    return kind, unit, mult


def _key(unit: str) -> str:
    return " ".join(unit.lower().split())


def _prefix(text: str, start: int, width: int = 48) -> str:
    lo = max(0, start - width)
    nl = text.rfind("\n", lo, start)
    return text[(nl + 1 if nl >= 0 else lo) : start]


def _is_label(prefix: str) -> bool:
    m = _LABEL.search(prefix)
    if not m:
        return False
    pre = (m.group("pre") or "").strip().lower()
    label = _key(m.group("l"))
    if pre in vocab.LABEL_EXCEPT_BEFORE and label in ("số", "lượng"):
        return False
    if pre in vocab.LABEL_COMPOUNDS.get(label, ()):
        return False  # "tiểu đường: 4.149"
    if label == "km" and m.group("l") == "km":
        return False  # lower-case "km" before a number is rare; "Km 15" is the milestone label
    return True


def _named_before(prefix: str) -> bool:
    """The clause so far is only a capitalised name ("Tổ công tác", "Đề án"), not a count
    abbreviation."""
    return _NAMED_BEFORE.matches(prefix) and not _COUNT_ABBREV_BEFORE.search(prefix[-12:])


# "các hình thức: Khiển trách 32, cảnh cáo 17, khai trừ 9": a list after a colon opens with a
# capitalised label; its next item, a label in lower case and a number, shows it counts
# (or a bracket: "63 đảng viên (Khiển trách 15, cảnh cáo 20, …)")
# (an abbreviation in the label too: "Phân tích lỗi: Không có GPLX 04, vi phạm tốc độ 12, …")
_COLON_LABEL = regex.compile(
    rf"[:(]{_SP}*\p{{Lu}}[{_L}]*(?:{_SP}+(?:\p{{Ll}}[{_L}]*|\p{{Lu}}{{2,6}})){{0,3}}{_SP}+$"
)
_NEXT_ITEM = regex.compile(
    rf"{_SP}*(?:,|;|{_SP}và){_SP}*(?P<l>\p{{Ll}}[{_L}]*(?:{_SP}+\p{{Ll}}[{_L}]*){{0,3}}){_SP}+\d"
)
_LABELS = frozenset(w.lower() for w in vocab.LABEL_WORDS) | {"ngày", "tháng", "năm", "số"}


def _opens_count_list(t: str, prefix: str, end: int) -> bool:
    """The number after a capitalised label is the first count of a list, not a name's number."""
    if not _COLON_LABEL.search(prefix):
        return False
    m = _NEXT_ITEM.match(t, end)
    return m is not None and not {m.group("l"), m.group("l").split()[0]} & _LABELS


# "số vắng là 4.623 em (mầm non 3060, tiểu học 678, THCS 885)": a capitalised label (an
# abbreviation) that goes on a bracketed list of labelled counts is one more item, not a name's number
_LIST_GOES_ON = regex.compile(
    rf"{_SP}*(?:,|;|{_SP}và){_SP}*\p{{Lu}}[{_L}]*(?:{_SP}+[{_L}]+){{0,3}}:?{_SP}+$"
)


def _continues_count_list(t: str, out: list[Candidate], start: int) -> bool:
    if not out or out[-1].kind not in ("count", "number") or out[-1].end != out[-1].unit_end:
        return False  # (the items before it: bare numbers, each after its label: counts once linked)
    before = out[-1]
    opened = t.rfind("(", max(0, before.start - settings.PLACE_LIST_REACH), before.start)
    if opened < 0 or t.find(")", opened, start) >= 0:
        return False
    return _LIST_GOES_ON.fullmatch(t, before.end, start) is not None


def _qualifier(prefix: str) -> str | None:
    m = _QUALIFIER.search(prefix)
    return m.group("q").lower() if m else None


def extract_figures(
    text: str,
    *,
    published: date | str | None = None,
    convention: Convention | None = None,
    headline: str | None = None,
) -> list[Figure]:
    """Every figure in a body text, in reading order.

    >>> figures = extract_figures("Tỷ lệ giải quyết đúng hạn là 98,2%")
    >>> [(f.value, f.kind, f.unit) for f in figures]
    [(Decimal('98.2'), 'percent', '%')]

    `published` (the article date) resolves "hiện nay"/"đến nay" and periods without a year;
    `convention` overrides the number convention detected from the text itself.
    Raises `errors.TooLarge` (one line) for a text with more than `settings.MAX_NUMBERS_PER_TEXT`
    numbers; any other text takes time linear in its length.
    """
    if not text:
        return []
    return annotate(scan(text, convention=convention), published=published, headline=headline)


def scan(text: str, *, convention: Convention | None = None) -> Scan:
    """The scanner: normalise once, mask the non-figures, and find every figure candidate.

    The result is what the meaning stage (`context.annotate`) consumes; offsets in it index the
    normalised text, `Scan.norm` maps them back to `text`.
    """
    _refuse_if_too_many_numbers(text)
    norm = normalize_with_map(text)
    t = norm.text
    lowered: str | None = t.lower()
    conv_detected = detect_convention(t, lowered if len(lowered) == len(t) else None)
    conv: Convention = convention or conv_detected or "vi"
    conv_clear = convention is not None or conv_detected is not None
    mask = Mask(t, lowered)
    lowered = lowered if len(lowered) == len(t) else None  # offsets of `t` only when lengths agree
    cands = (
        _digit_candidates(t, mask, conv, conv_clear)
        + _spelled_candidates(t, mask, lowered)
        + _ordinal_candidates(t, mask, lowered)
    )
    cands.sort(key=lambda c: c.start)
    cands = _link(t, cands)
    _carry_changes(t, cands)
    _attach_per_units(t, cands, mask.denominators)
    _table_row_units(t, cands)
    for i, c in enumerate(cands):
        c.id = i
    return Scan(text, norm, sentence_spans(t), cands, lowered)


_NUMBER_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def _refuse_if_too_many_numbers(text: str) -> None:
    cap = settings.MAX_NUMBERS_PER_TEXT
    if len(text) // 2 < cap:
        return  # too short to hold that many
    n = sum(1 for _ in _NUMBER_RUN.finditer(text))
    if n > cap:
        raise TooLarge(
            f"too many numbers to read as figures: {n:,} in one text (limit {cap:,}, "
            f"settings.MAX_NUMBERS_PER_TEXT)"
        )


_ENUMERATION_DIGITS = 2  # "(1)" … "(12)": items numbered in brackets


def _then_pending(
    matches: Iterable[regex.Match[str]], pending: list[regex.Match[str]]
) -> Iterator[regex.Match[str]]:
    """The matches, each followed by what reading it left in `pending`."""
    for m in matches:
        yield m
        while pending:
            yield pending.pop()


def _digit_candidates(t: str, mask: Mask, conv: Convention, conv_clear: bool) -> list[Candidate]:
    out: list[Candidate] = []
    last_label_end = -1  # no label read yet
    pending: list[regex.Match[str]] = []  # a match to read before the next: a label's slash count
    read_after: set[int] = set()  # where those matches start
    for m in _then_pending(_CANDIDATE.finditer(t, 0, None, False, HOLD), pending):
        start, num_end = m.start(), m.end("num")
        num_text, den_text, scale_text = m.group("num", "den", "scale")
        end = m.end()
        if mask.overlaps(start, m.end("den") if den_text else num_end):
            if den_text and not mask.overlaps(m.start("den"), m.end("den")):
                # "giai đoạn 2013-2022/28.050 vụ": a period, then a count after its slash
                den = _CANDIDATE.match(t, m.start("den"), None, False, HOLD)
                if den is not None:
                    pending.append(den)
                    read_after.add(den.start())
            continue
        before = t[start - 1] if start else ""
        after = t[end] if end < len(t) else ""
        covered = bool(out) and out[-1].end > start  # "9,75 điểm/10 điểm": read with the figure before
        if (
            before == "/"
            and not covered
            and (_SLASH_PAIR.search(t, max(0, start - 8), start) or start in read_after)
            and _strong_unit(t, end)
        ):
            pass  # "tiếp 87 lượt công dân/93 người": a second count after a slash, not a fraction
        elif before == "+" and _plus_sign(t, start):
            pass  # "tăng 2,44% (+16 doanh nghiệp)": a rise, signed
        elif (before and before in "/+#№") or (before == "-" and start >= 2 and t[start - 2].isalpha()):
            continue  # part of a code or a path
        glue = ""
        if before.isalpha():
            glued = _LETTERS_END.search(t[max(0, start - 12) : start])
            glue = _glue_word(glued.group(0).lower() if glued else "")
            if not glue:
                continue  # "QL13", "H5N1": a code, not a figure
        if after == "/" or (after in ".," and end + 1 < len(t) and t[end + 1].isdigit()):
            continue  # "1/500/QĐ" leftovers, malformed groups
        prefix = _prefix(t, start)
        if glue:  # "dịch vụtăng0,8%": read the words before as if the editor had left the spaces in
            prefix = prefix[: len(prefix) - len(glue)] + " " + glue
        # "mức độ 3, 4": a number continuing a label list is a label too.
        # ("lớp 12 và 465 TS tự do": a counted noun, or its abbreviation, after it makes it a count)
        if _continues_label(t, last_label_end, start) and not (
            _strong_unit(t, end) or _COUNT_ABBREV_AFTER.match(t, end)
        ):
            last_label_end = end
            continue
        # The end of the prefix as the suffix patterns read it first (`Suffix.matches`: its last 64
        # characters, and `_prefix` gives fewer): a prefix that ends as none of a pattern's matches
        # can is passed over without a call.
        tail = prefix.rstrip().lower()
        rank = tail.endswith(_RANK.endings) and _RANK.matches(prefix) and not tail.endswith(_GRADED)
        label_tail = tail.rstrip(_LABEL.punctuation).rstrip()
        if not rank and label_tail.endswith(_LABEL.endings) and _is_label(prefix):
            if den_text and len(num_text) <= _ENUMERATION_DIGITS and (
                d := _CANDIDATE.match(t, m.start("den"), None, False, HOLD)
            ):
                # "tiêm 5.200 mũi 1/5.600 người": dose one, then a count after a slash
                pending.append(d)
                read_after.add(d.start())
                last_label_end = num_end
                continue
            # ("trong số 11.744 TS ĐKDT": a count abbreviation after it counts, as a counted noun does)
            counted = _strong_unit(t, end) or _COUNT_ABBREV_AFTER.match(t, end)
            if not counted or _PHONE_LABEL.matches(prefix):
                last_label_end = end
                continue
        typo = ".." in num_text or ",," in num_text
        # "15..320 tờ gấp": read as one number with the doubled separator made single, and flagged
        if typo:
            num_text = num_text.replace("..", ".").replace(",,", ",")
        try:
            # as `_NUM` read it, a number is digits and single separators unless two separators meet
            well_formed = not typo and ".," not in num_text and ",." not in num_text
            reading = read_digits(num_text, conv) if well_formed else parse_digits(num_text, conv)
        except ValueError:
            if "," in num_text or not _strong_unit(t, end):
                continue
            # "1.2345 hồ sơ": dots that group wrongly, before a unit: a typo'd whole number, read and
            # flagged
            reading, typo = parse_digits(num_text.replace(".", ""), conv), True
        scale_mult, remainder = _scale_of(scale_text, conv)
        base = reading.value
        number = t[start : m.end("den") if den_text else num_end]
        c = Candidate(start, end, base, scale_mult, number, ambiguous=reading.ambiguous and not conv_clear)
        if remainder is not None:  # "1 tỷ 200 triệu": fold into one exact value
            c.base, c.scale = base * scale_mult + remainder, Decimal(1)
        if typo:
            c.ambiguous = True
            c.warnings.append(f"malformed number {m.group('num')!r} read as {exact_decimal(reading.value)}")
        if _negative_sign(t, start):  # "(-4,2%)": a signed value, the sign is part of raw
            c.start, c.base = start - 1, -c.base
        elif before == "+":  # "(+16 doanh nghiệp)": a rise, the sign part of raw
            c.start, c.change = start - 1, "tăng"
        if den_text:
            try:
                den = parse_digits(den_text, conv).value
            except ValueError:
                continue
            kind, unit, unit_end, in_raw = _follow(t, end, prefix)
            if rank:
                c.kind, c.unit, c.denominator = "rank", None, den
                c.unit_end = end
            elif _is_date_pair(num_text, den_text, prefix, kind):
                continue
            else:
                # "2,27/3 điểm": a score out of a maximum; "5/33 điểm ùn tắc": a ratio of places.
                is_score = kind == "score" or (unit == "điểm" and "," in num_text)
                if not is_score and remainder is None:
                    den = exact_decimal(den * scale_mult)  # "3.760.543/5.247.827 triệu đồng": of both
                c.kind, c.unit, c.denominator = ("score" if is_score else "ratio"), unit, den
                if is_score and in_raw:
                    c.end = unit_end
                c.unit_end = unit_end
        else:
            kind, unit, unit_end, in_raw = _follow(t, end, prefix)
            if rank:
                kind, unit, unit_end, in_raw = "rank", None, end, False
            if kind == "number" and scale_text is None and _looks_like_year(num_text):
                continue
            short = len(num_text) <= _ENUMERATION_DIGITS or num_text.startswith("0")  # ("(0263)": a code)
            if kind == "number" and before == "(" and after == ")" and short:
                continue  # "(1)": an enumeration; not "lực lượng lao động (425.000)", a count
            if (
                kind == "number"
                and scale_text is None
                and num_text.isdigit()
                and len(num_text) >= 7
                and not _NUMERIC_ROW.match(_line_of(t, start))
            ):
                # "3700123456": an identifier (reports group figures ≥ 1.000 with dots; a table row may not)
                continue
            if (
                kind == "number"
                and num_text.isdigit()
                and not _qualifier(prefix)
                and _named_before(prefix)
                and not _OBJECT_OF.search(prefix[-12:])
                and not match_near(_OWN_SHARE_AFTER, t, end)
                and not in_place_count_list(t, start, end)  # "(Đắk Nông 161, Gia Lai 10)": counts
                and not _opens_count_list(t, prefix, end)
                and not _continues_count_list(t, out, start)
            ):
                continue  # "Tổ công tác 970", "Đề án 06": part of a name
            if (
                kind == "count"
                and (unit or "").lower() == "điểm"
                and ("," in num_text or c.value % 1 or _GAP_BEFORE_MULTIPLE.search(prefix))
            ):
                # "giảm 0,05 điểm": points of a score, not 0,05 places; "3.51 ĐIỂM": a mean score
                kind, unit, in_raw = "score", "điểm", True
            if kind == "number" and not rank:
                kind, unit = _kind_from_subject(t, start, c.value, scale_text is not None)
            if kind == "count" and unit == "lần" and not num_text.isdigit():
                kind, in_raw = "multiple", True  # "1,8 lần": a multiple, never a count of times
            c.kind, c.unit, c.unit_end = kind, unit, unit_end
            if in_raw:
                c.end = unit_end
            if kind == "score" and (out_of := match_near(_OUT_OF, t, unit_end)):
                # "9,75 điểm/10 điểm": the maximum is part of the score
                c.denominator = parse_digits(out_of.group("max"), conv).value
                c.end = c.unit_end = out_of.end()
        _read_prefix(c, prefix, tail)
        if (
            c.qualifier is None
            and tail.endswith(_FROM_UP.endings)
            and _FROM_UP.matches(prefix)
            and match_near(_AND_ABOVE, t, c.reach)
        ):
            # "người từ 65 tuổi trở lên", "từ 02 chính sách trở lên": at least
            c.qualifier = "từ"
        _read_baseline(c, t, prefix)
        out.append(c)
    return out


# What the clause says the bare number is: "tổng số thí sinh đăng ký dự thi là 1.001.011" (a count
# of candidates), "Tỷ lệ trẻ em được tiêm chủng là 90,02" (a percent), "hụt thu ngân sách
# là 5.300 tỷ" (money).
_SUBJECT_COUNT = regex.compile(
    rf"(?:^\s*|(?:^"
    rf"|[^{_L}])(?:tổng\s+)?số(?:\s+lượng)?\s+)(?P<n>{_alt(vocab.COUNT_NOUNS)})(?![{_L}])[^,;:."
    rf"()]*?"
    rf"(?:là|đạt|có)\s*:?\s*$",
    regex.I,
)
_SUBJECT_RATE = regex.compile(
    rf"(?:^|[^{_L}])(?:tỷ|tỉ)\s+lệ(?![{_L}])[^,;:.()]*?(?:là|đạt)\s*:?\s*$"
    # "đạt tỷ lệ 97,6", "chiếm tỷ trọng 11,71": the rate named right before it, its "%" left out
    rf"|(?:^|[^{_L}])(?:đạt|chiếm)\s+(?:tỷ|tỉ)\s+(?:lệ|trọng)(?:\s+là)?\s*:?\s*$",
    regex.I,
)
_SUBJECT_MONEY = regex.compile(rf"(?:^|[^{_L}])(?:{_alt(vocab.MONEY_SUBJECTS)})(?![{_L}])", regex.I)
_PARENTHETICAL = regex.compile(r"\([^()\n]*\)")
_CLAUSE_START = regex.compile(r"[,;:.()\n][^,;:.()\n]*$")


# "THCS 123 (56%)", "… (chiếm 12%)": a count with its share
_OWN_SHARE_AFTER = regex.compile(r"\s*\(\s*(?:chiếm\s+)?\d+(?:[.,]\d+)?\s*%")


def _kind_from_subject(t: str, start: int, value: Decimal, scaled: bool) -> tuple[str, str | None]:
    """A bare number's kind and unit from the subject of its clause, or ("number", None)."""
    # "bài thi (Vật lý, Hoá học) là N"
    prefix = _PARENTHETICAL.sub(" ", t[max(0, start - 160) : start])
    if cut := _CLAUSE_START.search(prefix):
        prefix = prefix[cut.start() + 1 :]
    if not scaled and value == value.to_integral_value() and (m := _SUBJECT_COUNT.search(prefix)):
        return "count", " ".join(m.group("n").lower().split())
    if not scaled and 0 <= value <= 100 and _SUBJECT_RATE.search(prefix):
        return "percent", "%"
    if scaled and value >= 10**6 and _SUBJECT_MONEY.search(prefix):
        return "money", "đồng"
    return "number", None


# A flattened table row: a label, maybe its unit column, then the cells ("Tỷ lệ hộ nghèo % 15,40 12,11
# …").
_LABELLED_ROW = regex.compile(
    rf"(?P<label>[^\n]*?[{_L}%)])[^\S\n]+(?:[-−]?\d[\d.,]*[^\S\n]+){{2,}}[-−]?\d[\d.,]*[^\S\n]*$"
)
_ROW_UNIT = regex.compile(rf"(?:\(\s*(?P<p>[^()]+?)\s*\)|(?P<w>%|[{_L}]+))\s*$")


def _table_row_units(t: str, cands: list[Candidate]) -> None:
    """Cells of a labelled table row take the row's unit: its unit column ("%", "hộ", "(tỷ đồng)"),
    else what the label says ("Tỷ lệ …" is a percent, "Tổng số hộ" counts households)."""
    lines: dict[int, tuple[str, str | None, Decimal]] = {}
    for c in cands:
        if c.kind != "number":
            continue
        lo = t.rfind("\n", 0, c.start) + 1
        if lo not in lines:
            lines[lo] = _row_unit(_line_of(t, c.start))
        kind, unit, mult = lines[lo]
        if kind != "number" or (unit and "/" in unit):
            c.kind, c.unit = kind, unit
            c.scale *= mult


def _row_unit(line: str) -> tuple[str, str | None, Decimal]:
    m = _LABELLED_ROW.search(line)  # a row ends the line; its label may start anywhere, so at 0 if at all
    if not m:
        return "number", None, Decimal(1)
    label = m.group("label").strip()
    if (u := _ROW_UNIT.search(label)) and (read := unit_from_label(f"({u.group('p') or u.group('w')})")):
        # "Năm 2016 59,7 651,00": the row is keyed by a year, not measured in years
        if read[0] == "duration":
            return "number", None, Decimal(1)
        if read[0] != "count" or label.lower().startswith(("tổng số", "số")):
            return read
    if regex.match(r"(?i:tỷ|tỉ)\s+lệ(?![\p{L}])", label):
        return "percent", "%", Decimal(1)
    if (c := _SUBJECT_COUNT.search(label + " là ")) is not None:
        noun = " ".join(c.group("n").lower().split())
        if per := per_unit_denominators(
            label
        ):  # "Giường bệnh bình quân 1 vạn dân 63,93 …": a per-capita rate
            return "number", f"{noun}/{per[0][2]}", Decimal(1)
        return "count", noun, Decimal(1)
    return "number", None, Decimal(1)


_NUMERIC_ROW = regex.compile(r"\s*(?:[-−]?\d[\d.,]*\s+){2,}[-−]?\d[\d.,]*\s*$")


def _line_of(t: str, pos: int) -> str:
    lo = t.rfind("\n", 0, pos) + 1
    hi = t.find("\n", pos)
    return t[lo : hi if hi >= 0 else len(t)]


def _continues_label(t: str, last_label_end: int, start: int) -> bool:
    """Whether the gap t[last_label_end:start] after the last label number only continues a list of labels
    (", ", " và "), read in place: a long gap is not copied for every number.  -1: no label yet."""
    return 0 <= last_label_end < start and _LABEL_CONT.match(t, last_label_end, start, HOLD) is not None


def _glue_word(word: str) -> str:
    """The word a number may be glued to ("tăng14,7%", "dựngtăng2,1%" → "tăng"), or ""."""
    if word in vocab.GLUE_OK_BEFORE:
        return word
    return next((w for w in vocab.GLUE_OK_SUFFIXES if word.endswith(w)), "")


def _negative_sign(t: str, start: int) -> bool:
    """ "(-4,2%)", "…: -3%", a cell "\t-12,159": a minus sign, not a dash between two numbers."""
    if start < 1 or t[start - 1] not in "-−":
        return False
    j = start - 2
    if j >= 0 and t[j] == " " and _NUMERIC_ROW.match(_line_of(t, start)):
        return True  # a cell of a table row "2020 0,013 -0,001 25,796"
    return j < 0 or t[j] in "([\n\t" or (t[j] == " " and (j == 0 or t[j - 1] in " :;("))


_LIST_JOIN_BEFORE = regex.compile(r"(?:,|\svà)\s+$")


def _one_more_item(t: str, start: int, end: int) -> bool:
    """"… 4 thí sinh là học sinh trường chuyên và một thí sinh của trường B": "một" after
    "và" or a comma, counting the noun a number counted just before in its sentence, is one more
    item."""
    if not _LIST_JOIN_BEFORE.search(t, max(0, start - 6), start):
        return False
    kind, unit, _end, _in_raw = _follow(t, end, "")
    if kind != "count" or not unit:
        return False
    lo = max(0, start - settings.ONE_MORE_ITEM_REACH)
    before = t[lo:start]
    cut = max(before.rfind(". "), before.rfind("\n"))  # in its sentence
    counted = rf"\d\s+{regex.escape(unit)}(?![\p{{L}}])"
    return regex.search(counted, before[cut + 1 :], regex.I) is not None


def _plus_sign(t: str, start: int) -> bool:
    """ "(+16 doanh nghiệp)", "(+7,6%)": a plus sign opening a bracket, the rise said with its sign."""
    return start >= 2 and t[start - 2] == "(" and start < len(t) and t[start].isdigit()


def _strong_unit(t: str, pos: int) -> bool:
    rest = _line_rest(t, pos, 40)
    may = _FOLLOWING.may(lead_char(rest)) & _B_STRONG
    return bool(
        may
        and (
            (may & _B_PERCENT and _PERCENT.pattern.match(rest, 0, None, HOLD))
            or (may & _B_CURRENCY and _CURRENCY.pattern.match(rest, 0, None, HOLD))
            or (may & _B_MEASURE and _MEASURE.pattern.match(rest, 0, None, HOLD))
            or (may & _B_ADMIN_LIST and _ADMIN_LIST.pattern.match(rest, 0, None, HOLD))
            or (may & _B_COUNT and _COUNT.pattern.match(rest, 0, None, HOLD))
        )
    )


def _looks_like_year(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100


def _is_date_pair(num: str, den: str, prefix: str, kind: str) -> bool:
    """ "01/1", "31/5" are dates; "5/9 huyện", "30/30 quận", "đạt 8/10" are ratios."""
    if not (num.isdigit() and den.isdigit() and len(num) <= 2 and len(den) <= 2):
        return False
    d, mth = int(num), int(den)
    if not (1 <= d <= 31 and 1 <= mth <= 12):
        return False
    if _DATE_LEAD.matches(prefix):
        return True
    if kind not in ("number",):
        return False
    return not _RATIO_LEAD.matches(prefix)


# A comparison with an earlier period, then "nhiều/ít/cao/thấp hơn" right before the number: a change
_COMPARED_MORE = regex.compile(
    rf"(?<![{_L}])so\s+(?:với\s+)?[^;.()]{{0,60}}?(?<![{_L}])(?P<w>nhiều|ít|cao|thấp)\s+hơn\s*$",
    regex.I,
)


_MORE_THEN_COMPARED = regex.compile(
    rf"(?<![{_L}])(?P<w>nhiều|ít|cao|thấp)\s+hơn\s+so\s+(?:với\s+)?[^\d;.()]{{0,40}}$", regex.I
)


# "50 triệu tiền mặt" is money; a bare "2 tiền mặt" is not
_SCALED = regex.compile(r"(?<![\p{L}])(?:nghìn|ngàn|triệu|tỷ|tỉ)\s*$", regex.I)


def _out_of(c: Candidate, prefix: str) -> bool:
    """"13 đại biểu trúng cử trên 13 đại biểu": a count of the same noun, a few words, then
    "trên" — the base it is out of."""
    noun = (c.unit or "").split(" ")[0]
    if c.kind != "count" or not noun:
        return False
    words = rf"(?:{_SP}+\p{{L}}+){{0,6}}{_SP}+trên{_SP}*$"
    pattern = rf"\d[\d.,]*{_SP}+{regex.escape(noun)}{words}"
    return regex.search(pattern, prefix[-settings.OUT_OF_REACH :]) is not None


# Every change word holds one of these ("tăng trưởng", "sụt giảm").
_CHANGE_CORES = ("tăng", "giảm")  # tests/test_extract_centre.py checks it against vocab.CHANGE_WORDS


def _read_prefix(c: Candidate, prefix: str, tail: str | None = None) -> None:
    """Qualifier and change from the words before the number ("ước đạt trên", "tăng", "giảm
    còn").  `tail`: `prefix.rstrip().lower()` when the caller has it."""
    if tail is None or tail.endswith(_QUALIFIER.endings):
        c.qualifier = _qualifier(prefix)
    else:
        c.qualifier = None
    if c.kind == "rank" or (c.qualifier == "trên" and _out_of(c, prefix)):
        c.qualifier = None  # "13 đại biểu trúng cử trên 13 đại biểu": out of, not more than
    lowered = prefix.lower()
    if c.qualifier == "hơn" and (m := _COMPARED_MORE.search(prefix)) is not None:
        # "so với cùng kỳ … nhiều hơn 15 vụ": 15 more than then, not "more than 15"
        c.qualifier, c.change = None, "giảm" if m.group("w").lower() in ("ít", "thấp") else "tăng"
        return
    if c.qualifier is None and (m := _MORE_THEN_COMPARED.search(prefix)) is not None:
        # "ít hơn so với dự kiến 12 người": 15 fewer than planned
        c.change = "giảm" if m.group("w").lower() in ("ít", "thấp") else "tăng"
        return
    if _CHANGE_CORES[0] not in lowered and _CHANGE_CORES[1] not in lowered:
        return  # no change word, so neither a change nor a level after one
    # Strip the qualifiers to look for a change word behind them: "tăng hơn 5%".
    core = _GAP_WORDS.sub("", prefix) if c.qualifier else prefix
    if _LEVEL_AFTER.matches(prefix):
        return
    m = _CHANGE.search(core)
    if m and _NOT_A_CHANGE.search(core, 0, m.start("c"), HOLD):
        m = None  # "giá trị gia tăng đạt …": value added, a level
    if m:
        c.change = vocab.CHANGE_WORDS[_key(m.group("c"))]
        if c.qualifier in ("tăng", "giảm"):
            c.qualifier = None
        if _PRIOR_BEFORE.search(core[: m.start("c")]):
            c.prior_period = True
            c.baseline = None


# "cao hơn 2,5% so với kỳ thi năm trước": more than then, by this much (a change, not "more than")
_MORE_THAN = regex.compile(rf"(?<![{_L}])(?P<w>nhiều|ít|cao|thấp)\s+hơn\s*$", regex.I)
_COMPARED_AFTER = regex.compile(r"\s*,?\s*so(?:\s+với)?\s", regex.I)


def _read_baseline(c: Candidate, t: str, prefix: str) -> None:
    """What a change is measured against ("so với cùng kỳ"); a figure "cao/thấp hơn" something it is
    compared with right after is the change from it."""
    after = t[max(c.end, c.unit_end) : max(c.end, c.unit_end) + 60]
    if c.change is None and c.qualifier == "hơn" and _COMPARED_AFTER.match(after, 0, None, HOLD):
        if (more := _MORE_THAN.search(prefix)) is not None:
            fewer = more.group("w").lower() in ("ít", "thấp")
            c.qualifier, c.change = None, "giảm" if fewer else "tăng"
    if c.change is None:
        return
    m = _BASELINE.match(after, 0, None, HOLD)
    if m:
        c.baseline = " ".join(m.group(0).strip(" ,").split())


_TOKEN = regex.compile(r"\S+")


# A capitalised number word then a capitalised word: a name ("huyện Năm Căn", "quận Ba Đình"; not
# "Ba HTX")
_PLACE_NAME = regex.compile(r"\p{Lu}\p{Ll}*[ \t]+\p{Lu}\p{Ll}")


def _spelled_candidates(t: str, mask: Mask, lowered: str | None) -> list[Candidate]:
    out: list[Candidate] = []
    if not any(
        w in (lowered if lowered is not None else t.lower())
        for w in (
            "mươi", "mười", "trăm", "hai ", "ba ", "bốn ", "năm ",
            "sáu ", "bảy ", "tám ", "chín ", "và một ", ", một ",
        )
    ):
        return out
    if lowered is not None:
        matches = finditer_at(_SPELLED, lowered, starts_of(LEXICON.occurrences(lowered), _SPELLED_STARTERS))
    else:
        matches = _SPELLED_ANY_CASE.finditer(t)
    for m in matches:
        words = m.group(0).lower().split()
        starts = (
            [m.start()] if len(words) == 1 else [w.start() for w in _TOKEN.finditer(t, m.start(), m.end())]
        )
        # Trim leading words that cannot start a number.
        k = 0
        while k < len(words) and words[k] not in vocab.SPELLED_STARTERS:
            k += 1
        words = words[k:]
        start = starts[k] if words else m.end()
        if not words or mask.overlaps(start, m.end()):
            continue
        if _PLACE_NAME.match(t, start):
            continue  # "Năm Căn", "Ba Đình", "Hai Bà Trưng": a place named with a number word
        if words == ["một"] and _one_more_item(t, start, m.end()):
            pass  # "4 thí sinh … và một thí sinh …": one more of a list of counts
        elif len(words) == 1 and words[0] in ("một", "trăm"):
            continue  # "một cửa", "trăm"
        if words == ["năm"] and not (
            _COUNT.match(_line_rest(t, m.end(), 40))
            and not _YEAR_WORD_BEFORE.matches(t, max(0, start - 12), start)
        ):
            continue  # "năm 2021", "trong năm": five only before a counted noun ("dưới năm tiêu chí")
        prefix = _prefix(t, start).lower()
        if _SPELLED_BLOCK.matches(prefix):
            continue
        end = m.end()
        try:
            value = parse_spelled(" ".join(words))
        except ValueError:
            if len(words) < 2 or words[-1] != "năm":
                continue
            # "Mười năm qua": the last word is "year", not five
            words = words[:-1]
            end = start + t[start:end].lower().rfind("năm")
            end = start + len(t[start:end].rstrip())
            try:
                value = parse_spelled(" ".join(words))
            except ValueError:
                continue
        kind, unit, unit_end, in_raw = _follow(t, end, prefix)
        tens = ("mươi", "mười", "trăm")
        structured = any(w in tens or w in SCALES for w in words) and len(words) >= 2
        if kind in ("number", "duration") and not structured:
            continue
        rest = _line_rest(t, end, 40)
        if kind == "count" and not _COUNT.match(rest) and not _ADMIN_LIST.match(rest) and not structured:
            continue  # "ba công khai": only known nouns make a lone spelled word a figure
        c = Candidate(
            start=start,
            end=unit_end if in_raw else end,
            base=value,
            scale=Decimal(1),
            number=t[start:end],
            kind=kind,
            unit=unit,
            unit_end=unit_end,
        )
        _read_prefix(c, _prefix(t, start))
        out.append(c)
    return out


_YEAR_WORD_BEFORE = regex.compile(
    rf"(?:^|[^{_L}])(?:trong|cả|mỗi|hằng|hàng|của|các|những|cuối|đầu|giữa|nửa|sang|qua"
    rf"|từ|đến|này)\s+$",
    regex.I,
)
_ORDINAL = regex.compile(
    rf"(?:^|(?<=[^{_L}]))(?:{_alt(l for l in vocab.RANK_LEADS if l.endswith('thứ'))}|"
    rf"(?<=thứ\s+[{_L}]+\s+)và\s+thứ)"
    rf"\s+(?P<w>{_alt(vocab.ORDINALS)})(?![{_L}\d])",
    regex.I,
)


# Every spelled place starts with the first word of its lead ("xếp", "đứng" …) or with "và": on a text
# that keeps its length lower-cased, `_ORDINAL` is tried only where one of them occurs.
_ORDINAL_FIRSTS = Words({w.split()[0].lower() for w in vocab.RANK_LEADS if w.endswith("thứ")} | {"và"})
# Every spelled place holds "thứ" and an ordinal: a text without one (lower-cased) has none.
_ORDINAL_CORE = regex.compile(rf"thứ\s+(?:{_alt(vocab.ORDINALS)})(?![{_L}\d])")


def _ordinal_candidates(t: str, mask: Mask, lowered: str | None) -> list[Candidate]:
    """Spelled places: "giảm nhanh thứ hai cả nước", "giữ vị trí thứ hai và thứ ba" (rank 2
    and 3)."""
    out: list[Candidate] = []
    if "thứ" not in t or (lowered is not None and _ORDINAL_CORE.search(lowered) is None):
        return out
    if lowered is None:
        found = _ORDINAL.finditer(t)
    else:
        found = finditer_at(_ORDINAL, t, _ORDINAL_FIRSTS.starts(lowered))
    for m in found:
        start, end = m.start(), m.end()
        raw_start = t.rfind("thứ", start, m.start("w"))
        if mask.overlaps(raw_start, end):
            continue
        value = Decimal(vocab.ORDINALS[m.group("w").lower()])
        out.append(
            Candidate(
                start=raw_start,
                end=end,
                base=value,
                scale=Decimal(1),
                number=t[raw_start:end],
                kind="rank",
                unit_end=end,
            )
        )
    return out


_CLAUSE_BREAK = regex.compile(r"[.;:!?\n()]")


def _attach_per_units(t: str, cands: list[Candidate], denominators: list[tuple[int, int, str]]) -> None:
    """"120 triệu đồng/1 ha", "năng suất/1 ha đạt 62 tạ": the per-unit joins the unit of the
    figure right before it, else of the next figure in the same clause ("đồng/ha", "tạ/ha")."""
    if not cands:
        return
    starts = [c.start for c in cands]
    for s, e, per in denominators:  # `per_unit_denominators(t)`, read with the mask
        k = bisect.bisect_left(starts, s)
        prev = cands[k - 1] if k else None
        nxt = cands[k] if k < len(cands) and cands[k].start >= e else None
        if prev is not None and not t[prev.reach : s].strip() and prev.kind != "number":
            target = prev
        elif nxt is not None and len(t[e : nxt.start]) <= 60 and not _CLAUSE_BREAK.search(t, e, nxt.start):
            target = nxt
        else:
            continue
        if target.kind in ("money", "quantity", "count", "number") and "/" not in (target.unit or ""):
            # "số giường bệnh bình quân 1 vạn dân là 31,4": the subject is counted
            if target.unit is None:
                kind, noun = _kind_from_subject(t, target.start, Decimal(1), False)
                target.kind, target.unit = ("count", noun) if kind == "count" else (target.kind, None)
            target.unit = f"{target.unit or ''}/{per}"
            if (
                target.kind == "count"
            ):  # "31,4 giường bệnh/vạn dân" is a per-capita rate; "1.200 người/km2" a density
                target.kind = "number" if per.endswith("dân") else "quantity"


_PER_GAP = regex.compile(r"^\s*(?:trên|/)\s*$", regex.I)
_SENTENCE_BREAK = regex.compile(r"[.!?\n;]")
_OPEN_PAREN_BEFORE = regex.compile(r"\([^()]*$")
_AND_GAP = regex.compile(r"^\s*(?:và|,|hoặc)\s*$", regex.I)
# "10 vụ (3,4%)", "12 người chết (6,6%)": the change's own rate in brackets
_OWN_RATE_GAP = regex.compile(r"[^\d,;.()]{0,25}\(\s*")
# "…), 12 người chết": the next item, nothing between
_NEXT_ITEM_GAP = regex.compile(r"\)?\s*(?:,|và)\s*")


def _carry_changes(t: str, cands: list[Candidate]) -> None:
    """"So với cùng kỳ giảm 10 vụ (3,4%), 12 người chết (6,6%), 8 người bị thương
    (3,8%)": the direction said once holds for each amount listed after it, nothing but a comma
    between them."""
    amounts = ("count", "quantity", "money")
    i = 0
    while i < len(cands):
        c, i = cands[i], i + 1
        if not c.change or c.kind not in amounts:
            continue
        end = max(c.end, c.unit_end)
        while i < len(cands):
            nxt = cands[i]
            if nxt.kind == "percent" and _OWN_RATE_GAP.fullmatch(t, end, nxt.start):
                end, i = nxt.end, i + 1  # its rate: carries nothing further
                continue
            if nxt.kind not in amounts or nxt.change or not _NEXT_ITEM_GAP.fullmatch(t, end, nxt.start):
                break
            nxt.change, end, i = c.change, max(nxt.end, nxt.unit_end), i + 1
_AGAINST_LAST_PERIOD = regex.compile(r"\s*(?:so\s+(?:với\s+)?)?cùng\s+kỳ", regex.I)
_ENUM_GAP = regex.compile(r"(?:,|;|:|\(|và|là|còn|có|đạt)", regex.I)


# the words that make a percent the share of the count before it
_SHARE_LEAD = regex.compile(r"(?:đạt|chiếm)(?:\s+t[ỷỉ]\s+(?:lệ|trọng))?\s*$", regex.I)


def _link(t: str, cands: list[Candidate]) -> list[Candidate]:
    """Ranges ("4,03%-4,1%", "từ 10 đến 15 tỷ đồng"), "X trên Y" (rank of, per), and units carried
    along an enumeration ("năm 2020 có 120 doanh nghiệp, năm 2021 là 150")."""
    keep: list[Candidate] = []
    for c in cands:
        prev = keep[-1] if keep else None
        if prev is not None and _PER_GAP.match(
            t[max(prev.end, prev.unit_end) if prev.kind == "rank" else prev.end : c.start], 0, None, HOLD
        ):
            if prev.kind == "rank" and prev.denominator is None:
                prev.denominator = c.value  # "xếp hạng 10 trên 63 tỉnh"
                continue
            if c.base == 1 and c.unit and prev.unit and prev.kind in ("count", "quantity", "money"):
                prev.unit = f"{prev.unit}/{c.unit}"  # "2 tấn trên 1 ha"
                continue
        keep.append(c)
    cands = keep
    # whether the gap between two neighbours is a range's ("-", "đến"): read once, by both loops below
    range_gaps = [
        _RANGE_GAP.match(t[a.end : b.start], 0, None, HOLD) is not None for a, b in zip(cands, cands[1:])
    ]
    for k, (a, b) in enumerate(zip(cands, cands[1:])):
        if (
            a.change
            and b.change is None
            and a.kind == b.kind == "percent"
            and not b.prior_period
            and _AND_GAP.match(t[a.end : b.start])
        ):
            b.change = a.change  # "tăng 2,69% và 2,20%": both are increases
        if (
            a.kind == "multiple"
            and b.unit == "lần"
            and b.kind == "count"
            and _ENUM_GAP.search(t[a.end : b.start])
            and len(t[a.end : b.start]) < 12
        ):
            b.kind = "multiple"  # "gấp 5 lần và 11 lần"
        # "(600-750 ngàn m3)": b is the low end of its own range; the range gives it a unit, not a
        if k + 2 < len(cands) and cands[k + 2].kind != "number" and range_gaps[k + 1]:
            continue
        if b.kind == "number" and a.kind in ("count", "money", "quantity", "percent") and not b.range:
            if match_near(_AGAINST_LAST_PERIOD, t, b.end):
                continue  # "… 1142,7 nghìn ha, bằng 99,4 cùng kỳ năm trước": an index, no area
            if a.kind == "percent" and (match_near(_OWN_SHARE_AFTER, t, b.end) or b.scale != 1):
                # "mầm non 141 (51,8%), tiểu học 206 (75,2%)": 206 has a share of its own; "tăng 493,5%
                # …, khách trong nước đạt gần 42,4 triệu": no share is counted in millions
                continue
            if a.kind == "count" and a.scale == 1 and b.scale >= 10**9:
                continue  # "… cho 14.367 lượt hộ, trong đó: hộ nghèo 49,746 tỷ": money
            if a.kind == "percent" and b.value >= 1000:
                continue  # "chiếm 49,5%, dân số nữ đạt 408.345 ¶ người": a count
            share = a.kind == "percent" and k and cands[k - 1].kind == "count"
            if share and _SHARE_LEAD.search(_prefix(t, a.start)):
                continue  # "đúng hạn 1.200, đạt tỷ lệ 99%, quá hạn 12": a share, then counts
            gap = t[max(a.end, a.unit_end) : b.start]
            # inside a parenthesis ";" separates items of one list: "(trực tuyến: 10.000; trực tiếp:
            # 2.345)"
            inside_parens = _OPEN_PAREN_BEFORE.search(t, max(0, b.start - 200), b.start) is not None
            breaks = _SENTENCE_BREAK.search(gap.replace(";", ",") if inside_parens else gap)
            # "58 đảng viên (35 cấp ủy viên), bằng các hình thức: khiển trách 32": past the
            # aside that holds a, b is no item of a's
            closes = gap.count(")") > gap.count("(")
            if not breaks and not closes and _ENUM_GAP.search(gap) and len(gap) < 60:
                b.kind, b.unit = a.kind, a.unit
                if b.scale == 1 and a.scale != 1 and a.kind == "money":
                    b.scale = a.scale
    pairs = zip(range_gaps, cands, cands[1:])
    dashes = [g and _DASH_GAP.match(t[a.end : b.start], 0, None, HOLD) is not None for g, a, b in pairs]
    for k, (a, b) in enumerate(zip(cands, cands[1:])):
        gap = t[a.end : b.start]
        if dashes[k] and ((k and dashes[k - 1]) or (k + 1 < len(dashes) and dashes[k + 1])):
            continue  # "75,36% - 17,36% - 3,29% - 3,99%": a list written with dashes, no range
        if range_gaps[k] and (a.kind in ("number", b.kind)) and b.kind != "number":
            if "và" in gap.lower() and a.kind != "number":
                continue
            if "và" in gap.lower() and not _RANGE_LEAD.search(_prefix(t, a.start)):
                continue
            if a.kind == "number":
                a.kind, a.unit = b.kind, b.unit
                if a.scale == 1 and b.scale != 1:
                    a.scale = b.scale
            a.range, b.range = "low", "high"
            if a.change is None and b.change:
                a.change = b.change
            if b.change is None and a.change:
                b.change = a.change
    return cands


# Suffix readings: these patterns end where the text searched ends ("…\s*$": the words right before a
# number), so a backwards match anchored at the end rejects a text at once (`_LABEL`, 130 alternatives,
# ~8x faster); tests/test_extract_centre.py checks that backwards and forwards agree on which texts match.
SUFFIX_PATTERNS = (
    "_LABEL",
    "_QUALIFIER",
    "_CHANGE",
    "_RANK",
    "_DATE_LEAD",
    "_RATIO_LEAD",
    "_PHONE_LABEL",
    "_SPELLED_BLOCK",
    "_NAMED_BEFORE",
    "_LETTERS_END",
    "_LEVEL_AFTER",
    "_GAP_WORDS",
    "_YEAR_WORD_BEFORE",
    "_FROM_UP",
    "_SUBJECT_COUNT",
    "_SUBJECT_RATE",
    "_LABELLED_ROW",
)
# What the suffix patterns end with: (the most non-space characters a match holds when it is a boundary
# character and one phrase, else None; the phrases whose last words end every match; punctuation that may
# follow them; the most runs of non-space characters a match touches).
_SUFFIX_HINTS: dict[str, tuple] = {
    # a match touches a word before the label (or its boundary), the label's words, "số" and ":"
    "_LABEL": (None, (*vocab.LABEL_WORDS, "số"), ":.", 4 + max(len(w.split()) for w in vocab.LABEL_WORDS)),
    "_QUALIFIER": (reach_of(vocab.QUALIFIERS), vocab.QUALIFIERS),
    "_CHANGE": (
        None,
        (*vocab.CHANGE_WORDS, *"thêm được khoảng hơn gần trên xỉ đến tới".split(),
         *"lượt là ứng".split()),
    ),
    "_RANK": (reach_of(vocab.RANK_LEADS), vocab.RANK_LEADS),
    "_DATE_LEAD": (
        reach_of(("khoảng từ", "chiều", "trước")),
        tuple("ngày từ đến tới hôm sáng chiều tối trưa đêm trước sau hạn vào".split()),
    ),
    "_RATIO_LEAD": (
        reach_of(("hoàn thành", "duy trì")),
        tuple("đạt thành có được chiếm gồm trong là trì".split()),
    ),
    "_SPELLED_BLOCK": (
        reach_of(("tháng", "ngày", "tuổi")),
        tuple("tháng ngày thứ quý lần đầu khóa số mùng mồng tuổi năm".split()),
    ),
    "_PHONE_LABEL": (None, tuple("thoại nóng hotline đài số nhà".split())),
    "_FROM_UP": (reach_of(("từ",)), ("từ",)),
    "_SUBJECT_COUNT": (None, ("là", "đạt", "có"), ":"),
    "_SUBJECT_RATE": (None, ("là", "đạt", "lệ", "trọng"), ":"),
    "_LEVEL_AFTER": (None, (*vocab.LEVEL_AFTER_CHANGE, *vocab.QUALIFIERS)),
    "_GAP_WORDS": (None, vocab.QUALIFIERS),
}
globals().update(
    {name: Suffix(globals()[name], *_SUFFIX_HINTS.get(name, ())) for name in SUFFIX_PATTERNS}
)  # same names, read fast

# What may follow a number, read at the start of the rest of its line: each pattern is run only when the
# first non-space character can begin one of its words.
_LEADS = {
    "_PP": ("điểm",),
    "_PERCENT": ("%", *vocab.PERCENT_WORDS),
    "_CURRENCY": tuple(vocab.CURRENCIES),
    "_MEASURE": tuple(vocab.MEASURES),
    "_MULTIPLE": ("lần",),
    "_SCORE": ("điểm",),
    "_DURATION": tuple(vocab.DURATIONS),
    "_ADMIN_LIST": ("UBND", "Ủy", "ủy", "các", *vocab.ADMIN_UNITS),
    "_COUNT": tuple(vocab.COUNT_NOUNS),
}
globals().update({name: Lead(globals()[name], words) for name, words in _LEADS.items()})
# The leads tried on the rest of a line after a number (`_follow`, `_strong_unit`): one lookup says which
# can match there, each of the others is passed over without a call.
_FOLLOWING = LeadSet({name: globals()[name] for name in _LEADS})
_B_PP, _B_PERCENT, _B_CURRENCY, _B_MEASURE, _B_MULTIPLE, _B_SCORE, _B_DURATION, _B_ADMIN_LIST, _B_COUNT = (
    _FOLLOWING.bits[name] for name in _LEADS
)
_B_STRONG = _B_PERCENT | _B_CURRENCY | _B_MEASURE | _B_ADMIN_LIST | _B_COUNT  # units that make a figure
