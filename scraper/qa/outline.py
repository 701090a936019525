"""Numbered outlines that reached the text one cell per line, as budget disclosures print them:

    I                                   ← an item's number (Roman for a group, Arabic for its members)
    Tổng thu ngân sách nhà nước …       ← its label (and maybe its English line)
    7,599,800                           ← its value, the first number under the label
    1
    Thu nội địa …
    3,359,800
    (an unnumbered item under "1" is a member of "1")

A group's value is the sum of its members' values: "I" of its "1", "2", "3"; "1" of the unnumbered items
under it. The numbering says so as plainly as "gồm" does, so a group whose members do not add up is an
alarm; a member left blank adds nothing. Sub-items that only single out some ("Trong đó: …") are not
members.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from .. import settings
from ..models import Figure
from .verdicts import Relation
from .vocab import OF_WHICH

__all__ = ["change_column_relations", "outline_relations"]

_LETTERS = regex.compile(r"\p{L}")
_SINGLES_OUT = regex.compile(rf"^\W*(?:{OF_WHICH}|riêng)", regex.I)
OUTLINE_RULE = "mục đánh số (I, 1, 2 …) là tổng các mục con của nó"


@dataclass
class Item:
    rank: int  # 0 a Roman group, 1 an Arabic member, 2 an unnumbered member
    label: str = ""
    value: Figure | None = None
    members: list[Item] = field(default_factory=list)


_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _rank(line: str, expected: list[int]) -> int | None:
    """0 for a line that is only the next Roman number, 1 for one that is only the next Arabic number
    (`expected`: the next of each; "0" or a number out of turn is a value, not an item's number)."""
    s = line.strip().rstrip(".")
    if expected[0] < len(_ROMANS) and s == _ROMANS[expected[0]]:
        return 0
    return 1 if s == str(expected[1] + 1) else None


def _items(text: str, figures: Sequence[Figure]) -> list[Item]:
    """The outline's items in order: a number line followed by a label opens one, label lines name it,
    the first line under its label that holds only a figure is its value; a label line after a value
    opens an unnumbered item."""
    lines = text.split("\n")
    by_line = _figures_by_line(lines, figures)
    named = [k for k, line in enumerate(lines) if _LETTERS.search(line)]
    is_named = set(named)
    items: list[Item] = []
    pending: int | None = None
    expected = [0, 0]  # the Roman numbers seen, the Arabic ones seen in the current group
    for k, line in enumerate(lines):
        rank = _rank(line, expected)
        if rank is not None and _label_next(lines, named, k):
            pending = rank
            expected = [expected[0] + 1, 0] if rank == 0 else [expected[0], expected[1] + 1]
        elif k in is_named:
            if pending is not None or not items or items[-1].value is not None:
                items.append(Item(2 if pending is None else pending, line.strip()))
                pending = None
            else:
                items[-1].label += " " + line.strip()
        elif (found := by_line.get(k)) is not None and items:
            if items[-1].value is not None:
                return []  # two values under one label: a table of columns, not an outline
            items[-1].value = found
    return items if sum(it.rank < 2 for it in items) >= 2 else []  # numbered, or no outline


def _label_next(lines: list[str], named: list[int], k: int) -> bool:
    """The next line with any text after line k is a label (letters), not another number."""
    j = bisect.bisect_right(named, k)
    return j < len(named) and not any(lines[i].strip() for i in range(k + 1, named[j]))


def _figures_by_line(lines: list[str], figures: Sequence[Figure]) -> dict[int, Figure]:
    """{line number: the figure that is all the line holds}."""
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out: dict[int, Figure] = {}
    for f in figures:
        k = bisect.bisect_right(starts, f.start) - 1
        if lines[k].strip() == f.raw and f.kind != "percent":
            out[k] = f
    return out


def _groups(items: list[Item]) -> Iterable[Item]:
    """Each item with the members under it: Roman over Arabic, Arabic over unnumbered."""
    stack: list[Item] = []
    for it in items:
        while stack and stack[-1].rank >= it.rank:
            stack.pop()
        if stack and not _SINGLES_OUT.match(it.label):
            stack[-1].members.append(it)
        stack.append(it)
    return (it for it in items if len(it.members) >= 2)


def outline_relations(text: str, figures: Sequence[Figure]) -> list[Relation]:
    """The sum of each numbered group's members, when the text holds such an outline."""
    if text.count("\n") < settings.QA_OUTLINE_MIN_LINES:
        return []
    out = []
    for group in _groups(_items(text, figures)):
        parts = tuple(m.value for m in group.members if m.value is not None)
        if group.value is not None and len(parts) >= 2:
            out.append(Relation("sum", group.value, parts, OUTLINE_RULE, settings.QA_CONF_MARKER))
    return out


CHANGE_COLUMNS_RULE = (
    "bảng (một ô mỗi dòng): kỳ sau = kỳ trước + tăng giảm, "
    "tỷ lệ = tăng giảm / kỳ trước"
)


def _value_rows(text: str, figures: Sequence[Figure]) -> list[list[Figure]]:
    """The runs of lines that each hold only a figure, one run a row (under its label line; a unit
    line such as "%" or "hộ" is passed over)."""
    lines = text.split("\n")
    by_line = _figures_by_line(lines, figures)
    rows: list[list[Figure]] = []
    run: list[Figure] = []
    for k, line in enumerate(lines):
        if k in by_line:
            run.append(by_line[k])
        elif _LETTERS.search(line) and len(line.split()) > settings.QA_UNIT_LINE_WORDS:
            if run:
                rows.append(run)
            run = []
    if run:
        rows.append(run)
    return rows


def change_column_relations(text: str, figures: Sequence[Figure]) -> list[Relation]:
    """"2001 | 2006 | tăng giảm: số lượng | tỷ lệ (%)" one cell a line: a row's third value is the
    second less the first, its fourth the third over the first. Trusted once two rows keep the first
    identity; then a row that breaks either is an alarm."""
    if text.count("\n") < settings.QA_OUTLINE_MIN_LINES:
        return []
    rows = [r for r in _value_rows(text, figures) if len(r) in (3, 4)]
    if sum(r[1].value - r[0].value == r[2].value for r in rows) < 2:
        return []
    out = []
    for r in rows:
        if r[0].value <= 0:
            continue
        out.append(Relation("sum", r[1], (r[0], r[2]), CHANGE_COLUMNS_RULE, settings.QA_CONF_MARKER))
        if len(r) == 4:
            # the later year over the earlier (so the sum that holds over the same cells says nothing
            # of it); a fall is printed with its sign
            fall = r[2].value < 0 or r[3].value < 0
            direction = "giảm" if fall else "tăng"
            rate = r[3].model_copy(update={"kind": "percent", "unit": "%", "change": direction})
            conf = settings.QA_CONF_MARKER
            out.append(Relation("change", rate, (r[1], r[0]), CHANGE_COLUMNS_RULE, conf, whole=r[0].value,
                                over="growth"))
    return out
