"""How well `scraper qa check --text` finds the real errors in real reports.

Reads the hand-checked sums and ratios of `../shared/dev/checks.jsonl` (or `--shared DIR`), splits them by
source page as `../shared/dev/README.md` suggests (sha1(source_url) % 10 in {6, 7, 8} is held back), runs
the library's text check on every excerpt and counts, for the tuning part and the held-back part apart:

- right verdicts: records for which a check over the right numbers (the record's operands and stated
  value, matched by value with any scale word) exists and every such check has the record's verdict;
- alarms: inconsistent checks raised on the excerpts (each distinct excerpt once);
- false alarms: alarms that are not over the numbers of a record the annotators found inconsistent;
- missed errors: inconsistent records with no alarm over their numbers.

More hand-checked files in the same format (collected from other provinces' reports, kept outside the
project's git like all real text) are scored with `--checks FILE`, in halves by source page
(sha1(source_url) % 2 == 1 is the held half) or whole with `--whole`.

    python benchmarks/eval_checks.py [--shared DIR] [--show] [--split held|tuning|all] [--checks FILE]
                                     [--whole]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper.models import Check  # noqa: E402
from scraper.qa import check_text  # noqa: E402

SCALES = [Decimal(10) ** k for k in (0, 3, 6, 9, 12)]
SUM_KINDS = {"sum", "shares", "difference", "table-sum", "identity"}
RATIO_KINDS = {"ratio", "change", "table-ratio", "per_unit"}


def held_back(source_url: str) -> bool:
    return int(hashlib.sha1(source_url.encode()).hexdigest(), 16) % 10 in {6, 7, 8}


def fresh_held(source_url: str) -> bool:
    """The held-back half of a file given with --checks (whole source pages, by a hash of the address)."""
    return int(hashlib.sha1(source_url.encode()).hexdigest(), 16) % 2 == 1


def _same(a: Decimal, b: Decimal) -> bool:
    """A printed number and a figure's value: equal up to a scale word and a sign ("(-4,2%)")."""
    a, b = abs(a), abs(b)
    return any(a * s == b for s in SCALES) or any(b * s == a for s in SCALES)


def _denominator(raw: str) -> Decimal | None:
    from scraper.numbers import parse_number

    tail = raw.split("/", 1)[1].strip().split(" ")[0]
    try:
        return parse_number(tail)
    except ValueError:
        return None


def _check_values(c: Check, implied: bool = False) -> list[Decimal]:
    out: list[Decimal] = []
    for ref, role in zip(c.figures, c.roles or [""] * len(c.figures)):
        if role == "current" and implied:  # a change over last period's value, derived from this period's
            continue
        if role == "change" and implied and "numerator" in (c.roles or []):
            continue  # this period's value over last period's, which is derived with the change
        if role.endswith("-denominator"):  # a sum of fractions' denominators ("179 + 206 + … = 590")
            out.append(Decimal(str(ref["denominator"])))
            continue
        out.append(Decimal(str(ref["value"])))
        den = ref.get("denominator")
        if den in (None, "") and "/" in ref.get("raw", ""):
            den = _denominator(ref["raw"])  # checks from before refs carried the denominator
        # a sum over "276/586 trường" adds the 276; a fraction taken as a rate's whole is its numerator
        if den not in (None, "") and c.check in RATIO_KINDS and role != "whole":
            out.append(Decimal(str(den)))
    if c.check in SUM_KINDS and c.stated is not None and not any(_same(v, c.stated) for v in out):
        out.append(c.stated)  # the whole of "238/316 …, còn lại 35" is the fraction's denominator
    return out


def covers(c: Check, rec: dict[str, Any]) -> bool:
    """The check is over the record's numbers: each printed operand and the stated value is one of the
    check's figures, and the check uses no figure the record does not name."""
    kinds = SUM_KINDS if rec["check"] == "sum" else RATIO_KINDS
    if c.check not in kinds:
        return False
    implied = set(rec.get("implied") or [])
    numbers = {k: Decimal(v) for k, v in rec["numbers"].items()}
    needed = [numbers[k] for k in [*rec["operands"], rec["stated"]] if k not in implied]
    pool = _check_values(c, implied=bool(implied))
    if rec["stated"] in implied and (c.stated is None or not _same(c.stated, numbers[rec["stated"]])):
        return False
    for n in needed:
        hit = next((i for i, v in enumerate(pool) if _same(v, n)), None)
        if hit is None:
            return False
        pool.pop(hit)
    return all(any(_same(v, n) for n in numbers.values()) for v in pool)


