"""Web archives as a source: one harvest loop for every archive that has a CDX index.

An archive (the Wayback Machine in `wayback.py`, Common Crawl in `commoncrawl.py`) says how to list
its captures and how to fetch one capture's original bytes; this module does the rest the same way
for both: keep article-like URLs, one fetch per distinct capture (same URL and digest = the same
bytes, whatever the crawl), oldest first so a changed page becomes a new version of its article,
skip what an earlier run stored, store with the original URL plus `archive_url` and `captured_at`,
and cache index answers in the dataset so a repeated harvest asks the index (almost) nothing.
"""

from __future__ import annotations

import asyncio
import gzip
import io
import json
import logging
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

import regex

from .. import settings
from ..errors import FetchError
from ..fetch.discover import normalize_url
from ..fetch.http import Fetcher, FetchResult
from ..parse.sites import PROFILES
from ..pipeline import Progress, Summary, ingest
from ..store.dataset import Dataset

__all__ = [
    "Capture",
    "Fetched",
    "Archive",
    "HarvestOptions",
    "harvest",
    "cdx_date",
    "cached_index",
    "looks_like_article",
    "worth_fetching",
    "RawWarcSink",
    "annotate_record",
]

log = logging.getLogger("scraper.harvest")


@dataclass(frozen=True)
class Capture:
    """One capture as an archive's index lists it."""

    timestamp: str
    original: str
    mimetype: str = "text/html"
    status: str = "200"
    digest: str = ""
    filename: str = ""  # Common Crawl: the WARC file that holds the record ...
    offset: int = 0  # ... and where in it
    length: int = 0

    @property
    def captured_at(self) -> str:
        t = self.timestamp.ljust(14, "0")
        return f"{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}+00:00"

    @property
    def is_html_200(self) -> bool:
        return self.status == "200" and "html" in (self.mimetype or "text/html").lower()


@dataclass
class Fetched:
    """A capture's original response body, or why there is none."""

    content: bytes = b""
    charset: str | None = None
    status: int = 200
    error: str | None = None  # a failure (retried by the next run)
    skip: str | None = None  # not an article page after all (redirect, not HTML): counted as skipped
    raw: bytes | None = None  # the archive's record as received, kept under DIR/warc/


class Archive(Protocol):
    index_url: str

    async def captures(self, fetcher: Fetcher, ds: Dataset) -> list[Capture]: ...

    def archive_url(self, cap: Capture) -> str: ...

    async def fetch(self, fetcher: Fetcher, cap: Capture) -> Fetched: ...


@dataclass
class HarvestOptions:
    """How politely and how much: the fields both archives' configs share."""

    out_dir: str | Path = settings.OUT_DIR
    delay: float = settings.HARVEST_DELAY
    concurrency: int = 1
    retries: int = settings.HARVEST_RETRIES
    max_captures: int | None = None
    formats: tuple[str, ...] = settings.EXPORT_FORMATS
    excel: bool = False
    quiet: bool = False
    warc_prefix: str | None = None  # keep raw records in DIR/warc/<prefix>-<time>.warc.gz
    extra: dict[str, str] = field(default_factory=dict)


def options_for(cfg: object, warc_prefix: str) -> HarvestOptions:
    """The shared fields of an archive's config (Wayback, Common Crawl) as HarvestOptions."""
    names = ("out_dir", "delay", "concurrency", "retries", "max_captures", "formats", "excel", "quiet")
    given = {n: getattr(cfg, n) for n in names if hasattr(cfg, n)}
    return HarvestOptions(**given, warc_prefix=warc_prefix)


def cdx_date(text: str | None) -> str | None:
    """'2015', '2025-06-30' → CDX timestamps ('2015', '20250630')."""
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[:14] or None


# URLs that are not article pages whatever the archive says: a site or section root, listings and their
# pagination, search and tag pages, feeds and files.
_NOT_ARTICLE_URL = regex.compile(
    r"^https?://[^/]+/?(?:[\w-]+/?)?$"
    r"|(?:TongQuat|AllItems)\.aspx|/(?:category|chuyen-muc|danh-muc|tag|tags|search|tim-kiem|feed|"
    r"rss)(?:[/?.]|$)"
    r"|[?&](?:page|p|trang|pageindex|paged|pg)=\d+|/(?:page|trang)[-/]?\d+/?$"
    r"|\.(?:jpe?g|png|gif|svg|webp|css|js|pdf|docx?|xlsx?|zip|rar|mp4|mp3|ico|xml|rss)(?:$|\?)",
    regex.I,
)


def looks_like_article(url: str) -> bool:
    """An article URL by some platform profile."""
    return any(regex.search(p, url, regex.I) for prof in PROFILES for p in prof.article_url_patterns)


def worth_fetching(url: str) -> bool:
    """Article URLs by a profile, and any other URL that is not plainly a listing, a root or a file
    (such a capture is fetched and parsed; a page that turns out not to be an article is skipped)."""
    return looks_like_article(url) or not _NOT_ARTICLE_URL.search(url)


