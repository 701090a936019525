"""Vietnamese number expressions to exact Decimals.

Vietnamese groups thousands with '.' and marks decimals with ',': "102.669" is 102669 and "98,2" is
98.2; "866,907 tỷ" is 866.907 billion (a decimal with three digits, not a group).  English-style
numbers ("6.5%", "1,282,217") also appear on the same portals, so the digit reader can be told the
document's convention and reports when a reading depended on it.

Values are always `Decimal`: a dataset of official figures must not carry float noise.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Literal, NamedTuple

import regex

from .. import settings
from . import vocab
from .patterns import digit_runs, finditer_at

__all__ = [
    "Convention",
    "DigitReading",
    "SCALES",
    "parse_digits",
    "parse_number",
    "parse_spelled",
    "read_digits",
    "detect_convention",
    "exact_decimal",
]

Convention = Literal["vi", "en"]

SCALES: dict[str, Decimal] = {k: Decimal(v) for k, v in vocab.SCALE_WORDS.items()}


class DigitReading(NamedTuple):
    value: Decimal
    ambiguous: bool  # True when another convention would read the same digits differently


_DIGITS = regex.compile(r"\d+(?:[.,]\d+)*")


def _grouped(parts: list[str]) -> bool:
    """First group 1–3 digits, every later group exactly 3: a valid thousands grouping."""
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def parse_digits(text: str, convention: Convention = "vi") -> DigitReading:
    """Read one digit string ("102.669", "98,2", "1.234,5", "1,282,217", "6.5").

    Forms that only one convention can produce are read that way whatever `convention` says
    ("1.234.567", "1,282,217", "1.234,5", "6.5"); `convention` decides the rest ("1.234", "1,234").
    """
    if not _DIGITS.fullmatch(text):
        raise ValueError(f"not a number: {text!r}")
    return read_digits(text, convention)


def read_digits(text: str, convention: Convention = "vi") -> DigitReading:
    """`parse_digits` of a text already known to be digits and single separators (`\\d+(?:[.,]\\d+)*`)."""
    dots, commas = text.count("."), text.count(",")
    if not dots and not commas:
        return DigitReading(Decimal(text), False)
    if dots and commas:
        # The separator that comes last is the decimal mark; the other must group thousands.
        dec = "," if text.rfind(",") > text.rfind(".") else "."
        grp = "." if dec == "," else ","
        whole, _, frac = text.rpartition(dec)
        if dec in whole or not _grouped(whole.split(grp)):
            raise ValueError(f"not a number: {text!r} (mixed separators out of place)")
        return DigitReading(Decimal(whole.replace(grp, "") + "." + frac), False)
    sep = "." if dots else ","
    parts = text.split(sep)
    if len(parts) > 2:
        if not _grouped(parts):
            raise ValueError(f"not a number: {text!r} (groups of {sep!r} must be 3 digits)")
        return DigitReading(Decimal("".join(parts)), False)
    whole, frac = parts
    can_group = _grouped(parts)
    home_decimal = "," if convention == "vi" else "."
    if sep == home_decimal:
        # The document's own decimal mark; "1,234" would be a group only in the other convention.
        return DigitReading(Decimal(f"{whole}.{frac}"), can_group)
    if can_group:
        return DigitReading(Decimal(whole + frac), True)
    # "6.5" in a Vietnamese text (or "6,5" in an English one) can only be a decimal.
    return DigitReading(Decimal(f"{whole}.{frac}"), False)


# --- spelled numbers ------------------------------------------------------------------------------

_UNITS = vocab.SPELLED_DIGITS
_ZERO_LINK = ("linh", "lẻ")  # "một trăm linh năm" (105), "năm nghìn lẻ bảy mươi lăm" (5075)
# After "trăm" or a scale word these name the next lower digit, as speech shortens it:
# "một trăm mốt" = 110, "nghìn tư" = 1400; "rưỡi" is a half of the word before it.
_SHORT_TENTHS = {"mốt": 1, "tư": 4}


def _below_hundred(words: list[str], *, after_hundreds: bool) -> int:
    """Tens and units: "hai mươi mốt", "mười lăm", "chín mươi tư", "bảy", "" (0)."""
    if not words:
        return 0
    if words[0] == "mười":
        tens, rest = 10, words[1:]
    elif len(words) >= 2 and words[1] == "mươi" and words[0] in _UNITS and _UNITS[words[0]] >= 2:
        tens, rest = _UNITS[words[0]] * 10, words[2:]
    else:
        tens, rest = 0, words
    if not rest:
        return tens
    if len(rest) != 1:
        raise ValueError(f"unexpected words {' '.join(rest)!r}")
    word = rest[0]
    if word not in _UNITS:
        raise ValueError(f"not a number word: {word!r}")
    unit = _UNITS[word]
    if tens == 0 and after_hundreds and unit:
        raise ValueError("a digit after 'trăm' needs 'linh/lẻ' or tens")
    if word == "mốt" and tens < 20:
        raise ValueError("'mốt' (one) only follows 'mươi'")
    if word in ("lăm", "nhăm") and tens == 0:
        raise ValueError("'lăm' (five) only follows tens")
    if word == "tư" and tens < 10:
        raise ValueError("'tư' (four) only follows tens")
    if word == "năm" and tens:
        raise ValueError("after tens five is 'lăm'; 'mười năm' is ten years")
    if word == "không" and (tens or after_hundreds):
        raise ValueError("misplaced 'không'")
    return tens + unit


def _below_thousand(words: list[str], *, after_scale: bool = False) -> Decimal:
    """A group such as "ba trăm linh năm", "hai mươi mốt", "không trăm linh năm", "trăm", and after
    a scale word "lẻ bảy mươi lăm" (the group's hundreds are zero: "năm nghìn lẻ bảy mươi
    lăm")."""
    if not words:
        raise ValueError("empty group")
    if words[0] in _ZERO_LINK:
        rest = words[1:]
        if not after_scale or not rest or rest[0] in _ZERO_LINK:
            raise ValueError("'linh/lẻ' must follow 'trăm' or a scale word and precede tens or a digit")
        value = 4 if rest == ["tư"] else _below_hundred(rest, after_hundreds=False)  # "lẻ tư" = 4
        if value == 0:
            raise ValueError("'linh/lẻ' before nothing")
        return Decimal(value)
    total, i = 0, 0
    if (
        len(words) >= 2
        and words[1] == "trăm"
        and words[0] in _UNITS
        and words[0] not in ("mốt", "tư", "lăm", "nhăm")
    ):
        total, i = _UNITS[words[0]] * 100, 2  # "không trăm" is a zero hundreds digit
    elif words[0] == "trăm":
        total, i = 100, 1
    rest = words[i:]
    if not rest:
        return Decimal(total)
    if i and len(rest) == 1 and rest[0] in _SHORT_TENTHS:
        return Decimal(total + _SHORT_TENTHS[rest[0]] * 10)  # "một trăm mốt" = 110
    if i and len(rest) == 1 and rest[0] == "rưỡi":
        return Decimal(total + 50)  # "một trăm rưỡi" = 150
    if rest[0] in _ZERO_LINK:
        not_a_digit = ("không", "mốt", "lăm", "nhăm")
        if not i or len(rest) != 2 or rest[1] not in _UNITS or rest[1] in not_a_digit:
            raise ValueError("'linh/lẻ' after 'trăm' precedes one digit")
        return Decimal(total + _UNITS[rest[1]])  # "một trăm linh tư" = 104
    return Decimal(total + _below_hundred(rest, after_hundreds=bool(i)))


def _spelled_fraction(words: list[str]) -> Decimal:
    """The digits after "phẩy": "năm" (0,5), "không năm" (0,05), "ba mươi bốn" (0,34), "hai năm"
    (0,25)."""
    if not words:
        raise ValueError("'phẩy' before nothing")
    if all(w in _UNITS and w not in ("mốt", "tư", "lăm", "nhăm") for w in words):
        digits = "".join(str(_UNITS[w]) for w in words)
    else:
        zeros = 0
        while words and words[0] == "không":
            zeros, words = zeros + 1, words[1:]
        digits = "0" * zeros + str(_below_thousand(words))
    return Decimal("0." + digits)


def parse_spelled(text: str) -> Decimal:
    """Spelled Vietnamese numbers: "hai mươi ba", "một trăm linh năm", "ba nghìn không trăm linh
    năm", "năm nghìn lẻ bảy mươi lăm", "một triệu hai trăm nghìn", "hai triệu rưỡi", "hai
    phẩy năm".

    >>> spelled = ("năm nghìn lẻ bảy mươi lăm", "một trăm mốt", "ba phẩy không năm")
    >>> [parse_spelled(s) for s in spelled]
    [Decimal('5075'), Decimal('110'), Decimal('3.05')]
    """
    words = text.lower().split()
    if not words:
        raise ValueError("empty number")
    if "phẩy" in words:
        k = words.index("phẩy")
        if k == 0 or any(w in SCALES for w in words[k + 1 :]):
            raise ValueError("'phẩy' must sit between a whole number and its decimals")
        return _combine_scaled(words[:k], _below_thousand) + _spelled_fraction(words[k + 1 :])
    return _combine_scaled(words, _below_thousand)


def _combine_scaled(tokens: list[str], read_group) -> Decimal:
    """Apply scale words: "1 tỷ 200 triệu", "2,5 nghìn tỷ", "15 triệu 300 nghìn", "hai tỷ lẻ
    một".

    A scale larger than the one before it multiplies everything so far ("nghìn tỷ"); a smaller
    one starts a new addend ("tỷ … triệu").  A group after a scale word may open with "lẻ/linh".
    """
    total = Decimal(0)
    group: list[str] = []
    last_scale: Decimal | None = None
    pending_half = False
    for tok in tokens:
        scale = SCALES.get(tok)
        if scale is None:
            half = tok in ("rưỡi", *_SHORT_TENTHS)
            if half and last_scale is not None and not group and not pending_half:
                # "hai triệu rưỡi" = 2.5 million, "nghìn tư" = 1400
                pending_half = True
                half = last_scale / 2 if tok == "rưỡi" else last_scale * _SHORT_TENTHS[tok] / 10
                continue
            if pending_half:
                raise ValueError(f"unexpected {tok!r} after a shortened tenth")
            group.append(tok)
            continue
        if pending_half:
            raise ValueError(f"scale word {tok!r} after a shortened tenth")
        if not group and last_scale is None:
            raise ValueError(f"scale word {tok!r} without a number")
        cur = _read(read_group, group, last_scale) if group else Decimal(0)
        if last_scale is not None and scale > last_scale:
            total = (total + cur) * scale
        else:
            if cur == 0 and not group:
                raise ValueError(f"scale word {tok!r} without a number")
            total += cur * scale
        group = []
        last_scale = scale
    if group:
        total += _read(read_group, group, last_scale)
    if pending_half:
        total += half
    return total


def _read(read_group, group: list[str], last_scale: Decimal | None) -> Decimal:
    if group[0] in _ZERO_LINK and all(w.isalpha() for w in group):
        return _below_thousand(group, after_scale=last_scale is not None)
    return read_group(group)


def parse_number(text: str, convention: Convention = "vi") -> Decimal:
    """One Vietnamese number expression to an exact Decimal.

    >>> parse_number("102.669"), parse_number("98,2"), parse_number("1,2 triệu")
    (Decimal('102669'), Decimal('98.2'), Decimal('1200000'))
    >>> parse_number("hai mươi ba")
    Decimal('23')

    Raises ValueError for anything that is not a number ("1149/QĐ-BNV", "abc", "").
    """
    if not isinstance(text, str):
        raise ValueError(f"not a number: {text!r}")
    from ..text import normalize

    cleaned = normalize(text).strip().lower()
    if not cleaned:
        raise ValueError("empty number")
    tokens = cleaned.split()
    if tokens[0][0].isdigit() or any(t[0].isdigit() for t in tokens):

        def read_group(group: list[str]) -> Decimal:
            if len(group) == 1 and group[0][0].isdigit():
                return parse_digits(group[0], convention).value
            return parse_spelled(" ".join(group))

        try:
            return exact_decimal(_combine_scaled(tokens, read_group))
        except InvalidOperation as exc:  # pragma: no cover - guarded by the digit regex
            raise ValueError(f"not a number: {text!r}") from exc
    return exact_decimal(parse_spelled(cleaned))


def exact_decimal(value: Decimal) -> Decimal:
    """1200000.0 → 1200000, 98.20 → 98.2: the same number, written as a reader would."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# --- convention of a whole document ---------------------------------------------------------------

_VI_EVIDENCE = regex.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,]*\d)|(?<![\d.,])\d+,\d{1,2}(?!\d)|\d\.\d{3},\d"
)
# Weaker: "8.169 việc", one group of thousands before a lower-case word (a count in Vietnamese text).
# It outweighs a few "5.6%" typos but does not settle a text on its own ("đạt 1.234 lượt" stays open).
_VI_HINT = regex.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])[ \t]+\p{Ll}")
_EN_EVIDENCE = regex.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d.,]*\d)|(?<![\d.,/])\d+\.\d{1,2}\s?(?:%|percent)"
    r"|\d,\d{3}\.\d"
)
# A text written in English: its function words, and (below) almost no letter outside ASCII.  Its "82,600
# hectares" groups thousands even where no number settles the convention.
_ENGLISH_WORDS = regex.compile(r"(?<![\p{L}])(?:the|of|and|with|from|has|have|was|were)(?![\p{L}])")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")


def detect_convention(text: str, same_digits: str | None = None) -> Convention | None:
    """'vi' or 'en' where the document's own numbers make it clear, else None.

    `same_digits` is a text with the same digits at the same offsets (the lower-cased text), whose runs of
    digits the other stages read too."""
    vi_starts, en_starts = _evidence_starts(text, digit_runs(text if same_digits is None else same_digits))
    vi = sum(1 for _ in finditer_at(_VI_EVIDENCE, text, vi_starts))
    en = sum(1 for _ in finditer_at(_EN_EVIDENCE, text, en_starts))
    if en > vi:
        vi += sum(1 for _ in finditer_at(_VI_HINT, text, vi_starts))
    if vi == en:
        return None if vi == 0 and not _in_english(text) else "en" if vi == 0 else "vi"
    return "vi" if vi > en else "en"


def _in_english(text: str) -> bool:
    """Whether `text` reads as English: its function words, and a letter outside ASCII at most one in 200."""
    words = len(_ENGLISH_WORDS.findall(text))
    if words < settings.ENGLISH_MIN_WORDS:
        return False
    return len(_NON_ASCII.findall(text)) * 200 <= len(text)


def _evidence_starts(text: str, runs: tuple[tuple[int, int], ...]) -> tuple[list[int], list[int]]:
    """Where evidence of each convention (vi, en) can start: every branch of the two patterns reads a run
    of digits followed by "." or "," from its first digit (after a lookbehind), or from its last: "1.234,5"
    (vi) from a run followed by ".", "1,234.5" (en) from one followed by ","."""
    n = len(text)
    firsts: list[int] = []
    lasts: dict[str, list[int]] = {".": [], ",": []}
    for s, e in runs:
        if e < n and (sep := text[e]) in ".,":
            firsts.append(s)
            lasts[sep].append(e - 1)
    return sorted({*firsts, *lasts["."]}), sorted({*firsts, *lasts[","]})
