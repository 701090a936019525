"""Verdicts: how the arithmetic judges a proposed relation at the precision its figures were printed with,
and which relations a check keeps (`decide`).  The relations themselves come from `sums.py` and
`rates.py` (via `pairs.relations`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import regex

from .. import settings
from ..models import Figure

_NUMBER_TEXT = regex.compile(r"\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,]\d+)*")  # "248 832": a table cell


@dataclass(frozen=True)
class Relation:
    """A proposed relation: `operands` make `stated` (sum: parts of a total; ratio: numerator, whole)."""

    check: str  # "sum" | "ratio" | "change"
    stated: Figure
    operands: tuple[Figure, ...]
    rule: str
    confidence: float
    whole: Decimal | None = None  # ratio: the whole's value (a fraction's denominator, a derived prior value)
    over: str = "value"  # sum: "denominator" adds the fractions' denominators ("71/179 + 160/206 … of 590")
    closed: bool = False  # sum: the words say the parts are all of the whole (roles of an identity, "gồm")
    facet: int = 0  # sum: which breakdown of the whole (a total by sex, then by ownership …): judged apart
    identity: bool = False  # sum: the parts' roles make the whole's by definition (received = new + carried)
    note: str = ""  # said with an alarm: what the stated value does match (a change over this period's value)
    source: Figure | None = None  # ratio: the fraction whose denominator is `whole` when it is no operand
    # which printed value is which was left to the arithmetic (a change's two periods): no slip by a small
    # change alarms
    guessed: bool = False

    @property
    def key(self) -> tuple[str, int]:
        kind = "ratio" if self.check in ("change", "per_unit") else self.check
        if self.check == "sum" and self.whole is not None:
            kind = "sum:whole"  # what adds up to the fraction's denominator, not to its numerator
        kind = kind if self.over == "value" else f"{kind}:{self.over}"
        return (f"{kind}#{self.facet}" if self.facet else kind, self.stated.index)


# --- precision ------------------------------------------------------------------------------------


_COMPOUND = regex.compile(
    r"\d\s*(?:tỷ|tỉ|triệu|nghìn|ngàn)\s+\d[\d.,]*\s*(?P<last>tỷ|tỉ|triệu|nghìn"
    r"|ngàn)?", regex.I
)
_LAST_SCALE = {
    None: Decimal(1),
    "tỷ": Decimal(10) ** 9,
    "tỉ": Decimal(10) ** 9,
    "triệu": Decimal(10) ** 6,
}


def _printed(f: Figure) -> tuple[Decimal, Decimal]:
    """(the number as printed, its scale): "8,96 nghìn" → (8.96, 1000); "3.579 tỷ 654 triệu" →
    (3579654, one million): a compound amount is printed to its last group."""
    if (c := _COMPOUND.search(f.raw)) is not None:
        last = c.group("last")
        scale = _LAST_SCALE.get(last.lower() if last else None, Decimal(1000))
        return f.value / scale, scale
    m = _NUMBER_TEXT.search(f.raw)
    if not m:
        return f.value, Decimal(1)
    text = m.group(0).replace(" ", "")
    if "," in text:
        whole, _, frac = text.rpartition(",")
        text = whole.replace(".", "").replace(",", "") + "." + frac
    elif text.count(".") != 1 or len(text.rpartition(".")[2]) == 3:
        text = text.replace(".", "")  # "1.138.370", "2.542": thousands; "21922.60": a decimal point
    try:
        printed = Decimal(text)
    except ArithmeticError:
        return f.value, Decimal(1)
    if f.kind == "percent":
        return _with_printed_zeros(f.value, m.group(0)), Decimal(1)
    if printed == 0:
        return printed, Decimal(1)
    scale = (abs(f.value) / printed) if f.denominator is None else Decimal(1)
    return printed, scale if scale >= 1 else Decimal(1)


def _with_printed_zeros(value: Decimal, text: str) -> Decimal:
    """A rate with the decimals it was printed with: "40,90%" states two, as "40,87" would."""
    frac = _DECIMALS.search(text)
    if frac is None or abs(value) >= 1000:
        return value
    q = Decimal(1).scaleb(-len(frac.group(1)))
    return value.quantize(q) if value == value.quantize(q) else value


_DECIMALS = regex.compile(r"[.,](\d{1,3})$")


def unit_of(f: Figure) -> Decimal:
    """One unit of the last printed digit, in the figure's value: "8,96 nghìn" → 10; "98,2%" → 0,1."""
    printed, scale = _printed(f)
    exp = printed.as_tuple().exponent
    return Decimal(1).scaleb(min(0, exp if isinstance(exp, int) else 0)) * scale


def _hedge(f: Figure) -> Decimal:
    """How far a hedged figure ("gần 40", "hơn 34.000") may be from its true value: one unit of its
    last significant digit."""
    if f.qualifier not in settings.QA_HEDGES:
        return Decimal(0)
    printed, scale = _printed(f)
    exp = printed.normalize().as_tuple().exponent
    return Decimal(1).scaleb(exp if isinstance(exp, int) else 0) * scale


