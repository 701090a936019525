"""`crawl --warc` over a WARC of 2,000 article records, side by side with a bare warcio read of the
same file plus a bare selectolax parse of each record (the goal: at least half that rate).

    python benchmarks/bench_warc.py [--records 2000]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from _common import peak_rss_mb, table
from bench_crawl import article
from selectolax.lexbor import LexborHTMLParser
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.fetch.crawl import run_warc


def write_warc(path: Path, n: int) -> None:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(1, n + 1):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            url = f"https://www.binhduong.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID={i}"
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(article(i)), http_headers=headers))


def bare(path: Path) -> int:
    n = 0
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "response":
                LexborHTMLParser(rec.content_stream().read().decode("utf-8", "replace")).body.text()
                n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "bench.warc.gz"
        write_warc(warc, args.records)
        mb = warc.stat().st_size / 1e6
        s = time.perf_counter()
        n = bare(warc)
        t_bare = time.perf_counter() - s
        s = time.perf_counter()
        summary = run_warc([str(warc)], out_dir=Path(tmp) / "out", quiet=True)
        t_ours = time.perf_counter() - s
        rows = [
            {"run": "scraper crawl --warc (parse, extract, store, export)", "records/s": summary.new / t_ours, "MB/s (gz)": mb / t_ours},
            {"run": "baseline: bare warcio read + selectolax parse", "records/s": n / t_bare, "MB/s (gz)": mb / t_bare},
        ]
        print(f"{args.records} records, {mb:.1f} MB gzip WARC")
        print(table(rows))
        ratio = (summary.new / t_ours) / (n / t_bare)
        print(f"ratio {ratio:.2f} of the bare rate (goal ≥ 0.5): " + ("met" if ratio >= 0.5 else "NOT met"))
        print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
