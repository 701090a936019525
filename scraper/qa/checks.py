"""QA: does a report contradict itself, and does the dataset agree with the official figures?

`check_article_figures` cross-checks the figures inside one article (sums of parts, stated rates
against the counts behind them, shares of one breakdown, impossible values); `compare_dataset`
matches an official table row by row.  A stated number is consistent when the computed one rounds
*or truncates* to it at the precision it was printed with (portals do both), unless a tolerance is
given.  Every result names the figures it used, with their spans, and one readable line.
"""

from __future__ import annotations

import bisect
import csv
import html as htmllib
import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from .. import settings
from ..errors import OfficialTableError
from ..models import Check, CompareRow, Figure
from .arithmetic import second_look
from .pairs import IDENTITIES, relations, roles_of
from .tables import read_text_tables
from .verdicts import Relation, Verdict, decide, scale_slip, unit_of, within_rounding

__all__ = [
    "OfficialTableError",
    "check_article_figures",
    "check_text",
    "compare_dataset",
    "compare_figures",
    "dataset_conflicts",
    "checks_report_html",
    "compare_report_html",
    "vn_number",
]


def vn_number(value: Decimal | None, places: int | None = None) -> str:
    """Decimal to the way a Vietnamese report prints it: 102669 → "102.669", 49.92 → "49,92"."""
    if value is None:
        return "—"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    value = abs(value)
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    frac = frac.rstrip("0") if places is None else frac
    return sign + out + ("," + frac if frac else "")


def _places(raw_value: Decimal) -> int:
    exp = raw_value.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _agrees(stated: Decimal, computed: Decimal, places: int, tolerance: float | None) -> bool:
    """Stated equals computed rounded or truncated to the stated precision (or within tolerance)."""
    if tolerance is not None:
        if stated == 0:
            return abs(computed) <= Decimal(str(tolerance))
        return abs(computed - stated) / abs(stated) <= Decimal(str(tolerance))
    q = Decimal(1).scaleb(-places)
    return (
        computed.quantize(q, rounding=ROUND_HALF_UP) == stated
        or computed.quantize(q, rounding=ROUND_DOWN) == stated
    )


def _fig_ref(f: Figure) -> dict[str, Any]:
    ref = {
        "raw": f.raw,
        "start": f.start,
        "end": f.end,
        "value": str(f.value),
        "index": f.index,
        "kind": f.kind,
        "unit": f.unit,
    }
    if f.denominator is not None:
        ref["denominator"] = str(f.denominator)
    return ref


_SCALE_WORDS = (
    ("nghìn tỷ", Decimal(10) ** 12),
    ("ngàn tỷ", Decimal(10) ** 12),
    ("tỷ", Decimal(10) ** 9),
    ("tỉ", Decimal(10) ** 9),
    ("triệu", Decimal(10) ** 6),
    ("nghìn", Decimal(1000)),
    ("ngàn", Decimal(1000)),
)


def _show(value: Decimal, scale: Decimal, scale_word: str, unit: str) -> str:
    return vn_number(value / scale) + scale_word + unit


def _display_scale(f: Figure) -> tuple[Decimal, str]:
    """Show amounts in the scale the report used: 3.100 tỷ đồng, not 3.100.000.000.000 đồng."""
    raw = f.raw.lower()
    for word, scale in _SCALE_WORDS:
        if f" {word}" in raw:
            return scale, f" {word}"
    return Decimal(1), ""


def _unit_head(unit: str | None) -> str:
    return (unit or "").split(" ")[0].lower()


def check_article_figures(
    body: str, figures: list[Figure], *, tolerance: float | None = None, url: str | None = None
) -> list[Check]:
    """All internal checks for one article's figures (in body order): sums of parts against their total,
    stated rates against the counts behind them, shares of one breakdown, impossible values.

    Relations come from `pairs.relations` (scored); `verdicts.decide` keeps what the arithmetic confirms and
    raises an alarm only where no plausible relation reproduces the stated value."""
    figures = read_text_tables(body, figures)  # cells learn their table ("| 230 065 |" is one number)
    verdicts = decide(relations(body, figures), tolerance)
    verdicts = second_look(body, figures, verdicts)
    verdicts.sort(key=lambda v: (v.relation.stated.start, v.relation.check != "sum"))
    checks = [_sum_check(v, url) if v.relation.check == "sum" else _ratio_check(v, url) for v in verdicts]
    checks.extend(_shares_checks(body, figures, tolerance, url))
    checks.extend(_range_checks(figures, url))
    return checks


def _sum_check(v: Verdict, url: str | None) -> Check:
    r, ok, computed = v.relation, v.consistent, v.computed
    total, parts = r.stated, list(r.operands)
    if r.over == "denominator":
        return _denominator_sum_check(v, url)
    stated = r.whole if r.whole is not None else total.value
    scale, scale_word = _display_scale(total)
    # "6.066 ngàn vụ" of 485 + 5.581 vụ: shown as the parts are printed, the slip named
    slip = ok and r.whole is None and scale_slip(total, parts, computed)
    if slip:
        scale, scale_word = Decimal(1), ""
    unit = "" if not total.unit else total.unit if total.unit == "%" else f" {total.unit}"
    expr = " + ".join(vn_number(p.value / scale) for p in parts)
    if r.whole is not None:
        expr = " + ".join([vn_number(parts[0].value)] + [vn_number(p.value) for p in parts[1:]])
    shown_total = (
        total.raw
        if total.kind not in ("count", "ratio") or slip
        else _show(stated, scale, scale_word, unit)
    )
    show = lambda x: _show(x, scale, scale_word, unit)  # noqa: E731
    rounding = not ok and r.whole is None and within_rounding(total, parts, computed)
    diff = show(computed - stated)
    if rounding:
        diff += f" — trong phạm vi làm tròn của {len(parts)} phần"
    whole = f"tổng {shown_total} đã nêu" + (_SLIP_NOTE if slip else "")
    msg = _sum_message("Tổng các phần", expr, show(computed), ok, whole, diff, r.rule)
    refs = [_fig_ref(total)] + [_fig_ref(p) for p in parts if p is not total]
    return _check("sum", v, stated, computed, refs, msg, url).model_copy(update={"rounding": rounding})


_SLIP_NOTE = " (số in đúng, chữ chỉ đơn vị nghìn là nhầm)"


