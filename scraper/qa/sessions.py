"""A council's session, as its report counts it: members present and absent, and a confidence vote
(lấy phiếu tín nhiệm) whose ballots of high, plain and low confidence add up, person by person, to the
valid ballots or the members who voted."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from decimal import Decimal

import regex

from .. import settings
from ..models import Figure
from .text import Text
from .verdicts import Relation
from .vocab import VOTE_KINDS, VOTERS

__all__ = ["session_relations"]


def session_relations(tx: Text) -> list[Relation]:
    """Attendance and confidence-vote relations of the text."""
    return [*_absentees(tx), *_vote_tallies(tx)]


# Those not there, of all who could be: "70/74 đại biểu có mặt (vắng 4 có lý do)"; those still
# wanting: "bầu được 372/375 đại biểu, thiếu 3 đại biểu"
_ABSENT = regex.compile(
    r"(?<![\p{L}])(?:vắng(?:\s+mặt)?|(?:còn\s+)?thiếu|còn\s+lại"
    r"|không\s+(?:tham\s+(?:gia|dự)|có\s+mặt|dự(?:\s+họp)?|đi\s+bầu))\s*:?\s*$",
    regex.I,
)


def _absentees(tx: Text) -> Iterable[Relation]:
    """"70/74 đại biểu tham gia phiên họp (vắng 4 có lý do)": those present, a fraction of all,
    and the absent, right after it in its sentence, make its denominator; so do those done and the
    rest ("bầu được 372/375 đại biểu, thiếu 3", "… 45/50 đơn, còn lại 5 đơn")."""
    for frac in tx.figures:
        if frac.kind != "ratio" or not frac.denominator or frac.change:
            continue
        s = tx.sentence(frac.start)
        nxt = next((f for f in tx.in_sentences(s, s + 1, frac.start) if f.start > frac.start), None)
        # "(vắng 4 có lý do)": the noun is the fraction's
        if nxt is None or nxt.kind not in ("count", "number") or nxt.change:
            continue
        if not _ABSENT.search(tx.t, frac.end, nxt.start):
            continue
        if nxt.kind == "count" and not tx.compatible(nxt, frac):
            continue
        rule = "tử số của phân số + số vắng, thiếu hay còn lại ngay sau = mẫu số"
        yield Relation("sum", frac, (frac, nxt), rule, settings.QA_CONF_IDENTITY, whole=frac.denominator)


_VOTE_KINDS = {
    k: regex.compile(rf"(?<![\p{{L}}])(?:{p})(?![\p{{L}}])", regex.I) for k, p in VOTE_KINDS.items()
}
_VOTE_AFTER = regex.compile(r"\s*phiếu\s+", regex.I)
_VOTERS = regex.compile(rf"(?:{VOTERS})[^.;\d]{{0,40}}$", regex.I)
_NONE_OF = regex.compile(
    r"không\s+có\s+(?:\p{L}+\s+){0,2}phiếu\s+(?P<k>tín\s+nhiệm(?:\s+(?:cao|thấp))?)", regex.I
)


def _vote_kind(tx: Text, f: Figure) -> str | None:
    """"86 phiếu tín nhiệm cao" → "high"; "Số phiếu tín nhiệm: 4 phiếu" → "plain": which
    ballots a count counts, read after it, else in its clause before it."""
    if f.kind not in ("count", "number") or f.change or (f.unit or "phiếu").lower() != "phiếu":
        return None
    after = tx.after(f, 40)
    m = _VOTE_AFTER.match(after)
    if m is not None:
        kind = next((k for k, p in _VOTE_KINDS.items() if p.match(after, m.end())), None)
        if kind is not None:
            return kind
    clause = regex.split(r"[.;\n(]", tx.before(f, 60))[-1]
    return next((k for k, p in _VOTE_KINDS.items() if p.search(clause)), None)


def _vote_tallies(tx: Text) -> Iterable[Relation]:
    """A confidence vote (lấy phiếu tín nhiệm): one person's ballots of high, plain and low
    confidence, counted side by side ("được 86 phiếu tín nhiệm cao, 4 phiếu tín nhiệm",
    "không có phiếu tín nhiệm thấp"), add up to the valid ballots or the members who voted, said
    once for all ("Tổng số đại biểu dự bỏ phiếu tín nhiệm là 90 người") or before each
    tally ("Số phiếu hợp lệ: 53/53"). A tally with every kind accounted for may alarm; one missing a
    kind only confirms an exact sum."""
    voters = [f for f in tx.figures if not f.change and _VOTERS.search(tx.before(f, 80))]
    if not voters:
        return
    tally: list[tuple[str, Figure]] = []
    for f in tx.figures:
        if f.kind == "percent" and tally:
            continue  # "(chiếm 84,48% tổng số đại biểu)": a share said with a count
        kind = _vote_kind(tx, f)
        if kind is not None and kind not in {k for k, _ in tally}:
            if not tally or _same_tally(tx, tally[-1][1], f):
                tally.append((kind, f))
                continue
        yield from _tally_relation(tx, tally, voters)
        tally = [(kind, f)] if kind is not None else []
    yield from _tally_relation(tx, tally, voters)


def _same_tally(tx: Text, last: Figure, f: Figure) -> bool:
    """In one sentence ("86 phiếu tín nhiệm cao, 4 phiếu tín nhiệm"), or a line each, one
    after the other ("Số phiếu tín nhiệm cao: 49 phiếu ¶ Số phiếu tín nhiệm: 4 phiếu")."""
    if tx.sentence(f.start) == tx.sentence(last.start):
        return True
    pf, pl = tx.paragraph(f.start), tx.paragraph(last.start)
    firsts = all(tx.span(tx.para[p], g.start, g.start) == [] for p, g in ((pf, f), (pl, last)))
    return pf - pl == 1 and firsts


def _tally_relation(tx: Text, tally: list[tuple[str, Figure]], voters: list[Figure]) -> Iterable[Relation]:
    if len(tally) < 2:
        return
    votes = [f for _, f in tally]
    # "… cũng không có phiếu tín nhiệm thấp. Ông Chiến được 87 phiếu tín nhiệm cao,
    # …": said the sentence before, in the paragraph
    s = tx.sentence(votes[0].start)
    lo = max(tx._bound(tx.sent, s - 1), tx.para[tx.paragraph(votes[0].start)])
    hi = tx._bound(tx.sent, tx.sentence(votes[-1].start) + 1)
    said_none = {
        "high" if "cao" in m.group("k") else "low" if "thấp" in m.group("k") else "plain"
        for m in _NONE_OF.finditer(tx.t, lo, hi)
    }
    complete = {k for k, _ in tally} | said_none >= set(VOTE_KINDS)
    # the last said before the tally, else the one said after all of them
    k = bisect.bisect_left(voters, votes[0].start, key=lambda w: w.start)
    whole = voters[k - 1] if k else voters[-1]
    if any(whole is f for f in votes):
        return
    if not complete and sum((f.value for f in votes), Decimal(0)) != whole.value:
        return
    conf = settings.QA_CONF_IDENTITY if complete else settings.QA_CONF_UNMARKED
    rule = "phiếu tín nhiệm cao + tín nhiệm + tín nhiệm thấp = số phiếu hợp lệ"
    yield Relation("sum", whole, tuple(votes), rule, conf)
