"""Which figures of a report are parts of which whole, and which count a stated rate is computed on.

A reader of a Vietnamese report relates figures by words, not by position alone: "trong đó", "gồm", "cụ
thể", "Trong 40 đơn … có", "lũy kế", "cộng"; by the roles the figures play in an administrative
procedure report (received, carried over, due, on time, late, pending …); by the counted noun ("lượt ý
kiến" counts the same thing as "ý kiến", "HS" is "hồ sơ"); and across the sentences of a paragraph.
This module proposes every such relation as a scored `Relation`; `decide` then lets the arithmetic veto rather
than choose: a stated value is consistent when some plausible relation reproduces it, and an alarm is raised
only when none does and the best relation is one a reader would vouch for.

Input is the text and its `Figure` records (the extractor's `part_of` / `computed_from` are one cue
among others); output is plain data, no printing.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

import regex

from .. import settings
from ..models import Figure
from .verdicts import (
    CHANGES_RULE,
    Relation,
    Verdict,
    _hedge,
    agrees,
    decide,
    evaluate,
    ratio_agrees,
    unit_of,
)
from .vocab import (
    ABBREVIATIONS,
    ACT_UNITS,
    CLASSIFIERS,
    CLAUSE_ROLES,
    EXCLUDES,
    IDENTITIES,
    OWN_NOUNS,
    ROLES,
    SAME_THING,
)

# the relations' judge lives in verdicts.py; its names stay importable from here
__all__ = ["IDENTITIES", "ROLES", "Relation", "Verdict", "agrees", "decide", "evaluate", "relations"]
__all__ += ["roles_of", "unit_key", "unit_of"]


_L = r"\p{L}\p{M}"
AMOUNT_KINDS = ("count", "money", "quantity", "number")

_ROLE_RE = {
    name: regex.compile(rf"(?<![{_L}])(?:{pat})(?![{_L}])", regex.I) for name, pat in ROLES.items()
}

# Breakdown markers after a whole ("… 1.200 hồ sơ, trong đó …"), and at the start of a sentence.
_MARKER = regex.compile(
    r"(?<![\p{L}])(?:trong\s+đó|trong\s+số\s+(?:này|đó)|bao\s+gồm|gồm\s+có|gồm|cụ\s+thể"
    r"|qua\s+phân\s+loại"
    r"|(?<=^|[.\n]\s*)theo\s+đó"
    r"|như(?:\s+sau)?(?=\s*:)"
    r"|chia\s+ra|phân\s+theo)"
    r"(?![\p{L}])",
    regex.I,
)
# A parenthesis after a whole, past its noun phrase and any defining parenthesis ("… (DVCTT) được …
# (").
_PAREN_AFTER = regex.compile(r"(?:[^\d().;:]|\([^\d()]{1,20}\)){0,90}?\((?=[^()]*\d)")
# "Trong (tổng số) 40 đơn …, có …": the whole named after "trong".
_MARK_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:trong(?!\s+(?:đó|số\s+(?:đó|này)))(?:\s+[^\d\s,;.:]+)?|"
    r"trong\s+(?:tổng\s+)?số(?!\s+(?:đó|này))(?:\s+[^\d\s,;.:]+){0,8}|"
    r"trong\s+tổng\s+(?:mức|giá\s+trị|kim\s+ngạch|doanh\s+thu|vốn)(?:\s+[^\d\s,;.:]+){0,4})\s*$",
    regex.I,  # "Trong 40 đơn …, có", "trong số 1.200 hồ sơ": not "trong đó: 3.595 …" (a part)
)
# A total after its parts: "… ; lũy kế 340", "tổng cộng 4.735", "cộng 57".
_TOTAL_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:(?:lũy\s+kế|luỹ\s+kế|tổng\s+cộng|cộng(?:\s+lại)?|tính\s+chung"
    r"|tổng\s+số\s+là|tổng\s+là)"
    r"(?:\s+(?:là|có|gồm|đạt|được))?(?:\s+[\p{L}]+){0,2}"
    # "…, nâng tổng số xã đạt chuẩn lên 20"
    r"|(?:nâng|đưa)\s+tổng\s+số(?:\s+[\p{L}]+){0,6}\s+lên)\s*:?\s*$",
    regex.I,
)
# A total named after its parts: "… thu khác 50 tỷ đồng; tổng thu ngân sách 1.000 tỷ đồng".
_TOTAL_NOUN_BEFORE = regex.compile(
    r"(?:^|[;,.]\s*)tổng\s+(?:thu|chi|số|vốn|kim\s+ngạch|diện\s+tích|sản\s+lượng"
    r"|giá\s+trị)"
    r"(?:\s+[\p{L}]+){0,4}\s*(?:là|đạt|:)?\s*$",
    regex.I,
)
# A percentage measured against a plan, a target or an earlier period that the text does not give.
_COMPARISON_AFTER = regex.compile(
    r"\s*\)?\s*(?:so\s+với|so\s+cùng|cùng\s+kỳ|dự\s+toán|kế\s+hoạch|KH|chỉ\s+tiêu"
    r"|mục\s+tiêu|"
    r"nghị\s+quyết|kịch\s+bản|tháng\s+trước|năm\s+trước|quý\s+trước"
    r"|kỳ\s+trước)(?![\p{L}])",
    regex.I,
)
_COMPARISON_BEFORE = regex.compile(r"(?<![\p{L}])(?:bằng|tăng|giảm|gấp)\s*$", regex.I)
_CHANGE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:tăng|giảm|cao\s+hơn|thấp\s+hơn|nhiều\s+hơn|ít\s+hơn)(?:\s+(?:thêm|được"
    r"|lên|xuống))?\s*$",
    regex.I,
)
_RATE_BEFORE = regex.compile(
    r"(?:(?<![\p{L}])(?:tỷ\s+lệ|tỉ\s+lệ|tỷ\s+trọng|chiếm|đạt|bằng|tương\s+ứng|với"
    r"|là)"
    r"(?:\s+(?:tỷ\s+lệ|tỉ\s+lệ|tỷ\s+trọng|khoảng|gần|hơn|trên|là|được"
    r"|cao\s+nhất\s+với))*|\()\s*$",
    regex.I,
)
_WHOLE_AFTER_RATE = regex.compile(r"\s*(?:tổng|so\s+với\s+tổng|trên\s+tổng|của\s+tổng)", regex.I)
_AVERAGE = regex.compile(r"(?<![\p{L}])(?:bình\s+quân|trung\s+bình|mỗi)(?![\p{L}])", regex.I)
# "… phải thi hành.Trong số …": a full stop glued to the next sentence ends one too (not "TP.Hồ
# Chí Minh")
_SENTENCE_END = regex.compile(r"[.!?](?=\s|$)|(?<=[\p{Ll}\d%)])\.(?=\p{Lu}\p{Ll})|\n")



# --- reading the text around figures ------------------------------------------------------------


def unit_key(unit: str | None) -> str:
    """What is counted: classifiers stripped, abbreviations expanded, synonyms grouped."""
    words = (unit or "").lower().replace("(", " ").replace(")", " ").replace(",", " ").split()
    words = [w for w in words if w not in ("của", "các", "những")]
    while len(words) > 1 and words[0] in CLASSIFIERS:
        words.pop(0)
    if not words or " ".join(words[:2]) in ACT_UNITS:
        return ""
    if words[0] in ABBREVIATIONS:  # "HTX nông nghiệp" counts what "hợp tác xã" counts
        words = ABBREVIATIONS[words[0]].split() + words[1:]
    first, two = words[0], " ".join(words[:2])
    if two in OWN_NOUNS:
        return two
    for group in SAME_THING:
        if two in group or first in group or ABBREVIATIONS.get(first) in group:
            return min(group)
    return first


_PERSONS = next(g for g in SAME_THING if "người" in g)
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


def _compatible(a: Figure, b: Figure) -> bool:
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


def _same_key(ka: str, kb: str) -> bool:
    return not ka or not kb or ka == kb


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


def _paragraph_starts(text: str) -> list[int]:
    """Where paragraphs start; a short line with no digit (a photo caption, printed once or twice) belongs
    to the paragraph before it, so the paragraph after it is the next one."""
    starts = [0]
    for m in regex.finditer(r"\n\s*", text):
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
        self.sent = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self.para = _paragraph_starts(text)
        depth, d = [], 0
        for ch in text:
            d = 0 if ch == "\n" else d  # a parenthesis left open ends with its line
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
        return {nxt[i].index: by_index[i] for i in _count_pairs(self)}

    def compatible(self, a: Figure, b: Figure) -> bool:
        """Two figures count or measure the same thing (classifiers read past, abbreviations expanded)."""
        if not _compatible(a, b):
            return False
        same_word = (a.unit or "").lower() == (b.unit or "").lower() and (a.unit or "").lower() in CLASSIFIERS
        return same_word or _same_key(self.keys.get(id(a), ""), self.keys.get(id(b), ""))

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


def _is_amount(f: Figure) -> bool:
    return f.kind in AMOUNT_KINDS and not f.prior_period and f.range is None


# --- sums -----------------------------------------------------------------------------------------


# The denominator of "a ha/b ha" or "a trường trong tổng số b trường": not a part of the list it
# sits in.
_SLASH_BEFORE = regex.compile(
    r"(?:\d\s*[\p{L}²³]{0,6}\s*/|(?<![\p{L}])(?:trong"
    r"|trên)\s+tổng\s+số(?:\s+[\p{L}]+){0,2})\s*$", regex.I
)


_NOUN_PHRASE_END = regex.compile(r"[.;:()]|,\s*(?:trong|gồm|bao|cụ|đạt|chiếm|tăng|giảm)")


def _named_with(tx: Text, f: Figure, whole: Figure) -> bool:
    """The whole counts several things and names `f`'s among them: "611 tin tố giác, tin báo về tội
    phạm và kiến nghị khởi tố. Trong đó, …; 2 kiến nghị khởi tố"."""
    if f.kind != "count" or whole.kind != "count" or not f.unit:
        return False
    after = tx.after(whole, settings.QA_NOUN_REACH)
    m = _NOUN_PHRASE_END.search(after)
    phrase = after[: m.start() if m else len(after)].lower()
    if not regex.search(r"(?<![\p{L}])(?:và|,)\s", phrase):
        return False  # one thing counted: its own noun decides
    noun = " ".join(f.unit.lower().split()[:2])
    return bool(regex.search(rf"(?<![\p{{L}}]){regex.escape(noun)}(?![\p{{L}}])", phrase))


def _parts_after(
    tx: Text, whole: Figure, begin: int, same_sentence_only: bool, end: int | None = None
) -> list[Figure]:
    """Figures of the whole's kind listed after `begin` at one parenthesis depth: the first-level parts of a
    list that runs to the end of the sentence, or on while each next sentence opens with such a figure.
    Figures counting something else are skipped ("2.383 lượt với 1.855 người": parallel lists)."""
    out: list[Figure] = []
    depth = None
    sent = tx.sentence(begin)
    para = tx.paragraph(begin)
    # the end of a part's own breakdown ("18 trường mầm non, gồm 9 …, 3 …; 23 trường tiểu
    # học")
    skip_to = -1
    for f in tx.figures[bisect.bisect_left(tx.starts, begin) :]:
        if end is not None and f.start >= end:
            break
        if tx.paragraph(f.start) != para:
            # "…, trong đó:\n\na) Rừng tự nhiên: …": a marker ending its line opens a list on the
            # next lines
            opens = not out and tx.t[begin : tx.para[para + 1]].strip(" :\n") == ""
            if same_sentence_only or not (out or opens) or not _list_line_continues(tx, para, f):
                break
            para, sent = tx.paragraph(f.start), tx.sentence(f.start)
        if f.start < skip_to:
            continue
        s = tx.sentence(f.start)
        if s != sent:
            opens = tx.t[tx.sent[s] : f.start]
            if same_sentence_only or len(opens.split()) > 6 or not out or not tx.compatible(f, whole):
                break
            if _MARKER.match(opens.lstrip(" \n-–•+")):
                # "… huyện quản lý 127 tỷ. Cụ thể, thu thuế 73 tỷ …": the breakdown of the
                # last part
                break
            sent = s
        actual = f.kind == "ratio" and f.denominator and _is_amount(whole)  # "lúa 40/38ha": done of planned
        like = tx.compatible(f, whole) or _named_with(tx, f, whole)
        if not (_is_amount(f) or actual) or not like or f.change or f is whole:
            continue
        if _CHANGE_BEFORE.search(tx.before(f, 30)) or _SLASH_BEFORE.search(
            tx.t, max(0, f.start - 30), f.start
        ):
            continue  # "ngô 14.662,5 ha/15.000 ha": the plan after the slash is not a part
        d = tx.d(f.start)
        if depth is None:
            depth = d
        if d != depth:
            continue
        if end is None and f.value > _amount(whole) + _hedge(whole) + _hedge(f):
            break
        running = sum((p.value for p in out), f.value)
        overshoot = settings.QA_OVERSHOOT if end is None else settings.QA_OVERSHOOT_PARENS
        if running > _amount(whole) * (1 + Decimal(str(overshoot))) + _hedge(whole) + sum(
            (_hedge(p) for p in out), _hedge(f)
        ):
            if out and (
                ";" in tx.t[out[-1].end : f.start] or tx.sentence(f.start) != tx.sentence(out[-1].start)
            ):
                break  # "…; kiến nghị trả về 2,3 tỷ": the next clause is not a part any more
            if any(";" in tx.t[a.end : b.start] for a, b in zip(out, out[1:])):
                break  # "…; tin báo 321, 2 kiến nghị; đã chuyển 6 …, còn 605": read up to a ";"
            return []  # parts that overshoot their whole within one clause: not a breakdown of it
        out.append(f)
        skip_to = _own_breakdown_end(tx, f, whole)
    if not all(f.kind == "ratio" for f in out):  # fractions count as parts only in a list made of them
        out = [f for f in out if f.kind != "ratio"]
    return _one_noun(tx, whole, out)


def _one_noun(tx: Text, whole: Figure, parts: list[Figure]) -> list[Figure]:
    """A whole that names nothing ("đăng kí dự thi 1.004.484") takes parts of one noun: the most counted
    one ("279.001 thí sinh … thi với 2 mục đích … 592.934 …": not the 2 purposes)."""
    if tx.keys.get(id(whole)):
        return parts
    keys = [tx.keys.get(id(f), "") for f in parts]
    named = Counter(k for k in keys if k)
    if len(named) < 2:
        return parts
    top = named.most_common(1)[0][0]
    return [f for f, k in zip(parts, keys) if k in ("", top)]


def _list_line_continues(tx: Text, para: int, f: Figure) -> bool:
    """A list set out one item a line: the line before ends with ";" (or ":") and `f` is on the next line
    ("Trong đó, số hồ sơ mới tiếp nhận trực tuyến là 2.988 hồ sơ (…);\nSố hồ sơ
    kỳ trước chuyển qua là …")."""
    if tx.paragraph(f.start) != para + 1:
        return False
    line_end = tx.para[para + 1] if para + 1 < len(tx.para) else len(tx.t)
    if tx.t[tx.para[para] : line_end].rstrip().endswith((";", ":")):
        return True
    # "a) Rừng tự nhiên: 10.292.434 ha.\n\nb) Rừng trồng: 4.316.786 ha.": items marked alike, line by
    # line
    this, nxt = _ITEM.match(tx.t, tx.para[para]), _ITEM.match(tx.t, tx.para[para + 1])
    return bool(this and nxt) and _item_kind(this.group(0)) == _item_kind(nxt.group(0))


_ITEM = regex.compile(r"\s*(?:[a-zđ]\)|[-–+•*]|\d{1,2}[.)])\s")


def _item_kind(marker: str) -> str:
    """ "a)" and "b)" are items of one list; "-" and "+" are not."""
    m = marker.strip()
    return "letter" if m[0].isalpha() else "number" if m[0].isdigit() else m


def _own_breakdown_end(tx: Text, part: Figure, whole: Figure) -> int:
    """Where the breakdown a part opens ends ("18 trường mầm non, gồm 9 …, 3 … và 6 …;"): the
    next semicolon or the end of the sentence; -1 when the part opens none."""
    i = bisect.bisect_right(tx.starts, part.start)
    nxt = next((f for f in tx.figures[i:] if _is_amount(f) and tx.compatible(f, whole)), None)
    if nxt is None or not _MARKER.search(tx.t, part.end, nxt.start):
        return -1
    s = tx.sentence(part.start)
    stop = tx.sent[s + 1] if s + 1 < len(tx.sent) else len(tx.t)
    semi = tx.t.find(";", part.end, stop)
    return semi if semi >= 0 else stop


