"""A report's text as QA reads it: the `Text` index (sentences, paragraphs and figures in order,
found by bisection), what each figure counts (`unit_key`: classifiers stripped, abbreviations expanded,
synonyms grouped) and the cue words that relate figures ("trong đó", "gồm", "lũy kế", "so với" …).
The relation finders of `sums.py` and `rates.py` read the text through it."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from functools import cached_property

import regex

from .. import settings
from ..models import Figure
from .vocab import (
    ABBREVIATIONS,
    ACT_UNITS,
    WIDE_NOUNS,
    CLASSIFIERS,
    CLAUSE_ROLES,
    EXCLUDES,
    OWN_NOUNS,
    ROLES,
    SAME_THING,
)

_L = r"\p{L}\p{M}"


AMOUNT_KINDS = ("count", "money", "quantity", "number")


_ROLE_RE = {
    name: regex.compile(rf"(?<![{_L}])(?:{pat})(?![{_L}])", regex.I) for name, pat in ROLES.items()
}


# Breakdown markers after a whole ("… 1.200 hồ sơ, trong đó …"), and at the start of a sentence.
MARKER = regex.compile(
    r"(?<![\p{L}])(?:trong\s+đó|trong\s+số\s+(?:này|đó)|bao\s+gồm|gồm\s+có|gồm|cụ\s+thể"
    r"|qua\s+phân\s+loại"
    r"|(?<=^|[.\n]\s*)theo\s+đó"
    r"|như(?:\s+sau)?(?=\s*:)"
    r"|(?:các\s+)?hình\s+thức(?=\s*:)"  # "kỷ luật 58 đảng viên, bằng các hình thức: …"
    # opening its sentence: "… 28 đảng viên. Hình thức kỷ luật, khiển trách 21 …"
    r"|(?<=^|[.\n]\s*)(?:về\s+)?hình\s+thức(?:\s+kỷ\s+luật)?(?=\s*[,:])"
    # "8 trường hợp bị thi hành kỷ luật, với hình thức khiển trách 3, cảnh cáo 1, …"
    r"|(?<=(?:với|bằng)\s+)(?:các\s+)?hình\s+thức(?=\s+\p{L}+(?:\s+\p{L}+)?\s+\d)"
    r"|chia\s+ra|phân\s+theo"
    # ", với 51 lao động … và 1.606 lao động …": a list of two or more in its clause
    r"|(?<=[,(]\s*)với(?=\s+\d(?:[^;.\n]|\.\d)*?\svà\s+\d))"
    r"(?![\p{L}])",
    regex.I,
)


# A parenthesis after a whole, past its noun phrase and any defining parenthesis ("… (DVCTT) được …
# (").
PAREN_AFTER = regex.compile(r"(?:[^\d().;:]|\([^\d()]{1,20}\)){0,90}?\((?=[^()]*\d)")


# "Trong (tổng số) 40 đơn …, có …": the whole named after "trong".
MARK_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:trong(?!\s+(?:đó|số\s+(?:đó|này)))(?:\s+[^\d\s,;.:]+)?|"
    r"trong\s+(?:tổng\s+)?số(?!\s+(?:đó|này))(?:\s+[^\d\s,;.:]+){0,8}|"
    r"trong\s+tổng\s+(?:mức|giá\s+trị|kim\s+ngạch|doanh\s+thu|vốn)(?:\s+[^\d\s,;.:]+){0,4})\s*$",
    regex.I,  # "Trong 40 đơn …, có", "trong số 1.200 hồ sơ": not "trong đó: 3.595 …" (a part)
)


# A total after its parts: "… ; lũy kế 340", "tổng cộng 4.735", "cộng 57".
TOTAL_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:(?:lũy\s+kế|luỹ\s+kế|tổng\s+cộng|cộng(?:\s+lại)?|tính\s+chung"
    r"|tổng\s+số\s+là|tổng\s+là)"
    r"(?:\s+(?:là|có|gồm|đạt|được))?(?:\s+[\p{L}]+){0,2}"
    # "…, nâng tổng số xã đạt chuẩn lên 20"
    r"|(?:nâng|đưa)\s+tổng\s+số(?:\s+[\p{L}]+){0,6}\s+lên)\s*:?\s*$",
    regex.I,
)


# A total named after its parts: "… thu khác 50 tỷ đồng; tổng thu ngân sách 1.000 tỷ đồng".
TOTAL_NOUN_BEFORE = regex.compile(
    r"(?:^|[;,.]\s*)tổng\s+(?:thu|chi|số|vốn|kim\s+ngạch|diện\s+tích|sản\s+lượng"
    r"|giá\s+trị)"
    r"(?:\s+[\p{L}]+){0,4}\s*(?:là|đạt|:)?\s*$",
    regex.I,
)


# A percentage measured against a plan, a target or an earlier period that the text does not give.
COMPARISON_AFTER = regex.compile(
    r"\s*\)?\s*(?:so\s+với|so\s+cùng|cùng\s+kỳ"
    r"|(?:so\s+)?(?:dự\s+toán|kế\s+hoạch|KH|chỉ\s+tiêu)"
    r"|mục\s+tiêu|"
    r"nghị\s+quyết|kịch\s+bản|tháng\s+trước|năm\s+trước|quý\s+trước"
    r"|kỳ\s+trước)(?![\p{L}])",
    regex.I,
)


COMPARISON_BEFORE = regex.compile(r"(?<![\p{L}])(?:bằng|tăng|giảm|gấp)\s*$", regex.I)


CHANGE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:tăng|giảm|cao\s+hơn|thấp\s+hơn|nhiều\s+hơn|ít\s+hơn)(?:\s+(?:thêm|được"
    r"|lên|xuống))?\s*$",
    regex.I,
)


RATE_BEFORE = regex.compile(
    r"(?:(?<![\p{L}])(?:tỷ\s+lệ|tỉ\s+lệ|tỷ\s+trọng|chiếm|đạt|bằng|tương\s+ứng"
    r"|tương\s+đương|với"
    r"|là)"
    r"(?:\s+(?:tỷ\s+lệ|tỉ\s+lệ|tỷ\s+trọng|khoảng|gần|hơn|trên|là|được"
    # ("tương ứng mức tăng 7,5%", "Tỷ lệ: 5%")
    r"|cao\s+nhất\s+với|(?:mức\s+)?(?:tăng|giảm)))*:?|\()\s*$",
    regex.I,
)


WHOLE_AFTER_RATE = regex.compile(r"\s*(?:tổng|so\s+với\s+tổng|trên\s+tổng|của\s+tổng)", regex.I)


AVERAGE = regex.compile(r"(?<![\p{L}])(?:bình\s+quân|trung\s+bình|mỗi)(?![\p{L}])", regex.I)


# "… phải thi hành.Trong số …": a full stop glued to the next sentence ends one too (not "TP.Hồ
# Chí Minh"), and not the dot of an abbreviated place or title ("TX. Cai Lậy", "TP. Mỹ Tho", "ThS. …")
_SENTENCE_END = regex.compile(
    r"[.!?](?=\s|$)(?<!(?<![\p{L}])(?:TP|Tp|TX|Tx|TT|Q|P|ThS|TS|PGS|GS|BS|KS)\.)"
    r"|(?<=[\p{Ll}\d%)])\.(?=\p{Lu}\p{Ll})|\n"
)


def unit_key(unit: str | None) -> str:
    """What is counted: classifiers stripped, abbreviations expanded, synonyms grouped."""
    words = (unit or "").lower().replace("(", " ").replace(")", " ").replace(",", " ").split()
    words = [w for w in words if w not in ("của", "các", "những")]
    while len(words) > 1 and words[0] in CLASSIFIERS and " ".join(words[:2]) not in OWN_NOUNS:
        words.pop(0)
    if not words or " ".join(words[:2]) in ACT_UNITS:
        return ""
    if words[0] in ABBREVIATIONS:  # "HTX nông nghiệp" counts what "hợp tác xã" counts
        words = ABBREVIATIONS[words[0]].split() + words[1:]
    first, two, three = words[0], " ".join(words[:2]), " ".join(words[:3])
    if two in OWN_NOUNS:
        return two
    for group in SAME_THING:
        if three in group or two in group or first in group or ABBREVIATIONS.get(first) in group:
            return min(group)
    return first


_PERSONS = next(g for g in SAME_THING if "người" in g)
_WIDE_KEYS = {unit_key(n): frozenset(map(unit_key, groups)) for n, groups in WIDE_NOUNS.items()}


_LINK_WORDS = frozenset(
    "với và của trong đạt là được có so tăng giảm từ tại trên thuộc đã chiếm "
    "bằng hoặc cho đến".split()
)


def counted(unit: str | None, following: str = "") -> str:
    """What a count counts, reading past a classifier: "lượt" + "ý kiến" → "ý kiến", "bộ" + "hồ
    sơ" → "hồ sơ"; but "lượt công dân" (visits) stays apart from "người"."""
    words = (unit or "").split()
    if len(words) == 1 and words[0].lower() in CLASSIFIERS:
        m = regex.match(r"\s*([\p{L}]+(?:\s+[\p{L}]+)?)", following)
        nxt = m.group(1).split() if m else []
        if nxt and nxt[0].lower() not in _LINK_WORDS:
            noun = unit_key(" ".join(nxt))
            if noun and noun not in _PERSONS:
                return noun
    return unit_key(unit)