def agrees(
    stated: Figure,
    computed: Decimal,
    inputs: Sequence[Figure] = (),
    *,
    tolerance: float | None = None,
    stated_value: Decimal | None = None,
) -> bool:
    """The computed value, rounded half-up or truncated to the stated figure's printed precision, equals it;
    hedged figures and inputs printed coarser than the statement widen the margin."""
    value = stated.value if stated_value is None else stated_value
    if tolerance is not None:
        return abs(computed - value) <= (
            abs(value) * Decimal(str(tolerance)) if value else Decimal(str(tolerance))
        )
    unit = unit_of(stated) if stated_value is None else Decimal(1)
    slack = sum((_hedge(f) for f in inputs), Decimal(0))
    if stated.kind != "percent":
        slack += sum((unit_of(f) / 2 for f in inputs if f.kind != "count" and unit_of(f) > unit), Decimal(0))
        # a count printed in thousands ("5,65 ngàn hồ sơ", "8,96 nghìn lượt") is rounded by
        # construction (the stated figure's own rounding is read below, once: "4.7 + 14.8 triệu" is not
        # "19.7 triệu")
        slack += sum((unit_of(f) / 2 for f in inputs if f.kind == "count" and unit_of(f) > 1), Decimal(0))
        if stated_value is None:
            slack += _estimate_rounding(stated, inputs)
    lo, hi = value - slack, value + slack
    h = _hedge(stated) if stated_value is None else Decimal(0)
    if h and stated.kind != "percent" and stated.qualifier in settings.QA_HEDGES_ABOVE and computed >= lo:
        # "đã phân bổ hơn 5.023.546 triệu đồng" of 5.051.105: a bound the parts pass, by a little
        return computed <= hi * (1 + Decimal(str(settings.QA_HEDGE_ABOVE_REACH))) + h
    if stated.qualifier in settings.QA_HEDGES_ABOVE:  # "đạt trên 99%": at least the stated value
        hi += h
    elif stated.qualifier in settings.QA_HEDGES_BELOW:  # "gần 40 nghìn tỷ": at most the stated value
        lo -= h / 2  # "gần 27.000" is 26.500 or more: 26.147 would be "hơn 26.000"
    else:
        lo, hi = lo - h, hi + h
    if stated.qualifier in settings.QA_HEDGES_ABOVE and h:
        return lo <= computed < hi + unit  # "trên 99%" is not met by 98,5%
    if (h or slack) and lo - unit / 2 <= computed < hi + unit:
        return True
    scaled = computed / unit
    return any(scaled.quantize(Decimal(1), rounding=r) * unit == value for r in (ROUND_HALF_UP, ROUND_DOWN))


def _estimate_rounding(stated: Figure, inputs: Sequence[Figure]) -> Decimal:
    """Half the unit an estimated amount is rounded to, read from its trailing zeros, when an input is
    printed finer: "ước đạt 483.000 tấn" of 405.000 + 77.600 tấn is 482.600 rounded to thousands.  A
    count of things, or a total its inputs are as round as, is taken as printed."""
    if not stated.estimate or stated.kind in ("count", "percent") or not inputs:
        return Decimal(0)
    printed, scale = _printed(stated)
    # (three significant digits at least: "300.000 tấn" is rounded to thousands, not to a third of itself)
    zeros = min(_trailing_zeros(printed), len(str(int(abs(printed)))) - 3)
    finer = any(_trailing_zeros(_printed(f)[0]) < zeros for f in inputs)
    if zeros < settings.QA_ESTIMATE_ROUND_ZEROS or not finer:
        return Decimal(0)
    return Decimal(10) ** zeros * scale / 2


def _trailing_zeros(printed: Decimal) -> int:
    if printed != printed.to_integral_value() or not printed:
        return 0
    digits = str(int(abs(printed)))
    return len(digits) - len(digits.rstrip("0"))


def within_rounding(stated: Figure, parts: Sequence[Figure], computed: Decimal) -> bool:
    """The parts, printed with decimals, may add up to `computed` by rounding alone while the total they
    were rounded from is `stated`: each part and the total up to half a unit of the total's last digit
    off.  Counts of whole things are never rounded."""
    rounded = [f for f in parts if _printed(f)[0].as_tuple().exponent < 0]  # type: ignore[operator]
    if len(rounded) < 2:
        return False
    return abs(computed - stated.value) <= unit_of(stated) * (len(rounded) + 1) / 2


