"""Numbers that are not figures: document numbers, dates, times, phones, URLs, standards, periods.

A report mentions "Quyết định số 1149/QĐ-BNV ngày 30/12/2020" and "đường dây nóng 1022" next to
"102.669 hồ sơ"; only the last is a figure.  Each family is one named pattern, so a test can say
which family swallowed a number and a new family is one more row.  Patterns run on NFC text.

Each family runs only in windows around its cheap triggers; triggers and the costliest families are
tried only where they can start (an anchor word from the shared lexicon, a run of digits), so a page
costs one Aho–Corasick pass and one digit scan instead of a scan per trigger.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

import regex

from .. import settings
from . import vocab
from .patterns import HOLD, LEXICON, digit_runs, finditer_at, next_non_space

# Nouns before "cấp N" that make it a class or level ("đường cấp 4"), not the verb "cấp" (to issue).
LEVEL_NOUNS = "|".join(
    (
        "đường",
        "cầu",
        "công trình",
        "bão",
        "gió",
        "gió giật",
        "sóng",
        "báo động",
        "động đất",
        "rủi ro thiên tai",
        "tiêu chuẩn",
        "chuẩn",
        "trường",
        "học",
        "học sinh",
        "đô thị",
        "loại",
        "nút",
        "cảnh báo",
        "lũ",
        "áp thấp",
    )
).replace(" ", r"\s+")
# Per-unit denominators.  After "/", "mỗi", "bình quân", "trung bình" any "1 <unit>"; after "trên" only
# where a rate is being stated ("thu nhập trên 1 ha"; "diện tích trên 1 ha" is a hedge); powers of ten
# only for population bases ("trên 100.000 dân").
_STOP = "|".join(sorted(vocab.STOP_WORDS | set(vocab.SCALE_WORDS), key=len, reverse=True))
_MEASURE_WORDS = "|".join(regex.escape(m) for m in sorted(vocab.MEASURES, key=len, reverse=True))
_PER_UNIT_NOUN = (
    rf"(?P<u>vạn\s+dân|nghìn\s+dân|ngàn\s+dân|(?:{_MEASURE_WORDS})(?![\p{{L}}\d])"
    rf"|(?!(?:{_STOP})(?![\p{{L}}]))[\p{{Ll}}]+(?:\s+dân)?)"
)
_RATE_WORDS = (
    r"thu\s+nhập|năng\s+suất|giá\s+trị|hiệu\s+quả|chi\s+phí|giá\s+thành|sản\s+lượng"
    r"|lợi\s+nhuận|"
    r"doanh\s+thu|lãi|mật\s+độ|bình\s+quân|trung\s+bình|số\s+ca"
)
PER_UNIT = (
    rf"(?:(?<!\d\s*)/\s*|(?i:mỗi|bình\s+quân|trung\s+bình|tính\s+trên|cho\s+mỗi)\s+"
    rf"|(?<=(?i:{_RATE_WORDS})[^.;:,\d]{{0,40}})(?i:trên)\s+)(?:0?1)\s+{_PER_UNIT_NOUN}"
    r"|(?:(?<!\d\s*)/\s*|(?i:trên|mỗi)\s+)(?:10|100|1\.000|10\.000|100\.000)\s+(?P<u>(?i:dân"
    r"|người\s+dân|"
    r"người|trẻ(?:\s+đẻ\s+sống)?|nữ|bé\s+gái))(?![\p{L}])"  # (sex ratios: "97,82 nam/100 nữ")
)

# A number that ends a proper name ("Nhiệt điện Nghi Sơn 1", "Nhơn Trạch 3 và 4"): two capitalised
# words right before a small number with no unit after it.
_UNIT_WORDS = "|".join(
    regex.escape(w).replace(r"\ ", r"\s+")
    for w in sorted(
        set(vocab.MEASURES)
        | set(vocab.CURRENCIES)
        | set(vocab.DURATIONS)
        | set(vocab.COUNT_NOUNS)
        | set(vocab.SCALE_WORDS)
        | {"phần trăm", "tuổi", "lần", "điểm"},
        key=len,
        reverse=True,
    )
)
# A name's number: "Phường 1", "Quận 3" (not a fraction: "Bảo Lạc 12/17 xã" is 12 of 17 communes)
# "Trà Vinh 1,51 tỷ đồng": an amount after a place name, not the place's number
_SCALE_WORDS = r"tỷ|tỉ|triệu|nghìn|ngàn"
NAME_NUMBER = (
    rf"(?<=(?<![\p{{L}}])\p{{Lu}}\p{{Ll}}*[^\S\n]+\p{{Lu}}\p{{Ll}}*[^\S\n]+)\d{{1,2}}"
    rf"(?:\s*(?:,|và)\s*\d{{1,2}})*"
    rf"(?![\d.,]?\d|\s*%|\s*/\s*\d|\s*(?i:{_UNIT_WORDS}|{_SCALE_WORDS})(?![\p{{L}}]))"
)

# Variety names: "giống lúa Thiên ưu 8", "các giống như BC 15, nếp 97, ST 25" (a name and its
# number; a list after "như/gồm/:" continues with more names). The number is never followed by a unit.
_NAME_WORD = rf"(?!(?:{_STOP}|{_UNIT_WORDS})(?![\p{{L}}]))[\p{{L}}][\p{{L}}-]*"
_VARIETY_ITEM = rf"{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,2}}[^\S\n]*\d{{1,3}}(?![\d.]|,\d|\s*%)"
VARIETY = (
    rf"(?i:giống)(?:[^\S\n]+(?i:lúa|ngô|lạc|đậu|khoai|sắn|mía|chè|cà\s+phê|cây|hoa))?"
    rf"(?:[^.;:\d\n]{{0,40}}?(?:\s(?i:như|gồm|là)|:))?[^\S\n]+{_VARIETY_ITEM}"
    rf"(?:[^\S\n]*(?:,|và)[^\S\n]*{_VARIETY_ITEM})*"
)

# (family, pattern).  Order does not matter: every match masks its span.
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("url", r"(?:https?://|www\.)[^\s<>\"')\]]+"),
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("domain", r"\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info|int)(?:/[^\s<>\"')\]]*)?\b"),
    # 1149/QĐ-BNV, 30c/NQ-CP, 202/2025/QH15, 61/2018/NĐ-CP, 45/GP-TTĐT, 01/2021/TT-BTTTT
    ("document-number", r"(?<![\w/])\d+[\p{L}\d]*(?:[/-]\d+)*/[\p{Lu}Đ][\p{L}\d.&-]*"),
    (
        "standard",
        r"\b(?:TCVN\s*)?(?:ISO|IEC|TCVN|QCVN|IEEE)(?:\s*/\s*IEC)?[\s-]*\d[\d.]*(?:\s*[-:]\s*\d+)*(?:\s*:\s*"
        r"\d{4})?",
    ),
    # 25/06/2021, 27-6-2019, 22 - 03 - 2016, 10.10.2020, 01/1/21
    ("date", r"(?<![\d.,/])\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*(?:19|20)?\d{2}(?![\d])"),
    ("date", r"(?<![\d.,/])\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}(?!\d)"),
    # tháng 5/2021, 6/2021, 12-2020
    ("month-year", r"(?<![\d.,/])(?:0?[1-9]|1[0-2])\s*[/-]\s*(?:19|20)\d{2}(?!\d)"),
    # not "cây công nghiệp ngắn ngày 15 ha": short-term (ngắn ngày) and perennial (dài ngày) crops
    ("date", r"(?<!(?i:ngắn"
             r"|dài)\s+)(?i:ngày)\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2})?(?:\s*[/.-]\s*\d{2,4})?(?!\d)"),
    ("date", r"(?i:ngày\s+)?\d{1,2}\s+tháng\s+(?:0?[1-9]|1[0-2])(?![\d.,])(?:\s+năm\s+\d{4})?"),
    # (not "dưới 3 tháng 14.793 người": a count after a duration)
    # (not "trợ cấp hằng tháng 33 trường hợp": monthly, then a count)
    ("month", r"(?<!(?i:h[ằà]ng)\s+)(?i:tháng)\s+\d{1,2}(?:\s*(?:năm\s+|[/.-]\s*)\d{4})?(?![.,]?\d)"),
    (
        "year-range",
        r"(?i:(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|niên\s+độ|năm\s+học|khóa|khoá"
        r"|từ\s+năm|các\s+năm|"
        r"năm)\s+)?(?<![\d.,])(?:19|20)\d{2}\s*(?:-|–|—|đến|tới|/)\s*(?:19"
        r"|20)?\d{2,4}(?![\d.,]*\d)",
    ),
    (
        "year",
        r"(?i:năm|niên\s+khóa|vụ|mùa|kế\s+hoạch|dự\s+toán|đến|từ|sau|trước|cuối|đầu"
        r"|giữa)\s+(?:19|"
        r"20)\d{2}(?![\d.,]*\d)",
    ),
    ("quarter", r"(?i:quý)\s+(?:[1-4]|I{1,3}|IV)(?:\s*(?:năm\s+|[/-]\s*)\d{4})?"),
    ("quarter", r"\b(?:I{1,3}|IV)\s*/\s*\d{4}"),
    # 6 tháng đầu năm, 9 tháng năm 2021, 6 tháng cuối năm 2021, 3 tháng qua
    (
        "period",
        r"(?<![\d.,])\d{1,2}\s+tháng\s+(?:đầu\s+năm|cuối\s+năm|năm\s+\d{4}|qua|vừa\s+qua|đầu"
        r"|cuối|\d{4}|"
        r"/\s*\d{4})(?:\s+\d{4})?",
    ),
    ("period", r"(?m:^|(?<=[.;:,]\s*)|(?<=\p{Lu}\p{Ll}*\s))\d{1,2}\s+tháng(?=\s*[,;:])"),
    # "Kim ngạch xuất khẩu 9 tháng ước đạt …": a period of the year, not a duration of 9 months
    (
        "period",
        r"(?<![\d.,])(?:[1-9]|1[0-2])\s+tháng(?=\s*(?:,|ước|đạt|qua|vừa\s+qua|tăng|giảm|là|có"
        r"|của|"
        r"\d)(?![\p{L}]))",
    ),
    (
        "weekday",
        r"(?<!(?i:đứng|xếp|vị\s+trí|hạng|vị|lên|xuống|cao|thấp|lớn|nhỏ|nhanh|chậm"
        r"|nhiều|ít|"
        r"mạnh)\s+)(?i:thứ)\s+[2-7](?!\d)|(?i:chủ\s+nhật)",
    ),
    # 17:00, 5:05 PM, 17h30, 8h, 17 giờ 30
    # (not "Khối A1: 74.412": a label's digit before a colon, minutes past 59, a number going on)
    ("time", r"(?<![\p{L}\d.,])\d{1,2}\s*:\s*[0-5]\d(?:\s*:\s*[0-5]\d)?(?:\s*[AaPp]\.?[Mm]\.?)?"
             r"(?![\d]|[.,]\d)"),
    ("time", r"(?<![\d.,])\d{1,2}\s*[hH]\s*\d{0,2}(?:\s*(?:phút|p))?(?![\p{L}\d])"),
    ("time", r"(?i:lúc|vào\s+lúc|từ\s+lúc"
             r"|đến\s+lúc)\s+\d{1,2}(?:\s*giờ(?:\s*\d{1,2}(?:\s*phút)?)?)?"),
    ("time", r"(?<![\d.,])\d{1,2}\s*giờ\s*\d{1,2}(?:\s*phút)?"),
    # 0274.3822.518, 028 3822 1234, +84 274 3822 518, 1900 54 54 81, 1800.1234
    ("phone", r"(?<![\d.,])(?:\+84[\s.-]?|0)\d{2,3}[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\d])"),
    ("phone", r"(?<![\d.,])1[89]00[\s.]?\d{2,4}(?:[\s.]?\d{2,4})*(?![\d])"),
    # the area code in brackets: "(0263) 3822 123"
    ("phone", r"\(\s*0\d{2,3}\s*\)[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\d])"),
    # tỷ lệ 1/500, 1:2000 map scales
    ("map-scale", r"(?i:tỷ\s+lệ|tỉ\s+lệ)\s+1\s*[/:]\s*[\d.]+"),
    ("map-scale", r"(?<![\p{L}\d.,])1\s*:\s*\d{3,}(?:\.\d{3})*"),  # (not "Khối D1: 219.522")
    # codes glued to letters: COVID-19, SARS-CoV-2, H5N1, QH15, F0, 5G, 4.0 (công nghiệp 4.0)
    (
        "code",
        r"\b\p{Lu}[\p{L}]*-\d+\b|\b\p{Lu}+\d+(?:\p{Lu}+\d*)*\b|\b\d+\p{Lu}\b|(?i:công\s+nghiệp"
        r"|cách\s+mạng|"
        r"chuyển\s+đổi\s+số|phiên\s+bản|web|version)\s+\d\.\d\b",
    ),
    # "nằm trong số 10 tỉnh đạt điểm cao nhất", "lọt top 10": a ranking group, not a count
    ("top-group", r"(?i:(?:nằm|lọt|đứng)\s+(?:trong\s+)?(?:số\s+|nhóm\s+)?(?:top\s+)?)\d+"),
    # "kỷ niệm 78 năm Cách mạng tháng Tám": an anniversary, not a duration
    ("anniversary", r"(?i:kỷ\s+niệm|kỉ\s+niệm|tròn)\s+\d+\s+năm"),
    # "là 1 trong 2 chỉ số": "one of", like "một trong những"
    ("one-of", r"(?<![\d.,])1(?=\s+trong\s+(?:số\s+)?(?:những\s+)?\d)"),
    ("enumeration", r"(?m:^\s*\(?\d{1,2}[.)](?=\s))|\((?:\d{1,2})\)"),
    # "   1.1 Lượt khách ngủ qua đêm", "1.2. Lượt khách trong ngày": an outline item's number
    ("enumeration", r"(?m:^[ \t]*\d{1,2}(?:\.\d{1,2})+\.?(?=[ \t]+\p{Lu}))"),
    # --- families read from real report sentences (issue #12); tests/test_figures_table.py NONFIGURE_ROWS ---
    # "sản phẩm[1]", "theo báo cáo[12]": a footnote marker glued to the word it annotates
    ("footnote", r"(?<=[\p{L}\p{M}.,;:)\]”\"'%])\s?\[\d{1,3}\]"),
    # "từ Km12+300 đến Km15+800", "lý trình Km 3 + 450": a chainage along a road, not an amount
    ("chainage", r"(?i:km|lý\s+trình)\s*\d+\s*\+\s*\d+(?:[.,]\d+)?"),
    # "đường cấp 4 đồng bằng", "bão cấp 12", "công trình cấp III", "trường cấp 2": a
    # class or level
    (
        "level",
        rf"(?i:(?:{LEVEL_NOUNS})(?:\s+(?!(?:đã|được|mới|đổi|lại|"
        rf"phép)(?![\p{{L}}]))[\p{{Ll}}]+){{0,2}}\s+cấp\s+"
        rf"(?:\d{{1,2}}|[IVX]{{1,4}})(?![\d\p{{L}}]|[.,]\d)(?:\s*(?:-|–|,|và"
        rf"|đến)\s*\d{{1,2}}(?![\d.,]))?)"
        r"|(?i:cấp)\s+\d{1,2}\s+(?=(?i:đồng\s+bằng|miền\s+núi|trung\s+du|vùng\s+cao))",
    ),
    # "45 tiêu chí mức 4 chiếm 54,22%", "xã đạt mức độ 2;": a grade on a scale, not an amount
    (
        "grade",
        r"(?i:mức(?:\s+độ)?)\s+(?:[1-9]|10|[IVX]{1,4})(?![.,]\d)"
        r"(?:\s*(?:,|và|-|–)\s*(?:[1-9]|10)(?![.,]?\d))*"
        r"(?=\s*(?:[;,.:)\n]|$|(?i:chiếm|là|đạt|có|và|trở\s+lên|gồm|so|theo|trong|của"
        r"|được)(?![\p{L}])))",
    ),
    # "hỗ trợ 1 phần kinh phí": "partly", not one part (but "1 phần 3", "1 phần trăm" are amounts)
    (
        "partly",
        r"(?<![\d.,/])0?1\s+phần(?!\s*(?:trăm|mười|tư|hai|ba|bốn|năm|sáu|bảy|tám|chín"
        r"|\d)(?![\p{L}]))",
    ),
    # "năng suất/1 ha", "thu nhập trên 1 ha canh tác", "bình quân 1 vạn dân", "số ca/100.000
    # dân": the denominator of a rate — part of the unit of the figure it qualifies, never a figure itself
    ("per-unit", PER_UNIT),
    ("name-number", NAME_NUMBER),
    ("variety", VARIETY),
    # "“1 phải, 5 giảm”", "“3 không”": a quoted slogan of numbered rules, not amounts
    ("slogan", r"[“\"]\s*\d{1,2}[^\S\n]+\p{Ll}+(?:\s*,\s*\d{1,2}[^\S\n]+\p{Ll}+)*\s*[”\"]"),
    # "kế hoạch 5 năm", "quy hoạch 10 năm", "chiến lược 10 năm": the horizon of a plan
    (
        "plan-horizon",
        r"(?i:kế\s+hoạch|quy\s+hoạch|chiến\s+lược|chương\s+trình|tầm\s+nhìn"
        r"|định\s+hướng|đề\s+án)"
        r"\s+\d{1,2}\s+năm(?![\p{L}])",
    ),
    # "sau 02 năm thực hiện", "qua 3 năm triển khai", "5 năm qua", "Sau 16 năm, …": the time a
    # change took
    (
        "elapsed",
        r"(?i:(?<![\p{L}])(?:sau|qua|trải\s+qua|hơn|gần|trong|suốt)\s+)?(?<![\d.,])\d{1,2}\s+(?:năm"
        r"|tháng)\s+"
        r"(?i:thực\s+hiện|triển\s+khai|thi\s+hành|hoạt\s+động|hợp\s+nhất|tái\s+lập"
        r"|thành\s+lập|đổi\s+mới"
        r"|ra\s+đời|chia\s+tách|sáp\s+nhập|qua|vừa\s+qua|gần\s+đây"
        r"|trở\s+lại\s+đây)(?![\p{L}])"
        r"|(?i:(?:^|(?<=[.;:,]\s*))(?:sau|qua|trải\s+qua)\s+)\d{1,2}\s+(?:năm|tháng)(?=\s*,)",
    ),
    # "15 ngày đầu tháng Một", "10 ngày cuối năm": a part of a period
    ("period-days", r"(?<![\d.,])\d{1,2}\s+ngày\s+(?i:đầu|cuối|giữa)\s+(?i:tháng|năm|quý|kỳ)"),
    # "người từ 18 tuổi trở lên", "trẻ em từ 12-17 tuổi", "độ tuổi từ 05 đến 11": an
    # age group, not a figure (but "tuổi thọ bình quân 73,5 tuổi" is one)
    (
        "age",
        r"(?<!(?i:tuổi\s+thọ|bình\s+quân|trung\s+bình)[^.;\d]{0,30})(?<![\d.,])\d{1,3}"
        r"(?:\s*(?:-|–|đến|tới)\s*\d{1,3})?\s+tuổi(?!\s*thọ)(?![\p{L}])"
        r"|(?i:độ\s+tuổi|lứa\s+tuổi|tuổi)\s+(?:từ\s+)?\d{1,3}(?:\s*(?:-|–|đến"
        r"|tới)\s*\d{1,3})?(?![\d.,])",
    ),
    # "đến thời điểm 17 giờ ngày 13/5", "vào 8 giờ sáng": a time of day
    (
        "time",
        r"(?<![\d.,])\d{1,2}\s*giờ(?:\s*\d{1,2}(?:\s*phút)?)?(?=\s+(?i:ngày|sáng|chiều|tối|trưa"
        r"|đêm|hôm|"
        r"cùng\s+ngày))"
        r"|(?i:thời\s+điểm|vào)\s+\d{1,2}\s*giờ",
    ),
    # "đã tiêm ít nhất 01 mũi", "tiêm đủ 2 liều": who is counted, not how many doses
    ("dose-criterion", r"(?i:ít\s+nhất|đủ|tối\s+thiểu)\s+0?\d\s+(?i:mũi|liều)(?![\p{L}])"),
    # "khách sạn 4 sao", "sản phẩm OCOP 3 sao", "từ 1 đến 5 sao": a rating, not a count of stars
    ("star-rating", r"(?<![\d.,])0?[1-5]\s+(?i:sao)(?![\p{L}])"),
    # "năm 202." : a year cut short by a typo
    ("year-typo", r"(?i:năm)\s+(?:19|20)\d(?=\s*[.,;)]|\s*$)"),
)

# A list of places, each with its count: "81 chiếc (Kiên Giang 65, Cà Mau 10)", "155 người, gồm:
# Bảo Yên 109, Sa Pa 8, Văn Bàn 2". Its numbers are figures, though each follows a name: every item is a
# name and a number, the names differ (not "Vĩnh Tân 1, Vĩnh Tân 2", not a list of names some of which end
# in a number), and a figure comes before the list in its sentence. "(", "gồm:" — not an item's own "Lục
# Yên: 13" —, "tại Long An 4 ca, Tây Ninh 2 ca", "270 chỉ tiêu, tiếp đến lần lượt
# là Thăng Bình 250, Đại Lộc 250", "45 suất gồm xã Tân Lập 15 suất, xã Yên Hòa 20 suất"
_LIST_OPENER = regex.compile(
    r"[()\n]|:(?!\s*\d)|(?<![\p{L}])(?:tại|gồm(?:\s+có)?|lần\s+lượt(?:\s+là)?)(?=\s)",
    regex.I,
)
# an item: a name (after its kind of place, "xã Tân Lập 15 suất"), then its count
_LIST_ITEM = regex.compile(
    r"(?:và[^\S\n]+)?"
    r"(?:(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)[^\S\n]+)?"
    r"(?P<name>\p{Lu}[\p{L}.]*(?:[^\S\n]+\p{Lu}\p{Ll}*){0,4}):?[^\S\n]+\d[\d.,]*"
    r"(?:[^\S\n]+\p{Ll}+){0,2}"
)
_LIST_SPLIT = regex.compile(r"\s*;\s*|\s*,(?!\d)\s*|\s+(?=và\s)")  # not the comma of "125,17"
_LIST_CLOSE = {"(": regex.compile(r"[^()]*?\)"), ":": regex.compile(r"[^()\n]*?(?:\.(?!\d)|\n|$)")}
_DIGIT = regex.compile(r"\d")


def in_place_count_list(text: str, start: int, end: int) -> bool:
    """The number at `start:end` is one item of a list of places and their counts (see `_LIST_ITEM`)."""
    reach = settings.PLACE_LIST_REACH
    lo = max(0, start - reach)
    opener = None
    for m in _LIST_OPENER.finditer(text, lo, start):
        opener = m if m.group() != ")" and m.group() != "\n" else None
    if opener is None:
        return False
    close = _LIST_CLOSE["(" if opener.group() == "(" else ":"].match(text, end, min(len(text), end + reach))
    if close is None or not _DIGIT.search(text, max(0, opener.start() - reach), opener.start()):
        return False
    items = _LIST_SPLIT.split(text[opener.end() : close.end()].rstrip(").\n ").strip())
    names = [m.group("name") for item in items if (m := _LIST_ITEM.fullmatch(item))]
    return len(items) >= 2 and len(names) == len(items) and len(set(names)) == len(names)


_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (name, regex.compile(p)) for name, p in _FAMILIES
)


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
    # "(?:\+84|0\d{2,3})[\s.-]?\d{3}" written out: each branch opens with a character `re` can skip to
    "phone": (30, r"\+84[\s.-]?\d{3}|0\d{2,3}[\s.-]?\d{3}|0\d{2,3}\s*\)|1[89]00", None),
    "map-scale": (30, r"1\s*[/:]\s*\d", None),
    # a digit glued to a letter ("H5N1", "COVID-19", "5G"), or "công nghiệp 4.0"
    "code": (
        42,
        r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_]-\d)|(?=[^\W\d_]))",
        r"(?:công\s+nghiệp|cách\s+mạng|chuyển\s+đổi\s+số|phiên\s+bản|web|version)\s+\d",
    ),
    "top-group": (40, None, r"nằm|lọt|đứng"),
    "anniversary": (30, None, r"k[ỷỉ]\s+niệm|tròn"),
    "one-of": (5, r"1\s+trong", None),
    "enumeration": (8, r"(?m)^\s*\(?\d|\(\d", None),
    "footnote": (4, r"\[\d", None),
    "chainage": (20, r"\+\s*\d", None),
    "level": (50, None, r"cấp\s+[\divx]"),
    "grade": (30, None, r"mức"),
    "partly": (4, r"1\s+phần", None),
    "name-number": (40, r"[^\W\d_]\s+\d{1,2}(?![\d.,]?\d)", None),
    "variety": (120, None, r"giống"),
    "slogan": (30, r"[“\"]\s*\d", None),
    "per-unit": (60, None, r"(?:/|mỗi|quân|bình|trên)\s*(?:0?1|10|100|1\.000|10\.000|100\.000)\s"),
    "plan-horizon": (30, None, r"\d\s+năm"),
    "elapsed": (30, None, r"\d\s+(?:năm|tháng)"),
    "age": (50, None, r"tuổi"),
    "dose-criterion": (20, None, r"mũi|liều"),
    "star-rating": (10, None, r"\d\s+sao"),
    "period-days": (20, None, r"\d\s+ngày\s+(?:đầu|cuối|giữa)"),
    "year-typo": (5, None, r"năm\s+(?:19|20)\d(?!\d)"),
}
_COMPILED_TRIGGERS = {
    name: (
        reach,
        re.compile(on_text) if on_text else None,
        re.compile(on_lower) if on_lower else None,
        re.compile(on_lower, re.I) if on_lower else None,
    )
    for name, (reach, on_text, on_lower) in _TRIGGERS.items()
}
# URLs and domains can be long: they are read only in the runs of non-space characters that hold a gate.
_GATES: dict[str, tuple[str, ...]] = {
    "url": ("://", "www."),
    "domain": (".vn", ".com", ".net", ".org", ".gov", ".edu", ".info", ".int"),
}

# Where a trigger can start, read from one Aho–Corasick pass over the lower-cased text and one scan for
# runs of digits, instead of a scan per trigger: "at" a word, "after" it, or "before" it (the last
# non-space character before the word: "\d\s+năm" starts at the digit before "năm"); at the "first" or
# "last" digit of a run, "before" a run of one or two digits, or where a run holds a "year" (19xx, 20xx).
# A trigger is then tried only at those offsets, which finds exactly what a scan finds.  family: ((on
# "text" or "lower", trigger, anchors), …); the hits of a family's parts are its trigger's hits (an
# alternation is split only where its branches cannot overlap).
_Anchors = tuple[tuple[str, tuple[str, ...]], ...]
_ANCHORED: dict[str, tuple[tuple[str, str, _Anchors | None], ...]] = {
    "weekday": (("lower", r"thứ|chủ\s+nhật", (("at", ("thứ", "chủ")),)),),
    "standard": (("text", r"ISO|IEC|TCVN|QCVN|IEEE", (("at", ("iso", "iec", "tcvn", "qcvn", "ieee")),)),),
    "date": (
        ("text", r"\d\s*[/.-]\s*\d", (("run", ("last, then /.-",)),)),
        ("lower", r"ngày|tháng", (("at", ("ngày", "tháng")),)),
    ),
    "month-year": (("text", _TRIGGERS["month-year"][1], (("at", ("/", "-")),)),),
    "year-range": (("text", _TRIGGERS["year-range"][1], (("run", ("year",)),)),),
    "year": (("text", _TRIGGERS["year"][1], (("run", ("year",)),)),),
    "name-number": (("text", _TRIGGERS["name-number"][1], (("run", ("before short",)),)),),
    "month": (("lower", r"tháng", (("at", ("tháng",)),)),),
    "quarter": (("lower", r"quý|[iv]\s*/\s*\d", (("at", ("quý",)), ("before", ("/",)))),),
    "time": (
        ("lower", r":|giờ|lúc", (("at", (":", "giờ", "lúc")),)),
        ("lower", r"\d\s*h", (("run", ("last, then h",)),)),
    ),
    "code": (
        ("text", _TRIGGERS["code"][1], (("run", ("glued",)),)),
        (
            "lower",
            _TRIGGERS["code"][2],
            (("at", ("công", "cách", "chuyển", "phiên", "web", "version")),),
        ),
    ),
    "top-group": (("lower", r"nằm|lọt|đứng", (("at", ("nằm", "lọt", "đứng")),)),),
    "anniversary": (("lower", r"k[ỷỉ]\s+niệm|tròn", (("at", ("kỷ", "kỉ", "tròn")),)),),
    "enumeration": (("text", r"(?m)^\s*\(?\d|\(\d", (("start", ()), ("after", ("\n",)), ("at", ("(",)))),),
    "level": (("lower", r"cấp\s+[\divx]", (("at", ("cấp",)),)),),
    "grade": (("lower", r"mức", (("at", ("mức",)),)),),
    "variety": (("lower", r"giống", (("at", ("giống",)),)),),
    "slogan": (("text", r"[“\"]\s*\d", (("at", ("“", '"')),)),),
    "per-unit": (("lower", _TRIGGERS["per-unit"][2], (("at", ("/", "mỗi", "quân", "bình", "trên")),)),),
    "plan-horizon": (("lower", r"\d\s+năm", (("before", ("năm",)),)),),
    "elapsed": (("lower", r"\d\s+(?:năm|tháng)", (("before", ("năm", "tháng")),)),),
    "age": (("lower", r"tuổi", (("at", ("tuổi",)),)),),
    "dose-criterion": (("lower", r"mũi|liều", (("at", ("mũi", "liều")),)),),
    "star-rating": (("lower", r"\d\s+sao", (("before", ("sao",)),)),),
    "period-days": (("lower", _TRIGGERS["period-days"][2], (("before", ("ngày",)),)),),
    "year-typo": (("lower", _TRIGGERS["year-typo"][2], (("at", ("năm",)),)),),
}
# Where a family's own patterns can start, in the same terms: inside its windows each pattern is tried only
# there (where that is cheaper than scanning the windows).
# A family whose numbers are all "\d{1,2}" not glued to another digit starts only at a run of one or two
# digits ("first short"); "year-range" at a run that opens with a year ("year").
_FAMILY_STARTS: dict[str, _Anchors] = {
    "year-range": (
        ("run", ("year",)),
        ("at", ("giai", "nhiệm", "thời", "niên", "năm", "khóa", "khoá", "từ", "các")),
    ),
    "year": (
        (
            "at",
            (
                "năm", "niên", "vụ", "mùa", "kế", "dự", "đến", "từ", "sau",
                "trước", "cuối", "đầu", "giữa",
            ),
        ),
    ),
    "time": (("run", ("first short",)), ("at", ("lúc", "vào", "từ", "đến", "thời"))),
    "name-number": (("run", ("first short",)),),
    "per-unit": (("at", ("/", "mỗi", "bình", "trung", "tính", "cho", "trên")),),
    "month-year": (("run", ("first short",)),),
    "elapsed": (
        ("run", ("first short",)),
        ("at", ("sau", "qua", "trải", "hơn", "gần", "trong", "suốt")),
    ),
    "period": (("run", ("first short",)),),
}
_ANCHOR_WORDS = LEXICON.register(
    w
    for anchors in [a for parts in _ANCHORED.values() for *_, a in parts] + list(_FAMILY_STARTS.values())
    for kind, ws in anchors or ()
    if kind != "run"
    for w in ws
)
_PART_PATTERNS = {p: re.compile(p) for parts in _ANCHORED.values() for _, p, _ in parts}
# The anchor words of the families whose every trigger is anchored at words only: a text holding none of
# them has no hit, found without reading the triggers.
_TRIGGER_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(w for *_, anchors in parts for _, words in anchors or () for w in words)
    for name, parts in _ANCHORED.items()
    if all(anchors and all(kind in ("at", "after", "before") for kind, _ in anchors) for *_, anchors in parts)
}


_RUN_BEFORE = regex.compile(r"\S*", regex.REVERSE)
_RUN_AFTER = regex.compile(r"\S*")


def _gated_runs(text: str, gates: tuple[str, ...]) -> list[tuple[int, int]]:
    """The runs of non-space characters (`\\S` of `regex`) that hold one of `gates`, in order.

    A URL or a domain never holds a space and always holds its gate ("://", ".vn" …): its matches are
    the ones a scan of the whole text finds, read run by run, and a run holding no gate holds none."""
    runs: set[tuple[int, int]] = set()
    for gate in gates:
        i = text.find(gate)
        while i >= 0:
            before, after = _RUN_BEFORE.match(text, 0, i), _RUN_AFTER.match(text, i)
            runs.add((before.start(), after.end()))  # type: ignore[union-attr]
            i = text.find(gate, i + 1)
    return sorted(runs)


def _last_non_space(text: str, p: int) -> int:
    j = p - 1
    while j > 0 and text[j].isspace():
        j -= 1
    return j


@lru_cache(maxsize=8)
def _run_starts(text: str, where: str) -> tuple[int, ...]:
    """Offsets in the runs of digits of `text` where a number-led trigger may start (ascending, distinct)."""
    runs = digit_runs(text)
    if where == "first":
        return tuple(s for s, _ in runs)
    if where == "first short":
        return tuple(s for s, e in runs if e - s <= 2)
    if where == "last":
        return tuple(e - 1 for _, e in runs)
    if where == "before short":
        return tuple(_last_non_space(text, s) for s, e in runs if e - s <= 2)
    if where == "last, then /.-":  # "\\d\\s*[/.-]": only a separator may follow the spaces after it
        return tuple(e - 1 for _, e in runs if next_non_space(text, e) in _SEPARATORS)
    if where == "last, then h":  # "\\d\\s*h"
        return tuple(e - 1 for _, e in runs if next_non_space(text, e) == "h")
    if where == "glued":
        return _glued_digits(text, runs)
    return tuple(
        p for s, e in runs if e - s >= 4 for p in range(s, e - 3) if text.startswith(("19", "20"), p)
    )


_SEPARATORS = frozenset("/.-")  # (a set: "" for the end of the text is not in it)


def _glued_digits(text: str, runs: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """The first and last digits of the runs that may touch a letter as `code` reads one
    (`[^\\W\\d_]`: a letter, ASCII or not; "-" between them): a digit in the middle of a run never does."""
    out: list[int] = []
    for s, e in runs:
        if _lettered(text, s - 1) or (s >= 1 and text[s - 1] == "-" and _lettered(text, s - 2)):
            out.append(s)
        elif e - s == 1 and _lettered(text, e):
            out.append(s)
        if e - s > 1 and _lettered(text, e):
            out.append(e - 1)
    return tuple(out)


def _lettered(text: str, i: int) -> bool:
    """Whether text[i] may be a letter read as `[^\\W\\d_]`, here or in the text before lower-casing (a
    letter lower-cases to a letter; any non-ASCII character is let through)."""
    return 0 <= i < len(text) and (text[i].isalpha() or not text[i].isascii())


def _anchored_starts(lowered: str, occ: dict[str, list[int]], anchors: _Anchors) -> Sequence[int]:
    """Sorted distinct offsets of `lowered` where `anchors` say a pattern may start (do not modify them)."""
    if len(anchors) == 1:
        kind, words = anchors[0]
        if kind == "run" and len(words) == 1:
            return _run_starts(lowered, words[0])  # sorted and distinct already: no set to build
        if kind == "at":
            found = [occ[w] for w in words if w in occ]
            if len(found) <= 1:  # none, or one word's offsets: sorted and distinct already
                return found[0] if found else ()
    starts: set[int] = set()
    for kind, words in anchors:
        if kind == "start":
            starts.add(0)
        elif kind == "run":
            for where in words:
                starts.update(_run_starts(lowered, where))
        elif kind == "at":
            for w in words:
                starts.update(occ.get(w, ()))
        elif kind == "after":
            starts.update(p + len(w) for w in words for p in occ.get(w, ()))
        else:  # before: the last non-space character before the word
            starts.update(_last_non_space(lowered, p) for w in words for p in occ.get(w, ()))
    return sorted(starts)


def _anchored_hits(text: str, lowered: str, occ: dict[str, list[int]], name: str) -> list[tuple[int, int]]:
    """The trigger hits of family `name`, as its triggers' scans would find them."""
    hits: list[tuple[int, int]] = []
    for on, pattern, anchors in _ANCHORED[name]:
        source = text if on == "text" else lowered
        compiled = _PART_PATTERNS[pattern]
        if anchors is None:
            hits += [m.span() for m in compiled.finditer(source)]
        elif starts := _anchored_starts(lowered, occ, anchors):
            hits += [m.span() for m in finditer_at(compiled, source, starts)]
    if len(_ANCHORED[name]) > 1:
        hits.sort()
    return hits