# Roles a part cannot have under a whole of a role: files still pending are not among those resolved.
OUTSIDE_ROLES: dict[str, frozenset[str]] = {"resolved": frozenset({"pending"})}


def _not_outside(tx: Text, whole: Figure, parts: list[Figure]) -> list[Figure]:
    """"đã giải quyết 27.000 hồ sơ; trong đó trước hạn …; đúng hạn …; đang giải
    quyết 1.207; quá hạn …": the list names a figure that is not a part of its whole; "790 trường
    đạt chuẩn … còn 59 trường chưa được công nhận đạt chuẩn": a count of what its
    whole is not."""
    excluded = set().union(*(OUTSIDE_ROLES.get(r, frozenset()) for r in roles_of(tx.label(whole))))
    kept = [p for p in parts if not roles_of(tx.label(p)) & excluded and not _negates(tx, p, whole)]
    return kept if len(kept) >= 2 else parts


_NOT_YET = regex.compile(
    r"(?<![\p{L}])(?:chưa|không)\s+(?:được\s+)?(?P<p>[\p{L}]+(?:\s+[\p{L}]+){1,4})", regex.I
)


def _negates(tx: Text, part: Figure, whole: Figure) -> bool:
    """The part's words deny two words in a row that the whole's words say ("chưa … đạt chuẩn")."""
    m = _NOT_YET.search(tx.label(part))
    if not m:
        return False
    said = " ".join(tx.label(whole).lower().split())
    words = m.group("p").lower().split()
    return any(f"{a} {b}" in said for a, b in zip(words, words[1:]))


def _amount(f: Figure) -> Decimal:
    """What a figure counts: "276/586 trường" counts 276."""
    return f.value


def _unread_number_after(tx: Text, last: Figure) -> bool:
    """A number after the last part of its sentence that was not read as a figure ("… và THPT có 12"):
    the list may go on with a part we do not have."""
    end = tx.sent[tx.sentence(last.start) + 1] if tx.sentence(last.start) + 1 < len(tx.sent) else len(tx.t)
    spans = [(f.start, f.end) for f in tx.span(last.end, end)]
    for m in regex.finditer(r"\d+", tx.t[last.end : end]):
        pos = last.end + m.start()
        if not any(a <= pos < b for a, b in spans):
            return True
    return False


def _named_items_after(tx: Text, last: Figure, whole: Figure) -> bool:
    """The list goes on with items named, not counted: "gồm 8 xã …, 6 xã …, xã Cam Thịnh Tây …"
    (one each)."""
    noun = (whole.unit or "").split(" ")[0]
    if not noun:
        return False
    s = tx.sentence(last.start)
    stop = tx.sent[s + 1] if s + 1 < len(tx.sent) else len(tx.t)
    semi = tx.t.find(";", last.end, stop)
    pattern = rf"(?:,|\svà)\s+{regex.escape(noun)}\s+\p{{Lu}}"
    return bool(regex.search(pattern, tx.t[last.end : semi if semi >= 0 else stop]))


def _itemised(tx: Text, parts: list[Figure]) -> bool:
    """Each part opens its own line with an item mark ("a) Rừng tự nhiên: …", "- Vốn …"): a set-out
    list."""
    paras = [tx.paragraph(p.start) for p in parts]
    return len(set(paras)) == len(parts) >= 2 and all(_ITEM.match(tx.t, tx.para[k]) for k in paras)


def _roles_make_up(tx: Text, whole: Figure, parts: list[Figure]) -> bool:
    """The parts' roles are those of an identity that makes up the whole's role ("đã giải quyết …,
    trong đó trước hạn …, đúng hạn …, quá hạn …"): the list is all of it, not a
    selection."""
    mine = roles_of(tx.label(whole))
    theirs = set().union(*(roles_of(tx.label(p)) for p in parts)) if parts else set()
    return any(set(ps) <= theirs and mine & set(ws) for ps, ws, _ in IDENTITIES)


def _sum_candidates(
    tx: Text, whole: Figure, parts: list[Figure], rule: str, conf: float
) -> Iterable[Relation]:
    """The whole list (an exhaustive breakdown); its prefixes only where the list runs on into another
    sentence (a list inside one sentence is the whole enumeration)."""
    if parts and (_unread_number_after(tx, parts[-1]) or _named_items_after(tx, parts[-1], whole)):
        conf *= 0.75
    whole_conf = conf
    if _shares_say_short(tx, whole, parts):
        whole_conf = min(conf, settings.QA_CONF_UNMARKED)
    if len(parts) >= 2 and sum((p.value for p in parts), Decimal(0)) > _amount(whole) + _hedge(whole):
        renamed = any((p.unit or "").lower() != (whole.unit or "").lower() for p in parts if p.unit)
        if renamed and ";" in tx.t[parts[0].end : parts[-1].start]:
            # "1059 hộ, trong đó 86 hộ nghèo …; 1025 gia đình có công trình vệ sinh": a clause
            # past a semicolon that counts by another name and overshoots says something else about the whole
            whole_conf = min(conf, settings.QA_CONF_UNMARKED)
    if parts:
        gap = _amount(whole) - sum((p.value for p in parts), Decimal(0))
        para = tx.paragraph(parts[-1].start)
        later = [
            f
            for f in tx.in_paragraphs(para, para + 1, parts[-1].start)
            if f.start > parts[-1].end
            and _is_amount(f)
            and not f.change
            and tx.compatible(f, whole)
            and 0 < f.value <= gap
            # not a member of a later bracket ("; 6 tàu (… 4, …)")
            and tx.d(f.start) <= tx.d(whole.start)
            and f.part_of in (None, whole.index)
        ]
        rest = next((f for f in later if f.value == gap), None)
        # "… có 6 nhóm tăng, 4 nhóm giảm. Riêng 1 nhóm đứng giá": the part stated later
        if rest is not None:
            # (in the paragraph or the next: "… ¶ Trong 5 tháng, toàn tỉnh có 366 lao động đi làm
            # việc ở nước ngoài")
            yield Relation("sum", whole, (*parts, rest), rule + " (phần còn lại nêu sau)", conf * 0.9)
        elif later:
            conf *= 0.75  # the list may go on further in the paragraph
            whole_conf *= 0.75
    if len(parts) >= 2:
        yield Relation("sum", whole, tuple(parts), rule, whole_conf)
    for n in range(len(parts) - 1, 1, -1):
        if tx.sentence(parts[n].start) != tx.sentence(parts[n - 1].start):
            yield Relation("sum", whole, tuple(parts[:n]), rule + " (phần đầu của danh "
                                                                  "sách)", conf * 0.6)
        # "… 795 đơn kiến nghị; có 92 vụ việc …"
        elif ";" in tx.t[parts[n - 1].end : parts[n].start]:
            yield Relation("sum", whole, tuple(parts[:n]), rule + " (đến dấu chấm phẩy)", conf * 0.6)


def _shares_say_short(tx: Text, whole: Figure, parts: list[Figure]) -> bool:
    """Each part states its share of the whole and the shares fall short of 100% as the parts do ("8.578
    việc, chiếm 72,75% …; 2.882 việc, chiếm 24,44% trong tổng số phải thi hành" of 11.791):
    the text itself says the list leaves something out, so falling short is no error."""
    shares = [_own_share(tx, p) for p in parts]
    if len(parts) < 2 or not whole.value or any(s is None for s in shares):
        return False
    said = sum((s.value for s in shares if s is not None), Decimal(0))
    covered = sum((p.value for p in parts), Decimal(0)) / whole.value * 100
    return said < 99 and abs(said - covered) <= len(parts) * Decimal("0.05") + Decimal("0.05")


def _unmarked_breakdowns(tx: Text, related: set[int]) -> Iterable[Relation]:
    """A run of like counts after a whole, in its sentence or the next paragraphs, that adds up to it exactly:
    "… đã tiếp nhận 1.665 hồ sơ. Đáng chú ý, có 1.530 hồ sơ nộp trực tuyến, …
    trực tiếp chỉ 135 trường hợp"; "công nhận 17 trường … ¶ Có 10 trường … mức
    độ 1 … ¶ 7 trường … mức độ 2". Nothing marks them as parts, so they are only proposed for
    wholes no other rule relates, where the arithmetic agrees and the list ends there, below the confidence of
    an alarm."""
    group: dict[int, int] = {}  # the run each part found already belongs to (by its whole's index)
    for w in tx.figures:
        if not _whole_kind(w) or w.value < settings.QA_UNMARKED_MIN_WHOLE:
            continue
        if w.index in related or not (tx.keys[id(w)] or w.kind == "money"):
            continue
        siblings = group.get(w.index)  # a part is no whole of its siblings ("8 = 4 + 3 + 1"), but of its own
        run: list[Figure] = []
        for f in _ahead(tx, w):
            if not _is_amount(f) or f.change or not _counts_same(tx, f, w):
                continue  # the same thing counted, by name: nothing else says these are its parts
            if siblings is not None and group.get(f.index) == siblings:
                continue
            if _SLASH_BEFORE.search(tx.t, max(0, f.start - 30), f.start):
                # "17.435 hộ nghèo trong tổng số 79.677 hộ": the base of a share, not a part
                continue
            if run and tx.d(f.start) > tx.d(run[-1].start):
                # "869 đơn thuộc thẩm quyền (khiếu nại 147 đơn; …)": a part's own parts
                continue
            if f.value >= w.value:
                break
            run.append(f)
            if len(run) > settings.QA_UNMARKED_MAX_PARTS:
                break
            goes_on = _list_goes_on(tx, f, w)
            for rel in _runs_to(w, run):
                if goes_on and not _shares_add_up(tx, w, list(rel.operands)):
                    # "… 38 trường và THPT có 9 trường": a prefix of the list is not the list
                    continue
                group.update((p.index, w.index) for p in rel.operands)
                yield rel
                run = []  # the whole broken down again ("by field: …" ¶ "by outcome: …") starts afresh


_OWN_SHARE_GAP = regex.compile(r"[^\d;.]{0,60}?(?:chiếm|tỷ\s+lệ|tỉ\s+lệ)[^\d;.]{0,12}$", regex.I)


def _own_share(tx: Text, f: Figure) -> Figure | None:
    """The share stated right after a count, in its clause ("16.594 hộ …, chiếm tỷ lệ 20,82%")."""
    i = tx.order[id(f)]
    nxt = tx.figures[i + 1] if i + 1 < len(tx.figures) else None
    if nxt is not None and (
        _SLASH_BEFORE.search(tx.t, max(0, nxt.start - 30), nxt.start) or (nxt.change and _is_amount(nxt))
    ):
        # "17.435 hộ nghèo trong tổng số 79.677 hộ toàn tỉnh, chiếm tỷ lệ 21,88%": past the
        # share's base; "8.578 việc, giảm 1.732 việc; chiếm 72,75%": past the count's own change
        nxt = tx.figures[i + 2] if i + 2 < len(tx.figures) else None
        f = tx.figures[i + 1]
    if nxt is None or nxt.kind != "percent" or nxt.change:
        return None
    gap = tx.t[f.end : nxt.start]
    gap = gap.replace(";", ",") if f.change else gap  # "…, giảm 1.732 việc; chiếm 72,75%"
    return nxt if _OWN_SHARE_GAP.match(gap) else None


def _shares_add_up(tx: Text, w: Figure, run: list[Figure]) -> bool:
    """The counts' own shares add up to the whole's own share as printed: "17.435 hộ nghèo, chiếm 21,88%
    … 16.594 hộ …, chiếm 20,82%; 841 hộ …, chiếm 1,06%" — a first part of a longer list that
    is the whole."""
    whole = _own_share(tx, w)
    shares = [_own_share(tx, f) for f in run]
    if whole is None or len(run) < 2 or any(s is None for s in shares):
        return False
    return sum((s.value for s in shares if s is not None), Decimal(0)) == whole.value


def _counts_same(tx: Text, f: Figure, w: Figure) -> bool:
    """`f` counts what `w` counts, by name: its own noun, or a bare number in a sentence naming w's noun
    ("Số lượng trường đạt chuẩn … mầm non là 141 (51,8%), tiểu học 206 …"); an amount
    of money in its currency, not named for another role ("kim ngạch nhập khẩu" is no part of the
    exports)."""
    if w.kind == "money":
        if f.kind != "money" or (f.unit or "") != (w.unit or ""):
            return False
        mine, theirs = roles_of(tx.label(f)), roles_of(tx.label(w))
        return not (mine and theirs and not mine & theirs)
    if tx.keys[id(f)]:
        return tx.keys[id(f)] == tx.keys[id(w)]
    noun = (w.unit or "").split(" ")[0]
    if f.kind != "number" or not noun:
        return False
    opening = tx.t[tx.sent[tx.sentence(f.start)] : f.start]
    return bool(regex.search(rf"(?<![\p{{L}}]){regex.escape(noun)}(?![\p{{L}}])", opening, regex.I))


def _list_goes_on(tx: Text, last: Figure, w: Figure) -> bool:
    """Another like count follows `last` in its sentence (an amount of money: one not named for another
    role, "…; kim ngạch nhập khẩu … 2.237.600 USD" does not continue a list of exports)."""
    i = bisect.bisect_right(tx.starts, last.start)
    def like(f: Figure) -> bool:
        return _counts_same(tx, f, w) if w.kind == "money" else tx.compatible(f, w)

    nxt = next((f for f in tx.figures[i:] if _is_amount(f) and like(f)), None)
    return nxt is not None and tx.sentence(nxt.start) == tx.sentence(last.start)


def _runs_to(w: Figure, run: list[Figure]) -> Iterable[Relation]:
    """The runs ending at the newest part that add up to the whole exactly."""
    total = Decimal(0)
    for start in range(len(run) - 1, -1, -1):
        total += run[start].value
        if total > w.value:
            return
        if total == w.value and len(run) - start >= 2:
            rule = "các phần nêu sau tổng (không có từ nối) cộng lại đúng bằng tổng"
            yield Relation("sum", w, tuple(run[start:]), rule, settings.QA_CONF_UNMARKED)
            return


# The last item of an exhaustive list: "lĩnh vực khác 19 lượt", "dân tộc khác (13 hộ)",
# "còn lại là … (373 người)".
_CATCH_ALL = regex.compile(r"(?<![\p{L}])(?:khác|còn\s+lại)(?![\p{L}])", regex.I)
_CLAUSE_CUT = regex.compile(r"[,;:(]|\s(?:và|với)\s")


def _catch_all(tx: Text, f: Figure) -> bool:
    """`f` is labelled as the rest of a list: its clause before it or its noun phrase after it says so."""
    before = _CLAUSE_CUT.split(tx.before(f, 40).rstrip(" (").rstrip())[-1]
    after = _CLAUSE_CUT.split(tx.after(f, 30))[0]
    return bool(_CATCH_ALL.search(before) or _CATCH_ALL.search(after))


def _list_before(tx: Text, last: Figure) -> list[Figure]:
    """The like counts of `last`'s sentence that list up to it, nothing but list separators and labels
    between them (no breakdown marker, which would make the figure before it a whole)."""
    s = tx.sentence(last.start)
    out = [last]
    for f in reversed(tx.in_sentences(s, s, last.start)):
        if f.start >= last.start or not _is_amount(f) or f.change:
            continue
        if not tx.compatible(f, last) or _MARKER.search(tx.t[f.end : out[-1].start]):
            break
        if ":" in tx.t[f.end : out[-1].start]:
            break
        out.append(f)
    return out[::-1]