# "tổng số giấy phép xây dựng (GPXD) được cấp … là": the noun a total of cases names, in
# its clause
_TOTAL_NAMED = regex.compile(
    r"tổng\s+số\s+(?P<n>\p{L}+(?:\s+\p{L}+){0,3})[^\d;.]{0,90}?(?:là|đạt|có)\s*$", regex.I
)


_NOUN_GROUP = {n: min(g) for g in SAME_THING for n in g}


_NOUNS = sorted((regex.escape(n) for n in _NOUN_GROUP), key=len, reverse=True)


_KNOWN_NOUNS = regex.compile(r"(?<![\p{L}])(?:" + "|".join(_NOUNS) + r")(?![\p{L}])", regex.I)


def _noun_before(text: str) -> str:
    """The key of the last noun of a known group in `text` ("tổng số hồ sơ … là" → "hồ sơ"), or
    ""."""
    last = None
    for last in _KNOWN_NOUNS.finditer(text):
        pass
    return _NOUN_GROUP[last.group(0).lower()] if last else ""


_SCALED = regex.compile(r"\d\s*(?:triệu|tỷ|tỉ|nghìn|ngàn)$", regex.I)


def kinds_compatible(a: Figure, b: Figure) -> bool:
    if {a.kind, b.kind} == {"quantity", "ratio"}:  # "xuống giống 21.195/21.242ha … lúa 13.091ha"
        return (a.unit or "").lower() == (b.unit or "").lower()
    # "gần 600 triệu đồng … tài chính gần 260 triệu"
    if {a.kind, b.kind} == {"money", "number"}:
        n = a if a.kind == "number" else b
        return not n.unit and bool(_SCALED.search(n.raw))
    if a.kind != b.kind and not {a.kind, b.kind} <= {"count", "number", "ratio"}:
        return False
    if a.kind == "money" or b.kind == "money" or a.kind == "quantity":
        return (a.unit or "").lower() == (b.unit or "").lower()
    return True


