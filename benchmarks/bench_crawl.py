"""Requests and seconds of a first crawl and a nightly crawl of a simulated portal of 2,000 articles
with 20 new ones (scraper.sources.replay on 127.0.0.1), against the goal
nightly requests ≤ new articles + listing pages touched + robots.txt.

    python benchmarks/bench_crawl.py [--articles 2000] [--new 20] [--page-size 20]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import peak_rss_mb, table

from scraper.fetch.crawl import CrawlConfig, run_crawl
from scraper.sources.replay import LIST_PATH, PortalReplay, ReplayArticle


def article(i: int) -> bytes:
    return (
        "<html><head><meta charset='utf-8'><meta name='GENERATOR' content='Microsoft SharePoint'><title>Tin</title></head><body>"
        f"<div class='news-date'>Thứ 2, Ngày 01/03/2021, 08:00</div><h1 class='title-news'>Báo cáo công tác số {i}</h1>"
        f"<div class='ms-rtestate-field'><p>Từ 01/1 đến 28/2/2021, các sở, ban, ngành đã tiếp nhận {i * 7 + 1000} hồ sơ, "
        f"trong đó {i * 5 + 900} hồ sơ trực tuyến và {i * 2 + 100} hồ sơ trực tiếp; tỷ lệ giải quyết đúng hạn đạt 98,{i % 10}%.</p></div></body></html>"
    ).encode("utf-8")


def run(portal: PortalReplay, out: Path) -> tuple[object, float, list[str]]:
    portal.hits.clear()
    start = time.perf_counter()
    summary = run_crawl(CrawlConfig(start_urls=[portal.start_url], out_dir=out, delay=0, quiet=True, max_pages=100_000))
    return summary, time.perf_counter() - start, [h.path for h in portal.hits]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--new", type=int, default=20)
    ap.add_argument("--page-size", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, PortalReplay([ReplayArticle(i, article(i)) for i in range(1, args.articles + 1)], page_size=args.page_size) as portal:
        out = Path(tmp)
        first, t1, hits1 = run(portal, out)
        for i in range(args.articles + 1, args.articles + args.new + 1):
            portal.add(ReplayArticle(i, article(i)))
        nightly, t2, hits2 = run(portal, out)
        listings2 = sum(1 for p in hits2 if p.startswith(LIST_PATH))
        rows = [
            {"run": "first crawl", "requests": len(hits1), "seconds": t1, "req/s": len(hits1) / t1, "new": first.new, "304": first.not_modified},
            {"run": f"nightly (+{args.new} new)", "requests": len(hits2), "seconds": t2, "req/s": len(hits2) / t2, "new": nightly.new, "304": nightly.not_modified},
        ]
        print(f"simulated portal: {args.articles} articles, {args.page_size} per listing page, delay 0 (politeness off for measuring)")
        print(table(rows))
        goal = args.new + listings2 + 1
        print(f"nightly requests {len(hits2)} vs goal ≤ new {args.new} + listing pages {listings2} + robots 1 = {goal}: "
              + ("met" if len(hits2) <= goal else "NOT met"))
        print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
