"""Precision and recall of `extract_figures` on the hand-annotated real sentences in ../shared/dev/.

    python benchmarks/eval_sentences.py [--shared DIR] [--show] [--split held|tune|all] [--json]

The sentences are public material and stay in ../shared/ (never copied into the project).  They are
split by source page as ../shared/dev/README.md suggests: sha1(source_url) % 10 in {6, 7, 8} is held
back; the rest is what the extractor is tuned on.  Report the held-back numbers, and say which numbers
come from the tuned-on part.

Matching: an emitted figure and an annotated one match when their character spans overlap (one to
one, largest overlap first).  Annotated `raw` may include a counted noun ("87.035 em") that ours
reports in `unit` only, hence overlap rather than equal spans.

* found P/R   — span matches only: a figure was seen where a reader sees one;
* correct P/R — the match also has the same value and an equivalent kind (see KIND_EQUIVALENTS).
Unit and qualifier agreement are printed for the matched pairs.  Qualifiers are compared on hedges
only (the annotation records hedges; the extractor also reports "đạt", "còn" …).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from _common import HELD_BACK, SHARED, held_back, shared_records

from scraper import extract_figures
HEDGES = {"trên", "hơn", "gần", "khoảng", "xấp xỉ", "dưới", "ít nhất", "khoảng gần", "từ", "không dưới",
          "không quá", "chưa đến", "chưa tới", "tối thiểu", "tối đa", "ngót", "chừng", "gần như"}
# The project's kinds are a refinement of the annotation's: (ours, annotated) pairs that agree.
KIND_EQUIVALENTS = {
    ("multiple", "ratio"),  # "gấp 2,5 lần": annotated ratio
    ("score", "number"),  # "89,52 điểm": annotated as a bare number/rate
    ("quantity", "percent"),  # "0,5 điểm phần trăm": ours quantity with unit "điểm phần trăm"
}
# Annotations we disagree with, after review (kept in ../shared as they are; scored both ways).
# (id, raw) -> (correction, reason).  "drop": not a figure; "kind:K": the figure's kind is K.
REVIEW: dict[tuple[str, str], tuple[str, str]] = {
    ("s021", "16 năm"): ("drop", "elapsed time of a change ('sau 16 năm, tỷ lệ … giảm'), issue #12: not a measured amount"),
    ("s098", "2 năm"): ("drop", "elapsed time ('Sau 2 năm thực hiện Nghị quyết'), issue #12 names this pattern"),
    ("s238", "3 năm"): ("drop", "elapsed time ('trong 3 năm qua, từ 2006 - 2008')"),
    ("s325", "29 năm"): ("drop", "elapsed time ('Sau 29 năm hợp nhất')"),
    ("s228", "một lần"): ("drop", "'chi trả một lần' = paid as a lump sum: a manner, not a count"),
    **{("s306", raw): ("kind:number", "bare table cells with no unit in the sentence (README: kind number)")
       for raw in ("0,006", "0,013", "-0,001", "25,796", "-12,159")},
    **{("s305", raw): ("kind:number", "bare table cells with no unit in the sentence (README: kind number)")
       for raw in ("1487903", "732807", "755096", "599852", "888051")},
}
UNIT_CANON = {"m²": "m2", "m³": "m3", "km²": "km2", "vnđ": "đồng", "đ": "đồng"}


def _dec(v) -> Decimal | None:
    try:
        return Decimal(str(v))
    except (InvalidOperation, TypeError):
        return None


def _unit(u: str | None) -> str | None:
    if u is None:
        return None
    u = " ".join(u.lower().split()).replace(" / ", "/").replace(" /", "/").replace("/ ", "/")
    return "/".join(UNIT_CANON.get(p, p) for p in u.split("/"))


def our_value(f) -> Decimal:
    """The annotation writes a ratio "a/b" as a/b to 6 decimals; ours keeps a and b (value, denominator)."""
    if f.kind == "ratio" and f.denominator:
        return (f.value / f.denominator).quantize(Decimal("0.000001")).normalize()
    return f.value


def kind_agrees(ours: str, gold: str) -> bool:
    return ours == gold or (ours, gold) in KIND_EQUIVALENTS


@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)  # by annotated kind
    emitted: Counter = field(default_factory=Counter)  # by our kind
    found_gold: Counter = field(default_factory=Counter)
    found_emit: Counter = field(default_factory=Counter)
    correct_gold: Counter = field(default_factory=Counter)
    correct_emit: Counter = field(default_factory=Counter)
    agree: Counter = field(default_factory=Counter)  # unit / qualifier agreement on matched pairs
    matched: int = 0
    sentences: int = 0
    misses: list = field(default_factory=list)
    false: list = field(default_factory=list)
    wrong: list = field(default_factory=list)


def match(gold: list[dict], emitted: list) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, emitted index) by overlapping spans, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        gs, ge = g["start"], g["start"] + len(g["raw"])
        for ei, f in enumerate(emitted):
            ov = min(ge, f.end) - max(gs, f.start)
            if ov > 0:
                pairs.append((ov, gi, ei))
    used_g: set[int] = set()
    used_e: set[int] = set()
    out = []
    for _, gi, ei in sorted(pairs, key=lambda p: -p[0]):
        if gi not in used_g and ei not in used_e:
            used_g.add(gi)
            used_e.add(ei)
            out.append((gi, ei))
    return out


def reviewed(rec: dict) -> list[dict]:
    """The record's figures with REVIEW applied."""
    out = []
    for g in rec["figures"]:
        fix = REVIEW.get((rec["id"], g["raw"]))
        if fix and fix[0] == "drop":
            continue
        if fix and fix[0].startswith("kind:"):
            g = {**g, "kind": fix[0][5:], "unit": None}
        out.append(g)
    return out