def _catch_all_lists(tx: Text) -> Iterable[Relation]:
    """A list ending in a catch-all item ("…, bồi thường 03 lượt, lĩnh vực khác 19 lượt") is
    a whole breakdown. Its whole is a like count before it in the paragraph: the nearest one (in this sentence
    or the one before) is sure enough to alarm when the parts miss it; any earlier one the parts reproduce
    exactly is taken instead ("… 17.435 hộ nghèo … ; 16.636 hộ … . … dân tộc khác (13
    hộ)")."""
    for last in tx.figures:
        if not _is_amount(last) or last.change or not _catch_all(tx, last):
            continue
        parts = _list_before(tx, last)
        if len(parts) < 2:
            continue
        total = sum((p.value for p in parts), Decimal(0))
        para, s = tx.paragraph(parts[0].start), tx.sentence(parts[0].start)
        wholes = [
            w
            for w in tx.in_paragraphs(para, para, parts[0].start)
            if w.start < parts[0].start and _whole_kind(w) and tx.compatible(w, last)
            and w.value > max(p.value for p in parts)
        ]
        rule = (
            "danh sách kết thúc bằng mục 'khác'/'còn lại' là toàn bộ các phần của "
            "tổng nêu trước"
        )
        for k, w in enumerate(reversed(wholes)):
            near = k == 0 and tx.sentence(w.start) >= s - 1 and len(parts) >= 3
            if near or w.value == total:
                conf = settings.QA_CONF_CATCH_ALL if near else settings.QA_CONF_UNMARKED
                yield Relation("sum", w, tuple(parts), rule, conf)


# Administrative levels a province-wide figure splits into, and the words that name the province-wide one.
LEVELS = {
    "tỉnh": regex.compile(r"(?<![\p{L}])cấp\s+tỉnh|các\s+sở,\s*(?:ban,\s*)?ngành", regex.I),
    "huyện": regex.compile(r"(?<![\p{L}])cấp\s+huyện", regex.I),
    "xã": regex.compile(r"(?<![\p{L}])cấp\s+xã", regex.I),
}
_PROVINCE_WIDE = regex.compile(
    r"(?<![\p{L}])(?:toàn\s+tỉnh|cả\s+tỉnh|trên\s+địa\s+bàn\s+tỉnh|(?:3"
    r"|ba)\s+cấp)(?![\p{L}])", regex.I
)


def _level_sums(tx: Text) -> Iterable[Relation]:
    """"toàn tỉnh đã tiếp nhận 659.245 hồ sơ … ¶ cấp tỉnh … 54.575 hồ sơ … ¶ cấp
    huyện … 340.060 … ¶ cấp xã … 264.610": the levels' figures after a province-wide one, in the
    paragraphs that follow, that add up to it. Which of each level's figures is meant is left to the
    arithmetic, so these only ever confirm."""
    for w in tx.figures:
        if not _is_amount(w) or w.change or not _PROVINCE_WIDE.search(tx.before(w, 80)):
            continue
        later = [
            f
            for f in _ahead(tx, w)
            if _is_amount(f) and not f.change and f.value < w.value and _counts_same(tx, f, w)
        ]
        options = [
            [f for f in later if rx.search(_level_clause(tx, f))][: settings.QA_IDENTITY_CHOICES]
            for rx in LEVELS.values()
        ]
        options = [o for o in options if o]  # two levels since districts were merged away (2025)
        if len(options) < 2:
            continue
        for picks in itertools.product(*options):
            distinct = len({f.index for f in picks}) == len(picks)
            if distinct and sum((f.value for f in picks), Decimal(0)) == w.value:
                rule = "toàn tỉnh = tổng các cấp (tỉnh, huyện, xã)"
                yield Relation("sum", w, tuple(picks), rule, settings.QA_CONF_UNMARKED)
                break


def _ahead(tx: Text, w: Figure) -> list[Figure]:
    """The figures after `w` within QA_UNMARKED_PARAGRAPHS paragraphs, at most QA_SCAN_AHEAD of them (a
    bounded look, so a page of thousands of numbers stays linear)."""
    i = bisect.bisect_right(tx.starts, w.start)
    last = tx.paragraph(w.start) + settings.QA_UNMARKED_PARAGRAPHS
    out = []
    for f in tx.figures[i : i + settings.QA_SCAN_AHEAD]:
        if tx.paragraph(f.start) > last:
            break
        out.append(f)
    return out


def _level_clause(tx: Text, f: Figure) -> str:
    """The words that say which level a figure is of: its sentence up to it."""
    return tx.t[tx.sent[tx.sentence(f.start)] : f.start]


def _whole_kind(f: Figure) -> bool:
    return (_is_amount(f) or f.kind == "ratio") and not f.change


_CAPTION = regex.compile(r"(?<![\p{L}])(?:Ảnh|Ảnh minh họa|Nguồn)\s*:", regex.I)


def _paragraphs_between(tx: Text, a: int, b: int) -> int:
    """How many paragraphs `b` is after `a`, photo captions between them not counted ("… Ảnh: Minh Anh",
    or a short line with no figure: an empty line, a caption printed twice)."""
    pa, pb = tx.paragraph(a), tx.paragraph(b)
    captions = 0
    for k in range(pa + 1, min(pb, pa + settings.QA_CAPTIONS_SKIPPED + 1)):
        end = tx.para[k + 1] if k + 1 < len(tx.para) else len(tx.t)
        bare = end - tx.para[k] <= settings.QA_CAPTION_MAX and not tx.span(tx.para[k], end)
        captions += bool(bare or _CAPTION.search(tx.t, tx.para[k], end))
    return pb - pa - captions


# Between a whole and its marker, words that say the list names only some of it:
# "2.855 hồ sơ …; các đơn vị tiếp nhận nhiều hồ sơ gồm: …",
# "trong đó một số xã tiêu biểu như …"
_HIGHLIGHTS = regex.compile(
    r"(?<![\p{L}])(?:nhiều(?:\s+nhất)?|lớn\s+nhất|cao\s+nhất|tiêu\s+biểu|điển\s+hình"
    r"|nổi\s+bật|một\s+số|đứng\s+đầu|chủ\s+yếu)(?![\p{L}])",
    regex.I,
)


def _breakdowns(tx: Text) -> Iterable[Relation]:
    """Wholes broken down by a marker after them ("…, trong đó …", "(…)", a sentence opening "Trong
    đó"), named after "Trong (tổng số) N …, có", or totalled after the parts ("lũy kế", "tổng
    cộng")."""
    figs = tx.figures
    for m in _MARKER.finditer(tx.t):
        s_idx = tx.sentence(m.start())
        opens = not tx.t[tx.sent[s_idx] : m.start()].strip(" ,.;:-–\n")
        if opens and s_idx == 0:
            continue
        k = bisect.bisect_left(tx.starts, m.start())
        if not k or (opens and _paragraphs_between(tx, figs[k - 1].start, m.start()) > 1):
            continue
        # a sentence opening "Trong đó" may break down a whole of the sentence before the
        # last one: "… phê duyệt 207.795 lượt người … Hiện đã chi trả cho 153.175 lượt
        # người … Trong đó, …"
        lo = tx.sent[max(0, tx.sentence(figs[k - 1].start) - 1)] if opens else tx.sent[s_idx]
        earlier = [
            f
            for f in tx.span(lo, m.start(), m.start())
            if _whole_kind(f) and tx.d(f.start) <= tx.d(m.start())
        ]
        j = bisect.bisect_left(tx.starts, m.end())
        first = figs[j] if j < len(figs) else None
        if (
            first is None
            or not (_is_amount(first) or (first.kind == "ratio" and first.denominator))
            or first.change
            or not any(tx.compatible(first, w) for w in earlier)
        ):
            continue  # "trong đó, có 4 nhóm hàng …": the marker introduces something else
        word = " ".join(m.group(0).split()).strip(" ,:").lower()
        rule = f"'{word}' mở câu sau tổng" if opens else f"'{word}' sau tổng"
        nearest = next((w for w in reversed(earlier) if tx.compatible(first, w)), None)
        for w in reversed(earlier):
            parts = _not_outside(tx, w, _parts_after(tx, w, m.end(), same_sentence_only=False))
            conf = settings.QA_CONF_MARKER if w is nearest else settings.QA_CONF_MARKER * 0.8
            if _HIGHLIGHTS.search(tx.t, w.end, m.start()):
                # "… đơn vị tiếp nhận nhiều hồ sơ gồm:": the largest, not all
                conf = settings.QA_CONF_ARITHMETIC
            closed = _roles_make_up(tx, w, parts) or _itemised(tx, parts)
            for r in _sum_candidates(tx, w, parts, rule, conf):
                yield dataclasses.replace(r, closed=True) if closed else r
    for i, w in enumerate(figs):
        if not _whole_kind(w):
            continue
        m = _PAREN_AFTER.match(tx.t, w.end)
        if m and not regex.match(r"\s*(?:đạt|chiếm|bằng|tương|giảm|tăng|so"
                                 r"|-)", tx.t[m.end() :], regex.I):
            close = tx.t.find(")", m.end())
            parts = _parts_after(tx, w, m.end(), same_sentence_only=True, end=close if close >= 0 else None)
            yield from _sum_candidates(tx, w, parts, "liệt kê trong ngoặc sau "
                                                     "tổng", settings.QA_CONF_MARKER)
        if _MARK_BEFORE.search(tx.before(w, 60)):
            parts = _parts_after(tx, w, w.end, same_sentence_only=False)
            yield from _sum_candidates(tx, w, parts, "'Trong N …, có' trước "
                                                     "tổng", settings.QA_CONF_MARKER)
        sure = bool(_TOTAL_BEFORE.search(tx.before(w, 60)))
        if sure or _TOTAL_NOUN_BEFORE.search(tx.before(w, 60)):
            earlier = [
                f
                for f in tx.span(tx.para[tx.paragraph(w.start)], w.start, w.start)
                if _is_amount(f)
                and not f.change
                and tx.compatible(f, w)
                and f.value <= w.value
                and tx.d(f.start) == tx.d(w.start)
                and tx.sentence(w.start) - tx.sentence(f.start) <= 1
            ]
            for n in range(len(earlier), 1, -1):
                conf = settings.QA_CONF_MARKER if n == len(earlier) else settings.QA_CONF_MARKER * 0.6
                # "…; tổng thu ngân sách 1.000 tỷ đồng": a total by its name only confirms
                if not sure:
                    conf = settings.QA_CONF_UNMARKED
                yield Relation(
                    "sum", w, tuple(earlier[-n:]), "tổng nêu sau các phần ('lũy kế', 'cộng', "
                                                   "'tổng')", conf
                )


_PAIR_GAP = regex.compile(r"[\p{L}\s]{0,40}?(?:\svà|,)\s*", regex.I)


def _parallel_breakdowns(tx: Text) -> Iterable[Relation]:
    """"đã giải quyết 274 đơn khiếu nại và 105 đơn tố cáo; trong đó có 11 …, 10 … và
    179 …; có 9 …, 15 …, 11 … và 70 …": one marker after two wholes, the lists split by a
    semicolon, in the wholes' order."""
    for m in _MARKER.finditer(tx.t):
        s_m = tx.sentence(m.start())
        before = tx.span(tx.sent[s_m], m.start(), m.start())
        if len(before) < 2:
            continue
        w1, w2 = before[-2:]
        if not (_is_amount(w1) and _is_amount(w2) and tx.compatible(w1, w2)):
            continue
        if not _PAIR_GAP.fullmatch(tx.t, w1.end, w2.start):
            continue
        end = tx.sent[tx.sentence(m.start()) + 1] if tx.sentence(m.start()) + 1 < len(tx.sent) else len(tx.t)
        groups = [
            [f for f in tx.span(a, b) if _is_amount(f) and tx.compatible(f, w1) and not f.change]
            for a, b in _semicolon_spans(tx.t, m.end(), end)
        ]
        groups = [g for g in groups if g]
        if len(groups) == 2 and all(len(g) >= 2 for g in groups):
            for whole, parts in zip((w1, w2), groups):
                rule = "'trong đó' sau hai tổng: mỗi danh sách (ngăn bằng ';') cho một tổng"
                yield Relation("sum", whole, tuple(parts), rule, settings.QA_CONF_MARKER)


def _semicolon_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [start + i + 1 for i, ch in enumerate(text[start:end]) if ch == ";"] + [end]
    return list(zip(cuts, cuts[1:]))


_TAG = regex.compile(r"\s*(?P<t>\p{Lu}{2,6})(?![\p{L}\d])")


def _tag(tx: Text, f: Figure) -> str:
    """The upper-case abbreviation right after a count and its noun ("7 vụ KN", "32/52 vụ việc TC"), or
    ""."""
    after = tx.t[f.end : f.end + 40].lstrip()
    unit = (f.unit or "").lower()
    if unit and after.lower().startswith(unit):
        after = after[len(unit) :]
    m = _TAG.match(after)
    return m.group("t") if m else ""


def _tagged_lists(tx: Text) -> Iterable[Relation]:
    """"Giải quyết 32/52 vụ việc KN, 63/78 vụ việc TC. Trong đó, có 7 vụ KN, 12 vụ TC
    đúng; 19 vụ KN, 37 vụ TC sai": wholes told apart by a tag after their noun, and a breakdown after
    them whose parts carry the same tags: each tag's parts make up that tag's whole. The list may leave a
    category out, so these only ever confirm."""
    for m in _MARKER.finditer(tx.t):
        s_idx = tx.sentence(m.start())
        wholes = [f for f in tx.span(tx.sent[max(0, s_idx - 1)], m.start(), m.start()) if _whole_kind(f)]
        tagged = {t: w for w in wholes if (t := _tag(tx, w))}
        if len(tagged) < 2:
            continue
        end = tx.sent[s_idx + 1] if s_idx + 1 < len(tx.sent) else len(tx.t)
        groups: dict[str, list[Figure]] = {}
        for p in tx.figures:
            if m.end() <= p.start < end and _is_amount(p) and not p.change and (t := _tag(tx, p)) in tagged:
                groups.setdefault(t, []).append(p)
        for t, parts in groups.items():
            if len(parts) >= 2 and all(tx.compatible(p, tagged[t]) for p in parts):
                rule = f"danh sách sau '{' '.join(m.group(0).split()).lower()}' theo nhãn '{t}'"
                yield Relation("sum", tagged[t], tuple(parts), rule, settings.QA_CONF_TAGGED)


_EXCLUDING = regex.compile(r"(?<![\p{L}])(?:không\s+(?:tính|kể)|loại\s+trừ)(?![\p{L}])", regex.I)
_THEN = regex.compile(r"(?<![\p{L}])thì\s+(?P<n>[\p{L}]+(?:\s+[\p{L}]+){0,5})", regex.I)
_NAME_STOP = frozenset("đạt thực là ước chỉ còn có được tăng giảm bằng".split())


def _excluding(tx: Text) -> Iterable[Relation]:
    """"Thu nội địa đạt 16.186 tỷ đồng. Không tính tiền sử dụng đất (5.056 tỷ
    đồng) thì thu nội địa đạt 11.104 tỷ đồng": what is left without an item, plus the item,
    is the total of the same name said before."""
    for m in _EXCLUDING.finditer(tx.t):
        s = tx.sentence(m.start())
        in_s = [
            f for f in tx.in_sentences(s, s, m.end()) if f.start > m.end() and _is_amount(f) and not f.change
        ]
        then = _THEN.search(tx.t, m.end(), in_s[-1].start) if in_s else None
        if then is None:
            continue
        items = [f for f in in_s if f.start < then.start()]
        rest = next((f for f in in_s if f.start >= then.end()), None)
        words = list(itertools.takewhile(lambda w: w not in _NAME_STOP, then.group("n").lower().split()))
        if rest is None or len(items) != 1 or len(words) < 2 or (items[0].unit or "") != (rest.unit or ""):
            continue
        name = " ".join(words[:4])
        wholes = [
            w
            for w in tx.figures
            if w.end <= m.start()
            and _is_amount(w)
            and not w.change
            and (w.unit or "") == (rest.unit or "")
            and w.value > rest.value
            and name in " ".join(tx.before(w, 60).lower().split())
        ]
        if wholes:
            rule = (
                "không tính một khoản: phần còn lại cộng khoản đó bằng tổng cùng tên"
            )
            yield Relation("sum", wholes[-1], (rest, items[0]), rule, settings.QA_CONF_MARKER)


def _changes_of_breakdowns(tx: Text, sums: list[Relation]) -> Iterable[Relation]:
    """"tổng nguồn vốn 2.468 tỷ, tăng 210 tỷ …; trong đó, nguồn A 2.101 tỷ, tăng 150 tỷ;
    …": when the levels surely add up to their whole and each is followed by its change, the changes may be
    the parts of the whole's change: they confirm; they do not alarm, since a change may be of another base
    (the whole with what was carried over)."""
    figs = tx.figures
    for s in sums:
        if s.check != "sum" or s.over != "value" or s.whole is not None or s.confidence < settings.QA_ALARM:
            continue
        after = [tx.order[id(f)] + 1 for f in (s.stated, *s.operands)]
        if max(after) >= len(figs) or not evaluate(s).consistent:
            continue
        moved = [figs[i] for i in after]
        if all(m.change and m.change == moved[0].change and m.kind == s.stated.kind for m in moved):
            rule = f"{CHANGES_RULE}; các mức đều khớp ({s.rule})"
            yield Relation("sum", moved[0], tuple(moved[1:]), rule, settings.QA_CONF_EXTRACTOR)