def ratio_agrees(
    stated: Figure, num: Figure, den_value: Decimal, inputs: Sequence[Figure]
) -> tuple[bool, Decimal]:
    """A stated percentage against num/den, with the hedges of the inputs as an interval."""
    computed = num.value / den_value * 100
    wholes = [f for f in inputs if f is not num]
    if agrees(stated, computed) or _open_ended(stated, computed, num, wholes):
        return True, computed
    h_num = _hedge(num)
    h_den = sum((_hedge(f) for f in inputs if f is not num), Decimal(0))
    if h_num or h_den:
        lo = (num.value - h_num) / (den_value + h_den) * 100 if den_value + h_den else computed
        hi = (num.value + h_num) / (den_value - h_den) * 100 if den_value - h_den > 0 else computed
        u = unit_of(stated)
        if lo - u <= stated.value <= hi + u / 2:
            return True, computed
    return _within_rounding(stated, num, den_value, inputs), computed


def _open_ended(stated: Figure, computed: Decimal, num: Figure, wholes: Sequence[Figure]) -> bool:
    """A count said only to be above something ("trên 22.700 hồ sơ") over a whole said only to be
    below something ("gần 25.000"): the rate is at least their ratio, and any stated rate above it holds
    (and the other way round). Only when every input that is hedged points the same way."""
    above, below = settings.QA_HEDGES_ABOVE, settings.QA_HEDGES_BELOW
    up = [num.qualifier in above] + [f.qualifier in below for f in wholes]
    down = [num.qualifier in below] + [f.qualifier in above for f in wholes]
    if any(up) and not any(down):
        if num.qualifier in above:
            return stated.value >= computed
        # only the whole is "gần" it: the rate a little above ("gần 1,452 tỷ": not 2,6% for 60,7%)
        den = sum((f.value - _hedge(f) for f in wholes), Decimal(0))
        return computed <= stated.value <= (num.value / den * 100 if den > 0 else computed) + unit_of(stated)
    if any(down) and not any(up):
        return stated.value <= computed
    return False


def _within_rounding(stated: Figure, num: Figure, den_value: Decimal, inputs: Sequence[Figure]) -> bool:
    """Inputs printed rounded to a scale ("638,76 tỷ" is 638,755…638,765 tỷ) reach the stated share by
    rounding half-up or by truncation: "9,18%" of 638,76/6.961,99 tỷ (9,17496…%) is a share of the
    unrounded amounts.  An amount printed in its own unit is taken as printed ("1,6 tạ/ha" over 24,6
    is 6,5%, not 6,6%), as a reader checking the report does."""

    def rounded(f: Figure) -> Decimal:
        u = unit_of(f)
        return u / 2 if u > 1 else Decimal(0)

    r_num = rounded(num)
    den = next((f for f in inputs if f is not num and f.value == den_value), None)
    r_den = rounded(den) if den is not None else Decimal(0)
    if not (r_num or r_den) or den_value - r_den <= 0:
        return False
    lo = (num.value - r_num) / (den_value + r_den) * 100
    hi = (num.value + r_num) / (den_value - r_den) * 100
    u = unit_of(stated)
    return lo < stated.value + u and hi >= stated.value - u / 2


# --- verdicts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    relation: Relation
    consistent: bool
    computed: Decimal


def evaluate(r: Relation, tolerance: float | None = None) -> Verdict:
    if r.check == "sum":
        parts = r.operands
        if r.over == "denominator":
            computed = sum((f.denominator or Decimal(0) for f in parts), Decimal(0))
            return Verdict(r, computed == r.stated.denominator, computed)
        if r.whole is not None:  # the whole is a fraction's denominator
            computed = r.operands[0].value + sum((f.value for f in r.operands[1:]), Decimal(0))
            return Verdict(r, computed == r.whole, computed)
        computed = sum((f.value for f in parts), Decimal(0))
        ok = agrees(r.stated, computed, parts, tolerance=tolerance) or scale_slip(r.stated, parts, computed)
        return Verdict(r, ok, computed)
    num = r.operands[0]
    den = r.whole if r.whole is not None else r.operands[1].value
    if r.over == "growth":  # this period's amount against last period's: the rise or fall in percent
        return _growth_verdict(r, tolerance)
    if r.check == "per_unit":
        computed = num.value / den
        return Verdict(r, agrees(r.stated, computed, r.operands, tolerance=tolerance), computed)
    if tolerance is not None:
        computed = num.value / den * 100
        return Verdict(r, agrees(r.stated, computed, tolerance=tolerance), computed)
    ok, computed = ratio_agrees(r.stated, num, den, r.operands)
    if r.check == "change" and not ok:  # "giảm 50 vụ (-5%)": the sign is said twice
        stated = r.stated.model_copy(update={"value": abs(r.stated.value)})
        ok, computed = ratio_agrees(stated, num.model_copy(update={"value": abs(num.value)}), den, r.operands)
    return Verdict(r, ok, computed)


