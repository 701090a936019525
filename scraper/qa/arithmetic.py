"""Relations the words did not give but the arithmetic alone reproduces: confirmations, and one kind of alarm.

The rules in `pairs` relate figures by what the report says ("trong đó", "đạt", roles of a
file-processing report …). Reports word the same arithmetic in endless other ways, so where no rule related
a stated figure, this module searches its neighbourhood for operands that reproduce it:

- a rate printed finely enough (`QA_FINE_RATE_DIGITS` digits, "98,2%", "49,93%") and two amounts of the
  same kind nearby whose quotient gives it to the printed precision;
- a count or amount and a run of like amounts just after or just before it, at one parenthesis depth
  (a breakdown in brackets inside the run is passed over), that add up to it exactly.

A hit says the numbers agree, with a low confidence and a rule that names the search, so a reviewer knows
nothing but arithmetic related them. A miss says nothing: only the rules, which know the whole, raise
alarms — except a run of amounts printed as finely as a large total that misses it by a unit or two of its
last digit (`_slip`): no breakdown by chance comes that close, so it is a misprint.
Each search looks at a bounded number of neighbours, so the time stays linear in the text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from decimal import Decimal

import regex

from .. import settings
from ..extract.nonfigures import in_place_count_list
from ..models import Figure
from .sums import named_with, overlapping_facets, own_share, trails_off
from .text import MARKER, Text, is_amount, kinds_compatible
from .verdicts import Relation, Verdict, _printed, evaluate, unit_of
from .vocab import PERIOD_SHAPES

RATE_RULE = (
    "chỉ số học: hai số gần đó chia ra đúng tỷ lệ đã nêu (không có từ nối nào "
    "chỉ ra)"
)
POINTS_RULE = (
    "chỉ số học: tỷ trọng kỳ trước cộng mức tăng/giảm (điểm %) ra tỷ trọng kỳ "
    "này"
)
SIBLING_RULE = "tỷ lệ trên cùng tổng với các tỷ lệ khác trong câu đã khớp"
DENOMINATOR_RULE = (
    "chỉ số học: tỷ lệ của một số trên mẫu số của một phân số cùng loại gần "
    "đó"
)
REST_RULE = (
    "chỉ số học: tỷ lệ của một số trên tổng của nó với phần còn lại nêu bên "
    "cạnh (tổng không nêu)"
)
IMPLIED_RULE = (
    "tỷ lệ trên tổng các phần có tỷ lệ riêng cộng lại 100% (tổng không nêu)"
)
SLIP_RULE = (
    "chỉ số học: các số liền nhau cùng loại cộng lại lệch số đã nêu một, hai "
    "đơn vị ở chữ số cuối "
    "(không có từ nối nào chỉ ra)"
)
PAIR_RULE = (
    "chỉ số học: hai (ba) số cùng danh từ ở một phía cộng lại đúng bằng số "
    "đã nêu (không có từ nối nào chỉ ra; chỉ để xác nhận)"
)
SUM_RULE = (
    "chỉ số học: các số liền nhau cùng loại cộng lại đúng bằng số đã nêu (không "
    "có từ nối nào chỉ ra)"
)


def second_look(body: str, figures: Sequence[Figure], judged: Sequence[Verdict]) -> list[Verdict]:
    """The verdicts after the arithmetic had its say, and confirmations for the stated figures no verdict
    speaks of. An alarm the search explains is replaced by what it found: the rate's numerator over another
    whole beside it gives the rate, or the parts with like amounts next to them add up to the total (the
    list was longer than the rule read); another breakdown of the same total explains nothing. An alarm
    the arithmetic rules out is dropped: parts of different periods ("tháng 7" and "lũy kế 7 tháng") are
    no breakdown, and shares of a breakdown that adds up but whose shares do not make 100% are shares of
    other wholes ("609 cán bộ: cấp tỉnh 151 (chiếm 15,22%) …": of each level's officials)."""
    tx = Text(body, [f for f in figures if f.table is None])
    other_wholes = _shares_of_other_wholes(judged)
    printed = [{f.index for f in v.relation.operands} for v in judged if v.relation.check == "sum"]
    every = list(map(evaluate, _implied_wholes(tx, printed)))
    readings = [v for v in every if v.consistent]
    implied = {v.relation.stated.index: v for v in readings if v.relation.check == "ratio"}
    implied |= {v.relation.stated.index: v for v in _odd_share_out(every)}
    # a breakdown of a whole printed before, another than the one judged ("368 HTX, trong đó 149 … và
    # 219 …" ¶ by rating: 58 + 163 + 73 + 50 + 24)
    judged_parts = {frozenset(f.index for f in v.relation.operands) for v in judged}
    sums = [v for v in readings if v.relation.check == "sum"]
    sums = [v for v in sums if frozenset(f.index for f in v.relation.operands) not in judged_parts]
    out = []
    for v in judged:
        if not v.consistent and (id(v) in other_wholes or _mixed_periods(tx, v.relation)):
            continue
        found = _explained(tx, v) if not v.consistent else None
        if found is None and not v.consistent and v.relation.check == "ratio":
            found = implied.get(v.relation.stated.index)  # a share of the parts' own sum, not of that whole
        out.append(found or v)
    done = {v.relation.stated.index for v in out}
    out += [v for i, v in implied.items() if i not in done] + sums
    out += _confirmations(tx, out)
    out += _point_changes(tx, out)
    return out + _sibling_shares(tx, out)


def _odd_share_out(verdicts: list[Verdict]) -> list[Verdict]:
    """Of shares that make 100% over their amounts' sum, the one that misses it while `QA_SIBLING_RATES`
    others hold ("310 người (62,5%); 180 người (36,3%); 6 người (1,3%)": 6/496 is 1,21%): the list is
    complete by its shares and the whole confirmed by the others, so the miss is a misprint."""
    held: dict[Decimal | None, int] = {}
    for v in verdicts:
        if v.relation.check == "ratio" and v.consistent:
            held[v.relation.whole] = held.get(v.relation.whole, 0) + 1
    return [
        v
        for v in verdicts
        if v.relation.check == "ratio" and not v.consistent
        and held.get(v.relation.whole, 0) >= settings.QA_SIBLING_RATES
    ]


def _sibling_shares(tx: Text, judged: Sequence[Verdict]) -> list[Verdict]:
    """"nhà dân với 80 vụ, chiếm 37,9%; 25 vụ … (chiếm 11,8%); … 18 vụ … (chiếm 8,5%)":
    when two or more shares of a sentence hold over one whole, the other counts of the sentence with a share
    of their own are over it too, however coarsely printed: it holds, or misses by a little (an alarm), or
    says nothing."""
    wholes: dict[int, dict[Decimal, int]] = {}
    printed: dict[Decimal, Figure] = {}  # the whole as a figure, where a sibling's check shows one
    for v in judged:
        r = v.relation
        if v.consistent and r.check == "ratio" and r.stated.kind == "percent" and len(r.operands) <= 2:
            den = r.whole if r.whole is not None else r.operands[-1].value
            count = wholes.setdefault(tx.sentence(r.stated.start), {})
            count[den] = count.get(den, 0) + 1
            if len(r.operands) == 2 and r.operands[1].value == den:
                printed[den] = r.operands[1]
    done = {v.relation.stated.index for v in judged}
    out: list[Verdict] = []
    for f in tx.figures:
        sure = [w for w, n in wholes.get(tx.sentence(f.start), {}).items() if n >= settings.QA_SIBLING_RATES]
        share = own_share(tx, f) if len(sure) == 1 and is_amount(f) and not f.change else None
        if share is None or share.index in done or not 0 < f.value < sure[0]:
            continue
        ops = (f, printed[sure[0]]) if sure[0] in printed else (f,)
        v = evaluate(Relation("ratio", share, ops, SIBLING_RULE, settings.QA_CONF_ARITHMETIC, whole=sure[0]))
        miss = abs(v.computed - share.value) <= share.value * Decimal(str(settings.QA_SIBLING_MISS))
        if v.consistent or miss:
            out.append(v)
    return out


def _point_changes(tx: Text, judged: Sequence[Verdict]) -> list[Verdict]:
    """"công nghiệp chiếm 76,19% … (cùng kỳ: 75,36% - …) ¶ tỷ trọng công nghiệp tăng
    0,83%": a share's rise or fall in points, from last period's share to this one's — the one pair of
    shares nearby it separates exactly (several pairs: no telling which)."""
    used = {f.index for v in judged for f in (v.relation.stated, *v.relation.operands)}
    out: list[Verdict] = []
    for c in tx.figures:
        if c.kind != "percent" or c.index in used or _digits(c) < 3 or not (c.change or c.value < 0):
            continue
        step = -abs(c.value) if c.change == "giảm" or c.value < 0 else abs(c.value)
        before, after = _neighbours(tx, c, lambda g: g.kind == "percent" and not g.change and g.value > 0)
        near = before + after
        pairs = [(a, b) for a in near for b in near if a is not b and a.value - b.value == step]
        if len(pairs) != 1:
            continue
        new, old = pairs[0]
        rel = Relation("sum", new, (old, c), POINTS_RULE, settings.QA_CONF_ARITHMETIC)
        if c.value < 0 or c.change != "giảm":
            out.append(evaluate(rel))
        else:  # "giảm 0,87%": last period's share is this one's and the fall
            out.append(evaluate(Relation("sum", old, (new, c), POINTS_RULE, settings.QA_CONF_ARITHMETIC)))
    return [v for v in out if v.consistent]


def _implied_wholes(tx: Text, printed: list[set[int]]) -> list[Relation]:
    """"chế biến, chế tạo đạt 5.205,2 triệu USD, chiếm 39,4% tổng vốn đăng ký cấp
    mới; bất động sản đạt 5.003,1 triệu USD, chiếm 37,9%; các ngành còn lại đạt
    2.997,1 triệu USD, chiếm 22,7%": amounts of one paragraph, each with its own share, the shares making
    100% — the whole they are shares of may be the amounts' sum, printed or not. A share that is its amount
    over that sum is confirmed (and explains an alarm over another whole); one that is not says nothing, since
    the list may leave out a part. Amounts that are the parts of a printed whole (`printed`: the operands of
    the sums judged) are shares of it."""
    by_paragraph: dict[int, list[tuple[Figure, Figure]]] = {}
    for f in tx.figures:
        if is_amount(f) and not f.change and (share := own_share(tx, f)) is not None and share.value < 100:
            by_paragraph.setdefault(tx.paragraph(f.start), []).append((f, share))
    out: list[Relation] = []
    for pairs in _paragraph_runs(by_paragraph) + _sentence_runs(tx, by_paragraph):
        amounts, shares = [a for a, _ in pairs], [s for _, s in pairs]
        if not 2 <= len(pairs) <= settings.QA_SHARES_MAX_TERMS or len({id(s) for s in shares}) < len(shares):
            continue
        ids = {a.index for a in amounts}
        if not all(kinds_compatible(a, amounts[0]) for a in amounts[1:]):
            continue
        whole = sum((a.value for a in amounts), Decimal(0))
        if any(ids <= p for p in printed) and _printed_before(tx, amounts, whole) is None:
            continue  # the parts of a printed whole other than their sum: shares of it
        if not _hundred(pairs):
            continue
        whole = sum((a.value for a in amounts), Decimal(0))
        rule = f"{IMPLIED_RULE} ({' + '.join(a.raw for a in amounts)})"
        conf = settings.QA_CONF_IMPLIED_WHOLE
        total = _printed_before(tx, amounts, whole)
        if total is None:
            out += [Relation("ratio", s, (a,), rule, conf, whole=whole) for a, s in pairs]
            continue
        # the whole is printed: each share is shown over it
        rule = f"{IMPLIED_RULE}, bằng số {total.raw} nêu trước"
        out += [Relation("ratio", s, (a, total), rule, conf, whole=whole) for a, s in pairs]
        out.append(Relation("sum", total, tuple(amounts), PRINTED_WHOLE_RULE, conf))
    return out


PRINTED_WHOLE_RULE = (
    "các phần có tỷ lệ riêng cộng lại 100% cộng lại bằng số cùng loại nêu trước "
    "(chỉ để xác nhận)"
)


def _printed_before(tx: Text, amounts: list[Figure], whole: Decimal) -> Figure | None:
    """"Tỉnh có 368 HTX … ¶ - Có 58 HTX loại tốt, chiếm 15,8% …; - Có 163 HTX …": the amount
    printed before a breakdown whose shares make 100% that its parts add up to exactly, counting the same
    thing (only ever a confirmation: what does not add up says nothing)."""
    para = tx.paragraph(amounts[0].start)
    for f in tx.in_paragraphs(para - settings.QA_FAR_WHOLE_PARAGRAPHS, para, amounts[0].start):
        like = tx.compatible(f, amounts[0]) or named_with(tx, amounts[0], f)  # "… nhà trẻ, trường"
        if f.start < amounts[0].start and f.value == whole and not f.change and like:
            return f
    return None


_Pairs = list[tuple[Figure, Figure]]


def _sentence_runs(tx: Text, by_paragraph: dict[int, _Pairs]) -> list[_Pairs]:
    """The pairs of one sentence that make 100% in a paragraph whose pairs do not ("ĐB tái cử
    160 người (tỉ lệ 32,3%) … + Trình độ: trên đại học 310 người (62,5%); …")."""
    runs = []
    for pairs in by_paragraph.values():
        if _hundred(pairs):
            continue
        by_sentence: dict[int, _Pairs] = {}
        for a, share in pairs:
            by_sentence.setdefault(tx.sentence(a.start), []).append((a, share))
        runs += [run for run in by_sentence.values() if 2 <= len(run) < len(pairs) and _hundred(run)]
    return runs


def _paragraph_runs(by_paragraph: dict[int, _Pairs]) -> list[_Pairs]:
    """The (amount, share) pairs of each paragraph, and of each two adjacent paragraphs whose shares
    make 100% only together ("các KCN thu hút 376 triệu USD, chiếm 86,6% tổng vốn …" ¶ "Bên
    ngoài các KCN thu hút 58,3 triệu USD, chiếm 13,4% tổng vốn …")."""
    runs = list(by_paragraph.values())
    for k, pairs in by_paragraph.items():
        if _hundred(pairs):
            continue
        run, j = list(pairs), k + 1
        # one item a paragraph ("- Có 58 HTX …, chiếm 15,8% ¶ - Có 163 HTX …, chiếm 44,3% ¶ …"):
        # the paragraphs after it, up to the one that makes 100%
        cap = settings.QA_SHARES_MAX_TERMS
        while (nxt := by_paragraph.get(j)) is not None and len(run) + len(nxt) <= cap:
            if _hundred(nxt):
                break
            run += nxt
            j += 1
            if _hundred(run):
                runs.append(run)
                break
    return runs


def _hundred(pairs: _Pairs) -> bool:
    """The shares make 100% within their printing."""
    slack = sum((unit_of(s) for _, s in pairs), Decimal(0)) / 2
    return abs(sum((s.value for _, s in pairs), Decimal(0)) - 100) <= slack


def _mixed_periods(tx: Text, r: Relation) -> bool:
    """Parts of one sum that are of overlapping but different periods ("tháng 7/2023" and "7 tháng đầu
    năm 2023"), or whose own clauses name periods of different shapes ("… tháng 7 đạt 19.750 tấn,
    đưa lũy kế 7 tháng đạt 136.915 tấn"). Parts of periods apart (2015, 2016, 2017) are a breakdown
    over time."""
    if r.check != "sum":
        return False
    spans = {(f.period_start, f.period_end) for f in r.operands if f.period_start and f.period_end}
    nested = any(a != b and a[0] <= b[1] and b[0] <= a[1] for a in spans for b in spans)
    shapes = {shape for f in r.operands if (shape := _period_shape(tx, f))}
    return nested or len(shapes) > 1


_SHAPES = [(name, regex.compile(pattern, regex.I)) for name, pattern in PERIOD_SHAPES.items()]
_CLAUSE_CUT = regex.compile(r"[,;.\n]")
# "so với (cùng kỳ) năm 2024": not its period
_COMPARED = regex.compile(r"(?:so|với|kỳ)\s+$", regex.I)


def _period_shape(tx: Text, f: Figure) -> str | None:
    """The shape of the period the figure's own clause names (the last one named before it), else of the
    period the extractor gave it."""
    clause = _CLAUSE_CUT.split(tx.t[max(0, f.start - settings.QA_PERIOD_CLAUSE) : f.start])[-1]
    found = sorted(
        (m.start(), -m.end(), name)
        for name, rx in _SHAPES
        for m in rx.finditer(clause)
        if not _COMPARED.search(clause, 0, m.start())
    )
    # the last phrase named, not a piece of it ("năm 2019" of "6 tháng đầu năm 2019")
    outer = [s for s in found if not any(o[0] <= s[0] and -s[1] <= -o[1] and o != s for o in found)]
    if outer:
        return outer[-1][2]
    text = f.period_text or ""
    return next((name for name, rx in _SHAPES if rx.match(text)), None)


def _shares_of_other_wholes(judged: Sequence[Verdict]) -> set[int]:
    """The rate alarms (by id) over the parts of a breakdown that adds up, when every part has a stated
    share and the shares are far from making 100%."""
    out: set[int] = set()
    rates: dict[tuple[int, int], Verdict] = {}
    for v in judged:
        r = v.relation
        of_whole = r.whole is None or r.whole == r.operands[-1].value
        if r.check == "ratio" and r.stated.kind == "percent" and len(r.operands) == 2 and of_whole:
            rates.setdefault((r.operands[0].index, r.operands[1].index), v)
    for v in judged:
        r = v.relation
        if r.check != "sum" or not v.consistent or r.over != "value" or len(r.operands) < 2:
            continue
        shares = [rates.get((p.index, r.stated.index)) for p in r.operands]
        if any(s is None for s in shares):
            continue
        total = sum((s.relation.stated.value for s in shares if s is not None), Decimal(0))
        if abs(total - 100) > Decimal(str(settings.QA_SHARES_OTHER_WHOLES)):
            out |= {id(s) for s in shares if s is not None and not s.consistent}
    return out


_TABLE_RULES = ("bảng", "niên giám")


def _explained(tx: Text, v: Verdict) -> Verdict | None:
    r = v.relation
    if r.over != "value" or r.stated.table is not None or (r.whole is not None and r.check != "ratio"):
        return None
    if r.rule.startswith(_TABLE_RULES):
        return None  # a table's cell breaks the rule its row or column keeps: no neighbour explains that
    found = None
    if r.check == "ratio" and r.stated.kind == "percent":
        found = _rate_search(tx, r.stated, r.operands[0])
    elif r.check == "sum":
        found = _sum_search(tx, r.stated, set())
        if found is not None and not {f.index for f in r.operands} <= {f.index for f in found.operands}:
            found = None
    if found is None or not (verdict := evaluate(found)).consistent:
        return None
    instead = dataclasses.replace(found, rule=f"{found.rule}; thay cho: {r.rule}")  # what a reviewer weighs
    return dataclasses.replace(verdict, relation=instead)


def _confirmations(tx: Text, judged: Sequence[Verdict]) -> list[Verdict]:
    """Confirmations for the stated figures no verdict speaks of (see the module's docstring). A figure a
    verdict takes as a part is not offered to another whole: the words (or an earlier sum) placed it."""
    done = {v.relation.stated.index for v in judged}
    placed = {g.index for v in judged if v.relation.check == "sum" for g in v.relation.operands}
    # a total one breakdown made exactly may have another ("8.200,8 nghìn tấn, gồm cá …, tôm …,
    # khác … ¶ nuôi trồng 4.432,5 … ¶ khai thác 3.768,3"): only a pair can confirm it
    made = {v.relation.stated.index for v in judged if v.relation.check == "sum" and v.consistent}
    out: list[Verdict] = []
    for f in tx.figures:
        if f.index in made and f.index not in placed and (rel := _pair_search(tx, f, placed)) is not None:
            if (v := evaluate(rel)).consistent and not overlapping_facets(tx, rel):
                out.append(v)
                placed |= {g.index for g in rel.operands}
            continue
        if f.index in done or f.change or f.prior_period or f.range is not None:
            continue
        rel = (_rate_search(tx, f) if f.kind == "percent" else None) or _sum_search(tx, f, placed)
        if rel is None and f.index not in placed and _slip(f):
            rel = _sum_search(tx, f, placed, slip=_slip(f))
            if rel is not None and _made_beside(tx, f, rel.operands):
                rel = None  # "1.520 | 380 | 1.900 | 1.901": the cell beside it is their sum
        if rel is None:
            rel = _pair_search(tx, f, placed)
        if rel is not None and overlapping_facets(tx, rel):
            continue  # "25 đại biểu nữ, 39 đại biểu dân tộc …": facets, not a breakdown
        if rel is not None and ((v := evaluate(rel)).consistent or rel.rule == SLIP_RULE):
            out.append(v)
            if rel.check == "sum":
                placed |= {g.index for g in rel.operands}
    return out


def _made_beside(tx: Text, w: Figure, parts: Sequence[Figure]) -> bool:
    """Whether a figure a few places from `w`, in its unit, is exactly the sum of `parts`: they make that one,
    and missing `w` by a unit says nothing."""
    total = sum((g.value for g in parts), Decimal(0))
    i, reach = tx.order[id(w)], settings.QA_SLIP_BESIDE
    near = tx.figures[max(0, i - reach) : i] + tx.figures[i + 1 : i + 1 + reach]
    return any(g.value == total and unit_of(g) == unit_of(w) for g in near if all(g is not p for p in parts))


def _pair_search(tx: Text, w: Figure, placed: set[int]) -> Relation | None:
    """Two amounts of the noun of an amount `w` on one side of it, not side by side, that add up to it
    exactly ("388.102 hộ nghèo ¶ … 4.210 hộ … 224.335 hộ cận nghèo ¶ … 612.437 hộ"): the
    nearest such pair. A round whole or a small one is made of two others by chance too often to say so."""
    if not is_amount(w) or w.value < settings.QA_ARITH_MIN_WHOLE or _printed(w)[0] % 10 == 0:
        return None
    period = _period_shape(tx, w)

    def free(g: Figure) -> bool:
        return g.index not in placed and is_amount(g) and not g.change and g.value < w.value

    before, after = _neighbours(tx, w, lambda g: free(g) and tx.compatible(g, w) and _of(tx, g, period))
    for side in (after, before):
        found = _two_of(side, w.value)
        if found is None and w.value >= settings.QA_ARITH_THREE_MIN_WHOLE:
            found = _three_of(side, w.value)
        if found is not None:
            parts = tuple(sorted(found, key=lambda f: f.start))
            return Relation("sum", w, parts, PAIR_RULE, settings.QA_CONF_ARITHMETIC)
    return None


def _two_of(side: list[Figure], total: Decimal) -> tuple[Figure, ...] | None:
    """The nearest two of `side` (nearest first) that add up to `total`."""
    seen: dict[Decimal, Figure] = {}
    for g in side:
        if (h := seen.get(total - g.value)) is not None:
            return (h, g)
        seen.setdefault(g.value, g)
    return None


def _three_of(side: list[Figure], total: Decimal) -> tuple[Figure, ...] | None:
    """Three of `side` that add up to `total` (a bounded side: at most QA_ARITH_NEIGHBOURS)."""
    for k, g in enumerate(side):
        if (two := _two_of(side[k + 1 :], total - g.value)) is not None:
            return (g, *two)
    return None


def _slip(w: Figure) -> Decimal:
    """How far a run of parts may miss a large amount and still be its breakdown, misprinted: a unit or two
    of its last printed digit ("9.877 + 8.097 + 4.081 tỷ" against "22.056 tỷ"); nothing for small or
    hedged amounts, shares and fractions, which runs miss by that much by chance."""
    unit = unit_of(w)
    hedged = w.qualifier in settings.QA_HEDGES
    if not is_amount(w) or hedged or w.kind in ("percent", "ratio") or w.value < unit * 1000:
        return Decimal(0)
    return unit * settings.QA_LAST_DIGITS_OFF


def _digits(f: Figure) -> int:
    return sum(ch.isdigit() for ch in f.raw)


def _reproduces(stated: Figure, computed: Decimal, truncated: bool = False) -> bool:
    """The computed value printed to the stated figure's precision (rounded half-up, or for a rate also cut
    off) is the stated figure: no slack for hedges or rounded inputs, since nothing but the arithmetic says
    these numbers belong together."""
    unit = unit_of(stated)
    if stated.value - unit / 2 <= computed < stated.value + unit / 2:
        return True
    return truncated and stated.value <= computed < stated.value + unit


def _neighbours(tx: Text, f: Figure, like: Callable[[Figure], bool]) -> tuple[list[Figure], list[Figure]]:
    """The figures `like` says may go with `f`, nearest first, at most `QA_ARITH_NEIGHBOURS` on each side,
    from `QA_ARITH_PARAGRAPHS_BEFORE` paragraphs before it to `QA_ARITH_PARAGRAPHS_AFTER` after (a total's
    parts may take paragraphs to tell, one bullet a paragraph)."""
    p = tx.paragraph(f.start)
    if p == 0 and _headline(tx):  # a headline's figure is told in full anywhere below it
        near = tx.span(0, len(tx.t), near=f.start)
    else:
        near = tx.in_paragraphs(
            p - settings.QA_ARITH_PARAGRAPHS_BEFORE, p + settings.QA_ARITH_PARAGRAPHS_AFTER, near=f.start
        )
    near = [g for g in near if g is not f and like(g)]
    k = settings.QA_ARITH_NEIGHBOURS
    before = [g for g in near if g.start < f.start][::-1][:k]
    after = [g for g in near if g.start > f.start][:k]
    return before, after


def _headline(tx: Text) -> bool:
    """The text opens with a headline: a first line short enough to be one, with more text after it."""
    end = tx.t.find("\n")
    return 0 < end <= settings.QA_CAPTION_MAX and bool(tx.t[end:].strip())


def _rate_search(tx: Text, p: Figure, num: Figure | None = None) -> Relation | None:
    """A like amount near a finely printed rate that, as the whole of `num`, reproduces it (the nearest such,
    of the same noun first, then of the same kind and unit). Without `num`, the numerator is one of the
    amounts nearest the rate in its sentence (in the next when its own has none), the count a rate is stated
    for ("1.793 hộ được công nhận, bằng 74,4%", "đạt 74,4% (1.793 hộ)"): any two amounts of a
    long sentence give some rate by chance."""
    if _digits(p) < settings.QA_FINE_RATE_DIGITS or not Decimal(0) < p.value < Decimal(100):
        return None
    before, after = _neighbours(tx, p, is_amount)
    here = tx.sentence(p.start)
    wholes = sorted(before + after, key=lambda g: abs(g.start - p.start))
    k = settings.QA_ARITH_RATE_SUBJECTS
    nums = [num] if num is not None else [g for g in before[:k] + after[:k] if tx.sentence(g.start) == here]
    # "… tỷ lệ cử tri đi bầu đạt 99,99%. Cụ thể, …": the counts in the sentence after or
    # before
    # (or, when none of its own gives the rate, in those sentences: "Riêng cá tra đạt 41.236 tấn. …
    # so với chỉ tiêu cả năm (128.000 tấn) thì mới đạt 32,22%")
    nearest = _nearest_sentences(tx, before, after, here)
    beside = [g for g in after if g.index in nearest][:k] + [g for g in before if g.index in nearest][:k]
    for group in ([nums] if num is not None else [nums, beside] if nums else [beside]):
        if (found := _over_wholes(tx, p, group, wholes)) is not None:
            return found
    if num is not None:
        # "… có 1.760/2.000 đồng chí, …; … 220 đồng chí, chiếm 11%": of the fraction's whole
        return _over_a_denominator(tx, p, [num])
    # a fraction's numerator is a whole too, whatever its noun ("Có 11/17 ứng cử viên đã trúng
    # cử. Trong đó, có 4 đại biểu nữ, chiếm tỷ lệ 36,3%")
    fractions, _ = _neighbours(tx, p, lambda g: g.kind == "ratio" and bool(g.denominator))
    if (found := _over_wholes(tx, p, nums or beside, fractions, any_noun=True)) is not None:
        return found
    return _over_a_denominator(tx, p, nums) or _over_the_rest(tx, p) or _fraction_of(tx, p)


def _over_wholes(
    tx: Text, p: Figure, nums: list[Figure], wholes: list[Figure], any_noun: bool = False
) -> Relation | None:
    """The first of `nums` over one of `wholes` that gives rate `p` (like nouns first, then like kinds)."""
    for like in [_any_two] if any_noun else [tx.compatible, kinds_compatible]:
        for n in nums:
            for b in wholes:
                gives = b.value > n.value > 0 and _reproduces(p, n.value / b.value * 100, truncated=True)
                if gives and like(n, b) and not _change_over_its_level(tx, n, b):
                    return Relation("ratio", p, (n, b), RATE_RULE, settings.QA_CONF_ARITHMETIC)
    return None


def _change_over_its_level(tx: Text, change: Figure, level: Figure) -> bool:
    """"200 người, giảm 25 người tương ứng với 12,50%": 25/200 is a change over this
    period's level, the slip the change rules name; no confirmation."""
    return bool(change.change) and not level.change and tx.order[id(level)] == tx.order[id(change)] - 1


def _any_two(a: Figure, b: Figure) -> bool:
    return True


def _nearest_sentences(tx: Text, before: list[Figure], after: list[Figure], here: int) -> set[int]:
    """The indexes of the amounts of the nearest other sentence on each side of sentence `here`."""
    out: set[int] = set()
    for side in (after, before):
        others = [g for g in side if tx.sentence(g.start) != here]
        if others:
            out.update(g.index for g in others if tx.sentence(g.start) == tx.sentence(others[0].start))
    return out


def _over_a_denominator(tx: Text, p: Figure, nums: list[Figure]) -> Relation | None:
    """The rate of a count over the denominator of a fraction of the same noun nearby ("… dập tắt 28/211
    vụ cháy. … nhà dân với 80 vụ, chiếm 37,9%"): the fraction names the whole again."""
    before, after = _neighbours(tx, p, lambda g: g.kind == "ratio" and bool(g.denominator))
    for n in nums:
        for f in sorted(before + after, key=lambda g: abs(g.start - p.start)):
            den = f.denominator or Decimal(0)
            gives = den > n.value > 0 and _reproduces(p, n.value / den * 100, truncated=True)
            if gives and tx.compatible(n, f):
                rule = f"{DENOMINATOR_RULE} ({f.raw})"
                # the whole printed on its own too ("xảy ra 211 vụ cháy"): the figure a reviewer looks
                # for
                same = tx.by_value.get(den, [])[: settings.QA_ARITH_NEIGHBOURS]  # bounded: linear
                printed = [g for g in same if is_amount(g) and tx.compatible(g, n)]
                if printed:
                    ops = (n, min(printed, key=lambda g: abs(g.start - p.start)))
                    return Relation("ratio", p, ops, rule, settings.QA_CONF_ARITHMETIC, whole=den)
                return Relation("ratio", p, (n,), rule, settings.QA_CONF_ARITHMETIC, whole=den, source=f)
    return None


_REST_BEFORE = regex.compile(r"(?<![\p{L}])còn(?:\s+lại)?(?:\s+\p{L}+)?\s*$", regex.I)
_NOT_YET_AFTER = regex.compile(r"[^\d,;.]{0,30}?(?<![\p{L}])chưa(?![\p{L}])", regex.I)


def _over_the_rest(tx: Text, p: Figure) -> Relation | None:
    """The rate of a count over it and the rest named beside it ("47.282 học sinh. Đạt tỷ lệ 99,43%,
    còn 272 học sinh chưa tham gia"; the rest is said to remain, "còn", or not yet done, "chưa"): the
    whole, never printed, is the two together."""
    here, k = tx.sentence(p.start), settings.QA_ARITH_RATE_SUBJECTS
    near = [g for g in tx.in_sentences(here - 1, here, p.start) if is_amount(g) and not g.change]
    near = sorted(near, key=lambda g: abs(g.start - p.start))[: 2 * k]
    rests = [g for g in near if _REST_BEFORE.search(tx.before(g, 20)) or _NOT_YET_AFTER.match(tx.t, g.end)]
    for n in near:
        for g in rests:
            if g is not n and n.value > 0 and tx.compatible(n, g):
                whole = n.value + g.value
                if _reproduces(p, n.value / whole * 100, truncated=True):
                    rule = f"{REST_RULE} ({n.raw} + {g.raw})"
                    return Relation("ratio", p, (n,), rule, settings.QA_CONF_ARITHMETIC, whole=whole)
    return None


def _fraction_of(tx: Text, p: Figure) -> Relation | None:
    """A fraction near the rate, or in the headline, that gives it ("105/108 đơn vị cấp xã đạt
    chuẩn" over the text, "… đạt 97,2%" lines below)."""
    before, after = _neighbours(tx, p, lambda g: g.kind == "ratio" and bool(g.denominator))
    for f in sorted(before + after, key=lambda g: abs(g.start - p.start)):
        den = f.denominator or Decimal(0)
        if 0 < f.value < den and _reproduces(p, f.value / den * 100, truncated=True):
            return Relation("ratio", p, (f,), RATE_RULE, settings.QA_CONF_ARITHMETIC, whole=den)
    return None


def _sum_search(tx: Text, w: Figure, placed: set[int], slip: Decimal = Decimal(0)) -> Relation | None:
    """A run of like figures right after or right before `w` that adds up to it (the shortest run): amounts of
    the same noun first, then of the same kind and unit ("482 trường, trung tâm": 17 trung tâm is one);
    shares of a share ("xuất sắc 23,3%, giỏi 49,9%, xuất sắc và giỏi 73,2%"); fractions whose
    numerators and denominators both add up; not figures `placed` as another whole's operands. With a `slip`,
    a run of amounts printed as finely as the whole that misses it by no more than that (an alarm)."""
    if w.kind == "percent":
        likes = [lambda g: g.kind == "percent" and not (g.change or g.prior_period or g.range)]
    # "67/69 trường … 23/23 …, 22/22 …, 22/24": both add up
    elif w.kind == "ratio" and w.denominator:
        likes = [lambda g: g.kind == "ratio" and bool(g.denominator)]
    elif not is_amount(w):
        return None
    else:
        span = (0, len(tx.t))
        if w.value < settings.QA_ARITH_MIN_WHOLE and w.value % 1 == 0:
            # small counts add up by chance ("13 vụ" = 8 người + 5 người) unless the words open their
            # list
            if (opened := _small_whole_span(tx, w)) is None:
                return None
            span = opened
        def inside(g: Figure) -> bool:
            return span[0] <= g.start < span[1] and is_amount(g) and not g.change

        likes = [
            lambda g: inside(g) and tx.compatible(g, w),
            lambda g: inside(g) and kinds_compatible(g, w),
        ]
    period = _period_shape(tx, w)
    if slip:
        likes = likes[:1]  # an alarm needs parts of the whole's noun (not "1.500 hội viên" + "200 nhà")
    for like in likes:
        # nearest first on both sides: a run ends at the whole or starts right after it; parts share the
        # whole's period ("tháng 7 … 53.750 tấn": not the "lũy kế 7 tháng" figures between its parts)
        free = lambda g: g.index not in placed and like(g) and _of(tx, g, period)  # noqa: E731
        before, after = _neighbours(tx, w, free)
        if slip:
            before, after = ([g for g in gs if unit_of(g) == unit_of(w)] for gs in (before, after))
        found = _run_to(tx, w, after, slip) or _run_to(tx, w, before, slip)
        if not found and not slip and w.kind not in ("percent", "ratio"):  # rates of plan: by chance
            found = _either_side(tx, w, before, after)
        if found and w.kind == "ratio" and _denominators(found) != w.denominator:
            found = []
        if found and trails_off(tx, w, sorted(found, key=lambda g: g.start)):
            found = []  # "…, Giồng Riềng 194 ha…": a list that trails off misses its whole by design
        if found:
            parts = tuple(sorted(found, key=lambda g: g.start))
            return Relation("sum", w, parts, SLIP_RULE if slip else SUM_RULE, settings.QA_CONF_ARITHMETIC)
    return None


def _denominators(fractions: list[Figure]) -> Decimal:
    return sum((g.denominator or Decimal(0) for g in fractions), Decimal(0))


def _either_side(tx: Text, w: Figure, before: list[Figure], after: list[Figure]) -> list[Figure]:
    """A total between its two parts ("xuất siêu 8,13 tỷ USD … xuất khẩu 28,97 tỷ USD và nhập
    khẩu 20,84 tỷ USD": exports = imports + surplus), among the few figures nearest it on each side in its
    paragraph."""
    if _printed(w)[0] % 10 == 0:
        return []  # round amounts ("1.850 m2 … 2.700 m2 … 850 m2") add up side by side by chance
    k, para = settings.QA_ARITH_EITHER_SIDE, tx.paragraph(w.start)
    near = [g for g in before[:k] + after[:k] if tx.paragraph(g.start) == para]
    pairs = ((a, b) for a in near if a.start < w.start for b in near if b.start > w.start)
    return next(([a, b] for a, b in pairs if a.value + b.value == w.value), [])


def _small_whole_span(tx: Text, w: Figure) -> tuple[int, int] | None:
    """Where the parts of a count below `QA_ARITH_MIN_WHOLE` must lie for it to be searched at all: inside the
    bracket that opens right after it ("25 huy chương (13 …, 7 …, 5 …)"), or after a marker in its
    sentence ("58 tổ chức cơ sở đảng, bao gồm 16 đảng bộ và 42 chi bộ"), or in the list of
    places and their counts that follows it ("8 ca … tại Long An 4 ca, Tây Ninh 2 ca, …"); None when
    nothing opens a list."""
    clause = _CLAUSE_END.split(tx.t[w.end : w.end + settings.QA_PERIOD_CLAUSE], 1)[0]
    if clause.rstrip().endswith("("):
        lo = w.end + len(clause)
        hi = tx.t.find(")", lo)
        return lo, hi if hi >= 0 else len(tx.t)
    nxt = tx.sentence(w.start) + 1
    sentence_end = tx.sent[nxt] if nxt < len(tx.sent) else len(tx.t)
    if m := MARKER.search(clause):
        return w.end + m.end(), sentence_end
    k = tx.order[id(w)] + 1
    if k < len(tx.figures) and in_place_count_list(tx.t, tx.figures[k].start, tx.figures[k].end):
        return w.end, sentence_end  # "8 ca nhập cảnh … tại Long An 4 ca, Tây Ninh 2 ca, …"
    return None


_CLAUSE_END = regex.compile(r"[;.\n]|\d")


def _of(tx: Text, g: Figure, period: str | None) -> bool:
    return period is None or _period_shape(tx, g) in (None, period)


def _run_to(tx: Text, w: Figure, like: list[Figure], slip: Decimal = Decimal(0)) -> list[Figure]:
    """The first run of at least two of `like` (nearest `w` first) adding up to `w`: the run keeps the depth
    of its first member, passing over deeper ones (a breakdown of a member in brackets or after "trong
    đó") and any larger than `w`, and ends at a shallower one. A run the list goes on from, in the same
    sentence, is only the list's beginning: none."""
    for i, first in enumerate(like):
        level, total, run = tx.d(first.start), Decimal(0), []
        for k in range(i, len(like)):
            g = like[k]
            depth = tx.d(g.start)
            if depth > level or (run and MARKER.search(tx.before(g))):
                continue  # a breakdown of the figure before it, in brackets or after "trong đó"
            if depth < level:
                break
            if g.value >= w.value:
                # no part of it ("149 đảng bộ, với 1.251 chi bộ trực thuộc, và 285 chi bộ cơ
                # sở")
                continue
            run.append(g)
            total += g.value
            # exactly (a coarse total takes in too much by chance), or within the slip searched for
            if len(run) >= 2 and abs(total - w.value) <= slip and (total != w.value) == bool(slip):
                return [] if _goes_on(tx, w, run[-1], like[k + 1 :], level) else run
            if total > w.value + slip:
                break
    return []


def _goes_on(tx: Text, w: Figure, last: Figure, rest: list[Figure], level: int) -> bool:
    """The next like figure continues the list in the same sentence, not as the last part's own breakdown
    ("nuôi trồng 34.000 tấn; trong đó, tôm 20.000 tấn")."""
    nxt = next((g for g in rest if tx.d(g.start) <= level), None)
    if nxt is None or nxt.value >= w.value or tx.sentence(nxt.start) != tx.sentence(last.start):
        return False
    return not MARKER.search(tx.t, last.end, nxt.start)
