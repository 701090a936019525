"""Checks inside a report's tables: rows against a "Tổng/Cộng" row, columns against a total column, and a
"count | %" row's share against the cell that reproduces it.

A table says less than prose about how its cells relate, so a table's structure is trusted only where the
table confirms it: the same columns add up in other rows, the same share reproduces in other rows.  A cell
that breaks a confirmed structure is an alarm; an unconfirmed guess only ever confirms (the arithmetic
vetoes, it never chooses).  Input is figures that know their `table`, `row` and `column` (see
`scraper.extract.document`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

import regex

from .. import settings
from ..models import Figure
from .verdicts import Relation, close, evaluate, unit_of
from .vocab import OF_WHICH

__all__ = ["flat_row_relations", "rate_row_relations", "read_text_tables", "table_relations"]

# Row or column labels that name a total, and labels of sub-rows ("- Trong đó: …", "+ nữ") that are not
# parts.
TOTAL_LABEL = regex.compile(
    r"^\W*(?:tổng\s+cộng|tổng\s+số|tổng|cộng|toàn\s+(?:tỉnh|huyện|thành\s+phố|quốc"
    r"|ngành)|cả\s+nước)"
    r"(?![\p{L}])",
    regex.I,
)
SUB_LABEL = regex.compile(rf"^\s*(?:[-+*•–]|{OF_WHICH}|riêng|gồm)", regex.I)
_PERCENT_HEADER = regex.compile(r"%|tỷ\s+lệ|tỉ\s+lệ|tỷ\s+trọng|cơ\s+cấu", regex.I)
_AMOUNTS = ("count", "money", "quantity", "number")


def _grid(figures: Sequence[Figure]) -> tuple[list[str], list[str], dict[tuple[str, str], Figure]]:
    rows: list[str] = []
    cols: list[str] = []
    cells: dict[tuple[str, str], Figure] = {}
    for f in figures:
        r, c = (f.row or "").strip(), (f.column or "").strip()
        if not r or not c or (r, c) in cells:
            continue
        cells[(r, c)] = f
        rows += [r] if r not in rows else []
        cols += [c] if c not in cols else []
    return rows, cols, cells


def _amount(f: Figure | None) -> bool:
    return f is not None and f.kind in _AMOUNTS and not f.change


def _confirmed(candidates: list[Relation], min_others: int) -> list[Relation]:
    """Relations of one table structure: each is trusted when at least `min_others` of the others hold,
    and no more of them fail than hold (one row of eleven that a column happens to reproduce is chance,
    not the table's structure)."""
    verdicts = [evaluate(r) for r in candidates]
    held = sum(1 for v in verdicts if v.consistent)
    out = []
    for i, r in enumerate(candidates):
        others = held - verdicts[i].consistent
        sure = others >= min_others and len(candidates) - held <= held
        conf = settings.QA_CONF_TABLE if sure else settings.QA_CONF_TABLE_GUESS
        out.append(Relation(r.check, r.stated, r.operands, r.rule, conf, r.whole))
    return out


def _total_rows(rows: list[str], cols: list[str], cells: dict[tuple[str, str], Figure]) -> Iterable[Relation]:
    totals = [r for r in rows if TOTAL_LABEL.match(r)]
    body = [r for r in rows if r not in totals and not SUB_LABEL.match(r)]
    for tr in totals:
        found = []
        for c in cols:
            total = cells.get((tr, c))
            parts = [cells[(r, c)] for r in body if _amount(cells.get((r, c)))]
            if _amount(total) and len(parts) >= 2:
                rule = f"bảng: dòng '{tr}' là tổng các dòng (cột '{c}')"
                found.append(Relation("sum", total, tuple(parts), rule, 0))
        yield from _confirmed(found, settings.QA_TABLE_CONFIRM)


def _total_columns(
    rows: list[str], cols: list[str], cells: dict[tuple[str, str], Figure]
) -> Iterable[Relation]:
    totals = [c for c in cols if TOTAL_LABEL.match(c)]
    for tc in totals:
        part_cols = [
            c for c in cols if c not in totals and not SUB_LABEL.match(c) and not _PERCENT_HEADER.search(c)
        ]
        found = []
        for r in rows:
            total = cells.get((r, tc))
            parts = [cells[(r, c)] for c in part_cols if _amount(cells.get((r, c)))]
            if _amount(total) and len(parts) >= 2 and len(parts) == len(part_cols):
                rule = f"bảng: cột '{tc}' là tổng các cột (dòng '{r}')"
                found.append(Relation("sum", total, tuple(parts), rule, 0))
        yield from _confirmed(found, settings.QA_TABLE_CONFIRM)
        if (rates := _rate_beside(cols, [tc, *part_cols])) is not None:
            # "Tỷ lệ (%) | Tổng số hộ | Tỷ lệ hộ nghèo (%) | Hộ nghèo | Tỷ lệ
            # hộ cận nghèo (%) | Hộ cận nghèo": each count's rate beside it, of one base, so the
            # rates add up as the counts do
            found = []
            for r in rows:
                total, *parts = (cells.get((r, c)) for c in rates)
                if total is not None and len(parts) >= 2 and all(p is not None for p in parts):
                    rule = f"bảng: cột '{rates[0]}' là tổng các cột tỷ lệ bên cạnh "
                    rule += f"(dòng '{r}')"
                    found.append(Relation("sum", total, tuple(p for p in parts if p is not None), rule, 0))
            yield from _confirmed(found, settings.QA_TABLE_CONFIRM)


def _rate_beside(cols: list[str], amount_cols: list[str]) -> list[str] | None:
    """The percent column right before each of the amount columns, when every one of them has one."""
    out = []
    for c in amount_cols:
        k = cols.index(c)
        if k == 0 or not _PERCENT_HEADER.search(cols[k - 1]):
            return None
        out.append(cols[k - 1])
    return out


def _row_shares(rows: list[str], cols: list[str], cells: dict[tuple[str, str], Figure]) -> Iterable[Relation]:
    """ "Đúng hạn | 1.150 | 95,8%": a share in a row against a count of the row (or of the total row)."""
    by_pair: dict[tuple[str, str, str], list[Relation]] = defaultdict(list)
    for r in rows:
        for pc in cols:
            p = cells.get((r, pc))
            if p is None or p.kind != "percent" or p.change:
                continue
            nums = [c for c in cols if c != pc and _amount(cells.get((r, c)))]
            for nc in nums:
                num = cells[(r, nc)]
                wholes = [(c, cells[(r, c)]) for c in cols if c != nc and _amount(cells.get((r, c)))]
                # the same column of another row: "Tiếp nhận | 1.200" above "Đúng hạn | 1.150 | 95,8%"
                wholes += [
                    (f"{t}|dòng {t}", cells[(t, nc)]) for t in rows if t != r and _amount(cells.get((t, nc)))
                ]
                for wc, w in wholes:
                    if w.value >= num.value and w.value > 0:
                        rel = Relation(
                            "ratio",
                            p,
                            (num, w),
                            f"bảng: cột '{pc}' là '{nc}' trên '{wc.split('|')[0]}'",
                            0,
                            whole=w.value,
                        )
                        by_pair[(pc, nc, wc.split("|")[-1] if "|" in wc else wc)].append(rel)
    for rels in by_pair.values():
        yield from _confirmed(rels, settings.QA_TABLE_CONFIRM_SHARES)


_CELL_SEP = " | "
_DIGIT = regex.compile(r"\d")


def read_text_tables(text: str, figures: Sequence[Figure]) -> list[Figure]:
    """Tables that reached the text as lines of " | "-joined cells (how article bodies render them, and how
    reports are pasted): the figures on such lines learn their table, row label and column header.  A
    figure under a "(%)"/"Tỷ lệ" header is a share even when the cell holds a bare number."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    blocks: list[list[tuple[int, int]]] = []
    for a, b in lines:
        if text.count(_CELL_SEP, a, b) >= 1:
            if blocks and blocks[-1][-1][1] + 1 == a:
                blocks[-1].append((a, b))
            else:
                blocks.append([(a, b)])
    figures = _joined_groups(text, [a for block in blocks if len(block) >= 2 for a in block], figures)
    starts = [f.start for f in figures]
    out = list(figures)
    next_table = 1 + max((f.table for f in figures if f.table is not None), default=-1)
    for block in (b for b in blocks if len(b) >= 2):
        table = next_table
        next_table += 1
        header, rows = _header(text, block)
        for a, b in rows:
            cells = text[a:b].split(_CELL_SEP)
            if _numbering(cells):
                continue  # "A | B | 1 | 2 | 3": the columns' numbers, no row of figures
            label = cells[0].strip()
            lo = bisect_left(starts, a)
            for i in range(lo, len(figures)):
                f = figures[i]
                if f.start >= b:
                    break
                if f.table is not None:
                    continue
                col = text.count(_CELL_SEP, a, f.start)
                if col == 0:
                    continue  # the row label itself ("Quý 2")
                # (a blank header cell names its column by its place: columns stay apart)
                column = (header[col].strip() if header and col < len(header) else "") or str(col + 1)
                update: dict = {"table": table, "row": label, "column": column}
                if f.kind == "number" and _PERCENT_HEADER.search(column) and 0 <= f.value <= 100:
                    update.update(kind="percent", unit="%")
                out[i] = f.model_copy(update=update)
    return out


def _header(text: str, block: list[tuple[int, int]]) -> tuple[list[str] | None, list[tuple[int, int]]]:
    """The header's cells and the lines after it. A header line holds no digit past its first cell;
    a header wrapped over lines ("TT | Huyện | Tỷ lệ (%) |" ¶ "Tổng số hộ | Hộ nghèo | … |")
    goes on while the lines hold none and no row of figures came yet."""
    header: list[str] = []
    k = 0
    while k < len(block) - 1:
        cells = [c.strip(" |") for c in text[block[k][0] : block[k][1]].split(_CELL_SEP)]
        if any(_DIGIT.search(c) for c in cells[1 if not header else 0 :]):
            break
        while header and cells and not cells[-1]:
            cells.pop()  # ("… | |": the line's trailing separators)
        header += cells
        k += 1
    return (header or None), block[k:]


_COLUMN_LETTER = regex.compile(r"\(?[A-Z]\)?")


def _numbering(cells: list[str]) -> bool:
    """A row that numbers the columns under the header: letters for the label columns, then 1, 2, 3 …"""
    kept = [k for c in cells if (k := c.strip(" |()"))]
    letters = 0
    while kept and _COLUMN_LETTER.fullmatch(kept[0]):
        kept, letters = kept[1:], letters + 1
    return len(kept) >= (2 if letters else 3) and kept == [str(k) for k in range(1, len(kept) + 1)]


_SPACED_NUMBER = regex.compile(r"\d{1,3}(?: \d{3})+")


def _joined_groups(text: str, lines: list[tuple[int, int]], figures: Sequence[Figure]) -> list[Figure]:
    """ "| 230 065 |": a cell of thousands grouped with spaces is one number, which the extractor, reading
    prose, took for two. The figures of such a cell become one, its raw the cell's exact characters."""
    joined: dict[int, Figure] = {}
    gone: set[int] = set()
    starts = [f.start for f in figures]
    for a, b in lines:
        pos = a
        for cell in text[a:b].split(_CELL_SEP):
            # (the row's last cell may keep the closing bar: "… | 1 400 |")
            m = _SPACED_NUMBER.fullmatch(cell.strip().removesuffix("|").rstrip())
            lo = pos + len(cell) - len(cell.lstrip())
            pos += len(cell) + len(_CELL_SEP)
            if m is None:
                continue
            hi = lo + len(m.group())
            inside = [f for f in figures[bisect_left(starts, lo) :] if f.start < hi]
            if len(inside) < 2 or inside[-1].end != hi:
                continue
            raw = text[lo:hi]
            joined[inside[0].index] = inside[0].model_copy(
                update={"raw": raw, "start": lo, "end": hi, "value": Decimal(raw.replace(" ", ""))}
            )
            gone |= {f.index for f in inside[1:]}
    return [joined.get(f.index, f) for f in figures if f.index not in gone]


def table_relations(figures: Sequence[Figure]) -> list[Relation]:
    """Every relation the tables of one text suggest, scored by how far the table confirms its structure."""
    by_table: dict[int, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.table is not None:
            by_table[f.table].append(f)
    out: list[Relation] = []
    for fs in by_table.values():
        rows, cols, cells = _grid(fs)
        out += [
            *_total_rows(rows, cols, cells),
            *_total_columns(rows, cols, cells),
            *_row_shares(rows, cols, cells),
        ]
    return out


# --- yearbook rows flattened to text: "2015 1487640 726870 760770 471530 1016110" --------------------------

_ROW_GAP = regex.compile(r"[ \t\u00a0]+")


def _flat_rows(text: str, figures: Sequence[Figure]) -> Iterable[list[Figure]]:
    """Runs of bare numbers (no unit, no words between them) on one line: a table row that lost its
    separators when the page was flattened."""
    run: list[Figure] = []
    for f in sorted((f for f in figures if f.table is None), key=lambda f: f.start):
        bare = f.kind == "number" and not f.unit and not f.change and f.value >= 0
        if bare and run and _ROW_GAP.fullmatch(text, run[-1].end, f.start):
            run.append(f)
            continue
        if len(run) >= settings.QA_FLAT_ROW_MIN_CELLS:
            yield run
        run = [f] if bare else []
    if len(run) >= settings.QA_FLAT_ROW_MIN_CELLS:
        yield run


def _row_groups(cells: list[Figure]) -> Iterable[tuple[tuple[Figure, ...], str]]:
    """How a reader splits the cells after a row's total: consecutive columns that make it up ("Nam | Nữ",
    "Thành thị | Nông thôn"), or every column but one smaller than its left neighbour (a "trong đó"
    column of it, as "Công nghiệp và xây dựng | trong đó: Công nghiệp")."""
    for i in range(len(cells)):
        for j in range(i + 2, len(cells) + 1):
            yield tuple(cells[i:j]), "các cột liền nhau cộng lại bằng cột tổng"
    if len(cells) >= 4:
        for k in range(1, len(cells) - 1):  # the first and last columns are consecutive runs already
            if cells[k].value < cells[k - 1].value:
                yield tuple(cells[:k] + cells[k + 1 :]), f"các cột trừ cột 'trong đó' thứ {k + 2}"


def _rounding_slack(total: Figure, parts: Sequence[Figure]) -> Decimal:
    unit = max(unit_of(f) for f in (total, *parts))
    return min(unit * (len(parts) + 1) / 2, total.value * Decimal(str(settings.QA_FLAT_ROW_ROUNDING)))


def flat_row_relations(text: str, figures: Sequence[Figure]) -> list[Relation]:
    """A flattened yearbook row's first cell is its "Tổng số" column: a group of the cells after it that
    adds up to it is its breakdown, and a group short of it only by the rounding of a published table is a
    misprinted one. Groups further off are not the row's structure, so they are never an alarm."""
    out: list[Relation] = [*_rate_rows(text, figures)]
    for row in _flat_rows(text, figures):
        found = _row_total_relations(row[0], row[1:])
        out += found
        width = len(found[0].operands) + 1 if found else 0
        if found and found[0].operands == tuple(row[1:width]) and len(row) % width == 0:
            # "Năm học 2019-2020 | Năm học 2020-2021", each "Tổng số | Công lập | Ngoài công
            # lập": the same block of columns again for the next period
            for b in range(width, len(row), width):
                out += _row_total_relations(row[b], row[b + 1 : b + width])
    return out


def _line_rows(text: str, figures: Sequence[Figure]) -> list[list[Figure]]:
    """The cells of each line that holds a labelled row of at least `QA_FLAT_ROW_MIN_CELLS` figures of one
    kind and unit ("Tổng số hộ | hộ | 412204.00 421820.00 …"), in text order."""
    lines: dict[int, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.table is None and not f.change:
            lines[text.rfind("\n", 0, f.start)].append(f)
    return [
        row
        for _, row in sorted(lines.items())
        if len(row) >= settings.QA_FLAT_ROW_MIN_CELLS and len({(f.kind, f.unit) for f in row}) == 1
    ]


_RATE_ROW_RULE = "bảng (dòng liền): dòng tỷ lệ = dòng trên / dòng trên"


def _rate_rows(text: str, figures: Sequence[Figure]) -> Iterable[Relation]:
    """"Số hộ nghèo | hộ | …", "Tổng số hộ | hộ | …", "Tỷ lệ hộ nghèo | % | …" on
    lines of their own."""
    rows = _line_rows(text, figures)
    for k, rates in enumerate(rows):
        if rates[0].kind == "percent":
            above = [r for r in rows[max(0, k - settings.QA_RATE_ROW_REACH) : k] if r[0].kind in _AMOUNTS]
            yield from rate_row_relations(rates, above, _RATE_ROW_RULE)


def rate_row_relations(
    rates: Sequence[Figure], above: Sequence[Sequence[Figure]], rule: str
) -> list[Relation]:
    """A row of rates that is, in all but at most `QA_RATE_ROW_MISSES` columns, one of the rows `above` it
    over another, column by column (the pair that holds in most columns). The rule holding in the other
    columns, a column a little off is a misprint; one far off says nothing."""
    best: list[Relation] = []
    for num in above:
        for den in above:
            if num is den or len(num) != len(rates) or len(den) != len(rates):
                continue
            cells = zip(rates, num, den)
            rels = [Relation("ratio", p, (a, b), rule, 0.0) for p, a, b in cells if 0 < a.value <= b.value]
            if len(rels) == len(rates) and _held(rels) > _held(best):
                best = rels
    if _held(best) < max(3, len(best) - settings.QA_RATE_ROW_MISSES):
        return []
    return [
        Relation(r.check, r.stated, r.operands, r.rule, settings.QA_CONF_TABLE)
        for r in best
        if evaluate(r).consistent or close(r.operands[0].value / r.operands[1].value * 100, r.stated.value)
    ]


def _held(rels: Sequence[Relation]) -> int:
    return sum(evaluate(r).consistent for r in rels)


def _row_total_relations(total: Figure, cells: list[Figure]) -> list[Relation]:
    if not total.value or any(c.value > total.value for c in cells):
        return []
    out: list[Relation] = []
    seen: set[frozenset[int]] = set()
    for parts, how in _row_groups(cells):
        ids = frozenset(f.index for f in parts)
        off = abs(sum((f.value for f in parts), Decimal(0)) - total.value)
        if ids in seen or off > _rounding_slack(total, parts):
            continue
        seen.add(ids)
        out.append(Relation("sum", total, parts, f"bảng (dòng liền): {how}", settings.QA_CONF_TABLE))
    return out
