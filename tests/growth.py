"""How a cost grows with the input, measured as a ratio inside one run (never an absolute time).

Timing is CPU time with the cyclic garbage collector paused, so another process on a shared machine
and the collector's sweeps over a large heap (which grow with what is alive, not with our algorithm)
do not count. The base is several copies, not one, so fixed per-call costs and warm caches do not make
a linear cost look superlinear. A ratio over the bound is measured once more before it fails a test:
a noisy neighbour can spoil one measurement, a quadratic cost spoils both."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_cpu_time(fn: Callable[[], object], repeat: int) -> float:
    """The best CPU time of `repeat` calls of `fn`, the garbage collector paused while timing."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            fn()
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(
    small: Callable[[], object], large: Callable[[], object], bound: float, repeat: tuple[int, int] = (5, 2)
) -> float:
    """The ratio of `large`'s best time to `small`'s (best of `repeat` calls each); measured twice if
    the first is over `bound`."""
    small()  # warm caches
    ratio = float("inf")
    for _ in range(2):
        ratio = best_cpu_time(large, repeat[1]) / best_cpu_time(small, repeat[0])
        if ratio < bound:
            break
    return ratio
