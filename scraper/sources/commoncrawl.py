"""`scraper harvest --commoncrawl CRAWL_ID ... URL_PATTERN`: Common Crawl captures into the dataset.

Each crawl has a pywb CDX index (`{index}/{CRAWL_ID}-index?url=...&output=json`, paged: ask
`showNumPages=true` first, then `page=0..N-1`; status 200 and HTML are filtered by the server).  A
crawl's index never changes, so every answer is cached in the dataset and a second harvest asks the
index nothing.  Each record is one HTTP Range request on the public WARC file
(`bytes=OFFSET-(OFFSET+LENGTH-1)`): one gzip member holding one WARC `response` record, read with
warcio and kept under DIR/warc/ (with our provenance headers added) so `reextract` can rebuild from it.
The data host asks for few concurrent requests; 429/503 with Retry-After slow the whole harvest down.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import regex

from .. import settings
from ..errors import UsageError
from ..fetch.http import Fetcher
from ..pipeline import Progress, Summary, as_progress
from ..store.dataset import Dataset, check_export_formats
from .archive import Capture, Fetched, annotate_record, cached_index, cdx_date, harvest, options_for
from .warc import ARCHIVE_URL_HEADER, CAPTURED_AT_HEADER, page_of_record
from .wayback import check_dates

__all__ = ["CommonCrawlConfig", "run_commoncrawl", "list_cc_captures", "record_url"]

log = logging.getLogger("scraper.harvest")

_CRAWL_ID = regex.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass
class CommonCrawlConfig:
    crawls: list[str]
    pattern: str
    date_from: str | None = None
    date_to: str | None = None
    out_dir: str | Path = settings.OUT_DIR
    index_url: str = settings.CC_INDEX_URL
    data_url: str = settings.CC_DATA_URL
    delay: float = settings.CC_DELAY
    concurrency: int = settings.CC_DATA_CONCURRENCY
    retries: int = settings.HARVEST_RETRIES
    max_captures: int | None = None
    formats: tuple[str, ...] = settings.EXPORT_FORMATS
    excel: bool = False
    quiet: bool = False
    filters: list[str] = field(default_factory=lambda: list(settings.CC_INDEX_FILTERS))


def record_url(data_url: str, cap: Capture) -> str:
    """The archive URL of a record: its WARC file and byte range (inclusive, as in the Range header)."""
    return f"{data_url.rstrip('/')}/{cap.filename}#bytes={cap.offset}-{cap.offset + cap.length - 1}"


def _index_query(cfg: CommonCrawlConfig, crawl: str, **extra: str) -> str:
    params: list[tuple[str, str]] = [("url", cfg.pattern), ("output", "json")]
    if f := cdx_date(cfg.date_from):
        params.append(("from", f))
    if t := cdx_date(cfg.date_to):
        params.append(("to", t))
    params += [("filter", f) for f in cfg.filters] + list(extra.items())
    return f"{cfg.index_url.rstrip('/')}/{crawl}-index?{urlencode(params)}"


def _capture(line: str) -> Capture | None:
    try:
        rec = json.loads(line)
        return Capture(
            str(rec["timestamp"]),
            rec["url"],
            rec.get("mime", ""),
            str(rec.get("status", "")),
            rec.get("digest", ""),
            rec["filename"],
            int(rec["offset"]),
            int(rec["length"]),
        )
    except (ValueError, KeyError, TypeError):
        log.info("index line skipped (not a capture): %.120s", line)
        return None


def _num_pages(answer: str) -> int | None:
    """N of a showNumPages answer (`{"pages": N, ...}`); 0 for an empty one; None for anything else."""
    if not answer.strip():
        return 0
    try:
        head = json.loads(answer)
        return int(head["pages"]) if isinstance(head, dict) and "pages" in head else None
    except (ValueError, TypeError, KeyError):
        return None


async def list_cc_captures(fetcher: Fetcher, cfg: CommonCrawlConfig, ds: Dataset) -> list[Capture]:
    """Every capture of the pattern in every crawl asked for, all pages of each index."""
    out: list[Capture] = []
    for crawl in cfg.crawls:
        head = await cached_index(fetcher, ds, _index_query(cfg, crawl, showNumPages="true"), missing_ok=True)
        pages = _num_pages(head)
        if pages is None:  # a server without paging answers with the captures themselves
            out.extend(c for c in map(_capture, head.splitlines()) if c is not None)
            continue
        for page in range(pages):
            text = await cached_index(fetcher, ds, _index_query(cfg, crawl, page=str(page)), missing_ok=True)
            out.extend(c for c in map(_capture, text.splitlines()) if c is not None)
    return out


@dataclass
class _CommonCrawl:
    cfg: CommonCrawlConfig

    @property
    def index_url(self) -> str:
        return self.cfg.index_url

    async def captures(self, fetcher: Fetcher, ds: Dataset) -> list[Capture]:
        return await list_cc_captures(fetcher, self.cfg, ds)

    def archive_url(self, cap: Capture) -> str:
        return record_url(self.cfg.data_url, cap)

    async def fetch(self, fetcher: Fetcher, cap: Capture) -> Fetched:
        """One Range request for one record; never the whole file."""
        from warcio.archiveiterator import ArchiveIterator

        url = f"{self.cfg.data_url.rstrip('/')}/{cap.filename}"
        res = await fetcher.fetch(url, headers={"Range": f"bytes={cap.offset}-{cap.offset + cap.length - 1}"})
        if res.failure is not None or res.status not in (200, 206):
            return Fetched(status=res.status, error=res.error or f"HTTP {res.status}")
        if res.status == 200 and len(res.content) != cap.length:
            return Fetched(status=res.status, error="the data server ignored the Range header")
        try:
            record = next(iter(ArchiveIterator(io.BytesIO(res.content))), None)
            page = page_of_record(record) if record is not None else None
        except Exception as exc:  # noqa: BLE001 - warcio raises assorted errors on damaged records
            return Fetched(status=res.status, error=f"not a WARC record ({type(exc).__name__})")
        raw = annotate_record(
            res.content, {ARCHIVE_URL_HEADER: self.archive_url(cap), CAPTURED_AT_HEADER: cap.captured_at}
        )
        if page is None:
            return Fetched(status=res.status, skip="not an HTML 200 response", raw=raw)
        return Fetched(page.body, page.charset, res.status, raw=raw)


def check_crawls(crawls: list[str], pattern: str | None) -> None:
    if not pattern:
        raise UsageError("--commoncrawl needs a URL_PATTERN, e.g. 'www.binhduong.gov.vn/tin-tuc/*'")
    bad = [c for c in crawls if not _CRAWL_ID.fullmatch(c)]
    if bad:
        raise UsageError(f"--commoncrawl {bad[0]!r} is not a crawl id (e.g. CC-MAIN-2021-25)")


def run_commoncrawl(cfg: CommonCrawlConfig, progress: Progress | None = None) -> Summary:
    check_export_formats(cfg.formats)
    check_dates(cfg.date_from, cfg.date_to)
    check_crawls(cfg.crawls, cfg.pattern)
    return asyncio.run(harvest(_CommonCrawl(cfg), options_for(cfg, "commoncrawl"), as_progress(progress)))
