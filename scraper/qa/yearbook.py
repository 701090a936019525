"""Statistical-yearbook tables that reached the text one cell per line: a title, the years as column
headers, then each row as its label (Vietnamese, then English) followed by one value per year, "-" for
none.  The same rows often come again below as an index section ("Năm trước = 100") or a share section.

    Số lớp học (Lớp)        ← a row label
    7.355 / 7.162 / …       ← its values, one per year column
    Tiểu học - Primary
    3.879 / 3.892 / …

What the grid says is trusted only where the arithmetic confirms it in the other columns: a row is the sum
of a set of the rows under it when that holds in all but at most one column; an index row is this year's
value over last year's when that holds in another column of the row.  The one column that breaks a
confirmed structure is then an alarm; nothing else ever is.
"""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from .. import settings
from ..models import Figure
from .tables import TOTAL_LABEL, rate_row_relations
from .verdicts import Relation, close, evaluate, unit_of
from .vocab import OF_WHICH, UNIT_LINES

__all__ = ["ColumnTable", "read_column_tables", "yearbook_relations"]

# a cell: "1.138.370", "25,05", and tables exported as printed ("21922.60", "2,129,000", "100.0")
_NUMBER_CELL = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}"
_TOKEN = regex.compile(rf"(?<!\S)(?:{_NUMBER_CELL}|[-–]|\.\.)(?!\S)")
_YEAR = regex.compile(r"(?:19[5-9]\d|20[0-4]\d)")
_LETTER = regex.compile(r"\p{L}")
_CELL = rf"(?:{_NUMBER_CELL}|[-–]|\.\.)"
_TRAILING = regex.compile(rf"(?<=\s){_CELL}(?:[ \t\u00a0]+{_CELL})*\s*$")
_LABEL_HEAD = regex.compile(r"^[\s\d.]*(?:[-–+•]\s+)?(?P<vi>[^(\n]*?)\s*(?:[-–(\n]|$)")
ZERO = "zero"  # a "-" cell: nothing, which adds as 0 but is no figure
BLANK = " "  # a cell whose line holds only a space: left empty, read as "-"


@dataclass
class Row:
    label: str
    cells: list[Figure | str | None]  # a figure, ZERO for "-", None for a number that is not a figure
    rank: str = ""  # "I." rows are "roman", "1." rows "arabic": groups and their members
    headed: bool = False  # under a heading that names a breakdown ("Chia theo mục đích chuyến đi")


@dataclass
class ColumnTable:
    columns: int
    years: list[int]  # empty when the excerpt lost its header: then no year is known to follow another
    sections: list[list[Row]] = field(default_factory=list)  # values, then index/share repeats


_NUMBERING = regex.compile(
    r"^\s*(?:(?:(?P<roman>[IVX]{1,5})|(?P<arabic>\d{1,3}))\s*[.)]|(?P<sub>\d{1,2}\.\d{1,2})\.?"
    r"|(?P<dash>[-–+•]))\s+\S"
)
# Ranks of numbered rows, outermost first: "I.", "1.", "1.1.", "- "
_RANKS = ("roman", "arabic", "sub", "dash")


def _vietnamese_line(label: str) -> str:
    lines = _without_unit_lines(label.split("\n"))
    return next((ln for ln in reversed(lines) if not ln.isascii()), lines[-1])


# A row label's unit column, on a line of its own: "1000 tấn", "1000 tấn/km", "Tỷ đồng", "%"
_UNITS = "|".join(map(regex.escape, UNIT_LINES))
# (or a ditto mark: the unit of the row above, '"', "-nt-")
_UNIT_LINE = regex.compile(rf"\s*(?:\d[\d.]*\s+\S+(?:\s+\S+)?|{_UNITS}|[\"“”]|-\s*nt\s*-)\s*", regex.I)


# "Nghìn ¶ Lượt khách": a scale word on its line, then the unit it scales
_SCALE_LINE = regex.compile(r"\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)\s*", regex.I)


def _without_unit_lines(lines: list[str]) -> list[str]:
    """A label's lines without the unit column printed after the row's name."""
    while len(lines) > 1 and _UNIT_LINE.fullmatch(lines[-1]):
        lines = lines[:-1]
    if len(lines) > 2 and _SCALE_LINE.fullmatch(lines[-2]):
        lines = lines[:-2]
    return lines


def _rank(label: str) -> str:
    m = _NUMBERING.match(_vietnamese_line(label))
    return next((r for r in _RANKS if m.group(r)), "") if m else ""


_PRELIMINARY_YEAR = regex.compile(
    r"(?:sơ\s+bộ|ước\s+tính|ước)\s*(?:-\s*)?(?:prel\.?\s*)?(?P<y>(?:19|20)\d\d)", regex.I
)