def scale_slip(stated: Figure, parts: Sequence[Figure], computed: Decimal) -> bool:
    """"thụ lý 6.066 ngàn vụ … TAND tỉnh 485 vụ, …, các huyện 5.581 vụ": a whole number
    grouped in thousands and then scaled by a slip of the pen, whose unscaled parts add up to the
    number as printed."""
    printed, scale = _printed(stated)
    return (
        scale > 1
        and printed >= 1000
        and printed == printed.to_integral_value()
        and computed == printed
        and all(_printed(f)[1] == 1 for f in parts)
    )


def _growth_verdict(r: Relation, tolerance: float | None) -> Verdict:
    """(current − prior) / prior against a stated rise or fall; a fall stated for a rise is wrong outright.
    The prior is `r.whole`: last period's amount, or the denominator of "(6/173 DN)" (this year/last)."""
    cur, prior = r.operands[0], r.whole or Decimal(1)
    diff = cur.value - prior
    computed = abs(diff) / prior * 100
    if diff and (diff < 0) != (r.stated.change == "giảm"):
        return Verdict(r, False, computed)
    stated = r.stated.model_copy(update={"value": abs(r.stated.value)})
    if tolerance is not None:
        return Verdict(r, agrees(stated, computed, tolerance=tolerance), computed)
    change = cur.model_copy(update={"value": abs(diff)})  # for the rounding of the inputs only
    ok, computed = ratio_agrees(stated, change, prior, r.operands)
    return Verdict(r, ok, computed)


def _plans_among_done(r: Relation) -> bool:
    """A sum of what was done with a part that is a plan or a forecast ("đã gieo trồng 9.000 ha;
    trong đó … dự kiến gieo trồng trên 5.500 ha"): the parts are not of one kind, no alarm."""
    parts = (f for f in r.operands if f is not r.stated)
    return r.check == "sum" and not r.stated.estimate and any(f.estimate for f in parts)


def decide(rels: Iterable[Relation], tolerance: float | None = None) -> list[Verdict]:
    """Per stated figure: every plausible relation that reproduces it (one per distinct set of operands
    that shares no figure with one already kept), else an alarm from the best relation when a reader would
    vouch for it, else nothing."""
    groups: dict[tuple[str, int], list[Relation]] = {}
    for r in _shares_of_verified_breakdowns(list(rels), tolerance):
        groups.setdefault(r.key, []).append(r)
    out: list[Verdict] = []
    judged = {
        key: sorted(
            (evaluate(r, tolerance) for r in rs if r.confidence >= settings.QA_PLAUSIBLE),
            key=lambda v: (-v.relation.confidence, _miss(v)),  # equally sure: the closer reading first
        )
        for key, rs in groups.items()
    }
    # Parts that add up to one whole are not an error against another ("1.496 + 40 = 1.536", not 1.405).
    # (not by a hedged rate: "Hơn 95% số hộ …" holds for 186.367/194.274, which "đạt 95,23%" misses)
    verified = {
        _operand_key(v.relation)
        for vs in judged.values()
        for v in vs
        if v.consistent and v.relation.stated.qualifier not in settings.QA_HEDGES
    }
    sure = _wholes_siblings_confirm(judged.values())
    changes_hold = sum(
        any(v.consistent and v.relation.rule.startswith(CHANGE_RULE) for v in vs) for vs in judged.values()
    )
    wholes = _wholes_of_parts(judged.values())
    settled = _settled_bases(judged.values())
    for key, verdicts in judged.items():
        good = [v for v in verdicts if v.consistent]
        if key[0] == "ratio" and len(good) > 1:
            good = _sibling_base_first(_whole_base_first(good, wholes), settled)
        if good:
            used: set[int] = set()
            for v in good:
                ids = {f.index for f in v.relation.operands}
                if ids & used or (key[0] == "ratio" and used):
                    continue
                used |= ids
                out.append(v)
        elif verdicts and (
            (sibling := next((v for v in verdicts if _sibling_whole(v, sure)), None)) is not None
            and verdicts[0].relation.confidence < settings.QA_ALARM
            and _operand_key(sibling.relation) not in verified
        ):
            # "180 ứng cử viên nữ (chiếm 45%); 100 … (25%); 30 … (8,5%)", all of 400 said
            # paragraphs before: the one reading over the whole its siblings hold over
            out.append(sibling)
        elif (
            verdicts
            and (
                verdicts[0].relation.confidence >= settings.QA_ALARM
                or _slipped(verdicts[0])
                or (changes_hold >= settings.QA_SIBLING_CHANGES and _adjacent_change(verdicts))
            )
            and _near_miss(verdicts[0])
            and _operand_key(verdicts[0].relation) not in verified
            and not _plans_among_done(verdicts[0].relation)
        ):
            out.append(verdicts[0])
    out = _once_each(out)  # a breakdown judged apart by roles may hold as another holds: said once
    out = _over_their_own_sum(out, tolerance)
    out = _without_rates_of_own_bases(out)
    return out + _shares_of_one_whole(out, tolerance) + _shares_of_parts(out)


