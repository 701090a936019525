"""Which count a stated rate is computed on, and over which whole: the count before the rate, wholes
named by words ("chiếm … tổng số", "Trong số …"), fractions, plans and targets, changes over the
last period, shares of a structure, per-unit averages. Each is a scored `Relation` ("ratio",
"change", "per_unit"); `verdicts.decide` judges them."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import regex

from .. import settings
from ..extract import vocab
from ..models import Figure
from .vocab import PLAN_NOUNS, SUBGROUPS
from .vocab import OF_WHICH
from .text import (
    AMOUNT_KINDS,
    AVERAGE,
    CHANGE_BEFORE,
    COMPARISON_AFTER,
    COMPARISON_BEFORE,
    FRACTION_OF_PERIODS,
    MARK_BEFORE,
    MARKER,
    RATE_BEFORE,
    WHOLE_AFTER_RATE,
    Text,
    is_amount,
    roles_of,
    unit_key,
)
from .sums import named_with, own_share
from .verdicts import (
    Relation,
    ratio_agrees,
    unit_of,
)

_NOUN_THEN_PAREN = regex.compile(r"\s*[^\d;.()]{1,40}\(\s*")


_FRACTION_AFTER_RATE = regex.compile(
    r"\s*(?:,\s*)?(?:\(|với|tương\s+(?:ứng|đương)(?:\s+với)?|=)?\s*", regex.I
)


# "7/7 đơn vị … được công nhận đạt chuẩn … (đạt 100%)": a fraction's rate in brackets
# closing its clause
_PAREN_RATE = regex.compile(r"\(\s*(?:đạt|bằng|chiếm)?(?:\s+t[ỷỉ]\s+lệ)?\s*$", regex.I)


def _reach(n: Figure, gap: str) -> int:
    """How far back (characters, asides left out) a rate's count may be."""
    if n.kind == "ratio" and n.denominator and _PAREN_RATE.search(gap):
        return settings.QA_FRACTION_PAREN_REACH
    return settings.QA_RATE_REACH


def _of_plans(tx: Text, a: Figure, b: Figure) -> bool:
    """Two rates of plan one after the other: the same amount against two targets."""
    return bool(_PLAN_RATE.match(tx.t, a.end) and _PLAN_RATE.match(tx.t, b.end))


_NEXT_CLAUSE = regex.compile(r",|\svà\s")


def _numerators(tx: Text, p: Figure) -> list[tuple[Figure, float, str]]:
    """The count a rate is stated for: the figure right before it in its clause ("… 240 đơn, đạt tỷ
    lệ 80%"), a count it opens in parentheses, or a count after it ("chiếm 82,14%, đạt trên 20.283
    tỷ đồng")."""
    out: list[tuple[Figure, float, str]] = []
    i = tx.order[id(p)]
    depth = tx.d(p.start)
    end = p.start  # (moved back past rates of plan the same amount has: read the gap up to the first)
    for n in reversed(tx.figures[:i]):
        gap = tx.t[n.end : end]
        if n.kind == "duration" and ";" not in gap and tx.sentence(n.start) == tx.sentence(p.start):
            continue  # "3.326 hộ liên tục 3 năm …, chiếm tỷ lệ 30,39%": how long, not what
        if n.kind == "percent" and n.change and not p.change and _NEXT_CLAUSE.search(gap) and len(gap) < 60:
            # "đạt 48,06 triệu USD, tăng 47,89% so với cùng kỳ, chiếm 62%" ("… so với
            # cùng kỳ và vượt 7% …"): past the count's growth
            continue
        if n.change and is_amount(n) and not p.change and _SHARE_LEAD.search(gap) and len(gap) < 60:
            # "1456 trẻ …, tăng 309 trẻ so với cùng kỳ, chiếm 7,28% số sinh": a share of
            # the count, past its rise
            continue
        other_sentence = tx.sentence(n.start) != tx.sentence(p.start) and not _SUBJECTLESS_RATE.fullmatch(gap)
        if n.kind == "percent" and not n.change and not other_sentence and _of_plans(tx, n, p):
            end = n.start
            continue  # "thu 21.515 tỷ, đạt 38,47% chỉ tiêu A (…), đạt 36,6% chỉ tiêu B (…)"
        if n.kind == "percent" or ";" in gap or other_sentence or len(_ASIDE.sub("", gap)) > _reach(n, gap):
            break
        if _MEMBERS_RATE.search(gap):
            # "28/63 tỉnh có tỷ lệ tiêm đạt trên 70%": a rate each member has, not the count's
            # share
            break
        if tx.d(n.start) > depth:
            # "176 đơn (160 khiếu nại, 16 tố cáo)/221 đơn, đạt 79,63%": not the inner figures
            continue
        if (
            is_amount(n)
            or n.kind == "ratio"
            or (n.kind == "score" and n.denominator)  # "đạt 7,5/12 điểm, tỷ lệ 62,5%"
            or (n.kind in AMOUNT_KINDS and CHANGE_BEFORE.search(tx.before(n, 25)))
        ):
            last = _NEXT_CLAUSE.split(gap)[-1]
            explicit = RATE_BEFORE.search(last) or _NAMED_RATE_BEFORE.search(last) or _EXCEEDS.search(last)
            explicit = explicit or gap.strip().startswith("(")
            if end != p.start:  # past another rate of plan: the rate's own words say it too
                own = regex.split(r",", tx.t[tx.figures[i - 1].end : p.start])[-1]
                explicit = explicit or RATE_BEFORE.search(own) or _NAMED_RATE_BEFORE.search(own)
            # "15.539 hồ sơ (trong đó có 370 … và 9 …), đạt tỷ lệ 97,93%": a marker in an
            # aside breaks down the count, not the rate
            if (len(gap) < 40 or explicit) and not MARKER.search(_ASIDE.sub("", gap)):
                sure = 1.0 if explicit else 0.7
                if _names_another_rate(tx, n, gap):
                    # "…, cấp xã 63.085 hồ sơ, tỷ lệ giải quyết đúng và trước hạn
                    # đạt hơn 99%"
                    sure = 0.5
                out.append((n, sure, "số liệu ngay trước tỷ lệ"))
                counted = _counted_over(tx, n)
                if counted is not None:
                    # "12 trên tổng số 16 ứng viên, chiếm 75%": the count before "trên tổng số"
                    out.append((counted, 1.0, _COUNTED_OVER_RULE))
                first = tx.pair_firsts.get(n.index)
                # "giải quyết 1.153 vụ - 2.046 bị cáo, đạt 88,55%": either count
                if first is not None:
                    out.append((first, 1.0 if explicit else 0.7, "cặp số liệu ngay trước tỷ lệ"))
        break
    if not out:
        out += _count_of_clause_before(tx, p) or _pair_of_the_sentence(tx, p)
    if i + 1 < len(tx.figures):
        n = tx.figures[i + 1]
        gap = tx.t[p.end : n.start]
        if (
            is_amount(n)
            and ";" not in gap
            and tx.sentence(n.start) == tx.sentence(p.start)
            and len(gap) < 40
            and not n.change
        ):
            out.append((n, 0.7, "số liệu ngay sau tỷ lệ"))
        elif is_amount(n) and n.change and p.change and _CHANGE_IN_PARENS.fullmatch(gap):
            # "số vụ tăng 20,5% (tăng 30 vụ)": the rise as an amount, over last period's count
            out.append((n, 0.9, "mức thay đổi trong ngoặc sau tỷ lệ"))
        elif is_amount(n) and n.change and n.change == p.change and _CHANGE_EQUIVALENT.fullmatch(gap):
            # "giảm 3,56% so cùng kỳ, tương đương giảm 1.864 con": the fall as an amount
            out.append((n, 0.9, "mức thay đổi tương đương sau tỷ lệ"))
        elif n.kind == "ratio" and n.denominator and (
            _FRACTION_AFTER_RATE.fullmatch(gap) or (p.change and FRACTION_OF_PERIODS.fullmatch(gap))
        ):
            # "đạt 98,5%, với 1.970/2.000 hồ sơ"
            out.append((n, 1.0, "phân số ngay sau tỷ lệ"))
        elif n.kind == "ratio" and n.denominator and not p.change and _NOUN_THEN_PAREN.fullmatch(gap):
            # "98,5% học sinh tốt nghiệp THPT (12.000/12.183 thí sinh)", "92,5% dân số
            # (1.200.000/1.297.000)"
            out.append((n, 0.9, "phân số trong ngoặc sau tỷ lệ"))
    return out


_COUNTED_OVER_RULE = "số liệu trước 'trên tổng số' (hay 'trong số') của tỷ lệ"
_OVER_TOTAL_BEFORE = regex.compile(
    r"\s*(?:\p{L}+\s+){0,2}?(?:trên|trong)\s+(?:tổng\s+)?số\s*$", regex.I
)


def _pair_of_the_sentence(tx: Text, p: Figure) -> list[tuple[Figure, float, str]]:
    """"đã có 120 trong số 400 thủ tục … được tiếp nhận …, đạt tỷ lệ 30%": the
    count of the one "N trong số M" the rate's sentence holds before it, however far back."""
    s = tx.sentence(p.start)
    before = [f for f in tx.in_sentences(s, s, p.start) if f.start < p.start]
    if len(before) != 2 or not all(is_amount(f) for f in before):
        return []
    counted = _counted_over(tx, before[1])
    return [(counted, 0.9, _COUNTED_OVER_RULE)] if counted is before[0] else []


def _counted_over(tx: Text, whole: Figure) -> Figure | None:
    """The count right before "trên tổng số <whole>" ("là 12 trên tổng số 16 ứng viên")."""
    i = tx.order[id(whole)]
    prev = tx.figures[i - 1] if i else None
    if prev is None or not is_amount(prev) or prev.change or not prev.value or prev.value > whole.value:
        return None
    return prev if _OVER_TOTAL_BEFORE.fullmatch(tx.t, prev.end, whole.start) else None


_BASE_THEN_CHANGE = r"\s+so\s+(?:với\s+)?(?:[^\d;.()]|(?<=năm\s)\d{4}){1,40}\(\s*(?:tăng|giảm)\s+"
_SHARE_LEAD = regex.compile(r"(?:,|\s)\s*chiếm(?:\s+t[ỷỉ]\s+(?:lệ|trọng))?\s*$", regex.I)
_CHANGE_IN_PARENS = regex.compile(
    # "giảm 4,05% so với cùng kỳ năm 2017 (giảm 1.671 ha)": past the base, a bracket that says the
    # direction again holds the change, not last period's value
    r"\s*\(\s*(?:tăng|giảm)?\s*|" + _BASE_THEN_CHANGE,
    regex.I,
)
# "… so cùng kỳ, tương đương giảm ": the same change said as an amount, its direction repeated
_CHANGE_EQUIVALENT = regex.compile(
    r"(?:\s+so\s+(?:với\s+)?[^\d;,()]{0,30})?\s*[,(]?\s*(?:tương\s+(?:đương|ứng)|tức\s+là|tức)"
    r"(?:\s+(?:với|là))?\s+(?:mức\s+)?(?:tăng|giảm)\s*",
    regex.I,
)


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
    # the count's own words first ("40 hồ sơ trễ hạn, tỷ lệ … đúng hạn"): its label also
    # holds the words of the count before it
    own = roles_of(gap[: m.start()]) & _QUALITY_ROLES or roles_of(tx.label(n))
    return bool((roles_of(m.group("n")) & _QUALITY_ROLES) - own)


def _count_of_clause_before(tx: Text, p: Figure) -> list[tuple[Figure, float, str]]:
    """"… là 482.175 việc, giảm 87 việc (giảm 0,02% …); chiếm 77,10% …": a clause that is
    only a rate is stated for the count the clause before opens with, past that count's own change."""
    s = tx.sentence(p.start)
    m = _RATE_CLAUSE.search(tx.t, tx.sent[s], p.start)
    if not m:
        return []
    lo = max(tx.t.rfind(";", tx.sent[s], m.start()), tx.t.rfind(":", tx.sent[s], m.start())) + 1
    clause = [f for f in tx.span(max(lo, tx.sent[s]), m.start(), p.start) if tx.d(f.start) == tx.d(p.start)]
    amounts = [f for f in clause if is_amount(f) and not f.change]
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
    # (whole, part) → all the parts of that sure sum
    lists: dict[tuple[int, int], tuple[Figure, ...]] = dataclasses.field(default_factory=dict)


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
            idx.lists[r.stated.index, f.index] = r.operands
    return idx


def _shares_overshoot(tx: Text, parts: tuple[Figure, ...]) -> bool:
    """The rates the parts of a list state right after them make far more than 100%: they are no
    shares of one whole."""
    stated = [r.value for g in parts if id(g) in tx.order and (r := _rate_right_after(tx, g)) is not None]
    return len(stated) >= 2 and sum(stated) > 100 + settings.QA_SHARES_OTHER_WHOLES


_RATE_RIGHT_AFTER = regex.compile(
    r"[^\d;.()]{0,20}\(?\s*(?:đạt|chiếm|bằng)?(?:\s+t[ỷỉ]\s+lệ)?\s*", regex.I
)


def _rate_right_after(tx: Text, f: Figure) -> Figure | None:
    """The percent said right after an amount, in its clause or a bracket ("6.000 ha (đạt 58%)")."""
    i = tx.order[id(f)]
    nxt = tx.figures[i + 1] if i + 1 < len(tx.figures) else None
    if nxt is None or nxt.kind != "percent" or nxt.change:
        return None
    return nxt if _RATE_RIGHT_AFTER.fullmatch(tx.t, f.end, nxt.start) else None


def _wholes(tx: Text, p: Figure, num: Figure, sums: SumIndex) -> Iterable[tuple[Figure, float, str]]:
    """Every plausible whole for `num`: larger compatible figures of the paragraph and the one before."""
    para = tx.paragraph(p.start)
    whole_after = bool(WHOLE_AFTER_RATE.match(tx.t[p.end : p.end + 20]))
    rate_roles = roles_of(tx.label(num)) | roles_of(tx.before(p, 60))
    siblings = sums.siblings.get(num.index, set())
    for f in tx.in_paragraphs(para - 3, para, p.start):
        # "600 thanh niên trên tổng số 1.500 lệnh gọi": one summons each, whatever the nouns
        # (or a whole that names several things, the numerator's among them)
        like = tx.compatible(f, num) or _counted_over(tx, f) is num or named_with(tx, num, f)
        if f is num or f is p or f.change or not like or f.value <= num.value:
            continue
        if not (is_amount(f) or (f.kind == "ratio" and f.denominator)):
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


HUNDRED_REASON = "dòng tổng có tỷ lệ 100% ở đầu danh sách"