def _sum_message(what: str, expr: str, computed: str, ok: bool, whole: str, diff: str, rule: str) -> str:
    verdict = "khớp với" if ok else "KHÔNG khớp với"
    return (
        f"{what} {expr} = {computed} {verdict} {whole}"
        + ("" if ok else f" (chênh {diff})")
        + f" — quy tắc: {rule}"
    )


def _denominator_sum_check(v: Verdict, url: str | None) -> Check:
    """ "71/179 + 160/206 + … of 324/590": the parts' denominators against the whole's."""
    r, ok, computed = v.relation, v.consistent, v.computed
    stated = r.stated.denominator or Decimal(0)
    unit = f" {r.stated.unit}" if r.stated.unit else ""
    expr = " + ".join(vn_number(p.denominator) for p in r.operands)
    whole = f"mẫu số {vn_number(stated)}{unit} của {r.stated.raw}"
    if "/" not in r.stated.raw:  # a count the denominators add up to ("1.322 + 55 = 1377 đơn")
        whole = f"tổng {vn_number(stated)}{unit} đã nêu"
    msg = _sum_message(
        "Tổng các mẫu số",
        expr,
        f"{vn_number(computed)}{unit}",
        ok,
        whole,
        f"{vn_number(computed - stated)}{unit}",
        r.rule,
    )
    refs = [_fig_ref(f) for f in (r.stated, *r.operands)]
    return _check("sum", v, stated, computed, refs, msg, url)


def _check(
    kind: str,
    v: Verdict,
    stated: Decimal,
    computed: Decimal,
    refs: list[dict[str, Any]],
    msg: str,
    url: str | None,
) -> Check:
    """The record of one verdict, with the rule and confidence that related its figures."""
    r = v.relation
    return Check(
        check=kind,
        consistent=v.consistent,
        stated=stated,
        computed=computed,
        figures=refs,
        message=msg,
        article_url=url,
        rule=r.rule,
        confidence=round(r.confidence, 2),
        roles=_roles(r),
    )


def _ratio_check(v: Verdict, url: str | None) -> Check:
    r, ok, computed = v.relation, v.consistent, v.computed
    f, num = r.stated, r.operands[0]
    den_value = r.whole if r.whole is not None else r.operands[1].value
    places = max(_places(f.value), _places(unit_of(f)) if unit_of(f) < 1 else 0)  # "23,00%": two places
    what = {"change": "Mức thay đổi", "per_unit": "Bình quân"}.get(r.check, "Tỷ lệ")
    scale, word = _display_scale(num)  # "6,1 tỷ/8,2 tỷ", not "6.100.000.000/8.200.000.000"
    if r.over == "growth":  # "(1.200 tỷ − 1.000 tỷ)/1.000 tỷ = 20,0%"
        cur, prior = (_show(x, scale, word, "") for x in (num.value, den_value))
        shown = f"({cur} − {prior})/{prior} = {vn_number(computed, places + 1)}%"
    elif r.check == "per_unit":
        shown = (
            f"{vn_number(num.value)} / {vn_number(r.operands[1].value)} = {vn_number(computed, places + 1)} "
            f"{f.unit or ''}".rstrip()
        )
    else:
        shown = (
            f"{_show(abs(num.value), scale, word, '')}/{_show(den_value, scale, word, '')} = "
            f"{vn_number(computed, places + 1)}%"
        )
    stated = f.raw
    # "(1.100 − 1.000)/1.000 = 10,0% … ghi giảm 10%": the direction is part of it
    if r.over == "growth":
        actual = "tăng" if num.value >= den_value else "giảm"
        shown = f"{shown} ({actual})"
        stated = f"{f.change} {f.raw}" if f.change else f.raw
    msg = (
        f"{what} {shown}"
        + (f" khớp với {stated} đã nêu" if ok else f" nhưng bài viết ghi {stated}")
        + ("" if ok or not r.note else f" ({r.note})")
        + f" — quy tắc: {r.rule}"
    )
    refs = [_fig_ref(f)] + [_fig_ref(x) for x in (*r.operands, *_sources(r))]
    kind = "per_unit" if r.check == "per_unit" else "ratio"
    return _check(kind, v, f.value, computed.quantize(Decimal("0.0001")), refs, msg, url)


def _roles(r: Relation) -> list[str]:
    if r.over == "denominator":  # the figures are fractions; their denominators are what was added
        return ["total-denominator"] + ["part-denominator"] * len(r.operands)
    if r.check == "sum":
        return ["total"] + ["part"] * len([p for p in r.operands if p is not r.stated])
    if r.check == "change" and r.over == "growth":  # "(1.200 − 1.000)/1.000", or "(6/173 DN)" as one figure
        return ["rate", "current", "prior"] if len(r.operands) > 1 else ["rate", "fraction"]
    if r.check == "change":  # the prior itself when printed, else this period's value it is derived from
        return ["rate", "change", "prior" if r.operands[1].value == r.whole else "current"]
    if r.check == "per_unit":
        return ["rate", "numerator", "denominator"]
    # the fraction a whole was read from: its denominator, or its numerator when the words call that the total
    sources = ["whole" if s.value == r.whole != s.denominator else "whole-denominator" for s in _sources(r)]
    # "bằng 99,6% (giảm 629 ha)": the whole is this period's value with the change taken back
    changed = len(r.operands) > 1 and r.operands[1].change and r.operands[1].value != r.whole
    second = "change" if changed else "whole"
    return ["rate", "numerator"] + ([second] if len(r.operands) > 1 else []) + sources


def _sources(r: Relation) -> tuple[Figure, ...]:
    """The fraction a ratio's whole was read from, shown with the check so a reviewer finds the number."""
    return (r.source,) if r.source is not None and r.check == "ratio" else ()


_ROLE_SHARE = regex.compile(
    r"(?<![\p{L}])(?:đúng\s+hạn|trước\s+hạn|trễ\s+hạn|quá\s+hạn|chiếm|tỷ\s+trọng"
    r"|đóng\s+góp|trong\s+hạn|đang\s+(?:trong\s+thời\s+gian\s+)?(?:giải\s+quyết|xử\s+lý))"
    r"(?![\p{L}])",
    regex.I,
)