@dataclass
class Tally:
    records: int = 0
    errors: int = 0
    right: int = 0
    alarms: int = 0
    false_alarms: int = 0
    missed: int = 0
    lines: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        real = self.alarms - self.false_alarms
        pct = lambda a, b: f"{100 * a / b:5.1f}%" if b else "   — "  # noqa: E731
        return (
            f"{name:<22} {self.right:>3}/{self.records:<3} right ({pct(self.right, self.records)})  "
            f"alarms {self.alarms:>3}, false {self.false_alarms:>3} (real {pct(real, self.alarms)})  "
            f"missed {self.missed}/{self.errors} real errors"
        )


def evaluate(records: list[dict[str, Any]], show: bool = False) -> Tally:
    tally = Tally()
    by_text: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_text[r["text"]].append(r)
    by_url: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_url[r["source_url"]].append(r)
    for text, recs in by_text.items():
        checks = check_text(text)
        for r in recs:
            tally.records += 1
            tally.errors += not r["consistent"]
            mine = [c for c in checks if covers(c, r)]
            right = bool(mine) and all(c.consistent == r["consistent"] for c in mine)
            tally.right += right
            caught = any(not c.consistent for c in mine)
            if not r["consistent"] and not caught:
                tally.missed += 1
            if show and not right:
                why = "no check over its numbers" if not mine else "wrong verdict"
                tally.lines.append(
                    f"  {r['id']} {r['check']:<5} {'ok ' if r['consistent'] else 'ERR'} MISS  {why}"
                )
        errors = [r for r in by_url[recs[0]["source_url"]] if not r["consistent"]]
        for c in checks:
            if c.consistent:
                continue
            tally.alarms += 1
            real = any(covers(c, r) for r in errors)
            tally.false_alarms += not real
            if show and not real:
                tally.lines.append(f"  {recs[0]['id']} FALSE ALARM {c.check}: {c.message}")
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared/ folder beside the checkout"
    )
    ap.add_argument(
        "--show", action="store_true", help="list every record without a right verdict and every false alarm"
    )
    ap.add_argument("--split", choices=("held", "tuning", "all"), default="all")
    ap.add_argument(
        "--checks",
        type=Path,
        action="append",
        default=[],
        help="another file of hand-checked sums and ratios in the same format, scored apart as a whole "
        "(material nobody tuned on); may be given more than once",
    )
    ap.add_argument("--whole", action="store_true", help="score each --checks file whole, not in halves")
    args = ap.parse_args(argv)
    path = args.shared / "dev" / "checks.jsonl"
    if not path.exists():
        print(f"no checks at {path} (use --shared DIR)", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts = {
        "tuning (tuned on)": [r for r in records if not held_back(r["source_url"])],
        "held back": [r for r in records if held_back(r["source_url"])],
    }
    if args.split != "all":
        parts = {k: v for k, v in parts.items() if k.startswith(args.split)}
    for extra in args.checks:
        if not extra.exists():
            print(f"no checks at {extra}", file=sys.stderr)
            return 2
        lines = extra.read_text(encoding="utf-8").splitlines()
        recs = [json.loads(line) for line in lines if line.strip()]
        label = f"{extra.parent.name}/{extra.name}"  # (sets are often all named checks.jsonl)
        if args.whole:
            parts[f"{label} (all)"] = recs
            continue
        # halves by source page: tune on the first, report the second
        if args.split != "held":
            parts[f"{label} tuning half"] = [r for r in recs if not fresh_held(r["source_url"])]
        if args.split != "tuning":
            parts[f"{label} held half"] = [r for r in recs if fresh_held(r["source_url"])]
    for name, recs in parts.items():
        tally = evaluate(recs, show=args.show)
        print(tally.row(name))
        for line in tally.lines:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