def _without_rates_of_own_bases(verdicts: list[Verdict]) -> list[Verdict]:
    """A breakdown's parts whose rates lie on both sides of their whole's rate are each a rate of its
    own base ("4.925 hộ nghèo, chiếm 0,97% …; thành thị 606 hộ, 0,73%; nông thôn 4.319 hộ,
    1,02%": an average of the areas' own rates), never shares of the whole's base, which are each
    below it: no alarm reads them over the whole or its base."""
    rate_of: dict[int, list[Verdict]] = {}
    for v in verdicts:
        r = v.relation
        if r.check == "ratio" and r.operands and r.over == "value":
            rate_of.setdefault(r.operands[0].index, []).append(v)
    dropped: set[int] = set()
    for v in verdicts:
        r = v.relation
        if r.check != "sum" or not v.consistent or r.whole is not None or r.over != "value":
            continue
        whole_rates = [w.relation for w in rate_of.get(r.stated.index, []) if w.consistent]
        part_rates = [rate_of.get(f.index, []) for f in r.operands]
        if len(whole_rates) != 1 or not all(part_rates):
            continue
        stated = [vs[0].relation.stated.value for vs in part_rates]
        if min(stated) < whole_rates[0].stated.value < max(stated):
            # (a part's rate over its own base, a row of a table, is still checked)
            over = {r.stated.index, *(f.index for f in whole_rates[0].operands[1:])}
            dropped |= {
                id(w)
                for vs in part_rates
                for w in vs
                if not w.consistent and w.relation.operands[-1].index in over
            }
    return [v for v in verdicts if id(v) not in dropped]


OWN_SUM_RULE = "các tỷ lệ cộng lại 100%: mỗi phần trên tổng các phần (tổng không nêu)"


def _over_their_own_sum(verdicts: list[Verdict], tolerance: float | None) -> list[Verdict]:
    """Shares that make 100% and fail over the whole they were read against, but each hold over the
    sum of their counts, are of that sum, a whole the text leaves out ("1 người hết hạn … và
    387 người chấm dứt …; nam 178 người, chiếm 45,88%; nữ 210 người, 54,12%": of 388,
    not of 387): the arithmetic names the whole, and a guessed one never alarms."""
    by_whole: dict[int, list[Verdict]] = {}
    for v in verdicts:
        r = v.relation
        if r.check == "ratio" and len(r.operands) == 2 and r.over == "value":
            by_whole.setdefault(r.operands[1].index, []).append(v)
    replaced: dict[int, Verdict] = {}
    for vs in by_whole.values():
        vs.sort(key=lambda v: v.relation.stated.start)
        rels = [v.relation for v in vs]
        for i in range(len(rels)):
            run = _longest_hundred(rels, i)
            if not run or all(v.consistent for v in vs[i : i + len(run)]):
                continue
            if any(unit_of(r.stated) > settings.QA_OWN_SUM_SHARE_UNIT for r in run):
                continue  # shares printed coarsely ("99,7%", "0,3%") fit many a whole: no say in which
            total = sum((r.operands[0].value for r in run), Decimal(0))
            if not total or total == run[0].operands[1].value:
                continue
            own = [
                evaluate(Relation("ratio", r.stated, r.operands[:1], OWN_SUM_RULE, r.confidence, whole=total),
                         tolerance)
                for r in run
            ]
            if all(v.consistent for v in own):
                replaced |= {id(v): w for v, w in zip(vs[i : i + len(run)], own)}
    return [replaced.get(id(v), v) for v in verdicts]


def _once_each(verdicts: list[Verdict]) -> list[Verdict]:
    seen: set[tuple[str, int, str, frozenset[int]]] = set()
    out = []
    for v in verdicts:
        key = (v.relation.check, v.relation.stated.index, *_operand_key(v.relation))
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _wholes_of_parts(groups: Iterable[list[Verdict]]) -> dict[int, set[int]]:
    """{part: the wholes it adds up to}, from the sums that hold."""
    out: dict[int, set[int]] = {}
    for vs in groups:
        for v in vs:
            if v.consistent and v.relation.check == "sum" and v.relation.over == "value":
                for f in v.relation.operands:
                    out.setdefault(f.index, set()).add(v.relation.stated.index)
    return out


def _base(v: Verdict) -> int | None:
    ops = v.relation.operands
    return ops[1].index if v.relation.check == "ratio" and len(ops) == 2 else None


def _whole_base_first(good: list[Verdict], wholes: dict[int, set[int]]) -> list[Verdict]:
    """"tiếp nhận 3.001 hồ sơ, trong đó nhận mới 3.000 …; giải quyết 2.998, đạt
    99,9%": when the rate holds over a part and over the whole that part adds up to, it
    is read over the whole (unless its numerator is a part of the first)."""
    first = _base(good[0])
    if first is None or first in wholes.get(good[0].relation.operands[0].index, ()):
        # "đúng hạn 585.116, trễ hạn 0 hồ sơ, tỷ lệ 0%": over the whole its numerator
        # is part of
        return good
    over = wholes.get(first, set())
    wider = next((v for v in good[1:] if _base(v) in over), None)
    return good if wider is None else [wider] + [v for v in good if v is not wider]


