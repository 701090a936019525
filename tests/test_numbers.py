"""The number parser: a big table of what real reports print, plus round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from scraper.numbers import detect_convention, parse_digits, parse_number

D = Decimal

CASES = [
    # thousands groups with '.', decimals with ','
    ("102.669", D("102669")), ("1.234.567", D("1234567")), ("98,2", D("98.2")), ("0,1", D("0.1")),
    ("1.234,5", D("1234.5")), ("09", D("9")), ("866,907", D("866.907")), ("8.283,276", D("8283.276")),
    ("2.970", D("2970")), ("24.068", D("24068")), ("618.226", D("618226")), ("99,99", D("99.99")),
    ("1,69", D("1.69")), ("12.737,4", D("12737.4")), ("0", D("0")), ("100", D("100")), ("5,416", D("5.416")),
    ("1.000.000.000", D("1000000000")), ("007", D("7")),
    # scale words
    ("1,2 triệu", D("1200000")), ("3 tỷ", D("3000000000")), ("3.500 tỷ", D("3500000000000")),
    ("2,5 nghìn tỷ", D("2500000000000")), ("1.330 nghìn tỷ", D("1330000000000000")), ("140 nghìn", D("140000")),
    ("14,4 triệu", D("14400000")), ("50,3 nghìn tỷ", D("50300000000000")), ("166 ngàn", D("166000")),
    ("2 tỉ", D("2000000000")), ("1 tỷ 200 triệu", D("1200000000")), ("15 triệu 300 nghìn", D("15300000")),
    ("866,907 tỷ", D("866907000000")), ("7.201 triệu", D("7201000000")), ("1 triệu", D("1000000")),
    # spelled numbers and regional variants
    ("hai mươi ba", D("23")), ("một trăm linh năm", D("105")), ("một trăm lẻ năm", D("105")),
    ("hai mươi mốt", D("21")), ("mười lăm", D("15")), ("chín mươi tư", D("94")), ("mười", D("10")),
    ("ba nghìn không trăm linh năm", D("3005")), ("một triệu hai trăm nghìn", D("1200000")),
    ("hai mươi lăm", D("25")), ("bốn mươi nhăm", D("45")), ("mười một", D("11")), ("năm mươi", D("50")),
    ("bảy trăm", D("700")), ("chín trăm chín mươi chín", D("999")), ("một nghìn", D("1000")),
    ("hai triệu rưỡi", D("2500000")), ("một trăm rưỡi", D("150")), ("ba tỷ", D("3000000000")),
    ("sáu mươi ba", D("63")), ("bẩy", D("7")), ("không", D("0")), ("một trăm hai mươi", D("120")),
    ("hai nghìn không trăm hai mươi mốt", D("2021")), ("mười chín", D("19")), ("bốn", D("4")),
    ("Hai Mươi Ba", D("23")), ("năm trăm nghìn", D("500000")), ("tám mươi", D("80")),
    # "lẻ/linh" after a scale word: the group's hundreds are zero
    ("năm nghìn lẻ bảy mươi lăm", D("5075")), ("hai tỷ lẻ một", D("2000000001")), ("một nghìn linh mười", D("1010")),
    ("bốn triệu lẻ hai mươi mốt nghìn", D("4021000")), ("một trăm nghìn tỷ lẻ năm", D("100000000000005")),
    ("sáu ngàn linh bốn", D("6004")), ("sáu ngàn linh tư", D("6004")), ("một trăm lẻ tư", D("104")), ("bảy tỉ lẻ chín", D("7000000009")),
    # shortened tenths and halves, "tư" after tens, "không trăm", "vạn", spelled decimals
    ("một trăm mốt", D("110")), ("hai trăm tư", D("240")), ("một nghìn tư", D("1400")), ("ba triệu rưỡi", D("3500000")),
    ("mười tư", D("14")), ("ba mươi tư", D("34")), ("hai nghìn không trăm mười", D("2010")),
    ("một triệu không trăm linh năm nghìn", D("1005000")), ("hai vạn", D("20000")), ("1,5 vạn", D("15000")),
    ("hai phẩy năm", D("2.5")), ("không phẩy không năm", D("0.05")), ("mười hai phẩy ba mươi bốn", D("12.34")),
    # unambiguous English-style forms read the only way they can be read
    ("1,282,217", D("1282217")), ("6.5", D("6.5")), ("1,234.5", D("1234.5")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_parse_number_table(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


NOT_NUMBERS = [
    "", "   ", "abc", "1149/QĐ-BNV", "hai bên", "mươi", "linh năm", "12.34.567", "1.2.3", "1,2,3", "tỷ",
    "một cửa", "1.234,5,6", "mười mốt", "tư", "lăm", "trăm linh", "nghìn",
    # "lẻ/linh" needs something before it and a digit or tens after it; "năm" after tens is "years"
    "lẻ năm", "năm nghìn lẻ", "một trăm linh mười", "lẻ lẻ năm", "mười năm", "hai mươi năm", "một trăm năm",
    "phẩy", "một phẩy", "phẩy năm", "rưỡi", "hai triệu rưỡi năm", "một trăm tư năm", "một trăm hai",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_convention_decides_the_ambiguous_forms() -> None:
    assert parse_digits("1,234", "vi").value == D("1.234")
    assert parse_digits("1,234", "en").value == D("1234")
    assert parse_digits("1.234", "vi").value == D("1234")
    assert parse_digits("1.234", "en").value == D("1.234")
    assert parse_digits("1.234", "vi").ambiguous and parse_digits("1,234", "vi").ambiguous
    assert not parse_digits("98,2", "vi").ambiguous


def test_document_convention() -> None:
    assert detect_convention("tiếp nhận 102.669 hồ sơ, tỷ lệ 98,2%") == "vi"
    assert detect_convention("GDP growth of 6.5% and 1,282,217 visits") == "en"
    assert detect_convention("không có số") is None


@pytest.mark.parametrize("text,expected", [
    # English prose with no number that settles it: its words do (news agencies' English pages)
    ("The district now has more than 12,400 hectares of coffee, of which 9,870 hectares are in harvest.", "en"),
    ("Exports rose 16.37 percent from the same period.", "en"),  # "percent" settles it like "%"
    # Vietnamese prose, or English words in it, stays open where its numbers do
    ("Huyện hiện có hơn 12,4 ha cà phê và 9,8 ha hồ tiêu đang cho thu hoạch.", "vi"),
    ("Diện tích cà phê 12,400 ha, theo Báo cáo of the Department and the Board.", None),
])
def test_an_english_page_reads_english_numbers(text: str, expected: str | None) -> None:
    assert detect_convention(text) == expected


# --- properties: format the Vietnamese way, parse back exactly ---------------------------------

def vi_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def vi_dec(n: int, frac: str) -> str:
    return f"{vi_int(n)},{frac}"


@given(st.integers(min_value=0, max_value=10**15))
def test_roundtrip_integers(n: int) -> None:
    assert parse_number(vi_int(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.from_regex(r"\A[0-9]{1,4}\Z"))
def test_roundtrip_decimals(n: int, frac: str) -> None:
    assert parse_number(vi_dec(n, frac)) == Decimal(f"{n}.{frac}")


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from([("nghìn", 10**3), ("triệu", 10**6), ("tỷ", 10**9), ("nghìn tỷ", 10**12)]))
def test_roundtrip_scale_words(n: int, scale: tuple[str, int]) -> None:
    word, mult = scale
    assert parse_number(f"{vi_int(n)} {word}") == n * mult


_DIG = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def spell_below_1000(n: int, full: bool) -> str:
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    parts: list[str] = []
    if h or full:
        parts += [_DIG[h], "trăm"]
        if rest and t == 0:
            return " ".join(parts + ["linh", _DIG[u]])
    if t == 1:
        parts.append("mười")
    elif t > 1:
        parts += [_DIG[t], "mươi"]
    if u:
        if t >= 2 and u == 1:
            parts.append("mốt")
        elif t >= 1 and u == 5:
            parts.append("lăm")
        else:
            parts.append(_DIG[u])
    return " ".join(parts)


def spell(n: int) -> str:
    if n == 0:
        return "không"
    groups = []
    for word, size in (("tỷ", 10**9), ("triệu", 10**6), ("nghìn", 10**3)):
        q, n = divmod(n, size)
        if q:
            groups.append((q, word))
    out: list[str] = []
    for i, (q, word) in enumerate(groups):
        out.append(spell_below_1000(q, full=False) + " " + word)
    if n:
        out.append(spell_below_1000(n, full=bool(groups)))
    return " ".join(out)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_roundtrip_spelled(n: int) -> None:
    assert parse_number(spell(n)) == n


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_roundtrip_num2words(n: int) -> None:
    """An independent speller: num2words writes "năm nghìn lẻ bảy mươi lăm", "hai tỷ lẻ một" …"""
    num2words = pytest.importorskip("num2words").num2words
    assert parse_number(num2words(n, lang="vi")) == n


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["ngàn", "nghìn"]), st.sampled_from(["linh", "lẻ"]))
def test_roundtrip_num2words_regional_words(n: int, thousand: str, zero: str) -> None:
    num2words = pytest.importorskip("num2words").num2words
    words = [{"nghìn": thousand, "lẻ": zero}.get(w, w) for w in num2words(n, lang="vi").split()]
    assert parse_number(" ".join(words)) == n