def _extractor_parts(tx: Text) -> Iterable[Relation]:
    by_index = {f.index: f for f in tx.figures}
    groups: dict[int, list[Figure]] = {}
    for f in tx.figures:
        if f.part_of is not None and f.part_of in by_index:
            groups.setdefault(f.part_of, []).append(f)
    for w_idx, parts in groups.items():
        w = by_index[w_idx]
        same = _not_outside(
            tx, w, [p for p in parts if p.kind == w.kind and not p.change and tx.compatible(p, w)]
        )  # "7.000 việc, giảm 500 việc; …": a part's change is no part
        if len(same) >= 2:
            yield Relation("sum", w, tuple(same), "phần của tổng (trích "
                                                  "xuất)", settings.QA_CONF_EXTRACTOR)
        # "tăng 331 tỷ 273 triệu …; trong đó, nguồn A … tăng 244 tỷ 898 triệu; nguồn B …
        # tăng 56 tỷ …": the parts' changes make the whole's change
        moved = [p for p in parts if w.change and p.change == w.change and p.kind == w.kind]
        moved = [p for p in moved if tx.compatible(p, w)]
        if len(moved) >= 2:
            rule = f"{CHANGES_RULE} (trích xuất)"
            yield Relation("sum", w, tuple(moved), rule, settings.QA_CONF_EXTRACTOR)


_REMAINDER_OPENING = regex.compile(r"\s*(?:Hiện\s+(?:nay\s+)?)?còn(?:\s+(?:tồn"
                                   r"|lại))?(?![\p{L}])", regex.I)


def _remainder_next(tx: Text, whole: Figure, picks: Sequence[Figure]) -> bool:
    """"… thụ lý 6.218 vụ, đã giải quyết 5.209 vụ. … Còn tồn 1.011 vụ đang tiếp tục
    giải quyết": the parts outside the whole's sentence are in the next ones, each opening with what
    remains."""
    s = tx.sentence(whole.start)
    later = [f for f in picks if tx.sentence(f.start) != s]
    return bool(later) and all(
        0 < tx.sentence(f.start) - s <= 2 and _REMAINDER_OPENING.match(tx.t, tx.sent[tx.sentence(f.start)])
        for f in later
    )


# Between the two columns of one entry: "… số tiền 13.456 tỷ đồng, | 6.025 ha đất", "1.113 tỷ
# đồng và 607 ha"
_COLUMN_GAP = regex.compile(r"\s*(?:[\p{L}]+\s*){0,3}(?:,|\svà)\s*(?:(?:trên|gần|hơn|khoảng)\s+)?")


def _identity_roles(tx: Text) -> tuple[list[tuple[Figure, set[str]]], set[int]]:
    """Each amount's roles; a second column printed right after another kind of amount ("kiến nghị thu
    hồi 1.113 tỷ đồng và 607 ha đất") plays the role of the first (such figures are returned apart
    by id: the reading is weaker, they only confirm)."""
    out: list[tuple[Figure, set[str]]] = []
    inherited: set[int] = set()
    for f in tx.figures:
        if not (_is_amount(f) or f.kind == "ratio"):
            continue
        roles = roles_of(tx.label(f), tx.before(f))
        prev = out[-1] if out else None
        if (
            not roles
            and prev is not None
            and prev[0].kind != f.kind
            and _COLUMN_GAP.fullmatch(tx.t, prev[0].end, f.start)
        ):
            roles = prev[1]
            inherited.add(id(f))
        out.append((f, roles))
    return out, inherited


def _identities(tx: Text) -> Iterable[Relation]:
    labelled, inherited = _identity_roles(tx)
    roles_by_id = {id(f): r for f, r in labelled}

    def around(f: Figure, k: int) -> list[tuple[Figure, set[str]]]:
        para = tx.paragraph(f.start)
        return [
            (g, roles_by_id[id(g)])
            for g in tx.in_paragraphs(para - k, para + k, f.start)
            if id(g) in roles_by_id
        ]

    for parts_roles, whole_roles, rule in IDENTITIES:
        for whole, roles in labelled:
            if not roles & set(whole_roles) or whole.change:
                continue
            options: list[list[Figure]] = []
            for role in parts_roles:
                near = [
                    f
                    for f, r in around(whole, 2)
                    if role in r
                    and f is not whole
                    and not f.change
                    and f.value <= whole.value
                    and (tx.compatible(f, whole) or f.kind == "ratio")
                ]
                options.append(
                    sorted(near, key=lambda f: abs(f.start - whole.start))[: settings.QA_IDENTITY_CHOICES]
                )
            for rank, picks in enumerate(itertools.product(*options)):
                if len({p.index for p in picks}) != len(picks):
                    continue
                same_sentence = len({tx.sentence(f.start) for f in [whole, *picks]}) == 1
                near = same_sentence or _remainder_next(tx, whole, picks)
                conf = settings.QA_CONF_IDENTITY * (1 if near else 0.75) * (1 if rank == 0 else 0.7)
                here = tx.sentence(whole.start)
                if any(tx.sentence(f.start) == here and f not in picks for opts in options for f in opts):
                    # "trước hạn …, đúng hạn …, quá hạn …" read as two parts: the list is
                    # longer
                    conf *= 0.7
                if not roles & set(whole_roles[:-1]) and len(whole_roles) > 1:
                    # the weakest whole ("tiếp nhận" for resolved + pending: returned, carried-over files)
                    conf *= 0.75
                if any(id(f) in inherited for f in (whole, *picks)):
                    conf = min(conf, settings.QA_CONF_CHANGE)  # a column read by its neighbour: confirms
                yield Relation("sum", whole, tuple(picks), f"đẳng thức: {rule}", conf)
        # The whole as a fraction's denominator: "đã giải quyết 238/316 vụ việc …, còn lại 35
        # vụ việc".
        for frac, roles in labelled:
            if (
                frac.kind != "ratio"
                or not frac.denominator
                or not set(parts_roles) <= {"resolved", "pending"} | roles
            ):
                continue
            if parts_roles[0] not in roles:
                continue
            rest = [
                f
                for f, r in around(frac, 0)
                if parts_roles[1] in r
                and f is not frac
                and 0 <= tx.sentence(f.start) - tx.sentence(frac.start) <= 2
                and tx.compatible(f, frac)
                and f.start > frac.start
            ]
            if not rest:
                continue
            same = tx.sentence(rest[0].start) == tx.sentence(frac.start)
            if _shares_denominator(tx, frac, rest[0]):
                same = False  # "18/93 …; 37/93 …; 38/93 …": more parts of the same whole, only confirms
            # "… 238/316 vụ việc, …, còn lại 35 vụ việc": nothing else counted between the two;
            # in a later sentence ("4.561/5.650 HS … Trung tâm đang giải quyết 1.089 HS") it only
            # confirms
            if same and [
                g for g in tx.figures if frac.start < g.start < rest[0].start and g.kind in ("count", "ratio")
            ]:
                continue
            yield Relation(
                "sum",
                frac,
                (frac, rest[0]),
                f"đẳng thức: {rule} (mẫu số của phân số)",
                settings.QA_CONF_IDENTITY if same else settings.QA_CONF_CHANGE,
                whole=frac.denominator,
            )


# --- rates ----------------------------------------------------------------------------------------


_NOUN_THEN_PAREN = regex.compile(r"\s*[^\d;.()]{1,40}\(\s*")
_FRACTION_AFTER_RATE = regex.compile(
    r"\s*(?:,\s*)?(?:\(|với|tương\s+(?:ứng|đương)(?:\s+với)?|=)?\s*", regex.I
)


def _numerators(tx: Text, p: Figure) -> list[tuple[Figure, float, str]]:
    """The count a rate is stated for: the figure right before it in its clause ("… 240 đơn, đạt tỷ
    lệ 80%"), a count it opens in parentheses, or a count after it ("chiếm 82,14%, đạt trên 20.283
    tỷ đồng")."""
    out: list[tuple[Figure, float, str]] = []
    i = tx.order[id(p)]
    depth = tx.d(p.start)
    for n in reversed(tx.figures[:i]):
        gap = tx.t[n.end : p.start]
        if n.kind == "percent" and n.change and not p.change and "," in gap and len(gap) < 60:
            # "đạt 48,06 triệu USD, tăng 47,89% so với cùng kỳ, chiếm 62%": past the count's
            # growth
            continue
        other_sentence = tx.sentence(n.start) != tx.sentence(p.start) and not _SUBJECTLESS_RATE.fullmatch(gap)
        if n.kind == "percent" or ";" in gap or other_sentence or len(_ASIDE.sub("", gap)) > 90:
            break
        if _MEMBERS_RATE.search(gap):
            # "28/63 tỉnh có tỷ lệ tiêm đạt trên 70%": a rate each member has, not the count's
            # share
            break
        if tx.d(n.start) > depth:
            # "176 đơn (160 khiếu nại, 16 tố cáo)/221 đơn, đạt 79,63%": not the inner figures
            continue
        if (
            _is_amount(n)
            or n.kind == "ratio"
            or (n.kind in AMOUNT_KINDS and _CHANGE_BEFORE.search(tx.before(n, 25)))
        ):
            last = regex.split(r",", gap)[-1]
            explicit = _RATE_BEFORE.search(last) or _NAMED_RATE_BEFORE.search(last)
            explicit = explicit or gap.strip().startswith("(")
            # "15.539 hồ sơ (trong đó có 370 … và 9 …), đạt tỷ lệ 97,93%": a marker in an
            # aside breaks down the count, not the rate
            if (len(gap) < 40 or explicit) and not _MARKER.search(_ASIDE.sub("", gap)):
                sure = 1.0 if explicit else 0.7
                if _names_another_rate(tx, n, gap):
                    # "…, cấp xã 63.085 hồ sơ, tỷ lệ giải quyết đúng và trước hạn
                    # đạt hơn 99%"
                    sure = 0.5
                out.append((n, sure, "số liệu ngay trước tỷ lệ"))
                first = tx.pair_firsts.get(n.index)
                # "giải quyết 1.153 vụ - 2.046 bị cáo, đạt 88,55%": either count
                if first is not None:
                    out.append((first, 1.0 if explicit else 0.7, "cặp số liệu ngay trước tỷ lệ"))
        break
    if not out:
        out += _count_of_clause_before(tx, p)
    if i + 1 < len(tx.figures):
        n = tx.figures[i + 1]
        gap = tx.t[p.end : n.start]
        if (
            _is_amount(n)
            and ";" not in gap
            and tx.sentence(n.start) == tx.sentence(p.start)
            and len(gap) < 40
            and not n.change
        ):
            out.append((n, 0.7, "số liệu ngay sau tỷ lệ"))
        elif n.kind == "ratio" and n.denominator and (
            _FRACTION_AFTER_RATE.fullmatch(gap) or (p.change and _FRACTION_OF_PERIODS.fullmatch(gap))
        ):
            # "đạt 98,5%, với 1.970/2.000 hồ sơ"
            out.append((n, 1.0, "phân số ngay sau tỷ lệ"))
        elif n.kind == "ratio" and n.denominator and not p.change and _NOUN_THEN_PAREN.fullmatch(gap):
            # "98,5% học sinh tốt nghiệp THPT (12.000/12.183 thí sinh)", "92,5% dân số
            # (1.200.000/1.297.000)"
            out.append((n, 0.9, "phân số trong ngoặc sau tỷ lệ"))
    return out


# "…, đạt tỷ lệ trung bình toàn tỉnh 99,66%": a rate named by a few words after "tỷ lệ"
_NAMED_RATE_BEFORE = regex.compile(r"(?<![\p{L}])t[ỷỉ]\s+lệ(?:\s+[\p{L}]+){1,4}\s*$", regex.I)
_RATE_CLAUSE = regex.compile(r";\s*(?:đạt|chiếm)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*$", regex.I)


_NAMED_RATE = regex.compile(r"(?<![\p{L}])t[ỷỉ]\s+lệ(?P<n>(?:\s+[\p{L}]+){2,})", regex.I)
_QUALITY_ROLES = frozenset({"on_time", "late", "ahead", "pending"})


def _names_another_rate(tx: Text, n: Figure, gap: str) -> bool:
    """The rate after `n` is named ("tỷ lệ giải quyết đúng hạn") for a kind of count `n` is
    not."""
    m = _NAMED_RATE.search(gap)
    if not m:
        return False
    return bool((roles_of(m.group("n")) & _QUALITY_ROLES) - roles_of(tx.label(n)))


def _count_of_clause_before(tx: Text, p: Figure) -> list[tuple[Figure, float, str]]:
    """"… là 482.175 việc, giảm 87 việc (giảm 0,02% …); chiếm 77,10% …": a clause that is
    only a rate is stated for the count the clause before opens with, past that count's own change."""
    s = tx.sentence(p.start)
    m = _RATE_CLAUSE.search(tx.t, tx.sent[s], p.start)
    if not m:
        return []
    lo = max(tx.t.rfind(";", tx.sent[s], m.start()), tx.t.rfind(":", tx.sent[s], m.start())) + 1
    clause = [f for f in tx.span(max(lo, tx.sent[s]), m.start(), p.start) if tx.d(f.start) == tx.d(p.start)]
    amounts = [f for f in clause if _is_amount(f) and not f.change]
    if len(amounts) == 1:
        return [(amounts[0], 0.7, "số liệu của vế trước tỷ lệ")]
    last = amounts[-1] if len(amounts) == 2 else None
    if last is not None and roles_of(tx.label(last)) & {"resolved", "on_time"}:
        # "thụ lý 6.218 vụ, việc, đã giải quyết 5.209 vụ, việc; đạt 83,74%": what was
        # done, of what was taken
        return [(last, 0.9, "số đã giải quyết của vế trước tỷ lệ")]
    return []  # the clause counts more than one thing: which one the rate is for is not said


@dataclass
class SumIndex:
    """The sure sums of a text, by figure: a part's siblings, and (whole, part) pairs."""

    siblings: dict[int, set[int]]
    wholes: set[tuple[int, int]]
    parts: set[int] = dataclasses.field(default_factory=set)  # parts of any likely breakdown


def _sum_index(sums: list[Relation]) -> SumIndex:
    """The sure sums by figure, built once per text so each rate looks its whole up in constant time."""
    idx = SumIndex({}, set())
    for r in sums:
        if r.confidence >= settings.QA_LIKELY_PART:
            idx.parts.update(f.index for f in r.operands)
        if r.confidence < settings.QA_ALARM:
            continue
        members = {f.index for f in r.operands}
        for f in r.operands:
            idx.siblings.setdefault(f.index, set()).update(members)
            idx.wholes.add((r.stated.index, f.index))
    return idx


def _wholes(tx: Text, p: Figure, num: Figure, sums: SumIndex) -> Iterable[tuple[Figure, float, str]]:
    """Every plausible whole for `num`: larger compatible figures of the paragraph and the one before."""
    para = tx.paragraph(p.start)
    whole_after = bool(_WHOLE_AFTER_RATE.match(tx.t[p.end : p.end + 20]))
    rate_roles = roles_of(tx.label(num)) | roles_of(tx.before(p, 60))
    siblings = sums.siblings.get(num.index, set())
    for f in tx.in_paragraphs(para - 3, para, p.start):
        if f is num or f is p or f.change or not tx.compatible(f, num) or f.value <= num.value:
            continue
        if not (_is_amount(f) or (f.kind == "ratio" and f.denominator)):
            continue  # a fraction "4.561/5.650 hồ sơ" is a whole by its numerator
        if f.index in siblings:
            continue  # another part of the same breakdown is never the whole
        reach = 3 if whole_after or unit_of(p) < 1 else 2
        if not 0 <= para - tx.paragraph(f.start) <= reach or (
            f.start > p.start and tx.paragraph(f.start) != para
        ):
            continue
        dist = abs(tx.sentence(f.start) - tx.sentence(num.start))
        yield f, *max(_whole_reasons(tx, p, num, f, dist, sums, whole_after, rate_roles))


FAR_WHOLE_RULE = "số lớn hơn cùng loại ở các đoạn trước (chỉ để xác nhận)"