def _settled_bases(groups: Iterable[list[Verdict]]) -> dict[tuple[str, int], Decimal]:
    """{(sentence, whole): numerator} of the rates that hold over one whole only (by value)."""
    out: dict[tuple[str, int], Decimal] = {}
    for vs in groups:
        keys = {k for v in vs if v.consistent and (k := _rate_whole(v)) is not None}
        if len(keys) == 1:
            key = keys.pop()
            out[key] = next(v for v in vs if v.consistent).relation.operands[0].value
    return out


def _sibling_base_first(good: list[Verdict], settled: dict[tuple[str, int], Decimal]) -> list[Verdict]:
    """"đã giải quyết 990 hồ sơ. Trong đó, đúng hạn 980 hồ sơ, đạt 98%; 10 hồ sơ trễ
    hạn, đạt 1%" (of 1.000 received): a rate that holds over two wholes is read over the one its
    sibling in the sentence holds over alone, unless that sibling's count is one of its wholes (a
    part's rate after the rate of its whole)."""
    values = {v.relation.operands[1].value for v in good if _base(v) is not None}
    first = _rate_whole(good[0])
    if first is None or first in settled:
        return good
    for v in good[1:]:
        key = _rate_whole(v)
        if key is not None and key in settled and settled[key] not in values:
            return [v] + [g for g in good if g is not v]
    return good


def _rate_whole(v: Verdict) -> tuple[str, int] | None:
    r = v.relation
    if r.check != "ratio" or r.over != "value" or len(r.operands) != 2 or r.stated.kind != "percent":
        return None
    if r.whole is not None and r.whole != r.operands[1].value:
        return None
    return (r.stated.sentence, r.operands[1].index)


def _wholes_siblings_confirm(groups: Iterable[list[Verdict]]) -> set[tuple[str, int]]:
    """(sentence, whole) of the wholes that at least `QA_SIBLING_RATES` rates of one sentence reproduce."""
    count: dict[tuple[str, int], int] = {}
    for vs in groups:
        for key in {k for v in vs if v.consistent and (k := _rate_whole(v)) is not None}:
            count[key] = count.get(key, 0) + 1
    return {key for key, n in count.items() if n >= settings.QA_SIBLING_RATES}


def _sibling_whole(v: Verdict, sure: set[tuple[str, int]]) -> bool:
    """"phụ nữ 2.542 người, chiếm 40,90%; dân tộc thiểu số 1.150 người, tỷ lệ 18,5%;
    …": a rate over the whole its sibling rates reproduce, a little off, is an error, however the whole was
    found (a headline)."""
    key = _rate_whole(v)
    if key is None or key not in sure or not v.relation.stated.value:
        return False
    return abs(v.computed - v.relation.stated.value) <= v.relation.stated.value * Decimal(
        str(settings.QA_SIBLING_MISS)
    )


def _miss(v: Verdict) -> Decimal:
    r = v.relation
    stated = r.whole if r.whole is not None and r.check == "sum" else r.stated.value
    if r.over == "denominator":
        stated = r.stated.denominator or Decimal(0)
    return abs(v.computed - stated)


def _shares_of_verified_breakdowns(rels: list[Relation], tolerance: float | None) -> list[Relation]:
    """"39 xã … Cụ thể, mức độ 1 có 16 xã, chiếm 57,1%, …; mức độ 2 có 23 xã, chiếm
    42,9%": when parts add up to their whole and the shares stated for them add up to 100%, each share is of
    that whole — as sure as the breakdown, so a share that does not match it is an error."""
    sure = [
        r
        for r in rels
        if r.check == "sum" and r.over == "value" and r.whole is None and r.confidence >= settings.QA_ALARM
    ]
    boosted: dict[int, Relation] = {}
    by_whole: dict[int, list[Relation]] = {}
    for r in rels:
        if r.check == "ratio" and len(r.operands) == 2:
            by_whole.setdefault(r.operands[1].index, []).append(r)
    for s in sure:
        if not evaluate(s, tolerance).consistent:
            continue
        parts = {f.index for f in s.operands}
        shares = {
            r.operands[0].index: r
            for r in by_whole.get(s.stated.index, ())
            if r.operands[1] is s.stated and r.operands[0].index in parts
        }
        if len(shares) != len(s.operands):
            continue
        total = sum((r.stated.value for r in shares.values()), Decimal(0))
        if abs(total - 100) > sum((unit_of(r.stated) for r in shares.values()), Decimal(0)):
            continue
        for r in shares.values():
            rule = f"{r.rule}; tỷ lệ các phần của một tổng đã khớp cộng lại 100%"
            boosted[id(r)] = dataclasses.replace(r, rule=rule, confidence=max(r.confidence, s.confidence))
    return [boosted.get(id(r), r) for r in rels]


