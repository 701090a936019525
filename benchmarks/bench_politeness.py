"""Seconds and requests of a 40-article portal crawl (scraper.sources.replay on 127.0.0.1) with
--delay 0.2, without faults and with one 429 (Retry-After: 1) on the first article, so that a
slow-down that never recovers shows as the difference between the two runs.

    python benchmarks/bench_politeness.py [--articles 40] [--delay 0.2]

Baseline: the same portal without the 429 (the ideal is that one 429 costs about its Retry-After).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import table

from scraper.fetch.crawl import CrawlConfig, run_crawl
from scraper.sources.replay import ITEM_PATH, PortalReplay, ReplayArticle


def article(i: int) -> bytes:
    return (
        "<html><head><meta charset='utf-8'><meta name='GENERATOR' content='Microsoft SharePoint'><title>Tin</title></head>"
        f"<body><div class='news-date'>Ngày 01/03/2021</div><h1 class='title-news'>Báo cáo số {i} của huyện</h1>"
        f"<div class='ms-rtestate-field'><p>Huyện đã tiếp nhận {i * 7 + 1000} hồ sơ, đúng hạn đạt 98,{i % 10}%.</p>"
        "</div></body></html>"
    ).encode("utf-8")


def run(n: int, delay: float, fault: bool) -> dict[str, object]:
    arts = [ReplayArticle(i, article(i)) for i in range(1, n + 1)]
    if fault:
        arts[-1].faults, arts[-1].retry_after = [429], "1"  # the newest article: fetched first
    with tempfile.TemporaryDirectory() as tmp, PortalReplay(arts, page_size=20) as portal:
        start = time.perf_counter()
        summary = run_crawl(CrawlConfig(start_urls=[portal.start_url], out_dir=Path(tmp), delay=delay))
        secs = time.perf_counter() - start
        items = [h for h in portal.hits if h.path.startswith(ITEM_PATH)]
    gaps = [b.at - a.at for a, b in zip(items, items[1:])]
    tail = sorted(gaps[-10:])[len(gaps[-10:]) // 2] if gaps else 0.0
    return {"run": "one 429 (Retry-After: 1)" if fault else "no fault (baseline)", "seconds": secs,
            "requests": len(portal.hits), "stored": summary.new, "median gap, last 10 s": tail}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--delay", type=float, default=0.2)
    args = ap.parse_args()
    rows = [run(args.articles, args.delay, False), run(args.articles, args.delay, True)]
    print(f"simulated portal: {args.articles} articles, --delay {args.delay}")
    print(table(rows))


if __name__ == "__main__":
    main()