def _far_wholes(tx: Text, p: Figure, num: Figure) -> Iterable[tuple[Figure, float, str]]:
    """"… toàn quốc xảy ra 375 vụ cháy … [three paragraphs] … Có 230 vụ cháy (chiếm 61,3%)
    đã được làm rõ nguyên nhân": a count with no whole near it is a share of the same thing
    counted in an earlier paragraph. Too far to vouch for: a confirmation only (QA_CONF_FAR_WHOLE,
    never an alarm)."""
    para = tx.paragraph(num.start)
    head = " ".join(tx.after(num, 30).split()[:2]).lower()
    key = tx.keys.get(id(num), "")
    if not head or not key:
        return
    first = para - settings.QA_FAR_WHOLE_PARAGRAPHS
    for f in tx.in_paragraphs(first, para - 1, num.start):
        same = (f.unit or "").lower() == (num.unit or "").lower() and tx.keys.get(id(f), "") == key
        if same and _is_amount(f) and not f.change and f.value > num.value and head in tx.label(f).lower():
            yield f, settings.QA_CONF_FAR_WHOLE, FAR_WHOLE_RULE


# Reasons that name the whole a rate is of even when the rate is said to be "so với chỉ tiêu"
_ELIGIBLE_REASON = "tỷ lệ thi hành xong trên số có điều kiện thi hành"
_NAMED_WHOLES = ("'Trong số", _ELIGIBLE_REASON)


_OVER_TOTAL = regex.compile(r"(?<![\p{L}])(?:trên|trong)\s+tổng\s+số(?:\s+[\p{L}]+){0,2}\s*$", regex.I)


def _whole_reasons(
    tx: Text,
    p: Figure,
    num: Figure,
    f: Figure,
    dist: int,
    sums: SumIndex,
    whole_after: bool,
    rate_roles: set[str],
) -> Iterable[tuple[float, str]]:
    """Why `f` could be the whole `num` is counted against, each with a confidence."""
    yield 0.45 if dist <= 3 else 0.35, "số lớn hơn cùng đơn vị trong đoạn"
    if (f.index, num.index) in sums.wholes:
        achieved = regex.search(
            r"đạt(?:\s+t[ỷỉ]\s+lệ)?\s*$", tx.before(p, 16)
        )  # "(đạt 100%)" of a part: achieved, not a share
        yield (0.6 if achieved else 0.85), "tổng của danh sách chứa tử số"
    if f.start < num.start and dist == 0 and _subset_of(tx, f, num):
        yield 0.85, "phần ('trong đó', 'với') trên tổng của nó"
    if whole_after and regex.search(r"(?<![\p{L}])tổng(?![\p{L}])", tx.label(f), regex.I):
        yield 0.8, "'chiếm … tổng số' và số tổng"
    total_of = _total_named(tx, p) if whole_after else []
    if total_of and f.start < num.start and all(w in tx.label(f).lower().split() for w in total_of):
        # "… 229 vụ việc … Trợ giúp viên thực hiện 209,5 vụ việc chiếm 92% tổng số
        # vụ việc"
        yield 0.8, f"'chiếm … tổng số {' '.join(total_of)}' và số {' '.join(total_of)}"
    recalled = _recalled_whole(tx, num)
    if recalled and f.start < num.start and recalled in " ".join(tx.label(f).lower().split()):
        yield 0.85, f"'Trong số {recalled} …' và số {recalled} nêu trước"
    named = _named_after(tx, p)
    specific = [w for w in named if w not in _GENERIC_NOUNS]
    if specific and all(w in tx.label(f).lower().split() for w in specific):
        yield 0.8, f"'chiếm … {' '.join(named)}' và số {' '.join(named)}"
    # "1.628.487 cử tri (trên tổng số 1.634.116 cử tri)"
    if f.start > num.start and tx.order[id(f)] == tx.order[id(num)] + 1 and _OVER_TOTAL.search(tx.before(f)):
        yield 0.85, "số 'trên tổng số' ngay sau tử số"
    whole_roles = roles_of(tx.label(f))
    if f.index in sums.parts or _carried_over_beside(tx, f):
        # "TAND tỉnh thụ lý 485 …, các huyện thụ lý 5.581": a part is not what a total's rate is
        # over; "thụ lý mới 624 + 89 … chuyển sang": what was received is handled with what was
        # carried over
        whole_roles = set()
    if "due" in whole_roles and rate_roles & {"on_time", "late", "resolved"}:
        yield 0.85, "tỷ lệ đúng hạn trên số đến hạn"
    if "eligible" in whole_roles and "resolved" in rate_roles and f.start < num.start and dist <= 2:
        yield 0.85, _ELIGIBLE_REASON
    if (
        dist <= 1
        and f.start < num.start
        and whole_roles & {"received", "total"}
        and rate_roles & {"resolved", "on_time", "late"}
    ):
        yield 0.8, "tỷ lệ giải quyết trên số tiếp nhận"
    if dist <= 1 and f.start < num.start and whole_roles & {"received", "total"} and "pending" in rate_roles:
        yield 0.8, "tỷ lệ đang giải quyết trên số tiếp nhận"
    if (
        dist <= 1
        and f.start < num.start
        and "resolved" in whole_roles
        and rate_roles & {"on_time", "late", "ahead"}
    ):
        yield 0.8, "tỷ lệ trước/đúng/quá hạn trên số đã giải quyết"
    if dist == 0 and f.start < num.start:
        between = [
            g
            for g in tx.span(f.start + 1, num.start, num.start)
            if _is_amount(g) and tx.compatible(g, num) and not g.change
        ]
        yield (0.6, "số lớn hơn ngay trước trong "
                    "câu") if not between else (0.5, "số lớn hơn trước trong câu")


# "Trong số có điều kiện thi hành, đã giải quyết xong 26.515 việc (tỉ lệ 48,49%)": the
# whole named by words
_RECALLED = regex.compile(
    r"\s*trong\s+(?:tổng\s+)?số\s+(?P<n>[\p{L}]+(?:\s+[\p{L}]+){1,2})[^\d,;.:]*,", regex.I
)


def _recalled_whole(tx: Text, num: Figure) -> str:
    """The words (two or three) by which a sentence opening "Trong số …," names a whole stated before."""
    m = _RECALLED.match(tx.t, tx.sent[tx.sentence(num.start)], num.start)
    if not m or m.group("n").split()[0].lower() in ("đó", "này"):
        return ""
    return " ".join(m.group("n").lower().split())


def _carried_over_beside(tx: Text, f: Figure) -> bool:
    """A count carried over from the last period sits in `f`'s sentence (received + carried = to handle)."""
    if "carried_over" in roles_of(tx.label(f)):
        return False
    s = tx.sentence(f.start)
    return any(
        g is not f and _is_amount(g) and "carried_over" in roles_of(tx.label(g))
        for g in tx.in_sentences(s, s, f.start)
    )


_NAMED_AFTER = regex.compile(r"\s*(?:tổng\s+)?(?:số\s+)?(?P<n>(?:[\p{Ll}]+\s*){1,3})", regex.I)
_GENERIC_NOUNS = frozenset("diện tích số lượng tổng giá trị".split())
_NAMED_STOP = frozenset("so với của trong và với năm kế hoạch dự toán cùng kỳ".split())


_SHARE_OF = regex.compile(r"\s*(?:tổng\s+)?(?:số\s+)?(?P<n>[\p{Ll}]+(?:\s+[\p{Ll}]+){0,3})")


def _share_of_something_else(tx: Text, p: Figure, frac: Figure) -> bool:
    """"05/18 khoản thu không đạt dự toán (các khoản thu này chiếm tỷ trọng 8,01% tổng
    số thu nội địa)": a share of a whole the rate names, which is not what the fraction counts."""
    if not regex.search(r"chiếm(?:\s+t[ỷỉ]\s+(?:trọng|lệ))?\s*$", tx.before(p, 30), regex.I):
        return False
    m = _SHARE_OF.match(tx.t, p.end)
    noun = (frac.unit or "").lower().split()
    return bool(m and noun and noun[0] not in m.group("n").lower().split())


_TOTAL_NAMED = regex.compile(
    r"\s*(?:so\s+với\s+|trên\s+|của\s+)?tổng\s+(?:số\s+)?(?P<n>[\p{Ll}]+(?:\s+[\p{Ll}]+)?)", regex.I
)


def _total_named(tx: Text, p: Figure) -> list[str]:
    """"chiếm 92% tổng số vụ việc" → ["vụ", "việc"]: the noun of the total a share is said to
    be of."""
    m = _TOTAL_NAMED.match(tx.t, p.end)
    if m and _JOINED_NOUN.match(tx.t, m.end()):
        return []  # "chiếm 25% tổng số vụ cháy, nổ": the total of two kinds, printed as neither
    words = [w for w in (m.group("n").lower().split() if m else []) if w not in _NAMED_STOP]
    return words if words and not set(words) <= _GENERIC_NOUNS else []


_JOINED_NOUN = regex.compile(r"\s*(?:,|và|hoặc)\s*\p{Ll}+(?:\s+\p{Ll}+)?\s*[)(;.,]", regex.I)


def _named_after(tx: Text, p: Figure) -> list[str]:
    """"chiếm 8% diện tích lúa" → ["diện", "tích", "lúa"]: what the share is a share of, when
    named."""
    if not regex.search(r"chiếm(?:\s+\S+){0,2}\s*$", tx.before(p, 20), regex.I):
        return []
    if _WHOLE_AFTER_RATE.match(tx.t, p.end):
        return []  # "chiếm 18% tổng vốn": the total, named by 'tổng'
    m = _NAMED_AFTER.match(tx.t, p.end)
    words = m.group("n").lower().split() if m else []
    out = []
    for w in words:
        if w in _NAMED_STOP:
            break
        out.append(w)
    return out if len(out) >= 2 else []


_WITH = regex.compile(r"[^\d;.()]{0,25},?\s*với\s+(?:\p{Ll}+\s+){0,2}$", regex.I)


def _subset_of(tx: Text, whole: Figure, part: Figure) -> bool:
    """"1.963 yêu cầu …, trong đó có 980 trường hợp …", "tiếp nhận 6.776 hồ sơ, với
    2.521 hồ sơ trực tuyến": the first figure after the whole's marker."""
    nxt = tx.figures[tx.order[id(whole)] + 1 :]
    if not nxt or nxt[0] is not part:
        return False
    return bool(_MARKER.search(tx.t, whole.end, part.start) or _WITH.fullmatch(tx.t, whole.end, part.start))


# "giảm 96,5% (6/173 DN)", "giảm 9,2% so cùng kỳ (69/76 DN)": this period's count over last period's
_FRACTION_OF_PERIODS = regex.compile(r"\s*(?:so\s+(?:với\s+)?cùng\s+kỳ[^\d();,]{0,20})?\(\s*", regex.I)
# "28/63 tỉnh có tỷ lệ … trên 70%", "6/6 vùng … đều có giá trị trung bình … đạt
# trên 80%": each member's "28/63 tỉnh có tỷ lệ tiêm đạt trên 70%", "160/262 xã có cử tri đi
# bầu đạt tỷ lệ 100%": each member's rate
_MEMBERS_RATE = regex.compile(
    r"(?<![\p{L}])(?:có\s+t[ỷỉ]\s+lệ|đều\s+có"
    r"|có(?:\s+[\p{L}]+){1,4}\s+đạt(?:\s+t[ỷỉ]\s+lệ)?\s*$)(?![\p{L}])",
    regex.I,
)


def _rates(tx: Text, sums: list[Relation]) -> Iterable[Relation]:
    by_index = {f.index: f for f in tx.figures}
    index = _sum_index(sums)
    for p in tx.figures:
        points = (p.unit or "").startswith("điểm")
        if p.kind != "percent" or p.prior_period or p.range is not None or points:
            continue
        if p.computed_from:
            num, den = (by_index.get(i) for i in p.computed_from)
            if num is not None and _MEMBERS_RATE.search(tx.t, num.end, p.start):
                # "28/63 tỉnh có tỷ lệ tiêm đạt trên 70%": each member's rate, not the fraction's
                num = None
            if num is not None and num is not den and num.change:
                num = None  # "tăng 400 hồ sơ (5%)": a rise over last period, read as a change below
            if num is not None and den is not None:
                whole = num.denominator if num is den else den.value
                if whole:
                    conf = settings.QA_CONF_FRACTION if num is den else settings.QA_CONF_EXTRACTOR
                    yield Relation(
                        "ratio",
                        p,
                        (num,) if num is den else (num, den),
                        "tỷ lệ của phân số" if num is den else "tỷ lệ và số liệu (trích "
                                                               "xuất)",
                        conf,
                        whole=whole,
                    )
        # "đạt 59% dự toán", "bằng 105,1%": against a figure not given; not "109 ý kiến … (bằng
        # 78%)", a share
        bang = _COMPARISON_BEFORE.search(tx.before(p, 12)) and "(" not in tx.before(p, 12)
        comparison = bool(_COMPARISON_AFTER.match(tx.t, p.end) or bang)
        lead = regex.split(r"[,;(]", tx.before(p, 60))[-1]
        if not p.change and regex.search(r"(?<![\p{L}])(?:mức\s+)?(?:tăng"
                                         r"|giảm)(?![\p{L}])", lead, regex.I):
            # "nhóm giao thông tăng cao nhất với mức tăng là 7,22%": a change, not a share
            continue
        for num, nconf, nwhy in _numerators(tx, p):
            if num.kind == "ratio" and num.denominator:
                if p.change in ("tăng", "giảm") and _FRACTION_OF_PERIODS.fullmatch(tx.t, p.end, num.start):
                    # "giảm 96,5% (6/173 DN)": this year's count over last year's, the fall between them
                    rule = "mức tăng/giảm của phân số (kỳ này/kỳ trước) ngay sau"
                    conf = settings.QA_CONF_MARKER
                    yield Relation("change", p, (num,), rule, conf, whole=num.denominator, over="growth")
                    continue
                if (
                    _share_of_something_else(tx, p, num)
                    or _MEMBERS_RATE.search(tx.t, num.end, p.start)
                    or p.change
                    or _CHANGE_BEFORE.search(tx.before(p, 25))
                ):
                    continue  # "giảm 5,83% (3.389/3.599 vụ)": this period over the last, not a share
                yield Relation(
                    "ratio",
                    p,
                    (num,),
                    "tỷ lệ của phân số",
                    settings.QA_CONF_FRACTION * nconf,
                    whole=num.denominator,
                )
                continue
            num_is_change = bool(num.change or _CHANGE_BEFORE.search(tx.before(num, 25)))
            if p.change or num_is_change or _CHANGE_BEFORE.search(tx.before(p, 25)):
                # "giảm 554 vụ (-4,2%)", "tăng 2,63% (1,32 tạ/ha)"; not "đạt 51,34 tỷ USD, giảm
                # 1,3%" (no amount)
                if num_is_change or (num.start > p.start and tx.d(num.start) > tx.d(p.start)):
                    yield from _changes(tx, p, num)
                continue
            if "/" in (num.unit or "") or _AVERAGE.search(tx.label(num)):
                continue  # a yield or an average is compared with another period, never a share of a count
            if comparison:
                # "đạt 59% dự toán", "bằng 105,1%": measured against a figure the text does not give,
                # unless it names it right after ("đạt 62,5% kế hoạch vốn giao 2.000 tỷ đồng")
                named = _named_whole_after(tx, p, num)
                if named is not None:
                    rule = f"{nwhy}; số được so sánh nêu ngay sau tỷ lệ"
                    yield Relation(
                        "ratio", p, (num, named), rule, nconf * settings.QA_CONF_MARKER, whole=named.value
                    )
                for plan in _plans_before(tx, p, num):
                    rule = f"{nwhy}; kế hoạch, mục tiêu nêu trước"
                    yield Relation("ratio", p, (num, plan), rule, settings.QA_CONF_CHANGE, whole=plan.value)
                for whole, _, wwhy in _wholes(tx, p, num, index):
                    if wwhy.startswith(_NAMED_WHOLES):  # a whole the text names: it may confirm, never alarm
                        rule = f"{nwhy}; {wwhy}"
                        conf = settings.QA_CONF_CHANGE
                        yield Relation("ratio", p, (num, whole), rule, conf, whole=whole.value)
                continue
            wholes = list(_wholes(tx, p, num, index)) or list(_far_wholes(tx, p, num))
            if _of_two_joined(tx, p, num, [w for w, _, _ in wholes]):
                continue
            for whole, wconf, wwhy in wholes:
                yield Relation("ratio", p, (num, whole), f"{nwhy}; {wwhy}", nconf * wconf, whole=whole.value)