def _named_share(body: str, f: Figure) -> bool:
    """A role or share word in the share's clause, at most 60 characters before it ("hồ sơ đang
    trong thời gian giải quyết theo quy định chiếm 12,5%")."""
    lo = max(0, f.start - 60)
    lo = max(lo, body.rfind(";", lo, f.start) + 1)
    return _ROLE_SHARE.search(body, lo, f.start) is not None


_ACHIEVED = regex.compile(
    r"(?<![\p{L}])đạt\s*(?:t[ỷỉ]\s+lệ\s*)?(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?$", regex.I
)


def _against_plan(body: str, f: Figure) -> bool:
    """ "ước đạt 48,2%" with no share word before it: how far a plan got, not a share of a whole."""
    return bool(_ACHIEVED.search(body, max(0, f.start - 20), f.start)) and not _ROLE_SHARE.search(
        body, max(0, f.start - 40), f.start
    )


def _shares_close(fs: list[Figure], computed: Decimal, tolerance: float | None) -> bool:
    if tolerance is not None:
        return abs(computed - 100) <= Decimal(str(tolerance)) * 100
    slack = sum((Decimal("0.5") * Decimal(1).scaleb(-_places(f.value)) for f in fs), Decimal(0))
    hedged = [f for f in fs if f.qualifier in settings.QA_HEDGES]
    slack += sum((Decimal(1).scaleb(-_places(f.value)) for f in hedged), Decimal(0))
    return abs(computed - 100) <= slack


# "số xã có tỷ lệ nợ quá hạn nhỏ hơn 0,5% là 130 xã": a bound that names a group, no share
_THAN_BEFORE = regex.compile(r"(?<![\p{L}])(?:nhỏ|lớn|cao|thấp)\s+hơn\s*$", regex.I)


def _threshold(body: str, f: Figure) -> bool:
    bound = f.qualifier in ("từ", "dưới")
    return bound or _THAN_BEFORE.search(body, max(0, f.start - 12), f.start) is not None


