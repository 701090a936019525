"""`scraper crawl`: discover → fetch → parse → extract → store, incremental and resumable.

State lives in the dataset's SQLite (`pages` for what was fetched with its validators, `frontier`
for what is still to do; the store owns that SQL), so a killed run picks up where it stopped and a
nightly run re-reads only listing pages plus conditional requests for what it already has.  Every
response is also kept raw in a WARC under `DIR/warc/`, from which `scraper reextract DIR` rebuilds
the dataset offline.

A page is requested once per run (with its bounded retries), whatever path leads to it; a page that
failed several runs in a row waits longer and longer before it is tried again.  With `mirror`, the
pages are fetched from one origin and stored under another (`crawl --replay` serves bundled pages on
a random local port but stores stable URLs).
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import logging
import os
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from .. import settings
from ..errors import Disallowed, InputError
from ..pipeline import BatchWriter, Progress, Summary, as_progress, ingest, utc_now
from ..sources.warc import WarcPartition, expand_remote, iter_pages, warc_partitions
from ..store.dataset import Dataset, check_export_formats
from .discover import discover_links, is_feed, normalize_url
from .http import Fetcher, FetchResult

__all__ = [
    "CrawlConfig",
    "run_crawl",
    "run_warc",
    "reextract",
    "WarcSink",
    "iter_warc_pages",
    "check_warc_files",
]

log = logging.getLogger("scraper.crawl")


@dataclass
class CrawlConfig:
    start_urls: list[str]
    out_dir: str | Path = settings.OUT_DIR
    max_pages: int = settings.CRAWL_MAX_PAGES
    delay: float = settings.CRAWL_DELAY
    concurrency: int = settings.CRAWL_CONCURRENCY
    since: str | None = None
    user_agent: str | None = None
    allowed_hosts: list[str] = field(default_factory=list)
    quiet: bool = False  # kept for callers; the display is the caller's `progress`
    log_file: str | None = None  # kept for callers; the command line configures logging
    formats: tuple[str, ...] = settings.EXPORT_FORMATS
    obey_robots: bool = True
    timeout: float = settings.TIMEOUT
    max_bytes: int = settings.MAX_RESPONSE_BYTES
    retries: int = settings.RETRIES
    write_warc: bool = True
    excel: bool = False
    # (stored origin, fetched origin): URLs are stored under the first and fetched from the second.
    mirror: tuple[str, str] | None = None
    attachments: bool = True  # fetch and read the documents articles link to (PDF, DOCX, XLSX…)


def _now() -> str:
    return utc_now()


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

        skip = ("content-encoding", "transfer-encoding", "content-length")
        headers = [(k, v) for k, v in res.headers.items() if k.lower() not in skip]
        http_headers = StatusAndHeaders(
            f"{res.status} {res.reason or 'OK'}", headers, protocol=res.http_version or "HTTP/1.1"
        )
        record = self._writer.create_warc_record(
            res.final_url,
            "response",
            payload=io.BytesIO(res.content),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Scraper-Role": role},
        )
        self._writer.write_record(record)
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()
        if self.path.stat().st_size == 0:
            self.path.unlink()


class _Origins:
    """Stored URL ↔ fetched URL (identity without a mirror)."""

    def __init__(self, mirror: tuple[str, str] | None) -> None:
        self.stored, self.fetched = (m.rstrip("/") for m in mirror) if mirror else ("", "")

    @staticmethod
    def _swap(url: str, a: str, b: str) -> str:
        return b + url[len(a) :] if a and url.startswith(a) else url

    def to_fetch(self, url: str) -> str:
        return self._swap(url, self.stored, self.fetched)

    def to_store(self, url: str) -> str:
        return self._swap(url, self.fetched, self.stored)

    def result(self, res: FetchResult) -> FetchResult:
        return dataclasses.replace(res, url=self.to_store(res.url), final_url=self.to_store(res.final_url))


class _Run:
    """One crawl run: the fetcher, the dataset, and what this run already tried."""

    def __init__(
        self, cfg: CrawlConfig, ds: Dataset, fetcher: Fetcher, summary: Summary, sink: WarcSink | None
    ) -> None:
        self.cfg, self.ds, self.fetcher, self.summary, self.sink = cfg, ds, fetcher, summary, sink
        self.origins = _Origins(cfg.mirror)
        self.tried: dict[str, int] = {}
        self.hosts: set[str] = set()  # the crawl's hosts (stored form): attachments are fetched from these

    async def fetch(self, url: str, **conditional: str | None) -> FetchResult | None:
        """GET a stored URL (None when this run already spent its tries on it)."""
        if self.tried.get(url, 0) >= settings.MAX_FETCHES_PER_PAGE_PER_RUN:
            return None
        self.tried[url] = self.tried.get(url, 0) + 1
        res = await self.fetcher.fetch(self.origins.to_fetch(url), **conditional)
        self.summary.requests, self.summary.bytes = self.fetcher.requests, self.fetcher.bytes
        self.summary.slowdowns = self.fetcher.slowdowns
        return self.origins.result(res)


def run_crawl(config: CrawlConfig, progress: Progress | None = None) -> Summary:
    check_export_formats(config.formats)
    return asyncio.run(_crawl(config, as_progress(progress)))


def _start_listings(cfg: CrawlConfig) -> list[str]:
    origins = _Origins(cfg.mirror)
    return [n for u in cfg.start_urls if (n := normalize_url(origins.to_store(u)))]


async def _crawl(cfg: CrawlConfig, progress: Progress) -> Summary:
    out = Path(cfg.out_dir)
    summary = Summary()
    listings = _start_listings(cfg)
    origins = _Origins(cfg.mirror)
    hosts = {urlsplit(u).netloc.lower() for u in [*listings, *cfg.start_urls]} | {
        h.lower() for h in cfg.allowed_hosts
    }
    since = cfg.since[:10] if cfg.since else None
    ds = Dataset(out)
    sink = WarcSink(out) if cfg.write_warc else None
    fetched = 0
    try:
        async with Fetcher(
            user_agent=cfg.user_agent,
            delay=cfg.delay,
            concurrency=cfg.concurrency,
            timeout=cfg.timeout,
            max_bytes=cfg.max_bytes,
            retries=cfg.retries,
            obey_robots=cfg.obey_robots,
        ) as fetcher:
            run = _Run(cfg, ds, fetcher, summary, sink)
            run.hosts = hosts
            # Listing pages are read anew every run; articles left over from a killed run come first.
            pending = ds.pending()
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
                    take = max(
                        1, min(cfg.concurrency * settings.LISTING_BATCH_PER_SLOT, cfg.max_pages - fetched)
                    )
                    batch, pending = pending[:take], pending[take:]
                    results = await asyncio.gather(*(_article(run, u) for u in batch))
                    fetched += sum(1 for r in results if r)
                    progress.update(summary, batch[-1])
                    continue
                url = listings.pop(0)
                if url in seen_listings:
                    continue
                seen_listings.add(url)
                res = await run.fetch(url)
                if res is None:
                    continue
                fetched += 1
                if sink and res.status == 200:
                    sink.write(res, role="listing")
                if not res.ok:
                    summary.fail(url, res.error or res.status, log)
                    continue
                links = discover_links(res.content, res.final_url, hosts, res.headers.get("content-type", ""))
                links.articles = _dedupe(origins.to_store(u) for u in links.articles)
                links.next_pages = _dedupe(origins.to_store(u) for u in links.next_pages)
                if not links.articles and not links.next_pages and not is_feed(res.content):
                    # A start URL that is itself an article.
                    run.tried.pop(url, None)
                    pending.append(url)
                    ds.enqueue([url])
                    continue
                new = [u for u in links.articles if not ds.page_done(u)]
                ds.enqueue(new)
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
    finally:
        progress.done(summary)
        if sink:
            sink.close()
        ds.export(cfg.formats, excel=cfg.excel)
        ds.close()
    return summary


def _dedupe(urls: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(urls))


def _listing_reaches(ds: Dataset, urls: list[str], since: str) -> bool:
    return any((p := ds.published_of_page(u)) and p[:10] < since for u in urls)


def _waiting_after_failures(prev: object) -> bool:
    """A page that failed several runs in a row is tried again only after a growing pause."""
    attempts = prev["attempts"] if prev is not None else 0  # type: ignore[index]
    if prev is None or prev[
        "state"] != "failed" or attempts < settings.FAILED_PAGE_BACKOFF_AFTER:  # type: ignore[index]
        return False
    hours = settings.FAILED_PAGE_BACKOFF_HOURS * 2 ** (attempts - settings.FAILED_PAGE_BACKOFF_AFTER)
    hours = min(hours, settings.FAILED_PAGE_BACKOFF_MAX_HOURS)
    try:
        last = datetime.fromisoformat(prev["fetched_at"])  # type: ignore[index]
    except (TypeError, ValueError):
        return False
    return datetime.now(timezone.utc) < last + timedelta(hours=hours)


def _canonical_link(res: FetchResult) -> str | None:
    """The URL a `Link: <…>; rel="canonical"` response header names (RFC 6596), if any."""
    for part in res.headers.get_list("link"):
        for item in part.split(","):
            target, _, params = item.partition(";")
            if "canonical" in params.lower() and target.strip().startswith("<"):
                return normalize_url(target.strip().strip("<>"))
    return None


async def _article(run: _Run, url: str) -> bool:
    ds, summary = run.ds, run.summary
    prev = ds.page(url)
    if _waiting_after_failures(prev):
        summary.skipped += 1
        log.info("%s: failed %d runs in a row; tried again later", url, prev["attempts"])
        return False
    known = prev is not None and prev["state"] == "done"
    res = await run.fetch(
        url, etag=prev["etag"] if known else None, last_modified=prev["last_modified"] if known else None
    )
    if res is None:
        return False
    if res.status == 304:
        summary.not_modified += 1
        ds.record_page(url, status=304, state="done")
        ds.mark_done(url)
        return True
    attempts = (prev["attempts"] if prev is not None and prev["state"] == "failed" else 0) + 1
    if not res.ok:
        summary.fail(url, res.error or res.status, log)
        ds.record_page(url, status=res.status, state="failed", error=res.error, attempts=attempts)
        if res.status in settings.FINAL_STATUSES or isinstance(res.failure, Disallowed):
            ds.mark_done(url)  # final for the frontier; robots errors and 5xx are retried by later runs
        return True
    if run.sink:
        run.sink.write(res)
    article = ingest(
        ds,
        res.content,
        _canonical_link(res) or res.final_url,
        summary,
        http_charset=res.charset,
        fetched_at=_now(),
    )
    if article is None:
        reason = summary.errors[-1] if summary.errors else "not an article"
        ds.record_page(url, status=res.status, state="failed", error=reason, attempts=attempts)
        ds.mark_done(url)
        return True
    fields = dict(
        status=res.status,
        etag=res.headers.get("etag"),
        last_modified=res.headers.get("last-modified"),
        content_hash=article.content_hash,
        article_id=article.id,
        state="done",
        error=None,
        attempts=0,
    )
    ds.record_page(url, **fields)
    if res.final_url != url:
        ds.record_page(res.final_url, **fields)
    ds.mark_done(url)
    if run.cfg.attachments and article.attachments:
        from .attachments import fetch_attachments

        await fetch_attachments(
            ds,
            run.fetch,
            article,
            summary,
            run.sink,
            fetched_at=_now(),
            hosts=run.hosts | {urlsplit(url).netloc.lower()},
        )
    return True


# --- WARC input and offline rebuild ---------------------------------------------------------------


def iter_warc_pages(paths: Iterable[str | Path]) -> Iterator[tuple[str, bytes, str | None, str | None]]:
    """(url, body bytes, charset, WARC-Date) of each 200 HTML response in WARC/ARC files (warcio)."""
    for path in paths:
        for page in iter_pages(WarcPartition(str(path))):
            yield page.url, page.body, page.charset, page.warc_date


_WARC_MAGIC = (b"WARC/", b"filedesc://")  # a WARC record, an ARC file header
_GZIP_MAGIC = b"\x1f\x8b"


def _head(path: Path) -> bytes:
    """The first bytes of the file, decompressed when it is gzip (one member per record)."""
    import gzip
    import zlib

    with path.open("rb") as fh:
        head = fh.read(16)
    if not head.startswith(_GZIP_MAGIC):
        return head
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(16)
    except (OSError, EOFError, zlib.error):
        return b""


def check_warc_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files as paths; InputError (one line) for one that is missing or is not a WARC/ARC file."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if "://" in str(p):  # remote patterns (s3://, https://) are checked by their reader
            out.append(path)
            continue
        try:
            head = _head(path)
        except IsADirectoryError:
            raise InputError(f"{p}: is a directory, not a WARC file") from None
        except OSError as exc:
            raise InputError(f"{p}: WARC read error ({exc.strerror or exc})") from None
        if not head.lstrip().startswith(_WARC_MAGIC):
            raise InputError(f"{p}: not a WARC or ARC file (no 'WARC/' record header)")
        out.append(path)
    return out


def _one_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:200]


def run_warc(
    paths: list[str],
    *,
    out_dir: str | Path = settings.OUT_DIR,
    formats: tuple[str, ...] = settings.EXPORT_FORMATS,
    quiet: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    excel: bool = False,
    workers: int | None = 1,
    dask: str | None = None,
    attachments: bool = True,
) -> Summary:
    """Read WARC/ARC files into the dataset, then (a second pass over the same files) the documents
    their articles link to.  InputError for a file that is not one (before any work).

    Partitions of the files are parsed on `workers` processes (None: all cores) or on the Dask cluster
    at `dask`; this process stores the rows in batched transactions, in file order, so the dataset is
    the same whatever the executor.  Remote files (s3://... via fsspec) must be readable by the workers.
    """
    from ..scale.executor import make_executor
    from ..scale.tasks import parse_partition

    check_export_formats(formats)
    names = expand_remote(str(p) for p in paths)
    check_warc_files([p for p in names if "://" not in p])
    files = [p if "://" in p else os.path.abspath(p) for p in names]  # Dask workers have their own cwd
    summary = Summary()
    progress = as_progress(progress)
    from .attachments import read_archived_attachments, wanted_attachments

    needed: dict = {}
    with make_executor(workers, dask) as ex, Dataset(out_dir) as ds:
        writer = BatchWriter(ds, summary, force=force)
        try:
            for result in ex.map(parse_partition, warc_partitions(files, ex.map, workers=ex.workers)):
                for outcome in result.outcomes:
                    writer.add(outcome)
                    if attachments:
                        wanted_attachments(outcome.rows, needed)
                if result.error:
                    summary.fail(result.partition.path, f"WARC read error: {result.error}", log)
                progress.update(summary, result.partition.path)
            writer.flush()
            read_archived_attachments(ds, files, needed, summary, force=force)
        except (OSError, ValueError, BrokenProcessPool) as exc:
            summary.fail(", ".join(files[:3]), f"WARC read error: {_one_line(exc)}", log)
        finally:
            writer.flush()
            progress.done(summary)
            ds.export(formats, excel=excel)
    return summary


def reextract(
    out_dir: str | Path,
    *,
    formats: tuple[str, ...] = settings.EXPORT_FORMATS,
    quiet: bool = False,
    progress: Progress | None = None,
    excel: bool = False,
    workers: int | None = 1,
    dask: str | None = None,
    attachments: bool = True,
) -> Summary:
    """Re-parse every raw response kept under DIR/warc/ with today's extractor (no network)."""
    warcs = sorted(Path(out_dir, "warc").glob("*.warc*"))
    if not warcs:
        raise InputError(f"{out_dir}/warc: no WARC files to re-extract from")
    return run_warc(
        [str(p) for p in warcs],
        out_dir=out_dir,
        formats=formats,
        force=True,
        progress=progress,
        excel=excel,
        workers=workers,
        dask=dask,
        attachments=attachments,
    )
