"""Floors on real material: the hand-annotated sentences in ../shared/dev/ and the number oracle.

The sentences stay in ../shared (skipped when it is not beside the checkout); the full report, by split
and kind, is `python benchmarks/eval_sentences.py --show`.  The floors sit a little under what the
extractor reaches today, so a change that loses figures a careful reader sees fails here.
"""

from __future__ import annotations

import sys
from collections import defaultdict

import pytest

from conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT / "benchmarks"))
import eval_sentences  # noqa: E402


def _tallies(reviewed: bool) -> dict[str, eval_sentences.Tally]:
    path = shared_path("dev", "sentences.jsonl")
    records = eval_sentences.shared_records(path.parent.parent, "sentences.jsonl")
    tallies: dict[str, eval_sentences.Tally] = defaultdict(eval_sentences.Tally)
    for rec in records:
        if "figures" in rec:
            split = "held" if eval_sentences.held_back(rec["source_url"]) else "tune"
            eval_sentences.score_record(rec, tallies[split], reviewed)
    return tallies


@pytest.mark.parametrize("split,floor", [("tune", 0.99), ("held", 0.97)])
def test_found_precision_and_recall_on_real_sentences(split: str, floor: float) -> None:
    t = _tallies(reviewed=True)[split]
    precision = sum(t.found_emit.values()) / sum(t.emitted.values())
    recall = sum(t.found_gold.values()) / sum(t.gold.values())
    assert precision >= floor and recall >= floor, (precision, recall, t.misses, t.false)


def test_review_only_touches_annotated_figures() -> None:
    path = shared_path("dev", "sentences.jsonl")
    records = {r["id"]: r for r in eval_sentences.shared_records(path.parent.parent, "sentences.jsonl")}
    for (sid, raw), (fix, reason) in eval_sentences.REVIEW.items():
        assert any(g["raw"] == raw for g in records[sid].get("figures", [])), (sid, raw)
        assert fix == "drop" or fix.startswith("kind:"), fix
        assert reason


def test_number_oracle_round_trip() -> None:
    """CLDR `vi` formatting (Babel), num2words spellings, scale words: parsed back exactly (≥ 99.9%)."""
    pytest.importorskip("babel")
    pytest.importorskip("num2words")
    import oracle_numbers

    total, ok, failures = oracle_numbers.run(2000, seed=7, show=5)
    assert sum(ok.values()) / sum(total.values()) >= 0.999, failures
