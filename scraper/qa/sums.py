"""Which figures are parts of which whole: breakdowns after a marker ("trong đó", "gồm", "cụ thể",
a parenthesis), wholes named before their parts ("Trong 40 đơn …, có"), totals after them ("lũy kế",
"tổng cộng"), the identities of administrative-procedure reports, lists of places, levels and tagged
items, unmarked runs that add up, sums of changes and of fractions. Each is a scored `Relation`
("sum"); `verdicts.decide` judges them."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

import regex

from .. import settings
from ..models import Figure
from .sessions import session_relations
from .text import (
    AMOUNT_KINDS,
    CHANGE_BEFORE,
    FRACTION_OF_PERIODS,
    MARK_BEFORE,
    MARKER,
    PAREN_AFTER,
    SLASH_BEFORE,
    TOTAL_BEFORE,
    TOTAL_NOUN_BEFORE,
    Text,
    count_pairs,
    is_amount,
    kinds_compatible,
    roles_of,
    unit_key,
)
from .verdicts import (
    CHANGES_RULE,
    Relation,
    _hedge,
    _printed,
    evaluate,
    unit_of,
)
from .vocab import (
    ACROSS_SENTENCES,
    COMPLEMENTS,
    IDENTITIES,
    OVERLAPPING_FACETS,
)

_NOUN_PHRASE_END = regex.compile(r"[.;:()]|,\s*(?:trong|gồm|bao|cụ|đạt|chiếm|tăng|giảm)")


def named_with(tx: Text, f: Figure, whole: Figure) -> bool:
    """The whole counts several things and names `f`'s among them: "611 tin tố giác, tin báo về tội
    phạm và kiến nghị khởi tố. Trong đó, …; 2 kiến nghị khởi tố"."""
    if f.kind != "count" or whole.kind != "count" or not f.unit:
        return False
    after = tx.after(whole, settings.QA_NOUN_REACH)
    m = _NOUN_PHRASE_END.search(after)
    phrase = after[: m.start() if m else len(after)].lower()
    if not regex.search(r"(?:(?<![\p{L}])và|,)\s", phrase):
        return False  # one thing counted: its own noun decides
    noun = " ".join(f.unit.lower().split()[:2])
    return bool(regex.search(rf"(?<![\p{{L}}]){regex.escape(noun)}(?![\p{{L}}])", phrase))


# A count said once for several places: "Can Lộc và Đức Thọ cùng 1 vụ",
# "Lạng Sơn, Hải Dương và Long An mỗi địa phương có 1 ca",
# "TX. Cai Lậy, huyện Chợ Gạo (mỗi đơn vị 1 học sinh)"
_EACH_BEFORE = regex.compile(
    r"(?:\s(?:cùng|đều)(?:\s+(?:có|là))?|\(?\s*mỗi\s+(?:[\p{L}]+\s+){0,2}?(?:có\s+)?)\s*$", regex.I
)
_NAME_SEPARATOR = regex.compile(r",|\s(?:và)\s")
_FIRST_EACH = regex.compile(r"\smỗi\s", regex.I)


def _named_times(tx: Text, after: int, f: Figure) -> int:
    """How many parts `f` stands for: the places named before "cùng"/"mỗi …" in its clause (one when
    it names one thing)."""
    gap = tx.t[after : f.start]
    each = _EACH_BEFORE.search(gap)
    if each is None:
        return 1
    before = gap[: each.start()]
    # the clause after the part before's first comma ("… 3 HC, A và B mỗi môn"), or after
    # its semicolon ("… bầu cử, bầu 10 đại biểu; A và B mỗi huyện")
    clauses = [before]
    if after:
        clauses = [regex.split(r"[,;)]", before, maxsplit=1)[-1], regex.split(r"[;)]", before)[-1]]
    for clause in clauses:
        # "A và B mỗi huyện có 2 đơn vị bầu cử, mỗi huyện bầu 6 đại biểu": the places
        # before the first "mỗi"
        clause = _FIRST_EACH.split(clause, maxsplit=1)[0]
        names = [n.strip() for n in _NAME_SEPARATOR.split(clause) if n.strip()]
        # a list of places is capitalised and short
        short = all(len(n.split()) <= 5 and regex.search(r"\p{Lu}", n) for n in names)
        if 2 <= len(names) <= settings.QA_NAMED_TIMES_MAX and short:
            return len(names)
    return 1


def _roles_apart(mine: set[str], theirs: set[str]) -> bool:
    """Both name roles, and no identity has one of each among its parts: two facets of a whole (new
    cases, and cases that can be enforced), not two parts of one breakdown."""
    if not mine or not theirs:
        return False
    return not any(mine & set(parts) and theirs & set(parts) for parts, _, _ in IDENTITIES)


def _subset_by_role(mine: set[str], theirs: set[str]) -> bool:
    """`theirs` were resolved (on time, late, or are pending) out of what `mine` took up ("thụ lý 1.392
    vụ và đã giải quyết được 1.117 vụ"): a part of it, no sibling."""
    return bool(mine & _INTAKE and theirs & _OUTCOMES) and not mine & _OUTCOMES


def _sibling_role(whole: set[str], part: set[str]) -> bool:
    """The part plays a role beside the whole's in an identity (pending beside resolved): its sibling."""
    return bool(whole and part) and not whole & part and any(
        whole & set(parts) and part & set(parts) for parts, _, _ in IDENTITIES
    )


_INTAKE = frozenset({"received", "taken_up"})
_OUTCOMES = frozenset({"resolved", "pending", "on_time", "late", "ahead"})


# After the last part, a comma then a clause of three or more words before the next number: "…, điều
# chỉnh tăng vốn cho 15 dự án" (not "…, 15 dự án khác", the next item of the list)
# (or "với": "39 đảng bộ, 27 chi bộ cơ sở với 02 đảng bộ bộ phận …", what they hold)
_NEW_CLAUSE = regex.compile(r"(?:,\s*(?:[\p{L}]+\s+){3,}|\s+với\s+)[^\d,;]*$")


# "số trường đạt chuẩn tăng thêm … là 30 trường, trong đó mầm non tăng 12
# trường, …": a rise said in the words before a whole printed as a level
_RISE_IN_WORDS = regex.compile(r"(?<![\p{L}])(?P<d>tăng|giảm)\s+thêm(?![\p{L}])[^;.]{0,80}$", regex.I)


def _moved(tx: Text, whole: Figure) -> str | None:
    """The whole's change, printed with it or said in the words before it."""
    if whole.change:
        return whole.change
    m = _RISE_IN_WORDS.search(tx.before(whole, 100))
    return m.group("d").lower() if m else None


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
    moved = _moved(tx, whole)
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
            long = len(opens.split()) > settings.QA_NEXT_PART_WORDS and not _parallel_opening(tx, out, opens)
            if same_sentence_only or long or not out or not tx.compatible(f, whole):
                break
            if MARKER.match(opens.lstrip(" \n-–•+")):
                # "… huyện quản lý 127 tỷ. Cụ thể, thu thuế 73 tỷ …": the breakdown of the
                # last part
                break
            if _roles_apart(roles_of(tx.label(out[-1])), roles_of(opens)):
                # "Trong đó thụ lý mới 4.347 việc. Số có điều kiện thi hành: 6.735 việc":
                # another facet of the whole, not the next part
                break
            sent = s
        actual = f.kind == "ratio" and f.denominator and is_amount(whole)  # "lúa 40/38ha": done of planned
        like = tx.compatible(f, whole) or named_with(tx, f, whole)
        if like and whole.change and f.change and f.change != whole.change:
            return []  # "giảm 420 …, trong đó A giảm 300, B giảm 200, C tăng 80": a net change
        if not (is_amount(f) or actual) or not like or f.change != moved or f is whole:
            continue
        changed = not moved and CHANGE_BEFORE.search(tx.before(f, 30))  # a cut's parts are cuts
        if changed or (SLASH_BEFORE.search(tx.t, max(0, f.start - 30), f.start) and not _paired(tx, f)):
            continue  # "ngô 14.662,5 ha/15.000 ha": the plan after the slash is not a part
        d = tx.d(f.start)
        if depth is None:
            depth = d
        if d != depth:
            continue
        if end is None and f.value > _amount(whole) + _hedge(whole) + _hedge(f):
            break
        made = out and sum(p.value for p in out) == _amount(whole)
        if made and _NEW_CLAUSE.search(tx.t, out[-1].end, f.start):
            # "48 dự án, trong đó 34 dự án FDI và 14 dự án trong nước, điều chỉnh
            # tăng vốn cho 15 dự án …": the parts made the whole; a clause goes on
            break
        if _sibling_role(roles_of(tx.label(whole)), roles_of(tx.label(f))):
            continue  # "xử lý 325 tin, trong đó …, đang giải quyết 111 tin": beside it, no part
        if out and _subset_by_role(roles_of(tx.label(out[-1])), roles_of(tx.label(f))):
            break  # "thụ lý 1.392 vụ và đã giải quyết 1.117 vụ": of the last part, not beside
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
            near = abs(sum((p.value for p in out), Decimal(0)) - _amount(whole))
            if len(out) >= 2 and near <= _amount(whole) * Decimal(str(settings.QA_PREFIX_NEAR)):
                # "… gồm 608 ha …, 30 ha …, … là 22 ha … là 480 ha": the parts all but
                # made the whole; a full stop is missing before the next clause
                break
            return []  # parts that overshoot their whole within one clause: not a breakdown of it
        out += [f] * _named_times(tx, out[-1].end if out else begin, f)
        skip_to = _own_breakdown_end(tx, f, whole)
    if not all(f.kind == "ratio" for f in out):  # fractions count as parts only in a list made of them
        out = [f for f in out if f.kind != "ratio"]
    return _one_noun(tx, whole, out)


def _names_siblings(tx: Text, w: Figure, parts: list[Figure]) -> bool:
    """"khiển trách 3, cảnh cáo 1, khai trừ 4 (trong đó, UBKT cảnh cáo 1, khai trừ 4)": the
    bracket's items are named as `w` and the figures listed beside it are: the whole list again, by who
    decided, not a breakdown of `w`."""
    i = tx.order[id(w)]
    s = tx.sentence(w.start)
    beside = [
        f
        for f in tx.figures[max(0, i - settings.QA_WINDOW) : i]
        if tx.sentence(f.start) == s and tx.d(f.start) == tx.d(w.start)  # (not another bracket's items)
    ]
    names = {_name_before(tx, f) for f in (*beside, w)} - {""}
    return sum(_name_before(tx, p) in names for p in parts) >= 2


def _name_before(tx: Text, f: Figure) -> str:
    m = _LAST_TWO_WORDS.search(tx.before(f, 30))
    return m.group(1).lower() if m else ""


_LAST_TWO_WORDS = regex.compile(r"(\p{L}+\s+\p{L}+)\s*:?\s*$")


def _paired(tx: Text, f: Figure) -> bool:
    """"32 việc/6,92 tỉ đồng": an amount after a slash that measures another thing than the count
    before it: the pair's second figure, not a plan or a base."""
    i = tx.order[id(f)]
    before = tx.figures[i - 1] if i else None
    return before is not None and "/" in tx.t[before.end : f.start] and not kinds_compatible(before, f)


def _parallel_opening(tx: Text, out: list[Figure], opens: str) -> bool:
    """The next sentence opens as the last part's clause did ("Trong đó, khu vực
    kinh tế trong nước đạt … . Khu vực có vốn đầu tư nước ngoài (…)
    đạt …"): the list goes on, however long the words before its number."""
    if not out or len(opens.split()) > settings.QA_PARALLEL_PART_WORDS:
        return False
    last = tx.t[tx.sent[tx.sentence(out[-1].start)] : out[-1].start].lstrip(" \n-–•+")
    if (m := MARKER.match(last)) is not None:
        last = last[m.end() :]
    head = last.strip(" ,:").lower().split()[:2]
    return len(head) == 2 and opens.strip().lower().split()[:2] == head


def _plan_after_slash(tx: Text, f: Figure) -> bool:
    """"gieo trồng được 10.000 ha/16.000 ha": the amount after the slash is what was planned, not a
    whole the parts of what was done make up."""
    i = tx.order[id(f)]
    before = tx.figures[i - 1] if i else None
    gap = tx.t[before.end : f.start] if before is not None else ""
    return before is not None and "/" in gap and len(gap) <= 8 and kinds_compatible(before, f)


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
    nxt = next((f for f in tx.figures[i:] if is_amount(f) and tx.compatible(f, whole)), None)
    if nxt is None or not (m := MARKER.search(tx.t, part.end, nxt.start)):
        return -1
    s = tx.sentence(part.start)
    stop = tx.sent[s + 1] if s + 1 < len(tx.sent) else len(tx.t)
    if _COLON_AFTER.match(tx.t, m.end()):
        return stop  # "197,7 tỷ, gồm: thuế 123,7 …, đất 60,5 …; phí 8,4": the list's own ";"
    semi = tx.t.find(";", part.end, stop)
    return semi if semi >= 0 else stop


_COLON_AFTER = regex.compile(r"\s*:")


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
        if _A_DATE.search(tx.t, max(0, pos - 8), pos) or _A_YEAR.fullmatch(m.group()):
            continue  # "… so với vụ xuân năm 2022": a date, no part
        if not any(a <= pos < b for a, b in spans):
            return True
    return False


_A_DATE = regex.compile(r"(?<![\p{L}])(?:năm|tháng|ngày|quý)\s*$|[/.-]$", regex.I)
_A_YEAR = regex.compile(r"(?:19|20)\d\d")


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


_COMPLEMENTS = tuple(
    (regex.compile(rf"(?<![\p{{L}}])(?:{a})(?![\p{{L}}])", regex.I),
     regex.compile(rf"(?<![\p{{L}}])(?:{b})(?![\p{{L}}])", regex.I))
    for a, b in COMPLEMENTS
)