async def cached_index(fetcher: Fetcher, ds: Dataset, query: str, *, missing_ok: bool = False) -> str:
    """An index answer, from the dataset's cache when this exact query was answered before.

    `missing_ok`: a 404 means "no captures" (pywb says so for an empty result) and is cached too.
    """
    key = "cdx:" + query
    cached = ds.get_meta(key)
    if cached is not None:
        return json.loads(cached) if cached.startswith('"') else cached
    res = await fetcher.fetch(query)
    if res.status == 404 and missing_ok:
        text = ""
    elif not res.ok:
        raise FetchError(f"index query failed: {res.error or res.status} ({query})")
    else:
        text = res.content.decode("utf-8", "replace")
    ds.set_meta(key, json.dumps(text))
    return text


def select(captures: list[Capture], max_captures: int | None) -> list[Capture]:
    """HTML 200 captures worth fetching, one per (URL, digest), by URL then time."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in sorted(captures, key=lambda c: (c.original, c.timestamp)):
        key = (c.original, c.digest or c.timestamp)
        if key in seen or not c.is_html_200 or not worth_fetching(c.original):
            continue
        seen.add(key)
        out.append(c)
    return out[:max_captures] if max_captures is not None else out


def annotate_record(member: bytes, headers: dict[str, str]) -> bytes:
    """A gzip WARC record with extra WARC headers (its content block, and so its digests, unchanged)."""
    try:
        raw = gzip.decompress(member)
    except (OSError, EOFError, zlib.error):
        return member
    head, sep, rest = raw.partition(b"\r\n\r\n")
    if not sep:
        return member
    extra = "".join(f"\r\n{k}: {v}" for k, v in headers.items()).encode("utf-8")
    return gzip.compress(head + extra + sep + rest)


def response_record(url: str, res: FetchResult, warc_headers: dict[str, str]) -> bytes:
    """One gzip WARC `response` record of a fetched page (stored under its original `url`)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    skip = ("content-encoding", "transfer-encoding", "content-length")
    headers = [(k, v) for k, v in res.headers.items() if k.lower() not in skip]
    http = StatusAndHeaders(
        f"{res.status} {res.reason or 'OK'}", headers, protocol=res.http_version or "HTTP/1.1"
    )
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(res.content), http_headers=http, warc_headers_dict=warc_headers
    )
    writer.write_record(record)
    return buf.getvalue()


class RawWarcSink:
    """Records as received, appended to DIR/warc/<prefix>-<time>.warc.gz (made on first write)."""

    def __init__(self, out_dir: Path, prefix: str) -> None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
        self.path = out_dir / "warc" / f"{prefix}-{stamp}.warc.gz"
        self._fh = None

    def write(self, member: bytes) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("ab")
        self._fh.write(member)
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


async def harvest(archive: Archive, opts: HarvestOptions, progress: Progress) -> Summary:
    summary = Summary()
    ds = Dataset(opts.out_dir)
    sink = RawWarcSink(ds.dir, opts.warc_prefix) if opts.warc_prefix else None
    try:
        # robots.txt is the live site's business, not the archive's: the archive's own limits are
        # honoured through 429/503 and Retry-After instead.
        async with Fetcher(
            delay=opts.delay,
            concurrency=opts.concurrency,
            retries=opts.retries,
            obey_robots=False,
            backoff=max(opts.delay, 1.0),
        ) as fetcher:
            try:
                captures = await archive.captures(fetcher, ds)
            except (FetchError, ValueError) as exc:
                summary.fail(archive.index_url, exc, log)
                captures = []
            todo = []
            for cap in select(captures, opts.max_captures):
                done = ds.page(archive.archive_url(cap))
                if done is not None and done["state"] == "done":
                    summary.unchanged += 1
                else:
                    todo.append(cap)
            step = max(1, opts.concurrency) * settings.LISTING_BATCH_PER_SLOT
            for i in range(0, len(todo), step):
                batch = todo[i : i + step]
                results = await asyncio.gather(*(archive.fetch(fetcher, cap) for cap in batch))
                for cap, got in zip(batch, results):
                    _store(ds, archive, cap, got, summary, sink)
                    progress.update(summary, cap.original)
                summary.requests, summary.bytes = fetcher.requests, fetcher.bytes
            summary.requests, summary.bytes = fetcher.requests, fetcher.bytes
    finally:
        if sink:
            sink.close()
        progress.done(summary)
        ds.export(opts.formats, excel=opts.excel)
        ds.close()
    return summary


def _store(
    ds: Dataset, archive: Archive, cap: Capture, got: Fetched, summary: Summary, sink: RawWarcSink | None
) -> None:
    url = archive.archive_url(cap)
    if got.error is not None:
        summary.fail(url, got.error, log)
        ds.record_page(url, status=got.status, state="failed", error=got.error)
        return
    if sink is not None and got.raw is not None:
        sink.write(got.raw)
    if got.skip is not None:
        summary.skipped += 1
        log.info("%s: skipped, %s", url, got.skip)
        ds.record_page(url, status=got.status, state="done", error=got.skip)
        return
    original = normalize_url(cap.original) or cap.original
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    article = ingest(
        ds,
        got.content,
        original,
        summary,
        http_charset=got.charset,
        fetched_at=now,
        archive_url=url,
        captured_at=cap.captured_at,
    )
    ds.record_page(
        url,
        status=got.status,
        state="done" if article else "failed",
        article_id=article.id if article else None,
        content_hash=article.content_hash if article else None,
    )
