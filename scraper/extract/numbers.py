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

from . import vocab

__all__ = [
    "Convention",
    "DigitReading",
    "SCALES",
    "parse_digits",
    "parse_number",
    "parse_spelled",
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


def _below_thousand(words: list[str]) -> Decimal:
    """A group such as "ba trăm linh năm", "hai mươi mốt", "mười lăm", "chín mươi tư", "trăm"."""
    if not words:
        raise ValueError("empty group")
    total = 0
    i = 0
    # hundreds
    if len(words) >= 2 and words[1] == "trăm" and words[0] in _UNITS:
        total += _UNITS[words[0]] * 100
        i = 2
    elif words[0] == "trăm":
        total += 100
        i = 1
    rest = words[i:]
    if not rest:
        return Decimal(total)
    if rest[0] in ("linh", "lẻ"):
        if i == 0 or len(rest) != 2 or rest[1] not in _UNITS:
            raise ValueError("'linh/lẻ' must follow 'trăm' and precede one digit")
        return Decimal(total + _UNITS[rest[1]])
    if rest[0] == "mười":
        tens, rest = 10, rest[1:]
    elif len(rest) >= 2 and rest[1] == "mươi" and rest[0] in _UNITS and _UNITS[rest[0]] >= 2:
        tens, rest = _UNITS[rest[0]] * 10, rest[2:]
    else:
        tens = 0
    if rest:
        if len(rest) != 1:
            raise ValueError(f"unexpected words {' '.join(rest)!r}")
        word = rest[0]
        if word == "rưỡi" and tens == 0 and i > 0:  # "một trăm rưỡi" = 150
            return Decimal(total + 50)
        if word not in _UNITS:
            raise ValueError(f"not a number word: {word!r}")
        unit = _UNITS[word]
        if tens == 0 and i > 0 and unit:
            raise ValueError("a digit after 'trăm' needs 'linh/lẻ' or tens")
        if word == "mốt" and tens < 20:
            raise ValueError("'mốt' only follows 'mươi'")
        if word in ("lăm", "nhăm") and tens == 0:
            raise ValueError("'lăm' only follows tens")
        if word == "tư" and tens < 20:
            raise ValueError("'tư' as four only follows 'mươi'")
        if word == "năm" and tens:
            raise ValueError("after tens five is 'lăm'; 'mười năm' is ten years")
        if word == "không" and (tens or i):
            raise ValueError("misplaced 'không'")
        total += tens + unit
    else:
        total += tens
    return Decimal(total)


def parse_spelled(text: str) -> Decimal:
    """Spelled Vietnamese numbers: "hai mươi ba", "một trăm linh năm", "ba nghìn không trăm linh năm",
    "một triệu hai trăm nghìn", "hai triệu rưỡi"."""
    words = text.lower().split()
    if not words:
        raise ValueError("empty number")
    # "ba nghìn không trăm linh năm": "không trăm" is a zero hundreds digit, read like any other.
    return _combine_scaled(words, _below_thousand)


def _combine_scaled(tokens: list[str], read_group) -> Decimal:
    """Apply scale words: "1 tỷ 200 triệu", "2,5 nghìn tỷ", "15 triệu 300 nghìn".

    A scale larger than the one before it multiplies everything so far ("nghìn tỷ"); a smaller
    one starts a new addend ("tỷ … triệu").
    """
    total = Decimal(0)
    group: list[str] = []
    last_scale: Decimal | None = None
    pending_half = False
    for tok in tokens:
        scale = SCALES.get(tok)
        if scale is None:
            if tok == "rưỡi" and last_scale is not None and not group:
                pending_half = True  # "hai triệu rưỡi" = 2.5 million
                continue
            group.append(tok)
            continue
        if not group and last_scale is None:
            raise ValueError(f"scale word {tok!r} without a number")
        cur = read_group(group) if group else Decimal(0)
        if last_scale is not None and scale > last_scale:
            total = (total + cur) * scale
        else:
            if cur == 0 and not group:
                raise ValueError(f"scale word {tok!r} without a number")
            total += cur * scale
        group = []
        last_scale = scale
    if group:
        total += read_group(group)
    if pending_half and last_scale is not None:
        total += last_scale / 2
    return total


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

_VI_EVIDENCE = regex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,]*\d)|(?<![\d.,])\d+,\d{1,2}(?!\d)|\d\.\d{3},\d")
_EN_EVIDENCE = regex.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d.,]*\d)|(?<![\d.,/])\d+\.\d{1,2}\s?%|\d,\d{3}\.\d")


def detect_convention(text: str) -> Convention | None:
    """'vi' or 'en' where the document's own numbers make it clear, else None."""
    vi = len(_VI_EVIDENCE.findall(text))
    en = len(_EN_EVIDENCE.findall(text))
    if vi == en:
        return None if vi == 0 else "vi"
    return "vi" if vi > en else "en"