def _complementary(tx: Text, parts: list[Figure]) -> bool:
    """Two parts, one on each side of a pair that makes up a whole ("trong nước" and "xuất khẩu",
    "thành thị" and "nông thôn"): all of the whole, not a selection."""
    if len(parts) != 2:
        return False
    labels = [tx.label(p) for p in parts]
    for one, other in _COMPLEMENTS:
        sides = ["b" if other.search(t) else "a" if one.search(t) else "" for t in labels]
        if sorted(sides) == ["a", "b"]:
            return True
    return False


def _roles_make_up(tx: Text, whole: Figure, parts: list[Figure], exactly: bool = False) -> bool:
    """The parts' roles are those of an identity that makes up the whole's role ("đã giải quyết …,
    trong đó trước hạn …, đúng hạn …, quá hạn …"): the list is all of it, not a
    selection.  `exactly`: the parts are the identity's and nothing else, one role each."""
    mine = roles_of(tx.label(whole))
    each = [roles_of(tx.label(p)) for p in parts]
    theirs = set().union(*each) if parts else set()
    if exactly:
        one = all(len(r) == 1 for r in each) and len(theirs) == len(parts)
        return one and any(set(ps) == theirs and mine & set(ws) for ps, ws, _ in IDENTITIES)
    return any(set(ps) <= theirs and mine & set(ws) for ps, ws, _ in IDENTITIES)


# A list that trails off: an ellipsis or "v.v." right after its last item (past its noun)
_TRAILS_OFF = regex.compile(r"[^\d;.…()]{0,20}?(?:…|\.\.\.|,?\s*v\.v)", regex.I)


def trails_off(tx: Text, whole: Figure, parts: Sequence[Figure]) -> bool:
    """"…, Giồng Riềng 194 ha…": a list that trails off is not all of its whole; unless it adds up
    exactly, it says nothing."""
    if not parts or not _TRAILS_OFF.match(tx.t, parts[-1].end):
        return False
    return sum((p.value for p in parts), Decimal(0)) != _amount(whole)


def _sum_candidates(
    tx: Text, whole: Figure, parts: list[Figure], rule: str, conf: float, *, complete: bool = False
) -> Iterable[Relation]:
    """The whole list (an exhaustive breakdown); its prefixes only where the list runs on into another
    sentence (a list inside one sentence is the whole enumeration).  `complete`: the parts' roles are
    those of an identity (received = new + carried over), so what follows cannot be more of the list."""
    more = _unread_number_after(tx, parts[-1]) or _named_items_after(tx, parts[-1], whole) if parts else False
    if more and not complete:
        conf *= 0.75
    whole_conf = conf
    if trails_off(tx, whole, parts):
        return
    if _shares_say_short(tx, whole, parts):
        whole_conf = min(conf, settings.QA_CONF_UNMARKED)
    if len(parts) >= 2 and sum((p.value for p in parts), Decimal(0)) > _amount(whole) + _hedge(whole):
        renamed = any((p.unit or "").lower() != (whole.unit or "").lower() for p in parts if p.unit)
        bracketed = tx.d(parts[-1].start) > tx.d(whole.start)  # (a bracket bounds its list)
        if renamed and not bracketed and ";" in tx.t[parts[0].end : parts[-1].start]:
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
            and is_amount(f)
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
        elif later and not complete:
            conf *= 0.75  # the list may go on further in the paragraph
            whole_conf *= 0.75
    if len(parts) >= 2:
        yield Relation("sum", whole, tuple(parts), rule, whole_conf)
    for n in range(len(parts) - 1, 1, -1):
        if tx.sentence(parts[n].start) != tx.sentence(parts[n - 1].start):
            first = rule + " (phần đầu của danh sách)"
            yield Relation("sum", whole, tuple(parts[:n]), first, conf * 0.6)
        # "… 795 đơn kiến nghị; có 92 vụ việc …"
        elif ";" in tx.t[parts[n - 1].end : parts[n].start]:
            yield Relation("sum", whole, tuple(parts[:n]), rule + " (đến dấu chấm phẩy)", conf * 0.6)


def _shares_say_short(tx: Text, whole: Figure, parts: list[Figure]) -> bool:
    """Each part states its share of the whole and the shares fall short of 100% as the parts do ("8.578
    việc, chiếm 72,75% …; 2.882 việc, chiếm 24,44% trong tổng số phải thi hành" of 11.791):
    the text itself says the list leaves something out, so falling short is no error."""
    shares = [own_share(tx, p) for p in parts]
    if len(parts) < 2 or not whole.value or any(s is None for s in shares):
        return False
    said = sum((s.value for s in shares if s is not None), Decimal(0))
    covered = sum((p.value for p in parts), Decimal(0)) / whole.value * 100
    return said < 99 and abs(said - covered) <= len(parts) * Decimal("0.05") + Decimal("0.05")


# The verb a figure is said with, its last words before it in its clause: "đã thụ lý 78 vụ",
# "thụ lý tổng cộng 11.041 vụ án các loại", "ngành thụ lý là 1.319 vụ" all say "thụ lý"
_CLAUSE_LEAD = regex.compile(r"[^,;:.()\n\d]{1,40}$")
_LEAD_FILLER = frozenset("là được đã có tổng cộng số ngành toàn các".split())
SAME_VERB_RULE = (
    "các số cùng một động từ nêu sau tổng cộng lại đúng bằng tổng (xác nhận)"
)


def _verb_of(tx: Text, f: Figure) -> str:
    m = _CLAUSE_LEAD.search(tx.t, max(0, f.start - 40), f.start)
    words = m.group(0).lower().split() if m else []
    while words and words[-1] in _LEAD_FILLER:
        words.pop()
    return " ".join(words[-2:]) if len(words) >= 2 else ""


def _same_verb_columns(tx: Text) -> Iterable[Relation]:
    """"TAND thụ lý tổng cộng 11.041 vụ án các loại … Án hình sự … thụ lý là 1.319
    vụ … Án dân sự: thụ lý 4.512 vụ, đã giải quyết 4.288 vụ …": the figures said with
    the whole's verb in the paragraphs after it, whatever is said between, add up to it
    exactly (nothing marks them as its parts, so they only confirm)."""
    verbs = {f.index: _verb_of(tx, f) for f in tx.figures}
    for w in tx.figures:
        if not _whole_kind(w) or w.value < settings.QA_UNMARKED_MIN_WHOLE:
            continue
        verb = verbs[w.index]
        if not verb or not tx.keys[id(w)]:
            continue
        run: list[Figure] = []
        for f in _ahead(tx, w):
            if not is_amount(f) or f.change or tx.d(f.start) > tx.d(w.start) or verbs[f.index] != verb:
                continue
            if not _counts_same(tx, f, w):
                continue
            run.append(f)
            total = sum((p.value for p in run), Decimal(0))
            if total >= w.value:
                if total == w.value and len(run) >= 2:
                    yield Relation("sum", w, tuple(run), SAME_VERB_RULE, settings.QA_CONF_UNMARKED)
                break


_BRACKET_OPENS = regex.compile(r"\(\s*$")
_BRACKET_CLOSES = regex.compile(r"[^\d();]{0,30}\)")


def _alone_in_brackets(tx: Text, f: Figure) -> bool:
    """"Trung đoàn 991 (30 tân binh)": the brackets hold only the item's count and its noun."""
    return bool(_BRACKET_OPENS.search(tx.before(f, 8)) and _BRACKET_CLOSES.match(tx.t, f.end))


def _breaks_down_another(tx: Text, f: Figure) -> bool:
    """Whether `f` sits in brackets right after another amount ("3.321 đơn (KN 76, TC 143 …)")."""
    if not tx.d(f.start):
        return False
    opened = tx.t.rfind("(", 0, f.start)
    k = bisect.bisect_left(tx.starts, opened) - 1
    g = tx.figures[k] if k >= 0 else None
    if g is None or not is_amount(g) or opened - g.end > 40:
        return False
    return not _CLAUSE_GAP.search(tx.t, g.end, opened)


_CLAUSE_GAP = regex.compile(r"[\d;,.()]")  # (between a count and its brackets: only its noun)


def _unmarked_breakdowns(tx: Text, related: set[int], made: dict[int, int]) -> Iterable[Relation]:
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
        if (w.index in related and w.index not in made) or not (tx.keys[id(w)] or w.kind == "money"):
            continue
        siblings = group.get(w.index)  # a part is no whole of its siblings ("8 = 4 + 3 + 1"), but of its own
        run: list[Figure] = []
        past = made.get(w.index, -1)  # (past the list that made it)
        for f in _ahead(tx, w):
            if f.start < past or (past >= 0 and _breaks_down_another(tx, f)):
                continue  # (nor, past it, the parts in brackets of another count: "3.321 đơn (KN 76, …)")
            if not is_amount(f) or f.change or not _counts_same(tx, f, w):
                continue  # the same thing counted, by name: nothing else says these are its parts
            if siblings is not None and group.get(f.index) == siblings:
                continue
            if SLASH_BEFORE.search(tx.t, max(0, f.start - 30), f.start):
                # "17.435 hộ nghèo trong tổng số 79.677 hộ": the base of a share, not a part
                continue
            if run and tx.d(f.start) > tx.d(run[-1].start) and not _alone_in_brackets(tx, f):
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


# "16.594 hộ …, chiếm tỷ lệ 20,82%", "45 tiêu chí mức 4 chiếm 54,22%" (a grade is no figure)
# (or in brackets: "41.208 hồ sơ (đạt 97,83%)")
# (as far as a rate is read back to its count: "1,7 nghìn doanh nghiệp thành lập mới thuộc khu
# vực nông, lâm nghiệp và thủy sản, chiếm 1,5%")
_OWN_SHARE_GAP = regex.compile(
    rf"(?:[^\d;.]|(?<=(?:mức|độ)\s)\d{{1,2}}(?!\d)){{0,{settings.QA_RATE_REACH}}}?"
    r"(?:chiếm|tỷ\s+lệ|tỉ\s+lệ|\(\s*(?:đạt|bằng))[^\d;.]{0,12}$",
    regex.I,
)


# "vẫn tăng rất cao là 22,8%": a growth rate the extractor read no direction for
_GROWTH_BEFORE = regex.compile(r"(?<![\p{L}])(?:tăng|giảm)(?:\s+[\p{L}]+){0,3}\s*$", regex.I)


def own_share(tx: Text, f: Figure) -> Figure | None:
    """The share stated right after a count, in its clause ("16.594 hộ …, chiếm tỷ lệ 20,82%"), or
    right before it with "với" ("tỷ lệ hộ nghèo 5,96% với 12.064 hộ")."""
    i = tx.order[id(f)]
    prev = tx.figures[i - 1] if i else None
    if prev is not None and prev.kind == "percent" and not prev.change and not prev.prior_period:
        if _SHARE_WITH.fullmatch(tx.t, prev.end, f.start):
            return prev
    nxt = tx.figures[i + 1] if i + 1 < len(tx.figures) else None
    growth = nxt is not None and nxt.kind == "percent"
    growth = growth and bool(nxt.change or _GROWTH_BEFORE.search(tx.before(nxt, 30)))
    base = nxt is not None and SLASH_BEFORE.search(tx.t, max(0, nxt.start - 30), nxt.start)
    if nxt is not None and (base or (nxt.change and is_amount(nxt)) or growth):
        # "17.435 hộ nghèo trong tổng số 79.677 hộ toàn tỉnh, chiếm tỷ lệ 21,88%": past the
        # share's base; "8.578 việc, giảm 1.732 việc; chiếm 72,75%": past the count's own change;
        # "đạt 177,8 tỷ USD, tăng 22,8%, chiếm 73,9%": past its growth
        nxt = tx.figures[i + 2] if i + 2 < len(tx.figures) else None
        f = tx.figures[i + 1]
    if nxt is None or nxt.kind != "percent" or nxt.change:
        return None
    gap = tx.t[f.end : nxt.start]
    gap = gap.replace(";", ",") if f.change else gap  # "…, giảm 1.732 việc; chiếm 72,75%"
    return nxt if _OWN_SHARE_GAP.match(gap) else None


_SHARE_WITH = regex.compile(r"\s*với\s+(?:tổng\s+)?(?:số\s+)?", regex.I)


def _shares_add_up(tx: Text, w: Figure, run: list[Figure]) -> bool:
    """The counts' own shares add up to the whole's own share as printed: "17.435 hộ nghèo, chiếm 21,88%
    … 16.594 hộ …, chiếm 20,82%; 841 hộ …, chiếm 1,06%" — a first part of a longer list that
    is the whole."""
    whole = own_share(tx, w)
    shares = [own_share(tx, f) for f in run]
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

    nxt = next((f for f in tx.figures[i:] if is_amount(f) and not f.change and like(f)), None)
    # (not a count as large as the whole: the next whole, "…; triển khai 11 cuộc …")
    return nxt is not None and tx.sentence(nxt.start) == tx.sentence(last.start) and nxt.value < w.value


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
        if f.start >= last.start or not is_amount(f) or f.change:
            continue
        if not tx.compatible(f, last) or MARKER.search(tx.t[f.end : out[-1].start]):
            break
        if ":" in tx.t[f.end : out[-1].start]:
            break
        out.append(f)
    return out[::-1]


def _whole_first(items: list[Figure]) -> bool:
    """The first of a list is the sum of the rest ("thụ lý 538 vụ, đã giải quyết 412 vụ, còn
    lại 126 vụ"): a whole told with its parts, not parts of another whole."""
    return len(items) >= 3 and items[0].value == sum((f.value for f in items[1:]), Decimal(0))


_FACETS = [regex.compile(p, regex.I) for p in OVERLAPPING_FACETS.values()]