def _key(label: str) -> str:
    """A row's name: its last Vietnamese line ("Tiểu học -" of "Tiểu học -\nPrimary"), before any dash
    or parenthesis, without its numbering ("1. Thành phố …")."""
    last = _without_unit_lines(label.split("\n"))[-1].strip()
    if _YEAR.fullmatch(last):
        return last  # a row of one year ("Cơ cấu - Structure (%) ¶ 2020": the block's first row)
    if prelim := _PRELIMINARY_YEAR.fullmatch(last):
        return prelim.group("y")  # "Sơ bộ - Prel. 2019": the year's row, its figures preliminary
    m = _LABEL_HEAD.match(label := _vietnamese_line(label))
    text = (m.group("vi") if m else label).strip().lower()
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _groups(text: str) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(label, numeric tokens) groups: label lines, then the lines that hold only numbers or dashes.  A year
    alone on its line before a value is a row's label (years as rows: "2018 ¶ 1.138.370 ¶ 563.721 …")."""
    out: list[tuple[str, list[tuple[int, int, str]]]] = []
    label: list[str] = []
    values: list[tuple[int, int, str]] = []
    lines = list(_lines(text))
    # the next row number a table may print on a line of its own ("1 ¶ Hoàn thành xuất sắc …")
    number = 1
    for k, (start, line, toks, numeric) in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if numeric and len(toks) == 1 and toks[0][2] == str(number) and nxt is not None and not nxt[3]:
            number += 1  # the next row's number, not this row's last cell
            numeric = False
        elif numeric and not _year_label(toks, nxt):
            values += toks
            continue
        if values:
            out.append(("\n".join(label), values))
            label, values = [], []
        # "TỔNG SỐ - TOTAL 844.947 850.413 …": one line
        tail = [] if numeric else _trailing(line, start)
        label.append(line[: tail[0][0] - start].strip() if tail else line.strip())
        values += tail
    if values:
        out.append(("\n".join(label), values))
    return [(label, _without_trailing_blanks(values)) for label, values in out]