# What happened to the people a count of a road accident counts, said right after the count ("1 người
# chết, 3 người bị thương") or right before it ("làm bị thương 10 người", "chết 66
# người")
_CASUALTY_WORDS = r"(?P<c>chết|tử\s+vong|tử\s+nạn|thiệt\s+mạng|bị\s+thương)"
_CASUALTY_AFTER = regex.compile(
    rf"[ \t]*(?:người|trường\s+hợp)?[ \t]*{_CASUALTY_WORDS}(?![\p{{L}}])", regex.I
)
_CASUALTY_BEFORE = regex.compile(rf"(?<![\p{{L}}]){_CASUALTY_WORDS}[ \t]*$", regex.I)


def casualty_of(text: str, f: Figure) -> str:
    """"dead" or "injured" for a count of people a road accident killed or hurt, else ""."""
    m = _CASUALTY_AFTER.match(text, f.end) or _CASUALTY_BEFORE.search(text, max(0, f.start - 20), f.start)
    if m is None:
        return ""
    return "injured" if m.group("c").lower().startswith("bị") else "dead"


def _same_key(ka: str, kb: str) -> bool:
    if not ka or not kb or ka == kb or kb in _WIDE_KEYS.get(ka, ()) or ka in _WIDE_KEYS.get(kb, ()):
        return True
    # two wide nouns that may count the same ("10 đối tượng … 3 trường hợp": people, both)
    return bool(_WIDE_KEYS.get(ka, frozenset()) & _WIDE_KEYS.get(kb, frozenset()))