def overlapping_facets(tx: Text, r: Relation) -> bool:
    """Parts of a sum named by two or more facets of one body that overlap ("25 đại biểu nữ,
    39 dân tộc thiểu số, 12 trẻ tuổi"): no breakdown. Each part's own words: its clause
    before it and the noun after it."""
    if r.check != "sum" or len(r.operands) < 2:
        return False
    named, parts = set(), 0
    for f in r.operands:
        before, after = tx.t[max(0, f.start - 50) : f.start], tx.t[f.end : f.end + 30]
        words = regex.split(r"[,;(]|\svà\s", before)[-1] + " " + regex.split(r"[,;(\d]|\svà\s", after)[0]
        mine = {i for i, facet in enumerate(_FACETS) if facet.search(words)}
        named |= mine
        parts += bool(mine)
    # (one part naming two, "khối tôn giáo - dân tộc 1 người", is one bloc of a breakdown by sector)
    return len(named) >= 2 and parts >= 2


def _in_order(figs: Sequence[Figure]) -> list[Figure]:
    return sorted(figs, key=lambda f: f.start)


def _catch_all_lists(tx: Text) -> Iterable[Relation]:
    """A list ending in a catch-all item ("…, bồi thường 03 lượt, lĩnh vực khác 19 lượt") is
    a whole breakdown. Its whole is a like count before it in the paragraph: the nearest one (in this sentence
    or the one before) is sure enough to alarm when the parts miss it; any earlier one the parts reproduce
    exactly is taken instead ("… 17.435 hộ nghèo … ; 16.636 hộ … . … dân tộc khác (13
    hộ)")."""
    for last in tx.figures:
        if not is_amount(last) or last.change or not _catch_all(tx, last):
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
            # not last period's value said in brackets ("tăng 9% (cùng kỳ đạt 900 tỷ)")
            and not w.prior_period and tx.d(w.start) <= tx.d(parts[0].start)
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
        if not is_amount(w) or w.change or not _PROVINCE_WIDE.search(tx.before(w, 80)):
            continue
        later = [
            f
            for f in _ahead(tx, w)
            if is_amount(f) and not f.change and f.value < w.value and _counts_same(tx, f, w)
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
    return (is_amount(f) or f.kind == "ratio") and not f.change


def _cut(f: Figure) -> bool:
    """An amount said as a cut or a rise ("đã giảm 1.317/23.551 biên chế"): a whole whose parts are cut
    or risen the same way ("trong đó khối đảng giảm 125/1.050 …")."""
    return (is_amount(f) or f.kind == "ratio") and f.change is not None


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


# An item with no number listed before the first numbered part: "gồm: Chủ tịch, 3 Phó Chủ tịch …"
# (the part right after the separator: "Khu vực nông, lâm nghiệp … đạt 638,76" is one label)
_UNNUMBERED = regex.compile(r"\p{L}[^\d,;()]*(?:,|;|\s+và)\s*$")


# A parenthesis that opens with a rate or a change is no list of parts: "(đạt 98%)", "(tăng 5%)", "(-2%)"
_RATE_IN_PARENS = regex.compile(r"\s*(?:đạt|chiếm|bằng|tương|giảm|tăng|so|-)", regex.I)


TOTAL_AFTER_RULE = "tổng nêu sau các phần ('lũy kế', 'cộng', 'tổng')"


_ENDS_PARAGRAPH = regex.compile(r"[ \t:]*\n")
_BULLETS = "-–•+*"
_DIGIT = regex.compile(r"\d")
PARAGRAPH_PARTS_RULE = "'Trong đó:' cuối đoạn, mỗi đoạn sau một phần (xác nhận)"


def _paragraph_parts(tx: Text, whole: Figure, pos: int) -> Iterable[Relation]:
    """"… sản lượng 181.822,9 tấn. Trong đó: ¶ (lúa) … 109.330,95 tấn … ¶ (ngô) …
    72.491,92 tấn …": a marker that ends its paragraph, each paragraph after it one part, the
    first amount in it that counts what the whole counts. Which amount is only a guess: confirms."""
    parts: list[Figure] = []
    k = tx.paragraph(pos) + 1
    bullet = None  # the first item's: "- Nhóm A: 31 dự án ¶ + ngoài KCN: 10 … ¶ - Nhóm B: 58 …"
    while k < len(tx.para) and len(parts) < settings.QA_UNMARKED_MAX_PARTS:
        end = tx.para[k + 1] if k + 1 < len(tx.para) else len(tx.t)
        k += 1
        if not (line := tx.t[tx.para[k - 1] : end].strip()):
            continue  # an empty paragraph
        mark = _bullet(line)
        if bullet is None:
            bullet = mark
        elif mark != bullet:
            if bullet and mark:
                continue  # an item of the item before ("+" under "-")
            break  # the list is over
        like = (
            f
            for f in tx.span(tx.para[k - 1], end, tx.para[k - 1])
            if is_amount(f) and not f.change and f.value < whole.value and tx.compatible(f, whole)
        )
        part = next(like, None)
        if part is None:
            break
        parts.append(part)
    if len(parts) >= 2:
        yield from _sum_candidates(tx, whole, parts, PARAGRAPH_PARTS_RULE, settings.QA_CONF_UNMARKED)


def _breakdowns(tx: Text) -> Iterable[Relation]:
    """Wholes broken down by a marker after them ("…, trong đó …", "(…)", a sentence opening "Trong
    đó"), named after "Trong (tổng số) N …, có", or totalled after the parts ("lũy kế", "tổng
    cộng")."""
    figs = tx.figures
    for m in MARKER.finditer(tx.t):
        s_idx = tx.sentence(m.start())
        # a marker opening its sentence, or in one that states no figure before it ("Đến nay, tình hình
        # thực hiện các dự án cụ thể như sau:"), breaks down a whole of the sentence before
        head = tx.t[tx.sent[s_idx] : m.start()]
        opens = not head.strip(" ,.;:-–\n") or (
            s_idx > 0 and not tx.span(tx.sent[s_idx], m.start(), m.start()) and not _DIGIT.search(head)
        )
        if opens and s_idx == 0:
            continue
        k = bisect.bisect_left(tx.starts, m.start())
        if not k or (opens and _paragraphs_between(tx, figs[k - 1].start, m.start()) > 1):
            continue
        # a sentence opening "Trong đó" may break down a whole of the sentence before the
        # last one: "… phê duyệt 207.795 lượt người … Hiện đã chi trả cho 153.175 lượt
        # người … Trong đó, …"
        lo = tx.sent[max(0, tx.sentence(figs[k - 1].start) - 1)] if opens else tx.sent[s_idx]
        lo = max(lo, tx.para[tx.paragraph(figs[k - 1].start)])  # (within that whole's paragraph)
        earlier = [
            f
            for f in tx.span(lo, m.start(), m.start())
            if (_whole_kind(f) or _cut(f))
            and tx.d(f.start) <= tx.d(m.start())
            and not _plan_after_slash(tx, f)
        ]
        j = bisect.bisect_left(tx.starts, m.end())
        first = figs[j] if j < len(figs) else None
        if first is not None and first.kind == "percent" and not first.change and j + 1 < len(figs):
            # "… như sau: huyện A 14,2% với 400 hộ; …": each item a rate with its count
            if _RATE_WITH_ITS_COUNT.fullmatch(tx.t, first.end, figs[j + 1].start):
                first = figs[j + 1]
        if (
            first is None
            or not (is_amount(first) or (first.kind == "ratio" and first.denominator))
            or not any(tx.compatible(first, w) and first.change == _moved(tx, w) for w in earlier)
        ):
            if earlier and _ENDS_PARAGRAPH.match(tx.t, m.end()):
                yield from _paragraph_parts(tx, earlier[-1], m.end())
            continue  # "trong đó, có 4 nhóm hàng …": the marker introduces something else
        if _ENDS_PARAGRAPH.match(tx.t, m.end()):
            # "… gieo trồng 40.143,7 ha; sản lượng 181.822,9 tấn. Trong đó: ¶ …": the other
            # whole is broken down too, paragraph by paragraph
            # (and the whole the first item counts, item by item: it confirms what the words below find)
            for w in earlier:
                yield from _paragraph_parts(tx, w, m.end())
        word = " ".join(m.group(0).split()).strip(" ,:").lower()
        rule = f"'{word}' mở câu sau tổng" if opens else f"'{word}' sau tổng"
        earlier = [w for w in earlier if _moved(tx, w) == first.change]  # a cut is broken into cuts
        begin = m.end()
        if recalled := _recalled_part(tx, earlier, first, m.end()):
            # "… gồm 10 HC Vàng, 13 HC Bạc … Trong đó, 10 HC Vàng thuộc về các bộ
            # môn: …": the marker names the part it breaks down again
            earlier, begin = [recalled], first.end
        nearest = next((w for w in reversed(earlier) if tx.compatible(first, w)), None)
        near_parts: list[Figure] = []
        for w in reversed(earlier):
            parts = _not_outside(tx, w, _parts_after(tx, w, begin, same_sentence_only=False))
            if w is nearest and sum((f.value for f in parts), Decimal(0)) == _amount(w):
                near_parts = parts  # (a list that makes the nearest whole exactly)
            # "tiếp nhận 436 tin, xử lý 325 tin, trong đó 236 …, 89 …, đang giải quyết 111
            # tin": the nearest whole's parts and then its sibling are no breakdown of the one before
            mixed = w is not nearest and near_parts and parts[: len(near_parts)] == near_parts
            if mixed and parts == near_parts and nearest is not None and nearest.value <= w.value:
                # "887 công dân … có 703 công dân …, trong đó 700 nam và 3 nữ …. … 184 công
                # dân": the nearest whole is the earlier one's part, its own parts a level below
                parts, mixed = [nearest], False
            # "87 việc/85,8 tỉ đồng. Trong đó … 32 việc/6,92 tỉ đồng …": the pair's second
            second = nearest is not None and _paired(tx, w) and tx.figures[tx.order[id(w)] - 1] is nearest
            conf = settings.QA_CONF_MARKER if w is nearest or second else settings.QA_CONF_MARKER * 0.8
            unnumbered = bool(parts) and _UNNUMBERED.search(tx.t, m.end(), parts[0].start) is not None
            # "Cụ thể, một số loại cây chủ yếu như sau: …": after the marker too
            named_some = bool(parts) and _HIGHLIGHTS.search(tx.t, m.end(), parts[0].start) is not None
            if _HIGHLIGHTS.search(tx.t, w.end, m.start()) or unnumbered or named_some:
                # "… đơn vị tiếp nhận nhiều hồ sơ gồm:": the largest, not all; "23 người,
                # gồm: Chủ tịch, 3 Phó Chủ tịch và 19 Ủy viên": an item with no number is one
                # more
                conf = settings.QA_CONF_ARITHMETIC
            if mixed and len(parts) > len(near_parts):
                conf = min(conf, settings.QA_CONF_UNMARKED)
            roles = _roles_make_up(tx, w, parts, exactly=True)
            closed = _roles_make_up(tx, w, parts) or _itemised(tx, parts) or _complementary(tx, parts)
            # "…, 6 trung tâm và 17 cơ sở khác": a list ending in the rest is all of its whole
            closed = closed or (len(parts) >= 2 and _catch_all(tx, parts[-1]))
            for r in _sum_candidates(tx, w, parts, rule, conf, complete=roles):
                # a breakdown by roles is judged apart from one by kind ("1.683 đơn, trong đó
                # nhận mới …, kỳ trước chuyển sang … gồm: khiếu nại …, tố cáo …")
                yield dataclasses.replace(r, closed=True, identity=roles, facet=int(roles)) if closed else r
    for i, w in enumerate(figs):
        if not _whole_kind(w):
            continue
        m = PAREN_AFTER.match(tx.t, w.end)
        if m and not _RATE_IN_PARENS.match(tx.t, m.end()):
            close = tx.t.find(")", m.end())
            parts = _parts_after(tx, w, m.end(), same_sentence_only=True, end=close if close >= 0 else None)
            roles = [roles_of(tx.label(f)) for f in parts]
            if any(_roles_apart(a, b) for a, b in zip(roles, roles[1:])):
                continue  # "(có 1.200 hồ sơ giải quyết trong hạn, …, 900 … trực tuyến)"
            rule = "liệt kê trong ngoặc sau tổng"
            conf = settings.QA_CONF_ARITHMETIC if _names_siblings(tx, w, parts) else settings.QA_CONF_MARKER
            yield from _sum_candidates(tx, w, parts, rule, conf)
        if MARK_BEFORE.search(tx.before(w, 60)) or _THEN_HAS.match(tx.t, w.end):
            parts = _parts_after(tx, w, w.end, same_sentence_only=False)
            rule = "'Trong N …, có' trước tổng"
            yield from _sum_candidates(tx, w, parts, rule, settings.QA_CONF_MARKER)
        sure = bool(TOTAL_BEFORE.search(tx.before(w, 60)))
        if sure or TOTAL_NOUN_BEFORE.search(tx.before(w, 60)):
            earlier = [
                f
                for f in tx.span(tx.para[tx.paragraph(w.start)], w.start, w.start)
                if is_amount(f)
                and not f.change
                and tx.compatible(f, w)
                and f.value < w.value  # (not the target: "900 CLB … nâng tổng số lên 900")
                and tx.d(f.start) == tx.d(w.start)
                and tx.sentence(w.start) - tx.sentence(f.start) <= 1
            ]
            for n in range(len(earlier), 1, -1):
                conf = settings.QA_CONF_MARKER if n == len(earlier) else settings.QA_CONF_MARKER * 0.6
                # "…; tổng thu ngân sách 1.000 tỷ đồng": a total by its name only confirms
                if not sure:
                    conf = settings.QA_CONF_UNMARKED
                yield Relation(
                    "sum", w, tuple(earlier[-n:]), TOTAL_AFTER_RULE, conf
                )


_RATE_WITH_ITS_COUNT = regex.compile(r"\s*(?:với|,)\s*", regex.I)


# "07 vụ tai nạn giao thông thì có 01 vụ …, 06 vụ …": a whole whose clause goes on with
# "thì có"
_THEN_HAS = regex.compile(r"[^\d;.,()]{0,60}?\sthì\s+có(?![\p{L}])", regex.I)


def _recalled_part(tx: Text, earlier: list[Figure], first: Figure, after: int) -> Figure | None:
    """The earlier count the figure right after a marker says again ("Trong đó, 10 HC Vàng …"), when
    its noun follows it and more like figures come after it."""
    if not _RECALL_AFTER.match(tx.t, first.end) or tx.t[after : first.start].strip(" ,:"):
        return None
    like = (w for w in reversed(earlier) if w.value == first.value and tx.compatible(w, first))
    return next(like, None)


# "10 HC Vàng thuộc về các bộ môn:", "07 vụ tai nạn giao thông thì có": the recalled count's
# clause
_RECALL_AFTER = regex.compile(r"[^\d;,.()]{1,60}?(?::|\sthì\s+có|\sgồm)", regex.I)


_PAIR_GAP = regex.compile(r"[\p{L}\s]{0,40}?(?:\svà|,)\s*", regex.I)


def _parallel_breakdowns(tx: Text) -> Iterable[Relation]:
    """"đã giải quyết 274 đơn khiếu nại và 105 đơn tố cáo; trong đó có 11 …, 10 … và
    179 …; có 9 …, 15 …, 11 … và 70 …": one marker after two wholes, the lists split by a
    semicolon, in the wholes' order."""
    for m in MARKER.finditer(tx.t):
        s_m = tx.sentence(m.start())
        before = tx.span(tx.sent[s_m], m.start(), m.start())
        if len(before) < 2:
            continue
        w1, w2 = before[-2:]
        if not (is_amount(w1) and is_amount(w2) and tx.compatible(w1, w2)):
            continue
        if not _PAIR_GAP.fullmatch(tx.t, w1.end, w2.start):
            continue
        end = tx.sent[tx.sentence(m.start()) + 1] if tx.sentence(m.start()) + 1 < len(tx.sent) else len(tx.t)
        groups = [
            [f for f in tx.span(a, b) if is_amount(f) and tx.compatible(f, w1) and not f.change]
            for a, b in _semicolon_spans(tx.t, m.end(), end)
        ]
        groups = [g for g in groups if g]
        if len(groups) == 2 and all(len(g) >= 2 for g in groups):
            for whole, parts in zip((w1, w2), groups):
                rule = "'trong đó' sau hai tổng: mỗi danh sách (ngăn bằng ';') cho một tổng"
                yield Relation("sum", whole, tuple(parts), rule, settings.QA_CONF_MARKER)


# Between two measures of one activity joined by "và": "… 3.840 triệu lượt khách, tăng
# 10,3% so với cùng kỳ năm trước và | 171,3 tỷ lượt khách …" (the first one's change may
# come between them)
_MEASURES_GAP = regex.compile(r"[^;.\n]{0,80}?\svà\s+(?:[\p{L}]+\s+){0,3}$", regex.I)
PAIRED_RULE = (
    "'trong đó' sau hai số đo nối bằng 'và': mỗi vế kê một cặp, "
    "số đầu cho tổng đầu, số sau cho tổng sau"
)


def _paired_measures(tx: Text) -> Iterable[Relation]:
    """"vận tải hàng hóa đạt 1.350,3 triệu tấn, tăng 9,6% … và 252,5 tỷ tấn, tăng 7,3%,
    trong đó vận tải trong nước đạt 1.322,2 triệu tấn, tăng 9,8% và 138,4 tỷ tấn, …;
    vận tải ngoài nước đạt 28,1 triệu tấn … và 114,1 tỷ tấn …": two measures of one
    activity (tonnes and tonne-km), each part clause giving both in the same order — the
    first amounts are the first whole's parts, the second the second's."""
    for m in MARKER.finditer(tx.t):
        s_m = tx.sentence(m.start())
        before = [f for f in tx.span(tx.sent[s_m], m.start(), m.start()) if is_amount(f) and not f.change]
        if len(before) < 2:
            continue
        w1, w2 = before[-2:]
        if not tx.compatible(w1, w2) or not _MEASURES_GAP.match(tx.t, w1.end, w2.start):
            continue
        end = tx.sent[s_m + 1] if s_m + 1 < len(tx.sent) else len(tx.t)
        clauses = [
            [f for f in tx.span(a, b) if is_amount(f) and tx.compatible(f, w1) and not f.change]
            for a, b in _semicolon_spans(tx.t, m.end(), end)
        ]
        if len(clauses) < 2 or any(len(c) != 2 for c in clauses):
            continue
        for k, whole in enumerate((w1, w2)):
            yield Relation("sum", whole, tuple(c[k] for c in clauses), PAIRED_RULE, settings.QA_CONF_MARKER)


def _without_mixed_pairs(sums: list[Relation]) -> list[Relation]:
    """Where two wholes' parts come in pairs, a list of either whole that takes the other's parts
    too is no reading ("… 407,2 triệu lượt … và 13,8 tỷ lượt …" is no list of four for the
    18,1 tỷ)."""
    pairs = [r for r in sums if r.rule == ALTERNATING_RULE]
    if not pairs:
        return sums
    owner = {f.index: r.stated.index for r in pairs for f in r.operands}
    return [
        r for r in sums
        if r.rule == ALTERNATING_RULE or not any(owner.get(f.index, r.stated.index) != r.stated.index
                                                 for f in r.operands)
    ]


ALTERNATING_RULE = (
    "hai tổng khác loại (hoặc khác bậc triệu/tỷ), các phần từng cặp theo "
    "cùng thứ tự "
    "('1.837 xe với 43.301 tấn'), một tổng khớp đúng"
)


def _sentence_before(tx: Text, s: int) -> int:
    """The sentence with words before sentence `s` (past blank lines; 0 at the start)."""
    prev = s - 1
    while prev > 0 and not tx.t[tx.sent[prev] : tx.sent[prev + 1]].strip():
        prev -= 1
    return max(prev, 0)


def _opening_markers(tx: Text) -> Iterator[tuple[regex.Match[str], int, int]]:
    """Each marker that opens its sentence (not the first), with its sentence and the sentence before."""
    for m in MARKER.finditer(tx.t):
        s_m = tx.sentence(m.start())
        if s_m and not tx.t[tx.sent[s_m] : m.start()].strip(" ,.;:-–\n"):
            yield m, s_m, _sentence_before(tx, s_m)


def _alternating_pairs(tx: Text) -> Iterable[Relation]:
    """"… đạt 10.047 phương tiện … chở 155.323 tấn hàng hóa … Trong đó, hoa quả 1.837
    xe với 43.301 tấn, bột sắn 1.076 xe với 43.863 tấn, …": two wholes of two kinds said in
    the sentence before a marker that opens the next, and after it pairs in the same order: the
    first of each pair are the first whole's parts, the second the second's, once one of the lists
    adds up to its whole exactly (what says the pairs are the wholes' parts)."""
    for m, s_m, prev in _opening_markers(tx):
        wholes = [
            f for f in tx.in_sentences(prev, prev, m.start())
            if is_amount(f) and not f.change and tx.d(f.start) == tx.d(tx.sent[prev])
        ]
        if len(wholes) < 2:
            continue
        w1, w2 = wholes[-2:]
        # (two wholes of one noun alternate too when their scales differ: "408,7 triệu lượt khách …
        # và 18,1 tỷ lượt khách. Trong đó … 407,2 triệu … và 13,8 tỷ …; … 1,5 triệu
        # … và 4,2 tỷ …")
        if tx.compatible(w1, w2) and _printed(w1)[1] == _printed(w2)[1]:
            continue
        after = [f for f in tx.in_sentences(s_m, s_m, m.end()) if f.start >= m.end() and not f.change]
        firsts, seconds = after[0::2], after[1::2]
        paired = len(after) >= 4 and len(firsts) == len(seconds)
        pairs = zip(firsts, seconds)
        if not paired or not all(tx.compatible(a, w1) and tx.compatible(b, w2) for a, b in pairs):
            continue
        lists = ((w1, firsts), (w2, seconds))
        if any(p.value >= w.value for w, ps in lists for p in ps):
            continue  # "… từ 3 sao trở lên … 10 sản phẩm 4 sao": a level, not a part
        if not any(sum(p.value for p in ps) == w.value for w, ps in lists):
            continue
        for whole, parts in lists:
            yield Relation("sum", whole, tuple(parts), ALTERNATING_RULE, settings.QA_CONF_MARKER)


NAMED_FACETS_RULE = (
    "hai tổng cùng danh từ khác tên ('{}', '{}'), mỗi phần sau từ nối nêu tên tổng "
    "của nó; một tổng khớp đúng"
)
_ITEM_CUT = regex.compile(r"[;:]|,(?!\d)")  # (not a decimal comma: "7,42%")
_PHRASE_AFTER = regex.compile(r"[ \t]*(\p{L}+(?:[ \t]+\p{L}+){0,2})")


def _named_facets(tx: Text) -> Iterable[Relation]:
    """"Toàn tỉnh có 1.000 hộ nghèo …; có 600 hộ cận nghèo … Trong đó huyện A có tỷ
    lệ hộ nghèo 8% (300 hộ), tỷ lệ hộ cận nghèo 5% (200 hộ); huyện B …": two wholes
    of one noun told apart by the words after it, and after a marker parts whose clause names one
    of them; once one list adds up to its whole exactly (what says the parts are the wholes')."""
    for m, s_m, prev in _opening_markers(tx):
        wholes = [f for f in tx.in_sentences(prev, prev, m.start()) if is_amount(f) and not f.change]
        wholes = wholes[-settings.QA_FACET_WHOLES :]
        after = [f for f in tx.in_sentences(s_m, s_m, m.end()) if f.start >= m.end() and is_amount(f)]
        for i, w1 in enumerate(wholes):
            for w2 in wholes[i + 1 :]:
                if tx.compatible(w1, w2) and (found := _facet_lists(tx, (w1, w2), after)) is not None:
                    lists, names = found
                    rule = NAMED_FACETS_RULE.format(*names)
                    for whole, parts in lists:
                        yield Relation("sum", whole, parts, rule, settings.QA_CONF_MARKER)


def _facet_lists(
    tx: Text, wholes: tuple[Figure, Figure], after: list[Figure]
) -> tuple[list[tuple[Figure, tuple[Figure, ...]]], list[str]] | None:
    """The parts of each whole among `after` by the name each clause says (and the names), or None
    when the lists are no such breakdown (a like amount that names neither, a list of one, a part as
    large as its whole, neither list exact)."""
    words = [_words_after(tx, w) for w in wholes]
    common = next((k for k, (a, b) in enumerate(zip(*words)) if a != b), None)
    if common is None:
        return None
    names = [" ".join(ws[: common + 1]) for ws in words]
    parts: list[list[Figure]] = [[], []]
    for f in after:
        if f.change or not tx.compatible(f, wholes[0]):
            continue
        clause = " ".join(_ITEM_CUT.split(tx.t[max(0, f.start - 80) : f.start])[-1].lower().split())
        # the name said last ("… (200 hộ) và huyện B có tỷ lệ hộ nghèo …")
        at = [f" {clause}".rfind(f" {name}") for name in names]
        if max(at) < 0:
            return None
        parts[at.index(max(at))].append(f)
    lists = [(w, tuple(ps)) for w, ps in zip(wholes, parts)]
    if any(len(ps) < 2 or any(p.value >= w.value for p in ps) for w, ps in lists):
        return None
    return (lists, names) if any(sum(p.value for p in ps) == w.value for w, ps in lists) else None


def _words_after(tx: Text, w: Figure) -> list[str]:
    m = _PHRASE_AFTER.match(tx.t, w.end)
    return m.group(1).lower().split() if m else []


# "Trong số vụ vi phạm, …": the whole named again by its noun, no number
_RECALL_OPENING = regex.compile(
    r"(?<![\p{L}])trong\s+(?:tổng\s+)?số\s+(?:các\s+|những\s+)?"
    r"(?P<noun>(?:[\p{L}]+\s+){0,5}?[\p{L}]+)\s*(?:,|\s+thì\s)",
    regex.I,
)
RECALLED_RULE = "'Trong số …' nhắc lại tổng nêu trước bằng danh từ của nó"


def _recalled_breakdowns(tx: Text) -> Iterable[Relation]:
    """"… phát hiện và xử lý 143 vụ vi phạm Luật Lâm nghiệp … Trong số vụ vi phạm,
    lực lượng kiểm lâm phát hiện, xử lý 126 vụ; đơn vị chủ rừng … 17 vụ": a
    whole named again by its noun sentences later and broken down there. Which earlier count is meant the
    noun only suggests: a confirmation."""
    for m in _RECALL_OPENING.finditer(tx.t):
        noun = " ".join(m.group("noun").lower().split()[:2])
        if noun.split()[0] in ("này", "đó"):
            continue
        para = tx.paragraph(m.start())
        named = [
            f
            for f in tx.in_paragraphs(para - 2, para, m.start())
            if f.start < m.start() and is_amount(f) and not f.change
            and noun in " ".join(tx.label(f).lower().split())
        ]
        if not named:
            continue
        whole = named[-1]
        parts = _parts_after(tx, whole, m.end(), same_sentence_only=True)
        # "Trong tổng số diện tích rừng trồng mới thì …" names the "tổng diện tích rừng
        # trồng mới" in full: sure enough to alarm
        full = " ".join(m.group("noun").lower().split())
        in_full = len(full.split()) >= settings.QA_RECALLED_IN_FULL
        sure = in_full and full in " ".join(tx.label(whole).lower().split())
        conf = settings.QA_CONF_MARKER if sure else settings.QA_CONF_TAGGED
        yield from _sum_candidates(tx, whole, parts, RECALLED_RULE, conf)


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
    for m in MARKER.finditer(tx.t):
        s_idx = tx.sentence(m.start())
        wholes = [f for f in tx.span(tx.sent[max(0, s_idx - 1)], m.start(), m.start()) if _whole_kind(f)]
        tagged = {t: w for w in wholes if (t := _tag(tx, w))}
        if len(tagged) < 2:
            continue
        end = tx.sent[s_idx + 1] if s_idx + 1 < len(tx.sent) else len(tx.t)
        groups: dict[str, list[Figure]] = {}
        for p in tx.figures:
            if m.end() <= p.start < end and is_amount(p) and not p.change and (t := _tag(tx, p)) in tagged:
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
            f for f in tx.in_sentences(s, s, m.end()) if f.start > m.end() and is_amount(f) and not f.change
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
            and is_amount(w)
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


# What a change is measured against, said right after it: "giảm 43 đơn so với cùng kỳ"
_COMPARED_TO = regex.compile(r"\s*(?:so\s+(?:với\s+)?)(?P<base>[^.;,()\n]{1,40})", regex.I)


def _compared_to(tx: Text, f: Figure) -> str | None:
    m = _COMPARED_TO.match(tx.t, f.end)
    return " ".join(m.group("base").lower().split()) if m else None


def _levels_hold(s: Relation) -> bool:
    """The levels surely add up: a sure breakdown that holds, or any read one that holds to the last unit of
    a whole too large for that to be chance ("128.134 ha … trong đó: 36.123 ha, … 92.011 ha")."""
    v = evaluate(s)
    if not v.consistent:
        return False
    exact = v.computed == s.stated.value and s.stated.value >= settings.QA_ARITH_MIN_WHOLE
    return s.confidence >= settings.QA_ALARM or (exact and s.confidence >= settings.QA_PLAUSIBLE)


_BRACKET_OPENS = regex.compile(r"\s*\(\s*")


def _change_after(tx: Text, i: int) -> tuple[Figure, str | None]:
    """The change said right after a level (figure `i` follows it) and its direction: the figure itself, or
    the amount in brackets after a rate of change ("25.205 ha, giảm 1,97% (507 ha)")."""
    figs = tx.figures
    f = figs[i]
    if f.kind == "percent" and f.change and i + 1 < len(figs):
        amount = figs[i + 1]
        if amount.kind != "percent" and _BRACKET_OPENS.fullmatch(tx.t, f.end, amount.start):
            return amount, f.change
    return f, f.change


def _changes_of_breakdowns(tx: Text, sums: list[Relation]) -> Iterable[Relation]:
    """"tổng nguồn vốn 2.468 tỷ, tăng 210 tỷ …; trong đó, nguồn A 2.101 tỷ, tăng 150 tỷ;
    …": when the levels surely add up to their whole and each is followed by its change of one direction
    and kind, the changes are the parts of the whole's change, and may alarm: both levels hold, so both
    periods' parts must add up. Not when the changes name different bases ("so với đầu năm", "so với
    cùng kỳ")."""
    figs = tx.figures
    for s in sums:
        if s.check != "sum" or s.over != "value" or s.whole is not None or not _levels_hold(s):
            continue
        if any(id(f) not in tx.order for f in (s.stated, *s.operands)):
            continue  # (a copy made for one check)
        after = [tx.order[id(f)] + 1 for f in (s.stated, *s.operands)]
        if max(after) >= len(figs):
            continue
        changes = [_change_after(tx, i) for i in after]
        moved = [m for m, _ in changes]
        if not all(way in ("tăng", "giảm") and m.kind == s.stated.kind for m, way in changes):
            continue
        if len({way for _, way in changes}) > 1:
            # "giảm 23 tỷ …; trong đó: A giảm 25 tỷ …; B tăng 2 tỷ": the falls count against
            moved = [_signed(m, way) for m, way in changes]
        if len({b for m in moved if (b := _compared_to(tx, m)) is not None}) <= 1:
            rule = f"{CHANGES_RULE}; các mức đều khớp ({s.rule})"
            yield Relation("sum", moved[0], tuple(moved[1:]), rule, settings.QA_ALARM)


def _signed(f: Figure, way: str) -> Figure:
    """A change as a signed amount (a fall below zero): a copy made for one check."""
    return f.model_copy(update={"value": -abs(f.value)}) if way == "giảm" else f


SHARES_OF_BREAKDOWN_RULE = (
    "tỷ lệ của các phần cộng lại bằng tỷ lệ của tổng (các số đã khớp)"
)


def _shares_of_breakdowns(tx: Text, sums: list[Relation]) -> Iterable[Relation]:
    """"1.000 hộ, chiếm tỷ lệ 1,00%. Trong đó … 300 hộ, tỷ lệ 0,3%; … 400 hộ tỷ lệ
    0,4%; …": when the counts surely add up to their whole and each states its own share, of one
    base, the shares add up to the whole's as the counts do, and a miss beyond their rounding
    alarms."""
    seen: set[tuple[int, ...]] = set()
    for s in sums:
        if s.check != "sum" or s.over != "value" or s.whole is not None or not _levels_hold(s):
            continue
        members = (s.stated, *s.operands)
        if any(id(f) not in tx.order for f in members):
            continue  # (a copy made for one check)
        shares = [own_share(tx, f) for f in members]
        if any(r is None or r.prior_period for r in shares):
            continue
        key = tuple(r.index for r in shares if r is not None)
        if len(set(key)) != len(key) or key in seen:
            continue
        seen.add(key)
        whole, *parts = (r for r in shares if r is not None)
        if not whole.value or not _one_base(s, whole, parts):
            continue  # each part's rate of its own base ("… huyện A 40%, huyện B 75% …")
        # (shares rounded one by one may miss the whole's by their rounding: an alarm all the same, as
        # printed, flagged as within rounding)
        yield Relation("sum", whole, tuple(parts), SHARES_OF_BREAKDOWN_RULE, settings.QA_ALARM)


def _one_base(s: Relation, whole: Figure, parts: list[Figure]) -> bool:
    """The shares are of the whole's base: each but at most one is its count over the base the whole's count
    and share give (to its last printed digit)."""
    base = s.stated.value / whole.value
    fits = [abs(r.value - f.value / base) <= unit_of(r) for f, r in zip(s.operands, parts)]
    return sum(fits) >= len(fits) - 1 and sum(fits) >= 2


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
            rule = "phần của tổng (trích xuất)"
            if not trails_off(tx, w, same):
                yield Relation("sum", w, tuple(same), rule, settings.QA_CONF_EXTRACTOR)
        # "tăng 331 tỷ 273 triệu …; trong đó, nguồn A … tăng 244 tỷ 898 triệu; nguồn B …
        # tăng 56 tỷ …": the parts' changes make the whole's change
        moved = [p for p in parts if w.change and p.change == w.change and p.kind == w.kind]
        moved = [p for p in moved if tx.compatible(p, w)]
        if len(moved) >= 2:
            rule = f"{CHANGES_RULE} (trích xuất)"
            yield Relation("sum", w, tuple(moved), rule, settings.QA_CONF_EXTRACTOR)


_REMAINDER_OPENING = regex.compile(
    r"\s*(?:Hiện\s+(?:nay\s+)?)?còn(?:\s+(?:tồn|lại))?(?![\p{L}])", regex.I
)


def _all_in_next(tx: Text, whole: Figure, picks: Sequence[Figure]) -> bool:
    """"… 6.546 thí sinh đăng ký dự thi. Đến ngày thi, có 6.536 thí sinh dự thi, 36 thí
    sinh bỏ thi": every part in the one sentence right after the whole's, in its paragraph."""
    s = tx.sentence(whole.start)
    return all(tx.sentence(f.start) == s + 1 and f.start > whole.start for f in picks) and (
        tx.paragraph(picks[0].start) == tx.paragraph(whole.start)
    )


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
        if not (is_amount(f) or f.kind == "ratio"):
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


def _between_picks(tx: Text, whole: Figure, picks: Sequence[Figure]) -> bool:
    """A like amount of the whole's noun between the first and the last part, none of them (nor a part's
    own breakdown: "xử lý 300 tin, trong đó 200 …, 100 …, đang giải quyết 100 tin")."""
    lo, hi = min(f.start for f in picks), max(f.start for f in picks)
    ids = {f.index for f in picks}
    return any(
        is_amount(g) and not g.change and g.index not in ids and tx.compatible(g, whole)
        and not MARKER.search(tx.t, lo, g.start)
        for g in tx.span(lo, hi, lo)
    )


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
                near = near or (parts_roles in ACROSS_SENTENCES and _all_in_next(tx, whole, picks))
                conf = settings.QA_CONF_IDENTITY * (1 if near else 0.75) * (1 if rank == 0 else 0.7)
                here = tx.sentence(whole.start)
                if any(tx.sentence(f.start) == here and f not in picks for opts in options for f in opts):
                    # "trước hạn …, đúng hạn …, quá hạn …" read as two parts: the list is
                    # longer
                    conf *= 0.7
                elif same_sentence and _between_picks(tx, whole, picks):
                    # "đã giải quyết 7 vụ, 1 vụ tự rút đơn, còn 2 vụ": a part with no role
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
            # (the fraction's own breakdown in brackets is no count between: "37/111 đơn (17 khiếu
            # nại, …); đang xem xét 74 đơn")
            depth = tx.d(frac.start)
            if same and [
                g for g in tx.figures
                if frac.start < g.start < rest[0].start
                and g.kind in ("count", "ratio") and tx.d(g.start) <= depth
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
            and not CHANGE_BEFORE.search(tx.before(f, 25))
        ]
        for x, y in itertools.permutations(near, 2):
            if (x if down else y).value <= c.value:
                continue  # the larger of the two periods is more than the change
            if c.value < unit_of(x if down else y):
                continue  # "38% … vượt 0,05%": a change finer than the total's printing proves nothing
            if down:
                rule = "kỳ trước = kỳ này + mức giảm"
                yield Relation("sum", x, (y, c), rule, settings.QA_CONF_CHANGE, guessed=True)
            else:
                rule = "kỳ này = kỳ trước + mức tăng"
                yield Relation("sum", y, (x, c), rule, settings.QA_CONF_CHANGE, guessed=True)


# "giảm 165 vụ, | giảm 45,96% | (194/359 vụ)": a fall, its rate, then this period over the last
_CHANGE_RATE_GAP = regex.compile(r"[\p{L}\s]{0,20},\s*(?:giảm|tăng)\s*", regex.I)


def _changes_of_fractions(tx: Text) -> Iterable[Relation]:
    """"Trọng án giảm 165 vụ, giảm 45,96% (194/359 vụ)": this period's count and the fall make last
    period's (194 + 165 = 359). Which figure is which is read from the words, so it only confirms."""
    figs = tx.figures
    for c, p, frac in zip(figs, figs[1:], figs[2:]):
        if c.change != "giảm" or not is_amount(c) or p.kind != "percent" or p.change != "giảm":
            continue
        if frac.kind != "ratio" or not frac.denominator or not tx.compatible(c, frac):
            continue
        if _CHANGE_RATE_GAP.fullmatch(tx.t, c.end, p.start) and FRACTION_OF_PERIODS.fullmatch(
            tx.t, p.end, frac.start
        ):
            rule = "kỳ trước (mẫu số) = kỳ này (tử số) + mức giảm"
            yield Relation("sum", frac, (frac, c), rule, settings.QA_CONF_CHANGE, whole=frac.denominator)


_BRACKET_NEXT = regex.compile(r"[^\d;.()]{0,15}\(\s*")
FRACTION_CHANGE_RULE = (
    "mức tăng/giảm và (kỳ này/kỳ trước) ngay sau: hiệu hai kỳ (chỉ để xác nhận)"
)


def _changes_before_fractions(tx: Text) -> Iterable[Relation]:
    """"so với cùng kỳ tăng 37 vụ (148/111 vụ)": this period over last in brackets right after the
    change; last period's count and the rise make this period's (a fall: this period's and the fall make
    last period's). Some reports print last period first, so it only confirms."""
    figs = tx.figures
    for c, frac in zip(figs, figs[1:]):
        # (a change said after "so với cùng kỳ" is read as of the last period: its amount all the same)
        amount = c.kind in AMOUNT_KINDS and c.range is None
        if c.change not in ("tăng", "giảm") or not amount or frac.kind != "ratio" or not frac.denominator:
            continue
        if not (_BRACKET_NEXT.fullmatch(tx.t, c.end, frac.start) and tx.compatible(c, frac)):
            continue
        conf = settings.QA_CONF_CHANGE
        if c.change == "giảm":
            yield Relation("sum", frac, (frac, c), FRACTION_CHANGE_RULE, conf, whole=frac.denominator)
            continue
        last = frac.model_copy(update={"value": frac.denominator, "denominator": None})
        yield Relation("sum", frac, (last, c), FRACTION_CHANGE_RULE, conf, whole=frac.value)


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
    for m in MARKER.finditer(tx.t):
        k = bisect.bisect_left(tx.starts, m.start())
        if not k:
            continue
        net = tx.figures[k - 1]
        clause = tx.t[max(tx.t.rfind(";", 0, net.start), tx.sent[tx.sentence(net.start)]) : m.start()]
        same_sentence = tx.sentence(net.start) == tx.sentence(m.start())
        if not is_amount(net) or not _NET_DOWN.search(clause) or not same_sentence:
            continue
        after = [
            f
            for f in tx.figures[k : k + 4]
            if tx.sentence(f.start) == tx.sentence(m.start()) and is_amount(f) and tx.compatible(f, net)
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
    marks = [(m, False, False) for m in _LIST_MARK.finditer(tx.t)]
    marks += [(m, True, False) for m in _CLAUSES_MARK.finditer(tx.t)]
    marks += [(m, True, True) for m in _SENTENCES_MARK.finditer(tx.t)]
    for m, clauses, sentences in marks:
        para_end = (
            tx.para[tx.paragraph(m.end()) + 1] if tx.paragraph(m.end()) + 1 < len(tx.para) else len(tx.t)
        )
        if sentences:  # "Trong đó: A thụ lý 538 vụ, …. B thụ lý …": one entry a sentence
            entries = _shaped_run(_sentence_segments(tx, m.end(), para_end))
        else:
            entries = [e for e in _segments(tx, m.end(), para_end) if e]
        # "Cụ thể như sau:" ending its paragraph: one entry a paragraph ("Án hình sự: …")
        if not entries and not clauses:
            entries = _labelled_paragraphs(tx, tx.paragraph(m.end()) + 1)
        if clauses:
            entries = _joined_entries_split(tx, entries)
        if len(entries) < 2:
            continue
        shaped = all(len(x) == len(entries[0]) for x in entries)
        if clauses and not (shaped and len(entries[0]) >= 2):
            continue  # plain clauses after "Trong đó," are read by the marker rules
        rels = list(_column_sums(tx, m, entries, shaped, clauses))
        yield from _columns_confirmed(tx, rels) if clauses else rels


def _columns_confirmed(tx: Text, rels: list[Relation]) -> list[Relation]:
    """"… xảy ra 51 vụ, làm 35 người chết, 29 người bị thương. … Trong đó, va chạm
    … 14 vụ, làm bị thương 10 người; …": when one column of the clauses adds up to its whole
    exactly, the clauses are all of that sentence's breakdown, and the other columns are sums of its wholes
    too."""
    held = {tx.sentence(r.stated.start) for r in rels if evaluate(r).consistent and len(r.operands) >= 3}
    return [
        dataclasses.replace(r, confidence=max(r.confidence, SIBLING_CONF), rule=SIBLING_RULE)
        if tx.sentence(r.stated.start) in held and not r.stated.change  # (rises: the parts' rises rule)
        else r
        for r in rels
    ]


SIBLING_RULE = "mệnh đề sau 'Trong đó,': cột này cộng lại, như cột bên cạnh đã khớp"
SIBLING_CONF = settings.QA_CONF_SIBLING_COLUMN


def _column_sums(
    tx: Text, m: regex.Match[str], entries: list[list[Figure]], shaped: bool, clauses: bool
) -> Iterable[Relation]:
    """Each column of the entries against a whole stated before the list."""
    for j, head in enumerate(entries[0]):
        column = [
            # entries of one shape: the same column of each ("thụ lý 200 vụ, giải quyết 180
            # vụ")
            e[j]
            if shaped and tx.compatible(e[j], head) and e[j].kind == head.kind
            else _same_column(tx, head, e)
            for e in entries
        ]
        # an entry without the column's word has none of it ("- Các cơ quan Đảng: có 06 người
        # về hưu trước tuổi." lists no severance): the others are the column, too unsure to alarm
        gaps = sum(f is None for f in column)
        column = [f for f in column if f is not None]
        if not is_amount(head) or len(column) < 2 or (gaps and len(column) < 3):
            continue
        total = sum((f.value for f in column), Decimal(0))  # type: ignore[union-attr]
        here = tx.paragraph(m.start())
        # (bounded: the paragraphs a whole may stand in, captions between passed over)
        for w in tx.in_paragraphs(here - 2 - settings.QA_CAPTIONS_SKIPPED, here, near=m.start()):
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
            conf = min(conf, settings.QA_CONF_UNMARKED) if gaps or clauses else conf
            if _HIGHLIGHTS.search(tx.t, max(w.end, m.start() - 60), head.start):
                conf = settings.QA_CONF_ARITHMETIC  # "… một số loại cây chủ yếu như sau:"
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
        # one like figure, but named for another column ("06 người … về hưu trước tuổi" is no
        # "người … thôi việc ngay")
        return like[0] if like and _named_alike(tx, like[0], head) else None
    word = _LAST_WORD.search(tx.before(head, 30))
    named = [f for f in like if word and (w := _LAST_WORD.search(tx.before(f, 30))) and w[1] == word[1]]
    if not word:  # the entries name their columns after the figures ("02 người … thôi việc ngay")
        named = [f for f in like if _named_alike(tx, f, head, strict=True)]
    return named[0] if len(named) == 1 else None


def _named_alike(tx: Text, f: Figure, head: Figure, strict: bool = False) -> bool:
    """The words after two figures name one thing: at least half the words of either, together (all of
    them, `strict`)."""
    a, b = (set(regex.split(r"[,;.:()]", tx.after(x, 50))[0].lower().split()) for x in (f, head))
    if not a or not b:
        return not strict
    return a == b if strict else len(a & b) * 2 >= len(a | b)


_ENTRY_LABEL = regex.compile(r"\s*[-–•+]?\s*[\p{Lu}][^\d:.;]{1,80}:")


def _labelled_paragraphs(tx: Text, first: int) -> list[list[Figure]]:
    """The figures of each paragraph from `first` on that opens with a label ("Án hành chính: …"), until
    one does not (at most QA_UNMARKED_MAX_PARTS of them)."""
    out: list[list[Figure]] = []
    bullet = None
    for k in range(first, min(len(tx.para), first + 2 * settings.QA_UNMARKED_MAX_PARTS)):
        end = tx.para[k + 1] if k + 1 < len(tx.para) else len(tx.t)
        mark = _bullet(tx.t[tx.para[k] : end])
        bullet = mark if bullet is None else bullet
        if mark and bullet and mark != bullet:
            continue  # an item of the entry before ("+ Trong KCN: …" under "- Nhóm A: …")
        if not _ENTRY_LABEL.match(tx.t, tx.para[k], end) or len(out) == settings.QA_UNMARKED_MAX_PARTS:
            break
        out.append(tx.span(tx.para[k], end, tx.para[k]))
    return out


def _bullet(line: str) -> str:
    """The bullet a list line opens with ("-", "+", "•" …), or ""."""
    line = line.lstrip()
    return line[0] if line and line[0] in _BULLETS else ""


# "Trong đó, thụ lý … 76.621 vụ với 149.890 bị cáo, đã giải quyết 75.441 vụ với
# 145.474 bị cáo; thụ lý … 16.561 vụ …": clauses of one shape after "Trong đó," —
# each a row of the same columns
_CLAUSES_MARK = regex.compile(r"(?<![\p{L}])trong\s+đó\s*,", regex.I)
_SENTENCES_MARK = regex.compile(r"(?<![\p{L}])trong\s+đó\s*:(?![ \t]*\n)", regex.I)


def _sentence_segments(tx: Text, start: int, end: int) -> list[list[Figure]]:
    """The figures from `start` to `end`, one list a sentence."""
    out: dict[int, list[Figure]] = {}
    first = bisect.bisect_left(tx.starts, start)
    for f in tx.figures[first : first + settings.QA_SCAN_AHEAD]:  # bounded: linear in the text
        if f.start >= end:
            break
        out.setdefault(tx.sentence(f.start), []).append(f)
    return list(out.values())


def _shaped_run(entries: list[list[Figure]]) -> list[list[Figure]]:
    """The entries from the first on that have as many figures, each of the first one's kinds in turn."""
    if not entries:
        return []
    shape = [f.kind for f in entries[0]]
    run = list(itertools.takewhile(lambda e: [f.kind for f in e] == shape, entries))
    return run[: settings.QA_SENTENCE_ENTRIES_MAX] if len(run) >= 2 else []


def _segments(tx: Text, start: int, end: int) -> list[list[Figure]]:
    out: list[list[Figure]] = [[]]
    last = start
    first = bisect.bisect_left(tx.starts, start)
    for f in tx.figures[first : first + settings.QA_SCAN_AHEAD]:  # bounded: linear in the text
        if f.start >= end:
            break
        if ";" in tx.t[last : f.start] or _LAST_LABELLED.search(tx.t, last, f.start):
            out.append([])
        out[-1].append(f)
        last = f.end
    return out


_AND = regex.compile(r"\s(?:và|còn)\s", regex.I)


def _joined_entries_split(tx: Text, entries: list[list[Figure]]) -> list[list[Figure]]:
    """"…; nghiêm trọng xảy ra 32 vụ, làm 31 người bị thương và rất nghiêm trọng 2
    vụ, làm 4 người tử nạn": the last entry joined by "và" holds two of the first entry's
    shape."""
    if not entries or not entries[0]:
        return entries
    n, shape = len(entries[0]), [f.kind for f in entries[0]]
    out = []
    for e in entries:
        twice = len(e) == 2 * n and [f.kind for f in e] == shape * 2
        if twice and _AND.search(tx.t, e[n - 1].end, e[n].start):
            out += [e[:n], e[n:]]
        else:
            out.append(e)
    return out


# "…; Tuy Đức: 9 trường và Đắk Glong: 2 trường": the last labelled entry, after "và"
_LAST_LABELLED = regex.compile(r"\svà\s+[^\d;,:]{1,40}:\s*$")


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
                if w.start < run[0].start and is_amount(w) and not w.change and w.value == total
                and tx.compatible(w, run[0])
            ),
            None,
        )
        if whole is not None:
            stated = whole.model_copy(update={"denominator": whole.value})
            rule = "mẫu số của các phân số liền nhau cộng lại bằng số nêu ngay trước"
            yield Relation("sum", stated, tuple(run), rule, settings.QA_CONF_UNMARKED, over="denominator")