def _without_trailing_blanks(values: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A row's cells without the blank lines after its last value (a gap before the next section); a
    heading's blank cells ("Phân theo loại hình kinh tế ¶ ␠ ¶ ␠ …") leave it no cells at all."""
    while values and values[-1][2] == BLANK:
        values = values[:-1]
    return values


Line = tuple[int, str, list[tuple[int, int, str]], bool]


def _lines(text: str) -> Iterable[Line]:
    """The non-empty lines: (start, text, numeric tokens, whether the line holds only numbers or dashes)."""
    pos = 0
    raw = text.split("\n")
    for k, line in enumerate(raw):
        start, pos = pos, pos + len(line) + 1
        if line and not line.strip() and _between_empty_lines(raw, k):
            # "Đường biển ¶ 1000 tấn ¶ ␠ ¶ ␠ ¶ 4 ¶ 10": a cell left blank, its line kept
            # between the empty lines that separate cells
            yield start, line, [(start, start + len(line), BLANK)], True
            continue
        if not line.strip():
            continue
        toks = [(start + m.start(), start + m.end(), m.group(0)) for m in _TOKEN.finditer(line)]
        numeric = bool(
            toks and not _LETTER.search(line) and len("".join(t[2] for t in toks)) >= len(line.strip()) // 2
        )
        yield start, line, toks, numeric


def _between_empty_lines(raw: list[str], k: int) -> bool:
    return 0 < k < len(raw) - 1 and raw[k - 1] == "" and raw[k + 1] == ""


def _year_label(toks: list[tuple[int, int, str]], nxt: Line | None) -> bool:
    """A lone year followed by a line of values that is no year: the label of a row of that year."""
    if len(toks) != 1 or not _YEAR.fullmatch(toks[0][2]) or nxt is None or not nxt[3]:
        return False
    return not _YEAR.fullmatch(nxt[2][0][2])


def _trailing(line: str, start: int) -> list[tuple[int, int, str]]:
    """The numbers a label line ends with (space-separated, nothing after them), when there are enough of
    them to be a row's cells."""
    cut = max(0, len(line) - settings.QA_YEARBOOK_MAX_ROW_CHARS)  # a bounded look: linear in the line
    m = _TRAILING.search(line, cut)
    if not m:
        return []
    tail = [
        (start + t.start(), start + t.end(), t.group(0)) for t in _TOKEN.finditer(line, m.start(), m.end())
    ]
    return tail if len(tail) >= settings.QA_YEARBOOK_MIN_COLUMNS else []


def _years(groups: list[tuple[str, list[tuple[int, int, str]]]]) -> tuple[list[int], int]:
    """The year headers (the first group whose values are all years, or years at the end of label lines)."""
    for i, (label, cells) in enumerate(groups):
        values = [v for v in cells if v[2] != BLANK]  # the header's empty cell over the labels
        if len(values) >= settings.QA_YEARBOOK_MIN_COLUMNS and all(_YEAR.fullmatch(v[2]) for v in values):
            return [int(v[2]) for v in values], i + 1
    return [], 0


def _widths(groups: list[tuple[str, list[tuple[int, int, str]]]], years: list[int]) -> list[int]:
    """The row widths of the text's tables: the years' count, and any width enough label groups share."""
    filled = [len(_filled(v)) for label, v in groups if label]
    widths = [w for w in filled if w >= settings.QA_YEARBOOK_MIN_COLUMNS]
    found = [w for w in sorted(set(widths)) if widths.count(w) >= settings.QA_YEARBOOK_MIN_ROWS]
    return sorted(set(found) | ({len(years)} if years else set()))


def _without_empty_last(values: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A row's cells without a last column of zeros ("… 72384.80 0.00"): a column of an export left
    empty."""
    if len(values) > settings.QA_YEARBOOK_MIN_COLUMNS and _ZERO_CELL.fullmatch(values[-1][2]):
        return values[:-1]
    return values


_ZERO_CELL = regex.compile(r"0(?:[.,]0+)?")


def _cell(v: tuple[int, int, str], by_start: dict[int, Figure]) -> Figure | str | None:
    """A token's cell: ZERO for "-" or a blank, else the figure that starts there (None: no figure)."""
    return ZERO if v[2] in ("-", "–", "..", BLANK) else by_start.get(v[0])


def _filled(values: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return [v for v in values if v[2] != BLANK]


def _as_wide(values: list[tuple[int, int, str]], width: int) -> list[tuple[int, int, str]]:
    """A row's cells for a table `width` wide: its blank cells kept when they make it that wide ("Đường
    biển ¶ ␠ ¶ ␠ ¶ ␠ ¶ 4 ¶ 10 ¶ 7": no sea freight before 1990), dropped when only the printed
    values do (a stray blank line inside "TỔNG SỐ ¶ 100,00 ¶ ␠ ¶ 100,00 …"); else no row of it."""
    if len(values) == width:
        return values
    filled = _filled(values)
    return filled if len(filled) == width else []


def read_column_tables(text: str, figures: Sequence[Figure]) -> list[ColumnTable]:
    """The one-cell-per-line tables of a text, one per row width, with each cell's figure (matched by
    position).  Year headers are known only for the table as wide as they are."""
    groups = [(label, _without_empty_last(values)) for label, values in _groups(text)]
    years, first = _years(groups)
    by_start = {f.start: f for f in figures}
    tables = []
    for width in _widths(groups, years):
        rows = [
            Row(
                _key(label),
                [_cell(v, by_start) for v in values],
                _rank(label),
                _headed(label),
            )
            for label, cells in groups[first:]
            if label and (values := _as_wide(cells, width))
        ]
        table = ColumnTable(width, years if len(years) == width else [], _sections(rows))
        if table.sections and len(table.sections[0]) >= 2:
            tables.append(table)
    return tables


_HEADING = regex.compile(r"^\s*(?:chia|phân)\s+(?:theo|ra)\b", regex.I | regex.M)


def _headed(label: str) -> bool:
    """A heading line above the row's own name: "Chia theo phương tiện đến ¶ Đường không"."""
    head, _, _ = label.rpartition("\n")
    return bool(head) and _HEADING.search(head) is not None


def _sections(rows: list[Row]) -> list[list[Row]]:
    """The values, then the same rows again (an index or share section): cut where the first row's name
    comes back, or else in the middle when the second half's names repeat the first half's."""
    cut = next((i for i, r in enumerate(rows) if i and r.label == rows[0].label), None)
    half = len(rows) // 2
    if cut is None and len(rows) >= 4 and len(rows) % 2 == 0:
        same = sum(1 for a, b in zip(rows[:half], rows[half:]) if _same_row(a.label, b.label))
        cut = half if same * 2 >= half and rows[half].rank == rows[0].rank else None
    if cut is None:
        return [rows] if rows else []
    return [rows[:cut], rows[cut:]]


def _value(c: Figure | str | None) -> Decimal | None:
    return Decimal(0) if c == ZERO else c.value if isinstance(c, Figure) else None


def _column_sum(parent: Row, children: list[Row], col: int, rule: str) -> Relation | None:
    return _cells_sum(parent.cells[col], [r.cells[col] for r in children], rule)


def _cells_sum(total: Figure | str | None, parts: list[Figure | str | None], rule: str) -> Relation | None:
    if not isinstance(total, Figure) or any(_value(p) is None for p in parts):
        return None
    figs = tuple(p for p in parts if isinstance(p, Figure))
    if len(figs) < 2:
        return None
    if total.value >= 0 and any(f.value > total.value for f in figs):
        return None  # a part above its total: an index or a rate column ("102,3 | 104,4 | 44,6"), not a sum
    return Relation("sum", total, figs, rule, settings.QA_CONF_TABLE)


def _numbered_children(rows: list[Row], i: int) -> list[Row]:
    """"TỔNG SỐ; I. Khu vực đồng bằng; 1. …; 2. …; II. Khu vực miền núi; 8. …": a
    total's members are the "I." rows (or the "1." rows when there are none), a "I." row's are the "1." rows
    up to the next "I."."""
    rank = rows[i].rank
    if rank in ("arabic", "sub"):
        # "1. Tổng lượt khách; 1.1. Qua đêm; - Quốc tế; - Trong nước; 1.2. Trong ngày":
        # a "1." row's members are its "1.x." rows, a "1.1." row's its "- " rows
        inner = _RANKS[_RANKS.index(rank) + 1 :]
        below = list(itertools.takewhile(lambda r: r.rank in inner or not r.rank, rows[i + 1 :]))
        level = next((k for k in inner if any(r.rank == k for r in below)), None)
        return [r for r in below if r.rank == level] if level else []
    below = []
    for r in rows[i + 1 :]:
        if rank == "roman" and r.rank == "roman":
            break
        below.append(r)
    if not rank and any(r.rank == "roman" for r in below):
        return [r for r in below if r.rank == "roman"]
    return [r for r in below if r.rank == "arabic"]


_OF_WHICH = regex.compile(rf"(?:{OF_WHICH})(?![\p{{L}}])", regex.I)


def _children_sets(rows: list[Row], i: int) -> Iterable[list[Row]]:
    """The numbered members of row i, then rows under it at a regular step (each with as many sub-rows)."""
    numbered = _numbered_children(rows, i)
    if len(numbered) >= 2:
        yield numbered
    first = i + 1
    while first < len(rows) and _OF_WHICH.match(rows[first].label):
        first += 1  # "Trđó: Bằng cơ giới": a subset of the total printed under it, not a member
    rank = rows[i].rank
    for step in range(1, settings.QA_YEARBOOK_MAX_STEP + 1):
        for n in range(settings.QA_YEARBOOK_MAX_PARTS, 1, -1):
            idx = [first + step * j for j in range(n)]
            if idx[-1] < len(rows) and (idx[-1] + step >= len(rows) or step == 1):
                if rank and any(rows[j].rank == rank for j in idx):
                    continue  # "2. Huyện A" is no sum of "3. Huyện B" and "4. …": siblings
                yield [rows[j] for j in idx]


def _structure(rels: list[Relation], min_held: int, also_held: int = 0) -> list[Relation]:
    """The relations of a structure the table confirms: enough of them hold (`also_held` more columns agree
    with nothing to add: "3.417 | 3.417 | -"), and one that comes close without holding is a misprint;
    those far off, or several close, are columns of another kind (an index, a share, a wider total):
    dropped."""
    verdicts = [evaluate(r) for r in rels]
    held = [r for r, v in zip(rels, verdicts) if v.consistent]
    near = [r for r, v in zip(rels, verdicts) if not v.consistent and close(v.computed, r.stated.value)]
    far = len(rels) - len(held) - len(near)
    slips = all(_slip(r) for r in near)  # off by a unit or two of the last digit: rounding, column by column
    if len(near) > 1 and not slips:  # several columns a little off: the total holds more than these rows (a
        far, near = far + len(near), []  # tax added from one year on): they confirm nothing, alarm nothing
    # slips say the rows belong too: beside a column that holds, or in every column of large amounts
    # ("385.373 + … = 628.694" against 628.695 and "… = 6.118.970" against 6.118.969)
    large = len(near) >= 2 and not far and all(r.stated.value >= settings.QA_YEARBOOK_SLIP_MIN for r in near)
    support = len(held) + also_held + (len(near) if (held or large) and slips else 0)
    if support < min_held or far > support:
        return []
    return held + near


def _slip(r: Relation) -> bool:
    """Off by a unit or two of the last digit of the finest figure printed (95,8 + 5,2 is 1 off 100: ten)."""
    gap = abs(sum((f.value for f in r.operands), Decimal(0)) - r.stated.value)
    return gap <= min(unit_of(f) for f in (r.stated, *r.operands)) * settings.QA_LAST_DIGITS_OFF


def _equal_but_for_dashes(parent: Row, children: list[Row], col: int) -> bool:
    """In this column one child carries the parent's whole value and the others are "-"."""
    top, cells = parent.cells[col], [r.cells[col] for r in children]
    figs = [c for c in cells if isinstance(c, Figure)]
    return (
        isinstance(top, Figure)
        and len(figs) == 1
        and all(c == ZERO for c in cells if not isinstance(c, Figure))
        and figs[0].value == top.value
    )



def _sub_rows(rows: list[Row], k: int, ncols: int, cache: dict[int, int]) -> int:
    """How many rows right under row k add up to it (0: none do)."""
    if k not in cache:
        top = min(settings.QA_YEARBOOK_MAX_PARTS, len(rows) - k - 1)
        sizes = range(top, 1, -1)
        cache[k] = next((n for n in sizes if _breakdown(rows[k], rows[k + 1 : k + 1 + n], ncols)), 0)
    return cache[k]


def _top_level(rows: list[Row], i: int, ncols: int, cache: dict[int, int]) -> list[Row]:
    """"TỔNG SỐ; Nhà nước; Ngoài nhà nước; Tập thể; Tư nhân; Cá thể; FDI; Thuế": the
    rows under row i with the sub-rows of each subtotal passed over (empty when no row under it has
    sub-rows)."""
    out, k, nested = [], i + 1, False
    while k < len(rows) and len(out) < settings.QA_YEARBOOK_MAX_PARTS:
        if not any(isinstance(c, Figure) for c in rows[k].cells):  # "Phân theo loại hình kinh tế"
            if out:
                break  # the next breakdown of the total begins
            k += 1
            continue
        out.append(rows[k])
        n = _sub_rows(rows, k, ncols, cache)
        nested |= n > 0
        k += 1 + n
    return out if nested and len(out) >= 2 else []


def _sum_relations(rows: list[Row], ncols: int) -> Iterable[Relation]:
    cache: dict[int, int] = {}
    for i, parent in enumerate(rows):
        if i + 1 < len(rows) and rows[i + 1].headed and not parent.headed:
            if headed := list(_broken_down_again(rows, parent, i + 1, ncols)):
                yield from headed  # "Tổng số ¶ Chia theo …": the breakdowns the headings name
                continue
        sets = _children_sets(rows, i)
        if i == 0 and (top := _top_level(rows, i, ncols, cache)):
            sets = itertools.chain([top], sets)
        for children in sets:
            kept = _breakdown(parent, children, ncols)
            if kept:
                yield from kept
                if children == rows[i + 1 : i + 1 + len(children)]:  # the rows right under it
                    yield from _broken_down_again(rows, parent, i + 1 + len(children), ncols)
                break


def _breakdown(parent: Row, children: list[Row], ncols: int) -> list[Relation]:
    rule = f"niên giám: dòng '{parent.label}' là tổng của {len(children)} dòng dưới"
    rels = [r for c in range(ncols) if (r := _column_sum(parent, children, c, rule)) is not None]
    trivial = sum(_equal_but_for_dashes(parent, children, c) for c in range(ncols))
    return _structure(rels, min_held=2, also_held=trivial)


def _totals_below(rows: list[Row], ncols: int) -> Iterable[Relation]:
    """"Huyện Châu Thành …; …; TP Long Xuyên …; Tổng cộng: 192 | 8.257 | …": a total
    row printed after its rows is their sum (the rows since the table's start or the last total),
    as far as the other columns confirm it."""
    start = 0
    for i, row in enumerate(rows):
        if not TOTAL_LABEL.match(row.label):
            continue
        children = rows[start:i]
        start = i + 1
        if len(children) >= 2:
            yield from _breakdown(row, children, ncols)


def _broken_down_again(rows: list[Row], parent: Row, start: int, ncols: int) -> Iterable[Relation]:
    """"Số giáo viên; Nam; Nữ; Công lập; Ngoài công lập; Trung ương; Địa phương": a total
    broken down by sex, then by ownership, then by level: each run of rows right after the last that adds up
    to it."""
    facet = 0
    while start < len(rows):
        if rows[start].headed and (end := _heading_end(rows, start)) and (
            kept := _headed_breakdown(parent, rows[start:end], ncols)
        ):
            facet += 1
            yield from (dataclasses.replace(r, facet=facet) for r in kept)
            start = end
            continue
        for n in range(min(settings.QA_YEARBOOK_MAX_PARTS, len(rows) - start), 1, -1):
            if kept := _breakdown(parent, rows[start : start + n], ncols):
                facet += 1  # each breakdown is judged on its own: one adding up says nothing of another
                yield from (dataclasses.replace(r, facet=facet) for r in kept)
                start += n
                break
        else:
            return


def _heading_end(rows: list[Row], start: int) -> int:
    """Where the rows under the heading at `start` end: at the next heading or the table's end."""
    end = start + 1
    while end < len(rows) and not rows[end].headed and end - start < settings.QA_YEARBOOK_MAX_PARTS:
        end += 1
    return end


def _headed_breakdown(parent: Row, run: list[Row], ncols: int) -> list[Relation]:
    """The rows under a heading that names a breakdown, up to the next heading: all of the total by the
    heading's words, so one column that holds confirms it and the columns a little off are misprints
    ("Chia theo mục đích chuyến đi": 2.479.942 against 2.479.939)."""
    rule = f"niên giám: dòng '{parent.label}' là tổng của {len(run)} dòng dưới 'chia theo'"
    rels = [r for c in range(ncols) if (r := _column_sum(parent, run, c, rule)) is not None]
    verdicts = [evaluate(r) for r in rels]
    if len(run) < 2 or not any(v.consistent for v in verdicts):
        return []
    if any(not v.consistent and not close(v.computed, v.relation.stated.value) for v in verdicts):
        return []  # a column far off: the rows are not all of the total, or the heading is another table's
    return rels


def _column_relations(rows: list[Row], ncols: int) -> Iterable[Relation]:
    """"Tổng số | Nhà nước | Ngoài nhà nước | FDI" in each row: a column that the next columns
    add up to in the rows (in all but at most one of them); the columns after that group may break it down
    again ("Tổng số | Nam | Nữ | Thành thị | Nông thôn")."""
    for j in range(ncols - 2):
        start = j + 1
        while start < ncols - 1:
            kept, n = _next_group(rows, j, start, ncols)
            if not kept:
                break
            yield from kept
            start += n


def _next_group(rows: list[Row], j: int, start: int, ncols: int) -> tuple[list[Relation], int]:
    """The widest group of columns from `start` on that adds up to column j in the rows, and its width."""
    for n in range(ncols - start, 1, -1):
        cols = range(start, start + n)
        rule = f"niên giám: cột {j + 1} là tổng của {n} cột từ cột {start + 1}"
        sums = (_cells_sum(row.cells[j], [row.cells[c] for c in cols], rule) for row in rows)
        rels = [r for r in sums if r is not None]
        kept = _structure(rels, min_held=settings.QA_YEARBOOK_MIN_ROWS - 1)
        if kept:
            return kept, n
    return [], 0


def _running_totals(rows: list[Row], ncols: int) -> Iterable[Relation]:
    """"Thực hiện 8 tháng | Ước tính tháng 9 | Cộng dồn 9 tháng": a column that is the sum of
    the two before it in the rows (the months so far and this month's estimate), as far as the rows confirm
    it."""
    for k in range(2, ncols):
        rule = f"niên giám: cột {k + 1} là cột {k - 1} cộng cột {k} (lũy kế)"
        sums = (_cells_sum(row.cells[k], [row.cells[k - 2], row.cells[k - 1]], rule) for row in rows)
        yield from _structure([r for r in sums if r is not None], min_held=settings.QA_YEARBOOK_MIN_ROWS - 1)


def _index_columns(rows: list[Row], ncols: int) -> Iterable[Relation]:
    """"TỔNG SỐ | 12.342.460,42 | 14.031.175,56 | 113,68": a column that is one column over an earlier
    one, × 100, in the rows (confirmed by at least one other row)."""
    for k in range(2, ncols):
        for b in range(k - 1, 0, -1):
            for a in range(b - 1, -1, -1):
                rule = f"niên giám: cột {k + 1} là cột {b + 1} trên cột {a + 1} (%)"
                rels = [
                    Relation(
                        "ratio", row.cells[k], (row.cells[b], row.cells[a]), rule, 0, whole=row.cells[a].value
                    )
                    for row in rows
                    if all(isinstance(row.cells[c], Figure) for c in (a, b, k)) and row.cells[a].value
                ]
                held = [r for r in rels if evaluate(r).consistent]
                # rows repeating the same cells ("Tiểu học 209 159 132 83", its "Công lập" row) confirm
                # once
                distinct = {tuple(f.value for f in (r.stated, *r.operands)) for r in held}
                if len(distinct) >= 2 and len(held) * 2 > len(rels):
                    yield from (dataclasses.replace(r, confidence=settings.QA_CONF_TABLE) for r in rels)


def _same_row(a: str, b: str) -> bool:
    """ "Số trường học" in the values is "Trường học" in the index below it."""
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _index_relations(values: list[Row], index: list[Row], years: list[int]) -> Iterable[Relation]:
    """ "Năm trước = 100": an index row is its value row this year over last year, × 100."""
    for v, x in zip(values, index):
        if not _same_row(v.label, x.label) or _YEAR.fullmatch(v.label):
            continue  # rows of years: the columns are no years (see _index_rows)
        rels = []
        for c in range(1, len(v.cells)):
            cur, prev, idx = v.cells[c], v.cells[c - 1], x.cells[c]
            if years and years[c] - years[c - 1] != 1:
                continue
            if not all(isinstance(f, Figure) for f in (cur, prev, idx)):
                continue
            if not prev.value:  # type: ignore[union-attr]
                continue
            rule = f"niên giám: chỉ số '{v.label}' (năm trước = 100)"
            ratio = Relation("ratio", idx, (cur, prev), rule, 0, whole=prev.value)  # type: ignore[arg-type]
            rels.append(ratio)
        verdicts = [evaluate(r) for r in rels]
        for j, r in enumerate(rels):
            others = sum(1 for k, w in enumerate(verdicts) if k != j and w.consistent)
            sure = others >= 1 and years  # without the years, a gap between two columns is possible
            conf = settings.QA_CONF_TABLE if sure else settings.QA_CONF_TABLE_GUESS
            yield Relation(r.check, r.stated, r.operands, r.rule, conf, r.whole)


def _share_rows(rows: list[Row]) -> Iterable[Relation]:
    """ "Cơ cấu (%)": a row with cells of 100 repeats a row above it as shares, each 100 the total of the
    cells after it up to the next ("2018 | 100,00 | 49,52 | 50,48 | 25,05 | 74,95", the same years side by
    side on one line); kept when most of them hold."""
    for i, x in enumerate(rows):
        starts = [k for k, c in enumerate(x.cells) if isinstance(c, Figure) and c.value == 100]
        if not starts:
            continue
        above = rows[max(0, i - settings.QA_YEARBOOK_SHARE_ROWS) : i]
        same = [v for v in above if v.label == x.label]  # the same year's row in the values block
        for v in same + [v for v in reversed(above) if v.label != x.label]:
            rels = list(_shares_of_row(v, x, starts))
            kept = _structure(rels, min_held=settings.QA_YEARBOOK_MIN_ROWS)
            if kept:
                yield from kept
                break


def _share_columns(rows: list[Row], ncols: int) -> Iterable[Relation]:
    """"Số lượng | Tỷ trọng" side by side: a column whose cell is 100 in a total row holds each row's
    share of the total beside it, down to the next total row; kept when most of the rows hold."""
    for j in range(ncols - 1):
        wholes = [i for i, r in enumerate(rows) if _value(r.cells[j + 1]) == 100 and _value(r.cells[j])]
        for k, (i, end) in enumerate(zip(wholes, [*wholes[1:], len(rows)])):
            if not isinstance(total := rows[i].cells[j], Figure) or not total.value:
                continue
            below = rows[i + 1 : end]
            if not below and i == len(rows) - 1:  # "… ¶ Tổng cộng | 136 | 100": the total row last
                below = rows[wholes[k - 1] + 1 if k else 0 : i]
            rule = (
                f"niên giám: cột tỷ trọng (%) là số lượng bên trái trên tổng "
                f"'{rows[i].label}'"
            )
            rels = [
                Relation("ratio", share, (part, total), rule, settings.QA_CONF_TABLE, total.value)
                for r in below
                if isinstance(part := r.cells[j], Figure) and isinstance(share := r.cells[j + 1], Figure)
            ]
            yield from _structure(rels, min_held=2)  # two shares that hold leave no other reading


def _shares_of_row(v: Row, x: Row, starts: list[int]) -> Iterable[Relation]:
    for k, end in zip(starts, [*starts[1:], len(x.cells)]):
        total = v.cells[k] if k < len(v.cells) else None
        if not isinstance(total, Figure) or not total.value:
            continue
        for part, share in zip(v.cells[k + 1 : end], x.cells[k + 1 : end]):
            if isinstance(part, Figure) and isinstance(share, Figure):
                rule = (
                    f"niên giám: dòng '{x.label}' là tỷ lệ của dòng '{v.label}' trên cột "
                    f"tổng (%)"
                )
                yield Relation("ratio", share, (part, total), rule, settings.QA_CONF_TABLE, total.value)


def _is_share_section(rows: list[Row]) -> bool:
    """ "Cơ cấu - Structure (%)": the rows again, their total row 100 in every column."""
    return bool(rows) and bool(rows[0].cells) and all(_value(c) == 100 for c in rows[0].cells)


def _share_section(values: list[Row], shares: list[Row]) -> Iterable[Relation]:
    """A share section below the values: each of its rows is the same row of the values over their total
    row, × 100, column by column; kept when most columns hold (rows matched by name, in order)."""
    total = next((v for v in values if _same_row(v.label, shares[0].label)), None)
    if total is None:
        return
    k = 0
    for x in shares[1:]:
        j = next((j for j in range(k, len(values)) if _same_row(values[j].label, x.label)), None)
        if j is None:
            continue
        k = j + 1
        rule = (
            f"niên giám: dòng '{x.label}' (cơ cấu %) là dòng '{values[j].label}' "
            f"trên dòng '{total.label}'"
        )
        rels = [
            Relation("ratio", share, (part, whole), rule, settings.QA_CONF_TABLE, whole.value)
            for part, share, whole in zip(values[j].cells, x.cells, total.cells)
            if isinstance(part, Figure) and isinstance(share, Figure)
            and isinstance(whole, Figure) and whole.value
        ]
        yield from _structure(rels, min_held=2)


def _index_rows(values: list[Row], index: list[Row]) -> Iterable[Relation]:
    """Years as rows: an index row ("Năm trước = 100") is its year's values over the year before's, ×
    100, column by column; kept when most of them hold (a structure block after it does not)."""
    by_year = {int(v.label): v for v in values if _YEAR.fullmatch(v.label)}
    for x in index:
        cur, prev = (by_year.get(int(x.label) - k) if _YEAR.fullmatch(x.label) else None for k in (0, 1))
        if cur is None or prev is None:
            continue
        rels = []
        for idx, c, p in zip(x.cells, cur.cells, prev.cells):
            if isinstance(idx, Figure) and isinstance(c, Figure) and isinstance(p, Figure) and p.value:
                rule = f"niên giám: chỉ số năm {x.label} (năm trước = 100)"
                rels.append(Relation("ratio", idx, (c, p), rule, settings.QA_CONF_TABLE, whole=p.value))
        yield from _structure(rels, min_held=settings.QA_YEARBOOK_MIN_ROWS - 1)


_RATE_LABEL = regex.compile(r"(?:^|\s)(?:t[ỷỉ]\s+lệ|%)", regex.I)


def _rate_rows(rows: list[Row]) -> Iterable[Relation]:
    """"Trường tiểu học | 196 | 17 | …", "Trường đạt chuẩn | 109 | 11 | …", "Tỉ lệ % |
    55.61 | 64.71 | …": a row of rates that is one row above it over another
    (`tables.rate_row_relations`)."""
    full = [(i, [c for c in r.cells if isinstance(c, Figure)]) for i, r in enumerate(rows)]
    wide = settings.QA_FLAT_ROW_MIN_CELLS
    full = [(i, cells) for i, cells in full if len(cells) == len(rows[i].cells) >= wide]
    for k, (i, rates) in enumerate(full):
        if _RATE_LABEL.search(rows[i].label):
            above = [cells for _, cells in full[max(0, k - settings.QA_RATE_ROW_REACH) : k]]
            rule = f"niên giám: dòng '{rows[i].label}' = dòng trên / dòng trên"
            yield from rate_row_relations(rates, above, rule)


def _pipe_tables(text: str, figures: Sequence[Figure]) -> Iterable[tuple[list[Row], int]]:
    """The " | "-joined tables of a text (figures that know their table, row and column) as rows of cells in
    column order: "Tiểu học | 230 065 | …; Công lập | 229 610 | …; Ngoài công lập | 455 |
    …"."""
    tables: dict[int, list[Figure]] = {}
    for f in figures:
        if f.table is not None and f.row and f.column and f.page is None:
            tables.setdefault(f.table, []).append(f)
    for fs in tables.values():
        cols = list(dict.fromkeys(f.column for f in fs))
        rows: dict[int, tuple[str, list[Figure | str | None]]] = {}  # by line: a label may come back
        for f in fs:
            _, cells = rows.setdefault(text.rfind("\n", 0, f.start), (f.row or "", [None] * len(cols)))
            cells[cols.index(f.column)] = f
        yield [Row(_key(label), cells) for label, cells in rows.values()], len(cols)


def _held_twice(rels: Iterable[Relation]) -> list[Relation]:
    """The breakdowns of a " | "-joined table that hold in two columns or more, rounding slips not counted:
    its rows are often a flat list of units ("Huyện A | Huyện B | Huyện C"), where one row adding up to
    the next two in one column is chance."""
    groups: dict[tuple[str, str, tuple[str, ...]], list[Relation]] = {}
    for r in rels:
        groups.setdefault((r.rule, r.stated.row or "", tuple(f.row or "" for f in r.operands)), []).append(r)
    return [r for rs in groups.values() if sum(evaluate(r).consistent for r in rs) >= 2 for r in rs]


ROW_TOTAL_RULE = (
    "bảng (một ô mỗi dòng): ô cuối của dòng là tổng các ô trước "
    "(chỉ để xác nhận)"
)


def _row_totals(text: str, figures: Sequence[Figure]) -> Iterable[Relation]:
    """"Mức 1 ¶ … ¶ Mức 5 ¶ Tổng số tiêu chí ¶ 5. SỐ LƯỢNG TIÊU CHÍ ĐẠT: ¶
    1 ¶ 26 ¶ 43 ¶ 12 ¶ 0 ¶ 82": a row of a table too small to be read as one, whose
    last cell is exactly the sum of the others — a total column. Only exact sums of
    enough cells, and only as a confirmation."""
    by_start = {f.start: f for f in figures}
    for _, values in _groups(text):
        cells = [_cell(v, by_start) for v in values]
        if len(cells) < settings.QA_ROW_TOTAL_MIN_CELLS or not isinstance(cells[-1], Figure):
            continue
        rel = _cells_sum(cells[-1], cells[:-1], ROW_TOTAL_RULE)
        big = rel is not None and rel.stated.value >= settings.QA_UNMARKED_MIN_WHOLE
        if rel is not None and big and evaluate(rel).consistent:
            yield dataclasses.replace(rel, confidence=settings.QA_CONF_ARITHMETIC)


def yearbook_relations(text: str, figures: Sequence[Figure]) -> list[Relation]:
    """Sums of rows and year-on-year indexes in the one-cell-per-line tables of a text, and sums of rows in
    its " | "-joined ones."""
    out: list[Relation] = []
    for rows, ncols in _pipe_tables(text, figures):
        if len(rows) >= settings.QA_YEARBOOK_MIN_ROWS:
            out += _held_twice(_sum_relations(rows, ncols))
            values, *later = _sections(rows)
            for section in later:  # the same rows again as an index ("Năm trước = 100")
                out += _index_relations(values, section, [])
    out += _row_totals(text, figures)
    for table in read_column_tables(text, figures):
        values = table.sections[0]
        out += _sum_relations(values, table.columns)
        out += _totals_below(values, table.columns)
        out += _column_relations(values, table.columns)
        out += _running_totals(values, table.columns)
        out += _index_columns(values, table.columns)
        out += _share_rows([row for section in table.sections for row in section])
        out += _share_columns(values, table.columns)
        out += _rate_rows(values)
        for later in table.sections[1:]:
            out += _index_relations(values, later, table.years)
            out += _index_rows(values, later)
            if _is_share_section(later):
                out += _sum_relations(later, table.columns)
                out += _share_section(values, later)
    return out