def _hundred_percent_whole(tx: Text, p: Figure, num: Figure) -> Iterable[tuple[Figure, float, str]]:
    """"Tổng diện tích đất tự nhiên: 120,99 ha - Tỷ lệ: 100% ¶ + Đất nông nghiệp:
    6,61 ha - Tỷ lệ: 5,47%": the nearest like amount before whose own share is 100% is the whole
    every share below it is of."""
    para = tx.paragraph(p.start)
    for f in reversed(tx.in_paragraphs(para - settings.QA_UNMARKED_MAX_PARTS - 1, para, num.start)):
        if f.start >= num.start or not is_amount(f) or f.change or not tx.compatible(f, num):
            continue
        if f.value > num.value and (share := own_share(tx, f)) is not None and share.value == 100:
            yield f, settings.QA_CONF_MARKER, HUNDRED_REASON
            return


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
        if same and is_amount(f) and not f.change and f.value > num.value and head in tx.label(f).lower():
            yield f, settings.QA_CONF_FAR_WHOLE, FAR_WHOLE_RULE


# Reasons that name the whole a rate is of even when the rate is said to be "so với chỉ tiêu"
_ELIGIBLE_REASON = "tỷ lệ thi hành xong trên số có điều kiện thi hành"


_NAMED_WHOLES = ("'Trong số", _ELIGIBLE_REASON)


_OVER_TOTAL = regex.compile(
    r"(?<![\p{L}])(?:trên|trong)\s+(?:tổng\s+)?số(?:\s+[\p{L}]+){0,2}\s*$", regex.I
)


BRACKET_AFTER_WHOLE_REASON = "phần trong ngoặc ngay sau tổng cùng đơn vị"
# between a whole and the bracket of its parts: nothing but another amount of it
# ("4.000 hộ, 15.000 khẩu (")
_TO_BRACKET = regex.compile(r"[^\d()]{0,20}(?:\d[\d.,]*\s+[^\d()]{1,20})?\(", regex.I)


def _bracket_after_whole(tx: Text, f: Figure, num: Figure, p: Figure) -> bool:
    """`num` and its rate `p` sit in the bracket that opens right after `f`, a like amount."""
    depth = tx.d(num.start)
    if f.start > num.start or depth != tx.d(f.start) + 1 or tx.d(p.start) != depth:
        return False
    opened = tx.t.rfind("(", f.end, num.start)
    if opened < 0 or not _TO_BRACKET.fullmatch(tx.t, f.end, opened + 1):
        return False
    return (f.unit or "").lower() == (num.unit or "").lower().split()[0] if num.unit else False


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
        conf = 0.6 if achieved else 0.85
        if _names_another_total(tx, p, f):
            conf = settings.QA_CONF_ARITHMETIC  # "chiếm 87,93% tổng số đại biểu": not ballots
        if _shares_overshoot(tx, sums.lists[f.index, num.index]):
            # "… ngô 2.500 ha (83,33%); rau 1.500 ha (50%) KH": each of its own plan, no shares of it
            conf = settings.QA_CONF_ARITHMETIC
        if _fractions_with_own_rates(tx, num):
            # "một cửa 3.172/3.172 HS (100%), …; liên thông 295/295 HS (100%), …; 1.105 HS trực
            # tuyến (100%)": a rate of its own beside fractions with theirs, no share of the whole
            conf = settings.QA_CONF_ARITHMETIC
        yield conf, "tổng của danh sách chứa tử số"
    # "Trong đó, có 10 đảng viên nữ, chiếm 26,6%" (of 41 before): a share, not "đạt tỷ lệ"
    opens = dist == 1 and _OPENS_OF_WHICH.match(tx.t, tx.sent[tx.sentence(num.start)]) is not None
    opens = opens and _SHARE_VERB.search(tx.before(p, 20)) is not None
    if f.start < num.start and (dist == 0 or opens) and _subset_of(tx, f, num, past_rates=opens):
        # (an actual amount's part is of the actual total before an estimate of it: "đạt 36.804 tỷ
        # đồng, …, ước đến cuối tháng 9 đạt 37.200 tỷ đồng. Trong đó, …")
        conf = 0.8 if f.estimate and not num.estimate else 0.85
        yield conf, "phần ('trong đó', 'với') trên tổng của nó"
    if _bracket_after_whole(tx, f, num, p):
        # "Toàn xã có 4.000 hộ, 15.000 khẩu (600 hộ nghèo, chiếm 15%; …)": of the households
        yield 0.85, BRACKET_AFTER_WHOLE_REASON
    # "trong 96 người, có 42 người là nữ, chiếm 43,75%; …; 10 người …, chiếm 3,1%"
    marked = f.start < num.start and dist == 0 and MARK_BEFORE.search(tx.before(f, 60))
    if marked and not _names_another_total(tx, p, f):
        yield 0.8, IN_WHOLE_REASON
    if whole_after and regex.search(r"(?<![\p{L}])tổng(?![\p{L}])", tx.label(f), regex.I):
        yield 0.8, "'chiếm … tổng số' và số tổng"
    total_of = _total_named(tx, p) if whole_after else []
    named_total = total_of and all(w in tx.label(f).lower().split() for w in total_of)
    named_total = named_total and not _share_of_named_total(tx, p, f)
    named_total = named_total and not _of_a_subgroup(tx, p, f)
    if named_total and f.start < num.start and not _rated_sibling(tx, p, f):
        # "… 229 vụ việc … Trợ giúp viên thực hiện 209,5 vụ việc chiếm 92% tổng số
        # vụ việc"
        yield 0.8, f"'chiếm … tổng số {' '.join(total_of)}' và số {' '.join(total_of)}"
    recalled = _recalled_whole(tx, num)
    if recalled and f.start < num.start and recalled in " ".join(tx.label(f).lower().split()):
        yield 0.85, f"'Trong số {recalled} …' và số {recalled} nêu trước"
    named = _named_after(tx, p)
    specific = [w for w in named if w not in _GENERIC_NOUNS]
    if (
        specific
        and all(w in tx.label(f).lower().split() for w in specific)
        and not _rated_sibling(tx, p, f)
        and not _of_a_subgroup(tx, p, f)
    ):
        yield 0.8, f"'chiếm … {' '.join(named)}' và số {' '.join(named)}"
    # "1.628.487 cử tri (trên tổng số 1.634.116 cử tri)"
    if f.start > num.start and tx.order[id(f)] == tx.order[id(num)] + 1 and _OVER_TOTAL.search(tx.before(f)):
        yield 0.85, "số 'trên tổng số' (hay 'trong số') ngay sau tử số"
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
        # (a rate achieved on time or late, "đạt 99,99%", far from what the files received give, is of
        # the files resolved, or due, which the text may leave out: over what was received it only
        # confirms; a share of them, "chiếm 7,76%", or one close to it, is of what was received)
        timely = bool(rate_roles & {"on_time", "late"}) and not _SHARE_VERB.search(tx.before(p, 20))
        far = abs(num.value / f.value * 100 - p.value) > settings.QA_ROLE_GUESS_NEAR if f.value else True
        timely = timely and far
        conf = settings.QA_CONF_ROLE_GUESS if timely else 0.8
        yield conf, "tỷ lệ giải quyết trên số tiếp nhận"
    if dist <= 1 and f.start < num.start and whole_roles & {"received", "total"} and "pending" in rate_roles:
        yield 0.8, "tỷ lệ đang giải quyết trên số tiếp nhận"
    if (
        dist <= 1
        and f.start < num.start
        and "resolved" in whole_roles
        and rate_roles & {"on_time", "late", "ahead"}
    ):
        yield 0.8, "tỷ lệ trước/đúng/quá hạn trên số đã giải quyết"
    if dist <= 1 and f.start < num.start and _OCCURRED.search(tx.label(f)) and _CLEARED.search(tx.label(num)):
        yield 0.8, CLEARED_RULE  # "xảy ra 95 vụ …, điều tra làm rõ 83 vụ, …, đạt 87%"
    said = tx.t[tx.sent[tx.sentence(f.start)] : f.start]  # "tổng số thí sinh …, cao đẳng là"
    if dist <= 2 and f.start < num.start and _total_of_its_noun(said, tx.label(num)):
        # (or a sentence on: "tổng số thí sinh … là 9.000. … Đến nay, có tổng số 3.000
        # thí sinh điều chỉnh …, tỷ lệ 33,33%")
        yield 0.8, "'tổng số <danh từ>' và số <danh từ> ấy ngay sau"
    if dist == 0 and f.start < num.start:
        between = [
            g
            for g in tx.span(f.start + 1, num.start, num.start)
            if is_amount(g) and tx.compatible(g, num) and not g.change
        ]
        yield (0.6, "số lớn hơn ngay trước trong "
                    "câu") if not between else (0.5, "số lớn hơn trước trong câu")


_OWN_SHARE = regex.compile(
    r"[^;.\d()]{0,80}?(?:chiếm|đạt)(?:\s+t[ỷỉ]\s+(?:lệ|trọng))?\s*$", regex.I
)


def _rated_sibling(tx: Text, p: Figure, f: Figure) -> bool:
    """"23.502 người … nông nghiệp, chiếm 42,89% số người …; 31.294 người … phi nông
    nghiệp, chiếm 57,11%": a figure after the rate with a share of its own is the next item, not the
    whole."""
    i = tx.order[id(f)]
    if i + 1 >= len(tx.figures):
        return False
    nxt = tx.figures[i + 1]
    if nxt is p or nxt.kind != "percent" or _OWN_SHARE.fullmatch(tx.t, f.end, nxt.start) is None:
        return False
    # before the rate: a share of the same total named the same ("340 tỷ đồng, chiếm
    # 51,59% tổng số vốn đăng ký của cả tỉnh … 108 tỷ, chiếm 16,23% …")
    return f.start > p.start or _named_total_after(tx, nxt) == _named_total_after(tx, p)


def _named_total_after(tx: Text, p: Figure) -> str:
    return " ".join(tx.t[p.end : p.end + settings.QA_NAMED_TOTAL_CHARS].split(".")[0].split())


_SHARE_VERB = regex.compile(r"(?<![\p{L}])chiếm(?:\s+t[ỷỉ]\s+(?:lệ|trọng))?\s*$", regex.I)
# A police report's clearance rate: the cases solved over the cases that occurred
_OCCURRED = regex.compile(r"(?<![\p{L}])xảy\s+ra(?![\p{L}])", regex.I)
_CLEARED = regex.compile(r"(?<![\p{L}])(?:làm\s+rõ|khám\s+phá)(?![\p{L}])", regex.I)
CLEARED_RULE = "tỷ lệ điều tra làm rõ trên số vụ xảy ra"
IN_WHOLE_REASON = "'trong N …, có' và tỷ lệ của từng mục trên N"


_TOTAL_OF = regex.compile(r"(?<![\p{L}])tổng\s+số\s+(?P<n>\p{L}+(?:\s+\p{L}+)?)", regex.I)
_COUNT_OF = regex.compile(
    r"^\s*(?:(?:trong\s+đó|còn|có)\s*,?\s*)?(?:tổng\s+)?số\s+(?P<n>\p{L}+(?:\s+\p{L}+)?)", regex.I
)


def _total_of_its_noun(whole: str, part: str) -> bool:
    """"tổng số cử tri … là 31.204 người, số cử tri đi bầu là 30.870 người": a
    total of a noun and, next, the count of some of it, named by the same two words."""
    w, p = _TOTAL_OF.search(whole), _COUNT_OF.search(part)
    if w is None or p is None:
        return False
    return w.group("n").lower().split() == p.group("n").lower().split()


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
        g is not f and is_amount(g) and "carried_over" in roles_of(tx.label(g))
        for g in tx.in_sentences(s, s, f.start)
    )


_NAMED_AFTER = regex.compile(r"\s*(?:tổng\s+)?(?:số\s+)?(?P<n>(?:[\p{Ll}]+\s*){1,3})", regex.I)


_GENERIC_NOUNS = frozenset("diện tích số lượng tổng giá trị".split())


_NAMED_STOP = frozenset("so với của trong và với năm kế hoạch dự toán cùng kỳ".split())


_SHARE_OF = regex.compile(r"\s*(?:tổng\s+)?(?:số\s+)?(?P<n>[\p{Ll}]+(?:\s+[\p{Ll}]+){0,3})")


def _share_of_something_else(tx: Text, p: Figure, frac: Figure) -> bool:
    """"03/15 khoản thu không đạt dự toán (các khoản thu này chiếm tỷ trọng 6,5% tổng
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
    if WHOLE_AFTER_RATE.match(tx.t, p.end):
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


FALL_IN_BRACKETS_RULE = (
    "mức tăng/giảm, (kỳ này/kỳ trước, bằng …%) ngay sau: "
    "tỷ lệ giảm/tăng giữa hai kỳ"
)
_BRACKET_AFTER_CHANGE = regex.compile(r"[^\d;.()]{0,30}\(\s*")


def _change_before_fraction(tx: Text, frac: Figure) -> Figure | None:
    """The change a fraction in brackets follows ("giảm 2 người chết (41/43 người …"): its
    periods."""
    i = tx.order[id(frac)]
    c = tx.figures[i - 1] if i else None
    if c is None or c.change not in ("tăng", "giảm") or c.kind not in ("count", "money", "quantity"):
        return None
    if not _BRACKET_AFTER_CHANGE.fullmatch(tx.t, c.end, frac.start) or not tx.compatible(c, frac):
        return None
    return c


# a plan named in brackets after a rate of it: "(so với) nghị quyết đề ra (23.600 tỷ đồng"
_PLAN_IN_BRACKET = regex.compile(
    r"(?<![\p{L}])(?:kế\s+hoạch|dự\s+toán|nghị\s+quyết|chỉ\s+tiêu|mục\s+tiêu|KH)(?![\p{L}])"
    r"[^()\d]{0,30}\(\s*$",
    regex.I,
)


def _fractions_with_own_rates(tx: Text, num: Figure) -> bool:
    """The count's sentence lists two fractions or more, each with its own rate right after it."""
    s = tx.sentence(num.start)
    figs = tx.in_sentences(s, s, num.start)
    own = [
        f
        for f, p in zip(figs, figs[1:])
        if f.kind == "ratio" and f.denominator and p.kind == "percent" and _PAREN_RATE.search(_gap(tx, f, p))
    ]
    return len(own) >= 2


def _gap(tx: Text, a: Figure, b: Figure) -> str:
    """The words between two figures, when few (else "")."""
    gap = tx.t[a.end : b.start]
    return gap if len(gap) <= settings.QA_SHORT_GAP else ""


