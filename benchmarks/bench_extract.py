"""extract_figures throughput over the fixture bodies, side by side with a bare digit scan.

    python benchmarks/bench_extract.py
"""

from __future__ import annotations

import regex
from _common import FIXTURES, fixture_pages, peak_rss_mb, table, timed

from scraper import extract_figures, parse_article
from scraper.parse import ParseError


def main() -> None:
    bodies = []
    for _, data in fixture_pages():
        try:
            bodies.append(parse_article(data, with_figures=False).body_text)
        except ParseError:
            pass
    bodies.append((FIXTURES / "seed-body.txt").read_text(encoding="utf-8"))
    text_mb = sum(len(b.encode("utf-8")) for b in bodies) / 1e6
    n_figs = sum(len(extract_figures(b)) for b in bodies)
    digits = regex.compile(r"\d+(?:[.,]\d+)*")

    t_ext, _ = timed(lambda: [extract_figures(b) for b in bodies], min_seconds=3)
    t_bare, _ = timed(lambda: [list(digits.finditer(b)) for b in bodies], min_seconds=1)
    rows = [
        {"run": "extract_figures (full: mask, units, context, validation)", "MB/s": text_mb / t_ext, "figures/s": n_figs / t_ext},
        {"run": "baseline: bare regex digit scan", "MB/s": text_mb / t_bare, "figures/s": float("nan")},
    ]
    print(f"{len(bodies)} bodies, {text_mb * 1000:.1f} kB of text, {n_figs} figures per pass")
    print(table(rows))
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
