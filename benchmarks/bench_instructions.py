"""Instructions per page of parse_article, counted by valgrind's callgrind (same pages as bench_parse.py).

A speed change too small for the clock of a machine shared with other work (its best batches wander by a
fifth from run to run) still shows in the count.

The pages are our fixtures and the real pages in ../shared.  Each of the page reader
(`with_figures=False`) and the reader with figures runs under callgrind twice: with no pass after the
warm-up one, then with `--passes` more; the difference is what those passes cost (imports, compiled
patterns and the warm-up drop out), printed per page.  Figures = with figures - reader.  An instruction
count compares code with code on one machine, not machines or wall time: C loops (regex scans, the HTML
parser) run more instructions a nanosecond than the interpreter, so confirm a gain with bench_parse.py.

    python benchmarks/bench_instructions.py [--passes N] [--jobs J] [--root CHECKOUT] [--shared DIR]

`--root` counts another checkout (say main, in a detached worktree) with this one's pages and venv.
Compare counts made with the same `--passes` (caches and the collector make each pass a little different).
Needs valgrind on PATH; a run takes a few minutes (`--jobs` callgrind runs at a time).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _common import ROOT, fixture_pages

_COLLECTED = re.compile(r"Collected : (\d+)")


def pages(shared: Path) -> list[bytes]:
    from bench_parse import real_pages

    return [data for _, data in fixture_pages()] + [data for _, data in real_pages(shared)]


def work(shared: Path, with_figures: bool, passes: int) -> None:
    """What runs under callgrind: one warm-up pass over the pages, then `passes` more."""
    from bench_parse import parses

    data = pages(shared)
    for _ in range(1 + passes):
        for page in data:
            parses(page, with_figures=with_figures)


def count(root: Path, shared: Path, with_figures: bool, passes: int) -> int:
    """Instructions callgrind collects for `work` in a fresh interpreter that imports `root`'s scraper."""
    cmd = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--work", "figures" if with_figures else "reader",
        "--passes", str(passes), "--root", str(root), "--shared", str(shared),
    ]
    # one string hashing for every run: sets and dicts then lay out (and are walked) alike
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"bench_instructions: callgrind run failed: {tail}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--passes", type=int, default=1, help="passes over the pages counted (default 1)")
    ap.add_argument("--jobs", type=int, default=2, help="callgrind runs at a time (default 2)")
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout whose scraper is counted")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--work", choices=("reader", "figures"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.work:  # inside callgrind
        sys.path.insert(0, str(args.root.resolve()))
        work(args.shared, args.work == "figures", args.passes)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_instructions: valgrind is not on PATH (apt-get install valgrind)")
    if args.passes < 1:
        raise SystemExit("bench_instructions: --passes must be at least 1")
    n = len(pages(args.shared))
    runs = [(with_figures, passes) for with_figures in (False, True) for passes in (args.passes, 0)]
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        counted = dict(zip(runs, pool.map(lambda run: count(args.root, args.shared, *run), runs)))
    per_page = {
        with_figures: (counted[with_figures, args.passes] - counted[with_figures, 0]) / args.passes / n / 1e6
        for with_figures in (False, True)
    }
    print(f"{n} pages, {args.passes} passes counted, scraper from {args.root.resolve()}")
    print(f"page reader (no figures)   {per_page[False]:8.2f} M instructions/page")
    print(f"parse_article (+ figures)  {per_page[True]:8.2f} M instructions/page")
    print(f"figures alone              {per_page[True] - per_page[False]:8.2f} M instructions/page")


if __name__ == "__main__":
    main()