def _subset_of(tx: Text, whole: Figure, part: Figure, past_rates: bool = False) -> bool:
    """"1.963 yêu cầu …, trong đó có 980 trường hợp …", "tiếp nhận 6.776 hồ sơ, với
    2.521 hồ sơ trực tuyến": the first figure after the whole's marker."""
    if _PLAN_IN_BRACKET.search(tx.before(whole, 60)):
        return False  # "đạt 51,8% so với nghị quyết (23.600 tỷ); trong đó, …": a plan
    after = tx.figures[tx.order[id(whole)] + 1 : tx.order[id(part)] + 1]
    # past the whole's own rise ("18.622 trẻ, tăng 2.780 trẻ …, trong đó có 1456 trẻ")
    # and, `past_rates`, past its rate of plan ("41 đảng viên, đạt 82% chỉ tiêu. Trong đó, …")
    # (or any rate in the whole's own sentence: "10.945/11.619 hộ …, chiếm tỷ lệ 94,2%. Trong đó")
    own = tx.sentence(whole.start)
    plan = [
        past_rates
        and f.kind == "percent"
        and (_PLAN_RATE.match(tx.t, f.end) is not None or tx.sentence(f.start) == own)
        for f in after
    ]
    # and past its own estimate at a later date ("36.804 tỷ đồng, …, ước đến cuối tháng 9
    # đạt 37.200 tỷ")
    same = (whole.kind, whole.unit)
    later = [f.estimate and not whole.estimate and (f.kind, f.unit) == same for f in after]
    passed = [bool(f.change) or of_plan or est for f, of_plan, est in zip(after, plan, later)]
    nxt = [f for f, skip in zip(after, passed) if not (skip and f.end <= part.start)]
    if not nxt or nxt[0] is not part:
        return False
    return bool(MARKER.search(tx.t, whole.end, part.start) or _WITH.fullmatch(tx.t, whole.end, part.start))


# "28/63 tỉnh có tỷ lệ … trên 70%", "6/6 vùng … đều có giá trị trung bình … đạt
# trên 80%": each member's "28/63 tỉnh có tỷ lệ tiêm đạt trên 70%", "160/262 xã có cử tri đi
# bầu đạt tỷ lệ 100%": each member's rate
_MEMBERS_RATE = regex.compile(
    r"(?<![\p{L}])(?:có\s+t[ỷỉ]\s+lệ|đều\s+có"
    r"|có(?:\s+[\p{L}]+){1,4}\s+đạt(?:\s+t[ỷỉ]\s+lệ)?\s*$)(?![\p{L}])",
    regex.I,
)


# "2/85 khu vực … đạt tỷ lệ 100% cử tri": the rate of another count than the fraction's, each
# member's
_COUNT_NOUNS = "|".join(sorted(map(regex.escape, vocab.COUNT_NOUNS), key=len, reverse=True))
_NOUN_AFTER = regex.compile(rf"\s*(?:số\s+)?(?:{_COUNT_NOUNS})(?![\p{{L}}])", regex.I)


_LEVEL_UNIT = regex.compile(
    r"\s*(?:số\s+)?đơn\s+vị\s+(?:hành\s+chính\s+)?cấp\s+(?P<u>\p{L}+)", regex.I
)


def _members_rate(tx: Text, num: Figure, p: Figure) -> bool:
    """The rate after a fraction is each member's: said to be the members' ("28/63 tỉnh có tỷ lệ …"),
    or of a count another than the fraction's ("2/85 khu vực … đạt tỷ lệ 100% cử tri")."""
    if _MEMBERS_RATE.search(tx.t, num.end, p.start):
        return True
    after = " ".join(tx.t[p.end : p.end + 40].lower().split()).removeprefix("số ")
    own = bool(num.unit) and after.startswith(num.unit.lower().split()[0])  # "đạt 100% số khu vực"
    if p.value == 100 and num.denominator and num.value < num.denominator and not own and (
        _CLAUSE_BETWEEN.fullmatch(tx.t, num.end, p.start)
    ):
        return True  # "408/1.722 khu vực bỏ phiếu cử tri đi bầu đạt 100%": each of the 408
    m = _NOUN_AFTER.match(tx.t, p.end) if num.end < p.start else None
    if m is None or not num.unit:
        return False
    if (level := _LEVEL_UNIT.match(tx.t, p.end)) and num.unit.lower().startswith(level.group("u").lower()):
        return False  # "1.200/1.500 xã (đạt 80% đơn vị cấp xã)": the communes themselves
    named = " ".join(m.group(0).lower().split()).removeprefix("số ")
    unit = num.unit.lower()
    plan = named in {w.lower() for w in PLAN_NOUNS}
    return not (plan or unit.startswith(named) or named.startswith(unit))


# a clause of its own between a fraction and its rate: a noun and a verb phrase, four words or more
_CLAUSE_BETWEEN = regex.compile(
    r"\s*\p{L}+(?:\s+\p{L}+){3,}\s+(?:đạt|là)(?:\s+t[ỷỉ]\s+lệ)?\s*", regex.I
)


_WITH_EXTRACTED = "tỷ lệ và số liệu (trích xuất)"
# "nhóm giao thông tăng cao nhất với mức tăng là 7,22%": the words of a change, not of a share
_CHANGE_WORD = regex.compile(r"(?<![\p{L}])(?:mức\s+)?(?:tăng|giảm)(?![\p{L}])", regex.I)


def _plan_rate_of_another(tx: Text, frac: Figure, p: Figure) -> bool:
    """A rate of plan ("đạt 50,2% kế hoạch") with an amount between it and the fraction before it: the
    amount's rate against its plan, not the fraction's."""
    if frac.start > p.start or not COMPARISON_AFTER.match(tx.t, p.end):
        return False
    i, j = tx.order[id(frac)], tx.order[id(p)]
    return any(is_amount(f) and not f.change for f in tx.figures[i + 1 : j])


def _rates(tx: Text, sums: list[Relation]) -> Iterable[Relation]:
    by_index = {f.index: f for f in tx.figures}
    index = _sum_index(sums)
    for p in tx.figures:
        points = (p.unit or "").startswith("điểm")
        if p.kind != "percent" or p.prior_period or p.range is not None or points:
            continue
        if p.computed_from:
            num, den = (by_index.get(i) for i in p.computed_from)
            if num is not None and _members_rate(tx, num, p):
                # "28/63 tỉnh có tỷ lệ tiêm đạt trên 70%": each member's rate, not the fraction's
                num = None
            if num is not None and num is not den and num.change:
                num = None  # "tăng 400 hồ sơ (5%)": a rise over last period, read as a change below
            if num is not None and num is den and _change_before_fraction(tx, num) is not None:
                num = None  # "giảm 2 người chết (41/43 người, bằng 5%)": the fall, read below
            if num is not None and num is den and _plan_rate_of_another(tx, num, p):
                num = None  # "14/16 khoản …, tổng thu 1.070 tỷ, đạt 50% kế hoạch": the sum's
            if num is not None and den is not None:
                whole = num.denominator if num is den else den.value
                if whole:
                    conf = settings.QA_CONF_FRACTION if num is den else settings.QA_CONF_EXTRACTOR
                    yield Relation(
                        "ratio",
                        p,
                        (num,) if num is den else (num, den),
                        "tỷ lệ của phân số" if num is den else _WITH_EXTRACTED,
                        conf,
                        whole=whole,
                    )
        # "đạt 59% dự toán", "bằng 105,1%": against a figure not given; not "109 ý kiến … (bằng
        # 78%)", a share
        bang = COMPARISON_BEFORE.search(tx.before(p, 12)) and "(" not in tx.before(p, 12)
        comparison = bool(COMPARISON_AFTER.match(tx.t, p.end) or bang)
        lead = regex.split(r"[,;(]", tx.before(p, 60))[-1]
        if not p.change and _CHANGE_WORD.search(lead):
            # "nhóm giao thông tăng cao nhất với mức tăng là 7,22%": a change, not a share
            continue
        for num, nconf, nwhy in _numerators(tx, p):
            if num.kind in ("ratio", "score") and num.denominator:
                if p.change in ("tăng", "giảm") and FRACTION_OF_PERIODS.fullmatch(tx.t, p.end, num.start):
                    # "giảm 96,5% (6/173 DN)": this year's count over last year's, the fall between them
                    rule = "mức tăng/giảm của phân số (kỳ này/kỳ trước) ngay sau"
                    conf = settings.QA_CONF_MARKER
                    yield Relation("change", p, (num,), rule, conf, whole=num.denominator, over="growth")
                    continue
                change = _change_before_fraction(tx, num)
                if change is not None and tx.d(p.start) == tx.d(num.start):
                    # "giảm 2 người chết (41/43 người, bằng 5%)": the fall from last period's 43,
                    # in percent
                    stated = p.model_copy(update={"change": change.change})
                    rel = Relation(
                        "change", stated, (num,), FALL_IN_BRACKETS_RULE, settings.QA_CONF_MARKER,
                        whole=num.denominator, over="growth",
                    )
                    yield rel
                    continue
                if (
                    _share_of_something_else(tx, p, num)
                    or _members_rate(tx, num, p)
                    or p.change
                    or CHANGE_BEFORE.search(tx.before(p, 25))
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
            num_is_change = bool(num.change or CHANGE_BEFORE.search(tx.before(num, 25)))
            # "Diện tích lúa 3.960 ha, 1,0% (-40 ha) so cùng kỳ": the sign in brackets says the fall
            signed = num.value < 0 and num.start > p.start and tx.d(num.start) > tx.d(p.start)
            num_is_change = num_is_change or signed
            if p.change or num_is_change or CHANGE_BEFORE.search(tx.before(p, 25)):
                # "giảm 554 vụ (-4,2%)", "tăng 2,63% (1,32 tạ/ha)"; not "đạt 51,34 tỷ USD, giảm
                # 1,3%" (no amount)
                deeper = num.start > p.start and tx.d(num.start) > tx.d(p.start)
                if num_is_change or deeper or _EQUIVALENT.fullmatch(tx.t, p.end, num.start):
                    yield from _changes(tx, p, num)
                    if num.start < p.start and (listed := _listed_change_before(tx, num)) is not None:
                        # "tăng 10 vụ, 4 bị cáo …, tỷ lệ tăng 25%": of either change (the
                        # arithmetic says which)
                        yield from _changes(tx, p, listed)
                continue
            if "/" in (num.unit or "") or AVERAGE.search(tx.label(num)):
                continue  # a yield or an average is compared with another period, never a share of a count
            if comparison:
                # "đạt 59% dự toán", "bằng 105,1%": measured against a figure the text does not give,
                # unless it names it right after ("đạt 62,5% kế hoạch vốn giao 2.000 tỷ đồng")
                named = _named_whole_after(tx, p, num)
                if named is not None and named is not num and _EXCEEDS.search(tx.before(p, 15)):
                    # "đạt 5.350 tấn, vượt 7% kế hoạch (5.000 tấn)": how far past the plan
                    stated = p.model_copy(update={"change": "tăng"})
                    yield Relation(
                        "change", stated, (num, named), EXCEEDS_RULE, nconf * settings.QA_CONF_MARKER,
                        whole=named.value, over="growth",
                    )
                elif named is not None and named is not num:
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
            wholes = list(_hundred_percent_whole(tx, p, num))
            wholes += [w for w in _wholes(tx, p, num, index) if not any(w[0] is h for h, _, _ in wholes)]
            wholes = wholes or list(_far_wholes(tx, p, num))
            if _of_two_joined(tx, p, num, [w for w, _, _ in wholes]):
                continue
            for whole, wconf, wwhy in wholes:
                yield Relation("ratio", p, (num, whole), f"{nwhy}; {wwhy}", nconf * wconf, whole=whole.value)
                if whole.kind == "ratio" and whole.denominator and _rated_fraction(tx, whole, p):
                    # "109/196 trường …, chiếm tỉ lệ 56,1%; trong đó có 25 trường …,
                    # tỉ lệ 12,6%": a part's rate beside the fraction's own has its base
                    conf = max(nconf * wconf, settings.QA_ALARM)
                    rule = f"{nwhy}; mẫu số của phân số có tỷ lệ riêng nêu trước"
                    yield Relation("ratio", p, (num,), rule, conf, whole=whole.denominator, source=whole)


def _rated_fraction(tx: Text, frac: Figure, p: Figure) -> bool:
    """A fraction whose own rate follows it in its clause ("109/196 trường …, chiếm tỉ lệ
    56,1%"), and `p` the one other rate of the sentence (not a list of kinds each with a rate of
    its own: "276/586 trường, đạt 47,1% (trong đó 52 trường mầm non, đạt 29,4%; 146 …")."""
    i = tx.order[id(frac)]
    nxt = tx.figures[i + 1] if i + 1 < len(tx.figures) else None
    if nxt is None or nxt.kind != "percent" or nxt.change:
        return False
    s = tx.sentence(frac.start)
    rates = [g for g in tx.in_sentences(s, s, frac.start) if g.kind == "percent" and g.start > nxt.start]
    return rates == [p] and _FRACTION_RATE.fullmatch(tx.t, frac.end, nxt.start) is not None


_FRACTION_RATE = regex.compile(r"[^\d;.()]{0,60}?,\s*(?:chiếm|đạt)(?:\s+t[ỷỉ]\s+lệ)?\s*", regex.I)


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
    if not is_amount(a) or a.change or not tx.compatible(a, num):
        return False
    if not _JOINED.fullmatch(tx.t, a.end, num.start):
        return False
    both = num.model_copy(update={"value": a.value + num.value})
    return any(ratio_agrees(p, both, w.value, (a, num, w))[0] for w in wholes if w.value)


# Between a rate and the figure it is measured against: "đạt 62,5% | kế hoạch vốn giao | 2.000 tỷ
# đồng". "… kế hoạch vốn năm 2023 (2.000 tỷ đồng)": a year and a parenthesis may come between
_NAMED_WHOLE_GAP = regex.compile(
    r"[\p{L}\s]{1,60}?(?:\d{4}\s*)?(?:là|:|\()?\s*(?:(?:hơn|gần|khoảng|trên)\s+)?", regex.I
)
# "… kế hoạch Thủ tướng và HĐND thành phố giao (hơn 25.000 tỷ đồng)": the plan's
# amount in brackets
_WHOLE_IN_BRACKETS = regex.compile(r"\(\s*(?:(?:hơn|gần|khoảng|trên)\s+)?$", regex.I)


_PLAN_RATE = regex.compile(
    r"\s*\)?\s*(?:so\s+với\s+)?(?:kế\s+hoạch|KH|chỉ\s+tiêu|mục\s+tiêu|dự\s+toán)", regex.I
)


_PLAN_WORDS = regex.compile(
    r"(?<![\p{L}])(?:kế\s+hoạch|phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|dự\s+toán|được\s+giao"
    r"|được\s+(?:\p{L}+\s+){1,5}?giao\s+cho|KH)(?![\p{L}])",
    regex.I,
)


def _plans_before(tx: Text, p: Figure, num: Figure) -> list[Figure]:
    """"phấn đấu gieo trồng 45.000 ha trở lên. … đã gieo trồng được 43.000 ha, đạt
    95,5% kế hoạch": the plan a rate of plan is measured against, stated in the sentences before (same
    unit, a plan word)."""
    if not _PLAN_RATE.match(tx.t, p.end):
        return []
    s = tx.sentence(num.start)
    para = tx.paragraph(num.start)
    near = tx.sent[max(0, s - 2)]
    return [
        f
        for f in tx.span(tx.para[para], num.start, num.start)
        if is_amount(f)
        and not f.change
        and f.value
        and (f.unit or "").lower() == (num.unit or "").lower()
        and (
            (f.start >= near and _PLAN_WORDS.search(tx.label(f)))
            or (_part_of_a_plan(tx, f) and _same_subject(tx, f, num))
        )
    ]


_OPENS_OF_WHICH = regex.compile(rf"\s*(?:{OF_WHICH})\s*[,:]", regex.I)


def _part_of_a_plan(tx: Text, f: Figure) -> bool:
    """"tổng kế hoạch vốn … là 6.546 tỷ đồng. Trong đó, vốn do địa phương quản lý
    5.786 tỷ đồng; …": a part of a plan is a plan too."""
    s = tx.sentence(f.start)
    if not s or not _OPENS_OF_WHICH.match(tx.t, tx.sent[s]):
        return False
    head = tx.in_sentences(s - 1, s - 1, f.start)
    return bool(head) and _PLAN_WORDS.search(tx.t[tx.sent[s - 1] : head[-1].start]) is not None


def _same_subject(tx: Text, plan: Figure, num: Figure) -> bool:
    """The plan's words and the words before the amount share a phrase ("vốn trung ương đầu tư trên
    địa bàn … 759 tỷ" and "Nguồn vốn trung ương đầu tư trên địa bàn … đạt 125
    tỷ")."""
    start = max(tx.sent[tx.sentence(num.start)], num.start - settings.QA_PLAN_SUBJECT_REACH)
    return len(_bigrams(tx.label(plan)) & _bigrams(tx.t[start : num.start])) >= 2


def _bigrams(words: str) -> set[tuple[str, str]]:
    w = regex.findall(r"\p{L}+", words.lower())
    return set(zip(w, w[1:]))


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
        if not (is_amount(w) and MARK_BEFORE.search(tx.before(w, 60))):
            continue
        m = figs[i + 1]
        has = _HAS.search(tx.before(m, 20))
        if not (has and is_amount(m) and m.value < w.value and tx.compatible(m, w)):
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
        if p.kind != "percent" or p.change or not is_amount(plan) or not plan.value:
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
                if is_amount(f) and not f.change and tx.d(f.start) == 0 and f.unit == plan.unit
            ),
            None,
        )
        if subject is not None:
            rule = (
                "số liệu chính của câu trên kế hoạch nêu trong ngoặc ngay trước tỷ lệ"
            )
            yield Relation("ratio", p, (subject, plan), rule, settings.QA_CONF_CHANGE, whole=plan.value)