def _shares_checks(body: str, figures: list[Figure], tolerance: float | None, url: str | None) -> list[Check]:
    """The percentages of one breakdown in one sentence should total about 100%; an alarm only when every
    share is named as one ("chiếm", "đúng hạn", "trễ hạn" …) and the gap is small enough to be an
    error."""
    out: list[Check] = []
    # this period's shares and last period's apart
    # ("(Cơ cấu tương ứng của cùng kỳ năm 2020 là: 75,36% - …)")
    # (and the shares in brackets apart from those outside: "3,09% (6 tháng đầu năm 2012 là
    # 3,31%); …")
    by_sentence: dict[tuple[str, bool, bool], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.kind == "percent" and not f.change and f.range is None and not _threshold(body, f):
            # (a bracket of five shares runs well past 80 characters: look back as far as a sentence)
            lo = max(0, f.start - settings.QA_BRACKET_REACH)
            bracketed = body.rfind("(", lo, f.start) > body.rfind(")", lo, f.start)
            by_sentence[(f.sentence, bool(f.prior_period), bracketed)].append(f)
    for sentence_fs in by_sentence.values():
        check = _sentence_breakdown(body, [f for f in sentence_fs if f.part_of is None], tolerance, figures)
        found = [check] if check is not None else _runs_making_whole(body, sentence_fs, tolerance)
        out.extend(c.model_copy(update={"article_url": url}) for c in found)
    judged = {ref["index"] for c in out for ref in c.figures}
    for fs in [*_shares_naming_one_total(body, figures), *_shares_by_roles(body, figures)]:
        if judged.isdisjoint(f.index for f in fs) and _shares_close(fs, _total(fs), tolerance):
            out.append(_shares_check(fs, _total(fs), True, 0.5).model_copy(update={"article_url": url}))
    return out


def _total(fs: list[Figure]) -> Decimal:
    return sum((f.value for f in fs), Decimal(0))


# the breakdowns of files by outcome whose shares are of one whole ("đúng hạn" and "trễ hạn")
_OUTCOMES = frozenset({"on_time", "late", "ahead", "resolved", "pending"})
_OUTCOME_SPLITS = [parts for parts, _, _ in IDENTITIES if set(parts) <= _OUTCOMES]


def _paragraph_of(body: str, pos: int) -> int:
    """Which paragraph `pos` is in, by the line breaks before it (found once per text: linear)."""
    breaks = _line_breaks(body)
    return bisect.bisect_right(breaks, pos)


@lru_cache(maxsize=4)
def _line_breaks(body: str) -> list[int]:
    return [m.start() for m in _LINE_BREAK.finditer(body)]


_LINE_BREAK = regex.compile(r"\n")


def _shares_by_roles(body: str, figures: list[Figure]) -> list[list[Figure]]:
    """"…, 1.200 hồ sơ đúng và sớm hạn, đạt 96%. Tỷ lệ hồ sơ trễ hạn còn 4%": the
    shares of one paragraph each named by one outcome, covering a standard breakdown (on time and
    late; resolved and pending), first of each.  Nothing says they are of one whole: they only ever
    confirm."""
    by_para: dict[int, dict[str, Figure]] = defaultdict(dict)
    last_end = 0
    for f in figures:
        lo, last_end = max(last_end, body.rfind(".", max(0, f.start - 80), f.start) + 1), f.end
        if f.kind != "percent" or f.change or f.prior_period or f.range is not None or f.value >= 100:
            continue
        roles = roles_of(body[max(lo, f.start - 80) : f.start]) & _OUTCOMES
        if len(roles) == 1:
            by_para[_paragraph_of(body, f.start)].setdefault(roles.pop(), f)
    out = []
    for named in by_para.values():
        for parts in _OUTCOME_SPLITS:
            if all(r in named for r in parts) and len(named) == len(parts):
                out.append(sorted((named[r] for r in parts), key=lambda f: f.start))
    return out


def _shares_naming_one_total(body: str, figures: list[Figure]) -> list[list[Figure]]:
    """"…, nhóm này chiếm tỷ trọng 70,5% tổng thu nội địa; … (nhóm còn lại chiếm tỷ
    trọng 29,5% tổng thu nội địa)": shares of one paragraph, in brackets or not, that name their
    total in the same words.  Nothing says they are all its parts: they only ever confirm."""
    groups: dict[tuple[int, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.kind == "percent" and not f.change and not f.prior_period and f.range is None and f.value < 100:
            m = _NAMED_TOTAL.match(body, f.end)
            if m is not None and _SHARE_WORDS.search(body, max(0, f.start - 60), f.start):
                groups[_paragraph_of(body, f.start), " ".join(m.group("n").lower().split())].append(f)
    return [fs for fs in groups.values() if 2 <= len(fs) <= settings.QA_SHARES_MAX_TERMS]


def _sentence_breakdown(
    body: str, all_fs: list[Figure], tolerance: float | None, figures: list[Figure]
) -> Check | None:
    """The sentence's shares as one breakdown: a run of them that makes 100% confirms, a named breakdown
    that falls a little short or over alarms."""
    # "chi đầu tư …, ước đạt 48,2%; chi thường xuyên …, ước đạt 25%": progress against
    # a plan, no share
    all_fs = [f for f in all_fs if not _against_plan(body, f)]
    if not 2 <= len(all_fs) <= settings.QA_SHARES_MAX_TERMS:
        return None  # a long run of percentages is a table, not one breakdown (and would cost n³ here)
    if _of_named_totals(body, all_fs):
        return None
    if not Decimal(90) <= sum((f.value for f in all_fs), Decimal(0)) <= Decimal(110) or any(
        f.value == 100 for f in all_fs
    ):
        return None  # not a breakdown of one whole
    # "đúng hạn 96,55%, quá hạn 3,45%, trả lại 0,08%": a run of the shares that makes 100% is the
    # breakdown; a share outside it (files returned) is of the same whole but not one of its parts
    runs = [all_fs[i:j] for i in range(len(all_fs)) for j in range(len(all_fs), i + 1, -1)]
    run = next((r for r in runs if _shares_close(r, sum((f.value for f in r), Decimal(0)), tolerance)), None)
    fs = run or all_fs
    named = all(_named_share(body, f) for f in fs)
    computed = sum((f.value for f in fs), Decimal(0))
    if run is None and (not named or abs(computed - 100) > Decimal(str(settings.QA_SHARES_MAX_GAP))):
        return None
    if run is None and (_of_a_larger_whole(body, figures, fs) or _rest_without_a_share(body, fs[-1])):
        return None
    return _shares_check(fs, computed, run is not None, 0.8 if named else 0.5)


# "…; các loại cây khác chiếm phần không đáng kể.": the rest named, no share for it
_REST_UNCOUNTED = regex.compile(r"(?<![\p{L}])(?:còn\s+lại|khác)(?![\p{L}])[^\d.\n]*$", regex.I)


def _rest_without_a_share(body: str, last: Figure) -> bool:
    """The sentence goes on, after its last share, to name the rest with no number: not all of it."""
    reach = last.end + 200
    ends = [i for i in (body.find(".", last.end, reach), body.find("\n", last.end, reach)) if i >= 0]
    end = min(ends) if ends else min(len(body), reach)
    return _REST_UNCOUNTED.search(body, last.end, end) is not None


def _of_a_larger_whole(body: str, figures: list[Figure], shares: list[Figure]) -> bool:
    """"12.003 việc có điều kiện (chiếm 72,74%) và 4.355 việc chưa có điều kiện (chiếm
    26,39%)": each share's own amount over it gives one whole (16.501), larger than the amounts together:
    the shares are right, the breakdown leaves a kind out — no misprint."""
    amounts = []
    for f in shares:
        before = [g for g in figures if g.end <= f.start and g.kind in ("count", "money", "quantity")]
        if not before or ";" in body[before[-1].end : f.start] or not f.value:
            return False
        amounts.append(before[-1])
    wholes = [a.value / f.value * 100 for a, f in zip(amounts, shares)]
    one = max(wholes) - min(wholes) <= max(wholes) * Decimal(str(settings.QA_SHARES_WHOLE_SPREAD))
    return one and min(wholes) > sum((a.value for a in amounts), Decimal(0))


# "chiếm 50,5% tổng đàn lợn và 49,2% tổng đàn gia cầm": each share names its own total
_NAMED_TOTAL = regex.compile(
    r"\s*(?:so\s+với\s+)?tổng\s+(?:số\s+)?(?P<n>\p{L}+(?:\s+\p{L}+)?)", regex.I
)


def _of_named_totals(body: str, fs: list[Figure]) -> bool:
    """The shares name two or more different totals: shares of different wholes, no one breakdown."""
    named = {" ".join(m.group("n").lower().split()) for f in fs if (m := _NAMED_TOTAL.match(body, f.end))}
    return len(named) >= 2


_IN_PARENTHESES = regex.compile(r"\([^()]*$")


def _runs_making_whole(body: str, all_fs: list[Figure], tolerance: float | None) -> list[Check]:
    """Shares side by side that make 100% though the sentence holds more: two breakdowns in one sentence ("…
    18% đúng, 55% sai, 27% có đúng có sai; 11% đúng, 63% sai và 26% …"), shares of a grading
    written with "đạt" ("giỏi đạt 29,6%, khá 44,6%, trung bình 25,8%"), a share of a share in
    parentheses between them. Nothing else says they are one breakdown, so such runs only ever confirm."""
    outside = [f for f in all_fs if not _IN_PARENTHESES.search(body, max(0, f.start - 80), f.start)]
    for fs in (all_fs, outside):
        if len(fs) > settings.QA_SHARES_MAX_TERMS or any(f.value >= 100 for f in fs):
            continue
        found: list[Check] = []
        i = 0
        while i <= len(fs) - settings.QA_SHARES_MIN_RUN:
            run = _run_from(body, fs, i, tolerance)
            if run:
                found.append(_shares_check(run, sum((f.value for f in run), Decimal(0)), True, 0.5))
            i += len(run) or 1
        if found:
            return found
    return []


def _run_from(body: str, fs: list[Figure], i: int, tolerance: float | None) -> list[Figure]:
    """The longest run of shares from the i-th that makes 100% (at least the settings' minimum), or none; not
    progress against each item's own plan ("chi đầu tư ước đạt 48,2%; chi thường xuyên ước
    đạt 25%")."""
    for j in range(len(fs), i + settings.QA_SHARES_MIN_RUN - 1, -1):
        if _shares_close(fs[i:j], sum((f.value for f in fs[i:j]), Decimal(0)), tolerance):
            return fs[i:j] if sum(_against_plan(body, f) for f in fs[i:j]) < 2 else []
    return []


def _shares_check(fs: list[Figure], computed: Decimal, ok: bool, confidence: float) -> Check:
    msg = f"Các tỷ lệ {' + '.join(f.raw for f in fs)} = {vn_number(computed)}%" + (
        " ≈ 100% (khớp)" if ok else " — lệch khỏi 100%"
    )
    return Check(
        check="shares",
        consistent=ok,
        stated=Decimal(100),
        computed=computed,
        figures=[_fig_ref(f) for f in fs],
        message=msg,
        rule="các tỷ lệ của một cơ cấu cộng lại 100%",
        confidence=confidence,
        roles=["share"] * len(fs),
    )


_SHARE_WORDS = regex.compile(
    r"(?<![\p{L}])(?:chiếm|tỷ\s+lệ|tỉ\s+lệ|tỷ\s+trọng)(?![\p{L}])[^,;.]{0,40}$", regex.I
)
# "tiêm ít nhất 1 mũi … 172.000 liều (đạt tỷ lệ 103,5%)": coverage achieved against a target
# population, which may pass 100%; a share ("chiếm") may not
# (not "Tỷ lệ hài lòng đạt 130%": a rate named as such)
_COVERAGE = regex.compile(
    r"(?:\(\s*đạt|(?<![\p{L}])đạt\s+t[ỷỉ]\s+lệ)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$", regex.I
)
_SCALE_ABBREV = regex.compile(r"(?:k|K|tr|ng)(?:\s|$)")  # "2,5k hạt": thousands, not half a seed
_NOT_WHOLE_OK = regex.compile(
    r"(?<![\p{L}])(?:bình\s+quân|trung\s+bình|mỗi|tăng|giảm|chênh|hơn|kém)(?![\p{L}])", regex.I
)


_PLAN_NOUN = regex.compile(
    r"(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|cùng\s+kỳ)(?![\p{L}])", regex.I
)


# The warnings a Figure raises about its value (scraper.models.Figure), as opposed to its reading.
_VALUE_WARNINGS = (
    "share above 100%",
    "negative share",
    "count is not a whole",
    "negative count",
    "rank larger",
)


def _range_checks(figures: list[Figure], url: str | None) -> list[Check]:
    """Values no reader would accept: a share above 100% stated as a share, a negative count, a fraction of
    a person — not averages, differences, scaled figures ("8,96 nghìn") or comparisons ("bằng 105%")."""
    out: list[Check] = []
    for f in figures:
        kept = []
        for w in f.warnings:
            if not w.startswith(_VALUE_WARNINGS):
                continue  # "malformed number …": how the text was read, not a value the report states
            before = f.sentence[: max(0, f.sentence.find(f.raw))]
            if w.startswith("share above 100%") and (
                not _SHARE_WORDS.search(before) or _COVERAGE.search(before)
            ):
                continue
            if w.startswith(("negative share", "negative count")) and (
                f.change or _NOT_WHOLE_OK.search(f.sentence) or "so với" in f.sentence.lower()
            ):
                continue  # "giảm 554 vụ (-4,2%)", "giảm 8% (-32 DN)": a fall, printed with its sign
            if w.startswith("count is not a whole") and (
                _SCALE_ABBREV.match(f.unit or "")
                or _PLAN_NOUN.match(f.unit or "")  # "đạt 98,31 kế hoạch": a rate without its "%"
                or _display_scale(f)[1]
                or _NOT_WHOLE_OK.search(f.sentence)
                or f.change
                or (f.value * 2) % 1 == 0  # "209,5 vụ việc": a case shared by two, counted half each
            ):
                continue
            kept.append(w)
        if kept:
            out.append(
                Check(
                    check="range",
                    consistent=False,
                    stated=f.value,
                    computed=None,
                    figures=[_fig_ref(f)],
                    message=f"{f.raw}: {'; '.join(kept)}",
                    article_url=url,
                    rule="giá trị không thể có",
                    confidence=0.9,
                    roles=["value"],
                )
            )
    return out


def check_text(text: str, *, tolerance: float | None = None, published: str | None = None) -> list[Check]:
    from ..extract.figures import extract_figures

    return check_article_figures(text, extract_figures(text, published=published), tolerance=tolerance)


def dataset_conflicts(dataset_dir: str | Path) -> list[Check]:
    """The same indicator, entity and period with different values in different articles."""
    from ..store.dataset import Dataset

    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    with Dataset(dataset_dir, create=False) as ds:
        for f in ds.figures():
            if not (f["indicator"] and f["entity"] and f["period_end"]) or f["prior_period"] or f["change"]:
                continue
            key = (
                _norm(f["indicator"]),
                _norm_entity(f["entity"]),
                f["period_start"] or "",
                f["period_end"],
                f["kind"],
                f["unit"] or "",
            )
            groups[key].append(f)
    out: list[Check] = []
    for key, fs in groups.items():
        urls = {f["article_url"] for f in fs}
        values = {Decimal(f["value"]) for f in fs}
        if len(urls) < 2 or len(values) < 2:
            continue
        listing = "; ".join(f"{f['raw']} ({f['article_url']})" for f in fs)
        out.append(
            Check(
                check="conflict",
                consistent=False,
                stated=Decimal(fs[0]["value"]),
                computed=Decimal(fs[1]["value"]),
                figures=[{k: f[k] for k in ("raw", "start", "end", "value", "article_url")} for f in fs],
                message=f"Cùng chỉ tiêu '{fs[0]['indicator']}' của {fs[0]['entity']} "
                f"({fs[0]['period_text'] or key[3]}) có các giá trị khác nhau: {listing}",
            )
        )
    return out


# --- compare with an official table ---------------------------------------------------------------


OFFICIAL_COLUMNS = ("indicator", "entity", "period_start", "period_end", "value", "unit")

_ENTITY_PREFIX = regex.compile(
    r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|hđnd|tp\.?|thành phố|tỉnh|huyện|thị "
    r"xã|quận|xã|phường|thị "
    r"trấn|các)\s+",
    regex.I,
)
# Names that changed with the 2025 merger: an official table may use either.
MERGED_NAMES = {
    "bình dương": "thành phố hồ chí minh",
    "bà rịa - vũng tàu": "thành phố hồ chí minh",
    "bình phước": "đồng nai",
}
_UNIT_SCALES = {
    "tỷ đồng": ("đồng", Decimal(10) ** 9),
    "triệu đồng": ("đồng", Decimal(10) ** 6),
    "nghìn đồng": ("đồng", Decimal(1000)),
    "triệu usd": ("USD", Decimal(10) ** 6),
    "tỷ usd": ("USD", Decimal(10) ** 9),
    "tỷ lệ": ("%", Decimal(1)),
    "phần trăm": ("%", Decimal(1)),
    "%": ("%", Decimal(1)),
    "vnđ": ("đồng", Decimal(1)),
    "vnd": ("đồng", Decimal(1)),
}


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", (text or "").lower())
    return " ".join(regex.sub(r"[^\p{L}\p{N}%]+", " ", text).split())


def _norm_entity(text: str | None) -> str:
    t = _norm(text)
    prev = None
    while prev != t:
        prev = t
        t = _ENTITY_PREFIX.sub("", t)
    return t


def _unit_scale(unit: str | None) -> tuple[str, Decimal]:
    """"nghìn tỷ đồng" → ("đồng", 10¹²), "triệu USD" → ("USD", 10⁶), "tỷ lệ" → ("%",
    1)."""
    from ..extract import vocab

    u = " ".join((unit or "").split())
    if u.lower() in _UNIT_SCALES:
        return _UNIT_SCALES[u.lower()]
    words = u.split()
    scale = Decimal(1)
    while words and words[0].lower() in vocab.SCALE_WORDS:
        scale *= vocab.SCALE_WORDS[words.pop(0).lower()]
    rest = " ".join(words)
    return vocab.CURRENCIES.get(rest.lower(), vocab.MEASURES.get(rest.lower(), rest)), scale


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError as exc:
        raise OfficialTableError(f"bad date {text!r} (use YYYY-MM-DD)") from exc


def read_official(path: str | Path) -> list[dict[str, Any]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("indicator", "value") if c not in (reader.fieldnames or [])]
            if missing:
                raise OfficialTableError(
                    f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(OFFICIAL_COLUMNS)}"
                )
            rows = []
            for n, r in enumerate(reader, start=2):
                try:
                    from ..extract.numbers import parse_number

                    val = r["value"].strip()
                    value = Decimal(val) if regex.fullmatch(r"-?\d+(?:\.\d+)?", val) else parse_number(val)
                except (ValueError, InvalidOperation) as exc:
                    raise OfficialTableError(f"{path}:{n}: value {r['value']!r} is not a number") from exc
                rows.append(
                    {
                        **r,
                        "value": value,
                        "period_start": _parse_day(r.get("period_start")),
                        "period_end": _parse_day(r.get("period_end")),
                        "tolerance": float(r["tolerance"]) if (r.get("tolerance") or "").strip() else None,
                    }
                )
            return rows
    except OSError as exc:
        raise OfficialTableError(f"{path}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise OfficialTableError(f"{path}: not UTF-8 text") from exc


def _overlaps(a0: date | None, a1: date | None, b0: str | None, b1: str | None) -> bool:
    if a0 is None and a1 is None:
        return True
    f0 = date.fromisoformat(b0) if b0 else None
    f1 = date.fromisoformat(b1) if b1 else None
    if f0 is None and f1 is None:
        return False
    lo_a, hi_a = a0 or a1, a1 or a0
    lo_b, hi_b = f0 or f1, f1 or f0
    return lo_a <= hi_b and lo_b <= hi_a  # type: ignore[operator]


def compare_figures(
    official: list[dict[str, Any]], figures: list[dict[str, Any]], *, tolerance: float | None = None
) -> list[CompareRow]:
    from rapidfuzz import fuzz

    out: list[CompareRow] = []
    for row in official:
        o_unit, o_scale = _unit_scale(row.get("unit"))
        o_value = row["value"] * o_scale
        o_ind = _norm(row["indicator"])
        o_ent = _norm_entity(row.get("entity"))
        o_ent = MERGED_NAMES.get(o_ent, o_ent)
        scored: list[tuple[float, dict[str, Any]]] = []
        for f in figures:
            if row.get("url") and f.get("article_url") != row["url"].strip():
                continue
            f_unit = f.get("unit") or ""
            if o_unit and f_unit and not _units_compatible(o_unit, f_unit, f["kind"]):
                continue
            if o_ent:
                f_ent = _norm_entity(f.get("entity"))
                f_ent = MERGED_NAMES.get(f_ent, f_ent)
                if not f_ent or fuzz.token_set_ratio(o_ent, f_ent) < 85:
                    continue
            if not _overlaps(
                row["period_start"], row["period_end"], f.get("period_start"), f.get("period_end")
            ):
                continue
            if f.get("prior_period"):
                continue
            # token_set finds the indicator inside a longer phrase; token_sort penalises what is missing, so
            # "hồ sơ" (a part) scores below "hồ sơ … tiếp nhận và giải quyết" (the total).
            described = _norm(" ".join(x for x in (f.get("indicator"), f.get("verb")) if x))
            ind_score = max(
                0.6 * fuzz.token_set_ratio(o_ind, described) + 0.4 * fuzz.token_sort_ratio(o_ind, described),
                0.8 * fuzz.partial_ratio(o_ind, _norm(f.get("sentence"))) if o_ind else 0,
            )
            if ind_score < 65:
                continue
            exactish = (
                1
                if (
                    row["period_start"] == _d(f.get("period_start"))
                    and row["period_end"] == _d(f.get("period_end"))
                )
                else 0
            )
            scored.append((ind_score + 5 * exactish, f))
        scored.sort(key=lambda s: -s[0])
        base = dict(
            indicator=row["indicator"],
            entity=row.get("entity") or None,
            period_start=row["period_start"],
            period_end=row["period_end"],
            official_value=row["value"],
            unit=row.get("unit") or None,
            candidates=len(scored),
        )
        if not scored:
            out.append(
                CompareRow(
                    status="missing",
                    message=f"Không tìm thấy số liệu '{row['indicator']}' trong dữ liệu",
                    **base,
                )
            )
            continue
        best_score, best = scored[0]
        tol = row.get("tolerance") if row.get("tolerance") is not None else tolerance
        value = Decimal(best["value"])
        places = _places(o_value)
        ok = _agrees(o_value, value, places, tol) or value == o_value
        rivals = [f for s, f in scored[1:] if best_score - s < 3 and Decimal(f["value"]) != value]
        detail = dict(
            extracted_value=value,
            sentence=best.get("sentence"),
            article_url=best.get("article_url"),
            raw=best.get("raw"),
            score=round(best_score, 1),
        )
        if rivals and not ok:
            out.append(
                CompareRow(
                    status="ambiguous",
                    message=f"{len(rivals) + 1} số liệu cùng khớp '{row['indicator']}' với giá "
                            f"trị khác nhau",
                    **base,
                    **detail,
                )
            )
            continue
        if ok:
            out.append(CompareRow(status="matched", message=f"Khớp: {best.get('raw')}", **base, **detail))
        else:
            diff = value - o_value
            rel = (diff / o_value).quantize(Decimal("0.0001")) if o_value else None
            out.append(
                CompareRow(
                    status="mismatch",
                    difference=diff,
                    relative_difference=rel,
                    message=f"Lệch: chính thức {vn_number(row['value'])} {row.get('unit') or ''}, "
                            f"trích "
                    f"xuất {best.get('raw')} (chênh {vn_number(diff)})",
                    **base,
                    **detail,
                )
            )
    return out


def _units_compatible(official: str, extracted: str, kind: str) -> bool:
    """ "hồ sơ" and "hồ sơ thủ tục hành chính" count the same thing; "%" is any share."""
    a, b = official.lower(), extracted.lower()
    if official == "%":
        return kind == "percent"
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def compare_dataset(
    official_csv: str | Path, dataset_dir: str | Path, *, tolerance: float | None = None
) -> list[CompareRow]:
    from ..store.dataset import Dataset

    official = read_official(official_csv)
    with Dataset(dataset_dir, create=False) as ds:
        figures = list(ds.figures())
    return compare_figures(official, figures, tolerance=tolerance)


# --- HTML reports -------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1rem auto;max-width:60rem;
 padding:0 .8rem;line-height:1.55;color:#222}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}
.summary span{display:inline-block;margin:0 1.2rem .3rem 0;padding:.2rem .6rem;border-radius:.3rem;
 background:#eef}
.bad{background:#fdd!important} .ok{background:#dfd!important}
.mismatch{background:#fbd0d0!important} .missing{background:#ffe7b3!important}
.ambiguous{background:#e6e0f8!important}
.failing{border:2px solid #c00;border-radius:.4rem;padding:.5rem 1rem;background:#fff6f6}
.failing li{margin:.3rem 0} .failing a{color:#900} .failing h2{border-top:0;margin-top:0;padding-top:0}
mark.fig{background:#fff3b0;border-bottom:2px solid #d9a400;cursor:pointer;padding:0 .1em}
mark.fig.flag{background:#ffd0d0;border-bottom-color:#c00}
mark.fig:target{outline:3px solid #c00}
.body{white-space:pre-wrap;background:#fafafa;padding:1rem;border:1px solid #eee}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:.3rem .5rem;font-size:.9rem;vertical-align:top}
td.num{text-align:right;white-space:nowrap}
# tip{position:fixed;display:none;background:#222;color:#fff;padding:.5rem
# .7rem;border-radius:.3rem;font-size:.85rem;max-width:26rem;z-index:9}
"""
_JS = """
const tip=document.getElementById('tip');
document.querySelectorAll('mark.fig').forEach(m=>{
  const show=e=>{tip.textContent=m.dataset.info;tip.style.display='block';
    tip.style.left=(e.clientX+12)+'px';tip.style.top=(e.clientY+12)+'px'};
  m.addEventListener('mouseenter',show);m.addEventListener('click',show);
  m.addEventListener('mouseleave',()=>tip.style.display='none');
});
"""
# Status words of `qa compare` as a Vietnamese reader expects them, problems first.
COMPARE_STATUS_VI = {
    "mismatch": "lệch", "missing": "thiếu", "ambiguous": "không rõ", "matched": "khớp"
}


def _esc(s: Any) -> str:
    return htmllib.escape("" if s is None else str(s))


def _highlight(body: str, figures: list[Figure], flagged: set[int], anchor: str = "f") -> str:
    """The body with every figure marked; figures of failing checks are flagged and carry an anchor
    (`{anchor}-{index}`) the failing-checks list links to."""
    out: list[str] = []
    pos = 0
    for f in sorted(figures, key=lambda f: f.start):
        if f.start < pos or f.end > len(body):
            continue
        info = (
            f"{f.value} · {f.kind}"
            + (f" · {f.unit}" if f.unit else "")
            + (f" · {f.indicator}" if f.indicator else "")
            + (f" · {f.entity}" if f.entity else "")
            + (f" · {f.period_start or '…'}→{f.period_end}" if f.period_end else "")
        )
        cls = "fig flag" if f.index in flagged else "fig"
        ident = f' id="{anchor}-{f.index}"' if f.index in flagged else ""
        out.append(_esc(body[pos : f.start]))
        out.append(
            f'<mark class="{cls}"{ident} data-index="{f.index}" data-value="{_esc(f.value)}" '
            f'data-info="{_esc(info)}" '
            f'title="{_esc(info)}">{_esc(body[f.start : f.end])}</mark>'
        )
        pos = f.end
    out.append(_esc(body[pos:]))
    return "".join(out)


def _page(title: str, inner: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_esc(title)}</title>'
        f'<style>{_CSS}</style></head><body>{inner}<div id="tip"></div><script>{_JS}</script></body></html>'
    )


def _title_url(article: Any) -> tuple[str | None, str | None]:
    """An Article (from pages) or a dataset row (a dict) alike."""
    if article is None:
        return None, None
    if isinstance(article, dict):
        return article.get("title"), article.get("url")
    return getattr(article, "title", None), getattr(article, "url", None)


def _confidence(c: Check) -> str:
    return "" if c.confidence is None else f"{round(100 * c.confidence)}%"


def _failing_list(reports: list[tuple[Any, str, list[Figure], list[Check]]]) -> str:
    """The report opens with what needs a reviewer: each failing check, linked to its figures in the text."""
    items = []
    for a_no, (article, _body, _figures, checks) in enumerate(reports):
        title, url = _title_url(article)
        for c in checks:
            if c.consistent:
                continue
            target = next((ref["index"] for ref in c.figures if "index" in ref), None)
            href = f"#a{a_no}-{target}" if target is not None else f"#article-{a_no}"
            where = _esc(title or url or c.article_url or "Văn bản")
            items.append(
                f"<li><a class='jump' href='{href}'>{_esc(c.message)}</a> <small>({where}; {_esc(c.check)}"
                + (f", độ tin cậy {_confidence(c)}" if c.confidence is not None else "")
                + ")</small></li>"
            )
    if not items:
        return "<p class='ok'>Không có kiểm tra nào không khớp.</p>"
    return (
        f"<section class='failing' id='failing'><h2>Các kiểm tra không khớp "
        f"({len(items)})</h2><ol>{''.join(items)}</ol></section>"
    )


def checks_report_html(reports: Iterable[tuple[Any, str, list[Figure], list[Check]]]) -> str:
    reports = list(reports)
    all_checks = [c for *_, cs in reports for c in cs]
    bad = sum(1 for c in all_checks if not c.consistent)
    parts = [
        f"<h1>Kiểm tra số liệu</h1><div class='summary'><span class='ok'>{len(all_checks) - bad} "
        f"kiểm tra "
        f"khớp</span>"
        f"<span class='bad'>{bad} kiểm tra không "
        f"khớp</span><span>{sum(len(f) for _, _, f, _ in reports)} "
        f"số liệu</span></div>",
        _failing_list(reports),
    ]
    for a_no, (article, body, figures, checks) in enumerate(reports):
        title, url = _title_url(article)
        url = url or (checks[0].article_url if checks else None)
        flagged = {ref["index"] for c in checks if not c.consistent for ref in c.figures if "index" in ref}
        parts.append(f"<h2 id='article-{a_no}'>{_esc(title or url or 'Văn bản')}</h2>")
        if url:
            parts.append(f"<p><a href='{_esc(url)}'>{_esc(url)}</a></p>")
        if checks:
            parts.append(
                "<div class='scroll'><table><tr><th>Kiểm tra</th><th>Kết quả</th><th>Nội "
                "dung</th><th>Quy "
                "tắc</th>"
                "<th>Độ tin cậy</th></tr>"
            )
            for c in checks:
                parts.append(
                    f"<tr class='{'ok' if c.consistent else 'bad'} check'><td>{_esc(c.check)}</td>"
                    f"<td>{'khớp' if c.consistent else 'KHÔNG khớp'}</td><td>{_esc(c.message)}</td>"
                    f"<td>{_esc(c.rule)}</td><td class='num'>{_confidence(c)}</td></tr>"
                )
            parts.append("</table></div>")
        parts.append(f"<div class='body'>{_highlight(body, figures, flagged, anchor=f'a{a_no}')}</div>")
    return _page("Kiểm tra số liệu", "".join(parts))


def compare_report_html(rows: list[CompareRow], dataset: str | Path | None = None) -> str:
    """Official figures against the dataset: problems first (lệch, thiếu, không rõ, then khớp), with
    the difference and a link to the article each figure came from."""
    order = list(COMPARE_STATUS_VI)
    rows = sorted(rows, key=lambda r: order.index(r.status))
    counts = {s: sum(1 for r in rows if r.status == s) for s in order}
    parts = [
        "<h1>So sánh với số liệu chính thức</h1>"
        + (f"<p>Dữ liệu: {_esc(dataset)}</p>" if dataset else "")
        + "<div class='summary'>"
        + "".join(
            f"<span class='{'ok' if s == 'matched' else s}'>{counts[s]} {COMPARE_STATUS_VI[s]}</span>"
            for s in order
        )
        + "</div>",
        "<div class='scroll'><table><tr><th>Trạng thái</th><th>Chỉ tiêu</th><th>Đơn vị hành "
        "chính</th><th>Kỳ</th>"
        "<th>Chính thức</th><th>Trích xuất</th><th>Chênh "
        "lệch</th><th>Câu</th><th>Nguồn</th></tr>",
    ]
    for r in rows:
        cls = "ok" if r.status == "matched" else r.status
        diff = (
            ""
            if r.difference is None
            else vn_number(r.difference)
            + (
                f" ({vn_number(r.relative_difference * 100, 2)}%)"
                if r.relative_difference is not None
                else ""
            )
        )
        link = f"<a href='{_esc(r.article_url)}'>bài viết</a>" if r.article_url else ""
        parts.append(
            f"<tr class='{cls} row' "
            f"data-status='{_esc(r.status)}'><td>{_esc(COMPARE_STATUS_VI.get(r.status, r.status))}</td>"
            f"<td>{_esc(r.indicator)}</td><td>{_esc(r.entity)}</td>"
            f"<td>{_esc(r.period_start or '…')}→{_esc(r.period_end or '…')}</td>"
            f"<td class='num'>{_esc(vn_number(r.official_value))} {_esc(r.unit)}</td><td "
            f"class='num'>{_esc(r.raw)}</td>"
            f"<td class='num diff'>{_esc(diff)}</td><td>{_esc(r.sentence)}</td><td>{link}</td></tr>"
        )
    parts.append("</table></div>")
    return _page("So sánh số liệu", "".join(parts))


def screenshot(html_path: str | Path, png_path: str | Path) -> str | None:
    """A PNG of a report as a reviewer sees it, via Playwright and the system's Chromium.

    Optional: returns a one-line reason instead of failing when no browser is installed.
    """
    import shutil

    browser_path = (
        shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    )
    if browser_path is None:
        return "no Chromium on this machine (apt-get install chromium); screenshot skipped"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        # No Playwright: Chromium's own headless screenshot is enough for a picture of the page.
        import subprocess

        cmd = [
            browser_path,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--screenshot={Path(png_path).resolve()}",
            "--window-size=1100,900",
            Path(html_path).resolve().as_uri(),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=60, check=True)
        except (OSError, subprocess.SubprocessError) as exc:
            return f"Chromium could not take the screenshot ({type(exc).__name__}); skipped"
        return None if Path(png_path).exists() else "Chromium wrote no screenshot; skipped"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=browser_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(Path(html_path).resolve().as_uri())
        page.screenshot(path=str(png_path), full_page=False)
        browser.close()
    return None


def checks_to_jsonl(checks: Iterable[Check]) -> str:
    return "".join(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in checks)
