"""`scraper crawl`: discover → fetch → parse → extract → store, incremental and resumable.

State lives in the dataset's SQLite (`pages` for what was fetched with its validators, `frontier`
for what is still to do), so a killed run picks up where it stopped and a nightly run re-reads only
listing pages plus conditional requests for what it already has.  Every response is also kept raw
in a WARC under `DIR/warc/`, from which `scraper reextract DIR` rebuilds the dataset offline.
"""

from __future__ import annotations

import asyncio
import io
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from .discover import discover_links, is_feed, normalize_url
from .http import Fetcher, FetchResult
from ..pipeline import Progress, Summary, ingest
from ..store.dataset import Dataset

__all__ = ["CrawlConfig", "run_crawl", "run_warc", "reextract", "WarcSink", "iter_warc_pages"]

log = logging.getLogger("scraper.crawl")


@dataclass
class CrawlConfig:
    start_urls: list[str]
    out_dir: str | Path = "output"
    max_pages: int = 1000
    delay: float = 1.0
    concurrency: int = 1
    since: str | None = None
    user_agent: str | None = None
    allowed_hosts: list[str] = field(default_factory=list)
    quiet: bool = False
    log_file: str | None = None
    formats: tuple[str, ...] = ("jsonl",)
    obey_robots: bool = True
    timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    write_warc: bool = True
    max_failures_per_page: int = 5
    attachments: bool = True  # fetch and read the documents articles link to (PDF, DOCX, XLSX…)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class WarcSink:
    """Raw responses, as received, appended to one gzip WARC per run (warcio)."""

    def __init__(self, out_dir: Path) -> None:
        from warcio.warcwriter import WARCWriter

        (out_dir / "warc").mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
        self.path = out_dir / "warc" / f"crawl-{stamp}.warc.gz"
        self._fh = self.path.open("ab")
        self._writer = WARCWriter(self._fh, gzip=True)

    def write(self, res: FetchResult, role: str = "article") -> None:
        from warcio.statusandheaders import StatusAndHeaders

        headers = [(k, v) for k, v in res.headers.items() if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")]
        http_headers = StatusAndHeaders(f"{res.status} {res.reason or 'OK'}", headers, protocol=res.http_version or "HTTP/1.1")
        record = self._writer.create_warc_record(res.final_url, "response", payload=io.BytesIO(res.content), http_headers=http_headers,
                                                 warc_headers_dict={"WARC-Scraper-Role": role})
        self._writer.write_record(record)
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()
        if self.path.stat().st_size == 0:
            self.path.unlink()


def _setup_log(log_file: str | None) -> None:
    if log_file:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def run_crawl(config: CrawlConfig) -> Summary:
    _setup_log(config.log_file)
    return asyncio.run(_crawl(config))


async def _crawl(cfg: CrawlConfig) -> Summary:
    out = Path(cfg.out_dir)
    summary = Summary()
    progress = Progress(cfg.quiet)
    hosts = {urlsplit(u).netloc.lower() for u in cfg.start_urls} | {h.lower() for h in cfg.allowed_hosts}
    since = cfg.since[:10] if cfg.since else None
    ds = Dataset(out)
    sink = WarcSink(out) if cfg.write_warc else None
    fetched = 0
    try:
        async with Fetcher(user_agent=cfg.user_agent, delay=cfg.delay, concurrency=cfg.concurrency, timeout=cfg.timeout,
                           max_bytes=cfg.max_bytes, retries=cfg.retries, obey_robots=cfg.obey_robots) as fetcher:
            # Listing pages are read anew every run; articles left over from a killed run come first.
            listings: list[str] = []
            for u in cfg.start_urls:
                n = normalize_url(u)
                if n:
                    listings.append(n)
            pending = [r["url"] for r in ds.db.execute("SELECT url FROM frontier WHERE kind='article' AND done=0 ORDER BY added_at")]
            seen_listings: set[str] = set()
            start_set = set(listings)
            revalidated: set[str] = set()
            deferred: list[tuple[list[str], list[str]]] = []
            while (listings or pending or deferred) and fetched < cfg.max_pages:
                if not pending and deferred:
                    # Next listing pages wait until this page's articles are stored, so --since can
                    # see their dates: a page that reaches older articles ends the paging.
                    for page_articles, next_pages in deferred:
                        if since is None or not _listing_reaches(ds, page_articles, since):
                            listings.extend(u for u in next_pages if u not in seen_listings)
                    deferred = []
                    continue
                if pending:
                    take = max(1, min(cfg.concurrency * 4, cfg.max_pages - fetched))
                    batch, pending = pending[:take], pending[take:]
                    results = await asyncio.gather(*(_article(ds, fetcher, u, summary, sink, hosts if cfg.attachments else None)
                                                     for u in batch))
                    fetched += sum(1 for r in results if r)
                    progress.update(summary, batch[-1])
                    continue
                url = listings.pop(0)
                if url in seen_listings:
                    continue
                seen_listings.add(url)
                res = await fetcher.fetch(url)
                fetched += 1
                summary.requests = fetcher.requests
                if sink and res.status == 200:
                    sink.write(res, role="listing")
                if not res.ok:
                    summary.failed += 1
                    summary.errors.append(f"{url}: {res.error or res.status}")
                    log.info("listing %s failed: %s", url, res.error)
                    continue
                links = discover_links(res.content, res.final_url, hosts, res.headers.get("content-type", ""))
                if not links.articles and not links.next_pages and not is_feed(res.content):
                    # A start URL that is itself an article.
                    pending.append(url)
                    _enqueue(ds, [url])
                    continue
                new = [u for u in links.articles if not _known(ds, u)]
                _enqueue(ds, new)
                pending.extend(new)
                # Revalidate (conditional GET, usually a 304) what we already hold on the pages where
                # edits are likely: the first page of each start URL and pages that brought news.
                if new or url in start_set:
                    known = [u for u in links.articles if u not in new and u not in revalidated]
                    revalidated.update(known)
                    pending.extend(known)
                # Incremental: a listing page with nothing new means the rest is already stored.
                if links.articles and not new and ds.get_meta("crawled_once") == "1":
                    log.info("listing %s has nothing new; stop paging", url)
                    continue
                deferred.append((links.articles, links.next_pages))
                progress.update(summary, url)
            ds.set_meta("crawled_once", "1")
            summary.requests, summary.bytes = fetcher.requests, fetcher.bytes
    finally:
        progress.done()
        if sink:
            sink.close()
        ds.export(cfg.formats)
        ds.close()
    for e in summary.errors[:20]:
        print(f"scraper: {e}", file=sys.stderr)
    log.info(summary.line())
    return summary


def _enqueue(ds: Dataset, urls: Iterable[str]) -> None:
    with ds.transaction() as db:
        db.executemany("INSERT OR IGNORE INTO frontier (url, kind, added_at) VALUES (?, 'article', ?)", [(u, _now()) for u in urls])


def _known(ds: Dataset, url: str) -> bool:
    row = ds.page(url)
    return row is not None and row["state"] == "done"


def _listing_reaches(ds: Dataset, urls: list[str], since: str) -> bool:
    for u in urls:
        row = ds.db.execute("SELECT a.published FROM pages p JOIN articles a ON a.id = p.article_id WHERE p.url = ?", (u,)).fetchone()
        if row and row[0] and row[0][:10] < since:
            return True
    return False


async def _article(ds: Dataset, fetcher: Fetcher, url: str, summary: Summary, sink: WarcSink | None,
                   attachment_hosts: set[str] | None = None) -> bool:
    """Fetch, parse and store one article; then its attachments on `attachment_hosts` (None: none)."""
    prev = ds.page(url)
    if prev is not None and prev["state"] == "failed" and prev["attempts"] >= 5:
        ds.db.execute("UPDATE frontier SET done=1 WHERE url=?", (url,))
        summary.skipped += 1
        return False
    known = prev is not None and prev["state"] == "done"
    res = await fetcher.fetch(url, etag=prev["etag"] if known else None, last_modified=prev["last_modified"] if known else None)
    summary.requests, summary.bytes = fetcher.requests, fetcher.bytes
    if res.status == 304:
        summary.not_modified += 1
        ds.record_page(url, status=304, state="done")
        ds.db.execute("UPDATE frontier SET done=1 WHERE url=?", (url,))
        return True
    if not res.ok:
        summary.failed += 1
        summary.errors.append(f"{url}: {res.error or res.status}")
        attempts = (prev["attempts"] if prev is not None else 0) + 1
        ds.record_page(url, status=res.status, state="failed", error=res.error, attempts=attempts)
        if res.status in (404, 410) or (res.error or "").startswith("disallowed"):  # final; robots errors retry next run
            ds.db.execute("UPDATE frontier SET done=1 WHERE url=?", (url,))
        return True
    if sink:
        sink.write(res)
    article = ingest(ds, res.content, res.final_url, summary, http_charset=res.charset, fetched_at=_now())
    if article is None:
        ds.record_page(url, status=res.status, state="failed", error=summary.errors[-1] if summary.errors else "parse", attempts=(prev["attempts"] if prev is not None else 0) + 1)
        ds.db.execute("UPDATE frontier SET done=1 WHERE url=?", (url,))
        return True
    fields = dict(status=res.status, etag=res.headers.get("etag"), last_modified=res.headers.get("last-modified"),
                  content_hash=article.content_hash, article_id=article.id, state="done", error=None)
    ds.record_page(url, **fields)
    if res.final_url != url:
        ds.record_page(res.final_url, **fields)
    ds.db.execute("UPDATE frontier SET done=1 WHERE url=?", (url,))
    if attachment_hosts is not None and article.attachments:
        from .attachments import fetch_attachments

        await fetch_attachments(ds, fetcher, article, summary, sink, fetched_at=_now(), hosts=attachment_hosts,
                                page_url=res.final_url)
    return True


# --- WARC input and offline rebuild ---------------------------------------------------------------


def iter_warc_pages(paths: Iterable[str | Path]) -> Iterator[tuple[str, bytes, str | None, str | None]]:
    """(url, body bytes, charset, WARC-Date) of each 200 HTML response in WARC/ARC files (warcio)."""
    from warcio.archiveiterator import ArchiveIterator

    for path in paths:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                if record.rec_headers.get_header("WARC-Scraper-Role") == "listing":
                    continue  # our own crawl's listing pages: discovery input, not articles
                ctype = record.http_headers.get_header("Content-Type") or ""
                if ctype and "html" not in ctype.lower():
                    continue
                charset = None
                for part in ctype.split(";")[1:]:
                    k, _, v = part.strip().partition("=")
                    if k.lower() == "charset":
                        charset = v.strip("\"' ")
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield url, record.content_stream().read(), charset, record.rec_headers.get_header("WARC-Date")


def run_warc(paths: list[str], *, out_dir: str | Path = "output", formats: tuple[str, ...] = ("jsonl",), quiet: bool = False,
             force: bool = False, attachments: bool = True) -> Summary:
    from .attachments import Needed, read_archived_attachments

    summary = Summary()
    progress = Progress(quiet)
    needed: dict[str, list[Needed]] = {}
    types: dict[str, str | None] = {}
    with Dataset(out_dir) as ds:
        try:
            for url, body, charset, warc_date in iter_warc_pages(paths):
                summary.bytes += len(body)
                article = ingest(ds, body, url, summary, http_charset=charset, fetched_at=warc_date, force=force)
                progress.update(summary, url)
                for att in (article.attachments if article is not None and attachments else []):
                    needed.setdefault(att.url, []).append(Needed(article.url or article.id, article.id, article.published))
                    types[att.url] = att.type
            read_archived_attachments(ds, paths, needed, types, summary, force=force)
        except (OSError, ValueError) as exc:
            summary.failed += 1
            summary.errors.append(f"WARC read error: {exc}")
        finally:
            progress.done()
            ds.export(formats)
    for e in summary.errors[:20]:
        print(f"scraper: {e}", file=sys.stderr)
    return summary


def reextract(out_dir: str | Path, *, formats: tuple[str, ...] = ("jsonl",), quiet: bool = False,
              attachments: bool = True) -> Summary:
    """Re-parse every raw response kept under DIR/warc/ with today's extractor (no network)."""
    warcs = sorted(Path(out_dir, "warc").glob("*.warc*"))
    if not warcs:
        s = Summary()
        s.failed = 1
        s.errors.append(f"{out_dir}/warc: no WARC files to re-extract from")
        print(f"scraper: {s.errors[0]}", file=sys.stderr)
        return s
    return run_warc([str(p) for p in warcs], out_dir=out_dir, formats=formats, quiet=quiet, force=True,
                    attachments=attachments)