# "Tỷ lệ tiêu chí áp dụng so với 83 tiêu chí: 99%": a rate against a whole named just before it
_AGAINST_BEFORE = regex.compile(r"so\s+với\s+(?:tổng\s+(?:số\s+)?)?$", regex.I)
_AGAINST_GAP = regex.compile(r"[^\d;.\n]{0,30}?[:\s]\s*", regex.I)
AGAINST_RULE = (
    "tỷ lệ 'so với N …' trên N, của số cùng loại nêu trước (chỉ để xác nhận)"
)


def _rates_against_named_wholes(tx: Text) -> Iterable[Relation]:
    """"1. Tổng số các tiêu chí được áp dụng đánh giá: 82/83 tiêu chí ¶ 2. Tỷ lệ tiêu
    chí áp dụng so với 83 tiêu chí: 99%": the rate of a like count stated before (a fraction's
    numerator when its denominator is that whole), over the whole the rate names. Which count
    the words only suggest, so it only confirms."""
    figs = tx.figures
    for w, p in zip(figs, figs[1:]):
        if p.kind != "percent" or p.change or not is_amount(w) or not w.value:
            continue
        if not (_AGAINST_GAP.fullmatch(tx.t, w.end, p.start) and _AGAINST_BEFORE.search(tx.before(w, 30))):
            continue
        para = tx.paragraph(w.start)
        for f in tx.in_paragraphs(para - 2, para, w.start):
            if f.start >= w.start or f.change or not tx.compatible(f, w):
                continue
            fraction = f.kind == "ratio" and f.denominator == w.value
            if fraction or (is_amount(f) and f.value < w.value):
                yield Relation("ratio", p, (f, w), AGAINST_RULE, settings.QA_CONF_ARITHMETIC, whole=w.value)


# "49 phiếu (chiếm 84,48% tổng số đại biểu HĐND tỉnh)": the total a share names by its noun
_OF_TOTAL = regex.compile(
    r"\s*(?:(?P<against>so\s+với\s+)?tổng\s+số|(?P<counted>so\s+với\s+số))"
    r"\s+(?P<n>\p{L}+(?:\s+\p{L}+){0,3})",
    regex.I,
)
_SHARE_GAP = regex.compile(
    r"[^\d.;()]{0,25}[(,]?\s*(?:chiếm|bằng|đạt)(?:\s+t[ỷỉ]\s+(?:lệ|trọng))?\s*", regex.I
)
# Further when the share says "so với": "35 đảng viên mới là học sinh, sinh viên,
# chiếm tỷ lệ 1,75% so với tổng số …"
_WIDE_SHARE_GAP = regex.compile(
    r"[^\d.;()]{0,60}[(,]?\s*(?:chiếm|bằng|đạt)(?:\s+t[ỷỉ]\s+(?:lệ|trọng))?\s*", regex.I
)
NAMED_TOTAL_RULE = "'chiếm … tổng số <danh từ>': trên tổng số ấy nêu ở trước"


def _names_another_total(tx: Text, p: Figure, whole: Figure) -> bool:
    """The share names the total it is of by a noun the whole does not count."""
    m = _OF_TOTAL.match(tx.t, p.end)
    if m is None and whole.kind == "count":  # "(trang trại) chiếm 51,82% tổng đàn lợn": a herd
        m = _OF_TOTAL_BARE.match(tx.t, p.end)
    unit = (whole.unit or "").lower().split()
    if m is None:
        return False
    other = not unit or m.group("n").lower().split()[: len(unit)] != unit
    return other or _share_of_named_total(tx, p, whole)


_NAMED_AFTER_SHARE = regex.compile(
    r"\s*(?:so\s+với\s+)?(?:tổng\s+)?(?:số\s+)?(?P<n>\p{L}+(?:\s+\p{L}+){0,4})", regex.I
)


def _of_a_subgroup(tx: Text, p: Figure, w: Figure) -> bool:
    """The share names its total as a subgroup of what `w` counts, and `w` is not said to be of
    it ("400 hộ, chiếm 40% tổng số hộ dân tộc thiểu số" is not of "5.000 hộ dân cư")."""
    m = _NAMED_AFTER_SHARE.match(tx.t, p.end)
    unit = (w.unit or "").lower().split()
    if m is None or not unit:
        return False
    named = m.group("n").lower().split()
    if named[: len(unit)] != unit:
        return False
    rest = " ".join(named[len(unit) :]) + " "
    sub = next((q for q in SUBGROUPS if rest.startswith(q + " ")), None)
    if sub is None:
        return False
    return sub not in " ".join(tx.label(w).lower().split())


def _share_of_named_total(tx: Text, p: Figure, f: Figure) -> bool:
    """"448 đại biểu tham gia (bằng 94,71% tổng số đại biểu Quốc hội); trong đó 437 …
    (bằng 92,39% tổng số đại biểu Quốc hội)": `f` is itself a share of the total `p` names,
    so no whole of `p`."""
    m = _OF_TOTAL.match(tx.t, p.end)
    own = own_share(tx, f) if m is not None else None
    named = _OF_TOTAL.match(tx.t, own.end) if own is not None and own is not p else None
    return named is not None and named.group("n").lower().split() == m.group("n").lower().split()


_OF_TOTAL_BARE = regex.compile(
    r"\s*(?:so\s+với\s+)?tổng\s+(?!số(?![\p{L}]))(?P<n>\p{L}+(?:\s+\p{L}+){0,3})", regex.I
)


def _rates_of_a_named_total(tx: Text, sums: list[Relation]) -> Iterable[Relation]:
    """"Số phiếu tín nhiệm cao: 49 phiếu (chiếm 84,48% tổng số đại biểu)": the amount
    right before a share, over the last total of the noun the share names ("53/58 đại biểu": 58, the
    fraction's denominator; "Trong số 53 đại biểu": 53), counted before it in the text, even of
    another noun than the amount's (one ballot per delegate).  A count of the same thing in the rate's
    paragraph may alarm; another noun, or a total further back, only confirms."""
    figs = tx.figures
    parts = {f.index for r in sums if r.check == "sum" for f in r.operands if f is not r.stated}
    shares = {
        num.index
        for num, p in zip(figs, figs[1:])
        if p.kind == "percent"
        and (m := _OF_TOTAL.match(tx.t, p.end))
        and (_WIDE_SHARE_GAP if m.group("against", "counted") != (None, None) else _SHARE_GAP).fullmatch(
            tx.t, num.end, p.start
        )
    }
    for num, p in zip(figs, figs[1:]):
        if num.index not in shares or p.change or num.change or num.kind not in ("count", "number"):
            continue
        m = _OF_TOTAL.match(tx.t, p.end)
        named = m.group("n").lower().split()
        # "so với tổng số hộ dân cư …": a total named in full, not any count of "hộ"
        # ("so với số hộ đã đăng ký": the count of those, said before in those words)
        against = m.group("against") is not None or m.group("counted") is not None
        para = tx.paragraph(p.start)
        first = para - settings.QA_FAR_WHOLE_PARAGRAPHS
        for w in reversed(tx.in_paragraphs(first, para, num.start)):
            unit = (w.unit or "").lower().split()
            # "tổng số hội viên toàn tỉnh 206.391/255.086 người"
            called = _called_total_of(tx, w, named)
            # "đào tạo 41.464/41.000 người … chiếm 60% so với tổng số đã đào tạo":
            # what was done
            done = _done_as_named(tx, w, named)
            called = called or done
            # "trong 1383 đảng viên … so với tổng số đảng viên được kết nạp"
            full = " ".join(tx.after(w, 60).lower().split()).startswith(" ".join(named))
            said = _said_in_words(tx, w, named)
            full = full or said
            partly = against and unit != named and not full
            counts_it = bool(unit) and named[: len(unit)] == unit and not partly
            if w.start >= num.start or w.change or not (called or counts_it):
                continue
            if w.index in shares or w.index in parts or _share_of_named_total(tx, p, w):
                # a part, a sibling share ("209,5 vụ việc chiếm 92% tổng số …"), or a share of it
                continue
            if _of_a_subgroup(tx, p, w):
                continue  # "chiếm 46% tổng số hộ dân tộc thiểu số": not of every household
            if w.kind not in ("count", "ratio") or not w.value or w.value < num.value:
                continue  # "Trong số 53 đại biểu, có 01 đại biểu vắng mặt": not the total
            # a count of another noun ("49 phiếu" of "đại biểu"), or far back: confirms only
            near = (tx.paragraph(w.start) == para or said) and tx.compatible(num, w)
            conf = settings.QA_CONF_MARKER if near else settings.QA_CONF_FAR_WHOLE
            if w.kind == "count":
                yield Relation("ratio", p, (num, w), NAMED_TOTAL_RULE, conf, whole=w.value)
                break
            # a fraction: the total its denominator says ("53/58 đại biểu": 58), or its numerator
            # when the words call that the total ("tổng số hội viên … 206.391/255.086 người")
            totals = (w.value,) if done else (w.value, w.denominator) if called else (w.denominator,)
            for total in totals:
                # shown with the check: the reviewer finds the total in the fraction
                yield Relation("ratio", p, (num,), NAMED_TOTAL_RULE, conf, whole=total, source=w)
            break


_FILLER = frozenset({"đã", "được", "các", "những", "của", "là"})


def _said_in_words(tx: Text, w: Figure, named: list[str]) -> bool:
    """The count said in the words its rate names again ("2.000 hộ đăng ký thực hiện" for "so với
    số hộ đã đăng ký"): two words or more of them, all among the first words after the count."""
    words = [x for x in named if x not in _FILLER]
    after = " ".join(tx.after(w, 60).lower().split()).split()[: len(named) + 3]
    return len(words) >= 2 and all(x in after for x in words)


ALIKE_TOTAL_RULE = (
    "các tỷ lệ cùng nêu 'chiếm … tổng số <như nhau>': "
    "trên tổng một tỷ lệ trong số đó tái tạo"
)
_TOTAL_PHRASE_END = regex.compile(r"[,;.()\n]")


def _total_phrase(tx: Text, p: Figure) -> str:
    """The words naming the total a share is of, to the end of its clause ("tổng số vốn đăng ký
    của cả tỉnh")."""
    m = _OF_TOTAL.match(tx.t, p.end)
    if m is None or m.group("against") or m.group("counted"):
        return ""
    end = _TOTAL_PHRASE_END.search(tx.t, m.start("n"), m.start("n") + 80)
    return " ".join(tx.t[m.start("n") : end.start() if end else m.start("n") + 80].lower().split())


def _shares_of_a_total_named_alike(tx: Text) -> Iterable[Relation]:
    """"Huyện A … 450 tỷ đồng, chiếm 37,5% tổng số vốn đăng ký của cả
    tỉnh. … huyện B với 150 tỷ đồng, chiếm 12,5% tổng số vốn đăng ký của cả
    tỉnh. ¶ … toàn tỉnh … 1.200 tỷ đồng vốn đăng ký": shares that name their
    total in the same words are of one total, printed before or after them.  When exactly one amount
    reproduces a share printed with decimals, every share of the group is read over it (one a reader
    would vouch for: it may alarm)."""
    groups: dict[str, list[tuple[Figure, Figure]]] = {}
    for num, p in zip(tx.figures, tx.figures[1:]):
        if p.kind != "percent" or p.change or num.change or not is_amount(num) or not num.value:
            continue
        if _SHARE_GAP.fullmatch(tx.t, num.end, p.start) and (phrase := _total_phrase(tx, p)):
            groups.setdefault(phrase, []).append((num, p))
    for members in groups.values():
        if not 2 <= len(members) <= settings.QA_ALIKE_SHARES_MAX:
            continue  # (a table flattened into prose is no list of shares: bounded, so linear)
        top = max(num.value for num, _ in members)
        nums = {num.index for num, _ in members}
        first, last = tx.paragraph(members[0][0].start), tx.paragraph(members[-1][1].start)
        reach = settings.QA_FAR_WHOLE_PARAGRAPHS
        found = [
            w
            for w in tx.in_paragraphs(first - reach, last + reach, members[0][0].start)
            if is_amount(w) and not w.change and w.index not in nums and w.value > top
            and all(tx.compatible(num, w) for num, _ in members)
            and any(unit_of(p) < 1 and ratio_agrees(p, num, w.value, (num, w))[0] for num, p in members)
        ]
        if len({w.value for w in found}) != 1:
            continue  # none, or two totals: which one the words do not say
        w = found[0]
        for num, p in members:
            yield Relation("ratio", p, (num, w), ALIKE_TOTAL_RULE, settings.QA_CONF_MARKER, whole=w.value)