# "495/629 cơ sở đoàn … Trong đó, khối xã … 199/244 đơn vị; …": parts counted as units of
# any body
_BODIES = regex.compile(r"đơn\s+vị(?!\s+(?:tính|hành\s+chính))", regex.I)


def _fraction_breakdowns(tx: Text) -> Iterable[Relation]:
    """"324/590 trường (trong đó 71/179 trường mầm non; 160/206 trường tiểu học; …)": the
    parts' numerators add up to the whole's numerator and their denominators to its denominator."""
    fracs = [f for f in tx.figures if f.kind == "ratio" and f.denominator]
    for w in fracs:
        s = tx.sentence(w.start)
        # "15/36 trường … . Trong đó, … 6/9 …; … 6/14 …": the next sentence when it opens with
        # a marker
        k = tx.next_sentence(s)
        nxt = MARKER.match(tx.t[tx._bound(tx.sent, k) : tx._bound(tx.sent, k + 1)].lstrip())
        later = nxt is not None
        parts = [
            f
            for f in tx.span(w.start + 1, tx._bound(tx.sent, k + 1 if later else s + 1))
            if f.kind == "ratio" and f.denominator and f.change == w.change
            and (tx.compatible(f, w) or _BODIES.match(f.unit or ""))
        ]
        parts = [f for f in parts if parts and tx.d(f.start) == tx.d(parts[0].start)]
        if len(parts) < 2:
            continue
        gap = tx.t[w.end : parts[0].start]
        marked = MARKER.search(gap)
        # "10/38 đơn; trong đó, … 5/29 khiếu nại, …": a ";" before the marker ends no list
        if ";" in gap[marked.end() if marked else 0 :] or not (marked or "(" in gap):
            # fractions side by side ("… (67/116 DN); … (15/23 DN)"), not a breakdown of the first
            continue
        margin = 1 + Decimal(str(settings.QA_OVERSHOOT))
        dens = sum((f.denominator or Decimal(0) for f in parts), Decimal(0))
        if sum((f.value for f in parts), Decimal(0)) > w.value * margin or dens > w.denominator * margin:
            continue
        rule = "phân số chia theo phần sau tổng"
        # denominators that add up show the list is all of the whole: its numerators must add up too
        closed = dens == w.denominator
        yield Relation("sum", w, tuple(parts), rule + " (tử số)", settings.QA_CONF_MARKER, closed=closed)
        # the whole's denominator may count members the list leaves out ("Riêng bậc THPT chưa có …"):
        # only a list inside the whole's own sentence is sure to cover it
        conf = settings.QA_CONF_UNMARKED if later else settings.QA_CONF_MARKER
        yield Relation("sum", w, tuple(parts), rule + " (mẫu số)", conf, over="denominator")


