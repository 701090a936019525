"""`scraper harvest --commoncrawl` against a loopback simulator of Common Crawl's two servers: a pywb
CDX index (showNumPages/page, filters) and a WARC data host answering Range requests (with a 503 and
Retry-After), serving real gzip WARC files written by warcio with several records each."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.cli import main
from scraper.fetch.crawl import reextract
from scraper.sources.commoncrawl import CommonCrawlConfig, run_commoncrawl
from test_crawl import page

ART = "http://www.binhduong.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID={}"
LISTING = "http://www.binhduong.gov.vn/Lists/TinTuc/TongQuat.aspx?PageIndex=1"
SLUG = (
    "http://www.binhduong.gov.vn/tin-tuc/ket-qua-cai-cach-hanh-chinh-quy-1-2023.html"  # no platform pattern
)
SECTION = "http://www.binhduong.gov.vn/tin-tuc/"
A, B = "CC-MAIN-2021-25", "CC-MAIN-2023-06"

# (url, HTTP status, content type, body) per crawl, in file order.
CRAWLS = {
    A: [
        (ART.format(1), "200 OK", "text/html; charset=utf-8", page(1)),
        (ART.format(2), "200 OK", "text/html; charset=utf-8", page(2)),
        (ART.format(3), "301 Moved Permanently", "text/html", b"<html>moved</html>"),
        (ART.format(4), "404 Not Found", "text/html", b"<html>not found</html>"),
        ("http://www.binhduong.gov.vn/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n...."),
        (LISTING, "200 OK", "text/html; charset=utf-8", b"<html><body><a href='x'>Tin 1</a></body></html>"),
        (ART.format(6), "200 OK", "application/pdf", b"%PDF-1.4 ..."),
    ],
    B: [
        (ART.format(1), "200 OK", "text/html; charset=utf-8", page(1)),  # the same bytes again: one article
        (
            ART.format(2),
            "200 OK",
            "text/html; charset=utf-8",
            page(2, extra="Bổ sung: tiếp nhận thêm 20 hồ sơ."),
        ),
        (ART.format(5), "200 OK", "text/html; charset=utf-8", page(5)),
        (SLUG, "200 OK", "text/html; charset=utf-8", page(7)),
        (
            SECTION,
            "200 OK",
            "text/html; charset=utf-8",
            b"<html><body><a href='/tin-tuc/a.html'>Tin</a></body></html>",
        ),
    ],
}
STAMP = {A: "20210615", B: "20230201"}


def build_warc(folder: Path, crawl: str) -> tuple[str, list[dict]]:
    """A real gzip WARC for one crawl and its CDX lines (offset/length of each record)."""
    name = f"crawl-data/{crawl}/segments/1623.1/warc/{crawl}-00000.warc.gz"
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, status, ctype, body in CRAWLS[crawl]:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    lines = []
    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        for i, rec in enumerate(it):
            url, status, ctype, body = CRAWLS[crawl][i]
            rec.content_stream().read()
            lines.append(
                {
                    "urlkey": "vn,gov,binhduong)/x",
                    "timestamp": f"{STAMP[crawl]}{i:02d}0000",
                    "url": url,
                    "mime": ctype.split(";")[0],
                    "status": status.split()[0],
                    "digest": hashlib.sha1(body).hexdigest().upper(),
                    "filename": name,
                    "offset": str(it.get_record_offset()),
                    "length": str(it.get_record_length()),
                }
            )
    return name, lines


def _matches(rec: dict, flt: str) -> bool:
    """pywb filter semantics: [!][=|~]field:value (exact, regex match, else substring)."""
    neg = flt.startswith("!")
    flt = flt.lstrip("!")
    mode = flt[0] if flt[:1] in "=~" else ""
    field, _, value = flt[len(mode) :].partition(":")
    have = str(rec.get(field, ""))
    ok = have == value if mode == "=" else bool(re.match(value, have)) if mode == "~" else value in have
    return ok != neg


class CommonCrawlSim:
    def __init__(
        self,
        folder: Path,
        page_size: int = 3,
        busy: tuple[str, int] | None = (ART.format(2), 1),
        paging: bool = True,
    ) -> None:
        self.folder = folder
        self.paging = paging
        self.page_size = page_size
        self.index = {c: build_warc(folder, c)[1] for c in CRAWLS}
        self.busy = dict([busy]) if busy else {}  # url → 503s still to answer for its record
        self.index_hits: list[str] = []
        self.data_hits: list[tuple[str, str | None, float]] = []
        self.in_flight = self.max_in_flight = 0
        self.lock = threading.Lock()

    def __enter__(self) -> CommonCrawlSim:
        self.index_server = self._serve(self._index)
        self.data_server = self._serve(self._data)
        return self

    def __exit__(self, *exc: object) -> None:
        for s in (self.index_server, self.data_server):
            s.shutdown()
            s.server_close()

    @property
    def index_url(self) -> str:
        return f"http://127.0.0.1:{self.index_server.server_address[1]}"

    @property
    def data_url(self) -> str:
        return f"http://127.0.0.1:{self.data_server.server_address[1]}"

    def _serve(self, handler) -> ThreadingHTTPServer:
        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a) -> None:  # noqa: ANN002
                pass

            def send(self, status: int, body: bytes, headers: dict | None = None) -> None:
                self.send_response(status)
                for k, v in {"Content-Length": str(len(body)), **(headers or {})}.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                handler(self)

        server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def _index(self, h) -> None:
        self.index_hits.append(h.path)
        parts = urlsplit(h.path)
        q = parse_qs(parts.query)
        crawl = parts.path.strip("/").removesuffix("-index")
        if crawl not in self.index or q.get("output") != ["json"]:
            return h.send(404, b"No Captures found")
        rows = self.index[crawl]
        if not self.paging:  # an index without the pagination API: every capture at once
            rows = [r for r in rows if all(_matches(r, f) for f in q.get("filter", []))]
            return h.send(200, "".join(json.dumps(r) + "\n" for r in rows).encode())
        pages = (len(rows) + self.page_size - 1) // self.page_size
        if q.get("showNumPages") == ["true"]:
            return h.send(
                200, json.dumps({"pages": pages, "pageSize": self.page_size, "blocks": pages}).encode()
            )
        n = int(q.get("page", ["0"])[0])
        chunk = rows[n * self.page_size : (n + 1) * self.page_size]
        chunk = [r for r in chunk if all(_matches(r, f) for f in q.get("filter", []))]
        h.send(200, "".join(json.dumps(r) + "\n" for r in chunk).encode(), {"Content-Type": "text/x-ndjson"})

    def _data(self, h) -> None:
        rng = h.headers.get("Range")
        with self.lock:
            self.data_hits.append((h.path, rng, time.monotonic()))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(0.05)
            data = (self.folder / h.path.lstrip("/")).read_bytes()
            m = re.fullmatch(r"bytes=(\d+)-(\d+)", rng or "")
            if not m:
                return h.send(400, b"this simulator only answers Range requests")
            start, end = int(m[1]), int(m[2])
            rec = next(
                r
                for rows in self.index.values()
                for r in rows
                if int(r["offset"]) == start and h.path.endswith(r["filename"])
            )
            with self.lock:
                if self.busy.get(rec["url"], 0) > 0:
                    self.busy[rec["url"]] -= 1
                    return h.send(503, b"slow down", {"Retry-After": "1"})
            h.send(
                206,
                data[start : end + 1],
                {
                    "Content-Range": f"bytes {start}-{end}/{len(data)}",
                    "Content-Type": "application/octet-stream",
                },
            )
        finally:
            with self.lock:
                self.in_flight -= 1


def cc(sim: CommonCrawlSim, out: Path, **kw) -> object:
    return run_commoncrawl(
        CommonCrawlConfig(
            crawls=[A, B],
            pattern="www.binhduong.gov.vn/Lists/TinTuc/*",
            out_dir=out,
            index_url=sim.index_url,
            data_url=sim.data_url,
            delay=0.01,
            quiet=True,
            **kw,
        )
    )


def test_commoncrawl_harvest_end_to_end(tmp_path: Path) -> None:
    with CommonCrawlSim(tmp_path / "cc") as sim:
        s = cc(sim, tmp_path / "out")
        index_hits, data_hits = list(sim.index_hits), list(sim.data_hits)
    # The index: showNumPages first, then every page, with status and HTML filtered in the query.
    assert sum("showNumPages=true" in p for p in index_hits) == 2
    assert sorted(re.search(r"page=(\d)", p)[1] for p in index_hits if "page=" in p and A in p) == [
        "0",
        "1",
        "2",
    ]
    assert all("filter=%3Dstatus%3A200" in p and "filter=mime%3Ahtml" in p for p in index_hits)
    # One Range request per distinct article capture (plus the one retried after the 503), never a whole file.
    ranges = [r for _, r, _ in data_hits]
    assert all(r and re.fullmatch(r"bytes=\d+-\d+", r) for r in ranges)
    fetched = {(p, r) for p, r, _ in data_hits}
    assert (
        len(fetched) == 5 and len(data_hits) == 6
    )  # 1 (both crawls: same digest), 2 twice (changed), 5, slug
    busy = next(r for r in sim.index[A] if r["url"] == ART.format(2))
    retry = [t for p, r, t in data_hits if A in p and r.startswith(f"bytes={busy['offset']}-")]
    assert len(retry) == 2 and retry[1] - retry[0] >= 0.95  # the 503's Retry-After honoured
    assert sim.max_in_flight <= 2  # few concurrent requests to the data host
    assert (s.new, s.changed, s.failed) == (4, 1, 0)
    db = sqlite3.connect(tmp_path / "out" / "dataset.sqlite")
    arts = {r[0]: r[1:] for r in db.execute("SELECT url, archive_url, captured_at, version FROM articles")}
    assert sorted(arts) == sorted([*(ART.format(i) for i in (1, 2, 5)), SLUG])
    rec = next(r for r in sim.index[A] if r["url"] == ART.format(1))
    end = int(rec["offset"]) + int(rec["length"]) - 1
    assert arts[ART.format(1)][0] == f"{sim.data_url}/{rec['filename']}#bytes={rec['offset']}-{end}"
    assert arts[ART.format(1)][1] == "2021-06-15T00:00:00+00:00" and arts[ART.format(1)][2] == 1
    assert (
        arts[ART.format(2)][1].startswith("2023-02-01") and arts[ART.format(2)][2] == 2
    )  # changed: a new version
    assert db.execute(
        "SELECT captured_at FROM article_versions WHERE url = ?", (ART.format(2),)
    ).fetchall() == [("2021-06-15T01:00:00+00:00",)]
    # The raw records are kept, readable by warcio, with their provenance.
    kept = list((tmp_path / "out" / "warc").glob("commoncrawl-*.warc.gz"))
    assert len(kept) == 1
    with kept[0].open("rb") as fh:
        recs = [
            (
                r.rec_headers.get_header("WARC-Target-URI"),
                r.rec_headers.get_header("WARC-Scraper-Archive-URL"),
            )
            for r in ArchiveIterator(fh)
        ]
    assert [u for u, _ in recs] == [ART.format(1), ART.format(2), ART.format(2), ART.format(5), SLUG]
    assert all(a and a.startswith(sim.data_url) and "#bytes=" in a for _, a in recs)


def test_second_commoncrawl_harvest_asks_nothing(tmp_path: Path) -> None:
    with CommonCrawlSim(tmp_path / "cc", busy=None) as sim:
        cc(sim, tmp_path / "out")
        sim.index_hits.clear()
        sim.data_hits.clear()
        s = cc(sim, tmp_path / "out")
        assert sim.index_hits == [] and sim.data_hits == []  # index answers cached; records already stored
    assert (s.new, s.changed, s.unchanged) == (0, 0, 5)


def test_index_without_paging_is_read_too(tmp_path: Path) -> None:
    with CommonCrawlSim(tmp_path / "cc", busy=None, paging=False) as sim:
        s = cc(sim, tmp_path / "out")
        assert len(sim.index_hits) == 2  # one answer per crawl
    assert (s.new, s.changed, s.failed) == (4, 1, 0)


def test_reextract_keeps_commoncrawl_provenance(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with CommonCrawlSim(tmp_path / "cc", busy=None) as sim:
        cc(sim, out)
    db = sqlite3.connect(out / "dataset.sqlite")
    before = db.execute(
        "SELECT url, archive_url, captured_at, content_hash FROM articles ORDER BY url"
    ).fetchall()
    figures = db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    (out / "dataset.sqlite").unlink()
    for p in out.glob("dataset.sqlite-*"):
        p.unlink()
    s = reextract(out, workers=1)
    assert s.failed == 0
    db = sqlite3.connect(out / "dataset.sqlite")
    assert (
        db.execute("SELECT url, archive_url, captured_at, content_hash FROM articles ORDER BY url").fetchall()
        == before
    )
    assert db.execute("SELECT COUNT(*) FROM figures").fetchone()[0] == figures


def test_commoncrawl_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with CommonCrawlSim(tmp_path / "cc", busy=None) as sim:
        code = main(
            [
                "harvest",
                "--commoncrawl",
                A,
                "--commoncrawl",
                B,
                "www.binhduong.gov.vn/Lists/TinTuc/*",
                "--cc-index-url",
                sim.index_url,
                "--cc-data-url",
                sim.data_url,
                "--delay",
                "0.01",
                "--out",
                str(tmp_path / "out"),
                "--quiet",
            ]
        )
    assert code == 0 and "4 new, 1 changed" in capsys.readouterr().err
    assert len((tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 4


@pytest.mark.parametrize(
    "argv",
    [
        ["harvest", "--commoncrawl", A],  # no URL pattern
        ["harvest", "--commoncrawl", "CC MAIN/../x", "a.gov.vn/*"],  # not a crawl id
        ["harvest", "--commoncrawl", A, "a.gov.vn/*", "--from", "last year"],
        ["harvest"],
    ],
)
def test_commoncrawl_usage_errors(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("scraper:")