EXCEEDS_RULE = "vượt X% so với kế hoạch nêu ngay sau: (số đạt − kế hoạch)/kế hoạch"
_EXCEEDS = regex.compile(r"(?<![\p{L}])vượt(?:\s+(?:hơn|trên|gần|khoảng))?\s*$", regex.I)


_CHANGES_JOINED = regex.compile(r"[^\d;.()]{0,15}?(?:,|\svà)\s*", regex.I)


def _listed_change_before(tx: Text, change: Figure) -> Figure | None:
    """The change listed right before another of the same direction ("tăng 13 vụ, 6 bị cáo")."""
    i = tx.order[id(change)]
    prev = tx.figures[i - 1] if i else None
    if prev is None or prev.change != change.change or not is_amount(prev):
        return None
    return prev if _CHANGES_JOINED.fullmatch(tx.t, prev.end, change.start) else None


def _done_as_named(tx: Text, w: Figure, named: list[str]) -> bool:
    """A total named by what was done ("tổng số đã đào tạo"): the amount whose own clause says it
    was done ("đã tổ chức đào tạo nghề cho … 41.464/41.000 người": what was done, of a
    plan)."""
    if len(named) < 2 or named[0] != "đã":
        return False
    return " ".join(named[1:3]) in " ".join(tx.before(w, 80).lower().split())


def _called_total_of(tx: Text, w: Figure, named: list[str]) -> bool:
    """The words right before `w` call it the total of the named noun ("nâng tổng số hội viên toàn
    tỉnh 206.391/255.086 người": the members are the numerator, of those who may join)."""
    m = _TOTAL_CALLED.search(tx.before(w, 100))
    return m is not None and m.group("n").lower().split()[: len(named)] == named[: len(m.group("n").split())]


# (past a grade and a school year: "tổng số học sinh … lớp 9 năm học 2020-2021 … là")
_BETWEEN_CALLED = r"(?:[^\d,;.()]|\d{4}(?:\s*-\s*\d{4})?|(?<!\d)\d{1,2}(?![\d.,]))"
_TOTAL_CALLED = regex.compile(
    r"tổng\s+số\s+(?P<n>\p{L}+(?:\s+\p{L}+)?)"
    rf"(?:[^\d,;.()]{{0,25}}$|{_BETWEEN_CALLED}{{0,70}}\s(?:là|có)\s*$)",
    regex.I,
)


def _named_whole_after(tx: Text, p: Figure, num: Figure) -> Figure | None:
    """The amount a comparison rate names right after its words, in the numerator's unit."""
    i = tx.order[id(p)]
    if i + 1 >= len(tx.figures):
        return None
    w = tx.figures[i + 1]
    if not is_amount(w) or w.change or not w.value or not tx.compatible(w, num):
        return None
    same = (num.unit or "").lower() == (w.unit or "").lower()
    if not same and not (num.kind == w.kind == "count" and unit_key(num.unit) == unit_key(w.unit)):
        return None  # "45.000 liều vắc xin, đạt 90% kế hoạch (50.000 liều)": counted the same
    gap = tx.t[p.end : w.start]
    if _ANOTHER_ITEM.search(gap) and not _WHOLE_IN_BRACKETS.search(gap):
        return None  # "đạt 60% dự toán giao và chi ngân sách xã là 51,097 tỷ": the next item
    return w if _NAMED_WHOLE_GAP.fullmatch(gap) and not MARKER.search(gap) else None


_ANOTHER_ITEM = regex.compile(r"(?<![\p{L}])và(?![\p{L}])", regex.I)


# "tăng 7,7% tương đương 1,6 triệu đồng": the rate, then the change it is
_EQUIVALENT = regex.compile(
    r"\s*,?\s*(?:tương\s+đương|tức\s+là|tức|ứng\s+với)(?:\s+(?:với|là))?\s*", regex.I
)


def _changes(tx: Text, p: Figure, change: Figure) -> Iterable[Relation]:
    """ "giảm 554 vụ (-4,2%)": a change over last period's value, which is this period's ± the change."""
    levels = _levels_of(tx, p, change)
    parallel = _parallel_level(tx, change) or _restated_level(tx, change, p)
    # the rate is this change over this period's level: a slip some reports make, which names the level
    # (not when last period's value is printed: "8.400 hộ so với cùng kỳ (8.000 hộ); tăng 400 (5%)")
    hedged = {change.qualifier, p.qualifier} & set(settings.QA_HEDGES)
    slips = not hedged and not any(printed for _, _, printed in levels)
    for f, prior, printed in levels:
        how = " (nêu trong bài)" if printed else " (= hiện tại ∓ thay đổi)"
        rule = "mức thay đổi trên số kỳ trước" + how
        conf, note = settings.QA_CONF_CHANGE, ""
        if printed is None and (_bound_to_its_level(tx, f, change, p) or parallel is f):
            # "1.784,2 ha, giảm 2,9% (-49,9 ha)": nothing else it can be; "xảy ra 294 vụ, làm
            # chết 182 người … giảm 10 vụ (3,4%), 12 người chết (6,6%)": item by item
            conf = settings.QA_ALARM
        if slips and f.value and ratio_agrees(p, _unsigned(change), f.value, (f,))[0]:
            # "xảy ra 294 vụ …, giảm 10 vụ (3,4%)": 10/294; the change is over last period's
            # (10/304 = 3,3%)
            note, conf = CURRENT_BASE_NOTE, settings.QA_ALARM
        yield Relation("change", p, (change, printed or f), rule, conf, whole=prior, note=note)


_FALL_WORDS = regex.compile(r"giảm|thấp\s+hơn|ít\s+hơn", regex.I)
_SIGN_BEFORE = regex.compile(r"-\s*$")


def _falls(tx: Text, p: Figure, change: Figure) -> bool:
    """Whether the change is a fall: its own direction or sign first ("tương đương tăng 1,1 triệu
    con": a rise, whatever dash the words before hold), then fall words before it or a minus sign
    right before either number."""
    direction = change.change or p.change
    if change.value < 0 or direction == "giảm":
        return True
    if direction:
        return False
    return bool(
        _FALL_WORDS.search(tx.before(change, 25) + tx.before(p, 10))
        or _SIGN_BEFORE.search(tx.before(change, 5))
        or _SIGN_BEFORE.search(tx.before(p, 5))
    )


def _levels_of(tx: Text, p: Figure, change: Figure) -> list[tuple[Figure, Decimal, Figure | None]]:
    """(this period's level, last period's value = level ∓ change, that value when printed) for each
    like amount before the change in its paragraph or the one before, or restating it later."""
    down = _falls(tx, p, change)
    moved = abs(change.value)  # "giảm 2,9% (-49,9 ha)": the sign said twice, the fall is 49,9
    para = tx.paragraph(change.start)
    restating = _restating(tx, change, p)
    out = []
    for f in tx.in_paragraphs(para - 1, para, change.start) + restating:
        if (
            (f.start >= min(change.start, p.start) and not any(f is r for r in restating))
            or f.change
            or not is_amount(f)
            or not tx.compatible(f, change)
            or f is change
        ):
            continue
        if f.start < change.start and (
            para - tx.paragraph(f.start) > 1 or tx.sentence(change.start) - tx.sentence(f.start) > 3
        ):
            continue
        prior = f.value + moved if down else f.value - moved
        if prior > 0:
            # last period's value printed too ("59.177 người so với cùng kỳ (55.317 người); tăng
            # 3.860 (7%)")
            near = tx.in_paragraphs(para - 1, para, f.start)
            same = (g for g in near if g.value == prior and g is not f and not g.change)
            out.append((f, prior, next((g for g in same if tx.compatible(g, change)), None)))
    return out


def _parallel_level(tx: Text, change: Figure) -> Figure | None:
    """The level a change is of when a sentence lists the levels and the next lists their
    changes in the same order ("xảy ra 294 vụ, làm chết 182 người, bị thương 210 người. So
    với cùng kỳ giảm 10 vụ (3,4%), 12 người chết (6,6%), 8 người bị thương (3,8%)")."""
    s = tx.sentence(change.start)
    amounts = [g for g in tx.in_sentences(s, s, change.start) if is_amount(g)]
    if (same := _levels_then_their_changes(tx, amounts, change)) is not None:
        return same
    if s == 0:
        return None
    changes = [g for g in amounts if g.change]
    levels = [g for g in tx.in_sentences(s - 1, s - 1, change.start) if is_amount(g)]
    if len(changes) < 2 or len(changes) != len(amounts) or len(levels) != len(changes):
        return None  # each sentence one list: the levels, then their changes and nothing else
    if any(g.change for g in levels) or tx.paragraph(levels[0].start) != tx.paragraph(change.start):
        return None
    if not all(tx.compatible(a, b) and a.unit == b.unit for a, b in zip(levels, changes)):
        return None
    return levels[next(i for i, g in enumerate(changes) if g is change)]


PER_HUNDRED_RULE = "tỷ số trên 100: hai số đếm 'a/b' nêu trước, a/b × 100"
_PER_HUNDRED = regex.compile(r"/\s*100(?!\d)")


def _per_hundred(tx: Text) -> Iterable[Relation]:
    """"có 6.109 trẻ trai/5.365 trẻ gái được sinh ra. Theo đó, tỷ số GTKS là 113,5 trẻ
    trai/100 trẻ gái": a ratio per hundred over the two counts of the pair printed before it (this
    sentence or the one before)."""
    for i, f in enumerate(tx.figures):
        if f.change or f.prior_period or not _PER_HUNDRED.search(f.unit or ""):
            continue
        s = tx.sentence(f.start)
        before = [g for g in tx.in_sentences(s - 1, s, f.start) if g.start < f.start]
        pairs = [
            (a, b)
            for a, b in zip(before, before[1:])
            if a.kind == b.kind == "count" and "/" in tx.t[a.end : b.start] and b.value
        ]
        if not pairs:
            continue
        a, b = pairs[-1]
        between = tx.figures[tx.order[id(b)] + 1 : i]
        if any(_PER_HUNDRED.search(g.unit or "") for g in between):
            continue  # "… 113,5 trẻ trai/100 trẻ gái (năm 2019 là 115,0 …)": the first after it
        yield Relation("ratio", f, (a, b), PER_HUNDRED_RULE, settings.QA_CONF_MARKER, whole=b.value)


def _levels_then_their_changes(tx: Text, amounts: list[Figure], change: Figure) -> Figure | None:
    """"khởi tố mới 4.197 vụ án, … 6.280 bị can, giảm 761 vụ (15,4%), 567 bị can (8,3%)":
    one sentence lists the levels, then their changes in the same order."""
    k = next((i for i, g in enumerate(amounts) if g.change), len(amounts))
    levels, changes = amounts[:k], amounts[k:]
    if len(levels) < 2 or len(levels) != len(changes) or not all(g.change for g in changes):
        return None
    if not all(tx.compatible(a, b) and unit_key(a.unit) == unit_key(b.unit) for a, b in zip(levels, changes)):
        return None
    return next((a for a, b in zip(levels, changes) if b is change), None)


def _restated_level(tx: Text, change: Figure, p: Figure) -> Figure | None:
    """The level a change is of when a later sentence restates the changes after their
    levels, in the same order ("… giảm 154 vụ (28,79%), giảm 73 người chết (23,2%) … ¶ …
    xảy ra 381 vụ, làm chết 230 người, …, giảm 154 vụ, giảm 73 người chết")."""
    again = {tx.sentence(g.start) for g in _restating(tx, change, p)}
    for s in sorted(again):
        amounts = [g for g in tx.in_sentences(s, s, change.start) if is_amount(g)]
        k = next((i for i, g in enumerate(amounts) if g.change), len(amounts))
        levels, changes = amounts[:k], amounts[k:]
        if len(levels) < 2 or len(levels) != len(changes) or not all(g.change for g in changes):
            continue  # the levels, then as many changes, and nothing else
        if not all(tx.compatible(a, b) for a, b in zip(levels, changes)):
            continue
        same = [i for i, g in enumerate(changes) if g.value == change.value and tx.compatible(g, change)]
        if len(same) == 1:
            return levels[same[0]]
    return None


CURRENT_BASE_NOTE = (
    "khớp nếu chia cho số kỳ này — mức thay đổi phải tính trên số kỳ trước"
)


def _unsigned(f: Figure) -> Figure:
    return f if f.value >= 0 else f.model_copy(update={"value": -f.value})
# The rate and the amount of one change, the second in brackets right after the first
# (not after "so với …": "tăng 34% so với cùng kỳ (535 người)" names last period's value)
_PAIRED_CHANGE = regex.compile(
    r"(?:(?!so\s)[^\d;.()]){0,30}\(\s*(?:giảm|tăng)?\s*|" + _BASE_THEN_CHANGE, regex.I
)
# Between a level and its change: a comma, the direction, maybe "so với cùng kỳ"
_LEVEL_TO_CHANGE = regex.compile(r"[^\d;.()]{0,40}")


# Between a change and its rate named as such: "…, tỷ lệ tăng đạt", "…, tốc độ giảm là"
_RATE_OF_THE_CHANGE = regex.compile(
    r"(?:\s+so\s+(?:với\s+)?[^\d;.()]{0,30})?\s*,\s*(?:với\s+)?"
    r"(?:t[ỷỉ]\s+lệ|tốc\s+độ)\s+(?:tăng|giảm)(?:\s+(?:đạt|là|bằng))?\s*",
    regex.I,
)


