"""Shared helpers: fixture pages, timing, peak memory, a side-by-side table."""

from __future__ import annotations

import hashlib
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"  # real material beside the checkout, never in the project's git
HELD_BACK = {6, 7, 8}  # ../shared/dev/README.md: hold back whole source pages with sha1(url) % 10 in these


def held_back(source_url: str) -> bool:
    """The suggested development split: True for the held-back part (by source page)."""
    return int(hashlib.sha1(source_url.encode()).hexdigest(), 16) % 10 in HELD_BACK


def shared_records(shared: Path, name: str) -> list[dict] | None:
    """The JSON-lines file `shared/dev/NAME` as records, or None when it is not there."""
    path = shared / "dev" / name
    if not path.exists():
        return None
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fixture_pages() -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(FIXTURES.rglob("*.html")) if "golden" not in p.parts]


def timed(fn: Callable[[], object], *, min_seconds: float = 1.0) -> tuple[float, int]:
    """Seconds per call (best of repeated batches) and calls made."""
    calls, start = 0, time.perf_counter()
    while True:
        fn()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed / calls, calls


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(rows: list[dict[str, object]]) -> str:
    cols = list(rows[0])
    widths = {c: max(len(c), *(len(_fmt(r[c])) for r in rows)) for c in cols}
    lines = ["  ".join(c.ljust(widths[c]) for c in cols), "  ".join("-" * widths[c] for c in cols)]
    lines += ["  ".join(_fmt(r[c]).ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(lines)


def _fmt(v: object) -> str:
    return f"{v:,.2f}" if isinstance(v, float) else str(v)


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_parallelism(tasks: int = 8, n: int = 2_000_000) -> float:
    """How much faster 2 processes run a pure-Python loop than 1, right now: what this machine can
    give to any 2-worker run while others load it (2.0 on 2 idle cores)."""
    from concurrent.futures import ProcessPoolExecutor

    times = []
    for w in (1, 2):
        s = time.perf_counter()
        with ProcessPoolExecutor(w) as ex:
            list(ex.map(_spin, [n] * tasks))
        times.append(time.perf_counter() - s)
    return times[0] / times[1]