_ABBR_DEF = regex.compile(r"(?P<long>(?:[\p{L}]+\s+){2,8})\(\s*(?P<abbr>\p{Lu}{2,8})\s*\)")


def _initial(word: str) -> str:
    return unicodedata.normalize("NFD", word[0])[0].lower().replace("đ", "d")


def defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a text defines ("2.234 dịch vụ công trực tuyến (DVCTT)"), as counted keys:
    {"dvctt": unit_key("dịch vụ công trực tuyến")}; the long form's initials must spell the
    abbreviation."""
    out: dict[str, str] = {}
    for m in _ABBR_DEF.finditer(text):
        abbr = m.group("abbr")
        words = m.group("long").split()[-len(abbr) :]
        if len(words) == len(abbr) and "".join(_initial(w) for w in words) == abbr.lower().replace("đ", "d"):
            out[unit_key(abbr)] = unit_key(" ".join(words))
    return out


# A line break inside a sentence (text taken from a PDF): a line of prose that does not end a clause,
# the next going on in lower case ("… 30 ha rừng phòng hộ, rừng đặc\ndụng và …")
_SOFT_WRAP = regex.compile(r"(?<=(?:[\p{L}\d][\p{L}\d.,%]*[ ,]+){4}[\p{L}\d%)]+,?[ \t]*)\n(?=[ \t]*\p{Ll})")


def soft_wraps(text: str) -> set[int]:
    """Offsets of the line breaks that only wrap a sentence."""
    return {m.start() for m in _SOFT_WRAP.finditer(text)} if "\n" in text else set()


def _paragraph_starts(text: str, wraps: set[int] = frozenset()) -> list[int]:  # type: ignore[assignment]
    """Where paragraphs start; a short line with no digit (a photo caption, printed once or twice) belongs
    to the paragraph before it, so the paragraph after it is the next one; a wrapped line goes on."""
    starts = [0]
    for m in regex.finditer(r"\n\s*", text):
        if m.start() in wraps:
            continue
        nxt = text.find("\n", m.end())
        line = text[m.end() : len(text) if nxt < 0 else nxt]
        if nxt >= 0 and len(line) <= settings.QA_CAPTION_MAX and not regex.search(r"\d", line):
            continue
        starts.append(m.end())
    return starts


class Text:
    """The text with its sentence and paragraph starts and parenthesis depth (one linear pass)."""

    def __init__(self, text: str, figures: Sequence[Figure]) -> None:
        self.t = text
        self.figures = sorted(figures, key=lambda f: f.start)
        wraps = soft_wraps(text)
        self.sent = [0] + [m.end() for m in _SENTENCE_END.finditer(text) if m.start() not in wraps]
        self.para = _paragraph_starts(text, wraps)
        depth, d = [], 0
        ends = set(self.sent)
        for i, ch in enumerate(text):
            # a parenthesis left open ends with its line, or its sentence ("23 người chết (Hà Giang 5
            # …; Lào Cai 1 người bị lũ cuốn trôi. Đến nay, 10 người mất tích …")
            d = 0 if (ch == "\n" and i not in wraps) or i in ends else d
            d += ch == "("
            depth.append(d)
            d -= ch == ")" and d > 0
        self.depth = depth
        self.starts = [f.start for f in self.figures]
        self.order = {
            id(f): i for i, f in enumerate(self.figures)
        }  # list.index compares models field by field
        self.aliases = defined_abbreviations(text)
        self.keys = {id(f): self._counted(f) for f in self.figures}
        self.casualty = {id(f): casualty_of(self.t, f) for f in self.figures if f.kind == "count"}
        self.by_value: dict[Decimal, list[Figure]] = {}  # the figures of each value, in text order
        for f in self.figures:
            self.by_value.setdefault(f.value, []).append(f)

    def _counted(self, f: Figure) -> str:
        if f.kind not in ("count", "ratio", "number"):
            return ""
        after = self.t[f.end : f.end + 60].lstrip()
        unit = f.unit or ""
        if unit and after.lower().startswith(unit.lower()):
            after = after[len(unit) :]
        key = counted(f.unit, after)
        named = _TOTAL_NAMED.search(self.t, max(0, f.start - 120), f.start) if key in _WIDE_KEYS else None
        if named:
            # "tổng số giấy phép xây dựng (GPXD) … là 44.866 trường hợp": cases of what the
            # total names
            key = self.aliases.get(unit_key(named.group("n")), unit_key(named.group("n")))
        # "tổng số hồ sơ … là 59.010 bộ": its noun is named before
        if key in CLASSIFIERS and key != "lượt":
            # (not "lượt": visits are a count of their own, "456 lượt/496 người")
            key = _noun_before(self.t[max(0, f.start - settings.QA_NOUN_REACH) : f.start]) or key
        return self.aliases.get(key, key)

    @cached_property
    def pair_firsts(self) -> dict[int, Figure]:
        """The first count of a pair ("1.153 vụ - 2.046 bị cáo"), by the second count's index."""
        by_index = {f.index: f for f in self.figures}
        nxt = {a.index: b for a, b in zip(self.figures, self.figures[1:])}
        return {nxt[i].index: by_index[i] for i in count_pairs(self)}

    def compatible(self, a: Figure, b: Figure) -> bool:
        """Two figures count or measure the same thing (classifiers read past, abbreviations expanded)."""
        if not kinds_compatible(a, b):
            return False
        ua, ub = (a.unit or "").lower(), (b.unit or "").lower()
        if ua in CLASSIFIERS and (ub == ua or ub.split(" ", 1)[0] == ua):
            return True  # "152,8 triệu lượt" of "168 triệu lượt khám …": the noun said once
        if ub in CLASSIFIERS and ua.split(" ", 1)[0] == ub:
            return True
        ca, cb = self.casualty.get(id(a), ""), self.casualty.get(id(b), "")
        if ca and cb and ca != cb:
            return False  # "1 người chết, 3 người bị thương": the dead are not among the injured
        return _same_key(self.keys.get(id(a), ""), self.keys.get(id(b), ""))

    def span(self, lo: int, hi: int, near: int | None = None) -> list[Figure]:
        """The figures that start in text[lo:hi], found by bisection; at most QA_WINDOW on each side of
        `near` (or the first 2 × QA_WINDOW), so a paragraph of thousands of numbers stays linear."""
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        cap = settings.QA_WINDOW
        if b - a > 2 * cap:
            k = bisect.bisect_left(self.starts, near) if near is not None else a
            a, b = max(a, k - cap), min(b, max(k, a) + cap)
        return self.figures[a:b]

    def in_paragraphs(self, first: int, last: int, near: int | None = None) -> list[Figure]:
        return self.span(self._bound(self.para, first), self._bound(self.para, last + 1), near)

    def in_sentences(self, first: int, last: int, near: int | None = None) -> list[Figure]:
        return self.span(self._bound(self.sent, first), self._bound(self.sent, last + 1), near)

    def _bound(self, starts: list[int], k: int) -> int:
        return 0 if k <= 0 else starts[k] if k < len(starts) else len(self.t) + 1

    def next_sentence(self, s: int) -> int:
        """The sentence with words after sentence `s` (past blank lines)."""
        k = s + 1
        while k < len(self.sent) and not self.t[self.sent[k] : self._bound(self.sent, k + 1)].strip():
            k += 1
        return k

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sent, pos) - 1

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.para, pos) - 1

    def d(self, pos: int) -> int:
        return self.depth[pos] if pos < len(self.depth) else 0

    def before(self, f: Figure, width: int = 80) -> str:
        i = self.order[id(f)]
        lo = max(self.figures[i - 1].end if i else 0, f.start - width)
        return self.t[lo : f.start]

    def after(self, f: Figure, width: int = 60) -> str:
        i = self.order[id(f)]
        hi = min(self.figures[i + 1].start if i + 1 < len(self.figures) else len(self.t), f.end + width)
        return self.t[f.end : hi]

    def label(self, f: Figure) -> str:
        """The words that say what a figure is: its clause before it and its noun phrase after it."""
        pieces = regex.split(r"[;:.\n]|,\s(?=\D)", self.before(f))
        # "Đã giải quyết: 4.561"
        pre = pieces[-1] if pieces[-1].strip() or len(pieces) < 2 else pieces[-2]
        after = _JOINED_NOUNS.sub(lambda m: m.group(0).replace(",", ""), self.after(f, 60))
        post = regex.split(r"[,;.:()]|\s(?:và|với)\s", after)[0]
        return f"{pre} {post}"