def _bound_to_its_level(tx: Text, level: Figure, change: Figure, p: Figure) -> bool:
    """"179 vụ, giảm 92 vụ (35%)", "1.784,2 ha, giảm 2,9% (-49,9 ha)": the level, then the change as a
    rate and an amount, the second in brackets, one figure right after the other: the rate is of this
    level's change, sure enough to alarm."""
    first, second = (change, p) if change.start < p.start else (p, change)
    i = tx.order[id(first)]
    if i == 0 or i + 1 >= len(tx.figures) or tx.figures[i + 1] is not second:
        return False
    after_level = level.end
    share = tx.figures[i - 1]
    if share is not level and i >= 2 and tx.figures[i - 2] is level and _share_of(tx, level, share):
        after_level = share.end  # "16.000 ha, chiếm 80% giảm 2,4% (-400 ha)": past the level's share
    elif share is not level:
        return False
    paired = _PAIRED_CHANGE.fullmatch(tx.t, first.end, second.start) or (
        first is p and _CHANGE_EQUIVALENT.fullmatch(tx.t, first.end, second.start)
    ) or (  # "…, giảm 3,56% so cùng kỳ, tương đương giảm 1.864 con"
        first is change and _RATE_OF_THE_CHANGE.fullmatch(tx.t, first.end, second.start)
    )  # "tăng 331 tỷ 273 triệu đồng so với đầu năm, tỷ lệ tăng đạt 9,9%"
    if paired and _LEVEL_TO_CHANGE.fullmatch(tx.t, after_level, first.start):
        return True
    # "240 đảng viên (giảm 60 đảng viên, 20%)": the change and its rate in one bracket after
    # the level
    return bool(
        first is change
        and _BRACKET_OPENS_CHANGE.fullmatch(tx.t, level.end, first.start)
        and _RATE_IN_ITS_BRACKET.fullmatch(tx.t, first.end, second.start)
        and _CLOSES.match(tx.t, second.end)
    )


def _share_of(tx: Text, level: Figure, share: Figure) -> bool:
    if share.kind != "percent" or share.change:
        return False
    return _SHARE_GAP.fullmatch(tx.t, level.end, share.start) is not None


_BRACKET_OPENS_CHANGE = regex.compile(r"[^\d;.()]{0,40}\(\s*(?:giảm|tăng)[^\d;.()]{0,12}", regex.I)
_RATE_IN_ITS_BRACKET = regex.compile(
    r"[^\d;.(),]{0,30},\s*(?:(?:tương\s+(?:ứng|đương)|bằng)\s+)?(?:giảm|tăng)?\s*", regex.I
)
_CLOSES = regex.compile(r"\s*\)")


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
    r"\s*(?:(?:so\s+(?:với\s+)?|với\s+)(?:cùng\s+kỳ|năm|quý|tháng|kỳ)[^\d;().,]{0,30}?"
    r"(?:(?:\d{1,2}[./-])?\d{4}[^\d;().,]{0,12}?)?"
    r"(?:\(\s*(?:cùng\s+kỳ(?:\s+năm\s+trước)?\s*:?\s*)?|\s(?:là|đạt)\s+)"
    r"|\(\s*cùng\s+kỳ(?:\s+năm\s+trước)?\s*(?::|là|đạt)?\s*"
    # "giảm 93,2% (3 tháng đầu năm 2021, diện tích rừng bị cháy là 115,1 ha)"
    # ("tăng 0,2% so với cùng kỳ (9 tháng năm 2023 thực hiện 30.138,1 tỷ đồng)")
    r"|(?:so\s+(?:với\s+)?cùng\s+kỳ\s*)?"
    r"\(\s*(?:\d{1,2}\s+tháng\s+(?:đầu\s+)?(?:năm\s+)?|(?:năm|tháng|quý)\s+(?:\d{1,2}[./-])?)\d{4}"
    r"[^\d;()]{0,60}?\s(?:là|đạt|thực\s+hiện|ước\s+(?:đạt|thực\s+hiện))\s+)",
    regex.I,
)


PRIOR_BEFORE_RULE = (
    "mức tăng/giảm của số kỳ này so với số kỳ trước nêu trong ngoặc trước đó"
)
PRIOR_SAID_BEFORE_RULE = (
    "mức tăng/giảm của số kỳ này so với số kỳ trước nêu ngay trước đó"
)
# (or with no bracket: "20.000 lượt khách, so với cùng kỳ 16.000 lượt, tăng 25%")
_PRIOR_BETWEEN = regex.compile(
    r"[^\d;().]{0,20}?,?\s*so\s+(?:với\s+)?(?:cùng\s+kỳ|năm|quý|tháng|kỳ)[^\d;().,]{0,30}?"
    r"(?:(?:\d{1,2}[./-])?\d{4}[^\d;().,]{0,12}?)?(?:\(\s*(?:cùng\s+kỳ\s*:?\s*)?)?",
    regex.I,
)
_THEN_RATE = regex.compile(
    r"[^\d;().,]{0,12}?(?P<close>\)\s*)?,?\s*(?:thì\s+)?(?:tăng|giảm)"
    r"(?:\s+(?:hơn|gần|khoảng|trên))?\s*",
    regex.I,
)


def _growth_against_prior(tx: Text) -> Iterable[Relation]:
    """A rise or fall in percent with last period's value printed after it: this period's amount against it.
    "Thu ngân sách đạt 1.200 tỷ đồng, tăng 20% so với cùng kỳ năm trước (1.000 tỷ
    đồng)": 1.200/1.000 − 1."""
    figs = tx.figures
    for num, prior, p in zip(figs, figs[1:], figs[2:]):
        # "3.000 ca, so với cùng kỳ năm 2021 (1.200 ca) tăng 150%": last period's value before the rate
        if p.kind == "percent" and p.change in ("tăng", "giảm") and is_amount(num) and is_amount(prior):
            compared = _PRIOR_BETWEEN.fullmatch(tx.t, num.end, prior.start)
            then = _THEN_RATE.fullmatch(tx.t, prior.end, p.start) if compared and not prior.change else None
            # a bracket opened before last period's value closes after it
            closed = then is not None and bool(then.group("close")) == ("(" in compared.group())
            if closed and tx.compatible(num, prior):
                rule = PRIOR_BEFORE_RULE if then.group("close") else PRIOR_SAID_BEFORE_RULE
                conf = settings.QA_CONF_MARKER
                yield Relation("change", p, (num, prior), rule, conf, whole=prior.value, over="growth")
    for p, prior in zip(figs, figs[1:]):
        changed = p.change in ("tăng", "giảm")
        # "1.688,88 ha, …, bằng 94,35% so cùng kỳ (cùng kỳ 1.790,09 ha)": this period over the last
        level = not p.change and _EQUALS_BEFORE.search(tx.before(p, 12))
        if level and p.kind == "percent":
            yield from _level_beside_its_change(tx, p, prior)
        if p.kind != "percent" or not (changed or level) or not is_amount(prior) or prior.change:
            continue
        if not prior.value or not _PRIOR_AFTER.fullmatch(tx.t[p.end : prior.start]):
            continue
        near = [(n, settings.QA_CONF_MARKER) for n, _, _ in _numerators(tx, p)]
        # the sentence's subject further back: only a confirmation
        subject = [(n, settings.QA_CONF_CHANGE) for n in _subject_before(tx, p, prior)]
        for num, conf in near + subject:
            if num is prior or num.change or not is_amount(num):
                continue  # last period's value is not this period's too
            if (num.unit or "").lower() != (prior.unit or "").lower() and not tx.compatible(num, prior):
                continue  # another thing ("trường hợp" and "hồ sơ" count one thing)
            if level:
                rule = "số kỳ này bằng X% số kỳ trước nêu ngay sau"
                yield Relation("ratio", p, (num, prior), rule, conf, whole=prior.value)
                break
            if p.change == "giảm" and prior.value < num.value:
                # "451.967 tấn, giảm 8,22% so cùng kỳ (40.477 tấn)": less than what is left, the
                # bracket is the fall itself, not last period's value
                whole = num.value + prior.value
                yield Relation("change", p, (prior, num), AMOUNT_AFTER_RULE, conf, whole=whole)
                break
            rule = "mức tăng/giảm của số kỳ này so với số kỳ trước nêu ngay sau"
            yield Relation("change", p, (num, prior), rule, conf, whole=prior.value, over="growth")
            break


AMOUNT_AFTER_RULE = "mức giảm nêu ngay sau, trên số kỳ trước (= hiện tại + mức giảm)"
LEVEL_CHANGE_RULE = "số kỳ này bằng X% số kỳ trước (hiện tại ∓ thay đổi trong ngoặc)"
# "bằng 99,6% (giảm 629 ha) so với năm trước", "bằng 67,71% so với cùng kỳ - giảm 36.565"
_BRACKET_CHANGE = regex.compile(
    r"\s*(?:so\s+(?:với\s+)?(?:cùng\s+kỳ|năm\s+trước)\s*)?[-–(,]\s*\(?\s*"
    r"(?:tương\s+ứng\s+|tương\s+đương\s+)?(?:giảm|tăng)?\s*",
    regex.I,
)


def _level_beside_its_change(tx: Text, p: Figure, change: Figure) -> Iterable[Relation]:
    """"đạt 158.555 ha, bằng 99,6% (giảm 629 ha) so với năm trước": this period's amount over
    last period's, which is the amount plus the fall (minus the rise) in brackets."""
    if change.change not in ("tăng", "giảm") or not is_amount(change):
        return
    if not _BRACKET_CHANGE.fullmatch(tx.t, p.end, change.start):
        return
    for num, _, _ in _numerators(tx, p):
        if num.change or not is_amount(num) or num.kind != change.kind or not tx.compatible(num, change):
            continue
        whole = num.value + change.value if change.change == "giảm" else num.value - change.value
        if whole > 0:
            yield Relation("ratio", p, (num, change), LEVEL_CHANGE_RULE, settings.QA_CONF_MARKER, whole=whole)
        return
_EQUALS_BEFORE = regex.compile(r"(?<![\p{L}])bằng\s*$", regex.I)

# "… giảm 1,88% so với cuối tháng 12 năm 2018": the period a change is against
_AGAINST_PERIOD = regex.compile(
    r"\s*so\s+(?:với\s+)?(?P<when>[^,;.()\d]{0,30}(?:\d[^,;.()]{0,30})?)", regex.I
)
_PERIOD_TOKEN = regex.compile(r"(?:tháng|quý|năm)\s+\d{1,4}", regex.I)
EARLIER_LEVEL_RULE = (
    "mức tăng/giảm so với số của cùng chỉ tiêu ở kỳ so sánh, nêu ở câu trước"
)


def _period_tokens(text: str) -> set[str]:
    return {" ".join(m.group(0).lower().split()) for m in _PERIOD_TOKEN.finditer(text)}


def _growth_against_earlier_level(tx: Text) -> Iterable[Relation]:
    """ "Đến ngày 31 tháng 12 năm 2018, tổng vốn huy động … 12.092 tỷ đồng. … Dự
    báo đến ngày 31 tháng 01 năm 2019, tổng vốn huy động … 11.850 tỷ đồng, giảm
    1,88% so với cuối tháng 12 năm 2018": the same indicator, named by the same
    words, printed sentences before at the period the change is against: this level
    over that one."""
    for p in tx.figures:
        if p.kind != "percent" or p.change not in ("tăng", "giảm"):
            continue
        m = _AGAINST_PERIOD.match(tx.t, p.end)
        when = _period_tokens(m.group("when")) if m else set()
        if not when:
            continue
        num = next((n for n, _, _ in _numerators(tx, p) if is_amount(n) and not n.change), None)
        if num is None:
            continue
        words = set(_item_words(tx, num))
        here, para = tx.sentence(num.start), tx.paragraph(num.start)
        for g in reversed(tx.in_paragraphs(para - 1, para, num.start)):
            s = tx.sentence(g.start)
            if g.start >= num.start or s == here or here - s > settings.QA_EARLIER_LEVEL_SENTENCES:
                continue
            if not is_amount(g) or g.change or not g.value or (g.unit or "") != (num.unit or ""):
                continue
            said = tx.t[tx.sent[s] : g.start]
            if len(words & _item_words(tx, g)) >= 2 and when <= _period_tokens(said):
                conf = settings.QA_CONF_IDENTITY
                yield Relation("change", p, (num, g), EARLIER_LEVEL_RULE, conf, whole=g.value, over="growth")
                break


def _subject_before(tx: Text, p: Figure, prior: Figure) -> list[Figure]:
    """The last amount before a rate in its sentence that counts what last period's value counts (the
    sentence's subject, however long the noun phrase between)."""
    lo = max(tx.sent[tx.sentence(p.start)], p.start - settings.QA_SUBJECT_REACH)
    before = [f for f in tx.span(lo, p.start, p.start) if tx.d(f.start) <= tx.d(p.start)]  # not "(1.600 ha)"
    return [f for f in before if is_amount(f) and not f.change and tx.compatible(f, prior)][-1:]


_ASIDE = regex.compile(r"\s*\([^()]*\)")


_FRACTION_GAP = regex.compile(
    r"\s*[\p{L}\s,]{0,40}?(?:/|\s(?:trên|trong)\s+(?:tổng\s+)?(?:số\s+)?)\s*", regex.I
)


_STRUCTURE_WORDS = regex.compile(
    r"(?<![\p{L}])(?:cơ\s+cấu|tỷ\s+trọng|tỉ\s+trọng|chiếm)(?![\p{L}])", regex.I
)


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
# (". Với tỷ trọng chiếm 25% tổng thu …": so does a sentence opening with its share)
_SUBJECTLESS_RATE = regex.compile(
    r"[^\d.;]{0,12}\.\s*"
    r"(?:Đạt(?:\s+t[ỷỉ]\s+lệ)?|Với\s+t[ỷỉ]\s+(?:trọng|lệ)(?:\s+chiếm)?)"
    r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*",
    regex.I,
)


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
        if not (is_amount(a) and is_amount(b) and p.kind == "percent") or not tx.compatible(a, b):
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
            and RATE_BEFORE.search(regex.split(r",", gap)[-1] or "(")
        ):
            # "13.084 vụ/14.856 vụ án các loại, đã giải quyết đạt tỷ lệ hơn 88%": a
            # clause between, it confirms; "622 vụ, việc trong tổng số 698 vụ, việc các loại
            # án thụ lý, đạt tỷ lệ 89,5%": only a noun phrase between, as sure as a fraction next
            # to its rate
            sure = len(gap) < 30 or _RATE_ONLY.fullmatch(regex.split(r",", gap)[-1])
            conf = settings.QA_CONF_FRACTION if sure else settings.QA_CONF_UNMARKED
            rule = "phân số 'a/b' và tỷ lệ của nó"
            yield Relation("ratio", p, (a, b), rule, conf, whole=b.value)
    yield from _rates_before_fractions(tx)