CHANGES_RULE = "mức tăng/giảm của các phần cộng lại mức tăng/giảm của tổng"


def _operand_key(r: Relation) -> tuple[str, frozenset[int]]:
    return r.over, frozenset(f.index for f in r.operands)


_DIRECTION = regex.compile(r"(?<![\p{L}])(?:tăng|giảm)(?![\p{L}])", regex.I)


def _near_miss(v: Verdict) -> bool:
    """A misprint leaves the parts close to their whole; parts covering a small share of it are a highlighted
    subset ("5.000 xã, trong đó 400 xã đạt chuẩn nâng cao …"), not a breakdown that fails."""
    if v.relation.check != "sum" or v.relation.identity:
        return True  # (received = new + carried over holds however far off the printed parts are)
    whole = v.relation.whole if v.relation.whole is not None else v.relation.stated.value
    if v.relation.over == "denominator":
        whole = v.relation.stated.denominator or Decimal(0)
    if _last_digits_off(v, whole):
        return True  # "103.749 + 5.620 = 109.369" against 109.370: a rounding slip, not a subset
    computed = v.computed
    if whole < 0:  # a fall made of signed changes: how far short, in size
        whole, computed = -whole, -computed
    if (
        computed < whole
        and all(_DIRECTION.search(p.sentence[:300]) for p in v.relation.operands)
        and v.relation.rule.startswith("'Trong N")
    ):
        return False  # "có 6 nhóm tăng, 4 nhóm giảm": the groups that held steady need not be named
    r = v.relation
    highlighted = r.stated.kind == "money" and r.rule.startswith("'trong đó'") and len(r.operands) < 3
    if computed < whole and highlighted:
        # "Tổng chi 6.000 tỷ, trong đó chi đầu tư 2.000 tỷ, chi thường xuyên 3.900 tỷ": the
        # two main items of a budget, not all of them ("trong đó" = of which); a list of three or more is
        # meant to be whole
        return False
    # "trong đó" is "of which": parts well short of their whole are the ones the report names, unless the
    # words say they are all of it
    open_list = r.rule.startswith(_OPEN_MARKERS) and not r.closed
    under = settings.QA_UNDERSHOOT_OPEN if open_list else settings.QA_UNDERSHOOT
    return bool(whole) and computed >= whole * (1 - Decimal(str(under)))


def close(computed: Decimal, stated: Decimal) -> bool:
    """A table cell off by less than `QA_YEARBOOK_NEAR` of itself: a misprint of the rule its row or column
    keeps, not a cell of another kind."""
    return abs(computed - stated) <= abs(stated) * Decimal(str(settings.QA_YEARBOOK_NEAR))


CHANGE_RULE = "mức thay đổi trên số kỳ trước"


def _adjacent_change(verdicts: list[Verdict]) -> bool:
    """"280 người, giảm 20 người tương ứng với 6,57%": the change right after this period's
    value and the rate right after the change, a little off (`QA_SIBLING_MISS`) while the text's other changes
    hold — the first reading is this one, so it is the one to judge."""
    v = verdicts[0]
    r = v.relation
    if r.check != "change" or not r.rule.startswith(CHANGE_RULE) or len(r.operands) != 2:
        return False
    change, current = r.operands
    # "280 người, giảm 20 người tương ứng 6,57%", "35.463 tấn … tăng 221,25% (24.435 tấn)"
    in_order = current.index == change.index - 1 and r.stated.index == change.index + 1
    rate_between = current.index == r.stated.index - 1 and change.index == r.stated.index + 1
    if not ((in_order or rate_between) and r.stated.value):
        return False
    if current.value and agrees(r.stated, abs(change.value) / current.value * 100):
        # "919 vụ, giảm 08 vụ tương ứng 0,87%": over this period's value, as some reports count
        return False
    return abs(v.computed - r.stated.value) <= abs(r.stated.value) * Decimal(str(settings.QA_SIBLING_MISS))


def _slipped(v: Verdict) -> bool:
    """A plausible sum of large amounts that misses by a unit or two of the whole's last digit: however unsure
    the rule that paired them, no other pairing comes that close by chance ("7.256,80 + 4.924,54" against
    "12.181,35")."""
    r = v.relation
    hedged = r.stated.qualifier in settings.QA_HEDGES
    if r.check != "sum" or r.over != "value" or r.whole is not None or hedged:
        return False
    large = unit_of(r.stated) * 1000
    if r.guessed and min(abs(f.value) for f in r.operands) < large:
        # two like amounts paired by a guess differ by little: a small change lands near their gap by
        # chance ("3.373 hộ … tăng 137 hộ … 3.508 hộ"), a large one does not
        # ("6.148,30 + 3.512,45 … 9.660,76")
        return False
    return r.stated.value >= large and _last_digits_off(v, r.stated.value)