def _hits(
    text: str, lowered: str | None, name: str, occ: dict[str, list[int]] | None
) -> list[tuple[int, int]]:
    """(start, end) of every trigger hit of family `name`, in order."""
    if lowered is not None and name in _ANCHORED:
        occ = occ if occ is not None else LEXICON.occurrences(lowered)
        if name in _TRIGGER_WORDS and _TRIGGER_WORDS[name].isdisjoint(occ):
            return []
        return _anchored_hits(text, lowered, occ, name)
    _, on_text, on_lower, any_case = _COMPILED_TRIGGERS[name]
    hits: list[tuple[int, int]] = []
    if on_text is not None:
        hits += [m.span() for m in on_text.finditer(text)]
    if on_lower is not None:
        # same offsets: `lowered` is only used when lower-casing kept the length
        hits += [
            m.span() for m in (on_lower.finditer(lowered) if lowered is not None else any_case.finditer(text))
        ]
    if on_text is not None and on_lower is not None:
        hits.sort()
    return hits


def _windows(
    text: str,
    lowered: str | None,
    name: str,
    occ: dict[str, list[int]] | None = None,
    hits: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Merged windows of `reach` around every trigger hit of family `name`."""
    reach = _TRIGGERS[name][0]
    windows: list[tuple[int, int]] = []
    n = len(text)
    last_hi = -1
    for start, end in _hits(text, lowered, name, occ) if hits is None else hits:
        lo = start - reach if start > reach else 0
        hi = end + reach if end + reach < n else n
        if lo <= last_hi:  # overlaps or touches the window before: extend it
            if hi > last_hi:
                windows[-1] = (windows[-1][0], hi)
                last_hi = hi
        else:
            windows.append((lo, hi))
            last_hi = hi
    return windows


# A family's matches that are figures after all, by what surrounds them.
_VETOES: dict[str, Callable[[str, int, int], bool]] = {"name-number": in_place_count_list}


def non_figure_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Every (start, end, family) span of `text` that holds a number which is not a figure."""
    for name, m in _family_matches(text):
        yield m.start(), m.end(), name


# What `_family_matches` reads per pattern, looked up once: (family, pattern, gates or None, trigger,
# where the family's patterns start or None, veto or None).  Families with one trigger ("year",
# "year-range") share its hits; a family's patterns share its windows.
_PLAN = tuple(
    (name, pattern, _GATES.get(name), _TRIGGERS[name][1:] if name in _TRIGGERS else None,
     _FAMILY_STARTS.get(name), _VETOES.get(name))
    for name, pattern in _PATTERNS
)


def _family_matches(text: str, lowered: str | None = None) -> Iterator[tuple[str, regex.Match[str]]]:
    """(family, match) of every non-figure of `text`, family by family (`lowered`: `text.lower()` when
    the caller has it)."""
    windows_of: dict[str, list[tuple[int, int]]] = {}
    hits: dict[tuple[str | None, str | None] | None, list[tuple[int, int]]] = {}
    if lowered is None:
        lowered = text.lower()
    if len(lowered) != len(text):
        lowered = None
    occ = LEXICON.occurrences(lowered) if lowered is not None else None
    family_starts: dict[str, Sequence[int]] = {}
    for name, pattern, gates, trigger, anchors, veto in _PLAN:
        windows = windows_of.get(name)
        if windows is None:
            if gates is not None:
                windows = _gated_runs(text, gates)
            else:
                found = hits.get(trigger)
                if found is None:
                    found = hits[trigger] = _hits(text, lowered, name, occ)
                windows = _windows(text, lowered, name, hits=found)
            windows_of[name] = windows
        if not windows:
            continue
        starts = None
        if anchors is not None and occ is not None:
            starts = family_starts.get(name)
            if starts is None:
                starts = family_starts[name] = _anchored_starts(lowered, occ, anchors)  # type: ignore
        last_end = -1
        for m in _in_windows(pattern, text, windows, starts):
            if veto is not None and veto(text, m.start(), m.end()):
                continue
            if m.end() > m.start() and m.start() >= last_end:
                last_end = m.end()
                yield name, m


def _in_windows(
    pattern: regex.Pattern[str], text: str, windows: list[tuple[int, int]], starts: Sequence[int] | None
) -> list[regex.Match[str]]:
    """`pattern`'s matches in each window (`finditer` there), tried only at `starts` when they are known:
    one walk along the sorted starts and windows (`finditer_at` window by window, without its calls)."""
    if starts is None:
        return [m for lo, hi in windows for m in pattern.finditer(text, lo, hi, False, HOLD)]
    out: list[regex.Match[str]] = []
    match = pattern.match
    k, n, reach = 0, len(starts), settings.MATCH_REACH_CHARS
    for lo, hi in windows:
        k = bisect_left(starts, lo, k)
        last = lo
        while k < n and starts[k] < hi:
            s = starts[k]
            k += 1
            # may look past the window's end, not through the rest of the text
            if s >= last and (m := match(text, s, min(len(text), s + reach), HOLD)) is not None:
                out.append(m)
                last = m.end()
    return out


_PER_UNIT_RE = regex.compile(PER_UNIT)
_BASE_NUMBER = regex.compile(r"(?:10|100|1\.000|10\.000|100\.000)(?=\s)")


def per_unit_denominators(text: str) -> list[tuple[int, int, str]]:
    """(start, end, unit) of every per-unit denominator: "/1 ha" → "ha", "trên 100.000 dân" → "100.000
    dân".

    These are masked as non-figures; the scanner adds the unit to the figure they qualify.
    """
    out: list[tuple[int, int, str]] = []
    lowered = text.lower()
    for lo, hi in _windows(text, lowered if len(lowered) == len(text) else None, "per-unit"):
        for m in _PER_UNIT_RE.finditer(text, lo, hi):
            if out and m.start() < out[-1][1]:
                continue
            out.append(_denominator(text, m))
    return out


def _denominator(text: str, m: regex.Match[str]) -> tuple[int, int, str]:
    noun = " ".join(m.group("u").split())
    unit = vocab.MEASURES.get(noun.lower(), noun)
    base = _BASE_NUMBER.search(text, m.start(), m.start("u"))
    return m.start(), m.end(), f"{base.group(0)} {unit}" if base else unit


def family_at(text: str, start: int, end: int) -> str | None:
    """The non-figure family that covers text[start:end], if any (for tests and diagnostics)."""
    for s, e, name in non_figure_spans(text):
        if s <= start and end <= e:
            return name
    return None


class Mask:
    """Fast "is this span a non-figure?" over one text: a sorted interval list.

    `denominators` are the text's `per_unit_denominators`, read in the same pass (the per-unit family);
    `lowered` is `text.lower()` when the caller has it already."""

    def __init__(self, text: str, lowered: str | None = None) -> None:
        spans: list[tuple[int, int]] = []
        self.denominators: list[tuple[int, int, str]] = []
        for name, m in _family_matches(text, lowered):
            spans.append(m.span())
            if name == "per-unit":
                self.denominators.append(_denominator(text, m))
        spans.sort()
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether text[start:end] overlaps a non-figure: the last span starting at or before `start`,
        or the next one (the spans are sorted and apart)."""
        starts, ends = self._starts, self._ends
        i = bisect_right(starts, start)
        if i and starts[i - 1] < end and start < ends[i - 1]:
            return True
        return i < len(starts) and starts[i] < end and start < ends[i]