# Nouns written as one with a comma: "hồ sơ của tổ chức, cá nhân yêu cầu giải quyết" names
# one thing
_JOINED_NOUNS = regex.compile(
    r"(?<![\p{L}])(?:tổ\s+chức,\s+cá\s+nhân|cơ\s+quan,\s+đơn\s+vị|khiếu\s+nại,\s+tố\s+cáo"
    r"|kiến\s+nghị,\s+phản\s+ánh)(?![\p{L}])",
    regex.I,
)


_DONE = regex.compile(r"(?<![\p{L}])đã\s+(?:giải\s+quyết|xử\s+lý)(?![\p{L}])", regex.I)


def roles_of(label: str, clause: str = "") -> set[str]:
    """The roles a figure's label names; `clause` (the text since the previous figure) adds CLAUSE_ROLES."""
    found = {name for name, rx in _ROLE_RE.items() if rx.search(label)}
    found |= {name for name in CLAUSE_ROLES if _ROLE_RE[name].search(clause)}
    for name, excluded in EXCLUDES.items():
        if name in found:
            found -= excluded
    # "tổng số hồ sơ đã giải quyết": the total resolved
    if "total" in found and _DONE.search(label):
        found.add("resolved")
    return found


def is_amount(f: Figure) -> bool:
    return f.kind in AMOUNT_KINDS and not f.prior_period and f.range is None