# "191 đồng chí để bầu lấy 163 đồng chí (với tỷ lệ số dư 17,17%)": a surplus
_SURPLUS_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:tỷ|tỉ)\s+lệ\s+(?:số\s+)?dư(?:\s+là)?\s*:?\s*$", regex.I
)
SURPLUS_RULE = (
    "tỷ lệ số dư: (số người ứng cử − số được bầu) / số được bầu"
)


def _surplus_rates(tx: Text) -> Iterable[Relation]:
    """"giới thiệu ứng cử là 191 đồng chí để bầu lấy 163 đồng chí (với
    tỷ lệ số dư 17,17%)": the candidates beyond the seats, over the seats — the two like
    counts before the rate in its sentence, the larger first."""
    for p in tx.figures:
        if p.kind != "percent" or p.change or not _SURPLUS_BEFORE.search(tx.before(p, 40)):
            continue
        s = tx.sentence(p.start)
        before = [f for f in tx.in_sentences(s, s, p.start) if f.start < p.start]
        counts = [f for f in before if is_amount(f) and not f.change][-2:]
        if len(counts) == 2 and counts[0].value > counts[1].value > 0 and tx.compatible(*counts):
            seats = counts[1].value
            rule, conf = SURPLUS_RULE, settings.QA_CONF_MARKER
            yield Relation("change", p, tuple(counts), rule, conf, whole=seats, over="growth")


EXCESS_RULE = "đạt X% kế hoạch, vượt N: số đạt trên kế hoạch (= số đạt − N)"
_ACHIEVED_RATE = regex.compile(
    r"[^\d;.()]{0,30}?,?\s*(?:đạt|bằng)\s*(?:(?:khoảng|gần|hơn|trên)\s+)?", regex.I
)
_THEN_EXCESS = regex.compile(
    r"\s*,?\s*(?:tức\s+là\s+|tức\s+)?vượt\s*(?:(?:hơn|trên|gần|khoảng)\s+)?", regex.I
)


def _rates_with_their_excess(tx: Text) -> Iterable[Relation]:
    """"thu ngân sách đạt 2.400 tỷ đồng, đạt 120%, vượt 400 tỷ đồng so với dự
    toán": a rate of a plan the text does not print but gives as the amount less what passed it."""
    figs = tx.figures
    for num, p, excess in zip(figs, figs[1:], figs[2:]):
        if p.kind != "percent" or p.change or num.change:
            continue
        if not (is_amount(num) and is_amount(excess)):
            continue
        if not _ACHIEVED_RATE.fullmatch(tx.t, num.end, p.start):
            continue
        if not _THEN_EXCESS.fullmatch(tx.t, p.end, excess.start):
            continue
        same = (num.unit or "").lower() == (excess.unit or "").lower() and num.kind == excess.kind
        if same and 0 < excess.value < num.value:
            plan = num.value - excess.value
            yield Relation("ratio", p, (num, excess), EXCESS_RULE, settings.QA_CONF_MARKER, whole=plan)


NAMED_AMOUNT_RULE = "'bằng X% <tên>': trên số nêu trước với đúng tên ấy"
_NAMED_AFTER_RATE = regex.compile(r"[ \t]+(?P<n>\p{Ll}+(?:[ \t]+\p{Ll}+){1,3})")
_SHARE_VERB_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:bằng|chiếm)(?:\s+t[ỷỉ]\s+(?:lệ|trọng))?\s*$", regex.I
)
_NOT_A_NAME = frozenset("so với kế chỉ dự cùng năm tổng mục tháng quý kỳ".split())
_CLAUSE = regex.compile(r"[;:.]|,(?!\d)")


def _rates_of_named_amounts(tx: Text) -> Iterable[Relation]:
    """"doanh số thu nợ đạt 30.000 tỷ đồng, tăng 3.000 tỷ đồng … và bằng 75% doanh số
    cho vay": the amount of the rate's clause (past its own change) over the amount said before
    under the name the rate gives."""
    for i, p in enumerate(tx.figures):
        if p.kind != "percent" or p.change or p.prior_period:
            continue
        m = _NAMED_AFTER_RATE.match(tx.t, p.end)
        words = m.group("n").lower().split() if m else []
        if not words or words[0] in _NOT_A_NAME or not _SHARE_VERB_BEFORE.search(tx.before(p, 20)):
            continue
        num = _amount_past_its_changes(tx, i)
        if num is None or tx.sentence(num.start) != tx.sentence(p.start):
            continue
        para = tx.paragraph(num.start)
        for w in reversed(tx.in_paragraphs(para - settings.QA_FAR_WHOLE_PARAGRAPHS, para, num.start)):
            if w.start < num.start and _named_as(tx, w, num, " ".join(words)):
                conf = settings.QA_CONF_MARKER
                yield Relation("ratio", p, (num, w), NAMED_AMOUNT_RULE, conf, whole=w.value)
                break


def _amount_past_its_changes(tx: Text, i: int) -> Figure | None:
    """The amount before figure `i`, past at most QA_RATE_SUBJECT_CHANGES changes of its own."""
    k = i - 1
    while k >= 0 and tx.figures[k].change and i - k <= settings.QA_RATE_SUBJECT_CHANGES:
        k -= 1
    num = tx.figures[k] if k >= 0 else None
    return num if num is not None and not num.change and is_amount(num) else None


def _named_as(tx: Text, w: Figure, num: Figure, name: str) -> bool:
    """`w` is an amount like `num` whose own clause, before it, says `name`."""
    if w.change or not is_amount(w) or (w.unit, w.kind) != (num.unit, num.kind):
        return False
    return name in " ".join(_CLAUSE.split(tx.t[max(0, w.start - 80) : w.start])[-1].lower().split())


HEADLINE_RULE = (
    "tỷ lệ nêu riêng (tiêu đề) và phân số cùng loại trong bài (chỉ để xác nhận)"
)


def _headline_rates(tx: Text) -> Iterable[Relation]:
    """"Trên 99% hộ gia đình trên địa bàn Vĩnh Cửu đạt chuẩn văn hóa" (a headline, no
    count beside it) … "đã có 29.828/30.059 hộ gia đình đạt chuẩn văn hóa": a rate said
    alone is the rate of a fraction of the same noun elsewhere in the text. Only a confirmation: the nearest
    such fractions are tried, none of them is vouched for."""
    fractions = [f for f in tx.figures if f.kind == "ratio" and f.denominator and not f.change]
    if not fractions:
        return
    starts = [f.start for f in fractions]
    for p in tx.figures:
        if p.kind != "percent" or p.change or p.prior_period:
            continue
        para = tx.paragraph(p.start)
        if any(is_amount(f) or f.kind == "ratio" for f in tx.in_paragraphs(para, para, p.start)):
            continue  # a count beside it: the paragraph's own rules read it
        noun = " ".join(tx.after(p, 40).split()[:2]).lower()
        if len(noun) < 3:
            continue
        k = bisect.bisect_left(starts, p.start)
        near = fractions[max(0, k - settings.QA_ARITH_NEIGHBOURS) : k + settings.QA_ARITH_NEIGHBOURS]
        for f in near:
            if noun in " ".join(tx.label(f).lower().split()):
                conf = settings.QA_CONF_FAR_WHOLE
                yield Relation("ratio", p, (f,), HEADLINE_RULE, conf, whole=f.denominator)


def _rates_before_fractions(tx: Text) -> Iterable[Relation]:
    """"đạt tỷ lệ 60%, tương đương 4.322 vụ, việc/7.276 vụ": a rate and then the two amounts
    it is of."""
    figs = tx.figures
    for p, a, b in zip(figs, figs[1:], figs[2:]):
        if p.kind != "percent" or p.change or not (is_amount(a) and is_amount(b)) or not b.value:
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
        if len(amounts) != 2 or not all(is_amount(f) and not f.change for f in amounts):
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
        if not is_amount(num) or num.change or (num.unit or "").lower() != (lo.unit or "").lower():
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
            if is_amount(w) and w.value > c_hi.value and tx.compatible(c_hi, w):
                rule = "khoảng tỷ lệ nói lại bằng khoảng số lượng, trên tổng sau đó"
                yield Relation("ratio", p_lo, (c_lo, w), rule, settings.QA_CONF_CHANGE)
                yield Relation("ratio", p_hi, (c_hi, w), rule, settings.QA_CONF_CHANGE)
                break


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
        # ("không còn xã nào dưới 5 tiêu chí": a threshold, not an amount)
        nums = [f for f in nums if f.qualifier not in _BOUNDS]
        for n, d in itertools.product(nums, dens):
            factor = _MASS_IN.get((n.unit or "").lower(), Decimal(1)) / _MASS_IN.get(top, Decimal(1))
            if d.value and n is not d:
                conf = settings.QA_CONF_IDENTITY if len(nums) == len(dens) == 1 else settings.QA_CONF_CHANGE
                if not _near_in_size(n.value * factor / d.value, x.value):
                    conf = settings.QA_CONF_CHANGE  # far off: another pair than the one the average divides
                yield Relation(
                    "per_unit",
                    x,
                    (n, d),
                    f"{x.unit or top + '/' + bottom} = {n.unit} / {d.unit}",
                    conf,
                    whole=d.value / factor,
                )


_BOUNDS = ("dưới", "từ")


def _near_in_size(computed: Decimal, stated: Decimal) -> bool:
    """Within a factor of QA_PER_UNIT_SPAN of each other: a misprint, not a quotient of other amounts."""
    span = Decimal(settings.QA_PER_UNIT_SPAN)
    return stated > 0 and stated / span <= computed <= stated * span


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


# "đạt 70% về việc và 33,3% về tiền": a rate of cases and one of money, side by side
_BY_MEASURE = regex.compile(
    r"\s*(?:về|tính\s+theo)\s+(?:số\s+)?(?P<m>việc|tiền)(?![\p{L}])", regex.I
)
_ELIGIBLE = regex.compile(r"có\s+điều\s+kiện", regex.I)
_TO_HANDLE = regex.compile(
    r"phải\s+(?:thi\s+hành|giải\s+quyết|thu)|tổng\s+số|thụ\s+lý", regex.I
)
MEASURE_RULE = (
    "tỷ lệ 'về việc'/'về tiền': số xong trên số có điều kiện (hoặc phải) "
    "thi hành cùng loại"
)


def _of_measure(f: Figure, measure: str) -> bool:
    if measure == "tiền":
        return f.kind == "money" and not f.change
    return f.kind == "count" and (f.unit or "").lower().startswith("việc") and not f.change


def _rates_by_measure(tx: Text) -> Iterable[Relation]:
    """"… có điều kiện … 1.020 việc, tương ứng 61,2 tỷ. … thi hành xong 714 việc,
    với số tiền 20,4 tỷ đồng, đạt 70% về việc và 33,3% về tiền": each rate over the
    figures of its measure, the one done over the one that could be (sure enough to
    alarm), or the one to do (a confirmation)."""
    for p in tx.figures:
        if p.kind != "percent" or p.change or not (m := _BY_MEASURE.match(tx.t, p.end)):
            continue
        measure = m.group("m").lower()
        para, here = tx.paragraph(p.start), tx.sentence(p.start)
        before = [f for f in tx.in_paragraphs(para - 1, para, p.start) if f.start < p.start]
        nums = [f for f in before if tx.sentence(f.start) == here and _of_measure(f, measure)]
        if not nums:
            continue
        num = nums[-1]
        for w in before:
            if w.start >= num.start or not _of_measure(w, measure) or w.value <= num.value:
                continue
            label = tx.t[max(0, w.start - 60) : w.start]
            if _ELIGIBLE.search(label):
                yield Relation("ratio", p, (num, w), MEASURE_RULE, settings.QA_CONF_MARKER)
            elif _TO_HANDLE.search(label):
                yield Relation("ratio", p, (num, w), MEASURE_RULE, settings.QA_CONF_CHANGE)


# "đạt 75,0% kế hoạch năm" … paragraphs later: "… phấn đấu … Trong đó, khách quốc tế
# đạt 5.600 lượt, khách nội địa 55.000 lượt": the plan named after the rates, item by item
_OF_PLAN = regex.compile(
    r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|KH|chỉ\s+tiêu|mục\s+tiêu)(?![\p{L}])", regex.I
)
_PLAN_TALK = regex.compile(r"kế\s+hoạch|chỉ\s+tiêu|phấn\s+đấu|mục\s+tiêu", regex.I)
_PLAN_FILLER = frozenset(
    "đạt là được trên hơn khoảng gần đón phấn đấu chỉ tiêu kế hoạch mục tiêu"
    " trong đó năm số lượt có và với tổng".split()
)
PLAN_AFTER_RULE = "tỷ lệ kế hoạch: kế hoạch của cùng mục nêu ở đoạn sau"


def _item_words(tx: Text, f: Figure) -> set[str]:
    """The words naming a figure in its own clause, less the words of any plan or count."""
    # (an item ends at "và" too: "…; 18.000 người tham gia A và 350.000 người tham gia B")
    clause = regex.split(r"[,.;:()]|\svà\s", tx.t[max(0, f.start - 60) : f.start])[-1]
    return {w for w in clause.lower().split() if w.isalpha() and w not in _PLAN_FILLER}


def _like_measure(tx: Text, a: Figure, b: Figure) -> bool:
    """Like figures, or counts whose units open with the same word ("lượt", "lượt khách")."""
    units = ((a.unit or "").lower().split()[:1], (b.unit or "").lower().split()[:1])
    return tx.compatible(a, b) or (a.kind == b.kind and units[0] == units[1])


def _plans_after(tx: Text) -> Iterable[Relation]:
    """A rate of plan with no plan near it, over the plan of the same item named in the paragraphs
    after it, in sentences about the plan ("phấn đấu", "chỉ tiêu"): the item named by the same words
    ("khách quốc tế"), sure enough to alarm."""
    for p in tx.figures:
        if p.kind != "percent" or p.change or not _OF_PLAN.match(tx.t, p.end):
            continue
        i, here = tx.order[id(p)], tx.sentence(p.start)
        num = next(
            (f for f in reversed(tx.figures[max(0, i - 4) : i]) if is_amount(f) and not f.change), None
        )
        if num is None or tx.sentence(num.start) != here or not (mine := set(tx.label(num).lower().split())):
            continue
        para = tx.paragraph(p.start)
        for plan in tx.in_paragraphs(para + 1, para + 3, near=p.end):
            if not is_amount(plan) or plan.change or plan.value <= 0 or plan.kind != num.kind:
                continue
            s = tx.sentence(plan.start)
            # (about the plan after the rate's own sentence, which names one too)
            talk = _PLAN_TALK.search(tx.t, tx.sent[max(s - 1, here + 1)], plan.start)
            words = _item_words(tx, plan)
            if talk and len(words) >= 2 and words <= mine and _like_measure(tx, plan, num):
                yield Relation("ratio", p, (num, plan), PLAN_AFTER_RULE, settings.QA_CONF_IDENTITY)


