"""`scraper harvest` against a CDX + replay server on 127.0.0.1 that behaves like the Wayback Machine:
several captures per article, redirect/404/non-HTML captures, 429 bursts, paging with resume keys."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


from scraper.sources.wayback import HarvestConfig, run_harvest
from test_crawl import page

ORIG = "http://www.binhduong.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID={}"
CAPTURES = [
    # urlkey, timestamp, original, mimetype, statuscode, digest, length
    ["gov,binhduong)/x1", "20190101000000", ORIG.format(1), "text/html", "200", "D1", "1"],
    ["gov,binhduong)/x1", "20200101000000", ORIG.format(1), "text/html", "200", "D1b", "1"],  # edited later
    ["gov,binhduong)/x2", "20190102000000", ORIG.format(2), "text/html", "200", "D2", "1"],
    ["gov,binhduong)/x3", "20190103000000", ORIG.format(3), "text/html", "301", "D3", "1"],  # redirect capture
    ["gov,binhduong)/x4", "20190104000000", ORIG.format(4), "text/html", "404", "D4", "1"],
    ["gov,binhduong)/x5", "20190105000000", "http://www.binhduong.gov.vn/logo.png", "image/png", "200", "D5", "1"],
    ["gov,binhduong)/x6", "20190106000000", ORIG.format(6), "text/html", "200", "D6", "1"],
    ["gov,binhduong)/x7", "20190107000000", ORIG.format(7), "text/html", "200", "D7", "1"],
]
BODIES = {
    ("20190101000000", 1): page(1),
    ("20200101000000", 1): page(1, extra="Bổ sung: tiếp nhận thêm 20 hồ sơ."),
    ("20190102000000", 2): page(2),
    ("20190106000000", 6): page(6),
    ("20190107000000", 7): page(7),
}


class Archive:
    def __init__(self, page_size: int = 3, burst_429: int = 1) -> None:
        self.page_size = page_size
        self.burst = burst_429
        self.hits: list[tuple[str, float]] = []
        self.server = None

    def __enter__(self) -> "Archive":
        archive = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):  # noqa: ANN002
                pass

            def send(self, status: int, body: bytes, ctype: str = "text/html", extra: dict | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                archive.hits.append((self.path, time.monotonic()))
                parts = urlsplit(self.path)
                if parts.path == "/cdx":
                    q = parse_qs(parts.query)
                    start = int(q.get("resumeKey", ["0"])[0])
                    rows = CAPTURES[start : start + archive.page_size]
                    out: list = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"], *rows]
                    if start + archive.page_size < len(CAPTURES):
                        out += [[], [str(start + archive.page_size)]]
                    return self.send(200, json.dumps(out).encode(), "application/json")
                if parts.path.startswith("/web/"):
                    if archive.burst > 0:
                        archive.burst -= 1
                        return self.send(429, b"slow down", extra={"Retry-After": "1"})
                    ts, _, original = parts.path[len("/web/"):].partition("id_/")
                    original = original + ("?" + parts.query if parts.query else "")
                    item = int(original.rsplit("=", 1)[1]) if "ItemID=" in original else -1
                    body = BODIES.get((ts, item))
                    if body is None:
                        return self.send(404, b"not archived")
                    return self.send(200, body)
                return self.send(404, b"?")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"


def harvest(a: Archive, out: Path, **kw) -> object:
    return run_harvest(HarvestConfig(pattern="binhduong.gov.vn/Lists/TinTuc/*", out_dir=out, cdx_url=a.base + "/cdx",
                                     replay_url=a.base + "/web", delay=0.01, quiet=True, **kw))


def test_harvest_archive_into_dataset(tmp_path: Path) -> None:
    with Archive() as a:
        s = harvest(a, tmp_path)
        hits = list(a.hits)
    cdx = [p for p, _ in hits if p.startswith("/cdx")]
    assert len(cdx) == 3 and "resumeKey=3" in cdx[1]  # paged with resume keys
    replays = [p for p, _ in hits if p.startswith("/web/")]
    assert all("id_/" in p for p in replays)  # original bytes, never the toolbar page
    assert not any("logo.png" in p or "ItemID=3" in p or "ItemID=4" in p for p in replays)  # 301/404/non-HTML skipped
    t429 = [t for p, t in hits if p.startswith("/web/")]
    assert t429[1] - t429[0] >= 0.95  # Retry-After honoured after the 429
    assert (s.new, s.changed, s.failed) == (4, 1, 0)
    db = sqlite3.connect(tmp_path / "dataset.sqlite")
    arts = db.execute("SELECT url, archive_url, captured_at FROM articles ORDER BY url").fetchall()
    assert [r[0] for r in arts] == [ORIG.format(i).replace("www.binhduong", "www.binhduong") for i in (1, 2, 6, 7)]
    assert arts[0][1].endswith("/web/20200101000000id_/" + ORIG.format(1)) and arts[0][2] == "2020-01-01T00:00:00+00:00"
    versions = db.execute("SELECT COUNT(*) FROM article_versions WHERE url = ?", (ORIG.format(1),)).fetchone()[0]
    assert versions == 1  # two captures of one article: the current version and one earlier version


def test_second_harvest_adds_nothing(tmp_path: Path) -> None:
    with Archive(burst_429=0) as a:
        harvest(a, tmp_path)
        a.hits.clear()
        s = harvest(a, tmp_path)
        hits = list(a.hits)
    assert (s.new, s.changed) == (0, 0)
    assert hits == []  # CDX answers cached, captures already stored: no request at all


def test_harvest_dataset_equals_live_crawl_of_the_same_pages(tmp_path: Path) -> None:
    from scraper.fetch.crawl import CrawlConfig, run_crawl
    from scraper.sources.replay import PortalReplay, ReplayArticle

    live_pages = {1: BODIES[("20200101000000", 1)], 2: BODIES[("20190102000000", 2)], 6: BODIES[("20190106000000", 6)], 7: BODIES[("20190107000000", 7)]}
    with PortalReplay([ReplayArticle(i, b) for i, b in live_pages.items()]) as portal:
        run_crawl(CrawlConfig(start_urls=[portal.start_url], out_dir=tmp_path / "live", delay=0.01, quiet=True))
    with Archive(burst_429=0) as a:
        harvest(a, tmp_path / "archive")

    def figures(out: Path) -> set[tuple]:
        db = sqlite3.connect(out / "dataset.sqlite")
        return set(db.execute("SELECT article_id, \"index\", value, kind, unit, raw, start, \"end\", indicator, entity, period_start, period_end FROM figures"))

    def articles(out: Path) -> set[tuple]:
        db = sqlite3.connect(out / "dataset.sqlite")
        return set(db.execute("SELECT id, title, published, body_text, content_hash FROM articles"))

    assert figures(tmp_path / "live") == figures(tmp_path / "archive")
    assert articles(tmp_path / "live") == articles(tmp_path / "archive")


def test_wayback_captures_are_kept_for_reextract(tmp_path: Path) -> None:
    from scraper.fetch.crawl import reextract

    with Archive(burst_429=0) as a:
        harvest(a, tmp_path)
    assert len(list((tmp_path / "warc").glob("wayback-*.warc.gz"))) == 1
    db = sqlite3.connect(tmp_path / "dataset.sqlite")
    query = "SELECT url, archive_url, captured_at, content_hash FROM articles ORDER BY url"
    before, figures = db.execute(query).fetchall(), db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    db.close()
    for p in tmp_path.glob("dataset.sqlite*"):
        p.unlink()
    s = reextract(tmp_path, workers=1)  # offline: from the kept captures only
    assert s.failed == 0
    db = sqlite3.connect(tmp_path / "dataset.sqlite")
    assert db.execute(query).fetchall() == before
    assert db.execute("SELECT COUNT(*) FROM figures").fetchone()[0] == figures