# "trước hạn là 114.977 | và đúng hạn là | 1.022.796 (chiếm 99,86%)": two counts joined by "và"
_JOINED = regex.compile(r"\s*(?:[\p{L}]+\s*){0,5}và\s+(?:[\p{L}]+\s*){0,5}(?:là|:)?\s*", regex.I)


def _of_two_joined(tx: Text, p: Figure, num: Figure, wholes: list[Figure]) -> bool:
    """The rate after the second of two counts joined by "và" is of both when their sum reproduces it over a
    whole ("trước hạn là 114.977 và đúng hạn là 1.022.796 (chiếm 99,86%)"): then it is no rate
    of `num` alone, and no alarm may be raised for it."""
    i = tx.order[id(num)]
    if not i:
        return False
    a = tx.figures[i - 1]
    if not _is_amount(a) or a.change or not tx.compatible(a, num):
        return False
    if not _JOINED.fullmatch(tx.t, a.end, num.start):
        return False
    both = num.model_copy(update={"value": a.value + num.value})
    return any(ratio_agrees(p, both, w.value, (a, num, w))[0] for w in wholes if w.value)


# Between a rate and the figure it is measured against: "đạt 62,5% | kế hoạch vốn giao | 2.000 tỷ
# đồng". "… kế hoạch vốn năm 2023 (2.000 tỷ đồng)": a year and a parenthesis may come between
_NAMED_WHOLE_GAP = regex.compile(r"[\p{L}\s]{1,40}?(?:\d{4}\s*)?(?:là|:|\()?\s*", regex.I)


_PLAN_RATE = regex.compile(
    r"\s*\)?\s*(?:so\s+với\s+)?(?:kế\s+hoạch|KH|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán)", regex.I
)
_PLAN_WORDS = regex.compile(
    r"(?<![\p{L}])(?:kế\s+hoạch|phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|dự\s+toán|được\s+giao"
    r"|KH)(?![\p{L}])",
    regex.I,
)


def _plans_before(tx: Text, p: Figure, num: Figure) -> list[Figure]:
    """"phấn đấu gieo trồng 45.000 ha trở lên. … đã gieo trồng được 43.000 ha, đạt
    95,5% kế hoạch": the plan a rate of plan is measured against, stated in the sentences before (same
    unit, a plan word)."""
    if not _PLAN_RATE.match(tx.t, p.end):
        return []
    s = tx.sentence(num.start)
    return [
        f
        for f in tx.span(tx.sent[max(0, s - 2)], num.start, num.start)
        if tx.paragraph(f.start) == tx.paragraph(num.start)
        and _is_amount(f)
        and not f.change
        and f.value
        and (f.unit or "").lower() == (num.unit or "").lower()
        and _PLAN_WORDS.search(tx.label(f))
    ]


# "… so với chỉ tiêu giao của UBND (70.544 người) đạt 84%": a plan in parentheses, then the
# rate against it
_PLAN_IN_PARENS = regex.compile(
    r"so\s+với\s+(?:kế\s+hoạch|KH|chỉ\s+tiêu|mục\s+tiêu"
    r"|dự\s+toán)[^\d();.]{0,40}\(\s*$", regex.I
)
_PLAN_THEN_RATE = regex.compile(
    r"\s*(?:[\p{L}]+\s*)?\)\s*,?\s*(?:thì\s+)?(?:đạt|bằng)(?:\s+t[ỷỉ]\s+lệ)?\s*", regex.I
)


_HAS = regex.compile(r"(?<![\p{L}])có(?:\s+\p{L}+){0,2}\s*$", regex.I)
_RATE_WORD = regex.compile(r"(?<![\p{L}])t[ỷỉ]\s+lệ(?![\p{L}])", regex.I)


def _rates_of_subsets(tx: Text) -> Iterable[Relation]:
    """"trong tổng số 182 học sinh … dự thi, có 144 học sinh đạt giải, … Như vậy, tỷ
    lệ học sinh đạt giải là hơn 79%": the rate a sentence or two later of the count the whole is
    said to have, over that whole. Only a confirmation: the rate may be of another pair."""
    figs = tx.figures
    for i, w in enumerate(figs[:-2]):
        if not (_is_amount(w) and _MARK_BEFORE.search(tx.before(w, 60))):
            continue
        m = figs[i + 1]
        has = _HAS.search(tx.before(m, 20))
        if not (has and _is_amount(m) and m.value < w.value and tx.compatible(m, w)):
            continue
        s = tx.sentence(m.start)
        later = (f for f in tx.in_sentences(s, s + 2, m.end) if f.start > m.end and f.kind == "percent")
        rate = next(later, None)
        if rate is None or rate.change or not _RATE_WORD.search(tx.before(rate, 60)):
            continue
        rule = "tỷ lệ nêu sau cặp 'trong (tổng số) N …, có M' (M trên N)"
        yield Relation("ratio", rate, (m, w), rule, settings.QA_CONF_CATCH_ALL * 0.8, whole=w.value)


def _rates_of_plans_before(tx: Text) -> Iterable[Relation]:
    """"tổng số người tham gia là 59.177 người …; so với chỉ tiêu giao (70.544 người)
    đạt 84%": the amount the sentence is about (its first, outside parentheses, in the plan's unit) against
    the plan. Which amount that is the words only suggest, so it only confirms."""
    figs = tx.figures
    for plan, p in zip(figs, figs[1:]):
        if p.kind != "percent" or p.change or not _is_amount(plan) or not plan.value:
            continue
        if not _PLAN_THEN_RATE.fullmatch(tx.t, plan.end, p.start):
            continue
        if not _PLAN_IN_PARENS.search(tx.t, max(0, plan.start - 80), plan.start):
            continue
        lo = max(tx.sent[tx.sentence(plan.start)], plan.start - settings.QA_SUBJECT_REACH)
        subject = next(
            (
                f
                for f in tx.span(lo, plan.start, plan.start)
                if _is_amount(f) and not f.change and tx.d(f.start) == 0 and f.unit == plan.unit
            ),
            None,
        )
        if subject is not None:
            rule = (
                "số liệu chính của câu trên kế hoạch nêu trong ngoặc ngay trước tỷ lệ"
            )
            yield Relation("ratio", p, (subject, plan), rule, settings.QA_CONF_CHANGE, whole=plan.value)


def _named_whole_after(tx: Text, p: Figure, num: Figure) -> Figure | None:
    """The amount a comparison rate names right after its words, in the numerator's unit."""
    i = tx.order[id(p)]
    if i + 1 >= len(tx.figures):
        return None
    w = tx.figures[i + 1]
    if not _is_amount(w) or w.change or not w.value or not tx.compatible(w, num):
        return None
    same = (num.unit or "").lower() == (w.unit or "").lower()
    if not same and not (num.kind == w.kind == "count" and unit_key(num.unit) == unit_key(w.unit)):
        return None  # "45.000 liều vắc xin, đạt 90% kế hoạch (50.000 liều)": counted the same
    gap = tx.t[p.end : w.start]
    return w if _NAMED_WHOLE_GAP.fullmatch(gap) and not _MARKER.search(gap) else None


def _changes(tx: Text, p: Figure, change: Figure) -> Iterable[Relation]:
    """ "giảm 554 vụ (-4,2%)": a change over last period's value, which is this period's ± the change."""
    down = (change.change or p.change) == "giảm" or regex.search(
        r"giảm|thấp\s+hơn|ít\s+hơn|-", tx.before(change, 25) + tx.before(p, 10)
    )
    para = tx.paragraph(change.start)
    restating = _restating(tx, change, p)
    for f in tx.in_paragraphs(para - 1, para, change.start) + restating:
        if (
            (f.start >= min(change.start, p.start) and not any(f is r for r in restating))
            or f.change
            or not _is_amount(f)
            or not tx.compatible(f, change)
            or f is change
        ):
            continue
        if f.start < change.start and (
            para - tx.paragraph(f.start) > 1 or tx.sentence(change.start) - tx.sentence(f.start) > 3
        ):
            continue
        prior = f.value + change.value if down else f.value - change.value
        if prior > 0:
            # last period's value printed too ("59.177 người so với cùng kỳ (55.317 người); tăng
            # 3.860 (7%)")
            near = tx.in_paragraphs(para - 1, para, f.start)
            same = (g for g in near if g.value == prior and g is not f and not g.change)
            printed = next((g for g in same if tx.compatible(g, change)), None)
            how = " (nêu trong bài)" if printed else " (= hiện tại ∓ thay đổi)"
            rule = "mức thay đổi trên số kỳ trước" + how
            yield Relation("change", p, (change, printed or f), rule, settings.QA_CONF_CHANGE, whole=prior)


def _restating(tx: Text, change: Figure, p: Figure) -> list[Figure]:
    """"giảm 154 vụ (28,79%) … ¶ … xảy ra 381 vụ, …, giảm 154 vụ": this period's values
    after the change, in a later sentence of the paragraph or the next one that states the same change
    again."""
    para = tx.paragraph(change.start)
    later = [f for f in tx.in_paragraphs(para, para + 1, p.end) if f.start > p.end]
    again = {tx.sentence(g.start) for g in later if g.change and g.value == change.value}
    again.discard(tx.sentence(p.start))
    return [f for f in later if tx.sentence(f.start) in again]


# "tăng 20% so với cùng kỳ năm trước (1.000 tỷ đồng)", "giảm 5% so với năm 2022 là 400
# hộ", "(cùng kỳ: 90)"
_PRIOR_AFTER = regex.compile(
    r"\s*(?:so\s+(?:với\s+)?(?:cùng\s+kỳ|năm|quý|tháng|kỳ)[^\d;().,]{0,30}?"
    r"(?:(?:\d{1,2}[./-])?\d{4}[^\d;().,]{0,12}?)?"
    r"(?:\(\s*|\s(?:là|đạt)\s+)|\(\s*cùng\s+kỳ(?:\s+năm\s+trước)?\s*(?::|là|đạt)?\s*)",
    regex.I,
)


def _growth_against_prior(tx: Text) -> Iterable[Relation]:
    """A rise or fall in percent with last period's value printed after it: this period's amount against it.
    "Thu ngân sách đạt 1.200 tỷ đồng, tăng 20% so với cùng kỳ năm trước (1.000 tỷ
    đồng)": 1.200/1.000 − 1."""
    figs = tx.figures
    for p, prior in zip(figs, figs[1:]):
        changed = p.change in ("tăng", "giảm")
        if p.kind != "percent" or not changed or not _is_amount(prior) or prior.change:
            continue
        if not prior.value or not _PRIOR_AFTER.fullmatch(tx.t[p.end : prior.start]):
            continue
        for num, _, _ in _numerators(tx, p):
            if num is prior or num.change or not _is_amount(num):
                continue  # last period's value is not this period's too
            if (num.unit or "").lower() != (prior.unit or "").lower():
                continue
            rule = "mức tăng/giảm của số kỳ này so với số kỳ trước nêu ngay sau"
            conf = settings.QA_CONF_MARKER
            yield Relation("change", p, (num, prior), rule, conf, whole=prior.value, over="growth")
            break


# --- decisions ------------------------------------------------------------------------------------


_CHANGE_WORDS = regex.compile(
    r"(?<![\p{L}])(?:tăng|giảm|cao\s+hơn|thấp\s+hơn|nhiều\s+hơn|ít\s+hơn"
    r"|vượt)(?![\p{L}])", regex.I
)
_DOWN = regex.compile(r"(?<![\p{L}])(?:giảm|thấp\s+hơn|ít\s+hơn)(?![\p{L}])", regex.I)


# Between two changes of one list: "giảm 146 lượt tiếp, 127 lượt người" (the unit, then a comma
# or "và").
_CHANGE_LIST_GAP = regex.compile(r"[\p{L}\s]{0,25}(?:,|\s(?:và|;))\s*", regex.I)


def _change_directions(tx: Text) -> dict[int, bool]:
    """Figures stated as a change, by id: True for a fall.  A change word governs the list it opens
    ("giảm 146 lượt tiếp, 127 lượt người": both are falls)."""
    out: dict[int, bool] = {}
    prev: Figure | None = None
    for c in tx.figures:
        m = _CHANGE_WORDS.search(tx.before(c, 25))
        if c.change or m:
            out[id(c)] = c.change == "giảm" or bool(m and _DOWN.match(m.group(0)))
        elif (
            prev is not None
            and id(prev) in out
            and prev.kind == c.kind
            and _CHANGE_LIST_GAP.fullmatch(tx.t, prev.end, c.start)
        ):
            out[id(c)] = out[id(prev)]
        prev = c
    return out


def _change_sums(tx: Text) -> Iterable[Relation]:
    """"đạt 88,3%, cao hơn 1,7% so với năm trước (86,6%)", "tăng 131 đơn (năm trước 1.405
    đơn)", "59.177 người so với cùng kỳ (55.317 người); tăng 3.860" (the change's noun left
    out): this period's value is last period's plus the change. Which printed value is which is left to the
    arithmetic, so these relations only ever confirm (their confidence stays below an alarm)."""
    directions = _change_directions(tx)
    for c in tx.figures:
        down = directions.get(id(c))
        if c.kind not in (*AMOUNT_KINDS, "percent") or c.range is not None or down is None:
            continue
        s = tx.sentence(c.start)
        near = [
            f
            for f in tx.in_sentences(s - 1, s, c.start)
            if f is not c
            and not f.change
            and (f.kind == c.kind or (c.kind == "number" and not c.unit and f.kind == "count"))
            and tx.compatible(f, c)
            and s - 1 <= tx.sentence(f.start) <= s
            and not _CHANGE_BEFORE.search(tx.before(f, 25))
        ]
        for x, y in itertools.permutations(near, 2):
            if (x if down else y).value <= c.value:
                continue  # the larger of the two periods is more than the change
            if c.value < unit_of(x if down else y):
                continue  # "38% … vượt 0,05%": a change finer than the total's printing proves nothing
            if down:
                yield Relation("sum", x, (y, c), "kỳ trước = kỳ này + mức "
                                                 "giảm", settings.QA_CONF_CHANGE)
            else:
                yield Relation("sum", y, (x, c), "kỳ này = kỳ trước + mức "
                                                 "tăng", settings.QA_CONF_CHANGE)


# "giảm 165 vụ, | giảm 45,96% | (194/359 vụ)": a fall, its rate, then this period over the last
_CHANGE_RATE_GAP = regex.compile(r"[\p{L}\s]{0,20},\s*(?:giảm|tăng)\s*", regex.I)


def _changes_of_fractions(tx: Text) -> Iterable[Relation]:
    """"Trọng án giảm 165 vụ, giảm 45,96% (194/359 vụ)": this period's count and the fall make last
    period's (194 + 165 = 359). Which figure is which is read from the words, so it only confirms."""
    figs = tx.figures
    for c, p, frac in zip(figs, figs[1:], figs[2:]):
        if c.change != "giảm" or not _is_amount(c) or p.kind != "percent" or p.change != "giảm":
            continue
        if frac.kind != "ratio" or not frac.denominator or not tx.compatible(c, frac):
            continue
        if _CHANGE_RATE_GAP.fullmatch(tx.t, c.end, p.start) and _FRACTION_OF_PERIODS.fullmatch(
            tx.t, p.end, frac.start
        ):
            rule = "kỳ trước (mẫu số) = kỳ này (tử số) + mức giảm"
            yield Relation("sum", frac, (frac, c), rule, settings.QA_CONF_CHANGE, whole=frac.denominator)


_FROM_BEFORE = regex.compile(r"(?<![\p{L}])từ\s*$", regex.I)
_TO_GAP = regex.compile(r"[^\d;.]{0,40}?\s(?P<d>xuống(?:\s+còn)?|lên(?:\s+mức)?|còn)\s+$", regex.I)