def _last_digits_off(v: Verdict, whole: Decimal) -> bool:
    """Parts that miss their whole by a unit or two of its last printed digit: no subset is that close."""
    r = v.relation
    unit = min(unit_of(f) for f in (r.stated, *r.operands)) if r.whole is None else Decimal(1)  # the finest
    gap = abs(whole - v.computed)
    return bool(gap) and gap <= unit * settings.QA_LAST_DIGITS_OFF and abs(whole) >= unit * 100


_OPEN_MARKERS = ("'trong đó'", "'trong số đó'", "'trong số này'", "'như'")


def _shares_of_parts(verdicts: list[Verdict]) -> list[Verdict]:
    """When a breakdown adds up and every part and its whole is a confirmed share of one base, the parts'
    shares add up to the whole's share within their rounding: "2.393 hộ, chiếm 27,22% …, trong đó
    2.339 hộ, chiếm 26,61%; 53 hộ, chiếm 0,6%; 01 hộ, chiếm 0,01%" (26,61 + 0,6 + 0,01 =
    27,22)."""
    share: dict[int, tuple[Figure, int]] = {}  # count → (its rate, the base it is a share of)
    for v in verdicts:
        r = v.relation
        if v.consistent and r.check == "ratio" and len(r.operands) == 2:
            share.setdefault(r.operands[0].index, (r.stated, r.operands[1].index))
    out: list[Verdict] = []
    for v in verdicts:
        r = v.relation
        if not v.consistent or r.check != "sum" or r.over != "value" or r.stated.index not in share:
            continue
        rate, base = share[r.stated.index]
        parts = [share.get(p.index) for p in r.operands]
        if any(p is None or p[1] != base for p in parts):
            continue
        rates = tuple(p[0] for p in parts)  # type: ignore[index]
        rule = "tỷ lệ của các phần cộng lại bằng tỷ lệ của tổng (cùng một cơ sở)"
        out.append(evaluate(Relation("sum", rate, rates, rule, r.confidence)))
    return out


def _shares_of_one_whole(verdicts: list[Verdict], tolerance: float | None) -> list[Verdict]:
    """Counts whose confirmed shares of one whole add up to 100% are that whole's breakdown: their sum
    is checked too ("917.731 (chiếm 89,52%); 73.232 (7,14%); 34.203 (3,34%)" of 1.025.166)."""
    by_whole: dict[int, list[Relation]] = {}
    for v in verdicts:
        r = v.relation
        # a share raised as an alarm is still said to be of that whole ("209,5 vụ việc chiếm 92% tổng
        # số")
        said = v.consistent or r.confidence >= settings.QA_ALARM
        if said and r.check == "ratio" and len(r.operands) == 2:
            by_whole.setdefault(r.operands[1].index, []).append(r)
    summed = {
        (v.relation.stated.index, frozenset(f.index for f in v.relation.operands))
        for v in verdicts
        if v.relation.check == "sum"
    }
    confirmed = [
        (v.relation.stated.index, {f.index for f in v.relation.operands})
        for v in verdicts
        if v.relation.check == "sum" and v.consistent
    ]
    out: list[Verdict] = []
    for all_rs in by_whole.values():
        all_rs.sort(key=lambda r: r.stated.start)
        for i in range(len(all_rs)):  # the longest run of consecutive shares of the whole that makes 100%
            rs = _longest_hundred(all_rs, i)
            if not rs:
                continue
            parts = tuple(r.operands[0] for r in rs)
            whole, ids = rs[0].operands[1], frozenset(f.index for f in parts)
            if (whole.index, ids) in summed or len(ids) != len(parts):
                continue
            if any(w == whole.index and ids & done for w, done in confirmed):
                # "3.395 + 28 + 3 + 1 = 3.427" holds already: its first three are no breakdown, nor is its
                # last with the rows of the next breakdown of the same total
                continue
            if any(ids == done for _, done in confirmed):
                # "đúng hạn 980 (98%), trễ hạn 0 (0%)" make the 980 resolved: of it, not of all
                continue
            summed.add((whole.index, ids))
            rule = "các phần có tỷ lệ cộng lại 100% của cùng một tổng"
            out.append(evaluate(Relation("sum", whole, parts, rule, settings.QA_CONF_IDENTITY), tolerance))
    return out


def _longest_hundred(rs: list[Relation], i: int) -> list[Relation]:
    """The longest run of at least two shares from the i-th that adds up to 100% within their printing."""
    best: list[Relation] = []
    for j in range(i + 2, len(rs) + 1):
        shares = sum((r.stated.value for r in rs[i:j]), Decimal(0))
        slack = sum((unit_of(r.stated) / 2 for r in rs[i:j]), Decimal(0))
        if shares > 100 + slack:
            break
        if abs(shares - 100) <= slack:
            best = rs[i:j]
    return best