def _fraction_siblings(tx: Text) -> Iterable[Relation]:
    """"47/49 phiếu (đạt 95,92%), 2 phiếu (đạt 4,08%)": counts of the same thing listed right after
    a fraction, each with its share as the fraction has, make up the fraction's denominator with its
    numerator.  When the shares make 100% the list is all of it (a vote: high, plain and low confidence);
    otherwise an exact sum only confirms."""
    for frac in tx.figures:
        if frac.kind != "ratio" or not frac.denominator or frac.change:
            continue
        s = tx.sentence(frac.start)
        shares: list[Figure] = []
        counts: list[Figure] = []
        for f in tx.in_sentences(s, s + 1, frac.start):
            if f.start <= frac.start:
                continue
            if f.kind == "percent" and not f.change and len(shares) == len(counts):
                shares.append(f)
            elif f.kind == "count" and not f.change and tx.compatible(f, frac) and len(shares) > len(counts):
                counts.append(f)
            else:
                break
        if not counts:
            continue
        total = frac.value + sum((f.value for f in counts), Decimal(0))
        slack = sum((unit_of(f) / 2 for f in shares), Decimal(0))
        off = abs(sum((f.value for f in shares), Decimal(0)) - 100)
        whole = len(shares) == len(counts) + 1 and off <= slack
        if whole or total == frac.denominator:
            conf = settings.QA_CONF_MARKER if whole else settings.QA_CONF_UNMARKED
            rule = "phân số và các số đếm liệt kê sau nó làm nên mẫu số" + (
                " (tỷ lệ của chúng cộng lại 100%)" if whole else ""
            )
            yield Relation("sum", frac, (frac, *counts), rule, conf, whole=frac.denominator)