def _from_to_changes(tx: Text) -> Iterable[Relation]:
    """"giảm từ 1.200 hộ xuống còn 900 hộ, giảm 310 hộ": the two values say which period is
    which, so the change stated after them must be their difference."""
    figs = tx.figures
    for x, y, c in zip(figs, figs[1:], figs[2:]):
        if not _FROM_BEFORE.search(tx.before(x, 12)) or not (m := _TO_GAP.fullmatch(tx.t, x.end, y.start)):
            continue
        if not c.change or c.kind != x.kind or not (tx.compatible(x, c) and tx.compatible(y, c)):
            continue
        if tx.sentence(c.start) != tx.sentence(x.start) or x.change or y.change:
            continue
        down = m.group("d").lower().startswith(("xuống", "còn"))
        whole, part = (x, y) if down else (y, x)
        rule = (
            "từ … xuống/lên …: kỳ trước và kỳ này, mức thay đổi là hiệu của "
            "chúng"
        )
        # "từ 5,2% xuống 3,9%, giảm 25%" may be a relative fall: between rates it only confirms
        conf = settings.QA_CONF_CHANGE if x.kind == "percent" else settings.QA_CONF_MARKER
        yield Relation("sum", whole, (part, c), rule, conf)


_POOR_EXIT = regex.compile(r"(?<![\p{L}])thoát\s+(?:khỏi\s+)?(?:cận\s+)?nghèo(?![\p{L}])", regex.I)
_POOR_NEW = regex.compile(
    r"(?<![\p{L}])(?:(?:cận\s+)?nghèo\s+(?:phát\s+sinh\s+)?mới|phát\s+sinh\s+mới"
    r"|tái\s+(?:cận\s+)?nghèo)"
    r"(?![\p{L}])",
    regex.I,
)
_NET_DOWN = regex.compile(r"(?<![\p{L}])giảm(?![\p{L}])", regex.I)


def _poverty_flows(tx: Text) -> Iterable[Relation]:
    """"… giảm 0,23% so với năm 2017, với 120 hộ; trong đó số hộ thoát nghèo 207 hộ, số
    hộ nghèo mới 87 hộ": the net fall of the poor households is those who left poverty less the newly
    poor (207 − 87 = 120)."""
    for m in _MARKER.finditer(tx.t):
        k = bisect.bisect_left(tx.starts, m.start())
        if not k:
            continue
        net = tx.figures[k - 1]
        clause = tx.t[max(tx.t.rfind(";", 0, net.start), tx.sent[tx.sentence(net.start)]) : m.start()]
        same_sentence = tx.sentence(net.start) == tx.sentence(m.start())
        if not _is_amount(net) or not _NET_DOWN.search(clause) or not same_sentence:
            continue
        after = [
            f
            for f in tx.figures[k : k + 4]
            if tx.sentence(f.start) == tx.sentence(m.start()) and _is_amount(f) and tx.compatible(f, net)
        ]
        exits = [f for f in after if _POOR_EXIT.search(tx.label(f))]
        news = [f for f in after if _POOR_NEW.search(tx.label(f))]
        if len(exits) == 1 and len(news) == 1:
            rule = "số thoát nghèo = mức giảm ròng + số nghèo mới"
            yield Relation("sum", exits[0], (net, news[0]), rule, settings.QA_CONF_MARKER)


# "… như sau:", "Cụ thể:"; "trong đó:" ending its line, the entries one a line ("Đường bộ:
# xảy ra 69 vụ, …")
_LIST_MARK = regex.compile(
    r"(?<![\p{L}])(?:như\s+sau|lần\s+lượt(?:\s+là)?|cụ\s+thể(?:\s+là)?|trong\s+đó(?=\s*:[ "
    r"\t]*\n))\s*:",
    regex.I,
)
_WHOLE_WORDS = regex.compile(
    r"(?<![\p{L}])(?:toàn\s+(?:tỉnh|huyện|thành\s+phố|quốc)|cả\s+(?:tỉnh|nước|huyện)"
    r"|tổng)(?![\p{L}])",
    regex.I,
)


def _entity_lists(tx: Text) -> Iterable[Relation]:
    """"… của các huyện như sau: A: 689ha, …; B: 3.197ha, …": the same column of every entry adds
    up to the province's figure stated before the list."""
    for m in _LIST_MARK.finditer(tx.t):
        para_end = (
            tx.para[tx.paragraph(m.end()) + 1] if tx.paragraph(m.end()) + 1 < len(tx.para) else len(tx.t)
        )
        entries = [e for e in _segments(tx, m.end(), para_end) if e]
        # "Cụ thể như sau:" ending its paragraph: one entry a paragraph ("Án hình sự: …")
        if not entries:
            entries = _labelled_paragraphs(tx, tx.paragraph(m.end()) + 1)
        if len(entries) < 2:
            continue
        shaped = all(len(x) == len(entries[0]) for x in entries)
        for j, head in enumerate(entries[0]):
            column = [
                # entries of one shape: the same column of each ("thụ lý 200 vụ, giải quyết 180
                # vụ")
                e[j]
                if shaped and tx.compatible(e[j], head) and e[j].kind == head.kind
                else _same_column(tx, head, e)
                for e in entries
            ]
            if not _is_amount(head) or any(f is None for f in column):
                continue
            total = sum((f.value for f in column), Decimal(0))  # type: ignore[union-attr]
            for w in tx.figures:
                if (
                    w.start >= m.start()
                    or w.kind != head.kind
                    or not tx.compatible(w, head)
                    or w.value < total / 2
                ):
                    continue
                if _paragraphs_between(tx, w.start, m.start()) > 2:
                    continue
                conf = 0.8 if _WHOLE_WORDS.search(tx.before(w, 60)) else 0.5
                rule = (
                    "danh sách từng mục ('như sau:', 'Cụ thể:', 'trong đó:' xuống dòng) "
                    "cộng theo cột"
                )
                yield Relation("sum", w, tuple(column), rule, conf)  # type: ignore[arg-type]


_LAST_WORD = regex.compile(r"([\p{L}]+)[^\p{L}\d,;:()]*$")


def _same_column(tx: Text, head: Figure, entry: list[Figure]) -> Figure | None:
    """The figure of `entry` in `head`'s column: like it, and named by the same word when the entries name
    their columns ("xảy ra 69 vụ, chết 66 người, bị thương 56 người" / "xảy ra 2 vụ,
    chết 5 người")."""
    like = [f for f in entry if tx.compatible(f, head) and f.kind == head.kind]
    if len(like) < 2:
        return like[0] if like else None
    word = _LAST_WORD.search(tx.before(head, 30))
    named = [f for f in like if word and (w := _LAST_WORD.search(tx.before(f, 30))) and w[1] == word[1]]
    return named[0] if len(named) == 1 else None


_ENTRY_LABEL = regex.compile(r"\s*[-–•+]?\s*[\p{Lu}][^\d:.;]{1,80}:")


def _labelled_paragraphs(tx: Text, first: int) -> list[list[Figure]]:
    """The figures of each paragraph from `first` on that opens with a label ("Án hành chính: …"), until
    one does not (at most QA_UNMARKED_MAX_PARTS of them)."""
    out: list[list[Figure]] = []
    for k in range(first, min(len(tx.para), first + settings.QA_UNMARKED_MAX_PARTS)):
        end = tx.para[k + 1] if k + 1 < len(tx.para) else len(tx.t)
        if not _ENTRY_LABEL.match(tx.t, tx.para[k], end):
            break
        out.append(tx.span(tx.para[k], end, tx.para[k]))
    return out


def _segments(tx: Text, start: int, end: int) -> list[list[Figure]]:
    out: list[list[Figure]] = [[]]
    last = start
    for f in tx.figures[bisect.bisect_left(tx.starts, start) :]:
        if f.start >= end:
            break
        if ";" in tx.t[last : f.start]:
            out.append([])
        out[-1].append(f)
        last = f.end
    return out


_ASIDE = regex.compile(r"\s*\([^()]*\)")
_FRACTION_GAP = regex.compile(
    r"\s*[\p{L}\s,]{0,40}?(?:/|\s(?:trên|trong)\s+(?:tổng\s+)?(?:số\s+)?)\s*", regex.I
)


def _shares_denominator(tx: Text, frac: Figure, other: Figure) -> bool:
    """Another fraction of the paragraph, besides `frac` and `other`, has frac's denominator."""
    para = tx.paragraph(frac.start)
    return any(
        f is not frac and f is not other and f.denominator == frac.denominator
        for f in tx.in_paragraphs(para, para, frac.start)
    )


def _same_denominator_parts(tx: Text, listed: set[int]) -> Iterable[Relation]:
    """"18/93 ý kiến đã được giải quyết; 37/93 ý kiến được giải trình; 38/93 ý kiến
    đang giải quyết": the numerators of fractions of one whole add up to it when they split it (they need
    not: "40/150 xã … nâng cao, 10/150 xã … kiểu mẫu" are subsets), so these only ever confirm.
    Fractions already read as the parts of a list (`listed`: "Bảo Lạc 12/17 xã; Quảng Uyên 5/17 xã"
    are two districts) are left."""
    by_den: dict[tuple[int, Decimal], list[Figure]] = {}
    for f in tx.figures:
        if f.kind == "ratio" and f.denominator and not f.change and f.index not in listed:
            by_den.setdefault((tx.paragraph(f.start), f.denominator), []).append(f)
    for (_, den), fracs in by_den.items():
        if len(fracs) >= 2 and sum((f.value for f in fracs), Decimal(0)) == den:
            rule = "các phân số cùng mẫu số cộng lại bằng mẫu số"
            yield Relation("sum", fracs[0], tuple(fracs), rule, settings.QA_CONF_UNMARKED, whole=den)


def _fractions_of_a_count(tx: Text) -> Iterable[Relation]:
    """"… có 1377 đơn … thuộc thẩm quyền. Đã giải quyết được 1.266/1.322 vụ khiếu
    nại và 53/55 vụ tố cáo": fractions side by side whose denominators add up exactly to a like count
    just before them (this or the previous sentence). Nothing marks it, so it only confirms."""
    figs = tx.figures
    i = 0
    while i < len(figs):
        run = [figs[i]]
        while run[-1].kind == "ratio" and run[-1].denominator and i + len(run) < len(figs):
            nxt = figs[i + len(run)]
            same_sentence = tx.sentence(nxt.start) == tx.sentence(run[0].start)
            if not (nxt.kind == "ratio" and nxt.denominator and same_sentence):
                break
            run.append(nxt)
        run = [f for f in run if f.kind == "ratio" and f.denominator and not f.change]
        i += max(len(run), 1)
        if len(run) < 2:
            continue
        total = sum((f.denominator or Decimal(0) for f in run), Decimal(0))
        s = tx.sentence(run[0].start)
        whole = next(
            (
                w
                for w in reversed(tx.in_sentences(s - 1, s, run[0].start))
                if w.start < run[0].start and _is_amount(w) and not w.change and w.value == total
                and tx.compatible(w, run[0])
            ),
            None,
        )
        if whole is not None:
            stated = whole.model_copy(update={"denominator": whole.value})
            rule = "mẫu số của các phân số liền nhau cộng lại bằng số nêu ngay trước"
            yield Relation("sum", stated, tuple(run), rule, settings.QA_CONF_UNMARKED, over="denominator")


def _fraction_breakdowns(tx: Text) -> Iterable[Relation]:
    """"324/590 trường (trong đó 71/179 trường mầm non; 160/206 trường tiểu học; …)": the
    parts' numerators add up to the whole's numerator and their denominators to its denominator."""
    fracs = [f for f in tx.figures if f.kind == "ratio" and f.denominator and not f.change]
    for w in fracs:
        s = tx.sentence(w.start)
        # "15/36 trường … . Trong đó, … 6/9 …; … 6/14 …": the next sentence when it opens with
        # a marker
        nxt = _MARKER.match(tx.t[tx._bound(tx.sent, s + 1) : tx._bound(tx.sent, s + 2)].lstrip())
        later = nxt is not None
        parts = [
            f
            for f in tx.span(w.start + 1, tx._bound(tx.sent, s + (2 if later else 1)))
            if f.kind == "ratio" and f.denominator and not f.change and tx.compatible(f, w)
        ]
        parts = [f for f in parts if parts and tx.d(f.start) == tx.d(parts[0].start)]
        if len(parts) < 2:
            continue
        gap = tx.t[w.end : parts[0].start]
        if ";" in gap or not (_MARKER.search(gap) or "(" in gap):
            # fractions side by side ("… (67/116 DN); … (15/23 DN)"), not a breakdown of the first
            continue
        margin = 1 + Decimal(str(settings.QA_OVERSHOOT))
        dens = sum((f.denominator or Decimal(0) for f in parts), Decimal(0))
        if sum((f.value for f in parts), Decimal(0)) > w.value * margin or dens > w.denominator * margin:
            continue
        rule = "phân số chia theo phần sau tổng"
        yield Relation("sum", w, tuple(parts), rule + " (tử số)", settings.QA_CONF_MARKER)
        # the whole's denominator may count members the list leaves out ("Riêng bậc THPT chưa có …"):
        # only a list inside the whole's own sentence is sure to cover it
        conf = settings.QA_CONF_UNMARKED if later else settings.QA_CONF_MARKER
        yield Relation("sum", w, tuple(parts), rule + " (mẫu số)", conf, over="denominator")


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


def _count_pairs(tx: Text) -> dict[int, tuple[Figure, str]]:
    """Counts written as a pair of two units ("259 lượt/316 người", "98 lượt /115 người"), keyed
    by the first count's index: one fraction spanning both (its raw the exact characters of the pair) and the
    second count's unit."""
    out: dict[int, tuple[Figure, str]] = {}
    for a, b in zip(tx.figures, tx.figures[1:]):
        if a.kind != "count" or b.kind != "count" or a.change or b.change or not a.unit or not b.unit:
            continue
        gap = tx.t[a.end : b.start]
        known = (a.unit.lower(), b.unit.lower()) in PAIRED_UNITS and _COMMA_PAIR_GAP.fullmatch(gap)
        if unit_key(a.unit) == unit_key(b.unit) or not (_COUNT_PAIR_GAP.fullmatch(gap) or known):
            continue
        # no one unit: the pair's raw ("259 lượt/316") names both
        raw = tx.t[a.start : b.end]
        update = {"kind": "ratio", "denominator": b.value, "end": b.end, "raw": raw, "unit": None}
        out[a.index] = (a.model_copy(update=update), unit_key(b.unit))
    return out


def _pair_breakdowns(tx: Text) -> Iterable[Relation]:
    """"tiếp 259 lượt/316 người … Trong đó, tiếp thường xuyên 161/201 người; tiếp
    định kỳ 98 lượt /115 người": pairs (or fractions) after a marker break a pair down, first
    counts and second counts apart."""
    pairs = _count_pairs(tx)
    for w, second in pairs.values():
        s = tx.sentence(w.start)
        span = [f for f in tx.in_sentences(s, s + 1, w.start) if f.start >= w.end]
        if not span or not _MARKER.search(tx.t[w.end : span[0].start]):
            continue
        parts: list[Figure] = []
        for f in span:
            if f.index in pairs:
                parts.append(pairs[f.index][0])
            elif f.kind == "ratio" and f.denominator and not f.change and unit_key(f.unit) in (
                unit_key(w.unit), second
            ):
                parts.append(f)
            elif parts and f.start < parts[-1].end:
                continue  # the second count of a pair already taken
            else:
                break
        if len(parts) < 2:
            continue
        rule = "cặp số liệu (lượt/người) chia theo phần sau tổng"
        yield Relation("sum", w, tuple(parts), rule + " (số thứ nhất)", settings.QA_CONF_MARKER)
        yield Relation(
            "sum", w, tuple(parts), rule + " (số thứ hai)", settings.QA_CONF_MARKER, over="denominator"
        )


_STRUCTURE_WORDS = regex.compile(r"(?<![\p{L}])(?:cơ\s+cấu|tỷ\s+trọng|tỉ\s+trọng"
                                 r"|chiếm)(?![\p{L}])", regex.I)


def _structure_shares(tx: Text, sums: list[Relation]) -> Iterable[Relation]:
    """"GRDP đạt 6.961,99 tỷ đồng, trong đó: nông nghiệp 638,76 tỷ …; công nghiệp 1.339,58
    tỷ …" ¶ "Cơ cấu …: nông nghiệp chiếm 9,18%; công nghiệp chiếm 19,24%; …": the next
    paragraph's shares, as many as the parts and adding up to 100%, are the parts over their whole, in
    order."""
    seen: set[int] = set()
    for r in sums:
        if (
            r.check != "sum"
            or r.whole is not None
            or r.confidence < settings.QA_ALARM
            or r.stated.index in seen
        ):
            continue
        para = tx.paragraph(r.operands[-1].start) + 1
        shares = [f for f in tx.in_paragraphs(para, para) if f.kind == "percent"]
        if len(shares) != len(r.operands) or any(f.change for f in shares):
            continue
        slack = sum((unit_of(f) for f in shares), Decimal(0))
        if abs(sum((f.value for f in shares), Decimal(0)) - 100) > slack:
            continue
        if not _STRUCTURE_WORDS.search(tx.t, tx.para[para], shares[0].start):
            continue
        seen.add(r.stated.index)
        for part, share in zip(r.operands, shares):
            rule = "cơ cấu ở đoạn sau: các tỷ trọng theo thứ tự các phần"
            yield Relation(
                "ratio", share, (part, r.stated), rule, settings.QA_CONF_MARKER, whole=r.stated.value
            )


