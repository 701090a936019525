"""Numbers that are not figures: document numbers, dates, times, phones, URLs, standards, periods.

A report mentions "Quyết định số 1149/QĐ-BNV ngày 30/12/2020" and "đường dây nóng 1022" next to
"102.669 hồ sơ"; only the last is a figure.  Each family is one named pattern, so a test can say
which family swallowed a number and a new family is one more row.  Patterns run on NFC text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

# (family, pattern).  Order does not matter: every match masks its span.
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("url", r"(?:https?://|www\.)[^\s<>\"')\]]+"),
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("domain", r"\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info|int)(?:/[^\s<>\"')\]]*)?\b"),
    # 1149/QĐ-BNV, 30c/NQ-CP, 202/2025/QH15, 61/2018/NĐ-CP, 45/GP-TTĐT, 01/2021/TT-BTTTT
    ("document-number", r"(?<![\w/])\d+[\p{L}\d]*(?:[/-]\d+)*/[\p{Lu}Đ][\p{L}\d.&-]*"),
    ("standard", r"\b(?:TCVN\s*)?(?:ISO|IEC|TCVN|QCVN|IEEE)(?:\s*/\s*IEC)?[\s-]*\d[\d.]*(?:\s*[-:]\s*\d+)*(?:\s*:\s*\d{4})?"),
    # 25/06/2021, 27-6-2019, 22 - 03 - 2016, 10.10.2020, 01/1/21
    ("date", r"(?<![\d.,/])\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*(?:19|20)?\d{2}(?![\d])"),
    ("date", r"(?<![\d.,/])\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}(?!\d)"),
    # tháng 5/2021, 6/2021, 12-2020
    ("month-year", r"(?<![\d.,/])(?:0?[1-9]|1[0-2])\s*[/-]\s*(?:19|20)\d{2}(?!\d)"),
    ("date", r"(?i:ngày)\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2})?(?:\s*[/.-]\s*\d{2,4})?(?!\d)"),
    ("date", r"(?i:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"),
    ("month", r"(?i:tháng)\s+\d{1,2}(?:\s*(?:năm\s+|[/-]\s*)\d{4})?(?!\d)"),
    ("year-range", r"(?i:(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|niên\s+độ|năm\s+học|khóa|khoá|từ\s+năm|các\s+năm|năm)\s+)?(?<![\d.,])(?:19|20)\d{2}\s*(?:-|–|—|đến|tới|/)\s*(?:19|20)?\d{2,4}(?![\d.,]*\d)"),
    ("year", r"(?i:năm|niên\s+khóa|vụ|mùa|kế\s+hoạch|dự\s+toán|đến|từ|sau|trước|cuối|đầu|giữa)\s+(?:19|20)\d{2}(?![\d.,]*\d)"),
    ("quarter", r"(?i:quý)\s+(?:[1-4]|I{1,3}|IV)(?:\s*(?:năm\s+|[/-]\s*)\d{4})?"),
    ("quarter", r"\b(?:I{1,3}|IV)\s*/\s*\d{4}"),
    # 6 tháng đầu năm, 9 tháng năm 2021, 6 tháng cuối năm 2021, 3 tháng qua
    ("period", r"(?<![\d.,])\d{1,2}\s+tháng\s+(?:đầu\s+năm|cuối\s+năm|năm\s+\d{4}|qua|vừa\s+qua|đầu|cuối|\d{4}|/\s*\d{4})(?:\s+\d{4})?"),
    ("period", r"(?m:^|(?<=[.;:,]\s*)|(?<=\p{Lu}\p{Ll}*\s))\d{1,2}\s+tháng(?=\s*[,;:])"),
    # "Kim ngạch xuất khẩu 9 tháng ước đạt …": a period of the year, not a duration of 9 months
    ("period", r"(?<![\d.,])(?:[1-9]|1[0-2])\s+tháng(?=\s*(?:,|ước|đạt|qua|vừa\s+qua|tăng|giảm|là|có|của)(?![\p{L}]))"),
    ("weekday", r"(?<!(?i:đứng|xếp|vị\s+trí|hạng|vị)\s+)(?i:thứ)\s+[2-7](?!\d)|(?i:chủ\s+nhật)"),
    # 17:00, 5:05 PM, 17h30, 8h, 17 giờ 30
    ("time", r"(?<![\d.,])\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?![\d])"),
    ("time", r"(?<![\d.,])\d{1,2}\s*[hH]\s*\d{0,2}(?:\s*(?:phút|p))?(?![\p{L}\d])"),
    ("time", r"(?i:lúc|vào\s+lúc|từ\s+lúc|đến\s+lúc)\s+\d{1,2}(?:\s*giờ(?:\s*\d{1,2}(?:\s*phút)?)?)?"),
    ("time", r"(?<![\d.,])\d{1,2}\s*giờ\s*\d{1,2}(?:\s*phút)?"),
    # 0274.3822.518, 028 3822 1234, +84 274 3822 518, 1900 54 54 81, 1800.1234
    ("phone", r"(?<![\d.,])(?:\+84[\s.-]?|0)\d{2,3}[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\d])"),
    ("phone", r"(?<![\d.,])1[89]00[\s.]?\d{2,4}(?:[\s.]?\d{2,4})*(?![\d])"),
    # tỷ lệ 1/500, 1:2000 map scales
    ("map-scale", r"(?i:tỷ\s+lệ|tỉ\s+lệ)\s+1\s*[/:]\s*[\d.]+"),
    ("map-scale", r"(?<![\d.,])1\s*:\s*\d{3,}(?:\.\d{3})*"),
    # codes glued to letters: COVID-19, SARS-CoV-2, H5N1, QH15, F0, 5G, 4.0 (công nghiệp 4.0)
    ("code", r"\b\p{Lu}[\p{L}]*-\d+\b|\b\p{Lu}+\d+(?:\p{Lu}+\d*)*\b|\b\d+\p{Lu}\b|(?i:công\s+nghiệp|cách\s+mạng|chuyển\s+đổi\s+số|phiên\s+bản|web|version)\s+\d\.\d\b"),
    # "nằm trong số 10 tỉnh đạt điểm cao nhất", "lọt top 10": a ranking group, not a count
    ("top-group", r"(?i:(?:nằm|lọt|đứng)\s+(?:trong\s+)?(?:số\s+|nhóm\s+)?(?:top\s+)?)\d+"),
    # "kỷ niệm 78 năm Cách mạng tháng Tám": an anniversary, not a duration
    ("anniversary", r"(?i:kỷ\s+niệm|kỉ\s+niệm|tròn)\s+\d+\s+năm"),
    # "là 1 trong 2 chỉ số": "one of", like "một trong những"
    ("one-of", r"(?<![\d.,])1(?=\s+trong\s+(?:số\s+)?(?:những\s+)?\d)"),
    ("enumeration", r"(?m:^\s*\(?\d{1,2}[.)](?=\s))|\((?:\d{1,2})\)"),
)

_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple((name, regex.compile(p)) for name, p in _FAMILIES)


# Every family has cheap triggers (stdlib `re`, each searched once over the text) and a reach: the
# family's pattern only runs in windows around its triggers, so a long report costs a few fast scans
# instead of thirty full ones.  A family with no trigger in the text is skipped entirely.
# family: (reach, trigger on the text, trigger on the lower-cased text).  Case-insensitive triggers run
# on the lower-cased text, which is several times faster than IGNORECASE; a trigger that starts with a
# digit lets the scanner skip quickly to digits.
_TRIGGERS: dict[str, tuple[int, str | None, str | None]] = {
    "email": (80, r"@", None),
    "weekday": (30, None, r"thứ|chủ\s+nhật"),
    "document-number": (60, r"/\s*[A-ZĐ]", None),
    "standard": (60, r"ISO|IEC|TCVN|QCVN|IEEE", None),
    "date": (45, r"\d\s*[/.-]\s*\d", r"ngày|tháng"),
    "month-year": (15, r"[/-]\s*(?:19|20)\d\d", None),
    "month": (30, None, r"tháng"),
    "year-range": (45, r"(?:19|20)\d\d", None),
    "year": (30, r"(?:19|20)\d\d", None),
    "quarter": (30, None, r"quý|[iv]\s*/\s*\d"),
    "period": (40, r"tháng", None),
    "time": (30, None, r":|\d\s*h|giờ|lúc"),
    "phone": (30, r"(?:\+84|0\d{2,3})[\s.-]?\d{3}|1[89]00", None),
    "map-scale": (30, r"1\s*[/:]\s*\d", None),
    # a digit glued to a letter ("H5N1", "COVID-19", "5G"), or "công nghiệp 4.0"
    "code": (
        42, r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_]-\d)|(?=[^\W\d_]))",
        r"(?:công\s+nghiệp|cách\s+mạng|chuyển\s+đổi\s+số|phiên\s+bản|web|version)\s+\d",
    ),
    "top-group": (40, None, r"nằm|lọt|đứng"),
    "anniversary": (30, None, r"k[ỷỉ]\s+niệm|tròn"),
    "one-of": (5, r"1\s+trong", None),
    "enumeration": (8, r"(?m)^\s*\(?\d|\(\d", None),
}
_COMPILED_TRIGGERS = {
    name: (reach, re.compile(on_text) if on_text else None, re.compile(on_lower) if on_lower else None,
           re.compile(on_lower, re.I) if on_lower else None)
    for name, (reach, on_text, on_lower) in _TRIGGERS.items()
}
# URLs and domains can be long: they run over the whole text, gated by a substring test.
_GATES: dict[str, tuple[str, ...]] = {
    "url": ("://", "www."),
    "domain": (".vn", ".com", ".net", ".org", ".gov", ".edu", ".info", ".int"),
}


def _windows(text: str, lowered: str | None, name: str) -> list[tuple[int, int]]:
    """Merged windows of `reach` around every trigger hit of family `name`."""
    reach, on_text, on_lower, any_case = _COMPILED_TRIGGERS[name]
    hits: list[tuple[int, int]] = []
    if on_text is not None:
        hits += [m.span() for m in on_text.finditer(text)]
    if on_lower is not None:
        # same offsets: `lowered` is only used when lower-casing kept the length
        hits += [m.span() for m in (on_lower.finditer(lowered) if lowered is not None else any_case.finditer(text))]
    if on_text is not None and on_lower is not None:
        hits.sort()
    windows: list[tuple[int, int]] = []
    n = len(text)
    for start, end in hits:
        lo, hi = max(0, start - reach), min(n, end + reach)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def non_figure_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Every (start, end, family) span of `text` that holds a number which is not a figure."""
    cache: dict[str, list[tuple[int, int]]] = {}
    lowered: str | None = text.lower()
    if len(lowered) != len(text):
        lowered = None
    for name, pattern in _PATTERNS:
        if name in _GATES:
            windows = [(0, len(text))] if any(g in text for g in _GATES[name]) else []
        else:
            if name not in cache:
                cache[name] = _windows(text, lowered, name)
            windows = cache[name]
        last_end = -1
        for lo, hi in windows:
            for m in pattern.finditer(text, lo, hi):
                if m.end() > m.start() and m.start() >= last_end:
                    last_end = m.end()
                    yield m.start(), m.end(), name


def family_at(text: str, start: int, end: int) -> str | None:
    """The non-figure family that covers text[start:end], if any (for tests and diagnostics)."""
    for s, e, name in non_figure_spans(text):
        if s <= start and end <= e:
            return name
    return None


class Mask:
    """Fast "is this span a non-figure?" over one text: a sorted interval list."""

    def __init__(self, text: str) -> None:
        spans = sorted((s, e) for s, e, _ in non_figure_spans(text))
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._spans = merged

    def overlaps(self, start: int, end: int) -> bool:
        import bisect

        i = bisect.bisect_right(self._starts, start) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self._spans):
                s, e = self._spans[j]
                if s < end and start < e:
                    return True
        return False
