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


# Every family has a cheap trigger (stdlib `re`, searched once over the text) and a reach: the
# family's pattern only runs in windows around its triggers, so a long report costs a few fast scans
# instead of thirty full ones.  A family with no trigger in the text is skipped entirely.
_TRIGGERS: dict[str, tuple[re.Pattern[str], int]] = {
    "email": (re.compile(r"@"), 80),
    "weekday": (re.compile(r"thứ|chủ\s+nhật", re.I), 30),
    "document-number": (re.compile(r"/\s*[A-ZĐ]"), 60),
    "standard": (re.compile(r"ISO|IEC|TCVN|QCVN|IEEE"), 60),
    "date": (re.compile(r"\d\s*[/.-]\s*\d|ngày|tháng", re.I), 45),
    "month-year": (re.compile(r"[/-]\s*(?:19|20)\d\d"), 15),
    "month": (re.compile(r"tháng", re.I), 30),
    "year-range": (re.compile(r"(?:19|20)\d\d"), 45),
    "year": (re.compile(r"(?:19|20)\d\d"), 30),
    "quarter": (re.compile(r"quý|[IV]\s*/\s*\d", re.I), 30),
    "period": (re.compile(r"tháng"), 40),
    "time": (re.compile(r":|\d\s*[hH]|giờ|lúc", re.I), 30),
    "phone": (re.compile(r"(?:\+84|0\d{2,3})[\s.-]?\d{3}|1[89]00"), 30),
    "map-scale": (re.compile(r"1\s*[/:]\s*\d"), 30),
    "code": (re.compile(r"[^\W\d_]-?\d|\d[^\W\d_]|(?i:công\s+nghiệp|cách\s+mạng|chuyển\s+đổi\s+số|phiên\s+bản|web|version)\s+\d"), 40),
    "top-group": (re.compile(r"nằm|lọt|đứng", re.I), 40),
    "anniversary": (re.compile(r"k[ỷỉ]\s+niệm|tròn", re.I), 30),
    "one-of": (re.compile(r"1\s+trong"), 5),
    "enumeration": (re.compile(r"(?m)^\s*\(?\d|\(\d"), 8),
}
# URLs and domains can be long: they run over the whole text, gated by a substring test.
_GATES: dict[str, tuple[str, ...]] = {
    "url": ("://", "www."),
    "domain": (".vn", ".com", ".net", ".org", ".gov", ".edu", ".info", ".int"),
}


def _windows(text: str, trigger: re.Pattern[str], reach: int) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    n = len(text)
    for m in trigger.finditer(text):
        lo, hi = max(0, m.start() - reach), min(n, m.end() + reach)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def non_figure_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Every (start, end, family) span of `text` that holds a number which is not a figure."""
    cache: dict[str, list[tuple[int, int]]] = {}
    for name, pattern in _PATTERNS:
        if name in _GATES:
            windows = [(0, len(text))] if any(g in text for g in _GATES[name]) else []
        else:
            if name not in cache:
                trigger, reach = _TRIGGERS[name]
                cache[name] = _windows(text, trigger, reach)
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
