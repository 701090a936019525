"""parse_article (with figures) against trafilatura.extract and a bare selectolax parse, side by side
on every fixture page: pages/s, MB/s, and body token-F1 against the golden bodies (fixtures/golden).

    pip install '.[bench]' && python benchmarks/bench_parse.py
"""

from __future__ import annotations

import json
from collections import Counter

from _common import FIXTURES, fixture_pages, peak_rss_mb, table, timed
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


def main() -> None:
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
        print("trafilatura not installed (pip install '.[bench]'): its column is skipped")
    pages = []
    for path, data in fixture_pages():
        golden = json.loads((FIXTURES / "golden" / f"{path.parent.name}--{path.stem}.json").read_text(encoding="utf-8"))
        if "error" in golden:
            continue  # listings and redirect stubs have no body to score
        pages.append((path, data, golden["body_text"]))
    mb = sum(len(d) for _, d, _ in pages) / 1e6

    def ours():
        for _, d, _ in pages:
            parse_article(d)

    def bare():
        for _, d, _ in pages:
            LexborHTMLParser(d.decode("utf-8", "replace")).body.text()

    runs = [("parse_article (+ figures)", ours), ("baseline: bare selectolax parse + text", bare)]
    if trafilatura:
        runs.append(("baseline: trafilatura.extract", lambda: [trafilatura.extract(d.decode("utf-8", "replace")) for _, d, _ in pages]))
    rows = []
    for name, fn in runs:
        t, _ = timed(fn, min_seconds=3)
        rows.append({"run": name, "pages/s": len(pages) / t, "MB/s": mb / t})
    print(f"{len(pages)} article pages, {mb:.2f} MB of HTML")
    print(table(rows))
    if trafilatura:
        ratio = rows[0]["pages/s"] / rows[2]["pages/s"]
        print(f"parse_article is {ratio:.1f}x trafilatura's speed")
    print()
    f1_rows = []
    for path, d, gold in pages:
        try:
            ours_body = parse_article(d).body_text
        except ParseError:
            ours_body = ""
        row = {"page": f"{path.parent.name}/{path.stem}"[:48], "F1 parse_article": f1(ours_body, gold)}
        if trafilatura:
            row["F1 trafilatura"] = f1(trafilatura.extract(d.decode("utf-8", "replace")) or "", gold)
        f1_rows.append(row)
    print("body token-F1 against the golden bodies (reviewed by eye)")
    print(table(f1_rows))
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
