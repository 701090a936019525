"""Which figures of a report are parts of which whole, and which count a stated rate is computed on.

A reader of a Vietnamese report relates figures by words, not by position alone: "trong đó", "gồm", "cụ
thể", "Trong 40 đơn … có", "lũy kế", "cộng"; by the roles the figures play in an administrative
procedure report (received, carried over, due, on time, late, pending …); by the counted noun ("lượt ý
kiến" counts the same thing as "ý kiến", "HS" is "hồ sơ"); and across the sentences of a paragraph.
`sums.py` proposes every (part, whole) relation and `rates.py` every rate relation as a scored
`Relation`, both reading the text through `text.Text`; `relations` here puts them together with the
table rules. `decide` then lets the arithmetic veto rather than choose: a stated value is consistent
when some plausible relation reproduces it, and an alarm is raised only when none does and the best
relation is one a reader would vouch for.

Input is the text and its `Figure` records (the extractor's `part_of` / `computed_from` are one cue
among others); output is plain data, no printing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .. import settings
from ..models import Figure
from .rates import per_unit_relations, rate_relations
from .sums import sum_relations
from .text import Text, roles_of, unit_key
from .verdicts import (
    Relation,
    Verdict,
    agrees,
    decide,
    evaluate,
    unit_of,
)
from .vocab import (
    IDENTITIES,
    ROLES,
)

# the relations' judge lives in verdicts.py; its names stay importable from here
__all__ = ["IDENTITIES", "ROLES", "Relation", "Verdict", "agrees", "decide", "evaluate", "relations"]
__all__ += ["roles_of", "unit_key", "unit_of"]


def relations(text: str, figures: Sequence[Figure]) -> list[Relation]:
    """Every scored relation: prose rules over the figures outside tables, table rules over table cells."""
    from .outline import change_column_relations, outline_relations
    from .tables import flat_row_relations, read_text_tables, table_relations
    from .yearbook import yearbook_relations

    figures = read_text_tables(text, figures)
    tx = Text(text, [f for f in figures if f.table is None])
    sums = sum_relations(tx)
    tables = table_relations(figures) + flat_row_relations(text, figures) + yearbook_relations(text, figures)
    tables += outline_relations(text, figures) + change_column_relations(text, figures)
    rates = rate_relations(tx, sums)
    return _identities_a_rate_confirms(tx, sums, rates) + rates + per_unit_relations(tx) + tables


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