# "14/18 xã đạt chuẩn …; 4 xã chưa đạt": the fraction's verb, then the rest said not to do it
_FRACTION_VERB = regex.compile(
    r"\s*(?:\p{L}+\s+){0,2}?(?P<v>đạt|hoàn\s+thành|có|được|thực\s+hiện)(?![\p{L}])", regex.I
)
_NOT_DONE = regex.compile(r"\s*(?:\p{L}+\s+){0,2}?(?:còn\s+)?(?:chưa|không)(?![\p{L}])", regex.I)
_CLAUSE_WORDS = regex.compile(r"[^\d,;.()\n]{0,60}")
COMPLEMENT_RULE = "phân số 'a/b … đạt' và số 'chưa/không đạt' sau nó: a + số ấy = b"


def _fractions_and_their_rest(tx: Text) -> Iterable[Relation]:
    """"14/18 xã đạt chuẩn (cao nhất … 19 tiêu chí); 4 xã chưa đạt": the count said not to do
    what the fraction's numerator did (the same verb, and no other object: not "12/15 xã có trạm …,
    2 xã không có bác sĩ"), in its sentence or the next, makes the denominator with it."""
    for frac in tx.figures:
        if frac.kind != "ratio" or not frac.denominator or frac.change or frac.denominator <= frac.value:
            continue
        done = _FRACTION_VERB.match(tx.t, frac.end)
        if done is None:
            continue
        said = _CLAUSE_WORDS.match(tx.t, done.start("v")).group(0).lower().split()
        s = tx.sentence(frac.start)
        for f in tx.in_sentences(s, s + 1, frac.start):
            if f.start <= frac.start or f.kind != "count" or f.change or not tx.compatible(f, frac):
                continue
            rest = _NOT_DONE.match(tx.t, f.end)
            words = _CLAUSE_WORDS.match(tx.t, rest.end()).group(0).lower().split() if rest else []
            if words and words == said[: len(words)]:
                conf = settings.QA_CONF_IDENTITY
                yield Relation("sum", frac, (frac, f), COMPLEMENT_RULE, conf, whole=frac.denominator)
                break


