"""parse_article against trafilatura.extract and a bare selectolax parse, side by side, on the real
pages in ../shared (dev/pages and realpages: the measure the speed goal is set on) and on our fixture
pages, timed apart and together: pages/s, MB/s.
`parse_article(with_figures=False)` is the page reader alone (metadata + body: scraper/parse), the
part the figure extractor's time does not hide.  The contenders run in turn, batch after batch, and
each keeps its best batch (pages/s and ms/page), so the ratios hold on a machine shared with other
work.  Then body token-F1 against the golden bodies of our fixtures (fixtures/golden, reviewed by eye).

    pip install '.[bench]' && python benchmarks/bench_parse.py [--shared DIR] [--min-seconds S]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _common import FIXTURES, ROOT, fixture_pages, peak_rss_mb, table
from selectolax.lexbor import LexborHTMLParser

from scraper import parse_article
from scraper.parse import ParseError
from scraper.text import normalize


def tokens(text: str) -> Counter[str]:
    return Counter(normalize(text).lower().split())


def f1(pred: str, gold: str) -> float:
    p, g = tokens(pred), tokens(gold)
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def real_pages(shared: Path) -> list[tuple[Path, bytes]]:
    paths = sorted((shared / "dev" / "pages").glob("*.html")) + sorted((shared / "realpages").rglob("*.html"))
    return [(p, p.read_bytes()) for p in paths]


def parses(data: bytes, **kw) -> bool:
    try:
        parse_article(data, **kw)
    except ParseError:
        return False
    return True


def best_batches(fns: list[Callable[[], object]], min_seconds: float) -> list[float]:
    """Seconds per call of each function: the best of batches run in turn (a, b, c, a, b, c, …) until
    each has run `min_seconds`.  On a machine shared with other work, the best batch is the run least
    disturbed, and taking turns exposes every contender to the same disturbances: the ratios hold."""
    best = [float("inf")] * len(fns)
    spent = [0.0] * len(fns)
    for fn in fns:
        fn()  # warm-up: imports, caches, lazily compiled patterns
    while min(spent) < min_seconds:
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - start
            best[i] = min(best[i], elapsed)
            spent[i] += elapsed
    return best


def _time_set(label: str, pages: list[tuple[Path, bytes]], trafilatura, min_seconds: float) -> None:
    """Time every contender on `pages`, print the table and the speed ratios to trafilatura."""
    mb = sum(len(d) for _, d in pages) / 1e6
    runs = [
        ("parse_article, no figures (page reader)", lambda: [parse_article(d, with_figures=False) for _, d in pages]),
        ("parse_article (+ figures)", lambda: [parse_article(d) for _, d in pages]),
        ("baseline: bare selectolax parse + text",
         lambda: [LexborHTMLParser(d.decode("utf-8", "replace")).body.text() for _, d in pages]),
    ]
    if trafilatura:
        runs.append(("baseline: trafilatura.extract",
                     lambda: [trafilatura.extract(d.decode("utf-8", "replace")) for _, d in pages]))
    rows = []
    for (name, _), t in zip(runs, best_batches([fn for _, fn in runs], min_seconds)):
        rows.append({"run": name, "pages/s": len(pages) / t, "ms/page": 1000 * t / len(pages), "MB/s": mb / t})
    print(f"{label}: {len(pages)} pages, {mb:.2f} MB of HTML")
    print(table(rows))
    bare = rows[1]["ms/page"] / rows[2]["ms/page"]
    print(f"{label}: parse_article with figures takes {bare:.1f}x a bare selectolax parse")
    if trafilatura:
        print(f"{label}: page reader is {rows[0]['pages/s'] / rows[3]['pages/s']:.1f}x trafilatura's speed; "
              f"with figures {rows[1]['pages/s'] / rows[3]['pages/s']:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--min-seconds", type=float, default=3.0)
    ap.add_argument("--no-f1", action="store_true", help="timing only")
    args = ap.parse_args()
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
        print("trafilatura not installed (pip install '.[bench]'): its column is skipped")
    ours = fixture_pages()
    real = [(p, d) for p, d in real_pages(args.shared) if parses(d, with_figures=False)]
    mine = [(p, d) for p, d in ours if parses(d, with_figures=False)]
    print(f"{len(real)} real article pages from {args.shared} (the issue's measure) and {len(mine)} fixture "
          f"pages of ours, timed apart; best of batches run in turn (each at least --min-seconds in all)")
    for label, pages in (("real pages", real), ("our fixtures", mine), ("all pages", real + mine)):
        if pages:
            print()
            _time_set(label, pages, trafilatura, args.min_seconds)
    if args.no_f1:
        return
    print()
    f1_rows = []
    for path, d in ours:
        golden_path = FIXTURES / "golden" / f"{path.parent.name}--{path.stem}.json"
        if not golden_path.exists():
            continue
        golden = json.loads(golden_path.read_text(encoding="utf-8"))
        if "error" in golden:
            continue  # listings and redirect stubs have no body to score
        try:
            body = parse_article(d).body_text
        except ParseError:
            body = ""
        row = {"page": f"{path.parent.name}/{path.stem}"[:48], "F1 parse_article": f1(body, golden["body_text"])}
        if trafilatura:
            row["F1 trafilatura"] = f1(trafilatura.extract(d.decode("utf-8", "replace")) or "", golden["body_text"])
        f1_rows.append(row)
    print("body token-F1 against the golden bodies of our fixtures (reviewed by eye)")
    print(table(f1_rows))
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