# "Tỷ lệ ca nặng trên tổng số ca mắc SXH đến tuần 40 là 2,2%": the rate names its numerator
# and whole
_NAMED_TERMS = regex.compile(
    r"t[ỷỉ]\s+lệ\s+(?P<a>(?:\p{L}+\s+){0,5}?\p{L}+)\s+(?:trên|so\s+với)\s+"
    r"(?:tổng\s+)?(?:số\s+)?"
    r"(?P<b>(?:\p{L}+\s+){0,5}\p{L}+)[^;.]{0,40}?(?:là|đạt|:)\s*$",
    regex.I,
)
_PLAIN_WORDS = frozenset(
    "số tổng các những của trong năm tháng tuần đến từ ca trường hợp người".split()
)
NAMED_TERMS_RULE = "'tỷ lệ A trên tổng số B': A và B nêu trước, gọi bằng các từ ấy"


def _rates_naming_their_terms(tx: Text) -> Iterable[Relation]:
    """"… ghi nhận 62.085 trường hợp mắc bệnh SXH … số ca sốt xuất huyết nặng là
    1.360 ca. Tỷ lệ ca nặng trên tổng số ca mắc SXH … là 2,2%": the amounts before the
    rate in its paragraph whose own words share the most of A's and of B's (other than plain
    words); two shared each may alarm."""
    for p in tx.figures:
        m = _NAMED_TERMS.search(tx.before(p, 120)) if p.kind == "percent" and not p.change else None
        if m is None:
            continue
        para = tx.paragraph(p.start)
        earlier = [f for f in tx.in_paragraphs(para, para, p.start) if f.start < p.start and is_amount(f)]
        num, n_shared = _most_named(tx, earlier, m.group("a"))
        den, d_shared = _most_named(tx, earlier, m.group("b"))
        if num is None or den is None or num is den or not den.value or den.value <= num.value:
            continue
        sure = min(n_shared, d_shared) >= 2
        conf = settings.QA_CONF_MARKER if sure else settings.QA_CONF_TAGGED
        yield Relation("ratio", p, (num, den), NAMED_TERMS_RULE, conf)


def _most_named(tx: Text, figures: list[Figure], name: str) -> tuple[Figure | None, int]:
    """The figure whose label shares most words with `name` (plain words aside), the last on a tie."""
    wanted = {w for w in name.lower().split() if w not in _PLAIN_WORDS}
    best: tuple[Figure | None, int] = (None, 0)
    for f in figures:
        shared = len(wanted & set(tx.label(f).lower().split()))
        if shared and shared >= best[1]:
            best = (f, shared)
    return best


_ACHIEVED_OF_PLAN = regex.compile(r"\s*\(\s*(?:đạt|bằng)\s*")
_PLANNED_RATE = regex.compile(
    r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)[^\d();]{0,60}", regex.I
)
PLANNED_RATE_RULE = "tỷ lệ đạt được trên tỷ lệ kế hoạch nêu ngay sau"


def _rates_of_planned_rates(tx: Text) -> Iterable[Relation]:
    """"tỷ lệ giảm hộ nghèo là 4,46% (đạt 111,5% kế hoạch đề ra là giảm ít nhất
    4%/năm)": a rate achieved over the rate planned, both printed: 4,46/4."""
    figs = tx.figures
    for x, p, plan in zip(figs, figs[1:], figs[2:]):
        if not (x.kind == p.kind == plan.kind == "percent") or not plan.value or x.change:
            continue
        achieved = _ACHIEVED_OF_PLAN.fullmatch(tx.t, x.end, p.start)
        if achieved and _PLANNED_RATE.fullmatch(tx.t, p.end, plan.start):
            # "ít nhất 4%" is the target's own wording, not an approximate 4
            target = plan.model_copy(update={"qualifier": None})
            yield Relation("ratio", p, (x, target), PLANNED_RATE_RULE, settings.QA_CONF_MARKER)


IDENTITY_WHOLE_RULE = (
    "đã giải quyết / (mới nhận + kỳ trước chuyển sang): "
    "tổng phải giải quyết không ghi ra"
)


def _rates_over_identity_wholes(tx: Text) -> Iterable[Relation]:
    """"thụ lý mới 624 vụ việc + 89 vụ việc tháng trước chuyển sang; đã giải quyết
    260 vụ việc, đạt 36,5%": what was resolved over what there was to handle, a whole left
    unprinted that the new and the carried-over counts before it make.  The whole is inferred, so it
    only confirms."""
    figs = tx.figures
    for k, p in enumerate(figs):
        if p.kind != "percent" or p.change or p.prior_period or k == 0:
            continue
        num = figs[k - 1]
        s = tx.sentence(p.start)
        if not is_amount(num) or tx.sentence(num.start) != s or "resolved" not in roles_of(tx.label(num)):
            continue
        before = [f for f in tx.in_sentences(s - 1, s, num.start) if f.start < num.start and is_amount(f)]
        new = [f for f in before if "received_new" in roles_of(tx.label(f)) and tx.compatible(f, num)]
        old = [f for f in before if "carried_over" in roles_of(tx.label(f)) and tx.compatible(f, num)]
        if len(new) != 1 or len(old) != 1:
            continue
        whole = new[0].value + old[0].value
        if whole < num.value or any(tx.compatible(f, num) and f.value == whole for f in before):
            continue  # (a printed whole is read by the other rules)
        yield Relation("ratio", p, (num,), IDENTITY_WHOLE_RULE, settings.QA_CONF_CHANGE, whole=whole)


# "Tỷ lệ hồ sơ xử lý đúng hạn đạt 99,5%." in a sentence of its own, the counts in the
# sentences before
_ROLE_RATE_OPENS = regex.compile(
    r"\s*(?:[-–•+]\s*)?T[ỷỉ]\s+lệ(?P<n>[^\d;.()]{3,80}?)(?:đạt|là|:)?\s*"
    r"(?:khoảng|gần|hơn|trên)?\s*",
    regex.I,
)
# the count a rate named by a role is of: on time of what was due or resolved, resolved of what came in
_RATE_BASES = {
    "on_time": ("due", "resolved"),
    "late": ("due", "resolved"),
    "ahead": ("due", "resolved"),
    "resolved": ("received", "total"),
    "pending": ("received", "total"),
}
ROLE_RATE_RULE = (
    "'Tỷ lệ <vai trò> đạt X%' trong câu riêng: số <vai trò> ấy nêu trước, "
    "trên số gốc của nó"
)
_CLAUSE_EDGE = regex.compile(r"[,;.:\n]")


def _own_clause(tx: Text, f: Figure) -> str:
    """The words of the clause a figure sits in (not its neighbour's, as its label may hold)."""
    lo = tx.sent[tx.sentence(f.start)]
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(tx.t, max(lo, f.start - 100), f.start)]
    hi = _CLAUSE_EDGE.search(tx.t, f.end, f.end + 100)
    return tx.t[edges[-1] if edges else max(lo, f.start - 100) : hi.start() if hi else f.end + 100]


def _rates_named_by_role(tx: Text) -> Iterable[Relation]:
    """"… đã giải quyết 2.000 hồ sơ. Số hồ sơ giải quyết đúng và trước hạn là
    1.990 hồ sơ. … Tỷ lệ hồ sơ xử lý đúng hạn đạt 99,5%.": a rate in a sentence of
    its own, named by one role, is of the last count of that role in the sentences before, over the
    count its role is a share of."""
    for p in tx.figures:
        if p.kind != "percent" or p.change or p.prior_period:
            continue
        s = tx.sentence(p.start)
        m = _ROLE_RATE_OPENS.fullmatch(tx.t, tx.sent[s], p.start)
        named = roles_of(m.group("n")) & set(_RATE_BASES) if m else set()
        if len(named) != 1:
            continue
        role = named.pop()
        earlier = [
            f for f in tx.in_sentences(s - settings.QA_EARLIER_LEVEL_SENTENCES, s - 1, p.start)
            if is_amount(f) and not f.change and tx.paragraph(f.start) == tx.paragraph(p.start)
        ]
        nums = [f for f in earlier if role in roles_of(_own_clause(tx, f))]
        if not nums:
            continue
        num = nums[-1]
        for base_role in _RATE_BASES[role]:
            bases = [
                f for f in earlier
                if f.start < num.start and f.value >= num.value and tx.compatible(f, num)
                and base_role in roles_of(_own_clause(tx, f))
            ]
            if bases and bases[-1].value:
                conf = settings.QA_CONF_MARKER
                yield Relation("ratio", p, (num, bases[-1]), ROLE_RATE_RULE, conf, whole=bases[-1].value)
                break


def rate_relations(tx: Text, sums: list[Relation]) -> list[Relation]:
    """Every scored rate relation of the prose; `sums` (from `sums.sum_relations`) tell a part's siblings
    (never its whole) and the breakdowns whose shares make a structure."""
    rates = [*_rates(tx, sums), *_slash_fractions(tx), *_range_targets(tx), *_rates_before_counts(tx)]
    rates += [*_range_pairs(tx), *_rates_of_subsets(tx)]
    rates += [*_structure_shares(tx, sums), *_growth_against_prior(tx), *_rates_of_plans_before(tx)]
    rates += [*_per_hundred(tx), *_rates_with_their_excess(tx), *_rates_of_named_amounts(tx)]
    rates += [*_rates_against_named_wholes(tx), *_headline_rates(tx), *_surplus_rates(tx)]
    rates += [*_rates_of_a_named_total(tx, sums), *_rates_by_measure(tx), *_plans_after(tx)]
    rates += [*_rates_of_planned_rates(tx), *_rates_naming_their_terms(tx)]
    rates += [*_growth_against_earlier_level(tx), *_rates_over_identity_wholes(tx)]
    rates += [*_shares_of_a_total_named_alike(tx), *_rates_named_by_role(tx)]
    rates += [*_fractions_named_by_their_share(tx), *_changes_over_both_periods(tx)]
    rates += [*_rates_against_a_bracketed_whole(tx)]
    return rates


def per_unit_relations(tx: Text) -> list[Relation]:
    """Averages and yields stated per unit ("năng suất 55 tạ/ha"), over the amounts they divide."""
    return list(_per_unit(tx))


FRACTION_NAMED_AFTER_RULE = "phân số, rồi 'chiếm … tổng số <danh từ ấy>' trong câu"


def _fractions_named_by_their_share(tx: Text) -> Iterable[Relation]:
    """"có 111/664 đơn vị cấp huyện … (tăng 1 đơn vị …) đã được công nhận …,
    chiếm khoảng 16,4% tổng số đơn vị cấp huyện": a share that names the total of what a
    fraction earlier in its sentence counts is that fraction's rate, however much stands between."""
    for p in tx.figures:
        if p.kind != "percent" or p.change or p.prior_period or p.range is not None:
            continue
        m = _OF_TOTAL.match(tx.t, p.end)
        if m is None or not regex.search(r"chiếm(?:\s+\p{L}+){0,2}\s*$", tx.before(p, 25), regex.I):
            continue
        named = m.group("n").lower().split()
        s = tx.sentence(p.start)
        for f in reversed(tx.in_sentences(s, s, p.start)):
            unit = (f.unit or "").lower().split()
            if f.kind != "ratio" or not f.denominator or f.change or not unit:
                continue
            if named[: len(unit)] == unit and tx.d(f.start) == tx.d(p.start):
                conf = settings.QA_CONF_MARKER
                yield Relation("ratio", p, (f,), FRACTION_NAMED_AFTER_RULE, conf, whole=f.denominator)
            break  # the nearest fraction of the sentence only


BOTH_PERIODS_RULE = "mức tăng/giảm, rồi (số kỳ này / số kỳ trước) trong ngoặc ngay sau"
_TO_PERIODS_BRACKET = regex.compile(r"\s*(?:so\s+với[^()\d;.]{0,30})?\(\s*", regex.I)


def _changes_over_both_periods(tx: Text) -> Iterable[Relation]:
    """"số vụ cháy tăng 13,5% (31.828 vụ giai đoạn 2013-2022/28.050 vụ giai đoạn trước)":
    this period's and last period's values side by side in the bracket after the change, split by "/"."""
    figs = tx.figures
    for p, a, b in zip(figs, figs[1:], figs[2:]):
        if p.kind != "percent" or p.change not in ("tăng", "giảm") or p.prior_period:
            continue
        if not _TO_PERIODS_BRACKET.fullmatch(tx.t, p.end, a.start):
            continue
        depth = tx.d(p.start) + 1
        gap = tx.t[a.end : b.start]
        if tx.d(a.start) != depth or tx.d(b.start) != depth or ")" in gap or "/" not in gap:
            continue
        if not (is_amount(a) and is_amount(b)) or a.kind != b.kind or not b.value or not tx.compatible(a, b):
            continue
        conf = settings.QA_CONF_MARKER
        yield Relation("change", p, (a, b), BOTH_PERIODS_RULE, conf, whole=b.value, over="growth")


WHOLE_IN_BRACKETS_AFTER_RULE = "tỷ lệ 'so với <danh từ> (N)': số chính nêu trước trên N"
# "đạt 13,57% so với lực lượng lao động (436.210)": the whole, printed in brackets after the rate
_AGAINST_BRACKETED = regex.compile(r"\s*so\s+với\s+[^()\d;.]{3,60}?\(\s*$", regex.I)


def _rates_against_a_bracketed_whole(tx: Text) -> Iterable[Relation]:
    """"… số người tham gia BHXH … là 59.177 người … Tỷ lệ bao phủ đạt 13,57% so với
    lực lượng lao động (436.210)": the main amount said before the rate (not a change, a plan or an
    aside in brackets), over the whole the rate names in brackets. Which amount the words only
    suggest: it only confirms."""
    figs = tx.figures
    for p, w in zip(figs, figs[1:]):
        if p.kind != "percent" or p.change or p.prior_period or not is_amount(w) or not w.value:
            continue
        if not _AGAINST_BRACKETED.fullmatch(tx.t, p.end, w.start) or tx.d(w.start) != tx.d(p.start) + 1:
            continue
        s = tx.sentence(p.start)
        depth = tx.d(p.start)
        for f in reversed(tx.in_sentences(max(0, s - 2), s, p.start)):
            if f.start >= p.start or tx.d(f.start) > depth or not is_amount(f):
                continue
            if f.change or f.prior_period or f.kind not in AMOUNT_KINDS:
                continue
            if 0 < f.value < w.value:
                conf = settings.QA_CONF_ARITHMETIC
                yield Relation("ratio", p, (f, w), WHOLE_IN_BRACKETS_AFTER_RULE, conf, whole=w.value)
            break