# A marker right after a whole, past its noun and a defining parenthesis: "56 huy chương (HC) với",
# "85/96 em dự thi và đạt giải, chiếm tỷ lệ 88,5% (trong đó có"
_LIST_AFTER = regex.compile(
    r"(?<![\p{L}])(?:trong\s+đó(?:\s+có)?|gồm(?:\s+có)?|với)\s*:?\s*$", regex.I
)
EXACT_LIST_RULE = "các số đếm liệt kê sau tổng cộng lại đúng bằng tổng (xác nhận)"


def _exact_lists(tx: Text) -> Iterable[Relation]:
    """"đoạt 56 huy chương (HC) với 19 HC Vàng, 19 HC Bạc, 12 HC Đồng và 6 giải KK",
    "85/96 em … đạt giải (trong đó có 03 giải nhất, 27 giải nhì, …)", "531 đơn vị,
    trường học, trong đó có 222 trường mầm non; …; 1 Trung tâm GDTX": counts named otherwise
    than the whole, listed after it, that add up to it exactly (at least three: not by chance).
    Also a sentence opening "Trong đó (có)" whose counts make a count of the sentence before, and
    counts each in brackets after a list's items ("08 học sinh ở các đội tuyển Toán (04 học
    sinh), Vật lý (02 học sinh), …"). Nothing else says the names belong together: confirms."""
    for w in tx.figures:
        if not (w.kind == "count" or (w.kind == "ratio" and w.denominator)) or w.change:
            continue
        s = tx.sentence(w.start)
        # past the whole's own share ("…, chiếm tỷ lệ 88,5% (trong đó có 03 giải nhất, …")
        nxt = [f for f in tx.in_sentences(s, s, w.end) if f.start > w.end and f.kind != "percent"]
        gap = tx.t[w.end : nxt[0].start] if nxt else ";"
        if ";" in gap or len(gap) > settings.QA_NOUN_REACH:
            continue
        if _LIST_AFTER.search(gap):
            yield from _adding_up(w, _listed(tx, nxt, nxt[0]))
        elif nxt and tx.d(nxt[0].start) > tx.d(w.start) and _BRACKETED_ITEM.search(gap):
            yield from _adding_up(w, _listed(tx, nxt, nxt[0], bracketed=True))
        # "… 38 học sinh trong tổng số 91 học sinh đoạt giải. Trong đó có 16 HC Vàng, …"
        nxt_s = tx.sent[s + 1] if s + 1 < len(tx.sent) else None
        if nxt_s is not None and _OPENS_OF_WHICH.match(tx.t, nxt_s):
            later = [f for f in tx.in_sentences(s + 1, s + 1, nxt_s) if f.kind != "percent"]
            if later:
                yield from _adding_up(w, _listed(tx, later, later[0]))


# "ở các Đội tuyển Toán (04 học sinh), …": a list's first item, its count in brackets
_BRACKETED_ITEM = regex.compile(r"\p{L}[^\d;.()]{0,60}\(\s*$")
_OPENS_OF_WHICH = regex.compile(r"\s*Trong\s+đó(?:\s+có)?\s*[,:]?\s*", regex.I)


def _listed(tx: Text, figs: list[Figure], first: Figure, bracketed: bool = False) -> list[Figure]:
    """The counts of a list from `first` on, at its depth (a part's own bracket passed over); with
    `bracketed`, each in its own brackets after its item."""
    parts: list[Figure] = []
    depth = tx.d(first.start)
    for f in figs:
        if f.start < first.start or (tx.d(f.start) != depth and not bracketed):
            continue
        if f.kind not in ("count", "number") or f.change or (bracketed and tx.d(f.start) != depth):
            break
        if bracketed and parts and ")" not in tx.t[parts[-1].end : f.start]:
            break  # "21 huy chương (11 …, 6 …, 4 …)": one bracket breaking the whole down, not items
        parts.append(f)
    return parts


def _adding_up(w: Figure, parts: list[Figure]) -> Iterable[Relation]:
    """The first three or more of `parts` that add up to the whole exactly."""
    total = Decimal(0)
    for k, f in enumerate(parts):
        total += f.value
        if total == w.value and k >= 2:
            yield Relation("sum", w, tuple(parts[: k + 1]), EXACT_LIST_RULE, settings.QA_CONF_UNMARKED)
            return
        if total > w.value:
            return


def _pair_breakdowns(tx: Text) -> Iterable[Relation]:
    """"tiếp 259 lượt/316 người … Trong đó, tiếp thường xuyên 161/201 người; tiếp
    định kỳ 98 lượt /115 người": pairs (or fractions) after a marker break a pair down, first
    counts and second counts apart."""
    pairs = count_pairs(tx)
    for w, second in pairs.values():
        s = tx.sentence(w.start)
        span = [f for f in tx.in_sentences(s, s + 1, w.start) if f.start >= w.end]
        if not span or not MARKER.search(tx.t[w.end : span[0].start]):
            continue
        parts: list[Figure] = []
        depth = tx.d(span[0].start)
        for f in span:
            if tx.d(f.start) > depth:
                continue  # a part's own breakdown in brackets ("… 40/45 (trực tiếp 30/33, …)")
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


_GROWTH_AFTER = regex.compile(r"\s*(?:mức\s+)?tăng\s+trưởng", regex.I)
# the growth a sentence opens on: "Trong 7,5% tăng trưởng", "Trong mức tăng 5%", "Đóng góp vào
# tăng trưởng chung 10,2%"
_IN_GROWTH = regex.compile(
    r"(?<![\p{L}])(?:trong|đóng\s+góp\s+vào)(?:\s+(?:mức|tổng|tốc\s+độ))?"
    r"(?:\s+tăng(?:\s+trưởng)?(?:\s+chung)?)?\s*$",
    regex.I,
)
_CONTRIBUTES = regex.compile(r"(?<![\p{L}])đóng\s+góp(?:\s+\p{L}+){0,2}\s*$", regex.I)


def _as_points(tx: Text, f: Figure) -> bool:
    """A contribution in percentage points: "4,17 điểm phần trăm", or "đóng góp 0,32 điểm" (read
    as a score when the words "phần trăm" are left out)."""
    unit = (f.unit or "").lower()
    if unit.startswith("điểm phần trăm"):
        return not f.change or _CONTRIBUTES_AS.search(tx.before(f, 20)) is not None
    return unit == "điểm" and not f.change and _CONTRIBUTES.search(tx.before(f, 25)) is not None


def _point_contributions(tx: Text) -> Iterable[Relation]:
    """"GRDP tăng 7,2%; trong đó công nghiệp đóng góp 4,1 điểm phần trăm, dịch vụ 2,5
    điểm phần trăm …": the sectors' contributions in percentage points add up to the growth they
    explain."""
    # a contribution said to fall ("đóng góp giảm 0,04 điểm phần trăm") counts against the growth
    points = [_signed(f, f.change) if f.change else f for f in tx.figures if _as_points(tx, f)]
    by_para: dict[int, list[Figure]] = {}
    for f in points:
        by_para.setdefault(tx.paragraph(f.start), []).append(f)
    for para, parts in by_para.items():
        depth = min(tx.d(f.start) for f in parts)
        parts = [f for f in parts if tx.d(f.start) == depth]  # not a sector's own industries in brackets
        if len(parts) < 2:
            continue
        growth = _growths_before(tx, para, para, parts)
        if not growth and _OPENS_OF_WHICH.match(tx.t, tx.para[para]):
            # "GRDP tăng 9,16% … ¶ Trong đó, khu vực … tăng 3,28%, đóng góp 0,78 điểm %":
            # the growth a paragraph or two before, which the paragraph breaks down
            first = max(0, para - settings.QA_CONTRIBUTION_PARAGRAPHS)
            growth = _growths_before(tx, first, para - 1, parts)
        # the growth a marker breaks down ("GRDP tăng 10,11%, trong đó: nông nghiệp tăng 12,67%, đóng
        # góp …"), not the first sector's own growth; or that the sentence opens on ("Trong 7,5% tăng
        # trưởng, …")
        marked = [
            g
            for g in growth
            if MARKER.search(tx.t, g.end, parts[0].start) or _IN_GROWTH.search(tx.before(g, 40))
        ]
        if marked or growth:
            whole = marked[-1] if marked else growth[-1]
            conf = settings.QA_CONF_MARKER if marked else settings.QA_CONF_MARKER * 0.7
            rule = "đóng góp (điểm phần trăm) cộng lại bằng mức tăng"
            yield Relation("sum", whole, tuple(parts), rule, conf)


def _growths_before(tx: Text, first: int, last: int, parts: list[Figure]) -> list[Figure]:
    """The growth rates in paragraphs first…last before the contributions `parts`, but a sector's own growth
    (the figure right before its contribution: "dịch vụ tăng 5,99%, đóng góp … 4,17 điểm")."""
    own = {
        i - 1
        for f in parts
        if (i := tx.order.get(id(f), 0)) and not MARKER.search(tx.t, tx.figures[i - 1].end, f.start)
    }
    return [
        g
        for g in tx.in_paragraphs(first, last, parts[0].start)
        if g.kind == "percent"
        and (g.unit or "%") == "%"
        and g.start < parts[0].start
        and (tx.order[id(g)] not in own or _IN_GROWTH.search(tx.before(g, 40)))
        and (
            g.change == "tăng"
            or regex.search(r"tăng(?:\s+trưởng)?(?:\s+chung)?\s*$", tx.before(g, 24))
            or _GROWTH_AFTER.match(tx.t, g.end)
        )
    ]


def _percent_contributions(tx: Text) -> Iterable[Relation]:
    """"Trong 7,5% tăng trưởng chung: dịch vụ đóng góp 4,2%; công nghiệp đóng góp 2,9%; nông
    nghiệp 0,4%": contributions printed as percents, after the growth the sentence opens on, add
    up to it."""
    for g in tx.figures:
        if g.kind != "percent" or g.change or not _GROWTH_AFTER.match(tx.t, g.end):
            continue
        if not _IN_GROWTH.search(tx.before(g, 40)):
            continue
        s, depth = tx.sentence(g.start), tx.d(g.start)
        parts = [
            f
            for f in tx.in_sentences(s, s, g.start)
            if f.start > g.end and f.kind == "percent" and not f.change and tx.d(f.start) == depth
        ]
        if len(parts) >= 2 and _CONTRIBUTES.search(tx.before(parts[0], 20)):
            rule = "đóng góp (điểm phần trăm) cộng lại bằng mức tăng"
            yield Relation("sum", g, tuple(parts), rule, settings.QA_CONF_MARKER)


_CONTRIBUTES = regex.compile(r"(?<![\p{L}])đóng\s+góp(?:\s+(?:thêm|được))?\s*$", regex.I)
_CONTRIBUTES_AS = regex.compile(r"(?<![\p{L}])đóng\s+góp\s+(?:tăng|giảm)\s*$", regex.I)


_SHARE_WORD = regex.compile(
    r"(?<![\p{L}])(?:chiếm|tỷ\s+trọng|tỉ\s+trọng)(?:\s+\p{L}+){0,2}\s*$", regex.I
)