# "lúa là 115/116 ha. Đạt 99,13% so với kế hoạch": the next sentence opens with the rate alone
_SUBJECTLESS_RATE = regex.compile(r"[^\d.;]{0,12}\.\s*Đạt(?:\s+t[ỷỉ]\s+lệ)?\s*", regex.I)
_RATE_ONLY = regex.compile(
    r"\s*(?:đạt|chiếm|bằng|tương\s+ứng)?(?:\s*t[ỷỉ]\s+lệ)?(?:\s+(?:khoảng|gần|hơn"
    r"|trên))?\s*", regex.I
)


def _slash_fractions(tx: Text) -> Iterable[Relation]:
    """"39.845 ha/40.000 ha KH, bằng 99,6%", "990 hồ sơ trên tổng số 1.000 hồ sơ, đạt 99%":
    two amounts joined by "/" or "trên (tổng số)" are a fraction with its rate."""
    figs = tx.figures
    for i in range(len(figs) - 2):
        # "176 đơn (160 khiếu nại, 16 tố cáo)/221 đơn": the numerator's breakdown comes between
        j = i + 1
        while j < len(figs) and tx.d(figs[j].start) > tx.d(figs[i].start):
            j += 1
        if j + 1 >= len(figs):
            continue
        a, b, p = figs[i], figs[j], figs[j + 1]
        if not (_is_amount(a) and _is_amount(b) and p.kind == "percent") or not tx.compatible(a, b):
            continue
        if a.value > b.value and p.value <= 100:
            # "tiếp nhận gần 25.000 hồ sơ, đã giải quyết trên 22.700 (chiếm 99,05%)": no
            # fraction
            continue
        gap = tx.t[b.end : p.start]
        if (
            _FRACTION_GAP.fullmatch(_ASIDE.sub("", tx.t[a.end : b.start], count=1))
            and b.value
            and len(gap) < settings.QA_FRACTION_RATE_REACH
            and ";" not in gap
            and (tx.sentence(p.start) == tx.sentence(b.start) or _SUBJECTLESS_RATE.fullmatch(gap))
            and _RATE_BEFORE.search(regex.split(r",", gap)[-1] or "(")
        ):
            # "13.084 vụ/14.856 vụ án các loại, đã giải quyết đạt tỷ lệ hơn 88%": a
            # clause between, it confirms; "622 vụ, việc trong tổng số 698 vụ, việc các loại
            # án thụ lý, đạt tỷ lệ 89,5%": only a noun phrase between, as sure as a fraction next
            # to its rate
            sure = len(gap) < 30 or _RATE_ONLY.fullmatch(regex.split(r",", gap)[-1])
            conf = settings.QA_CONF_FRACTION if sure else settings.QA_CONF_UNMARKED
            yield Relation("ratio", p, (a, b), "phân số 'a/b' và tỷ lệ của "
                                               "nó", conf, whole=b.value)
    yield from _rates_before_fractions(tx)


def _rates_before_fractions(tx: Text) -> Iterable[Relation]:
    """"đạt tỷ lệ 60%, tương đương 4.322 vụ, việc/7.276 vụ": a rate and then the two amounts
    it is of."""
    figs = tx.figures
    for p, a, b in zip(figs, figs[1:], figs[2:]):
        if p.kind != "percent" or p.change or not (_is_amount(a) and _is_amount(b)) or not b.value:
            continue
        if (
            tx.compatible(a, b)
            and _FRACTION_AFTER_RATE.fullmatch(tx.t[p.end : a.start])
            and "/" in tx.t[a.end : b.start]
            and _FRACTION_GAP.fullmatch(tx.t[a.end : b.start])
        ):
            rule = "tỷ lệ và phân số 'a/b' ngay sau nó"
            yield Relation("ratio", p, (a, b), rule, settings.QA_CONF_FRACTION, whole=b.value)


def _rates_before_counts(tx: Text) -> Iterable[Relation]:
    """"Tỉ lệ … giải quyết đúng hạn đạt 98,94%; trong đó tổng số hồ sơ đã giải
    quyết xong là 207.030 hồ sơ, số hồ sơ giải quyết đúng hạn là 204.847 hồ sơ": a rate
    stated before the two counts it comes from. Nothing ties them but the arithmetic, so these only ever
    confirm."""
    figs = tx.figures
    for i, p in enumerate(figs):
        if p.kind != "percent" or p.change or p.prior_period or not 0 < p.value <= 100:
            continue
        after = [f for f in figs[i + 1 : i + 4] if tx.sentence(f.start) == tx.sentence(p.start)]
        amounts = list(itertools.takewhile(lambda f: f.kind != "percent", after))[:2]
        if len(amounts) != 2 or not all(_is_amount(f) and not f.change for f in amounts):
            continue
        a, b = sorted(amounts, key=lambda f: f.value)
        if a.value < b.value and tx.compatible(a, b):
            rule = "tỷ lệ nêu trước hai số liệu của nó"
            yield Relation("ratio", p, (a, b), rule, settings.QA_CONF_CHANGE, whole=b.value)


def _range_targets(tx: Text) -> Iterable[Relation]:
    """"khai thác 519 nghìn m3, đạt 86,5% so mục tiêu (600-750 nghìn m3)": a rate of a target given
    as a range is measured against one of its bounds; which one is left to the arithmetic, so these only ever
    confirm."""
    figs = tx.figures
    for i in range(1, len(figs) - 2):
        num, p, lo, hi = figs[i - 1], figs[i], figs[i + 1], figs[i + 2]
        if p.kind != "percent" or p.change or lo.range != "low" or hi.range != "high":
            continue
        if not _is_amount(num) or num.change or (num.unit or "").lower() != (lo.unit or "").lower():
            continue
        if tx.sentence(num.start) != tx.sentence(hi.start) or lo.start - p.end > settings.QA_RANGE_TARGET_GAP:
            continue
        for bound in (lo, hi):
            if bound.value:
                rule = "tỷ lệ so với một đầu của khoảng mục tiêu"
                yield Relation("ratio", p, (num, bound), rule, settings.QA_CONF_CHANGE, whole=bound.value)


def _range_pairs(tx: Text) -> Iterable[Relation]:
    """"đạt từ 50 đến 55% tổng số xã, tương đương với từ 59 đến 65 xã trong tổng
    số 117 xã": a range of rates said again as a range of counts, each bound over the whole after them; no
    word says which whole is meant, so these only ever confirm."""
    figs = tx.figures
    for i in range(len(figs) - 4):
        p_lo, p_hi, c_lo, c_hi = figs[i : i + 4]
        if (p_lo.kind, p_hi.kind, p_lo.range, p_hi.range) != ("percent", "percent", "low", "high"):
            continue
        if (c_lo.range, c_hi.range) != ("low", "high") or c_lo.kind not in AMOUNT_KINDS:
            continue
        here = tx.sentence(p_lo.start)
        for w in figs[i + 4 : i + 4 + settings.QA_RANGE_WHOLE_REACH]:
            if tx.sentence(w.start) != here:
                break
            if _is_amount(w) and w.value > c_hi.value and tx.compatible(c_hi, w):
                rule = "khoảng tỷ lệ nói lại bằng khoảng số lượng, trên tổng sau đó"
                yield Relation("ratio", p_lo, (c_lo, w), rule, settings.QA_CONF_CHANGE)
                yield Relation("ratio", p_hi, (c_hi, w), rule, settings.QA_CONF_CHANGE)
                break


def _point_contributions(tx: Text) -> Iterable[Relation]:
    """"GRDP tăng 7,2%; trong đó công nghiệp đóng góp 4,1 điểm phần trăm, dịch vụ 2,5
    điểm phần trăm …": the sectors' contributions in percentage points add up to the growth they
    explain."""
    points = [f for f in tx.figures if (f.unit or "").lower().startswith("điểm phần "
                                                                         "trăm") and not f.change]
    by_para: dict[int, list[Figure]] = {}
    for f in points:
        by_para.setdefault(tx.paragraph(f.start), []).append(f)
    for para, parts in by_para.items():
        if len(parts) < 2:
            continue
        growth = [
            g
            for g in tx.in_paragraphs(para, para, parts[0].start)
            if g.kind == "percent"
            and (g.unit or "%") == "%"
            and g.start < parts[0].start
            and (g.change == "tăng" or regex.search(r"tăng(?:\s+trưởng)?\s*$", tx.before(g, 20)))
        ]
        # the growth a marker breaks down ("GRDP tăng 10,11%, trong đó: nông nghiệp tăng 12,67%, đóng
        # góp …"), not the first sector's own growth
        marked = [g for g in growth if _MARKER.search(tx.t, g.end, parts[0].start)]
        if marked or growth:
            whole = marked[-1] if marked else growth[-1]
            conf = settings.QA_CONF_MARKER if marked else settings.QA_CONF_MARKER * 0.7
            rule = "đóng góp (điểm phần trăm) cộng lại bằng mức tăng"
            yield Relation("sum", whole, tuple(parts), rule, conf)


# Units a per-unit figure divides: "60 tạ/ha" is tonnes of output over hectares, "7 ngày/lượt" days over
# stays.
_MASS_IN = {"tấn": Decimal(1000), "tạ": Decimal(100), "yến": Decimal(10), "kg": Decimal(1)}
_PER = regex.compile(r"\s*/\s*(?P<b>[\p{L}]+)")


def _per_unit(tx: Text) -> Iterable[Relation]:
    """A rate per unit ("năng suất 60 tạ/ha", "bình quân 7 ngày/lượt") against the two amounts of
    its paragraph it divides; which pair is meant is left to the arithmetic, so these only ever confirm."""
    for x in tx.figures:
        unit = (x.unit or "").lower()
        top, _, bottom = unit.partition("/")
        if not bottom:
            m = _PER.match(tx.t, x.end)
            top, bottom = unit, (m.group("b").lower() if m else "")
        if top and not bottom and _AVERAGE_EACH.search(tx.before(x, 80)):
            yield from _averages(tx, x, top)  # "bình quân mỗi người bệnh nằm viện 6,5 ngày"
            continue
        if not top or not bottom:
            continue
        para = tx.paragraph(x.start)
        near = [
            f
            for f in tx.in_paragraphs(para, para, x.start)
            if f is not x and f.kind != "percent" and not f.change
        ]
        nums = [f for f in near if _same_measure((f.unit or "").lower(), top)]
        dens = [f for f in near if (f.unit or "").lower().split(" ")[0] == bottom.split(" ")[0]]
        for n, d in itertools.product(nums, dens):
            factor = _MASS_IN.get((n.unit or "").lower(), Decimal(1)) / _MASS_IN.get(top, Decimal(1))
            if d.value and n is not d:
                conf = settings.QA_CONF_IDENTITY if len(nums) == len(dens) == 1 else settings.QA_CONF_CHANGE
                yield Relation(
                    "per_unit",
                    x,
                    (n, d),
                    f"{x.unit or top + '/' + bottom} = {n.unit} / {d.unit}",
                    conf,
                    whole=d.value / factor,
                )


_AVERAGE_EACH = regex.compile(
    r"(?<![\p{L}])(?:bình\s+quân|trung\s+bình)(?:\s+(?:mỗi|một))?(?![\p{L}])", regex.I
)


def _averages(tx: Text, x: Figure, unit: str) -> Iterable[Relation]:
    """An average stated in words: the total of its unit in the paragraph over a count there ("tổng số
    ngày điều trị 65.000 ngày với 10.000 lượt người bệnh"); which pair is meant is left to
    the arithmetic, so these only ever confirm."""
    para = tx.paragraph(x.start)
    near = [f for f in tx.in_paragraphs(para, para, x.start) if f is not x and not f.change and f.value]
    totals = [f for f in near if (f.unit or "").lower() == unit and f.value > x.value]
    counts = [f for f in near if f.kind == "count" and (f.unit or "").lower() != unit]
    for n, d in itertools.product(totals, counts):
        rule = f"bình quân = {n.unit} / {d.unit}"
        yield Relation("per_unit", x, (n, d), rule, settings.QA_CONF_CHANGE, whole=d.value)


def _same_measure(unit: str, top: str) -> bool:
    return unit == top or (unit in _MASS_IN and top in _MASS_IN)


def relations(text: str, figures: Sequence[Figure]) -> list[Relation]:
    """Every scored relation: prose rules over the figures outside tables, table rules over table cells."""
    from .tables import flat_row_relations, read_text_tables, table_relations
    from .yearbook import yearbook_relations

    figures = read_text_tables(text, figures)
    tx = Text(text, [f for f in figures if f.table is None])
    sums = [
        *_breakdowns(tx),
        *_parallel_breakdowns(tx),
        *_tagged_lists(tx),
        *_excluding(tx),
        *_extractor_parts(tx),
        *_identities(tx),
    ]
    sums += [*_entity_lists(tx)]
    sums += [*_change_sums(tx), *_point_contributions(tx), *_fraction_breakdowns(tx)]
    sums += [*_from_to_changes(tx), *_poverty_flows(tx), *_changes_of_fractions(tx)]
    sums += [*_fractions_of_a_count(tx)]
    listed = {f.index for r in sums if len(r.operands) > 2 and r.whole is None for f in r.operands}
    sums += [*_unmarked_breakdowns(tx, {r.stated.index for r in sums}), *_same_denominator_parts(tx, listed)]
    sums += [*_level_sums(tx)]
    sums += [*_changes_of_breakdowns(tx, sums)]
    sums += [*_catch_all_lists(tx), *_pair_breakdowns(tx)]
    tables = table_relations(figures) + flat_row_relations(text, figures) + yearbook_relations(text, figures)
    rates = [*_rates(tx, sums), *_slash_fractions(tx), *_range_targets(tx), *_rates_before_counts(tx)]
    rates += [*_range_pairs(tx), *_rates_of_subsets(tx)]
    rates += [*_structure_shares(tx, sums), *_growth_against_prior(tx), *_rates_of_plans_before(tx)]
    return _identities_a_rate_confirms(tx, sums, rates) + rates + [*_per_unit(tx)] + tables


def _identities_a_rate_confirms(
    tx: Text, sums: list[Relation], rates: list[Relation]
) -> list[Relation]:
    """"Tiếp nhận 6.551 đơn thư với 4.676 vụ việc. ¶ … đã giải quyết xong 4.139 vụ
    việc, đạt 88,51%; đang … giải quyết 538 vụ việc": a rate printed finely enough that
    reproduces one part of an identity over a whole says which whole is meant (4.676, not the 6.551 letters),
    as surely as a single sentence would."""
    over: dict[int, Figure] = {}
    for r in rates:
        if (
            r.check == "ratio"
            and len(r.operands) == 2
            and r.confidence >= settings.QA_PLAUSIBLE
            and sum(ch.isdigit() for ch in r.stated.raw) >= settings.QA_FINE_RATE_DIGITS
            and evaluate(r).consistent
        ):
            over.setdefault(r.operands[0].index, r.operands[1])
    whole_roles = {f"đẳng thức: {rule}": set(wholes) for _, wholes, rule in IDENTITIES}
    out = list(sums)
    for r in sums:
        if r.rule not in whole_roles or r.whole is not None:
            continue
        wholes = {over[p.index].index: over[p.index] for p in r.operands if p.index in over}
        for w in wholes.values():
            if w is r.stated:
                continue  # the identity's own whole: nothing new is said
            roles = roles_of(tx.label(w))
            if roles and not roles & whole_roles[r.rule]:
                # "15.539 hồ sơ đúng hạn" of 15.868 received: on time + late make the due, not those
                continue
            if tx.compatible(w, r.operands[0]) and w.value >= max(p.value for p in r.operands):
                rule = r.rule + "; tổng do tỷ lệ của một phần xác nhận"
                out.append(dataclasses.replace(r, stated=w, rule=rule, confidence=settings.QA_CONF_IDENTITY))
    return out