def score_record(rec: dict, t: Tally, review: bool = False) -> None:
    text = rec["sentence"]
    gold = reviewed(rec) if review else rec["figures"]
    for g in gold:
        if text[g["start"] : g["start"] + len(g["raw"])] != g["raw"]:
            t.wrong.append((rec["id"], f"ANNOTATION offset: {g['raw']!r} not at {g['start']}"))
    emitted = extract_figures(text)
    t.sentences += 1
    pairs = match(gold, emitted)
    mg = {gi for gi, _ in pairs}
    me = {ei for _, ei in pairs}
    for g in gold:
        t.gold[g["kind"]] += 1
    for f in emitted:
        t.emitted[f.kind] += 1
    for gi, ei in pairs:
        g, f = gold[gi], emitted[ei]
        t.matched += 1
        t.found_gold[g["kind"]] += 1
        t.found_emit[f.kind] += 1
        ok = _dec(g["value"]) == our_value(f) and kind_agrees(f.kind, g["kind"])
        if ok:
            t.correct_gold[g["kind"]] += 1
            t.correct_emit[f.kind] += 1
        else:
            t.wrong.append((rec["id"], f"{g['raw']!r}: annotated {g['value']} {g['kind']}, "
                                       f"ours {f.raw!r} {our_value(f)} {f.kind}"))
        t.agree["unit"] += _unit(f.unit) == _unit(g["unit"])
        ours_q = f.qualifier if f.qualifier in HEDGES else None
        t.agree["qualifier"] += ours_q == g["qualifier"]
    for gi, g in enumerate(gold):
        if gi not in mg:
            t.misses.append((rec["id"], f"{g['raw']!r} ({g['kind']}) in …{_around(text, g['start'])}…"))
    for ei, f in enumerate(emitted):
        if ei not in me:
            t.false.append((rec["id"], f"{f.raw!r} ({f.kind}, {f.unit}) in …{_around(text, f.start)}…"))


def _around(text: str, pos: int, width: int = 40) -> str:
    return " ".join(text[max(0, pos - width) : pos + width].split())


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:6.2f}%" if den else "     —"


def report(name: str, t: Tally, show: bool) -> dict:
    g, e = sum(t.gold.values()), sum(t.emitted.values())
    fg, fe = sum(t.found_gold.values()), sum(t.found_emit.values())
    cg, ce = sum(t.correct_gold.values()), sum(t.correct_emit.values())
    print(f"\n== {name}: {t.sentences} annotated sentences, {g} annotated figures, {e} emitted")
    print(f"   found   : precision {_pct(fe, e)}  recall {_pct(fg, g)}   ({e - fe} false figures, {g - fg} misses)")
    print(f"   correct : precision {_pct(ce, e)}  recall {_pct(cg, g)}   (value and kind agree)")
    print(f"   on matched pairs: unit agrees {_pct(t.agree['unit'], t.matched)}, "
          f"qualifier (hedges) agrees {_pct(t.agree['qualifier'], t.matched)}")
    print(f"   {'kind':10} {'gold':>5} {'recall':>8} {'correct-R':>9} | {'emitted':>7} {'precision':>9} {'correct-P':>9}")
    for k in sorted(set(t.gold) | set(t.emitted)):
        print(f"   {k:10} {t.gold[k]:5} {_pct(t.found_gold[k], t.gold[k]):>8} {_pct(t.correct_gold[k], t.gold[k]):>9} |"
              f" {t.emitted[k]:7} {_pct(t.found_emit[k], t.emitted[k]):>9} {_pct(t.correct_emit[k], t.emitted[k]):>9}")
    if show:
        for title, items in (("misses", t.misses), ("false figures", t.false), ("wrong value/kind", t.wrong)):
            if items:
                print(f"   -- {title} ({len(items)})")
                for sid, msg in items:
                    print(f"      {sid}: {msg}")
    return {"sentences": t.sentences, "gold": g, "emitted": e, "found_precision": fe / e if e else None,
            "found_recall": fg / g if g else None, "correct_precision": ce / e if e else None,
            "correct_recall": cg / g if g else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared/ folder (default ../shared)")
    ap.add_argument("--split", choices=("held", "tune", "all"), default="all")
    ap.add_argument("--show", action="store_true", help="list misses, false figures and wrong readings")
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object at the end")
    ap.add_argument("--reviewed", action="store_true",
                    help="score against the annotations with our reviewed disagreements applied (see REVIEW)")
    args = ap.parse_args(argv)
    records = shared_records(args.shared, "sentences.jsonl")
    if records is None:
        print(f"eval_sentences: {args.shared / 'dev' / 'sentences.jsonl'} not found (pass --shared DIR)", file=sys.stderr)
        return 2
    annotated = [r for r in records if "figures" in r]
    tallies: dict[str, Tally] = defaultdict(Tally)
    for rec in annotated:
        score_record(rec, tallies["held-back" if held_back(rec["source_url"]) else "tuning (tuned on)"], args.reviewed)
    print(f"{len(records)} sentences, {len(annotated)} annotated; split by sha1(source_url) % 10 in {sorted(HELD_BACK)}"
          + (f"; {len(REVIEW)} reviewed annotations applied" if args.reviewed else "; annotations as published"))
    summary = {}
    for name in ("tuning (tuned on)", "held-back"):
        if args.split == "held" and name != "held-back" or args.split == "tune" and name == "held-back":
            continue
        summary[name] = report(name, tallies[name], args.show)
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