# The denominator of "a ha/b ha" or "a trường trong tổng số b trường": not a part of the list it
# sits in.
SLASH_BEFORE = regex.compile(
    r"(?:\d\s*[\p{L}²³]{0,6}\s*/|(?<![\p{L}])(?:trong"
    r"|trên)\s+tổng\s+số(?:\s+[\p{L}]+){0,2})\s*$", regex.I
)


# "giảm 96,5% (6/173 DN)", "giảm 9,2% so cùng kỳ (69/76 DN)": this period's count over last period's
FRACTION_OF_PERIODS = regex.compile(r"\s*(?:so\s+(?:với\s+)?cùng\s+kỳ[^\d();,]{0,20})?\(\s*", regex.I)


# "tiếp 259 lượt công dân/316 người": two counts of one visit, written as a pair "1.302 vụ - 2.286
# bị cáo"
_COUNT_PAIR_GAP = regex.compile(r"\s*(?:[\p{L}]+\s*){0,3}(?:/|\s[-–]\s)\s*")


# Units reports write as a pair with a comma too: "880 vụ, 1.172 bị can", "120 lượt, 135 người".
PAIRED_UNITS = frozenset(
    {
        ("vụ", "bị can"),
        ("vụ", "bị cáo"),
        ("vụ", "đối tượng"),
        ("lượt", "người"),
        ("vụ án", "bị cáo"),
    }
)


_COMMA_PAIR_GAP = regex.compile(r"\s*(?:[\p{L}]+\s*){0,3},\s*")
# cases and the people in them: "1.312 vụ với 2.286 bị cáo"
_WITH_PAIR_GAP = regex.compile(r"\s*(?:[\p{L}]+\s*){0,3}?,?\s*(?<![\p{L}])với\s+")


def count_pairs(tx: Text) -> dict[int, tuple[Figure, str]]:
    """Counts written as a pair of two units ("259 lượt/316 người", "98 lượt /115 người"), keyed
    by the first count's index: one fraction spanning both (its raw the exact characters of the pair) and the
    second count's unit."""
    out: dict[int, tuple[Figure, str]] = {}
    for a, b in zip(tx.figures, tx.figures[1:]):
        if a.kind != "count" or b.kind != "count" or a.change or b.change or not a.unit or not b.unit:
            continue
        gap = tx.t[a.end : b.start]
        with_ = a.unit.lower() == "vụ" and _WITH_PAIR_GAP.fullmatch(gap)
        joined = _COMMA_PAIR_GAP.fullmatch(gap) or with_
        known = (a.unit.lower(), b.unit.lower()) in PAIRED_UNITS and joined
        if unit_key(a.unit) == unit_key(b.unit) or not (_COUNT_PAIR_GAP.fullmatch(gap) or known):
            continue
        # no one unit: the pair's raw ("259 lượt/316") names both
        raw = tx.t[a.start : b.end]
        update = {"kind": "ratio", "denominator": b.value, "end": b.end, "raw": raw, "unit": None}
        out[a.index] = (a.model_copy(update=update), unit_key(b.unit))
    return out