def _stated_shares(tx: Text, parts: Sequence[Figure]) -> list[Figure]:
    """Each part's own share, said right after it ("… 2.363,59 tỷ đồng, tăng 15,26%, chiếm 24,83%"),
    before the next part; empty unless every part has one."""
    out: list[Figure] = []
    bounds = [p.start for p in parts[1:]] + [tx._bound(tx.sent, tx.sentence(parts[-1].start) + 1)]
    for p, end in zip(parts, bounds):
        share = next(
            (
                f
                for f in tx.span(p.end, end, end)
                if f.kind == "percent" and not f.change and _SHARE_WORD.search(tx.before(f, 30))
            ),
            None,
        )
        if share is None:
            return []
        out.append(share)
    return out


def _short_by_its_shares(tx: Text, r: Relation) -> bool:
    """A breakdown whose parts' own shares of the whole fall short of 100% beyond their rounding
    ("chiếm 24,83% … chiếm 74,87% … chiếm 0,26%": 99,96%): the list leaves something out, so its sum
    short of the whole is no error."""
    parts = [f for f in r.operands if f is not r.stated]
    shares = _stated_shares(tx, parts) if len(parts) >= 2 and r.whole is None and r.over == "value" else []
    if not shares:
        return False
    slack = sum((unit_of(f) / 2 for f in shares), Decimal(0))
    total = sum((f.value for f in shares), Decimal(0))
    # far from 100% the shares are of other wholes ("chiếm 12,5% … chiếm 20,4%"), which says nothing
    return 100 - settings.QA_SHARES_SHORT <= total < 100 - slack and not evaluate(r).consistent


# "đạt tổng điểm 84,37, trong đó: …": a total of scores, often with no unit of its own
_SCORE_TOTAL = regex.compile(
    r"(?<![\p{L}])tổng\s+(?:số\s+)?điểm(?:\s+\p{L}+){0,3}\s*(?:là|đạt|:)?\s*$", regex.I
)
_SCORE_LIST = regex.compile(r"[^\d.;]{0,25}(?:trong\s+đó|gồm|bao\s+gồm|cụ\s+thể)\s*:?", regex.I)
SCORE_TOTAL_RULE = "'tổng điểm' và các điểm thành phần liệt kê sau"


def _score_totals(tx: Text) -> Iterable[Relation]:
    """"tổng điểm 84,37, trong đó: … 61,12 điểm, … 23,25 điểm": a total of scores
    and the scores of its components listed after a marker, in its sentence."""
    figs = tx.figures
    for i, w in enumerate(figs[:-2]):
        if w.kind not in ("number", "score") or not _SCORE_TOTAL.search(tx.before(w, 60)):
            continue
        if not _SCORE_LIST.match(tx.t, w.end):
            continue
        here = tx.sentence(w.start)
        ahead = itertools.islice(figs, i + 1, i + settings.QA_SCAN_AHEAD)  # bounded: linear in the text
        scores = itertools.takewhile(lambda f: f.kind == "score", ahead)
        parts = [f for f in scores if tx.sentence(f.start) == here]
        if len(parts) >= 2:
            yield Relation("sum", w, tuple(parts), SCORE_TOTAL_RULE, settings.QA_CONF_MARKER)


# "Tổng số hộ nghèo và hộ cận nghèo: 18.221 hộ": a total named as the two things it adds
_TWO_NAMED = regex.compile(
    r"tổng\s+(?:số\s+)?(?P<a>\p{L}+(?:\s+\p{L}+){0,4}?)\s+và\s+(?P<b>\p{L}+(?:\s+\p{L}+){0,4}?)"
    r"\s*(?::|là|đạt|có)?\s*$",
    regex.I,
)
TWO_NAMED_RULE = "'tổng số A và B' là A cộng B nêu trước"


def _two_named_totals(tx: Text) -> Iterable[Relation]:
    """"Tổng số hộ nghèo: 4.643/199.765 hộ; … Tổng số hộ cận nghèo: 13.578/199.765
    hộ; … Tổng số hộ nghèo và hộ cận nghèo: 18.221 hộ": the total of two things named, each
    counted before it in its paragraph or the one before (the last count so named; a fraction by
    its numerator)."""
    for w in tx.figures:
        m = _TWO_NAMED.search(tx.before(w, 80))
        if m is None or not is_amount(w) or w.change:
            continue
        para = tx.paragraph(w.start)
        earlier = [f for f in tx.in_paragraphs(para - 1, para, w.start) if f.start < w.start]
        parts = [_last_named(tx, earlier, w, m.group(k)) for k in ("a", "b")]
        if parts[0] is not None and parts[1] is not None and parts[0] is not parts[1]:
            yield Relation("sum", w, (parts[0], parts[1]), TWO_NAMED_RULE, settings.QA_CONF_MARKER)


def _last_named(tx: Text, earlier: list[Figure], w: Figure, name: str) -> Figure | None:
    """The last of `earlier` counting what `w` counts whose own words end with `name` ("hộ cận
    nghèo" is not "hộ nghèo")."""
    words = name.lower().split()
    for f in reversed(earlier):
        counted = is_amount(f) or (f.kind == "ratio" and f.denominator)
        if f.change or not counted or not tx.compatible(f, w):
            continue
        said = regex.split(r"[,;.:()]", tx.before(f, 60).rstrip(" :"))[-1].lower().split()
        if said[-len(words) :] == words:
            return f
    return None


# A sentence that sums up what came before: "Như vậy, đến nay tỉnh có 79 sản phẩm …"
_RECAP = regex.compile(r"(?:như\s+vậy|tính\s+chung)\b", regex.I)
RECAP_RULE = (
    "'Như vậy': tổng kết lại các số cùng loại nêu ở các đoạn trước (xác nhận)"
)


def _recaps(tx: Text) -> Iterable[Relation]:
    """"Trong 53 sản phẩm …; trước đó … công nhận 26 sản phẩm … ¶ Như vậy, đến
    nay tỉnh có 79 sản phẩm": a recap's first amount is the sum of two like amounts of the
    paragraphs before, or its amounts make up one of them ("Như vậy, … 219,4 triệu USD và
    … 754,8 triệu USD" of "974,2 triệu USD"). Only exact sums, so they only confirm."""
    for k, start in enumerate(tx.sent):
        if not _RECAP.match(tx.t, start, start + 12):
            continue
        here = [f for f in tx.in_sentences(k, k, start) if is_amount(f) and not f.change]
        para = tx.paragraph(start)
        before = [
            f
            for f in tx.in_paragraphs(para - settings.QA_RECAP_PARAGRAPHS, para, start)
            if f.start < start and is_amount(f) and not f.change and tx.d(f.start) == 0
        ]
        if here:
            w = here[0]
            if (summed := _recap_of_sentence_before(tx, k, w)) is not None:
                yield summed
                continue
            like = [f for f in before if _counts_same(tx, f, w) and f.value < w.value]
            pairs = itertools.combinations(like, 2)
            pair = next(((a, b) for a, b in pairs if a.value + b.value == w.value), None)
            if pair is not None:
                yield Relation("sum", w, pair, RECAP_RULE, settings.QA_CONF_ARITHMETIC)
        # (the parts may be said as added amounts: "… vốn đăng ký tăng thêm 754,8 triệu USD")
        said = [f for f in tx.in_sentences(k, k, start) if is_amount(f)]
        for a, b in itertools.combinations(said, 2):
            if not tx.compatible(a, b):
                continue  # (roles may differ: "đăng ký mới", "điều chỉnh tăng vốn" of one total)
            total = a.value + b.value
            w = next((f for f in reversed(before) if tx.compatible(f, a) and f.value == total), None)
            if w is not None:
                yield Relation("sum", w, (a, b), RECAP_RULE, settings.QA_CONF_ARITHMETIC)


RECAP_TOTAL_RULE = "'Như vậy, tổng …': tổng các số cùng loại của câu liền trước"
_RECAP_TOTAL = regex.compile(r"(?<![\p{L}])tổng(?![\p{L}])[^\d;.()]{0,80}$", regex.I)


def _recap_of_sentence_before(tx: Text, k: int, w: Figure) -> Relation | None:
    """"Cụ thể, xuất khẩu đạt 1,25 tỷ USD, còn nhập khẩu đạt 2,5 tỷ USD. ¶ Như
    vậy, tổng kim ngạch … đạt 3,75 tỷ USD": a recap that calls its first amount a total sums
    the amounts of its kind the sentence before says, all of them (two or more)."""
    if k == 0 or not _RECAP_TOTAL.search(tx.t, tx.sent[k], w.start):
        return None
    prev = _sentence_before(tx, k)
    said = [f for f in tx.in_sentences(prev, prev) if tx.d(f.start) == 0 and is_amount(f)]
    parts = [f for f in said if not f.change and tx.compatible(f, w) and f.unit == w.unit]
    if len(parts) < 2 or len(parts) != len([f for f in said if f.kind == w.kind]):
        return None  # some amounts of its kind are other things (a change, another noun)
    return Relation("sum", w, tuple(parts), RECAP_TOTAL_RULE, settings.QA_CONF_MARKER)


def _twins_of_exact(tx: Text, sums: list[Relation]) -> list[Relation]:
    """"… 500 tỷ đồng, 300 ha đất, kiến nghị thu hồi 200 tỷ đồng và 100 ha đất …
    xử lý 300 tỷ đồng, 200 ha đất": each figure of a sum said with another measure right after
    it; when the first measure adds up exactly by one rule, the second's sum over the twins by the
    same rule is sure enough to alarm."""
    exact = [r for r in sums if r.check == "sum" and len(r.operands) >= 2 and evaluate(r).consistent]
    twins: dict[tuple[int, ...], str] = {}
    for r in exact:
        figs = (r.stated, *r.operands)
        nxt = [tx.order.get(id(f), len(tx.figures)) + 1 for f in figs]  # (not a copy made for one check)
        if all(k < len(tx.figures) for k in nxt):
            after = [tx.figures[k] for k in nxt]
            if all(g.kind != f.kind or g.unit != f.unit for f, g in zip(figs, after)):
                twins[tuple(g.index for g in after)] = r.rule
    out = []
    for r in sums:
        rule = twins.get((r.stated.index, *(f.index for f in r.operands)))
        if rule == r.rule and settings.QA_TWIN_MIN_CONF <= r.confidence < settings.QA_ALARM:
            r = dataclasses.replace(r, confidence=settings.QA_ALARM, rule=f"{r.rule}; {TWIN_NOTE}")
        out.append(r)
    return out


TWIN_NOTE = "song song với tổng cùng cấu trúc (đơn vị khác) đã khớp đúng"


_RESTATED = regex.compile(r"\s+(?:này|nói\s+trên|kể\s+trên)(?![\p{L}])", regex.I)


def _restates(tx: Text, f: Figure) -> bool:
    """"3 ngành này chiếm 55%": a count said again of what was named before it, no part of anything."""
    unit, at = f.unit or "", _next_word(tx.t, f.end)
    return bool(unit) and tx.t.startswith(unit, at) and _RESTATED.match(tx.t, at + len(unit)) is not None


def _next_word(t: str, pos: int) -> int:
    while pos < len(t) and t[pos].isspace():
        pos += 1
    return pos


def sum_relations(tx: Text) -> list[Relation]:
    """Every scored (part, whole) relation of the prose, marked breakdowns first; the later finders are
    told what the earlier ones related (a whole already broken down takes no unmarked run)."""
    sums = [
        *_breakdowns(tx),
        *_parallel_breakdowns(tx),
        *_paired_measures(tx),
        *_alternating_pairs(tx),
        *_named_facets(tx),
        *_recalled_breakdowns(tx),
        *_tagged_lists(tx),
        *_excluding(tx),
        *_extractor_parts(tx),
        *_identities(tx),
        *_score_totals(tx),
        *_two_named_totals(tx),
        *_recaps(tx),
    ]
    sums += [*_entity_lists(tx)]
    sums += [*_change_sums(tx), *_point_contributions(tx), *_percent_contributions(tx)]
    sums += [*_fraction_breakdowns(tx)]
    sums += [*_from_to_changes(tx), *_poverty_flows(tx), *_changes_of_fractions(tx)]
    sums += [*_changes_before_fractions(tx)]
    sums += [*_fractions_of_a_count(tx), *_fraction_siblings(tx), *session_relations(tx), *_exact_lists(tx)]
    sums += list(_fractions_and_their_rest(tx))
    listed = {f.index for r in sums if len(r.operands) > 2 and r.whole is None for f in r.operands}
    related = {r.stated.index for r in sums} | listed
    # a whole one list made exactly may be broken down again further on ("Về hình thức kỷ luật: …"
    # ¶ "… do vi phạm …"): past that list, an unmarked run may be its other breakdown
    made: dict[int, int] = {}
    for r in sums:
        if len(r.operands) >= 2 and r.whole is None and evaluate(r).consistent:
            made[r.stated.index] = max(made.get(r.stated.index, 0), *(f.end for f in r.operands))
    sums += [*_unmarked_breakdowns(tx, related, made), *_same_verb_columns(tx)]
    sums += [*_same_denominator_parts(tx, listed)]
    sums += [*_level_sums(tx)]
    sums += [*_changes_of_breakdowns(tx, sums), *_shares_of_breakdowns(tx, sums)]
    sums += [*_catch_all_lists(tx), *_pair_breakdowns(tx)]
    sums = _twins_of_exact(tx, sums)
    # a failing list whose first count is the sum of the rest is that count told with its parts
    sums = [r for r in sums if not (_whole_first(_in_order(r.operands)) and not evaluate(r).consistent)]
    sums = [r for r in sums if not overlapping_facets(tx, r)]
    sums = [r for r in sums if not any(_restates(tx, f) for f in r.operands)]
    sums = _without_mixed_pairs(sums)
    return [
        dataclasses.replace(r, confidence=min(r.confidence, settings.QA_CONF_ARITHMETIC), closed=False)
        if r.check == "sum" and r.confidence >= settings.QA_ALARM and _short_by_its_shares(tx, r)
        else r
        for r in sums
    ]
